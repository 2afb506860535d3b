/* toa-demo.c — demo content and first-run set-up
 *
 * The demo is plain data (users.json, articles.json) compiled into the core
 * GResource. Loading it goes through the store's public API only, and each
 * article reaches its status through the real workflow, so that the demo
 * database looks exactly like one people built by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "toa-demo.h"
#include "toa-store-private.h"
#include "toa-store-media.h"

G_DEFINE_QUARK (toa-demo-error-quark, toa_demo_error)

static JsonNode *
read_json (const char  *base_uri,
           const char  *name,
           GError     **error)
{
  g_autofree char *uri = g_strconcat (base_uri, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data;

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, TOA_DEMO_ERROR, TOA_DEMO_ERROR_MISSING,
                   _("The demo content is missing (%s): %s"), name, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, TOA_DEMO_ERROR, TOA_DEMO_ERROR_INVALID,
                   _("The demo file %s is not valid JSON: %s"), name, local_error->message);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
invalid (GError     **error,
         const char  *file,
         const char  *what)
{
  g_set_error (error, TOA_DEMO_ERROR, TOA_DEMO_ERROR_INVALID,
               _("The demo file %s is not as expected: %s"), file, what);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static ToaRoles
parse_roles (JsonArray *roles)
{
  ToaRoles result = TOA_ROLE_NONE;

  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    {
      const char *name = json_array_get_string_element (roles, i);

      if (name != NULL)
        result |= toa_role_from_string (name);
    }
  return result;
}

static gboolean
add_offices (ToaStore    *store,
             JsonObject  *root,
             GError     **error)
{
  JsonArray *offices = member_array (root, "offices");

  if (offices == NULL)
    return invalid (error, "users.json", "offices");

  for (guint i = 0; i < json_array_get_length (offices); i++)
    {
      JsonObject *office = json_array_get_object_element (offices, i);
      const char *code = office ? member_string (office, "code") : NULL;
      const char *name = office ? member_string (office, "name") : NULL;

      if (code == NULL || name == NULL)
        return invalid (error, "users.json", "offices[].code/name");
      if (!toa_store_add_office (store, NULL, code, name, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_categories (ToaStore    *store,
                const char  *admin,
                JsonObject  *root,
                GError     **error)
{
  JsonArray *categories = member_array (root, "categories");

  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    {
      const char *name = json_array_get_string_element (categories, i);

      if (name == NULL)
        return invalid (error, "users.json", "categories[]");
      if (toa_store_add_category (store, admin, name, error) <= 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_one_user (ToaStore    *store,
              const char  *admin,
              JsonObject  *user,
              GError     **error)
{
  const char *login = member_string (user, "login");
  const char *full_name = member_string (user, "full_name");

  if (full_name == NULL)
    full_name = member_string (user, "name");
  if (login == NULL || full_name == NULL)
    return invalid (error, "users.json", "users[].login/name");

  return toa_store_add_user (store, admin, login, full_name,
                             member_string (user, "office"),
                             parse_roles (member_array (user, "roles")), error);
}

/* The store makes the first user the administrator, who then adds the
 * others: so the demo's administrator goes first whatever the file order. */
static gboolean
add_users (ToaStore    *store,
           JsonObject  *root,
           char       **admin,
           GError     **error)
{
  JsonArray *users = member_array (root, "users");
  guint n;
  guint first = 0;

  if (users == NULL || json_array_get_length (users) == 0)
    return invalid (error, "users.json", "users");
  n = json_array_get_length (users);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);

      if (user != NULL && (parse_roles (member_array (user, "roles")) & TOA_ROLE_ADMIN) != 0)
        {
          first = i;
          break;
        }
    }

  for (guint k = 0; k < n; k++)
    {
      guint i = (first + k) % n;
      JsonObject *user = json_array_get_object_element (users, i);

      if (user == NULL)
        return invalid (error, "users.json", "users[{…}]");
      if (!add_one_user (store, *admin, user, error))
        return FALSE;
      if (*admin == NULL)
        *admin = g_strdup (member_string (user, "login"));
    }
  return TRUE;
}

/* Categories named by users.json, then any article names that is new. */
static gboolean
add_article_categories (ToaStore    *store,
                        const char  *admin,
                        JsonArray   *articles,
                        GError     **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) existing = toa_store_list_categories (store, error);

  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    g_hash_table_add (known, g_strdup (((ToaCategory *) g_ptr_array_index (existing, i))->name));

  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *article = json_array_get_object_element (articles, i);
      const char *name = article ? member_string (article, "category") : NULL;

      if (name == NULL || g_hash_table_contains (known, name))
        continue;
      if (toa_store_add_category (store, admin, name, error) <= 0)
        return FALSE;
      g_hash_table_add (known, g_strdup (name));
    }
  return TRUE;
}

