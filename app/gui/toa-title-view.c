/* toa-title-view.c — an article title field that wraps onto several lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Vietnamese news titles run to 80–150 characters; a one-line entry cuts
 * them off. This is a text view that wraps like a paragraph but holds one
 * line of text: Enter emits "activate" (the article editor moves on to
 * the lead) and every line break typed or pasted becomes a space.
 */
#include "config.h"

#include "toa-title-view.h"

struct _ToaTitleView
{
  GtkTextView  parent_instance;

  char        *placeholder_text;
  /* TRUE while an input method composes a word (Vietnamese Telex/VNI) */
  gboolean     composing;
};

G_DEFINE_FINAL_TYPE (ToaTitleView, toa_title_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

enum {
  SIGNAL_ACTIVATE,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

static gboolean
has_line_break (const char *text,
                gssize      length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (is_line_break (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * toa_title_flatten_lines:
 * @text: UTF-8 text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 *
 * Joins the lines of @text: each run of line breaks (\n, \r\n, U+2028 …)
 * becomes one space, or nothing where a space already separates the
 * words.
 *
 * Returns: (transfer full): the text on one line
 */
char *
toa_title_flatten_lines (const char *text,
                         gssize      length)
{
  GString *out;
  const char *end;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  out = g_string_sized_new (length);
  p = text;
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean spaced;

      if (!is_line_break (c))
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }
      while (p < end && is_line_break (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      spaced = (out->len > 0 && g_ascii_isspace (out->str[out->len - 1])) ||
               (p < end && g_unichar_isspace (g_utf8_get_char (p)));
      if (!spaced)
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/* Runs before the buffer's own handler: text with line breaks is put in
 * flattened instead, so that undo records what the buffer really holds. */
static void
on_buffer_insert_text (GtkTextBuffer *buffer,
                       GtkTextIter   *location,
                       const char    *text,
                       int            length,
                       ToaTitleView  *self)
{
  g_autofree char *flat = NULL;

  if (!has_line_break (text, length))
    return;
  flat = toa_title_flatten_lines (text, length);
  g_signal_stop_emission_by_name (buffer, "insert-text");
  /* Moves @location past the insertion, as the stopped handler would. */
  gtk_text_buffer_insert (buffer, location, flat, -1);
}

static void
on_buffer_changed (ToaTitleView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_ACTIVATE], 0);
}

static gboolean
buffer_is_empty (ToaTitleView *self)
{
  return gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self))) == 0;
}

/* GtkTextView has no placeholder: draw one, dimmed as GtkEntry does. */
static void
draw_placeholder (ToaTitleView *self,
                  GtkSnapshot  *snapshot)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRectangle visible;
  GdkRGBA color;
  int width;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->placeholder_text);
  gtk_text_view_get_visible_rect (view, &visible);
  width = visible.width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  color.alpha *= 0.5;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (visible.x + gtk_text_view_get_left_margin (view),
                                                          gtk_text_view_get_top_margin (view)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
toa_title_view_snapshot_layer (GtkTextView      *view,
                               GtkTextViewLayer  layer,
                               GtkSnapshot      *snapshot)
{
  ToaTitleView *self = TOA_TITLE_VIEW (view);

  if (GTK_TEXT_VIEW_CLASS (toa_title_view_parent_class)->snapshot_layer != NULL)
    GTK_TEXT_VIEW_CLASS (toa_title_view_parent_class)->snapshot_layer (view, layer, snapshot);
  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT && self->placeholder_text != NULL && buffer_is_empty (self))
    draw_placeholder (self, snapshot);
}

/* While an input method composes a word, Enter belongs to it (it commits
 * the word); taking it then could drop the word when the focus moves. */
static void
on_preedit_changed (ToaTitleView *self,
                    const char   *preedit)
{
  self->composing = preedit != NULL && preedit[0] != '\0';
}

static gboolean
on_enter (GtkWidget *widget,
          GVariant  *args,
          gpointer   data)
{
  ToaTitleView *self = TOA_TITLE_VIEW (widget);

  if (self->composing)
    return FALSE;
  return gtk_widget_activate_action (widget, "title.activate", NULL);
}

/* Enter must be seen before the text view turns it into a newline, so the
 * shortcuts run in the capture phase. */
static void
add_enter_shortcuts (ToaTitleView *self)
{
  static const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    for (guint shift = 0; shift <= 1; shift++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], shift ? GDK_SHIFT_MASK : 0),
                                                              gtk_callback_action_new (on_enter, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
toa_title_view_finalize (GObject *object)
{
  ToaTitleView *self = TOA_TITLE_VIEW (object);

  g_clear_pointer (&self->placeholder_text, g_free);

  G_OBJECT_CLASS (toa_title_view_parent_class)->finalize (object);
}

static void
toa_title_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ToaTitleView *self = TOA_TITLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, self->placeholder_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_title_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ToaTitleView *self = TOA_TITLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      toa_title_view_set_placeholder_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_title_view_class_init (ToaTitleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = toa_title_view_finalize;
  object_class->get_property = toa_title_view_get_property;
  object_class->set_property = toa_title_view_set_property;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = toa_title_view_snapshot_layer;

  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ToaTitleView::activate:
   *
   * Emitted when the user presses Enter.
   */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ToaTitleView::changed:
   *
   * Emitted when the text changes.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_activate_signal (widget_class, signals[SIGNAL_ACTIVATE]);
  gtk_widget_class_install_action (widget_class, "title.activate", NULL, activate_action);
}

static void
toa_title_view_init (ToaTitleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_buffer_insert_text), self, 0);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "preedit-changed", G_CALLBACK (on_preedit_changed), NULL);
  add_enter_shortcuts (self);
}

/**
 * toa_title_view_new:
 *
 * Returns: (transfer floating): a new, empty title field
 */
GtkWidget *
toa_title_view_new (void)
{
  return g_object_new (TOA_TYPE_TITLE_VIEW, NULL);
}

/**
 * toa_title_view_get_text:
 * @self: a #ToaTitleView
 *
 * Returns: (transfer full): the title as typed
 */
char *
toa_title_view_get_text (ToaTitleView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (TOA_IS_TITLE_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * toa_title_view_set_text:
 * @self: a #ToaTitleView
 * @text: (nullable): the new title; line breaks become spaces
 *
 * Replaces the title. This is not an undoable step: undo never brings
 * back the title of another article.
 */
void
toa_title_view_set_text (ToaTitleView *self,
                         const char   *text)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (TOA_IS_TITLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

const char *
toa_title_view_get_placeholder_text (ToaTitleView *self)
{
  g_return_val_if_fail (TOA_IS_TITLE_VIEW (self), NULL);

  return self->placeholder_text;
}

/**
 * toa_title_view_set_placeholder_text:
 * @self: a #ToaTitleView
 * @text: (nullable): what an empty field shows
 */
void
toa_title_view_set_placeholder_text (ToaTitleView *self,
                                     const char   *text)
{
  g_return_if_fail (TOA_IS_TITLE_VIEW (self));

  if (g_strcmp0 (self->placeholder_text, text) == 0)
    return;
  g_free (self->placeholder_text);
  self->placeholder_text = g_strdup (text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}
