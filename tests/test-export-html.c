/* test-export-html.c — HTML fragment and page by XSLT, images, overrides,
 * and the stylesheet sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "toa-export-error.h"
#include "toa-exporter.h"
#include "toa-test-utils.h"

#define WIDE_PHOTO 7
#define SMALL_PHOTO 8
#define SVG_IMAGE 9
#define BROKEN_IMAGE 10

static ToaExportArticle *
sample_article (const char *body)
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
  content->lead = g_strdup ("Ngày 12/11/2026, Sở Công Thương tổ chức hội nghị sơ kết.");
  content->body = g_strdup (body != NULL ? body :
                            "<p>Đoạn mở đầu của bài.</p>"
                            "<figure><img src=\"media:7\" alt=\"\"/><figcaption>Quang cảnh hội nghị</figcaption></figure>"
                            "<p>Đoạn giữa &amp; <strong>kết quả</strong>.</p>"
                            "<figure><img src=\"media:8\" alt=\"ảnh nhỏ\"/></figure>"
                            "<p>Đoạn cuối.</p>");
  content->byline = g_strdup ("Đỗ Nguyên - P. QLCN");
  content->category = g_strdup ("Tin tức");
  content->display_date = g_strdup ("2026-11-12");
  article->approved_revision = 3;
  article->approved_hash = toa_article_content_hash (content, NULL);
  return article;
}

static void
reapprove (ToaExportArticle *article)
{
  g_free (article->approved_hash);
  article->approved_hash = toa_article_content_hash (article->content, NULL);
}

static GBytes *
make_image (int         width,
            int         height,
            const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, NULL, NULL));
  return g_bytes_new_take (buffer, size);
}

static ToaExportMedia *
lookup_media (gint64    id,
              gpointer  user_data,
              GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  int *calls = user_data;

  (*calls)++;
  switch (id)
    {
    case WIDE_PHOTO:
      bytes = make_image (2000, 1000, "png");
      return toa_export_media_new (bytes, "image/png", 2000, 1000);
    case SMALL_PHOTO:
      bytes = make_image (300, 200, "jpeg");
      return toa_export_media_new (bytes, "image/jpeg", 300, 200);
    case SVG_IMAGE:
      bytes = g_bytes_new_static ("<svg onload=\"alert(1)\"/>", 24);
      return toa_export_media_new (bytes, "image/svg+xml", 10, 10);
    case BROKEN_IMAGE:
      bytes = g_bytes_new_static ("not a png", 9);
      return toa_export_media_new (bytes, "image/png", 10, 10);
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no media %d", (int) id);
      return NULL;
    }
}

static ToaExporter *
new_exporter (int *calls)
{
  ToaExporter *exporter = toa_exporter_new ();

  toa_exporter_set_media_func (exporter, lookup_media, calls, NULL);
  return exporter;
}

/* Elements in the order they appear, as "name.class" or "name". */
static void
collect_elements (xmlNodePtr  node,
                  GString    *out)
{
  for (xmlNodePtr child = node; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      g_string_append_printf (out, "%s ", (const char *) child->name);
      collect_elements (child->children, out);
    }
}

