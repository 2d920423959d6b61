//! Terminology matching: finds glossary terms in French text, inflected, elided, accent- and
//! apostrophe-insensitive, with exact positions and source-error flags.
//!
//! * `normalize`: the normalised view (case, accents, apostrophes, hyphens, whitespace) with
//!   its map back to the original offsets;
//! * `inflect`: gender and number variants generated from the headword;
//! * `matcher`: the automaton and the checks on each candidate (acronym case, accents);
//! * `context`: URLs, e-mails, English runs, determiner gender (source-error flags);
//! * `fuzzy`: near-miss spellings of multi-word terms;
//! * `table`: the small hash tables of the hot path (vocabulary, trie edges).

mod context;
mod fuzzy;
mod matcher;
pub(crate) mod normalize;
mod table;

pub use matcher::{MatchOptions, Matcher};

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
    /// Index in the concept's `src_terms` of the term that matched (or that the matched
    /// inflected form was generated from).
    pub term: usize,
    /// The matched form is plural / feminine (by its tag or as generated): the English
    /// equivalent keeps what English marks ([`crate::glossary::Concept::target_index`]).
    pub plural: bool,
    pub feminine: bool,
    pub kind: MatchKind,
    /// 1.0 for exact/variant matches; the similarity for fuzzy ones.
    pub score: f64,
    /// Source-error flags, e.g. `gender-agreement`.
    pub flags: Vec<String>,
}

pub mod report;
pub mod stream;
pub use report::{find_in_documents, Document, Format, TermRecord};
