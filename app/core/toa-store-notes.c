/* toa-store-notes.c — review comments and soft edit locks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-store-private.h"

static gboolean
article_exists (ToaStore    *self,
                gint64       article_id,
                gint64      *current_revision,
                GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  stmt = toa_store_prepare (self, "SELECT current_revision FROM articles WHERE id = ? AND deleted = 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (current_revision != NULL)
        *current_revision = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return toa_store_fail (self, rc, error);
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
               _("There is no article %lld"), (long long) article_id);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gint64
insert_comment (ToaStore    *self,
                gint64       article_id,
                const char  *author_login,
                const char  *text,
                GError     **error)
{
  g_autoptr(ToaUser) author = NULL;
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  gint64 revision_id = 0;

  author = toa_store_require_actor (self, author_login, error);
  if (author == NULL || !article_exists (self, article_id, &revision_id, error))
    return 0;
  stmt = toa_store_prepare (self,
                            "INSERT INTO comments (article_id, revision_id, author, created, text) "
                            "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, article_id);
  toa_bind_id (stmt, 2, revision_id);
  toa_bind_text (stmt, 3, author->login);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  toa_bind_text (stmt, 5, g_strstrip (nfc));
  if (!toa_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * toa_store_add_comment:
 * @self: a #ToaStore
 * @article_id: the article; the comment is attached to its current revision
 * @author_login: who writes
 * @text: the comment
 * @error: return location for a #GError
 *
 * Returns: the new comment's id, 0 on error
 */
gint64
toa_store_add_comment (ToaStore    *self,
                       gint64       article_id,
                       const char  *author_login,
                       const char  *text,
                       GError     **error)
{
  TOA_STORE_LOCK (self);
  gint64 id;

  g_return_val_if_fail (TOA_IS_STORE (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  if (!g_utf8_validate (text, -1, NULL) || is_blank (text))
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The comment is empty or not valid UTF-8 text"));
      return 0;
    }
  if (!toa_store_begin (self, error))
    return 0;
  id = insert_comment (self, article_id, author_login, text, error);
  if (id == 0 || !toa_store_commit (self, error))
    {
      toa_store_rollback (self);
      return 0;
    }
  return id;
}

/**
 * toa_store_resolve_comment:
 *
 * Marks a comment resolved.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_resolve_comment (ToaStore    *self,
                           gint64       comment_id,
                           const char  *actor_login,
                           GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaUser) actor = NULL;
  g_autoptr(ToaStmt) stmt = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  actor = toa_store_require_actor (self, actor_login, error);
  if (actor == NULL)
    goto failed;
  stmt = toa_store_prepare (self, "UPDATE comments SET resolved = 1 WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, comment_id);
  if (!toa_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                   _("There is no comment %lld"), (long long) comment_id);
      goto failed;
    }
  return toa_store_commit (self, error);

failed:
  toa_store_rollback (self);
  return FALSE;
}

/**
 * toa_store_list_comments:
 *
 * Returns: (transfer full) (element-type ToaComment): oldest first
 */
GPtrArray *
toa_store_list_comments (ToaStore    *self,
                         gint64       article_id,
                         GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_comment_free);
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  if (!article_exists (self, article_id, NULL, error))
    return NULL;
  stmt = toa_store_prepare (self,
                            "SELECT id, article_id, revision_id, author, created, text, resolved "
                            "FROM comments WHERE article_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ToaComment *comment = g_new0 (ToaComment, 1);

      comment->id = sqlite3_column_int64 (stmt, 0);
      comment->article_id = sqlite3_column_int64 (stmt, 1);
      comment->revision_id = sqlite3_column_int64 (stmt, 2);
      comment->author = toa_column_dup (stmt, 3);
      comment->created = sqlite3_column_int64 (stmt, 4);
      comment->text = toa_column_dup (stmt, 5);
      comment->resolved = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (list, comment);
    }
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The live lock on @article_id, or NULL (no error) when there is none or
 * it expired. */
static ToaLock *
read_lock (ToaStore    *self,
           gint64       article_id,
           GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  stmt = toa_store_prepare (self, "SELECT article_id, login, host, heartbeat FROM locks "
                                  "WHERE article_id = ? AND heartbeat > ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () - TOA_STORE_LOCK_TIMEOUT_USEC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ToaLock *lock = g_new0 (ToaLock, 1);

      lock->article_id = sqlite3_column_int64 (stmt, 0);
      lock->login = toa_column_dup (stmt, 1);
      lock->host = toa_column_dup (stmt, 2);
      lock->heartbeat = sqlite3_column_int64 (stmt, 3);
      return lock;
    }
  if (rc != SQLITE_DONE)
    toa_store_fail (self, rc, error);
  return NULL;
}

static gboolean
held_by_other (const ToaLock  *lock,
               const char     *login,
               GError        **error)
{
  if (lock == NULL || g_strcmp0 (lock->login, login) == 0)
    return FALSE;
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT,
               _("%s is editing this article (on %s)"), lock->login,
               lock->host ? lock->host : "?");
  return TRUE;
}

