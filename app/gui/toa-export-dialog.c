/* toa-export-dialog.c — exporting approved articles for the portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export runs in a GTask thread on its own ToaStore connection (the
 * window's connection stays free for the UI), one article at a time, and
 * checks its GCancellable between articles so that a cancelled batch never
 * leaves a half-written article: each article is either wholly written
 * and recorded in the `exports` table, or not touched.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-export-dialog.h"
#include "toa-store-export.h"

struct _ToaExportDialog
{
  AdwWindow        parent_instance;

  ToaStore        *store;
  char            *login;
  GArray          *selection;      /* gint64: the articles passed in */
  GArray          *exported;       /* gint64: exported by the last run */
  char            *destination;
  GCancellable    *cancellable;
  gboolean         busy;

  AdwToastOverlay *toast_overlay;
  GtkCheckButton  *selection_check;
  GtkCheckButton  *all_check;
  GtkCheckButton  *page_check;
  GtkCheckButton  *fragment_check;
  GtkCheckButton  *xml_check;
  GtkCheckButton  *liferay_check;
  GtkCheckButton  *newsml_check;
  GtkCheckButton  *bundle_check;
  AdwActionRow    *selection_row;
  AdwActionRow    *folder_row;
  GtkProgressBar  *progress_bar;
  GtkLabel        *status_label;
  GtkScrolledWindow *scroller;
  gboolean         follow_status;  /* keep the outcome in view */
  guint            scroll_id;
};

G_DEFINE_FINAL_TYPE (ToaExportDialog, toa_export_dialog, ADW_TYPE_WINDOW)
G_DEFINE_QUARK (toa-export-dialog-error-quark, toa_export_dialog_error)

enum
{
  SIGNAL_FINISHED,
  SIGNAL_PUBLISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- The worker -------------------------------------------------------------- */

typedef struct
{
  char             *db_path;
  char             *login;
  char             *destination;
  ToaExportFormats  formats;
  gboolean          all_approved;
  GArray           *ids;           /* gint64 */
  GArray           *exported;      /* gint64, filled by the worker */
  ToaExportDialog  *dialog;        /* ref, released in on_export_done () */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->login);
  g_free (job->destination);
  g_array_unref (job->ids);
  g_array_unref (job->exported);
  /* Normally already released on the main thread: the worker may drop
   * the task's last reference, and a widget must not be finalized there. */
  g_clear_object (&job->dialog);
  g_free (job);
}

