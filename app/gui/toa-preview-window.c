/* toa-preview-window.c — an article as the portal will show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is the one the export writes (toa_exporter_render_page, same
 * XSLT), shown by WebKitGTK with JavaScript off and no network (see
 * webview/toa-webview-module.c for how the view is locked down). WebKit
 * lives in a module opened the first time a preview window is made, so
 * that the application does not load it at start-up; without the module
 * the window says so and still offers "Copy HTML". The page's images are
 * written to a private temporary folder, the page's base URI.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "toa-export-dialog.h"
#include "toa-preview-window.h"
#include "toa-store-export.h"
#include "toa-webview-loader.h"

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

  const ToaWebViewApi *web;     /* NULL when the module did not load */
  GtkWidget      *view;
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkRevealer    *draft_revealer;
  GtkBox         *view_box;
  AdwStatusPage  *unavailable_page;
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

static void
on_view_finished (GtkWidget *view,
                  GObject   *owner)
{
  ToaPreviewWindow *self = TOA_PREVIEW_WINDOW (owner);

  if (self->loaded)
    return;
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
on_view_blocked (GtkWidget  *view,
                 const char *uri,
                 GObject    *owner)
{
  TOA_PREVIEW_WINDOW (owner)->blocked++;
}

static const ToaWebViewCallbacks view_callbacks = {
  .finished = on_view_finished,
  .blocked = on_view_blocked,
};

/* The web view, or a page that says why there is none. */
static void
add_view (ToaPreviewWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->web = toa_webview_open (&error);
  if (self->web == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s\n\nThe article can still be exported and its HTML copied."),
                                               error->message);

      adw_status_page_set_description (self->unavailable_page, text);
      gtk_widget_set_visible (GTK_WIDGET (self->unavailable_page), TRUE);
      return;
    }
  self->view = self->web->new_view (&view_callbacks, G_OBJECT (self));
  gtk_box_append (self->view_box, self->view);
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
  gtk_widget_class_bind_template_child (widget_class, ToaPreviewWindow, unavailable_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "preview.copy-html", NULL, preview_copy_html);
}

static void
toa_preview_window_init (ToaPreviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.copy-html", FALSE);
  add_view (self);
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
  if (self->view != NULL)
    self->web->load_html (self->view, self->html, self->base_uri);
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
 * Returns: (transfer none) (nullable): the WebKitWebView, or %NULL when
 *   the web view module could not be loaded
 */
GtkWidget *
toa_preview_window_get_view (ToaPreviewWindow *self)
{
  g_return_val_if_fail (TOA_IS_PREVIEW_WINDOW (self), NULL);

  return self->view;
}
