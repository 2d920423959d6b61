//! TBX readers: v2 (`martif`, `tig` and `ntig`) and v3 DCA (`tbx`, `conceptEntry`), into the
//! glossary model.
//!
//! The file is decoded with [`crate::input`] (UTF-8 or UTF-16 with BOM) and parsed in memory
//! (termbases are small). DTD entities are never expanded: any entity other than the five XML
//! ones is an error. Errors carry the file and 1-based line:column.
//!
//! Mapping: the inverse of [`super::writer`]. Data categories the model has no field for
//! (`geographicalUsage`, `termLocation`, `context`, `customerSubset`, transactions…) are not
//! imported. Language sections whose language is neither the source nor the target are not
//! imported either; without explicit languages the source is the first language met in the
//! file and the target the second, and a file with more than two languages is an error.

use super::picklist;
use crate::document::LineIndex;
use crate::error::{Error, Result};
use crate::glossary::{Concept, Glossary, PartOfSpeech, Term, TermType};
use crate::input::Source;
use crate::tmx::primary_subtag;
use quick_xml::events::Event;
use quick_xml::Reader;

/// The TBX edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TbxVersion {
    /// ISO 30042:2008, root `martif` (TBX-Basic conventions).
    V2,
    /// ISO 30042:2019, root `tbx`, TBX-Basic dialect in DCA style.
    V3,
}

/// A parsed element: local name, attributes (qualified names), children, and its byte offset.
#[derive(Debug)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Child>,
    at: usize,
}

#[derive(Debug)]
enum Child {
    Element(Node),
    Text(String),
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&Node> {
        self.elements().find(|n| n.name == name)
    }

    /// All text inside, markup removed.
    fn text(&self) -> String {
        let mut s = String::new();
        self.collect_text(&mut s);
        s
    }

    fn collect_text(&self, s: &mut String) {
        for c in &self.children {
            match c {
                Child::Text(t) => s.push_str(t),
                Child::Element(n) => n.collect_text(s),
            }
        }
    }
}

struct Ctx<'a> {
    source: &'a Source,
    index: LineIndex,
    /// Lenient reading: recoverable problems are collected here instead of being errors.
    problems: Option<std::cell::RefCell<Vec<TbxProblem>>>,
}

impl Ctx<'_> {
    fn err(&self, at: usize, message: impl Into<String>) -> Error {
        let lc = self.index.line_col(&self.source.text, at);
        Error::syntax(&self.source.path, lc.line, lc.column + 1, message)
    }

    /// A recoverable problem at byte `at`: an error when reading strictly, else recorded (and
    /// `Ok(())`, the caller skipping what is damaged).
    fn problem(
        &self,
        at: usize,
        kind: TbxProblemKind,
        entry: &str,
        message: impl Into<String>,
    ) -> Result<()> {
        let message = message.into();
        match &self.problems {
            None => Err(self.err(at, message)),
            Some(list) => {
                let lc = self.index.line_col(&self.source.text, at);
                list.borrow_mut().push(TbxProblem {
                    line: lc.line,
                    column: lc.column + 1,
                    kind,
                    entry: entry.to_string(),
                    message,
                });
                Ok(())
            }
        }
    }

    /// Records a problem that strict reading tolerates (lenient reading only).
    fn note(&self, at: usize, kind: TbxProblemKind, entry: &str, message: impl Into<String>) {
        if self.problems.is_some() {
            let _ = self.problem(at, kind, entry, message);
        }
    }
}

/// What kind of damage a lenient read met (see [`read_tbx_lenient`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TbxProblemKind {
    /// An empty `<term>`: the term is left out.
    EmptyTerm,
    /// Something was left out: a `tig` without `term`, a language section without `xml:lang`,
    /// an entry without one of the two languages, a duplicate id.
    Damaged,
    /// Something unknown was ignored: a picklist value, a data category, an element, a
    /// language that is neither source nor target.
    Unrecognised,
}

/// One recoverable problem met by [`read_tbx_lenient`], at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TbxProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What kind of problem.
    pub kind: TbxProblemKind,
    /// The `termEntry`/`conceptEntry` id (empty when none).
    pub entry: String,
    /// What is wrong.
    pub message: String,
}

fn local(name: &[u8]) -> String {
    let s = String::from_utf8_lossy(name);
    match s.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => s.into_owned(),
    }
}

fn describe(e: &quick_xml::Error) -> String {
    match e {
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) => {
            format!("unknown entity `&{name};` (only the five XML entities are allowed; DTD entities are never expanded)")
        }
        other => other.to_string(),
    }
}

