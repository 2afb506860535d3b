/* test-vn-legacy.c — TCVN3 and VNI text to Unicode, detection, text check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The legacy samples are written as the HTML parser hands them over: each
 * byte as its Windows-1252 character ("\u00AD", the soft hyphen, is TCVN3's
 * "ư"). They were written from the published tables, not produced by the
 * code under test.
 */
#include "config.h"

#include <string.h>

#include "toa-content-error.h"
#include "toa-vn-legacy.h"

#define TCVN3_SENTENCE \
  "Së C«ng Th\u00AD¬ng tØnh Qu¶ng Nam tæ chøc héi nghÞ tæng kÕt c«ng t¸c khuyÕn c«ng n¨m 2026."
#define VNI_SENTENCE \
  "Sôû Coâng Thöông tænh Quaûng Nam toå chöùc hoäi nghò toång keát coâng taùc khuyeán coâng naêm 2026."
#define UNICODE_SENTENCE \
  "Sở Công Thương tỉnh Quảng Nam tổ chức hội nghị tổng kết công tác khuyến công năm 2026."

#define TCVN3_INSPECTION \
  "§oµn kiÓm tra ®· ph¸t hiÖn 14 c¬ së kinh doanh hµng hãa kh«ng râ nguån gèc, " \
  "xö ph¹t hµnh chÝnh h¬n 85 triÖu ®ång."
#define UNICODE_INSPECTION \
  "Đoàn kiểm tra đã phát hiện 14 cơ sở kinh doanh hàng hóa không rõ nguồn gốc, " \
  "xử phạt hành chính hơn 85 triệu đồng."

#define VNI_INSPECTION \
  "Ñoaøn kieåm tra ñaõ phaùt hieän 14 cô sôû kinh doanh haøng hoùa khoâng roõ nguoàn goác, " \
  "xöû phaït haønh chính hôn 85 trieäu ñoàng."

static void
assert_converts (const char    *legacy,
                 ToaVnEncoding  encoding,
                 gboolean       upper_case,
                 const char    *expected)
{
  g_autofree char *unicode = toa_vn_legacy_to_unicode (legacy, encoding, upper_case);

  g_assert_cmpstr (unicode, ==, expected);
}

static void
test_tcvn3_samples (void)
{
  assert_converts (TCVN3_SENTENCE, TOA_VN_ENCODING_TCVN3, FALSE, UNICODE_SENTENCE);
  assert_converts (TCVN3_INSPECTION, TOA_VN_ENCODING_TCVN3, FALSE, UNICODE_INSPECTION);
  /* Windows-1252 punctuation (bytes 0x93/0x94/0x96) is drawn as such by
   * the font and stays; 0xA0 is a no-break space in both. */
  assert_converts ("\u201CTh«ng b¸o\u201D \u2013 sè\u00A012", TOA_VN_ENCODING_TCVN3, FALSE,
                   "\u201CThông báo\u201D \u2013 số\u00A012");
  /* A stand-alone tone byte (0xB3, acute) lands on its letter in NFC. */
  assert_converts ("a\u00B3", TOA_VN_ENCODING_TCVN3, FALSE, "á");
}

static void
test_vni_samples (void)
{
  assert_converts (VNI_SENTENCE, TOA_VN_ENCODING_VNI, FALSE, UNICODE_SENTENCE);
  assert_converts (VNI_INSPECTION, TOA_VN_ENCODING_VNI, FALSE, UNICODE_INSPECTION);
  assert_converts ("ÑAÏI HOÄI ÑAÛNG BOÄ TÆNH", TOA_VN_ENCODING_VNI, FALSE, "ĐẠI HỘI ĐẢNG BỘ TỈNH");
  assert_converts ("Vieät Nam, ñöôïc, ngöôøi, röôïu, khuyûu, quyõ", TOA_VN_ENCODING_VNI, FALSE,
                   "Việt Nam, được, người, rượu, khuỷu, quỹ");
}

