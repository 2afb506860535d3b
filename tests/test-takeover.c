/* test-takeover.c — taking the edit lock from someone else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-core.h"
#include "toa-store-takeover.h"
#include "toa-test-newsroom.h"

static char *
holder (Newsroom *n,
        gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaLock) lock = toa_store_get_lock (n->store, id, &error);

  g_assert_no_error (error);
  return lock != NULL ? g_strdup (lock->login) : NULL;
}

static void
test_take_over (Newsroom      *n,
                gconstpointer  data)
{
  gint64 id = newsroom_article (n, "an", "Bài bị khóa");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (toa_store_lock_article (n->store, id, "binh", "may-binh", &error));
  g_assert_no_error (error);

  /* Authors and approvers of another office may not. */
  g_assert_false (toa_store_take_over_lock (n->store, id, "an", NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_false (toa_store_take_over_lock (n->store, id, "em", NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  first = holder (n, id);
  g_assert_cmpstr (first, ==, "binh");

  /* The head of QLCN may; the holder then loses it. */
  g_assert_true (toa_store_take_over_lock (n->store, id, "chi", "may-chi", &error));
  g_assert_no_error (error);
  second = holder (n, id);
  g_assert_cmpstr (second, ==, "chi");
  g_assert_false (toa_store_lock_article (n->store, id, "binh", "may-binh", &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A leader may too; unknown articles and users are refused. */
  g_assert_true (toa_store_take_over_lock (n->store, id, "lan", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (toa_store_take_over_lock (n->store, 999, "lan", NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (toa_store_take_over_lock (n->store, id, "ai-do", NULL, &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  toa_core_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/takeover/rules", Newsroom, NULL, newsroom_setup, test_take_over, newsroom_teardown);
  return g_test_run ();
}
