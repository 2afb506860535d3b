/* test-export-xml.c — the canonical article XML: writer, schema, reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <string.h>

#include "toa-article-xml.h"
#include "toa-export-error.h"
#include "toa-test-utils.h"

#define SAMPLE_BODY \
  "<p>Sáng ngày 12/11/2026, tại hội trường Sở, hội nghị đã diễn ra &amp; kết thúc &lt;đúng giờ&gt;.</p>" \
  "<h2>Kết quả nổi bật</h2>" \
  "<ul><li>Hỗ trợ <strong>15</strong> cơ sở</li><li>Chuyển giao<ul><li>máy sấy</li></ul></li></ul>" \
  "<ol start=\"3\"><li>Bước ba</li></ol>" \
  "<figure><img src=\"media:7\" alt=\"\"/><figcaption>Quang cảnh hội nghị</figcaption></figure>" \
  "<table><thead><tr><th colspan=\"2\">Chỉ tiêu</th></tr></thead>" \
  "<tbody><tr><td>Vốn</td><td>1,2 tỷ</td></tr></tbody></table>" \
  "<blockquote><p>Trích <em>phát biểu</em> <a href=\"https://sct.example.gov.vn/a?b=1&amp;c=2\">xem</a></p></blockquote>" \
  "<p>H<sub>2</sub>O, m<sup>2</sup>, <u>gạch</u> <s>bỏ</s><br/>dòng mới</p>"

static ToaExportArticle *
sample_article (void)
{
  ToaExportArticle *article = toa_export_article_new ();
  ToaArticleContent *content = article->content;

  article->id = 42;
  article->office_code = g_strdup ("QLCN");
  article->office_name = g_strdup ("Phòng Quản lý Công nghiệp");
  article->status = g_strdup ("approved");
  article->author = g_strdup ("Đỗ Nguyên");
  article->created = g_date_time_new_utc (2026, 11, 20, 1, 30, 0);
  article->updated = g_date_time_new_utc (2026, 11, 21, 9, 5, 7);
  content->title = g_strdup ("Hội nghị sơ kết công tác khuyến công năm 2026");
  content->lead = g_strdup ("Sở Công Thương tổ chức hội nghị sơ kết công tác khuyến công.");
  content->body = g_strdup (SAMPLE_BODY);
  content->byline = g_strdup ("Đỗ Nguyên - P. QLCN");
  content->category = g_strdup ("Tin tức");
  content->display_date = g_strdup ("2026-11-12");
  content->tags = g_strsplit ("khuyến công,công nghiệp nông thôn", ",", -1);
  article->approved_revision = 3;
  article->approved_hash = toa_article_content_hash (content, NULL);
  return article;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static xmlNodePtr
find_element (xmlNodePtr  parent,
              const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, BAD_CAST name))
      return child;
  return NULL;
}

static void
test_write_is_valid (void)
{
  g_autoptr(ToaExportArticle) article = sample_article ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = toa_article_xml_write (article, &error);
  g_autofree char *text = NULL;
  xmlDocPtr doc;

  g_assert_no_error (error);
  text = bytes_to_string (bytes);
  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article format-version=\"1\" id=\"42\">"));
  g_assert_nonnull (strstr (text, "<office code=\"QLCN\">Phòng Quản lý Công nghiệp</office>"));
  g_assert_nonnull (strstr (text, "<created>2026-11-20T01:30:00Z</created>"));
  g_assert_nonnull (strstr (text, "<approved revision=\"3\">"));
  g_assert_null (strstr (text, "<published>"));

  /* Validated again from the bytes, not from the writer's tree. */
  doc = xmlReadMemory (text, (int) strlen (text), NULL, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_true (toa_article_xml_validate (doc, &error));
  g_assert_no_error (error);
  xmlFreeDoc (doc);
}

/* Anyone holding the file can recompute the hash: canonicalize the
 * <content> element alone and hash it. */
