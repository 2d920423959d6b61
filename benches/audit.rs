//! Speed of the glossary lint (its near-duplicate search compares headwords pairwise within
//! length and edge-letter limits) on synthetic glossaries of growing size, and of the corpus
//! analysis (matching, coverage, candidate names) on the five fixture releases.
//!
//! Run: `cargo bench --bench audit`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use trame::audit::coverage::{analyse, CandidateOptions, CorpusDoc};
use trame::audit::fields::rows_from_glossary;
use trame::audit::lint;
use trame::glossary::{Concept, Glossary, Term};
use trame::segment::Segmenter;
use trame::terms::Matcher;

const WORDS: [&str; 16] = [
    "coopération",
    "migration",
    "protection",
    "réfugiés",
    "programme",
    "régional",
    "développement",
    "frontière",
    "humanitaire",
    "retour",
    "intégration",
    "santé",
    "travail",
    "droits",
    "conseil",
    "bureau",
];

/// A glossary of `n` distinct three-word concepts built from a small vocabulary and a counter.
fn glossary(n: usize) -> Glossary {
    let concepts = (0..n)
        .map(|i| {
            let fr = format!(
                "{} {} {}{i}",
                WORDS[i % 16],
                WORDS[(i / 16) % 16],
                WORDS[(i / 256) % 16]
            );
            Concept {
                id: format!("c{i}"),
                category: Some(["concept", "organisation", "title"][i % 3].into()),
                source: Some("https://example.org".into()),
                src_terms: vec![Term::new(fr)],
                tgt_terms: vec![Term::new(format!("term number {i}"))],
                ..Concept::default()
            }
        })
        .collect();
    Glossary {
        src_lang: "fr".into(),
        tgt_lang: "en".into(),
        concepts,
    }
}

fn lint_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("lint");
    group.sample_size(10);
    for n in [1_000, 4_000, 10_000] {
        let g = glossary(n);
        let rows = rows_from_glossary(&g);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| lint::lint(&g, &rows, None))
        });
    }
    group.finish();
}

fn corpus_bench(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/releases/fr");
    let mut docs: Vec<CorpusDoc> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            CorpusDoc {
                text: std::fs::read_to_string(&path).unwrap(),
                path: path.display().to_string(),
            }
        })
        .collect();
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let g = glossary(1_000);
    let matcher = Matcher::new(&g).unwrap();
    let find = |t: &str| matcher.find(t);
    let seg = Segmenter::builtin("fr").unwrap();
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("five-releases", |b| {
        b.iter(|| analyse(&g, &docs, &find, &seg, CandidateOptions::default()))
    });
    // The same texts twenty times over (100 documents): every name recurs, the worst case for
    // the candidate search.
    let many: Vec<CorpusDoc> = (0..20)
        .flat_map(|i| {
            docs.iter().map(move |d| CorpusDoc {
                path: format!("{i}/{}", d.path),
                text: d.text.clone(),
            })
        })
        .collect();
    group.throughput(Throughput::Bytes(20 * bytes as u64));
    group.bench_function("hundred-releases", |b| {
        b.iter(|| analyse(&g, &many, &find, &seg, CandidateOptions::default()))
    });
    group.finish();
}

criterion_group!(benches, lint_bench, corpus_bench);
criterion_main!(benches);
