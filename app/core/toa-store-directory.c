/* toa-store-directory.c — changing and retiring offices, categories and
 * users
 *
 * Nothing of the directory is ever deleted: articles, revisions,
 * transitions, comments, locks and exports refer to its rows by key, and
 * the history must keep naming who did what, in which office, under which
 * category. "Removing" marks the row retired (the time, 0 while in
 * service; schema version 5). A retired user can no longer act, a retired
 * office or category takes no new article or user, and all of them can be
 * restored. Every change takes an administrator, like adding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-store-private.h"

/* The NFC form of a name, without surrounding blanks. */
static char *
clean_name (const char *name)
{
  char *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);

  return g_strstrip (nfc);
}

static gint64
count_rows (ToaStore    *self,
            const char  *sql,
            const char  *text,
            GError     **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  toa_bind_text (stmt, 1, text);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  toa_store_fail (self, rc, error);
  return -1;
}

/* Steps an UPDATE of one row; a row that is not there is reported with
 * @missing, a name taken by another row with @taken. */
static gboolean
update_row (ToaStore    *self,
            ToaStmt     *stmt,
            const char  *missing,
            const char  *taken,
            GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_CONSTRAINT_UNIQUE && taken != NULL)
    {
      g_set_error_literal (error, TOA_STORE_ERROR, TOA_STORE_ERROR_EXISTS, taken);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return toa_store_fail (self, rc, error);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  return TRUE;
}

/* Binds the retirement time for "SET retired = ?": a row retired again
 * keeps the time it was first retired (see the SQL of each caller). */
static void
bind_retired (ToaStmt  *stmt,
              int       index,
              gboolean  retired)
{
  sqlite3_bind_int64 (stmt, index, retired ? g_get_real_time () : 0);
}

static gboolean
finish (ToaStore  *self,
        gboolean   ok,
        GError   **error)
{
  if (ok)
    return toa_store_commit (self, error);
  toa_store_rollback (self);
  return FALSE;
}

/**
 * toa_store_update_office:
 * @self: a #ToaStore
 * @actor_login: the administrator making the change
 * @code: the office's code (codes never change: articles and users keep it)
 * @name: the new full name
 * @error: return location for a #GError
 *
 * Renames an office, e.g. to fix a typo. Retired offices may be renamed
 * too.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_update_office (ToaStore    *self,
                         const char  *actor_login,
                         const char  *code,
                         const char  *name,
                         GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *missing = NULL;
  gboolean ok;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!toa_store_check_name (name, _("The office name is empty"),
                             _("The office name is not valid UTF-8 text"), error))
    return FALSE;
  if (!toa_store_begin (self, error))
    return FALSE;
  ok = toa_store_require_admin (self, actor_login, error);
  if (ok)
    stmt = toa_store_prepare (self, "UPDATE offices SET name = ? WHERE code = ?", error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      clean = clean_name (name);
      missing = g_strdup_printf (_("There is no office with the code “%s”"), code);
      toa_bind_text (stmt, 1, clean);
      toa_bind_text (stmt, 2, code);
      ok = update_row (self, stmt, missing, NULL, error);
    }
  return finish (self, ok, error);
}

/* People still working in an office would be left unable to write: they
 * are moved first, then the office retired. */
static gboolean
check_office_empty (ToaStore    *self,
                    const char  *code,
                    GError     **error)
{
  gint64 n = count_rows (self, "SELECT count(*) FROM users WHERE office = ? AND retired = 0",
                         code, error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    return TRUE;
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "%d user still works in the office “%s”; move them to another office first",
                            "%d users still work in the office “%s”; move them to another office first",
                            n),
               (int) n, code);
  return FALSE;
}

