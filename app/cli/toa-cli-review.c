/* toa-cli-review.c — diff, comment, checklist, revert, report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "toa-checklist.h"
#include "toa-cli-commands.h"
#include "toa-cli-review.h"
#include "toa-report.h"
#include "toa-review.h"

static const char *
op_name (ToaDiffKind kind)
{
  switch (kind)
    {
    case TOA_DIFF_DELETE:
      return "delete";
    case TOA_DIFF_INSERT:
      return "insert";
    case TOA_DIFF_EQUAL:
    default:
      return "equal";
    }
}

static void
print_diff_json (gint64     article_id,
                 gint64     from,
                 gint64     to,
                 GPtrArray *fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "article");
  json_builder_add_int_value (builder, article_id);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_int_value (builder, to);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fields->len; i++)
    {
      ToaFieldDiff *field = g_ptr_array_index (fields, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field->field);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, field->label);
      json_builder_set_member_name (builder, "changed");
      json_builder_add_boolean_value (builder, field->changed);
      json_builder_set_member_name (builder, "ops");
      json_builder_begin_array (builder);
      for (guint j = 0; j < field->ops->len; j++)
        {
          ToaDiffOp *op = g_ptr_array_index (field->ops, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "op");
          json_builder_add_string_value (builder, op_name (op->kind));
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, op->text);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  toa_cli_print_json (builder);
}

/* Changed fields only, each under its label, with [-removed-] and
 * {+added+} markers. */
static void
print_diff_text (gint64     from,
                 gint64     to,
                 GPtrArray *fields)
{
  gboolean any = FALSE;

  if (from == 0)
    printf (_("Revision %lld, compared with nothing (the first revision)\n"), (long long) to);
  else
    printf (_("Revision %lld compared with revision %lld\n"), (long long) to, (long long) from);
  for (guint i = 0; i < fields->len; i++)
    {
      ToaFieldDiff *field = g_ptr_array_index (fields, i);
      g_autofree char *marked = NULL;

      if (!field->changed)
        continue;
      marked = toa_diff_format (field->ops);
      printf ("\n== %s ==\n%s\n", field->label, marked);
      any = TRUE;
    }
  if (!any)
    printf ("%s\n", _("No differences"));
}

static gboolean
parent_revision (ToaStore  *store,
                 gint64     revision_id,
                 gint64    *parent,
                 GError   **error)
{
  g_autoptr(ToaRevision) revision = toa_store_get_revision (store, revision_id, error);

  if (revision == NULL)
    return FALSE;
  *parent = revision->parent_id;
  return TRUE;
}

/* --from and --to as given; a missing --to is the current revision, a
 * missing --from the one before --to; neither: the default comparison. */
static gboolean
pick_revisions (ToaStore  *store,
                gint64     article_id,
                gint64    *from,
                gint64    *to,
                GError   **error)
{
  g_autoptr(ToaArticle) article = NULL;

  if (*from == 0 && *to == 0)
    return toa_store_get_default_comparison (store, article_id, from, to, error);
  article = toa_store_get_article (store, article_id, error);
  if (article == NULL)
    return FALSE;
  if (*to == 0)
    *to = article->current_revision;
  if (*from == 0)
    return parent_revision (store, *to, from, error);
  return TRUE;
}

static gboolean
revision_belongs (ToaStore  *store,
                  gint64     article_id,
                  gint64     revision_id,
                  GError   **error)
{
  g_autoptr(ToaRevision) revision = NULL;

  if (revision_id == 0)
    return TRUE;
  revision = toa_store_get_revision (store, revision_id, error);
  if (revision == NULL)
    return FALSE;
  if (revision->article_id == article_id)
    return TRUE;
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
               _("Article %lld has no revision %lld"), (long long) article_id, (long long) revision_id);
  return FALSE;
}

