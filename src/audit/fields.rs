//! The glossary as the user typed it: rows of raw fields with their lines, for the checks that
//! look at characters a reader normalises away (padding, doubled spaces, apostrophes, empty cells).
//!
//! CSV/TSV glossaries are re-read cell by cell here without any trimming; other formats (TBX)
//! fall back to the terms of the model ([`rows_from_glossary`]).

use crate::error::{Error, Result};
use crate::glossary::csv::{split_unescaped, unescape, unescaped_open_bracket};
use crate::glossary::Glossary;
use crate::input::Source;

/// One cell of a glossary row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawField {
    /// Column name (`fr`, `en`, `fr_variants`, `source`…), lower-case.
    pub name: String,
    /// The cell exactly as written (quotes removed, nothing trimmed).
    pub value: String,
}

/// One glossary row (one concept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    /// The entry id reported in findings: the `id` cell (trimmed), or the line number.
    pub entry: String,
    /// 1-based line where the row starts.
    pub line: usize,
    /// The cells, named by their header.
    pub fields: Vec<RawField>,
    /// Byte range of the row in the source text, with the line ends (and blank lines) that
    /// follow it up to the next row; empty for rows rebuilt from a model.
    pub span: std::ops::Range<usize>,
}

impl RawRow {
    /// The raw cell of column `name`, if the row has that column.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_str())
    }
}

/// Columns that hold terms (headword or variant lists) and which language they are in.
pub const TERM_COLUMNS: [(&str, &str, bool); 4] = [
    ("fr", "fr", false),
    ("fr_variants", "fr", true),
    ("en", "en", false),
    ("en_variants", "en", true),
];

/// Splits a variants cell (`a [tag] | b`) into the variant texts, tags removed and escapes
/// (`\|`, `\[`, `\]`) resolved as the glossary reader resolves them, untrimmed apart from the
/// single spaces around the separators.
pub fn split_variants(cell: &str) -> Vec<String> {
    if cell.trim().is_empty() {
        return Vec::new();
    }
    variant_items(cell)
        .iter()
        .map(|piece| {
            let text = match unescaped_open_bracket(piece) {
                Some(i) if piece.trim_end().ends_with(']') => &piece[..i],
                _ => piece,
            };
            let text = text.strip_prefix(' ').unwrap_or(text);
            unescape(text.strip_suffix(' ').unwrap_or(text))
        })
        .collect()
}

/// The items of a variants cell, split on the separators the reader splits on (a `\|` is no
/// separator); escapes are kept.
fn variant_items(cell: &str) -> Vec<String> {
    split_unescaped(cell, '|')
}

/// The delimiter byte of a CSV/TSV glossary, chosen as the glossary reader chooses it.
fn detect_delimiter(text: &str) -> u8 {
    // The reader only ever picks one of `,` `;` `\t`, all ASCII.
    crate::glossary::csv::detect_delimiter(text) as u8
}

/// Reads the raw rows of a CSV/TSV glossary (header row first). A malformed row is an error
/// naming the file and line.
pub fn rows_from_csv(source: &Source) -> Result<Vec<RawRow>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(&source.text))
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(source.text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(&source.path, &source.text, &e))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let mut rows: Vec<RawRow> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&source.path, &source.text, &e))?;
        let start = record.position().map_or(0, |p| p.byte() as usize);
        if let Some(prev) = rows.last_mut() {
            prev.span.end = start;
        }
        // The csv crate counts neither blank lines in `Position::line` nor in `Position::byte`
        // (it points before them): skip line ends from there to reach the record itself.
        let line = record.position().map_or(0, |p| {
            let mut byte = p.byte() as usize;
            let bytes = source.text.as_bytes();
            while matches!(bytes.get(byte), Some(b'\n' | b'\r')) {
                byte += 1;
            }
            line_of(&source.text, byte)
        });
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let fields: Vec<RawField> = headers
            .iter()
            .zip(record.iter())
            .map(|(name, value)| RawField {
                name: name.clone(),
                value: value.to_string(),
            })
            .collect();
        let id = fields
            .iter()
            .find(|f| f.name == "id")
            .map(|f| f.value.trim().to_string())
            .filter(|id| !id.is_empty());
        rows.push(RawRow {
            entry: id.unwrap_or_else(|| line.to_string()),
            line,
            fields,
            span: start..source.text.len(),
        });
    }
    Ok(rows)
}

/// Whether a row has an empty `fr` or `en` cell (the row cannot become a concept).
fn lacks_headword(row: &RawRow) -> bool {
    ["fr", "en"]
        .iter()
        .any(|c| row.get(c).is_some_and(|v| v.trim().is_empty()))
}

