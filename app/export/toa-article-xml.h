/* toa-article-xml.h — the canonical article XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "toa-export-article.h"

G_BEGIN_DECLS

/* Inputs larger than this are refused before parsing. */
#define TOA_ARTICLE_XML_MAX_SIZE (32 * 1024 * 1024)

xmlDocPtr         toa_article_xml_build    (const ToaExportArticle  *article,
                                            GError                 **error);
GBytes           *toa_article_xml_write    (const ToaExportArticle  *article,
                                            GError                 **error);
ToaExportArticle *toa_article_xml_read     (const char              *data,
                                            gsize                    size,
                                            GError                 **error);
gboolean          toa_article_xml_validate (xmlDocPtr                doc,
                                            GError                 **error);

G_END_DECLS
