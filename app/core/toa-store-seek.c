/* toa-store-seek.c — list pages found by key instead of by offset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * toa_store_list_articles() pages with LIMIT/OFFSET: SQLite reads and
 * joins every skipped row, so page 1,900 of 100,000 articles costs a
 * hundred times page 1 (tens of milliseconds, a dropped frame on every
 * page while the list scrolls). The list's order (updated DESC, id DESC)
 * is a total order that the articles_by_* indexes hold, so a page that
 * starts right after a known row is one index seek plus 50 rows, however
 * deep in the list it is. Search results have no such key (they are in
 * FTS rowid order, exact matches first) and stay with offsets.
 */
#include "config.h"

#include "toa-store-private.h"
#include "toa-store-seek.h"

/* The columns toa_store_article_from_row() reads, as in toa-store-list.c. */
#define SEEK_COLUMNS \
  "a.id, a.office, a.category_id, a.status, a.current_revision, a.approved_revision, " \
  "a.approved_hash, a.published_revision, a.author, a.submitted_by, a.version, a.created, " \
  "a.updated, a.deleted, r.hash, r.author, r.title, r.lead, r.byline, r.category, " \
  "r.event_date, r.display_date, r.tags"

/**
 * toa_store_can_seek:
 * @query: (nullable): filters
 *
 * Whether toa_store_list_articles_after() accepts @query: any filter but
 * search text and "waiting for my approval".
 *
 * Returns: %TRUE when the query's pages can be found by key
 */
gboolean
toa_store_can_seek (const ToaArticleQuery *query)
{
  /* Keys run newest first; an oldest-first list keeps offset paging. */
  return query == NULL ||
         (query->text == NULL && query->waiting_for == NULL && !query->oldest_first);
}

static void
append_filters (const ToaArticleQuery *query,
                GString               *sql)
{
  if (query->status_mask != 0)
    {
      const char *separator = "";

      g_string_append (sql, " AND a.status IN (");
      for (guint s = 0; s < TOA_ARTICLE_N_STATUSES; s++)
        if (query->status_mask & TOA_STATUS_BIT (s))
          {
            g_string_append_printf (sql, "%s'%s'", separator, toa_article_status_to_string (s));
            separator = ", ";
          }
      g_string_append (sql, *separator == '\0' ? "NULL)" : ")");
    }
  if (query->office != NULL)
    g_string_append (sql, " AND a.office = :office");
  if (query->category_id != 0)
    g_string_append (sql, " AND a.category_id = :category");
  if (query->author != NULL)
    g_string_append (sql, " AND a.author = :author");
  if (query->updated_after != 0)
    g_string_append (sql, " AND a.updated >= :after");
  if (query->updated_before != 0)
    g_string_append (sql, " AND a.updated < :before");
}

/* Rows past the key in list order (newest first), or, @before, the rows
 * just ahead of it: those are read in the reverse order and flipped. */
static char *
build_sql (const ToaArticleQuery *query,
           gboolean               before)
{
  GString *sql = g_string_new ("SELECT " SEEK_COLUMNS " FROM articles a"
                               " JOIN revisions r ON r.id = a.current_revision WHERE a.deleted = 0");

  append_filters (query, sql);
  if (before)
    g_string_append (sql, " AND (a.updated > :updated OR (a.updated = :updated AND a.id > :id))"
                          " ORDER BY a.updated ASC, a.id ASC LIMIT :limit");
  else
    g_string_append (sql, " AND (a.updated < :updated OR (a.updated = :updated AND a.id < :id))"
                          " ORDER BY a.updated DESC, a.id DESC LIMIT :limit");
  return g_string_free (sql, FALSE);
}

static void
bind_text (ToaStmt    *stmt,
           const char *name,
           const char *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    toa_bind_text (stmt, index, value);
}

