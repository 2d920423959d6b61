//! Cleaning of scraped releases: boilerplate shared across documents, hard-wrapped lines, HTML debris.
//!
//! The cleaned text keeps a map back to the original text, so later stages (segments, term
//! occurrences) report positions in the file the user gave.
//!
//! STUB (interface contract): the real implementation replaces the bodies, not the signatures.

use std::ops::Range;

/// Options for cleaning.
#[derive(Debug, Clone, Default)]
pub struct CleanOptions {
    /// Known boilerplate texts (e.g. from `--boilerplate FILE`): their lines are removed wherever they occur.
    pub boilerplate: Vec<String>,
}

/// A cleaned document: one paragraph (or heading, or contact line) per line, `\n`-separated,
/// plus a map from each byte of the cleaned text back to the original text.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// The cleaned text.
    pub text: String,
    /// For each byte of `text` (plus one past the end), the byte offset in the original text.
    origin: Vec<usize>,
}

impl CleanText {
    /// Byte offset in the original text of byte `clean_offset` of the cleaned text.
    pub fn original_offset(&self, clean_offset: usize) -> usize {
        self.origin[clean_offset.min(self.origin.len() - 1)]
    }

    /// The span of the original text that the cleaned span `range` came from.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.original_offset(range.start);
        let end = if range.end > range.start {
            self.original_offset(range.end - 1) + 1
        } else {
            start
        };
        // Widen `end` to a char boundary is the caller's job only if needed; keep it simple here.
        start..end.max(start)
    }
}

/// What cleaning removed or changed in one document.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CleanReport {
    pub removals: Vec<Removal>,
}

/// One removal: what kind, where in the original, and the text removed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Removal {
    /// `boilerplate`, `html`, `unwrap`…
    pub kind: String,
    /// 1-based first line in the original.
    pub line: usize,
    /// The removed text.
    pub text: String,
}

/// Cleans several documents together: lines shared by two or more of them are boilerplate.
pub fn clean_documents(texts: &[&str], opts: &CleanOptions) -> Vec<(CleanText, CleanReport)> {
    texts.iter().map(|t| clean_document(t, opts)).collect()
}

/// Cleans one document alone (known boilerplate from `opts`, plus single-document heuristics).
pub fn clean_document(text: &str, _opts: &CleanOptions) -> (CleanText, CleanReport) {
    let mut origin: Vec<usize> = (0..text.len()).collect();
    origin.push(text.len());
    (
        CleanText {
            text: text.to_string(),
            origin,
        },
        CleanReport::default(),
    )
}

/// A cleaned text that is the original itself (for `--no-clean`): the identity map.
pub fn identity(text: &str) -> CleanText {
    clean_document(text, &CleanOptions::default()).0
}
