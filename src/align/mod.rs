//! Sentence alignment of a French text with its English original.
//!
//! The aligner follows Moore (2002) with a few additions:
//!
//! 1. Sentences become tokens ([`tokens`]): folded words, normalised numbers, month and quote
//!    anchors, glossary / dictionary phrase anchors.
//! 2. A translation table ([`lexicon`]) starts from what needs no dictionary — identical words
//!    (names, acronyms, numbers, e-mails, URLs) and cognates — plus an optional word list.
//! 3. Pass 1: banded dynamic programming ([`dp`]) over beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1,
//!    1-3, scored by the length model ([`length`]) and the lexical score.
//! 4. IBM Model 1 ([`model1`]) is trained on the confident 1-1 beads of pass 1 (of the whole
//!    collection when several documents are aligned together).
//! 5. Pass 2 re-aligns with the enriched table; each bead's confidence is its posterior
//!    probability (forward–backward), halved for beads with an empty side.
//!
//! In a bead with several sentences on one side, each anchor word of the other side (a shared
//! name, number, acronym, glossary term) counts for one of them only, so a sentence that merely
//! repeats its neighbour's names gains nothing by joining the bead and stands alone (1-1 + 0-1
//! rather than 1-2).
//!
//! Long inputs first get a cheap length-only pass in a diagonal band; the lexical passes then run
//! in a narrow band around that path, widened wherever the best path touches the band's edge, so
//! time and memory grow linearly with the number of sentences.

pub mod dp;
pub mod eval;
pub mod export;
pub mod length;
pub mod lexicon;
pub mod model1;
pub mod prepare;
pub mod tokens;

use crate::error::Result;
use crate::glossary::Glossary;
use dp::{Band, Step, BEADS};
use length::LengthModel;
use lexicon::{Lexicon, Vocab};
use rayon::prelude::*;
use std::collections::HashMap;

/// One bead: consecutive French sentences linked to consecutive English sentences (either side may be empty).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Bead {
    /// Indices of the French sentences (0-based, consecutive).
    pub src: Vec<usize>,
    /// Indices of the English sentences (0-based, consecutive).
    pub tgt: Vec<usize>,
    /// Confidence in [0, 1].
    pub confidence: f64,
}

impl Bead {
    /// The bead type as `"2-1"`, `"1-0"`…
    pub fn kind(&self) -> String {
        format!("{}-{}", self.src.len(), self.tgt.len())
    }
}

/// Scoring parameters of the dynamic programming (costs are negative log probabilities).
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Prior cost of each bead type, in the order of [`dp::BEADS`].
    pub prior: [f64; 8],
    /// Weight of the length cost.
    pub length_weight: f64,
    /// Weight of the lexical score.
    pub lexical_weight: f64,
    /// Mixing weight of the translation evidence against the unigram background, in (0, 1).
    pub lambda: f64,
    /// Upper bound of one word's lexical reward.
    pub word_cap: f64,
    /// Temperature of the posterior used as confidence. The default 1.6 was chosen so that on
    /// the TransRead books the confidence reads as a probability of being right: beads scored
    /// 0.4–0.6 are right 55 % of the time, 0.6–0.8 78 %, 0.8–1.0 95 %.
    pub temperature: f64,
    /// Minimum posterior of a pass-1 1-1 bead to train Model 1 on it.
    pub train_threshold: f64,
}

impl Default for Params {
    /// Bead priors are the bead-type frequencies of the TransRead gold (five novels, French and
    /// English directions pooled, so 2-1 and 1-2 cost the same); the weights were chosen by
    /// leave-one-book-out search on the same books (see `benches/align_eval.sh`).
    fn default() -> Self {
        Params {
            // 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3
            prior: [0.27, 4.8, 4.8, 2.5, 2.5, 4.5, 4.4, 4.4],
            length_weight: 1.0,
            lexical_weight: 1.2,
            lambda: 0.1,
            word_cap: 8.0,
            temperature: 1.6,
            train_threshold: 0.7,
        }
    }
}

