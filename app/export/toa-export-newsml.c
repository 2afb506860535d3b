/* toa-export-newsml.c — NewsML-G2 news items and the Atom feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-article-xml.h"
#include "toa-export-error.h"
#include "toa-export-newsml.h"
#include "toa-export-private.h"

#define NEWSML_STANDARD_VERSION "2.29"
#define NEWSML_CATALOG "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"

static xmlNodePtr
add_text (xmlNodePtr  parent,
          const char *name,
          const char *text)
{
  return xmlNewTextChild (parent, NULL, BAD_CAST name, BAD_CAST (text != NULL ? text : ""));
}

static void
add_time (xmlNodePtr  parent,
          const char *name,
          GDateTime  *time)
{
  g_autofree char *text = toa_export_format_time (time);

  if (text != NULL)
    add_text (parent, name, text);
}

static xmlNodePtr
add_empty (xmlNodePtr  parent,
           const char *name,
           const char *attribute,
           const char *value)
{
  xmlNodePtr node = xmlNewChild (parent, NULL, BAD_CAST name, NULL);

  xmlNewProp (node, BAD_CAST attribute, BAD_CAST value);
  return node;
}

/* A copy of the validated body of @article (an XHTML <body> with its
 * namespace declaration), for @doc. */
static xmlNodePtr
copy_body (const ToaExportArticle  *article,
           xmlDocPtr                doc,
           GError                 **error)
{
  xmlDocPtr source = toa_article_xml_build (article, error);
  xmlNodePtr content;
  xmlNodePtr copy = NULL;

  if (source == NULL)
    return NULL;
  content = xmlGetLastChild (xmlDocGetRootElement (source));
  while (content != NULL && content->type != XML_ELEMENT_NODE)
    content = content->prev;
  g_assert (content != NULL && xmlStrEqual (content->name, BAD_CAST "content"));
  copy = xmlDocCopyNode (xmlGetLastChild (content), doc, 1);
  xmlFreeDoc (source);
  return copy;
}

static char *
article_urn (const ToaExportArticle *article)
{
  return g_strdup_printf ("urn:toasoan:article:%s:%lld", article->office_code, (long long) article->id);
}

static void
add_item_meta (xmlNodePtr              item,
               const ToaExportArticle *article,
               const char             *provider)
{
  xmlNodePtr meta = xmlNewChild (item, NULL, BAD_CAST "itemMeta", NULL);

  add_empty (meta, "itemClass", "qcode", "ninat:text");
  add_empty (meta, "provider", "literal", provider);
  add_time (meta, "versionCreated", article->updated);
  add_time (meta, "firstCreated", article->created);
  add_empty (meta, "pubStatus", "qcode", "stat:usable");
}

static void
add_content_meta (xmlNodePtr              item,
                  const ToaExportArticle *article)
{
  const ToaArticleContent *content = article->content;
  xmlNodePtr meta = xmlNewChild (item, NULL, BAD_CAST "contentMeta", NULL);
  const char *creator = content->byline != NULL ? content->byline : article->author;

  add_time (meta, "contentCreated", article->created);
  add_time (meta, "contentModified", article->updated);
  if (creator != NULL)
    add_text (add_empty (meta, "creator", "literal", creator), "name", creator);
  add_empty (meta, "language", "tag", "vi");
  for (guint i = 0; content->tags != NULL && content->tags[i] != NULL; i++)
    add_text (meta, "keyword", content->tags[i]);
  add_text (meta, "headline", content->title);
  if (content->lead != NULL)
    xmlNewProp (add_text (meta, "description", content->lead), BAD_CAST "role", BAD_CAST "drol:summary");
}

static gboolean
add_content_set (xmlNodePtr               item,
                 const ToaExportArticle  *article,
                 GError                 **error)
{
  xmlNodePtr set = xmlNewChild (item, NULL, BAD_CAST "contentSet", NULL);
  xmlNodePtr inline_xml = add_empty (set, "inlineXML", "contenttype", "application/xhtml+xml");
  xmlNodePtr html = xmlNewChild (inline_xml, NULL, BAD_CAST "html", NULL);
  xmlNodePtr head;
  xmlNodePtr body;

  xmlSetNs (html, xmlNewNs (html, BAD_CAST TOA_XHTML_NAMESPACE, NULL));
  head = xmlNewChild (html, html->ns, BAD_CAST "head", NULL);
  add_text (head, "title", article->content->title);
  body = copy_body (article, item->doc, error);
  if (body == NULL)
    return FALSE;
  xmlAddChild (html, body);
  return TRUE;
}

/**
 * toa_newsml_write:
 * @article: the article
 * @provider: the organisation that provides it
 * @error: return location for a #GError
 *
 * A NewsML-G2 `newsItem` of class `ninat:text` in Vietnamese: provider,
 * version dates, creator (the byline), keywords (the tags), headline,
 * summary (the lead) and the body as XHTML in `inlineXML`. Images keep
 * their `media:N` sources.
 *
 * Returns: (transfer full) (nullable): the XML as UTF-8 bytes
 */
