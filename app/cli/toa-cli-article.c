/* toa-cli-article.c — article new/edit/show/list/history, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "toa-cli-commands.h"
#include "toa-html-import.h"

/* The editable fields as options; NULL means "not given". */
typedef struct
{
  char  *title;
  char  *lead;
  char  *body_file;
  char  *category;
  char  *office;
  char  *byline;
  char  *event_date;
  char  *display_date;
  char **tags;
} Fields;

static void
fields_clear (Fields *fields)
{
  g_free (fields->title);
  g_free (fields->lead);
  g_free (fields->body_file);
  g_free (fields->category);
  g_free (fields->office);
  g_free (fields->byline);
  g_free (fields->event_date);
  g_free (fields->display_date);
  g_strfreev (fields->tags);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

#define FIELD_ENTRIES(f) \
  { "title", 0, 0, G_OPTION_ARG_STRING, &(f)->title, N_("Title"), "T" }, \
  { "lead", 0, 0, G_OPTION_ARG_STRING, &(f)->lead, N_("Lead (sapo)"), "L" }, \
  { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &(f)->body_file, N_("Body: plain text (paragraphs separated by blank lines) or HTML, cleaned like a paste"), "F" }, \
  { "category", 0, 0, G_OPTION_ARG_STRING, &(f)->category, N_("Category"), "C" }, \
  { "byline", 0, 0, G_OPTION_ARG_STRING, &(f)->byline, N_("Byline"), "B" }, \
  { "event-date", 0, 0, G_OPTION_ARG_STRING, &(f)->event_date, N_("Event date (YYYY-MM-DD)"), "D" }, \
  { "display-date", 0, 0, G_OPTION_ARG_STRING, &(f)->display_date, N_("Display date (YYYY-MM-DD)"), "D" }, \
  { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &(f)->tags, N_("A tag (repeat for several)"), "TAG" }

static gboolean
looks_like_html (const char *path,
                 const char *text)
{
  if (g_str_has_suffix (path, ".html") || g_str_has_suffix (path, ".htm"))
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '<';
}

/* Plain text or HTML, through the same import pipeline as a paste in the
 * editor: Word clean-up, legacy Vietnamese, the allowlist. What was
 * changed is said on stderr, so that nothing is changed silently. */
static gboolean
read_body (const char  *path,
           char       **body,
           GError     **error)
{
  g_autoptr(ToaImportReport) report = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &text, &len, error))
    return FALSE;
  if (looks_like_html (path, text))
    *body = toa_html_import (text, len, NULL, &report, error);
  else
    *body = toa_plain_text_import (text, len, NULL, &report, error);
  if (*body == NULL)
    return FALSE;
  if (report != NULL && !toa_import_report_is_empty (report))
    {
      g_autofree char *summary = toa_import_report_to_string (report);

      if (summary != NULL)
        fprintf (stderr, "toasoan-cli: %s\n", summary);
    }
  return TRUE;
}

static void
replace (char       **slot,
         const char  *value)
{
  if (value == NULL)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
}

/* Applies the given options over @content. */
static gboolean
apply_fields (const Fields       *fields,
              ToaArticleContent  *content,
              GError            **error)
{
  replace (&content->title, fields->title);
  replace (&content->lead, fields->lead);
  replace (&content->category, fields->category);
  replace (&content->byline, fields->byline);
  replace (&content->event_date, fields->event_date);
  replace (&content->display_date, fields->display_date);
  if (fields->tags != NULL)
    {
      g_strfreev (content->tags);
      content->tags = g_strdupv (fields->tags);
    }
  if (fields->body_file != NULL)
    {
      g_free (content->body);
      content->body = NULL;
      return read_body (fields->body_file, &content->body, error);
    }
  return TRUE;
}

