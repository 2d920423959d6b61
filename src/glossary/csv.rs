//! The glossary CSV format: reader (comma, semicolon or tab, auto-detected) and writer.
//!
//! # Format
//!
//! One row per concept, a header row naming the columns (case-insensitive, any order):
//!
//! | column        | required | content                                                        |
//! |---------------|----------|----------------------------------------------------------------|
//! | `id`          | no       | stable concept id (default: the row's line number)             |
//! | `fr`          | yes      | French headword (preferred full form)                          |
//! | `en`          | yes      | English preferred term                                         |
//! | `category`    | no       | concept category (`organisation`, `title`, `place`…); alias `type` |
//! | `gender`      | no       | gender of the French headword: `m`, `f` or empty               |
//! | `fr_variants` | no       | further French terms (see below)                               |
//! | `en_variants` | no       | further English terms                                          |
//! | `definition`  | no       | a definition                                                   |
//! | `note`        | no       | a note for translators                                         |
//! | `source`      | no       | where the English form was checked (URL or document)           |
//!
//! Any other column is an error (a misspelt `fr_variant` would otherwise be silently ignored).
//!
//! Variants are separated by `|`; each is a text optionally followed by a bracketed tag list,
//! e.g. `OIM [acronym] | Directrice générale [f]`. Tags: term type `full`, `acronym`,
//! `abbreviation`, `short`, `variant`, `phrase`; gender `m`, `f`; number `sg`, `pl`; part of
//! speech `noun`, `adj`, `verb`, `proper`; status `preferred`, `admitted`, `deprecated`
//! (TBX "notRecommended"), `obsolete`. Untagged variants are admitted full forms. Inside a
//! variant text, `\|`, `\[`, `\]` and `\\` stand for the literal characters. An unknown tag is
//! an error with its line.
//!
//! Rows come from the one glossary tokenizer, [`super::table`]: the delimiter is the one among
//! `,` `;` and tab that occurs most in the header line. Fields follow RFC 4180 quoting (`"a ""quoted"" field"`, line breaks inside quotes); CRLF line ends
//! are accepted. A header-only file is an empty glossary; an empty file is an error. A malformed
//! row (wrong field count, unterminated quote, text after a closing quote) is an error naming the
//! line and column, and nothing is returned. Cells are kept as text: a cell that looks like a
//! spreadsheet formula (`=…`) is not interpreted.

use super::table::{tokenize, Row};
use super::{Concept, Gender, Glossary, Number, PartOfSpeech, Status, Term, TermType};
use crate::error::{Error, Result};
use crate::input::Source;
use std::collections::HashMap;
use std::io::Write;

/// The columns the format knows, in the order the writer emits them.
const COLUMNS: [&str; 10] = [
    "id",
    "fr",
    "en",
    "category",
    "gender",
    "fr_variants",
    "en_variants",
    "definition",
    "note",
    "source",
];

/// Reads a glossary from a decoded CSV/TSV source. A malformed row is an error with file:line;
/// nothing is half-loaded.
pub fn read_csv(source: &Source) -> Result<Glossary> {
    let path = source.path.as_str();
    let table = tokenize(source)?;
    let header = Header::read(path, &table.header, UnknownColumns::Refuse)?;
    let mut glossary = Glossary {
        src_lang: "fr".into(),
        tgt_lang: "en".into(),
        concepts: Vec::new(),
    };
    let mut ids = Ids::default();
    for row in &table.rows {
        let concept = concept_from_row(path, row, &header, EmptyTerms::Refuse)?
            .expect("empty terms are refused, never skipped");
        ids.insert(path, &concept, row)?;
        glossary.concepts.push(concept);
    }
    Ok(glossary)
}

/// What [`Header::read`] does with a column the format does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownColumns {
    /// An error naming the column (a misspelt `fr_variant` would otherwise be silently ignored).
    Refuse,
    /// Kept in [`Header::unknown`] and its cells ignored (the audit reports them and goes on).
    Ignore,
}

/// What [`concept_from_row`] does with an empty headword or an empty item in a variants list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmptyTerms {
    /// An error naming the cell.
    Refuse,
    /// A row without `fr` or `en` gives no concept and empty variant items are left out (the
    /// audit's lint reports them as `empty-term` from the cells).
    Skip,
}

/// A glossary header row resolved: which field holds which known column.
#[derive(Debug, Clone)]
pub struct Header {
    columns: HashMap<&'static str, usize>,
    width: usize,
    unknown: Vec<String>,
}

