/* toa-article-row.c — one article in the list: status badge, title, lead
 * snippet, author and office, relative time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-article-row.h"
#include "toa-text-block.h"

/* The texts a row draws itself. */
typedef enum
{
  TEXT_TIME = TOA_ARTICLE_ROW_TIME,
  TEXT_TITLE = TOA_ARTICLE_ROW_TITLE,
  TEXT_SNIPPET = TOA_ARTICLE_ROW_SNIPPET,
  TEXT_META = TOA_ARTICLE_ROW_META,
  N_TEXTS
} TextKind;

typedef enum
{
  FONT_BODY,
  FONT_BOLD,
  FONT_CAPTION,
  N_FONTS
} FontKind;

typedef struct
{
  guint    lines;
  FontKind font;
  gboolean dim;
  gboolean numeric;
  gboolean end_aligned;
} TextStyle;

/* The time (dim, small, digits of one width, at the end of the status
 * line), the title (bold, two lines), the snippet (dim, two lines), the
 * author and office (small): what libadwaita's .caption, .dim-label and
 * .numeric do to a label. */
static const TextStyle text_styles[N_TEXTS] = {
  [TEXT_TIME] = { 1, FONT_CAPTION, TRUE, TRUE, TRUE },
  [TEXT_TITLE] = { 2, FONT_BOLD, FALSE, FALSE, FALSE },
  [TEXT_SNIPPET] = { 2, FONT_BODY, TRUE, FALSE, FALSE },
  [TEXT_META] = { 1, FONT_CAPTION, FALSE, FALSE, FALSE },
};

/* libadwaita: .caption is 9pt beside 11pt text; .dim-label is 55 %. */
#define CAPTION_SCALE (9.0 / 11.0)
#define DIM_OPACITY 0.55f

typedef struct
{
  char        *text;
  PangoLayout *layout;        /* NULL until laid out, and after a change */
  int          layout_width;
  guint        layout_serial; /* of the row's PangoContext */
  GdkRectangle area;          /* where it is drawn, from the allocation */
} RowText;

struct _ToaArticleRow
{
  GtkWidget       parent_instance;

  /* GTK 4.8's list view keeps about 200 rows, moves dozens of them to
   * other articles in one frame while it scrolls, and measures and
   * allocates every one of them: a row is one widget that draws its
   * texts itself, with a child only for the status badge (styled by
   * CSS) and, when there are some, the count of unresolved comments. */
  ToaTextBlock   *status_label;
  ToaTextBlock   *comments_label;  /* NULL until there are comments */
  RowText         texts[N_TEXTS];

  PangoFontDescription *fonts[N_FONTS];
  int             line_heights[N_FONTS];
  guint           fonts_serial;

  ToaArticleItem *item;
  gulong          notify_id;
  GHashTable     *users;        /* login → ToaUser, from the window */
  const char     *status_class;
  gboolean        queued;       /* waiting for toa_text_lay_out_later() */
  gboolean        label_pending;
};

/* Between the status line, the title, the snippet and the author line. */
#define LINE_SPACING 3
/* Between the badge, the comment count and the time. */
#define ITEM_SPACING 8

G_DEFINE_FINAL_TYPE (ToaArticleRow, toa_article_row, GTK_TYPE_WIDGET)

/**
 * toa_article_status_css_class:
 *
 * Returns: the style class of a status badge ("status-draft", …)
 */
const char *
toa_article_status_css_class (ToaArticleStatus status)
{
  switch (status)
    {
    case TOA_ARTICLE_STATUS_DRAFT:
      return "status-draft";
    case TOA_ARTICLE_STATUS_SUBMITTED:
      return "status-submitted";
    case TOA_ARTICLE_STATUS_APPROVED:
      return "status-approved";
    case TOA_ARTICLE_STATUS_PUBLISHED:
      return "status-published";
    case TOA_ARTICLE_STATUS_ARCHIVED:
    case TOA_ARTICLE_N_STATUSES:
    default:
      return "status-archived";
    }
}

/**
 * toa_format_relative_time:
 * @then: a time, microseconds since the epoch (UTC)
 * @now: the current time, same unit
 *
 * "Just now", "5 minutes ago", "3 hours ago", "2 days ago", then the date.
 *
 * Returns: (transfer full): the text
 */
