#!/bin/sh
# Prints the terminology matcher's speed curve as Markdown tables for the README: matcher build
# time per glossary size, then MB/s (one thread, thread CPU time) per text size x glossary size,
# on the synthetic glossaries and texts of benches/support/terms_gen.rs.
#
# Usage: benches/terms_curve.sh            (5/20/50 MB x 100/1,000/10,000 concepts)
#        TRAME_BENCH_MB=5 benches/terms_curve.sh
#        TRAME_BENCH_PARTS=1 benches/terms_curve.sh   (cost of each stage, 10,000 concepts)
set -eu
cd "$(dirname "$0")/.."
cargo build --quiet --release --example terms_curve
exec ./target/release/examples/terms_curve
