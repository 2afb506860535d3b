/* toa-export-liferay.h — web content for the Liferay portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-export-article.h"

G_BEGIN_DECLS

#define TOA_LIFERAY_LOCALE "vi_VN"
#define TOA_LIFERAY_STRUCTURE "BASIC-WEB-CONTENT"

GBytes *toa_liferay_content_xml  (const char              *fragment,
                                  GError                 **error);
GBytes *toa_liferay_article_json (const ToaExportArticle  *article,
                                  GBytes                  *content_xml,
                                  GError                 **error);

G_END_DECLS
