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
//! The delimiter is the one among `,` `;` and tab that occurs most in the header line. Fields
//! follow RFC 4180 quoting (`"a ""quoted"" field"`, line breaks inside quotes); CRLF line ends
//! are accepted. A header-only file is an empty glossary; an empty file is an error. A malformed
//! row (wrong field count, unterminated quote, text after a closing quote) is an error naming the
//! line and column, and nothing is returned. Cells are kept as text: a cell that looks like a
//! spreadsheet formula (`=…`) is not interpreted.

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

/// One parsed CSV record: its fields and the 1-based line where it starts.
#[derive(Debug)]
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// Reads a glossary from a decoded CSV/TSV source. A malformed row is an error with file:line;
/// nothing is half-loaded.
pub fn read_csv(source: &Source) -> Result<Glossary> {
    read_csv_columns(source, false).map(|(g, _)| g)
}

/// As [`read_csv`], but columns of unknown names are ignored rather than refused; their names
/// come back with the glossary (for the audit, which reports them and goes on).
pub fn read_csv_ignoring_unknown_columns(source: &Source) -> Result<(Glossary, Vec<String>)> {
    read_csv_columns(source, true)
}

fn read_csv_columns(source: &Source, ignore_unknown: bool) -> Result<(Glossary, Vec<String>)> {
    let path = source.path.as_str();
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    if text.trim().is_empty() {
        return Err(Error::invalid(path, "empty glossary file (no header row)"));
    }
    let delimiter = detect_delimiter(text);
    let records = parse_records(path, text, delimiter)?;
    let mut records = records.into_iter();
    let header = match records.next() {
        Some(h) => h,
        None => return Err(Error::invalid(path, "empty glossary file (no header row)")),
    };
    let (columns, unknown) = map_header(path, &header, ignore_unknown)?;
    let mut glossary = Glossary {
        src_lang: "fr".into(),
        tgt_lang: "en".into(),
        concepts: Vec::new(),
    };
    let mut ids: HashMap<String, usize> = HashMap::new();
    for record in records {
        if record.fields.len() != header.fields.len() {
            return Err(Error::syntax(
                path,
                record.line,
                1,
                format!(
                    "row has {} fields, the header has {}",
                    record.fields.len(),
                    header.fields.len()
                ),
            ));
        }
        let concept = read_concept(path, &record, &columns)?;
        if let Some(first) = ids.insert(concept.id.clone(), record.line) {
            return Err(Error::syntax(
                path,
                record.line,
                1,
                format!("duplicate id `{}` (first at line {first})", concept.id),
            ));
        }
        glossary.concepts.push(concept);
    }
    Ok((glossary, unknown))
}

/// Column name → field index.
type Columns = HashMap<&'static str, usize>;

fn map_header(path: &str, header: &Record, ignore_unknown: bool) -> Result<(Columns, Vec<String>)> {
    let mut columns = Columns::new();
    let mut unknown = Vec::new();
    for (i, name) in header.fields.iter().enumerate() {
        let lower = name.trim().to_lowercase();
        let key = if lower == "type" {
            "category"
        } else {
            lower.as_str()
        };
        match COLUMNS.iter().find(|c| **c == key) {
            Some(c) => {
                if columns.insert(c, i).is_some() {
                    return Err(Error::syntax(
                        path,
                        header.line,
                        1,
                        format!("column `{c}` appears twice in the header"),
                    ));
                }
            }
            None => unknown.push(format!("`{}`", name.trim())),
        }
    }
    if !unknown.is_empty() && !ignore_unknown {
        return Err(Error::syntax(
            path,
            header.line,
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
                header.line,
                1,
                format!("missing required column `{required}`"),
            ));
        }
    }
    Ok((columns, unknown))
}

fn read_concept(path: &str, record: &Record, columns: &Columns) -> Result<Concept> {
    let line = record.line;
    let cell = |name: &str| -> Option<&str> {
        columns
            .get(name)
            .and_then(|&i| record.fields.get(i))
            .map(|s| unguard_formula(s.trim()))
    };
    let optional = |name: &str| cell(name).filter(|s| !s.is_empty()).map(str::to_string);
    let fr = cell("fr").unwrap_or("");
    let en = cell("en").unwrap_or("");
    if fr.is_empty() {
        return Err(Error::syntax(path, line, 1, "empty `fr` headword"));
    }
    if en.is_empty() {
        return Err(Error::syntax(path, line, 1, "empty `en` term"));
    }
    let gender = match cell("gender").unwrap_or("").to_lowercase().as_str() {
        "" => None,
        "m" | "masc" | "masculine" | "masculin" => Some(Gender::Masculine),
        "f" | "fem" | "feminine" | "féminin" => Some(Gender::Feminine),
        other => {
            return Err(Error::syntax(
                path,
                line,
                1,
                format!("unknown gender `{other}` (expected m, f or empty)"),
            ))
        }
    };
    let mut head = Term::new(fr);
    head.gender = gender;
    let mut src_terms = vec![head];
    src_terms.extend(parse_variants(
        path,
        line,
        cell("fr_variants").unwrap_or(""),
    )?);
    let mut tgt_terms = vec![Term::new(en)];
    tgt_terms.extend(parse_variants(
        path,
        line,
        cell("en_variants").unwrap_or(""),
    )?);
    Ok(Concept {
        id: optional("id").unwrap_or_else(|| line.to_string()),
        category: optional("category"),
        definition: optional("definition"),
        note: optional("note"),
        source: optional("source"),
        src_terms,
        tgt_terms,
        line: Some(line),
    })
}

