/* toa-webview-loader.c — finding and opening the web view module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application never links WebKitGTK: the preview asks for the web
 * view module the first time it is shown (see webview/toa-webview-module.h).
 * It is looked for in the folders of $TOASOAN_MODULE_DIR (a search path,
 * set by ./dev and the tests to the build folder), then in the folder it
 * was installed to, unless $TOASOAN_MODULE_DIR_ONLY is set — so that a
 * test can make sure an installed copy does not stand in for the module
 * under test.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "toa-webview-loader.h"

#define MODULE_FILE TOA_WEBVIEW_MODULE_NAME "." G_MODULE_SUFFIX

G_DEFINE_QUARK (toa-webview-error-quark, toa_webview_error)

/**
 * toa_webview_module_dirs:
 *
 * The folders the web view module is looked for in, in order: each of
 * $TOASOAN_MODULE_DIR (separated like $PATH), then TOASOAN_PKGLIBDIR
 * unless $TOASOAN_MODULE_DIR_ONLY is set to anything but "" or "0".
 *
 * Returns: (transfer full): a %NULL-terminated list of folders
 */
GStrv
toa_webview_module_dirs (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *env = g_getenv ("TOASOAN_MODULE_DIR");
  const char *only = g_getenv ("TOASOAN_MODULE_DIR_ONLY");

  if (env != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_strv_builder_add (builder, parts[i]);
    }
  if (only == NULL || g_str_equal (only, "") || g_str_equal (only, "0"))
    g_strv_builder_add (builder, TOASOAN_PKGLIBDIR);
  return g_strv_builder_end (builder);
}

/* Opens @path and asks for our API version; the module stays loaded for
 * good once it answers (its code runs the views' signal handlers). */
static const ToaWebViewApi *
open_file (const char  *path,
           GError     **error)
{
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  ToaWebViewGetApiFunc get_api = NULL;
  const ToaWebViewApi *api;

  if (module == NULL)
    {
      g_set_error (error, TOA_WEBVIEW_ERROR, TOA_WEBVIEW_ERROR_FAILED,
                   _("The preview component %s could not be loaded: %s"), path, g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, TOA_WEBVIEW_MODULE_ENTRY, (gpointer *) &get_api) || get_api == NULL)
    {
      g_set_error (error, TOA_WEBVIEW_ERROR, TOA_WEBVIEW_ERROR_FAILED,
                   _("The preview component %s could not be loaded: %s"), path, g_module_error ());
      g_module_close (module);
      return NULL;
    }
  api = get_api (TOA_WEBVIEW_API_VERSION);
  if (api == NULL || api->version != TOA_WEBVIEW_API_VERSION || api->size < sizeof (ToaWebViewApi))
    {
      g_set_error (error, TOA_WEBVIEW_ERROR, TOA_WEBVIEW_ERROR_VERSION,
                   _("The preview component %s belongs to another version of Tòa Soạn. "
                     "Reinstall Tòa Soạn to repair it."), path);
      g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);
  return api;
}

/**
 * toa_webview_open_in:
 * @dirs: (array zero-terminated=1): folders to look in, in order
 * @error: return location for a #GError
 *
 * Loads the web view module from the first folder of @dirs that holds
 * one that loads; a broken or outdated copy is passed over for the next.
 *
 * Returns: (transfer none) (nullable): the module's functions, or %NULL
 *   with @error set: %TOA_WEBVIEW_ERROR_NOT_FOUND when no folder holds
 *   the module, otherwise why the first copy found did not load
 */
const ToaWebViewApi *
toa_webview_open_in (const char * const  *dirs,
                     GError             **error)
{
  g_autoptr(GError) first_error = NULL;
  g_autofree char *searched = NULL;

  g_return_val_if_fail (dirs != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], MODULE_FILE, NULL);
      g_autoptr(GError) local_error = NULL;
      const ToaWebViewApi *api;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      api = open_file (path, &local_error);
      if (api != NULL)
        return api;
      g_debug ("Passing over %s: %s", path, local_error->message);
      if (first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }
  searched = g_strjoinv (", ", (GStrv) dirs);
  g_set_error (error, TOA_WEBVIEW_ERROR, TOA_WEBVIEW_ERROR_NOT_FOUND,
               _("The preview component %s is not installed (looked in: %s). "
                 "Reinstall Tòa Soạn to repair it."),
               MODULE_FILE, searched[0] != '\0' ? searched : _("no folder"));
  return NULL;
}

/**
 * toa_webview_open:
 * @error: return location for a #GError
 *
 * Loads the web view module from toa_webview_module_dirs(), once: later
 * calls return the same functions. A failure is not remembered, so a
 * module installed meanwhile is found by the next preview.
 *
 * Returns: (transfer none) (nullable): the module's functions, or %NULL
 *   with @error set
 */
const ToaWebViewApi *
toa_webview_open (GError **error)
{
  static const ToaWebViewApi *loaded;
  g_auto(GStrv) dirs = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (loaded != NULL)
    return loaded;
  dirs = toa_webview_module_dirs ();
  loaded = toa_webview_open_in ((const char * const *) dirs, error);
  return loaded;
}
