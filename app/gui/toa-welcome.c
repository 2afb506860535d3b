/* toa-welcome.c — the first run: demo content or the first office
 *
 * Shown while the database has no user. Either choice ends with
 * ::configured, after which the window shows the desk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-demo.h"
#include "toa-store-errors.h"
#include "toa-welcome.h"

struct _ToaWelcome
{
  GtkWidget    parent_instance;

  ToaStore    *store;
  char        *login;

  GtkStack    *stack;
  GtkLabel    *choose_error_label;
  GtkLabel    *setup_intro_label;
  GtkLabel    *setup_error_label;
  AdwEntryRow *office_code_row;
  AdwEntryRow *office_name_row;
  AdwEntryRow *full_name_row;
};

G_DEFINE_FINAL_TYPE (ToaWelcome, toa_welcome, GTK_TYPE_WIDGET)

enum {
  CONFIGURED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * toa_welcome_new:
 * @store: (nullable): the store to set up
 * @login: who sets it up (becomes its administrator)
 *
 * Returns: (transfer floating): a new welcome page
 */
GtkWidget *
toa_welcome_new (ToaStore   *store,
                 const char *login)
{
  ToaWelcome *self;

  g_return_val_if_fail (store == NULL || TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_WELCOME, NULL);
  g_free (self->login);
  self->login = g_strdup (login);
  toa_welcome_set_store (self, store);
  return GTK_WIDGET (self);
}

/**
 * toa_welcome_set_store:
 * @store: (nullable): the store to set up
 */
void
toa_welcome_set_store (ToaWelcome *self,
                       ToaStore   *store)
{
  g_autofree char *intro = NULL;

  g_return_if_fail (TOA_IS_WELCOME (self));
  g_return_if_fail (store == NULL || TOA_IS_STORE (store));

  g_set_object (&self->store, store);
  gtk_stack_set_visible_child_name (self->stack, "choose");
  gtk_widget_set_visible (GTK_WIDGET (self->choose_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->setup_error_label), FALSE);

  /* Translators: %s is the computer login, e.g. "nguyen.do". */
  intro = g_strdup_printf (_("You will be the administrator of this database, signed in as “%s”. "
                             "You can add more offices and colleagues later."), self->login);
  gtk_label_set_label (self->setup_intro_label, intro);
}

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  g_autofree char *message = toa_store_error_describe (error);

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
load_demo (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ToaWelcome *self = TOA_WELCOME (widget);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->store != NULL);

  if (!toa_demo_load (self->store, self->login, &error))
    {
      show_error (self->choose_error_label, error);
      return;
    }
  g_signal_emit (self, signals[CONFIGURED], 0);
}

static void
show_setup (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ToaWelcome *self = TOA_WELCOME (widget);
  const char *real_name = g_get_real_name ();

  if (gtk_editable_get_text (GTK_EDITABLE (self->full_name_row))[0] == '\0' &&
      real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->full_name_row), real_name);

  gtk_stack_set_visible_child_name (self->stack, "setup");
  gtk_widget_grab_focus (GTK_WIDGET (self->office_code_row));
}

static void
show_choices (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ToaWelcome *self = TOA_WELCOME (widget);

  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
create_office (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ToaWelcome *self = TOA_WELCOME (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = entry_text (self->office_code_row);
  g_autofree char *name = entry_text (self->office_name_row);
  g_autofree char *full_name = entry_text (self->full_name_row);
  g_autofree char *upper_code = g_utf8_strup (code, -1);

  g_return_if_fail (self->store != NULL);

  if (code[0] == '\0' || name[0] == '\0' || full_name[0] == '\0')
    {
      gtk_label_set_label (self->setup_error_label,
                           _("Fill in the office code, the office name and your full name."));
      gtk_widget_set_visible (GTK_WIDGET (self->setup_error_label), TRUE);
      return;
    }

  if (!toa_setup_first_office (self->store, upper_code, name, self->login, full_name, &error))
    {
      show_error (self->setup_error_label, error);
      return;
    }
  g_signal_emit (self, signals[CONFIGURED], 0);
}

static void
toa_welcome_dispose (GObject *object)
{
  ToaWelcome *self = TOA_WELCOME (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_WELCOME);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (toa_welcome_parent_class)->dispose (object);
}

static void
toa_welcome_finalize (GObject *object)
{
  ToaWelcome *self = TOA_WELCOME (object);

  g_free (self->login);

  G_OBJECT_CLASS (toa_welcome_parent_class)->finalize (object);
}

static void
toa_welcome_class_init (ToaWelcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_welcome_dispose;
  object_class->finalize = toa_welcome_finalize;

  /**
   * ToaWelcome::configured:
   *
   * The database now has users: demo content or a first office.
   */
  signals[CONFIGURED] = g_signal_new ("configured",
                                      G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaWelcome, stack);
  gtk_widget_class_bind_template_child (widget_class, ToaWelcome, choose_error_label);
  gtk_widget_class_bind_template_child (widget_class, ToaWelcome, setup_intro_label);
  gtk_widget_class_bind_template_child (widget_class, ToaWelcome, setup_error_label);
  gtk_widget_class_bind_template_child (widget_class, ToaWelcome, office_code_row);
  gtk_widget_class_bind_template_child (widget_class, ToaWelcome, office_name_row);
  gtk_widget_class_bind_template_child (widget_class, ToaWelcome, full_name_row);

  gtk_widget_class_install_action (widget_class, "welcome.load-demo", NULL, load_demo);
  gtk_widget_class_install_action (widget_class, "welcome.show-setup", NULL, show_setup);
  gtk_widget_class_install_action (widget_class, "welcome.show-choices", NULL, show_choices);
  gtk_widget_class_install_action (widget_class, "welcome.create-office", NULL, create_office);
}

static void
toa_welcome_init (ToaWelcome *self)
{
  self->login = g_strdup (g_get_user_name ());
  gtk_widget_init_template (GTK_WIDGET (self));
}
