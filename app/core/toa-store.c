/* toa-store.c — opening the database, migrations, errors, the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "toa-store-private.h"
#include "toa-vn-fold.h"

#define MIGRATIONS_PATH "/io/github/toasoan/ToaSoan/core/sql"

/* Several processes share one file: a writer waits this long for another
 * to finish before giving up with TOA_STORE_ERROR_BUSY. */
#define BUSY_TIMEOUT_MS 10000

G_DEFINE_QUARK (toa-store-error-quark, toa_store_error)
G_DEFINE_FINAL_TYPE (ToaStore, toa_store, G_TYPE_OBJECT)

static void
toa_store_finalize (GObject *object)
{
  ToaStore *self = TOA_STORE (object);

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
  g_clear_pointer (&self->path, g_free);
  g_rec_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (toa_store_parent_class)->finalize (object);
}

static void
toa_store_class_init (ToaStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = toa_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
toa_store_init (ToaStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  g_rec_mutex_init (&self->mutex);
}

void
toa_stmt_release (ToaStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Maps an SQLite result code to an error users can act on. */
gboolean
toa_store_fail (ToaStore  *self,
                int        rc,
                GError   **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_BUSY,
                   _("The database is busy with another program; nothing was changed, try again"));
      break;
    case SQLITE_FULL:
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_FULL,
                   _("The disk is full; nothing was changed. Free some space and try again"));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_READ_ONLY,
                   _("The database is read-only; nothing was changed"));
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Tòa Soạn database, or it is damaged"),
                   self->path ? self->path : "");
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The change breaks a rule of the database: %s"), detail);
      break;
    default:
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_FAILED,
                   _("Database error: %s"), detail);
      break;
    }
  return FALSE;
}

/**
 * toa_store_prepare: (skip)
 *
 * Statements are prepared once per connection and kept: the save path
 * runs a dozen of them and must stay well under a few milliseconds.
 */
ToaStmt *
toa_store_prepare (ToaStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
toa_store_step_done (ToaStore  *self,
                     ToaStmt   *stmt,
                     GError   **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return toa_store_fail (self, rc, error);
}

static gboolean
exec_cached (ToaStore    *self,
             const char  *sql,
             GError     **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (self, sql, error);

  return stmt != NULL && toa_store_step_done (self, stmt, error);
}

/* Every write runs in BEGIN IMMEDIATE: the write lock is taken up front,
 * so two processes never both read, then both fail to upgrade. */
gboolean
toa_store_begin (ToaStore  *self,
                 GError   **error)
{
  if (self->read_only)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_READ_ONLY,
                   _("The database is read-only; nothing was changed"));
      return FALSE;
    }
  return exec_cached (self, "BEGIN IMMEDIATE", error);
}

gboolean
toa_store_commit (ToaStore  *self,
                  GError   **error)
{
  if (exec_cached (self, "COMMIT", error))
    return TRUE;
  toa_store_rollback (self);
  return FALSE;
}

void
toa_store_rollback (ToaStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

void
toa_bind_text (ToaStmt    *stmt,
               int         index,
               const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
toa_bind_id (ToaStmt *stmt,
             int      index,
             gint64   id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
toa_column_dup (ToaStmt *stmt,
                int      column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* SQL functions the migrations and the search use. */
static void
sql_fold (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, toa_vn_fold (text), -1, g_free);
}

static void
sql_fold_exact (sqlite3_context *context,
                int              argc,
                sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, toa_vn_fold_exact (text), -1, g_free);
}

static void
sql_body_text (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  const char *body = (const char *) sqlite3_value_text (argv[0]);

  if (body == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, toa_body_to_plain_text (body), -1, g_free);
}

static void
register_functions (sqlite3 *db)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_create_function (db, "toa_fold", 1, flags, NULL, sql_fold, NULL, NULL);
  sqlite3_create_function (db, "toa_fold_exact", 1, flags, NULL, sql_fold_exact, NULL, NULL);
  sqlite3_create_function (db, "toa_body_text", 1, flags, NULL, sql_body_text, NULL, NULL);
}

static int
query_int (ToaStore    *self,
           const char  *sql,
           GError     **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  toa_store_fail (self, rc, error);
  return -1;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are the resources sql/NNNN-name.sql; NNNN is the schema
 * version they lead to. */
static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql") && g_ascii_isdigit (names[i][0]))
      g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);
  return list;
}

