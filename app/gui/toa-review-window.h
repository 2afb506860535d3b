/* toa-review-window.h — what changed, the history and the comments of one
 * article, beside its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-article-editor.h"
#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_REVIEW_WINDOW (toa_review_window_get_type ())

G_DECLARE_FINAL_TYPE (ToaReviewWindow, toa_review_window, TOA, REVIEW_WINDOW, AdwWindow)

ToaReviewWindow *toa_review_window_new            (GtkWindow        *parent,
                                                   ToaStore         *store,
                                                   const char       *login,
                                                   ToaArticleEditor *editor);
gboolean         toa_review_window_load           (ToaReviewWindow  *self,
                                                   gint64            article_id,
                                                   GError          **error);
const char      *toa_review_window_get_page       (ToaReviewWindow  *self);

G_END_DECLS
