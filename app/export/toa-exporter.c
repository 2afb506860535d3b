/* toa-exporter.c — HTML exports by XSLT, and the export entry points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <string.h>

#include "toa-article-xml.h"
#include "toa-export-error.h"
#include "toa-export-liferay.h"
#include "toa-export-newsml.h"
#include "toa-export-private.h"

#define STYLESHEET_RESOURCE_DIR TOA_EXPORT_RESOURCE_DIR "xslt/"
#define STYLESHEET_URI_PREFIX "resource://" STYLESHEET_RESOURCE_DIR
#define STYLESHEET_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

struct _ToaExporter
{
  ToaExportMediaFunc  media_func;
  gpointer            media_data;
  GDestroyNotify      media_destroy;
  guint               max_image_width;
  char               *templates_dir;
  char               *provider;
  gboolean            preview;
  xsltSecurityPrefsPtr security;
  GHashTable         *stylesheets;
};

/* xsl:include is resolved by libxslt's global loader, which knows nothing
 * of the exporter: the templates directory of the stylesheet being
 * compiled is handed over through this thread's variable. */
static _Thread_local const char *compiling_templates_dir;
static xsltDocLoaderFunc previous_loader;

static xmlDocPtr read_stylesheet_doc (const char  *templates_dir,
                                      const char  *name,
                                      GError     **error);

static gboolean
is_stylesheet_name (const char *name)
{
  if (!g_str_has_suffix (name, ".xsl") || name[0] == '.')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/* The name a stylesheet URI stands for when it is one of ours: a
 * built-in resource, or a file of the templates directory (which may
 * include a built-in one it does not override). */
static char *
our_stylesheet_name (const char *uri)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;

  if (g_str_has_prefix (uri, STYLESHEET_URI_PREFIX))
    name = g_strdup (uri + strlen (STYLESHEET_URI_PREFIX));
  else if (compiling_templates_dir != NULL && g_str_has_prefix (uri, "file://"))
    {
      path = g_filename_from_uri (uri, NULL, NULL);
      if (path == NULL)
        return NULL;
      dir = g_path_get_dirname (path);
      if (g_strcmp0 (dir, compiling_templates_dir) != 0)
        return NULL;
      name = g_path_get_basename (path);
    }
  if (name == NULL || !is_stylesheet_name (name))
    return NULL;
  return g_steal_pointer (&name);
}

static xmlDocPtr
load_document (const xmlChar *uri,
               xmlDictPtr     dict,
               int            options,
               void          *ctxt,
               xsltLoadType   type)
{
  g_autofree char *name = NULL;

  if (type == XSLT_LOAD_STYLESHEET)
    name = our_stylesheet_name ((const char *) uri);
  if (name != NULL)
    return read_stylesheet_doc (compiling_templates_dir, name, NULL);
  return previous_loader (uri, dict, options, ctxt, type);
}

static void
install_loader (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      previous_loader = xsltDocDefaultLoader;
      xsltSetLoaderFunc (load_document);
      g_once_init_leave (&once, 1);
    }
}

static xmlDocPtr
read_stylesheet_doc (const char  *templates_dir,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *path = templates_dir != NULL ? g_build_filename (templates_dir, name, NULL) : NULL;
  g_autofree char *resource = g_strconcat (STYLESHEET_RESOURCE_DIR, name, NULL);
  g_autofree char *uri = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  xmlDocPtr doc;
  gsize size = 0;

  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      if (!g_file_get_contents (path, &data, &size, error))
        return NULL;
      uri = g_filename_to_uri (path, NULL, NULL);
      doc = xmlReadMemory (data, (int) size, uri, NULL, STYLESHEET_PARSE_OPTIONS);
    }
  else
    {
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL)
        {
          g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_STYLESHEET,
                       _("There is no stylesheet named %s"), name);
          return NULL;
        }
      uri = g_strconcat ("resource://", resource, NULL);
      doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), uri,
                           NULL, STYLESHEET_PARSE_OPTIONS);
    }
  if (doc == NULL)
    g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_STYLESHEET,
                 _("The stylesheet %s is not well-formed XML"), path != NULL && data != NULL ? path : name);
  return doc;
}

static void collect_error (void       *user_data,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);

static void
collect_error (void       *user_data,
               const char *format,
               ...)
{
  GString *messages = user_data;
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (messages, format, args);
  va_end (args);
}

