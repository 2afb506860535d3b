/* toa-body-editor-private.h — what the editor's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-body-editor.h"
#include "toa-body-history.h"

G_BEGIN_DECLS

struct _ToaBodyEditor
{
  GtkWidget        parent_instance;

  GtkWidget       *toolbar;
  GtkTextView     *view;
  GtkTextBuffer   *buffer;

  /* > 0 while the editor itself changes the buffer: no typing rules */
  guint            loading;
  /* TRUE while properties are set to mirror the cursor */
  gboolean         syncing;
  int              insert_offset;
  GPtrArray       *insert_tags;

  gboolean         bold;
  gboolean         italic;
  gboolean         underline;
  gboolean         strikethrough;
  gboolean         bulleted_list;
  gboolean         numbered_list;
  gboolean         quote;
  const char      *block_format;
  guint            word_count;

  ToaBodyEditorMediaResolver    resolver;
  gpointer                      resolver_data;
  GDestroyNotify                resolver_destroy;
  ToaBodyEditorMediaImportFunc  media_import;
  gpointer                      media_import_data;
  GDestroyNotify                media_import_destroy;
  ToaBodyEditorImportFunc       import;
  gpointer                      import_data;
  GDestroyNotify                import_destroy;

  /* What deletions held besides text, for undo and redo */
  ToaBodyHistory  *history;
  gboolean         undoing;
  gboolean         redoing;
  guint            format_steps_met;  /* markers this undo or redo met */

  GtkNativeDialog *chooser;
  GCancellable    *cancellable;
};

void toa_body_editor_emit_changed       (ToaBodyEditor *self);
void toa_body_editor_notify_user        (ToaBodyEditor *self,
                                         const char    *message);

/* toa-body-clipboard.c */
void toa_body_editor_copy_clipboard     (ToaBodyEditor *self,
                                         GtkTextView   *view);
void toa_body_editor_cut_clipboard      (ToaBodyEditor *self,
                                         GtkTextView   *view);
void toa_body_editor_paste_clipboard    (ToaBodyEditor *self,
                                         GtkTextView   *view);

/* toa-body-links.c */
void toa_body_editor_insert_link_action (GtkWidget     *widget,
                                         const char    *action_name,
                                         GVariant      *parameter);
void toa_body_editor_set_link_action    (GtkWidget     *widget,
                                         const char    *action_name,
                                         GVariant      *parameter);

void     toa_body_editor_begin_format (ToaBodyEditor     *self,
                                       const GtkTextIter *start,
                                       const GtkTextIter *end);
void     toa_body_editor_end_format   (ToaBodyEditor     *self);

G_END_DECLS
