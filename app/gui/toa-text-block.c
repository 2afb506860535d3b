/* toa-text-block.c — a few lines of text whose height never depends on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article list binds dozens of rows in one frame while it scrolls. A
 * wrapping, ellipsized GtkLabel lays its text out several times to measure
 * itself (natural width on one line, narrowest width, height for the
 * width), and every new text asks the row to be measured again. This
 * widget is as tall as its number of lines in its font, whatever the text,
 * and as wide as it is given: a new text is only drawn, laid out once, at
 * the allocated width. It takes the style of a label (CSS name "label":
 * font, colour, .dim-label, .caption) and is a label to accessibility.
 */
#include "config.h"

#include "toa-text-block.h"

struct _ToaTextBlock
{
  GtkWidget    parent_instance;

  char        *text;
  guint        lines;
  float        xalign;
  gboolean     fit_text;
  int          text_width;      /* -1: not measured since the text changed */
  guint        width_serial;

  PangoLayout *layout;          /* NULL until drawn, and after a change */
  int          layout_width;
  guint        layout_serial;   /* of the widget's PangoContext */
  int          line_height;     /* 0: not measured yet */
  guint        metrics_serial;
  gboolean     queued;          /* waiting in pending_layouts */
  gboolean     label_pending;   /* the accessible label waits for the idle */
};

G_DEFINE_FINAL_TYPE (ToaTextBlock, toa_text_block, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_LINES,
  PROP_XALIGN,
  PROP_FIT_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Line heights by font, resolution and language: the list's 200 rows
 * have 800 blocks in three fonts, and loading a font's metrics takes
 * tens of microseconds. Text widths, for blocks that fit their text, by
 * the same key and the text: a status badge has five texts. The key is
 * hashed from the font description itself, no string made of it. */
typedef struct
{
  PangoFontDescription *font;
  double                resolution;
  PangoLanguage        *language;
  PangoFontMap         *font_map;
  char                 *text;       /* NULL in line_heights */
} FontKey;

static GHashTable *line_heights;
static GHashTable *text_widths;

static guint
font_key_hash (gconstpointer data)
{
  const FontKey *key = data;

  return pango_font_description_hash (key->font) ^ g_double_hash (&key->resolution) ^
         g_direct_hash (key->language) ^ g_direct_hash (key->font_map) ^
         (key->text != NULL ? g_str_hash (key->text) : 0);
}

static gboolean
font_key_equal (gconstpointer a,
                gconstpointer b)
{
  const FontKey *x = a;
  const FontKey *y = b;

  return x->resolution == y->resolution && x->language == y->language && x->font_map == y->font_map &&
         g_strcmp0 (x->text, y->text) == 0 && pango_font_description_equal (x->font, y->font);
}

static void
font_key_free (gpointer data)
{
  FontKey *key = data;

  pango_font_description_free (key->font);
  g_free (key->text);
  g_free (key);
}

/* A key that borrows from @context, @font and @text, for lookups; @font
 * stands in for the context's own when given. */
static FontKey
font_key_of (PangoContext               *context,
             const PangoFontDescription *font,
             const char                 *text)
{
  FontKey key = {
    (PangoFontDescription *) (font != NULL ? font : pango_context_get_font_description (context)),
    pango_cairo_context_get_resolution (context),
    pango_context_get_language (context),
    pango_context_get_font_map (context),
    (char *) text,
  };

  return key;
}

static void
remember (GHashTable    *table,
          const FontKey *key,
          int            value)
{
  FontKey *copy = g_new (FontKey, 1);

  copy->font = pango_font_description_copy (key->font);
  copy->resolution = key->resolution;
  copy->language = key->language;
  copy->font_map = key->font_map;
  copy->text = g_strdup (key->text);
  g_hash_table_insert (table, copy, GINT_TO_POINTER (value));
}

static GHashTable *
ensure_table (GHashTable **table)
{
  if (*table == NULL)
    *table = g_hash_table_new_full (font_key_hash, font_key_equal, font_key_free, NULL);
  return *table;
}

static int
measure_line_height (PangoContext               *context,
                     const PangoFontDescription *font)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);
  int height = pango_font_metrics_get_height (metrics);
  int ascent_descent = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);

  pango_font_metrics_unref (metrics);
  return MAX (PANGO_PIXELS_CEIL (MAX (height, ascent_descent)), 1);
}

/**
 * toa_text_line_height:
 * @widget: a widget, for its font settings
 * @font: (nullable): the font, %NULL for the widget's own
 *
 * One line of text in @font as @widget draws it: the font's own line
 * height, from its metrics (no text is shaped to know it), remembered
 * for every widget that asks again.
 *
 * Returns: the height in pixels, at least 1
 */
