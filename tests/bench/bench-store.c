/* bench-store.c — the store's benchmark (issue 3), run by `./dev bench`
 *
 * Builds (or reuses) a database of generated articles with three revisions
 * each, spread over every workflow status, then times through the store's
 * public API — and beside each, the same work done by one bare SQL
 * statement in the same run:
 *   - saving a revision (hash, search index, trail) vs a bare INSERT of the
 *     same row into a revisions-like table in a database of its own;
 *   - the first page (50 rows) of each status view vs a bare SELECT … LIMIT 50;
 *   - folded search for 20 fixed queries vs a raw FTS5 MATCH on the same index.
 * Results go to stdout as Markdown tables; progress goes to stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "toa-article-generator.h"
#include "toa-store.h"
#include "toa-vn-fold.h"

#define PAGE_ROWS 50
#define BUILD_COMMIT_LOG_EVERY 5000

static const char *const office_codes[] = { "QLCN", "QLTM", "KHTCTH", "VP" };
static const char *const category_names[] = { "Tin tức", "Thông báo", "Sự kiện" };

/* What the user types, and the raw FTS5 query for the folded index that
 * does the same search by hand (tones removed, đ→d, lower case). */
typedef struct
{
  const char *typed;
  const char *bare_match;
} Query;

static const Query queries[] = {
  { "cong nghiep", "\"cong\" \"nghiep\"" },
  { "công nghiệp", "\"cong\" \"nghiep\"" },
  { "dong thap", "\"dong\" \"thap\"" },
  { "Đồng Tháp", "\"dong\" \"thap\"" },
  { "khuyen cong", "\"khuyen\" \"cong\"" },
  { "khuyến công", "\"khuyen\" \"cong\"" },
  { "\"cụm công nghiệp\"", "\"cum cong nghiep\"" },
  { "\"xuc tien thuong mai\"", "\"xuc tien thuong mai\"" },
  { "thuong*", "\"thuong\"*" },
  { "nghi*", "\"nghi\"*" },
  { "xăng dầu", "\"xang\" \"dau\"" },
  { "ocop", "\"ocop\"" },
  { "nước mắm", "\"nuoc\" \"mam\"" },
  { "hoa thang", "\"hoa\" \"thang\"" },
  { "chuyển đổi số", "\"chuyen\" \"doi\" \"so\"" },
  { "\"chữ ký số\"", "\"chu ky so\"" },
  { "Khánh Hòa", "\"khanh\" \"hoa\"" },
  { "tiet kiem nang luong", "\"tiet\" \"kiem\" \"nang\" \"luong\"" },
  { "yến sào", "\"yen\" \"sao\"" },
  { "kim ngach xuat khau", "\"kim\" \"ngach\" \"xuat\" \"khau\"" },
};

typedef struct
{
  guint64     seed;
  guint       size;
  guint       saves;
  guint       repeats;
  const char *db_path;
  const char *build_in;     /* where to build; NULL: beside db_path */
} Options;

