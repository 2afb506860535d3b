/* toa-store-export.c — exporting articles straight from the store
 *
 * The exporters take plain data; this file fills it from the store,
 * applies the portal policy and records every file written in the
 * `exports` table, so that who exported what, when, is on file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-export-bundle.h"
#include "toa-export-error.h"
#include "toa-store-export.h"
#include "toa-store-media.h"
#include "toa-store-private.h"

static char *
office_name (ToaStore   *store,
             const char *code)
{
  g_autoptr(GPtrArray) offices = toa_store_list_offices (store, NULL);

  for (guint i = 0; offices != NULL && i < offices->len; i++)
    {
      ToaOffice *office = g_ptr_array_index (offices, i);

      if (g_strcmp0 (office->code, code) == 0)
        return g_strdup (office->name);
    }
  return g_strdup (code);
}

static GDateTime *
date_time_from_usec (gint64 usec)
{
  if (usec <= 0)
    return NULL;
  return g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
}

/* When the article was last published, from the audit trail. */
static gint64
published_time (ToaStore *store,
                gint64    article_id)
{
  g_autoptr(GPtrArray) transitions = toa_store_list_transitions (store, article_id, NULL);
  gint64 when = 0;

  for (guint i = 0; transitions != NULL && i < transitions->len; i++)
    {
      ToaTransition *transition = g_ptr_array_index (transitions, i);

      if (g_strcmp0 (transition->action, "publish") == 0)
        when = transition->created;
    }
  return when;
}

/**
 * toa_store_export_load:
 * @store: the store
 * @article_id: the article
 * @error: return location for a #GError
 *
 * The article as the exporters take it: its current content, status and
 * the hash that was approved (if any), so that
 * toa_export_check_portal_policy() can tell whether it may leave.
 *
 * Returns: (transfer full) (nullable): the article
 */
ToaExportArticle *
toa_store_export_load (ToaStore  *store,
                       gint64     article_id,
                       GError   **error)
{
  g_autoptr(ToaArticle) article = NULL;
  ToaExportArticle *export;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);

  article = toa_store_get_article (store, article_id, error);
  if (article == NULL)
    return NULL;

  export = toa_export_article_new ();
  export->id = article->id;
  export->office_code = g_strdup (article->office);
  export->office_name = office_name (store, article->office);
  export->status = g_strdup (toa_article_status_to_string (article->status));
  export->author = g_strdup (article->author);
  export->created = date_time_from_usec (article->created);
  export->updated = date_time_from_usec (article->updated);
  export->published = date_time_from_usec (published_time (store, article->id));
  export->approved_revision = article->approved_revision;
  export->approved_hash = g_strdup (article->approved_hash);
  toa_article_content_free (export->content);
  export->content = toa_article_content_copy (article->content);
  return export;
}

static ToaExportMedia *
media_from_store (gint64     media_id,
                  gpointer   user_data,
                  GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ToaMedia) media = toa_store_get_media (user_data, media_id, &bytes, error);

  if (media == NULL)
    return NULL;
  return toa_export_media_new (bytes, media->mime, media->width, media->height);
}

/**
 * toa_store_export_use_media:
 * @store: the store
 * @exporter: the exporter
 *
 * Makes @exporter read the images an article references (`media:ID`)
 * from @store.
 */
void
toa_store_export_use_media (ToaStore    *store,
                            ToaExporter *exporter)
{
  g_return_if_fail (TOA_IS_STORE (store));
  g_return_if_fail (exporter != NULL);

  toa_exporter_set_media_func (exporter, media_from_store, g_object_ref (store), g_object_unref);
}

static gboolean
record_file (ToaStore    *store,
             gint64       article_id,
             gint64       revision_id,
             const char  *login,
             const char  *format,
             const char  *file_name,
             GBytes      *bytes,
             GError     **error)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autoptr(ToaStmt) stmt = NULL;

  stmt = toa_store_prepare (store,
                            "INSERT INTO exports (article_id, revision_id, login, created, format, file_name, sha256) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  toa_bind_id (stmt, 1, article_id);
  toa_bind_id (stmt, 2, revision_id);
  toa_bind_text (stmt, 3, login);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  toa_bind_text (stmt, 5, format);
  toa_bind_text (stmt, 6, file_name);
  toa_bind_text (stmt, 7, sha256);
  return toa_store_step_done (store, stmt, error);
}

