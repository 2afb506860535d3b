/* test-concurrency.c — eight processes editing the same twenty articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test re-executes itself as workers ("--worker N DB LOG"). Each
 * worker does random saves (half of them from a stale version, to cause
 * conflicts) and random transitions, and logs what the store
 * acknowledged. The parent then checks the database against the logs.
 */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "toa-test-newsroom.h"

#define N_WORKERS 8
#define N_OPERATIONS 200
#define N_ARTICLES 20

static const char * const actors[] = { "an", "chi", "lan", "phuong", "quan" };

static void
worker_save (ToaStore *store,
             GRand    *rand,
             gint64   *known,
             int       worker,
             int       op,
             GString  *log)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = toa_article_content_new ();
  g_autofree char *hash = NULL;
  int index = g_rand_int_range (rand, 0, N_ARTICLES);
  gint64 id = index + 1;
  gint64 version = 0;

  /* Half the time, save from what we saw earlier: someone may have saved
   * since, and the store must notice. */
  if (known[index] == 0 || g_rand_boolean (rand))
    {
      g_autoptr(ToaArticle) article = toa_store_get_article (store, id, &error);

      g_assert_no_error (error);
      known[index] = article->version;
    }
  content->title = g_strdup_printf ("Bản %d-%d của tiến trình %d", worker, op, worker);
  content->body = toa_body_from_plain_text ("Nội dung thử nghiệm đồng thời.");
  hash = toa_article_content_hash (content, NULL);

  if (toa_store_save_revision (store, id, known[index], content, "an", &version, &error))
    {
      g_string_append_printf (log, "SAVED %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s %s\n",
                              id, version, hash, content->title);
      known[index] = version;
    }
  else if (g_error_matches (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT))
    {
      g_string_append_printf (log, "CONFLICT %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                              id, known[index], version);
      known[index] = version;
    }
  else
    {
      /* Archived articles cannot be edited; nothing else may fail. */
      g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_WRONG_STATUS);
      g_string_append_printf (log, "REFUSED %" G_GINT64_FORMAT "\n", id);
    }
}

static void
worker_transition (ToaStore *store,
                   GRand    *rand,
                   GString  *log)
{
  g_autoptr(GError) error = NULL;
  const char * const *actions = toa_workflow_list_actions ();
  guint n_actions = g_strv_length ((char **) actions);
  const char *action = actions[g_rand_int_range (rand, 0, n_actions)];
  const char *actor = actors[g_rand_int_range (rand, 0, G_N_ELEMENTS (actors))];
  gint64 id = g_rand_int_range (rand, 0, N_ARTICLES) + 1;

  if (toa_store_transition (store, id, action, actor, "Ý kiến thử nghiệm", &error))
    g_string_append_printf (log, "MOVED %" G_GINT64_FORMAT " %s\n", id, action);
  else
    {
      /* Refusals are the workflow's, never the database's (busy, …). */
      g_assert_true (error->domain == TOA_WORKFLOW_ERROR);
      g_string_append_printf (log, "REFUSED %" G_GINT64_FORMAT "\n", id);
    }
}

static int
run_worker (int         worker,
            const char *db,
            const char *log_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaStore) store = toa_store_open (db, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1000 + worker);
  g_autoptr(GString) log = g_string_new (NULL);
  gint64 known[N_ARTICLES] = { 0 };

  g_assert_no_error (error);
  for (int op = 0; op < N_OPERATIONS; op++)
    {
      if (g_rand_int_range (rand, 0, 10) < 6)
        worker_save (store, rand, known, worker, op, log);
      else
        worker_transition (store, rand, log);
    }
  g_file_set_contents (log_path, log->str, log->len, &error);
  g_assert_no_error (error);
  return 0;
}

typedef struct
{
  guint saves;
  guint conflicts;
  guint moves;
} Tally;

/* Every acknowledged save is in the database with its hash, under the
 * version it was acknowledged with; no two saves got the same version. */
static void
check_log (const char *db,
           const char *text,
           GHashTable *versions_seen,
           Tally      *tally)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", 5);

      if (g_str_equal (f[0], "SAVED"))
        {
          g_autofree char *key = g_strdup_printf ("%s/%s", f[1], f[2]);
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM revisions WHERE article_id = %s "
                                                  "AND hash = '%s' AND title = '%s'", f[1], f[3], f[4]);

          g_assert_cmpint (newsroom_sql_int (db, sql), ==, 1);
          g_assert_false (g_hash_table_contains (versions_seen, key));
          g_hash_table_add (versions_seen, g_steal_pointer (&key));
          tally->saves++;
        }
      else if (g_str_equal (f[0], "CONFLICT"))
        {
          /* The conflict names a newer version than the one expected. */
          g_assert_cmpint (g_ascii_strtoll (f[3], NULL, 10), >, g_ascii_strtoll (f[2], NULL, 10));
          tally->conflicts++;
        }
      else if (g_str_equal (f[0], "MOVED"))
        tally->moves++;
    }
}

static void
seed_database (Newsroom *n)
{
  for (int i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bài chung số %d", i + 1);

      g_assert_cmpint (newsroom_article (n, "an", title), ==, i + 1);
    }
  g_clear_object (&n->store);
}

static void
test_eight_processes (Newsroom      *n,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autoptr(GHashTable) versions_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ToaStore) store = NULL;
  g_autofree char *report = NULL;
  GSubprocess *workers[N_WORKERS];
  char *logs[N_WORKERS];
  Tally tally = { 0 };
  gint64 version_sum;

  g_assert_no_error (error);
  seed_database (n);

  for (int w = 0; w < N_WORKERS; w++)
    {
      g_autofree char *number = g_strdup_printf ("%d", w);

      logs[w] = g_strdup_printf ("%s/worker-%d.log", n->dir, w);
      workers[w] = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self, "--worker", number, n->path,
                                     logs[w], NULL);
      g_assert_no_error (error);
    }
  for (int w = 0; w < N_WORKERS; w++)
    {
      g_subprocess_wait_check (workers[w], NULL, &error);
      g_assert_no_error (error);
    }
  for (int w = 0; w < N_WORKERS; w++)
    {
      g_autofree char *text = NULL;

      g_file_get_contents (logs[w], &text, NULL, &error);
      g_assert_no_error (error);
      check_log (n->path, text, versions_seen, &tally);
      g_object_unref (workers[w]);
      g_free (logs[w]);
    }

  g_test_message ("%u saves, %u conflicts, %u transitions acknowledged", tally.saves, tally.conflicts,
                  tally.moves);
  /* Contention really happened, and nothing went unaccounted. */
  g_assert_cmpuint (tally.conflicts, >, 0);
  g_assert_cmpuint (tally.saves, >, 0);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM revisions"), ==, N_ARTICLES + tally.saves);
  version_sum = newsroom_sql_int (n->path, "SELECT sum(version - 1) FROM articles");
  g_assert_cmpint (version_sum, ==, tally.saves);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM transitions WHERE action NOT IN ('create', 'void')"),
                   ==, tally.moves);

  store = toa_store_open (n->path, &error);
  g_assert_no_error (error);
  g_assert_true (toa_store_check (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
}

int
main (int    argc,
      char **argv)
{
  if (argc == 5 && g_str_equal (argv[1], "--worker"))
    return run_worker (atoi (argv[2]), argv[3], argv[4]);

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/concurrency/eight-processes", Newsroom, NULL, newsroom_setup, test_eight_processes,
              newsroom_teardown);
  return g_test_run ();
}
