#!/usr/bin/env bash
# `trame terms` end to end on dense release text with a large synthetic glossary: builds the
# text (the bundled releases repeated, ~12,000 matches/MB) and the glossary (the test glossary
# plus generated concepts), prints the library's MB/s on all threads and on one
# (examples/terms_e2e.rs), then times the command itself (wall, CPU, peak RSS) and checks that
# its output on all threads equals its output on one (RAYON_NUM_THREADS=1).
#
# Usage: benches/terms_e2e.sh [MB] [CONCEPTS]     (default 48 MB, 10,000 concepts)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-48}
N=${2:-10000}
cargo build --release -q --bin trame --example terms_e2e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
./target/release/examples/terms_e2e "$dir" "$MB" "$N"
for threads in "" 1; do
  label=${threads:-all}
  RAYON_NUM_THREADS=${threads:-0} /usr/bin/time -f "%e %U %S %M" -o "$dir/time" \
    ./target/release/trame terms -g "$dir/glossary.csv" "$dir/text.txt" > "$dir/out-$label.jsonl"
  read -r wall user sys rss < "$dir/time"
  python3 -c "import sys; mb=float(sys.argv[1]); w,u,s=map(float,sys.argv[2:5]); print(f'cli ({sys.argv[6]} threads): {mb/w:.1f} MB/s wall ({w:.2f} s), {mb/(u+s):.1f} MB per CPU-second, peak RSS {int(sys.argv[5])//1024} MB')" \
    "$(stat -c %s "$dir/text.txt" | awk '{print $1/1e6}')" "$wall" "$user" "$sys" "$rss" "$label"
done
cmp "$dir/out-all.jsonl" "$dir/out-1.jsonl" && echo "output identical on all threads and on one"