int
toa_text_line_height (GtkWidget                  *widget,
                      const PangoFontDescription *font)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  FontKey key = font_key_of (context, font, NULL);
  gpointer known;

  if (!g_hash_table_lookup_extended (ensure_table (&line_heights), &key, NULL, &known))
    {
      known = GINT_TO_POINTER (measure_line_height (context, font));
      remember (line_heights, &key, GPOINTER_TO_INT (known));
    }
  return GPOINTER_TO_INT (known);
}

/* One line in the widget's font. */
static int
get_line_height (ToaTextBlock *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (self->line_height == 0 || serial != self->metrics_serial)
    {
      self->line_height = toa_text_line_height (GTK_WIDGET (self), NULL);
      self->metrics_serial = serial;
    }
  return self->line_height;
}

/* The width of the text on one line, for a block that fits its text. */
static int
get_text_width (ToaTextBlock *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (self->text == NULL || self->text[0] == '\0')
    return 0;
  if (self->text_width < 0 || serial != self->width_serial)
    {
      FontKey key = font_key_of (context, NULL, self->text);
      gpointer known;

      if (!g_hash_table_lookup_extended (ensure_table (&text_widths), &key, NULL, &known))
        {
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
          int width = 0;

          pango_layout_get_pixel_size (layout, &width, NULL);
          known = GINT_TO_POINTER (width);
          /* Only the short texts of badges are kept; they are few. */
          if (g_hash_table_size (text_widths) < 256)
            remember (text_widths, &key, width);
        }
      self->text_width = GPOINTER_TO_INT (known);
      self->width_serial = serial;
    }
  return self->text_width;
}

static void
toa_text_block_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  ToaTextBlock *self = TOA_TEXT_BLOCK (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As wide as the row, the text ellipsized to fit; or as wide as
       * the text. */
      *minimum = 0;
      *natural = self->fit_text ? get_text_width (self) : 0;
      return;
    }
  *minimum = *natural = (int) self->lines * get_line_height (self);
}

/**
 * toa_text_create_layout:
 * @widget: the widget that draws it
 * @text: (nullable): the text
 * @lines: at most this many lines, the last one ellipsized
 * @alignment: where the lines sit
 *
 * A layout for a few lines of a list's text: line breaks shown as
 * spaces, wrapped at words, cut with "…" at the end. Its width is set
 * by the caller.
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
toa_text_create_layout (GtkWidget      *widget,
                        const char     *text,
                        guint           lines,
                        PangoAlignment  alignment)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -(int) lines);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

static void
ensure_layout (ToaTextBlock *self,
               int           width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (self->layout == NULL)
    {
      self->layout = toa_text_create_layout (GTK_WIDGET (self), self->text, self->lines,
                                             self->xalign < 0.25f ? PANGO_ALIGN_LEFT :
                                             self->xalign > 0.75f ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
      self->layout_width = -1;
      self->layout_serial = serial;
    }
  else if (self->layout_serial != serial)
    {
      pango_layout_context_changed (self->layout);
      self->layout_serial = serial;
    }
  if (self->layout_width != width)
    {
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      self->layout_width = width;
    }
}

/* Laying a text out (shaping it) is most of what drawing a new row
 * costs. A list view binds rows ahead of the ones it shows; their texts
 * are laid out when the main loop is idle, between frames, so that the
 * frame that first shows them only draws. */
typedef struct
{
  GtkWidget          *widget;
  ToaTextLayOutFunc   lay_out;
} Pending;

static GQueue pending_layouts = G_QUEUE_INIT;
/* Layouts of replaced texts: freeing a shaped paragraph costs about as
 * much as shaping it, so that is done between frames too. */
static GPtrArray *retired_layouts;
static guint pending_layouts_id;

#define LAYOUT_SLICE_USEC 3000

