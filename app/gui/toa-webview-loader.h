/* toa-webview-loader.h — finding and opening the web view module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "webview/toa-webview-module.h"

G_BEGIN_DECLS

#define TOA_WEBVIEW_ERROR (toa_webview_error_quark ())

/**
 * ToaWebViewError:
 * @TOA_WEBVIEW_ERROR_NOT_FOUND: no folder searched holds the module
 * @TOA_WEBVIEW_ERROR_FAILED: a module was found but could not be loaded
 * @TOA_WEBVIEW_ERROR_VERSION: the module found belongs to another version
 *   of the application
 */
typedef enum
{
  TOA_WEBVIEW_ERROR_NOT_FOUND,
  TOA_WEBVIEW_ERROR_FAILED,
  TOA_WEBVIEW_ERROR_VERSION,
} ToaWebViewError;

GQuark               toa_webview_error_quark (void);
GStrv                toa_webview_module_dirs (void);
const ToaWebViewApi *toa_webview_open_in     (const char * const  *dirs,
                                              GError             **error);
const ToaWebViewApi *toa_webview_open        (GError             **error);

G_END_DECLS
