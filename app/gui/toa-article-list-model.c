/* toa-article-list-model.c — articles of one query, paged from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-article-list-model.h"
#include "toa-store-seek.h"

/* The pages kept in memory. A list view only holds the items of the rows it
 * shows (GTK 4.8 prepares about 200), so pages far from the last one read
 * can go: scrolling through 100,000 articles costs a bounded amount of
 * memory, and a refresh re-reads at most this many pages. */
#define MAX_CACHED_PAGES 10

/* Pages read ahead of the one a list view is in, in the direction it
 * moves: GTK 4.8's list view binds about 32 rows at once, which can reach
 * two pages on. Three, or reading behind as well, pushed pages the view
 * still used out of the cache (four times the queries). */
#define PREFETCH_PAGES 2

/* ToaArticleItem: one row. Its identity is the article: a refresh updates
 * the item in place (notify::article), so that selections and row widgets
 * follow the article, not the position. */

struct _ToaArticleItem
{
  GObject     parent_instance;

  ToaArticle *article;  /* NULL: a row that could not be read */
};

G_DEFINE_FINAL_TYPE (ToaArticleItem, toa_article_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ARTICLE,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static ToaArticleItem *
toa_article_item_new (ToaArticle *article)
{
  ToaArticleItem *self = g_object_new (TOA_TYPE_ARTICLE_ITEM, NULL);

  self->article = article;
  return self;
}

/**
 * toa_article_item_get_article:
 *
 * Returns: (transfer none) (nullable): the article as last read, or %NULL
 *   when its row could not be read
 */
const ToaArticle *
toa_article_item_get_article (ToaArticleItem *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_ITEM (self), NULL);

  return self->article;
}

/**
 * toa_article_item_get_id:
 *
 * Returns: the article's id, 0 when unknown
 */
gint64
toa_article_item_get_id (ToaArticleItem *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_ITEM (self), 0);

  return self->article != NULL ? self->article->id : 0;
}

static gboolean
article_differs (const ToaArticle *a,
                 const ToaArticle *b)
{
  if (a == NULL || b == NULL)
    return a != b;
  return a->version != b->version ||
         a->status != b->status ||
         a->updated != b->updated ||
         a->current_revision != b->current_revision;
}

/* Takes @article. */
static void
toa_article_item_update (ToaArticleItem *self,
                         ToaArticle     *article)
{
  gboolean changed = article_differs (self->article, article);

  g_clear_pointer (&self->article, toa_article_free);
  self->article = article;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_ARTICLE]);
}

static void
toa_article_item_finalize (GObject *object)
{
  ToaArticleItem *self = TOA_ARTICLE_ITEM (object);

  g_clear_pointer (&self->article, toa_article_free);

  G_OBJECT_CLASS (toa_article_item_parent_class)->finalize (object);
}

