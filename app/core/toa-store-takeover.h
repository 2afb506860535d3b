/* toa-store-takeover.h — an approver takes the edit lock from someone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "toa-store.h"

G_BEGIN_DECLS

gboolean toa_store_take_over_lock (ToaStore    *self,
                                   gint64       article_id,
                                   const char  *login,
                                   const char  *host,
                                   GError     **error);

G_END_DECLS
