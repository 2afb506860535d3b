/* test-body-editor.c — the body editor driven through its actions, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "toa-gui-test-utils.h"
#include "toa-body-buffer.h"
#include "toa-body-editor.h"
#include "toa-body-view.h"
#include "toa-core.h"
#include "toa-link-dialog.h"
#include "toa-test-utils.h"

typedef struct
{
  GtkWindow     *window;
  ToaBodyEditor *editor;
  GtkTextBuffer *buffer;
  GPtrArray     *resolved;
  GPtrArray     *messages;
  GString       *pasted_html;
  guint          changes;
  guint          imports;
} Fixture;

static GdkPaintable *
resolve_media (ToaBodyEditor *editor,
               const char    *src,
               gpointer       data)
{
  Fixture *fixture = data;
  const int width = 800;
  const int height = 450;
  g_autoptr(GByteArray) pixels = g_byte_array_sized_new (width * height * 3);
  g_autoptr(GBytes) bytes = NULL;

  g_ptr_array_add (fixture->resolved, g_strdup (src));
  /* A sky-and-field picture, so that the screenshot shows a photo. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 rgb[3];

        rgb[0] = y < height / 2 ? 90 + y / 4 : 60;
        rgb[1] = y < height / 2 ? 150 + y / 6 : 140 + (x % 40);
        rgb[2] = y < height / 2 ? 230 : 70;
        g_byte_array_append (pixels, rgb, 3);
      }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pixels));
  return GDK_PAINTABLE (gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, bytes, width * 3));
}

static char *
import_html (const char  *html,
             gsize        len,
             char       **message,
             gpointer     data,
             GError     **error)
{
  Fixture *fixture = data;

  fixture->imports++;
  g_string_append_len (fixture->pasted_html, html, len);
  *message = g_strdup ("Đã chuyển 12 ký tự TCVN3 sang Unicode");
  if (strstr (fixture->pasted_html->str, "hỏng") != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Không đọc được định dạng Word");
      return NULL;
    }
  if (strstr (fixture->pasted_html->str, "<b>một đoạn</b>") != NULL)
    return g_strdup ("<p>chen <em>giữa</em> </p>");
  return g_strdup ("<p>Đoạn <strong>dán</strong> từ Word</p><ul><li>Ý một</li><li>Ý hai</li></ul>");
}

static void
on_changed (Fixture *fixture)
{
  fixture->changes++;
}

static void
on_notify_user (ToaBodyEditor *editor,
                const char    *message,
                Fixture       *fixture)
{
  g_ptr_array_add (fixture->messages, g_strdup (message));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->editor = toa_body_editor_new ();
  fixture->buffer = toa_body_editor_get_buffer (fixture->editor);
  fixture->resolved = g_ptr_array_new_with_free_func (g_free);
  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  fixture->pasted_html = g_string_new (NULL);
  toa_body_editor_set_media_resolver (fixture->editor, resolve_media, fixture, NULL);
  g_signal_connect_swapped (fixture->editor, "changed", G_CALLBACK (on_changed), fixture);
  g_signal_connect (fixture->editor, "notify-user", G_CALLBACK (on_notify_user), fixture);

  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  toa_gui_test_iterate_until (toa_gui_test_widget_is_mapped, fixture->editor);
  gtk_widget_grab_focus (GTK_WIDGET (toa_body_editor_get_view (fixture->editor)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_ptr_array_unref (fixture->resolved);
  g_ptr_array_unref (fixture->messages);
  g_string_free (fixture->pasted_html, TRUE);
}

/* Helpers that act like the user */

static void
type_text (Fixture    *fixture,
           const char *text)
{
  gtk_text_buffer_begin_user_action (fixture->buffer);
  gtk_text_buffer_insert_interactive_at_cursor (fixture->buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (fixture->buffer);
}

static void
select_text (Fixture    *fixture,
             const char *needle)
{
  GtkTextIter start;
  GtkTextIter match_start;
  GtkTextIter match_end;

  gtk_text_buffer_get_start_iter (fixture->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (fixture->buffer, &match_start, &match_end);
}

static void
place_cursor_after (Fixture    *fixture,
                    const char *needle)
{
  select_text (fixture, needle);
  {
    GtkTextIter end;

    gtk_text_buffer_get_selection_bounds (fixture->buffer, NULL, &end);
    gtk_text_buffer_place_cursor (fixture->buffer, &end);
  }
}

static void
place_cursor_at_end (Fixture *fixture)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (fixture->buffer, &end);
  gtk_text_buffer_place_cursor (fixture->buffer, &end);
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *target)
{
  GVariant *parameter = target != NULL ? g_variant_new_string (target) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->editor), action, parameter));
}

static void
assert_body (Fixture    *fixture,
             const char *expected)
{
  g_autofree char *body = toa_body_editor_get_body (fixture->editor);

  g_assert_cmpstr (body, ==, expected);
}

static char *
read_fixture (const char *name)
{
  g_autofree char *dir = toa_test_source_path ("tests/fixtures/bodies");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_strchomp (text);
  return text;
}

/* Round trips */

static void
test_fixtures_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const elements[] = {
    "<p>", "<h2>", "<h3>", "<h4>", "<strong>", "<em>", "<u>", "<s>", "<sub>", "<sup>", "<br/>",
    "<a href=", "<ul>", "<ol>", "<ol start=", "<li>", "<blockquote>", "<figure>", "<img src=",
    "<figcaption>", "<table>", "<thead>", "<tbody>", "<tr>", "<th>", "<td>", "colspan=", "rowspan=",
    "&amp;", "&lt;", "&gt;", "&quot;", "<li>Kiểm tra an toàn hóa chất<ol>",
  };
  g_autofree char *dir = toa_test_source_path ("tests/fixtures/bodies");
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *body = NULL;
      g_autofree char *saved = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".xhtml"))
        continue;
      g_test_message ("fixture %s", name);
      body = read_fixture (name);
      g_assert_true (toa_body_editor_set_body (fixture->editor, body, &error));
      g_assert_no_error (error);
      saved = toa_body_editor_get_body (fixture->editor);
      g_assert_cmpstr (saved, ==, body);
      g_string_append (all, body);
      count++;
    }
  g_assert_cmpuint (count, >=, 6);
  /* The fixtures together cover the whole canonical vocabulary. */
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    if (strstr (all->str, elements[i]) == NULL)
      g_error ("no fixture holds %s", elements[i]);
  /* Pictures were looked up through the resolver. */
  g_assert_true (g_ptr_array_find_with_equal_func (fixture->resolved, "media:42", g_str_equal, NULL));
}

static void
test_empty_body (Fixture       *fixture,
                 gconstpointer  data)
{
  g_assert_true (toa_body_editor_set_body (fixture->editor, "", NULL));
  assert_body (fixture, "");
  g_assert_cmpuint (toa_body_editor_get_word_count (fixture->editor), ==, 0);
  g_assert_cmpuint (toa_body_editor_get_reading_time (fixture->editor), ==, 0);
}

/* Shapes outside the canonical form load without losing text and save
 * in canonical form. */
static void
test_loose_text_becomes_paragraphs (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_assert_true (toa_body_editor_set_body (fixture->editor,
                                           "chữ <em>trần</em><p>Đoạn</p><blockquote>Trích <strong>dẫn</strong></blockquote>"
                                           "<ul><li><p>Một</p><p>Hai</p></li></ul>",
                                           NULL));
  assert_body (fixture, "<p>chữ <em>trần</em></p><p>Đoạn</p><blockquote><p>Trích <strong>dẫn</strong></p></blockquote>"
                        "<ul><li>Một<br/>Hai</li></ul>");
}