static void
toa_article_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ToaArticleItem *self = TOA_ARTICLE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ARTICLE:
      g_value_set_boxed (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_article_item_class_init (ToaArticleItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = toa_article_item_finalize;
  object_class->get_property = toa_article_item_get_property;

  item_properties[ITEM_PROP_ARTICLE] =
    g_param_spec_boxed ("article", NULL, NULL,
                        TOA_TYPE_ARTICLE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
toa_article_item_init (ToaArticleItem *self)
{
}

/* ToaArticleListModel */

struct _ToaArticleListModel
{
  GObject          parent_instance;

  ToaStore        *store;
  ToaArticleQuery *query;
  guint            n_items;

  GHashTable      *pages;       /* page index → GPtrArray of ToaArticleItem */
  GQueue           recent;      /* page indexes, most recently read first */
  GHashTable      *keys;        /* page index → PageKeys, kept after the page goes */

  guint            query_count;
  GError          *error;

  guint            prefetch_id;   /* idle source reading prefetch_pages */
  guint            prefetch_pages[PREFETCH_PAGES];
  guint            n_prefetch;
  guint            last_position; /* of the last item asked for */
  gboolean         backward;      /* the list is being read upwards */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ToaArticleListModel, toa_article_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_QUERY_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_error (ToaArticleListModel *self,
           GError              *error)
{
  g_clear_error (&self->error);
  self->error = error;
}

/* The first and last rows of a page read whole: a neighbouring page is
 * then found by key (toa_store_list_articles_after()), in constant time,
 * rather than by offset, whose cost grows with the depth of the page. */
typedef struct
{
  gint64 first_updated;
  gint64 first_id;
  gint64 last_updated;
  gint64 last_id;
} PageKeys;

static void
remember_keys (ToaArticleListModel *self,
               guint                page,
               GPtrArray           *rows)
{
  const ToaArticle *first = g_ptr_array_index (rows, 0);
  const ToaArticle *last = g_ptr_array_index (rows, rows->len - 1);
  PageKeys *keys = g_new (PageKeys, 1);

  keys->first_updated = first->updated;
  keys->first_id = first->id;
  keys->last_updated = last->updated;
  keys->last_id = last->id;
  g_hash_table_insert (self->keys, GUINT_TO_POINTER (page), keys);
}

/* One query for the rows of page @page: by key when a neighbour's keys
 * are known and the query has keys, else by offset (a jump, a search). */
static GPtrArray *
fetch_rows (ToaArticleListModel  *self,
            guint                 page,
            guint                 wanted,
            GError              **error)
{
  PageKeys *keys;

  if (toa_store_can_seek (self->query))
    {
      keys = page > 0 ? g_hash_table_lookup (self->keys, GUINT_TO_POINTER (page - 1)) : NULL;
      if (keys != NULL)
        return toa_store_list_articles_after (self->store, self->query, keys->last_updated,
                                              keys->last_id, FALSE, wanted, error);
      keys = g_hash_table_lookup (self->keys, GUINT_TO_POINTER (page + 1));
      if (keys != NULL && wanted == TOA_ARTICLE_LIST_PAGE_SIZE)
        return toa_store_list_articles_after (self->store, self->query, keys->first_updated,
                                              keys->first_id, TRUE, wanted, error);
    }
  return toa_store_list_articles (self->store, self->query, page * TOA_ARTICLE_LIST_PAGE_SIZE,
                                  wanted, error);
}

static gint64
count_rows (ToaArticleListModel  *self,
            GError              **error)
{
  self->query_count++;
  if (toa_store_can_seek (self->query))
    return toa_store_count_seekable (self->store, self->query, error);
  return toa_store_count_articles (self->store, self->query, error);
}

/* Reads page @page: items for each position, placeholders where the store
 * returned fewer rows than the count promised (it changed under us) or
 * failed. Reuses the items of @reuse (id → item) to keep identities. */
static GPtrArray *
read_page (ToaArticleListModel *self,
           guint                page,
           guint                n_items,
           GHashTable          *reuse)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint first = page * TOA_ARTICLE_LIST_PAGE_SIZE;
  guint wanted = MIN (TOA_ARTICLE_LIST_PAGE_SIZE, n_items - first);
  GPtrArray *items = g_ptr_array_new_full (wanted, g_object_unref);

  self->query_count++;
  rows = fetch_rows (self, page, wanted, &error);
  if (rows == NULL)
    set_error (self, g_steal_pointer (&error));
  else if (rows->len == wanted && wanted > 0)
    remember_keys (self, page, rows);

  for (guint i = 0; i < wanted; i++)
    {
      ToaArticle *article = NULL;
      ToaArticleItem *item = NULL;

      if (rows != NULL && i < rows->len)
        article = toa_article_copy (g_ptr_array_index (rows, i));

      if (article != NULL && reuse != NULL)
        item = g_hash_table_lookup (reuse, &article->id);

      if (item != NULL)
        {
          g_object_ref (item);
          toa_article_item_update (item, article);
        }
      else
        item = toa_article_item_new (article);

      g_ptr_array_add (items, item);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY_COUNT]);
  return items;
}

static void
touch_page (ToaArticleListModel *self,
            guint                page)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_unlink (&self->recent, link);
  else
    link = g_list_alloc ();
  link->data = GUINT_TO_POINTER (page);
  g_queue_push_head_link (&self->recent, link);

  while (self->recent.length > MAX_CACHED_PAGES)
    {
      guint old = GPOINTER_TO_UINT (g_queue_pop_tail (&self->recent));

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old));
    }
}