/* g_print() would convert to the locale's charset; the tables are UTF-8. */
static void G_GNUC_PRINTF (1, 2)
out (const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fputs (text, stdout);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU milliseconds of this thread: on a shared machine the wall clock also
 * counts the time other people's jobs held the cores. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of @samples (sorted in place). */
static double
percentile (GArray *samples,
            double  p)
{
  guint rank;

  g_assert (samples->len > 0);
  g_array_sort (samples, compare_doubles);
  rank = (guint) (p / 100.0 * samples->len + 0.999999);
  rank = CLAMP (rank, 1, samples->len);
  return g_array_index (samples, double, rank - 1);
}

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-store: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
check_sqlite (sqlite3    *db,
              int         rc,
              const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_printerr ("bench-store: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

/* ---- Building the database ---------------------------------------- */

static char *
author_of (const char *office)
{
  return g_strdup_printf ("author-%s", office);
}

static char *
approver_of (const char *office)
{
  return g_strdup_printf ("approver-%s", office);
}

static void
add_directory (ToaStore *store)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (office_codes); i++)
    if (!toa_store_add_office (store, NULL, office_codes[i], office_codes[i], &error))
      die ("adding an office", error);
  for (guint i = 0; i < G_N_ELEMENTS (category_names); i++)
    if (toa_store_add_category (store, NULL, category_names[i], &error) == 0)
      die ("adding a category", error);
  if (!toa_store_add_user (store, NULL, "admin", "Quản trị", "VP",
                           TOA_ROLE_ADMIN | TOA_ROLE_LEADER, &error) ||
      !toa_store_add_user (store, "admin", "publisher", "Biên tập viên", "VP",
                           TOA_ROLE_PUBLISHER, &error))
    die ("adding a user", error);
  for (guint i = 0; i < G_N_ELEMENTS (office_codes); i++)
    {
      g_autofree char *author = author_of (office_codes[i]);
      g_autofree char *approver = approver_of (office_codes[i]);

      if (!toa_store_add_user (store, "admin", author, "Đỗ Nguyên", office_codes[i],
                               TOA_ROLE_AUTHOR, &error) ||
          !toa_store_add_user (store, "admin", approver, "Trần Thị Lan", office_codes[i],
                               TOA_ROLE_APPROVER, &error))
        die ("adding a user", error);
    }
}

/* A later revision: the editor reworded the title and added a paragraph. */
static ToaArticleContent *
edited (const ToaArticleContent *content,
        guint                    round)
{
  ToaArticleContent *next = toa_article_content_copy (content);
  g_autofree char *old_body = next->body;
  g_autofree char *old_title = next->title;

  next->title = g_strdup_printf ("%s (cập nhật lần %u)", old_title, round);
  next->body = g_strdup_printf ("%s<p>Bổ sung lần %u: thông tin chi tiết xin liên hệ Văn phòng "
                                "Sở Công Thương để được hướng dẫn.</p>", old_body, round);
  return next;
}

/* Spread articles over the statuses like a busy newsroom: most are
 * published or drafts. Returns the workflow actions to apply. */
static const char *const *
actions_for (guint index)
{
  static const char *const draft[] = { NULL };
  static const char *const submitted[] = { "submit", NULL };
  static const char *const approved[] = { "submit", "approve", NULL };
  static const char *const published[] = { "submit", "approve", "publish", NULL };
  static const char *const archived[] = { "submit", "approve", "publish", "unpublish", NULL };
  guint slot = index % 20;

  if (slot < 6)
    return draft;
  if (slot < 9)
    return submitted;
  if (slot < 12)
    return approved;
  if (slot < 19)
    return published;
  return archived;
}

static void
apply_actions (ToaStore   *store,
               gint64      id,
               const char *office,
               guint       index)
{
  const char *const *actions = actions_for (index);
  g_autofree char *author = author_of (office);
  g_autofree char *approver = approver_of (office);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; actions[i] != NULL; i++)
    {
      const char *actor = author;
      const char *comment = NULL;

      if (g_str_equal (actions[i], "approve"))
        actor = approver;
      else if (g_str_equal (actions[i], "publish"))
        actor = "publisher";
      else if (g_str_equal (actions[i], "unpublish"))
        {
          actor = "publisher";
          comment = "Gỡ bài theo yêu cầu của lãnh đạo Sở";
        }
      if (!toa_store_transition (store, id, actions[i], actor, comment, &error))
        die (actions[i], error);
    }
}

static void
add_article (ToaStore            *store,
             ToaArticleGenerator *generator,
             guint                index)
{
  const char *office = NULL;
  g_autoptr(ToaArticleContent) first = toa_article_generator_next (generator, &office);
  g_autofree char *author = author_of (office);
  g_autoptr(GError) error = NULL;
  gint64 version = 1;
  gint64 id;

  id = toa_store_create_article (store, office, first, author, &error);
  if (id == 0)
    die ("creating an article", error);
  for (guint round = 1; round <= 2; round++)
    {
      g_autoptr(ToaArticleContent) next = edited (first, round);

      if (!toa_store_save_revision (store, id, version, next, author, &version, &error))
        die ("saving a revision", error);
    }
  apply_actions (store, id, office, index);
}

/* Builds into a ".part" file (in options->build_in when given, e.g. a
 * tmpfs, where a commit's fsync costs nothing) and moves it to db_path, so
 * that an interrupted build is never mistaken for a finished one.
 * Returns the seconds the build took (the move not counted). */