typedef struct
{
  ToaExportDialog *dialog;
  double           fraction;
  guint            done;
  guint            total;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;
  ToaExportDialog *self = progress->dialog;
  g_autofree char *text = g_strdup_printf (_("%u of %u"), progress->done, progress->total);

  if (self->busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  g_object_unref (progress->dialog);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
report_progress (ExportJob *job,
                 guint      done,
                 guint      total)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->dialog = g_object_ref (job->dialog);
  progress->done = done;
  progress->total = total;
  progress->fraction = total > 0 ? (double) done / total : 1.0;
  g_main_context_invoke (NULL, show_progress, progress);
}

static const struct
{
  ToaExportFormats flag;
  ToaExportFormat  format;
} format_table[] = {
  { TOA_EXPORT_FORMATS_PAGE, TOA_EXPORT_FORMAT_PAGE },
  { TOA_EXPORT_FORMATS_FRAGMENT, TOA_EXPORT_FORMAT_FRAGMENT },
  { TOA_EXPORT_FORMATS_XML, TOA_EXPORT_FORMAT_XML },
  { TOA_EXPORT_FORMATS_LIFERAY, TOA_EXPORT_FORMAT_LIFERAY },
  { TOA_EXPORT_FORMATS_NEWSML, TOA_EXPORT_FORMAT_NEWSML },
};

static GArray *
list_approved (ToaStore  *store,
               GError   **error)
{
  ToaArticleQuery query = { .status_mask = TOA_STATUS_BIT (TOA_ARTICLE_STATUS_APPROVED) };
  g_autoptr(GPtrArray) articles = toa_store_list_articles (store, &query, 0, G_MAXUINT, error);
  GArray *ids;

  if (articles == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Oldest first, the order they were approved in, more or less. */
  for (guint i = articles->len; i > 0; i--)
    {
      const ToaArticle *article = g_ptr_array_index (articles, i - 1);

      g_array_append_val (ids, article->id);
    }
  return ids;
}

static gboolean
export_one (ToaStore     *store,
            ToaExporter  *exporter,
            ExportJob    *job,
            gint64        id,
            GError      **error)
{
  for (guint f = 0; f < G_N_ELEMENTS (format_table); f++)
    {
      g_autoptr(GPtrArray) paths = NULL;

      if ((job->formats & format_table[f].flag) == 0)
        continue;
      paths = toa_store_export_article (store, exporter, id, format_table[f].format, FALSE,
                                        job->destination, job->login, error);
      if (paths == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
export_bundle (ToaStore     *store,
               ToaExporter  *exporter,
               ExportJob    *job,
               GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("toasoan-%s.zip", stamp);
  g_autofree char *path = g_build_filename (job->destination, name, NULL);

  return toa_store_export_bundle (store, exporter, (const gint64 *) (gpointer) job->exported->data,
                                  job->exported->len, path, job->login, error);
}

static void
run_export (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaStore) store = toa_store_open (job->db_path, &error);
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  g_autoptr(GArray) ids = NULL;
  guint total;

  if (store != NULL)
    ids = job->all_approved ? list_approved (store, &error) : g_array_ref (job->ids);
  if (ids == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (ids->len == 0)
    {
      g_task_return_new_error (task, TOA_EXPORT_DIALOG_ERROR, TOA_EXPORT_DIALOG_ERROR_NOTHING,
                               _("There is no article to export."));
      return;
    }

  total = ids->len + ((job->formats & TOA_EXPORT_FORMATS_BUNDLE) ? 1 : 0);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (g_task_return_error_if_cancelled (task))
        return;
      if (!export_one (store, exporter, job, id, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_array_append_val (job->exported, id);
      report_progress (job, i + 1, total);
    }

  if ((job->formats & TOA_EXPORT_FORMATS_BUNDLE) != 0)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      if (!export_bundle (store, exporter, job, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      report_progress (job, total, total);
    }
  g_task_return_boolean (task, TRUE);
}

/* ---- The dialog -------------------------------------------------------------- */

static void
set_busy (ToaExportDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  if (busy)
    self->follow_status = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-folder", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.confirm-published",
                                 !busy && self->exported->len > 0);
}


/* The dialog is shorter than its contents on a small screen: once an
 * export has an outcome, the view follows the end of the contents, where
 * the status line and the "published" button are, as they grow. A value
 * set while the viewport configures its adjustment would be overwritten:
 * it is set when that allocation is done. */
static gboolean
scroll_to_end (gpointer data)
{
  ToaExportDialog *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->scroll_id = 0;
  if (self->follow_status)
    gtk_adjustment_set_value (adjustment,
                              gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

static void
on_scroll_size_changed (ToaExportDialog *self)
{
  if (self->follow_status && self->scroll_id == 0)
    self->scroll_id = g_idle_add (scroll_to_end, self);
}

static void
show_status (ToaExportDialog *self)
{
  self->follow_status = TRUE;
  on_scroll_size_changed (self);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ToaExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  g_autofree char *text = NULL;

  g_clear_object (&job->dialog);
  g_array_set_size (self->exported, 0);
  g_array_append_vals (self->exported, job->exported->data, job->exported->len);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (ok)
    {
      AdwToast *toast;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u article.",
                                           "Exported %u articles.", job->exported->len),
                              job->exported->len);
      toast = adw_toast_new (text);
      adw_toast_set_button_label (toast, _("Open Folder"));
      adw_toast_set_action_name (toast, "export.open-folder");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      gtk_label_set_text (self->status_label,
                          _("Upload the files to the portal, then confirm that they are published."));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      text = g_strdup_printf (_("Export cancelled after %u of the articles."), job->exported->len);
      gtk_label_set_text (self->status_label, text);
    }
  else
    {
      text = g_strdup_printf (_("Could not export: %s"), error->message);
      gtk_label_set_text (self->status_label, text);
    }
  show_status (self);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, ok);
}

static gboolean
start_export (ToaExportDialog  *self,
              GError          **error)
{
  ExportJob *job;
  g_autoptr(GTask) task = NULL;

  if (self->destination == NULL)
    {
      g_set_error_literal (error, TOA_EXPORT_DIALOG_ERROR, TOA_EXPORT_DIALOG_ERROR_NOTHING,
                           _("Choose a folder to export to first."));
      return FALSE;
    }
  if (toa_export_dialog_get_formats (self) == 0)
    {
      g_set_error_literal (error, TOA_EXPORT_DIALOG_ERROR, TOA_EXPORT_DIALOG_ERROR_NOTHING,
                           _("Choose at least one format."));
      return FALSE;
    }

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (toa_store_get_path (self->store));
  job->login = g_strdup (self->login);
  job->destination = g_strdup (self->destination);
  job->formats = toa_export_dialog_get_formats (self);
  job->all_approved = gtk_check_button_get_active (self->all_check);
  job->ids = g_array_ref (self->selection);
  job->exported = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->dialog = g_object_ref (self);

  self->cancellable = g_cancellable_new ();
  g_array_set_size (self->exported, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_label_set_text (self->status_label, _("Exporting…"));
  set_busy (self, TRUE);

  task = g_task_new (NULL, self->cancellable, on_export_done, g_object_ref (self));
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, run_export);
  return TRUE;
}

static void
export_start (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ToaExportDialog *self = TOA_EXPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!start_export (self, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      show_status (self);
    }
}

static void
export_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ToaExportDialog *self = TOA_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_folder_chosen (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  ToaExportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        toa_export_dialog_set_destination (self, path);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_choose_folder (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ToaExportDialog *self = TOA_EXPORT_DIALOG (widget);
  GtkFileChooserNative *native;

  /* GtkFileChooserNative goes through the file chooser portal when there
   * is one (GtkFileDialog is GTK 4.10). */
  native = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_folder_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ToaExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not open the folder: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
}

static void
export_open_folder (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ToaExportDialog *self = TOA_EXPORT_DIALOG (widget);
  g_autofree char *uri = NULL;

  if (self->destination == NULL)
    return;
  uri = g_filename_to_uri (self->destination, NULL, NULL);
  if (uri != NULL)
    g_app_info_launch_default_for_uri_async (uri, NULL, NULL, on_folder_opened, g_object_ref (self));
}

static guint
publish_exported (ToaExportDialog  *self,
                  GError          **error)
{
  guint published = 0;

  for (guint i = 0; i < self->exported->len; i++)
    {
      gint64 id = g_array_index (self->exported, gint64, i);
      g_autoptr(ToaArticle) article = toa_store_get_article (self->store, id, error);

      if (article == NULL)
        return published;
      /* Already published articles (a correction re-exported) stay so. */
      if (article->status != TOA_ARTICLE_STATUS_APPROVED)
        continue;
      if (!toa_store_transition (self->store, id, "publish", self->login, NULL, error))
        return published;
      published++;
    }
  return published;
}

static void
export_confirm_published (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ToaExportDialog *self = TOA_EXPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint published = publish_exported (self, &error);
  g_autofree char *text = NULL;

  if (error != NULL)
    text = g_strdup_printf (_("Could not mark the articles as published: %s"), error->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article marked as published.",
                                         "%u articles marked as published.", published),
                            published);
  gtk_label_set_text (self->status_label, text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  if (error == NULL)
    {
      g_array_set_size (self->exported, 0);
      gtk_widget_action_set_enabled (widget, "export.confirm-published", FALSE);
    }
  g_signal_emit (self, signals[SIGNAL_PUBLISHED], 0, published);
}

static void
toa_export_dialog_dispose (GObject *object)
{
  ToaExportDialog *self = TOA_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (toa_export_dialog_parent_class)->dispose (object);
}

static void
toa_export_dialog_finalize (GObject *object)
{
  ToaExportDialog *self = TOA_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->destination, g_free);
  g_clear_pointer (&self->selection, g_array_unref);
  g_clear_pointer (&self->exported, g_array_unref);
  G_OBJECT_CLASS (toa_export_dialog_parent_class)->finalize (object);
}

static void
toa_export_dialog_class_init (ToaExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_export_dialog_dispose;
  object_class->finalize = toa_export_dialog_finalize;

  /**
   * ToaExportDialog::finished:
   * @self: the dialog
   * @success: whether every article was exported
   *
   * Emitted when an export run ends, cancelled or not.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /**
   * ToaExportDialog::published:
   * @self: the dialog
   * @count: how many articles were marked as published
   *
   * Emitted after the user confirmed that the export is on the portal.
   */
  signals[SIGNAL_PUBLISHED] =
    g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/toasoan/ToaSoan/ui/toa-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, selection_check);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, all_check);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, page_check);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, fragment_check);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, xml_check);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, liferay_check);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, newsml_check);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, bundle_check);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, selection_row);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ToaExportDialog, scroller);

  gtk_widget_class_install_action (widget_class, "export.start", NULL, export_start);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, export_cancel);
  gtk_widget_class_install_action (widget_class, "export.choose-folder", NULL, export_choose_folder);
  gtk_widget_class_install_action (widget_class, "export.open-folder", NULL, export_open_folder);
  gtk_widget_class_install_action (widget_class, "export.confirm-published", NULL,
                                   export_confirm_published);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
