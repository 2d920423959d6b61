#!/usr/bin/env bash
# Speed and memory of `trame align` on a ~24,000-sentence pair (the five TransRead novels of
# ../shared/reference/alignment/transread-en-fr concatenated ten times; CC BY-SA 4.0, Xu & Yvon,
# LREC 2016), and of hunalign (null dictionary) on the same input when HUNALIGN points to its
# binary (build it with benches/build_hunalign.sh, outside the repository; never committed).
# Both run in the same invocation, one after the other, so the ratio is paired under the same load.
#
# Usage: HUNALIGN=$(benches/build_hunalign.sh) benches/compare_aligners.sh [REPEAT]   (REPEAT: 10)
set -euo pipefail
cd "$(dirname "$0")/.."
REF=../shared/reference/alignment/transread-en-fr
REPEAT=${1:-10}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for _ in $(seq "$REPEAT"); do
  for b in AlicesAdventuresInWonderland Emma JaneEyre LesConfessions VingtMilleLieuesSousLesMers; do
    grep -v '^[[:space:]]*$' "$REF/$b.fr" >> "$WORK/big.fr"
    grep -v '^[[:space:]]*$' "$REF/$b.en" >> "$WORK/big.en"
  done
done
echo "input: $(wc -l < "$WORK/big.fr") French and $(wc -l < "$WORK/big.en") English sentences"
cargo build --release --quiet
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" > "$WORK/$name.out" 2> "$WORK/$name.time" || { cat "$WORK/$name.time"; return 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$WORK/$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$WORK/$name.time" | awk '{print $NF}')
  local user
  user=$(grep 'User time' "$WORK/$name.time" | awk '{print $NF}')
  printf '%-10s wall %s  user %s s  max RSS %d MB\n' "$name" "$wall" "$user" $((rss / 1024))
  echo "$wall" | awk -F: '{s=0; for (i=1;i<=NF;i++) s=s*60+$i; print s}' > "$WORK/$name.secs"
}
measure trame ./target/release/trame align --presegmented "$WORK/big.fr" "$WORK/big.en" -f links
if [ -n "${HUNALIGN:-}" ] && [ -x "$HUNALIGN" ]; then
  : > "$WORK/null.dic"
  measure hunalign "$HUNALIGN" -utf "$WORK/null.dic" "$WORK/big.fr" "$WORK/big.en"
  awk -v t="$(cat "$WORK/trame.secs")" -v h="$(cat "$WORK/hunalign.secs")" \
    'BEGIN { printf "trame is %.1fx faster than hunalign (wall clock)\n", h / t }'
else
  echo "hunalign: set HUNALIGN=/path/to/hunalign to compare"
fi
