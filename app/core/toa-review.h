/* toa-review.h — the review desk's use of the store: which revisions to
 * compare, restoring an old revision, comments anchored to the body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-diff.h"
#include "toa-store.h"

G_BEGIN_DECLS

/* Comparisons and history (toa-store-history.c). */

gboolean    toa_store_get_default_comparison (ToaStore     *self,
                                              gint64        article_id,
                                              gint64       *from_revision,
                                              gint64       *to_revision,
                                              GError      **error);
GPtrArray  *toa_store_diff_revisions         (ToaStore     *self,
                                              gint64        from_revision,
                                              gint64        to_revision,
                                              GError      **error);
gint64      toa_store_restore_revision       (ToaStore     *self,
                                              gint64        article_id,
                                              gint64        revision_id,
                                              gint64        expected_version,
                                              const char   *actor_login,
                                              GError      **error);

/* The action name of the trail row toa_store_restore_revision() writes. */
#define TOA_REVIEW_ACTION_RESTORE_REVISION "restore-revision"

/* Comments anchored to the body (toa-store-comments.c). Offsets count
 * characters (Unicode code points) in the body's plain text, as
 * toa_body_to_plain_text() gives it, NFC. */

typedef enum
{
  TOA_ANCHOR_NONE,       /* a comment on the whole article */
  TOA_ANCHOR_ATTACHED,   /* the anchored text is where it was */
  TOA_ANCHOR_MOVED,      /* found again elsewhere: see the new offsets */
  TOA_ANCHOR_DETACHED,   /* the anchored text is gone from the body */
} ToaAnchorState;

#define TOA_TYPE_ANCHORED_COMMENT (toa_anchored_comment_get_type ())

/* A comment and where its anchor is in the current body. @start and
 * @end are the offsets in the current body (for MOVED, the new ones;
 * for DETACHED and NONE, -1); @anchor_text is the text the comment was
 * written about (NULL for NONE). */
typedef struct
{
  ToaComment     *comment;
  ToaAnchorState  state;
  gint64          start;
  gint64          end;
  char           *anchor_text;
} ToaAnchoredComment;

GType               toa_anchored_comment_get_type  (void) G_GNUC_CONST;
ToaAnchoredComment *toa_anchored_comment_copy      (const ToaAnchoredComment *comment);
void                toa_anchored_comment_free      (ToaAnchoredComment       *comment);

ToaAnchorState      toa_anchor_locate              (const char   *plain_text,
                                                    gint64        start,
                                                    gint64        end,
                                                    const char   *anchor_text,
                                                    gint64       *found_start,
                                                    gint64       *found_end);

gint64      toa_store_add_anchored_comment   (ToaStore     *self,
                                              gint64        article_id,
                                              const char   *author_login,
                                              const char   *text,
                                              gint64        start,
                                              gint64        end,
                                              GError      **error);
gboolean    toa_store_reopen_comment         (ToaStore     *self,
                                              gint64        comment_id,
                                              const char   *actor_login,
                                              GError      **error);
GPtrArray  *toa_store_list_anchored_comments (ToaStore     *self,
                                              gint64        article_id,
                                              GError      **error);
gint64      toa_store_count_unresolved_comments (ToaStore  *self,
                                              gint64        article_id,
                                              GError      **error);
GHashTable *toa_store_list_unresolved_counts (ToaStore     *self,
                                              GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaAnchoredComment, toa_anchored_comment_free)

G_END_DECLS
