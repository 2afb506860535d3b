/* toa-vn-legacy.c — legacy Vietnamese encodings (TCVN3/ABC, VNI) to Unicode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Word documents from the 1990s and 2000s still circulate with text typed
 * in ".VnTime" (TCVN3) or "VNI-Times" (VNI-Windows) fonts. Such text is
 * stored as Windows-1252 characters: the font, not the encoding, draws
 * "Th«ng b¸o" as "Thông báo". When it is pasted, the HTML parser hands us
 * those Windows-1252 characters, so every table below is indexed by the
 * Unicode code point a legacy byte decodes to in Windows-1252. Bytes
 * 0xA0–0xFF decode to U+00A0–U+00FF; bytes 0x80–0x9F are punctuation in
 * both worlds (the fonts draw “ ” – — there too) and are left alone.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-content-error.h"
#include "toa-vn-legacy.h"

/* Combining marks: the five tones and the three "quality" marks. */
#define MARK_GRAVE      0x0300
#define MARK_ACUTE      0x0301
#define MARK_CIRCUMFLEX 0x0302
#define MARK_TILDE      0x0303
#define MARK_BREVE      0x0306
#define MARK_HOOK       0x0309
#define MARK_HORN       0x031B
#define MARK_DOT        0x0323

/* TCVN 5712:1993, the single-byte "ABC" table (VN3), bytes 0xA0–0xFF.
 * Positions 0xAF, 0xBA, 0xBF–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0 and 0xFF
 * hold capital letters with tone marks in the full table (VN1); ABC fonts
 * mostly leave them empty, but when one does occur that is what it means.
 * Bytes 0xB0–0xB4 are the five tones as stand-alone (combining) marks. */
static const gunichar tcvn3_table[96] = {
  /* 0xA0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
  /* 0xA8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
  /* 0xB0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
  /* 0xB8 */ 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
  /* 0xC0 */ 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
  /* 0xC8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
  /* 0xD0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
  /* 0xD8 */ 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
  /* 0xE0 */ 0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
  /* 0xE8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
  /* 0xF0 */ 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
  /* 0xF8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

/* VNI-Windows writes a toned vowel as its base letter followed by a mark
 * byte ("Vieät" = "Việt"); ơ, ư, đ and the toned i / ỵ are single bytes.
 * The table covers bytes 0xE0–0xFF (lower case); bytes 0xC0–0xDF are the
 * same entries for capital letters. An entry is either a @letter or up to
 * two combining marks to put after the preceding vowel. */
typedef struct
{
  gunichar letter;
  gunichar quality;
  gunichar tone;
} VniEntry;

static const VniEntry vni_table[32] = {
  /* 0xE0 à */ { 0, MARK_CIRCUMFLEX, MARK_GRAVE },
  /* 0xE1 á */ { 0, MARK_CIRCUMFLEX, MARK_ACUTE },
  /* 0xE2 â */ { 0, MARK_CIRCUMFLEX, 0 },
  /* 0xE3 ã */ { 0, MARK_CIRCUMFLEX, MARK_TILDE },
  /* 0xE4 ä */ { 0, MARK_CIRCUMFLEX, MARK_DOT },
  /* 0xE5 å */ { 0, MARK_CIRCUMFLEX, MARK_HOOK },
  /* 0xE6 æ */ { 0x1EC9, 0, 0 },                /* ỉ */
  /* 0xE7 ç */ { 0, 0, 0 },
  /* 0xE8 è */ { 0, MARK_BREVE, MARK_GRAVE },
  /* 0xE9 é */ { 0, MARK_BREVE, MARK_ACUTE },
  /* 0xEA ê */ { 0, MARK_BREVE, 0 },
  /* 0xEB ë */ { 0, MARK_BREVE, MARK_DOT },
  /* 0xEC ì */ { 0x00EC, 0, 0 },                /* ì */
  /* 0xED í */ { 0x00ED, 0, 0 },                /* í */
  /* 0xEE î */ { 0x1EF5, 0, 0 },                /* ỵ */
  /* 0xEF ï */ { 0, 0, MARK_DOT },
  /* 0xF0 ð */ { 0, 0, 0 },
  /* 0xF1 ñ */ { 0x0111, 0, 0 },                /* đ */
  /* 0xF2 ò */ { 0x1ECB, 0, 0 },                /* ị */
  /* 0xF3 ó */ { 0x0129, 0, 0 },                /* ĩ */
  /* 0xF4 ô */ { 0x01A1, 0, 0 },                /* ơ */
  /* 0xF5 õ */ { 0, 0, MARK_TILDE },
  /* 0xF6 ö */ { 0x01B0, 0, 0 },                /* ư */
  /* 0xF7 ÷ */ { 0, 0, 0 },
  /* 0xF8 ø */ { 0, 0, MARK_GRAVE },
  /* 0xF9 ù */ { 0, 0, MARK_ACUTE },
  /* 0xFA ú */ { 0, MARK_BREVE, MARK_HOOK },
  /* 0xFB û */ { 0, 0, MARK_HOOK },
  /* 0xFC ü */ { 0, MARK_BREVE, MARK_TILDE },
  /* 0xFD ý */ { 0, 0, 0 },
  /* 0xFE þ */ { 0, 0, 0 },
  /* 0xFF ÿ */ { 0, 0, 0 },
};

/* The characters Windows-1252 gives bytes 0x80–0x9F: legacy text can hold
 * them, real Unicode Vietnamese letters never come from there. */
static const gunichar cp1252_specials[] = {
  0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
  0x0160, 0x2039, 0x0152, 0x017D, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
  0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178,
};

static gboolean
is_cp1252_char (gunichar c)
{
  if (c < 0x0100)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (cp1252_specials); i++)
    {
      if (cp1252_specials[i] == c)
        return TRUE;
    }
  return FALSE;
}

