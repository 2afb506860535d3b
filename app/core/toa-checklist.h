/* toa-checklist.h — what must hold before an article is approved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_CHECKLIST_ERROR (toa_checklist_error_quark ())

typedef enum
{
  TOA_CHECKLIST_ERROR_FAILED,   /* items fail and no override reason was given */
} ToaChecklistError;

/* Titles longer than this fail the checklist (characters). */
#define TOA_CHECKLIST_MAX_TITLE_LENGTH 200

typedef enum
{
  TOA_CHECK_TITLE,         /* title present and not too long */
  TOA_CHECK_LEAD,          /* lead present */
  TOA_CHECK_CAPTIONS,      /* every figure has a caption */
  TOA_CHECK_BYLINE,        /* byline present */
  TOA_CHECK_COMMENTS,      /* no unresolved comment */
  TOA_CHECK_TEXT,          /* no legacy-encoded or un-normalised text */
  TOA_CHECK_N_ITEMS
} ToaCheckId;

/* One line of the checklist. @name is a stable identifier for scripts
 * ("title", "lead", "captions", "byline", "comments", "text"); @label and
 * @detail are translated; @detail says what to fix and is NULL when the
 * item passes. */
typedef struct
{
  ToaCheckId  id;
  const char *name;
  const char *label;
  gboolean    passed;
  char       *detail;
} ToaCheckItem;

GQuark      toa_checklist_error_quark     (void);
void        toa_check_item_free           (ToaCheckItem            *item);

GPtrArray  *toa_checklist_compute         (const ToaArticleContent *content,
                                           gint64                   unresolved_comments);
gboolean    toa_checklist_passed          (GPtrArray               *items);

GPtrArray  *toa_store_compute_checklist   (ToaStore                *self,
                                           gint64                   article_id,
                                           GError                 **error);
gboolean    toa_store_approve_checked     (ToaStore                *self,
                                           gint64                   article_id,
                                           const char              *actor_login,
                                           const char              *comment,
                                           const char              *override_reason,
                                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaCheckItem, toa_check_item_free)

G_END_DECLS
