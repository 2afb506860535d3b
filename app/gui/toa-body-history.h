/* toa-body-history.h — what undo needs besides text (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _ToaBodyHistory ToaBodyHistory;

/* Which tags a formatting step keeps and restores. */
typedef gboolean (*ToaBodyTagFilter) (GtkTextTag *tag);

ToaBodyHistory *toa_body_history_new     (ToaBodyTagFilter   filter);
void            toa_body_history_free    (ToaBodyHistory    *history);
void            toa_body_history_clear   (ToaBodyHistory    *history);
void            toa_body_history_record  (ToaBodyHistory    *history,
                                          const GtkTextIter *start,
                                          const GtkTextIter *end);
void            toa_body_history_restore (ToaBodyHistory    *history,
                                          GtkTextBuffer     *buffer,
                                          const GtkTextIter *end,
                                          const char        *text,
                                          int                len);

void            toa_body_history_begin_format     (ToaBodyHistory    *history,
                                                   GtkTextBuffer     *buffer,
                                                   const GtkTextIter *start,
                                                   const GtkTextIter *end);
void            toa_body_history_end_format       (ToaBodyHistory    *history,
                                                   GtkTextBuffer     *buffer);
gboolean        toa_body_history_is_format_marker (ToaBodyHistory    *history,
                                                   const GtkTextIter *end,
                                                   const char        *text,
                                                   int                len,
                                                   gboolean           undo,
                                                   guint              taken);
void            toa_body_history_take_format_steps (ToaBodyHistory   *history,
                                                    GtkTextBuffer    *buffer,
                                                    gboolean          undo,
                                                    guint             count);
void            toa_body_history_forget_redo      (ToaBodyHistory    *history);

G_END_DECLS
