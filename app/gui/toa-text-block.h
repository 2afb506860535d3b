/* toa-text-block.h — a few lines of text whose height never depends on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TOA_TYPE_TEXT_BLOCK (toa_text_block_get_type ())

G_DECLARE_FINAL_TYPE (ToaTextBlock, toa_text_block, TOA, TEXT_BLOCK, GtkWidget)

GtkWidget  *toa_text_block_new       (void);
const char *toa_text_block_get_text  (ToaTextBlock *self);
void        toa_text_block_set_text  (ToaTextBlock *self,
                                      const char   *text);
guint       toa_text_block_get_lines (ToaTextBlock *self);
void        toa_text_block_set_lines (ToaTextBlock *self,
                                      guint         lines);

guint       toa_text_block_get_line_count (ToaTextBlock *self);
gboolean    toa_text_block_is_ellipsized  (ToaTextBlock *self);
gboolean    toa_text_block_is_laid_out    (ToaTextBlock *self);
float       toa_text_block_get_xalign (ToaTextBlock *self);
void        toa_text_block_set_xalign (ToaTextBlock *self,
                                       float         xalign);

gboolean    toa_text_block_get_fit_text (ToaTextBlock *self);
void        toa_text_block_set_fit_text (ToaTextBlock *self,
                                         gboolean      fit_text);

/* Shared with other widgets that draw short texts in lists. */
typedef void (*ToaTextLayOutFunc) (GtkWidget *widget);

PangoLayout *toa_text_create_layout  (GtkWidget                  *widget,
                                      const char                 *text,
                                      guint                       lines,
                                      PangoAlignment              alignment);
int         toa_text_line_height     (GtkWidget                  *widget,
                                      const PangoFontDescription *font);
void        toa_text_lay_out_later   (GtkWidget                  *widget,
                                      ToaTextLayOutFunc           lay_out);
void        toa_text_retire_layout   (PangoLayout                *layout);

G_END_DECLS
