/* toa-body-serializer.c — write a sanitized tree as the canonical body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2's own HTML serializer writes some attribute values raw and
 * writes comments back verbatim, so the body is written here, from the
 * sanitized tree only, with exactly the escapes XML needs. White space is
 * collapsed as a browser would render it: one space between words, none
 * at the start or end of a block or line, and line breaks only between
 * text. That makes the output a fixed point of the import.
 */
#include "config.h"

#include <string.h>

#include "toa-html-import-private.h"

typedef struct
{
  GString  *out;
  gboolean  block_start;     /* nothing written in this block yet */
  gboolean  line_start;      /* nothing written since the last break */
  gboolean  pending_space;
  gboolean  after_space;     /* the last thing written was a space */
  guint     pending_breaks;
} Writer;

static const char * const inline_elements[] = {
  "strong", "em", "u", "s", "sub", "sup", "a", NULL
};

static gboolean
is_inline (const xmlChar *name)
{
  for (guint i = 0; inline_elements[i] != NULL; i++)
    if (xmlStrcmp (name, BAD_CAST inline_elements[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/* A block boundary: pending spaces and breaks are dropped. */
static void
start_block (Writer *w)
{
  w->block_start = TRUE;
  w->line_start = TRUE;
  w->pending_space = FALSE;
  w->after_space = FALSE;
  w->pending_breaks = 0;
}

static void
flush_pending (Writer *w)
{
  for (guint i = 0; i < w->pending_breaks; i++)
    g_string_append (w->out, "<br/>");
  if (w->pending_space)
    {
      g_string_append_c (w->out, ' ');
      w->after_space = TRUE;
    }
  w->pending_breaks = 0;
  w->pending_space = FALSE;
}

static void
write_text (Writer     *w,
            const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *word = g_string_new (NULL);

  for (const char *p = nfc != NULL ? nfc : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (toa_html_is_space (c))
        {
          if (!w->line_start && !w->after_space)
            w->pending_space = TRUE;
          continue;
        }
      flush_pending (w);
      g_string_truncate (word, 0);
      g_string_append_unichar (word, c);
      append_escaped (w->out, word->str, FALSE);
      w->after_space = FALSE;
      w->block_start = FALSE;
      w->line_start = FALSE;
    }
  g_string_free (word, TRUE);
}

static void
write_start_tag (Writer     *w,
                 xmlNodePtr  node,
                 gboolean    empty)
{
  g_string_append_c (w->out, '<');
  g_string_append (w->out, (const char *) node->name);
  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    {
      g_autofree char *value = (char *) xmlNodeGetContent ((xmlNodePtr) attr);
      g_autofree char *nfc = g_utf8_normalize (value != NULL ? value : "", -1, G_NORMALIZE_NFC);

      g_string_append_printf (w->out, " %s=\"", (const char *) attr->name);
      append_escaped (w->out, nfc != NULL ? nfc : "", TRUE);
      g_string_append_c (w->out, '"');
    }
  g_string_append (w->out, empty ? "/>" : ">");
}

static void write_children (Writer *w, xmlNodePtr node);

/* Whether the first thing inside @node is a space: it is written before
 * the start tag ("a <em>b</em>", not "a<em> b</em>"). */
static gboolean
starts_with_space (xmlNodePtr node)
{
  xmlNodePtr first = node->children;

  if (first == NULL)
    return FALSE;
  if (first->type == XML_TEXT_NODE)
    return first->content != NULL && first->content[0] == ' ';
  if (first->type == XML_ELEMENT_NODE && is_inline (first->name))
    return starts_with_space (first);
  return FALSE;
}

static void
write_element (Writer     *w,
               xmlNodePtr  node)
{
  if (xmlStrcmp (node->name, BAD_CAST "br") == 0)
    {
      if (!w->block_start)
        {
          w->pending_breaks++;
          w->pending_space = FALSE;
          w->after_space = FALSE;
          w->line_start = TRUE;
        }
      return;
    }
  if (xmlStrcmp (node->name, BAD_CAST "img") == 0)
    {
      start_block (w);
      write_start_tag (w, node, TRUE);
      return;
    }
  if (is_inline (node->name))
    {
      if (starts_with_space (node) && !w->line_start && !w->after_space)
        w->pending_space = TRUE;
      flush_pending (w);
      write_start_tag (w, node, FALSE);
      write_children (w, node);
      g_string_append_printf (w->out, "</%s>", (const char *) node->name);
      return;
    }
  start_block (w);
  write_start_tag (w, node, FALSE);
  write_children (w, node);
  start_block (w);
  g_string_append_printf (w->out, "</%s>", (const char *) node->name);
}

static void
write_children (Writer     *w,
                xmlNodePtr  node)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE)
        write_element (w, n);
      else if (n->type == XML_TEXT_NODE && n->content != NULL)
        write_text (w, (const char *) n->content);
    }
}

char *
toa_body_serialize (xmlNodePtr body)
{
  Writer w = { g_string_new (NULL), TRUE, TRUE, FALSE, FALSE, 0 };

  g_assert (body != NULL);

  write_children (&w, body);
  return g_string_free (w.out, FALSE);
}
