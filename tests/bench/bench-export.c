/* bench-export.c — the export benchmark (issue 4), run by `./dev bench`
 *
 * Exports N generated, approved articles (each with a captioned photo,
 * served by the exporter's media provider) as page + XML through the
 * export library into a directory, then runs `xsltproc` with the same
 * page stylesheet over the same article XML files in the same run.
 * Results go to stdout as Markdown tables; progress goes to stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <string.h>

#include "toa-article-generator.h"
#include "toa-article-xml.h"
#include "toa-exporter.h"

#define PHOTO_WIDTH 800
#define PHOTO_HEIGHT 450
#define DATE_LABEL "Ngày đăng:"

typedef struct
{
  guint64     seed;
  guint       count;
  const char *out_dir;
  const char *stylesheet;
} Options;

static void G_GNUC_PRINTF (1, 2)
out (const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fputs (text, stdout);
}

static double
now_s (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

/* CPU seconds of this process: on a shared machine the wall clock also
 * counts the time other people's jobs held the cores. */
static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
children_cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-export: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* One photo, made once: a gradient, so that PNG has something to encode. */
static GBytes *
make_photo (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PHOTO_WIDTH, PHOTO_HEIGHT);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  gchar *buffer = NULL;
  gsize size = 0;

  for (int y = 0; y < PHOTO_HEIGHT; y++)
    for (int x = 0; x < PHOTO_WIDTH; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = (guchar) (x * 255 / PHOTO_WIDTH);
        p[1] = (guchar) (y * 255 / PHOTO_HEIGHT);
        p[2] = (guchar) ((x + y) & 0xff);
      }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL))
    die ("making the photo", error);
  return g_bytes_new_take (buffer, size);
}

static ToaExportMedia *
lookup_photo (gint64    media_id,
              gpointer  user_data,
              GError  **error)
{
  return toa_export_media_new (user_data, "image/png", PHOTO_WIDTH, PHOTO_HEIGHT);
}

/* The body with a captioned photo after its first paragraph. */
static char *
with_photo (const char *body,
            gint64      media_id)
{
  const char *end = strstr (body, "</p>");
  gsize split = end != NULL ? (gsize) (end - body) + 4 : 0;

  return g_strdup_printf ("%.*s<figure><img src=\"media:%" G_GINT64_FORMAT "\" alt=\"\"/>"
                          "<figcaption>Quang cảnh hội nghị (ảnh: Phòng Quản lý Công nghiệp)"
                          "</figcaption></figure>%s",
                          (int) split, body, media_id, body + split);
}

static ToaExportArticle *
make_article (ToaArticleGenerator *generator,
              gint64               id)
{
  g_autoptr(ToaExportArticle) article = toa_export_article_new ();
  g_autoptr(GError) error = NULL;
  const char *office = NULL;
  g_autofree char *body = NULL;

  article->content = toa_article_generator_next (generator, &office);
  body = article->content->body;
  article->content->body = with_photo (body, id);
  article->id = id;
  article->office_code = g_strdup (office);
  article->office_name = g_strdup_printf ("Phòng %s", office);
  article->status = g_strdup ("approved");
  article->author = g_strdup_printf ("author-%s", office);
  article->created = g_date_time_new_utc (2026, 11, 23, 8, 0, 0);
  article->updated = g_date_time_new_utc (2026, 11, 23, 9, 30, 0);
  article->approved_revision = id * 3;
  article->approved_hash = toa_article_content_hash (article->content, &error);
  if (article->approved_hash == NULL)
    die ("hashing an article", error);
  return g_steal_pointer (&article);
}

static guint64
files_size (GPtrArray  *paths,
            const char *dir)
{
  guint64 total = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *full = g_path_is_absolute (path) ? g_strdup (path) : g_build_filename (dir, path, NULL);
      GStatBuf st;

      if (g_stat (full, &st) == 0)
        total += st.st_size;
    }
  return total;
}

typedef struct
{
  double  page_s;
  double  xml_s;
  double  page_cpu_s;
  double  xml_cpu_s;
  guint64 page_bytes;     /* HTML and images */
  guint64 xml_bytes;
  double  render_s;       /* the page in memory, images left out */
  double  render_cpu_s;
  guint64 render_bytes;
  double  many_s;       /* page + XML through toa_exporter_export_many () */
  double  many_cpu_s;
  guint   many_threads;
} Measured;

static void
export_one (ToaExporter            *exporter,
            const ToaExportArticle *article,
            const char             *dir,
            Measured               *measured)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) xml = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_s ();
  double start_cpu = cpu_s ();

  page = toa_exporter_export (exporter, article, TOA_EXPORT_FORMAT_PAGE, dir, &error);
  if (page == NULL)
    die ("exporting a page", error);
  measured->page_s += now_s () - start;
  measured->page_cpu_s += cpu_s () - start_cpu;
  start = now_s ();
  start_cpu = cpu_s ();
  xml = toa_exporter_export (exporter, article, TOA_EXPORT_FORMAT_XML, dir, &error);
  if (xml == NULL)
    die ("exporting XML", error);
  measured->xml_s += now_s () - start;
  measured->xml_cpu_s += cpu_s () - start_cpu;
  measured->page_bytes += files_size (page, dir);
  measured->xml_bytes += files_size (xml, dir);
}

