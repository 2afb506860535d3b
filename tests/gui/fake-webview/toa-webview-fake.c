/* toa-webview-fake.c — a web view module from another version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Named like the real module and exporting the same entry point, but it
 * implements no API version the application asks for: the loader must
 * refuse it (test-preview-module.c).
 */
#include <gmodule.h>

G_MODULE_EXPORT const void *toa_webview_module_get_api (unsigned int version);

const void *
toa_webview_module_get_api (unsigned int version)
{
  return NULL;
}
