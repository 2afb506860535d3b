/* toa-page-import.c — a whole HTML page to article content
 *
 * The page is parsed only to find where its parts are: the title (our
 * .toa-title, else the first <h1>, else <title>), the lead (.toa-lead)
 * and the byline (.toa-byline) are taken as plain text; the body
 * (.toa-body, else the whole <body> without those parts) goes through the
 * one import pipeline, toa_html_import(), which alone decides what is
 * safe to keep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <string.h>

#include "toa-content-error.h"
#include "toa-page-import.h"

static gboolean
has_class (xmlNodePtr  node,
           const char *name)
{
  g_autofree char *value = (char *) xmlGetProp (node, BAD_CAST "class");
  g_auto(GStrv) classes = NULL;

  if (value == NULL)
    return FALSE;
  classes = g_strsplit_set (value, " \t\r\n", -1);
  return g_strv_contains ((const char * const *) classes, name);
}

typedef gboolean (*NodeTest) (xmlNodePtr node, const char *arg);

static gboolean
is_class (xmlNodePtr  node,
          const char *arg)
{
  return has_class (node, arg);
}

static gboolean
is_element (xmlNodePtr  node,
            const char *arg)
{
  return xmlStrcasecmp (node->name, BAD_CAST arg) == 0;
}

/* Depth-first, document order. Skips subtrees that never hold article
 * text, so that a <title> inside an <svg> or a script is not taken. */
static xmlNodePtr
find (xmlNodePtr  node,
      NodeTest    test,
      const char *arg)
{
  for (xmlNodePtr child = node; child != NULL; child = child->next)
    {
      xmlNodePtr found;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (child, "script") || is_element (child, "style") || is_element (child, "svg"))
        continue;
      if (test (child, arg))
        return child;
      found = find (child->children, test, arg);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of @node as one NFC line: what a reader sees, runs of white
 * space (no-break spaces too) folded into one space. */
static char *
node_text (xmlNodePtr node)
{
  g_autofree char *raw = NULL;
  g_autoptr(GString) folded = g_string_new (NULL);

  if (node == NULL)
    return NULL;
  raw = (char *) xmlNodeGetContent (node);
  if (raw == NULL)
    return NULL;
  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          if (folded->len > 0 && folded->str[folded->len - 1] != ' ')
            g_string_append_c (folded, ' ');
          continue;
        }
      g_string_append_unichar (folded, c);
    }
  while (folded->len > 0 && folded->str[folded->len - 1] == ' ')
    g_string_truncate (folded, folded->len - 1);
  if (folded->len == 0)
    return NULL;
  return g_utf8_normalize (folded->str, -1, G_NORMALIZE_NFC);
}

static char *
inner_html (xmlDocPtr  doc,
            xmlNodePtr node)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  char *html;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    htmlNodeDump (buffer, doc, child);
  html = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return html;
}

/* Removes the nodes from the tree. All are unlinked before any is freed,
 * so that one inside another is not freed twice. */
static void
drop_all (xmlNodePtr *nodes,
          guint       n_nodes)
{
  for (guint i = 0; i < n_nodes; i++)
    if (nodes[i] != NULL)
      xmlUnlinkNode (nodes[i]);
  for (guint i = 0; i < n_nodes; i++)
    {
      if (nodes[i] == NULL)
        continue;
      for (guint j = i + 1; j < n_nodes; j++)
        if (nodes[j] == nodes[i])
          nodes[j] = NULL;
      xmlFreeNode (nodes[i]);
    }
}

/**
 * toa_html_page_import:
 * @data: the page, UTF-8
 * @len: its length in bytes
 * @report: (out) (optional) (transfer full): what the body import removed
 *   or converted
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the content found in the page
 */
ToaArticleContent *
toa_html_page_import (const char       *data,
                      gsize             len,
                      ToaImportReport **report,
                      GError          **error)
{
  g_autoptr(ToaArticleContent) content = NULL;
  g_autofree char *body_html = NULL;
  htmlDocPtr doc;
  xmlNodePtr root, title, lead, byline, body;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8,
                   _("The page is not valid UTF-8 text"));
      return NULL;
    }
  doc = htmlReadMemory (data, (int) MIN (len, (gsize) G_MAXINT), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_IGNORE_ENC);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_MALFORMED,
                   _("The page has no content to import"));
      return NULL;
    }

  content = toa_article_content_new ();
  title = find (root, is_class, "toa-title");
  if (title == NULL)
    title = find (root, is_element, "h1");
  if (title == NULL)
    title = find (root, is_element, "title");
  lead = find (root, is_class, "toa-lead");
  byline = find (root, is_class, "toa-byline");
  content->title = node_text (title);
  content->lead = node_text (lead);
  content->byline = node_text (byline);

  body = find (root, is_class, "toa-body");
  if (body == NULL)
    {
      /* No marked body: everything but the parts already taken. */
      xmlNodePtr taken[] = {
        title, lead, byline, find (root, is_class, "toa-date"), find (root, is_element, "head"),
      };

      drop_all (taken, G_N_ELEMENTS (taken));
      body = find (root, is_element, "body");
      if (body == NULL)
        body = root;
    }
  body_html = inner_html (doc, body);
  xmlFreeDoc (doc);

  content->body = toa_html_import (body_html, strlen (body_html), NULL, report, error);
  if (content->body == NULL)
    return NULL;
  return g_steal_pointer (&content);
}
