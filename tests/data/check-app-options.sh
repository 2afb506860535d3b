#!/bin/sh
# The application's own command-line options work without a display.
set -u
build=$2
app="$build/app/gui/toasoan"
echo "1..3"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$app" --version 2>&1)
if [ "$out" = "toasoan $(sed -n "s/^ *version: '\(.*\)',/\1/p" "$1/meson.build" | head -n1)" ]; then echo "ok 1 --version"; else echo "not ok 1 --version printed: $out"; fi
out=$(LANGUAGE=vi "$app" --help 2>&1)
case "$out" in
  *"Mở tệp cơ sở dữ liệu này thay cho tệp mặc định"*) echo "ok 2 --help is translated" ;;
  *) echo "not ok 2 --help is translated"; printf '%s\n' "$out" | sed 's/^/# /' ;;
esac
case "$out" in
  *"--database=ĐƯỜNG_DẪN"*) echo "ok 3 --database is offered" ;;
  *) echo "not ok 3 --database is offered" ;;
esac
