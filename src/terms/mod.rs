//! Terminology matching: finds glossary terms in French text, inflected, elided, accent- and
//! apostrophe-insensitive, with exact positions and source-error flags.
//!
//! STUB (interface contract): the real implementation replaces the bodies, not the signatures.

use crate::glossary::Glossary;

/// How an occurrence matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The headword itself (modulo case, accents on capitals, apostrophes, whitespace).
    Exact,
    /// A listed or generated variant (inflection, acronym, elision…).
    Variant,
    /// A near-miss spelling (one letter dropped…), with a similarity score below 1.
    Fuzzy,
}

/// One occurrence of a glossary concept in a text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Occurrence {
    /// Byte span in the matched text.
    pub start: usize,
    pub end: usize,
    /// The exact text at that span.
    pub surface: String,
    /// Index of the concept in `Glossary::concepts`.
    pub concept: usize,
    pub kind: MatchKind,
    /// 1.0 for exact/variant matches; the similarity for fuzzy ones.
    pub score: f64,
    /// Source-error flags, e.g. `gender-agreement`.
    pub flags: Vec<String>,
}

/// A matcher built once from a glossary; `Send + Sync`, reusable across threads and documents.
#[derive(Debug, Clone)]
pub struct Matcher {
    _concepts: usize,
}

impl Matcher {
    /// Builds the automaton for every term and generated variant of `glossary`.
    pub fn new(glossary: &Glossary) -> Self {
        Matcher {
            _concepts: glossary.concepts.len(),
        }
    }

    /// All occurrences in `text`, leftmost-longest, non-overlapping, in text order.
    pub fn find(&self, _text: &str) -> Vec<Occurrence> {
        Vec::new()
    }
}
