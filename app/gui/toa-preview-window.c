/* toa-preview-window.c — an article as the portal will show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is the one the export writes (toa_exporter_render_page, same
 * XSLT), shown by WebKitGTK with JavaScript off and no network: the view
 * has a default Content-Security-Policy that only allows file: and data:
 * resources, an ephemeral network session whose proxy goes nowhere, and a
 * policy handler that refuses every navigation away from the page. Its
 * images are written to a private temporary folder, the page's base URI.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <webkit/webkit.h>

#include "toa-export-dialog.h"
#include "toa-preview-window.h"
#include "toa-store-export.h"

/* Only the page's own folder and inline data may be loaded. */
#define PREVIEW_CSP "default-src 'none'; img-src file: data:; style-src 'unsafe-inline' file:; " \
                    "font-src file: data:"
/* A closed port: should anything bypass the policy, it goes nowhere. */
#define DEAD_PROXY "http://127.0.0.1:9"

struct _ToaPreviewWindow
{
  AdwWindow       parent_instance;

  ToaStore       *store;
  char           *login;
  char           *folder;       /* the private temporary folder */
  char           *base_uri;
  char           *html;
  gint64          article_id;
  gboolean        draft;
  gboolean        loaded;
  guint           blocked;

  WebKitWebView  *view;
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkRevealer    *draft_revealer;
  GtkBox         *view_box;
};

