/* test-directory.c — changing and retiring offices, categories and users
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-store-export.h"
#include "toa-test-newsroom.h"

static gint64
category_id (Newsroom   *n,
             const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM categories WHERE name = '%s'", name);

  return newsroom_sql_int (n->path, sql);
}

static ToaUser *
get_user (Newsroom   *n,
          const char *login)
{
  g_autoptr(GError) error = NULL;
  ToaUser *user = toa_store_get_user (n->store, login, &error);

  g_assert_no_error (error);
  return user;
}

static void
test_schema (Newsroom      *n,
             gconstpointer  data)
{
  /* Rows from before the upgrade and new ones are all in service. */
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM users WHERE retired = 0"), ==, 8);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM offices WHERE retired = 0"), ==, 2);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM categories WHERE retired = 0"), ==, 2);
}

static void
test_rename_office (Newsroom      *n,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  const ToaOffice *office;

  /* Decomposed input is stored composed, without surrounding blanks. */
  toa_store_update_office (n->store, "quan", "QLCN", "  Phòng Quản ly\xcc\x81 Công nghiệp mới ", &error);
  g_assert_no_error (error);
  offices = toa_store_list_offices (n->store, &error);
  g_assert_no_error (error);
  office = g_ptr_array_index (offices, 1);
  g_assert_cmpstr (office->code, ==, "QLCN");
  g_assert_cmpstr (office->name, ==, "Phòng Quản lý Công nghiệp mới");

  toa_store_update_office (n->store, "quan", "QLCN", " \t", &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  toa_store_update_office (n->store, "quan", "XYZ", "Phòng X", &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  toa_store_update_office (n->store, "an", "QLCN", "Phòng khác", &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM offices "
                                              "WHERE name = 'Phòng Quản lý Công nghiệp mới'"), ==, 1);
}

static void
test_rename_category (Newsroom      *n,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = NULL;
  g_autoptr(ToaArticle) article = NULL;
  gint64 news = category_id (n, "Tin tức");
  gint64 id = newsroom_article (n, "an", "Bài có chuyên mục");
  gint64 version = 0;

  toa_store_update_category (n->store, "quan", news, "Tin hoạt động", &error);
  g_assert_no_error (error);
  g_assert_cmpint (category_id (n, "Tin hoạt động"), ==, news);
  /* The article keeps its category; its revision keeps what was written. */
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT category_id FROM articles"), ==, news);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM revisions WHERE category = 'Tin tức'"),
                   ==, 1);
  g_assert_cmpint (id, >, 0);

  /* Saved again with the name it was written with, it keeps its category;
   * a new article cannot use the old name. */
  content = newsroom_content ("Bài có chuyên mục, sửa lại", NULL);
  article = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->content->category, ==, "Tin tức");
  toa_store_save_revision (n->store, id, article->version, content, "an", &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT category_id FROM articles"), ==, news);
  g_assert_cmpint (toa_store_create_article (n->store, NULL, content, "an", &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  toa_store_update_category (n->store, "quan", news, "Thông báo", &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  toa_store_update_category (n->store, "quan", news, "", &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  toa_store_update_category (n->store, "quan", 9999, "Khác", &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  toa_store_update_category (n->store, "chi", news, "Khác", &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_cmpint (category_id (n, "Tin hoạt động"), ==, news);
}

static void
test_update_user (Newsroom      *n,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaUser) user = NULL;
  gint64 id = newsroom_article (n, "an", "Bài trước khi chuyển phòng");

  toa_store_update_user (n->store, "quan", "an", "Nguyễn Văn An ", "KHTC",
                         TOA_ROLE_AUTHOR | TOA_ROLE_APPROVER, &error);
  g_assert_no_error (error);
  user = get_user (n, "an");
  g_assert_cmpstr (user->full_name, ==, "Nguyễn Văn An");
  g_assert_cmpstr (user->office, ==, "KHTC");
  g_assert_cmpint (user->roles, ==, TOA_ROLE_AUTHOR | TOA_ROLE_APPROVER);
  /* What was written in QLCN stays in QLCN. */
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM articles WHERE office = 'QLCN'"), ==, 1);
  g_assert_cmpint (id, >, 0);

  toa_store_update_user (n->store, "quan", "an", "An", "NOPE", TOA_ROLE_AUTHOR, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  toa_store_update_user (n->store, "quan", "an", "", "KHTC", TOA_ROLE_AUTHOR, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  toa_store_update_user (n->store, "quan", "an", "An", "KHTC", 1 << 9, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  toa_store_update_user (n->store, "quan", "nobody", "Ai", NULL, TOA_ROLE_AUTHOR, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Nobody gives themselves roles. */
  toa_store_update_user (n->store, "dung", "dung", "Đỗ Dũng", "KHTC", TOA_ROLE_ADMIN, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_clear_pointer (&user, toa_user_free);
  user = get_user (n, "an");
  g_assert_cmpstr (user->full_name, ==, "Nguyễn Văn An");
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT roles FROM users WHERE login = 'dung'"), ==,
                   TOA_ROLE_AUTHOR);
}

static void
test_last_admin (Newsroom      *n,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  toa_store_update_user (n->store, "quan", "quan", "Trần Quân", NULL, TOA_ROLE_AUTHOR, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "last administrator"));
  g_clear_error (&error);
  toa_store_set_user_retired (n->store, "quan", "quan", TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT roles FROM users WHERE login = 'quan'"), ==,
                   TOA_ROLE_ADMIN);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT retired FROM users WHERE login = 'quan'"), ==, 0);

  /* A retired admin does not count: lan must stay. */
  toa_store_update_user (n->store, "quan", "phuong", "Bùi Phương", NULL, TOA_ROLE_ADMIN, &error);
  g_assert_no_error (error);
  toa_store_set_user_retired (n->store, "quan", "phuong", TRUE, &error);
  g_assert_no_error (error);
  toa_store_set_user_retired (n->store, "quan", "quan", TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* With a second admin in service, the first may step down. */
  toa_store_update_user (n->store, "quan", "lan", "Vũ Thị Lan", NULL, TOA_ROLE_LEADER | TOA_ROLE_ADMIN,
                         &error);
  g_assert_no_error (error);
  toa_store_update_user (n->store, "quan", "quan", "Trần Quân", NULL, TOA_ROLE_AUTHOR, &error);
  g_assert_no_error (error);
  toa_store_set_user_retired (n->store, "lan", "quan", TRUE, &error);
  g_assert_no_error (error);
  toa_store_set_user_retired (n->store, "lan", "lan", TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_retired_user (Newsroom      *n,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Bài mới", NULL);
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(ToaUser) user = NULL;
  g_auto(GStrv) actions = NULL;
  gint64 id = newsroom_article (n, "an", "Bài của người sắp nghỉ");
  gint64 version = 0;

  toa_store_add_comment (n->store, id, "an", "Nhờ anh Chi xem giúp", &error);
  g_assert_no_error (error);
  newsroom_act (n, id, "submit", "an", NULL);
  toa_store_lock_article (n->store, id, "an", "may-1", &error);
  g_assert_no_error (error);

  toa_store_set_user_retired (n->store, "an", "binh", TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  toa_store_set_user_retired (n->store, "quan", "an", TRUE, &error);
  g_assert_no_error (error);

  /* History intact: the article, its revision, transitions and comment
   * still name an, who is still in the directory. */
  article = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->author, ==, "an");
  g_assert_cmpstr (article->submitted_by, ==, "an");
  transitions = toa_store_list_transitions (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transitions->len, ==, 2);
  g_assert_cmpstr (((ToaTransition *) g_ptr_array_index (transitions, 1))->actor, ==, "an");
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM comments WHERE author = 'an'"), ==, 1);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM revisions WHERE author = 'an'"), ==, 1);
  user = get_user (n, "an");
  g_assert_true (user->retired);
  g_assert_cmpstr (user->full_name, ==, "Nguyễn Văn An");
  users = toa_store_list_users (n->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 8);
  /* Their lock is released so that others can edit. */
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM locks"), ==, 0);

  /* No new action. */
  g_assert_cmpint (toa_store_create_article (n->store, NULL, content, "an", &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  toa_store_transition (n->store, id, "withdraw", "an", NULL, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  toa_store_add_comment (n->store, id, "an", "Thêm ý", &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  toa_store_save_revision (n->store, id, article->version, content, "an", &version, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  toa_store_lock_article (n->store, id, "an", "may-1", &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  actions = toa_store_list_permitted_actions (n->store, id, "an", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (actions), ==, 0);

  /* The approver still works on what an submitted. */
  newsroom_act (n, id, "approve", "chi", NULL);
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_APPROVED);

  /* Restored, an may act again. */
  toa_store_set_user_retired (n->store, "quan", "an", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (toa_store_create_article (n->store, NULL, content, "an", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_retired_office (Newsroom      *n,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Bài ở phòng cũ", NULL);
  g_autoptr(GPtrArray) offices = NULL;
  gint64 id = toa_store_create_article (n->store, "KHTC", content, "dung", &error);

  g_assert_no_error (error);
  /* People still working there must be moved first. */
  toa_store_set_office_retired (n->store, "quan", "KHTC", TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  toa_store_update_user (n->store, "quan", "dung", "Đỗ Dũng", "QLCN", TOA_ROLE_AUTHOR, &error);
  g_assert_no_error (error);
  toa_store_set_user_retired (n->store, "quan", "em", TRUE, &error);
  g_assert_no_error (error);
  toa_store_set_office_retired (n->store, "chi", "KHTC", TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  toa_store_set_office_retired (n->store, "quan", "KHTC", TRUE, &error);
  g_assert_no_error (error);
  toa_store_set_office_retired (n->store, "quan", "NOPE", TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Listed (for the history) but marked; no new article or user. */
  offices = toa_store_list_offices (n->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offices->len, ==, 2);
  g_assert_cmpstr (((ToaOffice *) g_ptr_array_index (offices, 0))->code, ==, "KHTC");
  g_assert_true (((ToaOffice *) g_ptr_array_index (offices, 0))->retired);
  g_assert_false (((ToaOffice *) g_ptr_array_index (offices, 1))->retired);
  g_assert_cmpint (toa_store_create_article (n->store, "KHTC", content, "dung", &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  toa_store_add_user (n->store, "quan", "moi", "Người Mới", "KHTC", TOA_ROLE_AUTHOR, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  toa_store_update_user (n->store, "quan", "dung", "Đỗ Dũng", "KHTC", TOA_ROLE_AUTHOR, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A retired user of the retired office may still get their name fixed. */
  toa_store_update_user (n->store, "quan", "em", "Hoàng Văn Em", "KHTC", TOA_ROLE_APPROVER, &error);
  g_assert_no_error (error);

  /* The old article keeps its office and still moves on. */
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM articles WHERE office = 'KHTC'"), ==, 1);
  newsroom_act (n, id, "submit", "dung", NULL);

  toa_store_set_office_retired (n->store, "quan", "KHTC", FALSE, &error);
  g_assert_no_error (error);
  toa_store_add_user (n->store, "quan", "moi", "Người Mới", "KHTC", TOA_ROLE_AUTHOR, &error);
  g_assert_no_error (error);
}

static void
test_retired_category (Newsroom      *n,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Thông báo mới", NULL);
  g_autoptr(ToaArticle) article = NULL;
  gint64 notices = category_id (n, "Thông báo");
  gint64 id;
  gint64 other = newsroom_article (n, "an", "Bài tin tức");
  gint64 version = 0;

  g_free (content->category);
  content->category = g_strdup ("Thông báo");
  id = toa_store_create_article (n->store, NULL, content, "an", &error);
  g_assert_no_error (error);

  toa_store_set_category_retired (n->store, "an", notices, TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  toa_store_set_category_retired (n->store, "quan", notices, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT retired FROM categories WHERE name = 'Thông báo'"),
                   >, 0);

  /* No new article takes it, no article moves into it… */
  g_assert_cmpint (toa_store_create_article (n->store, NULL, content, "an", &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  article = toa_store_get_article (n->store, other, &error);
  g_assert_no_error (error);
  toa_store_save_revision (n->store, other, article->version, content, "an", &version, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* …but the article that had it keeps it through a new revision. */
  g_clear_pointer (&article, toa_article_free);
  article = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->content->category, ==, "Thông báo");
  toa_store_save_revision (n->store, id, article->version, content, "an", &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM articles WHERE category_id = "
                                              "(SELECT id FROM categories WHERE name = 'Thông báo')"), ==, 1);

  toa_store_set_category_retired (n->store, "quan", notices, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (toa_store_create_article (n->store, NULL, content, "an", &error), >, 0);
  g_assert_no_error (error);
  toa_store_set_category_retired (n->store, "quan", 9999, TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
}

/* A second retirement keeps the date of the first. */
static void
test_retire_twice (Newsroom      *n,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first;

  toa_store_set_user_retired (n->store, "quan", "binh", TRUE, &error);
  g_assert_no_error (error);
  first = newsroom_sql_int (n->path, "SELECT retired FROM users WHERE login = 'binh'");
  g_assert_cmpint (first, >, 0);
  g_usleep (2000);
  toa_store_set_user_retired (n->store, "quan", "binh", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT retired FROM users WHERE login = 'binh'"), ==, first);
  toa_store_set_user_retired (n->store, "quan", "nobody", TRUE, &error);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
}

/* A retired account exports nothing either; its colleagues still can. */
static void
test_retired_user_exports_nothing (Newsroom      *n,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GPtrArray) written = NULL;
  gint64 id = newsroom_article (n, "an", "Hội nghị sơ kết công tác khuyến công");

  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  toa_store_set_user_retired (n->store, "quan", "phuong", TRUE, &error);
  g_assert_no_error (error);

  refused = toa_store_export_article (n->store, exporter, id, TOA_EXPORT_FORMAT_XML, FALSE, dir, "phuong", &error);
  g_assert_null (refused);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  written = toa_store_export_article (n->store, exporter, id, TOA_EXPORT_FORMAT_XML, FALSE, dir, "lan", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  toa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/directory/" path, Newsroom, NULL, newsroom_setup, func, newsroom_teardown)

  ADD ("schema", test_schema);
  ADD ("rename-office", test_rename_office);
  ADD ("rename-category", test_rename_category);
  ADD ("update-user", test_update_user);
  ADD ("last-admin", test_last_admin);
  ADD ("retired-user", test_retired_user);
  ADD ("retired-office", test_retired_office);
  ADD ("retired-category", test_retired_category);
  ADD ("retire-twice", test_retire_twice);
  ADD ("retired-user-exports-nothing", test_retired_user_exports_nothing);

  return g_test_run ();
}
