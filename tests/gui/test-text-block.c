/* test-text-block.c — ToaTextBlock: a height that never depends on the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "toa-gui-test-utils.h"
#include "toa-text-block.h"

#define LONG_TEXT "Sở Công Thương tổ chức hội nghị triển khai kế hoạch phát triển công nghiệp " \
                  "hỗ trợ giai đoạn 2026 – 2030, với sự tham dự của đại diện các doanh nghiệp, " \
                  "hiệp hội ngành hàng và các phòng chuyên môn thuộc Sở."

static void
test_height_is_lines (void)
{
  GtkWidget *block = g_object_ref_sink (toa_text_block_new ());
  int minimum, natural, one_line;

  one_line = toa_gui_test_fixed_height (block, 200);
  g_assert_cmpint (one_line, >, 0);

  /* A long text, at any width, asks for the same height. */
  toa_text_block_set_text (TOA_TEXT_BLOCK (block), LONG_TEXT);
  g_assert_cmpint (toa_gui_test_fixed_height (block, 200), ==, one_line);
  g_assert_cmpint (toa_gui_test_fixed_height (block, 40), ==, one_line);

  toa_text_block_set_lines (TOA_TEXT_BLOCK (block), 2);
  g_assert_cmpint (toa_gui_test_fixed_height (block, 200), ==, 2 * one_line);
  toa_text_block_set_text (TOA_TEXT_BLOCK (block), "Ngắn");
  g_assert_cmpint (toa_gui_test_fixed_height (block, 200), ==, 2 * one_line);

  /* Its width is the row's: the text is cut to fit. */
  gtk_widget_measure (block, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 0);
  g_assert_cmpint (natural, ==, 0);

  g_object_unref (block);
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* A badge asks for the width of its text, and follows a new text. */
static void
test_fit_text (void)
{
  GtkWidget *badge = g_object_ref_sink (toa_text_block_new ());
  GtkWidget *other = g_object_ref_sink (toa_text_block_new ());
  int short_width, long_width;

  toa_text_block_set_fit_text (TOA_TEXT_BLOCK (badge), TRUE);
  toa_text_block_set_fit_text (TOA_TEXT_BLOCK (other), TRUE);
  g_assert_cmpint (natural_width (badge), ==, 0);

  toa_text_block_set_text (TOA_TEXT_BLOCK (badge), "Nháp");
  short_width = natural_width (badge);
  g_assert_cmpint (short_width, >, 0);
  toa_text_block_set_text (TOA_TEXT_BLOCK (badge), "Chờ duyệt lâu");
  long_width = natural_width (badge);
  g_assert_cmpint (long_width, >, short_width);

  /* The same text in the same font measures the same, remembered or not. */
  toa_text_block_set_text (TOA_TEXT_BLOCK (other), "Nháp");
  g_assert_cmpint (natural_width (other), ==, short_width);
  toa_text_block_set_text (TOA_TEXT_BLOCK (badge), "Nháp");
  g_assert_cmpint (natural_width (badge), ==, short_width);

  g_object_unref (badge);
  g_object_unref (other);
}