static void
test_bad_input_keeps_text (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct { const char *body; int code; } cases[] = {
    { "<p>chưa đóng", TOA_BODY_EDITOR_ERROR_MALFORMED },
    { "<p>a</p><div>khối lạ</div>", TOA_BODY_EDITOR_ERROR_UNSUPPORTED },
    { "<p>a <span>b</span></p>", TOA_BODY_EDITOR_ERROR_UNSUPPORTED },
    { "<figure><img src=\"file:///etc/passwd\" alt=\"\"/></figure>", TOA_BODY_EDITOR_ERROR_INVALID_MEDIA },
    { "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&e;</p>", TOA_BODY_EDITOR_ERROR_MALFORMED },
    { "<p>\xff\xfe</p>", TOA_BODY_EDITOR_ERROR_MALFORMED },
  };
  const char *good = "<p>Nội dung <strong>quý giá</strong></p>";

  g_assert_true (toa_body_editor_set_body (fixture->editor, good, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (toa_body_editor_set_body (fixture->editor, cases[i].body, &error));
      g_assert_error (error, TOA_BODY_EDITOR_ERROR, cases[i].code);
      assert_body (fixture, good);
    }
}

/* Typing and formatting */

static void
test_type_and_format (Fixture       *fixture,
                      gconstpointer  data)
{
  type_text (fixture, "Hội nghị tổng kết năm\nĐoạn văn có chữ đậm.\nMục một\nMục hai\nTrích dẫn lời ông Giám đốc");

  select_text (fixture, "Hội nghị");
  activate (fixture, "editor.block-format", "heading2");
  select_text (fixture, "chữ đậm");
  activate (fixture, "editor.bold", NULL);
  select_text (fixture, "một\nMục");
  activate (fixture, "editor.bulleted-list", NULL);
  select_text (fixture, "Trích");
  activate (fixture, "editor.quote", NULL);
  select_text (fixture, "Giám đốc");
  activate (fixture, "editor.italic", NULL);

  assert_body (fixture,
               "<h2>Hội nghị tổng kết năm</h2><p>Đoạn văn có <strong>chữ đậm</strong>.</p>"
               "<ul><li>Mục một</li><li>Mục hai</li></ul>"
               "<blockquote><p>Trích dẫn lời ông <em>Giám đốc</em></p></blockquote>");

  /* Enter at the end of a list item continues the list; after a heading
   * it starts a paragraph. */
  place_cursor_after (fixture, "Mục hai");
  type_text (fixture, "\nMục ba");
  place_cursor_after (fixture, "tổng kết năm");
  type_text (fixture, "\nSapo");
  assert_body (fixture,
               "<h2>Hội nghị tổng kết năm</h2><p>Sapo</p><p>Đoạn văn có <strong>chữ đậm</strong>.</p>"
               "<ul><li>Mục một</li><li>Mục hai</li><li>Mục ba</li></ul>"
               "<blockquote><p>Trích dẫn lời ông <em>Giám đốc</em></p></blockquote>");

  /* Toggling with nothing selected changes what typing produces. */
  place_cursor_after (fixture, "Sapo");
  activate (fixture, "editor.bold", NULL);
  type_text (fixture, " đậm");
  activate (fixture, "editor.bold", NULL);
  activate (fixture, "editor.strikethrough", NULL);
  type_text (fixture, " gạch");
  select_text (fixture, "Sapo");
  activate (fixture, "editor.underline", NULL);
  select_text (fixture, "Đoạn văn có");
  activate (fixture, "editor.block-format", "heading3");
  assert_body (fixture,
               "<h2>Hội nghị tổng kết năm</h2><p><u>Sapo</u><strong> đậm</strong><s> gạch</s></p>"
               "<h3>Đoạn văn có <strong>chữ đậm</strong>.</h3>"
               "<ul><li>Mục một</li><li>Mục hai</li><li>Mục ba</li></ul>"
               "<blockquote><p>Trích dẫn lời ông <em>Giám đốc</em></p></blockquote>");
  g_assert_cmpuint (fixture->changes, >, 0);
}

static void
test_lists_nest (Fixture       *fixture,
                 gconstpointer  data)
{
  type_text (fixture, "Một\nHai\nBa\nBốn");
  select_text (fixture, "Một\nHai\nBa\nBốn");
  activate (fixture, "editor.numbered-list", NULL);
  select_text (fixture, "Hai\nBa");
  activate (fixture, "editor.indent", NULL);
  select_text (fixture, "Ba");
  activate (fixture, "editor.bulleted-list", NULL);
  activate (fixture, "editor.indent", NULL);
  assert_body (fixture, "<ol><li>Một<ol><li>Hai<ul><li>Ba</li></ul></li></ol></li><li>Bốn</li></ol>");

  /* Enter on an empty item steps out of the list, a level at a time. */
  place_cursor_after (fixture, "Bốn");
  type_text (fixture, "\n");
  type_text (fixture, "\n");
  type_text (fixture, "Đoạn kết");
  assert_body (fixture, "<ol><li>Một<ol><li>Hai<ul><li>Ba</li></ul></li></ol></li><li>Bốn</li></ol><p>Đoạn kết</p>");
  place_cursor_after (fixture, "Ba");
  type_text (fixture, "\n");
  type_text (fixture, "\n");
  type_text (fixture, "Ba phẩy");
  assert_body (fixture, "<ol><li>Một<ol><li>Hai<ul><li>Ba</li></ul></li><li>Ba phẩy</li></ol></li><li>Bốn</li></ol><p>Đoạn kết</p>");
  select_text (fixture, "Ba phẩy\n");
  gtk_text_buffer_delete_selection (fixture->buffer, TRUE, TRUE);
  select_text (fixture, "Ba");

  /* Outdenting all the way leaves the list. */
  activate (fixture, "editor.outdent", NULL);
  activate (fixture, "editor.outdent", NULL);
  activate (fixture, "editor.outdent", NULL);
  assert_body (fixture, "<ol><li>Một<ol><li>Hai</li></ol></li></ol><p>Ba</p><ol><li>Bốn</li></ol><p>Đoạn kết</p>");

  /* Toggling the list off turns items back into paragraphs. */
  select_text (fixture, "Một");
  activate (fixture, "editor.numbered-list", NULL);
  assert_body (fixture, "<p>Một</p><ol><li><ol><li>Hai</li></ol></li></ol><p>Ba</p><ol><li>Bốn</li></ol><p>Đoạn kết</p>");
}

static void
test_line_break (Fixture       *fixture,
                 gconstpointer  data)
{
  type_text (fixture, "Số 12 Lê Lợi");
  activate (fixture, "editor.line-break", NULL);
  type_text (fixture, "Đà Nẵng & <Huế>");
  assert_body (fixture, "<p>Số 12 Lê Lợi<br/>Đà Nẵng &amp; &lt;Huế&gt;</p>");
}

/* Figures */

static void
test_insert_figure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  type_text (fixture, "Quang cảnh hội nghị");
  g_assert_true (toa_body_editor_insert_figure (fixture->editor, "media:42", NULL,
                                                "Toàn cảnh hội nghị", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->resolved->len, ==, 1);
  g_assert_cmpstr (fixture->resolved->pdata[0], ==, "media:42");
  assert_body (fixture,
               "<p>Quang cảnh hội nghị</p><figure><img src=\"media:42\" alt=\"Toàn cảnh hội nghị\"/>"
               "<figcaption>Toàn cảnh hội nghị</figcaption></figure>");

  /* The cursor waits at the end of the caption, which stays editable. */
  type_text (fixture, ". Ảnh: Đỗ Nguyên");
  place_cursor_at_end (fixture);
  type_text (fixture, "Đoạn sau ảnh.");
  assert_body (fixture,
               "<p>Quang cảnh hội nghị</p><figure><img src=\"media:42\" alt=\"Toàn cảnh hội nghị\"/>"
               "<figcaption>Toàn cảnh hội nghị. Ảnh: Đỗ Nguyên</figcaption></figure><p>Đoạn sau ảnh.</p>");

  g_assert_false (toa_body_editor_insert_figure (fixture->editor, "https://example.com/a.png", NULL, NULL, &error));
  g_assert_error (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_INVALID_MEDIA);
  g_clear_error (&error);
  g_assert_false (toa_body_editor_insert_figure (fixture->editor, "media:1\" onerror=\"x", NULL, NULL, &error));
  g_assert_error (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_INVALID_MEDIA);
}

static char *
import_media (ToaBodyEditor *editor,
              GFile         *file,
              gpointer       data,
              GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (!g_str_has_suffix (name, ".jpg"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” is not a photo", name);
      return NULL;
    }
  return g_strdup ("media:77");
}

static void
drop_files (Fixture *fixture,
            GFile   *file)
{
  GtkWidget *view = GTK_WIDGET (toa_body_editor_get_view (fixture->editor));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  GtkDropTarget *target = NULL;
  GSList *files = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), NULL)[0] == GDK_TYPE_FILE_LIST)
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_value_unset (&value);
  g_slist_free (files);
}