static double
build_database (const Options *options)
{
  g_autofree char *base = g_path_get_basename (options->db_path);
  g_autofree char *dir = options->build_in != NULL ? g_strdup (options->build_in)
                                                   : g_path_get_dirname (options->db_path);
  g_autofree char *part = g_strdup_printf ("%s/%s.part", dir, base);
  g_autofree char *wal = g_strconcat (part, "-wal", NULL);
  g_autofree char *shm = g_strconcat (part, "-shm", NULL);
  g_autoptr(ToaArticleGenerator) generator = toa_article_generator_new (options->seed);
  g_autoptr(GFile) from = g_file_new_for_path (part);
  g_autoptr(GFile) to = g_file_new_for_path (options->db_path);
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double start;
  double seconds;

  g_unlink (part);
  g_unlink (wal);
  g_unlink (shm);
  start = now_ms ();
  store = toa_store_open (part, &error);
  if (store == NULL)
    die ("creating the database", error);
  add_directory (store);
  for (guint i = 0; i < options->size; i++)
    {
      add_article (store, generator, i);
      if ((i + 1) % BUILD_COMMIT_LOG_EVERY == 0)
        g_printerr ("bench-store: built %u of %u articles (%.0f s)\n", i + 1, options->size,
                    (now_ms () - start) / 1000.0);
    }
  /* Closing the last connection checkpoints the WAL into the file. */
  g_clear_object (&store);
  seconds = (now_ms () - start) / 1000.0;
  if (!g_file_move (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    die ("moving the built database", error);
  return seconds;
}

static char *
build_time_path (const Options *options)
{
  return g_strconcat (options->db_path, ".build-seconds", NULL);
}

/* The build time measured when the cached database was built. */
static double
ensure_database (const Options  *options,
                 gboolean       *cached,
                 char          **where)
{
  g_autofree char *time_path = build_time_path (options);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  double seconds;

  *cached = g_file_test (options->db_path, G_FILE_TEST_EXISTS) &&
            g_file_get_contents (time_path, &text, NULL, NULL);
  if (*cached)
    {
      char *end = NULL;

      seconds = g_ascii_strtod (text, &end);
      *where = g_strdup (g_strstrip (end));
      return seconds;
    }

  g_printerr ("bench-store: building %u articles x 3 revisions (seed %" G_GUINT64_FORMAT ")...\n",
              options->size, options->seed);
  seconds = build_database (options);
  *where = g_strdup_printf ("built in %s", options->build_in != NULL ? options->build_in
                                                                     : "the benchmark's build directory");
  text = g_strdup_printf ("%.3f %s\n", seconds, *where);
  if (!g_file_set_contents (time_path, text, -1, &error))
    die ("saving the build time", error);
  return seconds;
}

/* ---- Save a revision ---------------------------------------------- */

typedef struct
{
  GArray *store_ms;
  GArray *bare_ms;
  GArray *store_cpu_ms;
  GArray *bare2_ms;        /* search: the newest-first bare query */
} Pair;

static void
pair_init (Pair *pair)
{
  pair->store_ms = g_array_new (FALSE, FALSE, sizeof (double));
  pair->bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  pair->store_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  pair->bare2_ms = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
pair_clear (Pair *pair)
{
  g_array_unref (pair->store_ms);
  g_array_unref (pair->bare_ms);
  g_array_unref (pair->store_cpu_ms);
  g_array_unref (pair->bare2_ms);
}

static sqlite3 *
open_bare_database (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  g_unlink (path);
  rc = sqlite3_open (path, &db);
  check_sqlite (db, rc, "opening the bare database");
  /* The store's own connection settings, so that only the work differs. */
  rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;"
                         "CREATE TABLE revisions (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL,"
                         " parent_id INTEGER, author TEXT NOT NULL, created INTEGER NOT NULL,"
                         " title TEXT NOT NULL, lead TEXT, body TEXT, byline TEXT, category TEXT,"
                         " event_date TEXT, display_date TEXT, tags TEXT, hash TEXT NOT NULL) STRICT;"
                         "CREATE INDEX revisions_by_article ON revisions (article_id, id);",
                     NULL, NULL, NULL);
  check_sqlite (db, rc, "creating the bare table");
  return db;
}

/* The same row the store writes, by one INSERT in its own transaction
 * (the store's saves commit one by one as well). */
static double
bare_insert (sqlite3                 *db,
             sqlite3_stmt            *insert,
             gint64                   article_id,
             const ToaArticleContent *content)
{
  double start = now_ms ();
  int rc;

  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_bind_int64 (insert, 1, article_id);
  sqlite3_bind_int64 (insert, 2, g_get_real_time ());
  sqlite3_bind_text (insert, 3, content->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, content->lead, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, content->body, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, content->byline, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, content->category, -1, SQLITE_STATIC);
  rc = sqlite3_step (insert);
  check_sqlite (db, rc, "the bare INSERT");
  sqlite3_reset (insert);
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  check_sqlite (db, rc, "the bare COMMIT");
  return now_ms () - start;
}

static GArray *
draft_ids (ToaStore *store,
           guint     wanted)
{
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_DRAFT);
  page = toa_store_list_articles (store, query, 0, wanted, &error);
  if (page == NULL)
    die ("listing drafts", error);
  for (guint i = 0; i < page->len; i++)
    g_array_append_val (ids, ((ToaArticle *) g_ptr_array_index (page, i))->id);
  return ids;
}

static void
time_one_save (ToaStore     *store,
               sqlite3      *bare,
               sqlite3_stmt *insert,
               gint64        id,
               guint         round,
               Pair         *pair)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticle) article = toa_store_get_article (store, id, &error);
  g_autoptr(ToaArticleContent) next = NULL;
  double start;
  double start_cpu;
  double ms;

  if (article == NULL)
    die ("loading an article", error);
  next = edited (article->content, round);
  start = now_ms ();
  start_cpu = cpu_ms ();
  if (!toa_store_save_revision (store, id, article->version, next, article->author, NULL, &error))
    die ("saving a revision", error);
  ms = now_ms () - start;
  g_array_append_val (pair->store_ms, ms);
  ms = cpu_ms () - start_cpu;
  g_array_append_val (pair->store_cpu_ms, ms);
  ms = bare_insert (bare, insert, id, next);
  g_array_append_val (pair->bare_ms, ms);
}

