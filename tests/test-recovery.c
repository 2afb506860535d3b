/* test-recovery.c — autosave records of unsaved editor text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "toa-core.h"
#include "toa-recovery.h"
#include "toa-test-utils.h"

static ToaRecoveryRecord *
make_record (gint64      article_id,
             const char *title)
{
  ToaRecoveryRecord *record = g_new0 (ToaRecoveryRecord, 1);
  const char *tags[] = { "công nghiệp", "an toàn", NULL };

  record->article_id = article_id;
  record->base_version = 3;
  record->saved = 1763888400000000;
  record->office = g_strdup ("QLCN");
  record->content = toa_article_content_new ();
  record->content->title = g_strdup (title);
  record->content->lead = g_strdup ("Sáng 23/11, Sở Công Thương\ntổ chức hội nghị.");
  record->content->body = g_strdup ("<p>Đoạn một; dấu = và [nhóm] # không phải chú thích.</p><p>Đoạn hai.</p>");
  record->content->byline = g_strdup ("Đỗ Nguyên - P. QLCN");
  record->content->event_date = g_strdup ("2026-11-23");
  record->content->tags = g_strdupv ((char **) tags);
  return record;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (dir, "/srv/a.db", "nguyen");
  g_autoptr(ToaRecoveryRecord) record = make_record (42, "Hội nghị tổng kết năm 2026");
  g_autoptr(ToaRecoveryRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (toa_recovery_load (recovery, 42, &error));
  g_assert_no_error (error);

  g_assert_true (toa_recovery_save (recovery, record, &error));
  g_assert_no_error (error);
  loaded = toa_recovery_load (recovery, 42, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (loaded->article_id, ==, 42);
  g_assert_cmpint (loaded->base_version, ==, 3);
  g_assert_cmpint (loaded->saved, ==, 1763888400000000);
  g_assert_cmpstr (loaded->office, ==, "QLCN");
  g_assert_true (toa_article_content_equal (loaded->content, record->content));
  g_assert_cmpstr (loaded->content->lead, ==, "Sáng 23/11, Sở Công Thương\ntổ chức hội nghị.");
  g_assert_null (loaded->content->category);

  toa_test_remove_tree (dir);
}

static void
test_replace_and_discard (void)
{
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (dir, "/srv/a.db", "nguyen");
  g_autoptr(ToaRecoveryRecord) first = make_record (0, "Bản nháp một");
  g_autoptr(ToaRecoveryRecord) second = make_record (0, "Bản nháp hai");
  g_autoptr(ToaRecoveryRecord) loaded = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  guint files = 0;

  g_assert_true (toa_recovery_save (recovery, first, &error));
  g_assert_true (toa_recovery_save (recovery, second, &error));
  g_assert_no_error (error);

  /* One file per article, and no temporary file left behind. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (listing) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 1);

  loaded = toa_recovery_load (recovery, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->content->title, ==, "Bản nháp hai");

  g_assert_true (toa_recovery_discard (recovery, 0, &error));
  g_assert_no_error (error);
  g_assert_null (toa_recovery_load (recovery, 0, &error));
  g_assert_no_error (error);
  /* Discarding nothing is fine: the editor discards after every save. */
  g_assert_true (toa_recovery_discard (recovery, 0, &error));
  g_assert_no_error (error);

  toa_test_remove_tree (dir);
}

static void
test_other_user_and_database (void)
{
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autoptr(ToaRecovery) mine = toa_recovery_new (dir, "/srv/a.db", "nguyen");
  g_autoptr(ToaRecovery) colleague = toa_recovery_new (dir, "/srv/a.db", "lan");
  g_autoptr(ToaRecovery) other_db = toa_recovery_new (dir, "/srv/b.db", "nguyen");
  g_autoptr(ToaRecoveryRecord) record = make_record (7, "Của tôi");
  g_autoptr(GError) error = NULL;

  g_assert_true (toa_recovery_save (mine, record, &error));
  g_assert_no_error (error);
  g_assert_null (toa_recovery_load (colleague, 7, &error));
  g_assert_no_error (error);
  g_assert_null (toa_recovery_load (other_db, 7, &error));
  g_assert_no_error (error);

  toa_test_remove_tree (dir);
}

