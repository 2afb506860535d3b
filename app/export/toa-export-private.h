/* toa-export-private.h — helpers shared by the export formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "toa-exporter.h"

G_BEGIN_DECLS

#define TOA_EXPORT_RESOURCE_DIR "/io/github/toasoan/ToaSoan/core/"

xmlDocPtr      toa_export_parse_untrusted (const char  *data,
                                           gsize        size,
                                           GError     **error);
gboolean       toa_export_validate        (xmlDocPtr    doc,
                                           const char  *schema_resource,
                                           GError     **error);
GBytes        *toa_export_dump_xml        (xmlDocPtr    doc);
char          *toa_export_format_time     (GDateTime   *time);

GBytes        *toa_export_fit_image       (const ToaExportMedia *media,
                                           guint        max_width,
                                           const char **extension,
                                           GError     **error);

gboolean       toa_export_check_policy_with_hash (const ToaExportArticle  *article,
                                                  const char              *hash,
                                                  GError                 **error);
char          *toa_export_doc_content_hash (xmlDocPtr article_doc);
char          *toa_export_write_html      (xmlDocPtr    doc,
                                           gboolean     page);
GPtrArray     *toa_export_liferay_files   (ToaExporter            *self,
                                           const ToaExportArticle *article,
                                           GError                **error);

G_END_DECLS
