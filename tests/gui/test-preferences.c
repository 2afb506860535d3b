/* test-preferences.c — the preferences window and its administration
 * page, against a real store, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "toa-gui-test-utils.h"
#include "toa-admin-page.h"
#include "toa-application.h"
#include "toa-body-editor.h"
#include "toa-core.h"
#include "toa-preferences-window.h"
#include "toa-test-utils.h"

static ToaApplication *app;

typedef struct
{
  char                 *dir;
  char                 *path;
  ToaStore             *store;     /* the application's, not a reference */
  ToaPreferencesWindow *prefs;
} Prefs;

/* Main loop helpers */

typedef gboolean (*Condition) (gpointer data);

static gpointer
page_child (ToaAdminPage *page,
            const char   *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (page), TOA_TYPE_ADMIN_PAGE, name);
}

static gpointer
prefs_child (ToaPreferencesWindow *prefs,
             const char           *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (prefs), TOA_TYPE_PREFERENCES_WINDOW, name);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
has_descendant_of_type (GtkWidget *widget,
                        GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_descendant_of_type (child, type))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_with_css_class (GtkWidget  *widget,
                     const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_css_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Fixtures: two offices, two categories, quan (admin, the first user) and
 * an (author). data: the login using the window. */

static void
prefs_setup (Prefs         *p,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  p->dir = toa_test_make_tmpdir ();
  p->path = g_build_filename (p->dir, "toasoan.db", NULL);
  g_assert_true (toa_application_open_store (app, p->path, &error));
  g_assert_no_error (error);
  p->store = toa_application_get_store (app);

  toa_store_add_office (p->store, NULL, "QLCN", "Phòng Quản lý Công nghiệp", &error);
  g_assert_no_error (error);
  toa_store_add_office (p->store, NULL, "KHTC", "Phòng Kế hoạch - Tài chính", &error);
  g_assert_no_error (error);
  toa_store_add_category (p->store, NULL, "Tin tức", &error);
  g_assert_no_error (error);
  toa_store_add_user (p->store, NULL, "quan", "Trần Quân", NULL, TOA_ROLE_NONE, &error);
  g_assert_no_error (error);
  toa_store_add_user (p->store, "quan", "an", "Nguyễn Văn An", "QLCN", TOA_ROLE_AUTHOR, &error);
  g_assert_no_error (error);

  toa_application_set_login (app, data != NULL ? data : "quan");
  p->prefs = toa_preferences_window_new (app);
  gtk_window_present (GTK_WINDOW (p->prefs));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, p->prefs);
}

static void
prefs_teardown (Prefs         *p,
                gconstpointer  data)
{
  GSettings *settings = toa_application_get_settings (app);

  gtk_window_destroy (GTK_WINDOW (p->prefs));
  g_settings_reset (settings, "database-path");
  g_settings_reset (settings, "export-folder");
  g_settings_reset (settings, "editor-font-size");
  g_settings_reset (settings, "color-scheme");
  toa_test_remove_tree (p->dir);
  g_free (p->dir);
  g_free (p->path);
}

static ToaAdminPage *
admin_page (Prefs *p)
{
  ToaAdminPage *page = toa_preferences_window_get_admin_page (p->prefs);

  g_assert_nonnull (page);
  return page;
}

static void
type_into (ToaAdminPage *page,
           const char   *row,
           const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (page_child (page, row)), text);
}

static char *
office_name (ToaStore   *store,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offices = toa_store_list_offices (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < offices->len; i++)
    {
      const ToaOffice *office = g_ptr_array_index (offices, i);

      if (g_strcmp0 (office->code, code) == 0)
        return g_strdup (office->name);
    }
  return NULL;
}

static guint
office_count (ToaStore *store)
{
  g_autoptr(GPtrArray) offices = toa_store_list_offices (store, NULL);

  g_assert_nonnull (offices);
  return offices->len;
}

/* Tests */

static void
test_admin_sees_admin_page (Prefs         *p,
                            gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);

  g_assert_true (has_descendant_of_type (GTK_WIDGET (p->prefs), TOA_TYPE_ADMIN_PAGE));
  /* Filled from the store: two offices, one category, two users. */
  g_assert_cmpuint (count_children (page_child (page, "office_list")), ==, 2);
  g_assert_cmpuint (count_children (page_child (page, "category_list")), ==, 1);
  g_assert_cmpuint (count_children (page_child (page, "user_list")), ==, 2);
}

