#!/usr/bin/env bash
# Builds the npm package of the browser files into a tarball: scripts/dist.sh [OUT] (default
# dist/), after `make web`. The package is staged in OUT/package/ from www/ (the API, the element
# class, the tag's definition, the two wasm modules with their glue, the types), schema/ and
# package/ (package.json without its version, custom-elements.json, the integrators' README),
# with its version taken from Cargo.toml; then `npm pack` writes OUT/netral-VERSION.tgz.
# The JavaScript is minified as it ships (what scripts/size.sh measures for <netral-check>).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)"
stage="$out/package"
esbuild="$root/node_modules/.bin/esbuild"
for f in "$root"/www/pkg/netral_bg.wasm "$root"/www/pkg-editor/netral_bg.wasm; do
  [ -f "$f" ] || { echo "dist: $f is missing: run make web first" >&2; exit 1; }
done
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1)

rm -rf "$stage"
mkdir -p "$stage/pkg" "$stage/pkg-editor" "$stage/schema"
for js in netral.js netral-check.js; do
  "$esbuild" "$root/www/$js" --minify --format=esm --legal-comments=none --log-level=warning --outfile="$stage/$js"
done
# The element's class with the page's modules it shares (dom.js, verdict-words.js) bundled in;
# netral.js stays a separate file, so the element and the host share one engine.
"$esbuild" "$root/www/netral-check-element.js" --bundle --external:./netral.js --minify --format=esm --legal-comments=none \
  --log-level=warning --outfile="$stage/netral-check-element.js"
cp "$root"/www/netral.d.ts "$root"/www/netral-check-element.d.ts "$root"/www/netral-check.d.ts "$stage/"
for dir in pkg pkg-editor; do cp "$root/www/$dir/netral.js" "$root/www/$dir/netral_bg.wasm" "$stage/$dir/"; done
cp "$root"/schema/*.json "$stage/schema/"
cp "$root/package/README.md" "$root/package/custom-elements.json" "$stage/"
# package.json: the template with the crate's version after the name.
node -e '
const [tpl, version, to] = process.argv.slice(1);
const { name, ...rest } = JSON.parse(require("fs").readFileSync(tpl, "utf8"));
require("fs").writeFileSync(to, JSON.stringify({ name, version, ...rest }, null, 2) + "\n");
' "$root/package/package.json" "$version" "$stage/package.json"

rm -f "$out/netral-$version.tgz"
(cd "$out" && npm pack ./package --pack-destination "$out" --silent >/dev/null)
echo "$out/netral-$version.tgz: $(wc -c < "$out/netral-$version.tgz") B"
