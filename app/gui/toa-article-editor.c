/* toa-article-editor.c — the article editor pane: text, details, saving,
 * workflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pane never loses text. Every change restarts a 5 s idle timer that
 * writes a recovery record (ToaRecovery, outside the database); a save
 * creates a revision from the version the editor started from, and a
 * conflict or a store error leaves the text where it is. All rules live
 * in the core: what may be edited, which transitions are offered, who
 * holds the lock.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "toa-approve-dialog.h"
#include "toa-article-editor.h"
#include "toa-html-import.h"
#include "toa-body-editor.h"
#include "toa-comment-dialog.h"
#include "toa-conflict-dialog.h"
#include "toa-recovery.h"
#include "toa-return-dialog.h"
#include "toa-review.h"
#include "toa-store-media.h"
#include "toa-store-takeover.h"
#include "toa-title-view.h"
#include "toa-workflow-bar.h"

#define AUTOSAVE_DELAY_SECONDS 5
/* Someone who types without a 5 s pause still gets a copy this often. */
#define AUTOSAVE_MAX_WAIT_USEC (30 * G_USEC_PER_SEC)
#define HEARTBEAT_SECONDS 30
#define WORDS_PER_MINUTE 200

struct _ToaArticleEditor
{
  GtkWidget           parent_instance;

  ToaStore           *store;
  char               *login;
  ToaUser            *user;
  ToaRecovery        *recovery;
  GPtrArray          *offices;
  GPtrArray          *categories;

  gint64              article_id;
  gint64              base_version;
  ToaArticle         *article;       /* as last read from the store */
  ToaLock            *foreign_lock;  /* someone else's, when they hold it */
  ToaRecoveryRecord  *offered;       /* recovery record waiting for an answer */
  char               *title;
  char               *not_editable;  /* why the core refuses edits, or NULL */

  guint               autosave_id;
  gint64              unsaved_since; /* monotonic µs of the first change not yet autosaved */
  guint               heartbeat_id;
  guint               has_lock : 1;
  guint               dirty : 1;
  guint               loading : 1;
  guint               approval_warning : 1;
  guint               lock_warned : 1;

  ToaBodyEditor      *body_editor;
  GtkTextView        *body_view;     /* the body editor's text view */

  AdwToastOverlay    *toast_overlay;
  GtkLabel           *save_state_label;
  GtkLabel           *count_label;
  GtkLabel           *reading_label;
  AdwFlap            *flap;
  GtkRevealer        *recovery_bar;
  GtkLabel           *recovery_label;
  GtkRevealer        *lock_bar;
  GtkLabel           *lock_label;
  GtkWidget          *take_over_button;
  GtkRevealer        *approved_bar;
  GtkRevealer        *returned_bar;
  GtkLabel           *returned_label;
  GtkBox             *page_box;
  ToaTitleView       *title_view;
  GtkTextView        *lead_view;
  GtkWidget          *details_box;
  GtkDropDown        *category_dropdown;
  GtkDropDown        *office_dropdown;
  GtkEntry           *byline_entry;
  GtkEntry           *event_date_entry;
  GtkEntry           *display_date_entry;
  GtkEntry           *tags_entry;
  ToaWorkflowBar     *workflow_bar;
};

G_DEFINE_FINAL_TYPE (ToaArticleEditor, toa_article_editor, GTK_TYPE_WIDGET)

G_DEFINE_QUARK (toa-article-editor-error-quark, toa_article_editor_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOGIN,
  PROP_ARTICLE_ID,
  PROP_TITLE,
  PROP_HAS_UNSAVED_CHANGES,
  N_PROPS
};

enum {
  ARTICLE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_editable (ToaArticleEditor *self);
static void on_text_changed (ToaArticleEditor *self);

/* The body is the rich ToaBodyEditor; only these functions know it. */
static void
on_body_notify_user (ToaArticleEditor *self,
                     const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* "media:ID" → the picture stored under ID. */
static GdkPaintable *
resolve_media (ToaBodyEditor *editor,
               const char    *src,
               gpointer       data)
{
  ToaArticleEditor *self = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ToaMedia) media = NULL;
  gint64 id;

  if (!g_str_has_prefix (src, "media:"))
    return NULL;
  id = g_ascii_strtoll (src + strlen ("media:"), NULL, 10);
  media = id > 0 ? toa_store_get_media (self->store, id, &bytes, NULL) : NULL;
  if (media == NULL)
    return NULL;
  return GDK_PAINTABLE (gdk_texture_new_from_bytes (bytes, NULL));
}

/* A picked or dropped image file goes into the store; the body refers to
 * it as "media:ID". Images of a never-saved article are stored unattached. */
static char *
import_media (ToaBodyEditor  *editor,
              GFile          *file,
              gpointer        data,
              GError        **error)
{
  ToaArticleEditor *self = data;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);
  gint64 id;

  if (bytes == NULL)
    return NULL;
  id = toa_store_add_media (self->store, self->article_id, bytes, error);
  if (id <= 0)
    return NULL;
  return g_strdup_printf ("media:%" G_GINT64_FORMAT, id);
}

/* Pasted HTML goes through the core's one import pipeline (Word clean-up,
 * legacy Vietnamese, the allowlist); the report becomes the toast. */
static char *
import_pasted_html (const char  *html,
                    gsize        len,
                    char       **message,
                    gpointer     data,
                    GError     **error)
{
  g_autoptr(ToaImportReport) report = NULL;
  char *fragment = toa_html_import (html, len, NULL, &report, error);

  if (fragment != NULL && message != NULL)
    *message = report != NULL ? toa_import_report_to_string (report) : NULL;
  return fragment;
}

