//! TBX v2 (TBX-Basic, `martif`) and TBX v3 (TBX-Basic DCA) writers.

use super::picklist;
use super::reader::TbxVersion;
use crate::error::{Error, Result};
use crate::glossary::{Concept, Glossary, Term};
use crate::tmx::xml::{escape_attr_into, escape_text_into, is_language_tag, strip_illegal};
use crate::warning::Warning;
use std::collections::HashSet;
use std::io::Write;

/// Start of the `sourceDesc` paragraph naming the languages (`source language fr, target
/// language en`); the reader uses it so that a concept without target terms (or a file whose first
/// entry has only target terms) keeps its languages.
pub const LANGS_PREFIX: &str = "source language ";
/// Middle of the languages paragraph.
pub const LANGS_MIDDLE: &str = ", target language ";

/// Export settings.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Language code written for the source terms (default: the glossary's, else `fr`).
    pub src_lang: Option<String>,
    /// Language code written for the target terms (default: the glossary's, else `en`).
    pub tgt_lang: Option<String>,
    /// Title written in the header (default: `trame glossary (SRC→TGT)`).
    pub title: Option<String>,
    /// Terms without `termNote`s or term notes (v2 only): OmegaT prints every `termNote` of an
    /// entry as a raw code (`preferredTerm-admn-sts`) under each suggestion. Used by
    /// [`crate::tbx::omegat::write_omegat_tbx`], which says the same in plain words.
    pub bare_terms: bool,
}

/// Builds the output in memory with the element names of one version.
struct Out<'a> {
    s: String,
    warnings: &'a mut Vec<Warning>,
}

impl Out<'_> {
    /// The header's `<fileDesc>` (the same in TBX v2 and v3): a title and source paragraphs.
    fn file_desc(&mut self, title: &str, source_paragraphs: &[&str]) {
        self.start(2, "fileDesc", &[]);
        self.start(3, "titleStmt", &[]);
        self.element(4, "title", &[], title, "title");
        self.end(3, "titleStmt");
        self.start(3, "sourceDesc", &[]);
        for p in source_paragraphs {
            self.element(4, "p", &[], p, "sourceDesc");
        }
        self.end(3, "sourceDesc");
        self.end(2, "fileDesc");
    }

    /// `<name attrs>text</name>` on its own line, text cleaned of illegal characters.
    fn element(
        &mut self,
        indent: usize,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
        what: &str,
    ) {
        let (clean, removed) = strip_illegal(text);
        if removed > 0 {
            self.warnings.push(Warning::IllegalCharacters {
                at: what.to_string(),
                field: String::new(),
                removed,
            });
        }
        self.open(indent, name, attrs);
        escape_text_into(&clean, &mut self.s);
        self.s.push_str("</");
        self.s.push_str(name);
        self.s.push_str(">\n");
    }

    fn open(&mut self, indent: usize, name: &str, attrs: &[(&str, &str)]) {
        for _ in 0..indent {
            self.s.push_str("  ");
        }
        self.s.push('<');
        self.s.push_str(name);
        for (k, v) in attrs {
            self.s.push(' ');
            self.s.push_str(k);
            self.s.push_str("=\"");
            escape_attr_into(v, &mut self.s);
            self.s.push('"');
        }
        self.s.push('>');
    }

    fn start(&mut self, indent: usize, name: &str, attrs: &[(&str, &str)]) {
        self.open(indent, name, attrs);
        self.s.push('\n');
    }

    fn end(&mut self, indent: usize, name: &str) {
        for _ in 0..indent {
            self.s.push_str("  ");
        }
        self.s.push_str("</");
        self.s.push_str(name);
        self.s.push_str(">\n");
    }
}

fn language(
    option: &Option<String>,
    from_glossary: &str,
    default: &str,
    which: &str,
) -> Result<String> {
    let lang = match option {
        Some(l) => l.clone(),
        None if from_glossary.trim().is_empty() => default.to_string(),
        None => from_glossary.trim().to_string(),
    };
    if is_language_tag(&lang) {
        Ok(lang)
    } else {
        Err(Error::unusable(format!(
            "{which} language `{lang}` is not a language tag such as `fr` or `en-GB`"
        )))
    }
}

