/* toa-reports-page.c — "Thống kê": the department's statistics as charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers come from toa_store_compute_report(); this page only draws
 * them (cairo on GtkDrawingArea, no chart library) and lists each
 * office's totals, the figures the department reports every quarter.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-reports-page.h"

struct _ToaReportsPage
{
  AdwBin          parent_instance;

  ToaStore       *store;
  char           *login;
  ToaReport      *report;
  GDate           from;
  GDate           to;

  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *error_label;
  GtkDrawingArea *articles_chart;
  GtkDrawingArea *median_chart;
  GtkDrawingArea *returns_chart;
  GtkGrid        *summary_grid;
};

G_DEFINE_FINAL_TYPE (ToaReportsPage, toa_reports_page, ADW_TYPE_BIN)

/* GNOME palette: blue, green, orange, purple, yellow, red. */
static const GdkRGBA palette[] = {
  { 0.208, 0.518, 0.894, 1.0 },
  { 0.180, 0.761, 0.494, 1.0 },
  { 0.902, 0.380, 0.000, 1.0 },
  { 0.569, 0.255, 0.675, 1.0 },
  { 0.961, 0.761, 0.067, 1.0 },
  { 0.878, 0.106, 0.141, 1.0 },
};

#define CHART_PAD 8.0

/* ---- Data helpers ------------------------------------------------------------ */

static GPtrArray *
office_totals (const ToaReport *report)
{
  GPtrArray *totals = g_ptr_array_new ();

  for (guint i = 0; report != NULL && i < report->rows->len; i++)
    {
      ToaReportRow *row = g_ptr_array_index (report->rows, i);

      if (row->month == NULL)
        g_ptr_array_add (totals, row);
    }
  return totals;
}

static GPtrArray *
report_months (const ToaReport *report)
{
  GPtrArray *months = g_ptr_array_new ();

  for (guint i = 0; report != NULL && i < report->rows->len; i++)
    {
      ToaReportRow *row = g_ptr_array_index (report->rows, i);
      guint index;

      if (row->month != NULL &&
          !g_ptr_array_find_with_equal_func (months, row->month, g_str_equal, &index))
        g_ptr_array_add (months, row->month);
    }
  g_ptr_array_sort (months, (GCompareFunc) (void (*)(void)) g_strcmp0);
  return months;
}

static guint
articles_in (const ToaReport *report,
             const char      *office,
             const char      *month)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      ToaReportRow *row = g_ptr_array_index (report->rows, i);

      if (row->month != NULL && g_str_equal (row->office, office) && g_str_equal (row->month, month))
        return row->articles;
    }
  return 0;
}

/**
 * toa_reports_format_duration:
 * @usec: a duration in microseconds, negative when there is none
 *
 * Returns: (transfer full): the duration for people ("2 h 05 min")
 */
char *
toa_reports_format_duration (gint64 usec)
{
  gint64 minutes;

  if (usec < 0)
    return g_strdup (C_("duration", "—"));
  minutes = (usec + G_USEC_PER_SEC * 30) / (G_USEC_PER_SEC * 60);
  if (minutes == 0)
    return g_strdup (_("under 1 min"));
  if (minutes < 60)
    return g_strdup_printf (_("%d min"), (int) minutes);
  if (minutes < 48 * 60)
    return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
  return g_strdup_printf (_("%.1f days"), minutes / (24.0 * 60.0));
}

/* ---- Drawing ----------------------------------------------------------------- */

static void
text_color (GtkWidget *widget,
            GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}

static void
draw_text (cairo_t    *cr,
           GtkWidget  *widget,
           const char *text,
           double      x,
           double      y,
           double      xalign)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * xalign, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_empty (cairo_t   *cr,
            GtkWidget *widget,
            int        width,
            int        height)
{
  GdkRGBA color;

  text_color (widget, &color);
  color.alpha *= 0.55;
  gdk_cairo_set_source_rgba (cr, &color);
  draw_text (cr, widget, _("Nothing in this period"), width / 2.0, height / 2.0, 0.5);
}

