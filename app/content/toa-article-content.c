/* toa-article-content.c — revision content and its canonical form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "toa-article-content.h"
#include "toa-content-error.h"

G_DEFINE_BOXED_TYPE (ToaArticleContent, toa_article_content,
                     toa_article_content_copy, toa_article_content_free)

/**
 * toa_article_content_new:
 *
 * Returns: (transfer full): empty content (every field %NULL)
 */
ToaArticleContent *
toa_article_content_new (void)
{
  return g_new0 (ToaArticleContent, 1);
}

/**
 * toa_article_content_copy:
 *
 * Returns: (transfer full): a deep copy of @content
 */
ToaArticleContent *
toa_article_content_copy (const ToaArticleContent *content)
{
  ToaArticleContent *copy;

  g_return_val_if_fail (content != NULL, NULL);

  copy = toa_article_content_new ();
  copy->title = g_strdup (content->title);
  copy->lead = g_strdup (content->lead);
  copy->body = g_strdup (content->body);
  copy->byline = g_strdup (content->byline);
  copy->category = g_strdup (content->category);
  copy->event_date = g_strdup (content->event_date);
  copy->display_date = g_strdup (content->display_date);
  copy->tags = g_strdupv (content->tags);
  return copy;
}

void
toa_article_content_free (ToaArticleContent *content)
{
  if (content == NULL)
    return;

  g_free (content->title);
  g_free (content->lead);
  g_free (content->body);
  g_free (content->byline);
  g_free (content->category);
  g_free (content->event_date);
  g_free (content->display_date);
  g_strfreev (content->tags);
  g_free (content);
}

static gboolean
tags_equal (char **a,
            char **b)
{
  guint na = a != NULL ? g_strv_length (a) : 0;
  guint nb = b != NULL ? g_strv_length (b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

gboolean
toa_article_content_equal (const ToaArticleContent *a,
                           const ToaArticleContent *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->lead, b->lead) == 0 &&
         g_strcmp0 (a->body, b->body) == 0 &&
         g_strcmp0 (a->byline, b->byline) == 0 &&
         g_strcmp0 (a->category, b->category) == 0 &&
         g_strcmp0 (a->event_date, b->event_date) == 0 &&
         g_strcmp0 (a->display_date, b->display_date) == 0 &&
         tags_equal (a->tags, b->tags);
}

static void
add_text_child (xmlNodePtr  parent,
                const char *name,
                const char *text)
{
  xmlNodePtr node;

  if (text == NULL)
    return;
  node = xmlNewChild (parent, NULL, BAD_CAST name, NULL);
  xmlNodeAddContent (node, BAD_CAST text);
}

/* Parses @body as the children of a new <body> element in the XHTML
 * namespace under @parent. Entities and DTDs are never loaded. */
static gboolean
add_body_child (xmlNodePtr   parent,
                const char  *body,
                GError     **error)
{
  xmlNodePtr node = xmlNewChild (parent, NULL, BAD_CAST "body", NULL);
  xmlNsPtr ns = xmlNewNs (node, BAD_CAST TOA_XHTML_NAMESPACE, NULL);
  xmlNodePtr list = NULL;
  xmlParserErrors result;

  xmlSetNs (node, ns);
  if (body == NULL || body[0] == '\0')
    return TRUE;

  result = xmlParseInNodeContext (node, body, (int) strlen (body),
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING,
                                  &list);
  if (result != XML_ERR_OK)
    {
      xmlFreeNodeList (list);
      g_set_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_MALFORMED,
                   _("The article body is not well-formed (XML error %d)"), (int) result);
      return FALSE;
    }
  if (list != NULL)
    xmlAddChildList (node, list);
  return TRUE;
}

/**
 * toa_article_content_to_xml:
 * @content: the content
 * @doc: the document the new node belongs to
 * @error: return location for a #GError
 *
 * Builds the `<content>` element of the article XML: title, lead, byline,
 * category, event-date, display-date, tags, body — in that order, absent
 * fields omitted.
 *
 * Returns: (transfer full) (nullable): an unlinked node of @doc
 */
xmlNodePtr
toa_article_content_to_xml (const ToaArticleContent  *content,
                            xmlDocPtr                 doc,
                            GError                  **error)
{
  xmlNodePtr node = xmlNewDocNode (doc, NULL, BAD_CAST "content", NULL);

  add_text_child (node, "title", content->title);
  add_text_child (node, "lead", content->lead);
  add_text_child (node, "byline", content->byline);
  add_text_child (node, "category", content->category);
  add_text_child (node, "event-date", content->event_date);
  add_text_child (node, "display-date", content->display_date);
  if (content->tags != NULL && content->tags[0] != NULL)
    {
      xmlNodePtr tags = xmlNewChild (node, NULL, BAD_CAST "tags", NULL);

      for (guint i = 0; content->tags[i] != NULL; i++)
        add_text_child (tags, "tag", content->tags[i]);
    }
  if (!add_body_child (node, content->body, error))
    {
      xmlFreeNode (node);
      return NULL;
    }
  return node;
}