GBytes *
toa_newsml_write (const ToaExportArticle  *article,
                  const char              *provider,
                  GError                 **error)
{
  g_autofree char *guid = NULL;
  g_autofree char *version = NULL;
  xmlDocPtr doc;
  xmlNodePtr item;
  GBytes *bytes;

  g_return_val_if_fail (article != NULL && article->content != NULL, NULL);
  g_return_val_if_fail (provider != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = xmlNewDoc (BAD_CAST "1.0");
  item = xmlNewDocNode (doc, NULL, BAD_CAST "newsItem", NULL);
  xmlDocSetRootElement (doc, item);
  xmlSetNs (item, xmlNewNs (item, BAD_CAST TOA_NEWSML_NAMESPACE, NULL));
  guid = article_urn (article);
  version = g_strdup_printf ("%lld", (long long) MAX (article->approved_revision, 1));
  xmlNewProp (item, BAD_CAST "guid", BAD_CAST guid);
  xmlNewProp (item, BAD_CAST "version", BAD_CAST version);
  xmlNewProp (item, BAD_CAST "standard", BAD_CAST "NewsML-G2");
  xmlNewProp (item, BAD_CAST "standardversion", BAD_CAST NEWSML_STANDARD_VERSION);
  xmlNewProp (item, BAD_CAST "conformance", BAD_CAST "power");
  xmlNodeSetLang (item, BAD_CAST "vi");
  add_empty (item, "catalogRef", "href", NEWSML_CATALOG);
  add_item_meta (item, article, provider);
  add_content_meta (item, article);
  if (!add_content_set (item, article, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  bytes = toa_export_dump_xml (doc);
  xmlFreeDoc (doc);
  return bytes;
}

static gboolean
add_entry (xmlNodePtr               feed,
           const ToaExportArticle  *article,
           GError                 **error)
{
  const ToaArticleContent *content = article->content;
  xmlNodePtr entry = xmlNewChild (feed, NULL, BAD_CAST "entry", NULL);
  xmlNodePtr author = NULL;
  xmlNodePtr body;
  g_autofree char *id = article_urn (article);
  const char *name = content->byline != NULL ? content->byline
                     : article->author != NULL ? article->author : article->office_name;

  add_text (entry, "id", id);
  add_text (entry, "title", content->title);
  add_time (entry, "published", article->published);
  add_time (entry, "updated", article->updated);
  author = xmlNewChild (entry, NULL, BAD_CAST "author", NULL);
  add_text (author, "name", name);
  if (content->category != NULL)
    add_empty (entry, "category", "term", content->category);
  if (content->lead != NULL)
    add_text (entry, "summary", content->lead);

  body = copy_body (article, feed->doc, error);
  if (body == NULL)
    return FALSE;
  xmlNodeSetName (body, BAD_CAST "div");
  xmlAddChild (add_empty (entry, "content", "type", "xhtml"), body);
  return TRUE;
}

static gboolean
is_published (const ToaExportArticle *article)
{
  return g_strcmp0 (article->status, "published") == 0 &&
         article->published != NULL &&
         toa_export_check_portal_policy (article, NULL);
}

/**
 * toa_atom_feed_write:
 * @articles: (element-type ToaExportArticle): candidate articles, newest first
 * @feed_id: the feed's permanent IRI
 * @title: the feed's title
 * @updated: (nullable): when the feed last changed; %NULL for the latest
 *   update of its entries
 * @error: return location for a #GError
 *
 * An Atom feed (RFC 4287) of the published articles among @articles —
 * published, and still as approved; the others are left out. Each entry
 * carries the lead as summary and the body as XHTML content.
 *
 * Returns: (transfer full) (nullable): the feed as UTF-8 bytes
 */
GBytes *
toa_atom_feed_write (GPtrArray   *articles,
                     const char  *feed_id,
                     const char  *title,
                     GDateTime   *updated,
                     GError     **error)
{
  g_autoptr(GDateTime) latest = NULL;
  xmlDocPtr doc;
  xmlNodePtr feed;
  xmlNodePtr updated_node;
  GBytes *bytes;

  g_return_val_if_fail (articles != NULL, NULL);
  g_return_val_if_fail (feed_id != NULL && title != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = xmlNewDoc (BAD_CAST "1.0");
  feed = xmlNewDocNode (doc, NULL, BAD_CAST "feed", NULL);
  xmlDocSetRootElement (doc, feed);
  xmlSetNs (feed, xmlNewNs (feed, BAD_CAST TOA_ATOM_NAMESPACE, NULL));
  xmlNodeSetLang (feed, BAD_CAST "vi");
  add_text (feed, "id", feed_id);
  add_text (feed, "title", title);
  updated_node = add_text (feed, "updated", "");
  add_text (feed, "generator", "Tòa Soạn");

  latest = updated != NULL ? g_date_time_ref (updated) : g_date_time_new_from_unix_utc (0);
  for (guint i = 0; i < articles->len; i++)
    {
      const ToaExportArticle *article = g_ptr_array_index (articles, i);

      if (!is_published (article))
        continue;
      if (!add_entry (feed, article, error))
        {
          xmlFreeDoc (doc);
          return NULL;
        }
      if (updated == NULL && g_date_time_compare (article->updated, latest) > 0)
        {
          g_date_time_unref (latest);
          latest = g_date_time_ref (article->updated);
        }
    }
  {
    g_autofree char *text = toa_export_format_time (latest);

    xmlNodeSetContent (updated_node, BAD_CAST text);
  }
  bytes = toa_export_dump_xml (doc);
  xmlFreeDoc (doc);
  return bytes;
}
