//! Corpus coverage: how often each concept occurs (`unused` when never), source errors the
//! matcher flagged (`source-error`), and candidate terms the glossary lacks (`candidate-term`):
//! recurring institutional names and acronyms defined in the text.

use super::finding::{Context, Finding, Rule};
use super::ConceptCoverage;
use crate::clean::{clean_documents, CleanOptions, CleanText};
use crate::document::LineIndex;
use crate::glossary::Glossary;
use crate::lang::fold::{fold, is_acronym, starts_upper};
use crate::segment::Segmenter;
use crate::terms::{MatchKind, Occurrence};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// One corpus document: the name shown in findings and its decoded text.
#[derive(Debug, Clone)]
pub struct CorpusDoc {
    /// The name findings give (the path as the user wrote it).
    pub path: String,
    /// The decoded original text (cleaning happens inside [`analyse`]).
    pub text: String,
}

/// What [`analyse`] returns.
#[derive(Debug, Clone, Default)]
pub struct CorpusAnalysis {
    /// One row per concept, in glossary order.
    pub coverage: Vec<ConceptCoverage>,
    /// Corpus findings: unused entries, candidate terms, source errors.
    pub findings: Vec<Finding>,
}

/// Limits for candidate terms.
#[derive(Debug, Clone, Copy)]
pub struct CandidateOptions {
    /// Minimum occurrences of a multi-word name over the corpus.
    pub min_count: usize,
    /// Longest name considered, in words.
    pub max_words: usize,
    /// Most lower-case content words a name may hold (`Conseil norvégien des réfugiés`: 2).
    pub max_lower: usize,
}

impl Default for CandidateOptions {
    fn default() -> Self {
        CandidateOptions {
            min_count: 2,
            max_words: 8,
            max_lower: 3,
        }
    }
}

/// A document prepared once: cleaned text, segments, glossary occurrences, line index.
struct Prepared<'a> {
    doc: &'a CorpusDoc,
    clean: CleanText,
    lines: LineIndex,
    segments: Vec<Range<usize>>,
    occurrences: Vec<Occurrence>,
}

impl Prepared<'_> {
    /// 1-based line in the original document of byte `offset` of the cleaned text.
    fn line(&self, offset: usize) -> usize {
        let original = self.clean.original_offset(offset);
        self.lines.line_col(&self.doc.text, original).line
    }

    /// The segment (sentence) holding cleaned offset `offset`, as a range of the cleaned text.
    fn sentence(&self, offset: usize) -> Range<usize> {
        self.segments
            .iter()
            .find(|r| r.start <= offset && offset < r.end)
            .cloned()
            .unwrap_or(offset..offset)
    }

    /// A context showing the sentence around `span` with `span` highlighted.
    fn context(&self, span: Range<usize>) -> Context {
        let s = self.sentence(span.start);
        let text = self.clean.text.get(s.clone()).unwrap_or("");
        let hl = span
            .start
            .checked_sub(s.start)
            .map(|a| a..a + (span.end - span.start));
        Context::new("sentence", text, hl)
    }
}

/// Analyses `docs` against `glossary`: coverage, `unused`, `source-error` and `candidate-term`
/// findings. `find` returns glossary occurrences in a text (normally `Matcher::find`).
pub fn analyse(
    glossary: &Glossary,
    docs: &[CorpusDoc],
    find: &dyn Fn(&str) -> Vec<Occurrence>,
    segmenter: &Segmenter,
    opts: CandidateOptions,
) -> CorpusAnalysis {
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let cleaned = clean_documents(&texts, &CleanOptions::default());
    let prepared: Vec<Prepared> = docs
        .iter()
        .zip(cleaned)
        .map(|(doc, (clean, _))| {
            let segments = segmenter
                .segment(&clean.text)
                .into_iter()
                .map(|s| s.start..s.end)
                .collect();
            let mut occurrences = find(&clean.text);
            occurrences.sort_by_key(|o| (o.start, o.end));
            Prepared {
                doc,
                lines: LineIndex::new(&doc.text),
                clean,
                segments,
                occurrences,
            }
        })
        .collect();

    let mut findings = Vec::new();
    let n = glossary.concepts.len();
    let mut counts = vec![0usize; n];
    let mut doc_sets: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    for (d, p) in prepared.iter().enumerate() {
        for occ in &p.occurrences {
            if occ.concept >= n {
                continue;
            }
            counts[occ.concept] += 1;
            doc_sets[occ.concept].insert(d);
            if let Some(f) = source_error(glossary, p, occ) {
                findings.push(f);
            }
        }
    }
    let coverage: Vec<ConceptCoverage> = glossary
        .concepts
        .iter()
        .enumerate()
        .map(|(i, c)| ConceptCoverage {
            entry: super::entry_id(glossary, i),
            fr: c.headword().to_string(),
            en: c.preferred().to_string(),
            occurrences: counts[i],
            documents: doc_sets[i].len(),
        })
        .collect();
    for c in coverage.iter().filter(|c| c.occurrences == 0) {
        findings.push(
            Finding::new(
                Rule::Unused,
                format!(
                    "Entry {} («{}») does not occur in the corpus ({})",
                    c.entry,
                    c.fr,
                    plural(docs.len(), "document")
                ),
                "Nothing to fix if the entry is needed elsewhere; otherwise check its spelling against the texts.",
            )
            .entries([c.entry.clone()]),
        );
    }
    findings.extend(candidates(glossary, &prepared, opts));
    CorpusAnalysis { coverage, findings }
}

