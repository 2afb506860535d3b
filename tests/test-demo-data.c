/* test-demo-data.c — the demo articles, users and photos are consistent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/demo/ seeds the demo database and the screenshots: every article
 * must be one the app would accept and approve (clean Vietnamese, the
 * portal's shape), written by a user who exists, with photos that exist.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "toa-article-content.h"
#include "toa-test-utils.h"
#include "toa-vn-legacy.h"

static JsonNode *
load_json (const char *relative)
{
  g_autofree char *path = toa_test_source_path (relative);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Clean text: NFC, no legacy runs, every accented word a syllable. */
static void
assert_clean_vietnamese (const char *text)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (text);
  g_assert_cmpstr (text, !=, "");
  issues = toa_vn_text_check (text, &error);
  g_assert_no_error (error);
  if (issues->len > 0)
    g_error ("%s: %u issue(s) in “%s”", G_STRFUNC, issues->len, text);

  words = g_regex_split_simple ("[\\s,.;:!?()/%\"“”-]+", text, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean accented = FALSE;

      for (const char *p = words[i]; *p != '\0'; p++)
        accented |= (guchar) *p >= 0x80;
      if (accented && !toa_vn_word_is_syllable (words[i]))
        g_error ("“%s” is not a Vietnamese syllable, in: %s", words[i], text);
    }
}

static JsonObject *
find_user (JsonArray  *users,
           const char *login)
{
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);

      if (g_strcmp0 (json_object_get_string_member (user, "login"), login) == 0)
        return user;
    }
  return NULL;
}

static gboolean
has_role (JsonObject *user,
          const char *role)
{
  JsonArray *roles = json_object_get_array_member (user, "roles");

  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      if (g_strcmp0 (json_array_get_string_element (roles, i), role) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_users (void)
{
  g_autoptr(JsonNode) root = load_json ("data/demo/users.json");
  JsonObject *object = json_node_get_object (root);
  JsonArray *offices = json_object_get_array_member (object, "offices");
  JsonArray *users = json_object_get_array_member (object, "users");
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) logins = g_hash_table_new (g_str_hash, g_str_equal);
  static const char *const roles[] = { "author", "approver", "leader", "publisher", "admin" };

  g_assert_cmpuint (json_array_get_length (offices), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *office = json_array_get_object_element (offices, i);

      g_hash_table_add (codes, (gpointer) json_object_get_string_member (office, "code"));
      assert_clean_vietnamese (json_object_get_string_member (office, "name"));
    }
  g_assert_true (g_hash_table_contains (codes, "QLCN"));
  g_assert_true (g_hash_table_contains (codes, "QLTM"));
  g_assert_true (g_hash_table_contains (codes, "KHTCTH"));
  g_assert_true (g_hash_table_contains (codes, "VP"));

  g_assert_cmpuint (json_array_get_length (users), >=, 6);
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);
      const char *login = json_object_get_string_member (user, "login");

      g_assert_true (g_regex_match_simple ("^[a-z][a-z0-9]+$", login, 0, 0));
      g_assert_true (g_hash_table_add (logins, (gpointer) login));
      assert_clean_vietnamese (json_object_get_string_member (user, "name"));
      g_assert_true (g_hash_table_contains (codes, json_object_get_string_member (user, "office")));
    }
  for (gsize r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (users); i++)
        found |= has_role (json_array_get_object_element (users, i), roles[r]);
      g_assert_true (found);
    }
}

/* The PNG signature and an 800×500 IHDR. */
static void
assert_photo (const char *name)
{
  g_autofree char *relative = g_build_filename ("data/demo/photos", name, NULL);
  g_autofree char *path = toa_test_source_path (relative);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 800);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 500);
}

