/* toa-format.h — how times are written in the interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *toa_format_date_time (gint64 usec);

G_END_DECLS