/* The VNI writer must produce the very samples above. */
static void
test_unicode_to_legacy_samples (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vni = toa_vn_unicode_to_legacy (UNICODE_INSPECTION, TOA_VN_ENCODING_VNI,
                                                   FALSE, &error);
  g_autofree char *tcvn3 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (vni, ==, VNI_INSPECTION);
  tcvn3 = toa_vn_unicode_to_legacy (UNICODE_SENTENCE, TOA_VN_ENCODING_TCVN3, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tcvn3, ==, TCVN3_SENTENCE);
}

/* glibc's TCVN5712-1 decodes bytes 0xA0–0xFF as TCVN3 does: an independent
 * check of the whole table. */
static void
test_tcvn3_table_matches_iconv (void)
{
  guint compared = 0;

  for (guint byte = 0xA0; byte <= 0xFF; byte++)
    {
      char raw = (char) byte;
      char as_cp1252[8] = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *expected_raw = g_convert (&raw, 1, "UTF-8", "TCVN5712-1", NULL, NULL,
                                                 &error);
      g_autofree char *expected = NULL;
      g_autofree char *converted = NULL;

      if (expected_raw == NULL && g_error_matches (error, G_CONVERT_ERROR,
                                                   G_CONVERT_ERROR_NO_CONVERSION))
        {
          g_test_skip ("iconv has no TCVN5712-1 here");
          return;
        }
      g_assert_no_error (error);
      expected = g_utf8_normalize (expected_raw, -1, G_NORMALIZE_NFC);
      g_unichar_to_utf8 (byte, as_cp1252);
      converted = toa_vn_legacy_to_unicode (as_cp1252, TOA_VN_ENCODING_TCVN3, FALSE);
      g_assert_cmpstr (converted, ==, expected);
      compared++;
    }
  g_assert_cmpuint (compared, ==, 96);
}

static void
test_upper_case_fonts (void)
{
  /* In .VnTimeH the lower-case positions are drawn as capitals. */
  assert_converts ("th«ng b¸o", TOA_VN_ENCODING_TCVN3, TRUE, "THÔNG BÁO");
  assert_converts ("®¹i héi ®¹i biÓu", TOA_VN_ENCODING_TCVN3, TRUE, "ĐẠI HỘI ĐẠI BIỂU");
  assert_converts ("Së c«ng th\u00AD¬ng", TOA_VN_ENCODING_TCVN3, TRUE, "SỞ CÔNG THƯƠNG");
  assert_converts ("th«ng b¸o", TOA_VN_ENCODING_TCVN3, FALSE, "thông báo");
}

