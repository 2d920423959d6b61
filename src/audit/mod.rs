//! Terminology QA (`trame audit`): glossary lint, corpus coverage and candidate terms,
//! translation-memory consistency, rendered as text, JSON Lines or one self-contained HTML page.
//!
//! Each check returns [`Finding`]s; a [`Report`] gathers them with the coverage table, and the
//! [`report`] module renders it. Checks are pure functions over data already read: the glossary
//! model (plus its raw cells, [`fields`]), the corpus texts, and the memory's translation units.
//!
//! # Rules and severities
//!
//! | rule | severity | what |
//! |---|---|---|
//! | `conflict` | error | the same French term has different English equivalents in several entries |
//! | `empty-term` | error | an empty `fr`/`en` cell, or an empty item in a variants list |
//! | `damaged` | error | a row, term or language section the reader could not use (wrong field count, duplicate id, `<tig>` without `<term>`, no language): left out, the rest audited |
//! | `unusable-term` | error | a term that is only a function word (`de`, `of`) or only punctuation |
//! | `unrecognised` | warning | an unknown column, element, data category or picklist value: ignored |
//! | `wrong-language` | warning | a French term that reads as English (`of`, `the`) or the reverse |
//! | `mixed-encoding` | warning | a cell that reads like UTF-8 decoded as Windows-1252 (`Ã©`) |
//! | `duplicate` | warning | the same French term entered twice with the same English (split concept) |
//! | `near-duplicate` | warning | headwords equal but for accents/case/hyphens/apostrophes, number, or one letter |
//! | `acronym` | warning | an acronym entry without its expansion, or one acronym with different expansions |
//! | `missing-gender-form` | warning | a `title` entry whose headword is m (or f) with no f (or m) variant |
//! | `whitespace` | warning | padded cells, doubled spaces, control characters |
//! | `apostrophe` | warning | an entry uses `'` while most use `’` (or the reverse), per language |
//! | `missing-source` | warning | no `source` for the entry |
//! | `source-error` | warning | the matcher flagged the source text around a term (gender agreement, near-miss spelling) |
//! | `tm-term-missing` | warning | a TU's French side has a glossary term, its English side none of the term's equivalents |
//! | `tm-deprecated-term` | warning | a TU's English side uses an English term the glossary marks deprecated/obsolete for a term of its French side (reported instead of `tm-term-missing`) |
//! | `tm-inconsistent` | warning | one French segment translated differently in several TUs |
//! | `capitalisation` | info | an English term's capitalisation differs from the majority of its category |
//! | `synonym` | info | one English term for several French entries (possible synonyms split over rows) |
//! | `candidate-term` | info | a recurring institutional name or an acronym defined in the corpus, absent from the glossary |
//! | `unused` | info | an entry that never occurs in the corpus |
//! | `tm-inconsistent-source` | info | one English segment coming from different French segments (often legitimate) |
//!
//! Errors make the glossary give wrong answers; warnings are very likely defects; infos need a
//! terminologist's judgement. `--fail-on warning` fails on errors and warnings.
//!
//! # Ids in findings
//! `entries` holds glossary entry ids: the concept id (CSV `id` column, TBX `termEntry` id), or the
//! 1-based line of the row when it has none. `tus` holds TMX `tuid`s, or the 1-based position of
//! the `<tu>` in its file when it has none.
//!
//! # Locations in findings
//! `doc`/`line`: for glossary findings, the glossary file and the line of the (first) entry
//! involved (TBX: the line of its `termEntry`); for corpus findings, the document and the line
//! of the occurrence (of the first occurrence, for candidate terms); for memory findings, the
//! TMX file and no line (units are named in `tus`). `unused` findings have neither.
//!
//! # Memory checks across files
//! Each `--tm` file is checked on its own: unit positions restart in every file, so units of
//! different files are never compared with each other.

pub mod coverage;
mod damage;
pub mod fields;
pub mod finding;
pub mod lint;
pub mod report;
pub mod tm;

pub use finding::{Context, Finding, Rule, Severity};

use crate::error::{Error, Result};
use crate::glossary::Glossary;
use crate::input::Source;

/// The id of concept `index` in findings: its id, else its line, else its 1-based position.
pub fn entry_id(glossary: &Glossary, index: usize) -> String {
    match glossary.concepts.get(index) {
        Some(c) if !c.id.trim().is_empty() => c.id.trim().to_string(),
        Some(c) => c.line.unwrap_or(index + 1).to_string(),
        None => (index + 1).to_string(),
    }
}

