#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a bounded time (default 60 s each).
# Needs a nightly toolchain and cargo-fuzz: `rustup toolchain install nightly`,
# `cargo install cargo-fuzz`. Not part of CI. Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(tmx_reader tbx_reader glossary_csv srx)
fi
mkdir -p fuzz/corpus
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  case "$t" in
    tmx_reader) cp -n tests/bad_input/*.tmx "fuzz/corpus/$t/" 2>/dev/null || true ;;
    tbx_reader) cp -n tests/bad_input/*.tbx fixtures/audit/*.tbx "fuzz/corpus/$t/" 2>/dev/null || true ;;
    glossary_csv) cp -n tests/bad_input/*.csv tests/bad_input/*.tsv "fuzz/corpus/$t/" 2>/dev/null || true ;;
    srx) cp -n tests/bad_input/*.srx src/segment/rules/*.srx "fuzz/corpus/$t/" 2>/dev/null || true ;;
  esac
  echo "== $t: ${secs}s"
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10
done
