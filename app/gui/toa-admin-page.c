/* toa-admin-page.c — offices, categories, users and the newsroom's
 * settings, for administrators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
  GPtrArray          *offices;          /* ToaOffice, as listed */
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

/* The roles in the order the forms show them; id names the check button
 * of a user's row. */
static const struct
{
  ToaRoles    role;
  const char *label;
  const char *id;
} role_names[] = {
  { TOA_ROLE_AUTHOR, N_("Author"), "role-author" },
  { TOA_ROLE_APPROVER, N_("Approver"), "role-approver" },
  { TOA_ROLE_LEADER, N_("Leader"), "role-leader" },
  { TOA_ROLE_PUBLISHER, N_("Publisher"), "role-publisher" },
  { TOA_ROLE_ADMIN, N_("Administrator"), "role-admin" },
};

/* The fields of one user's row, kept on the row ("editor"). */
typedef struct
{
  AdwEntryRow    *name;
  AdwComboRow    *office;
  GPtrArray      *codes;               /* office code per combo item, "" = none */
  GtkCheckButton *roles[G_N_ELEMENTS (role_names)];
} UserEditor;

static void on_office_editor_apply   (GtkWidget *row);
static void on_category_editor_apply (GtkWidget *row);

static char *
office_choice (const ToaOffice *office)
{
  /* Translators: an office in a list: its code, then its name. */
  return g_strdup_printf (_("%s — %s"), office->code, office->name);
}

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

/* Each office, category and user is an expander row: its title and
 * subtitle say what it is, expanding shows the fields to change, and its
 * Retire/Restore button sits beside the title. Retired rows are dimmed,
 * marked and listed last. The row's widget name ("office-QLCN",
 * "category-3", "user-an") lets actions find their fields again. */
static GtkWidget *
make_row (const char *name,
          const char *title,
          const char *subtitle,
          gboolean    retired)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *full_subtitle = NULL;

  /* Names come from people: never parse them as Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (retired && subtitle != NULL)
    /* Translators: the subtitle of a retired office or user: what it
     * normally says, then this mark. */
    full_subtitle = g_strdup_printf (_("%s · Retired"), subtitle);
  else if (retired)
    full_subtitle = g_strdup (_("Retired"));
  else
    full_subtitle = g_strdup (subtitle);
  if (full_subtitle != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), full_subtitle);
  gtk_widget_set_name (row, name);
  if (retired)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
make_button (const char *label,
             const char *action,
             GVariant   *target,
             const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  return button;
}

/* Retire (or Restore) beside the row's title. */
static void
add_retire_button (GtkWidget  *row,
                   const char *kind,
                   GVariant   *target,
                   gboolean    retired)
{
  g_autofree char *action = g_strdup_printf ("admin.%s-%s", retired ? "restore" : "retire", kind);
  GVariant *owned = g_variant_ref_sink (target);
  GtkWidget *button = make_button (retired ? _("_Restore") : _("_Retire"), action, owned, NULL);

  g_variant_unref (owned);
  gtk_widget_set_name (button, retired ? "restore" : "retire");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
}

/* An entry row holding @text; Enter or its apply button runs @action. */
static GtkWidget *
make_name_editor (const char *title,
                  const char *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_set_name (entry, "name");
  return entry;
}

/* The direct child of @list named @name, or %NULL. */
static GtkWidget *
find_row (GtkListBox *list,
          const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
      return child;
  return NULL;
}

static void
sort_retired_last (GPtrArray *items,
                   gsize      retired_offset)
{
  g_autoptr(GPtrArray) retired = g_ptr_array_new ();
  guint kept = 0;

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = items->pdata[i];

      if (G_STRUCT_MEMBER (gboolean, item, retired_offset))
        g_ptr_array_add (retired, item);
      else
        items->pdata[kept++] = item;
    }
  for (guint i = 0; i < retired->len; i++)
    items->pdata[kept++] = retired->pdata[i];
}

