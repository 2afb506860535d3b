/* toa-store-media.c — images of articles, kept as blobs in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Images live in the database next to the articles that show them, so a
 * backup or a bundle is one file. Each is stored once, by the SHA-256 of
 * its bytes; the body refers to it as "media:ID". The type and size are
 * read from the file's own header here (the core links no image
 * library): a file that is not a PNG, JPEG, GIF or WebP image is refused.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-store-media.h"
#include "toa-store-private.h"

G_DEFINE_BOXED_TYPE (ToaMedia, toa_media, toa_media_copy, toa_media_free)

/**
 * toa_media_copy:
 *
 * Returns: (transfer full): a deep copy of @media
 */
ToaMedia *
toa_media_copy (const ToaMedia *media)
{
  ToaMedia *copy;

  g_return_val_if_fail (media != NULL, NULL);

  copy = g_new0 (ToaMedia, 1);
  *copy = *media;
  copy->sha256 = g_strdup (media->sha256);
  copy->mime = g_strdup (media->mime);
  return copy;
}

void
toa_media_free (ToaMedia *media)
{
  if (media == NULL)
    return;
  g_free (media->sha256);
  g_free (media->mime);
  g_free (media);
}

/* ---- Reading image headers ----------------------------------------------- */

static guint
be16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

static guint
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
le24 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | ((guint32) p[2] << 16);
}

static gboolean
sniff_png (const guint8 *p, gsize n, int *width, int *height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (n < 24 || memcmp (p, signature, sizeof signature) != 0 || memcmp (p + 12, "IHDR", 4) != 0)
    return FALSE;
  if (be32 (p + 16) > G_MAXINT || be32 (p + 20) > G_MAXINT)
    return FALSE;
  *width = be32 (p + 16);
  *height = be32 (p + 20);
  return TRUE;
}

static gboolean
sniff_gif (const guint8 *p, gsize n, int *width, int *height)
{
  if (n < 10 || (memcmp (p, "GIF87a", 6) != 0 && memcmp (p, "GIF89a", 6) != 0))
    return FALSE;
  *width = le16 (p + 6);
  *height = le16 (p + 8);
  return TRUE;
}

/* Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC)
 * share their range but do not. */
static gboolean
is_sof_marker (guint8 marker)
{
  return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

static gboolean
sniff_jpeg (const guint8 *p, gsize n, int *width, int *height)
{
  gsize i = 2;

  if (n < 4 || p[0] != 0xff || p[1] != 0xd8)
    return FALSE;
  while (i + 4 <= n)
    {
      guint8 marker;

      if (p[i] != 0xff)
        return FALSE;
      marker = p[i + 1];
      if (marker == 0xff)
        {
          i++;  /* fill byte */
          continue;
        }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          i += 2;  /* markers without a length */
          continue;
        }
      if (marker == 0xd9 || marker == 0xda)
        return FALSE;  /* image data before any frame header */
      if (is_sof_marker (marker))
        {
          if (i + 9 > n)
            return FALSE;
          *height = be16 (p + i + 5);
          *width = be16 (p + i + 7);
          return TRUE;
        }
      if (be16 (p + i + 2) < 2)
        return FALSE;
      i += 2 + be16 (p + i + 2);
    }
  return FALSE;
}

static gboolean
sniff_webp (const guint8 *p, gsize n, int *width, int *height)
{
  if (n < 30 || memcmp (p, "RIFF", 4) != 0 || memcmp (p + 8, "WEBP", 4) != 0)
    return FALSE;
  if (memcmp (p + 12, "VP8 ", 4) == 0 && p[23] == 0x9d && p[24] == 0x01 && p[25] == 0x2a)
    {
      *width = le16 (p + 26) & 0x3fff;
      *height = le16 (p + 28) & 0x3fff;
      return TRUE;
    }
  if (memcmp (p + 12, "VP8L", 4) == 0 && p[20] == 0x2f)
    {
      *width = 1 + (p[21] | ((p[22] & 0x3f) << 8));
      *height = 1 + ((p[22] >> 6) | (p[23] << 2) | ((p[24] & 0x0f) << 10));
      return TRUE;
    }
  if (memcmp (p + 12, "VP8X", 4) == 0)
    {
      *width = 1 + le24 (p + 24);
      *height = 1 + le24 (p + 27);
      return TRUE;
    }
  return FALSE;
}

/**
 * toa_media_sniff:
 * @data: the bytes of an image file
 * @mime: (out) (optional) (transfer none): its MIME type
 * @width: (out) (optional): its width in pixels
 * @height: (out) (optional): its height in pixels
 *
 * Recognises PNG, JPEG, GIF and WebP from their headers.
 *
 * Returns: %TRUE for an image of one of those types with a size
 */
gboolean
toa_media_sniff (GBytes      *data,
                 const char **mime,
                 int         *width,
                 int         *height,
                 GError     **error)
{
  gsize n = 0;
  const guint8 *p;
  const char *type = NULL;
  int w = 0, h = 0;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = g_bytes_get_data (data, &n);
  if (sniff_png (p, n, &w, &h))
    type = "image/png";
  else if (sniff_jpeg (p, n, &w, &h))
    type = "image/jpeg";
  else if (sniff_gif (p, n, &w, &h))
    type = "image/gif";
  else if (sniff_webp (p, n, &w, &h))
    type = "image/webp";

  if (type == NULL || w <= 0 || h <= 0)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("This file is not a picture Tòa Soạn can use. Use a PNG, JPEG, GIF or WebP image."));
      return FALSE;
    }
  if (mime != NULL)
    *mime = type;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return TRUE;
}

