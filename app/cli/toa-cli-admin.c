/* toa-cli-admin.c — init, office, category, user, backup, check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "toa-cli-commands.h"

int
toa_cli_init (ToaCliGlobal  *global,
              int            argc,
              char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;

  if (argc != 1)
    return toa_cli_usage_error (_("“init” takes no arguments"));
  store = toa_cli_create_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, toa_store_get_path (store));
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, toa_store_get_schema_version (store));
      json_builder_end_object (builder);
      toa_cli_print_json (builder);
    }
  else
    printf (_("Database ready: %s (schema version %d)\n"), toa_store_get_path (store),
            toa_store_get_schema_version (store));
  return TOA_CLI_EXIT_OK;
}

/* Text lists end a retired row with a tab and "retired" (not
 * translated: scripts read it). */
static const char *
retired_mark (gboolean retired)
{
  return retired ? "\tretired" : "";
}

static int
office_list (ToaCliGlobal *global,
             ToaStore     *store)
{
  g_autoptr(GPtrArray) offices = NULL;
  GError *error = NULL;

  offices = toa_store_list_offices (store, &error);
  if (offices == NULL)
    return toa_cli_fail (error);
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < offices->len; i++)
        {
          ToaOffice *office = g_ptr_array_index (offices, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, office->code);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, office->name);
          json_builder_set_member_name (builder, "retired");
          json_builder_add_boolean_value (builder, office->retired);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      toa_cli_print_json (builder);
      return TOA_CLI_EXIT_OK;
    }
  for (guint i = 0; i < offices->len; i++)
    {
      ToaOffice *office = g_ptr_array_index (offices, i);

      printf ("%s\t%s%s\n", office->code, office->name, retired_mark (office->retired));
    }
  return TOA_CLI_EXIT_OK;
}

int
toa_cli_office (ToaCliGlobal  *global,
                int            argc,
                char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;

  if (argc == 2 && g_str_equal (argv[1], "list"))
    {
      store = toa_cli_open_store (global, &error);
      return store ? office_list (global, store) : toa_cli_fail (error);
    }
  if (argc == 3 && (g_str_equal (argv[1], "retire") || g_str_equal (argv[1], "restore")))
    {
      store = toa_cli_open_store (global, &error);
      if (store == NULL ||
          !toa_store_set_office_retired (store, toa_cli_actor (global), argv[2],
                                         g_str_equal (argv[1], "retire"), &error))
        return toa_cli_fail (error);
      return TOA_CLI_EXIT_OK;
    }
  if (argc != 4 || (!g_str_equal (argv[1], "add") && !g_str_equal (argv[1], "set")))
    return toa_cli_usage_error (_("Usage: toasoan-cli office add CODE NAME | office set CODE NAME | "
                                  "office retire CODE | office restore CODE | office list"));
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  if (g_str_equal (argv[1], "set")
      ? !toa_store_update_office (store, toa_cli_actor (global), argv[2], argv[3], &error)
      : !toa_store_add_office (store, toa_cli_actor (global), argv[2], argv[3], &error))
    return toa_cli_fail (error);
  return TOA_CLI_EXIT_OK;
}

static int
category_list (ToaCliGlobal *global,
               ToaStore     *store)
{
  g_autoptr(GPtrArray) categories = NULL;
  GError *error = NULL;

  categories = toa_store_list_categories (store, &error);
  if (categories == NULL)
    return toa_cli_fail (error);
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < categories->len; i++)
        {
          ToaCategory *category = g_ptr_array_index (categories, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, category->id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, category->name);
          json_builder_set_member_name (builder, "retired");
          json_builder_add_boolean_value (builder, category->retired);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      toa_cli_print_json (builder);
      return TOA_CLI_EXIT_OK;
    }
  for (guint i = 0; i < categories->len; i++)
    {
      ToaCategory *category = g_ptr_array_index (categories, i);

      printf ("%" G_GINT64_FORMAT "\t%s%s\n", category->id, category->name, retired_mark (category->retired));
    }
  return TOA_CLI_EXIT_OK;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  return g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

