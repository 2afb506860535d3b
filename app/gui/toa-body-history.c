/* toa-body-history.c — what undo needs besides text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkTextBuffer's undo history records text only: undoing a deletion
 * brings the text back without its tags, and in the body model tags are
 * formatting, links, pictures and tables. Each deletion keeps its tags
 * here, and text that undo or redo re-inserts gets them back.
 */
#include "config.h"

#include "toa-body-history.h"

#define MAX_REMOVED 200

typedef struct
{
  int         start;
  int         end;
  GtkTextTag *tag;
} Span;

typedef struct
{
  int     offset;
  int     n_chars;
  char   *text;
  GArray *spans;
} Removed;

static void
removed_free (gpointer data)
{
  Removed *removed = data;

  for (guint i = 0; i < removed->spans->len; i++)
    g_object_unref (g_array_index (removed->spans, Span, i).tag);
  g_array_unref (removed->spans);
  g_free (removed->text);
  g_free (removed);
}

static Removed *
capture_range (const GtkTextIter *start,
               const GtkTextIter *end)
{
  Removed *removed = g_new0 (Removed, 1);
  GtkTextIter iter = *start;

  removed->offset = gtk_text_iter_get_offset (start);
  removed->n_chars = gtk_text_iter_get_offset (end) - removed->offset;
  removed->text = gtk_text_iter_get_slice (start, end);
  removed->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      GtkTextIter next = iter;
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL) || gtk_text_iter_compare (&next, end) > 0)
        next = *end;
      for (GSList *l = tags; l != NULL; l = l->next)
        {
          Span span = { gtk_text_iter_get_offset (&iter) - removed->offset,
                        gtk_text_iter_get_offset (&next) - removed->offset, g_object_ref (l->data) };

          g_array_append_val (removed->spans, span);
        }
      iter = next;
    }
  return removed;
}

struct _ToaBodyHistory
{
  GQueue removed;   /* Removed, newest first */
};

ToaBodyHistory *
toa_body_history_new (void)
{
  return g_new0 (ToaBodyHistory, 1);
}

void
toa_body_history_clear (ToaBodyHistory *history)
{
  g_queue_clear_full (&history->removed, removed_free);
}

void
toa_body_history_free (ToaBodyHistory *history)
{
  toa_body_history_clear (history);
  g_free (history);
}

/**
 * toa_body_history_record:
 * @history: a #ToaBodyHistory
 * @start: start of the range about to be deleted
 * @end: its end
 *
 * Keeps the tags of the range so that undo can give them back.
 */
void
toa_body_history_record (ToaBodyHistory    *history,
                         const GtkTextIter *start,
                         const GtkTextIter *end)
{
  g_queue_push_head (&history->removed, capture_range (start, end));
  while (history->removed.length > MAX_REMOVED)
    removed_free (g_queue_pop_tail (&history->removed));
}

/**
 * toa_body_history_restore:
 * @history: a #ToaBodyHistory
 * @buffer: the buffer
 * @end: the end of text just re-inserted by undo or redo
 * @text: that text
 * @len: its length in bytes
 *
 * Gives re-inserted text the tags of the deletions it matches, newest
 * first. A run of Backspaces is undone as one insertion, so one insertion
 * may match several deletions.
 */
void
toa_body_history_restore (ToaBodyHistory    *history,
                          GtkTextBuffer     *buffer,
                          const GtkTextIter *end,
                          const char        *text,
                          int                len)
{
  int n_chars = (int) g_utf8_strlen (text, len);
  int offset = gtk_text_iter_get_offset (end) - n_chars;
  g_autofree gboolean *covered = g_new0 (gboolean, n_chars + 1);

  for (GList *l = history->removed.head; l != NULL; l = l->next)
    {
      Removed *removed = l->data;
      int relative = removed->offset - offset;
      const char *at;
      gboolean free_range = TRUE;

      if (relative < 0 || relative + removed->n_chars > n_chars)
        continue;
      at = g_utf8_offset_to_pointer (text, relative);
      if ((gsize) (text + len - at) < strlen (removed->text) ||
          memcmp (at, removed->text, strlen (removed->text)) != 0)
        continue;
      for (int i = relative; i < relative + removed->n_chars; i++)
        free_range = free_range && !covered[i];
      if (!free_range)
        continue;
      for (guint i = 0; i < removed->spans->len; i++)
        {
          Span *span = &g_array_index (removed->spans, Span, i);
          GtkTextIter from;
          GtkTextIter to;

          gtk_text_buffer_get_iter_at_offset (buffer, &from, offset + relative + span->start);
          gtk_text_buffer_get_iter_at_offset (buffer, &to, offset + relative + span->end);
          gtk_text_buffer_apply_tag (buffer, span->tag, &from, &to);
        }
      for (int i = relative; i < relative + removed->n_chars; i++)
        covered[i] = TRUE;
    }
}

