#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a bounded time (default 60 s each).
# Needs a nightly toolchain (`rustup toolchain install nightly`) and a C++ compiler; uses
# `cargo fuzz` when installed, else builds with the same coverage flags itself. Not part of CI.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(tmx_reader tbx_reader glossary_csv srx)
fi
mkdir -p fuzz/corpus
# An explicit --target keeps the coverage flags off build scripts and proc macros.
host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  case "$t" in
    tmx_reader) cp -n tests/bad_input/*.tmx "fuzz/corpus/$t/" 2>/dev/null || true ;;
    tbx_reader) cp -n tests/bad_input/*.tbx fixtures/audit/*.tbx "fuzz/corpus/$t/" 2>/dev/null || true ;;
    glossary_csv) cp -n tests/bad_input/*.csv tests/bad_input/*.tsv "fuzz/corpus/$t/" 2>/dev/null || true ;;
    srx) cp -n tests/bad_input/*.srx src/segment/rules/*.srx "fuzz/corpus/$t/" 2>/dev/null || true ;;
  esac
  echo "== $t: ${secs}s"
  mkdir -p "fuzz/artifacts/$t"
  opts=(-max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -artifact_prefix="fuzz/artifacts/$t/")
  if cargo fuzz --version >/dev/null 2>&1; then
    cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- "${opts[@]}"
  else
    RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks" \
      cargo +nightly build --release --manifest-path fuzz/Cargo.toml --target-dir fuzz/target \
      --target "$host" --bin "$t"
    "fuzz/target/$host/release/$t" "fuzz/corpus/$t" "${opts[@]}"
  fi
done
