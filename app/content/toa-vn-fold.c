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

/**
 * toa_vn_fold:
 * @text: (nullable): UTF-8 text
 *
 * The search form of @text: NFC first (text pasted from Word may be
 * decomposed), then every combining mark removed (tones and the marks of
 * ă â ê ô ơ ư), đ → d, lower case. "Đồng Tháp" → "dong thap". Invalid
 * UTF-8 folds to the empty string rather than to garbage.
 *
 * Returns: (transfer full): the folded text ("" for %NULL)
 */
char *
toa_vn_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, fold_letter (c));
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

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return g_utf8_strdown (nfc, -1);
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
