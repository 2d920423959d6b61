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
    pub source_lang: String,
    pub target_lang: String,
    pub units: Vec<XliffUnit>,
}

/// One `<trans-unit>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct XliffUnit {
    pub id: String,
    pub resname: Option<String>,
    pub source: String,
    pub target: Option<Target>,
    /// `translate="no"` when false.
    pub translate: bool,
    /// `approved="yes"`.
    pub approved: bool,
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
    pub text: String,
    pub state: Option<String>,
    pub state_qualifier: Option<String>,
}

/// An `<alt-trans>`: a translation-memory match.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AltTrans {
    /// 0–100.
    pub quality: u8,
    /// Where it comes from (the TMX file name).
    pub origin: String,
    pub source: String,
    pub target: String,
}