static void
measure_saves (ToaStore      *store,
               const Options *options,
               Pair          *pair)
{
  g_autofree char *bare_path = g_strconcat (options->db_path, ".bare", NULL);
  g_autofree char *bare_wal = g_strconcat (bare_path, "-wal", NULL);
  g_autofree char *bare_shm = g_strconcat (bare_path, "-shm", NULL);
  g_autoptr(GArray) ids = draft_ids (store, MIN (options->saves, 1000));
  sqlite3 *bare = open_bare_database (bare_path);
  sqlite3_stmt *insert = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (bare, "INSERT INTO revisions (article_id, parent_id, author, created, title,"
                                 " lead, body, byline, category, event_date, display_date, tags, hash)"
                                 " VALUES (?1, NULL, 'author', ?2, ?3, ?4, ?5, ?6, ?7, '2026-11-23',"
                                 " '2026-11-23', NULL, 'hash')", -1, &insert, NULL);
  check_sqlite (bare, rc, "preparing the bare INSERT");
  /* Alternate store and bare saves so that both see the same machine load. */
  for (guint i = 0; i < options->saves; i++)
    time_one_save (store, bare, insert, g_array_index (ids, gint64, i % ids->len),
                   3 + i / ids->len, pair);
  sqlite3_finalize (insert);
  sqlite3_close (bare);
  g_unlink (bare_path);
  g_unlink (bare_wal);
  g_unlink (bare_shm);
}

/* ---- First pages of the status views ------------------------------ */

static sqlite3 *
open_reader (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  check_sqlite (db, rc, "opening a bare reader");
  return db;
}