static void
test_damaged_and_unwritable (void)
{
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *below = g_build_filename (blocker, "recovery", NULL);
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (dir, "/srv/a.db", "nguyen");
  g_autoptr(ToaRecovery) blocked = toa_recovery_new (below, "/srv/a.db", "nguyen");
  g_autoptr(ToaRecoveryRecord) record = make_record (9, "Tiêu đề");
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_assert_true (toa_recovery_save (recovery, record, &error));
  listing = g_dir_open (dir, 0, NULL);
  name = g_dir_read_name (listing);
  {
    g_autofree char *path = g_build_filename (dir, name, NULL);

    g_assert_true (g_file_set_contents (path, "not [a key file\n", -1, NULL));
  }
  g_assert_null (toa_recovery_load (recovery, 9, &error));
  g_assert_error (error, TOA_RECOVERY_ERROR, TOA_RECOVERY_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A file where the folder should be: a clear error, not a crash. */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  g_assert_false (toa_recovery_save (blocked, record, &error));
  g_assert_error (error, TOA_RECOVERY_ERROR, TOA_RECOVERY_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "recovery"));

  toa_test_remove_tree (dir);
}

/* A start lists this user's records of this database, newest first,
 * skipping damaged ones and other people's. */
static void
test_list (void)
{
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (dir, "/srv/a.db", "nguyen");
  g_autoptr(ToaRecovery) other = toa_recovery_new (dir, "/srv/a.db", "tran");
  g_autoptr(ToaRecoveryRecord) older = make_record (42, "Bài cũ");
  g_autoptr(ToaRecoveryRecord) newer = make_record (0, "Bài mới chưa lưu");
  g_autoptr(ToaRecoveryRecord) theirs = make_record (7, "Bài của người khác");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *damaged = NULL;

  records = toa_recovery_list (recovery, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 0);
  g_clear_pointer (&records, g_ptr_array_unref);

  newer->saved = older->saved + G_USEC_PER_SEC;
  g_assert_true (toa_recovery_save (recovery, older, &error));
  g_assert_true (toa_recovery_save (recovery, newer, &error));
  g_assert_true (toa_recovery_save (other, theirs, &error));
  g_assert_no_error (error);
  {
    /* A record of the same user, damaged; and a stranger's file. */
    g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "/srv/a.db\nnguyen", -1);
    g_autofree char *name = g_strdup_printf ("%.20s-99.recovery", digest);
    g_autofree char *stranger = g_build_filename (dir, "notes.txt", NULL);

    damaged = g_build_filename (dir, name, NULL);
    g_assert_true (g_file_set_contents (damaged, "[broken", -1, NULL));
    g_assert_null (toa_recovery_load (recovery, 99, &error));
    g_assert_error (error, TOA_RECOVERY_ERROR, TOA_RECOVERY_ERROR_CORRUPT);
    g_clear_error (&error);
    g_assert_true (g_file_set_contents (stranger, "x", -1, NULL));
  }

  records = toa_recovery_list (recovery, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpint (((ToaRecoveryRecord *) g_ptr_array_index (records, 0))->article_id, ==, 0);
  g_assert_cmpstr (((ToaRecoveryRecord *) g_ptr_array_index (records, 0))->content->title, ==, "Bài mới chưa lưu");
  g_assert_cmpint (((ToaRecoveryRecord *) g_ptr_array_index (records, 1))->article_id, ==, 42);
  g_clear_pointer (&records, g_ptr_array_unref);

  g_assert_true (toa_recovery_discard (recovery, 0, &error));
  records = toa_recovery_list (recovery, &error);
  g_assert_cmpuint (records->len, ==, 1);

  toa_test_remove_tree (dir);
}

/* No folder yet: nothing to offer, not an error. */
static void
test_list_without_folder (void)
{
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "never-made", NULL);
  g_autoptr(ToaRecovery) recovery = toa_recovery_new (missing, "/srv/a.db", "nguyen");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = toa_recovery_list (recovery, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 0);
  toa_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  toa_core_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/round-trip", test_round_trip);
  g_test_add_func ("/recovery/replace-and-discard", test_replace_and_discard);
  g_test_add_func ("/recovery/other-user-and-database", test_other_user_and_database);
  g_test_add_func ("/recovery/damaged-and-unwritable", test_damaged_and_unwritable);
  g_test_add_func ("/recovery/list", test_list);
  g_test_add_func ("/recovery/list-without-folder", test_list_without_folder);
  return g_test_run ();
}
