/* test-cli-export.c — exporting through toasoan-cli: policy, files,
 * bundles and the record in the exports table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "toa-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
  char *out_dir;
  char *out;
  char *err;
} Fixture;

#define CLI(f, as, ...) toa_test_cli ((f)->db, as, &(f)->out, &(f)->err, __VA_ARGS__, NULL)

static void
write_body (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "body.txt", NULL);

  g_assert_true (g_file_set_contents (path,
                                      "Đoàn công tác đã khảo sát cụm công nghiệp Ninh Xuân.\n\n"
                                      "Kết quả cho thấy tỷ lệ lấp đầy đạt 72%.\n", -1, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *body = NULL;

  f->dir = toa_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "export.db", NULL);
  f->out_dir = g_build_filename (f->dir, "out", NULL);
  body = g_build_filename (f->dir, "body.txt", NULL);
  write_body (f);

  g_assert_cmpint (CLI (f, NULL, "init"), ==, 0);
  g_assert_cmpint (CLI (f, NULL, "office", "add", "QLCN", "Phòng Quản lý Công nghiệp"), ==, 0);
  g_assert_cmpint (CLI (f, NULL, "category", "add", "Tin tức"), ==, 0);
  g_assert_cmpint (CLI (f, NULL, "user", "add", "admin", "Quản trị", "--office", "QLCN", "--role", "admin"), ==, 0);
  g_assert_cmpint (CLI (f, "admin", "user", "add", "nguyen", "Đỗ Nguyên", "--office", "QLCN", "--role", "author"), ==, 0);
  g_assert_cmpint (CLI (f, "admin", "user", "add", "lan", "Trần Thị Lan", "--office", "QLCN", "--role", "approver"), ==, 0);
  g_assert_cmpint (CLI (f, "admin", "user", "add", "minh", "Lê Minh", "--office", "QLCN", "--role", "publisher"), ==, 0);
  g_assert_cmpint (CLI (f, "nguyen", "article", "new", "--title", "Khảo sát cụm công nghiệp Ninh Xuân",
                        "--lead", "Sáng ngày 20/11/2026, Sở Công Thương khảo sát cụm công nghiệp.",
                        "--body-file", body, "--category", "Tin tức", "--office", "QLCN",
                        "--byline", "Đỗ Nguyên - P. QLCN"), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  toa_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->out_dir);
  g_free (f->out);
  g_free (f->err);
}

static void
approve (Fixture *f)
{
  g_assert_cmpint (CLI (f, "nguyen", "submit", "1"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "approve", "1"), ==, 0);
}

static char *
read_out_file (Fixture    *f,
               const char *name)
{
  g_autofree char *path = g_build_filename (f->out_dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static gint64
count_exports (Fixture    *f,
               const char *format)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM exports WHERE format = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, format, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* new → submit → approve → export page: the page shows the article in
 * the portal's order. */
static void
test_page_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *html = NULL;
  const char *title, *lead, *body1, *body2, *byline;

  approve (f);
  g_assert_cmpint (CLI (f, "minh", "export", "1", "--format", "page", "--out", f->out_dir), ==, 0);
  html = read_out_file (f, "article-1.html");

  title = strstr (html, "Khảo sát cụm công nghiệp Ninh Xuân</h1>");
  lead = strstr (html, "Sáng ngày 20/11/2026, Sở Công Thương khảo sát cụm công nghiệp.");
  body1 = strstr (html, "<p>Đoàn công tác đã khảo sát cụm công nghiệp Ninh Xuân.</p>");
  body2 = strstr (html, "<p>Kết quả cho thấy tỷ lệ lấp đầy đạt 72%.</p>");
  byline = strstr (html, "Đỗ Nguyên - P. QLCN");
  g_assert_nonnull (title);
  g_assert_nonnull (lead);
  g_assert_nonnull (body1);
  g_assert_nonnull (body2);
  g_assert_nonnull (byline);
  g_assert_true (title < lead && lead < body1 && body1 < body2 && body2 < byline);
  g_assert_null (strstr (html, "class=\"toa-preview\""));
  g_assert_cmpint (count_exports (f, "page"), ==, 1);
}

static void
test_draft_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *html = NULL;
  g_autofree char *path = g_build_filename (f->out_dir, "article-1.html", NULL);

  g_assert_cmpint (CLI (f, "minh", "export", "1", "--format", "page", "--out", f->out_dir), ==, 4);
  g_assert_nonnull (strstr (f->err, "not approved"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_exports (f, "page"), ==, 0);

  /* A preview is allowed, and says so on the page. */
  g_assert_cmpint (CLI (f, "minh", "export", "1", "--format", "page", "--preview", "--out", f->out_dir), ==, 0);
  html = read_out_file (f, "article-1.html");
  g_assert_nonnull (strstr (html, "class=\"toa-preview\""));
  g_assert_cmpint (count_exports (f, "preview"), ==, 1);
}