/* Adds @login (the person running the demo) as an author and approver of
 * the first office, so that every view of the window has something in it. */
static gboolean
add_demo_viewer (ToaStore    *store,
                 const char  *admin,
                 const char  *login,
                 GError     **error)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(ToaUser) existing = NULL;
  const char *real_name = g_get_real_name ();
  const ToaOffice *office;

  existing = toa_store_get_user (store, login, NULL);
  if (existing != NULL)
    return TRUE;

  offices = toa_store_list_offices (store, error);
  if (offices == NULL)
    return FALSE;
  if (offices->len == 0)
    return invalid (error, "users.json", "offices");
  office = g_ptr_array_index (offices, 0);

  if (real_name == NULL || real_name[0] == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = login;
  return toa_store_add_user (store, admin, login, real_name, office->code,
                             TOA_ROLE_AUTHOR | TOA_ROLE_APPROVER, error);
}

static gboolean
user_is_in_office (const ToaUser *user,
                   const char    *office)
{
  return g_strcmp0 (user->office, office) == 0;
}

/* Someone other than @not_login who holds one of @roles (in @office when
 * @office_roles holds the role). */
static const char *
find_actor (GPtrArray  *users,
            ToaRoles    office_roles,
            ToaRoles    any_office_roles,
            const char *office,
            const char *not_login)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < users->len; i++)
        {
          const ToaUser *user = g_ptr_array_index (users, i);

          if (g_strcmp0 (user->login, not_login) == 0)
            continue;
          if (pass == 0 && (user->roles & office_roles) != 0 && user_is_in_office (user, office))
            return user->login;
          if (pass == 1 && (user->roles & any_office_roles) != 0)
            return user->login;
        }
    }
  return NULL;
}

/* The default path from draft to @status: each step's action and actor. */
/* The default path from draft to @status, each step taken by someone the
 * workflow allows. @comment goes with the last step (a draft's becomes a
 * comment on the article). */
static gboolean
drive_to_status (ToaStore          *store,
                 GPtrArray         *users,
                 gint64             id,
                 const char        *office,
                 const char        *author,
                 ToaArticleStatus   status,
                 const char        *comment,
                 GError           **error)
{
  const char *actor;

  if (status == TOA_ARTICLE_STATUS_DRAFT)
    return comment == NULL || toa_store_add_comment (store, id, author, comment, error) > 0;

  if (!toa_store_transition (store, id, "submit", author,
                             status == TOA_ARTICLE_STATUS_SUBMITTED ? comment : NULL, error))
    return FALSE;
  if (status == TOA_ARTICLE_STATUS_SUBMITTED)
    return TRUE;

  actor = find_actor (users, TOA_ROLE_APPROVER, TOA_ROLE_LEADER, office, author);
  if (actor == NULL)
    return invalid (error, "users.json", "no approver for an approved article");
  if (!toa_store_transition (store, id, "approve", actor,
                             status == TOA_ARTICLE_STATUS_APPROVED ? comment : NULL, error))
    return FALSE;
  if (status == TOA_ARTICLE_STATUS_APPROVED)
    return TRUE;

  actor = find_actor (users, TOA_ROLE_NONE, TOA_ROLE_PUBLISHER | TOA_ROLE_LEADER, office, NULL);
  if (actor == NULL)
    return invalid (error, "users.json", "no publisher for a published article");
  if (!toa_store_transition (store, id, "publish", actor,
                             status == TOA_ARTICLE_STATUS_PUBLISHED ? comment : NULL, error))
    return FALSE;
  if (status == TOA_ARTICLE_STATUS_PUBLISHED)
    return TRUE;

  /* Taking an article down needs a reason. */
  return toa_store_transition (store, id, "unpublish", actor,
                               comment != NULL ? comment : _("Taken down: the event is over."),
                               error);
}

/* An explicit history: [{"action": "submit", "by": "login", "comment": …}]. */
static gboolean
replay_history (ToaStore    *store,
                gint64       id,
                JsonArray   *history,
                GError     **error)
{
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *step = json_array_get_object_element (history, i);
      const char *action = step ? member_string (step, "action") : NULL;
      const char *by = step ? member_string (step, "by") : NULL;

      if (action == NULL || by == NULL)
        return invalid (error, "articles.json", "history[].action/by");
      if (!toa_store_transition (store, id, action, by, member_string (step, "comment"), error))
        return FALSE;
    }
  return TRUE;
}

