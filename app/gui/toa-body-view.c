/* toa-body-view.c — the text view of the body editor: draws pictures and
 * list markers, which the buffer holds only as tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-body-buffer.h"
#include "toa-body-view.h"

#define OBJECT_UNICHAR 0xFFFC

struct _ToaBodyView
{
  GtkTextView parent_instance;
};

G_DEFINE_FINAL_TYPE (ToaBodyView, toa_body_view, GTK_TYPE_TEXT_VIEW)

static GtkTextTag *
image_tag_at (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = NULL;

  if (gtk_text_iter_get_char (iter) != OBJECT_UNICHAR)
    return NULL;
  tags = gtk_text_iter_get_tags (iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (G_OBJECT (l->data), "toa-picture") != NULL)
      return l->data;
  return NULL;
}

typedef struct
{
  ToaBodyListKind  kind;
  guint            depth;
  gboolean         quote;
  const char      *start;
} ListLine;

static void
read_list_line (const GtkTextIter *line_start,
                ListLine          *line)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (line_start);

  memset (line, 0, sizeof *line);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      const char *block = g_object_get_data (G_OBJECT (l->data), "toa-block");

      if (block == NULL)
        continue;
      if (g_str_equal (block, "list"))
        line->kind = toa_body_tag_get_list (l->data, &line->depth);
      else if (g_str_equal (block, "quote"))
        line->quote = TRUE;
      else if (g_str_equal (block, "start"))
        line->start = g_object_get_data (G_OBJECT (l->data), "toa-start");
    }
}

/* The number of a numbered item: its earlier siblings, counted back the
 * way the serializer groups lines into one <ol>, plus the list's start. */
static int
item_number (const GtkTextIter *line_start,
             const ListLine    *item)
{
  GtkTextIter iter = *line_start;
  const char *start = item->start;
  int count = 0;

  while (gtk_text_iter_backward_line (&iter))
    {
      ListLine line;

      read_list_line (&iter, &line);
      if (gtk_text_iter_ends_line (&iter) && line.kind == TOA_BODY_LIST_NONE)
        continue;
      if (line.kind == TOA_BODY_LIST_NONE || line.quote != item->quote || line.depth < item->depth)
        break;
      if (line.depth > item->depth)
        continue;
      if (line.kind != item->kind)
        break;
      count++;
      start = line.start;
    }
  return (start != NULL ? atoi (start) : 1) + count;
}

static char *
marker_text (const GtkTextIter *line_start,
             const ListLine    *line)
{
  static const char * const bullets[] = { "•", "◦", "▪" };

  if (line->kind == TOA_BODY_LIST_BULLET)
    return g_strdup (bullets[(line->depth - 1) % G_N_ELEMENTS (bullets)]);
  return g_strdup_printf ("%d.", item_number (line_start, line));
}

static void
draw_marker (GtkTextView       *view,
             GtkSnapshot       *snapshot,
             const GtkTextIter *line_start,
             const ListLine    *line)
{
  g_autofree char *text = marker_text (line_start, line);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  GdkRectangle location;
  GdkRGBA color;
  int width;
  int height;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (view)), &color);
  gtk_text_view_get_iter_location (view, line_start, &location);
  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (location.x - width - 8,
                                                          location.y + (location.height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/**
 * toa_body_view_get_text_width:
 * @self: a #ToaBodyView
 *
 * Returns: the width text wraps at (between the margins), in pixels; 0
 *   before the view has a size
 */
int
toa_body_view_get_text_width (ToaBodyView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;

  g_return_val_if_fail (TOA_IS_BODY_VIEW (self), 0);

  gtk_text_view_get_visible_rect (view, &visible);
  return MAX (0, visible.width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view));
}

/**
 * toa_body_view_get_picture_area:
 * @self: a #ToaBodyView
 * @line_start: the start of a picture's line
 * @area: (out): where the picture is drawn, in buffer coordinates
 *
 * Returns: %FALSE if there is no picture at @line_start
 */
gboolean
toa_body_view_get_picture_area (ToaBodyView       *self,
                                const GtkTextIter *line_start,
                                GdkRectangle      *area)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextTag *tag;
  GdkRectangle visible;
  int line_height;
  int left;

  g_return_val_if_fail (TOA_IS_BODY_VIEW (self), FALSE);
  g_return_val_if_fail (line_start != NULL && area != NULL, FALSE);

  tag = image_tag_at (line_start);
  if (tag == NULL)
    return FALSE;
  toa_body_tag_get_picture_size (tag, &area->width, &area->height);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_yrange (view, line_start, &area->y, &line_height);
  /* Centred between the margins, like the text of the figure line. */
  left = visible.x + gtk_text_view_get_left_margin (view);
  area->x = left + (toa_body_view_get_text_width (self) - area->width) / 2;
  area->y += 6;
  return TRUE;
}

static void
draw_picture (ToaBodyView       *self,
              GtkSnapshot       *snapshot,
              const GtkTextIter *line_start,
              GtkTextTag        *tag)
{
  GdkRectangle area;
  GdkPaintable *picture;

  if (!toa_body_view_get_picture_area (self, line_start, &area))
    return;
  picture = toa_body_tag_get_picture_size (tag, &area.width, &area.height);
  /* The decoded picture is scaled while drawing: a resize never decodes
   * the image again. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (area.x, area.y));
  gdk_paintable_snapshot (picture, snapshot, area.width, area.height);
  gtk_snapshot_restore (snapshot);
}

/* Pictures follow the width of the text area: scaled down to fit it,
 * back up to their own size when it grows. */
static void
toa_body_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ToaBodyView *self = TOA_BODY_VIEW (widget);

  GTK_WIDGET_CLASS (toa_body_view_parent_class)->size_allocate (widget, width, height, baseline);
  toa_body_buffer_fit_pictures (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)),
                                toa_body_view_get_text_width (self));
}

static void
toa_body_view_snapshot_layer (GtkTextView      *view,
                              GtkTextViewLayer  layer,
                              GtkSnapshot      *snapshot)
{
  GdkRectangle visible;
  GtkTextIter line;
  int bottom;

  if (GTK_TEXT_VIEW_CLASS (toa_body_view_parent_class)->snapshot_layer != NULL)
    GTK_TEXT_VIEW_CLASS (toa_body_view_parent_class)->snapshot_layer (view, layer, snapshot);
  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &line, visible.y, NULL);
  bottom = visible.y + visible.height;
  do
    {
      GtkTextTag *image = image_tag_at (&line);
      ListLine item;
      int y;
      int height;

      gtk_text_view_get_line_yrange (view, &line, &y, &height);
      if (y > bottom)
        break;
      read_list_line (&line, &item);
      if (image != NULL)
        draw_picture (TOA_BODY_VIEW (view), snapshot, &line, image);
      else if (item.kind != TOA_BODY_LIST_NONE)
        draw_marker (view, snapshot, &line, &item);
    }
  while (gtk_text_iter_forward_line (&line));
}

static void
toa_body_view_class_init (ToaBodyViewClass *klass)
{
  GTK_WIDGET_CLASS (klass)->size_allocate = toa_body_view_size_allocate;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = toa_body_view_snapshot_layer;
}

static void
toa_body_view_init (ToaBodyView *self)
{
}
