/* toa-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-application.h"
#include "toa-article-list-model.h"

G_BEGIN_DECLS

#define TOA_TYPE_WINDOW (toa_window_get_type ())

G_DECLARE_FINAL_TYPE (ToaWindow, toa_window, TOA, WINDOW, AdwApplicationWindow)

/* How often the window asks the store whether another process changed the
 * database (toa_store_get_data_version(), one cheap pragma). */
#define TOA_WINDOW_POLL_INTERVAL_MS 1000

ToaWindow           *toa_window_new             (ToaApplication *application);
ToaArticleListModel *toa_window_get_list_model  (ToaWindow      *self);
gint64               toa_window_get_recovered_article (ToaWindow *self);
const char          *toa_window_get_view        (ToaWindow      *self);
GtkWidget           *toa_window_get_view_row    (ToaWindow      *self,
                                                 const char     *view);
const char          *toa_window_get_view_count  (ToaWindow      *self,
                                                 const char     *view);
const char          *toa_window_get_page        (ToaWindow      *self);
void                 toa_window_refresh         (ToaWindow      *self);

G_END_DECLS
