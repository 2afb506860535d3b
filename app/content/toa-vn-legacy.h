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
 * NFC. With @upper_case, letters come out capitalised (TCVN3 "H" fonts).
 * Convert before any whitespace clean-up: TCVN3's "ư" is U+00AD (soft
 * hyphen) and its 0xA0 is U+00A0. Text that already holds letters no
 * legacy byte gives (ư, ạ…) was typed in Unicode under a legacy font
 * name and is only normalised. */
char         *toa_vn_legacy_to_unicode   (const char    *text,
                                          ToaVnEncoding  encoding,
                                          gboolean       upper_case);

/* Decides whether plain @text (no font information) is evidently TCVN3 or
 * VNI rather than real Unicode Vietnamese; returns UNICODE when unsure.
 * Real Unicode Vietnamese must never be reported as legacy. */
ToaVnEncoding toa_vn_detect_legacy       (const char    *text);

const char   *toa_vn_encoding_to_string  (ToaVnEncoding  encoding);

/* The inverse of toa_vn_legacy_to_unicode(): @text (Unicode) written in
 * @encoding's bytes, each byte as its Windows-1252 character. With
 * @upper_case the text is first lower-cased, as TCVN3 "H" fonts expect
 * (TCVN3 has no capital letters with tone marks). Fails with
 * %TOA_CONTENT_ERROR_INVALID when a character has no legacy form. */
char         *toa_vn_unicode_to_legacy   (const char    *text,
                                          ToaVnEncoding  encoding,
                                          gboolean       upper_case,
                                          GError       **error);

/* Whether @word (one word, any case, NFC or not) has the shape of a
 * Vietnamese syllable: initial consonant, vowel nucleus, final consonant
 * and at most one tone mark allowed with that final. */
gboolean      toa_vn_word_is_syllable    (const char    *word);

typedef enum
{
  TOA_VN_ISSUE_NOT_NFC,     /* text not in Unicode normalization form C */
  TOA_VN_ISSUE_LEGACY,      /* a run that looks like TCVN3 or VNI bytes */
} ToaVnIssueKind;

/* One finding of toa_vn_text_check(): bytes [@start, @end) of the checked
 * text, the @encoding a legacy run seems to be in (UNICODE for NOT_NFC)
 * and the @suggestion that should replace it (NFC / converted text). */
typedef struct
{
  ToaVnIssueKind kind;
  ToaVnEncoding  encoding;
  gsize          start;
  gsize          end;
  char          *suggestion;
} ToaVnIssue;

void          toa_vn_issue_free          (ToaVnIssue    *issue);

/* Checks @text for runs that are not NFC and for runs that look like
 * legacy-encoded Vietnamese. Returns an array of #ToaVnIssue in text
 * order (empty when the text is clean), or %NULL with @error set when
 * @text is not valid UTF-8. */
GPtrArray    *toa_vn_text_check          (const char    *text,
                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaVnIssue, toa_vn_issue_free)

G_END_DECLS
