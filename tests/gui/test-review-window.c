/* test-review-window.c — the review window beside the article editor:
 * the default comparison, comparing from the history, and a comment on
 * the passage selected in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "toa-gui-test-utils.h"
#include "toa-article-editor.h"
#include "toa-comments-panel.h"
#include "toa-core.h"
#include "toa-diff-view.h"
#include "toa-review.h"
#include "toa-review-window.h"
#include "toa-test-newsroom.h"

static void
edit (Newsroom   *n,
      gint64      id,
      const char *author,
      const char *body_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticle) article = toa_store_get_article (n->store, id, &error);
  g_autoptr(ToaArticleContent) content = NULL;
  gint64 version = 0;

  g_assert_no_error (error);
  content = toa_article_content_copy (article->content);
  g_free (content->body);
  content->body = toa_body_from_plain_text (body_text);
  g_assert_true (toa_store_save_revision (n->store, id, article->version, content, author, &version, &error));
  g_assert_no_error (error);
}

static ToaArticleEditor *
open_editor (Newsroom   *n,
             const char *login,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  ToaArticleEditor *editor = toa_article_editor_new (n->store, login);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, editor);
  g_assert_true (toa_article_editor_load (editor, id, &error));
  g_assert_no_error (error);
  return editor;
}

static char *
joined_runs (ToaDiffView *view,
             ToaDiffKind  kind)
{
  g_auto(GStrv) runs = toa_diff_view_dup_marked_runs (view, kind);

  return g_strjoinv ("|", runs);
}

static ToaDiffView *
find_diff_view (GtkWidget *root)
{
  if (TOA_IS_DIFF_VIEW (root))
    return TOA_DIFF_VIEW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ToaDiffView *found = find_diff_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static ToaCommentsPanel *
find_comments_panel (GtkWidget *root)
{
  if (TOA_IS_COMMENTS_PANEL (root))
    return TOA_COMMENTS_PANEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ToaCommentsPanel *found = find_comments_panel (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A returned article, edited and resubmitted: the reviewer lands on
 * what changed, and only the new sentence is marked. */
static void
test_default_changes (Newsroom      *n,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = newsroom_article (n, "an", "Hội nghị khuyến công");
  ToaArticleEditor *editor;
  ToaReviewWindow *review;
  g_autofree char *inserted = NULL;
  g_autofree char *deleted = NULL;

  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "return", "chi", "Bổ sung số liệu");
  edit (n, id, "an", "Đoạn thứ nhất.\n\nĐoạn thứ hai có 120 cơ sở.");
  newsroom_act (n, id, "submit", "an", NULL);

  editor = open_editor (n, "chi", id);
  review = toa_review_window_new (NULL, n->store, "chi", editor);
  g_assert_true (toa_review_window_load (review, id, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (review));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, review);

  g_assert_cmpstr (toa_review_window_get_page (review), ==, "changes");
  inserted = joined_runs (find_diff_view (GTK_WIDGET (review)), TOA_DIFF_INSERT);
  deleted = joined_runs (find_diff_view (GTK_WIDGET (review)), TOA_DIFF_DELETE);
  g_assert_cmpstr (inserted, ==, " có 120 cơ sở");
  g_assert_cmpstr (deleted, ==, "");
  gtk_window_destroy (GTK_WINDOW (review));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (editor))));
}

/* Select a passage in the editor, then "comment on the selection": the
 * comment is stored with the passage as its anchor. */
static void
test_comment_on_selection (Newsroom      *n,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  gint64 id = newsroom_article (n, "an", "Hội nghị khuyến công");
  ToaArticleEditor *editor;
  ToaReviewWindow *review;
  ToaCommentsPanel *panel;
  ToaAnchoredComment *anchored;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  newsroom_act (n, id, "submit", "an", NULL);
  editor = open_editor (n, "chi", id);
  review = toa_review_window_new (NULL, n->store, "chi", editor);
  g_assert_true (toa_review_window_load (review, id, &error));
  gtk_window_present (GTK_WINDOW (review));

  /* Nothing selected: nothing is stored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.comment-selection", NULL));
  g_assert_cmpint (toa_store_count_unresolved_comments (n->store, id, NULL), ==, 0);

  buffer = toa_body_editor_get_buffer (toa_article_editor_get_body_editor (editor));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "thứ hai", 0, &start, &end, NULL));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.comment-selection", NULL));
  g_assert_cmpstr (toa_review_window_get_page (review), ==, "comments");
  panel = find_comments_panel (GTK_WIDGET (review));
  g_assert_nonnull (panel);
  toa_comments_panel_set_draft (panel, "Ghi rõ số liệu của đoạn này");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL));

  comments = toa_store_list_anchored_comments (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  anchored = g_ptr_array_index (comments, 0);
  g_assert_cmpstr (anchored->comment->text, ==, "Ghi rõ số liệu của đoạn này");
  g_assert_cmpstr (anchored->anchor_text, ==, "thứ hai");
  g_assert_cmpint (anchored->state, ==, TOA_ANCHOR_ATTACHED);
  g_assert_cmpint (toa_store_count_unresolved_comments (n->store, id, NULL), ==, 1);
  gtk_window_destroy (GTK_WINDOW (review));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (editor))));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = toa_test_make_tmpdir ();
  int status;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  toa_core_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/review-window/" path, Newsroom, NULL, newsroom_setup, func, newsroom_teardown)
  ADD ("default-changes", test_default_changes);
  ADD ("comment-on-selection", test_comment_on_selection);
#undef ADD

  status = g_test_run ();
  toa_test_remove_tree (state);
  return status;
}
