/* test-review-path.c — the whole review path with three users on one
 * database: an writes and submits, chi comments and returns, an edits and
 * resubmits, chi approves through the checklist, phuong previews, exports
 * and confirms the publication; driven through the real widgets under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "toa-gui-test-utils.h"
#include "toa-approve-dialog.h"
#include "toa-article-editor.h"
#include "toa-article-list-model.h"
#include "toa-article-row.h"
#include "toa-body-editor.h"
#include "toa-comments-panel.h"
#include "toa-core.h"
#include "toa-diff-view.h"
#include "toa-export-dialog.h"
#include "toa-notifier.h"
#include "toa-preview-window.h"
#include "toa-return-dialog.h"
#include "toa-review.h"
#include "toa-review-window.h"
#include "toa-store-export.h"
#include "toa-test-newsroom.h"
#include "toa-workflow-bar.h"

/* ---- Helpers ----------------------------------------------------------------- */

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gpointer
child (ToaArticleEditor *editor,
       const char       *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor), TOA_TYPE_ARTICLE_EDITOR, name);

  g_assert_nonnull (object);
  return object;
}

static GtkTextView *
body_view (ToaArticleEditor *editor)
{
  return toa_body_editor_get_view (toa_article_editor_get_body_editor (editor));
}

/* Types as the keyboard would: at the end, respecting editability. */
static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, gtk_text_view_get_editable (view));
}

/* Types @text right after the first @anchor, as the keyboard would. */
static void
type_after (GtkTextView *view,
            const char  *anchor,
            const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, anchor, 0, &start, &end, NULL));
  gtk_text_buffer_place_cursor (buffer, &end);
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, gtk_text_view_get_editable (view)));
}

/* The title field wraps (a ToaTitleView): typed into like a text view. */
static void
type_title (ToaArticleEditor *editor,
            const char       *text)
{
  GtkTextView *view = child (editor, "title_view");

  g_assert_true (gtk_text_view_get_editable (view));
  type_text (view, text);
}

static ToaArticleEditor *
open_editor (Newsroom   *n,
             const char *login,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  ToaArticleEditor *editor = toa_article_editor_new (n->store, login);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (toa_gui_test_wait (toa_gui_test_widget_is_mapped, editor, 10));
  if (id > 0)
    {
      g_assert_true (toa_article_editor_load (editor, id, &error));
      g_assert_no_error (error);
    }
  return editor;
}

static void
close_editor (ToaArticleEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (editor))));
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

/* Clicks the workflow bar's button for @action and waits for the dialog
 * it opens. */
static GtkWindow *
click_for_dialog (ToaArticleEditor *editor,
                  const char       *action,
                  GType             type)
{
  GtkWidget *button = toa_workflow_bar_get_button (child (editor, "workflow_bar"), action);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (toa_gui_test_wait (toplevel_shown, GSIZE_TO_POINTER (type), 10));
  return toa_gui_test_find_toplevel (type);
}

/* What a click on a response button does: respond, then close. */
static void
answer (GtkWindow  *dialog,
        const char *response)
{
  GType type = G_OBJECT_TYPE (dialog);

  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  g_assert_true (toa_gui_test_wait (toplevel_gone, GSIZE_TO_POINTER (type), 10));
}