static void
draw_legend (cairo_t   *cr,
             GtkWidget *widget,
             GPtrArray *offices,
             int        width)
{
  GdkRGBA color;
  double x = width - CHART_PAD;

  text_color (widget, &color);
  for (guint i = offices->len; i > 0; i--)
    {
      ToaReportRow *office = g_ptr_array_index (offices, i - 1);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, office->office);
      int text_width, text_height;

      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      x -= text_width;
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_move_to (cr, x, CHART_PAD);
      pango_cairo_show_layout (cr, layout);
      x -= 16;
      gdk_cairo_set_source_rgba (cr, &palette[(i - 1) % G_N_ELEMENTS (palette)]);
      cairo_rectangle (cr, x, CHART_PAD + text_height / 2.0 - 5, 10, 10);
      cairo_fill (cr);
      x -= 14;
    }
}

/* Grouped bars: one group per month, one bar per office. */
static void
draw_articles_chart (GtkDrawingArea *area,
                     cairo_t        *cr,
                     int             width,
                     int             height,
                     gpointer        user_data)
{
  ToaReportsPage *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  g_autoptr(GPtrArray) offices = office_totals (self->report);
  g_autoptr(GPtrArray) months = report_months (self->report);
  double left = 40, top = 32, bottom = 28, plot_height, group_width, bar_width;
  guint max = 0;
  GdkRGBA color;

  if (months->len == 0 || offices->len == 0)
    {
      draw_empty (cr, widget, width, height);
      return;
    }
  for (guint m = 0; m < months->len; m++)
    for (guint o = 0; o < offices->len; o++)
      max = MAX (max, articles_in (self->report, ((ToaReportRow *) offices->pdata[o])->office, months->pdata[m]));
  max = MAX (max, 1);

  plot_height = height - top - bottom;
  group_width = (width - left - CHART_PAD) / months->len;
  bar_width = MIN (40.0, (group_width - 16) / offices->len);

  text_color (widget, &color);
  gdk_cairo_set_source_rgba (cr, &color);
  draw_text (cr, widget, "0", left - 6, top + plot_height, 1.0);
  {
    g_autofree char *top_label = g_strdup_printf ("%u", max);

    draw_text (cr, widget, top_label, left - 6, top, 1.0);
  }
  cairo_set_line_width (cr, 1);
  color.alpha *= 0.3;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_move_to (cr, left, top + 0.5);
  cairo_line_to (cr, width - CHART_PAD, top + 0.5);
  cairo_move_to (cr, left, top + plot_height + 0.5);
  cairo_line_to (cr, width - CHART_PAD, top + plot_height + 0.5);
  cairo_stroke (cr);

  for (guint m = 0; m < months->len; m++)
    {
      double group_x = left + m * group_width;
      double bars_x = group_x + (group_width - bar_width * offices->len) / 2.0;

      for (guint o = 0; o < offices->len; o++)
        {
          ToaReportRow *office = g_ptr_array_index (offices, o);
          guint value = articles_in (self->report, office->office, months->pdata[m]);
          double bar_height = plot_height * value / max;

          gdk_cairo_set_source_rgba (cr, &palette[o % G_N_ELEMENTS (palette)]);
          cairo_rectangle (cr, bars_x + o * bar_width + 1, top + plot_height - bar_height,
                           bar_width - 2, bar_height);
          cairo_fill (cr);
        }
      text_color (widget, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      draw_text (cr, widget, months->pdata[m], group_x + group_width / 2.0, height - bottom / 2.0, 0.5);
    }
  draw_legend (cr, widget, offices, width);
}

typedef double (*RowValue) (const ToaReportRow *row);
typedef char  *(*RowLabel) (const ToaReportRow *row);

/* One horizontal bar per office. */
static void
draw_office_bars (GtkWidget *widget,
                  cairo_t   *cr,
                  int        width,
                  int        height,
                  GPtrArray *offices,
                  RowValue   value_of,
                  RowLabel   label_of)
{
  double left = 64, right = 110, row_height, max = 0;
  GdkRGBA color;

  if (offices->len == 0)
    {
      draw_empty (cr, widget, width, height);
      return;
    }
  for (guint i = 0; i < offices->len; i++)
    max = MAX (max, value_of (offices->pdata[i]));
  max = MAX (max, 1e-9);
  row_height = MIN (28.0, (height - 2 * CHART_PAD) / offices->len);

  for (guint i = 0; i < offices->len; i++)
    {
      ToaReportRow *office = g_ptr_array_index (offices, i);
      double y = CHART_PAD + i * row_height;
      double bar = (width - left - right) * MAX (value_of (office), 0) / max;
      g_autofree char *label = label_of (office);

      text_color (widget, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      draw_text (cr, widget, office->office, left - 8, y + row_height / 2.0, 1.0);
      draw_text (cr, widget, label, left + bar + 6, y + row_height / 2.0, 0.0);
      gdk_cairo_set_source_rgba (cr, &palette[i % G_N_ELEMENTS (palette)]);
      cairo_rectangle (cr, left, y + 4, bar, row_height - 8);
      cairo_fill (cr);
    }
}

static double
median_value (const ToaReportRow *row)
{
  return row->median_approval;
}

static char *
median_label (const ToaReportRow *row)
{
  return toa_reports_format_duration (row->median_approval);
}

static double
returns_value (const ToaReportRow *row)
{
  return row->returns;
}

static char *
returns_label (const ToaReportRow *row)
{
  return g_strdup_printf ("%u", row->returns);
}

static void
draw_median_chart (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  ToaReportsPage *self = user_data;
  g_autoptr(GPtrArray) offices = office_totals (self->report);

  draw_office_bars (GTK_WIDGET (area), cr, width, height, offices, median_value, median_label);
}

static void
draw_returns_chart (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  ToaReportsPage *self = user_data;
  g_autoptr(GPtrArray) offices = office_totals (self->report);

  draw_office_bars (GTK_WIDGET (area), cr, width, height, offices, returns_value, returns_label);
}

/* ---- The summary table ------------------------------------------------------- */

static void
attach_cell (ToaReportsPage *self,
             const char     *text,
             int             column,
             int             row,
             gboolean        heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->summary_grid, label, column, row, 1, 1);
}

static void
fill_summary (ToaReportsPage *self)
{
  g_autoptr(GPtrArray) offices = office_totals (self->report);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_grid))) != NULL)
    gtk_grid_remove (self->summary_grid, child);

  attach_cell (self, _("Office"), 0, 0, TRUE);
  attach_cell (self, _("Approved"), 1, 0, TRUE);
  attach_cell (self, _("Submissions"), 2, 0, TRUE);
  attach_cell (self, _("Returns"), 3, 0, TRUE);
  attach_cell (self, _("Median time to approval"), 4, 0, TRUE);
  for (guint i = 0; i < offices->len; i++)
    {
      ToaReportRow *office = g_ptr_array_index (offices, i);
      g_autofree char *articles = g_strdup_printf ("%u", office->articles);
      g_autofree char *submissions = g_strdup_printf ("%u", office->submissions);
      g_autofree char *returns = g_strdup_printf ("%u", office->returns);
      g_autofree char *median = toa_reports_format_duration (office->median_approval);

      attach_cell (self, office->office_name ? office->office_name : office->office, 0, i + 1, FALSE);
      attach_cell (self, articles, 1, i + 1, FALSE);
      attach_cell (self, submissions, 2, i + 1, FALSE);
      attach_cell (self, returns, 3, i + 1, FALSE);
      attach_cell (self, median, 4, i + 1, FALSE);
    }
}