static void
test_insert_image_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) photo = g_file_new_for_path ("/tmp/hoi-nghi.jpg");
  g_autoptr(GFile) text = g_file_new_for_path ("/tmp/ghi-chu.txt");

  /* Without a media store the user is told, and nothing changes. */
  type_text (fixture, "Đoạn đầu");
  g_assert_false (toa_body_editor_insert_image_file (fixture->editor, photo));
  g_assert_cmpuint (fixture->messages->len, ==, 1);
  assert_body (fixture, "<p>Đoạn đầu</p>");

  toa_body_editor_set_media_import_func (fixture->editor, import_media, NULL, NULL);
  g_assert_false (toa_body_editor_insert_image_file (fixture->editor, text));
  g_assert_cmpuint (fixture->messages->len, ==, 2);
  g_assert_cmpstr (fixture->messages->pdata[1], ==, "“ghi-chu.txt” is not a photo");
  assert_body (fixture, "<p>Đoạn đầu</p>");

  g_assert_true (toa_body_editor_insert_image_file (fixture->editor, photo));
  type_text (fixture, "Ảnh hội nghị");
  assert_body (fixture, "<p>Đoạn đầu</p><figure><img src=\"media:77\" alt=\"\"/><figcaption>Ảnh hội nghị</figcaption></figure>");

  /* Dropping a file on the text does the same. */
  drop_files (fixture, photo);
  assert_body (fixture, "<p>Đoạn đầu</p><figure><img src=\"media:77\" alt=\"\"/><figcaption>Ảnh hội nghị</figcaption></figure>"
                        "<figure><img src=\"media:77\" alt=\"\"/></figure>");
}

static void
test_backspace_over_picture_undoes (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *body = "<p>Trước</p><figure><img src=\"media:5\" alt=\"Ảnh\"/><figcaption>Chú <strong>thích</strong></figcaption></figure>";
  GtkTextIter iter;

  g_assert_true (toa_body_editor_set_body (fixture->editor, body, NULL));
  place_cursor_after (fixture, "thích");
  /* Backspace, one character at a time, over the caption and the picture. */
  for (glong i = 0; i < g_utf8_strlen ("Chú thích", -1) + 2; i++)
    {
      gtk_text_buffer_get_iter_at_mark (fixture->buffer, &iter, gtk_text_buffer_get_insert (fixture->buffer));
      g_assert_true (gtk_text_buffer_backspace (fixture->buffer, &iter, TRUE, TRUE));
    }
  assert_body (fixture, "<p>Trước</p>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, body);
}

static void
test_text_beside_picture_is_kept (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkTextIter start;

  g_assert_true (toa_body_editor_set_body (fixture->editor,
                                           "<figure><img src=\"media:3\" alt=\"\"/></figure><p>Sau</p>", NULL));
  gtk_text_buffer_get_start_iter (fixture->buffer, &start);
  gtk_text_buffer_place_cursor (fixture->buffer, &start);
  type_text (fixture, "Trước");
  assert_body (fixture, "<p>Trước</p><figure><img src=\"media:3\" alt=\"\"/></figure><p>Sau</p>");
}

/* Clipboard */

static gboolean
imported (gpointer data)
{
  Fixture *fixture = data;

  return fixture->imports > 0;
}

static void
paste (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (toa_body_editor_get_view (fixture->editor)),
                                             "clipboard.paste", NULL));
}

static void
set_clipboard_html (Fixture    *fixture,
                    const char *html,
                    const char *text)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->editor));
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  GdkContentProvider *providers[2] = {
    gdk_content_provider_new_for_bytes ("text/html", bytes),
    gdk_content_provider_new_typed (G_TYPE_STRING, text),
  };
  g_autoptr(GdkContentProvider) provider = gdk_content_provider_new_union (providers, 2);

  g_assert_true (gdk_clipboard_set_content (clipboard, provider));
}

static void
test_paste_html_goes_through_import (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *html = "<html><body><p class=MsoNormal><b>Đoạn dán</b> từ Word<o:p></o:p></p></body></html>";

  toa_body_editor_set_import_func (fixture->editor, import_html, fixture, NULL);
  g_assert_true (toa_body_editor_set_body (fixture->editor, "<p>Đầu bài</p>", NULL));
  place_cursor_at_end (fixture);
  set_clipboard_html (fixture, html, "Đoạn dán từ Word");
  paste (fixture);
  toa_gui_test_iterate_until (imported, fixture);

  g_assert_cmpstr (fixture->pasted_html->str, ==, html);
  assert_body (fixture, "<p>Đầu bài</p><p>Đoạn <strong>dán</strong> từ Word</p><ul><li>Ý một</li><li>Ý hai</li></ul>");
  g_assert_cmpuint (fixture->messages->len, ==, 1);
  g_assert_cmpstr (fixture->messages->pdata[0], ==, "Đã chuyển 12 ký tự TCVN3 sang Unicode");

  /* One paragraph goes into the line at the cursor. */
  fixture->imports = 0;
  g_string_truncate (fixture->pasted_html, 0);
  g_assert_true (toa_body_editor_set_body (fixture->editor, "<p>Đầu cuối</p>", NULL));
  place_cursor_after (fixture, "Đầu ");
  set_clipboard_html (fixture, "<b>một đoạn</b>", "một đoạn");
  paste (fixture);
  toa_gui_test_iterate_until (imported, fixture);
  assert_body (fixture, "<p>Đầu chen <em>giữa</em> cuối</p>");

  /* The whole paste is one undo step. */
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Đầu cuối</p>");

  /* A failed import changes nothing and says why. */
  fixture->imports = 0;
  g_string_truncate (fixture->pasted_html, 0);
  set_clipboard_html (fixture, "<p>tệp hỏng</p>", "tệp hỏng");
  paste (fixture);
  toa_gui_test_iterate_until (imported, fixture);
  assert_body (fixture, "<p>Đầu cuối</p>");
  g_assert_cmpstr (fixture->messages->pdata[fixture->messages->len - 1], ==, "Không đọc được định dạng Word");
}