/**
 * toa_store_get_latest_schema_version:
 *
 * Returns: the schema version this build creates and upgrades to
 */
int
toa_store_get_latest_schema_version (void)
{
  g_autoptr(GPtrArray) list = list_migrations ();

  if (list->len == 0)
    return 0;
  return atoi (g_ptr_array_index (list, list->len - 1));
}

static gboolean
apply_migration (ToaStore    *self,
                 const char  *name,
                 int          version,
                 GError     **error)
{
  g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autofree char *sql = NULL;
  g_autofree char *pragma = NULL;
  int current;
  int rc;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (!toa_store_begin (self, error))
    return FALSE;
  /* Another process may have migrated while we waited for the lock. */
  current = query_int (self, "PRAGMA user_version", error);
  if (current < 0)
    {
      toa_store_rollback (self);
      return FALSE;
    }
  if (current >= version)
    return toa_store_commit (self, error);

  pragma = g_strdup_printf ("PRAGMA user_version = %d", version);
  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, pragma, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      toa_store_fail (self, rc, error);
      g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
      toa_store_rollback (self);
      return FALSE;
    }
  return toa_store_commit (self, error);
}

static gboolean
migrate (ToaStore  *self,
         GError   **error)
{
  g_autoptr(GPtrArray) list = list_migrations ();
  int latest = toa_store_get_latest_schema_version ();
  int current = query_int (self, "PRAGMA user_version", error);

  if (current < 0)
    return FALSE;
  if (current > latest)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CORRUPT,
                   _("The database was made by a newer version of Tòa Soạn (schema %d, this one knows %d); update the program"),
                   current, latest);
      return FALSE;
    }
  if (current < latest && self->read_only)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_READ_ONLY,
                   _("The database needs an upgrade but it is read-only"));
      return FALSE;
    }
  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);
      int version = atoi (name);

      if (version > current && !apply_migration (self, name, version, error))
        return FALSE;
    }
  return TRUE;
}

/* WAL needs shared memory between the processes using the file, which
 * network file systems do not give: there the store keeps SQLite's
 * rollback journal (slower, but correct). */
static gboolean
is_network_filesystem (const char *path)
{
  static const long network_types[] = {
    0x6969,      /* NFS */
    0x517B,      /* SMB */
    0xFF534D42,  /* CIFS */
    0xFE534D42,  /* SMB2 */
    0x5346414F,  /* AFS */
    0x01021997,  /* 9P */
    0x65735546,  /* FUSE (sshfs, …) */
  };
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs info;

  if (statfs (dir, &info) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (network_types); i++)
    if ((long) info.f_type == network_types[i])
      return TRUE;
  return FALSE;
}

static gboolean
configure_connection (ToaStore  *self,
                      GError   **error)
{
  int rc;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  register_functions (self->db);

  /* Reading the schema version reads the file header: a file that is not
   * SQLite fails here, before anything is written to it. */
  if (query_int (self, "PRAGMA schema_version", error) < 0)
    return FALSE;

  /* synchronous stays FULL (the default): in WAL mode NORMAL would save
   * the fsync of each commit (~5 ms here) but a power cut could then undo
   * acknowledged saves, and people must never lose a sentence. */
  rc = sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK && !self->read_only)
    rc = sqlite3_exec (self->db, is_network_filesystem (self->path) ? "PRAGMA journal_mode = DELETE"
                                                                    : "PRAGMA journal_mode = WAL",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return toa_store_fail (self, rc, error);
  return TRUE;
}

/**
 * toa_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/toasoan/toasoan.db`
 */
char *
toa_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "toasoan", "toasoan.db", NULL);
}

/**
 * toa_store_open:
 * @path: the database file; created with its folder when missing
 * @error: return location for a #GError
 *
 * Opens (creating or upgrading) the database. See toa_store_open_full().
 *
 * Returns: (transfer full) (nullable): the store
 */
ToaStore *
toa_store_open (const char  *path,
                GError     **error)
{
  return toa_store_open_full (path, TOA_STORE_OPEN_NONE, error);
}

