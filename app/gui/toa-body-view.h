/* toa-body-view.h — the text view of the body editor (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TOA_TYPE_BODY_VIEW (toa_body_view_get_type ())

G_DECLARE_FINAL_TYPE (ToaBodyView, toa_body_view, TOA, BODY_VIEW, GtkTextView)

int      toa_body_view_get_text_width   (ToaBodyView       *self);
gboolean toa_body_view_get_picture_area (ToaBodyView       *self,
                                         const GtkTextIter *line_start,
                                         GdkRectangle      *area);

G_END_DECLS
