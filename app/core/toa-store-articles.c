/* toa-store-articles.c — articles, revisions, the workflow trail, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-store-private.h"
#include "toa-vn-fold.h"

#define SNIPPET_CHARS 160

/* Every column of a list row; get_article adds r.body at COL_BODY. */
#define ARTICLE_COLUMNS \
  "a.id, a.office, a.category_id, a.status, a.current_revision, a.approved_revision, " \
  "a.approved_hash, a.published_revision, a.author, a.submitted_by, a.version, a.created, " \
  "a.updated, a.deleted, r.hash, r.author, r.title, r.lead, r.byline, r.category, " \
  "r.event_date, r.display_date, r.tags"

enum
{
  COL_ID, COL_OFFICE, COL_CATEGORY_ID, COL_STATUS, COL_CURRENT, COL_APPROVED, COL_APPROVED_HASH,
  COL_PUBLISHED, COL_AUTHOR, COL_SUBMITTED_BY, COL_VERSION, COL_CREATED, COL_UPDATED, COL_DELETED,
  COL_HASH, COL_REVISION_AUTHOR, COL_CONTENT, COL_BODY = COL_CONTENT + 7,
};

#define REVISION_COLUMNS \
  "id, article_id, parent_id, author, created, hash, title, lead, byline, category, " \
  "event_date, display_date, tags, body"

/* A revision's content checked, normalised, hashed and folded for
 * search, all before the write transaction starts: the lock is held only
 * for the SQL. */
typedef struct
{
  ToaArticleContent *content;
  char              *hash;
  char              *tags;           /* one per line, NULL when none */
  char              *fold[5];        /* title, lead, body text, byline, tags */
  char              *exact[5];
} Prepared;

static void
prepared_clear (Prepared *prepared)
{
  g_clear_pointer (&prepared->content, toa_article_content_free);
  g_clear_pointer (&prepared->hash, g_free);
  g_clear_pointer (&prepared->tags, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (prepared->fold); i++)
    {
      g_clear_pointer (&prepared->fold[i], g_free);
      g_clear_pointer (&prepared->exact[i], g_free);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Prepared, prepared_clear)

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* NFC copy of @text, or FALSE when it is not UTF-8. */
static gboolean
normalize_field (const char   *text,
                 char        **out,
                 const char   *message,
                 GError      **error)
{
  if (text == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, message);
  *out = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return TRUE;
}

static gboolean
is_iso_date (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL)
    return TRUE;
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
normalize_tags (char        **tags,
                char       ***out,
                GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      char *tag;

      if (!g_utf8_validate (tags[i], -1, NULL))
        return invalid (error, _("A tag is not valid UTF-8 text"));
      tag = g_utf8_normalize (tags[i], -1, G_NORMALIZE_NFC);
      g_strdelimit (tag, "\r\n\t", ' ');
      g_strstrip (tag);
      if (*tag == '\0')
        g_free (tag);
      else
        g_ptr_array_add (list, tag);
    }
  if (list->len == 0)
    {
      *out = NULL;
      return TRUE;
    }
  g_ptr_array_add (list, NULL);
  *out = (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
  return TRUE;
}

static gboolean
normalize_content (const ToaArticleContent  *in,
                   ToaArticleContent        *out,
                   GError                  **error)
{
  if (!normalize_field (in->title, &out->title, _("The title is not valid UTF-8 text"), error) ||
      !normalize_field (in->lead, &out->lead, _("The lead is not valid UTF-8 text"), error) ||
      !normalize_field (in->body, &out->body, _("The body is not valid UTF-8 text"), error) ||
      !normalize_field (in->byline, &out->byline, _("The byline is not valid UTF-8 text"), error) ||
      !normalize_field (in->category, &out->category, _("The category is not valid UTF-8 text"), error) ||
      !normalize_tags (in->tags, &out->tags, error))
    return FALSE;

  if (out->title == NULL || *g_strstrip (out->title) == '\0')
    return invalid (error, _("The title is empty; every article needs one"));
  if (out->body == NULL)
    out->body = g_strdup ("");
  if (!is_iso_date (in->event_date) || !is_iso_date (in->display_date))
    return invalid (error, _("A date is not in the form YYYY-MM-DD"));
  out->event_date = g_strdup (in->event_date);
  out->display_date = g_strdup (in->display_date);
  return TRUE;
}

static gboolean
prepare_content (const ToaArticleContent  *in,
                 Prepared                 *prepared,
                 GError                  **error)
{
  g_autofree char *body_text = NULL;
  const char *fields[5];

  prepared->content = toa_article_content_new ();
  if (!normalize_content (in, prepared->content, error))
    return FALSE;
  prepared->hash = toa_article_content_hash (prepared->content, error);
  if (prepared->hash == NULL)
    return FALSE;
  if (prepared->content->tags != NULL)
    prepared->tags = g_strjoinv ("\n", prepared->content->tags);

  body_text = toa_body_to_plain_text (prepared->content->body);
  fields[0] = prepared->content->title;
  fields[1] = prepared->content->lead;
  fields[2] = body_text;
  fields[3] = prepared->content->byline;
  fields[4] = prepared->tags;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      prepared->fold[i] = toa_vn_fold (fields[i]);
      prepared->exact[i] = toa_vn_fold_exact (fields[i]);
    }
  return TRUE;
}

