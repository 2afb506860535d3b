/* toa-title-view.h — an article title field that wraps onto several lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TOA_TYPE_TITLE_VIEW (toa_title_view_get_type ())

G_DECLARE_FINAL_TYPE (ToaTitleView, toa_title_view, TOA, TITLE_VIEW, GtkTextView)

GtkWidget  *toa_title_view_new                  (void);
char       *toa_title_view_get_text             (ToaTitleView *self);
void        toa_title_view_set_text             (ToaTitleView *self,
                                                 const char   *text);
const char *toa_title_view_get_placeholder_text (ToaTitleView *self);
void        toa_title_view_set_placeholder_text (ToaTitleView *self,
                                                 const char   *text);
char       *toa_title_flatten_lines             (const char   *text,
                                                 gssize        length);

G_END_DECLS
