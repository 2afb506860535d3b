/* toa-history-panel.c — the timeline of an article's revisions and
 * workflow steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per revision (who saved, when) and per trail row (who
 * submitted, returned, approved…, when, and the comment), oldest first.
 * Ticking two revisions enables "history.compare", which emits
 * ::compare-requested for whoever shows the diff; "history.restore"
 * saves an older revision's content as a new revision through the core,
 * so nothing is ever overwritten.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-format.h"
#include "toa-history-panel.h"
#include "toa-review.h"

struct _ToaHistoryPanel
{
  GtkWidget        parent_instance;

  ToaStore        *store;
  char            *login;
  gint64           article_id;
  ToaArticle      *article;
  GHashTable      *names;       /* login → full name */
  GArray          *compared;    /* revision ids ticked, oldest tick first */
  guint            n_entries;

  AdwToastOverlay *toast_overlay;
  GtkListBox      *timeline;
  GtkLabel        *selection_label;
};

G_DEFINE_FINAL_TYPE (ToaHistoryPanel, toa_history_panel, GTK_TYPE_WIDGET)

enum {
  COMPARE_REQUESTED,
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A row of the timeline before it becomes a widget. */
typedef struct
{
  gint64               created;
  const ToaRevision   *revision;
  const ToaTransition *transition;
} Entry;

/**
 * toa_history_panel_new:
 * @store: the store
 * @login: who looks (and restores)
 *
 * Returns: (transfer floating): a new, empty panel
 */
ToaHistoryPanel *
toa_history_panel_new (ToaStore   *store,
                       const char *login)
{
  ToaHistoryPanel *self;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_HISTORY_PANEL, NULL);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  return self;
}

static const char *
display_name (ToaHistoryPanel *self,
              const char      *login)
{
  g_autoptr(ToaUser) user = NULL;
  const char *name;

  if (login == NULL)
    return _("someone");
  name = g_hash_table_lookup (self->names, login);
  if (name != NULL)
    return name;
  user = toa_store_get_user (self->store, login, NULL);
  name = user != NULL ? toa_user_get_display_name (user) : login;
  g_hash_table_insert (self->names, g_strdup (login), g_strdup (name));
  return g_hash_table_lookup (self->names, login);
}


/* What a trail row did, as the timeline's title. */
static const char *
describe_action (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "create", N_("Created") },
    { "submit", N_("Submitted for approval") },
    { "withdraw", N_("Withdrawn by the author") },
    { "return", N_("Returned for changes") },
    { "approve", N_("Approved") },
    { "void", N_("Approval voided by an edit") },
    { "publish", N_("Published") },
    { "unpublish", N_("Unpublished") },
    { "restore", N_("Restored from the archive") },
    { "archive", N_("Archived") },
    { TOA_REVIEW_ACTION_RESTORE_REVISION, N_("Older revision restored") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].action, action) == 0)
      return _(labels[i].label);
  return action;
}

static GtkWidget *
make_label (const char *text,
            const char *name,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_name (label, name);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_row (const char *icon_name,
          GtkWidget  *prefix,
          GtkWidget  *texts,
          GtkWidget  *suffix)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *row = gtk_list_box_row_new ();

  if (prefix == NULL)
    {
      prefix = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_set_size_request (prefix, 24, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (prefix), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
    }
  gtk_widget_set_valign (prefix, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), prefix);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  if (suffix != NULL)
    {
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), suffix);
    }
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void on_compare_toggled (GtkCheckButton *check, ToaHistoryPanel *self);

