//! Translation-memory leverage: an in-memory fuzzy index over (source, target) pairs.
//!
//! Formats-free: units come in as strings (the caller reads TMX or anything else) and matches go
//! out as indices into the index. The score is OmegaT's token Levenshtein similarity, no-stem
//! variant (see [`score`]); the index returns exactly the matches a brute-force scan with the same
//! score finds ([`FuzzyIndex::query`] vs [`brute_force`]), only faster:
//!
//! - units are numbered internally in order of token count, so a query's length window (the
//!   counts that can still reach the minimum score) is a contiguous id range, found by binary
//!   search in every posting list;
//! - each unit is a multiset of tokens, indexed as "the k-th occurrence of token t"; a unit that
//!   can reach the minimum score shares at least `T` of them with the query, so it must hold one
//!   of the query's `n - T + 1` rarest (prefix filtering, Chaudhuri et al. 2006; Bayardo et al.
//!   2007); only those posting lists are read. For min scores of [`PREFIX_FLOOR`] and above, a
//!   unit is listed only under its own `m - ceil(m × floor / 100) + 1` rarest tokens (both sides
//!   share their rarest common token in their prefixes), so the lists of common words stay short;
//! - candidates are verified by the exact multiset overlap bound, then by a Levenshtein distance
//!   computation that stops as soon as the bound is exceeded.

mod tmx;
mod tokens;

pub use tmx::add_tmx;
pub use tokens::tokenize;

use std::collections::HashMap as StdMap;
use tokens::{each_token, FxBuild};

type HashMap<K, V> = StdMap<K, V, FxBuild>;

/// One translation unit of the memory.
#[derive(Debug, Clone, PartialEq)]
pub struct TmUnit {
    /// Source text, whitespace normalised.
    pub source: String,
    /// Target text, whitespace normalised.
    pub target: String,
    /// Index into [`FuzzyIndex::origins`] (the file the unit came from).
    pub origin: u32,
    /// A note to carry along (for example why an alignment link is doubtful).
    pub note: Option<String>,
    /// Alignment confidence (0–1), when the memory records one (`x-confidence`).
    pub confidence: Option<f64>,
}

/// How to query the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryOptions {
    /// Minimum score (1–100) of a fuzzy match.
    pub min_score: u8,
    /// At most this many matches are returned (after removing duplicate translations).
    pub max_matches: usize,
}

impl Default for QueryOptions {
    fn default() -> Self {
        QueryOptions {
            min_score: 50,
            max_matches: 3,
        }
    }
}

/// A match: the unit (index in insertion order) and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of the unit in insertion order ([`FuzzyIndex::unit`]).
    pub unit: usize,
    /// 0–100; 100 only for an exact match (identical text); identical tokens with a different
    /// text (case, punctuation) score 99.
    pub score: u8,
    /// The source text is identical to the query.
    pub exact: bool,
}

