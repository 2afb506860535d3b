/* toa-export-image.c — images written beside an exported page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "toa-export-error.h"
#include "toa-export-private.h"
#include "toa-store-media.h"

/* Only raster types every browser shows, and none that can carry script
 * (SVG) when opened on its own. */
static const struct
{
  const char *mime_type;
  const char *extension;
  const char *pixbuf_type;
} image_types[] = {
  { "image/jpeg", "jpg", "jpeg" },
  { "image/png", "png", "png" },
  { "image/gif", "gif", "png" },
  { "image/webp", "webp", "png" },
};

static int
find_type (const char *mime_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (image_types); i++)
    if (g_ascii_strcasecmp (mime_type, image_types[i].mime_type) == 0)
      return (int) i;
  return -1;
}

/* Decoded as the type the store recorded, never sniffed: bytes that are
 * not what their type says are refused. */
static GdkPixbuf *
decode (const ToaExportMedia  *media,
        GError               **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  GdkPixbuf *pixbuf;

  loader = gdk_pixbuf_loader_new_with_mime_type (media->mime_type, &local_error);
  if (loader == NULL ||
      !gdk_pixbuf_loader_write_bytes (loader, media->bytes, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error))
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MEDIA,
                   _("The image could not be read: %s"), local_error->message);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MEDIA,
                   _("The image could not be read: %s"), "?");
      return NULL;
    }
  return g_object_ref (pixbuf);
}

/* Reads only the image's header, and refuses bytes that are not of the
 * type the store recorded: a photo copied as it is needs no decoding of
 * its pixels (decoding was most of an export's time). */
static gboolean
probe (const ToaExportMedia  *media,
       int                   *width,
       GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *mime = NULL;
  int height = 0;

  if (!toa_media_sniff (media->bytes, &mime, width, &height, &local_error) ||
      g_ascii_strcasecmp (mime, media->mime_type) != 0)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MEDIA,
                   _("The image could not be read: %s"),
                   local_error != NULL ? local_error->message : media->mime_type);
      return FALSE;
    }
  return TRUE;
}

static GBytes *
shrink (GdkPixbuf   *pixbuf,
        guint        max_width,
        const char  *pixbuf_type,
        GError     **error)
{
  g_autoptr(GdkPixbuf) upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GError) local_error = NULL;
  int width = gdk_pixbuf_get_width (upright);
  int height = gdk_pixbuf_get_height (upright);
  gchar *buffer = NULL;
  gsize size = 0;
  gboolean saved;

  if ((guint) width > max_width)
    {
      int new_height = MAX (1, (int) ((double) height * max_width / width + 0.5));

      scaled = gdk_pixbuf_scale_simple (upright, (int) max_width, new_height, GDK_INTERP_BILINEAR);
    }
  else
    scaled = g_object_ref (upright);

  if (g_str_equal (pixbuf_type, "jpeg"))
    saved = gdk_pixbuf_save_to_buffer (scaled, &buffer, &size, "jpeg", &local_error,
                                       "quality", "88", NULL);
  else
    saved = gdk_pixbuf_save_to_buffer (scaled, &buffer, &size, "png", &local_error, NULL);
  if (!saved)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MEDIA,
                   _("The image could not be resized: %s"), local_error->message);
      return NULL;
    }
  return g_bytes_new_take (buffer, size);
}

/**
 * toa_export_fit_image:
 * @media: the image
 * @max_width: the widest an exported image may be, in pixels
 * @extension: (out): the file name extension for the result
 *
 * Every image's header is read, so that a file that is not what its type
 * says never reaches an export. One no wider than @max_width is kept as
 * it is; a wider one is decoded (by the decoder of its recorded type) and
 * scaled down keeping its proportions (GIF and WebP become PNG then).
 *
 * Returns: (transfer full) (nullable): the bytes to write
 */
GBytes *
toa_export_fit_image (const ToaExportMedia  *media,
                      guint                  max_width,
                      const char           **extension,
                      GError               **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  int type = find_type (media->mime_type);
  int width = 0;

  if (type < 0)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MEDIA,
                   _("Images of type %s cannot be exported; use JPEG or PNG"), media->mime_type);
      return NULL;
    }
  if (!probe (media, &width, error))
    return NULL;
  if ((guint) width <= max_width)
    {
      *extension = image_types[type].extension;
      return g_bytes_ref (media->bytes);
    }
  pixbuf = decode (media, error);
  if (pixbuf == NULL)
    return NULL;
  *extension = g_str_equal (image_types[type].pixbuf_type, "jpeg") ? "jpg" : "png";
  return shrink (pixbuf, max_width, image_types[type].pixbuf_type, error);
}