/**
 * toa_store_set_office_retired:
 * @self: a #ToaStore
 * @actor_login: the administrator making the change
 * @code: the office's code
 * @retired: %TRUE to retire, %FALSE to restore
 * @error: return location for a #GError
 *
 * Retires an office (it takes no new article or user; its articles keep
 * it) or puts it back in service. An office where users in service still
 * work is not retired.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_set_office_retired (ToaStore    *self,
                              const char  *actor_login,
                              const char  *code,
                              gboolean     retired,
                              GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *missing = NULL;
  gboolean ok;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  ok = toa_store_require_admin (self, actor_login, error) &&
       (!retired || check_office_empty (self, code, error));
  if (ok)
    stmt = toa_store_prepare (self,
                              "UPDATE offices SET retired = CASE WHEN ?1 = 0 THEN 0 "
                              "WHEN retired = 0 THEN ?1 ELSE retired END WHERE code = ?2", error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      missing = g_strdup_printf (_("There is no office with the code “%s”"), code);
      bind_retired (stmt, 1, retired);
      toa_bind_text (stmt, 2, code);
      ok = update_row (self, stmt, missing, NULL, error);
    }
  return finish (self, ok, error);
}

/**
 * toa_store_update_category:
 * @self: a #ToaStore
 * @actor_login: the administrator making the change
 * @id: the category's id
 * @name: the new name; no other category may have it
 * @error: return location for a #GError
 *
 * Renames a category. Revisions already written keep the name they were
 * saved with (they are the record of what was approved); the articles keep
 * the category itself.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_update_category (ToaStore    *self,
                           const char  *actor_login,
                           gint64       id,
                           const char  *name,
                           GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *taken = NULL;
  gboolean ok;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  if (!toa_store_check_name (name, _("The category name is empty"),
                             _("The category name is not valid UTF-8 text"), error))
    return FALSE;
  if (!toa_store_begin (self, error))
    return FALSE;
  ok = toa_store_require_admin (self, actor_login, error);
  if (ok)
    stmt = toa_store_prepare (self, "UPDATE categories SET name = ? WHERE id = ?", error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      clean = clean_name (name);
      taken = g_strdup_printf (_("There is already a category “%s”"), clean);
      toa_bind_text (stmt, 1, clean);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = update_row (self, stmt, _("There is no such category"), taken, error);
    }
  return finish (self, ok, error);
}

/**
 * toa_store_set_category_retired:
 * @self: a #ToaStore
 * @actor_login: the administrator making the change
 * @id: the category's id
 * @retired: %TRUE to retire, %FALSE to restore
 * @error: return location for a #GError
 *
 * Retires a category (no new article may take it; articles that have it
 * keep it, also when saved again) or puts it back in service.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_set_category_retired (ToaStore    *self,
                                const char  *actor_login,
                                gint64       id,
                                gboolean     retired,
                                GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  ok = toa_store_require_admin (self, actor_login, error);
  if (ok)
    stmt = toa_store_prepare (self,
                              "UPDATE categories SET retired = CASE WHEN ?1 = 0 THEN 0 "
                              "WHEN retired = 0 THEN ?1 ELSE retired END WHERE id = ?2", error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      bind_retired (stmt, 1, retired);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = update_row (self, stmt, _("There is no such category"), NULL, error);
    }
  return finish (self, ok, error);
}

/* A newsroom without an administrator in service can never be
 * administered again: the last one keeps the role and the account. */
static gboolean
check_other_admin (ToaStore    *self,
                   const char  *login,
                   GError     **error)
{
  gint64 n = count_rows (self,
                         "SELECT count(*) FROM users WHERE retired = 0 AND (roles & 16) != 0 AND login != ?",
                         login, error);

  G_STATIC_ASSERT (TOA_ROLE_ADMIN == 16);
  if (n < 0)
    return FALSE;
  if (n > 0)
    return TRUE;
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
               _("%s is the last administrator; make someone else an administrator first"), login);
  return FALSE;
}

/* The office of an updated user: in service, or the one they already
 * have (a user of a retired office may still get their name fixed). */
static gboolean
check_user_office (ToaStore       *self,
                   const ToaUser  *user,
                   const char     *office,
                   GError        **error)
{
  if (office == NULL || g_strcmp0 (office, user->office) == 0)
    return TRUE;
  return toa_store_office_in_service (self, office, error);
}

