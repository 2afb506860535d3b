/* toa-preferences-window.c — the application's preferences; the
 * administration page for admins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-preferences-window.h"
#include "toa-store-errors.h"

struct _ToaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ToaApplication       *app;
  GSettings            *settings;
  ToaAdminPage         *admin_page;
  GtkFileChooserNative *chooser;

  AdwComboRow          *color_scheme_row;
  GtkSpinButton        *font_size_spin;
  AdwActionRow         *database_row;
  AdwActionRow         *export_folder_row;
  GtkLabel             *files_error;
  GtkWidget            *default_database_button;
  GtkSpinButton        *image_width_spin;
};

G_DEFINE_FINAL_TYPE (ToaPreferencesWindow, toa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

G_DEFINE_QUARK (toa-preferences-error-quark, toa_preferences_error)

/* The order of the rows in the combo is the order of these nicks. */
static const char * const color_scheme_nicks[] = { "default", "light", "dark" };

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
update_paths (ToaPreferencesWindow *self)
{
  g_autofree char *export_folder = g_settings_get_string (self->settings, "export-folder");
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *database = toa_application_get_database_path (self->app);
  g_autofree char *default_database = toa_store_get_default_path ();

  /* The database actually open (it may come from --database), not only
   * what the settings say. */
  adw_action_row_set_subtitle (self->database_row, database);
  gtk_widget_set_visible (self->default_database_button,
                          g_strcmp0 (database, default_database) != 0);
  if (export_folder[0] != '\0')
    adw_action_row_set_subtitle (self->export_folder_row, export_folder);
  else
    adw_action_row_set_subtitle (self->export_folder_row,
                                 documents != NULL ? documents : g_get_home_dir ());
}

static void
show_files_error (ToaPreferencesWindow *self,
                  const GError         *error)
{
  g_autofree char *message = error != NULL ? toa_store_error_describe (error) : NULL;

  gtk_label_set_text (self->files_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->files_error), message != NULL);
}

static gboolean
current_user_is_admin (ToaPreferencesWindow *self)
{
  ToaStore *store = toa_application_get_store (self->app);
  g_autoptr(ToaUser) user = NULL;

  if (store == NULL)
    return FALSE;
  user = toa_store_get_user (store, toa_application_get_login (self->app), NULL);
  /* A retired admin may no longer administer (the store refuses too). */
  return user != NULL && !user->retired && (user->roles & TOA_ROLE_ADMIN) != 0;
}

/* The administration page follows the store: another database may have
 * other users, and the same login may not be an admin there. */
static void
update_admin_page (ToaPreferencesWindow *self)
{
  if (self->admin_page != NULL)
    {
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self),
                                     ADW_PREFERENCES_PAGE (self->admin_page));
      self->admin_page = NULL;
    }
  if (!current_user_is_admin (self))
    return;

  self->admin_page = toa_admin_page_new (toa_application_get_store (self->app),
                                         toa_application_get_login (self->app));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (self->admin_page));
}

static void
on_store_changed (ToaPreferencesWindow *self)
{
  update_paths (self);
  update_admin_page (self);
}

/* Opens @path as the application's database. It is tried on its own
 * first, so that a file that is no database (or cannot be written) leaves
 * the current database open. */
