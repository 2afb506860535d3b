/* toa-cli.c — global options and subcommand dispatch of toasoan-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "toa-cli.h"
#include "toa-cli-commands.h"
#include "toa-cli-review.h"
#include "toa-core.h"

static const ToaCliCommand commands[] = {
  /* Core: store, workflow, search (toa-cli-admin.c, toa-cli-article.c,
   * toa-cli-workflow.c). */
  { "init", toa_cli_init, N_("init                                    create or upgrade the database") },
  { "office", toa_cli_office, N_("office add CODE NAME | office set CODE NAME | office retire|restore CODE | office list") },
  { "category", toa_cli_category, N_("category add NAME | category set ID NAME | category retire|restore ID | category list") },
  { "user", toa_cli_user, N_("user add LOGIN \"FULL NAME\" --office CODE --role ROLE [--role ROLE…] | user list\n"
                                 "  user set LOGIN [--name NAME] [--office CODE | --no-office] [--role ROLE…]\n"
                                 "  user retire|restore LOGIN") },
  { "article", toa_cli_article, N_("article new --title T [--lead L] [--body-file F] [--category C] [--office CODE] [--byline B]\n"
                                   "  article edit ID --expect-version N [--title T] [--lead L] [--body-file F] […]\n"
                                   "  article show ID [--revision R] | article list [--status S] [--office CODE] [--mine]\n"
                                   "  article history ID") },
  { "submit", toa_cli_workflow, N_("submit ID [--comment C] | withdraw ID | return ID --comment C\n"
                                 "  approve ID [--comment C] [--override REASON] (through the checklist)") },
  { "withdraw", toa_cli_workflow, NULL },
  { "return", toa_cli_workflow, NULL },
  { "approve", toa_cli_workflow, NULL },
  { "publish", toa_cli_workflow, N_("publish ID | unpublish ID --comment C | restore ID") },
  { "unpublish", toa_cli_workflow, NULL },
  { "restore", toa_cli_workflow, NULL },
  { "search", toa_cli_search, N_("search QUERY [--status S] [--office CODE]") },
  { "backup", toa_cli_backup, N_("backup DEST                             online copy of the database") },
  { "check", toa_cli_check, N_("check                                   integrity check and schema version") },
  /* Exports (toa-cli-export.c). */
  { "export", toa_cli_export, N_("export ID… --format xml|fragment|page|liferay|newsml|bundle --out DIR [--preview]\n"
                                 "  export --feed atom --out FILE") },
  { "import", toa_cli_import, N_("import FILE [--office CODE]             article XML or an HTML page → a new draft") },
  { "media", toa_cli_media, N_("media add FILE [--article ID]           store an image; prints its id for src=\"media:ID\"") },
  { "verify", toa_cli_verify, N_("verify BUNDLE                           check a bundle against its manifest") },
  /* Review desk (toa-cli-review.c). */
  { "diff", toa_cli_diff, N_("diff ID [--from R] [--to R]             word diff: [-removed-] {+added+}") },
  { "comment", toa_cli_comment, N_("comment add ID --text T [--range START:END] | comment list ID\n"
                                   "  comment resolve CID | comment reopen CID") },
  { "checklist", toa_cli_checklist, N_("checklist ID [--approve [--override REASON] [--comment C]]\n"
                                       "                                          exit 0 when every item passes, 1 when one fails") },
  { "revert", toa_cli_revert, N_("revert ID --revision R --expect-version N  restore an older revision as a new one") },
  { "report", toa_cli_report, N_("report --from DATE --to DATE [--csv]    statistics per office and month") },
  { NULL, NULL, NULL },
};

void
toa_cli_print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: toasoan-cli [--db PATH] [--as LOGIN] [--json] COMMAND [ARGUMENTS…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    if (commands[i].synopsis != NULL)
      fprintf (stream, "  %s\n", _(commands[i].synopsis));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  --db PATH     %s\n", _("Use this database file instead of the default one"));
  fprintf (stream, "  --as LOGIN    %s\n", _("Act as this user (default: your system login)"));
  fprintf (stream, "  --json        %s\n", _("Print machine-readable JSON"));
  fprintf (stream, "  --version     %s\n", _("Print the version and exit"));
  fprintf (stream, "  --help        %s\n", _("Print this help and exit"));
}

int
toa_cli_usage_error (const char *format,
                     ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "toasoan-cli: %s\n", message);
  fprintf (stderr, "%s\n", _("Run “toasoan-cli --help” for usage."));
  return TOA_CLI_EXIT_USAGE;
}

static const ToaCliCommand *
find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
clear_global (ToaCliGlobal *global)
{
  g_clear_pointer (&global->db_path, g_free);
  g_clear_pointer (&global->as_login, g_free);
}

/* Global options come before the subcommand; everything after it belongs
 * to the subcommand, which parses its own options. Returns FALSE when the
 * program is done (help, version or a usage error), with @status set. */
static gboolean
parse_global (ToaCliGlobal  *global,
              int            argc,
              char         **argv,
              int           *first_arg,
              int           *status)
{
  int i;

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (arg[0] != '-')
        break;
      if (strcmp (arg, "--version") == 0)
        {
          printf ("toasoan-cli %s\n", toa_core_get_version ());
          *status = TOA_CLI_EXIT_OK;
          return FALSE;
        }
      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          toa_cli_print_usage (stdout);
          *status = TOA_CLI_EXIT_OK;
          return FALSE;
        }
      if (strcmp (arg, "--json") == 0)
        {
          global->json = TRUE;
          continue;
        }
      if ((strcmp (arg, "--db") == 0 || strcmp (arg, "--as") == 0) && i + 1 < argc)
        {
          char **slot = arg[2] == 'd' ? &global->db_path : &global->as_login;

          g_free (*slot);
          *slot = g_strdup (argv[++i]);
          continue;
        }
      *status = toa_cli_usage_error (_("Unknown option “%s”"), arg);
      return FALSE;
    }

  *first_arg = i;
  return TRUE;
}

int
toa_cli_run (int    argc,
             char **argv)
{
  ToaCliGlobal global = { 0 };
  const ToaCliCommand *command;
  int first = 0;
  int status = TOA_CLI_EXIT_OK;

  if (!parse_global (&global, argc, argv, &first, &status))
    {
      clear_global (&global);
      return status;
    }

  if (first >= argc)
    {
      toa_cli_print_usage (stderr);
      clear_global (&global);
      return TOA_CLI_EXIT_USAGE;
    }

  command = find_command (argv[first]);
  if (command == NULL)
    {
      status = toa_cli_usage_error (_("Unknown command “%s”"), argv[first]);
      clear_global (&global);
      return status;
    }

  status = command->handler (&global, argc - first, argv + first);
  clear_global (&global);
  return status;
}
