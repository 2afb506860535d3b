/* toa-html-import.c — the one import pipeline for pasted and imported text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1. decode (declared legacy charset) or validate UTF-8, drop NUL bytes,
 *    normalise line ends;
 * 2. Word/LibreOffice clean-up on the markup (toa-word-cleanup.c);
 * 3. parse with libxml2's HTML parser, explicitly as UTF-8;
 * 4. Word lists and headings, legacy Vietnamese text (toa-html-legacy.c);
 * 5. rebuild from the allowlist (toa-sanitize.c) and write the canonical
 *    body (toa-body-serializer.c).
 * The canonical body is a fixed point: importing it again returns it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-article-content.h"
#include "toa-content-error.h"
#include "toa-html-import-private.h"

/* A pasted article is a few hundred kilobytes; this is far beyond any. */
#define MAX_IMPORT_SIZE (32 * 1024 * 1024)

G_DEFINE_BOXED_TYPE (ToaImportReport, toa_import_report,
                     toa_import_report_copy, toa_import_report_free)

/**
 * toa_import_report_new:
 *
 * Returns: (transfer full): a report with nothing removed or converted
 */
ToaImportReport *
toa_import_report_new (void)
{
  ToaImportReport *report = g_new0 (ToaImportReport, 1);

  report->legacy_detected = TOA_VN_ENCODING_UNICODE;
  return report;
}

/**
 * toa_import_report_copy:
 *
 * Returns: (transfer full): a copy of @report
 */
ToaImportReport *
toa_import_report_copy (const ToaImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return g_memdup2 (report, sizeof *report);
}

/**
 * toa_import_report_free:
 * @report: (nullable) (transfer full): a report
 */
void
toa_import_report_free (ToaImportReport *report)
{
  g_free (report);
}

/**
 * toa_import_report_is_empty:
 *
 * Returns: %TRUE when the import neither removed nor converted anything
 *   worth telling the user
 */
gboolean
toa_import_report_is_empty (const ToaImportReport *report)
{
  g_autofree char *summary = NULL;

  g_return_val_if_fail (report != NULL, TRUE);

  summary = toa_import_report_to_string (report);
  return summary == NULL;
}

static const char *
encoding_name (ToaVnEncoding encoding)
{
  /* Names of standards: not translated. */
  return encoding == TOA_VN_ENCODING_TCVN3 ? "TCVN3" : "VNI";
}

static void
add_legacy_parts (const ToaImportReport *report,
                  GPtrArray             *parts)
{
  for (ToaVnEncoding e = TOA_VN_ENCODING_TCVN3; e <= TOA_VN_ENCODING_VNI; e++)
    {
      guint n = report->legacy_chars[e];

      if (n == 0)
        continue;
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Converted %u %s character to Unicode",
                                                            "Converted %u %s characters to Unicode", n),
                                               n, encoding_name (e)));
    }
  if (report->legacy_detected != TOA_VN_ENCODING_UNICODE)
    /* Translators: %s is TCVN3 or VNI, a legacy Vietnamese encoding */
    g_ptr_array_add (parts, g_strdup_printf (_("Text without a font was recognised as %s"),
                                             encoding_name (report->legacy_detected)));
}

/* The formats come from the callers' g_dngettext() literals. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
add_count_part (GPtrArray  *parts,
                guint       n,
                const char *format)
{
  if (n > 0)
    g_ptr_array_add (parts, g_strdup_printf (format, n));
}
#pragma GCC diagnostic pop

/**
 * toa_import_report_to_string:
 * @report: a report
 *
 * One translated line for a toast, e.g. "Cleaned up Word formatting.
 * Converted 312 TCVN3 characters to Unicode".
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL when there
 *   is nothing to tell
 */
char *
toa_import_report_to_string (const ToaImportReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (report != NULL, NULL);

  if (report->word_cleanup)
    g_ptr_array_add (parts, g_strdup (_("Cleaned up Word formatting")));
  if (report->libreoffice_cleanup)
    g_ptr_array_add (parts, g_strdup (_("Cleaned up LibreOffice formatting")));
  add_legacy_parts (report, parts);
  add_count_part (parts, report->file_images_dropped,
                  g_dngettext (GETTEXT_PACKAGE, "%u image must be inserted from files",
                               "%u images must be inserted from files", report->file_images_dropped));
  add_count_part (parts, report->other_images_dropped,
                  g_dngettext (GETTEXT_PACKAGE, "Removed %u image from the web",
                               "Removed %u images from the web", report->other_images_dropped));
  add_count_part (parts, report->unsafe_links_removed,
                  g_dngettext (GETTEXT_PACKAGE, "Removed %u unsafe link",
                               "Removed %u unsafe links", report->unsafe_links_removed));
  add_count_part (parts, report->elements_dropped,
                  g_dngettext (GETTEXT_PACKAGE, "Removed %u script, form or embedded object",
                               "Removed %u scripts, forms or embedded objects", report->elements_dropped));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (". ", (char **) parts->pdata);
}

