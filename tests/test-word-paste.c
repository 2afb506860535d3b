/* test-word-paste.c — Word and LibreOffice clipboard HTML to the body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures in tests/fixtures/import are written in the shapes the
 * clipboards really deliver: Word's CF_HTML header, CRLF line ends, Office
 * namespaces, mso-list paragraphs with typed-out markers inside
 * <!--[if !supportLists]--> and VML images with a file:// fallback;
 * LibreOffice's <font> wrapping, <p> inside <li>, and its lists split
 * around nested ones. Each must give exactly the expected body.
 */
#include "config.h"

#include <string.h>

#include "toa-html-import.h"
#include "toa-test-utils.h"

static char *
read_fixture (const char *name,
              gsize      *len)
{
  g_autofree char *relative = g_build_filename ("tests", "fixtures", "import", name, NULL);
  g_autofree char *path = toa_test_source_path (relative);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return data;
}

static char *
import_fixture (const char       *name,
                ToaImportReport **report)
{
  gsize len;
  g_autofree char *data = read_fixture (name, &len);
  g_autoptr(GError) error = NULL;
  char *body = toa_html_import (data, len, NULL, report, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (body);
  again = toa_body_sanitize (body);
  g_assert_cmpstr (again, ==, body);
  return body;
}

static void
test_word_clipboard (void)
{
  g_autoptr(ToaImportReport) report = NULL;
  g_autofree char *body = import_fixture ("word-clipboard.html", &report);
  g_autofree char *expected = read_fixture ("word-clipboard.body", NULL);
  g_autofree char *summary = NULL;

  g_assert_cmpstr (body, ==, expected);
  g_assert_true (report->word_cleanup);
  g_assert_cmpuint (report->lists_converted, ==, 7);
  g_assert_cmpuint (report->file_images_dropped, ==, 1);
  g_assert_cmpuint (report->other_images_dropped, ==, 0);
  g_assert_cmpuint (report->elements_dropped, ==, 0);
  summary = toa_import_report_to_string (report);
  g_assert_cmpstr (summary, ==, "Cleaned up Word formatting. 1 image must be inserted from files");
}

static void
test_libreoffice_clipboard (void)
{
  g_autoptr(ToaImportReport) report = NULL;
  g_autofree char *body = import_fixture ("libreoffice-clipboard.html", &report);
  g_autofree char *expected = read_fixture ("libreoffice-clipboard.body", NULL);

  g_assert_cmpstr (body, ==, expected);
  g_assert_true (report->libreoffice_cleanup);
  g_assert_false (report->word_cleanup);
  g_assert_cmpuint (report->file_images_dropped, ==, 1);
}

/* Word's saved .htm files reveal list markers with <![if !supportLists]>
 * instead of comments; a level may be skipped; a numbered list may start
 * past 1; headings shift one level down. */
static void
test_word_saved_html (void)
{
  static const char input[] =
    "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body>"
    "<h2>Mục II<o:p></o:p></h2><h3>Tiểu mục</h3><h4>Chi tiết</h4>"
    "<p class=MsoListParagraph style='mso-list:l2 level1 lfo3'><![if !supportLists]>"
    "<span style='mso-list:Ignore'>3)<span style='font:7.0pt \"Times New Roman\"'>&nbsp; </span></span>"
    "<![endif]>Ba</p>\n"
    "<p class=MsoListParagraph style='mso-list:l2 level3 lfo3'><![if !supportLists]>"
    "<span style='mso-list:Ignore'>&#61607;<span>&nbsp; </span></span><![endif]>Sâu</p>\n"
    "<p class=MsoListParagraph style='mso-list:l2 level1 lfo3'><![if !supportLists]>"
    "<span style='mso-list:Ignore'>4)<span>&nbsp; </span></span><![endif]>Bốn</p>\n"
    "<p class=MsoListParagraph style='mso-list:l3 level1 lfo4'><![if !supportLists]>"
    "<span style='mso-list:Ignore'>-<span>&nbsp; </span></span><![endif]>Gạch</p>"
    "<p class=MsoNormal>Hết</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autofree char *body = toa_html_import (input, strlen (input), NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (body, ==,
                   "<h3>Mục II</h3><h4>Tiểu mục</h4><h4>Chi tiết</h4>"
                   "<ol start=\"3\"><li>Ba<ul><li>Sâu</li></ul></li><li>Bốn</li></ol>"
                   "<ul><li>Gạch</li></ul><p>Hết</p>");
}

