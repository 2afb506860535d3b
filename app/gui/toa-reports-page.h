/* toa-reports-page.h — "Thống kê": the department's statistics as charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-report.h"
#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_REPORTS_PAGE (toa_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (ToaReportsPage, toa_reports_page, TOA, REPORTS_PAGE, AdwBin)

ToaReportsPage  *toa_reports_page_new         (ToaStore       *store,
                                               const char     *login);
gboolean         toa_reports_page_set_range   (ToaReportsPage *self,
                                               const GDate    *from,
                                               const GDate    *to,
                                               GError        **error);
gboolean         toa_reports_page_refresh     (ToaReportsPage *self,
                                               GError        **error);
const ToaReport *toa_reports_page_get_report  (ToaReportsPage *self);
gboolean         toa_reports_page_save_csv    (ToaReportsPage *self,
                                               const char     *path,
                                               GError        **error);
char            *toa_reports_format_duration  (gint64          usec);

G_END_DECLS
