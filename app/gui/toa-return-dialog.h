/* toa-return-dialog.h — returns an article to its author with a comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_RETURN_DIALOG (toa_return_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ToaReturnDialog, toa_return_dialog, TOA, RETURN_DIALOG, AdwMessageDialog)

ToaReturnDialog *toa_return_dialog_new            (GtkWindow       *parent,
                                                   ToaStore        *store,
                                                   gint64           article_id,
                                                   const char      *login);
guint            toa_return_dialog_get_n_reasons  (void);
const char      *toa_return_dialog_get_reason     (guint            index);
char            *toa_return_dialog_get_comment    (ToaReturnDialog *self);
void             toa_return_dialog_set_comment    (ToaReturnDialog *self,
                                                   const char      *comment);

G_END_DECLS
