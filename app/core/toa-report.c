/* toa-report.c — the department's statistics, read from the trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-report.h"
#include "toa-store-private.h"

/**
 * toa_report_row_free:
 * @row: (transfer full) (nullable): a row
 */
void
toa_report_row_free (ToaReportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->office);
  g_free (row->office_name);
  g_free (row->month);
  g_free (row);
}

/**
 * toa_report_free:
 * @report: (transfer full) (nullable): a report
 */
void
toa_report_free (ToaReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_free (report);
}

/**
 * toa_report_parse_date:
 * @text: a day, "YYYY-MM-DD"
 * @date: (out): the day
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @text is a valid day; else %TOA_STORE_ERROR_INVALID
 */
gboolean
toa_report_parse_date (const char  *text,
                       GDate       *date,
                       GError     **error)
{
  guint64 y = 0, m = 0, d = 0;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL && date != NULL, FALSE);

  parts = g_strsplit (text, "-", -1);
  if (g_strv_length (parts) == 3 &&
      g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) &&
      g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) &&
      g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) &&
      g_date_valid_dmy (d, m, y))
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, d, m, y);
      return TRUE;
    }
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
               _("“%s” is not a date; write it as YYYY-MM-DD"), text);
  return FALSE;
}

/* Midnight at the start of @date, local time, in microseconds. */
static gint64
day_start (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static char *
month_of (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return g_date_time_format (dt, "%Y-%m");
}

/* What is collected for one row before the medians are taken. */
typedef struct
{
  ToaReportRow *row;
  GHashTable   *approved;     /* article ids */
  GArray       *durations;    /* gint64 */
} Bucket;

static void
bucket_free (Bucket *bucket)
{
  toa_report_row_free (bucket->row);
  g_hash_table_unref (bucket->approved);
  g_array_unref (bucket->durations);
  g_free (bucket);
}

static Bucket *
get_bucket (GHashTable *buckets,
            const char *office,
            const char *office_name,
            const char *month)
{
  g_autofree char *key = g_strconcat (office, "\t", month ? month : "", NULL);
  Bucket *bucket = g_hash_table_lookup (buckets, key);

  if (bucket != NULL)
    return bucket;
  bucket = g_new0 (Bucket, 1);
  bucket->row = g_new0 (ToaReportRow, 1);
  bucket->row->office = g_strdup (office);
  bucket->row->office_name = g_strdup (office_name);
  bucket->row->month = g_strdup (month);
  bucket->approved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  bucket->durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_insert (buckets, g_steal_pointer (&key), bucket);
  return bucket;
}

static void
count_in (Bucket     *bucket,
          const char *action,
          gint64      article_id,
          gint64      duration)
{
  if (g_str_equal (action, "submit"))
    bucket->row->submissions++;
  else if (g_str_equal (action, "return"))
    bucket->row->returns++;
  else
    {
      g_hash_table_add (bucket->approved, g_memdup2 (&article_id, sizeof article_id));
      if (duration >= 0)
        g_array_append_val (bucket->durations, duration);
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return -1;
  g_array_sort (values, compare_gint64);
  if (n % 2 == 1)
    return g_array_index (values, gint64, n / 2);
  return (g_array_index (values, gint64, n / 2 - 1) + g_array_index (values, gint64, n / 2)) / 2;
}

/* Offices by code; within one, months in order and the total last. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ToaReportRow *x = *(ToaReportRow * const *) a;
  const ToaReportRow *y = *(ToaReportRow * const *) b;
  int by_office = g_strcmp0 (x->office, y->office);

  if (by_office != 0)
    return by_office;
  if (x->month == NULL || y->month == NULL)
    return (x->month == NULL) - (y->month == NULL);
  return g_strcmp0 (x->month, y->month);
}

static GPtrArray *
finish_rows (GHashTable *buckets)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_report_row_free);
  GHashTableIter iter;
  Bucket *bucket;

  g_hash_table_iter_init (&iter, buckets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &bucket))
    {
      bucket->row->articles = g_hash_table_size (bucket->approved);
      bucket->row->median_approval = median (bucket->durations);
      g_ptr_array_add (rows, g_steal_pointer (&bucket->row));
    }
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

/* Every submission, approval and return in the period with its office;
 * an approval also brings the submission before it. */
#define REPORT_SQL \
  "SELECT t.article_id, t.action, t.created, a.office, o.name, " \
  "  (SELECT max (s.created) FROM transitions s WHERE s.article_id = t.article_id " \
  "   AND s.action = 'submit' AND s.id < t.id) " \
  "FROM transitions t JOIN articles a ON a.id = t.article_id " \
  "LEFT JOIN offices o ON o.code = a.office " \
  "WHERE t.created >= ? AND t.created < ? AND a.deleted = 0 " \
  "AND t.action IN ('submit', 'approve', 'return') ORDER BY t.id"

static gboolean
collect (ToaStore    *self,
         gint64       start,
         gint64       end,
         GHashTable  *buckets,
         GError     **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (self, REPORT_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *action = (const char *) sqlite3_column_text (stmt, 1);
      gint64 created = sqlite3_column_int64 (stmt, 2);
      const char *office = (const char *) sqlite3_column_text (stmt, 3);
      const char *name = (const char *) sqlite3_column_text (stmt, 4);
      gint64 duration = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                        ? -1 : created - sqlite3_column_int64 (stmt, 5);
      g_autofree char *month = month_of (created);

      count_in (get_bucket (buckets, office, name, month), action, id, duration);
      count_in (get_bucket (buckets, office, name, NULL), action, id, duration);
    }
  if (rc != SQLITE_DONE)
    return toa_store_fail (self, rc, error);
  return TRUE;
}

/**
 * toa_store_compute_report:
 * @self: a #ToaStore
 * @from: the first day of the period
 * @to: the last day of the period (included)
 * @error: return location for a #GError
 *
 * Counts, from the trail, per office and month of the period: articles
 * approved, submissions, returns, and the median time from submission to
 * approval. Deleted articles are left out.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 *   (%TOA_STORE_ERROR_INVALID when @to is before @from)
 */
ToaReport *
toa_store_compute_report (ToaStore     *self,
                          const GDate  *from,
                          const GDate  *to,
                          GError      **error)
{
  g_autoptr(ToaReport) report = NULL;
  g_autoptr(GHashTable) buckets = NULL;
  GDate after;
  gint64 start, end;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  if (g_date_compare (to, from) < 0)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The period ends before it starts"));
      return NULL;
    }
  after = *to;
  g_date_add_days (&after, 1);
  start = day_start (from);
  end = day_start (&after);
  buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bucket_free);
  if (!collect (self, start, end, buckets, error))
    return NULL;

  report = g_new0 (ToaReport, 1);
  report->from = *from;
  report->to = *to;
  report->rows = finish_rows (buckets);
  return g_steal_pointer (&report);
}

