/* toa-checklist.c — what must hold before an article is approved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <string.h>

#include "toa-checklist.h"
#include "toa-review.h"
#include "toa-vn-legacy.h"

G_DEFINE_QUARK (toa-checklist-error-quark, toa_checklist_error)

/**
 * toa_check_item_free:
 * @item: (transfer full) (nullable): a checklist item
 */
void
toa_check_item_free (ToaCheckItem *item)
{
  if (item == NULL)
    return;
  g_free (item->detail);
  g_free (item);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Takes @detail; NULL means the item passes. */
static void
add_item (GPtrArray  *items,
          ToaCheckId  id,
          const char *name,
          const char *label,
          char       *detail)
{
  ToaCheckItem *item = g_new0 (ToaCheckItem, 1);

  item->id = id;
  item->name = name;
  item->label = label;
  item->passed = detail == NULL;
  item->detail = detail;
  g_ptr_array_add (items, item);
}

static char *
check_title (const char *title)
{
  glong length;

  if (is_blank (title))
    return g_strdup (_("The article has no title"));
  length = g_utf8_strlen (title, -1);
  if (length > TOA_CHECKLIST_MAX_TITLE_LENGTH)
    return g_strdup_printf (_("The title has %ld characters; shorten it to %d"), length,
                            TOA_CHECKLIST_MAX_TITLE_LENGTH);
  return NULL;
}

static gboolean
has_text (xmlNodePtr node)
{
  g_autofree char *text = (char *) xmlNodeGetContent (node);

  return !is_blank (text);
}

static void
count_figures (xmlNodePtr  node,
               guint      *figures,
               guint      *uncaptioned)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      gboolean captioned = FALSE;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!xmlStrEqual (child->name, BAD_CAST "figure"))
        {
          count_figures (child, figures, uncaptioned);
          continue;
        }
      for (xmlNodePtr part = child->children; part != NULL; part = part->next)
        if (part->type == XML_ELEMENT_NODE && xmlStrEqual (part->name, BAD_CAST "figcaption") &&
            has_text (part))
          captioned = TRUE;
      (*figures)++;
      if (!captioned)
        (*uncaptioned)++;
    }
}

static char *
check_captions (const char *body)
{
  g_autofree char *wrapped = NULL;
  xmlDocPtr doc;
  guint figures = 0, uncaptioned = 0;

  if (body == NULL || *body == '\0')
    return NULL;
  /* The canonical body is a well-formed fragment: one wrapper makes it
   * a document. */
  wrapped = g_strconcat ("<body xmlns=\"" TOA_XHTML_NAMESPACE "\">", body, "</body>", NULL);
  doc = xmlReadMemory (wrapped, strlen (wrapped), NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
                       XML_PARSE_NOWARNING);
  if (doc == NULL)
    return g_strdup (_("The body could not be read to look for images"));
  count_figures (xmlDocGetRootElement (doc), &figures, &uncaptioned);
  xmlFreeDoc (doc);
  if (uncaptioned == 0)
    return NULL;
  return g_strdup_printf (_("Images without a caption: %u of %u"), uncaptioned, figures);
}

static gboolean
text_is_clean (const char *text)
{
  g_autoptr(GPtrArray) issues = NULL;

  if (text == NULL)
    return TRUE;
  issues = toa_vn_text_check (text, NULL);
  return issues != NULL && issues->len == 0;
}

static char *
check_text (const ToaArticleContent *content)
{
  g_autofree char *plain = content->body ? toa_body_to_plain_text (content->body) : NULL;
  g_autofree char *tags = content->tags ? g_strjoinv ("\n", content->tags) : NULL;
  const char *texts[] = { content->title, content->lead, plain, content->byline, tags };
  const char *labels[] = { N_("Title"), N_("Lead"), N_("Body"), N_("Byline"), N_("Tags") };
  g_autoptr(GString) fields = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!text_is_clean (texts[i]))
      {
        if (fields->len > 0)
          g_string_append (fields, ", ");
        g_string_append (fields, _(labels[i]));
      }
  if (fields->len == 0)
    return NULL;
  return g_strdup_printf (_("Legacy-encoded or unnormalized text in: %s"), fields->str);
}

/**
 * toa_checklist_compute:
 * @content: the revision to approve
 * @unresolved_comments: how many comments on the article are unresolved
 *
 * Computes the approval checklist, one #ToaCheckItem per #ToaCheckId in
 * that order.
 *
 * Returns: (transfer full) (element-type ToaCheckItem): the items
 */
