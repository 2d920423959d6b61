//! Vocabularies, sentence token ids, and the word-translation table used by the lexical score.
//!
//! The table links a source word to target words with two probabilities, `t(e|f)` and `t(f|e)`.
//! Its entries come from three places: identical or near-identical words on both sides
//! (names, acronyms, numbers, cognates such as `coopération`/`cooperation`), an optional
//! bilingual word list, and IBM Model 1 trained on the document's own confident beads
//! ([`super::model1`]).

use super::tokens::ACRONYM_MARK;
use std::collections::HashMap;

/// A word ↔ id map for one language, with corpus counts.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u32>,
    total: u64,
}

impl Vocab {
    /// The id of `word`, adding it (and counting one occurrence).
    pub fn add(&mut self, word: &str) -> u32 {
        let id = match self.ids.get(word) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.ids.insert(word.to_string(), id);
                self.words.push(word.to_string());
                self.counts.push(0);
                id
            }
        };
        self.counts[id as usize] += 1;
        self.total += 1;
        id
    }

    /// The id of `word` if known.
    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when no word was added.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word of an id.
    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// `1 / p(w)` with add-one smoothing: large for rare words, about 20 for `the`.
    ///
    /// The token total is floored at [`MIN_TOKENS`]: a word seen once in a 500-word release is
    /// not as common as 1 in 500 in the language, and short documents would otherwise get
    /// hardly any reward for a shared rare word.
    pub fn inverse_probabilities(&self) -> Vec<f32> {
        let denom = (self.total as f64).max(MIN_TOKENS) + self.words.len() as f64;
        self.counts
            .iter()
            .map(|&c| (denom / (c as f64 + 1.0)) as f32)
            .collect()
    }
}

/// Floor of the corpus size used for unigram probabilities.
pub const MIN_TOKENS: f64 = 20_000.0;

/// One entry of the translation table, stored under its source word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// Target word id.
    pub tgt: u32,
    /// `t(e|f)`: how well the source word predicts the target word.
    pub fwd: f32,
    /// `t(f|e)`: how well the target word predicts the source word.
    pub bwd: f32,
    /// The two words are the same name, number, acronym or glossary / dictionary anchor
    /// (not a learnt translation): strong evidence that is not shared out (see the aligner's
    /// lexical score).
    pub anchor: bool,
}

/// Translation table: for every source word id, its links (sorted by target id, unique).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    links: Vec<Vec<Link>>,
}

impl Lexicon {
    /// An empty table for `src_words` source words.
    pub fn new(src_words: usize) -> Self {
        Lexicon {
            links: vec![Vec::new(); src_words],
        }
    }

    /// Adds or strengthens (maximum of both values) the link `src`→`tgt`.
    pub fn add(&mut self, src: u32, tgt: u32, fwd: f32, bwd: f32) {
        self.insert(src, tgt, fwd, bwd, false);
    }

    /// Like [`Lexicon::add`], and marks the link as an anchor (identical name, number,
    /// acronym, glossary term).
    pub fn add_anchor(&mut self, src: u32, tgt: u32, fwd: f32, bwd: f32) {
        self.insert(src, tgt, fwd, bwd, true);
    }

    fn insert(&mut self, src: u32, tgt: u32, fwd: f32, bwd: f32, anchor: bool) {
        let Some(list) = self.links.get_mut(src as usize) else {
            return;
        };
        match list.binary_search_by_key(&tgt, |l| l.tgt) {
            Ok(k) => {
                list[k].fwd = list[k].fwd.max(fwd);
                list[k].bwd = list[k].bwd.max(bwd);
                list[k].anchor |= anchor;
            }
            Err(k) => list.insert(
                k,
                Link {
                    tgt,
                    fwd,
                    bwd,
                    anchor,
                },
            ),
        }
    }

    /// The links of source word `src`.
    pub fn links(&self, src: u32) -> &[Link] {
        self.links.get(src as usize).map_or(&[], |v| v.as_slice())
    }

    /// Number of links in the table.
    pub fn len(&self) -> usize {
        self.links.iter().map(Vec::len).sum()
    }

