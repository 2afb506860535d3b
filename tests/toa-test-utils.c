/* toa-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "toa-test-utils.h"

char *
toa_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("toasoan-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
toa_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            toa_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

char *
toa_test_source_path (const char *relative)
{
  const char *root = g_getenv ("TOASOAN_SOURCE_DIR");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

int
toa_test_run_cli (const char * const *argv,
                  const char * const *envp,
                  char              **out_stdout,
                  char              **out_stderr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("TOASOAN_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  for (guint i = 0; envp != NULL && envp[i] != NULL && envp[i + 1] != NULL; i += 2)
    env = g_environ_setenv (env, envp[i], envp[i + 1], TRUE);

  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);

  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&out);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);

  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

int
toa_test_cli (const char  *db,
              const char  *as,
              char       **out,
              char       **err,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *env[] = { "LANGUAGE", "en", NULL };
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  va_list ap;
  int status;

  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, (char *) db);
  if (as != NULL)
    {
      g_ptr_array_add (args, (char *) "--as");
      g_ptr_array_add (args, (char *) as);
    }
  va_start (ap, err);
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  status = toa_test_run_cli ((const char * const *) args->pdata, env, &stdout_text, &stderr_text);
  if (status != 0)
    g_test_message ("toasoan-cli exited %d: %s", status, stderr_text);
  if (out != NULL)
    {
      g_free (*out);
      *out = g_steal_pointer (&stdout_text);
    }
  if (err != NULL)
    {
      g_free (*err);
      *err = g_steal_pointer (&stderr_text);
    }
  return status;
}
