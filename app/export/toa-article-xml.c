/* toa-article-xml.c — the canonical article XML: writer, reader, schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <string.h>

#include "toa-article-xml.h"
#include "toa-export-error.h"
#include "toa-export-private.h"

#define ARTICLE_SCHEMA TOA_EXPORT_RESOURCE_DIR "article.rng"
#define FORMAT_VERSION "1"

/* Metadata children of <article> each start on their own line, so that a
 * diff of two exports reads well. Only <article> gets this whitespace:
 * inside <content> every character is content and hashed. */
static xmlNodePtr
add_line (xmlNodePtr  article,
          const char *name,
          const char *text)
{
  xmlAddChild (article, xmlNewDocText (article->doc, BAD_CAST "\n  "));
  return xmlNewTextChild (article, NULL, BAD_CAST name, BAD_CAST text);
}

static void
add_time (xmlNodePtr  article,
          const char *name,
          GDateTime  *time)
{
  g_autofree char *text = toa_export_format_time (time);

  if (text != NULL)
    add_line (article, name, text);
}

static gboolean
check_required (const ToaExportArticle  *article,
                GError                 **error)
{
  if (article->id <= 0 || article->office_code == NULL || article->office_name == NULL ||
      article->status == NULL || article->created == NULL || article->updated == NULL ||
      article->content == NULL)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_INVALID,
                   _("The article lacks an id, office, status or dates and cannot be exported"));
      return FALSE;
    }
  return TRUE;
}

/* The <content> element is built once, in a document of its own, hashed
 * there the way toa_article_content_hash() does (the exclusive canonical
 * form of that document), then copied in. */
static gboolean
add_content (xmlNodePtr               root,
             const ToaExportArticle  *article,
             GError                 **error)
{
  xmlDocPtr alone = xmlNewDoc (BAD_CAST "1.0");
  xmlNodePtr content = toa_article_content_to_xml (article->content, alone, error);
  g_autofree char *hash = NULL;
  xmlChar *canonical = NULL;
  xmlNodePtr node;
  int size = -1;

  if (content != NULL)
    {
      xmlDocSetRootElement (alone, content);
      size = xmlC14NDocDumpMemory (alone, NULL, XML_C14N_EXCLUSIVE_1_0, NULL, 0, &canonical);
    }
  if (size < 0)
    {
      if (content != NULL)
        g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_INVALID,
                     _("The article could not be put in canonical form"));
      xmlFreeDoc (alone);
      return FALSE;
    }
  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, canonical, size);
  xmlFree (canonical);

  node = add_line (root, "content-hash", hash);
  xmlNewProp (node, BAD_CAST "algorithm", BAD_CAST "sha256");
  xmlAddChild (root, xmlNewDocText (root->doc, BAD_CAST "\n  "));
  xmlAddChild (root, xmlDocCopyNode (content, root->doc, 1));
  xmlAddChild (root, xmlNewDocText (root->doc, BAD_CAST "\n"));
  xmlFreeDoc (alone);
  return TRUE;
}

/**
 * toa_article_xml_build:
 * @article: the article
 * @error: return location for a #GError
 *
 * Builds the article XML with the tree API and validates it against
 * data/article.rng. Its `<content>` element is exactly the one
 * toa_article_content_to_xml() makes, and `<content-hash>` its hash.
 *
 * Returns: (transfer full) (nullable): the document, free with xmlFreeDoc()
 */
