/* toa-diff-view.c — shows what changed between two revisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view renders the core's word diff (toa_diff_content()): changed
 * details (title, lead, byline…) are listed with their words marked, the
 * body is a read-only text view where insertions are underlined on a
 * green tint and deletions struck through on a red one. The tints are
 * translucent so that they read on the light and the dark style alike.
 * "diff.show-default" compares what the reviewer should see first (see
 * toa_store_get_default_comparison()).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-diff-view.h"
#include "toa-review.h"

struct _ToaDiffView
{
  GtkWidget        parent_instance;

  ToaStore        *store;
  gint64           article_id;
  gint64           from_revision;
  gint64           to_revision;
  guint            n_field_changes;

  AdwToastOverlay *toast_overlay;
  GtkLabel        *heading_label;
  GtkWidget       *fields_box;
  GtkListBox      *fields_list;
  GtkLabel        *summary_label;
  GtkTextView     *body_view;
};

G_DEFINE_FINAL_TYPE (ToaDiffView, toa_diff_view, GTK_TYPE_WIDGET)

/* Pango markup of the same marks as the body's tags. */
#define INSERTED_SPAN "<span underline=\"single\" underline_color=\"#26a269\" background=\"#2ec27e\" bgalpha=\"28%\">"
#define DELETED_SPAN  "<span strikethrough=\"true\" strikethrough_color=\"#e01b24\" background=\"#e01b24\" bgalpha=\"22%\">"

/**
 * toa_diff_view_new:
 *
 * Returns: (transfer floating): a new, empty diff view
 */
GtkWidget *
toa_diff_view_new (void)
{
  return g_object_new (TOA_TYPE_DIFF_VIEW, NULL);
}

/**
 * toa_diff_view_set_article:
 * @store: the store the revisions come from
 * @article_id: the article whose revisions are compared
 *
 * Sets what "diff.show-default" and toa_diff_view_compare() read; shows
 * nothing until one of them is called.
 */
void
toa_diff_view_set_article (ToaDiffView *self,
                           ToaStore    *store,
                           gint64       article_id)
{
  g_return_if_fail (TOA_IS_DIFF_VIEW (self));
  g_return_if_fail (TOA_IS_STORE (store));

  g_set_object (&self->store, store);
  self->article_id = article_id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diff.show-default", article_id > 0);
}

static char *
markup_of_ops (GPtrArray *ops)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < ops->len; i++)
    {
      ToaDiffOp *op = g_ptr_array_index (ops, i);
      g_autofree char *escaped = g_markup_escape_text (op->text, -1);

      if (op->kind == TOA_DIFF_EQUAL)
        {
          g_string_append (markup, escaped);
          continue;
        }
      g_string_append (markup, op->kind == TOA_DIFF_INSERT ? INSERTED_SPAN : DELETED_SPAN);
      g_string_append (markup, escaped);
      g_string_append (markup, "</span>");
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static GtkWidget *
make_field_row (const ToaFieldDiff *diff)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (diff->label);
  g_autofree char *markup = markup_of_ops (diff->ops);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "caption-heading");
  gtk_widget_add_css_class (name, "dim-label");
  gtk_label_set_markup (GTK_LABEL (value), markup);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_name (value, diff->field);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), value);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void
clear_fields (ToaDiffView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_list))) != NULL)
    gtk_list_box_remove (self->fields_list, child);
  self->n_field_changes = 0;
}

static void
show_body (ToaDiffView        *self,
           const ToaFieldDiff *body)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  if (body == NULL)
    return;
  for (guint i = 0; i < body->ops->len; i++)
    {
      ToaDiffOp *op = g_ptr_array_index (body->ops, i);
      const char *tag = op->kind == TOA_DIFF_INSERT ? TOA_DIFF_VIEW_TAG_INSERTED
                      : op->kind == TOA_DIFF_DELETE ? TOA_DIFF_VIEW_TAG_DELETED : NULL;

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (tag != NULL)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, op->text, -1, tag, NULL);
      else
        gtk_text_buffer_insert (buffer, &end, op->text, -1);
    }
}

