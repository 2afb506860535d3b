/* test-export-portal.c — Liferay web content, NewsML-G2 and Atom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "toa-article-xml.h"
#include "toa-export-error.h"
#include "toa-export-liferay.h"
#include "toa-export-newsml.h"
#include "toa-exporter.h"
#include "toa-test-utils.h"

static ToaExportArticle *
sample_article (gint64      id,
                const char *status)
{
  ToaExportArticle *article = toa_export_article_new ();
  ToaArticleContent *content = article->content;

  article->id = id;
  article->office_code = g_strdup ("KHTCTH");
  article->office_name = g_strdup ("Phòng Kế hoạch - Tài chính - Tổng hợp");
  article->status = g_strdup (status);
  article->author = g_strdup ("Lê Thu Hà");
  article->created = g_date_time_new_utc (2026, 11, 20, 1, 30, 0);
  article->updated = g_date_time_new_utc (2026, 11, 21, 9, (int) id % 60, 0);
  if (g_str_equal (status, "published"))
    article->published = g_date_time_new_utc (2026, 11, 22, 3, 0, 0);
  content->title = g_strdup_printf ("Tập huấn xuất khẩu năm 2026 (%lld)", (long long) id);
  content->lead = g_strdup ("Sở Công Thương tổ chức tập huấn cho doanh nghiệp.");
  content->body = g_strdup ("<p>Đoạn một &amp; <em>nhấn mạnh</em>.</p><p>Đoạn hai: a ]]&gt; b.</p>");
  content->byline = g_strdup ("Lê Thu Hà - P. KHTCTH");
  content->category = g_strdup ("Tin tức");
  content->tags = g_strsplit ("xuất khẩu,doanh nghiệp", ",", -1);
  article->approved_revision = 2;
  article->approved_hash = toa_article_content_hash (content, NULL);
  return article;
}

/* Parses @bytes and validates it against a schema of tests/fixtures/export. */
static xmlDocPtr
parse_valid (GBytes     *bytes,
             const char *schema_name)
{
  g_autofree char *relative = g_build_filename ("tests", "fixtures", "export", schema_name, NULL);
  g_autofree char *schema_path = toa_test_source_path (relative);
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (schema_path);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (parser);
  xmlRelaxNGValidCtxtPtr valid;
  xmlDocPtr doc;

  g_assert_nonnull (schema);
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), NULL, NULL,
                       XML_PARSE_NONET);
  g_assert_nonnull (doc);
  valid = xmlRelaxNGNewValidCtxt (schema);
  g_assert_cmpint (xmlRelaxNGValidateDoc (valid, doc), ==, 0);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
  return doc;
}

static char *
xpath_string (xmlDocPtr   doc,
              const char *expression)
{
  xmlXPathContextPtr ctxt = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  xmlChar *owned;
  char *text;

  xmlXPathRegisterNs (ctxt, BAD_CAST "n", BAD_CAST TOA_NEWSML_NAMESPACE);
  xmlXPathRegisterNs (ctxt, BAD_CAST "a", BAD_CAST TOA_ATOM_NAMESPACE);
  xmlXPathRegisterNs (ctxt, BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
  result = xmlXPathEvalExpression (BAD_CAST expression, ctxt);
  g_assert_nonnull (result);
  owned = xmlXPathCastToString (result);
  text = g_strdup ((const char *) owned);
  xmlFree (owned);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctxt);
  return text;
}

static void
assert_xpath (xmlDocPtr   doc,
              const char *expression,
              const char *expected)
{
  g_autofree char *actual = xpath_string (doc, expression);

  g_assert_cmpstr (actual, ==, expected);
}

/* A "]]>" inside the HTML must not end the CDATA section early: it is
 * split over two sections and reads back intact. */
static void
test_liferay_cdata_split (void)
{
  const char *html = "<p>a]]>b</p><p>]]]]>></p>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = toa_liferay_content_xml (html, &error);
  g_autofree char *text = NULL;
  xmlDocPtr doc;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "<dynamic-content language-id=\"vi_VN\"><![CDATA[<p>a]]]]><![CDATA[>b</p><p>]]]]]]><![CDATA[>></p>]]></dynamic-content>"));
  doc = parse_valid (bytes, "liferay-content.rng");
  assert_xpath (doc, "string(/root/dynamic-element/dynamic-content)", html);
  xmlFreeDoc (doc);
}

static GBytes *
find_file (GPtrArray  *files,
           const char *path)
{
  for (guint i = 0; i < files->len; i++)
    {
      ToaExportFile *file = g_ptr_array_index (files, i);

      if (g_str_equal (file->path, path))
        return file->bytes;
    }
  g_error ("%s is not among the exported files", path);
  return NULL;
}

