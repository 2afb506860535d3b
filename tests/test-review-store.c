/* test-review-store.c — default comparisons, restoring a revision,
 * anchored comments that follow edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-review.h"
#include "toa-test-newsroom.h"

static gint64
save_body (Newsroom   *n,
           gint64      id,
           const char *author,
           const char *body_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticle) article = toa_store_get_article (n->store, id, &error);
  g_autoptr(ToaArticleContent) content = NULL;
  g_autoptr(ToaArticle) after = NULL;

  g_assert_no_error (error);
  content = toa_article_content_copy (article->content);
  g_free (content->body);
  content->body = toa_body_from_plain_text (body_text);
  toa_store_save_revision (n->store, id, article->version, content, author, NULL, &error);
  g_assert_no_error (error);
  after = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  return after->current_revision;
}

static void
assert_comparison (Newsroom *n,
                   gint64    id,
                   gint64    from,
                   gint64    to)
{
  g_autoptr(GError) error = NULL;
  gint64 f = -1, t = -1;

  g_assert_true (toa_store_get_default_comparison (n->store, id, &f, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f, ==, from);
  g_assert_cmpint (t, ==, to);
}

/* First revision: nothing to compare with; then the previous one; after
 * a return, the returned one; after an approval, the approved one; for
 * a correction of a live article, the published one. */
static void
test_default_comparison (Newsroom      *n,
                         gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Khảo sát cụm công nghiệp");
  gint64 r1, r2, r3, r4, r5, r6;
  g_autoptr(ToaArticle) article = NULL;

  article = toa_store_get_article (n->store, id, NULL);
  r1 = article->current_revision;
  assert_comparison (n, id, 0, r1);
  r2 = save_body (n, id, "an", "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba.");
  assert_comparison (n, id, r1, r2);

  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "return", "chi", "Sửa đoạn ba");
  r3 = save_body (n, id, "an", "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba đã sửa.");
  r4 = save_body (n, id, "an", "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba đã sửa lần nữa.");
  /* Both saves since the return, not only the last one. */
  assert_comparison (n, id, r2, r4);
  g_assert_cmpint (r3, <, r4);

  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  r5 = save_body (n, id, "an", "Đoạn một.\n\nĐoạn hai được bổ sung.\n\nĐoạn ba đã sửa lần nữa.");
  assert_comparison (n, id, r4, r5);

  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  newsroom_act (n, id, "publish", "phuong", NULL);
  /* Published and unchanged: the current one is the approved one, so the
   * one before it. */
  assert_comparison (n, id, r4, r5);
  r6 = save_body (n, id, "an", "Đính chính: đoạn một.\n\nĐoạn hai được bổ sung.\n\nĐoạn ba đã sửa lần nữa.");
  assert_comparison (n, id, r5, r6);
}

