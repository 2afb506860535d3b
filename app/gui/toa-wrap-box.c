/* toa-wrap-box.c — a row of buttons that wraps onto further rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body editor's formatting toolbar lives in a pane that is often only
 * 300–450 px wide (three panes on a 1366×768 laptop). A scrolling row hid
 * most buttons behind an overlay scrollbar; this container instead lays its
 * children left to right at their natural width and starts a new row when
 * the next one does not fit, so every button stays on screen. Children with
 * the style class "group-start" get a wider gap before them, unless they
 * begin a row, which replaces the separators between button groups.
 *
 * It is a plain GtkWidget: children are added from a .ui file (GtkWidget's
 * buildable adds them as children) or with gtk_widget_set_parent(), and
 * focus moves through them in order, so Tab reaches every button.
 */
#include "config.h"

#include "toa-wrap-box.h"

/* The extra gap, in pixels, before a child that starts a new group */
#define GROUP_GAP 10

struct _ToaWrapBox
{
  GtkWidget  parent_instance;

  int        spacing;
};

G_DEFINE_FINAL_TYPE (ToaWrapBox, toa_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Called for each child placed by lay_out() with its row-relative box. */
typedef void (*PlaceFunc) (GtkWidget *child,
                           int        x,
                           int        width,
                           int        row,
                           gpointer   data);

static int
gap_before (ToaWrapBox *self,
            GtkWidget  *child)
{
  if (gtk_widget_has_css_class (child, "group-start"))
    return self->spacing + GROUP_GAP;
  return self->spacing;
}

/* A child's width in a row @width wide: its natural width, squeezed to
 * its minimum (never less) when even a row of its own is too narrow. */
static int
child_width (GtkWidget *child,
             int        width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return MAX (min, MIN (nat, width));
}

/* Walks the visible children in order, breaking rows at @width, and
 * returns the number of rows. @place (may be NULL) sees each child. */
static int
lay_out (ToaWrapBox *self,
         int         width,
         PlaceFunc   place,
         gpointer    data)
{
  int x = 0;
  int row = 0;
  gboolean row_empty = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int w;
      int gap;

      if (!gtk_widget_should_layout (child))
        continue;
      w = child_width (child, width);
      gap = row_empty ? 0 : gap_before (self, child);
      if (!row_empty && x + gap + w > width)
        {
          row++;
          x = 0;
          gap = 0;
        }
      if (place != NULL)
        place (child, x + gap, w, row, data);
      x += gap + w;
      row_empty = FALSE;
    }
  return row_empty ? 0 : row + 1;
}

typedef struct
{
  int *heights;   /* per row, grown as rows appear */
  int  n_rows;
} RowHeights;

static void
note_height (GtkWidget *child,
             int        x,
             int        width,
             int        row,
             gpointer   data)
{
  RowHeights *rows = data;
  int nat;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &nat, NULL, NULL);
  g_assert (row < rows->n_rows);
  rows->heights[row] = MAX (rows->heights[row], nat);
}

/* Fills a freshly allocated array (free with g_free) with each row's height */
static int *
row_heights (ToaWrapBox *self,
             int         width,
             int        *n_rows)
{
  RowHeights rows;

  rows.n_rows = lay_out (self, width, NULL, NULL);
  rows.heights = g_new0 (int, MAX (rows.n_rows, 1));
  lay_out (self, width, note_height, &rows);
  *n_rows = rows.n_rows;
  return rows.heights;
}

static int
height_for_width (ToaWrapBox *self,
                  int         width)
{
  int n_rows;
  g_autofree int *heights = row_heights (self, width, &n_rows);
  int total = 0;

  for (int i = 0; i < n_rows; i++)
    total += heights[i];
  return total + MAX (n_rows - 1, 0) * self->spacing;
}

/* Horizontally: as narrow as the widest child, naturally one row. */
static void
measure_width (ToaWrapBox *self,
               int        *minimum,
               int        *natural)
{
  gboolean first = TRUE;

  *minimum = 0;
  *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural += nat + (first ? 0 : gap_before (self, child));
      first = FALSE;
    }
}

static void
toa_wrap_box_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  ToaWrapBox *self = TOA_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_width (self, minimum, natural);
      return;
    }

  /* Without a width, the height of the natural (single-row) layout. */
  if (for_size < 0)
    {
      int min_width, nat_width;

      measure_width (self, &min_width, &nat_width);
      for_size = nat_width;
    }
  *minimum = *natural = height_for_width (self, for_size);
}

typedef struct
{
  int   width;
  int  *row_y;
  int  *heights;
  gboolean rtl;
} Placement;

static void
allocate_child (GtkWidget *child,
                int        x,
                int        width,
                int        row,
                gpointer   data)
{
  Placement *placement = data;
  GtkAllocation box;

  box.x = placement->rtl ? placement->width - x - width : x;
  box.y = placement->row_y[row];
  box.width = width;
  box.height = placement->heights[row];
  gtk_widget_size_allocate (child, &box, -1);
}

static void
toa_wrap_box_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  ToaWrapBox *self = TOA_WRAP_BOX (widget);
  Placement placement;
  int n_rows;
  g_autofree int *heights = row_heights (self, width, &n_rows);
  g_autofree int *row_y = g_new0 (int, MAX (n_rows, 1));

  for (int i = 1; i < n_rows; i++)
    row_y[i] = row_y[i - 1] + heights[i - 1] + self->spacing;

  placement.width = width;
  placement.row_y = row_y;
  placement.heights = heights;
  placement.rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  lay_out (self, width, allocate_child, &placement);
}

static GtkSizeRequestMode
toa_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
toa_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (toa_wrap_box_parent_class)->dispose (object);
}

static void
toa_wrap_box_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ToaWrapBox *self = TOA_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_wrap_box_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ToaWrapBox *self = TOA_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      toa_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_wrap_box_class_init (ToaWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_wrap_box_dispose;
  object_class->get_property = toa_wrap_box_get_property;
  object_class->set_property = toa_wrap_box_set_property;
  widget_class->measure = toa_wrap_box_measure;
  widget_class->size_allocate = toa_wrap_box_size_allocate;
  widget_class->get_request_mode = toa_wrap_box_get_request_mode;

  /**
   * ToaWrapBox:spacing:
   *
   * Pixels between neighbouring children and between rows.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
toa_wrap_box_init (ToaWrapBox *self)
{
}

/**
 * toa_wrap_box_new:
 *
 * Returns: (transfer floating): a new, empty #ToaWrapBox
 */
GtkWidget *
toa_wrap_box_new (void)
{
  return g_object_new (TOA_TYPE_WRAP_BOX, NULL);
}

/**
 * toa_wrap_box_get_spacing:
 * @self: a #ToaWrapBox
 *
 * Returns: the gap in pixels between children and between rows
 */
int
toa_wrap_box_get_spacing (ToaWrapBox *self)
{
  g_return_val_if_fail (TOA_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

/**
 * toa_wrap_box_set_spacing:
 * @self: a #ToaWrapBox
 * @spacing: the gap in pixels between children and between rows
 *
 * Sets the gap between neighbouring children and between rows.
 */
void
toa_wrap_box_set_spacing (ToaWrapBox *self,
                          int         spacing)
{
  g_return_if_fail (TOA_IS_WRAP_BOX (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}