/// Parses the whole document into a tree of elements (text kept, comments dropped).
fn parse_tree(cx: &Ctx) -> Result<Node> {
    let mut reader = Reader::from_str(&cx.source.text);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.trim_text(false);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let mut guard = crate::xmlsafe::XmlGuard::new(encoding_rs::Encoding::for_label(
        cx.source.encoding.as_bytes(),
    ));
    loop {
        let at = reader.buffer_position() as usize;
        let ev = match reader.read_event() {
            Ok(ev) => {
                if let Err(message) = guard.check(&ev) {
                    return Err(cx.err(at, message));
                }
                ev
            }
            Err(e) => {
                let pos = match e {
                    quick_xml::Error::Syntax(_) | quick_xml::Error::IllFormed(_) => {
                        reader.error_position() as usize
                    }
                    _ => at,
                };
                return Err(cx.err(pos, describe(&e)));
            }
        };
        match ev {
            Event::Start(e) => {
                if root.is_some() {
                    return Err(cx.err(at, "a second root element"));
                }
                let mut attrs = Vec::new();
                for a in e.attributes() {
                    let a = a.map_err(|err| cx.err(at, format!("bad attribute: {err}")))?;
                    let v = a
                        .unescape_value()
                        .map_err(|err| cx.err(at, describe(&err)))?;
                    attrs.push((
                        String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                        v.into_owned(),
                    ));
                }
                stack.push(Node {
                    name: local(e.name().as_ref()),
                    attrs,
                    children: Vec::new(),
                    at,
                });
            }
            Event::End(_) => {
                let Some(node) = stack.pop() else {
                    return Err(cx.err(at, "unexpected end tag"));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Child::Element(node)),
                    None => root = Some(node),
                }
            }
            Event::Text(t) => {
                let raw = std::str::from_utf8(&t)
                    .map_err(|e| cx.err(at, format!("invalid UTF-8: {e}")))?;
                let s = crate::tmx::xml::unescape_text(raw)
                    .map_err(|e| cx.err(at, describe(&quick_xml::Error::Escape(e))))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Child::Text(s.into_owned())),
                    None if s.trim().is_empty() => {}
                    None => return Err(cx.err(at, "text outside the root element")),
                }
            }
            Event::CData(c) => {
                let s = String::from_utf8_lossy(&c).into_owned();
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Child::Text(s));
                }
            }
            Event::Eof => break,
            // Declaration, comments, processing instructions, DOCTYPE (never expanded).
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(cx.err(
            cx.source.text.len(),
            format!("unexpected end of file: <{}> is not closed", open.name),
        ));
    }
    root.ok_or_else(|| cx.err(0, "no root element (empty file?)"))
}

/// Reads a TBX v2 or v3 (TBX-Basic DCA) termbase into a glossary; languages are detected (see
/// the module documentation).
pub fn read_tbx(source: &Source) -> Result<Glossary> {
    read_tbx_with(source, None, None)
}

/// Reads a TBX termbase, taking `src_lang`/`tgt_lang` (when given) as the source and target
/// languages; language sections match by exact code or by primary subtag (`fr` ~ `fr-FR`).
pub fn read_tbx_with(
    source: &Source,
    src_lang: Option<&str>,
    tgt_lang: Option<&str>,
) -> Result<Glossary> {
    let cx = Ctx {
        source,
        index: LineIndex::new(&source.text),
        problems: None,
    };
    read_tree(&cx, src_lang, tgt_lang)
}

/// Reads a damaged termbase as far as it can be read, for the audit: every problem the strict
/// reader stops at but that concerns one term, value or entry (an empty `<term>`, an unknown
/// picklist value, a language section without `xml:lang`…) is returned with its position and
/// the damaged part left out; unknown elements, data categories and languages are reported too.
/// Only a file that is not well-formed XML, or not TBX, is an error.
pub fn read_tbx_lenient(source: &Source) -> Result<(Glossary, Vec<TbxProblem>)> {
    let cx = Ctx {
        source,
        index: LineIndex::new(&source.text),
        problems: Some(std::cell::RefCell::new(Vec::new())),
    };
    let glossary = read_tree(&cx, None, None)?;
    let problems = cx.problems.map(|p| p.into_inner()).unwrap_or_default();
    Ok((glossary, problems))
}