GPtrArray *
toa_checklist_compute (const ToaArticleContent *content,
                       gint64                   unresolved_comments)
{
  GPtrArray *items;

  g_return_val_if_fail (content != NULL, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_check_item_free);
  add_item (items, TOA_CHECK_TITLE, "title", _("Title present, at most 200 characters"),
            check_title (content->title));
  add_item (items, TOA_CHECK_LEAD, "lead", _("Lead present"),
            is_blank (content->lead) ? g_strdup (_("The article has no lead")) : NULL);
  add_item (items, TOA_CHECK_CAPTIONS, "captions", _("Every image has a caption"),
            check_captions (content->body));
  add_item (items, TOA_CHECK_BYLINE, "byline", _("Byline present"),
            is_blank (content->byline) ? g_strdup (_("The article has no byline")) : NULL);
  add_item (items, TOA_CHECK_COMMENTS, "comments", _("No unresolved comments"),
            unresolved_comments > 0
            ? g_strdup_printf (_("Unresolved comments: %lld"), (long long) unresolved_comments)
            : NULL);
  add_item (items, TOA_CHECK_TEXT, "text", _("No legacy-encoded or unnormalized text"),
            check_text (content));
  return items;
}

/**
 * toa_checklist_passed:
 * @items: (element-type ToaCheckItem): a checklist
 *
 * Returns: whether every item passes
 */
gboolean
toa_checklist_passed (GPtrArray *items)
{
  g_return_val_if_fail (items != NULL, FALSE);

  for (guint i = 0; i < items->len; i++)
    if (!((ToaCheckItem *) g_ptr_array_index (items, i))->passed)
      return FALSE;
  return TRUE;
}

/**
 * toa_store_compute_checklist:
 * @self: a #ToaStore
 * @article_id: the article
 * @error: return location for a #GError
 *
 * The checklist of the article's current revision and comments.
 *
 * Returns: (transfer full) (element-type ToaCheckItem): the items, or %NULL
 */
GPtrArray *
toa_store_compute_checklist (ToaStore  *self,
                             gint64     article_id,
                             GError   **error)
{
  g_autoptr(ToaArticle) article = NULL;
  gint64 unresolved;

  g_return_val_if_fail (TOA_IS_STORE (self), NULL);

  article = toa_store_get_article (self, article_id, error);
  if (article == NULL)
    return NULL;
  unresolved = toa_store_count_unresolved_comments (self, article_id, error);
  if (unresolved < 0)
    return NULL;
  return toa_checklist_compute (article->content, unresolved);
}

static char *
failing_labels (GPtrArray *items)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      ToaCheckItem *item = g_ptr_array_index (items, i);

      if (item->passed)
        continue;
      if (labels->len > 0)
        g_string_append (labels, "; ");
      g_string_append (labels, item->label);
    }
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

/* The trail comment of an overridden approval: the reason, what failed,
 * and the approver's own comment. */
static char *
override_comment (GPtrArray  *items,
                  const char *reason,
                  const char *comment)
{
  g_autofree char *failing = failing_labels (items);
  g_autofree char *head = g_strdup_printf (_("Checklist overridden (%s): %s"), failing, reason);

  if (is_blank (comment))
    return g_steal_pointer (&head);
  return g_strconcat (head, "\n", comment, NULL);
}

/**
 * toa_store_approve_checked:
 * @self: a #ToaStore
 * @article_id: a submitted article
 * @actor_login: the approver
 * @comment: (nullable): the approver's comment
 * @override_reason: (nullable): why to approve although items fail
 * @error: return location for a #GError
 *
 * Approves through the checklist. When an item fails, approval needs an
 * @override_reason: without one nothing changes and the error is
 * %TOA_CHECKLIST_ERROR_FAILED naming the failing items; with one, the
 * trail's approval comment records the reason and the failing items.
 * The workflow's own rules (roles, separation of duties) still apply.
 *
 * Returns: %TRUE when the article was approved
 */
gboolean
toa_store_approve_checked (ToaStore    *self,
                           gint64       article_id,
                           const char  *actor_login,
                           const char  *comment,
                           const char  *override_reason,
                           GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *trail_comment = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (TOA_IS_STORE (self), FALSE);

  items = toa_store_compute_checklist (self, article_id, error);
  if (items == NULL)
    return FALSE;
  if (toa_checklist_passed (items))
    return toa_store_transition (self, article_id, "approve", actor_login, comment, error);
  if (is_blank (override_reason))
    {
      g_autofree char *failing = failing_labels (items);

      g_set_error (error, TOA_CHECKLIST_ERROR, TOA_CHECKLIST_ERROR_FAILED,
                   _("The approval checklist fails (%s); fix the article or give a reason to override"),
                   failing);
      return FALSE;
    }
  reason = g_strstrip (g_strdup (override_reason));
  trail_comment = override_comment (items, reason, comment);
  return toa_store_transition (self, article_id, "approve", actor_login, trail_comment, error);
}
