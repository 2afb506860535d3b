/* test-demo.c — the demo content and the first-run set-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "toa-demo.h"
#include "toa-store-media.h"
#include "toa-test-utils.h"

typedef struct
{
  char     *dir;
  ToaStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = toa_test_make_tmpdir ();
  path = g_build_filename (f->dir, "toasoan.db", NULL);
  f->store = toa_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  toa_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
count_status (ToaStore         *store,
              ToaArticleStatus  status)
{
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 count;

  query->status_mask = TOA_STATUS_BIT (status);
  count = toa_store_count_articles (store, query, &error);
  g_assert_no_error (error);
  return count;
}

static JsonArray *
read_source_array (const char  *relative,
                   JsonParser **parser)
{
  g_autofree char *path = toa_test_source_path (relative);
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_file (*parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_array (json_parser_get_root (*parser));
}

/* The numbers come from the data files, so that the test follows the demo
 * when someone adds an article, and fails when the loader drops one. */
static void
test_demo_statuses (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *articles = read_source_array ("data/demo/articles.json", &parser);
  gint64 expected[TOA_ARTICLE_N_STATUSES] = { 0 };
  g_autoptr(ToaArticleQuery) all = toa_article_query_new ();

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *article = json_array_get_object_element (articles, i);
      ToaArticleStatus status;

      g_assert_true (toa_article_status_from_string (json_object_get_string_member (article, "status"),
                                                     &status));
      expected[status]++;
    }

  g_assert_true (toa_demo_load (f->store, NULL, &error));
  g_assert_no_error (error);

  for (guint s = 0; s < TOA_ARTICLE_N_STATUSES; s++)
    {
      g_test_message ("status %s: %" G_GINT64_FORMAT, toa_article_status_to_string (s), expected[s]);
      g_assert_cmpint (count_status (f->store, s), ==, expected[s]);
    }
  /* Every status has at least one article: the desk has something in each view. */
  for (guint s = 0; s < TOA_ARTICLE_N_STATUSES; s++)
    g_assert_cmpint (expected[s], >, 0);
  g_assert_cmpint (toa_store_count_articles (f->store, all, NULL), ==, json_array_get_length (articles));
}

/* Demo articles carry the times of their events, not of the moment the
 * demo was loaded: rows in order, never in the future, several months. */
static void
test_demo_times (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleQuery) all = toa_article_query_new ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint backdated = 0;
  gint64 now;

  g_assert_true (toa_demo_load (f->store, NULL, &error));
  now = g_get_real_time ();
  articles = toa_store_list_articles (f->store, all, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < articles->len; i++)
    {
      ToaArticle *row = g_ptr_array_index (articles, i);
      g_autoptr(GPtrArray) transitions = toa_store_list_transitions (f->store, row->id, &error);
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (row->created / G_USEC_PER_SEC);
      g_autoptr(ToaArticle) article = toa_store_get_article (f->store, row->id, &error);
      g_autofree char *day = g_date_time_format (created, "%Y-%m-%d");
      gint64 previous = 0;

      g_assert_no_error (error);
      g_assert_cmpint (row->created, <=, row->updated);
      g_assert_cmpint (row->updated, <=, now);
      for (guint t = 0; t < transitions->len; t++)
        {
          ToaTransition *transition = g_ptr_array_index (transitions, t);
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (transition->created / G_USEC_PER_SEC);

          g_assert_cmpint (transition->created, >=, previous);
          g_assert_cmpint (transition->created, <=, now);
          previous = transition->created;
          g_hash_table_add (months, g_date_time_format (when, "%Y-%m"));
        }
      if (now - row->created > G_TIME_SPAN_DAY)
        {
          g_assert_cmpstr (day, ==, article->content->event_date);
          backdated++;
        }
    }
  g_assert_cmpuint (backdated, >=, articles->len / 2);
  g_assert_cmpuint (g_hash_table_size (months), >=, 3);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Each caption of the file is a picture in the store and a figure in the
 * article's body, with its caption text. */
