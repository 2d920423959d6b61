//! Segmentation throughput: the built-in French rules and LanguageTool's rules on the fixture
//! releases' text (repeated to ~1 MB), plus building a segmenter.
//!
//! Run: `cargo bench --bench segment`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use trame::segment::Segmenter;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/releases/fr");
const LT_SRX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reference/segmentation/languagetool_segment.srx"
);

/// The fixtures' text concatenated and repeated to about `target` bytes.
fn corpus(target: usize) -> String {
    let mut paths: Vec<_> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let one: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let mut text = String::with_capacity(target + one.len());
    while text.len() < target {
        text.push_str(&one);
        text.push('\n');
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus(1 << 20);
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    let fr = Segmenter::builtin("fr").unwrap();
    group.bench_function("builtin_fr_1MB", |b| b.iter(|| fr.segment(&text).len()));
    let en = Segmenter::builtin("en").unwrap();
    group.bench_function("builtin_en_on_fr_text_1MB", |b| {
        b.iter(|| en.segment(&text).len())
    });
    if let Ok(xml) = std::fs::read_to_string(LT_SRX) {
        let lt = Segmenter::from_srx(&xml, "fr", "fr.srx").unwrap();
        group.bench_function("languagetool_fr_1MB", |b| {
            b.iter(|| lt.segment(&text).len())
        });
    }
    group.finish();
    c.bench_function("build_builtin_fr", |b| {
        b.iter(|| Segmenter::builtin("fr").unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
