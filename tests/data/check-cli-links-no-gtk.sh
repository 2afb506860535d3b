#!/bin/sh
# toasoan-cli must work on a machine without a display stack.
set -u
cli=$TOASOAN_CLI
echo "1..2"
libs=$(ldd "$cli")
if printf '%s\n' "$libs" | grep -qE 'libgtk|libadwaita|libgdk-[0-9]'; then
  echo "not ok 1 toasoan-cli links no GTK"; printf '%s\n' "$libs" | grep -E 'libgtk|libadwaita|libgdk-[0-9]' | sed 's/^/# /'
else
  echo "ok 1 toasoan-cli links no GTK"
fi
if nm -u "$cli" 2>/dev/null | grep -qE ' gtk_| adw_'; then echo "not ok 2 toasoan-cli references no gtk_/adw_ symbols"; else echo "ok 2 toasoan-cli references no gtk_/adw_ symbols"; fi
