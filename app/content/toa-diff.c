/* toa-diff.c — word-level differences between two texts or two revisions
 *
 * Texts are cut into tokens (words — Vietnamese syllables —, runs of
 * whitespace, single punctuation marks) and compared with Myers' O(ND)
 * algorithm. A body is first compared block by block (paragraphs), and
 * only blocks that changed in place are compared word by word: a moved
 * or rewritten paragraph shows as one deletion and one insertion rather
 * than a scatter of common little words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "toa-diff.h"

/* Above this many edits a stretch is shown as replaced whole: the trace
 * costs O(D²) memory, and such a diff is unreadable anyway. */
#define MAX_EDITS 2000

/* Two changed blocks closer than this (shared words / all words) are
 * compared word by word; otherwise one replaced the other. */
#define PAIR_SIMILARITY 0.5

/* The separator toa_body_to_plain_text() puts between blocks. */
#define BLOCK_SEPARATOR "\n\n"

/* A text cut into pieces, each interned to an integer so that Myers
 * compares integers. */
typedef struct
{
  GPtrArray *pieces;   /* (element-type utf8) borrowed or owned, see below */
  GArray    *ids;      /* (element-type int) */
} Seq;

typedef struct
{
  ToaDiffKind kind;
  guint       index;   /* in the old sequence for EQUAL/DELETE, new for INSERT */
} Edit;

/**
 * toa_diff_op_free:
 * @op: (transfer full) (nullable): an op
 */
void
toa_diff_op_free (ToaDiffOp *op)
{
  if (op == NULL)
    return;
  g_free (op->text);
  g_free (op);
}

/**
 * toa_field_diff_free:
 * @diff: (transfer full) (nullable): a field diff
 */
void
toa_field_diff_free (ToaFieldDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_pointer (&diff->ops, g_ptr_array_unref);
  g_free (diff);
}

static void
seq_init (Seq *seq)
{
  seq->pieces = g_ptr_array_new_with_free_func (g_free);
  seq->ids = g_array_new (FALSE, FALSE, sizeof (int));
}

static void
seq_clear (Seq *seq)
{
  g_clear_pointer (&seq->pieces, g_ptr_array_unref);
  g_clear_pointer (&seq->ids, g_array_unref);
}

static void
seq_add (Seq        *seq,
         GHashTable *interned,
         char       *piece)
{
  gpointer value;
  int id;

  if (g_hash_table_lookup_extended (interned, piece, NULL, &value))
    id = GPOINTER_TO_INT (value);
  else
    {
      id = g_hash_table_size (interned) + 1;
      g_hash_table_insert (interned, g_strdup (piece), GINT_TO_POINTER (id));
    }
  g_ptr_array_add (seq->pieces, piece);
  g_array_append_val (seq->ids, id);
}

typedef enum
{
  CLASS_WORD,
  CLASS_SPACE,
  CLASS_PUNCT,
} CharClass;

static CharClass
classify (gunichar c)
{
  if (g_unichar_isspace (c))
    return CLASS_SPACE;
  /* Combining marks belong to their letter even when the text was not
   * normalised: a decomposed "ế" stays one word. */
  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return CLASS_WORD;
  return CLASS_PUNCT;
}

/* Words and whitespace runs are one token each, every punctuation mark
 * its own token ("72%" is "72" and "%"). @text is NFC. */
static void
tokenize (const char *text,
          GHashTable *interned,
          Seq        *seq)
{
  const char *p = text;

  while (*p != '\0')
    {
      CharClass kind = classify (g_utf8_get_char (p));
      const char *end = g_utf8_next_char (p);

      if (kind != CLASS_PUNCT)
        while (*end != '\0' && classify (g_utf8_get_char (end)) == kind)
          end = g_utf8_next_char (end);
      seq_add (seq, interned, g_strndup (p, end - p));
      p = end;
    }
}

/* Backtracks through the saved V arrays of Myers' algorithm, appending
 * the edits in reverse order. trace[d] holds V for k in [-d-1, d+1]
 * before round d. */
