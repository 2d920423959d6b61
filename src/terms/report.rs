//! Term occurrences in documents, with positions in the original files, and their output
//! formats (JSON lines, TSV, a human text view, per-concept summary).

use super::{MatchKind, Matcher, Occurrence};
use crate::clean::{self, CleanOptions, CleanText};
use crate::document::LineIndex;
use crate::error::{Error, Result};
use crate::glossary::{Glossary, TermType};
use std::io::Write;

/// One occurrence as reported to users: positions refer to the original input file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TermRecord {
    /// Document name (the path as given, `-` for stdin).
    pub doc: String,
    /// 1-based line of the first character.
    pub line: usize,
    /// 0-based column (Unicode scalars) of the first character.
    pub col: usize,
    /// 1-based line of the last character.
    pub end_line: usize,
    /// 0-based column just past the last character (exclusive).
    pub end_col: usize,
    /// The exact original text.
    pub surface: String,
    /// The glossary headword.
    pub fr: String,
    /// The English term for this occurrence: the target of the same type as the matched
    /// variant (acronym → acronym, short form → short form…), else the preferred term
    /// ([`crate::glossary::Concept::target_index`]).
    pub en: String,
    /// The concept category.
    #[serde(rename = "type")]
    pub category: Option<String>,
    pub kind: MatchKind,
    pub score: f64,
    pub flags: Vec<String>,
    /// The glossary term that matched (the headword or one of its variants; for an inflected
    /// form, the term it was generated from).
    pub variant: String,
    /// Its type: `full`, `acronym`, `abbreviation`, `short`, `variant` or `phrase` (the CSV tags).
    pub variant_type: &'static str,
    /// The concept's note for translators.
    pub note: Option<String>,
    /// Index of the concept in the glossary (not serialised).
    #[serde(skip)]
    pub concept: usize,
    /// Byte span in the original text (not serialised).
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

impl TermRecord {
    /// Whether the occurrence is worth a second look: a source-error flag or a fuzzy match.
    pub fn is_flagged(&self) -> bool {
        !self.flags.is_empty() || self.kind == MatchKind::Fuzzy
    }
}

/// A document to search: its name and its original text.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Finds the glossary terms of every document.
///
/// With `clean`, the documents are cleaned together first ([`crate::clean::clean_documents`]:
/// boilerplate shared by the documents is not searched, hard-wrapped lines are joined), and
/// positions are mapped back to the original texts. Without, the texts are searched as they are.
pub fn find_in_documents(
    matcher: &Matcher,
    glossary: &Glossary,
    docs: &[Document<'_>],
    clean: bool,
) -> Vec<TermRecord> {
    let cleaned: Vec<CleanText> = if clean {
        let texts: Vec<&str> = docs.iter().map(|d| d.text).collect();
        clean::clean_documents(&texts, &CleanOptions::default())
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    } else {
        docs.iter().map(|d| clean::identity(d.text)).collect()
    };
    docs.iter()
        .zip(&cleaned)
        .flat_map(|(doc, ct)| records_in_clean(matcher, glossary, doc, ct))
        .collect()
}

/// Finds the glossary terms of one document already cleaned into `clean`; positions refer to
/// the original text `doc.text`.
pub fn records_in_clean(
    matcher: &Matcher,
    glossary: &Glossary,
    doc: &Document<'_>,
    clean: &CleanText,
) -> Vec<TermRecord> {
    let index = LineIndex::new(doc.text);
    matcher
        .find(&clean.text)
        .iter()
        .filter_map(|occ| record(doc, &index, clean, glossary, occ))
        .collect()
}

/// Maps an occurrence in the cleaned text to a record on the original text.
fn record(
    doc: &Document<'_>,
    index: &LineIndex,
    ct: &CleanText,
    glossary: &Glossary,
    occ: &Occurrence,
) -> Option<TermRecord> {
    let original = doc.text;
    let mut start = ct.original_offset(occ.start).min(original.len());
    while !original.is_char_boundary(start) {
        start -= 1;
    }
    let last = ct
        .original_offset(occ.end.saturating_sub(1).max(occ.start))
        .min(original.len());
    let mut end = last + 1;
    while end < original.len() && !original.is_char_boundary(end) {
        end += 1;
    }
    let end = end.min(original.len()).max(start);
    let concept = glossary.concepts.get(occ.concept)?;
    let matched = concept.src_terms.get(occ.term);
    let from = index.line_col(original, start);
    let to = index.line_col(original, end);
    Some(TermRecord {
        doc: doc.name.to_string(),
        line: from.line,
        col: from.column,
        end_line: to.line,
        end_col: to.column,
        surface: original[start..end].to_string(),
        fr: concept.headword().to_string(),
        en: concept
            .target_for(occ.term, occ.plural, occ.feminine)
            .map_or_else(String::new, |t| t.text.clone()),
        category: concept.category.clone(),
        kind: occ.kind,
        score: (occ.score * 10_000.0).round() / 10_000.0,
        flags: occ.flags.clone(),
        variant: matched.map_or_else(String::new, |t| t.text.clone()),
        variant_type: matched.map_or("full", |t| type_name(t.term_type)),
        note: concept.note.clone(),
        concept: occ.concept,
        start,
        end,
    })
}

/// Output formats of `trame terms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Tab-separated values with a header line; tabs, line breaks and backslashes in values are
    /// written `\t`, `\n`, `\\`.
    Tsv,
    /// A human view: each term in its context with the English equivalent.
    Text,
}