impl Header {
    /// Resolves the column names of `row` (case-insensitive, `type` is an alias of
    /// `category`). A repeated column, a missing `fr` or `en`, or (with
    /// [`UnknownColumns::Refuse`]) an unknown column is an error at the header's line.
    pub fn read(path: &str, row: &Row, unknown_columns: UnknownColumns) -> Result<Header> {
        let mut columns = HashMap::new();
        let mut unknown = Vec::new();
        for (i, cell) in row.cells.iter().enumerate() {
            let lower = cell.text.trim().to_lowercase();
            let key = if lower == "type" {
                "category"
            } else {
                lower.as_str()
            };
            match COLUMNS.iter().find(|c| **c == key) {
                Some(c) => {
                    if columns.insert(*c, i).is_some() {
                        return Err(Error::syntax(
                            path,
                            cell.line,
                            cell.column,
                            format!("column `{c}` appears twice in the header"),
                        ));
                    }
                }
                None => unknown.push(format!("`{}`", cell.text.trim())),
            }
        }
        if !unknown.is_empty() && unknown_columns == UnknownColumns::Refuse {
            return Err(Error::syntax(
                path,
                row.line,
                1,
                format!(
                    "unknown column(s) {} (known: {})",
                    unknown.join(", "),
                    COLUMNS.join(", ")
                ),
            ));
        }
        for required in ["fr", "en"] {
            if !columns.contains_key(required) {
                return Err(Error::syntax(
                    path,
                    row.line,
                    1,
                    format!("missing required column `{required}`"),
                ));
            }
        }
        Ok(Header {
            columns,
            width: row.cells.len(),
            unknown,
        })
    }

    /// The unknown column names, back-quoted, in header order.
    pub fn unknown(&self) -> &[String] {
        &self.unknown
    }
}

/// Concept ids already read, to refuse a repeated one.
#[derive(Debug, Default)]
pub struct Ids(HashMap<String, usize>);

impl Ids {
    /// Records `concept`'s id; an id seen before is an error at `row`'s line, naming the first.
    pub fn insert(&mut self, path: &str, concept: &Concept, row: &Row) -> Result<()> {
        match self.0.insert(concept.id.clone(), row.line) {
            Some(first) => {
                self.0.insert(concept.id.clone(), first);
                Err(Error::syntax(
                    path,
                    row.line,
                    1,
                    format!("duplicate id `{}` (first at line {first})", concept.id),
                ))
            }
            None => Ok(()),
        }
    }
}

/// Builds the concept of one data row. A row whose field count differs from the header's, an
/// empty headword (with [`EmptyTerms::Refuse`]), an unknown gender or tag, or a malformed
/// variant is an error naming the cell's line and column; `None` is a row
/// [`EmptyTerms::Skip`] leaves out.
pub fn concept_from_row(
    path: &str,
    row: &Row,
    header: &Header,
    empty: EmptyTerms,
) -> Result<Option<Concept>> {
    let line = row.line;
    if row.cells.len() != header.width {
        return Err(Error::syntax(
            path,
            line,
            1,
            format!(
                "row has {} fields, the header has {}",
                row.cells.len(),
                header.width
            ),
        ));
    }
    let raw = |name: &str| header.columns.get(name).map(|&i| &row.cells[i]);
    let cell = |name: &str| raw(name).map(|c| unguard_formula(c.text.trim()));
    let optional = |name: &str| cell(name).filter(|s| !s.is_empty()).map(str::to_string);
    let at = |name: &str| raw(name).map_or((line, 1), |c| (c.line, c.column));
    let fr = cell("fr").unwrap_or("");
    let en = cell("en").unwrap_or("");
    for (name, value) in [("fr", fr), ("en", en)] {
        if value.is_empty() {
            if empty == EmptyTerms::Skip {
                return Ok(None);
            }
            let (l, c) = at(name);
            let what = if name == "fr" {
                "`fr` headword"
            } else {
                "`en` term"
            };
            return Err(Error::syntax(path, l, c, format!("empty {what}")));
        }
    }
    let gender = match cell("gender").unwrap_or("").to_lowercase().as_str() {
        "" => None,
        "m" | "masc" | "masculine" | "masculin" => Some(Gender::Masculine),
        "f" | "fem" | "feminine" | "féminin" => Some(Gender::Feminine),
        other => {
            let (l, c) = at("gender");
            return Err(Error::syntax(
                path,
                l,
                c,
                format!("unknown gender `{other}` (expected m, f or empty)"),
            ));
        }
    };
    let mut head = Term::new(fr);
    head.gender = gender;
    let mut src_terms = vec![head];
    let mut tgt_terms = vec![Term::new(en)];
    for (name, terms) in [
        ("fr_variants", &mut src_terms),
        ("en_variants", &mut tgt_terms),
    ] {
        let (l, c) = at(name);
        terms.extend(parse_variants(
            path,
            (l, c),
            cell(name).unwrap_or(""),
            empty,
        )?);
    }
    Ok(Some(Concept {
        id: optional("id").unwrap_or_else(|| line.to_string()),
        category: optional("category"),
        definition: optional("definition"),
        note: optional("note"),
        source: optional("source"),
        src_terms,
        tgt_terms,
        line: Some(line),
    }))
}

