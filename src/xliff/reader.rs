//! Reading translated XLIFF 1.2 (OmegaT's `target/`, translate-toolkit, Trados/memoQ/Phrase
//! exports) back into units, and choosing which are translations worth keeping.

use super::{Target, XliffFile, XliffUnit};
use crate::document::LineIndex;
use crate::error::{Error, Result};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Which units [`XliffUnit::is_confirmed`] keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Also keep any non-empty target that differs from its source, whatever its state
    /// (`needs-review-translation`, `needs-translation`…).
    pub include_unconfirmed: bool,
}

impl XliffUnit {
    /// Whether the unit holds a translation to keep: `approved="yes"`, or a target whose state is
    /// `translated`, `signed-off` or `final`, or a target still `new` (or without state) that
    /// differs from the source (OmegaT 3.6 never updates `state`; a copy of the source is an
    /// untranslated segment). With `include_unconfirmed`, any non-empty target different from
    /// the source. An empty target, and `translate="no"`, are never kept.
    pub fn is_confirmed(&self, options: &ImportOptions) -> bool {
        let Some(t) = &self.target else { return false };
        let text = t.text.trim();
        if text.is_empty() || !self.translate || self.source.trim().is_empty() {
            return false;
        }
        let differs = text != self.source.trim();
        if self.approved {
            return true;
        }
        match t.state.as_deref() {
            Some("translated" | "signed-off" | "final") => true,
            None | Some("new") => differs,
            Some(_) => options.include_unconfirmed && differs,
        }
    }
}

/// What is being captured.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Source,
    Target,
}