static void
test_author_sees_no_admin_page (Prefs         *p,
                                gconstpointer  data)
{
  g_assert_null (toa_preferences_window_get_admin_page (p->prefs));
  g_assert_false (has_descendant_of_type (GTK_WIDGET (p->prefs), TOA_TYPE_ADMIN_PAGE));
}

static void
test_add_office (Prefs         *p,
                 gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);
  g_autofree char *name = NULL;

  type_into (page, "office_code_row", "TM");
  type_into (page, "office_name_row", "Phòng Quản lý Thương mại");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "admin.add-office", NULL));

  name = office_name (p->store, "TM");
  g_assert_cmpstr (name, ==, "Phòng Quản lý Thương mại");
  g_assert_null (toa_admin_page_get_error (page));
  g_assert_cmpuint (count_children (page_child (page, "office_list")), ==, 3);
  /* The form is cleared for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "office_code_row")), ==, "");
}

static void
test_duplicate_office (Prefs         *p,
                       gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);
  GtkLabel *error_label = page_child (page, "office_error");
  g_autofree char *name = NULL;

  type_into (page, "office_code_row", "QLCN");
  type_into (page, "office_name_row", "Một phòng khác");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "admin.add-office", NULL));

  g_assert_nonnull (toa_admin_page_get_error (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, toa_admin_page_get_error (page));
  g_assert_cmpuint (strlen (gtk_label_get_text (error_label)), >, 0);
  /* Nothing changed, and what was typed is still there to correct. */
  g_assert_cmpuint (office_count (p->store), ==, 2);
  name = office_name (p->store, "QLCN");
  g_assert_cmpstr (name, ==, "Phòng Quản lý Công nghiệp");
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "office_name_row")), ==, "Một phòng khác");

  /* An empty form is refused before reaching the store. */
  type_into (page, "office_code_row", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "admin.add-office", NULL));
  g_assert_nonnull (toa_admin_page_get_error (page));
  g_assert_cmpuint (office_count (p->store), ==, 2);
}

static void
test_add_category (Prefs         *p,
                   gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);
  g_autoptr(GPtrArray) categories = NULL;
  gboolean found = FALSE;

  type_into (page, "category_name_row", "Thông báo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "admin.add-category", NULL));

  categories = toa_store_list_categories (p->store, NULL);
  g_assert_nonnull (categories);
  g_assert_cmpuint (categories->len, ==, 2);
  for (guint i = 0; i < categories->len; i++)
    found |= g_strcmp0 (((ToaCategory *) g_ptr_array_index (categories, i))->name, "Thông báo") == 0;
  g_assert_true (found);
  g_assert_cmpuint (count_children (page_child (page, "category_list")), ==, 2);

  /* Enter in the name field adds too. */
  type_into (page, "category_name_row", "Sự kiện");
  g_signal_emit_by_name (page_child (page, "category_name_row"), "entry-activated");
  g_clear_pointer (&categories, g_ptr_array_unref);
  categories = toa_store_list_categories (p->store, NULL);
  g_assert_cmpuint (categories->len, ==, 3);

  /* The same name again is refused with a message. */
  type_into (page, "category_name_row", "Thông báo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "admin.add-category", NULL));
  g_assert_nonnull (toa_admin_page_get_error (page));
  g_assert_true (gtk_widget_get_visible (page_child (page, "category_error")));
}

static void
test_add_user (Prefs         *p,
               gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);
  AdwComboRow *office_row = page_child (page, "user_office_row");
  GListModel *choices = adw_combo_row_get_model (office_row);
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(GError) error = NULL;
  guint khtc = G_MAXUINT;

  /* "No office", then one item per office. */
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "KHTC"))
      khtc = i;
  g_assert_cmpuint (khtc, !=, G_MAXUINT);

  type_into (page, "user_login_row", "dung");
  type_into (page, "user_name_row", "Phạm Thị Dung");
  adw_combo_row_set_selected (office_row, khtc);
  gtk_check_button_set_active (page_child (page, "role_approver_check"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "admin.add-user", NULL));
  g_assert_null (toa_admin_page_get_error (page));

  user = toa_store_get_user (p->store, "dung", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->full_name, ==, "Phạm Thị Dung");
  g_assert_cmpstr (user->office, ==, "KHTC");
  g_assert_cmpuint (user->roles, ==, TOA_ROLE_AUTHOR | TOA_ROLE_APPROVER);
  g_assert_cmpuint (count_children (page_child (page, "user_list")), ==, 3);

  /* A login that exists is refused. */
  type_into (page, "user_login_row", "an");
  type_into (page, "user_name_row", "Người khác");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "admin.add-user", NULL));
  g_assert_nonnull (toa_admin_page_get_error (page));
  g_clear_pointer (&user, toa_user_free);
  user = toa_store_get_user (p->store, "an", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->full_name, ==, "Nguyễn Văn An");
}

