//! The fuzzy index: hand-computed scores, and exactly the brute-force scan's matches.

use trame::leverage::{brute_force, fuzzy_score, score, tokenize, IndexBuilder, QueryOptions};

#[test]
fn tokens_are_lowercased_alphanumeric_runs() {
    assert_eq!(
        tokenize("L'OIM a aidé 2 500 migrants, à Genève."),
        vec!["l", "oim", "a", "aidé", "2", "500", "migrants", "à", "genève"]
    );
}

#[test]
fn scores_by_hand() {
    // identical text: 100
    assert_eq!(
        score("L'OIM aide les migrants.", "L'OIM  aide les migrants."),
        100
    );
    // same tokens, different punctuation/case: 99
    assert_eq!(
        score("L'OIM aide les migrants.", "l'OIM aide les migrants !"),
        99
    );
    // 5 tokens, one substituted: floor(100 * 4/5) = 80
    assert_eq!(
        score("l'OIM aide 2500 migrants", "l'OIM aide 3000 migrants"),
        80
    );
    // 6 vs 5 tokens, one inserted: floor(100 * 5/6) = 83
    assert_eq!(
        score("l'OIM aide les migrants", "l'OIM aide tous les migrants"),
        83
    );
    // nothing in common: 0
    assert_eq!(score("bonjour", "au revoir"), 0);
    assert_eq!(fuzzy_score(3, 3, 0), 99);
    assert_eq!(fuzzy_score(7, 3, 2), 71);
}

fn small_index() -> (trame::leverage::FuzzyIndex, Vec<trame::leverage::TmUnit>) {
    let mut b = IndexBuilder::new();
    let o = b.origin("mem.tmx");
    for (s, t) in [
        ("L'OIM aide les migrants.", "IOM helps migrants."),
        ("L'OIM aide les migrants.", "IOM helps migrants."), // duplicate pair: listed once
        ("L'OIM aide les migrants.", "IOM assists migrants."),
        ("L'OIM aide 2 500 migrants.", "IOM helps 2,500 migrants."),
        (
            "Le Directeur général s'est rendu à Lima.",
            "The Director General went to Lima.",
        ),
        ("", "empty source is skipped"),
    ] {
        b.add(s, t, o, None);
    }
    assert_eq!(b.len(), 5);
    let idx = b.build();
    let units = (0..idx.len()).map(|i| idx.unit(i).clone()).collect();
    (idx, units)
}

#[test]
fn exact_then_fuzzy_with_limits() {
    let (idx, _) = small_index();
    let opts = QueryOptions {
        min_score: 50,
        max_matches: 3,
    };
    let got: Vec<(usize, u8, bool)> = idx
        .query("L'OIM aide les migrants.", &opts)
        .iter()
        .map(|m| (m.unit, m.score, m.exact))
        .collect();
    // units 0 and 2 are exact (1 repeats 0); unit 3: 5 vs 6 tokens, 2 edits → floor(100*4/6) = 66
    assert_eq!(got, vec![(0, 100, true), (2, 100, true), (3, 66, false)]);
    let strict = QueryOptions {
        min_score: 70,
        max_matches: 3,
    };
    let got: Vec<usize> = idx
        .query("L'OIM aide les migrants.", &strict)
        .iter()
        .map(|m| m.unit)
        .collect();
    assert_eq!(got, vec![0, 2]);
    assert!(idx.query("Rien à voir.", &opts).is_empty());
}

/// A small deterministic generator (xorshift) of French-looking sentences with shared vocabulary.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn sentence(rng: &mut Rng, words: &[String]) -> String {
    let len = 1 + rng.below(14);
    let mut s: Vec<String> = Vec::new();
    for _ in 0..len {
        // skewed: common words often
        let w = if rng.below(3) == 0 {
            rng.below(8)
        } else {
            rng.below(words.len())
        };
        s.push(words[w].clone());
    }
    s.join(" ") + "."
}

fn mutate(rng: &mut Rng, s: &str, words: &[String]) -> String {
    let mut toks: Vec<String> = s
        .trim_end_matches('.')
        .split(' ')
        .map(String::from)
        .collect();
    for _ in 0..rng.below(4) {
        match rng.below(3) {
            0 if !toks.is_empty() => {
                let i = rng.below(toks.len());
                toks[i] = words[rng.below(words.len())].clone();
            }
            1 if toks.len() > 1 => {
                let i = rng.below(toks.len());
                toks.remove(i);
            }
            _ => {
                let i = rng.below(toks.len() + 1);
                toks.insert(i, words[rng.below(words.len())].clone());
            }
        }
    }
    toks.join(" ") + "."
}

#[test]
fn the_index_finds_exactly_what_a_brute_force_scan_finds() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let words: Vec<String> = (0..60)
        .map(|i| match i {
            0 => "de".into(),
            1 => "la".into(),
            2 => "l'OIM".into(),
            3 => "les".into(),
            4 => "migrants".into(),
            5 => "à".into(),
            6 => "et".into(),
            7 => "2019".into(),
            _ => format!("mot{i}"),
        })
        .collect();
    let mut b = IndexBuilder::new();
    let o = b.origin("gen.tmx");
    let mut sources = Vec::new();
    for i in 0..800 {
        let s = sentence(&mut rng, &words);
        b.add(&s, &format!("target {i}"), o, None);
        sources.push(s);
    }
    let idx = b.build();
    let units: Vec<_> = (0..idx.len()).map(|i| idx.unit(i).clone()).collect();
    let mut compared = 0;
    let mut non_empty = 0;
    for q in 0..120 {
        let base = &sources[rng.below(sources.len())];
        let query = if q % 3 == 0 {
            base.clone()
        } else if q % 3 == 1 {
            mutate(&mut rng, base, &words)
        } else {
            sentence(&mut rng, &words)
        };
        for (min_score, max_matches) in [(30, 50), (50, 5), (75, 3), (90, 10), (100, 3)] {
            let opts = QueryOptions {
                min_score,
                max_matches,
            };
            let fast = idx.query(&query, &opts);
            let slow = brute_force(&units, &query, &opts);
            assert_eq!(fast, slow, "query {query:?} at {min_score}");
            compared += 1;
            non_empty += usize::from(!fast.is_empty());
        }
    }
    eprintln!("{non_empty} of {compared} queries had matches");
    assert_eq!(compared, 600);
    assert!(non_empty > 250, "only {non_empty} queries had matches");
}
