/* test-publish.c — preview, export dialog, copy HTML, reports page and
 * notifications, driven in-process under Xvfb against a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With TOA_SHOTS_DIR set, the windows are also rendered to PNG files
 * there (light and dark), for docs/screenshots.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "toa-gui-test-utils.h"
#include "toa-core.h"
#include "toa-export-dialog.h"
#include "toa-notifier.h"
#include "toa-preview-window.h"
#include "toa-report.h"
#include "toa-reports-page.h"
#include "toa-store-export.h"
#include "toa-store-media.h"
#include "toa-test-newsroom.h"

#include <webkit/webkit.h>

/* ---- Helpers ----------------------------------------------------------------- */

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
show_window (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (toa_gui_test_wait (toa_gui_test_widget_is_mapped, window, 10));
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* Waits for a few frames so that what is saved is what is shown. */
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
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width, height;

  wait_frames (widget, 3);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Saves @window to TOA_SHOTS_DIR/publish-NAME[-dark].png in both styles. */
/* The export dialog's status line is inside its visible area. */
static gboolean
status_in_view (gpointer dialog)
{
  GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (dialog, TOA_TYPE_EXPORT_DIALOG, "status_label"));
  GtkWidget *scroller = GTK_WIDGET (gtk_widget_get_template_child (dialog, TOA_TYPE_EXPORT_DIALOG, "scroller"));
  graphene_point_t bottom;

  if (!gtk_widget_compute_point (label, scroller,
                                 &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (label)), &bottom))
    return FALSE;
  return gtk_widget_get_height (label) > 0 && bottom.y <= gtk_widget_get_height (scroller);
}

static void
maybe_shoot (GtkWindow  *window,
             const char *name)
{
  const char *dir = g_getenv ("TOA_SHOTS_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dir == NULL)
    return;
  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *file = g_strdup_printf ("publish-%s%s.png", name, dark ? "-dark" : "");
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GdkTexture) texture = NULL;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      /* WebKit repaints in its own process; give it time. */
      for (guint i = 0; i < 50; i++)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
      texture = render (GTK_WIDGET (window));
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* A QLCN article by an, approved by chi. */
static gint64
approved_article (Newsroom   *n,
                  const char *title)
{
  gint64 id = newsroom_article (n, "an", title);

  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  return id;
}

static guint
count_records (Newsroom   *n,
               gint64      id,
               const char *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = toa_store_export_list_records (n->store, id, &error);
  g_autofree char *prefix = g_strconcat (format, "\t", NULL);
  guint count = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (lines, i), prefix))
      count++;
  return count;
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

/* ---- Preview ----------------------------------------------------------------- */

static gboolean
preview_loaded (gpointer data)
{
  return toa_preview_window_get_loaded (TOA_PREVIEW_WINDOW (data));
}

static gboolean
preview_blocked (gpointer data)
{
  return toa_preview_window_get_blocked (TOA_PREVIEW_WINDOW (data)) > 0;
}

/* The page the export writes for @id, to compare with the preview. */
static char *
exported_page (Newsroom *n,
               gint64    id,
               gboolean  preview)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *name = g_strdup_printf ("article-%" G_GINT64_FORMAT ".html", id);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) paths = toa_store_export_article (n->store, exporter, id, TOA_EXPORT_FORMAT_PAGE,
                                                          preview, dir, "phuong", &error);
  char *contents = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (paths);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  toa_test_remove_tree (dir);
  return contents;
}

