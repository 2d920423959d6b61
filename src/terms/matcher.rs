//! The matcher: an Aho-Corasick automaton (the aho-corasick crate) over the normalised patterns
//! of every term and generated variant, run on the tokens of the text's matching view; at each
//! place the longest candidate is tried first (leftmost-longest), and each candidate is checked
//! on the original text (acronym case, accents, context) and flagged.
//!
//! Every pattern starts and ends on token boundaries, so matching whole tokens is the same as
//! matching the normalised bytes, and much cheaper: each text token costs one look-up of its
//! folded bytes in the glossary's vocabulary and becomes a 3-byte id, and the automaton scans
//! that id stream, whatever the glossary size.

use super::context;
use super::fuzzy::{self, FuzzyIndex};
use super::normalize::{self, Token, Tokens, ACCENTS, CASE};
use super::table::Vocab;
use super::{MatchKind, Occurrence};
use crate::error::{Error, Result};
use crate::glossary::{Gender, Glossary, Number, PartOfSpeech, TermType};
use crate::lang::inflect::{self, Genders, F, M};
use aho_corasick::automaton::OverlappingState;
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind as AcMatchKind, StartKind};
use std::collections::hash_map::Entry as MapEntry;
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
    /// The source term (index in the concept's `src_terms`) the form is or was generated from.
    term: u32,
    /// The form is plural / feminine (listed with the tag, or generated so).
    plural: bool,
    feminine: bool,
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

/// No node, no pattern, no id.
const NONE: u32 = u32::MAX;

/// Bytes per token in the id stream the automaton runs over.
const TOKEN_BYTES: usize = 3;
/// Largest vocabulary the 3-byte encoding holds (21 bits); the last id stands for unknown tokens.
const MAX_VOCAB: u32 = (1 << 21) - 1;

/// Appends `id` as three bytes: the first with the high bit set, the others without, so a
/// pattern (which starts with a first byte) can only match at a token boundary.
fn encode_token(id: u32, out: &mut Vec<u8>) {
    out.push(0x80 | ((id >> 14) & 0x7f) as u8);
    out.push(((id >> 7) & 0x7f) as u8);
    out.push((id & 0x7f) as u8);
}

/// The automaton over every pattern: patterns are sequences of vocabulary ids, and an
/// Aho-Corasick automaton finds them in the id stream of a text's tokens. Working on token ids
/// rather than characters keeps the automaton small (one state per pattern token) and the scan
/// fast (three bytes per word), and makes every match start and end on a word boundary.
#[derive(Debug, Clone, Default)]
struct TokenAutomaton {
    /// Folded token bytes → token id.
    vocab: Vocab,
    /// The automaton over the encoded patterns (`None` when there is no pattern).
    automaton: Option<AhoCorasick>,
    /// Pattern index (in the caller's list) of each automaton pattern.
    pattern_of: Vec<u32>,
    /// Whether some pattern starts with each token id (the cheap test before a search).
    starts: Vec<bool>,
    /// Length in bytes of the longest encoded pattern.
    longest: usize,
    /// Id in the fuzzy index of each token id.
    fuzzy_ids: Vec<u32>,
    /// Mark of each token id for the English screen (`context::MARK_…`).
    marks: Vec<u8>,
}

