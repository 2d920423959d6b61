//! The lexical score of a bead, computed row by row of the banded DP.
//!
//! For target sentence `b`, the translation-table links between its words and those of every
//! source sentence `a` the band can pair it with are found at once, through an inverted table
//! (target word → source words) and a per-row map of source word → links, then stored per pair
//! as per-word sums. The score of a bead adds up the sums of its pairs and takes one logarithm
//! per word, in a loop the compiler vectorises ([`ln_sum`]).

use super::dp::Band;
use super::lexicon::Lexicon;

/// One inverted link: a source word linked to some target word.
#[derive(Debug, Clone, Copy)]
struct InvLink {
    src: u32,
    fwd: f32,
    bwd: f32,
    anchor: bool,
}

/// The translation table indexed by target word.
#[derive(Debug, Clone, Default)]
pub(super) struct InvLexicon {
    start: Vec<u32>,
    links: Vec<InvLink>,
}

impl InvLexicon {
    pub(super) fn new(lex: &Lexicon, src_words: usize, tgt_words: usize) -> InvLexicon {
        let mut count = vec![0u32; tgt_words + 1];
        for f in 0..src_words as u32 {
            for l in lex.links(f) {
                if (l.tgt as usize) < tgt_words {
                    count[l.tgt as usize + 1] += 1;
                }
            }
        }
        for k in 1..count.len() {
            count[k] += count[k - 1];
        }
        let start = count.clone();
        let mut fill = count;
        let mut links = vec![
            InvLink {
                src: 0,
                fwd: 0.0,
                bwd: 0.0,
                anchor: false
            };
            start[tgt_words] as usize
        ];
        for f in 0..src_words as u32 {
            for l in lex.links(f) {
                let e = l.tgt as usize;
                if e < tgt_words {
                    links[fill[e] as usize] = InvLink {
                        src: f,
                        fwd: l.fwd,
                        bwd: l.bwd,
                        anchor: l.anchor,
                    };
                    fill[e] += 1;
                }
            }
        }
        InvLexicon { start, links }
    }

    fn of(&self, tgt: u32) -> &[InvLink] {
        let e = tgt as usize;
        if e + 1 >= self.start.len() {
            return &[];
        }
        &self.links[self.start[e] as usize..self.start[e + 1] as usize]
    }
}

/// What the scorer needs of a sentence.
#[derive(Debug, Clone)]
pub(super) struct SentView<'a> {
    pub toks: &'a [u32],
    /// `1 / p(w)` of each token.
    pub inv: &'a [f32],
}

/// A sentence pair's links, as ranges into its row's arenas.
#[derive(Debug, Clone, Copy, Default)]
struct PairSpan {
    /// Non-anchor sums per target position: `(position, Σ t(e|f))`.
    t: (u32, u32),
    /// Non-anchor sums per source position: `(position, Σ t(f|e))`.
    s: (u32, u32),
    /// Anchor links `(source position, target position, fwd, bwd)`.
    anc: (u32, u32),
}

/// All pairs `(a, b)` of one target sentence `b`.
#[derive(Debug, Default)]
struct Row {
    b: usize,
    a_lo: usize,
    pairs: Vec<PairSpan>,
    t_nz: Vec<(u32, f32)>,
    s_nz: Vec<(u32, f32)>,
    anchors: Vec<(u32, u32, f32, f32)>,
}

/// Weights of the lexical score.
#[derive(Debug, Clone, Copy)]
pub(super) struct Weights {
    pub lambda: f32,
    pub cap: f32,
}

/// Scores beads of one document for rows visited in increasing order (any starting row).
pub(super) struct Scorer<'a> {
    src: &'a [SentView<'a>],
    tgt: &'a [SentView<'a>],
    inv: &'a InvLexicon,
    band: &'a Band,
    w: Weights,
    rows: [Row; 4],
    /// Per source word: stamp of the row whose map holds it, and head of its chain.
    stamp: Vec<u32>,
    head: Vec<u32>,
    /// Chain entries `(next, target position, fwd, bwd, anchor)`.
    chain: Vec<(u32, u32, f32, f32, bool)>,
    cur: u32,
    tacc: Vec<f32>,
    sacc: Vec<f32>,
    tsum: Vec<f32>,
    ssum: Vec<f32>,
    xs: Vec<f32>,
    owner_s: Vec<[f32; 3]>,
    owner_t: Vec<[f32; 3]>,
}

const NONE: u32 = u32::MAX;

