//! The streaming TMX reader: TMX 1.1–1.4, UTF-8 or UTF-16, one unit at a time.
//!
//! * Encodings: UTF-8 (with or without BOM) and UTF-16 LE/BE (with a BOM, or recognised from
//!   `<?xml` in UTF-16), transcoded on the fly; memory does not grow with the file.
//! * Versions: `<tuv xml:lang>` (1.4) and `<tuv lang>` (1.1–1.3) are both read; `srclang="*"`
//!   is kept as read and means "unspecified" ([`super::TmxHeader::source_language`]).
//! * Inline codes (`<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>` and the `<sub>` inside them) are
//!   dropped by default or kept as their text ([`InlineMode`]); `<hi>` is transparent (its
//!   content is segment text).
//! * Safety: a DOCTYPE is skipped, never fetched and its entity declarations never expanded;
//!   any entity other than the five predefined ones is an error (no XXE, no billion laughs).
//! * Errors: malformed XML and structural problems are `Error::Syntax` with the 1-based
//!   line:column of the problem in the (decoded) file. After an error the iterator ends.

use super::xml::Utf8Stream;
use super::{Prop, TmxHeader, TranslationUnit, Variant};
use crate::error::{Error, Result};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{BufReader, Cursor, Read};
use std::path::PathBuf;
use std::sync::Arc;

/// What to do with inline codes inside `<seg>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InlineMode {
    /// Drop `<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>` with their content: plain text only.
    #[default]
    Drop,
    /// Keep the content of inline codes as text (e.g. `<ph>&lt;br/&gt;</ph>` gives `<br/>`).
    KeepText,
}

/// Reader options.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// What to do with inline codes.
    pub inline: InlineMode,
    /// Read the bytes as they are (UTF-8, or UTF-16 by its BOM) even when the XML declaration
    /// names another encoding, instead of refusing the file (for `tmx repair`; see
    /// [`TmxReader::declared_encoding`]).
    pub ignore_declared_encoding: bool,
}

type Input = BufReader<Utf8Stream<Box<dyn Read + Send>>>;

/// Where the bytes come from, so an error offset can be turned into line:column.
#[derive(Clone)]
enum Origin {
    File(PathBuf),
    Memory(Arc<[u8]>),
}

impl Origin {
    fn open(&self) -> std::io::Result<Box<dyn Read + Send>> {
        Ok(match self {
            Origin::File(p) => Box::new(std::fs::File::open(p)?),
            Origin::Memory(b) => Box::new(Cursor::new(Arc::clone(b))),
        })
    }

    /// 1-based line and column (in characters) of byte `offset` of the decoded UTF-8 stream.
    fn locate(&self, offset: u64) -> (usize, usize) {
        let (mut line, mut col) = (1usize, 1usize);
        let Ok(raw) = self.open() else {
            return (line, col);
        };
        let Ok(mut stream) = Utf8Stream::new(raw) else {
            return (line, col);
        };
        let mut remaining = offset;
        let mut chunk = [0u8; 8192];
        while remaining > 0 {
            let n = match stream.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let take = (n as u64).min(remaining) as usize;
            for &b in &chunk[..take] {
                if b == b'\n' {
                    line += 1;
                    col = 1;
                } else if b & 0xC0 != 0x80 {
                    col += 1;
                }
            }
            remaining -= take as u64;
        }
        (line, col)
    }
}

const CODES: [&[u8]; 5] = [b"bpt", b"ept", b"it", b"ph", b"ut"];

/// A streaming TMX reader: construct it (the header is read at once), then iterate units.
pub struct TmxReader {
    xml: Reader<Input>,
    name: String,
    origin: Origin,
    header: TmxHeader,
    version: String,
    options: ReadOptions,
    buf: Vec<u8>,
    done: bool,
    guard: crate::xmlsafe::XmlGuard,
    /// The encoding named by the XML declaration, if any.
    declared: Option<String>,
    /// The encoding the bytes are read in.
    actual: &'static encoding_rs::Encoding,
    /// Broken units are reported and skipped rather than ending the iteration.
    recover: bool,
    /// The XML itself failed (not well-formed, over a bound): nothing after can be read.
    fatal: bool,
    /// The error being returned is a skipped unit (the iteration goes on).
    skipped_unit: bool,
}

