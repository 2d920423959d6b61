//! The matcher: one Aho-Corasick automaton (leftmost-longest) over the normalised patterns of
//! every term and generated variant, run on the normalised view of the text; each candidate is
//! then checked on the original text (acronym case, accents, context) and flagged.

use super::context;
use super::fuzzy::FuzzyIndex;
use super::inflect::{self, Genders, F, M};
use super::normalize::{self, Normalized, ACCENTS, CASE};
use super::{MatchKind, Occurrence};
use crate::error::{Error, Result};
use crate::glossary::{Gender, Glossary, Number, PartOfSpeech, TermType};
use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Options of the matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchOptions {
    /// Report near-miss spellings of multi-word terms (kind `fuzzy`).
    pub fuzzy: bool,
    /// Drop matches inside runs of English words (an event title in English).
    pub skip_english: bool,
    /// Drop matches inside URLs and e-mail addresses.
    pub skip_urls: bool,
    /// Generate gender and number variants by rule.
    pub inflect: bool,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            fuzzy: true,
            skip_english: true,
            skip_urls: true,
            inflect: true,
        }
    }
}

/// One term or generated form the automaton knows.
#[derive(Debug, Clone)]
struct Entry {
    concept: u32,
    kind: MatchKind,
    /// Case-kept, accent-free tokens, for case-sensitive terms (acronyms).
    case_form: Option<String>,
    /// Case- and accent-kept tokens (NFC), to reject a text word with other accents.
    accent_form: String,
    /// The first letter must be a capital (proper nouns given with one).
    initial_capital: bool,
    /// Genders the form marks (`M|F` when unknown).
    genders: Genders,
    /// The form itself disagrees in gender.
    mixed: bool,
}

/// A matcher built once from a glossary; `Send + Sync`, reusable across threads and documents.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    /// Entries per automaton pattern, in priority order.
    groups: Vec<Vec<u32>>,
    entries: Vec<Entry>,
    fuzzy: FuzzyIndex,
    options: MatchOptions,
}

/// Target size of the pieces a long text is matched in (bounded memory for the normalised view).
const CHUNK: usize = 1 << 18;

impl Matcher {
    /// Builds the automaton for every term and generated variant of `glossary`.
    ///
    /// Never fails: if the automaton cannot be built (it would exceed the automaton's size
    /// limits), the matcher finds nothing; use [`Matcher::try_new`] to get the error.
    pub fn new(glossary: &Glossary) -> Self {
        Self::try_new(glossary, MatchOptions::default()).unwrap_or_else(|_| Matcher {
            ac: None,
            groups: Vec::new(),
            entries: Vec::new(),
            fuzzy: FuzzyIndex::default(),
            options: MatchOptions::default(),
        })
    }

