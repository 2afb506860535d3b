/* toa-store-errors.h — store failures as messages people can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *toa_store_error_describe (const GError *error);

G_END_DECLS
