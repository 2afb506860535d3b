/* toa-export-html-writer.c — the HTML serializer of the exports
 *
 * libxml2's HTML serializer copies some attribute values raw (a "<!--…-->"
 * or "&{" inside one) and honours disable-output-escaping; neither may
 * reach an export. This writer escapes every text and attribute value,
 * writes elements and attributes only under plain names, drops comments,
 * processing instructions and scripts, and keeps links to safe schemes —
 * whatever the stylesheet, built-in or the user's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-export-private.h"

static const char * const void_elements[] = {
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
};

/* Never written, with everything inside them. */
static const char * const dropped_elements[] = {
  "script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "noscript",
  "template", "svg", "math", "form",
};

static const char * const url_attributes[] = {
  "href", "src", "action", "formaction", "poster", "background", "cite", "longdesc", "srcset",
};

static gboolean
in_list (const xmlChar      *name,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (xmlStrcasecmp (name, BAD_CAST list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_plain_name (const xmlChar *name)
{
  if (name == NULL || !g_ascii_isalpha (name[0]))
    return FALSE;
  for (const xmlChar *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
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
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"':
          if (attribute)
            g_string_append (out, "&quot;");
          else
            g_string_append_c (out, '"');
          break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

/* What a browser would take for the scheme: blanks and control
 * characters are ignored, the scheme ends at ":" before any "/?#". */
static gboolean
is_safe_url (const char *value)
{
  g_autoptr(GString) squeezed = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    if ((guchar) *p > 0x20 && *p != 0x7f)
      g_string_append_c (squeezed, g_ascii_tolower (*p));
  for (const char *p = squeezed->str; *p != '\0'; p++)
    {
      if (*p == '/' || *p == '?' || *p == '#')
        return TRUE;
      if (*p == ':')
        return g_str_has_prefix (squeezed->str, "http:") || g_str_has_prefix (squeezed->str, "https:") ||
               g_str_has_prefix (squeezed->str, "mailto:");
    }
  return TRUE;
}

static void
write_attributes (xmlNodePtr  element,
                  GString    *out)
{
  for (xmlAttrPtr attr = element->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value;

      if (attr->ns != NULL || !is_plain_name (attr->name) ||
          g_ascii_strncasecmp ((const char *) attr->name, "on", 2) == 0)
        continue;
      value = xmlNodeGetContent ((xmlNodePtr) attr);
      if (value != NULL &&
          (!in_list (attr->name, url_attributes, G_N_ELEMENTS (url_attributes)) ||
           is_safe_url ((const char *) value)))
        {
          g_string_append_printf (out, " %s=\"", (const char *) attr->name);
          append_escaped (out, (const char *) value, TRUE);
          g_string_append_c (out, '"');
        }
      xmlFree (value);
    }
}

/* style holds raw text in HTML: it is written only if it cannot end
 * early or open markup. */
static void
write_raw_text (xmlNodePtr  element,
                GString    *out)
{
  xmlChar *text = xmlNodeGetContent (element);

  if (text != NULL && strchr ((const char *) text, '<') == NULL)
    g_string_append (out, (const char *) text);
  xmlFree (text);
}

static void write_nodes (xmlNodePtr node,
                         GString   *out);

static void
write_element (xmlNodePtr  element,
               GString    *out)
{
  const char *name = (const char *) element->name;

  if (element->ns != NULL && element->ns->prefix != NULL)
    return;
  if (!is_plain_name (element->name) ||
      in_list (element->name, dropped_elements, G_N_ELEMENTS (dropped_elements)))
    return;
  g_string_append_printf (out, "<%s", name);
  write_attributes (element, out);
  g_string_append_c (out, '>');
  if (in_list (element->name, void_elements, G_N_ELEMENTS (void_elements)))
    return;
  if (xmlStrcasecmp (element->name, BAD_CAST "style") == 0)
    write_raw_text (element, out);
  else
    write_nodes (element->children, out);
  g_string_append_printf (out, "</%s>", name);
}

static void
write_nodes (xmlNodePtr  node,
             GString    *out)
{
  for (xmlNodePtr child = node; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        write_element (child, out);
      else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
               child->content != NULL)
        append_escaped (out, (const char *) child->content, FALSE);
    }
}

/**
 * toa_export_write_html:
 * @doc: the result of a stylesheet
 * @page: whether it is a whole page (gets `<!DOCTYPE html>`)
 *
 * Returns: (transfer full): the HTML, UTF-8
 */
char *
toa_export_write_html (xmlDocPtr doc,
                       gboolean  page)
{
  GString *out = g_string_new (NULL);

  if (page)
    g_string_append (out, "<!DOCTYPE html>\n");
  write_nodes (doc->children, out);
  if (page)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
