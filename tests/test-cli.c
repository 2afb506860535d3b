/* test-cli.c — the toasoan-cli contract that needs no database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-test-utils.h"

static void
test_version (void)
{
  g_autofree char *out = NULL;
  int status;

  status = toa_test_run_cli ((const char *[]) { "--version", NULL }, NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "toasoan-cli " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_autofree char *out = NULL;
  int status;

  status = toa_test_run_cli ((const char *[]) { "--help", NULL }, NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Usage: toasoan-cli"));
}

static void
test_usage_translated (void)
{
  g_autofree char *out = NULL;
  const char *env[] = { "LANGUAGE", "vi", NULL };
  int status;

  status = toa_test_run_cli ((const char *[]) { "--help", NULL }, env, &out, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Cách dùng: toasoan-cli"));
}

static void
test_unknown_command (void)
{
  g_autofree char *err = NULL;
  const char *env[] = { "LANGUAGE", "vi", NULL };
  int status;

  status = toa_test_run_cli ((const char *[]) { "frobnicate", NULL }, NULL, NULL, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "Unknown command “frobnicate”"));

  g_clear_pointer (&err, g_free);
  status = toa_test_run_cli ((const char *[]) { "frobnicate", NULL }, env, NULL, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "Lệnh không xác định “frobnicate”"));
}

static void
test_no_command (void)
{
  g_autofree char *err = NULL;
  int status;

  status = toa_test_run_cli ((const char *[]) { NULL }, NULL, NULL, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_true (g_str_has_prefix (err, "Usage: toasoan-cli"));
}

static void
test_unknown_option (void)
{
  int status;

  status = toa_test_run_cli ((const char *[]) { "--frob", NULL }, NULL, NULL, NULL);
  g_assert_cmpint (status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-translated", test_usage_translated);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/no-command", test_no_command);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);

  return g_test_run ();
}