static const VniEntry *
vni_entry (gunichar c,
           gboolean *capital)
{
  if (c < 0x00C0 || c > 0x00FF)
    return NULL;
  *capital = c < 0x00E0;
  return &vni_table[c & 0x1F];
}

static gboolean
is_vowel (gunichar c)
{
  c = g_unichar_tolower (c);
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
         || c == 0x01A1 || c == 0x01B0;
}

static void
append_tcvn3 (GString  *out,
              gunichar  c)
{
  if (c >= 0x00A0 && c <= 0x00FF)
    c = tcvn3_table[c - 0x00A0];
  g_string_append_unichar (out, c);
}

/* Returns whether the character appended ends in a vowel that a VNI mark
 * byte may follow. */
static gboolean
append_vni (GString  *out,
            gunichar  c,
            gboolean  after_vowel)
{
  gboolean capital = FALSE;
  const VniEntry *entry = vni_entry (c, &capital);

  if (entry != NULL && entry->letter != 0)
    {
      gunichar letter = capital ? g_unichar_toupper (entry->letter) : entry->letter;

      g_string_append_unichar (out, letter);
      return letter == 0x01A0 || letter == 0x01A1 || letter == 0x01AF || letter == 0x01B0;
    }
  /* A mark byte only means a mark right after a vowel; elsewhere (a stray
   * "é" after a consonant) it is kept as it is rather than guessed at. */
  if (entry != NULL && (entry->quality != 0 || entry->tone != 0) && after_vowel)
    {
      if (entry->quality != 0)
        g_string_append_unichar (out, entry->quality);
      if (entry->tone != 0)
        g_string_append_unichar (out, entry->tone);
      return FALSE;
    }
  g_string_append_unichar (out, c);
  return is_vowel (c);
}

static char *
convert_range (const char    *text,
               gssize         length,
               ToaVnEncoding  encoding,
               gboolean       upper_case)
{
  g_autoptr(GString) out = g_string_sized_new (length >= 0 ? (gsize) length * 2 : 64);
  const char *end = length >= 0 ? text + length : NULL;
  gboolean after_vowel = FALSE;

  for (const char *p = text; (end == NULL ? *p != '\0' : p < end); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (encoding == TOA_VN_ENCODING_TCVN3)
        append_tcvn3 (out, c);
      else if (encoding == TOA_VN_ENCODING_VNI)
        after_vowel = append_vni (out, c, after_vowel);
      else
        g_string_append_unichar (out, c);
    }

  if (upper_case && encoding != TOA_VN_ENCODING_UNICODE)
    {
      g_autoptr(GString) upper = g_string_sized_new (out->len);

      /* Per character rather than g_utf8_strup(): the result must not
       * depend on the user's locale (Turkish dotted i). */
      for (const char *p = out->str; *p != '\0'; p = g_utf8_next_char (p))
        g_string_append_unichar (upper, g_unichar_toupper (g_utf8_get_char (p)));
      g_string_free (out, TRUE);
      out = g_steal_pointer (&upper);
    }

  return g_utf8_normalize (out->str, out->len, G_NORMALIZE_NFC);
}