    /// Builds the matcher with `options`; fails only if the automaton exceeds its size limits.
    pub fn try_new(glossary: &Glossary, options: MatchOptions) -> Result<Self> {
        let mut b = Builder::default();
        // Priority: headwords, then listed variants, then generated forms, so that a form
        // generated for one concept never hides another concept's own term.
        let mut generated: Vec<(u32, String, inflect::Form)> = Vec::new();
        for (ci, c) in glossary.concepts.iter().enumerate() {
            let ci = ci as u32;
            for (ti, t) in c.src_terms.iter().enumerate() {
                let forms = if options.inflect {
                    term_forms(t, c.category.as_deref(), ti == 0, c.src_terms.first())
                } else {
                    Vec::new()
                };
                let own = forms.iter().find(|f| f.text == t.text);
                let (genders, mixed) = own.map(|f| (f.genders, f.mixed)).unwrap_or((M | F, false));
                let kind = if ti == 0 {
                    MatchKind::Exact
                } else {
                    MatchKind::Variant
                };
                if ti == 0 {
                    b.add(
                        ci,
                        &t.text,
                        kind,
                        is_case_sensitive(t),
                        is_proper(t),
                        genders,
                        mixed,
                    );
                } else {
                    b.deferred.push((
                        ci,
                        t.text.clone(),
                        kind,
                        is_case_sensitive(t),
                        is_proper(t),
                        genders,
                        mixed,
                    ));
                }
                for f in forms {
                    if f.text != t.text {
                        generated.push((ci, t.text.clone(), f));
                    }
                }
            }
        }
        for (ci, text, kind, cs, proper, g, mixed) in std::mem::take(&mut b.deferred) {
            b.add(ci, &text, kind, cs, proper, g, mixed);
        }
        for (ci, _, f) in generated {
            b.add(
                ci,
                &f.text,
                MatchKind::Variant,
                false,
                false,
                f.genders,
                f.mixed,
            );
        }
        let ac = if b.patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Both)
                    .build(&b.patterns)
                    .map_err(|e| {
                        Error::invalid("<glossary>", format!("cannot build the matcher: {e}"))
                    })?,
            )
        };
        let mut fuzzy = FuzzyIndex::default();
        if options.fuzzy {
            for (pi, group) in b.groups.iter().enumerate() {
                let Some(&first) = group.first() else {
                    continue;
                };
                let e = &b.entries[first as usize];
                if e.case_form.is_none() && !e.mixed {
                    fuzzy.add(b.patterns[pi].trim_matches(' '), first);
                }
            }
        }
        Ok(Matcher {
            ac,
            groups: b.groups,
            entries: b.entries,
            fuzzy,
            options,
        })
    }

    /// Number of distinct normalised patterns in the automaton (terms and generated forms).
    pub fn pattern_count(&self) -> usize {
        self.groups.len()
    }

    /// All occurrences in `text`, leftmost-longest, non-overlapping, in text order.
    pub fn find(&self, text: &str) -> Vec<Occurrence> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else { return out };
        let mut buf = Normalized::default();
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for (base, chunk) in chunks(text, CHUNK) {
            normalize::normalize_into(chunk, normalize::MATCH, &mut buf);
            covered.clear();
            let first = out.len();
            let mut pos = 0;
            while pos < buf.bytes.len() {
                let Some(m) = ac.find(Input::new(&buf.bytes).range(pos..)) else {
                    break;
                };
                let mut cand = Some(m);
                let mut accepted = false;
                while let Some(c) = cand {
                    match self.verify(text, base, &buf, c.start(), c.end(), c.pattern().as_usize())
                    {
                        Verdict::Accept(occ) => {
                            out.push(occ);
                            covered.push((c.start() + 1, c.end() - 1));
                            pos = c.end();
                            accepted = true;
                            break;
                        }
                        Verdict::Skip => break,
                        Verdict::Reject => {
                            // A shorter pattern at the same place may still fit.
                            cand = if c.end() - c.start() > 3 {
                                ac.find(
                                    Input::new(&buf.bytes)
                                        .range(c.start()..c.end() - 1)
                                        .anchored(Anchored::Yes),
                                )
                            } else {
                                None
                            };
                        }
                    }
                }
                if !accepted {
                    pos = m.start() + 1;
                }
            }
            if self.options.fuzzy && !self.fuzzy.is_empty() {
                for hit in self.fuzzy.find(&buf.bytes, &covered) {
                    let (start, end) = span(text, base, &buf, hit.start, hit.end);
                    if self.skipped_context(text, start, end) {
                        continue;
                    }
                    let e = &self.entries[hit.entry as usize];
                    out.push(Occurrence {
                        start,
                        end,
                        surface: text[start..end].to_string(),
                        concept: e.concept as usize,
                        kind: MatchKind::Fuzzy,
                        score: hit.score,
                        flags: Vec::new(),
                    });
                }
                out[first..].sort_by_key(|o| o.start);
            }
        }
        out
    }

    fn skipped_context(&self, text: &str, start: usize, end: usize) -> bool {
        (self.options.skip_urls && context::in_url_or_email(text, start, end))
            || (self.options.skip_english && context::in_english_run(text, start, end))
    }

    /// Checks a candidate (normalised range `s..e` including its two boundary spaces).
    fn verify(
        &self,
        text: &str,
        base: usize,
        buf: &Normalized,
        s: usize,
        e: usize,
        pattern: usize,
    ) -> Verdict {
        let (start, end) = span(text, base, buf, s + 1, e - 1);
        if start >= end {
            return Verdict::Reject;
        }
        let surface = &text[start..end];
        let mut case_form: Option<String> = None;
        let mut accent_form: Option<String> = None;
        let Some(group) = self.groups.get(pattern) else {
            return Verdict::Reject;
        };
        for &ei in group {
            let entry = &self.entries[ei as usize];
            if let Some(want) = &entry.case_form {
                let got = case_form.get_or_insert_with(|| normalize::token_string(surface, CASE));
                if got != want {
                    continue;
                }
            }
            if entry.initial_capital && !surface.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let got = accent_form.get_or_insert_with(|| {
                normalize::token_string(&surface.nfc().collect::<String>(), ACCENTS)
            });
            if !accents_agree(got, &entry.accent_form) {
                continue;
            }
            if self.skipped_context(text, start, end) {
                return Verdict::Skip;
            }
            let mut flags = Vec::new();
            let det = context::determiner_gender(text, start);
            let disagrees =
                matches!(det, Some(g) if entry.genders != (M | F) && entry.genders & g == 0);
            if entry.mixed || disagrees {
                flags.push("gender-agreement".to_string());
            }
            return Verdict::Accept(Occurrence {
                start,
                end,
                surface: surface.to_string(),
                concept: entry.concept as usize,
                kind: entry.kind,
                score: 1.0,
                flags,
            });
        }
        Verdict::Reject
    }
}