/// Options of the aligner.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// The length model (French → English defaults).
    pub length: LengthModel,
    /// Scoring parameters.
    pub params: Params,
    /// Run the second pass with IBM Model 1 (Moore's method); pass 1 alone otherwise.
    pub two_pass: bool,
    /// Model 1 training settings.
    pub model1: model1::Model1Options,
    /// Glossary whose term pairs serve as anchors (French term in the French sentence, an English
    /// equivalent in the English one).
    pub glossary: Option<Glossary>,
    /// Bilingual word or phrase list (French, English).
    pub dictionary: Vec<(String, String)>,
    /// Half-width of the fine band around the coarse path (sentences); widened where needed.
    pub band_width: usize,
    /// Inputs with at most this many DP states are aligned without any band.
    pub full_matrix_limit: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            length: LengthModel::default(),
            params: Params::default(),
            two_pass: true,
            model1: model1::Model1Options::default(),
            glossary: None,
            dictionary: Vec::new(),
            band_width: 20,
            full_matrix_limit: 400_000,
        }
    }
}

/// Aligns two sentence lists; every sentence of each side appears in exactly one bead, in order.
///
/// Fails only if the glossary's term automaton cannot be built.
pub fn align(src: &[&str], tgt: &[&str], opts: &AlignOptions) -> Result<Vec<Bead>> {
    Ok(align_documents(&[(src, tgt)], opts)?
        .pop()
        .unwrap_or_default())
}

/// Aligns several document pairs together: Model 1 is trained on the confident beads of all of
/// them (more text, better word translations), each document is aligned on its own, in parallel.
pub fn align_documents(docs: &[(&[&str], &[&str])], opts: &AlignOptions) -> Result<Vec<Vec<Bead>>> {
    let prepared = prepare(docs, opts)?;
    let Prepared {
        docs: tokdocs,
        mut lexicon,
        inv_src,
        inv_tgt,
    } = prepared;
    let ctx1 = Context {
        lex: &lexicon,
        inv_src: &inv_src,
        inv_tgt: &inv_tgt,
        opts,
    };
    let pass1: Vec<(Vec<Step>, Vec<f64>)> = tokdocs
        .par_iter()
        .map(|d| run_pass(d, &ctx1, None))
        .collect();
    if !opts.two_pass {
        return Ok(pass1
            .iter()
            .zip(&tokdocs)
            .map(|((steps, post), d)| to_beads(steps, post, d))
            .collect());
    }
    let mut pairs: Vec<(&[u32], &[u32])> = Vec::new();
    for ((steps, post), d) in pass1.iter().zip(&tokdocs) {
        for (st, &p) in steps.iter().zip(post) {
            if st.bead == 0 && p >= opts.params.train_threshold {
                pairs.push((&d.src[st.i - 1].toks, &d.tgt[st.j - 1].toks));
            }
        }
    }
    if pairs.len() < 20 {
        return Ok(pass1
            .iter()
            .zip(&tokdocs)
            .map(|((steps, post), d)| to_beads(steps, post, d))
            .collect());
    }
    let mut trained = lexicon.clone();
    model1::train(&pairs, &mut trained, &opts.model1);
    drop(pairs);
    lexicon = trained;
    let ctx2 = Context {
        lex: &lexicon,
        inv_src: &inv_src,
        inv_tgt: &inv_tgt,
        opts,
    };
    Ok(tokdocs
        .par_iter()
        .zip(pass1.par_iter())
        .map(|(d, (steps1, _))| {
            let (steps, post) = run_pass(d, &ctx2, Some(steps1));
            to_beads(&steps, &post, d)
        })
        .collect())
}

/// A tokenised sentence.
#[derive(Debug, Clone)]
struct Sent {
    chars: usize,
    toks: Vec<u32>,
    /// `(token, position)` sorted, for lookups.
    sorted: Vec<(u32, u32)>,
    /// 256-bit Bloom filter of the tokens: most lookups of absent words stop here.
    bloom: [u64; 4],
}

fn bloom_bit(tok: u32) -> (usize, u64) {
    let h = tok.wrapping_mul(0x9E37_79B9);
    ((h >> 30) as usize, 1u64 << ((h >> 24) & 63))
}

#[derive(Debug)]
struct TokDoc {
    src: Vec<Sent>,
    tgt: Vec<Sent>,
    /// Prefix sums of sentence lengths: `src_len[i]` = characters of sentences `0..i`.
    src_len: Vec<usize>,
    tgt_len: Vec<usize>,
}