static void
test_font_families (void)
{
  static const struct
  {
    const char   *family;
    ToaVnEncoding encoding;
    gboolean      upper_case;
  } cases[] = {
    { ".VnTime", TOA_VN_ENCODING_TCVN3, FALSE },
    { "'.VnTimeH', serif", TOA_VN_ENCODING_TCVN3, TRUE },
    { "\".VnArial NarrowH\", sans-serif", TOA_VN_ENCODING_TCVN3, TRUE },
    { "  .vntime , \"Times New Roman\"", TOA_VN_ENCODING_TCVN3, FALSE },
    { ".VnCentury Schoolbook", TOA_VN_ENCODING_TCVN3, FALSE },
    { "VNI-Times", TOA_VN_ENCODING_VNI, FALSE },
    { "'VNI-Helve', Arial", TOA_VN_ENCODING_VNI, FALSE },
    { "vni-times", TOA_VN_ENCODING_VNI, FALSE },
    { "Times New Roman", TOA_VN_ENCODING_UNICODE, FALSE },
    { "\"Times New Roman\", .VnTime", TOA_VN_ENCODING_UNICODE, FALSE },
    { "Arial, VNI-Times", TOA_VN_ENCODING_UNICODE, FALSE },
    { "Vnim", TOA_VN_ENCODING_UNICODE, FALSE },
    { ".Vn", TOA_VN_ENCODING_UNICODE, FALSE },
    { "VNI-", TOA_VN_ENCODING_UNICODE, FALSE },
    { "", TOA_VN_ENCODING_UNICODE, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean upper_case = !cases[i].upper_case;

      g_test_message ("font-family: %s", cases[i].family);
      g_assert_cmpint (toa_vn_encoding_for_font (cases[i].family, &upper_case), ==,
                       cases[i].encoding);
      g_assert_cmpint (upper_case, ==, cases[i].upper_case);
    }
  g_assert_cmpint (toa_vn_encoding_for_font (".VnTime", NULL), ==, TOA_VN_ENCODING_TCVN3);
}

/* Real Unicode text, some of it made only of Latin-1 letters that are also
 * legacy bytes, or of Western European accents. */
static const char *const unicode_texts[] = {
  UNICODE_SENTENCE,
  UNICODE_INSPECTION,
  "Cà phê sáng nay mát, có bà Tâm và cô Hà, tôi và anh Lâm là bà con.",
  "Giá bán lẻ xăng E5 RON 92 là 21.500 đồng/lít; “bình ổn giá” — tương đương 0,85 €.",
  "Le ministère a présenté à Hà Nội un projet très élaboré: où, quand, déjà prêt à l’été.",
  "Die Müller GmbH liefert Öl und Gerät für die Straße; Bäcker, Größe, Übergabe.",
  "Hội chợ “Tuần hàng Việt” – chương trình giảm giá 20%, “mua 2 tặng 1”…",
  "Chương trình OCOP năm 2026: 48 sản phẩm đạt 3 sao, 12 sản phẩm đạt 4 sao.",
  "Elle est où? Là-bas, où l’on vend du thé, où il fait chaud, à côté du café.",
  "ASCII only: the Department of Industry and Trade, 2026.",
};

static void
test_unicode_never_detected (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (unicode_texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) issues = NULL;

      g_test_message ("text: %s", unicode_texts[i]);
      g_assert_cmpint (toa_vn_detect_legacy (unicode_texts[i]), ==, TOA_VN_ENCODING_UNICODE);
      issues = toa_vn_text_check (unicode_texts[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (issues->len, ==, 0);
    }
}

static void
test_unicode_never_converted (void)
{
  /* Unicode typed while a legacy font was still selected: the letters
   * outside Windows-1252 show it is Unicode already, and it stays so. */
  assert_converts (UNICODE_SENTENCE, TOA_VN_ENCODING_TCVN3, FALSE, UNICODE_SENTENCE);
  assert_converts (UNICODE_INSPECTION, TOA_VN_ENCODING_VNI, FALSE, UNICODE_INSPECTION);
  assert_converts (UNICODE_SENTENCE, TOA_VN_ENCODING_TCVN3, TRUE, UNICODE_SENTENCE);
  /* A Unicode font converts nothing, only normalises. */
  assert_converts ("Cà phê sáng nay", TOA_VN_ENCODING_UNICODE, TRUE, "Cà phê sáng nay");
  assert_converts ("Vie\u0323\u0302t Nam", TOA_VN_ENCODING_UNICODE, FALSE, "Việt Nam");
}

static void
test_detect_legacy (void)
{
  g_assert_cmpint (toa_vn_detect_legacy (TCVN3_SENTENCE), ==, TOA_VN_ENCODING_TCVN3);
  g_assert_cmpint (toa_vn_detect_legacy (TCVN3_INSPECTION), ==, TOA_VN_ENCODING_TCVN3);
  g_assert_cmpint (toa_vn_detect_legacy (VNI_SENTENCE), ==, TOA_VN_ENCODING_VNI);
  g_assert_cmpint (toa_vn_detect_legacy (VNI_INSPECTION), ==, TOA_VN_ENCODING_VNI);
  /* Two words are not evidence enough: unsure means Unicode. */
  g_assert_cmpint (toa_vn_detect_legacy ("Th«ng b¸o"), ==, TOA_VN_ENCODING_UNICODE);
  /* Legacy and real Unicode letters together: converting the whole text
   * would damage the Unicode part. */
  g_assert_cmpint (toa_vn_detect_legacy (TCVN3_SENTENCE " " UNICODE_INSPECTION), ==,
                   TOA_VN_ENCODING_UNICODE);
}

/* One paragraph pasted from Word: runs in different fonts. */
static void
test_mixed_paragraph (void)
{
  static const struct
  {
    const char *text;
    const char *font;
  } runs[] = {
    { "Theo ", "Times New Roman" },
    { "Th«ng b¸o sè 125/TB-SCT", "'.VnTime', serif" },
    { " cña ", ".VnTime" },
    { "së c«ng th\u00AD¬ng", ".VnTimeH" },
    { ", các doanh nghiệp ", "Arial" },
    { "ñaêng kyù tham gia", "VNI-Times" },
    { " “Hội chợ Công Thương 2026” trước ngày 15/10/2026.", "Times New Roman" },
  };
  g_autoptr(GString) unicode = g_string_new (NULL);
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GPtrArray) issues = NULL;
  ToaVnIssue *issue;

  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      gboolean upper_case = FALSE;
      ToaVnEncoding encoding = toa_vn_encoding_for_font (runs[i].font, &upper_case);
      g_autofree char *converted = toa_vn_legacy_to_unicode (runs[i].text, encoding, upper_case);

      g_string_append (unicode, converted);
      g_string_append (raw, runs[i].text);
    }
  g_assert_cmpstr (unicode->str, ==,
                   "Theo Thông báo số 125/TB-SCT của SỞ CÔNG THƯƠNG, các doanh nghiệp đăng ký "
                   "tham gia “Hội chợ Công Thương 2026” trước ngày 15/10/2026.");

  /* Without the fonts, the check still points at the TCVN3 run. */
  g_assert_cmpint (toa_vn_detect_legacy (raw->str), ==, TOA_VN_ENCODING_UNICODE);
  issues = toa_vn_text_check (raw->str, NULL);
  g_assert_nonnull (issues);
  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->kind, ==, TOA_VN_ISSUE_LEGACY);
  g_assert_cmpint (issue->encoding, ==, TOA_VN_ENCODING_TCVN3);
  g_assert_cmpuint (issue->start, ==, strlen ("Theo "));
  g_assert_cmpuint (issue->end, ==, strlen ("Theo Th«ng b¸o sè 125/TB-SCT cña së c«ng th\u00AD¬ng"));
  g_assert_cmpstr (issue->suggestion, ==, "Thông báo số 125/TB-SCT của sở công thương");
}

