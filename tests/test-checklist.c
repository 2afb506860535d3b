/* test-checklist.c — the approval checklist and approving through it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-checklist.h"
#include "toa-review.h"
#include "toa-test-newsroom.h"
#include "toa-vn-legacy.h"

static ToaArticleContent *
good_content (void)
{
  ToaArticleContent *c = toa_article_content_new ();

  c->title = g_strdup ("Khảo sát cụm công nghiệp Ninh Xuân");
  c->lead = g_strdup ("Sáng ngày 20/11/2026, Sở Công Thương khảo sát cụm công nghiệp.");
  c->body = g_strdup ("<p>Đoàn công tác đã làm việc với chủ đầu tư.</p>"
                      "<figure><img src=\"media:1\" alt=\"\"/><figcaption>Đoàn khảo sát hạ tầng</figcaption></figure>");
  c->byline = g_strdup ("Đỗ Nguyên - P. QLCN");
  return c;
}

static ToaCheckItem *
item (GPtrArray  *items,
      ToaCheckId  id)
{
  ToaCheckItem *it = g_ptr_array_index (items, id);

  g_assert_cmpint (it->id, ==, id);
  return it;
}

/* How many items fail. */
static guint
failures (GPtrArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    if (!((ToaCheckItem *) g_ptr_array_index (items, i))->passed)
      n++;
  return n;
}

static void
test_all_pass (void)
{
  g_autoptr(ToaArticleContent) c = good_content ();
  g_autoptr(GPtrArray) items = toa_checklist_compute (c, 0);

  g_assert_cmpuint (items->len, ==, TOA_CHECK_N_ITEMS);
  g_assert_true (toa_checklist_passed (items));
  for (guint i = 0; i < items->len; i++)
    {
      ToaCheckItem *it = g_ptr_array_index (items, i);

      g_assert_null (it->detail);
      g_assert_nonnull (it->label);
      g_assert_nonnull (it->name);
    }
  g_assert_cmpstr (item (items, TOA_CHECK_CAPTIONS)->name, ==, "captions");
}

static void
test_title (void)
{
  g_autoptr(ToaArticleContent) c = good_content ();
  g_autoptr(GPtrArray) blank = NULL, exact = NULL, longer = NULL;
  GString *title = g_string_new (NULL);

  g_free (c->title);
  c->title = g_strdup ("  ");
  blank = toa_checklist_compute (c, 0);
  g_assert_false (item (blank, TOA_CHECK_TITLE)->passed);
  g_assert_cmpuint (failures (blank), ==, 1);

  /* 200 characters of "ắ" (2 bytes each): characters count, not bytes. */
  for (guint i = 0; i < TOA_CHECKLIST_MAX_TITLE_LENGTH; i++)
    g_string_append (title, "ắ");
  g_free (c->title);
  c->title = g_strdup (title->str);
  exact = toa_checklist_compute (c, 0);
  g_assert_true (item (exact, TOA_CHECK_TITLE)->passed);

  g_string_append (title, "a");
  g_free (c->title);
  c->title = g_string_free (title, FALSE);
  longer = toa_checklist_compute (c, 0);
  g_assert_false (item (longer, TOA_CHECK_TITLE)->passed);
  g_assert_nonnull (strstr (item (longer, TOA_CHECK_TITLE)->detail, "201"));
}

static void
test_lead_and_byline (void)
{
  g_autoptr(ToaArticleContent) c = good_content ();
  g_autoptr(GPtrArray) items = NULL;

  g_clear_pointer (&c->lead, g_free);
  g_free (c->byline);
  c->byline = g_strdup ("\n");
  items = toa_checklist_compute (c, 0);
  g_assert_false (item (items, TOA_CHECK_LEAD)->passed);
  g_assert_false (item (items, TOA_CHECK_BYLINE)->passed);
  g_assert_cmpuint (failures (items), ==, 2);
  g_assert_false (toa_checklist_passed (items));
}

static void
test_captions (void)
{
  g_autoptr(ToaArticleContent) c = good_content ();
  g_autoptr(GPtrArray) items = NULL;

  g_free (c->body);
  c->body = g_strdup ("<p>Đoạn.</p>"
                      "<figure><img src=\"media:1\" alt=\"\"/><figcaption>Có chú thích</figcaption></figure>"
                      "<figure><img src=\"media:2\" alt=\"\"/></figure>"
                      "<blockquote><figure><img src=\"media:3\" alt=\"\"/><figcaption> </figcaption></figure></blockquote>");
  items = toa_checklist_compute (c, 0);
  g_assert_false (item (items, TOA_CHECK_CAPTIONS)->passed);
  g_assert_cmpstr (item (items, TOA_CHECK_CAPTIONS)->detail, ==, "Images without a caption: 2 of 3");
  g_assert_cmpuint (failures (items), ==, 1);
}

