/* test-review-widgets.c — the review desk's widgets (history, diff,
 * comments, approve and return dialogs), driven through their actions
 * under Xvfb against a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "toa-gui-test-utils.h"
#include "toa-approve-dialog.h"
#include "toa-article-editor.h"
#include "toa-body-editor.h"
#include "toa-comments-panel.h"
#include "toa-core.h"
#include "toa-diff-view.h"
#include "toa-history-panel.h"
#include "toa-return-dialog.h"
#include "toa-review.h"
#include "toa-test-newsroom.h"
#include "toa-workflow-bar.h"

/* ---- Helpers ----------------------------------------------------------------- */

/* Shows @widget in a window of its own, as the desk will. */
static GtkWidget *
show_in_window (GtkWidget *widget,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, widget);
  return window;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
label_of (GtkWidget  *root,
          const char *name)
{
  GtkWidget *label = find_named (root, name);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
toplevel_shown (gpointer data)
{
  return toa_gui_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return toa_gui_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* What a click on a response button does: respond, then close. */
static void
answer (GtkWindow  *dialog,
        const char *response)
{
  GType type = G_OBJECT_TYPE (dialog);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  toa_gui_test_iterate_until (toplevel_gone, GSIZE_TO_POINTER (type));
}

static gint64
save_body (Newsroom   *n,
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
  toa_store_save_revision (n->store, id, article->version, content, author, &version, &error);
  g_assert_no_error (error);
  g_clear_pointer (&article, toa_article_free);
  article = toa_store_get_article (n->store, id, &error);
  return article->current_revision;
}

static ToaTransition *
last_transition (Newsroom *n,
                 gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transitions = toa_store_list_transitions (n->store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (transitions->len, >, 0);
  return toa_transition_copy (g_ptr_array_index (transitions, transitions->len - 1));
}

/* A submitted article returned once and submitted again with one word
 * changed: revision ids in @revisions (3). */
static gint64
returned_and_resubmitted (Newsroom *n,
                          gint64    revisions[3])
{
  gint64 id = newsroom_article (n, "an", "Sản xuất công nghiệp tháng 11");
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  revisions[0] = article->current_revision;
  revisions[1] = save_body (n, id, "an", "Chỉ số sản xuất công nghiệp tăng 5,2% so với cùng kỳ.\n\n"
                                          "Ngành chế biến dẫn đầu mức tăng.");
  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "return", "chi", "Đề nghị ghi rõ nguồn số liệu.");
  revisions[2] = save_body (n, id, "an", "Chỉ số sản xuất công nghiệp tăng 5,2% so với cùng kỳ.\n\n"
                                          "Ngành chế biến, chế tạo dẫn đầu mức tăng.");
  newsroom_act (n, id, "submit", "an", NULL);
  return id;
}

/* ---- History ------------------------------------------------------------------- */

static void
on_compare_requested (ToaHistoryPanel *panel,
                      gint64           from,
                      gint64           to,
                      gint64          *seen)
{
  seen[0] = from;
  seen[1] = to;
}

static void
test_history_timeline (Newsroom      *n,
                       gconstpointer  data)
{
  gint64 revisions[3];
  gint64 id = returned_and_resubmitted (n, revisions);
  ToaHistoryPanel *panel = toa_history_panel_new (n->store, "chi");
  GtkWidget *window = show_in_window (GTK_WIDGET (panel), 560, 720);
  g_autoptr(GError) error = NULL;
  /* create, revisions 1-2, submit, return, revision 3, submit */
  static const char *kinds[] = { "revision", "transition", "revision", "transition", "transition",
                                 "revision", "transition" };
  static const char *titles[] = { NULL, "Created", NULL, "Submitted for approval", "Returned for changes",
                                  NULL, "Submitted for approval" };
  gint64 seen[2] = { 0, 0 };
  g_autofree char *revision_title = NULL;

  g_assert_true (toa_history_panel_load (panel, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (toa_history_panel_get_n_entries (panel), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *entry = toa_history_panel_get_entry (panel, i);

      g_assert_cmpstr (gtk_widget_get_name (entry), ==, kinds[i]);
      if (titles[i] != NULL)
        g_assert_cmpstr (label_of (entry, "title"), ==, titles[i]);
    }
  g_assert_cmpstr (label_of (toa_history_panel_get_entry (panel, 4), "comment"), ==,
                   "Đề nghị ghi rõ nguồn số liệu.");
  g_assert_nonnull (strstr (label_of (toa_history_panel_get_entry (panel, 4), "subtitle"), "Phạm Minh Chi"));
  g_assert_nonnull (strstr (label_of (toa_history_panel_get_entry (panel, 5), "subtitle"), "Nguyễn Văn An"));
  g_assert_cmpstr (label_of (toa_history_panel_get_entry (panel, 5), "title"), ==, "Revision 3");
  revision_title = g_strdup_printf ("Revision no. %lld in the database", (long long) revisions[2]);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (find_named (toa_history_panel_get_entry (panel, 5),
                                                                                   "title"))), ==, revision_title);
  /* The current revision cannot be restored onto itself. */
  g_assert_null (find_named (toa_history_panel_get_entry (panel, 5), "restore"));
  g_assert_nonnull (find_named (toa_history_panel_get_entry (panel, 0), "restore"));

  /* Two ticks compare; a third replaces the first. */
  g_signal_connect (panel, "compare-requested", G_CALLBACK (on_compare_requested), seen);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (panel), "history.compare", NULL) && seen[0] != 0);
  toa_history_panel_set_compared (panel, revisions[2], TRUE);
  toa_history_panel_set_compared (panel, revisions[0], TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.compare", NULL));
  g_assert_cmpint (seen[0], ==, revisions[0]);
  g_assert_cmpint (seen[1], ==, revisions[2]);
  toa_history_panel_set_compared (panel, revisions[1], TRUE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_named (toa_history_panel_get_entry (panel, 5),
                                                                              "compare"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.compare", NULL));
  g_assert_cmpint (seen[0], ==, revisions[0]);
  g_assert_cmpint (seen[1], ==, revisions[1]);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_restored (ToaHistoryPanel *panel,
             gint64           revision_id,
             gint64          *seen)
{
  *seen = revision_id;
}

static void
test_history_restore (Newsroom      *n,
                      gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Hội nghị an toàn lao động");
  gint64 first, second;
  ToaHistoryPanel *panel = toa_history_panel_new (n->store, "an");
  GtkWidget *window = show_in_window (GTK_WIDGET (panel), 560, 720);
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(ToaRevision) old = NULL;
  g_autoptr(ToaTransition) last = NULL;
  g_autoptr(GError) error = NULL;
  gint64 restored = 0;

  article = toa_store_get_article (n->store, id, &error);
  first = article->current_revision;
  second = save_body (n, id, "an", "Một đoạn viết lại hoàn toàn.");
  g_assert_cmpint (second, !=, first);
  g_assert_true (toa_history_panel_load (panel, id, &error));
  g_assert_cmpuint (toa_history_panel_get_n_entries (panel), ==, 3);
  g_signal_connect (panel, "restored", G_CALLBACK (on_restored), &restored);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "history.restore", "x", first));

  g_clear_pointer (&article, toa_article_free);
  article = toa_store_get_article (n->store, id, &error);
  old = toa_store_get_revision (n->store, first, &error);
  g_assert_cmpint (article->current_revision, >, second);
  g_assert_cmpstr (article->content->body, ==, old->content->body);
  last = last_transition (n, id);
  g_assert_cmpstr (last->action, ==, TOA_REVIEW_ACTION_RESTORE_REVISION);
  g_assert_cmpstr (last->actor, ==, "an");
  /* The timeline shows the new revision and the trail row. */
  g_assert_cmpuint (toa_history_panel_get_n_entries (panel), ==, 5);
  g_assert_cmpstr (label_of (toa_history_panel_get_entry (panel, 4), "title"), ==, "Older revision restored");
  g_assert_cmpint (restored, ==, article->current_revision);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT COUNT(*) FROM revisions"), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Diff ---------------------------------------------------------------------- */

static char *
joined_runs (ToaDiffView *view,
             ToaDiffKind  kind)
{
  g_auto(GStrv) runs = toa_diff_view_dup_marked_runs (view, kind);

  return g_strjoinv ("|", runs);
}

static void
test_diff_resubmission (Newsroom      *n,
                        gconstpointer  data)
{
  gint64 revisions[3];
  gint64 id = returned_and_resubmitted (n, revisions);
  ToaDiffView *view = TOA_DIFF_VIEW (toa_diff_view_new ());
  GtkWidget *window = show_in_window (GTK_WIDGET (view), 720, 560);
  g_autoptr(GError) error = NULL;
  g_autofree char *inserted = NULL;
  g_autofree char *deleted = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  toa_diff_view_set_article (view, n->store, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "diff.show-default", NULL));
  /* The reviewer sees what changed since the return, not since creation. */
  g_assert_cmpint (toa_diff_view_get_from_revision (view), ==, revisions[1]);
  g_assert_cmpint (toa_diff_view_get_to_revision (view), ==, revisions[2]);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (view), TOA_TYPE_DIFF_VIEW,
                                                                                   "heading_label"))),
                   ==, "Changes from revision 2 to revision 3");
  inserted = joined_runs (view, TOA_DIFF_INSERT);
  deleted = joined_runs (view, TOA_DIFF_DELETE);
  g_test_message ("inserted: %s; deleted: %s", inserted, deleted);
  g_assert_cmpstr (g_strstrip (inserted), ==, ", chế tạo");
  g_assert_cmpstr (deleted, ==, "");
  g_assert_cmpuint (toa_diff_view_get_n_field_changes (view), ==, 0);
  buffer = toa_diff_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Chỉ số sản xuất công nghiệp tăng 5,2% so với cùng kỳ.\n\n"
                             "Ngành chế biến, chế tạo dẫn đầu mức tăng.");

  /* From the first revision: the whole rewrite, old words struck. */
  g_assert_true (toa_diff_view_compare (view, revisions[0], revisions[2], &error));
  g_assert_no_error (error);
  g_clear_pointer (&deleted, g_free);
  deleted = joined_runs (view, TOA_DIFF_DELETE);
  g_assert_nonnull (strstr (deleted, "Đoạn thứ nhất"));
  g_clear_pointer (&inserted, g_free);
  inserted = joined_runs (view, TOA_DIFF_INSERT);
  g_assert_nonnull (strstr (inserted, "5,2%"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_diff_fields (Newsroom      *n,
                  gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Tiêu đề cũ của bài");
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(ToaArticleContent) content = NULL;
  g_autoptr(GError) error = NULL;
  ToaDiffView *view = TOA_DIFF_VIEW (toa_diff_view_new ());
  GtkWidget *window = show_in_window (GTK_WIDGET (view), 720, 560);
  g_autofree char *inserted = NULL;
  gint64 first;
  GtkWidget *title;

  article = toa_store_get_article (n->store, id, &error);
  first = article->current_revision;
  content = toa_article_content_copy (article->content);
  g_free (content->title);
  content->title = g_strdup ("Tiêu đề mới của bài");
  g_assert_true (toa_store_save_revision (n->store, id, article->version, content, "an", NULL, &error));
  g_clear_pointer (&article, toa_article_free);
  article = toa_store_get_article (n->store, id, &error);

  toa_diff_view_set_article (view, n->store, id);
  g_assert_true (toa_diff_view_compare (view, first, article->current_revision, &error));
  g_assert_cmpuint (toa_diff_view_get_n_field_changes (view), ==, 1);
  title = find_named (GTK_WIDGET (view), "title");
  g_assert_nonnull (title);
  /* The label's text is the words of both sides, the marks are markup. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Tiêu đề cũmới của bài");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (title)), "strikethrough=\"true\""));
  inserted = joined_runs (view, TOA_DIFF_INSERT);
  g_assert_cmpstr (inserted, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Comments ------------------------------------------------------------------ */

static gboolean
select_text (GtkTextBuffer *buffer,
             const char    *needle)
{
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, needle, 0, &match_start, &match_end, NULL))
    return FALSE;
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  return TRUE;
}

static char *
tagged_text (GtkTextBuffer *buffer,
             const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GString *out = g_string_new (NULL);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  for (gtk_text_buffer_get_start_iter (buffer, &iter);
       !gtk_text_iter_is_end (&iter);
       gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_has_tag (&iter, tag))
      g_string_append_unichar (out, gtk_text_iter_get_char (&iter));
  return g_string_free (out, FALSE);
}

static void
test_comment_on_range (Newsroom      *n,
                       gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài có bình luận");
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  ToaBodyEditor *editor = toa_body_editor_new ();
  ToaCommentsPanel *panel = toa_comments_panel_new (n->store, "chi");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *window;
  GtkTextBuffer *buffer;
  g_autofree char *plain = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *marked = NULL;
  const ToaAnchoredComment *comment;
  GtkWidget *row;
  gint64 start = -1, end = -1;
  guint notified = 0;

  save_body (n, id, "an", "Đoạn một về sản xuất công nghiệp.\n\nĐoạn hai về an toàn lao động trong nhà máy.");
  article = toa_store_get_article (n->store, id, &error);
  gtk_widget_set_hexpand (GTK_WIDGET (editor), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  gtk_widget_set_size_request (GTK_WIDGET (panel), 360, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (panel));
  window = show_in_window (box, 1000, 600);
  g_assert_true (toa_body_editor_set_body (editor, article->content->body, &error));
  g_assert_true (toa_comments_panel_load (panel, id, &error));
  g_assert_cmpuint (toa_comments_panel_get_n_comments (panel), ==, 0);
  g_signal_connect_swapped (panel, "notify::unresolved-count", G_CALLBACK (g_atomic_int_inc), &notified);

  /* "Bình luận" on a selection in the second paragraph. */
  buffer = toa_body_editor_get_buffer (editor);
  g_assert_true (select_text (buffer, "an toàn lao động"));
  g_assert_true (toa_comment_range_from_selection (editor, &start, &end));
  plain = toa_body_to_plain_text (article->content->body);
  selected = g_utf8_substring (plain, start, end);
  g_assert_cmpstr (selected, ==, "an toàn lao động");
  toa_comments_panel_add_for_range (panel, start, end);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL) &&
                  toa_comments_panel_get_n_comments (panel) > 0);
  toa_comments_panel_set_draft (panel, "Cần nêu số vụ tai nạn trong năm.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL));

  /* Stored with its anchor; counted; shown. */
  stored = toa_store_list_anchored_comments (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  comment = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (comment->comment->author, ==, "chi");
  g_assert_cmpstr (comment->comment->text, ==, "Cần nêu số vụ tai nạn trong năm.");
  g_assert_cmpstr (comment->anchor_text, ==, "an toàn lao động");
  g_assert_cmpint (comment->start, ==, start);
  g_assert_cmpint (comment->state, ==, TOA_ANCHOR_ATTACHED);
  g_assert_cmpint (toa_store_count_unresolved_comments (n->store, id, NULL), ==, 1);
  g_assert_cmpuint (toa_comments_panel_get_unresolved_count (panel), ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  row = toa_comments_panel_get_comment_row (panel, 0);
  g_assert_cmpstr (label_of (row, "excerpt"), ==, "“an toàn lao động”");
  g_assert_cmpstr (label_of (row, "text"), ==, "Cần nêu số vụ tai nạn trong năm.");
  g_assert_nonnull (strstr (label_of (row, "header"), "Phạm Minh Chi"));

  /* Highlighted in the editor's buffer, exactly. */
  toa_comments_panel_highlight_buffer (panel, buffer, plain);
  marked = tagged_text (buffer, TOA_COMMENTS_PANEL_TAG_ANCHOR);
  g_assert_cmpstr (marked, ==, "an toàn lao động");

  /* Resolve, then reopen, through the row's actions. */
  g_assert_nonnull (find_named (row, "resolve"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.resolve", "x", comment->comment->id));
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT resolved FROM comments"), ==, 1);
  g_assert_cmpint (toa_store_count_unresolved_comments (n->store, id, NULL), ==, 0);
  g_assert_cmpuint (toa_comments_panel_get_unresolved_count (panel), ==, 0);
  g_assert_nonnull (find_named (toa_comments_panel_get_comment_row (panel, 0), "reopen"));
  toa_comments_panel_highlight_buffer (panel, buffer, plain);
  g_clear_pointer (&marked, g_free);
  marked = tagged_text (buffer, TOA_COMMENTS_PANEL_TAG_ANCHOR);
  g_assert_cmpstr (marked, ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.reopen", "x", comment->comment->id));
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT resolved FROM comments"), ==, 0);
  g_assert_cmpuint (toa_comments_panel_get_unresolved_count (panel), ==, 1);
  g_assert_cmpuint (notified, ==, 3);

  /* An unsaved edit moves the text: the highlight follows it. */
  {
    GtkTextIter at;
    g_autofree char *body = NULL;
    g_autofree char *edited = NULL;

    gtk_text_buffer_get_start_iter (buffer, &at);
    gtk_text_buffer_insert (buffer, &at, "Mở đầu. ", -1);
    body = toa_body_editor_get_body (editor);
    edited = toa_body_to_plain_text (body);
    toa_comments_panel_highlight_buffer (panel, buffer, edited);
    g_clear_pointer (&marked, g_free);
    marked = tagged_text (buffer, TOA_COMMENTS_PANEL_TAG_ANCHOR);
    g_assert_cmpstr (marked, ==, "an toàn lao động");
  }

  /* Once the text is deleted, the comment says so and nothing is marked. */
  save_body (n, id, "an", "Đoạn một về sản xuất công nghiệp.\n\nĐoạn hai đã viết lại.");
  g_assert_true (toa_comments_panel_load (panel, id, &error));
  g_assert_cmpstr (label_of (toa_comments_panel_get_comment_row (panel, 0), "excerpt"), ==,
                   "About text since deleted: “an toàn lao động”");
  g_clear_pointer (&plain, g_free);
  plain = toa_body_to_plain_text ("<p>Đoạn một về sản xuất công nghiệp.</p><p>Đoạn hai đã viết lại.</p>");
  g_assert_true (toa_body_editor_set_body (editor, "<p>Đoạn một về sản xuất công nghiệp.</p><p>Đoạn hai đã viết lại.</p>",
                                           &error));
  toa_comments_panel_highlight_buffer (panel, buffer, plain);
  g_clear_pointer (&marked, g_free);
  marked = tagged_text (buffer, TOA_COMMENTS_PANEL_TAG_ANCHOR);
  g_assert_cmpstr (marked, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Offsets across pictures and line breaks: the buffer and the plain text
 * differ there. */
static void
test_comment_range_mapping (void)
{
  GtkTextBuffer *buffer;
  ToaBodyEditor *editor = toa_body_editor_new ();
  GtkWidget *window = show_in_window (GTK_WIDGET (editor), 800, 600);
  g_autoptr(GError) error = NULL;
  const char *body = "<p>Mở đầu.</p><figure><img src=\"media:1\" alt=\"Ảnh\"/><figcaption>Chú thích ảnh</figcaption>"
                     "</figure><p>Dòng một<br/>dòng hai về điện.</p>";
  g_autofree char *plain = toa_body_to_plain_text (body);
  g_autofree char *selected = NULL;
  GtkTextIter start, end;
  gint64 from, to;

  g_assert_true (toa_body_editor_set_body (editor, body, &error));
  g_assert_no_error (error);
  buffer = toa_body_editor_get_buffer (editor);
  g_assert_true (select_text (buffer, "hai về điện"));
  g_assert_true (toa_comment_range_from_selection (editor, &from, &to));
  selected = g_utf8_substring (plain, from, to);
  g_assert_cmpstr (selected, ==, "hai về điện");
  g_assert_true (toa_comment_range_to_iters (buffer, plain, from, to, &start, &end));
  g_free (selected);
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selected, ==, "hai về điện");
  g_assert_true (select_text (buffer, "thích"));
  g_assert_true (toa_comment_range_from_selection (editor, &from, &to));
  g_free (selected);
  selected = g_utf8_substring (plain, from, to);
  g_assert_cmpstr (selected, ==, "thích");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Approve and return -------------------------------------------------------------- */

static gint64
submitted_without_byline (Newsroom *n)
{
  g_autoptr(ToaArticleContent) content = newsroom_content ("Bài thiếu tên tác giả", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_clear_pointer (&content->byline, g_free);
  id = toa_store_create_article (n->store, NULL, content, "an", &error);
  g_assert_no_error (error);
  newsroom_act (n, id, "submit", "an", NULL);
  return id;
}

static void
on_approved (ToaApproveDialog *dialog,
             gint64            id,
             gint64           *seen)
{
  *seen = id;
}

static void
test_approve_override (Newsroom      *n,
                       gconstpointer  data)
{
  gint64 id = submitted_without_byline (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaTransition) last = NULL;
  ToaApproveDialog *dialog;
  GtkWindow *refusal;
  gint64 approved = 0;

  dialog = toa_approve_dialog_new (NULL, n->store, id, "chi", &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, dialog);
  g_assert_cmpuint (toa_approve_dialog_get_n_failing (dialog), ==, 1);
  g_assert_true (gtk_widget_has_css_class (toa_approve_dialog_get_item_row (dialog, "byline"), "check-failed"));
  g_assert_false (gtk_widget_has_css_class (toa_approve_dialog_get_item_row (dialog, "title"), "check-failed"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "approve"));
  toa_approve_dialog_set_override_reason (dialog, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "approve"));

  /* Even forced, the core refuses without a reason, and says so. */
  answer (GTK_WINDOW (dialog), "approve");
  refusal = toa_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (refusal);
  answer (refusal, "close");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_SUBMITTED);

  dialog = toa_approve_dialog_new (NULL, n->store, id, "chi", &error);
  g_signal_connect (dialog, "approved", G_CALLBACK (on_approved), &approved);
  gtk_window_present (GTK_WINDOW (dialog));
  toa_approve_dialog_set_override_reason (dialog, "Tin khẩn, bổ sung tên tác giả sau.");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "approve"));
  answer (GTK_WINDOW (dialog), "approve");

  g_assert_cmpint (approved, ==, id);
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_APPROVED);
  last = last_transition (n, id);
  g_assert_cmpstr (last->action, ==, "approve");
  g_assert_cmpstr (last->actor, ==, "chi");
  g_assert_nonnull (strstr (last->comment, "Tin khẩn, bổ sung tên tác giả sau."));
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT COUNT(*) FROM transitions WHERE action = 'approve' "
                                              "AND comment LIKE '%bổ sung tên tác giả sau%'"), ==, 1);
}

static void
test_approve_passing (Newsroom      *n,
                      gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài đầy đủ");
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaTransition) last = NULL;
  ToaApproveDialog *dialog;

  newsroom_act (n, id, "submit", "an", NULL);
  dialog = toa_approve_dialog_new (NULL, n->store, id, "chi", &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (toa_approve_dialog_get_n_failing (dialog), ==, 0);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "approve"));
  toa_approve_dialog_set_comment (dialog, "Đồng ý đăng.");
  answer (GTK_WINDOW (dialog), "approve");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_APPROVED);
  last = last_transition (n, id);
  g_assert_cmpstr (last->comment, ==, "Đồng ý đăng.");
}

