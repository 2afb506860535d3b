/* toa-core.h — entry point of the core library (no GTK here, ever)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *toa_core_get_version (void);
void        toa_core_init_i18n   (void);

G_END_DECLS
