/* toa-body-check.h — is a string a safe canonical body? (tests and fuzzing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only so that the libFuzzer target and the GTest programs share
 * it without a library of their own. The check is independent of the
 * sanitizer: it reads the body with the XML parser (as every consumer of
 * the canonical body does) and looks at every node and attribute.
 */
#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

static const char * const toa_check_elements[] = {
  "p", "h2", "h3", "h4", "strong", "em", "u", "s", "sub", "sup", "br", "a",
  "ul", "ol", "li", "blockquote", "figure", "img", "figcaption",
  "table", "thead", "tbody", "tr", "th", "td", NULL
};

static gboolean
toa_check_in (const char         *name,
              const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
toa_check_attribute_allowed (const char *element,
                             const char *attribute)
{
  if (strcmp (element, "a") == 0)
    return strcmp (attribute, "href") == 0;
  if (strcmp (element, "img") == 0)
    return strcmp (attribute, "src") == 0 || strcmp (attribute, "alt") == 0;
  if (strcmp (element, "ol") == 0)
    return strcmp (attribute, "start") == 0;
  if (strcmp (element, "td") == 0 || strcmp (element, "th") == 0)
    return strcmp (attribute, "colspan") == 0 || strcmp (attribute, "rowspan") == 0;
  return FALSE;
}

/* The URL as a browser reads it: control characters and white space
 * anywhere removed (the strictest reading), lower case. */
static char *
toa_check_browser_url (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c <= 0x20 || (c >= 0x7F && c <= 0xA0) || g_unichar_isspace (c) ||
          c == 0xFEFF || c == 0x200B)
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

/* NULL when @url has no scheme (relative). */
static char *
toa_check_scheme (const char *url)
{
  const char *p = url;

  if (!g_ascii_isalpha (*p))
    return NULL;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  return *p == ':' ? g_strndup (url, p - url) : NULL;
}

static gboolean
toa_check_url (const char  *element,
               const char  *value,
               char       **why)
{
  g_autofree char *url = toa_check_browser_url (value);
  g_autofree char *scheme = toa_check_scheme (url);

  if (strcmp (element, "img") == 0)
    {
      if (!g_str_has_prefix (url, "media:") || url[6] == '\0' ||
          strspn (url + 6, "0123456789") != strlen (url + 6))
        {
          *why = g_strdup_printf ("img src \"%s\" is not media:N", value);
          return FALSE;
        }
      return TRUE;
    }
  if (scheme != NULL && strcmp (scheme, "http") != 0 && strcmp (scheme, "https") != 0 &&
      strcmp (scheme, "mailto") != 0)
    {
      *why = g_strdup_printf ("href \"%s\" has scheme %s", value, scheme);
      return FALSE;
    }
  return TRUE;
}

static gboolean
toa_check_node (xmlNodePtr   node,
                char       **why)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    {
      const char *name = (const char *) n->name;

      if (n->type == XML_TEXT_NODE)
        {
          g_autofree char *nfc = g_utf8_normalize ((const char *) n->content, -1, G_NORMALIZE_NFC);

          if (g_strcmp0 (nfc, (const char *) n->content) != 0)
            {
              *why = g_strdup_printf ("text \"%s\" is not NFC", n->content);
              return FALSE;
            }
          continue;
        }
      if (n->type != XML_ELEMENT_NODE)
        {
          *why = g_strdup_printf ("node of type %d (comment, PI, CDATA…)", n->type);
          return FALSE;
        }
      if (!toa_check_in (name, toa_check_elements))
        {
          *why = g_strdup_printf ("element <%s> is not allowed", name);
          return FALSE;
        }
      for (xmlAttrPtr a = n->properties; a != NULL; a = a->next)
        {
          g_autofree char *value = (char *) xmlNodeGetContent ((xmlNodePtr) a);

          if (g_ascii_strncasecmp ((const char *) a->name, "on", 2) == 0 ||
              !toa_check_attribute_allowed (name, (const char *) a->name))
            {
              *why = g_strdup_printf ("attribute %s on <%s>", a->name, name);
              return FALSE;
            }
          if ((strcmp ((const char *) a->name, "href") == 0 || strcmp ((const char *) a->name, "src") == 0) &&
              !toa_check_url (name, value, why))
            return FALSE;
        }
      if (strcmp (name, "img") == 0 && (n->parent == NULL || strcmp ((const char *) n->parent->name, "figure") != 0))
        {
          *why = g_strdup ("img outside a figure");
          return FALSE;
        }
      if (!toa_check_node (n, why))
        return FALSE;
    }
  return TRUE;
}

/* TRUE when @body is a well-formed fragment of only allowlisted elements
 * and attributes, with safe URLs; otherwise *why says what is wrong. The
 * raw text is checked too: no "<!", "<?" or "]]>" may appear at all. */
static gboolean
toa_check_body (const char  *body,
                char       **why)
{
  g_autofree char *wrapped = g_strconcat ("<body>", body, "</body>", NULL);
  xmlDocPtr doc;
  gboolean ok;

  *why = NULL;
  if (strstr (body, "<!") != NULL || strstr (body, "<?") != NULL || strstr (body, "]]>") != NULL)
    {
      *why = g_strdup ("markup declaration, PI or CDATA end in the text");
      return FALSE;
    }
  if (!g_utf8_validate (body, -1, NULL))
    {
      *why = g_strdup ("not UTF-8");
      return FALSE;
    }
  doc = xmlReadMemory (wrapped, (int) strlen (wrapped), NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      *why = g_strdup ("not well-formed XML");
      return FALSE;
    }
  ok = toa_check_node (xmlDocGetRootElement (doc), why);
  xmlFreeDoc (doc);
  return ok;
}
