/* test-diff.c — the word diff: Vietnamese words, blocks, moved paragraphs,
 * empty sides, article fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-diff.h"
#include "toa-test-utils.h"

/* The old (EQUAL + DELETE) or new (EQUAL + INSERT) side of @ops. */
static char *
side (GPtrArray   *ops,
      ToaDiffKind  skip)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ops->len; i++)
    {
      ToaDiffOp *op = g_ptr_array_index (ops, i);

      if (op->kind != skip)
        g_string_append (out, op->text);
    }
  return g_string_free (out, FALSE);
}

static guint
count_kind (GPtrArray   *ops,
            ToaDiffKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < ops->len; i++)
    if (((ToaDiffOp *) g_ptr_array_index (ops, i))->kind == kind)
      n++;
  return n;
}

/* Both sides rebuild the inputs exactly (NFC). */
static void
assert_sides (GPtrArray  *ops,
              const char *old_text,
              const char *new_text)
{
  g_autofree char *old_side = side (ops, TOA_DIFF_INSERT);
  g_autofree char *new_side = side (ops, TOA_DIFF_DELETE);
  g_autofree char *old_nfc = g_utf8_normalize (old_text, -1, G_NORMALIZE_NFC);
  g_autofree char *new_nfc = g_utf8_normalize (new_text, -1, G_NORMALIZE_NFC);

  g_assert_cmpstr (old_side, ==, old_nfc);
  g_assert_cmpstr (new_side, ==, new_nfc);
}

static void
test_vietnamese_words (void)
{
  const char *old_text = "Sở Công Thương tỉnh Ninh Thuận tổ chức hội nghị.";
  const char *new_text = "Sở Công Thương tỉnh Ninh Thuận đã tổ chức hội thảo.";
  g_autoptr(GPtrArray) ops = toa_diff_text (old_text, new_text);
  g_autofree char *marked = toa_diff_format (ops);

  g_assert_cmpstr (marked, ==, "Sở Công Thương tỉnh Ninh Thuận {+đã +}tổ chức hội [-nghị-]{+thảo+}.");
  assert_sides (ops, old_text, new_text);
}

/* A changed tone mark is a changed word, not a changed letter. */
static void
test_tone_mark_changes_word (void)
{
  g_autoptr(GPtrArray) ops = toa_diff_text ("giá bán lẻ", "giá bàn lẻ");
  g_autofree char *marked = toa_diff_format (ops);

  g_assert_cmpstr (marked, ==, "giá [-bán-]{+bàn+} lẻ");
}

static void
test_decomposed_equals_nfc (void)
{
  /* "Tiếng Việt" typed with combining marks (e + circumflex + acute,
   * e + dot below). */
  const char *decomposed = "Ti\x65\xcc\x82\xcc\x81ng Vi\x65\xcc\xa3\xcc\x82t";
  const char *nfc = "Tiếng Việt";
  g_autoptr(GPtrArray) ops = toa_diff_text (decomposed, nfc);
  g_autoptr(GPtrArray) words = toa_diff_text ("Tiếng Anh", decomposed);
  g_autofree char *marked = toa_diff_format (words);

  g_assert_false (g_str_equal (decomposed, nfc));
  g_assert_false (toa_diff_has_changes (ops));
  g_assert_cmpuint (ops->len, ==, 1);
  g_assert_cmpstr (((ToaDiffOp *) g_ptr_array_index (ops, 0))->text, ==, nfc);
  g_assert_cmpstr (marked, ==, "Tiếng [-Anh-]{+Việt+}");
}

static void
test_empty_sides (void)
{
  g_autoptr(GPtrArray) both = toa_diff_text ("", NULL);
  g_autoptr(GPtrArray) added = toa_diff_text (NULL, "Khánh thành nhà máy");
  g_autoptr(GPtrArray) removed = toa_diff_body ("Đoạn một.\n\nĐoạn hai.", "");
  g_autofree char *added_text = toa_diff_format (added);
  g_autofree char *removed_text = toa_diff_format (removed);

  g_assert_cmpuint (both->len, ==, 0);
  g_assert_false (toa_diff_has_changes (both));
  g_assert_cmpstr (added_text, ==, "{+Khánh thành nhà máy+}");
  g_assert_cmpstr (removed_text, ==, "[-Đoạn một.\n\nĐoạn hai.-]");
}

