/* toa-demo.h — demo content and first-run set-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_DEMO_ERROR (toa_demo_error_quark ())

typedef enum
{
  TOA_DEMO_ERROR_MISSING,      /* the demo files are not there */
  TOA_DEMO_ERROR_INVALID,      /* a demo file is not what the loader expects */
  TOA_DEMO_ERROR_NOT_EMPTY,    /* the database already has users */
} ToaDemoError;

/* Where the demo content is compiled in. */
#define TOA_DEMO_RESOURCE_URI "resource:///io/github/toasoan/ToaSoan/core/demo/"

GQuark    toa_demo_error_quark     (void);

gboolean  toa_demo_load            (ToaStore    *store,
                                    const char  *login,
                                    GError     **error);
gboolean  toa_demo_load_from       (ToaStore    *store,
                                    const char  *base_uri,
                                    const char  *login,
                                    GError     **error);
gboolean  toa_store_is_unconfigured (ToaStore   *store,
                                    gboolean    *unconfigured,
                                    GError     **error);
gboolean  toa_setup_first_office   (ToaStore    *store,
                                    const char  *office_code,
                                    const char  *office_name,
                                    const char  *login,
                                    const char  *full_name,
                                    GError     **error);

G_END_DECLS
