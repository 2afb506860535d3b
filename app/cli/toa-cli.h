/* toa-cli.h — shared plumbing of toasoan-cli's subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* The exit codes are a contract with scripts: keep the numbers. */
typedef enum
{
  TOA_CLI_EXIT_OK = 0,
  TOA_CLI_EXIT_ERROR = 1,
  TOA_CLI_EXIT_USAGE = 2,
  TOA_CLI_EXIT_CONFLICT = 3,
  TOA_CLI_EXIT_NOT_PERMITTED = 4,
  TOA_CLI_EXIT_NOT_FOUND = 5,
  TOA_CLI_EXIT_INVALID = 6,
} ToaCliExit;

typedef struct
{
  char     *db_path;
  char     *as_login;
  gboolean  json;
} ToaCliGlobal;

typedef int (*ToaCliHandler) (ToaCliGlobal *global,
                              int           argc,
                              char        **argv);

typedef struct
{
  const char    *name;
  ToaCliHandler  handler;
  const char    *synopsis;   /* marked for translation with N_, translated when printed */
} ToaCliCommand;

void toa_cli_print_usage  (FILE *stream);
int  toa_cli_usage_error  (const char *format,
                           ...) G_GNUC_PRINTF (1, 2);
int  toa_cli_run          (int    argc,
                           char **argv);

G_END_DECLS
