//! The glossary as the user typed it: rows of raw fields with their lines, for the checks that
//! look at characters a reader normalises away (padding, doubled spaces, apostrophes, empty cells).
//!
//! CSV/TSV glossaries come from the rows of the glossary tokenizer ([`crate::glossary::table`]),
//! the same rows the glossary reader builds concepts from, without any trimming; other formats
//! (TBX) fall back to the terms of the model ([`rows_from_glossary`]).

use crate::error::Result;
use crate::glossary::csv::{split_unescaped, unescape, unescaped_open_bracket};
use crate::glossary::table::{tokenize, Table};
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

/// Reads the raw rows of a CSV/TSV glossary. A file the tokenizer refuses (a quoting error) is
/// an error naming the file, line and column.
pub fn rows_from_csv(source: &Source) -> Result<Vec<RawRow>> {
    Ok(rows_from_table(&tokenize(source)?))
}

/// The raw rows of a tokenized CSV/TSV glossary, named by the header's cells (trimmed,
/// lower-case). Rows of bare delimiters are left out: they hold no cell to check.
pub fn rows_from_table(table: &Table) -> Vec<RawRow> {
    let names: Vec<String> = table
        .header
        .cells
        .iter()
        .map(|c| c.text.trim().to_lowercase())
        .collect();
    table
        .rows
        .iter()
        .filter(|row| !row.is_blank())
        .map(|row| {
            let fields: Vec<RawField> = names
                .iter()
                .zip(&row.cells)
                .map(|(name, cell)| RawField {
                    name: name.clone(),
                    value: cell.text.clone(),
                })
                .collect();
            let id = fields
                .iter()
                .find(|f| f.name == "id")
                .map(|f| f.value.trim().to_string())
                .filter(|id| !id.is_empty());
            RawRow {
                entry: id.unwrap_or_else(|| row.line.to_string()),
                line: row.line,
                fields,
            }
        })
        .collect()
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
