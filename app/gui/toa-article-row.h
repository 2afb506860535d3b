/* toa-article-row.h — one article in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-article-list-model.h"

G_BEGIN_DECLS

/* The texts of a row, for toa_article_row_is_ellipsized(). */
typedef enum
{
  TOA_ARTICLE_ROW_TIME,
  TOA_ARTICLE_ROW_TITLE,
  TOA_ARTICLE_ROW_SNIPPET,
  TOA_ARTICLE_ROW_META,
} ToaArticleRowText;

#define TOA_TYPE_ARTICLE_ROW (toa_article_row_get_type ())
G_DECLARE_FINAL_TYPE (ToaArticleRow, toa_article_row, TOA, ARTICLE_ROW, GtkWidget)

GtkWidget  *toa_article_row_new           (void);
void        toa_article_row_set_item      (ToaArticleRow  *self,
                                           ToaArticleItem *item,
                                           GHashTable     *users);
void        toa_article_row_update_time   (ToaArticleRow  *self,
                                           gint64          now);
const char *toa_article_row_get_time_text (ToaArticleRow *self);
const char *toa_article_row_get_meta_text (ToaArticleRow *self);
const char *toa_article_row_get_title     (ToaArticleRow  *self);
gint64      toa_article_row_get_article_id (ToaArticleRow *self);
void        toa_article_row_set_unresolved (ToaArticleRow *self,
                                            guint          count);
const char *toa_article_row_get_unresolved_text (ToaArticleRow *self);
gboolean    toa_article_row_is_laid_out    (ToaArticleRow *self);
gboolean    toa_article_row_is_ellipsized  (ToaArticleRow    *self,
                                            ToaArticleRowText text);

char       *toa_format_relative_time      (gint64          then,
                                           gint64          now);
char       *toa_format_waiting_time       (gint64          since,
                                           gint64          now);
const char *toa_article_status_css_class  (ToaArticleStatus status);

G_END_DECLS