toa_export_dialog_init (ToaExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->selection = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->exported = g_array_new (FALSE, FALSE, sizeof (gint64));
  set_busy (self, FALSE);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_scroll_size_changed), self, G_CONNECT_SWAPPED);
}

/**
 * toa_export_dialog_new:
 * @parent: (nullable): the window to be modal for
 * @store: the store
 * @login: who exports (a publisher)
 * @article_ids: (array length=n_articles) (nullable): the selected articles
 * @n_articles: how many; 0 exports all approved articles
 *
 * Returns: (transfer full): a new export dialog
 */
ToaExportDialog *
toa_export_dialog_new (GtkWindow    *parent,
                       ToaStore     *store,
                       const char   *login,
                       const gint64 *article_ids,
                       guint         n_articles)
{
  ToaExportDialog *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);
  g_return_val_if_fail (article_ids != NULL || n_articles == 0, NULL);

  self = g_object_new (TOA_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  if (n_articles > 0)
    g_array_append_vals (self->selection, article_ids, n_articles);

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_articles),
                              n_articles);
  adw_action_row_set_subtitle (self->selection_row, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->selection_row), n_articles > 0);
  gtk_check_button_set_active (n_articles > 0 ? self->selection_check : self->all_check, TRUE);
  return self;
}

static const struct
{
  ToaExportFormats flag;
  gsize            offset;
} format_checks[] = {
  { TOA_EXPORT_FORMATS_PAGE, G_STRUCT_OFFSET (ToaExportDialog, page_check) },
  { TOA_EXPORT_FORMATS_FRAGMENT, G_STRUCT_OFFSET (ToaExportDialog, fragment_check) },
  { TOA_EXPORT_FORMATS_XML, G_STRUCT_OFFSET (ToaExportDialog, xml_check) },
  { TOA_EXPORT_FORMATS_LIFERAY, G_STRUCT_OFFSET (ToaExportDialog, liferay_check) },
  { TOA_EXPORT_FORMATS_NEWSML, G_STRUCT_OFFSET (ToaExportDialog, newsml_check) },
  { TOA_EXPORT_FORMATS_BUNDLE, G_STRUCT_OFFSET (ToaExportDialog, bundle_check) },
};

