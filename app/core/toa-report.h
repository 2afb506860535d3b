/* toa-report.h — the department's statistics: articles per office and
 * month, time to approval, returns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-store.h"

G_BEGIN_DECLS

/* One office in one month, or (@month NULL) the office over the whole
 * period. Counts come from the trail: @articles is how many distinct
 * articles were approved, @submissions how many times articles were
 * submitted, @returns how many times they were returned to their
 * authors. @median_approval is the median time from a submission to the
 * approval that followed it, in microseconds, -1 when nothing was
 * approved. */
typedef struct
{
  char   *office;
  char   *office_name;
  char   *month;              /* "2026-11", local time; NULL for the total */
  guint   articles;
  guint   submissions;
  guint   returns;
  gint64  median_approval;
} ToaReportRow;

/* Rows by office code, then month, each office's total after its
 * months. The period is from @from to @to, both days included, in
 * local time. */
typedef struct
{
  GDate      from;
  GDate      to;
  GPtrArray *rows;            /* (element-type ToaReportRow) */
} ToaReport;

void        toa_report_row_free         (ToaReportRow  *row);
void        toa_report_free             (ToaReport     *report);

gboolean    toa_report_parse_date       (const char    *text,
                                         GDate         *date,
                                         GError       **error);
ToaReport  *toa_store_compute_report    (ToaStore      *self,
                                         const GDate   *from,
                                         const GDate   *to,
                                         GError       **error);
char       *toa_report_to_csv           (const ToaReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaReport, toa_report_free)

G_END_DECLS
