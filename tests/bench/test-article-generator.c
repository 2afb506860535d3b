/* test-article-generator.c — the benchmark article generator's promises
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-article-generator.h"
#include "toa-vn-legacy.h"

#define N_ARTICLES 60

static GPtrArray *
generate (guint64      seed,
          guint        count,
          GPtrArray  **offices)
{
  g_autoptr(ToaArticleGenerator) generator = toa_article_generator_new (seed);
  GPtrArray *articles = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_article_content_free);

  if (offices != NULL)
    *offices = g_ptr_array_new ();
  for (guint i = 0; i < count; i++)
    {
      const char *office = NULL;

      g_ptr_array_add (articles, toa_article_generator_next (generator, &office));
      if (offices != NULL)
        g_ptr_array_add (*offices, (gpointer) office);
    }
  return articles;
}

static void
test_deterministic (void)
{
  g_autoptr(GPtrArray) a = generate (20261123, N_ARTICLES, NULL);
  g_autoptr(GPtrArray) b = generate (20261123, N_ARTICLES, NULL);
  g_autoptr(GPtrArray) other = generate (7, N_ARTICLES, NULL);
  guint same_as_other = 0;

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      ToaArticleContent *x = g_ptr_array_index (a, i);
      ToaArticleContent *y = g_ptr_array_index (b, i);
      g_autofree char *hash_x = toa_article_content_hash (x, NULL);
      g_autofree char *hash_y = toa_article_content_hash (y, NULL);
      g_autofree char *hash_other = toa_article_content_hash (g_ptr_array_index (other, i), NULL);

      g_assert_true (toa_article_content_equal (x, y));
      g_assert_cmpstr (hash_x, ==, hash_y);
      same_as_other += g_str_equal (hash_x, hash_other);
    }
  g_assert_cmpuint (same_as_other, ==, 0);
}

static void
assert_nfc (const char *text)
{
  g_autofree char *nfc = NULL;

  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_assert_cmpstr (text, ==, nfc);
}

/* Every word with a Vietnamese letter in it must be a real syllable: a
 * typo in a template ("nghiêp") would fail here. */
static void
assert_vietnamese_words (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("[\\s,.;:!?()/%\"“”-]+", text, 0, 0);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean non_ascii = FALSE;

      for (const char *p = words[i]; *p != '\0'; p++)
        non_ascii |= (guchar) *p >= 0x80;
      if (non_ascii && !toa_vn_word_is_syllable (words[i]))
        g_error ("“%s” is not a Vietnamese syllable, in: %s", words[i], text);
    }
}

static void
assert_clean_text (const char *text)
{
  g_autoptr(GPtrArray) issues = toa_vn_text_check (text, NULL);

  assert_nfc (text);
  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_cmpint (toa_vn_detect_legacy (text), ==, TOA_VN_ENCODING_UNICODE);
  assert_vietnamese_words (text);
}

static void
test_well_formed (void)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GPtrArray) articles = generate (42, N_ARTICLES, &offices);
  g_autoptr(GRegex) byline = g_regex_new ("^\\S+ \\S+ - P\\. (QLCN|QLTM|KHTCTH|VP)$", 0, 0, NULL);
  g_autoptr(GRegex) lead = g_regex_new ("^(Sáng ngày|Chiều ngày|Ngày) (\\d\\d)/(\\d\\d)/(\\d{4}), ",
                                        0, 0, NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      ToaArticleContent *content = g_ptr_array_index (articles, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *hash = toa_article_content_hash (content, &error);
      g_autofree char *plain = toa_body_to_plain_text (content->body);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *office = NULL;
      g_autofree char *date = NULL;
      g_autofree char *year = NULL;
      g_autofree char *month = NULL;
      g_autofree char *day = NULL;
      g_auto(GStrv) paragraphs = NULL;
      guint words = toa_article_generator_count_words (plain);

      g_assert_no_error (error);
      g_assert_cmpuint (strlen (hash), ==, 64);
      g_assert_true (g_str_has_prefix (content->body, "<p>"));
      g_assert_cmpint (words, >=, TOA_ARTICLE_GENERATOR_MIN_WORDS);
      g_assert_cmpint (words, <=, TOA_ARTICLE_GENERATOR_MAX_WORDS);

      assert_clean_text (content->title);
      assert_clean_text (content->lead);
      assert_nfc (content->byline);
      paragraphs = g_strsplit (plain, "\n", -1);
      g_assert_cmpuint (g_strv_length (paragraphs), >=, 3);
      for (guint p = 0; paragraphs[p] != NULL; p++)
        {
          if (*paragraphs[p] != '\0')
            assert_clean_text (paragraphs[p]);
        }

      g_assert_true (g_regex_match (byline, content->byline, 0, &match));
      office = g_match_info_fetch (match, 1);
      g_assert_cmpstr (office, ==, g_ptr_array_index (offices, i));
      g_clear_pointer (&match, g_match_info_unref);

      g_assert_true (g_regex_match (lead, content->lead, 0, &match));
      year = g_match_info_fetch (match, 4);
      month = g_match_info_fetch (match, 3);
      day = g_match_info_fetch (match, 2);
      date = g_strdup_printf ("%s-%s-%s", year, month, day);
      g_assert_cmpstr (date, ==, content->event_date);
      g_assert_cmpstr (content->event_date, >=, "2024-01-01");
      g_assert_cmpstr (content->event_date, <=, "2026-12-31");
      g_assert_cmpstr (content->display_date, >=, content->event_date);
      g_assert_nonnull (content->tags);
    }
}

static void
test_varied (void)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GPtrArray) articles = generate (99, 120, &offices);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      ToaArticleContent *content = g_ptr_array_index (articles, i);

      g_hash_table_add (titles, content->title);
      g_hash_table_add (seen, content->category);
      g_hash_table_add (seen, g_ptr_array_index (offices, i));
      g_hash_table_add (years, g_strndup (content->event_date, 4));
    }
  g_assert_cmpuint (g_hash_table_size (titles), >=, 40);
  g_assert_true (g_hash_table_contains (seen, "Tin tức"));
  g_assert_true (g_hash_table_contains (seen, "Thông báo"));
  g_assert_true (g_hash_table_contains (seen, "Sự kiện"));
  g_assert_true (g_hash_table_contains (seen, "QLCN"));
  g_assert_true (g_hash_table_contains (seen, "QLTM"));
  g_assert_true (g_hash_table_contains (seen, "KHTCTH"));
  g_assert_true (g_hash_table_contains (seen, "VP"));
  g_assert_cmpuint (g_hash_table_size (years), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-generator/deterministic", test_deterministic);
  g_test_add_func ("/article-generator/well-formed", test_well_formed);
  g_test_add_func ("/article-generator/varied", test_varied);

  return g_test_run ();
}