char *
toa_format_relative_time (gint64 then,
                          gint64 now)
{
  gint64 seconds = (now - then) / G_USEC_PER_SEC;
  g_autoptr(GDateTime) when = NULL;
  int n;

  if (seconds < 60)
    return g_strdup (_("Just now"));
  if (seconds < 60 * 60)
    {
      n = (int) (seconds / 60);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", n), n);
    }
  if (seconds < 24 * 60 * 60)
    {
      n = (int) (seconds / 3600);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", n), n);
    }
  if (seconds < 7 * 24 * 60 * 60)
    {
      n = (int) (seconds / 86400);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", n), n);
    }

  when = g_date_time_new_from_unix_local (then / G_USEC_PER_SEC);
  if (when == NULL)
    return g_strdup ("");
  /* Translators: a date in the article list, g_date_time_format() syntax. */
  return g_date_time_format (when, _("%b %-d, %Y"));
}

/**
 * toa_format_waiting_time:
 * @since: when the wait began, microseconds since the epoch (UTC)
 * @now: the current time, same unit
 *
 * How long a submitted article has waited for approval: "waiting 5
 * minutes", "waiting 2 hours", "waiting 3 days".
 *
 * Returns: (transfer full): the text
 */
char *
toa_format_waiting_time (gint64 since,
                         gint64 now)
{
  gint64 seconds = MAX (now - since, 0) / G_USEC_PER_SEC;
  int n;

  if (seconds < 60 * 60)
    {
      n = (int) MAX (seconds / 60, 1);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "waiting %d minute", "waiting %d minutes", n), n);
    }
  if (seconds < 24 * 60 * 60)
    {
      n = (int) (seconds / 3600);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "waiting %d hour", "waiting %d hours", n), n);
    }
  n = (int) MIN (seconds / 86400, G_MAXINT);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "waiting %d day", "waiting %d days", n), n);
}

static void
set_status (ToaArticleRow    *self,
            ToaArticleStatus  status)
{
  const char *css_class = toa_article_status_css_class (status);

  /* A new class restyles the badge: only when the status differs from
   * the one this (recycled) row showed last. */
  if (css_class == self->status_class)
    return;
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), css_class);
  self->status_class = css_class;
  toa_text_block_set_text (self->status_label, toa_article_status_get_label (status));
}

static char *
describe_author (ToaArticleRow    *self,
                 const ToaArticle *article)
{
  const ToaUser *user = NULL;
  const char *name = article->author;

  if (self->users != NULL && article->author != NULL)
    user = g_hash_table_lookup (self->users, article->author);
  if (user != NULL)
    name = toa_user_get_display_name (user);

  if (article->office == NULL)
    return g_strdup (name != NULL ? name : "");
  /* Translators: author and office in the article list, "Đỗ Nguyên · P. QLCN". */
  return g_strdup_printf (_("%s · P. %s"), name != NULL ? name : "", article->office);
}

static void set_text (ToaArticleRow *self,
                      TextKind       kind,
                      const char    *text);

