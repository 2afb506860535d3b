/* toa-body-editor.c — the rich-text editor of an article body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every formatting command is a widget action ("editor.bold", …): the
 * toolbar, the keyboard shortcuts and the tests all go through them. The
 * toggles are property actions, so their state is the property, which
 * follows the cursor.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-body-buffer.h"
#include "toa-body-editor-private.h"
#include "toa-body-history.h"
#include "toa-body-view.h"
#include "toa-wrap-box.h"

#define WORDS_PER_MINUTE 200


G_DEFINE_FINAL_TYPE (ToaBodyEditor, toa_body_editor, GTK_TYPE_WIDGET)

G_DEFINE_QUARK (toa-body-editor-error-quark, toa_body_editor_error)

enum {
  PROP_0,
  PROP_BOLD,
  PROP_ITALIC,
  PROP_UNDERLINE,
  PROP_STRIKETHROUGH,
  PROP_BLOCK_FORMAT,
  PROP_BULLETED_LIST,
  PROP_NUMBERED_LIST,
  PROP_QUOTE,
  PROP_WORD_COUNT,
  PROP_READING_TIME,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_NOTIFY_USER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The inline toggles: property ↔ tag. */
static const struct { guint prop; const char *tag; } inline_toggles[] = {
  { PROP_BOLD, "strong" },
  { PROP_ITALIC, "em" },
  { PROP_UNDERLINE, "u" },
  { PROP_STRIKETHROUGH, "s" },
};

/* Block formats: property value ↔ tag (NULL: paragraph). */
static const struct { const char *format; const char *tag; } block_formats[] = {
  { "paragraph", NULL },
  { "heading2", "h2" },
  { "heading3", "h3" },
  { "heading4", "h4" },
};

static void sync_state (ToaBodyEditor *self);
static guint line_list_depth (const GtkTextIter *start);

/**
 * toa_body_count_words:
 * @text: plain UTF-8 text
 *
 * Counts the white-space separated words of @text that hold a letter or a
 * digit. Vietnamese is written one syllable per word, so this counts
 * syllables, which is how Vietnamese newsrooms count length.
 *
 * Returns: the number of words
 */
guint
toa_body_count_words (const char *text)
{
  guint count = 0;
  gboolean in_word = FALSE;
  gboolean counted = FALSE;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        counted = FALSE;
      in_word = TRUE;
      if (!counted && g_unichar_isalnum (c))
        {
          count++;
          counted = TRUE;
        }
    }
  return count;
}

void
toa_body_editor_emit_changed (ToaBodyEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
toa_body_editor_notify_user (ToaBodyEditor *self,
                             const char    *message)
{
  if (message != NULL && message[0] != '\0')
    g_signal_emit (self, signals[SIGNAL_NOTIFY_USER], 0, message);
}

static void
update_counts (ToaBodyEditor *self)
{
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;
  guint count;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = toa_body_buffer_plain_text (self->buffer, &start, &end);
  count = toa_body_count_words (text);
  if (count == self->word_count)
    return;
  self->word_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD_COUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING_TIME]);
}

/* Block tags: lines */

/* Formatting block tags: everything but the data tags of pictures and
 * tables, which belong to their object character. */
static gboolean
is_format_tag (GtkTextTag *tag)
{
  const char *block = g_object_get_data (G_OBJECT (tag), "toa-block");

  return block != NULL && !g_str_equal (block, "image") && !g_str_equal (block, "table-data");
}

/* What a new line continues: being in a list or a quote, not a heading. */
static gboolean
is_inherited_tag (GtkTextTag *tag)
{
  const char *block = g_object_get_data (G_OBJECT (tag), "toa-block");

  return block != NULL && (g_str_equal (block, "list") || g_str_equal (block, "quote"));
}

/* What undoing a change of formatting puts back: block and inline
 * formats and links, not the data of pictures and tables. */
static gboolean
is_undoable_tag (GtkTextTag *tag)
{
  g_autofree char *name = NULL;

  if (is_format_tag (tag) || toa_body_tag_get_href (tag) != NULL)
    return TRUE;
  g_object_get (tag, "name", &name, NULL);
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (inline_toggles); i++)
    if (g_str_equal (name, inline_toggles[i].tag))
      return TRUE;
  return FALSE;
}

/**
 * toa_body_editor_begin_format:
 * @start: start of the range whose formatting is about to change
 * @end: its end
 *
 * Makes what follows, up to toa_body_editor_end_format(), one step that
 * undo takes back, though GtkTextBuffer's history records text only.
 */
void
toa_body_editor_begin_format (ToaBodyEditor     *self,
                              const GtkTextIter *start,
                              const GtkTextIter *end)
{
  toa_body_history_begin_format (self->history, self->buffer, start, end);
}

void
toa_body_editor_end_format (ToaBodyEditor *self)
{
  /* The marker left in the buffer's history is no typing. */
  self->loading++;
  toa_body_history_end_format (self->history, self->buffer);
  self->loading--;
}

static void
get_line_range (GtkTextBuffer *buffer,
                int            line,
                GtkTextIter   *start,
                GtkTextIter   *end)
{
  gtk_text_buffer_get_iter_at_line (buffer, start, line);
  *end = *start;
  if (!gtk_text_iter_forward_line (end))
    gtk_text_buffer_get_end_iter (buffer, end);
}

static void
collect_format_tag (GtkTextTag *tag,
                    gpointer    data)
{
  if (is_format_tag (tag))
    g_ptr_array_add (data, tag);
}

static void
remove_format_tags (ToaBodyEditor     *self,
                    const GtkTextIter *start,
                    const GtkTextIter *end,
                    gboolean         (*filter) (GtkTextTag *tag))
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (self->buffer), collect_format_tag, tags);
  for (guint i = 0; i < tags->len; i++)
    if (filter == NULL || filter (tags->pdata[i]))
      gtk_text_buffer_remove_tag (self->buffer, tags->pdata[i], start, end);
}

