/* toa-body-buffer.c — converting between a GtkTextBuffer and a canonical body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "toa-article-content.h"
#include "toa-body-buffer.h"
#include "toa-body-editor.h"

#define OBJECT_CHAR "\xef\xbf\xbc"
#define OBJECT_UNICHAR 0xFFFC
#define LINE_SEPARATOR_UNICHAR 0x2028
#define MAX_IMAGE_WIDTH 560

/* Inline elements, in the order they nest when several start together. */
static const char * const inline_elements[] = { "a", "strong", "em", "u", "s", "sub", "sup" };

/* Pictures are not GtkTextBuffer paintables: inserting one is not
 * recorded by the buffer's undo history, which then undoes the wrong
 * characters. A picture is a plain U+FFFC character (undoable like any
 * text) whose data tag holds the picture; ToaBodyView draws it in the
 * space the tag reserves above the line. */

static GdkPaintable *
placeholder_paintable (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkIconPaintable *icon;

  g_assert (display != NULL);
  icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (display),
                                     "image-x-generic-symbolic", NULL, 96, 1,
                                     GTK_TEXT_DIR_NONE, 0);
  return GDK_PAINTABLE (icon);
}

/* A picture's own size, capped at the widest the editor ever shows one. */
static void
picture_natural_size (GdkPaintable *picture,
                      int          *width,
                      int          *height)
{
  *width = gdk_paintable_get_intrinsic_width (picture);
  *height = gdk_paintable_get_intrinsic_height (picture);
  if (*width <= 0 || *height <= 0)
    {
      *width = 96;
      *height = 96;
    }
  if (*width > MAX_IMAGE_WIDTH)
    {
      *height = MAX (1, (int) ((gint64) *height * MAX_IMAGE_WIDTH / *width));
      *width = MAX_IMAGE_WIDTH;
    }
}

/* Sets the size @tag's picture is drawn at: its natural size, scaled down
 * (keeping its aspect ratio) to @room pixels when that is narrower. The
 * tag reserves the picture's height above its line, so the caption stays
 * under it. Only a real change touches the tag: a tag change makes the
 * view lay its lines out again. */
static void
fit_picture_tag (GtkTextTag *tag,
                 int         room)
{
  int natural_width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "toa-natural-width"));
  int natural_height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "toa-natural-height"));
  int width = natural_width;
  int height = natural_height;

  if (room > 0 && room < natural_width)
    {
      width = MAX (1, room);
      height = MAX (1, (int) ((gint64) natural_height * width / natural_width));
    }
  if (width == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "toa-width")) &&
      height == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "toa-height")))
    return;
  g_object_set_data (G_OBJECT (tag), "toa-width", GINT_TO_POINTER (width));
  g_object_set_data (G_OBJECT (tag), "toa-height", GINT_TO_POINTER (height));
  g_object_set (tag, "pixels-above-lines", height + 12, NULL);
}

static void
fit_picture_tag_cb (GtkTextTag *tag,
                    gpointer    data)
{
  if (g_object_get_data (G_OBJECT (tag), "toa-picture") != NULL)
    fit_picture_tag (tag, GPOINTER_TO_INT (data));
}

/* The room the view last gave pictures; kept on the tag table, which the
 * editor's scratch buffers share, so that every new picture starts at the
 * right size. 0: not known yet. */
static int
picture_room (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (table), "toa-picture-room"));
}

/**
 * toa_body_buffer_fit_pictures:
 * @buffer: a body buffer
 * @room: the width of the text area in pixels, or 0 for no limit
 *
 * Shows every picture of @buffer (and of the buffers sharing its tag
 * table) no wider than @room, keeping its aspect ratio and never larger
 * than its own size. This changes how pictures are drawn, never the body.
 */
void
toa_body_buffer_fit_pictures (GtkTextBuffer *buffer,
                              int            room)
{
  GtkTextTagTable *table;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  room = MAX (room, 0);
  /* The view is allocated again as the text grows: nothing to do then, as
   * pictures inserted since were fitted to the same room. */
  if (room == picture_room (buffer))
    return;
  table = gtk_text_buffer_get_tag_table (buffer);
  g_object_set_data (G_OBJECT (table), "toa-picture-room", GINT_TO_POINTER (room));
  gtk_text_tag_table_foreach (table, fit_picture_tag_cb, GINT_TO_POINTER (room));
}

/**
 * toa_body_tag_get_picture_size:
 * @tag: a picture's data tag
 * @width: (out): the width it is shown at
 * @height: (out): the height it is shown at
 *
 * Returns: (transfer none) (nullable): the picture, or %NULL if @tag
 *   holds none
 */
GdkPaintable *
toa_body_tag_get_picture_size (GtkTextTag *tag,
                               int        *width,
                               int        *height)
{
  g_return_val_if_fail (GTK_IS_TEXT_TAG (tag), NULL);

  *width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "toa-width"));
  *height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "toa-height"));
  return g_object_get_data (G_OBJECT (tag), "toa-picture");
}

/* Tags */

static GtkTextTag *
add_block_tag (GtkTextTagTable *table,
               const char      *name,
               const char      *first_property,
               ...)
{
  GtkTextTag *tag = gtk_text_tag_new (name);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);
  g_object_set_data (G_OBJECT (tag), "toa-block", (gpointer) name);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);
  return tag;
}

static void
add_inline_tag (GtkTextTagTable *table,
                const char      *name,
                const char      *first_property,
                ...)
{
  GtkTextTag *tag = gtk_text_tag_new (name);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);
  g_object_set_data (G_OBJECT (tag), "toa-inline", (gpointer) name);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);
}

