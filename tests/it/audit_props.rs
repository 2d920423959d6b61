//! The audit never panics, whatever the glossary, corpus or memory holds: arbitrary Unicode
//! (combining marks, apostrophes, parentheses, capitals, multi-byte characters at every edge).

use proptest::prelude::*;
use trame::audit::coverage::{analyse, CandidateOptions, CorpusDoc};
use trame::audit::fields::{rows_from_csv, rows_from_glossary};
use trame::audit::{lint, tm};
use trame::glossary::{Concept, Gender, Glossary, Term, TermType};
use trame::input::Source;
use trame::segment::Segmenter;
use trame::terms::Matcher;
use trame::tmx::{TranslationUnit, Variant};

/// Short strings drawn from characters that exercise the checks' edge cases.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-zÉéèàœ’' ()|\\[\\],.;\\-\u{301}0-9\n]{0,40}").unwrap()
}

fn concept() -> impl Strategy<Value = Concept> {
    (
        text(),
        text(),
        text(),
        text(),
        proptest::option::of(text()),
        any::<bool>(),
    )
        .prop_map(|(id, fr, en, variant, category, acronym)| {
            let mut head = Term::new(fr);
            head.gender = Some(if acronym {
                Gender::Masculine
            } else {
                Gender::Feminine
            });
            let mut v = Term::new(variant);
            if acronym {
                v.term_type = TermType::Acronym;
            }
            Concept {
                id,
                category,
                src_terms: vec![head, v],
                tgt_terms: vec![Term::new(en)],
                ..Concept::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn lint_coverage_and_memory_checks_never_panic(
        concepts in proptest::collection::vec(concept(), 0..6),
        docs in proptest::collection::vec(text(), 0..3),
        pairs in proptest::collection::vec((text(), text()), 0..5),
    ) {
        let g = Glossary { src_lang: "fr".into(), tgt_lang: "en".into(), concepts };
        let rows = rows_from_glossary(&g);
        let _ = lint::lint(&g, &rows, Some("g"));
        let matcher = Matcher::new(&g).unwrap();
        let find = |t: &str| matcher.find(t);
        let docs: Vec<CorpusDoc> = docs
            .into_iter()
            .enumerate()
            .map(|(i, text)| CorpusDoc { path: format!("d{i}"), text })
            .collect();
        let seg = Segmenter::builtin("fr").unwrap();
        let a = analyse(&g, &docs, &find, &seg, CandidateOptions::default());
        prop_assert_eq!(a.coverage.len(), g.concepts.len());
        let units: Vec<TranslationUnit> = pairs
            .into_iter()
            .map(|(fr, en)| TranslationUnit {
                tuid: None,
                props: Vec::new(),
                variants: vec![Variant { lang: "fr".into(), text: fr }, Variant { lang: "en".into(), text: en }],
            })
            .collect();
        let _ = tm::check_memory(&units, "fr", "en", &g, &find, None);
    }

    #[test]
    fn raw_csv_reading_never_panics(body in text(), cell in text()) {
        let source = Source {
            path: "g.csv".into(),
            text: format!("id,fr,en,fr_variants\n{body}\nx,{cell},y,a | | b\n"),
            encoding: "UTF-8",
            bom_len: 0,
        };
        if let Ok(rows) = rows_from_csv(&source) {
            let _ = lint::lint_rows(&rows, None);
        }
        let _ = trame::audit::read_glossary(&source);
    }
}