/**
 * toa_article_content_canonicalize:
 *
 * The bytes a revision hash is computed over: the `<content>` element as
 * its own document, in exclusive XML canonicalization 1.0 without
 * comments. Anyone can recompute it from an exported article XML by
 * canonicalizing its `<content>` element.
 *
 * Returns: (transfer full) (nullable): the canonical bytes
 */
GBytes *
toa_article_content_canonicalize (const ToaArticleContent  *content,
                                  GError                  **error)
{
  xmlDocPtr doc;
  xmlNodePtr root;
  xmlChar *out = NULL;
  int size;

  g_return_val_if_fail (content != NULL, NULL);

  doc = xmlNewDoc (BAD_CAST "1.0");
  root = toa_article_content_to_xml (content, doc, error);
  if (root == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  xmlDocSetRootElement (doc, root);
  size = xmlC14NDocDumpMemory (doc, NULL, XML_C14N_EXCLUSIVE_1_0, NULL, 0, &out);
  xmlFreeDoc (doc);
  if (size < 0)
    {
      g_set_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_MALFORMED,
                   _("The article could not be put in canonical form"));
      return NULL;
    }
  return g_bytes_new_with_free_func (out, size, (GDestroyNotify) xmlFree, out);
}

/**
 * toa_article_content_hash:
 *
 * Returns: (transfer full) (nullable): the lower-case hex SHA-256 of the
 *   canonical form
 */
char *
toa_article_content_hash (const ToaArticleContent  *content,
                          GError                  **error)
{
  g_autoptr(GBytes) bytes = toa_article_content_canonicalize (content, error);

  if (bytes == NULL)
    return NULL;
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/**
 * toa_body_from_plain_text:
 * @text: UTF-8 text; paragraphs separated by blank lines
 *
 * Each paragraph becomes a `<p>`, single line breaks inside one become
 * `<br/>`. The text is NFC-normalized first.
 *
 * Returns: (transfer full): a canonical body
 */
char *
toa_body_from_plain_text (const char *text)
{
  g_autofree char *nfc = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  gboolean open = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return g_string_free (out, FALSE);

  lines = g_strsplit (nfc, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0')
        {
          if (open)
            g_string_append (out, "</p>");
          open = FALSE;
          continue;
        }
      g_string_append (out, open ? "<br/>" : "<p>");
      append_escaped (out, line, -1);
      open = TRUE;
    }
  if (open)
    g_string_append (out, "</p>");
  return g_string_free (out, FALSE);
}

static gboolean
is_block (const xmlChar *name)
{
  static const char * const blocks[] = {
    "p", "h2", "h3", "h4", "li", "blockquote", "figcaption", "tr", "ul", "ol", "table", "figure",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (xmlStrEqual (name, BAD_CAST blocks[i]))
      return TRUE;
  return FALSE;
}

static void
collect_text (xmlNodePtr  node,
              GString    *out)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        {
          if (xmlStrEqual (child->name, BAD_CAST "br"))
            g_string_append_c (out, '\n');
          else if (xmlStrEqual (child->name, BAD_CAST "td") || xmlStrEqual (child->name, BAD_CAST "th"))
            {
              collect_text (child, out);
              g_string_append_c (out, '\t');
            }
          else
            {
              gboolean block = is_block (child->name);

              if (block && out->len > 0 && out->str[out->len - 1] != '\n')
                g_string_append (out, "\n\n");
              collect_text (child, out);
              if (block && out->len > 0 && out->str[out->len - 1] != '\n')
                g_string_append (out, "\n\n");
            }
        }
    }
}

/**
 * toa_body_to_plain_text:
 * @body: a canonical body
 *
 * The text of @body, blocks separated by blank lines: what search indexes
 * and word counts read.
 *
 * Returns: (transfer full): plain text (empty if @body is malformed)
 */
char *
toa_body_to_plain_text (const char *body)
{
  g_autoptr(ToaArticleContent) content = toa_article_content_new ();
  GString *out = g_string_new (NULL);
  xmlDocPtr doc;
  xmlNodePtr root;

  g_return_val_if_fail (body != NULL, NULL);

  content->body = g_strdup (body);
  doc = xmlNewDoc (BAD_CAST "1.0");
  root = toa_article_content_to_xml (content, doc, NULL);
  if (root != NULL)
    {
      xmlDocSetRootElement (doc, root);
      collect_text (xmlGetLastChild (root), out);
    }
  xmlFreeDoc (doc);

  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
