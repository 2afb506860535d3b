/* toa-window.c — the main window: views, the article list, the editor pane
 *
 * The window only observes: the store says what exists, a list model pages
 * it in, and a one-second poll of the store's data version notices other
 * processes' changes. No SQL and no workflow rule lives here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-article-editor.h"
#include "toa-article-row.h"
#include "toa-demo.h"
#include "toa-store-errors.h"
#include "toa-welcome.h"
#include "toa-export-dialog.h"
#include "toa-notifier.h"
#include "toa-preview-window.h"
#include "toa-reports-page.h"
#include "toa-review.h"
#include "toa-review-window.h"
#include "toa-recovery.h"
#include "toa-window.h"
#include "toa-store-seek.h"

typedef enum
{
  VIEW_MINE,
  VIEW_WAITING,
  VIEW_SUBMITTED,
  VIEW_APPROVED,
  VIEW_PUBLISHED,
  VIEW_ALL,
  VIEW_ARCHIVED,
  N_VIEWS
} View;

typedef struct
{
  const char *id;
  const char *label;
  const char *icon;
  const char *empty_title;
  const char *empty_description;
  gboolean    offers_new;  /* the empty page's "New Article" button */
} ViewInfo;

static const ViewInfo view_info[N_VIEWS] = {
  { "mine", N_("My Drafts"), "document-edit-symbolic",
    N_("No Drafts"), N_("Articles you are writing appear here until you submit them."), TRUE },
  { "waiting", N_("Waiting for My Approval"), "appointment-soon-symbolic",
    N_("Nothing to Approve"), N_("Articles submitted to you for approval appear here."), FALSE },
  { "submitted", N_("Submitted"), "document-send-symbolic",
    N_("Nothing Submitted"), N_("Articles waiting for approval appear here."), FALSE },
  { "approved", N_("Approved"), "object-select-symbolic",
    N_("Nothing Approved"), N_("Approved articles wait here to be published."), FALSE },
  { "published", N_("Published"), "emblem-shared-symbolic",
    N_("Nothing Published"), N_("Articles on the portal appear here."), FALSE },
  { "all", N_("All Articles"), "emblem-documents-symbolic",
    N_("No Articles Yet"), N_("Articles written in your office will appear here."), TRUE },
  { "archived", N_("Archived"), "folder-symbolic",
    N_("Nothing Archived"), N_("Articles taken down from the portal are kept here."), FALSE },
};

/* The date filter's choices, in the order of the drop-down in the .ui. */
static const gint64 date_filter_days[] = { 0, 1, 7, 30, 365 };

struct _ToaWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  ToaApplication       *app;           /* weak */
  ToaStore             *store;
  ToaStore             *count_store;   /* read-only, for the worker thread */
  ToaUser              *user;          /* NULL: the login is not a user here */
  GHashTable           *users;         /* login → ToaUser */
  GHashTable           *unresolved;    /* article id → unresolved comments (gint64) */
  GPtrArray            *offices;       /* ToaOffice, as in the office filter */
  GPtrArray            *categories;    /* ToaCategory, as in the category filter */

  ToaArticleListModel  *model;
  GtkSingleSelection   *selection;
  View                  view;
  char                 *search_text;
  gint64                data_version;
  gint64                recovered_id;   /* article with unsaved text from before, NEW_ARTICLE, or 0 */
  guint                 poll_id;
  guint                 ticks;
  guint                 count_generation;
  gboolean              filling;       /* filters being rebuilt: no queries */
  GError               *last_error;

  ToaArticleEditor     *editor;
  gint64                shown_id;      /* the article the editor shows, 0: none, -1: new */
  gint64                wanted_id;     /* asked for while the editor closes */
  gboolean              editor_busy;   /* a close_async is running */
  gboolean              closing;       /* the window closes once the editor has */
  gboolean              selecting;     /* the window itself moves the selection */
  GCancellable         *cancellable;
  ToaNotifier          *notifier;

  GtkWidget            *view_rows[N_VIEWS];
  GtkLabel             *count_labels[N_VIEWS];
  GtkWidget            *welcome;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *store_error_page;
  GtkBox               *welcome_box;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *views_list;
  AdwWindowTitle       *list_title;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *filter_button;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *publish_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *article_menu;
  GtkDropDown          *office_dropdown;
  GtkDropDown          *category_dropdown;
  GtkDropDown          *date_dropdown;
  GtkStack             *list_stack;
  GtkListView          *article_list;
  AdwStatusPage        *empty_page;
  GtkWidget            *empty_new_button;
  GtkStack             *editor_stack;
  AdwWindowTitle       *editor_title;
};

