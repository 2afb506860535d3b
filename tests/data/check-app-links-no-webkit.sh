#!/bin/sh
# The desk starts without WebKitGTK (issue 5: start-up): only the preview's
# module, loaded on demand, links it.
set -u
build=$2
app="$build/app/gui/toasoan"
module="$build/app/gui/webview/toasoan-webview.so"
pattern='libwebkit|libjavascriptcore'
echo "1..3"
libs=$(ldd "$app")
if printf '%s\n' "$libs" | grep -qE "$pattern"; then
  echo "not ok 1 toasoan links no WebKit"; printf '%s\n' "$libs" | grep -E "$pattern" | sed 's/^/# /'
else
  echo "ok 1 toasoan links no WebKit"
fi
if nm -u "$app" 2>/dev/null | grep -qE ' webkit_| jsc_'; then echo "not ok 2 toasoan references no webkit_/jsc_ symbols"; else echo "ok 2 toasoan references no webkit_/jsc_ symbols"; fi
# The same test on the module must find WebKit, or the pattern is wrong.
if ldd "$module" 2>/dev/null | grep -qE 'libwebkitgtk-'; then echo "ok 3 the web view module links WebKit"; else echo "not ok 3 the web view module links WebKit ($module)"; fi