static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * toa_report_to_csv:
 * @report: a report
 *
 * Writes the report as CSV (RFC 4180, UTF-8, CRLF line ends): a header
 * line, then office code, office name, month ("Total" for the period),
 * articles approved, submissions, returns and the median hours from
 * submission to approval (one decimal, empty when nothing was approved).
 *
 * Returns: (transfer full): the CSV text
 */
char *
toa_report_to_csv (const ToaReport *report)
{
  GString *out = g_string_new (NULL);
  const char *header[] = {
    N_("Office"), N_("Office name"), N_("Month"), N_("Articles approved"), N_("Submissions"),
    N_("Returns"), N_("Median hours to approval"),
  };

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, _(header[i]));
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < report->rows->len; i++)
    {
      const ToaReportRow *row = g_ptr_array_index (report->rows, i);
      char hours[G_ASCII_DTOSTR_BUF_SIZE] = "";

      if (row->median_approval >= 0)
        g_ascii_formatd (hours, sizeof hours, "%.1f", row->median_approval / (double) G_TIME_SPAN_HOUR);
      append_field (out, row->office);
      g_string_append_c (out, ',');
      append_field (out, row->office_name);
      g_string_append_c (out, ',');
      append_field (out, row->month != NULL ? row->month : _("Total"));
      g_string_append_printf (out, ",%u,%u,%u,%s\r\n", row->articles, row->submissions, row->returns, hours);
    }
  return g_string_free (out, FALSE);
}
