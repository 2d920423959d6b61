//! [`Row`] implementations for the stages' data: segments and cleaning removals.

use super::{push_tsv, Row};
use crate::clean::Removal;
use crate::input::Source;
use crate::segment::offsets::FileOffsets;
use crate::segment::Segment;

/// A segment as `trame segment` reports it: its document, rank, text and byte span in the file
/// (BOM included).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SegmentRow<'a> {
    /// The document's name (path as given, or record id).
    pub doc: &'a str,
    /// 0-based rank of the segment in its document.
    pub index: usize,
    /// The segment's text.
    pub text: &'a str,
    /// Byte offset of its first byte in the file.
    pub start: usize,
    /// Byte offset just past its last byte.
    pub end: usize,
}

impl<'a> SegmentRow<'a> {
    /// The rows of `segments` of `source` (a whole file or a chunk of one: spans are offsets in
    /// `source.text`); `first_index` is the rank of the first.
    pub fn of(source: &'a Source, segments: &'a [Segment], first_index: usize) -> Vec<Self> {
        let mut offsets = FileOffsets::new(source);
        segments
            .iter()
            .enumerate()
            .map(|(i, s)| SegmentRow {
                doc: &source.path,
                index: first_index + i,
                text: &s.text,
                start: offsets.file_offset(s.start),
                end: offsets.file_offset(s.end),
            })
            .collect()
    }
}

impl Row for SegmentRow<'_> {
    fn columns() -> &'static [&'static str] {
        &["doc", "index", "start", "end", "text"]
    }
    fn tsv(&self, out: &mut Vec<u8>) {
        push_tsv(out, self.doc);
        out.extend_from_slice(
            format!("\t{}\t{}\t{}\t", self.index, self.start, self.end).as_bytes(),
        );
        push_tsv(out, self.text);
    }
    /// The text view is the segment alone (one per line).
    fn text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.text.as_bytes());
    }
}

/// A cleaning removal with its document, as `trame clean --report` lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RemovalRow<'a> {
    /// The document's name.
    pub doc: &'a str,
    /// The removal.
    #[serde(flatten)]
    pub removal: &'a Removal,
}

impl Row for RemovalRow<'_> {
    fn columns() -> &'static [&'static str] {
        &["doc", "line", "kind", "text"]
    }
    fn tsv(&self, out: &mut Vec<u8>) {
        push_tsv(out, self.doc);
        out.extend_from_slice(
            format!("\t{}\t{}\t", self.removal.line, self.removal.kind).as_bytes(),
        );
        push_tsv(out, &self.removal.text);
    }
    /// `FILE:LINE: KIND: TEXT`, the text with escapes (`\n`) so it stays on one line.
    fn text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(
            format!(
                "{}:{}: {}: {}",
                self.doc,
                self.removal.line,
                self.removal.kind,
                self.removal.text.escape_debug()
            )
            .as_bytes(),
        );
    }
}