static gboolean
open_connection (ToaStore           *self,
                 ToaStoreOpenFlags   flags,
                 GError            **error)
{
  int open_flags = SQLITE_OPEN_NOMUTEX;
  int rc;

  if (flags & TOA_STORE_OPEN_READ_ONLY)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_FAILED,
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
          return FALSE;
        }
      open_flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    }

  rc = sqlite3_open_v2 (self->path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_FAILED,
                   _("Could not open the database “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  /* SQLite silently falls back to read-only for a file we may not write. */
  self->read_only = sqlite3_db_readonly (self->db, "main") == 1;
  return TRUE;
}

/**
 * toa_store_open_full:
 * @path: the database file
 * @flags: %TOA_STORE_OPEN_READ_ONLY to never write
 * @error: return location for a #GError
 *
 * Opens the database: foreign keys on, WAL journal, a busy timeout so
 * that several processes can share the file, and every pending migration
 * applied, each in its own transaction. A file that is not a database is
 * refused with %TOA_STORE_ERROR_CORRUPT and left untouched.
 *
 * Returns: (transfer full) (nullable): the store
 */
ToaStore *
toa_store_open_full (const char         *path,
                     ToaStoreOpenFlags   flags,
                     GError            **error)
{
  g_autoptr(ToaStore) self = NULL;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TOA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, flags, error))
    return NULL;
  if (!configure_connection (self, error))
    return NULL;
  if (!migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * toa_store_get_path:
 *
 * Returns: (transfer none): the database file
 */
const char *
toa_store_get_path (ToaStore *self)
{
  TOA_STORE_LOCK (self);
  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  return self->path;
}

/**
 * toa_store_get_schema_version:
 *
 * Returns: the schema version of the open database (`PRAGMA user_version`)
 */
int
toa_store_get_schema_version (ToaStore *self)
{
  TOA_STORE_LOCK (self);
  g_return_val_if_fail (TOA_IS_STORE (self), -1);

  return query_int (self, "PRAGMA user_version", NULL);
}

/**
 * toa_store_get_data_version:
 *
 * A number that changes whenever anything in the database changed, by
 * this connection or another process. Cheap: poll it from a timeout and
 * reload when it differs from the last value seen.
 *
 * Returns: the current data version
 */
gint64
toa_store_get_data_version (ToaStore *self)
{
  TOA_STORE_LOCK (self);
  g_return_val_if_fail (TOA_IS_STORE (self), 0);

  /* data_version only moves for other connections' commits; our own
   * changes are counted by total_changes. Both only grow. */
  return (gint64) query_int (self, "PRAGMA data_version", NULL) + sqlite3_total_changes64 (self->db);
}

/**
 * toa_store_set_busy_timeout:
 * @self: a #ToaStore
 * @milliseconds: how long a write waits for another program's write
 *
 * Past this, a write fails with %TOA_STORE_ERROR_BUSY and changes
 * nothing. The default is 10 seconds.
 */
void
toa_store_set_busy_timeout (ToaStore *self,
                            guint     milliseconds)
{
  TOA_STORE_LOCK (self);
  g_return_if_fail (TOA_IS_STORE (self));

  sqlite3_busy_timeout (self->db, (int) MIN (milliseconds, G_MAXINT));
}

/**
 * toa_store_check:
 * @self: a #ToaStore
 * @report: (out) (optional) (transfer full): "ok", or the problems found
 * @error: return location for a #GError
 *
 * Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`.
 *
 * Returns: %TRUE if the database is sound
 */
gboolean
toa_store_check (ToaStore  *self,
                 char     **report,
                 GError   **error)
{
  TOA_STORE_LOCK (self);
  GString *out = g_string_new (NULL);
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  {
    g_autoptr(ToaStmt) stmt = toa_store_prepare (self, "PRAGMA integrity_check", error);

    if (stmt == NULL)
      goto failed;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_string_append_printf (out, "%s%s", out->len ? "\n" : "", sqlite3_column_text (stmt, 0));
    if (rc != SQLITE_DONE)
      {
        toa_store_fail (self, rc, error);
        goto failed;
      }
  }
  ok = g_strcmp0 (out->str, "ok") == 0;
  {
    g_autoptr(ToaStmt) stmt = toa_store_prepare (self, "PRAGMA foreign_key_check", error);

    if (stmt == NULL)
      goto failed;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        g_string_append_printf (out, "\nforeign key: %s row %lld → %s",
                                sqlite3_column_text (stmt, 0),
                                (long long) sqlite3_column_int64 (stmt, 1),
                                sqlite3_column_text (stmt, 2));
        ok = FALSE;
      }
  }
  if (!ok)
    g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CORRUPT,
                 _("The database is damaged: %s"), out->str);
  if (report != NULL)
    *report = g_string_free (g_steal_pointer (&out), FALSE);
  else
    g_string_free (out, TRUE);
  return ok;