static gboolean
body_contains_viet (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *body = toa_body_editor_get_body (fixture->editor);

  return strstr (body, "Việt") != NULL;
}

static void
test_paste_plain_text_is_nfc (Fixture       *fixture,
                              gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->editor));
  /* "Việt Nam" with the vowel and its two marks decomposed (NFD) */
  const char *decomposed = "Vie\xcc\x82\xcc\xa3t Nam\r\nDo\xcc\x80ng hai";

  toa_body_editor_set_import_func (fixture->editor, import_html, fixture, NULL);
  gdk_clipboard_set_text (clipboard, decomposed);
  paste (fixture);
  toa_gui_test_iterate_until (body_contains_viet, fixture);
  assert_body (fixture, "<p>Việt Nam</p><p>Dòng hai</p>");
  g_assert_cmpuint (fixture->imports, ==, 0);
}

typedef struct
{
  char     *text;
  GBytes   *html;
  gboolean  done;
} ClipboardRead;

static void
on_read_text (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static void
on_html_spliced (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  ClipboardRead *read = data;

  g_assert_cmpint (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, NULL), >=, 0);
  read->html = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  read->done = TRUE;
}

static void
on_read_html (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  g_assert_nonnull (stream);
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, G_PRIORITY_DEFAULT,
                                NULL, on_html_spliced, data);
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static void
test_copy_gives_html_and_text (Fixture       *fixture,
                               gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->editor));
  static const char *html_types[] = { "text/html", NULL };
  ClipboardRead read = { NULL, NULL, FALSE };
  GdkContentFormats *formats;

  g_assert_true (toa_body_editor_set_body (fixture->editor,
                                           "<h2>Tiêu đề</h2><p>Có <strong>chữ đậm</strong> &amp; thường</p>"
                                           "<ul><li>Một</li><li>Hai</li></ul>", NULL));
  select_text (fixture, "đề\nCó chữ đậm & thường\nMột");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (toa_body_editor_get_view (fixture->editor)),
                                             "clipboard.copy", NULL));
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));

  gdk_clipboard_read_text_async (clipboard, NULL, on_read_text, &read);
  toa_gui_test_iterate_until (read_done, &read);
  g_assert_cmpstr (read.text, ==, "đề\nCó chữ đậm & thường\nMột");

  read.done = FALSE;
  gdk_clipboard_read_async (clipboard, html_types, G_PRIORITY_DEFAULT, NULL, on_read_html, &read);
  toa_gui_test_iterate_until (read_done, &read);
  g_assert_cmpstr (g_bytes_get_data (read.html, NULL), ==,
                   "<h2>đề</h2><p>Có <strong>chữ đậm</strong> &amp; thường</p><ul><li>Một</li></ul>");
  g_free (read.text);
  g_bytes_unref (read.html);
}

static gboolean
pasted_table (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *body = toa_body_editor_get_body (fixture->editor);

  return strstr (body, "Bảng dán") != NULL;
}

static char *
import_table (const char  *html,
              gsize        len,
              char       **message,
              gpointer     data,
              GError     **error)
{
  return g_strdup ("<p>Bảng dán</p><table><tbody><tr><td>Ô</td></tr></tbody></table>");
}

/* Tables are read-only: nothing typed or pasted may end up inside one,
 * where saving would drop it. */
static void
test_table_is_read_only (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *table = "<table><tbody><tr><td>Quý I</td><td>12%</td></tr><tr><td>Quý II</td><td>15%</td></tr></tbody></table>";
  g_autofree char *body = g_strconcat ("<p>Trước</p>", table, "<p>Sau</p>", NULL);
  g_autofree char *saved = NULL;

  g_assert_true (toa_body_editor_set_body (fixture->editor, body, NULL));
  place_cursor_after (fixture, "Quý");
  type_text (fixture, "XYZ");
  place_cursor_after (fixture, "15%");
  type_text (fixture, " cuối");
  place_cursor_after (fixture, "Trước");
  type_text (fixture, " đầu");
  saved = toa_body_editor_get_body (fixture->editor);
  g_assert_null (strstr (saved, "XYZ"));
  g_assert_true (g_str_has_prefix (saved, "<p>Trước đầu</p><table>"));
  g_assert_nonnull (strstr (saved, table));
  /* Typed at the end of the last row: a paragraph after the table. */
  g_assert_nonnull (strstr (saved, "</table><p> cuối</p><p>Sau</p>"));

  /* A fragment pasted while the cursor is in the table goes after it. */
  toa_body_editor_set_import_func (fixture->editor, import_table, fixture, NULL);
  place_cursor_after (fixture, "Quý I");
  set_clipboard_html (fixture, "<table>…</table>", "Bảng dán");
  paste (fixture);
  toa_gui_test_iterate_until (pasted_table, fixture);
  g_clear_pointer (&saved, g_free);
  saved = toa_body_editor_get_body (fixture->editor);
  g_assert_true (g_str_has_prefix (saved, "<p>Trước đầu</p><table>"));
  g_assert_nonnull (strstr (saved, "</table><p> cuối</p><p>Bảng dán</p><table><tbody><tr><td>Ô</td></tr></tbody></table><p>Sau</p>"));
}

/* Undo, state, counts, links */

static void
count_picture_tag (GtkTextTag *tag,
                   gpointer    data)
{
  if (g_object_get_data (G_OBJECT (tag), "toa-picture") != NULL)
    (*(guint *) data)++;
}

static guint
count_picture_tags (Fixture *fixture)
{
  guint count = 0;

  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (fixture->buffer), count_picture_tag, &count);
  return count;
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  type_text (fixture, "Câu thứ nhất.");
  activate (fixture, "editor.line-break", NULL);
  type_text (fixture, "Câu thứ hai.");
  assert_body (fixture, "<p>Câu thứ nhất.<br/>Câu thứ hai.</p>");

  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Câu thứ nhất.<br/></p>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Câu thứ nhất.</p>");
  activate (fixture, "editor.redo", NULL);
  activate (fixture, "editor.redo", NULL);
  assert_body (fixture, "<p>Câu thứ nhất.<br/>Câu thứ hai.</p>");

  /* Loading a body is not undoable, and drops the old body's pictures. */
  g_assert_true (toa_body_editor_set_body (fixture->editor, "<figure><img src=\"media:1\" alt=\"\"/></figure>", NULL));
  g_assert_cmpuint (count_picture_tags (fixture), ==, 1);
  g_assert_true (toa_body_editor_set_body (fixture->editor, "<p>Bài khác</p>", NULL));
  g_assert_false (gtk_text_buffer_get_can_undo (fixture->buffer));
  g_assert_cmpuint (count_picture_tags (fixture), ==, 0);
}

/* Formatting is a step of its own: undo takes back a bold, a heading, a
 * list or a link in its place among the text changes; redo gives it back. */
