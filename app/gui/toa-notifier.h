/* toa-notifier.h — desktop notifications for the review workflow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "toa-store.h"

G_BEGIN_DECLS

#define TOA_TYPE_NOTIFIER (toa_notifier_get_type ())
G_DECLARE_FINAL_TYPE (ToaNotifier, toa_notifier, TOA, NOTIFIER, GObject)

ToaNotifier *toa_notifier_new          (GApplication *application,
                                        ToaStore     *store,
                                        const char   *login);
void         toa_notifier_set_since    (ToaNotifier  *self,
                                        gint64        since);
gint64       toa_notifier_get_since    (ToaNotifier  *self);
guint        toa_notifier_check        (ToaNotifier  *self,
                                        GError      **error);
void         toa_notifier_start        (ToaNotifier  *self,
                                        guint         interval_seconds);
void         toa_notifier_stop         (ToaNotifier  *self);

G_END_DECLS