static void
backtrack (GPtrArray *trace,
           int        n,
           int        m,
           guint      base_a,
           guint      base_b,
           GArray    *edits)
{
  int x = n, y = m;

  for (int d = (int) trace->len - 1; d >= 0; d--)
    {
      const int *v = g_ptr_array_index (trace, d);
      int k = x - y;
      int prev_k, prev_x, prev_y;

#define V(i) v[(i) + d + 1]
      if (k == -d || (k != d && V (k - 1) < V (k + 1)))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = V (prev_k);
#undef V
      prev_y = prev_x - prev_k;
      while (x > prev_x && y > prev_y)
        {
          Edit e = { TOA_DIFF_EQUAL, base_a + --x };

          y--;
          g_array_append_val (edits, e);
        }
      if (d > 0)
        {
          Edit e;

          if (x == prev_x)
            e = (Edit) { TOA_DIFF_INSERT, base_b + --y };
          else
            e = (Edit) { TOA_DIFF_DELETE, base_a + --x };
          g_array_append_val (edits, e);
        }
      x = prev_x;
      y = prev_y;
    }
}

/* Myers' greedy forward search over a[0..n) and b[0..m); appends the
 * edits in reverse order. Returns FALSE (nothing appended) when more
 * than MAX_EDITS are needed. */
