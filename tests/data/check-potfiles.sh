#!/bin/sh
# Every file with translatable strings is listed in po/POTFILES.in, and
# every listed file exists. vi.po holds every msgid the sources have.
set -u
src=$1
build=$2
cd "$src" || exit 1
listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in | sort)
found=$(grep -rlE '(\b_\(|\bN_\(|\bC_\(|\bNC_\(|translatable="yes")' app resources data --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' | sort)
n=0
fail=0
echo "1..3"
missing=$(for f in $found; do printf '%s\n' "$listed" | grep -qxF "$f" || echo "$f"; done)
n=$((n + 1))
if [ -z "$missing" ]; then echo "ok $n every file with strings is in POTFILES.in"; else echo "not ok $n files missing from POTFILES.in:"; echo "$missing" | sed 's/^/#   /'; fi
gone=""
for f in $listed; do [ -f "$f" ] || gone="$gone $f"; done
n=$((n + 1))
if [ -z "$gone" ]; then echo "ok $n every POTFILES.in entry exists"; else echo "not ok $n listed but absent:$gone"; fi

# Extract a fresh template and check that vi.po translates all of it.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --add-comments=Translators: --directory="$src" \
  --files-from="$src/po/POTFILES.in" -o "$tmp/toasoan.pot" 2>"$tmp/err" || { cat "$tmp/err" | sed 's/^/# /'; }
msgmerge --quiet --no-fuzzy-matching "$src/po/vi.po" "$tmp/toasoan.pot" -o "$tmp/vi.po" 2>/dev/null
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/vi.po" 2>&1)
n=$((n + 1))
case "$stats" in
  *fuzzy*|*untranslated*) echo "not ok $n vi.po covers every string in the sources # $stats"
     msgattrib --untranslated "$tmp/vi.po" 2>/dev/null | grep '^msgid' | head -20 | sed 's/^/#   /' ;;
  *) echo "ok $n vi.po covers every string in the sources # $stats" ;;
esac
