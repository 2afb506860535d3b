/* toa-article-editor.h — the article editor pane: text, details, saving,
 * workflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-body-editor.h"

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_ARTICLE_EDITOR_ERROR (toa_article_editor_error_quark ())

typedef enum
{
  TOA_ARTICLE_EDITOR_ERROR_INVALID,    /* a detail the user typed is not valid */
  TOA_ARTICLE_EDITOR_ERROR_CANCELLED,  /* the user chose to stay */
} ToaArticleEditorError;

#define TOA_TYPE_ARTICLE_EDITOR (toa_article_editor_get_type ())

G_DECLARE_FINAL_TYPE (ToaArticleEditor, toa_article_editor, TOA, ARTICLE_EDITOR, GtkWidget)

GQuark            toa_article_editor_error_quark       (void);

ToaArticleEditor *toa_article_editor_new               (ToaStore            *store,
                                                        const char          *login);
gboolean          toa_article_editor_load              (ToaArticleEditor    *self,
                                                        gint64               article_id,
                                                        GError             **error);
void              toa_article_editor_start_new         (ToaArticleEditor    *self);
void              toa_article_editor_refresh           (ToaArticleEditor    *self);
gint64            toa_article_editor_get_article_id    (ToaArticleEditor    *self);
const char       *toa_article_editor_get_title         (ToaArticleEditor    *self);
gboolean          toa_article_editor_get_has_unsaved_changes (ToaArticleEditor *self);
ToaBodyEditor    *toa_article_editor_get_body_editor   (ToaArticleEditor    *self);
gboolean          toa_article_editor_get_read_only     (ToaArticleEditor    *self);
void              toa_article_editor_close_async       (ToaArticleEditor    *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          toa_article_editor_close_finish      (ToaArticleEditor    *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
