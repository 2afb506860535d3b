/* toa-gui-test-utils.c — waiting for widgets in the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "toa-gui-test-utils.h"

/**
 * toa_gui_test_wait:
 * @done: what to wait for
 * @data: passed to @done
 * @seconds: how long at most
 *
 * Runs the main loop (without blocking, a millisecond's sleep between
 * turns, so that timers and other processes move on) until @done holds.
 *
 * Returns: %TRUE when @done came true, %FALSE after @seconds
 */
gboolean
toa_gui_test_wait (ToaGuiCondition done,
                   gpointer        data,
                   guint           seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/**
 * toa_gui_test_widget_is_mapped:
 * @widget: (type GtkWidget): a widget
 *
 * A #ToaGuiCondition.
 *
 * Returns: whether @widget is on screen
 */
gboolean
toa_gui_test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/**
 * toa_gui_test_find_descendant:
 *
 * Returns: (transfer none) (nullable): @widget or the first widget below
 *   it, depth first, of @type
 */
GtkWidget *
toa_gui_test_find_descendant (GtkWidget *widget,
                              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = toa_gui_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * toa_gui_test_find_toplevel:
 *
 * Returns: (transfer none) (nullable): a visible top-level window of @type
 */
GtkWindow *
toa_gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/**
 * toa_gui_test_save_png:
 * @widget: a widget on screen
 * @path: the PNG to write
 *
 * Renders @widget as it is drawn, with its own renderer, after a few
 * frames (text views lay their text out over several).
 *
 * Returns: %TRUE when the file was written
 */
gboolean
toa_gui_test_save_png (GtkWidget  *widget,
                       const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  for (guint i = 0; i < 10; i++)
    gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_get_width (texture) == width && gdk_texture_save_to_png (texture, path);
}

/**
 * toa_gui_test_save_light_and_dark:
 * @dir: where the PNGs go
 * @name: their name: @name.png, then @name-dark.png
 *
 * toa_gui_test_save_png() in the light style, then the dark one; fails
 * the test when a file cannot be written.
 */
void
toa_gui_test_save_light_and_dark (GtkWidget  *widget,
                                  const char *dir,
                                  const char *name)
{
  g_autofree char *light = g_strdup_printf ("%s%s%s.png", dir, G_DIR_SEPARATOR_S, name);
  g_autofree char *dark = g_strdup_printf ("%s%s%s-dark.png", dir, G_DIR_SEPARATOR_S, name);
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_assert_true (toa_gui_test_save_png (widget, light));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (toa_gui_test_save_png (widget, dark));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/**
 * toa_gui_test_fixed_height:
 * @widget: a widget whose height does not depend on its contents
 * @width: the width to measure it for
 *
 * Fails the test when the minimum and natural heights differ.
 *
 * Returns: the height
 */
int
toa_gui_test_fixed_height (GtkWidget *widget,
                           int        width)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return natural;
}

static gboolean
on_settle_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * toa_gui_test_settle_frames:
 *
 * Runs the main loop for 200 ms: style changes are applied in the next
 * frame, as in the application.
 */
void
toa_gui_test_settle_frames (void)
{
  gboolean done = FALSE;

  g_timeout_add (200, on_settle_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkCssProvider *large_font;

/**
 * toa_gui_test_set_large_font:
 * @widget: a widget
 * @large: %TRUE to give it a 30 px font, %FALSE to take it back
 *
 * As a style or the user's text scale would; returns once the next frame
 * has applied it.
 */
void
toa_gui_test_set_large_font (GtkWidget *widget,
                             gboolean   large)
{
  if (large_font == NULL)
    {
      large_font = gtk_css_provider_new ();
      gtk_css_provider_load_from_data (large_font, ".toa-test-large { font-size: 30px; }", -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (large_font),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  if (large)
    gtk_widget_add_css_class (widget, "toa-test-large");
  else
    gtk_widget_remove_css_class (widget, "toa-test-large");
  toa_gui_test_settle_frames ();
}