/* category set ID NAME | category retire ID | category restore ID */
static int
category_change (ToaCliGlobal  *global,
                 int            argc,
                 char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;
  gboolean set = g_str_equal (argv[1], "set");
  gboolean retire = g_str_equal (argv[1], "retire");
  gint64 id;
  gboolean ok;

  if (!(set ? argc == 4 : argc == 3 && (retire || g_str_equal (argv[1], "restore"))))
    return toa_cli_usage_error (_("Usage: toasoan-cli category add NAME | category set ID NAME | "
                                  "category retire ID | category restore ID | category list"));
  if (!parse_id (argv[2], &id))
    return toa_cli_usage_error (_("“%s” is not a category id (see “category list”)"), argv[2]);
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  if (set)
    ok = toa_store_update_category (store, toa_cli_actor (global), id, argv[3], &error);
  else
    ok = toa_store_set_category_retired (store, toa_cli_actor (global), id, retire, &error);
  return ok ? TOA_CLI_EXIT_OK : toa_cli_fail (error);
}

int
toa_cli_category (ToaCliGlobal  *global,
                  int            argc,
                  char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;
  gint64 id;

  if (argc == 2 && g_str_equal (argv[1], "list"))
    {
      store = toa_cli_open_store (global, &error);
      return store ? category_list (global, store) : toa_cli_fail (error);
    }
  if (argc >= 3 && !g_str_equal (argv[1], "add"))
    return category_change (global, argc, argv);
  if (argc != 3)
    return toa_cli_usage_error (_("Usage: toasoan-cli category add NAME | category set ID NAME | "
                                  "category retire ID | category restore ID | category list"));
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  id = toa_store_add_category (store, toa_cli_actor (global), argv[2], &error);
  if (id == 0)
    return toa_cli_fail (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return TOA_CLI_EXIT_OK;
}

static int
user_list (ToaCliGlobal *global,
           ToaStore     *store)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *error = NULL;

  users = toa_store_list_users (store, &error);
  if (users == NULL)
    return toa_cli_fail (error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < users->len; i++)
    {
      ToaUser *user = g_ptr_array_index (users, i);
      g_autofree char *roles = toa_roles_to_string (user->roles);

      if (!global->json)
        {
          printf ("%s\t%s\t%s\t%s%s\n", user->login, user->full_name, user->office ? user->office : "-",
                  roles, retired_mark (user->retired));
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "login");
      json_builder_add_string_value (builder, user->login);
      json_builder_set_member_name (builder, "full_name");
      json_builder_add_string_value (builder, user->full_name);
      json_builder_set_member_name (builder, "office");
      if (user->office != NULL)
        json_builder_add_string_value (builder, user->office);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_array (builder);
      for (ToaRoles role = TOA_ROLE_AUTHOR; role <= TOA_ROLE_ADMIN; role <<= 1)
        if (user->roles & role)
          json_builder_add_string_value (builder, toa_role_to_string (role));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "retired");
      json_builder_add_boolean_value (builder, user->retired);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (global->json)
    toa_cli_print_json (builder);
  return TOA_CLI_EXIT_OK;
}

static int
user_add (ToaCliGlobal  *global,
          int            argc,
          char         **argv)
{
  g_autofree char *office = NULL;
  g_auto(GStrv) role_names = NULL;
  g_autoptr(ToaStore) store = NULL;
  GOptionEntry entries[] = {
    { "office", 0, 0, G_OPTION_ARG_STRING, &office, N_("Office code"), "CODE" },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &role_names, N_("A role (repeat for several)"), "ROLE" },
    { NULL }
  };
  ToaRoles roles = TOA_ROLE_NONE;
  GError *error = NULL;
  int status;

  if (!toa_cli_parse ("add LOGIN \"FULL NAME\"", entries, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return toa_cli_usage_error (_("Usage: toasoan-cli user add LOGIN \"FULL NAME\" --office CODE --role ROLE [--role ROLE…]"));
  for (guint i = 0; role_names != NULL && role_names[i] != NULL; i++)
    {
      ToaRoles role = toa_role_from_string (role_names[i]);

      if (role == TOA_ROLE_NONE)
        return toa_cli_usage_error (_("Unknown role “%s” (use author, approver, leader, publisher or admin)"),
                                    role_names[i]);
      roles |= role;
    }
  store = toa_cli_open_store (global, &error);
  if (store == NULL ||
      !toa_store_add_user (store, toa_cli_actor (global), argv[2], argv[3], office, roles, &error))
    return toa_cli_fail (error);
  return TOA_CLI_EXIT_OK;
}

static gboolean
parse_roles (GStrv     names,
             ToaRoles *roles,
             int      *status)
{
  *roles = TOA_ROLE_NONE;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      ToaRoles role = toa_role_from_string (names[i]);

      if (role == TOA_ROLE_NONE)
        {
          *status = toa_cli_usage_error (_("Unknown role “%s” (use author, approver, leader, publisher or admin)"),
                                         names[i]);
          return FALSE;
        }
      *roles |= role;
    }
  return TRUE;
}

