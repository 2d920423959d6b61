//! Terminology matcher speed: matcher build time and matching throughput (bytes per second,
//! one thread), for synthetic glossaries of 100, 1,000 and 10,000 concepts over 5, 20 and 50 MB
//! of French text (the five fixture releases repeated): the curve of time against text size
//! (linear) and glossary size (nearly flat).
//!
//! Run: `cargo bench --bench terms` (set `TRAME_BENCH_QUICK=1` to run only the 10,000-concept
//! glossary over 50 MB; `TRAME_BENCH_MB=5,20` picks the text sizes). For a quick table for the
//! README, `benches/terms_curve.sh` (the `terms_curve` example).
//!
//! The synthetic concepts are 1-4 word phrases drawn from the fixtures' own vocabulary, so the
//! automaton meets many partial matches (the realistic, slow case), plus the small test
//! glossary of real terms so that the text has real occurrences too.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;
use trame::terms::{MatchOptions, Matcher};

include!("support/terms_gen.rs");

fn bench_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("terms_build");
    group.sample_size(10);
    for n in [100, 1_000, 10_000] {
        let g = glossary(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &g, |b, g| {
            b.iter(|| Matcher::new(g).unwrap())
        });
    }
    group.finish();
}

fn bench_find(c: &mut Criterion) {
    let quick = std::env::var_os("TRAME_BENCH_QUICK").is_some();
    let mut group = c.benchmark_group("terms_find");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    let sizes: Vec<usize> = match std::env::var("TRAME_BENCH_MB") {
        Ok(v) => v.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) if quick => vec![50],
        Err(_) => vec![5, 20, 50],
    };
    let concepts: &[usize] = if quick {
        &[10_000]
    } else {
        &[100, 1_000, 10_000]
    };
    for &mb in &sizes {
        let text = text_of(mb);
        group.throughput(Throughput::Bytes(text.len() as u64));
        for &n in concepts {
            let matcher = Matcher::new(&glossary(n)).unwrap();
            group.bench_with_input(
                BenchmarkId::new(format!("{n}_concepts"), format!("{mb}MB")),
                &text,
                |b, text| b.iter(|| matcher.find(text).len()),
            );
        }
    }
    group.finish();
}

/// Cost of each stage: the 10,000-concept glossary over 5 MB with options switched off in turn
/// (see `stage_options`).
fn bench_parts(c: &mut Criterion) {
    let mut group = c.benchmark_group("terms_parts");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    let text = text_of(5);
    group.throughput(Throughput::Bytes(text.len() as u64));
    let g = glossary(10_000);
    let variants = stage_options();
    for (name, opts) in variants {
        let matcher = Matcher::try_new(&g, opts).expect("matcher");
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| matcher.find(text).len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench_build, bench_find, bench_parts);
criterion_main!(benches);
