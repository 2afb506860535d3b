/* test-cli-directory.c — office/category/user set, retire and restore
 * through the real toasoan-cli binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "toa-store.h"
#include "toa-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
  char *out;
  char *err;
} Cli;

#define CLI(cli, as, ...) toa_test_cli ((cli)->db, as, &(cli)->out, &(cli)->err, __VA_ARGS__, NULL)

static void
cli_setup (Cli           *cli,
           gconstpointer  data)
{
  cli->dir = toa_test_make_tmpdir ();
  cli->db = g_build_filename (cli->dir, "cli.db", NULL);

  g_assert_cmpint (CLI (cli, NULL, "init"), ==, 0);
  g_assert_cmpint (CLI (cli, NULL, "office", "add", "QLCN", "Phòng Quản lý Công nghiệp"), ==, 0);
  g_assert_cmpint (CLI (cli, NULL, "office", "add", "KHTC", "Phòng Kế hoạch - Tài chính"), ==, 0);
  g_assert_cmpint (CLI (cli, NULL, "category", "add", "Tin tức"), ==, 0);
  g_assert_cmpint (CLI (cli, NULL, "user", "add", "quan", "Trần Quân", "--office", "QLCN"), ==, 0);
  g_assert_cmpint (CLI (cli, "quan", "user", "add", "an", "Nguyễn Văn An", "--office", "QLCN",
                        "--role", "author"), ==, 0);
}

static void
cli_teardown (Cli           *cli,
              gconstpointer  data)
{
  toa_test_remove_tree (cli->dir);
  g_free (cli->dir);
  g_free (cli->db);
  g_free (cli->out);
  g_free (cli->err);
}

/* The object of `… list --json` whose @key is @value. */
static JsonObject *
find_json (Cli        *cli,
           const char *key,
           const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  json_parser_load_from_data (parser, cli->out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *text = NULL;

      if (json_object_get_member (object, key) == NULL)
        continue;
      if (json_node_get_value_type (json_object_get_member (object, key)) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, key));
      else
        text = g_strdup (json_object_get_string_member (object, key));
      if (g_strcmp0 (text, value) == 0)
        return json_object_ref (object);
    }
  g_assert_not_reached ();
}

static void
test_office (Cli           *cli,
             gconstpointer  data)
{
  g_autoptr(JsonObject) office = NULL;

  g_assert_cmpint (CLI (cli, "quan", "office", "set", "QLCN", "Phòng Quản lý Công nghiệp và Năng lượng"), ==, 0);
  g_assert_cmpint (CLI (cli, "an", "office", "set", "QLCN", "Khác"), ==, 4);
  g_assert_nonnull (strstr (cli->err, "administrator"));
  g_assert_cmpint (CLI (cli, "quan", "office", "set", "NOPE", "Khác"), ==, 5);
  g_assert_cmpint (CLI (cli, "quan", "office", "set", "QLCN", " "), ==, 6);
  g_assert_cmpint (CLI (cli, "quan", "office", "retire", "KHTC"), ==, 0);
  g_assert_cmpint (CLI (cli, "quan", "office", "list"), ==, 0);
  g_assert_cmpstr (cli->out, ==, "KHTC\tPhòng Kế hoạch - Tài chính\tretired\n"
                                 "QLCN\tPhòng Quản lý Công nghiệp và Năng lượng\n");
  /* People still in QLCN: it stays. */
  g_assert_cmpint (CLI (cli, "quan", "office", "retire", "QLCN"), ==, 6);
  g_assert_cmpint (CLI (cli, "quan", "office", "restore", "KHTC"), ==, 0);
  g_assert_cmpint (CLI (cli, "quan", "--json", "office", "list"), ==, 0);
  office = find_json (cli, "code", "KHTC");
  g_assert_false (json_object_get_boolean_member (office, "retired"));
  g_assert_cmpint (CLI (cli, "quan", "office", "retire"), ==, 2);
}