/* The same page by one SELECT: the store's list columns, filter and order. */
static double
bare_page (sqlite3    *db,
           const char *status)
{
#define BARE_PAGE(filter) \
    "SELECT a.id, a.office, a.category_id, a.status, a.current_revision, a.approved_revision," \
    " a.approved_hash, a.published_revision, a.author, a.submitted_by, a.version, a.created," \
    " a.updated, a.deleted, r.hash, r.author, r.title, r.lead, r.byline, r.category," \
    " r.event_date, r.display_date, r.tags" \
    " FROM articles a JOIN revisions r ON r.id = a.current_revision" \
    " WHERE a.deleted = 0" filter " ORDER BY a.updated DESC, a.id DESC LIMIT 50"
  sqlite3_stmt *stmt = NULL;
  double start = now_ms ();
  guint rows = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, status != NULL ? BARE_PAGE (" AND a.status = ?1") : BARE_PAGE (""),
                           -1, &stmt, NULL);
  check_sqlite (db, rc, "preparing the bare SELECT");
  if (status != NULL)
    sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rows += sqlite3_column_bytes (stmt, 16) > 0;
  check_sqlite (db, rc, "the bare SELECT");
  sqlite3_finalize (stmt);
  g_assert (rows <= PAGE_ROWS);
  return now_ms () - start;
}

static double
store_page (ToaStore *store,
            guint     status_mask)
{
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  double start;

  query->status_mask = status_mask;
  start = now_ms ();
  page = toa_store_list_articles (store, query, 0, PAGE_ROWS, &error);
  if (page == NULL)
    die ("listing a page", error);
  return now_ms () - start;
}

/* ---- Search --------------------------------------------------------- */

static double
store_search (ToaStore   *store,
              const char *typed,
              guint      *hits,
              double     *cpu)
{
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  double start;

  query->text = g_strdup (typed);
  *cpu = cpu_ms ();
  start = now_ms ();
  page = toa_store_list_articles (store, query, 0, PAGE_ROWS, &error);
  if (page == NULL)
    die ("searching", error);
  *hits = page->len;
  *cpu = cpu_ms () - *cpu;
  return now_ms () - start;
}

/* The raw FTS5 MATCH on the store's folded index, first 50: ranked by
 * bm25 (@ranked) or newest first (rowid order, which the index streams and
 * can stop at the page). The store's own order decides which of the two is
 * the same work. */
static double
bare_search (sqlite3    *db,
             const char *match,
             gboolean    ranked,
             guint      *hits)
{
  sqlite3_stmt *stmt = NULL;
  double start = now_ms ();
  int rc;

  rc = sqlite3_prepare_v2 (db, ranked ? "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1"
                                        " ORDER BY rank LIMIT 50"
                                      : "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1"
                                        " ORDER BY rowid DESC LIMIT 50", -1, &stmt, NULL);
  check_sqlite (db, rc, "preparing the raw MATCH");
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  *hits = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    (*hits)++;
  check_sqlite (db, rc, "the raw MATCH");
  sqlite3_finalize (stmt);
  return now_ms () - start;
}

static gint64
count_matches (sqlite3    *db,
               const char *match)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count = 0;

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?1", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/* ---- Where a save's CPU time goes ---------------------------------- */

typedef char *(*TextStep) (const char *text);

static char *
nfc (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
}

/* Median milliseconds of @step over the five searchable fields of
 * @content (title, lead, body text, byline, tags). */
static double
time_fields (const ToaArticleContent *content,
             const char              *body,
             TextStep                 step)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tags = g_strjoinv ("\n", content->tags);
  const char *fields[] = { content->title, content->lead, body, content->byline, tags };

  for (guint i = 0; i < 51; i++)
    {
      double start = now_ms ();
      double ms;

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        g_free (step (fields[f]));
      ms = now_ms () - start;
      g_array_append_val (samples, ms);
    }
  return percentile (samples, 50);
}

static double
time_plain_text (const char *body)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 51; i++)
    {
      double start = now_ms ();
      g_autofree char *text = toa_body_to_plain_text (body);
      double ms = now_ms () - start;

      g_array_append_val (samples, ms);
    }
  return percentile (samples, 50);
}

static double
time_hash (const ToaArticleContent *content)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 51; i++)
    {
      double start = now_ms ();
      g_autofree char *hash = toa_article_content_hash (content, NULL);
      double ms = now_ms () - start;

      g_assert (hash != NULL);
      g_array_append_val (samples, ms);
    }
  return percentile (samples, 50);
}

/* The statements of one save, run by hand on a second connection to the
 * store's database with the same (pre-folded) values, each timed alone,
 * then rolled back so that the database is unchanged: where the time goes
 * inside the transaction. The COMMIT (the search index's flush and the
 * journal's sync) is what the store's save takes beyond their sum. */