/**
 * toa_diff_view_set_field_diffs:
 * @field_diffs: (element-type ToaFieldDiff): what toa_diff_content() or
 *   toa_store_diff_revisions() returned
 *
 * Shows @field_diffs: the changed details in a list, the body with its
 * marks. The view keeps no reference to @field_diffs.
 */
void
toa_diff_view_set_field_diffs (ToaDiffView *self,
                               GPtrArray   *field_diffs)
{
  const ToaFieldDiff *body = NULL;
  gboolean body_changed = FALSE;

  g_return_if_fail (TOA_IS_DIFF_VIEW (self));
  g_return_if_fail (field_diffs != NULL);

  clear_fields (self);
  for (guint i = 0; i < field_diffs->len; i++)
    {
      const ToaFieldDiff *diff = g_ptr_array_index (field_diffs, i);

      if (g_strcmp0 (diff->field, "body") == 0)
        {
          body = diff;
          body_changed = diff->changed;
        }
      else if (diff->changed)
        {
          gtk_list_box_append (self->fields_list, make_field_row (diff));
          self->n_field_changes++;
        }
    }
  gtk_widget_set_visible (self->fields_box, self->n_field_changes > 0);
  show_body (self, body);

  if (self->n_field_changes == 0 && !body_changed)
    gtk_label_set_label (self->summary_label, _("No changes between these revisions."));
  else if (!body_changed)
    gtk_label_set_label (self->summary_label, _("The text is unchanged; only the details above changed."));
  else
    gtk_label_set_label (self->summary_label,
                         _("Added words are underlined on green, removed words struck through on red."));
}

/* The revision's number in its article (1 for the first), as the
 * history panel shows it; its id when the list cannot be read. */
static guint
revision_number (GPtrArray *revisions,
                 gint64     revision_id)
{
  for (guint i = 0; revisions != NULL && i < revisions->len; i++)
    if (((ToaRevision *) g_ptr_array_index (revisions, i))->id == revision_id)
      return i + 1;
  return (guint) revision_id;
}

static void
show_heading (ToaDiffView *self)
{
  g_autoptr(GPtrArray) revisions = toa_store_list_revisions (self->store, self->article_id, NULL);
  guint to = revision_number (revisions, self->to_revision);
  g_autofree char *text = NULL;

  if (self->from_revision == 0)
    text = g_strdup_printf (_("Revision %u, the first one: everything is new"), to);
  else
    /* Translators: two revision numbers */
    text = g_strdup_printf (_("Changes from revision %1$u to revision %2$u"),
                            revision_number (revisions, self->from_revision), to);
  gtk_label_set_label (self->heading_label, text);
}

/**
 * toa_diff_view_compare:
 * @from_revision: the older revision, 0 to show @to_revision as all new
 * @to_revision: the newer revision
 * @error: return location for a #GError
 *
 * Shows the changes between two revisions of the view's article (see
 * toa_diff_view_set_article()). On error the view is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_diff_view_compare (ToaDiffView  *self,
                       gint64        from_revision,
                       gint64        to_revision,
                       GError      **error)
{
  g_autoptr(GPtrArray) diffs = NULL;

  g_return_val_if_fail (TOA_IS_DIFF_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  diffs = toa_store_diff_revisions (self->store, from_revision, to_revision, error);
  if (diffs == NULL)
    return FALSE;
  self->from_revision = from_revision;
  self->to_revision = to_revision;
  show_heading (self);
  toa_diff_view_set_field_diffs (self, diffs);
  return TRUE;
}

/**
 * toa_diff_view_show_default:
 * @error: return location for a #GError
 *
 * Shows what a reviewer sees first: the submitted text against the last
 * approved (or published) revision, else against the revision returned
 * last, else against the previous one.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_diff_view_show_default (ToaDiffView  *self,
                            GError      **error)
{
  gint64 from = 0, to = 0;

  g_return_val_if_fail (TOA_IS_DIFF_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!toa_store_get_default_comparison (self->store, self->article_id, &from, &to, error))
    return FALSE;
  return toa_diff_view_compare (self, from, to, error);
}

/**
 * toa_diff_view_get_from_revision:
 *
 * Returns: the older revision shown, 0 when none
 */
