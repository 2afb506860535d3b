/* toa-store-list.c — listing, counting and searching articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-store-private.h"
#include "toa-vn-fold.h"


static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
append_term (GString    *out,
             const char *raw,
             gsize       len,
             gboolean    prefix,
             gboolean    exact)
{
  g_autofree char *term = g_strndup (raw, len);
  g_autofree char *folded = exact ? toa_vn_fold_exact (term) : toa_vn_fold (term);

  if (!has_alnum (folded))
    return;
  /* Every term is quoted, so FTS5 operators and punctuation typed by the
   * user are searched for, never interpreted. */
  g_string_append_c (out, '"');
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, prefix ? "\"* " : "\" ");
}

/**
 * toa_store_build_match: (skip)
 * @text: what the user typed: words, "quoted phrases", prefix*
 * @exact: keep diacritics (for the exact-match index)
 *
 * Returns: (transfer full) (nullable): an FTS5 query, %NULL when @text
 *   holds nothing to search for
 */
char *
toa_store_build_match (const char *text,
                       gboolean    exact)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      gboolean prefix = FALSE;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');

          start = p + 1;
          end = end != NULL ? end : start + strlen (start);
          prefix = end[0] == '"' && end[1] == '*';
          append_term (out, start, end - start, prefix, exact);
          p = end[0] == '\0' ? end : end + 1 + prefix;
          continue;
        }
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p) && *p != '"')
        p++;
      prefix = p - start > 1 && p[-1] == '*';
      append_term (out, start, (p - start) - prefix, prefix, exact);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GString  *sql;
  GString  *exact_sql;      /* exact-diacritic matches, searched first */
  GString  *exact_count_sql;
  char     *match;
  char     *exact;
  char     *waiting_office;
  char     *waiting_login;
  gboolean  nothing;        /* the query can match no article */
} Built;

static void
built_clear (Built *built)
{
  if (built->sql != NULL)
    g_string_free (built->sql, TRUE);
  if (built->exact_sql != NULL)
    g_string_free (built->exact_sql, TRUE);
  if (built->exact_count_sql != NULL)
    g_string_free (built->exact_count_sql, TRUE);
  g_free (built->match);
  g_free (built->exact);
  g_free (built->waiting_office);
  g_free (built->waiting_login);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Built, built_clear)

static void
append_status_filter (GString *sql,
                      guint    mask)
{
  gboolean first = TRUE;

  if (mask == 0)
    return;
  g_string_append (sql, " AND a.status IN (");
  for (guint s = 0; s < TOA_ARTICLE_N_STATUSES; s++)
    if (mask & TOA_STATUS_BIT (s))
      {
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", toa_article_status_to_string (s));
        first = FALSE;
      }
  if (first)
    g_string_append (sql, "NULL");
  g_string_append_c (sql, ')');
}

/* "Waiting for my approval": what the approve action would accept. */
static gboolean
append_waiting_filter (ToaStore               *self,
                       const ToaArticleQuery  *query,
                       GString                *where,
                       Built                  *built,
                       GError                **error)
{
  g_autoptr(ToaUser) user = toa_store_require_user (self, query->waiting_for, error);

  if (user == NULL)
    return FALSE;
  g_string_append (where, " AND a.status = 'submitted'");
  if ((user->roles & TOA_ROLE_LEADER) == 0)
    {
      if ((user->roles & TOA_ROLE_APPROVER) == 0 || user->office == NULL)
        built->nothing = TRUE;
      built->waiting_office = g_strdup (user->office);
      g_string_append (where, " AND a.office = :waiting_office");
    }
  if (!toa_store_allows_self_approval (self))
    {
      built->waiting_login = g_strdup (user->login);
      g_string_append (where, " AND r.author <> :waiting_login");
    }
  return TRUE;
}

static void
append_filters (const ToaArticleQuery *query,
                GString               *where)
{
  append_status_filter (where, query->status_mask);
  if (query->office != NULL)
    g_string_append (where, " AND a.office = :office");
  if (query->category_id != 0)
    g_string_append (where, " AND a.category_id = :category");
  if (query->author != NULL)
    g_string_append (where, " AND a.author = :author");
  if (query->updated_after != 0)
    g_string_append (where, " AND a.updated >= :after");
  if (query->updated_before != 0)
    g_string_append (where, " AND a.updated < :before");
}

static gboolean
prepare_text (const ToaArticleQuery  *query,
              Built                  *built,
              GError                **error)
{
  if (!g_utf8_validate (query->text, -1, NULL))
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The search text is not valid UTF-8 text"));
      return FALSE;
    }
  built->match = toa_store_build_match (query->text, FALSE);
  built->nothing = built->match == NULL;
  if (toa_vn_has_diacritics (query->text))
    built->exact = toa_store_build_match (query->text, TRUE);
  return TRUE;
}