/**
 * toa_vn_encoding_for_font:
 * @font_family: a font name or a CSS font-family list
 * @upper_case: (out) (optional): set for TCVN3 capital-only ("…H") fonts
 *
 * Only the first family of a list counts: fallbacks are used when the
 * first font is missing, and the author's machine had it.
 *
 * Returns: the encoding text in that font is stored in
 */
ToaVnEncoding
toa_vn_encoding_for_font (const char *font_family,
                          gboolean   *upper_case)
{
  g_autofree char *name = NULL;
  const char *p = font_family;
  const char *start;
  char quote = 0;
  gsize len;

  if (upper_case != NULL)
    *upper_case = FALSE;
  g_return_val_if_fail (font_family != NULL, TOA_VN_ENCODING_UNICODE);

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\'' || *p == '"')
    quote = *p++;
  start = p;
  while (*p != '\0' && (quote != 0 ? *p != quote : *p != ','))
    p++;
  name = g_ascii_strdown (start, p - start);
  g_strstrip (name);
  len = strlen (name);

  if (g_str_has_prefix (name, ".vn") && len > 3)
    {
      if (upper_case != NULL)
        *upper_case = name[len - 1] == 'h';
      return TOA_VN_ENCODING_TCVN3;
    }
  if ((g_str_has_prefix (name, "vni-") || g_str_has_prefix (name, "vni ")) && len > 4)
    return TOA_VN_ENCODING_VNI;
  return TOA_VN_ENCODING_UNICODE;
}

/* Letters and marks no legacy byte decodes to (ư, ạ, ễ, a combining
 * tone…) prove that text was typed in Unicode, whatever its font says. */
static gboolean
has_unicode_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_cp1252_char (c) && (g_unichar_isalpha (c) || g_unichar_ismark (c)))
        return TRUE;
    }
  return FALSE;
}

/**
 * toa_vn_legacy_to_unicode:
 * @text: UTF-8 text, legacy bytes decoded as Windows-1252
 * @encoding: the encoding the text's font implies
 * @upper_case: whether the font shows every letter as a capital
 *
 * Characters that are not legacy bytes (ASCII, the Windows-1252
 * punctuation) pass through unchanged. Text holding letters that no
 * legacy byte gives (ư, ạ…) was typed in Unicode with a legacy font still
 * selected, a common sight in converted documents: it is only normalised,
 * since converting would garble its Latin-1 letters (à, ô…).
 *
 * Returns: (transfer full): the text in Unicode, NFC
 */
char *
toa_vn_legacy_to_unicode (const char    *text,
                          ToaVnEncoding  encoding,
                          gboolean       upper_case)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  if (encoding != TOA_VN_ENCODING_UNICODE && has_unicode_letters (text))
    return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return convert_range (text, -1, encoding, upper_case);
}

/**
 * toa_vn_encoding_to_string:
 * @encoding: an encoding
 *
 * Returns: a stable, untranslated name ("unicode", "tcvn3", "vni") for
 *   logs, JSON output and test messages
 */
