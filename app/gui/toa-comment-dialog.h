/* toa-comment-dialog.h — asks for the comment a workflow action requires
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TOA_TYPE_COMMENT_DIALOG (toa_comment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ToaCommentDialog, toa_comment_dialog, TOA, COMMENT_DIALOG, AdwMessageDialog)

ToaCommentDialog *toa_comment_dialog_new         (GtkWindow        *parent,
                                                  const char       *action_label);
char             *toa_comment_dialog_get_comment (ToaCommentDialog *self);
void              toa_comment_dialog_set_comment (ToaCommentDialog *self,
                                                  const char       *comment);

G_END_DECLS
