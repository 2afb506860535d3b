/* test-store.c — opening, migrations, revisions, conflicts, bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "toa-content-error.h"
#include "toa-test-newsroom.h"

static gint64
count_revisions (Newsroom *n)
{
  return newsroom_sql_int (n->path, "SELECT count(*) FROM revisions");
}

static void
test_open_creates (Newsroom      *n,
                   gconstpointer  data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (g_file_test (n->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (toa_store_get_schema_version (n->store), ==, toa_store_get_latest_schema_version ());
  g_assert_cmpint (toa_store_get_latest_schema_version (), ==, 5);
  g_assert_cmpint (newsroom_sql_int (n->path, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                              "AND name IN ('articles', 'revisions', 'transitions', "
                                              "'comments', 'locks', 'media', 'exports', 'users', "
                                              "'offices', 'categories', 'settings') AND sql LIKE '%STRICT'"),
                   ==, 11);

  g_assert_cmpint (sqlite3_open (n->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_reopen_keeps_data (Newsroom      *n,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticle) article = NULL;
  gint64 id = newsroom_article (n, "an", "Bài giữ lại");

  g_clear_object (&n->store);
  n->store = toa_store_open (n->path, &error);
  g_assert_no_error (error);
  article = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->content->title, ==, "Bài giữ lại");
}

static void
exec_resource_sql (sqlite3    *db,
                   const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/toasoan/ToaSoan/core/sql/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autofree char *sql = NULL;
  char *message = NULL;

  g_assert_nonnull (bytes);
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
}

/* A database as version 1 of the schema left it, with one article. */
static void
write_version_1 (const char *path)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_resource_sql (db, "0001-initial.sql");
  sqlite3_exec (db,
                "INSERT INTO offices VALUES ('QLCN', 'Phòng Quản lý Công nghiệp');"
                "INSERT INTO users VALUES ('an', 'Nguyễn Văn An', 'QLCN', 17);"
                "INSERT INTO articles (id, office, author, created, updated) VALUES (7, 'QLCN', 'an', 1, 1);"
                "INSERT INTO revisions (id, article_id, author, created, title, lead, body, hash) "
                "  VALUES (3, 7, 'an', 1, 'Hội chợ Đồng Tháp', 'Khai mạc', '<p>Công nghiệp nông thôn</p>', 'x');"
                "UPDATE articles SET current_revision = 3;"
                "PRAGMA user_version = 1;", NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

static void
test_migrate_from_previous (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(ToaArticle) article = NULL;

  write_version_1 (path);
  store = toa_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (toa_store_get_schema_version (store), ==, toa_store_get_latest_schema_version ());

  article = toa_store_get_article (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->content->title, ==, "Hội chợ Đồng Tháp");

  /* The upgrade indexed what was already there. */
  query->text = g_strdup ("dong thap");
  found = toa_store_list_articles (store, query, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&query->text, g_free);
  g_clear_pointer (&found, g_ptr_array_unref);
  query->text = g_strdup ("cong nghiep");
  found = toa_store_list_articles (store, query, 0, 50, &error);
  g_assert_cmpuint (found->len, ==, 1);

  /* Version 3 rebuilt the folded index with prefix indexes; a prefix
   * typed as-you-go still finds the article. */
  g_clear_pointer (&query->text, g_free);
  g_clear_pointer (&found, g_ptr_array_unref);
  query->text = g_strdup ("nong th*");
  found = toa_store_list_articles (store, query, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_object (&store);
  g_assert_cmpint (newsroom_sql_int (path, "SELECT count(*) FROM sqlite_master "
                                           "WHERE name = 'article_fts' AND sql LIKE '%prefix%'"), ==, 1);

  toa_test_remove_tree (dir);
}

static void
test_newer_version_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(ToaStore) store = NULL;

  store = toa_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  newsroom_sql_exec (path, "PRAGMA user_version = 99");

  store = toa_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_cmpint (newsroom_sql_int (path, "PRAGMA user_version"), ==, 99);
  toa_test_remove_tree (dir);
}

static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *after = NULL;
  const char *text = "Biên bản họp giao ban, không phải cơ sở dữ liệu.\n";
  g_autoptr(ToaStore) store = NULL;
  gsize len = 0;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  store = toa_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "not a Tòa Soạn database"));

  g_file_get_contents (path, &after, &len, NULL);
  g_assert_cmpstr (after, ==, text);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  toa_test_remove_tree (dir);
}

