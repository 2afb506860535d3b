/* test-preview-module.c — the preview's web view as a module loaded on
 * demand: the desk starts without WebKit and "Preview" loads it; where
 * the module is looked for; what happens when it is missing, broken or
 * from another version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs TOASOAN_MODULE_DIR set to the build folder of the module (the
 * gui tests' environment does) and FAKE_WEBVIEW_DIR, the folder of a
 * module from "another version" (a compile-time define).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "toa-gui-test-utils.h"
#include "toa-application.h"
#include "toa-core.h"
#include "toa-demo.h"
#include "toa-preview-window.h"
#include "toa-test-newsroom.h"
#include "toa-webview-loader.h"
#include "toa-window.h"

#define MODULE_FILE TOA_WEBVIEW_MODULE_NAME "." G_MODULE_SUFFIX

/* The module's folder as the test environment gave it. */
static char *module_dir;
static ToaApplication *app;

/* Whether the dynamic linker has WebKitGTK in this process. */
static gboolean
webkit_is_mapped (void)
{
  g_autofree char *maps = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents ("/proc/self/maps", &maps, NULL, &error);
  g_assert_no_error (error);
  return strstr (maps, "libwebkitgtk-") != NULL || strstr (maps, "libjavascriptcoregtk-") != NULL;
}

static void
set_module_env (const char *dirs,
                const char *only)
{
  if (dirs != NULL)
    g_setenv ("TOASOAN_MODULE_DIR", dirs, TRUE);
  else
    g_unsetenv ("TOASOAN_MODULE_DIR");
  if (only != NULL)
    g_setenv ("TOASOAN_MODULE_DIR_ONLY", only, TRUE);
  else
    g_unsetenv ("TOASOAN_MODULE_DIR_ONLY");
}

static void
restore_module_env (void)
{
  set_module_env (module_dir, "1");
}

static void
assert_dirs (const char * const *expected)
{
  g_auto(GStrv) dirs = toa_webview_module_dirs ();

  g_assert_cmpstrv (dirs, expected);
}

/* The build folder first, then the installed one, unless told not to. */
static void
test_dirs (void)
{
  const char *sep = G_SEARCHPATH_SEPARATOR_S;
  g_autofree char *two = g_strconcat ("/a", sep, sep, "/b", NULL);

  set_module_env ("/a", NULL);
  assert_dirs ((const char *[]) { "/a", TOASOAN_PKGLIBDIR, NULL });
  set_module_env (two, NULL);
  assert_dirs ((const char *[]) { "/a", "/b", TOASOAN_PKGLIBDIR, NULL });
  set_module_env (two, "1");
  assert_dirs ((const char *[]) { "/a", "/b", NULL });
  set_module_env ("/a", "0");
  assert_dirs ((const char *[]) { "/a", TOASOAN_PKGLIBDIR, NULL });
  set_module_env (NULL, NULL);
  assert_dirs ((const char *[]) { TOASOAN_PKGLIBDIR, NULL });
  set_module_env (NULL, "1");
  assert_dirs ((const char *[]) { NULL });
  restore_module_env ();
}

/* A folder holding a file named like the module that is not a library. */
static char *
make_broken_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = toa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, MODULE_FILE, NULL);

  g_file_set_contents (path, "not an ELF file\n", -1, &error);
  g_assert_no_error (error);
  return dir;
}

static void
test_open_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = toa_test_make_tmpdir ();
  g_autofree char *broken = make_broken_dir ();
  const ToaWebViewApi *api;
  const ToaWebViewApi *again;

  /* Nothing there: says where it looked. */
  api = toa_webview_open_in ((const char *[]) { empty, NULL }, &error);
  g_assert_null (api);
  g_assert_error (error, TOA_WEBVIEW_ERROR, TOA_WEBVIEW_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, empty));
  g_assert_nonnull (strstr (error->message, MODULE_FILE));
  g_clear_error (&error);

  api = toa_webview_open_in ((const char *[]) { NULL }, &error);
  g_assert_null (api);
  g_assert_error (error, TOA_WEBVIEW_ERROR, TOA_WEBVIEW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Not a library. */
  api = toa_webview_open_in ((const char *[]) { empty, broken, NULL }, &error);
  g_assert_null (api);
  g_assert_error (error, TOA_WEBVIEW_ERROR, TOA_WEBVIEW_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, broken));
  g_clear_error (&error);

  /* Another version's module answers no version we know. */
  api = toa_webview_open_in ((const char *[]) { FAKE_WEBVIEW_DIR, NULL }, &error);
  g_assert_null (api);
  g_assert_error (error, TOA_WEBVIEW_ERROR, TOA_WEBVIEW_ERROR_VERSION);
  g_clear_error (&error);

  /* In order, passing over what does not load; the first error is the
   * one reported when nothing loads. */
  api = toa_webview_open_in ((const char *[]) { FAKE_WEBVIEW_DIR, broken, NULL }, &error);
  g_assert_null (api);
  g_assert_error (error, TOA_WEBVIEW_ERROR, TOA_WEBVIEW_ERROR_VERSION);
  g_clear_error (&error);
  api = toa_webview_open_in ((const char *[]) { empty, broken, FAKE_WEBVIEW_DIR, module_dir, NULL }, &error);
  g_assert_no_error (error);
  g_assert_nonnull (api);
  g_assert_cmpuint (api->version, ==, TOA_WEBVIEW_API_VERSION);
  g_assert_cmpuint (api->size, ==, sizeof (ToaWebViewApi));
  g_assert_nonnull (api->new_view);
  g_assert_nonnull (api->load_html);
  g_assert_true (webkit_is_mapped ());

  again = toa_webview_open_in ((const char *[]) { module_dir, NULL }, &error);
  g_assert_no_error (error);
  g_assert_true (again == api);

  toa_test_remove_tree (broken);
  toa_test_remove_tree (empty);
}

