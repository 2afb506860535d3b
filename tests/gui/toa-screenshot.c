/* toa-screenshot.c — renders the main window to PNG files, in-process,
 * for the README and docs/screenshots (./dev screenshot DIR).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "toa-application.h"
#include "toa-core.h"
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

static gboolean
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

static int
shoot (ToaApplication *app,
       const char     *dir,
       const char     *name,
       AdwColorScheme  scheme)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ToaWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  window = toa_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
  if (!wait_frames (GTK_WIDGET (window), 6) || !save_png (GTK_WIDGET (window), path))
    {
      g_printerr ("toa-screenshot: could not render %s\n", path);
      return 1;
    }
  g_printerr ("toa-screenshot: wrote %s\n", path);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ToaApplication) app = NULL;
  const char *dir = argc > 1 ? argv[1] : ".";
  int status = 0;

  g_setenv ("LANGUAGE", "vi", TRUE);
  toa_core_init_i18n ();
  gtk_init ();
  adw_init ();

  app = toa_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 1;

  status |= shoot (app, dir, "main-window.png", ADW_COLOR_SCHEME_FORCE_LIGHT);
  status |= shoot (app, dir, "main-window-dark.png", ADW_COLOR_SCHEME_FORCE_DARK);
  return status;
}