/* user set LOGIN [--name N] [--office CODE | --no-office] [--role R…]:
 * what is not given stays as it is. */
static int
user_set (ToaCliGlobal  *global,
          int            argc,
          char         **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *office = NULL;
  g_auto(GStrv) role_names = NULL;
  gboolean no_office = FALSE;
  g_autoptr(ToaStore) store = NULL;
  g_autoptr(ToaUser) user = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New full name"), "NAME" },
    { "office", 0, 0, G_OPTION_ARG_STRING, &office, N_("Office code"), "CODE" },
    { "no-office", 0, 0, G_OPTION_ARG_NONE, &no_office, N_("Belongs to no office"), NULL },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &role_names, N_("The roles, all of them (repeat for several)"), "ROLE" },
    { NULL }
  };
  ToaRoles roles = TOA_ROLE_NONE;
  GError *error = NULL;
  int status;

  if (!toa_cli_parse ("set LOGIN", entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || (office != NULL && no_office))
    return toa_cli_usage_error (_("Usage: toasoan-cli user set LOGIN [--name NAME] [--office CODE | --no-office] [--role ROLE…]"));
  if (!parse_roles (role_names, &roles, &status))
    return status;
  store = toa_cli_open_store (global, &error);
  if (store != NULL)
    user = toa_store_get_user (store, argv[2], &error);
  if (user == NULL ||
      !toa_store_update_user (store, toa_cli_actor (global), user->login,
                              name != NULL ? name : user->full_name,
                              no_office ? NULL : office != NULL ? office : user->office,
                              role_names != NULL ? roles : user->roles, &error))
    return toa_cli_fail (error);
  return TOA_CLI_EXIT_OK;
}

static int
user_retire (ToaCliGlobal  *global,
             int            argc,
             char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;

  if (argc != 3)
    return toa_cli_usage_error (_("Usage: toasoan-cli user retire LOGIN | user restore LOGIN"));
  store = toa_cli_open_store (global, &error);
  if (store == NULL ||
      !toa_store_set_user_retired (store, toa_cli_actor (global), argv[2],
                                   g_str_equal (argv[1], "retire"), &error))
    return toa_cli_fail (error);
  return TOA_CLI_EXIT_OK;
}

int
toa_cli_user (ToaCliGlobal  *global,
              int            argc,
              char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return user_add (global, argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return user_set (global, argc, argv);
  if (argc >= 2 && (g_str_equal (argv[1], "retire") || g_str_equal (argv[1], "restore")))
    return user_retire (global, argc, argv);
  if (argc != 2 || !g_str_equal (argv[1], "list"))
    return toa_cli_usage_error (_("Usage: toasoan-cli user add LOGIN \"FULL NAME\" --office CODE --role ROLE | "
                                  "user set LOGIN [--name NAME] [--office CODE] [--role ROLE…] | "
                                  "user retire LOGIN | user restore LOGIN | user list"));
  store = toa_cli_open_store (global, &error);
  return store ? user_list (global, store) : toa_cli_fail (error);
}

int
toa_cli_backup (ToaCliGlobal  *global,
                int            argc,
                char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;

  if (argc != 2)
    return toa_cli_usage_error (_("Usage: toasoan-cli backup DEST"));
  store = toa_cli_open_store (global, &error);
  if (store == NULL || !toa_store_backup (store, argv[1], &error))
    return toa_cli_fail (error);
  return TOA_CLI_EXIT_OK;
}

int
toa_cli_check (ToaCliGlobal  *global,
               int            argc,
               char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  g_autofree char *report = NULL;
  GError *error = NULL;
  gboolean ok;

  if (argc != 1)
    return toa_cli_usage_error (_("“check” takes no arguments"));
  store = toa_cli_open_store (global, &error);
  if (store == NULL)
    return toa_cli_fail (error);
  ok = toa_store_check (store, &report, &error);
  if (report == NULL)
    return toa_cli_fail (error);
  if (global->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "integrity");
      json_builder_add_string_value (builder, report);
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, toa_store_get_schema_version (store));
      json_builder_end_object (builder);
      toa_cli_print_json (builder);
    }
  else
    {
      printf (_("Integrity: %s\n"), report);
      printf (_("Schema version: %d\n"), toa_store_get_schema_version (store));
    }
  if (!ok)
    return toa_cli_fail (error);
  return TOA_CLI_EXIT_OK;
}