static void
test_self_approval (Prefs         *p,
                    gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);
  GtkSwitch *sw = page_child (page, "self_approval_switch");
  g_autofree char *on = NULL;
  g_autofree char *off = NULL;

  g_assert_false (gtk_switch_get_active (sw));
  gtk_switch_set_active (sw, TRUE);
  on = toa_store_get_setting (p->store, "allow_self_approval", NULL);
  g_assert_cmpstr (on, ==, "1");

  gtk_switch_set_active (sw, FALSE);
  off = toa_store_get_setting (p->store, "allow_self_approval", NULL);
  g_assert_cmpstr (off, ==, "0");
  g_assert_null (toa_admin_page_get_error (page));
}

typedef struct
{
  GtkWidget *view;
  int        points;
} FontWait;

/* The size the body text is laid out with, from the widget's own Pango
 * context, which GTK keeps in step with the computed CSS font. */
static double
view_font_points (GtkWidget *view)
{
  PangoContext *context = gtk_widget_get_pango_context (view);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  /* GTK stores CSS sizes as absolute (device units at 96 dpi). */
  if (pango_font_description_get_size_is_absolute (font))
    size = size * 72.0 / 96.0;
  return size;
}

static gboolean
font_is (gpointer data)
{
  FontWait *wait = data;

  return ABS (view_font_points (wait->view) - wait->points) < 0.01;
}

static void
test_font_size (Prefs         *p,
                gconstpointer  data)
{
  GSettings *settings = toa_application_get_settings (app);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ToaBodyEditor *editor = toa_body_editor_new ();
  FontWait wait = { NULL, 0 };

  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, window);
  wait.view = find_with_css_class (GTK_WIDGET (editor), "body-text");
  g_assert_true (wait.view == GTK_WIDGET (toa_body_editor_get_view (editor)));

  wait.points = g_settings_get_int (settings, "editor-font-size");
  toa_gui_test_iterate_until (font_is, &wait);

  /* Through the spin button in the window, applied live to the editor. */
  gtk_spin_button_set_value (prefs_child (p->prefs, "font_size_spin"), 20);
  g_assert_cmpint (g_settings_get_int (settings, "editor-font-size"), ==, 20);
  wait.points = 20;
  toa_gui_test_iterate_until (font_is, &wait);

  g_settings_set_int (settings, "editor-font-size", 9);
  wait.points = 9;
  toa_gui_test_iterate_until (font_is, &wait);

  gtk_window_destroy (window);
}

