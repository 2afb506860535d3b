/* fuzz-article-xml.c — libFuzzer target for the article XML import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input is either refused with an error or read into an article
 * whose body is safe, and which writes back out to XML that reads again
 * into the same content (export ∘ import is a fixed point). A violation
 * aborts, which libFuzzer reports with the input that caused it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toa-article-xml.h"
#include "toa-body-check.h"

static void
fail (const char *what,
      const char *detail)
{
  fprintf (stderr, "fuzz-article-xml: %s: %s\n", what, detail);
  abort ();
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaExportArticle) article = NULL;
  g_autoptr(ToaExportArticle) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *why = NULL;

  article = toa_article_xml_read ((const char *) data, size, &error);
  if (article == NULL)
    {
      if (error == NULL)
        fail ("refused without an error", "");
      return 0;
    }
  if (article->content == NULL)
    fail ("accepted without content", "");
  if (article->content->body != NULL && !toa_check_body (article->content->body, &why))
    fail ("unsafe body accepted", why);

  written = toa_article_xml_write (article, &error);
  if (written == NULL)
    fail ("accepted but cannot be written back", error->message);
  again = toa_article_xml_read (g_bytes_get_data (written, NULL), g_bytes_get_size (written), &error);
  if (again == NULL)
    fail ("own output refused", error->message);
  if (!toa_article_content_equal (article->content, again->content))
    fail ("content changed on a round trip", "");
  return 0;
}
