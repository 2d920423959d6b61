//! Byte offsets in the decoded text → byte offsets in the original file.
//!
//! `trame segment --format jsonl` reports spans in the file the user gave. For UTF-8 that is the
//! text offset plus the BOM; for UTF-16 every UTF-16 code unit is two bytes; for legacy encodings
//! the prefix is re-encoded to count its bytes. Queries must come in increasing order (segments
//! do), so the whole document costs one pass.

use crate::input::Source;
use encoding_rs::Encoding;

/// Maps increasing text offsets of one [`Source`] to file offsets.
#[derive(Debug)]
pub struct FileOffsets<'a> {
    text: &'a str,
    bom_len: usize,
    kind: Kind,
    /// Last text offset converted and its file offset.
    last: (usize, usize),
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Utf8,
    Utf16,
    Other(&'static Encoding),
}

impl<'a> FileOffsets<'a> {
    /// A mapper for `source`.
    pub fn new(source: &'a Source) -> Self {
        let kind = match source.encoding {
            "UTF-8" => Kind::Utf8,
            "UTF-16LE" | "UTF-16BE" => Kind::Utf16,
            other => match Encoding::for_label(other.as_bytes()) {
                Some(enc) if enc != encoding_rs::UTF_8 => Kind::Other(enc),
                _ => Kind::Utf8,
            },
        };
        FileOffsets {
            text: &source.text,
            bom_len: source.bom_len,
            kind,
            last: (0, source.bom_len),
        }
    }

    /// File offset of text offset `offset` (clamped to the text, moved back to a char boundary).
    pub fn file_offset(&mut self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        match self.kind {
            Kind::Utf8 => self.bom_len + offset,
            _ => {
                let (from, base) = if offset >= self.last.0 {
                    self.last
                } else {
                    (0, self.bom_len)
                };
                let piece = &self.text[from..offset];
                let n = match self.kind {
                    Kind::Utf16 => piece.encode_utf16().count() * 2,
                    Kind::Other(enc) => {
                        let (bytes, _, _) = enc.encode(piece);
                        bytes.len()
                    }
                    Kind::Utf8 => piece.len(),
                };
                self.last = (offset, base + n);
                base + n
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::decode;

    #[test]
    fn utf8_with_bom_adds_three() {
        let src = decode("x", "\u{FEFF}é a".as_bytes(), None).unwrap();
        let mut m = FileOffsets::new(&src);
        assert_eq!(m.file_offset(3), 6);
    }

    #[test]
    fn utf16_counts_two_bytes_per_unit() {
        let src = decode("x", b"\xFF\xFEa\0\xe9\0b\0", None).unwrap();
        let mut m = FileOffsets::new(&src);
        // "aéb": 'b' is at text byte 3, file byte 2 + 2*2 = 6.
        assert_eq!(m.file_offset(3), 6);
        assert_eq!(m.file_offset(4), 8);
    }

    #[test]
    fn windows_1252_counts_one_byte_per_char() {
        let enc = crate::input::encoding_for_label("windows-1252").unwrap();
        let src = decode("x", b"caf\xE9 ok", Some(enc)).unwrap();
        let mut m = FileOffsets::new(&src);
        // "café ok": 'o' is at text byte 6, file byte 5.
        assert_eq!(m.file_offset(6), 5);
    }
}
