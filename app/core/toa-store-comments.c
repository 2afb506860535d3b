/* toa-store-comments.c — comments anchored to a range of the body,
 * reopening, unresolved counts
 *
 * The anchor lives in the comments table's "anchor" column as
 * "START:END:TEXT": character offsets into the plain text of the body
 * when the comment was written, and the text itself, so that it can be
 * found again after edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-review.h"
#include "toa-store-private.h"

G_DEFINE_BOXED_TYPE (ToaAnchoredComment, toa_anchored_comment,
                     toa_anchored_comment_copy, toa_anchored_comment_free)

/**
 * toa_anchored_comment_copy:
 * @comment: a comment
 *
 * Returns: (transfer full): a deep copy
 */
ToaAnchoredComment *
toa_anchored_comment_copy (const ToaAnchoredComment *comment)
{
  ToaAnchoredComment *copy;

  g_return_val_if_fail (comment != NULL, NULL);

  copy = g_new0 (ToaAnchoredComment, 1);
  copy->comment = toa_comment_copy (comment->comment);
  copy->state = comment->state;
  copy->start = comment->start;
  copy->end = comment->end;
  copy->anchor_text = g_strdup (comment->anchor_text);
  return copy;
}

/**
 * toa_anchored_comment_free:
 * @comment: (transfer full) (nullable): a comment
 */
void
toa_anchored_comment_free (ToaAnchoredComment *comment)
{
  if (comment == NULL)
    return;
  g_clear_pointer (&comment->comment, toa_comment_free);
  g_free (comment->anchor_text);
  g_free (comment);
}

/* Whether @text holds exactly @anchor_text at characters [@start, @end). */
static gboolean
text_at (const char *text,
         glong       length,
         gint64      start,
         gint64      end,
         const char *anchor_text)
{
  const char *begin, *stop;

  if (start < 0 || end <= start || end > length)
    return FALSE;
  begin = g_utf8_offset_to_pointer (text, start);
  stop = g_utf8_offset_to_pointer (begin, end - start);
  return (gsize) (stop - begin) == strlen (anchor_text) &&
         strncmp (begin, anchor_text, stop - begin) == 0;
}

/**
 * toa_anchor_locate:
 * @plain_text: the current plain text of the body (NFC)
 * @start: the anchor's start when it was written (characters)
 * @end: its end (exclusive)
 * @anchor_text: the text it was anchored to
 * @found_start: (out) (optional): where it is now, -1 when detached
 * @found_end: (out) (optional): where it ends now, -1 when detached
 *
 * Finds an anchored text again after edits: in place, else the
 * occurrence nearest to where it was, else nowhere (detached: the comment
 * stays, without a highlight).
 *
 * Returns: %TOA_ANCHOR_ATTACHED, %TOA_ANCHOR_MOVED or %TOA_ANCHOR_DETACHED
 */
ToaAnchorState
toa_anchor_locate (const char *plain_text,
                   gint64      start,
                   gint64      end,
                   const char *anchor_text,
                   gint64     *found_start,
                   gint64     *found_end)
{
  glong length;
  gint64 best = -1;
  gint64 anchor_length;
  ToaAnchorState state = TOA_ANCHOR_DETACHED;

  g_return_val_if_fail (plain_text != NULL, TOA_ANCHOR_DETACHED);
  g_return_val_if_fail (anchor_text != NULL, TOA_ANCHOR_DETACHED);

  length = g_utf8_strlen (plain_text, -1);
  anchor_length = g_utf8_strlen (anchor_text, -1);
  if (text_at (plain_text, length, start, end, anchor_text))
    {
      best = start;
      state = TOA_ANCHOR_ATTACHED;
    }
  else if (*anchor_text != '\0')
    {
      for (const char *hit = strstr (plain_text, anchor_text); hit != NULL; hit = strstr (hit + 1, anchor_text))
        {
          gint64 at = g_utf8_pointer_to_offset (plain_text, hit);

          if (best < 0 || ABS (at - start) < ABS (best - start))
            best = at;
        }
      if (best >= 0)
        state = TOA_ANCHOR_MOVED;
    }
  if (found_start != NULL)
    *found_start = best;
  if (found_end != NULL)
    *found_end = best < 0 ? -1 : best + anchor_length;
  return state;
}

static gboolean
parse_anchor (const char  *stored,
              gint64      *start,
              gint64      *end,
              const char **text)
{
  char *rest = NULL;

  if (stored == NULL)
    return FALSE;
  *start = g_ascii_strtoll (stored, &rest, 10);
  if (rest == stored || *rest != ':')
    return FALSE;
  stored = rest + 1;
  *end = g_ascii_strtoll (stored, &rest, 10);
  if (rest == stored || *rest != ':')
    return FALSE;
  *text = rest + 1;
  return TRUE;
}

