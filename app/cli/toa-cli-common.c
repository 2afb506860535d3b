/* toa-cli-common.c — what every toasoan-cli subcommand shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "toa-checklist.h"
#include "toa-cli-commands.h"
#include "toa-content-error.h"
#include "toa-export-error.h"

/* The database: --db, else the GUI's setting when its schema is
 * installed, else the default file. */
static char *
database_path (ToaCliGlobal *global)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source;

  if (global->db_path != NULL)
    return g_strdup (global->db_path);
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    schema = source ? g_settings_schema_source_lookup (source, "io.github.toasoan.ToaSoan", TRUE) : NULL;
  if (schema != NULL && g_settings_schema_has_key (schema, "database-path"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *path = g_settings_get_string (settings, "database-path");

      if (path != NULL && *path != '\0')
        return g_steal_pointer (&path);
    }
  return toa_store_get_default_path ();
}

/* Only "init" creates the database: a mistyped --db must not leave an
 * empty database behind and answer as if all were well. */
ToaStore *
toa_cli_open_store (ToaCliGlobal  *global,
                    GError       **error)
{
  g_autofree char *path = database_path (global);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”; create it with “toasoan-cli init”"), path);
      return NULL;
    }
  return toa_store_open (path, error);
}

ToaStore *
toa_cli_create_store (ToaCliGlobal  *global,
                      GError       **error)
{
  g_autofree char *path = database_path (global);

  return toa_store_open (path, error);
}

/* --as, else the OS login (which must exist as a user). */
const char *
toa_cli_actor (ToaCliGlobal *global)
{
  return global->as_login != NULL ? global->as_login : g_get_user_name ();
}

static int
exit_code_for (const GError *error)
{
  if (error->domain == TOA_STORE_ERROR)
    switch ((ToaStoreError) error->code)
      {
      case TOA_STORE_ERROR_NOT_FOUND:
        return TOA_CLI_EXIT_NOT_FOUND;
      case TOA_STORE_ERROR_CONFLICT:
        return TOA_CLI_EXIT_CONFLICT;
      case TOA_STORE_ERROR_INVALID:
      case TOA_STORE_ERROR_EXISTS:
        return TOA_CLI_EXIT_INVALID;
      case TOA_STORE_ERROR_NOT_PERMITTED:
        return TOA_CLI_EXIT_NOT_PERMITTED;
      default:
        return TOA_CLI_EXIT_ERROR;
      }
  if (error->domain == TOA_WORKFLOW_ERROR)
    {
      if (error->code == TOA_WORKFLOW_ERROR_COMMENT_REQUIRED)
        return TOA_CLI_EXIT_INVALID;
      return TOA_CLI_EXIT_NOT_PERMITTED;
    }
  /* The checklist refusing an approval is a matter of permission for
   * scripts, like the workflow refusing one. */
  if (error->domain == TOA_CHECKLIST_ERROR)
    return TOA_CLI_EXIT_NOT_PERMITTED;
  if (error->domain == TOA_CONTENT_ERROR)
    return TOA_CLI_EXIT_INVALID;
  if (error->domain == TOA_EXPORT_ERROR)
    switch ((ToaExportError) error->code)
      {
      case TOA_EXPORT_ERROR_NOT_APPROVED:
        return TOA_CLI_EXIT_NOT_PERMITTED;
      case TOA_EXPORT_ERROR_INVALID:
      case TOA_EXPORT_ERROR_MALFORMED:
      case TOA_EXPORT_ERROR_UNSAFE:
      case TOA_EXPORT_ERROR_TOO_LARGE:
      case TOA_EXPORT_ERROR_HASH_MISMATCH:
        return TOA_CLI_EXIT_INVALID;
      default:
        return TOA_CLI_EXIT_ERROR;
      }
  if (error->domain == G_OPTION_ERROR)
    return TOA_CLI_EXIT_USAGE;
  return TOA_CLI_EXIT_ERROR;
}