enum Verdict {
    Accept(Occurrence),
    /// Rejected by its context (URL, English run): no shorter match here either.
    Skip,
    Reject,
}

/// Original byte span of the normalised range `s..e` (token bytes only) of a chunk at `base`.
fn span(text: &str, base: usize, buf: &Normalized, s: usize, e: usize) -> (usize, usize) {
    let start = base + buf.origin[s] as usize;
    let last = base + buf.origin[e - 1] as usize;
    let len = text[last..].chars().next().map_or(0, char::len_utf8);
    (start, last + len)
}

/// Whether the text's accents fit the term's: same letters, and where they differ the text's
/// letter is unaccented (accent left out) or a capital (capitals often lose their accents).
fn accents_agree(got: &str, want: &str) -> bool {
    if got.chars().count() != want.chars().count() {
        return true; // unusual decompositions: the normalised view already agreed
    }
    got.chars().zip(want.chars()).all(|(t, p)| {
        t == p
            || t.to_lowercase().eq(p.to_lowercase())
            || normalize::base_char(t) == t
            || t.is_uppercase()
    })
}

/// Acronyms, abbreviations, and single words with two capitals or more (`OIM`, `MiGOF`) match
/// with their case.
fn is_case_sensitive(t: &crate::glossary::Term) -> bool {
    matches!(t.term_type, TermType::Acronym | TermType::Abbreviation)
        || (!t.text.contains(char::is_whitespace)
            && t.text.chars().filter(|c| c.is_uppercase()).count() >= 2)
}

/// Proper nouns given with a capital must be found with one.
fn is_proper(t: &crate::glossary::Term) -> bool {
    t.part_of_speech == Some(PartOfSpeech::ProperNoun)
        && t.text.chars().next().is_some_and(char::is_uppercase)
}