static gboolean
lay_out_pending (gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + LAYOUT_SLICE_USEC;

  if (retired_layouts != NULL)
    g_ptr_array_set_size (retired_layouts, 0);
  while (!g_queue_is_empty (&pending_layouts))
    {
      Pending *pending = g_queue_pop_head (&pending_layouts);

      pending->lay_out (pending->widget);
      g_object_unref (pending->widget);
      g_free (pending);
      if (g_get_monotonic_time () > deadline)
        break;
    }
  if (!g_queue_is_empty (&pending_layouts))
    return G_SOURCE_CONTINUE;
  pending_layouts_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_idle (void)
{
  if (pending_layouts_id == 0)
    pending_layouts_id = g_idle_add_full (G_PRIORITY_LOW, lay_out_pending, NULL, NULL);
}

/**
 * toa_text_lay_out_later:
 * @widget: a widget whose texts changed
 * @lay_out: called with @widget when the main loop is idle, to lay its
 *   texts out at their current widths (and do what else can wait)
 *
 * The caller keeps its own flag so as to queue @widget once.
 */
void
toa_text_lay_out_later (GtkWidget         *widget,
                        ToaTextLayOutFunc  lay_out)
{
  Pending *pending = g_new (Pending, 1);

  pending->widget = g_object_ref (widget);
  pending->lay_out = lay_out;
  g_queue_push_tail (&pending_layouts, pending);
  schedule_idle ();
}

/**
 * toa_text_retire_layout:
 * @layout: (transfer full): a layout no longer drawn
 *
 * Frees @layout when the main loop is idle.
 */
void
toa_text_retire_layout (PangoLayout *layout)
{
  if (retired_layouts == NULL)
    retired_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (retired_layouts, layout);
  schedule_idle ();
}

static void
update_accessible_label (ToaTextBlock *self)
{
  self->label_pending = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text != NULL ? self->text : "",
                                  -1);
}

static void
lay_out_block (GtkWidget *widget)
{
  ToaTextBlock *self = TOA_TEXT_BLOCK (widget);
  int width = gtk_widget_get_width (widget);

  self->queued = FALSE;
  if (self->label_pending)
    update_accessible_label (self);
  if (self->text != NULL && self->text[0] != '\0' && width > 0 && gtk_widget_get_root (widget) != NULL)
    {
      ensure_layout (self, width);
      /* Lines are broken, and their runs shaped, on first use. */
      pango_layout_get_extents (self->layout, NULL, NULL);
    }
}

/* Returns: whether @self waits for the idle (a block without a width
 * yet is laid out when first drawn). */
static gboolean
queue_layout (ToaTextBlock *self)
{
  if (self->queued)
    return TRUE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;
  self->queued = TRUE;
  toa_text_lay_out_later (GTK_WIDGET (self), lay_out_block);
  return TRUE;
}

static void
toa_text_block_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ToaTextBlock *self = TOA_TEXT_BLOCK (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;
  ensure_layout (self, width);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
}

/**
 * toa_text_block_get_text:
 *
 * Returns: (transfer none): the text, "" when none
 */
const char *
toa_text_block_get_text (ToaTextBlock *self)
{
  g_return_val_if_fail (TOA_IS_TEXT_BLOCK (self), NULL);

  return self->text != NULL ? self->text : "";
}

/**
 * toa_text_block_set_text:
 * @text: (nullable): the text; it is shown on at most #ToaTextBlock:lines
 *   lines, ellipsized at the end, line breaks as spaces
 *
 * Changes what is drawn, never the widget's size.
 */
void
toa_text_block_set_text (ToaTextBlock *self,
                         const char   *text)
{
  g_return_if_fail (TOA_IS_TEXT_BLOCK (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    toa_text_retire_layout (g_steal_pointer (&self->layout));
  self->text_width = -1;
  if (self->fit_text)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* A row being bound: its accessible label follows with its layout. */
  self->label_pending = TRUE;
  if (!queue_layout (self))
    update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * toa_text_block_get_lines:
 *
 * Returns: how many lines the block is tall
 */
guint
toa_text_block_get_lines (ToaTextBlock *self)
{
  g_return_val_if_fail (TOA_IS_TEXT_BLOCK (self), 1);

  return self->lines;
}

/**
 * toa_text_block_set_lines:
 * @lines: how many lines tall, at least 1
 */
void
toa_text_block_set_lines (ToaTextBlock *self,
                          guint         lines)
{
  g_return_if_fail (TOA_IS_TEXT_BLOCK (self));
  g_return_if_fail (lines >= 1);

  if (self->lines == lines)
    return;
  self->lines = lines;
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINES]);
}

/**
 * toa_text_block_get_line_count:
 *
 * Lays the text out at the widget's current width, as it is drawn.
 *
 * Returns: how many lines the text takes on screen, 0 before the widget
 *   has a width or when it has no text
 */
guint
toa_text_block_get_line_count (ToaTextBlock *self)
{
  int width;

  g_return_val_if_fail (TOA_IS_TEXT_BLOCK (self), 0);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return 0;
  ensure_layout (self, width);
  return (guint) pango_layout_get_line_count (self->layout);
}

/**
 * toa_text_block_is_laid_out:
 *
 * Whether the text is laid out at the widget's current width, ready to
 * be drawn: after the first drawing, or after the main loop was idle
 * once the text was set.
 *
 * Returns: %TRUE when drawing the block will not lay its text out
 */
gboolean
toa_text_block_is_laid_out (ToaTextBlock *self)
{
  g_return_val_if_fail (TOA_IS_TEXT_BLOCK (self), FALSE);

  return self->layout != NULL && self->layout_width == gtk_widget_get_width (GTK_WIDGET (self)) &&
         self->layout_serial == pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));
}