impl TokenAutomaton {
    /// Builds the automaton for `patterns` (tokens separated by two spaces, as the builder
    /// writes them). Fails when the automaton would exceed its limits.
    fn build(patterns: &[String]) -> Result<Self> {
        let mut t = TokenAutomaton::default();
        let mut encoded: Vec<Vec<u8>> = Vec::with_capacity(patterns.len());
        let mut seen: HashMap<Vec<u8>, usize> = HashMap::with_capacity(patterns.len());
        for (pi, pattern) in patterns.iter().enumerate() {
            let mut bytes = Vec::new();
            let tokens = pattern
                .trim_matches(' ')
                .split("  ")
                .filter(|t| !t.is_empty());
            for (k, tok) in tokens.enumerate() {
                let id = t.vocab.insert(tok.as_bytes());
                if k == 0 {
                    if t.starts.len() <= id as usize {
                        t.starts.resize(id as usize + 1, false);
                    }
                    t.starts[id as usize] = true;
                }
                encode_token(id, &mut bytes);
            }
            if bytes.is_empty() {
                continue;
            }
            // Patterns that differ only in separators are the same token sequence: the last
            // one given wins, as the builder orders patterns by priority.
            match seen.entry(bytes) {
                MapEntry::Occupied(e) => t.pattern_of[*e.get()] = pi as u32,
                MapEntry::Vacant(e) => {
                    encoded.push(e.key().clone());
                    e.insert(t.pattern_of.len());
                    t.pattern_of.push(pi as u32);
                }
            }
        }
        for (token, mark) in context::marked_tokens() {
            let id = t.vocab.insert(token.as_bytes()) as usize;
            if t.marks.len() <= id {
                t.marks.resize(id + 1, context::MARK_NONE);
            }
            t.marks[id] = mark;
        }
        t.marks.resize(t.vocab.len(), context::MARK_NONE);
        if t.vocab.len() as u32 >= MAX_VOCAB {
            return Err(Error::unusable(format!(
                "too many distinct words in the glossary for the matcher ({})",
                t.vocab.len()
            )));
        }
        t.longest = encoded.iter().map(Vec::len).max().unwrap_or(0);
        if !encoded.is_empty() {
            let automaton = AhoCorasick::builder()
                .match_kind(AcMatchKind::Standard)
                .start_kind(StartKind::Anchored)
                .build(&encoded)
                .map_err(|e| Error::unusable(format!("glossary term automaton: {e}")))?;
            t.automaton = Some(automaton);
        }
        Ok(t)
    }

    /// Sets each token's id from the vocabulary.
    #[inline(never)]
    fn identify(&self, toks: &mut Tokens) {
        let Tokens { list, folded, .. } = toks;
        for t in list.iter_mut() {
            t.id = self.vocab.get_at(folded, t.off as usize, t.len as usize);
        }
    }

    /// Encodes the tokens of a chunk as the id stream the automaton runs over.
    fn encode(&self, list: &[Token], stream: &mut Vec<u8>) {
        stream.clear();
        stream.reserve(list.len() * TOKEN_BYTES);
        for t in list {
            encode_token(if t.id == NONE { MAX_VOCAB } else { t.id }, stream);
        }
    }

    /// The patterns that match from token `i` on, as `(pattern, end token)`, shortest first:
    /// an anchored overlapping search of the id stream, tried only where a pattern can start.
    fn starting_at(&self, stream: &[u8], list: &[Token], i: usize, out: &mut Vec<(u32, usize)>) {
        out.clear();
        let (Some(automaton), Some(token)) = (&self.automaton, list.get(i)) else {
            return;
        };
        if token.id == NONE || !self.starts.get(token.id as usize).copied().unwrap_or(false) {
            return;
        }
        // Anchored overlapping searches can go on to matches that start later once one match
        // was reported, so the span is bounded by the longest pattern and later starts are
        // filtered out.
        let start = i * TOKEN_BYTES;
        let end = stream.len().min(start + self.longest);
        let input = Input::new(stream).span(start..end).anchored(Anchored::Yes);
        let mut state = OverlappingState::start();
        loop {
            if automaton
                .try_find_overlapping(input.clone(), &mut state)
                .is_err()
            {
                return;
            }
            let Some(m) = state.get_match() else { return };
            if m.start() != start {
                continue;
            }
            out.push((
                self.pattern_of[m.pattern().as_usize()],
                m.end() / TOKEN_BYTES,
            ));
        }
    }
}

