//! Tabular views of a TMX: building one from a two-column TSV (`trame tmx from-tsv`) and
//! writing units as TSV or JSON Lines (`trame tmx convert`).
//!
//! # TSV conventions (both directions)
//! One unit per line: `source<TAB>target`, UTF-8 (a BOM or UTF-16 with BOM is accepted on input).
//! Inside a cell, a tab, line feed, carriage return and backslash are written `\t`, `\n`, `\r`
//! and `\\`; on input these four escapes are decoded and any other backslash is kept as is.
//! On input: blank lines are ignored; a first line whose two cells are the two language codes
//! (`fr<TAB>en`, primary subtags compared, any case) or `source<TAB>target` is a header and is
//! not a unit; any other line must have exactly two cells, both non-empty, or the whole run
//! fails with file:line:column and nothing is written.

use super::writer::TmxWriter;
use super::xml::Utf8Stream;
use super::{primary_subtag, props, Prop, TmxHeader, TranslationUnit, Variant};
use crate::error::{Error, Result};
use std::io::{BufRead, BufReader, Read, Write};

/// What [`tsv_to_tmx`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TsvReport {
    /// Units written.
    pub units: u64,
    /// True if the first line was recognised as a header.
    pub header_line: bool,
    /// Writer warnings (removed control characters, long segments), in order.
    pub warnings: Vec<String>,
}

/// Decodes the cell escapes `\t`, `\n`, `\r`, `\\`; any other backslash stays.
pub fn unescape_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.peek() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('\\') => out.push('\\'),
                _ => {
                    out.push('\\');
                    continue;
                }
            }
            chars.next();
        } else {
            out.push(c);
        }
    }
    out
}

/// Encodes a cell: tab, line feed, carriage return and backslash as `\t`, `\n`, `\r`, `\\`.
pub fn escape_cell(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
}

fn is_header_row(a: &str, b: &str, src: &str, tgt: &str) -> bool {
    let same = |cell: &str, lang: &str| {
        cell.eq_ignore_ascii_case(lang) || cell.eq_ignore_ascii_case(primary_subtag(lang))
    };
    (same(a, src) && same(b, tgt))
        || (a.eq_ignore_ascii_case("source") && b.eq_ignore_ascii_case("target"))
}

/// Streams a two-column TSV (`name` for messages and the `x-document` prop, `-` for none) into
/// a TMX on `out`. The header's `src_lang` is the first column's language; `tgt_lang` the
/// second's. Each unit gets `tuid` = its line number and the props `x-document` (unless the
/// input is stdin) and `x-line`.
pub fn tsv_to_tmx(
    name: &str,
    input: impl Read,
    header: &TmxHeader,
    tgt_lang: &str,
    out: &mut dyn Write,
) -> Result<TsvReport> {
    let stream = Utf8Stream::new(input).map_err(|e| Error::io(name, e))?;
    let mut lines = BufReader::with_capacity(64 * 1024, stream);
    let mut writer = TmxWriter::new(out, header)?;
    let src_lang = header.src_lang.clone();
    let mut report = TsvReport::default();
    let mut raw = Vec::new();
    let mut line_no = 0usize;
    let mut seen_data = false;
    loop {
        raw.clear();
        let n = lines
            .read_until(b'\n', &mut raw)
            .map_err(|e| Error::io(name, e))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let line = match std::str::from_utf8(&raw) {
            Ok(s) => s,
            Err(e) => {
                let good = std::str::from_utf8(&raw[..e.valid_up_to()]).unwrap_or_default();
                return Err(Error::syntax(
                    name,
                    line_no,
                    good.chars().count() + 1,
                    "invalid UTF-8 (trame reads UTF-8, or UTF-16 with a BOM)",
                ));
            }
        };
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != 2 {
            return Err(Error::syntax(
                name,
                line_no,
                1,
                format!(
                    "expected 2 tab-separated columns ({src_lang}, {tgt_lang}), found {}",
                    cells.len()
                ),
            ));
        }
        if !seen_data {
            seen_data = true;
            if is_header_row(cells[0].trim(), cells[1].trim(), &src_lang, tgt_lang) {
                report.header_line = true;
                continue;
            }
        }
        let src = unescape_cell(cells[0]);
        let tgt = unescape_cell(cells[1]);
        for (i, (cell, lang)) in [(&src, &src_lang), (&tgt, &tgt_lang.to_string())]
            .into_iter()
            .enumerate()
        {
            if cell.trim().is_empty() {
                let column = if i == 0 {
                    1
                } else {
                    cells[0].chars().count() + 2
                };
                return Err(Error::syntax(
                    name,
                    line_no,
                    column,
                    format!("empty {lang} cell (a TMX unit needs text on both sides)"),
                ));
            }
        }
        let mut tu_props = Vec::with_capacity(2);
        if name != "-" {
            tu_props.push(Prop::new(props::DOCUMENT, name));
        }
        tu_props.push(Prop::new(props::LINE, line_no.to_string()));
        let tu = TranslationUnit {
            tuid: Some(line_no.to_string()),
            props: tu_props,
            variants: vec![Variant::new(&src_lang, src), Variant::new(tgt_lang, tgt)],
        };
        writer.write_unit(&tu).map_err(|e| match e {
            Error::Invalid { message, .. } => Error::syntax(name, line_no, 1, message),
            other => other,
        })?;
        report.units += 1;
        for w in writer.take_warnings() {
            report.warnings.push(format!("{name}:{line_no}: {w}"));
        }
    }
    writer.finish()?;
    Ok(report)
}

