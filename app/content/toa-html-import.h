/* toa-html-import.h — pasted and imported HTML to the canonical body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "toa-vn-legacy.h"

G_BEGIN_DECLS

#define TOA_TYPE_IMPORT_REPORT (toa_import_report_get_type ())

/**
 * ToaImportReport:
 * @elements_dropped: elements removed with everything inside them
 *   (scripts, styles, frames, forms, …)
 * @unsafe_links_removed: links whose target was not http, https, mailto
 *   or relative (their text is kept)
 * @file_images_dropped: images pointing at local files (`file://`, a
 *   path), which must be inserted from files
 * @other_images_dropped: other images that were not media of the article
 *   (remote or `data:` URLs)
 * @legacy_chars: characters converted from each legacy encoding, indexed
 *   by #ToaVnEncoding (the %TOA_VN_ENCODING_UNICODE slot stays 0)
 * @legacy_detected: the encoding of text without font information that
 *   was judged legacy and converted; %TOA_VN_ENCODING_UNICODE when the
 *   text was judged Unicode (or there was none)
 * @word_cleanup: Microsoft Word markup was recognised and cleaned up
 * @libreoffice_cleanup: LibreOffice markup was recognised
 * @lists_converted: Word list paragraphs turned into real list items
 *
 * What an import removed or converted, so that the user can be told.
 */
typedef struct
{
  guint          elements_dropped;
  guint          unsafe_links_removed;
  guint          file_images_dropped;
  guint          other_images_dropped;
  guint          legacy_chars[TOA_VN_ENCODING_VNI + 1];
  ToaVnEncoding  legacy_detected;
  gboolean       word_cleanup;
  gboolean       libreoffice_cleanup;
  guint          lists_converted;
} ToaImportReport;

GType            toa_import_report_get_type    (void) G_GNUC_CONST;
ToaImportReport *toa_import_report_new         (void);
ToaImportReport *toa_import_report_copy        (const ToaImportReport *report);
void             toa_import_report_free        (ToaImportReport       *report);
char            *toa_import_report_to_string   (const ToaImportReport *report);
gboolean         toa_import_report_is_empty    (const ToaImportReport *report);

char            *toa_html_import               (const char            *data,
                                                gsize                  len,
                                                const char            *declared_charset,
                                                ToaImportReport      **report,
                                                GError               **error);
char            *toa_plain_text_import         (const char            *data,
                                                gsize                  len,
                                                const char            *declared_charset,
                                                ToaImportReport      **report,
                                                GError               **error);
char            *toa_body_sanitize             (const char            *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaImportReport, toa_import_report_free)

G_END_DECLS