/// Reads an XLIFF 1.x document. `name` is used in messages; `text` is the decoded document.
/// Errors name `name:line:column`. Inline elements are flattened to their text; native codes
/// (`ph`, `bpt`, `ept`, `it`) are dropped; `<alt-trans>` contents are skipped. DOCTYPE entities
/// are never expanded (an unknown entity is an error).
pub fn read_xliff(name: &str, text: &str) -> Result<Vec<XliffFile>> {
    let lines = LineIndex::new(text);
    let err_at = |offset: usize, message: String| {
        let lc = lines.line_col(text, offset);
        Error::syntax(name, lc.line, lc.column + 1, message)
    };
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    reader.config_mut().check_end_names = true;
    let mut st = State {
        files: Vec::new(),
        unit: None,
        capture: Capture::None,
        buf: String::new(),
        alt_depth: 0,
        drop_depth: 0,
        seen_root: false,
        depth: 0,
    };
    let mut stack: Vec<Vec<u8>> = Vec::new();
    loop {
        let pos = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at = reader.error_position() as usize;
                return Err(err_at(at, format!("malformed XML: {e}")));
            }
        };
        match event {
            Event::Start(e) => {
                let local = e.local_name().as_ref().to_vec();
                st.depth = stack.len();
                handle_start(&e, &local, pos, &mut st, &err_at, text, &lines)?;
                stack.push(local);
            }
            Event::Empty(e) => {
                let local = e.local_name().as_ref().to_vec();
                st.depth = stack.len();
                handle_start(&e, &local, pos, &mut st, &err_at, text, &lines)?;
                handle_end(&local, pos, &mut st, &err_at)?;
            }
            Event::End(_) => {
                let local = stack.pop().unwrap_or_default();
                st.depth = stack.len();
                handle_end(&local, pos, &mut st, &err_at)?;
            }
            Event::Text(t)
                if st.capture != Capture::None && st.alt_depth == 0 && st.drop_depth == 0 =>
            {
                let raw = std::str::from_utf8(t.as_ref()).unwrap_or_default();
                let s = crate::tmx::xml::unescape_text(raw)
                    .map_err(|e| err_at(pos, format!("bad character data: {e}")))?;
                st.buf.push_str(&s);
            }
            Event::CData(t)
                if st.capture != Capture::None && st.alt_depth == 0 && st.drop_depth == 0 =>
            {
                st.buf.push_str(&String::from_utf8_lossy(t.as_ref()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !st.seen_root {
        return Err(Error::invalid(
            name,
            "no <xliff> element: not an XLIFF file",
        ));
    }
    Ok(st.files)
}

/// What the reader has built so far and where it is.
struct State {
    files: Vec<XliffFile>,
    unit: Option<XliffUnit>,
    capture: Capture,
    buf: String,
    alt_depth: usize,
    drop_depth: usize,
    seen_root: bool,
    /// Depth of the element being handled (0 for the root).
    depth: usize,
}

fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == key
            && a.key.prefix().map_or(true, |p| p.as_ref() != b"xmlns"))
        .then(|| {
            a.unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
    })
}

fn handle_start(
    e: &BytesStart<'_>,
    local: &[u8],
    pos: usize,
    st: &mut State,
    err_at: &dyn Fn(usize, String) -> Error,
    text: &str,
    lines: &LineIndex,
) -> Result<()> {
    if let Err(bad) = e.attributes().try_fold((), |_, a| a.map(|_| ())) {
        return Err(err_at(pos, format!("malformed attribute: {bad}")));
    }
    if st.depth == 0 {
        if local != b"xliff" {
            return Err(err_at(
                pos,
                format!(
                    "root element is <{}>, expected <xliff>",
                    String::from_utf8_lossy(local)
                ),
            ));
        }
        let version = attr(e, b"version").unwrap_or_default();
        if !version.starts_with('1') {
            return Err(err_at(
                pos,
                format!("XLIFF version `{version}` is not supported (1.0–1.2 are read)"),
            ));
        }
        st.seen_root = true;
        return Ok(());
    }
    if st.alt_depth > 0 {
        if local == b"alt-trans" {
            st.alt_depth += 1;
        }
        return Ok(());
    }
    match local {
        b"file" => st.files.push(XliffFile {
            original: attr(e, b"original").unwrap_or_default(),
            source_lang: attr(e, b"source-language").unwrap_or_default(),
            target_lang: attr(e, b"target-language").unwrap_or_default(),
            units: Vec::new(),
        }),
        b"trans-unit" => {
            if st.files.is_empty() {
                return Err(err_at(pos, "<trans-unit> outside a <file>".into()));
            }
            let Some(id) = attr(e, b"id") else {
                return Err(err_at(pos, "<trans-unit> without an id".into()));
            };
            st.unit = Some(XliffUnit {
                id,
                resname: attr(e, b"resname"),
                translate: attr(e, b"translate").as_deref() != Some("no"),
                approved: attr(e, b"approved").as_deref() == Some("yes"),
                read_line: lines.line_col(text, pos).line,
                ..Default::default()
            });
        }
        b"alt-trans" => st.alt_depth = 1,
        b"source" | b"target" if st.unit.is_some() && st.capture == Capture::None => {
            st.buf.clear();
            if local == b"source" {
                st.capture = Capture::Source;
            } else {
                st.capture = Capture::Target;
                if let Some(u) = st.unit.as_mut() {
                    u.target = Some(Target {
                        text: String::new(),
                        state: attr(e, b"state"),
                        state_qualifier: attr(e, b"state-qualifier"),
                    });
                }
            }
        }
        b"ph" | b"bpt" | b"ept" | b"it" if st.capture != Capture::None => st.drop_depth += 1,
        _ => {}
    }
    Ok(())
}

fn handle_end(
    local: &[u8],
    pos: usize,
    st: &mut State,
    err_at: &dyn Fn(usize, String) -> Error,
) -> Result<()> {
    if st.alt_depth > 0 {
        if local == b"alt-trans" {
            st.alt_depth -= 1;
        }
        return Ok(());
    }
    match local {
        b"source" | b"target" if st.capture != Capture::None => {
            let captured = std::mem::take(&mut st.buf);
            if let Some(u) = st.unit.as_mut() {
                match st.capture {
                    Capture::Source if local == b"source" => u.source = captured,
                    Capture::Target if local == b"target" => {
                        if let Some(t) = u.target.as_mut() {
                            t.text = captured;
                        }
                    }
                    _ => {
                        // nested <source>/<target> inside inline markup: keep the text
                        st.buf.push_str(&captured);
                        return Ok(());
                    }
                }
            }
            st.capture = Capture::None;
        }
        b"ph" | b"bpt" | b"ept" | b"it" if st.drop_depth > 0 => st.drop_depth -= 1,
        b"trans-unit" => {
            if let Some(u) = st.unit.take() {
                if u.source.is_empty() && u.translate {
                    return Err(err_at(
                        pos,
                        format!("trans-unit `{}` has no <source> text", u.id),
                    ));
                }
                if let Some(f) = st.files.last_mut() {
                    f.units.push(u);
                }
            }
        }
        _ => {}
    }
    Ok(())
}