static int
article_new (ToaCliGlobal  *global,
             int            argc,
             char         **argv)
{
  g_auto(Fields) fields = { 0 };
  GOptionEntry entries[] = {
    FIELD_ENTRIES (&fields),
    { "office", 0, 0, G_OPTION_ARG_STRING, &fields.office, N_("Office code (default: yours)"), "CODE" },
    { NULL }
  };
  g_autoptr(ToaArticleContent) content = toa_article_content_new ();
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;
  gint64 id;
  int status;

  if (!toa_cli_parse ("new", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || fields.title == NULL)
    return toa_cli_usage_error (_("Usage: toasoan-cli article new --title T [--lead L] [--body-file F] [--category C] [--office CODE] [--byline B]"));
  if (!apply_fields (&fields, content, &error))
    return toa_cli_fail (error);
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  /* Without --byline, the one the application would start with. */
  if (fields.byline == NULL)
    {
      g_autoptr(ToaUser) author = toa_store_get_user (store, toa_cli_actor (global), NULL);

      if (author != NULL)
        content->byline = toa_user_get_default_byline (author);
    }
  id = toa_store_create_article (store, fields.office, content, toa_cli_actor (global), &error);
  if (id == 0)
    return toa_cli_fail (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return TOA_CLI_EXIT_OK;
}

static int
article_edit (ToaCliGlobal  *global,
              int            argc,
              char         **argv)
{
  g_auto(Fields) fields = { 0 };
  g_autofree char *expect = NULL;
  GOptionEntry entries[] = {
    FIELD_ENTRIES (&fields),
    { "expect-version", 0, 0, G_OPTION_ARG_STRING, &expect, N_("The version you started from"), "N" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(ToaArticle) article = NULL;
  GError *error = NULL;
  gint64 id, expected, version = 0;
  int status;

  if (!toa_cli_parse ("edit ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || expect == NULL)
    return toa_cli_usage_error (_("Usage: toasoan-cli article edit ID --expect-version N [--title T] [--lead L] [--body-file F] […]"));
  if (!toa_cli_parse_id (argv[2], &id, &status))
    return status;
  if (!g_ascii_string_to_signed (expect, 10, 1, G_MAXINT64, &expected, NULL))
    return toa_cli_usage_error (_("“%s” is not a version number"), expect);
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  /* Options not given keep the current revision's values. */
  article = toa_store_get_article (store, id, &error);
  if (article == NULL || !apply_fields (&fields, article->content, &error))
    return toa_cli_fail (error);
  if (!toa_store_save_revision (store, id, expected, article->content, toa_cli_actor (global), &version,
                                &error))
    return toa_cli_fail (error);
  printf ("%" G_GINT64_FORMAT "\n", version);
  return TOA_CLI_EXIT_OK;
}

static void
print_content (const ToaArticleContent *content)
{
  g_autofree char *body = toa_body_to_plain_text (content->body ? content->body : "");

  printf ("%s: %s\n", _("Title"), content->title);
  if (content->byline != NULL)
    printf ("%s: %s\n", _("Byline"), content->byline);
  if (content->category != NULL)
    printf ("%s: %s\n", _("Category"), content->category);
  if (content->event_date != NULL)
    printf ("%s: %s\n", _("Event date"), content->event_date);
  if (content->display_date != NULL)
    printf ("%s: %s\n", _("Display date"), content->display_date);
  if (content->tags != NULL)
    {
      g_autofree char *tags = g_strjoinv (", ", content->tags);

      printf ("%s: %s\n", _("Tags"), tags);
    }
  if (content->lead != NULL)
    printf ("\n%s\n", content->lead);
  printf ("\n%s\n", body);
}

static int
show_revision (ToaCliGlobal *global,
               ToaStore     *store,
               gint64        article_id,
               gint64        revision_id)
{
  g_autoptr(ToaRevision) revision = NULL;
  GError *error = NULL;

  revision = toa_store_get_revision (store, revision_id, &error);
  if (revision == NULL)
    return toa_cli_fail (error);
  if (revision->article_id != article_id)
    {
      g_set_error (&error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                   _("Revision %lld does not belong to article %lld"),
                   (long long) revision_id, (long long) article_id);
      return toa_cli_fail (error);
    }
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, revision->id);
      json_builder_set_member_name (builder, "article_id");
      json_builder_add_int_value (builder, revision->article_id);
      json_builder_set_member_name (builder, "author");
      json_builder_add_string_value (builder, revision->author);
      json_builder_set_member_name (builder, "hash");
      json_builder_add_string_value (builder, revision->hash);
      toa_cli_add_content (builder, revision->content);
      json_builder_end_object (builder);
      toa_cli_print_json (builder);
      return TOA_CLI_EXIT_OK;
    }
  printf (_("Article %lld, revision %lld by %s\n"),
          (long long) article_id, (long long) revision->id, revision->author);
  print_content (revision->content);
  return TOA_CLI_EXIT_OK;
}

static int
article_show (ToaCliGlobal  *global,
              int            argc,
              char         **argv)
{
  g_autofree char *revision_text = NULL;
  GOptionEntry entries[] = {
    { "revision", 0, 0, G_OPTION_ARG_STRING, &revision_text, N_("Show this revision"), "R" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(ToaArticle) article = NULL;
  GError *error = NULL;
  gint64 id, revision = 0;
  int status;

  if (!toa_cli_parse ("show ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return toa_cli_usage_error (_("Usage: toasoan-cli article show ID [--revision R]"));
  if (!toa_cli_parse_id (argv[2], &id, &status) ||
      (revision_text != NULL && !toa_cli_parse_id (revision_text, &revision, &status)))
    return status;
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  article = toa_store_get_article (store, id, &error);
  if (article == NULL)
    return toa_cli_fail (error);
  if (revision != 0)
    return show_revision (global, store, id, revision);
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      toa_cli_add_article (builder, article);
      toa_cli_print_json (builder);
      return TOA_CLI_EXIT_OK;
    }
  printf (_("Article %lld — %s — office %s — version %lld\n"),
          (long long) article->id, toa_article_status_get_label (article->status), article->office,
          (long long) article->version);
  print_content (article->content);
  return TOA_CLI_EXIT_OK;
}

static int
article_list (ToaCliGlobal  *global,
              int            argc,
              char         **argv)
{
  g_autofree char *status_text = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  gboolean mine = FALSE;
  int limit = 0;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("Only these statuses (comma-separated)"), "S" },
    { "office", 0, 0, G_OPTION_ARG_STRING, &query->office, N_("Only this office"), "CODE" },
    { "mine", 0, 0, G_OPTION_ARG_NONE, &mine, N_("Only articles you created"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many (default: all)"), "N" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;
  int status;

  if (!toa_cli_parse ("list", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || limit < 0)
    return toa_cli_usage_error (_("Usage: toasoan-cli article list [--status S] [--office CODE] [--mine]"));
  if (status_text != NULL && !toa_cli_parse_statuses (status_text, &query->status_mask, &status))
    return status;
  if (mine)
    query->author = g_strdup (toa_cli_actor (global));
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  rows = toa_store_list_articles (store, query, 0, limit > 0 ? (guint) limit : G_MAXUINT, &error);
  if (rows == NULL)
    return toa_cli_fail (error);
  toa_cli_print_article_rows (global, rows);
  return TOA_CLI_EXIT_OK;
}

/* History: revisions and transitions merged, oldest first. */
typedef struct
{
  gint64         time;
  ToaRevision   *revision;
  ToaTransition *transition;
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  /* A save and the "void" it caused share a time: the revision first. */
  return (x->revision == NULL) - (y->revision == NULL);
}

static void
add_event_json (JsonBuilder *builder,
                const Event *event)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, event->revision ? "revision" : "transition");
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, event->time);
  if (event->revision != NULL)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, event->revision->id);
      json_builder_set_member_name (builder, "author");
      json_builder_add_string_value (builder, event->revision->author);
      json_builder_set_member_name (builder, "hash");
      json_builder_add_string_value (builder, event->revision->hash);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, event->revision->content->title);
    }
  else
    {
      const ToaTransition *t = event->transition;

      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, t->action);
      json_builder_set_member_name (builder, "from");
      if (t->has_from)
        json_builder_add_string_value (builder, toa_article_status_to_string (t->from_status));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, toa_article_status_to_string (t->to_status));
      json_builder_set_member_name (builder, "actor");
      json_builder_add_string_value (builder, t->actor);
      json_builder_set_member_name (builder, "comment");
      if (t->comment)
        json_builder_add_string_value (builder, t->comment);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, t->revision_id);
    }
  json_builder_end_object (builder);
}