impl std::fmt::Debug for TmxReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TmxReader")
            .field("name", &self.name)
            .field("header", &self.header)
            .finish_non_exhaustive()
    }
}

impl TmxReader {
    /// Opens `path` (`-` = standard input, read into memory) and reads up to `<body>`.
    pub fn open(path: &str, options: ReadOptions) -> Result<Self> {
        if path == "-" {
            let bytes = crate::input::read_bytes("-")?;
            return Self::from_bytes("-", bytes, options);
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::invalid(path, "is a directory, expected a TMX file"));
        }
        if !meta.is_file() {
            // A FIFO or a device cannot be read twice (error positions re-read the input):
            // held in memory, within the bound on unsized inputs.
            let bytes = crate::input::read_bytes(path)?;
            return Self::from_bytes(path, bytes, options);
        }
        let origin = Origin::File(PathBuf::from(path));
        let raw = origin.open().map_err(|e| Error::io(path, e))?;
        Self::start(path, origin, raw, options)
    }

    /// Reads TMX held in memory; `name` is used in messages.
    pub fn from_bytes(
        name: &str,
        bytes: impl Into<Arc<[u8]>>,
        options: ReadOptions,
    ) -> Result<Self> {
        let origin = Origin::Memory(bytes.into());
        let raw = origin.open().map_err(|e| Error::io(name, e))?;
        Self::start(name, origin, raw, options)
    }

    fn start(
        name: &str,
        origin: Origin,
        raw: Box<dyn Read + Send>,
        options: ReadOptions,
    ) -> Result<Self> {
        let stream = Utf8Stream::new(raw).map_err(|e| Error::io(name, e))?;
        let actual = match stream.encoding() {
            super::xml::XmlEncoding::Utf8 => encoding_rs::UTF_8,
            super::xml::XmlEncoding::Utf16Le => encoding_rs::UTF_16LE,
            super::xml::XmlEncoding::Utf16Be => encoding_rs::UTF_16BE,
        };
        let mut xml = Reader::from_reader(BufReader::with_capacity(64 * 1024, stream));
        let config = xml.config_mut();
        config.expand_empty_elements = true;
        config.trim_text(false);
        config.check_end_names = true;
        let mut reader = TmxReader {
            xml,
            name: name.to_string(),
            origin,
            header: TmxHeader::new("*"),
            version: String::new(),
            options,
            buf: Vec::new(),
            done: false,
            guard: crate::xmlsafe::XmlGuard::new(
                (!options.ignore_declared_encoding).then_some(actual),
            ),
            declared: None,
            actual,
            recover: false,
            fatal: false,
            skipped_unit: false,
        };
        reader.read_prologue()?;
        Ok(reader)
    }

    /// The header as read. Missing attributes are empty strings; `creation_date` is `None` when
    /// absent. The header fields that have defaults in [`TmxHeader::new`] are overwritten.
    pub fn header(&self) -> &TmxHeader {
        &self.header
    }

    /// The `version` attribute of `<tmx>` (`1.4`, `1.1`…).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The name given for messages (the path).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Makes the iterator go on after a broken unit (a `<tuv>` without `xml:lang` or `<seg>`,
    /// an unknown entity in a segment…): that unit comes as an `Err` and the next ones follow.
    /// An error in the XML itself (not well-formed, over a bound) still ends the iteration; see
    /// [`TmxReader::failed`].
    pub fn recovering(mut self) -> Self {
        self.recover = true;
        self
    }

    /// The encoding the bytes are read in: `UTF-8`, `UTF-16LE` or `UTF-16BE`.
    pub fn encoding_name(&self) -> &'static str {
        self.actual.name()
    }

    /// The encoding the XML declaration names (`None` without one).
    pub fn declared_encoding(&self) -> Option<&str> {
        self.declared.as_deref()
    }

    /// Whether the iteration ended on an error in the XML itself.
    pub fn failed(&self) -> bool {
        self.fatal
    }

    fn err_at(&self, offset: u64, message: impl Into<String>) -> Error {
        let (line, col) = self.origin.locate(offset);
        Error::syntax(&self.name, line, col, message)
    }

    fn xml_err(&self, e: quick_xml::Error, fallback: u64) -> Error {
        if let quick_xml::Error::Io(io) = &e {
            if io.kind() == std::io::ErrorKind::InvalidData {
                return Error::invalid(&self.name, io.to_string());
            }
            return Error::io(&self.name, std::io::Error::new(io.kind(), io.to_string()));
        }
        let offset = match e {
            quick_xml::Error::Syntax(_) | quick_xml::Error::IllFormed(_) => {
                self.xml.error_position()
            }
            _ => fallback,
        };
        self.err_at(offset, describe(&e))
    }

    /// The next event, owned, with the byte offset where it starts.
    fn next_event(&mut self) -> Result<(Event<'static>, u64)> {
        let start = self.xml.buffer_position();
        self.buf.clear();
        match self.xml.read_event_into(&mut self.buf) {
            Ok(ev) => {
                if let Err(message) = self.guard.check(&ev) {
                    self.fatal = true;
                    return Err(self.err_at(start, message));
                }
                Ok((ev.into_owned(), start))
            }
            Err(e) => {
                self.fatal = true;
                Err(self.xml_err(e, start))
            }
        }
    }

    fn attr(&self, e: &BytesStart, names: &[&[u8]], at: u64) -> Result<Option<String>> {
        for a in e.attributes() {
            let a = a.map_err(|err| self.err_at(at, format!("bad attribute: {err}")))?;
            if names.contains(&a.key.as_ref()) {
                let v = a
                    .unescape_value()
                    .map_err(|err| self.err_at(at, describe(&err)))?;
                return Ok(Some(v.into_owned()));
            }
        }
        Ok(None)
    }

    fn text_of(&self, t: &quick_xml::events::BytesText, at: u64) -> Result<String> {
        let raw =
            std::str::from_utf8(t).map_err(|e| self.err_at(at, format!("invalid UTF-8: {e}")))?;
        super::xml::unescape_text(raw)
            .map(|c| c.into_owned())
            .map_err(|e| self.err_at(at, describe(&quick_xml::Error::Escape(e))))
    }

    /// Skips the element just started, through the guarded event loop (depth stays bounded).
    fn skip(&mut self, e: &BytesStart<'static>, _at: u64) -> Result<()> {
        let mut depth = 0usize;
        loop {
            let (ev, at) = self.next_event()?;
            match ev {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(()),
                Event::End(_) => depth -= 1,
                Event::Eof => {
                    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                    return Err(self.err_at(at, format!("unexpected end of file in <{name}>")));
                }
                _ => {}
            }
        }
    }

    fn read_prologue(&mut self) -> Result<()> {
        loop {
            let (ev, at) = self.next_event()?;
            match ev {
                Event::Start(e) if e.name().as_ref() == b"tmx" => {
                    self.version = self.attr(&e, &[b"version"], at)?.unwrap_or_default();
                    break;
                }
                Event::Start(e) => {
                    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                    return Err(
                        self.err_at(at, format!("root element is <{name}>, expected <tmx>"))
                    );
                }
                Event::Text(t) if !t.iter().all(|b| b.is_ascii_whitespace()) => {
                    return Err(self.err_at(at, "text before the root element <tmx>"));
                }
                Event::Eof => {
                    return Err(self.err_at(at, "no <tmx> element (empty or truncated file)"))
                }
                Event::Decl(d) => self.declared = crate::xmlsafe::declared_encoding(&d),
                // Comments, processing instructions and the DOCTYPE (never fetched, its entity
                // declarations never expanded).
                _ => {}
            }
        }
        loop {
            let (ev, at) = self.next_event()?;
            match ev {
                Event::Start(e) if e.name().as_ref() == b"header" => self.read_header(&e, at)?,
                Event::Start(e) if e.name().as_ref() == b"body" => return Ok(()),
                Event::Start(e) => self.skip(&e, at)?,
                Event::End(_) => {
                    // </tmx> without a body: an empty memory.
                    self.done = true;
                    return self.read_epilogue(true);
                }
                Event::Eof => return Err(self.err_at(at, "unexpected end of file: no <body>")),
                _ => {}
            }
        }
    }

    fn read_header(&mut self, e: &BytesStart<'static>, at: u64) -> Result<()> {
        let mut h = TmxHeader::new("*");
        let get = |me: &Self, n: &[u8]| me.attr(e, &[n], at).map(|v| v.unwrap_or_default());
        h.src_lang = get(self, b"srclang")?;
        h.admin_lang = get(self, b"adminlang")?;
        h.creation_tool = get(self, b"creationtool")?;
        h.creation_tool_version = get(self, b"creationtoolversion")?;
        h.segtype = get(self, b"segtype")?;
        h.o_tmf = get(self, b"o-tmf")?;
        h.datatype = get(self, b"datatype")?;
        h.creation_date = self.attr(e, &[b"creationdate"], at)?;
        loop {
            let (ev, at) = self.next_event()?;
            match ev {
                Event::Start(p) if p.name().as_ref() == b"prop" => {
                    let kind = self.attr(&p, &[b"type"], at)?.unwrap_or_default();
                    let value = self.simple_text(b"prop")?;
                    h.props.push(Prop { kind, value });
                }
                Event::Start(other) => self.skip(&other, at)?,
                Event::End(_) => break,
                Event::Eof => return Err(self.err_at(at, "unexpected end of file in <header>")),
                _ => {}
            }
        }
        self.header = h;
        Ok(())
    }

    /// Text content of a simple element (nested markup contributes its text), up to its end.
    fn simple_text(&mut self, what: &[u8]) -> Result<String> {
        let mut text = String::new();
        let mut depth = 0usize;
        loop {
            let (ev, at) = self.next_event()?;
            match ev {
                Event::Text(t) => text.push_str(&self.text_of(&t, at)?),
                Event::CData(c) => text.push_str(&self.cdata(&c, at)?),
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(text),
                Event::End(_) => depth -= 1,
                Event::Eof => {
                    let what = String::from_utf8_lossy(what);
                    return Err(self.err_at(at, format!("unexpected end of file in <{what}>")));
                }
                _ => {}
            }
        }
    }

    fn cdata(&self, c: &quick_xml::events::BytesCData, at: u64) -> Result<String> {
        std::str::from_utf8(c)
            .map(|s| s.replace("\r\n", "\n").replace('\r', "\n"))
            .map_err(|e| self.err_at(at, format!("invalid UTF-8: {e}")))
    }

    fn read_tu(&mut self, e: &BytesStart<'static>, at: u64) -> Result<TranslationUnit> {
        let mut tu = TranslationUnit {
            tuid: self.attr(e, &[b"tuid"], at)?,
            ..Default::default()
        };
        loop {
            let (ev, at) = self.next_event()?;
            match ev {
                Event::Start(p) if p.name().as_ref() == b"prop" => {
                    let kind = self.attr(&p, &[b"type"], at)?.unwrap_or_default();
                    let value = self.simple_text(b"prop")?;
                    tu.props.push(Prop { kind, value });
                }
                Event::Start(v) if v.name().as_ref() == b"tuv" => {
                    let variant = self.read_tuv(&v, at)?;
                    tu.variants.push(variant);
                }
                Event::Start(other) => self.skip(&other, at)?,
                Event::End(_) => return Ok(tu),
                Event::Eof => return Err(self.err_at(at, "unexpected end of file in <tu>")),
                _ => {}
            }
        }
    }

    fn read_tuv(&mut self, e: &BytesStart<'static>, at: u64) -> Result<Variant> {
        let Some(lang) = self.attr(e, &[b"xml:lang", b"lang"], at)? else {
            return Err(self.err_at(at, "<tuv> without xml:lang"));
        };
        let mut text = None;
        loop {
            let (ev, at2) = self.next_event()?;
            match ev {
                Event::Start(s) if s.name().as_ref() == b"seg" => {
                    text = Some(self.read_seg()?);
                }
                Event::Start(other) => self.skip(&other, at2)?,
                Event::End(_) => break,
                Event::Eof => return Err(self.err_at(at2, "unexpected end of file in <tuv>")),
                _ => {}
            }
        }
        match text {
            Some(text) => Ok(Variant { lang, text }),
            None => Err(self.err_at(at, "<tuv> without <seg>")),
        }
    }

    fn read_seg(&mut self) -> Result<String> {
        let mut text = String::new();
        let mut stack: Vec<bool> = Vec::new();
        let mut dropping = 0usize;
        let drop_codes = self.options.inline == InlineMode::Drop;
        loop {
            let (ev, at) = self.next_event()?;
            match ev {
                Event::Text(t) => {
                    let s = self.text_of(&t, at)?;
                    if dropping == 0 {
                        text.push_str(&s);
                    }
                }
                Event::CData(c) => {
                    let s = self.cdata(&c, at)?;
                    if dropping == 0 {
                        text.push_str(&s);
                    }
                }
                Event::Start(s) => {
                    let drop = drop_codes && (dropping > 0 || CODES.contains(&s.name().as_ref()));
                    if drop {
                        dropping += 1;
                    }
                    stack.push(drop);
                }
                Event::End(_) => match stack.pop() {
                    None => return Ok(text),
                    Some(true) => dropping -= 1,
                    Some(false) => {}
                },
                Event::Eof => return Err(self.err_at(at, "unexpected end of file in <seg>")),
                _ => {}
            }
        }
    }

    /// After `</body>` (or `</tmx>` when `root_closed`): expects `</tmx>` and the end of the file.
    fn read_epilogue(&mut self, root_closed: bool) -> Result<()> {
        let mut closed_root = root_closed;
        loop {
            let (ev, at) = self.next_event()?;
            match ev {
                Event::End(_) if !closed_root => closed_root = true,
                Event::Start(_) | Event::End(_) => {
                    return Err(self.err_at(at, "unexpected element after </body>"))
                }
                Event::Text(t) if !t.iter().all(|b| b.is_ascii_whitespace()) => {
                    return Err(self.err_at(at, "unexpected text after </body>"))
                }
                Event::Eof if !closed_root => {
                    return Err(self.err_at(at, "unexpected end of file: missing </tmx>"))
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }
}

impl Iterator for TmxReader {
    type Item = Result<TranslationUnit>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = (|| loop {
            let (ev, at) = self.next_event()?;
            match ev {
                Event::Start(e) if e.name().as_ref() == b"tu" => {
                    let depth = self.guard.depth();
                    return match self.read_tu(&e, at) {
                        Err(err) if self.recover && !self.fatal => {
                            // Skip what is left of the broken unit, then report it.
                            while self.guard.depth() >= depth {
                                if let (Event::Eof, at) = self.next_event()? {
                                    self.fatal = true;
                                    return Err(self.err_at(at, "unexpected end of file in <tu>"));
                                }
                            }
                            self.skipped_unit = true;
                            Err(err)
                        }
                        other => other.map(Some),
                    };
                }
                Event::Start(e) => self.skip(&e, at)?,
                Event::End(_) => {
                    // </body>
                    self.read_epilogue(false)?;
                    return Ok(None);
                }
                Event::Eof => return Err(self.err_at(at, "unexpected end of file in <body>")),
                _ => {}
            }
        })();
        match result {
            Ok(Some(tu)) => Some(Ok(tu)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = !std::mem::take(&mut self.skipped_unit);
                Some(Err(e))
            }
        }
    }
}

/// A readable message for a quick-xml error; unknown entities say why they are refused.
fn describe(e: &quick_xml::Error) -> String {
    match e {
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) => {
            format!("unknown entity `&{name};` (only the five XML entities are allowed; DTD entities are never expanded)")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(xml: &str, options: ReadOptions) -> Result<(TmxHeader, Vec<TranslationUnit>)> {
        let r = TmxReader::from_bytes("t.tmx", xml.as_bytes().to_vec(), options)?;
        let header = r.header().clone();
        let units = r.collect::<Result<Vec<_>>>()?;
        Ok((header, units))
    }

    const SIMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="fr" datatype="plaintext"/>
  <body>
    <tu tuid="7"><prop type="x-line">3</prop>
      <tuv xml:lang="fr"><seg>Le &amp; la</seg></tuv>
      <tuv xml:lang="en"><seg><![CDATA[A <b>]]> &lt; b</seg></tuv>
    </tu>
  </body>
</tmx>
"#;

    #[test]
    fn reads_header_props_and_segments() {
        let (h, units) = read_all(SIMPLE, ReadOptions::default()).unwrap();
        assert_eq!(h.src_lang, "fr");
        assert_eq!(h.creation_tool, "X");
        assert_eq!(h.creation_date, None);
        assert_eq!(
            units,
            vec![TranslationUnit {
                tuid: Some("7".into()),
                props: vec![Prop::new("x-line", "3")],
                variants: vec![
                    Variant::new("fr", "Le & la"),
                    Variant::new("en", "A <b> < b")
                ],
            }]
        );
    }

    #[test]
    fn tmx_1_1_lang_attribute_and_star_srclang() {
        let xml = r#"<tmx version="1.1"><header srclang="*"/><body>
<tu><tuv lang="FR"><seg>un</seg></tuv><tuv lang="EN"><seg>one</seg></tuv></tu></body></tmx>"#;
        let (h, units) = read_all(xml, ReadOptions::default()).unwrap();
        assert_eq!(h.source_language(), None);
        assert_eq!(units[0].variants[0], Variant::new("FR", "un"));
        assert_eq!(units[0].tuid, None);
    }

    #[test]
    fn inline_codes_dropped_or_kept() {
        let xml = r#"<tmx version="1.4"><header srclang="en"/><body><tu>
<tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph> <hi>now</hi><ut>{x<sub>sub</sub>}</ut>.</seg></tuv>
<tuv xml:lang="fr"><seg>x</seg></tuv></tu></body></tmx>"#;
        let (_, units) = read_all(xml, ReadOptions::default()).unwrap();
        assert_eq!(units[0].variants[0].text, "Press here now.");
        let keep = ReadOptions {
            inline: InlineMode::KeepText,
            ..ReadOptions::default()
        };
        let (_, units) = read_all(xml, keep).unwrap();
        assert_eq!(
            units[0].variants[0].text,
            "Press <b>here</b><br/> now{xsub}."
        );
    }

    #[test]
    fn malformed_xml_is_an_error_with_line_and_column() {
        let xml = "<tmx version=\"1.4\"><header srclang=\"fr\"/><body>\n<tu><tuv xml:lang=\"fr\"><seg>é</tuv></tu></body></tmx>";
        let err = read_all(xml, ReadOptions::default()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("t.tmx:2:"), "{msg}");
        assert!(matches!(err, Error::Syntax { .. }));
    }

    #[test]
    fn truncated_file_is_an_error() {
        let xml = "<tmx version=\"1.4\"><header srclang=\"fr\"/><body>\n<tu>";
        let err = read_all(xml, ReadOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), "t.tmx:2:5: unexpected end of file in <tu>");
    }

    #[test]
    fn dtd_entities_are_never_expanded() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n<tmx version=\"1.4\"><header srclang=\"fr\"/><body>\n<tu><tuv xml:lang=\"fr\"><seg>&b;</seg></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu></body></tmx>";
        let err = read_all(xml, ReadOptions::default()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("t.tmx:4:"), "{msg}");
        assert!(msg.contains("unknown entity `&b;`"), "{msg}");
    }

    #[test]
    fn missing_lang_is_an_error() {
        let xml = "<tmx version=\"1.4\"><header srclang=\"fr\"/><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>";
        let err = read_all(xml, ReadOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), "t.tmx:1:52: <tuv> without xml:lang");
    }

    #[test]
    fn wrong_root_and_missing_root_close() {
        let err = read_all("<html></html>", ReadOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tmx:1:1: root element is <html>, expected <tmx>"
        );
        let err = read_all(
            "<tmx><header srclang=\"fr\"/><body></body>",
            ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tmx:1:41: unexpected end of file: missing </tmx>"
        );
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        let xml = SIMPLE.replace("UTF-8", "UTF-16");
        for u in xml.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let r = TmxReader::from_bytes("t", bytes, ReadOptions::default()).unwrap();
        let units: Vec<_> = r.collect::<Result<_>>().unwrap();
        assert_eq!(units[0].variants[0].text, "Le & la");
    }
}