static void
test_fragment_exact (void)
{
  int calls = 0;
  g_autoptr(ToaExporter) exporter = new_exporter (&calls);
  g_autoptr(ToaExportArticle) article = sample_article (NULL);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = toa_exporter_render_fragment (exporter, article, &images, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (html, ==,
                   "<p>Đoạn mở đầu của bài.</p>"
                   "<figure><img src=\"images/media-7.png\" alt=\"Quang cảnh hội nghị\"><figcaption>Quang cảnh hội nghị</figcaption></figure>"
                   "<p>Đoạn giữa &amp; <strong>kết quả</strong>.</p>"
                   "<figure><img src=\"images/media-8.jpg\" alt=\"ảnh nhỏ\"></figure>"
                   "<p>Đoạn cuối.</p>");
  g_assert_cmpuint (images->len, ==, 2);
  g_assert_cmpint (calls, ==, 2);
}

/* Every element and attribute the body allowlist knows goes through, with
 * its own attributes only. */
static void
test_fragment_allowlist (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = sample_article (
      "<h2>A</h2><h3>B</h3><h4>C</h4><p><em>e</em><u>u</u><s>s</s><sub>1</sub><sup>2</sup>x<br/>y"
      "<a href=\"mailto:a@b.vn\">m</a></p><ol start=\"4\"><li>l<ul><li>n</li></ul></li></ol>"
      "<blockquote><p>q</p></blockquote><table><thead><tr><th rowspan=\"2\">h</th></tr></thead>"
      "<tbody><tr><td colspan=\"3\">d</td></tr></tbody></table>");
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  reapprove (article);
  html = toa_exporter_render_fragment (exporter, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (html, ==,
                   "<h2>A</h2><h3>B</h3><h4>C</h4><p><em>e</em><u>u</u><s>s</s><sub>1</sub><sup>2</sup>x<br>y"
                   "<a href=\"mailto:a@b.vn\">m</a></p><ol start=\"4\"><li>l<ul><li>n</li></ul></li></ol>"
                   "<blockquote><p>q</p></blockquote><table><thead><tr><th rowspan=\"2\">h</th></tr></thead>"
                   "<tbody><tr><td colspan=\"3\">d</td></tr></tbody></table>");
}

static void
test_page_order (void)
{
  int calls = 0;
  g_autoptr(ToaExporter) exporter = new_exporter (&calls);
  g_autoptr(ToaExportArticle) article = sample_article (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = toa_exporter_render_page (exporter, article, NULL, &error);
  const char *marks[] = {
    "<!DOCTYPE html>",
    "<h1 class=\"toa-title\">Hội nghị sơ kết công tác khuyến công năm 2026</h1>",
    "<p class=\"toa-date\">Ngày đăng: <time datetime=\"2026-11-12\">12/11/2026</time></p>",
    "<p class=\"toa-lead\"><strong>Ngày 12/11/2026, Sở Công Thương tổ chức hội nghị sơ kết.</strong></p>",
    "<p>Đoạn mở đầu của bài.</p>",
    "<figcaption>Quang cảnh hội nghị</figcaption>",
    "<p>Đoạn cuối.</p>",
    "<p class=\"toa-byline\">Đỗ Nguyên - P. QLCN</p>",
    "</html>",
  };
  const char *at;
  htmlDocPtr doc;
  g_autoptr(GString) elements = g_string_new (NULL);

  g_assert_no_error (error);
  at = html;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *found = strstr (at, marks[i]);

      if (found == NULL)
        g_error ("“%s” missing or out of order in: %s", marks[i], html);
      at = found + strlen (marks[i]);
    }
  g_assert_nonnull (strstr (html, "<html lang=\"vi\">"));
  g_assert_nonnull (strstr (html, ".toa-byline { margin-top: 16px; font-weight: bold; text-align: right; }"));
  g_assert_null (strstr (html, "toa-preview\""));

  /* It parses as HTML into the expected skeleton. */
  doc = htmlReadMemory (html, (int) strlen (html), NULL, "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (doc);
  collect_elements (xmlDocGetRootElement (doc), elements);
  g_assert_cmpstr (elements->str, ==,
                   "html head meta meta title style body article p h1 p time p strong div "
                   "p figure img figcaption p strong figure img p p ");
  xmlFreeDoc (doc);
}

static void
test_page_escapes_text (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = sample_article ("<p>a</p>");
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  g_free (article->content->title);
  article->content->title = g_strdup ("<script>alert(1)</script>");
  g_free (article->content->byline);
  article->content->byline = g_strdup ("\"'><img src=x onerror=alert(1)>");
  g_free (article->content->category);
  article->content->category = g_strdup ("</style><script>x</script>");
  reapprove (article);
  html = toa_exporter_render_page (exporter, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "\"'&gt;&lt;img src=x onerror=alert(1)&gt;"));
}

/* Decoded with an explicit type: the isolated test directories hide the
 * MIME database that sniffing needs. */
static void
assert_image_size (const char *path,
                   const char *type,
                   int         width,
                   int         height)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type (type, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;
  gsize size;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  gdk_pixbuf_loader_write (loader, (const guchar *) data, size, &error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
}

static void
test_page_images_written (void)
{
  int calls = 0;
  g_autoptr(ToaExporter) exporter = new_exporter (&calls);
  g_autoptr(ToaExportArticle) article = sample_article (NULL);
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *page = g_build_filename (dir, "article-42.html", NULL);
  g_autofree char *wide = g_build_filename (dir, "images", "media-7.png", NULL);
  g_autofree char *small = g_build_filename (dir, "images", "media-8.jpg", NULL);
  g_autofree char *small_data = NULL;
  g_autoptr(GBytes) original = make_image (300, 200, "jpeg");
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  paths = toa_exporter_export (exporter, article, TOA_EXPORT_FORMAT_PAGE, dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, page);
  g_assert_true (g_file_test (page, G_FILE_TEST_IS_REGULAR));
  assert_image_size (wide, "png", 1200, 600);
  /* Narrow enough: the very bytes the store holds. */
  g_file_get_contents (small, &small_data, &size, NULL);
  g_assert_cmpmem (small_data, size, g_bytes_get_data (original, NULL), g_bytes_get_size (original));

  toa_exporter_set_max_image_width (exporter, 500);
  g_clear_pointer (&paths, g_ptr_array_unref);
  paths = toa_exporter_export (exporter, article, TOA_EXPORT_FORMAT_PAGE, dir, &error);
  g_assert_no_error (error);
  assert_image_size (wide, "png", 500, 250);
  toa_test_remove_tree (dir);
}

static void
assert_media_error (gint64 id)
{
  int calls = 0;
  g_autoptr(ToaExporter) exporter = new_exporter (&calls);
  g_autofree char *body = g_strdup_printf ("<figure><img src=\"media:%lld\" alt=\"\"/></figure>", (long long) id);
  g_autoptr(ToaExportArticle) article = sample_article (body);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  reapprove (article);
  html = toa_exporter_render_page (exporter, article, NULL, &error);
  g_assert_null (html);
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MEDIA);
}

static void
test_media_errors (void)
{
  assert_media_error (SVG_IMAGE);
  assert_media_error (BROKEN_IMAGE);
  assert_media_error (12345);
}

static void
test_preview (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = sample_article ("<p>nháp</p>");
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *preview = NULL;

  g_free (article->status);
  article->status = g_strdup ("draft");
  html = toa_exporter_render_page (exporter, article, NULL, &error);
  g_assert_null (html);
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED);
  g_clear_error (&error);

  /* Preview mode is for pages only. */
  toa_exporter_set_preview (exporter, TRUE);
  html = toa_exporter_render_fragment (exporter, article, NULL, &error);
  g_assert_null (html);
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED);
  g_clear_error (&error);

  preview = toa_exporter_render_page (exporter, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (preview, "<article class=\"toa-article\"><p class=\"toa-preview\">Preview — not approved for publication</p>"));
  g_assert_nonnull (strstr (preview, "<meta name=\"robots\" content=\"noindex\">"));
}

