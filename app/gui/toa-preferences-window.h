/* toa-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TOA_TYPE_PREFERENCES_WINDOW (toa_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ToaPreferencesWindow, toa_preferences_window, TOA, PREFERENCES_WINDOW, AdwPreferencesWindow)

ToaPreferencesWindow *toa_preferences_window_new (GSettings *settings);

G_END_DECLS
