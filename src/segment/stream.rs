//! Segmenting a large input chunk by chunk ([`crate::stream`]), in flat memory.
//!
//! Each chunk is cleaned alone, then segmented; segment spans are offsets in the chunk's text,
//! which `offsets::FileOffsets::new(&chunk.source)` maps to offsets in the file.
//!
//! What differs from cleaning the whole file at once (`clean_documents` on one text):
//! * the leading site-navigation menu is looked for in the first chunk only (it can only be at
//!   the start of the file anyway);
//! * boilerplate shared across documents is not looked for (one large file is one document);
//!   known boilerplate (`CleanOptions::boilerplate`) is still removed, block by block within a
//!   chunk;
//! * the "is this document hard-wrapped?" decision of the unwrapper is taken per chunk, and a
//!   wrapped paragraph is only rejoined within a chunk. Chunks end after a blank line whenever
//!   one is near the cut, so paragraphs are normally whole; a file with no blank lines and
//!   wrapped paragraphs may see one paragraph split at a chunk boundary.
//!
//! On a file where these do not come into play (paragraphs separated by blank lines, one wrap
//! style throughout), the segments and their offsets are exactly those of the whole-file path
//! (tested in `tests/segment_stream.rs`).

use super::{Segment, Segmenter};
use crate::clean::{clean_document, CleanOptions};
use crate::stream::{chunk_clean_options, Chunk};

/// Segments one chunk: cleaned first with `clean` (adapted by
/// [`crate::stream::chunk_clean_options`]), or as
/// it is when `clean` is `None`. Spans are byte offsets in `chunk.source.text`.
pub fn segment_chunk(
    segmenter: &Segmenter,
    chunk: &Chunk,
    clean: Option<&CleanOptions>,
) -> Vec<Segment> {
    match clean {
        Some(opts) => {
            let opts = chunk_clean_options(opts, chunk.index);
            let (cleaned, _) = clean_document(chunk.text(), &opts);
            segmenter.segment_clean(&cleaned)
        }
        None => segmenter.segment(chunk.text()),
    }
}
