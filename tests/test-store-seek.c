/* test-store-seek.c — list pages found by key equal pages found by offset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-store-seek.h"
#include "toa-test-newsroom.h"

#define N_ARTICLES 23
#define PAGE 5

/* Update times with ties (three articles a second) and out of id order,
 * so that the key's second column (the id) matters. */
static void
spread_update_times (Newsroom *n)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (n->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE articles SET updated = 1000 + (id * 7) % 11 / 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
fill (Newsroom *n)
{
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bài số %u", i);

      newsroom_article (n, i % 3 == 0 ? "binh" : "an", title);
    }
  spread_update_times (n);
}

static GPtrArray *
page_by_offset (Newsroom              *n,
                const ToaArticleQuery *query,
                guint                  page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = toa_store_list_articles (n->store, query, page * PAGE, PAGE, &error);

  g_assert_no_error (error);
  return rows;
}

static void
assert_same_rows (GPtrArray *expected,
                  GPtrArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const ToaArticle *a = g_ptr_array_index (expected, i);
      const ToaArticle *b = g_ptr_array_index (actual, i);

      g_assert_cmpint (b->id, ==, a->id);
      g_assert_cmpint (b->updated, ==, a->updated);
      g_assert_cmpstr (b->content->title, ==, a->content->title);
    }
}

/* The count without the revisions equals the count with them. */
static void
check_count (Newsroom              *n,
             const ToaArticleQuery *query)
{
  g_autoptr(GError) error = NULL;
  gint64 expected = toa_store_count_articles (n->store, query, &error);
  gint64 count;

  g_assert_no_error (error);
  count = toa_store_count_seekable (n->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, expected);
}

/* Every page read after its predecessor's last row, and before its
 * successor's first row, is the page read by offset. */
static void
check_pages (Newsroom              *n,
             const ToaArticleQuery *query,
             guint                  n_rows)
{
  guint n_pages = (n_rows + PAGE - 1) / PAGE;

  g_assert_cmpuint (n_pages, >=, 3);
  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(GPtrArray) expected = page_by_offset (n, query, page);
      g_autoptr(GError) error = NULL;

      if (page > 0)
        {
          g_autoptr(GPtrArray) previous = page_by_offset (n, query, page - 1);
          const ToaArticle *last = g_ptr_array_index (previous, previous->len - 1);
          g_autoptr(GPtrArray) rows = toa_store_list_articles_after (n->store, query, last->updated,
                                                                     last->id, FALSE, PAGE, &error);

          g_assert_no_error (error);
          assert_same_rows (expected, rows);
        }
      if (page + 1 < n_pages)
        {
          g_autoptr(GPtrArray) next = page_by_offset (n, query, page + 1);
          const ToaArticle *first = g_ptr_array_index (next, 0);
          g_autoptr(GPtrArray) rows = toa_store_list_articles_after (n->store, query, first->updated,
                                                                     first->id, TRUE, PAGE, &error);

          g_assert_no_error (error);
          assert_same_rows (expected, rows);
        }
    }
}

static void
test_seek_everything (Newsroom      *n,
                      gconstpointer  data)
{
  fill (n);
  check_count (n, NULL);
  check_pages (n, NULL, N_ARTICLES);
}

static void
test_seek_filtered (Newsroom      *n,
                    gconstpointer  data)
{
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 count;

  fill (n);
  query->author = g_strdup ("an");
  query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_DRAFT);
  query->office = g_strdup ("QLCN");
  count = toa_store_count_articles (n->store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, N_ARTICLES - (N_ARTICLES + 2) / 3);
  check_count (n, query);
  check_pages (n, query, (guint) count);
}

