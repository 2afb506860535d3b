/* test-window.c — the main window and its satellites, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "toa-gui-test-utils.h"
#include "toa-application.h"
#include "toa-article-row.h"
#include "toa-welcome.h"
#include "toa-article-editor.h"
#include "toa-comment-dialog.h"
#include "toa-conflict-dialog.h"
#include "toa-body-editor.h"
#include "toa-core.h"
#include "toa-link-dialog.h"
#include "toa-preferences-window.h"
#include "toa-test-utils.h"
#include "toa-window.h"
#include "toa-workflow-bar.h"
#include "toa-export-dialog.h"
#include "toa-preview-window.h"
#include "toa-reports-page.h"

/* Review desk widgets. */
#include "toa-approve-dialog.h"
#include "toa-comments-panel.h"
#include "toa-diff-view.h"
#include "toa-history-panel.h"
#include "toa-return-dialog.h"
#include "toa-review-window.h"

static ToaApplication *app;
static ToaStore *template_store;

typedef struct { GType type; } TypeWait;

static gboolean
toplevel_shown (gpointer data)
{
  TypeWait *wait = data;

  return toa_gui_test_find_toplevel (wait->type) != NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  TypeWait wait = { type };

  toa_gui_test_iterate_until (toplevel_shown, &wait);
  return toa_gui_test_find_toplevel (type);
}

static ToaWindow *
new_mapped_window (void)
{
  ToaWindow *window = toa_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, window);
  return window;
}

static void
test_window_maps (void)
{
  ToaWindow *window = new_mapped_window ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Tòa Soạn");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_about_opens (void)
{
  ToaWindow *window = new_mapped_window ();
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Tòa Soạn");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_destroy (about);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_accelerators (GtkWidget  *widget,
                      GHashTable *accelerators)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_hash_table_add (accelerators, accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, accelerators);
}

