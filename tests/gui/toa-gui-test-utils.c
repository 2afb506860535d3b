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
