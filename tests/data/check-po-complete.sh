#!/bin/sh
# po/vi.po compiles cleanly and has no fuzzy or untranslated entry.
set -u
src=$1
echo "1..2"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$src/po/vi.po" 2>&1)
if [ $? -eq 0 ]; then echo "ok 1 msgfmt --check"; else echo "not ok 1 msgfmt --check"; echo "$stats" | sed 's/^/# /'; fi
case "$stats" in
  *fuzzy*|*untranslated*) echo "not ok 2 vi.po complete"; echo "$stats" | sed "s/^/# /" ;;
  *) echo "ok 2 vi.po complete"; echo "$stats" | sed "s/^/# /" ;;
esac
