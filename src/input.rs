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

impl Source {
    /// A source holding `text` as if read from a UTF-8 file named `path` without a BOM (for text
    /// that did not come from a file: a record, a test).
    pub fn utf8(path: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
            encoding: "UTF-8",
            bom_len: 0,
        }
    }
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
    if let Some(name) = crate::tmx::xml::utf32_bom(bytes) {
        return Err(utf32_error(path, name));
    }
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
    memchr::memchr(0, bytes)
}

/// The error for a file that starts with a UTF-32 byte-order mark (`name`: `UTF-32LE`/`BE`).
pub fn utf32_error(path: &str, name: &str) -> Error {
    Error::invalid(
        path,
        format!(
            "{name} text (byte-order mark at byte 0): trame reads UTF-8 and UTF-16; convert it \
             with `iconv -f UTF-32 -t UTF-8`"
        ),
    )
}

/// Most bytes read whole from an input whose size is not known in advance (standard input, a
/// FIFO, a device such as `/dev/zero`): 256 MiB. Regular files are read whole whatever their
/// size (it is known); `segment` and `terms` stream large inputs instead.
pub const MAX_UNSIZED_INPUT: u64 = 256 << 20;

/// Reads `reader` whole, at most [`MAX_UNSIZED_INPUT`] bytes. With `text_check`, the first
/// block is looked at at once: a UTF-32 BOM or (without a UTF-16 BOM) a NUL byte stops the read
/// there, so `/dev/zero` is refused as binary at once rather than after the bound.
fn read_unsized(path: &str, mut reader: impl Read, text_check: bool) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut block = vec![0u8; 64 << 10];
    let mut checked = !text_check;
    loop {
        let n = match reader.read(&mut block) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(path, e)),
        };
        if n == 0 {
            return Ok(bytes);
        }
        bytes.extend_from_slice(&block[..n]);
        if !checked && (bytes.len() >= 4) {
            checked = true;
            if let Some(name) = crate::tmx::xml::utf32_bom(&bytes) {
                return Err(utf32_error(path, name));
            }
            let utf16 = matches!(Encoding::for_bom(&bytes), Some((e, _)) if e != encoding_rs::UTF_8)
                || crate::tmx::xml::sniff_encoding(&bytes).0 != crate::tmx::xml::XmlEncoding::Utf8;
            if !utf16 {
                if let Some(offset) = memchr_nul(&bytes) {
                    return Err(Error::Binary {
                        path: path.to_string(),
                        offset,
                    });
                }
            }
        }
        if bytes.len() as u64 > MAX_UNSIZED_INPUT {
            return Err(Error::invalid(
                path,
                format!(
                    "more than {} MiB from a pipe or device (trame's limit on inputs of unknown \
                     size): save it to a file first",
                    MAX_UNSIZED_INPUT >> 20
                ),
            ));
        }
    }
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
    let utf16 = encoding.is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    let bytes = read_bytes_checked(path, !utf16)?;
    let source = decode(path, &bytes, encoding)?;
    check_line_lengths(&source)?;
    Ok(source)
}

/// Refuses a text with a line longer than [`crate::stream::MAX_LINE`] (64 MiB), the same bound
/// as for streamed inputs: no command holds such a line whole.
pub fn check_line_lengths(source: &Source) -> Result<()> {
    let max = crate::stream::MAX_LINE;
    let bytes = source.text.as_bytes();
    if bytes.len() <= max {
        return Ok(());
    }
    let mut start = 0;
    let mut line = 1;
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes).chain(std::iter::once(bytes.len())) {
        if end - start > max {
            return Err(Error::syntax(
                &source.path,
                line,
                1,
                format!(
                    "a line longer than {} MiB (trame's limit on one line of text)",
                    max >> 20
                ),
            ));
        }
        if !(bytes[end.min(bytes.len() - 1)] == b'\n' && end > 0 && bytes[end - 1] == b'\r') {
            line += 1;
        }
        start = end + 1;
    }
    Ok(())
}

/// Reads the raw bytes of `path`; `-` reads standard input. A directory is an error, not an empty file.
///
/// Standard input, FIFOs and devices are read up to [`MAX_UNSIZED_INPUT`] bytes.
/// Without a UTF-16 signature (a BOM, or `<?` in UTF-16), a NUL byte in the first block read
/// from such an input is refused as binary at once.
pub fn read_bytes(path: &str) -> Result<Vec<u8>> {
    read_bytes_checked(path, true)
}

fn read_bytes_checked(path: &str, text_check: bool) -> Result<Vec<u8>> {
    if path == "-" {
        return read_unsized("-", std::io::stdin().lock(), text_check);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::invalid(path, "is a directory, expected a file"));
    }
    if !meta.is_file() {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        return read_unsized(path, file, text_check);
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
        assert_eq!(err.to_string(), "f.txt: invalid UTF-8 at byte 3");
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
