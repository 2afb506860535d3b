/* toa-vn-fold.c — Vietnamese search folding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-vn-fold.h"

/* đ/Đ have no canonical decomposition, so removing combining marks leaves
 * them alone; people type "d" for them in searches. */
static gunichar
fold_letter (gunichar c)
{
  if (c == 0x0111 || c == 0x0110)
    return 'd';
  return g_unichar_tolower (c);
}

/* The base letter of @c without its marks: the first character of its
 * full canonical decomposition (Vietnamese letters decompose to a Latin
 * base letter followed by at most two combining marks). */
static gunichar
base_letter (gunichar c)
{
  gunichar decomposition[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (g_unichar_fully_decompose (c, FALSE, decomposition, G_N_ELEMENTS (decomposition)) > 0)
    return decomposition[0];
  return c;
}

/**
 * toa_vn_fold:
 * @text: (nullable): UTF-8 text
 *
 * The search form of @text: every combining mark removed (tones and the
 * marks of ă â ê ô ơ ư), đ → d, lower case. "Đồng Tháp" → "dong thap".
 * Precomposed (NFC) and decomposed input (as Word sometimes pastes it)
 * fold the same, since marks are dropped either way. Invalid UTF-8 folds
 * to the empty string rather than to garbage.
 *
 * This runs on every saved body, so it works character by character
 * with an ASCII fast path instead of normalizing whole strings.
 *
 * Returns: (transfer full): the folded text ("" for %NULL)
 */
char *
toa_vn_fold (const char *text)
{
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          continue;
        }
      c = g_utf8_get_char (p);
      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, fold_letter (base_letter (c)));
    }
  return g_string_free (out, FALSE);
}

/**
 * toa_vn_fold_exact:
 * @text: (nullable): UTF-8 text
 *
 * NFC and lower case only, marks kept: what the diacritic-exact index
 * holds, so that "Đảng" ranks before "đăng" for a query typed "Đảng".
 *
 * Returns: (transfer full): the folded text ("" for %NULL)
 */
char *
toa_vn_fold_exact (const char *text)
{
  g_autofree char *nfc = NULL;
  const char *p;
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  /* Text without combining marks is already composed: skip the costly
   * whole-string normalization, which this runs on every saved body. */
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80 && g_unichar_combining_class (g_utf8_get_char (p)) != 0)
      break;
  if (*p != '\0')
    {
      nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      text = nfc;
    }

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x80)
        g_string_append_c (out, g_ascii_tolower (*p));
      else
        g_string_append_unichar (out, g_unichar_tolower (g_utf8_get_char (p)));
    }
  return g_string_free (out, FALSE);
}

/**
 * toa_vn_has_diacritics:
 * @text: UTF-8 text
 *
 * Returns: %TRUE when folding would change more than the case of @text
 */
gboolean
toa_vn_has_diacritics (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *exact = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  folded = toa_vn_fold (text);
  exact = toa_vn_fold_exact (text);
  return strcmp (folded, exact) != 0;
}
