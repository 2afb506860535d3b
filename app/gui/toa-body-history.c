/* toa-body-history.c — what undo needs besides text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkTextBuffer's undo history records text only: undoing a deletion
 * brings the text back without its tags, and in the body model tags are
 * formatting, links, pictures and tables. Each deletion keeps its tags
 * here, and text that undo or redo re-inserts gets them back.
 *
 * A change of formatting alone (bold, a heading, a list, a link) is no
 * text change at all, so GTK's history would skip it. Each one is kept
 * here as the tags of its range before and after, and leaves a marker in
 * GTK's history: one character inserted and deleted again in the same
 * user action. Undo and redo reach the marker in its place among the
 * text changes, re-insert it, and the step is applied.
 */
#include "config.h"

#include <string.h>

#include "toa-body-history.h"

#define MAX_REMOVED 200
#define MAX_FORMAT_STEPS 200

/* U+FFF9, an interlinear annotation anchor: never in a body (the
 * importer and the serializer keep text characters only). */
#define FORMAT_MARKER "\xef\xbf\xb9"

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
               const GtkTextIter *end,
               ToaBodyTagFilter   filter)
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
          Span span;

          if (filter != NULL && !filter (l->data))
            continue;
          span = (Span) { gtk_text_iter_get_offset (&iter) - removed->offset,
                          gtk_text_iter_get_offset (&next) - removed->offset, g_object_ref (l->data) };
          g_array_append_val (removed->spans, span);
        }
      iter = next;
    }
  return removed;
}

/* A change of formatting: the tags of its range before and after. */
typedef struct
{
  Removed *before;
  Removed *after;
  int      marker;   /* offset of the marker in the buffer's history */
} FormatStep;

static void
format_step_free (gpointer data)
{
  FormatStep *step = data;

  g_clear_pointer (&step->before, removed_free);
  g_clear_pointer (&step->after, removed_free);
  g_free (step);
}

struct _ToaBodyHistory
{
  GQueue            removed;     /* Removed, newest first */
  GQueue            undo_steps;  /* FormatStep, newest first */
  GQueue            redo_steps;  /* FormatStep, the next to redo first */
  ToaBodyTagFilter  filter;
  FormatStep       *open;        /* between begin_format and end_format */
  GtkTextMark      *open_start;
  GtkTextMark      *open_end;
};

ToaBodyHistory *
toa_body_history_new (ToaBodyTagFilter filter)
{
  ToaBodyHistory *history = g_new0 (ToaBodyHistory, 1);

  history->filter = filter;
  return history;
}

void
toa_body_history_clear (ToaBodyHistory *history)
{
  g_queue_clear_full (&history->removed, removed_free);
  g_queue_clear_full (&history->undo_steps, format_step_free);
  g_queue_clear_full (&history->redo_steps, format_step_free);
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
  g_queue_push_head (&history->removed, capture_range (start, end, NULL));
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


/* The tags @filter accepts in @removed's range become @removed's spans. */
static void
apply_spans (ToaBodyHistory *history,
             GtkTextBuffer  *buffer,
             const Removed  *removed)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);
  GtkTextIter start;
  GtkTextIter end;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, removed->offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, removed->offset + removed->n_chars);
  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_to_tag_toggle (&iter, NULL))
    {
      g_autoptr(GSList) here = gtk_text_iter_get_tags (&iter);

      for (GSList *l = here; l != NULL; l = l->next)
        if ((history->filter == NULL || history->filter (l->data)) && !g_ptr_array_find (tags, l->data, NULL))
          g_ptr_array_add (tags, g_object_ref (l->data));
    }
  for (guint i = 0; i < tags->len; i++)
    gtk_text_buffer_remove_tag (buffer, tags->pdata[i], &start, &end);
  for (guint i = 0; i < removed->spans->len; i++)
    {
      Span *span = &g_array_index (removed->spans, Span, i);
      GtkTextIter from;
      GtkTextIter to;

      gtk_text_buffer_get_iter_at_offset (buffer, &from, removed->offset + span->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &to, removed->offset + span->end);
      gtk_text_buffer_apply_tag (buffer, span->tag, &from, &to);
    }
}

static gboolean
same_spans (const Removed *a,
            const Removed *b)
{
  if (a->n_chars != b->n_chars || a->spans->len != b->spans->len || g_strcmp0 (a->text, b->text) != 0)
    return FALSE;
  for (guint i = 0; i < a->spans->len; i++)
    {
      const Span *x = &g_array_index (a->spans, Span, i);
      const Span *y = &g_array_index (b->spans, Span, i);

      if (x->start != y->start || x->end != y->end || x->tag != y->tag)
        return FALSE;
    }
  return TRUE;
}

