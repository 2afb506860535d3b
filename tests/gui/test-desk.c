/* test-desk.c — the main window's desk: views, counts, list, search, live
 * refresh and the first run, driven through actions under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "toa-gui-test-utils.h"
#include "toa-application.h"
#include "toa-article-editor.h"
#include "toa-article-list-model.h"
#include "toa-article-row.h"
#include "toa-core.h"
#include "toa-demo.h"
#include "toa-recovery.h"
#include "toa-review.h"
#include "toa-store-errors.h"
#include "toa-test-utils.h"
#include "toa-welcome.h"
#include "toa-window.h"

static ToaApplication *app;

typedef struct
{
  char      *dir;
  char      *path;
  ToaWindow *window;
} Desk;

/* Main loop helpers */

typedef gboolean (*Condition) (gpointer data);

static gpointer
template_child (ToaWindow  *window,
                const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), TOA_TYPE_WINDOW, name);
}

/* Fixtures */

static void
desk_setup_empty (Desk          *d,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  d->dir = toa_test_make_tmpdir ();
  d->path = g_build_filename (d->dir, "toasoan.db", NULL);
  g_assert_true (toa_application_open_store (app, d->path, &error));
  g_assert_no_error (error);
  toa_application_set_login (app, data != NULL ? data : "dvkhoa");
}

static void
open_window (Desk *d)
{
  d->window = toa_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (d->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (d->window));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, d->window);
}

static void
desk_setup_demo (Desk          *d,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  desk_setup_empty (d, data);
  g_assert_true (toa_demo_load (toa_application_get_store (app), NULL, &error));
  g_assert_no_error (error);
  open_window (d);
}

static void
desk_teardown (Desk          *d,
               gconstpointer  data)
{
  if (d->window != NULL)
    gtk_window_destroy (GTK_WINDOW (d->window));
  toa_application_set_login (app, NULL);
  toa_test_remove_tree (d->dir);
  g_free (d->path);
  g_free (d->dir);
}

/* What the store says, to compare with what the window shows */

static gint64
store_count (guint       status_mask,
             const char *author,
             const char *waiting_for,
             const char *text)
{
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 count;

  query->status_mask = status_mask;
  query->author = g_strdup (author);
  query->waiting_for = g_strdup (waiting_for);
  query->text = g_strdup (text);
  count = toa_store_count_articles (toa_application_get_store (app), query, &error);
  g_assert_no_error (error);
  return count;
}

#define BIT(s) TOA_STATUS_BIT (TOA_ARTICLE_STATUS_##s)
#define ACTIVE (BIT (DRAFT) | BIT (SUBMITTED) | BIT (APPROVED) | BIT (PUBLISHED))

typedef struct { ToaWindow *window; const char *view; char *expected; } CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return g_strcmp0 (toa_window_get_view_count (wait->window, wait->view), wait->expected) == 0;
}

/* Counts arrive from a worker thread: wait for them, a few seconds at most. */
static void
assert_count_label (ToaWindow  *window,
                    const char *view,
                    gint64      expected)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, expected);
  CountWait wait = { window, view, text };

  if (!toa_gui_test_wait (count_is, &wait, 5))
    g_assert_cmpstr (toa_window_get_view_count (window, view), ==, text);
}

static guint
n_rows (ToaWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (toa_window_get_list_model (window)));
}

static ToaArticleItem *
row_item (ToaWindow *window,
          guint      position)
{
  return g_list_model_get_item (G_LIST_MODEL (toa_window_get_list_model (window)), position);
}

static void
show_view (ToaWindow  *window,
           const char *view)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", view));
  g_assert_cmpstr (toa_window_get_view (window), ==, view);
}

/* Tests */

static void
test_welcome_demo (Desk          *d,
                   gconstpointer  data)
{
  GtkWidget *welcome;

  open_window (d);
  g_assert_cmpstr (toa_window_get_page (d->window), ==, "welcome");

  welcome = toa_gui_test_find_descendant (GTK_WIDGET (d->window), TOA_TYPE_WELCOME);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_activate_action (welcome, "welcome.load-demo", NULL));

  g_assert_cmpstr (toa_window_get_page (d->window), ==, "desk");
  g_assert_cmpint (store_count (BIT (DRAFT), NULL, NULL, NULL), >, 0);
  assert_count_label (d->window, "submitted", store_count (BIT (SUBMITTED), NULL, NULL, NULL));
  assert_count_label (d->window, "approved", store_count (BIT (APPROVED), NULL, NULL, NULL));
  assert_count_label (d->window, "published", store_count (BIT (PUBLISHED), NULL, NULL, NULL));
  assert_count_label (d->window, "archived", store_count (BIT (ARCHIVED), NULL, NULL, NULL));
  assert_count_label (d->window, "all", store_count (ACTIVE, NULL, NULL, NULL));
  g_assert_cmpuint (n_rows (d->window), ==, store_count (ACTIVE, NULL, NULL, NULL));
}