/* The 134 precomposed letters: 12 vowels × 5 tones, ă â ê ô ơ ư đ, both
 * cases. Built from combining marks so that no table is consulted. */
static GPtrArray *
vietnamese_letters (void)
{
  static const char *const vowels[] = {
    "a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B", "y",
  };
  static const char *const tones[] = { "", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323" };
  GPtrArray *letters = g_ptr_array_new_with_free_func (g_free);

  for (int upper = 0; upper < 2; upper++)
    {
      for (gsize v = 0; v < G_N_ELEMENTS (vowels); v++)
        {
          for (gsize t = 0; t < G_N_ELEMENTS (tones); t++)
            {
              g_autofree char *decomposed = g_strconcat (vowels[v], tones[t], NULL);
              g_autofree char *letter = g_utf8_normalize (decomposed, -1, G_NORMALIZE_NFC);

              if (g_utf8_strlen (letter, -1) != 1)
                g_error ("%s does not compose", decomposed);
              if ((guchar) letter[0] < 0x80)
                continue;
              g_ptr_array_add (letters, upper ? g_utf8_strup (letter, -1) : g_steal_pointer (&letter));
            }
        }
      g_ptr_array_add (letters, g_strdup (upper ? "Đ" : "đ"));
    }
  return letters;
}

static gboolean
only_legacy_bytes (const char *text,
                   gunichar    lowest)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 && (c < lowest || c > 0xFF))
        return FALSE;
    }
  return TRUE;
}