/* ---- The media table --------------------------------------------------------- */

static gboolean
check_article (ToaStore  *self,
               gint64     article_id,
               GError   **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  stmt = toa_store_prepare (self, "SELECT 1 FROM articles WHERE id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return toa_store_fail (self, rc, error);
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
               _("There is no article %lld"), (long long) article_id);
  return FALSE;
}

/* The id of the image with these bytes, 0 when there is none, -1 on error. */
static gint64
find_by_hash (ToaStore    *self,
              const char  *sha256,
              GError     **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (self, "SELECT id FROM media WHERE sha256 = ?", error);
  int rc;

  if (stmt == NULL)
    return -1;
  toa_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return -1;
    }
  return 0;
}

static gint64
insert_media (ToaStore    *self,
              gint64       article_id,
              GBytes      *data,
              const char  *sha256,
              const char  *mime,
              int          width,
              int          height,
              GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  stmt = toa_store_prepare (self,
                            "INSERT INTO media (article_id, sha256, mime, size, width, height, data, created) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  toa_bind_id (stmt, 1, article_id);
  toa_bind_text (stmt, 2, sha256);
  toa_bind_text (stmt, 3, mime);
  sqlite3_bind_int64 (stmt, 4, size);
  sqlite3_bind_int (stmt, 5, width);
  sqlite3_bind_int (stmt, 6, height);
  sqlite3_bind_blob64 (stmt, 7, bytes, size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, g_get_real_time ());
  if (!toa_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gint64
add_in_transaction (ToaStore    *self,
                    gint64       article_id,
                    GBytes      *data,
                    const char  *mime,
                    int          width,
                    int          height,
                    GError     **error)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  gint64 id;

  if (article_id > 0 && !check_article (self, article_id, error))
    return 0;
  id = find_by_hash (self, sha256, error);
  if (id != 0)
    return MAX (id, 0);
  return insert_media (self, article_id, data, sha256, mime, width, height, error);
}

/**
 * toa_store_add_media:
 * @self: a #ToaStore
 * @article_id: the article that shows the image, or 0
 * @data: the bytes of a PNG, JPEG, GIF or WebP file
 * @error: return location for a #GError
 *
 * Stores an image once: the same bytes added again give the same id.
 *
 * Returns: the image's id (for "media:ID"), 0 on error
 */
gint64
toa_store_add_media (ToaStore  *self,
                     gint64     article_id,
                     GBytes    *data,
                     GError   **error)
{
  TOA_STORE_LOCK (self);
  const char *mime = NULL;
  int width = 0, height = 0;
  gint64 id;

  g_return_val_if_fail (TOA_IS_STORE (self), 0);
  g_return_val_if_fail (article_id >= 0, 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (g_bytes_get_size (data) > TOA_MEDIA_MAX_SIZE)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The picture is larger than %d MB. Make it smaller, then insert it again."),
                   TOA_MEDIA_MAX_SIZE / (1024 * 1024));
      return 0;
    }
  if (!toa_media_sniff (data, &mime, &width, &height, error))
    return 0;
  if (!toa_store_begin (self, error))
    return 0;
  id = add_in_transaction (self, article_id, data, mime, width, height, error);
  if (id == 0 || !toa_store_commit (self, error))
    {
      toa_store_rollback (self);
      return 0;
    }
  return id;
}

#define MEDIA_COLUMNS "id, article_id, sha256, mime, size, width, height, created"

static ToaMedia *
media_from_row (ToaStmt *stmt)
{
  ToaMedia *media = g_new0 (ToaMedia, 1);

  media->id = sqlite3_column_int64 (stmt, 0);
  media->article_id = sqlite3_column_int64 (stmt, 1);
  media->sha256 = toa_column_dup (stmt, 2);
  media->mime = toa_column_dup (stmt, 3);
  media->size = sqlite3_column_int64 (stmt, 4);
  media->width = sqlite3_column_int (stmt, 5);
  media->height = sqlite3_column_int (stmt, 6);
  media->created = sqlite3_column_int64 (stmt, 7);
  return media;
}

/**
 * toa_store_get_media:
 * @self: a #ToaStore
 * @media_id: the image
 * @data: (out) (optional) (transfer full): its bytes
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the image's facts, or %NULL with
 *   %TOA_STORE_ERROR_NOT_FOUND
 */
ToaMedia *
toa_store_get_media (ToaStore  *self,
                     gint64     media_id,
                     GBytes   **data,
                     GError   **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = toa_store_prepare (self, "SELECT " MEDIA_COLUMNS ", data FROM media WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, media_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (data != NULL)
        *data = g_bytes_new (sqlite3_column_blob (stmt, 8), sqlite3_column_bytes (stmt, 8));
      return media_from_row (stmt);
    }
  if (rc != SQLITE_DONE)
    toa_store_fail (self, rc, error);
  else
    g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                 _("There is no picture %lld"), (long long) media_id);
  return NULL;
}

/**
 * toa_store_list_media:
 * @self: a #ToaStore
 * @article_id: the article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ToaMedia): the article's images,
 *   oldest first, without their bytes
 */
GPtrArray *
toa_store_list_media (ToaStore  *self,
                      gint64     article_id,
                      GError   **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_media_free);
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = toa_store_prepare (self, "SELECT " MEDIA_COLUMNS " FROM media WHERE article_id = ? ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, media_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
