/* toa-store-takeover.c — an approver takes the edit lock from someone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * toa_store_lock_article() never takes a live lock from its holder. When
 * the holder has left the article open and gone home, the head of the
 * article's office (or a leader, or an administrator) may take it over;
 * the holder's next heartbeat then fails and their pane turns read-only
 * with their text kept.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-store-private.h"
#include "toa-store-takeover.h"

/* The article's office, or NULL with an error. */
static char *
read_office (ToaStore    *self,
             gint64       article_id,
             GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  stmt = toa_store_prepare (self, "SELECT office FROM articles WHERE id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return toa_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    toa_store_fail (self, rc, error);
  else
    g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                 _("There is no article %lld"), (long long) article_id);
  return NULL;
}

static gboolean
may_take_over (const ToaUser *user,
               const char    *office)
{
  if ((user->roles & (TOA_ROLE_ADMIN | TOA_ROLE_LEADER)) != 0)
    return TRUE;
  return (user->roles & TOA_ROLE_APPROVER) != 0 && g_strcmp0 (user->office, office) == 0;
}

static gboolean
take_over_in_transaction (ToaStore    *self,
                          gint64       article_id,
                          const char  *login,
                          const char  *host,
                          GError     **error)
{
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *office = NULL;

  user = toa_store_require_actor (self, login, error);
  if (user == NULL)
    return FALSE;
  office = read_office (self, article_id, error);
  if (office == NULL)
    return FALSE;
  if (!may_take_over (user, office))
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED,
                   _("Only an approver of the article’s office, a leader or an administrator can "
                     "take over an article someone else is editing"));
      return FALSE;
    }
  stmt = toa_store_prepare (self, "INSERT OR REPLACE INTO locks (article_id, login, host, heartbeat) "
                                  "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  toa_bind_text (stmt, 2, user->login);
  toa_bind_text (stmt, 3, host);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  return toa_store_step_done (self, stmt, error);
}

/**
 * toa_store_take_over_lock:
 * @self: a #ToaStore
 * @article_id: the article
 * @login: who takes it over
 * @host: (nullable): the machine, shown to others
 * @error: return location for a #GError
 *
 * Takes the soft edit lock even while someone else holds a live one.
 * Reserved to approvers of the article's office, leaders and
 * administrators (%TOA_STORE_ERROR_NOT_PERMITTED otherwise).
 *
 * Returns: %TRUE when @login holds the lock
 */
gboolean
toa_store_take_over_lock (ToaStore    *self,
                          gint64       article_id,
                          const char  *login,
                          const char  *host,
                          GError     **error)
{
  TOA_STORE_LOCK (self);
  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  if (!take_over_in_transaction (self, article_id, login, host, error))
    {
      toa_store_rollback (self);
      return FALSE;
    }
  return toa_store_commit (self, error);
}
