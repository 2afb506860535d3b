/* toa-review-window.c — what changed, the history and the comments of one
 * article, beside its editor
 *
 * A reviewer opening a submitted article lands on "what changed since it
 * was last approved"; choosing two revisions in the history compares them;
 * a selection in the editor becomes an anchored comment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-comments-panel.h"
#include "toa-diff-view.h"
#include "toa-history-panel.h"
#include "toa-review-window.h"

struct _ToaReviewWindow
{
  AdwWindow         parent_instance;

  ToaStore         *store;
  char             *login;
  ToaArticleEditor *editor;      /* weak: the editor may close first */
  gint64            article_id;

  AdwViewStack     *stack;
  AdwToastOverlay  *toast_overlay;
  AdwBin           *changes_bin;
  AdwBin           *history_bin;
  AdwBin           *comments_bin;

  ToaDiffView      *diff_view;
  ToaHistoryPanel  *history;
  ToaCommentsPanel *comments;
};

G_DEFINE_FINAL_TYPE (ToaReviewWindow, toa_review_window, ADW_TYPE_WINDOW)

static void
toast (ToaReviewWindow *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_compare_requested (ToaReviewWindow *self,
                      gint64           from,
                      gint64           to)
{
  g_autoptr(GError) error = NULL;

  if (!toa_diff_view_compare (self->diff_view, from, to, &error))
    {
      toast (self, error->message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->stack, "changes");
}

static void
on_restored (ToaReviewWindow *self,
             gint64           revision)
{
  toast (self, _("The older revision is now the newest one"));
  if (self->editor != NULL)
    toa_article_editor_refresh (self->editor);
}

/* A comment added, resolved or reopened: the editor's workflow bar
 * counts the unresolved ones. */
static void
on_comments_changed (ToaReviewWindow *self)
{
  if (self->editor != NULL && toa_article_editor_get_article_id (self->editor) == self->article_id)
    toa_article_editor_refresh (self->editor);
}

/* The selection in the editor's body, as offsets into the body's text.
 * The offsets are of the saved body, so unsaved text must be saved first. */
static void
comment_selection (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ToaReviewWindow *self = TOA_REVIEW_WINDOW (widget);
  gint64 start = 0;
  gint64 end = 0;

  if (self->editor == NULL || toa_article_editor_get_article_id (self->editor) != self->article_id)
    {
      toast (self, _("Open the article in the editor to comment on a passage"));
      return;
    }
  if (toa_article_editor_get_has_unsaved_changes (self->editor))
    {
      toast (self, _("Save the article first, then select the passage again"));
      return;
    }
  if (!toa_comment_range_from_selection (toa_article_editor_get_body_editor (self->editor), &start, &end) ||
      start == end)
    {
      toast (self, _("Select a passage of the body in the editor first"));
      return;
    }
  toa_comments_panel_add_for_range (self->comments, start, end);
  adw_view_stack_set_visible_child_name (self->stack, "comments");
}

/**
 * toa_review_window_load:
 * @self: the window
 * @article_id: the article
 * @error: return location for a #GError
 *
 * Shows the article's default comparison (submitted against last
 * approved, or against the live version for a correction), its history
 * and its comments.
 *
 * Returns: %TRUE when the article could be read
 */
gboolean
toa_review_window_load (ToaReviewWindow  *self,
                        gint64            article_id,
                        GError          **error)
{
  g_autoptr(ToaArticle) article = NULL;

  g_return_val_if_fail (TOA_IS_REVIEW_WINDOW (self), FALSE);

  article = toa_store_get_article (self->store, article_id, error);
  if (article == NULL ||
      !toa_history_panel_load (self->history, article_id, error) ||
      !toa_comments_panel_load (self->comments, article_id, error))
    return FALSE;

  self->article_id = article_id;
  gtk_window_set_title (GTK_WINDOW (self), article->content->title);
  toa_diff_view_set_article (self->diff_view, self->store, article_id);
  /* The first revision has nothing to compare with: that is not an error. */
  if (!toa_diff_view_show_default (self->diff_view, NULL))
    adw_view_stack_set_visible_child_name (self->stack, "history");
  else
    adw_view_stack_set_visible_child_name (self->stack, "changes");
  return TRUE;
}

/**
 * toa_review_window_get_page:
 *
 * Returns: (transfer none): the name of the page shown: "changes",
 *   "history" or "comments"
 */
const char *
toa_review_window_get_page (ToaReviewWindow *self)
{
  g_return_val_if_fail (TOA_IS_REVIEW_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * toa_review_window_new:
 * @parent: (nullable): the main window
 * @store: the store
 * @login: who reviews
 * @editor: (nullable): the editor showing the article, for comments on a
 *   selection
 *
 * Returns: (transfer none): a new window; load an article into it
 */
ToaReviewWindow *
toa_review_window_new (GtkWindow        *parent,
                       ToaStore         *store,
                       const char       *login,
                       ToaArticleEditor *editor)
{
  ToaReviewWindow *self;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_REVIEW_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  if (editor != NULL)
    g_set_weak_pointer (&self->editor, editor);

  self->diff_view = TOA_DIFF_VIEW (toa_diff_view_new ());
  self->history = toa_history_panel_new (store, login);
  self->comments = toa_comments_panel_new (store, login);
  adw_bin_set_child (self->changes_bin, GTK_WIDGET (self->diff_view));
  adw_bin_set_child (self->history_bin, GTK_WIDGET (self->history));
  adw_bin_set_child (self->comments_bin, GTK_WIDGET (self->comments));
  g_signal_connect_object (self->history, "compare-requested",
                           G_CALLBACK (on_compare_requested), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "restored",
                           G_CALLBACK (on_restored), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comments, "changed",
                           G_CALLBACK (on_comments_changed), self, G_CONNECT_SWAPPED);
  return self;
}

static void
toa_review_window_dispose (GObject *object)
{
  ToaReviewWindow *self = TOA_REVIEW_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_REVIEW_WINDOW);
  g_clear_weak_pointer (&self->editor);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (toa_review_window_parent_class)->dispose (object);
}

static void
toa_review_window_finalize (GObject *object)
{
  ToaReviewWindow *self = TOA_REVIEW_WINDOW (object);

  g_free (self->login);

  G_OBJECT_CLASS (toa_review_window_parent_class)->finalize (object);
}

static void
toa_review_window_class_init (ToaReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_review_window_dispose;
  object_class->finalize = toa_review_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaReviewWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ToaReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ToaReviewWindow, changes_bin);
  gtk_widget_class_bind_template_child (widget_class, ToaReviewWindow, history_bin);
  gtk_widget_class_bind_template_child (widget_class, ToaReviewWindow, comments_bin);

  gtk_widget_class_install_action (widget_class, "review.comment-selection", NULL, comment_selection);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
toa_review_window_init (ToaReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