/// A matcher built once from a glossary; `Send + Sync`, reusable across threads and documents.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: TokenAutomaton,
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
    /// Fails (never silently) if the automaton would exceed its size limits.
    pub fn new(glossary: &Glossary) -> Result<Self> {
        Self::try_new(glossary, MatchOptions::default())
    }

    /// Builds the matcher with `options`; fails only if the automaton exceeds its size limits.
    pub fn try_new(glossary: &Glossary, options: MatchOptions) -> Result<Self> {
        let mut b = Builder::default();
        // Priority: headwords, then listed variants, then generated forms, so that a form
        // generated for one concept never hides another concept's own term.
        let mut generated: Vec<(String, Meta)> = Vec::new();
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
                let meta = Meta {
                    concept: ci,
                    term: ti as u32,
                    kind,
                    case_sensitive: is_case_sensitive(t),
                    proper: is_proper(t),
                    genders,
                    mixed,
                    plural: t.number == Some(Number::Plural)
                        || (t.number.is_none() && own.is_some_and(|f| f.plural)),
                    feminine: t.gender == Some(Gender::Feminine),
                };
                if ti == 0 {
                    b.add(&t.text, meta);
                } else {
                    b.deferred.push((t.text.clone(), meta));
                }
                for f in forms {
                    if f.text != t.text {
                        let meta = Meta {
                            kind: MatchKind::Variant,
                            case_sensitive: false,
                            proper: false,
                            genders: f.genders,
                            mixed: f.mixed,
                            plural: f.plural,
                            feminine: f.genders == F,
                            ..meta
                        };
                        generated.push((f.text, meta));
                    }
                }
            }
        }
        for (text, meta) in std::mem::take(&mut b.deferred) {
            b.add(&text, meta);
        }
        for (text, meta) in generated {
            b.add(&text, meta);
        }
        let mut automaton = TokenAutomaton::build(&b.patterns)?;
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
            fuzzy.finish();
        }
        let mut fuzzy_ids = vec![NONE; automaton.vocab.len()];
        for (id, slot) in fuzzy_ids.iter_mut().enumerate() {
            *slot = fuzzy.id_of(automaton.vocab.bytes(id as u32));
        }
        automaton.fuzzy_ids = fuzzy_ids;
        Ok(Matcher {
            automaton,
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
        if self.groups.is_empty() {
            return out;
        }
        let mut scratch = Scratch::default();
        for (base, chunk) in chunks(text, CHUNK) {
            self.find_chunk(text, base, chunk, &mut scratch, &mut out);
        }
        out
    }

    /// The same occurrences as [`Matcher::find`], the text's pieces (cut between lines) matched
    /// in parallel on rayon's thread pool: for long texts on several cores.
    pub fn find_parallel(&self, text: &str) -> Vec<Occurrence> {
        use rayon::prelude::*;
        if self.groups.is_empty() {
            return Vec::new();
        }
        let parts: Vec<Vec<Occurrence>> = chunks(text, CHUNK)
            .into_par_iter()
            .map_init(Scratch::default, |scratch, (base, chunk)| {
                let mut out = Vec::new();
                self.find_chunk(text, base, chunk, scratch, &mut out);
                out
            })
            .collect();
        let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for p in parts {
            out.extend(p);
        }
        out
    }

    /// Appends the occurrences in `chunk` (at byte `base` of `text`) to `out`, in text order.
    fn find_chunk(
        &self,
        text: &str,
        base: usize,
        chunk: &str,
        scratch: &mut Scratch,
        out: &mut Vec<Occurrence>,
    ) {
        let Scratch {
            toks,
            covered,
            stream,
            terminals,
            ftoks,
            fcovered,
            hints,
        } = scratch;
        normalize::tokenize_into(chunk, toks);
        self.automaton.identify(toks);
        if self.options.skip_english {
            let marks = &self.automaton.marks;
            hints.compute(toks, |t| {
                marks
                    .get(t.id as usize)
                    .copied()
                    .unwrap_or(context::MARK_NONE)
            });
        }
        covered.clear();
        let first = out.len();
        let cx = ChunkContext {
            base,
            list: &toks.list,
            hints,
        };
        self.automaton.encode(&toks.list, stream);
        self.scan_chunk(text, &cx, stream, out, covered, terminals);
        if self.options.fuzzy && !self.fuzzy.is_empty() {
            ftoks.clear();
            ftoks.extend(toks.list.iter().map(|t| {
                let id = match t.id {
                    NONE => fuzzy::NONE,
                    id => self.automaton.fuzzy_ids[id as usize],
                };
                (t.off as usize, (t.off + t.len) as usize, id)
            }));
            fcovered.clear();
            fcovered.extend(covered.iter().map(|&(i, j)| (ftoks[i].0, ftoks[j - 1].1)));
            for hit in self.fuzzy.find_in(&toks.folded, ftoks, fcovered) {
                let start = base + toks.list[hit.first].start as usize;
                let end = base + toks.list[hit.last].end as usize;
                let english = hints.maybe(hit.first, hit.last + 1);
                if self.skipped_context(text, start, end, english) {
                    continue;
                }
                let e = &self.entries[hit.entry as usize];
                out.push(Occurrence {
                    start,
                    end,
                    surface: text[start..end].to_string(),
                    concept: e.concept as usize,
                    term: e.term as usize,
                    plural: e.plural,
                    feminine: e.feminine,
                    kind: MatchKind::Fuzzy,
                    score: hit.score,
                    flags: Vec::new(),
                });
            }
            out[first..].sort_by_key(|o| o.start);
        }
    }

    /// Runs the trie over the tokens of one chunk, verifying each candidate; `covered` gets the
    /// token ranges of the accepted matches.
    ///
    /// At each token the longest pattern is tried first; one rejected by its checks (acronym
    /// case, accents) leaves the place to the shorter patterns at the same token, then to the
    /// next token, so no later match is lost.
    #[inline(never)]
    fn scan_chunk(
        &self,
        text: &str,
        cx: &ChunkContext,
        stream: &[u8],
        out: &mut Vec<Occurrence>,
        covered: &mut Vec<(usize, usize)>,
        terminals: &mut Vec<(u32, usize)>,
    ) {
        let (base, list, hints) = (cx.base, cx.list, cx.hints);
        let mut i = 0;
        while i < list.len() {
            self.automaton.starting_at(stream, list, i, terminals);
            let Some(&(_, longest)) = terminals.last() else {
                i += 1;
                continue;
            };
            let mut next = i + 1;
            for &(pattern, j) in terminals.iter().rev() {
                let start = base + list[i].start as usize;
                let end = base + list[j - 1].end as usize;
                let english = hints.maybe(i, j);
                match self.verify(text, start, end, english, pattern as usize) {
                    Verdict::Accept(occ) => {
                        out.push(occ);
                        covered.push((i, j));
                        next = j;
                        break;
                    }
                    // URL, e-mail or English run: nothing here, go on after it.
                    Verdict::Skip => {
                        next = longest;
                        break;
                    }
                    Verdict::Reject => {}
                }
            }
            i = next;
        }
    }

    /// Whether the match at `start..end` is in a URL, an e-mail or an English run (`english`:
    /// whether the screen of [`context::EnglishHints`] allows an English run there).
    fn skipped_context(&self, text: &str, start: usize, end: usize, english: bool) -> bool {
        (self.options.skip_urls && context::in_url_or_email(text, start, end))
            || (self.options.skip_english && english && context::in_english_run(text, start, end))
    }

    /// Checks a candidate at `start..end` of `text`.
    fn verify(
        &self,
        text: &str,
        start: usize,
        end: usize,
        english: bool,
        pattern: usize,
    ) -> Verdict {
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Verdict::Reject;
        }
        let surface = &text[start..end];
        let Some(group) = self.groups.get(pattern) else {
            return Verdict::Reject;
        };
        for &ei in group {
            let entry = &self.entries[ei as usize];
            if let Some(want) = &entry.case_form {
                if !case_agrees(surface, want) {
                    continue;
                }
            }
            if entry.initial_capital && !surface.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if !surface.is_ascii() && !accents_agree_text(surface, &entry.accent_form) {
                continue;
            }
            if self.skipped_context(text, start, end, english) {
                return Verdict::Skip;
            }
            let mut flags = Vec::new();
            let disagrees = entry.genders != (M | F)
                && matches!(context::determiner_gender(text, start), Some(g) if entry.genders & g == 0);
            if entry.mixed || disagrees {
                flags.push("gender-agreement".to_string());
            }
            return Verdict::Accept(Occurrence {
                start,
                end,
                surface: surface.to_string(),
                concept: entry.concept as usize,
                term: entry.term as usize,
                plural: entry.plural,
                feminine: entry.feminine,
                kind: entry.kind,
                score: 1.0,
                flags,
            });
        }
        Verdict::Reject
    }
}

