//! The streaming TMX 1.4b writer.

use super::xml::{escape_attr_into, escape_text_into, is_language_tag, strip_illegal};
use super::{TmxHeader, TranslationUnit, MAX_SEGMENT_CHARS};
use crate::error::{Error, Result};
use crate::warning::Warning;
use std::io::Write;

/// Name used in error messages for problems in the header.
const HEADER: &str = "TMX header";

/// Writes a TMX 1.4b document unit by unit; memory does not grow with the number of units.
///
/// Each unit is first rendered into an internal buffer and checked, then written in one go, so a
/// refused unit leaves the document intact and the caller may carry on.
pub struct TmxWriter<W: Write> {
    out: W,
    warnings: Vec<Warning>,
    src_lang: String,
    buf: String,
    units: u64,
}

/// `creationdate` for now, as `YYYYMMDDThhmmssZ`.
pub fn now_tmx_date() -> String {
    let now = time::OffsetDateTime::now_utc();
    let fmt = time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");
    now.format(&fmt)
        .unwrap_or_else(|_| "19700101T000000Z".to_string())
}

/// True if `date` is a TMX date `YYYYMMDDThhmmssZ` naming a real instant (calendar-checked by
/// the `time` crate: `20240229T000000Z` is one, `20240231T000000Z` is not).
///
/// ```
/// use trame::tmx::writer::is_tmx_date;
/// assert!(is_tmx_date("20240229T235959Z"));
/// assert!(!is_tmx_date("20240231T000000Z"));
/// assert!(!is_tmx_date("2024-02-01T00:00:00Z"));
/// ```
pub fn is_tmx_date(date: &str) -> bool {
    let fmt = time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");
    date.len() == 16 && time::PrimitiveDateTime::parse(date, &fmt).is_ok()
}

fn io_err(e: std::io::Error) -> Error {
    Error::output(e)
}

impl<W: Write> TmxWriter<W> {
    /// Writes the XML declaration, `<tmx version="1.4">`, the header and `<body>`.
    ///
    /// Fails (`Error::Invalid`) if `srclang` or `adminlang` is not a concrete BCP 47 tag
    /// (`*` is refused: readers drop or merge units over it), if a required header field is
    /// empty, or if `creation_date` is not `YYYYMMDDThhmmssZ`.
    pub fn new(mut out: W, header: &TmxHeader) -> Result<Self> {
        if !is_language_tag(&header.src_lang) {
            return Err(Error::invalid(
                HEADER,
                format!(
                    "srclang `{}` is not a language tag such as `fr` or `fr-FR`",
                    header.src_lang
                ),
            ));
        }
        if !is_language_tag(&header.admin_lang) {
            return Err(Error::invalid(
                HEADER,
                format!(
                    "adminlang `{}` is not a language tag such as `en`",
                    header.admin_lang
                ),
            ));
        }
        for (name, value) in [
            ("creationtool", &header.creation_tool),
            ("creationtoolversion", &header.creation_tool_version),
            ("segtype", &header.segtype),
            ("o-tmf", &header.o_tmf),
            ("datatype", &header.datatype),
        ] {
            if value.trim().is_empty() {
                return Err(Error::invalid(HEADER, format!("{name} is empty")));
            }
        }
        if !matches!(
            header.segtype.as_str(),
            "block" | "paragraph" | "sentence" | "phrase"
        ) {
            return Err(Error::invalid(
                HEADER,
                format!(
                    "segtype `{}` is not one of block, paragraph, sentence, phrase",
                    header.segtype
                ),
            ));
        }
        let date = match &header.creation_date {
            Some(d) if is_tmx_date(d) => d.clone(),
            Some(d) => {
                return Err(Error::invalid(
                    HEADER,
                    format!("creationdate `{d}` is not YYYYMMDDThhmmssZ"),
                ))
            }
            None => now_tmx_date(),
        };
        let mut warnings = Vec::new();
        let mut s = String::with_capacity(512);
        s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.push_str("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n");
        s.push_str("<tmx version=\"1.4\">\n  <header");
        for (name, value) in [
            ("creationtool", header.creation_tool.as_str()),
            ("creationtoolversion", &header.creation_tool_version),
            ("segtype", &header.segtype),
            ("o-tmf", &header.o_tmf),
            ("adminlang", &header.admin_lang),
            ("srclang", &header.src_lang),
            ("datatype", &header.datatype),
            ("creationdate", &date),
        ] {
            let (clean, removed) = strip_illegal(value);
            if removed > 0 {
                warnings.push(Warning::IllegalCharacters {
                    at: HEADER.into(),
                    field: name.to_string(),
                    removed,
                });
            }
            s.push(' ');
            s.push_str(name);
            s.push_str("=\"");
            escape_attr_into(&clean, &mut s);
            s.push('"');
        }
        if header.props.is_empty() {
            s.push_str("/>\n");
        } else {
            s.push_str(">\n");
            for p in &header.props {
                push_prop(
                    &mut s,
                    "    ",
                    &p.kind,
                    &p.value,
                    "TMX header",
                    &mut warnings,
                )?;
            }
            s.push_str("  </header>\n");
        }
        s.push_str("  <body>\n");
        out.write_all(s.as_bytes()).map_err(io_err)?;
        Ok(TmxWriter {
            out,
            warnings,
            src_lang: header.src_lang.clone(),
            buf: String::with_capacity(1024),
            units: 0,
        })
    }

