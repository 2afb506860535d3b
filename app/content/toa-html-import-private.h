/* toa-html-import-private.h — the steps of the HTML import pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "toa-html-import.h"

G_BEGIN_DECLS

/* What toa_word_detect_source() recognised in the markup. */
typedef enum
{
  TOA_HTML_SOURCE_GENERIC,
  TOA_HTML_SOURCE_WORD,
  TOA_HTML_SOURCE_LIBREOFFICE,
} ToaHtmlSource;

/* toa-word-cleanup.c: string-level clean-up before parsing (the CF_HTML
 * header, Office-prefixed tags, downlevel conditional comments), then the
 * tree-level conversion of Word's list paragraphs and headings. */
char          *toa_word_preclean          (const char       *html,
                                           gboolean         *office_tags);
ToaHtmlSource  toa_word_detect_source     (xmlNodePtr        root,
                                           gboolean          office_tags);
void           toa_word_convert_tree      (xmlNodePtr        root,
                                           ToaImportReport  *report);
char          *toa_css_get_property       (const char       *style,
                                           const char       *property);

/* toa-html-legacy.c: legacy Vietnamese text, by font on the parsed tree,
 * detected on the sanitized one. Converted text nodes carry a mark that
 * the sanitizer keeps (it never merges marked with unmarked text). */
void           toa_legacy_convert_fonts   (xmlNodePtr        root,
                                           ToaImportReport  *report);
void           toa_legacy_detect_tree     (xmlNodePtr        body,
                                           ToaImportReport  *report);
void           toa_legacy_mark_converted  (xmlNodePtr        text);
gboolean       toa_legacy_is_converted    (xmlNodePtr        text);

/* toa-sanitize.c: the allowlist. Returns a <body> element (in a new
 * document, free with xmlFreeDoc (node->doc)) holding only allowlisted
 * elements, attributes and text. toa_sanitize_merge_text() then joins
 * adjacent text nodes, marked or not, before serializing. */
xmlNodePtr     toa_sanitize_tree          (xmlNodePtr        root,
                                           ToaImportReport  *report);
void           toa_sanitize_merge_text    (xmlNodePtr        body);

/* toa-body-serializer.c: writes the children of a sanitized <body> as the
 * canonical body: whitespace collapsed, text NFC, only the escapes XML
 * needs. */
char          *toa_body_serialize         (xmlNodePtr        body);

gboolean       toa_html_is_space          (gunichar          c);

G_END_DECLS