impl<'a> Scorer<'a> {
    pub(super) fn new(
        src: &'a [SentView<'a>],
        tgt: &'a [SentView<'a>],
        inv: &'a InvLexicon,
        src_vocab: usize,
        band: &'a Band,
        w: Weights,
    ) -> Self {
        Scorer {
            src,
            tgt,
            inv,
            band,
            w,
            rows: std::array::from_fn(|_| Row {
                b: usize::MAX,
                ..Default::default()
            }),
            stamp: vec![0; src_vocab],
            head: vec![NONE; src_vocab],
            chain: Vec::new(),
            cur: 0,
            tacc: Vec::new(),
            sacc: Vec::new(),
            tsum: Vec::new(),
            ssum: Vec::new(),
            xs: Vec::new(),
            owner_s: Vec::new(),
            owner_t: Vec::new(),
        }
    }

    /// Makes sure the pairs of target sentence `b` are computed.
    fn ensure_row(&mut self, b: usize) {
        if self.rows[b % 4].b == b {
            return;
        }
        let (n, m) = (self.band.n, self.band.m);
        let a_lo = self.band.row(b + 1).start().saturating_sub(3);
        let a_hi = (*self.band.row((b + 3).min(m)).end()).min(n);
        let mut row = std::mem::take(&mut self.rows[b % 4]);
        row.b = b;
        row.a_lo = a_lo;
        row.pairs.clear();
        row.t_nz.clear();
        row.s_nz.clear();
        row.anchors.clear();
        // Map of the source words linked to a word of `b`.
        self.cur = self.cur.wrapping_add(1);
        if self.cur == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.cur = 1;
        }
        self.chain.clear();
        let t = &self.tgt[b];
        for (pe, &e) in t.toks.iter().enumerate() {
            for l in self.inv.of(e) {
                let f = l.src as usize;
                if f >= self.stamp.len() {
                    continue;
                }
                if self.stamp[f] != self.cur {
                    self.stamp[f] = self.cur;
                    self.head[f] = NONE;
                }
                self.chain
                    .push((self.head[f], pe as u32, l.fwd, l.bwd, l.anchor));
                self.head[f] = (self.chain.len() - 1) as u32;
            }
        }
        self.tacc.clear();
        self.tacc.resize(t.toks.len(), 0.0);
        for a in a_lo..a_hi {
            let s = &self.src[a];
            self.sacc.clear();
            self.sacc.resize(s.toks.len(), 0.0);
            let anc0 = row.anchors.len() as u32;
            for (pf, &f) in s.toks.iter().enumerate() {
                let f = f as usize;
                if f >= self.stamp.len() || self.stamp[f] != self.cur {
                    continue;
                }
                let mut c = self.head[f];
                while c != NONE {
                    let (next, pe, fw, bw, anchor) = self.chain[c as usize];
                    if anchor {
                        row.anchors.push((pf as u32, pe, fw, bw));
                    } else {
                        self.tacc[pe as usize] += fw;
                        self.sacc[pf] += bw;
                    }
                    c = next;
                }
            }
            let t0 = row.t_nz.len() as u32;
            for (pe, v) in self.tacc.iter_mut().enumerate() {
                if *v != 0.0 {
                    row.t_nz.push((pe as u32, *v));
                    *v = 0.0;
                }
            }
            let s0 = row.s_nz.len() as u32;
            for (pf, &v) in self.sacc.iter().enumerate() {
                if v != 0.0 {
                    row.s_nz.push((pf as u32, v));
                }
            }
            row.pairs.push(PairSpan {
                t: (t0, row.t_nz.len() as u32),
                s: (s0, row.s_nz.len() as u32),
                anc: (anc0, row.anchors.len() as u32),
            });
        }
        self.rows[b % 4] = row;
    }

    fn pair(&self, a: usize, b: usize) -> Option<(&Row, PairSpan)> {
        let row = &self.rows[b % 4];
        if row.b != b || a < row.a_lo {
            return None;
        }
        row.pairs.get(a - row.a_lo).map(|p| (row, *p))
    }

    /// Model 1 log-likelihood ratio of the bead `a0..a1` × `b0..b1` against the unigram
    /// background, both directions.
    ///
    /// In a bead with several sentences on one side, every anchor word (shared name, number,
    /// acronym, glossary term) of the other side is explained by one of them only: the one
    /// whose words link to it most strongly (a sentence-level fertility constraint). Without it
    /// a sentence repeating the names of its neighbour earns the same evidence a second time and
    /// is absorbed into the bead instead of standing alone.
    pub(super) fn lexical(&mut self, a0: usize, a1: usize, b0: usize, b1: usize) -> f64 {
        for b in b0..b1 {
            self.ensure_row(b);
        }
        let mut src_off = [0usize; 4];
        let mut tgt_off = [0usize; 4];
        for a in a0..a1 {
            src_off[a - a0 + 1] = src_off[a - a0] + self.src[a].toks.len();
        }
        for b in b0..b1 {
            tgt_off[b - b0 + 1] = tgt_off[b - b0] + self.tgt[b].toks.len();
        }
        let (ns, nt) = (a1 - a0, b1 - b0);
        let (src_words, tgt_words) = (src_off[ns], tgt_off[nt]);
        let mut tsum = std::mem::take(&mut self.tsum);
        let mut ssum = std::mem::take(&mut self.ssum);
        tsum.clear();
        tsum.resize(tgt_words, 0.0);
        ssum.clear();
        ssum.resize(src_words, 0.0);
        let shared = (ns > 1 || nt > 1)
            && (a0..a1)
                .any(|a| (b0..b1).any(|b| self.pair(a, b).is_some_and(|(_, p)| p.anc.1 > p.anc.0)));
        let mut owner_s = std::mem::take(&mut self.owner_s);
        let mut owner_t = std::mem::take(&mut self.owner_t);
        if shared {
            owner_s.clear();
            owner_t.clear();
            owner_s.resize(src_words, [0.0; 3]);
            owner_t.resize(tgt_words, [0.0; 3]);
            for a in a0..a1 {
                for b in b0..b1 {
                    let Some((row, p)) = self.pair(a, b) else {
                        continue;
                    };
                    for &(pf, pe, fw, bw) in &row.anchors[p.anc.0 as usize..p.anc.1 as usize] {
                        owner_s[src_off[a - a0] + pf as usize][b - b0] += fw + bw;
                        owner_t[tgt_off[b - b0] + pe as usize][a - a0] += fw + bw;
                    }
                }
            }
        }
        let argmax = |v: &[f32; 3]| {
            let mut k = 0;
            for x in 1..3 {
                if v[x] > v[k] {
                    k = x;
                }
            }
            k
        };
        for a in a0..a1 {
            for b in b0..b1 {
                let Some((row, p)) = self.pair(a, b) else {
                    continue;
                };
                let (so, to) = (src_off[a - a0], tgt_off[b - b0]);
                for &(pe, v) in &row.t_nz[p.t.0 as usize..p.t.1 as usize] {
                    tsum[to + pe as usize] += v;
                }
                for &(pf, v) in &row.s_nz[p.s.0 as usize..p.s.1 as usize] {
                    ssum[so + pf as usize] += v;
                }
                for &(pf, pe, fw, bw) in &row.anchors[p.anc.0 as usize..p.anc.1 as usize] {
                    let (fs, et) = (so + pf as usize, to + pe as usize);
                    if shared
                        && ((nt > 1 && argmax(&owner_s[fs]) != b - b0)
                            || (ns > 1 && argmax(&owner_t[et]) != a - a0))
                    {
                        continue;
                    }
                    tsum[et] += fw;
                    ssum[fs] += bw;
                }
            }
        }
        // Model 1: a word is generated by a uniformly chosen word of the other side (+ NULL),
        // mixed with the unigram background: ln((1 − λ) + λ · t̄ / p(w)), capped.
        let lambda = self.w.lambda;
        let base = 1.0 - lambda;
        let ct = lambda / (src_words as f32 + 1.0);
        let cs = lambda / (tgt_words as f32 + 1.0);
        let mut xs = std::mem::take(&mut self.xs);
        xs.clear();
        for b in b0..b1 {
            let off = tgt_off[b - b0];
            let inv = self.tgt[b].inv;
            xs.extend(
                tsum[off..off + inv.len()]
                    .iter()
                    .zip(inv)
                    .map(|(&s, &i)| base + ct * s * i),
            );
        }
        for a in a0..a1 {
            let off = src_off[a - a0];
            let inv = self.src[a].inv;
            xs.extend(
                ssum[off..off + inv.len()]
                    .iter()
                    .zip(inv)
                    .map(|(&s, &i)| base + cs * s * i),
            );
        }
        let score = ln_sum(&xs, self.w.cap);
        self.xs = xs;
        self.tsum = tsum;
        self.ssum = ssum;
        self.owner_s = owner_s;
        self.owner_t = owner_t;
        score
    }
}

