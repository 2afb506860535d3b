/* toa-body-history.h — what undo needs besides text (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _ToaBodyHistory ToaBodyHistory;

ToaBodyHistory *toa_body_history_new     (void);
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

G_END_DECLS
