//! Reading a damaged glossary for the audit: every problem a reader could stop at but that
//! concerns one row, term, value or entry becomes a [`Finding`] (rule, position, fix) and the
//! rest is audited. Only a file that cannot be read at all (not CSV, not well-formed XML, not
//! TBX, a header without `fr`/`en`) stops the audit, with its line:column.

use super::fields::RawRow;
use super::{Finding, Rule};
use crate::error::{Error, Result};
use crate::glossary::csv::{concept_from_row, EmptyTerms, Header, Ids, UnknownColumns};
use crate::glossary::table::{Row, Table};
use crate::glossary::Glossary;
use crate::tbx::reader::{TbxProblem, TbxProblemKind};

/// Most damaged rows skipped in one CSV glossary before giving up (it is likely not a glossary).
pub const MAX_DAMAGED_ROWS: usize = 500;

/// Findings for the problems a lenient TBX read met.
pub fn tbx_findings(problems: &[TbxProblem], path: &str) -> Vec<Finding> {
    problems
        .iter()
        .map(|p| {
            let (rule, fix) = match p.kind {
                TbxProblemKind::EmptyTerm => (
                    Rule::EmptyTerm,
                    "Fill in the term or delete its <tig>/<termSec>.",
                ),
                TbxProblemKind::Damaged => (Rule::Damaged, damaged_fix(&p.message)),
                TbxProblemKind::Unrecognised => (Rule::Unrecognised, unrecognised_fix(&p.message)),
            };
            let mut f = Finding::new(rule, format!("{}:{}: {}", p.line, p.column, p.message), fix)
                .at(Some(path.to_string()), Some(p.line));
            if !p.entry.is_empty() {
                f = f.entries([p.entry.clone()]);
            }
            f
        })
        .collect()
}

fn damaged_fix(message: &str) -> &'static str {
    if message.contains("duplicate id") {
        "Give every entry its own id (MultiTerm and Trados key entries on it)."
    } else if message.contains("without xml:lang") {
        "Add xml:lang=\"fr\" (or the section's language) to the language section."
    } else if message.starts_with("no `") {
        "Add the missing language section, or delete the entry if it is a leftover."
    } else if message.contains("markup inside") {
        "Remove the markup from the term: termbases hold plain text."
    } else if message.contains("without <term>") || message.contains("without <termGrp>") {
        "Add the <term> (in a <termGrp> for <ntig>) or delete the empty container."
    } else if message.contains("fields, the header has") {
        "Give the row as many cells as the header (a separator inside a cell needs quotes)."
    } else {
        "Correct the entry as the message says; until then it is left out of the audit."
    }
}

fn unrecognised_fix(message: &str) -> &'static str {
    if message.contains("value `") {
        "Use a TBX-Basic picklist value (e.g. fullForm, acronym, noun, masculine, preferredTerm-admn-sts)."
    } else if message.contains("data category") {
        "Use a TBX-Basic data category, or prefix a private one with x-."
    } else if message.contains("language section") {
        "Move the section to a termbase for that language pair, or audit with that language."
    } else if message.contains("column") {
        "Rename the column to one trame reads (id, fr, en, category, gender, fr_variants, en_variants, note, source, definition) or delete it."
    } else if message.contains("unknown tag") {
        "Use one of the documented tags, or write \\[ and \\] for literal brackets."
    } else {
        "Remove the element or move what it says into a note."
    }
}

/// Reads a CSV/TSV glossary as far as it can be read, from the rows of the glossary tokenizer.
/// Unknown columns are ignored and reported; a row the reader refuses (wrong number of fields,
/// duplicate id, unknown tag or gender, a malformed variant) is left out and reported; rows
/// without `fr`/`en` and empty variant items are left out of the model (the lint reports them
/// from the cells). An error at the header, or more than [`MAX_DAMAGED_ROWS`] damaged rows, is
/// returned.
pub fn read_csv_recovering(path: &str, table: &Table) -> Result<(Glossary, Vec<Finding>)> {
    let header = Header::read(path, &table.header, UnknownColumns::Ignore)?;
    let mut findings = Vec::new();
    if !header.unknown().is_empty() {
        findings.push(
            Finding::new(
                Rule::Unrecognised,
                format!(
                    "unknown column(s) {}: their cells are ignored",
                    header.unknown().join(", ")
                ),
                unrecognised_fix("column"),
            )
            .at(Some(path.to_string()), Some(table.header.line)),
        );
    }
    let mut glossary = Glossary {
        src_lang: "fr".into(),
        tgt_lang: "en".into(),
        concepts: Vec::new(),
    };
    let mut ids = Ids::default();
    let mut damaged = 0;
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let concept = concept_from_row(path, row, &header, EmptyTerms::Skip).and_then(|c| {
            if let Some(concept) = &c {
                ids.insert(path, concept, row)?;
            }
            Ok(c)
        });
        match concept {
            Ok(Some(concept)) => glossary.concepts.push(concept),
            Ok(None) => {}
            Err(err) => {
                let Error::Syntax { pos, message, .. } = &err else {
                    return Err(err);
                };
                damaged += 1;
                if damaged > MAX_DAMAGED_ROWS {
                    return Err(err);
                }
                let entry = row_entry(table, row);
                findings.push(
                    Finding::new(
                        Rule::Damaged,
                        format!(
                            "{}:{}: {message}: entry {entry} is left out of the other checks",
                            pos.line, pos.column
                        ),
                        damaged_fix(message),
                    )
                    .entries([entry])
                    .at(Some(path.to_string()), Some(pos.line)),
                );
            }
        }
    }
    Ok((glossary, findings))
}

