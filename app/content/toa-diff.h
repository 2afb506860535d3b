/* toa-diff.h — word-level differences between two texts or two revisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "toa-article-content.h"

G_BEGIN_DECLS

typedef enum
{
  TOA_DIFF_EQUAL,
  TOA_DIFF_DELETE,   /* only in the old text */
  TOA_DIFF_INSERT,   /* only in the new text */
} ToaDiffKind;

/* One run of text. Concatenating the EQUAL and DELETE ops of a list gives
 * the old text (NFC), the EQUAL and INSERT ops the new one. Within a
 * changed stretch the DELETE op comes before the INSERT op. */
typedef struct
{
  ToaDiffKind  kind;
  char        *text;
} ToaDiffOp;

/* What toa_diff_content() says about one field of the article. */
typedef struct
{
  const char *field;     /* "title", "lead", "body", "byline", "category",
                          * "event_date", "display_date", "tags" */
  const char *label;     /* translated field name */
  gboolean    changed;
  GPtrArray  *ops;       /* (element-type ToaDiffOp) over the field's text;
                          * the body's is its plain text, blocks separated
                          * by blank lines; tags are joined with ", " */
} ToaFieldDiff;

void        toa_diff_op_free          (ToaDiffOp          *op);
void        toa_field_diff_free       (ToaFieldDiff       *diff);

GPtrArray  *toa_diff_text             (const char         *old_text,
                                       const char         *new_text);
GPtrArray  *toa_diff_body             (const char         *old_plain,
                                       const char         *new_plain);
GPtrArray  *toa_diff_content          (const ToaArticleContent *old_content,
                                       const ToaArticleContent *new_content);
char       *toa_diff_format           (GPtrArray          *ops);
gboolean    toa_diff_has_changes      (GPtrArray          *ops);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaDiffOp, toa_diff_op_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaFieldDiff, toa_field_diff_free)

G_END_DECLS
