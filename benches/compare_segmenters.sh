#!/usr/bin/env bash
# Runs trame's segmenter and its peers on the same >= 5 MB French text and prints throughput
# (MB/s) and how many times faster trame is than each.
#
# Peers (installed on first run, nothing is committed):
#   sentencex, pySBD, sentence-splitter: pip, into a venv under target/bench/venv;
#   the Rust `srx` crate 0.1.4 with LanguageTool's rules: a tiny crate built under target/bench/srx-peer
#   (set SKIP_SRX=1 to leave it out).
# Usage: benches/compare_segmenters.sh   (from anywhere; needs python3 and network for the first run)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK="$ROOT/target/bench"
SRX_FILE="$ROOT/../shared/reference/segmentation/languagetool_segment.srx"
mkdir -p "$WORK"
cd "$ROOT"

python3 benches/compare_segmenters.py corpus fixtures/releases/fr "$WORK/corpus_fr.txt" 5000000

cargo build --release --quiet --bin trame

if [ ! -x "$WORK/venv/bin/python" ]; then
    python3 -m venv "$WORK/venv"
fi
"$WORK/venv/bin/pip" install --quiet sentencex pysbd sentence-splitter

PEER=""
if [ "${SKIP_SRX:-0}" != 1 ] && [ -f "$SRX_FILE" ]; then
    mkdir -p "$WORK/srx-peer/src"
    cat > "$WORK/srx-peer/Cargo.toml" <<'TOML'
[package]
name = "srx-peer"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
srx = { version = "=0.1.4", features = ["from_xml"] }

[profile.release]
lto = "thin"
TOML
    cat > "$WORK/srx-peer/src/main.rs" <<'RUST'
// Times the `srx` crate on a text, line by line. Prints: seconds segments.
use std::str::FromStr;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let srx = srx::SRX::from_str(&std::fs::read_to_string(&args[1]).unwrap()).unwrap();
    let rules = srx.language_rules("fr");
    let text = std::fs::read_to_string(&args[2]).unwrap();
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for line in text.lines() {
        n += rules.split(line).filter(|s| !s.trim().is_empty()).count();
    }
    println!("{} {}", t.elapsed().as_secs_f64(), n);
}
RUST
    (cd "$WORK/srx-peer" && cargo build --release --quiet) && PEER="$WORK/srx-peer/target/release/srx-peer"
fi

"$WORK/venv/bin/python" benches/compare_segmenters.py run "$WORK/corpus_fr.txt" \
    "$ROOT/target/release/trame" "$SRX_FILE" ${PEER:+"$PEER"}
