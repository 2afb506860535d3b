/* test-article-editor.c — the article editor pane, driven through its
 * actions under Xvfb against a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "toa-gui-test-utils.h"
#include "toa-article-editor.h"
#include "toa-body-editor.h"
#include "toa-comment-dialog.h"
#include "toa-conflict-dialog.h"
#include "toa-core.h"
#include "toa-recovery.h"
#include "toa-return-dialog.h"
#include "toa-store-media.h"
#include "toa-store-takeover.h"
#include "toa-title-view.h"
#include "toa-test-newsroom.h"
#include "toa-workflow-bar.h"

/* ---- Helpers ----------------------------------------------------------------- */

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
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (child (editor, "page_box")));

  g_assert_true (TOA_IS_BODY_EDITOR (last));
  return toa_body_editor_get_view (TOA_BODY_EDITOR (last));
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Types as the keyboard would: at the cursor, respecting editability. */
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

static void
type_entry (ToaArticleEditor *editor,
            const char       *name,
            const char       *text)
{
  GtkEditable *entry = child (editor, name);
  int position = -1;

  if (gtk_editable_get_editable (entry))
    gtk_editable_insert_text (entry, text, -1, &position);
}

/* The title field wraps: a ToaTitleView, typed into like the keyboard
 * does, at the end and only when it is editable. */
static void
type_title (ToaArticleEditor *editor,
            const char       *text)
{
  type_text (GTK_TEXT_VIEW (child (editor, "title_view")), text);
}

static void
assert_title (ToaArticleEditor *editor,
              const char       *expected)
{
  g_autofree char *text = toa_title_view_get_text (child (editor, "title_view"));

  g_assert_cmpstr (text, ==, expected);
}

static ToaArticleEditor *
open_editor (ToaStore   *store,
             const char *login)
{
  ToaArticleEditor *editor = toa_article_editor_new (store, login);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (toa_gui_test_wait (toa_gui_test_widget_is_mapped, editor, 10));
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

static GtkWindow *
wait_for_toplevel (GType type)
{
  g_assert_true (toa_gui_test_wait (toplevel_shown, GSIZE_TO_POINTER (type), 10));
  return toa_gui_test_find_toplevel (type);
}

static gboolean
toplevel_gone (gpointer data)
{
  return toa_gui_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static void
answer (GtkWindow  *dialog,
        const char *response)
{
  GType type = G_OBJECT_TYPE (dialog);

  /* What a click on the response button does: respond, then close. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  g_assert_true (toa_gui_test_wait (toplevel_gone, GSIZE_TO_POINTER (type), 10));
}

static ToaArticle *
get_article (Newsroom *n,
             gint64    id)
{
  g_autoptr(GError) error = NULL;
  ToaArticle *article = toa_store_get_article (n->store, id, &error);

  g_assert_no_error (error);
  return article;
}

static guint
count_revisions (Newsroom *n,
                 gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revisions = toa_store_list_revisions (n->store, id, &error);

  g_assert_no_error (error);
  return revisions->len;
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

/* Writes a new article through the editor, the way an author does. */
static gint64
write_article (ToaArticleEditor *editor,
               const char       *title)
{
  toa_article_editor_start_new (editor);
  type_title (editor, title);
  type_text (child (editor, "lead_view"), "Sáng 23/11, Sở Công Thương tổ chức hội nghị.");
  type_text (body_view (editor), "Đoạn một về sản xuất công nghiệp.\nĐoạn hai về an toàn.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_false (toa_article_editor_get_has_unsaved_changes (editor));
  return toa_article_editor_get_article_id (editor);
}

/* ---- Tests ------------------------------------------------------------------- */

static void
on_article_changed (ToaArticleEditor *editor,
                    gint64            id,
                    gint64           *seen)
{
  *seen = id;
}

static void
test_create_save_reopen (Newsroom      *n,
                         gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  ToaArticleEditor *again;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(ToaArticle) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *body = NULL;
  gint64 seen = 0;
  gint64 id;

  g_signal_connect (editor, "article-changed", G_CALLBACK (on_article_changed), &seen);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, "byline_entry")), ==, "Nguyễn Văn An - P. QLCN");

  type_title (editor, "Hội nghị triển khai nhiệm vụ năm 2027");
  g_assert_true (toa_article_editor_get_has_unsaved_changes (editor));
  g_assert_cmpstr (toa_article_editor_get_title (editor), ==, "Hội nghị triển khai nhiệm vụ năm 2027");
  type_text (child (editor, "lead_view"), "Sáng 23/11, Sở Công Thương\ntổ chức hội nghị.");
  type_text (body_view (editor), "Đoạn một.\nĐoạn hai có dấu “ngoặc” & ký hiệu <b>.");
  g_assert_cmpstr (gtk_label_get_label (child (editor, "count_label")), ==, "19 words");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  id = toa_article_editor_get_article_id (editor);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (seen, ==, id);
  g_assert_false (toa_article_editor_get_has_unsaved_changes (editor));

  article = get_article (n, id);
  g_assert_cmpstr (article->office, ==, "QLCN");
  g_assert_cmpstr (article->author, ==, "an");
  g_assert_cmpstr (article->content->title, ==, "Hội nghị triển khai nhiệm vụ năm 2027");
  g_assert_cmpstr (article->content->lead, ==, "Sáng 23/11, Sở Công Thương\ntổ chức hội nghị.");
  g_assert_cmpstr (article->content->body, ==,
                   "<p>Đoạn một.</p><p>Đoạn hai có dấu “ngoặc” &amp; ký hiệu &lt;b&gt;.</p>");
  g_assert_cmpstr (article->content->byline, ==, "Nguyễn Văn An - P. QLCN");
  g_assert_cmpuint (count_revisions (n, id), ==, 1);

  /* Reopened in a fresh pane, the same text; a second save is a second revision. */
  again = open_editor (n->store, "an");
  g_assert_true (toa_article_editor_load (again, id, &error));
  g_assert_no_error (error);
  assert_title (again, "Hội nghị triển khai nhiệm vụ năm 2027");
  lead = view_text (child (again, "lead_view"));
  g_assert_cmpstr (lead, ==, "Sáng 23/11, Sở Công Thương\ntổ chức hội nghị.");
  body = view_text (body_view (again));
  g_assert_cmpstr (body, ==, "Đoạn một.\nĐoạn hai có dấu “ngoặc” & ký hiệu <b>.\n");
  g_assert_false (toa_article_editor_get_has_unsaved_changes (again));

  close_editor (editor);
  type_text (body_view (again), "\nĐoạn ba.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (again), "editor.save", NULL));
  g_assert_cmpuint (count_revisions (n, id), ==, 2);
  saved = get_article (n, id);
  g_assert_cmpint (saved->version, >, article->version);
  g_assert_nonnull (strstr (saved->content->body, "<p>Đoạn ba.</p>"));
  close_editor (again);
}

/* ---- The title wraps ---------------------------------------------------------- */

/* 151 characters, the length of a real portal title. */
#define LONG_TITLE "Sở Công Thương mời doanh nghiệp, hợp tác xã đăng ký tham gia đoàn xúc tiến " \
                   "thương mại tại Hội chợ Hàng Việt Nam được người tiêu dùng yêu thích năm 2027"

/* The lines the title is shown on, once laid out. */
static guint
display_lines (GtkTextView *view)
{
  GtkTextIter iter;
  guint lines = 1;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &iter);
  while (gtk_text_view_forward_display_line (view, &iter))
    lines++;
  return lines;
}

/* Whether every character of the title is inside the field: its last
 * line ends above the field's bottom edge, inside its width. */
static gboolean
title_all_visible (gpointer data)
{
  GtkTextView *view = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;
  GdkRectangle last;
  int x;
  int y;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_view_get_iter_location (view, &end, &last);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, last.x, last.y + last.height, &x, &y);
  return y <= gtk_widget_get_height (GTK_WIDGET (view)) && x <= gtk_widget_get_width (GTK_WIDGET (view));
}