static void
test_open_database (Prefs         *p,
                    gconstpointer  data)
{
  GSettings *settings = toa_application_get_settings (app);
  g_autofree char *other = g_build_filename (p->dir, "other", "khac.db", NULL);
  g_autofree char *junk = g_build_filename (p->dir, "junk.db", NULL);
  g_autofree char *configured = NULL;
  g_autofree char *still = NULL;
  g_autoptr(GError) error = NULL;
  GtkLabel *files_error = prefs_child (p->prefs, "files_error");
  AdwActionRow *database_row = prefs_child (p->prefs, "database_row");
  ToaStore *store;

  g_assert_nonnull (toa_preferences_window_get_admin_page (p->prefs));

  /* A new file: created, opened, remembered. */
  g_assert_true (toa_preferences_window_open_database (p->prefs, other, &error));
  g_assert_no_error (error);
  store = toa_application_get_store (app);
  g_assert_nonnull (store);
  g_assert_cmpstr (toa_store_get_path (store), ==, other);
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
  configured = g_settings_get_string (settings, "database-path");
  g_assert_cmpstr (configured, ==, other);
  g_assert_cmpstr (adw_action_row_get_subtitle (database_row), ==, other);
  /* quan is nobody in the new database: no administration page. */
  g_assert_null (toa_preferences_window_get_admin_page (p->prefs));

  /* A file that is no database: an error, and the current one stays. */
  g_assert_true (g_file_set_contents (junk, "Đây không phải cơ sở dữ liệu, chỉ là chữ.\n"
                                      "This is not a database, only some text.\n", -1, NULL));
  g_assert_false (toa_preferences_window_open_database (p->prefs, junk, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CORRUPT);
  g_assert_true (toa_application_get_store (app) == store);
  g_assert_cmpstr (toa_store_get_path (toa_application_get_store (app)), ==, other);
  still = g_settings_get_string (settings, "database-path");
  g_assert_cmpstr (still, ==, other);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (files_error)));
  g_assert_cmpuint (strlen (gtk_label_get_text (files_error)), >, 0);

  /* Back to the first one: the admin page returns, the error goes. */
  g_clear_error (&error);
  g_assert_true (toa_preferences_window_open_database (p->prefs, p->path, &error));
  g_assert_no_error (error);
  p->store = toa_application_get_store (app);
  g_assert_nonnull (toa_preferences_window_get_admin_page (p->prefs));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (files_error)));
}

static void
test_default_database (Prefs         *p,
                       gconstpointer  data)
{
  GSettings *settings = toa_application_get_settings (app);
  g_autofree char *default_path = toa_store_get_default_path ();
  g_autofree char *configured = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_string (settings, "database-path", p->path);
  g_assert_true (gtk_widget_get_visible (prefs_child (p->prefs, "default_database_button")));
  g_assert_true (toa_preferences_window_use_default_database (p->prefs, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (toa_store_get_path (toa_application_get_store (app)), ==, default_path);
  configured = g_settings_get_string (settings, "database-path");
  g_assert_cmpstr (configured, ==, "");
  /* Nothing to go back to any more. */
  g_assert_false (gtk_widget_get_visible (prefs_child (p->prefs, "default_database_button")));
}

static void
test_export_folder (Prefs         *p,
                    gconstpointer  data)
{
  GSettings *settings = toa_application_get_settings (app);
  g_autofree char *missing = g_build_filename (p->dir, "missing", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (toa_preferences_window_set_export_folder (p->prefs, p->dir, &error));
  g_assert_no_error (error);
  first = g_settings_get_string (settings, "export-folder");
  g_assert_cmpstr (first, ==, p->dir);
  g_assert_cmpstr (adw_action_row_get_subtitle (prefs_child (p->prefs, "export_folder_row")), ==, p->dir);

  g_assert_false (toa_preferences_window_set_export_folder (p->prefs, missing, &error));
  g_assert_error (error, TOA_PREFERENCES_ERROR, TOA_PREFERENCES_ERROR_NOT_A_FOLDER);
  second = g_settings_get_string (settings, "export-folder");
  g_assert_cmpstr (second, ==, p->dir);
  g_assert_true (gtk_widget_get_visible (prefs_child (p->prefs, "files_error")));
}

/* Changing and retiring, through the rows' own fields and buttons */

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The field or button @name inside the row @row_name of the list @list. */
static gpointer
row_part (ToaAdminPage *page,
          const char   *list,
          const char   *row_name,
          const char   *name)
{
  GtkWidget *row = find_named (page_child (page, list), row_name);
  GtkWidget *part;

  g_assert_nonnull (row);
  part = name != NULL ? find_named (row, name) : row;
  g_assert_nonnull (part);
  return part;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
test_rename_office (Prefs         *p,
                    gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);
  GtkEditable *name = row_part (page, "office_list", "office-QLCN", "name");
  g_autofree char *stored = NULL;
  g_autofree char *unchanged = NULL;

  gtk_editable_set_text (name, "Phòng Quản lý Công nghiệp và Năng lượng");
  g_signal_emit_by_name (name, "apply");
  g_assert_null (toa_admin_page_get_error (page));
  stored = office_name (p->store, "QLCN");
  g_assert_cmpstr (stored, ==, "Phòng Quản lý Công nghiệp và Năng lượng");
  g_assert_cmpstr (adw_preferences_row_get_title (row_part (page, "office_list", "office-QLCN", NULL)), ==,
                   "Phòng Quản lý Công nghiệp và Năng lượng");

  /* An empty name is refused with a message; nothing changes. */
  name = row_part (page, "office_list", "office-KHTC", "name");
  gtk_editable_set_text (name, "  ");
  g_signal_emit_by_name (name, "apply");
  g_assert_nonnull (toa_admin_page_get_error (page));
  g_assert_true (gtk_widget_get_visible (page_child (page, "office_error")));
  unchanged = office_name (p->store, "KHTC");
  g_assert_cmpstr (unchanged, ==, "Phòng Kế hoạch - Tài chính");

  /* KHTC has nobody: it can be retired, then it is marked and offered
   * to no new user. */
  click (find_action_button (row_part (page, "office_list", "office-KHTC", NULL), "admin.retire-office"));
  g_assert_null (toa_admin_page_get_error (page));
  g_assert_cmpint (g_list_model_get_n_items (adw_combo_row_get_model (page_child (page, "user_office_row"))),
                   ==, 2);
  g_assert_true (gtk_widget_has_css_class (row_part (page, "office_list", "office-KHTC", NULL), "dim-label"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row_part (page, "office_list", "office-KHTC", NULL)), ==,
                   "KHTC · Retired");
  /* QLCN still has an: refused. */
  click (find_action_button (row_part (page, "office_list", "office-QLCN", NULL), "admin.retire-office"));
  g_assert_nonnull (toa_admin_page_get_error (page));
  click (find_action_button (row_part (page, "office_list", "office-KHTC", NULL), "admin.restore-office"));
  g_assert_null (toa_admin_page_get_error (page));
  g_assert_cmpint (g_list_model_get_n_items (adw_combo_row_get_model (page_child (page, "user_office_row"))),
                   ==, 3);
}

static void
test_edit_category (Prefs         *p,
                    gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);
  g_autoptr(GPtrArray) categories = toa_store_list_categories (p->store, NULL);
  gint64 id = ((ToaCategory *) g_ptr_array_index (categories, 0))->id;
  g_autofree char *row_name = g_strdup_printf ("category-%" G_GINT64_FORMAT, id);
  GtkEditable *name = row_part (page, "category_list", row_name, "name");

  gtk_editable_set_text (name, "Tin hoạt động");
  g_signal_emit_by_name (name, "apply");
  g_assert_null (toa_admin_page_get_error (page));
  click (find_action_button (row_part (page, "category_list", row_name, NULL), "admin.retire-category"));
  g_assert_null (toa_admin_page_get_error (page));

  g_clear_pointer (&categories, g_ptr_array_unref);
  categories = toa_store_list_categories (p->store, NULL);
  g_assert_cmpstr (((ToaCategory *) g_ptr_array_index (categories, 0))->name, ==, "Tin hoạt động");
  g_assert_true (((ToaCategory *) g_ptr_array_index (categories, 0))->retired);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row_part (page, "category_list", row_name, NULL)), ==,
                   "Retired");
}