static void
add_list_tags (GtkTextTagTable *table)
{
  for (guint depth = 1; depth <= TOA_BODY_MAX_LIST_DEPTH; depth++)
    for (ToaBodyListKind kind = TOA_BODY_LIST_BULLET; kind <= TOA_BODY_LIST_NUMBER; kind++)
      {
        g_autofree char *name = g_strdup_printf ("%s%u", kind == TOA_BODY_LIST_BULLET ? "ul" : "ol", depth);
        GtkTextTag *tag = add_block_tag (table, name, "left-margin", 12 + 28 * (int) depth, NULL);

        g_object_set_data (G_OBJECT (tag), "toa-block", (gpointer) "list");
        g_object_set_data (G_OBJECT (tag), "toa-list-kind", GINT_TO_POINTER (kind));
        g_object_set_data (G_OBJECT (tag), "toa-list-depth", GUINT_TO_POINTER (depth));
      }
}

/**
 * toa_body_buffer_setup:
 * @buffer: an empty buffer
 *
 * Creates the tags of the body model in @buffer's tag table. Block tags
 * come first so that inline tags win where both set a property.
 */
void
toa_body_buffer_setup (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GdkRGBA shade = { 0.5, 0.5, 0.5, 0.12 };

  add_block_tag (table, "quote", "left-margin", 36, "right-margin", 24,
                 "paragraph-background-rgba", &shade, NULL);
  add_list_tags (table);
  add_block_tag (table, "h2", "scale", 1.45, "weight", 800, "pixels-above-lines", 14, NULL);
  add_block_tag (table, "h3", "scale", 1.2, "weight", 700, "pixels-above-lines", 10, NULL);
  add_block_tag (table, "h4", "scale", 1.05, "weight", 700, "pixels-above-lines", 6, NULL);
  add_block_tag (table, "figure", "justification", GTK_JUSTIFY_CENTER, "pixels-above-lines", 8, NULL);
  add_block_tag (table, "figcaption", "justification", GTK_JUSTIFY_CENTER, "style", PANGO_STYLE_ITALIC,
                 "scale", 0.92, "pixels-below-lines", 14, NULL);
  gtk_text_buffer_create_tag (buffer, "table-head", "weight", PANGO_WEIGHT_BOLD, NULL);

  add_inline_tag (table, "strong", "weight", PANGO_WEIGHT_BOLD, NULL);
  add_inline_tag (table, "em", "style", PANGO_STYLE_ITALIC, NULL);
  add_inline_tag (table, "u", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  add_inline_tag (table, "s", "strikethrough", TRUE, NULL);
  add_inline_tag (table, "sub", "rise", -4 * PANGO_SCALE, "scale", PANGO_SCALE_SMALL, NULL);
  add_inline_tag (table, "sup", "rise", 6 * PANGO_SCALE, "scale", PANGO_SCALE_SMALL, NULL);
  g_object_set_data_full (G_OBJECT (buffer), "toa-link-tags",
                          g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                          (GDestroyNotify) g_hash_table_unref);
}

/**
 * toa_body_buffer_link_tag:
 * @buffer: a body buffer
 * @href: the link target
 *
 * Returns: (transfer none): the one tag of @buffer linking to @href
 */
GtkTextTag *
toa_body_buffer_link_tag (GtkTextBuffer *buffer,
                          const char    *href)
{
  GHashTable *links = g_object_get_data (G_OBJECT (buffer), "toa-link-tags");
  GtkTextTag *tag = g_hash_table_lookup (links, href);
  GdkRGBA blue = { 0.21, 0.52, 0.89, 1.0 };  /* reads on light and dark */

  if (tag != NULL)
    return tag;
  tag = gtk_text_tag_new (NULL);
  g_object_set (tag, "underline", PANGO_UNDERLINE_SINGLE, "foreground-rgba", &blue, NULL);
  g_object_set_data (G_OBJECT (tag), "toa-inline", (gpointer) "a");
  g_object_set_data_full (G_OBJECT (tag), "toa-href", g_strdup (href), g_free);
  gtk_text_tag_table_add (gtk_text_buffer_get_tag_table (buffer), tag);
  g_hash_table_insert (links, g_strdup (href), tag);
  g_object_unref (tag);
  return tag;
}

const char *
toa_body_tag_get_href (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), "toa-href");
}

/* Whether @iter is on a picture's character. */
gboolean
toa_body_iter_is_picture (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = NULL;

  if (gtk_text_iter_get_char (iter) != OBJECT_UNICHAR)
    return FALSE;
  tags = gtk_text_iter_get_tags (iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (G_OBJECT (l->data), "toa-picture") != NULL)
      return TRUE;
  return FALSE;
}

gboolean
toa_body_tag_is_inline (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), "toa-inline") != NULL;
}

gboolean
toa_body_tag_is_block (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), "toa-block") != NULL;
}

GtkTextTag *
toa_body_buffer_list_tag (GtkTextBuffer   *buffer,
                          ToaBodyListKind  kind,
                          guint            depth)
{
  g_autofree char *name = NULL;

  g_assert (kind != TOA_BODY_LIST_NONE);
  depth = CLAMP (depth, 1, TOA_BODY_MAX_LIST_DEPTH);
  name = g_strdup_printf ("%s%u", kind == TOA_BODY_LIST_BULLET ? "ul" : "ol", depth);
  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
}

ToaBodyListKind
toa_body_tag_get_list (GtkTextTag *tag,
                       guint      *depth)
{
  ToaBodyListKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "toa-list-kind"));

  if (depth != NULL)
    *depth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (tag), "toa-list-depth"));
  return kind;
}