gint64
toa_diff_view_get_from_revision (ToaDiffView *self)
{
  g_return_val_if_fail (TOA_IS_DIFF_VIEW (self), 0);

  return self->from_revision;
}

/**
 * toa_diff_view_get_to_revision:
 *
 * Returns: the newer revision shown, 0 when none
 */
gint64
toa_diff_view_get_to_revision (ToaDiffView *self)
{
  g_return_val_if_fail (TOA_IS_DIFF_VIEW (self), 0);

  return self->to_revision;
}

/**
 * toa_diff_view_get_n_field_changes:
 *
 * Returns: how many details other than the body changed
 */
guint
toa_diff_view_get_n_field_changes (ToaDiffView *self)
{
  g_return_val_if_fail (TOA_IS_DIFF_VIEW (self), 0);

  return self->n_field_changes;
}

/**
 * toa_diff_view_get_buffer:
 *
 * Returns: (transfer none): the buffer of the body, with the
 *   %TOA_DIFF_VIEW_TAG_INSERTED and %TOA_DIFF_VIEW_TAG_DELETED tags
 */
GtkTextBuffer *
toa_diff_view_get_buffer (ToaDiffView *self)
{
  g_return_val_if_fail (TOA_IS_DIFF_VIEW (self), NULL);

  return gtk_text_view_get_buffer (self->body_view);
}

/**
 * toa_diff_view_dup_marked_runs:
 * @kind: %TOA_DIFF_INSERT or %TOA_DIFF_DELETE
 *
 * The runs of body text shown as inserted or deleted, in order: what
 * the reader sees marked.
 *
 * Returns: (transfer full): the runs
 */
GStrv
toa_diff_view_dup_marked_runs (ToaDiffView *self,
                               ToaDiffKind  kind)
{
  g_autoptr(GStrvBuilder) runs = g_strv_builder_new ();
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter, end;

  g_return_val_if_fail (TOA_IS_DIFF_VIEW (self), NULL);
  g_return_val_if_fail (kind != TOA_DIFF_EQUAL, NULL);

  buffer = gtk_text_view_get_buffer (self->body_view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                   kind == TOA_DIFF_INSERT ? TOA_DIFF_VIEW_TAG_INSERTED
                                                           : TOA_DIFF_VIEW_TAG_DELETED);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  while (!gtk_text_iter_is_end (&iter))
    {
      g_autofree char *text = NULL;

      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      text = gtk_text_iter_get_text (&iter, &end);
      g_strv_builder_add (runs, text);
      iter = end;
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
    }
  return g_strv_builder_end (runs);
}

static void
show_default_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ToaDiffView *self = TOA_DIFF_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || toa_diff_view_show_default (self, &error))
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
create_tags (ToaDiffView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GdkRGBA green_tint = { 0.18, 0.76, 0.49, 0.28 };
  GdkRGBA green = { 0.15, 0.64, 0.41, 1.0 };
  GdkRGBA red_tint = { 0.88, 0.11, 0.14, 0.22 };
  GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };

  gtk_text_buffer_create_tag (buffer, TOA_DIFF_VIEW_TAG_INSERTED,
                              "background-rgba", &green_tint,
                              "underline", PANGO_UNDERLINE_SINGLE,
                              "underline-rgba", &green,
                              NULL);
  gtk_text_buffer_create_tag (buffer, TOA_DIFF_VIEW_TAG_DELETED,
                              "background-rgba", &red_tint,
                              "strikethrough", TRUE,
                              "strikethrough-rgba", &red,
                              NULL);
}

static void
toa_diff_view_dispose (GObject *object)
{
  ToaDiffView *self = TOA_DIFF_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_DIFF_VIEW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (toa_diff_view_parent_class)->dispose (object);
}

static void
toa_diff_view_class_init (ToaDiffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_diff_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-diff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaDiffView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ToaDiffView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ToaDiffView, fields_box);
  gtk_widget_class_bind_template_child (widget_class, ToaDiffView, fields_list);
  gtk_widget_class_bind_template_child (widget_class, ToaDiffView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ToaDiffView, body_view);
  gtk_widget_class_install_action (widget_class, "diff.show-default", NULL, show_default_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
toa_diff_view_init (ToaDiffView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  create_tags (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diff.show-default", FALSE);
}
