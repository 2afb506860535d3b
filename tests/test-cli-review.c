/* test-cli-review.c — the review desk through toasoan-cli: diff, comments,
 * checklist, revert, report, and their exit codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "toa-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
  char *body;
  char *out;
  char *err;
} Fixture;

#define CLI(f, as, ...) toa_test_cli ((f)->db, as, &(f)->out, &(f)->err, __VA_ARGS__, NULL)

#define PARAGRAPH_1 "Đoàn công tác đã khảo sát cụm công nghiệp Ninh Xuân."
#define PARAGRAPH_2 "Kết quả cho thấy tỷ lệ lấp đầy đạt 72%."

static void
write_body (Fixture    *f,
            const char *text)
{
  g_assert_true (g_file_set_contents (f->body, text, -1, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = toa_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "review.db", NULL);
  f->body = g_build_filename (f->dir, "body.txt", NULL);
  write_body (f, PARAGRAPH_1 "\n\n" PARAGRAPH_2 "\n");

  g_assert_cmpint (CLI (f, NULL, "init"), ==, 0);
  g_assert_cmpint (CLI (f, NULL, "office", "add", "QLCN", "Phòng Quản lý Công nghiệp"), ==, 0);
  g_assert_cmpint (CLI (f, NULL, "category", "add", "Tin tức"), ==, 0);
  g_assert_cmpint (CLI (f, NULL, "user", "add", "admin", "Quản trị", "--office", "QLCN", "--role", "admin"), ==, 0);
  g_assert_cmpint (CLI (f, "admin", "user", "add", "nguyen", "Đỗ Nguyên", "--office", "QLCN", "--role", "author"), ==, 0);
  g_assert_cmpint (CLI (f, "admin", "user", "add", "lan", "Trần Thị Lan", "--office", "QLCN", "--role", "approver"), ==, 0);
  g_assert_cmpint (CLI (f, "nguyen", "article", "new", "--title", "Khảo sát cụm công nghiệp Ninh Xuân",
                        "--lead", "Sáng ngày 20/11/2026, Sở Công Thương khảo sát cụm công nghiệp.",
                        "--body-file", f->body, "--category", "Tin tức", "--office", "QLCN",
                        "--byline", "Đỗ Nguyên - P. QLCN"), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  toa_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->body);
  g_free (f->out);
  g_free (f->err);
}

static gint64
sql_int (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
sql_text (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gint64
version (Fixture *f)
{
  return sql_int (f, "SELECT version FROM articles WHERE id = 1");
}

/* Saves @text as the new body of article 1 as nguyen. */
static void
edit_body (Fixture    *f,
           const char *text)
{
  g_autofree char *expect = g_strdup_printf ("%" G_GINT64_FORMAT, version (f));

  write_body (f, text);
  g_assert_cmpint (CLI (f, "nguyen", "article", "edit", "1", "--expect-version", expect,
                        "--body-file", f->body), ==, 0);
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

/* Submitted → returned → edited → resubmitted: the default diff shows
 * only what changed since the return. */
static void
test_diff_default (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (CLI (f, "lan", "diff", "1"), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "Revision 1, compared with nothing (the first revision)\n\n"
                   "== Title ==\n{+Khảo sát cụm công nghiệp Ninh Xuân+}\n\n"
                   "== Lead ==\n{+Sáng ngày 20/11/2026, Sở Công Thương khảo sát cụm công nghiệp.+}\n\n"
                   "== Body ==\n{+" PARAGRAPH_1 "\n\n" PARAGRAPH_2 "+}\n\n"
                   "== Byline ==\n{+Đỗ Nguyên - P. QLCN+}\n\n"
                   "== Category ==\n{+Tin tức+}\n");

  g_assert_cmpint (CLI (f, "nguyen", "submit", "1"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "return", "1", "--comment", "Kiểm tra tỷ lệ lấp đầy"), ==, 0);
  edit_body (f, PARAGRAPH_1 "\n\nKết quả cho thấy tỷ lệ lấp đầy đạt 75%.\n");
  edit_body (f, PARAGRAPH_1 "\n\nKết quả cho thấy tỷ lệ lấp đầy đạt 75%, cao hơn năm trước.\n");
  g_assert_cmpint (CLI (f, "nguyen", "submit", "1"), ==, 0);

  g_assert_cmpint (CLI (f, "lan", "diff", "1"), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "Revision 3 compared with revision 1\n\n"
                   "== Body ==\n" PARAGRAPH_1 "\n\n"
                   "Kết quả cho thấy tỷ lệ lấp đầy đạt [-72-]{+75+}%{+, cao hơn năm trước+}.\n");

  /* --from alone: up to the current revision; --to alone: from the one before. */
  g_assert_cmpint (CLI (f, "lan", "diff", "1", "--from", "2"), ==, 0);
  g_assert_nonnull (strstr (f->out, "Revision 3 compared with revision 2\n"));
  g_assert_nonnull (strstr (f->out, "đạt 75%{+, cao hơn năm trước+}."));
  g_assert_cmpint (CLI (f, "lan", "diff", "1", "--to", "2"), ==, 0);
  g_assert_nonnull (strstr (f->out, "Revision 2 compared with revision 1\n"));
  g_assert_nonnull (strstr (f->out, "đạt [-72-]{+75+}%."));
  g_assert_cmpint (CLI (f, "lan", "diff", "1", "--from", "3", "--to", "3"), ==, 0);
  g_assert_nonnull (strstr (f->out, "No differences\n"));
}

static void
test_diff_json (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *fields, *ops;
  JsonObject *body;

  edit_body (f, PARAGRAPH_1 "\n\nKết quả cho thấy tỷ lệ lấp đầy đạt 75%.\n");
  g_assert_cmpint (CLI (f, "lan", "--json", "diff", "1"), ==, 0);
  root = parse_json (f->out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "article"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "from"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "to"), ==, 2);
  fields = json_object_get_array_member (object, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 8);
  body = json_array_get_object_element (fields, 2);
  g_assert_cmpstr (json_object_get_string_member (body, "field"), ==, "body");
  g_assert_true (json_object_get_boolean_member (body, "changed"));
  ops = json_object_get_array_member (body, "ops");
  g_assert_cmpuint (json_array_get_length (ops), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (ops, 1), "op"), ==, "delete");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (ops, 1), "text"), ==, "72");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (ops, 2), "op"), ==, "insert");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (ops, 2), "text"), ==, "75");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (fields, 0), "changed"));
}

