/* toa-core.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "toa-core.h"

/**
 * toa_core_get_version:
 *
 * Returns: (transfer none): the version of Tòa Soạn this library was built as
 */
const char *
toa_core_get_version (void)
{
  return PACKAGE_VERSION;
}

/**
 * toa_core_init_i18n:
 *
 * Sets the locale from the environment and binds the message catalogue,
 * so that errors raised by the core come out translated. Call once, first
 * thing in main().
 */
void
toa_core_init_i18n (void)
{
  const char *localedir = g_getenv ("TOASOAN_LOCALEDIR");

  /* Tests run from the build tree, where the catalogues are not installed. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