static char *
current_plain_text (ToaStore    *self,
                    gint64       article_id,
                    gint64      *revision_id,
                    GError     **error)
{
  g_autoptr(ToaArticle) article = toa_store_get_article (self, article_id, error);

  if (article == NULL)
    return NULL;
  if (revision_id != NULL)
    *revision_id = article->current_revision;
  if (article->content == NULL || article->content->body == NULL)
    return g_strdup ("");
  return toa_body_to_plain_text (article->content->body);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* "START:END:TEXT" for [start, end) of @plain, or NULL with @error set. */
static char *
build_anchor (const char  *plain,
              gint64       start,
              gint64       end,
              GError     **error)
{
  glong length = g_utf8_strlen (plain, -1);
  const char *begin, *stop;
  g_autofree char *text = NULL;

  if (start < 0 || end <= start || end > length)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The range %lld:%lld is not within the body text (0:%ld)"),
                   (long long) start, (long long) end, length);
      return NULL;
    }
  begin = g_utf8_offset_to_pointer (plain, start);
  stop = g_utf8_offset_to_pointer (begin, end - start);
  text = g_strndup (begin, stop - begin);
  if (is_blank (text))
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The range %lld:%lld holds no text to comment on"),
                   (long long) start, (long long) end);
      return NULL;
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", start, end, text);
}

/* The article's current revision, or 0 with @error set. */
static gint64
current_revision_in_transaction (ToaStore    *self,
                                 gint64       article_id,
                                 GError     **error)
{
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  stmt = toa_store_prepare (self, "SELECT current_revision FROM articles WHERE id = ? AND deleted = 0",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    toa_store_fail (self, rc, error);
  else
    g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                 _("There is no article %lld"), (long long) article_id);
  return 0;
}

