/* toa-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-window.h"

struct _ToaWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *views_list;
  GtkLabel             *user_label;
  AdwWindowTitle       *list_title;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *article_list;
  AdwStatusPage        *empty_page;
  GtkStack             *editor_stack;
  AdwWindowTitle       *editor_title;
};

G_DEFINE_FINAL_TYPE (ToaWindow, toa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ToaWindow *
toa_window_new (ToaApplication *application)
{
  g_return_val_if_fail (TOA_IS_APPLICATION (application), NULL);

  return g_object_new (TOA_TYPE_WINDOW,
                       "application", application,
                       "settings", toa_application_get_settings (application),
                       NULL);
}

static void
restore_window_state (ToaWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (ToaWindow *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
toa_window_close_request (GtkWindow *window)
{
  save_window_state (TOA_WINDOW (window));

  return GTK_WINDOW_CLASS (toa_window_parent_class)->close_request (window);
}

static void
toa_window_constructed (GObject *object)
{
  ToaWindow *self = TOA_WINDOW (object);

  G_OBJECT_CLASS (toa_window_parent_class)->constructed (object);

  restore_window_state (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
toa_window_dispose (GObject *object)
{
  ToaWindow *self = TOA_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (toa_window_parent_class)->dispose (object);
}

static void
go_back (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
toggle_search (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);

  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toa_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ToaWindow *self = TOA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ToaWindow *self = TOA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_window_class_init (ToaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = toa_window_constructed;
  object_class->dispose = toa_window_dispose;
  object_class->get_property = toa_window_get_property;
  object_class->set_property = toa_window_set_property;
  window_class->close_request = toa_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, views_list);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, article_list);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, editor_title);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, toggle_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
toa_window_init (ToaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
