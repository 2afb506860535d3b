/* test-html-import.c — the import pipeline and the shape of the body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <string.h>

#include "toa-article-content.h"
#include "toa-content-error.h"
#include "toa-core.h"
#include "toa-html-import.h"
#include "toa-vn-legacy.h"

static char *
import (const char *html)
{
  g_autoptr(GError) error = NULL;
  char *body = toa_html_import (html, strlen (html), NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (body);
  return body;
}

/* Each input gives exactly its body, and the body gives itself. */
static void
test_structure (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    /* text outside blocks, div as paragraph, whitespace */
    { "Một  hai\n\tba", "<p>Một hai ba</p>" },
    { "loose <b>bold</b><div>a</div><div> b <br> c </div>tail",
      "<p>loose <strong>bold</strong></p><p>a</p><p>b<br/>c</p><p>tail</p>" },
    { "<div><div>x<p>y</p>z</div></div>", "<p>x</p><p>y</p><p>z</p>" },
    { "<p>&nbsp;</p><p> </p><p><br></p><p><b> </b></p><p>a</p>", "<p>a</p>" },
    { "<p><br><br>a<br><br>b<br></p>", "<p>a<br/><br/>b</p>" },
    { "<p>a <b>b </b> c<i> d</i></p>", "<p>a <strong>b</strong> c <em>d</em></p>" },
    /* formatting */
    { "<p><b>a<strong>b</strong></b><i>c</i><em>d</em><u>e</u><s>f</s><strike>g</strike><del>h</del>"
      "<sub>2</sub><sup>3</sup><span style=\"color:red\">i</span><font color=red>j</font></p>",
      "<p><strong>ab</strong><em>c</em><em>d</em><u>e</u><s>f</s><s>g</s><s>h</s><sub>2</sub><sup>3</sup>ij</p>" },
    /* only a real CF_HTML header is skipped */
    { "Version: 2\nStatus: draft\n<p>x</p>", "<p>Version: 2 Status: draft</p><p>x</p>" },
    { "Version:0.9\nStartHTML:00000097\nEndHTML:00000150\nSourceURL:https://a/b:c\n<b>x</b>",
      "<p><strong>x</strong></p>" },
    /* formatting around paragraphs gives way to the paragraphs */
    { "<b><p>a</p><p>b</p></b>", "<p>a</p><p>b</p>" },
    { "<p>a <span style=\"font-weight:bold\">b <i style=\"font-style:normal\">c</i></span></p>",
      "<p>a <strong>b <em>c</em></strong></p>" },
    /* headings */
    { "<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>",
      "<h2>A</h2><h2>B</h2><h3>C</h3><h4>D</h4><h4>E</h4><h4>F</h4>" },
    { "<h2>a<p>b</p></h2>", "<h2>a</h2><p>b</p>" },
    /* lists */
    { "<ul><li>a</li><li>b<ol start=\"5\"><li>c</li></ol></li></ul>",
      "<ul><li>a</li><li>b<ol start=\"5\"><li>c</li></ol></li></ul>" },
    { "<ol start=\"1\"><li>a</li></ol><ol start=\"x\"><li>b</li></ol>",
      "<ol><li>a</li></ol><ol><li>b</li></ol>" },
    { "<ul><li><p>a</p><p>b</p></li><li></li><li> </li></ul>", "<ul><li>a<br/>b</li></ul>" },
    { "<ul>loose<li>a</li><p>para</p></ul>", "<ul><li>loose</li><li>a</li><li>para</li></ul>" },
    { "<li>orphan</li>", "<p>orphan</p>" },
    /* continuation decided on what survives, not on empty items (fuzzing) */
    { "<ol><li>a</li><li> </li></ol><ol start=\"2\"><li>b</li></ol>", "<ol><li>a</li><li>b</li></ol>" },
    { "<ol><li>a</li></ol><p> </p><b> </b><ol start=\"2\"><li>b</li></ol>x",
      "<ol><li>a</li><li>b</li></ol><p>x</p>" },
    /* links */
    { "<a href=\"https://soct.example.gov.vn/tin?id=1&amp;p=2\" title=\"t\" target=\"_blank\">tin</a>",
      "<p><a href=\"https://soct.example.gov.vn/tin?id=1&amp;p=2\">tin</a></p>" },
    { "<a name=\"top\">neo</a> <a href=\"#top\">lên</a>", "<p>neo <a href=\"#top\">lên</a></p>" },
    { "<a href=\"http://x\"> </a>", "" },
    /* quotes, figures, images */
    { "<blockquote>Trích <p>đoạn</p></blockquote>", "<blockquote><p>Trích</p><p>đoạn</p></blockquote>" },
    { "<figure><img src=\"media:12\"><figcaption>Ảnh: <i>Đỗ Nguyên</i></figcaption></figure>",
      "<figure><img src=\"media:12\" alt=\"\"/><figcaption>Ảnh: <em>Đỗ Nguyên</em></figcaption></figure>" },
    { "<p>Trước <b>x<img src=\"media:3\" alt=\"Ảnh\"></b> sau</p>",
      "<p>Trước <strong>x</strong> sau</p><figure><img src=\"media:3\" alt=\"Ảnh\"/></figure>" },
    { "<figure><p>no image</p><figcaption>cap</figcaption></figure>", "<p>no image</p><p>cap</p>" },
    /* tables */
    { "<table><caption>Bảng 1</caption><thead><tr><th>A</th><th colspan=\"2\">B</th></tr></thead>"
      "<tbody><tr><td rowspan=\" 2 \">1</td><td colspan=\"1\">2</td><td>3</td></tr></tbody>"
      "<tbody><tr><td style=\"x\">4</td></tr></tbody></table>",
      "<table><thead><tr><th>A</th><th colspan=\"2\">B</th></tr></thead><tbody><tr><td rowspan=\"2\">1</td>"
      "<td>2</td><td>3</td></tr><tr><td>4</td></tr></tbody></table><p>Bảng 1</p>" },
    { "<table><tr><td><ul><li>a</li><li>b</li></ul></td></tr></table>",
      "<table><tbody><tr><td>a<br/>b</td></tr></tbody></table>" },
    { "<table><tr><td></td></tr></table>", "" },
    /* escaping */
    { "<p>a &amp; b &lt; c &gt; d \"e\" 'f'</p>", "<p>a &amp; b &lt; c &gt; d \"e\" 'f'</p>" },
    { "<img src=\"media:1\" alt='\"&lt;x&gt;&amp;'>",
      "<figure><img src=\"media:1\" alt=\"&quot;&lt;x&gt;&amp;\"/></figure>" },
    /* Word is recognised by markup, never by text (found by fuzzing) */
    { "<h2>urn:schemas-microsoft-com:office class=Mso mso-list:l0 level1 &lt;o:p&gt;</h2><h3>x</h3>",
      "<h2>urn:schemas-microsoft-com:office class=Mso mso-list:l0 level1 &lt;o:p&gt;</h2><h3>x</h3>" },
    /* NFC: decomposed Vietnamese comes out composed */
    { "<p>Vie\xcc\xa3\xcc\x82t Nam</p>", "<p>Việt Nam</p>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = import (cases[i].in);
      g_autofree char *again = import (body);

      g_assert_cmpstr (body, ==, cases[i].out);
      g_assert_cmpstr (again, ==, body);
    }
}

