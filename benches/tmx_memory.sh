#!/usr/bin/env bash
# Peak resident memory of trame writing and reading back a 1,000,000-unit TMX, streaming.
#
# Usage: benches/tmx_memory.sh [UNITS]   (default 1000000; needs /usr/bin/time, a release build)
# Prints the peak RSS (kB) of: tmx from-tsv (write), tmx convert --to tsv (streaming read),
# tmx stats (streaming read + 64-bit hash tables for duplicate counts).
set -euo pipefail
cd "$(dirname "$0")/.."
units="${1:-1000000}"
cargo build --release --quiet
bin=target/release/trame
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Distinct sentence pairs of realistic length (~90 characters per side).
awk -v n="$units" 'BEGIN {
  for (i = 1; i <= n; i++)
    printf "Phrase %d : l’Organisation internationale pour les migrations (OIM) & ses partenaires.\tSentence %d: the International Organization for Migration (IOM) & its partners.\n", i, i
}' > "$work/big.tsv"

peak() { # command… → prints "max RSS kB" and elapsed time
  /usr/bin/time -v "$@" 2> "$work/time.txt" > /dev/null
  awk -F': ' '/Maximum resident set size/ {rss=$2} /Elapsed \(wall clock\)/ {t=$2} END {printf "%8d kB peak RSS, %s elapsed", rss, t}' "$work/time.txt"
}

echo "units: $units; TSV $(du -h "$work/big.tsv" | cut -f1)"
echo "write  (tmx from-tsv):        $(peak "$bin" tmx from-tsv "$work/big.tsv" -o "$work/big.tmx")"
echo "TMX size: $(du -h "$work/big.tmx" | cut -f1)"
echo "read   (tmx convert --to tsv): $(peak "$bin" tmx convert "$work/big.tmx" --to tsv)"
echo "stats  (tmx stats):           $(peak "$bin" tmx stats "$work/big.tmx")"
