/* toa-workflow-bar.c — the status line and workflow buttons under the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar only shows: its buttons activate "editor.transition" with the
 * action's name, so the editor (or a test) decides what happens, and it
 * offers exactly the actions the core permits this user.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-format.h"
#include "toa-workflow.h"
#include "toa-workflow-bar.h"

struct _ToaWorkflowBar
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *status_label;
  GtkLabel  *comments_label;
  GtkBox    *actions_box;
};

G_DEFINE_FINAL_TYPE (ToaWorkflowBar, toa_workflow_bar, GTK_TYPE_WIDGET)

/**
 * toa_workflow_bar_new:
 *
 * Returns: (transfer floating): a new, empty workflow bar
 */
GtkWidget *
toa_workflow_bar_new (void)
{
  return g_object_new (TOA_TYPE_WORKFLOW_BAR, NULL);
}

/* "09:12" today, "09:12 20/11/2026" on another day: the bar is read at a
 * glance, and most transitions it shows happened today. */
static char *
format_when (gint64 when)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (when / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (then == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (then) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (now))
    return g_date_time_format (then, "%H:%M");
  return toa_format_date_time (when);
}

/* One literal format per action, so that the compiler checks each
 * translation's arguments. */
static char *
describe_who (const char *action,
              const char *name,
              const char *time)
{
  /* Translators: in all these, "%1$s" is a person, "%2$s" a time ("09:12") */
  if (g_strcmp0 (action, "create") == 0)
    return g_strdup_printf (_("created by %1$s at %2$s"), name, time);
  if (g_strcmp0 (action, "submit") == 0)
    return g_strdup_printf (_("submitted by %1$s at %2$s"), name, time);
  if (g_strcmp0 (action, "withdraw") == 0)
    return g_strdup_printf (_("withdrawn by %1$s at %2$s"), name, time);
  if (g_strcmp0 (action, "return") == 0)
    return g_strdup_printf (_("returned by %1$s at %2$s"), name, time);
  if (g_strcmp0 (action, "approve") == 0)
    return g_strdup_printf (_("approved by %1$s at %2$s"), name, time);
  if (g_strcmp0 (action, "void") == 0)
    return g_strdup_printf (_("approval voided by an edit of %1$s at %2$s"), name, time);
  if (g_strcmp0 (action, "publish") == 0)
    return g_strdup_printf (_("published by %1$s at %2$s"), name, time);
  if (g_strcmp0 (action, "unpublish") == 0)
    return g_strdup_printf (_("unpublished by %1$s at %2$s"), name, time);
  if (g_strcmp0 (action, "restore") == 0)
    return g_strdup_printf (_("restored by %1$s at %2$s"), name, time);
  return g_strdup_printf (_("changed by %1$s at %2$s"), name, time);
}

static void
clear_buttons (ToaWorkflowBar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box))) != NULL)
    gtk_box_remove (self->actions_box, child);
}

static gboolean
is_forward_action (const char *action)
{
  return g_strcmp0 (action, "submit") == 0 ||
         g_strcmp0 (action, "approve") == 0 ||
         g_strcmp0 (action, "publish") == 0;
}

static GtkWidget *
make_button (const char *action)
{
  const char *label = toa_workflow_action_get_label (action);
  GtkWidget *button = gtk_button_new_with_label (label != NULL ? label : action);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.transition");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", action);
  gtk_widget_set_name (button, action);
  if (is_forward_action (action))
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

/**
 * toa_workflow_bar_update:
 * @status: the article's status
 * @last_action: (nullable): the latest transition ("submit"), if any
 * @actor_name: (nullable): who made it, as shown to people
 * @when: when, in µs since the epoch
 * @permitted: (nullable) (array zero-terminated=1): the actions the core
 *   permits the current user, one button each
 */
void
toa_workflow_bar_update (ToaWorkflowBar     *self,
                         ToaArticleStatus    status,
                         const char         *last_action,
                         const char         *actor_name,
                         gint64              when,
                         const char * const *permitted)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TOA_IS_WORKFLOW_BAR (self));

  if (last_action != NULL && actor_name != NULL)
    {
      g_autofree char *time = format_when (when);
      g_autofree char *who = describe_who (last_action, actor_name, time);

      text = g_strdup_printf ("%s · %s", toa_article_status_get_label (status), who);
    }
  else
    {
      text = g_strdup (toa_article_status_get_label (status));
    }
  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), text);

  clear_buttons (self);
  for (guint i = 0; permitted != NULL && permitted[i] != NULL; i++)
    gtk_box_append (self->actions_box, make_button (permitted[i]));
}

/**
 * toa_workflow_bar_clear:
 *
 * Shows the state of an article that was never saved: no actions.
 */
void
toa_workflow_bar_clear (ToaWorkflowBar *self)
{
  g_return_if_fail (TOA_IS_WORKFLOW_BAR (self));

  gtk_label_set_label (self->status_label, _("New article, not saved yet"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), NULL);
  toa_workflow_bar_set_unresolved (self, 0);
  clear_buttons (self);
}

/**
 * toa_workflow_bar_get_status_text:
 *
 * Returns: (transfer none): the status line as shown
 */
const char *
toa_workflow_bar_get_status_text (ToaWorkflowBar *self)
{
  g_return_val_if_fail (TOA_IS_WORKFLOW_BAR (self), NULL);

  return gtk_label_get_label (self->status_label);
}

/**
 * toa_workflow_bar_get_button:
 * @action: a workflow action name ("submit")
 *
 * Returns: (transfer none) (nullable): the button of @action, or %NULL
 *   when the action is not offered
 */
GtkWidget *
toa_workflow_bar_get_button (ToaWorkflowBar *self,
                             const char     *action)
{
  g_return_val_if_fail (TOA_IS_WORKFLOW_BAR (self), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), action) == 0)
      return child;
  return NULL;
}

/**
 * toa_workflow_bar_set_unresolved:
 * @count: the article's unresolved comments
 *
 * Shows "2 unresolved comments" beside the status, or nothing for 0:
 * unresolved comments block approval, so both sides should see them.
 */
void
toa_workflow_bar_set_unresolved (ToaWorkflowBar *self,
                                 guint           count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TOA_IS_WORKFLOW_BAR (self));

  if (count > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unresolved comment",
                                         "%u unresolved comments", count), count);
  gtk_label_set_label (self->comments_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->comments_label), count > 0);
}

/**
 * toa_workflow_bar_get_unresolved_text:
 *
 * Returns: (transfer none): the unresolved-comments text as shown, "" when hidden
 */
const char *
toa_workflow_bar_get_unresolved_text (ToaWorkflowBar *self)
{
  g_return_val_if_fail (TOA_IS_WORKFLOW_BAR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->comments_label)))
    return "";
  return gtk_label_get_label (self->comments_label);
}

static void
toa_workflow_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TOA_TYPE_WORKFLOW_BAR);
  G_OBJECT_CLASS (toa_workflow_bar_parent_class)->dispose (object);
}

static void
toa_workflow_bar_class_init (ToaWorkflowBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_workflow_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-workflow-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaWorkflowBar, box);
  gtk_widget_class_bind_template_child (widget_class, ToaWorkflowBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, ToaWorkflowBar, comments_label);
  gtk_widget_class_bind_template_child (widget_class, ToaWorkflowBar, actions_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
toa_workflow_bar_init (ToaWorkflowBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
