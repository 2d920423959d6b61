// Synthetic glossary and text generation for the terms benchmark (included by benches/terms.rs).

use trame::glossary::csv::read_csv;
use trame::glossary::{Concept, Glossary, Term};
use trame::input::Source;

const FIXTURES: [&str; 5] = [
    "2006-lima-ministerial",
    "2014-12-cartagena30",
    "2016-10-habitat3",
    "2018-09-summit-americas",
    "2019-03-bapa40",
];

fn fixture_text() -> String {
    FIXTURES
        .iter()
        .map(|f| {
            std::fs::read_to_string(format!(
                "{}/fixtures/releases/fr/{f}.txt",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("fixture")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `mb` megabytes of French text.
fn text_of(mb: usize) -> String {
    let base = fixture_text();
    let target = mb * 1_000_000;
    let mut s = String::with_capacity(target + base.len());
    while s.len() < target {
        s.push_str(&base);
        s.push('\n');
    }
    s
}

/// A deterministic pseudo-random sequence (64-bit LCG), no extra dependency.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

/// A made-up French-looking word of two to four syllables.
fn pseudo_word(rng: &mut Lcg) -> String {
    const ONSETS: &[&str] = &["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "tr", "pl", "gr"];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "é", "ou", "ai", "eu", "on", "an"];
    const CODAS: &[&str] = &["", "", "", "n", "r", "s", "l", "t"];
    let syllables = 2 + rng.next() % 3;
    (0..syllables)
        .map(|_| {
            format!(
                "{}{}{}",
                ONSETS[rng.next() % ONSETS.len()],
                VOWELS[rng.next() % VOWELS.len()],
                CODAS[rng.next() % CODAS.len()]
            )
        })
        .collect()
}

/// The real test glossary plus synthetic concepts up to `n`.
fn glossary(n: usize) -> Glossary {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/terms/fixtures.csv"
    ))
    .expect("test glossary");
    let mut g = read_csv(&Source {
        path: "fixtures.csv".into(),
        text,
        encoding: "UTF-8",
        bom_len: 0,
    })
    .expect("test glossary parses");
    // Content words of the fixtures (no function words): real glossaries hold noun phrases.
    const FUNCTION_WORDS: &[&str] = &[
        "les", "des", "une", "pour", "dans", "sur", "avec", "par", "qui", "que", "est", "sont",
        "aux", "ces", "son", "ses", "leur", "leurs", "été", "elle", "ils", "nous", "vous", "plus",
        "pas", "ont", "cette", "entre", "dont", "lors", "aussi", "bien", "tout", "tous",
    ];
    let words: Vec<String> = {
        let mut w: Vec<String> = fixture_text()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
            .collect();
        w.sort();
        w.dedup();
        w
    };
    let links = ["de", "des", "du", "pour", "et"];
    let cats = ["concept", "title", "organisation", "body", "instrument", "place"];
    let mut rng = Lcg(42);
    let adversarial = std::env::var_os("TRAME_BENCH_ADVERSARIAL").is_some();
    let mut seen = std::collections::HashSet::new();
    while g.concepts.len() < n {
        // 5 % one-word terms, 40 % two words, 35 % three, 20 % four (with a linking word).
        let roll = rng.next() % 100;
        let len = match roll {
            0..=4 => 1,
            5..=44 => 2,
            45..=79 => 3,
            _ => 4,
        };
        // The first 1,000 synthetic concepts use the fixtures' own words (they meet the text
        // everywhere: the hard case); the others use made-up French-looking words, as a large
        // glossary mostly holds terms absent from any given text. TRAME_BENCH_ADVERSARIAL=1
        // draws every concept from the fixtures' words.
        let from_text = adversarial || g.concepts.len() < 1_000;
        let made_up: Vec<String>;
        let mut phrase: Vec<&str> = if from_text {
            (0..len)
                .map(|_| words[rng.next() % words.len()].as_str())
                .collect()
        } else {
            made_up = (0..len).map(|_| pseudo_word(&mut rng)).collect();
            made_up.iter().map(String::as_str).collect()
        };
        if len >= 3 {
            phrase[len - 2] = links[rng.next() % links.len()];
        }
        let fr = phrase.join(" ");
        if !seen.insert(fr.clone()) {
            continue;
        }
        let i = g.concepts.len();
        let mut src_terms = vec![Term::new(fr)];
        if i % 5 == 0 {
            // An acronym for every fifth concept.
            let acro: String = (0..3 + rng.next() % 3)
                .map(|_| (b'A' + (rng.next() % 26) as u8) as char)
                .collect();
            let mut t = Term::new(acro);
            t.term_type = trame::glossary::TermType::Acronym;
            src_terms.push(t);
        }
        g.concepts.push(Concept {
            id: format!("s{i}"),
            category: Some(cats[rng.next() % cats.len()].to_string()),
            src_terms,
            tgt_terms: vec![Term::new(format!("term {i}"))],
            ..Concept::default()
        });
    }
    g.concepts.truncate(n);
    g
}


/// The matcher options switched off in turn to show each stage's cost: everything, no fuzzy
/// pass, no context checks (URLs, English runs), and the automaton alone (no inflection either).
fn stage_options() -> [(&'static str, MatchOptions); 4] {
    let all = MatchOptions::default();
    [
        ("all", all),
        (
            "no_fuzzy",
            MatchOptions {
                fuzzy: false,
                ..all
            },
        ),
        (
            "no_context",
            MatchOptions {
                skip_english: false,
                skip_urls: false,
                ..all
            },
        ),
        (
            "automaton_only",
            MatchOptions {
                fuzzy: false,
                skip_english: false,
                skip_urls: false,
                inflect: false,
            },
        ),
    ]
}