/* --- step 1: bytes to clean UTF-8 ------------------------------------ */

static gboolean
is_utf8_name (const char *charset)
{
  return charset == NULL || charset[0] == '\0' ||
         g_ascii_strcasecmp (charset, "UTF-8") == 0 ||
         g_ascii_strcasecmp (charset, "UTF8") == 0 ||
         g_ascii_strcasecmp (charset, "us-ascii") == 0;
}

static GString *
without_nul (const char *data,
             gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    if (data[i] != '\0')
      g_string_append_c (out, data[i]);
  return out;
}

static void
normalize_line_ends (GString *text)
{
  gsize j = 0;

  for (gsize i = 0; i < text->len; i++)
    {
      if (text->str[i] == '\r')
        {
          text->str[j++] = '\n';
          if (i + 1 < text->len && text->str[i + 1] == '\n')
            i++;
        }
      else
        text->str[j++] = text->str[i];
    }
  g_string_truncate (text, j);
}

/* Valid UTF-8 with no NUL and only "\n" line ends, or NULL. */
static char *
decode_input (const char  *data,
              gsize        len,
              const char  *charset,
              GError     **error)
{
  GString *text;
  const char *end;

  if (len > MAX_IMPORT_SIZE)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (MAX_IMPORT_SIZE);

      g_set_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_TOO_LARGE,
                   _("The text is too large to import (%s; the limit is %s)"), size, limit);
      return NULL;
    }
  if (!is_utf8_name (charset))
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *converted = NULL;
      gsize written = 0;

      converted = g_convert (data, len, "UTF-8", charset, NULL, &written, &local);
      if (converted == NULL)
        {
          g_set_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8,
                       _("The text could not be read in its declared encoding %s: %s"),
                       charset, local->message);
          return NULL;
        }
      text = without_nul (converted, written);
    }
  else
    text = without_nul (data, len);

  if (!g_utf8_validate (text->str, text->len, &end))
    {
      g_set_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8,
                   _("The text is not valid UTF-8 (bad byte at position %lu). "
                     "Save it as UTF-8, or open it with its encoding."),
                   (gulong) (end - text->str));
      g_string_free (text, TRUE);
      return NULL;
    }
  normalize_line_ends (text);
  return g_string_free (text, FALSE);
}

/* --- steps 2 to 5 ---------------------------------------------------- */

/* libxml2 stops at 256 levels of nesting and drops everything after
 * that point: such input is refused rather than silently cut short. */
static htmlDocPtr
parse_html (const char  *html,
            GError     **error)
{
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt ();
  htmlDocPtr doc;
  int code;

  if (ctxt == NULL)
    g_error ("%s: out of memory", G_STRFUNC);
  /* Explicit UTF-8 and IGNORE_ENC: a <meta charset> in the input must not
   * switch the parser to another encoding after validation. */
  doc = htmlCtxtReadMemory (ctxt, html, (int) strlen (html), NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
  code = ctxt->lastError.code;
  htmlFreeParserCtxt (ctxt);
  if (code == XML_ERR_INTERNAL_ERROR || code == XML_ERR_NO_MEMORY)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_MALFORMED,
                   _("The document is nested too deeply to be imported completely"));
      return NULL;
    }
  return doc;
}