static GtkTextTag *
data_tag (GtkTextBuffer *buffer,
          const char    *block,
          const char    *key,
          char          *value)
{
  GtkTextTag *tag = gtk_text_tag_new (NULL);

  g_object_set_data (G_OBJECT (tag), "toa-block", (gpointer) block);
  g_object_set_data_full (G_OBJECT (tag), key, value, g_free);
  gtk_text_tag_table_add (gtk_text_buffer_get_tag_table (buffer), tag);
  g_object_unref (tag);
  return tag;
}

static GtkTextTag *
named_tag (GtkTextBuffer *buffer,
           const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);

  g_assert (tag != NULL);
  return tag;
}

/* Escaping */

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len,
                gboolean    attribute)
{
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);

  for (const char *p = text; p < end; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"':
          if (attribute)
            g_string_append (out, "&quot;");
          else
            g_string_append_c (out, '"');
          break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

/* Loading: body → buffer */

typedef struct
{
  GtkTextBuffer      *buffer;
  GtkTextIter        *iter;
  const ToaBodyHooks *hooks;
  gboolean            quote;
  int                 line_start;
  GPtrArray          *inline_tags;
} Loader;

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST name);
}

static gboolean
is_blank_text (xmlNodePtr node)
{
  if (node->type != XML_TEXT_NODE)
    return FALSE;
  for (const xmlChar *p = node->content; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
unsupported (xmlNodePtr   node,
             GError     **error)
{
  g_set_error (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_UNSUPPORTED,
               _("The editor cannot show the element “%s” of this article body"),
               node->type == XML_ELEMENT_NODE ? (const char *) node->name : "#text");
  return FALSE;
}

static void
insert_tagged (Loader     *loader,
               const char *text,
               gssize      len)
{
  int start = gtk_text_iter_get_offset (loader->iter);
  GtkTextIter begin;

  gtk_text_buffer_insert (loader->buffer, loader->iter, text, len);
  gtk_text_buffer_get_iter_at_offset (loader->buffer, &begin, start);
  for (guint i = 0; i < loader->inline_tags->len; i++)
    gtk_text_buffer_apply_tag (loader->buffer, loader->inline_tags->pdata[i], &begin, loader->iter);
}

/* Raw newlines in text would split the block: they are white space. */
static void
insert_text_node (Loader        *loader,
                  const xmlChar *content)
{
  g_autofree char *text = g_strdup ((const char *) content);

  g_strdelimit (text, "\r\n", ' ');
  insert_tagged (loader, text, -1);
}

static GtkTextTag *
inline_tag_for (Loader     *loader,
                xmlNodePtr  node)
{
  g_autofree xmlChar *href = NULL;

  if (is_element (node, "a"))
    {
      href = xmlGetProp (node, BAD_CAST "href");
      return toa_body_buffer_link_tag (loader->buffer, href != NULL ? (const char *) href : "");
    }
  for (guint i = 1; i < G_N_ELEMENTS (inline_elements); i++)
    if (is_element (node, inline_elements[i]))
      return named_tag (loader->buffer, inline_elements[i]);
  return NULL;
}

static gboolean load_inline (Loader *loader, xmlNodePtr parent, GError **error);

static gboolean
load_inline_node (Loader      *loader,
                  xmlNodePtr   node,
                  GError     **error)
{
  GtkTextTag *tag;
  gboolean ok;

  if (node->type == XML_TEXT_NODE)
    {
      insert_text_node (loader, node->content);
      return TRUE;
    }
  if (is_element (node, "br"))
    {
      insert_tagged (loader, TOA_BODY_LINE_SEPARATOR, -1);
      return TRUE;
    }
  tag = inline_tag_for (loader, node);
  if (tag == NULL)
    return unsupported (node, error);
  g_ptr_array_add (loader->inline_tags, tag);
  ok = load_inline (loader, node, error);
  g_ptr_array_remove_index (loader->inline_tags, loader->inline_tags->len - 1);
  return ok;
}

static gboolean
load_inline (Loader      *loader,
             xmlNodePtr   parent,
             GError     **error)
{
  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    if (!load_inline_node (loader, node, error))
      return FALSE;
  return TRUE;
}

static void
begin_line (Loader *loader)
{
  loader->line_start = gtk_text_iter_get_offset (loader->iter);
}

/* Ends the current line and gives it its block tags (NULL-terminated). */
static void
end_line (Loader     *loader,
          GtkTextTag *first,
          ...)
{
  GtkTextIter begin;
  va_list args;

  gtk_text_buffer_insert (loader->buffer, loader->iter, "\n", 1);
  gtk_text_buffer_get_iter_at_offset (loader->buffer, &begin, loader->line_start);
  if (loader->quote)
    gtk_text_buffer_apply_tag_by_name (loader->buffer, "quote", &begin, loader->iter);

  va_start (args, first);
  for (GtkTextTag *tag = first; tag != NULL; tag = va_arg (args, GtkTextTag *))
    gtk_text_buffer_apply_tag (loader->buffer, tag, &begin, loader->iter);
  va_end (args);
}

static gboolean load_blocks (Loader *loader, xmlNodePtr parent, GError **error);

static gboolean
load_text_block (Loader      *loader,
                 xmlNodePtr   node,
                 GError     **error)
{
  GtkTextTag *tag = NULL;

  if (!is_element (node, "p"))
    tag = named_tag (loader->buffer, (const char *) node->name);
  begin_line (loader);
  if (!load_inline (loader, node, error))
    return FALSE;
  end_line (loader, tag, NULL);
  return TRUE;
}

static gboolean
load_list (Loader      *loader,
           xmlNodePtr   list,
           guint        depth,
           GError     **error)
{
  ToaBodyListKind kind = is_element (list, "ol") ? TOA_BODY_LIST_NUMBER : TOA_BODY_LIST_BULLET;
  GtkTextTag *tag;
  g_autofree xmlChar *start = xmlGetProp (list, BAD_CAST "start");
  gboolean first = TRUE;

  if (depth > TOA_BODY_MAX_LIST_DEPTH)
    return unsupported (list, error);
  tag = toa_body_buffer_list_tag (loader->buffer, kind, depth);

  for (xmlNodePtr item = list->children; item != NULL; item = item->next)
    {
      gboolean open = TRUE;
      GtkTextTag *start_tag = NULL;

      if (is_blank_text (item))
        continue;
      if (!is_element (item, "li"))
        return unsupported (item, error);
      if (first && start != NULL)
        start_tag = data_tag (loader->buffer, "start", "toa-start", g_strdup ((const char *) start));
      first = FALSE;

      begin_line (loader);
      for (xmlNodePtr child = item->children; child != NULL; child = child->next)
        {
          if (is_element (child, "ul") || is_element (child, "ol"))
            {
              if (open)
                end_line (loader, tag, start_tag, NULL);
              open = FALSE;
              start_tag = NULL;
              if (!load_list (loader, child, depth + 1, error))
                return FALSE;
              continue;
            }
          if (!open)
            begin_line (loader);
          open = TRUE;
          if (is_element (child, "p"))
            {
              /* <li><p>…</p></li> (LibreOffice): the item's text, with
               * a line break between paragraphs. */
              if (gtk_text_iter_get_offset (loader->iter) > loader->line_start)
                insert_tagged (loader, TOA_BODY_LINE_SEPARATOR, -1);
              if (!load_inline (loader, child, error))
                return FALSE;
              continue;
            }
          if (!load_inline_node (loader, child, error))
            return FALSE;
        }
      if (open)
        end_line (loader, tag, start_tag, NULL);
    }
  return TRUE;
}

static gboolean
load_figure (Loader      *loader,
             xmlNodePtr   figure,
             GError     **error)
{
  xmlNodePtr img = NULL;
  xmlNodePtr caption = NULL;
  g_autofree xmlChar *src = NULL;
  g_autofree xmlChar *alt = NULL;
  GtkTextIter begin;
  int start;

  for (xmlNodePtr child = figure->children; child != NULL; child = child->next)
    {
      if (is_blank_text (child))
        continue;
      if (is_element (child, "img") && img == NULL && caption == NULL)
        img = child;
      else if (is_element (child, "figcaption") && caption == NULL)
        caption = child;
      else
        return unsupported (child, error);
    }
  if (img == NULL)
    return unsupported (figure, error);

  src = xmlGetProp (img, BAD_CAST "src");
  alt = xmlGetProp (img, BAD_CAST "alt");
  if (src == NULL || !g_str_has_prefix ((const char *) src, "media:"))
    {
      g_set_error (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_INVALID_MEDIA,
                   _("The image “%s” is not article media"), src != NULL ? (const char *) src : "");
      return FALSE;
    }

  start = gtk_text_iter_get_offset (loader->iter);
  toa_body_buffer_insert_figure (loader->buffer, loader->iter, (const char *) src,
                                 alt != NULL ? (const char *) alt : "", NULL, loader->hooks);
  if (caption != NULL)
    {
      /* Fill the empty caption line: the picture and its newline are two
       * characters. */
      gtk_text_buffer_get_iter_at_offset (loader->buffer, loader->iter, start + 2);
      if (!load_inline (loader, caption, error))
        return FALSE;
      gtk_text_iter_forward_line (loader->iter);
      gtk_text_buffer_get_iter_at_offset (loader->buffer, &begin, start + 2);
      gtk_text_buffer_apply_tag_by_name (loader->buffer, "figcaption", &begin, loader->iter);
    }
  if (loader->quote)
    {
      gtk_text_buffer_get_iter_at_offset (loader->buffer, &begin, start);
      gtk_text_buffer_apply_tag_by_name (loader->buffer, "quote", &begin, loader->iter);
    }
  return TRUE;
}

/* Writes @node and its subtree the canonical way; tables only. */
static gboolean
write_table_node (GString     *out,
                  xmlNodePtr   node,
                  GError     **error)
{
  static const char * const allowed[] = {
    "table", "thead", "tbody", "tr", "th", "td", "strong", "em", "u", "s", "sub", "sup", "br",
  };
  gboolean known = FALSE;

  if (node->type == XML_TEXT_NODE)
    {
      append_escaped (out, (const char *) node->content, -1, FALSE);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    known = known || is_element (node, allowed[i]);
  if (!known)
    return unsupported (node, error);

  g_string_append_printf (out, "<%s", (const char *) node->name);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "colspan" : "rowspan";
      g_autofree xmlChar *value = xmlGetProp (node, BAD_CAST name);

      if (value == NULL)
        continue;
      g_string_append_printf (out, " %s=\"", name);
      append_escaped (out, (const char *) value, -1, TRUE);
      g_string_append_c (out, '"');
    }
  if (node->children == NULL)
    {
      g_string_append (out, "/>");
      return TRUE;
    }
  g_string_append_c (out, '>');
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (!write_table_node (out, child, error))
      return FALSE;
  g_string_append_printf (out, "</%s>", (const char *) node->name);
  return TRUE;
}

/* Shows a table as read-only rows of text, cells separated by a bar. */
static void
insert_table_rows (Loader     *loader,
                   xmlNodePtr  parent,
                   gboolean   *first_row)
{
  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    {
      gboolean first_cell = TRUE;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (!is_element (node, "tr"))
        {
          insert_table_rows (loader, node, first_row);
          continue;
        }
      if (!*first_row)
        gtk_text_buffer_insert (loader->buffer, loader->iter, "\n", 1);
      *first_row = FALSE;
      for (xmlNodePtr cell = node->children; cell != NULL; cell = cell->next)
        {
          g_autofree xmlChar *content = NULL;
          GtkTextIter begin;
          int offset;

          if (cell->type != XML_ELEMENT_NODE)
            continue;
          if (!first_cell)
            gtk_text_buffer_insert (loader->buffer, loader->iter, "  \u2502  ", -1);
          first_cell = FALSE;
          content = xmlNodeGetContent (cell);
          g_strdelimit ((char *) content, "\r\n", ' ');
          offset = gtk_text_iter_get_offset (loader->iter);
          gtk_text_buffer_insert (loader->buffer, loader->iter, (const char *) content, -1);
          gtk_text_buffer_get_iter_at_offset (loader->buffer, &begin, offset);
          if (is_element (cell, "th"))
            gtk_text_buffer_apply_tag_by_name (loader->buffer, "table-head", &begin, loader->iter);
        }
    }
}

static GtkTextTag *
table_tag (GtkTextBuffer *buffer,
           char          *markup)
{
  GtkTextTag *tag = data_tag (buffer, "table-data", "toa-table", markup);
  GdkRGBA shade = { 0.5, 0.5, 0.5, 0.10 };

  /* Tables are kept, not edited: typing inside would be lost on saving. */
  g_object_set (tag, "editable", FALSE, "paragraph-background-rgba", &shade,
                "left-margin", 36, "pixels-below-lines", 2, NULL);
  return tag;
}

static gboolean
load_table (Loader      *loader,
            xmlNodePtr   node,
            GError     **error)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  GtkTextIter begin;
  gboolean first_row = TRUE;

  if (!write_table_node (markup, node, error))
    return FALSE;

  begin_line (loader);
  insert_table_rows (loader, node, &first_row);
  if (first_row)
    gtk_text_buffer_insert (loader->buffer, loader->iter, OBJECT_CHAR, -1);
  gtk_text_buffer_get_iter_at_offset (loader->buffer, &begin, loader->line_start);
  gtk_text_buffer_apply_tag (loader->buffer, table_tag (loader->buffer, g_string_free (g_steal_pointer (&markup), FALSE)),
                             &begin, loader->iter);
  end_line (loader, NULL);
  return TRUE;
}

static gboolean
load_block (Loader      *loader,
            xmlNodePtr   node,
            GError     **error)
{
  if (is_element (node, "p") || is_element (node, "h2") || is_element (node, "h3") ||
      is_element (node, "h4"))
    return load_text_block (loader, node, error);
  if (is_element (node, "ul") || is_element (node, "ol"))
    return load_list (loader, node, 1, error);
  if (is_element (node, "figure"))
    return load_figure (loader, node, error);
  if (is_element (node, "table"))
    return load_table (loader, node, error);
  if (is_element (node, "blockquote"))
    {
      gboolean outer = loader->quote;
      gboolean ok;

      loader->quote = TRUE;
      ok = load_blocks (loader, node, error);
      loader->quote = outer;
      return ok;
    }
  return unsupported (node, error);
}

static gboolean
is_inline_node (Loader     *loader,
                xmlNodePtr  node)
{
  return node->type == XML_TEXT_NODE || is_element (node, "br") || inline_tag_for (loader, node) != NULL;
}

/* Loose inline content between blocks (e.g. "<blockquote>text</blockquote>")
 * becomes a paragraph of its own: the text is kept, the markup becomes
 * canonical on saving. */
static gboolean
load_blocks (Loader      *loader,
             xmlNodePtr   parent,
             GError     **error)
{
  xmlNodePtr node = parent->children;

  while (node != NULL)
    {
      if (is_blank_text (node))
        {
          node = node->next;
          continue;
        }
      if (is_inline_node (loader, node))
        {
          begin_line (loader);
          for (; node != NULL && is_inline_node (loader, node); node = node->next)
            if (!load_inline_node (loader, node, error))
              return FALSE;
          end_line (loader, NULL);
          continue;
        }
      if (node->type != XML_ELEMENT_NODE)
        return unsupported (node, error);
      if (!load_block (loader, node, error))
        return FALSE;
      node = node->next;
    }
  return TRUE;
}

static xmlNodePtr
parse_fragment (xmlDocPtr    doc,
                const char  *body,
                GError     **error)
{
  xmlNodePtr root = xmlNewDocNode (doc, NULL, BAD_CAST "body", NULL);
  xmlNsPtr ns = xmlNewNs (root, BAD_CAST TOA_XHTML_NAMESPACE, NULL);
  xmlNodePtr list = NULL;
  xmlParserErrors result;

  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);
  if (body[0] == '\0')
    return root;

  if (!g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_MALFORMED,
                   _("The article body is not valid UTF-8 text"));
      return NULL;
    }
  result = xmlParseInNodeContext (root, body, (int) strlen (body),
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING,
                                  &list);
  if (result != XML_ERR_OK)
    {
      xmlFreeNodeList (list);
      g_set_error (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_MALFORMED,
                   _("The article body is not well-formed (XML error %d)"), (int) result);
      return NULL;
    }
  if (list != NULL)
    xmlAddChildList (root, list);
  return root;
}