static void
bind_int (ToaStmt    *stmt,
          const char *name,
          gint64      value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_filters (ToaStmt               *stmt,
              const ToaArticleQuery *query)
{
  bind_text (stmt, ":office", query->office);
  bind_int (stmt, ":category", query->category_id);
  bind_text (stmt, ":author", query->author);
  bind_int (stmt, ":after", query->updated_after);
  bind_int (stmt, ":before", query->updated_before);
}

static void
reverse (GPtrArray *list)
{
  for (guint i = 0, j = list->len; i + 1 < j; i++, j--)
    {
      gpointer tmp = list->pdata[i];

      list->pdata[i] = list->pdata[j - 1];
      list->pdata[j - 1] = tmp;
    }
}

/**
 * toa_store_list_articles_after:
 * @self: a #ToaStore
 * @query: (nullable): filters; toa_store_can_seek() must accept them
 * @updated: the key row's update time
 * @id: the key row's article id
 * @before: %FALSE for the rows that follow the key row in the list,
 *   %TRUE for the rows that precede it
 * @limit: rows to return at most
 * @error: return location for a #GError
 *
 * One page of toa_store_list_articles()'s list (same rows, same order),
 * found from a neighbouring row instead of an offset: its cost does not
 * grow with the depth of the page. The key row itself need not exist any
 * more. With @before, the page is the @limit rows right before the key,
 * still newest first.
 *
 * Returns: (transfer full) (element-type ToaArticle) (nullable): the page
 */
GPtrArray *
toa_store_list_articles_after (ToaStore               *self,
                               const ToaArticleQuery  *query,
                               gint64                  updated,
                               gint64                  id,
                               gboolean                before,
                               guint                   limit,
                               GError                **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_article_free);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  ToaArticleQuery everything = { 0 };
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);
  g_return_val_if_fail (toa_store_can_seek (query), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query == NULL)
    query = &everything;
  sql = build_sql (query, before);
  stmt = toa_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_filters (stmt, query);
  bind_int (stmt, ":updated", updated);
  bind_int (stmt, ":id", id);
  bind_int (stmt, ":limit", limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, toa_store_article_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  if (before)
    reverse (list);
  return g_steal_pointer (&list);
}

/**
 * toa_store_count_seekable:
 * @self: a #ToaStore
 * @query: (nullable): filters; toa_store_can_seek() must accept them
 * @error: return location for a #GError
 *
 * toa_store_count_articles() for the queries the list pages by key, without
 * the join to the revisions: an article listed is one with a current
 * revision (the foreign key guarantees that it exists), and reading the
 * revisions' rows, bodies and all, made the count of 100,000 articles
 * take half a second, at start-up, on the window's thread. Nor does it test
 * articles.current_revision: the store gives an article its first revision
 * in the transaction that creates it. Filtered by status, office and
 * author only (every view of the window), it adds up rows of the
 * article_counts table; with a category or dates, it counts from one of
 * the articles_by_* indexes (10 ms for 95,000 articles).
 *
 * Returns: how many articles match, -1 on error
 */
gint64
toa_store_count_seekable (ToaStore               *self,
                          const ToaArticleQuery  *query,
                          GError                **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(GString) sql = NULL;
  g_autoptr(ToaStmt) stmt = NULL;
  ToaArticleQuery everything = { 0 };
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), -1);
  g_return_val_if_fail (toa_store_can_seek (query), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (query == NULL)
    query = &everything;
  /* Status, office and author are what article_counts (schema 4, kept by
   * triggers) counts by: a few rows to add up instead of an index to
   * walk. Its columns have the articles' names. */
  if (query->category_id == 0 && query->updated_after == 0 && query->updated_before == 0)
    sql = g_string_new ("SELECT coalesce (sum (a.n), 0) FROM article_counts a WHERE 1");
  else
    sql = g_string_new ("SELECT count(*) FROM articles a WHERE a.deleted = 0");
  append_filters (query, sql);
  stmt = toa_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_filters (stmt, query);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      toa_store_fail (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
