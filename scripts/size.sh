#!/usr/bin/env bash
# Prints the size of what the page downloads: the wasm (raw, gzip, brotli 11) and the total
# of every file index.html loads before the first verdict, gzip and brotli (what a host that
# serves the precompressed files sends: scripts/compress.mjs, scripts/serve.mjs), then the editor
# module (loaded when the rules are edited). Gzip is the .gz beside the file (Zopfli, as
# compress.mjs writes it and a host sends it), or `gzip -9` where there is none; the page's
# total with `gzip -9` (what a host compressing on the fly sends) is printed beside it. Fails
# when the page is over the 250 KB (250,000 B) budget, counted in gzip (every host has gzip;
# brotli is the smaller figure most browsers get).
set -euo pipefail
cd "$(dirname "$0")/../www"
budget=250000  # 250 KB before the first verdict, counted in thousands of bytes
gz9() { gzip -9 -c "$1" | wc -c; }
gz() { if [ -f "$1.gz" ] && [ ! "$1" -nt "$1.gz" ]; then wc -c < "$1.gz"; else gz9 "$1"; fi; }
# Brotli at quality 11 from Node's zlib (no brotli command needed), as scripts/compress.mjs writes it.
br() { node -e 'const z=require("zlib");process.stdout.write(String(z.brotliCompressSync(require("fs").readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))' "$1"; }
wasm=pkg/netral_bg.wasm
echo "wasm: $(wc -c < "$wasm") B raw, $(gz "$wasm") B gzip ($(gz9 "$wasm") B with gzip -9), $(br "$wasm") B brotli"
total=0
total_gz9=0
total_br=0
# What index.html loads: app.min.js bundles app.js with netral.js, and sw.js keeps them for offline
# use (the embeddable <netral-check> is measured on its own below).
for f in index.html app.min.js style.min.css icon.svg sw.js pkg/netral.js pkg/netral_bg.wasm; do
  [ -f "$f" ] || continue
  total=$((total + $(gz "$f")))
  total_gz9=$((total_gz9 + $(gz9 "$f")))
  total_br=$((total_br + $(br "$f")))
done
echo "page total: $total B gzip ($total_gz9 B with gzip -9), $total_br B brotli (budget $budget B gzip)"
# The element's class (with the page's modules it shares bundled in) and the module that defines
# the tag, minified as the package (make dist) ships them, each gzipped as a server sends them.
mingz() { ../node_modules/.bin/esbuild "$@" --minify --format=esm --log-level=warning | gzip -9 | wc -c; }
element=$(( $(mingz netral-check-element.js --bundle --external:./netral.js) + $(mingz netral-check.js) ))
echo "<netral-check> adds $element B gzip to a host page (minified, as packaged; plus netral.js and pkg/; budget 6000 B)"
if [ "$element" -gt 6000 ]; then echo "size: <netral-check> over its 6 KB budget" >&2; exit 1; fi
# The editor module is loaded only when the rules are edited: the whole site counts it.
editor=0
editor_br=0
for f in editor-worker.js pkg-editor/netral.js pkg-editor/netral_bg.wasm; do
  [ -f "$f" ] || continue
  editor=$((editor + $(gz "$f")))
  editor_br=$((editor_br + $(br "$f")))
done
echo "editor module: $editor B gzip, $editor_br B brotli (loaded when the rules are edited); whole site $((total + editor)) B gzip, $((total_br + editor_br)) B brotli"
if [ "$total" -gt "$budget" ]; then
  echo "size: over budget" >&2
  # A stable-toolchain build (no nightly std source) keeps panic machinery: warn, do not fail.
  [ -n "${NETRAL_SIZE_SOFT:-}" ] || exit 1
fi