int
toa_cli_diff (ToaCliGlobal  *global,
              int            argc,
              char         **argv)
{
  gint64 from = 0, to = 0;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_INT64, &from, N_("The older revision (default: last approved or previous)"), "R" },
    { "to", 0, 0, G_OPTION_ARG_INT64, &to, N_("The newer revision (default: the current one)"), "R" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  GError *error = NULL;
  gint64 id;
  int status;

  if (!toa_cli_parse ("ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return toa_cli_usage_error (_("Usage: toasoan-cli diff ID [--from R] [--to R]"));
  if (!toa_cli_parse_id (argv[1], &id, &status))
    return status;
  if (from < 0 || to < 0)
    return toa_cli_usage_error (_("Revision numbers are positive"));
  store = toa_cli_open_store (global, &error);
  if (store == NULL ||
      !pick_revisions (store, id, &from, &to, &error) ||
      !revision_belongs (store, id, from, &error) ||
      !revision_belongs (store, id, to, &error))
    return toa_cli_fail (error);
  fields = toa_store_diff_revisions (store, from, to, &error);
  if (fields == NULL)
    return toa_cli_fail (error);
  if (global->json)
    print_diff_json (id, from, to, fields);
  else
    print_diff_text (from, to, fields);
  return TOA_CLI_EXIT_OK;
}

static const char *
anchor_state_name (ToaAnchorState state)
{
  switch (state)
    {
    case TOA_ANCHOR_ATTACHED:
      return "attached";
    case TOA_ANCHOR_MOVED:
      return "moved";
    case TOA_ANCHOR_DETACHED:
      return "detached";
    case TOA_ANCHOR_NONE:
    default:
      return "none";
    }
}

static gboolean
parse_range (const char *text,
             gint64     *start,
             gint64     *end,
             int        *status)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 s = 0, e = 0;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXINT64, &s, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXINT64, &e, NULL))
    {
      *status = toa_cli_usage_error (_("“%s” is not a range; write START:END (character offsets)"), text);
      return FALSE;
    }
  *start = (gint64) s;
  *end = (gint64) e;
  return TRUE;
}

static int
comment_add (ToaCliGlobal  *global,
             int            argc,
             char         **argv)
{
  g_autofree char *text = NULL;
  g_autofree char *range = NULL;
  GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The comment"), "T" },
    { "range", 0, 0, G_OPTION_ARG_STRING, &range, N_("Characters START to END of the body text"), "START:END" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;
  gint64 id, comment_id, start = -1, end = -1;
  int status;

  if (!toa_cli_parse ("ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || text == NULL)
    return toa_cli_usage_error (_("Usage: toasoan-cli comment add ID --text T [--range START:END]"));
  if (!toa_cli_parse_id (argv[2], &id, &status))
    return status;
  if (range != NULL && !parse_range (range, &start, &end, &status))
    return status;
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  comment_id = toa_store_add_anchored_comment (store, id, toa_cli_actor (global), text, start, end, &error);
  if (comment_id == 0)
    return toa_cli_fail (error);
  printf ("%lld\n", (long long) comment_id);
  return TOA_CLI_EXIT_OK;
}

static void
add_comment_json (JsonBuilder              *builder,
                  const ToaAnchoredComment *item)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, item->comment->id);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, item->comment->revision_id);
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, item->comment->author);
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, item->comment->created);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, item->comment->text);
  json_builder_set_member_name (builder, "resolved");
  json_builder_add_boolean_value (builder, item->comment->resolved);
  json_builder_set_member_name (builder, "anchor");
  json_builder_add_string_value (builder, anchor_state_name (item->state));
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, item->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, item->end);
  json_builder_set_member_name (builder, "anchor_text");
  if (item->anchor_text != NULL)
    json_builder_add_string_value (builder, item->anchor_text);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* One line each: ID, open/resolved, author, time, anchor, text — tab
 * separated. The anchor is START:END (its place in the current body),
 * "detached" when its text is gone, "-" for the whole article. */
static void
print_comment_row (const ToaAnchoredComment *item)
{
  g_autofree char *when = toa_cli_format_time (item->comment->created);
  g_autofree char *anchor = NULL;

  if (item->state == TOA_ANCHOR_ATTACHED || item->state == TOA_ANCHOR_MOVED)
    anchor = g_strdup_printf ("%lld:%lld", (long long) item->start, (long long) item->end);
  else
    anchor = g_strdup (item->state == TOA_ANCHOR_DETACHED ? "detached" : "-");
  printf ("%lld\t%s\t%s\t%s\t%s\t%s\n", (long long) item->comment->id,
          item->comment->resolved ? "resolved" : "open", item->comment->author, when, anchor,
          item->comment->text);
}