static void
write_template_version (const char *dir,
                        const char *name,
                        const char *version,
                        const char *body)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = g_strdup_printf (
      "<?xml version=\"1.0\"?>\n"
      "<xsl:stylesheet version=\"%s\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"\n"
      "  xmlns:h=\"http://www.w3.org/1999/xhtml\" xmlns:exsl=\"http://exslt.org/common\"\n"
      "  extension-element-prefixes=\"exsl\" exclude-result-prefixes=\"h\">\n%s\n</xsl:stylesheet>\n",
      version, body);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
write_template (const char *dir,
                const char *name,
                const char *body)
{
  write_template_version (dir, name, "1.0", body);
}

/* The default templates folder is $XDG_CONFIG_HOME/toasoan/templates
 * (isolated per test by GLib). */
static void
test_user_override_wins (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "toasoan", "templates", NULL);
  g_autoptr(ToaExportArticle) article = sample_article ("<p>thân <strong>bài</strong></p>");
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *fragment = NULL;
  g_autofree char *page2 = NULL;
  ToaExporter *exporter;

  reapprove (article);
  write_template (dir, "page.xsl",
                  "<xsl:output method=\"html\"/>"
                  "<xsl:template match=\"/article\"><html><body><p class=\"custom\">Mẫu riêng: "
                  "<xsl:value-of select=\"content/title\"/></p></body></html></xsl:template>");
  exporter = toa_exporter_new ();
  page = toa_exporter_render_page (exporter, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "<p class=\"custom\">Mẫu riêng: Hội nghị sơ kết"));
  fragment = toa_exporter_render_fragment (exporter, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fragment, ==, "<p>thân <strong>bài</strong></p>");
  toa_exporter_free (exporter);

  /* Overriding body.xsl alone changes what the built-in stylesheets
   * include. */
  g_clear_pointer (&page, g_free);
  page = g_build_filename (dir, "page.xsl", NULL);
  g_assert_cmpint (g_remove (page), ==, 0);
  write_template (dir, "body.xsl",
                  "<xsl:template match=\"h:strong\" mode=\"body\"><b><xsl:value-of select=\".\"/></b></xsl:template>"
                  "<xsl:template match=\"h:p\" mode=\"body\"><p class=\"mine\"><xsl:apply-templates mode=\"body\"/></p></xsl:template>");
  exporter = toa_exporter_new ();
  page2 = toa_exporter_render_page (exporter, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page2, "<div class=\"toa-body\"><p class=\"mine\">thân <b>bài</b></p></div>"));
  toa_exporter_free (exporter);
}