/// A cell's 1-based line and column, for errors.
type At = (usize, usize);

/// Parses a `|`-separated variant list with optional `[tag,…]` lists.
/// `at` is the cell's line and column, for errors; with [`EmptyTerms::Skip`] an empty item
/// (nothing but spaces between two separators) is left out.
fn parse_variants(path: &str, at: At, cell: &str, empty: EmptyTerms) -> Result<Vec<Term>> {
    let mut terms = Vec::new();
    if cell.trim().is_empty() {
        return Ok(terms);
    }
    for item in split_unescaped(cell, '|') {
        if empty == EmptyTerms::Skip && item.trim().is_empty() {
            continue;
        }
        let (text, tags) = split_tags(path, at, &item)?;
        let text = unescape(text.trim());
        if text.is_empty() {
            return Err(Error::syntax(
                path,
                at.0,
                at.1,
                format!("empty variant in `{cell}`"),
            ));
        }
        let mut term = Term::new(text);
        term.status = Status::Admitted;
        for tag in &tags {
            apply_tag(path, at, &mut term, tag)?;
        }
        // `variant` with another type (`CEPAL [acronym,variant]`, in either order): a
        // variant of that type, not a bare variant.
        let typed = tags.iter().rev().find(|t| {
            matches!(
                t.as_str(),
                "full" | "acronym" | "abbreviation" | "short" | "phrase"
            )
        });
        if let (Some(ty), true) = (typed, tags.iter().any(|t| t == "variant")) {
            apply_tag(path, at, &mut term, ty)?;
            term.variant = true;
        }
        terms.push(term);
    }
    Ok(terms)
}

/// Splits `s` on `sep` where it is not escaped by a backslash (escapes are kept).
pub(crate) fn split_unescaped(s: &str, sep: char) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let last = items.last_mut().expect("never empty");
            last.push(c);
            if let Some(n) = chars.next() {
                last.push(n);
            }
        } else if c == sep {
            items.push(String::new());
        } else {
            items.last_mut().expect("never empty").push(c);
        }
    }
    items
}

/// Byte index of the first `[` of `item` not escaped by a backslash: where its tag list opens.
pub(crate) fn unescaped_open_bracket(item: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in item.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => return Some(i),
            _ => {}
        }
    }
    None
}

/// Splits a variant item into its (still escaped) text and its tag list.
fn split_tags(path: &str, at: At, item: &str) -> Result<(String, Vec<String>)> {
    let trimmed = item.trim();
    // An unescaped `[` opens the tag list, which must end the item.
    let mut open = None;
    let mut escaped = false;
    for (i, c) in trimmed.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => {
                open = Some(i);
                break;
            }
            ']' => {
                return Err(Error::syntax(
                    path,
                    at.0,
                    at.1,
                    format!(
                        "unexpected `]` in variant `{trimmed}` (write `\\]` for a literal bracket)"
                    ),
                ))
            }
            _ => {}
        }
    }
    let Some(open) = open else {
        return Ok((trimmed.to_string(), Vec::new()));
    };
    let rest = &trimmed[open + 1..];
    let Some(body) = rest.strip_suffix(']') else {
        return Err(Error::syntax(
            path,
            at.0,
            at.1,
            format!("unterminated tag list in variant `{trimmed}`"),
        ));
    };
    if body.contains('[') || body.contains(']') {
        return Err(Error::syntax(
            path,
            at.0,
            at.1,
            format!("malformed tag list in variant `{trimmed}`"),
        ));
    }
    let tags = body
        .split(',')
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    Ok((trimmed[..open].to_string(), tags))
}

