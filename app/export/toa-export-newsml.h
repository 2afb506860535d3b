/* toa-export-newsml.h — NewsML-G2 news items and the Atom feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-export-article.h"

G_BEGIN_DECLS

#define TOA_NEWSML_NAMESPACE "http://iptc.org/std/nar/2006-10-01/"
#define TOA_ATOM_NAMESPACE "http://www.w3.org/2005/Atom"

GBytes *toa_newsml_write    (const ToaExportArticle  *article,
                             const char              *provider,
                             GError                 **error);
GBytes *toa_atom_feed_write (GPtrArray               *articles,
                             const char              *feed_id,
                             const char              *title,
                             GDateTime               *updated,
                             GError                 **error);

G_END_DECLS
