/* toa-diff-view.h — shows what changed between two revisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-diff.h"
#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_DIFF_VIEW (toa_diff_view_get_type ())

G_DECLARE_FINAL_TYPE (ToaDiffView, toa_diff_view, TOA, DIFF_VIEW, GtkWidget)

/* The names of the body buffer's tags. */
#define TOA_DIFF_VIEW_TAG_INSERTED "diff-inserted"
#define TOA_DIFF_VIEW_TAG_DELETED  "diff-deleted"

GtkWidget     *toa_diff_view_new               (void);
void           toa_diff_view_set_article       (ToaDiffView  *self,
                                                ToaStore     *store,
                                                gint64        article_id);
gboolean       toa_diff_view_show_default      (ToaDiffView  *self,
                                                GError      **error);
gboolean       toa_diff_view_compare           (ToaDiffView  *self,
                                                gint64        from_revision,
                                                gint64        to_revision,
                                                GError      **error);
void           toa_diff_view_set_field_diffs   (ToaDiffView  *self,
                                                GPtrArray    *field_diffs);
gint64         toa_diff_view_get_from_revision (ToaDiffView  *self);
gint64         toa_diff_view_get_to_revision   (ToaDiffView  *self);
GtkTextBuffer *toa_diff_view_get_buffer        (ToaDiffView  *self);
GStrv          toa_diff_view_dup_marked_runs   (ToaDiffView  *self,
                                                ToaDiffKind   kind);
guint          toa_diff_view_get_n_field_changes (ToaDiffView *self);

G_END_DECLS