static void
test_hash_is_recomputable (void)
{
  g_autoptr(ToaExportArticle) article = sample_article ();
  g_autoptr(GBytes) bytes = toa_article_xml_write (article, NULL);
  g_autoptr(GBytes) expected = toa_article_content_canonicalize (article->content, NULL);
  g_autofree char *text = bytes_to_string (bytes);
  g_autofree char *hash = NULL;
  xmlDocPtr doc = xmlReadMemory (text, (int) strlen (text), NULL, "UTF-8", XML_PARSE_NONET);
  xmlDocPtr alone = xmlNewDoc (BAD_CAST "1.0");
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlChar *stated = xmlNodeGetContent (find_element (root, "content-hash"));
  xmlChar *c14n = NULL;
  int size;

  xmlDocSetRootElement (alone, xmlDocCopyNode (find_element (root, "content"), alone, 1));
  size = xmlC14NDocDumpMemory (alone, NULL, XML_C14N_EXCLUSIVE_1_0, NULL, 0, &c14n);
  g_assert_cmpint (size, ==, (int) g_bytes_get_size (expected));
  g_assert_cmpmem (c14n, size, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, c14n, size);
  g_assert_cmpstr ((const char *) stated, ==, hash);
  g_assert_cmpstr (hash, ==, article->approved_hash);

  xmlFree (c14n);
  xmlFree (stated);
  xmlFreeDoc (alone);
  xmlFreeDoc (doc);
}

static void
test_round_trip (void)
{
  g_autoptr(ToaExportArticle) article = sample_article ();
  g_autoptr(ToaExportArticle) read = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  article->published = g_date_time_new_utc (2026, 11, 22, 0, 0, 0);
  first = toa_article_xml_write (article, &error);
  g_assert_no_error (error);
  read = toa_article_xml_read (g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
  g_assert_no_error (error);

  g_assert_cmpint (read->id, ==, 42);
  g_assert_cmpstr (read->office_code, ==, "QLCN");
  g_assert_cmpstr (read->author, ==, "Đỗ Nguyên");
  g_assert_cmpint (read->approved_revision, ==, 3);
  g_assert_cmpstr (read->approved_hash, ==, article->approved_hash);
  g_assert_true (g_date_time_equal (read->updated, article->updated));
  g_assert_true (g_date_time_equal (read->published, article->published));
  g_assert_true (toa_article_content_equal (read->content, article->content));

  second = toa_article_xml_write (read, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
}

static void
assert_round_trip (const ToaExportArticle *article)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = toa_article_xml_write (article, &error);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(ToaExportArticle) read = NULL;
  g_autofree char *hash_read = NULL;
  g_autofree char *hash_written = NULL;

  g_assert_no_error (error);
  read = toa_article_xml_read (g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
  g_assert_no_error (error);
  second = toa_article_xml_write (read, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));
  hash_read = toa_article_content_hash (read->content, NULL);
  hash_written = toa_article_content_hash (article->content, NULL);
  g_assert_cmpstr (hash_read, ==, hash_written);
}

/* Absent fields stay absent, and awkward text survives both ways. */
static void
test_round_trip_variants (void)
{
  static const char * const texts[] = {
    "", " đầu và cuối có khoảng trắng ", "a\r\nb\tc", "\"'<>&]]>", "😀 Ước tính 1,5%",
    "Trên 3 dòng\n\nvới dòng trống",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(ToaExportArticle) article = sample_article ();
      ToaArticleContent *content = article->content;
      g_autofree char *escaped = g_markup_escape_text (texts[i], -1);

      g_free (content->title);
      content->title = g_strdup (texts[i]);
      g_free (content->byline);
      content->byline = i % 2 == 0 ? NULL : g_strdup (texts[i]);
      g_strfreev (content->tags);
      content->tags = i % 3 == 0 ? NULL : g_strsplit (texts[i][0] != '\0' ? texts[i] : "x", ",", -1);
      g_free (content->body);
      content->body = i == 0 ? g_strdup ("") : g_strdup_printf ("<p>%s</p><blockquote>%s</blockquote>", escaped, escaped);
      g_clear_pointer (&content->display_date, g_free);
      if (i % 2 == 0)
        {
          g_clear_pointer (&article->author, g_free);
          article->approved_revision = 0;
          g_clear_pointer (&article->approved_hash, g_free);
        }
      assert_round_trip (article);
    }
}

/* The checked-in fixture is format version 1 as documented: it must keep
 * reading, and re-export to the very same bytes. */
static void
test_fixture_round_trip (void)
{
  g_autofree char *path = toa_test_source_path ("tests/fixtures/export/article-42.xml");
  g_autofree char *data = NULL;
  g_autoptr(ToaExportArticle) read = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  read = toa_article_xml_read (data, size, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->content->byline, ==, "Đỗ Nguyên - P. QLCN");
  again = toa_article_xml_write (read, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again), data, size);
}

