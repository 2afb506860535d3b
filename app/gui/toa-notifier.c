/* toa-notifier.c — desktop notifications for the review workflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store has no push channel (several processes share one SQLite
 * file), so the notifier polls: each check reads the transitions recorded
 * since the previous one and turns those that concern the acting user
 * into GNotifications. Approvers hear of new submissions in their office;
 * authors hear when their article is returned, approved or published.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-notifier.h"

struct _ToaNotifier
{
  GObject       parent_instance;

  GApplication *application;   /* weak: the application owns us */
  ToaStore     *store;
  char         *login;
  gint64        since;         /* transitions at or after this time are new */
  gint64        last_id;       /* the newest transition already handled */
  guint         timeout_id;
};

G_DEFINE_FINAL_TYPE (ToaNotifier, toa_notifier, G_TYPE_OBJECT)

enum
{
  SIGNAL_NOTIFICATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toa_notifier_finalize (GObject *object)
{
  ToaNotifier *self = TOA_NOTIFIER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->store);
  g_clear_pointer (&self->login, g_free);
  G_OBJECT_CLASS (toa_notifier_parent_class)->finalize (object);
}

static void
toa_notifier_class_init (ToaNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = toa_notifier_finalize;

  /**
   * ToaNotifier::notification:
   * @self: the notifier
   * @id: the notification's id ("toa-article-42-7")
   * @title: its title
   * @body: its body
   * @notification: the notification
   *
   * Emitted for every notification, before it is sent to the
   * application (if any). Tests and the window's sidebar listen here.
   */
  signals[SIGNAL_NOTIFICATION] =
    g_signal_new ("notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING,
                  G_TYPE_STRING, G_TYPE_NOTIFICATION);
}

static void
toa_notifier_init (ToaNotifier *self)
{
  self->since = g_get_real_time ();
}

/**
 * toa_notifier_new:
 * @application: (nullable): where to send notifications; %NULL only emits
 *   #ToaNotifier::notification
 * @store: the store to watch
 * @login: the acting user
 *
 * Creates a notifier that reports what happens from now on.
 *
 * Returns: (transfer full): the notifier
 */
ToaNotifier *
toa_notifier_new (GApplication *application,
                  ToaStore     *store,
                  const char   *login)
{
  ToaNotifier *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  return self;
}

/**
 * toa_notifier_set_since:
 * @self: the notifier
 * @since: a time (µs since the epoch, UTC)
 *
 * Makes the next check report transitions recorded at or after @since,
 * e.g. the time the user last closed the application.
 */
void
toa_notifier_set_since (ToaNotifier *self,
                        gint64       since)
{
  g_return_if_fail (TOA_IS_NOTIFIER (self));

  self->since = since;
  self->last_id = 0;
}

/**
 * toa_notifier_get_since:
 * @self: the notifier
 *
 * Returns: the time from which transitions count as new
 */
gint64
toa_notifier_get_since (ToaNotifier *self)
{
  g_return_val_if_fail (TOA_IS_NOTIFIER (self), 0);

  return self->since;
}

static gboolean
is_approver_for (const ToaUser    *user,
                 const ToaArticle *article)
{
  if ((user->roles & TOA_ROLE_APPROVER) == 0)
    return FALSE;
  return user->office == NULL || g_strcmp0 (user->office, article->office) == 0;
}

/* The title and body of what @transition means for @user, or FALSE when
 * it does not concern them. */
static gboolean
describe (const ToaUser       *user,
          const ToaArticle    *article,
          const ToaTransition *transition,
          char               **title,
          char               **body)
{
  const char *headline = article->content->title ? article->content->title : "";

  if (g_strcmp0 (transition->actor, user->login) == 0)
    return FALSE;

  if (g_str_equal (transition->action, "submit"))
    {
      if (!is_approver_for (user, article))
        return FALSE;
      *title = g_strdup (_("New article to approve"));
    }
  else if (g_strcmp0 (article->author, user->login) != 0)
    return FALSE;
  else if (g_str_equal (transition->action, "return"))
    *title = g_strdup (_("Your article was returned"));
  else if (g_str_equal (transition->action, "approve"))
    *title = g_strdup (_("Your article was approved"));
  else if (g_str_equal (transition->action, "publish"))
    *title = g_strdup (_("Your article was published"));
  else
    return FALSE;

  if (transition->comment != NULL && *transition->comment != '\0')
    *body = g_strdup_printf ("%s\n%s", headline, transition->comment);
  else
    *body = g_strdup (headline);
  return TRUE;
}