static void
test_welcome_office (Desk          *d,
                     gconstpointer  data)
{
  g_autoptr(ToaUser) user = NULL;
  GtkWidget *welcome;
  GtkEditable *code, *name, *full_name;
  AdwWindowTitle *title;

  open_window (d);
  welcome = toa_gui_test_find_descendant (GTK_WIDGET (d->window), TOA_TYPE_WELCOME);
  g_assert_true (gtk_widget_activate_action (welcome, "welcome.show-setup", NULL));

  code = GTK_EDITABLE (gtk_widget_get_template_child (welcome, TOA_TYPE_WELCOME, "office_code_row"));
  name = GTK_EDITABLE (gtk_widget_get_template_child (welcome, TOA_TYPE_WELCOME, "office_name_row"));
  full_name = GTK_EDITABLE (gtk_widget_get_template_child (welcome, TOA_TYPE_WELCOME, "full_name_row"));

  /* Empty fields: refused with a message, nothing created. */
  gtk_editable_set_text (full_name, "");
  g_assert_true (gtk_widget_activate_action (welcome, "welcome.create-office", NULL));
  g_assert_cmpstr (toa_window_get_page (d->window), ==, "welcome");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (welcome, TOA_TYPE_WELCOME,
                                                                                    "setup_error_label"))));

  gtk_editable_set_text (code, "qlcn");
  gtk_editable_set_text (name, "Phòng Quản lý Công nghiệp");
  gtk_editable_set_text (full_name, "Đặng Văn Khoa");
  g_assert_true (gtk_widget_activate_action (welcome, "welcome.create-office", NULL));
  g_assert_cmpstr (toa_window_get_page (d->window), ==, "desk");

  user = toa_store_get_user (toa_application_get_store (app), "dvkhoa", NULL);
  g_assert_nonnull (user);
  g_assert_cmpstr (user->office, ==, "QLCN");
  g_assert_true (user->roles & TOA_ROLE_ADMIN);

  /* The header bar names the user and the office. */
  title = template_child (d->window, "sidebar_title");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Đặng Văn Khoa · P. QLCN");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (d->window, "list_stack")), ==, "empty");
}

static void
test_counts_and_views (Desk          *d,
                       gconstpointer  data)
{
  struct { const char *view; guint mask; } views[] = {
    { "submitted", BIT (SUBMITTED) },
    { "approved", BIT (APPROVED) },
    { "published", BIT (PUBLISHED) },
    { "archived", BIT (ARCHIVED) },
    { "all", ACTIVE },
  };

  /* No unsaved text from an earlier session: nothing offered. */
  g_assert_cmpint (toa_window_get_recovered_article (d->window), ==, 0);

  /* dvkhoa approves for QLCN: the waiting view is his. */
  g_assert_true (gtk_widget_get_visible (toa_window_get_view_row (d->window, "waiting")));
  assert_count_label (d->window, "waiting", store_count (BIT (SUBMITTED), NULL, "dvkhoa", NULL));
  g_assert_cmpint (store_count (BIT (SUBMITTED), NULL, "dvkhoa", NULL), >, 0);
  assert_count_label (d->window, "mine", store_count (BIT (DRAFT), "dvkhoa", NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gint64 expected = store_count (views[i].mask, NULL, NULL, NULL);

      assert_count_label (d->window, views[i].view, expected);
      show_view (d->window, views[i].view);
      g_assert_cmpuint (n_rows (d->window), ==, expected);
      for (guint r = 0; r < n_rows (d->window); r++)
        {
          g_autoptr(ToaArticleItem) item = row_item (d->window, r);

          g_assert_true (views[i].mask & TOA_STATUS_BIT (toa_article_item_get_article (item)->status));
        }
    }

  show_view (d->window, "waiting");
  g_assert_cmpuint (n_rows (d->window), ==, store_count (BIT (SUBMITTED), NULL, "dvkhoa", NULL));
  for (guint r = 0; r < n_rows (d->window); r++)
    {
      g_autoptr(ToaArticleItem) item = row_item (d->window, r);

      g_assert_cmpstr (toa_article_item_get_article (item)->office, ==, "QLCN");
    }
}

static gint64 add_article (ToaStore   *store,
                          const char *title,
                          const char *author,
                          const char *office);

static gboolean
rows_at_least (gpointer data)
{
  void **args = data;

  return n_rows (args[0]) >= GPOINTER_TO_UINT (args[1]);
}

static gboolean
first_row_counts (gpointer data)
{
  void **args = data;
  GtkWidget *row = toa_gui_test_find_descendant (GTK_WIDGET (template_child (args[0], "article_list")), TOA_TYPE_ARTICLE_ROW);

  return row != NULL && g_strcmp0 (toa_article_row_get_unresolved_text (TOA_ARTICLE_ROW (row)), args[1]) == 0;
}

/* The waiting view: who has waited longest first, each row saying how
 * long, and unresolved comments counted on the row. */
static void
test_waiting_queue (Desk          *d,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleItem) first = NULL;
  ToaStore *store = toa_application_get_store (app);
  GtkWidget *row;
  gint64 previous = 0;
  void *args[2];
  gint64 newest;
  guint before;

  show_view (d->window, "waiting");
  before = n_rows (d->window);
  g_assert_cmpuint (before, >, 0);
  /* Submitted just now: it waited least, so it comes last. */
  newest = add_article (store, "Bài vừa gửi duyệt", "lthuha", "QLCN");
  toa_store_transition (store, newest, "submit", "lthuha", NULL, &error);
  g_assert_no_error (error);
  toa_window_refresh (d->window);
  args[0] = d->window;
  args[1] = GUINT_TO_POINTER (before + 1);
  g_assert_true (toa_gui_test_wait (rows_at_least, args, 5));
  {
    g_autoptr(ToaArticleItem) last = row_item (d->window, before);

    g_assert_cmpint (toa_article_item_get_id (last), ==, newest);
  }
  for (guint r = 0; r < n_rows (d->window); r++)
    {
      g_autoptr(ToaArticleItem) item = row_item (d->window, r);

      g_assert_cmpint (toa_article_item_get_article (item)->updated, >=, previous);
      previous = toa_article_item_get_article (item)->updated;
    }

  row = toa_gui_test_find_descendant (GTK_WIDGET (template_child (d->window, "article_list")), TOA_TYPE_ARTICLE_ROW);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (toa_article_row_get_time_text (TOA_ARTICLE_ROW (row)), "waiting "));

  first = row_item (d->window, 0);
  g_assert_cmpint (toa_store_count_unresolved_comments (store, toa_article_item_get_id (first), NULL), ==, 0);
  g_assert_cmpstr (toa_article_row_get_unresolved_text (TOA_ARTICLE_ROW (row)), ==, "");
  toa_store_add_comment (store, toa_article_item_get_id (first), "dvkhoa", "Kiểm tra lại số liệu.", &error);
  g_assert_no_error (error);
  toa_store_add_comment (store, toa_article_item_get_id (first), "dvkhoa", "Thiếu chú thích ảnh.", &error);
  g_assert_no_error (error);
  toa_window_refresh (d->window);
  args[0] = d->window;
  args[1] = "2 unresolved comments";
  g_assert_true (toa_gui_test_wait (first_row_counts, args, 5));
}

