/* toasoan-cli.c — command-line front end over the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-cli.h"
#include "toa-core.h"

int
main (int    argc,
      char **argv)
{
  toa_core_init_i18n ();
  return toa_cli_run (argc, argv);
}
