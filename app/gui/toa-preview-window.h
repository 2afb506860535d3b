/* toa-preview-window.h — an article as the portal will show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_PREVIEW_WINDOW (toa_preview_window_get_type ())
G_DECLARE_FINAL_TYPE (ToaPreviewWindow, toa_preview_window, TOA, PREVIEW_WINDOW, AdwWindow)

ToaPreviewWindow *toa_preview_window_new        (GtkWindow        *parent,
                                                 ToaStore         *store,
                                                 const char       *login);
gboolean          toa_preview_window_load       (ToaPreviewWindow *self,
                                                 gint64            article_id,
                                                 GError          **error);
const char       *toa_preview_window_get_html   (ToaPreviewWindow *self);
gboolean          toa_preview_window_get_draft  (ToaPreviewWindow *self);
gboolean          toa_preview_window_get_loaded (ToaPreviewWindow *self);
guint             toa_preview_window_get_blocked (ToaPreviewWindow *self);
GtkWidget        *toa_preview_window_get_view   (ToaPreviewWindow *self);

G_END_DECLS