/**
 * toa_body_buffer_insert:
 * @buffer: a body buffer
 * @iter: where to insert, at the start of a line; moved past the insertion
 * @body: a canonical body fragment
 * @hooks: (nullable): how to find the pictures of images
 * @error: return location for a #GError
 *
 * Inserts the blocks of @body, each on its own line ending in a newline.
 * On error the buffer may hold part of @body: callers insert into a
 * scratch copy or undo.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_body_buffer_insert (GtkTextBuffer       *buffer,
                        GtkTextIter         *iter,
                        const char          *body,
                        const ToaBodyHooks  *hooks,
                        GError             **error)
{
  xmlDocPtr doc = xmlNewDoc (BAD_CAST "1.0");
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  Loader loader = { buffer, iter, hooks, FALSE, 0, tags };
  xmlNodePtr root;
  gboolean ok = FALSE;

  g_assert (gtk_text_iter_starts_line (iter));
  root = parse_fragment (doc, body, error);
  if (root != NULL)
    ok = load_blocks (&loader, root, error);
  xmlFreeDoc (doc);
  return ok;
}

/**
 * toa_body_buffer_insert_figure:
 * @buffer: a body buffer
 * @iter: where to insert, at the start of a line; moved past the insertion
 * @src: "media:ID"
 * @alt: the image's text alternative
 * @caption: (nullable): plain caption text
 * @hooks: (nullable): how to find the picture
 *
 * Inserts a figure line (the picture) and its caption line.
 */
