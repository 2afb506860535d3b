/* toa-export-private.h — helpers shared by the export formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "toa-export-article.h"

G_BEGIN_DECLS

#define TOA_EXPORT_RESOURCE_DIR "/io/github/toasoan/ToaSoan/core/"

/* One file an export produces, relative to its output directory. */
typedef struct
{
  char   *path;
  GBytes *bytes;
} ToaExportFile;

ToaExportFile *toa_export_file_new        (const char  *path,
                                           GBytes      *bytes);
void           toa_export_file_free       (ToaExportFile *file);

xmlDocPtr      toa_export_parse_untrusted (const char  *data,
                                           gsize        size,
                                           GError     **error);
gboolean       toa_export_validate        (xmlDocPtr    doc,
                                           const char  *schema_resource,
                                           GError     **error);
GBytes        *toa_export_dump_xml        (xmlDocPtr    doc);
char          *toa_export_format_time     (GDateTime   *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaExportFile, toa_export_file_free)

G_END_DECLS