static void
test_identical (void)
{
  const char *text = "Đoàn công tác khảo sát.\n\nKết quả đạt 72%.";
  g_autoptr(GPtrArray) ops = toa_diff_body (text, text);

  g_assert_false (toa_diff_has_changes (ops));
  g_assert_cmpuint (ops->len, ==, 1);
  assert_sides (ops, text, text);
}

/* A paragraph moved from first to last: deleted whole where it was,
 * inserted whole where it is, the others untouched. */
static void
test_moved_paragraph (void)
{
  const char *a = "Sáng ngày 20/11, đoàn công tác đã làm việc tại cụm công nghiệp.";
  const char *b = "Cụm công nghiệp có tỷ lệ lấp đầy đạt 72%.";
  const char *c = "Đoàn đề nghị chủ đầu tư đẩy nhanh tiến độ hạ tầng.";
  g_autofree char *old_text = g_strjoin ("\n\n", a, b, c, NULL);
  g_autofree char *new_text = g_strjoin ("\n\n", b, c, a, NULL);
  g_autoptr(GPtrArray) ops = toa_diff_body (old_text, new_text);
  g_autofree char *marked = toa_diff_format (ops);
  g_autofree char *expected = g_strdup_printf ("[-%s\n\n-]%s\n\n%s{+\n\n%s+}", a, b, c, a);

  g_assert_cmpuint (count_kind (ops, TOA_DIFF_DELETE), ==, 1);
  g_assert_cmpuint (count_kind (ops, TOA_DIFF_INSERT), ==, 1);
  g_assert_cmpstr (marked, ==, expected);
  assert_sides (ops, old_text, new_text);
}

/* A paragraph edited in place is compared word by word; a new paragraph
 * next to it is inserted whole. */
static void
test_edited_paragraph (void)
{
  const char *old_text = "Hội nghị tổng kết năm 2025.\n\nCông tác quản lý thị trường được tăng cường.";
  const char *new_text = "Hội nghị tổng kết năm 2026.\n\nMột đoạn hoàn toàn mới về xuất khẩu nông sản.\n\n"
                         "Công tác quản lý thị trường tiếp tục được tăng cường.";
  g_autoptr(GPtrArray) ops = toa_diff_body (old_text, new_text);
  g_autofree char *marked = toa_diff_format (ops);

  g_assert_cmpstr (marked, ==,
                   "Hội nghị tổng kết năm [-2025-]{+2026+}."
                   "{+\n\nMột đoạn hoàn toàn mới về xuất khẩu nông sản.+}\n\n"
                   "Công tác quản lý thị trường {+tiếp tục +}được tăng cường.");
  assert_sides (ops, old_text, new_text);
}

/* Replacements separated by one space read as one replacement. */
static void
test_joined_replacements (void)
{
  g_autoptr(GPtrArray) ops = toa_diff_text ("tại Phan Rang", "ở Tháp Chàm");
  g_autofree char *marked = toa_diff_format (ops);

  g_assert_cmpstr (marked, ==, "[-tại Phan Rang-]{+ở Tháp Chàm+}");
}

static void
test_invalid_utf8 (void)
{
  g_assert_null (toa_diff_text ("\xff\xfe", "a"));
  g_assert_null (toa_diff_body ("a", "\xc3"));
}

/* Far more edits than the algorithm traces: replaced whole, still exact. */
static void
test_many_edits (void)
{
  GString *a = g_string_new (NULL);
  GString *b = g_string_new (NULL);
  g_autoptr(GPtrArray) ops = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (a, "a%u ", i);
      g_string_append_printf (b, "b%u ", i);
    }
  ops = toa_diff_text (a->str, b->str);
  g_assert_true (toa_diff_has_changes (ops));
  assert_sides (ops, a->str, b->str);
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