G_DEFINE_FINAL_TYPE (ToaWindow, toa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_everything (ToaWindow *self);

ToaWindow *
toa_window_new (ToaApplication *application)
{
  g_return_val_if_fail (TOA_IS_APPLICATION (application), NULL);

  return g_object_new (TOA_TYPE_WINDOW,
                       "application", application,
                       "settings", toa_application_get_settings (application),
                       NULL);
}

static ToaApplication *
get_app (ToaWindow *self)
{
  return TOA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static const char *
get_login (ToaWindow *self)
{
  return toa_application_get_login (get_app (self));
}

static gboolean
view_from_id (const char *id,
              View       *view)
{
  for (guint i = 0; i < N_VIEWS; i++)
    {
      if (g_strcmp0 (view_info[i].id, id) == 0)
        {
          *view = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
user_may_approve (ToaWindow *self)
{
  return self->user != NULL &&
         (self->user->roles & (TOA_ROLE_APPROVER | TOA_ROLE_LEADER)) != 0;
}

/* Errors */

/* A failure to read during a refresh: one toast per distinct problem (the
 * poll would otherwise raise one a second), with the details and the next
 * step a click away. */
static void
report_error (ToaWindow    *self,
              const GError *error)
{
  AdwToast *toast;

  if (self->last_error != NULL && g_error_matches (error, self->last_error->domain,
                                                   self->last_error->code) &&
      g_strcmp0 (error->message, self->last_error->message) == 0)
    return;

  g_clear_error (&self->last_error);
  self->last_error = g_error_copy (error);

  toast = adw_toast_new (_("The database could not be read"));
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-error");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);
  g_autofree char *message = NULL;
  GtkWidget *dialog;

  if (self->last_error == NULL)
    return;

  message = toa_store_error_describe (self->last_error);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Database Could Not Be Read"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The directory: users, offices, categories, the current user */

static void
load_directory (ToaWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;

  users = toa_store_list_users (self->store, &error);
  if (users == NULL)
    {
      report_error (self, error);
      return;
    }

  g_hash_table_remove_all (self->users);
  for (guint i = 0; i < users->len; i++)
    {
      ToaUser *user = toa_user_copy (g_ptr_array_index (users, i));

      /* The key lives in the value. */
      g_hash_table_insert (self->users, user->login, user);
    }

  g_clear_pointer (&self->user, toa_user_free);
  if (g_hash_table_lookup (self->users, get_login (self)) != NULL)
    self->user = toa_user_copy (g_hash_table_lookup (self->users, get_login (self)));
}

static void
show_current_user (ToaWindow *self)
{
  g_autofree char *subtitle = NULL;

  if (self->user == NULL)
    /* Translators: %s is a computer login not registered in the database. */
    subtitle = g_strdup_printf (_("%s (not registered)"), get_login (self));
  else if (self->user->office != NULL)
    /* Translators: the current user in the header bar, "Đỗ Nguyên · P. QLCN". */
    subtitle = g_strdup_printf (_("%s · P. %s"), self->user->full_name, self->user->office);
  else
    subtitle = g_strdup (self->user->full_name);

  adw_window_title_set_subtitle (self->sidebar_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), get_login (self));
}

static void
fill_filter_choices (ToaWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) offices = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  self->offices = toa_store_list_offices (self->store, &error);
  if (self->offices == NULL)
    {
      report_error (self, error);
      g_clear_error (&error);
      self->offices = g_ptr_array_new ();
    }
  self->categories = toa_store_list_categories (self->store, &error);
  if (self->categories == NULL)
    {
      report_error (self, error);
      self->categories = g_ptr_array_new ();
    }

  gtk_string_list_append (offices, _("All offices"));
  for (guint i = 0; i < self->offices->len; i++)
    {
      const ToaOffice *office = g_ptr_array_index (self->offices, i);

      gtk_string_list_append (offices, office->name);
    }
  gtk_string_list_append (categories, _("All categories"));
  for (guint i = 0; i < self->categories->len; i++)
    {
      const ToaCategory *category = g_ptr_array_index (self->categories, i);

      gtk_string_list_append (categories, category->name);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->office_dropdown, G_LIST_MODEL (offices));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));
  gtk_drop_down_set_selected (self->date_dropdown, 0);
  self->filling = FALSE;
}

/* Queries */

static ToaArticleQuery *
build_view_query (ToaWindow *self,
                  View       view)
{
  ToaArticleQuery *query = toa_article_query_new ();

  switch (view)
    {
    case VIEW_MINE:
      query->author = g_strdup (get_login (self));
      query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_DRAFT);
      break;
    case VIEW_WAITING:
      query->waiting_for = g_strdup (get_login (self));
      query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_SUBMITTED);
      /* Who has waited longest comes first. */
      query->oldest_first = TRUE;
      break;
    case VIEW_SUBMITTED:
      query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_SUBMITTED);
      break;
    case VIEW_APPROVED:
      query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_APPROVED);
      break;
    case VIEW_PUBLISHED:
      query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_PUBLISHED);
      break;
    case VIEW_ARCHIVED:
      query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_ARCHIVED);
      break;
    case VIEW_ALL:
    case N_VIEWS:
    default:
      /* Everything in circulation; the archive has its own view. */
      query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_DRAFT) |
                           TOA_STATUS_BIT (TOA_ARTICLE_STATUS_SUBMITTED) |
                           TOA_STATUS_BIT (TOA_ARTICLE_STATUS_APPROVED) |
                           TOA_STATUS_BIT (TOA_ARTICLE_STATUS_PUBLISHED);
      break;
    }
  return query;
}

