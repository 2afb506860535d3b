/* test-article-row.c — one article in the list, drawn by one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "toa-article-row.h"
#include "toa-gui-test-utils.h"
#include "toa-test-newsroom.h"

#define LONG_TITLE "Sở Công Thương tổ chức hội nghị triển khai kế hoạch phát triển công nghiệp " \
                   "hỗ trợ giai đoạn 2026 – 2030 với các doanh nghiệp và hiệp hội ngành hàng"

typedef struct
{
  Newsroom             n;
  ToaArticleListModel *model;
} Fixture;

static gint64
add_article (Fixture    *f,
             const char *title,
             gboolean    with_lead)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content (title, NULL);
  gint64 id;

  if (!with_lead)
    g_clear_pointer (&content->lead, g_free);
  id = toa_store_create_article (f->n.store, NULL, content, "an", &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GError) error = NULL;

  newsroom_setup (&f->n, data);
  /* Oldest first: the rows below are in the order written. */
  add_article (f, "Tin ngắn", TRUE);
  add_article (f, LONG_TITLE, TRUE);
  add_article (f, "Không có sapo", FALSE);

  f->model = toa_article_list_model_new (f->n.store);
  query->oldest_first = TRUE;
  toa_article_list_model_set_query (f->model, query);
  g_assert_true (toa_article_list_model_refresh (f->model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 3);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->model);
  newsroom_teardown (&f->n, data);
}

static GtkWidget *
row_for (Fixture *f,
         guint    position)
{
  g_autoptr(ToaArticleItem) item = g_list_model_get_item (G_LIST_MODEL (f->model), position);
  GtkWidget *row = toa_article_row_new ();

  toa_article_row_set_item (TOA_ARTICLE_ROW (row), item, NULL);
  return row;
}

/* The height comes from the fonts' lines: a long title does not make a
 * row taller, nor a narrow one; a row without a snippet is shorter. */
static void
test_height (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *short_row = g_object_ref_sink (row_for (f, 0));
  GtkWidget *long_row = g_object_ref_sink (row_for (f, 1));
  GtkWidget *no_lead = g_object_ref_sink (row_for (f, 2));
  int height = toa_gui_test_fixed_height (short_row, 400);

  g_assert_cmpint (height, >, 0);
  g_assert_cmpint (toa_gui_test_fixed_height (long_row, 400), ==, height);
  g_assert_cmpint (toa_gui_test_fixed_height (long_row, 120), ==, height);
  g_assert_cmpint (toa_gui_test_fixed_height (no_lead, 400), <, height);

  g_assert_cmpstr (toa_article_row_get_title (TOA_ARTICLE_ROW (long_row)), ==, LONG_TITLE);
  g_assert_cmpstr (toa_article_row_get_meta_text (TOA_ARTICLE_ROW (long_row)), ==, "an · P. QLCN");
  g_assert_cmpstr (toa_article_row_get_time_text (TOA_ARTICLE_ROW (long_row)), ==, "Just now");

  /* Bound to another article, the row changes its texts, not its size. */
  {
    g_autoptr(ToaArticleItem) item = g_list_model_get_item (G_LIST_MODEL (f->model), 0);

    toa_article_row_set_item (TOA_ARTICLE_ROW (long_row), item, NULL);
    g_assert_cmpstr (toa_article_row_get_title (TOA_ARTICLE_ROW (long_row)), ==, "Tin ngắn");
    g_assert_cmpint (toa_gui_test_fixed_height (long_row, 400), ==, height);
  }

  g_object_unref (short_row);
  g_object_unref (long_row);
  g_object_unref (no_lead);
}

