/* test-cli-store.c — the toasoan-cli contract end to end, through the
 * real binary (TOASOAN_CLI) on a real database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "toa-test-newsroom.h"

typedef struct
{
  char *dir;
  char *db;
  char *out;
  char *err;
} Cli;

/* Runs toasoan-cli --db <db> [--as LOGIN] ARGS…; keeps stdout/stderr. */
static int
run (Cli        *cli,
     const char *as,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *env[] = { "LANGUAGE", "en", NULL };
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, cli->db);
  if (as != NULL)
    {
      g_ptr_array_add (args, (char *) "--as");
      g_ptr_array_add (args, (char *) as);
    }
  va_start (ap, as);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->err, g_free);
  return toa_test_run_cli ((const char * const *) args->pdata, env, &cli->out, &cli->err);
}

static void
cli_setup (Cli           *cli,
           gconstpointer  data)
{
  cli->dir = toa_test_make_tmpdir ();
  cli->db = g_build_filename (cli->dir, "cli.db", NULL);

  g_assert_cmpint (run (cli, NULL, "init", NULL), ==, 0);
  g_assert_cmpint (run (cli, NULL, "office", "add", "QLCN", "Phòng Quản lý Công nghiệp", NULL), ==, 0);
  g_assert_cmpint (run (cli, NULL, "category", "add", "Tin tức", NULL), ==, 0);
  g_assert_cmpint (run (cli, NULL, "user", "add", "quan", "Trần Quân", "--office", "QLCN", "--role", "author", NULL), ==, 0);
  g_assert_cmpint (run (cli, "quan", "user", "add", "an", "Nguyễn Văn An", "--office", "QLCN", "--role", "author", NULL), ==, 0);
  g_assert_cmpint (run (cli, "quan", "user", "add", "chi", "Phạm Chi", "--office", "QLCN",
                        "--role", "approver", "--role", "author", NULL), ==, 0);
  g_assert_cmpint (run (cli, "quan", "user", "add", "phuong", "Bùi Phương", "--role", "publisher", NULL), ==, 0);
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

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gint64
new_article (Cli        *cli,
             const char *as,
             const char *title)
{
  g_assert_cmpint (run (cli, as, "article", "new", "--title", title, "--category", "Tin tức", NULL), ==, 0);
  return g_ascii_strtoll (cli->out, NULL, 10);
}

static void
test_directory (Cli           *cli,
                gconstpointer  data)
{
  g_autoptr(JsonNode) users = NULL;
  JsonArray *array;
  JsonObject *quan;

  /* The first user became admin; a non-admin may not add users. */
  g_assert_cmpint (run (cli, "an", "user", "add", "x", "X", "--office", "QLCN", "--role", "author", NULL), ==, 4);
  g_assert_nonnull (strstr (cli->err, "Only an administrator"));
  g_assert_cmpint (run (cli, "quan", "user", "add", "y", "Y", "--role", "boss", NULL), ==, 2);
  g_assert_cmpint (run (cli, "quan", "office", "add", "QLCN", "Trùng", NULL), ==, 6);

  g_assert_cmpint (run (cli, NULL, "user", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (cli->out, "quan\tTrần Quân\tQLCN\tauthor,admin\n"));

  {
    const char *args[] = { "--db", cli->db, "--json", "user", "list", NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (toa_test_run_cli (args, NULL, &out, NULL), ==, 0);
    users = parse_json (out);
  }
  array = json_node_get_array (users);
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  quan = json_array_get_object_element (array, 3);
  g_assert_cmpstr (json_object_get_string_member (quan, "login"), ==, "quan");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (quan, "roles")), ==, 2);

  g_assert_cmpint (run (cli, NULL, "office", "list", NULL), ==, 0);
  g_assert_cmpstr (cli->out, ==, "QLCN\tPhòng Quản lý Công nghiệp\n");
}

static void
test_article_cycle (Cli           *cli,
                    gconstpointer  data)
{
  g_autofree char *body = g_build_filename (cli->dir, "body.txt", NULL);
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) history = NULL;
  JsonObject *article;
  JsonArray *events;
  gint64 id;
  g_autofree char *id_text = NULL;
  g_autofree char *expected = NULL;

  g_file_set_contents (body, "Đoạn một.\n\nĐoạn hai có “ngoặc” & ký hiệu <b>.\n", -1, NULL);
  g_assert_cmpint (run (cli, "an", "article", "new", "--title", "Hội nghị xúc tiến thương mại",
                        "--lead", "Sáng 20/11", "--body-file", body, "--byline", "Đỗ Nguyên - P. QLCN",
                        NULL), ==, 0);
  id = g_ascii_strtoll (cli->out, NULL, 10);
  g_assert_cmpint (id, >, 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_assert_cmpint (run (cli, "an", "article", "edit", id_text, "--expect-version", "1",
                        "--title", "Hội nghị xúc tiến thương mại 2026", NULL), ==, 0);
  g_assert_cmpstr (cli->out, ==, "2\n");
  /* Someone editing from version 1 now conflicts: exit 3, nothing lost. */
  g_assert_cmpint (run (cli, "chi", "article", "edit", id_text, "--expect-version", "1",
                        "--title", "Bản cũ", NULL), ==, 3);
  g_assert_nonnull (strstr (cli->err, "version 1"));
  g_assert_nonnull (strstr (cli->err, "version 2"));

  g_assert_cmpint (run (cli, "an", "submit", id_text, NULL), ==, 0);
  g_assert_cmpint (run (cli, "an", "approve", id_text, NULL), ==, 4);
  g_assert_cmpint (run (cli, "chi", "return", id_text, NULL), ==, 6);
  g_assert_nonnull (strstr (cli->err, "needs a comment"));
  g_assert_cmpint (run (cli, "chi", "approve", id_text, "--comment", "Đồng ý", NULL), ==, 0);
  g_assert_cmpint (run (cli, "phuong", "publish", id_text, NULL), ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Article %s is now “Published”\n", id_text);
  g_assert_cmpstr (cli->out, ==, expected);

  {
    const char *args[] = { "--db", cli->db, "--json", "article", "show", id_text, NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (toa_test_run_cli (args, NULL, &out, NULL), ==, 0);
    shown = parse_json (out);
  }
  article = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (article, "status"), ==, "published");
  g_assert_cmpint (json_object_get_int_member (article, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (article, "title"), ==, "Hội nghị xúc tiến thương mại 2026");
  g_assert_cmpstr (json_object_get_string_member (article, "body"), ==,
                   "<p>Đoạn một.</p><p>Đoạn hai có “ngoặc” &amp; ký hiệu &lt;b&gt;.</p>");
  g_assert_cmpint (json_object_get_int_member (article, "published_revision"), ==,
                   json_object_get_int_member (article, "current_revision"));

  {
    const char *args[] = { "--db", cli->db, "--json", "article", "history", id_text, NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (toa_test_run_cli (args, NULL, &out, NULL), ==, 0);
    history = parse_json (out);
  }
  events = json_node_get_array (history);
  /* 2 revisions + create, submit, approve, publish. */
  g_assert_cmpuint (json_array_get_length (events), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 0), "type"), ==,
                   "revision");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 5), "action"), ==,
                   "publish");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 4), "comment"), ==,
                   "Đồng ý");

  g_assert_cmpint (run (cli, NULL, "article", "show", id_text, NULL), ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Article %s — Published — office QLCN", id_text);
  g_assert_true (g_str_has_prefix (cli->out, expected));
  g_assert_nonnull (strstr (cli->out, "Đoạn hai có “ngoặc” & ký hiệu <b>."));
}

