/* toa-format.c — how times are written in the interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-format.h"

/**
 * toa_format_date_time:
 * @usec: microseconds since the epoch, as the store keeps times
 *
 * The Vietnamese way of writing a moment, "09:12 23/11/2026", in local
 * time.
 *
 * Returns: (transfer full): the text, empty when @usec is out of range
 */
char *
toa_format_date_time (gint64 usec)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return then != NULL ? g_date_time_format (then, "%H:%M %d/%m/%Y") : g_strdup ("");
}