impl TokDoc {
    fn new(src: Vec<Sent>, tgt: Vec<Sent>) -> TokDoc {
        let prefix = |v: &[Sent]| {
            let mut acc = vec![0usize];
            for s in v {
                acc.push(acc[acc.len() - 1] + s.chars);
            }
            acc
        };
        TokDoc {
            src_len: prefix(&src),
            tgt_len: prefix(&tgt),
            src,
            tgt,
        }
    }

    /// Characters of source sentences `a..b` and target sentences `c..d`.
    fn lengths(&self, a: usize, b: usize, c: usize, d: usize) -> (usize, usize) {
        (
            self.src_len[b] - self.src_len[a],
            self.tgt_len[d] - self.tgt_len[c],
        )
    }
}

/// Character count and tokens of a sentence, before interning.
type RawSent = (usize, Vec<String>);

struct Prepared {
    docs: Vec<TokDoc>,
    lexicon: Lexicon,
    inv_src: Vec<f32>,
    inv_tgt: Vec<f32>,
}

struct Context<'a> {
    lex: &'a Lexicon,
    inv_src: &'a [f32],
    inv_tgt: &'a [f32],
    opts: &'a AlignOptions,
}

/// Phrase anchors: token sequences on each side that map to a shared pseudo-token.
#[derive(Default)]
struct Phrases {
    by_first: HashMap<String, Vec<(Vec<String>, String)>>,
}

impl Phrases {
    fn add(&mut self, phrase: &str, anchor: &str) {
        let toks = tokens::tokenize(phrase);
        if let Some(first) = toks.first() {
            self.by_first
                .entry(first.clone())
                .or_default()
                .push((toks, anchor.to_string()));
        }
    }

    fn anchors(&self, toks: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for (p, t) in toks.iter().enumerate() {
            if let Some(cands) = self.by_first.get(t) {
                for (seq, anchor) in cands {
                    if toks.len() >= p + seq.len()
                        && toks[p..p + seq.len()] == seq[..]
                        && !out.contains(anchor)
                    {
                        out.push(anchor.clone());
                    }
                }
            }
        }
        out
    }
}

fn prepare(docs: &[(&[&str], &[&str])], opts: &AlignOptions) -> Result<Prepared> {
    let mut src_phrases = Phrases::default();
    let mut tgt_phrases = Phrases::default();
    let mut word_pairs: Vec<(String, String)> = Vec::new();
    if let Some(g) = &opts.glossary {
        for (c, concept) in g.concepts.iter().enumerate() {
            let anchor = format!("\u{2}g{c}");
            for t in &concept.src_terms {
                src_phrases.add(&t.text, &anchor);
            }
            for t in &concept.tgt_terms {
                tgt_phrases.add(&t.text, &anchor);
            }
        }
    }
    for (k, (fr, en)) in opts.dictionary.iter().enumerate() {
        let (ft, et) = (tokens::tokenize(fr), tokens::tokenize(en));
        if ft.len() == 1 && et.len() == 1 {
            word_pairs.push((ft[0].clone(), et[0].clone()));
        } else if !ft.is_empty() && !et.is_empty() {
            let anchor = format!("\u{2}d{k}");
            src_phrases.add(fr, &anchor);
            tgt_phrases.add(en, &anchor);
        }
    }
    let matcher = opts
        .glossary
        .as_ref()
        .map(crate::terms::Matcher::new)
        .transpose()?;

    let tokenize_side =
        |sents: &[&str], phrases: &Phrases, is_src: bool| -> Vec<(usize, Vec<String>)> {
            sents
                .par_iter()
                .map(|s| {
                    let mut toks = tokens::tokenize(s);
                    let mut extra = phrases.anchors(&toks);
                    if is_src {
                        if let Some(m) = &matcher {
                            for occ in m.find(s) {
                                let a = format!("\u{2}g{}", occ.concept);
                                if !extra.contains(&a) {
                                    extra.push(a);
                                }
                            }
                        }
                    }
                    toks.extend(extra);
                    (s.chars().filter(|c| !c.is_whitespace()).count(), toks)
                })
                .collect()
        };
    let raw: Vec<(Vec<RawSent>, Vec<RawSent>)> = docs
        .iter()
        .map(|(s, t)| {
            (
                tokenize_side(s, &src_phrases, true),
                tokenize_side(t, &tgt_phrases, false),
            )
        })
        .collect();
    let mut vs = Vocab::default();
    let mut vt = Vocab::default();
    let to_sent = |v: &mut Vocab, (chars, toks): &(usize, Vec<String>)| {
        let ids: Vec<u32> = toks.iter().map(|t| v.add(t)).collect();
        let mut sorted: Vec<(u32, u32)> = ids
            .iter()
            .enumerate()
            .map(|(p, &id)| (id, p as u32))
            .collect();
        sorted.sort_unstable();
        let mut bloom = [0u64; 4];
        for &id in &ids {
            let (w, bit) = bloom_bit(id);
            bloom[w] |= bit;
        }
        Sent {
            chars: *chars,
            toks: ids,
            sorted,
            bloom,
        }
    };
    let docs: Vec<TokDoc> = raw
        .iter()
        .map(|(s, t)| {
            let src = s.iter().map(|x| to_sent(&mut vs, x)).collect();
            let tgt = t.iter().map(|x| to_sent(&mut vt, x)).collect();
            TokDoc::new(src, tgt)
        })
        .collect();
    let mut lexicon = Lexicon::new(vs.len());
    lexicon::add_cognates(&mut lexicon, &vs, &vt);
    for (f, e) in &word_pairs {
        if let (Some(f), Some(e)) = (vs.get(f), vt.get(e)) {
            lexicon.add(f, e, 0.6, 0.6);
        }
    }
    Ok(Prepared {
        docs,
        lexicon,
        inv_src: vs.inverse_probabilities(),
        inv_tgt: vt.inverse_probabilities(),
    })
}

