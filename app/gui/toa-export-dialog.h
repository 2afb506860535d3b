/* toa-export-dialog.h — exporting approved articles for the portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-store.h"

G_BEGIN_DECLS

/**
 * ToaExportFormats:
 * @TOA_EXPORT_FORMATS_PAGE: a standalone HTML page with its images
 * @TOA_EXPORT_FORMATS_FRAGMENT: the body as HTML for the portal's editor
 * @TOA_EXPORT_FORMATS_XML: the canonical article XML
 * @TOA_EXPORT_FORMATS_LIFERAY: Liferay web content XML
 * @TOA_EXPORT_FORMATS_NEWSML: a NewsML-G2 item
 * @TOA_EXPORT_FORMATS_BUNDLE: one verifiable .zip of every article
 */
typedef enum /*< flags >*/
{
  TOA_EXPORT_FORMATS_PAGE     = 1 << 0,
  TOA_EXPORT_FORMATS_FRAGMENT = 1 << 1,
  TOA_EXPORT_FORMATS_XML      = 1 << 2,
  TOA_EXPORT_FORMATS_LIFERAY  = 1 << 3,
  TOA_EXPORT_FORMATS_NEWSML   = 1 << 4,
  TOA_EXPORT_FORMATS_BUNDLE   = 1 << 5,
} ToaExportFormats;

#define TOA_EXPORT_DIALOG_ERROR (toa_export_dialog_error_quark ())

typedef enum
{
  TOA_EXPORT_DIALOG_ERROR_NOTHING,
} ToaExportDialogError;

#define TOA_TYPE_EXPORT_DIALOG (toa_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ToaExportDialog, toa_export_dialog, TOA, EXPORT_DIALOG, AdwWindow)

GQuark            toa_export_dialog_error_quark     (void);
ToaExportDialog  *toa_export_dialog_new             (GtkWindow        *parent,
                                                     ToaStore         *store,
                                                     const char       *login,
                                                     const gint64     *article_ids,
                                                     guint             n_articles);
void              toa_export_dialog_set_formats     (ToaExportDialog  *self,
                                                     ToaExportFormats  formats);
ToaExportFormats  toa_export_dialog_get_formats     (ToaExportDialog  *self);
void              toa_export_dialog_set_all_approved (ToaExportDialog *self,
                                                     gboolean          all_approved);
void              toa_export_dialog_set_destination (ToaExportDialog  *self,
                                                     const char       *path);
const char       *toa_export_dialog_get_destination (ToaExportDialog  *self);
gboolean          toa_export_dialog_get_busy        (ToaExportDialog  *self);
GArray           *toa_export_dialog_get_exported    (ToaExportDialog  *self);

gboolean          toa_export_copy_html              (GdkClipboard     *clipboard,
                                                     ToaStore         *store,
                                                     gint64            article_id,
                                                     GError          **error);

G_END_DECLS