typedef struct
{
  const char *label;
  const char *sql;
  gboolean    folded;        /* binds the folded fields */
  gboolean    exact;
} Statement;

static const Statement save_statements[] = {
  { "INSERT revision", "INSERT INTO revisions (article_id, parent_id, author, created, title, lead, body,"
    " byline, category, event_date, display_date, tags, hash) SELECT ?1, current_revision, author, 1,"
    " ?2, ?3, ?4, ?5, NULL, NULL, NULL, ?6, 'x' FROM articles WHERE id = ?1", FALSE, FALSE },
  { "UPDATE article", "UPDATE articles SET version = version + 1, updated = updated + 1 WHERE id = ?1",
    FALSE, FALSE },
  { "DELETE old search row", "DELETE FROM article_fts WHERE rowid = ?1", FALSE, FALSE },
  { "INSERT search row", "INSERT INTO article_fts (rowid, title, lead, body, byline, tags)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", TRUE, FALSE },
  { "DELETE old exact row", "DELETE FROM article_fts_exact WHERE rowid = ?1", FALSE, FALSE },
  { "INSERT exact row", "INSERT INTO article_fts_exact (rowid, title, lead, body, byline, tags)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", TRUE, TRUE },
};

static void
bind_fields (sqlite3_stmt  *stmt,
             gint64         id,
             char         **fields)
{
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) < 2)
    return;
  for (int i = 0; i < 5; i++)
    sqlite3_bind_text (stmt, i + 2, fields[i], -1, SQLITE_TRANSIENT);
}

static void
time_statements (sqlite3                 *db,
                 gint64                   id,
                 const ToaArticleContent *content,
                 GArray                 **samples)
{
  g_autofree char *body_text = toa_body_to_plain_text (content->body);
  g_autofree char *tags = g_strjoinv ("\n", content->tags);
  const char *raw[] = { content->title, content->lead, body_text, content->byline, tags };
  char *plain[] = { content->title, content->lead, content->body, content->byline, tags };
  char *folded[5];
  char *exact[5];

  for (int i = 0; i < 5; i++)
    {
      folded[i] = toa_vn_fold (raw[i]);
      exact[i] = toa_vn_fold_exact (raw[i]);
    }
  check_sqlite (db, sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), "BEGIN");
  for (guint s = 0; s < G_N_ELEMENTS (save_statements); s++)
    {
      const Statement *st = &save_statements[s];
      sqlite3_stmt *stmt = NULL;
      double start;
      double ms;

      check_sqlite (db, sqlite3_prepare_v2 (db, st->sql, -1, &stmt, NULL), st->label);
      bind_fields (stmt, id, st->folded ? (st->exact ? exact : folded) : plain);
      start = now_ms ();
      check_sqlite (db, sqlite3_step (stmt), st->label);
      ms = now_ms () - start;
      sqlite3_finalize (stmt);
      g_array_append_val (samples[s], ms);
    }
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  for (int i = 0; i < 5; i++)
    {
      g_free (folded[i]);
      g_free (exact[i]);
    }
}

static void
report_save_statements (ToaStore      *store,
                        const Options *options)
{
  g_autoptr(GArray) ids = draft_ids (store, 200);
  GArray *samples[G_N_ELEMENTS (save_statements)];
  sqlite3 *db = NULL;

  check_sqlite (db, sqlite3_open (options->db_path, &db), "opening a second connection");
  sqlite3_busy_timeout (db, 5000);
  for (guint s = 0; s < G_N_ELEMENTS (save_statements); s++)
    samples[s] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ToaArticle) article = toa_store_get_article (store, g_array_index (ids, gint64, i), &error);

      if (article == NULL)
        die ("loading an article", error);
      time_statements (db, article->id, article->content, samples);
    }
  out ("\nThe statements of one save inside its transaction, run by hand on %u drafts and rolled\n"
       "back (medians, ms):", ids->len);
  for (guint s = 0; s < G_N_ELEMENTS (save_statements); s++)
    {
      out ("%s %s %.3f", s == 0 ? "" : " ·", save_statements[s].label, percentile (samples[s], 50));
      g_array_unref (samples[s]);
    }
  out (".\n");
  sqlite3_close (db);
}

/* The CPU steps a save runs before its transaction, each timed alone on
 * one generated article with the library's public functions. */