static int
comment_list (ToaCliGlobal  *global,
              int            argc,
              char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  GError *error = NULL;
  gint64 id;
  int status;

  if (argc != 3)
    return toa_cli_usage_error (_("Usage: toasoan-cli comment list ID"));
  if (!toa_cli_parse_id (argv[2], &id, &status))
    return status;
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  comments = toa_store_list_anchored_comments (store, id, &error);
  if (comments == NULL)
    return toa_cli_fail (error);
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < comments->len; i++)
        add_comment_json (builder, g_ptr_array_index (comments, i));
      json_builder_end_array (builder);
      toa_cli_print_json (builder);
      return TOA_CLI_EXIT_OK;
    }
  for (guint i = 0; i < comments->len; i++)
    print_comment_row (g_ptr_array_index (comments, i));
  return TOA_CLI_EXIT_OK;
}

static int
comment_set_resolved (ToaCliGlobal  *global,
                      int            argc,
                      char         **argv,
                      gboolean       resolved)
{
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;
  guint64 value = 0;
  gboolean ok;

  if (argc != 3)
    return toa_cli_usage_error (_("Usage: toasoan-cli comment %s CID"), argv[1]);
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &value, NULL))
    return toa_cli_usage_error (_("“%s” is not a comment number"), argv[2]);
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  if (resolved)
    ok = toa_store_resolve_comment (store, (gint64) value, toa_cli_actor (global), &error);
  else
    ok = toa_store_reopen_comment (store, (gint64) value, toa_cli_actor (global), &error);
  if (!ok)
    return toa_cli_fail (error);
  return TOA_CLI_EXIT_OK;
}

int
toa_cli_comment (ToaCliGlobal  *global,
                 int            argc,
                 char         **argv)
{
  const char *verb = argc > 1 ? argv[1] : NULL;

  if (g_strcmp0 (verb, "add") == 0)
    return comment_add (global, argc, argv);
  if (g_strcmp0 (verb, "list") == 0)
    return comment_list (global, argc, argv);
  if (g_strcmp0 (verb, "resolve") == 0)
    return comment_set_resolved (global, argc, argv, TRUE);
  if (g_strcmp0 (verb, "reopen") == 0)
    return comment_set_resolved (global, argc, argv, FALSE);
  return toa_cli_usage_error (_("Usage: toasoan-cli comment add|list|resolve|reopen …"));
}

static void
print_checklist (ToaCliGlobal *global,
                 GPtrArray    *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!global->json)
    {
      for (guint i = 0; i < items->len; i++)
        {
          ToaCheckItem *item = g_ptr_array_index (items, i);

          /* Translators: PASS and FAIL start each line of the approval checklist. */
          printf ("%s\t%s\t%s%s%s\n", item->passed ? _("PASS") : _("FAIL"), item->name, item->label,
                  item->detail ? " — " : "", item->detail ? item->detail : "");
        }
      return;
    }
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      ToaCheckItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, item->name);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, item->label);
      json_builder_set_member_name (builder, "passed");
      json_builder_add_boolean_value (builder, item->passed);
      json_builder_set_member_name (builder, "detail");
      if (item->detail != NULL)
        json_builder_add_string_value (builder, item->detail);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  toa_cli_print_json (builder);
}

/* Exit status: 0 when every item passes, 1 when one fails. With
 * --approve: 0 when approved, 4 when the checklist (or the workflow)
 * refuses. */