static GtkWidget *
make_revision_row (ToaHistoryPanel   *self,
                   const ToaRevision *revision,
                   guint              number)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *restore = NULL;
  GtkWidget *row;
  g_autofree char *when = toa_format_date_time (revision->created);
  g_autofree char *title = g_strdup_printf (_("Revision %u"), number);
  /* Translators: "%lld" is the number toasoan-cli knows the revision by */
  g_autofree char *tooltip = g_strdup_printf (_("Revision no. %lld in the database"), (long long) revision->id);
  /* Translators: "%1$s" is a person, "%2$s" a time and date */
  g_autofree char *subtitle = g_strdup_printf (_("saved by %1$s at %2$s"),
                                               display_name (self, revision->author), when);

  gtk_box_append (GTK_BOX (texts), make_label (title, "title", "heading"));
  gtk_box_append (GTK_BOX (texts), make_label (subtitle, "subtitle", "dim-label"));
  gtk_widget_set_tooltip_text (texts, tooltip);
  gtk_widget_set_name (check, "compare");
  gtk_widget_set_tooltip_text (check, _("Compare this revision"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compare this revision"), -1);
  g_object_set_data (G_OBJECT (check), "revision-id", GSIZE_TO_POINTER ((gsize) revision->id));
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_compare_toggled), self, 0);
  if (revision->id != self->article->current_revision)
    {
      restore = gtk_button_new_with_mnemonic (_("_Restore"));
      gtk_widget_set_name (restore, "restore");
      gtk_widget_set_tooltip_text (restore, _("Restore this revision: its text becomes a new revision"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "history.restore");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "x", revision->id);
      gtk_widget_add_css_class (restore, "flat");
    }
  row = make_row (NULL, check, texts, restore);
  gtk_widget_set_name (row, "revision");
  return row;
}

static const char *
icon_of_action (const char *action)
{
  if (g_strcmp0 (action, "submit") == 0)
    return "mail-send-symbolic";
  if (g_strcmp0 (action, "return") == 0 || g_strcmp0 (action, "withdraw") == 0)
    return "mail-reply-sender-symbolic";
  if (g_strcmp0 (action, "approve") == 0 || g_strcmp0 (action, "publish") == 0)
    return "emblem-ok-symbolic";
  if (g_strcmp0 (action, "create") == 0)
    return "document-new-symbolic";
  return "document-edit-symbolic";
}

static GtkWidget *
make_transition_row (ToaHistoryPanel     *self,
                     const ToaTransition *transition)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *row;
  g_autofree char *when = toa_format_date_time (transition->created);
  g_autofree char *subtitle = g_strdup_printf (_("by %1$s at %2$s"),
                                               display_name (self, transition->actor), when);
  gboolean is_return = g_strcmp0 (transition->action, "return") == 0;

  gtk_box_append (GTK_BOX (texts), make_label (describe_action (transition->action), "title", "heading"));
  gtk_box_append (GTK_BOX (texts), make_label (subtitle, "subtitle", "dim-label"));
  if (transition->comment != NULL && transition->comment[0] != '\0')
    {
      GtkWidget *comment = make_label (transition->comment, "comment", "history-comment");

      gtk_label_set_selectable (GTK_LABEL (comment), TRUE);
      gtk_box_append (GTK_BOX (texts), comment);
    }
  row = make_row (icon_of_action (transition->action), NULL, texts, NULL);
  gtk_widget_set_name (row, "transition");
  if (is_return)
    gtk_widget_add_css_class (row, "history-return");
  return row;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->created != y->created)
    return x->created < y->created ? -1 : 1;
  /* A trail row refers to the revision saved with it: revision first. */
  return (x->revision == NULL) - (y->revision == NULL);
}

static void
clear_timeline (ToaHistoryPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline))) != NULL)
    gtk_list_box_remove (self->timeline, child);
  g_array_set_size (self->compared, 0);
  self->n_entries = 0;
}

static void
fill_timeline (ToaHistoryPanel *self,
               GPtrArray       *revisions,
               GPtrArray       *transitions)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  guint number = 0;

  for (guint i = 0; i < revisions->len; i++)
    {
      const ToaRevision *revision = g_ptr_array_index (revisions, i);
      Entry entry = { revision->created, revision, NULL };

      g_array_append_val (entries, entry);
    }
  for (guint i = 0; i < transitions->len; i++)
    {
      const ToaTransition *transition = g_ptr_array_index (transitions, i);
      Entry entry = { transition->created, NULL, transition };

      g_array_append_val (entries, entry);
    }
  /* g_array_sort is not stable; equal times keep their order through the ids. */
  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      if (entry->revision != NULL)
        gtk_list_box_append (self->timeline, make_revision_row (self, entry->revision, ++number));
      else
        gtk_list_box_append (self->timeline, make_transition_row (self, entry->transition));
    }
  self->n_entries = entries->len;
}