static void
test_edit_after_approval_refused (Fixture       *f,
                                  gconstpointer  data)
{
  approve (f);
  g_assert_cmpint (CLI (f, "nguyen", "article", "edit", "1", "--expect-version", "1",
                        "--title", "Khảo sát cụm công nghiệp Ninh Xuân (sửa)"), ==, 0);
  g_assert_cmpint (CLI (f, "minh", "export", "1", "--format", "xml", "--out", f->out_dir), ==, 4);
}

static void
test_every_format (Fixture       *f,
                   gconstpointer  data)
{
  const char *formats[] = { "xml", "fragment", "liferay", "newsml", NULL };
  const char *files[] = { "article-1.xml", "article-1.fragment.html", "article-1.liferay.xml", "article-1.newsml.xml", NULL };

  approve (f);
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *text = NULL;

      g_assert_cmpint (CLI (f, "minh", "export", "1", "--format", formats[i], "--out", f->out_dir), ==, 0);
      text = read_out_file (f, files[i]);
      g_assert_nonnull (strstr (text, "Kết quả cho thấy tỷ lệ lấp đầy đạt 72%."));
      g_assert_cmpint (count_exports (f, formats[i]), >=, 1);
    }
  g_assert_cmpint (CLI (f, "minh", "export", "1", "--format", "docx", "--out", f->out_dir), ==, 2);
}

static void
test_bundle_verify (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *zip = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  approve (f);
  g_assert_cmpint (CLI (f, "minh", "export", "1", "--format", "bundle", "--out", f->out_dir), ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  zip = g_strdup (lines[0]);
  g_assert_true (g_str_has_suffix (zip, ".zip"));
  g_assert_cmpint (count_exports (f, "bundle"), ==, 1);

  g_assert_cmpint (CLI (f, NULL, "verify", zip), ==, 0);
  g_assert_nonnull (strstr (f->out, "1 article"));

  /* Flip one byte in the middle of the archive: verification must fail. */
  g_assert_true (g_file_get_contents (zip, &contents, &length, NULL));
  contents[length / 2] ^= 0x55;
  g_assert_true (g_file_set_contents (zip, contents, length, NULL));
  g_assert_cmpint (CLI (f, NULL, "verify", zip), !=, 0);
}

static void
test_atom_feed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *feed_path = g_build_filename (f->dir, "feed.atom", NULL);
  g_autofree char *feed = NULL;

  approve (f);
  g_assert_cmpint (CLI (f, "minh", "publish", "1"), ==, 0);
  g_assert_cmpint (CLI (f, "minh", "export", "--feed", "atom", "--out", feed_path), ==, 0);
  g_assert_true (g_file_get_contents (feed_path, &feed, NULL, NULL));
  g_assert_nonnull (strstr (feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
  g_assert_nonnull (strstr (feed, "Khảo sát cụm công nghiệp Ninh Xuân"));
}

static char *
show_field (Fixture    *f,
            const char *id,
            const char *field)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_cmpint (toa_test_cli (f->db, NULL, &f->out, &f->err, "--json", "article", "show", id, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member_with_default (object, field, NULL));
}

/* export XML → import → the new draft has exactly the same content. */
static void
test_import_article_xml (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (f->out_dir, "article-1.xml", NULL);
  const char *fields[] = { "title", "lead", "body", "byline", "category", NULL };

  approve (f);
  g_assert_cmpint (CLI (f, "minh", "export", "1", "--format", "xml", "--out", f->out_dir), ==, 0);
  g_assert_cmpint (CLI (f, "nguyen", "import", xml), ==, 0);
  g_assert_cmpstr (f->out, ==, "2\n");
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *original = show_field (f, "1", fields[i]);
      g_autofree char *imported = show_field (f, "2", fields[i]);

      g_assert_nonnull (original);
      g_assert_cmpstr (imported, ==, original);
    }
  {
    g_autofree char *status = show_field (f, "2", "status");
    g_assert_cmpstr (status, ==, "draft");
  }
}

static void
test_import_own_page (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *page = g_build_filename (f->out_dir, "article-1.html", NULL);
  g_autofree char *title = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *body = NULL;

  approve (f);
  g_assert_cmpint (CLI (f, "minh", "export", "1", "--format", "page", "--out", f->out_dir), ==, 0);
  g_assert_cmpint (CLI (f, "nguyen", "import", page), ==, 0);
  title = show_field (f, "2", "title");
  lead = show_field (f, "2", "lead");
  byline = show_field (f, "2", "byline");
  body = show_field (f, "2", "body");
  g_assert_cmpstr (title, ==, "Khảo sát cụm công nghiệp Ninh Xuân");
  g_assert_cmpstr (lead, ==, "Sáng ngày 20/11/2026, Sở Công Thương khảo sát cụm công nghiệp.");
  g_assert_cmpstr (byline, ==, "Đỗ Nguyên - P. QLCN");
  g_assert_cmpstr (body, ==, "<p>Đoàn công tác đã khảo sát cụm công nghiệp Ninh Xuân.</p>"
                             "<p>Kết quả cho thấy tỷ lệ lấp đầy đạt 72%.</p>");
}

static void
test_import_hostile_page (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "hostile.html", NULL);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "<html><head><title>Thông báo <script>x()</script></title></head>"
                                      "<body><h1 onclick=\"steal()\">Thông báo lịch tiếp dân</h1>"
                                      "<p>Lịch <a href=\"javascript:alert(1)\">tiếp dân</a> tháng 12.</p>"
                                      "<script>document.cookie</script><img src=x onerror=alert(1)>"
                                      "<!--><img src=x onerror=alert(2)>--></body></html>", -1, NULL));
  g_assert_cmpint (CLI (f, "nguyen", "import", path), ==, 0);
  title = show_field (f, "2", "title");
  body = show_field (f, "2", "body");
  g_assert_cmpstr (title, ==, "Thông báo lịch tiếp dân");
  g_assert_cmpstr (body, ==, "<p>Lịch tiếp dân tháng 12.</p>");
}