static gboolean
myers (const int *a,
       int        n,
       const int *b,
       int        m,
       guint      base_a,
       guint      base_b,
       GArray    *edits)
{
  int max = MIN (n + m, MAX_EDITS);
  int offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);

  for (int d = 0; d <= max; d++)
    {
      g_ptr_array_add (trace, g_memdup2 (v + offset - d - 1, (2 * d + 3) * sizeof (int)));
      for (int k = -d; k <= d; k += 2)
        {
          int x, y;

          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && a[x] == b[y])
            x++, y++;
          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              backtrack (trace, n, m, base_a, base_b, edits);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
append_edits (GArray      *edits,
              ToaDiffKind  kind,
              guint        from,
              guint        to)
{
  for (guint i = from; i < to; i++)
    {
      Edit e = { kind, i };

      g_array_append_val (edits, e);
    }
}

/* The edit script turning @a into @b, in order. Common ends are trimmed
 * first: most revisions change a little in the middle. */
static GArray *
diff_sequences (const Seq *a,
                const Seq *b)
{
  const int *ia = (const int *) a->ids->data;
  const int *ib = (const int *) b->ids->data;
  guint n = a->ids->len, m = b->ids->len;
  guint prefix = 0, suffix = 0;
  GArray *edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  g_autoptr(GArray) middle = g_array_new (FALSE, FALSE, sizeof (Edit));

  while (prefix < n && prefix < m && ia[prefix] == ib[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && ia[n - 1 - suffix] == ib[m - 1 - suffix])
    suffix++;

  append_edits (edits, TOA_DIFF_EQUAL, 0, prefix);
  if (myers (ia + prefix, n - prefix - suffix, ib + prefix, m - prefix - suffix,
             prefix, prefix, middle))
    {
      for (guint i = middle->len; i > 0; i--)
        g_array_append_val (edits, g_array_index (middle, Edit, i - 1));
    }
  else
    {
      append_edits (edits, TOA_DIFF_DELETE, prefix, n - suffix);
      append_edits (edits, TOA_DIFF_INSERT, prefix, m - suffix);
    }
  append_edits (edits, TOA_DIFF_EQUAL, n - suffix, n);
  return edits;
}

/* Collects ops, joining runs of one kind. The last run grows in a
 * GString: joining strings one token at a time would be quadratic. */
typedef struct
{
  GPtrArray   *ops;
  GString     *text;
  ToaDiffKind  kind;
} OpBuilder;

static void
builder_init (OpBuilder *b)
{
  b->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_diff_op_free);
  b->text = g_string_new (NULL);
  b->kind = TOA_DIFF_EQUAL;
}

static void
builder_flush (OpBuilder *b)
{
  ToaDiffOp *op;

  if (b->text->len == 0)
    return;
  op = g_new0 (ToaDiffOp, 1);
  op->kind = b->kind;
  op->text = g_strndup (b->text->str, b->text->len);
  g_ptr_array_add (b->ops, op);
  g_string_truncate (b->text, 0);
}

/* Returns the ops and frees the rest. */
static GPtrArray *
builder_finish (OpBuilder *b)
{
  builder_flush (b);
  g_string_free (b->text, TRUE);
  return b->ops;
}

static void
add_op (OpBuilder   *b,
        ToaDiffKind  kind,
        const char  *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (b->kind != kind)
    builder_flush (b);
  b->kind = kind;
  g_string_append (b->text, text);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
flush_change (OpBuilder *out,
              GString   *deleted,
              GString   *inserted)
{
  add_op (out, TOA_DIFF_DELETE, deleted->str);
  add_op (out, TOA_DIFF_INSERT, inserted->str);
  g_string_truncate (deleted, 0);
  g_string_truncate (inserted, 0);
}

/* Makes a list readable: each changed stretch becomes one deletion then
 * one insertion, and a bare space between two replacements joins them
 * ("[-a-]{+b+} [-c-]{+d+}" reads as "[-a c-]{+b d+}"). */
static GPtrArray *
clean_up (GPtrArray *raw)
{
  OpBuilder out;
  g_autoptr(GString) deleted = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);

  builder_init (&out);
  for (guint i = 0; i < raw->len; i++)
    {
      ToaDiffOp *op = g_ptr_array_index (raw, i);
      ToaDiffOp *next = i + 1 < raw->len ? g_ptr_array_index (raw, i + 1) : NULL;

      if (op->kind == TOA_DIFF_DELETE)
        g_string_append (deleted, op->text);
      else if (op->kind == TOA_DIFF_INSERT)
        g_string_append (inserted, op->text);
      else if (deleted->len > 0 && inserted->len > 0 && next != NULL &&
               next->kind != TOA_DIFF_EQUAL && is_blank (op->text))
        {
          g_string_append (deleted, op->text);
          g_string_append (inserted, op->text);
        }
      else
        {
          flush_change (&out, deleted, inserted);
          add_op (&out, TOA_DIFF_EQUAL, op->text);
        }
    }
  flush_change (&out, deleted, inserted);
  return builder_finish (&out);
}

static void
add_edits (OpBuilder  *raw,
           GArray     *edits,
           const Seq  *a,
           const Seq  *b)
{
  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *e = &g_array_index (edits, Edit, i);
      const Seq *seq = e->kind == TOA_DIFF_INSERT ? b : a;

      add_op (raw, e->kind, g_ptr_array_index (seq->pieces, e->index));
    }
}

/* Word diff of two NFC texts, appended (uncleaned) to @raw. */
static void
diff_words (OpBuilder  *raw,
            const char *old_nfc,
            const char *new_nfc)
{
  g_autoptr(GHashTable) interned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) edits = NULL;
  Seq a, b;

  seq_init (&a);
  seq_init (&b);
  tokenize (old_nfc, interned, &a);
  tokenize (new_nfc, interned, &b);
  edits = diff_sequences (&a, &b);
  add_edits (raw, edits, &a, &b);
  seq_clear (&a);
  seq_clear (&b);
}

/* NFC, line by line: g_utf8_normalize() slows down badly on long
 * strings (it moves the rest of the buffer at each composition), and
 * no composition reaches across a newline. NULL for invalid UTF-8. */
static char *
normalize (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *line = text; *line != '\0';)
    {
      const char *end = strchr (line, '\n');
      gsize len = end != NULL ? (gsize) (end - line) + 1 : strlen (line);
      g_autofree char *nfc = g_utf8_normalize (line, len, G_NORMALIZE_NFC);

      g_string_append (out, nfc);
      line += len;
    }
  return g_string_free (out, FALSE);
}