static void
test_author_views (Desk          *d,
                   gconstpointer  data)
{
  AdwWindowTitle *title = template_child (d->window, "sidebar_title");

  /* lthuha writes and does not approve: no waiting view. */
  g_assert_false (gtk_widget_get_visible (toa_window_get_view_row (d->window, "waiting")));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Lê Thu Hà · P. QLCN");

  show_view (d->window, "mine");
  g_assert_cmpuint (n_rows (d->window), >, 0);
  g_assert_cmpuint (n_rows (d->window), ==, store_count (BIT (DRAFT), "lthuha", NULL, NULL));
  for (guint r = 0; r < n_rows (d->window); r++)
    {
      g_autoptr(ToaArticleItem) item = row_item (d->window, r);

      g_assert_cmpstr (toa_article_item_get_article (item)->author, ==, "lthuha");
      g_assert_cmpint (toa_article_item_get_article (item)->status, ==, TOA_ARTICLE_STATUS_DRAFT);
    }

  /* The list widget shows the rows: the first row's title is on screen. */
  {
    GtkWidget *row = toa_gui_test_find_descendant (GTK_WIDGET (template_child (d->window, "article_list")),
                                      TOA_TYPE_ARTICLE_ROW);
    g_autoptr(ToaArticleItem) item = row_item (d->window, 0);

    g_assert_nonnull (row);
    g_assert_cmpstr (toa_article_row_get_title (TOA_ARTICLE_ROW (row)), ==,
                     toa_article_item_get_article (item)->content->title);
    /* The author by name, with the office. */
    g_assert_cmpstr (toa_article_row_get_meta_text (TOA_ARTICLE_ROW (row)), ==, "Lê Thu Hà · P. QLCN");
  }
}

static gint64
add_article (ToaStore   *store,
             const char *title,
             const char *author,
             const char *office)
{
  g_autoptr(ToaArticleContent) content = toa_article_content_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  content->title = g_strdup (title);
  content->lead = g_strdup ("Một bài viết để thử.");
  content->body = g_strdup ("<p>Nội dung bài viết.</p>");
  id = toa_store_create_article (store, office, content, author, &error);
  g_assert_no_error (error);
  return id;
}

typedef struct { ToaWindow *window; guint n; } RowWait;

static gboolean
rows_are (gpointer data)
{
  RowWait *wait = data;

  return n_rows (wait->window) == wait->n;
}

static void
test_search (Desk          *d,
             gconstpointer  data)
{
  GtkEditable *entry = template_child (d->window, "search_entry");
  GtkSearchBar *bar = template_child (d->window, "search_bar");
  g_autoptr(ToaArticleItem) item = NULL;
  RowWait wait = { d->window, 1 };
  gint64 id;
  guint before;

  id = add_article (toa_application_get_store (app), "Hội chợ hàng Việt tại Đồng Tháp", "lthuha", "QLCN");
  toa_window_refresh (d->window);
  show_view (d->window, "all");
  before = n_rows (d->window);

  /* Ctrl+F's action opens the bar and focuses the entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  /* Folded: no tone marks, no đ. Results arrive as one types (debounced). */
  gtk_editable_set_text (entry, "dong thap");
  toa_gui_test_iterate_until (rows_are, &wait);
  item = row_item (d->window, 0);
  g_assert_cmpint (toa_article_item_get_id (item), ==, id);

  wait.n = 0;
  gtk_editable_set_text (entry, "khong co tu nay xyzw");
  toa_gui_test_iterate_until (rows_are, &wait);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (d->window, "list_stack")), ==,
                   "no-results");

  wait.n = before;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.clear-filters", NULL));
  toa_gui_test_iterate_until (rows_are, &wait);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
}