static gboolean
filters_active (ToaWindow *self)
{
  return gtk_drop_down_get_selected (self->office_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->date_dropdown) > 0;
}

static void
apply_filters (ToaWindow       *self,
               ToaArticleQuery *query)
{
  guint office = gtk_drop_down_get_selected (self->office_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint date = gtk_drop_down_get_selected (self->date_dropdown);

  if (office != GTK_INVALID_LIST_POSITION && office > 0 && office <= self->offices->len)
    query->office = g_strdup (((ToaOffice *) g_ptr_array_index (self->offices, office - 1))->code);
  if (category != GTK_INVALID_LIST_POSITION && category > 0 && category <= self->categories->len)
    query->category_id = ((ToaCategory *) g_ptr_array_index (self->categories, category - 1))->id;
  if (date != GTK_INVALID_LIST_POSITION && date > 0 && date < G_N_ELEMENTS (date_filter_days))
    query->updated_after = g_get_real_time () - date_filter_days[date] * G_TIME_SPAN_DAY;

  if (self->search_text != NULL && self->search_text[0] != '\0')
    query->text = g_strdup (self->search_text);
}

/* The list */

static void
show_list_page (ToaWindow *self)
{
  const ViewInfo *info = &view_info[self->view];
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *subtitle = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (filters_active (self) || (self->search_text != NULL && self->search_text[0] != '\0'))
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    {
      adw_status_page_set_title (self->empty_page, _(info->empty_title));
      adw_status_page_set_description (self->empty_page, _(info->empty_description));
      adw_status_page_set_icon_name (self->empty_page, info->icon);
      gtk_widget_set_visible (self->empty_new_button, info->offers_new);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }

  adw_window_title_set_title (self->list_title, _(info->label));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  adw_window_title_set_subtitle (self->list_title, subtitle);
}

static void
run_query (ToaWindow *self)
{
  g_autoptr(ToaArticleQuery) query = NULL;
  const GError *error;

  if (self->model == NULL)
    return;

  query = build_view_query (self, self->view);
  apply_filters (self, query);
  toa_article_list_model_set_query (self->model, query);

  error = toa_article_list_model_get_error (self->model);
  if (error != NULL)
    report_error (self, error);
  show_list_page (self);
}

/* Counting a view reads its whole index: tens of milliseconds each in a
 * 100,000-article database. The sidebar's counts are read in a worker
 * thread (the store serializes calls), so the window never waits for
 * them; a newer count supersedes an older one still running. */
typedef struct
{
  ToaStore        *store;
  ToaArticleQuery *queries[N_VIEWS];   /* NULL: the view is hidden */
  gint64           counts[N_VIEWS];
  guint            generation;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_clear_object (&job->store);
  for (guint i = 0; i < N_VIEWS; i++)
    g_clear_pointer (&job->queries[i], toa_article_query_free);
  g_free (job);
}

static void
count_views_in_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  CountJob *job = task_data;

  for (guint i = 0; i < N_VIEWS; i++)
    {
      GError *error = NULL;

      if (job->queries[i] == NULL)
        continue;
      if (g_task_return_error_if_cancelled (task))
        return;
      job->counts[i] = toa_store_can_seek (job->queries[i])
                       ? toa_store_count_seekable (job->store, job->queries[i], &error)
                       : toa_store_count_articles (job->store, job->queries[i], &error);
      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_views_counted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ToaWindow *self = TOA_WINDOW (source);
  CountJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->store != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_error (self, error);
      return;
    }
  if (job->generation != self->count_generation || self->store == NULL)
    return;

  for (guint i = 0; i < N_VIEWS; i++)
    {
      g_autofree char *text = NULL;

      if (job->queries[i] == NULL)
        continue;
      text = g_strdup_printf ("%" G_GINT64_FORMAT, job->counts[i]);
      gtk_label_set_label (self->count_labels[i], text);
    }
}

static void
refresh_counts (ToaWindow *self)
{
  g_autoptr(GTask) task = NULL;
  CountJob *job = g_new0 (CountJob, 1);

  /* A connection of its own: SQLite readers in WAL mode do not wait for
   * each other, so the list's page reads never queue behind a count. */
  if (self->count_store == NULL)
    self->count_store = toa_store_open_full (toa_store_get_path (self->store),
                                             TOA_STORE_OPEN_READ_ONLY, NULL);
  job->store = g_object_ref (self->count_store != NULL ? self->count_store : self->store);
  job->generation = ++self->count_generation;
  for (guint i = 0; i < N_VIEWS; i++)
    {
      gboolean visible = i != VIEW_WAITING || user_may_approve (self);

      gtk_widget_set_visible (self->view_rows[i], visible);
      if (visible)
        job->queries[i] = build_view_query (self, i);
    }

  task = g_task_new (self, self->cancellable, on_views_counted, NULL);
  g_task_set_source_tag (task, refresh_counts);
  g_task_set_task_data (task, job, (GDestroyNotify) count_job_free);
  g_task_run_in_thread (task, count_views_in_thread);
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  ToaWindow                *self)
{
  gtk_list_item_set_child (list_item, toa_article_row_new ());
}