const char *
toa_vn_encoding_to_string (ToaVnEncoding encoding)
{
  switch (encoding)
    {
    case TOA_VN_ENCODING_UNICODE:
      return "unicode";
    case TOA_VN_ENCODING_TCVN3:
      return "tcvn3";
    case TOA_VN_ENCODING_VNI:
      return "vni";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- Unicode to legacy: the tables read backwards ---- */

static gboolean
tcvn3_encode_char (gunichar  c,
                   GString  *out)
{
  /* Capitals with tones (VN1 positions) are not written: ABC fonts do not
   * draw them; capital text belongs in an "H" font. Stand-alone marks are
   * not written either: precomposed letters are the norm. */
  for (guint i = 0; i < G_N_ELEMENTS (tcvn3_table); i++)
    {
      gunichar u = tcvn3_table[i];

      if (u != c || (u >= 0x0300 && u <= 0x0323))
        continue;
      if (g_unichar_isupper (u) && u >= 0x1EA0)
        continue;
      g_string_append_unichar (out, 0x00A0 + i);
      return TRUE;
    }
  return FALSE;
}

static char *
utf8_of (gunichar c)
{
  char *utf8 = g_malloc0 (8);

  g_unichar_to_utf8 (c, utf8);
  return utf8;
}

/* The VNI table read backwards, built once: letter → its bytes. Single
 * bytes (ơ, ư, đ, ì, í, ỉ, ĩ, ị, ỵ) win over a base letter and a mark
 * byte; a mark byte goes with a base of the same case. */
static GHashTable *
vni_inverse (void)
{
  static GHashTable *inverse = NULL;
  static const char *const bases[] = { "a", "e", "i", "o", "u", "y", "\xc3\xb4", "\xc3\xb6" };

  if (g_once_init_enter (&inverse))
    {
      GHashTable *table = g_hash_table_new_full (NULL, NULL, NULL, g_free);

      for (guint i = 0; i < G_N_ELEMENTS (vni_table); i++)
        {
          gunichar letter = vni_table[i].letter;

          if (letter == 0)
            continue;
          g_hash_table_insert (table, GUINT_TO_POINTER (letter), utf8_of (0xE0 + i));
          g_hash_table_insert (table, GUINT_TO_POINTER (g_unichar_toupper (letter)),
                               utf8_of (0xC0 + i));
        }
      for (guint capital = 0; capital < 2; capital++)
        {
          for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
            {
              gunichar base = g_utf8_get_char (bases[i]);

              if (capital)
                base = g_unichar_toupper (base);
              for (guint m = 0; m < G_N_ELEMENTS (vni_table); m++)
                {
                  gunichar pair[2] = { base, (capital ? 0xC0 : 0xE0) + m };
                  g_autofree char *bytes = NULL;
                  g_autofree char *decoded = NULL;
                  gunichar c;

                  if (vni_table[m].letter != 0
                      || (vni_table[m].quality == 0 && vni_table[m].tone == 0))
                    continue;
                  bytes = g_ucs4_to_utf8 (pair, 2, NULL, NULL, NULL);
                  decoded = convert_range (bytes, -1, TOA_VN_ENCODING_VNI, FALSE);
                  c = g_utf8_get_char (decoded);
                  if (g_utf8_strlen (decoded, -1) == 1
                      && !g_hash_table_contains (table, GUINT_TO_POINTER (c)))
                    g_hash_table_insert (table, GUINT_TO_POINTER (c), g_steal_pointer (&bytes));
                }
            }
        }
      g_once_init_leave (&inverse, table);
    }
  return inverse;
}

static gboolean
vni_encode_char (gunichar  c,
                 GString  *out)
{
  const char *bytes = g_hash_table_lookup (vni_inverse (), GUINT_TO_POINTER (c));

  if (bytes == NULL)
    return FALSE;
  g_string_append (out, bytes);
  return TRUE;
}

/**
 * toa_vn_unicode_to_legacy:
 * @text: UTF-8 text
 * @encoding: %TOA_VN_ENCODING_TCVN3 or %TOA_VN_ENCODING_VNI
 * @upper_case: write for a TCVN3 capital-only ("…H") font
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the legacy form, or %NULL with
 *   @error set when a character cannot be written in @encoding
 */
char *
toa_vn_unicode_to_legacy (const char     *text,
                          ToaVnEncoding   encoding,
                          gboolean        upper_case,
                          GError        **error)
{
  g_autofree char *nfc = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (encoding != TOA_VN_ENCODING_UNICODE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8,
                           _("The text is not valid UTF-8"));
      return NULL;
    }

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  out = g_string_sized_new (strlen (nfc) * 2);
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean ok;

      if (upper_case)
        c = g_unichar_tolower (c);
      if (c < 0x80)
        ok = (g_string_append_c (out, (char) c), TRUE);
      else if (encoding == TOA_VN_ENCODING_TCVN3)
        ok = tcvn3_encode_char (c, out);
      else
        ok = vni_encode_char (c, out);

      if (!ok)
        {
          char letter[8] = { 0 };

          g_unichar_to_utf8 (c, letter);
          g_set_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID,
                       /* Translators: %s is a letter, e.g. “Ế” */
                       _("“%s” cannot be written in the legacy encoding"), letter);
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Vietnamese syllables ---- */

typedef enum
{
  FINAL_ANY,
  FINAL_NONE,      /* the nucleus ends in a glide: nothing may follow */
  FINAL_REQUIRED,  /* ă, â, iê, uô, ươ… never end a syllable */
} FinalRule;

typedef struct
{
  const char *vowels;
  FinalRule   rule;
} Nucleus;

static const char *const initials[] = {
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
  "b", "c", "d", "\xc4\x91" /* đ */, "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
};

static const char *const finals[] = { "ng", "nh", "ch", "c", "m", "n", "p", "t", "" };

static const Nucleus nuclei[] = {
  { "a", FINAL_ANY }, { "ă", FINAL_REQUIRED }, { "â", FINAL_REQUIRED }, { "e", FINAL_ANY },
  { "ê", FINAL_ANY }, { "i", FINAL_ANY }, { "o", FINAL_ANY }, { "ô", FINAL_ANY },
  { "ơ", FINAL_ANY }, { "u", FINAL_ANY }, { "ư", FINAL_ANY }, { "y", FINAL_ANY },
  { "ai", FINAL_NONE }, { "ao", FINAL_NONE }, { "au", FINAL_NONE }, { "ay", FINAL_NONE },
  { "âu", FINAL_NONE }, { "ây", FINAL_NONE }, { "eo", FINAL_NONE }, { "êu", FINAL_NONE },
  { "ia", FINAL_NONE }, { "iu", FINAL_NONE }, { "oi", FINAL_NONE }, { "ôi", FINAL_NONE },
  { "ơi", FINAL_NONE }, { "ui", FINAL_NONE }, { "ưi", FINAL_NONE }, { "ưu", FINAL_NONE },
  { "ua", FINAL_NONE }, { "ưa", FINAL_NONE }, { "uơ", FINAL_NONE }, { "uya", FINAL_NONE },
  { "iê", FINAL_REQUIRED }, { "yê", FINAL_REQUIRED }, { "uô", FINAL_REQUIRED },
  { "ươ", FINAL_REQUIRED }, { "uyê", FINAL_REQUIRED }, { "oă", FINAL_REQUIRED },
  { "oo", FINAL_REQUIRED }, { "uâ", FINAL_REQUIRED }, { "ôô", FINAL_REQUIRED },
  { "oa", FINAL_ANY }, { "oe", FINAL_ANY }, { "uê", FINAL_ANY }, { "uy", FINAL_ANY },
  { "iêu", FINAL_NONE }, { "yêu", FINAL_NONE }, { "oai", FINAL_NONE }, { "oay", FINAL_NONE },
  { "oao", FINAL_NONE }, { "oeo", FINAL_NONE }, { "uây", FINAL_NONE }, { "uôi", FINAL_NONE },
  { "ươi", FINAL_NONE }, { "ươu", FINAL_NONE }, { "uyu", FINAL_NONE },
};

static gboolean
is_tone_mark (gunichar c)
{
  return c == MARK_GRAVE || c == MARK_ACUTE || c == MARK_TILDE || c == MARK_HOOK || c == MARK_DOT;
}

/* Splits @word into its letters without tone (lower case, NFC) and the one
 * tone mark (0 for none). Returns NULL for two tones or a letter that
 * Vietnamese does not use. */
static char *
strip_tone (const char *word,
            gunichar   *tone)
{
  g_autofree char *nfd = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autofree char *nfc = NULL;

  *tone = 0;
  if (nfd == NULL)
    return NULL;
  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (is_tone_mark (c))
        {
          if (*tone != 0)
            return NULL;
          *tone = c;
        }
      else if ((c >= 'a' && c <= 'z' && strchr ("fjwz", (int) c) == NULL)
               || c == MARK_CIRCUMFLEX || c == MARK_BREVE || c == MARK_HORN || c == 0x0111)
        g_string_append_unichar (bare, c);
      else
        return NULL;
    }
  nfc = g_utf8_normalize (bare->str, -1, G_NORMALIZE_NFC);
  /* A quality mark left uncombined (e.g. a breve on "o") is not Vietnamese. */
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0300 && c <= 0x036F)
        return NULL;
    }
  return g_steal_pointer (&nfc);
}