/* A list paragraph in a heading style keeps its number as text. */
static void
test_word_numbered_heading (void)
{
  static const char input[] =
    "<p class=MsoNormal>x<o:p></o:p></p>"
    "<h1 style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>"
    "1.<span>&nbsp;&nbsp;</span></span><!--[endif]-->Mở đầu</h1>";
  g_autofree char *body = toa_html_import (input, strlen (input), NULL, NULL, NULL);

  g_assert_cmpstr (body, ==, "<p>x</p><h2>1. Mở đầu</h2>");
}

/* Google Docs wraps the whole paste in <b style="font-weight:normal"> and
 * formats with CSS on spans. */
static void
test_google_docs (void)
{
  static const char input[] =
    "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1a2b3c4d-7fff\">"
    "<p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt;margin-bottom:0pt;\">"
    "<span style=\"font-size:11pt;font-family:Arial;color:#000000;font-weight:700;font-style:normal;"
    "text-decoration:none;vertical-align:baseline;white-space:pre-wrap;\">Đậm</span>"
    "<span style=\"font-size:11pt;font-family:Arial;font-weight:400;font-style:normal;"
    "text-decoration:none;vertical-align:baseline;white-space:pre-wrap;\"> thường </span>"
    "<span style=\"font-weight:400;font-style:italic;text-decoration:underline;\">nghiêng</span>"
    "<span style=\"vertical-align:super;\">2</span></p><br>"
    "<ul style=\"margin-top:0;margin-bottom:0;padding-inline-start:48px;\">"
    "<li dir=\"ltr\" style=\"list-style-type:disc;font-size:11pt;\" aria-level=\"1\">"
    "<p dir=\"ltr\" role=\"presentation\"><span style=\"font-weight:400;\">Mục một</span></p></li></ul></b>";
  g_autofree char *body = toa_html_import (input, strlen (input), NULL, NULL, NULL);

  g_assert_cmpstr (body, ==,
                   "<p><strong>Đậm</strong> thường <em><u>nghiêng</u></em><sup>2</sup></p>"
                   "<ul><li>Mục một</li></ul>");
}

static void
test_loofah_msword (void)
{
  static const char * const candidates[] = {
    "../shared/corpora/word/loofah-msword.html", "../../shared/corpora/word/loofah-msword.html",
  };
  g_autofree char *data = NULL;
  g_autofree char *body = NULL;
  g_autoptr(ToaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && data == NULL; i++)
    {
      g_autofree char *path = toa_test_source_path (candidates[i]);

      g_file_get_contents (path, &data, &len, NULL);
    }
  if (data == NULL)
    {
      g_test_skip ("../shared/corpora/word/loofah-msword.html not found beside the source tree");
      return;
    }
  body = toa_html_import (data, len, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, "<p>Foo <strong>BOLD</strong></p>");
  g_assert_true (report->word_cleanup);
  g_assert_cmpuint (report->elements_dropped, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/word-paste/word-clipboard", test_word_clipboard);
  g_test_add_func ("/word-paste/libreoffice-clipboard", test_libreoffice_clipboard);
  g_test_add_func ("/word-paste/word-saved-html", test_word_saved_html);
  g_test_add_func ("/word-paste/word-numbered-heading", test_word_numbered_heading);
  g_test_add_func ("/word-paste/google-docs", test_google_docs);
  g_test_add_func ("/word-paste/loofah-msword", test_loofah_msword);

  return g_test_run ();
}