static void
update_selection (ToaHistoryPanel *self)
{
  gboolean ready = self->compared->len == 2;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.compare", ready);
  gtk_label_set_label (self->selection_label,
                       ready ? _("Two revisions ticked: compare them.")
                             : _("Tick two revisions to compare them."));
}

/**
 * toa_history_panel_load:
 * @article_id: the article to show
 * @error: return location for a #GError
 *
 * Reads the article's revisions and trail again and shows them.
 *
 * Returns: %TRUE on success; on error the panel is left as it was
 */
gboolean
toa_history_panel_load (ToaHistoryPanel  *self,
                        gint64            article_id,
                        GError          **error)
{
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) transitions = NULL;

  g_return_val_if_fail (TOA_IS_HISTORY_PANEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  article = toa_store_get_article (self->store, article_id, error);
  if (article == NULL)
    return FALSE;
  revisions = toa_store_list_revisions (self->store, article_id, error);
  if (revisions == NULL)
    return FALSE;
  transitions = toa_store_list_transitions (self->store, article_id, error);
  if (transitions == NULL)
    return FALSE;

  clear_timeline (self);
  g_clear_pointer (&self->article, toa_article_free);
  self->article = g_steal_pointer (&article);
  self->article_id = article_id;
  fill_timeline (self, revisions, transitions);
  update_selection (self);
  return TRUE;
}

/**
 * toa_history_panel_get_article_id:
 *
 * Returns: the article shown, 0 when none
 */
gint64
toa_history_panel_get_article_id (ToaHistoryPanel *self)
{
  g_return_val_if_fail (TOA_IS_HISTORY_PANEL (self), 0);

  return self->article_id;
}

/**
 * toa_history_panel_get_n_entries:
 *
 * Returns: how many rows the timeline shows
 */
guint
toa_history_panel_get_n_entries (ToaHistoryPanel *self)
{
  g_return_val_if_fail (TOA_IS_HISTORY_PANEL (self), 0);

  return self->n_entries;
}

/**
 * toa_history_panel_get_entry:
 * @index: a row, 0 for the oldest
 *
 * Returns: (transfer none) (nullable): the row, named "revision" or
 *   "transition"; its labels are named "title", "subtitle" and "comment"
 */
GtkWidget *
toa_history_panel_get_entry (ToaHistoryPanel *self,
                             guint            index)
{
  g_return_val_if_fail (TOA_IS_HISTORY_PANEL (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->timeline, (int) index));
}

static GtkCheckButton *
find_check (ToaHistoryPanel *self,
            gint64           revision_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->timeline));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *first = gtk_widget_get_first_child (box);

      if (GTK_IS_CHECK_BUTTON (first) &&
          (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (first), "revision-id")) == revision_id)
        return GTK_CHECK_BUTTON (first);
    }
  return NULL;
}

/**
 * toa_history_panel_set_compared:
 * @revision_id: a revision shown in the timeline
 * @compared: whether to tick it
 *
 * Ticks or unticks a revision's box, as a click does. Ticking a third
 * revision unticks the one ticked first.
 */
void
toa_history_panel_set_compared (ToaHistoryPanel *self,
                                gint64           revision_id,
                                gboolean         compared)
{
  GtkCheckButton *check;

  g_return_if_fail (TOA_IS_HISTORY_PANEL (self));

  check = find_check (self, revision_id);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, compared);
}

/**
 * toa_history_panel_get_selection:
 * @from_revision: (out) (optional): the older ticked revision
 * @to_revision: (out) (optional): the newer one
 *
 * Returns: %TRUE when two revisions are ticked
 */
