/* toa-webview-module.c — the preview's web view, loaded on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only code of the application that links WebKitGTK (see
 * toa-webview-module.h for why it is a module). The page shown is the one
 * the export writes, so the view is locked down: JavaScript off and no
 * network. It has a default Content-Security-Policy that only allows
 * file: and data: resources, an ephemeral network session whose proxy
 * goes nowhere, and a policy handler that refuses every navigation away
 * from the page and its folder.
 */
#include <gmodule.h>
#include <webkit/webkit.h>

#include "toa-webview-module.h"

/* Only the page's own folder and inline data may be loaded. */
#define PREVIEW_CSP "default-src 'none'; img-src file: data:; style-src 'unsafe-inline' file:; " \
                    "font-src file: data:"
/* A closed port: should anything bypass the policy, it goes nowhere. */
#define DEAD_PROXY "http://127.0.0.1:9"

#define VIEW_STATE_KEY "toa-webview-state"

/* Kept on the view itself, so that the policy handler never depends on
 * the owner being alive: without an owner the view still refuses. */
typedef struct
{
  char                      *base_uri;
  const ToaWebViewCallbacks *callbacks;
  GWeakRef                   owner;
} ViewState;

G_MODULE_EXPORT const ToaWebViewApi *toa_webview_module_get_api (guint version);

static void
view_state_free (gpointer data)
{
  ViewState *state = data;

  g_free (state->base_uri);
  g_weak_ref_clear (&state->owner);
  g_free (state);
}

static ViewState *
view_state (WebKitWebView *view)
{
  ViewState *state = g_object_get_data (G_OBJECT (view), VIEW_STATE_KEY);

  g_assert (state != NULL);
  return state;
}

static gboolean
is_local (ViewState  *state,
          const char *uri)
{
  if (uri == NULL)
    return FALSE;
  if (g_str_has_prefix (uri, "data:") || g_str_equal (uri, "about:blank"))
    return TRUE;
  return state->base_uri != NULL && g_str_has_prefix (uri, state->base_uri);
}

static void
tell_blocked (WebKitWebView *view,
              ViewState     *state,
              const char    *uri)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&state->owner);

  if (owner != NULL && state->callbacks->blocked != NULL)
    state->callbacks->blocked (GTK_WIDGET (view), uri, owner);
}

static gboolean
on_view_decide_policy (WebKitWebView            *view,
                       WebKitPolicyDecision     *decision,
                       WebKitPolicyDecisionType  type,
                       gpointer                  user_data)
{
  ViewState *state = view_state (view);
  WebKitNavigationAction *action;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;
  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  /* Links in the page lead to the portal; a preview must not go there. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION || !is_local (state, uri))
    {
      webkit_policy_decision_ignore (decision);
      tell_blocked (view, state, uri);
      return TRUE;
    }
  webkit_policy_decision_use (decision);
  return TRUE;
}

static void
on_view_load_changed (WebKitWebView   *view,
                      WebKitLoadEvent  event,
                      gpointer         user_data)
{
  ViewState *state = view_state (view);
  g_autoptr(GObject) owner = NULL;

  if (event != WEBKIT_LOAD_FINISHED)
    return;
  owner = g_weak_ref_get (&state->owner);
  if (owner != NULL && state->callbacks->finished != NULL)
    state->callbacks->finished (GTK_WIDGET (view), owner);
}

static GtkWidget *
new_view (const ToaWebViewCallbacks *callbacks,
          GObject                   *owner)
{
  g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr(WebKitNetworkProxySettings) proxy = webkit_network_proxy_settings_new (DEAD_PROXY, NULL);
  g_autoptr(WebKitSettings) settings = webkit_settings_new ();
  WebKitWebView *view;
  ViewState *state;

  g_return_val_if_fail (callbacks != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  webkit_network_session_set_proxy_settings (session, WEBKIT_NETWORK_PROXY_MODE_CUSTOM, proxy);
  webkit_settings_set_enable_javascript (settings, FALSE);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_auto_load_images (settings, TRUE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);

  view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "network-session", session,
                       "settings", settings,
                       "default-content-security-policy", PREVIEW_CSP,
                       "hexpand", TRUE,
                       "vexpand", TRUE,
                       NULL);
  state = g_new0 (ViewState, 1);
  state->callbacks = callbacks;
  g_weak_ref_init (&state->owner, owner);
  g_object_set_data_full (G_OBJECT (view), VIEW_STATE_KEY, state, view_state_free);
  g_signal_connect (view, "decide-policy", G_CALLBACK (on_view_decide_policy), NULL);
  g_signal_connect (view, "load-changed", G_CALLBACK (on_view_load_changed), NULL);
  return GTK_WIDGET (view);
}

static void
load_html (GtkWidget  *widget,
           const char *html,
           const char *base_uri)
{
  ViewState *state;

  g_return_if_fail (WEBKIT_IS_WEB_VIEW (widget));
  g_return_if_fail (html != NULL);

  state = view_state (WEBKIT_WEB_VIEW (widget));
  g_free (state->base_uri);
  state->base_uri = g_strdup (base_uri);
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (widget), html, base_uri);
}

static const ToaWebViewApi api = {
  .version = TOA_WEBVIEW_API_VERSION,
  .size = sizeof (ToaWebViewApi),
  .new_view = new_view,
  .load_html = load_html,
};

/**
 * toa_webview_module_get_api:
 * @version: the TOA_WEBVIEW_API_VERSION the caller was built with
 *
 * The module's one entry point. The application makes the module
 * resident: signal handlers and the views' state point into it.
 *
 * Returns: (nullable): the module's functions, or %NULL when the module
 *   does not implement @version
 */
const ToaWebViewApi *
toa_webview_module_get_api (guint version)
{
  if (version != TOA_WEBVIEW_API_VERSION)
    return NULL;
  return &api;
}