    /// True when the table has no link.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Probability given to a word that appears identically on both sides.
pub const IDENTICAL: f32 = 0.7;
/// Probability given to a near-identical (cognate) pair, scaled by its similarity.
pub const COGNATE: f32 = 0.5;

fn is_pseudo(word: &str) -> bool {
    word.starts_with('\u{1}') || word.starts_with('\u{2}')
}

fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Similarity of two folded words as cognates, in (0, 1], or `None`.
///
/// Identical words count when they are numbers, anchors, or at least four letters long (short
/// identical words are mostly false friends: `a`, `on`, `me`, `son`). Different words count
/// when both have five letters or more, share their first letter, and their normalised
/// Levenshtein similarity is at least 0.72 (`organisation`/`organization`,
/// `gouvernement`/`government`).
pub fn cognate(a: &str, b: &str) -> Option<f32> {
    let (a_acr, b_acr) = (a.starts_with(ACRONYM_MARK), b.starts_with(ACRONYM_MARK));
    if a_acr || b_acr {
        return acronyms(
            a.trim_start_matches(ACRONYM_MARK),
            b.trim_start_matches(ACRONYM_MARK),
            a_acr && b_acr,
        );
    }
    if a == b {
        let letters = a.chars().count();
        return (is_pseudo(a) || is_number(a) || letters >= 4).then_some(1.0);
    }
    if is_pseudo(a) || is_pseudo(b) || is_number(a) || is_number(b) {
        return None;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 5 || lb < 5 || la.abs_diff(lb) > 3 || a.chars().next() != b.chars().next() {
        return None;
    }
    let sim = strsim::normalized_levenshtein(a, b) as f32;
    if sim >= 0.72 {
        return Some(sim);
    }
    // Same consonant skeleton (vowels dropped, doubled letters collapsed): `maroc`/`morocco`.
    let (sa, sb) = (skeleton(a), skeleton(b));
    (sa.len() >= 3 && sa == sb).then_some(0.8)
}

/// The consonants of a folded word, doubled letters collapsed (`morocco` → `mrc`).
fn skeleton(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().filter(|c| !"aeiouy".contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Acronym matches: the same letters (`BAPA`, or `EMMA` against `Emma`), or, between two
/// acronyms of three letters or more, the same letters in another order (`OIM`/`IOM`) or one
/// ending the other (`HCR`/`UNHCR`).
fn acronyms(a: &str, b: &str, both: bool) -> Option<f32> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if a == b {
        return (la >= 2).then_some(1.0);
    }
    if !both || la < 3 || lb < 3 {
        return None;
    }
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    if la == lb && sorted(a) == sorted(b) {
        return Some(0.9);
    }
    let (short, long) = if la < lb { (a, b) } else { (b, a) };
    (long.ends_with(short)).then_some(0.8)
}

/// Adds identical-word and cognate links between the two vocabularies.
///
/// Candidates are bucketed by their first two characters so the cost stays near-linear in
/// the vocabulary sizes.
pub fn add_cognates(lex: &mut Lexicon, src: &Vocab, tgt: &Vocab) {
    let key = |w: &str| -> String { w.trim_start_matches(ACRONYM_MARK).chars().take(2).collect() };
    let mut buckets: HashMap<String, Vec<u32>> = HashMap::new();
    let mut tgt_acronyms: Vec<u32> = Vec::new();
    for id in 0..tgt.len() as u32 {
        buckets.entry(key(tgt.word(id))).or_default().push(id);
        if tgt.word(id).starts_with(ACRONYM_MARK) {
            tgt_acronyms.push(id);
        }
    }
    for sid in 0..src.len() as u32 {
        let sw = src.word(sid);
        if let Some(core) = sw.strip_prefix(ACRONYM_MARK) {
            // Acronyms: against every target acronym, and against the same plain word.
            for &tid in &tgt_acronyms {
                if let Some(sim) = cognate(sw, tgt.word(tid)) {
                    let p = IDENTICAL * sim;
                    lex.add_anchor(sid, tid, p, p);
                }
            }
            if let Some(tid) = tgt.get(core) {
                lex.add_anchor(sid, tid, IDENTICAL, IDENTICAL);
            }
            continue;
        }
        if let Some(tid) = tgt.get(&format!("{ACRONYM_MARK}{sw}")) {
            if sw.chars().count() >= 2 {
                lex.add_anchor(sid, tid, IDENTICAL, IDENTICAL);
            }
        }
        if let Some(tid) = tgt.get(sw) {
            if let Some(sim) = cognate(sw, sw) {
                let p = IDENTICAL * sim;
                lex.add_anchor(sid, tid, p, p);
            }
        }
        if is_pseudo(sw) || is_number(sw) || sw.chars().count() < 5 {
            continue;
        }
        if let Some(cands) = buckets.get(&key(sw)) {
            for &tid in cands {
                let tw = tgt.word(tid);
                if tw == sw {
                    continue;
                }
                if let Some(sim) = cognate(sw, tw) {
                    let p = COGNATE * sim;
                    lex.add(sid, tid, p, p);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates_and_false_friends() {
        assert!(cognate("organisation", "organization").is_some());
        assert!(cognate("gouvernement", "government").is_some());
        assert!(cognate("cooperation", "cooperation").is_some());
        assert_eq!(cognate("vitorino", "vitorino"), Some(1.0));
        assert_eq!(cognate("1500", "1500"), Some(1.0));
        assert_eq!(cognate("on", "on"), None);
        assert_eq!(cognate("maison", "house"), None);
        assert_eq!(cognate("maroc", "morocco"), Some(0.8));
        assert_eq!(cognate("mexique", "mexico"), None);
        assert_eq!(cognate("1500", "1501"), None);
        assert_eq!(cognate("\u{3}oim", "\u{3}iom"), Some(0.9));
        assert_eq!(cognate("\u{3}hcr", "\u{3}unhcr"), Some(0.8));
        assert_eq!(cognate("\u{3}emma", "emma"), Some(1.0));
        assert_eq!(cognate("\u{3}un", "\u{3}onu"), None);
    }

    #[test]
    fn lexicon_keeps_max_and_sorted() {
        let mut lex = Lexicon::new(2);
        lex.add(0, 5, 0.2, 0.1);
        lex.add(0, 3, 0.4, 0.4);
        lex.add(0, 5, 0.1, 0.3);
        assert_eq!(
            lex.links(0),
            &[
                Link {
                    tgt: 3,
                    fwd: 0.4,
                    bwd: 0.4,
                    anchor: false
                },
                Link {
                    tgt: 5,
                    fwd: 0.2,
                    bwd: 0.3,
                    anchor: false
                }
            ]
        );
        assert!(lex.links(7).is_empty());
    }
}