static gboolean
rhyme_is_valid (const char *rhyme,
                gunichar    tone)
{
  gsize len = strlen (rhyme);

  for (guint f = 0; f < G_N_ELEMENTS (finals); f++)
    {
      gsize flen = strlen (finals[f]);
      gboolean stop = flen > 0 && strchr ("cpt", finals[f][0]) != NULL;

      if (flen >= len || strcmp (rhyme + len - flen, finals[f]) != 0)
        continue;
      /* Syllables ending in -c, -ch, -p, -t only take the acute or dot tone. */
      if (stop && tone != MARK_ACUTE && tone != MARK_DOT)
        continue;
      for (guint n = 0; n < G_N_ELEMENTS (nuclei); n++)
        {
          if (strlen (nuclei[n].vowels) != len - flen
              || strncmp (rhyme, nuclei[n].vowels, len - flen) != 0)
            continue;
          if ((nuclei[n].rule == FINAL_NONE && flen > 0)
              || (nuclei[n].rule == FINAL_REQUIRED && flen == 0))
            continue;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * toa_vn_word_is_syllable:
 * @word: one word
 *
 * Returns: whether @word is shaped like a Vietnamese syllable
 */
gboolean
toa_vn_word_is_syllable (const char *word)
{
  g_autofree char *bare = NULL;
  gunichar tone = 0;

  g_return_val_if_fail (word != NULL, FALSE);

  if (!g_utf8_validate (word, -1, NULL))
    return FALSE;
  bare = strip_tone (word, &tone);
  if (bare == NULL || *bare == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (initials); i++)
    {
      if (g_str_has_prefix (bare, initials[i])
          && rhyme_is_valid (bare + strlen (initials[i]), tone))
        return TRUE;
    }
  return FALSE;
}

/* ---- Telling legacy text from Unicode ---- */

/* What one word says about the text it is in. */
typedef enum
{
  WORD_NEUTRAL,   /* ASCII, or as plausible one way as the other */
  WORD_UNICODE,   /* a real Unicode Vietnamese word */
  WORD_LEGACY,    /* nonsense as it is, a Vietnamese word once converted */
  WORD_FOREIGN,   /* nonsense both ways: French, German, symbols… */
} WordVote;

typedef struct
{
  gsize    start;
  gsize    end;
  gboolean has_non_ascii;
  gboolean outside_cp1252;
  WordVote vote[3];     /* indexed by ToaVnEncoding (UNICODE unused) */
  gboolean strong[3];   /* converted word has a letter Latin-1 lacks */
} Word;

static gboolean
is_separator (gunichar c)
{
  static const gunichar quotes[] = {
    0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026,
    0x2039, 0x203A,
  };

  if (g_unichar_isspace (c) || (c < 0x80 && g_ascii_ispunct ((char) c)))
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      if (quotes[i] == c)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_char_beyond_latin1 (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) > 0xFF)
        return TRUE;
    }
  return FALSE;
}

static void
judge_word (const char *text,
            Word       *word)
{
  g_autofree char *original = g_strndup (text + word->start, word->end - word->start);
  gboolean original_valid;

  for (const char *p = original; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      word->has_non_ascii |= c >= 0x80;
      word->outside_cp1252 |= !is_cp1252_char (c);
    }

  for (int e = TOA_VN_ENCODING_TCVN3; e <= TOA_VN_ENCODING_VNI; e++)
    word->vote[e] = WORD_NEUTRAL;
  if (!word->has_non_ascii)
    return;
  if (word->outside_cp1252)
    {
      /* Legacy text decoded as Windows-1252 cannot contain ư, ạ, ễ… */
      word->vote[TOA_VN_ENCODING_TCVN3] = word->vote[TOA_VN_ENCODING_VNI] = WORD_UNICODE;
      return;
    }

  original_valid = toa_vn_word_is_syllable (original);
  for (int e = TOA_VN_ENCODING_TCVN3; e <= TOA_VN_ENCODING_VNI; e++)
    {
      g_autofree char *converted = convert_range (original, -1, e, FALSE);
      gboolean converted_valid = toa_vn_word_is_syllable (converted);

      if (original_valid && converted_valid)
        word->vote[e] = WORD_NEUTRAL;
      else if (original_valid)
        word->vote[e] = WORD_UNICODE;
      else if (converted_valid)
        word->vote[e] = WORD_LEGACY;
      else
        word->vote[e] = WORD_FOREIGN;
      word->strong[e] = converted_valid && has_char_beyond_latin1 (converted);
    }
}

static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  const char *p = text;

  while (*p != '\0')
    {
      Word word = { 0 };

      while (*p != '\0' && is_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      word.start = p - text;
      while (*p != '\0' && !is_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      word.end = p - text;
      judge_word (text, &word);
      g_array_append_val (words, word);
    }
  return words;
}

/* Evidence for one encoding over words [first, last]. */
typedef struct
{
  guint legacy;
  guint strong;
  guint unicode;
  guint candidates;   /* words with non-ASCII letters */
} Tally;

static Tally
tally_words (GArray        *words,
             guint          first,
             guint          last,
             ToaVnEncoding  encoding)
{
  Tally tally = { 0 };

  for (guint i = first; i <= last && i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

      if (!word->has_non_ascii)
        continue;
      tally.candidates++;
      if (word->vote[encoding] == WORD_LEGACY)
        tally.legacy++;
      if (word->vote[encoding] == WORD_LEGACY && word->strong[encoding])
        tally.strong++;
      if (word->vote[encoding] == WORD_UNICODE)
        tally.unicode++;
    }
  return tally;
}

/* "Evident": several words that are nonsense as they stand turn into
 * Vietnamese, at least one of them with a letter Latin-1 lacks (so a few
 * French "où" cannot do it), they are most of the accented words, and
 * hardly any word reads as Vietnamese already. */
static gboolean
tally_is_evident (const Tally *tally)
{
  return tally->legacy >= 3
         && tally->strong >= 1
         && tally->legacy * 10 >= tally->candidates * 6
         && tally->unicode * 10 <= tally->legacy;
}

/**
 * toa_vn_detect_legacy:
 * @text: UTF-8 text without font information
 *
 * Returns: %TOA_VN_ENCODING_TCVN3 or %TOA_VN_ENCODING_VNI when @text is
 *   evidently in that encoding, otherwise %TOA_VN_ENCODING_UNICODE
 */
ToaVnEncoding
toa_vn_detect_legacy (const char *text)
{
  g_autoptr(GArray) words = NULL;
  Tally tcvn3, vni;

  g_return_val_if_fail (text != NULL, TOA_VN_ENCODING_UNICODE);

  /* One real Unicode letter (ư, ạ…) means the text is Unicode, or mixed
   * so that converting it whole would damage it. */
  if (!g_utf8_validate (text, -1, NULL) || has_unicode_letters (text))
    return TOA_VN_ENCODING_UNICODE;
  words = split_words (text);

  tcvn3 = tally_words (words, 0, G_MAXUINT, TOA_VN_ENCODING_TCVN3);
  vni = tally_words (words, 0, G_MAXUINT, TOA_VN_ENCODING_VNI);
  if (tally_is_evident (&tcvn3) && tcvn3.legacy > vni.legacy * 2)
    return TOA_VN_ENCODING_TCVN3;
  if (tally_is_evident (&vni) && vni.legacy > tcvn3.legacy * 2)
    return TOA_VN_ENCODING_VNI;
  return TOA_VN_ENCODING_UNICODE;
}

/* ---- The text check ---- */

/**
 * toa_vn_issue_free:
 * @issue: (nullable): an issue from toa_vn_text_check()
 */
void
toa_vn_issue_free (ToaVnIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->suggestion);
  g_free (issue);
}

static ToaVnIssue *
issue_new (ToaVnIssueKind  kind,
           ToaVnEncoding   encoding,
           gsize           start,
           gsize           end,
           char           *suggestion)
{
  ToaVnIssue *issue = g_new0 (ToaVnIssue, 1);

  issue->kind = kind;
  issue->encoding = encoding;
  issue->start = start;
  issue->end = end;
  issue->suggestion = suggestion;
  return issue;
}

/* Words that are not NFC, neighbours merged into one run. When the text
 * is not NFC only across a word boundary, the whole text is the run. */
static void
find_non_nfc (const char *text,
              GArray     *words,
              GPtrArray  *issues)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  guint found = issues->len;
  ToaVnIssue *open = NULL;

  if (strcmp (nfc, text) == 0)
    return;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);
      g_autofree char *normal = g_utf8_normalize (text + word->start, word->end - word->start,
                                                  G_NORMALIZE_NFC);

      if (strlen (normal) == word->end - word->start
          && memcmp (normal, text + word->start, word->end - word->start) == 0)
        {
          open = NULL;
          continue;
        }
      if (open == NULL)
        {
          open = issue_new (TOA_VN_ISSUE_NOT_NFC, TOA_VN_ENCODING_UNICODE, word->start, word->end,
                            NULL);
          g_ptr_array_add (issues, open);
        }
      open->end = word->end;
    }

  for (guint i = found; i < issues->len; i++)
    {
      ToaVnIssue *issue = g_ptr_array_index (issues, i);

      issue->suggestion = g_utf8_normalize (text + issue->start, issue->end - issue->start,
                                            G_NORMALIZE_NFC);
    }
  if (issues->len == found)
    g_ptr_array_add (issues, issue_new (TOA_VN_ISSUE_NOT_NFC, TOA_VN_ENCODING_UNICODE, 0,
                                        strlen (text), g_steal_pointer (&nfc)));
}