static void
test_list_and_search (Cli           *cli,
                      gconstpointer  data)
{
  gint64 a = new_article (cli, "an", "Hội chợ Đồng Tháp");
  gint64 b = new_article (cli, "chi", "Phát triển công nghiệp nông thôn");
  g_autofree char *b_text = g_strdup_printf ("%" G_GINT64_FORMAT, b);
  g_autofree char *expected = NULL;

  g_assert_cmpint (run (cli, "chi", "submit", b_text, NULL), ==, 0);
  g_assert_cmpint (run (cli, NULL, "article", "list", "--status", "submitted", NULL), ==, 0);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tsubmitted\tQLCN\t1\tPhát triển công nghiệp nông thôn\n", b);
  g_assert_cmpstr (cli->out, ==, expected);
  g_assert_cmpint (run (cli, "an", "article", "list", "--mine", NULL), ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tdraft\tQLCN\t1\tHội chợ Đồng Tháp\n", a);
  g_assert_cmpstr (cli->out, ==, expected);
  g_assert_cmpint (run (cli, NULL, "article", "list", "--status", "bogus", NULL), ==, 2);

  g_assert_cmpint (run (cli, NULL, "search", "dong thap", NULL), ==, 0);
  g_assert_cmpstr (cli->out, ==, expected);
  g_assert_cmpint (run (cli, NULL, "search", "cong nghiep", "--status", "draft", NULL), ==, 0);
  g_assert_cmpstr (cli->out, ==, "");
  g_assert_cmpint (run (cli, NULL, "search", "cong nghiep", "--office", "QLCN", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (cli->out, b_text));
}

static void
test_errors (Cli           *cli,
             gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (cli->dir, "latin1.txt", NULL);
  g_autofree char *text = g_build_filename (cli->dir, "notes.txt", NULL);
  const char *vi[] = { "LANGUAGE", "vi", NULL };
  g_autofree char *err = NULL;
  gint64 before;

  g_assert_cmpint (run (cli, "an", "article", "show", "4242", NULL), ==, 5);
  g_assert_nonnull (strstr (cli->err, "There is no article 4242"));
  g_assert_cmpint (run (cli, "an", "article", "show", "abc", NULL), ==, 2);
  g_assert_cmpint (run (cli, "an", "submit", NULL), ==, 2);
  g_assert_cmpint (run (cli, "nobody", "article", "new", "--title", "X", NULL), ==, 5);
  g_assert_cmpint (run (cli, "an", "article", "new", "--title", "   ", NULL), ==, 6);
  g_assert_cmpint (run (cli, "an", "article", "new", "--lead", "no title", NULL), ==, 2);

  g_assert_cmpint (run (cli, "an", "article", "new", "--title", "Ti\xea\xff u", NULL), ==, 6);
  g_assert_nonnull (strstr (cli->err, "not valid UTF-8"));
  g_file_set_contents (bad, "Ti\xea\xf1 t\xfd\xe9" "c\n", -1, NULL);
  g_assert_cmpint (run (cli, "an", "article", "new", "--title", "Tin", "--body-file", bad, NULL), ==, 6);
  before = newsroom_sql_int (cli->db, "SELECT count(*) FROM articles");
  g_assert_cmpint (before, ==, 0);

  /* Only init creates a database. */
  {
    g_autofree char *missing = g_build_filename (cli->dir, "typo.db", NULL);
    const char *args[] = { "--db", missing, "article", "list", NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (toa_test_run_cli (args, NULL, &out, NULL), ==, 5);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* A file that is not a database: refused, left as it was. */
  g_file_set_contents (text, "không phải cơ sở dữ liệu", -1, NULL);
  {
    const char *args[] = { "--db", text, "--as", "an", "check", NULL };

    g_assert_cmpint (toa_test_run_cli (args, vi, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "không phải"));
  }
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (text, &contents, NULL, NULL);
    g_assert_cmpstr (contents, ==, "không phải cơ sở dữ liệu");
  }
}

static void
test_errors_translated (Cli           *cli,
                        gconstpointer  data)
{
  const char *args[] = { "--db", cli->db, "--as", "an", "article", "show", "4242", NULL };
  const char *vi[] = { "LANGUAGE", "vi", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (toa_test_run_cli (args, vi, NULL, &err), ==, 5);
  g_assert_nonnull (strstr (err, "Không có bài viết 4242"));
}

static void
test_backup_and_check (Cli           *cli,
                       gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (cli->dir, "copy.db", NULL);

  new_article (cli, "an", "Bài sao lưu");
  g_assert_cmpint (run (cli, NULL, "backup", dest, NULL), ==, 0);
  g_assert_cmpint (newsroom_sql_int (dest, "SELECT count(*) FROM articles"), ==, 1);
  g_assert_cmpint (run (cli, NULL, "backup", dest, NULL), ==, 6);
  g_assert_cmpint (run (cli, NULL, "check", NULL), ==, 0);
  g_assert_cmpstr (cli->out, ==, "Integrity: ok\nSchema version: 5\n");
}

static void
test_default_user_is_os_login (Cli           *cli,
                               gconstpointer  data)
{
  g_autofree char *name = g_strdup (g_get_user_name ());

  /* Without --as the OS login acts, and it must exist as a user. */
  g_assert_cmpint (run (cli, NULL, "article", "new", "--title", "Ai đó", NULL), ==, 5);
  g_assert_nonnull (strstr (cli->err, name));
  g_assert_cmpint (run (cli, "quan", "user", "add", name, "Người chạy thử", "--office", "QLCN",
                        "--role", "author", NULL), ==, 0);
  g_assert_cmpint (run (cli, NULL, "article", "new", "--title", "Ai đó", NULL), ==, 0);
  g_assert_cmpint (run (cli, NULL, "article", "list", "--mine", NULL), ==, 0);
  g_assert_nonnull (strstr (cli->out, "Ai đó"));
}

/* approve goes through the checklist, as the application's approval
 * does: refused (exit 4, nothing changed) until the article passes or a
 * reason to override is given, which the trail keeps. A new article's
 * byline defaults to the author's "Name - P. OFFICE". */
static void
test_approve_checked (Cli           *cli,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *id_text = NULL;
  JsonObject *article;

  /* No lead: the checklist fails on it. */
  g_assert_cmpint (run (cli, "an", "article", "new", "--title", "Tin chưa có sapo", NULL), ==, 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, g_ascii_strtoll (cli->out, NULL, 10));
  g_assert_cmpint (run (cli, "an", "submit", id_text, NULL), ==, 0);

  g_assert_cmpint (run (cli, "chi", "approve", id_text, NULL), ==, 4);
  g_assert_nonnull (strstr (cli->err, "checklist"));
  g_assert_nonnull (strstr (cli->err, "Lead present"));
  g_assert_cmpint (run (cli, "chi", "withdraw", id_text, "--override", "x", NULL), ==, 2);

  {
    const char *args[] = { "--db", cli->db, "--json", "article", "show", id_text, NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (toa_test_run_cli (args, NULL, &out, NULL), ==, 0);
    shown = parse_json (out);
  }
  article = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (article, "status"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (article, "byline"), ==, "Nguyễn Văn An - P. QLCN");

  g_assert_cmpint (run (cli, "chi", "approve", id_text, "--override", "Tin gấp, bổ sung sapo sau", NULL), ==, 0);
  g_assert_cmpint (run (cli, "chi", "article", "history", id_text, NULL), ==, 0);
  g_assert_nonnull (strstr (cli->out, "Tin gấp, bổ sung sapo sau"));
  g_assert_nonnull (strstr (cli->out, "approve: submitted → approved by chi"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/cli-store/" path, Cli, NULL, cli_setup, func, cli_teardown)

  ADD ("directory", test_directory);
  ADD ("article-cycle", test_article_cycle);
  ADD ("approve-checked", test_approve_checked);
  ADD ("list-and-search", test_list_and_search);
  ADD ("errors", test_errors);
  ADD ("errors-translated", test_errors_translated);
  ADD ("backup-and-check", test_backup_and_check);
  ADD ("default-user-is-os-login", test_default_user_is_os_login);

  return g_test_run ();
}
