//! End-to-end speed of `trame terms` on dense release text with a large glossary: writes the
//! text and the glossary, then times the library the way the command runs it (streamed input,
//! cleaning, matching, line/column, JSON Lines), on rayon's pool and on one thread.
//!
//! Run: `benches/terms_e2e.sh` (which also times the command itself), or
//! `cargo run --release --example terms_e2e -- DIR [MB] [CONCEPTS]`.

use std::time::Instant;
use trame::terms::{self, Format, MatchOptions, Matcher};

include!("../benches/support/terms_gen.rs");

fn run_library(matcher: &Matcher, g: &Glossary, path: &str) -> (usize, f64) {
    let start = Instant::now();
    let mut inputs = vec![trame::stream::open(
        path,
        None,
        trame::stream::STREAM_THRESHOLD,
        trame::stream::CHUNK_SIZE,
    )
    .expect("open")];
    let mut out = Vec::new();
    terms::stream::write_inputs(
        matcher,
        g,
        &mut inputs,
        true,
        Format::Jsonl,
        false,
        &mut out,
    )
    .expect("terms");
    (out.len(), start.elapsed().as_secs_f64())
}

#[allow(dead_code)]
fn unused() -> usize {
    stage_options().len()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::path::PathBuf::from(args.first().map_or("target/terms-e2e", |s| s.as_str()));
    let mb: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(48);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    std::fs::create_dir_all(&dir).expect("dir");
    let text = text_of(mb);
    let text_path = dir.join("text.txt");
    std::fs::write(&text_path, &text).expect("text");
    let g = glossary(n);
    let mut csv = Vec::new();
    trame::glossary::csv::write_csv(&g, &mut csv).expect("csv");
    std::fs::write(dir.join("glossary.csv"), csv).expect("glossary");
    let matcher = Matcher::new(&g).expect("matcher");
    let path = text_path.to_str().expect("utf-8 path");
    let size = text.len() as f64 / 1e6;
    let (bytes_par, secs_par) = run_library(&matcher, &g, path);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let (bytes_one, secs_one) = pool.install(|| run_library(&matcher, &g, path));
    assert_eq!(
        bytes_par, bytes_one,
        "output differs between 1 and N threads"
    );
    let matches = matcher.find_parallel(&text).len();
    println!(
        "text {size:.1} MB, {} concepts, {:.0} matches/MB, {:.1} MB of JSON Lines",
        g.concepts.len(),
        matches as f64 / size,
        bytes_par as f64 / 1e6
    );
    println!(
        "library (stream::write_inputs, jsonl): {:.1} MB/s on {} threads, {:.1} MB/s on 1",
        size / secs_par,
        rayon::current_num_threads(),
        size / secs_one
    );
}
