//! `trame tmx validate`: every problem in a TMX that a CAT tool would reject or silently lose,
//! with its line:column and the tool that would trip.
//!
//! One streaming pass over the XML (memory does not grow with the file, apart from one 64-bit
//! hash per `tuid` for the duplicate check), then one streaming pass to turn the byte offsets of
//! the problems into 1-based line and column (in characters). At most [`MAX_PER_RULE`] problems
//! of one rule are listed; the rest are counted.

use super::xml::{is_language_tag, is_xml_illegal, unescape_text, Utf8Stream, XmlEncoding};
use super::{primary_subtag, MAX_SEGMENT_CHARS};
use crate::error::{Error, Result};
use crate::xmlsafe::XmlGuard;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::{BufReader, Read};

/// Problems of one rule listed at most (the others are counted in [`Validation::omitted`]).
pub const MAX_PER_RULE: usize = 1000;

/// One problem found, at a position of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Stable rule id (`xml-illegal-char`, `lang-code-form`…).
    pub rule: &'static str,
    /// The tools that would reject or lose something.
    pub tools: &'static str,
    /// What is wrong.
    pub message: String,
    /// What `trame tmx repair` (or the user) does about it.
    pub fix: &'static str,
    #[serde(skip)]
    offset: u64,
}

/// The result of validating one file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Validation {
    /// The file validated.
    pub file: String,
    /// Units read.
    pub units: u64,
    /// The problems listed, in file order.
    pub issues: Vec<Issue>,
    /// Problems not listed because a rule passed [`MAX_PER_RULE`], by rule.
    pub omitted: BTreeMap<&'static str, u64>,
}

impl Validation {
    /// Whether a CAT tool would reject the file or lose something in it.
    pub fn has_problems(&self) -> bool {
        !self.issues.is_empty()
    }
}

struct Rule {
    id: &'static str,
    tools: &'static str,
    fix: &'static str,
}

const ILLEGAL: Rule = Rule {
    id: "xml-illegal-char",
    tools: "OmegaT (drops the whole TMX and exits 0), check-tmx, any XML parser",
    fix: "repair drops the character",
};
const NOT_UTF8: Rule = Rule {
    id: "encoding",
    tools: "several TM engines and check-tmx (UTF-16 is legal but often rejected)",
    fix: "repair writes UTF-8",
};
const DECLARATION: Rule = Rule {
    id: "encoding-declaration",
    tools:
        "every XML reader (Java-based OmegaT, Okapi) decodes by the declaration and garbles text",
    fix: "repair writes UTF-8 with a true declaration",
};
const HEADER: Rule = Rule {
    id: "header",
    tools: "tmx14.dtd (xmllint, check-tmx); Trados and memoQ refuse a header without srclang",
    fix: "repair writes every header attribute",
};
const SRCLANG: Rule = Rule {
    id: "srclang",
    tools: "OmegaT and Trados drop or merge units whose source cannot be found",
    fix: "repair keeps srclang (give --src-lang when it is `*`) and normalises the units' codes to it",
};
const LANG_FORM: Rule = Rule {
    id: "lang-code-form",
    tools: "Trados silently skips units whose codes differ from the TM's pair (fr vs fr-FR)",
    fix: "repair writes every code in the header's form, or as mapped with --lang",
};
const TUV_LANG: Rule = Rule {
    id: "tuv-without-lang",
    tools: "tmx14.dtd (xmllint, check-tmx); readers drop the unit",
    fix: "repair drops the unit",
};
const TUV_SEG: Rule = Rule {
    id: "tuv-without-seg",
    tools: "tmx14.dtd (xmllint, check-tmx); readers drop the unit",
    fix: "repair drops the unit",
};
const ONE_TUV: Rule = Rule {
    id: "unit-without-pair",
    tools: "check-tmx, Trados and OmegaT (a unit needs a source and a target)",
    fix: "repair drops the unit",
};
const DUP_TUID: Rule = Rule {
    id: "duplicate-tuid",
    tools: "tools keyed on tuid (Trados, XTM) keep one of the units",
    fix: "repair makes tuids unique (suffix -2, -3…), or renumbers them with --renumber",
};
const EMPTY_SEG: Rule = Rule {
    id: "empty-segment",
    tools: "translate-toolkit (check-ttk fails on an empty source); OmegaT ignores the unit",
    fix: "repair drops units with an empty segment",
};
const LONG_SEG: Rule = Rule {
    id: "segment-too-long",
    tools: "Trados caps a segment at 2,000 characters",
    fix: "none without guessing: split the segment by hand (repair keeps it)",
};
const PROP_X: Rule = Rule {
    id: "prop-without-x",
    tools: "Trados wants custom <prop type> values prefixed x-",
    fix: "repair prefixes the type with x-",
};
const UNREADABLE: Rule = Rule {
    id: "unreadable",
    tools: "every tool: the XML is not well-formed or passes a bound",
    fix: "none: the file must be fixed by hand at this position",
};