static const char *
format_name (ToaExportFormat format,
             gboolean        preview)
{
  if (preview)
    return "preview";
  switch (format)
    {
    case TOA_EXPORT_FORMAT_XML:
      return "xml";
    case TOA_EXPORT_FORMAT_FRAGMENT:
      return "fragment";
    case TOA_EXPORT_FORMAT_PAGE:
      return "page";
    case TOA_EXPORT_FORMAT_LIFERAY:
      return "liferay";
    case TOA_EXPORT_FORMAT_NEWSML:
      return "newsml";
    default:
      g_return_val_if_reached ("unknown");
    }
}

static gboolean
record_files (ToaStore         *store,
              const ToaArticle *article,
              GPtrArray        *files,
              const char       *format,
              const char       *login,
              GError          **error)
{
  if (!toa_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      ToaExportFile *file = g_ptr_array_index (files, i);

      if (!record_file (store, article->id, article->current_revision, login, format,
                        file->path, file->bytes, error))
        {
          toa_store_rollback (store);
          return FALSE;
        }
    }
  return toa_store_commit (store, error);
}

/* An article as the export reads it, checked against the portal policy
 * unless it is a preview; @article receives the store's row. */
static ToaExportArticle *
load_checked (ToaStore    *store,
              gint64       article_id,
              gboolean     preview,
              ToaArticle **article,
              GError     **error)
{
  g_autoptr(ToaExportArticle) export = NULL;

  *article = toa_store_get_article (store, article_id, error);
  if (*article == NULL)
    return NULL;
  export = toa_store_export_load (store, article_id, error);
  if (export == NULL || (!preview && !toa_export_check_portal_policy (export, error)))
    return NULL;
  return g_steal_pointer (&export);
}

static void
add_paths (GPtrArray  *paths,
           const char *out_dir,
           GPtrArray  *files)
{
  for (guint i = 0; i < files->len; i++)
    {
      ToaExportFile *file = g_ptr_array_index (files, i);

      g_ptr_array_add (paths, g_build_filename (out_dir, file->path, NULL));
    }
}

/**
 * toa_store_export_article:
 * @store: the store
 * @exporter: the exporter (its media source is set to @store here)
 * @article_id: the article
 * @format: the format
 * @preview: export a draft as a visibly marked preview instead of for the
 *   portal
 * @out_dir: the folder to write into
 * @login: who exports (must be a user)
 * @error: return location for a #GError
 *
 * Exports one article. For the portal (@preview %FALSE) the article must
 * be approved or published with its approved content unchanged. Every
 * file written is recorded in the `exports` table with its SHA-256.
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the paths written
 */
GPtrArray *
toa_store_export_article (ToaStore         *store,
                          ToaExporter      *exporter,
                          gint64            article_id,
                          ToaExportFormat   format,
                          gboolean          preview,
                          const char       *out_dir,
                          const char       *login,
                          GError          **error)
{
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(ToaExportArticle) export = NULL;
  g_autoptr(GPtrArray) files = NULL;
  GPtrArray *paths;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (exporter != NULL, NULL);
  g_return_val_if_fail (out_dir != NULL, NULL);

  user = toa_store_require_actor (store, login, error);
  if (user == NULL)
    return NULL;
  export = load_checked (store, article_id, preview, &article, error);
  if (export == NULL)
    return NULL;

  toa_store_export_use_media (store, exporter);
  toa_exporter_set_preview (exporter, preview);
  files = toa_exporter_export_files (exporter, export, format, error);
  if (files == NULL || !toa_export_files_write (files, out_dir, error))
    return NULL;
  if (!record_files (store, article, files, format_name (format, preview), login, error))
    return NULL;

  paths = g_ptr_array_new_with_free_func (g_free);
  add_paths (paths, out_dir, files);
  return paths;
}

/**
 * toa_store_export_articles:
 * @store: the store
 * @exporter: the exporter (its media source is set to @store here)
 * @article_ids: (array length=n_articles): the articles
 * @n_articles: how many
 * @format: the format
 * @preview: as for toa_store_export_article()
 * @out_dir: the folder to write into
 * @login: who exports
 * @error: return location for a #GError
 *
 * toa_store_export_article() for several articles: all are read and
 * checked against the portal policy first (nothing is written when one
 * fails), then rendered and written on one thread per processor, then
 * recorded in the `exports` table.
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the paths
 *   written, article after article
 */