fn source_error(glossary: &Glossary, p: &Prepared, occ: &Occurrence) -> Option<Finding> {
    let fuzzy = occ.kind == MatchKind::Fuzzy;
    if occ.flags.is_empty() && !fuzzy {
        return None;
    }
    let head = glossary.concepts[occ.concept]
        .src_terms
        .first()
        .map_or("", |t| t.text.as_str());
    let mut what: Vec<String> = occ.flags.clone();
    if fuzzy {
        what.push(format!("near-miss spelling (similarity {:.2})", occ.score));
    }
    let line = p.line(occ.start);
    Some(
        Finding::new(
            Rule::SourceError,
            format!("«{}» (glossary «{head}»): {}", occ.surface, what.join(", ")),
            if fuzzy {
                format!("Check the source: the official form is «{head}».")
            } else {
                "Check the source text around the term; translate the intended form.".to_string()
            },
        )
        .entries([super::entry_id(glossary, occ.concept)])
        .at(Some(p.doc.path.clone()), Some(line))
        .context(p.context(occ.start..occ.end)),
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Inside a name only (`de`, `des`, `l’`…).
    Function,
    /// Ends a name (verbs, pronouns, determiners, `et`).
    Stop,
    /// May start a name.
    Capital,
    /// Inside or at the end of a name (adjectives, nouns, numbers).
    Lower,
}

#[derive(Debug, Clone)]
struct Token {
    span: Range<usize>,
    class: Class,
    covered: bool,
}

fn token_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[\p{L}\p{N}]+(?:[-\u{2010}\u{2011}][\p{L}\p{N}]+)*['\u{2019}]?")
            .expect("static regex")
    })
}

fn classify(word: &str) -> Class {
    let lower = word.to_lowercase();
    if crate::lang::fr::NAME_INNER_WORDS.contains(&lower.as_str()) {
        Class::Function
    } else if crate::lang::fr::NAME_ENDING_WORDS.contains(&lower.as_str())
        || crate::lang::fr::SENTENCE_OPENERS.contains(&word)
    {
        Class::Stop
    } else if starts_upper(word) {
        Class::Capital
    } else {
        Class::Lower
    }
}

/// Tokens of `text[range]` in runs that only whitespace separates (punctuation splits runs).
fn runs(text: &str, range: Range<usize>, occurrences: &[Occurrence]) -> Vec<Vec<Token>> {
    let slice = text.get(range.clone()).unwrap_or("");
    let mut out: Vec<Vec<Token>> = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    let mut last_end = 0;
    for m in token_re().find_iter(slice) {
        let gap = &slice[last_end..m.start()];
        if !gap.chars().all(char::is_whitespace) || gap.contains('\n') {
            out.push(std::mem::take(&mut current));
        }
        last_end = m.end();
        let span = range.start + m.start()..range.start + m.end();
        // Occurrences are sorted and do not overlap: only the last one starting at or before
        // the token can hold it.
        let before = occurrences.partition_point(|o| o.start <= span.start);
        let covered = before > 0 && occurrences[before - 1].end >= span.end;
        current.push(Token {
            class: classify(m.as_str()),
            span,
            covered,
        });
    }
    out.push(current);
    out.retain(|r| r.len() >= 2);
    out
}

struct Seen {
    display: String,
    count: usize,
    docs: BTreeSet<usize>,
    first: (usize, Range<usize>),
}