static void
test_diff_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpint (CLI (f, "nguyen", "article", "new", "--title", "Bài khác", "--office", "QLCN"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "diff", "1", "--from", "2"), ==, 5);
  g_assert_cmpint (CLI (f, "lan", "diff", "1", "--to", "99"), ==, 5);
  g_assert_cmpint (CLI (f, "lan", "diff", "42"), ==, 5);
  g_assert_cmpint (CLI (f, "lan", "diff", "abc"), ==, 2);
  g_assert_cmpint (CLI (f, "lan", "diff"), ==, 2);
  g_assert_cmpint (CLI (f, "lan", "diff", "1", "--from", "x"), ==, 2);
}

static JsonObject *
comment_json (JsonNode *root,
              guint     i)
{
  return json_array_get_object_element (json_node_get_array (root), i);
}

static void
test_comments (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *c;

  /* "tỷ lệ lấp đầy" is characters 71..84 of the body text (the first
   * paragraph is 52 characters, then a blank line). */
  g_assert_cmpint (CLI (f, "lan", "comment", "add", "1", "--text", "Nguồn số liệu?", "--range", "71:84"), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n");
  g_assert_cmpint (CLI (f, "lan", "comment", "add", "1", "--text", "Tên cụm công nghiệp?", "--range", "26:51"), ==, 0);
  g_assert_cmpstr (f->out, ==, "2\n");
  g_assert_cmpint (CLI (f, "lan", "comment", "add", "1", "--text", "Nhìn chung tốt"), ==, 0);
  g_assert_cmpstr (f->out, ==, "3\n");

  g_assert_cmpint (CLI (f, "lan", "comment", "list", "1"), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "1\topen\tlan\t"));
  g_assert_nonnull (strstr (f->out, "\t71:84\tNguồn số liệu?\n"));
  g_assert_nonnull (strstr (f->out, "\t-\tNhìn chung tốt\n"));

  g_assert_cmpint (CLI (f, "lan", "--json", "comment", "list", "1"), ==, 0);
  before = parse_json (f->out);
  c = comment_json (before, 0);
  g_assert_cmpstr (json_object_get_string_member (c, "anchor"), ==, "attached");
  g_assert_cmpstr (json_object_get_string_member (c, "anchor_text"), ==, "tỷ lệ lấp đầy");
  c = comment_json (before, 1);
  g_assert_cmpstr (json_object_get_string_member (c, "anchor_text"), ==, "cụm công nghiệp Ninh Xuân");

  /* A new first paragraph moves the first anchor; the second one's text
   * is rewritten: detached, but the comment stays. */
  edit_body (f, "Mở đầu.\n\nĐoàn công tác đã khảo sát khu sản xuất.\n\n" PARAGRAPH_2 "\n");
  g_assert_cmpint (CLI (f, "lan", "--json", "comment", "list", "1"), ==, 0);
  after = parse_json (f->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (after)), ==, 3);
  c = comment_json (after, 0);
  g_assert_cmpstr (json_object_get_string_member (c, "anchor"), ==, "moved");
  g_assert_cmpint (json_object_get_int_member (c, "start"), ==, 67);
  c = comment_json (after, 1);
  g_assert_cmpstr (json_object_get_string_member (c, "anchor"), ==, "detached");
  g_assert_cmpstr (json_object_get_string_member (c, "text"), ==, "Tên cụm công nghiệp?");
  g_assert_cmpint (CLI (f, "lan", "comment", "list", "1"), ==, 0);
  g_assert_nonnull (strstr (f->out, "\tdetached\tTên cụm công nghiệp?\n"));

  g_assert_cmpint (CLI (f, "lan", "comment", "resolve", "2"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT resolved FROM comments WHERE id = 2"), ==, 1);
  g_assert_cmpint (CLI (f, "nguyen", "comment", "reopen", "2"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT resolved FROM comments WHERE id = 2"), ==, 0);
}

static void
test_comment_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpint (CLI (f, "lan", "comment", "add", "1", "--text", "x", "--range", "80:500"), ==, 6);
  g_assert_cmpint (CLI (f, "lan", "comment", "add", "1", "--text", "x", "--range", "9:3"), ==, 6);
  g_assert_cmpint (CLI (f, "lan", "comment", "add", "1", "--text", "   "), ==, 6);
  g_assert_cmpint (CLI (f, "lan", "comment", "add", "1", "--text", "x", "--range", "abc"), ==, 2);
  g_assert_cmpint (CLI (f, "lan", "comment", "add", "1"), ==, 2);
  g_assert_cmpint (CLI (f, "lan", "comment", "add", "7", "--text", "x"), ==, 5);
  g_assert_cmpint (CLI (f, "lan", "comment", "list", "7"), ==, 5);
  g_assert_cmpint (CLI (f, "lan", "comment", "resolve", "9"), ==, 5);
  g_assert_cmpint (CLI (f, "lan", "comment", "reopen", "9"), ==, 5);
  g_assert_cmpint (CLI (f, "lan", "comment", "reopen", "x"), ==, 2);
  g_assert_cmpint (CLI (f, "lan", "comment", "delete", "1"), ==, 2);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM comments"), ==, 0);
}

static void
test_checklist (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *trail = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (CLI (f, "nguyen", "submit", "1"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "checklist", "1"), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "PASS\ttitle\tTitle present, at most 200 characters\n"
                   "PASS\tlead\tLead present\n"
                   "PASS\tcaptions\tEvery image has a caption\n"
                   "PASS\tbyline\tByline present\n"
                   "PASS\tcomments\tNo unresolved comments\n"
                   "PASS\ttext\tNo legacy-encoded or unnormalized text\n");

  g_assert_cmpint (CLI (f, "lan", "comment", "add", "1", "--text", "Bổ sung ảnh"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "checklist", "1"), ==, 1);
  g_assert_nonnull (strstr (f->out, "FAIL\tcomments\tNo unresolved comments — Unresolved comments: 1\n"));
  g_assert_cmpint (CLI (f, "lan", "--json", "checklist", "1"), ==, 1);
  root = parse_json (f->out);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (json_node_get_array (root), 4),
                                                  "passed"));

  /* Refused without a reason: nothing changes. */
  g_assert_cmpint (CLI (f, "lan", "checklist", "1", "--approve"), ==, 4);
  g_assert_nonnull (strstr (f->err, "give a reason to override"));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM articles WHERE status = 'submitted'"), ==, 1);
  g_assert_cmpint (CLI (f, "lan", "checklist", "1", "--override", "x"), ==, 2);

  g_assert_cmpint (CLI (f, "lan", "checklist", "1", "--approve", "--override", "Ảnh bổ sung sau"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM articles WHERE status = 'approved'"), ==, 1);
  trail = sql_text (f, "SELECT comment FROM transitions WHERE action = 'approve'");
  g_assert_cmpstr (trail, ==, "Checklist overridden (No unresolved comments): Ảnh bổ sung sau");
  g_assert_cmpint (CLI (f, "lan", "checklist", "99"), ==, 5);
}

static void
test_revert (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *expect = NULL;
  g_autofree char *stale = NULL;

  edit_body (f, "Một nội dung khác.\n");
  expect = g_strdup_printf ("%" G_GINT64_FORMAT, version (f));
  stale = g_strdup_printf ("%" G_GINT64_FORMAT, version (f) - 1);
  g_assert_cmpint (CLI (f, "nguyen", "revert", "1", "--revision", "1", "--expect-version", stale), ==, 3);
  g_assert_cmpint (CLI (f, "nguyen", "revert", "1", "--revision", "2", "--expect-version", expect), ==, 6);
  g_assert_cmpint (CLI (f, "nguyen", "revert", "1", "--revision", "9", "--expect-version", expect), ==, 5);
  g_assert_cmpint (CLI (f, "nguyen", "revert", "1"), ==, 2);

  g_assert_cmpint (CLI (f, "nguyen", "revert", "1", "--revision", "1", "--expect-version", expect), ==, 0);
  g_assert_cmpstr (f->out, ==, "3\n");
  g_assert_cmpint (sql_int (f, "SELECT current_revision FROM articles WHERE id = 1"), ==, 3);
  g_assert_cmpint (sql_int (f, "SELECT (SELECT hash FROM revisions WHERE id = 3) = "
                               "(SELECT hash FROM revisions WHERE id = 1)"), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT revision_id FROM transitions WHERE action = 'restore-revision'"), ==, 3);
  g_assert_cmpint (CLI (f, "lan", "diff", "1"), ==, 0);
  g_assert_nonnull (strstr (f->out, "[-Một nội dung khác.-]"));
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%Y-%m");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *row = g_strdup_printf ("\r\nQLCN,Phòng Quản lý Công nghiệp,%s,1,2,1,", month);
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (CLI (f, "nguyen", "submit", "1"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "return", "1", "--comment", "Bổ sung"), ==, 0);
  g_assert_cmpint (CLI (f, "nguyen", "submit", "1"), ==, 0);
  g_assert_cmpint (CLI (f, "lan", "approve", "1"), ==, 0);

  g_assert_cmpint (CLI (f, "lan", "report", "--from", today, "--to", today, "--csv"), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Office,Office name,Month,Articles approved,Submissions,Returns,"
                                           "Median hours to approval\r\n"));
  g_assert_nonnull (strstr (f->out, row));
  g_assert_nonnull (strstr (f->out, "\r\nQLCN,Phòng Quản lý Công nghiệp,Total,1,2,1,0.0\r\n"));

  g_assert_cmpint (CLI (f, "lan", "report", "--from", today, "--to", today), ==, 0);
  g_assert_nonnull (strstr (f->out, "\nQLCN\tTotal\t1\t2\t1\t0.0\n"));
  g_assert_cmpint (CLI (f, "lan", "--json", "report", "--from", today, "--to", today), ==, 0);
  root = parse_json (f->out);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (root), 1),
                                               "returns"), ==, 1);

  g_assert_cmpint (CLI (f, "lan", "report", "--from", "2020-01-01", "--to", "2020-01-31", "--csv"), ==, 0);
  g_assert_cmpstr (f->out, ==, "Office,Office name,Month,Articles approved,Submissions,Returns,"
                               "Median hours to approval\r\n");
  g_assert_cmpint (CLI (f, "lan", "report", "--from", "2026-02-30", "--to", today), ==, 6);
  g_assert_cmpint (CLI (f, "lan", "report", "--from", today, "--to", "2020-01-01"), ==, 6);
  g_assert_cmpint (CLI (f, "lan", "report", "--from", today), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli-review/diff-default", test_diff_default);
  ADD ("/cli-review/diff-json", test_diff_json);
  ADD ("/cli-review/diff-errors", test_diff_errors);
  ADD ("/cli-review/comments", test_comments);
  ADD ("/cli-review/comment-errors", test_comment_errors);
  ADD ("/cli-review/checklist", test_checklist);
  ADD ("/cli-review/revert", test_revert);
  ADD ("/cli-review/report", test_report);
#undef ADD

  return g_test_run ();
}
