/* test-workflow.c — every transition, allowed and refused, through the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-test-newsroom.h"

/* A QLCN article written (and submitted) by "an", brought to @status by
 * the people whose job it is. */
static gint64
article_in (Newsroom         *n,
            ToaArticleStatus  status)
{
  gint64 id = newsroom_article (n, "an", "Khánh thành nhà máy điện gió");

  if (status == TOA_ARTICLE_STATUS_DRAFT)
    return id;
  newsroom_act (n, id, "submit", "an", NULL);
  if (status == TOA_ARTICLE_STATUS_SUBMITTED)
    return id;
  newsroom_act (n, id, "approve", "chi", NULL);
  if (status == TOA_ARTICLE_STATUS_APPROVED)
    return id;
  newsroom_act (n, id, "publish", "phuong", NULL);
  if (status == TOA_ARTICLE_STATUS_PUBLISHED)
    return id;
  newsroom_act (n, id, "unpublish", "chi", "Thông tin đã cũ");
  g_assert_cmpint (newsroom_status (n, id), ==, TOA_ARTICLE_STATUS_ARCHIVED);
  return id;
}

static gint64
trail_rows (Newsroom *n,
            gint64    id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM transitions WHERE article_id = %"
                                          G_GINT64_FORMAT, id);

  return newsroom_sql_int (n->path, sql);
}

typedef struct
{
  const char       *action;
  ToaArticleStatus  from;
  const char       *actor;
  gboolean          allowed;
  ToaArticleStatus  to;
} Case;

#define D TOA_ARTICLE_STATUS_DRAFT
#define S TOA_ARTICLE_STATUS_SUBMITTED
#define A TOA_ARTICLE_STATUS_APPROVED
#define P TOA_ARTICLE_STATUS_PUBLISHED
#define R TOA_ARTICLE_STATUS_ARCHIVED

/* Roles and offices: an, binh = QLCN authors; chi = QLCN approver (and
 * author); dung = KHTC author; em = KHTC approver; lan = leader;
 * phuong = publisher; quan = admin. The article is QLCN's, by an. */
static const Case cases[] = {
  { "submit", D, "an", TRUE, S },
  { "submit", D, "binh", TRUE, S },
  { "submit", D, "chi", TRUE, S },
  { "submit", D, "dung", FALSE, D },
  { "submit", D, "em", FALSE, D },
  { "submit", D, "lan", FALSE, D },
  { "submit", D, "phuong", FALSE, D },
  { "submit", D, "quan", FALSE, D },
  { "withdraw", S, "an", TRUE, D },
  { "withdraw", S, "binh", FALSE, S },
  { "withdraw", S, "chi", FALSE, S },
  { "withdraw", S, "lan", FALSE, S },
  { "return", S, "chi", TRUE, D },
  { "return", S, "lan", TRUE, D },
  { "return", S, "em", FALSE, S },
  { "return", S, "an", FALSE, S },
  { "return", S, "phuong", FALSE, S },
  { "return", A, "chi", TRUE, D },
  { "return", A, "lan", TRUE, D },
  { "return", A, "em", FALSE, A },
  { "approve", S, "chi", TRUE, A },
  { "approve", S, "lan", TRUE, A },
  { "approve", S, "em", FALSE, S },
  { "approve", S, "an", FALSE, S },
  { "approve", S, "binh", FALSE, S },
  { "approve", S, "phuong", FALSE, S },
  { "approve", S, "quan", FALSE, S },
  { "publish", A, "phuong", TRUE, P },
  { "publish", A, "lan", TRUE, P },
  { "publish", A, "chi", FALSE, A },
  { "publish", A, "an", FALSE, A },
  { "publish", A, "quan", FALSE, A },
  { "unpublish", P, "chi", TRUE, R },
  { "unpublish", P, "lan", TRUE, R },
  { "unpublish", P, "phuong", TRUE, R },
  { "unpublish", P, "em", FALSE, P },
  { "unpublish", P, "an", FALSE, P },
  { "restore", R, "quan", TRUE, D },
  { "restore", R, "lan", TRUE, D },
  { "restore", R, "chi", FALSE, R },
  { "restore", R, "an", FALSE, R },
  { "restore", R, "phuong", FALSE, R },
};

static void
test_every_transition (Newsroom      *n,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = NULL;
      gint64 id = article_in (n, c->from);
      gint64 rows = trail_rows (n, id);
      gboolean ok;

      ok = toa_store_transition (n->store, id, c->action, c->actor, "Lý do: cần bổ sung số liệu", &error);
      if (c->allowed)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (trail_rows (n, id), ==, rows + 1);
        }
      else
        {
          g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_NOT_PERMITTED);
          g_assert_false (ok);
          g_assert_cmpint (trail_rows (n, id), ==, rows);
        }
      g_assert_cmpint (newsroom_status (n, id), ==, c->to);
    }
}

