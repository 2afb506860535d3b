/* test-media.c — images kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "toa-core.h"
#include "toa-store-media.h"
#include "toa-test-newsroom.h"

/* A real 1×1 PNG (RGBA, one transparent pixel). */
static const guint8 png_1x1[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

/* The head of a JPEG: SOI, a JFIF APP0 segment, then a baseline frame
 * header for 1024×683. */
static const guint8 jpeg_head[] = {
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0xab, 0x04, 0x00, 0x03, 0x01, 0x22,
  0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xda,
};

static const guint8 gif_head[] = {
  'G', 'I', 'F', '8', '9', 'a', 0x80, 0x02, 0xe0, 0x01, 0x00, 0x00, 0x00,
};

static GBytes *
bytes_of (const guint8 *data,
          gsize         size)
{
  return g_bytes_new_static (data, size);
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) png = bytes_of (png_1x1, sizeof png_1x1);
  g_autoptr(GBytes) jpeg = bytes_of (jpeg_head, sizeof jpeg_head);
  g_autoptr(GBytes) gif = bytes_of (gif_head, sizeof gif_head);
  const char *svg = "<svg xmlns='…'/>";
  g_autoptr(GBytes) text = g_bytes_new_static (svg, strlen (svg));
  g_autoptr(GBytes) cut = bytes_of (jpeg_head, 22);
  g_autoptr(GError) error = NULL;
  const char *mime = NULL;
  int width = 0, height = 0;

  g_assert_true (toa_media_sniff (png, &mime, &width, &height, &error));
  g_assert_cmpstr (mime, ==, "image/png");
  g_assert_cmpint (width, ==, 1);
  g_assert_cmpint (height, ==, 1);

  g_assert_true (toa_media_sniff (jpeg, &mime, &width, &height, &error));
  g_assert_cmpstr (mime, ==, "image/jpeg");
  g_assert_cmpint (width, ==, 1024);
  g_assert_cmpint (height, ==, 683);

  g_assert_true (toa_media_sniff (gif, &mime, &width, &height, &error));
  g_assert_cmpstr (mime, ==, "image/gif");
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
  g_assert_no_error (error);

  g_assert_false (toa_media_sniff (text, &mime, NULL, NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A JPEG cut before its frame header has no size: refused, not guessed. */
  g_assert_false (toa_media_sniff (cut, NULL, NULL, NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
}

static void
test_add_and_get (Newsroom      *n,
                  gconstpointer  data)
{
  gint64 article = newsroom_article (n, "an", "Bài có ảnh");
  g_autoptr(GBytes) png = bytes_of (png_1x1, sizeof png_1x1);
  g_autoptr(GBytes) jpeg = bytes_of (jpeg_head, sizeof jpeg_head);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(ToaMedia) media = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  gint64 id, again, other;

  id = toa_store_add_media (n->store, article, png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  media = toa_store_get_media (n->store, id, &stored, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, png));
  g_assert_cmpint (media->article_id, ==, article);
  g_assert_cmpstr (media->sha256, ==, sha);
  g_assert_cmpstr (media->mime, ==, "image/png");
  g_assert_cmpint (media->size, ==, sizeof png_1x1);
  g_assert_cmpint (media->width, ==, 1);
  g_assert_cmpint (media->height, ==, 1);
  g_assert_cmpint (media->created, >, 0);

  /* The same bytes are stored once. */
  again = toa_store_add_media (n->store, article, png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM media"), ==, 1);

  other = toa_store_add_media (n->store, article, jpeg, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, >, id);
  list = toa_store_list_media (n->store, article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((ToaMedia *) g_ptr_array_index (list, 1))->mime, ==, "image/jpeg");
  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT length(data) FROM media WHERE mime = 'image/jpeg'"),
                   ==, sizeof jpeg_head);
}

static void
test_refused (Newsroom      *n,
              gconstpointer  data)
{
  g_autoptr(GBytes) png = bytes_of (png_1x1, sizeof png_1x1);
  const char *markup = "<p>không phải ảnh</p>";
  g_autoptr(GBytes) html = g_bytes_new_static (markup, strlen (markup));
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(ToaStore) read_only = NULL;
  g_autoptr(GError) error = NULL;
  guint8 *big = g_malloc0 (TOA_MEDIA_MAX_SIZE + 1);

  memcpy (big, png_1x1, sizeof png_1x1);
  huge = g_bytes_new_take (big, TOA_MEDIA_MAX_SIZE + 1);

  g_assert_cmpint (toa_store_add_media (n->store, 0, html, &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (toa_store_add_media (n->store, 0, empty, &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (toa_store_add_media (n->store, 0, huge, &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "20 MB"));
  g_clear_error (&error);
  g_assert_cmpint (toa_store_add_media (n->store, 999, png, &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (toa_store_get_media (n->store, 42, NULL, &error));
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  read_only = toa_store_open_full (n->path, TOA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (toa_store_add_media (read_only, 0, png, &error), ==, 0);
  g_assert_error (error, TOA_STORE_ERROR, TOA_STORE_ERROR_READ_ONLY);

  g_assert_cmpint (newsroom_sql_int (n->path, "SELECT count(*) FROM media"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  toa_core_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/media/sniff", test_sniff);
  g_test_add ("/media/add-and-get", Newsroom, NULL, newsroom_setup, test_add_and_get, newsroom_teardown);
  g_test_add ("/media/refused", Newsroom, NULL, newsroom_setup, test_refused, newsroom_teardown);
  return g_test_run ();
}