int
toa_cli_checklist (ToaCliGlobal  *global,
                   int            argc,
                   char         **argv)
{
  gboolean approve = FALSE;
  g_autofree char *override = NULL;
  g_autofree char *comment = NULL;
  GOptionEntry entries[] = {
    { "approve", 0, 0, G_OPTION_ARG_NONE, &approve, N_("Approve the article through the checklist"), NULL },
    { "override", 0, 0, G_OPTION_ARG_STRING, &override, N_("With --approve: why to approve although items fail"), "REASON" },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("With --approve: the approval comment"), "C" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GError *error = NULL;
  gint64 id;
  int status;

  if (!toa_cli_parse ("ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return toa_cli_usage_error (_("Usage: toasoan-cli checklist ID [--approve [--override REASON] [--comment C]]"));
  if (!toa_cli_parse_id (argv[1], &id, &status))
    return status;
  if (!approve && (override != NULL || comment != NULL))
    return toa_cli_usage_error (_("--override and --comment go with --approve"));
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  items = toa_store_compute_checklist (store, id, &error);
  if (items == NULL)
    return toa_cli_fail (error);
  print_checklist (global, items);
  if (approve)
    {
      if (!toa_store_approve_checked (store, id, toa_cli_actor (global), comment, override, &error))
        return toa_cli_fail (error);
      if (!global->json)
        printf (_("Article %lld is now “%s”\n"), (long long) id,
                toa_article_status_get_label (TOA_ARTICLE_STATUS_APPROVED));
      return TOA_CLI_EXIT_OK;
    }
  return toa_checklist_passed (items) ? TOA_CLI_EXIT_OK : TOA_CLI_EXIT_ERROR;
}

int
toa_cli_revert (ToaCliGlobal  *global,
                int            argc,
                char         **argv)
{
  gint64 revision = 0, expected = 0;
  GOptionEntry entries[] = {
    { "revision", 0, 0, G_OPTION_ARG_INT64, &revision, N_("The revision whose content comes back"), "R" },
    { "expect-version", 0, 0, G_OPTION_ARG_INT64, &expected, N_("The article version you looked at"), "N" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;
  gint64 id, new_revision;
  int status;

  if (!toa_cli_parse ("ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || revision <= 0 || expected <= 0)
    return toa_cli_usage_error (_("Usage: toasoan-cli revert ID --revision R --expect-version N"));
  if (!toa_cli_parse_id (argv[1], &id, &status))
    return status;
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  new_revision = toa_store_restore_revision (store, id, revision, expected, toa_cli_actor (global), &error);
  if (new_revision == 0)
    return toa_cli_fail (error);
  printf ("%lld\n", (long long) new_revision);
  return TOA_CLI_EXIT_OK;
}

static void
print_report_json (const ToaReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const ToaReportRow *row = g_ptr_array_index (report->rows, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "office");
      json_builder_add_string_value (builder, row->office);
      json_builder_set_member_name (builder, "month");
      if (row->month != NULL)
        json_builder_add_string_value (builder, row->month);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, row->articles);
      json_builder_set_member_name (builder, "submissions");
      json_builder_add_int_value (builder, row->submissions);
      json_builder_set_member_name (builder, "returns");
      json_builder_add_int_value (builder, row->returns);
      json_builder_set_member_name (builder, "median_approval_seconds");
      if (row->median_approval >= 0)
        json_builder_add_int_value (builder, row->median_approval / G_USEC_PER_SEC);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  toa_cli_print_json (builder);
}

/* One line per row, tab separated: office, month ("Total" for the
 * period), articles approved, submissions, returns, median hours. */
static void
print_report_text (const ToaReport *report)
{
  printf ("%s\t%s\t%s\t%s\t%s\t%s\n", _("Office"), _("Month"), _("Articles approved"),
          _("Submissions"), _("Returns"), _("Median hours to approval"));
  for (guint i = 0; i < report->rows->len; i++)
    {
      const ToaReportRow *row = g_ptr_array_index (report->rows, i);
      char hours[G_ASCII_DTOSTR_BUF_SIZE] = "-";

      if (row->median_approval >= 0)
        g_ascii_formatd (hours, sizeof hours, "%.1f", row->median_approval / (double) G_TIME_SPAN_HOUR);
      printf ("%s\t%s\t%u\t%u\t%u\t%s\n", row->office, row->month ? row->month : _("Total"),
              row->articles, row->submissions, row->returns, hours);
    }
}

int
toa_cli_report (ToaCliGlobal  *global,
                int            argc,
                char         **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day (YYYY-MM-DD)"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day, included (YYYY-MM-DD)"), "DATE" },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV"), NULL },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(ToaReport) report = NULL;
  GError *error = NULL;
  GDate from, to;
  int status;

  if (!toa_cli_parse ("", entries, &argc, &argv, &status))
    return status;
  if (argc != 1 || from_text == NULL || to_text == NULL)
    return toa_cli_usage_error (_("Usage: toasoan-cli report --from DATE --to DATE [--csv]"));
  if (!toa_report_parse_date (from_text, &from, &error) || !toa_report_parse_date (to_text, &to, &error))
    return toa_cli_fail (error);
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  report = toa_store_compute_report (store, &from, &to, &error);
  if (report == NULL)
    return toa_cli_fail (error);
  if (global->json)
    print_report_json (report);
  else if (csv)
    {
      g_autofree char *text = toa_report_to_csv (report);

      fputs (text, stdout);
    }
  else
    print_report_text (report);
  return TOA_CLI_EXIT_OK;
}
