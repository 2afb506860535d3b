/* toa-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-application.h"

G_BEGIN_DECLS

#define TOA_TYPE_WINDOW (toa_window_get_type ())

G_DECLARE_FINAL_TYPE (ToaWindow, toa_window, TOA, WINDOW, AdwApplicationWindow)

ToaWindow *toa_window_new (ToaApplication *application);

G_END_DECLS
