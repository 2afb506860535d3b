/* toa-recovery.c — autosaved, unsaved editor text, kept outside the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records live in one small key file per (database, user, article) below
 * $XDG_STATE_HOME/toasoan/recovery/, not in the database: recovery exists
 * for the moments the database cannot take a write (locked by another
 * process, read-only, damaged), so it must not depend on it. Each file is
 * replaced atomically (write a temporary file, fsync, rename), so a kill
 * in the middle leaves the previous record whole.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <string.h>

#include "toa-recovery.h"

struct _ToaRecovery
{
  GObject  parent_instance;

  char    *dir;
  char    *prefix;  /* identifies the database and the user */
};

G_DEFINE_FINAL_TYPE (ToaRecovery, toa_recovery, G_TYPE_OBJECT)

G_DEFINE_QUARK (toa-recovery-error-quark, toa_recovery_error)

G_DEFINE_BOXED_TYPE (ToaRecoveryRecord, toa_recovery_record,
                     toa_recovery_record_copy, toa_recovery_record_free)

#define GROUP "Recovery"

/**
 * toa_recovery_record_copy:
 *
 * Returns: (transfer full): a deep copy of @record
 */
ToaRecoveryRecord *
toa_recovery_record_copy (const ToaRecoveryRecord *record)
{
  ToaRecoveryRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_new0 (ToaRecoveryRecord, 1);
  *copy = *record;
  copy->office = g_strdup (record->office);
  copy->content = record->content != NULL ? toa_article_content_copy (record->content) : NULL;
  return copy;
}

void
toa_recovery_record_free (ToaRecoveryRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->office);
  toa_article_content_free (record->content);
  g_free (record);
}

static void
toa_recovery_finalize (GObject *object)
{
  ToaRecovery *self = TOA_RECOVERY (object);

  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->prefix, g_free);
  G_OBJECT_CLASS (toa_recovery_parent_class)->finalize (object);
}

static void
toa_recovery_class_init (ToaRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = toa_recovery_finalize;
}

static void
toa_recovery_init (ToaRecovery *self)
{
}

/**
 * toa_recovery_get_default_dir:
 *
 * Returns: (transfer full): $XDG_STATE_HOME/toasoan/recovery
 */
char *
toa_recovery_get_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "toasoan", "recovery", NULL);
}

/**
 * toa_recovery_new:
 * @dir: (nullable): where records go; %NULL for toa_recovery_get_default_dir()
 * @store_path: the database file the records belong to
 * @login: the user whose text they are
 *
 * Records of another database or another user are never seen: a shared
 * account on one computer must not offer one person's text to another.
 *
 * Returns: (transfer full): a recovery area
 */
ToaRecovery *
toa_recovery_new (const char *dir,
                  const char *store_path,
                  const char *login)
{
  ToaRecovery *self;
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_RECOVERY, NULL);
  self->dir = dir != NULL ? g_strdup (dir) : toa_recovery_get_default_dir ();
  key = g_strconcat (store_path, "\n", login, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  self->prefix = g_strndup (digest, 20);
  return self;
}

/**
 * toa_recovery_get_dir:
 *
 * Returns: (transfer none): the directory holding the records
 */
const char *
toa_recovery_get_dir (ToaRecovery *self)
{
  g_return_val_if_fail (TOA_IS_RECOVERY (self), NULL);

  return self->dir;
}

static char *
record_path (ToaRecovery *self,
             gint64       article_id)
{
  g_autofree char *name = NULL;

  if (article_id > 0)
    name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".recovery", self->prefix, article_id);
  else
    name = g_strdup_printf ("%s-new.recovery", self->prefix);
  return g_build_filename (self->dir, name, NULL);
}

static void
set_optional_string (GKeyFile   *file,
                     const char *key,
                     const char *value)
{
  if (value != NULL)
    g_key_file_set_string (file, GROUP, key, value);
}

static char *
record_to_data (const ToaRecoveryRecord *record,
                gsize                   *length)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  const ToaArticleContent *content = record->content;

  g_key_file_set_int64 (file, GROUP, "ArticleId", record->article_id);
  g_key_file_set_int64 (file, GROUP, "BaseVersion", record->base_version);
  g_key_file_set_int64 (file, GROUP, "Saved", record->saved);
  set_optional_string (file, "Office", record->office);
  set_optional_string (file, "Title", content->title);
  set_optional_string (file, "Lead", content->lead);
  set_optional_string (file, "Body", content->body);
  set_optional_string (file, "Byline", content->byline);
  set_optional_string (file, "Category", content->category);
  set_optional_string (file, "EventDate", content->event_date);
  set_optional_string (file, "DisplayDate", content->display_date);
  if (content->tags != NULL)
    g_key_file_set_string_list (file, GROUP, "Tags", (const char * const *) content->tags,
                                g_strv_length (content->tags));
  return g_key_file_to_data (file, length, NULL);
}