fn read_tree(cx: &Ctx, src_lang: Option<&str>, tgt_lang: Option<&str>) -> Result<Glossary> {
    let source = cx.source;
    let root = parse_tree(cx)?;
    let version = detect(cx, &root)?;
    let (entry_el, lang_el) = match version {
        TbxVersion::V2 => ("termEntry", "langSet"),
        TbxVersion::V3 => ("conceptEntry", "langSec"),
    };
    let body = root
        .child("text")
        .and_then(|t| t.child("body"))
        .ok_or_else(|| cx.err(root.at, "no <text><body> in the TBX"))?;
    // Languages in document order.
    let mut langs: Vec<String> = Vec::new();
    for entry in body.elements().filter(|n| n.name == entry_el) {
        for ls in entry.elements().filter(|n| n.name == lang_el) {
            let Some(l) = ls.attr("xml:lang") else {
                let id = entry.attr("id").unwrap_or_default();
                cx.problem(
                    ls.at,
                    TbxProblemKind::Damaged,
                    id,
                    format!("<{lang_el}> without xml:lang: its terms are left out"),
                )?;
                continue;
            };
            if !langs.iter().any(|x| x.eq_ignore_ascii_case(l)) {
                langs.push(l.to_string());
            }
        }
    }
    let declared = declared_languages(&root, version);
    let src = match (src_lang, &declared) {
        (Some(l), _) => l.to_string(),
        (None, Some((s, _))) => s.clone(),
        (None, None) => langs.first().cloned().unwrap_or_else(|| "fr".into()),
    };
    let tgt = match (tgt_lang, &declared) {
        (Some(l), _) => l.to_string(),
        (None, Some((_, t))) => t.clone(),
        (None, None) => langs
            .iter()
            .find(|l| !lang_matches(l, &src))
            .cloned()
            .unwrap_or_else(|| "en".into()),
    };
    let chosen = |l: &String| lang_matches(l, &src) || lang_matches(l, &tgt);
    // Lenient reading audits the first two languages and reports each other section.
    if (src_lang.is_none() || tgt_lang.is_none())
        && langs.len() > 2
        && !langs.iter().all(chosen)
        && cx.problems.is_none()
    {
        return Err(Error::invalid(
            &source.path,
            format!(
                "the TBX has {} languages ({}); name the source and target languages",
                langs.len(),
                langs.join(", ")
            ),
        ));
    }
    let mut glossary = Glossary {
        src_lang: src.clone(),
        tgt_lang: tgt.clone(),
        concepts: Vec::new(),
    };
    let mut ids: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for entry in body.elements() {
        if entry.name != entry_el {
            cx.note(
                entry.at,
                TbxProblemKind::Unrecognised,
                "",
                format!("unknown element <{}> in <body>: ignored", entry.name),
            );
            continue;
        }
        let concept = read_entry(cx, entry, lang_el, &src, &tgt)?;
        if cx.problems.is_some() {
            let line = concept.line.unwrap_or_default();
            if !concept.id.is_empty() {
                if let Some(first) = ids.insert(concept.id.clone(), line) {
                    cx.note(
                        entry.at,
                        TbxProblemKind::Damaged,
                        &concept.id,
                        format!(
                            "duplicate id `{}` (first at line {first}): tools keyed on ids keep one",
                            concept.id
                        ),
                    );
                }
            }
            // An entry without one of the languages is the lint's `empty-term` finding.
        }
        if !concept.src_terms.is_empty() || !concept.tgt_terms.is_empty() {
            glossary.concepts.push(concept);
        }
    }
    Ok(glossary)
}

/// The languages trame wrote in `sourceDesc` (`source language fr, target language en`).
fn declared_languages(root: &Node, version: TbxVersion) -> Option<(String, String)> {
    let header = root.child(match version {
        TbxVersion::V2 => "martifHeader",
        TbxVersion::V3 => "tbxHeader",
    })?;
    let source_desc = header.child("fileDesc")?.child("sourceDesc")?;
    source_desc
        .elements()
        .filter(|p| p.name == "p")
        .find_map(|p| {
            let text = p.text();
            let rest = text.strip_prefix(super::writer::LANGS_PREFIX)?;
            let (s, t) = rest.split_once(super::writer::LANGS_MIDDLE)?;
            Some((s.to_string(), t.to_string()))
        })
}

fn lang_matches(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || primary_subtag(a).eq_ignore_ascii_case(primary_subtag(b))
}

fn detect(cx: &Ctx, root: &Node) -> Result<TbxVersion> {
    match root.name.as_str() {
        "martif" => Ok(TbxVersion::V2),
        "tbx" => {
            let dialect = root.attr("type").unwrap_or("(none)");
            let style = root.attr("style").unwrap_or("(none)");
            if style != "dca" {
                return Err(cx.err(
                    root.at,
                    format!("unsupported TBX dialect {dialect} (style `{style}`); trame reads TBX v3 in DCA style (TBX-Basic, TBX-Min, TBX-Core)"),
                ));
            }
            if !matches!(dialect, "TBX-Basic" | "TBX-Min" | "TBX-Core") {
                return Err(cx.err(
                    root.at,
                    format!("unsupported TBX dialect {dialect}; trame reads TBX-Basic (and its subsets TBX-Min, TBX-Core)"),
                ));
            }
            Ok(TbxVersion::V3)
        }
        other => Err(cx.err(
            root.at,
            format!("not a TBX file: the root element is <{other}>, expected <martif> (TBX v2) or <tbx> (TBX v3)"),
        )),
    }
}