/// A glossary as the audit reads it: the model and its raw cells.
#[derive(Debug, Clone)]
pub struct LoadedGlossary {
    /// The model, as trame's readers build it.
    pub glossary: Glossary,
    /// The cells as written (CSV), or rebuilt from the model (TBX).
    pub rows: Vec<fields::RawRow>,
    /// What the reader recovered from (damaged rows, terms, unknown columns…), as findings.
    pub damage: Vec<Finding>,
}

/// Reads a glossary in any format trame reads: TBX (v2/v3) when the file starts with `<`,
/// otherwise the CSV/TSV format of [`crate::glossary::csv`].
///
/// A CSV glossary is tokenized once ([`crate::glossary::table`]); its rows give both the cells
/// for the lint ([`fields::rows_from_table`]) and the model, built row by row by the glossary
/// reader's own functions ([`damage::read_csv_recovering`]). Empty terms, which the strict
/// reader refuses, are lint findings here and left out of the model. Every
/// other problem of one row (wrong number of fields, duplicate id, unknown tag), an unknown
/// column, and in TBX every damaged term, value or section, is a finding in
/// [`LoadedGlossary::damage`] and the rest is read ([`damage`]). Only an unreadable file (not
/// CSV, not XML, not TBX, a header without `fr`/`en`) is an error, with file and line:column.
pub fn read_glossary(source: &Source) -> Result<LoadedGlossary> {
    if source
        .text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        let (glossary, problems) = crate::tbx::reader::read_tbx_lenient(source)?;
        let rows = fields::rows_from_glossary(&glossary);
        let mut damage = damage::tbx_findings(&problems, &source.path);
        damage.extend(damage::mixed_encoding_findings(&rows, &source.path));
        damage.extend(damage::wrong_language_findings(&glossary, &source.path));
        return Ok(LoadedGlossary {
            glossary,
            rows,
            damage,
        });
    }
    let table = crate::glossary::table::tokenize(source)?;
    let rows = fields::rows_from_table(&table);
    let (glossary, mut damage) = damage::read_csv_recovering(&source.path, &table)?;
    damage.extend(damage::mixed_encoding_findings(&rows, &source.path));
    damage.extend(damage::wrong_language_findings(&glossary, &source.path));
    Ok(LoadedGlossary {
        glossary,
        rows,
        damage,
    })
}

/// Reads every translation unit of a TMX file (1.1–1.4, UTF-8/UTF-16), in document order.
pub fn read_memory(path: &str) -> Result<Vec<crate::tmx::TranslationUnit>> {
    crate::tmx::reader::TmxReader::open(path, crate::tmx::reader::ReadOptions::default())?.collect()
}

/// Reads a TMX file for the audit: a broken unit (a `<tuv>` without `xml:lang` or `<seg>`, an
/// unknown entity in a segment) becomes a `damaged` finding and an empty placeholder (so later
/// units keep their positions); the other units are read. An error in the XML itself stops it.
pub fn read_memory_recovering(
    path: &str,
) -> Result<(Vec<crate::tmx::TranslationUnit>, Vec<Finding>)> {
    let mut reader =
        crate::tmx::reader::TmxReader::open(path, crate::tmx::reader::ReadOptions::default())?
            .recovering();
    let mut units = Vec::new();
    let mut findings = Vec::new();
    let mut first_error = None;
    let mut readable = 0usize;
    while let Some(next) = reader.next() {
        match next {
            Ok(tu) => {
                readable += 1;
                units.push(tu)
            }
            Err(e) if !reader.failed() => {
                if first_error.is_none() {
                    first_error = Some(match &e {
                        Error::Syntax { path, pos, message } => Error::Syntax {
                            path: path.clone(),
                            pos: *pos,
                            message: message.clone(),
                        },
                        other => Error::invalid(path, other.to_string()),
                    });
                }
                let position = units.len() + 1;
                let line = match &e {
                    Error::Syntax { pos, .. } => Some(pos.line),
                    _ => None,
                };
                findings.push(
                    Finding::new(
                        Rule::Damaged,
                        format!("unit {position} is broken ({e}): left out of the checks"),
                        "Repair the unit (every <tuv> needs xml:lang and one <seg>; only the five \
                         XML entities are allowed), or delete it.",
                    )
                    .tus([position.to_string()])
                    .at(Some(path.to_string()), line),
                );
                units.push(crate::tmx::TranslationUnit::default());
            }
            Err(e) => return Err(e),
        }
    }
    // Not one unit could be read: the file is unreadable as a memory, say why.
    if readable == 0 {
        if let Some(e) = first_error {
            return Err(e);
        }
    }
    Ok((units, findings))
}

