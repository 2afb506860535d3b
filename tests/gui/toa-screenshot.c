/* toa-screenshot.c — renders the main window to PNG files, in-process,
 * for the README and docs/screenshots (./dev screenshot DIR).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "toa-application.h"
#include "toa-core.h"
#include "toa-gui-test-utils.h"
#include "toa-demo.h"
#include "toa-recovery.h"
#include "toa-window.h"

static gboolean
wait_frames (GtkWidget *widget,
             guint      frames)
{
  GdkFrameClock *clock;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 start;

  while (!gtk_widget_get_mapped (widget))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  clock = gtk_widget_get_frame_clock (widget);
  start = gdk_frame_clock_get_frame_counter (clock);
  while (gdk_frame_clock_get_frame_counter (clock) < start + frames)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

typedef struct
{
  const char     *file;
  AdwColorScheme  scheme;
  const char     *view;      /* NULL: the welcome page of an empty database */
  gboolean        select;    /* select the first article */
  gboolean        narrow;    /* a phone-sized window: the leaflet folds */
} Shot;

static int
shoot (ToaApplication *app,
       const char     *dir,
       const Shot     *shot)
{
  g_autofree char *path = g_build_filename (dir, shot->file, NULL);
  ToaWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), shot->scheme);
  window = toa_window_new (app);
  if (shot->narrow)
    gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  else
    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  if (shot->view != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", shot->view);
  if (shot->select)
    {
      GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), TOA_TYPE_WINDOW,
                                                                        "article_list"));

      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)), 0);
    }

  if (!wait_frames (GTK_WIDGET (window), 6) || !toa_gui_test_save_png (GTK_WIDGET (window), path))
    {
      g_printerr ("toa-screenshot: could not render %s\n", path);
      return 1;
    }
  g_printerr ("toa-screenshot: wrote %s\n", path);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* The start after a crash: a new article's text was autosaved, never
 * saved; the window says so. */
static int
shoot_recovered (ToaApplication *app,
                 const char     *dir)
{
  ToaStore *store = toa_application_get_store (app);
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (NULL, toa_store_get_path (store),
                                                      toa_application_get_login (app));
  g_autoptr(ToaRecoveryRecord) record = g_new0 (ToaRecoveryRecord, 1);
  g_autoptr(GError) error = NULL;
  const Shot shot = { "recovered-text.png", ADW_COLOR_SCHEME_FORCE_LIGHT, "all", FALSE, FALSE };
  int status;

  record->saved = g_get_real_time ();
  record->office = g_strdup ("QLCN");
  record->content = toa_article_content_new ();
  record->content->title = g_strdup ("Hội nghị sơ kết công tác khuyến công 6 tháng đầu năm");
  record->content->body = g_strdup ("<p>Sáng nay, Sở Công Thương tổ chức hội nghị sơ kết…</p>");
  if (!toa_recovery_save (recovery, record, &error))
    {
      g_printerr ("toa-screenshot: %s\n", error->message);
      return 1;
    }
  status = shoot (app, dir, &shot);
  toa_recovery_discard (recovery, 0, NULL);
  {
    /* The folders the record was written in: $XDG_STATE_HOME/toasoan/recovery. */
    g_autofree char *parent = g_path_get_dirname (toa_recovery_get_dir (recovery));

    g_rmdir (toa_recovery_get_dir (recovery));
    g_rmdir (parent);
  }
  return status;
}

/* A fresh database with the demo content, in a temporary folder. */
static gboolean
open_database (ToaApplication  *app,
               const char      *tmp,
               const char      *name,
               gboolean         demo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp, name, NULL);

  if (!toa_application_open_store (app, path, &error) ||
      (demo && !toa_demo_load (toa_application_get_store (app), NULL, &error)))
    {
      g_printerr ("toa-screenshot: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ToaApplication) app = NULL;
  g_autofree char *tmp = NULL;
  const char *dir = argc > 1 ? argv[1] : ".";
  const Shot desk_shots[] = {
    { "main-window.png", ADW_COLOR_SCHEME_FORCE_LIGHT, "all", TRUE, FALSE },
    { "main-window-dark.png", ADW_COLOR_SCHEME_FORCE_DARK, "all", TRUE, FALSE },
    { "waiting-for-approval.png", ADW_COLOR_SCHEME_FORCE_LIGHT, "waiting", FALSE, FALSE },
    { "archived-dark.png", ADW_COLOR_SCHEME_FORCE_DARK, "archived", FALSE, FALSE },
    { "my-drafts-empty.png", ADW_COLOR_SCHEME_FORCE_LIGHT, "mine", FALSE, FALSE },
    { "narrow.png", ADW_COLOR_SCHEME_FORCE_LIGHT, "all", FALSE, TRUE },
  };
  const Shot welcome_shots[] = {
    { "welcome.png", ADW_COLOR_SCHEME_FORCE_LIGHT, NULL, FALSE, FALSE },
    { "welcome-dark.png", ADW_COLOR_SCHEME_FORCE_DARK, NULL, FALSE, FALSE },
  };
  int status = 0;

  /* Keep the application's default database out of the user's folders. */
  tmp = g_dir_make_tmp ("toa-screenshot-XXXXXX", NULL);
  if (tmp == NULL)
    return 1;
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_setenv ("XDG_STATE_HOME", tmp, TRUE);
  g_setenv ("LANGUAGE", "vi", TRUE);
  toa_core_init_i18n ();
  gtk_init ();
  adw_init ();

  app = toa_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 1;

  /* The head of an office: he writes, approves, and has things waiting. */
  toa_application_set_login (app, g_getenv ("TOASOAN_USER") != NULL ? g_getenv ("TOASOAN_USER") : "dvkhoa");

  if (!open_database (app, tmp, "demo.db", TRUE))
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (desk_shots); i++)
    status |= shoot (app, dir, &desk_shots[i]);
  status |= shoot_recovered (app, dir);

  if (!open_database (app, tmp, "empty.db", FALSE))
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (welcome_shots); i++)
    status |= shoot (app, dir, &welcome_shots[i]);

  g_clear_object (&app);
  /* The databases and their WAL files. */
  {
    g_autoptr(GDir) d = g_dir_open (tmp, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp, name, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_DIR))
          continue;
        g_remove (path);
      }
  }
  return status;
}
