/* toa-cli-export.c — export, verify (and import, with the content pipeline)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "toa-cli-commands.h"
#include "toa-article-xml.h"
#include "toa-export-bundle.h"
#include "toa-export-newsml.h"
#include "toa-page-import.h"
#include "toa-store-export.h"
#include "toa-store-media.h"

static gboolean
parse_ids (int      argc,
           char   **argv,
           GArray  *ids,
           int     *status)
{
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!toa_cli_parse_id (argv[i], &id, status))
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static void
print_paths (ToaCliGlobal *global,
             GPtrArray    *paths)
{
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < paths->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (paths, i));
      json_builder_end_array (builder);
      toa_cli_print_json (builder);
      return;
    }
  for (guint i = 0; i < paths->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (paths, i));
}

static char *
bundle_path (const char *out_dir)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "toasoan-%Y%m%d-%H%M%S.zip");

  return g_build_filename (out_dir, name, NULL);
}

static int
export_feed (ToaCliGlobal *global,
             ToaStore     *store,
             const char   *out_file)
{
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_article_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GBytes) feed = NULL;
  GError *error = NULL;

  query->status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_PUBLISHED);
  rows = toa_store_list_articles (store, query, 0, 50, &error);
  if (rows == NULL)
    return toa_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      ToaArticle *row = g_ptr_array_index (rows, i);
      ToaExportArticle *article = toa_store_export_load (store, row->id, &error);

      if (article == NULL)
        return toa_cli_fail (error);
      g_ptr_array_add (articles, article);
    }
  feed = toa_atom_feed_write (articles, "urn:toasoan:feed", "Tin tức - Sở Công Thương" /* public content: always Vietnamese */, now, &error);
  if (feed == NULL ||
      !g_file_set_contents (out_file, g_bytes_get_data (feed, NULL), g_bytes_get_size (feed), &error))
    return toa_cli_fail (error);
  if (!global->json)
    printf ("%s\n", out_file);
  return TOA_CLI_EXIT_OK;
}

static int
export_articles (ToaCliGlobal *global,
                 ToaStore     *store,
                 GArray       *ids,
                 const char   *format_name,
                 gboolean      preview,
                 const char   *out_dir)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(GPtrArray) all_paths = g_ptr_array_new_with_free_func (g_free);
  ToaExportFormat format;
  GError *error = NULL;

  if (g_strcmp0 (format_name, "bundle") == 0)
    {
      g_autofree char *path = bundle_path (out_dir);

      if (g_mkdir_with_parents (out_dir, 0755) != 0 ||
          !toa_store_export_bundle (store, exporter, (const gint64 *) ids->data, ids->len,
                                    path, toa_cli_actor (global), &error))
        {
          if (error == NULL)
            g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                         _("Could not create the folder “%s”"), out_dir);
          return toa_cli_fail (error);
        }
      g_ptr_array_add (all_paths, g_steal_pointer (&path));
      print_paths (global, all_paths);
      return TOA_CLI_EXIT_OK;
    }

  if (!toa_export_format_from_string (format_name, &format))
    return toa_cli_usage_error (_("Unknown format “%s” (use xml, fragment, page, liferay, newsml or bundle)"),
                                format_name);
  /* Several articles are rendered and written side by side. */
  {
    g_autoptr(GPtrArray) paths = toa_store_export_articles (store, exporter, (const gint64 *) ids->data,
                                                            ids->len, format, preview, out_dir,
                                                            toa_cli_actor (global), &error);

    if (paths == NULL)
      return toa_cli_fail (error);
    for (guint j = 0; j < paths->len; j++)
      g_ptr_array_add (all_paths, g_strdup (g_ptr_array_index (paths, j)));
  }
  print_paths (global, all_paths);
  return TOA_CLI_EXIT_OK;
}

int
toa_cli_export (ToaCliGlobal  *global,
                int            argc,
                char         **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *out = NULL;
  gboolean preview = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("xml, fragment, page, liferay, newsml or bundle"), "F" },
    { "feed", 0, 0, G_OPTION_ARG_STRING, &feed, N_("Write a feed of the published articles (atom)"), "KIND" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Folder (or, with --feed, file) to write"), "PATH" },
    { "preview", 0, 0, G_OPTION_ARG_NONE, &preview, N_("Export a draft as a marked preview, not for the portal"), NULL },
    { NULL }
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;
  int status;

  if (!toa_cli_parse ("ID…", entries, &argc, &argv, &status))
    return status;
  if (out == NULL)
    return toa_cli_usage_error (_("Usage: toasoan-cli export ID… --format F --out DIR | export --feed atom --out FILE"));
  if (feed != NULL && g_strcmp0 (feed, "atom") != 0)
    return toa_cli_usage_error (_("Unknown feed “%s” (use atom)"), feed);
  if (feed == NULL && (format == NULL || argc < 2))
    return toa_cli_usage_error (_("Usage: toasoan-cli export ID… --format F --out DIR | export --feed atom --out FILE"));
  if (!parse_ids (argc, argv, ids, &status))
    return status;

  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  if (feed != NULL)
    return export_feed (global, store, out);
  return export_articles (global, store, ids, format, preview, out);
}

