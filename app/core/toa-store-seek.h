/* toa-store-seek.h — list pages found by key instead of by offset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-store.h"

G_BEGIN_DECLS

gboolean   toa_store_can_seek            (const ToaArticleQuery  *query);
GPtrArray *toa_store_list_articles_after (ToaStore               *self,
                                          const ToaArticleQuery  *query,
                                          gint64                  updated,
                                          gint64                  id,
                                          gboolean                before,
                                          guint                   limit,
                                          GError                **error);

gint64     toa_store_count_seekable      (ToaStore               *self,
                                          const ToaArticleQuery  *query,
                                          GError                **error);

G_END_DECLS