static void
test_round_trip_vni (void)
{
  g_autoptr(GPtrArray) letters = vietnamese_letters ();

  g_assert_cmpuint (letters->len, ==, 134);
  for (guint i = 0; i < letters->len; i++)
    {
      const char *letter = g_ptr_array_index (letters, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *legacy = toa_vn_unicode_to_legacy (letter, TOA_VN_ENCODING_VNI, FALSE, &error);
      g_autofree char *back = NULL;

      g_assert_no_error (error);
      g_assert_true (only_legacy_bytes (legacy, 0xC0));
      g_assert_cmpint (g_utf8_strlen (legacy, -1), <=, 2);
      back = toa_vn_legacy_to_unicode (legacy, TOA_VN_ENCODING_VNI, FALSE);
      g_assert_cmpstr (back, ==, letter);
    }
}

static void
test_round_trip_tcvn3 (void)
{
  g_autoptr(GPtrArray) letters = vietnamese_letters ();
  guint via_h_font = 0;

  g_assert_cmpuint (letters->len, ==, 134);
  for (guint i = 0; i < letters->len; i++)
    {
      const char *letter = g_ptr_array_index (letters, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *legacy = toa_vn_unicode_to_legacy (letter, TOA_VN_ENCODING_TCVN3, FALSE,
                                                          &error);
      gboolean upper_case = FALSE;
      g_autofree char *back = NULL;

      /* TCVN3 has no capitals with tones: those are written as lower case
       * in an "H" font. */
      if (legacy == NULL)
        {
          g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID);
          g_assert_true (g_unichar_isupper (g_utf8_get_char (letter)));
          g_clear_error (&error);
          legacy = toa_vn_unicode_to_legacy (letter, TOA_VN_ENCODING_TCVN3, TRUE, &error);
          g_assert_no_error (error);
          upper_case = TRUE;
          via_h_font++;
        }
      g_assert_cmpint (g_utf8_strlen (legacy, -1), ==, 1);
      g_assert_true (only_legacy_bytes (legacy, 0xA0));
      back = toa_vn_legacy_to_unicode (legacy, TOA_VN_ENCODING_TCVN3, upper_case);
      g_assert_cmpstr (back, ==, letter);
    }
  /* 67 capitals, of which Ă Â Ê Ô Ơ Ư Đ have their own bytes. */
  g_assert_cmpuint (via_h_font, ==, 60);
}

static void
test_syllables (void)
{
  static const char *const valid[] = {
    "Sở", "Công", "Thương", "nghiệp", "khuyến", "người", "giữa", "quốc", "tuyết", "ĐẠI",
    "hoạch", "xoong", "gì", "rượu", "khuỷu", "ý", "oanh", "Nguyễn",
  };
  static const char *const invalid[] = {
    "Th«ng", "b¸o", "Coâng", "Vieät", "café", "Müller", "Straße", "élève", "cát̀", "tốn̉",
    "bàt", "ăn̂", "", "2026", "kiên̈",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (toa_vn_word_is_syllable (valid[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("not a syllable: %s", invalid[i]);
      g_assert_false (toa_vn_word_is_syllable (invalid[i]));
    }
}

static void
test_check_not_nfc (void)
{
  const char *text = "Chương trình Vie\u0323\u0302t Nam và ho\u0302\u0323i nghi\u0323 năm 2026.";
  g_autoptr(GPtrArray) issues = toa_vn_text_check (text, NULL);
  ToaVnIssue *issue;

  g_assert_cmpuint (issues->len, ==, 2);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->kind, ==, TOA_VN_ISSUE_NOT_NFC);
  g_assert_cmpuint (issue->start, ==, strlen ("Chương trình "));
  g_assert_cmpuint (issue->end, ==, strlen ("Chương trình Vie\u0323\u0302t"));
  g_assert_cmpstr (issue->suggestion, ==, "Việt");
  issue = g_ptr_array_index (issues, 1);
  g_assert_cmpint (issue->kind, ==, TOA_VN_ISSUE_NOT_NFC);
  g_assert_cmpstr (issue->suggestion, ==, "hội nghị");
  g_assert_cmpuint (issue->end - issue->start, ==, strlen ("ho\u0302\u0323i nghi\u0323"));
}

static void
test_check_legacy_paragraph (void)
{
  g_autoptr(GPtrArray) issues = toa_vn_text_check (VNI_INSPECTION, NULL);
  ToaVnIssue *issue;

  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->kind, ==, TOA_VN_ISSUE_LEGACY);
  g_assert_cmpint (issue->encoding, ==, TOA_VN_ENCODING_VNI);
  g_assert_cmpuint (issue->start, ==, 0);
  /* The run ends with its last legacy word, before the full stop. */
  g_assert_cmpuint (issue->end, ==, strlen (VNI_INSPECTION) - 1);
  g_assert_cmpstr (issue->suggestion, ==, "Đoàn kiểm tra đã phát hiện 14 cơ sở kinh doanh hàng "
                   "hóa không rõ nguồn gốc, xử phạt hành chính hơn 85 triệu đồng");
}

static void
test_check_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = toa_vn_text_check ("Th\xff\xfe", &error);
  g_autofree char *legacy = NULL;

  g_assert_null (issues);
  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8);
  g_clear_error (&error);
  legacy = toa_vn_unicode_to_legacy ("Th\xff", TOA_VN_ENCODING_VNI, FALSE, &error);
  g_assert_null (legacy);
  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID_UTF8);
  g_clear_error (&error);
  legacy = toa_vn_unicode_to_legacy ("Ελλάδα", TOA_VN_ENCODING_TCVN3, FALSE, &error);
  g_assert_null (legacy);
  g_assert_error (error, TOA_CONTENT_ERROR, TOA_CONTENT_ERROR_INVALID);
}