static void
test_undo_formatting (Fixture       *fixture,
                      gconstpointer  data)
{
  type_text (fixture, "Hội nghị tổng kết\nĐoạn có chữ đậm");
  select_text (fixture, "chữ đậm");
  activate (fixture, "editor.bold", NULL);
  /* Bold off with nothing selected: what typing produces, no step. */
  place_cursor_at_end (fixture);
  activate (fixture, "editor.bold", NULL);
  type_text (fixture, " và thêm");
  select_text (fixture, "Hội nghị");
  activate (fixture, "editor.block-format", "heading2");
  select_text (fixture, "Đoạn có");
  activate (fixture, "editor.bulleted-list", NULL);
  assert_body (fixture, "<h2>Hội nghị tổng kết</h2><ul><li>Đoạn có <strong>chữ đậm</strong> và thêm</li></ul>");

  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<h2>Hội nghị tổng kết</h2><p>Đoạn có <strong>chữ đậm</strong> và thêm</p>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Hội nghị tổng kết</p><p>Đoạn có <strong>chữ đậm</strong> và thêm</p>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Hội nghị tổng kết</p><p>Đoạn có <strong>chữ đậm</strong></p>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Hội nghị tổng kết</p><p>Đoạn có chữ đậm</p>");

  activate (fixture, "editor.redo", NULL);
  assert_body (fixture, "<p>Hội nghị tổng kết</p><p>Đoạn có <strong>chữ đậm</strong></p>");
  activate (fixture, "editor.redo", NULL);
  activate (fixture, "editor.redo", NULL);
  activate (fixture, "editor.redo", NULL);
  assert_body (fixture, "<h2>Hội nghị tổng kết</h2><ul><li>Đoạn có <strong>chữ đậm</strong> và thêm</li></ul>");
  g_assert_false (gtk_text_buffer_get_can_redo (fixture->buffer));

  /* The first change after everything was redone is a step of its own. */
  select_text (fixture, "tổng kết");
  activate (fixture, "editor.bold", NULL);
  assert_body (fixture, "<h2>Hội nghị <strong>tổng kết</strong></h2>"
                        "<ul><li>Đoạn có <strong>chữ đậm</strong> và thêm</li></ul>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<h2>Hội nghị tổng kết</h2><ul><li>Đoạn có <strong>chữ đậm</strong> và thêm</li></ul>");
  /* New typing drops what was left to redo, formatting included. */
  place_cursor_at_end (fixture);
  type_text (fixture, ".");
  g_assert_false (gtk_text_buffer_get_can_redo (fixture->buffer));
  activate (fixture, "editor.redo", NULL);
  {
    g_autofree char *body = toa_body_editor_get_body (fixture->editor);

    g_assert_null (strstr (body, "<strong>tổng kết</strong>"));
  }
}

/* Formatting across a picture and its caption: undo gives back the body
 * exactly, the picture included. */
static void
test_undo_formatting_around_figure (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *body = "<p>Trước ảnh</p><figure><img src=\"media:5\" alt=\"Ảnh\"/><figcaption>Chú thích</figcaption></figure>"
                     "<p>Sau ảnh</p>";
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *bold = NULL;

  g_assert_true (toa_body_editor_set_body (fixture->editor, body, NULL));
  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  gtk_text_buffer_select_range (fixture->buffer, &start, &end);
  activate (fixture, "editor.bold", NULL);
  bold = toa_body_editor_get_body (fixture->editor);
  g_assert_nonnull (strstr (bold, "<strong>Trước ảnh</strong>"));
  g_assert_nonnull (strstr (bold, "<img src=\"media:5\""));
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, body);
  g_assert_cmpuint (count_picture_tags (fixture), ==, 1);
  activate (fixture, "editor.redo", NULL);
  assert_body (fixture, bold);
}

/* After everything was redone, the next change is a step of its own
 * (GTK 4.8's history would join it to the group it redid). */
static void
test_change_after_redo (Fixture       *fixture,
                        gconstpointer  data)
{
  type_text (fixture, "Hội nghị");
  type_text (fixture, " tổng kết");
  select_text (fixture, "tổng kết");
  activate (fixture, "editor.bold", NULL);
  activate (fixture, "editor.undo", NULL);
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Hội nghị</p>");
  activate (fixture, "editor.redo", NULL);
  activate (fixture, "editor.redo", NULL);
  assert_body (fixture, "<p>Hội nghị <strong>tổng kết</strong></p>");
  g_assert_false (gtk_text_buffer_get_can_redo (fixture->buffer));

  place_cursor_at_end (fixture);
  activate (fixture, "editor.bold", NULL);
  type_text (fixture, " năm");
  assert_body (fixture, "<p>Hội nghị <strong>tổng kết</strong> năm</p>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Hội nghị <strong>tổng kết</strong></p>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Hội nghị tổng kết</p>");
}

/* A link is a step too, and redo gives it back. */
static void
test_undo_link (Fixture       *fixture,
                gconstpointer  data)
{
  type_text (fixture, "Hội nghị tổng kết công tác");
  select_text (fixture, "tổng kết");
  activate (fixture, "editor.set-link", "https://congthuong.khanhhoa.gov.vn/");
  assert_body (fixture, "<p>Hội nghị <a href=\"https://congthuong.khanhhoa.gov.vn/\">tổng kết</a> công tác</p>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Hội nghị tổng kết công tác</p>");
  activate (fixture, "editor.redo", NULL);
  assert_body (fixture, "<p>Hội nghị <a href=\"https://congthuong.khanhhoa.gov.vn/\">tổng kết</a> công tác</p>");
  activate (fixture, "editor.undo", NULL);
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "");
}