static void
print_event (const Event *event)
{
  g_autofree char *when = toa_cli_format_time (event->time);

  if (event->revision != NULL)
    {
      printf (_("%s  revision %lld by %s: %s\n"), when, (long long) event->revision->id,
              event->revision->author, event->revision->content->title);
      return;
    }
  printf (_("%s  %s: %s → %s by %s"), when, event->transition->action,
          event->transition->has_from ? toa_article_status_to_string (event->transition->from_status) : "-",
          toa_article_status_to_string (event->transition->to_status), event->transition->actor);
  if (event->transition->comment != NULL)
    printf (" — %s", event->transition->comment);
  printf ("\n");
}

static int
article_history (ToaCliGlobal  *global,
                 int            argc,
                 char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *error = NULL;
  gint64 id;
  int status;

  if (argc != 3)
    return toa_cli_usage_error (_("Usage: toasoan-cli article history ID"));
  if (!toa_cli_parse_id (argv[2], &id, &status))
    return status;
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  revisions = toa_store_list_revisions (store, id, &error);
  if (revisions == NULL)
    return toa_cli_fail (error);
  transitions = toa_store_list_transitions (store, id, &error);
  if (transitions == NULL)
    return toa_cli_fail (error);
  for (guint i = 0; i < revisions->len; i++)
    {
      ToaRevision *r = g_ptr_array_index (revisions, i);
      Event event = { r->created, r, NULL };

      g_array_append_val (events, event);
    }
  for (guint i = 0; i < transitions->len; i++)
    {
      ToaTransition *t = g_ptr_array_index (transitions, i);
      Event event = { t->created, NULL, t };

      g_array_append_val (events, event);
    }
  g_array_sort (events, compare_events);

  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      if (global->json)
        add_event_json (builder, &g_array_index (events, Event, i));
      else
        print_event (&g_array_index (events, Event, i));
    }
  json_builder_end_array (builder);
  if (global->json)
    toa_cli_print_json (builder);
  return TOA_CLI_EXIT_OK;
}