static void
test_text_and_properties (void)
{
  GtkWidget *block = g_object_ref_sink (toa_text_block_new ());
  g_autofree char *text = NULL;
  guint lines = 0;

  g_assert_cmpstr (toa_text_block_get_text (TOA_TEXT_BLOCK (block)), ==, "");
  g_object_set (block, "text", "Tin tức", "lines", 3, "xalign", 1.0f, NULL);
  g_object_get (block, "text", &text, "lines", &lines, NULL);
  g_assert_cmpstr (text, ==, "Tin tức");
  g_assert_cmpuint (lines, ==, 3);
  g_assert_cmpfloat (toa_text_block_get_xalign (TOA_TEXT_BLOCK (block)), ==, 1.0f);
  /* A screen reader reads it as a label with the text. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (block)), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_PROPERTY_LABEL, "Tin tức");
  toa_text_block_set_text (TOA_TEXT_BLOCK (block), NULL);
  g_assert_cmpstr (toa_text_block_get_text (TOA_TEXT_BLOCK (block)), ==, "");

  g_object_unref (block);
}

/* On screen, the text takes at most its lines and ends in "…" when cut. */
static void
test_drawn_lines (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *block = toa_text_block_new ();
  GtkWidget *short_block = toa_text_block_new ();

  toa_text_block_set_lines (TOA_TEXT_BLOCK (block), 2);
  toa_text_block_set_text (TOA_TEXT_BLOCK (block), LONG_TEXT);
  toa_text_block_set_lines (TOA_TEXT_BLOCK (short_block), 2);
  toa_text_block_set_text (TOA_TEXT_BLOCK (short_block), "Tin tức");
  gtk_box_append (GTK_BOX (box), block);
  gtk_box_append (GTK_BOX (box), short_block);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 220, 120);
  gtk_window_present (GTK_WINDOW (window));
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, block);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (gtk_widget_get_width (block), >, 0);
  g_assert_cmpuint (toa_text_block_get_line_count (TOA_TEXT_BLOCK (block)), ==, 2);
  g_assert_true (toa_text_block_is_ellipsized (TOA_TEXT_BLOCK (block)));
  g_assert_cmpuint (toa_text_block_get_line_count (TOA_TEXT_BLOCK (short_block)), ==, 1);
  g_assert_false (toa_text_block_is_ellipsized (TOA_TEXT_BLOCK (short_block)));

  /* Both blocks are two lines tall, whatever they hold. */
  g_assert_cmpint (gtk_widget_get_height (block), ==, gtk_widget_get_height (short_block));

  /* Cut short, the text shows whole in a tooltip; a text that fits has none. */
  {
    GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = FALSE;

    g_signal_emit_by_name (block, "query-tooltip", 10, 5, FALSE, tooltip, &shown);
    g_assert_true (shown);
    shown = TRUE;
    g_signal_emit_by_name (short_block, "query-tooltip", 10, 5, FALSE, tooltip, &shown);
    g_assert_false (shown);
    g_object_unref (tooltip);
  }

  /* A new text is laid out again, at the same height. */
  toa_text_block_set_text (TOA_TEXT_BLOCK (short_block), LONG_TEXT);
  g_assert_true (toa_text_block_is_ellipsized (TOA_TEXT_BLOCK (short_block)));

  /* A block not on screen (a row bound ahead of the ones shown) lays its
   * new text out when the main loop is idle, before anything draws it. */
  gtk_widget_set_child_visible (short_block, FALSE);
  g_assert_false (gtk_widget_get_mapped (short_block));
  toa_text_block_set_text (TOA_TEXT_BLOCK (short_block), "Sở Công Thương tổ chức hội nghị sơ kết");
  g_assert_false (toa_text_block_is_laid_out (TOA_TEXT_BLOCK (short_block)));
  toa_gui_test_iterate_until (toa_text_block_is_laid_out, short_block);
  gtk_widget_set_child_visible (short_block, TRUE);

  /* A larger font (a style, or the user's text scale) makes taller lines. */
  {
    int before = toa_gui_test_fixed_height (block, 200);

    toa_gui_test_set_large_font (block, TRUE);
    g_assert_cmpint (toa_gui_test_fixed_height (block, 200), >, before);
    g_assert_cmpint (toa_gui_test_fixed_height (block, 200), >=, 2 * 30);
    toa_gui_test_set_large_font (block, FALSE);
    g_assert_cmpint (toa_gui_test_fixed_height (block, 200), ==, before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-block/height-is-lines", test_height_is_lines);
  g_test_add_func ("/text-block/text-and-properties", test_text_and_properties);
  g_test_add_func ("/text-block/fit-text", test_fit_text);
  g_test_add_func ("/text-block/drawn-lines", test_drawn_lines);

  return g_test_run ();
}