static void
body_widget_add (ToaArticleEditor *self)
{
  self->body_editor = toa_body_editor_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->body_editor), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->body_editor), "article-field");
  gtk_box_append (self->page_box, GTK_WIDGET (self->body_editor));
  self->body_view = toa_body_editor_get_view (self->body_editor);
  toa_body_editor_set_media_resolver (self->body_editor, resolve_media, self, NULL);
  toa_body_editor_set_media_import_func (self->body_editor, import_media, self, NULL);
  toa_body_editor_set_import_func (self->body_editor, import_pasted_html, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->body_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Body"),
                                  -1);
  g_signal_connect_object (self->body_editor, "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_editor, "notify-user",
                           G_CALLBACK (on_body_notify_user), self, G_CONNECT_SWAPPED);
}

/* A body the editor cannot show is shown as its plain text, so that the
 * words are still there to edit; the toast says what happened. */
static void
body_widget_set_body (ToaArticleEditor *self,
                      const char       *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fallback = NULL;

  if (toa_body_editor_set_body (self->body_editor, body != NULL ? body : "", &error))
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  text = toa_body_to_plain_text (body != NULL ? body : "");
  fallback = toa_body_from_plain_text (text);
  toa_body_editor_set_body (self->body_editor, fallback, NULL);
}

static char *
body_widget_get_body (ToaArticleEditor *self)
{
  return toa_body_editor_get_body (self->body_editor);
}

static guint
body_widget_count_words (ToaArticleEditor *self)
{
  return toa_body_editor_get_word_count (self->body_editor);
}

static char *
get_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
normalized_or_null (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (stripped[0] == '\0')
    return NULL;
  return g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
}

/* ---- Details: offices and categories ------------------------------------ */

static const char *
get_selected_office (ToaArticleEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->office_dropdown);
  const ToaOffice *office;

  if (self->offices == NULL || position >= self->offices->len)
    return self->user != NULL ? self->user->office : NULL;
  office = g_ptr_array_index (self->offices, position);
  return office->code;
}

static void
select_office (ToaArticleEditor *self,
               const char       *code)
{
  for (guint i = 0; self->offices != NULL && i < self->offices->len; i++)
    {
      const ToaOffice *office = g_ptr_array_index (self->offices, i);

      if (g_strcmp0 (office->code, code) == 0)
        {
          gtk_drop_down_set_selected (self->office_dropdown, i);
          return;
        }
    }
}

/* Position 0 is "None"; the categories follow in the store's order. */
static const char *
get_selected_category (ToaArticleEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->category_dropdown);
  const ToaCategory *category;

  if (self->categories == NULL || position == 0 || position > self->categories->len)
    return NULL;
  category = g_ptr_array_index (self->categories, position - 1);
  return category->name;
}

static void
select_category (ToaArticleEditor *self,
                 const char       *name)
{
  gint64 article_category = self->article != NULL ? self->article->category_id : 0;
  guint by_id = 0;

  gtk_drop_down_set_selected (self->category_dropdown, 0);
  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      const ToaCategory *category = g_ptr_array_index (self->categories, i);

      if (name != NULL && g_strcmp0 (category->name, name) == 0)
        {
          gtk_drop_down_set_selected (self->category_dropdown, i + 1);
          return;
        }
      if (article_category != 0 && category->id == article_category)
        by_id = i + 1;
    }
  /* A revision keeps the category's name as it was then: after the
   * category was renamed, the article's category is found by its id. */
  if (name != NULL && by_id != 0)
    gtk_drop_down_set_selected (self->category_dropdown, by_id);
}

static void
fill_directory (ToaArticleEditor *self)
{
  g_autoptr(GtkStringList) office_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) category_names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->offices = toa_store_list_offices (self->store, &error);
  if (self->offices == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_clear_error (&error);
    }
  self->categories = toa_store_list_categories (self->store, &error);
  if (self->categories == NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));

  /* Retired offices and categories stay in the lists, marked, so that an
   * article that has one still shows it; the store refuses them for new
   * articles with a message that says so. */
  for (guint i = 0; self->offices != NULL && i < self->offices->len; i++)
    {
      const ToaOffice *office = g_ptr_array_index (self->offices, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", office->code, office->name);

      if (office->retired)
        {
          g_autofree char *plain = g_steal_pointer (&label);

          /* Translators: an office or category no longer in use, in a list */
          label = g_strdup_printf (_("%s (retired)"), plain);
        }
      gtk_string_list_append (office_names, label);
    }
  /* Translators: the category of an article that has none */
  gtk_string_list_append (category_names, C_("category", "None"));
  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      const ToaCategory *category = g_ptr_array_index (self->categories, i);
      g_autofree char *label = category->retired ? g_strdup_printf (_("%s (retired)"), category->name)
                                                 : g_strdup (category->name);

      gtk_string_list_append (category_names, label);
    }

  gtk_drop_down_set_model (self->office_dropdown, G_LIST_MODEL (office_names));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (category_names));
}

static char *
default_byline (ToaArticleEditor *self)
{
  if (self->user == NULL)
    return g_strdup ("");
  return toa_user_get_default_byline (self->user);
}

/* ---- Content in and out ---------------------------------------------------- */

