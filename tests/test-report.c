/* test-report.c — statistics per office and month from the trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-report.h"
#include "toa-test-newsroom.h"

/* Sets the time of trail row @row to @day @hour:00, local time. */
static void
set_time (Newsroom   *n,
          gint64      row,
          int         year,
          int         month,
          int         day,
          int         hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, 0, 0);
  g_autofree char *sql = g_strdup_printf ("UPDATE transitions SET created = %" G_GINT64_FORMAT
                                          " WHERE id = %" G_GINT64_FORMAT,
                                          g_date_time_to_unix (dt) * G_USEC_PER_SEC, row);

  newsroom_sql_exec (n->path, sql);
}

static gint64
last_row (Newsroom *n)
{
  return newsroom_sql_int (n->path, "SELECT max(id) FROM transitions");
}

/* Acts, then dates the trail row the action wrote. */
static void
act_at (Newsroom   *n,
        gint64      id,
        const char *action,
        const char *actor,
        int         month,
        int         day,
        int         hour)
{
  newsroom_act (n, id, action, actor, g_str_equal (action, "return") ? "Bổ sung số liệu" : NULL);
  set_time (n, last_row (n), 2026, month, day, hour);
}

/* QLCN: one approval in October after 4 h; in November one return and an
 * approval 2 h after the resubmission; in December one approval after a
 * day. KHTC: a submission and a return in November. */
static void
fill (Newsroom *n)
{
  gint64 a1 = newsroom_article (n, "an", "Bài một");
  gint64 a2 = newsroom_article (n, "binh", "Bài hai");
  gint64 a3 = newsroom_article (n, "dung", "Bài ba");
  gint64 a4 = newsroom_article (n, "an", "Bài bốn");

  act_at (n, a1, "submit", "an", 10, 15, 9);
  act_at (n, a1, "approve", "chi", 10, 15, 13);
  act_at (n, a2, "submit", "binh", 11, 2, 8);
  act_at (n, a2, "return", "chi", 11, 2, 10);
  act_at (n, a2, "submit", "binh", 11, 3, 8);
  act_at (n, a2, "approve", "chi", 11, 3, 10);
  act_at (n, a3, "submit", "dung", 11, 10, 8);
  act_at (n, a3, "return", "em", 11, 10, 9);
  act_at (n, a4, "submit", "an", 12, 20, 8);
  act_at (n, a4, "approve", "lan", 12, 21, 8);
}