static void
test_demo_photos (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *articles = read_source_array ("data/demo/articles.json", &parser);
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) rows = NULL;
  guint figures = 0;

  g_assert_true (toa_demo_load (f->store, NULL, &error));
  g_assert_no_error (error);
  rows = toa_store_list_articles (f->store, query, 0, 100, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *expected = json_array_get_object_element (articles, i);
      JsonArray *captions = json_object_get_array_member (expected, "captions");
      const char *title = json_object_get_string_member (expected, "title");
      g_autoptr(ToaArticle) article = NULL;

      for (guint r = 0; r < rows->len && article == NULL; r++)
        {
          ToaArticle *row = g_ptr_array_index (rows, r);

          if (g_strcmp0 (row->content->title, title) == 0)
            article = toa_store_get_article (f->store, row->id, &error);
        }
      g_assert_nonnull (article);
      g_assert_cmpuint (count_occurrences (article->content->body, "<figure>"), ==,
                        json_array_get_length (captions));
      for (guint c = 0; c < json_array_get_length (captions); c++)
        {
          JsonObject *caption = json_array_get_object_element (captions, c);
          g_autofree char *escaped = g_markup_escape_text (json_object_get_string_member (caption, "text"), -1);
          g_autofree char *figcaption = g_strdup_printf ("<figcaption>%s</figcaption>", escaped);
          g_autofree char *relative = g_build_filename ("data/demo/photos",
                                                        json_object_get_string_member (caption, "photo"), NULL);
          g_autofree char *path = toa_test_source_path (relative);
          g_autofree char *contents = NULL;
          g_autofree char *sha = NULL;
          g_autofree char *src = NULL;
          g_autoptr(ToaMedia) media = NULL;
          g_autoptr(GBytes) bytes = NULL;
          const char *before = strstr (article->content->body, figcaption);
          const char *img;
          gsize length = 0;

          /* The picture right before this caption is that photo, byte for byte. */
          g_assert_nonnull (before);
          img = g_strrstr_len (article->content->body, before - article->content->body, "media:");
          g_assert_nonnull (img);
          src = g_strndup (img + strlen ("media:"), strspn (img + strlen ("media:"), "0123456789"));
          media = toa_store_get_media (f->store, g_ascii_strtoll (src, NULL, 10), &bytes, &error);
          g_assert_no_error (error);
          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
          g_assert_cmpstr (media->sha256, ==, sha);
          g_assert_cmpuint (g_bytes_get_size (bytes), ==, length);
          figures++;
        }
    }
  g_assert_cmpuint (figures, >, 0);
}

static const ToaUser *
find_user (GPtrArray  *users,
           const char *login)
{
  for (guint i = 0; i < users->len; i++)
    {
      const ToaUser *user = g_ptr_array_index (users, i);

      if (g_strcmp0 (user->login, login) == 0)
        return user;
    }
  return NULL;
}

