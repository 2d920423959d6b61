//! Near-miss spellings of multi-word terms (`Organisation internationale pour les migratons`).
//!
//! A fuzzy match has the same number of tokens as the term, all equal but one word, and that
//! word (at least five letters in the term) is one edit away (Damerau-Levenshtein: a letter
//! dropped, added, changed or two swapped). Candidates are found through an index of each term's
//! two longest words, so the cost per text word is one hash lookup, whatever the glossary size.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher for short byte strings (FNV-1a).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// FNV-1a hash of a token.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct Id(u64);

impl Hasher for Id {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Minimum length, in characters, of the word that may carry the spelling error.
const MIN_WORD: usize = 5;
/// Minimum length, in characters, of a term eligible for fuzzy matching.
const MIN_TERM: usize = 12;

#[derive(Debug, Clone)]
struct FuzzyTerm {
    tokens: Vec<Box<[u8]>>,
    hashes: Vec<u64>,
    entry: u32,
    chars: usize,
}

/// Index of the multi-word terms eligible for fuzzy matching.
#[derive(Debug, Clone, Default)]
pub(crate) struct FuzzyIndex {
    terms: Vec<FuzzyTerm>,
    /// Token hash → the terms with that token as a key.
    keys: HashMap<u64, Vec<Key>, BuildHasherDefault<Id>>,
    /// Every term's token hashes, one after the other (cache-friendly for the filter).
    flat: Vec<u64>,
    min_key: usize,
}

/// One key of a term: where its token hashes are in `flat`, how many, and which one is the key.
#[derive(Debug, Clone, Copy)]
struct Key {
    term: u32,
    off: u32,
    len: u8,
    pos: u8,
}

/// A fuzzy candidate in normalised-buffer coordinates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FuzzyHit {
    /// Byte range of the matched tokens in the normalised buffer.
    pub start: usize,
    pub end: usize,
    pub entry: u32,
    pub score: f64,
}

impl FuzzyIndex {
    /// Adds the term whose normalised token string (tokens joined by two spaces) is `tokens`.
    pub(crate) fn add(&mut self, token_string: &str, entry: u32) {
        let tokens: Vec<&str> = token_string.split(' ').filter(|t| !t.is_empty()).collect();
        let words = tokens
            .iter()
            .filter(|t| t.chars().all(char::is_alphanumeric))
            .count();
        let chars: usize =
            tokens.iter().map(|t| t.chars().count()).sum::<usize>() + tokens.len() - 1;
        if words < 2 || chars < MIN_TERM || tokens.len() > 255 {
            return;
        }
        self.terms.push(FuzzyTerm {
            tokens: tokens.iter().map(|t| t.as_bytes().into()).collect(),
            hashes: tokens.iter().map(|t| fnv(t.as_bytes())).collect(),
            entry,
            chars,
        });
    }

    /// Builds the key index once every term is added: each term is keyed by its two rarest
    /// tokens across the glossary (longer first on a tie), so a frequent word of the text has
    /// a short candidate list, and a single-word error leaves one key intact.
    pub(crate) fn finish(&mut self) {
        let mut freq: FnvMap<&[u8], u32> = FnvMap::default();
        for t in &self.terms {
            for tok in &t.tokens {
                *freq.entry(tok).or_default() += 1;
            }
        }
        let mut keys: HashMap<u64, Vec<Key>, BuildHasherDefault<Id>> = HashMap::default();
        let mut flat = Vec::new();
        let mut min_key = usize::MAX;
        for (id, t) in self.terms.iter().enumerate() {
            // Key candidates: words of three bytes or more (never punctuation).
            let mut order: Vec<usize> = (0..t.tokens.len())
                .filter(|&i| {
                    t.tokens[i].len() >= 3
                        && t.tokens[i]
                            .iter()
                            .all(|b| *b >= 0x80 || b.is_ascii_alphanumeric())
                })
                .collect();
            if order.len() < 2 {
                continue; // no two safe keys: this term gets no fuzzy matching
            }
            order.sort_by_key(|&i| {
                (
                    freq.get(&*t.tokens[i]).copied().unwrap_or(0),
                    std::cmp::Reverse(t.tokens[i].len()),
                )
            });
            let off = flat.len() as u32;
            flat.extend_from_slice(&t.hashes);
            for &i in order.iter().take(2) {
                min_key = min_key.min(t.tokens[i].len());
                keys.entry(t.hashes[i]).or_default().push(Key {
                    term: id as u32,
                    off,
                    len: t.tokens.len() as u8,
                    pos: i as u8,
                });
            }
        }
        self.flat = flat;
        self.keys = keys;
        self.min_key = if min_key == usize::MAX { 0 } else { min_key };
    }