/* The unresolved comments of @widget's rows, from the counts read at the
 * last refresh; kept rows are not bound again, so a refresh walks them. */
static void
show_unresolved (ToaWindow *self,
                 GtkWidget *widget)
{
  if (TOA_IS_ARTICLE_ROW (widget))
    {
      gint64 id = toa_article_row_get_article_id (TOA_ARTICLE_ROW (widget));
      const gint64 *count = self->unresolved != NULL ? g_hash_table_lookup (self->unresolved, &id) : NULL;

      toa_article_row_set_unresolved (TOA_ARTICLE_ROW (widget), count != NULL ? (guint) *count : 0);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_unresolved (self, child);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 ToaWindow                *self)
{
  ToaArticleRow *row = TOA_ARTICLE_ROW (gtk_list_item_get_child (list_item));

  toa_article_row_set_item (row, gtk_list_item_get_item (list_item), self->users);
  show_unresolved (self, GTK_WIDGET (row));
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   ToaWindow                *self)
{
  toa_article_row_set_item (TOA_ARTICLE_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
}

/* The editor pane */

#define NEW_ARTICLE (-1)

static void switch_editor (ToaWindow *self);

static void
show_error_toast (ToaWindow    *self,
                  const GError *error)
{
  g_autofree char *message = toa_store_error_describe (error);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
select_article_in_list (ToaWindow *self,
                        gint64     id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (id > 0)
    toa_article_list_model_find (self->model, id, &position);
  if (gtk_single_selection_get_selected (self->selection) != position)
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->selecting = FALSE;
    }
}

static ToaArticleEditor *ensure_editor (ToaWindow *self);

static void
open_wanted_article (ToaWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->wanted_id;

  ensure_editor (self);

  if (id == NEW_ARTICLE)
    {
      toa_article_editor_start_new (self->editor);
      select_article_in_list (self, 0);
    }
  else if (id > 0 && !toa_article_editor_load (self->editor, id, &error))
    {
      show_error_toast (self, error);
      id = 0;
    }
  self->shown_id = id;
  gtk_stack_set_visible_child_name (self->editor_stack, id != 0 ? "editor" : "none");
  if (id == NEW_ARTICLE)
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
on_editor_closed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ToaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean closed;

  closed = toa_article_editor_close_finish (TOA_ARTICLE_EDITOR (source), result, &error);
  self->editor_busy = FALSE;
  if (self->editor == NULL || TOA_ARTICLE_EDITOR (source) != self->editor)
    return;

  if (!closed)
    {
      /* "Cancel" (or a failed save): stay on the article being edited. */
      self->closing = FALSE;
      if (error != NULL && !g_error_matches (error, TOA_ARTICLE_EDITOR_ERROR,
                                             TOA_ARTICLE_EDITOR_ERROR_CANCELLED))
        show_error_toast (self, error);
      self->wanted_id = self->shown_id;
      select_article_in_list (self, self->shown_id);
      return;
    }

  if (self->closing)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->wanted_id != self->shown_id || self->wanted_id == NEW_ARTICLE)
    open_wanted_article (self);
  else
    switch_editor (self);
}

/* Every change of article goes through close_async: the editor asks about
 * unsaved text (Save / Discard / Cancel) before it lets go. */
static void
switch_editor (ToaWindow *self)
{
  if (self->store == NULL || self->editor_busy)
    return;
  if (self->wanted_id == self->shown_id && self->wanted_id != NEW_ARTICLE && !self->closing)
    return;

  if (self->shown_id == 0)
    {
      if (self->closing)
        gtk_window_destroy (GTK_WINDOW (self));
      else
        open_wanted_article (self);
      return;
    }

  self->editor_busy = TRUE;
  toa_article_editor_close_async (self->editor, self->cancellable,
                                  on_editor_closed, g_object_ref (self));
}

static void
on_selection_changed (ToaWindow *self)
{
  ToaArticleItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->selecting || item == NULL || toa_article_item_get_id (item) == 0)
    return;
  self->wanted_id = toa_article_item_get_id (item);
  switch_editor (self);
  /* On a narrow window, a chosen article takes the whole window. */
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
on_editor_title_changed (ToaWindow *self)
{
  const char *title = self->editor != NULL ? toa_article_editor_get_title (self->editor) : NULL;
  gboolean saved = self->editor != NULL && toa_article_editor_get_article_id (self->editor) > 0;

  adw_window_title_set_title (self->editor_title, title != NULL ? title : "");
  /* Review, preview and export need an article on file. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preview", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-html", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", saved);
}

static void
on_editor_article_changed (ToaWindow *self,
                           gint64     article_id)
{
  /* A new article got its id on its first save. */
  if (self->shown_id == NEW_ARTICLE)
    self->shown_id = self->wanted_id = article_id;
  on_editor_title_changed (self);
  refresh_everything (self);
  select_article_in_list (self, article_id);
}

static void
set_up_editor (ToaWindow *self)
{

  if (self->editor != NULL)
    {
      gtk_stack_remove (self->editor_stack, gtk_stack_get_child_by_name (self->editor_stack, "editor"));
      self->editor = NULL;
    }
  self->shown_id = self->wanted_id = 0;
  self->editor_busy = FALSE;
  gtk_stack_set_visible_child_name (self->editor_stack, "none");
  on_editor_title_changed (self);
}

/* The editor pane is built when the first article is opened or created,
 * not at start-up: until then the window shows "no article chosen", and
 * the editor with its toolbar, metadata panel and workflow bar is a third
 * of the window's widgets. */
static ToaArticleEditor *
ensure_editor (ToaWindow *self)
{
  if (self->editor != NULL || self->store == NULL)
    return self->editor;

  self->editor = toa_article_editor_new (self->store, get_login (self));
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor), TRUE);

  gtk_stack_add_named (self->editor_stack, GTK_WIDGET (self->editor), "editor");
  g_signal_connect_object (self->editor, "notify::title",
                           G_CALLBACK (on_editor_title_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::article-id",
                           G_CALLBACK (on_editor_title_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "article-changed",
                           G_CALLBACK (on_editor_article_changed), self, G_CONNECT_SWAPPED);
  on_editor_title_changed (self);
  return self->editor;
}

static void
on_article_list_activate (ToaWindow *self,
                          guint      position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
set_up_list (ToaWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_clear_object (&self->model);
  self->model = toa_article_list_model_new (self->store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), self);

  gtk_list_view_set_factory (self->article_list, factory);
  gtk_list_view_set_model (self->article_list, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);
  g_object_unref (self->selection);
}

/* The sidebar */

static void
select_view_row (ToaWindow *self)
{
  GtkListBoxRow *row = GTK_LIST_BOX_ROW (self->view_rows[self->view]);

  if (gtk_list_box_get_selected_row (self->views_list) != row)
    gtk_list_box_select_row (self->views_list, row);
}

static GtkWidget *
build_view_row (ToaWindow *self,
                View       view)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (view_info[view].icon);
  GtkWidget *label = gtk_label_new (_(view_info[view].label));
  GtkWidget *count = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "view-count");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-view");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", view_info[view].id);
  gtk_widget_set_name (row, view_info[view].id);

  self->count_labels[view] = GTK_LABEL (count);
  return row;
}