/// How often one concept occurs in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptCoverage {
    /// Entry id (see [`entry_id`]).
    pub entry: String,
    /// French headword.
    pub fr: String,
    /// English preferred term.
    pub en: String,
    /// Occurrences over the whole corpus.
    pub occurrences: usize,
    /// Number of documents with at least one occurrence.
    pub documents: usize,
}

/// Everything an audit found, ready to render.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The glossary file.
    pub glossary: String,
    /// Number of concepts in the glossary.
    pub concepts: usize,
    /// Corpus documents read, in order.
    pub documents: Vec<String>,
    /// Translation memory files read, and their number of units.
    pub memories: Vec<String>,
    /// Total number of translation units read.
    pub units: usize,
    /// Per-concept coverage (empty without a corpus).
    pub coverage: Vec<ConceptCoverage>,
    /// All findings, sorted by [`finding::sort_findings`].
    pub findings: Vec<Finding>,
}

impl Report {
    /// Number of findings of severity `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether any finding is at or above `threshold` (for `--fail-on`).
    pub fn fails(&self, threshold: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= threshold)
    }

    /// Sorts the findings into report order.
    pub fn sort(&mut self) {
        finding::sort_findings(&mut self.findings);
    }
}

/// Everything one audit run reads, already decoded.
#[derive(Debug, Clone, Copy)]
pub struct AuditInput<'a> {
    /// The glossary file name shown in findings.
    pub glossary_path: &'a str,
    /// The glossary read by [`read_glossary`].
    pub glossary: &'a LoadedGlossary,
    /// Corpus documents (may be empty).
    pub corpus: &'a [coverage::CorpusDoc],
    /// Translation memories: file name and units (may be empty).
    pub memories: &'a [(String, Vec<crate::tmx::TranslationUnit>)],
}

/// Runs every check that `input` allows: lint always, coverage with a corpus, consistency
/// with memories. Findings come back sorted.
pub fn audit(input: AuditInput) -> Result<Report> {
    let g = &input.glossary.glossary;
    let src_lang = if g.src_lang.trim().is_empty() {
        "fr"
    } else {
        g.src_lang.trim()
    };
    let tgt_lang = if g.tgt_lang.trim().is_empty() {
        "en"
    } else {
        g.tgt_lang.trim()
    };
    let mut report = Report {
        glossary: input.glossary_path.to_string(),
        concepts: g.concepts.len(),
        documents: input.corpus.iter().map(|d| d.path.clone()).collect(),
        memories: input.memories.iter().map(|(p, _)| p.clone()).collect(),
        units: input.memories.iter().map(|(_, u)| u.len()).sum(),
        ..Report::default()
    };
    report.findings = lint::lint(g, &input.glossary.rows, Some(input.glossary_path));
    report
        .findings
        .extend(input.glossary.damage.iter().cloned());
    if !input.corpus.is_empty() || !input.memories.is_empty() {
        let matcher = crate::terms::Matcher::new(g).map_err(|e| e.in_file(input.glossary_path))?;
        let find = |text: &str| matcher.find(text);
        if !input.corpus.is_empty() {
            let segmenter = crate::segment::Segmenter::builtin(src_lang)?;
            let analysis = coverage::analyse(
                g,
                input.corpus,
                &find,
                &segmenter,
                coverage::CandidateOptions::default(),
            );
            report.coverage = analysis.coverage;
            report.findings.extend(analysis.findings);
        }
        for (path, units) in input.memories {
            // A memory in other languages would pass every check unread: say so instead.
            let paired = units
                .iter()
                .any(|u| tm::side(u, src_lang).is_some() && tm::side(u, tgt_lang).is_some());
            if !units.is_empty() && !paired {
                return Err(Error::invalid(
                    path,
                    format!(
                        "no translation unit has segments in both `{src_lang}` and `{tgt_lang}`"
                    ),
                ));
            }
            report.findings.extend(tm::check_memory(
                units,
                src_lang,
                tgt_lang,
                g,
                &find,
                Some(path),
            ));
        }
    }
    report.sort();
    Ok(report)
}
