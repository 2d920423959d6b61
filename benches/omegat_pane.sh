#!/usr/bin/env bash
# OmegaT glossary pane per segment of the bundled French releases, for the concept-oriented TBX v2
# export and the OmegaT-shaped one (see omegat_pane.py). Needs the conformance checkers
# (../shared/tools/conformance, OmegaT 3.6).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
T=target/release/trame
G=${GLOSSARY:-glossaries/iom-fr-en.csv}
CHECK=${CONFORMANCE:-../shared/tools/conformance}/check-omegat-tbx
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$T segment --format jsonl fixtures/releases/fr/*.txt > "$tmp/segments.jsonl"
for to in tbx2 omegat; do
  $T glossary export "$G" --to $to -o "$tmp/$to.tbx"
  "$CHECK" "$tmp/$to.tbx" --all > "$tmp/$to.txt"
done
python3 benches/omegat_pane.py "$G" "$tmp/segments.jsonl" \
  "tbx2=$tmp/tbx2.tbx:$tmp/tbx2.txt" "omegat=$tmp/omegat.tbx:$tmp/omegat.txt"
