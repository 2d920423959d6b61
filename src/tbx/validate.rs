//! `trame tbx validate` and `trame tbx repair`: what CAT tools would reject or lose in a
//! termbase, with line:column and the tool that would trip; and a rewrite as TBX v2 TBX-Basic
//! (what OmegaT and translate-toolkit read) of everything that can be saved.
//!
//! Termbases are small: the file is read whole, with the audit's lenient reader
//! ([`super::reader::read_tbx_lenient`]), so every damaged term, value or section is reported and
//! the rest kept.

use super::reader::{read_tbx_lenient, TbxProblemKind};
use super::writer::{write_tbx, ExportOptions};
use super::TbxVersion;
use crate::document::LineIndex;
use crate::error::{Error, Result};
use crate::input::Source;
use crate::tmx::validate::Issue;
use crate::tmx::xml::is_xml_illegal;
use std::io::Write;

/// What was found in one termbase.
#[derive(Debug, Clone, Default)]
pub struct TbxValidation {
    /// The file validated.
    pub file: String,
    /// Entries read.
    pub entries: usize,
    /// The problems found, in file order.
    pub issues: Vec<Issue>,
}

const V3_TOOLS: &str = "OmegaT 3.6, translate-toolkit, Okapi and Weblate read TBX v2 (martif) only";
const ID_TOOLS: &str = "MultiTerm (through its converters) needs numeric concept ids";

fn version_of(text: &str) -> Option<TbxVersion> {
    let start = text.find('<').map(|i| &text[i..])?;
    // The first element that is not a declaration, comment or DOCTYPE.
    let mut rest = start;
    loop {
        let i = rest.find('<')?;
        rest = &rest[i..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = &rest[rest.find('>')? + 1..];
            continue;
        }
        let name: String = rest[1..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect();
        return match name.rsplit(':').next() {
            Some("martif") => Some(TbxVersion::V2),
            Some("tbx") => Some(TbxVersion::V3),
            _ => None,
        };
    }
}

/// Validates the termbase at `path` (`-`: stdin).
pub fn validate_tbx(path: &str) -> Result<TbxValidation> {
    let source = crate::input::read_source(path, None)?;
    Ok(validate_source(&source))
}

/// Validates a decoded termbase.
pub fn validate_source(source: &Source) -> TbxValidation {
    let file = source.path.as_str();
    let index = LineIndex::new(&source.text);
    let at = |offset: usize| {
        let lc = index.line_col(&source.text, offset);
        (lc.line, lc.column + 1)
    };
    let mut v = TbxValidation {
        file: file.to_string(),
        ..TbxValidation::default()
    };
    if source.encoding != "UTF-8" {
        v.issues.push(Issue::at(
            file,
            1,
            1,
            "encoding",
            "check-tbx and several termbase importers want UTF-8",
            format!("the file is {}, not UTF-8", source.encoding),
            "repair writes UTF-8",
        ));
    }
    // XML-illegal characters, raw or as character references.
    let illegal_issue = |offset: usize, message: String| {
        let (l, col) = at(offset);
        Issue::at(
            file,
            l,
            col,
            "xml-illegal-char",
            "every XML parser (OmegaT, translate-toolkit, check-tbx) refuses the file",
            message,
            "repair drops the character",
        )
    };
    let mut illegal = 0usize;
    for (i, c) in source.text.char_indices() {
        if is_xml_illegal(c) && c != '\u{feff}' {
            illegal += 1;
            if illegal <= 100 {
                v.issues.push(illegal_issue(
                    i,
                    format!("XML-illegal character U+{:04X}", c as u32),
                ));
            }
        }
    }
    for (i, _) in source.text.match_indices("&#") {
        let rest = &source.text[i + 2..];
        let end = rest.find(';').unwrap_or(0);
        let digits = &rest[..end];
        let code = match digits.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => digits.parse().ok(),
        };
        if let Some(c) = code.and_then(char::from_u32) {
            if is_xml_illegal(c) {
                v.issues.push(illegal_issue(
                    i,
                    format!("character reference to the XML-illegal U+{:04X}", c as u32),
                ));
            }
        }
    }
    let (glossary, problems) = match read_tbx_lenient(source) {
        Ok(r) => r,
        Err(e) => {
            let (line, column, message) = match &e {
                Error::Syntax { pos, message, .. } => (pos.line, pos.column, message.clone()),
                other => (1, 1, other.to_string()),
            };
            v.issues.push(Issue::at(
                file,
                line,
                column,
                "unreadable",
                "every tool: the file is not well-formed XML, not TBX, or passes a bound",
                message,
                "none: fix the file by hand at this position",
            ));
            sort(&mut v);
            return v;
        }
    };
    v.entries = glossary.concepts.len();
    if version_of(&source.text) == Some(TbxVersion::V3) {
        v.issues.push(Issue::at(
            file,
            1,
            1,
            "tbx-v3",
            V3_TOOLS,
            "TBX v3 (ISO 30042:2019)".into(),
            "repair writes TBX v2 TBX-Basic",
        ));
    }
    for p in &problems {
        let (rule, tools, fix) = match p.kind {
            TbxProblemKind::EmptyTerm => (
                "empty-term",
                "check-tbx and OmegaT (an entry with an empty term)",
                "repair drops the empty term",
            ),
            TbxProblemKind::Damaged if p.message.contains("duplicate id") => (
                "duplicate-id",
                "TBXcoreStructV02.dtd (xmllint: ids are unique); tools keyed on ids keep one",
                "repair renumbers the entries with --renumber (else keeps the first id)",
            ),
            TbxProblemKind::Damaged if p.message.contains("without xml:lang") => (
                "langset-without-lang",
                "OmegaT shows an entry with an empty target; check-tbx refuses it",
                "repair drops the language section",
            ),
            TbxProblemKind::Damaged => (
                "damaged",
                "TBX DTD and RELAX NG (check-tbx); readers drop the term",
                "repair drops what is damaged",
            ),
            TbxProblemKind::Unrecognised if p.message.contains("language section") => continue,
            TbxProblemKind::Unrecognised => (
                "not-tbx-basic",
                "TBX-Basic RELAX NG and Schematron (check-tbx); importers ignore the value",
                "repair leaves the unknown value out",
            ),
        };
        v.issues.push(Issue::at(
            file,
            p.line,
            p.column,
            rule,
            tools,
            p.message.clone(),
            fix,
        ));
    }
    for c in &glossary.concepts {
        let decoded = &c.id;
        if !decoded.is_empty() && !decoded.chars().all(|ch| ch.is_ascii_digit()) {
            v.issues.push(Issue::at(
                file,
                c.line.unwrap_or(1),
                1,
                "non-numeric-id",
                ID_TOOLS,
                format!("concept id `{decoded}` is not numeric"),
                "repair --renumber numbers the entries 1, 2, 3… (written c1, c2… as XML ids)",
            ));
        }
    }
    sort(&mut v);
    v
}