static ToaArticleContent *
content_from_row (ToaStmt *stmt,
                  int      first,
                  int      body_column)
{
  ToaArticleContent *content = toa_article_content_new ();
  const char *tags = (const char *) sqlite3_column_text (stmt, first + 6);

  content->title = toa_column_dup (stmt, first);
  content->lead = toa_column_dup (stmt, first + 1);
  content->byline = toa_column_dup (stmt, first + 2);
  content->category = toa_column_dup (stmt, first + 3);
  content->event_date = toa_column_dup (stmt, first + 4);
  content->display_date = toa_column_dup (stmt, first + 5);
  content->tags = tags != NULL ? g_strsplit (tags, "\n", -1) : NULL;
  if (body_column >= 0)
    content->body = toa_column_dup (stmt, body_column);
  return content;
}

static char *
make_snippet (const char *lead)
{
  g_autofree char *flat = NULL;

  if (lead == NULL)
    return g_strdup ("");
  flat = g_strdup (lead);
  g_strdelimit (flat, "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= SNIPPET_CHARS)
    return g_steal_pointer (&flat);
  *g_utf8_offset_to_pointer (flat, SNIPPET_CHARS) = '\0';
  return g_strconcat (g_strchomp (flat), "…", NULL);
}

static ToaArticle *
article_from_row (ToaStmt  *stmt,
                  gboolean  with_body)
{
  ToaArticle *article = g_new0 (ToaArticle, 1);

  article->id = sqlite3_column_int64 (stmt, COL_ID);
  article->office = toa_column_dup (stmt, COL_OFFICE);
  article->category_id = sqlite3_column_int64 (stmt, COL_CATEGORY_ID);
  toa_article_status_from_string ((const char *) sqlite3_column_text (stmt, COL_STATUS),
                                  &article->status);
  article->current_revision = sqlite3_column_int64 (stmt, COL_CURRENT);
  article->approved_revision = sqlite3_column_int64 (stmt, COL_APPROVED);
  article->approved_hash = toa_column_dup (stmt, COL_APPROVED_HASH);
  article->published_revision = sqlite3_column_int64 (stmt, COL_PUBLISHED);
  article->author = toa_column_dup (stmt, COL_AUTHOR);
  article->submitted_by = toa_column_dup (stmt, COL_SUBMITTED_BY);
  article->version = sqlite3_column_int64 (stmt, COL_VERSION);
  article->created = sqlite3_column_int64 (stmt, COL_CREATED);
  article->updated = sqlite3_column_int64 (stmt, COL_UPDATED);
  article->deleted = sqlite3_column_int (stmt, COL_DELETED) != 0;
  article->current_hash = toa_column_dup (stmt, COL_HASH);
  article->revision_author = toa_column_dup (stmt, COL_REVISION_AUTHOR);
  article->content = content_from_row (stmt, COL_CONTENT, with_body ? COL_BODY : -1);
  article->snippet = make_snippet (article->content->lead);
  return article;
}

ToaArticle *
toa_store_article_from_row (ToaStmt *stmt)
{
  return article_from_row (stmt, FALSE);
}

static gboolean
not_found (GError **error,
           gint64   article_id)
{
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
               _("There is no article %lld"), (long long) article_id);
  return FALSE;
}