static GPtrArray *
line_format_tags (const GtkTextIter *in_line)
{
  GtkTextIter start = *in_line;
  g_autoptr(GSList) tags = NULL;
  GPtrArray *result = g_ptr_array_new ();

  gtk_text_iter_set_line_offset (&start, 0);
  tags = gtk_text_iter_get_tags (&start);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (is_format_tag (l->data))
      g_ptr_array_add (result, l->data);
  return result;
}

/* Centres lines that hold a picture. */
static void
decorate_objects (ToaBodyEditor     *self,
                  const GtkTextIter *start,
                  const GtkTextIter *end)
{
  GtkTextIter iter = *start;

  for (; gtk_text_iter_compare (&iter, end) < 0; gtk_text_iter_forward_char (&iter))
    if (toa_body_iter_is_picture (&iter))
      {
        gtk_text_buffer_apply_tag_by_name (self->buffer, "figure", start, end);
        return;
      }
}

/* Gives the whole of @line the block tags @tags (or those of its start). */
static void
retag_line (ToaBodyEditor *self,
            int            line,
            GPtrArray     *tags,
            gboolean       inherited_only)
{
  g_autoptr(GPtrArray) own = NULL;
  GtkTextIter start;
  GtkTextIter end;

  get_line_range (self->buffer, line, &start, &end);
  if (tags == NULL)
    tags = own = line_format_tags (&start);
  remove_format_tags (self, &start, &end, NULL);
  for (guint i = 0; i < tags->len; i++)
    if (!inherited_only || is_inherited_tag (tags->pdata[i]))
      gtk_text_buffer_apply_tag (self->buffer, tags->pdata[i], &start, &end);
  decorate_objects (self, &start, &end);
}

static void apply_indent (ToaBodyEditor *self, GtkTextIter *start, GtkTextIter *end, gpointer data);

/* Enter on an empty list item leaves the list (one level at a time)
 * instead of adding another empty item, as word processors do. */
static gboolean
leave_empty_list_item (ToaBodyEditor     *self,
                       const GtkTextIter *location)
{
  GtkTextIter start = *location;
  GtkTextIter end;

  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&start) || line_list_depth (&start) == 0)
    return FALSE;
  end = start;
  gtk_text_iter_forward_line (&end);
  apply_indent (self, &start, &end, GINT_TO_POINTER (-1));
  sync_state (self);
  toa_body_editor_emit_changed (self);
  return TRUE;
}

static void
on_insert_text_before (ToaBodyEditor *self,
                       GtkTextIter   *location,
                       const char    *text,
                       int            len)
{
  g_autoptr(GPtrArray) tags = NULL;

  if (self->loading > 0)
    return;
  if (len == 1 && text[0] == '\n' && leave_empty_list_item (self, location))
    {
      g_signal_stop_emission_by_name (self->buffer, "insert-text");
      return;
    }
  self->insert_offset = gtk_text_iter_get_offset (location);
  tags = line_format_tags (location);
  g_ptr_array_set_size (self->insert_tags, 0);
  g_ptr_array_extend (self->insert_tags, tags, NULL, NULL);
}

/* Typed text takes the toolbar's inline state; the lines it touches take
 * the block of the line it was typed into, new lines only its list and
 * quote (Enter after a heading starts a paragraph). */
static void
on_insert_text_after (ToaBodyEditor *self,
                      GtkTextIter   *location,
                      const char    *text,
                      int            len)
{
  GtkTextIter start;
  int first;
  int last;

  if (self->undoing)
    {
      if (toa_body_history_is_format_marker (self->history, location, text, len, !self->redoing,
                                             self->format_steps_met))
        self->format_steps_met++;
      else
        toa_body_history_restore (self->history, self->buffer, location, text, len);
      return;
    }
  if (self->loading > 0)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, self->insert_offset);
  for (guint i = 0; i < G_N_ELEMENTS (inline_toggles); i++)
    {
      gboolean on = FALSE;

      g_object_get (self, properties[inline_toggles[i].prop]->name, &on, NULL);
      if (on)
        gtk_text_buffer_apply_tag_by_name (self->buffer, inline_toggles[i].tag, &start, location);
      else
        gtk_text_buffer_remove_tag_by_name (self->buffer, inline_toggles[i].tag, &start, location);
    }

  first = gtk_text_iter_get_line (&start);
  last = gtk_text_iter_get_line (location);
  for (int line = first; line <= last; line++)
    retag_line (self, line, self->insert_tags, line != first);
}

static void
on_delete_range_before (ToaBodyEditor *self,
                        GtkTextIter   *start,
                        GtkTextIter   *end)
{
  if (self->loading > 0 && !self->undoing)
    return;
  toa_body_history_record (self->history, start, end);
}

static void
on_delete_range_after (ToaBodyEditor *self,
                       GtkTextIter   *start,
                       GtkTextIter   *end)
{
  if (self->loading > 0)
    return;
  /* Joining two lines leaves the second one's block tags behind. */
  retag_line (self, gtk_text_iter_get_line (start), NULL, FALSE);
}

static void
on_buffer_changed (ToaBodyEditor *self)
{
  if (self->loading > 0)
    return;
  update_counts (self);
  toa_body_editor_emit_changed (self);
}

static void
on_mark_set (ToaBodyEditor *self,
             GtkTextIter   *location,
             GtkTextMark   *mark)
{
  if (mark == gtk_text_buffer_get_insert (self->buffer) ||
      mark == gtk_text_buffer_get_selection_bound (self->buffer))
    sync_state (self);
}