/* Maximal runs of words that are legacy in @encoding or neutral, trimmed
 * to legacy words at both ends, kept when the run is evident. */
static void
find_legacy_runs (const char    *text,
                  GArray        *words,
                  ToaVnEncoding  encoding,
                  GPtrArray     *runs)
{
  guint i = 0;

  while (i < words->len)
    {
      guint first, last;
      Tally tally;

      if (g_array_index (words, Word, i).vote[encoding] != WORD_LEGACY)
        {
          i++;
          continue;
        }
      first = last = i;
      for (i++; i < words->len; i++)
        {
          WordVote vote = g_array_index (words, Word, i).vote[encoding];

          if (vote == WORD_LEGACY)
            last = i;
          else if (vote != WORD_NEUTRAL)
            break;
        }
      tally = tally_words (words, first, last, encoding);
      if (tally_is_evident (&tally))
        {
          gsize start = g_array_index (words, Word, first).start;
          gsize end = g_array_index (words, Word, last).end;

          g_ptr_array_add (runs, issue_new (TOA_VN_ISSUE_LEGACY, encoding, start, end,
                                            convert_range (text + start, end - start,
                                                           encoding, FALSE)));
        }
      i = last + 1;
    }
}

static gboolean
issues_overlap (const ToaVnIssue *a,
                const ToaVnIssue *b)
{
  return a->start < b->end && b->start < a->end;
}

