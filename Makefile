# Netral's vocabulary. Every target works on a fresh machine from a clean clone:
# the ones that need tools run scripts/setup.sh first (idempotent, seconds when warm).
#
#   make serve   build the page and serve it on http://127.0.0.1:8080/   (the main command;
#                scripts/serve.mjs: compressed as a host would send it)
#   make web     build the WebAssembly module into www/pkg/
#   make test    cargo tests, the page's tests in headless Chromium, then `make lint`
#   make lint    rustfmt --check, clippy -D warnings (native and wasm), eslint
#   make check   check the built-in rulebook (diagnostics, examples)
#   make bench   native benchmarks, the browser benchmarks (classify, the page on a slow connection,
#                editing rules), then Netral beside its peers (bench/results.md)
#   make size-parts  where each module's bytes go (code per part of Netral, data), after make web
#   make schema  rewrite schema/*.json (the contract as JSON Schema) from the Rust types
#   make dist    the npm package of the browser files, as a tarball in dist/ (docs/embedding.md)

.PHONY: all setup web module serve test test-rust test-browser lint check bench size size-parts schema dist clean

CARGO      ?= cargo
PORT       ?= 8080
WASM_TARGET = wasm32-unknown-unknown
WASM_RAW    = target/$(WASM_TARGET)/wasm/netral.wasm
PKG         = www/pkg
PKG_EDITOR  = www/pkg-editor
WASM_OPT    = node_modules/.bin/wasm-opt
ESBUILD     = node_modules/.bin/esbuild
# The compiled built-in rulebook, embedded in the module so that it starts without compiling
# its rules (src/snapshot.rs).
SNAPSHOT    = $(CURDIR)/target/netral.snapshot

all: web

setup:
	@bash scripts/setup.sh

# The module: cargo (profile `wasm`: opt-level z, panic abort; no `cli` feature), then the
# wasm-bindgen CLI (same version as the crate), then wasm-opt from npm's binaryen.
# With the nightly toolchain's std source, std is rebuilt with panic=immediate-abort: no panic
# messages in the module (the pipeline must not panic; the JS wrapper re-instantiates after a
# trap) and about 23 KB gzip less. Without it, stable builds a larger module and the budget
# check only warns.
# Also on nightly: std's `optimize_for_size` (smaller sort, formatting and string code: about
# 14 KB gzip less), no Debug formatting and no source locations in the module (nothing it shows a
# user is written with Debug, and with immediate-abort no panic message is ever formatted:
# about 4 KB gzip less).
NIGHTLY_RUSTFLAGS = -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none --cfg netral_speed
NIGHTLY_STD := $(shell rustup component list --installed --toolchain nightly 2>/dev/null | grep -q '^rust-src' && echo yes)

# Two modules from one crate: www/pkg/ classifies (no `editor` feature: no parser, no checker;
# the built-in rulebook from its snapshot), www/pkg-editor/ also parses, checks and compiles rule
# files and is loaded only when the rules are edited (www/netral.js).
web: setup
	$(CARGO) run --quiet --bin netral -- snapshot --out $(SNAPSHOT)
	@$(MAKE) --no-print-directory module FEATURES= OUT=$(PKG)
	@$(MAKE) --no-print-directory module FEATURES=editor OUT=$(PKG_EDITOR)
	# The page loads its script (app.js, the modules it imports, netral.js) as one minified
	# bundle, and minified CSS and glue: a third fewer bytes and one request fewer. netral.js
	# stays as written for embedders and <netral-check>.
	$(ESBUILD) www/app.js --bundle --minify --format=esm --log-level=warning --outfile=www/app.min.js
	$(ESBUILD) www/style.css --minify --log-level=warning --outfile=www/style.min.css
	# The Latihan tab's module, styles and case data, loaded with that tab only (www/training.js):
	# the cases of tests/cases/dev.jsonl and the rules' examples, tagged (examples/training_data.rs).
	$(ESBUILD) www/training.js --bundle --minify --format=esm --log-level=warning --outfile=www/training.min.js
	$(ESBUILD) www/training.css --minify --log-level=warning --outfile=www/training.min.css
	$(CARGO) run --quiet --example training_data -- tests/cases/dev.jsonl www/training/cases.json
	# Every text file and the wasm also as .gz and .br beside it (gitignored), for hosts that serve
	# precompressed files (scripts/serve.mjs, nginx gzip_static/brotli_static).
	node scripts/compress.mjs www
	@NETRAL_SIZE_SOFT=$(if $(NIGHTLY_STD),,1) bash scripts/size.sh

