/* toa-body-clipboard.c — copy, cut and paste in the body editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copy offers the selection as a canonical fragment (text/html) and as
 * plain text. Pasted HTML goes through the import function the window
 * sets (the core's import pipeline); plain text is NFC-normalized.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-body-buffer.h"
#include "toa-body-editor-private.h"

void
toa_body_editor_copy_clipboard (ToaBodyEditor *self,
                                GtkTextView   *view)
{
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  g_signal_stop_emission_by_name (view, "copy-clipboard");
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;
  html = toa_body_buffer_serialize (self->buffer, &start, &end);
  text = toa_body_buffer_plain_text (self->buffer, &start, &end);
  bytes = g_bytes_new (html, strlen (html));
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (view)), provider);
}

void
toa_body_editor_cut_clipboard (ToaBodyEditor *self,
                               GtkTextView   *view)
{
  g_signal_stop_emission_by_name (view, "cut-clipboard");
  toa_body_editor_copy_clipboard (self, view);
  gtk_text_buffer_delete_selection (self->buffer, TRUE, gtk_text_view_get_editable (view));
}

/**
 * toa_body_editor_paste_html:
 * @self: a #ToaBodyEditor
 * @html: HTML as found on the clipboard or dropped
 * @len: its length in bytes
 *
 * Sends @html through the import function and inserts the resulting
 * fragment at the cursor; "notify-user" carries the import's message or
 * its error.
 */
void
toa_body_editor_paste_html (ToaBodyEditor *self,
                            const char    *html,
                            gsize          len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fragment = NULL;

  g_return_if_fail (TOA_IS_BODY_EDITOR (self));
  g_return_if_fail (html != NULL || len == 0);

  if (self->import == NULL)
    {
      toa_body_editor_notify_user (self, _("Formatted text cannot be pasted here"));
      return;
    }
  fragment = self->import (html, len, &message, self->import_data, &error);
  if (fragment == NULL || !toa_body_editor_insert_body (self, fragment, &error))
    {
      toa_body_editor_notify_user (self, error != NULL ? error->message : _("The pasted text could not be read"));
      return;
    }
  toa_body_editor_notify_user (self, message);
}

static void
insert_plain_text (ToaBodyEditor *self,
                   const char    *text)
{
  g_autoptr(GString) lines = g_string_new (text);
  g_autofree char *nfc = NULL;

  g_string_replace (lines, "\r\n", "\n", 0);
  g_string_replace (lines, "\r", "\n", 0);
  nfc = g_utf8_normalize (lines->str, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    {
      toa_body_editor_notify_user (self, _("The pasted text could not be read"));
      return;
    }
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete_selection (self->buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (self->buffer, nfc, -1, TRUE);
  gtk_text_buffer_end_user_action (self->buffer);
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (text != NULL)
    insert_plain_text (TOA_BODY_EDITOR (data), text);
}

static void
on_html_spliced (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ToaBodyEditor *self;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toa_body_editor_notify_user (TOA_BODY_EDITOR (data), _("The pasted text could not be read"));
      return;
    }
  self = TOA_BODY_EDITOR (data);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  toa_body_editor_paste_html (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
on_html_read (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  g_autoptr(GOutputStream) memory = NULL;
  ToaBodyEditor *self;

  if (stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toa_body_editor_notify_user (TOA_BODY_EDITOR (data), _("The pasted text could not be read"));
      return;
    }
  self = TOA_BODY_EDITOR (data);
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, self->cancellable, on_html_spliced, self);
}

/* HTML goes through the import pipeline (Word cleanup, legacy encodings,
 * sanitizing); without one, or without HTML, the text is pasted. */
void
toa_body_editor_paste_clipboard (ToaBodyEditor *self,
                                 GtkTextView   *view)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  static const char *html_types[] = { "text/html", NULL };

  g_signal_stop_emission_by_name (view, "paste-clipboard");
  if (!gtk_text_view_get_editable (view))
    return;
  if (self->import != NULL && gdk_content_formats_contain_mime_type (formats, "text/html"))
    gdk_clipboard_read_async (clipboard, html_types, G_PRIORITY_DEFAULT, self->cancellable, on_html_read, self);
  else
    gdk_clipboard_read_text_async (clipboard, self->cancellable, on_text_read, self);
}