    /// Writes one `<tu>`; XML-illegal characters are removed and a warning is recorded.
    ///
    /// Refuses (`Error::Invalid`, nothing written) a unit that would make the file invalid or
    /// useless: fewer than two variants, a language that is not a BCP 47 tag, an empty segment
    /// (also after removing illegal characters), no variant in the header's `srclang`, an empty
    /// prop type.
    pub fn write_unit(&mut self, tu: &TranslationUnit) -> Result<()> {
        let label = match &tu.tuid {
            Some(id) => format!("tu {id}"),
            None => format!("tu #{}", self.units + 1),
        };
        if tu.variants.len() < 2 {
            return Err(Error::invalid(
                label,
                format!(
                    "has {} variant(s); a TMX unit needs at least 2",
                    tu.variants.len()
                ),
            ));
        }
        if !tu
            .variants
            .iter()
            .any(|v| v.lang.eq_ignore_ascii_case(&self.src_lang))
        {
            return Err(Error::invalid(
                label,
                format!("has no variant in the source language `{}`", self.src_lang),
            ));
        }
        let mut warnings = Vec::new();
        let s = &mut self.buf;
        s.clear();
        s.push_str("    <tu");
        if let Some(id) = &tu.tuid {
            let (clean, removed) = strip_illegal(id);
            if removed > 0 {
                warnings.push(Warning::IllegalCharacters {
                    at: label.to_string(),
                    field: "the tuid".into(),
                    removed,
                });
            }
            s.push_str(" tuid=\"");
            escape_attr_into(&clean, s);
            s.push('"');
        }
        s.push_str(">\n");
        for p in &tu.props {
            push_prop(s, "      ", &p.kind, &p.value, &label, &mut warnings)?;
        }
        for v in &tu.variants {
            if !is_language_tag(&v.lang) {
                return Err(Error::invalid(
                    label,
                    format!(
                        "variant language `{}` is not a language tag such as `fr` or `en-GB`",
                        v.lang
                    ),
                ));
            }
            let (clean, removed) = strip_illegal(&v.text);
            if removed > 0 {
                warnings.push(Warning::IllegalCharacters {
                    at: label.to_string(),
                    field: format!("the {} segment", v.lang),
                    removed,
                });
            }
            if clean.trim().is_empty() {
                return Err(Error::invalid(
                    label,
                    format!("the {} segment is empty", v.lang),
                ));
            }
            let chars = clean.chars().count();
            if chars > MAX_SEGMENT_CHARS {
                warnings.push(Warning::LongSegment {
                    at: label.to_string(),
                    lang: v.lang.clone(),
                    chars,
                    limit: MAX_SEGMENT_CHARS,
                });
            }
            s.push_str("      <tuv xml:lang=\"");
            escape_attr_into(&v.lang, s);
            s.push_str("\"><seg>");
            escape_text_into(&clean, s);
            s.push_str("</seg></tuv>\n");
        }
        s.push_str("    </tu>\n");
        self.out.write_all(s.as_bytes()).map_err(io_err)?;
        self.units += 1;
        self.warnings.append(&mut warnings);
        Ok(())
    }

    /// Number of units written so far.
    pub fn units_written(&self) -> u64 {
        self.units
    }

    /// Warnings recorded so far (removed characters, over-long segments…), drained.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// Closes the document and returns the underlying writer (flushed).
    pub fn finish(mut self) -> Result<W> {
        self.out.write_all(b"  </body>\n</tmx>\n").map_err(io_err)?;
        self.out.flush().map_err(io_err)?;
        Ok(self.out)
    }
}