/* Saves the first draft listed again, as its author: it was changed
 * just now. Returns its id. */
static gint64
touch_draft (ToaWindow *window)
{
  ToaStore *store = toa_application_get_store (app);
  g_autoptr(GError) error = NULL;

  for (guint r = 0; r < n_rows (window); r++)
    {
      g_autoptr(ToaArticleItem) item = row_item (window, r);
      const ToaArticle *listed = toa_article_item_get_article (item);
      g_autoptr(ToaArticle) article = NULL;

      if (listed->status != TOA_ARTICLE_STATUS_DRAFT)
        continue;
      article = toa_store_get_article (store, listed->id, &error);
      g_assert_no_error (error);
      g_assert_true (toa_store_save_revision (store, article->id, article->version, article->content,
                                              article->author, NULL, &error));
      g_assert_no_error (error);
      return article->id;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_filters (Desk          *d,
              gconstpointer  data)
{
  GtkDropDown *office = template_child (d->window, "office_dropdown");
  GtkDropDown *date = template_child (d->window, "date_dropdown");
  GListModel *offices = gtk_drop_down_get_model (office);
  guint qltm = GTK_INVALID_LIST_POSITION;
  guint all, office_rows;
  gint64 touched, cutoff;
  gboolean found;

  show_view (d->window, "all");
  all = n_rows (d->window);

  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (offices), i), "Phòng Quản lý Thương mại") == 0)
      qltm = i;
  g_assert_cmpuint (qltm, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (office, qltm);
  g_assert_cmpuint (n_rows (d->window), >, 0);
  g_assert_cmpuint (n_rows (d->window), <, all);
  for (guint r = 0; r < n_rows (d->window); r++)
    {
      g_autoptr(ToaArticleItem) item = row_item (d->window, r);

      g_assert_cmpstr (toa_article_item_get_article (item)->office, ==, "QLTM");
    }

  /* The demo's articles are dated back from their events: one draft is
   * saved again now, so that "today" keeps it and drops the old ones. */
  touched = touch_draft (d->window);
  office_rows = n_rows (d->window);
  gtk_drop_down_set_selected (date, 1);
  g_assert_cmpuint (n_rows (d->window), >, 0);
  cutoff = g_get_real_time () - G_TIME_SPAN_DAY;
  found = FALSE;
  for (guint r = 0; r < n_rows (d->window); r++)
    {
      g_autoptr(ToaArticleItem) item = row_item (d->window, r);
      const ToaArticle *article = toa_article_item_get_article (item);

      g_assert_cmpstr (article->office, ==, "QLTM");
      g_assert_cmpint (article->updated, >=, cutoff);
      found |= article->id == touched;
    }
  g_assert_true (found);
  g_assert_cmpuint (n_rows (d->window), <=, office_rows);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.clear-filters", NULL));
  g_assert_cmpuint (n_rows (d->window), ==, all);
}

/* Another process (here: another connection) changes the database; the
 * window notices within two seconds, and keeps the selected article. */
static void
test_live_refresh (Desk          *d,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaStore) other = toa_store_open (d->path, &error);
  GtkSingleSelection *selection;
  g_autoptr(ToaArticleItem) selected = NULL;
  gint64 selected_id;
  gint64 submitted_id = 0;
  CountWait wait = { d->window, "all", NULL };
  gint64 before;

  g_assert_no_error (error);
  show_view (d->window, "all");
  before = store_count (ACTIVE, NULL, NULL, NULL);

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (template_child (d->window, "article_list")));
  gtk_single_selection_set_selected (selection, 2);
  selected = g_object_ref (gtk_single_selection_get_selected_item (selection));
  selected_id = toa_article_item_get_id (selected);

  add_article (other, "Bài viết từ một máy khác", "pminhtuan", "QLTM");

  wait.expected = g_strdup_printf ("%" G_GINT64_FORMAT, before + 1);
  g_assert_true (toa_gui_test_wait (count_is, &wait, 2));
  g_free (wait.expected);
  g_assert_cmpuint (n_rows (d->window), ==, before + 1);
  g_assert_cmpint (toa_article_item_get_id (gtk_single_selection_get_selected_item (selection)), ==,
                   selected_id);

  /* A transition elsewhere moves an article between views. */
  for (guint r = 0; r < n_rows (d->window) && submitted_id == 0; r++)
    {
      g_autoptr(ToaArticleItem) item = row_item (d->window, r);
      const ToaArticle *article = toa_article_item_get_article (item);

      if (article->status == TOA_ARTICLE_STATUS_SUBMITTED && g_strcmp0 (article->office, "QLCN") == 0)
        submitted_id = article->id;
    }
  g_assert_cmpint (submitted_id, >, 0);

  wait.view = "approved";
  wait.expected = g_strdup_printf ("%" G_GINT64_FORMAT, store_count (BIT (APPROVED), NULL, NULL, NULL) + 1);
  toa_store_transition (other, submitted_id, "approve", "dvkhoa", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (toa_gui_test_wait (count_is, &wait, 2));
  g_free (wait.expected);
  g_assert_cmpint (toa_article_item_get_id (gtk_single_selection_get_selected_item (selection)), ==,
                   selected_id);
}