/* The text view lays its text out in the background, then asks for its
 * height: wait for that, as a user would see it a frame later. */
static void
assert_title_all_visible (GtkTextView *view)
{
  g_assert_true (toa_gui_test_wait (title_all_visible, view, 5));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (title_all_visible (view));
}

static gboolean
has_focus (gpointer data)
{
  return gtk_widget_is_focus (GTK_WIDGET (data));
}

/* The action of the capture-phase shortcut (caught before the text view
 * inserts a newline) for @key on @title. */
static GtkShortcutAction *
enter_shortcut_action (GtkWidget  *title,
                       const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (title);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (key);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_get_action (shortcut);
        }
    }
  g_assert_not_reached ();
}

/* Presses @key in @title the way its shortcut controller does. */
static gboolean
press_enter (GtkWidget  *title,
             const char *key)
{
  return gtk_shortcut_action_activate (enter_shortcut_action (title, key), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                       title, NULL);
}

static void
test_long_title_wraps (Newsroom      *n,
                       gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  ToaArticleEditor *again;
  GtkTextView *title = child (editor, "title_view");
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  int one_line_height;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, "Title");

  toa_article_editor_start_new (editor);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (title)));
  type_title (editor, "Ngắn");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (title));
  g_assert_cmpuint (display_lines (title), ==, 1);
  one_line_height = gtk_widget_get_height (GTK_WIDGET (title));

  /* A portal-length title: on several lines, every character shown. */
  toa_title_view_set_text (TOA_TITLE_VIEW (title), NULL);
  type_title (editor, LONG_TITLE);
  g_assert_cmpint (g_utf8_strlen (LONG_TITLE, -1), ==, 151);
  assert_title (editor, LONG_TITLE);
  g_assert_cmpstr (toa_article_editor_get_title (editor), ==, LONG_TITLE);
  g_assert_true (toa_article_editor_get_has_unsaved_changes (editor));
  assert_title_all_visible (title);
  g_assert_cmpuint (display_lines (title), >=, 2);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (title)), >=, 2 * one_line_height - 8);

  type_text (child (editor, "lead_view"), "Sáng 23/11, Sở Công Thương thông báo.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  article = get_article (n, toa_article_editor_get_article_id (editor));
  g_assert_cmpstr (article->content->title, ==, LONG_TITLE);

  /* Reopened, in a pane as narrow as the three-pane window's. */
  again = open_editor (n->store, "an");
  gtk_window_set_default_size (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (again))), 620, 720);
  g_assert_true (toa_article_editor_load (again, article->id, &error));
  g_assert_no_error (error);
  assert_title (again, LONG_TITLE);
  assert_title_all_visible (child (again, "title_view"));
  g_assert_cmpuint (display_lines (child (again, "title_view")), >=, 3);
  close_editor (again);
  close_editor (editor);
}

static gboolean
title_has (gpointer data)
{
  ToaArticleEditor *editor = data;

  return strstr (toa_article_editor_get_title (editor), "ba") != NULL;
}