static void
test_diff_revisions (Newsroom      *n,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = newsroom_article (n, "an", "Bài A");
  gint64 b = newsroom_article (n, "an", "Bài B");
  g_autoptr(ToaArticle) first = toa_store_get_article (n->store, a, NULL);
  g_autoptr(ToaArticle) other = toa_store_get_article (n->store, b, NULL);
  gint64 r2 = save_body (n, a, "an", "Đoạn thứ nhất.\n\nĐoạn thứ hai có thêm chữ.");
  g_autoptr(GPtrArray) fields = toa_store_diff_revisions (n->store, first->current_revision, r2, &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  body = toa_diff_format (((ToaFieldDiff *) g_ptr_array_index (fields, 2))->ops);
  g_assert_cmpstr (body, ==, "Đoạn thứ nhất.\n\nĐoạn thứ hai{+ có thêm chữ+}.");
  g_assert_false (((ToaFieldDiff *) g_ptr_array_index (fields, 0))->changed);

  g_assert_null (toa_store_diff_revisions (n->store, other->current_revision, r2, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (toa_store_diff_revisions (n->store, 0, 4242, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
}

static void
test_restore (Newsroom      *n,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = newsroom_article (n, "an", "Khảo sát");
  g_autoptr(ToaArticle) start = toa_store_get_article (n->store, id, NULL);
  g_autoptr(ToaArticle) now = NULL;
  g_autoptr(ToaRevision) restored = NULL;
  g_autoptr(ToaRevision) original = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  ToaTransition *last;
  gint64 r1 = start->current_revision, r2, r3, n_revisions;

  r2 = save_body (n, id, "an", "Một nội dung khác hẳn.");
  now = toa_store_get_article (n->store, id, NULL);

  /* A stale version is refused and changes nothing. */
  g_assert_cmpint (toa_store_restore_revision (n->store, id, r1, now->version - 1, "an", &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Someone who may not edit is refused. */
  g_assert_cmpint (toa_store_restore_revision (n->store, id, r1, now->version, "dung", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* The current content is not "restored" again. */
  g_assert_cmpint (toa_store_restore_revision (n->store, id, r2, now->version, "an", &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  n_revisions = newsroom_sql_int (n->path, "SELECT count(*) FROM revisions");

  r3 = toa_store_restore_revision (n->store, id, r1, now->version, "an", &error);
  g_assert_no_error (error);
  g_assert_cmpint (r3, >, r2);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM revisions"), ==, n_revisions + 1);
  restored = toa_store_get_revision (n->store, r3, NULL);
  original = toa_store_get_revision (n->store, r1, NULL);
  g_assert_cmpstr (restored->hash, ==, original->hash);
  g_assert_true (toa_article_content_equal (restored->content, original->content));
  g_assert_cmpint (restored->parent_id, ==, r2);

  trail = toa_store_list_transitions (n->store, id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (trail, trail->len - 1);
  g_assert_cmpstr (last->action, ==, TOA_REVIEW_ACTION_RESTORE_REVISION);
  g_assert_cmpint (last->revision_id, ==, r3);
  g_assert_cmpstr (last->actor, ==, "an");
  g_assert_nonnull (strstr (last->comment, "Restored revision"));
}

static void
test_locate (void)
{
  const char *text = "Tỷ lệ lấp đầy đạt 72%. Tỷ lệ lấp đầy năm trước đạt 60%.";
  gint64 s = -2, e = -2;

  /* In place ("lấp đầy" at characters 6..13). */
  g_assert_cmpint (toa_anchor_locate (text, 6, 13, "lấp đầy", &s, &e), ==, TOA_ANCHOR_ATTACHED);
  g_assert_cmpint (s, ==, 6);
  g_assert_cmpint (e, ==, 13);
  /* Moved: the nearest occurrence to where it was. */
  g_assert_cmpint (toa_anchor_locate (text, 27, 34, "lấp đầy", &s, &e), ==, TOA_ANCHOR_MOVED);
  g_assert_cmpint (s, ==, 29);
  g_assert_cmpint (e, ==, 36);
  g_assert_cmpint (toa_anchor_locate (text, 3, 10, "lấp đầy", &s, &e), ==, TOA_ANCHOR_MOVED);
  g_assert_cmpint (s, ==, 6);
  /* Gone. */
  g_assert_cmpint (toa_anchor_locate (text, 6, 13, "công suất", &s, &e), ==, TOA_ANCHOR_DETACHED);
  g_assert_cmpint (s, ==, -1);
  g_assert_cmpint (e, ==, -1);
  /* Offsets past the end are not a crash. */
  g_assert_cmpint (toa_anchor_locate ("", 6, 13, "lấp", &s, &e), ==, TOA_ANCHOR_DETACHED);
}

static ToaAnchoredComment *
comment_at (GPtrArray *list,
            guint      i)
{
  return g_ptr_array_index (list, i);
}

static void
test_anchored_comments (Newsroom      *n,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = newsroom_article (n, "an", "Khảo sát");
  gint64 whole, ranged, doomed;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) after = NULL;

  /* Body: "Đoàn khảo sát cụm công nghiệp.\n\nTỷ lệ lấp đầy đạt 72%." */
  save_body (n, id, "an", "Đoàn khảo sát cụm công nghiệp.\n\nTỷ lệ lấp đầy đạt 72%.");
  whole = toa_store_add_anchored_comment (n->store, id, "chi", "Góp ý chung", -1, -1, &error);
  g_assert_no_error (error);
  ranged = toa_store_add_anchored_comment (n->store, id, "chi", "Nguồn số liệu?", 38, 52, &error);
  g_assert_no_error (error);
  doomed = toa_store_add_anchored_comment (n->store, id, "chi", "Viết hoa", 14, 29, &error);
  g_assert_no_error (error);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM comments WHERE anchor IS NOT NULL"), ==, 2);

  /* Bad ranges are refused. */
  g_assert_cmpint (toa_store_add_anchored_comment (n->store, id, "chi", "x", 40, 500, &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (toa_store_add_anchored_comment (n->store, id, "chi", "x", 30, 32, &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (toa_store_add_anchored_comment (n->store, id, "chi", " ", 0, 4, &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (toa_store_add_anchored_comment (n->store, 999, "chi", "x", 0, 4, &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = toa_store_list_anchored_comments (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (comment_at (list, 0)->comment->id, ==, whole);
  g_assert_cmpint (comment_at (list, 0)->state, ==, TOA_ANCHOR_NONE);
  g_assert_cmpint (comment_at (list, 1)->comment->id, ==, ranged);
  g_assert_cmpint (comment_at (list, 1)->state, ==, TOA_ANCHOR_ATTACHED);
  g_assert_cmpstr (comment_at (list, 1)->anchor_text, ==, "lấp đầy đạt 72");
  g_assert_cmpstr (comment_at (list, 2)->anchor_text, ==, "cụm công nghiệp");
  g_assert_cmpint (toa_store_count_unresolved_comments (n->store, id, NULL), ==, 3);

  /* A paragraph added before: the range moves; the other phrase is gone. */
  save_body (n, id, "an", "Đoạn mở đầu mới.\n\nĐoàn khảo sát khu sản xuất.\n\nTỷ lệ lấp đầy đạt 72%.");
  after = toa_store_list_anchored_comments (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comment_at (after, 1)->state, ==, TOA_ANCHOR_MOVED);
  g_assert_cmpint (comment_at (after, 1)->start, ==, 53);
  g_assert_cmpint (comment_at (after, 1)->end, ==, 67);
  g_assert_cmpint (comment_at (after, 2)->comment->id, ==, doomed);
  g_assert_cmpint (comment_at (after, 2)->state, ==, TOA_ANCHOR_DETACHED);
  g_assert_cmpstr (comment_at (after, 2)->comment->text, ==, "Viết hoa");
}

static void
test_reopen (Newsroom      *n,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = newsroom_article (n, "an", "Khảo sát");
  gint64 cid = toa_store_add_comment (n->store, id, "chi", "Kiểm tra lại", &error);

  g_assert_no_error (error);
  toa_store_resolve_comment (n->store, cid, "chi", &error);
  g_assert_no_error (error);
  g_assert_cmpint (toa_store_count_unresolved_comments (n->store, id, NULL), ==, 0);
  g_assert_true (toa_store_reopen_comment (n->store, cid, "an", &error));
  g_assert_no_error (error);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT resolved FROM comments"), ==, 0);
  g_assert_cmpint (toa_store_count_unresolved_comments (n->store, id, NULL), ==, 1);

  {
    gint64 other = newsroom_article (n, "an", "Bài khác");
    gint64 key = id;
    g_autoptr(GHashTable) counts = NULL;

    toa_store_add_comment (n->store, other, "chi", "Một", &error);
    g_assert_no_error (error);
    toa_store_add_comment (n->store, other, "chi", "Hai", &error);
    g_assert_no_error (error);
    counts = toa_store_list_unresolved_counts (n->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
    g_assert_cmpint (*(gint64 *) g_hash_table_lookup (counts, &key), ==, 1);
    key = other;
    g_assert_cmpint (*(gint64 *) g_hash_table_lookup (counts, &key), ==, 2);
  }

  g_assert_false (toa_store_reopen_comment (n->store, 777, "an", &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (toa_store_reopen_comment (n->store, cid, "nobody", &error));
  g_assert_nonnull (error);
}

/* The approval queue, oldest first: who has waited longest comes first,
 * across pages; the default order stays newest first. */
static gint64
queue_ids (Newsroom *n,
           gboolean  oldest_first,
           guint     offset,
           guint     limit,
           guint     index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) rows = NULL;

  query->waiting_for = g_strdup ("chi");
  query->oldest_first = oldest_first;
  rows = toa_store_list_articles (n->store, query, offset, limit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (index, <, rows->len);
  return ((ToaArticle *) g_ptr_array_index (rows, index))->id;
}

static void
test_queue_oldest_first (Newsroom      *n,
                         gconstpointer  data)
{
  g_autoptr(ToaArticleQuery) copy = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  gint64 ids[3];
  g_autofree char *sql = NULL;

  for (guint i = 0; i < 3; i++)
    {
      ids[i] = newsroom_article (n, "an", "Bài chờ duyệt");
      newsroom_act (n, ids[i], "submit", "an", NULL);
    }
  /* Submitted at 10:00 (ids[1]), 11:00 (ids[2]) and 12:00 (ids[0]). */
  sql = g_strdup_printf ("UPDATE articles SET updated = CASE id WHEN %" G_GINT64_FORMAT " THEN 1795953600000000"
                         " WHEN %" G_GINT64_FORMAT " THEN 1795946400000000 ELSE 1795950000000000 END",
                         ids[0], ids[1]);
  newsroom_sql_exec (n->path, sql);

  g_assert_cmpint (queue_ids (n, TRUE, 0, 10, 0), ==, ids[1]);
  g_assert_cmpint (queue_ids (n, TRUE, 0, 10, 1), ==, ids[2]);
  g_assert_cmpint (queue_ids (n, TRUE, 0, 10, 2), ==, ids[0]);
  g_assert_cmpint (queue_ids (n, TRUE, 2, 1, 0), ==, ids[0]);
  g_assert_cmpint (queue_ids (n, FALSE, 0, 10, 0), ==, ids[0]);
  g_assert_cmpint (queue_ids (n, FALSE, 0, 10, 2), ==, ids[1]);

  query->oldest_first = TRUE;
  copy = toa_article_query_copy (query);
  g_assert_true (copy->oldest_first);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Newsroom, NULL, newsroom_setup, func, newsroom_teardown)
  ADD ("/review-store/default-comparison", test_default_comparison);
  ADD ("/review-store/diff-revisions", test_diff_revisions);
  ADD ("/review-store/restore", test_restore);
  g_test_add_func ("/review-store/locate", test_locate);
  ADD ("/review-store/anchored-comments", test_anchored_comments);
  ADD ("/review-store/reopen", test_reopen);
  ADD ("/review-store/queue-oldest-first", test_queue_oldest_first);
#undef ADD

  return g_test_run ();
}
