/* toa-sanitize.c — rebuild a parsed HTML tree from the body allowlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parsed tree is never edited into shape and written back: a new tree
 * is built holding only allowlisted elements, the few attributes they may
 * carry (each checked), and text. Only element and text nodes of the
 * source are read, so comments, processing instructions and the CDATA
 * content of script/style can never come through.
 *
 * The content model of the result:
 *   flow (body, blockquote): p h2 h3 h4 ul ol blockquote figure table
 *   p h2 h3 h4 figcaption th td: inline (text strong em u s sub sup a br)
 *   ul ol: li;  li: inline, then nested ul/ol
 *   figure: img, then an optional figcaption
 *   table: thead? tbody?;  thead tbody: tr;  tr: th td
 * Source structure that does not fit is fitted: inline content in flow
 * gets a paragraph, blocks inside inline content become line breaks,
 * images inside inline content move after the enclosing block.
 */
#include "config.h"

#include <string.h>

#include "toa-html-import-private.h"

typedef enum
{
  CTX_FLOW,
  CTX_INLINE,
  CTX_LIST,
  CTX_TABLE,
  CTX_ROW,
} ContextKind;

typedef struct
{
  ToaImportReport *report;
  xmlDocPtr        doc;
  /* Unlinked figures and paragraphs waiting for the enclosing flow to
   * finish its current block (an image found inside a paragraph). */
  GPtrArray       *deferred;
} Sanitizer;

typedef struct
{
  Sanitizer   *san;
  ContextKind  kind;
  xmlNodePtr   parent;
  /* CTX_FLOW: the paragraph collecting loose inline content;
   * CTX_LIST: the item collecting it. */
  xmlNodePtr   implied;
  /* CTX_TABLE and CTX_ROW: the table being built and the current row
   * section. */
  xmlNodePtr   table;
  gboolean     in_head;
} Context;

/* Lists, quotes and tables nested deeper than this are flattened: the
 * body must stay far below libxml2's limit of 256 levels, and an implied
 * item doubles the depth of lists nested directly in lists. */
#define MAX_BLOCK_DEPTH 40

static void process_node     (Context *ctx, xmlNodePtr node);
static void process_children (Context *ctx, xmlNodePtr node);