static void
test_wrong_status (Newsroom      *n,
                   gconstpointer  data)
{
  const char * const *actions = toa_workflow_list_actions ();

  /* Every action from every status it does not start from. */
  for (ToaArticleStatus s = 0; s < TOA_ARTICLE_N_STATUSES; s++)
    {
      gint64 id = article_in (n, s);

      for (guint i = 0; actions[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;
          gboolean applies =
            (g_str_equal (actions[i], "submit") && s == D) ||
            (g_str_equal (actions[i], "withdraw") && s == S) ||
            (g_str_equal (actions[i], "return") && (s == S || s == A)) ||
            (g_str_equal (actions[i], "approve") && s == S) ||
            (g_str_equal (actions[i], "publish") && s == A) ||
            (g_str_equal (actions[i], "unpublish") && s == P) ||
            (g_str_equal (actions[i], "restore") && s == R);

          if (applies)
            continue;
          /* The status is checked before the roles: even someone who
           * could take the action elsewhere is told it does not apply.
           * "submit" from published applies only with a new draft. */
          g_assert_false (toa_store_transition (n->store, id, actions[i],
                                                g_str_equal (actions[i], "submit") ? "an" : "lan",
                                                "vì", &error));
          g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_WRONG_STATUS);
          g_assert_cmpint (newsroom_status (n, id), ==, s);
        }
    }
}

static void
test_separation_of_duties (Newsroom      *n,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Bài của trưởng phòng", NULL);
  gint64 id = newsroom_article (n, "chi", "Bài của trưởng phòng");
  gint64 other;
  gint64 version;

  newsroom_act (n, id, "submit", "chi", NULL);
  g_assert_false (toa_store_transition (n->store, id, "approve", "chi", NULL, &error));
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_SELF_APPROVAL);
  g_assert_cmpint (newsroom_status (n, id), ==, S);
  g_clear_error (&error);

  /* The author of the *approved revision* counts, not the creator. */
  other = article_in (n, S);
  toa_store_save_revision (n->store, other, 1, content, "chi", &version, &error);
  g_assert_no_error (error);
  g_assert_false (toa_store_transition (n->store, other, "approve", "chi", NULL, &error));
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_SELF_APPROVAL);
  g_clear_error (&error);

  /* Only an admin may turn the setting on; then small offices may. */
  g_assert_false (toa_store_set_setting (n->store, "chi", "allow_self_approval", "1", &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  toa_store_set_setting (n->store, "quan", "allow_self_approval", "1", &error);
  g_assert_no_error (error);
  newsroom_act (n, id, "approve", "chi", NULL);
  g_assert_cmpint (newsroom_status (n, id), ==, A);
}

static void
test_edit_voids_approval (Newsroom      *n,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Tiêu đề đã sửa", NULL);
  g_autoptr(ToaArticle) article = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  ToaTransition *last;
  gint64 id = article_in (n, A);
  gint64 version = 0;

  toa_store_save_revision (n->store, id, 1, content, "binh", &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);

  article = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (article->status, ==, D);
  g_assert_cmpint (article->approved_revision, ==, 0);
  g_assert_null (article->approved_hash);
  g_assert_cmpstr (article->content->title, ==, "Tiêu đề đã sửa");

  trail = toa_store_list_transitions (n->store, id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (trail, trail->len - 1);
  g_assert_cmpstr (last->action, ==, "void");
  g_assert_true (last->has_from);
  g_assert_cmpint (last->from_status, ==, A);
  g_assert_cmpint (last->to_status, ==, D);
  g_assert_cmpstr (last->actor, ==, "binh");
  g_assert_cmpint (last->revision_id, ==, article->current_revision);
  g_assert_cmpstr (last->hash, ==, article->current_hash);
}

static void
test_edit_keeps_submitted (Newsroom      *n,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Sửa khi chờ duyệt", NULL);
  g_autoptr(GPtrArray) revisions = NULL;
  gint64 id = article_in (n, S);
  gint64 rows = trail_rows (n, id);

  toa_store_save_revision (n->store, id, 1, content, "an", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (newsroom_status (n, id), ==, S);
  g_assert_cmpint (trail_rows (n, id), ==, rows);
  revisions = toa_store_list_revisions (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
}

static void
test_published_stays_published (Newsroom      *n,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Bản cập nhật", NULL);
  g_autoptr(ToaArticle) before = NULL;
  g_autoptr(ToaArticle) after = NULL;
  g_autoptr(ToaArticle) republished = NULL;
  gint64 id = article_in (n, P);

  /* Nothing new to submit yet. */
  g_assert_false (toa_store_transition (n->store, id, "submit", "an", NULL, &error));
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_WRONG_STATUS);
  g_clear_error (&error);

  before = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before->published_revision, ==, before->current_revision);

  toa_store_save_revision (n->store, id, before->version, content, "an", NULL, &error);
  g_assert_no_error (error);
  after = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->status, ==, P);
  g_assert_cmpint (after->published_revision, ==, before->published_revision);
  g_assert_cmpint (after->current_revision, !=, before->current_revision);

  /* The new draft goes through approval while the old one stays live. */
  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  g_clear_pointer (&after, toa_article_free);
  after = toa_store_get_article (n->store, id, &error);
  g_assert_cmpint (after->status, ==, A);
  g_assert_cmpint (after->published_revision, ==, before->published_revision);
  newsroom_act (n, id, "publish", "phuong", NULL);
  republished = toa_store_get_article (n->store, id, &error);
  g_assert_cmpint (republished->published_revision, ==, after->current_revision);
  g_assert_cmpstr (republished->content->title, ==, "Bản cập nhật");
}

static void
test_live_article_returns_to_published (Newsroom      *n,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Bản sửa sau khi đăng", NULL);
  g_autoptr(ToaArticle) live = NULL;
  g_autoptr(ToaArticle) after = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  ToaTransition *last;
  gint64 id = article_in (n, P);
  gint64 version = 0;

  live = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  toa_store_save_revision (n->store, id, live->version, content, "an", &version, &error);
  g_assert_no_error (error);

  /* Taking the new draft out of review leaves the live article published. */
  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "withdraw", "an", NULL);
  g_assert_cmpint (newsroom_status (n, id), ==, P);
  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "return", "chi", "Chưa đạt");
  g_assert_cmpint (newsroom_status (n, id), ==, P);

  /* Editing an approved update voids the approval, back to published. */
  newsroom_act (n, id, "submit", "an", NULL);
  newsroom_act (n, id, "approve", "chi", NULL);
  toa_store_save_revision (n->store, id, version, content, "an", &version, &error);
  g_assert_no_error (error);
  after = toa_store_get_article (n->store, id, &error);
  g_assert_cmpint (after->status, ==, P);
  g_assert_cmpint (after->published_revision, ==, live->published_revision);
  g_assert_null (after->approved_hash);
  trail = toa_store_list_transitions (n->store, id, &error);
  last = g_ptr_array_index (trail, trail->len - 1);
  g_assert_cmpstr (last->action, ==, "void");
  g_assert_cmpint (last->to_status, ==, P);
}