static ToaReviewWindow *
open_review (Newsroom         *n,
             const char       *login,
             ToaArticleEditor *editor,
             gint64            id)
{
  g_autoptr(GError) error = NULL;
  ToaReviewWindow *review = toa_review_window_new (NULL, n->store, login, editor);

  g_assert_true (toa_review_window_load (review, id, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (review));
  g_assert_true (toa_gui_test_wait (toa_gui_test_widget_is_mapped, review, 10));
  return review;
}

static char *
joined_runs (ToaReviewWindow *review,
             ToaDiffKind      kind)
{
  GtkWidget *view = toa_gui_test_find_descendant (GTK_WIDGET (review), TOA_TYPE_DIFF_VIEW);
  g_auto(GStrv) runs = NULL;

  g_assert_nonnull (view);
  runs = toa_diff_view_dup_marked_runs (TOA_DIFF_VIEW (view), kind);
  return g_strjoinv ("|", runs);
}

/* Notifications one user's instance of the app would send. */
typedef struct
{
  ToaNotifier *notifier;
  GPtrArray   *titles;
  GPtrArray   *bodies;
} Inbox;

static void
on_notification (ToaNotifier   *notifier,
                 const char    *id,
                 const char    *title,
                 const char    *body,
                 GNotification *notification,
                 Inbox         *inbox)
{
  g_assert_true (G_IS_NOTIFICATION (notification));
  g_ptr_array_add (inbox->titles, g_strdup (title));
  g_ptr_array_add (inbox->bodies, g_strdup (body));
}

static void
inbox_init (Inbox      *inbox,
            Newsroom   *n,
            const char *login)
{
  inbox->notifier = toa_notifier_new (NULL, n->store, login);
  inbox->titles = g_ptr_array_new_with_free_func (g_free);
  inbox->bodies = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (inbox->notifier, "notification", G_CALLBACK (on_notification), inbox);
}

static void
inbox_clear (Inbox *inbox)
{
  g_clear_object (&inbox->notifier);
  g_clear_pointer (&inbox->titles, g_ptr_array_unref);
  g_clear_pointer (&inbox->bodies, g_ptr_array_unref);
}

/* Polls once; asserts exactly one new notification, with @title and
 * mentioning @text, or none when @title is NULL. */
static void
expect_notification (Inbox      *inbox,
                     const char *title,
                     const char *text)
{
  g_autoptr(GError) error = NULL;
  guint before = inbox->titles->len;
  guint count = toa_notifier_check (inbox->notifier, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, title != NULL ? 1 : 0);
  g_assert_cmpuint (inbox->titles->len, ==, before + count);
  if (title == NULL)
    return;
  g_assert_cmpstr (g_ptr_array_index (inbox->titles, before), ==, title);
  g_assert_nonnull (strstr (g_ptr_array_index (inbox->bodies, before), text));
}

static guint
queue_length (Newsroom   *n,
              const char *login,
              gint64      expected_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(ToaArticleListModel) model = toa_article_list_model_new (n->store);
  guint n_items;

  query->waiting_for = g_strdup (login);
  toa_article_list_model_set_query (model, query);
  g_assert_true (toa_article_list_model_refresh (model, &error));
  g_assert_no_error (error);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (toa_store_count_articles (n->store, query, &error), ==, n_items);
  if (expected_id > 0)
    {
      g_autoptr(ToaArticleItem) item = NULL;

      g_assert_cmpuint (n_items, >, 0);
      item = g_list_model_get_item (G_LIST_MODEL (model), 0);
      g_assert_cmpint (toa_article_item_get_id (item), ==, expected_id);
    }
  return n_items;
}

static gboolean
file_with_suffix (const char *dir,
                  const char *suffix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, suffix))
      return TRUE;
  return FALSE;
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
on_finished (ToaExportDialog *dialog,
             gboolean         success,
             gboolean        *done)
{
  g_assert_true (success);
  *done = TRUE;
}

/* ---- The path ---------------------------------------------------------------- */

#define TITLE "Hội nghị khuyến công năm 2026"
#define FIRST_BODY "Đoạn một về sản xuất công nghiệp.\nĐoạn hai về an toàn lao động."
#define ADDED " Năm nay có 120 cơ sở tham gia."
#define RETURN_COMMENT "Đề nghị bổ sung số liệu cơ sở tham gia."

