/* toa-vn-legacy-fallback.c — stand-in until toa-vn-legacy.c is merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TEMPORARY. The legacy-encoding tables are written on another branch.
 * Until they are merged these weak definitions keep the library linking:
 * they convert nothing and detect nothing (the safe answer: Unicode).
 * The real, strong definitions replace them at link time; this file is
 * deleted when the branch is merged.
 */
#include "config.h"

#include "toa-vn-legacy.h"



__attribute__((weak)) ToaVnEncoding
toa_vn_encoding_for_font (const char *font_family,
                          gboolean   *upper_case)
{
  if (upper_case != NULL)
    *upper_case = FALSE;
  return TOA_VN_ENCODING_UNICODE;
}

__attribute__((weak)) char *
toa_vn_legacy_to_unicode (const char    *text,
                          ToaVnEncoding  encoding,
                          gboolean       upper_case)
{
  return g_strdup (text);
}

__attribute__((weak)) ToaVnEncoding
toa_vn_detect_legacy (const char *text)
{
  return TOA_VN_ENCODING_UNICODE;
}

__attribute__((weak)) const char *
toa_vn_encoding_to_string (ToaVnEncoding encoding)
{
  return "unicode";
}


