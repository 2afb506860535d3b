/* toa-article-row.c — one article in the list: status badge, title, lead
 * snippet, author and office, relative time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-article-row.h"
#include "toa-text-block.h"

struct _ToaArticleRow
{
  GtkWidget       parent_instance;

  /* Children, in drawing order. No boxes and no template: GTK 4.8's list
   * view creates about 200 rows at start-up and measures and allocates
   * every one of them in each frame it scrolls, so each row is as few
   * widgets as it can be. */
  ToaTextBlock   *status_label;
  ToaTextBlock   *comments_label;  /* NULL until there are comments */
  ToaTextBlock   *time_label;
  ToaTextBlock   *title_label;
  ToaTextBlock   *snippet_label;
  ToaTextBlock   *meta_label;

  ToaArticleItem *item;
  gulong          notify_id;
  GHashTable     *users;        /* login → ToaUser, from the window */
  const char     *status_class;
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

static void
show_article (ToaArticleRow *self)
{
  const ToaArticle *article = self->item != NULL ? toa_article_item_get_article (self->item) : NULL;
  g_autofree char *meta = NULL;
  const char *title;

  if (article == NULL)
    {
      /* A row the store could not read: a visible gap, not a crash. */
      toa_text_block_set_text (self->title_label, _("(could not be read)"));
      toa_text_block_set_text (self->snippet_label, "");
      toa_text_block_set_text (self->meta_label, "");
      toa_text_block_set_text (self->time_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  set_status (self, article->status);

  title = article->content != NULL ? article->content->title : NULL;
  toa_text_block_set_text (self->title_label,
                       title != NULL && title[0] != '\0' ? title : _("Untitled"));
  toa_text_block_set_text (self->snippet_label, article->snippet != NULL ? article->snippet : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label),
                          article->snippet != NULL && article->snippet[0] != '\0');

  meta = describe_author (self, article);
  toa_text_block_set_text (self->meta_label, meta);
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
  toa_text_block_set_text (self->time_label, text);
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

  return toa_text_block_get_text (self->time_label);
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

  return toa_text_block_get_text (self->meta_label);
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

  return toa_text_block_get_text (self->title_label);
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

/* Layout: the status line (badge, comment count, time at the end), then
 * the title, the snippet and the author line, each the row's width. */

static int
height_of (GtkWidget *child,
           int        width)
{
  int height = 0;

  if (child != NULL && gtk_widget_get_visible (child))
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  return height;
}

static int
natural_width_of (GtkWidget *child)
{
  int width = 0;

  if (child != NULL && gtk_widget_get_visible (child))
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  return width;
}

static int
status_line_height (ToaArticleRow *self)
{
  int height = height_of (GTK_WIDGET (self->status_label), -1);

  height = MAX (height, height_of (GTK_WIDGET (self->comments_label), -1));
  return MAX (height, height_of (GTK_WIDGET (self->time_label), -1));
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
  GtkWidget *blocks[] = { GTK_WIDGET (self->title_label), GTK_WIDGET (self->snippet_label),
                          GTK_WIDGET (self->meta_label) };
  int size;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Room for the badge; the texts are cut to the width given. */
      *minimum = *natural = natural_width_of (GTK_WIDGET (self->status_label)) + ITEM_SPACING;
      return;
    }
  size = status_line_height (self);
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (gtk_widget_get_visible (blocks[i]))
      size += LINE_SPACING + height_of (blocks[i], for_size);
  *minimum = *natural = size;
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  if (child == NULL || !gtk_widget_get_visible (child))
    return;
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, MAX (width, 0), height }, -1);
}

static void
toa_article_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ToaArticleRow *self = TOA_ARTICLE_ROW (widget);
  GtkWidget *blocks[] = { GTK_WIDGET (self->title_label), GTK_WIDGET (self->snippet_label),
                          GTK_WIDGET (self->meta_label) };
  int line = status_line_height (self);
  int x = 0;
  int y;
  int child_width;

  /* The badge and the comment count at their own heights, centred on the
   * line; the time takes what is left and sits at its end. */
  child_width = MIN (natural_width_of (GTK_WIDGET (self->status_label)), width);
  if (gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    {
      int h = height_of (GTK_WIDGET (self->status_label), -1);

      place (GTK_WIDGET (self->status_label), x, (line - h) / 2, child_width, h);
      x += child_width + ITEM_SPACING;
    }
  if (self->comments_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->comments_label)))
    {
      int h = height_of (GTK_WIDGET (self->comments_label), -1);

      child_width = CLAMP (natural_width_of (GTK_WIDGET (self->comments_label)), 0, MAX (width - x, 0));
      place (GTK_WIDGET (self->comments_label), x, (line - h) / 2, child_width, h);
      x += child_width + ITEM_SPACING;
    }
  place (GTK_WIDGET (self->time_label), x, 0, width - x, line);

  y = line;
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      int h;

      if (!gtk_widget_get_visible (blocks[i]))
        continue;
      h = height_of (blocks[i], width);
      y += LINE_SPACING;
      place (blocks[i], 0, y, width, h);
      y += h;
    }
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
  self->comments_label = NULL;

  G_OBJECT_CLASS (toa_article_row_parent_class)->dispose (object);
}

static void
toa_article_row_class_init (ToaArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_article_row_dispose;

  widget_class->measure = toa_article_row_measure;
  widget_class->size_allocate = toa_article_row_size_allocate;
}

static ToaTextBlock *
add_text_block (ToaArticleRow *self,
                guint          lines,
                const char    *first_class,
                ...)
{
  GtkWidget *block = toa_text_block_new ();
  const char *css_class = first_class;
  va_list args;

  toa_text_block_set_lines (TOA_TEXT_BLOCK (block), lines);
  va_start (args, first_class);
  while (css_class != NULL)
    {
      gtk_widget_add_css_class (block, css_class);
      css_class = va_arg (args, const char *);
    }
  va_end (args);
  gtk_widget_set_parent (block, GTK_WIDGET (self));
  return TOA_TEXT_BLOCK (block);
}

static void
toa_article_row_init (ToaArticleRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_margin_top (widget, 8);
  gtk_widget_set_margin_bottom (widget, 8);
  gtk_widget_set_margin_start (widget, 6);
  gtk_widget_set_margin_end (widget, 6);

  self->status_label = add_text_block (self, 1, "status-badge", NULL);
  toa_text_block_set_fit_text (self->status_label, TRUE);

  self->time_label = add_text_block (self, 1, "dim-label", "caption", "numeric", NULL);
  toa_text_block_set_xalign (self->time_label, 1.f);
  self->title_label = add_text_block (self, 2, "article-row-title", NULL);
  self->snippet_label = add_text_block (self, 2, "dim-label", NULL);
  self->meta_label = add_text_block (self, 1, "caption", NULL);
}