/* One page of one FTS table's matches, newest first: the page's ids are
 * chosen from the index (which streams them in rowid order and stops at
 * the page), then joined to their columns, so that only the page's rows
 * are read in full. */
static void
append_page_sql (GString    *sql,
                 const char *select,
                 const char *table,
                 const char *param,
                 const char *from_where,
                 const char *exclude)
{
  g_string_append_printf (sql, "SELECT %s FROM (SELECT %s.rowid AS hit_id FROM %s CROSS JOIN articles a"
                               " ON a.id = %s.rowid%s AND %s MATCH %s%s"
                               " ORDER BY %s.rowid DESC LIMIT :limit OFFSET :offset) hits"
                               " CROSS JOIN articles a ON a.id = hits.hit_id"
                               " JOIN revisions r ON r.id = a.current_revision"
                               " ORDER BY hits.hit_id DESC",
                          select, table, table, table, from_where, table, param, exclude, table);
}

/* Search results: exact-diacritic matches first (when the query has
 * diacritics), then the other matches; newest first within each. Not
 * bm25: ranking visits every match, which for a syllable as common as
 * "công" in this newsroom's archive is most of it, while newest-first
 * stops at the page. toa_store_list_articles() runs the exact part
 * first and the rest only when the page is not full. */
static void
build_search (const char *select,
              gboolean    ordered,
              gboolean    needs_revision,
              GString    *where,
              Built      *built)
{
  g_autofree char *from_where = g_strdup_printf ("%s WHERE a.deleted = 0%s",
                                                 needs_revision ? " JOIN revisions r ON r.id = a.current_revision" : "",
                                                 where->str);

  if (!ordered)
    {
      g_string_append_printf (built->sql, "SELECT %s FROM article_fts CROSS JOIN articles a"
                                          " ON a.id = article_fts.rowid%s AND article_fts MATCH :match",
                              select, from_where);
      return;
    }
  if (built->exact == NULL)
    {
      append_page_sql (built->sql, select, "article_fts", ":match", from_where, "");
      return;
    }
  built->exact_sql = g_string_new (NULL);
  append_page_sql (built->exact_sql, select, "article_fts_exact", ":exact", from_where, "");
  built->exact_count_sql = g_string_new (NULL);
  g_string_append_printf (built->exact_count_sql, "SELECT count(*) FROM article_fts_exact CROSS JOIN articles a"
                                                  " ON a.id = article_fts_exact.rowid%s"
                                                  " AND article_fts_exact MATCH :exact", from_where);
  append_page_sql (built->sql, select, "article_fts", ":match", from_where,
                   " AND article_fts.rowid NOT IN (SELECT rowid FROM article_fts_exact"
                   " WHERE article_fts_exact MATCH :exact)");
}

static gboolean
build_query (ToaStore               *self,
             const ToaArticleQuery  *query,
             const char             *select,
             gboolean                ordered,
             Built                  *built,
             GError                **error)
{
  g_autoptr(GString) where = g_string_new (NULL);

  append_filters (query, where);
  if (query->waiting_for != NULL && !append_waiting_filter (self, query, where, built, error))
    return FALSE;

  built->sql = g_string_new (NULL);
  if (query->text != NULL)
    {
      if (!prepare_text (query, built, error))
        return FALSE;
      /* Only the "waiting for" filter reads the revision (its author). */
      build_search (select, ordered, query->waiting_for != NULL, where, built);
      return TRUE;
    }
  if (ordered && query->waiting_for == NULL)
    {
      const char *order = query->oldest_first ? "a.updated ASC, a.id ASC" : "a.updated DESC, a.id DESC";

      /* The page's ids first, from an index alone (articles_by_* cover
       * the filters and the order), then only those rows joined to their
       * revisions: with the join inside, SQLite read every skipped row's
       * revision, 300 ms for a page 85,000 rows down. */
      g_string_append_printf (built->sql, "SELECT %s FROM (SELECT a.id AS page_id FROM articles a"
                                          " WHERE a.deleted = 0%s ORDER BY %s LIMIT :limit OFFSET :offset) page"
                                          " CROSS JOIN articles a ON a.id = page.page_id"
                                          " JOIN revisions r ON r.id = a.current_revision ORDER BY %s",
                              select, where->str, order, order);
      return TRUE;
    }
  g_string_append_printf (built->sql, "SELECT %s FROM articles a JOIN revisions r ON r.id = a.current_revision"
                                      " WHERE a.deleted = 0%s", select, where->str);
  if (ordered && query->oldest_first)
    g_string_append (built->sql, " ORDER BY a.updated ASC, a.id ASC LIMIT :limit OFFSET :offset");
  else if (ordered)
    g_string_append (built->sql, " ORDER BY a.updated DESC, a.id DESC LIMIT :limit OFFSET :offset");
  return TRUE;
}

static void
bind_named_text (ToaStmt    *stmt,
                 const char *name,
                 const char *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    toa_bind_text (stmt, index, value);
}