/// Data categories of TBX-Basic (and the common TBX ones trame meets), read or not.
fn is_tbx_category(name: &str) -> bool {
    matches!(
        name,
        "subjectField"
            | "definition"
            | "context"
            | "explanation"
            | "source"
            | "customerSubset"
            | "projectSubset"
            | "responsibility"
            | "responsibility-subject"
            | "geographicalUsage"
            | "termLocation"
            | "termType"
            | "partOfSpeech"
            | "grammaticalGender"
            | "grammaticalNumber"
            | "administrativeStatus"
            | "normativeAuthorization"
            | "usageNote"
            | "register"
            | "crossReference"
            | "externalCrossReference"
            | "xGraphic"
            | "transactionType"
            | "relatedConcept"
            | "relatedTerm"
            | "sourceIdentifier"
            | "conceptOrigin"
            | "entrySource"
            | "sortKey"
    ) || name.starts_with("x-")
        || name.starts_with("x") && name.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase())
}

fn join(slot: &mut Option<String>, text: String) {
    match slot {
        Some(s) => {
            s.push('\n');
            s.push_str(&text);
        }
        None => *slot = Some(text),
    }
}

fn read_entry(cx: &Ctx, entry: &Node, lang_el: &str, src: &str, tgt: &str) -> Result<Concept> {
    let line = cx.index.line_col(&cx.source.text, entry.at).line;
    let mut c = Concept {
        id: entry.attr("id").map(super::decode_id).unwrap_or_default(),
        line: Some(line),
        ..Default::default()
    };
    let mut lang_definition = None;
    let id = c.id.clone();
    for n in entry.elements() {
        match (n.name.as_str(), n.attr("type")) {
            ("descrip", Some("subjectField")) => join(&mut c.category, n.text()),
            ("descrip", Some("definition")) => join(&mut c.definition, n.text()),
            ("admin", Some("source")) => join(&mut c.source, n.text()),
            ("note", _) => join(&mut c.note, n.text()),
            ("descripGrp", _) => {
                for d in n.elements() {
                    match (d.name.as_str(), d.attr("type")) {
                        ("descrip", Some("definition")) => join(&mut c.definition, d.text()),
                        ("descrip", Some("subjectField")) => join(&mut c.category, d.text()),
                        ("admin", Some("source")) => join(&mut c.source, d.text()),
                        _ => {}
                    }
                }
            }
            (name, _) if name == lang_el => {
                let Some(lang) = n.attr("xml:lang") else {
                    continue; // reported when languages were listed
                };
                let side = if lang_matches(lang, src) {
                    &mut c.src_terms
                } else if lang_matches(lang, tgt) {
                    &mut c.tgt_terms
                } else {
                    cx.note(
                        n.at,
                        TbxProblemKind::Unrecognised,
                        &id,
                        format!(
                            "language section `{lang}` is neither the source `{src}` nor the \
                             target `{tgt}`: not audited"
                        ),
                    );
                    continue;
                };
                for t in n.elements() {
                    match t.name.as_str() {
                        "tig" | "termSec" => {
                            if let Some(term) = read_term(cx, t, t, &id)? {
                                side.push(term);
                            }
                        }
                        "ntig" => match t.child("termGrp") {
                            Some(grp) => {
                                if let Some(term) = read_term(cx, grp, t, &id)? {
                                    side.push(term);
                                }
                            }
                            None => cx.problem(
                                t.at,
                                TbxProblemKind::Damaged,
                                &id,
                                "<ntig> without <termGrp>: left out",
                            )?,
                        },
                        "descrip" if t.attr("type") == Some("definition") => {
                            join(&mut lang_definition, t.text())
                        }
                        "descrip" | "descripGrp" | "note" | "admin" | "adminGrp" | "transacGrp"
                        | "ref" | "xref" => {}
                        other => cx.note(
                            t.at,
                            TbxProblemKind::Unrecognised,
                            &id,
                            format!("unknown element <{other}> in <{lang_el}>: ignored"),
                        ),
                    }
                }
            }
            ("descrip", Some(other)) | ("admin", Some(other)) if !is_tbx_category(other) => cx
                .note(
                    n.at,
                    TbxProblemKind::Unrecognised,
                    &id,
                    format!("unknown data category `{other}` on <{}>: ignored", n.name),
                ),
            ("transacGrp" | "ref" | "xref" | "adminGrp" | "descrip" | "admin", _) => {}
            (other, _) => cx.note(
                n.at,
                TbxProblemKind::Unrecognised,
                &id,
                format!("unknown element <{other}> in the entry: ignored"),
            ),
        }
    }
    if c.definition.is_none() {
        c.definition = lang_definition;
    }
    Ok(c)
}