void
toa_body_buffer_insert_figure (GtkTextBuffer      *buffer,
                               GtkTextIter        *iter,
                               const char         *src,
                               const char         *alt,
                               const char         *caption,
                               const ToaBodyHooks *hooks)
{
  GdkPaintable *picture = NULL;
  GdkRGBA hidden = { 0, 0, 0, 0 };
  GtkTextTag *tag;
  GtkTextIter begin;
  int start = gtk_text_iter_get_offset (iter);
  int width;
  int height;

  if (hooks != NULL && hooks->resolve_image != NULL)
    picture = hooks->resolve_image (src, hooks->data);
  if (picture == NULL)
    picture = placeholder_paintable ();
  picture_natural_size (picture, &width, &height);

  tag = data_tag (buffer, "image", "toa-src", g_strdup (src));
  g_object_set_data_full (G_OBJECT (tag), "toa-alt", g_strdup (alt), g_free);
  g_object_set_data_full (G_OBJECT (tag), "toa-picture", picture, g_object_unref);
  g_object_set_data (G_OBJECT (tag), "toa-natural-width", GINT_TO_POINTER (width));
  g_object_set_data (G_OBJECT (tag), "toa-natural-height", GINT_TO_POINTER (height));
  /* The character itself stays invisible; the picture is drawn above it. */
  g_object_set (tag, "foreground-rgba", &hidden, "scale", 0.5, NULL);
  fit_picture_tag (tag, picture_room (buffer));

  gtk_text_buffer_insert (buffer, iter, OBJECT_CHAR, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &begin, start);
  gtk_text_buffer_apply_tag (buffer, tag, &begin, iter);
  gtk_text_buffer_insert (buffer, iter, "\n", 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &begin, start);
  gtk_text_buffer_apply_tag_by_name (buffer, "figure", &begin, iter);

  start = gtk_text_iter_get_offset (iter);
  if (caption != NULL)
    gtk_text_buffer_insert (buffer, iter, caption, -1);
  gtk_text_buffer_insert (buffer, iter, "\n", 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &begin, start);
  gtk_text_buffer_apply_tag_by_name (buffer, "figcaption", &begin, iter);
}

