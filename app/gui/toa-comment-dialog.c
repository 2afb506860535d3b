/* toa-comment-dialog.c — asks for the comment a workflow action requires
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Responses: "cancel" and "apply"; "apply" stays disabled while the
 * comment is blank, so a return or an unpublish always says why.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-comment-dialog.h"

struct _ToaCommentDialog
{
  AdwMessageDialog  parent_instance;

  GtkTextView      *comment_view;
};

G_DEFINE_FINAL_TYPE (ToaCommentDialog, toa_comment_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * toa_comment_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @action_label: the action as shown on its button ("Return")
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
ToaCommentDialog *
toa_comment_dialog_new (GtkWindow  *parent,
                        const char *action_label)
{
  ToaCommentDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (action_label != NULL, NULL);

  self = g_object_new (TOA_TYPE_COMMENT_DIALOG,
                       "transient-for", parent,
                       "heading", action_label,
                       NULL);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "apply", action_label);
  return self;
}

/**
 * toa_comment_dialog_get_comment:
 *
 * Returns: (transfer full): the comment without surrounding blanks
 */
char *
toa_comment_dialog_get_comment (ToaCommentDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *text;

  g_return_val_if_fail (TOA_IS_COMMENT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->comment_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

/**
 * toa_comment_dialog_set_comment:
 * @comment: the new text
 */
void
toa_comment_dialog_set_comment (ToaCommentDialog *self,
                                const char       *comment)
{
  g_return_if_fail (TOA_IS_COMMENT_DIALOG (self));
  g_return_if_fail (comment != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), comment, -1);
}

static void
on_comment_changed (ToaCommentDialog *self)
{
  g_autofree char *comment = toa_comment_dialog_get_comment (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", comment[0] != '\0');
}

static void
toa_comment_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TOA_TYPE_COMMENT_DIALOG);
  G_OBJECT_CLASS (toa_comment_dialog_parent_class)->dispose (object);
}

static void
toa_comment_dialog_class_init (ToaCommentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_comment_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-comment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaCommentDialog, comment_view);
}

static void
toa_comment_dialog_init (ToaCommentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->comment_view), "changed",
                           G_CALLBACK (on_comment_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
}
