//! Library tests of `trame::align` on small hand-written French/English pairs, and on the
//! release fixtures (presegmented copies in `fixtures/alignments/`).

use trame::align::{align, eval, AlignOptions, Bead};

fn run(fr: &[&str], en: &[&str]) -> Vec<Bead> {
    align(fr, en, &AlignOptions::default()).unwrap()
}

fn links(beads: &[Bead]) -> Vec<(Vec<usize>, Vec<usize>)> {
    eval::links_of(beads)
}

/// Every sentence of each side in exactly one bead, in order, confidence in [0, 1].
fn check_partition(beads: &[Bead], n: usize, m: usize) {
    let src: Vec<usize> = beads.iter().flat_map(|b| b.src.clone()).collect();
    let tgt: Vec<usize> = beads.iter().flat_map(|b| b.tgt.clone()).collect();
    assert_eq!(src, (0..n).collect::<Vec<_>>());
    assert_eq!(tgt, (0..m).collect::<Vec<_>>());
    for b in beads {
        assert!(!(b.src.is_empty() && b.tgt.is_empty()));
        assert!((0.0..=1.0).contains(&b.confidence), "{b:?}");
    }
}

const FR: [&str; 4] = [
    "Le Directeur général de l'OIM, António Vitorino, s'est rendu à Quito le 21 mars.",
    "Il a rencontré les représentants de 12 pays de la région.",
    "Les discussions ont porté sur la coopération régionale en matière de migration.",
    "Une déclaration commune a été adoptée par les 12 délégations.",
];
const EN: [&str; 4] = [
    "IOM Director General António Vitorino travelled to Quito on 21 March.",
    "He met representatives of 12 countries of the region.",
    "The talks focused on regional cooperation on migration.",
    "A joint declaration was adopted by the 12 delegations.",
];

#[test]
fn one_to_one() {
    let b = run(&FR, &EN);
    check_partition(&b, 4, 4);
    assert_eq!(
        links(&b),
        (0..4).map(|i| (vec![i], vec![i])).collect::<Vec<_>>()
    );
    assert!(b.iter().all(|x| x.confidence > 0.5), "{b:?}");
}

#[test]
fn two_to_one() {
    let en = [
        EN[0],
        "He met representatives of 12 countries of the region, and the talks focused on regional cooperation on migration.",
        EN[3],
    ];
    let b = run(&FR, &en);
    check_partition(&b, 4, 3);
    assert_eq!(
        links(&b),
        vec![
            (vec![0], vec![0]),
            (vec![1, 2], vec![1]),
            (vec![3], vec![2])
        ]
    );
}

#[test]
fn one_to_two() {
    let fr = [
        FR[0],
        "Il a rencontré les représentants de 12 pays de la région, et les discussions ont porté sur la coopération régionale en matière de migration.",
        FR[3],
    ];
    let b = run(&fr, &EN);
    check_partition(&b, 3, 4);
    assert_eq!(
        links(&b),
        vec![
            (vec![0], vec![0]),
            (vec![1], vec![1, 2]),
            (vec![2], vec![3])
        ]
    );
}

#[test]
fn one_to_zero() {
    let fr = [
        FR[0],
        FR[1],
        "Les dernières statistiques sur la situation au Venezuela sont disponibles ici.",
        FR[2],
        FR[3],
    ];
    let b = run(&fr, &EN);
    check_partition(&b, 5, 4);
    assert_eq!(
        links(&b),
        vec![
            (vec![0], vec![0]),
            (vec![1], vec![1]),
            (vec![2], vec![]),
            (vec![3], vec![2]),
            (vec![4], vec![3])
        ]
    );
    // A sentence without counterpart is never a confident link.
    assert!(b[2].confidence <= 0.5);
}

#[test]
fn zero_to_one() {
    let en = [
        EN[0],
        EN[1],
        EN[2],
        "UNHCR and IOM have worked together in the region for decades.",
        EN[3],
    ];
    let b = run(&FR, &en);
    check_partition(&b, 4, 5);
    assert_eq!(
        links(&b),
        vec![
            (vec![0], vec![0]),
            (vec![1], vec![1]),
            (vec![2], vec![2]),
            (vec![], vec![3]),
            (vec![3], vec![4])
        ]
    );
}

