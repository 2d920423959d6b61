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
mod scorer;
pub mod tokens;
pub mod word_model;

pub use word_model::WordModel;

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
    /// A word model trained beforehand ([`WordModel::train`]): its links join the starting
    /// table, so the first pass already uses them; the second pass still learns from the pair.
    pub word_model: Option<std::sync::Arc<WordModel>>,
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
            band_width: 10,
            full_matrix_limit: 400_000,
            word_model: None,
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
        src_vocab,
        tgt_vocab,
        ..
    } = prepared;
    let inv1 = scorer::InvLexicon::new(&lexicon, src_vocab, tgt_vocab);
    let ctx1 = Context {
        inv_lex: &inv1,
        src_vocab,
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
    let inv2 = scorer::InvLexicon::new(&lexicon, src_vocab, tgt_vocab);
    drop(lexicon);
    let ctx2 = Context {
        inv_lex: &inv2,
        src_vocab,
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

/// [`WordModel::train`]: pass 1 over all documents, then Model 1 on its confident 1-1 beads;
/// the learnt (non-anchor) links, by word.
fn train_word_model(docs: &[(&[&str], &[&str])], opts: &AlignOptions) -> Result<WordModel> {
    let p = prepare(docs, opts)?;
    let inv1 = scorer::InvLexicon::new(&p.lexicon, p.src_vocab, p.tgt_vocab);
    let ctx1 = Context {
        inv_lex: &inv1,
        src_vocab: p.src_vocab,
        opts,
    };
    let pass1: Vec<(Vec<Step>, Vec<f64>)> = p
        .docs
        .par_iter()
        .map(|d| run_pass(d, &ctx1, None))
        .collect();
    let mut pairs: Vec<(&[u32], &[u32])> = Vec::new();
    for ((steps, post), d) in pass1.iter().zip(&p.docs) {
        for (st, &pr) in steps.iter().zip(post) {
            if st.bead == 0 && pr >= opts.params.train_threshold {
                pairs.push((&d.src[st.i - 1].toks, &d.tgt[st.j - 1].toks));
            }
        }
    }
    let mut model = WordModel {
        version: word_model::WORD_MODEL_VERSION,
        links: Vec::new(),
    };
    if pairs.len() < 20 {
        return Ok(model);
    }
    let mut learnt = Lexicon::new(p.src_vocab);
    model1::train(&pairs, &mut learnt, &opts.model1);
    let (vs, vt) = &p.vocabs;
    for f in 0..p.src_vocab as u32 {
        for l in learnt.links(f) {
            model.links.push((
                vs.word(f).to_string(),
                vt.word(l.tgt).to_string(),
                l.fwd,
                l.bwd,
            ));
        }
    }
    model.links.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    Ok(model)
}

/// A tokenised sentence.
#[derive(Debug, Clone)]
struct Sent {
    chars: usize,
    toks: Vec<u32>,
    /// `1 / p(w)` of each token (filled once the vocabulary is complete).
    inv: Vec<f32>,
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
    src_vocab: usize,
    tgt_vocab: usize,
    vocabs: (Vocab, Vocab),
}

struct Context<'a> {
    inv_lex: &'a scorer::InvLexicon,
    src_vocab: usize,
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
    let to_sent = |v: &mut Vocab, (chars, toks): &(usize, Vec<String>)| Sent {
        chars: *chars,
        toks: toks.iter().map(|t| v.add(t)).collect(),
        inv: Vec::new(),
    };
    let mut docs: Vec<TokDoc> = raw
        .iter()
        .map(|(s, t)| {
            let src = s.iter().map(|x| to_sent(&mut vs, x)).collect();
            let tgt = t.iter().map(|x| to_sent(&mut vt, x)).collect();
            TokDoc::new(src, tgt)
        })
        .collect();
    drop(raw);
    let (inv_src, inv_tgt) = (vs.inverse_probabilities(), vt.inverse_probabilities());
    for d in &mut docs {
        for s in &mut d.src {
            s.inv = s.toks.iter().map(|&t| inv_src[t as usize]).collect();
        }
        for s in &mut d.tgt {
            s.inv = s.toks.iter().map(|&t| inv_tgt[t as usize]).collect();
        }
    }
    let mut lexicon = Lexicon::new(vs.len());
    lexicon::add_cognates(&mut lexicon, &vs, &vt);
    if let Some(wm) = &opts.word_model {
        for (f, e, fw, bw) in &wm.links {
            if let (Some(f), Some(e)) = (vs.get(f), vt.get(e)) {
                lexicon.add(f, e, *fw, *bw);
            }
        }
    }
    for (f, e) in &word_pairs {
        if let (Some(f), Some(e)) = (vs.get(f), vt.get(e)) {
            lexicon.add(f, e, 0.6, 0.6);
        }
    }
    Ok(Prepared {
        docs,
        lexicon,
        src_vocab: vs.len(),
        tgt_vocab: vt.len(),
        vocabs: (vs, vt),
    })
}

fn length_only_cost(doc: &TokDoc, opts: &AlignOptions, k: usize, i: usize, j: usize) -> f64 {
    let (di, dj) = BEADS[k];
    let mut c = opts.params.prior[k] as f32;
    if di > 0 && dj > 0 {
        let (ls, lt) = doc.lengths(i - di, i, j - dj, j);
        c += opts.params.length_weight as f32 * opts.length.cost_fast(ls, lt);
    }
    c as f64
}

fn path_states(steps: &[Step]) -> Vec<(usize, usize)> {
    let mut v = vec![(0, 0)];
    v.extend(steps.iter().map(|s| (s.i, s.j)));
    v
}

fn touches_edge(band: &Band, steps: &[Step]) -> bool {
    !band.is_full() && steps.iter().any(|s| band.near_edge(s.i, s.j, 2))
}

/// The scorer's view of a document's sentences.
fn views(sents: &[Sent]) -> Vec<scorer::SentView<'_>> {
    sents
        .iter()
        .map(|s| scorer::SentView {
            toks: &s.toks,
            inv: &s.inv,
        })
        .collect()
}

