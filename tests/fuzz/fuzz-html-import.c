/* fuzz-html-import.c — libFuzzer target for the HTML import pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input must either be refused with an error or give a body that is
 * safe (toa-body-check.h) and a fixed point of the import; the plain-text
 * import must give a safe body too. A violation aborts, which libFuzzer
 * reports with the input that caused it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toa-html-import.h"
#include "toa-body-check.h"

static void
fail (const char *what,
      const char *detail,
      const char *body)
{
  fprintf (stderr, "fuzz-html-import: %s: %s\nbody: %s\n", what, detail, body);
  abort ();
}

static void
check_body (const char *body)
{
  g_autofree char *why = NULL;
  g_autofree char *again = NULL;

  if (!toa_check_body (body, &why))
    fail ("unsafe body", why, body);
  again = toa_body_sanitize (body);
  if (strcmp (again, body) != 0)
    fail ("not idempotent", again, body);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaImportReport) report = NULL;
  g_autoptr(ToaImportReport) text_report = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text_body = NULL;
  g_autofree char *summary = NULL;

  body = toa_html_import ((const char *) data, size, NULL, &report, &error);
  if (body == NULL)
    {
      if (error == NULL || report != NULL)
        fail ("refused without an error", "", "");
      return 0;
    }
  check_body (body);
  summary = toa_import_report_to_string (report);

  text_body = toa_plain_text_import ((const char *) data, size, NULL, &text_report, NULL);
  if (text_body == NULL)
    fail ("plain text refused what HTML accepted", "", "");
  check_body (text_body);
  return 0;
}