/* Undo and redo re-insert plain text: no typing rules, then tidy up. */
static void
on_undo_before (ToaBodyEditor *self)
{
  self->loading++;
  self->undoing = TRUE;
  self->format_steps_met = 0;
}

static void
on_redo_before (ToaBodyEditor *self)
{
  on_undo_before (self);
  self->redoing = TRUE;
}

static void
on_undo_after (ToaBodyEditor *self)
{
  gboolean redid_all = self->redoing && !gtk_text_buffer_get_can_redo (self->buffer);
  GtkTextIter cursor;

  /* Changes of formatting: their tags back as they were. */
  toa_body_history_take_format_steps (self->history, self->buffer, !self->redoing, self->format_steps_met);
  self->format_steps_met = 0;
  self->redoing = FALSE;
  self->loading--;
  self->undoing = FALSE;
  /* GTK 4.8's history leaves the group it redid open to the next change
   * (its barrier stays in the redo queue), so one undo would take both
   * back. With nothing left to redo, an empty user action closes it. */
  if (redid_all)
    {
      gtk_text_buffer_begin_user_action (self->buffer);
      gtk_text_buffer_end_user_action (self->buffer);
    }
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  retag_line (self, gtk_text_iter_get_line (&cursor), NULL, FALSE);
  update_counts (self);
  toa_body_editor_emit_changed (self);
  sync_state (self);
}

/* State */

static void
set_boolean_field (ToaBodyEditor *self,
                   gboolean      *field,
                   gboolean       value,
                   guint          prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gboolean
tag_named_at (const GtkTextIter *iter,
              const char        *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_iter_get_buffer (iter)),
                                               name);

  return gtk_text_iter_has_tag (iter, tag);
}

static void
sync_block_state (ToaBodyEditor     *self,
                  const GtkTextIter *line_start)
{
  g_autoptr(GPtrArray) tags = line_format_tags (line_start);
  const char *format = "paragraph";
  ToaBodyListKind list = TOA_BODY_LIST_NONE;
  gboolean quote = FALSE;

  for (guint i = 0; i < tags->len; i++)
    {
      const char *block = g_object_get_data (G_OBJECT (tags->pdata[i]), "toa-block");

      for (guint j = 1; j < G_N_ELEMENTS (block_formats); j++)
        if (g_str_equal (block, block_formats[j].tag))
          format = block_formats[j].format;
      if (g_str_equal (block, "list"))
        list = toa_body_tag_get_list (tags->pdata[i], NULL);
      quote = quote || g_str_equal (block, "quote");
    }
  if (g_strcmp0 (self->block_format, format) != 0)
    {
      self->block_format = g_intern_static_string (format);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCK_FORMAT]);
    }
  set_boolean_field (self, &self->bulleted_list, list == TOA_BODY_LIST_BULLET, PROP_BULLETED_LIST);
  set_boolean_field (self, &self->numbered_list, list == TOA_BODY_LIST_NUMBER, PROP_NUMBERED_LIST);
  set_boolean_field (self, &self->quote, quote, PROP_QUOTE);
}

/* Mirrors the cursor (or the start of the selection) in the toggles: the
 * inline state is the one of the character before the cursor, which is
 * what typing would continue. */
static void
sync_state (ToaBodyEditor *self)
{
  GtkTextIter start;
  GtkTextIter end;
  GtkTextIter probe;
  gboolean *fields[] = { &self->bold, &self->italic, &self->underline, &self->strikethrough };

  if (self->loading > 0)
    return;
  self->syncing = TRUE;
  g_object_freeze_notify (G_OBJECT (self));
  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  probe = start;
  if (gtk_text_iter_equal (&start, &end) && !gtk_text_iter_starts_line (&probe))
    gtk_text_iter_backward_char (&probe);
  for (guint i = 0; i < G_N_ELEMENTS (inline_toggles); i++)
    set_boolean_field (self, fields[i], tag_named_at (&probe, inline_toggles[i].tag), inline_toggles[i].prop);
  sync_block_state (self, &start);
  g_object_thaw_notify (G_OBJECT (self));
  self->syncing = FALSE;
}

/* Formatting */

typedef void (*LineFunc) (ToaBodyEditor *self, GtkTextIter *start, GtkTextIter *end, gpointer data);

/* Calls @func on every line of the selection (the cursor's line if there
 * is none). An empty last line has no character to carry a tag, so it
 * gets a newline first. */
static void
foreach_selected_line (ToaBodyEditor *self,
                       LineFunc       func,
                       gpointer       data)
{
  GtkTextIter start;
  GtkTextIter end;
  int first;
  int last;

  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  first = gtk_text_iter_get_line (&start);
  last = gtk_text_iter_get_line (&end);
  if (last > first && gtk_text_iter_starts_line (&end))
    last--;

  {
    GtkTextIter range_start;
    GtkTextIter range_end;
    GtkTextIter ignored;

    get_line_range (self->buffer, first, &range_start, &ignored);
    get_line_range (self->buffer, last, &ignored, &range_end);
    toa_body_editor_begin_format (self, &range_start, &range_end);
  }
  self->loading++;
  for (int line = first; line <= last; line++)
    {
      GtkTextIter line_start;
      GtkTextIter line_end;

      get_line_range (self->buffer, line, &line_start, &line_end);
      if (gtk_text_iter_equal (&line_start, &line_end))
        {
          gtk_text_buffer_insert (self->buffer, &line_end, "\n", 1);
          get_line_range (self->buffer, line, &line_start, &line_end);
          gtk_text_buffer_place_cursor (self->buffer, &line_start);
        }
      func (self, &line_start, &line_end, data);
    }
  self->loading--;
  toa_body_editor_end_format (self);
  sync_state (self);
  toa_body_editor_emit_changed (self);
}

