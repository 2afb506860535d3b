/* toa-store-async.c — the store calls the GUI makes, off its main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each call runs the synchronous function in a GTask thread; the store's
 * lock makes that safe next to calls from other threads.
 */
#include "config.h"

#include "toa-store-private.h"

typedef struct
{
  ToaArticleQuery   *query;
  guint              offset;
  guint              limit;
  gint64             article_id;
  gint64             expected_version;
  gint64             new_version;
  ToaArticleContent *content;
  char              *login;
  char              *action;
  char              *comment;
} Call;

static void
call_free (Call *call)
{
  g_clear_pointer (&call->query, toa_article_query_free);
  g_clear_pointer (&call->content, toa_article_content_free);
  g_free (call->login);
  g_free (call->action);
  g_free (call->comment);
  g_free (call);
}

static GTask *
new_task (ToaStore            *self,
          gpointer             tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          Call               **call)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  *call = g_new0 (Call, 1);
  g_task_set_task_data (task, *call, (GDestroyNotify) call_free);
  return task;
}

static void
list_articles_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  Call *call = data;
  GError *error = NULL;
  GPtrArray *rows = toa_store_list_articles (source, call->query, call->offset, call->limit, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * toa_store_list_articles_async:
 * @self: a #ToaStore
 * @query: (nullable): filters (copied)
 * @offset: rows to skip
 * @limit: rows to return at most
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * toa_store_list_articles() in a worker thread.
 */
void
toa_store_list_articles_async (ToaStore               *self,
                               const ToaArticleQuery  *query,
                               guint                   offset,
                               guint                   limit,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (TOA_IS_STORE (self));

  task = new_task (self, toa_store_list_articles_async, cancellable, callback, user_data, &call);
  call->query = query != NULL ? toa_article_query_copy (query) : toa_article_query_new ();
  call->offset = offset;
  call->limit = limit;
  g_task_run_in_thread (task, list_articles_thread);
}

/**
 * toa_store_list_articles_finish:
 *
 * Returns: (transfer full) (element-type ToaArticle) (nullable): the page
 */
GPtrArray *
toa_store_list_articles_finish (ToaStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
count_articles_thread (GTask        *task,
                       gpointer      source,
                       gpointer      data,
                       GCancellable *cancellable)
{
  Call *call = data;
  GError *error = NULL;
  gint64 count = toa_store_count_articles (source, call->query, &error);

  if (count < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, count);
}

/**
 * toa_store_count_articles_async:
 * @self: a #ToaStore
 * @query: (nullable): filters (copied)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * toa_store_count_articles() in a worker thread.
 */
void
toa_store_count_articles_async (ToaStore               *self,
                                const ToaArticleQuery  *query,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (TOA_IS_STORE (self));

  task = new_task (self, toa_store_count_articles_async, cancellable, callback, user_data, &call);
  call->query = query != NULL ? toa_article_query_copy (query) : toa_article_query_new ();
  g_task_run_in_thread (task, count_articles_thread);
}

/**
 * toa_store_count_articles_finish:
 *
 * Returns: the count, -1 on error
 */
gint64
toa_store_count_articles_finish (ToaStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

static void
save_revision_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  Call *call = data;
  GError *error = NULL;

  if (toa_store_save_revision (source, call->article_id, call->expected_version, call->content,
                               call->login, &call->new_version, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * toa_store_save_revision_async:
 * @self: a #ToaStore
 * @article_id: the article
 * @expected_version: the version the editor started from
 * @content: the new content (copied)
 * @author_login: who saves
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * toa_store_save_revision() in a worker thread.
 */
void
toa_store_save_revision_async (ToaStore                 *self,
                               gint64                    article_id,
                               gint64                    expected_version,
                               const ToaArticleContent  *content,
                               const char               *author_login,
                               GCancellable             *cancellable,
                               GAsyncReadyCallback       callback,
                               gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (TOA_IS_STORE (self));
  g_return_if_fail (content != NULL);

  task = new_task (self, toa_store_save_revision_async, cancellable, callback, user_data, &call);
  call->article_id = article_id;
  call->expected_version = expected_version;
  call->content = toa_article_content_copy (content);
  call->login = g_strdup (author_login);
  /* A save that went through is reported as such even if the caller
   * cancelled meanwhile: "cancelled" must never hide a written revision. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, save_revision_thread);
}

/**
 * toa_store_save_revision_finish:
 * @self: a #ToaStore
 * @result: the #GAsyncResult
 * @new_version: (out) (optional): as for toa_store_save_revision(),
 *   including the other side's version on %TOA_STORE_ERROR_CONFLICT
 * @error: return location for a #GError
 *
 * Returns: %TRUE if saved
 */
gboolean
toa_store_save_revision_finish (ToaStore      *self,
                                GAsyncResult  *result,
                                gint64        *new_version,
                                GError       **error)
{
  Call *call;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  call = g_task_get_task_data (G_TASK (result));
  if (new_version != NULL)
    *new_version = call->new_version;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
transition_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Call *call = data;
  GError *error = NULL;

  if (toa_store_transition (source, call->article_id, call->action, call->login, call->comment, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * toa_store_transition_async:
 * @self: a #ToaStore
 * @article_id: the article
 * @action: the workflow action
 * @actor_login: who acts
 * @comment: (nullable): why
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * toa_store_transition() in a worker thread.
 */
void
toa_store_transition_async (ToaStore            *self,
                            gint64               article_id,
                            const char          *action,
                            const char          *actor_login,
                            const char          *comment,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (TOA_IS_STORE (self));
  g_return_if_fail (action != NULL);

  task = new_task (self, toa_store_transition_async, cancellable, callback, user_data, &call);
  call->article_id = article_id;
  call->action = g_strdup (action);
  call->login = g_strdup (actor_login);
  call->comment = g_strdup (comment);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, transition_thread);
}

/**
 * toa_store_transition_finish:
 *
 * Returns: %TRUE if the action was taken
 */
gboolean
toa_store_transition_finish (ToaStore      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
