/* toa-approve-dialog.h — the approval checklist, then approval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_APPROVE_DIALOG (toa_approve_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ToaApproveDialog, toa_approve_dialog, TOA, APPROVE_DIALOG, AdwMessageDialog)

ToaApproveDialog *toa_approve_dialog_new                 (GtkWindow         *parent,
                                                          ToaStore          *store,
                                                          gint64             article_id,
                                                          const char        *login,
                                                          GError           **error);
guint             toa_approve_dialog_get_n_failing       (ToaApproveDialog  *self);
GtkWidget        *toa_approve_dialog_get_item_row        (ToaApproveDialog  *self,
                                                          const char        *name);
void              toa_approve_dialog_set_override_reason (ToaApproveDialog  *self,
                                                          const char        *reason);
void              toa_approve_dialog_set_comment         (ToaApproveDialog  *self,
                                                          const char        *comment);

G_END_DECLS