#[test]
fn numbers_and_names_anchor_the_right_pair() {
    // Same lengths everywhere: only the numbers ("1 500" = "1,500", "2,5" = "2.5") and the
    // names tell which French sentence has no English counterpart.
    let fr = [
        "La conférence de Lima a réuni 1 500 participants.",
        "Le budget du programme atteint 2,5 millions cette année.",
        "Le rapport de Guterres compte 240 pages et 12 annexes.",
    ];
    let en = [
        "The Lima conference brought together 1,500 participants.",
        "The report by Guterres has 240 pages and 12 annexes.",
    ];
    let b = run(&fr, &en);
    check_partition(&b, 3, 2);
    assert_eq!(
        links(&b),
        vec![(vec![0], vec![0]), (vec![1], vec![]), (vec![2], vec![1])]
    );
}

#[test]
fn empty_sides() {
    assert!(run(&[], &[]).is_empty());
    let b = run(&FR, &[]);
    check_partition(&b, 4, 0);
    let b = run(&[], &EN);
    check_partition(&b, 0, 4);
    assert!(b.iter().all(|x| x.src.is_empty() && x.confidence <= 0.5));
}

#[test]
fn very_unequal_lengths_do_not_panic() {
    let fr: Vec<String> = (0..100)
        .map(|i| format!("Phrase numéro {i} du long document."))
        .collect();
    let fr: Vec<&str> = fr.iter().map(String::as_str).collect();
    let en = [
        "Sentence 7 of the document.",
        "Sentence 50.",
        "Sentence 99 ends it.",
    ];
    let b = run(&fr, &en);
    check_partition(&b, 100, 3);
    // The numbers pull each English sentence to its French counterpart.
    assert!(
        b.iter().any(|x| x.src == vec![7] && x.tgt == vec![0]),
        "{b:?}"
    );
    assert!(
        b.iter().any(|x| x.src == vec![99] && x.tgt == vec![2]),
        "{b:?}"
    );
}

#[test]
fn long_input_uses_the_band_and_covers_everything() {
    // 1,200 sentence pairs: above the full-matrix limit, so the coarse + banded passes run.
    let fr: Vec<String> = (0..1200)
        .map(|i| {
            format!(
                "Le rapport {i} décrit la situation des migrants dans la région {}.",
                i % 17
            )
        })
        .collect();
    let en: Vec<String> = (0..1200)
        .map(|i| {
            format!(
                "Report {i} describes the situation of migrants in region {}.",
                i % 17
            )
        })
        .collect();
    let fr: Vec<&str> = fr.iter().map(String::as_str).collect();
    let en: Vec<&str> = en.iter().map(String::as_str).collect();
    let b = run(&fr, &en);
    check_partition(&b, 1200, 1200);
    let exact = b
        .iter()
        .filter(|x| x.src.len() == 1 && x.src == x.tgt)
        .count();
    assert_eq!(exact, 1200);
}

