/* toa-model.c — the plain data the store hands out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-model.h"

/* Indexed by ToaArticleStatus; the names are what the database stores. */
static const struct
{
  const char *name;
  const char *label;
} statuses[] = {
  { "draft", N_("Draft") },
  { "submitted", N_("Waiting for approval") },
  { "approved", N_("Approved") },
  { "published", N_("Published") },
  { "archived", N_("Archived") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == TOA_ARTICLE_N_STATUSES);

static const struct
{
  ToaRoles    role;
  const char *name;
} roles_table[] = {
  { TOA_ROLE_AUTHOR, "author" },
  { TOA_ROLE_APPROVER, "approver" },
  { TOA_ROLE_LEADER, "leader" },
  { TOA_ROLE_PUBLISHER, "publisher" },
  { TOA_ROLE_ADMIN, "admin" },
};

/**
 * toa_article_status_to_string:
 *
 * Returns: (transfer none): the stored name ("draft", "submitted", …)
 */
const char *
toa_article_status_to_string (ToaArticleStatus status)
{
  g_return_val_if_fail (status < TOA_ARTICLE_N_STATUSES, NULL);

  return statuses[status].name;
}

/**
 * toa_article_status_from_string:
 * @name: a stored name
 * @status: (out): the status
 *
 * Returns: %TRUE if @name names a status
 */
gboolean
toa_article_status_from_string (const char       *name,
                                ToaArticleStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i].name, name) == 0)
      {
        *status = (ToaArticleStatus) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * toa_article_status_get_label:
 *
 * Returns: (transfer none): the translated name shown to users
 */
const char *
toa_article_status_get_label (ToaArticleStatus status)
{
  g_return_val_if_fail (status < TOA_ARTICLE_N_STATUSES, NULL);

  return _(statuses[status].label);
}

/**
 * toa_role_to_string:
 * @role: one role
 *
 * Returns: (transfer none) (nullable): its name ("author", …)
 */
const char *
toa_role_to_string (ToaRoles role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles_table); i++)
    if (roles_table[i].role == role)
      return roles_table[i].name;
  return NULL;
}

/**
 * toa_role_from_string:
 *
 * Returns: the role named @name, or %TOA_ROLE_NONE
 */
ToaRoles
toa_role_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles_table); i++)
    if (g_strcmp0 (roles_table[i].name, name) == 0)
      return roles_table[i].role;
  return TOA_ROLE_NONE;
}

/**
 * toa_roles_to_string:
 *
 * Returns: (transfer full): the names of @roles, comma-separated
 */
char *
toa_roles_to_string (ToaRoles roles)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roles_table); i++)
    {
      if ((roles & roles_table[i].role) == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, roles_table[i].name);
    }
  return g_string_free (out, FALSE);
}

/**
 * toa_user_copy:
 *
 * Returns: (transfer full): a deep copy
 */
/**
 * toa_user_get_display_name:
 * @user: a user
 *
 * People are named as the office knows them: the full name, or the login
 * when the full name is empty.
 *
 * Returns: (transfer none): the name to show
 */
const char *
toa_user_get_display_name (const ToaUser *user)
{
  g_return_val_if_fail (user != NULL, NULL);

  if (user->full_name != NULL && user->full_name[0] != '\0')
    return user->full_name;
  return user->login;
}

/**
 * toa_user_get_default_byline:
 * @user: a user
 *
 * The byline a new article of @user starts with: "Đỗ Nguyên - P. QLCN",
 * "P." being "Phòng", the office, as bylines on the portal write it; the
 * name alone for someone outside the offices.
 *
 * Returns: (transfer full): the byline
 */
char *
toa_user_get_default_byline (const ToaUser *user)
{
  g_return_val_if_fail (user != NULL, NULL);

  if (user->office == NULL || user->office[0] == '\0')
    return g_strdup (toa_user_get_display_name (user));
  return g_strdup_printf ("%s - P. %s", toa_user_get_display_name (user), user->office);
}