    /// Whether no term is indexed.
    pub(crate) fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Fuzzy hits in `buf` (a normalised view), skipping windows that overlap `covered` (sorted,
    /// non-overlapping byte ranges of exact matches). Returned hits do not overlap each other.
    ///
    /// `tokens` is scratch space, reused across calls to spare allocations.
    pub(crate) fn find(
        &self,
        buf: &[u8],
        covered: &[(usize, usize)],
        tokens: &mut Vec<(usize, usize, u64)>,
    ) -> Vec<FuzzyHit> {
        let mut hits = Vec::new();
        if self.terms.is_empty() {
            return hits;
        }
        // Tokens: byte range and hash.
        tokens.clear();
        let mut i = 0;
        while i < buf.len() {
            if buf[i] == b' ' {
                i += 1;
                continue;
            }
            let s = i;
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            while i < buf.len() && buf[i] != b' ' {
                h ^= buf[i] as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
                i += 1;
            }
            tokens.push((s, i, h));
        }
        let mut cov = 0; // first covered range that may contain the current token
        for (ti, &(s, e, h)) in tokens.iter().enumerate() {
            if e - s < self.min_key {
                continue;
            }
            // A token inside an exact match cannot be part of a fuzzy window.
            while cov < covered.len() && covered[cov].1 <= s {
                cov += 1;
            }
            if cov < covered.len() && covered[cov].0 < e {
                continue;
            }
            let Some(list) = self.keys.get(&h) else {
                continue;
            };
            for key in list {
                let (pos, n) = (key.pos as usize, key.len as usize);
                if pos > ti || ti - pos + n > tokens.len() {
                    continue;
                }
                let w = ti - pos;
                let window = &tokens[w..w + n];
                let hashes = &self.flat[key.off as usize..key.off as usize + n];
                // Cheap filter on hashes: exactly one token may differ.
                let mut differing = 0;
                for (t, h) in window.iter().zip(hashes) {
                    if t.2 != *h {
                        differing += 1;
                        if differing > 1 {
                            break;
                        }
                    }
                }
                if differing != 1 {
                    continue;
                }
                let (ws, we) = (window[0].0, window[n - 1].1);
                // Only the covered ranges on either side of this (uncovered) token can overlap.
                if (cov > 0 && covered[cov - 1].1 > ws)
                    || (cov < covered.len() && covered[cov].0 < we)
                {
                    continue;
                }
                let term = &self.terms[key.term as usize];
                if let Some(score) = compare(buf, window, term) {
                    hits.push(FuzzyHit {
                        start: ws,
                        end: we,
                        entry: term.entry,
                        score,
                    });
                }
            }
        }
        hits.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.score.total_cmp(&a.score))
                .then((b.end - b.start).cmp(&(a.end - a.start)))
        });
        let mut out: Vec<FuzzyHit> = Vec::new();
        for h in hits {
            if out.last().is_some_and(|l| h.start < l.end) {
                continue;
            }
            out.push(h);
        }
        out
    }
}

