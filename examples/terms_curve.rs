//! Prints the terminology matcher's speed curve: automaton build time per glossary size and
//! single-thread throughput (MB/s) per text size × glossary size, as a Markdown table.
//!
//! Run: `cargo run --release --example terms_curve` (or `benches/terms_curve.sh`).
//! `TRAME_BENCH_MB=5,20,50` picks the text sizes, `TRAME_BENCH_CONCEPTS=100,1000,10000` the
//! glossary sizes, `TRAME_BENCH_REPS=3` the runs per cell (the best one is kept);
//! `TRAME_BENCH_PARTS=1` prints the cost of each stage instead. Times are the thread's CPU time
//! (on Linux), one thread.

use std::time::Instant;
use trame::terms::{MatchOptions, Matcher};

include!("../benches/support/terms_gen.rs");

/// CPU time of this thread so far, in seconds (Linux `/proc/thread-self/schedstat`), so that
/// the figures are not skewed by other processes on a busy machine; `None` elsewhere.
fn cpu_time() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Seconds taken by `f`: thread CPU time where available, else wall-clock time.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let (c, t) = (cpu_time(), Instant::now());
    let out = f();
    let secs = match (c, cpu_time()) {
        (Some(a), Some(b)) => b - a,
        _ => t.elapsed().as_secs_f64(),
    };
    (out, secs)
}

fn list(var: &str, default: &[usize]) -> Vec<usize> {
    match std::env::var(var) {
        Ok(v) => v.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) => default.to_vec(),
    }
}

fn main() {
    if std::env::var_os("TRAME_BENCH_PARTS").is_some() {
        parts();
        return;
    }
    let sizes = list("TRAME_BENCH_MB", &[5, 20, 50]);
    let concepts = list("TRAME_BENCH_CONCEPTS", &[100, 1_000, 10_000]);
    let reps = list("TRAME_BENCH_REPS", &[3])
        .first()
        .copied()
        .unwrap_or(3)
        .max(1);
    let mut matchers = Vec::new();
    println!("| concepts | patterns | build (ms) |");
    println!("|---:|---:|---:|");
    for &n in &concepts {
        let g = glossary(n);
        let (m, secs) = timed(|| Matcher::new(&g).unwrap());
        let ms = secs * 1e3;
        println!("| {n} | {} | {ms:.0} |", m.pattern_count());
        matchers.push((n, m));
    }
    println!();
    print!("| text (MB) |");
    for &n in &concepts {
        print!(" {n} concepts (MB/s) |");
    }
    println!();
    print!("|---:|");
    for _ in &concepts {
        print!("---:|");
    }
    println!();
    for &mb in &sizes {
        let text = text_of(mb);
        print!("| {mb} |");
        for (_, m) in &matchers {
            let mut best = f64::INFINITY;
            for _ in 0..reps {
                let (_, secs) = timed(|| m.find(&text).len());
                best = best.min(secs);
            }
            print!(" {:.0} |", text.len() as f64 / 1e6 / best);
        }
        println!();
    }
    // Parallel matching (wall-clock, all cores) for the largest glossary and text.
    if let (Some(&mb), Some((n, m))) = (sizes.last(), matchers.last()) {
        let text = text_of(mb);
        let mut best = f64::INFINITY;
        for _ in 0..reps {
            let t = Instant::now();
            let _ = m.find_parallel(&text).len();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!();
        println!(
            "find_parallel, {n} concepts, {mb} MB, {} threads: {:.0} MB/s (wall-clock)",
            rayon::current_num_threads(),
            text.len() as f64 / 1e6 / best
        );
    }
}

/// Cost of each stage: the largest glossary over the first text size, options off in turn.
fn parts() {
    let mb = list("TRAME_BENCH_MB", &[20])[0];
    let n = *list("TRAME_BENCH_CONCEPTS", &[10_000])
        .last()
        .unwrap_or(&10_000);
    let text = text_of(mb);
    let g = glossary(n);
    let variants = stage_options();
    println!("| {n} concepts, {mb} MB | occurrences | MB/s |");
    println!("|---|---:|---:|");
    for (name, opts) in variants {
        let m = Matcher::try_new(&g, opts).expect("matcher");
        let (found, s) = timed(|| m.find(&text).len());
        println!("| {name} | {found} | {:.0} |", text.len() as f64 / 1e6 / s);
    }
}
