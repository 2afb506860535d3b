/* toa-workflow.c — the editorial workflow as one data table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-workflow.h"

G_DEFINE_QUARK (toa-workflow-error-quark, toa_workflow_error)

/* Who may take an action: any one of these grants it. "Office" means the
 * user belongs to the article's office. */
typedef enum
{
  WHO_OFFICE_AUTHOR   = 1 << 0,  /* an author of the article's office */
  WHO_ARTICLE_AUTHOR  = 1 << 1,  /* the user who created the article */
  WHO_SUBMITTER       = 1 << 2,  /* whoever submitted it */
  WHO_OFFICE_APPROVER = 1 << 3,  /* an approver (head) of the article's office */
  WHO_LEADER          = 1 << 4,  /* a leader: approves for any office */
  WHO_PUBLISHER       = 1 << 5,
  WHO_ADMIN           = 1 << 6,
} Who;

/* Extra conditions checked after the roles. */
typedef enum
{
  CHECK_NONE               = 0,
  CHECK_SEPARATION         = 1 << 0,  /* approver ≠ author of the revision */
  CHECK_APPROVED_HASH      = 1 << 1,  /* content is what was approved */
  CHECK_PENDING_IF_PUBLISHED = 1 << 2,/* from published only with a new draft */
  STAYS_PUBLISHED_IF_LIVE  = 1 << 3,  /* "to draft" means "to published" while
                                       * a published revision is live */
} Check;

#define FROM(s) TOA_STATUS_BIT (TOA_ARTICLE_STATUS_##s)

typedef struct
{
  const char       *action;
  guint             from;        /* FROM() bits */
  ToaArticleStatus  to;
  Who               who;
  gboolean          comment_required;
  Check             checks;
  const char       *label;       /* N_() */
} Rule;

/* THE workflow. Adding a status or an action means editing this table
 * (and the status list in toa-model.c). A published article being edited
 * stays published with a newer current revision; "submit" then sends
 * that revision for approval while the published one stays live, and
 * withdrawing or returning it goes back to "published", not to "draft". */
static const Rule rules[] = {
  { "submit", FROM (DRAFT) | FROM (PUBLISHED), TOA_ARTICLE_STATUS_SUBMITTED,
    WHO_OFFICE_AUTHOR | WHO_ARTICLE_AUTHOR, FALSE, CHECK_PENDING_IF_PUBLISHED,
    N_("Submit for approval") },
  { "withdraw", FROM (SUBMITTED), TOA_ARTICLE_STATUS_DRAFT,
    WHO_SUBMITTER, FALSE, STAYS_PUBLISHED_IF_LIVE,
    N_("Withdraw") },
  { "return", FROM (SUBMITTED) | FROM (APPROVED), TOA_ARTICLE_STATUS_DRAFT,
    WHO_OFFICE_APPROVER | WHO_LEADER, TRUE, STAYS_PUBLISHED_IF_LIVE,
    N_("Return for changes") },
  { "approve", FROM (SUBMITTED), TOA_ARTICLE_STATUS_APPROVED,
    WHO_OFFICE_APPROVER | WHO_LEADER, FALSE, CHECK_SEPARATION,
    N_("Approve") },
  { "publish", FROM (APPROVED), TOA_ARTICLE_STATUS_PUBLISHED,
    WHO_PUBLISHER | WHO_LEADER, FALSE, CHECK_APPROVED_HASH,
    N_("Publish") },
  { "unpublish", FROM (PUBLISHED), TOA_ARTICLE_STATUS_ARCHIVED,
    WHO_OFFICE_APPROVER | WHO_LEADER | WHO_PUBLISHER, TRUE, CHECK_NONE,
    N_("Unpublish") },
  { "restore", FROM (ARCHIVED), TOA_ARTICLE_STATUS_DRAFT,
    WHO_ADMIN | WHO_LEADER, FALSE, CHECK_NONE,
    N_("Restore as draft") },
};

/* Who may edit (create a new revision) in which status. */
static const guint edit_from = FROM (DRAFT) | FROM (SUBMITTED) | FROM (APPROVED) | FROM (PUBLISHED);
static const Who edit_who = WHO_OFFICE_AUTHOR | WHO_ARTICLE_AUTHOR | WHO_OFFICE_APPROVER | WHO_LEADER;

