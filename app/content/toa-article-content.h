/* toa-article-content.h — the editable content of one article revision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define TOA_TYPE_ARTICLE_CONTENT (toa_article_content_get_type ())

/* Everything a revision snapshots. Plain data: strings are UTF-8 in NFC,
 * owned by the struct. @body is the canonical body, a well-formed XHTML
 * fragment of the allowlisted elements ("<p>…</p><h2>…</h2>"); dates are
 * ISO 8601 ("2026-11-23") or NULL. */
typedef struct
{
  char  *title;
  char  *lead;
  char  *body;
  char  *byline;
  char  *category;
  char  *event_date;
  char  *display_date;
  char **tags;
} ToaArticleContent;

/* The body's elements live in the XHTML namespace; the article vocabulary
 * around them has none. */
#define TOA_XHTML_NAMESPACE "http://www.w3.org/1999/xhtml"

GType              toa_article_content_get_type  (void) G_GNUC_CONST;
ToaArticleContent *toa_article_content_new       (void);
ToaArticleContent *toa_article_content_copy      (const ToaArticleContent *content);
void               toa_article_content_free      (ToaArticleContent       *content);
gboolean           toa_article_content_equal     (const ToaArticleContent *a,
                                                  const ToaArticleContent *b);

xmlNodePtr         toa_article_content_to_xml       (const ToaArticleContent *content,
                                                     xmlDocPtr                doc,
                                                     GError                 **error);
GBytes            *toa_article_content_canonicalize (const ToaArticleContent *content,
                                                     GError                 **error);
char              *toa_article_content_hash         (const ToaArticleContent *content,
                                                     GError                 **error);

char              *toa_body_from_plain_text      (const char *text);
char              *toa_body_to_plain_text        (const char *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaArticleContent, toa_article_content_free)

G_END_DECLS