static xsltStylesheetPtr
compile_stylesheet (ToaExporter  *self,
                    const char   *name,
                    GError      **error)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  xsltStylesheetPtr style;
  xmlDocPtr doc;

  install_loader ();
  doc = read_stylesheet_doc (self->templates_dir, name, error);
  if (doc == NULL)
    return NULL;

  compiling_templates_dir = self->templates_dir;
  xsltSetGenericErrorFunc (messages, collect_error);
  style = xsltParseStylesheetDoc (doc);
  xsltSetGenericErrorFunc (NULL, NULL);
  compiling_templates_dir = NULL;

  if (style == NULL || style->errors > 0)
    {
      if (style != NULL)
        xsltFreeStylesheet (style);
      else
        xmlFreeDoc (doc);
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_STYLESHEET,
                   _("The stylesheet %s has errors: %s"), name, g_strstrip (messages->str));
      return NULL;
    }
  return style;
}

static xsltStylesheetPtr
lookup_stylesheet (ToaExporter  *self,
                   const char   *name,
                   GError      **error)
{
  xsltStylesheetPtr style = g_hash_table_lookup (self->stylesheets, name);

  if (style != NULL)
    return style;
  style = compile_stylesheet (self, name, error);
  if (style != NULL)
    g_hash_table_insert (self->stylesheets, g_strdup (name), style);
  return style;
}

/**
 * toa_exporter_new:
 *
 * An exporter: its stylesheets are compiled on first use and kept, and
 * every transformation runs with libxslt's security preferences
 * forbidding file reads and writes, directory creation and network.
 *
 * Use exporters from one thread at a time: libxslt reports some errors
 * only through its process-wide handler, which a transformation borrows.
 *
 * Returns: (transfer full): a new exporter
 */
