/* toa-word-cleanup.c — Microsoft Word and LibreOffice clipboard HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Word's HTML is mostly noise (Office namespaces, mso-* styles, Mso*
 * classes) that the allowlist throws away anyway. What needs work before
 * that: Office-prefixed tags, which libxml2 would read as HTML elements
 * with the prefix dropped (<o:p> becomes a paragraph); downlevel-revealed
 * conditional comments, whose content is real; and Word's lists, which
 * are paragraphs with an "mso-list" style and a typed-out marker instead
 * of <ul>/<ol>.
 */
#include "config.h"

#include <string.h>

#include "toa-html-import-private.h"

/* --- before parsing -------------------------------------------------- */

/* The Windows clipboard prefixes HTML with "Version:0.9\nStartHTML:…"
 * lines. Their byte offsets no longer hold once line ends are
 * normalised, so the header lines themselves are skipped, and only lines
 * with CF_HTML's own keys: a pasted text that starts "Version: 2" keeps
 * every line. */
static gboolean
is_cf_html_line (const char *line)
{
  static const char * const keys[] = {
    "Version:", "StartHTML:", "EndHTML:", "StartFragment:", "EndFragment:",
    "StartSelection:", "EndSelection:", "SourceURL:",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_has_prefix (line, keys[i]))
      return TRUE;
  return FALSE;
}

static const char *
skip_cf_html_header (const char *html)
{
  const char *p = html;

  if (!g_str_has_prefix (html, "Version:") || strstr (html, "\nStartHTML:") == NULL)
    return html;
  while (is_cf_html_line (p))
    {
      const char *end = strchr (p, '\n');

      if (end == NULL)
        return p + strlen (p);
      p = end + 1;
    }
  return p;
}

static char *
regex_remove (const char *text,
              const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL);

  g_assert (regex != NULL);
  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

/**
 * toa_word_preclean:
 * @html: valid UTF-8, NUL-free, line ends normalised
 * @office_tags: (out): set when Office-prefixed tags were removed
 *
 * Returns: (transfer full): @html without the CF_HTML header, Office
 *   tags (their content stays) and conditional-comment markers
 */
char *
toa_word_preclean (const char *html,
                   gboolean   *office_tags)
{
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;

  /* <![if !supportLists]>…<![endif]>: the markers go, the content (the
   * list marker, the fallback image) stays. <!--StartFragment--> and
   * <!--[if !mso]--> style comments go too. */
  step1 = regex_remove (skip_cf_html_header (html),
                        "<!\\[(?:if\\b[^\\]>]*|endif)\\]>|"
                        "<!--\\[(?:if\\b[^\\]>]*|endif)\\]-->|"
                        "<!--(?:Start|End)Fragment-->");
  /* o: w: v: m: x: st1: … — tags only; text inside (smart tags, content
   * controls) is kept. */
  step2 = regex_remove (step1, "</?(?:o|w|v|m|x|st[0-9]+):[a-z][^>]*>");
  *office_tags = strlen (step2) != strlen (step1);
  return g_steal_pointer (&step2);
}

/* --- what made the markup -------------------------------------------- */

static gboolean
is_word_element (xmlNodePtr node)
{
  g_autofree char *klass = (char *) xmlGetProp (node, BAD_CAST "class");
  g_autofree char *style = (char *) xmlGetProp (node, BAD_CAST "style");
  g_autofree char *name = (char *) xmlGetProp (node, BAD_CAST "name");
  g_autofree char *content = (char *) xmlGetProp (node, BAD_CAST "content");

  if (klass != NULL && g_ascii_strncasecmp (klass, "Mso", 3) == 0)
    return TRUE;
  if (style != NULL && strstr (style, "mso-") != NULL)
    return TRUE;
  return name != NULL && content != NULL && g_ascii_strcasecmp (name, "ProgId") == 0 &&
         g_str_has_prefix (content, "Word.");
}

static gboolean
is_libreoffice_element (xmlNodePtr node)
{
  g_autofree char *name = (char *) xmlGetProp (node, BAD_CAST "name");
  g_autofree char *content = (char *) xmlGetProp (node, BAD_CAST "content");

  return name != NULL && content != NULL && g_ascii_strcasecmp (name, "generator") == 0 &&
         (g_str_has_prefix (content, "LibreOffice") || g_str_has_prefix (content, "OpenOffice"));
}

static ToaHtmlSource
find_source (xmlNodePtr node)
{
  for (xmlNodePtr n = node; n != NULL; n = n->next)
    {
      ToaHtmlSource found;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (is_word_element (n))
        return TOA_HTML_SOURCE_WORD;
      if (is_libreoffice_element (n))
        return TOA_HTML_SOURCE_LIBREOFFICE;
      found = find_source (n->children);
      if (found != TOA_HTML_SOURCE_GENERIC)
        return found;
    }
  return TOA_HTML_SOURCE_GENERIC;
}

