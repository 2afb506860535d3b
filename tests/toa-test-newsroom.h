/* toa-test-newsroom.h — a small newsroom for the store's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only so that each test program stays one source file.
 */
#pragma once

#include <sqlite3.h>

#include "toa-store.h"
#include "toa-test-utils.h"

/* Two offices; in QLCN: an, binh (authors), chi (approver, head); in
 * KHTC: dung (author), em (approver); lan (leader), phuong (publisher),
 * quan (admin, who created the database). */
typedef struct
{
  char     *dir;
  char     *path;
  ToaStore *store;
} Newsroom;

G_GNUC_UNUSED static void
newsroom_add_user (Newsroom   *n,
                   const char *login,
                   const char *name,
                   const char *office,
                   ToaRoles    roles)
{
  g_autoptr(GError) error = NULL;

  toa_store_add_user (n->store, "quan", login, name, office, roles, &error);
  g_assert_no_error (error);
}

G_GNUC_UNUSED static void
newsroom_setup (Newsroom      *n,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  n->dir = toa_test_make_tmpdir ();
  n->path = g_build_filename (n->dir, "sub", "toasoan.db", NULL);
  n->store = toa_store_open (n->path, &error);
  g_assert_no_error (error);

  toa_store_add_office (n->store, NULL, "QLCN", "Phòng Quản lý Công nghiệp", &error);
  g_assert_no_error (error);
  toa_store_add_office (n->store, NULL, "KHTC", "Phòng Kế hoạch - Tài chính", &error);
  g_assert_no_error (error);
  toa_store_add_category (n->store, NULL, "Tin tức", &error);
  g_assert_no_error (error);
  toa_store_add_category (n->store, NULL, "Thông báo", &error);
  g_assert_no_error (error);
  toa_store_add_user (n->store, NULL, "quan", "Trần Quân", NULL, TOA_ROLE_NONE, &error);
  g_assert_no_error (error);

  newsroom_add_user (n, "an", "Nguyễn Văn An", "QLCN", TOA_ROLE_AUTHOR);
  newsroom_add_user (n, "binh", "Lê Thị Bình", "QLCN", TOA_ROLE_AUTHOR);
  newsroom_add_user (n, "chi", "Phạm Minh Chi", "QLCN", TOA_ROLE_APPROVER | TOA_ROLE_AUTHOR);
  newsroom_add_user (n, "dung", "Đỗ Dũng", "KHTC", TOA_ROLE_AUTHOR);
  newsroom_add_user (n, "em", "Hoàng Em", "KHTC", TOA_ROLE_APPROVER);
  newsroom_add_user (n, "lan", "Vũ Thị Lan", NULL, TOA_ROLE_LEADER);
  newsroom_add_user (n, "phuong", "Bùi Phương", NULL, TOA_ROLE_PUBLISHER);
}

G_GNUC_UNUSED static void
newsroom_teardown (Newsroom      *n,
                   gconstpointer  data)
{
  g_clear_object (&n->store);
  toa_test_remove_tree (n->dir);
  g_free (n->dir);
  g_free (n->path);
}

G_GNUC_UNUSED static ToaArticleContent *
newsroom_content (const char *title,
                  const char *body_text)
{
  ToaArticleContent *content = toa_article_content_new ();

  content->title = g_strdup (title);
  content->lead = g_strdup ("Sáng nay, Sở Công Thương tổ chức hội nghị.");
  content->body = toa_body_from_plain_text (body_text ? body_text : "Đoạn thứ nhất.\n\nĐoạn thứ hai.");
  content->byline = g_strdup ("Đỗ Nguyên - P. QLCN");
  content->category = g_strdup ("Tin tức");
  return content;
}

/* A new QLCN draft by @author. */
G_GNUC_UNUSED static gint64
newsroom_article (Newsroom   *n,
                  const char *author,
                  const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content (title, NULL);
  gint64 id = toa_store_create_article (n->store, NULL, content, author, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

G_GNUC_UNUSED static void
newsroom_act (Newsroom   *n,
              gint64      id,
              const char *action,
              const char *actor,
              const char *comment)
{
  g_autoptr(GError) error = NULL;

  toa_store_transition (n->store, id, action, actor, comment, &error);
  g_assert_no_error (error);
}

G_GNUC_UNUSED static ToaArticleStatus
newsroom_status (Newsroom *n,
                 gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticle) article = toa_store_get_article (n->store, id, &error);

  g_assert_no_error (error);
  return article->status;
}

/* One integer from a raw SQL query on the file, through a separate
 * connection: what is really on disk. */
G_GNUC_UNUSED static gint64
newsroom_sql_int (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* Even a WAL reader can briefly see SQLITE_BUSY while a writer resets
   * the log. */
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

G_GNUC_UNUSED static void
newsroom_sql_exec (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}
