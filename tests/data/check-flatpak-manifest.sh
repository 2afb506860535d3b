#!/bin/sh
# The Flatpak manifest parses and names the same application as the
# desktop file and the metainfo.
set -u
src=$1
build=$2
manifest="$src/flatpak/io.github.toasoan.ToaSoan.json"
echo "1..3"
if command -v flatpak-builder >/dev/null 2>&1; then
  if flatpak-builder --show-manifest "$manifest" >/dev/null 2>&1; then echo "ok 1 flatpak-builder parses the manifest"; else echo "not ok 1 flatpak-builder parses the manifest"; fi
else
  if python3 -m json.tool "$manifest" >/dev/null 2>&1; then echo "ok 1 manifest is JSON # SKIP flatpak-builder not installed"; else echo "not ok 1 manifest is JSON"; fi
fi
app_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["app-id"])' "$manifest")
desktop_ids=$(ls "$build/data/"*.desktop 2>/dev/null | xargs -n1 basename | sed 's/\.desktop$//')
if printf '%s\n' "$desktop_ids" | grep -qxF "$app_id"; then echo "ok 2 desktop file is $app_id.desktop"; else echo "not ok 2 desktop file ids ($desktop_ids) differ from manifest ($app_id)"; fi
meta_id=$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' "$build/data/"*.metainfo.xml | head -n1)
if [ "$meta_id" = "$app_id" ]; then echo "ok 3 metainfo id is $app_id"; else echo "not ok 3 metainfo id $meta_id differs from manifest ($app_id)"; fi