fn hash(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// BCP 47 case: language lower case, script title case, region upper case (`fr-fr` → `fr-FR`).
pub fn canonical_case(tag: &str) -> String {
    tag.split('-')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_ascii_lowercase()
            } else if part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()) {
                part.to_ascii_uppercase()
            } else if part.len() == 4 && part.chars().all(|c| c.is_ascii_alphabetic()) {
                let lower = part.to_ascii_lowercase();
                let mut cs = lower.chars();
                cs.next()
                    .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                    .unwrap_or_default()
            } else {
                part.to_ascii_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

struct State {
    v: Validation,
    counts: BTreeMap<&'static str, u64>,
    src_lang: String,
    /// First form seen of each primary language subtag (lower case) and where.
    lang_forms: BTreeMap<String, String>,
    /// Forms already reported as differing.
    reported_forms: HashSet<String>,
    tuids: HashSet<u64>,
    src_seen: bool,
}

impl State {
    fn push(&mut self, rule: &Rule, offset: u64, message: String) {
        let n = self.counts.entry(rule.id).or_default();
        *n += 1;
        if *n as usize > MAX_PER_RULE {
            *self.v.omitted.entry(rule.id).or_default() += 1;
            return;
        }
        self.v.issues.push(Issue {
            file: self.v.file.clone(),
            line: 0,
            column: 0,
            rule: rule.id,
            tools: rule.tools,
            message,
            fix: rule.fix,
            offset,
        });
    }
}

fn attr(e: &BytesStart, names: &[&[u8]]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        names.contains(&a.key.as_ref()).then(|| {
            a.unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
    })
}

/// Validates the TMX at `path` (`-`: stdin, held in memory).
pub fn validate_file(path: &str) -> Result<Validation> {
    let bytes: Option<std::sync::Arc<[u8]>> = if path == "-" {
        Some(crate::input::read_bytes("-")?.into())
    } else {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::invalid(path, "is a directory, expected a TMX file"));
        }
        if meta.is_file() {
            None
        } else {
            Some(crate::input::read_bytes(path)?.into())
        }
    };
    let open = || -> std::io::Result<Box<dyn Read + Send>> {
        Ok(match &bytes {
            Some(b) => Box::new(std::io::Cursor::new(std::sync::Arc::clone(b))),
            None => Box::new(std::fs::File::open(path)?),
        })
    };
    let raw = open().map_err(|e| Error::io(path, e))?;
    let mut v = validate_reader(path, raw)?;
    locate(&mut v, open().map_err(|e| Error::io(path, e))?);
    Ok(v)
}

