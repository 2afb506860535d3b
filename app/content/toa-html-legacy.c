/* toa-html-legacy.c — legacy Vietnamese text inside imported HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before Unicode, Vietnamese documents were typed in TCVN3 (".VnTime"
 * fonts) or VNI ("VNI-Times" fonts): the bytes are Latin-1-looking
 * characters that only the font draws as Vietnamese. Text whose font says
 * so is converted; text with no font information is converted only when
 * the detector is sure, and the decision is reported.
 */
#include "config.h"

#include "toa-html-import-private.h"

typedef struct
{
  ToaVnEncoding encoding;
  gboolean      upper_case;
  gboolean      has_font;   /* some font was named, legacy or not */
} FontInfo;

static char *
node_font_family (xmlNodePtr node)
{
  g_autofree char *style = (char *) xmlGetProp (node, BAD_CAST "style");
  char *family = toa_css_get_property (style, "font-family");

  if (family != NULL)
    return family;
  if (xmlStrcasecmp (node->name, BAD_CAST "font") == 0)
    return (char *) xmlGetProp (node, BAD_CAST "face");
  return NULL;
}

/* The font the nearest ancestor names. */
static FontInfo
font_of (xmlNodePtr text)
{
  FontInfo info = { TOA_VN_ENCODING_UNICODE, FALSE, FALSE };

  for (xmlNodePtr n = text->parent; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      g_autofree char *family = node_font_family (n);

      if (family == NULL)
        continue;
      info.has_font = TRUE;
      info.encoding = toa_vn_encoding_for_font (family, &info.upper_case);
      break;
    }
  return info;
}

static guint
count_non_ascii (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) >= 0x80;
  return n;
}

static void
convert_text (xmlNodePtr       text,
              ToaVnEncoding    encoding,
              gboolean         upper_case,
              ToaImportReport *report)
{
  g_autofree char *converted = toa_vn_legacy_to_unicode ((const char *) text->content,
                                                         encoding, upper_case);
  g_autofree char *nfc = g_utf8_normalize ((const char *) text->content, -1, G_NORMALIZE_NFC);

  if (converted == NULL)
    return;
  /* Unicode text under a legacy font comes back only normalised: nothing
   * was converted, nothing to report. */
  if (g_strcmp0 (converted, nfc) == 0)
    return;
  report->legacy_chars[encoding] += count_non_ascii ((const char *) text->content);
  xmlNodeSetContent (text, NULL);
  xmlNodeAddContent (text, BAD_CAST converted);
}

static void
collect_text_nodes (xmlNodePtr  node,
                    GPtrArray  *nodes)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    {
      if (n->type == XML_TEXT_NODE && n->content != NULL)
        g_ptr_array_add (nodes, n);
      else if (n->type == XML_ELEMENT_NODE)
        collect_text_nodes (n, nodes);
    }
}

/**
 * toa_legacy_convert_tree:
 * @root: the parsed document's root element
 * @report: counts the converted characters and the detection decision
 */
void
toa_legacy_convert_tree (xmlNodePtr       root,
                         ToaImportReport *report)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) unmarked = g_ptr_array_new ();
  GString *plain = g_string_new (NULL);
  ToaVnEncoding detected;

  g_assert (root != NULL);

  collect_text_nodes (root, nodes);
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNodePtr text = g_ptr_array_index (nodes, i);
      FontInfo font = font_of (text);

      if (font.encoding != TOA_VN_ENCODING_UNICODE)
        convert_text (text, font.encoding, font.upper_case, report);
      else if (!font.has_font)
        {
          g_ptr_array_add (unmarked, text);
          g_string_append (plain, (const char *) text->content);
          g_string_append_c (plain, '\n');
        }
    }

  /* Word keeps the document's default font in its style sheet, not on
   * the text: legacy text often arrives without any font named. */
  detected = toa_vn_detect_legacy (plain->str);
  g_string_free (plain, TRUE);
  report->legacy_detected = detected;
  if (detected == TOA_VN_ENCODING_UNICODE)
    return;
  for (guint i = 0; i < unmarked->len; i++)
    convert_text (g_ptr_array_index (unmarked, i), detected, FALSE, report);
}