/// Buffers reused from one chunk to the next.
#[derive(Default)]
struct Scratch {
    toks: Tokens,
    covered: Vec<(usize, usize)>,
    stream: Vec<u8>,
    terminals: Vec<(u32, usize)>,
    ftoks: Vec<(usize, usize, u32)>,
    fcovered: Vec<(usize, usize)>,
    hints: context::EnglishHints,
}

/// One chunk being matched: where it starts in the text, its tokens and their English screen.
struct ChunkContext<'a> {
    base: usize,
    list: &'a [Token],
    hints: &'a context::EnglishHints,
}

enum Verdict {
    Accept(Occurrence),
    /// Rejected by its context (URL, English run): no shorter match here either.
    Skip,
    Reject,
}

/// Whether the case of the text's letters is the term's (acronyms). The automaton already
/// checked that the letters are the same up to case and accents.
fn case_agrees(surface: &str, want: &str) -> bool {
    let mut got = surface.chars().filter(|c| c.is_alphanumeric());
    let mut exp = want.chars().filter(|c| c.is_alphanumeric());
    loop {
        match (got.next(), exp.next()) {
            (None, None) => return true,
            (Some(g), Some(w)) => {
                if g.is_uppercase() != w.is_uppercase() {
                    return false;
                }
            }
            // Ligatures or decomposed letters: compare the folded token strings.
            _ => return normalize::token_string(surface, CASE) == want,
        }
    }
}

