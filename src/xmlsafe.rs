//! Bounds every XML reader of trame applies (TMX, TBX, SRX), whatever the file: element depth,
//! start-tag size, and an XML declaration whose encoding contradicts the bytes.
//!
//! A file nested 100,000 deep is not a termbase or a memory but an attack on recursive code (or
//! on a CAT tool's parser): it is refused at the first element past [`MAX_DEPTH`], as libxml2
//! does by default. A start tag longer than [`MAX_TAG_BYTES`] (an attribute of megabytes) is
//! refused likewise. An `encoding="ISO-8859-1"` declaration over UTF-8 bytes would make a CAT tool
//! garble every accented letter; trame reads XML as UTF-8 or UTF-16 only, so such a declaration
//! is refused with what to do.

use encoding_rs::Encoding;
use quick_xml::events::{BytesDecl, Event};

/// Deepest element nesting accepted (libxml2's default limit). TMX and TBX need about 10.
pub const MAX_DEPTH: usize = 256;

/// Longest start tag accepted, name and attributes together: 1 MiB.
pub const MAX_TAG_BYTES: usize = 1 << 20;

/// Tracks depth over a stream of events and checks each one; a violation is a message for the
/// reader to report at the event's position.
#[derive(Debug, Default, Clone)]
pub struct XmlGuard {
    depth: usize,
    /// The encoding the bytes were actually decoded from (`None`: not known, no check).
    actual: Option<&'static Encoding>,
}

impl XmlGuard {
    /// A guard for a document decoded from `actual` (`None` when the caller holds only text).
    pub fn new(actual: Option<&'static Encoding>) -> Self {
        XmlGuard { depth: 0, actual }
    }

    /// Current element depth (0 outside the root).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Checks `event` and updates the depth.
    pub fn check(&mut self, event: &Event) -> Result<(), String> {
        match event {
            Event::Start(e) => {
                check_tag_len(e.len())?;
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(format!(
                        "elements nested more than {MAX_DEPTH} deep (trame's limit, as libxml2's)"
                    ));
                }
            }
            Event::Empty(e) => check_tag_len(e.len())?,
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Decl(d) => {
                if let Some(actual) = self.actual {
                    check_declaration(d, actual)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn check_tag_len(len: usize) -> Result<(), String> {
    if len > MAX_TAG_BYTES {
        return Err(format!(
            "a start tag of {len} bytes (trame's limit is {MAX_TAG_BYTES}: 1 MiB of attributes)"
        ));
    }
    Ok(())
}

/// The encoding named by an XML declaration, if any (`None` when the declaration names none).
pub fn declared_encoding(decl: &BytesDecl) -> Option<String> {
    match decl.encoding() {
        Some(Ok(label)) => Some(String::from_utf8_lossy(&label).trim().to_string()),
        Some(Err(_)) | None => None,
    }
}

/// Checks that the declared encoding agrees with the bytes as decoded (`actual`).
pub fn check_declaration(decl: &BytesDecl, actual: &'static Encoding) -> Result<(), String> {
    let Some(label) = declared_encoding(decl) else {
        return Ok(());
    };
    declaration_agrees(&label, actual)
}

/// Whether an `encoding="label"` declaration is consistent with bytes decoded as `actual`.
pub fn declaration_agrees(label: &str, actual: &'static Encoding) -> Result<(), String> {
    let lower = label.to_ascii_lowercase();
    let utf16 = |e: &'static Encoding| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
    // ASCII is a subset of UTF-8 (encoding_rs maps the label to windows-1252).
    if matches!(lower.as_str(), "us-ascii" | "ascii") && actual == encoding_rs::UTF_8 {
        return Ok(());
    }
    let Some(declared) = Encoding::for_label(lower.as_bytes()) else {
        return Err(format!(
            "the XML declaration names an unknown encoding `{label}`"
        ));
    };
    if declared == actual || (utf16(declared) && utf16(actual)) {
        return Ok(());
    }
    // A BOM is unambiguous: UTF-16 bytes under a UTF-8 declaration are read as UTF-16.
    if utf16(actual) && declared == encoding_rs::UTF_8 {
        return Ok(());
    }
    let actual_name = actual.name();
    if utf16(declared) {
        return Err(format!(
            "the XML declaration says encoding=\"{label}\" but the bytes are {actual_name} (no \
             UTF-16 byte-order mark): write encoding=\"UTF-8\""
        ));
    }
    Err(format!(
        "the XML declaration says encoding=\"{label}\" but the file is read as {actual_name}: \
         CAT tools would decode it as {label} and garble accented letters; if the bytes are \
         {actual_name}, write encoding=\"UTF-8\" in the declaration, else convert the file with \
         `iconv -f {label} -t UTF-8`"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;

    fn events(xml: &str, actual: Option<&'static Encoding>) -> Result<(), String> {
        let mut r = Reader::from_str(xml);
        let mut g = XmlGuard::new(actual);
        loop {
            let ev = r.read_event().map_err(|e| e.to_string())?;
            if matches!(ev, Event::Eof) {
                return Ok(());
            }
            g.check(&ev)?;
        }
    }

    #[test]
    fn depth_past_the_limit_is_refused() {
        let ok = "<a>".repeat(MAX_DEPTH) + &"</a>".repeat(MAX_DEPTH);
        assert!(events(&ok, None).is_ok());
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        assert!(events(&deep, None)
            .unwrap_err()
            .contains("more than 256 deep"));
    }

    #[test]
    fn a_lying_declaration_is_refused_a_true_one_accepted() {
        let utf8 = Some(encoding_rs::UTF_8);
        let latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>";
        assert!(events(latin, utf8).unwrap_err().contains("ISO-8859-1"));
        assert!(events(latin, Some(encoding_rs::WINDOWS_1252)).is_ok());
        assert!(events("<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>", utf8).is_ok());
        assert!(events("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a/>", utf8).is_ok());
        assert!(events("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", utf8).is_err());
        assert!(events("<?xml version=\"1.0\"?><a/>", utf8).is_ok());
    }

    #[test]
    fn a_huge_tag_is_refused() {
        let xml = format!("<a b=\"{}\"/>", "x".repeat(MAX_TAG_BYTES + 1));
        assert!(events(&xml, None).unwrap_err().contains("start tag"));
    }
}