/* an writes the article in the editor and submits it from the bar. */
static gint64
author_writes_and_submits (Newsroom *n)
{
  ToaArticleEditor *editor = open_editor (n, "an", 0);
  gint64 id;

  toa_article_editor_start_new (editor);
  type_title (editor, TITLE);
  type_text (child (editor, "lead_view"), "Sáng 23/11, Sở Công Thương tổ chức hội nghị khuyến công.");
  type_text (body_view (editor), FIRST_BODY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  id = toa_article_editor_get_article_id (editor);
  g_assert_cmpint (id, >, 0);
  g_signal_emit_by_name (toa_workflow_bar_get_button (child (editor, "workflow_bar"), "submit"), "clicked");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_SUBMITTED);
  close_editor (editor);
  return id;
}

/* chi opens the changes, comments on "an toàn lao động" and returns
 * the article with a templated reason. */
static void
approver_comments_and_returns (Newsroom *n,
                               gint64    id)
{
  ToaArticleEditor *editor = open_editor (n, "chi", id);
  ToaReviewWindow *review = open_review (n, "chi", editor, id);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (body_view (editor));
  ToaCommentsPanel *panel;
  GtkWindow *dialog;
  GtkTextIter start, end;
  g_autofree char *comment = NULL;

  g_assert_cmpstr (toa_review_window_get_page (review), ==, "changes");
  g_assert_nonnull (toa_gui_test_find_descendant (GTK_WIDGET (review), TOA_TYPE_DIFF_VIEW));

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "an toàn lao động", 0, &start, &end, NULL));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.comment-selection", NULL));
  g_assert_cmpstr (toa_review_window_get_page (review), ==, "comments");
  panel = TOA_COMMENTS_PANEL (toa_gui_test_find_descendant (GTK_WIDGET (review), TOA_TYPE_COMMENTS_PANEL));
  toa_comments_panel_set_draft (panel, "Nêu rõ số vụ tai nạn năm nay.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL));
  g_assert_cmpuint (toa_comments_panel_get_unresolved_count (panel), ==, 1);
  /* The editor's bar follows the review window's comments. */
  g_assert_cmpstr (toa_workflow_bar_get_unresolved_text (child (editor, "workflow_bar")), ==,
                   "1 unresolved comment");
  gtk_window_destroy (GTK_WINDOW (review));

  dialog = click_for_dialog (editor, "return", TOA_TYPE_RETURN_DIALOG);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "return.use-reason", "u", 0));
  comment = toa_return_dialog_get_comment (TOA_RETURN_DIALOG (dialog));
  g_assert_cmpstr (comment, ==, toa_return_dialog_get_reason (0));
  toa_return_dialog_set_comment (TOA_RETURN_DIALOG (dialog), RETURN_COMMENT);
  answer (dialog, "return");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_DRAFT);
  close_editor (editor);
}

/* an sees chi's comment on the passage, resolves it after adding the
 * numbers, and submits again. */
