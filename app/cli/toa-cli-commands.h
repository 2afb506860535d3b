/* toa-cli-commands.h — the subcommands of toasoan-cli and their helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "toa-cli.h"
#include "toa-store.h"

G_BEGIN_DECLS

/* toa-cli-common.c */
ToaStore   *toa_cli_open_store      (ToaCliGlobal  *global,
                                     GError       **error);
const char *toa_cli_actor           (ToaCliGlobal  *global);
int         toa_cli_fail            (GError        *error);
gboolean    toa_cli_parse           (const char    *parameter,
                                     GOptionEntry  *entries,
                                     int           *argc,
                                     char        ***argv,
                                     int           *status);
gboolean    toa_cli_parse_id        (const char    *text,
                                     gint64        *id,
                                     int           *status);
void        toa_cli_print_json      (JsonBuilder   *builder);
char       *toa_cli_format_time     (gint64         usec);
void        toa_cli_add_article     (JsonBuilder      *builder,
                                     const ToaArticle *article);
void        toa_cli_add_content     (JsonBuilder             *builder,
                                     const ToaArticleContent *content);
gboolean    toa_cli_parse_statuses  (const char    *text,
                                     guint         *mask,
                                     int           *status);
void        toa_cli_print_article_rows (ToaCliGlobal *global,
                                        GPtrArray    *articles);

/* toa-cli-admin.c */
int toa_cli_init      (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_office    (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_category  (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_user      (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_backup    (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_check     (ToaCliGlobal *global, int argc, char **argv);

/* toa-cli-article.c */
int toa_cli_article   (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_search    (ToaCliGlobal *global, int argc, char **argv);

/* toa-cli-workflow.c: submit, withdraw, return, approve, publish,
 * unpublish, restore — the command name is the action. */
int toa_cli_workflow  (ToaCliGlobal *global, int argc, char **argv);

G_END_DECLS