/// Per sentence pair (a, b), sparse: every translation-table link between a word of `a` and a
/// word of `b`, as `(position in a, position in b, t(e|f), t(f|e))`. Per-word sums over the
/// sentences of a bead give Model 1's scores; unlinked words are implicit zeros.
struct PairVec {
    /// Anchor links first (`links[..anchors]`), then the others.
    links: Vec<(u32, u32, f32, f32, bool)>,
    anchors: usize,
}

fn pair_vec(lex: &Lexicon, s: &Sent, t: &Sent) -> PairVec {
    let mut links: Vec<(u32, u32, f32, f32, bool)> = Vec::new();
    for (pf, &f) in s.toks.iter().enumerate() {
        for l in lex.links(f) {
            let (w, bit) = bloom_bit(l.tgt);
            if t.bloom[w] & bit == 0 {
                continue;
            }
            let start = t.sorted.partition_point(|&(id, _)| id < l.tgt);
            for &(id, pe) in &t.sorted[start..] {
                if id != l.tgt {
                    break;
                }
                links.push((pf as u32, pe, l.fwd, l.bwd, l.anchor));
            }
        }
    }
    links.sort_by_key(|l| !l.4);
    let anchors = links.iter().take_while(|l| l.4).count();
    PairVec { links, anchors }
}

/// Fast hasher for the `(a, b)` cache keys (no need for DoS resistance here).
#[derive(Default, Clone, Copy)]
struct PairHasher(u64);

impl std::hash::Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type PairCache = HashMap<(usize, usize), PairVec, std::hash::BuildHasherDefault<PairHasher>>;

struct Scorer<'a> {
    doc: &'a TokDoc,
    ctx: &'a Context<'a>,
    cache: PairCache,
    row: usize,
    penalty: f64,
    /// Scratch: per-word link sums and owner strengths of the bead being scored.
    src_sum: Vec<f32>,
    tgt_sum: Vec<f32>,
    owner_s: Vec<[f32; 3]>,
    owner_t: Vec<[f32; 3]>,
    /// Flat positions with a non-zero sum.
    touched_s: Vec<u32>,
    touched_t: Vec<u32>,
}

impl<'a> Scorer<'a> {
    fn new(doc: &'a TokDoc, ctx: &'a Context<'a>) -> Self {
        let lambda = ctx.opts.params.lambda.clamp(1e-6, 1.0 - 1e-6);
        Scorer {
            doc,
            ctx,
            cache: PairCache::default(),
            row: 0,
            src_sum: Vec::new(),
            tgt_sum: Vec::new(),
            owner_s: Vec::new(),
            owner_t: Vec::new(),
            touched_s: Vec::new(),
            touched_t: Vec::new(),
            penalty: (1.0 - lambda).ln(),
        }
    }