static gboolean
is_list_or_heading (GtkTextTag *tag)
{
  const char *block = g_object_get_data (G_OBJECT (tag), "toa-block");

  return !g_str_equal (block, "quote") && !g_str_equal (block, "figure");
}

static void
apply_block_format (ToaBodyEditor *self,
                    GtkTextIter   *start,
                    GtkTextIter   *end,
                    gpointer       data)
{
  const char *tag = data;

  remove_format_tags (self, start, end, is_list_or_heading);
  if (tag != NULL)
    gtk_text_buffer_apply_tag_by_name (self->buffer, tag, start, end);
}

static void
set_block_format (ToaBodyEditor *self,
                  const char    *format)
{
  const char *tag = NULL;
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (block_formats); i++)
    if (g_strcmp0 (format, block_formats[i].format) == 0)
      {
        tag = block_formats[i].tag;
        known = TRUE;
      }
  g_return_if_fail (known);
  if (self->syncing)
    return;
  foreach_selected_line (self, apply_block_format, (gpointer) tag);
}

static guint
line_list_depth (const GtkTextIter *start)
{
  g_autoptr(GPtrArray) tags = line_format_tags (start);
  guint depth = 0;

  for (guint i = 0; i < tags->len; i++)
    if (toa_body_tag_get_list (tags->pdata[i], &depth) != TOA_BODY_LIST_NONE)
      return depth;
  return 0;
}

static void
apply_list (ToaBodyEditor *self,
            GtkTextIter   *start,
            GtkTextIter   *end,
            gpointer       data)
{
  ToaBodyListKind kind = GPOINTER_TO_INT (data);
  guint depth = line_list_depth (start);

  remove_format_tags (self, start, end, is_list_or_heading);
  if (kind != TOA_BODY_LIST_NONE)
    gtk_text_buffer_apply_tag (self->buffer, toa_body_buffer_list_tag (self->buffer, kind, MAX (depth, 1)),
                               start, end);
}

static void
set_list (ToaBodyEditor   *self,
          ToaBodyListKind  kind,
          gboolean         on)
{
  if (self->syncing)
    return;
  foreach_selected_line (self, apply_list, GINT_TO_POINTER (on ? kind : TOA_BODY_LIST_NONE));
}

static void
apply_quote (ToaBodyEditor *self,
             GtkTextIter   *start,
             GtkTextIter   *end,
             gpointer       data)
{
  if (GPOINTER_TO_INT (data))
    gtk_text_buffer_apply_tag_by_name (self->buffer, "quote", start, end);
  else
    gtk_text_buffer_remove_tag_by_name (self->buffer, "quote", start, end);
}

/* The kind of the list a line joins at @depth: the one of the nearest
 * earlier item at that depth, if the list goes on up to the line. */
static ToaBodyListKind
sibling_kind (const GtkTextIter *line_start,
              guint              depth,
              ToaBodyListKind    fallback)
{
  GtkTextIter iter = *line_start;

  while (gtk_text_iter_backward_line (&iter))
    {
      g_autoptr(GPtrArray) tags = line_format_tags (&iter);
      guint line_depth = 0;
      ToaBodyListKind kind = TOA_BODY_LIST_NONE;

      for (guint i = 0; i < tags->len && kind == TOA_BODY_LIST_NONE; i++)
        kind = toa_body_tag_get_list (tags->pdata[i], &line_depth);
      if (kind == TOA_BODY_LIST_NONE || line_depth < depth)
        break;
      if (line_depth == depth)
        return kind;
    }
  return fallback;
}

static void
apply_indent (ToaBodyEditor *self,
              GtkTextIter   *start,
              GtkTextIter   *end,
              gpointer       data)
{
  int delta = GPOINTER_TO_INT (data);
  g_autoptr(GPtrArray) tags = line_format_tags (start);

  for (guint i = 0; i < tags->len; i++)
    {
      guint depth = 0;
      ToaBodyListKind kind = toa_body_tag_get_list (tags->pdata[i], &depth);
      int wanted = (int) depth + delta;

      if (kind == TOA_BODY_LIST_NONE)
        continue;
      gtk_text_buffer_remove_tag (self->buffer, tags->pdata[i], start, end);
      /* Outdenting the first level leaves the list. */
      wanted = MIN (wanted, TOA_BODY_MAX_LIST_DEPTH);
      if (delta < 0 && wanted >= 1)
        kind = sibling_kind (start, (guint) wanted, kind);
      if (wanted >= 1)
        gtk_text_buffer_apply_tag (self->buffer, toa_body_buffer_list_tag (self->buffer, kind, (guint) wanted),
                                   start, end);
    }
}