static const char * const action_names[] = {
  "submit", "withdraw", "return", "approve", "publish", "unpublish", "restore", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (action_names) == G_N_ELEMENTS (rules) + 1);

static const Rule *
find_rule (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].action, action) == 0)
      return &rules[i];
  return NULL;
}

/**
 * toa_workflow_list_actions:
 *
 * Returns: (transfer none): the names of every workflow action
 */
const char * const *
toa_workflow_list_actions (void)
{
  return action_names;
}

/**
 * toa_workflow_action_exists:
 *
 * Returns: %TRUE if @action names a workflow action
 */
gboolean
toa_workflow_action_exists (const char *action)
{
  return find_rule (action) != NULL;
}

/**
 * toa_workflow_action_get_label:
 *
 * Returns: (transfer none) (nullable): the translated button label
 */
const char *
toa_workflow_action_get_label (const char *action)
{
  const Rule *rule = find_rule (action);

  return rule != NULL ? _(rule->label) : NULL;
}

/**
 * toa_workflow_action_requires_comment:
 *
 * Returns: %TRUE if @action needs a comment (the GUI asks for one first)
 */
gboolean
toa_workflow_action_requires_comment (const char *action)
{
  const Rule *rule = find_rule (action);

  return rule != NULL && rule->comment_required;
}

static gboolean
same_office (const ToaUser            *actor,
             const ToaWorkflowArticle *article)
{
  return actor->office != NULL && g_strcmp0 (actor->office, article->office) == 0;
}

static gboolean
actor_is (Who                       who,
          const ToaUser            *actor,
          const ToaWorkflowArticle *article)
{
  if ((who & WHO_OFFICE_AUTHOR) && (actor->roles & TOA_ROLE_AUTHOR) && same_office (actor, article))
    return TRUE;
  if ((who & WHO_ARTICLE_AUTHOR) && g_strcmp0 (actor->login, article->author) == 0)
    return TRUE;
  if ((who & WHO_SUBMITTER) && g_strcmp0 (actor->login, article->submitted_by) == 0)
    return TRUE;
  if ((who & WHO_OFFICE_APPROVER) && (actor->roles & TOA_ROLE_APPROVER) && same_office (actor, article))
    return TRUE;
  if ((who & WHO_LEADER) && (actor->roles & TOA_ROLE_LEADER))
    return TRUE;
  if ((who & WHO_PUBLISHER) && (actor->roles & TOA_ROLE_PUBLISHER))
    return TRUE;
  if ((who & WHO_ADMIN) && (actor->roles & TOA_ROLE_ADMIN))
    return TRUE;
  return FALSE;
}

static gboolean
has_text (const char *comment)
{
  if (comment == NULL)
    return FALSE;
  for (const char *p = comment; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
run_checks (const Rule               *rule,
            const ToaWorkflowArticle *article,
            const ToaUser            *actor,
            gboolean                  allow_self_approval,
            GError                  **error)
{
  if ((rule->checks & CHECK_SEPARATION) && !allow_self_approval &&
      g_strcmp0 (actor->login, article->revision_author) == 0)
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_SELF_APPROVAL,
                   _("You wrote this version of the article, so someone else must approve it"));
      return FALSE;
    }
  if ((rule->checks & CHECK_APPROVED_HASH) &&
      (article->approved_hash == NULL || g_strcmp0 (article->approved_hash, article->current_hash) != 0))
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_HASH_MISMATCH,
                   _("The article differs from the version that was approved; it cannot be published"));
      return FALSE;
    }
  if ((rule->checks & CHECK_PENDING_IF_PUBLISHED) &&
      article->status == TOA_ARTICLE_STATUS_PUBLISHED && !article->has_unpublished_changes)
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_WRONG_STATUS,
                   _("The article is published and has no new changes to submit"));
      return FALSE;
    }
  return TRUE;
}

/**
 * toa_workflow_check:
 * @action: an action name ("submit", …)
 * @article: the article as it is now
 * @actor: who asks
 * @comment: (nullable): the comment given with the action
 * @allow_self_approval: the database setting of that name
 * @to_status: (out) (optional): the status the action leads to
 * @error: return location for a #GError
 *
 * Decides whether @actor may take @action on @article now. Pure: reads
 * nothing but its arguments.
 *
 * Returns: %TRUE if permitted
 */
