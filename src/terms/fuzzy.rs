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

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Minimum length, in characters, of the word that may carry the spelling error.
const MIN_WORD: usize = 5;
/// Minimum length, in characters, of a term eligible for fuzzy matching.
const MIN_TERM: usize = 12;
/// The id of a token that no fuzzy term holds.
pub(crate) const NONE: u32 = u32::MAX;

#[derive(Debug, Clone)]
struct FuzzyTerm {
    tokens: Vec<Box<[u8]>>,
    /// Whether each token may carry the spelling error (a word of `MIN_WORD` letters or more).
    long: Vec<bool>,
    /// Letter set of each token (see [`letters`]).
    letters: Vec<u64>,
    entry: u32,
    chars: usize,
}

/// Index of the multi-word terms eligible for fuzzy matching.
///
/// Every token of these terms gets a small id; a text token whose id is [`NONE`] can only be
/// the misspelled word of a window, never its key, so the cost per text word is one array
/// look-up (no hashing here) whatever the glossary size.
#[derive(Debug, Clone, Default)]
pub(crate) struct FuzzyIndex {
    terms: Vec<FuzzyTerm>,
    /// Token bytes → id.
    ids: FnvMap<Box<[u8]>, u32>,
    /// Keys of token id `i`: `keys[key_start[i]..key_start[i + 1]]`.
    key_start: Vec<u32>,
    keys: Vec<Key>,
    /// Every term's token ids, one after the other (cache-friendly for the filter).
    flat: Vec<u32>,
    /// Most tokens in a term.
    longest: usize,
}