static void
test_edit_user (Prefs         *p,
                gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);
  AdwComboRow *office = row_part (page, "user_list", "user-an", "office");
  GListModel *choices = adw_combo_row_get_model (office);
  g_autoptr(ToaUser) user = NULL;
  guint khtc = G_MAXUINT;

  /* The row shows what the store holds. */
  g_assert_cmpstr (gtk_editable_get_text (row_part (page, "user_list", "user-an", "name")), ==, "Nguyễn Văn An");
  g_assert_true (gtk_check_button_get_active (row_part (page, "user_list", "user-an", "role-author")));
  g_assert_false (gtk_check_button_get_active (row_part (page, "user_list", "user-an", "role-approver")));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (choices),
                                                               adw_combo_row_get_selected (office)), "QLCN"));

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "KHTC"))
      khtc = i;
  g_assert_cmpuint (khtc, !=, G_MAXUINT);
  gtk_editable_set_text (row_part (page, "user_list", "user-an", "name"), "Nguyễn Văn Ân");
  adw_combo_row_set_selected (office, khtc);
  gtk_check_button_set_active (row_part (page, "user_list", "user-an", "role-approver"), TRUE);
  gtk_check_button_set_active (row_part (page, "user_list", "user-an", "role-leader"), TRUE);
  click (find_action_button (row_part (page, "user_list", "user-an", NULL), "admin.save-user"));
  g_assert_null (toa_admin_page_get_error (page));

  user = toa_store_get_user (p->store, "an", NULL);
  g_assert_cmpstr (user->full_name, ==, "Nguyễn Văn Ân");
  g_assert_cmpstr (user->office, ==, "KHTC");
  g_assert_cmpuint (user->roles, ==, TOA_ROLE_AUTHOR | TOA_ROLE_APPROVER | TOA_ROLE_LEADER);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row_part (page, "user_list", "user-an", NULL)), ==,
                   "an · KHTC · Author, Approver, Leader");

  /* The last administrator cannot drop the role. */
  gtk_check_button_set_active (row_part (page, "user_list", "user-quan", "role-admin"), FALSE);
  click (find_action_button (row_part (page, "user_list", "user-quan", NULL), "admin.save-user"));
  g_assert_nonnull (toa_admin_page_get_error (page));
  g_assert_true (gtk_widget_get_visible (page_child (page, "user_error")));
  g_clear_pointer (&user, toa_user_free);
  user = toa_store_get_user (p->store, "quan", NULL);
  g_assert_cmpuint (user->roles, ==, TOA_ROLE_ADMIN);
}

