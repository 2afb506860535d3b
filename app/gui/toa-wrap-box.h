/* toa-wrap-box.h — a row of buttons that wraps onto further rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TOA_TYPE_WRAP_BOX (toa_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (ToaWrapBox, toa_wrap_box, TOA, WRAP_BOX, GtkWidget)

GtkWidget *toa_wrap_box_new         (void);
int        toa_wrap_box_get_spacing (ToaWrapBox *self);
void       toa_wrap_box_set_spacing (ToaWrapBox *self,
                                     int         spacing);

G_END_DECLS
