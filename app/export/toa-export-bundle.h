/* toa-export-bundle.h — several articles in one verifiable .zip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-exporter.h"

G_BEGIN_DECLS

#define TOA_BUNDLE_MANIFEST "manifest.json"

gboolean toa_export_bundle_write  (ToaExporter  *exporter,
                                   GPtrArray    *articles,
                                   const char   *path,
                                   GError      **error);
gboolean toa_export_bundle_verify (const char   *path,
                                   guint        *n_articles,
                                   GError      **error);

G_END_DECLS