/**
 * toa_recovery_save:
 * @record: what to keep; its @content must be set
 *
 * Replaces the record of @record->article_id atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_recovery_save (ToaRecovery              *self,
                   const ToaRecoveryRecord  *record,
                   GError                  **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (TOA_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (record != NULL && record->content != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TOA_RECOVERY_ERROR, TOA_RECOVERY_ERROR_FAILED,
                   _("Could not create the recovery folder “%s”: %s"),
                   self->dir, g_strerror (saved_errno));
      return FALSE;
    }

  path = record_path (self, record->article_id);
  data = record_to_data (record, &length);
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static char *
get_optional_string (GKeyFile   *file,
                     const char *key)
{
  return g_key_file_get_string (file, GROUP, key, NULL);
}

static ToaRecoveryRecord *
record_from_file (GKeyFile *file)
{
  g_autoptr(ToaRecoveryRecord) record = g_new0 (ToaRecoveryRecord, 1);
  ToaArticleContent *content;

  record->article_id = g_key_file_get_int64 (file, GROUP, "ArticleId", NULL);
  record->base_version = g_key_file_get_int64 (file, GROUP, "BaseVersion", NULL);
  record->saved = g_key_file_get_int64 (file, GROUP, "Saved", NULL);
  record->office = get_optional_string (file, "Office");
  record->content = content = toa_article_content_new ();
  content->title = get_optional_string (file, "Title");
  content->lead = get_optional_string (file, "Lead");
  content->body = get_optional_string (file, "Body");
  content->byline = get_optional_string (file, "Byline");
  content->category = get_optional_string (file, "Category");
  content->event_date = get_optional_string (file, "EventDate");
  content->display_date = get_optional_string (file, "DisplayDate");
  content->tags = g_key_file_get_string_list (file, GROUP, "Tags", NULL, NULL);
  return g_steal_pointer (&record);
}

/**
 * toa_recovery_load:
 * @article_id: the article, or 0 for the never-saved one
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with no error
 *   set when there is none
 */
ToaRecoveryRecord *
toa_recovery_load (ToaRecovery  *self,
                   gint64        article_id,
                   GError      **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TOA_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = record_path (self, article_id);
  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    return record_from_file (file);

  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return NULL;
  if (local_error->domain == G_KEY_FILE_ERROR)
    g_set_error (error, TOA_RECOVERY_ERROR, TOA_RECOVERY_ERROR_CORRUPT,
                 _("The recovery file “%s” is damaged: %s"), path, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * toa_recovery_discard:
 * @article_id: the article, or 0 for the never-saved one
 *
 * Removes the record, if any; a missing record is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_recovery_discard (ToaRecovery  *self,
                      gint64        article_id,
                      GError      **error)
{
  g_autofree char *path = NULL;
  int saved_errno;

  g_return_val_if_fail (TOA_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = record_path (self, article_id);
  if (g_unlink (path) == 0)
    return TRUE;

  saved_errno = errno;
  if (saved_errno == ENOENT)
    return TRUE;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not remove the recovery file “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* The article id in a record's file name ("<prefix>-42.recovery",
 * "<prefix>-new.recovery" for 0), or -1 for another file. */
static gint64
id_of_record_name (ToaRecovery *self,
                   const char  *name)
{
  gsize prefix_length = strlen (self->prefix);
  const char *rest;
  g_autofree char *number = NULL;
  guint64 id = 0;

  if (strncmp (name, self->prefix, prefix_length) != 0 || name[prefix_length] != '-' ||
      !g_str_has_suffix (name, ".recovery"))
    return -1;
  rest = name + prefix_length + 1;
  number = g_strndup (rest, strlen (rest) - strlen (".recovery"));
  if (g_strcmp0 (number, "new") == 0)
    return 0;
  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT64, &id, NULL))
    return -1;
  return (gint64) id;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ToaRecoveryRecord *x = *(ToaRecoveryRecord * const *) a;
  const ToaRecoveryRecord *y = *(ToaRecoveryRecord * const *) b;

  return (x->saved < y->saved) - (x->saved > y->saved);
}

/**
 * toa_recovery_list:
 * @error: return location for a #GError
 *
 * The records of this database and user: what a start after a crash
 * offers to restore. A damaged record is skipped (opening its article
 * reports it).
 *
 * Returns: (transfer full) (element-type ToaRecoveryRecord): the records,
 *   the most recently written first; %NULL when the folder cannot be read
 */
GPtrArray *
toa_recovery_list (ToaRecovery  *self,
                   GError      **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_recovery_record_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (TOA_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_dir_open (self->dir, 0, &local_error);
  if (dir == NULL)
    {
      /* Nothing was ever autosaved here. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&records);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gint64 id = id_of_record_name (self, name);
      ToaRecoveryRecord *record;

      if (id < 0)
        continue;
      record = toa_recovery_load (self, id, NULL);
      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  g_ptr_array_sort (records, compare_newest_first);
  return g_steal_pointer (&records);
}