static void
test_read_only (Newsroom      *n,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Không được ghi", NULL);
  g_autoptr(ToaStore) ro = NULL;
  g_autoptr(ToaArticle) article = NULL;
  gint64 id = newsroom_article (n, "an", "Bài có sẵn");
  gint64 revisions;

  g_clear_object (&n->store);
  revisions = count_revisions (n);
  ro = toa_store_open_full (n->path, TOA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  article = toa_store_get_article (ro, id, &error);
  g_assert_no_error (error);
  g_assert_false (toa_store_save_revision (ro, id, 1, content, "an", NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (toa_store_create_article (ro, NULL, content, "an", &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (toa_store_transition (ro, id, "submit", "an", NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (count_revisions (n), ==, revisions);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM transitions"), ==, 1);
}

static void
test_busy (Newsroom      *n,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Chờ khóa", NULL);
  sqlite3 *other = NULL;
  gint64 id = newsroom_article (n, "an", "Bài bị khóa");
  gint64 revisions = count_revisions (n);

  /* Another program holds the write lock longer than we wait. */
  g_assert_cmpint (sqlite3_open (n->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  toa_store_set_busy_timeout (n->store, 50);
  g_assert_false (toa_store_save_revision (n->store, id, 1, content, "an", NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_BUSY);
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_cmpint (count_revisions (n), ==, revisions);
  toa_store_save_revision (n->store, id, 1, content, "an", NULL, &error);
  g_assert_no_error (error);
}

static void
test_directory (Newsroom      *n,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaUser) quan = NULL;
  g_autoptr(ToaUser) chi = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) users = NULL;

  quan = toa_store_get_user (n->store, "quan", &error);
  g_assert_no_error (error);
  g_assert_true (quan->roles & TOA_ROLE_ADMIN);
  chi = toa_store_get_user (n->store, "chi", &error);
  g_assert_cmpstr (chi->full_name, ==, "Phạm Minh Chi");
  g_assert_cmpstr (chi->office, ==, "QLCN");
  g_assert_cmpint (chi->roles, ==, TOA_ROLE_APPROVER | TOA_ROLE_AUTHOR);

  /* Once there are users, only admins manage the directory. */
  g_assert_false (toa_store_add_user (n->store, "chi", "x", "X", "QLCN", TOA_ROLE_AUTHOR, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_false (toa_store_add_office (n->store, "an", "VP", "Văn phòng", &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_false (toa_store_add_office (n->store, "quan", "QLCN", "Trùng", &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (toa_store_add_office (n->store, "quan", "Q L", "Có dấu cách", &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (toa_store_add_user (n->store, "quan", "x", "X", "NOPE", TOA_ROLE_AUTHOR, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (toa_store_add_user (n->store, "quan", "an", "Lặp", "QLCN", TOA_ROLE_AUTHOR, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (toa_store_add_category (n->store, "quan", "Tin tức", &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  offices = toa_store_list_offices (n->store, &error);
  g_assert_cmpuint (offices->len, ==, 2);
  g_assert_cmpstr (((ToaOffice *) g_ptr_array_index (offices, 0))->code, ==, "KHTC");
  g_assert_cmpstr (((ToaOffice *) g_ptr_array_index (offices, 1))->name, ==, "Phòng Quản lý Công nghiệp");
  categories = toa_store_list_categories (n->store, &error);
  g_assert_cmpuint (categories->len, ==, 2);
  users = toa_store_list_users (n->store, &error);
  g_assert_cmpuint (users->len, ==, 8);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM users WHERE login = 'x'"), ==, 0);
}

static void
test_create_and_save (Newsroom      *n,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content (NULL, "Dòng một.\n\nDòng hai.");
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autofree char *hash = NULL;
  ToaRevision *first, *second;
  gint64 id, version = 0;

  /* Decomposed input ("Đồng" typed as D+̛ marks) is stored in NFC. */
  content->title = g_strdup ("  Ho\xcc\x82\xcc\xa3i nghi\xcc\xa3 tổng kết  ");
  content->tags = g_strsplit ("công nghiệp;;  điện gió ", ";", -1);
  content->event_date = g_strdup ("2026-11-20");
  id = toa_store_create_article (n->store, NULL, content, "an", &error);
  g_assert_no_error (error);

  article = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->content->title, ==, "Hội nghị tổng kết");
  g_assert_cmpstr (article->office, ==, "QLCN");
  g_assert_cmpstr (article->author, ==, "an");
  g_assert_cmpint (article->version, ==, 1);
  g_assert_cmpint (article->status, ==, TOA_ARTICLE_STATUS_DRAFT);
  g_assert_cmpstr (article->content->body, ==, "<p>Dòng một.</p><p>Dòng hai.</p>");
  g_assert_cmpstr (article->content->event_date, ==, "2026-11-20");
  g_assert_cmpuint (g_strv_length (article->content->tags), ==, 2);
  g_assert_cmpstr (article->content->tags[1], ==, "điện gió");
  g_assert_cmpint (article->category_id, >, 0);
  hash = toa_article_content_hash (article->content, &error);
  g_assert_cmpstr (hash, ==, article->current_hash);

  g_free (content->title);
  content->title = g_strdup ("Hội nghị tổng kết năm 2026");
  toa_store_save_revision (n->store, id, 1, content, "binh", &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);

  revisions = toa_store_list_revisions (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  first = g_ptr_array_index (revisions, 0);
  second = g_ptr_array_index (revisions, 1);
  g_assert_cmpint (first->parent_id, ==, 0);
  g_assert_cmpint (second->parent_id, ==, first->id);
  g_assert_cmpstr (first->content->title, ==, "Hội nghị tổng kết");
  g_assert_cmpstr (second->content->title, ==, "Hội nghị tổng kết năm 2026");
  g_assert_cmpstr (second->author, ==, "binh");
  g_assert_cmpstr (first->hash, !=, second->hash);
}

static void
test_conflict (Newsroom      *n,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) mine = newsroom_content ("Bản của An", NULL);
  g_autoptr(ToaArticleContent) theirs = newsroom_content ("Bản của Bình", NULL);
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(ToaStore) other = NULL;
  gint64 id = newsroom_article (n, "an", "Bản gốc");
  gint64 version = 0;

  /* Bình saves from another process (another connection). */
  other = toa_store_open (n->path, &error);
  g_assert_no_error (error);
  toa_store_save_revision (other, id, 1, theirs, "binh", &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);

  version = 0;
  g_assert_false (toa_store_save_revision (n->store, id, 1, mine, "an", &version, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "version 1"));
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_assert_cmpint (version, ==, 2);

  article = toa_store_get_article (n->store, id, &error);
  g_assert_cmpstr (article->content->title, ==, "Bản của Bình");
  g_assert_cmpint (count_revisions (n), ==, 2);
}

static void
assert_save_refused (Newsroom          *n,
                     gint64             id,
                     ToaArticleContent *content,
                     const char        *author,
                     GQuark             domain,
                     int                code)
{
  g_autoptr(GError) error = NULL;
  gint64 revisions = count_revisions (n);

  g_assert_false (toa_store_save_revision (n->store, id, 1, content, author, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpint (count_revisions (n), ==, revisions);
}

static void
test_bad_input (Newsroom      *n,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Tạm", NULL);
  g_autoptr(ToaArticle) article = NULL;
  gint64 id = newsroom_article (n, "an", "Tiêu đề gốc");

  assert_save_refused (n, 99999, content, "an", TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  assert_save_refused (n, id, content, "nobody", TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);

  g_free (content->title);
  content->title = g_strdup ("Ti\xea\xff\xfe u đề");
  assert_save_refused (n, id, content, "an", TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_free (content->title);
  content->title = g_strdup (" \t ");
  assert_save_refused (n, id, content, "an", TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_free (content->title);
  content->title = NULL;
  assert_save_refused (n, id, content, "an", TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);

  g_free (content->title);
  content->title = g_strdup ("Tiêu đề hợp lệ");
  g_free (content->category);
  content->category = g_strdup ("Không có");
  assert_save_refused (n, id, content, "an", TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_pointer (&content->category, g_free);
  content->event_date = g_strdup ("2026-02-30");
  assert_save_refused (n, id, content, "an", TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_pointer (&content->event_date, g_free);
  g_free (content->body);
  content->body = g_strdup ("<p>chưa đóng thẻ");
  assert_save_refused (n, id, content, "an", TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_MALFORMED);

  article = toa_store_get_article (n->store, id, &error);
  g_assert_cmpstr (article->content->title, ==, "Tiêu đề gốc");
  g_assert_cmpint (article->version, ==, 1);
  g_assert_null (toa_store_get_article (n->store, 99999, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (toa_store_get_revision (n->store, 99999, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
}

static GPtrArray *
list (Newsroom        *n,
      ToaArticleQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = toa_store_list_articles (n->store, query, 0, 100, &error);

  g_assert_no_error (error);
  g_assert_cmpint (toa_store_count_articles (n->store, query, &error), ==, rows->len);
  return rows;
}

static void
test_list_filters (Newsroom      *n,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(ToaArticleContent) khtc = newsroom_content ("Ngân sách quý IV", NULL);
  gint64 a = newsroom_article (n, "an", "Bài một");
  gint64 b = newsroom_article (n, "binh", "Bài hai");
  gint64 c = newsroom_article (n, "chi", "Bài ba");
  gint64 d, middle;
  GPtrArray *rows;

  g_clear_pointer (&khtc->category, g_free);
  d = toa_store_create_article (n->store, NULL, khtc, "dung", &error);
  g_assert_no_error (error);
  newsroom_act (n, b, "submit", "binh", NULL);
  newsroom_act (n, c, "submit", "chi", NULL);

  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 4);
  /* Newest change first: c and b were submitted after d was created. */
  g_assert_cmpint (((ToaArticle *) g_ptr_array_index (rows, 0))->id, ==, c);
  g_assert_cmpint (((ToaArticle *) g_ptr_array_index (rows, 1))->id, ==, b);
  g_assert_cmpint (((ToaArticle *) g_ptr_array_index (rows, 3))->id, ==, a);
  g_assert_null (((ToaArticle *) g_ptr_array_index (rows, 0))->content->body);
  g_assert_cmpstr (((ToaArticle *) g_ptr_array_index (rows, 0))->snippet, ==,
                   "Sáng nay, Sở Công Thương tổ chức hội nghị.");
  middle = ((ToaArticle *) g_ptr_array_index (rows, 2))->updated;
  g_ptr_array_unref (rows);

  query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_SUBMITTED);
  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 2);
  g_ptr_array_unref (rows);

  query->status_mask = 0;
  query->office = g_strdup ("KHTC");
  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((ToaArticle *) g_ptr_array_index (rows, 0))->id, ==, d);
  g_ptr_array_unref (rows);
  g_clear_pointer (&query->office, g_free);

  query->author = g_strdup ("an");
  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 1);
  g_ptr_array_unref (rows);
  g_clear_pointer (&query->author, g_free);

  query->updated_after = middle;
  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 3);
  g_ptr_array_unref (rows);
  query->updated_after = 0;
  query->updated_before = middle;
  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 1);
  g_ptr_array_unref (rows);
  query->updated_before = 0;

  /* chi approves QLCN but not her own article. */
  query->waiting_for = g_strdup ("chi");
  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((ToaArticle *) g_ptr_array_index (rows, 0))->id, ==, b);
  g_ptr_array_unref (rows);
  g_free (query->waiting_for);
  query->waiting_for = g_strdup ("lan");
  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 2);
  g_ptr_array_unref (rows);
  g_free (query->waiting_for);
  query->waiting_for = g_strdup ("em");
  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 0);
  g_ptr_array_unref (rows);
  g_clear_pointer (&query->waiting_for, g_free);

  /* Deleted articles never show; only their author (draft) or an admin
   * may delete. */
  g_assert_false (toa_store_delete_article (n->store, a, "binh", &error));
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  toa_store_delete_article (n->store, a, "an", &error);
  g_assert_no_error (error);
  rows = list (n, query);
  g_assert_cmpuint (rows->len, ==, 3);
  g_ptr_array_unref (rows);
  g_assert_null (toa_store_get_article (n->store, a, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
}

static void
test_paging (Newsroom      *n,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  gint64 ids[7];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *title = g_strdup_printf ("Bài số %u", i);

      ids[i] = newsroom_article (n, "an", title);
    }
  first = toa_store_list_articles (n->store, NULL, 0, 5, &error);
  g_assert_no_error (error);
  second = toa_store_list_articles (n->store, NULL, 5, 5, &error);
  g_assert_cmpuint (first->len, ==, 5);
  g_assert_cmpuint (second->len, ==, 2);
  g_assert_cmpint (((ToaArticle *) g_ptr_array_index (first, 0))->id, ==, ids[6]);
  g_assert_cmpint (((ToaArticle *) g_ptr_array_index (second, 1))->id, ==, ids[0]);
  g_assert_cmpint (toa_store_count_articles (n->store, NULL, &error), ==, 7);
}

static void
test_locks (Newsroom      *n,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaLock) lock = NULL;
  g_autofree char *sql = NULL;
  gint64 id = newsroom_article (n, "an", "Bài đang sửa");

  g_assert_null (toa_store_get_lock (n->store, id, &error));
  g_assert_no_error (error);
  toa_store_lock_article (n->store, id, "an", "may-an", &error);
  g_assert_no_error (error);
  /* The heartbeat: locking again keeps it. */
  toa_store_lock_article (n->store, id, "an", "may-an", &error);
  g_assert_no_error (error);

  g_assert_false (toa_store_lock_article (n->store, id, "binh", "may-binh", &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "an is editing"));
  g_clear_error (&error);
  g_assert_false (toa_store_unlock_article (n->store, id, "binh", &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  lock = toa_store_get_lock (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lock->login, ==, "an");
  g_assert_cmpstr (lock->host, ==, "may-an");

  /* Three minutes without a heartbeat: the lock is gone. */
  sql = g_strdup_printf ("UPDATE locks SET heartbeat = heartbeat - %" G_GINT64_FORMAT,
                         (gint64) 3 * G_TIME_SPAN_MINUTE);
  newsroom_sql_exec (n->path, sql);
  g_clear_pointer (&lock, toa_lock_free);
  g_assert_null (toa_store_get_lock (n->store, id, &error));
  toa_store_lock_article (n->store, id, "binh", "may-binh", &error);
  g_assert_no_error (error);
  toa_store_unlock_article (n->store, id, "binh", &error);
  g_assert_no_error (error);
  g_assert_null (toa_store_get_lock (n->store, id, &error));
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM locks"), ==, 0);
}

static void
test_comments (Newsroom      *n,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  ToaComment *comment;
  gint64 id = newsroom_article (n, "an", "Bài có góp ý");
  gint64 cid;

  cid = toa_store_add_comment (n->store, id, "chi", "Cần thêm số liệu năm 2025.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (toa_store_add_comment (n->store, id, "chi", "   ", &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  toa_store_resolve_comment (n->store, cid, "an", &error);
  g_assert_no_error (error);
  comments = toa_store_list_comments (n->store, id, &error);
  g_assert_cmpuint (comments->len, ==, 1);
  comment = g_ptr_array_index (comments, 0);
  g_assert_cmpstr (comment->text, ==, "Cần thêm số liệu năm 2025.");
  g_assert_true (comment->resolved);
  g_assert_cmpint (comment->revision_id, >, 0);
}

static void
test_data_version (Newsroom      *n,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaStore) other = toa_store_open (n->path, &error);
  gint64 before = toa_store_get_data_version (n->store);

  g_assert_no_error (error);
  g_assert_cmpint (toa_store_get_data_version (n->store), ==, before);
  newsroom_article (n, "an", "Thay đổi của chính mình");
  g_assert_cmpint (toa_store_get_data_version (n->store), !=, before);
  before = toa_store_get_data_version (n->store);
  toa_store_add_comment (other, 1, "chi", "Từ tiến trình khác", &error);
  g_assert_no_error (error);
  g_assert_cmpint (toa_store_get_data_version (n->store), !=, before);
}

static void
test_backup_and_check (Newsroom      *n,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (n->dir, "backup.db", NULL);
  g_autofree char *report = NULL;
  g_autoptr(ToaStore) copy = NULL;
  g_autoptr(ToaArticle) article = NULL;
  gint64 id = newsroom_article (n, "an", "Bài sao lưu");

  g_assert_true (toa_store_check (n->store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
  toa_store_backup (n->store, dest, &error);
  g_assert_no_error (error);
  g_assert_false (toa_store_backup (n->store, dest, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  copy = toa_store_open (dest, &error);
  g_assert_no_error (error);
  article = toa_store_get_article (copy, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->content->title, ==, "Bài sao lưu");
}

typedef struct
{
  Newsroom *n;
  gint64    id;
  guint     saves;
} Writer;

static gpointer
write_many (gpointer data)
{
  Writer *w = data;
  gint64 version = 1;

  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Luồng %" G_GINT64_FORMAT " lần %u", w->id, i);
      g_autoptr(ToaArticleContent) content = newsroom_content (title, NULL);
      g_autoptr(GPtrArray) page = NULL;

      toa_store_save_revision (w->n->store, w->id, version, content, "an", &version, &error);
      g_assert_no_error (error);
      page = toa_store_list_articles (w->n->store, NULL, 0, 10, &error);
      g_assert_no_error (error);
      w->saves++;
    }
  return NULL;
}

static void
test_threads_share_a_store (Newsroom      *n,
                            gconstpointer  data)
{
  Writer writers[4];
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      writers[i] = (Writer) { n, newsroom_article (n, "an", "Bài của luồng"), 0 };
      threads[i] = g_thread_new ("writer", write_many, &writers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ToaArticle) article = NULL;
      g_autofree char *last = g_strdup_printf ("Luồng %" G_GINT64_FORMAT " lần 24", writers[i].id);

      g_thread_join (threads[i]);
      article = toa_store_get_article (n->store, writers[i].id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (article->version, ==, 26);
      g_assert_cmpstr (article->content->title, ==, last);
    }
  g_assert_cmpint (count_revisions (n), ==, 4 * 26);
}

typedef struct
{
  GPtrArray *page;
  gint64     count;
  gint64     version;
  GError    *save_error;
  GError    *conflict_error;
  gint64     conflict_version;
  guint      pending;
} AsyncResults;

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  AsyncResults *r = data;
  g_autoptr(GError) error = NULL;

  r->page = toa_store_list_articles_finish (TOA_STORE (source), result, &error);
  g_assert_no_error (error);
  r->pending--;
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  AsyncResults *r = data;
  g_autoptr(GError) error = NULL;

  r->count = toa_store_count_articles_finish (TOA_STORE (source), result, &error);
  g_assert_no_error (error);
  r->pending--;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  AsyncResults *r = data;

  toa_store_save_revision_finish (TOA_STORE (source), result, &r->version, &r->save_error);
  r->pending--;
}

static void
on_conflicted (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  AsyncResults *r = data;

  toa_store_save_revision_finish (TOA_STORE (source), result, &r->conflict_version, &r->conflict_error);
  r->pending--;
}

static void
on_moved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  AsyncResults *r = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (toa_store_transition_finish (TOA_STORE (source), result, &error));
  g_assert_no_error (error);
  r->pending--;
}

static void
test_async (Newsroom      *n,
            gconstpointer  data)
{
  g_autoptr(ToaArticleContent) content = newsroom_content ("Lưu không chặn giao diện", NULL);
  AsyncResults r = { 0 };
  gint64 a = newsroom_article (n, "an", "Bài một");
  gint64 b = newsroom_article (n, "an", "Bài hai");

  /* One at a time, so that the conflict surely comes second. */
  r.pending = 1;
  toa_store_save_revision_async (n->store, a, 1, content, "an", NULL, on_saved, &r);
  while (r.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  r.pending = 4;
  toa_store_save_revision_async (n->store, a, 1, content, "binh", NULL, on_conflicted, &r);
  toa_store_transition_async (n->store, b, "submit", "an", NULL, NULL, on_moved, &r);
  toa_store_list_articles_async (n->store, NULL, 0, 50, NULL, on_listed, &r);
  toa_store_count_articles_async (n->store, NULL, NULL, on_counted, &r);
  while (r.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (r.save_error);
  g_assert_cmpint (r.version, ==, 2);
  g_assert_error (r.conflict_error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT);
  g_assert_cmpint (r.conflict_version, ==, 2);
  g_assert_cmpuint (r.page->len, ==, 2);
  g_assert_cmpint (r.count, ==, 2);
  g_assert_cmpint (newsroom_status (n, b), ==, TOA_ARTICLE_STATUS_SUBMITTED);
  g_clear_error (&r.conflict_error);
  g_ptr_array_unref (r.page);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/" path, Newsroom, NULL, newsroom_setup, func, newsroom_teardown)

  ADD ("open-creates", test_open_creates);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/store/migrate-from-previous", test_migrate_from_previous);
  g_test_add_func ("/store/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  ADD ("read-only", test_read_only);
  ADD ("busy", test_busy);
  ADD ("directory", test_directory);
  ADD ("create-and-save", test_create_and_save);
  ADD ("conflict", test_conflict);
  ADD ("bad-input", test_bad_input);
  ADD ("list-filters", test_list_filters);
  ADD ("paging", test_paging);
  ADD ("locks", test_locks);
  ADD ("comments", test_comments);
  ADD ("data-version", test_data_version);
  ADD ("backup-and-check", test_backup_and_check);
  ADD ("threads-share-a-store", test_threads_share_a_store);
  ADD ("async", test_async);

  return g_test_run ();
}