static void
test_preview (Newsroom      *n,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = newsroom_article (n, "an", "Hội nghị xúc tiến thương mại");
  ToaPreviewWindow *window = toa_preview_window_new (NULL, n->store, "phuong");
  g_autofree char *draft_page = NULL;
  g_autofree char *approved_page = NULL;
  gboolean web_ok;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  show_window (GTK_WINDOW (window));

  /* A draft: marked as a preview, in the page and in the window. */
  g_assert_true (toa_preview_window_load (window, id, &error));
  g_assert_no_error (error);
  g_assert_true (toa_preview_window_get_draft (window));
  g_assert_nonnull (strstr (toa_preview_window_get_html (window), "class=\"toa-preview\""));
  g_assert_true (gtk_revealer_get_reveal_child (template_child (window, TOA_TYPE_PREVIEW_WINDOW,
                                                                "draft_revealer")));
  draft_page = exported_page (n, id, TRUE);
  g_assert_cmpstr (toa_preview_window_get_html (window), ==, draft_page);
  /* A draft's HTML must not reach the portal's editor. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), "trống");
  gtk_widget_activate_action (GTK_WIDGET (window), "preview.copy-html", NULL);
  g_assert_false (gdk_content_formats_contain_mime_type (
                    gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (window))), "text/html"));

  web_ok = toa_gui_test_wait (preview_loaded, window, 60);
  if (!web_ok)
    g_test_message ("WebKit's web process did not finish loading within 60 s on this display; "
                    "the load-finished assertions are skipped");
  maybe_shoot (GTK_WINDOW (window), "preview-draft");

  /* Approved: the very page the export writes, without the banner. */
  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  g_assert_true (toa_preview_window_load (window, id, &error));
  g_assert_no_error (error);
  g_assert_false (toa_preview_window_get_draft (window));
  g_assert_null (strstr (toa_preview_window_get_html (window), "toa-preview\""));
  g_assert_nonnull (strstr (toa_preview_window_get_html (window), "Hội nghị xúc tiến thương mại"));
  approved_page = exported_page (n, id, FALSE);
  g_assert_cmpstr (toa_preview_window_get_html (window), ==, approved_page);

  /* "Sao chép HTML" from the preview: only once approved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preview.copy-html", NULL));
  g_assert_true (gdk_content_formats_contain_mime_type (
                   gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (window))), "text/html"));

  if (web_ok)
    {
      g_assert_true (toa_gui_test_wait (preview_loaded, window, 60));
      maybe_shoot (GTK_WINDOW (window), "preview");
      /* Following a link to the portal is refused. */
      webkit_web_view_load_uri (WEBKIT_WEB_VIEW (toa_preview_window_get_view (window)),
                                "https://congthuong.example.gov.vn/");
      g_assert_true (toa_gui_test_wait (preview_blocked, window, 10));
    }
  else
    g_test_skip ("WebKit could not load pages under this display (web process did not start)");

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GdkTexture *texture;
  gboolean    done;
} Snapshot;

static void
on_snapshot (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Snapshot *shot = user_data;
  g_autoptr(GError) error = NULL;

  shot->texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result, &error);
  g_assert_no_error (error);
  shot->done = TRUE;
}

/* Whether @texture has a pure red pixel (the test image). */
static gboolean
has_red (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (texture, pixels, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      guchar *p = pixels + i * 4;

      if (p[2] > 240 && p[1] < 16 && p[0] < 16)
        return TRUE;
    }
  return FALSE;
}

/* An approved article with a red photo. */
static gint64
article_with_photo (Newsroom *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 240, 120);
  g_autofree char *png = NULL;
  gsize png_size = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Quang cảnh hội nghị", NULL);
  g_autoptr(ToaArticle) article = NULL;
  gint64 id = newsroom_article (n, "an", "Quang cảnh hội nghị");
  gint64 media;

  gdk_pixbuf_fill (pixbuf, 0xff0000ff);
  gdk_pixbuf_save_to_buffer (pixbuf, &png, &png_size, "png", &error, NULL);
  g_assert_no_error (error);
  bytes = g_bytes_new (png, png_size);
  media = toa_store_add_media (n->store, id, bytes, &error);
  g_assert_no_error (error);

  g_free (content->body);
  content->body = g_strdup_printf ("<p>Đoạn thứ nhất.</p><figure><img src=\"media:%" G_GINT64_FORMAT "\" alt=\"\"/>"
                                   "<figcaption>Quang cảnh hội nghị</figcaption></figure>", media);
  article = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  toa_store_save_revision (n->store, id, article->version, content, "an", NULL, &error);
  g_assert_no_error (error);
  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  return id;
}