int
toa_cli_article (ToaCliGlobal  *global,
                 int            argc,
                 char         **argv)
{
  const char *sub = argc >= 2 ? argv[1] : "";

  if (g_str_equal (sub, "new"))
    return article_new (global, argc, argv);
  if (g_str_equal (sub, "edit"))
    return article_edit (global, argc, argv);
  if (g_str_equal (sub, "show"))
    return article_show (global, argc, argv);
  if (g_str_equal (sub, "list"))
    return article_list (global, argc, argv);
  if (g_str_equal (sub, "history"))
    return article_history (global, argc, argv);
  return toa_cli_usage_error (_("Usage: toasoan-cli article new|edit|show|list|history …"));
}

int
toa_cli_search (ToaCliGlobal  *global,
                int            argc,
                char         **argv)
{
  g_autofree char *status_text = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  int limit = 50;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("Only these statuses (comma-separated)"), "S" },
    { "office", 0, 0, G_OPTION_ARG_STRING, &query->office, N_("Only this office"), "CODE" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many"), "N" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;
  int status;

  if (!toa_cli_parse ("QUERY", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || limit < 0)
    return toa_cli_usage_error (_("Usage: toasoan-cli search QUERY [--status S] [--office CODE]"));
  if (status_text != NULL && !toa_cli_parse_statuses (status_text, &query->status_mask, &status))
    return status;
  query->text = g_strdup (argv[1]);
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  rows = toa_store_list_articles (store, query, 0, limit, &error);
  if (rows == NULL)
    return toa_cli_fail (error);
  toa_cli_print_article_rows (global, rows);
  return TOA_CLI_EXIT_OK;
}