static void
drop_pages (ToaArticleListModel *self)
{
  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  self->n_prefetch = 0;
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->keys);
  g_queue_clear (&self->recent);
}

static GType
toa_article_list_model_get_item_type (GListModel *model)
{
  return TOA_TYPE_ARTICLE_ITEM;
}

static guint
toa_article_list_model_get_n_items (GListModel *model)
{
  return TOA_ARTICLE_LIST_MODEL (model)->n_items;
}

static gboolean
prefetch_in_idle (gpointer user_data)
{
  ToaArticleListModel *self = user_data;

  /* One page each time the main loop is idle, so that a frame due in the
   * meantime is not held up. */
  while (self->n_prefetch > 0)
    {
      guint page = self->prefetch_pages[0];

      self->n_prefetch--;
      memmove (self->prefetch_pages, self->prefetch_pages + 1, self->n_prefetch * sizeof (guint));
      if (page * TOA_ARTICLE_LIST_PAGE_SIZE < self->n_items &&
          !g_hash_table_contains (self->pages, GUINT_TO_POINTER (page)))
        {
          g_hash_table_insert (self->pages, GUINT_TO_POINTER (page),
                               read_page (self, page, self->n_items, NULL));
          touch_page (self, page);
          break;
        }
    }
  if (self->n_prefetch > 0)
    return G_SOURCE_CONTINUE;
  self->prefetch_id = 0;
  return G_SOURCE_REMOVE;
}

/* A list view scrolling through @position will soon ask for the pages
 * beyond the half of its page it is in. They are read when the main loop
 * has nothing else to do, between two frames, rather than in the middle
 * of the frame that first shows one of their rows. */
static void
prefetch_near (ToaArticleListModel *self,
               guint                position)
{
  guint page = position / TOA_ARTICLE_LIST_PAGE_SIZE;
  guint n_pages = (self->n_items + TOA_ARTICLE_LIST_PAGE_SIZE - 1) / TOA_ARTICLE_LIST_PAGE_SIZE;
  gboolean in_second_half = position % TOA_ARTICLE_LIST_PAGE_SIZE >= TOA_ARTICLE_LIST_PAGE_SIZE / 2;
  gboolean forward;
  guint wanted[PREFETCH_PAGES];
  guint n_wanted = 0;

  /* Only in the direction the view moves: reading the pages behind it
   * again pushed those ahead out of the cache. */
  if (position != self->last_position)
    self->backward = position < self->last_position;
  self->last_position = position;
  forward = !self->backward;
  if (forward != in_second_half)
    return;

  for (guint i = 1; i <= PREFETCH_PAGES; i++)
    {
      guint next;

      if (forward ? page + i >= n_pages : page < i)
        break;
      next = forward ? page + i : page - i;
      if (!g_hash_table_contains (self->pages, GUINT_TO_POINTER (next)))
        wanted[n_wanted++] = next;
    }
  if (n_wanted == 0 ||
      (self->n_prefetch == n_wanted &&
       memcmp (self->prefetch_pages, wanted, n_wanted * sizeof (guint)) == 0))
    return;
  memcpy (self->prefetch_pages, wanted, n_wanted * sizeof (guint));
  self->n_prefetch = n_wanted;
  if (self->prefetch_id == 0)
    self->prefetch_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_in_idle, self, NULL);
}