/// Generated forms of one French term (empty for acronyms and proper nouns).
fn term_forms(
    t: &crate::glossary::Term,
    category: Option<&str>,
    headword: bool,
    _head: Option<&crate::glossary::Term>,
) -> Vec<inflect::Form> {
    if is_case_sensitive(t) || t.part_of_speech == Some(PartOfSpeech::ProperNoun) {
        return Vec::new();
    }
    if !headword && matches!(t.term_type, TermType::Phrase) {
        return Vec::new();
    }
    let plural = t.number.map(|n| n == Number::Plural);
    let feminine = t.gender.map(|g| g == Gender::Feminine);
    match inflect::policy(&t.text, category, plural, feminine) {
        Some(how) => inflect::forms(&t.text, how),
        None => Vec::new(),
    }
}

#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    groups: Vec<Vec<u32>>,
    entries: Vec<Entry>,
    index: HashMap<String, usize>,
    #[allow(clippy::type_complexity)]
    deferred: Vec<(u32, String, MatchKind, bool, bool, Genders, bool)>,
}

impl Builder {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        concept: u32,
        text: &str,
        kind: MatchKind,
        case_sensitive: bool,
        proper: bool,
        genders: Genders,
        mixed: bool,
    ) {
        let Some(pattern) = normalize::pattern_of(text) else {
            return;
        };
        let case_form = case_sensitive.then(|| normalize::token_string(text, CASE));
        let accent_form =
            normalize::token_string(&text.nfc().collect::<String>(), ACCENTS).to_lowercase();
        let gi = match self.index.get(&pattern) {
            Some(&gi) => gi,
            None => {
                self.index.insert(pattern.clone(), self.patterns.len());
                self.patterns.push(pattern);
                self.groups.push(Vec::new());
                self.groups.len() - 1
            }
        };
        // The same text twice for one concept: keep the first (higher-priority) entry.
        let dup = self.groups[gi].iter().any(|&e| {
            let e = &self.entries[e as usize];
            e.concept == concept && e.case_form == case_form && e.accent_form == accent_form
        });
        if dup {
            return;
        }
        self.groups[gi].push(self.entries.len() as u32);
        self.entries.push(Entry {
            concept,
            kind,
            case_form,
            accent_form,
            initial_capital: proper,
            genders,
            mixed,
        });
    }
}

/// Splits `text` into pieces of about `size` bytes, cut after a line that ends a sentence (or a
/// blank line), else after any line break, else at whitespace: terms never span a cut.
fn chunks(text: &str, size: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    while start < text.len() {
        if text.len() - start <= size {
            out.push((start, &text[start..]));
            break;
        }
        let from = start + size;
        let limit = (from + size / 4).min(text.len());
        let window = &bytes[from..limit];
        let sentence_end = window.iter().enumerate().position(|(i, &b)| {
            b == b'\n' && {
                let prev = bytes[..from + i]
                    .iter()
                    .rev()
                    .find(|&&c| c != b' ' && c != b'\r');
                matches!(prev, Some(b'.' | b'!' | b'?' | b'\n'))
            }
        });
        let cut = sentence_end
            .or_else(|| window.iter().position(|&b| b == b'\n'))
            .or_else(|| window.iter().position(|&b| b == b' '))
            .map(|i| from + i + 1)
            .unwrap_or_else(|| {
                let mut c = limit;
                while !text.is_char_boundary(c) {
                    c += 1;
                }
                c
            });
        out.push((start, &text[start..cut]));
        start = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_text_and_cut_after_sentences() {
        let text = "Une phrase.\nDeux mots\nsuite de la phrase.\nFin.\n".repeat(50);
        let parts = chunks(&text, 100);
        let joined: String = parts.iter().map(|(_, p)| *p).collect();
        assert_eq!(joined, text);
        for (base, p) in &parts {
            assert_eq!(&text[*base..*base + p.len()], *p);
        }
        assert!(parts[..parts.len() - 1]
            .iter()
            .all(|(_, p)| p.ends_with(".\n")));
    }

    #[test]
    fn accents_rule() {
        assert!(accents_agree("Etats", "états"));
        assert!(accents_agree("ÉTATS", "états"));
        assert!(!accents_agree("traité", "traite"));
        assert!(accents_agree("traite", "traité"));
    }
}