/* The workflow's own rules still hold: an author cannot approve. */
static void
test_approve_refused_by_workflow (Newsroom      *n,
                                  gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài tự duyệt");
  g_autoptr(GError) error = NULL;
  ToaApproveDialog *dialog;
  GtkWindow *refusal;

  newsroom_act (n, id, "submit", "an", NULL);
  dialog = toa_approve_dialog_new (NULL, n->store, id, "binh", &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "approve"));
  answer (GTK_WINDOW (dialog), "approve");
  refusal = toa_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (refusal);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (refusal)), ==, "The article was not approved");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal)), !=, "");
  answer (refusal, "close");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_SUBMITTED);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT COUNT(*) FROM transitions WHERE action = 'approve'"), ==, 0);
}

static void
test_return_reasons (Newsroom      *n,
                     gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài cần trả lại");
  g_autoptr(ToaTransition) last = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *expected = NULL;
  ToaReturnDialog *dialog;

  newsroom_act (n, id, "submit", "an", NULL);
  dialog = toa_return_dialog_new (NULL, n->store, id, "chi");
  gtk_window_present (GTK_WINDOW (dialog));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return"));

  /* Two ready-made reasons add up; the text stays editable. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "return.use-reason", "u", 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "return.use-reason", "u", 2));
  comment = toa_return_dialog_get_comment (dialog);
  expected = g_strdup_printf ("%s\n%s", toa_return_dialog_get_reason (0), toa_return_dialog_get_reason (2));
  g_assert_cmpstr (comment, ==, expected);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return"));
  toa_return_dialog_set_comment (dialog, " \n ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return"));
  toa_return_dialog_set_comment (dialog, "Đề nghị bổ sung số liệu quý IV.");
  answer (GTK_WINDOW (dialog), "return");

  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_DRAFT);
  last = last_transition (n, id);
  g_assert_cmpstr (last->action, ==, "return");
  g_assert_cmpstr (last->actor, ==, "chi");
  g_assert_cmpstr (last->comment, ==, "Đề nghị bổ sung số liệu quý IV.");
}

/* The article editor's "Duyệt" opens the checklist. */
static void
test_editor_opens_checklist (Newsroom      *n,
                             gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài chờ duyệt");
  ToaArticleEditor *editor = toa_article_editor_new (n->store, "chi");
  GtkWidget *window = show_in_window (GTK_WIDGET (editor), 1000, 720);
  g_autoptr(GError) error = NULL;
  ToaWorkflowBar *bar;
  GtkWindow *dialog;

  newsroom_act (n, id, "submit", "an", NULL);
  g_assert_true (toa_article_editor_load (editor, id, &error));
  bar = TOA_WORKFLOW_BAR (gtk_widget_get_template_child (GTK_WIDGET (editor), TOA_TYPE_ARTICLE_EDITOR,
                                                          "workflow_bar"));
  g_signal_emit_by_name (toa_workflow_bar_get_button (bar, "approve"), "clicked");
  toa_gui_test_iterate_until (toplevel_shown, GSIZE_TO_POINTER (TOA_TYPE_APPROVE_DIALOG));
  dialog = toa_gui_test_find_toplevel (TOA_TYPE_APPROVE_DIALOG);
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_SUBMITTED);
  answer (dialog, "approve");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_APPROVED);
  g_assert_nonnull (strstr (toa_workflow_bar_get_status_text (bar), "approved by Phạm Minh Chi"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Pictures --------------------------------------------------------------------- */

static void
use_vietnamese (gboolean vietnamese)
{
  g_setenv ("LANGUAGE", vietnamese ? "vi" : "en", TRUE);
  setlocale (LC_ALL, "");
}

static void take_snapshots (Newsroom *n);

/* GLib decides once per process whether g_dngettext() translates, so
 * the Vietnamese pictures are taken in a process started in Vietnamese. */
static void
test_snapshots (Newsroom      *n,
                gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      use_vietnamese (TRUE);
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      use_vietnamese (FALSE);
      g_test_trap_assert_passed ();
      return;
    }
  take_snapshots (n);
}

static void
take_snapshots (Newsroom *n)
{
  gint64 revisions[3];
  gint64 id = returned_and_resubmitted (n, revisions);
  gint64 failing = submitted_without_byline (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autofree char *plain = NULL;
  GtkWidget *window;
  gint64 start, end;

  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u unresolved", "%u unresolved", 1), ==, "%u ý kiến chưa xử lý");
  {
    ToaHistoryPanel *panel = toa_history_panel_new (n->store, "chi");

    window = show_in_window (GTK_WIDGET (panel), 520, 640);
    g_assert_true (toa_history_panel_load (panel, id, &error));
    toa_history_panel_set_compared (panel, revisions[1], TRUE);
    toa_gui_test_save_light_and_dark (window, g_getenv ("TOASOAN_BUILD_DIR"), "review-history");
    gtk_window_destroy (GTK_WINDOW (window));
  }
  {
    ToaDiffView *view = TOA_DIFF_VIEW (toa_diff_view_new ());

    window = show_in_window (GTK_WIDGET (view), 720, 420);
    toa_diff_view_set_article (view, n->store, id);
    g_assert_true (toa_diff_view_compare (view, revisions[0], revisions[2], &error));
    toa_gui_test_save_light_and_dark (window, g_getenv ("TOASOAN_BUILD_DIR"), "review-diff");
    gtk_window_destroy (GTK_WINDOW (window));
  }
  {
    ToaCommentsPanel *panel = toa_comments_panel_new (n->store, "chi");

    window = show_in_window (GTK_WIDGET (panel), 420, 560);
    article = toa_store_get_article (n->store, id, &error);
    plain = toa_body_to_plain_text (article->content->body);
    g_assert_true (toa_comments_panel_load (panel, id, &error));
    start = g_utf8_pointer_to_offset (plain, strstr (plain, "chế tạo"));
    end = start + g_utf8_strlen ("chế tạo", -1);
    toa_comments_panel_add_for_range (panel, start, end);
    toa_comments_panel_set_draft (panel, "Ghi đầy đủ tên ngành theo danh mục.");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL));
    toa_comments_panel_set_draft (panel, "Bài viết tốt, chỉ cần sửa nhỏ.");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.resolve", "x",
                                               newsroom_sql_int (n->path, "SELECT MAX(id) FROM comments")));
    toa_comments_panel_add_for_range (panel, 0, 6);
    toa_gui_test_save_light_and_dark (window, g_getenv ("TOASOAN_BUILD_DIR"), "review-comments");
    gtk_window_destroy (GTK_WINDOW (window));
  }
  {
    ToaApproveDialog *dialog = toa_approve_dialog_new (NULL, n->store, failing, "chi", &error);

    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (dialog));
    toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, dialog);
    toa_approve_dialog_set_override_reason (dialog, "Tin khẩn, bổ sung tên tác giả sau.");
    toa_gui_test_save_light_and_dark (GTK_WIDGET (dialog), g_getenv ("TOASOAN_BUILD_DIR"), "review-approve");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  {
    ToaReturnDialog *dialog = toa_return_dialog_new (NULL, n->store, failing, "chi");

    gtk_window_present (GTK_WINDOW (dialog));
    toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, dialog);
    gtk_widget_activate_action (GTK_WIDGET (dialog), "return.use-reason", "u", 4);
    toa_gui_test_save_light_and_dark (GTK_WIDGET (dialog), g_getenv ("TOASOAN_BUILD_DIR"), "review-return");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

static void
load_styles (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
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
  load_styles ();

#define ADD(path, func) \
  g_test_add ("/review-widgets/" path, Newsroom, NULL, newsroom_setup, func, newsroom_teardown)
  ADD ("history-timeline", test_history_timeline);
  ADD ("history-restore", test_history_restore);
  ADD ("diff-resubmission", test_diff_resubmission);
  ADD ("diff-fields", test_diff_fields);
  ADD ("comment-on-range", test_comment_on_range);
  g_test_add_func ("/review-widgets/comment-range-mapping", test_comment_range_mapping);
  ADD ("approve-override", test_approve_override);
  ADD ("approve-passing", test_approve_passing);
  ADD ("approve-refused-by-workflow", test_approve_refused_by_workflow);
  ADD ("return-reasons", test_return_reasons);
  ADD ("editor-opens-checklist", test_editor_opens_checklist);
  ADD ("snapshots", test_snapshots);
#undef ADD

  status = g_test_run ();
  toa_test_remove_tree (state);
  return status;
}