    fn word(&self, v: f32, inv_p: f32) -> f64 {
        if v <= 0.0 {
            return self.penalty;
        }
        let l = self.ctx.opts.params.lambda;
        ((1.0 - l) + l * v as f64 * inv_p as f64)
            .ln()
            .min(self.ctx.opts.params.word_cap)
    }

    /// Model 1 log-likelihood ratio of the bead `a0..a1` × `b0..b1` against the unigram
    /// background, both directions.
    ///
    /// In a bead with several sentences on one side, every word of the other side is explained
    /// by one of them only: the one whose words link to it most strongly (a sentence-level
    /// fertility constraint). Without it a sentence repeating the names of its neighbour
    /// (`IOM and UNHCR have worked together…` after a sentence about IOM and UNHCR) earns the
    /// same evidence a second time and is absorbed into the bead instead of standing alone.
    fn lexical(&mut self, a0: usize, a1: usize, b0: usize, b1: usize) -> f64 {
        for a in a0..a1 {
            for b in b0..b1 {
                if !self.cache.contains_key(&(a, b)) {
                    let pv = pair_vec(self.ctx.lex, &self.doc.src[a], &self.doc.tgt[b]);
                    self.cache.insert((a, b), pv);
                }
            }
        }
        // Token offsets of each sentence of the bead in the flat scratch arrays.
        let mut src_off = [0usize; 4];
        let mut tgt_off = [0usize; 4];
        for a in a0..a1 {
            src_off[a - a0 + 1] = src_off[a - a0] + self.doc.src[a].toks.len();
        }
        for b in b0..b1 {
            tgt_off[b - b0 + 1] = tgt_off[b - b0] + self.doc.tgt[b].toks.len();
        }
        let (ns, nt) = (a1 - a0, b1 - b0);
        let (src_words, tgt_words) = (src_off[ns], tgt_off[nt]);
        // Model 1: a word is generated by a uniformly chosen word of the other side (+ NULL).
        let (norm_t, norm_s) = (
            1.0 / (src_words as f32 + 1.0),
            1.0 / (tgt_words as f32 + 1.0),
        );
        // Owners: for each word, the sentence of the other side that links to it most.
        let mut owner_s = std::mem::take(&mut self.owner_s);
        let mut owner_t = std::mem::take(&mut self.owner_t);
        owner_s.clear();
        owner_t.clear();
        let shared = (ns > 1 || nt > 1)
            && (a0..a1).any(|a| {
                (b0..b1).any(|b| self.cache.get(&(a, b)).is_some_and(|pv| pv.anchors > 0))
            });
        if shared {
            if nt > 1 {
                owner_s.resize(src_words, [0.0; 3]);
            }
            if ns > 1 {
                owner_t.resize(tgt_words, [0.0; 3]);
            }
            for a in a0..a1 {
                for b in b0..b1 {
                    let Some(pv) = self.cache.get(&(a, b)) else {
                        continue;
                    };
                    for &(pf, pe, fw, bw, _) in &pv.links[..pv.anchors] {
                        if nt > 1 {
                            owner_s[src_off[a - a0] + pf as usize][b - b0] += fw + bw;
                        }
                        if ns > 1 {
                            owner_t[tgt_off[b - b0] + pe as usize][a - a0] += fw + bw;
                        }
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
        let mut src_sum = std::mem::take(&mut self.src_sum);
        let mut tgt_sum = std::mem::take(&mut self.tgt_sum);
        src_sum.clear();
        src_sum.resize(src_words, 0.0);
        tgt_sum.clear();
        tgt_sum.resize(tgt_words, 0.0);
        let mut touched_s = std::mem::take(&mut self.touched_s);
        let mut touched_t = std::mem::take(&mut self.touched_t);
        touched_s.clear();
        touched_t.clear();
        for a in a0..a1 {
            for b in b0..b1 {
                let Some(pv) = self.cache.get(&(a, b)) else {
                    continue;
                };
                for &(pf, pe, fw, bw, anchor) in &pv.links {
                    let (fs, et) = (src_off[a - a0] + pf as usize, tgt_off[b - b0] + pe as usize);
                    if anchor
                        && shared
                        && ((nt > 1 && argmax(&owner_s[fs]) != b - b0)
                            || (ns > 1 && argmax(&owner_t[et]) != a - a0))
                    {
                        continue;
                    }
                    if fw > 0.0 {
                        if tgt_sum[et] == 0.0 {
                            touched_t.push(et as u32);
                        }
                        tgt_sum[et] += fw;
                    }
                    if bw > 0.0 {
                        if src_sum[fs] == 0.0 {
                            touched_s.push(fs as u32);
                        }
                        src_sum[fs] += bw;
                    }
                }
            }
        }
        // Unlinked words all cost the same penalty; only linked words need a logarithm.
        let mut score = self.penalty * (src_words + tgt_words) as f64;
        // The sentence (index in the bead) and token of a flat position.
        let locate = |off: &[usize; 4], n: usize, x: usize| {
            let k = (1..n).take_while(|&k| off[k] <= x).count();
            (k, x - off[k])
        };
        for &x in &touched_t {
            let (k, p) = locate(&tgt_off, nt, x as usize);
            let tok = self.doc.tgt[b0 + k].toks[p];
            score += self.word(tgt_sum[x as usize] * norm_t, self.ctx.inv_tgt[tok as usize])
                - self.penalty;
        }
        for &x in &touched_s {
            let (k, p) = locate(&src_off, ns, x as usize);
            let tok = self.doc.src[a0 + k].toks[p];
            score += self.word(src_sum[x as usize] * norm_s, self.ctx.inv_src[tok as usize])
                - self.penalty;
        }
        self.touched_s = touched_s;
        self.touched_t = touched_t;
        self.owner_s = owner_s;
        self.owner_t = owner_t;
        self.src_sum = src_sum;
        self.tgt_sum = tgt_sum;
        score
    }

    /// Cost of bead `k` ending at state `(i, j)`; rows must be visited in increasing `j`.
    fn cost(&mut self, k: usize, i: usize, j: usize) -> f64 {
        if j != self.row {
            self.row = j;
            self.cache.retain(|&(_, b), _| b + 4 >= j);
        }
        let (di, dj) = BEADS[k];
        let p = &self.ctx.opts.params;
        let mut c = p.prior[k];
        if di > 0 && dj > 0 {
            let (ls, lt) = self.doc.lengths(i - di, i, j - dj, j);
            c += p.length_weight * self.ctx.opts.length.cost(ls, lt);
            c -= p.lexical_weight * self.lexical(i - di, i, j - dj, j);
        }
        c
    }
}

fn length_only_cost(doc: &TokDoc, opts: &AlignOptions, k: usize, i: usize, j: usize) -> f64 {
    let (di, dj) = BEADS[k];
    let mut c = opts.params.prior[k];
    if di > 0 && dj > 0 {
        let (ls, lt) = doc.lengths(i - di, i, j - dj, j);
        c += opts.params.length_weight * opts.length.cost(ls, lt);
    }
    c
}

fn path_states(steps: &[Step]) -> Vec<(usize, usize)> {
    let mut v = vec![(0, 0)];
    v.extend(steps.iter().map(|s| (s.i, s.j)));
    v
}

fn touches_edge(band: &Band, steps: &[Step]) -> bool {
    !band.is_full() && steps.iter().any(|s| band.near_edge(s.i, s.j, 2))
}

/// One lexical pass over a document: band, costs, best path, posteriors.
fn run_pass(
    doc: &TokDoc,
    ctx: &Context<'_>,
    previous: Option<&Vec<Step>>,
) -> (Vec<Step>, Vec<f64>) {
    let (n, m) = (doc.src.len(), doc.tgt.len());
    let opts = ctx.opts;
    let full = (n + 1).saturating_mul(m + 1) <= opts.full_matrix_limit;
    let mut width = opts.band_width.max(4);
    let mut band = if full {
        Band::full(n, m)
    } else {
        let guide = match previous {
            Some(p) => p.clone(),
            None => coarse_path(doc, opts),
        };
        Band::around(n, m, &path_states(&guide), width)
    };
    loop {
        let mut scorer = Scorer::new(doc, ctx);
        let mut costs: Vec<[f32; 8]> = vec![[f32::INFINITY; 8]; band.len()];
        for j in 0..=m {
            for i in band.row(j) {
                let Some(s) = band.index(i, j) else { continue };
                for (k, &(di, dj)) in BEADS.iter().enumerate() {
                    if i >= di && j >= dj && band.index(i - di, j - dj).is_some() {
                        costs[s][k] = scorer.cost(k, i, j) as f32;
                    }
                }
            }
        }
        drop(scorer);
        let lookup = |k: usize, i: usize, j: usize| -> f64 {
            band.index(i, j)
                .map_or(f64::INFINITY, |s| costs[s][k] as f64)
        };
        let steps = dp::viterbi(&band, lookup);
        if touches_edge(&band, &steps) && width < n.max(m) {
            width *= 2;
            band = Band::around(n, m, &path_states(&steps), width);
            continue;
        }
        let post = dp::posteriors(&band, lookup, &steps, opts.params.temperature);
        return (steps, post);
    }
}

/// The cheap first path for long inputs: length only, in a diagonal band widened until the path
/// stays clear of its edges.
fn coarse_path(doc: &TokDoc, opts: &AlignOptions) -> Vec<Step> {
    let (n, m) = (doc.src.len(), doc.tgt.len());
    let mut width = 64usize;
    loop {
        let band = Band::diagonal(n, m, width);
        let steps = dp::viterbi(&band, |k, i, j| length_only_cost(doc, opts, k, i, j));
        if !touches_edge(&band, &steps) || width >= n.max(m) {
            return steps;
        }
        width *= 2;
    }
}

fn to_beads(steps: &[Step], post: &[f64], doc: &TokDoc) -> Vec<Bead> {
    let mut beads: Vec<Bead> = steps
        .iter()
        .zip(post)
        .map(|(st, &p)| {
            let (di, dj) = BEADS[st.bead];
            let empty_side = di == 0 || dj == 0;
            Bead {
                src: (st.i - di..st.i).collect(),
                tgt: (st.j - dj..st.j).collect(),
                confidence: if empty_side { 0.5 * p } else { p },
            }
        })
        .collect();
    // The DP always reaches the end; guard anyway so every sentence is covered exactly once.
    let (ns, nt) = (doc.src.len(), doc.tgt.len());
    let done_s = steps.last().map_or(0, |s| s.i);
    let done_t = steps.last().map_or(0, |s| s.j);
    beads.extend((done_s..ns).map(|i| Bead {
        src: vec![i],
        tgt: vec![],
        confidence: 0.0,
    }));
    beads.extend((done_t..nt).map(|j| Bead {
        src: vec![],
        tgt: vec![j],
        confidence: 0.0,
    }));
    beads
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lexical score of the bead `src[a0..a1]` × `tgt[b0..b1]` with the table that needs no
    /// training (identical words, acronyms, numbers).
    fn bead_score(src: &[&str], tgt: &[&str], a: (usize, usize), b: (usize, usize)) -> f64 {
        let opts = AlignOptions::default();
        let p = prepare(&[(src, tgt)], &opts).unwrap();
        let ctx = Context {
            lex: &p.lexicon,
            inv_src: &p.inv_src,
            inv_tgt: &p.inv_tgt,
            opts: &opts,
        };
        let mut scorer = Scorer::new(&p.docs[0], &ctx);
        scorer.lexical(a.0, a.1, b.0, b.1)
    }

    #[test]
    fn a_sentence_repeating_its_neighbours_anchors_earns_nothing() {
        let fr = ["L’OIM et le HCR ont signé l’accord à Lima en 2006."];
        let en = [
            "IOM and UNHCR signed the agreement in Lima in 2006.",
            "IOM and UNHCR welcomed Lima.",
        ];
        // The second English sentence's names are all explained by the first one already:
        // merging it only adds unexplained words.
        assert!(bead_score(&fr, &en, (0, 1), (0, 2)) < bead_score(&fr, &en, (0, 1), (0, 1)));
        // With an anchor of its own (the year), it adds evidence and the merge pays.
        let fr2 = ["L’OIM et le HCR ont signé l’accord à Lima, puis en 2006 à Quito."];
        let en2 = [
            "IOM and UNHCR signed the agreement in Lima.",
            "They signed it again in Quito in 2006.",
        ];
        assert!(bead_score(&fr2, &en2, (0, 1), (0, 2)) > bead_score(&fr2, &en2, (0, 1), (0, 1)));
    }

    #[test]
    fn empty_sides() {
        assert!(align(&[], &[], &AlignOptions::default())
            .unwrap()
            .is_empty());
        let b = align(&["Bonjour."], &[], &AlignOptions::default()).unwrap();
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].src, vec![0]);
        assert!(b[0].tgt.is_empty());
    }
}