static gboolean
row_is_laid_out (gpointer row)
{
  return toa_article_row_is_laid_out (row);
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* On screen: a long title takes two lines and ends in "…", whole in a
 * tooltip; a row bound off screen lays its texts out between frames; a
 * larger font makes the row taller. */
static void
test_drawn (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *short_row = row_for (f, 0);
  GtkWidget *long_row = row_for (f, 1);
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;
  int before;

  gtk_box_append (GTK_BOX (box), short_row);
  gtk_box_append (GTK_BOX (box), long_row);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 260, 300);
  gtk_window_present (GTK_WINDOW (window));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, long_row);
  settle ();

  g_assert_cmpint (gtk_widget_get_height (long_row), ==, gtk_widget_get_height (short_row));
  g_assert_true (toa_article_row_is_ellipsized (TOA_ARTICLE_ROW (long_row), TOA_ARTICLE_ROW_TITLE));
  g_assert_false (toa_article_row_is_ellipsized (TOA_ARTICLE_ROW (short_row), TOA_ARTICLE_ROW_TITLE));
  g_assert_false (toa_article_row_is_ellipsized (TOA_ARTICLE_ROW (long_row), TOA_ARTICLE_ROW_TIME));

  /* The title is the line under the badge: a point in its first line. */
  g_signal_emit_by_name (long_row, "query-tooltip", 20, toa_gui_test_fixed_height (short_row, 260) / 3, FALSE,
                         tooltip, &shown);
  g_assert_true (shown);
  shown = TRUE;
  g_signal_emit_by_name (short_row, "query-tooltip", 20, toa_gui_test_fixed_height (short_row, 260) / 3, FALSE,
                         tooltip, &shown);
  g_assert_false (shown);

  /* Assistive technologies read the row as one label. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (short_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Tin ngắn, Draft, an · P. QLCN, Just now");

  /* Bound again while hidden (as the list binds rows ahead), the row
   * lays its texts out when the main loop is idle, before it is drawn. */
  gtk_widget_set_child_visible (short_row, FALSE);
  {
    g_autoptr(ToaArticleItem) item = g_list_model_get_item (G_LIST_MODEL (f->model), 1);

    toa_article_row_set_item (TOA_ARTICLE_ROW (short_row), item, NULL);
  }
  g_assert_false (toa_article_row_is_laid_out (TOA_ARTICLE_ROW (short_row)));
  toa_gui_test_iterate_until (row_is_laid_out, short_row);
  g_assert_true (toa_article_row_is_ellipsized (TOA_ARTICLE_ROW (short_row), TOA_ARTICLE_ROW_TITLE));
  gtk_widget_set_child_visible (short_row, TRUE);

  /* A larger font (a style, or the user's text scale): taller lines. */
  before = toa_gui_test_fixed_height (long_row, 260);
  toa_gui_test_set_large_font (long_row, TRUE);
  /* Title and snippet: four lines of 30 px at least. */
  g_assert_cmpint (toa_gui_test_fixed_height (long_row, 260), >=, before + 4 * (30 - 20));
  toa_gui_test_set_large_font (long_row, FALSE);
  g_assert_cmpint (toa_gui_test_fixed_height (long_row, 260), ==, before);

  g_object_unref (tooltip);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row bound and destroyed before the main loop was idle: its waiting
 * layout finds it gone, without a warning. */
static void
test_destroyed_while_queued (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = row_for (f, 1);

  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_present (GTK_WINDOW (window));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, row);
  settle ();
  {
    g_autoptr(ToaArticleItem) item = g_list_model_get_item (G_LIST_MODEL (f->model), 0);

    toa_article_row_set_item (TOA_ARTICLE_ROW (row), item, NULL);
  }
  g_assert_false (toa_article_row_is_laid_out (TOA_ARTICLE_ROW (row)));
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* What the row draws: its texts in the light and the dark style. */
static void
test_rendered (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *dir = g_build_filename (g_getenv ("TOASOAN_BUILD_DIR") != NULL ?
                                           g_getenv ("TOASOAN_BUILD_DIR") : ".",
                                           "tests", "gui", "screenshots", NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;
  GtkWidget *row;

  for (guint i = 0; i < 3; i++)
    gtk_box_append (GTK_BOX (box), row_for (f, i));
  row = gtk_widget_get_first_child (box);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 300);
  gtk_window_present (GTK_WINDOW (window));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, row);
  settle ();

  /* Text is drawn across the row's height: status line to author line. */
  paintable = gtk_widget_paintable_new (row);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (row), gtk_widget_get_height (row));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.size.height, >=, gtk_widget_get_height (row) * 0.8);
  g_assert_cmpfloat (bounds.size.width, >, gtk_widget_get_width (row) * 0.5);

  g_mkdir_with_parents (dir, 0755);
  toa_gui_test_save_light_and_dark (box, dir, "article-rows");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/article-row/height", Fixture, NULL, fixture_setup, test_height, fixture_teardown);
  g_test_add ("/article-row/drawn", Fixture, NULL, fixture_setup, test_drawn, fixture_teardown);
  g_test_add ("/article-row/destroyed-while-queued", Fixture, NULL, fixture_setup, test_destroyed_while_queued,
              fixture_teardown);
  g_test_add ("/article-row/rendered", Fixture, NULL, fixture_setup, test_rendered, fixture_teardown);

  return g_test_run ();
}