static char **
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = normalized_or_null (parts[i]);

      if (tag != NULL)
        g_ptr_array_add (tags, tag);
    }
  if (tags->len == 0)
    return NULL;
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* What the widgets hold, unvalidated: autosave keeps even a half-typed date. */
static ToaArticleContent *
collect_content (ToaArticleEditor *self)
{
  ToaArticleContent *content = toa_article_content_new ();
  g_autofree char *title = toa_title_view_get_text (self->title_view);
  g_autofree char *lead = get_buffer_text (self->lead_view);

  content->title = normalized_or_null (title);
  content->lead = normalized_or_null (lead);
  content->body = body_widget_get_body (self);
  content->byline = normalized_or_null (gtk_editable_get_text (GTK_EDITABLE (self->byline_entry)));
  content->category = g_strdup (get_selected_category (self));
  content->event_date = normalized_or_null (gtk_editable_get_text (GTK_EDITABLE (self->event_date_entry)));
  content->display_date = normalized_or_null (gtk_editable_get_text (GTK_EDITABLE (self->display_date_entry)));
  content->tags = split_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)));
  return content;
}

static gboolean
check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  int year, month, day;
  char end;

  if (date == NULL)
    return TRUE;
  if (sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
      strlen (date) == 10 && g_date_valid_dmy (day, month, year))
    return TRUE;
  /* Translators: "%1$s" is "Event date" or "Display date", "%2$s" what was typed */
  g_set_error (error, TOA_ARTICLE_EDITOR_ERROR, TOA_ARTICLE_EDITOR_ERROR_INVALID,
               _("%1$s “%2$s” is not a date. Write it as year-month-day, for example 2026-11-23."),
               what, date);
  return FALSE;
}

static gboolean
check_content (const ToaArticleContent  *content,
               GError                  **error)
{
  return check_date (content->event_date, _("Event date"), error) &&
         check_date (content->display_date, _("Display date"), error);
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
show_content (ToaArticleEditor        *self,
              const ToaArticleContent *content)
{
  g_autofree char *tags = content->tags != NULL ? g_strjoinv (", ", content->tags) : NULL;

  self->loading = TRUE;
  toa_title_view_set_text (self->title_view, content->title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->lead_view),
                            content->lead != NULL ? content->lead : "", -1);
  body_widget_set_body (self, content->body);
  set_entry_text (self->byline_entry, content->byline);
  select_category (self, content->category);
  set_entry_text (self->event_date_entry, content->event_date);
  set_entry_text (self->display_date_entry, content->display_date);
  set_entry_text (self->tags_entry, tags);
  self->loading = FALSE;
  on_text_changed (self);
}

/* ---- State -------------------------------------------------------------------- */

static void
set_title (ToaArticleEditor *self,
           const char       *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
set_article_id (ToaArticleEditor *self,
                gint64            article_id)
{
  if (self->article_id == article_id)
    return;
  self->article_id = article_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_ID]);
}

static void
set_dirty (ToaArticleEditor *self,
           gboolean          dirty)
{
  dirty = !!dirty;
  if (!dirty)
    g_clear_handle_id (&self->autosave_id, g_source_remove);
  gtk_label_set_label (self->save_state_label,
                       dirty ? _("Unsaved changes") :
                       self->article_id > 0 ? _("Saved") : "");
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED_CHANGES]);
}

static void
update_counts (ToaArticleEditor *self)
{
  g_autofree char *lead = get_buffer_text (self->lead_view);
  guint words = toa_body_count_words (lead) + body_widget_count_words (self);
  guint minutes = MAX (1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words),
                                            words);
  g_autofree char *reading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "About %u minute to read",
                                                           "About %u minutes to read", minutes),
                                              minutes);

  gtk_label_set_label (self->count_label, count);
  gtk_label_set_label (self->reading_label, reading);
}

/* ---- Autosave ------------------------------------------------------------------ */

static gboolean
autosave_now (ToaArticleEditor  *self,
              GError           **error)
{
  g_autoptr(ToaRecoveryRecord) record = g_new0 (ToaRecoveryRecord, 1);

  record->article_id = self->article_id;
  record->base_version = self->base_version;
  record->saved = g_get_real_time ();
  record->office = g_strdup (get_selected_office (self));
  record->content = collect_content (self);
  return toa_recovery_save (self->recovery, record, error);
}