static void
test_category (Cli           *cli,
               gconstpointer  data)
{
  g_autoptr(JsonObject) category = NULL;
  g_autofree char *id = NULL;

  g_assert_cmpint (CLI (cli, "quan", "category", "add", "Thông báo"), ==, 0);
  id = g_strstrip (g_strdup (cli->out));
  g_assert_cmpint (CLI (cli, "quan", "category", "set", id, "Thông báo mời thầu"), ==, 0);
  g_assert_cmpint (CLI (cli, "quan", "category", "set", id, "Tin tức"), ==, 6);
  g_assert_cmpint (CLI (cli, "quan", "category", "set", "abc", "Tin"), ==, 2);
  g_assert_cmpint (CLI (cli, "quan", "category", "retire", "999"), ==, 5);
  g_assert_cmpint (CLI (cli, "an", "category", "retire", id), ==, 4);
  g_assert_cmpint (CLI (cli, "quan", "category", "retire", id), ==, 0);
  g_assert_cmpint (CLI (cli, "quan", "--json", "category", "list"), ==, 0);
  category = find_json (cli, "id", id);
  g_assert_cmpstr (json_object_get_string_member (category, "name"), ==, "Thông báo mời thầu");
  g_assert_true (json_object_get_boolean_member (category, "retired"));
  /* No new article in a retired category. */
  g_assert_cmpint (CLI (cli, "an", "article", "new", "--title", "Mời thầu", "--category", "Thông báo mời thầu"),
                   ==, 6);
  g_assert_cmpint (CLI (cli, "quan", "category", "restore", id), ==, 0);
  g_assert_cmpint (CLI (cli, "an", "article", "new", "--title", "Mời thầu", "--category", "Thông báo mời thầu"),
                   ==, 0);
}

static void
test_user (Cli           *cli,
           gconstpointer  data)
{
  g_autoptr(JsonObject) user = NULL;
  JsonArray *roles;

  g_assert_cmpint (CLI (cli, "quan", "user", "set", "an", "--name", "Nguyễn Văn Ân", "--office", "KHTC",
                        "--role", "author", "--role", "approver"), ==, 0);
  g_assert_cmpint (CLI (cli, "quan", "--json", "user", "list"), ==, 0);
  user = find_json (cli, "login", "an");
  g_assert_cmpstr (json_object_get_string_member (user, "full_name"), ==, "Nguyễn Văn Ân");
  g_assert_cmpstr (json_object_get_string_member (user, "office"), ==, "KHTC");
  roles = json_object_get_array_member (user, "roles");
  g_assert_cmpuint (json_array_get_length (roles), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (roles, 1), ==, "approver");
  g_assert_false (json_object_get_boolean_member (user, "retired"));

  /* What is not given stays. */
  g_assert_cmpint (CLI (cli, "quan", "user", "set", "an", "--no-office"), ==, 0);
  g_assert_cmpint (CLI (cli, "quan", "user", "list"), ==, 0);
  g_assert_nonnull (strstr (cli->out, "an\tNguyễn Văn Ân\t-\tauthor,approver\n"));

  g_assert_cmpint (CLI (cli, "quan", "user", "set", "an", "--role", "boss"), ==, 2);
  g_assert_cmpint (CLI (cli, "quan", "user", "set", "an", "--office", "NOPE"), ==, 6);
  g_assert_cmpint (CLI (cli, "quan", "user", "set", "nobody", "--name", "X"), ==, 5);
  g_assert_cmpint (CLI (cli, "an", "user", "set", "an", "--role", "admin"), ==, 4);
  /* The last administrator stays one. */
  g_assert_cmpint (CLI (cli, "quan", "user", "set", "quan", "--role", "author"), ==, 6);
  g_assert_nonnull (strstr (cli->err, "last administrator"));
  g_assert_cmpint (CLI (cli, "quan", "user", "retire", "quan"), ==, 6);

  g_assert_cmpint (CLI (cli, "quan", "user", "retire", "an"), ==, 0);
  g_assert_cmpint (CLI (cli, "quan", "user", "list"), ==, 0);
  g_assert_nonnull (strstr (cli->out, "an\tNguyễn Văn Ân\t-\tauthor,approver\tretired\n"));
  /* A retired user can no longer act. */
  g_assert_cmpint (CLI (cli, "an", "article", "new", "--title", "Bài mới", "--office", "QLCN"), ==, 4);
  g_assert_nonnull (strstr (cli->err, "retired"));
  g_assert_cmpint (CLI (cli, "quan", "user", "restore", "an"), ==, 0);
  g_assert_cmpint (CLI (cli, "quan", "user", "set", "an", "--office", "QLCN"), ==, 0);
  g_assert_cmpint (CLI (cli, "an", "article", "new", "--title", "Bài mới", "--office", "QLCN"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli-directory/" path, Cli, NULL, cli_setup, func, cli_teardown)

  ADD ("office", test_office);
  ADD ("category", test_category);
  ADD ("user", test_user);

  return g_test_run ();
}