static void
test_demo_directory (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  g_autofree char *path = toa_test_source_path ("data/demo/users.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *file_users;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  file_users = json_object_get_array_member (root, "users");

  g_assert_true (toa_demo_load (f->store, "nguoixem", &error));
  g_assert_no_error (error);

  offices = toa_store_list_offices (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offices->len, ==, json_array_get_length (json_object_get_array_member (root, "offices")));
  g_assert_cmpuint (offices->len, >=, 4);

  users = toa_store_list_users (f->store, &error);
  g_assert_no_error (error);
  /* The file's users plus the person running the demo. */
  g_assert_cmpuint (users->len, ==, json_array_get_length (file_users) + 1);
  for (guint i = 0; i < json_array_get_length (file_users); i++)
    {
      JsonObject *expected = json_array_get_object_element (file_users, i);
      const ToaUser *user = find_user (users, json_object_get_string_member (expected, "login"));

      g_assert_nonnull (user);
      g_assert_cmpstr (user->full_name, ==, json_object_get_string_member (expected, "name"));
      g_assert_cmpstr (user->office, ==, json_object_get_string_member (expected, "office"));
    }
  g_assert_nonnull (find_user (users, "nguoixem"));
  g_assert_true (find_user (users, "nguoixem")->roles & TOA_ROLE_APPROVER);
}

static void
test_small_fixture (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = toa_test_source_path ("tests/fixtures/demo/small/");
  g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);
  g_autofree char *base = g_str_has_suffix (uri, "/") ? g_strdup (uri) : g_strconcat (uri, "/", NULL);
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(ToaArticle) full = NULL;
  const ToaArticle *submitted = NULL;
  const ToaArticle *draft = NULL;
  const ToaArticle *archived = NULL;

  g_assert_true (toa_demo_load_from (f->store, base, NULL, &error));
  g_assert_no_error (error);

  rows = toa_store_list_articles (f->store, query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      const ToaArticle *a = g_ptr_array_index (rows, i);

      if (a->status == TOA_ARTICLE_STATUS_SUBMITTED)
        submitted = a;
      else if (a->status == TOA_ARTICLE_STATUS_DRAFT)
        draft = a;
      else if (a->status == TOA_ARTICLE_STATUS_ARCHIVED)
        archived = a;
    }
  g_assert_nonnull (submitted);
  g_assert_nonnull (draft);
  g_assert_nonnull (archived);

  /* Paragraphs are escaped into the canonical body. */
  full = toa_store_get_article (f->store, submitted->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (full->content->body, ==,
                   "<p>Đoạn thứ nhất &amp; có ký tự &lt;đặc biệt&gt;.</p><p>Đoạn thứ hai.</p>");
  g_assert_cmpstr (submitted->author, ==, "tacgia");
  g_assert_cmpstr (submitted->submitted_by, ==, "tacgia");

  /* The submit carries the file's comment; the archive went through every step. */
  transitions = toa_store_list_transitions (f->store, submitted->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((ToaTransition *) g_ptr_array_index (transitions, transitions->len - 1))->comment,
                   ==, "Kính trình anh duyệt.");
  g_clear_pointer (&transitions, g_ptr_array_unref);
  transitions = toa_store_list_transitions (f->store, archived->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transitions->len, >=, 4);

  /* A draft's comment is a comment on the article. */
  comments = toa_store_list_comments (f->store, draft->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (((ToaComment *) g_ptr_array_index (comments, 0))->text, ==, "Chờ số liệu tháng 11.");

  /* "Thông báo" from users.json, "Tin tức" from an article. */
  categories = toa_store_list_categories (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 2);
}

static void
test_not_empty (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  gint64 before;

  g_assert_true (toa_demo_load (f->store, NULL, &error));
  before = toa_store_count_articles (f->store, query, NULL);

  g_assert_false (toa_demo_load (f->store, NULL, &error));
  g_assert_error (error, TOA_DEMO_ERROR, TOA_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpint (toa_store_count_articles (f->store, query, NULL), ==, before);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = toa_test_source_path ("tests/fixtures/demo/bad/");
  g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);
  g_autofree char *base = g_str_has_suffix (uri, "/") ? g_strdup (uri) : g_strconcat (uri, "/", NULL);
  gboolean unconfigured = FALSE;

  g_assert_false (toa_demo_load_from (f->store, "file:///nonexistent/demo/", NULL, &error));
  g_assert_error (error, TOA_DEMO_ERROR, TOA_DEMO_ERROR_MISSING);
  g_clear_error (&error);

  g_assert_false (toa_demo_load_from (f->store, base, NULL, &error));
  g_assert_error (error, TOA_DEMO_ERROR, TOA_DEMO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "users.json"));

  g_assert_true (toa_store_is_unconfigured (f->store, &unconfigured, NULL));
  g_assert_true (unconfigured);
}

static void
test_first_office (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  gboolean unconfigured = FALSE;
  gint64 id;

  g_assert_true (toa_store_is_unconfigured (f->store, &unconfigured, &error));
  g_assert_true (unconfigured);

  g_assert_true (toa_setup_first_office (f->store, "QLCN", "Phòng Quản lý Công nghiệp",
                                         "dnguyen", "Đỗ Nguyên", &error));
  g_assert_no_error (error);

  g_assert_true (toa_store_is_unconfigured (f->store, &unconfigured, &error));
  g_assert_false (unconfigured);
  user = toa_store_get_user (f->store, "dnguyen", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->full_name, ==, "Đỗ Nguyên");
  g_assert_cmpstr (user->office, ==, "QLCN");
  g_assert_true (user->roles & TOA_ROLE_ADMIN);
  g_assert_true (user->roles & TOA_ROLE_AUTHOR);
  offices = toa_store_list_offices (f->store, &error);
  g_assert_cmpuint (offices->len, ==, 1);

  /* The new administrator can write at once. */
  {
    g_autoptr(ToaArticleContent) content = toa_article_content_new ();

    content->title = g_strdup ("Bài đầu tiên");
    content->body = g_strdup ("<p>Xin chào.</p>");
    id = toa_store_create_article (f->store, "QLCN", content, "dnguyen", &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
  }

  /* A second office of the same code is refused with the store's error. */
  g_assert_false (toa_setup_first_office (f->store, "QLCN", "Khác", "khac", "Người Khác", &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/demo/statuses", test_demo_statuses);
  ADD ("/demo/times", test_demo_times);
  ADD ("/demo/directory", test_demo_directory);
  ADD ("/demo/photos", test_demo_photos);
  ADD ("/demo/small-fixture", test_small_fixture);
  ADD ("/demo/not-empty", test_not_empty);
  ADD ("/demo/bad-files", test_bad_files);
  ADD ("/demo/first-office", test_first_office);

#undef ADD
  return g_test_run ();
}