static gpointer
toa_article_list_model_get_item (GListModel *model,
                                 guint       position)
{
  ToaArticleListModel *self = TOA_ARTICLE_LIST_MODEL (model);
  guint page = position / TOA_ARTICLE_LIST_PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      items = read_page (self, page, self->n_items, NULL);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }
  touch_page (self, page);
  prefetch_near (self, position);

  /* Only while a refresh announces a shrinking list, one change at a time. */
  if (position % TOA_ARTICLE_LIST_PAGE_SIZE >= items->len)
    return toa_article_item_new (NULL);

  return g_object_ref (g_ptr_array_index (items, position % TOA_ARTICLE_LIST_PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = toa_article_list_model_get_item_type;
  iface->get_n_items = toa_article_list_model_get_n_items;
  iface->get_item = toa_article_list_model_get_item;
}

/**
 * toa_article_list_model_new:
 * @store: the store to read from
 *
 * A list of the articles matching a query (all articles until
 * toa_article_list_model_set_query()), read TOA_ARTICLE_LIST_PAGE_SIZE
 * rows at a time when a row is first asked for.
 *
 * Returns: (transfer full): a new model
 */
ToaArticleListModel *
toa_article_list_model_new (ToaStore *store)
{
  ToaArticleListModel *self;

  g_return_val_if_fail (TOA_IS_STORE (store), NULL);

  self = g_object_new (TOA_TYPE_ARTICLE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * toa_article_list_model_get_store:
 *
 * Returns: (transfer none): the store
 */
ToaStore *
toa_article_list_model_get_store (ToaArticleListModel *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_LIST_MODEL (self), NULL);

  return self->store;
}

/**
 * toa_article_list_model_get_query:
 *
 * Returns: (transfer none): the current query
 */
const ToaArticleQuery *
toa_article_list_model_get_query (ToaArticleListModel *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_LIST_MODEL (self), NULL);

  return self->query;
}

/**
 * toa_article_list_model_set_query:
 * @query: the filters; copied
 *
 * Replaces the whole list: counts the matching articles (one query) and
 * reads nothing else until a row is asked for. A failure leaves an empty
 * list and toa_article_list_model_get_error() set.
 */
void
toa_article_list_model_set_query (ToaArticleListModel   *self,
                                  const ToaArticleQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint old_n;
  gint64 count;

  g_return_if_fail (TOA_IS_ARTICLE_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  g_clear_pointer (&self->query, toa_article_query_free);
  self->query = toa_article_query_copy (query);
  drop_pages (self);
  g_clear_error (&self->error);

  old_n = self->n_items;
  count = count_rows (self, &error);
  if (count < 0 || error != NULL)
    {
      set_error (self, g_steal_pointer (&error));
      count = 0;
    }
  self->n_items = (guint) MIN (count, G_MAXUINT);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY_COUNT]);
}

static GHashTable *
index_cached_items_of (GHashTable *pages)
{
  /* Keys are copies: updating an item frees the article its id lived in. */
  GHashTable *by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        {
          ToaArticleItem *item = g_ptr_array_index (items, i);

          if (item->article != NULL)
            g_hash_table_insert (by_id, g_memdup2 (&item->article->id, sizeof (gint64)),
                                 g_object_ref (item));
        }
    }
  return by_id;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;

  return (pa > pb) - (pa < pb);
}

/* Positions below @limit whose item object differs between @old_pages and
 * the current pages, sorted. */
static GArray *
find_changed_positions (ToaArticleListModel *self,
                        GHashTable          *old_pages,
                        guint                limit)
{
  GArray *changed = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, old_pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint page = GPOINTER_TO_UINT (key);
      GPtrArray *before = value;
      GPtrArray *after = g_hash_table_lookup (self->pages, key);

      for (guint i = 0; i < before->len; i++)
        {
          guint position = page * TOA_ARTICLE_LIST_PAGE_SIZE + i;

          if (position >= limit)
            break;
          if (after == NULL || i >= after->len ||
              g_ptr_array_index (after, i) != g_ptr_array_index (before, i))
            g_array_append_val (changed, position);
        }
    }

  g_array_sort (changed, compare_positions);
  return changed;
}

static void
emit_runs (ToaArticleListModel *self,
           GArray              *positions)
{
  guint i = 0;

  while (i < positions->len)
    {
      guint start = g_array_index (positions, guint, i);
      guint length = 1;

      while (i + length < positions->len &&
             g_array_index (positions, guint, i + length) == start + length)
        length++;
      g_list_model_items_changed (G_LIST_MODEL (self), start, length, length);
      i += length;
    }
}

/**
 * toa_article_list_model_refresh:
 *
 * Reads the count and the pages in memory again after the database
 * changed. Rows that still show the same article keep their item (updated
 * in place, notify::article); only positions that now hold another article
 * and the end of the list are announced as changed, so that a list view
 * keeps its selection and scroll position.
 *
 * Returns: %FALSE when the count could not be read (the list is unchanged)
 */
