//! Criterion bench of `trame::align::align` on one TransRead novel (Jane Eyre excerpt,
//! fyvo/TransReadAlignments, CC BY-SA 4.0) and on a 3,000-sentence concatenation.

use criterion::{criterion_group, criterion_main, Criterion};
use trame::align::{align, AlignOptions};

const REF: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reference/alignment/transread-en-fr"
);

fn lines(name: &str) -> Vec<String> {
    std::fs::read_to_string(format!("{REF}/{name}"))
        .map(|t| {
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let fr = lines("JaneEyre.fr");
    let en = lines("JaneEyre.en");
    if fr.is_empty() || en.is_empty() {
        eprintln!("reference data not found under {REF}; skipping");
        return;
    }
    let f: Vec<&str> = fr.iter().map(String::as_str).collect();
    let e: Vec<&str> = en.iter().map(String::as_str).collect();
    let opts = AlignOptions::default();
    let mut g = c.benchmark_group("align");
    g.sample_size(10);
    g.bench_function("jane_eyre_229x205", |b| {
        b.iter(|| align(&f, &e, &opts).unwrap())
    });
    let mut bf = Vec::new();
    let mut be = Vec::new();
    for book in [
        "AlicesAdventuresInWonderland",
        "VingtMilleLieuesSousLesMers",
        "LesConfessions",
        "Emma",
    ] {
        bf.extend(lines(&format!("{book}.fr")));
        be.extend(lines(&format!("{book}.en")));
    }
    let bf: Vec<&str> = bf.iter().map(String::as_str).collect();
    let be: Vec<&str> = be.iter().map(String::as_str).collect();
    g.bench_function("four_novels_banded", |b| {
        b.iter(|| align(&bf, &be, &opts).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
