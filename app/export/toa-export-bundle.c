/* toa-export-bundle.c — several articles in one verifiable .zip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "toa-article-xml.h"
#include "toa-export-bundle.h"
#include "toa-export-error.h"
#include "toa-export-private.h"

#define BUNDLE_FORMAT "toasoan-bundle"
#define BUNDLE_VERSION 1
/* A bundle holds text and web-sized images: anything far larger is not
 * one of ours, and reading it must not exhaust memory or disk. */
#define MAX_ENTRY_SIZE (256 * 1024 * 1024)
#define MAX_TOTAL_SIZE (G_GINT64_CONSTANT (2) * 1024 * 1024 * 1024)
#define MAX_ENTRIES 100000

static gboolean
add_article_files (ToaExporter             *exporter,
                   const ToaExportArticle  *article,
                   GPtrArray               *files,
                   GError                 **error)
{
  static const ToaExportFormat formats[] = { TOA_EXPORT_FORMAT_XML, TOA_EXPORT_FORMAT_PAGE };

  if (!toa_export_check_portal_policy (article, error))
    return FALSE;
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GPtrArray) produced = toa_exporter_export_files (exporter, article, formats[f], error);

      if (produced == NULL)
        return FALSE;
      for (guint i = 0; i < produced->len; i++)
        {
          ToaExportFile *file = g_ptr_array_index (produced, i);
          g_autofree char *path = g_strdup_printf ("%lld/%s", (long long) article->id, file->path);

          g_ptr_array_add (files, toa_export_file_new (path, file->bytes));
        }
    }
  return TRUE;
}

static GBytes *
build_manifest (GPtrArray *files)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize size;
  char *json;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, BUNDLE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, BUNDLE_VERSION);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->len; i++)
    {
      ToaExportFile *file = g_ptr_array_index (files, i);
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file->bytes);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, file->path);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) g_bytes_get_size (file->bytes));
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, &size);
  return g_bytes_new_take (json, size);
}

static gboolean
write_entry (struct archive  *archive,
             ToaExportFile   *file,
             GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize size;
  const void *data = g_bytes_get_data (file->bytes, &size);
  gboolean ok;

  archive_entry_set_pathname (entry, file->path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) size);
  /* A fixed date keeps the bundle of the same articles byte-identical. */
  archive_entry_set_mtime (entry, 1577836800, 0);
  ok = archive_write_header (archive, entry) == ARCHIVE_OK &&
       (size == 0 || archive_write_data (archive, data, size) == (la_ssize_t) size);
  archive_entry_free (entry);
  if (!ok)
    g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_IO,
                 _("Could not add %s to the bundle: %s"), file->path,
                 archive_error_string (archive) != NULL ? archive_error_string (archive) : "?");
  return ok;
}

static gboolean
write_zip (const char  *path,
           GPtrArray   *files,
           GError     **error)
{
  struct archive *archive = archive_write_new ();
  gboolean ok;

  ok = archive_write_set_format_zip (archive) == ARCHIVE_OK &&
       archive_write_open_filename (archive, path) == ARCHIVE_OK;
  if (!ok)
    g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_IO,
                 _("Could not create the bundle %s: %s"), path,
                 archive_error_string (archive) != NULL ? archive_error_string (archive) : "?");
  for (guint i = 0; ok && i < files->len; i++)
    ok = write_entry (archive, g_ptr_array_index (files, i), error);
  if (archive_write_close (archive) != ARCHIVE_OK && ok)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_IO,
                   _("Could not create the bundle %s: %s"), path,
                   archive_error_string (archive) != NULL ? archive_error_string (archive) : "?");
      ok = FALSE;
    }
  archive_write_free (archive);
  return ok;
}

/**
 * toa_export_bundle_write:
 * @exporter: the exporter (images, templates)
 * @articles: (element-type ToaExportArticle): approved articles
 * @path: the .zip to create (replaced if it exists)
 * @error: return location for a #GError
 *
 * Writes a zip with `manifest.json` first, then for each article a folder
 * named by its id with its article XML, its page and the page's images.
 * The manifest lists every other file with its size and SHA-256. Every
 * article must pass the portal policy; nothing is written otherwise.
 *
 * Returns: %TRUE if the bundle was written
 */