static void
append_office (ToaAdminPage    *self,
               const ToaOffice *office)
{
  g_autofree char *name = g_strconcat ("office-", office->code, NULL);
  GtkWidget *row = make_row (name, office->name, office->code, office->retired);
  GtkWidget *editor = make_name_editor (_("Office Name"), office->name);

  g_object_set_data (G_OBJECT (row), "name-editor", editor);
  g_signal_connect_swapped (editor, "apply", G_CALLBACK (on_office_editor_apply), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), editor);
  add_retire_button (row, "office", g_variant_new_string (office->code), office->retired);
  gtk_list_box_append (self->office_list, row);
}

static void
load_offices (ToaAdminPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offices = toa_store_list_offices (self->store, &error);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  clear_list (self->office_list);
  g_ptr_array_set_size (self->office_codes, 0);
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  if (offices == NULL)
    {
      show_error (self, self->office_error, error);
      return;
    }

  sort_retired_last (offices, G_STRUCT_OFFSET (ToaOffice, retired));
  gtk_string_list_append (choices, _("No office"));
  g_ptr_array_add (self->office_codes, g_strdup (""));
  for (guint i = 0; i < offices->len; i++)
    {
      const ToaOffice *office = g_ptr_array_index (offices, i);
      g_autofree char *choice = NULL;

      append_office (self, office);
      /* A retired office takes no new user. */
      if (office->retired)
        continue;
      choice = office_choice (office);
      gtk_string_list_append (choices, choice);
      g_ptr_array_add (self->office_codes, g_strdup (office->code));
    }
  adw_combo_row_set_model (self->user_office_row, G_LIST_MODEL (choices));
  self->offices = g_steal_pointer (&offices);
}

static void
append_category (ToaAdminPage      *self,
                 const ToaCategory *category)
{
  g_autofree char *name = g_strdup_printf ("category-%" G_GINT64_FORMAT, category->id);
  GtkWidget *row = make_row (name, category->name, NULL, category->retired);
  GtkWidget *editor = make_name_editor (_("Category Name"), category->name);

  g_object_set_data (G_OBJECT (row), "name-editor", editor);
  g_signal_connect_swapped (editor, "apply", G_CALLBACK (on_category_editor_apply), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), editor);
  add_retire_button (row, "category", g_variant_new_int64 (category->id), category->retired);
  gtk_list_box_append (self->category_list, row);
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
  sort_retired_last (categories, G_STRUCT_OFFSET (ToaCategory, retired));
  for (guint i = 0; i < categories->len; i++)
    append_category (self, g_ptr_array_index (categories, i));
}

/* The roles of a user, translated, for the list. */
static char *
describe_roles (ToaRoles roles)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_null_terminated (0, NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (roles & role_names[i].role)
      g_ptr_array_add (parts, (gpointer) _(role_names[i].label));
  if (parts->len == 0)
    return g_strdup (_("No role"));
  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
user_editor_free (UserEditor *editor)
{
  g_ptr_array_unref (editor->codes);
  g_free (editor);
}

/* The office choices of one user: none, the offices in service, and the
 * user's own office even when it is retired (so that it stays as is). */
static GtkStringList *
user_office_choices (ToaAdminPage  *self,
                     const ToaUser *user,
                     UserEditor    *editor)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("No office"));
  g_ptr_array_add (editor->codes, g_strdup (""));
  for (guint i = 0; self->offices != NULL && i < self->offices->len; i++)
    {
      const ToaOffice *office = g_ptr_array_index (self->offices, i);
      g_autofree char *choice = NULL;

      if (office->retired && g_strcmp0 (office->code, user->office) != 0)
        continue;
      choice = office_choice (office);
      gtk_string_list_append (choices, choice);
      g_ptr_array_add (editor->codes, g_strdup (office->code));
    }
  return choices;
}

