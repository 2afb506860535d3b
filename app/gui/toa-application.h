/* toa-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_APPLICATION (toa_application_get_type ())

G_DECLARE_FINAL_TYPE (ToaApplication, toa_application, TOA, APPLICATION, AdwApplication)

ToaApplication *toa_application_new               (void);
const char     *toa_application_get_database_path (ToaApplication *self);
GSettings      *toa_application_get_settings      (ToaApplication *self);
ToaStore       *toa_application_get_store         (ToaApplication *self);
const char     *toa_application_get_login         (ToaApplication *self);
const GError   *toa_application_get_store_error   (ToaApplication *self);
gboolean        toa_application_open_store        (ToaApplication *self,
                                                   const char     *path,
                                                   GError        **error);
void            toa_application_set_login         (ToaApplication *self,
                                                   const char     *login);

G_END_DECLS
