/* toa-vn-legacy.h — legacy Vietnamese encodings (TCVN3/ABC, VNI) to Unicode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TOA_VN_ENCODING_UNICODE,  /* nothing to convert */
  TOA_VN_ENCODING_TCVN3,    /* TCVN 5712:1993 "ABC", .VnTime/.VnArial… fonts */
  TOA_VN_ENCODING_VNI,      /* VNI-Windows, VNI-Times/VNI-Helve… fonts */
} ToaVnEncoding;

/* Which legacy encoding a font family implies (".VnTime", "VNI-Times",
 * "'.VnTimeH'", case-insensitive, quotes and fallbacks in a CSS
 * font-family list allowed). @upper_case is set for TCVN3's capital-only
 * ("…H") fonts. */
ToaVnEncoding toa_vn_encoding_for_font   (const char    *font_family,
                                          gboolean      *upper_case);

/* Converts @text, a UTF-8 string holding legacy bytes as the HTML parser
 * decoded them (each byte as its Windows-1252 character), to Unicode in
 * NFC. With @upper_case, letters come out capitalised (TCVN3 "H" fonts). */
char         *toa_vn_legacy_to_unicode   (const char    *text,
                                          ToaVnEncoding  encoding,
                                          gboolean       upper_case);

/* Decides whether plain @text (no font information) is evidently TCVN3 or
 * VNI rather than real Unicode Vietnamese; returns UNICODE when unsure.
 * Real Unicode Vietnamese must never be reported as legacy. */
ToaVnEncoding toa_vn_detect_legacy       (const char    *text);

const char   *toa_vn_encoding_to_string  (ToaVnEncoding  encoding);

G_END_DECLS