/* The store commits (and syncs) each article: 20,000 of them through the
 * API take minutes on these disks. So the API writes a hundred, and one SQL
 * transaction copies their rows, each copy older than the last, the way a
 * bulk import would. Only the articles table is copied: what lists read. */
static void
multiply_articles (const char *path,
                   guint       copies)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  sql = g_strdup_printf ("BEGIN;"
                         "WITH RECURSIVE copy (c) AS (SELECT 1 UNION ALL SELECT c + 1 FROM copy WHERE c < %u) "
                         "INSERT INTO articles (office, category_id, status, current_revision, author, "
                         "                      version, created, updated) "
                         "SELECT a.office, a.category_id, a.status, a.current_revision, a.author, 1, "
                         "       a.created - copy.c * 1000000000, a.updated - copy.c * 1000000000 "
                         "FROM articles a, copy;"
                         "COMMIT;", copies - 1);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

static gboolean
recovery_offered (gpointer data)
{
  ToaArticleEditor *editor = data;
  GtkRevealer *bar = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                  TOA_TYPE_ARTICLE_EDITOR, "recovery_bar"));

  return gtk_revealer_get_reveal_child (bar);
}

/* After a crash, the text that was not saved is offered at start: the
 * window names it and opens its article, whose editor offers it back. */
