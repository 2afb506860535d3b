/* toa-comments-panel.h — an article's comment thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-body-editor.h"
#include "toa-store.h"

G_BEGIN_DECLS

/* The tag toa_comments_panel_highlight_buffer() puts on anchored text. */
#define TOA_COMMENTS_PANEL_TAG_ANCHOR "comment-anchor"

#define TOA_TYPE_COMMENTS_PANEL (toa_comments_panel_get_type ())

G_DECLARE_FINAL_TYPE (ToaCommentsPanel, toa_comments_panel, TOA, COMMENTS_PANEL, GtkWidget)

ToaCommentsPanel *toa_comments_panel_new                  (ToaStore          *store,
                                                           const char        *login);
gboolean          toa_comments_panel_load                 (ToaCommentsPanel  *self,
                                                           gint64             article_id,
                                                           GError           **error);
gint64            toa_comments_panel_get_article_id       (ToaCommentsPanel  *self);
guint             toa_comments_panel_get_unresolved_count (ToaCommentsPanel  *self);
guint             toa_comments_panel_get_n_comments       (ToaCommentsPanel  *self);
GtkWidget        *toa_comments_panel_get_comment_row      (ToaCommentsPanel  *self,
                                                           guint              index);
void              toa_comments_panel_add_for_range        (ToaCommentsPanel  *self,
                                                           gint64             start,
                                                           gint64             end);
void              toa_comments_panel_set_draft            (ToaCommentsPanel  *self,
                                                           const char        *text);
void              toa_comments_panel_highlight_buffer     (ToaCommentsPanel  *self,
                                                           GtkTextBuffer     *buffer,
                                                           const char        *plain_text);

gboolean          toa_comment_range_from_iters            (GtkTextBuffer     *buffer,
                                                           const char        *plain_text,
                                                           const GtkTextIter *start,
                                                           const GtkTextIter *end,
                                                           gint64            *range_start,
                                                           gint64            *range_end);
gboolean          toa_comment_range_to_iters              (GtkTextBuffer     *buffer,
                                                           const char        *plain_text,
                                                           gint64             range_start,
                                                           gint64             range_end,
                                                           GtkTextIter       *start,
                                                           GtkTextIter       *end);
gboolean          toa_comment_range_from_selection        (ToaBodyEditor     *editor,
                                                           gint64            *range_start,
                                                           gint64            *range_end);

G_END_DECLS