/* The lead opens with the event's date: "Sáng ngày 14/10/2026, …". */
static void
assert_lead_date (const char *lead,
                  const char *event_date)
{
  g_autoptr(GRegex) regex = g_regex_new ("^(Sáng ngày|Chiều ngày|Tối ngày|Ngày) "
                                         "(\\d{1,2})/(\\d{1,2})/(\\d{4}), ", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;
  g_autofree char *iso = NULL;

  if (!g_regex_match (regex, lead, 0, &match))
    g_error ("the lead does not open with a date: %s", lead);
  day = g_match_info_fetch (match, 2);
  month = g_match_info_fetch (match, 3);
  year = g_match_info_fetch (match, 4);
  iso = g_strdup_printf ("%s-%02d-%02d", year, atoi (month), atoi (day));
  g_assert_cmpstr (iso, ==, event_date);
}

static void
check_article (JsonObject *article,
               JsonArray  *users)
{
  const char *office = json_object_get_string_member (article, "office");
  const char *login = json_object_get_string_member (article, "author_login");
  const char *author = json_object_get_string_member (article, "author_name");
  JsonArray *paragraphs = json_object_get_array_member (article, "paragraphs");
  JsonArray *captions = json_object_get_array_member (article, "captions");
  JsonObject *user = find_user (users, login);
  g_autofree char *byline = g_strdup_printf ("%s - P. %s", author, office);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ToaArticleContent) content = toa_article_content_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  g_assert_nonnull (user);
  g_assert_true (has_role (user, "author"));
  g_assert_cmpstr (json_object_get_string_member (user, "office"), ==, office);
  g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, author);
  g_assert_cmpstr (json_object_get_string_member (article, "byline"), ==, byline);

  assert_clean_vietnamese (json_object_get_string_member (article, "title"));
  assert_clean_vietnamese (json_object_get_string_member (article, "lead"));
  assert_lead_date (json_object_get_string_member (article, "lead"),
                    json_object_get_string_member (article, "event_date"));

  g_assert_cmpuint (json_array_get_length (paragraphs), >=, 4);
  g_assert_cmpuint (json_array_get_length (paragraphs), <=, 7);
  for (guint i = 0; i < json_array_get_length (paragraphs); i++)
    {
      const char *paragraph = json_array_get_string_element (paragraphs, i);

      assert_clean_vietnamese (paragraph);
      g_string_append_printf (text, "%s\n\n", paragraph);
    }

  g_assert_cmpuint (json_array_get_length (captions), >=, 1);
  g_assert_cmpuint (json_array_get_length (captions), <=, 2);
  for (guint i = 0; i < json_array_get_length (captions); i++)
    {
      JsonObject *caption = json_array_get_object_element (captions, i);

      assert_clean_vietnamese (json_object_get_string_member (caption, "text"));
      assert_photo (json_object_get_string_member (caption, "photo"));
    }

  /* It makes a well-formed revision. */
  content->title = g_strdup (json_object_get_string_member (article, "title"));
  content->lead = g_strdup (json_object_get_string_member (article, "lead"));
  content->body = toa_body_from_plain_text (text->str);
  content->byline = g_strdup (byline);
  content->category = g_strdup (json_object_get_string_member (article, "category"));
  content->event_date = g_strdup (json_object_get_string_member (article, "event_date"));
  hash = toa_article_content_hash (content, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hash);
}

static void
test_articles (void)
{
  g_autoptr(JsonNode) users_root = load_json ("data/demo/users.json");
  g_autoptr(JsonNode) root = load_json ("data/demo/articles.json");
  JsonArray *users = json_object_get_array_member (json_node_get_object (users_root), "users");
  JsonArray *articles = json_node_get_array (root);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  static const char *const expected[] = {
    "draft", "submitted", "approved", "published", "archived",
    "Tin tức", "Thông báo", "Sự kiện", "QLCN", "QLTM", "KHTCTH", "VP",
  };

  g_assert_cmpuint (json_array_get_length (articles), >=, 12);
  g_assert_cmpuint (json_array_get_length (articles), <=, 15);
  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *article = json_array_get_object_element (articles, i);

      g_test_message ("article %u: %s", i, json_object_get_string_member (article, "title"));
      check_article (article, users);
      g_hash_table_add (seen, (gpointer) json_object_get_string_member (article, "status"));
      g_hash_table_add (seen, (gpointer) json_object_get_string_member (article, "category"));
      g_hash_table_add (seen, (gpointer) json_object_get_string_member (article, "office"));
    }
  /* Nothing else: every value is one of these. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, G_N_ELEMENTS (expected));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_hash_table_contains (seen, expected[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-data/users", test_users);
  g_test_add_func ("/demo-data/articles", test_articles);

  return g_test_run ();
}