static void
set_inline (ToaBodyEditor *self,
            guint          index,
            gboolean       value)
{
  gboolean *fields[] = { &self->bold, &self->italic, &self->underline, &self->strikethrough };
  GtkTextIter start;
  GtkTextIter end;

  if (*fields[index] == value)
    return;
  *fields[index] = value;
  /* With no selection the value only changes what typing produces. */
  if (!self->syncing && gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      toa_body_editor_begin_format (self, &start, &end);
      if (value)
        gtk_text_buffer_apply_tag_by_name (self->buffer, inline_toggles[index].tag, &start, &end);
      else
        gtk_text_buffer_remove_tag_by_name (self->buffer, inline_toggles[index].tag, &start, &end);
      toa_body_editor_end_format (self);
      toa_body_editor_emit_changed (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[inline_toggles[index].prop]);
}

static GdkPaintable *
resolve_image (const char *src,
               gpointer    data)
{
  ToaBodyEditor *self = data;

  if (self->resolver == NULL)
    return NULL;
  return self->resolver (self, src, self->resolver_data);
}

static ToaBodyHooks
hooks_for (ToaBodyEditor *self)
{
  ToaBodyHooks hooks = { resolve_image, self };

  return hooks;
}

/* Body in and out */

static void
collect_data_tag (GtkTextTag *tag,
                  gpointer    data)
{
  const char *block = g_object_get_data (G_OBJECT (tag), "toa-block");

  if (block != NULL && (g_str_equal (block, "image") || g_str_equal (block, "table-data") ||
                        g_str_equal (block, "start")))
    g_ptr_array_add (data, tag);
}

/* Each picture, table and list start has a tag of its own (holding the
 * picture itself): drop them when a new body replaces the old one. */
static void
remove_data_tags (ToaBodyEditor *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  toa_body_history_clear (self->history);
  gtk_text_tag_table_foreach (table, collect_data_tag, tags);
  for (guint i = 0; i < tags->len; i++)
    gtk_text_tag_table_remove (table, tags->pdata[i]);
}

/**
 * toa_body_editor_set_body:
 * @self: a #ToaBodyEditor
 * @body: a canonical body fragment
 * @error: return location for a #GError
 *
 * Replaces the text with @body. This is not an undoable step and leaves
 * the buffer unmodified. On error the editor keeps its current text.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_body_editor_set_body (ToaBodyEditor  *self,
                          const char     *body,
                          GError        **error)
{
  g_autoptr(GtkTextBuffer) scratch = NULL;
  ToaBodyHooks hooks = hooks_for (self);
  GtkTextIter start;
  GtkTextIter end;
  gboolean ok;

  g_return_val_if_fail (TOA_IS_BODY_EDITOR (self), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Try first where a failure costs nothing. */
  scratch = gtk_text_buffer_new (gtk_text_buffer_get_tag_table (self->buffer));
  g_object_set_data (G_OBJECT (scratch), "toa-link-tags",
                     g_object_get_data (G_OBJECT (self->buffer), "toa-link-tags"));
  gtk_text_buffer_get_start_iter (scratch, &start);
  if (!toa_body_buffer_insert (scratch, &start, body, NULL, error))
    return FALSE;

  self->loading++;
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  g_clear_object (&scratch);
  remove_data_tags (self);
  ok = toa_body_buffer_insert (self->buffer, &start, body, &hooks, NULL);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_text_buffer_set_modified (self->buffer, FALSE);
  self->loading--;
  g_assert (ok);

  update_counts (self);
  sync_state (self);
  return TRUE;
}

/**
 * toa_body_editor_get_body:
 * @self: a #ToaBodyEditor
 *
 * Returns: (transfer full): the text as a canonical body fragment
 */
