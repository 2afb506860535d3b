/* toa-link-dialog.c — asks for a link target and checks it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "toa-body-editor.h"
#include "toa-link-dialog.h"

struct _ToaLinkDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *entry;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (ToaLinkDialog, toa_link_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
has_forbidden_characters (const char *href)
{
  for (const char *p = href; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Browsers drop control characters and white space inside a URL and
       * read "\" as "/", which could turn "java\nscript:" or "\\host"
       * into something else. */
      if (g_unichar_iscntrl (c) || g_unichar_isspace (c) || c == '\\')
        return TRUE;
    }
  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, TOA_BODY_EDITOR_ERROR, TOA_BODY_EDITOR_ERROR_INVALID_LINK, message);
  return FALSE;
}

static gboolean
validate_absolute (const char  *href,
                   const char  *scheme,
                   GError     **error)
{
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    {
      const char *address = href + strlen ("mailto:");
      const char *at = strchr (address, '@');

      if (at == NULL || at == address || at[1] == '\0')
        return invalid (error, _("An e-mail link needs an address such as mailto:ten@congthuong.gov.vn"));
      return TRUE;
    }
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      g_autoptr(GUri) uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
        return invalid (error, _("The web address is incomplete: it needs a site name after “//”"));
      return TRUE;
    }
  return invalid (error, _("Only web (http, https), e-mail (mailto) and relative links are allowed"));
}

/**
 * toa_link_href_validate:
 * @href: a link target as the user typed it
 * @error: return location for a #GError
 *
 * Accepts http, https and mailto URLs and relative references; refuses
 * every other scheme (javascript:, data:, file:, …), network-path
 * references ("//host") and characters browsers would silently drop.
 *
 * Returns: %TRUE when @href may be used
 */
gboolean
toa_link_href_validate (const char  *href,
                        GError     **error)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (href != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (href[0] == '\0')
    return invalid (error, _("Enter a web address"));
  if (!g_utf8_validate (href, -1, NULL) || has_forbidden_characters (href))
    return invalid (error, _("The address must not contain spaces or control characters"));
  if (g_str_has_prefix (href, "//"))
    return invalid (error, _("Write the full address, starting with https://"));

  scheme = g_uri_parse_scheme (href);
  if (scheme != NULL)
    return validate_absolute (href, scheme, error);
  /* A colon before any "/", "?" or "#" would be read as a scheme. */
  if (strcspn (href, ":") < strcspn (href, "/?#"))
    return invalid (error, _("Only web (http, https), e-mail (mailto) and relative links are allowed"));
  return TRUE;
}

static void
on_entry_changed (ToaLinkDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *href = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gboolean valid = toa_link_href_validate (href, &error);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", valid);
  gtk_label_set_text (self->error_label, valid || href[0] == '\0' ? "" : error->message);
  if (valid || href[0] == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
}

static void
on_entry_activate (ToaLinkDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "apply"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "apply");
}

static void
toa_link_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TOA_TYPE_LINK_DIALOG);
  G_OBJECT_CLASS (toa_link_dialog_parent_class)->dispose (object);
}

static void
toa_link_dialog_class_init (ToaLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = toa_link_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/toa-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ToaLinkDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, ToaLinkDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
}

static void
toa_link_dialog_init (ToaLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_entry_changed (self);
}

/**
 * toa_link_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @href: (nullable): the current link target
 *
 * Returns: (transfer full): a new dialog; its "apply" response is only
 *   enabled while the address is valid, "remove" removes the link
 */
ToaLinkDialog *
toa_link_dialog_new (GtkWindow  *parent,
                     const char *href)
{
  ToaLinkDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (TOA_TYPE_LINK_DIALOG, "transient-for", parent, NULL);
  if (href != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), href);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "remove", href != NULL);
  return self;
}

/**
 * toa_link_dialog_get_href:
 * @self: a #ToaLinkDialog
 *
 * Returns: (transfer full): the address typed, without surrounding spaces
 */
char *
toa_link_dialog_get_href (ToaLinkDialog *self)
{
  g_return_val_if_fail (TOA_IS_LINK_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}