/* Past the last row: an empty page, not an error. */
static void
test_seek_past_end (Newsroom      *n,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const ToaArticle *last;

  fill (n);
  all = toa_store_list_articles (n->store, NULL, 0, N_ARTICLES, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (all, all->len - 1);
  rows = toa_store_list_articles_after (n->store, NULL, last->updated, last->id, FALSE, PAGE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* Deleted articles are neither listed nor counted. */
static void
test_count_skips_deleted (Newsroom      *n,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  fill (n);
  g_assert_cmpint (sqlite3_open (n->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE articles SET deleted = 1 WHERE id % 4 = 0",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (toa_store_count_seekable (n->store, NULL, &error), ==, N_ARTICLES - N_ARTICLES / 4);
  g_assert_no_error (error);
  check_count (n, NULL);
}

static void G_GNUC_PRINTF (2, 3)
sql_printf (Newsroom   *n,
            const char *format,
            ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  newsroom_sql_exec (n->path, sql);
}

/* Every view's count, from article_counts, equals a count of the
 * articles themselves. */
static void
check_all_view_counts (Newsroom *n)
{
  const char *offices[] = { NULL, "QLCN", "KHTC" };
  const char *authors[] = { NULL, "an", "binh", "dung" };

  for (guint s = 0; s <= TOA_ARTICLE_N_STATUSES; s++)
    for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
      for (guint a = 0; a < G_N_ELEMENTS (authors); a++)
        {
          g_autoptr(ToaArticleQuery) query = toa_article_query_new ();

          /* One status each, then the "All" view's four. */
          query->status_mask = s < TOA_ARTICLE_N_STATUSES
                               ? TOA_STATUS_BIT (s)
                               : TOA_STATUS_BIT (TOA_ARTICLE_STATUS_DRAFT) |
                                 TOA_STATUS_BIT (TOA_ARTICLE_STATUS_SUBMITTED) |
                                 TOA_STATUS_BIT (TOA_ARTICLE_STATUS_APPROVED) |
                                 TOA_STATUS_BIT (TOA_ARTICLE_STATUS_PUBLISHED);
          query->office = g_strdup (offices[o]);
          query->author = g_strdup (authors[a]);
          check_count (n, query);
        }
}

/* The counts kept by triggers (schema 4) follow creation, the workflow,
 * a move to another office, deletion flags and rows removed outright. */
static void
test_counts_follow_changes (Newsroom      *n,
                            gconstpointer  data)
{
  g_autoptr(ToaArticleQuery) by_category = toa_article_query_new ();
  gint64 ids[12];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *title = g_strdup_printf ("Bài đếm %u", i);

      ids[i] = newsroom_article (n, i % 2 == 0 ? "an" : "binh", title);
    }
  check_all_view_counts (n);

  newsroom_act (n, ids[0], "submit", "an", NULL);
  newsroom_act (n, ids[1], "submit", "binh", NULL);
  newsroom_act (n, ids[1], "approve", "chi", NULL);
  newsroom_act (n, ids[2], "submit", "an", NULL);
  newsroom_act (n, ids[2], "approve", "chi", NULL);
  newsroom_act (n, ids[2], "publish", "phuong", NULL);
  newsroom_act (n, ids[3], "submit", "binh", NULL);
  newsroom_act (n, ids[3], "return", "chi", "Bổ sung số liệu");
  check_all_view_counts (n);

  /* Changes made by hand in the database count too. */
  sql_printf (n, "UPDATE articles SET office = 'KHTC', author = 'dung' "
              "WHERE id = %" G_GINT64_FORMAT, ids[4]);
  sql_printf (n, "UPDATE articles SET deleted = 1 WHERE id = %" G_GINT64_FORMAT, ids[5]);
  sql_printf (n, "UPDATE articles SET deleted = 1, status = 'archived' "
              "WHERE id = %" G_GINT64_FORMAT, ids[6]);
  sql_printf (n, "UPDATE articles SET deleted = 0 WHERE id = %" G_GINT64_FORMAT, ids[6]);
  sql_printf (n, "PRAGMA foreign_keys = OFF; DELETE FROM articles WHERE id = %" G_GINT64_FORMAT, ids[7]);
  /* A change that touches none of the counted columns changes nothing. */
  newsroom_sql_exec (n->path, "UPDATE articles SET status = status, updated = updated + 1");
  check_all_view_counts (n);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT sum (n) FROM article_counts"), ==,
                   newsroom_sql_int (n->path, "SELECT count(*) FROM articles WHERE deleted = 0"));

  /* A filter the table does not keep counts from the articles. */
  by_category->category_id = newsroom_sql_int (n->path, "SELECT id FROM categories WHERE name = 'Tin tức'");
  check_count (n, by_category);
}

static void
test_can_seek (void)
{
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();

  g_assert_true (toa_store_can_seek (NULL));
  query->author = g_strdup ("an");
  g_assert_true (toa_store_can_seek (query));
  query->text = g_strdup ("công nghiệp");
  g_assert_false (toa_store_can_seek (query));
  g_clear_pointer (&query->text, g_free);
  query->waiting_for = g_strdup ("chi");
  g_assert_false (toa_store_can_seek (query));
  g_clear_pointer (&query->waiting_for, g_free);
  query->oldest_first = TRUE;
  g_assert_false (toa_store_can_seek (query));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-seek/everything", Newsroom, NULL, newsroom_setup, test_seek_everything, newsroom_teardown);
  g_test_add ("/store-seek/filtered", Newsroom, NULL, newsroom_setup, test_seek_filtered, newsroom_teardown);
  g_test_add ("/store-seek/past-end", Newsroom, NULL, newsroom_setup, test_seek_past_end, newsroom_teardown);
  g_test_add ("/store-seek/count-skips-deleted", Newsroom, NULL, newsroom_setup, test_count_skips_deleted, newsroom_teardown);
  g_test_add ("/store-seek/counts-follow-changes", Newsroom, NULL, newsroom_setup,
              test_counts_follow_changes, newsroom_teardown);
  g_test_add_func ("/store-seek/can-seek", test_can_seek);

  return g_test_run ();
}