/* ---- Actions ----------------------------------------------------------------- */

static void
show_error (ToaReportsPage *self,
            const GError   *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
}

static gboolean
read_range (ToaReportsPage  *self,
            GError         **error)
{
  GDate from, to;

  if (!toa_report_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), &from, error) ||
      !toa_report_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), &to, error))
    return FALSE;
  return toa_reports_page_set_range (self, &from, &to, error);
}

static void
on_entry_activate (ToaReportsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "reports.refresh", NULL);
}

static void
reports_refresh (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ToaReportsPage *self = TOA_REPORTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!read_range (self, &error))
    show_error (self, error);
}

static void
on_csv_chosen (GtkNativeDialog *native,
               int              response,
               gpointer         user_data)
{
  ToaReportsPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !toa_reports_page_save_csv (self, path, &error))
        show_error (self, error);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
reports_export_csv (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ToaReportsPage *self = TOA_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  char from[16], to[16];

  g_date_strftime (from, sizeof from, "%Y%m%d", &self->from);
  g_date_strftime (to, sizeof to, "%Y%m%d", &self->to);
  /* Translators: the file name of the statistics; %s are dates. */
  name = g_strdup_printf (_("statistics-%s-%s.csv"), from, to);
  native = gtk_file_chooser_native_new (_("Export Statistics"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_csv_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- The class --------------------------------------------------------------- */

static void
toa_reports_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TOA_TYPE_REPORTS_PAGE);
  G_OBJECT_CLASS (toa_reports_page_parent_class)->dispose (object);
}

static void
toa_reports_page_finalize (GObject *object)
{
  ToaReportsPage *self = TOA_REPORTS_PAGE (object);

  g_clear_pointer (&self->report, toa_report_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->login, g_free);
  G_OBJECT_CLASS (toa_reports_page_parent_class)->finalize (object);
}

static void
toa_reports_page_class_init (ToaReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_reports_page_dispose;
  object_class->finalize = toa_reports_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/toasoan/ToaSoan/ui/toa-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaReportsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ToaReportsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ToaReportsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ToaReportsPage, articles_chart);
  gtk_widget_class_bind_template_child (widget_class, ToaReportsPage, median_chart);
  gtk_widget_class_bind_template_child (widget_class, ToaReportsPage, returns_chart);
  gtk_widget_class_bind_template_child (widget_class, ToaReportsPage, summary_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "reports.refresh", NULL, reports_refresh);
  gtk_widget_class_install_action (widget_class, "reports.export-csv", NULL, reports_export_csv);
}