static gint64
insert_anchored (ToaStore    *self,
                 gint64       article_id,
                 gint64       seen_revision,
                 const char  *author_login,
                 const char  *text,
                 const char  *anchor,
                 GError     **error)
{
  g_autoptr(ToaUser) author = NULL;
  g_autoptr(ToaStmt) stmt = NULL;
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  gint64 revision_id;

  author = toa_store_require_user (self, author_login, error);
  if (author == NULL)
    return 0;
  revision_id = current_revision_in_transaction (self, article_id, error);
  if (revision_id == 0)
    return 0;
  if (revision_id != seen_revision)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_CONFLICT,
                   _("Article %lld was saved again while you commented; select the text again"),
                   (long long) article_id);
      return 0;
    }
  stmt = toa_store_prepare (self,
                            "INSERT INTO comments (article_id, revision_id, author, created, text, anchor) "
                            "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, article_id);
  toa_bind_id (stmt, 2, revision_id);
  toa_bind_text (stmt, 3, author->login);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  toa_bind_text (stmt, 5, g_strstrip (nfc));
  toa_bind_text (stmt, 6, anchor);
  if (!toa_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * toa_store_add_anchored_comment:
 * @self: a #ToaStore
 * @article_id: the article; the comment is attached to its current revision
 * @author_login: who writes
 * @text: the comment
 * @start: first character of the commented range in the body's plain
 *   text, or -1 for a comment on the whole article
 * @end: the character after the range, or -1
 * @error: return location for a #GError
 *
 * Adds a comment on a range of the current body. The range must hold some
 * text; %TOA_STORE_ERROR_INVALID otherwise, and %TOA_STORE_ERROR_CONFLICT
 * when the article was saved between reading its body and writing.
 *
 * Returns: the new comment's id, 0 on error
 */
gint64
toa_store_add_anchored_comment (ToaStore     *self,
                                gint64        article_id,
                                const char   *author_login,
                                const char   *text,
                                gint64        start,
                                gint64        end,
                                GError      **error)
{
  TOA_STORE_LOCK (self);
  g_autofree char *plain = NULL;
  g_autofree char *anchor = NULL;
  gint64 seen_revision = 0;
  gint64 id;

  g_return_val_if_fail (TOA_IS_STORE (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  if (start < 0 && end < 0)
    return toa_store_add_comment (self, article_id, author_login, text, error);
  if (!g_utf8_validate (text, -1, NULL) || is_blank (text))
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID,
                   _("The comment is empty or not valid UTF-8 text"));
      return 0;
    }
  plain = current_plain_text (self, article_id, &seen_revision, error);
  if (plain == NULL)
    return 0;
  anchor = build_anchor (plain, start, end, error);
  if (anchor == NULL || !toa_store_begin (self, error))
    return 0;
  id = insert_anchored (self, article_id, seen_revision, author_login, text, anchor, error);
  if (id == 0 || !toa_store_commit (self, error))
    {
      toa_store_rollback (self);
      return 0;
    }
  return id;
}

/**
 * toa_store_reopen_comment:
 * @self: a #ToaStore
 * @comment_id: a resolved comment
 * @actor_login: who reopens it
 * @error: return location for a #GError
 *
 * Marks a comment unresolved again. Reopening an unresolved comment
 * changes nothing and succeeds.
 *
 * Returns: %TRUE on success
 */
gboolean
toa_store_reopen_comment (ToaStore     *self,
                          gint64        comment_id,
                          const char   *actor_login,
                          GError      **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaUser) actor = NULL;
  g_autoptr(ToaStmt) stmt = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  if (!toa_store_begin (self, error))
    return FALSE;
  actor = toa_store_require_user (self, actor_login, error);
  if (actor == NULL)
    goto failed;
  stmt = toa_store_prepare (self, "UPDATE comments SET resolved = 0 WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, comment_id);
  if (!toa_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND,
                   _("There is no comment %lld"), (long long) comment_id);
      goto failed;
    }
  return toa_store_commit (self, error);

failed:
  toa_store_rollback (self);
  return FALSE;
}

static ToaAnchoredComment *
anchored_from_row (ToaStmt    *stmt,
                   const char *plain)
{
  ToaAnchoredComment *item = g_new0 (ToaAnchoredComment, 1);
  ToaComment *comment = g_new0 (ToaComment, 1);
  const char *stored = (const char *) sqlite3_column_text (stmt, 7);
  const char *anchor_text = NULL;
  gint64 start, end;

  comment->id = sqlite3_column_int64 (stmt, 0);
  comment->article_id = sqlite3_column_int64 (stmt, 1);
  comment->revision_id = sqlite3_column_int64 (stmt, 2);
  comment->author = toa_column_dup (stmt, 3);
  comment->created = sqlite3_column_int64 (stmt, 4);
  comment->text = toa_column_dup (stmt, 5);
  comment->resolved = sqlite3_column_int (stmt, 6) != 0;
  item->comment = comment;
  item->start = item->end = -1;
  if (parse_anchor (stored, &start, &end, &anchor_text))
    {
      item->anchor_text = g_strdup (anchor_text);
      item->state = toa_anchor_locate (plain, start, end, anchor_text, &item->start, &item->end);
    }
  return item;
}

/**
 * toa_store_list_anchored_comments:
 * @self: a #ToaStore
 * @article_id: the article
 * @error: return location for a #GError
 *
 * The article's comments, oldest first, each with where its anchor is
 * in the current body (see toa_anchor_locate()).
 *
 * Returns: (transfer full) (element-type ToaAnchoredComment): the comments
 */
GPtrArray *
toa_store_list_anchored_comments (ToaStore     *self,
                                  gint64        article_id,
                                  GError      **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *plain = NULL;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  plain = current_plain_text (self, article_id, NULL, error);
  if (plain == NULL)
    return NULL;
  stmt = toa_store_prepare (self,
                            "SELECT id, article_id, revision_id, author, created, text, resolved, anchor "
                            "FROM comments WHERE article_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_anchored_comment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, anchored_from_row (stmt, plain));
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * toa_store_count_unresolved_comments:
 * @self: a #ToaStore
 * @article_id: the article
 * @error: return location for a #GError
 *
 * For lists and the workflow bar. A deleted or unknown article has none.
 *
 * Returns: how many of the article's comments are unresolved, -1 on error
 */
gint64
toa_store_count_unresolved_comments (ToaStore  *self,
                                     gint64     article_id,
                                     GError   **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), -1);

  stmt = toa_store_prepare (self, "SELECT count(*) FROM comments WHERE article_id = ? AND resolved = 0",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      toa_store_fail (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * toa_store_list_unresolved_counts:
 * @self: a #ToaStore
 * @error: return location for a #GError
 *
 * Every article with unresolved comments and how many, in one query: for
 * article lists, which would otherwise ask once per row. Deleted articles
 * are left out.
 *
 * Returns: (transfer full) (element-type gint64 gint64): article id →
 *   count, keys and values as #gint64 pointers (g_int64_hash()), or %NULL
 */
GHashTable *
toa_store_list_unresolved_counts (ToaStore  *self,
                                  GError   **error)
{
  TOA_STORE_LOCK (self);
  g_autoptr(ToaStmt) stmt = NULL;
  g_autoptr(GHashTable) counts = NULL;
  int rc;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  stmt = toa_store_prepare (self, "SELECT c.article_id, count(*) FROM comments c "
                                  "JOIN articles a ON a.id = c.article_id "
                                  "WHERE c.resolved = 0 AND a.deleted = 0 GROUP BY c.article_id", error);
  if (stmt == NULL)
    return NULL;
  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), g_memdup2 (&n, sizeof n));
    }
  if (rc != SQLITE_DONE)
    {
      toa_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}