static void
report_save_steps (const Options *options)
{
  g_autoptr(ToaArticleGenerator) generator = toa_article_generator_new (options->seed);
  g_autoptr(ToaArticleContent) content = toa_article_generator_next (generator, NULL);
  g_autofree char *body_text = toa_body_to_plain_text (content->body);

  out ("\nThe CPU steps of one save, timed alone on one generated article (body %zu bytes;\n"
       "medians of 51, ms): NFC of the five fields %.3f (body XML) · SHA-256 of the canonical\n"
       "form %.3f · body to plain text %.3f · search folding %.3f · exact-search folding %.3f.\n",
       strlen (content->body), time_fields (content, content->body, nfc), time_hash (content),
       time_plain_text (content->body),
       time_fields (content, body_text, toa_vn_fold), time_fields (content, body_text, toa_vn_fold_exact));
}

/* ---- Report ----------------------------------------------------------- */

static const char *
verdict (double measured,
         double target)
{
  return measured <= target ? "pass" : "**miss**";
}

static void
report_saves (Pair *pair)
{
  double median = percentile (pair->store_ms, 50);
  double p95 = percentile (pair->store_ms, 95);
  double bare_median = percentile (pair->bare_ms, 50);
  double bare_p95 = percentile (pair->bare_ms, 95);

  out ("| Save a revision (median), %u saves | ≤ 2 ms | %.2f ms | %.2f ms | %s |\n",
           pair->store_ms->len, median, bare_median, verdict (median, 2.0));
  out ("| Save a revision (p95) | — | %.2f ms | %.2f ms | — |\n", p95, bare_p95);
  out ("| Save a revision, CPU time of the saving thread (median / p95) | — | %.2f / %.2f ms | — | — |\n",
       percentile (pair->store_cpu_ms, 50), percentile (pair->store_cpu_ms, 95));
}

static void
measure_pages (ToaStore      *store,
               sqlite3       *reader,
               const Options *options)
{
  for (int s = -1; s < TOA_ARTICLE_N_STATUSES; s++)
    {
      const char *name = s < 0 ? NULL : toa_article_status_to_string (s);
      Pair pair;
      double median;

      pair_init (&pair);
      for (guint r = 0; r < options->repeats; r++)
        {
          double ms = store_page (store, s < 0 ? 0 : TOA_STATUS_BIT (s));

          g_array_append_val (pair.store_ms, ms);
          ms = bare_page (reader, name);
          g_array_append_val (pair.bare_ms, ms);
        }
      median = percentile (pair.store_ms, 50);
      out ("| First page, %s (median of %u; p95 %.2f ms) | ≤ 5 ms | %.2f ms | %.2f ms | %s |\n",
               name != NULL ? name : "all statuses", options->repeats,
               percentile (pair.store_ms, 95), median, percentile (pair.bare_ms, 50),
               verdict (median, 5.0));
      pair_clear (&pair);
    }
}

static void
measure_searches (ToaStore      *store,
                  sqlite3       *reader,
                  const Options *options,
                  GString       *detail)
{
  Pair all;
  double p95;

  pair_init (&all);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      Pair one;
      guint store_hits = 0;
      guint bare_hits = 0;

      pair_init (&one);
      for (guint r = 0; r < options->repeats; r++)
        {
          double cpu = 0;
          double ms = store_search (store, queries[q].typed, &store_hits, &cpu);

          g_array_append_val (one.store_ms, ms);
          g_array_append_val (all.store_ms, ms);
          g_array_append_val (all.store_cpu_ms, cpu);
          ms = bare_search (reader, queries[q].bare_match, TRUE, &bare_hits);
          g_array_append_val (one.bare_ms, ms);
          g_array_append_val (all.bare_ms, ms);
          ms = bare_search (reader, queries[q].bare_match, FALSE, &bare_hits);
          g_array_append_val (one.bare2_ms, ms);
          g_array_append_val (all.bare2_ms, ms);
        }
      g_string_append_printf (detail, "| `%s` | `%s` | %" G_GINT64_FORMAT " | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
                              queries[q].typed, queries[q].bare_match,
                              count_matches (reader, queries[q].bare_match),
                              percentile (one.store_ms, 50), percentile (one.store_ms, 95),
                              percentile (one.bare_ms, 50), percentile (one.bare_ms, 95),
                              percentile (one.bare2_ms, 50), percentile (one.bare2_ms, 95));
      pair_clear (&one);
    }
  p95 = percentile (all.store_ms, 95);
  out ("| Search p50, 20 queries × %u | — | %.2f ms | ranked %.2f ms · newest first %.2f ms | — |\n",
       options->repeats, percentile (all.store_ms, 50), percentile (all.bare_ms, 50),
       percentile (all.bare2_ms, 50));
  out ("| Search p95, 20 queries × %u | ≤ 20 ms | %.2f ms | ranked %.2f ms · newest first %.2f ms | %s |\n",
       options->repeats, p95, percentile (all.bare_ms, 95), percentile (all.bare2_ms, 95),
       verdict (p95, 20.0));
  out ("| Search, CPU time of the searching thread (p50 / p95) | — | %.2f / %.2f ms | — | — |\n",
       percentile (all.store_cpu_ms, 50), percentile (all.store_cpu_ms, 95));
  pair_clear (&all);
}

