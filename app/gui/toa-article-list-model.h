/* toa-article-list-model.h — articles of one query, paged from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "toa-store.h"

G_BEGIN_DECLS

/* Rows fetched by one query when the list needs an item it does not hold. */
#define TOA_ARTICLE_LIST_PAGE_SIZE 50

#define TOA_TYPE_ARTICLE_ITEM (toa_article_item_get_type ())
G_DECLARE_FINAL_TYPE (ToaArticleItem, toa_article_item, TOA, ARTICLE_ITEM, GObject)

const ToaArticle *toa_article_item_get_article (ToaArticleItem *self);
gint64            toa_article_item_get_id      (ToaArticleItem *self);

#define TOA_TYPE_ARTICLE_LIST_MODEL (toa_article_list_model_get_type ())
G_DECLARE_FINAL_TYPE (ToaArticleListModel, toa_article_list_model, TOA, ARTICLE_LIST_MODEL, GObject)

ToaArticleListModel   *toa_article_list_model_new             (ToaStore               *store);
ToaStore              *toa_article_list_model_get_store       (ToaArticleListModel    *self);
const ToaArticleQuery *toa_article_list_model_get_query       (ToaArticleListModel    *self);
void                   toa_article_list_model_set_query       (ToaArticleListModel    *self,
                                                               const ToaArticleQuery  *query);
gboolean               toa_article_list_model_refresh         (ToaArticleListModel    *self,
                                                               GError                **error);
const GError          *toa_article_list_model_get_error       (ToaArticleListModel    *self);
guint                  toa_article_list_model_get_query_count (ToaArticleListModel    *self);
guint                  toa_article_list_model_get_cached_rows (ToaArticleListModel    *self);
gboolean               toa_article_list_model_find            (ToaArticleListModel    *self,
                                                               gint64                  article_id,
                                                               guint                  *position);

G_END_DECLS
