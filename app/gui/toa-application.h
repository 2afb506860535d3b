/* toa-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TOA_TYPE_APPLICATION (toa_application_get_type ())

G_DECLARE_FINAL_TYPE (ToaApplication, toa_application, TOA, APPLICATION, AdwApplication)

ToaApplication *toa_application_new               (void);
const char     *toa_application_get_database_path (ToaApplication *self);
GSettings      *toa_application_get_settings      (ToaApplication *self);

G_END_DECLS
