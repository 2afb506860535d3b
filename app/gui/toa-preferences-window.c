/* toa-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-preferences-window.h"

struct _ToaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *color_scheme_row;
  AdwActionRow         *database_row;
  AdwActionRow         *export_folder_row;
  GtkSpinButton        *image_width_spin;
};

G_DEFINE_FINAL_TYPE (ToaPreferencesWindow, toa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the rows in the combo is the order of these nicks. */
static const char * const color_scheme_nicks[] = { "default", "light", "dark" };

ToaPreferencesWindow *
toa_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (TOA_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}

static gboolean
color_scheme_to_position (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_scheme_nicks); i++)
    if (g_strcmp0 (nick, color_scheme_nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_color_scheme (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_scheme_nicks))
    return NULL;
  return g_variant_new_string (color_scheme_nicks[position]);
}

static void
show_path (AdwActionRow *row,
           const char   *path,
           const char   *fallback)
{
  adw_action_row_set_subtitle (row, path != NULL && path[0] != '\0' ? path : fallback);
}

static void
update_paths (ToaPreferencesWindow *self)
{
  g_autofree char *database = g_settings_get_string (self->settings, "database-path");
  g_autofree char *export_folder = g_settings_get_string (self->settings, "export-folder");
  g_autofree char *default_db = g_build_filename (g_get_user_data_dir (), "toasoan", "toasoan.db", NULL);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  show_path (self->database_row, database, default_db);
  show_path (self->export_folder_row, export_folder,
             documents != NULL ? documents : g_get_home_dir ());
}

static void
toa_preferences_window_constructed (GObject *object)
{
  ToaPreferencesWindow *self = TOA_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (toa_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_position,
                                position_to_color_scheme,
                                NULL, NULL);
  g_settings_bind (self->settings, "max-image-width",
                   self->image_width_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (update_paths), self, G_CONNECT_SWAPPED);
  update_paths (self);
}

static void
toa_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ToaPreferencesWindow *self = TOA_PREFERENCES_WINDOW (object);

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
toa_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ToaPreferencesWindow *self = TOA_PREFERENCES_WINDOW (object);

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
toa_preferences_window_dispose (GObject *object)
{
  ToaPreferencesWindow *self = TOA_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (toa_preferences_window_parent_class)->dispose (object);
}

static void
toa_preferences_window_class_init (ToaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = toa_preferences_window_constructed;
  object_class->dispose = toa_preferences_window_dispose;
  object_class->get_property = toa_preferences_window_get_property;
  object_class->set_property = toa_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, export_folder_row);
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, image_width_spin);
}

static void
toa_preferences_window_init (ToaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