static void
test_required_comments (Newsroom      *n,
                        gconstpointer  data)
{
  const char *empty[] = { NULL, "", "  \n\t " };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  gint64 submitted = article_in (n, S);
  gint64 published = article_in (n, P);
  ToaTransition *last;

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_assert_false (toa_store_transition (n->store, submitted, "return", "chi", empty[i], &error));
      g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_COMMENT_REQUIRED);
      g_clear_error (&error);
      g_assert_false (toa_store_transition (n->store, published, "unpublish", "chi", empty[i], &error));
      g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_COMMENT_REQUIRED);
      g_clear_error (&error);
    }
  g_assert_cmpint (newsroom_status (n, submitted), ==, S);
  g_assert_cmpint (newsroom_status (n, published), ==, P);
  g_assert_true (toa_workflow_action_requires_comment ("return"));
  g_assert_false (toa_workflow_action_requires_comment ("approve"));

  newsroom_act (n, submitted, "return", "chi", "  Cần bổ sung ảnh.  ");
  trail = toa_store_list_transitions (n->store, submitted, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (trail, trail->len - 1);
  g_assert_cmpstr (last->action, ==, "return");
  g_assert_cmpstr (last->comment, ==, "Cần bổ sung ảnh.");
}

static void
test_publish_refuses_hash_mismatch (Newsroom      *n,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id = article_in (n, A);
  gint64 rows = trail_rows (n, id);

  /* Someone changed the approved hash behind the store's back. */
  sql = g_strdup_printf ("UPDATE articles SET approved_hash = 'beef' WHERE id = %" G_GINT64_FORMAT, id);
  newsroom_sql_exec (n->path, sql);
  g_assert_false (toa_store_transition (n->store, id, "publish", "phuong", NULL, &error));
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_HASH_MISMATCH);
  g_assert_cmpint (newsroom_status (n, id), ==, A);
  g_assert_cmpint (trail_rows (n, id), ==, rows);
}