static void
test_undo_deleted_figure (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *body = "<p>Trước</p><figure><img src=\"media:5\" alt=\"Ảnh\"/><figcaption>Chú thích</figcaption></figure><p>Sau</p>";
  GtkTextIter start;
  GtkTextIter end;

  g_assert_true (toa_body_editor_set_body (fixture->editor, body, NULL));
  gtk_text_buffer_get_iter_at_line (fixture->buffer, &start, 1);
  gtk_text_buffer_get_iter_at_line (fixture->buffer, &end, 3);
  gtk_text_buffer_select_range (fixture->buffer, &start, &end);
  gtk_text_buffer_delete_selection (fixture->buffer, TRUE, TRUE);
  assert_body (fixture, "<p>Trước</p><p>Sau</p>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, body);
}

static void
test_undo_inserted_figure (Fixture       *fixture,
                           gconstpointer  data)
{
  type_text (fixture, "Một hai ba");
  g_assert_true (toa_body_editor_insert_figure (fixture->editor, "media:9", NULL, "Chú thích", NULL));
  type_text (fixture, " thêm");
  assert_body (fixture, "<p>Một hai ba</p><figure><img src=\"media:9\" alt=\"Chú thích\"/><figcaption>Chú thích thêm</figcaption></figure>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Một hai ba</p><figure><img src=\"media:9\" alt=\"Chú thích\"/><figcaption>Chú thích</figcaption></figure>");
  activate (fixture, "editor.undo", NULL);
  assert_body (fixture, "<p>Một hai ba</p>");
  activate (fixture, "editor.redo", NULL);
  assert_body (fixture, "<p>Một hai ba</p><figure><img src=\"media:9\" alt=\"Chú thích\"/><figcaption>Chú thích</figcaption></figure>");
}

static GtkWidget *
find_toolbar_button (GtkWidget  *widget,
                     const char *action,
                     const char *target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        {
          GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target == NULL || (value != NULL && g_str_equal (g_variant_get_string (value, NULL), target)))
            return child;
        }
      found = find_toolbar_button (child, action, target);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
button_active (Fixture    *fixture,
               const char *action,
               const char *target)
{
  GtkWidget *button = find_toolbar_button (GTK_WIDGET (fixture->editor), action, target);

  g_assert_nonnull (button);
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

/* The toolbar's buttons: every actionable child of the bold button's parent */
static GPtrArray *
toolbar_buttons (GtkWidget *editor)
{
  GtkWidget *bold = find_toolbar_button (editor, "editor.bold", NULL);
  GPtrArray *buttons = g_ptr_array_new ();

  g_assert_nonnull (bold);
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (bold)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      g_ptr_array_add (buttons, child);
  return buttons;
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} EditorWidthWait;

static gboolean
has_width (gpointer data)
{
  EditorWidthWait *wait = data;

  return gtk_widget_get_mapped (wait->widget) && gtk_widget_get_width (wait->widget) == wait->width;
}

/* Lays a new body editor out @width px wide; returns how many rows its
 * toolbar takes, after checking that every button is on screen. */
static guint
toolbar_rows_at (int width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *editor = GTK_WIDGET (toa_body_editor_new ());
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  EditorWidthWait wait = { editor, width };
  GtkWidget *toolbar;
  int button_height = 0;

  gtk_window_set_default_size (window, width, 600);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  toa_gui_test_iterate_until (has_width, &wait);
  gtk_test_widget_wait_for_draw (editor);

  buttons = toolbar_buttons (editor);
  /* ¶ H2 H3; B I U S; two lists, two indents, quote; link, image; undo, redo */
  g_assert_cmpuint (buttons->len, ==, 16);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      graphene_rect_t bounds;
      double top;
      guint row;

      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_true (gtk_widget_get_child_visible (button));
      g_assert_true (gtk_widget_compute_bounds (button, editor, &bounds));
      g_assert_cmpfloat (bounds.size.width, >=, 16);
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (editor));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (editor));
      button_height = MAX (button_height, (int) bounds.size.height);
      top = bounds.origin.y;
      for (row = 0; row < tops->len; row++)
        if (g_array_index (tops, double, row) == top)
          break;
      if (row == tops->len)
        g_array_append_val (tops, top);
    }

  /* The toolbar grows with its rows rather than clipping them. */
  toolbar = gtk_widget_get_parent (g_ptr_array_index (buttons, 0));
  g_assert_cmpint (gtk_widget_get_height (toolbar), >=, (int) tops->len * button_height);
  if (tops->len > 1)
    g_assert_cmpint (gtk_widget_get_height (toolbar), >, 2 * button_height - 1);
  else
    g_assert_cmpint (gtk_widget_get_height (toolbar), <, 2 * button_height);

  gtk_window_destroy (window);
  return tops->len;
}

/* Issue 5: in a three-pane window the body is ~300 px wide; the toolbar
 * wraps instead of hiding buttons behind a sideways scroll. */
static void
test_toolbar_wraps (void)
{
  g_assert_cmpuint (toolbar_rows_at (300), >=, 2);
  g_assert_cmpuint (toolbar_rows_at (900), ==, 1);
}

static void
test_toolbar_follows_cursor (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *format = NULL;
  g_autofree char *body = NULL;

  g_assert_true (toa_body_editor_set_body (fixture->editor,
                                           "<h2>Tiêu đề</h2><p>Thường <strong>đậm</strong> <em>nghiêng</em></p>"
                                           "<ul><li>Mục</li></ul><ol><li>Số</li></ol>"
                                           "<blockquote><p>Trích <u>gạch</u> <s>xóa</s></p></blockquote>", NULL));

  place_cursor_after (fixture, "Tiêu");
  g_object_get (fixture->editor, "block-format", &format, NULL);
  g_assert_cmpstr (format, ==, "heading2");
  g_assert_true (button_active (fixture, "editor.block-format", "heading2"));
  g_assert_false (button_active (fixture, "editor.block-format", "paragraph"));

  place_cursor_after (fixture, "đậ");
  g_assert_true (button_active (fixture, "editor.bold", NULL));
  g_assert_false (button_active (fixture, "editor.italic", NULL));
  g_assert_true (button_active (fixture, "editor.block-format", "paragraph"));

  place_cursor_after (fixture, "nghiê");
  g_assert_false (button_active (fixture, "editor.bold", NULL));
  g_assert_true (button_active (fixture, "editor.italic", NULL));

  place_cursor_after (fixture, "Mụ");
  g_assert_true (button_active (fixture, "editor.bulleted-list", NULL));
  g_assert_false (button_active (fixture, "editor.numbered-list", NULL));
  g_assert_false (button_active (fixture, "editor.italic", NULL));

  place_cursor_after (fixture, "Số");
  g_assert_false (button_active (fixture, "editor.bulleted-list", NULL));
  g_assert_true (button_active (fixture, "editor.numbered-list", NULL));

  place_cursor_after (fixture, "gạ");
  g_assert_true (button_active (fixture, "editor.quote", NULL));
  g_assert_true (button_active (fixture, "editor.underline", NULL));
  place_cursor_after (fixture, "xó");
  g_assert_true (button_active (fixture, "editor.strikethrough", NULL));
  g_assert_false (button_active (fixture, "editor.underline", NULL));

  /* Icon-only buttons still have a name for screen readers. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_toolbar_button (GTK_WIDGET (fixture->editor),
                                                                            "editor.bold", NULL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Bold");

  /* Clicking a toggle button is the same action. */
  select_text (fixture, "Thường");
  g_signal_emit_by_name (find_toolbar_button (GTK_WIDGET (fixture->editor), "editor.bold", NULL), "clicked");
  g_assert_true (button_active (fixture, "editor.bold", NULL));
  body = toa_body_editor_get_body (fixture->editor);
  g_assert_true (g_str_has_prefix (body, "<h2>Tiêu đề</h2><p><strong>Thường</strong>"));
}

static void
test_word_count (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) long_body = g_string_new ("<p>");
  guint notified = fixture->changes;
  guint words = 0;

  g_assert_cmpuint (toa_body_count_words ("Đỗ Nguyên - P. QLCN"), ==, 4);
  g_assert_cmpuint (toa_body_count_words ("  Sở  Công\tThương\n\nĐà Nẵng "), ==, 5);

  g_assert_true (toa_body_editor_set_body (fixture->editor, "<p>Sở Công Thương tổ chức hội nghị</p>", NULL));
  g_assert_cmpuint (toa_body_editor_get_word_count (fixture->editor), ==, 7);
  g_assert_cmpuint (toa_body_editor_get_reading_time (fixture->editor), ==, 1);
  g_object_get (fixture->editor, "word-count", &words, NULL);
  g_assert_cmpuint (words, ==, 7);

  place_cursor_at_end (fixture);
  type_text (fixture, "Tin mới");
  g_assert_cmpuint (toa_body_editor_get_word_count (fixture->editor), ==, 9);
  assert_body (fixture, "<p>Sở Công Thương tổ chức hội nghị</p><p>Tin mới</p>");
  g_assert_cmpuint (fixture->changes, >, notified);

  for (guint i = 0; i < 401; i++)
    g_string_append (long_body, "chữ ");
  g_string_append (long_body, "</p>");
  g_assert_true (toa_body_editor_set_body (fixture->editor, long_body->str, NULL));
  g_assert_cmpuint (toa_body_editor_get_word_count (fixture->editor), ==, 401);
  g_assert_cmpuint (toa_body_editor_get_reading_time (fixture->editor), ==, 3);
}