#[test]
fn one_thread_and_two_threads_give_the_same_links() {
    // The band's costs are computed in parallel blocks of rows; the result must not depend on
    // the number of threads. Two TransRead novels (1,722 × 1,656 sentences: banded, several
    // blocks), when the reference data is present.
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/reference/alignment/transread-en-fr"
    );
    let mut fr = String::new();
    let mut en = String::new();
    for book in [
        "AlicesAdventuresInWonderland",
        "VingtMilleLieuesSousLesMers",
    ] {
        let (Ok(f), Ok(e)) = (
            std::fs::read_to_string(format!("{dir}/{book}.fr")),
            std::fs::read_to_string(format!("{dir}/{book}.en")),
        ) else {
            eprintln!("skipped: {dir} not found");
            return;
        };
        fr.push_str(&f);
        en.push_str(&e);
    }
    let fr: Vec<&str> = fr.lines().collect();
    let en: Vec<&str> = en.lines().collect();
    let pool = |n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    };
    let one = pool(1).install(|| run(&fr, &en));
    let two = pool(2).install(|| run(&fr, &en));
    check_partition(&one, fr.len(), en.len());
    assert_eq!(one, two);
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn release_fixtures_strict_f1() {
    let names = [
        "2006-lima-ministerial",
        "2014-12-cartagena30",
        "2016-10-habitat3",
        "2018-09-summit-americas",
        "2019-03-bapa40",
    ];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/alignments");
    let mut stricts = Vec::new();
    let mut laxes = Vec::new();
    for n in names {
        let fr = read(&format!("{dir}/{n}.fr.txt"));
        let en = read(&format!("{dir}/{n}.en.txt"));
        let gold_path = format!("{dir}/{n}.gold");
        let gold = eval::read_links(&gold_path, &read(&gold_path)).unwrap();
        let fr: Vec<&str> = fr.lines().collect();
        let en: Vec<&str> = en.lines().collect();
        let b = run(&fr, &en);
        check_partition(&b, fr.len(), en.len());
        // The gold itself covers both sides exactly once.
        let gold_src: Vec<usize> = {
            let mut v: Vec<usize> = gold.iter().flat_map(|l| l.0.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(gold_src, (0..fr.len()).collect::<Vec<_>>(), "{n}");
        stricts.push(eval::strict(&eval::links_of(&b), &gold));
        laxes.push(eval::lax(&eval::links_of(&b), &gold));
    }
    let s = eval::Score::pool(&stricts);
    let l = eval::Score::pool(&laxes);
    // Measured 0.959 strict / 0.994 lax; the three misses are an English-only sentence
    // absorbed into a neighbouring bead (twice) and "Maroc"/"Morocco" (no shared form).
    assert!(s.f1 >= 0.95, "strict {s:?}");
    assert!(l.f1 >= 0.98, "lax {l:?}");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any input (empty sentences, digits, quotes, odd Unicode): no panic, every sentence in
        /// exactly one bead and in order, confidences in [0, 1].
        #[test]
        fn any_input_is_partitioned(
            fr in proptest::collection::vec("[a-zA-Zé0-9 ,.«»'’-]{0,40}", 0..25),
            en in proptest::collection::vec("[a-zA-Z0-9 ,.“”'-]{0,40}", 0..25),
        ) {
            let f: Vec<&str> = fr.iter().map(String::as_str).collect();
            let e: Vec<&str> = en.iter().map(String::as_str).collect();
            let b = run(&f, &e);
            check_partition(&b, f.len(), e.len());
        }
    }
}

#[test]
fn glossary_term_pairs_anchor_beads() {
    use trame::glossary::{Concept, Glossary, Term};
    let glossary = Glossary {
        src_lang: "fr".into(),
        tgt_lang: "en".into(),
        concepts: vec![Concept {
            id: "gcm".into(),
            src_terms: vec![Term::new("Pacte mondial")],
            tgt_terms: vec![Term::new("Global Compact")],
            ..Default::default()
        }],
    };
    let opts = AlignOptions {
        glossary: Some(glossary),
        ..Default::default()
    };
    // Same lengths, no shared word: only the term pair says which French sentence is rendered
    // (without the glossary the aligner links the second one).
    let fr = [
        "Le Pacte mondial a été approuvé hier soir par tous.",
        "La réunion a duré deux jours entiers sous la pluie.",
    ];
    let en = ["The Global Compact was endorsed last night by all."];
    let without = align(&fr, &en, &AlignOptions::default()).unwrap();
    assert_eq!(links(&without), vec![(vec![0], vec![]), (vec![1], vec![0])]);
    let b = align(&fr, &en, &opts).unwrap();
    assert_eq!(links(&b), vec![(vec![0], vec![0]), (vec![1], vec![])]);
}

#[test]
fn word_model_is_trained_once_saved_loaded_and_reused() {
    use std::sync::Arc;
    use trame::align::WordModel;
    // 40 pairs in which `maison` ↔ `house` and `rouge` ↔ `red` co-occur, each pair with its
    // own number so pass 1 finds the 1-1 beads Model 1 is trained on.
    let fr: Vec<String> = (0..40)
        .map(|i| {
            format!(
                "La maison {i} est rouge et la porte {} est ouverte.",
                i + 100
            )
        })
        .collect();
    let en: Vec<String> = (0..40)
        .map(|i| format!("House {i} is red and door {} is open.", i + 100))
        .collect();
    let fr: Vec<&str> = fr.iter().map(String::as_str).collect();
    let en: Vec<&str> = en.iter().map(String::as_str).collect();
    let opts = AlignOptions::default();
    let model = WordModel::train(&[(&fr, &en)], &opts).unwrap();
    // Every sentence has the same words, so Model 1 cannot rank `house` above `is` for `maison`;
    // it must hold the link.
    let has = |f: &str, e: &str| model.links.iter().any(|l| l.0 == f && l.1 == e);
    assert!(has("maison", "house") && has("rouge", "red"));
    // Saved and loaded unchanged.
    let mut buf = Vec::new();
    model.save(&mut buf).unwrap();
    let loaded = WordModel::load("model.json", buf.as_slice()).unwrap();
    assert_eq!(loaded, model);
    assert!(WordModel::load("bad.json", &b"{}"[..]).is_err());
    // Reused on a new pair: the alignment stays a partition, 1-1 throughout.
    let with = AlignOptions {
        word_model: Some(Arc::new(loaded)),
        ..Default::default()
    };
    let b = align(
        &["La maison est rouge.", "La porte est ouverte."],
        &["The house is red.", "The door is open."],
        &with,
    )
    .unwrap();
    check_partition(&b, 2, 2);
    assert_eq!(links(&b), vec![(vec![0], vec![0]), (vec![1], vec![1])]);
}