/// Rows per parallel task when computing the costs of a band.
const ROWS_PER_TASK: usize = 512;

/// Cost of every bead ending at every state of the band (infinite where the bead starts outside
/// it). Rows are split into blocks computed in parallel, each by its own scorer; a cost depends
/// only on its bead and state, so the result is the same whatever the number of threads.
fn band_costs(doc: &TokDoc, ctx: &Context<'_>, band: &Band) -> Vec<[f32; 8]> {
    let mut costs: Vec<[f32; 8]> = vec![[f32::INFINITY; 8]; band.len()];
    let src = views(&doc.src);
    let tgt = views(&doc.tgt);
    let p = &ctx.opts.params;
    let weights = scorer::Weights {
        lambda: p.lambda.clamp(1e-6, 1.0 - 1e-6) as f32,
        cap: p.word_cap as f32,
    };
    let mut blocks: Vec<(usize, usize, &mut [[f32; 8]])> = Vec::new();
    let mut rest = costs.as_mut_slice();
    let mut j0 = 0;
    while j0 <= band.m {
        let j1 = (j0 + ROWS_PER_TASK).min(band.m + 1);
        let (head, tail) = rest.split_at_mut(band.row_start(j1) - band.row_start(j0));
        blocks.push((j0, j1, head));
        rest = tail;
        j0 = j1;
    }
    blocks.into_par_iter().for_each(|(j0, j1, out)| {
        let mut sc = scorer::Scorer::new(&src, &tgt, ctx.inv_lex, ctx.src_vocab, band, weights);
        let base = band.row_start(j0);
        for j in j0..j1 {
            for i in band.row(j) {
                let Some(s) = band.index(i, j) else { continue };
                for (k, &(di, dj)) in BEADS.iter().enumerate() {
                    if i < di || j < dj || band.index(i - di, j - dj).is_none() {
                        continue;
                    }
                    let mut c = p.prior[k];
                    if di > 0 && dj > 0 {
                        let (ls, lt) = doc.lengths(i - di, i, j - dj, j);
                        c += p.length_weight * ctx.opts.length.cost(ls, lt);
                        c -= p.lexical_weight * sc.lexical(i - di, i, j - dj, j);
                    }
                    out[s - base][k] = c as f32;
                }
            }
        }
    });
    costs
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
        let costs = band_costs(doc, ctx, &band);
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

/// The cheap first path for long inputs: length only, in a band around the path that keeps
/// both texts' character counts in proportion, widened until the path stays clear of its edges.
fn coarse_path(doc: &TokDoc, opts: &AlignOptions) -> Vec<Step> {
    let (n, m) = (doc.src.len(), doc.tgt.len());
    let (total_s, total_t) = (doc.src_len[n].max(1) as f64, doc.tgt_len[m].max(1) as f64);
    let mut guide = Vec::with_capacity(m + 1);
    let mut i = 0;
    for j in 0..=m {
        let target = doc.tgt_len[j] as f64 / total_t;
        while i < n && (doc.src_len[i + 1] as f64 / total_s) <= target {
            i += 1;
        }
        guide.push((i, j));
    }
    guide.push((n, m));
    // When the path runs along an edge, the band moves to be centred on it; after a few moves
    // it also grows.
    let mut width = 32usize;
    let mut moves = 0;
    loop {
        let band = Band::around(n, m, &guide, width);
        let steps = dp::viterbi(&band, |k, i, j| length_only_cost(doc, opts, k, i, j));
        if !touches_edge(&band, &steps) || width >= n.max(m) {
            return steps;
        }
        guide = path_states(&steps);
        moves += 1;
        if moves % 3 == 0 {
            width *= 2;
        }
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
        let inv = scorer::InvLexicon::new(&p.lexicon, p.src_vocab, p.tgt_vocab);
        let (s, t) = (views(&p.docs[0].src), views(&p.docs[0].tgt));
        let band = Band::full(s.len(), t.len());
        let w = scorer::Weights {
            lambda: opts.params.lambda as f32,
            cap: opts.params.word_cap as f32,
        };
        let mut sc = scorer::Scorer::new(&s, &t, &inv, p.src_vocab, &band, w);
        sc.lexical(a.0, a.1, b.0, b.1)
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
