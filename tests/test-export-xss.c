/* test-export-xss.c — untrusted text in every field of an article never
 * becomes markup in the HTML exports
 *
 * The public XSS vector sets of ../shared/corpora/xss (DOMPurify, Loofah)
 * are put, as text, in the title, lead, byline, category, tags, a
 * paragraph, a caption and an image's alt. The page and the fragment must
 * then hold only the elements and attributes the templates write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "toa-exporter.h"
#include "toa-test-utils.h"

static const char * const allowed_elements[] = {
  /* page.xsl */
  "html", "head", "meta", "title", "style", "body", "article", "h1", "time", "div",
  /* body.xsl */
  "p", "h2", "h3", "h4", "strong", "em", "u", "s", "sub", "sup", "br", "a", "ul", "ol", "li",
  "blockquote", "figure", "img", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
};

static const char * const allowed_attributes[] = {
  "lang", "class", "name", "content", "charset", "datetime", "href", "src", "alt", "start",
  "colspan", "rowspan",
};

static gboolean
in_list (const char         *name,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
check_tree (xmlNodePtr  node,
            const char *id)
{
  for (xmlNodePtr child = node; child != NULL; child = child->next)
    {
      if (child->type == XML_COMMENT_NODE || child->type == XML_PI_NODE ||
          child->type == XML_CDATA_SECTION_NODE)
        g_error ("%s: comment, PI or CDATA in the output", id);
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!in_list ((const char *) child->name, allowed_elements, G_N_ELEMENTS (allowed_elements)))
        g_error ("%s: element <%s> in the output", id, child->name);
      /* libxml2 keeps style's raw text as a CDATA node: it must be the
       * template's CSS alone. */
      if (xmlStrEqual (child->name, BAD_CAST "style"))
        {
          xmlChar *css = xmlNodeGetContent (child);

          if (strchr ((const char *) css, '<') != NULL || strstr ((const char *) css, ".toa-byline") == NULL)
            g_error ("%s: unexpected style content", id);
          xmlFree (css);
          continue;
        }
      for (xmlAttrPtr attr = child->properties; attr != NULL; attr = attr->next)
        {
          xmlChar *value = xmlNodeGetContent ((xmlNodePtr) attr);

          if (!in_list ((const char *) attr->name, allowed_attributes, G_N_ELEMENTS (allowed_attributes)))
            g_error ("%s: attribute %s on <%s> in the output", id, attr->name, child->name);
          if (g_str_equal ((const char *) attr->name, "src") &&
              !g_str_has_prefix ((const char *) value, "media:"))
            g_error ("%s: src=\"%s\" in the output", id, value);
          if (g_str_equal ((const char *) attr->name, "href") &&
              !g_str_equal ((const char *) value, "https://sct.example.gov.vn/"))
            g_error ("%s: href=\"%s\" in the output", id, value);
          xmlFree (value);
        }
      check_tree (child->children, id);
    }
}

static void
check_html (const char *html,
            const char *id)
{
  htmlDocPtr doc = htmlReadMemory (html, (int) strlen (html), NULL, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  g_assert_nonnull (doc);
  check_tree (doc->children, id);
  xmlFreeDoc (doc);
  /* A browser's tokenizer, unlike libxml2's, could see these anywhere. */
  if (g_strstr_len (html, -1, "<!--") != NULL)
    g_error ("%s: “<!--” in the output: …%.80s", id, g_strstr_len (html, -1, "<!--"));
  g_assert_null (g_strstr_len (html, -1, "<script"));
  g_assert_null (g_strstr_len (html, -1, "<SCRIPT"));
}

static ToaExportArticle *
article_with (const char *text)
{
  ToaExportArticle *article = toa_export_article_new ();
  ToaArticleContent *content = article->content;
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  article->id = 1;
  article->office_code = g_strdup ("QLCN");
  article->office_name = g_strdup ("Phòng Quản lý Công nghiệp");
  article->status = g_strdup ("approved");
  article->created = g_date_time_new_utc (2026, 11, 20, 1, 30, 0);
  article->updated = g_date_time_new_utc (2026, 11, 21, 9, 5, 7);
  content->title = g_strdup (text);
  content->lead = g_strdup (text);
  content->byline = g_strdup (text);
  content->category = g_strdup (text);
  content->tags = g_new0 (char *, 2);
  content->tags[0] = g_strdup (text);
  content->body = g_strdup_printf ("<p>%s <a href=\"https://sct.example.gov.vn/\">%s</a></p>"
                                   "<figure><img src=\"media:1\" alt=\"%s\"/><figcaption>%s</figcaption></figure>"
                                   "<figure><img src=\"media:2\" alt=\"%s\"/></figure>",
                                   escaped, escaped, escaped, escaped, escaped);
  article->approved_revision = 1;
  article->approved_hash = toa_article_content_hash (content, NULL);
  return article;
}

/* The corpora live in the team's shared folder beside the checkout (or
 * beside the folder of worktrees). */
static char *
find_corpus (const char *file)
{
  g_autofree char *dir = toa_test_source_path (".");

  for (int level = 0; level < 3; level++)
    {
      g_autofree char *parent = g_path_get_dirname (dir);
      g_autofree char *path = g_build_filename (parent, "shared", "corpora", "xss", file, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
  return NULL;
}

static guint
run_corpus (ToaExporter *exporter,
            const char  *file)
{
  g_autofree char *path = find_corpus (file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *vectors;
  guint n = 0;

  if (path == NULL)
    return 0;
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  vectors = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (vectors); i++)
    {
      JsonObject *vector = json_array_get_object_element (vectors, i);
      const char *id = json_object_get_string_member (vector, "id");
      const char *payload = json_object_get_string_member (vector, "payload");
      g_autoptr(ToaExportArticle) article = NULL;
      g_autofree char *page = NULL;
      g_autofree char *fragment = NULL;

      /* The body is XML: its text cannot hold control characters. */
      if (!g_utf8_validate (payload, -1, NULL) || strpbrk (payload, "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f") != NULL)
        continue;
      article = article_with (payload);
      page = toa_exporter_render_page (exporter, article, NULL, &error);
      g_assert_no_error (error);
      check_html (page, id);
      fragment = toa_exporter_render_fragment (exporter, article, NULL, &error);
      g_assert_no_error (error);
      check_html (fragment, id);
      n++;
    }
  return n;
}

static void
test_xss_corpora (void)
{
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();
  guint n = 0;

  n += run_corpus (exporter, "dompurify.json");
  n += run_corpus (exporter, "loofah.json");
  if (n == 0)
    {
      g_test_skip ("the shared XSS corpora are not available");
      return;
    }
  g_test_message ("%u vectors checked", n);
  g_assert_cmpuint (n, >, 250);
}

/* Vectors aimed at libxml2's HTML serializer itself. */
static void
test_serializer_quirks (void)
{
  static const char * const vectors[] = {
    "\"><img src=x onerror=alert(1)>",
    "'><img src=x onerror=alert(1)>",
    "\"'\"'><svg onload=alert(1)>",
    "&{alert(1)};",
    "<!--><img src=x onerror=alert(1)>-->",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "]]><script>alert(1)</script>",
    "<?php echo 1 ?>",
    "&lt;script&gt;",
  };
  g_autoptr(ToaExporter) exporter = toa_exporter_new ();

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr(ToaExportArticle) article = article_with (vectors[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *page = toa_exporter_render_page (exporter, article, NULL, &error);

      g_assert_no_error (error);
      check_html (page, vectors[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/xss/corpora", test_xss_corpora);
  g_test_add_func ("/export/xss/serializer-quirks", test_serializer_quirks);

  return g_test_run ();
}
