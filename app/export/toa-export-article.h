/* toa-export-article.h — the plain data every export is made from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "toa-article-content.h"

G_BEGIN_DECLS

#define TOA_TYPE_EXPORT_ARTICLE (toa_export_article_get_type ())

/* One article as the store hands it to the exporters. Strings are UTF-8
 * and owned by the struct. @status is the workflow state in lower case
 * ("draft", "submitted", "approved", "published", …). @approved_revision
 * is 0 and @approved_hash %NULL while nothing was approved. @published
 * may be %NULL; @created and @updated may not. Category, dates of the
 * event and tags are part of @content. */
typedef struct
{
  gint64             id;
  char              *office_code;
  char              *office_name;
  char              *status;
  char              *author;
  GDateTime         *created;
  GDateTime         *updated;
  GDateTime         *published;
  gint64             approved_revision;
  char              *approved_hash;
  ToaArticleContent *content;
} ToaExportArticle;

/* An image the body references as "media:ID". */
typedef struct
{
  GBytes *bytes;
  char   *mime_type;
  int     width;
  int     height;
} ToaExportMedia;

/**
 * ToaExportMediaFunc:
 * @media_id: the number after "media:" in an image's `src`
 * @user_data: data given with the function
 * @error: return location for a #GError
 *
 * Looks an image up (the store's media table, usually).
 *
 * Returns: (transfer full) (nullable): the image, or %NULL with @error set
 */
typedef ToaExportMedia *(*ToaExportMediaFunc) (gint64     media_id,
                                               gpointer   user_data,
                                               GError   **error);

GType             toa_export_article_get_type (void) G_GNUC_CONST;
ToaExportArticle *toa_export_article_new      (void);
ToaExportArticle *toa_export_article_copy     (const ToaExportArticle *article);
void              toa_export_article_free     (ToaExportArticle       *article);

ToaExportMedia   *toa_export_media_new        (GBytes                 *bytes,
                                               const char             *mime_type,
                                               int                     width,
                                               int                     height);
void              toa_export_media_free       (ToaExportMedia         *media);

gboolean          toa_export_check_portal_policy (const ToaExportArticle  *article,
                                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaExportArticle, toa_export_article_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaExportMedia, toa_export_media_free)

G_END_DECLS
