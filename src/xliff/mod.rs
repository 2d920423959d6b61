//! XLIFF 1.2: the translator's package ([`writer`]) and the way back ([`reader`]).
//!
//! The model holds only what trame writes and reads: per `<file>` its units, each with its
//! source, an optional target with `state`, fuzzy alternatives (`<alt-trans>`) and one developer
//! note. Inline markup read from other tools' files is flattened to its text.

pub mod reader;
pub mod writer;

pub use reader::{read_xliff, ImportOptions};
pub use writer::write_xliff;

/// The XLIFF 1.2 namespace.
pub const NS: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// One `<file>`: a source document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct XliffFile {
    /// The `original` attribute (the release's file name).
    pub original: String,
    /// The `source-language` attribute.
    pub source_lang: String,
    /// The `target-language` attribute.
    pub target_lang: String,
    /// The trans-units, in order.
    pub units: Vec<XliffUnit>,
}

/// One `<trans-unit>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct XliffUnit {
    /// The `id` attribute.
    pub id: String,
    /// The `resname` attribute (segment number in the release).
    pub resname: Option<String>,
    /// The source text.
    pub source: String,
    /// The target, if any.
    pub target: Option<Target>,
    /// `translate="no"` when false.
    pub translate: bool,
    /// `approved="yes"`.
    pub approved: bool,
    /// Translation-memory matches (`<alt-trans>`), best first.
    pub alternatives: Vec<AltTrans>,
    /// The developer note's lines (written as ONE `<note from="developer">`).
    pub note: Vec<String>,
    /// Source file and 1-based line, written as a `location` context group.
    pub location: Option<(String, usize)>,
    /// 1-based line of the `<trans-unit>` in the file it was read from (reader only).
    pub read_line: usize,
}

/// A `<target>` and its state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Target {
    /// The target text.
    pub text: String,
    /// The `state` attribute (`translated`, `needs-review-translation`…).
    pub state: Option<String>,
    /// The `state-qualifier` attribute (`exact-match`, `fuzzy-match`…).
    pub state_qualifier: Option<String>,
}

/// An `<alt-trans>`: a translation-memory match.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AltTrans {
    /// 0–100.
    pub quality: u8,
    /// Where it comes from (the TMX file name).
    pub origin: String,
    /// The memory's source text.
    pub source: String,
    /// The memory's target text.
    pub target: String,
}
