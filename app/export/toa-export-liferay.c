/* toa-export-liferay.c — web content for the portal's BASIC-WEB-CONTENT
 * structure, and the request body of its add-article web service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "toa-export-error.h"
#include "toa-export-liferay.h"
#include "toa-export-private.h"

/* Liferay names each field instance with eight letters or digits; ours
 * are derived from the content so that an export is reproducible. */
static char *
instance_id (const char *fragment)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, fragment, -1);

  return g_strndup (hash, 8);
}

/**
 * toa_liferay_content_xml:
 * @fragment: the body as HTML (toa_exporter_render_fragment())
 * @error: return location for a #GError
 *
 * The `content` of a Liferay journal article in the BASIC-WEB-CONTENT
 * structure: one `dynamic-element name="content"` holding @fragment in a
 * CDATA section. The section is built with the tree API, which splits a
 * `]]>` in @fragment over two sections, so any text survives intact.
 *
 * Returns: (transfer full) (nullable): the XML as UTF-8 bytes
 */
GBytes *
toa_liferay_content_xml (const char  *fragment,
                         GError     **error)
{
  g_autofree char *id = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  xmlNodePtr element;
  xmlNodePtr content;
  GBytes *bytes;

  g_return_val_if_fail (fragment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (fragment, -1, NULL))
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_INVALID,
                   _("The HTML for the portal is not valid UTF-8"));
      return NULL;
    }

  doc = xmlNewDoc (BAD_CAST "1.0");
  root = xmlNewDocNode (doc, NULL, BAD_CAST "root", NULL);
  xmlDocSetRootElement (doc, root);
  xmlNewProp (root, BAD_CAST "available-locales", BAD_CAST TOA_LIFERAY_LOCALE);
  xmlNewProp (root, BAD_CAST "default-locale", BAD_CAST TOA_LIFERAY_LOCALE);

  id = instance_id (fragment);
  element = xmlNewChild (root, NULL, BAD_CAST "dynamic-element", NULL);
  xmlNewProp (element, BAD_CAST "name", BAD_CAST "content");
  xmlNewProp (element, BAD_CAST "type", BAD_CAST "text_area");
  xmlNewProp (element, BAD_CAST "index-type", BAD_CAST "text");
  xmlNewProp (element, BAD_CAST "instance-id", BAD_CAST id);
  content = xmlNewChild (element, NULL, BAD_CAST "dynamic-content", NULL);
  xmlNewProp (content, BAD_CAST "language-id", BAD_CAST TOA_LIFERAY_LOCALE);
  xmlAddChild (content, xmlNewCDataBlock (doc, BAD_CAST fragment, (int) strlen (fragment)));

  bytes = toa_export_dump_xml (doc);
  xmlFreeDoc (doc);
  return bytes;
}

static void
add_locale_map (JsonBuilder *builder,
                const char  *member,
                const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, TOA_LIFERAY_LOCALE);
  json_builder_add_string_value (builder, text != NULL ? text : "");
  json_builder_end_object (builder);
}

static void
add_service_context (JsonBuilder            *builder,
                     const ToaExportArticle *article)
{
  char **tags = article->content->tags;

  json_builder_set_member_name (builder, "serviceContext");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "addGroupPermissions");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "addGuestPermissions");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "assetTagNames");
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * toa_liferay_article_json:
 * @article: the article
 * @content_xml: its toa_liferay_content_xml()
 * @error: return location for a #GError
 *
 * The parameters of the portal's `journal.journalarticle/add-article`
 * web service, but for the site (`groupId`) the sender adds: `titleMap`,
 * `descriptionMap` (the lead), `content`, the structure and template
 * keys, and a service context with the tags.
 *
 * Returns: (transfer full) (nullable): the JSON as UTF-8 bytes
 */
GBytes *
toa_liferay_article_json (const ToaExportArticle  *article,
                          GBytes                  *content_xml,
                          GError                 **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *content = NULL;
  gsize size;
  char *json;

  g_return_val_if_fail (article != NULL && article->content != NULL, NULL);
  g_return_val_if_fail (content_xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  content = g_strndup (g_bytes_get_data (content_xml, NULL), g_bytes_get_size (content_xml));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "folderId");
  json_builder_add_int_value (builder, 0);
  add_locale_map (builder, "titleMap", article->content->title);
  add_locale_map (builder, "descriptionMap", article->content->lead);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "ddmStructureKey");
  json_builder_add_string_value (builder, TOA_LIFERAY_STRUCTURE);
  json_builder_set_member_name (builder, "ddmTemplateKey");
  json_builder_add_string_value (builder, TOA_LIFERAY_STRUCTURE);
  add_service_context (builder, article);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, &size);
  return g_bytes_new_take (json, size);
}

/* The fragment (which checks the portal policy), then the content XML
 * and the JSON request, then the fragment's images. */
GPtrArray *
toa_export_liferay_files (ToaExporter             *self,
                          const ToaExportArticle  *article,
                          GError                 **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autofree char *fragment = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *json_path = NULL;

  fragment = toa_exporter_render_fragment (self, article, &files, error);
  if (fragment == NULL)
    return NULL;
  xml = toa_liferay_content_xml (fragment, error);
  if (xml == NULL)
    return NULL;
  json = toa_liferay_article_json (article, xml, error);
  if (json == NULL)
    return NULL;
  xml_path = g_strdup_printf ("article-%lld.liferay.xml", (long long) article->id);
  json_path = g_strdup_printf ("article-%lld.liferay.json", (long long) article->id);
  g_ptr_array_insert (files, 0, toa_export_file_new (json_path, json));
  g_ptr_array_insert (files, 0, toa_export_file_new (xml_path, xml));
  return g_steal_pointer (&files);
}
