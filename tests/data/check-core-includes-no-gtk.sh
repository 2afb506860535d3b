#!/bin/sh
# The layer rule, checked on the sources too (the build already refuses a
# GTK include in the core because GTK is not among the core's dependencies).
set -u
src=$1
echo "1..1"
hits=$(grep -rlE '#include *[<"](gtk/|gdk/|adwaita\.h)' "$src/app/core" "$src/app/content" "$src/app/export" 2>/dev/null)
if [ -z "$hits" ]; then echo "ok 1 core, content and export include no GTK"; else echo "not ok 1 GTK included by:"; echo "$hits" | sed 's/^/# /'; fi
