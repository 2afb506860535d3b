/* toa-admin-page.h — the administration page of the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_ADMIN_PAGE (toa_admin_page_get_type ())

G_DECLARE_FINAL_TYPE (ToaAdminPage, toa_admin_page, TOA, ADMIN_PAGE, AdwPreferencesPage)

ToaAdminPage *toa_admin_page_new        (ToaStore     *store,
                                         const char   *login);
void          toa_admin_page_reload     (ToaAdminPage *self);
const char   *toa_admin_page_get_error  (ToaAdminPage *self);

G_END_DECLS