static void
test_trail_records_revision (Newsroom      *n,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trail = NULL;
  g_autoptr(ToaArticle) article = NULL;
  const char *expected[] = { "create", "submit", "approve", "publish", "unpublish", "restore" };
  gint64 id = article_in (n, R);

  newsroom_act (n, id, "restore", "quan", NULL);
  article = toa_store_get_article (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (article->status, ==, D);
  g_assert_cmpint (article->published_revision, ==, 0);
  trail = toa_store_list_transitions (n->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trail->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < trail->len; i++)
    {
      ToaTransition *t = g_ptr_array_index (trail, i);

      g_assert_cmpstr (t->action, ==, expected[i]);
      g_assert_cmpint (t->revision_id, ==, article->current_revision);
      g_assert_cmpstr (t->hash, ==, article->current_hash);
    }
  g_assert_cmpstr (((ToaTransition *) g_ptr_array_index (trail, 3))->actor, ==, "phuong");
  g_assert_cmpstr (((ToaTransition *) g_ptr_array_index (trail, 4))->comment, ==, "Thông tin đã cũ");
}

static void
assert_actions (Newsroom   *n,
                gint64      id,
                const char *login,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = toa_store_list_permitted_actions (n->store, id, login, &error);
  g_autofree char *joined = NULL;

  g_assert_no_error (error);
  joined = g_strjoinv (",", actions);
  g_assert_cmpstr (joined, ==, expected);
}

static void
test_permitted_actions (Newsroom      *n,
                        gconstpointer  data)
{
  gint64 draft = article_in (n, D);
  gint64 submitted = article_in (n, S);
  gint64 approved = article_in (n, A);

  assert_actions (n, draft, "an", "submit");
  assert_actions (n, draft, "em", "");
  assert_actions (n, submitted, "an", "withdraw");
  assert_actions (n, submitted, "chi", "return,approve");
  assert_actions (n, submitted, "lan", "return,approve");
  assert_actions (n, submitted, "em", "");
  assert_actions (n, approved, "phuong", "publish");
  assert_actions (n, approved, "lan", "return,publish");
}

static void
test_bad_requests (Newsroom      *n,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = article_in (n, D);

  g_assert_false (toa_store_transition (n->store, id, "frobnicate", "an", NULL, &error));
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_UNKNOWN_ACTION);
  g_clear_error (&error);
  g_assert_false (toa_store_transition (n->store, 424242, "submit", "an", NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (toa_store_transition (n->store, id, "submit", "nobody", NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (newsroom_status (n, id), ==, D);
  g_assert_cmpint (trail_rows (n, id), ==, 1);
}

static void
test_editing_rights (Newsroom      *n,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Sửa trái phép", NULL);
  gint64 id = article_in (n, D);
  gint64 archived = article_in (n, R);

  g_assert_false (toa_store_save_revision (n->store, id, 1, content, "dung", NULL, &error));
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_false (toa_store_save_revision (n->store, archived, 1, content, "an", NULL, &error));
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_WRONG_STATUS);
  g_clear_error (&error);
  /* KHTC's author cannot write for QLCN either. */
  g_assert_cmpint (toa_store_create_article (n->store, "QLCN", content, "dung", &error), ==, 0);
  g_assert_error (error, TOA_WORKFLOW_ERROR, TOA_WORKFLOW_ERROR_NOT_PERMITTED);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM revisions WHERE title = 'Sửa trái phép'"),
                   ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/workflow/" path, Newsroom, NULL, newsroom_setup, func, newsroom_teardown)

  ADD ("every-transition", test_every_transition);
  ADD ("wrong-status", test_wrong_status);
  ADD ("separation-of-duties", test_separation_of_duties);
  ADD ("edit-voids-approval", test_edit_voids_approval);
  ADD ("edit-keeps-submitted", test_edit_keeps_submitted);
  ADD ("published-stays-published", test_published_stays_published);
  ADD ("live-article-returns-to-published", test_live_article_returns_to_published);
  ADD ("required-comments", test_required_comments);
  ADD ("publish-refuses-hash-mismatch", test_publish_refuses_hash_mismatch);
  ADD ("trail-records-revision", test_trail_records_revision);
  ADD ("permitted-actions", test_permitted_actions);
  ADD ("bad-requests", test_bad_requests);
  ADD ("editing-rights", test_editing_rights);

  return g_test_run ();
}