ToaUser *
toa_user_copy (const ToaUser *user)
{
  ToaUser *copy;

  g_return_val_if_fail (user != NULL, NULL);

  copy = g_new0 (ToaUser, 1);

  copy->login = g_strdup (user->login);
  copy->full_name = g_strdup (user->full_name);
  copy->office = g_strdup (user->office);
  copy->roles = user->roles;
  copy->retired = user->retired;
  return copy;
}

/**
 * toa_user_free:
 *
 * Frees the user and everything it owns; %NULL is ignored.
 */
void
toa_user_free (ToaUser *user)
{
  if (user == NULL)
    return;
  g_free (user->login);
  g_free (user->full_name);
  g_free (user->office);
  g_free (user);
}

/**
 * toa_office_copy:
 *
 * Returns: (transfer full): a deep copy
 */
ToaOffice *
toa_office_copy (const ToaOffice *office)
{
  ToaOffice *copy;

  g_return_val_if_fail (office != NULL, NULL);

  copy = g_new0 (ToaOffice, 1);

  copy->code = g_strdup (office->code);
  copy->name = g_strdup (office->name);
  copy->retired = office->retired;
  return copy;
}

/**
 * toa_office_free:
 *
 * Frees the office and everything it owns; %NULL is ignored.
 */
void
toa_office_free (ToaOffice *office)
{
  if (office == NULL)
    return;
  g_free (office->code);
  g_free (office->name);
  g_free (office);
}

/**
 * toa_category_copy:
 *
 * Returns: (transfer full): a deep copy
 */
ToaCategory *
toa_category_copy (const ToaCategory *category)
{
  ToaCategory *copy;

  g_return_val_if_fail (category != NULL, NULL);

  copy = g_new0 (ToaCategory, 1);

  copy->id = category->id;
  copy->name = g_strdup (category->name);
  copy->retired = category->retired;
  return copy;
}

/**
 * toa_category_free:
 *
 * Frees the category and everything it owns; %NULL is ignored.
 */
void
toa_category_free (ToaCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category);
}

/**
 * toa_article_copy:
 *
 * Returns: (transfer full): a deep copy
 */
ToaArticle *
toa_article_copy (const ToaArticle *article)
{
  ToaArticle *copy;

  g_return_val_if_fail (article != NULL, NULL);

  copy = g_memdup2 (article, sizeof *article);

  copy->office = g_strdup (article->office);
  copy->current_hash = g_strdup (article->current_hash);
  copy->approved_hash = g_strdup (article->approved_hash);
  copy->author = g_strdup (article->author);
  copy->revision_author = g_strdup (article->revision_author);
  copy->submitted_by = g_strdup (article->submitted_by);
  copy->content = article->content ? toa_article_content_copy (article->content) : NULL;
  copy->snippet = g_strdup (article->snippet);
  return copy;
}

/**
 * toa_article_free:
 *
 * Frees the article and everything it owns; %NULL is ignored.
 */
void
toa_article_free (ToaArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->office);
  g_free (article->current_hash);
  g_free (article->approved_hash);
  g_free (article->author);
  g_free (article->revision_author);
  g_free (article->submitted_by);
  g_clear_pointer (&article->content, toa_article_content_free);
  g_free (article->snippet);
  g_free (article);
}

/**
 * toa_revision_copy:
 *
 * Returns: (transfer full): a deep copy
 */
ToaRevision *
toa_revision_copy (const ToaRevision *revision)
{
  ToaRevision *copy;

  g_return_val_if_fail (revision != NULL, NULL);

  copy = g_memdup2 (revision, sizeof *revision);

  copy->author = g_strdup (revision->author);
  copy->hash = g_strdup (revision->hash);
  copy->content = revision->content ? toa_article_content_copy (revision->content) : NULL;
  return copy;
}

/**
 * toa_revision_free:
 *
 * Frees the revision and everything it owns; %NULL is ignored.
 */
void
toa_revision_free (ToaRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->author);
  g_free (revision->hash);
  g_clear_pointer (&revision->content, toa_article_content_free);
  g_free (revision);
}

/**
 * toa_transition_copy:
 *
 * Returns: (transfer full): a deep copy
 */