gboolean
toa_workflow_check (const char               *action,
                    const ToaWorkflowArticle *article,
                    const ToaUser            *actor,
                    const char               *comment,
                    gboolean                  allow_self_approval,
                    ToaArticleStatus         *to_status,
                    GError                  **error)
{
  const Rule *rule;

  g_return_val_if_fail (article != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rule = find_rule (action);
  if (rule == NULL)
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_UNKNOWN_ACTION,
                   _("Unknown workflow action “%s”"), action ? action : "");
      return FALSE;
    }
  if ((rule->from & TOA_STATUS_BIT (article->status)) == 0)
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_WRONG_STATUS,
                   _("“%s” is not possible while the article is “%s”"),
                   _(rule->label), toa_article_status_get_label (article->status));
      return FALSE;
    }
  if (!actor_is (rule->who, actor, article))
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_NOT_PERMITTED,
                   _("%s is not permitted to “%s” this article"),
                   toa_user_get_display_name (actor), _(rule->label));
      return FALSE;
    }
  if (rule->comment_required && !has_text (comment))
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_COMMENT_REQUIRED,
                   _("“%s” needs a comment saying why"), _(rule->label));
      return FALSE;
    }
  if (!run_checks (rule, article, actor, allow_self_approval, error))
    return FALSE;

  if (to_status != NULL)
    *to_status = (rule->checks & STAYS_PUBLISHED_IF_LIVE) && article->is_live
                 ? TOA_ARTICLE_STATUS_PUBLISHED : rule->to;
  return TRUE;
}

/**
 * toa_workflow_status_after_edit:
 * @article: the article before the edit
 *
 * Editing keeps the status, except that it voids an approval: an
 * approved article goes back to draft — or to published when a published
 * revision is still live.
 *
 * Returns: the status after saving a new revision
 */
ToaArticleStatus
toa_workflow_status_after_edit (const ToaWorkflowArticle *article)
{
  g_return_val_if_fail (article != NULL, TOA_ARTICLE_STATUS_DRAFT);

  if (article->status != TOA_ARTICLE_STATUS_APPROVED)
    return article->status;
  return article->is_live ? TOA_ARTICLE_STATUS_PUBLISHED : TOA_ARTICLE_STATUS_DRAFT;
}

/**
 * toa_workflow_can_edit:
 * @article: the article as it is now
 * @actor: who wants to save a new revision
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @actor may save a new revision of @article
 */
gboolean
toa_workflow_can_edit (const ToaWorkflowArticle *article,
                       const ToaUser            *actor,
                       GError                  **error)
{
  g_return_val_if_fail (article != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if ((edit_from & TOA_STATUS_BIT (article->status)) == 0)
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_WRONG_STATUS,
                   _("The article is “%s”; restore it before editing"),
                   toa_article_status_get_label (article->status));
      return FALSE;
    }
  if (!actor_is (edit_who, actor, article))
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_NOT_PERMITTED,
                   _("%s is not permitted to edit this article"), toa_user_get_display_name (actor));
      return FALSE;
    }
  return TRUE;
}

/**
 * toa_workflow_can_create:
 * @office: the office the new article belongs to
 * @actor: who creates it
 * @error: return location for a #GError
 *
 * Authors and approvers write for their own office; leaders for any.
 *
 * Returns: %TRUE if @actor may create an article for @office
 */
gboolean
toa_workflow_can_create (const char     *office,
                         const ToaUser  *actor,
                         GError        **error)
{
  ToaWorkflowArticle article = { .status = TOA_ARTICLE_STATUS_DRAFT, .office = office };

  g_return_val_if_fail (actor != NULL, FALSE);

  if (actor_is (WHO_OFFICE_AUTHOR | WHO_OFFICE_APPROVER | WHO_LEADER, actor, &article))
    return TRUE;
  g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_NOT_PERMITTED,
               _("%s is not permitted to write articles for the office %s"),
               toa_user_get_display_name (actor), office ? office : "");
  return FALSE;
}
