/* toa-store-history.c — which revisions a reviewer compares, and
 * restoring an older revision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-review.h"
#include "toa-store-private.h"

/* The revision and the row id of the newest trail row with @action, 0
 * when none. */
static gboolean
last_revision_of (ToaStore    *self,
                  gint64       article_id,
                  const char  *action,
                  gint64      *revision_id,
                  gint64      *row_id,
                  GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  *revision_id = 0;
  *row_id = 0;
  stmt = toa_store_prepare (self, "SELECT revision_id, id FROM transitions WHERE article_id = ? AND action = ? "
                                  "ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  toa_bind_text (stmt, 2, action);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *revision_id = sqlite3_column_int64 (stmt, 0);
      *row_id = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    return toa_store_fail (self, rc, error);
  return TRUE;
}

static gint64
parent_of (ToaStore    *self,
           gint64       revision_id,
           GError     **error)
{
  g_autoptr(ToaRevision) revision = toa_store_get_revision (self, revision_id, error);

  if (revision == NULL)
    return -1;
  return revision->parent_id;
}

/**
 * toa_store_get_default_comparison:
 * @self: a #ToaStore
 * @article_id: the article
 * @from_revision: (out): the older revision, 0 when the article has only one
 * @to_revision: (out): the article's current revision
 * @error: return location for a #GError
 *
 * Picks what a reviewer sees first: the current revision against the
 * published one when the article is live (a correction), else against
 * the last approved revision, else against the revision last returned
 * to the author after that approval (so that a resubmission shows only
 * the new changes), else against the previous revision. A candidate
 * equal to the current revision is skipped.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_get_default_comparison (ToaStore     *self,
                                  gint64        article_id,
                                  gint64       *from_revision,
                                  gint64       *to_revision,
                                  GError      **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaArticle) article = NULL;
  gint64 candidates[3] = { 0 };
  gint64 approve_row, return_row;
  gint64 parent;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (from_revision != NULL && to_revision != NULL, FALSE);

  article = toa_store_get_article (self, article_id, error);
  if (article == NULL)
    return FALSE;
  candidates[0] = article->published_revision;
  if (!last_revision_of (self, article_id, "approve", &candidates[1], &approve_row, error) ||
      !last_revision_of (self, article_id, "return", &candidates[2], &return_row, error))
    return FALSE;
  /* A return before the last approval was dealt with long ago. */
  if (return_row < approve_row)
    candidates[2] = 0;

  *to_revision = article->current_revision;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != 0 && candidates[i] != article->current_revision)
      {
        *from_revision = candidates[i];
        return TRUE;
      }
  parent = parent_of (self, article->current_revision, error);
  if (parent < 0)
    return FALSE;
  *from_revision = parent;
  return TRUE;
}

/**
 * toa_store_diff_revisions:
 * @self: a #ToaStore
 * @from_revision: the older revision, or 0 for nothing (everything is new)
 * @to_revision: the newer revision
 * @error: return location for a #GError
 *
 * Compares two revisions of one article field by field, see
 * toa_diff_content(). Fails with %TOA_STORE_ERROR_INVALID when they
 * belong to different articles.
 *
 * Returns: (transfer full) (element-type ToaFieldDiff): the fields, or %NULL
 */
GPtrArray *
toa_store_diff_revisions (ToaStore     *self,
                          gint64        from_revision,
                          gint64        to_revision,
                          GError      **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaRevision) from = NULL;
  g_autoptr(ToaRevision) to = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  to = toa_store_get_revision (self, to_revision, error);
  if (to == NULL)
    return NULL;
  if (from_revision != 0)
    {
      from = toa_store_get_revision (self, from_revision, error);
      if (from == NULL)
        return NULL;
      if (from->article_id != to->article_id)
        {
          g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                       _("Revisions %lld and %lld belong to different articles"),
                       (long long) from_revision, (long long) to_revision);
          return NULL;
        }
    }
  return toa_diff_content (from ? from->content : NULL, to->content);
}

static gboolean
record_restore (ToaStore          *self,
                const ToaArticle  *article,
                gint64             restored,
                const char        *actor_login,
                GError           **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *comment = g_strdup_printf (_("Restored revision %lld"), (long long) restored);
  const char *status = toa_article_status_to_string (article->status);

  stmt = toa_store_prepare (self,
                            "INSERT INTO transitions (article_id, action, from_status, to_status, actor, "
                            "created, comment, revision_id, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article->id);
  toa_bind_text (stmt, 2, TOA_REVIEW_ACTION_RESTORE_REVISION);
  toa_bind_text (stmt, 3, status);
  toa_bind_text (stmt, 4, status);
  toa_bind_text (stmt, 5, actor_login);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  toa_bind_text (stmt, 7, comment);
  sqlite3_bind_int64 (stmt, 8, article->current_revision);
  toa_bind_text (stmt, 9, article->current_hash);
  if (!toa_store_begin (self, error))
    return FALSE;
  if (!toa_store_step_done (self, stmt, error))
    {
      toa_store_rollback (self);
      return FALSE;
    }
  return toa_store_commit (self, error);
}

static ToaRevision *
revision_of_article (ToaStore    *self,
                     gint64       article_id,
                     gint64       revision_id,
                     GError     **error)
{
  g_autoptr(ToaRevision) revision = toa_store_get_revision (self, revision_id, error);

  if (revision == NULL)
    return NULL;
  if (revision->article_id != article_id)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                   _("Article %lld has no revision %lld"), (long long) article_id,
                   (long long) revision_id);
      return NULL;
    }
  return g_steal_pointer (&revision);
}

/**
 * toa_store_restore_revision:
 * @self: a #ToaStore
 * @article_id: the article
 * @revision_id: the older revision whose content comes back
 * @expected_version: the article version the user looked at
 * @actor_login: who restores (must be allowed to edit the article)
 * @error: return location for a #GError
 *
 * Saves the content of @revision_id as a new revision through
 * toa_store_save_revision() — nothing is ever overwritten — and records a
 * %TOA_REVIEW_ACTION_RESTORE_REVISION row in the trail. Fails with
 * %TOA_STORE_ERROR_INVALID when that content is already the current one.
 *
 * Returns: the new revision's id, 0 on error
 */
gint64
toa_store_restore_revision (ToaStore     *self,
                            gint64        article_id,
                            gint64        revision_id,
                            gint64        expected_version,
                            const char   *actor_login,
                            GError      **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaRevision) revision = NULL;
  g_autoptr(ToaArticle) before = NULL;
  g_autoptr(ToaArticle) after = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), 0);
  g_return_val_if_fail (actor_login != NULL, 0);

  before = toa_store_get_article (self, article_id, error);
  if (before == NULL)
    return 0;
  revision = revision_of_article (self, article_id, revision_id, error);
  if (revision == NULL)
    return 0;
  if (g_strcmp0 (revision->hash, before->current_hash) == 0)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("Revision %lld is the article’s current content; there is nothing to restore"),
                   (long long) revision_id);
      return 0;
    }
  if (!toa_store_save_revision (self, article_id, expected_version, revision->content, actor_login,
                                NULL, error))
    return 0;
  /* The trail row is a second transaction: should it fail, the restored
   * content is saved all the same and shows in the revisions. */
  after = toa_store_get_article (self, article_id, error);
  if (after == NULL || !record_restore (self, after, revision_id, actor_login, error))
    return 0;
  return after->current_revision;
}
