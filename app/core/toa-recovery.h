/* toa-recovery.h — autosaved, unsaved editor text, kept outside the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "toa-article-content.h"

G_BEGIN_DECLS

#define TOA_RECOVERY_ERROR (toa_recovery_error_quark ())

typedef enum
{
  TOA_RECOVERY_ERROR_FAILED,
  TOA_RECOVERY_ERROR_CORRUPT,   /* a record that cannot be read back */
} ToaRecoveryError;

/* One autosaved record: what the editor held, the article version it
 * started from, and when it was written. @article_id is 0 for an article
 * that was never saved. */
#define TOA_TYPE_RECOVERY_RECORD (toa_recovery_record_get_type ())
typedef struct
{
  gint64             article_id;
  gint64             base_version;
  gint64             saved;        /* µs since the epoch, UTC */
  char              *office;
  ToaArticleContent *content;
} ToaRecoveryRecord;

#define TOA_TYPE_RECOVERY (toa_recovery_get_type ())
G_DECLARE_FINAL_TYPE (ToaRecovery, toa_recovery, TOA, RECOVERY, GObject)

GQuark             toa_recovery_error_quark     (void);

GType              toa_recovery_record_get_type (void) G_GNUC_CONST;
ToaRecoveryRecord *toa_recovery_record_copy     (const ToaRecoveryRecord *record);
void               toa_recovery_record_free     (ToaRecoveryRecord       *record);

char              *toa_recovery_get_default_dir (void);
ToaRecovery       *toa_recovery_new             (const char              *dir,
                                                 const char              *store_path,
                                                 const char              *login);
const char        *toa_recovery_get_dir         (ToaRecovery             *self);
gboolean           toa_recovery_save            (ToaRecovery             *self,
                                                 const ToaRecoveryRecord *record,
                                                 GError                 **error);
ToaRecoveryRecord *toa_recovery_load            (ToaRecovery             *self,
                                                 gint64                   article_id,
                                                 GError                 **error);
gboolean           toa_recovery_discard         (ToaRecovery             *self,
                                                 gint64                   article_id,
                                                 GError                 **error);
GPtrArray         *toa_recovery_list            (ToaRecovery             *self,
                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaRecoveryRecord, toa_recovery_record_free)

G_END_DECLS