gboolean
toa_article_list_model_refresh (ToaArticleListModel  *self,
                                GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) old_pages = NULL;
  g_autoptr(GHashTable) reuse = NULL;
  g_autoptr(GArray) changed = NULL;
  g_autoptr(GList) recent = NULL;
  guint old_n = self->n_items;
  guint new_n;
  gint64 count;

  g_return_val_if_fail (TOA_IS_ARTICLE_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (self->query != NULL, FALSE);

  count = count_rows (self, &local_error);
  if (local_error != NULL)
    {
      set_error (self, g_error_copy (local_error));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&self->error);
  new_n = (guint) MIN (MAX (count, 0), G_MAXUINT);

  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  self->n_prefetch = 0;
  old_pages = g_steal_pointer (&self->pages);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  reuse = index_cached_items_of (old_pages);
  /* Rows moved: the keys are re-learnt from the pages read again. */
  g_hash_table_remove_all (self->keys);

  recent = g_list_copy (self->recent.head);
  g_queue_clear (&self->recent);
  for (GList *l = g_list_last (recent); l != NULL; l = l->prev)
    {
      guint page = GPOINTER_TO_UINT (l->data);

      if (page * TOA_ARTICLE_LIST_PAGE_SIZE >= new_n)
        continue;
      g_hash_table_insert (self->pages, l->data, read_page (self, page, new_n, reuse));
      touch_page (self, page);
    }

  changed = find_changed_positions (self, old_pages, MIN (old_n, new_n));
  emit_runs (self, changed);

  self->n_items = new_n;
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  if (new_n != old_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/**
 * toa_article_list_model_get_error:
 *
 * Returns: (transfer none) (nullable): the last failure to read, or %NULL
 */
const GError *
toa_article_list_model_get_error (ToaArticleListModel *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_LIST_MODEL (self), NULL);

  return self->error;
}

/**
 * toa_article_list_model_get_query_count:
 *
 * How many queries (counts and pages) the model sent to the store since
 * it was created: what the tests of lazy loading measure.
 *
 * Returns: a number of queries
 */
guint
toa_article_list_model_get_query_count (ToaArticleListModel *self)
{
  g_return_val_if_fail (TOA_IS_ARTICLE_LIST_MODEL (self), 0);

  return self->query_count;
}

/**
 * toa_article_list_model_get_cached_rows:
 *
 * Returns: how many rows the model holds in memory
 */
guint
toa_article_list_model_get_cached_rows (ToaArticleListModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint rows = 0;

  g_return_val_if_fail (TOA_IS_ARTICLE_LIST_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    rows += ((GPtrArray *) value)->len;
  return rows;
}

/**
 * toa_article_list_model_find:
 * @article_id: an article
 * @position: (out) (optional): where it is
 *
 * Looks for an article among the rows in memory (it never queries: the
 * rows on screen are always in memory).
 *
 * Returns: %TRUE when found
 */
gboolean
toa_article_list_model_find (ToaArticleListModel *self,
                             gint64               article_id,
                             guint               *position)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (TOA_IS_ARTICLE_LIST_MODEL (self), FALSE);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        {
          ToaArticleItem *item = g_ptr_array_index (items, i);

          if (item->article != NULL && item->article->id == article_id)
            {
              if (position != NULL)
                *position = GPOINTER_TO_UINT (key) * TOA_ARTICLE_LIST_PAGE_SIZE + i;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
toa_article_list_model_finalize (GObject *object)
{
  ToaArticleListModel *self = TOA_ARTICLE_LIST_MODEL (object);

  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_pointer (&self->query, toa_article_query_free);
  g_clear_object (&self->store);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (toa_article_list_model_parent_class)->finalize (object);
}

static void
toa_article_list_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ToaArticleListModel *self = TOA_ARTICLE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_QUERY_COUNT:
      g_value_set_uint (value, self->query_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toa_article_list_model_class_init (ToaArticleListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = toa_article_list_model_finalize;
  object_class->get_property = toa_article_list_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY_COUNT] =
    g_param_spec_uint ("query-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
toa_article_list_model_init (ToaArticleListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_queue_init (&self->recent);
  self->query = toa_article_query_new ();
}