static char *
body_of (JsonObject *article)
{
  const char *body = member_string (article, "body");
  JsonArray *paragraphs = member_array (article, "paragraphs");
  GString *out;

  if (body != NULL)
    return g_strdup (body);
  if (paragraphs == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (paragraphs); i++)
    {
      const char *text = json_array_get_string_element (paragraphs, i);
      g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

      g_string_append_printf (out, "<p>%s</p>", escaped);
    }
  return g_string_free (out, FALSE);
}

static ToaArticleContent *
content_of (JsonObject *article)
{
  ToaArticleContent *content = toa_article_content_new ();
  JsonArray *tags = member_array (article, "tags");

  content->title = g_strdup (member_string (article, "title"));
  content->lead = g_strdup (member_string (article, "lead"));
  content->body = body_of (article);
  content->byline = g_strdup (member_string (article, "byline"));
  content->category = g_strdup (member_string (article, "category"));
  content->event_date = g_strdup (member_string (article, "event_date"));
  content->display_date = g_strdup (member_string (article, "display_date"));
  if (tags != NULL)
    {
      guint n = json_array_get_length (tags);

      content->tags = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        content->tags[i] = g_strdup (json_array_get_string_element (tags, i));
    }
  return content;
}

static char *
figure_of (gint64      media_id,
           const char *caption)
{
  g_autofree char *escaped = g_markup_escape_text (caption != NULL ? caption : "", -1);

  return g_strdup_printf ("<figure><img src=\"media:%" G_GINT64_FORMAT "\" alt=\"%s\"/>"
                          "<figcaption>%s</figcaption></figure>",
                          media_id, escaped, escaped);
}

/* Inserts @figure after the @after-th paragraph of @body (at the end when
 * there are fewer). */
static void
insert_figure (GString    *body,
               const char *figure,
               guint       after)
{
  const char *cursor = body->str;

  for (guint i = 0; i < after; i++)
    {
      const char *end = strstr (cursor, "</p>");

      if (end == NULL)
        {
          cursor = NULL;
          break;
        }
      cursor = end + strlen ("</p>");
    }
  if (cursor == NULL)
    g_string_append (body, figure);
  else
    g_string_insert (body, cursor - body->str, figure);
}

/* "captions": [{"photo": "nha-may.png", "text": "…"}]: the photos go into
 * the store as the article's media, and a second revision places them as
 * figures with their captions (after the first paragraph, then every
 * second one), as an author adding pictures to a draft would. */
static gboolean
add_photos (ToaStore           *store,
            const char         *base_uri,
            gint64              id,
            JsonArray          *captions,
            const char         *author,
            ToaArticleContent  *content,
            GError            **error)
{
  g_autoptr(GString) body = g_string_new (content->body);
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(ToaArticleContent) with_photos = NULL;

  for (guint i = 0; i < json_array_get_length (captions); i++)
    {
      JsonObject *caption = json_array_get_object_element (captions, i);
      const char *photo = caption ? member_string (caption, "photo") : NULL;
      g_autofree char *uri = NULL;
      g_autofree char *figure = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 media_id;

      if (photo == NULL || strchr (photo, '/') != NULL)
        return invalid (error, "articles.json", "captions[].photo");

      uri = g_strconcat (base_uri, "photos/", photo, NULL);
      file = g_file_new_for_uri (uri);
      bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
      if (bytes == NULL)
        {
          g_set_error (error, TOA_DEMO_ERROR, TOA_DEMO_ERROR_MISSING,
                       _("The demo content is missing (%s): %s"), photo, local_error->message);
          return FALSE;
        }

      media_id = toa_store_add_media (store, id, bytes, error);
      if (media_id <= 0)
        return FALSE;
      figure = figure_of (media_id, member_string (caption, "text"));
      insert_figure (body, figure, 1 + 2 * i);
    }

  article = toa_store_get_article (store, id, error);
  if (article == NULL)
    return FALSE;
  with_photos = toa_article_content_copy (content);
  g_free (with_photos->body);
  with_photos->body = g_strdup (body->str);
  return toa_store_save_revision (store, id, article->version, with_photos, author, NULL, error);
}