static void
assert_body_refused (const char *body)
{
  g_autoptr(ToaExportArticle) article = sample_article ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_free (article->content->body);
  article->content->body = g_strdup (body);
  bytes = toa_article_xml_write (article, &error);
  g_assert_null (bytes);
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_INVALID);
}

static void
test_schema_refuses_unsafe_body (void)
{
  assert_body_refused ("<p>a</p><script>alert(1)</script>");
  assert_body_refused ("<p onclick=\"alert(1)\">a</p>");
  assert_body_refused ("<p><a href=\"javascript:alert(1)\">x</a></p>");
  assert_body_refused ("<p><a href=\" javascript:alert(1)\">x</a></p>");
  assert_body_refused ("<p><a href=\"java&#9;script:alert(1)\">x</a></p>");
  assert_body_refused ("<p><a href=\"data:text/html,x\">x</a></p>");
  assert_body_refused ("<figure><img src=\"file:///etc/passwd\" alt=\"\"/></figure>");
  assert_body_refused ("<figure><img src=\"https://evil.example/x.png\" alt=\"\"/></figure>");
  assert_body_refused ("<p style=\"color:red\">a</p>");
  assert_body_refused ("<div>a</div>");
  assert_body_refused ("<p><span>a</span></p>");
  assert_body_refused ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
}

static void
test_schema_accepts_links (void)
{
  static const char * const hrefs[] = {
    "http://a.example", "HTTPS://a.example/b c", "mailto:ai@sct.gov.vn",
    "/tin-tuc/1", "bai-viet.html#x", "?trang=2", "#muc", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hrefs); i++)
    {
      g_autoptr(ToaExportArticle) article = sample_article ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *escaped = g_markup_escape_text (hrefs[i], -1);

      g_free (article->content->body);
      article->content->body = g_strdup_printf ("<p><a href=\"%s\">x</a></p>", escaped);
      bytes = toa_article_xml_write (article, &error);
      g_assert_no_error (error);
    }
}

static void
test_missing_fields (void)
{
  g_autoptr(ToaExportArticle) article = sample_article ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_clear_pointer (&article->office_code, g_free);
  bytes = toa_article_xml_write (article, &error);
  g_assert_null (bytes);
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_INVALID);
}

static void
assert_read_error (const char *data,
                   gsize       size,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaExportArticle) article = toa_article_xml_read (data, size, &error);

  g_assert_null (article);
  g_assert_error (error, TOA_EXPORT_ERROR, code);
  g_assert_nonnull (error->message);
}

/* The entity points at a file the test wrote: were it read, its marker
 * would show in the result; it must be refused instead. */
static void
test_xxe_refused (void)
{
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autoptr(ToaExportArticle) article = sample_article ();
  g_autoptr(GBytes) good = toa_article_xml_write (article, NULL);
  g_autofree char *text = bytes_to_string (good);
  g_autofree char *decl = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                           "<!DOCTYPE article [<!ENTITY x SYSTEM \"%s\">]>", uri);
  g_autofree char *prefixed = NULL;
  g_autofree char *evil = NULL;
  g_autofree char *evil_ext = NULL;
  char *title;

  g_file_set_contents (secret, "SECRET-MARKER", -1, NULL);
  prefixed = g_strconcat (decl, strchr (text, '\n') + 1, NULL);
  title = strstr (prefixed, "<title>") + strlen ("<title>");
  evil = g_strdup_printf ("%.*s&x;%s", (int) (title - prefixed), prefixed, title);
  assert_read_error (evil, strlen (evil), TOA_EXPORT_ERROR_UNSAFE);

  evil_ext = g_strdup_printf ("<!DOCTYPE article SYSTEM \"%s\"><article/>", uri);
  assert_read_error (evil_ext, strlen (evil_ext), TOA_EXPORT_ERROR_UNSAFE);

  /* An undeclared entity reference is simply malformed. */
  assert_read_error ("<article>&x;</article>", 22, TOA_EXPORT_ERROR_MALFORMED);
  toa_test_remove_tree (dir);
}