ToaExporter *
toa_exporter_new (void)
{
  ToaExporter *self = g_new0 (ToaExporter, 1);

  self->max_image_width = TOA_EXPORT_DEFAULT_MAX_IMAGE_WIDTH;
  self->templates_dir = g_build_filename (g_get_user_config_dir (), "toasoan", "templates", NULL);
  self->provider = g_strdup (_("Department of Industry and Trade"));
  self->stylesheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) xsltFreeStylesheet);
  self->security = xsltNewSecurityPrefs ();
  xsltSetSecurityPrefs (self->security, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs (self->security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs (self->security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
  xsltSetSecurityPrefs (self->security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
  xsltSetSecurityPrefs (self->security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
  return self;
}

void
toa_exporter_free (ToaExporter *self)
{
  if (self == NULL)
    return;

  if (self->media_destroy != NULL)
    self->media_destroy (self->media_data);
  g_hash_table_unref (self->stylesheets);
  xsltFreeSecurityPrefs (self->security);
  g_free (self->templates_dir);
  g_free (self->provider);
  g_free (self);
}

/**
 * toa_exporter_set_media_func:
 * @func: (nullable): looks images up by media id
 *
 * Without a media function, images keep their `media:N` sources.
 */
void
toa_exporter_set_media_func (ToaExporter        *self,
                             ToaExportMediaFunc  func,
                             gpointer            user_data,
                             GDestroyNotify      destroy)
{
  g_return_if_fail (self != NULL);

  if (self->media_destroy != NULL)
    self->media_destroy (self->media_data);
  self->media_func = func;
  self->media_data = user_data;
  self->media_destroy = destroy;
}

/**
 * toa_exporter_set_max_image_width:
 * @width: in pixels; 0 restores the default (1200)
 */
void
toa_exporter_set_max_image_width (ToaExporter *self,
                                  guint        width)
{
  g_return_if_fail (self != NULL);

  self->max_image_width = width > 0 ? width : TOA_EXPORT_DEFAULT_MAX_IMAGE_WIDTH;
}

/**
 * toa_exporter_set_templates_dir:
 * @dir: (nullable): where user stylesheets override the built-in ones;
 *   %NULL for none
 *
 * The default is `$XDG_CONFIG_HOME/toasoan/templates`.
 */
void
toa_exporter_set_templates_dir (ToaExporter *self,
                                const char  *dir)
{
  g_return_if_fail (self != NULL);

  g_free (self->templates_dir);
  /* Canonical, so that include URIs can be matched against it. */
  self->templates_dir = dir != NULL ? g_canonicalize_filename (dir, NULL) : NULL;
  g_hash_table_remove_all (self->stylesheets);
}

/**
 * toa_exporter_set_preview:
 * @preview: whether pages are previews
 *
 * A preview page may be made from any article, and says in a banner that
 * it is not approved. Other formats always need an approved article.
 */
void
toa_exporter_set_preview (ToaExporter *self,
                          gboolean     preview)
{
  g_return_if_fail (self != NULL);

  self->preview = !!preview;
}

/**
 * toa_exporter_set_provider:
 * @provider: the organisation named as provider in news items and feeds
 */
void
toa_exporter_set_provider (ToaExporter *self,
                           const char  *provider)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (provider != NULL);

  g_free (self->provider);
  self->provider = g_strdup (provider);
}

static xmlDocPtr
transform (ToaExporter  *self,
           const char   *stylesheet,
           xmlDocPtr     input,
           const char  **params,
           GError      **error)
{
  xsltStylesheetPtr style = lookup_stylesheet (self, stylesheet, error);
  g_autoptr(GString) messages = g_string_new (NULL);
  xsltTransformContextPtr ctxt;
  xmlDocPtr result;

  if (style == NULL)
    return NULL;

  ctxt = xsltNewTransformContext (style, input);
  xsltSetCtxtSecurityPrefs (self->security, ctxt);
  xsltSetTransformErrorFunc (ctxt, messages, collect_error);
  xsltQuoteUserParams (ctxt, params);
  /* Some run-time errors (an instruction that failed to compile) only go
   * to libxslt's global handler. Exports run on one thread at a time. */
  xsltSetGenericErrorFunc (messages, collect_error);
  result = xsltApplyStylesheetUser (style, input, NULL, NULL, NULL, ctxt);
  xsltSetGenericErrorFunc (NULL, NULL);

  /* A refused read or write is only reported, and the transformation
   * goes on: any message at all fails the export. */
  if (result == NULL || ctxt->state != XSLT_STATE_OK || messages->len > 0)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_STYLESHEET,
                   _("The stylesheet %s failed: %s"), stylesheet,
                   messages->len > 0 ? g_strstrip (messages->str) : _("unknown error"));
      g_clear_pointer (&result, xmlFreeDoc);
    }
  xsltFreeTransformContext (ctxt);
  return result;
}

static gboolean
add_image (ToaExporter  *self,
           gint64        media_id,
           GHashTable   *written,
           GPtrArray    *images,
           GError      **error)
{
  g_autoptr(ToaExportMedia) media = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *extension = NULL;
  char *path;

  media = self->media_func (media_id, self->media_data, &local_error);
  if (media != NULL)
    bytes = toa_export_fit_image (media, self->max_image_width, &extension, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_MEDIA,
                   _("Image %lld of the article cannot be exported: %s"), (long long) media_id,
                   local_error != NULL ? local_error->message : _("it was not found"));
      return FALSE;
    }
  path = g_strdup_printf ("images/media-%lld.%s", (long long) media_id, extension);
  g_ptr_array_add (images, toa_export_file_new (path, bytes));
  g_hash_table_insert (written, g_memdup2 (&media_id, sizeof media_id), path);
  return TRUE;
}

/* Images are resolved after the stylesheet ran, so that a user's
 * stylesheet needs to know nothing about media. */
static gboolean
resolve_images (ToaExporter  *self,
                xmlNodePtr    node,
                GHashTable   *written,
                GPtrArray    *images,
                GError      **error)
{
  for (xmlNodePtr child = node; child != NULL; child = child->next)
    {
      xmlChar *src;
      gint64 id;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!resolve_images (self, child->children, written, images, error))
        return FALSE;
      if (xmlStrcasecmp (child->name, BAD_CAST "img") != 0)
        continue;
      src = xmlGetProp (child, BAD_CAST "src");
      if (src != NULL && g_str_has_prefix ((const char *) src, "media:") &&
          g_ascii_string_to_signed ((const char *) src + 6, 10, 1, G_MAXINT64, &id, NULL))
        {
          if (!g_hash_table_contains (written, &id) && !add_image (self, id, written, images, error))
            {
              xmlFree (src);
              return FALSE;
            }
          xmlSetProp (child, BAD_CAST "src", g_hash_table_lookup (written, &id));
        }
      xmlFree (src);
    }
  return TRUE;
}

