/* toa-test-utils.h — helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary directory, removed with its contents by
 * toa_test_remove_tree(). */
char     *toa_test_make_tmpdir    (void);
void      toa_test_remove_tree    (const char  *path);

/* A path below the source tree (TOASOAN_SOURCE_DIR), e.g. "tests/fixtures/x". */
char     *toa_test_source_path    (const char  *relative);

/* Runs toasoan-cli (TOASOAN_CLI) with @argv (NULL-terminated, without the
 * program name) and the extra environment pairs in @envp (may be NULL).
 * Returns the exit status; stdout/stderr are returned when asked for. */
int       toa_test_run_cli        (const char * const *argv,
                                   const char * const *envp,
                                   char              **out_stdout,
                                   char              **out_stderr);

/* Runs `toasoan-cli --db DB [--as AS] ARGS…` in English; the varargs are
 * the arguments, NULL-terminated. stdout and stderr replace *out and *err (each
 * may be NULL) and the exit status is returned. */
int       toa_test_cli            (const char  *db,
                                   const char  *as,
                                   char       **out,
                                   char       **err,
                                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
