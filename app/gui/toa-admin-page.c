/* toa-admin-page.c — offices, categories, users and the newsroom's
 * settings, for administrators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-admin-page.h"
#include "toa-store-errors.h"

struct _ToaAdminPage
{
  AdwPreferencesPage  parent_instance;

  ToaStore           *store;
  char               *login;
  char               *last_error;
  /* Office codes in the order of user_office_row's items; "" = none. */
  GPtrArray          *office_codes;
  gboolean            loading;

  GtkSwitch          *self_approval_switch;
  GtkLabel           *settings_error;
  GtkListBox         *office_list;
  AdwEntryRow        *office_code_row;
  AdwEntryRow        *office_name_row;
  GtkLabel           *office_error;
  GtkListBox         *category_list;
  AdwEntryRow        *category_name_row;
  GtkLabel           *category_error;
  GtkListBox         *user_list;
  AdwEntryRow        *user_login_row;
  AdwEntryRow        *user_name_row;
  AdwComboRow        *user_office_row;
  GtkCheckButton     *role_author_check;
  GtkCheckButton     *role_approver_check;
  GtkCheckButton     *role_leader_check;
  GtkCheckButton     *role_publisher_check;
  GtkCheckButton     *role_admin_check;
  GtkLabel           *user_error;
};

G_DEFINE_FINAL_TYPE (ToaAdminPage, toa_admin_page, ADW_TYPE_PREFERENCES_PAGE)

/**
 * toa_admin_page_new:
 * @store: the open store
 * @login: the administrator using the page; the store checks the role on
 *   every change
 *
 * Returns: (transfer full): a new page, filled from @store
 */
ToaAdminPage *
toa_admin_page_new (ToaStore   *store,
                    const char *login)
{
  ToaAdminPage *self;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (TOA_TYPE_ADMIN_PAGE, NULL);
  self->store = g_object_ref (store);
  self->login = g_strdup (login);
  toa_admin_page_reload (self);
  return self;
}

/**
 * toa_admin_page_get_error:
 *
 * Returns: (transfer none) (nullable): the message of the last failed
 *   change or load, %NULL when the last one succeeded
 */
const char *
toa_admin_page_get_error (ToaAdminPage *self)
{
  g_return_val_if_fail (TOA_IS_ADMIN_PAGE (self), NULL);

  return self->last_error;
}

/* Shows @error under the section it belongs to (or hides the label). */
static void
show_error (ToaAdminPage *self,
            GtkLabel     *label,
            const GError *error)
{
  g_clear_pointer (&self->last_error, g_free);
  if (error != NULL)
    self->last_error = toa_store_error_describe (error);
  gtk_label_set_text (label, self->last_error != NULL ? self->last_error : "");
  gtk_widget_set_visible (GTK_WIDGET (label), self->last_error != NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
append_row (GtkListBox *list,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names come from people: never parse them as Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
}

static void
load_offices (ToaAdminPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offices = toa_store_list_offices (self->store, &error);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  clear_list (self->office_list);
  g_ptr_array_set_size (self->office_codes, 0);
  if (offices == NULL)
    {
      show_error (self, self->office_error, error);
      return;
    }

  gtk_string_list_append (choices, _("No office"));
  g_ptr_array_add (self->office_codes, g_strdup (""));
  for (guint i = 0; i < offices->len; i++)
    {
      const ToaOffice *office = g_ptr_array_index (offices, i);
      /* Translators: an office in a list: its code, then its name. */
      g_autofree char *choice = g_strdup_printf (_("%s — %s"), office->code, office->name);

      append_row (self->office_list, office->name, office->code);
      gtk_string_list_append (choices, choice);
      g_ptr_array_add (self->office_codes, g_strdup (office->code));
    }
  adw_combo_row_set_model (self->user_office_row, G_LIST_MODEL (choices));
}

static void
load_categories (ToaAdminPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = toa_store_list_categories (self->store, &error);

  clear_list (self->category_list);
  if (categories == NULL)
    {
      show_error (self, self->category_error, error);
      return;
    }
  for (guint i = 0; i < categories->len; i++)
    {
      const ToaCategory *category = g_ptr_array_index (categories, i);

      append_row (self->category_list, category->name, NULL);
    }
}

/* The roles of a user, translated, for the list. */
static char *
describe_roles (ToaRoles roles)
{
  static const struct { ToaRoles role; const char *label; } names[] = {
    { TOA_ROLE_AUTHOR, N_("Author") },
    { TOA_ROLE_APPROVER, N_("Approver") },
    { TOA_ROLE_LEADER, N_("Leader") },
    { TOA_ROLE_PUBLISHER, N_("Publisher") },
    { TOA_ROLE_ADMIN, N_("Administrator") },
  };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_null_terminated (0, NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (roles & names[i].role)
      g_ptr_array_add (parts, (gpointer) _(names[i].label));
  if (parts->len == 0)
    return g_strdup (_("No role"));
  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
load_users (ToaAdminPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = toa_store_list_users (self->store, &error);

  clear_list (self->user_list);
  if (users == NULL)
    {
      show_error (self, self->user_error, error);
      return;
    }
  for (guint i = 0; i < users->len; i++)
    {
      const ToaUser *user = g_ptr_array_index (users, i);
      g_autofree char *roles = describe_roles (user->roles);
      /* Translators: a user in the list: login · office · roles. */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), user->login,
                                                   user->office != NULL ? user->office : _("No office"),
                                                   roles);

      append_row (self->user_list, user->full_name, subtitle);
    }
}

static void
load_settings (ToaAdminPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = toa_store_get_setting (self->store, "allow_self_approval", &error);

  if (error != NULL)
    {
      show_error (self, self->settings_error, error);
      return;
    }
  self->loading = TRUE;
  gtk_switch_set_active (self->self_approval_switch, g_strcmp0 (value, "1") == 0);
  self->loading = FALSE;
}

/**
 * toa_admin_page_reload:
 *
 * Reads the offices, categories, users and settings from the store again.
 */
void
toa_admin_page_reload (ToaAdminPage *self)
{
  g_return_if_fail (TOA_IS_ADMIN_PAGE (self));

  load_settings (self);
  load_offices (self);
  load_categories (self);
  load_users (self);
}

/* The text of an entry row without surrounding blanks. */
static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
add_office_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (widget);
  g_autofree char *code = entry_text (self->office_code_row);
  g_autofree char *name = entry_text (self->office_name_row);
  g_autoptr(GError) error = NULL;

  if (code[0] == '\0' || name[0] == '\0')
    g_set_error_literal (&error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                         _("Type the code and the name of the office."));
  else
    toa_store_add_office (self->store, self->login, code, name, &error);

  show_error (self, self->office_error, error);
  if (error != NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->office_code_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->office_name_row), "");
  load_offices (self);
}