/* The times a demo article's rows are given: its event day at 15:00 for
 * the first draft, then each later row of its history some hours after
 * the one before, so that lists say "3 tuần trước" and the statistics
 * have months and waiting times to show. Never later than now. */
static gint64
demo_base_time (const char *event_date)
{
  int year = 0, month = 0, day = 0;
  g_autoptr(GDateTime) when = NULL;

  if (event_date == NULL || sscanf (event_date, "%d-%d-%d", &year, &month, &day) != 3)
    return 0;
  when = g_date_time_new_local (year, month, day, 15, 0, 0);
  return when != NULL ? g_date_time_to_unix (when) * G_USEC_PER_SEC : 0;
}

static gboolean
set_time (ToaStore    *store,
          const char  *sql,
          gint64       when,
          gint64       id,
          GError     **error)
{
  g_autoptr(ToaStmt) stmt = toa_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, when);
  toa_bind_id (stmt, 2, id);
  return toa_store_step_done (store, stmt, error);
}

static gboolean
backdate_article (ToaStore    *store,
                  gint64       id,
                  const char  *event_date,
                  GError     **error)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) transitions = NULL;
  gint64 base = demo_base_time (event_date);
  gint64 step = 5 * G_TIME_SPAN_HOUR + (id % 7) * 17 * G_TIME_SPAN_MINUTE;
  gint64 last;
  guint n_rows;

  revisions = toa_store_list_revisions (store, id, error);
  transitions = revisions != NULL ? toa_store_list_transitions (store, id, error) : NULL;
  if (transitions == NULL)
    return FALSE;
  n_rows = revisions->len + transitions->len;
  last = base + (gint64) n_rows * step;
  if (base <= 0 || last >= g_get_real_time () - G_TIME_SPAN_HOUR)
    return TRUE;

  if (!toa_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < revisions->len; i++)
    {
      ToaRevision *revision = g_ptr_array_index (revisions, i);

      if (!set_time (store, "UPDATE revisions SET created = ? WHERE id = ?",
                     base + i * 30 * G_TIME_SPAN_MINUTE, revision->id, error))
        goto failed;
    }
  for (guint i = 0; i < transitions->len; i++)
    {
      ToaTransition *transition = g_ptr_array_index (transitions, i);

      if (!set_time (store, "UPDATE transitions SET created = ? WHERE id = ?",
                     base + i * step, transition->id, error))
        goto failed;
    }
  last = MAX (base + (gint64) (MAX (transitions->len, 1) - 1) * step,
              base + (gint64) (MAX (revisions->len, 1) - 1) * 30 * G_TIME_SPAN_MINUTE);
  if (!set_time (store, "UPDATE articles SET created = ? WHERE id = ?", base, id, error) ||
      !set_time (store, "UPDATE articles SET updated = ? WHERE id = ?", last, id, error))
    goto failed;
  return toa_store_commit (store, error);

failed:
  toa_store_rollback (store);
  return FALSE;
}

static gboolean
add_article (ToaStore    *store,
             const char  *base_uri,
             GPtrArray   *users,
             JsonObject  *article,
             GError     **error)
{
  g_autoptr(ToaArticleContent) content = NULL;
  const char *office = member_string (article, "office");
  const char *author = member_string (article, "author_login");
  const char *comment = member_string (article, "comment");
  const char *status_name = member_string (article, "status");
  JsonArray *history = member_array (article, "history");
  ToaArticleStatus status = TOA_ARTICLE_STATUS_DRAFT;
  gint64 id;

  if (author == NULL)
    author = member_string (article, "author");
  if (comment != NULL && comment[0] == '\0')
    comment = NULL;
  if (office == NULL || author == NULL || member_string (article, "title") == NULL)
    return invalid (error, "articles.json", "office/author_login/title");
  if (status_name != NULL && !toa_article_status_from_string (status_name, &status))
    return invalid (error, "articles.json", status_name);

  content = content_of (article);
  id = toa_store_create_article (store, office, content, author, error);
  if (id <= 0)
    return FALSE;
  if (member_array (article, "captions") != NULL &&
      !add_photos (store, base_uri, id, member_array (article, "captions"), author, content, error))
    return FALSE;

  if (history != NULL ? !replay_history (store, id, history, error)
                      : !drive_to_status (store, users, id, office, author, status, comment, error))
    return FALSE;
  return backdate_article (store, id, member_string (article, "event_date"), error);
}