/* Saving: buffer → body */

typedef struct
{
  GString    *out;
  gboolean    quote;
  gboolean    figure;
  GtkTextTag *table;          /* the table last written */
  guint       depth;
  ToaBodyListKind kinds[TOA_BODY_MAX_LIST_DEPTH + 1];
} Writer;

typedef struct
{
  const char      *heading;   /* "h2"… or NULL */
  gboolean         quote;
  gboolean         caption;
  ToaBodyListKind  list;
  guint            depth;
  const char      *start;     /* ol[start] */
} LineInfo;

static void
read_line_info (const GtkTextIter *line_start,
                LineInfo          *info)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (line_start);

  memset (info, 0, sizeof *info);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      GtkTextTag *tag = l->data;
      const char *block = g_object_get_data (G_OBJECT (tag), "toa-block");

      if (block == NULL)
        continue;
      if (g_str_equal (block, "h2") || g_str_equal (block, "h3") || g_str_equal (block, "h4"))
        info->heading = block;
      else if (g_str_equal (block, "quote"))
        info->quote = TRUE;
      else if (g_str_equal (block, "figcaption"))
        info->caption = TRUE;
      else if (g_str_equal (block, "list"))
        info->list = toa_body_tag_get_list (tag, &info->depth);
      else if (g_str_equal (block, "start"))
        info->start = g_object_get_data (G_OBJECT (tag), "toa-start");
    }
}

/* The picture or table data tag at @iter, if any. */
static GtkTextTag *
object_tag_at (const GtkTextIter *iter,
               gboolean          *is_image)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      const char *block = g_object_get_data (G_OBJECT (l->data), "toa-block");

      if (block == NULL)
        continue;
      if (g_str_equal (block, "image") && gtk_text_iter_get_char (iter) == OBJECT_UNICHAR)
        {
          *is_image = TRUE;
          return l->data;
        }
      if (g_str_equal (block, "table-data"))
        {
          *is_image = FALSE;
          return l->data;
        }
    }
  return NULL;
}

static const char *
list_element (ToaBodyListKind kind)
{
  return kind == TOA_BODY_LIST_NUMBER ? "ol" : "ul";
}

static void
close_figure (Writer *writer)
{
  if (writer->figure)
    g_string_append (writer->out, "</figure>");
  writer->figure = FALSE;
}

static void
close_lists (Writer *writer,
             guint   depth)
{
  while (writer->depth > depth)
    {
      g_string_append_printf (writer->out, "</li></%s>", list_element (writer->kinds[writer->depth]));
      writer->depth--;
    }
}