/// Similarity of a window with a term when exactly one long word is one edit away.
fn compare(buf: &[u8], window: &[(usize, usize, u64)], term: &FuzzyTerm) -> Option<f64> {
    let mut differing = None;
    for (k, &(s, e, _)) in window.iter().enumerate() {
        if buf[s..e] != *term.tokens[k] {
            if differing.is_some() {
                return None;
            }
            differing = Some(k);
        }
    }
    let k = differing?;
    let got = std::str::from_utf8(&buf[window[k].0..window[k].1]).ok()?;
    let want = std::str::from_utf8(&term.tokens[k]).ok()?;
    if want.chars().count() < MIN_WORD || !got.chars().all(char::is_alphanumeric) {
        return None;
    }
    if !one_edit_apart(got, want) {
        return None;
    }
    // A difference in the last letter only (added, dropped or changed) is inflection
    // (`lutte`/`lutter`/`luttes`, `migrant`/`migrants`), not a misspelling.
    let prefix = got
        .chars()
        .zip(want.chars())
        .take_while(|(a, b)| a == b)
        .count();
    if got.chars().count().max(want.chars().count()) - prefix <= 1 {
        return None;
    }
    let got_chars = term.chars + got.chars().count() - want.chars().count();
    Some(1.0 - 1.0 / term.chars.max(got_chars) as f64)
}

/// Whether `a` and `b` are exactly one Damerau-Levenshtein edit apart: one letter dropped,
/// added or changed, or two adjacent letters swapped. Linear time, no allocation.
pub(crate) fn one_edit_apart(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let mut x = a.chars().peekable();
    let mut y = b.chars().peekable();
    // Skip the common prefix.
    while let (Some(p), Some(q)) = (x.peek(), y.peek()) {
        if p != q {
            break;
        }
        x.next();
        y.next();
    }
    let rest_a: Vec<char> = x.collect();
    let rest_b: Vec<char> = y.collect();
    match la.cmp(&lb) {
        std::cmp::Ordering::Greater => rest_a[1..] == rest_b[..],
        std::cmp::Ordering::Less => rest_a[..] == rest_b[1..],
        std::cmp::Ordering::Equal => {
            rest_a[1..] == rest_b[1..]
                || (rest_a.len() >= 2
                    && rest_a[0] == rest_b[1]
                    && rest_a[1] == rest_b[0]
                    && rest_a[2..] == rest_b[2..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_agrees_with_damerau_levenshtein() {
        let words = [
            "migrations",
            "migratons",
            "migartions",
            "migrationss",
            "mxgrations",
            "migrat",
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "éte",
            "été",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    one_edit_apart(a, b),
                    strsim::damerau_levenshtein(a, b) == 1,
                    "{a} / {b}"
                );
            }
        }
    }

    #[test]
    fn one_letter_dropped_in_a_long_word() {
        let mut idx = FuzzyIndex::default();
        idx.add("organisation  internationale  pour  les  migrations", 7);
        idx.finish();
        let buf = b"  l  organisation  internationale  pour  les  migratons  ";
        let hits = idx.find(buf, &[], &mut Vec::new());
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].entry, 7);
        assert_eq!(
            &buf[hits[0].start..hits[0].end],
            b"organisation  internationale  pour  les  migratons"
        );
        assert!((hits[0].score - (1.0 - 1.0 / 47.0)).abs() < 1e-9);
    }

    #[test]
    fn an_added_final_letter_is_inflection_not_a_typo() {
        let mut idx = FuzzyIndex::default();
        idx.add("lutte  contre  la  corruption", 3);
        idx.finish();
        let buf = b"  lutter  contre  la  corruption  ";
        assert!(idx.find(buf, &[], &mut Vec::new()).is_empty());
        let mut plural = FuzzyIndex::default();
        plural.add("luttes  contre  la  corruption", 3);
        plural.finish();
        assert!(plural.find(buf, &[], &mut Vec::new()).is_empty());
        let buf = b"  lutte  contre  la  coruption  ";
        assert_eq!(idx.find(buf, &[], &mut Vec::new()).len(), 1);
    }

    #[test]
    fn short_words_and_covered_spans_are_not_fuzzy() {
        let mut idx = FuzzyIndex::default();
        idx.add("sommet  des  ameriques", 1);
        idx.finish();
        assert!(idx
            .find(b"  sommet  les  ameriques  ", &[], &mut Vec::new())
            .is_empty());
        assert_eq!(
            idx.find(b"  sommet  des  amerques  ", &[], &mut Vec::new())
                .len(),
            1
        );
        assert!(idx
            .find(b"  sommet  des  amerques  ", &[(2, 10)], &mut Vec::new())
            .is_empty());
    }
}
