#!/usr/bin/env bash
# Record mode under GNU parallel vs one process (README "Python"). Usage: benches/python_bench.sh [N_DOCS]
# Needs a release build (cargo build --release), the Python package (for the document generator)
# in $PYTHON (default: python3), and GNU parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
PYTHON=${PYTHON:-python3}
T=target/release/trame
REC=$(mktemp --suffix=.jsonl)
trap 'rm -f "$REC" "$REC".*' EXIT
"$PYTHON" benches/python_bench.py records "$REC" "$N"
echo "$N records, $(du -h "$REC" | cut -f1)"
best() { # label, command...: best wall time of 3
  local label=$1; shift; local b=
  for _ in 1 2 3; do
    local s=$(date +%s.%N); "$@" > "$REC.out"; local e=$(date +%s.%N)
    local t=$(echo "$e - $s" | bc); if [ -z "$b" ] || (( $(echo "$t < $b" | bc) )); then b=$t; fi
  done
  printf '%-52s %8.0f docs/s  (%.2f s)\n' "$label" "$(echo "$N / $b" | bc -l)" "$b"
}
best "trame segment --input-format jsonl (one process)" \
  sh -c "$T segment --input-format jsonl --format jsonl - < $REC"
best "parallel --pipe --block 3M -N 2000 -j 2 -k (record mode)" \
  sh -c "parallel --pipe --block 3M -N 2000 -j 2 -k $T segment --input-format jsonl --format jsonl - < $REC"
best "trame terms --input-format jsonl (one process)" \
  sh -c "$T terms -g glossaries/iom-fr-en.csv --input-format jsonl $REC"
best "parallel --pipe --block 3M -N 2000 -j 2 -k terms" \
  sh -c "parallel --pipe --block 3M -N 2000 -j 2 -k $T terms -g glossaries/iom-fr-en.csv --input-format jsonl < $REC"
