/* bench-diff.c — how long the word diff of two 5,000-word articles takes
 *
 * Not a test (timings depend on the machine): run it by hand,
 *   _build/tests/bench/bench-diff [RUNS]
 * It prints the word counts, the number of changed fields and the
 * median and worst time of toa_diff_content() in milliseconds: for a
 * reviewed revision (the common case) and for two unrelated articles
 * (every paragraph replaced, the worst case for pairing paragraphs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "toa-article-generator.h"
#include "toa-diff.h"

#define TARGET_WORDS 5000

/* Paragraphs of generated bodies until there are TARGET_WORDS words. */
static GPtrArray *
make_paragraphs (ToaArticleGenerator *generator)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  guint words = 0;

  while (words < TARGET_WORDS)
    {
      g_autoptr(ToaArticleContent) content = toa_article_generator_next (generator, NULL);
      g_autofree char *plain = toa_body_to_plain_text (content->body);
      g_auto(GStrv) blocks = g_strsplit (plain, "\n\n", -1);

      for (guint i = 0; blocks[i] != NULL && words < TARGET_WORDS; i++)
        {
          words += toa_article_generator_count_words (blocks[i]);
          g_ptr_array_add (paragraphs, g_strdup (blocks[i]));
        }
    }
  return paragraphs;
}

/* A reviewer's kind of revision: a word changed in every fifth
 * paragraph, one paragraph moved to the end, one deleted, one new. */
static GPtrArray *
revise (GPtrArray *paragraphs)
{
  GPtrArray *revised = g_ptr_array_new_with_free_func (g_free);
  char *moved = NULL;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const char *p = g_ptr_array_index (paragraphs, i);

      if (i == 3)
        {
          moved = g_strdup (p);
          continue;
        }
      if (i == 7)
        continue;
      if (i == 10)
        g_ptr_array_add (revised, g_strdup ("Đoạn văn mới được bổ sung theo ý kiến của lãnh đạo Sở Công Thương."));
      if (i % 5 == 0)
        g_ptr_array_add (revised, g_strconcat ("Theo báo cáo, ", p, NULL));
      else
        g_ptr_array_add (revised, g_strdup (p));
    }
  g_ptr_array_add (revised, moved);
  return revised;
}

static ToaArticleContent *
article_from (GPtrArray  *paragraphs,
              const char *title)
{
  ToaArticleContent *content = toa_article_content_new ();
  g_autofree char *text = NULL;

  g_ptr_array_add (paragraphs, NULL);
  text = g_strjoinv ("\n\n", (char **) paragraphs->pdata);
  g_ptr_array_remove_index (paragraphs, paragraphs->len - 1);
  content->title = g_strdup (title);
  content->body = toa_body_from_plain_text (text);
  return content;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Times @runs diffs; returns the median, *worst the slowest. */
static double
time_diff (const ToaArticleContent *old_content,
           const ToaArticleContent *new_content,
           guint                    runs,
           double                  *worst,
           guint                   *changed)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) fields = toa_diff_content (old_content, new_content);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
      *changed = 0;
      for (guint i = 0; i < fields->len; i++)
        *changed += ((ToaFieldDiff *) g_ptr_array_index (fields, i))->changed;
    }
  g_array_sort (times, compare_double);
  *worst = g_array_index (times, double, runs - 1);
  return g_array_index (times, double, runs / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ToaArticleGenerator) generator = toa_article_generator_new (20261123);
  g_autoptr(GPtrArray) paragraphs = make_paragraphs (generator);
  g_autoptr(GPtrArray) revised = revise (paragraphs);
  g_autoptr(GPtrArray) unrelated = make_paragraphs (generator);
  g_autoptr(ToaArticleContent) old_content = article_from (paragraphs, "Bài gốc");
  g_autoptr(ToaArticleContent) new_content = article_from (revised, "Bài đã sửa");
  g_autoptr(ToaArticleContent) other_content = article_from (unrelated, "Bài khác");
  g_autofree char *old_plain = toa_body_to_plain_text (old_content->body);
  g_autofree char *new_plain = toa_body_to_plain_text (new_content->body);
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 20;
  guint changed = 0;
  double median, worst;

  runs = MAX (runs, 1);
  median = time_diff (old_content, new_content, runs, &worst, &changed);
  printf ("words: old %u, new %u; paragraphs: old %u, new %u; changed fields: %u\n",
          toa_article_generator_count_words (old_plain), toa_article_generator_count_words (new_plain),
          paragraphs->len, revised->len, changed);
  printf ("revised article: median %.2f ms, worst %.2f ms over %u runs\n", median, worst, runs);
  median = time_diff (old_content, other_content, runs, &worst, &changed);
  printf ("unrelated article (%u paragraphs): median %.2f ms, worst %.2f ms over %u runs\n",
          unrelated->len, median, worst, runs);
  return 0;
}