static gboolean
name_in (const xmlChar       *name,
         const char * const  *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (xmlStrcasecmp (name, BAD_CAST names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* libxml2 2.9's HTML parser treats these as ordinary containers whose
 * children are live, or keeps their text as CDATA: never unwrap them. */
static const char * const dropped_subtrees[] = {
  "script", "style", "noscript", "template", "iframe", "object", "embed",
  "svg", "math", "textarea", "title", "xmp", "noembed", "noframes",
  "select", "form", "applet", "frameset", "frame", "xml", "meta", "link",
  "base", "plaintext", "audio", "video", "canvas", "map", "area", "param",
  "source", "track", "option", "optgroup", "datalist", "input", "button",
  NULL
};

/* Document furniture that every pasted page carries: dropped without
 * telling the user, unlike scripts and embedded objects. */
static const char * const silent_drops[] = {
  "style", "title", "xml", "meta", "link", "base", NULL
};

/* Containers whose boundaries separate blocks of text. */
static const char * const block_containers[] = {
  "div", "section", "article", "header", "footer", "main", "aside", "nav",
  "center", "address", "dl", "dt", "dd", "pre", "hr", "body", "html",
  "fieldset", "legend", "details", "summary", "caption", "listing",
  "hgroup", "figcaption", "tr", "td", "th", "thead", "tbody", "tfoot",
  "li", "dialog", "head",
  NULL
};

static const char *
format_name (const xmlChar *name)
{
  static const char * const map[][2] = {
    { "b", "strong" }, { "strong", "strong" }, { "i", "em" }, { "em", "em" },
    { "u", "u" }, { "s", "s" }, { "strike", "s" }, { "del", "s" },
    { "sub", "sub" }, { "sup", "sup" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (xmlStrcasecmp (name, BAD_CAST map[i][0]) == 0)
      return map[i][1];
  return NULL;
}

/* Heading levels: the body has h2–h4, so h1 rises to h2 and h5/h6 fall
 * to h4. Existing h2–h4 keep their level, which keeps import idempotent. */
static const char *
text_block_name (const xmlChar *name)
{
  static const char * const map[][2] = {
    { "p", "p" }, { "h1", "h2" }, { "h2", "h2" }, { "h3", "h3" },
    { "h4", "h4" }, { "h5", "h4" }, { "h6", "h4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (xmlStrcasecmp (name, BAD_CAST map[i][0]) == 0)
      return map[i][1];
  return NULL;
}

gboolean
toa_html_is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0;
}

/* Characters that XML 1.0 forbids or that only ever hide things. */
static gboolean
is_dropped_char (gunichar c)
{
  if (c < 0x20)
    return !toa_html_is_space (c);
  return (c >= 0x7F && c <= 0x9F) || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF;
}

/* The text as the body stores it: control characters gone, every kind of
 * white space a plain space (the serializer collapses runs). */
static char *
clean_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_dropped_char (c))
        continue;
      if (toa_html_is_space (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!toa_html_is_space (g_utf8_get_char (p)) && !is_dropped_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static guint
depth_of (xmlNodePtr node)
{
  guint depth = 0;

  for (xmlNodePtr n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    depth++;
  return depth;
}

static xmlNodePtr
new_element (Sanitizer  *san,
             xmlNodePtr  parent,
             const char *name)
{
  xmlNodePtr node = xmlNewDocNode (san->doc, NULL, BAD_CAST name, NULL);

  if (parent != NULL)
    xmlAddChild (parent, node);
  return node;
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         xmlStrcmp (node->name, BAD_CAST name) == 0;
}

static gboolean
has_visible_text (xmlNodePtr node)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    {
      if (n->type == XML_TEXT_NODE && !is_blank ((const char *) n->content))
        return TRUE;
      if (n->type == XML_ELEMENT_NODE && (is_element (n, "img") || has_visible_text (n)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_kept_when_empty (xmlNodePtr node)
{
  static const char * const names[] = { "br", "img", "td", "th", NULL };

  return name_in (node->name, names);
}

/* The last child that is not blank text. */
static xmlNodePtr
last_content_child (xmlNodePtr parent)
{
  for (xmlNodePtr n = parent->last; n != NULL; n = n->prev)
    if (n->type != XML_TEXT_NODE || !is_blank ((const char *) n->content))
      return n;
  return NULL;
}

/* libxml2's xmlAddChild() and xmlAddPrevSibling() merge adjacent text
 * nodes; text converted from a legacy font must stay apart from other
 * text until detection has run, so text is linked by hand. */
static void
link_text_last (xmlNodePtr parent,
                xmlNodePtr text)
{
  text->parent = parent;
  text->doc = parent->doc;
  text->prev = parent->last;
  text->next = NULL;
  if (parent->last != NULL)
    parent->last->next = text;
  else
    parent->children = text;
  parent->last = text;
}

static void
link_before (xmlNodePtr ref,
             xmlNodePtr node)
{
  node->parent = ref->parent;
  node->prev = ref->prev;
  node->next = ref;
  if (ref->prev != NULL)
    ref->prev->next = node;
  else
    ref->parent->children = node;
  ref->prev = node;
}

static gboolean
same_text_kind (xmlNodePtr a,
                xmlNodePtr b)
{
  return a->type == XML_TEXT_NODE && b->type == XML_TEXT_NODE &&
         toa_legacy_is_converted (a) == toa_legacy_is_converted (b);
}

static void
append_text (xmlNodePtr  parent,
             xmlNodePtr  source)
{
  g_autofree char *clean = clean_text ((const char *) source->content);
  xmlNodePtr text;

  if (clean[0] == '\0')
    return;
  if (parent->last != NULL && same_text_kind (parent->last, source))
    {
      xmlNodeAddContent (parent->last, BAD_CAST clean);
      return;
    }
  text = xmlNewDocText (parent->doc, BAD_CAST clean);
  if (toa_legacy_is_converted (source))
    toa_legacy_mark_converted (text);
  link_text_last (parent, text);
}

/* A line break between two blocks flattened into inline content; none at
 * the start or twice (the serializer drops a trailing one). */
static void
append_block_break (xmlNodePtr parent)
{
  xmlNodePtr last = last_content_child (parent);

  if (last != NULL && !is_element (last, "br") &&
      !is_element (last, "ul") && !is_element (last, "ol"))
    xmlAddChild (parent, xmlNewDocNode (parent->doc, NULL, BAD_CAST "br", NULL));
}

static void
close_implied (Context *ctx)
{
  ctx->implied = NULL;
}

static void
flush_deferred (Context *ctx)
{
  Sanitizer *san = ctx->san;

  if (san->deferred->len == 0)
    return;
  close_implied (ctx);
  for (guint i = 0; i < san->deferred->len; i++)
    xmlAddChild (ctx->parent, g_ptr_array_index (san->deferred, i));
  g_ptr_array_set_size (san->deferred, 0);
}

/* Where inline content goes in this context: the parent itself, or an
 * implied paragraph or list item, or (in a table, outside any cell) a
 * paragraph after the table as browsers do. */
static xmlNodePtr
inline_parent (Context *ctx)
{
  switch (ctx->kind)
    {
    case CTX_INLINE:
      return ctx->parent;
    case CTX_FLOW:
      if (ctx->implied == NULL)
        ctx->implied = new_element (ctx->san, ctx->parent, "p");
      return ctx->implied;
    case CTX_LIST:
      if (ctx->implied == NULL)
        ctx->implied = new_element (ctx->san, ctx->parent, "li");
      return ctx->implied;
    case CTX_TABLE:
    case CTX_ROW:
    default:
      if (ctx->implied == NULL)
        {
          ctx->implied = new_element (ctx->san, NULL, "p");
          g_ptr_array_add (ctx->san->deferred, ctx->implied);
        }
      return ctx->implied;
    }
}

static Context
child_context (Context     *ctx,
               ContextKind  kind,
               xmlNodePtr   parent)
{
  Context child = { ctx->san, kind, parent, NULL, ctx->table, ctx->in_head };

  return child;
}

static void
process_inline_children (Context    *ctx,
                         xmlNodePtr  parent,
                         xmlNodePtr  src)
{
  Context child = child_context (ctx, CTX_INLINE, parent);

  process_children (&child, src);
}

/* --- attributes ------------------------------------------------------ */

/* An attribute value as a browser reads it: entities are already decoded
 * by the parser; leading and trailing C0 controls and spaces are ignored
 * and tabs and newlines anywhere are removed by URL parsing. Other
 * control characters are removed too rather than kept invisible. */
static char *
clean_url (const char *value)
{
  GString *out = g_string_new (NULL);
  g_autofree char *nfc = NULL;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c <= 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF)
        {
          if (c == ' ' && out->len > 0)
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, c);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  nfc = g_utf8_normalize (out->str, -1, G_NORMALIZE_NFC);
  g_string_free (out, TRUE);
  return g_steal_pointer (&nfc);
}

/* The scheme of @url in lower case, or NULL for a relative reference
 * (no "scheme:" prefix as the URL standard defines it). */
static char *
url_scheme (const char *url)
{
  const char *p = url;

  if (!g_ascii_isalpha (*p))
    return NULL;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  if (*p != ':')
    return NULL;
  return g_ascii_strdown (url, p - url);
}

/* @url with every invisible character removed: what any browser, old
 * or new, could possibly read the scheme from. */
static char *
url_probe (const char *url)
{
  GString *out = g_string_new (NULL);

  for (const char *p = url; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (g_unichar_isspace (c) || type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
          type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR ||
          type == G_UNICODE_SPACE_SEPARATOR)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_allowed_scheme (const char *url)
{
  g_autofree char *scheme = url_scheme (url);

  return scheme == NULL || g_strcmp0 (scheme, "http") == 0 ||
         g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "mailto") == 0;
}

static char *
safe_href (const char *value)
{
  g_autofree char *url = NULL;
  g_autofree char *probe = NULL;

  if (value == NULL)
    return NULL;
  url = clean_url (value);
  if (url == NULL || url[0] == '\0')
    return NULL;
  probe = url_probe (url);
  if (!is_allowed_scheme (url) || !is_allowed_scheme (probe))
    return NULL;
  return g_steal_pointer (&url);
}

/* "media:42" → "media:42"; anything else → NULL. */
static char *
media_src (const char *value)
{
  g_autofree char *url = NULL;
  guint64 id;

  if (value == NULL)
    return NULL;
  url = clean_url (value);
  if (url == NULL || g_ascii_strncasecmp (url, "media:", 6) != 0 || url[6] == '\0')
    return NULL;
  for (const char *p = url + 6; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  if (!g_ascii_string_to_unsigned (url + 6, 10, 1, G_MAXINT32, &id, NULL))
    return NULL;
  return g_strdup_printf ("media:%" G_GUINT64_FORMAT, id);
}

static gboolean
is_file_src (const char *value)
{
  g_autofree char *url = value != NULL ? clean_url (value) : NULL;
  g_autofree char *scheme = url != NULL ? url_scheme (url) : NULL;

  if (url == NULL || url[0] == '\0')
    return FALSE;
  /* file:///C:/…, C:\…, \\server\…, /home/… and "image001.png" (Word's
   * saved-HTML folder) are all files on someone's computer. */
  if (scheme == NULL)
    return TRUE;
  return strlen (scheme) == 1 || g_strcmp0 (scheme, "file") == 0;
}

/* A small positive integer attribute (colspan, rowspan, start), written
 * back in its shortest form; @omit is the default value left out. */
static void
copy_number (xmlNodePtr  src,
             const char *name,
             xmlNodePtr  dest,
             gint64      min,
             gint64      max,
             gint64      omit)
{
  g_autofree char *value = (char *) xmlGetProp (src, BAD_CAST name);
  g_autofree char *text = NULL;
  gint64 number;

  if (value == NULL)
    return;
  g_strstrip (value);
  if (!g_ascii_string_to_signed (value, 10, min, max, &number, NULL) || number == omit)
    return;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  xmlSetProp (dest, BAD_CAST name, BAD_CAST text);
}

/* --- elements -------------------------------------------------------- */

static gboolean
has_ancestor (xmlNodePtr  node,
              const char *name)
{
  for (xmlNodePtr n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    if (xmlStrcmp (n->name, BAD_CAST name) == 0)
      return TRUE;
  return FALSE;
}

static const char * const block_elements[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "ul", "ol", "li", "dl",
  "table", "tr", "td", "th", "blockquote", "figure", "section", "article",
  "header", "footer", "main", "aside", "nav", "center", "pre", "address",
  NULL
};

static gboolean
has_block_descendant (xmlNodePtr node)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || name_in (n->name, dropped_subtrees))
        continue;
      if (name_in (n->name, block_elements) || has_block_descendant (n))
        return TRUE;
    }
  return FALSE;
}

/* Wraps the children of @node in the formatting elements @names (those
 * not already in effect) inside the current inline content. Formatting
 * around whole paragraphs is dropped instead: keeping the paragraphs
 * apart matters more than keeping them bold. */
static void
process_formatted (Context            *ctx,
                   xmlNodePtr          node,
                   const char * const *names)
{
  xmlNodePtr parent;

  if (names[0] == NULL || (ctx->kind != CTX_INLINE && has_block_descendant (node)))
    {
      process_children (ctx, node);
      return;
    }
  parent = inline_parent (ctx);
  for (guint i = 0; names[i] != NULL; i++)
    if (!has_ancestor (parent, names[i]))
      parent = new_element (ctx->san, parent, names[i]);
  process_inline_children (ctx, parent, node);
}

static gboolean
css_value_in (xmlNodePtr          node,
              const char         *property,
              const char * const *values)
{
  g_autofree char *style = (char *) xmlGetProp (node, BAD_CAST "style");
  g_autofree char *value = toa_css_get_property (style, property);
  g_autofree char *lower = value != NULL ? g_ascii_strdown (value, -1) : NULL;

  for (guint i = 0; lower != NULL && values[i] != NULL; i++)
    if (strstr (lower, values[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
process_format (Context    *ctx,
                xmlNodePtr  node,
                const char *name)
{
  static const char * const not_bold[] = { "normal", "400", "300", "lighter", NULL };
  const char *names[] = { name, NULL };

  /* Google Docs wraps a whole paste in <b style="font-weight:normal">. */
  if (g_strcmp0 (name, "strong") == 0 && css_value_in (node, "font-weight", not_bold))
    names[0] = NULL;
  process_formatted (ctx, node, names);
}

/* <span>, <font> and the like are unwrapped, keeping the formatting their
 * style gives (Google Docs and web pages bold with CSS, not <b>). */
static void
process_styled (Context    *ctx,
                xmlNodePtr  node)
{
  static const char * const bold[] = { "bold", "600", "700", "800", "900", NULL };
  static const char * const italic[] = { "italic", "oblique", NULL };
  static const char * const underline[] = { "underline", NULL };
  static const char * const strike[] = { "line-through", NULL };
  static const char * const super[] = { "super", NULL };
  static const char * const sub[] = { "sub", NULL };
  const char *names[7] = { NULL };
  guint n = 0;

  if (css_value_in (node, "font-weight", bold))
    names[n++] = "strong";
  if (css_value_in (node, "font-style", italic))
    names[n++] = "em";
  if (css_value_in (node, "text-decoration", underline) ||
      css_value_in (node, "text-decoration-line", underline))
    names[n++] = "u";
  if (css_value_in (node, "text-decoration", strike) ||
      css_value_in (node, "text-decoration-line", strike))
    names[n++] = "s";
  if (css_value_in (node, "vertical-align", super))
    names[n++] = "sup";
  else if (css_value_in (node, "vertical-align", sub))
    names[n++] = "sub";
  process_formatted (ctx, node, names);
}

static void
process_link (Context    *ctx,
              xmlNodePtr  node)
{
  g_autofree char *value = (char *) xmlGetProp (node, BAD_CAST "href");
  g_autofree char *href = safe_href (value);
  xmlNodePtr parent = inline_parent (ctx);

  if (value != NULL && href == NULL && !is_blank (value))
    ctx->san->report->unsafe_links_removed++;
  if (href != NULL && !has_ancestor (parent, "a"))
    {
      parent = new_element (ctx->san, parent, "a");
      xmlSetProp (parent, BAD_CAST "href", BAD_CAST href);
    }
  process_inline_children (ctx, parent, node);
}

static void
process_break (Context    *ctx,
               xmlNodePtr  node)
{
  new_element (ctx->san, inline_parent (ctx), "br");
}

static xmlNodePtr
find_descendant (xmlNodePtr  node,
                 const char *name)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    {
      xmlNodePtr found;

      if (n->type != XML_ELEMENT_NODE || name_in (n->name, dropped_subtrees))
        continue;
      if (xmlStrcasecmp (n->name, BAD_CAST name) == 0)
        return n;
      found = find_descendant (n, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A <figure> for an image of the article's media, or NULL (the image is
 * then counted as dropped). */
static xmlNodePtr
build_image_figure (Sanitizer  *san,
                    xmlNodePtr  img)
{
  g_autofree char *value = (char *) xmlGetProp (img, BAD_CAST "src");
  g_autofree char *src = media_src (value);
  g_autofree char *alt = NULL;
  g_autofree char *clean_alt = NULL;
  xmlNodePtr figure;
  xmlNodePtr image;

  if (src == NULL)
    {
      if (is_file_src (value))
        san->report->file_images_dropped++;
      else
        san->report->other_images_dropped++;
      return NULL;
    }
  alt = (char *) xmlGetProp (img, BAD_CAST "alt");
  clean_alt = clean_text (alt != NULL ? alt : "");
  figure = new_element (san, NULL, "figure");
  image = new_element (san, figure, "img");
  xmlSetProp (image, BAD_CAST "src", BAD_CAST src);
  xmlSetProp (image, BAD_CAST "alt", BAD_CAST g_strstrip (clean_alt));
  return figure;
}

static void
place_figure (Context    *ctx,
              xmlNodePtr  figure)
{
  if (ctx->kind == CTX_FLOW)
    {
      close_implied (ctx);
      xmlAddChild (ctx->parent, figure);
    }
  else
    g_ptr_array_add (ctx->san->deferred, figure);
}

static void
process_image (Context    *ctx,
               xmlNodePtr  node)
{
  xmlNodePtr figure = build_image_figure (ctx->san, node);

  if (figure != NULL)
    place_figure (ctx, figure);
}

/* <figure>: its first image of the article's media and its caption make
 * the figure; anything else in it is read as content after it. */
static void
process_figure (Context    *ctx,
                xmlNodePtr  node)
{
  xmlNodePtr img = find_descendant (node, "img");
  xmlNodePtr caption = find_descendant (node, "figcaption");
  xmlNodePtr figure = img != NULL ? build_image_figure (ctx->san, img) : NULL;

  if (figure != NULL && caption != NULL)
    {
      xmlNodePtr clean = new_element (ctx->san, figure, "figcaption");

      process_inline_children (ctx, clean, caption);
    }
  if (figure != NULL)
    place_figure (ctx, figure);
  /* The rest is read without the image and caption already used (the
   * source tree is ours to change). */
  if (img != NULL)
    {
      xmlUnlinkNode (img);
      xmlFreeNode (img);
    }
  if (caption != NULL && figure != NULL)
    {
      xmlUnlinkNode (caption);
      xmlFreeNode (caption);
    }
  process_children (ctx, node);
}

/* p, h1–h6: a block of inline content of its own in flow, an item in a
 * list, a line of its own inside inline content. */
static void
process_text_block (Context    *ctx,
                    xmlNodePtr  node,
                    const char *name)
{
  xmlNodePtr block;

  switch (ctx->kind)
    {
    case CTX_FLOW:
      close_implied (ctx);
      block = new_element (ctx->san, ctx->parent, name);
      process_inline_children (ctx, block, node);
      break;
    case CTX_LIST:
      close_implied (ctx);
      block = new_element (ctx->san, ctx->parent, "li");
      process_inline_children (ctx, block, node);
      break;
    case CTX_INLINE:
      append_block_break (ctx->parent);
      process_children (ctx, node);
      append_block_break (ctx->parent);
      break;
    case CTX_TABLE:
    case CTX_ROW:
    default:
      process_children (ctx, node);
      close_implied (ctx);
      break;
    }
}

static void
process_container (Context    *ctx,
                   xmlNodePtr  node)
{
  if (ctx->kind == CTX_INLINE)
    {
      append_block_break (ctx->parent);
      process_children (ctx, node);
      append_block_break (ctx->parent);
      return;
    }
  close_implied (ctx);
  process_children (ctx, node);
  close_implied (ctx);
}

static void
process_blockquote (Context    *ctx,
                    xmlNodePtr  node)
{
  xmlNodePtr quote;
  Context child;

  if (ctx->kind != CTX_FLOW || depth_of (ctx->parent) > MAX_BLOCK_DEPTH)
    {
      process_container (ctx, node);
      return;
    }
  close_implied (ctx);
  quote = new_element (ctx->san, ctx->parent, "blockquote");
  child = child_context (ctx, CTX_FLOW, quote);
  process_children (&child, node);
  flush_deferred (&child);
}

/* The last child that survives pruning: decisions taken while building
 * must not depend on what prune() removes afterwards, or importing the
 * result would decide differently. */
static xmlNodePtr
last_visible_child (xmlNodePtr parent)
{
  for (xmlNodePtr n = parent->last; n != NULL; n = n->prev)
    {
      if (n->type == XML_TEXT_NODE && is_blank ((const char *) n->content))
        continue;
      if (n->type == XML_ELEMENT_NODE && !is_kept_when_empty (n) && !has_visible_text (n))
        continue;
      return n;
    }
  return NULL;
}

static xmlNodePtr
first_element_child (xmlNodePtr node)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      return n;
  return NULL;
}

static guint
count_items (xmlNodePtr list)
{
  guint n = 0;

  for (xmlNodePtr c = list->children; c != NULL; c = c->next)
    n += is_element (c, "li") && has_visible_text (c);
  return n;
}

/* LibreOffice splits a list around a nested one: the continuation is a
 * list of the same kind that opens with the nested list, or an <ol>
 * whose start continues the numbering. Such a list is read into the
 * previous one. */
static xmlNodePtr
list_to_continue (Context       *ctx,
                  xmlNodePtr     node,
                  const char    *name)
{
  xmlNodePtr prev = last_visible_child (ctx->parent);
  xmlNodePtr first = first_element_child (node);
  g_autofree char *start = NULL;
  gint64 number;

  if (ctx->kind != CTX_FLOW || !is_element (prev, name))
    return NULL;
  if (first != NULL && (xmlStrcasecmp (first->name, BAD_CAST "ul") == 0 ||
                        xmlStrcasecmp (first->name, BAD_CAST "ol") == 0))
    return prev;
  start = (char *) xmlGetProp (node, BAD_CAST "start");
  if (start != NULL && g_strcmp0 (name, "ol") == 0 &&
      g_ascii_string_to_signed (g_strstrip (start), 10, 2, G_MAXINT32, &number, NULL))
    {
      g_autofree char *prev_start = (char *) xmlGetProp (prev, BAD_CAST "start");
      gint64 first_number = prev_start != NULL ? g_ascii_strtoll (prev_start, NULL, 10) : 1;

      if (number == first_number + count_items (prev))
        return prev;
    }
  return NULL;
}

static void
process_list (Context    *ctx,
              xmlNodePtr  node)
{
  const char *name = xmlStrcasecmp (node->name, BAD_CAST "ol") == 0 ? "ol" : "ul";
  xmlNodePtr list;
  Context child;

  if ((ctx->kind == CTX_INLINE && !is_element (ctx->parent, "li")) ||
      (ctx->kind != CTX_TABLE && ctx->kind != CTX_ROW && depth_of (ctx->parent) > MAX_BLOCK_DEPTH))
    {
      process_container (ctx, node);
      return;
    }
  if (ctx->kind == CTX_TABLE || ctx->kind == CTX_ROW)
    {
      process_children (ctx, node);
      return;
    }
  if (ctx->kind == CTX_LIST)
    {
      /* A list directly inside a list (LibreOffice) nests in the item
       * before it. */
      xmlNodePtr last = last_content_child (ctx->parent);
      Context item;

      if (!is_element (last, "li"))
        last = new_element (ctx->san, ctx->parent, "li");
      close_implied (ctx);
      item = child_context (ctx, CTX_INLINE, last);
      process_list (&item, node);
      return;
    }
  list = list_to_continue (ctx, node, name);
  if (list == NULL)
    {
      close_implied (ctx);
      list = new_element (ctx->san, ctx->parent, name);
      if (g_strcmp0 (name, "ol") == 0)
        copy_number (node, "start", list, 0, G_MAXINT32, 1);
    }
  child = child_context (ctx, CTX_LIST, list);
  process_children (&child, node);
}

static void
process_item (Context    *ctx,
              xmlNodePtr  node)
{
  xmlNodePtr item;

  if (ctx->kind != CTX_LIST)
    {
      process_container (ctx, node);
      return;
    }
  close_implied (ctx);
  item = new_element (ctx->san, ctx->parent, "li");
  process_inline_children (ctx, item, node);
}

/* --- tables ---------------------------------------------------------- */

static xmlNodePtr
table_section (Context *ctx)
{
  xmlNodePtr last = ctx->table->last;

  /* Header rows after body rows are read as body: thead comes first. */
  if (ctx->in_head && (last == NULL || is_element (last, "thead")))
    return last != NULL ? last : new_element (ctx->san, ctx->table, "thead");
  if (is_element (last, "tbody"))
    return last;
  return new_element (ctx->san, ctx->table, "tbody");
}

static void
process_row (Context    *ctx,
             xmlNodePtr  node)
{
  xmlNodePtr row = new_element (ctx->san, table_section (ctx), "tr");
  Context child = child_context (ctx, CTX_ROW, row);

  process_children (&child, node);
  /* Loose text in the row was put after the table. */
}

static void
process_cell (Context    *ctx,
              xmlNodePtr  node)
{
  const char *name = xmlStrcasecmp (node->name, BAD_CAST "th") == 0 ? "th" : "td";
  xmlNodePtr cell;

  if (ctx->kind == CTX_TABLE)
    {
      /* A cell outside any row gets a row of its own. */
      xmlNodePtr last = table_section (ctx)->last;

      if (!is_element (last, "tr"))
        last = new_element (ctx->san, table_section (ctx), "tr");
      cell = new_element (ctx->san, last, name);
    }
  else
    cell = new_element (ctx->san, ctx->parent, name);
  copy_number (node, "colspan", cell, 1, 1000, 1);
  copy_number (node, "rowspan", cell, 0, 65534, 1);
  process_inline_children (ctx, cell, node);
}

static void
process_table (Context    *ctx,
               xmlNodePtr  node)
{
  Context child;

  if (ctx->kind != CTX_FLOW)
    {
      process_container (ctx, node);
      return;
    }
  close_implied (ctx);
  child = child_context (ctx, CTX_TABLE, new_element (ctx->san, ctx->parent, "table"));
  child.table = child.parent;
  child.in_head = FALSE;
  process_children (&child, node);
}

/* Inside a table, everything but rows and cells is looked through. */
static gboolean
process_table_part (Context    *ctx,
                    xmlNodePtr  node)
{
  const xmlChar *name = node->name;

  if (ctx->kind != CTX_TABLE && ctx->kind != CTX_ROW)
    return FALSE;
  if (xmlStrcasecmp (name, BAD_CAST "thead") == 0 ||
      xmlStrcasecmp (name, BAD_CAST "tbody") == 0 ||
      xmlStrcasecmp (name, BAD_CAST "tfoot") == 0)
    {
      gboolean saved = ctx->in_head;

      ctx->in_head = xmlStrcasecmp (name, BAD_CAST "thead") == 0;
      process_children (ctx, node);
      ctx->in_head = saved;
      return TRUE;
    }
  if (xmlStrcasecmp (name, BAD_CAST "tr") == 0)
    {
      if (ctx->kind == CTX_TABLE)
        process_row (ctx, node);
      else
        process_children (ctx, node);
      return TRUE;
    }
  if (xmlStrcasecmp (name, BAD_CAST "td") == 0 || xmlStrcasecmp (name, BAD_CAST "th") == 0)
    {
      process_cell (ctx, node);
      return TRUE;
    }
  return FALSE;
}

/* --- dispatch -------------------------------------------------------- */

static void
process_element (Context    *ctx,
                 xmlNodePtr  node)
{
  const xmlChar *name = node->name;
  const char *mapped;

  if (name_in (name, dropped_subtrees))
    {
      if (!name_in (name, silent_drops))
        ctx->san->report->elements_dropped++;
      return;
    }
  if (process_table_part (ctx, node))
    return;
  if ((mapped = format_name (name)) != NULL)
    process_format (ctx, node, mapped);
  else if ((mapped = text_block_name (name)) != NULL)
    process_text_block (ctx, node, mapped);
  else if (xmlStrcasecmp (name, BAD_CAST "a") == 0)
    process_link (ctx, node);
  else if (xmlStrcasecmp (name, BAD_CAST "br") == 0)
    process_break (ctx, node);
  else if (xmlStrcasecmp (name, BAD_CAST "img") == 0)
    process_image (ctx, node);
  else if (xmlStrcasecmp (name, BAD_CAST "figure") == 0)
    process_figure (ctx, node);
  else if (xmlStrcasecmp (name, BAD_CAST "ul") == 0 || xmlStrcasecmp (name, BAD_CAST "ol") == 0 ||
           xmlStrcasecmp (name, BAD_CAST "dir") == 0 || xmlStrcasecmp (name, BAD_CAST "menu") == 0)
    process_list (ctx, node);
  else if (xmlStrcasecmp (name, BAD_CAST "li") == 0)
    process_item (ctx, node);
  else if (xmlStrcasecmp (name, BAD_CAST "blockquote") == 0)
    process_blockquote (ctx, node);
  else if (xmlStrcasecmp (name, BAD_CAST "table") == 0)
    process_table (ctx, node);
  else if (name_in (name, block_containers))
    process_container (ctx, node);
  else
    process_styled (ctx, node);   /* span, font, …: unwrapped */
}

static void
process_node (Context    *ctx,
              xmlNodePtr  node)
{
  switch (node->type)
    {
    case XML_ELEMENT_NODE:
      process_element (ctx, node);
      if (ctx->kind == CTX_FLOW)
        flush_deferred (ctx);
      break;
    case XML_TEXT_NODE:
      if (node->content == NULL)
        break;
      if (ctx->kind != CTX_INLINE && ctx->implied == NULL && is_blank ((const char *) node->content))
        break;
      append_text (inline_parent (ctx), node);
      break;
    default:
      /* Comments, processing instructions, CDATA: never content. */
      break;
    }
}

static void
process_children (Context    *ctx,
                  xmlNodePtr  node)
{
  for (xmlNodePtr n = node->children; n != NULL; n = n->next)
    process_node (ctx, n);
}

/* --- pruning --------------------------------------------------------- */

static void
unwrap (xmlNodePtr node)
{
  while (node->children != NULL)
    {
      xmlNodePtr child = node->children;

      xmlUnlinkNode (child);
      link_before (node, child);
    }
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

static gboolean
is_inline_format (xmlNodePtr node)
{
  static const char * const names[] = { "strong", "em", "u", "s", "sub", "sup", "a", NULL };

  return node->type == XML_ELEMENT_NODE && name_in (node->name, names);
}

/* Adjacent text nodes become one so that NFC sees the whole run, as it
 * will when the serialized body is read again. Until legacy detection
 * has run, only text of the same kind is merged. */
static void
merge_text (xmlNodePtr node,
            gboolean   any_kind)
{
  xmlNodePtr n = node->children;

  while (n != NULL && n->next != NULL)
    {
      if (any_kind ? (n->type == XML_TEXT_NODE && n->next->type == XML_TEXT_NODE)
                   : same_text_kind (n, n->next))
        xmlTextMerge (n, n->next);
      else
        n = n->next;
    }
}

/**
 * toa_sanitize_merge_text:
 * @body: a sanitized body
 *
 * Joins every run of adjacent text nodes, converted or not.
 */
void
toa_sanitize_merge_text (xmlNodePtr body)
{
  for (xmlNodePtr n = body->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      toa_sanitize_merge_text (n);
  merge_text (body, TRUE);
}

/* Removes what holds no text: empty paragraphs, items, lists, tables;
 * formatting around nothing is unwrapped (its spaces and breaks stay). */
static void
prune (xmlNodePtr node)
{
  xmlNodePtr next;

  for (xmlNodePtr n = node->children; n != NULL; n = next)
    {
      next = n->next;
      if (n->type != XML_ELEMENT_NODE)
        continue;
      prune (n);
      if (is_kept_when_empty (n) || has_visible_text (n))
        continue;
      if (is_inline_format (n))
        unwrap (n);
      else
        {
          xmlUnlinkNode (n);
          xmlFreeNode (n);
        }
    }
  merge_text (node, FALSE);
}

xmlNodePtr
toa_sanitize_tree (xmlNodePtr       root,
                   ToaImportReport *report)
{
  Sanitizer san = { report, xmlNewDoc (BAD_CAST "1.0"), g_ptr_array_new () };
  xmlNodePtr body = xmlNewDocNode (san.doc, NULL, BAD_CAST "body", NULL);
  Context ctx = { &san, CTX_FLOW, body, NULL, NULL, FALSE };

  xmlDocSetRootElement (san.doc, body);
  if (root != NULL)
    process_node (&ctx, root);
  flush_deferred (&ctx);
  g_ptr_array_free (san.deferred, TRUE);
  prune (body);
  return body;
}