static void
autosave_or_warn (ToaArticleEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (autosave_now (self, &error))
    return;
  message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
on_autosave_timeout (gpointer data)
{
  ToaArticleEditor *self = data;

  self->autosave_id = 0;
  if (self->dirty)
    autosave_or_warn (self);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed (ToaArticleEditor *self)
{
  g_autofree char *title = NULL;
  gint64 now;

  /* Template signals fire while the template is still being built. */
  if (self->body_editor == NULL)
    return;
  update_counts (self);
  title = toa_title_view_get_text (self->title_view);
  set_title (self, title);
  if (self->loading)
    return;

  set_dirty (self, TRUE);
  now = g_get_monotonic_time ();
  if (self->autosave_id == 0)
    {
      self->unsaved_since = now;
    }
  else if (now - self->unsaved_since >= AUTOSAVE_MAX_WAIT_USEC)
    {
      autosave_or_warn (self);
      self->unsaved_since = now;
    }
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_seconds (AUTOSAVE_DELAY_SECONDS, on_autosave_timeout, self);
}

/* Enter in the title goes on to the lead, as the title holds one line. */
static void
on_title_activate (ToaArticleEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->lead_view);
  GtkTextIter start;

  gtk_widget_grab_focus (GTK_WIDGET (self->lead_view));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

static void
discard_recovery (ToaArticleEditor *self,
                  gint64            article_id)
{
  g_autoptr(GError) error = NULL;

  if (!toa_recovery_discard (self->recovery, article_id, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
offer_recovery (ToaArticleEditor        *self,
                const ToaArticleContent *stored)
{
  g_autoptr(ToaRecoveryRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) saved = NULL;
  g_autofree char *time = NULL;
  g_autofree char *message = NULL;

  g_clear_pointer (&self->offered, toa_recovery_record_free);
  gtk_revealer_set_reveal_child (self->recovery_bar, FALSE);

  record = toa_recovery_load (self->recovery, self->article_id, &error);
  if (record == NULL)
    {
      if (error != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* A copy identical to the stored text recovers nothing. */
  if (stored != NULL && toa_article_content_equal (record->content, stored))
    {
      discard_recovery (self, self->article_id);
      return;
    }

  saved = g_date_time_new_from_unix_local (record->saved / G_USEC_PER_SEC);
  time = saved != NULL ? g_date_time_format (saved, "%H:%M %d/%m/%Y") : g_strdup ("");
  /* Translators: "%s" is a time and date */
  message = g_strdup_printf (_("Unsaved text from %s was kept when the editor closed unexpectedly. "
                               "Restore it?"), time);
  gtk_label_set_label (self->recovery_label, message);
  self->offered = g_steal_pointer (&record);
  gtk_revealer_set_reveal_child (self->recovery_bar, TRUE);
  update_editable (self);
}

/* ---- Errors --------------------------------------------------------------------- */

static GtkWindow *
get_parent_window (ToaArticleEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Store failures say what happened and what to do next; the text always
 * stays in the editor, so the message says that too. */
static const char *
explain_store_error (const GError *error)
{
  if (error->domain != TOA_STORE_ERROR)
    return NULL;

  switch (error->code)
    {
    case TOA_STORE_ERROR_READ_ONLY:
      return _("The database can only be read, not written. Your text is still in the editor and "
               "a recovery copy was kept. Ask the administrator to check the database file, then "
               "save again.");
    case TOA_STORE_ERROR_FULL:
      return _("The disk is full. Your text is still in the editor and a recovery copy was kept. "
               "Free some space, then save again.");
    case TOA_STORE_ERROR_BUSY:
      return _("The database is busy with another program. Your text is still in the editor. "
               "Wait a moment, then save again.");
    case TOA_STORE_ERROR_CORRUPT:
      return _("The database is damaged. Your text is still in the editor and a recovery copy was "
               "kept. Ask the administrator to restore a backup.");
    default:
      return NULL;
    }
}

static void
show_error (ToaArticleEditor *self,
            const char       *heading,
            const GError     *error)
{
  const char *explanation = explain_store_error (error);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (explanation != NULL)
    body = g_strdup_printf ("%s\n\n%s", explanation, error->message);
  else
    body = g_strdup (error->message);

  dialog = adw_message_dialog_new (get_parent_window (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Locks and editability ---------------------------------------------------------- */

static gboolean
user_may_take_over (ToaArticleEditor *self)
{
  /* The same rule as toa_store_take_over_lock(), so the button is only
   * offered where it works. */
  if (self->user == NULL)
    return FALSE;
  if ((self->user->roles & (TOA_ROLE_LEADER | TOA_ROLE_ADMIN)) != 0)
    return TRUE;
  return (self->user->roles & TOA_ROLE_APPROVER) != 0 && self->article != NULL &&
         g_strcmp0 (self->user->office, self->article->office) == 0;
}

static char *
display_name (ToaArticleEditor *self,
              const char       *login)
{
  g_autoptr(ToaUser) user = NULL;

  if (login == NULL)
    return g_strdup (_("someone"));
  user = toa_store_get_user (self->store, login, NULL);
  return g_strdup (user != NULL ? toa_user_get_display_name (user) : login);
}

static void
update_lock_bar (ToaArticleEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->foreign_lock == NULL)
    {
      gtk_revealer_set_reveal_child (self->lock_bar, FALSE);
      return;
    }
  name = display_name (self, self->foreign_lock->login);
  message = g_strdup_printf (_("Being edited by %s. You can read it, but not change it."), name);
  gtk_label_set_label (self->lock_label, message);
  gtk_widget_set_visible (self->take_over_button, user_may_take_over (self));
  gtk_revealer_set_reveal_child (self->lock_bar, TRUE);
}

static gboolean
on_heartbeat (gpointer data);

static void
stop_heartbeat (ToaArticleEditor *self)
{
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
}

static void
warn_lock_lost (ToaArticleEditor *self)
{
  g_autofree char *name = display_name (self, self->foreign_lock->login);
  g_autofree char *message = NULL;

  /* Translators: "%s" is a person */
  message = g_strdup_printf (_("%s took over this article. Your unsaved text is kept in a recovery copy."),
                             name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  if (self->dirty)
    autosave_or_warn (self);
}

/* Takes or renews the soft lock. On a conflict the holder is remembered
 * and the pane becomes read-only; the text is not touched. */
static void
take_lock (ToaArticleEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean had_lock = self->has_lock;

  g_clear_pointer (&self->foreign_lock, toa_lock_free);
  if (toa_store_lock_article (self->store, self->article_id, self->login,
                              g_get_host_name (), &error))
    {
      self->has_lock = TRUE;
      if (self->heartbeat_id == 0)
        self->heartbeat_id = g_timeout_add_seconds (HEARTBEAT_SECONDS, on_heartbeat, self);
    }
  else
    {
      self->has_lock = FALSE;
      stop_heartbeat (self);
      if (g_error_matches (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT))
        self->foreign_lock = toa_store_get_lock (self->store, self->article_id, NULL);
      else if (!self->lock_warned)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      /* A read-only database refuses every lock: say so once, not at
       * every refresh. */
      self->lock_warned = TRUE;
      if (had_lock && self->foreign_lock != NULL)
        warn_lock_lost (self);
    }
  update_lock_bar (self);
  update_editable (self);
}

/* Whether someone took the lock this pane holds; a read, not a write, so
 * that frequent refreshes cost little. */
static gboolean
lock_was_taken (ToaArticleEditor *self)
{
  g_autoptr(ToaLock) lock = toa_store_get_lock (self->store, self->article_id, NULL);

  return lock != NULL && g_strcmp0 (lock->login, self->login) != 0;
}

static gboolean
on_heartbeat (gpointer data)
{
  ToaArticleEditor *self = data;

  self->heartbeat_id = 0;
  take_lock (self);
  return G_SOURCE_REMOVE;
}

static void
release_lock (ToaArticleEditor *self)
{
  stop_heartbeat (self);
  if (self->has_lock && self->article_id > 0)
    toa_store_unlock_article (self->store, self->article_id, self->login, NULL);
  self->has_lock = FALSE;
  g_clear_pointer (&self->foreign_lock, toa_lock_free);
}

static void
check_can_edit (ToaArticleEditor *self)
{
  const ToaArticle *article = self->article;
  ToaWorkflowArticle facts = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->not_editable, g_free);
  if (article == NULL)
    return;
  if (self->user == NULL)
    {
      self->not_editable = g_strdup (_("Your user account was not found in this database."));
      return;
    }
  facts.status = article->status;
  facts.office = article->office;
  facts.author = article->author;
  facts.revision_author = article->revision_author;
  facts.submitted_by = article->submitted_by;
  facts.current_hash = article->current_hash;
  facts.approved_hash = article->approved_hash;
  facts.has_unpublished_changes = article->status == TOA_ARTICLE_STATUS_PUBLISHED &&
                                  article->current_revision != article->published_revision;
  if (!toa_workflow_can_edit (&facts, self->user, &error))
    self->not_editable = g_strdup (error->message);
}

static void
set_widgets_editable (ToaArticleEditor *self,
                      gboolean          editable)
{
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->title_view), editable);
  gtk_text_view_set_editable (self->lead_view, editable);
  gtk_text_view_set_editable (self->body_view, editable);
  gtk_widget_set_sensitive (self->details_box, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->office_dropdown), editable && self->article_id == 0);
}

static void
update_editable (ToaArticleEditor *self)
{
  gboolean editable = self->foreign_lock == NULL && self->not_editable == NULL &&
                      !self->approval_warning;

  set_widgets_editable (self, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.restore-recovery",
                                 editable && self->offered != NULL);
  gtk_revealer_set_reveal_child (self->approved_bar, self->approval_warning && self->foreign_lock == NULL);
  if (self->not_editable != NULL && !self->dirty)
    gtk_label_set_label (self->save_state_label, self->not_editable);
}

/* ---- Loading and the workflow bar --------------------------------------------------- */

/* A draft whose last step was a return: the reviewer's reason stays on
 * top of the article until it is submitted again. */
static void
update_returned_bar (ToaArticleEditor    *self,
                     const ToaTransition *last,
                     const char          *name)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  gboolean returned = self->article != NULL && last != NULL &&
                      self->article->status == TOA_ARTICLE_STATUS_DRAFT &&
                      g_strcmp0 (last->action, "return") == 0;

  gtk_revealer_set_reveal_child (self->returned_bar, returned);
  if (!returned)
    return;
  when = g_date_time_new_from_unix_local (last->created / G_USEC_PER_SEC);
  time = when != NULL ? g_date_time_format (when, "%H:%M %d/%m/%Y") : g_strdup ("");
  /* Translators: reviewer's name, time, then the reason they gave. */
  text = g_strdup_printf (_("Returned by %s at %s: “%s”"), name != NULL ? name : last->actor, time,
                          last->comment != NULL ? last->comment : "");
  gtk_label_set_label (self->returned_label, text);
}

static void
update_workflow_bar (ToaArticleEditor *self)
{
  g_autoptr(GPtrArray) transitions = NULL;
  g_auto(GStrv) permitted = NULL;
  const ToaTransition *last = NULL;
  g_autofree char *name = NULL;

  if (self->article == NULL)
    {
      toa_workflow_bar_clear (self->workflow_bar);
      update_returned_bar (self, NULL, NULL);
      return;
    }
  transitions = toa_store_list_transitions (self->store, self->article_id, NULL);
  if (transitions != NULL && transitions->len > 0)
    last = g_ptr_array_index (transitions, transitions->len - 1);
  if (last != NULL)
    name = display_name (self, last->actor);
  permitted = toa_store_list_permitted_actions (self->store, self->article_id, self->login, NULL);
  toa_workflow_bar_update (self->workflow_bar, self->article->status,
                           last != NULL ? last->action : NULL, name,
                           last != NULL ? last->created : 0,
                           (const char * const *) permitted);
  toa_workflow_bar_set_unresolved (self->workflow_bar,
                                   (guint) MAX (toa_store_count_unresolved_comments (self->store,
                                                                                    self->article_id,
                                                                                    NULL), 0));
  update_returned_bar (self, last, name);
}

static gboolean
read_article (ToaArticleEditor  *self,
              gint64             article_id,
              GError           **error)
{
  ToaArticle *article = toa_store_get_article (self->store, article_id, error);

  if (article == NULL)
    return FALSE;
  g_clear_pointer (&self->article, toa_article_free);
  self->article = article;
  check_can_edit (self);
  return TRUE;
}

static void
reset_state (ToaArticleEditor *self)
{
  release_lock (self);
  g_clear_pointer (&self->article, toa_article_free);
  g_clear_pointer (&self->offered, toa_recovery_record_free);
  g_clear_pointer (&self->not_editable, g_free);
  gtk_revealer_set_reveal_child (self->recovery_bar, FALSE);
  self->approval_warning = FALSE;
  self->lock_warned = FALSE;
  self->base_version = 0;
}

/**
 * toa_article_editor_load:
 * @article_id: the article to open
 *
 * Shows the current revision of @article_id, takes the soft lock (or
 * opens read-only when someone else holds it) and offers to restore
 * autosaved text newer than the revision. Unsaved text of the article
 * shown before is dropped: close it with toa_article_editor_close_async()
 * first.
 *
 * Returns: %TRUE when the article was loaded
 */
gboolean
toa_article_editor_load (ToaArticleEditor  *self,
                         gint64             article_id,
                         GError           **error)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_EDITOR (self), FALSE);
  g_return_val_if_fail (article_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reset_state (self);
  if (!read_article (self, article_id, error))
    return FALSE;

  set_article_id (self, article_id);
  self->base_version = self->article->version;
  select_office (self, self->article->office);
  show_content (self, self->article->content);
  set_dirty (self, FALSE);
  self->approval_warning = self->article->status == TOA_ARTICLE_STATUS_APPROVED &&
                           self->not_editable == NULL;
  take_lock (self);
  update_workflow_bar (self);
  offer_recovery (self, self->article->content);
  update_editable (self);
  return TRUE;
}

/**
 * toa_article_editor_start_new:
 *
 * Empties the pane for a new article of the user's office, with the
 * default byline. Autosaved text of a new article that was never saved
 * is offered back.
 */
void
toa_article_editor_start_new (ToaArticleEditor *self)
{
  g_autoptr(ToaArticleContent) empty = toa_article_content_new ();

  g_return_if_fail (TOA_IS_ARTICLE_EDITOR (self));

  reset_state (self);
  set_article_id (self, 0);
  empty->byline = default_byline (self);
  if (self->user != NULL)
    select_office (self, self->user->office);
  show_content (self, empty);
  set_dirty (self, FALSE);
  update_workflow_bar (self);
  offer_recovery (self, NULL);
  update_editable (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_view));
}

/**
 * toa_article_editor_refresh:
 *
 * Reads the article's status, lock and permitted actions again, e.g. after
 * another process changed the database. Unsaved text is never touched;
 * without unsaved changes a newer revision is shown.
 */
void
toa_article_editor_refresh (ToaArticleEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TOA_IS_ARTICLE_EDITOR (self));

  if (self->article_id <= 0)
    return;
  if (!read_article (self, self->article_id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (!self->dirty && self->article->version != self->base_version)
    {
      self->base_version = self->article->version;
      show_content (self, self->article->content);
      set_dirty (self, FALSE);
    }
  if (!self->has_lock || lock_was_taken (self))
    take_lock (self);
  update_workflow_bar (self);
  update_editable (self);
}

/* ---- Saving ---------------------------------------------------------------------------- */

static void
after_save (ToaArticleEditor *self,
            gint64            previous_id)
{
  g_autoptr(GError) error = NULL;

  discard_recovery (self, previous_id);
  if (!read_article (self, self->article_id, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  if (self->article != NULL)
    self->base_version = self->article->version;
  set_dirty (self, FALSE);
  if (!self->has_lock)
    take_lock (self);
  update_workflow_bar (self);
  update_editable (self);
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0, self->article_id);
}

/* Saves what the widgets hold as a revision on top of @expected_version
 * (a new article when there is none yet). */
static gboolean
save_content (ToaArticleEditor  *self,
              gint64             expected_version,
              GError           **error)
{
  g_autoptr(ToaArticleContent) content = collect_content (self);
  gint64 previous_id = self->article_id;
  gint64 new_version = 0;
  gint64 id;

  if (!check_content (content, error))
    return FALSE;

  if (self->article_id == 0)
    {
      id = toa_store_create_article (self->store, get_selected_office (self), content,
                                     self->login, error);
      if (id <= 0)
        return FALSE;
      set_article_id (self, id);
    }
  else if (!toa_store_save_revision (self->store, self->article_id, expected_version, content,
                                     self->login, &new_version, error))
    {
      return FALSE;
    }

  after_save (self, previous_id);
  return TRUE;
}

static char *
content_as_text (const ToaArticleContent *content)
{
  g_autofree char *body = toa_body_to_plain_text (content->body != NULL ? content->body : "");

  return g_strdup_printf ("%s\n\n%s\n\n%s",
                          content->title != NULL ? content->title : "",
                          content->lead != NULL ? content->lead : "",
                          body);
}

static void
on_conflict_response (ToaConflictDialog *dialog,
                      const char        *response,
                      ToaArticleEditor  *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "keep-both") == 0)
    {
      /* Mine goes on top of the version that won, so both stay in history. */
      if (!save_content (self, self->article->version, &error))
        show_error (self, _("Could not save the article"), error);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Saved as the newest version; theirs is kept in the history")));
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      discard_recovery (self, self->article_id);
      self->base_version = self->article->version;
      show_content (self, self->article->content);
      set_dirty (self, FALSE);
    }
}

/* Someone saved first (or took the lock): read what won and ask. */
static void
handle_conflict (ToaArticleEditor *self,
                 const GError     *save_error)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *their_text = NULL;
  ToaConflictDialog *dialog;

  if (!read_article (self, self->article_id, &error))
    {
      show_error (self, _("Could not save the article"), error);
      return;
    }
  if (self->article->version == self->base_version)
    {
      /* Not a newer revision: the lock went to someone else. */
      take_lock (self);
      show_error (self, _("Could not save the article"), save_error);
      return;
    }

  who = display_name (self, self->article->revision_author);
  their_text = content_as_text (self->article->content);
  dialog = toa_conflict_dialog_new (get_parent_window (self), who, self->article->updated, their_text);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_or_report (ToaArticleEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) autosave_error = NULL;

  if (save_content (self, self->base_version, &error))
    return TRUE;

  /* Whatever went wrong, the text also goes to the recovery copy. */
  autosave_now (self, &autosave_error);
  if (g_error_matches (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT))
    handle_conflict (self, error);
  else
    show_error (self, _("Could not save the article"), error);
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (widget);

  if (save_or_report (self))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved")));
}

/* ---- Workflow ----------------------------------------------------------------------------- */

static void transition_done (ToaArticleEditor *self);

static void
do_transition (ToaArticleEditor *self,
               const char       *action,
               const char       *comment)
{
  g_autoptr(GError) error = NULL;

  if (!toa_store_transition (self->store, self->article_id, action, self->login, comment, &error))
    {
      show_error (self, _("Could not change the status"), error);
      toa_article_editor_refresh (self);
      return;
    }
  transition_done (self);
}

/* After the core changed the status, here or in a review dialog. */
static void
transition_done (ToaArticleEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (read_article (self, self->article_id, &error))
    self->base_version = self->dirty ? self->base_version : self->article->version;
  self->approval_warning = self->article != NULL &&
                           self->article->status == TOA_ARTICLE_STATUS_APPROVED &&
                           self->not_editable == NULL;
  update_workflow_bar (self);
  update_editable (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (toa_workflow_bar_get_status_text (self->workflow_bar)));
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0, self->article_id);
}

typedef struct
{
  ToaArticleEditor *self;
  char             *action;
} CommentRequest;

static void
comment_request_free (gpointer data)
{
  CommentRequest *request = data;

  g_object_unref (request->self);
  g_free (request->action);
  g_free (request);
}

static void
on_comment_response (ToaCommentDialog *dialog,
                     const char       *response,
                     CommentRequest   *request)
{
  g_autofree char *comment = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  comment = toa_comment_dialog_get_comment (dialog);
  do_transition (request->self, request->action, comment);
}

static void
ask_comment (ToaArticleEditor *self,
             const char       *action)
{
  const char *label = toa_workflow_action_get_label (action);
  ToaCommentDialog *dialog = toa_comment_dialog_new (get_parent_window (self),
                                                     label != NULL ? label : action);
  CommentRequest *request = g_new0 (CommentRequest, 1);

  request->self = g_object_ref (self);
  request->action = g_strdup (action);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_comment_response),
                         request, (GClosureNotify) (void (*) (void)) comment_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Approving goes through the checklist, returning through the reasons. */
static void
on_review_dialog_done (ToaArticleEditor *self)
{
  transition_done (self);
}

static void
ask_approval (ToaArticleEditor *self)
{
  g_autoptr(GError) error = NULL;
  ToaApproveDialog *dialog = toa_approve_dialog_new (get_parent_window (self), self->store,
                                                     self->article_id, self->login, &error);

  if (dialog == NULL)
    {
      show_error (self, _("Could not change the status"), error);
      return;
    }
  g_signal_connect_object (dialog, "approved", G_CALLBACK (on_review_dialog_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ask_return (ToaArticleEditor *self)
{
  ToaReturnDialog *dialog = toa_return_dialog_new (get_parent_window (self), self->store,
                                                   self->article_id, self->login);

  g_signal_connect_object (dialog, "returned", G_CALLBACK (on_review_dialog_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
transition_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (widget);
  const char *action = g_variant_get_string (parameter, NULL);

  if (self->article_id <= 0)
    return;
  /* The transition applies to the stored revision: save the text first so
   * that what is submitted is what the author sees. */
  if (self->dirty && !save_or_report (self))
    return;
  if (g_strcmp0 (action, "approve") == 0)
    ask_approval (self);
  else if (g_strcmp0 (action, "return") == 0)
    ask_return (self);
  else if (toa_workflow_action_requires_comment (action))
    ask_comment (self, action);
  else
    do_transition (self, action, NULL);
}

/* ---- Bars ----------------------------------------------------------------------------------- */

static void
restore_recovery_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (widget);
  g_autoptr(ToaRecoveryRecord) record = g_steal_pointer (&self->offered);

  if (record == NULL)
    return;
  gtk_revealer_set_reveal_child (self->recovery_bar, FALSE);
  if (record->base_version > 0)
    self->base_version = record->base_version;
  if (self->article_id == 0 && record->office != NULL)
    select_office (self, record->office);
  show_content (self, record->content);
  self->approval_warning = FALSE;
  set_dirty (self, TRUE);
  update_editable (self);
}

static void
discard_recovery_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (widget);

  g_clear_pointer (&self->offered, toa_recovery_record_free);
  gtk_revealer_set_reveal_child (self->recovery_bar, FALSE);
  discard_recovery (self, self->article_id);
  update_editable (self);
}

static void
take_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->foreign_lock == NULL || !user_may_take_over (self))
    return;
  if (!toa_store_take_over_lock (self->store, self->article_id, self->login,
                                 g_get_host_name (), &error))
    {
      show_error (self, _("Could not take over the article"), error);
      return;
    }
  /* Holding the lock now: the refresh shows the latest text, editable. */
  toa_article_editor_refresh (self);
}

static void
edit_anyway_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (widget);

  self->approval_warning = FALSE;
  update_editable (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* ---- Closing ------------------------------------------------------------------------------------ */

static void
finish_close (ToaArticleEditor *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  release_lock (self);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GTask            *task)
{
  ToaArticleEditor *self = g_task_get_source_object (task);

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!save_or_report (self))
        {
          g_task_return_boolean (task, FALSE);
          g_object_unref (task);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      discard_recovery (self, self->article_id);
      set_dirty (self, FALSE);
    }
  else
    {
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
      return;
    }
  finish_close (self);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/**
 * toa_article_editor_close_async:
 *
 * Gets the pane ready to be closed: without unsaved changes at once; with
 * them, after asking Save / Discard / Cancel. The lock is released unless
 * the user cancels.
 */
void
toa_article_editor_close_async (ToaArticleEditor    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  const char *title;

  g_return_if_fail (TOA_IS_ARTICLE_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, toa_article_editor_close_async);
  if (!self->dirty)
    {
      finish_close (self);
      g_task_return_boolean (task, TRUE);
      return;
    }

  title = self->title != NULL && self->title[0] != '\0' ? self->title : _("Untitled article");
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved will be lost."), title);
  dialog = adw_message_dialog_new (get_parent_window (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), g_steal_pointer (&task));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * toa_article_editor_close_finish:
 *
 * Returns: %TRUE when the pane may close, %FALSE when the user cancelled
 *   or saving failed (the text is still there)
 */
gboolean
toa_article_editor_close_finish (ToaArticleEditor  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_EDITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Properties --------------------------------------------------------------------------------- */

/**
 * toa_article_editor_new:
 * @store: the database
 * @login: the user who edits
 *
 * Returns: (transfer floating): a new, empty editor pane
 */
ToaArticleEditor *
toa_article_editor_new (ToaStore   *store,
                        const char *login)
{
  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  return g_object_new (TOA_TYPE_ARTICLE_EDITOR,
                       "store", store,
                       "login", login,
                       NULL);
}

gint64
toa_article_editor_get_article_id (ToaArticleEditor *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_EDITOR (self), 0);

  return self->article_id;
}

/**
 * toa_article_editor_get_title:
 *
 * Returns: (transfer none): the title as typed so far
 */
const char *
toa_article_editor_get_title (ToaArticleEditor *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_EDITOR (self), NULL);

  return self->title != NULL ? self->title : "";
}

gboolean
toa_article_editor_get_has_unsaved_changes (ToaArticleEditor *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_EDITOR (self), FALSE);

  return self->dirty;
}

/**
 * toa_article_editor_get_body_editor:
 *
 * Returns: (transfer none): the body editor, for a comment on a selection
 */
ToaBodyEditor *
toa_article_editor_get_body_editor (ToaArticleEditor *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_EDITOR (self), NULL);

  return self->body_editor;
}

/**
 * toa_article_editor_get_read_only:
 *
 * Returns: %TRUE while the text cannot be changed (lock held by someone
 *   else, a status the user may not edit, the approval warning)
 */
gboolean
toa_article_editor_get_read_only (ToaArticleEditor *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_EDITOR (self), TRUE);

  return !gtk_text_view_get_editable (GTK_TEXT_VIEW (self->title_view));
}

static void
toa_article_editor_constructed (GObject *object)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (toa_article_editor_parent_class)->constructed (object);

  self->user = toa_store_get_user (self->store, self->login, &error);
  if (self->user == NULL)
    g_debug ("no user %s: %s", self->login, error->message);
  self->recovery = toa_recovery_new (NULL, toa_store_get_path (self->store), self->login);
  self->loading = TRUE;
  fill_directory (self);
  self->loading = FALSE;
  toa_article_editor_start_new (self);
}

