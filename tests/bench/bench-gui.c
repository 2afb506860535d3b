/* bench-gui.c — the desk's start-up and scrolling, timed (issue 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built, never run as a test: `./dev bench` runs it under Xvfb and a
 * private D-Bus session, on the database bench-store built.
 *
 * 1. Start-up: exec → main window mapped, for `toasoan --database DB` and
 *    for gnome-text-editor, median of --runs (11) each, the two programs
 *    taking turns so that both meet the same load. "Mapped" is the X
 *    MapNotify of a top-level window of the spawned process, seen on the
 *    root window, the same event for both programs. Tòa Soạn also reports
 *    its first painted frame (TOASOAN_BENCH_EXIT_ON_MAP=1, see
 *    toa-application.c) and then quits; the editor is sent SIGTERM.
 * 2. Scrolling: the main window on DB in this process; a tick callback
 *    moves the article list down one page per frame from top to bottom.
 *    Per frame: the work from the frame clock's before-paint to its
 *    after-paint (what must fit in 16.7 ms), and the interval between
 *    after-paints (which also holds the wait for the next vblank, so it is
 *    never under the refresh interval).
 *
 * Results go to stdout as Markdown.
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/Xutil.h>

#include "toa-application.h"
#include "toa-article-list-model.h"
#include "toa-store.h"
#include "toa-window.h"

#define MAP_TIMEOUT_USEC (60 * G_USEC_PER_SEC)

static char *opt_database;
static char *opt_toasoan;
static char *opt_editor = "gnome-text-editor";
static char *opt_login = "publisher";
static int opt_runs = 11;
static int opt_frames;
static double opt_start;
static gboolean opt_no_startup;
static gboolean opt_no_scroll;

static const GOptionEntry entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, &opt_database, "The database to open", "DB" },
  { "toasoan", 0, 0, G_OPTION_ARG_FILENAME, &opt_toasoan, "The toasoan binary", "PATH" },
  { "editor", 0, 0, G_OPTION_ARG_STRING, &opt_editor, "The editor to compare with", "CMD" },
  { "login", 0, 0, G_OPTION_ARG_STRING, &opt_login, "Who scrolls", "LOGIN" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Start-ups of each program", "N" },
  { "frames", 0, 0, G_OPTION_ARG_INT, &opt_frames, "Stop scrolling after N frames (0: at the end)", "N" },
  { "start-at", 0, 0, G_OPTION_ARG_DOUBLE, &opt_start, "Start scrolling this far down (0–1)", "F" },
  { "no-startup", 0, 0, G_OPTION_ARG_NONE, &opt_no_startup, "Skip the start-up timing", NULL },
  { "no-scroll", 0, 0, G_OPTION_ARG_NONE, &opt_no_scroll, "Skip the scrolling", NULL },
  { NULL }
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values. */
static double
percentile (GArray *values,
            double  fraction)
{
  guint index;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  index = (guint) (fraction * (values->len - 1) + 0.5);
  return g_array_index (values, double, MIN (index, values->len - 1));
}

static double
timeval_ms (const struct timeval *tv)
{
  return tv->tv_sec * 1000.0 + tv->tv_usec / 1000.0;
}

/* Start-up */

typedef struct
{
  double map_ms;        /* exec → MapNotify */
  double frame_ms;      /* exec → first frame, Tòa Soạn only; < 0 unknown */
  double cpu_ms;        /* user + system CPU of the child */
} Startup;

static gboolean
window_has_pid (Display *display,
                Window   window,
                GPid     pid)
{
  Atom net_wm_pid = XInternAtom (display, "_NET_WM_PID", False);
  Atom type;
  int format;
  unsigned long n_items, remaining;
  unsigned char *data = NULL;
  gboolean found = FALSE;

  if (XGetWindowProperty (display, window, net_wm_pid, 0, 1, False, XA_CARDINAL, &type, &format,
                          &n_items, &remaining, &data) == Success && data != NULL)
    {
      found = n_items == 1 && format == 32 && (GPid) *(unsigned long *) data == pid;
      XFree (data);
    }
  return found;
}