static void
add_user_fields (ToaAdminPage  *self,
                 GtkWidget     *row,
                 const ToaUser *user)
{
  UserEditor *editor = g_new0 (UserEditor, 1);
  g_autoptr(GtkStringList) choices = NULL;
  GtkWidget *save_row = adw_action_row_new ();
  g_autofree char *target = NULL;

  editor->codes = g_ptr_array_new_with_free_func (g_free);
  editor->name = ADW_ENTRY_ROW (make_name_editor (_("Full Name"), user->full_name));
  adw_entry_row_set_show_apply_button (editor->name, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (editor->name));

  editor->office = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->office), _("Office"));
  gtk_widget_set_name (GTK_WIDGET (editor->office), "office");
  choices = user_office_choices (self, user, editor);
  adw_combo_row_set_model (editor->office, G_LIST_MODEL (choices));
  for (guint i = 0; i < editor->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (editor->codes, i), user->office != NULL ? user->office : "") == 0)
      adw_combo_row_set_selected (editor->office, i);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (editor->office));

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      GtkWidget *role_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), _(role_names[i].label));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, role_names[i].id);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (user->roles & role_names[i].role) != 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (role_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (role_row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), role_row);
      editor->roles[i] = GTK_CHECK_BUTTON (check);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (save_row),
                             make_button (_("_Save Changes"), "admin.save-user",
                                          g_variant_new_string (user->login), "suggested-action"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), save_row);
  g_object_set_data_full (G_OBJECT (row), "editor", editor, (GDestroyNotify) user_editor_free);
}

static void
append_user (ToaAdminPage  *self,
             const ToaUser *user)
{
  g_autofree char *name = g_strconcat ("user-", user->login, NULL);
  g_autofree char *roles = describe_roles (user->roles);
  /* Translators: a user in the list: login · office · roles. */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), user->login,
                                               user->office != NULL ? user->office : _("No office"),
                                               roles);
  GtkWidget *row = make_row (name, user->full_name, subtitle, user->retired);

  add_user_fields (self, row, user);
  add_retire_button (row, "user", g_variant_new_string (user->login), user->retired);
  gtk_list_box_append (self->user_list, row);
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
  sort_retired_last (users, G_STRUCT_OFFSET (ToaUser, retired));
  for (guint i = 0; i < users->len; i++)
    append_user (self, g_ptr_array_index (users, i));
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

/* ---- Changing and retiring ------------------------------------------- */

/* The text of the name field of the row named @name in @list, stripped;
 * %NULL when the row is gone. */
static char *
edited_name (GtkListBox *list,
             const char *name)
{
  GtkWidget *row = find_row (list, name);
  GtkEditable *editor;

  if (row == NULL)
    return NULL;
  editor = g_object_get_data (G_OBJECT (row), "name-editor");
  return g_strstrip (g_strdup (gtk_editable_get_text (editor)));
}

static void
rename_office_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (widget);
  const char *code = g_variant_get_string (parameter, NULL);
  g_autofree char *row_name = g_strconcat ("office-", code, NULL);
  g_autofree char *name = edited_name (self->office_list, row_name);
  g_autoptr(GError) error = NULL;

  if (name == NULL)
    return;
  toa_store_update_office (self->store, self->login, code, name, &error);
  show_error (self, self->office_error, error);
  if (error != NULL)
    return;
  load_offices (self);
  load_users (self);
}

static void
retire_office_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (widget);
  g_autoptr(GError) error = NULL;

  toa_store_set_office_retired (self->store, self->login, g_variant_get_string (parameter, NULL),
                                g_str_equal (action_name, "admin.retire-office"), &error);
  show_error (self, self->office_error, error);
  if (error != NULL)
    return;
  load_offices (self);
  load_users (self);
}

static void
rename_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autofree char *row_name = g_strdup_printf ("category-%" G_GINT64_FORMAT, id);
  g_autofree char *name = edited_name (self->category_list, row_name);
  g_autoptr(GError) error = NULL;

  if (name == NULL)
    return;
  toa_store_update_category (self->store, self->login, id, name, &error);
  show_error (self, self->category_error, error);
  if (error == NULL)
    load_categories (self);
}

static void
retire_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (widget);
  g_autoptr(GError) error = NULL;

  toa_store_set_category_retired (self->store, self->login, g_variant_get_int64 (parameter),
                                  g_str_equal (action_name, "admin.retire-category"), &error);
  show_error (self, self->category_error, error);
  if (error == NULL)
    load_categories (self);
}

