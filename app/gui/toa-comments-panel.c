/* toa-comments-panel.c — an article's comment thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The thread lists each comment with its author, time, text and the
 * excerpt it is anchored to; "comments.resolve" and "comments.reopen"
 * change its state in the store, "comments.add" writes the draft.
 *
 * Anchors are character offsets in toa_body_to_plain_text() of the body,
 * while an editor shows the body in a GtkTextBuffer with its own
 * characters (one newline per block, U+2028 for <br/>, U+FFFC for a
 * picture). toa_comment_range_from_iters() and _to_iters() align the two
 * texts character by character, so that the editor's "Bình luận" on a
 * selection and the highlighting of anchored text agree with the core.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-format.h"
#include "toa-article-content.h"
#include "toa-comments-panel.h"
#include "toa-review.h"

#define OBJECT_UNICHAR 0xFFFC
#define LINE_SEPARATOR_UNICHAR 0x2028
/* Long excerpts are cut in the list; the whole text is in the tooltip. */
#define EXCERPT_MAX_CHARS 120

struct _ToaCommentsPanel
{
  GtkWidget        parent_instance;

  ToaStore        *store;
  char            *login;
  gint64           article_id;
  GPtrArray       *comments;    /* (element-type ToaAnchoredComment) */
  GHashTable      *names;       /* login → full name */
  guint            unresolved;
  gint64           draft_start; /* the range the draft is about, -1 for none */
  gint64           draft_end;

  AdwToastOverlay *toast_overlay;
  GtkLabel        *count_label;
  GtkListBox      *comments_list;
  GtkWidget       *anchor_box;
  GtkLabel        *anchor_label;
  GtkTextView     *draft_view;
};

G_DEFINE_FINAL_TYPE (ToaCommentsPanel, toa_comments_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_UNRESOLVED_COUNT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Buffer and plain text ------------------------------------------------ */

/* For each character of @buffer, the offset of the same character in
 * @plain, or -1 when the plain text does not have it (a picture, a block
 * end it writes as a blank line). Greedy: the texts differ only in
 * separators, so equal characters are matched in order and separators
 * on either side are skipped. */
static gint64 *
align_buffer (GtkTextBuffer *buffer,
              const char    *plain,
              glong         *n_chars)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree gunichar *b = NULL;
  g_autofree gunichar *p = NULL;
  glong nb, np, i = 0, j = 0;
  gint64 *map;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  b = g_utf8_to_ucs4_fast (text, -1, &nb);
  p = g_utf8_to_ucs4_fast (plain, -1, &np);
  map = g_new (gint64, nb + 1);
  while (i < nb)
    {
      gunichar c = b[i] == LINE_SEPARATOR_UNICHAR ? '\n' : b[i];

      if (j < np && c == p[j])
        map[i++] = j++;
      else if (c == OBJECT_UNICHAR || c == '\n' || c == '\t')
        map[i++] = -1;
      else if (j < np && (p[j] == '\n' || p[j] == '\t' || p[j] == ' '))
        j++;
      else
        map[i++] = -1;
    }
  *n_chars = nb;
  return map;
}

/**
 * toa_comment_range_from_iters:
 * @buffer: a buffer showing a body (see ToaBodyEditor)
 * @plain_text: toa_body_to_plain_text() of the body @buffer shows
 * @start: start of the selection
 * @end: end of the selection
 * @range_start: (out): the first selected character in @plain_text
 * @range_end: (out): the character after the last one
 *
 * Maps a selection in @buffer to the offsets comments are anchored with.
 *
 * Returns: %TRUE when the selection holds some text of the body
 */
gboolean
toa_comment_range_from_iters (GtkTextBuffer     *buffer,
                              const char        *plain_text,
                              const GtkTextIter *start,
                              const GtkTextIter *end,
                              gint64            *range_start,
                              gint64            *range_end)
{
  g_autofree gint64 *map = NULL;
  glong n_chars, from, to;
  gint64 first = -1, last = -1;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), FALSE);
  g_return_val_if_fail (plain_text != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);
  g_return_val_if_fail (range_start != NULL && range_end != NULL, FALSE);

  map = align_buffer (buffer, plain_text, &n_chars);
  from = MIN (gtk_text_iter_get_offset (start), gtk_text_iter_get_offset (end));
  to = MIN (MAX (gtk_text_iter_get_offset (start), gtk_text_iter_get_offset (end)), n_chars);
  for (glong i = from; i < to; i++)
    if (map[i] >= 0)
      {
        if (first < 0)
          first = map[i];
        last = map[i];
      }
  if (first < 0)
    return FALSE;
  *range_start = first;
  *range_end = last + 1;
  return TRUE;
}