static void
test_title_has_no_newlines (Newsroom      *n,
                            gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  GtkTextView *title = child (editor, "title_view");
  GtkWidget *lead = child (editor, "lead_view");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (title));
  g_autoptr(ToaArticle) article = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (title);
  static const char * const enter_keys[] = { "Return", "KP_Enter", "ISO_Enter", "<Shift>Return" };
  GtkTextIter middle;

  toa_article_editor_start_new (editor);
  type_title (editor, "Hội nghị tổng kết");

  /* Enter (also on the keypad, or with Shift) moves on to the lead; the
   * title keeps one line. */
  for (guint k = 0; k < G_N_ELEMENTS (enter_keys); k++)
    {
      gtk_widget_grab_focus (GTK_WIDGET (title));
      gtk_text_buffer_get_iter_at_offset (buffer, &middle, 8);
      gtk_text_buffer_place_cursor (buffer, &middle);
      g_assert_true (press_enter (GTK_WIDGET (title), enter_keys[k]));
      g_assert_true (toa_gui_test_wait (has_focus, lead, 10));
      assert_title (editor, "Hội nghị tổng kết");
    }

  /* While an input method composes a word, Enter is left to it. */
  gtk_widget_grab_focus (GTK_WIDGET (title));
  g_signal_emit_by_name (title, "preedit-changed", "tô");
  g_assert_false (press_enter (GTK_WIDGET (title), "Return"));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (title)));
  g_signal_emit_by_name (title, "preedit-changed", "");
  g_assert_true (press_enter (GTK_WIDGET (title), "Return"));
  g_assert_true (toa_gui_test_wait (has_focus, lead, 10));

  /* Typed line breaks become spaces, one per run. */
  type_title (editor, "\nnăm 2026\r\n\r\ncủa Sở");
  assert_title (editor, "Hội nghị tổng kết năm 2026 của Sở");
  type_title (editor, " \nCông Thương");
  assert_title (editor, "Hội nghị tổng kết năm 2026 của Sở Công Thương");

  /* Pasted ones too, and what is pasted is undone in one step. Decomposed
   * (NFD) marks are stored NFC, as before. */
  gdk_clipboard_set_text (clipboard, "\ndòng hai\xe2\x80\xa8" "ba Thu\xcc\x89y");
  gtk_text_buffer_get_end_iter (buffer, &middle);
  gtk_text_buffer_place_cursor (buffer, &middle);
  g_signal_emit_by_name (title, "paste-clipboard");
  g_assert_true (toa_gui_test_wait (title_has, editor, 10));
  assert_title (editor, "Hội nghị tổng kết năm 2026 của Sở Công Thương dòng hai ba Thu\xcc\x89y");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (title), "text.undo", NULL));
  assert_title (editor, "Hội nghị tổng kết năm 2026 của Sở Công Thương");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (title), "text.redo", NULL));
  assert_title (editor, "Hội nghị tổng kết năm 2026 của Sở Công Thương dòng hai ba Thu\xcc\x89y");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  article = get_article (n, toa_article_editor_get_article_id (editor));
  g_assert_cmpstr (article->content->title, ==, "Hội nghị tổng kết năm 2026 của Sở Công Thương dòng hai ba Thủy");
  g_assert_null (strchr (article->content->title, '\n'));
  close_editor (editor);
}

static void
test_invalid_date_keeps_text (Newsroom      *n,
                              gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  GtkWindow *dialog;

  type_title (editor, "Bài có ngày sai");
  type_entry (editor, "event_date_entry", "31/02/2026");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "31/02/2026"));
  answer (dialog, "close");
  g_assert_cmpint (toa_article_editor_get_article_id (editor), ==, 0);
  g_assert_true (toa_article_editor_get_has_unsaved_changes (editor));
  assert_title (editor, "Bài có ngày sai");
  close_editor (editor);
}

static void
test_submit_from_workflow_bar (Newsroom      *n,
                               gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  ToaWorkflowBar *bar = child (editor, "workflow_bar");
  g_autoptr(ToaTransition) last = NULL;
  GtkWidget *submit;
  gint64 id = write_article (editor, "Bài gửi duyệt");

  g_assert_nonnull (strstr (toa_workflow_bar_get_status_text (bar), "created by Nguyễn Văn An"));
  g_assert_null (toa_workflow_bar_get_button (bar, "approve"));
  submit = toa_workflow_bar_get_button (bar, "submit");
  g_assert_nonnull (submit);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (submit)), ==, "Submit for approval");

  /* Unsaved text goes with the submission. */
  type_text (body_view (editor), "\nĐoạn bổ sung.");
  g_signal_emit_by_name (submit, "clicked");

  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_SUBMITTED);
  last = last_transition (n, id);
  g_assert_cmpstr (last->action, ==, "submit");
  g_assert_cmpstr (last->actor, ==, "an");
  g_assert_cmpuint (count_revisions (n, id), ==, 2);
  g_assert_nonnull (strstr (toa_workflow_bar_get_status_text (bar), "submitted by Nguyễn Văn An at"));
  g_assert_null (toa_workflow_bar_get_button (bar, "submit"));
  g_assert_nonnull (toa_workflow_bar_get_button (bar, "withdraw"));
  close_editor (editor);
}