/* Waits for a top-level window of @pid to be mapped. */
static gboolean
wait_for_map (Display *display,
              GPid     pid,
              gint64   deadline)
{
  struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

  while (g_get_monotonic_time () < deadline)
    {
      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && window_has_pid (display, event.xmap.window, pid))
            return TRUE;
        }
      poll (&fd, 1, 100);
    }
  return FALSE;
}

static gboolean
time_startup (Display             *display,
              const char * const  *argv,
              gboolean             own_exit,
              Startup             *result,
              GError             **error)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TOASOAN_BENCH_EXIT_ON_MAP", "1", TRUE);
  g_autofree char *output = NULL;
  struct rusage usage;
  gint64 start;
  GPid pid;
  int out_fd = -1;
  int status;

  XSync (display, True);
  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, error))
    return FALSE;

  result->frame_ms = -1;
  if (wait_for_map (display, pid, start + MAP_TIMEOUT_USEC))
    result->map_ms = (g_get_monotonic_time () - start) / 1000.0;
  else
    result->map_ms = -1;

  if (own_exit && result->map_ms >= 0)
    {
      /* It quits by itself after its first frame: its line tells when. */
      GIOChannel *channel = g_io_channel_unix_new (out_fd);
      gint64 frame_usec;
      const char *line;

      g_io_channel_read_to_end (channel, &output, NULL, NULL);
      g_io_channel_unref (channel);
      line = output != NULL ? strstr (output, "TOASOAN_BENCH_FIRST_FRAME ") : NULL;
      if (line != NULL && sscanf (line, "TOASOAN_BENCH_FIRST_FRAME %" G_GINT64_FORMAT, &frame_usec) == 1)
        result->frame_ms = (frame_usec - start) / 1000.0;
    }
  else
    kill (pid, SIGTERM);

  if (wait4 (pid, &status, 0, &usage) < 0)
    return FALSE;
  close (out_fd);
  result->cpu_ms = timeval_ms (&usage.ru_utime) + timeval_ms (&usage.ru_stime);
  if (result->map_ms < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s never mapped a window", argv[0]);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char         *name;
  const char * const *argv;
  gboolean            own_exit;
  GArray             *maps;
  GArray             *frames;
  GArray             *cpus;
  GString            *each;
} Series;

static void
series_init (Series             *series,
             const char         *name,
             const char * const *argv,
             gboolean            own_exit)
{
  series->name = name;
  series->argv = argv;
  series->own_exit = own_exit;
  series->maps = g_array_new (FALSE, FALSE, sizeof (double));
  series->frames = g_array_new (FALSE, FALSE, sizeof (double));
  series->cpus = g_array_new (FALSE, FALSE, sizeof (double));
  series->each = g_string_new (NULL);
}

static void
series_clear (Series *series)
{
  g_array_unref (series->maps);
  g_array_unref (series->frames);
  g_array_unref (series->cpus);
  g_string_free (series->each, TRUE);
}

static gboolean
series_run (Series   *series,
            Display  *display,
            GError  **error)
{
  Startup run;

  if (!time_startup (display, series->argv, series->own_exit, &run, error))
    return FALSE;
  g_array_append_val (series->maps, run.map_ms);
  g_array_append_val (series->cpus, run.cpu_ms);
  if (run.frame_ms >= 0)
    g_array_append_val (series->frames, run.frame_ms);
  g_string_append_printf (series->each, "%s%.0f", series->each->len > 0 ? ", " : "", run.map_ms);
  /* Let the machine settle between runs. */
  g_usleep (300 * 1000);
  return TRUE;
}

static double
series_print (Series *series)
{
  double median = percentile (series->maps, 0.5);
  char frame[32] = "–";

  if (series->frames->len > 0)
    g_snprintf (frame, sizeof frame, "%.0f ms", percentile (series->frames, 0.5));
  printf ("| %s | %.0f ms | %s | %s | %.0f ms |\n", series->name, median, series->each->str, frame,
          percentile (series->cpus, 0.5));
  return median;
}