/**
 * toa_comment_range_to_iters:
 * @buffer: a buffer showing a body
 * @plain_text: toa_body_to_plain_text() of the body @buffer shows
 * @range_start: first character of a range of @plain_text
 * @range_end: the character after the range
 * @start: (out): where the range starts in @buffer
 * @end: (out): where it ends
 *
 * The inverse of toa_comment_range_from_iters().
 *
 * Returns: %TRUE when some of the range is in @buffer
 */
gboolean
toa_comment_range_to_iters (GtkTextBuffer *buffer,
                            const char    *plain_text,
                            gint64         range_start,
                            gint64         range_end,
                            GtkTextIter   *start,
                            GtkTextIter   *end)
{
  g_autofree gint64 *map = NULL;
  glong n_chars, first = -1, last = -1;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), FALSE);
  g_return_val_if_fail (plain_text != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  map = align_buffer (buffer, plain_text, &n_chars);
  for (glong i = 0; i < n_chars; i++)
    if (map[i] >= range_start && map[i] < range_end)
      {
        if (first < 0)
          first = i;
        last = i;
      }
  if (first < 0)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, start, (int) first);
  gtk_text_buffer_get_iter_at_offset (buffer, end, (int) last + 1);
  return TRUE;
}

/**
 * toa_comment_range_from_selection:
 * @editor: a body editor
 * @range_start: (out): the first selected character of the body's plain text
 * @range_end: (out): the character after the selection
 *
 * What the editor's "Bình luận" passes to
 * toa_comments_panel_add_for_range(). The offsets are in the body the
 * editor shows: save it first so that the store has the same body.
 *
 * Returns: %TRUE when text is selected
 */
gboolean
toa_comment_range_from_selection (ToaBodyEditor *editor,
                                  gint64        *range_start,
                                  gint64        *range_end)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *body = NULL;
  g_autofree char *plain = NULL;

  g_return_val_if_fail (TOA_IS_BODY_EDITOR (editor), FALSE);

  buffer = toa_body_editor_get_buffer (editor);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;
  body = toa_body_editor_get_body (editor);
  plain = toa_body_to_plain_text (body);
  return toa_comment_range_from_iters (buffer, plain, &start, &end, range_start, range_end);
}

/* ---- The thread ------------------------------------------------------------ */

/**
 * toa_comments_panel_new:
 * @store: the store
 * @login: who reads and writes comments
 *
 * Returns: (transfer floating): a new, empty panel
 */
ToaCommentsPanel *
toa_comments_panel_new (ToaStore   *store,
                        const char *login)
{
  ToaCommentsPanel *self;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_COMMENTS_PANEL, NULL);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  return self;
}

static const char *
display_name (ToaCommentsPanel *self,
              const char       *login)
{
  g_autoptr(ToaUser) user = NULL;
  const char *name;

  if (login == NULL)
    return _("someone");
  name = g_hash_table_lookup (self->names, login);
  if (name != NULL)
    return name;
  user = toa_store_get_user (self->store, login, NULL);
  name = user != NULL ? toa_user_get_display_name (user) : login;
  g_hash_table_insert (self->names, g_strdup (login), g_strdup (name));
  return g_hash_table_lookup (self->names, login);
}


static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\n\t\r", ' ');

  if (g_utf8_strlen (flat, -1) <= EXCERPT_MAX_CHARS)
    return g_steal_pointer (&flat);
  return g_strconcat (g_utf8_substring (flat, 0, EXCERPT_MAX_CHARS - 1), "…", NULL);
}

static GtkWidget *
make_label (const char *text,
            const char *name,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_name (label, name);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Quoted text reads as a quotation; no style sheet needed. */
static void
set_italic (GtkWidget *label)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
}