static gboolean
lock_in_transaction (ToaStore    *self,
                     gint64       article_id,
                     const char  *login,
                     const char  *host,
                     GError     **error)
{
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(ToaLock) lock = NULL;
  g_autoptr(ToaStmt) stmt = NULL;
  GError *local = NULL;

  user = toa_store_require_actor (self, login, error);
  if (user == NULL || !article_exists (self, article_id, NULL, error))
    return FALSE;
  lock = read_lock (self, article_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (held_by_other (lock, login, error))
    return FALSE;
  stmt = toa_store_prepare (self, "INSERT OR REPLACE INTO locks (article_id, login, host, heartbeat) "
                                  "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  toa_bind_text (stmt, 2, login);
  toa_bind_text (stmt, 3, host);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  return toa_store_step_done (self, stmt, error);
}

/**
 * toa_store_lock_article:
 * @self: a #ToaStore
 * @article_id: the article
 * @login: who edits
 * @host: (nullable): the machine, shown to others (g_get_host_name ())
 * @error: return location for a #GError
 *
 * Takes the soft edit lock, or renews it (the heartbeat). Fails with
 * %TOA_STORE_ERROR_CONFLICT while someone else holds a live one.
 *
 * Returns: %TRUE when @login holds the lock
 */
gboolean
toa_store_lock_article (ToaStore    *self,
                        gint64       article_id,
                        const char  *login,
                        const char  *host,
                        GError     **error)
{
  TOA_STORE_LOCK (self);
  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  if (!lock_in_transaction (self, article_id, login, host, error))
    {
      toa_store_rollback (self);
      return FALSE;
    }
  return toa_store_commit (self, error);
}

/**
 * toa_store_unlock_article:
 *
 * Releases @login's lock; releasing a lock one does not hold is a no-op,
 * releasing someone else's live lock is a %TOA_STORE_ERROR_CONFLICT.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_unlock_article (ToaStore    *self,
                          gint64       article_id,
                          const char  *login,
                          GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaLock) lock = NULL;
  g_autoptr(ToaStmt) stmt = NULL;
  GError *local = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  lock = read_lock (self, article_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      goto failed;
    }
  if (held_by_other (lock, login, error))
    goto failed;
  stmt = toa_store_prepare (self, "DELETE FROM locks WHERE article_id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!toa_store_step_done (self, stmt, error))
    goto failed;
  return toa_store_commit (self, error);

failed:
  toa_store_rollback (self);
  return FALSE;
}

/**
 * toa_store_get_lock:
 *
 * Who holds the article's edit lock.
 *
 * Returns: (transfer full) (nullable): the live lock, or %NULL (without
 *   error) when nobody holds one
 */
ToaLock *
toa_store_get_lock (ToaStore    *self,
                    gint64       article_id,
                    GError     **error)
{
  TOA_STORE_LOCK (self);
  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  return read_lock (self, article_id, error);
}