/* Prints @error (already translated) and returns the contract's exit
 * code for it. Takes @error. */
int
toa_cli_fail (GError *error)
{
  int code = exit_code_for (error);

  fprintf (stderr, "toasoan-cli: %s\n", error->message);
  g_error_free (error);
  return code;
}

/* Parses the options of one subcommand; positional arguments are left
 * in *argv (argv[0] is the command name). */
gboolean
toa_cli_parse (const char    *parameter,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  /* GOption converts option values to UTF-8 and fails on bad bytes: that
   * is invalid input, not a usage mistake. */
  if (error->domain == G_CONVERT_ERROR)
    {
      fprintf (stderr, "toasoan-cli: %s\n", _("An option value is not valid UTF-8 text; nothing was changed"));
      *status = TOA_CLI_EXIT_INVALID;
      return FALSE;
    }
  *status = toa_cli_usage_error ("%s", error->message);
  return FALSE;
}

gboolean
toa_cli_parse_id (const char *text,
                  gint64     *id,
                  int        *status)
{
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      *status = toa_cli_usage_error (_("“%s” is not an article number"), text ? text : "");
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

gboolean
toa_cli_parse_statuses (const char *text,
                        guint      *mask,
                        int        *status)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);

  *mask = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      ToaArticleStatus s;

      if (!toa_article_status_from_string (g_strstrip (names[i]), &s))
        {
          *status = toa_cli_usage_error (_("Unknown status “%s” (use draft, submitted, approved, published or archived)"),
                                         names[i]);
          return FALSE;
        }
      *mask |= TOA_STATUS_BIT (s);
    }
  return TRUE;
}

void
toa_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

char *
toa_cli_format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
toa_cli_add_content (JsonBuilder             *builder,
                     const ToaArticleContent *content)
{
  add_string (builder, "title", content->title);
  add_string (builder, "lead", content->lead);
  if (content->body != NULL)
    add_string (builder, "body", content->body);
  add_string (builder, "byline", content->byline);
  add_string (builder, "category", content->category);
  add_string (builder, "event_date", content->event_date);
  add_string (builder, "display_date", content->display_date);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; content->tags != NULL && content->tags[i] != NULL; i++)
    json_builder_add_string_value (builder, content->tags[i]);
  json_builder_end_array (builder);
}

void
toa_cli_add_article (JsonBuilder      *builder,
                     const ToaArticle *article)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, article->id);
  add_string (builder, "status", toa_article_status_to_string (article->status));
  add_string (builder, "office", article->office);
  add_string (builder, "author", article->author);
  add_string (builder, "revision_author", article->revision_author);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, article->version);
  json_builder_set_member_name (builder, "current_revision");
  json_builder_add_int_value (builder, article->current_revision);
  json_builder_set_member_name (builder, "approved_revision");
  json_builder_add_int_value (builder, article->approved_revision);
  json_builder_set_member_name (builder, "published_revision");
  json_builder_add_int_value (builder, article->published_revision);
  add_string (builder, "hash", article->current_hash);
  add_string (builder, "approved_hash", article->approved_hash);
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, article->created);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, article->updated);
  toa_cli_add_content (builder, article->content);
  json_builder_end_object (builder);
}

/* One article per line: ID, status, office, version, title — tab
 * separated so that scripts can cut it. */
void
toa_cli_print_article_rows (ToaCliGlobal *global,
                            GPtrArray    *articles)
{
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < articles->len; i++)
        toa_cli_add_article (builder, g_ptr_array_index (articles, i));
      json_builder_end_array (builder);
      toa_cli_print_json (builder);
      return;
    }
  for (guint i = 0; i < articles->len; i++)
    {
      ToaArticle *a = g_ptr_array_index (articles, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\n", a->id,
              toa_article_status_to_string (a->status), a->office, a->version, a->content->title);
    }
}
