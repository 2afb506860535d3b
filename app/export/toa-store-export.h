/* toa-store-export.h — exporting articles straight from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-export-article.h"
#include "toa-exporter.h"
#include "toa-store.h"

G_BEGIN_DECLS

ToaExportArticle *toa_store_export_load        (ToaStore          *store,
                                                gint64             article_id,
                                                GError           **error);
void              toa_store_export_use_media   (ToaStore          *store,
                                                ToaExporter       *exporter);
GPtrArray        *toa_store_export_article     (ToaStore          *store,
                                                ToaExporter       *exporter,
                                                gint64             article_id,
                                                ToaExportFormat    format,
                                                gboolean           preview,
                                                const char        *out_dir,
                                                const char        *login,
                                                GError           **error);
GPtrArray        *toa_store_export_articles    (ToaStore          *store,
                                               ToaExporter       *exporter,
                                               const gint64      *article_ids,
                                               guint              n_articles,
                                               ToaExportFormat    format,
                                               gboolean           preview,
                                               const char        *out_dir,
                                               const char        *login,
                                               GError           **error);
gboolean          toa_store_export_bundle      (ToaStore          *store,
                                                ToaExporter       *exporter,
                                                const gint64      *article_ids,
                                                guint              n_articles,
                                                const char        *path,
                                                const char        *login,
                                                GError           **error);
GPtrArray        *toa_store_export_list_records (ToaStore         *store,
                                                 gint64            article_id,
                                                 GError          **error);

G_END_DECLS