/**
 * toa_diff_text:
 * @old_text: (nullable): the old text, UTF-8 (%NULL is empty)
 * @new_text: (nullable): the new text, UTF-8 (%NULL is empty)
 *
 * Compares two texts word by word. Both are normalised to NFC first, so
 * text typed with combining marks equals the same text precomposed.
 *
 * Returns: (transfer full) (element-type ToaDiffOp): the ops, empty when
 *   both texts are empty; %NULL when a text is not valid UTF-8
 */
GPtrArray *
toa_diff_text (const char *old_text,
               const char *new_text)
{
  g_autofree char *old_nfc = normalize (old_text);
  g_autofree char *new_nfc = normalize (new_text);
  g_autoptr(GPtrArray) raw = NULL;
  OpBuilder builder;

  if (old_nfc == NULL || new_nfc == NULL)
    return NULL;
  builder_init (&builder);
  diff_words (&builder, old_nfc, new_nfc);
  raw = builder_finish (&builder);
  return clean_up (raw);
}

/* Shared words over all words of two blocks (whitespace ignored), as a
 * multiset: cheap, and enough to tell an edited paragraph from a new one. */
static double
similarity (const char *a,
            const char *b)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) unused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Seq sa, sb;
  guint na = 0, nb = 0, common = 0;

  seq_init (&sa);
  seq_init (&sb);
  tokenize (a, unused, &sa);
  tokenize (b, unused, &sb);
  for (guint i = 0; i < sa.pieces->len; i++)
    {
      const char *t = g_ptr_array_index (sa.pieces, i);

      if (is_blank (t))
        continue;
      na++;
      g_hash_table_insert (counts, g_strdup (t),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, t)) + 1));
    }
  for (guint i = 0; i < sb.pieces->len; i++)
    {
      const char *t = g_ptr_array_index (sb.pieces, i);
      int left;

      if (is_blank (t))
        continue;
      nb++;
      left = GPOINTER_TO_INT (g_hash_table_lookup (counts, t));
      if (left > 0)
        {
          common++;
          g_hash_table_insert (counts, g_strdup (t), GINT_TO_POINTER (left - 1));
        }
    }
  seq_clear (&sa);
  seq_clear (&sb);
  return na + nb == 0 ? 1.0 : 2.0 * common / (na + nb);
}

/* Writes blocks into one op list, putting the separator on the sides
 * that already hold a block. */
typedef struct
{
  OpBuilder *raw;
  gboolean   old_started;
  gboolean   new_started;
} BlockWriter;

static void
write_separator (BlockWriter *w,
                 gboolean     on_old,
                 gboolean     on_new)
{
  gboolean sep_old = on_old && w->old_started;
  gboolean sep_new = on_new && w->new_started;

  if (sep_old && sep_new)
    add_op (w->raw, TOA_DIFF_EQUAL, BLOCK_SEPARATOR);
  else if (sep_old)
    add_op (w->raw, TOA_DIFF_DELETE, BLOCK_SEPARATOR);
  else if (sep_new)
    add_op (w->raw, TOA_DIFF_INSERT, BLOCK_SEPARATOR);
  w->old_started |= on_old;
  w->new_started |= on_new;
}

static void
write_block (BlockWriter *w,
             ToaDiffKind  kind,
             const char  *text)
{
  write_separator (w, kind != TOA_DIFF_INSERT, kind != TOA_DIFF_DELETE);
  add_op (w->raw, kind, text);
}

static void
write_pair (BlockWriter *w,
            const char  *old_block,
            const char  *new_block)
{
  write_separator (w, TRUE, TRUE);
  diff_words (w->raw, old_block, new_block);
}

/* A changed stretch of blocks: each deleted block is compared word by
 * word with the first later inserted block that resembles it; the rest
 * are deleted or inserted whole. Each side keeps its order. */
