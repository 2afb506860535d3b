/* toa-content-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TOA_CONTENT_ERROR (toa_content_error_quark ())

typedef enum
{
  TOA_CONTENT_ERROR_INVALID_UTF8,
  TOA_CONTENT_ERROR_MALFORMED,
  TOA_CONTENT_ERROR_INVALID,
  TOA_CONTENT_ERROR_UNSAFE,
  TOA_CONTENT_ERROR_TOO_LARGE,
} ToaContentError;

GQuark toa_content_error_quark (void);

G_END_DECLS
