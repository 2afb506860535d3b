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

  GtkWidget      *box;
  GtkLabel       *status_label;
  ToaTextBlock   *time_label;
  GtkLabel       *comments_label;
  ToaTextBlock   *title_label;
  ToaTextBlock   *snippet_label;
  ToaTextBlock   *meta_label;

  ToaArticleItem *item;
  gulong          notify_id;
  GHashTable     *users;        /* login → ToaUser, from the window */
  const char     *status_class;
};

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
  gtk_label_set_label (self->status_label, toa_article_status_get_label (status));
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

  if (count > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unresolved comment",
                                         "%u unresolved comments", count), count);
  gtk_label_set_label (self->comments_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->comments_label), count > 0);
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

  if (!gtk_widget_get_visible (GTK_WIDGET (self->comments_label)))
    return "";
  return gtk_label_get_label (self->comments_label);
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

static void
toa_article_row_dispose (GObject *object)
{
  ToaArticleRow *self = TOA_ARTICLE_ROW (object);

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  g_clear_object (&self->item);
  g_clear_pointer (&self->users, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_ARTICLE_ROW);

  G_OBJECT_CLASS (toa_article_row_parent_class)->dispose (object);
}

static void
toa_article_row_class_init (ToaArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_article_row_dispose;

  g_type_ensure (TOA_TYPE_TEXT_BLOCK);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaArticleRow, box);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleRow, comments_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleRow, meta_label);
}

static void
toa_article_row_init (ToaArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
