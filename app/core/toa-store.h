/* toa-store.h — the SQLite store: articles, revisions, the audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "toa-article-content.h"
#include "toa-model.h"
#include "toa-workflow.h"

G_BEGIN_DECLS

#define TOA_STORE_ERROR (toa_store_error_quark ())

typedef enum
{
  TOA_STORE_ERROR_FAILED,
  TOA_STORE_ERROR_NOT_FOUND,
  TOA_STORE_ERROR_CONFLICT,      /* someone else saved first / holds the lock */
  TOA_STORE_ERROR_INVALID,       /* bad input: empty title, invalid UTF-8, unknown office… */
  TOA_STORE_ERROR_EXISTS,        /* an office, category or user of that name exists */
  TOA_STORE_ERROR_CORRUPT,       /* not a database, damaged, or from a newer version */
  TOA_STORE_ERROR_READ_ONLY,
  TOA_STORE_ERROR_BUSY,
  TOA_STORE_ERROR_FULL,
  TOA_STORE_ERROR_NOT_PERMITTED, /* administration reserved to admins */
} ToaStoreError;

typedef enum /*< flags >*/
{
  TOA_STORE_OPEN_NONE      = 0,
  TOA_STORE_OPEN_READ_ONLY = 1 << 0,
} ToaStoreOpenFlags;

/* Soft edit locks expire without a heartbeat for this long. */
#define TOA_STORE_LOCK_TIMEOUT_USEC (2 * G_TIME_SPAN_MINUTE)

/* A ToaStore is one SQLite connection with its cached statements. Its
 * functions may be called from several threads (e.g. GTask workers): each
 * call holds the store's lock, so calls run one at a time. Several stores
 * and processes may share the file; writes wait for each other up to a
 * busy timeout. */
#define TOA_TYPE_STORE (toa_store_get_type ())
G_DECLARE_FINAL_TYPE (ToaStore, toa_store, TOA, STORE, GObject)

GQuark       toa_store_error_quark          (void);

char        *toa_store_get_default_path     (void);
ToaStore    *toa_store_open                 (const char         *path,
                                             GError            **error);
ToaStore    *toa_store_open_full            (const char         *path,
                                             ToaStoreOpenFlags   flags,
                                             GError            **error);
const char  *toa_store_get_path             (ToaStore           *self);
int          toa_store_get_schema_version   (ToaStore           *self);
int          toa_store_get_latest_schema_version (void);
gint64       toa_store_get_data_version     (ToaStore           *self);
void         toa_store_set_busy_timeout     (ToaStore           *self,
                                             guint               milliseconds);
gboolean     toa_store_check                (ToaStore           *self,
                                             char              **report,
                                             GError            **error);
gboolean     toa_store_backup               (ToaStore           *self,
                                             const char         *dest_path,
                                             GError            **error);

/* Settings: allow_self_approval ("0"/"1"). Changing one takes an admin. */
char        *toa_store_get_setting          (ToaStore           *self,
                                             const char         *key,
                                             GError            **error);
gboolean     toa_store_set_setting          (ToaStore           *self,
                                             const char         *actor_login,
                                             const char         *key,
                                             const char         *value,
                                             GError            **error);

/* Directory. While the database has no user, anyone may add offices and
 * categories, and the first user becomes admin; afterwards it takes an
 * admin (@actor_login). */
gboolean     toa_store_add_office           (ToaStore           *self,
                                             const char         *actor_login,
                                             const char         *code,
                                             const char         *name,
                                             GError            **error);
GPtrArray   *toa_store_list_offices         (ToaStore           *self,
                                             GError            **error);
gint64       toa_store_add_category         (ToaStore           *self,
                                             const char         *actor_login,
                                             const char         *name,
                                             GError            **error);
GPtrArray   *toa_store_list_categories      (ToaStore           *self,
                                             GError            **error);
gboolean     toa_store_add_user             (ToaStore           *self,
                                             const char         *actor_login,
                                             const char         *login,
                                             const char         *full_name,
                                             const char         *office,
                                             ToaRoles            roles,
                                             GError            **error);
ToaUser     *toa_store_get_user             (ToaStore           *self,
                                             const char         *login,
                                             GError            **error);
GPtrArray   *toa_store_list_users           (ToaStore           *self,
                                             GError            **error);

/* Changing and retiring the directory (toa-store-directory.c). Nothing is
 * deleted: history keeps naming retired rows. Lists include retired rows
 * (their `retired` field set); pickers for new work skip them. */
gboolean     toa_store_update_office        (ToaStore           *self,
                                             const char         *actor_login,
                                             const char         *code,
                                             const char         *name,
                                             GError            **error);
gboolean     toa_store_set_office_retired   (ToaStore           *self,
                                             const char         *actor_login,
                                             const char         *code,
                                             gboolean            retired,
                                             GError            **error);
gboolean     toa_store_update_category      (ToaStore           *self,
                                             const char         *actor_login,
                                             gint64              id,
                                             const char         *name,
                                             GError            **error);