static void
author_edits_and_resubmits (Newsroom *n,
                            gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  ToaArticleEditor *editor = open_editor (n, "an", id);
  ToaCommentsPanel *panel = toa_comments_panel_new (n->store, "an");
  ToaAnchoredComment *anchored;
  GtkWindow *holder = GTK_WINDOW (gtk_window_new ());
  const char *returned;

  g_object_ref_sink (panel);
  gtk_window_set_child (holder, GTK_WIDGET (panel));
  gtk_window_present (holder);
  g_assert_true (toa_comments_panel_load (panel, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (toa_comments_panel_get_n_comments (panel), ==, 1);
  g_assert_cmpuint (toa_comments_panel_get_unresolved_count (panel), ==, 1);
  comments = toa_store_list_anchored_comments (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  anchored = g_ptr_array_index (comments, 0);
  g_assert_cmpstr (anchored->comment->author, ==, "chi");
  g_assert_cmpstr (anchored->comment->text, ==, "Nêu rõ số vụ tai nạn năm nay.");
  g_assert_cmpstr (anchored->anchor_text, ==, "an toàn lao động");

  /* The reason is on top of the draft, and the bar counts the comment. */
  g_assert_true (gtk_revealer_get_reveal_child (child (editor, "returned_bar")));
  returned = gtk_label_get_label (child (editor, "returned_label"));
  g_assert_nonnull (strstr (returned, "Phạm Minh Chi"));
  g_assert_nonnull (strstr (returned, RETURN_COMMENT));
  g_assert_cmpstr (toa_workflow_bar_get_unresolved_text (child (editor, "workflow_bar")), ==,
                   "1 unresolved comment");

  type_after (body_view (editor), "an toàn lao động.", ADDED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.resolve", "x", anchored->comment->id));
  g_assert_cmpint (toa_store_count_unresolved_comments (n->store, id, NULL), ==, 0);

  g_signal_emit_by_name (toa_workflow_bar_get_button (child (editor, "workflow_bar"), "submit"), "clicked");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_SUBMITTED);
  g_assert_false (gtk_revealer_get_reveal_child (child (editor, "returned_bar")));
  g_assert_cmpstr (toa_workflow_bar_get_unresolved_text (child (editor, "workflow_bar")), ==, "");
  gtk_window_destroy (holder);
  g_object_unref (panel);
  close_editor (editor);
}

/* chi sees only the added sentence marked and approves through the
 * checklist, every item passing. */
static void
approver_reviews_and_approves (Newsroom *n,
                               gint64    id)
{
  ToaArticleEditor *editor = open_editor (n, "chi", id);
  ToaReviewWindow *review = open_review (n, "chi", editor, id);
  g_autofree char *inserted = joined_runs (review, TOA_DIFF_INSERT);
  g_autofree char *deleted = joined_runs (review, TOA_DIFF_DELETE);
  GtkWindow *dialog;

  g_assert_cmpstr (toa_review_window_get_page (review), ==, "changes");
  g_assert_cmpstr (inserted, ==, ADDED);
  g_assert_cmpstr (deleted, ==, "");
  gtk_window_destroy (GTK_WINDOW (review));

  dialog = click_for_dialog (editor, "approve", TOA_TYPE_APPROVE_DIALOG);
  g_assert_cmpuint (toa_approve_dialog_get_n_failing (TOA_APPROVE_DIALOG (dialog)), ==, 0);
  toa_approve_dialog_set_comment (TOA_APPROVE_DIALOG (dialog), "Đồng ý đăng.");
  answer (dialog, "approve");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_APPROVED);
  close_editor (editor);
}

/* phuong previews (no draft banner), exports page, Liferay XML and the
 * bundle, then confirms the upload. */
static void
publisher_previews_exports_publishes (Newsroom *n,
                                      gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = toa_test_make_tmpdir ();
  g_autofree char *page_name = g_strdup_printf ("article-%" G_GINT64_FORMAT ".html", id);
  g_autofree char *xml_name = g_strdup_printf ("article-%" G_GINT64_FORMAT ".liferay.xml", id);
  g_autofree char *page = NULL;
  g_autofree char *xml = NULL;
  ToaPreviewWindow *preview = toa_preview_window_new (NULL, n->store, "phuong");
  ToaExportDialog *dialog;
  gboolean done = FALSE;

  g_assert_true (toa_preview_window_load (preview, id, &error));
  g_assert_no_error (error);
  g_assert_false (toa_preview_window_get_draft (preview));
  g_assert_null (strstr (toa_preview_window_get_html (preview), "toa-preview\""));
  g_assert_nonnull (strstr (toa_preview_window_get_html (preview), "có 120 cơ sở tham gia"));
  gtk_window_destroy (GTK_WINDOW (preview));

  dialog = toa_export_dialog_new (NULL, n->store, "phuong", &id, 1);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &done);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (toa_gui_test_wait (toa_gui_test_widget_is_mapped, dialog, 10));
  toa_export_dialog_set_formats (dialog, TOA_EXPORT_FORMATS_PAGE | TOA_EXPORT_FORMATS_LIFERAY |
                                         TOA_EXPORT_FORMATS_BUNDLE);
  toa_export_dialog_set_destination (dialog, dest);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_assert_true (toa_gui_test_wait (flag_is_set, &done, 60));

  /* The files hold the approved text, the draft's never. */
  page = read_file (dest, page_name);
  g_assert_nonnull (strstr (page, TITLE));
  g_assert_nonnull (strstr (page, "có 120 cơ sở tham gia"));
  g_assert_null (strstr (page, "toa-preview\""));
  xml = read_file (dest, xml_name);
  g_assert_true (g_str_has_prefix (xml, "<?xml"));
  g_assert_nonnull (strstr (xml, "120 cơ sở"));
  g_assert_true (file_with_suffix (dest, ".zip"));
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_APPROVED);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.confirm-published", NULL));
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_PUBLISHED);
  gtk_window_destroy (GTK_WINDOW (dialog));
  toa_test_remove_tree (dest);
}