static void
test_body_is_valid_xml (void)
{
  g_autoptr(ToaArticleContent) content = toa_article_content_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  content->body = import ("<h1>T</h1><p>a<br>b &amp; <a href=\"http://x/?a&b\">c</a></p>"
                          "<table><tr><td>1</td></tr></table><img src=\"media:4\">");
  hash = toa_article_content_hash (content, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hash);
}

static void
test_input_decoding (void)
{
  static const char nul_crlf[] = "<p>a\0b\r\nc\rd</p>";
  static const char latin1[] = "<p>caf\xe9</p>";
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *decoded = NULL;

  body = toa_html_import (nul_crlf, sizeof nul_crlf - 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, "<p>ab c d</p>");

  decoded = toa_html_import (latin1, sizeof latin1 - 1, "windows-1252", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded, ==, "<p>café</p>");
}

static void
test_invalid_utf8 (void)
{
  static const char bad[] = "<p>Vi\xe1\xbb\x87t \xff\xfe Nam</p>";
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaImportReport) report = NULL;
  char *body;

  body = toa_html_import (bad, sizeof bad - 1, NULL, &report, &error);
  g_assert_null (body);
  g_assert_null (report);
  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "not valid UTF-8"));
  g_assert_nonnull (strstr (error->message, "position 10"));
  g_clear_error (&error);

  body = toa_html_import (bad, sizeof bad - 1, "no-such-charset", NULL, &error);
  g_assert_null (body);
  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8);
}