static void
bind_named_int (ToaStmt    *stmt,
                const char *name,
                gint64      value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_query (ToaStmt               *stmt,
            const ToaArticleQuery *query,
            const Built           *built)
{
  bind_named_text (stmt, ":match", built->match);
  bind_named_text (stmt, ":exact", built->exact);
  bind_named_text (stmt, ":office", query->office);
  bind_named_int (stmt, ":category", query->category_id);
  bind_named_text (stmt, ":author", query->author);
  bind_named_int (stmt, ":after", query->updated_after);
  bind_named_int (stmt, ":before", query->updated_before);
  bind_named_text (stmt, ":waiting_office", built->waiting_office);
  bind_named_text (stmt, ":waiting_login", built->waiting_login);
}

#define LIST_COLUMNS \
  "a.id, a.office, a.category_id, a.status, a.current_revision, a.approved_revision, " \
  "a.approved_hash, a.published_revision, a.author, a.submitted_by, a.version, a.created, " \
  "a.updated, a.deleted, r.hash, r.author, r.title, r.lead, r.byline, r.category, " \
  "r.event_date, r.display_date, r.tags"

static gboolean
run_page (ToaStore               *self,
          const char             *sql,
          const ToaArticleQuery  *query,
          const Built            *built,
          guint                   offset,
          guint                   limit,
          GPtrArray              *list,
          GError                **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, query, built);
  bind_named_int (stmt, ":limit", limit);
  bind_named_int (stmt, ":offset", offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, toa_store_article_from_row (stmt));
  if (rc != SQLITE_DONE)
    return toa_store_fail (self, rc, error);
  return TRUE;
}

static gint64
run_count (ToaStore               *self,
           const char             *sql,
           const ToaArticleQuery  *query,
           const Built            *built,
           GError                **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  bind_query (stmt, query, built);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      toa_store_fail (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Exact-diacritic matches fill the page first; the other matches follow
 * them, so their offset is counted past all exact ones. */
static gboolean
run_exact_first (ToaStore               *self,
                 const ToaArticleQuery  *query,
                 const Built            *built,
                 guint                   offset,
                 guint                   limit,
                 GPtrArray              *list,
                 GError                **error)
{
  gint64 n_exact;

  if (!run_page (self, built->exact_sql->str, query, built, offset, limit, list, error))
    return FALSE;
  if (list->len >= limit)
    return TRUE;
  if (list->len > 0)
    n_exact = (gint64) offset + list->len;
  else
    n_exact = run_count (self, built->exact_count_sql->str, query, built, error);
  if (n_exact < 0)
    return FALSE;
  return run_page (self, built->sql->str, query, built, offset > n_exact ? offset - n_exact : 0,
                   limit - list->len, list, error);
}

/**
 * toa_store_list_articles:
 * @self: a #ToaStore
 * @query: (nullable): filters; %NULL lists everything
 * @offset: rows to skip
 * @limit: rows to return at most
 * @error: return location for a #GError
 *
 * One page of articles (never deleted ones): newest change first. With
 * search text, newest first too, but exact-diacritic matches before the
 * others when the text has diacritics. The rows carry the current
 * revision's content without its body (fetch that with
 * toa_store_get_article()).
 *
 * Returns: (transfer full) (element-type ToaArticle) (nullable): the page
 */
GPtrArray *
toa_store_list_articles (ToaStore               *self,
                         const ToaArticleQuery  *query,
                         guint                   offset,
                         guint                   limit,
                         GError                **error)
{
  TOA_STORE_LOCK (self);
  g_auto(Built) built = { 0 };
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_article_free);
  ToaArticleQuery everything = { 0 };
  gboolean ok;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  if (query == NULL)
    query = &everything;
  if (!build_query (self, query, LIST_COLUMNS, TRUE, &built, error))
    return NULL;
  if (built.nothing)
    return g_steal_pointer (&list);
  if (built.exact_sql != NULL)
    ok = run_exact_first (self, query, &built, offset, limit, list, error);
  else
    ok = run_page (self, built.sql->str, query, &built, offset, limit, list, error);
  return ok ? g_steal_pointer (&list) : NULL;
}

/**
 * toa_store_count_articles:
 * @self: a #ToaStore
 * @query: (nullable): the same filters as toa_store_list_articles()
 * @error: return location for a #GError
 *
 * Returns: how many articles match, -1 on error
 */
gint64
toa_store_count_articles (ToaStore               *self,
                          const ToaArticleQuery  *query,
                          GError                **error)
{
  TOA_STORE_LOCK (self);
  g_auto(Built) built = { 0 };
  ToaArticleQuery everything = { 0 };

  g_return_val_if_fail (TOA_IS_STORE (self), -1);

  if (query == NULL)
    query = &everything;
  if (!build_query (self, query, "count(*)", FALSE, &built, error))
    return -1;
  if (built.nothing)
    return 0;
  return run_count (self, built.sql->str, query, &built, error);
}