/// Natural logarithm of a positive normal `f32`, to about 1e-7 relative error; branch-free so
/// that loops over it vectorise.
#[inline(always)]
pub(super) fn fast_ln(x: f32) -> f32 {
    const SQRT2: f32 = std::f32::consts::SQRT_2;
    let bits = x.to_bits();
    let mut e = ((bits >> 23) & 0xff) as i32 - 127;
    let mut m = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000);
    let big = m > SQRT2;
    m = if big { m * 0.5 } else { m };
    e += big as i32;
    // ln m = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let p = 2.0 * s * (1.0 + s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0 + s2 / 9.0))));
    e as f32 * std::f32::consts::LN_2 + p
}

/// `Σ min(ln x, cap)` over `xs` (all positive), in eight lanes.
pub(super) fn ln_sum(xs: &[f32], cap: f32) -> f64 {
    let mut acc = [0.0f32; 8];
    let chunks = xs.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for k in 0..8 {
            acc[k] += fast_ln(c[k]).min(cap);
        }
    }
    let mut total: f64 = acc.iter().map(|&v| v as f64).sum();
    for &x in rest {
        total += fast_ln(x).min(cap) as f64;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_ln_matches_ln() {
        for &x in &[
            0.9f32, 1.0, 1.5, 2.0, 3.7, 10.0, 1234.5, 1e6, 0.03, 7.389_056,
        ] {
            let want = x.ln();
            assert!(
                (fast_ln(x) - want).abs() <= 2e-6 * want.abs().max(1.0),
                "{x}"
            );
        }
        let xs: Vec<f32> = (1..100).map(|k| k as f32 * 0.37).collect();
        let want: f64 = xs.iter().map(|&x| (x.ln()).min(2.0) as f64).sum();
        assert!((ln_sum(&xs, 2.0) - want).abs() < 1e-3);
    }
}