failed:
  g_string_free (out, TRUE);
  return FALSE;
}

/**
 * toa_store_backup:
 * @self: a #ToaStore
 * @dest_path: where to write the copy; must not exist
 * @error: return location for a #GError
 *
 * Writes a consistent copy with SQLite's online backup API: other
 * programs may keep working meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_backup (ToaStore    *self,
                  const char  *dest_path,
                  GError     **error)
{
  TOA_STORE_LOCK (self);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_EXISTS,
                   _("“%s” already exists; choose a new file name for the backup"), dest_path);
      return FALSE;
    }
  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (dest_path);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

/**
 * toa_store_get_setting:
 *
 * Returns: (transfer full) (nullable): the value, %NULL if unset
 */
char *
toa_store_get_setting (ToaStore    *self,
                       const char  *key,
                       GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = toa_store_prepare (self, "SELECT value FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  toa_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return toa_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    toa_store_fail (self, rc, error);
  return NULL;
}

gboolean
toa_store_allows_self_approval (ToaStore *self)
{
  g_autofree char *value = toa_store_get_setting (self, "allow_self_approval", NULL);

  return g_strcmp0 (value, "1") == 0 || g_strcmp0 (value, "true") == 0;
}

gboolean
toa_store_require_admin (ToaStore    *self,
               const char  *actor_login,
               GError     **error)
{
  g_autoptr(ToaUser) actor = NULL;

  /* The very first steps (offices, the first user) happen with no user
   * in the database; from then on the directory belongs to admins. */
  if (query_int (self, "SELECT count(*) FROM users", error) == 0)
    return TRUE;
  actor = toa_store_require_actor (self, actor_login, error);
  if (actor == NULL)
    return FALSE;
  if ((actor->roles & TOA_ROLE_ADMIN) == 0)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED,
                   _("Only an administrator may do this; %s is not one"), actor->login);
      return FALSE;
    }
  return TRUE;
}

/**
 * toa_store_set_setting:
 *
 * Sets a setting of the whole newsroom (e.g. `allow_self_approval` to
 * "1" for small offices). Takes an admin.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_set_setting (ToaStore    *self,
                       const char  *actor_login,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  if (!toa_store_require_admin (self, actor_login, error))
    goto failed;
  stmt = toa_store_prepare (self, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto failed;
  toa_bind_text (stmt, 1, key);
  toa_bind_text (stmt, 2, value);
  if (!toa_store_step_done (self, stmt, error))
    goto failed;
  return toa_store_commit (self, error);

failed:
  toa_store_rollback (self);
  return FALSE;
}

/* @empty and @invalid are whole translated sentences: a field name
 * pasted into a sentence does not translate. */
gboolean
toa_store_check_name (const char  *text,
            const char  *empty,
            const char  *invalid,
            GError     **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID, invalid);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  g_set_error_literal (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID, empty);
  return FALSE;
}

/* Runs one INSERT of the directory in its own transaction. */
static gboolean
insert_directory_row (ToaStore    *self,
                      ToaStmt     *stmt,
                      const char  *exists_message,
                      GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error_literal (error, TOA_STORE_ERROR, TOA_STORE_ERROR_EXISTS, exists_message);
      return FALSE;
    }
  return toa_store_fail (self, rc, error);
}

/**
 * toa_store_add_office:
 * @code: short code ("QLCN"): letters and digits
 * @name: full name ("Phòng Quản lý Công nghiệp")
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_add_office (ToaStore    *self,
                      const char  *actor_login,
                      const char  *code,
                      const char  *name,
                      GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *message = NULL;
  g_autofree char *nfc = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  if (!toa_store_check_name (code, _("The office code is empty"), _("The office code is not valid UTF-8 text"), error) ||
      !toa_store_check_name (name, _("The office name is empty"), _("The office name is not valid UTF-8 text"), error))
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      {
        g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                     _("The office code “%s” may only hold letters A–Z, digits, “-” and “_”"), code);
        return FALSE;
      }
  if (!toa_store_begin (self, error))
    return FALSE;
  if (!toa_store_require_admin (self, actor_login, error))
    goto failed;
  stmt = toa_store_prepare (self, "INSERT INTO offices (code, name) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto failed;
  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  toa_bind_text (stmt, 1, code);
  toa_bind_text (stmt, 2, g_strstrip (nfc));
  message = g_strdup_printf (_("There is already an office with the code “%s”"), code);
  if (!insert_directory_row (self, stmt, message, error))
    goto failed;
  return toa_store_commit (self, error);

failed:
  toa_store_rollback (self);
  return FALSE;
}

/* Steps @stmt to its end, turning each row into an item with @from_row.
 * Returns: (transfer full) (nullable): the items, or %NULL with @error */
