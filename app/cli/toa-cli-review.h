/* toa-cli-review.h — the review desk's subcommands of toasoan-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-cli.h"

G_BEGIN_DECLS

int toa_cli_diff       (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_comment    (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_checklist  (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_revert     (ToaCliGlobal *global, int argc, char **argv);
int toa_cli_report     (ToaCliGlobal *global, int argc, char **argv);

G_END_DECLS
