use super::*;
use crate::document::LineIndex;

/// A reader that hands out at most `step` bytes per call (to cut sequences between reads).
struct Trickle {
    data: Vec<u8>,
    pos: usize,
    step: usize,
}

impl Read for Trickle {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.step.min(out.len()).min(self.data.len() - self.pos);
        out[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

fn chunks_of(
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
    size: usize,
    step: usize,
) -> Vec<Result<Chunk>> {
    let reader = Trickle {
        data: bytes.to_vec(),
        pos: 0,
        step,
    };
    ChunkReader::new("f.txt", Box::new(reader), encoding, size).collect()
}

fn ok(chunks: Vec<Result<Chunk>>) -> Vec<Chunk> {
    chunks.into_iter().map(|c| c.unwrap()).collect()
}

#[test]
fn chunks_end_after_a_blank_line_in_the_last_quarter() {
    // Chunk size 16: the blank line after "cc" (byte 14) is in the last quarter (12..16).
    let text = "aaaa\nbbbb\n\ncc\n\ndd\nee\n";
    let chunks = ok(chunks_of(text.as_bytes(), None, 16, 5));
    let texts: Vec<&str> = chunks.iter().map(Chunk::text).collect();
    assert_eq!(texts, ["aaaa\nbbbb\n\ncc\n\n", "dd\nee\n"]);
    assert_eq!(chunks[1].first_line, 6);
    assert_eq!(chunks[1].text_offset, 15);
    assert_eq!(chunks[1].byte_offset(), 15);
}

#[test]
fn without_a_blank_line_the_cut_is_after_the_last_line_end() {
    let text = "aaaa\nbbbb\ncccc\ndddd\n";
    let chunks = ok(chunks_of(text.as_bytes(), None, 12, 64));
    let texts: Vec<&str> = chunks.iter().map(Chunk::text).collect();
    assert_eq!(texts, ["aaaa\nbbbb\n", "cccc\ndddd\n"]);
    assert_eq!(chunks[1].first_line, 3);
}

#[test]
fn a_line_longer_than_the_chunk_is_carried_whole() {
    let long = "x".repeat(50);
    let text = format!("ab\n{long}\ncd");
    let chunks = ok(chunks_of(text.as_bytes(), None, 8, 3));
    let texts: Vec<&str> = chunks.iter().map(Chunk::text).collect();
    assert_eq!(
        texts,
        ["ab\n".to_string(), format!("{long}\n"), "cd".to_string()]
    );
    assert_eq!(chunks[2].first_line, 3);
    assert_eq!(chunks[2].byte_offset(), 54);
}

#[test]
fn chunks_rebuild_the_text_and_their_lines_match_the_line_index() {
    let mut text = String::new();
    for i in 0..300 {
        text.push_str(&format!("Ligne {i} : « été »\r\n"));
        if i % 7 == 0 {
            text.push_str("\r\n");
        }
        if i % 11 == 0 {
            text.push_str("vieux Mac\r");
        }
    }
    let index = LineIndex::new(&text);
    let chunks = ok(chunks_of(text.as_bytes(), None, 200, 37));
    assert!(chunks.len() > 20);
    let mut rebuilt = String::new();
    for (k, c) in chunks.iter().enumerate() {
        assert_eq!(c.index, k);
        assert_eq!(c.text_offset, rebuilt.len());
        assert_eq!(c.byte_offset(), rebuilt.len());
        assert_eq!(
            index.line_col(&text, c.text_offset).line,
            c.first_line,
            "chunk {k}"
        );
        assert_eq!(index.line_col(&text, c.text_offset).column, 0);
        rebuilt.push_str(c.text());
    }
    assert_eq!(rebuilt, text);
}

#[test]
fn cr_only_line_ends_are_cut_points() {
    let text = "un\rdeux\rtrois\rquatre\r";
    let chunks = ok(chunks_of(text.as_bytes(), None, 9, 2));
    let texts: Vec<&str> = chunks.iter().map(Chunk::text).collect();
    assert_eq!(texts, ["un\rdeux\r", "trois\r", "quatre\r"]);
    assert_eq!(chunks[2].first_line, 4);
}

#[test]
fn utf8_bom_is_skipped_and_counted_in_byte_offsets() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("été\nhiver\n".as_bytes());
    let chunks = ok(chunks_of(&bytes, None, 6, 1));
    assert_eq!(chunks[0].text(), "été\n");
    assert_eq!(chunks[0].byte_offset(), 3);
    assert_eq!(chunks[1].text(), "hiver\n");
    // BOM 3 + "été\n" 6 bytes.
    assert_eq!(chunks[1].byte_offset(), 9);
    assert_eq!(chunks[1].text_offset, 6);
}

#[test]
fn invalid_utf8_names_the_absolute_byte_offset() {
    let mut bytes = "ligne\n".repeat(10).into_bytes();
    bytes.extend_from_slice(b"caf\xE9\n");
    let chunks = chunks_of(&bytes, None, 12, 7);
    let err = chunks.into_iter().find_map(|c| c.err()).unwrap();
    assert_eq!(err.to_string(), "f.txt: invalid UTF-8 at byte 63");
}

#[test]
fn truncated_utf8_at_the_end_is_an_error() {
    let chunks = chunks_of(b"ab\n\xC3", None, 8, 1);
    let err = chunks.into_iter().find_map(|c| c.err()).unwrap();
    assert!(matches!(err, Error::Encoding { offset: 3, .. }));
}

#[test]
fn nul_byte_is_binary_at_its_absolute_offset() {
    let mut bytes = "abc\n".repeat(20).into_bytes();
    bytes.extend_from_slice(b"x\0y");
    let chunks = chunks_of(&bytes, None, 10, 9);
    let err = chunks.into_iter().find_map(|c| c.err()).unwrap();
    assert!(matches!(err, Error::Binary { offset: 81, .. }), "{err}");
}

#[test]
fn utf16le_with_bom_counts_two_bytes_per_unit() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "aé\n𝄞b\nc\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let chunks = ok(chunks_of(&bytes, None, 4, 3));
    let texts: Vec<&str> = chunks.iter().map(Chunk::text).collect();
    assert_eq!(texts, ["aé\n", "𝄞b\n", "c\n"]);
    assert_eq!(chunks[0].source.encoding, "UTF-16LE");
    // BOM 2 + 3 units; then + 4 units (the clef is a surrogate pair).
    assert_eq!(chunks[1].byte_offset(), 8);
    assert_eq!(chunks[2].byte_offset(), 16);
}