static void
test_href_validation (void)
{
  static const char * const good[] = {
    "https://congthuong.gov.vn/tin-tuc?id=1&p=2", "http://moit.gov.vn", "HTTPS://MOIT.GOV.VN/",
    "mailto:vanphong@congthuong.gov.vn", "/van-ban/ke-hoach", "tin-tuc/bai-1.html", "#muc-2", "?trang=3",
  };
  static const char * const bad[] = {
    "", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\nscript:alert(1)", "data:text/html,<b>",
    "file:///etc/passwd", "//evil.example/x", "https://", "mailto:", "mailto:khong-co-a-cong",
    "vbscript:x", "https://a b.vn", "\\\\evil\\share", "a:b/c", "ftp://example.com/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("good: %s", good[i]);
      g_assert_true (toa_link_href_validate (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("bad: %s", bad[i]);
      g_assert_false (toa_link_href_validate (bad[i], &error));
      g_assert_error (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_INVALID_LINK);
    }
}

static GtkWindow *
find_link_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TOA_IS_LINK_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
link_dialog_shown (gpointer data)
{
  return find_link_dialog () != NULL;
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *href = NULL;
  GtkWindow *dialog;

  type_text (fixture, "Xem cổng thông tin của Sở");
  select_text (fixture, "cổng thông tin");
  activate (fixture, "editor.set-link", "https://congthuong.gov.vn/?a=1&b=\"2\"");
  assert_body (fixture, "<p>Xem <a href=\"https://congthuong.gov.vn/?a=1&amp;b=&quot;2&quot;\">cổng thông tin</a> của Sở</p>");

  /* A refused address changes nothing and says why. */
  select_text (fixture, "Sở");
  activate (fixture, "editor.set-link", "javascript:alert(1)");
  assert_body (fixture, "<p>Xem <a href=\"https://congthuong.gov.vn/?a=1&amp;b=&quot;2&quot;\">cổng thông tin</a> của Sở</p>");
  g_assert_cmpuint (fixture->messages->len, ==, 1);

  /* The dialog edits the link under the cursor. */
  place_cursor_after (fixture, "cổng");
  activate (fixture, "editor.insert-link", NULL);
  toa_gui_test_iterate_until (link_dialog_shown, NULL);
  dialog = find_link_dialog ();
  href = toa_link_dialog_get_href (TOA_LINK_DIALOG (dialog));
  g_assert_cmpstr (href, ==, "https://congthuong.gov.vn/?a=1&b=\"2\"");
  g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);
  {
    GtkWidget *entry = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TOA_TYPE_LINK_DIALOG, "entry");

    gtk_editable_set_text (GTK_EDITABLE (entry), "javascript:void(0)");
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
    gtk_editable_set_text (GTK_EDITABLE (entry), " /tin-tuc/bai-moi ");
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  assert_body (fixture, "<p>Xem <a href=\"/tin-tuc/bai-moi\">cổng thông tin</a> của Sở</p>");

  /* An empty target removes the link. */
  place_cursor_after (fixture, "thông");
  activate (fixture, "editor.set-link", "");
  assert_body (fixture, "<p>Xem cổng thông tin của Sở</p>");
}

/* A long article (about 6,000 words) loads, saves and takes a keystroke
 * quickly enough; the times are printed for the report. */
static void
test_long_article (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *saved = NULL;
  gint64 start;
  gint64 load;
  gint64 save;
  gint64 keystroke;

  for (guint i = 0; i < 200; i++)
    g_string_append (body, "<p>Sở Công Thương tỉnh đã tổ chức <strong>hội nghị</strong> tổng kết công tác quản lý "
                           "nhà nước về <em>công nghiệp</em> và thương mại năm 2026, triển khai nhiệm vụ năm tới.</p>"
                           "<ul><li>Rà soát quy hoạch</li><li>Kiểm tra an toàn</li></ul>");
  start = g_get_monotonic_time ();
  g_assert_true (toa_body_editor_set_body (fixture->editor, body->str, NULL));
  load = g_get_monotonic_time () - start;
  start = g_get_monotonic_time ();
  saved = toa_body_editor_get_body (fixture->editor);
  save = g_get_monotonic_time () - start;
  g_assert_cmpstr (saved, ==, body->str);

  place_cursor_after (fixture, "Kiểm tra");
  start = g_get_monotonic_time ();
  type_text (fixture, "x");
  keystroke = g_get_monotonic_time () - start;

  g_test_message ("%u words: load %.1f ms, save %.1f ms, one keystroke %.2f ms",
                  toa_body_editor_get_word_count (fixture->editor),
                  load / 1000.0, save / 1000.0, keystroke / 1000.0);
  g_assert_cmpuint (toa_body_editor_get_word_count (fixture->editor), >, 5000);
  /* A frame is 16.7 ms: typing must stay well inside it. */
  g_assert_cmpint (keystroke, <, 16700);
}

/* Pictures follow the width of the text area */

typedef struct
{
  ToaBodyView *view;
  int          min;
  int          max;
} WidthWait;

static gboolean
text_width_in_range (gpointer data)
{
  WidthWait *wait = data;
  int width = toa_body_view_get_text_width (wait->view);

  return width >= wait->min && width <= wait->max;
}

static void
resize_window (GtkWindow   *window,
               ToaBodyView *view,
               int          window_width,
               int          min,
               int          max)
{
  WidthWait wait = { view, min, max };

  gtk_window_set_default_size (window, window_width, 600);
  toa_gui_test_iterate_until (text_width_in_range, &wait);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* The line of the @n-th picture (from 0). */
static GtkTextIter
picture_line (GtkTextBuffer *buffer,
              guint          n)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    if (toa_body_iter_is_picture (&iter) && n-- == 0)
      return iter;
  while (gtk_text_iter_forward_line (&iter));
  g_assert_not_reached ();
}

/* Checks where picture @n is drawn: inside the text area, centred, its
 * aspect ratio kept (800 × 450 from resolve_media), and @expected_width
 * wide; its caption line starts below it. */
static GdkRectangle
assert_picture_fits (ToaBodyView   *view,
                     GtkTextBuffer *buffer,
                     guint          n,
                     int            expected_width)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter line = picture_line (buffer, n);
  GtkTextIter caption = line;
  int left = gtk_text_view_get_left_margin (text_view);
  int room = toa_body_view_get_text_width (view);
  GdkRectangle area;
  int caption_y;
  int caption_height;

  g_assert_true (toa_body_view_get_picture_area (view, &line, &area));
  g_assert_cmpint (area.width, ==, expected_width);
  g_assert_cmpint (ABS (area.height * 800 - area.width * 450), <=, 800);
  g_assert_cmpint (area.x, >=, left);
  g_assert_cmpint (area.x + area.width, <=, left + room);
  g_assert_cmpint (ABS ((area.x - left) - (left + room - area.x - area.width)), <=, 1);
  g_assert_true (gtk_text_iter_forward_line (&caption));
  gtk_text_view_get_line_yrange (text_view, &caption, &caption_y, &caption_height);
  g_assert_cmpint (caption_y, >=, area.y + area.height);
  return area;
}

static gboolean
is_sky (const guint8 *pixel)
{
  /* Cairo byte order: B G R A. resolve_media's sky is R 90–146,
   * G 150–187, B 230; the view's background is white. */
  return pixel[0] >= 215 && pixel[2] <= 170 && pixel[1] >= 135 && pixel[1] <= 200;
}

/* Renders @view and returns the first and last sky-coloured column on the
 * row a quarter down picture area @area (buffer coordinates). */