static void
test_shortcuts_opens (void)
{
  ToaWindow *window = new_mapped_window ();
  GtkWindow *shortcuts;
  g_autoptr(GHashTable) accelerators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The window's, the article editor's and the body editor's own keys. */
  const char *expected[] = { "<Control>n", "<Control>f", "<Control>s", "<Control>z", "<Control><Shift>z",
                             "<Control>b", "<Control>i", "<Control>u", "<Control>k", "<Control><Alt>0",
                             "<Control><Alt>2", "<Control><Alt>3", "<Control>bracketright",
                             "<Control>bracketleft" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  collect_accelerators (GTK_WIDGET (shortcuts), accelerators);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (accelerators, expected[i]))
      g_error ("the shortcuts window does not list %s", expected[i]);
  {
    g_autofree char *dir = g_build_filename (g_getenv ("TOASOAN_BUILD_DIR") != NULL ?
                                             g_getenv ("TOASOAN_BUILD_DIR") : ".",
                                             "tests", "gui", "screenshots", NULL);
    g_autofree char *png = g_build_filename (dir, "shortcuts.png", NULL);

    g_mkdir_with_parents (dir, 0755);
    g_assert_true (toa_gui_test_save_png (GTK_WIDGET (shortcuts), png));
  }
  gtk_window_destroy (shortcuts);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_opens (void)
{
  ToaWindow *window = new_mapped_window ();
  GtkWindow *prefs;
  GSettings *settings = toa_application_get_settings (app);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = wait_for_toplevel (TOA_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);

  /* The style row writes the setting, and the setting drives libadwaita. */
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_reset (settings, "color-scheme");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Builds one widget per template class, the way the application does. A
 * template whose class is missing here fails the test: add it. */
static GtkWidget *
build_template_instance (const char *class_name)
{
  if (g_strcmp0 (class_name, "ToaWindow") == 0)
    return GTK_WIDGET (toa_window_new (app));
  if (g_strcmp0 (class_name, "ToaBodyEditor") == 0)
    return GTK_WIDGET (toa_body_editor_new ());
  if (g_strcmp0 (class_name, "ToaLinkDialog") == 0)
    return GTK_WIDGET (toa_link_dialog_new (NULL, "https://congthuong.gov.vn/"));
  if (g_strcmp0 (class_name, "ToaPreferencesWindow") == 0)
    return GTK_WIDGET (toa_preferences_window_new (app));
  if (g_strcmp0 (class_name, "ToaAdminPage") == 0)
    return GTK_WIDGET (toa_admin_page_new (template_store, "nobody"));
  if (g_strcmp0 (class_name, "ToaWelcome") == 0)
    return toa_welcome_new (toa_application_get_store (app), "test");
  if (g_strcmp0 (class_name, "ToaArticleEditor") == 0)
    return GTK_WIDGET (toa_article_editor_new (template_store, "nobody"));
  if (g_strcmp0 (class_name, "ToaWorkflowBar") == 0)
    return toa_workflow_bar_new ();
  if (g_strcmp0 (class_name, "ToaCommentDialog") == 0)
    return GTK_WIDGET (toa_comment_dialog_new (NULL, "Return for changes"));
  if (g_strcmp0 (class_name, "ToaConflictDialog") == 0)
    return GTK_WIDGET (toa_conflict_dialog_new (NULL, "Đỗ Nguyên", g_get_real_time (), "Tiêu đề"));
  if (g_strcmp0 (class_name, "ToaExportDialog") == 0)
    return GTK_WIDGET (toa_export_dialog_new (NULL, template_store, "nobody", NULL, 0));
  if (g_strcmp0 (class_name, "ToaPreviewWindow") == 0)
    return GTK_WIDGET (toa_preview_window_new (NULL, template_store, "nobody"));
  if (g_strcmp0 (class_name, "ToaReportsPage") == 0)
    return GTK_WIDGET (toa_reports_page_new (template_store, "nobody"));
  if (g_strcmp0 (class_name, "ToaReviewWindow") == 0)
    return GTK_WIDGET (toa_review_window_new (NULL, template_store, "nobody", NULL));
  if (g_strcmp0 (class_name, "ToaHistoryPanel") == 0)
    return GTK_WIDGET (toa_history_panel_new (template_store, "nobody"));
  if (g_strcmp0 (class_name, "ToaDiffView") == 0)
    return toa_diff_view_new ();
  if (g_strcmp0 (class_name, "ToaCommentsPanel") == 0)
    return GTK_WIDGET (toa_comments_panel_new (template_store, "nobody"));
  if (g_strcmp0 (class_name, "ToaApproveDialog") == 0)
    return GTK_WIDGET (g_object_new (TOA_TYPE_APPROVE_DIALOG, NULL));
  if (g_strcmp0 (class_name, "ToaReturnDialog") == 0)
    return GTK_WIDGET (toa_return_dialog_new (NULL, template_store, 1, "nobody"));
  return NULL;
}

static char *
template_class_of (GBytes *ui)
{
  g_autoptr(GRegex) regex = g_regex_new ("<template class=\"([A-Za-z0-9_]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gsize size = 0;
  const char *text = g_bytes_get_data (ui, &size);
  g_autofree char *copy = g_strndup (text, size);

  if (!g_regex_match (regex, copy, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

static void
test_every_template (void)
{
  const char *dirs[] = { RESOURCE_BASE_PATH "/ui/", RESOURCE_BASE_PATH "/gtk/", NULL };
  g_autofree char *store_dir = toa_test_make_tmpdir ();
  g_autofree char *store_path = g_build_filename (store_dir, "toasoan.db", NULL);
  g_autoptr(GError) error = NULL;
  guint count = 0;

  template_store = toa_store_open (store_path, &error);
  g_assert_no_error (error);

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_auto(GStrv) names = g_resources_enumerate_children (dirs[d], 0, NULL);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (dirs[d], names[i], NULL);
          g_autoptr(GBytes) ui = g_resources_lookup_data (path, 0, NULL);
          g_autofree char *class_name = template_class_of (ui);
          GtkWidget *widget;

          g_test_message ("instantiating %s", path);
          if (class_name != NULL)
            {
              widget = build_template_instance (class_name);
              if (widget == NULL)
                g_error ("%s: no factory for template class %s in this test", path, class_name);
            }
          else
            {
              g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (path);
              GSList *objects = gtk_builder_get_objects (builder);

              g_assert_nonnull (objects);
              widget = GTK_IS_WIDGET (objects->data) ? objects->data : NULL;
              g_slist_free (objects);
              if (widget == NULL)
                continue;
              g_object_ref_sink (widget);
            }

          if (GTK_IS_WINDOW (widget))
            {
              gtk_window_present (GTK_WINDOW (widget));
              toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, widget);
              gtk_window_destroy (GTK_WINDOW (widget));
            }
          else
            {
              g_object_ref_sink (widget);
              g_object_unref (widget);
            }
          count++;
        }
    }

  g_assert_cmpuint (count, >=, 3);
  g_clear_object (&template_store);
  toa_test_remove_tree (store_dir);
}

static void
test_vietnamese (void)
{
  ToaWindow *window;
  GtkWidget *page;

  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");

  window = new_mapped_window ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Tòa Soạn");
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), TOA_TYPE_WINDOW, "empty_page"));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Chưa có bài viết");
  gtk_window_destroy (GTK_WINDOW (window));

  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
}

int
main (int    argc,
      char **argv)
{
  int status;

  toa_core_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = toa_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/maps", test_window_maps);
  g_test_add_func ("/window/about", test_about_opens);
  g_test_add_func ("/window/shortcuts", test_shortcuts_opens);
  g_test_add_func ("/window/preferences", test_preferences_opens);
  g_test_add_func ("/window/every-template", test_every_template);
  g_test_add_func ("/window/vietnamese", test_vietnamese);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
