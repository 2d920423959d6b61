//! Reading input: files or stdin, decoded to UTF-8 text.
//!
//! UTF-8 with or without BOM and UTF-16 LE/BE with BOM are recognised on their own; any other
//! encoding must be named (`windows-1252`, `iso-8859-1`… any WHATWG label). Bytes that are not
//! valid UTF-8 are an error naming the byte offset, never replaced silently. A NUL byte in
//! 8-bit input means a binary file.

use crate::error::{Error, Result};
use encoding_rs::Encoding;
use std::io::Read;

/// A decoded input document.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name to show in messages and outputs: the path as given, or `-` for stdin.
    pub path: String,
    /// The decoded text, exactly as in the file apart from the BOM (line ends are kept).
    pub text: String,
    /// Name of the encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, `windows-1252`…).
    pub encoding: &'static str,
    /// Length in bytes of the byte-order mark that preceded the text (0 if none).
    ///
    /// For UTF-8 input, byte offsets in the original file are offsets in `text` plus this.
    pub bom_len: usize,
}

/// Resolves an encoding label (`windows-1252`, `latin1`, `utf-8`…) given on the command line.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| Error::Usage(format!("unknown encoding label `{label}`")))
}

/// Decodes `bytes` read from `path`.
///
/// With `encoding == None`, a UTF-16 BOM selects UTF-16 and everything else must be UTF-8.
/// With an explicit encoding, a BOM still wins (a BOM is unambiguous).
pub fn decode(path: &str, bytes: &[u8], encoding: Option<&'static Encoding>) -> Result<Source> {
    if let Some((bom_encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_exact(path, &bytes[bom_len..], bom_encoding, bom_len);
    }
    let encoding = encoding.unwrap_or(encoding_rs::UTF_8);
    if encoding != encoding_rs::UTF_16LE && encoding != encoding_rs::UTF_16BE {
        if let Some(offset) = memchr_nul(bytes) {
            return Err(Error::Binary {
                path: path.to_string(),
                offset,
            });
        }
    }
    decode_exact(path, bytes, encoding, 0)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn decode_exact(
    path: &str,
    bytes: &[u8],
    encoding: &'static Encoding,
    bom_len: usize,
) -> Result<Source> {
    let text = if encoding == encoding_rs::UTF_8 {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(e) => {
                return Err(Error::Encoding {
                    path: path.to_string(),
                    encoding: "UTF-8".into(),
                    offset: bom_len + e.valid_up_to(),
                })
            }
        }
    } else {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if had_errors {
            let offset = first_malformed_offset(bytes, encoding);
            return Err(Error::Encoding {
                path: path.to_string(),
                encoding: encoding.name().into(),
                offset: bom_len + offset,
            });
        }
        text.into_owned()
    };
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        if let Some(pos) = text.find('\0') {
            return Err(Error::Binary {
                path: path.to_string(),
                offset: pos,
            });
        }
    }
    Ok(Source {
        path: path.to_string(),
        text,
        encoding: encoding.name(),
        bom_len,
    })
}

/// Byte offset of the first malformed sequence, found by decoding incrementally.
fn first_malformed_offset(bytes: &[u8], encoding: &'static Encoding) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(64);
    let mut read_total = 0;
    loop {
        out.clear();
        let chunk = &bytes[read_total..];
        let (result, read) = decoder.decode_to_string_without_replacement(chunk, &mut out, true);
        match result {
            encoding_rs::DecoderResult::Malformed(bad, _) => {
                return (read_total + read).saturating_sub(bad as usize);
            }
            encoding_rs::DecoderResult::OutputFull => {
                read_total += read;
                out.reserve(4096);
            }
            encoding_rs::DecoderResult::InputEmpty => return bytes.len(),
        }
    }
}

/// Reads and decodes `path`; `-` reads standard input.
pub fn read_source(path: &str, encoding: Option<&'static Encoding>) -> Result<Source> {
    let bytes = read_bytes(path)?;
    decode(path, &bytes, encoding)
}

/// Reads the raw bytes of `path`; `-` reads standard input. A directory is an error, not an empty file.
pub fn read_bytes(path: &str) -> Result<Vec<u8>> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("-", e))?;
        return Ok(bytes);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::invalid(path, "is a directory, expected a file"));
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_counted() {
        let s = decode("x", b"\xEF\xBB\xBFabc", None).unwrap();
        assert_eq!(s.text, "abc");
        assert_eq!(s.bom_len, 3);
    }

    #[test]
    fn utf16le_with_bom_is_decoded() {
        let s = decode("x", b"\xFF\xFEa\0\xe9\0", None).unwrap();
        assert_eq!(s.text, "aé");
        assert_eq!(s.encoding, "UTF-16LE");
    }

    #[test]
    fn utf16be_with_bom_is_decoded() {
        let s = decode("x", b"\xFE\xFF\0a\0\xe9", None).unwrap();
        assert_eq!(s.text, "aé");
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset() {
        let err = decode("f.txt", b"abc\xE9def", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.txt: invalid UTF-8 at byte 3 (use --encoding windows-1252 or another label to read a legacy encoding)"
        );
    }

    #[test]
    fn windows_1252_on_request() {
        let enc = encoding_for_label("windows-1252").unwrap();
        let s = decode("x", b"caf\xE9 \x92", Some(enc)).unwrap();
        assert_eq!(s.text, "café \u{2019}");
    }

    #[test]
    fn nul_byte_means_binary() {
        let err = decode("bin", b"ab\0cd", None).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 2, .. }));
    }

    #[test]
    fn unknown_label_is_a_usage_error() {
        assert_eq!(encoding_for_label("klingon").unwrap_err().exit_code(), 2);
    }
}