static void
test_liferay_export (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = sample_article (42, "approved");
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *fragment = NULL;
  g_autofree char *xml_text = NULL;
  JsonObject *root;
  GBytes *xml;
  GBytes *json;
  xmlDocPtr doc;

  files = toa_exporter_export_files (exporter, article, TOA_EXPORT_FORMAT_LIFERAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 2);
  xml = find_file (files, "article-42.liferay.xml");
  json = find_file (files, "article-42.liferay.json");

  fragment = toa_exporter_render_fragment (exporter, article, NULL, &error);
  g_assert_no_error (error);
  doc = parse_valid (xml, "liferay-content.rng");
  assert_xpath (doc, "string(/root/dynamic-element/dynamic-content)", fragment);
  assert_xpath (doc, "string(/root/@default-locale)", "vi_VN");
  xmlFreeDoc (doc);

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "titleMap"), "vi_VN"), ==,
                   article->content->title);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "descriptionMap"), "vi_VN"), ==,
                   article->content->lead);
  g_assert_cmpstr (json_object_get_string_member (root, "ddmStructureKey"), ==, "BASIC-WEB-CONTENT");
  xml_text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_assert_cmpstr (json_object_get_string_member (root, "content"), ==, xml_text);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (
                     json_object_get_object_member (root, "serviceContext"), "assetTagNames"), 1), ==,
                   "doanh nghiệp");
}

static void
test_portal_formats_need_approval (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = sample_article (7, "submitted");
  ToaExportFormat formats[] = { TOA_EXPORT_FORMAT_FRAGMENT, TOA_EXPORT_FORMAT_PAGE,
                                TOA_EXPORT_FORMAT_LIFERAY, TOA_EXPORT_FORMAT_NEWSML };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) files = toa_exporter_export_files (exporter, article, formats[i], &error);

      g_assert_null (files);
      g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED);
    }
}

static void
test_newsml (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = sample_article (42, "published");
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;

  toa_exporter_set_provider (exporter, "Sở Công Thương tỉnh Quảng Nam");
  files = toa_exporter_export_files (exporter, article, TOA_EXPORT_FORMAT_NEWSML, &error);
  g_assert_no_error (error);
  doc = parse_valid (find_file (files, "article-42.newsml.xml"), "newsml-item.rng");
  assert_xpath (doc, "string(/n:newsItem/@standard)", "NewsML-G2");
  assert_xpath (doc, "string(/n:newsItem/@guid)", "urn:toasoan:article:KHTCTH:42");
  assert_xpath (doc, "string(/n:newsItem/@xml:lang)", "vi");
  assert_xpath (doc, "string(/n:newsItem/n:itemMeta/n:itemClass/@qcode)", "ninat:text");
  assert_xpath (doc, "string(/n:newsItem/n:itemMeta/n:provider/@literal)", "Sở Công Thương tỉnh Quảng Nam");
  assert_xpath (doc, "string(/n:newsItem/n:itemMeta/n:versionCreated)", "2026-11-21T09:42:00Z");
  assert_xpath (doc, "string(/n:newsItem/n:contentMeta/n:headline)", "Tập huấn xuất khẩu năm 2026 (42)");
  assert_xpath (doc, "string(/n:newsItem/n:contentMeta/n:creator/n:name)", "Lê Thu Hà - P. KHTCTH");
  assert_xpath (doc, "string(/n:newsItem/n:contentMeta/n:language/@tag)", "vi");
  assert_xpath (doc, "string(/n:newsItem/n:contentMeta/n:keyword[2])", "doanh nghiệp");
  assert_xpath (doc, "string(/n:newsItem/n:contentSet/n:inlineXML/h:html/h:body/h:p[1]/h:em)", "nhấn mạnh");
  assert_xpath (doc, "string(/n:newsItem/n:contentSet/n:inlineXML/h:html/h:body/h:p[2])", "Đoạn hai: a ]]> b.");
  xmlFreeDoc (doc);
}