/* The error the user sees is in Vietnamese when the desktop is. */
static void
test_invalid_utf8_translated (void)
{
  static const char bad[] = "\xff";
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "vi", TRUE);
  textdomain (GETTEXT_PACKAGE);   /* makes gettext read LANGUAGE again */
  g_assert_null (toa_html_import (bad, 1, NULL, NULL, &error));
  g_setenv ("LANGUAGE", saved != NULL ? saved : "en", TRUE);
  textdomain (GETTEXT_PACKAGE);

  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_null (strstr (error->message, "not valid"));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* TCVN3 and VNI bytes as Word writes them into HTML (each byte as its
 * Windows-1252 character), from the published tables:
 * "Cộng hoà xã hội chủ nghĩa Việt Nam" and "Sở Công Thương". */
#define TCVN3_SAMPLE "C\xc3\xa9ng ho\xc2\xb5 x\xc2\xb7 h\xc3\xa9i ch\xc3\xb1 ngh\xc3\x9c" "a Vi\xc3\x96t Nam"
#define TCVN3_SO_CONG_THUONG "S\xc3\xab C\xc2\xab" "ng Th\xc2\xad\xc2\xac" "ng"
#define VNI_SAMPLE "Co\xc3\xa4ng ho\xc3\xb8" "a xa\xc3\xb5 ho\xc3\xa4i chu\xc3\xbb ngh\xc3\xb3" "a Vie\xc3\xa4t Nam"