gboolean
toa_history_panel_get_selection (ToaHistoryPanel *self,
                                 gint64          *from_revision,
                                 gint64          *to_revision)
{
  gint64 a, b;

  g_return_val_if_fail (TOA_IS_HISTORY_PANEL (self), FALSE);

  if (self->compared->len != 2)
    return FALSE;
  a = g_array_index (self->compared, gint64, 0);
  b = g_array_index (self->compared, gint64, 1);
  if (from_revision != NULL)
    *from_revision = MIN (a, b);
  if (to_revision != NULL)
    *to_revision = MAX (a, b);
  return TRUE;
}

static void
forget_compared (ToaHistoryPanel *self,
                 gint64           revision_id)
{
  for (guint i = 0; i < self->compared->len; i++)
    if (g_array_index (self->compared, gint64, i) == revision_id)
      {
        g_array_remove_index (self->compared, i);
        return;
      }
}

static void
on_compare_toggled (GtkCheckButton  *check,
                    ToaHistoryPanel *self)
{
  gint64 revision_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "revision-id"));

  forget_compared (self, revision_id);
  if (gtk_check_button_get_active (check))
    {
      g_array_append_val (self->compared, revision_id);
      /* Only two can be compared: the first ticked makes room. */
      if (self->compared->len > 2)
        gtk_check_button_set_active (find_check (self, g_array_index (self->compared, gint64, 0)), FALSE);
    }
  update_selection (self);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ToaHistoryPanel *self = TOA_HISTORY_PANEL (widget);
  gint64 from, to;

  if (toa_history_panel_get_selection (self, &from, &to))
    g_signal_emit (self, signals[COMPARE_REQUESTED], 0, from, to);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ToaHistoryPanel *self = TOA_HISTORY_PANEL (widget);
  gint64 revision_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 restored;

  if (self->article == NULL)
    return;
  restored = toa_store_restore_revision (self->store, self->article_id, revision_id,
                                         self->article->version, self->login, &error);
  if (restored == 0)
    {
      /* Translators: "%s" is the store's explanation */
      message = g_strdup_printf (_("Could not restore the revision: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  if (!toa_history_panel_load (self, self->article_id, &error))
    g_warning ("Reloading the history failed: %s", error->message);
  message = g_strdup_printf (_("Revision %lld restored: its text is now the newest revision"),
                             (long long) revision_id);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit (self, signals[RESTORED], 0, restored);
}

static void
toa_history_panel_dispose (GObject *object)
{
  ToaHistoryPanel *self = TOA_HISTORY_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_HISTORY_PANEL);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (toa_history_panel_parent_class)->dispose (object);
}

static void
toa_history_panel_finalize (GObject *object)
{
  ToaHistoryPanel *self = TOA_HISTORY_PANEL (object);

  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->article, toa_article_free);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->compared, g_array_unref);
  G_OBJECT_CLASS (toa_history_panel_parent_class)->finalize (object);
}

static void
toa_history_panel_class_init (ToaHistoryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_history_panel_dispose;
  object_class->finalize = toa_history_panel_finalize;

  /**
   * ToaHistoryPanel::compare-requested:
   * @from_revision: the older ticked revision
   * @to_revision: the newer one
   *
   * The user asked to see the changes between two revisions.
   */
  signals[COMPARE_REQUESTED] = g_signal_new ("compare-requested", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /**
   * ToaHistoryPanel::restored:
   * @revision_id: the new revision holding the restored content
   *
   * An older revision was restored; whoever shows the article reloads it.
   */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-history-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaHistoryPanel, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ToaHistoryPanel, timeline);
  gtk_widget_class_bind_template_child (widget_class, ToaHistoryPanel, selection_label);
  gtk_widget_class_install_action (widget_class, "history.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "history.restore", "x", restore_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
toa_history_panel_init (ToaHistoryPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->compared = g_array_new (FALSE, FALSE, sizeof (gint64));
  update_selection (self);
}