/* Only articles that are published, and still as approved, are fed. */
static void
test_atom_feed (void)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_article_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) feed = NULL;
  ToaExportArticle *changed;
  xmlDocPtr doc;

  g_ptr_array_add (articles, sample_article (1, "published"));
  g_ptr_array_add (articles, sample_article (2, "approved"));
  changed = sample_article (3, "published");
  g_free (changed->content->lead);
  changed->content->lead = g_strdup ("Sửa sau khi duyệt.");
  g_ptr_array_add (articles, changed);
  g_ptr_array_add (articles, sample_article (4, "published"));

  feed = toa_atom_feed_write (articles, "urn:toasoan:feed:tin-tuc", "Tin tức - Sở Công Thương", NULL, &error);
  g_assert_no_error (error);
  doc = parse_valid (feed, "atom.rng");
  assert_xpath (doc, "count(/a:feed/a:entry)", "2");
  assert_xpath (doc, "string(/a:feed/a:entry[1]/a:id)", "urn:toasoan:article:KHTCTH:1");
  assert_xpath (doc, "string(/a:feed/a:entry[2]/a:id)", "urn:toasoan:article:KHTCTH:4");
  assert_xpath (doc, "string(/a:feed/a:updated)", "2026-11-21T09:04:00Z");
  assert_xpath (doc, "string(/a:feed/a:entry[1]/a:author/a:name)", "Lê Thu Hà - P. KHTCTH");
  assert_xpath (doc, "string(/a:feed/a:entry[1]/a:summary)", "Sở Công Thương tổ chức tập huấn cho doanh nghiệp.");
  assert_xpath (doc, "string(/a:feed/a:entry[1]/a:content/h:div/h:p[1])", "Đoạn một & nhấn mạnh.");
  xmlFreeDoc (doc);
}

static void
test_export_writes_files (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = sample_article (42, "draft");
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *expected_path = g_build_filename (dir, "out", "article-42.xml", NULL);
  g_autoptr(GBytes) expected = toa_article_xml_write (article, NULL);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) evil = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_file_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *data = NULL;
  g_autofree char *escaped = g_build_filename (dir, "escaped.txt", NULL);
  ToaExportFormat format;
  gsize size;

  /* The article XML is an interchange format: drafts may be written. */
  g_assert_true (toa_export_format_from_string ("xml", &format));
  paths = toa_exporter_export (exporter, article, format, out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, expected_path);
  g_assert_true (g_file_get_contents (expected_path, &data, &size, NULL));
  g_assert_cmpmem (data, size, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  g_assert_true (toa_export_format_from_string ("newsml", &format));
  g_assert_cmpint (format, ==, TOA_EXPORT_FORMAT_NEWSML);
  g_assert_false (toa_export_format_from_string ("pdf", &format));

  g_ptr_array_add (evil, toa_export_file_new ("../escaped.txt", expected));
  g_assert_false (toa_export_files_write (evil, out, &error));
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_IO);
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  toa_test_remove_tree (dir);
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* Many articles on several threads: the same files as one after the
 * other, every one of them; a failure is reported. */
static void
test_export_many (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_article_free);
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *one_dir = g_build_filename (dir, "one", NULL);
  g_autofree char *many_dir = g_build_filename (dir, "many", NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const ToaExportFormat formats[] = { TOA_EXPORT_FORMAT_PAGE, TOA_EXPORT_FORMAT_XML, TOA_EXPORT_FORMAT_NEWSML };

  for (guint i = 1; i <= 40; i++)
    g_ptr_array_add (articles, sample_article (i, "approved"));

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_clear_pointer (&results, g_ptr_array_unref);
      results = toa_exporter_export_many (exporter, articles, formats[f], many_dir, 4, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (results->len, ==, articles->len);
      for (guint i = 0; i < articles->len; i++)
        {
          g_autoptr(GPtrArray) paths = toa_exporter_export (exporter, g_ptr_array_index (articles, i),
                                                            formats[f], one_dir, &error);
          GPtrArray *files = g_ptr_array_index (results, i);

          g_assert_no_error (error);
          g_assert_cmpuint (files->len, ==, paths->len);
          for (guint j = 0; j < files->len; j++)
            {
              const ToaExportFile *file = g_ptr_array_index (files, j);
              g_autofree char *one = read_file (one_dir, file->path);
              g_autofree char *many = read_file (many_dir, file->path);

              g_assert_cmpstr (many, ==, one);
            }
        }
    }

  /* A draft is refused by the portal formats: the batch says so. */
  g_ptr_array_add (articles, sample_article (99, "draft"));
  g_clear_pointer (&results, g_ptr_array_unref);
  results = toa_exporter_export_many (exporter, articles, TOA_EXPORT_FORMAT_NEWSML, many_dir, 3, NULL, &error);
  g_assert_null (results);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Cancelled before it starts: nothing, and the reason. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    results = toa_exporter_export_many (exporter, articles, TOA_EXPORT_FORMAT_XML, many_dir, 2, cancellable, &error);
    g_assert_null (results);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  toa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/liferay/cdata-split", test_liferay_cdata_split);
  g_test_add_func ("/export/liferay/export", test_liferay_export);
  g_test_add_func ("/export/portal/formats-need-approval", test_portal_formats_need_approval);
  g_test_add_func ("/export/newsml/item", test_newsml);
  g_test_add_func ("/export/files/many", test_export_many);
  g_test_add_func ("/export/atom/feed", test_atom_feed);
  g_test_add_func ("/export/files/write", test_export_writes_files);

  return g_test_run ();
}