static GtkWidget *
make_excerpt (const ToaAnchoredComment *item)
{
  g_autofree char *excerpt = shorten (item->anchor_text);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (item->state == TOA_ANCHOR_DETACHED)
    /* Translators: "%s" is the text the comment was about, now deleted */
    text = g_strdup_printf (_("About text since deleted: “%s”"), excerpt);
  else
    text = g_strdup_printf ("“%s”", excerpt);
  label = make_label (text, "excerpt", "comment-excerpt");
  set_italic (label);
  gtk_widget_set_tooltip_text (label, item->anchor_text);
  return label;
}

static GtkWidget *
make_state_button (const ToaComment *comment)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (comment->resolved ? _("Re_open") : _("_Resolve"));

  gtk_widget_set_name (button, comment->resolved ? "reopen" : "resolve");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                  comment->resolved ? "comments.reopen" : "comments.resolve");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", comment->id);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
make_comment_row (ToaCommentsPanel         *self,
                  const ToaAnchoredComment *item)
{
  const ToaComment *comment = item->comment;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *when = toa_format_date_time (comment->created);
  g_autofree char *header = NULL;

  header = comment->resolved
           /* Translators: "%1$s" is a person, "%2$s" a time and date */
           ? g_strdup_printf (_("%1$s · %2$s · resolved"), display_name (self, comment->author), when)
           : g_strdup_printf ("%s · %s", display_name (self, comment->author), when);
  gtk_box_append (GTK_BOX (texts), make_label (header, "header", "caption-heading"));
  if (item->anchor_text != NULL)
    gtk_box_append (GTK_BOX (texts), make_excerpt (item));
  gtk_box_append (GTK_BOX (texts), make_label (comment->text, "text", NULL));
  gtk_widget_set_hexpand (texts, TRUE);
  /* A resolved comment stays readable but steps back. */
  if (comment->resolved)
    gtk_widget_add_css_class (texts, "dim-label");
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), make_state_button (comment));
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (comment->resolved)
    gtk_widget_add_css_class (row, "comment-resolved");
  return row;
}

static void
show_count (ToaCommentsPanel *self)
{
  g_autofree char *text = NULL;

  if (self->comments->len == 0)
    text = g_strdup (_("No comments yet"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unresolved", "%u unresolved",
                                         self->unresolved), self->unresolved);
  gtk_label_set_label (self->count_label, text);
}

static void
fill_list (ToaCommentsPanel *self)
{
  GtkWidget *child;
  guint unresolved = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comments_list))) != NULL)
    gtk_list_box_remove (self->comments_list, child);
  for (guint i = 0; i < self->comments->len; i++)
    {
      const ToaAnchoredComment *item = g_ptr_array_index (self->comments, i);

      gtk_list_box_append (self->comments_list, make_comment_row (self, item));
      if (!item->comment->resolved)
        unresolved++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->comments_list), self->comments->len > 0);
  if (unresolved != self->unresolved)
    {
      self->unresolved = unresolved;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNRESOLVED_COUNT]);
    }
  show_count (self);
}

/**
 * toa_comments_panel_load:
 * @article_id: the article whose thread to show
 * @error: return location for a #GError
 *
 * Reads the article's comments again and shows them.
 *
 * Returns: %TRUE on success; on error the panel is left as it was
 */
gboolean
toa_comments_panel_load (ToaCommentsPanel  *self,
                         gint64             article_id,
                         GError           **error)
{
  GPtrArray *comments;

  g_return_val_if_fail (TOA_IS_COMMENTS_PANEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  comments = toa_store_list_anchored_comments (self->store, article_id, error);
  if (comments == NULL)
    return FALSE;
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  self->comments = comments;
  if (article_id != self->article_id)
    {
      self->draft_start = self->draft_end = -1;
      gtk_widget_set_visible (self->anchor_box, FALSE);
    }
  self->article_id = article_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->draft_view), article_id > 0);
  fill_list (self);
  return TRUE;
}

/**
 * toa_comments_panel_get_article_id:
 *
 * Returns: the article shown, 0 when none
 */
gint64
toa_comments_panel_get_article_id (ToaCommentsPanel *self)
{
  g_return_val_if_fail (TOA_IS_COMMENTS_PANEL (self), 0);

  return self->article_id;
}

/**
 * toa_comments_panel_get_unresolved_count:
 *
 * Returns: how many comments of the thread are unresolved
 */
