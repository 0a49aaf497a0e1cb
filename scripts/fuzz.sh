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
mkdir -p fuzz/corpus/compile fuzz/corpus/classify
cp rules/*.rules tests/fixtures/*.rules fuzz/corpus/compile/ 2>/dev/null || true
for target in compile classify; do
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=65536
done
