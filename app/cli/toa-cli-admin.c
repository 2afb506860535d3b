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
  store = toa_cli_open_store (global, &error);
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
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      toa_cli_print_json (builder);
      return TOA_CLI_EXIT_OK;
    }
  for (guint i = 0; i < offices->len; i++)
    {
      ToaOffice *office = g_ptr_array_index (offices, i);

      printf ("%s\t%s\n", office->code, office->name);
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
  if (argc != 4 || !g_str_equal (argv[1], "add"))
    return toa_cli_usage_error (_("Usage: toasoan-cli office add CODE NAME | office list"));
  store = toa_cli_open_store (global, &error);
  if (store == NULL || !toa_store_add_office (store, toa_cli_actor (global), argv[2], argv[3], &error))
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
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      toa_cli_print_json (builder);
      return TOA_CLI_EXIT_OK;
    }
  for (guint i = 0; i < categories->len; i++)
    {
      ToaCategory *category = g_ptr_array_index (categories, i);

      printf ("%" G_GINT64_FORMAT "\t%s\n", category->id, category->name);
    }
  return TOA_CLI_EXIT_OK;
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
  if (argc != 3 || !g_str_equal (argv[1], "add"))
    return toa_cli_usage_error (_("Usage: toasoan-cli category add NAME | category list"));
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
          printf ("%s\t%s\t%s\t%s\n", user->login, user->full_name, user->office ? user->office : "-",
                  roles);
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

int
toa_cli_user (ToaCliGlobal  *global,
              int            argc,
              char         **argv)
{
  g_autoptr(ToaStore) store = NULL;
  GError *error = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return user_add (global, argc, argv);
  if (argc != 2 || !g_str_equal (argv[1], "list"))
    return toa_cli_usage_error (_("Usage: toasoan-cli user add LOGIN \"FULL NAME\" --office CODE --role ROLE | user list"));
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