fn push_prop(
    s: &mut String,
    indent: &str,
    kind: &str,
    value: &str,
    label: &str,
    warnings: &mut Vec<Warning>,
) -> Result<()> {
    let (kind, removed_k) = strip_illegal(kind);
    if kind.trim().is_empty() {
        return Err(Error::invalid(label, "a <prop> has an empty type"));
    }
    let (value, removed_v) = strip_illegal(value);
    if removed_k + removed_v > 0 {
        warnings.push(Warning::IllegalCharacters {
            at: label.to_string(),
            field: format!("prop {kind}"),
            removed: removed_k + removed_v,
        });
    }
    s.push_str(indent);
    s.push_str("<prop type=\"");
    escape_attr_into(&kind, s);
    s.push_str("\">");
    escape_text_into(&value, s);
    s.push_str("</prop>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Prop, Variant};
    use super::*;

    fn header() -> TmxHeader {
        let mut h = TmxHeader::new("fr");
        h.creation_date = Some("20260101T120000Z".into());
        h
    }

    fn unit(id: &str, fr: &str, en: &str) -> TranslationUnit {
        TranslationUnit {
            tuid: Some(id.into()),
            props: vec![Prop::new("x-line", "3")],
            variants: vec![Variant::new("fr", fr), Variant::new("en", en)],
        }
    }

    fn write(units: &[TranslationUnit]) -> (String, Vec<Warning>) {
        let mut w = TmxWriter::new(Vec::new(), &header()).unwrap();
        for u in units {
            w.write_unit(u).unwrap();
        }
        let warnings = w.take_warnings();
        (String::from_utf8(w.finish().unwrap()).unwrap(), warnings)
    }

    #[test]
    fn writes_the_full_header_and_a_unit() {
        let (xml, warnings) = write(&[unit("1", "Bonjour", "Hello")]);
        assert!(warnings.is_empty());
        assert_eq!(
            xml,
            concat!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n\
             <tmx version=\"1.4\">\n  <header creationtool=\"trame\" creationtoolversion=\"", env!("CARGO_PKG_VERSION"), "\" \
             segtype=\"sentence\" o-tmf=\"trame\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\" \
             creationdate=\"20260101T120000Z\"/>\n  <body>\n    <tu tuid=\"1\">\n      \
             <prop type=\"x-line\">3</prop>\n      <tuv xml:lang=\"fr\"><seg>Bonjour</seg></tuv>\n      \
             <tuv xml:lang=\"en\"><seg>Hello</seg></tuv>\n    </tu>\n  </body>\n</tmx>\n")
        );
    }

    #[test]
    fn escapes_markup_and_cdata_end() {
        let (xml, _) = write(&[unit("a\"b", "R&D <b> ]]>", "x")]);
        assert!(xml.contains("<tu tuid=\"a&quot;b\">"));
        assert!(xml.contains("<seg>R&amp;D &lt;b&gt; ]]&gt;</seg>"));
    }

    #[test]
    fn control_characters_are_removed_with_a_warning_naming_the_unit() {
        let (xml, warnings) = write(&[unit("7", "a\u{B}b", "c\u{1}d\u{FFFF}")]);
        assert!(xml.contains("<seg>ab</seg>") && xml.contains("<seg>cd</seg>"));
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            vec![
                "tu 7: removed 1 XML-illegal character(s) from the fr segment",
                "tu 7: removed 2 XML-illegal character(s) from the en segment"
            ]
        );
    }

    #[test]
    fn long_segments_warn_and_are_kept_whole() {
        let long = "é".repeat(2001);
        let (xml, warnings) = write(&[unit("1", &long, "x")]);
        assert!(xml.contains(&long));
        assert_eq!(warnings.len(), 1);
        assert_eq!(
            warnings[0],
            Warning::LongSegment {
                at: "tu 1".into(),
                lang: "fr".into(),
                chars: 2001,
                limit: 2000
            }
        );
        assert!(warnings[0]
            .to_string()
            .starts_with("tu 1: the fr segment has 2001 characters"));
    }

    #[test]
    fn invalid_units_are_refused_and_nothing_is_written_for_them() {
        let mut w = TmxWriter::new(Vec::new(), &header()).unwrap();
        let mut one = unit("1", "a", "b");
        one.variants.pop();
        let err = w.write_unit(&one).unwrap_err().to_string();
        assert_eq!(err, "tu 1: has 1 variant(s); a TMX unit needs at least 2");
        let err = w.write_unit(&unit("2", " ", "b")).unwrap_err().to_string();
        assert_eq!(err, "tu 2: the fr segment is empty");
        let err = w
            .write_unit(&unit("3", "\u{1}", "b"))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "tu 3: the fr segment is empty");
        let mut no_src = unit("4", "a", "b");
        no_src.variants[0].lang = "de".into();
        let err = w.write_unit(&no_src).unwrap_err().to_string();
        assert_eq!(err, "tu 4: has no variant in the source language `fr`");
        let mut bad_lang = unit("5", "a", "b");
        bad_lang.variants[1].lang = "en_GB".into();
        assert!(w.write_unit(&bad_lang).is_err());
        w.write_unit(&unit("6", "a", "b")).unwrap();
        let xml = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(xml.matches("<tu ").count(), 1);
        assert!(xml.contains("<tu tuid=\"6\">"));
    }

    #[test]
    fn header_checks() {
        assert!(TmxWriter::new(Vec::new(), &TmxHeader::new("*")).is_err());
        assert!(TmxWriter::new(Vec::new(), &TmxHeader::new("fr_FR")).is_err());
        let mut h = header();
        h.creation_date = Some("2026-01-01".into());
        assert!(TmxWriter::new(Vec::new(), &h).is_err());
        let w = TmxWriter::new(Vec::new(), &TmxHeader::new("fr-FR")).unwrap();
        let xml = String::from_utf8(w.finish().unwrap()).unwrap();
        let date = xml.split("creationdate=\"").nth(1).unwrap();
        assert!(is_tmx_date(&date[..16]), "{date}");
    }
}
