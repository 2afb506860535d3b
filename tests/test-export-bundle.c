/* test-export-bundle.c — zip bundles with a manifest, and their check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "toa-export-bundle.h"
#include "toa-export-error.h"
#include "toa-test-utils.h"

static ToaExportArticle *
sample_article (gint64 id)
{
  ToaExportArticle *article = toa_export_article_new ();
  ToaArticleContent *content = article->content;

  article->id = id;
  article->office_code = g_strdup ("QLCN");
  article->office_name = g_strdup ("Phòng Quản lý Công nghiệp");
  article->status = g_strdup ("approved");
  article->created = g_date_time_new_utc (2026, 11, 20, 1, 30, 0);
  article->updated = g_date_time_new_utc (2026, 11, 21, 9, 5, 7);
  content->title = g_strdup_printf ("Bài số %lld", (long long) id);
  content->lead = g_strdup ("Phần mở đầu.");
  content->body = g_strdup ("<p>Nội dung.</p><figure><img src=\"media:5\" alt=\"\"/>"
                            "<figcaption>Ảnh minh họa</figcaption></figure>");
  content->byline = g_strdup ("Đỗ Nguyên - P. QLCN");
  article->approved_revision = 1;
  article->approved_hash = toa_article_content_hash (content, NULL);
  return article;
}

static ToaExportMedia *
lookup_media (gint64    id,
              gpointer  user_data,
              GError  **error)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GBytes) bytes = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xcc3300ff);
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", NULL, NULL);
  bytes = g_bytes_new_take (buffer, size);
  return toa_export_media_new (bytes, "image/png", 64, 48);
}

typedef struct
{
  char      *dir;
  char      *bundle;
  GPtrArray *articles;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = toa_test_make_tmpdir ();
  fixture->bundle = g_build_filename (fixture->dir, "bundle.zip", NULL);
  fixture->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_article_free);
  g_ptr_array_add (fixture->articles, sample_article (11));
  g_ptr_array_add (fixture->articles, sample_article (12));
  toa_exporter_set_media_func (exporter, lookup_media, NULL, NULL);
  g_assert_true (toa_export_bundle_write (exporter, fixture->articles, fixture->bundle, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  toa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->bundle);
  g_ptr_array_unref (fixture->articles);
}

/* name → GBytes of every entry, read with libarchive directly. */
static GHashTable *
read_zip (const char *path)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 10240), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      gsize size = (gsize) archive_entry_size (entry);
      char *data = g_malloc (size + 1);

      g_assert_cmpint (archive_read_data (archive, data, size), ==, (la_ssize_t) size);
      g_hash_table_insert (entries, g_strdup (archive_entry_pathname (entry)), g_bytes_new_take (data, size));
    }
  archive_read_free (archive);
  return entries;
}

static void
write_zip (const char *path,
           GHashTable *entries)
{
  struct archive *archive = archive_write_new ();
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;

  archive_write_set_format_zip (archive);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &bytes))
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size;
      const void *data = g_bytes_get_data (bytes, &size);

      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) size);
      archive_write_header (archive, entry);
      archive_write_data (archive, data, size);
      archive_entry_free (entry);
    }
  archive_write_close (archive);
  archive_write_free (archive);
}

static void
test_manifest_lists_every_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GHashTable) entries = read_zip (fixture->bundle);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GBytes *manifest = g_hash_table_lookup (entries, TOA_BUNDLE_MANIFEST);
  g_autoptr(GError) error = NULL;
  JsonArray *files;
  guint n_articles = 0;
  static const char * const expected[] = {
    "11/article-11.xml", "11/article-11.html", "11/images/media-5.png",
    "12/article-12.xml", "12/article-12.html", "12/images/media-5.png",
  };

  g_assert_nonnull (manifest);
  g_assert_cmpuint (g_hash_table_size (entries), ==, G_N_ELEMENTS (expected) + 1);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (manifest, NULL), g_bytes_get_size (manifest), NULL));
  files = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "files");
  g_assert_cmpuint (json_array_get_length (files), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      GBytes *bytes = g_hash_table_lookup (entries, expected[i]);
      g_autofree char *sha256 = NULL;

      g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, expected[i]);
      g_assert_nonnull (bytes);
      sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      g_assert_cmpstr (json_object_get_string_member (file, "sha256"), ==, sha256);
      g_assert_cmpint (json_object_get_int_member (file, "size"), ==, (gint64) g_bytes_get_size (bytes));
    }

  g_assert_true (toa_export_bundle_verify (fixture->bundle, &n_articles, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_articles, ==, 2);
}

static void
assert_verify_fails (const char *path,
                     const char *mention)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (toa_export_bundle_verify (path, NULL, &error));
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE);
  if (strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention %s", error->message, mention);
}