/// Whether the text's accents fit the term's (see [`accent_ok`]), letter by letter.
fn accents_agree_text(surface: &str, want: &str) -> bool {
    if surface
        .chars()
        .any(|c| ('\u{0300}'..='\u{036f}').contains(&c) || matches!(c, 'œ' | 'Œ' | 'æ' | 'Æ' | 'ß'))
    {
        let got = normalize::token_string(&surface.nfc().collect::<String>(), ACCENTS);
        return accents_agree(&got, want);
    }
    let mut got = surface.chars().filter(|c| c.is_alphanumeric());
    let mut exp = want.chars().filter(|c| c.is_alphanumeric());
    loop {
        match (got.next(), exp.next()) {
            (None, None) => return true,
            (Some(t), Some(p)) => {
                if !accent_ok(t, p) {
                    return false;
                }
            }
            _ => return true, // unusual decompositions: the normalised view already agreed
        }
    }
}

/// Whether the text's accents fit the term's: same letters, and where they differ the text's
/// letter is unaccented (accent left out) or a capital (capitals often lose their accents).
fn accents_agree(got: &str, want: &str) -> bool {
    if got.chars().count() != want.chars().count() {
        return true; // unusual decompositions: the normalised view already agreed
    }
    got.chars().zip(want.chars()).all(|(t, p)| accent_ok(t, p))
}

/// One letter of the text `t` against the term's lower-case letter `p`.
fn accent_ok(t: char, p: char) -> bool {
    t == p
        || t.is_ascii()
        || t.to_lowercase().eq(p.to_lowercase())
        || normalize::base_char(t) == t
        || t.is_uppercase()
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

/// What the builder records of one term or generated form, besides its text.
#[derive(Debug, Clone, Copy)]
struct Meta {
    concept: u32,
    term: u32,
    kind: MatchKind,
    case_sensitive: bool,
    proper: bool,
    genders: Genders,
    mixed: bool,
    plural: bool,
    feminine: bool,
}

#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    groups: Vec<Vec<u32>>,
    entries: Vec<Entry>,
    index: HashMap<String, usize>,
    deferred: Vec<(String, Meta)>,
}

impl Builder {
    fn add(&mut self, text: &str, meta: Meta) {
        let Some(pattern) = normalize::pattern_of(text) else {
            return;
        };
        let case_form = meta
            .case_sensitive
            .then(|| normalize::token_string(text, CASE));
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
            e.concept == meta.concept && e.case_form == case_form && e.accent_form == accent_form
        });
        if dup {
            return;
        }
        self.groups[gi].push(self.entries.len() as u32);
        self.entries.push(Entry {
            concept: meta.concept,
            term: meta.term,
            plural: meta.plural,
            feminine: meta.feminine,
            kind: meta.kind,
            case_form,
            accent_form,
            initial_capital: meta.proper,
            genders: meta.genders,
            mixed: meta.mixed,
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