static void
send (ToaNotifier         *self,
      const ToaArticle    *article,
      const ToaTransition *transition,
      const char          *title,
      const char          *body)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autofree char *id = g_strdup_printf ("toa-article-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                         article->id, transition->id);

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-article", "x",
                                                 article->id);
  g_signal_emit (self, signals[SIGNAL_NOTIFICATION], 0, id, title, body, notification);
  if (self->application != NULL)
    g_application_send_notification (self->application, id, notification);
}

static guint
check_article (ToaNotifier      *self,
               const ToaUser    *user,
               const ToaArticle *article,
               gint64           *newest,
               GError          **error)
{
  g_autoptr(GPtrArray) transitions = toa_store_list_transitions (self->store, article->id, error);
  guint sent = 0;

  if (transitions == NULL)
    return 0;
  for (guint i = 0; i < transitions->len; i++)
    {
      const ToaTransition *transition = g_ptr_array_index (transitions, i);
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;

      if (transition->created < self->since || transition->id <= self->last_id)
        continue;
      *newest = MAX (*newest, transition->id);
      if (!describe (user, article, transition, &title, &body))
        continue;
      send (self, article, transition, title, body);
      sent++;
    }
  return sent;
}

/**
 * toa_notifier_check:
 * @self: the notifier
 * @error: return location for a #GError
 *
 * Reads the transitions recorded since the last check (by any connection
 * or process) and sends a notification for each that concerns the user.
 *
 * Returns: how many notifications were sent (0 on error)
 */
guint
toa_notifier_check (ToaNotifier  *self,
                    GError      **error)
{
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  ToaArticleQuery query = { 0 };
  gint64 newest;
  guint sent = 0;

  g_return_val_if_fail (TOA_IS_NOTIFIER (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  user = toa_store_get_user (self->store, self->login, error);
  if (user == NULL)
    return 0;
  /* A transition updates its article, so only recently touched articles
   * can hold new transitions. */
  query.updated_after = self->since;
  articles = toa_store_list_articles (self->store, &query, 0, G_MAXUINT, error);
  if (articles == NULL)
    return 0;

  newest = self->last_id;
  for (guint i = 0; i < articles->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      sent += check_article (self, user, g_ptr_array_index (articles, i), &newest, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return sent;
        }
    }
  self->last_id = newest;
  return sent;
}

static gboolean
on_timeout (gpointer user_data)
{
  ToaNotifier *self = user_data;
  g_autoptr(GError) error = NULL;

  /* A busy or locked database is normal with several users: the next
   * check reads the same transitions again, nothing is lost. */
  toa_notifier_check (self, &error);
  if (error != NULL)
    g_debug ("Checking for notifications: %s", error->message);
  return G_SOURCE_CONTINUE;
}

/**
 * toa_notifier_start:
 * @self: the notifier
 * @interval_seconds: how often to check (at least 1)
 *
 * Checks every @interval_seconds until toa_notifier_stop() or the
 * notifier is finalized.
 */
void
toa_notifier_start (ToaNotifier *self,
                    guint        interval_seconds)
{
  g_return_if_fail (TOA_IS_NOTIFIER (self));
  g_return_if_fail (interval_seconds > 0);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (interval_seconds, on_timeout, self);
}

/**
 * toa_notifier_stop:
 * @self: the notifier
 *
 * Stops the periodic checks.
 */
void
toa_notifier_stop (ToaNotifier *self)
{
  g_return_if_fail (TOA_IS_NOTIFIER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
}