static GtkWidget *
template_child (gpointer    widget,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), TOA_TYPE_PREVIEW_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gint64
approved_article (Newsroom   *n,
                  const char *title)
{
  gint64 id = newsroom_article (n, "an", title);

  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  return id;
}

/* Without the module the window says why, the page is still rendered
 * and its HTML can still be copied; nothing crashes. */
static void
test_missing (Newsroom      *n,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = toa_test_make_tmpdir ();
  gint64 id = approved_article (n, "Hội nghị xúc tiến thương mại");
  ToaPreviewWindow *window;
  AdwStatusPage *page;
  GdkClipboard *clipboard;

  /* The test program does not link WebKit, and nothing loaded it yet. */
  g_assert_false (webkit_is_mapped ());

  set_module_env (empty, "1");
  window = toa_preview_window_new (NULL, n->store, "phuong");
  page = ADW_STATUS_PAGE (template_child (window, "unavailable_page"));
  g_assert_null (toa_preview_window_get_view (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Preview Unavailable");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "is not installed"));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), empty));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (toa_gui_test_wait (toa_gui_test_widget_is_mapped, window, 10));
  g_assert_true (toa_preview_window_load (window, id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (toa_preview_window_get_html (window), "Hội nghị xúc tiến thương mại"));
  g_assert_false (toa_preview_window_get_loaded (window));

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  gdk_clipboard_set_text (clipboard, "trống");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preview.copy-html", NULL));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (webkit_is_mapped ());
  restore_module_env ();
  toa_test_remove_tree (empty);
}

static ToaPreviewWindow *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TOA_IS_PREVIEW_WINDOW (window))
        return TOA_PREVIEW_WINDOW (window);
    }
  return NULL;
}

/* "Preview" is enabled once the editor has loaded the chosen article. */
static gboolean
preview_opened (gpointer data)
{
  if (find_preview () != NULL)
    return TRUE;
  gtk_widget_activate_action (GTK_WIDGET (data), "win.preview", NULL);
  return find_preview () != NULL;
}

/* The desk starts without WebKit; "Preview" brings it in. */
static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "toasoan.db", NULL);
  ToaWindow *window;
  ToaPreviewWindow *preview;
  GtkSingleSelection *selection;

  restore_module_env ();
  g_assert_true (toa_application_open_store (app, path, &error));
  g_assert_no_error (error);
  g_assert_true (toa_demo_load (toa_application_get_store (app), NULL, &error));
  g_assert_no_error (error);
  toa_application_set_login (app, "dvkhoa");

  window = toa_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (toa_gui_test_wait (toa_gui_test_widget_is_mapped, window, 10));
  g_assert_false (webkit_is_mapped ());

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
    GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), TOA_TYPE_WINDOW, "article_list"))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >, 0);
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (toa_gui_test_wait (preview_opened, window, 10));
  preview = find_preview ();
  g_assert_true (webkit_is_mapped ());
  g_assert_nonnull (toa_preview_window_get_view (preview));
  g_assert_false (gtk_widget_get_visible (template_child (preview, "unavailable_page")));
  g_assert_nonnull (toa_preview_window_get_html (preview));

  gtk_window_destroy (GTK_WINDOW (preview));
  gtk_window_destroy (GTK_WINDOW (window));
  toa_application_set_login (app, NULL);
  toa_test_remove_tree (dir);
}

/* With the module: loaded the first time a preview window is made, the
 * view takes the status page's place and shows the page. */
static void
test_on_demand (Newsroom      *n,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = approved_article (n, "Tập huấn an toàn hóa chất");
  ToaPreviewWindow *window;
  GtkWidget *view;

  restore_module_env ();
  window = toa_preview_window_new (NULL, n->store, "phuong");
  g_assert_true (webkit_is_mapped ());
  view = toa_preview_window_get_view (window);
  g_assert_nonnull (view);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (view), ==, "WebKitWebView");
  g_assert_true (gtk_widget_get_parent (view) == gtk_widget_get_parent (template_child (window, "unavailable_page")));
  g_assert_false (gtk_widget_get_visible (template_child (window, "unavailable_page")));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (toa_gui_test_wait (toa_gui_test_widget_is_mapped, window, 10));
  g_assert_true (toa_preview_window_load (window, id, &error));
  g_assert_no_error (error);
  /* Whether WebKit's web process then finishes loading depends on the
   * display; test-publish.c checks what the view shows. */
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "C", TRUE);
  toa_core_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  module_dir = g_strdup (g_getenv ("TOASOAN_MODULE_DIR"));
  g_assert_nonnull (module_dir);
  app = toa_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  /* In this order: /missing and /window check that nothing loaded WebKit
   * before them. */
  g_test_add ("/preview-module/missing", Newsroom, NULL, newsroom_setup, test_missing, newsroom_teardown);
  g_test_add_func ("/preview-module/window", test_window);
  g_test_add_func ("/preview-module/dirs", test_dirs);
  g_test_add ("/preview-module/on-demand", Newsroom, NULL, newsroom_setup, test_on_demand, newsroom_teardown);
  g_test_add_func ("/preview-module/open-in", test_open_in);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
