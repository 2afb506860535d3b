/* toa-return-dialog.c — returns an article to its author with a comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offers a few polite, ready-made reasons; "return.use-reason" adds one
 * to the comment, which stays editable. Responses: "cancel" and
 * "return"; "return" stays disabled while the comment is blank, so the
 * author always learns why. The dialog calls the workflow's "return"
 * itself and emits ::returned when the core accepted it; a refusal is
 * shown in a message dialog and changes nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-return-dialog.h"

struct _ToaReturnDialog
{
  AdwMessageDialog  parent_instance;

  ToaStore         *store;
  char             *login;
  gint64            article_id;

  GtkListBox       *reasons_list;
  GtkTextView      *comment_view;
};

G_DEFINE_FINAL_TYPE (ToaReturnDialog, toa_return_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RETURNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Written as a head of office would write to a colleague. */
static const char * const reasons[] = {
  N_("Please check the figures and name their source (report, decision, date)."),
  N_("Please shorten the lead to one or two sentences that say what happened, where and when."),
  N_("Please add a caption to each photo: who or what it shows, where and when."),
  N_("Please check the spelling and the Vietnamese diacritics once more."),
  N_("Please add the byline with the author’s name and office."),
};

/**
 * toa_return_dialog_get_n_reasons:
 *
 * Returns: how many ready-made reasons the dialog offers
 */
guint
toa_return_dialog_get_n_reasons (void)
{
  return G_N_ELEMENTS (reasons);
}

/**
 * toa_return_dialog_get_reason:
 * @index: a reason, below toa_return_dialog_get_n_reasons()
 *
 * Returns: (transfer none): the reason, translated
 */
const char *
toa_return_dialog_get_reason (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (reasons), NULL);

  return _(reasons[index]);
}

/**
 * toa_return_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @article_id: a submitted article
 * @login: who returns it
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
ToaReturnDialog *
toa_return_dialog_new (GtkWindow  *parent,
                       ToaStore   *store,
                       gint64      article_id,
                       const char *login)
{
  ToaReturnDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_RETURN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  self->article_id = article_id;
  return self;
}

/**
 * toa_return_dialog_get_comment:
 *
 * Returns: (transfer full): the comment without surrounding blanks
 */
char *
toa_return_dialog_get_comment (ToaReturnDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (TOA_IS_RETURN_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->comment_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/**
 * toa_return_dialog_set_comment:
 * @comment: the new text
 *
 * Replaces the comment, as typing would.
 */
void
toa_return_dialog_set_comment (ToaReturnDialog *self,
                               const char      *comment)
{
  g_return_if_fail (TOA_IS_RETURN_DIALOG (self));
  g_return_if_fail (comment != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), comment, -1);
}

static void
use_reason_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ToaReturnDialog *self = TOA_RETURN_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  g_autofree char *comment = toa_return_dialog_get_comment (self);
  GtkTextIter end;

  if (index >= G_N_ELEMENTS (reasons))
    return;
  /* Reasons add up: a reviewer often has more than one. */
  if (comment[0] == '\0')
    gtk_text_buffer_set_text (buffer, _(reasons[index]), -1);
  else
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
      gtk_text_buffer_insert (buffer, &end, _(reasons[index]), -1);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
}

static void
on_reason_activated (ToaReturnDialog *self,
                     GtkListBoxRow   *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "return.use-reason", "u",
                              (guint32) gtk_list_box_row_get_index (row));
}

static void
add_reason_rows (ToaReturnDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      GtkWidget *label = gtk_label_new (_(reasons[i]));
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_margin_end (icon, 12);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, _("Add this reason to the comment"));
      gtk_list_box_append (self->reasons_list, row);
    }
}

static void
on_comment_changed (ToaReturnDialog *self)
{
  g_autofree char *comment = toa_return_dialog_get_comment (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "return", comment[0] != '\0');
}

static void
show_refusal (ToaReturnDialog *self,
              const GError    *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The article was not returned"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toa_return_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  ToaReturnDialog *self = TOA_RETURN_DIALOG (dialog);

  if (g_strcmp0 (response, "return") == 0 && self->store != NULL)
    {
      g_autofree char *comment = toa_return_dialog_get_comment (self);
      g_autoptr(GError) error = NULL;

      if (toa_store_transition (self->store, self->article_id, "return", self->login, comment, &error))
        g_signal_emit (self, signals[RETURNED], 0, self->article_id);
      else
        show_refusal (self, error);
    }
  if (ADW_MESSAGE_DIALOG_CLASS (toa_return_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (toa_return_dialog_parent_class)->response (dialog, response);
}

static void
toa_return_dialog_dispose (GObject *object)
{
  ToaReturnDialog *self = TOA_RETURN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_RETURN_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (toa_return_dialog_parent_class)->dispose (object);
}

static void
toa_return_dialog_finalize (GObject *object)
{
  ToaReturnDialog *self = TOA_RETURN_DIALOG (object);

  g_clear_pointer (&self->login, g_free);
  G_OBJECT_CLASS (toa_return_dialog_parent_class)->finalize (object);
}

static void
toa_return_dialog_class_init (ToaReturnDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = toa_return_dialog_dispose;
  object_class->finalize = toa_return_dialog_finalize;
  dialog_class->response = toa_return_dialog_response;

  /**
   * ToaReturnDialog::returned:
   * @article_id: the returned article
   *
   * The core returned the article to its author.
   */
  signals[RETURNED] = g_signal_new ("returned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-return-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaReturnDialog, reasons_list);
  gtk_widget_class_bind_template_child (widget_class, ToaReturnDialog, comment_view);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_activated);
  gtk_widget_class_install_action (widget_class, "return.use-reason", "u", use_reason_action);
}

static void
toa_return_dialog_init (ToaReturnDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_reason_rows (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->comment_view), "changed",
                           G_CALLBACK (on_comment_changed), self, G_CONNECT_SWAPPED);
}