static char *
render (ToaExporter             *self,
        const ToaExportArticle  *article,
        const char              *stylesheet,
        const char             **params,
        gboolean                 page,
        gboolean                 portal,
        GPtrArray              **out_images,
        GError                 **error)
{
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_file_free);
  xmlDocPtr input;
  xmlDocPtr result;
  char *text;

  input = toa_article_xml_build (article, error);
  if (input == NULL)
    return NULL;
  if (portal)
    {
      g_autofree char *hash = toa_export_doc_content_hash (input);

      if (!toa_export_check_policy_with_hash (article, hash, error))
        {
          xmlFreeDoc (input);
          return NULL;
        }
    }
  result = transform (self, stylesheet, input, params, error);
  xmlFreeDoc (input);
  if (result == NULL)
    return NULL;
  if (self->media_func != NULL && !resolve_images (self, result->children, written, images, error))
    {
      xmlFreeDoc (result);
      return NULL;
    }
  text = toa_export_write_html (result, page);
  xmlFreeDoc (result);
  if (out_images != NULL)
    *out_images = g_steal_pointer (&images);
  return text;
}

/**
 * toa_exporter_render_fragment:
 * @self: the exporter
 * @article: an approved article
 * @images: (out) (optional) (transfer full) (element-type ToaExportFile):
 *   the images the fragment references, to write beside it
 * @error: return location for a #GError
 *
 * The body alone as HTML (fragment.xsl), for the portal's editor. Only the
 * allowlisted elements reach it.
 *
 * Returns: (transfer full) (nullable): the HTML
 */
char *
toa_exporter_render_fragment (ToaExporter             *self,
                              const ToaExportArticle  *article,
                              GPtrArray              **images,
                              GError                 **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return render (self, article, "fragment.xsl", NULL, FALSE, TRUE, images, error);
}

/**
 * toa_exporter_render_page:
 * @self: the exporter
 * @article: an approved article, or any article in preview mode
 * @images: (out) (optional) (transfer full) (element-type ToaExportFile):
 *   the images the page references, to write beside it
 * @error: return location for a #GError
 *
 * A standalone HTML5 page (page.xsl) that looks like the portal's article
 * view. In preview mode it carries a banner saying it is not approved.
 *
 * Returns: (transfer full) (nullable): the HTML
 */
char *
toa_exporter_render_page (ToaExporter             *self,
                          const ToaExportArticle  *article,
                          GPtrArray              **images,
                          GError                 **error)
{
  const char *params[] = {
    /* The page is the portal's Vietnamese content, whatever language the
     * person exporting it reads the application in: not translated. */
    "date-label", "Ngày đăng:",
    "preview", "",
    NULL,
  };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->preview)
    params[3] = _("Preview — not approved for publication");
  return render (self, article, "page.xsl", params, TRUE, !self->preview, images, error);
}

static const char * const format_names[] = {
  [TOA_EXPORT_FORMAT_XML] = "xml",
  [TOA_EXPORT_FORMAT_FRAGMENT] = "fragment",
  [TOA_EXPORT_FORMAT_PAGE] = "page",
  [TOA_EXPORT_FORMAT_LIFERAY] = "liferay",
  [TOA_EXPORT_FORMAT_NEWSML] = "newsml",
};

/**
 * toa_export_format_from_string:
 * @name: "xml", "fragment", "page", "liferay" or "newsml"
 * @format: (out): the format
 *
 * Returns: %TRUE if @name is a format
 */