static ToaReport *
compute (Newsroom   *n,
         const char *from,
         const char *to)
{
  g_autoptr(GError) error = NULL;
  GDate f, t;
  ToaReport *report;

  g_assert_true (toa_report_parse_date (from, &f, &error));
  g_assert_true (toa_report_parse_date (to, &t, &error));
  report = toa_store_compute_report (n->store, &f, &t, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_row (ToaReport  *report,
            guint       i,
            const char *office,
            const char *month,
            guint       articles,
            guint       submissions,
            guint       returns,
            gint64      median_hours)
{
  ToaReportRow *row;

  g_assert_cmpuint (i, <, report->rows->len);
  row = g_ptr_array_index (report->rows, i);
  g_assert_cmpstr (row->office, ==, office);
  g_assert_cmpstr (row->month, ==, month);
  g_assert_cmpuint (row->articles, ==, articles);
  g_assert_cmpuint (row->submissions, ==, submissions);
  g_assert_cmpuint (row->returns, ==, returns);
  if (median_hours < 0)
    g_assert_cmpint (row->median_approval, ==, -1);
  else
    g_assert_cmpint (row->median_approval, ==, median_hours * G_TIME_SPAN_HOUR);
}

static void
test_period (Newsroom      *n,
             gconstpointer  data)
{
  g_autoptr(ToaReport) report = NULL;

  fill (n);
  report = compute (n, "2026-10-01", "2026-11-30");
  g_assert_cmpuint (report->rows->len, ==, 5);
  assert_row (report, 0, "KHTC", "2026-11", 0, 1, 1, -1);
  assert_row (report, 1, "KHTC", NULL, 0, 1, 1, -1);
  assert_row (report, 2, "QLCN", "2026-10", 1, 1, 0, 4);
  assert_row (report, 3, "QLCN", "2026-11", 1, 2, 1, 2);
  assert_row (report, 4, "QLCN", NULL, 2, 3, 1, 3);
  g_assert_cmpstr (((ToaReportRow *) g_ptr_array_index (report->rows, 0))->office_name, ==,
                   "Phòng Kế hoạch - Tài chính");
}

/* The last day is included; the December approval after a day makes the
 * year's median the middle of 2 h, 4 h, 24 h. */
static void
test_whole_year (Newsroom      *n,
                 gconstpointer  data)
{
  g_autoptr(ToaReport) report = NULL;
  g_autoptr(ToaReport) december = NULL;

  fill (n);
  report = compute (n, "2026-01-01", "2026-12-31");
  g_assert_cmpuint (report->rows->len, ==, 6);
  assert_row (report, 5, "QLCN", NULL, 3, 4, 1, 4);
  december = compute (n, "2026-12-21", "2026-12-21");
  g_assert_cmpuint (december->rows->len, ==, 2);
  /* The submission on the 20th is outside, but still times the approval. */
  assert_row (december, 0, "QLCN", "2026-12", 1, 0, 0, 24);
}

static void
test_csv (Newsroom      *n,
          gconstpointer  data)
{
  g_autoptr(ToaReport) report = NULL;
  g_autofree char *csv = NULL;

  fill (n);
  report = compute (n, "2026-10-01", "2026-11-30");
  csv = toa_report_to_csv (report);
  g_assert_cmpstr (csv, ==,
                   "Office,Office name,Month,Articles approved,Submissions,Returns,Median hours to approval\r\n"
                   "KHTC,Phòng Kế hoạch - Tài chính,2026-11,0,1,1,\r\n"
                   "KHTC,Phòng Kế hoạch - Tài chính,Total,0,1,1,\r\n"
                   "QLCN,Phòng Quản lý Công nghiệp,2026-10,1,1,0,4.0\r\n"
                   "QLCN,Phòng Quản lý Công nghiệp,2026-11,1,2,1,2.0\r\n"
                   "QLCN,Phòng Quản lý Công nghiệp,Total,2,3,1,3.0\r\n");
}

/* Quotes where CSV needs them; deleted articles are left out. */
static void
test_csv_quoting_and_deleted (Newsroom      *n,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaReport) report = NULL;
  g_autoptr(ToaReport) empty = NULL;
  g_autofree char *csv = NULL;
  gint64 kept, gone;

  toa_store_add_office (n->store, "quan", "VP", "Văn phòng Sở, \"Tổng hợp\"", &error);
  g_assert_no_error (error);
  newsroom_add_user (n, "vy", "Lý Vy", "VP", TOA_ROLE_AUTHOR);
  {
    g_autoptr(ToaArticleContent) c = newsroom_content ("Thông báo", NULL);

    kept = toa_store_create_article (n->store, NULL, c, "vy", &error);
    g_assert_no_error (error);
    gone = toa_store_create_article (n->store, NULL, c, "vy", &error);
    g_assert_no_error (error);
  }
  newsroom_act (n, kept, "submit", "vy", NULL);
  newsroom_act (n, gone, "submit", "vy", NULL);
  newsroom_act (n, gone, "withdraw", "vy", NULL);
  toa_store_delete_article (n->store, gone, "vy", &error);
  g_assert_no_error (error);

  report = compute (n, "2000-01-01", "2099-12-31");
  csv = toa_report_to_csv (report);
  g_assert_nonnull (g_strstr_len (csv, -1, "\r\nVP,\"Văn phòng Sở, \"\"Tổng hợp\"\"\","));
  g_assert_cmpuint (report->rows->len, ==, 2);
  assert_row (report, 1, "VP", NULL, 0, 1, 0, -1);

  empty = compute (n, "2001-01-01", "2001-01-31");
  g_assert_cmpuint (empty->rows->len, ==, 0);
}

static void
test_bad_dates (Newsroom      *n,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate d, e;
  const char *bad[] = { "2026-02-30", "2026-13-01", "26-1-1x", "", "2026/01/01", "hôm nay" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (toa_report_parse_date (bad[i], &d, &error));
      g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_true (toa_report_parse_date ("2026-11-30", &d, NULL));
  g_assert_true (toa_report_parse_date ("2026-11-01", &e, NULL));
  g_assert_null (toa_store_compute_report (n->store, &d, &e, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Newsroom, NULL, newsroom_setup, func, newsroom_teardown)
  ADD ("/report/period", test_period);
  ADD ("/report/whole-year", test_whole_year);
  ADD ("/report/csv", test_csv);
  ADD ("/report/csv-quoting-deleted", test_csv_quoting_and_deleted);
  ADD ("/report/bad-dates", test_bad_dates);
#undef ADD

  return g_test_run ();
}