/// `text` without anything between `<` and `>` (markup typed into a term).
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

fn sort(v: &mut TbxValidation) {
    v.issues.sort_by_key(|i| (i.line, i.column));
}

/// Rewrites the termbase at `path` as TBX v2 TBX-Basic into `out`: what the lenient reader
/// could read, empty and damaged parts left out; ids renumbered 1, 2, 3… with `renumber`.
/// Returns what was left out or changed, one line each.
pub fn repair_tbx(path: &str, renumber: bool, out: &mut dyn Write) -> Result<Vec<String>> {
    let source = crate::input::read_source(path, None)?;
    let (mut glossary, problems) = read_tbx_lenient(&source)?;
    let mut changes: Vec<String> = problems
        .iter()
        .filter(|p| {
            !(p.kind == TbxProblemKind::Unrecognised && p.message.contains("language section"))
        })
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
        .collect();
    if source.encoding != "UTF-8" {
        changes.push(format!("{} re-encoded as UTF-8", source.encoding));
    }
    if version_of(&source.text) == Some(TbxVersion::V3) {
        changes.push("TBX v3 written as TBX v2 TBX-Basic".into());
    }
    // Entries without a term on both sides cannot be written as a pair.
    let before = glossary.concepts.len();
    glossary
        .concepts
        .retain(|c| !c.src_terms.is_empty() && !c.tgt_terms.is_empty());
    if glossary.concepts.len() < before {
        changes.push(format!(
            "{} entr(y/ies) without a term in both languages left out",
            before - glossary.concepts.len()
        ));
    }
    for c in &mut glossary.concepts {
        for t in c.src_terms.iter_mut().chain(c.tgt_terms.iter_mut()) {
            if t.text.contains('<') {
                let clean = strip_tags(&t.text);
                changes.push(format!(
                    "markup removed: «{}» written as «{clean}»",
                    t.text.trim()
                ));
                t.text = clean;
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (k, c) in glossary.concepts.iter_mut().enumerate() {
        if renumber {
            c.id = (k + 1).to_string();
        } else if !c.id.is_empty() && !seen.insert(c.id.clone()) {
            let fresh = format!("{}-{}", c.id, k + 1);
            changes.push(format!("duplicate id `{}` written as `{fresh}`", c.id));
            c.id = fresh;
        }
    }
    if renumber {
        changes.push(format!(
            "{} entries renumbered 1…{}",
            glossary.concepts.len(),
            glossary.concepts.len()
        ));
    }
    let warnings = write_tbx(&glossary, TbxVersion::V2, &ExportOptions::default(), out)?;
    changes.extend(warnings.iter().map(ToString::to_string));
    Ok(changes)
}
