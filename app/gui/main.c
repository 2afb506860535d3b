/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-application.h"
#include "toa-core.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ToaApplication) app = NULL;

  toa_core_init_i18n ();

  app = toa_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