static void
test_legacy_fonts (void)
{
  static const char input[] =
    "<p><span style=\"font-size:13pt;font-family:'.VnTime'\">" TCVN3_SAMPLE "</span></p>"
    "<p><font face=\"VNI-Times\">" VNI_SAMPLE "</font></p>"
    "<h1 style=\"font-family:.VnTimeH, serif\">C\xc3\xa9ng ho\xc2\xb5</h1>"
    "<p style=\"font-family:'Times New Roman'\">café 5°C · Hà Nội</p>";
  g_autoptr(ToaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = toa_html_import (input, strlen (input), NULL, &report, &error);
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (body, ==,
                   "<p>Cộng hoà xã hội chủ nghĩa Việt Nam</p><p>Cộng hòa xã hội chủ nghĩa Việt Nam</p>"
                   "<h2>CỘNG HOÀ</h2><p>café 5°C · Hà Nội</p>");
  g_assert_cmpuint (report->legacy_chars[TOA_VN_ENCODING_TCVN3], ==, 7 + 2);
  g_assert_cmpuint (report->legacy_chars[TOA_VN_ENCODING_VNI], ==, 7);
  /* Every text had a font: nothing was left to detect. */
  g_assert_cmpint (report->legacy_detected, ==, TOA_VN_ENCODING_UNICODE);
  summary = toa_import_report_to_string (report);
  g_assert_cmpstr (summary, ==, "Converted 9 TCVN3 characters to Unicode. "
                                "Converted 7 VNI characters to Unicode");
}

/* No font anywhere (Word keeps .VnTime in its style sheet): the text is
 * recognised, converted, and the decision reported. */
static void
test_legacy_detected (void)
{
  static const char input[] =
    "<p class=MsoNormal>" TCVN3_SAMPLE "<o:p></o:p></p><p class=MsoNormal>" TCVN3_SO_CONG_THUONG " t\xc3\x98nh</p>";
  g_autoptr(ToaImportReport) report = NULL;
  g_autofree char *body = toa_html_import (input, strlen (input), NULL, &report, NULL);
  g_autofree char *summary = toa_import_report_to_string (report);

  g_assert_cmpstr (body, ==, "<p>Cộng hoà xã hội chủ nghĩa Việt Nam</p><p>Sở Công Thương tỉnh</p>");
  g_assert_cmpint (report->legacy_detected, ==, TOA_VN_ENCODING_TCVN3);
  g_assert_cmpstr (summary, ==, "Cleaned up Word formatting. Converted 12 TCVN3 characters to Unicode. "
                                "Text without a font was recognised as TCVN3");
}

/* Real Unicode Vietnamese is never "converted", with or without a
 * legacy font named on it, in HTML or plain text. */
static void
test_unicode_untouched (void)
{
  static const char * const texts[] = {
    "Sáng ngày 12/11, Sở Công Thương tổ chức hội nghị sơ kết công tác khuyến công.",
    "Ưu tiên hỗ trợ doanh nghiệp nhỏ và vừa; ĐẨY MẠNH chuyển đổi số.",
    "Giá điện bình quân: 2.006,79 đồng/kWh (chưa gồm thuế GTGT) – tăng 4,8%.",
    "Thủ tướng Chính phủ phê duyệt Quy hoạch tỉnh thời kỳ 2021–2030, tầm nhìn đến năm 2050.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *html = g_strdup_printf ("<p>%s</p><p><span style=\"font-family:.VnTime\">%s</span></p>"
                                               "<p><font face=\"VNI-Times\">%s</font></p>",
                                               texts[i], texts[i], texts[i]);
      g_autofree char *expected = g_strdup_printf ("<p>%s</p><p>%s</p><p>%s</p>", texts[i], texts[i], texts[i]);
      g_autoptr(ToaImportReport) report = NULL;
      g_autoptr(ToaImportReport) text_report = NULL;
      g_autofree char *body = toa_html_import (html, strlen (html), NULL, &report, NULL);
      g_autofree char *text_body = toa_plain_text_import (texts[i], strlen (texts[i]), NULL, &text_report, NULL);
      g_autofree char *text_expected = g_strdup_printf ("<p>%s</p>", texts[i]);

      g_assert_cmpstr (body, ==, expected);
      g_assert_cmpint (report->legacy_detected, ==, TOA_VN_ENCODING_UNICODE);
      g_assert_cmpuint (report->legacy_chars[TOA_VN_ENCODING_TCVN3], ==, 0);
      g_assert_cmpuint (report->legacy_chars[TOA_VN_ENCODING_VNI], ==, 0);
      g_assert_cmpstr (text_body, ==, text_expected);
      g_assert_cmpint (text_report->legacy_detected, ==, TOA_VN_ENCODING_UNICODE);
    }
}