static void
test_recovered_text_offered (Desk          *d,
                             gconstpointer  data)
{
  ToaStore *store = toa_application_get_store (app);
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(ToaRecovery) recovery = NULL;
  g_autoptr(ToaRecoveryRecord) record = g_new0 (ToaRecoveryRecord, 1);
  g_autoptr(GError) error = NULL;
  const ToaArticle *article;
  g_autofree char *body = NULL;
  GtkWidget *editor;

  g_assert_true (toa_demo_load (store, NULL, &error));
  g_assert_no_error (error);
  query->office = g_strdup ("QLCN");
  query->status_mask = BIT (DRAFT);
  drafts = toa_store_list_articles (store, query, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  article = g_ptr_array_index (drafts, 0);

  /* What the editor autosaved before the computer went off. */
  recovery = toa_recovery_new (NULL, d->path, "dvkhoa");
  record->article_id = article->id;
  record->base_version = article->version;
  record->saved = g_get_real_time ();
  record->office = g_strdup (article->office);
  {
    g_autoptr(ToaArticle) full = toa_store_get_article (store, article->id, &error);

    g_assert_no_error (error);
    record->content = toa_article_content_copy (full->content);
  }
  body = g_strconcat (record->content->body, "<p>Đoạn viết thêm trước khi máy tắt.</p>", NULL);
  g_free (record->content->body);
  record->content->body = g_steal_pointer (&body);
  g_assert_true (toa_recovery_save (recovery, record, &error));
  g_assert_no_error (error);

  open_window (d);
  g_assert_cmpint (toa_window_get_recovered_article (d->window), ==, article->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.open-recovered", NULL));
  editor = toa_gui_test_find_descendant (GTK_WIDGET (d->window), TOA_TYPE_ARTICLE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpint (toa_article_editor_get_article_id (TOA_ARTICLE_EDITOR (editor)), ==, article->id);
  toa_gui_test_iterate_until (recovery_offered, editor);

  g_assert_true (toa_recovery_discard (recovery, article->id, &error));
}

/* The first page and the two read ahead of it are in memory. */
static gboolean
pages_cached (gpointer data)
{
  return toa_article_list_model_get_cached_rows (data) >= 3 * TOA_ARTICLE_LIST_PAGE_SIZE;
}

/* A large database: the list model reads one page per screenful, not the
 * table. */
static void
test_large_database_is_lazy (Desk          *d,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ToaStore *store = toa_application_get_store (app);
  g_autoptr(ToaArticleListModel) model = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  guint seeds = 100;
  guint n = 20000;
  gint64 start = g_get_monotonic_time ();
  guint queries;

  g_assert_true (toa_setup_first_office (store, "QLCN", "Phòng Quản lý Công nghiệp", "dvkhoa",
                                         "Đặng Văn Khoa", &error));
  for (guint i = 0; i < seeds; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bài viết số %u", i);

      add_article (store, title, "dvkhoa", "QLCN");
    }
  multiply_articles (d->path, n / seeds);
  g_test_message ("%u articles written in %.1f s", n,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  model = toa_article_list_model_new (store);
  toa_article_list_model_set_query (model, query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  /* Knowing the size takes one count, no rows. */
  g_assert_cmpuint (toa_article_list_model_get_query_count (model), ==, 1);
  g_assert_cmpuint (toa_article_list_model_get_cached_rows (model), ==, 0);

  /* The first screenful: one page. */
  for (guint i = 0; i < 20; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_cmpuint (toa_article_list_model_get_query_count (model), ==, 2);

  /* A jump to the end reads the last page only. */
  {
    g_autoptr(ToaArticleItem) last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);

    g_assert_cmpuint (toa_article_list_model_get_query_count (model), ==, 3);
    g_assert_cmpstr (toa_article_item_get_article (last)->content->title, ==, "Bài viết số 0");
  }

  /* Past the middle of a page, the next pages are read when the main loop
   * is idle, not when their rows are first asked for. */
  {
    g_autoptr(ToaArticleListModel) ahead = toa_article_list_model_new (store);
    const guint read_ahead = 2;

    toa_article_list_model_set_query (ahead, query);
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (ahead), TOA_ARTICLE_LIST_PAGE_SIZE - 10));
    g_assert_cmpuint (toa_article_list_model_get_query_count (ahead), ==, 2);
    g_assert_cmpuint (toa_article_list_model_get_cached_rows (ahead), ==, TOA_ARTICLE_LIST_PAGE_SIZE);
    toa_gui_test_iterate_until (pages_cached, ahead);
    g_assert_cmpuint (toa_article_list_model_get_cached_rows (ahead), ==,
                      (1 + read_ahead) * TOA_ARTICLE_LIST_PAGE_SIZE);
    g_assert_cmpuint (toa_article_list_model_get_query_count (ahead), ==, 2 + read_ahead);
    for (guint i = TOA_ARTICLE_LIST_PAGE_SIZE; i < (1 + read_ahead) * TOA_ARTICLE_LIST_PAGE_SIZE; i++)
      {
        g_autoptr(ToaArticleItem) item = g_list_model_get_item (G_LIST_MODEL (ahead), i);
        g_autoptr(ToaArticleItem) same = g_list_model_get_item (G_LIST_MODEL (model), i);

        g_assert_cmpint (toa_article_item_get_id (item), ==, toa_article_item_get_id (same));
      }
    /* Reading those rows found them in memory. */
    g_assert_cmpuint (toa_article_list_model_get_query_count (ahead), ==, 2 + read_ahead);
  }

  /* Scrolling upwards reads the pages before, not those after. */
  {
    g_autoptr(ToaArticleListModel) up = toa_article_list_model_new (store);
    const guint page = 10;

    toa_article_list_model_set_query (up, query);
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (up), page * TOA_ARTICLE_LIST_PAGE_SIZE + 30));
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (up), page * TOA_ARTICLE_LIST_PAGE_SIZE + 10));
    toa_gui_test_iterate_until (pages_cached, up);
    g_assert_cmpuint (toa_article_list_model_get_query_count (up), ==, 1 + 1 + 2);
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (up), (page - 2) * TOA_ARTICLE_LIST_PAGE_SIZE + 40));
    g_assert_cmpuint (toa_article_list_model_get_query_count (up), ==, 1 + 1 + 2);
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (up), (page + 1) * TOA_ARTICLE_LIST_PAGE_SIZE));
    g_assert_cmpuint (toa_article_list_model_get_query_count (up), ==, 1 + 1 + 2 + 1);
  }

  /* Scrolling everything reads each page once and keeps a bounded cache. */
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  queries = toa_article_list_model_get_query_count (model);
  g_assert_cmpuint (queries, <=, 3 + n / TOA_ARTICLE_LIST_PAGE_SIZE);
  g_assert_cmpuint (toa_article_list_model_get_cached_rows (model), <=, 10 * TOA_ARTICLE_LIST_PAGE_SIZE);

  /* The window on the same database maps without reading the table. */
  open_window (d);
  queries = toa_article_list_model_get_query_count (toa_window_get_list_model (d->window));
  g_test_message ("window mapped after %u list queries", queries);
  /* One count, then the pages of the rows GTK 4.8's list view prepares:
   * about 200 around the visible ones, never the 400 pages of the table. */
  g_assert_cmpuint (queries, >=, 2);
  g_assert_cmpuint (queries, <=, 1 + 256 / TOA_ARTICLE_LIST_PAGE_SIZE + 1);
  assert_count_label (d->window, "all", n);
}

/* A refresh keeps item identities for rows that show the same article. */
static void
test_refresh_keeps_items (Desk          *d,
                          gconstpointer  data)
{
  ToaStore *store = toa_application_get_store (app);
  g_autoptr(ToaArticleListModel) model = toa_article_list_model_new (store);
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(ToaArticleItem) first = NULL;
  g_autoptr(ToaArticleItem) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  guint position = 0;

  toa_article_list_model_set_query (model, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);

  add_article (store, "Bài mới nhất", "lthuha", "QLCN");
  g_assert_true (toa_article_list_model_refresh (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n + 1);

  /* The old first article moved down one place, as the same object. */
  g_assert_true (toa_article_list_model_find (model, toa_article_item_get_id (first), &position));
  g_assert_cmpuint (position, ==, 1);
  again = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (again == first);
}

typedef struct { ToaWindow *window; gint64 id; } EditorWait;

static gboolean
editor_shows (gpointer data)
{
  EditorWait *wait = data;
  GtkStack *stack = template_child (wait->window, "editor_stack");
  GtkWidget *scroller = gtk_stack_get_child_by_name (stack, "editor");
  GtkWidget *editor = scroller != NULL ? toa_gui_test_find_descendant (scroller, TOA_TYPE_ARTICLE_EDITOR) : NULL;
  gint64 id = -1;

  if (editor == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (stack), "editor") != 0)
    return FALSE;
  g_object_get (editor, "article-id", &id, NULL);
  return id == wait->id;
}