/// Collects units, then builds a [`FuzzyIndex`].
#[derive(Debug, Default)]
pub struct IndexBuilder {
    units: Vec<TmUnit>,
    origins: Vec<String>,
    vocab: HashMap<String, u32>,
    /// Token ids of every unit, concatenated; `starts[i]..starts[i + 1]` is unit i's.
    toks: Vec<u32>,
    starts: Vec<u32>,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        IndexBuilder {
            starts: vec![0],
            ..Default::default()
        }
    }

    /// Registers a file the units come from and returns its origin number.
    pub fn origin(&mut self, name: &str) -> u32 {
        if let Some(i) = self.origins.iter().position(|o| o == name) {
            return i as u32;
        }
        self.origins.push(name.to_string());
        (self.origins.len() - 1) as u32
    }

    /// Adds a unit; its texts are whitespace normalised. Units with an empty side are skipped
    /// (returns false).
    pub fn add(&mut self, source: &str, target: &str, origin: u32, note: Option<String>) -> bool {
        self.add_with_confidence(source, target, origin, note, None)
    }

    /// [`Self::add`] with the unit's alignment confidence.
    pub fn add_with_confidence(
        &mut self,
        source: &str,
        target: &str,
        origin: u32,
        note: Option<String>,
        confidence: Option<f64>,
    ) -> bool {
        let source = normalize_space(source);
        let target = normalize_space(target);
        if source.is_empty() || target.is_empty() {
            return false;
        }
        let (vocab, toks) = (&mut self.vocab, &mut self.toks);
        each_token(&source, |tok| {
            let id = match vocab.get(tok) {
                Some(&id) => id,
                None => {
                    let id = vocab.len() as u32;
                    vocab.insert(tok.to_string(), id);
                    id
                }
            };
            toks.push(id);
        });
        self.starts.push(self.toks.len() as u32);
        self.units.push(TmUnit {
            source,
            target,
            origin,
            note,
            confidence,
        });
        true
    }

    /// Number of units added so far.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether no unit was added.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Builds the index.
    pub fn build(self) -> FuzzyIndex {
        let n = self.units.len();
        let len_of = |i: usize| (self.starts[i + 1] - self.starts[i]) as usize;
        // internal ids in order of token count (stable: insertion order within a count)
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_key(|&i| len_of(i as usize));
        let lens: Vec<u32> = order.iter().map(|&i| len_of(i as usize) as u32).collect();
        // augmented tokens: (token, occurrence number) → id
        // the first occurrence of token t is t itself; later ones get ids from V upwards
        let vocab_len = self.vocab.len() as u32;
        let mut aug: HashMap<(u32, u32), u32> = HashMap::default();
        let mut unit_aug: Vec<u32> = Vec::with_capacity(self.toks.len());
        let mut aug_starts: Vec<u32> = Vec::with_capacity(n + 1);
        aug_starts.push(0);
        for &u in &order {
            let u = u as usize;
            let from = unit_aug.len();
            let toks = &self.toks[self.starts[u] as usize..self.starts[u + 1] as usize];
            for (p, &t) in toks.iter().enumerate() {
                let k = toks[..p].iter().filter(|&&x| x == t).count() as u32;
                let a = if k == 0 {
                    t
                } else {
                    let next = vocab_len + aug.len() as u32;
                    *aug.entry((t, k)).or_insert(next)
                };
                unit_aug.push(a);
            }
            unit_aug[from..].sort_unstable();
            aug_starts.push(unit_aug.len() as u32);
        }
        // postings in CSR form, ids ascending (hence token count ascending)
        let mut counts = vec![0u32; vocab_len as usize + aug.len() + 1];
        for &a in &unit_aug {
            counts[a as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let post_starts = counts.clone();
        let mut fill = counts;
        let mut postings = vec![0u32; unit_aug.len()];
        for id in 0..n {
            for &a in &unit_aug[aug_starts[id] as usize..aug_starts[id + 1] as usize] {
                postings[fill[a as usize] as usize] = id as u32;
                fill[a as usize] += 1;
            }
        }
        // prefix postings: each unit only under its `m - ceil(m * floor / 100) + 1` rarest tokens
        // (rarity: document frequency, then id — the order queries sort their tokens by)
        let df = |a: u32| post_starts[a as usize + 1] - post_starts[a as usize];
        let floor = PREFIX_FLOOR;
        let mut pref_counts = vec![0u32; post_starts.len()];
        let mut pref_of: Vec<u32> = Vec::new();
        // the token's rank in the unit's rarity order (capped at 255, which only loosens the bound)
        let mut pref_pos: Vec<u8> = Vec::new();
        let mut pref_starts: Vec<u32> = Vec::with_capacity(n + 1);
        pref_starts.push(0);
        let mut tmp: Vec<u32> = Vec::new();
        for id in 0..n {
            tmp.clear();
            tmp.extend_from_slice(&unit_aug[aug_starts[id] as usize..aug_starts[id + 1] as usize]);
            tmp.sort_unstable_by_key(|&a| (df(a), a));
            let m = tmp.len();
            let p = (m + 1)
                .saturating_sub((m * floor).div_ceil(100).max(1))
                .min(m);
            for (j, &a) in tmp[..p].iter().enumerate() {
                pref_counts[a as usize + 1] += 1;
                pref_of.push(a);
                pref_pos.push(j.min(255) as u8);
            }
            pref_starts.push(pref_of.len() as u32);
        }
        for i in 1..pref_counts.len() {
            pref_counts[i] += pref_counts[i - 1];
        }
        let prefix_starts = pref_counts.clone();
        let mut fill = pref_counts;
        let mut prefix_postings = vec![0u32; pref_of.len()];
        let mut prefix_pos = vec![0u8; pref_of.len()];
        for id in 0..n {
            let r = pref_starts[id] as usize..pref_starts[id + 1] as usize;
            for (&a, &j) in pref_of[r.clone()].iter().zip(&pref_pos[r]) {
                prefix_postings[fill[a as usize] as usize] = id as u32;
                prefix_pos[fill[a as usize] as usize] = j;
                fill[a as usize] += 1;
            }
        }
        drop(pref_of);
        drop(pref_pos);
        // token sequences by internal id
        let mut seq = Vec::with_capacity(self.toks.len());
        for &u in &order {
            let u = u as usize;
            seq.extend_from_slice(&self.toks[self.starts[u] as usize..self.starts[u + 1] as usize]);
        }
        let mut exact: HashMap<u64, Vec<u32>> = HashMap::default();
        for (i, u) in self.units.iter().enumerate() {
            exact.entry(hash_str(&u.source)).or_default().push(i as u32);
        }
        FuzzyIndex {
            units: self.units,
            origins: self.origins,
            vocab: self.vocab,
            aug,
            order,
            lens,
            seq,
            unit_aug,
            aug_starts,
            post_starts,
            postings,
            prefix_starts,
            prefix_postings,
            prefix_pos,
            exact,
        }
    }
}

/// The lowest min score the index-side prefixes serve; lower min scores read full postings.
pub const PREFIX_FLOOR: usize = 50;

/// A fuzzy index over translation units (immutable, `Send + Sync`).
#[derive(Debug)]
pub struct FuzzyIndex {
    units: Vec<TmUnit>,
    origins: Vec<String>,
    vocab: HashMap<String, u32>,
    aug: HashMap<(u32, u32), u32>,
    /// internal id → unit index
    order: Vec<u32>,
    /// internal id → token count (ascending)
    lens: Vec<u32>,
    /// token ids by internal id, concatenated (offsets: `aug_starts`, same lengths)
    seq: Vec<u32>,
    /// sorted augmented token ids by internal id, concatenated
    unit_aug: Vec<u32>,
    aug_starts: Vec<u32>,
    post_starts: Vec<u32>,
    postings: Vec<u32>,
    /// postings of units under their own prefix tokens only (for min scores ≥ PREFIX_FLOOR)
    prefix_starts: Vec<u32>,
    prefix_postings: Vec<u32>,
    /// for each prefix posting, the token's rank in that unit's rarity order (positional filter)
    prefix_pos: Vec<u8>,
    /// hash of the source → unit indices
    exact: HashMap<u64, Vec<u32>>,
}

impl FuzzyIndex {
    /// Number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether the index holds no unit.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Unit `i` (insertion order).
    pub fn unit(&self, i: usize) -> &TmUnit {
        &self.units[i]
    }

    /// The origin names registered with [`IndexBuilder::origin`].
    pub fn origins(&self) -> &[String] {
        &self.origins
    }

    /// The matches of `segment`: exact ones and fuzzy ones scoring at least `min_score`, best
    /// first (score, then exact, then insertion order), a translation already listed for the
    /// same source not repeated, at most `max_matches`.
    pub fn query(&self, segment: &str, options: &QueryOptions) -> Vec<Match> {
        let query = normalize_space(segment);
        let min = options.min_score.clamp(1, 100) as usize;
        let mut found: Vec<Match> = Vec::new();
        if let Some(ids) = self.exact.get(&hash_str(&query)) {
            for &u in ids {
                if self.units[u as usize].source == query {
                    found.push(Match {
                        unit: u as usize,
                        score: 100,
                        exact: true,
                    });
                }
            }
        }
        let q_toks: Vec<Option<u32>> = tokenize(&query)
            .into_iter()
            .map(|t| self.vocab.get(&t).copied())
            .collect();
        // the scoring in the index relies on unit token ids never reaching u32::MAX - n
        debug_assert!((self.vocab.len() as u64) < u32::MAX as u64 / 2);
        let n = q_toks.len();
        if n > 0 && min < 100 {
            self.fuzzy_candidates(&query, &q_toks, min, &mut found);
        }
        finish(&self.units, found, options.max_matches)
    }

    /// [`Self::query`] for many segments, in parallel (rayon), results in input order.
    pub fn query_many<S: AsRef<str> + Sync>(
        &self,
        segments: &[S],
        options: &QueryOptions,
    ) -> Vec<Vec<Match>> {
        use rayon::prelude::*;
        segments
            .par_iter()
            .map(|s| self.query(s.as_ref(), options))
            .collect()
    }

    fn fuzzy_candidates(
        &self,
        query: &str,
        q_toks: &[Option<u32>],
        min: usize,
        found: &mut Vec<Match>,
    ) {
        let n = q_toks.len();
        // length window: m in [ceil(n*min/100), floor(100n/min)]
        let lo_len = (n * min).div_ceil(100);
        let hi_len = 100 * n / min;
        let lo_id = self.lens.partition_point(|&l| (l as usize) < lo_len) as u32;
        let hi_id = self.lens.partition_point(|&l| (l as usize) <= hi_len) as u32;
        if lo_id >= hi_id {
            return;
        }
        // the query's augmented tokens (None: absent from the index, can never be shared)
        let mut occ: HashMap<Option<u32>, u32> = HashMap::default();
        let mut q_aug: Vec<Option<u32>> = Vec::with_capacity(n);
        for t in q_toks {
            let k = occ.entry(*t).or_insert(0);
            q_aug.push(t.and_then(|t| {
                if *k == 0 {
                    Some(t)
                } else {
                    self.aug.get(&(t, *k)).copied()
                }
            }));
            *k += 1;
        }
        let df = |a: &Option<u32>| match a {
            None => 0,
            Some(a) => self.post_starts[*a as usize + 1] - self.post_starts[*a as usize],
        };
        q_aug.sort_by_key(|a| (df(a), *a));
        let t_min = (n * min).div_ceil(100);
        let prefix = n + 1 - t_min.max(1);
        // candidates: units of the window holding one of the prefix tokens, each listed once
        // (a bit set over the window, so no sort)
        let mut cands: Vec<u32> = Vec::new();
        let mut seen = vec![0u64; ((hi_id - lo_id) as usize).div_ceil(64)];
        for (i, a) in q_aug[..prefix.min(n)].iter().enumerate() {
            let Some(a) = a else { continue };
            let a = *a as usize;
            // at or above the floor, both prefixes share a token (prefix-filtering lemma: the
            // rarest shared token is in the prefix of both); below it, all postings
            let (list, pos) = if min >= PREFIX_FLOOR {
                let r = self.prefix_starts[a] as usize..self.prefix_starts[a + 1] as usize;
                (&self.prefix_postings[r.clone()], Some(&self.prefix_pos[r]))
            } else {
                let r = self.post_starts[a] as usize..self.post_starts[a + 1] as usize;
                (&self.postings[r], None)
            };
            let from = list.partition_point(|&id| id < lo_id);
            let to = list.partition_point(|&id| id < hi_id);
            for (k, &id) in list[from..to].iter().enumerate() {
                let bit = (id - lo_id) as usize;
                if seen[bit / 64] & (1 << (bit % 64)) != 0 {
                    continue;
                }
                seen[bit / 64] |= 1 << (bit % 64);
                if let Some(pos) = pos {
                    // positional filter (PPJoin): this first shared token is the rarest shared
                    // one, at rank i in the query and j in the unit; at most the tokens after
                    // it on both sides can be shared too
                    let j = pos[from + k] as usize;
                    let m = self.lens[id as usize] as usize;
                    let l = n.max(m);
                    let need = l - l * (100 - min) / 100;
                    if 1 + (n - 1 - i).min(m.saturating_sub(1 + j)) < need {
                        continue;
                    }
                }
                cands.push(id);
            }
        }
        let mut q_sorted: Vec<u32> = q_aug.iter().flatten().copied().collect();
        q_sorted.sort_unstable();
        // a token absent from the index equals no unit token, and no other absent token
        let q_seq: Vec<u32> = q_toks
            .iter()
            .enumerate()
            .map(|(i, t)| t.unwrap_or(u32::MAX - i as u32))
            .collect();
        let mut lev = Levenshtein::default();
        for id in cands {
            let id = id as usize;
            let m = self.lens[id] as usize;
            let l = n.max(m);
            let d_max = l * (100 - min) / 100;
            let need = l - d_max;
            let range = self.aug_starts[id] as usize..self.aug_starts[id + 1] as usize;
            if !overlap_at_least(&q_sorted, &self.unit_aug[range.clone()], need) {
                continue;
            }
            let Some(d) = lev.bounded(&q_seq, &self.seq[range], d_max) else {
                continue;
            };
            let unit = self.order[id] as usize;
            if self.units[unit].source == query {
                continue; // already listed as exact
            }
            found.push(Match {
                unit,
                score: fuzzy_score(n, m, d),
                exact: false,
            });
        }
    }
}

/// OmegaT-like similarity of two texts, 0–100 (see [`fuzzy_score`]); 100 only for identical
/// (whitespace-normalised) texts.
pub fn score(a: &str, b: &str) -> u8 {
    let a = normalize_space(a);
    let b = normalize_space(b);
    if a == b {
        return 100;
    }
    let ta = tokenize(&a);
    let tb = tokenize(&b);
    if ta.is_empty() && tb.is_empty() {
        return 0;
    }
    let d = Levenshtein::default()
        .bounded(&ta, &tb, ta.len().max(tb.len()))
        .unwrap_or(ta.len().max(tb.len()));
    fuzzy_score(ta.len(), tb.len(), d)
}

/// `floor(100 × (L − d) / L)` with `L` the longer token count and `d` the token Levenshtein
/// distance (OmegaT's `FuzzyMatcher.calcSimilarity`), capped at 99: 100 is for identical texts.
pub fn fuzzy_score(n: usize, m: usize, d: usize) -> u8 {
    let l = n.max(m);
    if l == 0 {
        return 0;
    }
    ((100 * (l - d.min(l)) / l) as u8).min(99)
}

/// The reference: every unit scored against `segment`, the same ordering and truncation as
/// [`FuzzyIndex::query`]. Linear in the memory size; for tests and small memories.
pub fn brute_force(units: &[TmUnit], segment: &str, options: &QueryOptions) -> Vec<Match> {
    let query = normalize_space(segment);
    let min = options.min_score.clamp(1, 100);
    let found = units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| {
            let s = score(&query, &u.source);
            (s >= min).then_some(Match {
                unit: i,
                score: s,
                exact: s == 100,
            })
        })
        .collect();
    finish(units, found, options.max_matches)
}