guint
toa_comments_panel_get_unresolved_count (ToaCommentsPanel *self)
{
  g_return_val_if_fail (TOA_IS_COMMENTS_PANEL (self), 0);

  return self->unresolved;
}

/**
 * toa_comments_panel_get_n_comments:
 *
 * Returns: how many comments the thread shows
 */
guint
toa_comments_panel_get_n_comments (ToaCommentsPanel *self)
{
  g_return_val_if_fail (TOA_IS_COMMENTS_PANEL (self), 0);

  return self->comments->len;
}

/**
 * toa_comments_panel_get_comment_row:
 * @index: a comment, 0 for the oldest
 *
 * Returns: (transfer none) (nullable): its row; the labels in it are
 *   named "header", "excerpt" and "text", the button "resolve" or "reopen"
 */
GtkWidget *
toa_comments_panel_get_comment_row (ToaCommentsPanel *self,
                                    guint             index)
{
  g_return_val_if_fail (TOA_IS_COMMENTS_PANEL (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->comments_list, (int) index));
}

/**
 * toa_comments_panel_add_for_range:
 * @start: first character of the range in toa_body_to_plain_text() of the
 *   stored body (see toa_comment_range_from_selection())
 * @end: the character after the range
 *
 * Starts a comment on a range of the body: shows its excerpt above the
 * draft and puts the focus there; "comments.add" then stores it.
 */
void
toa_comments_panel_add_for_range (ToaCommentsPanel *self,
                                  gint64            start,
                                  gint64            end)
{
  g_autoptr(ToaArticle) article = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *label = NULL;
  glong length;

  g_return_if_fail (TOA_IS_COMMENTS_PANEL (self));
  g_return_if_fail (0 <= start && start < end);

  article = toa_store_get_article (self->store, self->article_id, NULL);
  if (article == NULL)
    return;
  plain = toa_body_to_plain_text (article->content->body);
  length = g_utf8_strlen (plain, -1);
  if (start >= length)
    return;
  self->draft_start = start;
  self->draft_end = MIN (end, length);
  selected = g_utf8_substring (plain, (glong) start, (glong) self->draft_end);
  excerpt = shorten (selected);
  /* Translators: "%s" is the selected text the new comment is about */
  label = g_strdup_printf (_("On “%s”"), excerpt);
  gtk_label_set_label (self->anchor_label, label);
  set_italic (GTK_WIDGET (self->anchor_label));
  gtk_widget_set_visible (self->anchor_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->draft_view));
}

/**
 * toa_comments_panel_set_draft:
 * @text: the comment being written
 *
 * Replaces the draft, as typing would.
 */
void
toa_comments_panel_set_draft (ToaCommentsPanel *self,
                              const char       *text)
{
  g_return_if_fail (TOA_IS_COMMENTS_PANEL (self));
  g_return_if_fail (text != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->draft_view), text, -1);
}

static GtkTextTag *
ensure_anchor_tag (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, TOA_COMMENTS_PANEL_TAG_ANCHOR);
  /* A translucent yellow reads on light and dark backgrounds alike. */
  GdkRGBA yellow = { 0.96, 0.83, 0.18, 0.35 };

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, TOA_COMMENTS_PANEL_TAG_ANCHOR,
                                      "background-rgba", &yellow, NULL);
  return tag;
}

/**
 * toa_comments_panel_highlight_buffer:
 * @buffer: a buffer showing the article's body
 * @plain_text: toa_body_to_plain_text() of the body @buffer shows, which
 *   may hold edits not yet saved
 *
 * Marks the text of every unresolved anchored comment with the
 * %TOA_COMMENTS_PANEL_TAG_ANCHOR tag, found again in @plain_text by its
 * anchored words, and clears the marks of the others.
 */
