/* toa-workflow-bar.h — the status line and workflow buttons under the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-model.h"

G_BEGIN_DECLS

#define TOA_TYPE_WORKFLOW_BAR (toa_workflow_bar_get_type ())

G_DECLARE_FINAL_TYPE (ToaWorkflowBar, toa_workflow_bar, TOA, WORKFLOW_BAR, GtkWidget)

GtkWidget  *toa_workflow_bar_new             (void);
void        toa_workflow_bar_update          (ToaWorkflowBar     *self,
                                              ToaArticleStatus    status,
                                              const char         *last_action,
                                              const char         *actor_name,
                                              gint64              when,
                                              const char * const *permitted);
void        toa_workflow_bar_clear           (ToaWorkflowBar     *self);
const char *toa_workflow_bar_get_status_text (ToaWorkflowBar     *self);
GtkWidget  *toa_workflow_bar_get_button      (ToaWorkflowBar     *self,
                                              const char         *action);
void        toa_workflow_bar_set_unresolved  (ToaWorkflowBar     *self,
                                              guint               count);
const char *toa_workflow_bar_get_unresolved_text (ToaWorkflowBar *self);

G_END_DECLS