static void
show_article (ToaArticleRow *self)
{
  const ToaArticle *article = self->item != NULL ? toa_article_item_get_article (self->item) : NULL;
  g_autofree char *meta = NULL;
  const char *title;

  if (self->status_label == NULL)
    return;

  if (article == NULL)
    {
      /* A row the store could not read: a visible gap, not a crash. */
      set_text (self, TEXT_TITLE, _("(could not be read)"));
      set_text (self, TEXT_SNIPPET, "");
      set_text (self, TEXT_META, "");
      set_text (self, TEXT_TIME, "");
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  set_status (self, article->status);

  title = article->content != NULL ? article->content->title : NULL;
  set_text (self, TEXT_TITLE, title != NULL && title[0] != '\0' ? title : _("Untitled"));
  set_text (self, TEXT_SNIPPET, article->snippet);

  meta = describe_author (self, article);
  set_text (self, TEXT_META, meta);
  toa_article_row_update_time (self, g_get_real_time ());
}

static void
on_item_notify_article (ToaArticleRow *self)
{
  show_article (self);
}

/**
 * toa_article_row_set_item:
 * @item: (nullable): the row's item
 * @users: (nullable): login → #ToaUser, for authors' full names
 *
 * Shows @item and follows its changes until the next call.
 */
void
toa_article_row_set_item (ToaArticleRow  *self,
                          ToaArticleItem *item,
                          GHashTable     *users)
{
  g_return_if_fail (TOA_IS_ARTICLE_ROW (self));
  g_return_if_fail (item == NULL || TOA_IS_ARTICLE_ITEM (item));

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  g_set_object (&self->item, item);
  g_clear_pointer (&self->users, g_hash_table_unref);
  if (users != NULL)
    self->users = g_hash_table_ref (users);

  if (item != NULL)
    {
      self->notify_id = g_signal_connect_swapped (item, "notify::article",
                                                  G_CALLBACK (on_item_notify_article), self);
      show_article (self);
    }
}

/**
 * toa_article_row_update_time:
 * @now: the current time, microseconds since the epoch
 *
 * Rewrites the relative time ("5 minutes ago"), or for a submitted
 * article the time it has waited ("waiting 2 hours"), against @now.
 */
void
toa_article_row_update_time (ToaArticleRow *self,
                             gint64         now)
{
  const ToaArticle *article;
  g_autofree char *text = NULL;

  g_return_if_fail (TOA_IS_ARTICLE_ROW (self));

  article = self->item != NULL ? toa_article_item_get_article (self->item) : NULL;
  if (article == NULL)
    return;
  /* A submitted article last changed when it was submitted: what the
   * approver needs is how long it has waited. */
  if (article->status == TOA_ARTICLE_STATUS_SUBMITTED)
    text = toa_format_waiting_time (article->updated, now);
  else
    text = toa_format_relative_time (article->updated, now);
  set_text (self, TEXT_TIME, text);
}

static ToaTextBlock *
ensure_comments_label (ToaArticleRow *self)
{
  if (self->comments_label == NULL)
    {
      GtkWidget *label = toa_text_block_new ();

      toa_text_block_set_fit_text (TOA_TEXT_BLOCK (label), TRUE);
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_insert_after (label, GTK_WIDGET (self), GTK_WIDGET (self->status_label));
      self->comments_label = TOA_TEXT_BLOCK (label);
    }
  return self->comments_label;
}

/**
 * toa_article_row_set_unresolved:
 * @count: the article's unresolved comments
 *
 * Shows "2 unresolved comments" beside the status, nothing for 0.
 */
void
toa_article_row_set_unresolved (ToaArticleRow *self,
                                guint          count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TOA_IS_ARTICLE_ROW (self));

  if (count == 0)
    {
      if (self->comments_label != NULL)
        gtk_widget_set_visible (GTK_WIDGET (self->comments_label), FALSE);
      return;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unresolved comment",
                                       "%u unresolved comments", count), count);
  toa_text_block_set_text (ensure_comments_label (self), text);
  gtk_widget_set_visible (GTK_WIDGET (self->comments_label), TRUE);
}

/**
 * toa_article_row_get_unresolved_text:
 *
 * Returns: (transfer none): the unresolved-comments text, "" when hidden
 */
const char *
toa_article_row_get_unresolved_text (ToaArticleRow *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_ROW (self), NULL);

  if (self->comments_label == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->comments_label)))
    return "";
  return toa_text_block_get_text (self->comments_label);
}

/**
 * toa_article_row_get_article_id:
 *
 * Returns: the id of the article shown, 0 when none
 */
gint64
toa_article_row_get_article_id (ToaArticleRow *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_ROW (self), 0);

  return self->item != NULL ? toa_article_item_get_id (self->item) : 0;
}

/**
 * toa_article_row_get_time_text:
 *
 * Returns: (transfer none): the relative or waiting time shown
 */
const char *
toa_article_row_get_time_text (ToaArticleRow *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_ROW (self), NULL);

  return self->texts[TEXT_TIME].text != NULL ? self->texts[TEXT_TIME].text : "";
}

/**
 * toa_article_row_get_meta_text:
 *
 * Returns: (transfer none): the author and office shown
 */
const char *
toa_article_row_get_meta_text (ToaArticleRow *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_ROW (self), NULL);

  return self->texts[TEXT_META].text != NULL ? self->texts[TEXT_META].text : "";
}

/**
 * toa_article_row_get_title:
 *
 * Returns: (transfer none): the title shown
 */
const char *
toa_article_row_get_title (ToaArticleRow *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_ROW (self), NULL);

  return self->texts[TEXT_TITLE].text != NULL ? self->texts[TEXT_TITLE].text : "";
}

/**
 * toa_article_row_new:
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
toa_article_row_new (void)
{
  return g_object_new (TOA_TYPE_ARTICLE_ROW, NULL);
}

/* Fonts and texts */

