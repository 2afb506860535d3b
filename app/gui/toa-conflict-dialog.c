/* toa-conflict-dialog.c — someone else saved the article first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Responses: "cancel" (keep editing, nothing saved), "discard" (take
 * their version, drop mine) and "keep-both" (save mine as the newest
 * revision on top of theirs). Their text is shown so that discarding mine
 * is an informed choice.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-format.h"
#include "toa-conflict-dialog.h"

struct _ToaConflictDialog
{
  AdwMessageDialog  parent_instance;

  GtkTextView      *their_view;
  char             *their_text;
};

G_DEFINE_FINAL_TYPE (ToaConflictDialog, toa_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)


/**
 * toa_conflict_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @who: who saved, as shown to people
 * @when: when, in µs since the epoch
 * @their_text: their version as plain text
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
ToaConflictDialog *
toa_conflict_dialog_new (GtkWindow  *parent,
                         const char *who,
                         gint64      when,
                         const char *their_text)
{
  ToaConflictDialog *self;
  g_autofree char *time = toa_format_date_time (when);
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (who != NULL, NULL);
  g_return_val_if_fail (their_text != NULL, NULL);

  /* Translators: "%1$s" is a person, "%2$s" a time and date */
  body = g_strdup_printf (_("%1$s saved a new version at %2$s while you were editing. "
                            "Your text is still here and nothing has been lost. Keep both to save "
                            "yours as the newest version on top of theirs, or read their version "
                            "below and discard yours."),
                          who, time);
  self = g_object_new (TOA_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       "body", body,
                       NULL);
  self->their_text = g_strdup (their_text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->their_view), their_text, -1);
  return self;
}

/**
 * toa_conflict_dialog_get_their_text:
 *
 * Returns: (transfer none): the other version as shown
 */
const char *
toa_conflict_dialog_get_their_text (ToaConflictDialog *self)
{
  g_return_val_if_fail (TOA_IS_CONFLICT_DIALOG (self), NULL);

  return self->their_text;
}

static void
toa_conflict_dialog_finalize (GObject *object)
{
  ToaConflictDialog *self = TOA_CONFLICT_DIALOG (object);

  g_clear_pointer (&self->their_text, g_free);
  G_OBJECT_CLASS (toa_conflict_dialog_parent_class)->finalize (object);
}

static void
toa_conflict_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TOA_TYPE_CONFLICT_DIALOG);
  G_OBJECT_CLASS (toa_conflict_dialog_parent_class)->dispose (object);
}

static void
toa_conflict_dialog_class_init (ToaConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_conflict_dialog_dispose;
  object_class->finalize = toa_conflict_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaConflictDialog, their_view);
}

static void
toa_conflict_dialog_init (ToaConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