static ToaRoles
editor_roles (UserEditor *editor)
{
  ToaRoles roles = TOA_ROLE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (gtk_check_button_get_active (editor->roles[i]))
      roles |= role_names[i].role;
  return roles;
}

static void
save_user_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (widget);
  const char *login = g_variant_get_string (parameter, NULL);
  g_autofree char *row_name = g_strconcat ("user-", login, NULL);
  GtkWidget *row = find_row (self->user_list, row_name);
  UserEditor *editor = row != NULL ? g_object_get_data (G_OBJECT (row), "editor") : NULL;
  g_autofree char *full_name = NULL;
  const char *office = NULL;
  guint position;
  g_autoptr(GError) error = NULL;

  if (editor == NULL)
    return;
  full_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->name))));
  position = adw_combo_row_get_selected (editor->office);
  if (position < editor->codes->len)
    office = g_ptr_array_index (editor->codes, position);
  if (office != NULL && office[0] == '\0')
    office = NULL;

  toa_store_update_user (self->store, self->login, login, full_name, office, editor_roles (editor), &error);
  show_error (self, self->user_error, error);
  if (error == NULL)
    load_users (self);
}

static void
set_user_retired (ToaAdminPage *self,
                  const char   *login,
                  gboolean      retired)
{
  g_autoptr(GError) error = NULL;

  toa_store_set_user_retired (self->store, self->login, login, retired, &error);
  show_error (self, self->user_error, error);
  if (error == NULL)
    load_users (self);
}

static void
on_retire_user_response (AdwMessageDialog *dialog,
                         const char       *response,
                         ToaAdminPage     *self)
{
  const char *login = g_object_get_data (G_OBJECT (dialog), "login");

  if (g_str_equal (response, "retire"))
    set_user_retired (self, login, TRUE);
}

/* Retiring someone locks them out at once: it is asked first. Restoring
 * is harmless and happens straight away. */
static void
retire_user_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ToaAdminPage *self = TOA_ADMIN_PAGE (widget);
  const char *login = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a login. */
  body = g_strdup_printf (_("%s will no longer be able to write, approve or comment. "
                            "Their articles, approvals and comments stay as they are, "
                            "and the account can be restored later."), login);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Retire This User?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "retire", _("_Retire"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retire",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "login", g_strdup (login), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_retire_user_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_user_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_user_retired (TOA_ADMIN_PAGE (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* Enter or the apply button of a name field saves the new name. */
static void
on_office_editor_apply (GtkWidget *row)
{
  const char *code = gtk_widget_get_name (row) + strlen ("office-");

  gtk_widget_activate_action (row, "admin.rename-office", "s", code);
}

static void
on_category_editor_apply (GtkWidget *row)
{
  gint64 id = g_ascii_strtoll (gtk_widget_get_name (row) + strlen ("category-"), NULL, 10);

  gtk_widget_activate_action (row, "admin.rename-category", "x", id);
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
  g_clear_pointer (&self->offices, g_ptr_array_unref);

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
  gtk_widget_class_install_action (widget_class, "admin.rename-office", "s", rename_office_action);
  gtk_widget_class_install_action (widget_class, "admin.retire-office", "s", retire_office_action);
  gtk_widget_class_install_action (widget_class, "admin.restore-office", "s", retire_office_action);
  gtk_widget_class_install_action (widget_class, "admin.rename-category", "x", rename_category_action);
  gtk_widget_class_install_action (widget_class, "admin.retire-category", "x", retire_category_action);
  gtk_widget_class_install_action (widget_class, "admin.restore-category", "x", retire_category_action);
  gtk_widget_class_install_action (widget_class, "admin.save-user", "s", save_user_action);
  gtk_widget_class_install_action (widget_class, "admin.retire-user", "s", retire_user_action);
  gtk_widget_class_install_action (widget_class, "admin.restore-user", "s", restore_user_action);

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