/* The article with its current revision; deleted articles count as
 * missing. */
static ToaArticle *
load_article (ToaStore  *self,
              gint64     article_id,
              gboolean   with_body,
              GError   **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  stmt = toa_store_prepare (self, with_body
                            ? "SELECT " ARTICLE_COLUMNS ", r.body FROM articles a "
                              "JOIN revisions r ON r.id = a.current_revision WHERE a.id = ? AND a.deleted = 0"
                            : "SELECT " ARTICLE_COLUMNS " FROM articles a "
                              "JOIN revisions r ON r.id = a.current_revision WHERE a.id = ? AND a.deleted = 0",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return article_from_row (stmt, with_body);
  if (rc == SQLITE_DONE)
    not_found (error, article_id);
  else
    toa_store_fail (self, rc, error);
  return NULL;
}

static void
workflow_view (const ToaArticle   *article,
               ToaWorkflowArticle *view)
{
  view->status = article->status;
  view->office = article->office;
  view->author = article->author;
  view->revision_author = article->revision_author;
  view->submitted_by = article->submitted_by;
  view->current_hash = article->current_hash;
  view->approved_hash = article->approved_hash;
  view->has_unpublished_changes = article->published_revision != 0 &&
                                  article->published_revision != article->current_revision;
  view->is_live = article->published_revision != 0;
}

/* Category names in revisions must name a category of the directory;
 * returns its id (0 for none), -1 on error. A retired category takes no
 * new article, but one that already has it (@current_id) keeps it. After
 * a category was renamed, the article's current revision still holds the
 * old name (@current_name): saved again unchanged, it keeps its category. */
static gint64
resolve_category (ToaStore    *self,
                  const char  *name,
                  gint64       current_id,
                  const char  *current_name,
                  GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  gint64 id;
  int rc;

  if (name == NULL || *name == '\0')
    return 0;
  stmt = toa_store_prepare (self, "SELECT id, retired FROM categories WHERE name = ?", error);
  if (stmt == NULL)
    return -1;
  toa_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE && current_id != 0 && g_strcmp0 (name, current_name) == 0)
    return current_id;
  if (rc == SQLITE_DONE)
    g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                 _("There is no category “%s”"), name);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE ? -1 : (toa_store_fail (self, rc, error), -1);
  id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_column_int64 (stmt, 1) != 0 && id != current_id)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The category “%s” is retired; choose another one"), name);
      return -1;
    }
  return id;
}