static void
test_import_xxe_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "xxe.xml", NULL);

  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<!DOCTYPE article [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                                      "<article><content><title>&x;</title></content></article>\n", -1, NULL));
  g_assert_cmpint (CLI (f, "nguyen", "import", path), ==, 6);
  g_assert_null (strstr (f->err, "root:"));
  g_assert_cmpint (CLI (f, NULL, "article", "show", "2"), ==, 5);
}

/* A tiny valid PNG (1×1), enough for the store to read its size. */
static const guint8 png_1x1[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
  0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The round trip with a photo: the page shows title, lead, body,
 * the caption and the byline in that order, and the image beside it. */
static void
test_page_with_figure (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "anh.png", NULL);
  g_autofree char *page = g_build_filename (f->dir, "draft.html", NULL);
  g_autofree char *image = g_build_filename (f->out_dir, "images", NULL);
  g_autofree char *html = NULL;
  g_autofree char *source = NULL;
  const char *title, *lead, *body, *caption, *byline;

  g_assert_true (g_file_set_contents (png, (const char *) png_1x1, sizeof png_1x1, NULL));
  g_assert_cmpint (CLI (f, "nguyen", "media", "add", png), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n");
  source = g_strdup ("<h1 class=\"toa-title\">Hội chợ OCOP</h1><p class=\"toa-lead\">Ngày 1/12/2026, hội chợ khai mạc.</p>"
                     "<div class=\"toa-body\"><p>Có 80 gian hàng.</p><figure><img src=\"media:1\" alt=\"\">"
                     "<figcaption>Lãnh đạo Sở thăm gian hàng</figcaption></figure></div>"
                     "<p class=\"toa-byline\">Đỗ Nguyên - P. QLCN</p>");
  g_assert_true (g_file_set_contents (page, source, -1, NULL));
  g_assert_cmpint (CLI (f, "nguyen", "import", page), ==, 0);
  g_assert_cmpstr (f->out, ==, "2\n");
  g_assert_cmpint (CLI (f, "nguyen", "submit", "2"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "approve", "2"), ==, 0);
  g_assert_cmpint (CLI (f, "minh", "export", "2", "--format", "page", "--out", f->out_dir), ==, 0);

  html = read_out_file (f, "article-2.html");
  title = strstr (html, "Hội chợ OCOP</h1>");
  lead = strstr (html, "Ngày 1/12/2026, hội chợ khai mạc.");
  body = strstr (html, "<p>Có 80 gian hàng.</p>");
  caption = strstr (html, "Lãnh đạo Sở thăm gian hàng</figcaption>");
  byline = strstr (html, "Đỗ Nguyên - P. QLCN");
  g_assert_nonnull (title);
  g_assert_nonnull (lead);
  g_assert_nonnull (body);
  g_assert_nonnull (caption);
  g_assert_nonnull (byline);
  g_assert_true (title < lead && lead < body && body < caption && caption < byline);
  g_assert_nonnull (strstr (html, "alt=\"Lãnh đạo Sở thăm gian hàng\""));
  g_assert_null (strstr (html, "media:1"));
  g_assert_true (g_file_test (image, G_FILE_TEST_IS_DIR));
}

/* A refusal names the person as the office knows them, not the login. */
static void
test_refusal_names_person (Fixture       *f,
                           gconstpointer  data)
{
  g_assert_cmpint (CLI (f, "nguyen", "submit", "1"), ==, 0);
  g_assert_cmpint (CLI (f, "minh", "approve", "1"), ==, 4);
  g_assert_nonnull (strstr (f->err, "Lê Minh is not permitted"));
}

/* --body-file takes HTML through the paste pipeline, and says what it
 * cleaned. */
static void
test_body_file_html (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "word.html", NULL);
  g_autofree char *body = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body>"
                                      "<p class=MsoNormal><b>Tiết kiệm năng lượng</b><o:p></o:p></p>"
                                      "<p class=MsoNormal style='mso-margin-top-alt:auto'>Giảm 10% điện năng."
                                      "<script>alert(1)</script></p></body></html>", -1, NULL));
  g_assert_cmpint (CLI (f, "nguyen", "article", "edit", "1", "--expect-version", "1", "--body-file", path), ==, 0);
  g_assert_nonnull (strstr (f->err, "Word"));
  body = show_field (f, "1", "body");
  g_assert_cmpstr (body, ==, "<p><strong>Tiết kiệm năng lượng</strong></p><p>Giảm 10% điện năng.</p>");
}