static void
answer_retire_dialog (const char *response)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_retire_user (Prefs         *p,
                  gconstpointer  data)
{
  ToaAdminPage *page = admin_page (p);
  GtkWidget *row;
  g_autoptr(ToaUser) user = NULL;

  /* Asked first; Cancel leaves the account alone. */
  click (find_action_button (row_part (page, "user_list", "user-an", NULL), "admin.retire-user"));
  answer_retire_dialog ("cancel");
  user = toa_store_get_user (p->store, "an", NULL);
  g_assert_false (user->retired);

  click (find_action_button (row_part (page, "user_list", "user-an", NULL), "admin.retire-user"));
  answer_retire_dialog ("retire");
  g_assert_null (toa_admin_page_get_error (page));
  g_clear_pointer (&user, toa_user_free);
  user = toa_store_get_user (p->store, "an", NULL);
  g_assert_true (user->retired);
  /* Still listed (last, dimmed, marked), with Restore instead of Retire. */
  row = row_part (page, "user_list", "user-an", NULL);
  g_assert_true (gtk_widget_get_last_child (page_child (page, "user_list")) == row);
  g_assert_true (gtk_widget_has_css_class (row, "dim-label"));
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "· Retired"));
  g_assert_null (find_action_button (row, "admin.retire-user"));
  g_assert_cmpuint (count_children (page_child (page, "user_list")), ==, 2);

  /* The last administrator is not retired. */
  click (find_action_button (row_part (page, "user_list", "user-quan", NULL), "admin.retire-user"));
  answer_retire_dialog ("retire");
  g_assert_nonnull (toa_admin_page_get_error (page));
  g_clear_pointer (&user, toa_user_free);
  user = toa_store_get_user (p->store, "quan", NULL);
  g_assert_false (user->retired);

  click (find_action_button (row_part (page, "user_list", "user-an", NULL), "admin.restore-user"));
  g_assert_null (toa_admin_page_get_error (page));
  g_clear_pointer (&user, toa_user_free);
  user = toa_store_get_user (p->store, "an", NULL);
  g_assert_false (user->retired);
}

