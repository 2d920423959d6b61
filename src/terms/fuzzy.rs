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

/// Minimum length, in characters, of the word that may carry the spelling error.
const MIN_WORD: usize = 5;
/// Minimum length, in characters, of a term eligible for fuzzy matching.
const MIN_TERM: usize = 12;

#[derive(Debug, Clone)]
struct FuzzyTerm {
    tokens: Vec<Box<[u8]>>,
    entry: u32,
    chars: usize,
}

/// Index of the multi-word terms eligible for fuzzy matching.
#[derive(Debug, Clone, Default)]
pub(crate) struct FuzzyIndex {
    terms: Vec<FuzzyTerm>,
    keys: FnvMap<Box<[u8]>, Vec<(u32, u8)>>,
    min_key: usize,
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
        let id = self.terms.len() as u32;
        // The two longest tokens are the keys (a single-word error leaves one of them intact).
        let mut order: Vec<usize> = (0..tokens.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(tokens[i].len()));
        for &i in order.iter().take(2) {
            let key: Box<[u8]> = tokens[i].as_bytes().into();
            self.min_key = if self.min_key == 0 {
                key.len()
            } else {
                self.min_key.min(key.len())
            };
            self.keys.entry(key).or_default().push((id, i as u8));
        }
        self.terms.push(FuzzyTerm {
            tokens: tokens.iter().map(|t| t.as_bytes().into()).collect(),
            entry,
            chars,
        });
    }

    /// Whether no term is indexed.
    pub(crate) fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Fuzzy hits in `buf` (a normalised view), skipping windows that overlap `covered` (sorted,
    /// non-overlapping byte ranges of exact matches). Returned hits do not overlap each other.
    pub(crate) fn find(&self, buf: &[u8], covered: &[(usize, usize)]) -> Vec<FuzzyHit> {
        let mut hits = Vec::new();
        if self.terms.is_empty() {
            return hits;
        }
        // Token byte ranges.
        let mut tokens: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < buf.len() {
            if buf[i] == b' ' {
                i += 1;
                continue;
            }
            let s = i;
            while i < buf.len() && buf[i] != b' ' {
                i += 1;
            }
            tokens.push((s, i));
        }
        for (ti, &(s, e)) in tokens.iter().enumerate() {
            if e - s < self.min_key {
                continue;
            }
            let Some(list) = self.keys.get(&buf[s..e]) else {
                continue;
            };
            for &(tid, pos) in list {
                let term = &self.terms[tid as usize];
                let pos = pos as usize;
                if pos > ti || ti - pos + term.tokens.len() > tokens.len() {
                    continue;
                }
                let w = ti - pos;
                let window = &tokens[w..w + term.tokens.len()];
                let (ws, we) = (window[0].0, window[window.len() - 1].1);
                if overlaps(covered, ws, we) {
                    continue;
                }
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

/// Whether `start..end` overlaps one of the sorted ranges.
fn overlaps(ranges: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = ranges.partition_point(|&(_, e)| e <= start);
    ranges.get(i).is_some_and(|&(s, _)| s < end)
}

/// Similarity of a window with a term when exactly one long word is one edit away.
fn compare(buf: &[u8], window: &[(usize, usize)], term: &FuzzyTerm) -> Option<f64> {
    let mut differing = None;
    for (k, &(s, e)) in window.iter().enumerate() {
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
    let d = strsim::damerau_levenshtein(got, want);
    if d != 1 {
        return None;
    }
    let got_chars = term.chars + got.chars().count() - want.chars().count();
    Some(1.0 - d as f64 / term.chars.max(got_chars) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_dropped_in_a_long_word() {
        let mut idx = FuzzyIndex::default();
        idx.add("organisation  internationale  pour  les  migrations", 7);
        let buf = b"  l  organisation  internationale  pour  les  migratons  ";
        let hits = idx.find(buf, &[]);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].entry, 7);
        assert_eq!(
            &buf[hits[0].start..hits[0].end],
            b"organisation  internationale  pour  les  migratons"
        );
        assert!((hits[0].score - (1.0 - 1.0 / 47.0)).abs() < 1e-9);
    }

    #[test]
    fn short_words_and_covered_spans_are_not_fuzzy() {
        let mut idx = FuzzyIndex::default();
        idx.add("sommet  des  ameriques", 1);
        assert!(idx.find(b"  sommet  les  ameriques  ", &[]).is_empty());
        assert_eq!(idx.find(b"  sommet  des  amerique  ", &[]).len(), 1);
        assert!(idx
            .find(b"  sommet  des  amerique  ", &[(2, 10)])
            .is_empty());
    }
}