const TSV_HEADER: &str =
    "doc\tline\tcol\tend_line\tend_col\tsurface\tfr\ten\ttype\tkind\tscore\tflags\tvariant\tvariant_type\tnote";

/// The CSV tag of a term type (`trame terms` output).
pub fn type_name(t: TermType) -> &'static str {
    match t {
        TermType::FullForm => "full",
        TermType::Acronym => "acronym",
        TermType::Abbreviation => "abbreviation",
        TermType::ShortForm => "short",
        TermType::Variant => "variant",
        TermType::Phrase => "phrase",
    }
}

fn tsv_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\r', "\\r")
        .replace('\n', "\\n")
}

fn kind_name(k: MatchKind) -> &'static str {
    match k {
        MatchKind::Exact => "exact",
        MatchKind::Variant => "variant",
        MatchKind::Fuzzy => "fuzzy",
    }
}

/// Writes `records` in `format`; `texts` gives each document's original text (by name) for the
/// text view's context.
pub fn write_records(
    records: &[TermRecord],
    format: Format,
    docs: &[Document<'_>],
    out: &mut dyn Write,
) -> Result<()> {
    let err = Error::output;
    match format {
        Format::Jsonl => {
            for r in records {
                let line = serde_json::to_string(r).map_err(|e| Error::output(e.into()))?;
                writeln!(out, "{line}").map_err(err)?;
            }
        }
        Format::Tsv => {
            writeln!(out, "{TSV_HEADER}").map_err(err)?;
            for r in records {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    tsv_escape(&r.doc),
                    r.line,
                    r.col,
                    r.end_line,
                    r.end_col,
                    tsv_escape(&r.surface),
                    tsv_escape(&r.fr),
                    tsv_escape(&r.en),
                    tsv_escape(r.category.as_deref().unwrap_or("")),
                    kind_name(r.kind),
                    r.score,
                    r.flags.join(","),
                    tsv_escape(&r.variant),
                    r.variant_type,
                    tsv_escape(r.note.as_deref().unwrap_or(""))
                )
                .map_err(err)?;
            }
        }
        Format::Text => {
            for r in records {
                let text = docs
                    .iter()
                    .find(|d| d.name == r.doc)
                    .map(|d| d.text)
                    .unwrap_or("");
                let (before, after) = context_of(text, r.start, r.end, 40);
                let mut note = kind_name(r.kind).to_string();
                if r.kind == MatchKind::Fuzzy {
                    note.push_str(&format!(" {:.3}", r.score));
                }
                if !r.flags.is_empty() {
                    note.push_str(&format!("; {}", r.flags.join(", ")));
                }
                writeln!(
                    out,
                    "{}:{}:{}: {}[{}]{}\n    {} → {}  ({})",
                    r.doc,
                    r.line,
                    r.col + 1,
                    before,
                    one_line(&r.surface),
                    after,
                    r.fr,
                    r.en,
                    note
                )
                .map_err(err)?;
            }
        }
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Up to `n` characters of context on each side of `start..end`, on one line.
fn context_of(text: &str, start: usize, end: usize, n: usize) -> (String, String) {
    let start = start.min(text.len());
    let end = end.min(text.len()).max(start);
    let before: String = text
        .get(..start)
        .unwrap_or("")
        .chars()
        .rev()
        .take(n)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text.get(end..).unwrap_or("").chars().take(n).collect();
    let before = before.replace(['\n', '\r', '\t'], " ");
    let after = after.replace(['\n', '\r', '\t'], " ");
    (format!("…{before}"), format!("{after}…"))
}

/// Per-concept counts.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ConceptCount {
    pub id: String,
    pub fr: String,
    pub en: String,
    #[serde(rename = "type")]
    pub category: Option<String>,
    /// Occurrences across all documents.
    pub count: usize,
    /// Documents with at least one occurrence.
    pub docs: usize,
    /// Occurrences with a source-error flag or a fuzzy match.
    pub flagged: usize,
}

/// Counts occurrences per concept, most frequent first (ties by headword).
pub fn summarize(records: &[TermRecord], glossary: &Glossary) -> Vec<ConceptCount> {
    let mut by: std::collections::BTreeMap<
        usize,
        (usize, std::collections::BTreeSet<&str>, usize),
    > = Default::default();
    for r in records {
        let e = by.entry(r.concept).or_default();
        e.0 += 1;
        e.1.insert(r.doc.as_str());
        if r.is_flagged() {
            e.2 += 1;
        }
    }
    let mut out: Vec<ConceptCount> = by
        .into_iter()
        .filter_map(|(ci, (count, docs, flagged))| {
            let c = glossary.concepts.get(ci)?;
            Some(ConceptCount {
                id: c.id.clone(),
                fr: c.headword().to_string(),
                en: c.preferred().to_string(),
                category: c.category.clone(),
                count,
                docs: docs.len(),
                flagged,
            })
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.fr.cmp(&b.fr)));
    out
}

/// Writes a summary in `format` (text: aligned columns).
pub fn write_summary(counts: &[ConceptCount], format: Format, out: &mut dyn Write) -> Result<()> {
    let err = Error::output;
    match format {
        Format::Jsonl => {
            for c in counts {
                let line = serde_json::to_string(c).map_err(|e| Error::output(e.into()))?;
                writeln!(out, "{line}").map_err(err)?;
            }
        }
        Format::Tsv => {
            writeln!(out, "id\tfr\ten\ttype\tcount\tdocs\tflagged").map_err(err)?;
            for c in counts {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    tsv_escape(&c.id),
                    tsv_escape(&c.fr),
                    tsv_escape(&c.en),
                    tsv_escape(c.category.as_deref().unwrap_or("")),
                    c.count,
                    c.docs,
                    c.flagged
                )
                .map_err(err)?;
            }
        }
        Format::Text => {
            for c in counts {
                let flagged = if c.flagged > 0 {
                    format!("  ({} flagged)", c.flagged)
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "{:>6}  {} → {}  [{} doc{}]{}",
                    c.count,
                    c.fr,
                    c.en,
                    c.docs,
                    if c.docs == 1 { "" } else { "s" },
                    flagged
                )
                .map_err(err)?;
            }
        }
    }
    Ok(())
}
