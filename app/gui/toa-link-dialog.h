/* toa-link-dialog.h — asks for a link target and checks it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TOA_TYPE_LINK_DIALOG (toa_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ToaLinkDialog, toa_link_dialog, TOA, LINK_DIALOG, AdwMessageDialog)

ToaLinkDialog *toa_link_dialog_new       (GtkWindow     *parent,
                                          const char    *href);
char          *toa_link_dialog_get_href  (ToaLinkDialog *self);

gboolean       toa_link_href_validate    (const char    *href,
                                          GError       **error);

G_END_DECLS
