/* test-page-import.c — whole HTML pages to article content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-content-error.h"
#include "toa-page-import.h"

static ToaArticleContent *
import (const char  *html,
        GError     **error)
{
  return toa_html_page_import (html, strlen (html), NULL, error);
}

static void
test_plain_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = NULL;

  content = import ("<html><head><title>Trang chủ</title><style>p{}</style></head><body>"
                    "<h1>Hội chợ\xc2\xa0hàng   Việt</h1><p>Ngày 5/12, hội chợ khai mạc.</p>"
                    "<p>Có <b>120</b> gian hàng.</p></body></html>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content->title, ==, "Hội chợ hàng Việt");
  g_assert_null (content->lead);
  g_assert_null (content->byline);
  g_assert_cmpstr (content->body, ==, "<p>Ngày 5/12, hội chợ khai mạc.</p><p>Có <strong>120</strong> gian hàng.</p>");
}

static void
test_title_from_head (void)
{
  g_autoptr(ToaArticleContent) content = import ("<title>Thông báo\n nghỉ Tết</title><p>Nội dung.</p>", NULL);

  g_assert_nonnull (content);
  g_assert_cmpstr (content->title, ==, "Thông báo nghỉ Tết");
  g_assert_cmpstr (content->body, ==, "<p>Nội dung.</p>");
}

/* The byline sits inside the lead: both are taken, neither freed twice. */
static void
test_nested_parts (void)
{
  g_autoptr(ToaArticleContent) content = NULL;

  content = import ("<body><h1 class=\"toa-title\">Tin</h1><div class=\"toa-lead\">Mở đầu "
                    "<span class=\"toa-byline\">Lê Hà - P. QLTM</span></div><p>Thân bài.</p></body>", NULL);
  g_assert_nonnull (content);
  g_assert_cmpstr (content->title, ==, "Tin");
  g_assert_cmpstr (content->lead, ==, "Mở đầu Lê Hà - P. QLTM");
  g_assert_cmpstr (content->byline, ==, "Lê Hà - P. QLTM");
  g_assert_cmpstr (content->body, ==, "<p>Thân bài.</p>");
}

static void
test_decomposed_text_normalized (void)
{
  g_autoptr(ToaArticleContent) content = import ("<h1>Đo\xcc\x82\xcc\x80ng Tha\xcc\x81p</h1><p>x</p>", NULL);

  g_assert_nonnull (content);
  g_assert_cmpstr (content->title, ==, "Đồng Tháp");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = import ("<h1>Ti\xeau \xf0\x28</h1>", &error);

  g_assert_null (content);
  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8);
}

static void
test_script_title_ignored (void)
{
  g_autoptr(ToaArticleContent) content = NULL;

  content = import ("<svg><title>bad</title></svg><script>var t='<h1>no</h1>'</script>"
                    "<h1>Đúng tiêu đề</h1><p>Nội dung</p>", NULL);
  g_assert_nonnull (content);
  g_assert_cmpstr (content->title, ==, "Đúng tiêu đề");
  g_assert_cmpstr (content->body, ==, "<p>Nội dung</p>");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-import/plain-page", test_plain_page);
  g_test_add_func ("/page-import/title-from-head", test_title_from_head);
  g_test_add_func ("/page-import/nested-parts", test_nested_parts);
  g_test_add_func ("/page-import/decomposed-text-normalized", test_decomposed_text_normalized);
  g_test_add_func ("/page-import/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/page-import/script-title-ignored", test_script_title_ignored);

  return g_test_run ();
}