static void
test_return_requires_comment (Newsroom      *n,
                              gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài cần sửa");
  ToaArticleEditor *editor;
  ToaWorkflowBar *bar;
  g_autoptr(ToaTransition) last = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  newsroom_act (n, id, "submit", "an", NULL);
  editor = open_editor (n->store, "chi");
  g_assert_true (toa_article_editor_load (editor, id, &error));
  bar = child (editor, "workflow_bar");
  g_assert_nonnull (toa_workflow_bar_get_button (bar, "approve"));
  g_assert_nonnull (toa_workflow_bar_get_button (bar, "return"));

  /* Cancelling changes nothing. */
  g_signal_emit_by_name (toa_workflow_bar_get_button (bar, "return"), "clicked");
  dialog = wait_for_toplevel (TOA_TYPE_RETURN_DIALOG);
  answer (dialog, "cancel");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_SUBMITTED);

  g_signal_emit_by_name (toa_workflow_bar_get_button (bar, "return"), "clicked");
  dialog = wait_for_toplevel (TOA_TYPE_RETURN_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return"));
  toa_return_dialog_set_comment (TOA_RETURN_DIALOG (dialog), "   \n ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return"));
  toa_return_dialog_set_comment (TOA_RETURN_DIALOG (dialog), " Thiếu số liệu quý III. ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return"));
  answer (dialog, "return");

  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_DRAFT);
  last = last_transition (n, id);
  g_assert_cmpstr (last->action, ==, "return");
  g_assert_cmpstr (last->actor, ==, "chi");
  g_assert_cmpstr (last->comment, ==, "Thiếu số liệu quý III.");
  g_assert_nonnull (strstr (toa_workflow_bar_get_status_text (bar), "returned by Phạm Minh Chi"));
  close_editor (editor);
}

static gint64
save_as_colleague (Newsroom   *n,
                   gint64      id,
                   const char *title)
{
  g_autoptr(ToaStore) other = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content (title, "Bản của đồng nghiệp.");
  g_autoptr(GError) error = NULL;
  gint64 version = 0;

  /* A second connection: another process on another computer. */
  other = toa_store_open (n->path, &error);
  g_assert_no_error (error);
  article = toa_store_get_article (other, id, &error);
  g_assert_no_error (error);
  g_assert_true (toa_store_save_revision (other, id, article->version, content, "binh", &version, &error));
  g_assert_no_error (error);
  return version;
}

static void
test_conflict_keep_both (Newsroom      *n,
                         gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  gint64 id = write_article (editor, "Bài của tôi");
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWindow *dialog;
  const ToaRevision *theirs;
  const ToaRevision *mine;

  type_text (body_view (editor), "\nCâu tôi vừa viết.");
  save_as_colleague (n, id, "Bài của đồng nghiệp");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);

  dialog = wait_for_toplevel (TOA_TYPE_CONFLICT_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Lê Thị Bình"));
  g_assert_nonnull (strstr (toa_conflict_dialog_get_their_text (TOA_CONFLICT_DIALOG (dialog)),
                            "Bản của đồng nghiệp."));
  /* Nothing lost while the question is open. */
  body = view_text (body_view (editor));
  g_assert_nonnull (strstr (body, "Câu tôi vừa viết."));
  g_assert_true (toa_article_editor_get_has_unsaved_changes (editor));
  g_assert_cmpuint (count_revisions (n, id), ==, 2);

  answer (dialog, "keep-both");
  g_assert_false (toa_article_editor_get_has_unsaved_changes (editor));
  revisions = toa_store_list_revisions (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 3);
  article = get_article (n, id);
  g_assert_cmpstr (article->content->title, ==, "Bài của tôi");
  g_assert_nonnull (strstr (article->content->body, "<p>Câu tôi vừa viết.</p>"));
  /* Theirs is kept, mine on top of it. */
  theirs = g_ptr_array_index (revisions, 1);
  mine = g_ptr_array_index (revisions, 2);
  if (theirs->created > mine->created || (theirs->created == mine->created && theirs->id > mine->id))
    {
      const ToaRevision *swap = theirs;

      theirs = mine;
      mine = swap;
    }
  g_assert_cmpstr (theirs->author, ==, "binh");
  g_assert_cmpstr (theirs->content->title, ==, "Bài của đồng nghiệp");
  g_assert_cmpint (mine->parent_id, ==, theirs->id);
  g_assert_cmpint (article->current_revision, ==, mine->id);
  close_editor (editor);
}