static void
build_sidebar (ToaWindow *self)
{
  for (guint i = 0; i < N_VIEWS; i++)
    {
      self->view_rows[i] = build_view_row (self, i);
      gtk_list_box_append (self->views_list, self->view_rows[i]);
    }
}

/* Polling and refreshing */

static void
refresh_everything (ToaWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->model == NULL || get_app (self) == NULL)
    return;

  load_directory (self);
  show_current_user (self);
  refresh_counts (self);
  /* Unresolved comments of every article, one query, for the rows. */
  g_clear_pointer (&self->unresolved, g_hash_table_unref);
  self->unresolved = toa_store_list_unresolved_counts (self->store, NULL);
  if (!toa_article_list_model_refresh (self->model, &error))
    report_error (self, error);
  show_unresolved (self, GTK_WIDGET (self->article_list));
  show_list_page (self);
  /* Status and lock only: the editor keeps unsaved text. */
  if (self->editor != NULL && self->shown_id != 0)
    toa_article_editor_refresh (self->editor);
}

/* "5 minutes ago" moves on by itself: rewrite the rows on screen. */
static void
update_row_times (GtkWidget *widget,
                  gint64     now)
{
  if (TOA_IS_ARTICLE_ROW (widget))
    {
      toa_article_row_update_time (TOA_ARTICLE_ROW (widget), now);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    update_row_times (child, now);
}

static gboolean
poll_store (gpointer data)
{
  ToaWindow *self = data;
  gint64 version;

  /* Destroyed, and kept alive only by a worker thread's reference. */
  if (get_app (self) == NULL)
    {
      self->poll_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->store == NULL || self->model == NULL)
    return G_SOURCE_CONTINUE;

  if (++self->ticks % 30 == 0)
    update_row_times (GTK_WIDGET (self->article_list), g_get_real_time ());

  version = toa_store_get_data_version (self->store);
  if (version != self->data_version)
    {
      self->data_version = version;
      refresh_everything (self);
    }
  return G_SOURCE_CONTINUE;
}

/**
 * toa_window_get_recovered_article:
 *
 * Returns: the article whose unsaved text from an earlier session the
 *   window offered to open: its id, -1 for a never-saved article, 0 when
 *   there was none
 */
gint64
toa_window_get_recovered_article (ToaWindow *self)
{
  g_return_val_if_fail (TOA_IS_WINDOW (self), 0);

  return self->recovered_id;
}

/**
 * toa_window_refresh:
 *
 * Reads counts and visible rows again now (the poll does it within a
 * second when another process changed the database).
 */
void
toa_window_refresh (ToaWindow *self)
{
  g_return_if_fail (TOA_IS_WINDOW (self));

  refresh_everything (self);
}

/* Pages: error, welcome, desk */

static void
show_store_error (ToaWindow *self)
{
  const GError *error = toa_application_get_store_error (get_app (self));
  g_autofree char *message = NULL;

  if (error != NULL)
    message = toa_store_error_describe (error);
  adw_status_page_set_description (self->store_error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
on_welcome_configured (ToaWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "desk");
  fill_filter_choices (self);
  refresh_everything (self);
  run_query (self);
}

static void
show_welcome (ToaWindow *self)
{
  if (self->welcome == NULL)
    {
      self->welcome = toa_welcome_new (self->store, get_login (self));
      gtk_widget_set_vexpand (self->welcome, TRUE);
      g_signal_connect_swapped (self->welcome, "configured",
                                G_CALLBACK (on_welcome_configured), self);
      gtk_box_append (self->welcome_box, self->welcome);
    }
  else
    toa_welcome_set_store (TOA_WELCOME (self->welcome), self->store);

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

/* Submissions for approvers; returns, approvals and publications for
 * their authors: checked on the store every few seconds, from any process. */
static void
set_up_notifier (ToaWindow *self)
{
  ToaApplication *app = get_app (self);

  if (self->notifier != NULL)
    toa_notifier_stop (self->notifier);
  g_clear_object (&self->notifier);
  if (self->store == NULL || app == NULL)
    return;
  self->notifier = toa_notifier_new (g_application_get_is_registered (G_APPLICATION (app))
                                     ? G_APPLICATION (app) : NULL,
                                     self->store, get_login (self));
  toa_notifier_start (self->notifier, 10);
}

/* After a crash or a kill, the text the user had not saved waits in the
 * editor's recovery records. The window says so at once, and opens the
 * article (or the new one) whose editor then offers to restore it. */
static void
offer_recovered_text (ToaWindow *self)
{
  g_autoptr(ToaRecovery) recovery = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const ToaRecoveryRecord *newest;
  const char *title;
  AdwToast *toast;

  self->recovered_id = 0;
  if (self->store == NULL || get_login (self) == NULL)
    return;
  recovery = toa_recovery_new (NULL, toa_store_get_path (self->store), get_login (self));
  records = toa_recovery_list (recovery, &error);
  if (records == NULL)
    {
      g_warning ("Could not look for unsaved text: %s", error->message);
      return;
    }
  if (records->len == 0)
    return;

  newest = g_ptr_array_index (records, 0);
  self->recovered_id = newest->article_id > 0 ? newest->article_id : NEW_ARTICLE;
  title = newest->content->title;
  if (records->len > 1)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Text you had not saved was kept for %u article",
                                            "Text you had not saved was kept for %u articles",
                                            records->len), records->len);
  else if (title != NULL && title[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      message = g_strdup_printf (_("Text you had not saved in “%s” was kept"), escaped);
    }
  else
    message = g_strdup (_("Text you had not saved in a new article was kept"));

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_action_name (toast, "win.open-recovered");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
load_store (ToaWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean unconfigured = FALSE;

  g_set_object (&self->store, toa_application_get_store (get_app (self)));
  g_clear_object (&self->count_store);
  set_up_notifier (self);
  self->count_generation++;
  g_clear_error (&self->last_error);
  if (self->store == NULL)
    {
      gtk_list_view_set_model (self->article_list, NULL);
      g_clear_object (&self->model);
      set_up_editor (self);
      show_store_error (self);
      return;
    }

  set_up_list (self);
  set_up_editor (self);
  self->data_version = toa_store_get_data_version (self->store);

  if (!toa_store_is_unconfigured (self->store, &unconfigured, &error))
    {
      report_error (self, error);
      unconfigured = FALSE;
    }

  load_directory (self);
  show_current_user (self);
  fill_filter_choices (self);
  run_query (self);
  refresh_counts (self);
  select_view_row (self);

  if (unconfigured)
    show_welcome (self);
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "desk");
      offer_recovered_text (self);
    }
}

/* Actions */

static void
open_recovered (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);

  if (self->store == NULL || self->recovered_id == 0)
    return;
  self->wanted_id = self->recovered_id;
  select_article_in_list (self, self->recovered_id > 0 ? self->recovered_id : 0);
  switch_editor (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
show_view (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);
  View view;

  if (!view_from_id (g_variant_get_string (parameter, NULL), &view))
    {
      g_warning ("No view named %s", g_variant_get_string (parameter, NULL));
      return;
    }

  self->view = view;
  select_view_row (self);
  run_query (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
new_article (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);

  if (self->store == NULL)
    return;
  self->wanted_id = NEW_ARTICLE;
  switch_editor (self);
}

/* The article the review, preview and export actions act on: the one the
 * editor shows, once it has been saved. */
static gint64
current_article (ToaWindow *self)
{
  if (self->store == NULL || self->editor == NULL)
    return 0;
  return MAX (toa_article_editor_get_article_id (self->editor), 0);
}

static void
toast_error (ToaWindow    *self,
             const GError *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
open_review (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = current_article (self);
  ToaReviewWindow *review;

  if (id <= 0)
    return;
  review = toa_review_window_new (GTK_WINDOW (self), self->store, get_login (self), self->editor);
  if (!toa_review_window_load (review, id, &error))
    {
      toast_error (self, error);
      gtk_window_destroy (GTK_WINDOW (review));
      return;
    }
  gtk_window_present (GTK_WINDOW (review));
}

static void
open_preview (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = current_article (self);
  ToaPreviewWindow *preview;

  if (id <= 0)
    return;
  preview = toa_preview_window_new (GTK_WINDOW (self), self->store, get_login (self));
  if (!toa_preview_window_load (preview, id, &error))
    {
      toast_error (self, error);
      gtk_window_destroy (GTK_WINDOW (preview));
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}

static void
copy_html (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = current_article (self);

  if (id <= 0)
    return;
  if (!toa_export_copy_html (gtk_widget_get_clipboard (widget), self->store, id, &error))
    {
      toast_error (self, error);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("HTML copied: paste it into the portal's editor")));
}

/* win.export: the article shown; win.export-approved: every approved one. */
static void
open_export (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);
  gboolean all = g_str_equal (action_name, "win.export-approved");
  gint64 id = all ? 0 : current_article (self);
  ToaExportDialog *dialog;

  if (self->store == NULL || (!all && id <= 0))
    return;
  dialog = toa_export_dialog_new (GTK_WINDOW (self), self->store, get_login (self), &id, id > 0 ? 1 : 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_reports (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);
  GtkWidget *window, *box, *header;

  if (self->store == NULL)
    return;
  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_title (GTK_WINDOW (window), _("Statistics"));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (toa_reports_page_new (self->store, get_login (self))));
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
clear_filters (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->office_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->date_dropdown, 0);
  self->filling = FALSE;
  g_clear_pointer (&self->search_text, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  run_query (self);
}

static void
reopen_database (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);
  ToaApplication *app = get_app (self);

  /* Notifies ::store, which reloads this window either way. */
  toa_application_open_store (app, toa_application_get_database_path (app), NULL);
}

static void
go_back (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
toggle_search (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ToaWindow *self = TOA_WINDOW (widget);

  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_changed (ToaWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  /* The entry also reports changes that leave the query as it was (focus,
   * spaces): a new query would drop the selection. */
  if (g_strcmp0 (text, self->search_text != NULL ? self->search_text : "") == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&text);
  run_query (self);
}

static void
on_search_button_toggled (ToaWindow *self)
{
  if (!gtk_toggle_button_get_active (self->search_button))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed (ToaWindow *self)
{
  if (!self->filling && self->offices != NULL && self->categories != NULL)
    run_query (self);
}

static void
on_store_changed (ToaWindow *self)
{
  /* A destroyed window still referenced by a worker thread. */
  if (get_app (self) == NULL)
    return;
  load_store (self);
}

/* Window state */

static void
restore_window_state (ToaWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (ToaWindow *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
toa_window_close_request (GtkWindow *window)
{
  ToaWindow *self = TOA_WINDOW (window);

  save_window_state (self);

  /* The editor may have unsaved text: it asks first, and destroys the
   * window once it is closed (on_editor_closed). */
  if (self->editor != NULL && self->shown_id != 0 &&
      toa_article_editor_get_has_unsaved_changes (self->editor))
    {
      self->closing = TRUE;
      switch_editor (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (toa_window_parent_class)->close_request (window);
}

/* Accessors (the tests read what a person would see) */

/**
 * toa_window_get_list_model:
 *
 * Returns: (transfer none) (nullable): the article list's model
 */
ToaArticleListModel *
toa_window_get_list_model (ToaWindow *self)
{
  g_return_val_if_fail (TOA_IS_WINDOW (self), NULL);

  return self->model;
}

/**
 * toa_window_get_view:
 *
 * Returns: (transfer none): the id of the view shown ("mine", "all", …)
 */
const char *
toa_window_get_view (ToaWindow *self)
{
  g_return_val_if_fail (TOA_IS_WINDOW (self), NULL);

  return view_info[self->view].id;
}

/**
 * toa_window_get_view_row:
 * @view: a view id
 *
 * Returns: (transfer none) (nullable): the view's row in the sidebar
 */
GtkWidget *
toa_window_get_view_row (ToaWindow  *self,
                         const char *view)
{
  View v;

  g_return_val_if_fail (TOA_IS_WINDOW (self), NULL);

  if (!view_from_id (view, &v))
    return NULL;
  return self->view_rows[v];
}

/**
 * toa_window_get_view_count:
 * @view: a view id
 *
 * Returns: (transfer none) (nullable): the count the sidebar shows
 */
const char *
toa_window_get_view_count (ToaWindow  *self,
                           const char *view)
{
  View v;

  g_return_val_if_fail (TOA_IS_WINDOW (self), NULL);

  if (!view_from_id (view, &v))
    return NULL;
  return gtk_label_get_label (self->count_labels[v]);
}

/**
 * toa_window_get_page:
 *
 * Returns: (transfer none): "desk", "welcome" or "error"
 */
const char *
toa_window_get_page (ToaWindow *self)
{
  g_return_val_if_fail (TOA_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/* GObject */

static void
toa_window_constructed (GObject *object)
{
  ToaWindow *self = TOA_WINDOW (object);

  G_OBJECT_CLASS (toa_window_parent_class)->constructed (object);

  restore_window_state (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

}

/* "application" is not a construct property: the store is reached once it
 * is set, right after construction. */
static void
on_application_changed (ToaWindow *self)
{
  ToaApplication *app = get_app (self);

  /* gtk_window_destroy() releases the application before the last
   * reference (a worker thread's, maybe) goes: stop listening then. */
  if (app == NULL && self->app != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->app, on_store_changed, self);
      g_clear_weak_pointer (&self->app);
      g_clear_handle_id (&self->poll_id, g_source_remove);
      g_cancellable_cancel (self->cancellable);
      return;
    }
  if (app == NULL || self->poll_id != 0)
    return;

  /* Disconnected when the window is destroyed: a worker thread may keep it
   * alive for a moment, and it must not reload then. */
  g_set_weak_pointer (&self->app, app);
  g_signal_connect_swapped (app, "notify::store", G_CALLBACK (on_store_changed), self);
  load_store (self);
  self->poll_id = g_timeout_add (TOA_WINDOW_POLL_INTERVAL_MS, poll_store, self);
}

static void
toa_window_dispose (GObject *object)
{
  ToaWindow *self = TOA_WINDOW (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->app != NULL)
    g_signal_handlers_disconnect_by_func (self->app, on_store_changed, self);
  g_clear_weak_pointer (&self->app);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->editor = NULL;
  if (self->article_list != NULL)
    gtk_list_view_set_model (self->article_list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_WINDOW);
  g_clear_object (&self->model);
  g_clear_object (&self->count_store);
  if (self->notifier != NULL)
    toa_notifier_stop (self->notifier);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (toa_window_parent_class)->dispose (object);
}

static void
toa_window_finalize (GObject *object)
{
  ToaWindow *self = TOA_WINDOW (object);

  g_clear_pointer (&self->users, g_hash_table_unref);
  g_clear_pointer (&self->unresolved, g_hash_table_unref);
  g_clear_pointer (&self->user, toa_user_free);
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_error (&self->last_error);

  G_OBJECT_CLASS (toa_window_parent_class)->finalize (object);
}

static void
toa_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ToaWindow *self = TOA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ToaWindow *self = TOA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_window_class_init (ToaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  /* GtkBuilder finds a type it has not seen registered by looking its
   * get_type() function up among the symbols of every loaded library:
   * registering the template's types here is cheaper, at start-up. */
  g_type_ensure (ADW_TYPE_HEADER_BAR);
  g_type_ensure (ADW_TYPE_LEAFLET);
  g_type_ensure (ADW_TYPE_LEAFLET_PAGE);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_TOAST_OVERLAY);
  g_type_ensure (ADW_TYPE_WINDOW_TITLE);
  g_type_ensure (GTK_TYPE_DROP_DOWN);
  g_type_ensure (GTK_TYPE_GRID);
  g_type_ensure (GTK_TYPE_LIST_BOX);
  g_type_ensure (GTK_TYPE_LIST_VIEW);
  g_type_ensure (GTK_TYPE_MENU_BUTTON);
  g_type_ensure (GTK_TYPE_SEARCH_BAR);
  g_type_ensure (GTK_TYPE_SEARCH_ENTRY);
  g_type_ensure (GTK_TYPE_SEPARATOR);
  g_type_ensure (GTK_TYPE_STACK);
  g_type_ensure (GTK_TYPE_STACK_PAGE);
  g_type_ensure (GTK_TYPE_STRING_LIST);
  g_type_ensure (GTK_TYPE_TOGGLE_BUTTON);
  g_type_ensure (GTK_TYPE_WINDOW_HANDLE);

  object_class->constructed = toa_window_constructed;
  object_class->dispose = toa_window_dispose;
  object_class->finalize = toa_window_finalize;
  object_class->get_property = toa_window_get_property;
  object_class->set_property = toa_window_set_property;
  window_class->close_request = toa_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, store_error_page);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, welcome_box);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, views_list);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, publish_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, article_menu);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, office_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, article_list);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, ToaWindow, editor_title);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_article_list_activate);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, toggle_search);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view);
  gtk_widget_class_install_action (widget_class, "win.new-article", NULL, new_article);
  gtk_widget_class_install_action (widget_class, "win.open-recovered", NULL, open_recovered);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, open_review);
  gtk_widget_class_install_action (widget_class, "win.preview", NULL, open_preview);
  gtk_widget_class_install_action (widget_class, "win.copy-html", NULL, copy_html);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, open_export);
  gtk_widget_class_install_action (widget_class, "win.export-approved", NULL, open_export);
  gtk_widget_class_install_action (widget_class, "win.reports", NULL, open_reports);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters);
  gtk_widget_class_install_action (widget_class, "win.reopen-database", NULL, reopen_database);
  gtk_widget_class_install_action (widget_class, "win.show-error", NULL, show_error);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-article", NULL);
}

/* A menu's popover is built the first time it opens, not with the
 * window: two popover menus were a noticeable share of the start-up.
 * GTK 4.8 calls this at every opening: once is enough. */
static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

static void
toa_window_init (ToaWindow *self)
{
  self->users = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) toa_user_free);
  self->view = VIEW_ALL;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_popup,
                                         self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->publish_menu_button, create_menu_popup,
                                         self->article_menu, NULL);
  build_sidebar (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
}
