/* test-vn-legacy-corpus.c — legacy detection over many generated paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hand-written samples in test-vn-legacy.c show the tables are right;
 * this shows the detector's thresholds hold on a few thousand paragraphs
 * of realistic text: every one of them is recognised once written in
 * TCVN3 or VNI, and none is taken for legacy while it is Unicode.
 */
#include "config.h"

#include <string.h>

#include "toa-article-generator.h"
#include "toa-vn-legacy.h"

#define N_ARTICLES 80

/* TCVN3 has no capital letters with tone marks: documents typed them in
 * lower case (or in an "H" font). Lower-case those before encoding. */
static char *
lower_toned_capitals (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *nfd = NULL;

      if (g_unichar_isupper (c) && c >= 0x80)
        {
          char buffer[8] = { 0 };

          g_unichar_to_utf8 (c, buffer);
          nfd = g_utf8_normalize (buffer, -1, G_NORMALIZE_NFD);
          /* A tone mark in the decomposition: à á ả ã ạ on a capital. */
          if (strstr (nfd, "\xcc\x80") || strstr (nfd, "\xcc\x81") || strstr (nfd, "\xcc\x83")
              || strstr (nfd, "\xcc\x89") || strstr (nfd, "\xcc\xa3"))
            c = g_unichar_tolower (c);
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
corpus_paragraphs (void)
{
  g_autoptr(ToaArticleGenerator) generator = toa_article_generator_new (1993);
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autoptr(ToaArticleContent) content = toa_article_generator_next (generator, NULL);
      g_autofree char *plain = toa_body_to_plain_text (content->body);
      g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);

      g_ptr_array_add (paragraphs, g_strdup (content->title));
      g_ptr_array_add (paragraphs, g_strdup (content->lead));
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (*lines[j] != '\0')
            g_ptr_array_add (paragraphs, g_strdup (lines[j]));
        }
    }
  return paragraphs;
}

static void
check_encoding (ToaVnEncoding encoding)
{
  g_autoptr(GPtrArray) paragraphs = corpus_paragraphs ();
  guint long_ones = 0;

  g_assert_cmpuint (paragraphs->len, >, 500);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (paragraphs, i);
      g_autofree char *unicode = encoding == TOA_VN_ENCODING_TCVN3
                                 ? lower_toned_capitals (paragraph) : g_strdup (paragraph);
      g_autoptr(GError) error = NULL;
      g_autofree char *legacy = toa_vn_unicode_to_legacy (unicode, encoding, FALSE, &error);
      g_autofree char *back = NULL;
      g_autoptr(GPtrArray) issues = NULL;

      g_assert_no_error (error);
      back = toa_vn_legacy_to_unicode (legacy, encoding, FALSE);
      g_assert_cmpstr (back, ==, unicode);

      g_assert_cmpint (toa_vn_detect_legacy (unicode), ==, TOA_VN_ENCODING_UNICODE);
      /* Titles can be too short to be evident; anything of a sentence or
       * more must be recognised. */
      if (toa_article_generator_count_words (paragraph) < 12)
        continue;
      long_ones++;
      if (toa_vn_detect_legacy (legacy) != encoding)
        g_error ("not detected as %s: %s", toa_vn_encoding_to_string (encoding), legacy);
      issues = toa_vn_text_check (legacy, NULL);
      g_assert_cmpuint (issues->len, >=, 1);
      for (guint k = 0; k < issues->len; k++)
        {
          ToaVnIssue *issue = g_ptr_array_index (issues, k);

          g_assert_cmpint (issue->kind, ==, TOA_VN_ISSUE_LEGACY);
          g_assert_cmpint (issue->encoding, ==, encoding);
        }
    }
  g_assert_cmpuint (long_ones, >, 400);
}

static void
test_tcvn3 (void)
{
  check_encoding (TOA_VN_ENCODING_TCVN3);
}

static void
test_vni (void)
{
  check_encoding (TOA_VN_ENCODING_VNI);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vn-legacy-corpus/tcvn3", test_tcvn3);
  g_test_add_func ("/vn-legacy-corpus/vni", test_vni);

  return g_test_run ();
}
