/* toa-page-import.h — a whole HTML page (a saved portal article or one of
 * our own exported pages) to article content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-article-content.h"
#include "toa-html-import.h"

G_BEGIN_DECLS

ToaArticleContent *toa_html_page_import (const char       *data,
                                         gsize             len,
                                         ToaImportReport **report,
                                         GError          **error);

G_END_DECLS
