/* toa-store-media.h — images of articles, kept as blobs in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "toa-store.h"

G_BEGIN_DECLS

/* Larger images are refused: the portal's own limit is far below this,
 * and a whole photo archive pasted by mistake must not bloat the file. */
#define TOA_MEDIA_MAX_SIZE (20 * 1024 * 1024)

#define TOA_TYPE_MEDIA (toa_media_get_type ())
typedef struct
{
  gint64  id;
  gint64  article_id;   /* 0 when not attached */
  char   *sha256;       /* lower-case hex of the bytes */
  char   *mime;         /* "image/png", "image/jpeg", "image/gif", "image/webp" */
  gint64  size;
  int     width;
  int     height;
  gint64  created;
} ToaMedia;

GType       toa_media_get_type         (void) G_GNUC_CONST;
ToaMedia   *toa_media_copy             (const ToaMedia *media);
void        toa_media_free             (ToaMedia       *media);

gboolean    toa_media_sniff            (GBytes         *data,
                                        const char    **mime,
                                        int            *width,
                                        int            *height,
                                        GError        **error);

gint64      toa_store_add_media        (ToaStore       *self,
                                        gint64          article_id,
                                        GBytes         *data,
                                        GError        **error);
ToaMedia   *toa_store_get_media        (ToaStore       *self,
                                        gint64          media_id,
                                        GBytes        **data,
                                        GError        **error);
GPtrArray  *toa_store_list_media       (ToaStore       *self,
                                        gint64          article_id,
                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaMedia, toa_media_free)

G_END_DECLS