fn finish(units: &[TmUnit], mut found: Vec<Match>, max: usize) -> Vec<Match> {
    found.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.exact.cmp(&a.exact))
            .then(a.unit.cmp(&b.unit))
    });
    let mut out: Vec<Match> = Vec::new();
    for m in found {
        if out.len() >= max {
            break;
        }
        let u = &units[m.unit];
        if out
            .iter()
            .any(|o| units[o.unit].source == u.source && units[o.unit].target == u.target)
        {
            continue;
        }
        out.push(m);
    }
    out
}

/// Whether two sorted lists of distinct ids share at least `need` ids (stops as soon as the
/// answer is known).
fn overlap_at_least(a: &[u32], b: &[u32], need: usize) -> bool {
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if k >= need {
            return true;
        }
        if k + (a.len() - i).min(b.len() - j) < need {
            return false;
        }
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                k += 1;
                i += 1;
                j += 1;
            }
        }
    }
    k >= need
}

/// Levenshtein distance on token sequences (insert, delete, substitute: cost 1), reusing its
/// row buffers.
#[derive(Debug, Default)]
struct Levenshtein {
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Levenshtein {
    /// The distance, or `None` when it exceeds `max` (the computation stops early).
    fn bounded<T: PartialEq>(&mut self, a: &[T], b: &[T], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        self.prev.clear();
        self.prev.extend(0..=b.len());
        for (i, x) in a.iter().enumerate() {
            self.cur.clear();
            self.cur.push(i + 1);
            let mut row_min = i + 1;
            for (j, y) in b.iter().enumerate() {
                let v = if x == y {
                    self.prev[j]
                } else {
                    1 + self.prev[j].min(self.prev[j + 1]).min(self.cur[j])
                };
                row_min = row_min.min(v);
                self.cur.push(v);
            }
            if row_min > max {
                return None;
            }
            std::mem::swap(&mut self.prev, &mut self.cur);
        }
        let d = self.prev[b.len()];
        (d <= max).then_some(d)
    }
}

/// Collapses runs of whitespace to one space and trims.
pub fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn hash_str(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = tokens::FxHasher::default();
    s.hash(&mut h);
    h.finish()
}
