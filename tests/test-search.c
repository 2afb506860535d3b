/* test-search.c — Vietnamese folding and full-text search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "toa-test-newsroom.h"
#include "toa-vn-fold.h"

static void
test_fold (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Đồng Tháp", "dong thap" },
    { "công nghiệp", "cong nghiep" },
    { "ĐẢNG BỘ", "dang bo" },
    { "Đỗ Nguyên - P. QLCN", "do nguyen - p. qlcn" },
    { "Ư Ơ Ă Â Ê Ô ư ơ ă â ê ô", "u o a a e o u o a a e o" },
    { "Thừa Thiên Huế", "thua thien hue" },
    /* Decomposed, as Word sometimes pastes it: o + ◌̂ + ◌̣ */
    { "Ho\xcc\x82\xcc\xa3i", "hoi" },
    { "2026: 15,5%", "2026: 15,5%" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = toa_vn_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
  {
    g_autofree char *bad = toa_vn_fold ("Ti\xea\xff");
    g_autofree char *null = toa_vn_fold (NULL);
    g_autofree char *exact = toa_vn_fold_exact ("ĐẢNG Bộ");

    g_assert_cmpstr (bad, ==, "");
    g_assert_cmpstr (null, ==, "");
    g_assert_cmpstr (exact, ==, "đảng bộ");
  }
  g_assert_true (toa_vn_has_diacritics ("Đảng"));
  g_assert_true (toa_vn_has_diacritics ("đ"));
  g_assert_false (toa_vn_has_diacritics ("Dang KY"));
}

typedef struct
{
  Newsroom  n;
  gint64    dong_thap;   /* title */
  gint64    cong_nghiep; /* lead */
  gint64    dang;        /* "Đảng" in the body */
  gint64    dang_ky;     /* "đăng ký" many times in the title */
  gint64    apart;       /* "công" and "nghiệp" not adjacent */
} Corpus;

static gint64
add (Corpus     *c,
     const char *author,
     const char *title,
     const char *lead,
     const char *body,
     const char *tags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content (title, body);
  gint64 id;

  g_free (content->lead);
  content->lead = g_strdup (lead);
  if (tags != NULL)
    content->tags = g_strsplit (tags, ",", -1);
  id = toa_store_create_article (c->n.store, NULL, content, author, &error);
  g_assert_no_error (error);
  return id;
}

static void
corpus_setup (Corpus        *c,
              gconstpointer  data)
{
  newsroom_setup (&c->n, data);
  c->dong_thap = add (c, "an", "Hội chợ thương mại Đồng Tháp 2026", "Khai mạc sáng nay.",
                      "Nhiều doanh nghiệp tham gia.", "hội chợ,xúc tiến");
  c->cong_nghiep = add (c, "an", "Tổng kết năm", "Giá trị sản xuất công nghiệp tăng 9,5%.",
                        "Ngành điện gió đóng góp lớn.", "điện gió");
  c->dang = add (c, "binh", "Học tập nghị quyết", "Hội nghị quán triệt.",
                 "Đảng bộ Sở tổ chức hội nghị.", NULL);
  c->dang_ky = add (c, "binh", "Đăng ký đăng ký đăng ký kinh doanh", "Hướng dẫn đăng ký.",
                    "Thủ tục đăng ký trực tuyến.", NULL);
  c->apart = add (c, "an", "Công tác an toàn", "Phòng chống cháy nổ.",
                  "Khu nghiệp vụ được kiểm tra.", NULL);
}

static void
corpus_teardown (Corpus        *c,
                 gconstpointer  data)
{
  newsroom_teardown (&c->n, data);
}

