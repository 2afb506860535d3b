/* toa-export-error.h — errors of the export formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TOA_EXPORT_ERROR (toa_export_error_quark ())

/**
 * ToaExportError:
 * @TOA_EXPORT_ERROR_INVALID: the document does not follow its schema
 * @TOA_EXPORT_ERROR_MALFORMED: the document is not well-formed XML
 * @TOA_EXPORT_ERROR_UNSAFE: the document declares a DTD or entities
 * @TOA_EXPORT_ERROR_TOO_LARGE: the input is larger than allowed
 * @TOA_EXPORT_ERROR_HASH_MISMATCH: the content does not match its hash
 * @TOA_EXPORT_ERROR_NOT_APPROVED: the article may not go to the portal
 * @TOA_EXPORT_ERROR_STYLESHEET: a stylesheet failed or was refused
 * @TOA_EXPORT_ERROR_MEDIA: an image could not be read or resized
 * @TOA_EXPORT_ERROR_IO: a file could not be written or read
 * @TOA_EXPORT_ERROR_BUNDLE: a bundle is damaged or was tampered with
 */
typedef enum
{
  TOA_EXPORT_ERROR_INVALID,
  TOA_EXPORT_ERROR_MALFORMED,
  TOA_EXPORT_ERROR_UNSAFE,
  TOA_EXPORT_ERROR_TOO_LARGE,
  TOA_EXPORT_ERROR_HASH_MISMATCH,
  TOA_EXPORT_ERROR_NOT_APPROVED,
  TOA_EXPORT_ERROR_STYLESHEET,
  TOA_EXPORT_ERROR_MEDIA,
  TOA_EXPORT_ERROR_IO,
  TOA_EXPORT_ERROR_BUNDLE,
} ToaExportError;

GQuark toa_export_error_quark (void);

G_END_DECLS
