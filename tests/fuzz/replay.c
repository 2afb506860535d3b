/* replay.c — runs a libFuzzer target over its seed corpus without
 * libFuzzer, so that every seed (including each past crash, kept as a
 * regression seed) is checked by the ordinary test suite. Prints TAP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (argc != 2)
    {
      g_printerr ("usage: %s CORPUS_DIR\n", argv[0]);
      return 2;
    }
  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      printf ("1..0 # SKIP %s\n", error->message);
      return 0;
    }
  for (name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
    g_ptr_array_add (files, g_build_filename (argv[1], name, NULL));
  g_ptr_array_sort (files, compare_strings);

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      gsize size = 0;

      if (!g_file_get_contents (path, &data, &size, NULL))
        {
          printf ("not ok %u %s (unreadable)\n", i + 1, path);
          continue;
        }
      /* A property violation aborts inside the target: the test fails. */
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
      printf ("ok %u %s\n", i + 1, path);
      fflush (stdout);
    }
  return 0;
}