static gboolean
run_startup (GError **error)
{
  const char *toasoan_argv[] = { opt_toasoan, "--database", opt_database, NULL };
  const char *editor_argv[] = { opt_editor, "--ignore-session", "--new-window", NULL };
  Display *display;
  double toasoan_ms = 0, editor_ms = 0;
  Series series[2];
  gboolean ok;
  g_autoptr(ToaStore) store = NULL;

  /* A database built by an older version is migrated once, here, not
   * during the first timed start. */
  store = toa_store_open (opt_database, error);
  if (store == NULL)
    return FALSE;
  g_clear_object (&store);

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot open the X display");
      return FALSE;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

  /* The two programs take turns (ABBA…), so that both meet the same load
   * on a shared machine; each run's time is listed in the order run. */
  series_init (&series[0], "Tòa Soạn", toasoan_argv, TRUE);
  series_init (&series[1], opt_editor, editor_argv, FALSE);
  ok = TRUE;
  for (int i = 0; ok && i < opt_runs; i++)
    {
      Series *first = &series[i % 2];
      Series *second = &series[1 - i % 2];

      ok = series_run (first, display, error) && series_run (second, display, error);
    }
  XCloseDisplay (display);
  if (ok)
    {
      printf ("### Start-up: exec → main window mapped (median of %d, the programs in turn)\n\n", opt_runs);
      printf ("| Program | Mapped (median) | Each run (ms) | First frame (median) | CPU (median) |\n");
      printf ("|---|---|---|---|---|\n");
      toasoan_ms = series_print (&series[0]);
      editor_ms = series_print (&series[1]);
    }
  series_clear (&series[0]);
  series_clear (&series[1]);
  if (!ok)
    return FALSE;
  printf ("\nRatio Tòa Soạn / %s: **%.2f×** (target ≤ 0.8×: %s)\n\n", opt_editor,
          toasoan_ms / editor_ms, toasoan_ms <= 0.8 * editor_ms ? "pass" : "miss");
  return TRUE;
}

/* Scrolling */

/* One of the longest frames, to tell where they come from. */
typedef struct
{
  guint    index;
  double   work;
  double   layout;
  double   paint;
  double   cpu;
  gboolean read;
} Frame;

#define N_WORST 5

typedef struct
{
  Frame          worst[N_WORST];   /* longest first */
  GtkAdjustment *adjustment;
  GArray        *work;        /* ms from before-paint to after-paint */
  GArray        *intervals;   /* ms between after-paints */
  GArray        *reading;     /* work of the frames that queried the store */
  GArray        *not_reading; /* work of the others */
  ToaArticleListModel *model;
  guint          queries;     /* the model's count at before-paint */
  guint          idle_reads;  /* queries between frames (read ahead) */
  gint64         before_paint;
  gint64         before_paint_cpu;  /* this thread's CPU time, µs */
  GArray        *cpu;         /* ms of this thread's CPU time per frame */
  gint64         layout_end;
  gint64         paint_end;
  GArray        *layout;      /* ms in the layout phase (binding, measuring, allocating) */
  GArray        *paint;       /* ms in the paint phase (snapshot and render) */
  gint64         last_after_paint;
  gboolean       scrolling;
  gboolean       jumping;     /* the next frame shows the jump's page */
  double         jump_ms;
  gboolean       done;
  guint          frames_after_end;
} Scroll;

/* The CPU time of this (the main) thread: a frame that took long on the
 * clock but not in CPU waited for the processor (other programs, the
 * machine's host), not for the application's work. */
static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Scroll        *s)
{
  guint queries = toa_article_list_model_get_query_count (s->model);

  s->before_paint = g_get_monotonic_time ();
  s->before_paint_cpu = thread_cpu_usec ();
  if (s->scrolling)
    s->idle_reads += queries - s->queries;
  s->queries = queries;
}

/* Connected after the window's own handlers: each runs at the end of its
 * phase. */
static void
on_layout (GdkFrameClock *clock,
           Scroll        *s)
{
  s->layout_end = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          Scroll        *s)
{
  s->paint_end = g_get_monotonic_time ();
}

static void
remember_if_worst (Frame       *worst,
                   const Frame *frame)
{
  guint i = N_WORST;

  while (i > 0 && worst[i - 1].work < frame->work)
    i--;
  if (i == N_WORST)
    return;
  memmove (worst + i + 1, worst + i, (N_WORST - i - 1) * sizeof (Frame));
  worst[i] = *frame;
}