static gboolean
write_user (ToaStore    *self,
            const char  *login,
            const char  *full_name,
            const char  *office,
            ToaRoles     roles,
            GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *clean = clean_name (full_name);

  stmt = toa_store_prepare (self, "UPDATE users SET full_name = ?, office = ?, roles = ? WHERE login = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  toa_bind_text (stmt, 1, clean);
  toa_bind_text (stmt, 2, office);
  sqlite3_bind_int (stmt, 3, roles);
  toa_bind_text (stmt, 4, login);
  return toa_store_step_done (self, stmt, error);
}

static gboolean
check_roles (ToaRoles   roles,
             GError   **error)
{
  const ToaRoles all = TOA_ROLE_AUTHOR | TOA_ROLE_APPROVER | TOA_ROLE_LEADER |
                       TOA_ROLE_PUBLISHER | TOA_ROLE_ADMIN;

  if ((roles & ~all) == 0)
    return TRUE;
  g_set_error_literal (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID, _("Unknown role"));
  return FALSE;
}

/**
 * toa_store_update_user:
 * @self: a #ToaStore
 * @actor_login: the administrator making the change
 * @login: the user to change (logins never change)
 * @full_name: the new full name
 * @office: (nullable): the new office code, %NULL for none
 * @roles: the new roles
 * @error: return location for a #GError
 *
 * Changes a user's name, office and roles. Articles already written keep
 * the office they were written in. The last administrator in service
 * keeps the administrator role.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_update_user (ToaStore    *self,
                       const char  *actor_login,
                       const char  *login,
                       const char  *full_name,
                       const char  *office,
                       ToaRoles     roles,
                       GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaUser) user = NULL;
  gboolean ok;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);

  if (!toa_store_check_name (full_name, _("The full name is empty"),
                             _("The full name is not valid UTF-8 text"), error) ||
      !check_roles (roles, error))
    return FALSE;
  if (!toa_store_begin (self, error))
    return FALSE;
  ok = toa_store_require_admin (self, actor_login, error);
  if (ok)
    user = toa_store_require_user (self, login, error);
  ok = ok && user != NULL &&
       check_user_office (self, user, office, error) &&
       (user->retired || (user->roles & TOA_ROLE_ADMIN) == 0 || (roles & TOA_ROLE_ADMIN) != 0 ||
        check_other_admin (self, login, error)) &&
       write_user (self, login, full_name, office, roles, error);
  return finish (self, ok, error);
}

/* A retired user's soft locks would keep others read-only until they
 * time out: they go with the account. */
static gboolean
release_locks (ToaStore    *self,
               const char  *login,
               GError     **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (self, "DELETE FROM locks WHERE login = ?", error);

  if (stmt == NULL)
    return FALSE;
  toa_bind_text (stmt, 1, login);
  return toa_store_step_done (self, stmt, error);
}

static gboolean
write_user_retired (ToaStore    *self,
                    const char  *login,
                    gboolean     retired,
                    GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;

  stmt = toa_store_prepare (self,
                            "UPDATE users SET retired = CASE WHEN ?1 = 0 THEN 0 "
                            "WHEN retired = 0 THEN ?1 ELSE retired END WHERE login = ?2", error);
  if (stmt == NULL)
    return FALSE;
  bind_retired (stmt, 1, retired);
  toa_bind_text (stmt, 2, login);
  return toa_store_step_done (self, stmt, error);
}

/**
 * toa_store_set_user_retired:
 * @self: a #ToaStore
 * @actor_login: the administrator making the change
 * @login: the user
 * @retired: %TRUE to retire, %FALSE to restore
 * @error: return location for a #GError
 *
 * Retires a user who left (they can no longer act; what they wrote,
 * approved and commented stays theirs) or restores them. Their edit locks
 * are released. The last administrator in service is not retired.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_set_user_retired (ToaStore    *self,
                            const char  *actor_login,
                            const char  *login,
                            gboolean     retired,
                            GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaUser) user = NULL;
  gboolean ok;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  ok = toa_store_require_admin (self, actor_login, error);
  if (ok)
    user = toa_store_require_user (self, login, error);
  ok = ok && user != NULL;
  if (ok && retired)
    ok = (user->retired || (user->roles & TOA_ROLE_ADMIN) == 0 || check_other_admin (self, login, error)) &&
         release_locks (self, login, error);
  ok = ok && write_user_retired (self, login, retired, error);
  return finish (self, ok, error);
}
