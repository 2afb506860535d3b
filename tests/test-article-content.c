/* test-article-content.c — revision content, its canonical form and hash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-article-content.h"
#include "toa-content-error.h"

static ToaArticleContent *
sample_content (void)
{
  ToaArticleContent *content = toa_article_content_new ();

  content->title = g_strdup ("Hội nghị sơ kết công tác khuyến công năm 2026");
  content->lead = g_strdup ("Sáng ngày 12/11/2026, Sở Công Thương tổ chức hội nghị sơ kết.");
  content->body = g_strdup ("<p>Đoạn thứ nhất &amp; <strong>quan trọng</strong>.</p><h2>Kết quả</h2>");
  content->byline = g_strdup ("Lê Thu Hà - P. QLCN");
  content->category = g_strdup ("Tin tức");
  content->tags = g_strsplit ("khuyến công,công nghiệp nông thôn", ",", -1);
  return content;
}

static void
test_canonical_form (void)
{
  g_autoptr(ToaArticleContent) content = sample_content ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = toa_article_content_canonicalize (content, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (text, ==,
                   "<content><title>Hội nghị sơ kết công tác khuyến công năm 2026</title>"
                   "<lead>Sáng ngày 12/11/2026, Sở Công Thương tổ chức hội nghị sơ kết.</lead>"
                   "<byline>Lê Thu Hà - P. QLCN</byline><category>Tin tức</category>"
                   "<tags><tag>khuyến công</tag><tag>công nghiệp nông thôn</tag></tags>"
                   "<body xmlns=\"http://www.w3.org/1999/xhtml\"><p>Đoạn thứ nhất &amp; "
                   "<strong>quan trọng</strong>.</p><h2>Kết quả</h2></body></content>");
}

static void
test_hash_follows_content (void)
{
  g_autoptr(ToaArticleContent) a = sample_content ();
  g_autoptr(ToaArticleContent) b = NULL;
  g_autofree char *hash_a = toa_article_content_hash (a, NULL);
  g_autofree char *hash_b = NULL;
  g_autofree char *hash_c = NULL;

  g_assert_cmpuint (strlen (hash_a), ==, 64);
  b = toa_article_content_copy (a);
  g_assert_true (toa_article_content_equal (a, b));
  hash_b = toa_article_content_hash (b, NULL);
  g_assert_cmpstr (hash_a, ==, hash_b);

  g_free (b->byline);
  b->byline = g_strdup ("Lê Thu Hà - P. KHTCTH");
  g_assert_false (toa_article_content_equal (a, b));
  hash_c = toa_article_content_hash (b, NULL);
  g_assert_cmpstr (hash_a, !=, hash_c);
}

static void
test_malformed_body (void)
{
  g_autoptr(ToaArticleContent) content = sample_content ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  g_free (content->body);
  content->body = g_strdup ("<p>unclosed");
  hash = toa_article_content_hash (content, &error);
  g_assert_null (hash);
  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_MALFORMED);
}

static void
test_entities_not_expanded (void)
{
  g_autoptr(ToaArticleContent) content = sample_content ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  g_free (content->body);
  content->body = g_strdup ("<p>&xxe;</p>");
  hash = toa_article_content_hash (content, &error);
  g_assert_null (hash);
  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_MALFORMED);
}

static void
test_plain_text_round_trip (void)
{
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  /* "Đồng Tháp" with decomposed marks must come out NFC. */
  const char *input = "Dòng một\nvẫn đoạn một <b>\n\n  Đo\xcc\x82\xcc\x80ng Tha\xcc\x81p & bạn  \n\n\n";

  body = toa_body_from_plain_text (input);
  g_assert_cmpstr (body, ==, "<p>Dòng một<br/>vẫn đoạn một &lt;b&gt;</p><p>Đồng Tháp &amp; bạn</p>");
  text = toa_body_to_plain_text (body);
  g_assert_cmpstr (text, ==, "Dòng một\nvẫn đoạn một <b>\n\nĐồng Tháp & bạn");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-content/canonical-form", test_canonical_form);
  g_test_add_func ("/article-content/hash-follows-content", test_hash_follows_content);
  g_test_add_func ("/article-content/malformed-body", test_malformed_body);
  g_test_add_func ("/article-content/entities-not-expanded", test_entities_not_expanded);
  g_test_add_func ("/article-content/plain-text-round-trip", test_plain_text_round_trip);

  return g_test_run ();
}