static void
test_encoding_names (void)
{
  g_assert_cmpstr (toa_vn_encoding_to_string (TOA_VN_ENCODING_UNICODE), ==, "unicode");
  g_assert_cmpstr (toa_vn_encoding_to_string (TOA_VN_ENCODING_TCVN3), ==, "tcvn3");
  g_assert_cmpstr (toa_vn_encoding_to_string (TOA_VN_ENCODING_VNI), ==, "vni");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vn-legacy/tcvn3/samples", test_tcvn3_samples);
  g_test_add_func ("/vn-legacy/tcvn3/matches-iconv", test_tcvn3_table_matches_iconv);
  g_test_add_func ("/vn-legacy/tcvn3/upper-case-fonts", test_upper_case_fonts);
  g_test_add_func ("/vn-legacy/tcvn3/round-trip", test_round_trip_tcvn3);
  g_test_add_func ("/vn-legacy/vni/samples", test_vni_samples);
  g_test_add_func ("/vn-legacy/vni/round-trip", test_round_trip_vni);
  g_test_add_func ("/vn-legacy/unicode-to-legacy", test_unicode_to_legacy_samples);
  g_test_add_func ("/vn-legacy/font-families", test_font_families);
  g_test_add_func ("/vn-legacy/unicode/never-detected", test_unicode_never_detected);
  g_test_add_func ("/vn-legacy/unicode/never-converted", test_unicode_never_converted);
  g_test_add_func ("/vn-legacy/detect", test_detect_legacy);
  g_test_add_func ("/vn-legacy/mixed-paragraph", test_mixed_paragraph);
  g_test_add_func ("/vn-legacy/syllables", test_syllables);
  g_test_add_func ("/vn-legacy/check/not-nfc", test_check_not_nfc);
  g_test_add_func ("/vn-legacy/check/legacy-paragraph", test_check_legacy_paragraph);
  g_test_add_func ("/vn-legacy/check/invalid-utf8", test_check_invalid_utf8);
  g_test_add_func ("/vn-legacy/encoding-names", test_encoding_names);

  return g_test_run ();
}