GPtrArray *
toa_store_collect (ToaStore        *self,
                   ToaStmt         *stmt,
                   ToaRowFunc       from_row,
                   GDestroyNotify   free_item,
                   GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_item);
  int rc;

  for (rc = sqlite3_step (stmt); rc == SQLITE_ROW; rc = sqlite3_step (stmt))
    g_ptr_array_add (list, from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gpointer
office_from_row (ToaStmt *stmt)
{
  ToaOffice *office = g_new0 (ToaOffice, 1);

  office->code = toa_column_dup (stmt, 0);
  office->name = toa_column_dup (stmt, 1);
  office->retired = sqlite3_column_int64 (stmt, 2) != 0;
  return office;
}

static gpointer
category_from_row (ToaStmt *stmt)
{
  ToaCategory *category = g_new0 (ToaCategory, 1);

  category->id = sqlite3_column_int64 (stmt, 0);
  category->name = toa_column_dup (stmt, 1);
  category->retired = sqlite3_column_int64 (stmt, 2) != 0;
  return category;
}

/**
 * toa_store_list_offices:
 *
 * Returns: (transfer full) (element-type ToaOffice): offices by code
 */
GPtrArray *
toa_store_list_offices (ToaStore  *self,
                        GError   **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  stmt = toa_store_prepare (self, "SELECT code, name, retired FROM offices ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  return toa_store_collect (self, stmt, office_from_row, (GDestroyNotify) toa_office_free, error);
}

/**
 * toa_store_add_category:
 * @name: "Tin tức", "Thông báo", …
 *
 * Returns: the new category's id, 0 on error
 */
gint64
toa_store_add_category (ToaStore    *self,
                        const char  *actor_login,
                        const char  *name,
                        GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *nfc = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  g_return_val_if_fail (TOA_IS_STORE (self), 0);

  if (!toa_store_check_name (name, _("The category name is empty"),
                             _("The category name is not valid UTF-8 text"), error))
    return 0;
  if (!toa_store_begin (self, error))
    return 0;
  if (!toa_store_require_admin (self, actor_login, error))
    goto failed;
  stmt = toa_store_prepare (self, "INSERT INTO categories (name) VALUES (?)", error);
  if (stmt == NULL)
    goto failed;
  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  toa_bind_text (stmt, 1, g_strstrip (nfc));
  message = g_strdup_printf (_("There is already a category “%s”"), nfc);
  if (!insert_directory_row (self, stmt, message, error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  if (!toa_store_commit (self, error))
    return 0;
  return id;

failed:
  toa_store_rollback (self);
  return 0;
}

/**
 * toa_store_list_categories:
 *
 * Returns: (transfer full) (element-type ToaCategory): categories by name
 */
GPtrArray *
toa_store_list_categories (ToaStore  *self,
                           GError   **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  stmt = toa_store_prepare (self, "SELECT id, name, retired FROM categories ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  return toa_store_collect (self, stmt, category_from_row, (GDestroyNotify) toa_category_free, error);
}

gboolean
toa_store_office_in_service (ToaStore    *self,
               const char  *code,
               GError     **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (self, "SELECT retired FROM offices WHERE code = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  toa_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) != 0)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The office “%s” is retired; restore it first"), code);
      return FALSE;
    }
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return toa_store_fail (self, rc, error);
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
               _("There is no office with the code “%s”"), code);
  return FALSE;
}

static gboolean
insert_user (ToaStore    *self,
             const char  *login,
             const char  *full_name,
             const char  *office,
             ToaRoles     roles,
             GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *nfc = g_utf8_normalize (full_name, -1, G_NORMALIZE_NFC);
  g_autofree char *message = NULL;

  stmt = toa_store_prepare (self, "INSERT INTO users (login, full_name, office, roles) VALUES (?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  toa_bind_text (stmt, 1, login);
  toa_bind_text (stmt, 2, g_strstrip (nfc));
  toa_bind_text (stmt, 3, office);
  sqlite3_bind_int (stmt, 4, roles);
  message = g_strdup_printf (_("There is already a user “%s”"), login);
  return insert_directory_row (self, stmt, message, error);
}

/**
 * toa_store_add_user:
 * @actor_login: (nullable): who adds; ignored for the first user
 * @login: the OS login of the new user
 * @full_name: "Đỗ Nguyên"
 * @office: (nullable): office code
 * @roles: roles; the first user also becomes admin
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_add_user (ToaStore    *self,
                    const char  *actor_login,
                    const char  *login,
                    const char  *full_name,
                    const char  *office,
                    ToaRoles     roles,
                    GError     **error)
{
  TOA_STORE_LOCK (self);
  int count;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  if (!toa_store_check_name (login, _("The login is empty"), _("The login is not valid UTF-8 text"), error) ||
      !toa_store_check_name (full_name, _("The full name is empty"), _("The full name is not valid UTF-8 text"), error))
    return FALSE;
  if (!toa_store_begin (self, error))
    return FALSE;
  count = query_int (self, "SELECT count(*) FROM users", error);
  if (count < 0)
    goto failed;
  if (count == 0)
    roles |= TOA_ROLE_ADMIN;
  else if (!toa_store_require_admin (self, actor_login, error))
    goto failed;
  if (office != NULL && !toa_store_office_in_service (self, office, error))
    goto failed;
  if (!insert_user (self, login, full_name, office, roles, error))
    goto failed;
  return toa_store_commit (self, error);

failed:
  toa_store_rollback (self);
  return FALSE;
}

static ToaUser *
user_from_row (ToaStmt *stmt)
{
  ToaUser *user = g_new0 (ToaUser, 1);

  user->login = toa_column_dup (stmt, 0);
  user->full_name = toa_column_dup (stmt, 1);
  user->office = toa_column_dup (stmt, 2);
  user->roles = sqlite3_column_int (stmt, 3);
  user->retired = sqlite3_column_int64 (stmt, 4) != 0;
  return user;
}

/**
 * toa_store_get_user:
 *
 * Returns: (transfer full) (nullable): the user, or %NULL with
 *   %TOA_STORE_ERROR_NOT_FOUND
 */
ToaUser *
toa_store_get_user (ToaStore    *self,
                    const char  *login,
                    GError     **error)
{
  TOA_STORE_LOCK (self);
  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  return toa_store_require_user (self, login, error);
}

ToaUser *
toa_store_require_user (ToaStore    *self,
                        const char  *login,
                        GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  if (login == NULL)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                   _("No user given; say who you are"));
      return NULL;
    }
  stmt = toa_store_prepare (self, "SELECT login, full_name, office, roles, retired FROM users WHERE login = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  toa_bind_text (stmt, 1, login);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return user_from_row (stmt);
  if (rc != SQLITE_DONE)
    toa_store_fail (self, rc, error);
  else
    g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                 _("There is no user “%s” in this database"), login);
  return NULL;
}

/* Like toa_store_require_user(), for someone about to act: a retired
 * user still names past work but may do nothing new. */
ToaUser *
toa_store_require_actor (ToaStore    *self,
                         const char  *login,
                         GError     **error)
{
  g_autoptr(ToaUser) user = toa_store_require_user (self, login, error);

  if (user == NULL)
    return NULL;
  if (user->retired)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED,
                   _("The account of %s has been retired; ask an administrator to restore it"),
                   toa_user_get_display_name (user));
      return NULL;
    }
  return g_steal_pointer (&user);
}

static gpointer
user_item_from_row (ToaStmt *stmt)
{
  return user_from_row (stmt);
}

/**
 * toa_store_list_users:
 *
 * Returns: (transfer full) (element-type ToaUser): users by login
 */
GPtrArray *
toa_store_list_users (ToaStore  *self,
                      GError   **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  stmt = toa_store_prepare (self, "SELECT login, full_name, office, roles, retired FROM users ORDER BY login",
                            error);
  if (stmt == NULL)
    return NULL;
  return toa_store_collect (self, stmt, user_item_from_row, (GDestroyNotify) toa_user_free, error);
}
