/* toa-html-legacy.c — legacy Vietnamese text inside imported HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before Unicode, Vietnamese documents were typed in TCVN3 (".VnTime"
 * fonts) or VNI ("VNI-Times" fonts): the bytes are Latin-1-looking
 * characters that only the font draws as Vietnamese. Text whose font says
 * so is converted on the parsed tree, where fonts are known; the rest is
 * judged on the sanitized tree and converted only when the detector is
 * sure, and the decision is reported.
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

/* Converts @text in place; returns whether anything changed. */
static gboolean
convert_text (xmlNodePtr       text,
              ToaVnEncoding    encoding,
              gboolean         upper_case,
              ToaImportReport *report)
{
  g_autofree char *converted = toa_vn_legacy_to_unicode ((const char *) text->content,
                                                         encoding, upper_case);
  g_autofree char *nfc = g_utf8_normalize ((const char *) text->content, -1, G_NORMALIZE_NFC);

  if (converted == NULL)
    return FALSE;
  /* Unicode text under a legacy font comes back only normalised: nothing
   * was converted, nothing to report. */
  if (g_strcmp0 (converted, nfc) == 0)
    return FALSE;
  report->legacy_chars[encoding] += count_non_ascii ((const char *) text->content);
  xmlNodeSetContent (text, NULL);
  xmlNodeAddContent (text, BAD_CAST converted);
  return TRUE;
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
 * toa_legacy_convert_fonts:
 * @root: the parsed document's root element
 * @report: counts the converted characters
 *
 * Converts the text whose font names a legacy encoding, and marks the
 * converted text nodes (toa_legacy_is_converted()) so that detection
 * leaves them alone.
 */
void
toa_legacy_convert_fonts (xmlNodePtr       root,
                          ToaImportReport *report)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  g_assert (root != NULL);

  collect_text_nodes (root, nodes);
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNodePtr text = g_ptr_array_index (nodes, i);
      FontInfo font = font_of (text);

      if (font.encoding != TOA_VN_ENCODING_UNICODE &&
          convert_text (text, font.encoding, font.upper_case, report))
        toa_legacy_mark_converted (text);
    }
}

static const char converted_mark;

void
toa_legacy_mark_converted (xmlNodePtr text)
{
  text->_private = (void *) &converted_mark;
}

gboolean
toa_legacy_is_converted (xmlNodePtr text)
{
  return text->_private == &converted_mark;
}

/* The text as it would read with the unmarked nodes converted. */
static char *
text_converted_as (GPtrArray     *nodes,
                   ToaVnEncoding  encoding)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNodePtr text = g_ptr_array_index (nodes, i);

      if (encoding != TOA_VN_ENCODING_UNICODE && !toa_legacy_is_converted (text))
        {
          g_autofree char *converted = toa_vn_legacy_to_unicode ((const char *) text->content,
                                                                 encoding, FALSE);

          g_string_append (out, converted != NULL ? converted : (const char *) text->content);
        }
      else
        g_string_append (out, (const char *) text->content);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/**
 * toa_legacy_detect_tree:
 * @body: the sanitized body, before white space is collapsed
 * @report: counts the converted characters and records the decision
 *
 * Word keeps a document's default font in its style sheet, not on the
 * text, so legacy text often arrives with no font named. The text of the
 * sanitized body — exactly what an import of the result would read — is
 * judged; it is converted only when the detector is sure and also judges
 * the converted text to be Unicode. That rule gives the same answer when
 * the result is imported again, which keeps the import idempotent.
 */
void
toa_legacy_detect_tree (xmlNodePtr       body,
                        ToaImportReport *report)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autofree char *plain = NULL;
  g_autofree char *after = NULL;
  ToaVnEncoding detected;

  g_assert (body != NULL);

  collect_text_nodes (body, nodes);
  plain = text_converted_as (nodes, TOA_VN_ENCODING_UNICODE);
  detected = toa_vn_detect_legacy (plain);
  if (detected == TOA_VN_ENCODING_UNICODE)
    return;
  after = text_converted_as (nodes, detected);
  if (toa_vn_detect_legacy (after) != TOA_VN_ENCODING_UNICODE)
    return;
  report->legacy_detected = detected;
  for (guint i = 0; i < nodes->len; i++)
    if (!toa_legacy_is_converted (g_ptr_array_index (nodes, i)))
      convert_text (g_ptr_array_index (nodes, i), detected, FALSE, report);
}
