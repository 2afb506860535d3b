/* toa-export-util.c — parsing, validation and small helpers shared by the
 * export formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "toa-article-xml.h"
#include "toa-export-error.h"
#include "toa-export-private.h"

/* A document type declaration is the door to external entities (XXE) and
 * entity expansion (billion laughs). No format we read has one, so any
 * input that declares one is refused before libxml2 sees it. */
static gboolean
declares_dtd (const char *data,
              gsize       size)
{
  static const char * const markers[] = { "<!DOCTYPE", "<!ENTITY" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (g_strstr_len (data, (gssize) size, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_entity_references (xmlNodePtr node)
{
  for (xmlNodePtr child = node; child != NULL; child = child->next)
    {
      if (child->type == XML_ENTITY_REF_NODE || child->type == XML_ENTITY_DECL ||
          child->type == XML_DTD_NODE)
        return TRUE;
      if (child->type == XML_ELEMENT_NODE && has_entity_references (child->children))
        return TRUE;
    }
  return FALSE;
}

/**
 * toa_export_parse_untrusted:
 *
 * Parses XML that may come from anyone: UTF-8 only, at most
 * %TOA_ARTICLE_XML_MAX_SIZE bytes, no DTD, no entities, no network. The
 * parser options never include NOENT, DTDLOAD, DTDATTR, DTDVALID or HUGE.
 *
 * Returns: (transfer full) (nullable): the document
 */
xmlDocPtr
toa_export_parse_untrusted (const char  *data,
                            gsize        size,
                            GError     **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  if (data == NULL || size == 0)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MALFORMED,
                   _("The XML document is empty"));
      return NULL;
    }
  if (size > TOA_ARTICLE_XML_MAX_SIZE || size > G_MAXINT)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_TOO_LARGE,
                   _("The XML document is too large (%lu bytes; at most %d are accepted)"),
                   (unsigned long) size, TOA_ARTICLE_XML_MAX_SIZE);
      return NULL;
    }
  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MALFORMED,
                   _("The XML document is not valid UTF-8"));
      return NULL;
    }
  if (declares_dtd (data, size))
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_UNSAFE,
                   _("The XML document declares a document type or entities, which are refused for safety"));
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      xmlErrorPtr last = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strdup (last != NULL && last->message != NULL ? last->message : "?");

      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MALFORMED,
                   _("The XML document is not well-formed (line %d: %s)"),
                   last != NULL ? last->line : 0, g_strstrip (message));
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  xmlFreeParserCtxt (ctxt);

  if (doc->intSubset != NULL || doc->extSubset != NULL || has_entity_references (doc->children))
    {
      xmlFreeDoc (doc);
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_UNSAFE,
                   _("The XML document declares a document type or entities, which are refused for safety"));
      return NULL;
    }
  return doc;
}

static GMutex schemas_lock;
static GHashTable *schemas;

/* Schemas are compiled once per process; a compiled schema is read-only
 * while validating, so threads may share it. */
static xmlRelaxNGPtr
lookup_schema (const char  *resource,
               GError     **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&schemas_lock);
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  gsize size;
  const char *data;

  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  schema = g_hash_table_lookup (schemas, resource);
  if (schema != NULL)
    return schema;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  if (schema == NULL)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_INVALID,
                   _("The schema %s could not be loaded"), resource);
      return NULL;
    }
  g_hash_table_insert (schemas, g_strdup (resource), schema);
  return schema;
}

static void
keep_first_error (void        *user_data,
                  xmlErrorPtr  err)
{
  char **message = user_data;

  if (*message == NULL && err != NULL && err->message != NULL)
    {
      *message = g_strdup_printf ("%d: %s", err->line, err->message);
      g_strstrip (*message);
    }
}

/**
 * toa_export_validate:
 * @doc: a document
 * @schema_resource: the GResource path of a RELAX NG schema
 *
 * Returns: %TRUE if @doc is valid; otherwise %FALSE with the first
 *   validation message in @error
 */
gboolean
toa_export_validate (xmlDocPtr    doc,
                     const char  *schema_resource,
                     GError     **error)
{
  xmlRelaxNGPtr schema = lookup_schema (schema_resource, error);
  xmlRelaxNGValidCtxtPtr ctxt;
  g_autofree char *message = NULL;
  int result;

  if (schema == NULL)
    return FALSE;

  ctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (ctxt, keep_first_error, &message);
  result = xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);
  if (result != 0)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_INVALID,
                   _("The document does not follow its schema (line %s)"),
                   message != NULL ? message : "?");
      return FALSE;
    }
  return TRUE;
}

/* UTF-8 with an XML declaration, no indentation: whitespace inside the
 * body is content. */
GBytes *
toa_export_dump_xml (xmlDocPtr doc)
{
  xmlChar *mem = NULL;
  int size = 0;

  xmlDocDumpMemoryEnc (doc, &mem, &size, "UTF-8");
  return g_bytes_new_with_free_func (mem, size, (GDestroyNotify) xmlFree, mem);
}

/* RFC 3339 in UTC to the second: what the schema accepts and what reads
 * back to the same instant. The year is always four digits ("%Y" would
 * write year 475 as "475"). */
char *
toa_export_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/* The <content-hash> of an article XML document built by
 * toa_article_xml_build(). */
char *
toa_export_doc_content_hash (xmlDocPtr article_doc)
{
  xmlNodePtr root = xmlDocGetRootElement (article_doc);

  for (xmlNodePtr child = root != NULL ? root->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, BAD_CAST "content-hash"))
      {
        xmlChar *text = xmlNodeGetContent (child);
        char *hash = g_strdup ((const char *) text);

        xmlFree (text);
        return hash;
      }
  return NULL;
}
