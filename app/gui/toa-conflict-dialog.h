/* toa-conflict-dialog.h — someone else saved the article first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TOA_TYPE_CONFLICT_DIALOG (toa_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ToaConflictDialog, toa_conflict_dialog, TOA, CONFLICT_DIALOG, AdwMessageDialog)

ToaConflictDialog *toa_conflict_dialog_new            (GtkWindow         *parent,
                                                       const char        *who,
                                                       gint64             when,
                                                       const char        *their_text);
const char        *toa_conflict_dialog_get_their_text (ToaConflictDialog *self);

G_END_DECLS
