/* toa-content-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-content-error.h"

G_DEFINE_QUARK (toa-content-error-quark, toa_content_error)
