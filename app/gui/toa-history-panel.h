/* toa-history-panel.h — the timeline of an article's revisions and
 * workflow steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_HISTORY_PANEL (toa_history_panel_get_type ())

G_DECLARE_FINAL_TYPE (ToaHistoryPanel, toa_history_panel, TOA, HISTORY_PANEL, GtkWidget)

ToaHistoryPanel *toa_history_panel_new               (ToaStore         *store,
                                                      const char       *login);
gboolean         toa_history_panel_load              (ToaHistoryPanel  *self,
                                                      gint64            article_id,
                                                      GError          **error);
gint64           toa_history_panel_get_article_id    (ToaHistoryPanel  *self);
guint            toa_history_panel_get_n_entries     (ToaHistoryPanel  *self);
GtkWidget       *toa_history_panel_get_entry         (ToaHistoryPanel  *self,
                                                      guint             index);
void             toa_history_panel_set_compared      (ToaHistoryPanel  *self,
                                                      gint64            revision_id,
                                                      gboolean          compared);
gboolean         toa_history_panel_get_selection     (ToaHistoryPanel  *self,
                                                      gint64           *from_revision,
                                                      gint64           *to_revision);

G_END_DECLS