static void
run (const Options *options)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *reader;
  g_autofree char *where = NULL;
  gboolean cached;
  double build_seconds = ensure_database (options, &cached, &where);
  Pair saves;

  store = toa_store_open (options->db_path, &error);
  if (store == NULL)
    die ("opening the database", error);
  reader = open_reader (options->db_path);

  out ("### Store: %u articles × 3 revisions, seed %" G_GUINT64_FORMAT "\n\n",
           options->size, options->seed);
  out ("Database build through the store API: **%.1f s** (%.0f articles/s; %s, %s).\n\n",
       build_seconds, options->size / build_seconds, where,
       cached ? "measured when the cached database was built" : "in this run");
  out ("| Operation | Target | Store API | Bare SQL | Result |\n");
  out ("|---|---|---|---|---|\n");

  /* Reads first, on the database as built; the saves then add revisions. */
  g_printerr ("bench-store: first pages...\n");
  measure_pages (store, reader, options);
  g_printerr ("bench-store: searches...\n");
  measure_searches (store, reader, options, detail);
  g_printerr ("bench-store: saves...\n");
  pair_init (&saves);
  measure_saves (store, options, &saves);
  report_saves (&saves);
  pair_clear (&saves);

  report_save_steps (options);
  report_save_statements (store, options);

  out ("\nSearch, per query (ms; first %d rows; bare: the raw MATCH ranked by bm25, and newest\n"
       "first by rowid):\n\n", PAGE_ROWS);
  out ("| Typed | Raw FTS5 MATCH | Matches | Store p50 | Store p95 | Ranked p50 | Ranked p95 |"
       " Newest p50 | Newest p95 |\n");
  out ("|---|---|---|---|---|---|---|---|---|\n%s\n", detail->str);
  sqlite3_close (reader);
}

int
main (int   argc,
      char *argv[])
{
  Options options = { .seed = 20261123, .size = 100000, .saves = 1000, .repeats = 21 };
  g_autofree char *db_path = NULL;
  g_autofree char *build_in = NULL;
  gint64 seed = options.seed;
  int size = options.size;
  int saves = options.saves;
  int repeats = options.repeats;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The cached database (built when missing)", "PATH" },
    { "size", 0, 0, G_OPTION_ARG_INT, &size, "Articles to generate (default 100000)", "N" },
    { "build-in", 0, 0, G_OPTION_ARG_FILENAME, &build_in, "Build in this directory, then move", "DIR" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "The generator's seed", "SEED" },
    { "saves", 0, 0, G_OPTION_ARG_INT, &saves, "Revisions to save and time (default 1000)", "N" },
    { "repeats", 0, 0, G_OPTION_ARG_INT, &repeats, "Runs of each read (default 21)", "N" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the store");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (db_path == NULL || size < 1 || saves < 1 || repeats < 1)
    {
      g_printerr ("bench-store: give --db PATH and positive counts\n");
      return 2;
    }
  options.db_path = db_path;
  options.build_in = build_in;
  options.seed = (guint64) seed;
  options.size = (guint) size;
  options.saves = (guint) saves;
  options.repeats = (guint) repeats;
  run (&options);
  return 0;
}