/* The current quarter, which is what the department reports. */
static void
default_range (GDate *from,
               GDate *to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int month = g_date_time_get_month (now);

  g_date_clear (from, 1);
  g_date_clear (to, 1);
  g_date_set_dmy (to, g_date_time_get_day_of_month (now), month, g_date_time_get_year (now));
  g_date_set_dmy (from, 1, ((month - 1) / 3) * 3 + 1, g_date_time_get_year (now));
}

static void
toa_reports_page_init (ToaReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  default_range (&self->from, &self->to);
  gtk_drawing_area_set_draw_func (self->articles_chart, draw_articles_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->median_chart, draw_median_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->returns_chart, draw_returns_chart, self, NULL);
}

static void
show_range (ToaReportsPage *self)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", &self->from);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), text);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &self->to);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), text);
}

/**
 * toa_reports_page_new:
 * @store: the store
 * @login: who looks (kept for the embedding window; the report is public
 *   to every user of the department)
 *
 * Creates the page showing the current quarter.
 *
 * Returns: (transfer full): a new reports page
 */
ToaReportsPage *
toa_reports_page_new (ToaStore   *store,
                      const char *login)
{
  ToaReportsPage *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_REPORTS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  show_range (self);
  if (!toa_reports_page_refresh (self, &error))
    show_error (self, error);
  return self;
}

/**
 * toa_reports_page_set_range:
 * @self: the page
 * @from: the first day
 * @to: the last day (included)
 * @error: return location for a #GError
 *
 * Shows the statistics of another period.
 *
 * Returns: %TRUE when the report was computed
 */
gboolean
toa_reports_page_set_range (ToaReportsPage  *self,
                            const GDate     *from,
                            const GDate     *to,
                            GError         **error)
{
  g_return_val_if_fail (TOA_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);

  self->from = *from;
  self->to = *to;
  show_range (self);
  return toa_reports_page_refresh (self, error);
}

/**
 * toa_reports_page_refresh:
 * @self: the page
 * @error: return location for a #GError
 *
 * Computes the report again, e.g. after articles were approved.
 *
 * Returns: %TRUE when the report was computed
 */
gboolean
toa_reports_page_refresh (ToaReportsPage  *self,
                          GError         **error)
{
  ToaReport *report;

  g_return_val_if_fail (TOA_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = toa_store_compute_report (self->store, &self->from, &self->to, error);
  if (report == NULL)
    return FALSE;
  g_clear_pointer (&self->report, toa_report_free);
  self->report = report;
  show_error (self, NULL);
  fill_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->articles_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->median_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->returns_chart));
  return TRUE;
}

/**
 * toa_reports_page_get_report:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the report shown
 */
const ToaReport *
toa_reports_page_get_report (ToaReportsPage *self)
{
  g_return_val_if_fail (TOA_IS_REPORTS_PAGE (self), NULL);

  return self->report;
}

/**
 * toa_reports_page_save_csv:
 * @self: the page
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the report shown as CSV (toa_report_to_csv()).
 *
 * Returns: %TRUE when the file was written
 */
gboolean
toa_reports_page_save_csv (ToaReportsPage  *self,
                           const char      *path,
                           GError         **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (TOA_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->report == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("There are no statistics to export yet."));
      return FALSE;
    }
  csv = toa_report_to_csv (self->report);
  return g_file_set_contents (path, csv, -1, error);
}