/// Writes `glossary` as TBX `version` to `out` and returns the warnings (removed characters).
///
/// The whole document is built and checked before the first byte is written, so an error
/// leaves `out` untouched.
pub fn write_tbx(
    glossary: &Glossary,
    version: TbxVersion,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<Vec<Warning>> {
    let src = language(&options.src_lang, &glossary.src_lang, "fr", "source")?;
    let tgt = language(&options.tgt_lang, &glossary.tgt_lang, "en", "target")?;
    if glossary.concepts.is_empty() {
        return Err(Error::unusable(
            "the glossary has no concept; a TBX body needs at least one entry",
        ));
    }
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| format!("trame glossary ({src}\u{2192}{tgt})"));
    let mut warnings = Vec::new();
    let mut o = Out {
        s: String::with_capacity(256 * glossary.concepts.len() + 1024),
        warnings: &mut warnings,
    };
    o.s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let source_desc = format!("Exported by trame {}", env!("CARGO_PKG_VERSION"));
    let languages = format!("{}{src}{}{tgt}", LANGS_PREFIX, LANGS_MIDDLE);
    let (entry, lang_el, term_el) = match version {
        TbxVersion::V2 => {
            o.s.push_str("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n");
            o.start(0, "martif", &[("type", "TBX-Basic"), ("xml:lang", "en")]);
            o.start(1, "martifHeader", &[]);
            o.file_desc(&title, &[&source_desc, &languages]);
            o.start(2, "encodingDesc", &[]);
            o.element(
                3,
                "p",
                &[("type", "XCSURI")],
                "TBXBasicXCSV02.xcs",
                "encodingDesc",
            );
            o.end(2, "encodingDesc");
            o.end(1, "martifHeader");
            ("termEntry", "langSet", "tig")
        }
        TbxVersion::V3 => {
            o.start(
                0,
                "tbx",
                &[
                    ("type", "TBX-Basic"),
                    ("style", "dca"),
                    ("xml:lang", "en"),
                    ("xmlns", "urn:iso:std:iso:30042:ed-2"),
                ],
            );
            o.start(1, "tbxHeader", &[]);
            o.file_desc(&title, &[&source_desc, &languages]);
            o.end(1, "tbxHeader");
            ("conceptEntry", "langSec", "termSec")
        }
    };
    o.start(1, "text", &[]);
    o.start(2, "body", &[]);
    let mut ids = HashSet::new();
    for (index, c) in glossary.concepts.iter().enumerate() {
        let label = concept_label(c, index);
        if c.id.trim().is_empty() {
            return Err(Error::invalid(label, "empty concept id"));
        }
        let (clean_id, removed) = strip_illegal(&c.id);
        if removed > 0 {
            return Err(Error::invalid(
                label,
                "the concept id holds XML-illegal characters",
            ));
        }
        let id = super::encode_id(&clean_id);
        if !ids.insert(id.clone()) {
            return Err(Error::invalid(
                label,
                format!("duplicate concept id `{}`", c.id),
            ));
        }
        if c.src_terms.is_empty() && c.tgt_terms.is_empty() {
            return Err(Error::invalid(label, "the concept has no term"));
        }
        o.start(3, entry, &[("id", &id)]);
        let what = |field: &str| format!("{label}: {field}");
        if let Some(v) = &c.category {
            o.element(
                4,
                "descrip",
                &[("type", "subjectField")],
                v,
                &what("category"),
            );
        }
        if let Some(v) = &c.definition {
            o.element(
                4,
                "descrip",
                &[("type", "definition")],
                v,
                &what("definition"),
            );
        }
        if let Some(v) = &c.source {
            o.element(4, "admin", &[("type", "source")], v, &what("source"));
        }
        if let Some(v) = &c.note {
            o.element(4, "note", &[], v, &what("note"));
        }
        for (lang, terms) in [(&src, &c.src_terms), (&tgt, &c.tgt_terms)] {
            if terms.is_empty() {
                continue;
            }
            o.start(4, lang_el, &[("xml:lang", lang)]);
            for t in terms {
                if options.bare_terms && version == TbxVersion::V2 {
                    write_bare_term(&mut o, t, term_el, &label)?;
                } else {
                    write_term(&mut o, t, version, term_el, &label)?;
                }
            }
            o.end(4, lang_el);
        }
        o.end(3, entry);
    }
    o.end(2, "body");
    o.end(1, "text");
    o.end(
        0,
        if version == TbxVersion::V2 {
            "martif"
        } else {
            "tbx"
        },
    );
    let bytes = o.s;
    out.write_all(bytes.as_bytes()).map_err(Error::output)?;
    Ok(warnings)
}

fn concept_label(c: &Concept, index: usize) -> String {
    match c.line {
        Some(line) => format!("concept {} (line {line})", c.id),
        None => format!("concept {} (#{})", c.id, index + 1),
    }
}

/// A term with its text only (see [`ExportOptions::bare_terms`]).
fn write_bare_term(o: &mut Out, t: &Term, term_el: &str, label: &str) -> Result<()> {
    let (text, _) = strip_illegal(&t.text);
    if text.trim().is_empty() {
        return Err(Error::invalid(label, "a term is empty"));
    }
    o.start(5, term_el, &[]);
    o.element(6, "term", &[], &t.text, &format!("{label}: term `{text}`"));
    o.end(5, term_el);
    Ok(())
}

fn write_term(
    o: &mut Out,
    t: &Term,
    version: TbxVersion,
    term_el: &str,
    label: &str,
) -> Result<()> {
    let (text, _) = strip_illegal(&t.text);
    if text.trim().is_empty() {
        return Err(Error::invalid(label, "a term is empty"));
    }
    o.start(5, term_el, &[]);
    o.element(6, "term", &[], &t.text, &format!("{label}: term `{text}`"));
    let note = |o: &mut Out, kind: &str, value: &str| {
        o.element(6, "termNote", &[("type", kind)], value, label);
    };
    note(o, "termType", picklist::term_type(t.term_type));
    if let Some(p) = t.part_of_speech {
        let v = match version {
            TbxVersion::V2 => picklist::part_of_speech(p),
            TbxVersion::V3 => picklist::part_of_speech_v3(p),
        };
        note(o, "partOfSpeech", v);
    }
    if let Some(g) = t.gender {
        note(o, "grammaticalGender", picklist::gender(g));
    }
    note(o, "administrativeStatus", picklist::status(t.status));
    // Notes after every termNote (DTD order).
    if t.variant && t.term_type != crate::glossary::TermType::Variant {
        o.element(6, "note", &[], picklist::VARIANT_NOTE, label);
    }
    if let Some(n) = t.number {
        let v = format!("{}{}", picklist::NUMBER_NOTE_PREFIX, picklist::number(n));
        o.element(6, "note", &[], &v, label);
    }
    if version == TbxVersion::V3
        && t.part_of_speech == Some(crate::glossary::PartOfSpeech::ProperNoun)
    {
        o.element(6, "note", &[], picklist::PROPER_NOUN_NOTE, label);
    }
    if let Some(n) = &t.note {
        o.element(6, "note", &[], n, &format!("{label}: note of `{text}`"));
    }
    o.end(5, term_el);
    Ok(())
}