ToaTransition *
toa_transition_copy (const ToaTransition *transition)
{
  ToaTransition *copy;

  g_return_val_if_fail (transition != NULL, NULL);

  copy = g_memdup2 (transition, sizeof *transition);

  copy->action = g_strdup (transition->action);
  copy->actor = g_strdup (transition->actor);
  copy->comment = g_strdup (transition->comment);
  copy->hash = g_strdup (transition->hash);
  return copy;
}

/**
 * toa_transition_free:
 *
 * Frees the transition and everything it owns; %NULL is ignored.
 */
void
toa_transition_free (ToaTransition *transition)
{
  if (transition == NULL)
    return;
  g_free (transition->action);
  g_free (transition->actor);
  g_free (transition->comment);
  g_free (transition->hash);
  g_free (transition);
}

/**
 * toa_comment_copy:
 *
 * Returns: (transfer full): a deep copy
 */
ToaComment *
toa_comment_copy (const ToaComment *comment)
{
  ToaComment *copy;

  g_return_val_if_fail (comment != NULL, NULL);

  copy = g_memdup2 (comment, sizeof *comment);

  copy->author = g_strdup (comment->author);
  copy->text = g_strdup (comment->text);
  return copy;
}

/**
 * toa_comment_free:
 *
 * Frees the comment and everything it owns; %NULL is ignored.
 */
void
toa_comment_free (ToaComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->author);
  g_free (comment->text);
  g_free (comment);
}

/**
 * toa_lock_copy:
 *
 * Returns: (transfer full): a deep copy
 */
ToaLock *
toa_lock_copy (const ToaLock *lock)
{
  ToaLock *copy;

  g_return_val_if_fail (lock != NULL, NULL);

  copy = g_memdup2 (lock, sizeof *lock);

  copy->login = g_strdup (lock->login);
  copy->host = g_strdup (lock->host);
  return copy;
}

/**
 * toa_lock_free:
 *
 * Frees the lock and everything it owns; %NULL is ignored.
 */
void
toa_lock_free (ToaLock *lock)
{
  if (lock == NULL)
    return;
  g_free (lock->login);
  g_free (lock->host);
  g_free (lock);
}

/**
 * toa_article_query_new:
 *
 * Returns: (transfer full): a query that matches every article
 */
ToaArticleQuery *
toa_article_query_new (void)
{
  return g_new0 (ToaArticleQuery, 1);
}

/**
 * toa_article_query_copy:
 *
 * Returns: (transfer full): a deep copy
 */
ToaArticleQuery *
toa_article_query_copy (const ToaArticleQuery *query)
{
  ToaArticleQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);

  copy->office = g_strdup (query->office);
  copy->author = g_strdup (query->author);
  copy->waiting_for = g_strdup (query->waiting_for);
  copy->text = g_strdup (query->text);
  return copy;
}

/**
 * toa_article_query_free:
 *
 * Frees the article query and everything it owns; %NULL is ignored.
 */
void
toa_article_query_free (ToaArticleQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->office);
  g_free (query->author);
  g_free (query->waiting_for);
  g_free (query->text);
  g_free (query);
}

G_DEFINE_BOXED_TYPE (ToaUser, toa_user, toa_user_copy, toa_user_free)
G_DEFINE_BOXED_TYPE (ToaOffice, toa_office, toa_office_copy, toa_office_free)
G_DEFINE_BOXED_TYPE (ToaCategory, toa_category, toa_category_copy, toa_category_free)
G_DEFINE_BOXED_TYPE (ToaArticle, toa_article, toa_article_copy, toa_article_free)
G_DEFINE_BOXED_TYPE (ToaRevision, toa_revision, toa_revision_copy, toa_revision_free)
G_DEFINE_BOXED_TYPE (ToaTransition, toa_transition, toa_transition_copy, toa_transition_free)
G_DEFINE_BOXED_TYPE (ToaComment, toa_comment, toa_comment_copy, toa_comment_free)
G_DEFINE_BOXED_TYPE (ToaLock, toa_lock, toa_lock_copy, toa_lock_free)
G_DEFINE_BOXED_TYPE (ToaArticleQuery, toa_article_query, toa_article_query_copy,
                     toa_article_query_free)