/* xsltproc over every article-N.xml of @dir, in one process as one would
 * run it by hand. Its `-o DIR/` for several inputs fails on 1.1.35 ("Is a
 * directory"), so the pages go one after the other to a single file.
 * Returns the seconds it took; @bytes receives the output's size. */
static double
run_xsltproc (const Options *options,
              const char    *dir,
              guint64       *bytes,
              double        *cpu)
{
  g_autofree char *stylesheet = g_canonicalize_filename (options->stylesheet, NULL);
  g_autofree char *out_path = g_build_filename (dir, "xsltproc-pages.html", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  double start;

  g_ptr_array_add (argv, g_strdup ("xsltproc"));
  g_ptr_array_add (argv, g_strdup ("--stringparam"));
  g_ptr_array_add (argv, g_strdup ("date-label"));
  g_ptr_array_add (argv, g_strdup (DATE_LABEL));
  g_ptr_array_add (argv, g_strdup ("--stringparam"));
  g_ptr_array_add (argv, g_strdup ("preview"));
  g_ptr_array_add (argv, g_strdup (""));
  g_ptr_array_add (argv, g_strdup (stylesheet));
  for (guint i = 1; i <= options->count; i++)
    g_ptr_array_add (argv, g_strdup_printf ("article-%u.xml", i));
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_set_stdout_file_path (launcher, out_path);

  *cpu = children_cpu_s ();
  start = now_s ();
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    die ("running xsltproc", error);
  start = now_s () - start;
  *cpu = children_cpu_s () - *cpu;
  *bytes = g_stat (out_path, &st) == 0 ? (guint64) st.st_size : 0;
  return start;
}

/* The XSLT path alone: the page rendered in memory by an exporter with no
 * media provider, so images are neither decoded nor written, and no file
 * is written either. Separates the stylesheet's cost from the rest. */
static void
render_pages (GPtrArray *articles,
              Measured  *measured)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  double start = now_s ();
  double start_cpu = cpu_s ();

  for (guint i = 0; i < articles->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *html = toa_exporter_render_page (exporter, g_ptr_array_index (articles, i),
                                                        NULL, &error);

      if (html == NULL)
        die ("rendering a page", error);
      measured->render_bytes += strlen (html);
    }
  measured->render_s = now_s () - start;
  measured->render_cpu_s = cpu_s () - start_cpu;
}

/* The batch path (toasoan-cli export of many articles): page then XML
 * for every article, on one thread per processor. */
static void
export_many (ToaExporter *exporter,
             GPtrArray   *articles,
             const char  *dir,
             Measured    *measured)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) xml = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_s ();
  double start_cpu = cpu_s ();

  measured->many_threads = MIN (g_get_num_processors (), 8);
  pages = toa_exporter_export_many (exporter, articles, TOA_EXPORT_FORMAT_PAGE, dir, 0, NULL, &error);
  if (pages == NULL)
    die ("exporting pages on several threads", error);
  xml = toa_exporter_export_many (exporter, articles, TOA_EXPORT_FORMAT_XML, dir, 0, NULL, &error);
  if (xml == NULL)
    die ("exporting XML on several threads", error);
  measured->many_s = now_s () - start;
  measured->many_cpu_s = cpu_s () - start_cpu;
}

static void
remove_tree (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

  if (system (command) != 0)
    g_printerr ("bench-export: could not remove %s\n", path);
}

static const char *
verdict (gboolean ok)
{
  return ok ? "pass" : "**miss**";
}