static GArray *
search (Corpus     *c,
        const char *text,
        guint       status_mask,
        const char *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) rows = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  query->text = g_strdup (text);
  query->status_mask = status_mask;
  query->office = g_strdup (office);
  rows = toa_store_list_articles (c->n.store, query, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpint (toa_store_count_articles (c->n.store, query, &error), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_array_append_val (ids, ((ToaArticle *) g_ptr_array_index (rows, i))->id);
  return ids;
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
assert_finds (Corpus     *c,
              const char *text,
              gint64      expected)
{
  g_autoptr(GArray) ids = search (c, text, 0, NULL);

  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expected);
}

static void
assert_finds_among (Corpus     *c,
                    const char *text,
                    gint64      expected)
{
  g_autoptr(GArray) ids = search (c, text, 0, NULL);

  g_assert_true (contains (ids, expected));
}

static void
test_folded_queries (Corpus        *c,
                     gconstpointer  data)
{
  assert_finds (c, "dong thap", c->dong_thap);
  assert_finds (c, "Đồng Tháp", c->dong_thap);
  assert_finds (c, "DONG THAP", c->dong_thap);
  assert_finds (c, "đồng tháp", c->dong_thap);
  assert_finds (c, "\"cong nghiep\"", c->cong_nghiep);
  assert_finds_among (c, "cong nghiep", c->cong_nghiep);
  assert_finds_among (c, "Cong Nghiep", c->cong_nghiep);
  assert_finds (c, "dien gio", c->cong_nghiep);        /* body and tags */
  assert_finds (c, "xuc tien", c->dong_thap);          /* tags */
}

static void
test_byline (Corpus        *c,
             gconstpointer  data)
{
  /* Every article has the byline "Đỗ Nguyên - P. QLCN". */
  g_autoptr(GArray) ids = search (c, "do nguyen", 0, NULL);

  g_assert_cmpuint (ids->len, ==, 5);
}

static void
test_dang (Corpus        *c,
           gconstpointer  data)
{
  g_autoptr(GArray) folded = search (c, "Dang", 0, NULL);
  g_autoptr(GArray) exact = search (c, "Đảng", 0, NULL);

  /* "Dang" finds both Đảng and đăng. */
  g_assert_cmpuint (folded->len, ==, 2);
  g_assert_true (contains (folded, c->dang));
  g_assert_true (contains (folded, c->dang_ky));
  /* Without marks, newest first: "đăng ký" was written later... */
  g_assert_cmpint (g_array_index (folded, gint64, 0), ==, c->dang_ky);
  /* ...but typed with its marks, "Đảng" ranks the exact word first. */
  g_assert_cmpuint (exact->len, ==, 2);
  g_assert_cmpint (g_array_index (exact, gint64, 0), ==, c->dang);
}

static gint64
page_id (Corpus     *c,
         const char *text,
         guint       offset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
  g_autoptr(GPtrArray) rows = NULL;

  query->text = g_strdup (text);
  rows = toa_store_list_articles (c->n.store, query, offset, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, <=, 1);
  return rows->len ? ((ToaArticle *) g_ptr_array_index (rows, 0))->id : 0;
}

static void
test_exact_first_paging (Corpus        *c,
                         gconstpointer  data)
{
  /* Pages of one row across the boundary between the exact matches and
   * the others: each article once, in order. */
  g_assert_cmpint (page_id (c, "Đảng", 0), ==, c->dang);
  g_assert_cmpint (page_id (c, "Đảng", 1), ==, c->dang_ky);
  g_assert_cmpint (page_id (c, "Đảng", 2), ==, 0);
  g_assert_cmpint (page_id (c, "đăng", 0), ==, c->dang_ky);
  g_assert_cmpint (page_id (c, "đăng", 1), ==, c->dang);
}

static void
test_phrase_and_prefix (Corpus        *c,
                        gconstpointer  data)
{
  g_autoptr(GArray) words = search (c, "cong nghiep", 0, NULL);
  g_autoptr(GArray) phrase = search (c, "\"công nghiệp\"", 0, NULL);
  g_autoptr(GArray) prefix = search (c, "nghi*", 0, NULL);
  g_autoptr(GArray) phrase_prefix = search (c, "\"san xuat cong\"*", 0, NULL);

  /* Both words anywhere: also the article where they are apart; newest
   * first. */
  g_assert_cmpuint (words->len, ==, 2);
  g_assert_cmpint (g_array_index (words, gint64, 0), ==, c->apart);
  g_assert_cmpint (g_array_index (words, gint64, 1), ==, c->cong_nghiep);
  g_assert_cmpuint (phrase->len, ==, 1);
  g_assert_cmpint (g_array_index (phrase, gint64, 0), ==, c->cong_nghiep);
  /* nghiệp, nghị, nghiệp vụ… */
  g_assert_true (contains (prefix, c->cong_nghiep));
  g_assert_true (contains (prefix, c->dang));
  g_assert_true (contains (prefix, c->apart));
  g_assert_false (contains (prefix, c->dang_ky));
  g_assert_cmpuint (phrase_prefix->len, ==, 1);
}

static void
test_filters_and_deleted (Corpus        *c,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) drafts = NULL;
  g_autoptr(GArray) submitted = NULL;
  g_autoptr(GArray) khtc = NULL;
  g_autoptr(GArray) after_delete = NULL;

  newsroom_act (&c->n, c->cong_nghiep, "submit", "an", NULL);
  drafts = search (c, "cong nghiep", TOA_STATUS_BIT (TOA_ARTICLE_STATUS_DRAFT), NULL);
  submitted = search (c, "cong nghiep", TOA_STATUS_BIT (TOA_ARTICLE_STATUS_SUBMITTED), NULL);
  khtc = search (c, "cong nghiep", 0, "KHTC");
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpint (g_array_index (drafts, gint64, 0), ==, c->apart);
  g_assert_cmpuint (submitted->len, ==, 1);
  g_assert_cmpuint (khtc->len, ==, 0);

  /* Search within "waiting for my approval" (chi approves QLCN). */
  {
    g_autoptr(ToaArticleQuery) query = toa_article_query_new ();
    g_autoptr(GPtrArray) rows = NULL;

    query->text = g_strdup ("công nghiệp");
    query->waiting_for = g_strdup ("chi");
    rows = toa_store_list_articles (c->n.store, query, 0, 50, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpint (((ToaArticle *) g_ptr_array_index (rows, 0))->id, ==, c->cong_nghiep);
    g_assert_cmpint (toa_store_count_articles (c->n.store, query, &error), ==, 1);
  }

  toa_store_delete_article (c->n.store, c->apart, "an", &error);
  g_assert_no_error (error);
  after_delete = search (c, "cong nghiep", 0, NULL);
  g_assert_cmpuint (after_delete->len, ==, 1);
  g_assert_false (contains (after_delete, c->apart));
}

static void
test_follows_edits (Corpus        *c,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToaArticleContent) content = newsroom_content ("Hội chợ Cần Thơ", "Nội dung mới.");
  g_autoptr(GArray) old = NULL;
  g_autoptr(GArray) fresh = NULL;

  toa_store_save_revision (c->n.store, c->dong_thap, 1, content, "an", NULL, &error);
  g_assert_no_error (error);
  old = search (c, "dong thap", 0, NULL);
  fresh = search (c, "can tho", 0, NULL);
  g_assert_cmpuint (old->len, ==, 0);
  g_assert_cmpuint (fresh->len, ==, 1);
  g_assert_cmpint (g_array_index (fresh, gint64, 0), ==, c->dong_thap);
}

static void
test_syntax_is_literal (Corpus        *c,
                        gconstpointer  data)
{
  const char *queries[] = { "\"", "AND", "OR NOT", "(", "*", "-", "title:x", "dong NEAR thap", "\"\"*" };

  /* Whatever people type, search answers (possibly nothing), never an
   * FTS5 syntax error. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) ids = search (c, queries[i], 0, NULL);

      g_assert_cmpuint (ids->len, <=, 5);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
#define ADD(path, func) g_test_add ("/search/" path, Corpus, NULL, corpus_setup, func, corpus_teardown)
  ADD ("folded-queries", test_folded_queries);
  ADD ("byline", test_byline);
  ADD ("dang", test_dang);
  ADD ("exact-first-paging", test_exact_first_paging);
  ADD ("phrase-and-prefix", test_phrase_and_prefix);
  ADD ("filters-and-deleted", test_filters_and_deleted);
  ADD ("follows-edits", test_follows_edits);
  ADD ("syntax-is-literal", test_syntax_is_literal);

  return g_test_run ();
}