#define CHECK_AT(self, offset) (G_STRUCT_MEMBER (GtkCheckButton *, (self), (offset)))

/**
 * toa_export_dialog_set_formats:
 * @self: the dialog
 * @formats: the formats to tick
 *
 * Ticks exactly the checkboxes of @formats.
 */
void
toa_export_dialog_set_formats (ToaExportDialog  *self,
                               ToaExportFormats  formats)
{
  g_return_if_fail (TOA_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (format_checks); i++)
    gtk_check_button_set_active (CHECK_AT (self, format_checks[i].offset),
                                 (formats & format_checks[i].flag) != 0);
}

/**
 * toa_export_dialog_get_formats:
 * @self: the dialog
 *
 * Returns: the ticked formats
 */
ToaExportFormats
toa_export_dialog_get_formats (ToaExportDialog *self)
{
  ToaExportFormats formats = 0;

  g_return_val_if_fail (TOA_IS_EXPORT_DIALOG (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (format_checks); i++)
    if (gtk_check_button_get_active (CHECK_AT (self, format_checks[i].offset)))
      formats |= format_checks[i].flag;
  return formats;
}

/**
 * toa_export_dialog_set_all_approved:
 * @self: the dialog
 * @all_approved: export every approved article instead of the selection
 */
void
toa_export_dialog_set_all_approved (ToaExportDialog *self,
                                    gboolean         all_approved)
{
  g_return_if_fail (TOA_IS_EXPORT_DIALOG (self));

  gtk_check_button_set_active (all_approved ? self->all_check : self->selection_check, TRUE);
}

/**
 * toa_export_dialog_set_destination:
 * @self: the dialog
 * @path: (nullable): the folder to export into
 *
 * What choosing a folder in the file chooser does.
 */
void
toa_export_dialog_set_destination (ToaExportDialog *self,
                                   const char      *path)
{
  g_return_if_fail (TOA_IS_EXPORT_DIALOG (self));

  g_free (self->destination);
  self->destination = g_strdup (path);
  adw_action_row_set_subtitle (self->folder_row, path ? path : _("No folder chosen"));
}

/**
 * toa_export_dialog_get_destination:
 * @self: the dialog
 *
 * Returns: (nullable): the chosen folder
 */
const char *
toa_export_dialog_get_destination (ToaExportDialog *self)
{
  g_return_val_if_fail (TOA_IS_EXPORT_DIALOG (self), NULL);

  return self->destination;
}

/**
 * toa_export_dialog_get_busy:
 * @self: the dialog
 *
 * Returns: whether an export is running
 */
gboolean
toa_export_dialog_get_busy (ToaExportDialog *self)
{
  g_return_val_if_fail (TOA_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * toa_export_dialog_get_exported:
 * @self: the dialog
 *
 * Returns: (transfer none) (element-type gint64): the articles the last
 *   run exported and that are not yet confirmed as published
 */
GArray *
toa_export_dialog_get_exported (ToaExportDialog *self)
{
  g_return_val_if_fail (TOA_IS_EXPORT_DIALOG (self), NULL);

  return self->exported;
}

/* ---- Copy HTML --------------------------------------------------------------- */

/**
 * toa_export_copy_html:
 * @clipboard: the clipboard
 * @store: the store
 * @article_id: an approved or published article
 * @error: return location for a #GError
 *
 * Puts the article's body fragment, as the portal export writes it, on
 * @clipboard as `text/html` (for the portal's rich text editor) and as
 * plain text (for anything else).
 *
 * Returns: %TRUE when the clipboard holds the fragment
 */
gboolean
toa_export_copy_html (GdkClipboard  *clipboard,
                      ToaStore      *store,
                      gint64         article_id,
                      GError       **error)
{
  g_autoptr(ToaExporter) exporter = NULL;
  g_autoptr(ToaExportArticle) article = NULL;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  GBytes *bytes;
  gsize html_length;

  g_return_val_if_fail (GDK_IS_CLIPBOARD (clipboard), FALSE);
  g_return_val_if_fail (TOA_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  article = toa_store_export_load (store, article_id, error);
  if (article == NULL || !toa_export_check_portal_policy (article, error))
    return FALSE;
  exporter = toa_exporter_new ();
  html = toa_exporter_render_fragment (exporter, article, NULL, error);
  if (html == NULL)
    return FALSE;
  text = toa_body_to_plain_text (article->content->body);

  html_length = strlen (html);
  bytes = g_bytes_new_take (g_steal_pointer (&html), html_length);
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  g_bytes_unref (bytes);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  return gdk_clipboard_set_content (clipboard, provider);
}