/**
 * toa_body_history_begin_format:
 * @history: a #ToaBodyHistory
 * @buffer: the buffer
 * @start: start of the range whose formatting is about to change
 * @end: its end
 *
 * Opens a user action and keeps the range's formatting as it is. The
 * change may also insert text in the range (an empty line gets a
 * newline). Ends with toa_body_history_end_format().
 */
void
toa_body_history_begin_format (ToaBodyHistory    *history,
                               GtkTextBuffer     *buffer,
                               const GtkTextIter *start,
                               const GtkTextIter *end)
{
  g_return_if_fail (history->open == NULL);

  gtk_text_buffer_begin_user_action (buffer);
  history->open = g_new0 (FormatStep, 1);
  history->open->before = capture_range (start, end, history->filter);
  history->open_start = gtk_text_buffer_create_mark (buffer, NULL, start, TRUE);
  history->open_end = gtk_text_buffer_create_mark (buffer, NULL, end, FALSE);
}

/**
 * toa_body_history_end_format:
 * @history: a #ToaBodyHistory
 * @buffer: the buffer
 *
 * Keeps the range's new formatting as a step undo can take back, marks
 * its place in the buffer's history, and closes the user action. A
 * change that changed nothing is forgotten.
 */
void
toa_body_history_end_format (ToaBodyHistory *history,
                             GtkTextBuffer  *buffer)
{
  FormatStep *step = g_steal_pointer (&history->open);
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (step != NULL);

  gtk_text_buffer_get_iter_at_mark (buffer, &start, history->open_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, history->open_end);
  gtk_text_buffer_delete_mark (buffer, history->open_start);
  gtk_text_buffer_delete_mark (buffer, history->open_end);
  step->after = capture_range (&start, &end, history->filter);

  if (same_spans (step->before, step->after))
    format_step_free (step);
  else
    {
      int offset = gtk_text_iter_get_offset (&start);

      step->marker = offset;
      gtk_text_buffer_insert (buffer, &start, FORMAT_MARKER, -1);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + 1);
      gtk_text_buffer_delete (buffer, &start, &end);
      g_queue_push_head (&history->undo_steps, step);
      while (history->undo_steps.length > MAX_FORMAT_STEPS)
        format_step_free (g_queue_pop_tail (&history->undo_steps));
      g_queue_clear_full (&history->redo_steps, format_step_free);
    }
  gtk_text_buffer_end_user_action (buffer);
}

/**
 * toa_body_history_is_format_marker:
 * @history: a #ToaBodyHistory
 * @end: the end of text just re-inserted by undo or redo
 * @text: that text
 * @len: its length in bytes
 * @undo: %TRUE for undo, %FALSE for redo
 * @taken: how many markers this undo or redo met already
 *
 * One undo can meet several markers: after a redo, GTK 4.8's history
 * lets the next user action join the group it redid.
 *
 * Returns: whether @text is the marker of the formatting step that undo
 *   (or redo) takes next, at its place: the same character typed in the
 *   text is not
 */
gboolean
toa_body_history_is_format_marker (ToaBodyHistory    *history,
                                   const GtkTextIter *end,
                                   const char        *text,
                                   int                len,
                                   gboolean           undo,
                                   guint              taken)
{
  FormatStep *next = g_queue_peek_nth (undo ? &history->undo_steps : &history->redo_steps, taken);

  return next != NULL && len == (int) strlen (FORMAT_MARKER) && memcmp (text, FORMAT_MARKER, len) == 0 &&
         gtk_text_iter_get_offset (end) - 1 == next->marker;
}

/**
 * toa_body_history_take_format_steps:
 * @history: a #ToaBodyHistory
 * @buffer: the buffer
 * @undo: %TRUE after undo reached markers, %FALSE after redo
 * @count: how many markers it reached
 *
 * Gives each step's range its formatting from before (undo) or after
 * (redo) the change, in the order they were met; the buffer's history
 * has just put the text back as it was then.
 */
void
toa_body_history_take_format_steps (ToaBodyHistory *history,
                                    GtkTextBuffer  *buffer,
                                    gboolean        undo,
                                    guint           count)
{
  for (guint i = 0; i < count; i++)
    {
      FormatStep *step = g_queue_pop_head (undo ? &history->undo_steps : &history->redo_steps);

      if (step == NULL)
        return;
      apply_spans (history, buffer, undo ? step->before : step->after);
      g_queue_push_head (undo ? &history->redo_steps : &history->undo_steps, step);
    }
}

/**
 * toa_body_history_forget_redo:
 * @history: a #ToaBodyHistory
 *
 * The buffer has nothing left to redo (new text was typed): neither have
 * the formatting steps.
 */
void
toa_body_history_forget_redo (ToaBodyHistory *history)
{
  g_queue_clear_full (&history->redo_steps, format_step_free);
}