static ToaFieldDiff *
find_field (GPtrArray  *fields,
            const char *name)
{
  for (guint i = 0; i < fields->len; i++)
    {
      ToaFieldDiff *f = g_ptr_array_index (fields, i);

      if (g_str_equal (f->field, name))
        return f;
    }
  g_assert_not_reached ();
}

static void
test_content_fields (void)
{
  g_autoptr(ToaArticleContent) old_c = toa_article_content_new ();
  g_autoptr(ToaArticleContent) new_c = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autofree char *title = NULL, *body = NULL, *tags = NULL;
  const char * const old_tags[] = { "công nghiệp", "Ninh Thuận", NULL };
  const char * const new_tags[] = { "công nghiệp", "năng lượng", NULL };

  old_c->title = g_strdup ("Khảo sát cụm công nghiệp");
  old_c->lead = g_strdup ("Sở Công Thương khảo sát.");
  old_c->body = toa_body_from_plain_text ("Đoạn một.\n\nĐoạn hai.");
  old_c->byline = g_strdup ("Đỗ Nguyên - P. QLCN");
  old_c->tags = g_strdupv ((char **) old_tags);
  new_c = toa_article_content_copy (old_c);
  g_free (new_c->title);
  new_c->title = g_strdup ("Khảo sát cụm công nghiệp Ninh Xuân");
  g_free (new_c->body);
  new_c->body = toa_body_from_plain_text ("Đoạn một.\n\nĐoạn hai đã sửa.");
  g_strfreev (new_c->tags);
  new_c->tags = g_strdupv ((char **) new_tags);
  new_c->event_date = g_strdup ("2026-11-20");

  fields = toa_diff_content (old_c, new_c);
  g_assert_cmpuint (fields->len, ==, 8);
  g_assert_cmpstr (((ToaFieldDiff *) g_ptr_array_index (fields, 0))->field, ==, "title");
  title = toa_diff_format (find_field (fields, "title")->ops);
  body = toa_diff_format (find_field (fields, "body")->ops);
  tags = toa_diff_format (find_field (fields, "tags")->ops);
  g_assert_cmpstr (title, ==, "Khảo sát cụm công nghiệp{+ Ninh Xuân+}");
  g_assert_cmpstr (body, ==, "Đoạn một.\n\nĐoạn hai{+ đã sửa+}.");
  g_assert_cmpstr (tags, ==, "công nghiệp, [-Ninh Thuận-]{+năng lượng+}");
  g_assert_true (find_field (fields, "event_date")->changed);
  g_assert_false (find_field (fields, "lead")->changed);
  g_assert_false (find_field (fields, "byline")->changed);
  g_assert_false (find_field (fields, "display_date")->changed);
  g_assert_cmpstr (find_field (fields, "lead")->label, ==, "Lead");
}

static void
test_content_null_side (void)
{
  g_autoptr(ToaArticleContent) c = toa_article_content_new ();
  g_autoptr(GPtrArray) fields = NULL;
  g_autofree char *body = NULL;

  c->title = g_strdup ("Tin mới");
  c->body = toa_body_from_plain_text ("Nội dung.");
  fields = toa_diff_content (NULL, c);
  body = toa_diff_format (find_field (fields, "body")->ops);
  g_assert_true (find_field (fields, "title")->changed);
  g_assert_cmpstr (body, ==, "{+Nội dung.+}");
  g_assert_false (find_field (fields, "tags")->changed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/vietnamese-words", test_vietnamese_words);
  g_test_add_func ("/diff/tone-mark", test_tone_mark_changes_word);
  g_test_add_func ("/diff/decomposed", test_decomposed_equals_nfc);
  g_test_add_func ("/diff/empty-sides", test_empty_sides);
  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/moved-paragraph", test_moved_paragraph);
  g_test_add_func ("/diff/edited-paragraph", test_edited_paragraph);
  g_test_add_func ("/diff/joined-replacements", test_joined_replacements);
  g_test_add_func ("/diff/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/diff/many-edits", test_many_edits);
  g_test_add_func ("/diff/content-fields", test_content_fields);
  g_test_add_func ("/diff/content-null-side", test_content_null_side);

  return g_test_run ();
}
