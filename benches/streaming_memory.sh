#!/usr/bin/env bash
# Peak resident memory and wall time of trame on a large input (issue 8, "streaming"):
# segment and terms on a ~1 GB French text, and a merge of two TMX files of 1,000,000 units.
#
# Usage: benches/streaming_memory.sh [SIZE_MB] [UNITS]   (defaults 1024 and 1000000)
# Needs /usr/bin/time (GNU time) and ~6 GB free under $TMPDIR (default /tmp); builds release.
# The generated files are deleted on exit. Inputs over 32 MB are streamed in 8 MB chunks
# (trame::stream); the target is a peak RSS under 200 MB for every command.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-1024}"
units="${2:-1000000}"
cargo build --release --quiet
bin="$PWD/target/release/trame"
work="$(mktemp -d "${TMPDIR:-/tmp}/trame-streaming.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The French text: the five fixture releases, a blank line after each, repeated.
for f in fixtures/releases/fr/*.txt; do cat "$f"; printf '\n\n'; done > "$work/base.txt"
for _ in $(seq 40); do cat "$work/base.txt"; done > "$work/block.txt"
block=$(stat -c %s "$work/block.txt")
reps=$(( (size_mb * 1024 * 1024 + block - 1) / block ))
for _ in $(seq "$reps"); do cat "$work/block.txt"; done > "$work/big.txt"
rm "$work/base.txt" "$work/block.txt"

# Two TMX files of UNITS units each, overlapping by half (the merge drops UNITS/2 duplicates).
tsv() { # first last
  awk -v a="$1" -v b="$2" 'BEGIN {
    for (i = a; i <= b; i++)
      printf "Phrase %d : l’Organisation internationale pour les migrations (OIM) & ses partenaires.\tSentence %d: the International Organization for Migration (IOM) & its partners.\n", i, i
  }'
}
tsv 1 "$units" > "$work/a.tsv"
tsv $(( units / 2 + 1 )) $(( units + units / 2 )) > "$work/b.tsv"
"$bin" tmx from-tsv "$work/a.tsv" -o "$work/a.tmx"
"$bin" tmx from-tsv "$work/b.tsv" -o "$work/b.tmx"
rm "$work/a.tsv" "$work/b.tsv"

measure() { # label command… : runs it under GNU time, prints a table row
  local label="$1"
  shift
  if ! /usr/bin/time -v "$@" 2> "$work/time.txt" > /dev/null; then
    echo "FAILED: $label" >&2
    cat "$work/time.txt" >&2
    exit 1
  fi
  awk -F': ' -v label="$label" '
    /Maximum resident set size/ {rss = $2}
    /Elapsed \(wall clock\)/ {t = $2}
    END {printf "| %-62s | %10.1f | %9s |\n", label, rss / 1024, t}' "$work/time.txt"
  rm -f "$work/out"
}

echo "text: $(du -h "$work/big.txt" | cut -f1) ($(wc -l < "$work/big.txt") lines); TMX: 2 x $units units, $(du -h "$work/a.tmx" | cut -f1) each"
echo "| command                                                        | peak RSS MB | wall time |"
echo "|----------------------------------------------------------------|------------:|----------:|"
measure "trame segment --format jsonl big.txt -o out" "$bin" segment --format jsonl "$work/big.txt" -o "$work/out"
measure "trame segment big.txt > /dev/null" "$bin" segment "$work/big.txt"
measure "trame terms -g glossaries/iom-fr-en.csv big.txt -o out" "$bin" terms -g glossaries/iom-fr-en.csv "$work/big.txt" -o "$work/out"
measure "trame tmx merge a.tmx b.tmx -o out ($units + $units units)" "$bin" tmx merge "$work/a.tmx" "$work/b.tmx" -o "$work/out"