static void
toa_article_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;
    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, toa_article_editor_get_title (self));
      break;
    case PROP_HAS_UNSAVED_CHANGES:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_article_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_LOGIN:
      g_free (self->login);
      self->login = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_article_editor_dispose (GObject *object)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->store != NULL)
    release_lock (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_ARTICLE_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->recovery);

  G_OBJECT_CLASS (toa_article_editor_parent_class)->dispose (object);
}

static void
toa_article_editor_finalize (GObject *object)
{
  ToaArticleEditor *self = TOA_ARTICLE_EDITOR (object);

  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->not_editable, g_free);
  g_clear_pointer (&self->user, toa_user_free);
  g_clear_pointer (&self->article, toa_article_free);
  g_clear_pointer (&self->foreign_lock, toa_lock_free);
  g_clear_pointer (&self->offered, toa_recovery_record_free);
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (toa_article_editor_parent_class)->finalize (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.transition", "s", transition_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-recovery", NULL, restore_recovery_action);
  gtk_widget_class_install_action (widget_class, "editor.discard-recovery", NULL, discard_recovery_action);
  gtk_widget_class_install_action (widget_class, "editor.take-over", NULL, take_over_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-anyway", NULL, edit_anyway_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
toa_article_editor_class_init (ToaArticleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = toa_article_editor_constructed;
  object_class->dispose = toa_article_editor_dispose;
  object_class->finalize = toa_article_editor_finalize;
  object_class->get_property = toa_article_editor_get_property;
  object_class->set_property = toa_article_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TOA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_UNSAVED_CHANGES] =
    g_param_spec_boolean ("has-unsaved-changes", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ToaArticleEditor::article-changed:
   * @article_id: the article that was saved or moved
   *
   * Emitted after a save or a workflow transition.
   */
  signals[ARTICLE_CHANGED] =
    g_signal_new ("article-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TOA_TYPE_WORKFLOW_BAR);
  g_type_ensure (TOA_TYPE_TITLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-article-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, save_state_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, reading_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, flap);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, lock_bar);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, lock_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, take_over_button);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, approved_bar);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, returned_bar);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, returned_label);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, page_box);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, title_view);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, lead_view);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, details_box);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, office_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, byline_entry);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, event_date_entry);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, display_date_entry);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, ToaArticleEditor, workflow_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_activate);
  install_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
toa_article_editor_init (ToaArticleEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  body_widget_add (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->lead_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
}