fn candidates(glossary: &Glossary, docs: &[Prepared], opts: CandidateOptions) -> Vec<Finding> {
    let known: HashSet<String> = glossary
        .concepts
        .iter()
        .flat_map(|c| c.src_terms.iter().chain(&c.tgt_terms))
        .map(|t| fold(&t.text))
        .collect();
    let mut names: BTreeMap<String, Seen> = BTreeMap::new();
    let mut acronyms: BTreeMap<String, (String, usize, Range<usize>)> = BTreeMap::new();
    for (d, p) in docs.iter().enumerate() {
        let text = &p.clean.text;
        for seg in &p.segments {
            for run in runs(text, seg.clone(), &p.occurrences) {
                collect_names(text, &run, d, opts, &known, &mut names);
            }
            defined_acronyms(text, seg.clone(), d, &known, &mut acronyms);
        }
    }
    let mut out = Vec::new();
    // Names: recurring, and not always inside one longer recurring name.
    let recurring: Vec<(&String, &Seen)> = names
        .iter()
        .filter(|(_, s)| s.count >= opts.min_count)
        .collect();
    // A name is dropped when a longer recurring name contains it at least as often: every
    // shorter run of words inside each recurring name is looked up (at most 28 per name).
    let counts: HashMap<&str, usize> = recurring
        .iter()
        .map(|(k, s)| (k.as_str(), s.count))
        .collect();
    let mut subsumed: HashSet<String> = HashSet::new();
    for (key, seen) in &recurring {
        let words: Vec<&str> = key.split(' ').collect();
        for i in 0..words.len() {
            for j in i + 1..=words.len() {
                if j - i == words.len() {
                    continue;
                }
                let inner = words[i..j].join(" ");
                if counts.get(inner.as_str()).is_some_and(|&c| c <= seen.count) {
                    subsumed.insert(inner);
                }
            }
        }
    }
    for (key, seen) in &recurring {
        if subsumed.contains(key.as_str()) {
            continue;
        }
        let p = &docs[seen.first.0];
        let span = seen.first.1.clone();
        out.push(candidate_finding(
            format!(
                "«{}» occurs {} in {} and is not in the glossary",
                seen.display,
                plural(seen.count, "time"),
                plural(seen.docs.len(), "document")
            ),
            p,
            span,
            seen.count,
            seen.docs.len(),
        ));
    }
    for (acro, (expansion, d, span)) in acronyms {
        let per_doc: Vec<usize> = docs
            .iter()
            .map(|p| count_word(&p.clean.text, &acro))
            .collect();
        let count = per_doc.iter().sum::<usize>().max(1);
        let spread = per_doc.iter().filter(|n| **n > 0).count().max(1);
        let p = &docs[d];
        let expansion = if expansion.is_empty() {
            String::new()
        } else {
            format!(" as «{expansion}»")
        };
        out.push(candidate_finding(
            format!(
                "The acronym «{acro}» is defined in the text{expansion} ({} in {}) and is not in the glossary",
                plural(count, "occurrence"),
                plural(spread, "document")
            ),
            p,
            span,
            count,
            spread,
        ));
    }
    out
}

/// `1 document`, `2 documents`.
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn candidate_finding(
    message: String,
    p: &Prepared,
    span: Range<usize>,
    count: usize,
    spread: usize,
) -> Finding {
    let line = p.line(span.start);
    let mut f = Finding::new(
        Rule::CandidateTerm,
        message,
        "If it is terminology, add an entry with its official English name and a source.",
    )
    .at(Some(p.doc.path.clone()), Some(line))
    .context(p.context(span));
    f.rank = spread.saturating_mul(1_000_000).saturating_add(count);
    f.counts = Some((count, spread));
    f
}