/* The row's fonts, from the font CSS gives it; again when that changes. */
static void
ensure_fonts (ToaArticleRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);
  const PangoFontDescription *base;
  int size;

  if (self->fonts[FONT_BODY] != NULL && self->fonts_serial == serial)
    return;
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);

  base = pango_context_get_font_description (context);
  self->fonts[FONT_BODY] = pango_font_description_copy (base);
  self->fonts[FONT_BOLD] = pango_font_description_copy (base);
  pango_font_description_set_weight (self->fonts[FONT_BOLD], PANGO_WEIGHT_BOLD);
  self->fonts[FONT_CAPTION] = pango_font_description_copy (base);
  size = (int) (pango_font_description_get_size (base) * CAPTION_SCALE + 0.5);
  if (size > 0)
    {
      if (pango_font_description_get_size_is_absolute (base))
        pango_font_description_set_absolute_size (self->fonts[FONT_CAPTION], size);
      else
        pango_font_description_set_size (self->fonts[FONT_CAPTION], size);
    }
  for (guint i = 0; i < N_FONTS; i++)
    self->line_heights[i] = toa_text_line_height (GTK_WIDGET (self), self->fonts[i]);
  self->fonts_serial = serial;
}

static int
text_height (ToaArticleRow *self,
             TextKind       kind)
{
  return (int) text_styles[kind].lines * self->line_heights[text_styles[kind].font];
}

static gboolean
has_text (const RowText *text)
{
  return text->text != NULL && text->text[0] != '\0';
}

/* Digits of one width (libadwaita's .numeric), for every row's time. */
static PangoAttrList *
numeric_attrs (void)
{
  static PangoAttrList *attrs;

  if (attrs == NULL)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
    }
  return attrs;
}

static void
ensure_layout (ToaArticleRow *self,
               TextKind       kind)
{
  RowText *text = &self->texts[kind];
  const TextStyle *style = &text_styles[kind];
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  ensure_fonts (self);
  if (text->layout != NULL && text->layout_serial != serial)
    g_clear_object (&text->layout);
  if (text->layout == NULL)
    {
      text->layout = toa_text_create_layout (GTK_WIDGET (self), text->text, style->lines,
                                             style->end_aligned ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_set_font_description (text->layout, self->fonts[style->font]);
      if (style->numeric)
        pango_layout_set_attributes (text->layout, numeric_attrs ());
      text->layout_width = -1;
      text->layout_serial = serial;
    }
  if (text->layout_width != text->area.width)
    {
      pango_layout_set_width (text->layout, MAX (text->area.width, 1) * PANGO_SCALE);
      text->layout_width = text->area.width;
    }
}

static void
update_accessible_label (ToaArticleRow *self)
{
  g_autoptr(GString) label = g_string_new (NULL);
  const char *parts[] = {
    self->texts[TEXT_TITLE].text,
    gtk_widget_get_visible (GTK_WIDGET (self->status_label)) ?
      toa_text_block_get_text (self->status_label) : NULL,
    self->texts[TEXT_META].text,
    self->texts[TEXT_TIME].text,
  };

  self->label_pending = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      {
        if (label->len > 0)
          g_string_append (label, ", ");
        g_string_append (label, parts[i]);
      }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
}

/* Between frames: the texts laid out at their widths, the label for
 * assistive technologies written. */
static void
lay_out_texts (GtkWidget *widget)
{
  ToaArticleRow *self = TOA_ARTICLE_ROW (widget);

  self->queued = FALSE;
  /* Destroyed while it waited. */
  if (self->status_label == NULL)
    return;
  if (self->label_pending)
    update_accessible_label (self);
  if (gtk_widget_get_root (widget) == NULL)
    return;
  for (guint i = 0; i < N_TEXTS; i++)
    if (has_text (&self->texts[i]) && self->texts[i].area.width > 0)
      {
        ensure_layout (self, i);
        /* Lines are broken, and their runs shaped, on first use. */
        pango_layout_get_extents (self->texts[i].layout, NULL, NULL);
      }
}

static void
queue_lay_out (ToaArticleRow *self)
{
  if (self->queued)
    return;
  self->queued = TRUE;
  toa_text_lay_out_later (GTK_WIDGET (self), lay_out_texts);
}

static void
set_text (ToaArticleRow *self,
          TextKind       kind,
          const char    *text)
{
  RowText *row_text = &self->texts[kind];
  gboolean had_text = has_text (row_text);

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (row_text->text, text) == 0)
    return;
  g_free (row_text->text);
  row_text->text = g_strdup (text);
  if (row_text->layout != NULL)
    toa_text_retire_layout (g_steal_pointer (&row_text->layout));
  /* A row without a snippet is shorter: the only text that resizes it. */
  if (kind == TEXT_SNIPPET && had_text != has_text (row_text))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  self->label_pending = TRUE;
  queue_lay_out (self);
}