static void
on_after_paint (GdkFrameClock *clock,
                Scroll        *s)
{
  gint64 now = g_get_monotonic_time ();

  if (s->jumping && s->before_paint != 0)
    {
      s->jump_ms = (now - s->before_paint) / 1000.0;
      s->jumping = FALSE;
    }
  if (s->scrolling && s->before_paint != 0)
    {
      double work = (now - s->before_paint) / 1000.0;

      guint queries = toa_article_list_model_get_query_count (s->model);

      double cpu = (thread_cpu_usec () - s->before_paint_cpu) / 1000.0;
      Frame frame = { s->work->len, work, -1, -1, cpu, queries != s->queries };

      g_array_append_val (s->work, work);
      g_array_append_val (s->cpu, cpu);
      if (s->layout_end > s->before_paint && s->paint_end > s->layout_end)
        {
          double layout = (s->layout_end - s->before_paint) / 1000.0;
          double paint = (s->paint_end - s->layout_end) / 1000.0;

          g_array_append_val (s->layout, layout);
          g_array_append_val (s->paint, paint);
          frame.layout = layout;
          frame.paint = paint;
        }
      remember_if_worst (s->worst, &frame);
      /* Only what the frame itself read: the model reads ahead between
       * frames, which before-paint counts apart. */
      g_array_append_val (queries != s->queries ? s->reading : s->not_reading, work);
      s->queries = queries;
      if (s->last_after_paint != 0)
        {
          double interval = (now - s->last_after_paint) / 1000.0;

          g_array_append_val (s->intervals, interval);
        }
    }
  s->last_after_paint = now;
}