static void
open_list (Writer         *writer,
           ToaBodyListKind kind,
           const char     *start)
{
  writer->depth++;
  writer->kinds[writer->depth] = kind;
  g_string_append_printf (writer->out, "<%s", list_element (kind));
  if (kind == TOA_BODY_LIST_NUMBER && start != NULL)
    {
      g_string_append (writer->out, " start=\"");
      append_escaped (writer->out, start, -1, TRUE);
      g_string_append_c (writer->out, '"');
    }
  g_string_append_c (writer->out, '>');
}

/* Opens the <li> of a list line, closing and opening lists around it. */
static void
open_list_item (Writer         *writer,
                const LineInfo *info)
{
  close_lists (writer, info->depth);
  if (writer->depth == info->depth)
    {
      g_string_append (writer->out, "</li>");
      if (writer->kinds[writer->depth] != info->list)
        {
          g_string_append_printf (writer->out, "</%s>", list_element (writer->kinds[writer->depth]));
          writer->depth--;
          open_list (writer, info->list, info->start);
        }
    }
  while (writer->depth < info->depth)
    {
      gboolean last = writer->depth + 1 == info->depth;

      open_list (writer, info->list, last ? info->start : NULL);
      if (!last)
        g_string_append (writer->out, "<li>");
    }
  g_string_append (writer->out, "<li>");
}

static int
inline_rank (GtkTextTag *tag)
{
  const char *name = g_object_get_data (G_OBJECT (tag), "toa-inline");

  for (guint i = 0; i < G_N_ELEMENTS (inline_elements); i++)
    if (g_str_equal (name, inline_elements[i]))
      return (int) i;
  g_assert_not_reached ();
  return 0;
}

static int
tag_end_offset (GtkTextTag        *tag,
                const GtkTextIter *from,
                const GtkTextIter *limit)
{
  GtkTextIter end = *from;

  if (!gtk_text_iter_forward_to_tag_toggle (&end, tag) || gtk_text_iter_compare (&end, limit) > 0)
    end = *limit;
  return gtk_text_iter_get_offset (&end);
}

typedef struct
{
  GtkTextTag *tag;
  int         end;
  int         rank;
} Opening;

static int
compare_openings (gconstpointer a,
                  gconstpointer b)
{
  const Opening *x = a;
  const Opening *y = b;

  /* The element that lasts longest must be opened first (outermost). */
  if (x->end != y->end)
    return y->end - x->end;
  return x->rank - y->rank;
}

static void
write_open (GString    *out,
            GtkTextTag *tag)
{
  const char *name = g_object_get_data (G_OBJECT (tag), "toa-inline");

  if (g_str_equal (name, "a"))
    {
      g_string_append (out, "<a href=\"");
      append_escaped (out, toa_body_tag_get_href (tag), -1, TRUE);
      g_string_append (out, "\">");
    }
  else
    g_string_append_printf (out, "<%s>", name);
}

static void
write_close (GString    *out,
             GtkTextTag *tag)
{
  g_string_append_printf (out, "</%s>", (const char *) g_object_get_data (G_OBJECT (tag), "toa-inline"));
}

static void
write_run_text (GString           *out,
                const GtkTextIter *start,
                const GtkTextIter *end)
{
  g_autofree char *text = gtk_text_iter_get_slice (start, end);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == OBJECT_UNICHAR)
        continue;
      if (c == LINE_SEPARATOR_UNICHAR)
        g_string_append (out, "<br/>");
      else
        append_escaped (out, p, g_utf8_next_char (p) - p, FALSE);
    }
}

/* Opens and closes inline elements so that they nest properly: an element
 * still wanted stays open unless something below it in the stack ends. */
static void
sync_inline_stack (GString           *out,
                   GPtrArray         *stack,
                   GSList            *wanted,
                   const GtkTextIter *at,
                   const GtkTextIter *limit)
{
  g_autoptr(GArray) openings = g_array_new (FALSE, FALSE, sizeof (Opening));
  guint keep = 0;

  while (keep < stack->len && g_slist_find (wanted, stack->pdata[keep]) != NULL)
    keep++;
  while (stack->len > keep)
    {
      write_close (out, stack->pdata[stack->len - 1]);
      g_ptr_array_remove_index (stack, stack->len - 1);
    }

  for (GSList *l = wanted; l != NULL; l = l->next)
    {
      Opening opening = { l->data, tag_end_offset (l->data, at, limit), inline_rank (l->data) };

      if (!g_ptr_array_find (stack, l->data, NULL))
        g_array_append_val (openings, opening);
    }
  g_array_sort (openings, compare_openings);
  for (guint i = 0; i < openings->len; i++)
    {
      GtkTextTag *tag = g_array_index (openings, Opening, i).tag;

      write_open (out, tag);
      g_ptr_array_add (stack, tag);
    }
}

static void
write_inline (GString           *out,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  GtkTextIter iter = *start;

  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      GtkTextIter next = iter;
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);
      GSList *wanted = NULL;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL) || gtk_text_iter_compare (&next, end) > 0)
        next = *end;
      for (GSList *l = tags; l != NULL; l = l->next)
        if (toa_body_tag_is_inline (l->data))
          wanted = g_slist_prepend (wanted, l->data);

      sync_inline_stack (out, stack, wanted, &iter, end);
      g_slist_free (wanted);
      write_run_text (out, &iter, &next);
      iter = next;
    }
  while (stack->len > 0)
    {
      write_close (out, stack->pdata[stack->len - 1]);
      g_ptr_array_remove_index (stack, stack->len - 1);
    }
}