/// Every name-shaped n-gram of `run`: starts with an uncovered capitalised word, ends on a
/// content word, holds no stop word, and is not wholly made of glossary terms.
fn collect_names(
    text: &str,
    run: &[Token],
    doc: usize,
    opts: CandidateOptions,
    known: &HashSet<String>,
    names: &mut BTreeMap<String, Seen>,
) {
    for i in 0..run.len() {
        if run[i].class != Class::Capital
            || run[i].covered
            || is_acronym(&text[run[i].span.clone()])
        {
            continue;
        }
        let mut lower = 0;
        for j in i + 1..run.len().min(i + opts.max_words) {
            match run[j].class {
                Class::Stop => break,
                Class::Function => continue,
                Class::Lower => lower += 1,
                Class::Capital => {}
            }
            if lower > opts.max_lower {
                break;
            }
            let tokens = &run[i..=j];
            if tokens
                .iter()
                .filter(|t| t.class != Class::Function)
                .all(|t| t.covered)
            {
                continue;
            }
            let span = run[i].span.start..run[j].span.end;
            let surface = text[span.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let key = fold(&surface);
            if known.contains(&key) {
                continue;
            }
            let seen = names.entry(key).or_insert_with(|| Seen {
                display: surface.clone(),
                count: 0,
                docs: BTreeSet::new(),
                first: (doc, span.clone()),
            });
            seen.count += 1;
            seen.docs.insert(doc);
        }
    }
}

/// Acronyms in parentheses (`… (JSWG)`, `(Joint Summit Working Group ou JSWG en anglais)`)
/// that the glossary lacks, with the name just before the parenthesis as their expansion.
fn defined_acronyms(
    text: &str,
    seg: Range<usize>,
    doc: usize,
    known: &HashSet<String>,
    out: &mut BTreeMap<String, (String, usize, Range<usize>)>,
) {
    static PAREN: OnceLock<Regex> = OnceLock::new();
    let paren = PAREN.get_or_init(|| Regex::new(r"\(([^()]{1,120})\)").expect("static regex"));
    let slice = text.get(seg.clone()).unwrap_or("");
    for cap in paren.captures_iter(slice) {
        let (Some(whole), Some(inner)) = (cap.get(0), cap.get(1)) else {
            continue;
        };
        let inner_text = inner.as_str();
        let mut offset = 0;
        for piece in inner_text.split_inclusive(|c: char| c.is_whitespace() || c == ',' || c == ';')
        {
            let start = offset;
            offset += piece.len();
            let acro = piece.trim_matches(|c: char| !c.is_alphanumeric());
            if !is_acronym(acro) || known.contains(&fold(acro)) || out.contains_key(acro) {
                continue;
            }
            let lead = piece.find(acro).unwrap_or(0);
            let at = seg.start + inner.start() + start + lead;
            let before = seg.start..seg.start + whole.start();
            out.insert(
                acro.to_string(),
                (
                    expansion_before(text, before, acro),
                    doc,
                    at..at + acro.len(),
                ),
            );
        }
    }
}

/// The name just before a parenthesis defining `acronym`. Walking back at most 14 words over
/// the run that ends there, up to a stop word (`et` is crossed only while no capitalised word has
/// been met: `coopération Sud-Sud et triangulaire`), the name starts at the nearest capitalised
/// word with the acronym's initial (`Fonds argentin … (FO.AR)`), else at the earliest one (for
/// acronyms of another language: `Groupe de travail conjoint du Sommet (JSWG)`).
fn expansion_before(text: &str, before: Range<usize>, acronym: &str) -> String {
    let Some(run) = runs(text, before.clone(), &[]).pop() else {
        return String::new();
    };
    let Some(last) = run.last() else {
        return String::new();
    };
    if !text[last.span.end..before.end].trim().is_empty() {
        return String::new();
    }
    let initial = |w: &str| fold(w).chars().next();
    let mut starts = Vec::new(); // capitalised words, nearest first
    for (k, t) in run.iter().enumerate().rev().take(14) {
        let word = &text[t.span.clone()];
        if t.class == Class::Stop {
            if word == "et" && starts.is_empty() {
                continue;
            }
            break;
        }
        if t.class == Class::Capital && !is_acronym(word) {
            starts.push(k);
        }
    }
    let chosen = starts
        .iter()
        .find(|&&k| initial(&text[run[k].span.clone()]) == initial(acronym))
        .or(starts.last());
    chosen.map_or(String::new(), |&k| {
        text[run[k].span.start..last.span.end].to_string()
    })
}

/// Occurrences of `word` in `text` not inside a longer word.
fn count_word(text: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    text.match_indices(word)
        .filter(|(i, w)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Concept, Term};

    fn glossary() -> Glossary {
        Glossary {
            src_lang: "fr".into(),
            tgt_lang: "en".into(),
            concepts: vec![
                Concept {
                    id: "oim".into(),
                    src_terms: vec![
                        Term::new("Organisation internationale pour les migrations"),
                        Term::new("OIM"),
                    ],
                    tgt_terms: vec![Term::new("International Organization for Migration")],
                    ..Concept::default()
                },
                Concept {
                    id: "unused".into(),
                    src_terms: vec![Term::new("apatride")],
                    tgt_terms: vec![Term::new("stateless person")],
                    ..Concept::default()
                },
            ],
        }
    }

    /// A stand-in for the matcher: literal `OIM`, flagged when written `OIMM`.
    fn find(text: &str) -> Vec<Occurrence> {
        let mut out = Vec::new();
        for (i, _) in text.match_indices("OIM") {
            let typo = text[i..].starts_with("OIMM");
            out.push(Occurrence {
                start: i,
                end: i + if typo { 4 } else { 3 },
                surface: if typo { "OIMM".into() } else { "OIM".into() },
                concept: 0,
                term: 0,
                plural: false,
                feminine: false,
                kind: if typo {
                    MatchKind::Fuzzy
                } else {
                    MatchKind::Exact
                },
                score: if typo { 0.9 } else { 1.0 },
                flags: Vec::new(),
            });
        }
        out
    }

    fn docs() -> Vec<CorpusDoc> {
        vec![
            CorpusDoc {
                path: "a.txt".into(),
                text: "Titre\nL’OIM et le Conseil norvégien des réfugiés ont signé.\nLe Haut-Commissariat des Nations Unies pour les réfugiés (HCR) salue l’OIMM.\n".into(),
            },
            CorpusDoc {
                path: "b.txt".into(),
                text: "Selon le Conseil norvégien des réfugiés, l’OIM agit. Le HCR aussi.\n".into(),
            },
        ]
    }

    fn run() -> CorpusAnalysis {
        let seg = Segmenter::builtin("fr").unwrap();
        analyse(
            &glossary(),
            &docs(),
            &find,
            &seg,
            CandidateOptions::default(),
        )
    }

    #[test]
    fn coverage_counts_occurrences_and_documents() {
        let a = run();
        assert_eq!(a.coverage[0].occurrences, 3);
        assert_eq!(a.coverage[0].documents, 2);
        assert_eq!(a.coverage[1].occurrences, 0);
        let unused: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == Rule::Unused)
            .collect();
        assert_eq!(unused.len(), 1);
        assert_eq!(unused[0].entries, vec!["unused"]);
    }

    #[test]
    fn a_recurring_name_is_a_candidate_once_with_its_first_sentence() {
        let a = run();
        let c: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == Rule::CandidateTerm && f.message.contains("Conseil"))
            .collect();
        assert_eq!(c.len(), 1, "{c:#?}");
        assert!(c[0]
            .message
            .starts_with("«Conseil norvégien des réfugiés» occurs 2 times in 2 documents"));
        assert_eq!(c[0].doc.as_deref(), Some("a.txt"));
        assert_eq!(c[0].line, Some(2));
        let ctx = &c[0].contexts[0];
        assert_eq!(
            &ctx.text[ctx.highlights[0].clone()],
            "Conseil norvégien des réfugiés"
        );
    }

    #[test]
    fn an_acronym_defined_in_parentheses_is_a_candidate_with_its_expansion() {
        let a = run();
        let c: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == Rule::CandidateTerm && f.message.contains("«HCR»"))
            .collect();
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].message,
            "The acronym «HCR» is defined in the text as «Haut-Commissariat des Nations Unies pour les réfugiés» (2 occurrences in 2 documents) and is not in the glossary"
        );
        assert_eq!(c[0].line, Some(3));
    }

    #[test]
    fn expansions_cross_et_before_a_capital_only_and_numbers_start_nothing() {
        let text =
            "grâce au Fonds argentin pour la coopération Sud-Sud et triangulaire (FO.AR) ici";
        let end = text.find(" (").unwrap();
        assert_eq!(
            expansion_before(text, 0..end, "FO.AR"),
            "Fonds argentin pour la coopération Sud-Sud et triangulaire"
        );
        let text =
            "la coopération Sud-Sud solide grâce au Fonds argentin pour la coopération (FO.AR)";
        let end = text.find(" (").unwrap();
        assert_eq!(
            expansion_before(text, 0..end, "FO.AR"),
            "Fonds argentin pour la coopération"
        );
        assert_eq!(
            expansion_before(text, 0..end, "XY"),
            "Sud-Sud solide grâce au Fonds argentin pour la coopération"
        );
        let text = "le Haut-Commissariat et le Conseil norvégien (NRC)";
        let end = text.find(" (").unwrap();
        assert_eq!(expansion_before(text, 0..end, "NRC"), "Conseil norvégien");
        assert_eq!(classify("175"), Class::Lower);
        assert_eq!(classify("Notre"), Class::Stop);
        assert_eq!(count_word("FO.AR, (FO.AR) FO.ARS", "FO.AR"), 2);
    }

    #[test]
    fn fuzzy_matches_become_source_errors() {
        let a = run();
        let e: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == Rule::SourceError)
            .collect();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].entries, vec!["oim"]);
        assert_eq!(e[0].line, Some(3));
    }
}
