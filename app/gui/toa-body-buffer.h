/* toa-body-buffer.h — a GtkTextBuffer holding an article body (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the buffer models the body: one buffer line per block. A line's
 * block tags ("h2", "quote", "ul2", "figcaption", …) cover the whole line
 * including its newline, so an empty line still carries its block. The
 * buffer always ends with a newline and an ignored empty line. Inline
 * markup is tags ("strong", "em", … and one anonymous tag per link
 * target); <br/> is U+2028 LINE SEPARATOR, which Pango breaks on but the
 * buffer does not treat as a new line. A picture is a U+FFFC character on
 * its own line with an anonymous data tag (ToaBodyView draws it); a table
 * is read-only text, one line per row, under a data tag with its markup.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TOA_BODY_MAX_LIST_DEPTH 6
#define TOA_BODY_LINE_SEPARATOR "\xe2\x80\xa8"

typedef struct
{
  /* (transfer full) (nullable) picture for an image source */
  GdkPaintable *(*resolve_image) (const char *src, gpointer data);
  gpointer        data;
} ToaBodyHooks;

typedef enum
{
  TOA_BODY_LIST_NONE,
  TOA_BODY_LIST_BULLET,
  TOA_BODY_LIST_NUMBER,
} ToaBodyListKind;

void         toa_body_buffer_setup          (GtkTextBuffer       *buffer);
gboolean     toa_body_buffer_insert         (GtkTextBuffer       *buffer,
                                             GtkTextIter         *iter,
                                             const char          *body,
                                             const ToaBodyHooks  *hooks,
                                             GError             **error);
char        *toa_body_buffer_serialize      (GtkTextBuffer       *buffer,
                                             const GtkTextIter   *start,
                                             const GtkTextIter   *end);
char        *toa_body_buffer_plain_text     (GtkTextBuffer       *buffer,
                                             const GtkTextIter   *start,
                                             const GtkTextIter   *end);
void         toa_body_buffer_insert_figure  (GtkTextBuffer       *buffer,
                                             GtkTextIter         *iter,
                                             const char          *src,
                                             const char          *alt,
                                             const char          *caption,
                                             const ToaBodyHooks  *hooks);

gboolean     toa_body_iter_is_picture       (const GtkTextIter   *iter);
void         toa_body_buffer_fit_pictures   (GtkTextBuffer       *buffer,
                                             int                  room);
GdkPaintable *toa_body_tag_get_picture_size (GtkTextTag          *tag,
                                             int                 *width,
                                             int                 *height);
GtkTextTag  *toa_body_buffer_link_tag       (GtkTextBuffer       *buffer,
                                             const char          *href);
const char  *toa_body_tag_get_href          (GtkTextTag          *tag);
gboolean     toa_body_tag_is_inline         (GtkTextTag          *tag);
gboolean     toa_body_tag_is_block          (GtkTextTag          *tag);
GtkTextTag  *toa_body_buffer_list_tag       (GtkTextBuffer       *buffer,
                                             ToaBodyListKind      kind,
                                             guint                depth);
ToaBodyListKind toa_body_tag_get_list       (GtkTextTag          *tag,
                                             guint               *depth);

G_END_DECLS