static void
assert_trail (Newsroom *n,
              gint64    id)
{
  static const char *expected[][2] = {
    { "submit", "an" }, { "return", "chi" }, { "submit", "an" },
    { "approve", "chi" }, { "publish", "phuong" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transitions = toa_store_list_transitions (n->store, id, &error);
  guint first;

  g_assert_no_error (error);
  /* Creation may be recorded too; the path is the last five steps. */
  g_assert_cmpuint (transitions->len, >=, G_N_ELEMENTS (expected));
  first = transitions->len - G_N_ELEMENTS (expected);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ToaTransition *t = g_ptr_array_index (transitions, first + i);

      g_assert_cmpstr (t->action, ==, expected[i][0]);
      g_assert_cmpstr (t->actor, ==, expected[i][1]);
    }
  g_assert_cmpstr (((ToaTransition *) g_ptr_array_index (transitions, first + 1))->comment, ==, RETURN_COMMENT);
  g_assert_cmpstr (((ToaTransition *) g_ptr_array_index (transitions, first + 3))->comment, ==, "Đồng ý đăng.");
}

static void
test_review_path (Newsroom      *n,
                  gconstpointer  data)
{
  Inbox an = { 0 }, chi = { 0 }, phuong = { 0 };
  gint64 id;

  inbox_init (&an, n, "an");
  inbox_init (&chi, n, "chi");
  inbox_init (&phuong, n, "phuong");
  g_assert_cmpuint (queue_length (n, "chi", 0), ==, 0);

  id = author_writes_and_submits (n);
  g_assert_cmpuint (queue_length (n, "chi", id), ==, 1);
  g_assert_cmpuint (queue_length (n, "em", 0), ==, 0);      /* another office */
  expect_notification (&chi, _("New article to approve"), TITLE);
  expect_notification (&an, NULL, NULL);

  approver_comments_and_returns (n, id);
  g_assert_cmpuint (queue_length (n, "chi", 0), ==, 0);
  expect_notification (&an, _("Your article was returned"), RETURN_COMMENT);
  expect_notification (&chi, NULL, NULL);

  author_edits_and_resubmits (n, id);
  g_assert_cmpuint (queue_length (n, "chi", id), ==, 1);
  expect_notification (&chi, _("New article to approve"), TITLE);

  approver_reviews_and_approves (n, id);
  g_assert_cmpuint (queue_length (n, "chi", 0), ==, 0);
  expect_notification (&an, _("Your article was approved"), TITLE);

  publisher_previews_exports_publishes (n, id);
  expect_notification (&an, _("Your article was published"), TITLE);
  expect_notification (&chi, NULL, NULL);
  expect_notification (&phuong, NULL, NULL);

  assert_trail (n, id);
  inbox_clear (&an);
  inbox_clear (&chi);
  inbox_clear (&phuong);
}

static const char *
row_time (GtkWidget *row)
{
  return toa_article_row_get_time_text (TOA_ARTICLE_ROW (row));
}

/* "Waiting for me" lists who has waited longest first, and each row says
 * how long: what the window's waiting view asks of the list. */
static void
test_queue_order (Newsroom      *n,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(ToaArticleListModel) model = toa_article_list_model_new (n->store);
  g_autoptr(ToaArticleItem) first = NULL;
  g_autoptr(ToaArticleItem) second = NULL;
  g_autofree char *sql = NULL;
  gint64 now = g_get_real_time ();
  gint64 older = newsroom_article (n, "an", "Bài gửi sớm");
  gint64 newer = newsroom_article (n, "binh", "Bài gửi sau");
  GtkWidget *row = g_object_ref_sink (toa_article_row_new ());
  GtkWidget *draft_row = g_object_ref_sink (toa_article_row_new ());

  newsroom_act (n, newer, "submit", "binh", NULL);
  newsroom_act (n, older, "submit", "an", NULL);
  /* Submitted three days and two hours ago. */
  sql = g_strdup_printf ("UPDATE articles SET updated = CASE id WHEN %" G_GINT64_FORMAT " THEN %" G_GINT64_FORMAT
                         " ELSE %" G_GINT64_FORMAT " END",
                         older, now - 3 * G_TIME_SPAN_DAY, now - 2 * G_TIME_SPAN_HOUR);
  newsroom_sql_exec (n->path, sql);

  query->waiting_for = g_strdup ("chi");
  query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_SUBMITTED);
  query->oldest_first = TRUE;
  toa_article_list_model_set_query (model, query);
  g_assert_true (toa_article_list_model_refresh (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  second = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpint (toa_article_item_get_id (first), ==, older);
  g_assert_cmpint (toa_article_item_get_id (second), ==, newer);

  toa_article_row_set_item (TOA_ARTICLE_ROW (row), first, NULL);
  toa_article_row_update_time (TOA_ARTICLE_ROW (row), now);
  g_assert_cmpstr (row_time (row), ==, "waiting 3 days");

  /* A draft keeps the plain relative time. */
  newsroom_act (n, older, "return", "chi", "Bổ sung ảnh");
  g_assert_true (toa_article_list_model_refresh (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_clear_object (&first);
  {
    g_autoptr(ToaArticleQuery) drafts = toa_article_query_new ();

    drafts->author = g_strdup ("an");
    toa_article_list_model_set_query (model, drafts);
    g_assert_true (toa_article_list_model_refresh (model, &error));
    first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpint (toa_article_item_get_id (first), ==, older);
    toa_article_row_set_item (TOA_ARTICLE_ROW (draft_row), first, NULL);
    toa_article_row_update_time (TOA_ARTICLE_ROW (draft_row), now + G_TIME_SPAN_HOUR / 2 + 30 * G_USEC_PER_SEC);
    g_assert_cmpstr (row_time (draft_row), ==, "30 minutes ago");
  }
  g_object_unref (row);
  g_object_unref (draft_row);
}

/* In Vietnamese, the waiting time reads "chờ 2 giờ". Runs last: gettext
 * caches each lookup under the first language. */
static void
test_waiting_time_vi (void)
{
  gint64 now = g_get_real_time ();
  g_autofree char *hours = NULL;
  g_autofree char *minutes = NULL;

  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  hours = toa_format_waiting_time (now - 2 * G_TIME_SPAN_HOUR - 5 * G_TIME_SPAN_MINUTE, now);
  minutes = toa_format_waiting_time (now - 10 * G_USEC_PER_SEC, now);
  g_assert_cmpstr (hours, ==, "chờ 2 giờ");
  g_assert_cmpstr (minutes, ==, "chờ 1 phút");
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
}

/* ---- Pictures for docs/screenshots (only with TOA_SHOTS_DIR) ---------------------- */

static void
take_pictures (Newsroom *n)
{
  g_autoptr(GError) error = NULL;
  gint64 id = author_writes_and_submits (n);
  ToaArticleEditor *editor;
  ToaReviewWindow *review;
  GtkWindow *dialog;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  ToaCommentsPanel *panel;
  AdwViewStack *stack;

  editor = open_editor (n, "chi", id);
  buffer = gtk_text_view_get_buffer (body_view (editor));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "an toàn lao động", 0, &start, &end, NULL));
  gtk_text_buffer_select_range (buffer, &start, &end);
  review = open_review (n, "chi", editor, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.comment-selection", NULL));
  panel = TOA_COMMENTS_PANEL (toa_gui_test_find_descendant (GTK_WIDGET (review), TOA_TYPE_COMMENTS_PANEL));
  toa_comments_panel_set_draft (panel, "Đề nghị nêu rõ số cơ sở được hỗ trợ trong năm.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL));
  gtk_window_destroy (GTK_WINDOW (review));
  close_editor (editor);
  newsroom_act (n, id, "return", "chi", RETURN_COMMENT);

  /* The author opens the returned draft. */
  editor = open_editor (n, "an", id);
  toa_gui_test_save_light_and_dark (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (editor))), g_getenv ("TOA_SHOTS_DIR"), "review-returned-draft");
  type_after (body_view (editor), "an toàn lao động.", ADDED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_signal_emit_by_name (toa_workflow_bar_get_button (child (editor, "workflow_bar"), "submit"), "clicked");
  close_editor (editor);

  /* The approver's review window, each page. */
  editor = open_editor (n, "chi", id);
  review = open_review (n, "chi", editor, id);
  gtk_window_set_default_size (GTK_WINDOW (review), 760, 600);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (review), TOA_TYPE_REVIEW_WINDOW, "stack"));
  toa_gui_test_save_light_and_dark (GTK_WIDGET (review), g_getenv ("TOA_SHOTS_DIR"), "review-window-changes");
  adw_view_stack_set_visible_child_name (stack, "history");
  toa_gui_test_save_light_and_dark (GTK_WIDGET (review), g_getenv ("TOA_SHOTS_DIR"), "review-window-history");
  adw_view_stack_set_visible_child_name (stack, "comments");
  toa_gui_test_save_light_and_dark (GTK_WIDGET (review), g_getenv ("TOA_SHOTS_DIR"), "review-window-comments");
  gtk_window_destroy (GTK_WINDOW (review));

  dialog = click_for_dialog (editor, "approve", TOA_TYPE_APPROVE_DIALOG);
  toa_gui_test_save_light_and_dark (GTK_WIDGET (dialog), g_getenv ("TOA_SHOTS_DIR"), "review-window-approve");
  gtk_window_destroy (dialog);
  close_editor (editor);
  g_assert_no_error (error);
}

/* GLib decides once per process whether to translate: the Vietnamese
 * pictures come from a process started in Vietnamese. */
static void
test_pictures (Newsroom      *n,
               gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "vi", TRUE);
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_setenv ("LANGUAGE", "en", TRUE);
      g_test_trap_assert_passed ();
      return;
    }
  /* main() switched back to English after priming GLib. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  take_pictures (n);
}

int
main (int    argc,
      char **argv)
{
  toa_core_init_i18n ();
  /* GLib decides once, at the first g_dngettext(), whether to translate
   * at all (not when English under C.UTF-8 has no catalogue): let it
   * decide while Vietnamese is on, with a string no test reads. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", 1);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    /* The application's styles: notices, badges, diff marks. */
    gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/review-path/full", Newsroom, NULL, newsroom_setup, test_review_path, newsroom_teardown);
  g_test_add ("/review-path/queue-order", Newsroom, NULL, newsroom_setup, test_queue_order, newsroom_teardown);
  g_test_add_func ("/review-path/waiting-time-vi", test_waiting_time_vi);
  /* Not a test: pictures of the review views for the documentation. */
  if (g_getenv ("TOA_SHOTS_DIR") != NULL)
    g_test_add ("/review-path/pictures", Newsroom, NULL, newsroom_setup, test_pictures, newsroom_teardown);

  return g_test_run ();
}