/**
 * toa_demo_load_from:
 * @store: an empty store (no users yet)
 * @base_uri: where users.json and articles.json are, ending in "/"
 *   (`resource://…` or `file://…`)
 * @login: (nullable): the person running the demo; added as an author
 *   and approver of the first office unless a demo user has that login
 *
 * Loads offices, categories, users and articles, and drives each article
 * through the workflow to the status the file gives it. On failure the
 * store may hold part of the demo.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_demo_load_from (ToaStore    *store,
                    const char  *base_uri,
                    const char  *login,
                    GError     **error)
{
  g_autoptr(JsonNode) directory = NULL;
  g_autoptr(JsonNode) articles = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *admin = NULL;
  gboolean unconfigured = FALSE;
  JsonArray *list;

  g_return_val_if_fail (TOA_IS_STORE (store), FALSE);
  g_return_val_if_fail (base_uri != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!toa_store_is_unconfigured (store, &unconfigured, error))
    return FALSE;
  if (!unconfigured)
    {
      g_set_error (error, TOA_DEMO_ERROR, TOA_DEMO_ERROR_NOT_EMPTY,
                   _("The demo content can only be loaded into a new, empty database"));
      return FALSE;
    }

  directory = read_json (base_uri, "users.json", error);
  if (directory == NULL)
    return FALSE;
  articles = read_json (base_uri, "articles.json", error);
  if (articles == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (directory))
    return invalid (error, "users.json", "{…}");
  if (!JSON_NODE_HOLDS_ARRAY (articles))
    return invalid (error, "articles.json", "[…]");

  list = json_node_get_array (articles);
  if (!add_offices (store, json_node_get_object (directory), error) ||
      !add_users (store, json_node_get_object (directory), &admin, error) ||
      !add_categories (store, admin, json_node_get_object (directory), error) ||
      !add_article_categories (store, admin, list, error))
    return FALSE;
  if (login != NULL && !add_demo_viewer (store, admin, login, error))
    return FALSE;

  users = toa_store_list_users (store, error);
  if (users == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *article = json_array_get_object_element (list, i);

      if (article == NULL)
        return invalid (error, "articles.json", "[{…}]");
      if (!add_article (store, base_uri, users, article, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * toa_demo_load:
 * @store: an empty store
 * @login: (nullable): see toa_demo_load_from()
 *
 * Loads the demo content compiled into the application.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_demo_load (ToaStore    *store,
               const char  *login,
               GError     **error)
{
  g_return_val_if_fail (TOA_IS_STORE (store), FALSE);

  return toa_demo_load_from (store, TOA_DEMO_RESOURCE_URI, login, error);
}

/**
 * toa_store_is_unconfigured:
 * @unconfigured: (out): %TRUE when the database has no user yet
 *
 * A database without users is one the welcome screen sets up.
 *
 * Returns: %FALSE when the users could not be read
 */
gboolean
toa_store_is_unconfigured (ToaStore  *store,
                           gboolean  *unconfigured,
                           GError   **error)
{
  g_autoptr(GPtrArray) users = NULL;

  g_return_val_if_fail (TOA_IS_STORE (store), FALSE);
  g_return_val_if_fail (unconfigured != NULL, FALSE);

  users = toa_store_list_users (store, error);
  if (users == NULL)
    return FALSE;
  *unconfigured = users->len == 0;
  return TRUE;
}

/**
 * toa_setup_first_office:
 * @office_code: a short code ("QLCN")
 * @office_name: the office's name ("Phòng Quản lý Công nghiệp")
 * @login: the operating system login of the person setting up
 * @full_name: their name, as bylines show it
 *
 * The first run without demo content: creates the first office and its
 * first user, who becomes the administrator and may write and approve.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_setup_first_office (ToaStore    *store,
                        const char  *office_code,
                        const char  *office_name,
                        const char  *login,
                        const char  *full_name,
                        GError     **error)
{
  g_return_val_if_fail (TOA_IS_STORE (store), FALSE);
  g_return_val_if_fail (office_code != NULL, FALSE);
  g_return_val_if_fail (office_name != NULL, FALSE);
  g_return_val_if_fail (login != NULL, FALSE);
  g_return_val_if_fail (full_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!toa_store_add_office (store, NULL, office_code, office_name, error))
    return FALSE;
  return toa_store_add_user (store, NULL, login, full_name, office_code,
                             TOA_ROLE_AUTHOR | TOA_ROLE_APPROVER | TOA_ROLE_LEADER |
                             TOA_ROLE_PUBLISHER | TOA_ROLE_ADMIN,
                             error);
}