xmlDocPtr
toa_article_xml_build (const ToaExportArticle  *article,
                       GError                 **error)
{
  g_autofree char *id = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  xmlNodePtr node;

  g_return_val_if_fail (article != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_required (article, error))
    return NULL;

  doc = xmlNewDoc (BAD_CAST "1.0");
  root = xmlNewDocNode (doc, NULL, BAD_CAST "article", NULL);
  xmlDocSetRootElement (doc, root);
  xmlNewProp (root, BAD_CAST "format-version", BAD_CAST FORMAT_VERSION);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, article->id);
  xmlNewProp (root, BAD_CAST "id", BAD_CAST id);

  node = add_line (root, "office", article->office_name);
  xmlNewProp (node, BAD_CAST "code", BAD_CAST article->office_code);
  add_line (root, "status", article->status);
  if (article->author != NULL)
    add_line (root, "author", article->author);
  add_time (root, "created", article->created);
  add_time (root, "updated", article->updated);
  add_time (root, "published", article->published);
  if (article->approved_revision > 0 && article->approved_hash != NULL)
    {
      g_autofree char *revision = g_strdup_printf ("%" G_GINT64_FORMAT, article->approved_revision);

      node = add_line (root, "approved", article->approved_hash);
      xmlNewProp (node, BAD_CAST "revision", BAD_CAST revision);
    }

  if (!add_content (root, article, error) || !toa_article_xml_validate (doc, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/**
 * toa_article_xml_write:
 * @article: the article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the article XML as UTF-8 bytes
 */
GBytes *
toa_article_xml_write (const ToaExportArticle  *article,
                       GError                 **error)
{
  xmlDocPtr doc;
  GBytes *bytes;

  g_return_val_if_fail (article != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = toa_article_xml_build (article, error);
  if (doc == NULL)
    return NULL;
  bytes = toa_export_dump_xml (doc);
  xmlFreeDoc (doc);
  return bytes;
}

/**
 * toa_article_xml_validate:
 * @doc: a document
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @doc follows data/article.rng
 */
gboolean
toa_article_xml_validate (xmlDocPtr   doc,
                          GError    **error)
{
  g_return_val_if_fail (doc != NULL, FALSE);

  return toa_export_validate (doc, ARTICLE_SCHEMA, error);
}

static xmlNodePtr
find_child (xmlNodePtr  parent,
            const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, BAD_CAST name))
      return child;
  return NULL;
}

static char *
child_text (xmlNodePtr  parent,
            const char *name)
{
  xmlNodePtr node = find_child (parent, name);
  xmlChar *text;
  char *copy;

  if (node == NULL)
    return NULL;
  text = xmlNodeGetContent (node);
  copy = g_strdup (text != NULL ? (const char *) text : "");
  xmlFree (text);
  return copy;
}

static char *
attribute_text (xmlNodePtr  node,
                const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static GDateTime *
child_time (xmlNodePtr  parent,
            const char *name)
{
  g_autofree char *text = child_text (parent, name);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* The body string is the children of <body> serialized back as XML
 * (UTF-8, no namespace declarations: they sit on <body>), which
 * toa_article_content_to_xml() parses into the same tree. */
static char *
body_text (xmlNodePtr body)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlSaveCtxtPtr save = xmlSaveToBuffer (buffer, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_AS_XML);
  char *text;

  for (xmlNodePtr child = body->children; child != NULL; child = child->next)
    xmlSaveTree (save, child);
  xmlSaveClose (save);
  text = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return text;
}

static char **
tag_list (xmlNodePtr content)
{
  xmlNodePtr tags = find_child (content, "tags");
  GPtrArray *list;

  if (tags == NULL)
    return NULL;
  list = g_ptr_array_new ();
  for (xmlNodePtr tag = tags->children; tag != NULL; tag = tag->next)
    if (tag->type == XML_ELEMENT_NODE)
      {
        xmlChar *text = xmlNodeGetContent (tag);

        g_ptr_array_add (list, g_strdup (text != NULL ? (const char *) text : ""));
        xmlFree (text);
      }
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

static ToaArticleContent *
read_content (xmlNodePtr node)
{
  ToaArticleContent *content = toa_article_content_new ();

  content->title = child_text (node, "title");
  content->lead = child_text (node, "lead");
  content->byline = child_text (node, "byline");
  content->category = child_text (node, "category");
  content->event_date = child_text (node, "event-date");
  content->display_date = child_text (node, "display-date");
  content->tags = tag_list (node);
  content->body = body_text (find_child (node, "body"));
  return content;
}

static ToaExportArticle *
read_article (xmlNodePtr root)
{
  ToaExportArticle *article = toa_export_article_new ();
  g_autofree char *id = attribute_text (root, "id");
  xmlNodePtr office = find_child (root, "office");
  xmlNodePtr approved = find_child (root, "approved");

  article->id = g_ascii_strtoll (id, NULL, 10);
  article->office_code = attribute_text (office, "code");
  article->office_name = child_text (root, "office");
  article->status = child_text (root, "status");
  article->author = child_text (root, "author");
  article->created = child_time (root, "created");
  article->updated = child_time (root, "updated");
  article->published = child_time (root, "published");
  if (approved != NULL)
    {
      g_autofree char *revision = attribute_text (approved, "revision");

      article->approved_revision = g_ascii_strtoll (revision, NULL, 10);
      article->approved_hash = child_text (root, "approved");
    }
  g_clear_pointer (&article->content, toa_article_content_free);
  article->content = read_content (find_child (root, "content"));
  return article;
}

/* The schema's dateTime allows instants GLib cannot represent (years
 * before 1 or after 9999): such a file could not be written back. */
static gboolean
check_times (xmlNodePtr               root,
             const ToaExportArticle  *article,
             GError                 **error)
{
  if (article->created == NULL || article->updated == NULL ||
      (article->published == NULL && find_child (root, "published") != NULL))
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_INVALID,
                   _("Article %lld has a date that is out of range"), (long long) article->id);
      return FALSE;
    }
  return TRUE;
}

/* The stated hash must be the hash of the content as read: this catches
 * an edited export, and any loss in reading it. */
static gboolean
check_hash (xmlNodePtr               root,
            const ToaExportArticle  *article,
            GError                 **error)
{
  g_autofree char *stated = child_text (root, "content-hash");
  g_autofree char *actual = toa_article_content_hash (article->content, error);

  if (actual == NULL)
    return FALSE;
  if (g_strcmp0 (stated, actual) != 0)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_HASH_MISMATCH,
                   _("The content of article %lld does not match its hash: the file was changed after export"),
                   (long long) article->id);
      return FALSE;
    }
  return TRUE;
}

/**
 * toa_article_xml_read:
 * @data: the article XML
 * @size: its length in bytes
 * @error: return location for a #GError
 *
 * Reads an article XML from an untrusted source: documents with a DTD or
 * entities are refused without being expanded, nothing is fetched, the
 * document must follow data/article.rng and its content must match its
 * `<content-hash>`. Writing the result again gives the same bytes.
 *
 * Returns: (transfer full) (nullable): the article
 */
ToaExportArticle *
toa_article_xml_read (const char  *data,
                      gsize        size,
                      GError     **error)
{
  g_autoptr(ToaExportArticle) article = NULL;
  xmlDocPtr doc;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = toa_export_parse_untrusted (data, size, error);
  if (doc == NULL)
    return NULL;
  if (!toa_article_xml_validate (doc, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  article = read_article (xmlDocGetRootElement (doc));
  if (!check_times (xmlDocGetRootElement (doc), article, error) ||
      !check_hash (xmlDocGetRootElement (doc), article, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  xmlFreeDoc (doc);
  return g_steal_pointer (&article);
}
