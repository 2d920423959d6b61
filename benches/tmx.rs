//! TMX throughput: writing and reading back 10,000 units in memory.
//!
//! Memory for a million units is measured by `benches/tmx_memory.sh`, not here.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use trame::tmx::{Prop, ReadOptions, TmxHeader, TmxReader, TmxWriter, TranslationUnit, Variant};

const UNITS: usize = 10_000;

fn unit(i: usize) -> TranslationUnit {
    TranslationUnit {
        tuid: Some(i.to_string()),
        props: vec![Prop::new("x-line", i.to_string())],
        variants: vec![
            Variant::new(
                "fr",
                format!("Phrase {i} : l’Organisation internationale pour les migrations (OIM) & ses partenaires."),
            ),
            Variant::new(
                "en",
                format!("Sentence {i}: the International Organization for Migration (IOM) & its partners."),
            ),
        ],
    }
}

fn write_all(units: &[TranslationUnit]) -> Vec<u8> {
    let mut header = TmxHeader::new("fr");
    header.creation_date = Some("20260101T000000Z".into());
    let mut w = TmxWriter::new(Vec::with_capacity(units.len() * 300), &header).unwrap();
    for u in units {
        w.write_unit(u).unwrap();
    }
    w.finish().unwrap()
}

fn bench(c: &mut Criterion) {
    let units: Vec<_> = (0..UNITS).map(unit).collect();
    let bytes = write_all(&units);
    let mut group = c.benchmark_group("tmx");
    group.throughput(Throughput::Elements(UNITS as u64));
    group.bench_function("write 10k units", |b| b.iter(|| write_all(&units)));
    group.bench_function("read 10k units", |b| {
        b.iter(|| {
            let r =
                TmxReader::from_bytes("bench.tmx", bytes.clone(), ReadOptions::default()).unwrap();
            r.map(|u| u.unwrap().variants.len()).sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