gboolean
toa_export_bundle_write (ToaExporter  *exporter,
                         GPtrArray    *articles,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_file_free);
  g_autoptr(GBytes) manifest = NULL;
  g_autofree char *partial = NULL;

  g_return_val_if_fail (exporter != NULL, FALSE);
  g_return_val_if_fail (articles != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < articles->len; i++)
    if (!add_article_files (exporter, g_ptr_array_index (articles, i), files, error))
      return FALSE;

  manifest = build_manifest (files);
  g_ptr_array_insert (files, 0, toa_export_file_new (TOA_BUNDLE_MANIFEST, manifest));

  /* Written beside, then renamed: a failed export leaves no half bundle. */
  partial = g_strconcat (path, ".part", NULL);
  if (!write_zip (partial, files, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_IO,
                   _("Could not create the bundle %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char   *sha256;
  gint64  size;
  GBytes *kept;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->sha256);
  g_clear_pointer (&entry->kept, g_bytes_unref);
  g_free (entry);
}

static gboolean
is_safe_entry_name (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name == NULL || name[0] == '\0' || name[0] == '/' || strchr (name, '\\') != NULL ||
      !g_utf8_validate (name, -1, NULL))
    return FALSE;
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

/* Only the manifest and the article XML files are kept in memory (to
 * parse them); everything else is only hashed. */
static gboolean
wants_content (const char *name)
{
  return g_str_equal (name, TOA_BUNDLE_MANIFEST) ||
         (g_str_has_suffix (name, ".xml") && strchr (name, '/') != NULL &&
          g_str_has_prefix (strrchr (name, '/') + 1, "article-"));
}

static Entry *
read_entry (struct archive  *archive,
            const char      *name,
            gint64          *total,
            GError         **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GByteArray) kept = wants_content (name) ? g_byte_array_new () : NULL;
  Entry *entry;
  char buffer[65536];
  gint64 size = 0;
  la_ssize_t n;

  while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
    {
      size += n;
      *total += n;
      if (size > MAX_ENTRY_SIZE || *total > MAX_TOTAL_SIZE ||
          (kept != NULL && size > TOA_ARTICLE_XML_MAX_SIZE))
        {
          g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_TOO_LARGE,
                       _("File %s in the bundle is too large"), name);
          return NULL;
        }
      g_checksum_update (checksum, (const guchar *) buffer, n);
      if (kept != NULL)
        g_byte_array_append (kept, (const guint8 *) buffer, n);
    }
  if (n < 0)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("File %s in the bundle cannot be read: %s"), name,
                   archive_error_string (archive) != NULL ? archive_error_string (archive) : "?");
      return NULL;
    }
  entry = g_new0 (Entry, 1);
  entry->sha256 = g_strdup (g_checksum_get_string (checksum));
  entry->size = size;
  if (kept != NULL)
    entry->kept = g_byte_array_free_to_bytes (g_steal_pointer (&kept));
  return entry;
}

static gboolean
check_entry_header (struct archive_entry  *header,
                    GHashTable            *entries,
                    GError               **error)
{
  const char *name = archive_entry_pathname_utf8 (header);

  if (name == NULL)
    name = archive_entry_pathname (header);
  if (archive_entry_filetype (header) == AE_IFDIR)
    return TRUE;
  if (archive_entry_filetype (header) != AE_IFREG || !is_safe_entry_name (name))
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("The bundle contains an entry that is not a plain file or has an unsafe name: %s"),
                   name != NULL ? name : "?");
      return FALSE;
    }
  if (g_hash_table_contains (entries, name) || g_hash_table_size (entries) >= MAX_ENTRIES)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("The bundle contains %s twice"), name);
      return FALSE;
    }
  return TRUE;
}

static GHashTable *
read_entries (const char  *path,
              GError     **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) entry_free);
  struct archive *archive = archive_read_new ();
  struct archive_entry *header;
  gint64 total = 0;
  gboolean ok = TRUE;
  int result;

  archive_read_support_format_zip (archive);
  if (archive_read_open_filename (archive, path, 65536) != ARCHIVE_OK)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("The bundle %s cannot be opened: %s"), path,
                   archive_error_string (archive) != NULL ? archive_error_string (archive) : "?");
      archive_read_free (archive);
      return NULL;
    }
  while (ok && (result = archive_read_next_header (archive, &header)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (header);
      Entry *entry;

      if (name == NULL)
        name = archive_entry_pathname (header);
      ok = check_entry_header (header, entries, error);
      if (!ok || archive_entry_filetype (header) == AE_IFDIR)
        continue;
      entry = read_entry (archive, name, &total, error);
      ok = entry != NULL;
      if (ok)
        g_hash_table_insert (entries, g_strdup (name), entry);
    }
  if (ok && result != ARCHIVE_EOF)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("The bundle %s is damaged: %s"), path,
                   archive_error_string (archive) != NULL ? archive_error_string (archive) : "?");
      ok = FALSE;
    }
  archive_read_free (archive);
  return ok ? g_steal_pointer (&entries) : NULL;
}