/* Choosing a row opens its article in the editor pane; New Article opens
 * an empty one; the pane follows each choice through close_async. */
static void
test_editor_follows_selection (Desk          *d,
                               gconstpointer  data)
{
  GtkSingleSelection *selection;
  EditorWait wait = { d->window, 0 };

  show_view (d->window, "all");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (d->window, "editor_stack")), ==, "none");

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (template_child (d->window, "article_list")));
  for (guint r = 0; r < 3; r++)
    {
      g_autoptr(ToaArticleItem) item = row_item (d->window, r);

      gtk_single_selection_set_selected (selection, r);
      wait.id = toa_article_item_get_id (item);
      toa_gui_test_iterate_until (editor_shows, &wait);
      g_assert_cmpstr (adw_window_title_get_title (template_child (d->window, "editor_title")), ==,
                       toa_article_item_get_article (item)->content->title);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.new-article", NULL));
  wait.id = 0;
  toa_gui_test_iterate_until (editor_shows, &wait);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
}

static gboolean
leaflet_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

/* A phone-sized window shows one pane at a time and moves between them. */
static void
test_narrow_window (Desk          *d,
                    gconstpointer  data)
{
  AdwLeaflet *leaflet = template_child (d->window, "leaflet");
  GtkSingleSelection *selection;
  g_autoptr(ToaArticleItem) item = NULL;
  EditorWait wait = { d->window, 0 };

  gtk_window_set_default_size (GTK_WINDOW (d->window), 400, 700);
  toa_gui_test_iterate_until (leaflet_folded, leaflet);

  show_view (d->window, "published");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (template_child (d->window, "article_list")));
  item = row_item (d->window, 0);
  gtk_single_selection_set_selected (selection, 0);
  wait.id = toa_article_item_get_id (item);
  toa_gui_test_iterate_until (editor_shows, &wait);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "editor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.go-back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.go-back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
}

/* The database conditions a person can act on get their own advice. */
static void
test_error_messages (void)
{
  struct { int code; const char *words; } cases[] = {
    { TOA_STORE_ERROR_BUSY, "Wait a moment" },
    { TOA_STORE_ERROR_READ_ONLY, "write access" },
    { TOA_STORE_ERROR_FULL, "Free some space" },
    { TOA_STORE_ERROR_CORRUPT, "backup" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (TOA_STORE_ERROR, cases[i].code, "sqlite says no");
      g_autofree char *message = toa_store_error_describe (error);

      g_assert_nonnull (strstr (message, cases[i].words));
      /* The technical detail stays, for whoever helps. */
      g_assert_nonnull (strstr (message, "sqlite says no"));
    }

  {
    g_autoptr(GError) error = g_error_new_literal (TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID, "Tiêu đề trống");
    g_autofree char *message = toa_store_error_describe (error);

    g_assert_cmpstr (message, ==, "Tiêu đề trống");
  }
}

/* GNU gettext caches a lookup under the locale name, which LANGUAGE does
 * not change: look each string up in one language per test run only. */
static void
test_relative_time (void)
{
  gint64 now = g_get_real_time ();
  g_autofree char *just = toa_format_relative_time (now - 10 * G_USEC_PER_SEC, now);
  g_autofree char *hours = toa_format_relative_time (now - 3 * G_TIME_SPAN_HOUR, now);
  g_autofree char *days = toa_format_relative_time (now - 2 * G_TIME_SPAN_DAY, now);
  g_autofree char *old = toa_format_relative_time (now - 400 * G_TIME_SPAN_DAY, now);
  g_autofree char *five = NULL;

  g_assert_cmpstr (just, ==, "Just now");
  g_assert_cmpstr (hours, ==, "3 hours ago");
  g_assert_cmpstr (days, ==, "2 days ago");
  g_assert_false (g_str_has_suffix (old, "ago"));

  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  five = toa_format_relative_time (now - 5 * 60 * G_USEC_PER_SEC, now);
  g_assert_cmpstr (five, ==, "5 phút trước");
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
}

/* Items of @model, those of its sections included. */
static int
menu_item_count (GMenuModel *model)
{
  int count = 0;

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      count += section != NULL ? menu_item_count (section) : 1;
    }
  return count;
}

/* Every page of the window, in both languages, without a critical (the
 * test environment makes criticals fatal). */