/// Validates TMX bytes from `raw` (named `name`); issues carry byte offsets of the decoded
/// text until [`locate`] turns them into line:column.
fn validate_reader(name: &str, raw: Box<dyn Read + Send>) -> Result<Validation> {
    let mut st = State {
        v: Validation {
            file: name.to_string(),
            ..Validation::default()
        },
        counts: BTreeMap::new(),
        src_lang: String::new(),
        lang_forms: BTreeMap::new(),
        reported_forms: HashSet::new(),
        tuids: HashSet::new(),
        src_seen: false,
    };
    let stream = match Utf8Stream::new(raw) {
        Ok(s) => s,
        Err(e) => {
            st.push(&UNREADABLE, 0, e.to_string());
            return Ok(st.v);
        }
    };
    let actual = match stream.encoding() {
        XmlEncoding::Utf8 => encoding_rs::UTF_8,
        XmlEncoding::Utf16Le => encoding_rs::UTF_16LE,
        XmlEncoding::Utf16Be => encoding_rs::UTF_16BE,
    };
    if actual != encoding_rs::UTF_8 {
        st.push(
            &NOT_UTF8,
            0,
            format!("the file is {}, not UTF-8", actual.name()),
        );
    }
    let mut xml = Reader::from_reader(BufReader::with_capacity(64 * 1024, stream));
    xml.config_mut().expand_empty_elements = true;
    xml.config_mut().check_end_names = true;
    let mut guard = XmlGuard::new(None);
    let mut buf = Vec::new();
    // Element path from the root, as local names.
    let mut path: Vec<Vec<u8>> = Vec::new();
    // The unit being read: start offset, tuvs, source tuv seen, tuv state.
    let mut tu_at = 0u64;
    let mut tuvs = 0usize;
    let mut tu_has_src = false;
    let mut tuv_at = 0u64;
    let mut tuv_has_seg = false;
    let mut seg_at = 0u64;
    let mut seg_text = String::new();
    let mut in_seg = 0usize;
    loop {
        let at = xml.buffer_position();
        buf.clear();
        let ev = match xml.read_event_into(&mut buf) {
            Ok(ev) => ev,
            Err(e) => {
                let pos = match &e {
                    quick_xml::Error::Syntax(_) | quick_xml::Error::IllFormed(_) => {
                        xml.error_position()
                    }
                    _ => at,
                };
                st.push(&UNREADABLE, pos, format!("not well-formed XML: {e}"));
                break;
            }
        };
        if let Err(message) = guard.check(&ev) {
            st.push(&UNREADABLE, at, message);
            break;
        }
        match ev {
            Event::Decl(d) => {
                if let Some(label) = crate::xmlsafe::declared_encoding(&d) {
                    if let Err(m) = crate::xmlsafe::declaration_agrees(&label, actual) {
                        st.push(&DECLARATION, at, m);
                    }
                }
            }
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_vec();
                match name.as_slice() {
                    b"tmx" if path.is_empty() => {
                        let version = attr(&e, &[b"version"]).unwrap_or_default();
                        if version != "1.4" {
                            st.push(
                                &HEADER,
                                at,
                                format!("<tmx version=\"{version}\">: tmx14.dtd and check-tmx expect 1.4"),
                            );
                        }
                    }
                    b"header" if path.len() == 1 => {
                        for a in [
                            "creationtool",
                            "creationtoolversion",
                            "segtype",
                            "o-tmf",
                            "adminlang",
                            "srclang",
                            "datatype",
                        ] {
                            if attr(&e, &[a.as_bytes()]).map_or(true, |v| v.trim().is_empty()) {
                                st.push(
                                    &HEADER,
                                    at,
                                    format!("<header> without the required attribute `{a}`"),
                                );
                            }
                        }
                        st.src_lang = attr(&e, &[b"srclang"]).unwrap_or_default();
                        if st.src_lang == "*" {
                            st.push(
                                &SRCLANG,
                                at,
                                "srclang=\"*\": readers cannot tell source from target".into(),
                            );
                        } else if !st.src_lang.is_empty() && !is_language_tag(&st.src_lang) {
                            st.push(
                                &SRCLANG,
                                at,
                                format!("srclang=\"{}\" is not a language tag", st.src_lang),
                            );
                        }
                    }
                    b"tu" => {
                        st.v.units += 1;
                        tu_at = at;
                        tuvs = 0;
                        tu_has_src = false;
                        if let Some(id) = attr(&e, &[b"tuid"]) {
                            if !st.tuids.insert(hash(&id)) {
                                st.push(
                                    &DUP_TUID,
                                    at,
                                    format!("tuid `{id}` is used by an earlier unit"),
                                );
                            }
                        }
                    }
                    b"prop" => {
                        let kind = attr(&e, &[b"type"]).unwrap_or_default();
                        if !kind.starts_with("x-") {
                            st.push(
                                &PROP_X,
                                at,
                                format!("<prop type=\"{kind}\"> is not prefixed x-"),
                            );
                        }
                    }
                    b"tuv" => {
                        tuvs += 1;
                        tuv_at = at;
                        tuv_has_seg = false;
                        match attr(&e, &[b"xml:lang", b"lang"]) {
                            None => st.push(&TUV_LANG, at, "<tuv> without xml:lang".into()),
                            Some(lang) => check_lang(&mut st, &lang, at, &mut tu_has_src),
                        }
                    }
                    b"seg" if in_seg == 0 => {
                        tuv_has_seg = true;
                        seg_at = at;
                        seg_text.clear();
                        in_seg = 1;
                    }
                    _ if in_seg > 0 => in_seg += 1,
                    _ => {}
                }
                path.push(name);
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                match name.as_slice() {
                    _ if in_seg > 1 => in_seg -= 1,
                    b"seg" if in_seg == 1 => {
                        in_seg = 0;
                        let chars = seg_text.chars().count();
                        if seg_text.trim().is_empty() {
                            st.push(&EMPTY_SEG, seg_at, "empty segment".into());
                        } else if chars > MAX_SEGMENT_CHARS {
                            st.push(
                                &LONG_SEG,
                                seg_at,
                                format!("segment of {chars} characters (over {MAX_SEGMENT_CHARS})"),
                            );
                        }
                    }
                    b"tuv" if !tuv_has_seg => {
                        st.push(&TUV_SEG, tuv_at, "<tuv> without <seg>".into());
                    }
                    b"tu" => {
                        if tuvs < 2 {
                            st.push(&ONE_TUV, tu_at, format!("unit with {tuvs} <tuv>"));
                        }
                        let src = st.src_lang.clone();
                        if !tu_has_src && !src.is_empty() && src != "*" && tuvs > 0 {
                            st.push(
                                &SRCLANG,
                                tu_at,
                                format!("unit without a <tuv> in the source language `{src}`"),
                            );
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let raw = String::from_utf8_lossy(&t);
                let text = match unescape_text(&raw) {
                    Ok(s) => s.into_owned(),
                    Err(e) => {
                        st.push(&UNREADABLE, at, format!("bad entity: {e}"));
                        raw.into_owned()
                    }
                };
                if let Some(c) = text.chars().find(|&c| is_xml_illegal(c)) {
                    let n = text.chars().filter(|&c| is_xml_illegal(c)).count();
                    st.push(
                        &ILLEGAL,
                        at,
                        format!("{n} XML-illegal character(s), the first U+{:04X}", c as u32),
                    );
                }
                if in_seg > 0 {
                    seg_text.push_str(&text);
                }
            }
            Event::CData(c) if in_seg > 0 => {
                seg_text.push_str(&String::from_utf8_lossy(&c));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !st.src_seen && !st.src_lang.is_empty() && st.src_lang != "*" && st.v.units > 0 {
        let src = st.src_lang.clone();
        st.push(
            &SRCLANG,
            0,
            format!("srclang=\"{src}\" is the language of no <tuv> in the file"),
        );
    }
    Ok(st.v)
}

fn check_lang(st: &mut State, lang: &str, at: u64, tu_has_src: &mut bool) {
    if lang.eq_ignore_ascii_case(&st.src_lang)
        || primary_subtag(lang).eq_ignore_ascii_case(primary_subtag(&st.src_lang))
    {
        *tu_has_src = true;
        st.src_seen = true;
    }
    let key = primary_subtag(lang).to_ascii_lowercase();
    // The header's srclang sets the form of its language.
    let src_key = primary_subtag(&st.src_lang).to_ascii_lowercase();
    if key == src_key && !st.src_lang.is_empty() && st.src_lang != "*" {
        st.lang_forms
            .entry(key.clone())
            .or_insert_with(|| st.src_lang.clone());
    }
    let first = st
        .lang_forms
        .entry(key)
        .or_insert_with(|| lang.to_string())
        .clone();
    if first != lang && st.reported_forms.insert(lang.to_string()) {
        st.push(
            &LANG_FORM,
            at,
            format!("language code `{lang}` where the file also uses `{first}` (reported once per form)"),
        );
    }
}

/// Turns the byte offsets of `v`'s issues into 1-based line and column, in one pass over the
/// decoded text read from `raw`.
fn locate(v: &mut Validation, raw: Box<dyn Read + Send>) {
    let mut order: Vec<usize> = (0..v.issues.len()).collect();
    order.sort_by_key(|&i| v.issues[i].offset);
    let Ok(mut stream) = Utf8Stream::new(raw) else {
        return;
    };
    let (mut line, mut col, mut pos) = (1usize, 1usize, 0u64);
    let mut next = 0;
    let mut chunk = vec![0u8; 64 * 1024];
    // Gives the issues at or before `pos` their line and column; true when none is left.
    let mut settle = |next: &mut usize, pos: u64, line: usize, col: usize| {
        while *next < order.len() && v.issues[order[*next]].offset <= pos {
            let issue = &mut v.issues[order[*next]];
            issue.line = line;
            issue.column = col;
            *next += 1;
        }
        *next == order.len()
    };
    'outer: loop {
        if settle(&mut next, pos, line, col) {
            break;
        }
        let n = match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        for &b in &chunk[..n] {
            if settle(&mut next, pos, line, col) {
                break 'outer;
            }
            if b == b'\n' {
                line += 1;
                col = 1;
            } else if b & 0xC0 != 0x80 {
                col += 1;
            }
            pos += 1;
        }
    }
    for &i in &order[next..] {
        v.issues[i].line = line;
        v.issues[i].column = col;
    }
    v.issues.sort_by_key(|i| (i.offset, i.rule));
}

impl Issue {
    /// An issue at a known line and column (for validators that hold the text, as TBX's does).
    pub fn at(
        file: &str,
        line: usize,
        column: usize,
        rule: &'static str,
        tools: &'static str,
        message: String,
        fix: &'static str,
    ) -> Self {
        Issue {
            file: file.to_string(),
            line,
            column,
            rule,
            tools,
            message,
            fix,
            offset: 0,
        }
    }

    /// `FILE:LINE:COL: rule: message (tools) → fix`, one line.
    pub fn to_text(&self) -> String {
        format!(
            "{}:{}:{}: {}: {} [would trip: {}] fix: {}",
            self.file, self.line, self.column, self.rule, self.message, self.tools, self.fix
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(xml: &str) -> Validation {
        let bytes: std::sync::Arc<[u8]> = xml.as_bytes().to_vec().into();
        let mut v =
            validate_reader("t.tmx", Box::new(std::io::Cursor::new(bytes.clone()))).unwrap();
        locate(&mut v, Box::new(std::io::Cursor::new(bytes)));
        v
    }

    #[test]
    fn canonical_case_of_tags() {
        assert_eq!(canonical_case("FR-fr"), "fr-FR");
        assert_eq!(canonical_case("zh-hant-tw"), "zh-Hant-TW");
    }

    #[test]
    fn a_clean_file_has_no_issue_and_a_dirty_one_has_each() {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"x\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/><body>\n";
        let ok = format!("{head}<tu tuid=\"1\"><tuv xml:lang=\"fr\"><seg>Un.</seg></tuv><tuv xml:lang=\"en\"><seg>One.</seg></tuv></tu>\n</body></tmx>\n");
        assert_eq!(run(&ok).issues, Vec::new());
        let bad = format!(
            "{head}<tu tuid=\"1\"><prop type=\"client\">a</prop><tuv xml:lang=\"fr\"><seg>Un&#1;.</seg></tuv><tuv xml:lang=\"en\"><seg>One.</seg></tuv></tu>\n\
             <tu tuid=\"1\"><tuv xml:lang=\"fr-FR\"><seg></seg></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>\n</body></tmx>\n"
        );
        let v = run(&bad);
        let rules: Vec<(&str, usize)> = v.issues.iter().map(|i| (i.rule, i.line)).collect();
        assert_eq!(
            rules,
            vec![
                ("prop-without-x", 3),
                ("xml-illegal-char", 3),
                ("duplicate-tuid", 4),
                ("lang-code-form", 4),
                ("empty-segment", 4),
            ],
            "{:#?}",
            v.issues
        );
        assert_eq!(v.issues[1].column, 66); // the text after <seg>
    }
}