GPtrArray *
toa_store_export_articles (ToaStore        *store,
                           ToaExporter     *exporter,
                           const gint64    *article_ids,
                           guint            n_articles,
                           ToaExportFormat  format,
                           gboolean         preview,
                           const char      *out_dir,
                           const char      *login,
                           GError         **error)
{
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_article_free);
  g_autoptr(GPtrArray) exports = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_article_free);
  g_autoptr(GPtrArray) results = NULL;
  GPtrArray *paths;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (exporter != NULL, NULL);
  g_return_val_if_fail (article_ids != NULL || n_articles == 0, NULL);
  g_return_val_if_fail (out_dir != NULL, NULL);

  user = toa_store_require_actor (store, login, error);
  if (user == NULL)
    return NULL;
  for (guint i = 0; i < n_articles; i++)
    {
      ToaArticle *article = NULL;
      ToaExportArticle *export = load_checked (store, article_ids[i], preview, &article, error);

      if (article != NULL)
        g_ptr_array_add (articles, article);
      if (export == NULL)
        return NULL;
      g_ptr_array_add (exports, export);
    }

  toa_store_export_use_media (store, exporter);
  toa_exporter_set_preview (exporter, preview);
  results = toa_exporter_export_many (exporter, exports, format, out_dir, 0, NULL, error);
  if (results == NULL)
    return NULL;

  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_articles; i++)
    {
      GPtrArray *files = g_ptr_array_index (results, i);

      if (!record_files (store, g_ptr_array_index (articles, i), files, format_name (format, preview),
                         login, error))
        {
          g_ptr_array_unref (paths);
          return NULL;
        }
      add_paths (paths, out_dir, files);
    }
  return paths;
}

/**
 * toa_store_export_bundle:
 * @store: the store
 * @exporter: the exporter
 * @article_ids: (array length=n_articles): the articles
 * @n_articles: how many
 * @path: the .zip to write
 * @login: who exports
 * @error: return location for a #GError
 *
 * Writes one verifiable bundle of several articles for the portal; each
 * must pass the portal policy. The bundle is recorded once per article.
 *
 * Returns: %TRUE when the bundle was written
 */
gboolean
toa_store_export_bundle (ToaStore      *store,
                         ToaExporter   *exporter,
                         const gint64  *article_ids,
                         guint          n_articles,
                         const char    *path,
                         const char    *login,
                         GError       **error)
{
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_article_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (TOA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  user = toa_store_require_actor (store, login, error);
  if (user == NULL)
    return FALSE;
  for (guint i = 0; i < n_articles; i++)
    {
      ToaExportArticle *export = toa_store_export_load (store, article_ids[i], error);

      if (export == NULL)
        return FALSE;
      g_ptr_array_add (articles, export);
      if (!toa_export_check_portal_policy (export, error))
        return FALSE;
    }

  toa_store_export_use_media (store, exporter);
  toa_exporter_set_preview (exporter, FALSE);
  if (!toa_export_bundle_write (exporter, articles, path, error))
    return FALSE;
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  file_name = g_path_get_basename (path);

  if (!toa_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(ToaArticle) article = toa_store_get_article (store, article_ids[i], error);

      if (article == NULL ||
          !record_file (store, article->id, article->current_revision, login, "bundle", file_name, bytes, error))
        {
          toa_store_rollback (store);
          return FALSE;
        }
    }
  return toa_store_commit (store, error);
}

/**
 * toa_store_export_list_records:
 * @store: the store
 * @article_id: the article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8) (nullable): one line per
 *   recorded export of @article, oldest first: "FORMAT\tFILE\tSHA256\tLOGIN"
 */
GPtrArray *
toa_store_export_list_records (ToaStore  *store,
                               gint64     article_id,
                               GError   **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);

  stmt = toa_store_prepare (store,
                            "SELECT format, file_name, sha256, login FROM exports "
                            "WHERE article_id = ? ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  toa_bind_id (stmt, 1, article_id);
  for (rc = sqlite3_step (stmt); rc == SQLITE_ROW; rc = sqlite3_step (stmt))
    g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\t%s\t%s",
                                             sqlite3_column_text (stmt, 0),
                                             sqlite3_column_text (stmt, 1),
                                             sqlite3_column_text (stmt, 2),
                                             sqlite3_column_text (stmt, 3)));
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&lines);
}
