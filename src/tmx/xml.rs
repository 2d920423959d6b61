//! Small XML helpers shared by the TMX and TBX writers and readers: escaping, XML-illegal
//! characters, language-tag and XML-ID checks, and a streaming decoder for UTF-16 input.

use std::borrow::Cow;
use std::io::{self, Read};

/// True for characters XML 1.0 forbids anywhere in a document, even as `&#…;` references:
/// C0 controls other than tab, line feed and carriage return, and U+FFFE / U+FFFF.
/// (Surrogates cannot occur in a Rust `char`.)
pub fn is_xml_illegal(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// `text` without its XML-illegal characters, and how many were removed.
pub fn strip_illegal(text: &str) -> (Cow<'_, str>, usize) {
    let count = text.chars().filter(|&c| is_xml_illegal(c)).count();
    if count == 0 {
        (Cow::Borrowed(text), 0)
    } else {
        (
            Cow::Owned(text.chars().filter(|&c| !is_xml_illegal(c)).collect()),
            count,
        )
    }
}

/// Appends `text` escaped for element content. `>` is escaped too, so `]]>` can never appear;
/// a carriage return becomes `&#13;` so that XML line-end normalisation does not eat it.
/// The caller has removed XML-illegal characters.
pub fn escape_text_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
}

/// Appends `text` escaped for a double- or single-quoted attribute value; tab, line feed and
/// carriage return become character references so that attribute normalisation keeps them.
pub fn escape_attr_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
}

/// `text` escaped for element content (see [`escape_text_into`]).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_text_into(text, &mut out);
    out
}

/// `text` escaped for an attribute value (see [`escape_attr_into`]).
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_attr_into(text, &mut out);
    out
}

/// A loose BCP 47 shape check: a 2–3 letter language, then `-`-separated subtags of 1–8
/// letters or digits (`fr`, `fr-FR`, `en-GB`, `zh-Hant-TW`, `es-419`). Rejects `''`, `french`,
/// `fr_FR` and `*`, which CAT tools mishandle.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// True if `id` is usable as an `xml:id`/`xsd:ID` value. Deliberately ASCII-only
/// (`[A-Za-z_][A-Za-z0-9._-]*`) so every validator agrees.
pub fn is_ascii_xml_id(id: &str) -> bool {
    let mut chars = id.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Unescapes XML character data after XML line-end normalisation: a literal `\r\n` or lone
/// `\r` becomes `\n` (as every XML parser must do), while `&#13;` still gives a carriage return.
/// Only the five predefined entities and character references are known; any other entity
/// (declared in a DTD or not) is an error, so nothing is ever expanded from a DOCTYPE.
pub fn unescape_text(
    raw: &str,
) -> std::result::Result<Cow<'_, str>, quick_xml::escape::EscapeError> {
    if raw.contains('\r') {
        let normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
        Ok(Cow::Owned(
            quick_xml::escape::unescape(&normalized)?.into_owned(),
        ))
    } else {
        quick_xml::escape::unescape(raw)
    }
}

/// The byte encodings trame's XML readers accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XmlEncoding {
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
}