static void
report (const Options  *options,
        const Measured *m,
        double          xslt_s,
        double          xslt_cpu_s,
        guint64         xslt_bytes)
{
  double total_s = m->page_s + m->xml_s;
  double total_cpu_s = m->page_cpu_s + m->xml_cpu_s;
  double mb = 1024.0 * 1024.0;
  double all_mb = (m->page_bytes + m->xml_bytes) / mb;
  double xml_mb = m->xml_bytes / mb;

  out ("### Export: %u approved articles, page + XML, one %d×%d PNG photo each\n\n",
       options->count, PHOTO_WIDTH, PHOTO_HEIGHT);
  out ("Wall-clock time, and CPU time (user + system) of the work alone. Articles/s and MB/s "
       "are per wall-clock second; MB/s counts the files written.\n\n");
  out ("| Work | Target | Wall | CPU | Articles/s | Written | MB/s | Result |\n");
  out ("|---|---|---|---|---|---|---|---|\n");
  out ("| Export library: page + XML + images | < 10 s | %.2f s | %.2f s | %.0f | %.1f MB | %.1f | %s |\n",
       total_s, total_cpu_s, options->count / total_s, all_mb, all_mb / total_s, verdict (total_s < 10.0));
  out ("| Export library: page + XML + images, %u threads (`toa_exporter_export_many`, what `toasoan-cli export` of many articles uses) | < 10 s | %.2f s | %.2f s | %.0f | %.1f MB | %.1f | %s |\n",
       m->many_threads, m->many_s, m->many_cpu_s, options->count / m->many_s, all_mb, all_mb / m->many_s,
       verdict (m->many_s < 10.0));
  out ("| Export library: page + images only | — | %.2f s | %.2f s | %.0f | %.1f MB | %.1f | — |\n",
       m->page_s, m->page_cpu_s, options->count / m->page_s, m->page_bytes / mb,
       m->page_bytes / mb / m->page_s);
  out ("| Export library: XML only | — | %.2f s | %.2f s | %.0f | %.1f MB | %.1f | — |\n",
       m->xml_s, m->xml_cpu_s, options->count / m->xml_s, xml_mb, xml_mb / m->xml_s);
  out ("| Export library: page rendered in memory, no images, nothing written | — | %.2f s | %.2f s | %.0f | (%.1f MB) | %.1f | — |\n",
       m->render_s, m->render_cpu_s, options->count / m->render_s, m->render_bytes / mb,
       m->render_bytes / mb / m->render_s);
  out ("| `xsltproc` page.xsl over the same %u XML files (%.1f MB in) | baseline | %.2f s | %.2f s | %.0f | %.1f MB | %.1f | — |\n",
       options->count, xml_mb, xslt_s, xslt_cpu_s, options->count / xslt_s, xslt_bytes / mb,
       xslt_bytes / mb / xslt_s);
  out ("| Page + XML + images vs xsltproc's pages (wall) | ≤ xsltproc | %.2f s vs %.2f s | | | | | %s |\n",
       total_s, xslt_s, verdict (total_s <= xslt_s));
  out ("| Page + images vs xsltproc's pages (wall) | ≤ xsltproc | %.2f s vs %.2f s | | | | | %s |\n\n",
       m->page_s, xslt_s, verdict (m->page_s <= xslt_s));
}

static void
run (const Options *options)
{
  g_autoptr(GBytes) photo = make_photo ();
  g_autoptr(ToaArticleGenerator) generator = toa_article_generator_new (options->seed);
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_export_article_free);
  g_autofree char *dir = g_build_filename (options->out_dir, "export", NULL);
  Measured measured = { 0 };
  guint64 xslt_bytes = 0;
  double xslt_cpu_s = 0;
  double xslt_s;

  remove_tree (dir);
  g_mkdir_with_parents (dir, 0755);
  g_printerr ("bench-export: generating %u articles...\n", options->count);
  for (guint i = 1; i <= options->count; i++)
    g_ptr_array_add (articles, make_article (generator, i));
  toa_exporter_set_media_func (exporter, lookup_photo, photo, NULL);

  g_printerr ("bench-export: exporting...\n");
  for (guint i = 0; i < articles->len; i++)
    export_one (exporter, g_ptr_array_index (articles, i), dir, &measured);
  g_printerr ("bench-export: exporting on several threads...\n");
  {
    g_autofree char *many_dir = g_build_filename (dir, "many", NULL);

    export_many (exporter, articles, many_dir, &measured);
  }
  g_printerr ("bench-export: rendering pages in memory...\n");
  render_pages (articles, &measured);
  g_printerr ("bench-export: xsltproc...\n");
  xslt_s = run_xsltproc (options, dir, &xslt_bytes, &xslt_cpu_s);
  report (options, &measured, xslt_s, xslt_cpu_s, xslt_bytes);
}

int
main (int   argc,
      char *argv[])
{
  Options options = { .seed = 20261123, .count = 10000 };
  g_autofree char *out_dir = NULL;
  g_autofree char *stylesheet = NULL;
  gint64 seed = options.seed;
  int count = options.count;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, "Scratch directory for the exported files", "DIR" },
    { "stylesheet", 0, 0, G_OPTION_ARG_FILENAME, &stylesheet, "page.xsl for xsltproc", "FILE" },
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Articles to export (default 10000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "The generator's seed", "SEED" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the exports");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (out_dir == NULL || stylesheet == NULL || count < 1)
    {
      g_printerr ("bench-export: give --out DIR, --stylesheet FILE and a positive --count\n");
      return 2;
    }
  options.seed = (guint64) seed;
  options.count = (guint) count;
  options.out_dir = out_dir;
  options.stylesheet = stylesheet;
  run (&options);
  return 0;
}
