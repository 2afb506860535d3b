/* toa-cli-workflow.c — submit, withdraw, return, approve, publish,
 * unpublish, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "toa-checklist.h"
#include "toa-cli-commands.h"

int
toa_cli_workflow (ToaCliGlobal  *global,
                  int            argc,
                  char         **argv)
{
  g_autofree char *comment = NULL;
  g_autofree char *override = NULL;
  g_autofree char *action = g_strdup (argv[0]);
  gboolean approving = g_strcmp0 (action, "approve") == 0;
  GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("Why (required to return or unpublish)"), "C" },
    { "override", 0, 0, G_OPTION_ARG_STRING, &override,
      N_("Approve although the checklist fails, for this reason (approve only)"), "REASON" },
    { NULL }
  };
  gboolean done;
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(ToaArticle) article = NULL;
  GError *error = NULL;
  gint64 id;
  int status;

  if (!toa_cli_parse ("ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return toa_cli_usage_error (_("Usage: toasoan-cli %s ID [--comment C]"), action);
  if (override != NULL && !approving)
    return toa_cli_usage_error (_("--override goes with approve"));
  if (!toa_cli_parse_id (argv[1], &id, &status))
    return status;
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  /* An approval goes through the checklist, as in the application. */
  if (approving)
    done = toa_store_approve_checked (store, id, toa_cli_actor (global), comment, override, &error);
  else
    done = toa_store_transition (store, id, action, toa_cli_actor (global), comment, &error);
  if (!done)
    return toa_cli_fail (error);
  article = toa_store_get_article (store, id, &error);
  if (article == NULL)
    return toa_cli_fail (error);
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      toa_cli_add_article (builder, article);
      toa_cli_print_json (builder);
    }
  else
    printf (_("Article %lld is now “%s”\n"), (long long) id,
            toa_article_status_get_label (article->status));
  return TOA_CLI_EXIT_OK;
}