/* One page down per frame; a few frames more at the bottom so that the
 * last rows are painted and measured. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scroll *s = data;
  double value = gtk_adjustment_get_value (s->adjustment);
  double page = gtk_adjustment_get_page_size (s->adjustment);
  double upper = gtk_adjustment_get_upper (s->adjustment);

  s->scrolling = TRUE;
  if (value + page >= upper || (opt_frames > 0 && s->work->len >= (guint) opt_frames))
    {
      if (++s->frames_after_end > 5)
        {
          s->done = TRUE;
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }
  gtk_adjustment_set_value (s->adjustment, value + page);
  return G_SOURCE_CONTINUE;
}

static void
iterate_while (gboolean *condition_false,
               gint64    timeout_usec)
{
  gint64 deadline = g_get_monotonic_time () + timeout_usec;

  while (!*condition_false && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
on_timeout_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, on_timeout_flag, &done);
  iterate_while (&done, G_MAXINT64 / 2);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static guint
count_descendants (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child);
  return n;
}

static gboolean
run_scroll (GError **error)
{
  g_autoptr(ToaApplication) app = toa_application_new ();
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reading = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) not_reading = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  Scroll s = { 0 };
  ToaWindow *window;
  GtkWidget *list;
  GdkFrameClock *clock;
  ToaArticleListModel *model;
  struct rusage before, after;
  gint64 start;
  double seconds, cpu_ms;
  guint n_items, queries;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, error) ||
      !toa_application_open_store (app, opt_database, error))
    return FALSE;
  toa_application_set_login (app, opt_login);

  window = toa_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  settle (2000);

  model = toa_window_get_list_model (window);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), TOA_TYPE_WINDOW, "article_list"));
  s.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  s.work = work;
  s.intervals = intervals;
  s.reading = reading;
  s.not_reading = not_reading;
  s.model = model;
  s.layout = layout;
  s.paint = paint;
  s.cpu = cpu;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &s);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &s);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &s);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &s);

  if (opt_start > 0)
    {
      /* A jump (the scroll bar dragged), outside the measured frames; its
       * own frame is reported apart. */
      s.before_paint = 0;
      s.jumping = TRUE;
      gtk_adjustment_set_value (s.adjustment, opt_start * gtk_adjustment_get_upper (s.adjustment));
      settle (1000);
    }
  queries = s.queries = toa_article_list_model_get_query_count (model);
  getrusage (RUSAGE_SELF, &before);
  start = g_get_monotonic_time ();
  gtk_widget_add_tick_callback (list, scroll_tick, &s, NULL);
  iterate_while (&s.done, 1800 * G_USEC_PER_SEC);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  getrusage (RUSAGE_SELF, &after);
  cpu_ms = timeval_ms (&after.ru_utime) + timeval_ms (&after.ru_stime) -
           timeval_ms (&before.ru_utime) - timeval_ms (&before.ru_stime);
  g_signal_handlers_disconnect_by_data (clock, &s);

  printf ("### Scrolling the article list from %.0f %% to the bottom, one page per frame\n\n", opt_start * 100);
  if (opt_start > 0)
    printf ("- The jump to %.0f %% (a page read by offset): one frame of %.1f ms\n", opt_start * 100, s.jump_ms);
  printf ("- The list view holds %u widgets for %u rows\n",
          count_descendants (list) - 1, count_children (list));
  printf ("- GSK renderer: %s\n", g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "GTK's default");
  printf ("- %u articles in the list, %u frames in %.1f s (%s), %u list queries, CPU %.1f s\n",
          n_items, work->len, seconds, s.done ? "reached the end" : "TIMED OUT",
          toa_article_list_model_get_query_count (model) - queries, cpu_ms / 1000.0);
  printf ("- Frame work (before-paint → after-paint): max **%.1f ms**, p95 %.1f ms, median %.1f ms"
          " (target ≤ 16.7 ms: %s)\n",
          percentile (work, 1.0), percentile (work, 0.95), percentile (work, 0.5),
          percentile (work, 1.0) <= 1000.0 / 60 ? "pass" : "miss");
  printf ("- Frames that read a page from the store: %u, work max %.1f ms, median %.1f ms;"
          " the other frames: max %.1f ms, median %.1f ms; pages read between frames: %u\n",
          reading->len, percentile (reading, 1.0), percentile (reading, 0.5),
          percentile (not_reading, 1.0), percentile (not_reading, 0.5), s.idle_reads);
  printf ("- Where the work goes: update + layout (ticks, binding rows, measuring, allocating)"
          " max %.1f ms, p95 %.1f ms, median %.1f ms; paint (snapshot, render) max %.1f ms,"
          " p95 %.1f ms, median %.1f ms\n",
          percentile (layout, 1.0), percentile (layout, 0.95), percentile (layout, 0.5),
          percentile (paint, 1.0), percentile (paint, 0.95), percentile (paint, 0.5));
  printf ("- The main thread's CPU time per frame: max %.1f ms, p95 %.1f ms, median %.1f ms"
          " (a frame much longer on the clock waited for the processor)\n",
          percentile (cpu, 1.0), percentile (cpu, 0.95), percentile (cpu, 0.5));
  printf ("- Longest frames (frame number: work = update + layout, paint; CPU; read a page):");
  for (guint i = 0; i < N_WORST && s.worst[i].work > 0; i++)
    printf ("%s #%u: %.1f ms = %.1f + %.1f, CPU %.1f%s", i > 0 ? ";" : "", s.worst[i].index, s.worst[i].work,
            s.worst[i].layout, s.worst[i].paint, s.worst[i].cpu, s.worst[i].read ? ", read" : "");
  printf ("\n");
  printf ("- Interval between after-paints: max %.1f ms, p95 %.1f ms, median %.1f ms\n\n",
          percentile (intervals, 1.0), percentile (intervals, 0.95), percentile (intervals, 0.5));

  gtk_window_destroy (GTK_WINDOW (window));
  return s.done;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the desk's start-up and scrolling");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_database == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--database is required");
      return 2;
    }
  if (opt_toasoan == NULL)
    opt_toasoan = g_build_filename (g_getenv ("TOASOAN_BUILD_DIR") != NULL ? g_getenv ("TOASOAN_BUILD_DIR") : ".",
                                    "app", "gui", "toasoan", NULL);

  printf ("## Desk (issue 5)\n\n");
  if (!opt_no_startup && !run_startup (&error))
    {
      g_printerr ("start-up: %s\n", error->message);
      return 1;
    }
  if (!opt_no_scroll)
    {
      gtk_init ();
      adw_init ();
      if (!run_scroll (&error))
        {
          g_printerr ("scrolling: %s\n", error != NULL ? error->message : "did not reach the end");
          return 1;
        }
    }
  return 0;
}