static void
write_hunk (BlockWriter *w,
            GPtrArray   *deleted,
            GPtrArray   *inserted)
{
  guint j = 0;

  for (guint i = 0; i < deleted->len; i++)
    {
      const char *old_block = g_ptr_array_index (deleted, i);
      guint k;

      for (k = j; k < inserted->len; k++)
        if (similarity (old_block, g_ptr_array_index (inserted, k)) >= PAIR_SIMILARITY)
          break;
      if (k == inserted->len)
        {
          write_block (w, TOA_DIFF_DELETE, old_block);
          continue;
        }
      for (; j < k; j++)
        write_block (w, TOA_DIFF_INSERT, g_ptr_array_index (inserted, j));
      write_pair (w, old_block, g_ptr_array_index (inserted, k));
      j = k + 1;
    }
  for (; j < inserted->len; j++)
    write_block (w, TOA_DIFF_INSERT, g_ptr_array_index (inserted, j));
  g_ptr_array_set_size (deleted, 0);
  g_ptr_array_set_size (inserted, 0);
}

static void
split_blocks (const char *text,
              GHashTable *interned,
              Seq        *seq)
{
  g_auto(GStrv) blocks = NULL;

  if (*text == '\0')
    return;
  blocks = g_strsplit (text, BLOCK_SEPARATOR, -1);
  for (guint i = 0; blocks[i] != NULL; i++)
    seq_add (seq, interned, g_strdup (blocks[i]));
}

static void
diff_blocks (OpBuilder  *raw,
             const char *old_nfc,
             const char *new_nfc)
{
  g_autoptr(GHashTable) interned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) deleted = g_ptr_array_new ();
  g_autoptr(GPtrArray) inserted = g_ptr_array_new ();
  g_autoptr(GArray) edits = NULL;
  BlockWriter w = { raw, FALSE, FALSE };
  Seq a, b;

  seq_init (&a);
  seq_init (&b);
  split_blocks (old_nfc, interned, &a);
  split_blocks (new_nfc, interned, &b);
  edits = diff_sequences (&a, &b);
  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *e = &g_array_index (edits, Edit, i);

      if (e->kind == TOA_DIFF_DELETE)
        g_ptr_array_add (deleted, g_ptr_array_index (a.pieces, e->index));
      else if (e->kind == TOA_DIFF_INSERT)
        g_ptr_array_add (inserted, g_ptr_array_index (b.pieces, e->index));
      else
        {
          write_hunk (&w, deleted, inserted);
          write_block (&w, TOA_DIFF_EQUAL, g_ptr_array_index (a.pieces, e->index));
        }
    }
  write_hunk (&w, deleted, inserted);
  seq_clear (&a);
  seq_clear (&b);
}

/**
 * toa_diff_body:
 * @old_plain: (nullable): the old body's plain text (toa_body_to_plain_text())
 * @new_plain: (nullable): the new body's plain text
 *
 * Compares two bodies block by block (blocks are separated by a blank
 * line), then word by word within blocks that were edited in place. A
 * paragraph that moved shows as deleted where it was and inserted where
 * it is now.
 *
 * Returns: (transfer full) (element-type ToaDiffOp): the ops; %NULL when a
 *   text is not valid UTF-8
 */
GPtrArray *
toa_diff_body (const char *old_plain,
               const char *new_plain)
{
  g_autofree char *old_nfc = normalize (old_plain);
  g_autofree char *new_nfc = normalize (new_plain);
  g_autoptr(GPtrArray) raw = NULL;
  OpBuilder builder;

  if (old_nfc == NULL || new_nfc == NULL)
    return NULL;
  builder_init (&builder);
  diff_blocks (&builder, old_nfc, new_nfc);
  raw = builder_finish (&builder);
  return clean_up (raw);
}

static char *
body_text (const ToaArticleContent *content)
{
  if (content == NULL || content->body == NULL)
    return g_strdup ("");
  return toa_body_to_plain_text (content->body);
}

static char *
tags_text (const ToaArticleContent *content)
{
  if (content == NULL || content->tags == NULL)
    return g_strdup ("");
  return g_strjoinv (", ", content->tags);
}

