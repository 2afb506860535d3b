/* toa-body-links.c — links in the body editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-body-buffer.h"
#include "toa-body-editor-private.h"
#include "toa-link-dialog.h"

static GtkTextTag *
link_tag_at (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (toa_body_tag_get_href (l->data) != NULL)
      return l->data;
  return NULL;
}

static void
remove_links (ToaBodyEditor     *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GHashTable *links = g_object_get_data (G_OBJECT (self->buffer), "toa-link-tags");
  GHashTableIter iter;
  gpointer tag;

  g_hash_table_iter_init (&iter, links);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_buffer_remove_tag (self->buffer, tag, start, end);
}

/* The range to link: the selection, or the link under the cursor. */
static gboolean
get_link_range (ToaBodyEditor *self,
                GtkTextIter   *start,
                GtkTextIter   *end)
{
  GtkTextTag *tag;

  if (gtk_text_buffer_get_selection_bounds (self->buffer, start, end))
    return TRUE;
  tag = link_tag_at (start);
  if (tag == NULL)
    return FALSE;
  if (!gtk_text_iter_starts_tag (start, tag))
    gtk_text_iter_backward_to_tag_toggle (start, tag);
  gtk_text_iter_forward_to_tag_toggle (end, tag);
  return TRUE;
}

static void
set_link (ToaBodyEditor *self,
          const char    *href)
{
  g_autoptr(GError) error = NULL;
  GtkTextIter start;
  GtkTextIter end;
  int offset;

  if (href[0] != '\0' && !toa_link_href_validate (href, &error))
    {
      toa_body_editor_notify_user (self, error->message);
      return;
    }
  if (!get_link_range (self, &start, &end))
    {
      if (href[0] == '\0')
        return;
      /* Nothing selected: the address becomes the link text. */
      offset = gtk_text_iter_get_offset (&start);
      gtk_text_buffer_insert_interactive (self->buffer, &end, href, -1, TRUE);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
    }
  toa_body_editor_begin_format (self, &start, &end);
  remove_links (self, &start, &end);
  if (href[0] != '\0')
    gtk_text_buffer_apply_tag (self->buffer, toa_body_buffer_link_tag (self->buffer, href), &start, &end);
  toa_body_editor_end_format (self);
  toa_body_editor_emit_changed (self);
}

static void
on_link_dialog_response (ToaBodyEditor *self,
                         const char    *response,
                         ToaLinkDialog *dialog)
{
  g_autofree char *href = toa_link_dialog_get_href (dialog);

  if (g_str_equal (response, "apply"))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-link", "s", href);
  else if (g_str_equal (response, "remove"))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-link", "s", "");
}

void
toa_body_editor_insert_link_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  ToaBodyEditor *self = TOA_BODY_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkTextIter start;
  GtkTextIter end;
  GtkTextTag *tag;
  ToaLinkDialog *dialog;

  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  tag = link_tag_at (&start);
  dialog = toa_link_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                tag != NULL ? toa_body_tag_get_href (tag) : NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_link_dialog_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
toa_body_editor_set_link_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  set_link (TOA_BODY_EDITOR (widget), g_variant_get_string (parameter, NULL));
}
