/* toa-export-article.c — export input and the portal policy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-export-article.h"
#include "toa-export-error.h"
#include "toa-export-private.h"

G_DEFINE_BOXED_TYPE (ToaExportArticle, toa_export_article,
                     toa_export_article_copy, toa_export_article_free)

/**
 * toa_export_article_new:
 *
 * Returns: (transfer full): an article with empty content and no dates
 */
ToaExportArticle *
toa_export_article_new (void)
{
  ToaExportArticle *article = g_new0 (ToaExportArticle, 1);

  article->content = toa_article_content_new ();
  return article;
}

/**
 * toa_export_article_copy:
 *
 * Returns: (transfer full): a deep copy of @article
 */
ToaExportArticle *
toa_export_article_copy (const ToaExportArticle *article)
{
  ToaExportArticle *copy;

  g_return_val_if_fail (article != NULL, NULL);

  copy = g_new0 (ToaExportArticle, 1);
  copy->id = article->id;
  copy->office_code = g_strdup (article->office_code);
  copy->office_name = g_strdup (article->office_name);
  copy->status = g_strdup (article->status);
  copy->author = g_strdup (article->author);
  copy->created = article->created != NULL ? g_date_time_ref (article->created) : NULL;
  copy->updated = article->updated != NULL ? g_date_time_ref (article->updated) : NULL;
  copy->published = article->published != NULL ? g_date_time_ref (article->published) : NULL;
  copy->approved_revision = article->approved_revision;
  copy->approved_hash = g_strdup (article->approved_hash);
  copy->content = article->content != NULL ? toa_article_content_copy (article->content)
                                           : toa_article_content_new ();
  return copy;
}

void
toa_export_article_free (ToaExportArticle *article)
{
  if (article == NULL)
    return;

  g_free (article->office_code);
  g_free (article->office_name);
  g_free (article->status);
  g_free (article->author);
  g_clear_pointer (&article->created, g_date_time_unref);
  g_clear_pointer (&article->updated, g_date_time_unref);
  g_clear_pointer (&article->published, g_date_time_unref);
  g_free (article->approved_hash);
  g_clear_pointer (&article->content, toa_article_content_free);
  g_free (article);
}

/**
 * toa_export_media_new:
 * @bytes: the encoded image
 * @mime_type: its type, e.g. "image/jpeg"
 * @width: its width in pixels (0 if unknown)
 * @height: its height in pixels (0 if unknown)
 *
 * Returns: (transfer full): a new media record holding a reference to @bytes
 */
ToaExportMedia *
toa_export_media_new (GBytes     *bytes,
                      const char *mime_type,
                      int         width,
                      int         height)
{
  ToaExportMedia *media;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (mime_type != NULL, NULL);

  media = g_new0 (ToaExportMedia, 1);
  media->bytes = g_bytes_ref (bytes);
  media->mime_type = g_strdup (mime_type);
  media->width = width;
  media->height = height;
  return media;
}

void
toa_export_media_free (ToaExportMedia *media)
{
  if (media == NULL)
    return;

  g_clear_pointer (&media->bytes, g_bytes_unref);
  g_free (media->mime_type);
  g_free (media);
}

static gboolean
check_status (const ToaExportArticle  *article,
              GError                 **error)
{
  if (g_strcmp0 (article->status, "approved") != 0 &&
      g_strcmp0 (article->status, "published") != 0)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED,
                   _("Article %lld is not approved; it can only be exported as a preview"),
                   (long long) article->id);
      return FALSE;
    }
  if (article->approved_hash == NULL || article->content == NULL)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED,
                   _("Article %lld has no approved revision"), (long long) article->id);
      return FALSE;
    }
  return TRUE;
}

/* The policy, given the hash of the article's current content (the
 * exporters have it at hand in the article XML they built). */
gboolean
toa_export_check_policy_with_hash (const ToaExportArticle  *article,
                                   const char              *hash,
                                   GError                 **error)
{
  if (!check_status (article, error))
    return FALSE;
  if (g_ascii_strcasecmp (hash, article->approved_hash) != 0)
    {
      g_set_error (error, TOA_EXPORT_ERROR, TOA_EXPORT_ERROR_NOT_APPROVED,
                   _("Article %lld was changed after its approval; it needs to be approved again"),
                   (long long) article->id);
      return FALSE;
    }
  return TRUE;
}

/**
 * toa_export_check_portal_policy:
 * @article: the article
 * @error: return location for a #GError
 *
 * Only an approved or published article whose current content still has
 * the hash that was approved may leave for the portal: an edit after the
 * approval, however small, needs a new approval. Anything else may only
 * be exported as a preview.
 *
 * Returns: %TRUE if @article may be exported for the portal
 */
gboolean
toa_export_check_portal_policy (const ToaExportArticle  *article,
                                GError                 **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (article != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_status (article, error))
    return FALSE;
  hash = toa_article_content_hash (article->content, error);
  if (hash == NULL)
    return FALSE;
  return toa_export_check_policy_with_hash (article, hash, error);
}