static void
write_image (Writer     *writer,
             GtkTextTag *tag)
{
  g_string_append (writer->out, "<figure><img src=\"");
  append_escaped (writer->out, g_object_get_data (G_OBJECT (tag), "toa-src"), -1, TRUE);
  g_string_append (writer->out, "\" alt=\"");
  append_escaped (writer->out, g_object_get_data (G_OBJECT (tag), "toa-alt"), -1, TRUE);
  g_string_append (writer->out, "\"/>");
  writer->figure = TRUE;
}

/* Whether [start, end) holds nothing but stray object characters, left
 * behind, e.g., when undo re-inserts a deleted picture as plain text. */
static gboolean
is_blank_range (const GtkTextIter *start,
                const GtkTextIter *end)
{
  g_autofree char *text = gtk_text_iter_get_slice (start, end);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) != OBJECT_UNICHAR)
      return FALSE;
  return TRUE;
}

/* Enters the quote and list containers of @info. */
static void
enter_containers (Writer         *writer,
                  const LineInfo *info)
{
  close_figure (writer);
  if (info->list == TOA_BODY_LIST_NONE || info->quote != writer->quote)
    close_lists (writer, 0);
  if (info->quote != writer->quote)
    g_string_append (writer->out, info->quote ? "<blockquote>" : "</blockquote>");
  writer->quote = info->quote;
}

static void
write_text_block (Writer            *writer,
                  const LineInfo    *info,
                  const GtkTextIter *start,
                  const GtkTextIter *end)
{
  const char *element;

  if (is_blank_range (start, end))
    return;
  if (info->caption && writer->figure)
    {
      g_string_append (writer->out, "<figcaption>");
      write_inline (writer->out, start, end);
      g_string_append (writer->out, "</figcaption>");
      close_figure (writer);
      return;
    }
  enter_containers (writer, info);
  if (info->list != TOA_BODY_LIST_NONE)
    {
      open_list_item (writer, info);
      write_inline (writer->out, start, end);
      return;
    }
  element = info->heading != NULL ? info->heading : "p";
  g_string_append_printf (writer->out, "<%s>", element);
  write_inline (writer->out, start, end);
  g_string_append_printf (writer->out, "</%s>", element);
}

/* Writes one line. Pictures and tables are blocks of their own: text that
 * ended up on their line (typed beside them) becomes paragraphs around
 * them rather than being lost. */
static void
write_line (Writer            *writer,
            const GtkTextIter *line_start,
            const GtkTextIter *start,
            const GtkTextIter *end)
{
  LineInfo info;
  LineInfo plain;
  GtkTextIter from = *start;
  GtkTextIter iter = *start;
  gboolean objects = FALSE;

  read_line_info (line_start, &info);
  plain = info;
  plain.caption = FALSE;
  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      gboolean image = FALSE;
      GtkTextTag *tag = object_tag_at (&iter, &image);
      GtkTextIter next = iter;

      gtk_text_iter_forward_char (&next);
      if (tag != NULL)
        {
          write_text_block (writer, objects ? &plain : &info, &from, &iter);
          if (image)
            {
              enter_containers (writer, &plain);
              write_image (writer, tag);
            }
          else if (tag != writer->table)
            {
              /* A table spans several lines: written once, at its start. */
              enter_containers (writer, &plain);
              g_string_append (writer->out, g_object_get_data (G_OBJECT (tag), "toa-table"));
              writer->table = tag;
            }
          objects = TRUE;
          from = next;
        }
      iter = next;
    }
  if (info.caption && writer->figure && gtk_text_iter_equal (&from, end) && !objects)
    close_figure (writer);
  else
    write_text_block (writer, objects ? &plain : &info, &from, end);
}

/**
 * toa_body_buffer_serialize:
 * @buffer: a body buffer
 * @start: start of the range
 * @end: end of the range
 *
 * Writes the blocks between @start and @end as a canonical body fragment.
 * Empty paragraphs are left out.
 *
 * Returns: (transfer full): the fragment
 */
char *
toa_body_buffer_serialize (GtkTextBuffer     *buffer,
                           const GtkTextIter *start,
                           const GtkTextIter *end)
{
  Writer writer = { g_string_new (NULL), FALSE, FALSE, NULL, 0, { 0 } };
  GtkTextIter line = *start;

  gtk_text_iter_set_line_offset (&line, 0);
  while (gtk_text_iter_compare (&line, end) < 0)
    {
      GtkTextIter from = gtk_text_iter_compare (&line, start) < 0 ? *start : line;
      GtkTextIter to = line;

      if (!gtk_text_iter_ends_line (&to))
        gtk_text_iter_forward_to_line_end (&to);
      if (gtk_text_iter_compare (&to, end) > 0)
        to = *end;
      if (gtk_text_iter_compare (&from, &to) < 0)
        write_line (&writer, &line, &from, &to);
      else if (writer.figure)
        close_figure (&writer);
      if (!gtk_text_iter_forward_line (&line))
        break;
    }
  close_figure (&writer);
  close_lists (&writer, 0);
  if (writer.quote)
    g_string_append (writer.out, "</blockquote>");
  return g_string_free (writer.out, FALSE);
}

/**
 * toa_body_buffer_plain_text:
 * @buffer: a body buffer
 * @start: start of the range
 * @end: end of the range
 *
 * Returns: (transfer full): the text between @start and @end, line
 *   separators as newlines, pictures and tables left out
 */
char *
toa_body_buffer_plain_text (GtkTextBuffer     *buffer,
                            const GtkTextIter *start,
                            const GtkTextIter *end)
{
  g_autofree char *text = gtk_text_iter_get_slice (start, end);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == OBJECT_UNICHAR)
        continue;
      if (c == LINE_SEPARATOR_UNICHAR)
        g_string_append_c (out, '\n');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
