/* toa-article-generator.h — deterministic Vietnamese articles for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "toa-article-content.h"

G_BEGIN_DECLS

/* Bodies fall between these word counts (whitespace-separated words of
 * the body's plain text). */
#define TOA_ARTICLE_GENERATOR_MIN_WORDS 600
#define TOA_ARTICLE_GENERATOR_MAX_WORDS 900

typedef struct _ToaArticleGenerator ToaArticleGenerator;

/* The same @seed always yields the same sequence of articles, on every
 * machine: the generator has its own PRNG (splitmix64) and no locale-
 * or time-dependent input. */
ToaArticleGenerator *toa_article_generator_new        (guint64              seed);
void                 toa_article_generator_free       (ToaArticleGenerator *self);

/* The next article. @office (optional) receives the writing office's code
 * ("QLCN", "QLTM", "KHTCTH" or "VP"), a static string. */
ToaArticleContent   *toa_article_generator_next       (ToaArticleGenerator *self,
                                                       const char         **office);

/* Words in @text, as the generator counts them. */
guint                toa_article_generator_count_words (const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaArticleGenerator, toa_article_generator_free)

G_END_DECLS
