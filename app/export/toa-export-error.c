/* toa-export-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-export-error.h"

G_DEFINE_QUARK (toa-export-error-quark, toa_export_error)