/// The source with what trame's strict CSV reader refuses but the lint reports as `empty-term`
/// taken out: rows without `fr`/`en` become blank lines, empty items leave variants lists.
/// Line numbers are kept, so entry ids and lines stay those of the file. `None` when nothing
/// needed changing.
pub fn without_empty_terms(source: &Source, rows: &[RawRow]) -> Option<Source> {
    let delimiter = detect_delimiter(&source.text);
    let mut text = String::with_capacity(source.text.len());
    let mut pos = 0;
    let mut changed = false;
    for row in rows {
        let has_empty_variant = ["fr_variants", "en_variants"]
            .iter()
            .filter_map(|c| row.get(c))
            .any(|v| !v.trim().is_empty() && variant_items(v).iter().any(|p| p.trim().is_empty()));
        let blank = lacks_headword(row);
        if !blank && !has_empty_variant {
            continue;
        }
        let Some(original) = source.text.get(row.span.clone()) else {
            continue;
        };
        let leading = original.len() - original.trim_start_matches(['\n', '\r']).len();
        let newlines = original.matches('\n').count();
        let mut replacement = original[..leading].to_string();
        let mut used = original[..leading].matches('\n').count();
        if !blank {
            let cells: Vec<String> = row
                .fields
                .iter()
                .map(|f| {
                    if f.name.ends_with("_variants") {
                        variant_items(&f.value)
                            .into_iter()
                            .filter(|p| !p.trim().is_empty())
                            .collect::<Vec<_>>()
                            .join("|")
                    } else {
                        f.value.clone()
                    }
                })
                .collect();
            let mut writer = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(Vec::new());
            if writer.write_record(&cells).is_err() {
                continue;
            }
            let Ok(bytes) = writer.into_inner() else {
                continue;
            };
            let line = String::from_utf8_lossy(&bytes);
            let line = line.trim_end_matches('\n');
            used += line.matches('\n').count();
            replacement.push_str(line);
        }
        replacement.push_str(&"\n".repeat(newlines.saturating_sub(used)));
        text.push_str(&source.text[pos..row.span.start]);
        text.push_str(&replacement);
        pos = row.span.end;
        changed = true;
    }
    if !changed {
        return None;
    }
    text.push_str(&source.text[pos..]);
    Some(Source {
        path: source.path.clone(),
        text,
        encoding: source.encoding,
        bom_len: source.bom_len,
    })
}

fn line_of(text: &str, byte: usize) -> usize {
    let end = byte.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn csv_error(path: &str, text: &str, e: &csv::Error) -> Error {
    match e.position() {
        Some(p) => Error::syntax(path, line_of(text, p.byte() as usize), 1, e.to_string()),
        None => Error::invalid(path, e.to_string()),
    }
}

/// Raw rows rebuilt from a glossary model (for formats without a cell layout, e.g. TBX).
pub fn rows_from_glossary(glossary: &Glossary) -> Vec<RawRow> {
    glossary
        .concepts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let join = |terms: &[crate::glossary::Term]| {
                terms
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            let head = |terms: &[crate::glossary::Term]| {
                terms.first().map(|t| t.text.clone()).unwrap_or_default()
            };
            let mut fields = vec![
                RawField {
                    name: "fr".into(),
                    value: head(&c.src_terms),
                },
                RawField {
                    name: "en".into(),
                    value: head(&c.tgt_terms),
                },
            ];
            if c.src_terms.len() > 1 {
                fields.push(RawField {
                    name: "fr_variants".into(),
                    value: join(&c.src_terms[1..]),
                });
            }
            if c.tgt_terms.len() > 1 {
                fields.push(RawField {
                    name: "en_variants".into(),
                    value: join(&c.tgt_terms[1..]),
                });
            }
            for (name, value) in [
                ("category", &c.category),
                ("note", &c.note),
                ("source", &c.source),
            ] {
                if let Some(v) = value {
                    fields.push(RawField {
                        name: name.into(),
                        value: v.clone(),
                    });
                }
            }
            RawRow {
                entry: super::entry_id(glossary, i),
                line: c.line.unwrap_or(0),
                fields,
                span: 0..0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source::utf8("g.csv", text)
    }

    #[test]
    fn cells_are_kept_untrimmed_with_lines() {
        let rows = rows_from_csv(&source("id,fr,en\nx1, OIM ,IOM\n\n,\"a\nb\",c\n")).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].entry, "x1");
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].get("fr"), Some(" OIM "));
        assert_eq!(rows[1].entry, "4");
        assert_eq!(rows[1].get("fr"), Some("a\nb"));
    }

    #[test]
    fn empty_terms_are_taken_out_keeping_lines() {
        let src = source("id,fr,en,fr_variants\na,x,y,p | | q\n\nb,,z,\nc,\"m\nn\",o,\n");
        let rows = rows_from_csv(&src).unwrap();
        let patched = without_empty_terms(&src, &rows).unwrap();
        assert_eq!(
            patched.text,
            "id,fr,en,fr_variants\na,x,y,p | q\n\n\nc,\"m\nn\",o,\n"
        );
        let again = rows_from_csv(&patched).unwrap();
        assert_eq!(again.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 5]);
        assert!(without_empty_terms(&patched, &again).is_none());
    }

    #[test]
    fn semicolon_and_tab_delimiters_are_detected() {
        assert_eq!(detect_delimiter("id;fr;en\n"), b';');
        assert_eq!(detect_delimiter("id\tfr\ten\n"), b'\t');
        assert_eq!(detect_delimiter("id,fr,\"a;b;c\"\n"), b',');
    }

    #[test]
    fn escaped_separators_and_brackets_stay_in_the_variant() {
        assert_eq!(
            split_variants(r"R\||Orgmonde"),
            vec!["R|".to_string(), "Orgmonde".into()]
        );
        assert_eq!(
            split_variants(r"Plan \[B\] [variant] | C"),
            vec!["Plan [B]".to_string(), "C".into()]
        );
    }

    #[test]
    fn variants_lose_tags_and_separator_spaces() {
        assert_eq!(
            split_variants("OIM [acronym] | Organisation  | "),
            vec!["OIM".to_string(), "Organisation ".into(), "".into()]
        );
    }
}