char *
toa_body_editor_get_body (ToaBodyEditor *self)
{
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (TOA_IS_BODY_EDITOR (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return toa_body_buffer_serialize (self->buffer, &start, &end);
}

/* Moves @iter past a table it is in: text inserted inside one would take
 * its tag and be lost on saving. */
static void
skip_read_only (GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (G_OBJECT (l->data), "toa-table") != NULL &&
        !gtk_text_iter_starts_tag (iter, l->data))
      gtk_text_iter_forward_to_tag_toggle (iter, l->data);
}

/* Moves @iter to where a block can go: the start of its line when the line
 * is empty, else the start of the next line (adding one at the end). */
static void
move_to_block_position (ToaBodyEditor *self,
                        GtkTextIter   *iter)
{
  GtkTextIter line_end;

  skip_read_only (iter);
  line_end = *iter;

  gtk_text_iter_set_line_offset (iter, 0);
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  if (gtk_text_iter_equal (iter, &line_end))
    return;
  *iter = line_end;
  if (gtk_text_iter_is_end (iter))
    gtk_text_buffer_insert (self->buffer, iter, "\n", 1);
  else
    gtk_text_iter_forward_line (iter);
}

/* Whether the scratch buffer holds a single plain paragraph, which is
 * pasted into the current line rather than as a block. */
static gboolean
is_single_paragraph (GtkTextBuffer *scratch)
{
  GtkTextIter start;
  g_autoptr(GSList) tags = NULL;

  if (gtk_text_buffer_get_line_count (scratch) != 2)
    return FALSE;
  gtk_text_buffer_get_start_iter (scratch, &start);
  tags = gtk_text_iter_get_tags (&start);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (toa_body_tag_is_block (l->data))
      return FALSE;
  return TRUE;
}

/**
 * toa_body_editor_insert_body:
 * @self: a #ToaBodyEditor
 * @fragment: a canonical body fragment
 * @error: return location for a #GError
 *
 * Replaces the selection with @fragment, as one undoable step. A single
 * paragraph goes into the current line; other blocks go after it.
 *
 * Returns: %TRUE on success; on error nothing changes
 */
gboolean
toa_body_editor_insert_body (ToaBodyEditor  *self,
                             const char     *fragment,
                             GError        **error)
{
  g_autoptr(GtkTextBuffer) scratch = NULL;
  ToaBodyHooks hooks = hooks_for (self);
  GtkTextIter start;
  GtkTextIter end;
  GtkTextIter iter;
  gboolean inline_paste;
  int offset;

  g_return_val_if_fail (TOA_IS_BODY_EDITOR (self), FALSE);
  g_return_val_if_fail (fragment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  scratch = gtk_text_buffer_new (gtk_text_buffer_get_tag_table (self->buffer));
  g_object_set_data (G_OBJECT (scratch), "toa-link-tags",
                     g_object_get_data (G_OBJECT (self->buffer), "toa-link-tags"));
  gtk_text_buffer_get_start_iter (scratch, &start);
  if (!toa_body_buffer_insert (scratch, &start, fragment, &hooks, error))
    return FALSE;
  gtk_text_buffer_get_bounds (scratch, &start, &end);
  if (gtk_text_iter_equal (&start, &end))
    return TRUE;

  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete_selection (self->buffer, TRUE, TRUE);
  self->loading++;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  inline_paste = is_single_paragraph (scratch) && gtk_text_iter_can_insert (&iter, TRUE);
  if (inline_paste)
    gtk_text_iter_backward_char (&end);
  else
    move_to_block_position (self, &iter);
  offset = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_insert_range (self->buffer, &iter, &start, &end);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
  if (inline_paste)
    retag_line (self, gtk_text_iter_get_line (&iter), NULL, FALSE);
  self->loading--;
  gtk_text_buffer_end_user_action (self->buffer);

  update_counts (self);
  sync_state (self);
  toa_body_editor_emit_changed (self);
  return TRUE;
}

static gboolean
is_media_source (const char *src)
{
  const char *id = src + strlen ("media:");

  if (!g_str_has_prefix (src, "media:") || id[0] == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/**
 * toa_body_editor_insert_figure:
 * @self: a #ToaBodyEditor
 * @src: the image, "media:ID"
 * @alt: (nullable): its text alternative (the caption if %NULL)
 * @caption: (nullable): the caption, which stays editable
 * @error: return location for a #GError
 *
 * Inserts a figure after the cursor's line and puts the cursor at the end
 * of its caption.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_body_editor_insert_figure (ToaBodyEditor  *self,
                               const char     *src,
                               const char     *alt,
                               const char     *caption,
                               GError        **error)
{
  ToaBodyHooks hooks = hooks_for (self);
  g_autofree char *nfc_caption = NULL;
  g_autofree char *nfc_alt = NULL;
  GtkTextIter iter;

  g_return_val_if_fail (TOA_IS_BODY_EDITOR (self), FALSE);
  g_return_val_if_fail (src != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_media_source (src))
    {
      g_set_error (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_INVALID_MEDIA,
                   _("The image “%s” is not article media"), src);
      return FALSE;
    }
  nfc_caption = g_utf8_normalize (caption != NULL ? caption : "", -1, G_NORMALIZE_NFC);
  nfc_alt = g_utf8_normalize (alt != NULL ? alt : nfc_caption, -1, G_NORMALIZE_NFC);
  if (nfc_caption == NULL || nfc_alt == NULL)
    {
      g_set_error (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_INVALID_MEDIA,
                   _("The caption is not valid UTF-8 text"));
      return FALSE;
    }

  gtk_text_buffer_begin_user_action (self->buffer);
  self->loading++;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  move_to_block_position (self, &iter);
  toa_body_buffer_insert_figure (self->buffer, &iter, src, nfc_alt, nfc_caption, &hooks);
  gtk_text_iter_backward_char (&iter);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  self->loading--;
  gtk_text_buffer_end_user_action (self->buffer);

  update_counts (self);
  sync_state (self);
  toa_body_editor_emit_changed (self);
  return TRUE;
}

/**
 * toa_body_editor_insert_image_file:
 * @self: a #ToaBodyEditor
 * @file: an image file the user picked or dropped
 *
 * Stores @file through the media import function and inserts its figure
 * after the cursor's line. Failures are reported with "notify-user".
 *
 * Returns: %TRUE if the figure was inserted
 */
gboolean
toa_body_editor_insert_image_file (ToaBodyEditor *self,
                                   GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = NULL;

  g_return_val_if_fail (TOA_IS_BODY_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->media_import == NULL)
    {
      toa_body_editor_notify_user (self, _("Images cannot be added here"));
      return FALSE;
    }
  src = self->media_import (self, file, self->media_import_data, &error);
  if (src == NULL || !toa_body_editor_insert_figure (self, src, NULL, NULL, &error))
    {
      toa_body_editor_notify_user (self, error != NULL ? error->message : _("The image could not be added"));
      return FALSE;
    }
  return TRUE;
}

static void
on_chooser_response (ToaBodyEditor  *self,
                     int             response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file != NULL)
    toa_body_editor_insert_image_file (self, file);
}

static void
insert_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ToaBodyEditor *self = TOA_BODY_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  /* GtkFileChooserNative goes through the file chooser portal when the
   * application is sandboxed. */
  chooser = gtk_file_chooser_native_new (_("Insert Image"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Insert"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "image/gif");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static gboolean
on_drop (ToaBodyEditor *self,
         const GValue  *value,
         double         x,
         double         y)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    toa_body_editor_insert_image_file (self, l->data);
  return files != NULL;
}

/* Actions */

static void
indent_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  int delta = g_str_equal (action_name, "editor.indent") ? 1 : -1;

  foreach_selected_line (TOA_BODY_EDITOR (widget), apply_indent, GINT_TO_POINTER (delta));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ToaBodyEditor *self = TOA_BODY_EDITOR (widget);

  if (g_str_equal (action_name, "editor.undo"))
    gtk_text_buffer_undo (self->buffer);
  else
    gtk_text_buffer_redo (self->buffer);
}

static void
line_break_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ToaBodyEditor *self = TOA_BODY_EDITOR (widget);

  gtk_text_buffer_insert_interactive_at_cursor (self->buffer, TOA_BODY_LINE_SEPARATOR, -1,
                                                gtk_text_view_get_editable (self->view));
}

static void
on_can_undo_changed (ToaBodyEditor *self)
{
  /* New text dropped what was left to redo; during a redo this is only
   * the last step being taken. */
  if (!self->undoing && !gtk_text_buffer_get_can_redo (self->buffer))
    toa_body_history_forget_redo (self->history);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", gtk_text_buffer_get_can_undo (self->buffer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", gtk_text_buffer_get_can_redo (self->buffer));
}

/* GObject */

/**
 * toa_body_editor_new:
 *
 * Returns: (transfer floating): a new, empty editor
 */
ToaBodyEditor *
toa_body_editor_new (void)
{
  return g_object_new (TOA_TYPE_BODY_EDITOR, NULL);
}

/**
 * toa_body_editor_get_buffer:
 * @self: a #ToaBodyEditor
 *
 * The buffer, for observing it (e.g. "modified-changed"). Change the text
 * through the editor's functions and actions, which keep the body model.
 *
 * Returns: (transfer none): the text buffer
 */
GtkTextBuffer *
toa_body_editor_get_buffer (ToaBodyEditor *self)
{
  g_return_val_if_fail (TOA_IS_BODY_EDITOR (self), NULL);

  return self->buffer;
}

/**
 * toa_body_editor_get_view:
 * @self: a #ToaBodyEditor
 *
 * Returns: (transfer none): the text view, e.g. to focus it
 */
GtkTextView *
toa_body_editor_get_view (ToaBodyEditor *self)
{
  g_return_val_if_fail (TOA_IS_BODY_EDITOR (self), NULL);

  return self->view;
}

/**
 * toa_body_editor_get_word_count:
 * @self: a #ToaBodyEditor
 *
 * Returns: the number of words (Vietnamese syllables) in the body
 */
guint
toa_body_editor_get_word_count (ToaBodyEditor *self)
{
  g_return_val_if_fail (TOA_IS_BODY_EDITOR (self), 0);

  return self->word_count;
}

/**
 * toa_body_editor_get_reading_time:
 * @self: a #ToaBodyEditor
 *
 * Returns: the reading time in whole minutes, rounded up, at 200 words a
 *   minute; 0 for an empty body
 */
guint
toa_body_editor_get_reading_time (ToaBodyEditor *self)
{
  g_return_val_if_fail (TOA_IS_BODY_EDITOR (self), 0);

  return (self->word_count + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
}

/**
 * toa_body_editor_set_media_resolver:
 * @self: a #ToaBodyEditor
 * @resolver: (nullable): finds the picture of a "media:ID" source
 * @user_data: data for @resolver
 * @destroy: (nullable): frees @user_data
 *
 * Sets how pictures are found. Without one, images show a placeholder.
 */
void
toa_body_editor_set_media_resolver (ToaBodyEditor              *self,
                                    ToaBodyEditorMediaResolver  resolver,
                                    gpointer                    user_data,
                                    GDestroyNotify              destroy)
{
  g_return_if_fail (TOA_IS_BODY_EDITOR (self));

  if (self->resolver_destroy != NULL)
    self->resolver_destroy (self->resolver_data);
  self->resolver = resolver;
  self->resolver_data = user_data;
  self->resolver_destroy = destroy;
}

/**
 * toa_body_editor_set_media_import_func:
 * @self: a #ToaBodyEditor
 * @func: (nullable): stores a picked or dropped image file as media
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
toa_body_editor_set_media_import_func (ToaBodyEditor                *self,
                                       ToaBodyEditorMediaImportFunc  func,
                                       gpointer                      user_data,
                                       GDestroyNotify                destroy)
{
  g_return_if_fail (TOA_IS_BODY_EDITOR (self));

  if (self->media_import_destroy != NULL)
    self->media_import_destroy (self->media_import_data);
  self->media_import = func;
  self->media_import_data = user_data;
  self->media_import_destroy = destroy;
}

/**
 * toa_body_editor_set_import_func:
 * @self: a #ToaBodyEditor
 * @func: (nullable): turns pasted HTML into a canonical fragment
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Sets the import pipeline for pasted HTML. Without one, pasting inserts
 * the clipboard's plain text.
 */
void
toa_body_editor_set_import_func (ToaBodyEditor           *self,
                                 ToaBodyEditorImportFunc  func,
                                 gpointer                 user_data,
                                 GDestroyNotify           destroy)
{
  g_return_if_fail (TOA_IS_BODY_EDITOR (self));

  if (self->import_destroy != NULL)
    self->import_destroy (self->import_data);
  self->import = func;
  self->import_data = user_data;
  self->import_destroy = destroy;
}

static void
toa_body_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ToaBodyEditor *self = TOA_BODY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_BOLD: g_value_set_boolean (value, self->bold); break;
    case PROP_ITALIC: g_value_set_boolean (value, self->italic); break;
    case PROP_UNDERLINE: g_value_set_boolean (value, self->underline); break;
    case PROP_STRIKETHROUGH: g_value_set_boolean (value, self->strikethrough); break;
    case PROP_BLOCK_FORMAT: g_value_set_string (value, self->block_format); break;
    case PROP_BULLETED_LIST: g_value_set_boolean (value, self->bulleted_list); break;
    case PROP_NUMBERED_LIST: g_value_set_boolean (value, self->numbered_list); break;
    case PROP_QUOTE: g_value_set_boolean (value, self->quote); break;
    case PROP_WORD_COUNT: g_value_set_uint (value, self->word_count); break;
    case PROP_READING_TIME: g_value_set_uint (value, toa_body_editor_get_reading_time (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_body_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ToaBodyEditor *self = TOA_BODY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_BOLD: set_inline (self, 0, g_value_get_boolean (value)); break;
    case PROP_ITALIC: set_inline (self, 1, g_value_get_boolean (value)); break;
    case PROP_UNDERLINE: set_inline (self, 2, g_value_get_boolean (value)); break;
    case PROP_STRIKETHROUGH: set_inline (self, 3, g_value_get_boolean (value)); break;
    case PROP_BLOCK_FORMAT: set_block_format (self, g_value_get_string (value)); break;
    case PROP_BULLETED_LIST: set_list (self, TOA_BODY_LIST_BULLET, g_value_get_boolean (value)); break;
    case PROP_NUMBERED_LIST: set_list (self, TOA_BODY_LIST_NUMBER, g_value_get_boolean (value)); break;
    case PROP_QUOTE:
      if (!self->syncing)
        foreach_selected_line (self, apply_quote, GINT_TO_POINTER (g_value_get_boolean (value)));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_body_editor_dispose (GObject *object)
{
  ToaBodyEditor *self = TOA_BODY_EDITOR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  toa_body_editor_set_media_resolver (self, NULL, NULL, NULL);
  toa_body_editor_set_media_import_func (self, NULL, NULL, NULL);
  toa_body_editor_set_import_func (self, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_BODY_EDITOR);
  /* The separator and the scrolled window have no id, so disposing the
   * template leaves them. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (toa_body_editor_parent_class)->dispose (object);
}

static void
toa_body_editor_finalize (GObject *object)
{
  ToaBodyEditor *self = TOA_BODY_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->insert_tags, g_ptr_array_unref);
  g_clear_pointer (&self->history, toa_body_history_free);
  G_OBJECT_CLASS (toa_body_editor_parent_class)->finalize (object);
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  properties[PROP_BOLD] = g_param_spec_boolean ("bold", NULL, NULL, FALSE, rw);
  properties[PROP_ITALIC] = g_param_spec_boolean ("italic", NULL, NULL, FALSE, rw);
  properties[PROP_UNDERLINE] = g_param_spec_boolean ("underline", NULL, NULL, FALSE, rw);
  properties[PROP_STRIKETHROUGH] = g_param_spec_boolean ("strikethrough", NULL, NULL, FALSE, rw);
  /* "paragraph", "heading2", "heading3" or "heading4" */
  properties[PROP_BLOCK_FORMAT] = g_param_spec_string ("block-format", NULL, NULL, "paragraph", rw);
  properties[PROP_BULLETED_LIST] = g_param_spec_boolean ("bulleted-list", NULL, NULL, FALSE, rw);
  properties[PROP_NUMBERED_LIST] = g_param_spec_boolean ("numbered-list", NULL, NULL, FALSE, rw);
  properties[PROP_QUOTE] = g_param_spec_boolean ("quote", NULL, NULL, FALSE, rw);
  properties[PROP_WORD_COUNT] = g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_READING_TIME] = g_param_spec_uint ("reading-time", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  static const char * const property_actions[][2] = {
    { "editor.bold", "bold" },
    { "editor.italic", "italic" },
    { "editor.underline", "underline" },
    { "editor.strikethrough", "strikethrough" },
    { "editor.block-format", "block-format" },
    { "editor.bulleted-list", "bulleted-list" },
    { "editor.numbered-list", "numbered-list" },
    { "editor.quote", "quote" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (property_actions); i++)
    gtk_widget_class_install_property_action (widget_class, property_actions[i][0], property_actions[i][1]);
  gtk_widget_class_install_action (widget_class, "editor.indent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "editor.outdent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "editor.insert-link", NULL, toa_body_editor_insert_link_action);
  gtk_widget_class_install_action (widget_class, "editor.set-link", "s", toa_body_editor_set_link_action);
  gtk_widget_class_install_action (widget_class, "editor.insert-image", NULL, insert_image_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.line-break", NULL, line_break_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "editor.bold", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "editor.italic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK, "editor.underline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "editor.insert-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, GDK_CONTROL_MASK, "editor.indent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketleft, GDK_CONTROL_MASK, "editor.outdent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.block-format", "s", "paragraph");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.block-format", "s", "heading2");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.block-format", "s", "heading3");
}

static void
toa_body_editor_class_init (ToaBodyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = toa_body_editor_get_property;
  object_class->set_property = toa_body_editor_set_property;
  object_class->dispose = toa_body_editor_dispose;
  object_class->finalize = toa_body_editor_finalize;
  install_properties (object_class);

  /**
   * ToaBodyEditor::changed:
   *
   * The body changed (text or formatting): the window restarts its
   * autosave timer.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ToaBodyEditor::notify-user:
   * @message: a translated sentence
   *
   * Something the user should be told, e.g. in a toast: what a paste
   * cleaned or converted, or why it failed.
   */
  signals[SIGNAL_NOTIFY_USER] = g_signal_new ("notify-user", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  install_actions (widget_class);
  g_type_ensure (TOA_TYPE_BODY_VIEW);
  g_type_ensure (TOA_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-body-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaBodyEditor, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ToaBodyEditor, view);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_copy_clipboard",
                                                G_CALLBACK (toa_body_editor_copy_clipboard));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_cut_clipboard",
                                                G_CALLBACK (toa_body_editor_cut_clipboard));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_paste_clipboard",
                                                G_CALLBACK (toa_body_editor_paste_clipboard));
  gtk_widget_class_set_css_name (widget_class, "toabodyeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
connect_buffer (ToaBodyEditor *self)
{
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text_before), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (on_delete_range_before), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (on_delete_range_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "undo", G_CALLBACK (on_undo_before), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "undo", G_CALLBACK (on_undo_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "redo", G_CALLBACK (on_redo_before), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "redo", G_CALLBACK (on_undo_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "notify::can-undo", G_CALLBACK (on_can_undo_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::can-redo", G_CALLBACK (on_can_undo_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
add_controllers (ToaBodyEditor *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (drop));

  /* The text view inserts a newline for any Return before a bubbling
   * shortcut could run: Shift+Return is caught on the way down. */
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                               gtk_named_action_new ("editor.line-break"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
toa_body_editor_init (ToaBodyEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->block_format = g_intern_static_string ("paragraph");
  self->insert_tags = g_ptr_array_new ();
  self->history = toa_body_history_new (is_undoable_tag);
  self->cancellable = g_cancellable_new ();
  self->buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_set_enable_undo (self->buffer, TRUE);
  toa_body_buffer_setup (self->buffer);
  connect_buffer (self);
  add_controllers (self);
  on_can_undo_changed (self);
}
