/* toa-welcome.h — the first run: demo content or the first office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_WELCOME (toa_welcome_get_type ())
G_DECLARE_FINAL_TYPE (ToaWelcome, toa_welcome, TOA, WELCOME, GtkWidget)

GtkWidget *toa_welcome_new       (ToaStore   *store,
                                  const char *login);
void       toa_welcome_set_store (ToaWelcome *self,
                                  ToaStore   *store);

G_END_DECLS
