/* toa-workflow.h — who may move an article from which status to which
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "toa-model.h"

G_BEGIN_DECLS

#define TOA_WORKFLOW_ERROR (toa_workflow_error_quark ())

typedef enum
{
  TOA_WORKFLOW_ERROR_UNKNOWN_ACTION,
  TOA_WORKFLOW_ERROR_WRONG_STATUS,     /* the action does not apply to this status */
  TOA_WORKFLOW_ERROR_NOT_PERMITTED,    /* the user's roles or office do not allow it */
  TOA_WORKFLOW_ERROR_SELF_APPROVAL,    /* separation of duties */
  TOA_WORKFLOW_ERROR_COMMENT_REQUIRED,
  TOA_WORKFLOW_ERROR_HASH_MISMATCH,    /* publish: content differs from what was approved */
} ToaWorkflowError;

GQuark            toa_workflow_error_quark            (void);

/* The actions, in the order the table lists them. NULL-terminated. */
const char * const *toa_workflow_list_actions          (void);
gboolean          toa_workflow_action_exists           (const char *action);
const char       *toa_workflow_action_get_label        (const char *action);
gboolean          toa_workflow_action_requires_comment (const char *action);

/* What the workflow needs to know about one article and one user; the
 * store fills it from the database. */
typedef struct
{
  ToaArticleStatus  status;
  const char       *office;
  const char       *author;            /* who created the article */
  const char       *revision_author;   /* author of the current revision */
  const char       *submitted_by;
  const char       *current_hash;
  const char       *approved_hash;
  gboolean          has_unpublished_changes; /* published, current != published revision */
  gboolean          is_live;           /* a published revision is on the portal */
} ToaWorkflowArticle;

gboolean          toa_workflow_check                  (const char               *action,
                                                       const ToaWorkflowArticle *article,
                                                       const ToaUser            *actor,
                                                       const char               *comment,
                                                       gboolean                  allow_self_approval,
                                                       ToaArticleStatus         *to_status,
                                                       GError                  **error);
ToaArticleStatus  toa_workflow_status_after_edit      (const ToaWorkflowArticle *article);
gboolean          toa_workflow_can_edit               (const ToaWorkflowArticle *article,
                                                       const ToaUser            *actor,
                                                       GError                  **error);
gboolean          toa_workflow_can_create             (const char               *office,
                                                       const ToaUser            *actor,
                                                       GError                  **error);

G_END_DECLS