/* The photo is written to the private folder and shown from there. */
static void
test_preview_photo (Newsroom      *n,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = article_with_photo (n);
  ToaPreviewWindow *window = toa_preview_window_new (NULL, n->store, "phuong");
  Snapshot shot = { 0 };

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  show_window (GTK_WINDOW (window));
  g_assert_true (toa_preview_window_load (window, id, &error));
  g_assert_no_error (error);
  g_assert_false (toa_preview_window_get_draft (window));
  g_assert_nonnull (strstr (toa_preview_window_get_html (window), "images/media-"));
  if (!toa_gui_test_wait (preview_loaded, window, 60))
    {
      g_test_skip ("WebKit could not load pages under this display (web process did not start)");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  webkit_web_view_get_snapshot (WEBKIT_WEB_VIEW (toa_preview_window_get_view (window)),
                                WEBKIT_SNAPSHOT_REGION_FULL_DOCUMENT, WEBKIT_SNAPSHOT_OPTIONS_NONE,
                                NULL, on_snapshot, &shot);
  g_assert_true (toa_gui_test_wait (flag_is_set, &shot.done, 30));
  g_assert_nonnull (shot.texture);
  g_assert_true (has_red (shot.texture));
  g_object_unref (shot.texture);
  maybe_shoot (GTK_WINDOW (window), "preview-photo");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

static void
on_view_load_changed (WebKitWebView   *view,
                      WebKitLoadEvent  event,
                      gboolean        *finished)
{
  if (event == WEBKIT_LOAD_FINISHED)
    *finished = TRUE;
}

/* A page that asks for a remote image and stylesheet: nothing may reach
 * the network (a local server stands in for it). */
static void
test_preview_offline (Newsroom      *n,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketService) service = g_socket_service_new ();
  ToaPreviewWindow *window = toa_preview_window_new (NULL, n->store, "phuong");
  WebKitWebView *view = WEBKIT_WEB_VIEW (toa_preview_window_get_view (window));
  guint16 port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  guint connections = 0;
  gboolean finished = FALSE;
  g_autofree char *html = NULL;
  gint64 until;

  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), &connections);
  g_socket_service_start (service);
  g_signal_connect (view, "load-changed", G_CALLBACK (on_view_load_changed), &finished);
  show_window (GTK_WINDOW (window));

  html = g_strdup_printf ("<html><head><link rel=\"stylesheet\" href=\"http://127.0.0.1:%u/s.css\"></head>"
                          "<body><img src=\"http://127.0.0.1:%u/a.png\">"
                          "<iframe src=\"http://127.0.0.1:%u/f.html\"></iframe></body></html>",
                          port, port, port);
  webkit_web_view_load_html (view, html, NULL);
  if (!toa_gui_test_wait (flag_is_set, &finished, 60))
    {
      g_test_skip ("WebKit could not load pages under this display (web process did not start)");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  /* Give stray requests time to arrive. */
  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (connections, ==, 0);

  g_socket_service_stop (service);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Export dialog ----------------------------------------------------------- */

typedef struct
{
  gboolean done;
  gboolean success;
} Finished;

static void
on_finished (ToaExportDialog *dialog,
             gboolean         success,
             Finished        *finished)
{
  finished->done = TRUE;
  finished->success = success;
}

static void
run_export (ToaExportDialog *dialog,
            Finished        *finished)
{
  finished->done = FALSE;
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL);
  g_assert_true (toa_export_dialog_get_busy (dialog));
  g_assert_true (toa_gui_test_wait (flag_is_set, &finished->done, 60));
  g_assert_false (toa_export_dialog_get_busy (dialog));
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

static void
test_export (Newsroom      *n,
             gconstpointer  data)
{
  gint64 ids[2];
  g_autofree char *dest = toa_test_make_tmpdir ();
  ToaExportDialog *dialog;
  Finished finished = { 0 };

  ids[0] = approved_article (n, "Hội nghị xúc tiến thương mại");
  ids[1] = approved_article (n, "Tập huấn an toàn hóa chất");
  dialog = toa_export_dialog_new (NULL, n->store, "phuong", ids, 2);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &finished);
  show_window (GTK_WINDOW (dialog));
  maybe_shoot (GTK_WINDOW (dialog), "export");

  toa_export_dialog_set_formats (dialog, TOA_EXPORT_FORMATS_PAGE | TOA_EXPORT_FORMATS_LIFERAY |
                                         TOA_EXPORT_FORMATS_BUNDLE);
  g_assert_cmpint (toa_export_dialog_get_formats (dialog), ==,
                   TOA_EXPORT_FORMATS_PAGE | TOA_EXPORT_FORMATS_LIFERAY | TOA_EXPORT_FORMATS_BUNDLE);
  toa_export_dialog_set_destination (dialog, dest);
  run_export (dialog, &finished);
  g_assert_true (finished.success);
  g_assert_cmpuint (toa_export_dialog_get_exported (dialog)->len, ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%" G_GINT64_FORMAT ".html", ids[i]);
      g_autofree char *path = g_build_filename (dest, name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpuint (count_records (n, ids[i], "page"), >=, 1);
      g_assert_cmpuint (count_records (n, ids[i], "liferay"), >=, 1);
      g_assert_cmpuint (count_records (n, ids[i], "bundle"), ==, 1);
      g_assert_cmpuint (count_records (n, ids[i], "newsml"), ==, 0);
      g_assert_cmpint (newsroom_status (n, ids[i]), ==, TOA_ARTICLE_STATUS_APPROVED);
    }
  g_assert_true (file_with_suffix (dest, ".zip"));
  /* The outcome and the "published" button come into view. */
  toa_gui_test_iterate_until (status_in_view, dialog);
  maybe_shoot (GTK_WINDOW (dialog), "export-done");

  /* The user uploaded them, then confirms. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.confirm-published", NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ToaTransition) transition = last_transition (n, ids[i]);

      g_assert_cmpint (newsroom_status (n, ids[i]), ==, TOA_ARTICLE_STATUS_PUBLISHED);
      g_assert_cmpstr (transition->action, ==, "publish");
      g_assert_cmpstr (transition->actor, ==, "phuong");
    }
  g_assert_cmpuint (toa_export_dialog_get_exported (dialog)->len, ==, 0);

  /* Idle, Cancel closes the dialog. */
  g_object_ref (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  toa_test_remove_tree (dest);
}

static void
test_export_refuses_draft (Newsroom      *n,
                           gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bản nháp chưa duyệt");
  g_autofree char *dest = toa_test_make_tmpdir ();
  ToaExportDialog *dialog = toa_export_dialog_new (NULL, n->store, "phuong", &id, 1);
  GtkLabel *status = template_child (dialog, TOA_TYPE_EXPORT_DIALOG, "status_label");
  Finished finished = { 0 };

  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &finished);
  show_window (GTK_WINDOW (dialog));
  toa_export_dialog_set_destination (dialog, dest);
  run_export (dialog, &finished);
  g_assert_false (finished.success);
  g_assert_cmpstr (gtk_label_get_text (status), !=, "");
  g_assert_cmpuint (count_records (n, id, "page"), ==, 0);
  g_assert_false (file_with_suffix (dest, ".html"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  toa_test_remove_tree (dest);
}

static gboolean
progress_started (gpointer data)
{
  ToaExportDialog *dialog = data;
  GtkProgressBar *bar = template_child (dialog, TOA_TYPE_EXPORT_DIALOG, "progress_bar");

  return gtk_progress_bar_get_fraction (bar) > 0.0 || !toa_export_dialog_get_busy (dialog);
}

static void
test_export_cancel (Newsroom      *n,
                    gconstpointer  data)
{
  enum { N_ARTICLES = 40 };
  gint64 ids[N_ARTICLES];
  g_autofree char *dest = toa_test_make_tmpdir ();
  ToaExportDialog *dialog;
  Finished finished = { 0 };
  GArray *exported;
  guint recorded = 0;

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bản tin số %u", i + 1);

      ids[i] = approved_article (n, title);
    }
  /* Nothing selected: "all approved". */
  dialog = toa_export_dialog_new (NULL, n->store, "phuong", NULL, 0);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &finished);
  show_window (GTK_WINDOW (dialog));
  toa_export_dialog_set_formats (dialog, TOA_EXPORT_FORMATS_PAGE | TOA_EXPORT_FORMATS_XML |
                                         TOA_EXPORT_FORMATS_LIFERAY | TOA_EXPORT_FORMATS_NEWSML |
                                         TOA_EXPORT_FORMATS_BUNDLE);
  toa_export_dialog_set_destination (dialog, dest);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL);
  g_assert_true (toa_gui_test_wait (progress_started, dialog, 60));
  g_assert_true (toa_export_dialog_get_busy (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
  g_assert_true (toa_gui_test_wait (flag_is_set, &finished.done, 60));
  g_assert_false (finished.success);
  g_assert_false (toa_export_dialog_get_busy (dialog));
  /* The dialog is still there: Cancel stopped the batch, not the dialog. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Stopped between articles: those exported are whole and recorded,
   * the others untouched, and no bundle was made. */
  exported = toa_export_dialog_get_exported (dialog);
  g_assert_cmpuint (exported->len, >, 0);
  g_assert_cmpuint (exported->len, <, N_ARTICLES);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%" G_GINT64_FORMAT ".html", ids[i]);
      g_autofree char *path = g_build_filename (dest, name, NULL);
      gboolean done = count_records (n, ids[i], "newsml") == 1;

      g_assert_cmpuint (count_records (n, ids[i], "page"), ==, done ? 1 : 0);
      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, done);
      g_assert_cmpuint (count_records (n, ids[i], "bundle"), ==, 0);
      recorded += done;
    }
  g_assert_cmpuint (recorded, ==, exported->len);
  g_assert_false (file_with_suffix (dest, ".zip"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  toa_test_remove_tree (dest);
}

/* ---- Copy HTML --------------------------------------------------------------- */

typedef struct
{
  char    *html;
  char    *text;
  gboolean html_done;
  gboolean text_done;
} ClipboardRead;

static void
on_html_spliced (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClipboardRead *read = user_data;
  GMemoryOutputStream *out = G_MEMORY_OUTPUT_STREAM (source);
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  read->html = g_strndup (g_memory_output_stream_get_data (out), g_memory_output_stream_get_data_size (out));
  read->html_done = TRUE;
}

/* The clipboard's stream is a pipe fed by the main loop: read it
 * asynchronously. */
static void
on_html_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_output_stream_splice_async (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, G_PRIORITY_DEFAULT,
                                NULL, on_html_spliced, user_data);
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->text_done = TRUE;
}

static void
test_copy_html (Newsroom      *n,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GdkClipboard *clipboard = gdk_display_get_clipboard (gdk_display_get_default ());
  gint64 draft = newsroom_article (n, "an", "Bản nháp");
  gint64 id = approved_article (n, "Hội nghị xúc tiến thương mại");
  ClipboardRead read = { 0 };
  const char *mime_types[] = { "text/html", NULL };
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(ToaExportArticle) article = NULL;
  g_autofree char *fragment = NULL;

  /* A draft may not be pasted into the portal. */
  g_assert_false (toa_export_copy_html (clipboard, n->store, draft, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (toa_export_copy_html (clipboard, n->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html"));

  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, on_html_read, &read);
  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &read);
  g_assert_true (toa_gui_test_wait (flag_is_set, &read.html_done, 10));
  g_assert_true (toa_gui_test_wait (flag_is_set, &read.text_done, 10));

  article = toa_store_export_load (n->store, id, &error);
  g_assert_no_error (error);
  fragment = toa_exporter_render_fragment (exporter, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read.html, ==, fragment);
  g_assert_nonnull (strstr (read.html, "Đoạn thứ nhất."));
  g_assert_nonnull (strstr (read.text, "Đoạn thứ hai."));
  g_assert_null (strstr (read.text, "<p"));
  g_free (read.html);
  g_free (read.text);
}

/* ---- Reports ----------------------------------------------------------------- */

static const char *
grid_text (GtkGrid *grid,
           int      column,
           int      row)
{
  GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);

  g_assert_true (GTK_IS_LABEL (cell));
  return gtk_label_get_text (GTK_LABEL (cell));
}

/* Whether the texture has a pixel of the chart's first colour (#3584e4). */
static gboolean
has_blue_bar (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (texture, pixels, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      /* Cairo's ARGB32, little endian: B, G, R, A. */
      guchar *p = pixels + i * 4;

      if (ABS (p[2] - 0x35) < 4 && ABS (p[1] - 0x84) < 4 && ABS (p[0] - 0xe4) < 4)
        return TRUE;
    }
  return FALSE;
}

static void
test_reports (Newsroom      *n,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 qlcn = newsroom_article (n, "an", "Hội nghị xúc tiến thương mại");
  gint64 qlcn2 = newsroom_article (n, "binh", "Tập huấn an toàn hóa chất");
  g_autoptr(ToaArticleContent) content = newsroom_content ("Báo cáo quý III", NULL);
  gint64 khtc = toa_store_create_article (n->store, NULL, content, "dung", &error);
  ToaReportsPage *page;
  GtkWidget *window = gtk_window_new ();
  GtkGrid *grid;
  const ToaReport *report;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *csv_path = g_build_filename (dir, "thong-ke.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *expected_csv = NULL;
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *zero = NULL;
  GDate today;

  g_assert_no_error (error);
  /* QLCN: one returned once then approved, one approved at once;
   * KHTC: one approved. */
  newsroom_act (n, qlcn, "submit", "an", NULL);
  newsroom_act (n, qlcn, "return", "chi", "Bổ sung chú thích ảnh");
  newsroom_act (n, qlcn, "submit", "an", NULL);
  newsroom_act (n, qlcn, "approve", "chi", NULL);
  newsroom_act (n, qlcn2, "submit", "binh", NULL);
  newsroom_act (n, qlcn2, "approve", "chi", NULL);
  newsroom_act (n, khtc, "submit", "dung", NULL);
  newsroom_act (n, khtc, "approve", "em", NULL);

  page = toa_reports_page_new (n->store, "lan");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Thống kê");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  show_window (GTK_WINDOW (window));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_assert_true (toa_reports_page_set_range (page, &today, &today, &error));
  g_assert_no_error (error);

  report = toa_reports_page_get_report (page);
  g_assert_nonnull (report);
  grid = template_child (page, TOA_TYPE_REPORTS_PAGE, "summary_grid");
  /* Rows follow the office codes: KHTC, then QLCN. */
  g_assert_cmpstr (grid_text (grid, 0, 1), ==, "Phòng Kế hoạch - Tài chính");
  g_assert_cmpstr (grid_text (grid, 1, 1), ==, "1");
  g_assert_cmpstr (grid_text (grid, 2, 1), ==, "1");
  g_assert_cmpstr (grid_text (grid, 3, 1), ==, "0");
  g_assert_cmpstr (grid_text (grid, 0, 2), ==, "Phòng Quản lý Công nghiệp");
  g_assert_cmpstr (grid_text (grid, 1, 2), ==, "2");
  g_assert_cmpstr (grid_text (grid, 2, 2), ==, "3");
  g_assert_cmpstr (grid_text (grid, 3, 2), ==, "1");
  /* Approvals within the same second: the median is under a minute. */
  zero = g_strdup (_("under 1 min"));
  g_assert_cmpstr (grid_text (grid, 4, 2), ==, zero);
  g_assert_null (gtk_grid_get_child_at (grid, 0, 3));

  /* The chart, drawn: grouped bars in the first colour. */
  texture = render (window);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_assert_true (has_blue_bar (texture));
  maybe_shoot (GTK_WINDOW (window), "reports");

  /* CSV: what the core writes for the same report. */
  g_assert_true (toa_reports_page_save_csv (page, csv_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  expected_csv = toa_report_to_csv (report);
  g_assert_cmpstr (csv, ==, expected_csv);
  g_assert_nonnull (strstr (csv, "QLCN"));

  /* A bad date is refused with a message, and the report stays. */
  gtk_editable_set_text (template_child (page, TOA_TYPE_REPORTS_PAGE, "from_entry"), "31/02/2026");
  gtk_widget_activate_action (GTK_WIDGET (page), "reports.refresh", NULL);
  g_assert_cmpstr (gtk_label_get_text (template_child (page, TOA_TYPE_REPORTS_PAGE, "error_label")), !=, "");
  g_assert_true (toa_reports_page_get_report (page) == report);

  gtk_window_destroy (GTK_WINDOW (window));
  toa_test_remove_tree (dir);
}

static void
test_duration_format (void)
{
  g_autofree char *none = toa_reports_format_duration (-1);
  g_autofree char *minutes = toa_reports_format_duration (25 * G_TIME_SPAN_MINUTE);
  g_autofree char *hours = toa_reports_format_duration (2 * G_TIME_SPAN_HOUR + 5 * G_TIME_SPAN_MINUTE);
  g_autofree char *days = toa_reports_format_duration (3 * G_TIME_SPAN_DAY + 12 * G_TIME_SPAN_HOUR);

  g_assert_cmpstr (none, ==, "—");
  g_autofree char *expected_minutes = g_strdup_printf (_("%d min"), 25);
  g_autofree char *expected_hours = g_strdup_printf (_("%d h %02d min"), 2, 5);
  g_autofree char *expected_days = g_strdup_printf (_("%.1f days"), 3.5);

  g_assert_cmpstr (minutes, ==, expected_minutes);
  {
    g_autofree char *seconds = toa_reports_format_duration (10 * G_USEC_PER_SEC);
    g_autofree char *one = toa_reports_format_duration (40 * G_USEC_PER_SEC);
    g_autofree char *expected_one = g_strdup_printf (_("%d min"), 1);

    g_assert_cmpstr (seconds, ==, _("under 1 min"));
    g_assert_cmpstr (one, ==, expected_one);
  }
  g_assert_cmpstr (hours, ==, expected_hours);
  g_assert_cmpstr (days, ==, expected_days);
  g_assert_nonnull (strstr (expected_days, "3.5"));
}

/* ---- Notifications ----------------------------------------------------------- */

typedef struct
{
  GPtrArray *titles;
  GPtrArray *bodies;
  GPtrArray *ids;
  guint      expected;
} Sent;

static gboolean
sent_enough (gpointer data)
{
  Sent *sent = data;

  return sent->titles->len >= sent->expected;
}

static void
on_notification (ToaNotifier   *notifier,
                 const char    *id,
                 const char    *title,
                 const char    *body,
                 GNotification *notification,
                 Sent          *sent)
{
  g_assert_true (G_IS_NOTIFICATION (notification));
  g_ptr_array_add (sent->titles, g_strdup (title));
  g_ptr_array_add (sent->bodies, g_strdup (body));
  g_ptr_array_add (sent->ids, g_strdup (id));
}

static Sent *
sent_new (void)
{
  Sent *sent = g_new0 (Sent, 1);

  sent->titles = g_ptr_array_new_with_free_func (g_free);
  sent->ids = g_ptr_array_new_with_free_func (g_free);
  sent->bodies = g_ptr_array_new_with_free_func (g_free);
  return sent;
}

static void
sent_free (Sent *sent)
{
  g_ptr_array_unref (sent->titles);
  g_ptr_array_unref (sent->ids);
  g_ptr_array_unref (sent->bodies);
  g_free (sent);
}

static void
check (ToaNotifier *notifier,
       Sent        *sent,
       guint        expected,
       const char  *title)
{
  g_autoptr(GError) error = NULL;
  guint before = sent->titles->len;
  guint count = toa_notifier_check (notifier, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, expected);
  g_assert_cmpuint (sent->titles->len - before, ==, expected);
  if (expected > 0)
    {
      g_assert_cmpstr (g_ptr_array_index (sent->titles, sent->titles->len - 1), ==, title);
      g_assert_nonnull (strstr (g_ptr_array_index (sent->bodies, sent->bodies->len - 1),
                                "Hội nghị xúc tiến thương mại"));
    }
}

static void
test_notifier (Newsroom      *n,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* Another connection, as another user's instance of the app. */
  g_autoptr(ToaStore) other = toa_store_open (n->path, &error);
  g_autoptr(ToaNotifier) chi = toa_notifier_new (NULL, n->store, "chi");
  g_autoptr(ToaNotifier) an = toa_notifier_new (NULL, n->store, "an");
  g_autoptr(ToaNotifier) em = toa_notifier_new (NULL, n->store, "em");
  Sent *chi_sent = sent_new (), *an_sent = sent_new (), *em_sent = sent_new ();
  g_autoptr(ToaArticleContent) content = newsroom_content ("Hội nghị xúc tiến thương mại", NULL);
  gint64 id;

  g_assert_no_error (error);
  g_signal_connect (chi, "notification", G_CALLBACK (on_notification), chi_sent);
  g_signal_connect (an, "notification", G_CALLBACK (on_notification), an_sent);
  g_signal_connect (em, "notification", G_CALLBACK (on_notification), em_sent);

  id = toa_store_create_article (other, NULL, content, "an", &error);
  g_assert_no_error (error);
  check (chi, chi_sent, 0, NULL);

  toa_store_transition (other, id, "submit", "an", NULL, &error);
  g_assert_no_error (error);
  check (chi, chi_sent, 1, _("New article to approve"));
  check (chi, chi_sent, 0, NULL);     /* no repeat */
  check (an, an_sent, 0, NULL);       /* their own action */
  check (em, em_sent, 0, NULL);       /* another office */

  toa_store_transition (other, id, "return", "chi", "Bổ sung chú thích ảnh", &error);
  g_assert_no_error (error);
  check (an, an_sent, 1, _("Your article was returned"));
  /* The reason comes with it. */
  g_assert_nonnull (strstr (g_ptr_array_index (an_sent->bodies, 0), "Bổ sung chú thích ảnh"));
  check (chi, chi_sent, 0, NULL);

  toa_store_transition (other, id, "submit", "an", NULL, &error);
  g_assert_no_error (error);
  toa_store_transition (other, id, "approve", "chi", NULL, &error);
  g_assert_no_error (error);
  check (an, an_sent, 1, _("Your article was approved"));
  check (chi, chi_sent, 1, _("New article to approve"));

  toa_store_transition (other, id, "publish", "phuong", NULL, &error);
  g_assert_no_error (error);
  check (an, an_sent, 1, _("Your article was published"));
  check (chi, chi_sent, 0, NULL);
  g_assert_cmpstr (g_ptr_array_index (an_sent->ids, 0), !=, g_ptr_array_index (an_sent->ids, 1));

  /* Running on its own, the notifier tells chi of binh's submission
   * within its interval. */
  {
    g_autoptr(ToaArticleContent) second = newsroom_content ("Tập huấn an toàn hóa chất", NULL);
    gint64 other_id = toa_store_create_article (other, NULL, second, "binh", &error);
    guint before = chi_sent->titles->len;

    g_assert_no_error (error);
    toa_notifier_start (chi, 1);
    toa_store_transition (other, other_id, "submit", "binh", NULL, &error);
    g_assert_no_error (error);
    chi_sent->expected = before + 1;
    g_assert_true (toa_gui_test_wait (sent_enough, chi_sent, 10));
    g_assert_cmpuint (chi_sent->titles->len, ==, before + 1);
    g_assert_nonnull (strstr (g_ptr_array_index (chi_sent->bodies, before), "Tập huấn an toàn hóa chất"));
    toa_notifier_stop (chi);
  }

  sent_free (chi_sent);
  sent_free (an_sent);
  sent_free (em_sent);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  if (g_getenv ("TOA_SHOTS_DIR") == NULL)
    g_setenv ("LANGUAGE", "C", TRUE);
  toa_core_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Newsroom, NULL, newsroom_setup, func, newsroom_teardown)
  ADD ("/publish/preview", test_preview);
  ADD ("/publish/preview-offline", test_preview_offline);
  ADD ("/publish/preview-photo", test_preview_photo);
  ADD ("/publish/export", test_export);
  ADD ("/publish/export-refuses-draft", test_export_refuses_draft);
  ADD ("/publish/export-cancel", test_export_cancel);
  ADD ("/publish/copy-html", test_copy_html);
  ADD ("/publish/reports", test_reports);
  ADD ("/publish/notifier", test_notifier);
#undef ADD
  g_test_add_func ("/publish/duration-format", test_duration_format);

  return g_test_run ();
}