/// Parses a `|`-separated variant list with optional `[tag,…]` lists.
fn parse_variants(path: &str, line: usize, cell: &str) -> Result<Vec<Term>> {
    let mut terms = Vec::new();
    if cell.trim().is_empty() {
        return Ok(terms);
    }
    for item in split_unescaped(cell, '|') {
        let (text, tags) = split_tags(path, line, &item)?;
        let text = unescape(text.trim());
        if text.is_empty() {
            return Err(Error::syntax(
                path,
                line,
                1,
                format!("empty variant in `{cell}`"),
            ));
        }
        let mut term = Term::new(text);
        term.status = Status::Admitted;
        for tag in &tags {
            apply_tag(path, line, &mut term, tag)?;
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
            apply_tag(path, line, &mut term, ty)?;
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
fn split_tags(path: &str, line: usize, item: &str) -> Result<(String, Vec<String>)> {
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
                    line,
                    1,
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
            line,
            1,
            format!("unterminated tag list in variant `{trimmed}`"),
        ));
    };
    if body.contains('[') || body.contains(']') {
        return Err(Error::syntax(
            path,
            line,
            1,
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

fn apply_tag(path: &str, line: usize, term: &mut Term, tag: &str) -> Result<()> {
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
                line,
                1,
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

/// Picks the delimiter that occurs most (outside quotes) in the header line; comma on a tie.
pub fn detect_delimiter(text: &str) -> char {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for c in header.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let delims = [',', ';', '\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    delims[best]
}

/// An RFC 4180 parser that reports line and column of every error. Blank lines are skipped.
fn parse_records(path: &str, text: &str, delimiter: char) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    let mut col = 0usize; // 0-based column of the next char, in chars
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut record_line = 1usize;
    let mut at_field_start = true;
    let mut record_empty = true;

    while let Some(c) = chars.next() {
        col += 1;
        if at_field_start && c == '"' {
            // Quoted field.
            let (open_line, open_col) = (line, col);
            record_empty = false;
            loop {
                match chars.next() {
                    None => {
                        return Err(Error::syntax(
                            path,
                            open_line,
                            open_col,
                            "unterminated quoted field",
                        ))
                    }
                    Some('"') => {
                        col += 1;
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            col += 1;
                            field.push('"');
                        } else {
                            break;
                        }
                    }
                    Some('\n') => {
                        line += 1;
                        col = 0;
                        field.push('\n');
                    }
                    Some('\r') => {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        line += 1;
                        col = 0;
                        field.push('\n');
                    }
                    Some(other) => {
                        col += 1;
                        field.push(other);
                    }
                }
            }
            // After the closing quote: a delimiter, a line end or the end of input.
            match chars.peek().copied() {
                None | Some('\n') | Some('\r') => {}
                Some(d) if d == delimiter => {}
                Some(_) => {
                    return Err(Error::syntax(
                        path,
                        line,
                        col + 1,
                        "unexpected text after a closing quote",
                    ))
                }
            }
            at_field_start = false;
            continue;
        }
        if c == delimiter {
            fields.push(std::mem::take(&mut field));
            at_field_start = true;
            record_empty = false;
            continue;
        }
        if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            if !(record_empty && field.is_empty() && fields.is_empty()) {
                fields.push(std::mem::take(&mut field));
                records.push(Record {
                    line: record_line,
                    fields: std::mem::take(&mut fields),
                });
            }
            line += 1;
            col = 0;
            record_line = line;
            at_field_start = true;
            record_empty = true;
            continue;
        }
        if c == '"' {
            return Err(Error::syntax(
                path,
                line,
                col,
                "quote inside an unquoted field (quote the whole field and double the quote)",
            ));
        }
        field.push(c);
        at_field_start = false;
        record_empty = false;
    }
    if !(record_empty && field.is_empty() && fields.is_empty()) {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(records)
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
    fn tab_delimiter_is_detected() {
        assert_eq!(detect_delimiter("id\tfr\ten\n"), '\t');
        assert_eq!(detect_delimiter("id;fr;en\n"), ';');
        assert_eq!(detect_delimiter("\"a;b\",fr,en\n"), ',');
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