/* Layout: the status line (badge, comment count, time at the end), then
 * the title, the snippet and the author line, each the row's width. */

static gboolean
child_shown (ToaTextBlock *child)
{
  return child != NULL && gtk_widget_get_visible (GTK_WIDGET (child));
}

static int
child_height (ToaTextBlock *child)
{
  int height = 0;

  if (child_shown (child))
    gtk_widget_measure (GTK_WIDGET (child), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  return height;
}

static int
child_width (ToaTextBlock *child)
{
  int width = 0;

  if (child_shown (child))
    gtk_widget_measure (GTK_WIDGET (child), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  return width;
}

static int
status_line_height (ToaArticleRow *self)
{
  int height = MAX (child_height (self->status_label), child_height (self->comments_label));

  return MAX (height, text_height (self, TEXT_TIME));
}

static int
row_height (ToaArticleRow *self)
{
  int height;

  ensure_fonts (self);
  height = status_line_height (self) + LINE_SPACING + text_height (self, TEXT_TITLE);
  if (has_text (&self->texts[TEXT_SNIPPET]))
    height += LINE_SPACING + text_height (self, TEXT_SNIPPET);
  return height + LINE_SPACING + text_height (self, TEXT_META);
}

static void
toa_article_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  ToaArticleRow *self = TOA_ARTICLE_ROW (widget);

  /* As wide as the badge: the texts are cut to the width given. As tall
   * as the lines of its fonts, whatever the texts say. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = child_width (self->status_label) + ITEM_SPACING;
  else
    *minimum = *natural = row_height (self);
}

static void
place_child (ToaTextBlock *child,
             int           x,
             int           line,
             int           width)
{
  int height = child_height (child);

  gtk_widget_size_allocate (GTK_WIDGET (child),
                            &(GtkAllocation) { x, (line - height) / 2, MAX (width, 0), height }, -1);
}

static void
place_text (ToaArticleRow *self,
            TextKind       kind,
            int            x,
            int            y,
            int            width,
            int            height)
{
  RowText *text = &self->texts[kind];

  text->area = (GdkRectangle) { x, y, MAX (width, 0), height };
  /* Laid out again at the new width between frames, if not drawn first. */
  if (text->layout != NULL && text->layout_width != text->area.width)
    queue_lay_out (self);
}

static void
toa_article_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ToaArticleRow *self = TOA_ARTICLE_ROW (widget);
  int line;
  int x = 0;
  int y;
  int h;

  ensure_fonts (self);
  line = status_line_height (self);
  if (child_shown (self->status_label))
    {
      int w = MIN (child_width (self->status_label), width);

      place_child (self->status_label, x, line, w);
      x += w + ITEM_SPACING;
    }
  if (child_shown (self->comments_label))
    {
      int w = CLAMP (child_width (self->comments_label), 0, MAX (width - x, 0));

      place_child (self->comments_label, x, line, w);
      x += w + ITEM_SPACING;
    }
  h = text_height (self, TEXT_TIME);
  place_text (self, TEXT_TIME, x, (line - h) / 2, width - x, h);

  y = line + LINE_SPACING;
  h = text_height (self, TEXT_TITLE);
  place_text (self, TEXT_TITLE, 0, y, width, h);
  y += h;
  if (has_text (&self->texts[TEXT_SNIPPET]))
    {
      y += LINE_SPACING;
      h = text_height (self, TEXT_SNIPPET);
      place_text (self, TEXT_SNIPPET, 0, y, width, h);
      y += h;
    }
  y += LINE_SPACING;
  place_text (self, TEXT_META, 0, y, width, text_height (self, TEXT_META));
}