void
toa_comments_panel_highlight_buffer (ToaCommentsPanel *self,
                                     GtkTextBuffer    *buffer,
                                     const char       *plain_text)
{
  GtkTextTag *tag;
  GtkTextIter start, end;

  g_return_if_fail (TOA_IS_COMMENTS_PANEL (self));
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (plain_text != NULL);

  tag = ensure_anchor_tag (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  for (guint i = 0; i < self->comments->len; i++)
    {
      const ToaAnchoredComment *item = g_ptr_array_index (self->comments, i);
      gint64 from, to;

      if (item->comment->resolved || item->anchor_text == NULL || item->state == TOA_ANCHOR_DETACHED)
        continue;
      if (toa_anchor_locate (plain_text, item->start, item->end, item->anchor_text, &from, &to) == TOA_ANCHOR_DETACHED)
        continue;
      if (toa_comment_range_to_iters (buffer, plain_text, from, to, &start, &end))
        gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

/* ---- Actions --------------------------------------------------------------- */

static char *
get_draft (ToaCommentsPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->draft_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
report (ToaCommentsPanel *self,
        const char       *what,
        const GError     *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
reload (ToaCommentsPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (!toa_comments_panel_load (self, self->article_id, &error))
    report (self, _("Could not read the comments"), error);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_anchor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ToaCommentsPanel *self = TOA_COMMENTS_PANEL (widget);

  self->draft_start = self->draft_end = -1;
  gtk_widget_set_visible (self->anchor_box, FALSE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ToaCommentsPanel *self = TOA_COMMENTS_PANEL (widget);
  g_autofree char *text = get_draft (self);
  g_autoptr(GError) error = NULL;

  if (self->article_id <= 0 || text[0] == '\0')
    return;
  if (toa_store_add_anchored_comment (self->store, self->article_id, self->login, text,
                                      self->draft_start, self->draft_end, &error) == 0)
    {
      report (self, _("Could not add the comment"), error);
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->draft_view), "", 0);
  clear_anchor_action (widget, NULL, NULL);
  reload (self);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ToaCommentsPanel *self = TOA_COMMENTS_PANEL (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  gboolean reopen = g_strcmp0 (action_name, "comments.reopen") == 0;
  gboolean done;

  done = reopen ? toa_store_reopen_comment (self->store, id, self->login, &error)
                : toa_store_resolve_comment (self->store, id, self->login, &error);
  if (!done)
    {
      report (self, reopen ? _("Could not reopen the comment") : _("Could not resolve the comment"), error);
      return;
    }
  reload (self);
}

static void
on_draft_changed (ToaCommentsPanel *self)
{
  g_autofree char *text = get_draft (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comments.add", text[0] != '\0');
}

static void
toa_comments_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ToaCommentsPanel *self = TOA_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_UNRESOLVED_COUNT:
      g_value_set_uint (value, self->unresolved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_comments_panel_dispose (GObject *object)
{
  ToaCommentsPanel *self = TOA_COMMENTS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_COMMENTS_PANEL);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (toa_comments_panel_parent_class)->dispose (object);
}

static void
toa_comments_panel_finalize (GObject *object)
{
  ToaCommentsPanel *self = TOA_COMMENTS_PANEL (object);

  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  G_OBJECT_CLASS (toa_comments_panel_parent_class)->finalize (object);
}

static void
toa_comments_panel_class_init (ToaCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = toa_comments_panel_get_property;
  object_class->dispose = toa_comments_panel_dispose;
  object_class->finalize = toa_comments_panel_finalize;

  /**
   * ToaCommentsPanel:unresolved-count:
   *
   * How many comments of the thread are unresolved, for the workflow
   * bar and the article list.
   */
  properties[PROP_UNRESOLVED_COUNT] =
    g_param_spec_uint ("unresolved-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ToaCommentsPanel::changed:
   *
   * A comment was added, resolved or reopened: highlights may change.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-comments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaCommentsPanel, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ToaCommentsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, ToaCommentsPanel, comments_list);
  gtk_widget_class_bind_template_child (widget_class, ToaCommentsPanel, anchor_box);
  gtk_widget_class_bind_template_child (widget_class, ToaCommentsPanel, anchor_label);
  gtk_widget_class_bind_template_child (widget_class, ToaCommentsPanel, draft_view);
  gtk_widget_class_install_action (widget_class, "comments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "comments.clear-anchor", NULL, clear_anchor_action);
  gtk_widget_class_install_action (widget_class, "comments.resolve", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "comments.reopen", "x", resolve_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
toa_comments_panel_init (ToaCommentsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_anchored_comment_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->draft_start = self->draft_end = -1;
  g_signal_connect_object (gtk_text_view_get_buffer (self->draft_view), "changed",
                           G_CALLBACK (on_draft_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comments.add", FALSE);
  fill_list (self);
}