static void
test_conflict_discard_mine (Newsroom      *n,
                            gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  gint64 id = write_article (editor, "Bài của tôi");
  GtkWindow *dialog;

  type_title (editor, " (sửa)");
  save_as_colleague (n, id, "Bài của đồng nghiệp");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  dialog = wait_for_toplevel (TOA_TYPE_CONFLICT_DIALOG);
  answer (dialog, "discard");

  g_assert_cmpuint (count_revisions (n, id), ==, 2);
  assert_title (editor, "Bài của đồng nghiệp");
  g_assert_false (toa_article_editor_get_has_unsaved_changes (editor));

  /* Editing on from their version saves without a conflict. */
  type_title (editor, " 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_cmpuint (count_revisions (n, id), ==, 3);
  close_editor (editor);
}

static gboolean
recovery_written (gpointer data)
{
  ToaRecovery *recovery = data;
  g_autoptr(ToaRecoveryRecord) record = toa_recovery_load (recovery, 0, NULL);

  return record != NULL;
}

static void
test_autosave_and_restore (Newsroom      *n,
                           gconstpointer  data)
{
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (NULL, n->path, "an");
  g_autoptr(ToaRecoveryRecord) record = NULL;
  g_autoptr(ToaRecoveryRecord) left = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  ToaArticleEditor *editor = open_editor (n->store, "an");
  ToaArticleEditor *after_crash;
  g_autofree char *body = NULL;
  gint64 id;

  /* 5 s after the last keystroke, the text is on disk outside the store. */
  type_title (editor, "Chưa kịp lưu");
  type_text (body_view (editor), "Một câu quan trọng.");
  g_assert_false (recovery_written (recovery));
  g_assert_true (toa_gui_test_wait (recovery_written, recovery, 10));
  record = toa_recovery_load (recovery, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->content->title, ==, "Chưa kịp lưu");
  g_assert_cmpstr (record->content->body, ==, "<p>Một câu quan trọng.</p>");
  g_assert_cmpstr (record->office, ==, "QLCN");

  /* The "crash": a new pane offers the text back. */
  close_editor (editor);
  after_crash = open_editor (n->store, "an");
  g_assert_true (gtk_revealer_get_reveal_child (child (after_crash, "recovery_bar")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (after_crash), "editor.restore-recovery", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (child (after_crash, "recovery_bar")));
  assert_title (after_crash, "Chưa kịp lưu");
  body = view_text (body_view (after_crash));
  g_assert_cmpstr (body, ==, "Một câu quan trọng.\n");
  g_assert_true (toa_article_editor_get_has_unsaved_changes (after_crash));

  /* Saved: a revision, and the recovery copy is gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (after_crash), "editor.save", NULL));
  id = toa_article_editor_get_article_id (after_crash);
  article = get_article (n, id);
  g_assert_cmpstr (article->content->title, ==, "Chưa kịp lưu");
  left = toa_recovery_load (recovery, 0, &error);
  g_assert_no_error (error);
  g_assert_null (left);
  close_editor (after_crash);
}

static void
test_restore_existing_article (Newsroom      *n,
                               gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bản đã lưu");
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (NULL, n->path, "an");
  g_autoptr(ToaRecoveryRecord) record = g_new0 (ToaRecoveryRecord, 1);
  g_autoptr(ToaArticle) stored = get_article (n, id);
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  ToaArticleEditor *editor;

  record->article_id = id;
  record->base_version = stored->version;
  record->saved = g_get_real_time ();
  record->content = toa_article_content_copy (stored->content);
  g_free (record->content->title);
  record->content->title = g_strdup ("Bản chưa lưu khi máy tắt");
  g_assert_true (toa_recovery_save (recovery, record, &error));

  editor = open_editor (n->store, "an");
  g_assert_true (toa_article_editor_load (editor, id, &error));
  g_assert_no_error (error);
  assert_title (editor, "Bản đã lưu");
  g_assert_true (gtk_revealer_get_reveal_child (child (editor, "recovery_bar")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.restore-recovery", NULL);
  assert_title (editor, "Bản chưa lưu khi máy tắt");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  article = get_article (n, id);
  g_assert_cmpstr (article->content->title, ==, "Bản chưa lưu khi máy tắt");
  g_assert_cmpuint (count_revisions (n, id), ==, 2);
  close_editor (editor);
}

static void
test_locked_by_other (Newsroom      *n,
                      gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài đang được sửa");
  g_autoptr(ToaStore) other = NULL;
  g_autoptr(GError) error = NULL;
  ToaArticleEditor *editor;
  ToaArticleEditor *approver;

  other = toa_store_open (n->path, &error);
  g_assert_no_error (error);
  g_assert_true (toa_store_lock_article (other, id, "binh", "may-binh", &error));
  g_assert_no_error (error);

  editor = open_editor (n->store, "an");
  g_assert_true (toa_article_editor_load (editor, id, &error));
  g_assert_no_error (error);
  g_assert_true (toa_article_editor_get_read_only (editor));
  g_assert_false (gtk_text_view_get_editable (body_view (editor)));
  g_assert_true (gtk_revealer_get_reveal_child (child (editor, "lock_bar")));
  g_assert_nonnull (strstr (gtk_label_get_label (child (editor, "lock_label")), "Being edited by Lê Thị Bình"));
  g_assert_false (gtk_widget_get_visible (child (editor, "take_over_button")));

  /* Typing does nothing and saving is not offered. */
  type_title (editor, "xxx");
  assert_title (editor, "Bài đang được sửa");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_cmpuint (count_revisions (n, id), ==, 1);
  g_assert_false (toa_article_editor_get_has_unsaved_changes (editor));

  approver = open_editor (n->store, "chi");
  g_assert_true (toa_article_editor_load (approver, id, &error));
  g_assert_true (toa_article_editor_get_read_only (approver));
  g_assert_true (gtk_widget_get_visible (child (approver, "take_over_button")));

  /* The head of the office takes over; the holder's heartbeat then fails. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (approver), "editor.take-over", NULL));
  g_assert_false (toa_article_editor_get_read_only (approver));
  g_assert_false (gtk_revealer_get_reveal_child (child (approver, "lock_bar")));
  g_assert_false (toa_store_lock_article (other, id, "binh", "may-binh", &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  toa_article_editor_refresh (editor);
  g_assert_nonnull (strstr (gtk_label_get_label (child (editor, "lock_label")), "Being edited by Phạm Minh Chi"));
  close_editor (approver);

  /* Closing the pane releases the lock. */
  g_assert_true (toa_store_lock_article (other, id, "binh", "may-binh", &error));
  g_assert_no_error (error);

  /* Once the lock is released, a refresh makes the pane editable. */
  g_assert_true (toa_store_unlock_article (other, id, "binh", &error));
  toa_article_editor_refresh (editor);
  g_assert_false (toa_article_editor_get_read_only (editor));
  g_assert_false (gtk_revealer_get_reveal_child (child (editor, "lock_bar")));
  close_editor (editor);
}

static void
test_lock_taken_over (Newsroom      *n,
                      gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài bị tiếp quản");
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (NULL, n->path, "an");
  g_autoptr(ToaRecoveryRecord) record = NULL;
  g_autoptr(ToaStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  ToaArticleEditor *editor = open_editor (n->store, "an");

  g_assert_true (toa_article_editor_load (editor, id, &error));
  g_assert_false (toa_article_editor_get_read_only (editor));
  type_text (body_view (editor), "\nCâu chưa lưu.");

  other = toa_store_open (n->path, &error);
  g_assert_no_error (error);
  g_assert_true (toa_store_take_over_lock (other, id, "chi", "may-chi", &error));
  g_assert_no_error (error);

  /* The next refresh (or heartbeat) notices; the text stays, read-only. */
  toa_article_editor_refresh (editor);
  g_assert_true (toa_article_editor_get_read_only (editor));
  g_assert_nonnull (strstr (gtk_label_get_label (child (editor, "lock_label")), "Phạm Minh Chi"));
  body = view_text (body_view (editor));
  g_assert_nonnull (strstr (body, "Câu chưa lưu."));
  g_assert_true (toa_article_editor_get_has_unsaved_changes (editor));
  record = toa_recovery_load (recovery, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_nonnull (strstr (record->content->body, "Câu chưa lưu."));
  close_editor (editor);
}

static void
test_approved_warns_first (Newsroom      *n,
                           gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài đã duyệt");
  g_autoptr(ToaTransition) last = NULL;
  g_autoptr(GError) error = NULL;
  ToaArticleEditor *editor;

  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  editor = open_editor (n->store, "an");
  g_assert_true (toa_article_editor_load (editor, id, &error));
  g_assert_true (gtk_revealer_get_reveal_child (child (editor, "approved_bar")));
  g_assert_true (toa_article_editor_get_read_only (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.edit-anyway", NULL));
  g_assert_false (toa_article_editor_get_read_only (editor));
  type_text (body_view (editor), "\nSửa sau khi duyệt.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_DRAFT);
  last = last_transition (n, id);
  g_assert_cmpstr (last->action, ==, "void");
  close_editor (editor);
}

static void
test_read_only_database (Newsroom      *n,
                         gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài trên tệp chỉ đọc");
  g_autoptr(ToaStore) read_only = NULL;
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (NULL, n->path, "an");
  g_autoptr(ToaRecoveryRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  ToaArticleEditor *editor;
  GtkWindow *dialog;

  read_only = toa_store_open_full (n->path, TOA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  editor = open_editor (read_only, "an");
  g_assert_true (toa_article_editor_load (editor, id, &error));
  type_text (body_view (editor), "\nKhông được mất.");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);

  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could not save the article");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "can only be read"));
  answer (dialog, "close");
  body = view_text (body_view (editor));
  g_assert_nonnull (strstr (body, "Không được mất."));
  g_assert_true (toa_article_editor_get_has_unsaved_changes (editor));
  record = toa_recovery_load (recovery, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_nonnull (strstr (record->content->body, "Không được mất."));
  close_editor (editor);
}

static void
on_closed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  int *outcome = data;
  g_autoptr(GError) error = NULL;

  *outcome = toa_article_editor_close_finish (TOA_ARTICLE_EDITOR (source), result, &error) ? 1 : 0;
  g_assert_no_error (error);
}

static gboolean
outcome_known (gpointer data)
{
  return *(int *) data >= 0;
}

static void
test_close_asks (Newsroom      *n,
                 gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  gint64 id = write_article (editor, "Bài sắp đóng");
  g_autoptr(ToaLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  int outcome = -1;

  /* Nothing unsaved: closes at once and releases the lock. */
  toa_article_editor_close_async (editor, NULL, on_closed, &outcome);
  g_assert_true (toa_gui_test_wait (outcome_known, &outcome, 10));
  g_assert_cmpint (outcome, ==, 1);
  lock = toa_store_get_lock (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (lock);

  g_assert_true (toa_article_editor_load (editor, id, &error));
  type_title (editor, " (bản mới)");
  outcome = -1;
  toa_article_editor_close_async (editor, NULL, on_closed, &outcome);
  answer (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG), "cancel");
  g_assert_true (toa_gui_test_wait (outcome_known, &outcome, 10));
  g_assert_cmpint (outcome, ==, 0);
  g_assert_true (toa_article_editor_get_has_unsaved_changes (editor));

  outcome = -1;
  toa_article_editor_close_async (editor, NULL, on_closed, &outcome);
  answer (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG), "save");
  g_assert_true (toa_gui_test_wait (outcome_known, &outcome, 10));
  g_assert_cmpint (outcome, ==, 1);
  g_assert_cmpuint (count_revisions (n, id), ==, 2);
  close_editor (editor);
}

/* A real 1×1 PNG. */
static const guint8 png_1x1[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

static void
test_insert_image (Newsroom      *n,
                   gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài có ảnh");
  g_autofree char *path = g_build_filename (n->dir, "anh.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) media = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *src = NULL;
  ToaArticleEditor *editor = open_editor (n->store, "an");
  ToaArticleEditor *again;
  ToaBodyEditor *body;
  g_autofree char *shown = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) png_1x1, sizeof png_1x1, NULL));
  g_assert_true (toa_article_editor_load (editor, id, &error));
  body = TOA_BODY_EDITOR (gtk_widget_get_last_child (GTK_WIDGET (child (editor, "page_box"))));
  g_assert_true (toa_body_editor_insert_image_file (body, file));
  g_assert_true (toa_article_editor_get_has_unsaved_changes (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  media = toa_store_list_media (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (media->len, ==, 1);
  src = g_strdup_printf ("src=\"media:%" G_GINT64_FORMAT "\"", ((ToaMedia *) g_ptr_array_index (media, 0))->id);
  article = get_article (n, id);
  g_assert_nonnull (strstr (article->content->body, src));

  /* Reopened, the figure is there again and saves back unchanged. */
  again = open_editor (n->store, "an");
  g_assert_true (toa_article_editor_load (again, id, &error));
  shown = toa_body_editor_get_body (TOA_BODY_EDITOR (gtk_widget_get_last_child (GTK_WIDGET (child (again, "page_box")))));
  g_assert_cmpstr (shown, ==, article->content->body);
  close_editor (again);
  close_editor (editor);
}

/* The metadata panel and the body share the editor pane (issue 5) */

typedef struct
{
  ToaArticleEditor *editor;
  gboolean          folded;
} FoldWait;

static gboolean
fold_settled (gpointer data)
{
  FoldWait *wait = data;
  AdwFlap *flap = child (wait->editor, "flap");

  return adw_flap_get_folded (flap) == wait->folded &&
         adw_flap_get_reveal_flap (flap) == !wait->folded &&
         gtk_widget_get_width (GTK_WIDGET (wait->editor)) > 0;
}

/* Opens an editor pane @width px wide and waits until its flap is
 * (un)folded as @folded says, and closed exactly when folded. */
static ToaArticleEditor *
open_editor_at (Newsroom *n,
                int       width,
                gboolean  folded)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  FoldWait wait = { editor, folded };

  gtk_window_set_default_size (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (editor))), width, 720);
  toa_article_editor_start_new (editor);
  toa_gui_test_iterate_until (fold_settled, &wait);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), ==, width);
  return editor;
}

/* The header's "Article Details" toggle */
static GtkWidget *
find_details_button (GtkWidget *widget)
{
  for (GtkWidget *item = gtk_widget_get_first_child (widget); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (item) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (item), "Article Details") == 0)
        return item;
      found = find_details_button (item);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
flap_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) >= 280;
}

/* Three panes at 1270 px leave the editor ~660 px: the panel folds into
 * an overlay so the body keeps a readable width; with room it stays open. */
static void
test_details_fold_when_narrow (Newsroom      *n,
                               gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor_at (n, 660, TRUE);
  AdwFlap *flap = child (editor, "flap");
  GtkWidget *page_box = child (editor, "page_box");
  GtkWidget *details = adw_flap_get_flap (flap);
  int body_width = gtk_widget_get_width (page_box);

  g_assert_cmpint (body_width, >=, 440);
  g_assert_false (gtk_widget_get_mapped (details));

  /* The header's toggle opens it over the body, which keeps its width. */
  g_assert_nonnull (find_details_button (GTK_WIDGET (editor)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_details_button (GTK_WIDGET (editor)))));
  g_signal_emit_by_name (find_details_button (GTK_WIDGET (editor)), "clicked");
  g_assert_true (adw_flap_get_reveal_flap (flap));
  toa_gui_test_iterate_until (flap_shown, details);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_cmpint (gtk_widget_get_width (page_box), ==, body_width);
  close_editor (editor);

  /* An editor-only pane of 820 px, and a maximized 1920-px window. */
  editor = open_editor_at (n, 820, FALSE);
  g_assert_cmpint (gtk_widget_get_width (child (editor, "page_box")), >=, 440);
  g_assert_true (gtk_widget_get_mapped (adw_flap_get_flap (child (editor, "flap"))));
  close_editor (editor);

  editor = open_editor_at (n, 1200, FALSE);
  g_assert_cmpint (gtk_widget_get_width (child (editor, "page_box")), >=, 440);
  g_assert_true (gtk_widget_get_mapped (adw_flap_get_flap (child (editor, "flap"))));
  close_editor (editor);
}

/* Renders the pane to PNGs in the build directory, for people to look at. */
/* Into $TOASOAN_BUILD_DIR, for people to look at. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TOASOAN_BUILD_DIR"), name, NULL);

  g_assert_true (toa_gui_test_save_png (widget, path));
}

static void
test_snapshot (Newsroom      *n,
               gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (editor)));
  gint64 id = write_article (editor, "Sở Công Thương tổ chức hội nghị tổng kết công tác năm 2026");

  g_assert_cmpint (id, >, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  type_entry (editor, "tags_entry", "công nghiệp, hội nghị");
  adw_flap_set_reveal_flap (child (editor, "flap"), TRUE);
  save_png (window, "article-editor.png");
  close_editor (editor);
}

/* A new article in a narrow pane: the empty title shows its placeholder. */
static void
test_snapshot_new (Newsroom      *n,
                   gconstpointer  data)
{
  ToaArticleEditor *editor = open_editor (n->store, "an");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (editor)));

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 600);
  toa_article_editor_start_new (editor);
  assert_title (editor, "");
  g_assert_cmpstr (toa_title_view_get_placeholder_text (child (editor, "title_view")), ==, "Title");
  save_png (window, "article-editor-new.png");
  close_editor (editor);
}