static gint64
insert_revision (ToaStore        *self,
                 gint64           article_id,
                 gint64           parent_id,
                 const char      *author,
                 gint64           now,
                 const Prepared  *prepared,
                 GError         **error)
{
  const ToaArticleContent *content = prepared->content;
  g_autoptr(ToaStmt) stmt = NULL;

  stmt = toa_store_prepare (self,
                            "INSERT INTO revisions (article_id, parent_id, author, created, title, lead, "
                            "body, byline, category, event_date, display_date, tags, hash) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, article_id);
  toa_bind_id (stmt, 2, parent_id);
  toa_bind_text (stmt, 3, author);
  sqlite3_bind_int64 (stmt, 4, now);
  toa_bind_text (stmt, 5, content->title);
  toa_bind_text (stmt, 6, content->lead);
  toa_bind_text (stmt, 7, content->body);
  toa_bind_text (stmt, 8, content->byline);
  toa_bind_text (stmt, 9, content->category);
  toa_bind_text (stmt, 10, content->event_date);
  toa_bind_text (stmt, 11, content->display_date);
  toa_bind_text (stmt, 12, prepared->tags);
  toa_bind_text (stmt, 13, prepared->hash);
  if (!toa_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
write_fts_table (ToaStore    *self,
                 const char  *delete_sql,
                 const char  *insert_sql,
                 gint64       article_id,
                 char       **fields,
                 GError     **error)
{
  g_autoptr(ToaStmt) del = toa_store_prepare (self, delete_sql, error);
  g_autoptr(ToaStmt) ins = NULL;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, article_id);
  if (!toa_store_step_done (self, del, error))
    return FALSE;
  ins = toa_store_prepare (self, insert_sql, error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, article_id);
  for (int i = 0; i < 5; i++)
    toa_bind_text (ins, i + 2, fields[i]);
  return toa_store_step_done (self, ins, error);
}

/* The search index follows the current revision. */
static gboolean
write_fts (ToaStore        *self,
           gint64           article_id,
           const Prepared  *prepared,
           GError         **error)
{
  return write_fts_table (self, "DELETE FROM article_fts WHERE rowid = ?",
                          "INSERT INTO article_fts (rowid, title, lead, body, byline, tags) "
                          "VALUES (?, ?, ?, ?, ?, ?)",
                          article_id, (char **) prepared->fold, error) &&
         write_fts_table (self, "DELETE FROM article_fts_exact WHERE rowid = ?",
                          "INSERT INTO article_fts_exact (rowid, title, lead, body, byline, tags) "
                          "VALUES (?, ?, ?, ?, ?, ?)",
                          article_id, (char **) prepared->exact, error);
}

static gboolean
insert_transition (ToaStore          *self,
                   gint64             article_id,
                   const char        *action,
                   const char        *from_status,
                   ToaArticleStatus   to_status,
                   const char        *actor,
                   gint64             now,
                   const char        *comment,
                   gint64             revision_id,
                   const char        *hash,
                   GError           **error)
{
  g_autoptr(ToaStmt) stmt = NULL;

  stmt = toa_store_prepare (self,
                            "INSERT INTO transitions (article_id, action, from_status, to_status, actor, "
                            "created, comment, revision_id, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  toa_bind_text (stmt, 2, action);
  toa_bind_text (stmt, 3, from_status);
  toa_bind_text (stmt, 4, toa_article_status_to_string (to_status));
  toa_bind_text (stmt, 5, actor);
  sqlite3_bind_int64 (stmt, 6, now);
  toa_bind_text (stmt, 7, comment);
  sqlite3_bind_int64 (stmt, 8, revision_id);
  toa_bind_text (stmt, 9, hash);
  return toa_store_step_done (self, stmt, error);
}

/* Microseconds, strictly increasing within this process so that two
 * quick saves never share a timestamp in lists sorted by time. */
G_LOCK_DEFINE_STATIC (last_time);

static gint64
now_usec (void)
{
  static gint64 last;
  gint64 now = g_get_real_time ();

  G_LOCK (last_time);
  if (now <= last)
    now = last + 1;
  last = now;
  G_UNLOCK (last_time);
  return now;
}

static gint64
create_in_transaction (ToaStore        *self,
                       const char      *office,
                       const Prepared  *prepared,
                       const ToaUser   *actor,
                       GError         **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  gint64 now = now_usec ();
  gint64 category_id;
  gint64 article_id;
  gint64 revision_id;

  category_id = resolve_category (self, prepared->content->category, 0, NULL, error);
  if (category_id < 0)
    return 0;
  stmt = toa_store_prepare (self,
                            "INSERT INTO articles (office, category_id, status, author, version, created, updated) "
                            "VALUES (?, ?, 'draft', ?, 1, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  toa_bind_text (stmt, 1, office);
  toa_bind_id (stmt, 2, category_id);
  toa_bind_text (stmt, 3, actor->login);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!toa_store_step_done (self, stmt, error))
    return 0;
  article_id = sqlite3_last_insert_rowid (self->db);

  revision_id = insert_revision (self, article_id, 0, actor->login, now, prepared, error);
  if (revision_id == 0)
    return 0;
  g_clear_pointer (&stmt, toa_stmt_release);
  stmt = toa_store_prepare (self, "UPDATE articles SET current_revision = ? WHERE id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  if (!toa_store_step_done (self, stmt, error) ||
      !insert_transition (self, article_id, "create", NULL, TOA_ARTICLE_STATUS_DRAFT, actor->login,
                          now, NULL, revision_id, prepared->hash, error) ||
      !write_fts (self, article_id, prepared, error))
    return 0;
  return article_id;
}

/**
 * toa_store_create_article:
 * @self: a #ToaStore
 * @office: (nullable): office code; %NULL for the author's own office
 * @content: the first revision's content (title required)
 * @author_login: who writes it
 * @error: return location for a #GError
 *
 * Creates a draft with its first revision, its search entry and a
 * "create" row in the trail, in one transaction.
 *
 * Returns: the new article's id, 0 on error
 */
gint64
toa_store_create_article (ToaStore                 *self,
                          const char               *office,
                          const ToaArticleContent  *content,
                          const char               *author_login,
                          GError                  **error)
{
  TOA_STORE_LOCK (self);
  g_auto(Prepared) prepared = { 0 };
  g_autoptr(ToaUser) actor = NULL;
  gint64 id;

  g_return_val_if_fail (TOA_IS_STORE (self), 0);
  g_return_val_if_fail (content != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!prepare_content (content, &prepared, error))
    return 0;
  if (!toa_store_begin (self, error))
    return 0;
  actor = toa_store_require_actor (self, author_login, error);
  if (actor == NULL)
    goto failed;
  if (office == NULL)
    office = actor->office;
  if (office == NULL)
    {
      invalid (error, _("Say which office the article belongs to"));
      goto failed;
    }
  if (!toa_store_office_in_service (self, office, error) || !toa_workflow_can_create (office, actor, error))
    goto failed;
  id = create_in_transaction (self, office, &prepared, actor, error);
  if (id == 0 || !toa_store_commit (self, error))
    goto failed;
  return id;

failed:
  toa_store_rollback (self);
  return 0;
}

static gboolean
conflict (GError            **error,
          const ToaArticle   *article,
          gint64              expected_version)
{
  g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT,
               _("Article %lld was changed by someone else while you edited it: "
                 "you started from version %lld, it is now at version %lld. "
                 "Nothing was overwritten; reload it to see the other changes"),
               (long long) article->id, (long long) expected_version, (long long) article->version);
  return FALSE;
}

/* Editing rules: submitted stays submitted, approved loses its approval
 * (recorded as a "void" transition), published stays published with a
 * newer current revision. */
static gboolean
update_after_edit (ToaStore          *self,
                   const ToaArticle  *article,
                   gint64             revision_id,
                   gint64             category_id,
                   const Prepared    *prepared,
                   const char        *actor,
                   gint64             now,
                   GError           **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  ToaWorkflowArticle view = { 0 };
  gboolean voids = article->status == TOA_ARTICLE_STATUS_APPROVED;
  ToaArticleStatus status;

  workflow_view (article, &view);
  status = toa_workflow_status_after_edit (&view);

  stmt = toa_store_prepare (self,
                            "UPDATE articles SET current_revision = ?, category_id = ?, status = ?, "
                            "version = version + 1, updated = ?, "
                            "approved_revision = CASE WHEN ? THEN NULL ELSE approved_revision END, "
                            "approved_hash = CASE WHEN ? THEN NULL ELSE approved_hash END "
                            "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  toa_bind_id (stmt, 2, category_id);
  toa_bind_text (stmt, 3, toa_article_status_to_string (status));
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int (stmt, 5, voids);
  sqlite3_bind_int (stmt, 6, voids);
  sqlite3_bind_int64 (stmt, 7, article->id);
  if (!toa_store_step_done (self, stmt, error))
    return FALSE;
  if (!voids)
    return TRUE;
  return insert_transition (self, article->id, "void", "approved", status, actor, now,
                            NULL, revision_id, prepared->hash, error);
}

static gboolean
save_in_transaction (ToaStore        *self,
                     gint64           article_id,
                     gint64           expected_version,
                     const Prepared  *prepared,
                     const char      *author_login,
                     gint64          *new_version,
                     GError         **error)
{
  g_autoptr(ToaUser) actor = NULL;
  g_autoptr(ToaArticle) article = NULL;
  ToaWorkflowArticle view = { 0 };
  gint64 now = now_usec ();
  gint64 category_id;
  gint64 revision_id;

  actor = toa_store_require_actor (self, author_login, error);
  if (actor == NULL)
    return FALSE;
  article = load_article (self, article_id, FALSE, error);
  if (article == NULL)
    return FALSE;
  if (article->version != expected_version)
    {
      if (new_version != NULL)
        *new_version = article->version;
      return conflict (error, article, expected_version);
    }
  workflow_view (article, &view);
  if (!toa_workflow_can_edit (&view, actor, error))
    return FALSE;
  category_id = resolve_category (self, prepared->content->category, article->category_id,
                                  article->content->category, error);
  if (category_id < 0)
    return FALSE;
  revision_id = insert_revision (self, article_id, article->current_revision, actor->login, now,
                                 prepared, error);
  if (revision_id == 0 ||
      !update_after_edit (self, article, revision_id, category_id, prepared, actor->login, now, error) ||
      !write_fts (self, article_id, prepared, error))
    return FALSE;
  if (new_version != NULL)
    *new_version = article->version + 1;
  return TRUE;
}

/**
 * toa_store_save_revision:
 * @self: a #ToaStore
 * @article_id: the article
 * @expected_version: the version the editor started from
 * @content: the new content
 * @author_login: who saves
 * @new_version: (out) (optional): the version after saving; on
 *   %TOA_STORE_ERROR_CONFLICT, the version someone else saved (fetch it
 *   with toa_store_get_article() to show the other side)
 * @error: return location for a #GError
 *
 * Saves @content as a new revision in one transaction (revision, article,
 * search index, trail). When the article moved past @expected_version,
 * nothing is written and %TOA_STORE_ERROR_CONFLICT names both versions.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_save_revision (ToaStore                 *self,
                         gint64                    article_id,
                         gint64                    expected_version,
                         const ToaArticleContent  *content,
                         const char               *author_login,
                         gint64                   *new_version,
                         GError                  **error)
{
  TOA_STORE_LOCK (self);
  g_auto(Prepared) prepared = { 0 };

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare_content (content, &prepared, error))
    return FALSE;
  if (!toa_store_begin (self, error))
    return FALSE;
  if (!save_in_transaction (self, article_id, expected_version, &prepared, author_login, new_version,
                            error))
    {
      toa_store_rollback (self);
      return FALSE;
    }
  return toa_store_commit (self, error);
}

/**
 * toa_store_delete_article:
 *
 * Soft-deletes: the article disappears from lists and search but its
 * rows stay. Its author may delete a draft; an admin any article.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_delete_article (ToaStore    *self,
                          gint64       article_id,
                          const char  *actor_login,
                          GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaUser) actor = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(ToaStmt) stmt = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  actor = toa_store_require_actor (self, actor_login, error);
  if (actor == NULL)
    goto failed;
  article = load_article (self, article_id, FALSE, error);
  if (article == NULL)
    goto failed;
  if (!(actor->roles & TOA_ROLE_ADMIN) &&
      !(article->status == TOA_ARTICLE_STATUS_DRAFT && g_strcmp0 (article->author, actor->login) == 0))
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_NOT_PERMITTED,
                   _("%s is not permitted to delete this article"), actor->login);
      goto failed;
    }
  stmt = toa_store_prepare (self, "UPDATE articles SET deleted = 1, updated = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, now_usec ());
  sqlite3_bind_int64 (stmt, 2, article_id);
  if (!toa_store_step_done (self, stmt, error))
    goto failed;
  return toa_store_commit (self, error);

failed:
  toa_store_rollback (self);
  return FALSE;
}

/**
 * toa_store_get_article:
 *
 * Returns: (transfer full) (nullable): the article with the full content
 *   of its current revision, or %NULL with %TOA_STORE_ERROR_NOT_FOUND
 */
ToaArticle *
toa_store_get_article (ToaStore    *self,
                       gint64       article_id,
                       GError     **error)
{
  TOA_STORE_LOCK (self);
  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  return load_article (self, article_id, TRUE, error);
}

static ToaRevision *
revision_from_row (ToaStmt *stmt)
{
  ToaRevision *revision = g_new0 (ToaRevision, 1);

  revision->id = sqlite3_column_int64 (stmt, 0);
  revision->article_id = sqlite3_column_int64 (stmt, 1);
  revision->parent_id = sqlite3_column_int64 (stmt, 2);
  revision->author = toa_column_dup (stmt, 3);
  revision->created = sqlite3_column_int64 (stmt, 4);
  revision->hash = toa_column_dup (stmt, 5);
  revision->content = content_from_row (stmt, 6, 13);
  return revision;
}

/**
 * toa_store_get_revision:
 *
 * Returns: (transfer full) (nullable): the revision
 */
ToaRevision *
toa_store_get_revision (ToaStore    *self,
                        gint64       revision_id,
                        GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  stmt = toa_store_prepare (self, "SELECT " REVISION_COLUMNS " FROM revisions WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return revision_from_row (stmt);
  if (rc != SQLITE_DONE)
    toa_store_fail (self, rc, error);
  else
    g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                 _("There is no revision %lld"), (long long) revision_id);
  return NULL;
}

/**
 * toa_store_list_revisions:
 *
 * Returns: (transfer full) (element-type ToaRevision): oldest first
 */
GPtrArray *
toa_store_list_revisions (ToaStore    *self,
                          gint64       article_id,
                          GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_revision_free);
  g_autoptr(ToaArticle) article = NULL;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  article = load_article (self, article_id, FALSE, error);
  if (article == NULL)
    return NULL;
  stmt = toa_store_prepare (self, "SELECT " REVISION_COLUMNS " FROM revisions WHERE article_id = ? ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, revision_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static ToaTransition *
transition_from_row (ToaStmt *stmt)
{
  ToaTransition *transition = g_new0 (ToaTransition, 1);

  transition->id = sqlite3_column_int64 (stmt, 0);
  transition->article_id = sqlite3_column_int64 (stmt, 1);
  transition->action = toa_column_dup (stmt, 2);
  transition->has_from = toa_article_status_from_string ((const char *) sqlite3_column_text (stmt, 3),
                                                         &transition->from_status);
  toa_article_status_from_string ((const char *) sqlite3_column_text (stmt, 4), &transition->to_status);
  transition->actor = toa_column_dup (stmt, 5);
  transition->created = sqlite3_column_int64 (stmt, 6);
  transition->comment = toa_column_dup (stmt, 7);
  transition->revision_id = sqlite3_column_int64 (stmt, 8);
  transition->hash = toa_column_dup (stmt, 9);
  return transition;
}

/**
 * toa_store_list_transitions:
 *
 * Returns: (transfer full) (element-type ToaTransition): the audit trail,
 *   oldest first
 */
GPtrArray *
toa_store_list_transitions (ToaStore    *self,
                            gint64       article_id,
                            GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_transition_free);
  g_autoptr(ToaArticle) article = NULL;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  article = load_article (self, article_id, FALSE, error);
  if (article == NULL)
    return NULL;
  stmt = toa_store_prepare (self,
                            "SELECT id, article_id, action, from_status, to_status, actor, created, comment, "
                            "revision_id, hash FROM transitions WHERE article_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, transition_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* What each action does to the article's columns besides the status. */
static const char *
transition_update_sql (const char *action)
{
  if (g_str_equal (action, "submit"))
    return "UPDATE articles SET status = ?2, updated = ?3, submitted_by = ?4 WHERE id = ?1";
  if (g_str_equal (action, "approve"))
    return "UPDATE articles SET status = ?2, updated = ?3, submitted_by = NULL, "
           "approved_revision = current_revision, "
           "approved_hash = (SELECT hash FROM revisions WHERE id = current_revision) WHERE id = ?1";
  if (g_str_equal (action, "publish"))
    return "UPDATE articles SET status = ?2, updated = ?3, published_revision = current_revision "
           "WHERE id = ?1";
  if (g_str_equal (action, "unpublish"))
    return "UPDATE articles SET status = ?2, updated = ?3, published_revision = NULL WHERE id = ?1";
  /* withdraw, return, restore: back to a draft without approval. */
  return "UPDATE articles SET status = ?2, updated = ?3, submitted_by = NULL, "
         "approved_revision = NULL, approved_hash = NULL WHERE id = ?1";
}

static gboolean
transition_in_transaction (ToaStore    *self,
                           gint64       article_id,
                           const char  *action,
                           const char  *actor_login,
                           const char  *comment,
                           GError     **error)
{
  g_autoptr(ToaUser) actor = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *clean_comment = NULL;
  ToaWorkflowArticle view = { 0 };
  ToaArticleStatus to_status;
  gint64 now = now_usec ();

  if (comment != NULL && !g_utf8_validate (comment, -1, NULL))
    return invalid (error, _("The comment is not valid UTF-8 text"));
  actor = toa_store_require_actor (self, actor_login, error);
  if (actor == NULL)
    return FALSE;
  article = load_article (self, article_id, FALSE, error);
  if (article == NULL)
    return FALSE;
  workflow_view (article, &view);
  if (!toa_workflow_check (action, &view, actor, comment, toa_store_allows_self_approval (self),
                           &to_status, error))
    return FALSE;

  stmt = toa_store_prepare (self, transition_update_sql (action), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  toa_bind_text (stmt, 2, toa_article_status_to_string (to_status));
  sqlite3_bind_int64 (stmt, 3, now);
  toa_bind_text (stmt, 4, actor->login);
  if (!toa_store_step_done (self, stmt, error))
    return FALSE;
  if (comment != NULL)
    {
      clean_comment = g_utf8_normalize (comment, -1, G_NORMALIZE_NFC);
      g_strstrip (clean_comment);
      if (*clean_comment == '\0')
        g_clear_pointer (&clean_comment, g_free);
    }
  return insert_transition (self, article_id, action, toa_article_status_to_string (article->status),
                            to_status, actor->login, now, clean_comment, article->current_revision,
                            article->current_hash, error);
}

/**
 * toa_store_transition:
 * @self: a #ToaStore
 * @article_id: the article
 * @action: "submit", "withdraw", "return", "approve", "publish",
 *   "unpublish" or "restore"
 * @actor_login: who acts
 * @comment: (nullable): why; required by some actions
 * @error: return location for a #GError
 *
 * Applies one workflow action, checked against the table in
 * toa-workflow.c, and writes one row of the trail with the revision and
 * its hash. A refused action writes nothing and fails with a
 * %TOA_WORKFLOW_ERROR.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_transition (ToaStore    *self,
                      gint64       article_id,
                      const char  *action,
                      const char  *actor_login,
                      const char  *comment,
                      GError     **error)
{
  TOA_STORE_LOCK (self);
  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!toa_workflow_action_exists (action))
    {
      g_set_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_UNKNOWN_ACTION,
                   _("Unknown workflow action “%s”"), action);
      return FALSE;
    }
  if (!toa_store_begin (self, error))
    return FALSE;
  if (!transition_in_transaction (self, article_id, action, actor_login, comment, error))
    {
      toa_store_rollback (self);
      return FALSE;
    }
  return toa_store_commit (self, error);
}

/**
 * toa_store_list_permitted_actions:
 *
 * The actions @actor_login may take on the article now (those that need
 * a comment included): the GUI shows only these.
 *
 * Returns: (transfer full): action names, in the workflow table's order
 */
GStrv
toa_store_list_permitted_actions (ToaStore    *self,
                                  gint64       article_id,
                                  const char  *actor_login,
                                  GError     **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaUser) actor = NULL;
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *actions = toa_workflow_list_actions ();
  ToaWorkflowArticle view = { 0 };
  gboolean self_approval;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  actor = toa_store_require_user (self, actor_login, error);
  if (actor == NULL)
    return NULL;
  article = load_article (self, article_id, FALSE, error);
  if (article == NULL)
    return NULL;
  /* A retired user may read but not act: no action is offered. */
  if (actor->retired)
    return g_strv_builder_end (builder);
  workflow_view (article, &view);
  self_approval = toa_store_allows_self_approval (self);
  for (guint i = 0; actions[i] != NULL; i++)
    if (toa_workflow_check (actions[i], &view, actor, "…", self_approval, NULL, NULL))
      g_strv_builder_add (builder, actions[i]);
  return g_strv_builder_end (builder);
}
