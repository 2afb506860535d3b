/* toa-exporter.h — articles to HTML, portal and news formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-export-article.h"

G_BEGIN_DECLS

#define TOA_EXPORT_DEFAULT_MAX_IMAGE_WIDTH 1200

/**
 * ToaExportFormat:
 * @TOA_EXPORT_FORMAT_XML: the canonical article XML
 * @TOA_EXPORT_FORMAT_FRAGMENT: the body as HTML for the portal's editor
 * @TOA_EXPORT_FORMAT_PAGE: a standalone HTML page with its images
 * @TOA_EXPORT_FORMAT_LIFERAY: Liferay web content XML and its JSON request
 * @TOA_EXPORT_FORMAT_NEWSML: a NewsML-G2 news item
 */
typedef enum
{
  TOA_EXPORT_FORMAT_XML,
  TOA_EXPORT_FORMAT_FRAGMENT,
  TOA_EXPORT_FORMAT_PAGE,
  TOA_EXPORT_FORMAT_LIFERAY,
  TOA_EXPORT_FORMAT_NEWSML,
} ToaExportFormat;

/* One file an export produces; @path is relative to the output
 * directory ("article-42.html", "images/media-7.jpg"). */
typedef struct
{
  char   *path;
  GBytes *bytes;
} ToaExportFile;

typedef struct _ToaExporter ToaExporter;

ToaExporter *toa_exporter_new                (void);
void         toa_exporter_free               (ToaExporter        *self);
void         toa_exporter_set_media_func     (ToaExporter        *self,
                                              ToaExportMediaFunc  func,
                                              gpointer            user_data,
                                              GDestroyNotify      destroy);
void         toa_exporter_set_max_image_width (ToaExporter       *self,
                                              guint               width);
void         toa_exporter_set_templates_dir  (ToaExporter        *self,
                                              const char         *dir);
void         toa_exporter_set_preview        (ToaExporter        *self,
                                              gboolean            preview);
void         toa_exporter_set_provider       (ToaExporter        *self,
                                              const char         *provider);

char        *toa_exporter_render_fragment    (ToaExporter            *self,
                                              const ToaExportArticle *article,
                                              GPtrArray             **images,
                                              GError                **error);
char        *toa_exporter_render_page        (ToaExporter            *self,
                                              const ToaExportArticle *article,
                                              GPtrArray             **images,
                                              GError                **error);
GPtrArray   *toa_exporter_export_files       (ToaExporter            *self,
                                              const ToaExportArticle *article,
                                              ToaExportFormat         format,
                                              GError                **error);
GPtrArray   *toa_exporter_export             (ToaExporter            *self,
                                              const ToaExportArticle *article,
                                              ToaExportFormat         format,
                                              const char             *out_dir,
                                              GError                **error);

GPtrArray   *toa_exporter_export_many        (ToaExporter            *self,
                                              GPtrArray              *articles,
                                              ToaExportFormat         format,
                                              const char             *out_dir,
                                              guint                   n_threads,
                                              GCancellable           *cancellable,
                                              GError                **error);

gboolean     toa_export_format_from_string   (const char             *name,
                                              ToaExportFormat        *format);

ToaExportFile *toa_export_file_new           (const char             *path,
                                              GBytes                 *bytes);
void           toa_export_file_free          (ToaExportFile          *file);
gboolean       toa_export_files_write        (GPtrArray              *files,
                                              const char             *out_dir,
                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaExporter, toa_exporter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaExportFile, toa_export_file_free)

G_END_DECLS