G_DEFINE_FINAL_TYPE (ToaPreviewWindow, toa_preview_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
is_local (ToaPreviewWindow *self,
          const char       *uri)
{
  if (uri == NULL)
    return FALSE;
  if (g_str_has_prefix (uri, "data:") || g_str_equal (uri, "about:blank"))
    return TRUE;
  return self->base_uri != NULL && g_str_has_prefix (uri, self->base_uri);
}

static gboolean
on_view_decide_policy (WebKitWebView            *view,
                       WebKitPolicyDecision     *decision,
                       WebKitPolicyDecisionType  type,
                       gpointer                  user_data)
{
  ToaPreviewWindow *self = user_data;
  WebKitNavigationAction *action;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;
  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  /* Links in the page lead to the portal; a preview must not go there. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION || !is_local (self, uri))
    {
      self->blocked++;
      webkit_policy_decision_ignore (decision);
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
  ToaPreviewWindow *self = user_data;

  if (event != WEBKIT_LOAD_FINISHED || self->loaded)
    return;
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static WebKitWebView *
create_view (ToaPreviewWindow *self)
{
  g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr(WebKitNetworkProxySettings) proxy = webkit_network_proxy_settings_new (DEAD_PROXY, NULL);
  g_autoptr(WebKitSettings) settings = webkit_settings_new ();
  WebKitWebView *view;

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
  g_signal_connect_object (view, "decide-policy", G_CALLBACK (on_view_decide_policy), self, 0);
  g_signal_connect_object (view, "load-changed", G_CALLBACK (on_view_load_changed), self, 0);
  return view;
}

/* "Sao chép HTML": the fragment the portal export writes, for pasting
 * into the portal's own editor. Only what may go to the portal. */
static void
preview_copy_html (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ToaPreviewWindow *self = TOA_PREVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (toa_export_copy_html (gtk_widget_get_clipboard (widget), self->store, self->article_id, &error))
    text = g_strdup (_("HTML copied: paste it into the portal’s editor"));
  else
    text = g_strdup_printf (_("Could not copy the HTML: %s"), error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
toa_preview_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ToaPreviewWindow *self = TOA_PREVIEW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_preview_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TOA_TYPE_PREVIEW_WINDOW);
  G_OBJECT_CLASS (toa_preview_window_parent_class)->dispose (object);
}

static void
toa_preview_window_finalize (GObject *object)
{
  ToaPreviewWindow *self = TOA_PREVIEW_WINDOW (object);

  if (self->folder != NULL)
    remove_tree (self->folder);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->html, g_free);
  g_clear_pointer (&self->login, g_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (toa_preview_window_parent_class)->finalize (object);
}

static void
toa_preview_window_class_init (ToaPreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = toa_preview_window_get_property;
  object_class->dispose = toa_preview_window_dispose;
  object_class->finalize = toa_preview_window_finalize;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/toasoan/ToaSoan/ui/toa-preview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaPreviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ToaPreviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ToaPreviewWindow, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, ToaPreviewWindow, view_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "preview.copy-html", NULL, preview_copy_html);
}

static void
toa_preview_window_init (ToaPreviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->view = create_view (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.copy-html", FALSE);
  gtk_box_append (self->view_box, GTK_WIDGET (self->view));
}

/**
 * toa_preview_window_new:
 * @parent: (nullable): the main window
 * @store: the store
 * @login: who previews
 *
 * Returns: (transfer full): a new preview window; call
 *   toa_preview_window_load() to show an article
 */
ToaPreviewWindow *
toa_preview_window_new (GtkWindow  *parent,
                        ToaStore   *store,
                        const char *login)
{
  ToaPreviewWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_PREVIEW_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  return self;
}

static gboolean
prepare_folder (ToaPreviewWindow  *self,
                GError           **error)
{
  if (self->folder != NULL)
    remove_tree (self->folder);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->base_uri, g_free);

  self->folder = g_dir_make_tmp ("toasoan-preview-XXXXXX", error);
  if (self->folder == NULL)
    return FALSE;
  self->base_uri = g_filename_to_uri (self->folder, NULL, error);
  if (self->base_uri == NULL)
    return FALSE;
  /* The page's relative image paths resolve inside the folder. */
  if (!g_str_has_suffix (self->base_uri, "/"))
    {
      char *with_slash = g_strconcat (self->base_uri, "/", NULL);

      g_free (self->base_uri);
      self->base_uri = with_slash;
    }
  return TRUE;
}

/**
 * toa_preview_window_load:
 * @self: the preview window
 * @article_id: the article
 * @error: return location for a #GError
 *
 * Renders the article's page exactly as the export writes it and shows
 * it. An article that may not go to the portal (a draft, or approved
 * content changed since) gets the exporter's preview banner.
 *
 * Returns: %TRUE when the page was rendered (loading continues)
 */
gboolean
toa_preview_window_load (ToaPreviewWindow  *self,
                         gint64             article_id,
                         GError           **error)
{
  g_autoptr(ToaExportArticle) article = NULL;
  g_autoptr(ToaExporter) exporter = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autofree char *html = NULL;

  g_return_val_if_fail (TOA_IS_PREVIEW_WINDOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  article = toa_store_export_load (self->store, article_id, error);
  if (article == NULL)
    return FALSE;

  exporter = toa_exporter_new ();
  toa_store_export_use_media (self->store, exporter);
  self->draft = !toa_export_check_portal_policy (article, NULL);
  toa_exporter_set_preview (exporter, self->draft);
  html = toa_exporter_render_page (exporter, article, &images, error);
  if (html == NULL || !prepare_folder (self, error))
    return FALSE;
  if (!toa_export_files_write (images, self->folder, error))
    return FALSE;

  g_free (self->html);
  self->html = g_steal_pointer (&html);
  self->loaded = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);

  adw_window_title_set_title (self->window_title, article->content->title ? article->content->title : "");
  adw_window_title_set_subtitle (self->window_title,
                                 self->draft ? _("Draft preview — not approved") : _("As it will be published"));
  gtk_revealer_set_reveal_child (self->draft_revealer, self->draft);
  self->article_id = article_id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.copy-html", !self->draft);
  webkit_web_view_load_html (self->view, self->html, self->base_uri);
  return TRUE;
}

/**
 * toa_preview_window_get_html:
 * @self: the preview window
 *
 * Returns: (nullable): the page given to the web view
 */
const char *
toa_preview_window_get_html (ToaPreviewWindow *self)
{
  g_return_val_if_fail (TOA_IS_PREVIEW_WINDOW (self), NULL);

  return self->html;
}

/**
 * toa_preview_window_get_draft:
 * @self: the preview window
 *
 * Returns: whether the shown page is marked as a preview of an article
 *   that may not go to the portal
 */
gboolean
toa_preview_window_get_draft (ToaPreviewWindow *self)
{
  g_return_val_if_fail (TOA_IS_PREVIEW_WINDOW (self), FALSE);

  return self->draft;
}

/**
 * toa_preview_window_get_loaded:
 * @self: the preview window
 *
 * Returns: whether the web view finished loading the page
 */
gboolean
toa_preview_window_get_loaded (ToaPreviewWindow *self)
{
  g_return_val_if_fail (TOA_IS_PREVIEW_WINDOW (self), FALSE);

  return self->loaded;
}

/**
 * toa_preview_window_get_blocked:
 * @self: the preview window
 *
 * Returns: how many navigations away from the page were refused
 */
guint
toa_preview_window_get_blocked (ToaPreviewWindow *self)
{
  g_return_val_if_fail (TOA_IS_PREVIEW_WINDOW (self), 0);

  return self->blocked;
}

/**
 * toa_preview_window_get_view:
 * @self: the preview window
 *
 * Returns: (transfer none): the #WebKitWebView
 */
GtkWidget *
toa_preview_window_get_view (ToaPreviewWindow *self)
{
  g_return_val_if_fail (TOA_IS_PREVIEW_WINDOW (self), NULL);

  return GTK_WIDGET (self->view);
}
