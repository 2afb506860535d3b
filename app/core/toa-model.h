/* toa-model.h — the plain data the store hands out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "toa-article-content.h"

G_BEGIN_DECLS

/* Times are microseconds since the Unix epoch, UTC (g_get_real_time ()). */

typedef enum
{
  TOA_ARTICLE_STATUS_DRAFT,
  TOA_ARTICLE_STATUS_SUBMITTED,
  TOA_ARTICLE_STATUS_APPROVED,
  TOA_ARTICLE_STATUS_PUBLISHED,
  TOA_ARTICLE_STATUS_ARCHIVED,
  TOA_ARTICLE_N_STATUSES
} ToaArticleStatus;

/* A set of statuses, for filters: TOA_STATUS_BIT (TOA_ARTICLE_STATUS_DRAFT) | … */
#define TOA_STATUS_BIT(status) (1u << (status))

typedef enum /*< flags >*/
{
  TOA_ROLE_NONE      = 0,
  TOA_ROLE_AUTHOR    = 1 << 0,
  TOA_ROLE_APPROVER  = 1 << 1,
  TOA_ROLE_LEADER    = 1 << 2,
  TOA_ROLE_PUBLISHER = 1 << 3,
  TOA_ROLE_ADMIN     = 1 << 4,
} ToaRoles;

const char *toa_article_status_to_string   (ToaArticleStatus  status);
gboolean    toa_article_status_from_string (const char       *name,
                                            ToaArticleStatus *status);
const char *toa_article_status_get_label   (ToaArticleStatus  status);

const char *toa_role_to_string             (ToaRoles          role);
ToaRoles    toa_role_from_string           (const char       *name);
char       *toa_roles_to_string            (ToaRoles          roles);

#define TOA_TYPE_USER (toa_user_get_type ())
typedef struct
{
  char     *login;
  char     *full_name;
  char     *office;      /* office code, may be NULL */
  ToaRoles  roles;
  gboolean  retired;     /* may no longer act; still names what they did */
} ToaUser;

#define TOA_TYPE_OFFICE (toa_office_get_type ())
typedef struct
{
  char     *code;        /* "QLCN" */
  char     *name;        /* "Phòng Quản lý Công nghiệp" */
  gboolean  retired;     /* takes no new articles or users */
} ToaOffice;

#define TOA_TYPE_CATEGORY (toa_category_get_type ())
typedef struct
{
  gint64    id;
  char     *name;
  gboolean  retired;     /* offered for no new article */
} ToaCategory;

#define TOA_TYPE_ARTICLE (toa_article_get_type ())
typedef struct
{
  gint64             id;
  char              *office;
  gint64             category_id;        /* 0 when none */
  ToaArticleStatus   status;
  gint64             current_revision;
  gint64             approved_revision;  /* 0 when none */
  gint64             published_revision; /* 0 when none */
  char              *current_hash;
  char              *approved_hash;      /* NULL when none */
  gint64             version;            /* optimistic concurrency counter */
  gint64             created;
  gint64             updated;
  char              *author;             /* who created the article */
  char              *revision_author;    /* who wrote the current revision */
  char              *submitted_by;       /* NULL unless submitted */
  gboolean           deleted;
  ToaArticleContent *content;            /* of the current revision */
  char              *snippet;            /* short plain lead for lists */
} ToaArticle;

#define TOA_TYPE_REVISION (toa_revision_get_type ())
typedef struct
{
  gint64             id;
  gint64             article_id;
  gint64             parent_id;          /* 0 for the first */
  char              *author;
  gint64             created;
  char              *hash;
  ToaArticleContent *content;
} ToaRevision;

#define TOA_TYPE_TRANSITION (toa_transition_get_type ())
typedef struct
{
  gint64            id;
  gint64            article_id;
  char             *action;             /* "submit", "void", "create", … */
  gboolean          has_from;           /* FALSE for "create" */
  ToaArticleStatus  from_status;
  ToaArticleStatus  to_status;
  char             *actor;
  gint64            created;
  char             *comment;            /* NULL when none */
  gint64            revision_id;
  char             *hash;
} ToaTransition;

#define TOA_TYPE_COMMENT (toa_comment_get_type ())
typedef struct
{
  gint64    id;
  gint64    article_id;
  gint64    revision_id;
  char     *author;
  gint64    created;
  char     *text;
  gboolean  resolved;
} ToaComment;

#define TOA_TYPE_LOCK (toa_lock_get_type ())
typedef struct
{
  gint64  article_id;
  char   *login;
  char   *host;
  gint64  heartbeat;
} ToaLock;

/* Filters of toa_store_list_articles(); every unset field matches all. */
#define TOA_TYPE_ARTICLE_QUERY (toa_article_query_get_type ())
typedef struct
{
  guint   status_mask;          /* TOA_STATUS_BIT()s; 0 = any */
  char   *office;
  gint64  category_id;          /* 0 = any */
  char   *author;              /* "mine": the article's author */
  char   *waiting_for;         /* submitted articles this login may approve */
  gint64  updated_after;        /* inclusive; 0 = open */
  gint64  updated_before;       /* exclusive; 0 = open */
  char   *text;                 /* search query (folded); results by rank */
  gboolean oldest_first;        /* least recently updated first (the approval
                                 * queue: who waited longest); ignored with text */
} ToaArticleQuery;

GType            toa_user_get_type          (void) G_GNUC_CONST;
const char      *toa_user_get_display_name  (const ToaUser *user);
char            *toa_user_get_default_byline (const ToaUser *user);
ToaUser         *toa_user_copy              (const ToaUser *user);
void             toa_user_free              (ToaUser *user);

GType            toa_office_get_type        (void) G_GNUC_CONST;
ToaOffice       *toa_office_copy            (const ToaOffice *office);
void             toa_office_free            (ToaOffice *office);

GType            toa_category_get_type      (void) G_GNUC_CONST;
ToaCategory     *toa_category_copy          (const ToaCategory *category);
void             toa_category_free          (ToaCategory *category);

GType            toa_article_get_type       (void) G_GNUC_CONST;
ToaArticle      *toa_article_copy           (const ToaArticle *article);
void             toa_article_free           (ToaArticle *article);

GType            toa_revision_get_type      (void) G_GNUC_CONST;
ToaRevision     *toa_revision_copy          (const ToaRevision *revision);
void             toa_revision_free          (ToaRevision *revision);

GType            toa_transition_get_type    (void) G_GNUC_CONST;
ToaTransition   *toa_transition_copy        (const ToaTransition *transition);
void             toa_transition_free        (ToaTransition *transition);

GType            toa_comment_get_type       (void) G_GNUC_CONST;
ToaComment      *toa_comment_copy           (const ToaComment *comment);
void             toa_comment_free           (ToaComment *comment);

GType            toa_lock_get_type          (void) G_GNUC_CONST;
ToaLock         *toa_lock_copy              (const ToaLock *lock);
void             toa_lock_free              (ToaLock *lock);

GType            toa_article_query_get_type (void) G_GNUC_CONST;
ToaArticleQuery *toa_article_query_new      (void);
ToaArticleQuery *toa_article_query_copy     (const ToaArticleQuery *query);
void             toa_article_query_free     (ToaArticleQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaUser, toa_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaOffice, toa_office_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaCategory, toa_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaArticle, toa_article_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaRevision, toa_revision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaTransition, toa_transition_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaComment, toa_comment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaLock, toa_lock_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ToaArticleQuery, toa_article_query_free)

G_END_DECLS
