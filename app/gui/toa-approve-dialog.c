/* toa-approve-dialog.c — the approval checklist, then approval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the core's checklist (toa_store_compute_checklist()) with a pass
 * or fail mark per item and what to fix. Responses: "cancel" and
 * "approve"; "approve" is disabled while an item fails, unless the
 * approver writes why they override it — the core records that reason
 * in the trail (toa_store_approve_checked()). After a successful
 * approval the dialog emits ::approved; a refusal by the core is shown
 * in a message dialog and changes nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-approve-dialog.h"
#include "toa-checklist.h"

struct _ToaApproveDialog
{
  AdwMessageDialog  parent_instance;

  ToaStore         *store;
  char             *login;
  gint64            article_id;
  guint             n_failing;

  GtkListBox       *checklist;
  GtkWidget        *override_box;
  GtkEditable      *override_entry;
  GtkEditable      *comment_entry;
};

G_DEFINE_FINAL_TYPE (ToaApproveDialog, toa_approve_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  APPROVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
make_item_row (const ToaCheckItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (item->passed ? "emblem-ok-symbolic"
                                                               : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (item->label);

  gtk_widget_add_css_class (icon, item->passed ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  item->passed ? _("Passed") : _("Failed"), -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (texts), label);
  if (item->detail != NULL)
    {
      GtkWidget *detail = gtk_label_new (item->detail);

      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_box_append (GTK_BOX (texts), detail);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, item->name);
  if (!item->passed)
    gtk_widget_add_css_class (row, "check-failed");
  return row;
}

static void
update_response (ToaApproveDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (self->override_entry)));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "approve",
                                           self->n_failing == 0 || reason[0] != '\0');
}

static void
show_items (ToaApproveDialog *self,
            GPtrArray        *items)
{
  g_autofree char *body = NULL;

  self->n_failing = 0;
  for (guint i = 0; i < items->len; i++)
    {
      const ToaCheckItem *item = g_ptr_array_index (items, i);

      gtk_list_box_append (self->checklist, make_item_row (item));
      if (!item->passed)
        self->n_failing++;
    }
  if (self->n_failing == 0)
    body = g_strdup (_("Every check passes. Approving sends the article on to publication."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u check fails. Return the article to its author, or "
                                         "approve it anyway and say why.",
                                         "%u checks fail. Return the article to its author, or "
                                         "approve it anyway and say why.",
                                         self->n_failing), self->n_failing);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_widget_set_visible (self->override_box, self->n_failing > 0);
  update_response (self);
}

/**
 * toa_approve_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @article_id: a submitted article
 * @login: the approver
 * @error: return location for a #GError
 *
 * Computes the article's checklist and builds the dialog.
 *
 * Returns: (transfer full) (nullable): a new dialog, not yet shown, or
 *   %NULL when the checklist cannot be computed
 */
ToaApproveDialog *
toa_approve_dialog_new (GtkWindow   *parent,
                        ToaStore    *store,
                        gint64       article_id,
                        const char  *login,
                        GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  ToaApproveDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = toa_store_compute_checklist (store, article_id, error);
  if (items == NULL)
    return NULL;
  self = g_object_new (TOA_TYPE_APPROVE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  self->article_id = article_id;
  show_items (self, items);
  return self;
}

/**
 * toa_approve_dialog_get_n_failing:
 *
 * Returns: how many checklist items fail
 */
guint
toa_approve_dialog_get_n_failing (ToaApproveDialog *self)
{
  g_return_val_if_fail (TOA_IS_APPROVE_DIALOG (self), 0);

  return self->n_failing;
}

/**
 * toa_approve_dialog_get_item_row:
 * @name: an item's stable name ("title", "captions", …)
 *
 * Returns: (transfer none) (nullable): the item's row; it has the
 *   "check-failed" style class when the item fails
 */
GtkWidget *
toa_approve_dialog_get_item_row (ToaApproveDialog *self,
                                 const char       *name)
{
  g_return_val_if_fail (TOA_IS_APPROVE_DIALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->checklist));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return row;
  return NULL;
}

/**
 * toa_approve_dialog_set_override_reason:
 * @reason: why to approve although items fail
 *
 * Fills the reason entry, as typing would.
 */
void
toa_approve_dialog_set_override_reason (ToaApproveDialog *self,
                                        const char       *reason)
{
  g_return_if_fail (TOA_IS_APPROVE_DIALOG (self));
  g_return_if_fail (reason != NULL);

  gtk_editable_set_text (self->override_entry, reason);
}

/**
 * toa_approve_dialog_set_comment:
 * @comment: the approver's comment for the trail
 *
 * Fills the comment entry, as typing would.
 */
void
toa_approve_dialog_set_comment (ToaApproveDialog *self,
                                const char       *comment)
{
  g_return_if_fail (TOA_IS_APPROVE_DIALOG (self));
  g_return_if_fail (comment != NULL);

  gtk_editable_set_text (self->comment_entry, comment);
}

static void
show_refusal (ToaApproveDialog *self,
              const GError     *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The article was not approved"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve (ToaApproveDialog *self)
{
  const char *reason = gtk_editable_get_text (self->override_entry);
  const char *comment = gtk_editable_get_text (self->comment_entry);
  g_autoptr(GError) error = NULL;

  /* Only a failing checklist needs (and records) a reason. */
  if (!toa_store_approve_checked (self->store, self->article_id, self->login,
                                  comment[0] != '\0' ? comment : NULL,
                                  self->n_failing > 0 ? reason : NULL, &error))
    {
      show_refusal (self, error);
      return;
    }
  g_signal_emit (self, signals[APPROVED], 0, self->article_id);
}

static void
toa_approve_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  ToaApproveDialog *self = TOA_APPROVE_DIALOG (dialog);

  if (g_strcmp0 (response, "approve") == 0 && self->store != NULL)
    approve (self);
  if (ADW_MESSAGE_DIALOG_CLASS (toa_approve_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (toa_approve_dialog_parent_class)->response (dialog, response);
}

static void
toa_approve_dialog_dispose (GObject *object)
{
  ToaApproveDialog *self = TOA_APPROVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_APPROVE_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (toa_approve_dialog_parent_class)->dispose (object);
}

static void
toa_approve_dialog_finalize (GObject *object)
{
  ToaApproveDialog *self = TOA_APPROVE_DIALOG (object);

  g_clear_pointer (&self->login, g_free);
  G_OBJECT_CLASS (toa_approve_dialog_parent_class)->finalize (object);
}

static void
toa_approve_dialog_class_init (ToaApproveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = toa_approve_dialog_dispose;
  object_class->finalize = toa_approve_dialog_finalize;
  dialog_class->response = toa_approve_dialog_response;

  /**
   * ToaApproveDialog::approved:
   * @article_id: the approved article
   *
   * The core approved the article.
   */
  signals[APPROVED] = g_signal_new ("approved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-approve-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaApproveDialog, checklist);
  gtk_widget_class_bind_template_child (widget_class, ToaApproveDialog, override_box);
  gtk_widget_class_bind_template_child (widget_class, ToaApproveDialog, override_entry);
  gtk_widget_class_bind_template_child (widget_class, ToaApproveDialog, comment_entry);
  gtk_widget_class_bind_template_callback (widget_class, update_response);
}

static void
toa_approve_dialog_init (ToaApproveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
