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
                       Built                  *built,
                       GError                **error)
{
  g_autoptr(ToaUser) user = toa_store_require_user (self, query->waiting_for, error);

  if (user == NULL)
    return FALSE;
  g_string_append (built->sql, " AND a.status = 'submitted'");
  if ((user->roles & TOA_ROLE_LEADER) == 0)
    {
      if ((user->roles & TOA_ROLE_APPROVER) == 0 || user->office == NULL)
        built->nothing = TRUE;
      built->waiting_office = g_strdup (user->office);
      g_string_append (built->sql, " AND a.office = :waiting_office");
    }
  if (!toa_store_allows_self_approval (self))
    {
      built->waiting_login = g_strdup (user->login);
      g_string_append (built->sql, " AND r.author <> :waiting_login");
    }
  return TRUE;
}

static gboolean
build_query (ToaStore               *self,
             const ToaArticleQuery  *query,
             const char             *select,
             gboolean                ordered,
             Built                  *built,
             GError                **error)
{
  built->sql = g_string_new ("SELECT ");
  g_string_append (built->sql, select);

  if (query->text != NULL)
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
      /* The index drives the search: CROSS JOIN keeps it the outer loop. */
      g_string_append (built->sql, " FROM article_fts CROSS JOIN articles a ON a.id = article_fts.rowid"
                                   " JOIN revisions r ON r.id = a.current_revision"
                                   " WHERE article_fts MATCH :match AND a.deleted = 0");
    }
  else
    g_string_append (built->sql, " FROM articles a JOIN revisions r ON r.id = a.current_revision"
                                 " WHERE a.deleted = 0");

  append_status_filter (built->sql, query->status_mask);
  if (query->office != NULL)
    g_string_append (built->sql, " AND a.office = :office");
  if (query->category_id != 0)
    g_string_append (built->sql, " AND a.category_id = :category");
  if (query->author != NULL)
    g_string_append (built->sql, " AND a.author = :author");
  if (query->updated_after != 0)
    g_string_append (built->sql, " AND a.updated >= :after");
  if (query->updated_before != 0)
    g_string_append (built->sql, " AND a.updated < :before");
  if (query->waiting_for != NULL && !append_waiting_filter (self, query, built, error))
    return FALSE;

  if (!ordered)
    return TRUE;
  if (query->text != NULL)
    {
      if (built->exact != NULL)
        g_string_append (built->sql, " ORDER BY a.id IN (SELECT rowid FROM article_fts_exact"
                                     " WHERE article_fts_exact MATCH :exact) DESC, article_fts.rank, a.id DESC");
      else
        g_string_append (built->sql, " ORDER BY article_fts.rank, a.id DESC");
    }
  else
    g_string_append (built->sql, " ORDER BY a.updated DESC, a.id DESC");
  g_string_append (built->sql, " LIMIT :limit OFFSET :offset");
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

/**
 * toa_store_list_articles:
 * @self: a #ToaStore
 * @query: (nullable): filters; %NULL lists everything
 * @offset: rows to skip
 * @limit: rows to return at most
 * @error: return location for a #GError
 *
 * One page of articles (never deleted ones): newest change first, or by
 * search rank when @query has text — exact-diacritic matches first when
 * the text has diacritics. The rows carry the current revision's content
 * without its body (fetch that with toa_store_get_article()).
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
  g_auto(Built) built = { 0 };
  g_autoptr(ToaStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_article_free);
  ToaArticleQuery everything = { 0 };
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  if (query == NULL)
    query = &everything;
  if (!build_query (self, query, LIST_COLUMNS, TRUE, &built, error))
    return NULL;
  if (built.nothing)
    return g_steal_pointer (&list);
  stmt = toa_store_prepare (self, built.sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, &built);
  bind_named_int (stmt, ":limit", limit);
  bind_named_int (stmt, ":offset", offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, toa_store_article_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
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
  g_auto(Built) built = { 0 };
  g_autoptr(ToaStmt) stmt = NULL;
  ToaArticleQuery everything = { 0 };
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), -1);

  if (query == NULL)
    query = &everything;
  if (!build_query (self, query, "count(*)", FALSE, &built, error))
    return -1;
  if (built.nothing)
    return 0;
  stmt = toa_store_prepare (self, built.sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_query (stmt, query, &built);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      toa_store_fail (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