/**
 * toa_text_block_is_ellipsized:
 *
 * Lays the text out at the widget's current width, as it is drawn.
 *
 * Returns: whether part of the text is cut off and replaced by "…"
 */
gboolean
toa_text_block_is_ellipsized (ToaTextBlock *self)
{
  g_return_val_if_fail (TOA_IS_TEXT_BLOCK (self), FALSE);

  if (toa_text_block_get_line_count (self) == 0)
    return FALSE;
  return pango_layout_is_ellipsized (self->layout);
}

/**
 * toa_text_block_get_xalign:
 *
 * Returns: where the lines sit, 0 (start) to 1 (end)
 */
float
toa_text_block_get_xalign (ToaTextBlock *self)
{
  g_return_val_if_fail (TOA_IS_TEXT_BLOCK (self), 0.f);

  return self->xalign;
}

/**
 * toa_text_block_set_xalign:
 * @xalign: 0 puts the lines at the left, 1 at the right, in between
 *   centres them
 */
void
toa_text_block_set_xalign (ToaTextBlock *self,
                           float         xalign)
{
  g_return_if_fail (TOA_IS_TEXT_BLOCK (self));

  xalign = CLAMP (xalign, 0.f, 1.f);
  if (self->xalign == xalign)
    return;
  self->xalign = xalign;
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XALIGN]);
}

/**
 * toa_text_block_get_fit_text:
 *
 * Returns: whether the block is as wide as its text
 */
gboolean
toa_text_block_get_fit_text (ToaTextBlock *self)
{
  g_return_val_if_fail (TOA_IS_TEXT_BLOCK (self), FALSE);

  return self->fit_text;
}

/**
 * toa_text_block_set_fit_text:
 * @fit_text: %TRUE to ask for the width of the text on one line (for
 *   short texts: badges, counts), %FALSE to take the width given
 */
void
toa_text_block_set_fit_text (ToaTextBlock *self,
                             gboolean      fit_text)
{
  g_return_if_fail (TOA_IS_TEXT_BLOCK (self));

  fit_text = !!fit_text;
  if (self->fit_text == fit_text)
    return;
  self->fit_text = fit_text;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_TEXT]);
}

/**
 * toa_text_block_new:
 *
 * Returns: (transfer floating): a new, empty block one line tall
 */
GtkWidget *
toa_text_block_new (void)
{
  return g_object_new (TOA_TYPE_TEXT_BLOCK, NULL);
}

static void
toa_text_block_finalize (GObject *object)
{
  ToaTextBlock *self = TOA_TEXT_BLOCK (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (toa_text_block_parent_class)->finalize (object);
}

static void
toa_text_block_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ToaTextBlock *self = TOA_TEXT_BLOCK (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, toa_text_block_get_text (self));
      break;

    case PROP_LINES:
      g_value_set_uint (value, self->lines);
      break;

    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;

    case PROP_FIT_TEXT:
      g_value_set_boolean (value, self->fit_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_text_block_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ToaTextBlock *self = TOA_TEXT_BLOCK (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      toa_text_block_set_text (self, g_value_get_string (value));
      break;

    case PROP_LINES:
      toa_text_block_set_lines (self, g_value_get_uint (value));
      break;

    case PROP_XALIGN:
      toa_text_block_set_xalign (self, g_value_get_float (value));
      break;

    case PROP_FIT_TEXT:
      toa_text_block_set_fit_text (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A text cut short shows itself whole in a tooltip. Decided when the
 * pointer rests on the block, not when a row is bound. */
static gboolean
toa_text_block_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  ToaTextBlock *self = TOA_TEXT_BLOCK (widget);

  if (!toa_text_block_is_ellipsized (self))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
toa_text_block_class_init (ToaTextBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = toa_text_block_finalize;
  object_class->get_property = toa_text_block_get_property;
  object_class->set_property = toa_text_block_set_property;

  widget_class->measure = toa_text_block_measure;
  widget_class->snapshot = toa_text_block_snapshot;
  widget_class->query_tooltip = toa_text_block_query_tooltip;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINES] =
    g_param_spec_uint ("lines", NULL, NULL, 1, 100, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL, 0.f, 1.f, 0.f,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT_TEXT] =
    g_param_spec_boolean ("fit-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
toa_text_block_init (ToaTextBlock *self)
{
  self->lines = 1;
  self->text_width = -1;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}
