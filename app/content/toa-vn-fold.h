/* toa-vn-fold.h — Vietnamese search folding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *toa_vn_fold           (const char *text);
char     *toa_vn_fold_exact     (const char *text);
gboolean  toa_vn_has_diacritics (const char *text);

G_END_DECLS
