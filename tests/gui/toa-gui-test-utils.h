/* toa-gui-test-utils.h — waiting for widgets in the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*ToaGuiCondition) (gpointer data);

gboolean   toa_gui_test_wait             (ToaGuiCondition  done,
                                          gpointer         data,
                                          guint            seconds);
gboolean   toa_gui_test_widget_is_mapped (gpointer         widget);
GtkWidget *toa_gui_test_find_descendant  (GtkWidget       *widget,
                                          GType            type);
GtkWindow *toa_gui_test_find_toplevel    (GType            type);
gboolean   toa_gui_test_save_png         (GtkWidget       *widget,
                                          const char      *path);
void       toa_gui_test_save_light_and_dark (GtkWidget    *widget,
                                             const char   *dir,
                                             const char   *name);
int        toa_gui_test_fixed_height     (GtkWidget       *widget,
                                          int              width);
void       toa_gui_test_settle_frames    (void);
void       toa_gui_test_set_large_font   (GtkWidget       *widget,
                                          gboolean         large);

/* Runs the main loop until @done holds; fails the test after 10 s. */
#define toa_gui_test_iterate_until(done, data) \
  g_assert_true (toa_gui_test_wait ((ToaGuiCondition) (done), (data), 10))

G_END_DECLS