static void
test_billion_laughs_refused (void)
{
  GString *lol = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
  gint64 start = g_get_monotonic_time ();

  for (int i = 1; i <= 9; i++)
    {
      g_string_append_printf (lol, "<!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (lol, "&lol;");
          else
            g_string_append_printf (lol, "&lol%d;", i - 1);
        }
      g_string_append (lol, "\">\n");
    }
  g_string_append (lol, "]>\n<article>&lol9;</article>");
  assert_read_error (lol->str, lol->len, TOA_EXPORT_ERROR_UNSAFE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_string_free (lol, TRUE);
}

static void
test_tampering_detected (void)
{
  g_autoptr(ToaExportArticle) article = sample_article ();
  g_autoptr(GBytes) bytes = toa_article_xml_write (article, NULL);
  g_autofree char *text = bytes_to_string (bytes);
  char *where = strstr (text, "15</strong>");

  where[0] = '9';
  assert_read_error (text, strlen (text), TOA_EXPORT_ERROR_HASH_MISMATCH);
}

static void
test_bad_inputs (void)
{
  g_autofree char *big = g_malloc0 (TOA_ARTICLE_XML_MAX_SIZE + 2);

  memset (big, ' ', TOA_ARTICLE_XML_MAX_SIZE + 1);
  assert_read_error (big, TOA_ARTICLE_XML_MAX_SIZE + 1, TOA_EXPORT_ERROR_TOO_LARGE);
  assert_read_error ("", 0, TOA_EXPORT_ERROR_MALFORMED);
  assert_read_error ("<article>\xff</article>", 20, TOA_EXPORT_ERROR_MALFORMED);
  assert_read_error ("<article><b></article>", 22, TOA_EXPORT_ERROR_MALFORMED);
  assert_read_error ("<article format-version=\"1\" id=\"1\"/>", 36, TOA_EXPORT_ERROR_INVALID);
}

/* Found by fuzzing: early years keep four digits, and years GLib cannot
 * hold are refused rather than lost. */
static void
test_years (void)
{
  g_autoptr(ToaExportArticle) article = sample_article ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *year_zero = NULL;
  char *where;

  g_date_time_unref (article->created);
  article->created = g_date_time_new_utc (475, 11, 20, 1, 30, 0);
  assert_round_trip (article);
  bytes = toa_article_xml_write (article, NULL);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "<created>0475-11-20T01:30:00Z</created>"));

  where = strstr (text, "<created>0475");
  memcpy (where + strlen ("<created>"), "0000", 4);
  year_zero = g_strdup (text);
  assert_read_error (year_zero, strlen (year_zero), TOA_EXPORT_ERROR_INVALID);
}

static void
test_portal_policy (void)
{
  g_autoptr(ToaExportArticle) article = sample_article ();
  g_autoptr(GError) error = NULL;

  g_assert_true (toa_export_check_portal_policy (article, &error));
  g_assert_no_error (error);

  g_free (article->status);
  article->status = g_strdup ("published");
  g_assert_true (toa_export_check_portal_policy (article, &error));

  g_free (article->status);
  article->status = g_strdup ("draft");
  g_assert_false (toa_export_check_portal_policy (article, &error));
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED);
  g_clear_error (&error);

  /* Approved, then edited: the hash no longer matches. */
  g_free (article->status);
  article->status = g_strdup ("approved");
  g_free (article->content->title);
  article->content->title = g_strdup ("Tiêu đề đã sửa sau khi duyệt");
  g_assert_false (toa_export_check_portal_policy (article, &error));
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED);
  g_clear_error (&error);

  g_clear_pointer (&article->approved_hash, g_free);
  g_assert_false (toa_export_check_portal_policy (article, &error));
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/xml/write-is-valid", test_write_is_valid);
  g_test_add_func ("/export/xml/hash-is-recomputable", test_hash_is_recomputable);
  g_test_add_func ("/export/xml/round-trip", test_round_trip);
  g_test_add_func ("/export/xml/round-trip-variants", test_round_trip_variants);
  g_test_add_func ("/export/xml/fixture-round-trip", test_fixture_round_trip);
  g_test_add_func ("/export/xml/schema-refuses-unsafe-body", test_schema_refuses_unsafe_body);
  g_test_add_func ("/export/xml/schema-accepts-links", test_schema_accepts_links);
  g_test_add_func ("/export/xml/missing-fields", test_missing_fields);
  g_test_add_func ("/export/xml/xxe-refused", test_xxe_refused);
  g_test_add_func ("/export/xml/billion-laughs-refused", test_billion_laughs_refused);
  g_test_add_func ("/export/xml/tampering-detected", test_tampering_detected);
  g_test_add_func ("/export/xml/bad-inputs", test_bad_inputs);
  g_test_add_func ("/export/xml/years", test_years);
  g_test_add_func ("/export/xml/portal-policy", test_portal_policy);

  return g_test_run ();
}
