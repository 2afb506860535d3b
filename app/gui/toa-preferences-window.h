/* toa-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-admin-page.h"
#include "toa-application.h"

G_BEGIN_DECLS

#define TOA_PREFERENCES_ERROR (toa_preferences_error_quark ())

typedef enum
{
  TOA_PREFERENCES_ERROR_NOT_A_FOLDER,
} ToaPreferencesError;

GQuark toa_preferences_error_quark (void);

#define TOA_TYPE_PREFERENCES_WINDOW (toa_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ToaPreferencesWindow, toa_preferences_window, TOA, PREFERENCES_WINDOW, AdwPreferencesWindow)

ToaPreferencesWindow *toa_preferences_window_new                  (ToaApplication       *app);
gboolean              toa_preferences_window_open_database        (ToaPreferencesWindow *self,
                                                                   const char           *path,
                                                                   GError              **error);
gboolean              toa_preferences_window_use_default_database (ToaPreferencesWindow *self,
                                                                   GError              **error);
gboolean              toa_preferences_window_set_export_folder    (ToaPreferencesWindow *self,
                                                                   const char           *path,
                                                                   GError              **error);
ToaAdminPage         *toa_preferences_window_get_admin_page       (ToaPreferencesWindow *self);

G_END_DECLS