/// One key of a term: where its token ids are in `flat`, how many, and which one is the key.
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
    /// Indices of the first and last matched tokens in the token list searched.
    pub first: usize,
    pub last: usize,
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
            long: tokens
                .iter()
                .map(|t| t.chars().count() >= MIN_WORD && t.chars().all(char::is_alphanumeric))
                .collect(),
            letters: tokens.iter().map(|t| letters(t.as_bytes())).collect(),
            entry,
            chars,
        });
    }

    /// Builds the key index once every term is added: each term is keyed by its two rarest
    /// tokens across the glossary (longer first on a tie), so a frequent word of the text has
    /// a short candidate list, and a single-word error leaves one key intact.
    pub(crate) fn finish(&mut self) {
        let mut ids: FnvMap<Box<[u8]>, u32> = FnvMap::default();
        let mut freq: Vec<u32> = Vec::new();
        let mut term_ids: Vec<Vec<u32>> = Vec::with_capacity(self.terms.len());
        for t in &self.terms {
            let mut v = Vec::with_capacity(t.tokens.len());
            for tok in &t.tokens {
                let next = ids.len() as u32;
                let id = *ids.entry(tok.clone()).or_insert(next);
                if id as usize == freq.len() {
                    freq.push(0);
                }
                freq[id as usize] += 1;
                v.push(id);
            }
            term_ids.push(v);
        }
        // (key token id, key) pairs, then grouped by id.
        let mut pairs: Vec<(u32, Key)> = Vec::new();
        let mut flat = Vec::new();
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
            let tids = &term_ids[id];
            order.sort_by_key(|&i| (freq[tids[i] as usize], std::cmp::Reverse(t.tokens[i].len())));
            let off = flat.len() as u32;
            flat.extend_from_slice(tids);
            for &i in order.iter().take(2) {
                pairs.push((
                    tids[i],
                    Key {
                        term: id as u32,
                        off,
                        len: t.tokens.len() as u8,
                        pos: i as u8,
                    },
                ));
            }
        }
        // Stable: the keys of one token stay in term order.
        pairs.sort_by_key(|p| p.0);
        let mut key_start = vec![0u32; ids.len() + 1];
        for (tid, _) in &pairs {
            key_start[*tid as usize + 1] += 1;
        }
        for i in 1..key_start.len() {
            key_start[i] += key_start[i - 1];
        }
        self.keys = pairs.into_iter().map(|p| p.1).collect();
        self.key_start = key_start;
        self.flat = flat;
        self.ids = ids;
        self.longest = self.terms.iter().map(|t| t.tokens.len()).max().unwrap_or(0);
    }

    /// Whether no term is indexed.
    pub(crate) fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The id of a normalised token, [`NONE`] if no fuzzy term holds it.
    pub(crate) fn id_of(&self, token: &[u8]) -> u32 {
        self.ids.get(token).copied().unwrap_or(NONE)
    }

    /// Fuzzy hits in `buf` (a normalised view), skipping windows that overlap `covered` (sorted,
    /// non-overlapping byte ranges of exact matches). Returned hits do not overlap each other.
    ///
    /// `tokens` is scratch space, reused across calls to spare allocations.
    #[cfg(test)]
    pub(crate) fn find(
        &self,
        buf: &[u8],
        covered: &[(usize, usize)],
        tokens: &mut Vec<(usize, usize, u32)>,
    ) -> Vec<FuzzyHit> {
        tokens.clear();
        if self.terms.is_empty() {
            return Vec::new();
        }
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
            tokens.push((s, i, self.id_of(&buf[s..i])));
        }
        self.find_in(buf, tokens, covered)
    }

    /// Fuzzy hits among `tokens` (byte range in `buf` and id from [`FuzzyIndex::id_of`], in
    /// text order), skipping windows that overlap `covered` (sorted, non-overlapping byte
    /// ranges of `buf`). Returned hits do not overlap each other.
    #[inline(never)]
    pub(crate) fn find_in(
        &self,
        buf: &[u8],
        tokens: &[(usize, usize, u32)],
        covered: &[(usize, usize)],
    ) -> Vec<FuzzyHit> {
        let mut hits = Vec::new();
        if self.terms.is_empty() {
            return hits;
        }
        // The misspelled word is never a word of the fuzzy terms (that is another term, not a
        // typo), and has four bytes at least: count such words, to skip at once every token
        // with none within a term's length.
        let mut unknown = Vec::with_capacity(tokens.len() + 1);
        unknown.push(0u32);
        let mut n = 0;
        for &(s, e, id) in tokens {
            n += u32::from(id == NONE && e - s >= 4);
            unknown.push(n);
        }
        let reach = self.longest;
        let mut cov = 0; // first covered range that may contain the current token
        for (ti, &(s, e, id)) in tokens.iter().enumerate() {
            if id == NONE {
                continue;
            }
            let (lo, hi) = (
                (ti + 1).saturating_sub(reach),
                (ti + reach).min(tokens.len()),
            );
            if unknown[hi] == unknown[lo] {
                continue;
            }
            let (from, to) = (
                self.key_start[id as usize] as usize,
                self.key_start[id as usize + 1] as usize,
            );
            if from == to {
                continue;
            }
            // A token inside an exact match cannot be part of a fuzzy window.
            while cov < covered.len() && covered[cov].1 <= s {
                cov += 1;
            }
            if cov < covered.len() && covered[cov].0 < e {
                continue;
            }
            for key in &self.keys[from..to] {
                let (pos, n) = (key.pos as usize, key.len as usize);
                if pos > ti || ti - pos + n > tokens.len() {
                    continue;
                }
                let w = ti - pos;
                let window = &tokens[w..w + n];
                let ids = &self.flat[key.off as usize..key.off as usize + n];
                // Cheap filter on ids: exactly one token may differ.
                let mut differing = 0;
                let mut at = 0;
                for (k, (t, want)) in window.iter().zip(ids).enumerate() {
                    if t.2 != *want {
                        differing += 1;
                        at = k;
                        if differing > 1 {
                            break;
                        }
                    }
                }
                if differing != 1 || window[at].2 != NONE {
                    continue;
                }
                // Then on the differing word: long enough in the term, one edit changes a
                // length by four bytes at most, and adds or removes two letters at most.
                let term = &self.terms[key.term as usize];
                let got = &buf[window[at].0..window[at].1];
                if !term.long[at]
                    || got.len().abs_diff(term.tokens[at].len()) > 4
                    || ((letters(got) ^ term.letters[at]).count_ones() > 2
                        && got.is_ascii()
                        && term.tokens[at].is_ascii())
                {
                    continue;
                }
                let (ws, we) = (window[0].0, window[n - 1].1);
                // Only the covered ranges on either side of this (uncovered) token can overlap.
                if (cov > 0 && covered[cov - 1].1 > ws)
                    || (cov < covered.len() && covered[cov].0 < we)
                {
                    continue;
                }
                if let Some(score) = compare(buf, window, term) {
                    hits.push(FuzzyHit {
                        start: ws,
                        end: we,
                        first: w,
                        last: w + n - 1,
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

/// The set of a token's bytes (modulo 64) as a bit set: one edit of an ASCII word changes at
/// most two bits of it (a letter added, a letter removed), so it screens candidates without
/// any comparison.
fn letters(token: &[u8]) -> u64 {
    token.iter().fold(0, |m, &b| m | 1 << (b & 63))
}

/// Similarity of a window with a term when exactly one long word is one edit away.
fn compare(buf: &[u8], window: &[(usize, usize, u32)], term: &FuzzyTerm) -> Option<f64> {
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
    // Skip the common prefix (byte offset of the first difference, on a char boundary).
    let p = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let (ra, rb) = (&a[p..], &b[p..]);
    match la.cmp(&lb) {
        std::cmp::Ordering::Greater => skip(ra, 1) == rb,
        std::cmp::Ordering::Less => ra == skip(rb, 1),
        std::cmp::Ordering::Equal => {
            skip(ra, 1) == skip(rb, 1) || {
                let mut x = ra.chars();
                let mut y = rb.chars();
                matches!((x.next(), x.next(), y.next(), y.next()),
                    (Some(a0), Some(a1), Some(b0), Some(b1)) if a0 == b1 && a1 == b0)
                    && skip(ra, 2) == skip(rb, 2)
            }
        }
    }
}

/// `s` without its first `n` characters (empty if it has fewer).
fn skip(s: &str, n: usize) -> &str {
    let mut it = s.chars();
    for _ in 0..n {
        it.next();
    }
    it.as_str()
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
    fn a_word_of_another_term_is_not_a_typo() {
        let buf = b"  lutte  contre  la  corraption  ";
        let mut idx = FuzzyIndex::default();
        idx.add("lutte  contre  la  corruption", 3);
        idx.finish();
        assert_eq!(idx.find(buf, &[], &mut Vec::new()).len(), 1);
        // "corraption" is a word of a glossary term: the text means that word.
        idx.add("indice  de  corraption", 4);
        idx.finish();
        assert!(idx.find(buf, &[], &mut Vec::new()).is_empty());
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