static void
add_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (widget);
  g_autofree char *name = entry_text (self->category_name_row);
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0')
    g_set_error_literal (&error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                         _("Type the name of the category."));
  else
    toa_store_add_category (self->store, self->login, name, &error);

  show_error (self, self->category_error, error);
  if (error != NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->category_name_row), "");
  load_categories (self);
}

static ToaRoles
checked_roles (ToaAdminPage *self)
{
  const struct { GtkCheckButton *check; ToaRoles role; } checks[] = {
    { self->role_author_check, TOA_ROLE_AUTHOR },
    { self->role_approver_check, TOA_ROLE_APPROVER },
    { self->role_leader_check, TOA_ROLE_LEADER },
    { self->role_publisher_check, TOA_ROLE_PUBLISHER },
    { self->role_admin_check, TOA_ROLE_ADMIN },
  };
  ToaRoles roles = TOA_ROLE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (gtk_check_button_get_active (checks[i].check))
      roles |= checks[i].role;
  return roles;
}

static void
add_user_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (widget);
  g_autofree char *login = entry_text (self->user_login_row);
  g_autofree char *full_name = entry_text (self->user_name_row);
  guint position = adw_combo_row_get_selected (self->user_office_row);
  const char *office = NULL;
  g_autoptr(GError) error = NULL;

  if (position < self->office_codes->len)
    office = g_ptr_array_index (self->office_codes, position);
  if (office != NULL && office[0] == '\0')
    office = NULL;

  if (login[0] == '\0' || full_name[0] == '\0')
    g_set_error_literal (&error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                         _("Type the login and the full name of the user."));
  else
    toa_store_add_user (self->store, self->login, login, full_name, office,
                        checked_roles (self), &error);

  show_error (self, self->user_error, error);
  if (error != NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->user_login_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_name_row), "");
  load_users (self);
}

static void
on_self_approval_changed (ToaAdminPage *self)
{
  gboolean active = gtk_switch_get_active (self->self_approval_switch);
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  toa_store_set_setting (self->store, self->login, "allow_self_approval",
                         active ? "1" : "0", &error);
  show_error (self, self->settings_error, error);
  /* A refused change must not look applied. */
  if (error != NULL)
    load_settings (self);
}

/* Enter in the last text field of a form adds, like its button. */
static void
on_office_name_row_entry_activated (ToaAdminPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "admin.add-office", NULL);
}

static void
on_category_name_row_entry_activated (ToaAdminPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "admin.add-category", NULL);
}

static void
on_user_name_row_entry_activated (ToaAdminPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "admin.add-user", NULL);
}

static void
toa_admin_page_dispose (GObject *object)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TOA_TYPE_ADMIN_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (toa_admin_page_parent_class)->dispose (object);
}

static void
toa_admin_page_finalize (GObject *object)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (object);

  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->office_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (toa_admin_page_parent_class)->finalize (object);
}

static void
toa_admin_page_class_init (ToaAdminPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_admin_page_dispose;
  object_class->finalize = toa_admin_page_finalize;

  gtk_widget_class_install_action (widget_class, "admin.add-office", NULL, add_office_action);
  gtk_widget_class_install_action (widget_class, "admin.add-category", NULL, add_category_action);
  gtk_widget_class_install_action (widget_class, "admin.add-user", NULL, add_user_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-admin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, self_approval_switch);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, settings_error);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, office_list);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, office_code_row);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, office_name_row);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, office_error);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, category_list);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, category_name_row);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, category_error);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, user_list);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, user_login_row);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, user_office_row);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, role_author_check);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, role_approver_check);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, role_leader_check);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, role_publisher_check);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, role_admin_check);
  gtk_widget_class_bind_template_child (widget_class, ToaAdminPage, user_error);
  gtk_widget_class_bind_template_callback (widget_class, on_self_approval_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_office_name_row_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_category_name_row_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_user_name_row_entry_activated);
}

static void
toa_admin_page_init (ToaAdminPage *self)
{
  self->office_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
