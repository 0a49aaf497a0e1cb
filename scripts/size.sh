#!/usr/bin/env bash
# Prints the size of what the page downloads: the wasm (raw, gzip -9, brotli) and the total
# gzip of every file index.html loads before the first verdict, then the editor module (loaded
# when the rules are edited). Fails when the page is over the 250 KB (250,000 B) budget.
set -euo pipefail
cd "$(dirname "$0")/../www"
budget=250000  # 250 KB before the first verdict, counted in thousands of bytes
gz() { gzip -9 -c "$1" | wc -c; }
wasm=pkg/netral_bg.wasm
raw=$(wc -c < "$wasm")
line="wasm: $raw B raw, $(gz "$wasm") B gzip"
if command -v brotli >/dev/null; then line="$line, $(brotli -q 11 -c "$wasm" | wc -c) B brotli"
else line="$line, $(python3 -c 'import sys
try:
    import brotli; print(len(brotli.compress(open(sys.argv[1],"rb").read(), quality=11)), "B brotli")
except ImportError: print("brotli n/a")' "$wasm")"; fi
echo "$line"
total=0
# What index.html loads: app.min.js bundles app.js with netral.js, and sw.js keeps them for offline
# use (the embeddable <netral-check> is measured on its own below).
for f in index.html app.min.js style.min.css icon.svg sw.js pkg/netral.js pkg/netral_bg.wasm; do
  [ -f "$f" ] && total=$((total + $(gz "$f")))
done
echo "page total: $total B gzip (budget $budget B)"
# The element's class and the module that defines the tag, minified as the package (make dist)
# ships them, each gzipped as a server sends them.
mingz() { ../node_modules/.bin/esbuild "$1" --minify --format=esm --log-level=warning | gzip -9 | wc -c; }
element=$(( $(mingz netral-check-element.js) + $(mingz netral-check.js) ))
echo "<netral-check> adds $element B gzip to a host page (minified, as packaged; plus netral.js and pkg/; budget 6000 B)"
if [ "$element" -gt 6000 ]; then echo "size: <netral-check> over its 6 KB budget" >&2; exit 1; fi
# The editor module is loaded only when the rules are edited: the whole site counts it.
editor=0
for f in pkg-editor/netral.js pkg-editor/netral_bg.wasm; do [ -f "$f" ] && editor=$((editor + $(gz "$f"))); done
site=$((total + editor))
echo "editor module: $editor B gzip (loaded when the rules are edited); whole site $site B gzip"
if [ "$total" -gt "$budget" ]; then
  echo "size: over budget" >&2
  # A stable-toolchain build (no nightly std source) keeps panic machinery: warn, do not fail.
  [ -n "${NETRAL_SIZE_SOFT:-}" ] || exit 1
fi