static void
test_comments (void)
{
  g_autoptr(ToaArticleContent) c = good_content ();
  g_autoptr(GPtrArray) items = toa_checklist_compute (c, 3);

  g_assert_false (item (items, TOA_CHECK_COMMENTS)->passed);
  g_assert_cmpstr (item (items, TOA_CHECK_COMMENTS)->detail, ==, "Unresolved comments: 3");
}

static void
test_legacy_and_unnormalized (void)
{
  g_autoptr(ToaArticleContent) c = good_content ();
  g_autoptr(GPtrArray) clean = toa_checklist_compute (c, 0);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *legacy = toa_vn_unicode_to_legacy ("Sở Công Thương tỉnh Ninh Thuận tổ chức hội nghị tổng kết",
                                                      TOA_VN_ENCODING_TCVN3, FALSE, &error);

  g_assert_no_error (error);
  g_assert_true (item (clean, TOA_CHECK_TEXT)->passed);
  g_free (c->lead);
  c->lead = g_steal_pointer (&legacy);
  g_free (c->byline);
  /* "Đỗ" with a decomposed ỗ (o + circumflex + tilde). */
  c->byline = g_strdup ("\xc4\x90o\xcc\x82\xcc\x83 Nguyên - P. QLCN");
  items = toa_checklist_compute (c, 0);
  g_assert_false (item (items, TOA_CHECK_TEXT)->passed);
  g_assert_cmpstr (item (items, TOA_CHECK_TEXT)->detail, ==,
                   "Legacy-encoded or unnormalized text in: Lead, Byline");
}

/* Through the store: unresolved comments count, refusal without a
 * reason, an override recorded in the trail. */
static void
test_store_approve (Newsroom      *n,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  ToaTransition *last;
  gint64 id = newsroom_article (n, "an", "Khảo sát cụm công nghiệp");

  newsroom_act (n, id, "submit", "an", NULL);
  toa_store_add_comment (n->store, id, "chi", "Bổ sung số liệu", &error);
  g_assert_no_error (error);
  items = toa_store_compute_checklist (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_false (item (items, TOA_CHECK_COMMENTS)->passed);

  g_assert_false (toa_store_approve_checked (n->store, id, "chi", NULL, "  ", &error));
  g_assert_error (error, TOA_CHECKLIST_ERROR, TOA_CHECKLIST_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_SUBMITTED);

  /* The workflow still decides who may approve. */
  g_assert_false (toa_store_approve_checked (n->store, id, "binh", NULL, "Khẩn", &error));
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  g_assert_true (toa_store_approve_checked (n->store, id, "chi", "Đồng ý đăng", "Số liệu đã xác minh", &error));
  g_assert_no_error (error);
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_APPROVED);
  trail = toa_store_list_transitions (n->store, id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (trail, trail->len - 1);
  g_assert_cmpstr (last->action, ==, "approve");
  g_assert_cmpstr (last->comment, ==,
                   "Checklist overridden (No unresolved comments): Số liệu đã xác minh\nĐồng ý đăng");
}

static void
test_store_approve_clean (Newsroom      *n,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = newsroom_article (n, "an", "Hội nghị tổng kết");
  gint64 cid;

  newsroom_act (n, id, "submit", "an", NULL);
  cid = toa_store_add_comment (n->store, id, "chi", "Đã xem", &error);
  g_assert_no_error (error);
  toa_store_resolve_comment (n->store, cid, "chi", &error);
  g_assert_no_error (error);
  g_assert_true (toa_store_approve_checked (n->store, id, "chi", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM transitions WHERE action = 'approve' "
                                              "AND comment IS NULL"), ==, 1);
}

static void
test_store_missing (Newsroom      *n,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (toa_store_compute_checklist (n->store, 999, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist/all-pass", test_all_pass);
  g_test_add_func ("/checklist/title", test_title);
  g_test_add_func ("/checklist/lead-byline", test_lead_and_byline);
  g_test_add_func ("/checklist/captions", test_captions);
  g_test_add_func ("/checklist/comments", test_comments);
  g_test_add_func ("/checklist/legacy-text", test_legacy_and_unnormalized);
  g_test_add ("/checklist/store-approve", Newsroom, NULL, newsroom_setup, test_store_approve, newsroom_teardown);
  g_test_add ("/checklist/store-approve-clean", Newsroom, NULL, newsroom_setup, test_store_approve_clean,
              newsroom_teardown);
  g_test_add ("/checklist/store-missing", Newsroom, NULL, newsroom_setup, test_store_missing, newsroom_teardown);

  return g_test_run ();
}