/// Guesses the encoding from the first bytes: a BOM, or `<?` in UTF-16 without a BOM.
/// Returns the encoding and the BOM length to skip.
pub fn sniff_encoding(head: &[u8]) -> (XmlEncoding, usize) {
    match head {
        [0xEF, 0xBB, 0xBF, ..] => (XmlEncoding::Utf8, 3),
        [0xFF, 0xFE, ..] => (XmlEncoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (XmlEncoding::Utf16Be, 2),
        [b'<', 0, b'?', 0, ..] => (XmlEncoding::Utf16Le, 0),
        [0, b'<', 0, b'?', ..] => (XmlEncoding::Utf16Be, 0),
        _ => (XmlEncoding::Utf8, 0),
    }
}

/// A `Read` that yields UTF-8: passes UTF-8 through (without its BOM) and transcodes UTF-16
/// on the fly, chunk by chunk, so memory stays constant. Invalid UTF-16 is an
/// `InvalidData` error naming the byte offset in the original file.
pub struct Utf8Stream<R: Read> {
    inner: R,
    kind: XmlEncoding,
    decoder: Option<encoding_rs::Decoder>,
    /// Raw bytes read but not yet decoded.
    raw: Vec<u8>,
    raw_start: usize,
    /// Decoded bytes not yet handed out.
    out: Vec<u8>,
    out_start: usize,
    /// Bytes of the original input consumed so far (for error offsets).
    consumed: usize,
    eof: bool,
    finished: bool,
    /// Bytes sniffed for the BOM that belong to the content.
    pending_head: Vec<u8>,
    /// UTF-8 bytes handed out so far.
    delivered: u64,
    /// UTF-8 bytes handed out since the last `<` or `>`.
    since_markup: u64,
}

/// Most bytes accepted between two markup characters (`<`, `>`): 64 MiB. A longer run is a
/// text or an attribute no memory holds, or a stream without markup at all (`/dev/zero`, a
/// FIFO fed forever); the XML parser would buffer it whole, so it is refused.
pub const MAX_MARKUP_GAP: u64 = 64 << 20;

/// Names a UTF-32 byte-order mark at the start of `head`, if there is one.
pub fn utf32_bom(head: &[u8]) -> Option<&'static str> {
    match head {
        [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32LE"),
        [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32BE"),
        _ => None,
    }
}

impl<R: Read> Utf8Stream<R> {
    /// Sniffs the encoding of `inner` and prepares to stream it as UTF-8.
    pub fn new(mut inner: R) -> io::Result<Self> {
        let mut head = [0u8; 4];
        let mut n = 0;
        while n < head.len() {
            let read = inner.read(&mut head[n..])?;
            if read == 0 {
                break;
            }
            n += read;
        }
        if let Some(name) = utf32_bom(&head[..n]) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{name} text (byte-order mark at byte 0): trame reads XML in UTF-8 or UTF-16; \
                     convert it with `iconv -f UTF-32 -t UTF-8`"
                ),
            ));
        }
        let (kind, bom) = sniff_encoding(&head[..n]);
        let decoder = match kind {
            XmlEncoding::Utf8 => None,
            XmlEncoding::Utf16Le => Some(encoding_rs::UTF_16LE.new_decoder_without_bom_handling()),
            XmlEncoding::Utf16Be => Some(encoding_rs::UTF_16BE.new_decoder_without_bom_handling()),
        };
        Ok(Utf8Stream {
            inner,
            kind,
            decoder,
            raw: Vec::new(),
            raw_start: 0,
            out: Vec::new(),
            out_start: 0,
            consumed: bom,
            eof: false,
            finished: false,
            pending_head: head[bom..n].to_vec(),
            delivered: 0,
            since_markup: 0,
        })
    }

    /// The encoding detected.
    pub fn encoding(&self) -> XmlEncoding {
        self.kind
    }

    fn fill_raw(&mut self) -> io::Result<()> {
        if self.raw_start >= self.raw.len() {
            self.raw.clear();
            self.raw_start = 0;
        }
        if !self.pending_head.is_empty() {
            self.raw.append(&mut self.pending_head);
            return Ok(());
        }
        let mut chunk = [0u8; 16 * 1024];
        let n = self.inner.read(&mut chunk)?;
        if n == 0 {
            self.eof = true;
        }
        self.raw.extend_from_slice(&chunk[..n]);
        Ok(())
    }
}

impl<R: Read> Read for Utf8Stream<R> {
    /// Hands out UTF-8, refusing a NUL byte (never legal in XML: a binary file) and a run of
    /// more than [`MAX_MARKUP_GAP`] bytes without markup.
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.read_utf8(buf)?;
        let out = &buf[..n];
        if let Some(p) = memchr::memchr(0, out) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "NUL byte at byte {} of the text: a binary file, not XML",
                    self.delivered + p as u64
                ),
            ));
        }
        match memchr::memrchr2(b'<', b'>', out) {
            Some(i) => self.since_markup = (n - i - 1) as u64,
            None => self.since_markup += n as u64,
        }
        self.delivered += n as u64;
        if self.since_markup > MAX_MARKUP_GAP {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "more than {} MiB without markup before byte {} of the text (trame's limit \
                     on one text, attribute or tag)",
                    MAX_MARKUP_GAP >> 20,
                    self.delivered
                ),
            ));
        }
        Ok(n)
    }
}