/// The entry name of a row in findings: its `id` cell, or its line (as [`fields::RawRow`]).
fn row_entry(table: &Table, row: &Row) -> String {
    table
        .header
        .cells
        .iter()
        .position(|c| c.text.trim().eq_ignore_ascii_case("id"))
        .and_then(|i| row.cells.get(i))
        .map(|c| c.text.trim().to_string())
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| row.line.to_string())
}

/// Terms that read as the other language: a French term with English function words and none
/// of French, or the reverse (`International Organization for Migration` in the French column).
pub fn wrong_language_findings(glossary: &Glossary, path: &str) -> Vec<Finding> {
    use crate::lang::{en::LANGUAGE_MARKERS as EN, fr::LANGUAGE_MARKERS as FR};
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let reads_as = |t: &str, own: &[&str], other: &[&str]| {
        let w = words(t);
        w.iter().any(|x| other.contains(&x.as_str()))
            && !w.iter().any(|x| own.contains(&x.as_str()))
            && !t.contains(['’', '\''])
    };
    let mut out = Vec::new();
    for (i, c) in glossary.concepts.iter().enumerate() {
        let id = super::entry_id(glossary, i);
        let checks = [
            (&c.src_terms, FR, EN, "French", "English"),
            (&c.tgt_terms, EN, FR, "English", "French"),
        ];
        for (k, (terms, own, other, side, looks)) in checks.into_iter().enumerate() {
            // A name written alike on both sides is not in the wrong language.
            let opposite = if k == 0 { &c.tgt_terms } else { &c.src_terms };
            let on_both = |t: &str| opposite.iter().any(|o| o.text.trim() == t.trim());
            if let Some(t) = terms
                .iter()
                .find(|t| reads_as(&t.text, own, other) && !on_both(&t.text))
            {
                out.push(
                    Finding::new(
                        Rule::WrongLanguage,
                        format!(
                            "The {side} term «{}» of entry {id} reads as {looks}",
                            t.text.trim()
                        ),
                        format!(
                            "Move «{}» to the {looks} side, or correct it.",
                            t.text.trim()
                        ),
                    )
                    .entries([id.clone()])
                    .at(Some(path.to_string()), c.line),
                );
            }
        }
    }
    out
}

/// Cells that look like UTF-8 decoded as Windows-1252 (`Ã©` for `é`, `â€™` for `’`), one
/// finding per row, with the repaired text as the fix.
pub fn mixed_encoding_findings(rows: &[RawRow], path: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in rows {
        for f in &row.fields {
            let Some(fixed) = undo_mojibake(&f.value) else {
                continue;
            };
            out.push(
                Finding::new(
                    Rule::MixedEncoding,
                    format!(
                        "cell `{}` of entry {} reads «{}»: UTF-8 bytes decoded as Windows-1252",
                        f.name,
                        row.entry,
                        f.value.trim()
                    ),
                    format!("Write «{}».", fixed.trim()),
                )
                .entries([row.entry.clone()])
                .at(Some(path.to_string()), Some(row.line)),
            );
            break;
        }
    }
    out
}

/// The text re-decoded as UTF-8 from its Windows-1252 bytes, when it holds a typical mojibake
/// sequence and the result is valid UTF-8.
pub fn undo_mojibake(text: &str) -> Option<String> {
    let suspicious = text.contains("Ã") || text.contains("â€") || text.contains("Â ");
    if !suspicious {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let fixed = std::str::from_utf8(&bytes).ok()?;
    (fixed != text).then(|| fixed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Source;

    #[test]
    fn mojibake_is_undone() {
        assert_eq!(undo_mojibake("Ã©tat").as_deref(), Some("état"));
        assert_eq!(undo_mojibake("lâ€™OIM").as_deref(), Some("l’OIM"));
        assert_eq!(undo_mojibake("état"), None);
        assert_eq!(undo_mojibake("Ãtat"), None);
    }

    fn src(text: &str) -> Source {
        Source::utf8("g.csv", text)
    }

    #[test]
    fn damaged_rows_are_findings_and_the_rest_is_read() {
        let s = src(
            "id,fr,en,fr_variants,extra\n1,OIM,IOM,,x\n1,HCR,UNHCR,,y\n2,a,b\n\
             3,passeur,smuggler,passeuse [zz],\n4,apatridie,statelessness,,\n",
        );
        let table = crate::glossary::table::tokenize(&s).unwrap();
        let (g, findings) = read_csv_recovering("g.csv", &table).unwrap();
        let heads: Vec<&str> = g.concepts.iter().map(|c| c.headword()).collect();
        assert_eq!(heads, vec!["OIM", "apatridie"]);
        let msgs: Vec<String> = findings
            .iter()
            .map(|f| format!("{} {:?} {}", f.rule, f.line, f.message))
            .collect();
        assert_eq!(findings.len(), 4, "{msgs:#?}");
        assert!(
            msgs[0].starts_with("unrecognised Some(1) unknown column(s) `extra`"),
            "{msgs:#?}"
        );
        assert!(msgs[1].contains("duplicate id `1`"), "{msgs:#?}");
        assert!(
            msgs[2].contains("row has 3 fields, the header has 5"),
            "{msgs:#?}"
        );
        assert!(msgs[3].contains("unknown tag `zz`"), "{msgs:#?}");
    }
}
