#!/usr/bin/env bash
# Runs each fuzz target for a bounded time (default 30 s) with libFuzzer on the nightly toolchain.
# Any crash found is saved under fuzz/artifacts/ and must become a regression test in tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
if ! rustup toolchain list | grep -q nightly; then
  echo "fuzz: no nightly toolchain on this machine; skipped (property tests cover the same entry points)"
  exit 0
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/compile fuzz/corpus/classify fuzz/corpus/patterns
cp rules/*.rules tests/fixtures/*.rules fuzz/corpus/compile/ 2>/dev/null || true
# -timeout: an input that takes longer (a blow-up) is a failure, like a crash. `patterns` also
# fails any check slower than its own limit (see fuzz/fuzz_targets/patterns.rs).
for target in compile classify patterns; do
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=65536 -timeout=10
done