static void
drawn_sky_columns (ToaBodyView        *view,
                   const GdkRectangle *area,
                   int                *first,
                   int                *last)
{
  GtkWidget *widget = GTK_WIDGET (view);
  int width;
  int height;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *pixels = NULL;
  int x;
  int y;

  /* Measuring the picture's place validates lines, which can queue an
   * allocation: drawn outside a frame before it, parts would have none. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);

  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         area->x, area->y + area->height / 4, &x, &y);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y, <, height);
  *first = -1;
  *last = -1;
  for (x = 0; x < width; x++)
    if (is_sky (pixels + (gsize) y * width * 4 + x * 4))
      {
        if (*first < 0)
          *first = x;
        *last = x;
      }
  g_assert_cmpint (*first, >=, 0);
}

static void
test_picture_fits_width (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *body = "<p>Quang cảnh hội nghị</p><figure><img src=\"media:42\" alt=\"Toàn cảnh\"/>"
                     "<figcaption>Toàn cảnh hội nghị. Ảnh: Đỗ Nguyên</figcaption></figure><p>Đoạn sau.</p>";
  ToaBodyView *view = TOA_BODY_VIEW (toa_body_editor_get_view (fixture->editor));
  g_autofree char *saved = NULL;
  GdkRectangle area;
  int room;
  int first;
  int last;
  int left;

  g_assert_true (toa_body_editor_set_body (fixture->editor, body, NULL));

  /* A column about 300 px wide, as in the three-pane window. */
  resize_window (fixture->window, view, 340, 200, 320);
  room = toa_body_view_get_text_width (view);
  area = assert_picture_fits (view, fixture->buffer, 0, room);
  g_assert_cmpint (area.width, <, 560);

  /* What is on screen: the sky spans the picture's width, inside the
   * text area, not the 560 px the picture would be without scaling. */
  drawn_sky_columns (view, &area, &first, &last);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, area.x, 0, &left, NULL);
  g_assert_cmpint (first, >=, left);
  g_assert_cmpint (first, <=, left + 2);
  g_assert_cmpint (last, <=, left + area.width - 1);
  g_assert_cmpint (last, >=, left + area.width - 3);

  /* A picture inserted into the narrow view is fitted at once. */
  place_cursor_at_end (fixture);
  g_assert_true (toa_body_editor_insert_figure (fixture->editor, "media:7", NULL, "Ảnh thứ hai", NULL));
  {
    GtkTextIter line = picture_line (fixture->buffer, 1);

    g_assert_true (toa_body_view_get_picture_area (view, &line, &area));
    g_assert_cmpint (area.width, ==, room);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  assert_picture_fits (view, fixture->buffer, 1, room);

  /* Wider than the picture: back to its own size (560 × 315), no larger. */
  resize_window (fixture->window, view, 1000, 600, 2000);
  area = assert_picture_fits (view, fixture->buffer, 0, 560);
  g_assert_cmpint (area.height, ==, 315);
  assert_picture_fits (view, fixture->buffer, 1, 560);
  drawn_sky_columns (view, &area, &first, &last);
  g_assert_cmpint (last - first + 1, >=, 557);
  g_assert_cmpint (last - first + 1, <=, 560);

  /* And narrow again. */
  resize_window (fixture->window, view, 420, 250, 400);
  assert_picture_fits (view, fixture->buffer, 0, toa_body_view_get_text_width (view));

  /* Display only: the body is the same bytes. */
  saved = toa_body_editor_get_body (fixture->editor);
  g_assert_cmpstr (saved, ==,
                   "<p>Quang cảnh hội nghị</p><figure><img src=\"media:42\" alt=\"Toàn cảnh\"/>"
                   "<figcaption>Toàn cảnh hội nghị. Ảnh: Đỗ Nguyên</figcaption></figure><p>Đoạn sau.</p>"
                   "<figure><img src=\"media:7\" alt=\"Ảnh thứ hai\"/><figcaption>Ảnh thứ hai</figcaption></figure>");
}

/* Looks: render to a PNG for a human to check */

static gboolean
has_drawn (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static void
render_window (GtkWindow  *window,
               const char *path)
{
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s (%dx%d)", path, width, height);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 600);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *body = read_fixture ("quote-figure-link.xhtml");
  g_autofree char *lists = read_fixture ("lists.xhtml");
  g_autofree char *table = read_fixture ("table.xhtml");
  g_autofree char *all = g_strconcat ("<h2>Sở Công Thương tổng kết công tác năm 2026</h2>", lists, table, body, NULL);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "toa-body-editor.png", NULL);
  g_autofree char *dark_path = g_build_filename (g_get_tmp_dir (), "toa-body-editor-dark.png", NULL);

  g_assert_true (toa_body_editor_set_body (fixture->editor, all, NULL));
  select_text (fixture, "cụm công");
  toa_gui_test_iterate_until (has_drawn, fixture->editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  render_window (fixture->window, path);

  /* And in the dark style, where the shaded blocks must still read well. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  render_window (fixture->window, dark_path);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_vietnamese (void)
{
  GtkWidget *editor;
  GtkWidget *bold;
  g_autoptr(GError) error = NULL;

  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  editor = g_object_ref_sink (GTK_WIDGET (toa_body_editor_new ()));
  bold = find_toolbar_button (editor, "editor.bold", NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (bold), ==, "In đậm (Ctrl+B)");
  g_assert_false (toa_link_href_validate ("javascript:alert(1)", &error));
  g_assert_cmpstr (error->message, ==,
                   "Chỉ cho phép liên kết web (http, https), thư điện tử (mailto) và liên kết tương đối");
  g_object_unref (editor);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
}

int
main (int    argc,
      char **argv)
{
  toa_core_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add ("/body-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fixtures-round-trip", test_fixtures_round_trip);
  ADD ("empty-body", test_empty_body);
  ADD ("bad-input-keeps-text", test_bad_input_keeps_text);
  ADD ("loose-text", test_loose_text_becomes_paragraphs);
  ADD ("type-and-format", test_type_and_format);
  ADD ("lists-nest", test_lists_nest);
  ADD ("line-break", test_line_break);
  ADD ("insert-figure", test_insert_figure);
  ADD ("insert-image-file", test_insert_image_file);
  ADD ("backspace-over-picture", test_backspace_over_picture_undoes);
  ADD ("table-read-only", test_table_is_read_only);
  ADD ("text-beside-picture", test_text_beside_picture_is_kept);
  ADD ("paste-html", test_paste_html_goes_through_import);
  ADD ("paste-plain-nfc", test_paste_plain_text_is_nfc);
  ADD ("copy", test_copy_gives_html_and_text);
  ADD ("undo-redo", test_undo_redo);
  ADD ("undo-formatting", test_undo_formatting);
  ADD ("undo-link", test_undo_link);
  ADD ("change-after-redo", test_change_after_redo);
  ADD ("undo-formatting-around-figure", test_undo_formatting_around_figure);
  ADD ("undo-deleted-figure", test_undo_deleted_figure);
  ADD ("undo-inserted-figure", test_undo_inserted_figure);
  ADD ("toolbar-follows-cursor", test_toolbar_follows_cursor);
  ADD ("word-count", test_word_count);
  ADD ("links", test_links);
  ADD ("long-article", test_long_article);
  ADD ("picture-fits-width", test_picture_fits_width);
  ADD ("render", test_render);
#undef ADD
  g_test_add_func ("/body-editor/href-validation", test_href_validation);
  g_test_add_func ("/body-editor/vietnamese", test_vietnamese);
  g_test_add_func ("/body-editor/toolbar-wraps", test_toolbar_wraps);

  return g_test_run ();
}