static void
test_tampered_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GHashTable) entries = read_zip (fixture->bundle);
  g_autofree char *tampered = g_build_filename (fixture->dir, "tampered.zip", NULL);
  GBytes *page = g_hash_table_lookup (entries, "12/article-12.html");
  g_autofree char *text = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  char *where = strstr (text, "Nội dung.");

  /* Same length, one letter changed. */
  where[0] = 'X';
  g_hash_table_insert (entries, g_strdup ("12/article-12.html"), g_bytes_new (text, strlen (text)));
  write_zip (tampered, entries);
  assert_verify_fails (tampered, "12/article-12.html");
}

static void
test_missing_and_extra_files (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GHashTable) entries = read_zip (fixture->bundle);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.zip", NULL);
  g_autofree char *extra = g_build_filename (fixture->dir, "extra.zip", NULL);
  g_autofree char *no_manifest = g_build_filename (fixture->dir, "no-manifest.zip", NULL);
  g_autoptr(GBytes) image = g_bytes_ref (g_hash_table_lookup (entries, "11/images/media-5.png"));
  g_autoptr(GError) error = NULL;

  g_hash_table_remove (entries, "11/images/media-5.png");
  write_zip (missing, entries);
  assert_verify_fails (missing, "11/images/media-5.png");

  g_hash_table_insert (entries, g_strdup ("11/images/media-5.png"), g_bytes_ref (image));
  g_hash_table_insert (entries, g_strdup ("11/run-me.html"), g_bytes_new_static ("<script>", 8));
  write_zip (extra, entries);
  assert_verify_fails (extra, "11/run-me.html");

  g_hash_table_remove (entries, "11/run-me.html");
  g_hash_table_remove (entries, TOA_BUNDLE_MANIFEST);
  write_zip (no_manifest, entries);
  assert_verify_fails (no_manifest, "manifest");

  g_assert_false (toa_export_bundle_verify (fixture->dir, NULL, &error));
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE);
}

/* Whoever edits an article and fixes the manifest still breaks the
 * article's own content hash. */
static void
test_article_edited_with_manifest (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GHashTable) entries = read_zip (fixture->bundle);
  g_autofree char *tampered = g_build_filename (fixture->dir, "rehashed.zip", NULL);
  GBytes *xml = g_hash_table_lookup (entries, "11/article-11.xml");
  GBytes *manifest = g_hash_table_lookup (entries, TOA_BUNDLE_MANIFEST);
  g_autofree char *xml_text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_autofree char *manifest_text = g_strndup (g_bytes_get_data (manifest, NULL), g_bytes_get_size (manifest));
  g_autofree char *old_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);
  g_autofree char *new_sha = NULL;
  char *where = strstr (xml_text, "Nội dung.");
  char *in_manifest;

  where[0] = 'X';
  new_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, xml_text, -1);
  in_manifest = strstr (manifest_text, old_sha);
  memcpy (in_manifest, new_sha, 64);
  g_hash_table_insert (entries, g_strdup ("11/article-11.xml"), g_bytes_new (xml_text, strlen (xml_text)));
  g_hash_table_insert (entries, g_strdup (TOA_BUNDLE_MANIFEST), g_bytes_new (manifest_text, strlen (manifest_text)));
  write_zip (tampered, entries);
  assert_verify_fails (tampered, "11/article-11.xml");
}

static void
test_unsafe_entry_names (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GHashTable) entries = read_zip (fixture->bundle);
  g_autofree char *evil = g_build_filename (fixture->dir, "evil.zip", NULL);

  g_hash_table_insert (entries, g_strdup ("../../etc/cron.d/x"), g_bytes_new_static ("x", 1));
  write_zip (evil, entries);
  assert_verify_fails (evil, "../../etc/cron.d/x");
}

static void
test_bundle_needs_approval (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_article_free);
  g_autofree char *dir = toa_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "b.zip", NULL);
  g_autoptr(GError) error = NULL;
  ToaExportArticle *draft = sample_article (2);

  g_free (draft->status);
  draft->status = g_strdup ("draft");
  g_ptr_array_add (articles, sample_article (1));
  g_ptr_array_add (articles, draft);
  g_assert_false (toa_export_bundle_write (exporter, articles, path, &error));
  g_assert_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  toa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/export/bundle/manifest-lists-every-file", Fixture, NULL,
              fixture_set_up, test_manifest_lists_every_file, fixture_tear_down);
  g_test_add ("/export/bundle/tampered-file", Fixture, NULL,
              fixture_set_up, test_tampered_file, fixture_tear_down);
  g_test_add ("/export/bundle/missing-and-extra-files", Fixture, NULL,
              fixture_set_up, test_missing_and_extra_files, fixture_tear_down);
  g_test_add ("/export/bundle/article-edited-with-manifest", Fixture, NULL,
              fixture_set_up, test_article_edited_with_manifest, fixture_tear_down);
  g_test_add ("/export/bundle/unsafe-entry-names", Fixture, NULL,
              fixture_set_up, test_unsafe_entry_names, fixture_tear_down);
  g_test_add_func ("/export/bundle/needs-approval", test_bundle_needs_approval);

  return g_test_run ();
}
