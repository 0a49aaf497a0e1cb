#!/usr/bin/env bash
# Installs what `make web`, `make test` and `make serve` need. Idempotent: every step checks
# first and skips itself when already done, so a warm machine passes through in seconds.
# Only the package registries are used (crates.io, Debian, npm); no browser or binary download.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. The wasm target of the Rust toolchain.
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "wasm32-unknown-unknown target: present"
else
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1b. For the smallest module: the nightly toolchain's std source, so `make web` can rebuild std
#     with panic=immediate-abort (≈ 23 KB gzip less). Optional: without it `make web` builds on
#     stable and only warns about the size budget.
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  if rustup component list --installed --toolchain nightly 2>/dev/null | grep -q '^rust-src'; then
    step "nightly rust-src: present"
  else
    step "adding rust-src to the nightly toolchain"
    rustup component add rust-src --toolchain nightly || step "rust-src unavailable; the wasm build will use stable"
  fi
  rustup target list --installed --toolchain nightly 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown --toolchain nightly || true
fi

# 2. wasm-bindgen CLI at exactly the version of the wasm-bindgen crate in Cargo.lock
#    (the two must match; `--locked` fails on these machines, see shared/toolchain.md).
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  echo "setup: cannot find the wasm-bindgen version in Cargo.lock" >&2; exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$want" ]; then
  step "wasm-bindgen-cli $want: present"
else
  step "installing wasm-bindgen-cli $want (was: ${have:-none}; takes ~4 min once)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# 3. Chromium for the browser tests (Debian's package; Playwright never downloads one).
if [ -x /usr/bin/chromium ]; then
  step "chromium: present"
else
  step "installing chromium from Debian"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
fi

# 4. npm packages: playwright-core, axe-core, binaryen (wasm-opt), esbuild (minifies the page's
#    JS and CSS), @gfx/zopfli (the .gz copies of `make web`), ajv (validates outputs against
#    schema/), typescript (type-checks the package's types). Never Debian's binaryen.
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ ! package-lock.json -nt "$stamp" ] && [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/esbuild ]; then
  step "node_modules: up to date"
elif [ -f package-lock.json ]; then
  step "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
else
  step "npm install (no lock file yet)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund
fi
step "done"