static char *
import_clean_utf8 (const char       *text,
                   gboolean          convert_legacy,
                   ToaImportReport  *report,
                   GError          **error)
{
  g_autofree char *precleaned = NULL;
  g_autoptr(GError) local = NULL;
  ToaHtmlSource source;
  gboolean office_tags = FALSE;
  htmlDocPtr doc;
  xmlNodePtr root;
  xmlNodePtr body;
  char *result;

  precleaned = toa_word_preclean (text, &office_tags);
  doc = parse_html (precleaned, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  source = toa_word_detect_source (root, office_tags);
  report->word_cleanup = source == TOA_HTML_SOURCE_WORD;
  report->libreoffice_cleanup = source == TOA_HTML_SOURCE_LIBREOFFICE;
  if (root != NULL && source == TOA_HTML_SOURCE_WORD)
    toa_word_convert_tree (root, report);
  if (root != NULL && convert_legacy)
    toa_legacy_convert_fonts (root, report);
  body = toa_sanitize_tree (root, report);
  if (convert_legacy)
    toa_legacy_detect_tree (body, report);
  toa_sanitize_merge_text (body);
  result = toa_body_serialize (body);
  xmlFreeDoc (body->doc);
  if (doc != NULL)
    xmlFreeDoc (doc);
  return result;
}

static void
hand_over_report (ToaImportReport  *report,
                  ToaImportReport **out)
{
  if (out != NULL)
    *out = report;
  else
    toa_import_report_free (report);
}

/**
 * toa_html_import:
 * @data: the bytes pasted or read from a file
 * @len: length of @data in bytes
 * @declared_charset: (nullable): the charset the source declared
 *   (clipboard MIME type, HTTP header); %NULL or "UTF-8" for UTF-8
 * @report: (out) (optional) (transfer full): what was removed or converted
 * @error: return location for a #GError
 *
 * The one import pipeline: used by paste in the editor, `toasoan-cli
 * import` and `--body-file`. Whatever @data holds, the result holds only
 * the allowlisted elements and attributes, checked links and media
 * images, and NFC text; importing the result again returns it unchanged.
 *
 * Returns: (transfer full) (nullable): the canonical body ("" when
 *   nothing is left), or %NULL with @error set when @data cannot be read
 *   as text (%TOA_CONTENT_ERROR_INVALID_UTF8, %TOA_CONTENT_ERROR_TOO_LARGE)
 *   or is nested too deeply to parse whole (%TOA_CONTENT_ERROR_MALFORMED)
 */
char *
toa_html_import (const char       *data,
                 gsize             len,
                 const char       *declared_charset,
                 ToaImportReport **report,
                 GError          **error)
{
  g_autofree char *text = NULL;
  ToaImportReport *result_report;
  char *body;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = decode_input (data != NULL ? data : "", len, declared_charset, error);
  if (text == NULL)
    return NULL;
  result_report = toa_import_report_new ();
  body = import_clean_utf8 (text, TRUE, result_report, error);
  if (body == NULL)
    {
      toa_import_report_free (result_report);
      return NULL;
    }
  hand_over_report (result_report, report);
  return body;
}

/**
 * toa_plain_text_import:
 * @data: plain text
 * @len: length of @data in bytes
 * @declared_charset: (nullable): as for toa_html_import()
 * @report: (out) (optional) (transfer full): what was converted
 * @error: return location for a #GError
 *
 * Plain text to the canonical body: paragraphs at blank lines, line
 * breaks within them, NFC; legacy Vietnamese text is detected and
 * converted as in toa_html_import().
 *
 * Returns: (transfer full) (nullable): the canonical body
 */
char *
toa_plain_text_import (const char       *data,
                       gsize             len,
                       const char       *declared_charset,
                       ToaImportReport **report,
                       GError          **error)
{
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  ToaImportReport *result_report;
  char *body;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = decode_input (data != NULL ? data : "", len, declared_charset, error);
  if (text == NULL)
    return NULL;
  /* The markup is ours; the pipeline takes out characters XML refuses,
   * judges legacy text as for HTML and writes the canonical form. */
  markup = toa_body_from_plain_text (text);
  result_report = toa_import_report_new ();
  body = import_clean_utf8 (markup, TRUE, result_report, NULL);
  /* Plain text nests nothing: the parse cannot fail. */
  g_assert (body != NULL);
  result_report->word_cleanup = FALSE;
  result_report->libreoffice_cleanup = FALSE;
  hand_over_report (result_report, report);
  return body;
}

/**
 * toa_body_sanitize:
 * @body: a body that may not be canonical (older data, another tool)
 *
 * Runs @body through the import pipeline. On a canonical body this is
 * the identity: `toa_body_sanitize (toa_body_sanitize (x))` equals
 * `toa_body_sanitize (x)` for every @x. Invalid UTF-8 is repaired first.
 *
 * Returns: (transfer full): the canonical body
 */
char *
toa_body_sanitize (const char *body)
{
  g_autofree char *valid = NULL;
  g_autoptr(ToaImportReport) report = NULL;
  char *result;

  g_return_val_if_fail (body != NULL, NULL);

  valid = g_utf8_make_valid (body, -1);
  result = toa_html_import (valid, strlen (valid), NULL, &report, NULL);
  /* Markup too deep to parse is kept as text rather than lost. */
  if (result == NULL)
    result = toa_plain_text_import (valid, strlen (valid), NULL, NULL, NULL);
  return result != NULL ? result : g_strdup ("");
}