# One module (FEATURES, into OUT): cargo (profile `wasm`), the wasm-bindgen CLI, wasm-opt.
module:
ifeq ($(NIGHTLY_STD),yes)
	NETRAL_SNAPSHOT=$(SNAPSHOT) RUSTFLAGS="$(NIGHTLY_RUSTFLAGS)" $(CARGO) +nightly build -Z build-std=std,panic_abort \
	  -Z build-std-features=optimize_for_size \
	  --profile wasm --target $(WASM_TARGET) --lib --no-default-features --features "$(FEATURES)" --target-dir target/nightly
	mkdir -p $(dir $(WASM_RAW)) && cp target/nightly/$(WASM_TARGET)/wasm/netral.wasm $(WASM_RAW)
else
	NETRAL_SNAPSHOT=$(SNAPSHOT) $(CARGO) build --profile wasm --target $(WASM_TARGET) --lib --no-default-features --features "$(FEATURES)"
endif
	# Kept per module for `make size-parts` (netral-pkg.wasm, netral-pkg-editor.wasm).
	cp $(WASM_RAW) $(basename $(WASM_RAW))-$(notdir $(OUT)).wasm
	rm -rf $(OUT)
	wasm-bindgen --target web --remove-name-section --remove-producers-section \
	  --experimental-reset-state-function --out-dir $(OUT) $(WASM_RAW)
	# --low-memory-unused: the stack lies below the data (stack-first layout) and never reaches
	# its lowest kilobyte, so constant offsets fold into loads and stores (~2 KB gzip less).
	# --flatten --rereloop: the control flow rebuilt before -Oz comes out smaller (~1 KB gzip;
	# no change in speed measured).
	$(WASM_OPT) --low-memory-unused --flatten --rereloop -Oz -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
	  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
	  $(OUT)/netral_bg.wasm -o $(OUT)/netral_bg.wasm
	$(ESBUILD) $(OUT)/netral.js --minify --format=esm --log-level=warning --allow-overwrite --outfile=$(OUT)/netral.js

# scripts/serve.mjs: www/ only, on 127.0.0.1, precompressed (brotli, gzip) as a host would send it.
serve: web
	@echo
	node scripts/serve.mjs --port $(PORT) --root www

# Every suite runs even when one before it fails (CI sees every result); the exit status is a
# failure when any failed.
test: setup
	@rc=0; $(MAKE) --no-print-directory test-rust || rc=1; \
	  $(MAKE) --no-print-directory test-browser || rc=1; \
	  $(MAKE) --no-print-directory lint || rc=1; exit $$rc

# Formatting, lints and the JavaScript check: the code stays as the next engineer expects it.
lint: setup
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets --features peers -- -D warnings
	$(CARGO) clippy --target $(WASM_TARGET) --lib --no-default-features -- -D warnings
	$(CARGO) clippy --target $(WASM_TARGET) --lib --no-default-features --features editor -- -D warnings
	node_modules/.bin/eslint .

test-rust:
	$(CARGO) test --no-fail-fast

test-browser: web
	node --test --test-concurrency=1 tests/browser/

check:
	$(CARGO) run --quiet --bin netral -- check

# The contract as JSON Schema, generated from the Rust types (schemars, native only); commit the
# result: tests/schema.rs fails while the committed files differ from the generated ones.
schema:
	$(CARGO) run --quiet --bin netral -- schema --out schema

# The npm package of the browser files: dist/netral-VERSION.tgz (npm pack; nothing is published).
# tests/browser/package.test.mjs packs its own into a temporary folder and installs it.
dist: web
	@bash scripts/dist.sh dist

bench: web
	$(CARGO) bench
	node bench/browser.mjs
	node bench/throttled.mjs
	node bench/editing.mjs
	@[ -d bench/node_modules/json-rules-engine ] || npm install --prefix bench --no-audit --no-fund
	$(CARGO) run --quiet --release --features peers --example export_peers
	node bench/peers.mjs

size:
	@bash scripts/size.sh

# Where each module's bytes go: code per part of Netral, and data (after `make web`).
size-parts:
	@python3 scripts/wasm_parts.py

clean:
	rm -rf $(PKG) $(PKG_EDITOR) test-results dist
	find www \( -name '*.gz' -o -name '*.br' \) -delete
