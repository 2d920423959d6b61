#!/usr/bin/env bash
# Accuracy of `trame align`: strict and lax P/R/F1 per document and pooled, on
#  - the five TransRead novels in ../shared/reference/alignment/transread-en-fr (fyvo/TransReadAlignments,
#    CC BY-SA 4.0, Xu & Yvon, LREC 2016): library defaults, then leave-one-book-out (length model and
#    bead priors estimated on the four other books' gold), then Model 1 trained on all five together;
#  - the release fixtures (fixtures/alignments/*.{fr,en}.txt presegmented copies + *.gold).
# Usage: benches/align_eval.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REF=../shared/reference/alignment/transread-en-fr
cargo build --release --quiet --example align_eval
EVAL=./target/release/examples/align_eval
echo "== TransRead, library defaults (each book aligned alone)"
$EVAL "$REF"
echo "== TransRead, leave-one-book-out calibration"
$EVAL --lobo "$REF"
echo "== TransRead, Model 1 trained on the five books together (collection mode)"
$EVAL --pooled-model "$REF"
echo "== Release fixtures (presegmented copies)"
FX=()
for g in fixtures/alignments/*.gold; do
  n=${g%.gold}
  FX+=("$n.fr.txt:$n.en.txt:$g")
done
$EVAL "${FX[@]}"