impl<R: Read> Utf8Stream<R> {
    fn read_utf8(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.decoder.is_none() {
            if !self.pending_head.is_empty() {
                let n = self.pending_head.len().min(buf.len());
                buf[..n].copy_from_slice(&self.pending_head[..n]);
                self.pending_head.drain(..n);
                return Ok(n);
            }
            return self.inner.read(buf);
        }
        loop {
            if self.out_start < self.out.len() {
                let n = (self.out.len() - self.out_start).min(buf.len());
                buf[..n].copy_from_slice(&self.out[self.out_start..self.out_start + n]);
                self.out_start += n;
                return Ok(n);
            }
            self.out.clear();
            self.out_start = 0;
            if self.finished {
                return Ok(0);
            }
            if self.raw_start >= self.raw.len() && self.eof {
                // Flush the decoder once at the end: an odd trailing byte is an error.
                self.finished = true;
                if let Some(decoder) = self.decoder.as_mut() {
                    let mut tmp = [0u8; 16];
                    let (result, _, written) =
                        decoder.decode_to_utf8_without_replacement(&[], &mut tmp, true);
                    if let encoding_rs::DecoderResult::Malformed(..) = result {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!("invalid UTF-16 at byte {}", self.consumed),
                        ));
                    }
                    self.out.extend_from_slice(&tmp[..written]);
                }
                continue;
            }
            if self.raw_start >= self.raw.len() {
                self.fill_raw()?;
                continue;
            }
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            let input = &self.raw[self.raw_start..];
            self.out.resize(input.len() * 3 / 2 + 16, 0);
            let (result, read, written) =
                decoder.decode_to_utf8_without_replacement(input, &mut self.out, false);
            self.out.truncate(written);
            if let encoding_rs::DecoderResult::Malformed(bad, _) = result {
                let offset = (self.consumed + read).saturating_sub(bad as usize);
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("invalid UTF-16 at byte {offset}"),
                ));
            }
            self.raw_start += read;
            self.consumed += read;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn illegal_characters_are_the_c0_controls_and_nonchars() {
        for c in [
            '\u{0}', '\u{1}', '\u{8}', '\u{B}', '\u{C}', '\u{E}', '\u{1F}', '\u{FFFE}', '\u{FFFF}',
        ] {
            assert!(is_xml_illegal(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', 'é', '\u{7F}', '\u{1F600}'] {
            assert!(!is_xml_illegal(c), "{c:?}");
        }
        assert_eq!(strip_illegal("a\u{B}b\u{1}").0, "ab");
        assert_eq!(strip_illegal("a\u{B}b\u{1}").1, 2);
    }

    #[test]
    fn escaping_covers_markup_quotes_and_cdata_end() {
        assert_eq!(escape_text("a<b>&]]>"), "a&lt;b&gt;&amp;]]&gt;");
        assert_eq!(escape_attr("\"x' &\n"), "&quot;x&apos; &amp;&#10;");
        assert_eq!(escape_text("a\r\nb"), "a&#13;\nb");
    }

    #[test]
    fn line_ends_are_normalised_but_char_refs_kept() {
        assert_eq!(
            unescape_text("a\r\nb\rc&#13;d&amp;").unwrap(),
            "a\nb\nc\rd&"
        );
        assert!(unescape_text("&xxe;").is_err());
    }

    #[test]
    fn language_tags() {
        for ok in ["fr", "fr-FR", "en-GB", "zh-Hant-TW", "es-419", "fra"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "*", "french", "fr_FR", "fr-", "f"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn utf16le_with_bom_streams_as_utf8() {
        let text = "<?xml version=\"1.0\"?><a>é\u{1F600}</a>";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let mut s = Utf8Stream::new(&bytes[..]).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        assert_eq!(out, text);
        assert_eq!(s.encoding(), XmlEncoding::Utf16Le);
    }

    #[test]
    fn utf8_bom_is_skipped_and_short_input_kept() {
        let mut out = String::new();
        Utf8Stream::new(&b"\xEF\xBB\xBF<a/>"[..])
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "<a/>");
        out.clear();
        Utf8Stream::new(&b"<a"[..])
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "<a");
    }
}