/**
 * toa_word_detect_source:
 * @root: the parsed document's root element
 * @office_tags: toa_word_preclean() removed Office-prefixed tags
 *
 * Looks only at markup (Mso classes, mso- styles, generator metadata),
 * never at text: the canonical body carries none of these, so a body
 * whose text mentions "mso-list" is not taken for Word on re-import.
 */
ToaHtmlSource
toa_word_detect_source (xmlNodePtr root,
                        gboolean   office_tags)
{
  ToaHtmlSource found = root != NULL ? find_source (root) : TOA_HTML_SOURCE_GENERIC;

  if (found == TOA_HTML_SOURCE_GENERIC && office_tags)
    return TOA_HTML_SOURCE_WORD;
  return found;
}

/* --- CSS ------------------------------------------------------------- */

/**
 * toa_css_get_property:
 * @style: a style attribute ("mso-list:l0 level1 lfo1; font-family:.VnTime")
 * @property: a property name, lower case
 *
 * Returns: (transfer full) (nullable): the trimmed value of the last
 *   declaration of @property
 */
char *
toa_css_get_property (const char *style,
                      const char *property)
{
  g_auto(GStrv) declarations = NULL;
  char *found = NULL;

  if (style == NULL)
    return NULL;
  declarations = g_strsplit (style, ";", -1);
  for (guint i = 0; declarations[i] != NULL; i++)
    {
      char *colon = strchr (declarations[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      if (g_ascii_strcasecmp (g_strstrip (declarations[i]), property) != 0)
        continue;
      g_free (found);
      found = g_strdup (g_strstrip (colon + 1));
    }
  return found;
}

static char *
get_style_property (xmlNodePtr  node,
                    const char *property)
{
  g_autofree char *style = (char *) xmlGetProp (node, BAD_CAST "style");

  return toa_css_get_property (style, property);
}

/* --- headings -------------------------------------------------------- */

static gboolean
has_class (xmlNodePtr  node,
           const char *name)
{
  g_autofree char *classes = (char *) xmlGetProp (node, BAD_CAST "class");
  g_auto(GStrv) list = classes != NULL ? g_strsplit_set (classes, " \t\n", -1) : NULL;

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_ascii_strcasecmp (list[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Word's Heading 1 is the article's first level below the title: h2.
 * Heading 2 → h3, Heading 3 and below → h4, Title → h2, Subtitle → h3. */
static void
rename_heading (xmlNodePtr node)
{
  static const char * const map[][2] = {
    { "h1", "h2" }, { "h2", "h3" }, { "h3", "h4" }, { "h4", "h4" }, { "h5", "h4" }, { "h6", "h4" },
  };

  if (xmlStrcasecmp (node->name, BAD_CAST "p") == 0)
    {
      if (has_class (node, "MsoTitle"))
        xmlNodeSetName (node, BAD_CAST "h2");
      else if (has_class (node, "MsoSubtitle"))
        xmlNodeSetName (node, BAD_CAST "h3");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (xmlStrcasecmp (node->name, BAD_CAST map[i][0]) == 0)
      {
        xmlNodeSetName (node, BAD_CAST map[i][1]);
        return;
      }
}

static void
rename_headings (xmlNodePtr node)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      {
        rename_heading (n);
        rename_headings (n);
      }
}

/* --- lists ----------------------------------------------------------- */

typedef struct
{
  guint     level;
  gboolean  numbered;
  gint64    start;
} ListItem;

/* "l0 level2 lfo1" → 2; 0 when @node is not a list paragraph. */
static guint
list_level (xmlNodePtr node)
{
  g_autofree char *value = NULL;
  const char *level;

  if (node->type != XML_ELEMENT_NODE || xmlStrcasecmp (node->name, BAD_CAST "p") != 0)
    return 0;
  value = get_style_property (node, "mso-list");
  if (value == NULL)
    return 0;
  level = strstr (value, "level");
  if (level == NULL || !g_ascii_isdigit (level[5]))
    return 0;
  return CLAMP (g_ascii_strtoull (level + 5, NULL, 10), 1, 9);
}

static xmlNodePtr
find_marker (xmlNodePtr node)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    {
      g_autofree char *value = NULL;
      xmlNodePtr found;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      value = get_style_property (n, "mso-list");
      if (value != NULL && g_ascii_strcasecmp (value, "Ignore") == 0)
        return n;
      found = find_marker (n);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "1." "a)" "(iv)" "2.3." are numbers; "·" "o" "§" "-" "Ø" are bullets. */
static gboolean
marker_is_number (const char *marker,
                  gint64     *start)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\(?(?:[0-9]+(?:\\.[0-9]+)*|[a-z]{1,5})[.)]$|^[0-9]+$",
                                         G_REGEX_CASELESS, 0, NULL);

  *start = g_ascii_isdigit (marker[0]) ? g_ascii_strtoll (marker, NULL, 10) : 1;
  return g_regex_match (regex, marker, 0, NULL);
}

/* Reads and removes the typed-out marker of a list paragraph. */
static ListItem
read_list_item (xmlNodePtr para)
{
  ListItem item = { list_level (para), FALSE, 1 };
  xmlNodePtr marker = find_marker (para);
  g_autofree char *text = NULL;
  GString *trimmed;

  if (marker == NULL)
    return item;
  text = (char *) xmlNodeGetContent (marker);
  trimmed = g_string_new (NULL);
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!toa_html_is_space (g_utf8_get_char (p)))
      g_string_append_unichar (trimmed, g_utf8_get_char (p));
  item.numbered = marker_is_number (trimmed->str, &item.start);
  g_string_free (trimmed, TRUE);
  xmlUnlinkNode (marker);
  xmlFreeNode (marker);
  return item;
}

typedef struct
{
  guint       level;
  gboolean    numbered;
  xmlNodePtr  list;
} ListFrame;

static xmlNodePtr
last_item (xmlNodePtr list)
{
  for (xmlNodePtr n = list->last; n != NULL; n = n->prev)
    if (n->type == XML_ELEMENT_NODE && xmlStrcmp (n->name, BAD_CAST "li") == 0)
      return n;
  return xmlNewChild (list, NULL, BAD_CAST "li", NULL);
}

static xmlNodePtr
new_list (xmlNodePtr  para,
          ListItem   *item)
{
  xmlNodePtr list = xmlNewDocNode (para->doc, NULL, BAD_CAST (item->numbered ? "ol" : "ul"), NULL);

  if (item->numbered && item->start > 1)
    {
      g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, item->start);

      xmlSetProp (list, BAD_CAST "start", BAD_CAST start);
    }
  return list;
}

/* Turns one run of consecutive list paragraphs, starting at @first, into
 * nested lists. Returns the node after the run. */
static xmlNodePtr
convert_list_run (xmlNodePtr       first,
                  ToaImportReport *report)
{
  ListFrame stack[10];
  guint depth = 0;
  xmlNodePtr last_root = NULL;
  xmlNodePtr n = first;

  while (n != NULL)
    {
      xmlNodePtr next = n->next;
      ListItem item;
      xmlNodePtr li;

      if (n->type == XML_TEXT_NODE && xmlIsBlankNode (n))
        {
          n = next;
          continue;
        }
      if (n->type == XML_COMMENT_NODE)
        {
          n = next;
          continue;
        }
      if (list_level (n) == 0)
        break;
      item = read_list_item (n);
      while (depth > 0 && stack[depth - 1].level > item.level)
        depth--;
      if (depth > 0 && stack[depth - 1].level == item.level && stack[depth - 1].numbered != item.numbered)
        depth--;
      if (depth == 0 || stack[depth - 1].level < item.level)
        {
          xmlNodePtr list = new_list (n, &item);

          if (depth == 0 && last_root != NULL)
            xmlAddNextSibling (last_root, list);
          else if (depth == 0)
            xmlAddPrevSibling (first, list);
          else
            xmlAddChild (last_item (stack[depth - 1].list), list);
          if (depth == 0)
            last_root = list;
          stack[depth++] = (ListFrame) { item.level, item.numbered, list };
        }
      li = xmlNewChild (stack[depth - 1].list, NULL, BAD_CAST "li", NULL);
      while (n->children != NULL)
        {
          xmlNodePtr child = n->children;

          xmlUnlinkNode (child);
          xmlAddChild (li, child);
        }
      if (n == first)
        first = next;
      xmlUnlinkNode (n);
      xmlFreeNode (n);
      report->lists_converted++;
      n = next;
    }
  return n;
}

static void
convert_lists (xmlNodePtr       node,
               ToaImportReport *report)
{
  xmlNodePtr n = node->children;

  while (n != NULL)
    {
      if (list_level (n) > 0)
        {
          n = convert_list_run (n, report);
          continue;
        }
      if (n->type == XML_ELEMENT_NODE)
        convert_lists (n, report);
      n = n->next;
    }
}

/**
 * toa_word_convert_tree:
 * @root: the parsed document's root element
 * @report: counts what was converted
 *
 * Word list paragraphs become nested `ul`/`ol`, headings move one level
 * down (Heading 1 is h2), Title and Subtitle paragraphs become headings.
 */
void
toa_word_convert_tree (xmlNodePtr       root,
                       ToaImportReport *report)
{
  g_assert (root != NULL);

  convert_lists (root, report);
  rename_heading (root);
  rename_headings (root);
}