static void
toa_article_row_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ToaArticleRow *self = TOA_ARTICLE_ROW (widget);
  GdkRGBA color, dim;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= DIM_OPACITY;

  for (guint i = 0; i < N_TEXTS; i++)
    {
      RowText *text = &self->texts[i];

      if (!has_text (text) || text->area.width <= 0)
        continue;
      /* At most its lines, each ellipsized to the width: no clip needed. */
      ensure_layout (self, i);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text->area.x, text->area.y));
      gtk_snapshot_append_layout (snapshot, text->layout, text_styles[i].dim ? &dim : &color);
      gtk_snapshot_restore (snapshot);
    }

  if (self->status_label != NULL)
    gtk_widget_snapshot_child (widget, GTK_WIDGET (self->status_label), snapshot);
  if (self->comments_label != NULL)
    gtk_widget_snapshot_child (widget, GTK_WIDGET (self->comments_label), snapshot);
}

/* A text cut short shows itself whole in a tooltip. Decided when the
 * pointer rests on it, not when a row is bound. */
static gboolean
toa_article_row_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  ToaArticleRow *self = TOA_ARTICLE_ROW (widget);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      RowText *text = &self->texts[i];

      if (!has_text (text) || text->area.width <= 0 ||
          !gdk_rectangle_contains_point (&text->area, x, y))
        continue;
      ensure_layout (self, i);
      if (!pango_layout_is_ellipsized (text->layout))
        return FALSE;
      gtk_tooltip_set_text (tooltip, text->text);
      gtk_tooltip_set_tip_area (tooltip, &text->area);
      return TRUE;
    }
  return FALSE;
}

/**
 * toa_article_row_is_laid_out:
 *
 * Whether every text is laid out at its width, ready to be drawn: after
 * the first drawing, or after the main loop was idle once the row was
 * bound.
 *
 * Returns: %TRUE when drawing the row will not lay text out
 */
gboolean
toa_article_row_is_laid_out (ToaArticleRow *self)
{
  guint serial;

  g_return_val_if_fail (TOA_IS_ARTICLE_ROW (self), FALSE);

  serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  for (guint i = 0; i < N_TEXTS; i++)
    {
      const RowText *text = &self->texts[i];

      if (!has_text (text) || text->area.width <= 0)
        continue;
      if (text->layout == NULL || text->layout_width != text->area.width || text->layout_serial != serial)
        return FALSE;
    }
  return TRUE;
}

/**
 * toa_article_row_is_ellipsized:
 * @kind: which text
 *
 * Returns: whether that text is cut short on screen
 */
gboolean
toa_article_row_is_ellipsized (ToaArticleRow     *self,
                               ToaArticleRowText  kind)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_ROW (self), FALSE);
  g_return_val_if_fail ((guint) kind < N_TEXTS, FALSE);

  if (!has_text (&self->texts[kind]) || self->texts[kind].area.width <= 0)
    return FALSE;
  ensure_layout (self, (TextKind) kind);
  return pango_layout_is_ellipsized (self->texts[kind].layout);
}

static void
toa_article_row_dispose (GObject *object)
{
  ToaArticleRow *self = TOA_ARTICLE_ROW (object);
  GtkWidget *child;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  g_clear_object (&self->item);
  g_clear_pointer (&self->users, g_hash_table_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->status_label = NULL;
  self->comments_label = NULL;

  G_OBJECT_CLASS (toa_article_row_parent_class)->dispose (object);
}

static void
toa_article_row_finalize (GObject *object)
{
  ToaArticleRow *self = TOA_ARTICLE_ROW (object);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_clear_object (&self->texts[i].layout);
      g_free (self->texts[i].text);
    }
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);

  G_OBJECT_CLASS (toa_article_row_parent_class)->finalize (object);
}

static void
toa_article_row_class_init (ToaArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_article_row_dispose;
  object_class->finalize = toa_article_row_finalize;

  widget_class->measure = toa_article_row_measure;
  widget_class->size_allocate = toa_article_row_size_allocate;
  widget_class->snapshot = toa_article_row_snapshot;
  widget_class->query_tooltip = toa_article_row_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "articlerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
toa_article_row_init (ToaArticleRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *badge = toa_text_block_new ();

  gtk_widget_set_margin_top (widget, 8);
  gtk_widget_set_margin_bottom (widget, 8);
  gtk_widget_set_margin_start (widget, 6);
  gtk_widget_set_margin_end (widget, 6);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);

  toa_text_block_set_fit_text (TOA_TEXT_BLOCK (badge), TRUE);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_set_parent (badge, widget);
  self->status_label = TOA_TEXT_BLOCK (badge);
}