int
toa_cli_verify (ToaCliGlobal  *global,
                int            argc,
                char         **argv)
{
  GOptionEntry entries[] = { { NULL } };
  GError *error = NULL;
  guint n_articles = 0;
  int status;

  if (!toa_cli_parse ("BUNDLE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return toa_cli_usage_error (_("Usage: toasoan-cli verify BUNDLE"));
  if (!toa_export_bundle_verify (argv[1], &n_articles, &error))
    return toa_cli_fail (error);
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, n_articles);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      toa_cli_print_json (builder);
    }
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Bundle is intact: %u article, every file matches its SHA-256\n",
                         "Bundle is intact: %u articles, every file matches its SHA-256\n", n_articles),
            n_articles);
  return TOA_CLI_EXIT_OK;
}

/* Article XML starts with its declaration or root; anything else is read
 * as an HTML page. */
static gboolean
looks_like_article_xml (const char *data,
                        gsize       len)
{
  g_autofree char *head = g_strndup (data, MIN (len, 512));
  const char *p = head;

  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  return g_str_has_prefix (p, "<?xml") || g_str_has_prefix (p, "<article");
}

static ToaArticleContent *
read_import_file (const char  *path,
                  char       **office,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(ToaImportReport) report = NULL;
  ToaArticleContent *content;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (looks_like_article_xml (data, len))
    {
      g_autoptr(ToaExportArticle) article = toa_article_xml_read (data, len, error);

      if (article == NULL)
        return NULL;
      *office = g_strdup (article->office_code);
      return toa_article_content_copy (article->content);
    }

  content = toa_html_page_import (data, len, &report, error);
  if (content != NULL && report != NULL && !toa_import_report_is_empty (report))
    {
      g_autofree char *summary = toa_import_report_to_string (report);

      fprintf (stderr, "toasoan-cli: %s\n", summary);
    }
  return content;
}

int
toa_cli_import (ToaCliGlobal  *global,
                int            argc,
                char         **argv)
{
  g_autofree char *office = NULL;
  g_autofree char *file_office = NULL;
  GOptionEntry entries[] = {
    { "office", 0, 0, G_OPTION_ARG_STRING, &office, N_("Office of the new draft (default: yours)"), "CODE" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(ToaArticleContent) content = NULL;
  GError *error = NULL;
  const char *target_office;
  gint64 id;
  int status;

  if (!toa_cli_parse ("FILE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return toa_cli_usage_error (_("Usage: toasoan-cli import FILE [--office CODE]"));

  content = read_import_file (argv[1], &file_office, &error);
  if (content == NULL)
    return toa_cli_fail (error);
  store = toa_cli_open_store (global, &error);
  user = store != NULL ? toa_store_get_user (store, toa_cli_actor (global), &error) : NULL;
  if (user == NULL)
    return toa_cli_fail (error);

  target_office = office != NULL ? office : user->office != NULL ? user->office : file_office;
  id = toa_store_create_article (store, target_office, content, user->login, &error);
  if (id <= 0)
    return toa_cli_fail (error);
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_end_object (builder);
      toa_cli_print_json (builder);
    }
  else
    printf ("%lld\n", (long long) id);
  return TOA_CLI_EXIT_OK;
}

/* media add FILE [--article ID]: prints the id to write as src="media:ID". */
int
toa_cli_media (ToaCliGlobal  *global,
               int            argc,
               char         **argv)
{
  gint64 article_id = 0;
  GOptionEntry entries[] = {
    { "article", 0, 0, G_OPTION_ARG_INT64, &article_id, N_("Attach the image to this article"), "ID" },
    { NULL }
  };
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(ToaUser) user = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  GError *error = NULL;
  gsize len = 0;
  gint64 id;
  int status;

  if (!toa_cli_parse ("add FILE", entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || g_strcmp0 (argv[1], "add") != 0)
    return toa_cli_usage_error (_("Usage: toasoan-cli media add FILE [--article ID]"));
  if (!g_file_get_contents (argv[2], &data, &len, &error))
    return toa_cli_fail (error);
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);

  store = toa_cli_open_store (global, &error);
  user = store != NULL ? toa_store_get_user (store, toa_cli_actor (global), &error) : NULL;
  if (user == NULL)
    return toa_cli_fail (error);
  id = toa_store_add_media (store, article_id, bytes, &error);
  if (id <= 0)
    return toa_cli_fail (error);
  printf ("%lld\n", (long long) id);
  return TOA_CLI_EXIT_OK;
}