static void
assert_stylesheet_refused (const char *templates,
                           const char *version,
                           const char *body,
                           const char *why)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = sample_article ("<p>a</p>");
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  reapprove (article);
  write_template_version (templates, "page.xsl", version, body);
  toa_exporter_set_templates_dir (exporter, templates);
  html = toa_exporter_render_page (exporter, article, NULL, &error);
  g_assert_null (html);
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_STYLESHEET);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, why) == NULL)
    g_error ("“%s” not refused for the expected reason (%s)", error->message, why);
}

static void
test_malicious_stylesheets (void)
{
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *templates = g_build_filename (dir, "templates", NULL);
  g_autofree char *written = g_build_filename (dir, "pwned", "x.html", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.xml", NULL);
  g_autofree char *body = NULL;

  g_file_set_contents (secret, "<secret>SECRET-MARKER</secret>", -1, NULL);

  /* XSLT 1.1's xsl:document writes a file: refused, nothing written. */
  body = g_strdup_printf ("<xsl:template match=\"/\"><xsl:document href=\"%s\" method=\"html\">"
                          "<p>pwned</p></xsl:document><html/></xsl:template>", written);
  assert_stylesheet_refused (templates, "1.1", body, "refused");
  g_assert_false (g_file_test (written, G_FILE_TEST_EXISTS));
  g_clear_pointer (&body, g_free);

  /* EXSLT's exsl:document is not even available. */
  body = g_strdup_printf ("<xsl:template match=\"/\"><exsl:document href=\"%s\" method=\"html\">"
                          "<p>pwned</p></exsl:document><html/></xsl:template>", written);
  assert_stylesheet_refused (templates, "1.0", body, "document");
  g_assert_false (g_file_test (written, G_FILE_TEST_EXISTS));
  g_clear_pointer (&body, g_free);

  body = g_strdup_printf ("<xsl:template match=\"/\"><html><xsl:copy-of select=\"document('%s')\"/></html></xsl:template>",
                          secret);
  assert_stylesheet_refused (templates, "1.0", body, "read for");
  g_clear_pointer (&body, g_free);

  body = g_strdup ("<xsl:template match=\"/\"><html><xsl:copy-of select=\"document('http://127.0.0.1:9/x.xml')\"/></html></xsl:template>");
  assert_stylesheet_refused (templates, "1.0", body, "Network file read");
  g_clear_pointer (&body, g_free);

  body = g_strdup ("<xsl:template match=\"/\"><xsl:message terminate=\"yes\">stop</xsl:message></xsl:template>");
  assert_stylesheet_refused (templates, "1.0", body, "stop");
  g_clear_pointer (&body, g_free);

  /* Not XSLT at all. */
  body = g_strdup ("<xsl:template match=\"/\"><xsl:no-such-instruction/></xsl:template>");
  assert_stylesheet_refused (templates, "1.0", body, "no-such-instruction");
  g_clear_pointer (&body, g_free);

  toa_test_remove_tree (dir);
}

/* Whatever a user's stylesheet writes, the serializer keeps scripts,
 * event handlers, comments and unsafe links out of the export. */
static void
test_user_stylesheet_output_scrubbed (void)
{
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = sample_article ("<p>a</p>");
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  reapprove (article);
  write_template (dir, "page.xsl",
                  "<xsl:output method=\"html\"/>"
                  "<xsl:template match=\"/article\"><html><body onload=\"alert(1)\">"
                  "<script>alert(2)</script><xsl:comment>&lt;img src=x onerror=alert(3)&gt;</xsl:comment>"
                  "<a href=\" JaVa&#9;ScRiPt:alert(4)\">x</a><a href=\"https://sct.example.gov.vn/\">y</a>"
                  "<p title=\"&lt;!--&gt;&lt;img src=x onerror=alert(5)&gt;--&gt;\">"
                  "<xsl:text disable-output-escaping=\"yes\">&lt;img src=x onerror=alert(6)&gt;</xsl:text></p>"
                  "<iframe src=\"https://evil.example/\"><p>in</p></iframe>"
                  "<style>p { color: red }</style><style>&lt;/style&gt;&lt;script&gt;</style>"
                  "</body></html></xsl:template>");
  toa_exporter_set_templates_dir (exporter, dir);
  html = toa_exporter_render_page (exporter, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (html, ==,
                   "<!DOCTYPE html>\n<html><body><a>x</a><a href=\"https://sct.example.gov.vn/\">y</a>"
                   "<p title=\"&lt;!--&gt;&lt;img src=x onerror=alert(5)&gt;--&gt;\">"
                   "&lt;img src=x onerror=alert(6)&gt;</p>"
                   "<style>p { color: red }</style><style></style></body></html>\n");
  toa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/html/fragment-exact", test_fragment_exact);
  g_test_add_func ("/export/html/fragment-allowlist", test_fragment_allowlist);
  g_test_add_func ("/export/html/page-order", test_page_order);
  g_test_add_func ("/export/html/page-escapes-text", test_page_escapes_text);
  g_test_add_func ("/export/html/page-images-written", test_page_images_written);
  g_test_add_func ("/export/html/media-errors", test_media_errors);
  g_test_add_func ("/export/html/preview", test_preview);
  g_test_add_func ("/export/html/user-override-wins", test_user_override_wins);
  g_test_add_func ("/export/html/malicious-stylesheets", test_malicious_stylesheets);
  g_test_add_func ("/export/html/user-stylesheet-output-scrubbed", test_user_stylesheet_output_scrubbed);

  return g_test_run ();
}
