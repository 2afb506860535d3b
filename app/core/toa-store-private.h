/* toa-store-private.h — what the store's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "toa-store.h"

G_BEGIN_DECLS

struct _ToaStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → prepared sqlite3_stmt */
  gboolean    read_only;
  GRecMutex   mutex;        /* held by every public function */
};

/* Public functions hold the store's lock for their whole run, so that a
 * GTask thread and the main thread may share one store. Recursive: public
 * functions call each other. A non-store @self takes no lock and is left
 * to the g_return_val_if_fail() guard that follows. */
#define TOA_STORE_LOCK(self) \
  g_autoptr(GRecMutexLocker) toa_store_locker G_GNUC_UNUSED = \
    TOA_IS_STORE (self) ? g_rec_mutex_locker_new (&(self)->mutex) : NULL

/* A cached statement, reset (not finalized) when it goes out of scope. */
typedef sqlite3_stmt ToaStmt;
void toa_stmt_release (ToaStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaStmt, toa_stmt_release)

ToaStmt  *toa_store_prepare          (ToaStore     *self,
                                      const char   *sql,
                                      GError      **error);
gboolean  toa_store_fail             (ToaStore     *self,
                                      int           rc,
                                      GError      **error);
gboolean  toa_store_step_done        (ToaStore     *self,
                                      ToaStmt      *stmt,
                                      GError      **error);
gboolean  toa_store_begin            (ToaStore     *self,
                                      GError      **error);
gboolean  toa_store_commit           (ToaStore     *self,
                                      GError      **error);
void      toa_store_rollback         (ToaStore     *self);
ToaUser  *toa_store_require_user     (ToaStore     *self,
                                      const char   *login,
                                      GError      **error);
ToaUser  *toa_store_require_actor    (ToaStore     *self,
                                      const char   *login,
                                      GError      **error);
gboolean  toa_store_require_admin    (ToaStore     *self,
                                      const char   *actor_login,
                                      GError      **error);
gboolean  toa_store_check_name       (const char   *text,
                                      const char   *empty,
                                      const char   *invalid,
                                      GError      **error);
gboolean  toa_store_office_in_service (ToaStore    *self,
                                      const char   *code,
                                      GError      **error);
gboolean  toa_store_allows_self_approval (ToaStore *self);

void      toa_bind_text              (ToaStmt      *stmt,
                                      int           index,
                                      const char   *text);
void      toa_bind_id                (ToaStmt      *stmt,
                                      int           index,
                                      gint64        id);
char     *toa_column_dup             (ToaStmt      *stmt,
                                      int           column);

/* One item of a list made from a result row; see toa_store_collect(). */
typedef gpointer (*ToaRowFunc) (ToaStmt *stmt);
GPtrArray *toa_store_collect         (ToaStore       *self,
                                      ToaStmt        *stmt,
                                      ToaRowFunc      from_row,
                                      GDestroyNotify  free_item,
                                      GError        **error);

/* A list row of toa-store-articles.c's ARTICLE_COLUMNS (no body). */
ToaArticle *toa_store_article_from_row (ToaStmt    *stmt);
/* The FTS5 query for what a user typed; NULL when nothing to search. */
char       *toa_store_build_match      (const char *text,
                                        gboolean    exact);

G_END_DECLS
