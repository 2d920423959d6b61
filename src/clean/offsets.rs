//! Text with a map back to the original: the thread that lets every cleaning step report
//! positions in the file the user gave.
//!
//! A [`Mapped`] text is a string cut into pieces. A *copied* piece is a run of bytes taken
//! verbatim from the original (byte `k` of the piece is byte `orig + k` of the original); a
//! *synthesized* piece (a decoded entity, a space that replaced a line break…) maps every one
//! of its bytes to the start of the original span it stands for, and remembers that span's end.
//! Each cleaning step reads a `Mapped` and writes a new one with a [`Builder`], so maps compose.

use std::ops::Range;

/// One piece of a mapped text (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Start of the piece in the mapped text.
    pub clean: usize,
    /// Start of the original span.
    pub orig: usize,
    /// End of the original span (for a copied piece, `orig` + the piece's length).
    pub orig_end: usize,
    /// Whether the bytes were copied verbatim from the original.
    pub copied: bool,
}

/// A text plus its map to the original text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mapped {
    pub text: String,
    pub pieces: Vec<Piece>,
}

impl Mapped {
    /// The original text itself, mapped onto itself.
    pub fn identity(text: &str) -> Mapped {
        let pieces = if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece {
                clean: 0,
                orig: 0,
                orig_end: text.len(),
                copied: true,
            }]
        };
        Mapped {
            text: text.to_string(),
            pieces,
        }
    }

    /// Original offset of mapped byte `offset`; `text.len()` (or more) maps past the last piece.
    pub fn orig_offset(&self, offset: usize) -> usize {
        orig_offset(&self.pieces, self.text.len(), offset)
    }

    /// Original span of the mapped span `range` (see [`orig_range`]).
    pub fn orig_range(&self, range: Range<usize>) -> Range<usize> {
        orig_range(&self.pieces, self.text.len(), range)
    }
}

/// Index of the piece holding byte `offset`.
fn piece_at(pieces: &[Piece], offset: usize) -> Option<usize> {
    if pieces.is_empty() {
        return None;
    }
    Some(match pieces.binary_search_by(|p| p.clean.cmp(&offset)) {
        Ok(i) => i,
        Err(0) => 0,
        Err(i) => i - 1,
    })
}

/// Original offset of byte `offset` of a mapped text of length `len` cut into `pieces`.
///
/// Offsets at or past `len` map to the end of the last piece's source.
pub(crate) fn orig_offset(pieces: &[Piece], len: usize, offset: usize) -> usize {
    if offset >= len {
        return pieces.last().map_or(0, |p| p.orig_end);
    }
    match piece_at(pieces, offset) {
        Some(i) => {
            let p = pieces[i];
            if p.copied {
                p.orig + (offset - p.clean)
            } else {
                p.orig
            }
        }
        None => 0,
    }
}

/// Original span of the mapped span `range`: from the source of its first byte to the end of
/// the source of its last byte (an empty range maps to an empty range).
pub(crate) fn orig_range(pieces: &[Piece], len: usize, range: Range<usize>) -> Range<usize> {
    let start = orig_offset(pieces, len, range.start);
    if range.end <= range.start || range.start >= len {
        return start..start;
    }
    let last = range.end.min(len) - 1;
    let end = match piece_at(pieces, last) {
        Some(i) => {
            let p = pieces[i];
            if p.copied {
                p.orig + (last + 1 - p.clean)
            } else {
                p.orig_end
            }
        }
        None => start,
    };
    start..end.max(start)
}

/// Writes a new [`Mapped`] text from pieces of an older one (or synthesized strings).
#[derive(Debug, Default)]
pub(crate) struct Builder {
    out: Mapped,
}

impl Builder {
    /// An empty builder with room for about `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Builder {
        Builder {
            out: Mapped {
                text: String::with_capacity(capacity),
                pieces: Vec::new(),
            },
        }
    }

    /// Length of the text written so far.
    pub fn len(&self) -> usize {
        self.out.text.len()
    }

    fn push_piece(&mut self, s: &str, orig: usize, orig_end: usize, copied: bool) {
        if s.is_empty() {
            return;
        }
        let clean = self.out.text.len();
        if copied {
            if let Some(last) = self.out.pieces.last_mut() {
                if last.copied && last.orig_end == orig {
                    last.orig_end = orig_end;
                    self.out.text.push_str(s);
                    return;
                }
            }
        }
        self.out.pieces.push(Piece {
            clean,
            orig,
            orig_end,
            copied,
        });
        self.out.text.push_str(s);
    }

    /// Copies `src.text[range]` with its map. `range` must lie on char boundaries of `src.text`.
    pub fn copy(&mut self, src: &Mapped, range: Range<usize>) {
        let Range { mut start, end } = range;
        let end = end.min(src.text.len());
        let Some(mut i) = piece_at(&src.pieces, start) else {
            return;
        };
        while start < end {
            let p = src.pieces[i];
            let p_end = src
                .pieces
                .get(i + 1)
                .map_or(src.text.len(), |n| n.clean)
                .min(end);
            let s = &src.text[start..p_end];
            if p.copied {
                let o = p.orig + (start - p.clean);
                self.push_piece(s, o, o + s.len(), true);
            } else {
                self.push_piece(s, p.orig, p.orig_end, false);
            }
            start = p_end;
            i += 1;
            if i >= src.pieces.len() {
                break;
            }
        }
    }

    /// Writes `s`, which stands for the mapped span `range` of `src` (a replacement).
    pub fn synth(&mut self, s: &str, src: &Mapped, range: Range<usize>) {
        let o = src.orig_range(range);
        self.push_piece(s, o.start, o.end, false);
    }

    /// The finished mapped text.
    pub fn finish(self) -> Mapped {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_each_byte_to_itself() {
        let m = Mapped::identity("aé b");
        assert_eq!(m.orig_offset(0), 0);
        assert_eq!(m.orig_offset(1), 1);
        assert_eq!(m.orig_offset(3), 3);
        assert_eq!(m.orig_offset(5), 5);
        assert_eq!(m.orig_range(1..3), 1..3);
    }

    #[test]
    fn copies_and_synthesized_pieces_compose() {
        let orig = Mapped::identity("x &eacute; y");
        let mut b = Builder::default();
        b.copy(&orig, 0..2);
        b.synth("é", &orig, 2..10);
        b.copy(&orig, 10..12);
        let m = b.finish();
        assert_eq!(m.text, "x é y");
        assert_eq!(m.orig_offset(2), 2);
        assert_eq!(m.orig_offset(3), 2);
        assert_eq!(m.orig_offset(4), 10);
        assert_eq!(m.orig_range(2..4), 2..10);
        assert_eq!(m.orig_range(0..6), 0..12);

        // A second step on top of the first.
        let mut b = Builder::default();
        b.copy(&m, 2..6);
        let m2 = b.finish();
        assert_eq!(m2.text, "é y");
        assert_eq!(m2.orig_offset(0), 2);
        assert_eq!(m2.orig_offset(2), 10);
        assert_eq!(m2.orig_range(0..2), 2..10);
        assert_eq!(m2.orig_offset(4), 12);
    }

    #[test]
    fn adjacent_copies_merge() {
        let orig = Mapped::identity("abcdef");
        let mut b = Builder::default();
        b.copy(&orig, 0..2);
        b.copy(&orig, 2..5);
        let m = b.finish();
        assert_eq!(m.text, "abcde");
        assert_eq!(m.pieces.len(), 1);
        assert_eq!(m.orig_offset(5), 5);
    }
}
