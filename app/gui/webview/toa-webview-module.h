/* toa-webview-module.h — the contract between the application and the
 * web view module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WebKitGTK and its libraries (JavaScriptCore, libsoup, GStreamer…) are
 * more than half of what the dynamic linker loads; only the preview needs
 * them. So the web view lives in a loadable module, toasoan-webview.so,
 * that the preview opens with GModule the first time it is shown. Both
 * sides share only this header: GTK types, no WebKit ones.
 *
 * The module exports one function, TOA_WEBVIEW_MODULE_ENTRY, that returns
 * the table of functions below for the API version asked for, or %NULL
 * when it does not implement that version (a module left over from
 * another build). Bump TOA_WEBVIEW_API_VERSION on any change to the table
 * or to what its functions do.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TOA_WEBVIEW_API_VERSION 1
#define TOA_WEBVIEW_MODULE_NAME "toasoan-webview"
#define TOA_WEBVIEW_MODULE_ENTRY "toa_webview_module_get_api"

/**
 * ToaWebViewCallbacks:
 * @finished: the view finished loading a page (each time)
 * @blocked: the view refused to navigate to @uri (a link, a new window,
 *   anything but the page and its folder)
 *
 * What the view tells its owner. Callbacks run on the main thread with the
 * owner given to new_view, and never once the owner is finalized.
 */
typedef struct
{
  void (*finished) (GtkWidget  *view,
                    GObject    *owner);
  void (*blocked)  (GtkWidget  *view,
                    const char *uri,
                    GObject    *owner);
} ToaWebViewCallbacks;

/**
 * ToaWebViewApi:
 * @version: TOA_WEBVIEW_API_VERSION of the module
 * @size: sizeof (ToaWebViewApi) as the module was built
 * @new_view: a new sandboxed web view: JavaScript off (also in markup),
 *   an ephemeral network session whose proxy goes nowhere, a default
 *   Content-Security-Policy that only allows file: and data: resources,
 *   no developer extras, no page cache, and a policy that refuses every
 *   navigation away from the page. @callbacks must outlive the view.
 *   Returns a floating widget.
 * @load_html: shows @html; relative URIs resolve against @base_uri, the
 *   only folder (with data: URIs and about:blank) the view may navigate
 *   in. @base_uri may be %NULL: then only data: and about:blank.
 *
 * Everything the application may ask of the module.
 */
typedef struct
{
  guint       version;
  gsize       size;

  GtkWidget *(*new_view)  (const ToaWebViewCallbacks *callbacks,
                           GObject                   *owner);
  void       (*load_html) (GtkWidget                 *view,
                           const char                *html,
                           const char                *base_uri);
} ToaWebViewApi;

typedef const ToaWebViewApi *(*ToaWebViewGetApiFunc) (guint version);

G_END_DECLS