static gboolean
switch_database (ToaPreferencesWindow  *self,
                 const char            *path,
                 GError               **error)
{
  g_autofree char *previous = g_strdup (toa_application_get_database_path (self->app));
  g_autoptr(ToaStore) probe = NULL;
  g_autoptr(GError) local_error = NULL;

  probe = toa_store_open (path, &local_error);
  if (probe == NULL)
    goto failed;
  g_clear_object (&probe);

  if (!toa_application_open_store (self->app, path, &local_error))
    {
      /* Should the second open fail after all, go back to the old file. */
      toa_application_open_store (self->app, previous, NULL);
      goto failed;
    }

  show_files_error (self, NULL);
  return TRUE;

failed:
  show_files_error (self, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * toa_preferences_window_open_database:
 * @path: a database file, created when missing
 *
 * Makes @path the application's database and remembers it in the
 * "database-path" setting. On failure the current database stays open
 * and the error is shown in the window.
 *
 * Returns: %TRUE when @path is open
 */
gboolean
toa_preferences_window_open_database (ToaPreferencesWindow  *self,
                                      const char            *path,
                                      GError               **error)
{
  g_return_val_if_fail (TOA_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!switch_database (self, path, error))
    return FALSE;
  g_settings_set_string (self->settings, "database-path", path);
  return TRUE;
}

/**
 * toa_preferences_window_use_default_database:
 *
 * Opens `$XDG_DATA_HOME/toasoan/toasoan.db` and forgets the configured
 * database. On failure nothing changes.
 *
 * Returns: %TRUE when the default database is open
 */
gboolean
toa_preferences_window_use_default_database (ToaPreferencesWindow  *self,
                                             GError               **error)
{
  g_autofree char *path = toa_store_get_default_path ();

  g_return_val_if_fail (TOA_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!switch_database (self, path, error))
    return FALSE;
  g_settings_reset (self->settings, "database-path");
  return TRUE;
}

/**
 * toa_preferences_window_set_export_folder:
 * @path: an existing folder
 *
 * Remembers @path as the folder exports are written to.
 *
 * Returns: %TRUE when @path is a folder and was saved
 */
gboolean
toa_preferences_window_set_export_folder (ToaPreferencesWindow  *self,
                                          const char            *path,
                                          GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TOA_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (&local_error, TOA_PREFERENCES_ERROR, TOA_PREFERENCES_ERROR_NOT_A_FOLDER,
                   _("“%s” is not a folder. Choose an existing folder for the exports."), path);
      show_files_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_files_error (self, NULL);
  g_settings_set_string (self->settings, "export-folder", path);
  return TRUE;
}

/**
 * toa_preferences_window_get_admin_page:
 *
 * Returns: (transfer none) (nullable): the administration page, present
 *   only when the current user is an administrator
 */
ToaAdminPage *
toa_preferences_window_get_admin_page (ToaPreferencesWindow *self)
{
  g_return_val_if_fail (TOA_IS_PREFERENCES_WINDOW (self), NULL);

  return self->admin_page;
}

/* File choosers (native: the portal inside Flatpak). */

typedef gboolean (*ChosenFunc) (ToaPreferencesWindow *self,
                                const char           *path,
                                GError              **error);

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  ToaPreferencesWindow *self = TOA_PREFERENCES_WINDOW (user_data);
  ChosenFunc chosen = g_object_get_data (G_OBJECT (dialog), "toa-chosen-func");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);
  /* Errors are shown in the window by the function itself. */
  if (path != NULL)
    chosen (self, path, NULL);

  g_clear_object (&self->chooser);
}

static void
run_chooser (ToaPreferencesWindow *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             ChosenFunc            chosen)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                               accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "toa-chosen-func", chosen);

  if (action != GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
    {
      g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();

      gtk_file_filter_set_name (databases, _("Tòa Soạn databases"));
      gtk_file_filter_add_pattern (databases, "*.db");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
    }
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "toasoan.db");

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_open_database_clicked (ToaPreferencesWindow *self)
{
  run_chooser (self, _("Open a Database"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Open"), toa_preferences_window_open_database);
}

static void
on_new_database_clicked (ToaPreferencesWindow *self)
{
  run_chooser (self, _("Create a Database"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("C_reate"), toa_preferences_window_open_database);
}

static void
on_default_database_clicked (ToaPreferencesWindow *self)
{
  toa_preferences_window_use_default_database (self, NULL);
}

static void
on_choose_export_folder_clicked (ToaPreferencesWindow *self)
{
  run_chooser (self, _("Choose the Export Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
               _("_Select"), toa_preferences_window_set_export_folder);
}

/**
 * toa_preferences_window_new:
 * @app: the application, for its settings, store and login
 *
 * Returns: (transfer full): a new preferences window
 */
ToaPreferencesWindow *
toa_preferences_window_new (ToaApplication *app)
{
  ToaPreferencesWindow *self;

  g_return_val_if_fail (TOA_IS_APPLICATION (app), NULL);

  self = g_object_new (TOA_TYPE_PREFERENCES_WINDOW, NULL);
  self->app = g_object_ref (app);
  self->settings = g_object_ref (toa_application_get_settings (app));

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_position,
                                position_to_color_scheme,
                                NULL, NULL);
  g_settings_bind (self->settings, "editor-font-size",
                   self->font_size_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "max-image-width",
                   self->image_width_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (update_paths), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::store",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  on_store_changed (self);

  return self;
}

static void
toa_preferences_window_dispose (GObject *object)
{
  ToaPreferencesWindow *self = TOA_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_PREFERENCES_WINDOW);
  self->admin_page = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->app);

  G_OBJECT_CLASS (toa_preferences_window_parent_class)->dispose (object);
}

static void
toa_preferences_window_class_init (ToaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, export_folder_row);
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, files_error);
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, default_database_button);
  gtk_widget_class_bind_template_child (widget_class, ToaPreferencesWindow, image_width_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_open_database_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_database_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_default_database_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_export_folder_clicked);
}

static void
toa_preferences_window_init (ToaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