/// Appends one TSV row `source<TAB>target\n` for `tu` (see the module conventions). Returns
/// `false` (and writes nothing) if the unit has fewer than two variants.
pub fn push_tsv_row(tu: &TranslationUnit, src_lang: Option<&str>, out: &mut String) -> bool {
    let Some((s, t)) = tu.pair(src_lang) else {
        return false;
    };
    escape_cell(&s.text, out);
    out.push('\t');
    escape_cell(&t.text, out);
    out.push('\n');
    true
}

/// One JSON Lines object for `tu`: `{"tuid", "src_lang", "src", "tgt_lang", "tgt", "props":
/// [{"type", "value"}…]}`, `tuid` being `null` when absent. `None` if the unit has fewer than
/// two variants.
pub fn jsonl_row(tu: &TranslationUnit, src_lang: Option<&str>) -> Option<String> {
    #[derive(serde::Serialize)]
    struct PropRow<'a> {
        #[serde(rename = "type")]
        kind: &'a str,
        value: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Row<'a> {
        tuid: Option<&'a str>,
        src_lang: &'a str,
        src: &'a str,
        tgt_lang: &'a str,
        tgt: &'a str,
        props: Vec<PropRow<'a>>,
    }
    let (s, t) = tu.pair(src_lang)?;
    let row = Row {
        tuid: tu.tuid.as_deref(),
        src_lang: &s.lang,
        src: &s.text,
        tgt_lang: &t.lang,
        tgt: &t.text,
        props: tu
            .props
            .iter()
            .map(|p| PropRow {
                kind: &p.kind,
                value: &p.value,
            })
            .collect(),
    };
    serde_json::to_string(&row).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_escapes_round_trip() {
        let text = "a\tb\nc\\d\re \\x";
        let mut esc = String::new();
        escape_cell(text, &mut esc);
        assert_eq!(esc, "a\\tb\\nc\\\\d\\re \\\\x");
        assert_eq!(unescape_cell(&esc), text);
        assert_eq!(unescape_cell("C:\\dir\\"), "C:\\dir\\");
    }

    fn run(tsv: &str) -> Result<(String, TsvReport)> {
        let mut h = TmxHeader::new("fr");
        h.creation_date = Some("20260101T000000Z".into());
        let mut out = Vec::new();
        let r = tsv_to_tmx("in.tsv", tsv.as_bytes(), &h, "en", &mut out)?;
        Ok((String::from_utf8(out).unwrap(), r))
    }

    #[test]
    fn header_line_is_detected_and_units_carry_line_props() {
        let (xml, r) = run("FR\ten\r\nBonjour\tHello\r\n\r\nMerci\\tbien\tThanks\n").unwrap();
        assert!(r.header_line);
        assert_eq!(r.units, 2);
        assert!(xml.contains("<tu tuid=\"2\">\n      <prop type=\"x-document\">in.tsv</prop>\n      <prop type=\"x-line\">2</prop>"));
        assert!(xml.contains("<seg>Merci\tbien</seg>"));
        assert!(!xml.contains("<seg>FR</seg>"));
    }

    #[test]
    fn wrong_column_count_and_empty_cells_name_the_line() {
        assert_eq!(
            run("a\tb\nc\n").unwrap_err().to_string(),
            "in.tsv:2:1: expected 2 tab-separated columns (fr, en), found 1"
        );
        assert_eq!(
            run("a\tb\tc\n").unwrap_err().to_string(),
            "in.tsv:1:1: expected 2 tab-separated columns (fr, en), found 3"
        );
        assert_eq!(
            run("a\tb\nabc\t \n").unwrap_err().to_string(),
            "in.tsv:2:5: empty en cell (a TMX unit needs text on both sides)"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let mut h = TmxHeader::new("fr");
        h.creation_date = Some("20260101T000000Z".into());
        let err = tsv_to_tmx(
            "in.tsv",
            &b"a\tb\ncaf\xE9\tx\n"[..],
            &h,
            "en",
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "in.tsv:2:4: invalid UTF-8 (trame reads UTF-8, or UTF-16 with a BOM)"
        );
    }

    #[test]
    fn control_characters_warn_with_file_and_line() {
        let (xml, r) = run("a\u{B}b\tc\n").unwrap();
        assert!(xml.contains("<seg>ab</seg>"));
        assert_eq!(
            r.warnings,
            vec!["in.tsv:1: tu 1: removed 1 XML-illegal character(s) from the fr segment"]
        );
    }

    #[test]
    fn rows_and_jsonl() {
        let tu = TranslationUnit {
            tuid: Some("3".into()),
            props: vec![Prop::new("x-line", "3")],
            variants: vec![Variant::new("en", "Hi\tthere"), Variant::new("fr", "Salut")],
        };
        let mut s = String::new();
        assert!(push_tsv_row(&tu, Some("fr"), &mut s));
        assert_eq!(s, "Salut\tHi\\tthere\n");
        assert_eq!(
            jsonl_row(&tu, Some("fr")).unwrap(),
            r#"{"tuid":"3","src_lang":"fr","src":"Salut","tgt_lang":"en","tgt":"Hi\tthere","props":[{"type":"x-line","value":"3"}]}"#
        );
    }
}