gboolean
toa_export_format_from_string (const char      *name,
                               ToaExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_str_equal (name, format_names[i]))
      {
        *format = (ToaExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

static void
add_text_file (GPtrArray  *files,
               char       *path,
               char       *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

  g_ptr_array_insert (files, 0, toa_export_file_new (path, bytes));
  g_free (path);
}

static GPtrArray *
html_files (ToaExporter             *self,
            const ToaExportArticle  *article,
            gboolean                 page,
            GError                 **error)
{
  GPtrArray *files = NULL;
  char *html;

  if (page)
    html = toa_exporter_render_page (self, article, &files, error);
  else
    html = toa_exporter_render_fragment (self, article, &files, error);
  if (html == NULL)
    return NULL;
  add_text_file (files, g_strdup_printf ("article-%lld%s.html", (long long) article->id,
                                         page ? "" : ".fragment"),
                 html);
  return files;
}

/**
 * toa_exporter_export_files:
 * @self: the exporter
 * @article: the article
 * @format: the format
 * @error: return location for a #GError
 *
 * Everything an export of @article in @format consists of, in memory: the
 * main file first (`article-ID.xml`, `article-ID.fragment.html`,
 * `article-ID.html`, `article-ID.liferay.xml` and `.liferay.json`,
 * `article-ID.newsml.xml`), then the images under `images/`.
 *
 * Returns: (transfer full) (element-type ToaExportFile) (nullable): the files
 */
GPtrArray *
toa_exporter_export_files (ToaExporter             *self,
                           const ToaExportArticle  *article,
                           ToaExportFormat          format,
                           GError                 **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_file_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case TOA_EXPORT_FORMAT_XML:
      bytes = toa_article_xml_write (article, error);
      path = g_strdup_printf ("article-%lld.xml", (long long) article->id);
      break;
    case TOA_EXPORT_FORMAT_FRAGMENT:
    case TOA_EXPORT_FORMAT_PAGE:
      return html_files (self, article, format == TOA_EXPORT_FORMAT_PAGE, error);
    case TOA_EXPORT_FORMAT_LIFERAY:
      return toa_export_liferay_files (self, article, error);
    case TOA_EXPORT_FORMAT_NEWSML:
      if (toa_export_check_portal_policy (article, error))
        bytes = toa_newsml_write (article, self->provider, error);
      path = g_strdup_printf ("article-%lld.newsml.xml", (long long) article->id);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (bytes == NULL)
    return NULL;
  g_ptr_array_add (files, toa_export_file_new (path, bytes));
  return g_steal_pointer (&files);
}

/**
 * toa_exporter_export:
 * @self: the exporter
 * @article: the article
 * @format: the format
 * @out_dir: the directory to write into (created if needed)
 * @error: return location for a #GError
 *
 * Writes the files of toa_exporter_export_files() into @out_dir.
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the paths written
 */
GPtrArray *
toa_exporter_export (ToaExporter             *self,
                     const ToaExportArticle  *article,
                     ToaExportFormat          format,
                     const char              *out_dir,
                     GError                 **error)
{
  g_autoptr(GPtrArray) files = NULL;
  GPtrArray *paths;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (article != NULL, NULL);
  g_return_val_if_fail (out_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  files = toa_exporter_export_files (self, article, format, error);
  if (files == NULL || !toa_export_files_write (files, out_dir, error))
    return NULL;
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < files->len; i++)
    {
      ToaExportFile *file = g_ptr_array_index (files, i);

      g_ptr_array_add (paths, g_build_filename (out_dir, file->path, NULL));
    }
  return paths;
}

/* Many articles at once: one exporter per worker thread (each compiles
 * its own stylesheets), sharing the settings and the media function. */

static ToaExporter *
worker_copy (ToaExporter *self)
{
  ToaExporter *copy = toa_exporter_new ();

  copy->media_func = self->media_func;
  copy->media_data = self->media_data;
  copy->media_destroy = NULL;   /* @self owns it */
  copy->max_image_width = self->max_image_width;
  g_free (copy->templates_dir);
  copy->templates_dir = g_strdup (self->templates_dir);
  g_free (copy->provider);
  copy->provider = g_strdup (self->provider);
  copy->preview = self->preview;
  return copy;
}

static void
free_files (gpointer files)
{
  if (files != NULL)
    g_ptr_array_unref (files);
}

typedef struct
{
  GPtrArray       *articles;
  ToaExportFormat  format;
  const char      *out_dir;
  GPtrArray       *results;     /* per article: GPtrArray of ToaExportFile */
  GAsyncQueue     *exporters;   /* idle worker exporters */
  GMutex           lock;
  GError          *error;       /* the first failure; the rest is skipped */
  GCancellable    *cancellable;
} Batch;

static void
export_one_of_batch (gpointer data,
                     gpointer user_data)
{
  Batch *batch = user_data;
  guint index = GPOINTER_TO_UINT (data) - 1;
  const ToaExportArticle *article = g_ptr_array_index (batch->articles, index);
  ToaExporter *exporter;
  GPtrArray *files;
  GError *error = NULL;
  gboolean stop;

  g_mutex_lock (&batch->lock);
  stop = batch->error != NULL;
  g_mutex_unlock (&batch->lock);
  if (stop || g_cancellable_set_error_if_cancelled (batch->cancellable, &error))
    goto out;

  exporter = g_async_queue_pop (batch->exporters);
  files = toa_exporter_export_files (exporter, article, batch->format, &error);
  g_async_queue_push (batch->exporters, exporter);
  if (files != NULL && !toa_export_files_write (files, batch->out_dir, &error))
    g_clear_pointer (&files, g_ptr_array_unref);
  if (files != NULL)
    {
      /* Each worker writes its own slot. */
      g_ptr_array_index (batch->results, index) = files;
      return;
    }

out:
  g_mutex_lock (&batch->lock);
  if (batch->error == NULL)
    batch->error = error;
  else
    g_clear_error (&error);
  g_mutex_unlock (&batch->lock);
}

/**
 * toa_exporter_export_many:
 * @self: the exporter
 * @articles: (element-type ToaExportArticle): the articles
 * @format: what to write for each
 * @out_dir: where
 * @n_threads: how many at once; 0 for one per processor
 * @cancellable: (nullable): stops before the next article
 * @error: return location for a #GError
 *
 * toa_exporter_export_files() and toa_export_files_write() for each
 * article, on @n_threads threads. The media function set on @self is
 * called from those threads, so it must be thread-safe. The files are
 * the same, byte for byte, as one article after the other would write.
 *
 * Returns: (transfer full) (element-type GPtrArray): for each article, its
 *   files (#ToaExportFile), in the order of @articles; %NULL when one
 *   failed (files written before it stay)
 */
GPtrArray *
toa_exporter_export_many (ToaExporter      *self,
                          GPtrArray        *articles,
                          ToaExportFormat   format,
                          const char       *out_dir,
                          guint             n_threads,
                          GCancellable     *cancellable,
                          GError          **error)
{
  Batch batch = { articles, format, out_dir, NULL, NULL, { 0 }, NULL, cancellable };
  g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_exporter_free);
  GThreadPool *pool;
  GError *pool_error = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (articles != NULL, NULL);
  g_return_val_if_fail (out_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_threads == 0)
    n_threads = MIN (g_get_num_processors (), 8);
  n_threads = CLAMP (n_threads, 1, MAX (articles->len, 1));

  batch.results = g_ptr_array_new_full (articles->len, free_files);
  g_ptr_array_set_size (batch.results, articles->len);
  batch.exporters = g_async_queue_new ();
  g_mutex_init (&batch.lock);
  for (guint i = 0; i < n_threads; i++)
    {
      ToaExporter *worker = worker_copy (self);

      g_ptr_array_add (workers, worker);
      g_async_queue_push (batch.exporters, worker);
    }

  pool = g_thread_pool_new (export_one_of_batch, &batch, (int) n_threads, TRUE, &pool_error);
  if (pool == NULL)
    batch.error = pool_error;
  else
    {
      for (guint i = 0; i < articles->len && batch.error == NULL; i++)
        g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
      /* Waits for every article pushed. */
      g_thread_pool_free (pool, FALSE, TRUE);
    }

  g_async_queue_unref (batch.exporters);
  g_mutex_clear (&batch.lock);
  if (batch.error != NULL)
    {
      g_propagate_error (error, batch.error);
      g_ptr_array_unref (batch.results);
      return NULL;
    }
  return batch.results;
}

/**
 * toa_export_file_new:
 * @path: a relative path
 * @bytes: the file's content
 *
 * Returns: (transfer full): a file record holding a reference to @bytes
 */
ToaExportFile *
toa_export_file_new (const char *path,
                     GBytes     *bytes)
{
  ToaExportFile *file;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  file = g_new0 (ToaExportFile, 1);
  file->path = g_strdup (path);
  file->bytes = g_bytes_ref (bytes);
  return file;
}

void
toa_export_file_free (ToaExportFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_free (file);
}

static gboolean
is_safe_relative_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path[0] == '\0' || g_path_is_absolute (path) || strchr (path, '\\') != NULL)
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

/**
 * toa_export_files_write:
 * @files: (element-type ToaExportFile): the files
 * @out_dir: the directory they go into (created if needed)
 * @error: return location for a #GError
 *
 * Each file is replaced atomically; paths leaving @out_dir are refused.
 *
 * Returns: %TRUE if every file was written
 */
gboolean
toa_export_files_write (GPtrArray   *files,
                        const char  *out_dir,
                        GError     **error)
{
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);

  for (guint i = 0; i < files->len; i++)
    {
      ToaExportFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = NULL;
      g_autofree char *dir = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize size;
      const char *data = g_bytes_get_data (file->bytes, &size);

      if (!is_safe_relative_path (file->path))
        {
          g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_IO,
                       _("Refusing to write %s outside the export folder"), file->path);
          return FALSE;
        }
      path = g_build_filename (out_dir, file->path, NULL);
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0755) != 0 ||
          !g_file_set_contents (path, data != NULL ? data : "", size, &local_error))
        {
          g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_IO,
                       _("Could not write %s: %s"), path,
                       local_error != NULL ? local_error->message : g_strerror (errno));
          return FALSE;
        }
    }
  return TRUE;
}
