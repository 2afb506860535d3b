/* toa-store-errors.c — store failures as messages people can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-store.h"
#include "toa-store-errors.h"

/**
 * toa_store_error_describe:
 * @error: a failure from the store (any domain)
 *
 * What went wrong and what to do next, in words for the people using the
 * desk. Database conditions (locked, read-only, full, damaged) get a
 * sentence of their own; anything else is shown as the store worded it.
 *
 * Returns: (transfer full): a translated message
 */
char *
toa_store_error_describe (const GError *error)
{
  const char *advice = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == TOA_STORE_ERROR)
    {
      switch ((ToaStoreError) error->code)
        {
        case TOA_STORE_ERROR_BUSY:
          advice = _("The database is busy: someone else is saving a large change. "
                     "Wait a moment and try again; nothing you typed is lost.");
          break;
        case TOA_STORE_ERROR_READ_ONLY:
          advice = _("The database file is read-only. Ask your administrator for write "
                     "access to it, or open another database from Preferences.");
          break;
        case TOA_STORE_ERROR_FULL:
          advice = _("The disk is full. Free some space (empty the trash, remove old "
                     "files) and save again; nothing you typed is lost.");
          break;
        case TOA_STORE_ERROR_CORRUPT:
          advice = _("The database file is damaged or was made by a newer version of "
                     "Tòa Soạn. Restore it from a backup, or open another database from "
                     "Preferences.");
          break;
        case TOA_STORE_ERROR_FAILED:
        case TOA_STORE_ERROR_NOT_FOUND:
        case TOA_STORE_ERROR_CONFLICT:
        case TOA_STORE_ERROR_INVALID:
        case TOA_STORE_ERROR_EXISTS:
        case TOA_STORE_ERROR_NOT_PERMITTED:
        default:
          break;
        }
    }

  if (advice == NULL)
    return g_strdup (error->message);
  /* Translators: a sentence of advice, then the technical detail. */
  return g_strdup_printf (_("%s (%s)"), advice, error->message);
}