/* A run seen as both TCVN3 and VNI keeps the reading that explains more
 * of it (the longer run; TCVN3, far more common, on a tie). */
static void
add_legacy_runs (GPtrArray *tcvn3,
                 GPtrArray *vni,
                 GPtrArray *issues)
{
  for (guint i = 0; i < vni->len; i++)
    {
      ToaVnIssue *v = g_ptr_array_index (vni, i);

      for (guint j = 0; j < tcvn3->len && v != NULL; j++)
        {
          ToaVnIssue *t = g_ptr_array_index (tcvn3, j);

          if (t == NULL || !issues_overlap (t, v))
            continue;
          if (v->end - v->start > t->end - t->start)
            g_clear_pointer (&g_ptr_array_index (tcvn3, j), toa_vn_issue_free);
          else
            {
              g_clear_pointer (&g_ptr_array_index (vni, i), toa_vn_issue_free);
              v = NULL;
            }
        }
    }
  /* The arrays were made without a free function: ownership moves here. */
  for (guint i = 0; i < vni->len; i++)
    {
      if (g_ptr_array_index (vni, i) != NULL)
        g_ptr_array_add (issues, g_ptr_array_index (vni, i));
    }
  for (guint j = 0; j < tcvn3->len; j++)
    {
      if (g_ptr_array_index (tcvn3, j) != NULL)
        g_ptr_array_add (issues, g_ptr_array_index (tcvn3, j));
    }
}

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const ToaVnIssue *x = *(ToaVnIssue * const *) a;
  const ToaVnIssue *y = *(ToaVnIssue * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

/**
 * toa_vn_text_check:
 * @text: UTF-8 text, e.g. an article's title or one paragraph
 * @error: return location for a #GError
 *
 * Finds what the approval checklist must flag in Vietnamese text: runs
 * that are not in NFC (they search, sort and compare wrongly) and runs
 * that look like TCVN3 or VNI bytes (they read as gibberish on the
 * portal). Offsets are bytes into @text.
 *
 * Returns: (transfer container) (element-type ToaVnIssue) (nullable): the
 *   issues in text order, or %NULL with @error set for invalid UTF-8
 */
GPtrArray *
toa_vn_text_check (const char  *text,
                   GError     **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) tcvn3 = NULL;
  g_autoptr(GPtrArray) vni = NULL;
  g_autoptr(GArray) words = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8,
                           _("The text is not valid UTF-8"));
      return NULL;
    }

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_vn_issue_free);
  tcvn3 = g_ptr_array_new ();
  vni = g_ptr_array_new ();
  words = split_words (text);

  find_non_nfc (text, words, issues);
  find_legacy_runs (text, words, TOA_VN_ENCODING_TCVN3, tcvn3);
  find_legacy_runs (text, words, TOA_VN_ENCODING_VNI, vni);
  add_legacy_runs (tcvn3, vni, issues);
  g_ptr_array_sort (issues, compare_issues);
  return g_steal_pointer (&issues);
}