static ToaFieldDiff *
field_diff (const char *field,
            const char *label,
            GPtrArray  *ops)
{
  ToaFieldDiff *diff = g_new0 (ToaFieldDiff, 1);

  diff->field = field;
  diff->label = label;
  diff->ops = ops != NULL ? ops : g_ptr_array_new_with_free_func ((GDestroyNotify) toa_diff_op_free);
  diff->changed = toa_diff_has_changes (diff->ops);
  return diff;
}

#define FIELD(c, name) ((c) != NULL ? (c)->name : NULL)

/**
 * toa_diff_content:
 * @old_content: (nullable): the older revision (%NULL: nothing)
 * @new_content: (nullable): the newer revision (%NULL: nothing)
 *
 * Compares every field of two revisions: title, lead, body, byline,
 * category, event and display dates, tags — in that order, one
 * #ToaFieldDiff each, changed or not.
 *
 * Returns: (transfer full) (element-type ToaFieldDiff): the fields
 */
GPtrArray *
toa_diff_content (const ToaArticleContent *old_content,
                  const ToaArticleContent *new_content)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) toa_field_diff_free);
  g_autofree char *old_body = body_text (old_content);
  g_autofree char *new_body = body_text (new_content);
  g_autofree char *old_tags = tags_text (old_content);
  g_autofree char *new_tags = tags_text (new_content);

  g_ptr_array_add (fields, field_diff ("title", _("Title"),
                                       toa_diff_text (FIELD (old_content, title), FIELD (new_content, title))));
  g_ptr_array_add (fields, field_diff ("lead", _("Lead"),
                                       toa_diff_text (FIELD (old_content, lead), FIELD (new_content, lead))));
  g_ptr_array_add (fields, field_diff ("body", _("Body"), toa_diff_body (old_body, new_body)));
  g_ptr_array_add (fields, field_diff ("byline", _("Byline"),
                                       toa_diff_text (FIELD (old_content, byline), FIELD (new_content, byline))));
  g_ptr_array_add (fields, field_diff ("category", _("Category"),
                                       toa_diff_text (FIELD (old_content, category), FIELD (new_content, category))));
  g_ptr_array_add (fields, field_diff ("event_date", _("Event date"),
                                       toa_diff_text (FIELD (old_content, event_date), FIELD (new_content, event_date))));
  g_ptr_array_add (fields, field_diff ("display_date", _("Display date"),
                                       toa_diff_text (FIELD (old_content, display_date), FIELD (new_content, display_date))));
  g_ptr_array_add (fields, field_diff ("tags", _("Tags"), toa_diff_text (old_tags, new_tags)));
  return fields;
}

/**
 * toa_diff_has_changes:
 * @ops: (element-type ToaDiffOp): ops from a toa_diff_ function
 *
 * Returns: whether any op is an insertion or a deletion
 */
gboolean
toa_diff_has_changes (GPtrArray *ops)
{
  g_return_val_if_fail (ops != NULL, FALSE);

  for (guint i = 0; i < ops->len; i++)
    if (((ToaDiffOp *) g_ptr_array_index (ops, i))->kind != TOA_DIFF_EQUAL)
      return TRUE;
  return FALSE;
}

/**
 * toa_diff_format:
 * @ops: (element-type ToaDiffOp): ops from a toa_diff_ function
 *
 * Writes the ops as text with wdiff-style markers: "[-removed-]" and
 * "{+added+}".
 *
 * Returns: (transfer full): the marked-up text
 */
char *
toa_diff_format (GPtrArray *ops)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (ops != NULL, NULL);

  for (guint i = 0; i < ops->len; i++)
    {
      const ToaDiffOp *op = g_ptr_array_index (ops, i);

      if (op->kind == TOA_DIFF_DELETE)
        g_string_append_printf (out, "[-%s-]", op->text);
      else if (op->kind == TOA_DIFF_INSERT)
        g_string_append_printf (out, "{+%s+}", op->text);
      else
        g_string_append (out, op->text);
    }
  return g_string_free (out, FALSE);
}