/// Reads one term: `term` and `termNote`s from `core` (the `tig`/`termSec`, or an `ntig`'s
/// `termGrp`), notes from `holder` (the `tig`/`termSec`/`ntig`).
fn read_term(cx: &Ctx, core: &Node, holder: &Node, id: &str) -> Result<Option<Term>> {
    let Some(term) = core.child("term") else {
        cx.problem(
            core.at,
            TbxProblemKind::Damaged,
            id,
            format!("<{}> without <term>: left out", core.name),
        )?;
        return Ok(None);
    };
    let text = term.text();
    if text.trim().is_empty() {
        cx.problem(term.at, TbxProblemKind::EmptyTerm, id, "empty <term>")?;
        return Ok(None);
    }
    if term.elements().next().is_some() || text.contains('<') {
        cx.note(
            term.at,
            TbxProblemKind::Damaged,
            id,
            format!(
                "markup inside <term> `{}`: only its text is kept",
                text.trim()
            ),
        );
    }
    let mut t = Term::new(text);
    let mut proper_noun_note = false;
    let mut variant_note = false;
    let mut notes: Vec<&Node> = holder.elements().filter(|n| n.name == "note").collect();
    if !std::ptr::eq(core, holder) {
        notes.extend(core.elements().filter(|n| n.name == "note"));
    }
    let mut term_notes: Vec<&Node> = core.elements().filter(|n| n.name == "termNote").collect();
    // termNoteGrp (v3) wraps one termNote.
    for g in core.elements().filter(|n| n.name == "termNoteGrp") {
        term_notes.extend(g.elements().filter(|n| n.name == "termNote"));
    }
    for n in term_notes {
        let value = n.text();
        let value = value.trim();
        let bad = |kind: &str| {
            cx.problem(
                n.at,
                TbxProblemKind::Unrecognised,
                id,
                format!("unknown {kind} value `{value}`"),
            )
        };
        match n.attr("type").unwrap_or_default() {
            "termType" => match picklist::parse_term_type(value) {
                Some(v) => t.term_type = v,
                None => bad("termType")?,
            },
            "partOfSpeech" => match picklist::parse_part_of_speech(value) {
                Some(v) => t.part_of_speech = Some(v),
                None => bad("partOfSpeech")?,
            },
            "grammaticalGender" => match picklist::parse_gender(value) {
                Some(v) => t.gender = Some(v),
                None => bad("grammaticalGender")?,
            },
            "grammaticalNumber" => match picklist::parse_number(value) {
                Some(v) => t.number = Some(v),
                None => bad("grammaticalNumber")?,
            },
            "administrativeStatus" => match picklist::parse_status(value) {
                Some(v) => t.status = v,
                None => bad("administrativeStatus")?,
            },
            other if !is_tbx_category(other) => cx.note(
                n.at,
                TbxProblemKind::Unrecognised,
                id,
                format!("unknown data category `{other}` on <termNote>: ignored"),
            ),
            _ => {}
        }
    }
    for n in notes {
        let text = n.text();
        if let Some(number) = text
            .strip_prefix(picklist::NUMBER_NOTE_PREFIX)
            .and_then(picklist::parse_number)
        {
            t.number = Some(number);
        } else if text == picklist::VARIANT_NOTE && !variant_note {
            variant_note = true;
        } else if text == picklist::PROPER_NOUN_NOTE {
            proper_noun_note = true;
        } else {
            join(&mut t.note, text);
        }
    }
    if variant_note {
        if t.term_type == TermType::Variant {
            // Not trame's marker after all: keep it as the note it is.
            join(&mut t.note, picklist::VARIANT_NOTE.to_string());
        } else {
            t.variant = true;
        }
    }
    if proper_noun_note {
        if t.part_of_speech == Some(PartOfSpeech::Noun) {
            t.part_of_speech = Some(PartOfSpeech::ProperNoun);
        } else {
            // Not trame's marker after all: keep it as the note it is.
            join(&mut t.note, picklist::PROPER_NOUN_NOTE.to_string());
        }
    }
    Ok(Some(t))
}
