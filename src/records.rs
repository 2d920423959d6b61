//! Record input (`--input-format jsonl`): one JSON object per line, each a document.
//!
//! `{"id": …, "text": …}` for `segment` and `terms`, `{"id": …, "fr": …, "en": …}` for `align`.
//! This is the shape of a stdin-stdout filter under GNU parallel `--pipe`, Spark `RDD.pipe` or
//! Hadoop streaming. A record's id names the document in the output (`"doc"`); its text is
//! treated exactly as a file holding the UTF-8 encoding of that text (a leading U+FEFF is a
//! byte-order mark, byte offsets count it), so the output equals the run over such files.

use crate::error::{Error, Result};
use crate::input::{decode, Source};

/// One record: its id, its line in the input (1-based) and its text fields, in the order asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The record's `id`.
    pub id: String,
    /// 1-based line of the record in the input.
    pub line: usize,
    /// The text fields asked for, in order.
    pub fields: Vec<String>,
}

/// Parses the records of `input` (the JSON Lines text of the file or stdin named `input.path`),
/// each an object with an `id` (string or integer) and the string `fields`. Blank lines are
/// skipped. A malformed record is an error naming `path:line:column`.
pub fn parse_records(input: &Source, fields: &[&str]) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    for (n, raw) in input.text.split('\n').enumerate() {
        let line = n + 1;
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        if text.trim().is_empty() {
            continue;
        }
        let bad =
            |column: usize, message: String| Error::syntax(&input.path, line, column, message);
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| bad(e.column().max(1), format!("invalid JSON record: {e}")))?;
        let obj = value.as_object().ok_or_else(|| {
            bad(
                1,
                format!("a record must be a JSON object with {}", expected(fields)),
            )
        })?;
        let id = match obj.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
            Some(_) => return Err(bad(1, "`id` must be a string or an integer".into())),
            None => {
                return Err(bad(
                    1,
                    format!("record without `id` ({})", expected(fields)),
                ))
            }
        };
        let mut values = Vec::with_capacity(fields.len());
        for f in fields {
            match obj.get(*f) {
                Some(serde_json::Value::String(s)) => values.push(s.clone()),
                Some(_) => return Err(bad(1, format!("record `{id}`: `{f}` must be a string"))),
                None => {
                    return Err(bad(
                        1,
                        format!("record `{id}` without `{f}` ({})", expected(fields)),
                    ))
                }
            }
        }
        out.push(Record {
            id,
            line,
            fields: values,
        });
    }
    Ok(out)
}

fn expected(fields: &[&str]) -> String {
    let mut keys = vec!["\"id\"".to_string()];
    keys.extend(fields.iter().map(|f| format!("\"{f}\"")));
    format!("expected keys {}", keys.join(", "))
}

/// The document a record's text stands for: named by the record's id, decoded as the bytes
/// of a file holding `text` in UTF-8 (a leading U+FEFF is a BOM; a NUL is an error, as for files).
pub fn record_source(id: &str, text: &str) -> Result<Source> {
    decode(id, text.as_bytes(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source {
            path: "in.jsonl".into(),
            text: text.into(),
            encoding: "UTF-8",
            bom_len: 0,
        }
    }

    #[test]
    fn records_keep_ids_lines_and_fields() {
        let r = parse_records(
            &src("{\"id\":\"a\",\"text\":\"Un.\"}\r\n\n{\"id\":7,\"text\":\"\"}\n"),
            &["text"],
        )
        .unwrap();
        assert_eq!(
            r,
            vec![
                Record {
                    id: "a".into(),
                    line: 1,
                    fields: vec!["Un.".into()]
                },
                Record {
                    id: "7".into(),
                    line: 3,
                    fields: vec![String::new()]
                },
            ]
        );
    }

    #[test]
    fn malformed_records_name_their_line() {
        let e = parse_records(
            &src("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\"}\n"),
            &["text"],
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "in.jsonl:2:1: record `b` without `text` (expected keys \"id\", \"text\")"
        );
        let e = parse_records(&src("\n\n{\"id\": \"a\", \"text\": 3"), &["text"]).unwrap_err();
        assert!(e.to_string().starts_with("in.jsonl:3:"), "{e}");
        let e = parse_records(&src("[1]"), &["fr", "en"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "in.jsonl:1:1: a record must be a JSON object with expected keys \"id\", \"fr\", \"en\""
        );
        let e = parse_records(&src("{\"id\":null,\"text\":\"x\"}"), &["text"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "in.jsonl:1:1: `id` must be a string or an integer"
        );
    }

    #[test]
    fn a_leading_feff_is_a_bom() {
        let s = record_source("d", "\u{feff}Texte.").unwrap();
        assert_eq!(
            (s.text.as_str(), s.bom_len, s.path.as_str()),
            ("Texte.", 3, "d")
        );
    }
}