/* A retired administrator no longer gets the page. */
static void
test_retired_admin_sees_no_admin_page (Prefs         *p,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ToaPreferencesWindow *prefs;

  toa_store_update_user (p->store, "quan", "an", "Nguyễn Văn An", "QLCN", TOA_ROLE_AUTHOR | TOA_ROLE_ADMIN,
                         &error);
  g_assert_no_error (error);
  toa_store_set_user_retired (p->store, "an", "quan", TRUE, &error);
  g_assert_no_error (error);
  prefs = toa_preferences_window_new (app);
  g_assert_null (toa_preferences_window_get_admin_page (prefs));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Rendering, for people to look at: $TOA_SCREENSHOT_DIR keeps the PNGs. */

static void
wait_frames (GtkWidget *widget,
             guint      frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 start = gdk_frame_clock_get_frame_counter (clock);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gdk_frame_clock_get_frame_counter (clock) < start + frames)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* admin_page: 0 the general page, 1 the administration page, 2 the same
 * scrolled to its end (the users). */
static void
shoot (const char     *dir,
       const char     *name,
       AdwColorScheme  scheme,
       int             admin_page)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ToaPreferencesWindow *prefs;
  GStatBuf st;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  prefs = toa_preferences_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 760);
  if (admin_page)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                             ADW_PREFERENCES_PAGE (toa_preferences_window_get_admin_page (prefs)));
  gtk_window_present (GTK_WINDOW (prefs));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, prefs);
  wait_frames (GTK_WIDGET (prefs), 3);
  if (admin_page == 2)
    {
      GtkWidget *page = GTK_WIDGET (toa_preferences_window_get_admin_page (prefs));
      GtkWidget *user_list = GTK_WIDGET (gtk_widget_get_template_child (page, TOA_TYPE_ADMIN_PAGE, "user_list"));

      /* The second user's row open, with its fields. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_last_child (user_list)), TRUE);
      /* Past the end of the row's reveal animation. */
      wait_frames (GTK_WIDGET (prefs), 40);
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (toa_gui_test_find_descendant (page, GTK_TYPE_SCROLLED_WINDOW));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      wait_frames (GTK_WIDGET (prefs), 3);
    }

  g_assert_true (toa_gui_test_save_png (GTK_WIDGET (prefs), path));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_screenshots (Prefs         *p,
                  gconstpointer  data)
{
  const char *keep = g_getenv ("TOA_SCREENSHOT_DIR");
  g_autofree char *dir = g_strdup (keep != NULL ? keep : p->dir);
  const char *title;

  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  /* The window is really in Vietnamese. */
  title = g_dgettext (GETTEXT_PACKAGE, "Administration");
  g_assert_cmpstr (title, !=, "Administration");

  /* One retired entry, to see how it looks. */
  g_assert_true (toa_store_set_office_retired (p->store, "quan", "KHTC", TRUE, NULL));

  shoot (dir, "preferences-light.png", ADW_COLOR_SCHEME_FORCE_LIGHT, 0);
  shoot (dir, "preferences-dark.png", ADW_COLOR_SCHEME_FORCE_DARK, 0);
  shoot (dir, "preferences-admin-light.png", ADW_COLOR_SCHEME_FORCE_LIGHT, 1);
  shoot (dir, "preferences-admin-dark.png", ADW_COLOR_SCHEME_FORCE_DARK, 1);
  shoot (dir, "preferences-users-light.png", ADW_COLOR_SCHEME_FORCE_LIGHT, 2);
  shoot (dir, "preferences-users-dark.png", ADW_COLOR_SCHEME_FORCE_DARK, 2);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
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
  /* Let GLib decide to translate while Vietnamese is on (see test-desk.c). */
  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  g_dgettext (GETTEXT_PACKAGE, "Administration");
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = toa_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

#define ADD(path, func, login) \
  g_test_add (path, Prefs, login, prefs_setup, func, prefs_teardown)

  ADD ("/preferences/admin/visible", test_admin_sees_admin_page, "quan");
  ADD ("/preferences/admin/hidden-from-authors", test_author_sees_no_admin_page, "an");
  ADD ("/preferences/admin/add-office", test_add_office, "quan");
  ADD ("/preferences/admin/duplicate-office", test_duplicate_office, "quan");
  ADD ("/preferences/admin/add-category", test_add_category, "quan");
  ADD ("/preferences/admin/add-user", test_add_user, "quan");
  ADD ("/preferences/admin/self-approval", test_self_approval, "quan");
  ADD ("/preferences/admin/rename-office", test_rename_office, "quan");
  ADD ("/preferences/admin/edit-category", test_edit_category, "quan");
  ADD ("/preferences/admin/edit-user", test_edit_user, "quan");
  ADD ("/preferences/admin/retire-user", test_retire_user, "quan");
  ADD ("/preferences/admin/retired-admin-hidden", test_retired_admin_sees_no_admin_page, "quan");
  ADD ("/preferences/font-size", test_font_size, "an");
  ADD ("/preferences/open-database", test_open_database, "quan");
  ADD ("/preferences/default-database", test_default_database, "an");
  ADD ("/preferences/export-folder", test_export_folder, "an");
  ADD ("/preferences/screenshots", test_screenshots, "quan");

#undef ADD
  status = g_test_run ();
  g_clear_object (&app);
  toa_test_remove_tree (data_home);
  return status;
}
