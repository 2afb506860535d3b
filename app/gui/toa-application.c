/* toa-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-application.h"
#include "toa-core.h"
#include "toa-demo.h"
#include "toa-preferences-window.h"
#include "toa-window.h"

struct _ToaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database_path;
  char           *login;
  ToaStore       *store;
  GError         *store_error;
  gboolean        load_demo;
  GtkCssProvider *font_css;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ToaApplication, toa_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this database file instead of the default one"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill a new, empty database with the demo content"), NULL },
  { NULL }
};

ToaApplication *
toa_application_new (void)
{
  return g_object_new (TOA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * toa_application_get_settings:
 *
 * Returns: (transfer none): the application's one settings object
 */
GSettings *
toa_application_get_settings (ToaApplication *self)
{
  g_return_val_if_fail (TOA_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * toa_application_get_database_path:
 *
 * The database given with `--database`, else the one in the settings, else
 * `$XDG_DATA_HOME/toasoan/toasoan.db`.
 *
 * Returns: (transfer none): a file name
 */
const char *
toa_application_get_database_path (ToaApplication *self)
{
  g_autofree char *configured = NULL;

  g_return_val_if_fail (TOA_IS_APPLICATION (self), NULL);

  if (self->database_path != NULL)
    return self->database_path;

  configured = g_settings_get_string (self->settings, "database-path");
  if (configured[0] != '\0')
    self->database_path = g_steal_pointer (&configured);
  else
    self->database_path = g_build_filename (g_get_user_data_dir (), "toasoan", "toasoan.db", NULL);

  return self->database_path;
}

/**
 * toa_application_get_store:
 *
 * The store opened at start-up (or by toa_application_open_store()). It is
 * %NULL when the database could not be opened: see
 * toa_application_get_store_error().
 *
 * Returns: (transfer none) (nullable): the open store
 */
ToaStore *
toa_application_get_store (ToaApplication *self)
{
  g_return_val_if_fail (TOA_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * toa_application_get_store_error:
 *
 * Returns: (transfer none) (nullable): why the last attempt to open the
 *   database failed, or %NULL
 */
const GError *
toa_application_get_store_error (ToaApplication *self)
{
  g_return_val_if_fail (TOA_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/**
 * toa_application_open_store:
 * @path: a database file; created when missing
 *
 * Closes the current store and opens @path instead. On failure the
 * application is left without a store and the error is kept for the
 * window to explain. Notifies #ToaApplication:store either way.
 *
 * Returns: %TRUE when the store is open
 */
gboolean
toa_application_open_store (ToaApplication  *self,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ToaStore) store = NULL;

  g_return_val_if_fail (TOA_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (self->database_path, path) != 0)
    {
      g_free (self->database_path);
      self->database_path = g_strdup (path);
    }

  /* The default location's folder may not exist on a first start. */
  file = g_file_new_for_path (path);
  parent = g_file_get_parent (file);
  if (parent != NULL)
    g_file_make_directory_with_parents (parent, NULL, NULL);

  store = toa_store_open (path, &local_error);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  if (store == NULL)
    self->store_error = g_error_copy (local_error);
  else
    self->store = g_steal_pointer (&store);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * toa_application_get_login:
 *
 * Who uses the application: the login set with
 * toa_application_set_login(), else `$TOASOAN_USER` (for tests and
 * demonstrations), else the operating system's login name.
 *
 * Returns: (transfer none): a login
 */
const char *
toa_application_get_login (ToaApplication *self)
{
  const char *env;

  g_return_val_if_fail (TOA_IS_APPLICATION (self), NULL);

  if (self->login != NULL)
    return self->login;

  env = g_getenv ("TOASOAN_USER");
  if (env != NULL && env[0] != '\0')
    return env;
  return g_get_user_name ();
}

/**
 * toa_application_set_login:
 * @login: (nullable): a login, or %NULL to go back to the default
 *
 * Acts as another user (tests, demonstrations).
 */
void
toa_application_set_login (ToaApplication *self,
                           const char     *login)
{
  g_return_if_fail (TOA_IS_APPLICATION (self));

  g_free (self->login);
  self->login = g_strdup (login);
}

static void
toa_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ToaApplication *self = TOA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static int
toa_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  ToaApplication *self = TOA_APPLICATION (app);
  const char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("toasoan %s\n", toa_core_get_version ());
      return 0;
    }

  self->load_demo = g_variant_dict_contains (options, "demo");

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }

  return -1;
}

static void
apply_color_scheme (ToaApplication *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;
  g_autofree char *name = g_settings_get_string (self->settings, "color-scheme");

  if (g_strcmp0 (name, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (name, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (style, scheme);
}

/* The article body text views carry the "body-text" style class; one
 * provider on the display sizes them all, open editors included. */
static void
apply_editor_font_size (ToaApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();
  int size = g_settings_get_int (self->settings, "editor-font-size");
  g_autofree char *css = g_strdup_printf (".body-text { font-size: %dpt; }", size);

  if (display == NULL)
    return;
  if (self->font_css == NULL)
    {
      self->font_css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->font_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_css_provider_load_from_data (self->font_css, css, -1);
}

static void
on_settings_changed (GSettings      *settings,
                     const char     *key,
                     ToaApplication *self)
{
  if (g_strcmp0 (key, "color-scheme") == 0)
    apply_color_scheme (self);
  else if (g_strcmp0 (key, "editor-font-size") == 0)
    apply_editor_font_size (self);
}

/* `./dev bench` (tests/bench/bench-gui.c) times exec → first frame: with
 * TOASOAN_BENCH_EXIT_ON_MAP=1 in the environment, the first frame painted
 * prints its CLOCK_MONOTONIC time (µs, comparable across processes) and
 * quits. */
static void
bench_after_first_paint (GdkFrameClock *clock,
                         GtkWindow     *window)
{
  g_print ("TOASOAN_BENCH_FIRST_FRAME %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, bench_after_first_paint, window);
  g_application_quit (g_application_get_default ());
}

static void
bench_on_map (GtkWindow *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (bench_after_first_paint), window);
}

static void
toa_application_activate (GApplication *app)
{
  ToaApplication *self = TOA_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (toa_window_new (self));

  if (g_strcmp0 (g_getenv ("TOASOAN_BENCH_EXIT_ON_MAP"), "1") == 0)
    g_signal_connect (window, "map", G_CALLBACK (bench_on_map), NULL);
  gtk_window_present (window);
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ToaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Tòa Soạn developers"), NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Tòa Soạn"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Tòa Soạn developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
                                 _("Write, review and publish the news of a provincial "
                                   "Department of Industry and Trade."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: put your name here; it is shown in the About window. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ToaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ToaPreferencesWindow *prefs;

  prefs = toa_preferences_window_new (self);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
quit_app (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing each window lets it save its state (and, later, ask about
   * unsaved text) instead of tearing the process down under it. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;

      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "preferences", show_preferences },
  { "quit", quit_app },
};

/* `--demo` (what `./dev run` passes): a database without users gets the
 * demo content, as if the welcome page's first button had been pressed. */
static void
load_demo_if_new (ToaApplication *self)
{
  g_autoptr(GError) error = NULL;
  gboolean unconfigured = FALSE;

  if (!toa_store_is_unconfigured (self->store, &unconfigured, &error))
    {
      g_warning ("Could not read the users: %s", error->message);
      return;
    }
  if (unconfigured && !toa_demo_load (self->store, toa_application_get_login (self), &error))
    g_warning ("Could not load the demo content: %s", error->message);
}

static void
toa_application_startup (GApplication *app)
{
  ToaApplication *self = TOA_APPLICATION (app);

  G_APPLICATION_CLASS (toa_application_parent_class)->startup (app);

  /* Created here, not in init(), so that `--version` and `--help` work
   * where the schema is not installed. */
  self->settings = g_settings_new ("io.github.toasoan.ToaSoan");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });

  apply_color_scheme (self);
  apply_editor_font_size (self);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed), self, 0);

  /* A failure is kept, not fatal: the window explains it and offers a way
   * out (another database, trying again). */
  if (toa_application_open_store (self, toa_application_get_database_path (self), NULL) &&
      self->load_demo)
    load_demo_if_new (self);
}

static void
toa_application_finalize (GObject *object)
{
  ToaApplication *self = TOA_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->font_css);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->login, g_free);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (toa_application_parent_class)->finalize (object);
}

static void
toa_application_class_init (ToaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = toa_application_finalize;
  object_class->get_property = toa_application_get_property;
  app_class->activate = toa_application_activate;
  app_class->startup = toa_application_startup;
  app_class->handle_local_options = toa_application_handle_local_options;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TOA_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
toa_application_init (ToaApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}