#[test]
fn utf16be_nul_is_binary() {
    let mut bytes = vec![0xFE, 0xFF];
    for u in "ab\0".encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    let err = chunks_of(&bytes, None, 4, 1)
        .into_iter()
        .find_map(|c| c.err())
        .unwrap();
    assert!(matches!(err, Error::Binary { offset: 6, .. }), "{err}");
}

#[test]
fn named_legacy_encoding_is_decoded_with_file_offsets() {
    let enc = crate::input::encoding_for_label("windows-1252").unwrap();
    let chunks = ok(chunks_of(b"caf\xE9\n\x92ok\n", Some(enc), 5, 2));
    let texts: Vec<&str> = chunks.iter().map(Chunk::text).collect();
    assert_eq!(texts, ["café\n", "\u{2019}ok\n"]);
    // "café\n" is 5 bytes in windows-1252 (6 in UTF-8).
    assert_eq!(chunks[1].byte_offset(), 5);
    assert_eq!(chunks[1].text_offset, 6);
}

#[test]
fn malformed_utf16_names_the_offset() {
    // A lone low surrogate (0xDC00) after "a".
    let bytes = [0xFF, 0xFE, b'a', 0, 0x00, 0xDC, b'b', 0];
    let err = chunks_of(&bytes, None, 4, 8)
        .into_iter()
        .find_map(|c| c.err())
        .unwrap();
    assert!(
        matches!(err, Error::Encoding { offset: 4, ref encoding, .. } if encoding == "UTF-16LE"),
        "{err}"
    );
}

#[test]
fn empty_input_has_no_chunk() {
    assert!(chunks_of(b"", None, 4, 4).is_empty());
    assert!(chunks_of(b"\xEF\xBB\xBF", None, 4, 4).is_empty());
}
