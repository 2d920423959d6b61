//! Cleaning throughput: the five fixture releases together, and one large document made of the
//! fixtures' bodies repeated (about 5 MB, mixing plain and hard-wrapped paragraphs and link debris).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use trame::clean::{clean_document, clean_documents, CleanOptions};

const FIXTURES: [&str; 5] = [
    "2006-lima-ministerial.txt",
    "2014-12-cartagena30.txt",
    "2016-10-habitat3.txt",
    "2018-09-summit-americas.txt",
    "2019-03-bapa40.txt",
];

fn fixtures() -> Vec<String> {
    FIXTURES
        .iter()
        .map(|f| {
            let path = format!("{}/fixtures/releases/fr/{f}", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        })
        .collect()
}

fn bench_clean(c: &mut Criterion) {
    let docs = fixtures();
    let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let opts = CleanOptions::default();
    let total: usize = refs.iter().map(|d| d.len()).sum();

    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("five_fixtures_together", |b| {
        b.iter(|| clean_documents(&refs, &opts))
    });

    // One big document: the fixtures concatenated until about 5 MB.
    let mut big = String::new();
    while big.len() < 5 * 1024 * 1024 {
        for d in &docs {
            big.push_str(d);
            big.push('\n');
        }
    }
    group.sample_size(10);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_with_input(BenchmarkId::new("single_document", "5MB"), &big, |b, t| {
        b.iter(|| clean_document(t, &opts))
    });
    group.finish();
}

criterion_group!(benches, bench_clean);
criterion_main!(benches);