gboolean     toa_store_set_category_retired (ToaStore           *self,
                                             const char         *actor_login,
                                             gint64              id,
                                             gboolean            retired,
                                             GError            **error);
gboolean     toa_store_update_user          (ToaStore           *self,
                                             const char         *actor_login,
                                             const char         *login,
                                             const char         *full_name,
                                             const char         *office,
                                             ToaRoles            roles,
                                             GError            **error);
gboolean     toa_store_set_user_retired     (ToaStore           *self,
                                             const char         *actor_login,
                                             const char         *login,
                                             gboolean            retired,
                                             GError            **error);

/* Articles and revisions. */
gint64       toa_store_create_article       (ToaStore                *self,
                                             const char              *office,
                                             const ToaArticleContent *content,
                                             const char              *author_login,
                                             GError                 **error);
gboolean     toa_store_save_revision        (ToaStore                *self,
                                             gint64                   article_id,
                                             gint64                   expected_version,
                                             const ToaArticleContent *content,
                                             const char              *author_login,
                                             gint64                  *new_version,
                                             GError                 **error);
gboolean     toa_store_delete_article       (ToaStore                *self,
                                             gint64                   article_id,
                                             const char              *actor_login,
                                             GError                 **error);
ToaArticle  *toa_store_get_article          (ToaStore                *self,
                                             gint64                   article_id,
                                             GError                 **error);
ToaRevision *toa_store_get_revision         (ToaStore                *self,
                                             gint64                   revision_id,
                                             GError                 **error);
GPtrArray   *toa_store_list_revisions       (ToaStore                *self,
                                             gint64                   article_id,
                                             GError                 **error);
GPtrArray   *toa_store_list_transitions     (ToaStore                *self,
                                             gint64                   article_id,
                                             GError                 **error);
GPtrArray   *toa_store_list_articles        (ToaStore                *self,
                                             const ToaArticleQuery   *query,
                                             guint                    offset,
                                             guint                    limit,
                                             GError                 **error);
gint64       toa_store_count_articles       (ToaStore                *self,
                                             const ToaArticleQuery   *query,
                                             GError                 **error);

/* The workflow (rules in toa-workflow.c). */
gboolean     toa_store_transition           (ToaStore                *self,
                                             gint64                   article_id,
                                             const char              *action,
                                             const char              *actor_login,
                                             const char              *comment,
                                             GError                 **error);
GStrv        toa_store_list_permitted_actions (ToaStore              *self,
                                             gint64                   article_id,
                                             const char              *actor_login,
                                             GError                 **error);

/* Comments. */
gint64       toa_store_add_comment          (ToaStore                *self,
                                             gint64                   article_id,
                                             const char              *author_login,
                                             const char              *text,
                                             GError                 **error);
gboolean     toa_store_resolve_comment      (ToaStore                *self,
                                             gint64                   comment_id,
                                             const char              *actor_login,
                                             GError                 **error);
GPtrArray   *toa_store_list_comments        (ToaStore                *self,
                                             gint64                   article_id,
                                             GError                 **error);

/* Soft edit locks: lock again within TOA_STORE_LOCK_TIMEOUT_USEC to keep
 * it (the heartbeat). */
gboolean     toa_store_lock_article         (ToaStore                *self,
                                             gint64                   article_id,
                                             const char              *login,
                                             const char              *host,
                                             GError                 **error);
gboolean     toa_store_unlock_article       (ToaStore                *self,
                                             gint64                   article_id,
                                             const char              *login,
                                             GError                 **error);
ToaLock     *toa_store_get_lock             (ToaStore                *self,
                                             gint64                   article_id,
                                             GError                 **error);

/* The same, in a worker thread (toa-store-async.c). */
void         toa_store_list_articles_async  (ToaStore                *self,
                                             const ToaArticleQuery   *query,
                                             guint                    offset,
                                             guint                    limit,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
GPtrArray   *toa_store_list_articles_finish (ToaStore                *self,
                                             GAsyncResult            *result,
                                             GError                 **error);
void         toa_store_count_articles_async (ToaStore                *self,
                                             const ToaArticleQuery   *query,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
gint64       toa_store_count_articles_finish (ToaStore               *self,
                                             GAsyncResult            *result,
                                             GError                 **error);
void         toa_store_save_revision_async  (ToaStore                *self,
                                             gint64                   article_id,
                                             gint64                   expected_version,
                                             const ToaArticleContent *content,
                                             const char              *author_login,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
gboolean     toa_store_save_revision_finish (ToaStore                *self,
                                             GAsyncResult            *result,
                                             gint64                  *new_version,
                                             GError                 **error);
void         toa_store_transition_async     (ToaStore                *self,
                                             gint64                   article_id,
                                             const char              *action,
                                             const char              *actor_login,
                                             const char              *comment,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
gboolean     toa_store_transition_finish    (ToaStore                *self,
                                             GAsyncResult            *result,
                                             GError                 **error);

G_END_DECLS