/* Several articles in one command: all are checked first (one draft among
 * them and nothing is written), then written and recorded. */
static void
test_many_articles (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *body = g_build_filename (f->dir, "body.txt", NULL);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *first_page = g_build_filename (f->out_dir, "article-1.html", NULL);

  for (guint i = 2; i <= 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bài số %u về cụm công nghiệp", i);

      g_assert_cmpint (CLI (f, "nguyen", "article", "new", "--title", title, "--lead", "Tin ngắn.",
                            "--body-file", body, "--category", "Tin tức", "--office", "QLCN"), ==, 0);
    }
  approve (f);
  g_assert_cmpint (CLI (f, "nguyen", "submit", "2"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "approve", "2"), ==, 0);

  /* Article 3 is a draft: refused, and no file of 1 or 2 written. */
  g_assert_cmpint (CLI (f, "minh", "export", "1", "2", "3", "--format", "page", "--out", f->out_dir), ==, 4);
  g_assert_false (g_file_test (first_page, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_exports (f, "page"), ==, 0);

  g_assert_cmpint (CLI (f, "nguyen", "submit", "3"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "approve", "3"), ==, 0);
  g_assert_cmpint (CLI (f, "minh", "export", "1", "2", "3", "--format", "page", "--out", f->out_dir), ==, 0);
  g_assert_nonnull (strstr (f->out, "article-1.html"));
  g_assert_true (strstr (f->out, "article-1.html") < strstr (f->out, "article-2.html"));
  g_assert_true (strstr (f->out, "article-2.html") < strstr (f->out, "article-3.html"));
  second = read_out_file (f, "article-2.html");
  third = read_out_file (f, "article-3.html");
  g_assert_nonnull (strstr (second, "Bài số 2 về cụm công nghiệp"));
  g_assert_nonnull (strstr (third, "Bài số 3 về cụm công nghiệp"));
  g_assert_cmpint (count_exports (f, "page"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli-export/page-round-trip", test_page_round_trip);
  ADD ("/cli-export/many-articles", test_many_articles);
  ADD ("/cli-export/draft-refused", test_draft_refused);
  ADD ("/cli-export/edit-after-approval-refused", test_edit_after_approval_refused);
  ADD ("/cli-export/every-format", test_every_format);
  ADD ("/cli-export/bundle-verify", test_bundle_verify);
  ADD ("/cli-export/atom-feed", test_atom_feed);
  ADD ("/cli-export/import-article-xml", test_import_article_xml);
  ADD ("/cli-export/page-with-figure", test_page_with_figure);
  ADD ("/cli-export/body-file-html", test_body_file_html);
  ADD ("/cli-export/refusal-names-person", test_refusal_names_person);
  ADD ("/cli-export/import-own-page", test_import_own_page);
  ADD ("/cli-export/import-hostile-page", test_import_hostile_page);
  ADD ("/cli-export/import-xxe-refused", test_import_xxe_refused);
#undef ADD

  return g_test_run ();
}