/// Removes the backslash of every escape (`\|`, `\[`, `\]`, `\\`).
pub(crate) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n @ ('|' | '[' | ']' | '\\')) => out.push(n),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '|' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn apply_tag(path: &str, at: At, term: &mut Term, tag: &str) -> Result<()> {
    match tag {
        "full" => term.term_type = TermType::FullForm,
        "acronym" => term.term_type = TermType::Acronym,
        "abbreviation" => term.term_type = TermType::Abbreviation,
        "short" => term.term_type = TermType::ShortForm,
        "variant" => term.term_type = TermType::Variant,
        "phrase" => term.term_type = TermType::Phrase,
        "m" => term.gender = Some(Gender::Masculine),
        "f" => term.gender = Some(Gender::Feminine),
        "sg" => term.number = Some(Number::Singular),
        "pl" => term.number = Some(Number::Plural),
        "noun" => term.part_of_speech = Some(PartOfSpeech::Noun),
        "adj" => term.part_of_speech = Some(PartOfSpeech::Adjective),
        "verb" => term.part_of_speech = Some(PartOfSpeech::Verb),
        "proper" => term.part_of_speech = Some(PartOfSpeech::ProperNoun),
        "preferred" => term.status = Status::Preferred,
        "admitted" => term.status = Status::Admitted,
        "deprecated" => term.status = Status::NotRecommended,
        "obsolete" => term.status = Status::Obsolete,
        other => {
            return Err(Error::syntax(
                path,
                at.0,
                at.1,
                format!(
                    "unknown tag `{other}` on variant `{}` (known: full, acronym, abbreviation, short, variant, phrase, m, f, sg, pl, noun, adj, verb, proper, preferred, admitted, deprecated, obsolete)",
                    term.text
                ),
            ))
        }
    }
    Ok(())
}

/// The tags that write a term's non-default data (defaults: admitted full form).
fn tags_of(term: &Term) -> Vec<&'static str> {
    let mut tags = Vec::new();
    match term.term_type {
        TermType::FullForm if term.variant => tags.push("full"),
        TermType::FullForm => {}
        TermType::Acronym => tags.push("acronym"),
        TermType::Abbreviation => tags.push("abbreviation"),
        TermType::ShortForm => tags.push("short"),
        TermType::Variant => tags.push("variant"),
        TermType::Phrase => tags.push("phrase"),
    }
    if term.variant && term.term_type != TermType::Variant {
        tags.push("variant");
    }
    match term.gender {
        Some(Gender::Masculine) => tags.push("m"),
        Some(Gender::Feminine) => tags.push("f"),
        _ => {}
    }
    match term.number {
        Some(Number::Singular) => tags.push("sg"),
        Some(Number::Plural) => tags.push("pl"),
        _ => {}
    }
    match term.part_of_speech {
        Some(PartOfSpeech::Noun) => tags.push("noun"),
        Some(PartOfSpeech::Adjective) => tags.push("adj"),
        Some(PartOfSpeech::Verb) => tags.push("verb"),
        Some(PartOfSpeech::ProperNoun) => tags.push("proper"),
        _ => {}
    }
    match term.status {
        Status::Admitted => {}
        Status::Preferred => tags.push("preferred"),
        Status::NotRecommended => tags.push("deprecated"),
        Status::Obsolete => tags.push("obsolete"),
    }
    tags
}