static void
test_legacy_plain_text (void)
{
  static const char text[] = VNI_SAMPLE "\n\n" VNI_SAMPLE;
  g_autoptr(ToaImportReport) report = NULL;
  g_autofree char *body = toa_plain_text_import (text, sizeof text - 1, NULL, &report, NULL);

  g_assert_cmpstr (body, ==, "<p>Cộng hòa xã hội chủ nghĩa Việt Nam</p><p>Cộng hòa xã hội chủ nghĩa Việt Nam</p>");
  g_assert_cmpint (report->legacy_detected, ==, TOA_VN_ENCODING_VNI);
  g_assert_cmpuint (report->legacy_chars[TOA_VN_ENCODING_VNI], ==, 14);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) deep = g_string_new ("<p>trước</p>");
  g_autoptr(GString) lists = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *again = NULL;
  g_autofree char *kept = NULL;

  /* libxml2 drops everything past 256 levels: refused, not cut short. */
  for (guint i = 0; i < 300; i++)
    g_string_append (deep, "<b>");
  g_string_append (deep, "sau");
  g_assert_null (toa_html_import (deep->str, deep->len, NULL, NULL, &error));
  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_MALFORMED);
  kept = toa_body_sanitize (deep->str);
  g_assert_nonnull (strstr (kept, "sau"));

  /* Lists directly in lists double in depth once items are implied; the
   * body stays shallow enough to import again. */
  for (guint i = 0; i < 120; i++)
    g_string_append (lists, "<ul>");
  g_string_append (lists, "<li>đáy</li>");
  body = import (lists->str);
  g_assert_nonnull (strstr (body, "<li>đáy</li>"));
  again = import (body);
  g_assert_cmpstr (again, ==, body);
}

static void
test_plain_text (void)
{
  static const char text[] = "Tiêu đề\r\n\r\nDòng một\r\ndòng <hai> & \"ba\"\n\n\n\x01" "Cuo\xcc\x82\xcc\x81i";
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaImportReport) report = NULL;
  g_autofree char *body = toa_plain_text_import (text, sizeof text - 1, NULL, &report, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, "<p>Tiêu đề</p><p>Dòng một<br/>dòng &lt;hai&gt; &amp; \"ba\"</p><p>Cuối</p>");
  g_assert_false (report->word_cleanup);
  g_assert_cmpint (report->legacy_detected, ==, TOA_VN_ENCODING_UNICODE);
  again = toa_body_sanitize (body);
  g_assert_cmpstr (again, ==, body);
}

static void
test_sanitize_repairs (void)
{
  g_autofree char *a = toa_body_sanitize ("<p>ok\xff</p><script>x</script>");
  g_autofree char *b = toa_body_sanitize ("");

  g_assert_cmpstr (a, ==, "<p>ok\xef\xbf\xbd</p>");
  g_assert_cmpstr (b, ==, "");
}

static void
test_report_summary (void)
{
  g_autoptr(ToaImportReport) report = toa_import_report_new ();
  g_autoptr(ToaImportReport) copy = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *none = toa_import_report_to_string (report);

  g_assert_null (none);
  g_assert_true (toa_import_report_is_empty (report));
  report->legacy_chars[TOA_VN_ENCODING_TCVN3] = 312;
  report->word_cleanup = TRUE;
  copy = toa_import_report_copy (report);
  summary = toa_import_report_to_string (copy);
  g_assert_cmpstr (summary, ==, "Cleaned up Word formatting. Converted 312 TCVN3 characters to Unicode");
  g_assert_false (toa_import_report_is_empty (copy));
}

int
main (int   argc,
      char *argv[])
{
  toa_core_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-import/structure", test_structure);
  g_test_add_func ("/html-import/body-is-valid-xml", test_body_is_valid_xml);
  g_test_add_func ("/html-import/input-decoding", test_input_decoding);
  g_test_add_func ("/html-import/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/html-import/invalid-utf8-translated", test_invalid_utf8_translated);
  g_test_add_func ("/html-import/legacy-fonts", test_legacy_fonts);
  g_test_add_func ("/html-import/legacy-detected", test_legacy_detected);
  g_test_add_func ("/html-import/legacy-plain-text", test_legacy_plain_text);
  g_test_add_func ("/html-import/unicode-untouched", test_unicode_untouched);
  g_test_add_func ("/html-import/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html-import/plain-text", test_plain_text);
  g_test_add_func ("/html-import/sanitize-repairs", test_sanitize_repairs);
  g_test_add_func ("/html-import/report-summary", test_report_summary);

  return g_test_run ();
}