static void
test_pages_in_languages (Desk          *d,
                         gconstpointer  data)
{
  const char *languages[] = { "vi", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (d->dir, languages[l], "toasoan.db", NULL);
      GtkWidget *welcome;

      g_setenv ("LANGUAGE", languages[l], TRUE);
      setlocale (LC_ALL, "");

      g_assert_true (toa_application_open_store (app, path, &error));
      open_window (d);
      g_assert_cmpstr (toa_window_get_page (d->window), ==, "welcome");
      welcome = toa_gui_test_find_descendant (GTK_WIDGET (d->window), TOA_TYPE_WELCOME);
      g_assert_true (gtk_widget_activate_action (welcome, "welcome.show-setup", NULL));
      g_assert_true (gtk_widget_activate_action (welcome, "welcome.show-choices", NULL));
      g_assert_true (gtk_widget_activate_action (welcome, "welcome.load-demo", NULL));
      g_assert_cmpstr (toa_window_get_page (d->window), ==, "desk");

      for (guint v = 0; v < 7; v++)
        {
          const char *views[] = { "mine", "waiting", "submitted", "approved", "published", "all", "archived" };

          show_view (d->window, views[v]);
        }
      if (g_strcmp0 (languages[l], "vi") == 0)
        g_assert_cmpstr (adw_window_title_get_title (template_child (d->window, "list_title")), ==, "Lưu trữ");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.search", NULL));
      gtk_menu_button_popup (template_child (d->window, "filter_button"));
      gtk_menu_button_popdown (template_child (d->window, "filter_button"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (d->window), "win.new-article", NULL));

      /* The menus are built when first opened, once, and hold their items. */
      for (guint m = 0; m < 2; m++)
        {
          GtkMenuButton *button = template_child (d->window, m == 0 ? "primary_menu_button" : "publish_menu_button");
          GMenuModel *model;
          GtkPopover *popover;

          g_assert_null (gtk_menu_button_get_menu_model (button));
          gtk_menu_button_popup (button);
          model = gtk_menu_button_get_menu_model (button);
          popover = gtk_menu_button_get_popover (button);
          g_assert_nonnull (model);
          g_assert_true (GTK_IS_POPOVER_MENU (popover));
          g_assert_cmpint (menu_item_count (model), >, 1);
          gtk_menu_button_popdown (button);
          gtk_menu_button_popup (button);
          g_assert_true (gtk_menu_button_get_popover (button) == popover);
          gtk_menu_button_popdown (button);
        }

      gtk_window_destroy (GTK_WINDOW (d->window));
      d->window = NULL;
    }
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
}

/* A database that cannot be opened: the window explains it in words. */
static void
test_store_error_page (Desk          *d,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (d->dir, "not-a-database.db", NULL);
  AdwStatusPage *page;

  g_assert_true (g_file_set_contents (bad, "This is not a SQLite database, only text. ", -1, NULL));
  g_assert_false (toa_application_open_store (app, bad, &error));
  g_assert_nonnull (error);
  open_window (d);
  g_assert_cmpstr (toa_window_get_page (d->window), ==, "error");
  page = template_child (d->window, "store_error_page");
  g_assert_nonnull (adw_status_page_get_description (page));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "backup"));

  /* Back to a good database: the same window recovers. */
  g_assert_true (toa_application_open_store (app, d->path, NULL));
  g_assert_cmpstr (toa_window_get_page (d->window), !=, "error");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  /* Before GLib caches it: the application's default database goes here. */
  data_home = toa_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  toa_core_init_i18n ();
  /* GLib decides once, at the first g_dngettext(), whether to translate:
   * not when the domain has no catalogue for the language of the moment,
   * which English under the C.UTF-8 test locale is. Let it decide while
   * Vietnamese is on, as a Vietnamese desktop session would. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", 1);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = toa_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(path, setup, func, login) \
  g_test_add (path, Desk, login, setup, func, desk_teardown)

  ADD ("/desk/welcome/demo", desk_setup_empty, test_welcome_demo, NULL);
  ADD ("/desk/welcome/office", desk_setup_empty, test_welcome_office, NULL);
  ADD ("/desk/counts-and-views", desk_setup_demo, test_counts_and_views, NULL);
  ADD ("/desk/author-views", desk_setup_demo, test_author_views, "lthuha");
  ADD ("/desk/waiting-queue", desk_setup_demo, test_waiting_queue, NULL);
  ADD ("/desk/search", desk_setup_demo, test_search, NULL);
  ADD ("/desk/filters", desk_setup_demo, test_filters, NULL);
  ADD ("/desk/live-refresh", desk_setup_demo, test_live_refresh, NULL);
  ADD ("/desk/editor-follows-selection", desk_setup_demo, test_editor_follows_selection, "lthuha");
  ADD ("/desk/narrow-window", desk_setup_demo, test_narrow_window, NULL);
  ADD ("/desk/refresh-keeps-items", desk_setup_demo, test_refresh_keeps_items, NULL);
  ADD ("/desk/recovered-text", desk_setup_empty, test_recovered_text_offered, NULL);
  ADD ("/desk/large-database", desk_setup_empty, test_large_database_is_lazy, NULL);
  ADD ("/desk/pages-in-languages", desk_setup_empty, test_pages_in_languages, NULL);
  ADD ("/desk/store-error", desk_setup_empty, test_store_error_page, NULL);
  g_test_add_func ("/desk/error-messages", test_error_messages);
  g_test_add_func ("/desk/relative-time", test_relative_time);

#undef ADD
  status = g_test_run ();
  g_clear_object (&app);
  toa_test_remove_tree (data_home);
  return status;
}
