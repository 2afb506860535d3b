/* toa-body-editor.h — the rich-text editor of an article body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TOA_BODY_EDITOR_ERROR (toa_body_editor_error_quark ())

/**
 * ToaBodyEditorError:
 * @TOA_BODY_EDITOR_ERROR_MALFORMED: the body is not a well-formed fragment
 * @TOA_BODY_EDITOR_ERROR_UNSUPPORTED: the body holds an element the editor
 *   cannot represent
 * @TOA_BODY_EDITOR_ERROR_INVALID_MEDIA: an image source is not "media:ID"
 * @TOA_BODY_EDITOR_ERROR_INVALID_LINK: a link target is not http, https,
 *   mailto or relative
 * @TOA_BODY_EDITOR_ERROR_IMPORT: the paste or media hook failed or is missing
 */
typedef enum
{
  TOA_BODY_EDITOR_ERROR_MALFORMED,
  TOA_BODY_EDITOR_ERROR_UNSUPPORTED,
  TOA_BODY_EDITOR_ERROR_INVALID_MEDIA,
  TOA_BODY_EDITOR_ERROR_INVALID_LINK,
  TOA_BODY_EDITOR_ERROR_IMPORT,
} ToaBodyEditorError;

#define TOA_TYPE_BODY_EDITOR (toa_body_editor_get_type ())

G_DECLARE_FINAL_TYPE (ToaBodyEditor, toa_body_editor, TOA, BODY_EDITOR, GtkWidget)

/**
 * ToaBodyEditorMediaResolver:
 * @editor: the editor
 * @src: an image source, "media:ID"
 * @user_data: the data given with the resolver
 *
 * Looks up the picture shown for @src.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL for a placeholder
 */
typedef GdkPaintable *(*ToaBodyEditorMediaResolver) (ToaBodyEditor *editor,
                                                     const char    *src,
                                                     gpointer       user_data);

/**
 * ToaBodyEditorMediaImportFunc:
 * @editor: the editor
 * @file: an image file the user picked or dropped
 * @user_data: the data given with the function
 * @error: return location for a #GError
 *
 * Stores @file as article media.
 *
 * Returns: (transfer full) (nullable): its source ("media:ID"), or %NULL
 *   with @error set
 */
typedef char *(*ToaBodyEditorMediaImportFunc) (ToaBodyEditor *editor,
                                               GFile         *file,
                                               gpointer       user_data,
                                               GError       **error);

/**
 * ToaBodyEditorImportFunc:
 * @html: the HTML from the clipboard (not NUL-terminated)
 * @len: its length in bytes
 * @message: (out) (transfer full) (optional): what was cleaned or
 *   converted, for a toast, or %NULL
 * @user_data: the data given with the function
 * @error: return location for a #GError
 *
 * Turns pasted HTML into a canonical body fragment.
 *
 * Returns: (transfer full) (nullable): the fragment, or %NULL with @error set
 */
typedef char *(*ToaBodyEditorImportFunc) (const char  *html,
                                          gsize        len,
                                          char       **message,
                                          gpointer     user_data,
                                          GError     **error);

GQuark         toa_body_editor_error_quark        (void);

ToaBodyEditor *toa_body_editor_new                (void);

gboolean       toa_body_editor_set_body           (ToaBodyEditor  *self,
                                                   const char     *body,
                                                   GError        **error);
char          *toa_body_editor_get_body           (ToaBodyEditor  *self);
gboolean       toa_body_editor_insert_body        (ToaBodyEditor  *self,
                                                   const char     *fragment,
                                                   GError        **error);
gboolean       toa_body_editor_insert_figure      (ToaBodyEditor  *self,
                                                   const char     *src,
                                                   const char     *alt,
                                                   const char     *caption,
                                                   GError        **error);
gboolean       toa_body_editor_insert_image_file (ToaBodyEditor  *self,
                                                  GFile          *file);
void           toa_body_editor_paste_html         (ToaBodyEditor  *self,
                                                   const char     *html,
                                                   gsize           len);

GtkTextBuffer *toa_body_editor_get_buffer         (ToaBodyEditor  *self);
GtkTextView   *toa_body_editor_get_view           (ToaBodyEditor  *self);
guint          toa_body_editor_get_word_count     (ToaBodyEditor  *self);
guint          toa_body_editor_get_reading_time   (ToaBodyEditor  *self);

void           toa_body_editor_set_media_resolver (ToaBodyEditor               *self,
                                                   ToaBodyEditorMediaResolver   resolver,
                                                   gpointer                     user_data,
                                                   GDestroyNotify               destroy);
void           toa_body_editor_set_media_import_func (ToaBodyEditor                *self,
                                                      ToaBodyEditorMediaImportFunc  func,
                                                      gpointer                      user_data,
                                                      GDestroyNotify                destroy);
void           toa_body_editor_set_import_func    (ToaBodyEditor           *self,
                                                   ToaBodyEditorImportFunc  func,
                                                   gpointer                 user_data,
                                                   GDestroyNotify           destroy);

guint          toa_body_count_words               (const char *text);

G_END_DECLS