static JsonArray *
manifest_files (JsonParser  *parser,
                Entry       *manifest,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;

  if (manifest == NULL || manifest->kept == NULL)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("The bundle has no manifest"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, g_bytes_get_data (manifest->kept, NULL),
                                   (gssize) g_bytes_get_size (manifest->kept), &local_error))
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("The manifest of the bundle is not valid: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""), BUNDLE_FORMAT) != 0 ||
      json_object_get_int_member_with_default (object, "version", 0) != BUNDLE_VERSION ||
      !json_object_has_member (object, "files") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "files")))
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("The manifest of the bundle is not valid: %s"), _("unknown format or version"));
      return NULL;
    }
  return json_object_get_array_member (object, "files");
}

static gboolean
check_listed_file (JsonNode    *node,
                   GHashTable  *entries,
                   GHashTable  *listed,
                   GError     **error)
{
  JsonObject *file = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *name = file != NULL ? json_object_get_string_member_with_default (file, "path", NULL) : NULL;
  const char *sha256 = file != NULL ? json_object_get_string_member_with_default (file, "sha256", NULL) : NULL;
  Entry *entry;

  if (name == NULL || sha256 == NULL || g_str_equal (name, TOA_BUNDLE_MANIFEST))
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("The manifest of the bundle is not valid: %s"), _("a file has no path or checksum"));
      return FALSE;
    }
  entry = g_hash_table_lookup (entries, name);
  if (entry == NULL)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("File %s listed in the manifest is missing from the bundle"), name);
      return FALSE;
    }
  if (g_ascii_strcasecmp (entry->sha256, sha256) != 0 ||
      json_object_get_int_member_with_default (file, "size", -1) != entry->size)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                   _("File %s in the bundle was changed: its SHA-256 does not match the manifest"), name);
      return FALSE;
    }
  g_hash_table_add (listed, (gpointer) name);
  return TRUE;
}

static gboolean
check_articles (GHashTable  *entries,
                guint       *n_articles,
                GError     **error)
{
  GHashTableIter iter;
  const char *name;
  Entry *entry;
  guint n = 0;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &entry))
    {
      g_autoptr(ToaExportArticle) article = NULL;
      g_autoptr(GError) local_error = NULL;

      if (entry->kept == NULL || g_str_equal (name, TOA_BUNDLE_MANIFEST))
        continue;
      article = toa_article_xml_read (g_bytes_get_data (entry->kept, NULL),
                                      g_bytes_get_size (entry->kept), &local_error);
      if (article == NULL)
        {
          g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                       _("Article file %s in the bundle is not valid: %s"), name, local_error->message);
          return FALSE;
        }
      n++;
    }
  if (n_articles != NULL)
    *n_articles = n;
  return TRUE;
}

/**
 * toa_export_bundle_verify:
 * @path: a bundle written by toa_export_bundle_write()
 * @n_articles: (out) (optional): how many articles it holds
 * @error: return location for a #GError
 *
 * Checks that every file of the bundle is listed in its manifest with
 * the same size and SHA-256, that every listed file is there, that no
 * entry is a link, a device or a path leaving the bundle, and that every
 * article XML is valid and matches its content hash. The first problem
 * found is reported, naming the file.
 *
 * Returns: %TRUE if the bundle is intact
 */
gboolean
toa_export_bundle_verify (const char  *path,
                          guint       *n_articles,
                          GError     **error)
{
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTableIter iter;
  const char *name;
  JsonArray *files;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = read_entries (path, error);
  if (entries == NULL)
    return FALSE;
  files = manifest_files (parser, g_hash_table_lookup (entries, TOA_BUNDLE_MANIFEST), error);
  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (files); i++)
    if (!check_listed_file (json_array_get_element (files, i), entries, listed, error))
      return FALSE;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_str_equal (name, TOA_BUNDLE_MANIFEST) && !g_hash_table_contains (listed, name))
      {
        g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_BUNDLE,
                     _("File %s in the bundle is not listed in its manifest"), name);
        return FALSE;
      }
  return check_articles (entries, n_articles, error);
}