/* The same in Vietnamese, as an approver who finds the article locked:
 * the longest strings of the pane. */
static void
test_snapshot_vietnamese (Newsroom      *n,
                          gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Sở Công Thương tổ chức hội nghị tổng kết công tác năm 2026");
  g_autoptr(GError) error = NULL;
  ToaArticleEditor *editor;
  GtkWidget *window;

  newsroom_act (n, id, "submit", "an", NULL);
  g_assert_true (toa_store_lock_article (n->store, id, "binh", "may-binh", &error));
  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");

  editor = open_editor (n->store, "chi");
  window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (editor)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  g_assert_true (toa_article_editor_load (editor, id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gtk_label_get_label (child (editor, "lock_label")), "Đang được chỉnh sửa bởi Lê Thị Bình"));
  g_assert_nonnull (strstr (toa_workflow_bar_get_status_text (child (editor, "workflow_bar")),
                            "gửi bởi Nguyễn Văn An lúc"));
  save_png (window, "article-editor-vi.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_png (window, "article-editor-vi-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  close_editor (editor);

  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
}

/* A paste from Word goes through the core's import pipeline: what is
 * stored is exactly the pipeline's canonical body for that clipboard. */
static void
test_paste_word (Newsroom      *n,
                 gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài dán từ Word");
  g_autofree char *html_path = toa_test_source_path ("tests/fixtures/import/word-clipboard.html");
  g_autofree char *body_path = toa_test_source_path ("tests/fixtures/import/word-clipboard.body");
  g_autofree char *html = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  ToaArticleEditor *editor = open_editor (n->store, "an");
  ToaBodyEditor *body;
  gsize len = 0;

  g_assert_true (g_file_get_contents (html_path, &html, &len, NULL));
  g_assert_true (g_file_get_contents (body_path, &expected, NULL, NULL));
  g_strchomp (expected);
  g_assert_true (toa_article_editor_load (editor, id, &error));
  body = TOA_BODY_EDITOR (gtk_widget_get_last_child (GTK_WIDGET (child (editor, "page_box"))));
  g_assert_true (toa_body_editor_set_body (body, "", &error));
  toa_body_editor_paste_html (body, html, len);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  article = get_article (n, id);
  g_assert_cmpstr (article->content->body, ==, expected);
  g_assert_null (strstr (article->content->body, "Mso"));
  close_editor (editor);
}

/* The application loads its style sheet; these panes run without one. */
static void
load_styles (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static const char *
selected_string (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

/* A renamed category stays the article's in the editor (its revisions keep
 * the old name), and a save keeps it; retired ones are marked. */
static void
test_category_renamed_and_retired (Newsroom      *n,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = newsroom_article (n, "an", "Hội nghị khuyến công");
  gint64 news = newsroom_sql_int (n->path, "SELECT id FROM categories WHERE name = 'Tin tức'");
  gint64 notices = newsroom_sql_int (n->path, "SELECT id FROM categories WHERE name = 'Thông báo'");
  ToaArticleEditor *editor;
  GtkDropDown *categories;
  g_autoptr(ToaArticle) saved = NULL;
  GListModel *labels;
  gboolean marked = FALSE;

  g_assert_true (toa_store_update_category (n->store, "quan", news, "Tin tức - Sự kiện", &error));
  g_assert_no_error (error);
  g_assert_true (toa_store_set_category_retired (n->store, "quan", notices, TRUE, &error));
  g_assert_no_error (error);

  editor = open_editor (n->store, "an");
  g_assert_true (toa_article_editor_load (editor, id, &error));
  g_assert_no_error (error);
  categories = child (editor, "category_dropdown");
  g_assert_cmpstr (selected_string (categories), ==, "Tin tức - Sự kiện");

  labels = gtk_drop_down_get_model (categories);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);

      if (g_strcmp0 (gtk_string_object_get_string (label), "Thông báo (retired)") == 0)
        marked = TRUE;
    }
  g_assert_true (marked);

  type_text (body_view (editor), "\nĐoạn bổ sung.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  saved = get_article (n, id);
  g_assert_cmpint (saved->category_id, ==, news);
  g_assert_cmpstr (saved->content->category, ==, "Tin tức - Sự kiện");
  close_editor (editor);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = toa_test_make_tmpdir ();
  int status;

  /* Recovery records go below $XDG_STATE_HOME: keep them in the test's
   * directory (GLib reads it once, so before anything else). */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  toa_core_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  load_styles ();

#define ADD(path, func) \
  g_test_add ("/article-editor/" path, Newsroom, NULL, newsroom_setup, func, newsroom_teardown)
  ADD ("create-save-reopen", test_create_save_reopen);
  ADD ("long-title-wraps", test_long_title_wraps);
  ADD ("title-has-no-newlines", test_title_has_no_newlines);
  ADD ("invalid-date-keeps-text", test_invalid_date_keeps_text);
  ADD ("submit-from-workflow-bar", test_submit_from_workflow_bar);
  ADD ("return-requires-comment", test_return_requires_comment);
  ADD ("conflict-keep-both", test_conflict_keep_both);
  ADD ("conflict-discard-mine", test_conflict_discard_mine);
  ADD ("autosave-and-restore", test_autosave_and_restore);
  ADD ("restore-existing-article", test_restore_existing_article);
  ADD ("locked-by-other", test_locked_by_other);
  ADD ("lock-taken-over", test_lock_taken_over);
  ADD ("approved-warns-first", test_approved_warns_first);
  ADD ("read-only-database", test_read_only_database);
  ADD ("close-asks", test_close_asks);
  ADD ("insert-image", test_insert_image);
  ADD ("paste-word", test_paste_word);
  ADD ("details-fold-when-narrow", test_details_fold_when_narrow);
  ADD ("snapshot", test_snapshot);
  ADD ("snapshot-new", test_snapshot_new);
  ADD ("snapshot-vietnamese", test_snapshot_vietnamese);
  ADD ("category-renamed-and-retired", test_category_renamed_and_retired);
#undef ADD

  status = g_test_run ();
  toa_test_remove_tree (state);
  return status;
}