fn format_variants(terms: &[Term]) -> String {
    terms
        .iter()
        .map(|t| {
            let tags = tags_of(t);
            if tags.is_empty() {
                escape(&t.text)
            } else {
                format!("{} [{}]", escape(&t.text), tags.join(","))
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Writes `glossary` as CSV (comma-separated, UTF-8, header row).
///
/// Reading the output back gives the same glossary for everything the format carries: the
/// headwords' text and gender, every variant with its tags, and the concept fields. (Not carried:
/// a headword's number, part of speech, status or note; a term's note; gender values `neuter`
/// and `other`; leading/trailing spaces of cells.)
pub fn write_csv(glossary: &Glossary, out: &mut dyn Write) -> Result<()> {
    write_csv_with(glossary, ',', out)
}

/// [`write_csv`] with another field delimiter (`;` for spreadsheets in French locales, or tab);
/// [`read_csv`] detects it from the header.
pub fn write_csv_with(glossary: &Glossary, delimiter: char, out: &mut dyn Write) -> Result<()> {
    let err = Error::output;
    let sep = delimiter.to_string();
    writeln!(out, "{}", COLUMNS.join(&sep)).map_err(err)?;
    for concept in &glossary.concepts {
        let fr = concept.src_terms.first();
        let en = concept.tgt_terms.first();
        let gender = match fr.and_then(|t| t.gender) {
            Some(Gender::Masculine) => "m",
            Some(Gender::Feminine) => "f",
            _ => "",
        };
        let fields = [
            concept.id.clone(),
            fr.map(|t| t.text.clone()).unwrap_or_default(),
            en.map(|t| t.text.clone()).unwrap_or_default(),
            concept.category.clone().unwrap_or_default(),
            gender.to_string(),
            format_variants(concept.src_terms.get(1..).unwrap_or(&[])),
            format_variants(concept.tgt_terms.get(1..).unwrap_or(&[])),
            concept.definition.clone().unwrap_or_default(),
            concept.note.clone().unwrap_or_default(),
            concept.source.clone().unwrap_or_default(),
        ];
        let row: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        writeln!(out, "{}", row.join(&sep)).map_err(err)?;
    }
    Ok(())
}

/// Characters that make a spreadsheet (Excel, LibreOffice) read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes a cell that a spreadsheet would run as a formula (`=cmd|…`, `+SUM(…)`) with `'`,
/// the OWASP-recommended guard; [`unguard_formula`] takes it off again on reading.
fn guard_formula(field: &str) -> String {
    if field.starts_with(FORMULA_STARTS) || is_guarded(field) {
        format!("'{field}")
    } else {
        field.to_string()
    }
}

/// Whether `field` is a guarded formula cell: `'` then a formula start.
fn is_guarded(field: &str) -> bool {
    field
        .strip_prefix('\'')
        .is_some_and(|rest| rest.starts_with(FORMULA_STARTS) || is_guarded(rest))
}

/// Removes the guard [`guard_formula`] added, so a written glossary reads back unchanged.
fn unguard_formula(field: &str) -> &str {
    if is_guarded(field) {
        &field[1..]
    } else {
        field
    }
}

/// Quotes a field when it holds a delimiter, quote, line break or edge spaces, after guarding
/// formula-looking cells.
fn quote(field: &str) -> String {
    let guarded = guard_formula(field);
    let field = guarded.as_str();
    let needs = field.contains([',', ';', '\t', '"', '\n', '\r'])
        || field.starts_with(' ')
        || field.ends_with(' ');
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source::utf8("g.csv", text)
    }

    #[test]
    fn variants_with_tags_and_escapes() {
        let g = read_csv(&src(
            "fr,en,fr_variants\nOrganisation,Organization,\"OIM [acronym] | a\\|b [f,pl]\"\n",
        ))
        .unwrap();
        let t = &g.concepts[0].src_terms;
        assert_eq!(t.len(), 3);
        assert_eq!(t[1].text, "OIM");
        assert_eq!(t[1].term_type, TermType::Acronym);
        assert_eq!(t[2].text, "a|b");
        assert_eq!(t[2].gender, Some(Gender::Feminine));
        assert_eq!(t[2].number, Some(Number::Plural));
        assert_eq!(g.concepts[0].id, "2");
    }

    #[test]
    fn errors_point_at_the_cell() {
        let e = read_csv(&src("fr,en,gender\nOIM,IOM,x\n"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("g.csv:2:9") && e.contains("unknown gender `x`"),
            "{e}"
        );
        let e = read_csv(&src("fr;en;fr_variants\nOIM;IOM;a [zz]\n"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("g.csv:2:9") && e.contains("`zz`"), "{e}");
        let e = read_csv(&src("id,fr,en\n1,OIM,IOM\n1,HCR,UNHCR\n"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("g.csv:3:1") && e.contains("first at line 2"),
            "{e}"
        );
        let e = read_csv(&src("fr,en\nOIM,\n")).unwrap_err().to_string();
        assert!(
            e.contains("g.csv:2:5") && e.contains("empty `en` term"),
            "{e}"
        );
    }
}

#[cfg(test)]
mod formula_tests {
    use super::*;

    #[test]
    fn formula_cells_are_guarded_on_writing_and_restored_on_reading() {
        assert_eq!(quote("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(quote("+SUM(A1)"), "'+SUM(A1)");
        assert_eq!(quote("@note"), "'@note");
        assert_eq!(quote("'=already"), "''=already");
        assert_eq!(quote("Haut-Commissariat"), "Haut-Commissariat");
        assert_eq!(unguard_formula("'=cmd"), "=cmd");
        assert_eq!(unguard_formula("''=already"), "'=already");
        assert_eq!(unguard_formula("l'OIM"), "l'OIM");
        assert_eq!(unguard_formula("'quoted'"), "'quoted'");
    }
}
