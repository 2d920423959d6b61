//! Output formats of an alignment: TMX, TSV, JSON lines, links (the gold format) and a
//! self-contained HTML review page.

use super::Bead;
use crate::error::{Error, Result};
use crate::tmx::{Prop, TmxHeader, TmxWriter, TranslationUnit, Variant};
use std::io::Write;

/// One aligned document: its name, its sentences and the beads linking them.
#[derive(Debug, Clone)]
pub struct AlignedDoc {
    /// Shown in TMX `x-document` props, JSON and HTML (usually the file name).
    pub name: String,
    pub src: Vec<String>,
    pub tgt: Vec<String>,
    pub beads: Vec<Bead>,
}

impl AlignedDoc {
    /// The sentences of a bead, joined with a space, for each side.
    pub fn texts(&self, bead: &Bead) -> (String, String) {
        let join = |ids: &[usize], sents: &[String]| {
            ids.iter()
                .filter_map(|&i| sents.get(i).map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ")
        };
        (join(&bead.src, &self.src), join(&bead.tgt, &self.tgt))
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TMX 1.4b; beads with an empty side and beads below the minimum confidence are left out.
    Tmx,
    /// `fr<TAB>en<TAB>confidence` per bead (tabs and line breaks inside text become spaces).
    Tsv,
    /// One JSON object per bead.
    Jsonl,
    /// `src_ids<TAB>tgt_ids` per bead (the gold format); `# NAME` before each document when
    /// there are several.
    Links,
    /// A side-by-side review page, low-confidence rows highlighted.
    Html,
}

impl Format {
    /// Parses a `--format` value.
    pub fn parse(s: &str) -> Result<Format> {
        match s.to_ascii_lowercase().as_str() {
            "tmx" => Ok(Format::Tmx),
            "tsv" => Ok(Format::Tsv),
            "jsonl" => Ok(Format::Jsonl),
            "links" => Ok(Format::Links),
            "html" => Ok(Format::Html),
            _ => Err(Error::Usage(format!(
                "unknown format `{s}` (expected tmx, tsv, jsonl, links or html)"
            ))),
        }
    }

    /// The format implied by an output file name (`.tmx`, `.tsv`, `.jsonl`, `.html`, `.links`).
    pub fn from_extension(path: &str) -> Option<Format> {
        let ext = std::path::Path::new(path)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match ext.as_str() {
            "tmx" => Some(Format::Tmx),
            "tsv" => Some(Format::Tsv),
            "jsonl" => Some(Format::Jsonl),
            "html" | "htm" => Some(Format::Html),
            "links" | "gold" => Some(Format::Links),
            _ => None,
        }
    }
}

/// Settings of the writers.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub format: Format,
    /// TMX: beads below this confidence are dropped.
    pub min_confidence: f64,
    /// Language codes of the two sides (`fr`, `en`).
    pub src_lang: String,
    pub tgt_lang: String,
    /// HTML: rows below this confidence are highlighted.
    pub low_confidence: f64,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            format: Format::Tsv,
            min_confidence: 0.0,
            src_lang: "fr".into(),
            tgt_lang: "en".into(),
            low_confidence: 0.5,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportStats {
    /// Beads written.
    pub written: usize,
    /// Beads left out (TMX: empty side or below the minimum confidence).
    pub skipped: usize,
    /// Warnings of the TMX writer.
    pub warnings: Vec<crate::Warning>,
}

fn io(e: std::io::Error) -> Error {
    Error::output(e)
}

fn ids(v: &[usize]) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn flat(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Writes `docs` in `opts.format` to `out`.
pub fn write(
    docs: &[AlignedDoc],
    opts: &ExportOptions,
    out: &mut dyn Write,
) -> Result<ExportStats> {
    match opts.format {
        Format::Tmx => write_tmx(docs, opts, out),
        Format::Tsv => {
            let mut n = 0;
            for d in docs {
                for b in &d.beads {
                    let (s, t) = d.texts(b);
                    writeln!(out, "{}\t{}\t{:.3}", flat(&s), flat(&t), b.confidence).map_err(io)?;
                    n += 1;
                }
            }
            Ok(ExportStats {
                written: n,
                ..Default::default()
            })
        }
        Format::Jsonl => {
            let mut n = 0;
            for d in docs {
                for b in &d.beads {
                    let (s, t) = d.texts(b);
                    let obj = serde_json::json!({
                        "document": d.name,
                        "src_ids": b.src,
                        "tgt_ids": b.tgt,
                        "src": s,
                        "tgt": t,
                        "confidence": (b.confidence * 1000.0).round() / 1000.0,
                    });
                    writeln!(out, "{obj}").map_err(io)?;
                    n += 1;
                }
            }
            Ok(ExportStats {
                written: n,
                ..Default::default()
            })
        }
        Format::Links => {
            let mut n = 0;
            for d in docs {
                if docs.len() > 1 {
                    writeln!(out, "# {}", flat(&d.name)).map_err(io)?;
                }
                for b in &d.beads {
                    writeln!(out, "{}\t{}", ids(&b.src), ids(&b.tgt)).map_err(io)?;
                    n += 1;
                }
            }
            Ok(ExportStats {
                written: n,
                ..Default::default()
            })
        }
        Format::Html => write_html(docs, opts, out),
    }
}

fn write_tmx(
    docs: &[AlignedDoc],
    opts: &ExportOptions,
    out: &mut dyn Write,
) -> Result<ExportStats> {
    let mut w = TmxWriter::new(out, &TmxHeader::new(opts.src_lang.clone()))?;
    let mut stats = ExportStats::default();
    for d in docs {
        for (k, b) in d.beads.iter().enumerate() {
            if b.src.is_empty() || b.tgt.is_empty() || b.confidence < opts.min_confidence {
                stats.skipped += 1;
                continue;
            }
            let (s, t) = d.texts(b);
            let prop = |kind: &str, value: String| Prop {
                kind: kind.into(),
                value,
            };
            let tu = TranslationUnit {
                tuid: Some(format!("{}#{}", d.name, k + 1)),
                props: vec![
                    prop("x-document", d.name.clone()),
                    prop("x-confidence", format!("{:.3}", b.confidence)),
                    prop("x-bead", b.kind()),
                    prop("x-src-ids", ids(&b.src)),
                    prop("x-tgt-ids", ids(&b.tgt)),
                ],
                variants: vec![
                    Variant {
                        lang: opts.src_lang.clone(),
                        text: s,
                    },
                    Variant {
                        lang: opts.tgt_lang.clone(),
                        text: t,
                    },
                ],
            };
            w.write_unit(&tu)?;
            stats.written += 1;
        }
    }
    stats.warnings = w.take_warnings();
    w.finish()?;
    Ok(stats)
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

const STYLE: &str = "body{font-family:sans-serif;margin:1em 2em;color:#222}\
table{border-collapse:collapse;width:100%;margin-bottom:2em}\
td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}\
th{background:#eee}td.n{white-space:nowrap;color:#666;font-size:85%}\
tr.low{background:#fff1c2}tr.gap{background:#fde0e0}\
.legend span{padding:2px 6px;margin-right:1em}";

fn write_html(
    docs: &[AlignedDoc],
    opts: &ExportOptions,
    out: &mut dyn Write,
) -> Result<ExportStats> {
    let mut n = 0;
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>trame alignment review</title>\n");
    h.push_str(&format!(
        "<style>{STYLE}</style>\n</head>\n<body>\n<h1>Alignment review</h1>\n"
    ));
    h.push_str(&format!(
        "<p class=\"legend\"><span class=\"low\" style=\"background:#fff1c2\">confidence &lt; {:.2}</span><span style=\"background:#fde0e0\">no counterpart</span></p>\n",
        opts.low_confidence
    ));
    for d in docs {
        h.push_str(&format!("<h2>{}</h2>\n<table>\n<tr><th>#</th><th>{}</th><th>{}</th><th>bead</th><th>confidence</th></tr>\n",
            escape_html(&d.name), escape_html(&opts.src_lang), escape_html(&opts.tgt_lang)));
        for (k, b) in d.beads.iter().enumerate() {
            let (s, t) = d.texts(b);
            let class = if b.src.is_empty() || b.tgt.is_empty() {
                " class=\"gap\""
            } else if b.confidence < opts.low_confidence {
                " class=\"low\""
            } else {
                ""
            };
            h.push_str(&format!(
                "<tr{class}><td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{:.2}</td></tr>\n",
                k + 1,
                escape_html(&s),
                escape_html(&t),
                b.kind(),
                b.confidence
            ));
            n += 1;
        }
        h.push_str("</table>\n");
    }
    h.push_str("</body>\n</html>\n");
    out.write_all(h.as_bytes()).map_err(io)?;
    Ok(ExportStats {
        written: n,
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> AlignedDoc {
        AlignedDoc {
            name: "d".into(),
            src: vec!["Un <b>.".into(), "Deux.".into(), "Trois.".into()],
            tgt: vec!["One & two.".into()],
            beads: vec![
                Bead {
                    src: vec![0, 1],
                    tgt: vec![0],
                    confidence: 0.9,
                },
                Bead {
                    src: vec![2],
                    tgt: vec![],
                    confidence: 0.2,
                },
            ],
        }
    }

    #[test]
    fn links_and_tsv() {
        let mut v = Vec::new();
        write(
            &[doc()],
            &ExportOptions {
                format: Format::Links,
                ..Default::default()
            },
            &mut v,
        )
        .unwrap();
        assert_eq!(String::from_utf8(v).unwrap(), "0,1\t0\n2\t\n");
        let mut v = Vec::new();
        write(&[doc()], &ExportOptions::default(), &mut v).unwrap();
        assert_eq!(
            String::from_utf8(v).unwrap(),
            "Un <b>. Deux.\tOne & two.\t0.900\nTrois.\t\t0.200\n"
        );
    }

    #[test]
    fn html_is_escaped_and_marks_rows() {
        let mut v = Vec::new();
        write(
            &[doc()],
            &ExportOptions {
                format: Format::Html,
                ..Default::default()
            },
            &mut v,
        )
        .unwrap();
        let h = String::from_utf8(v).unwrap();
        assert!(h.contains("<td>Un &lt;b&gt;. Deux.</td><td>One &amp; two.</td>"));
        assert!(h.contains("<tr class=\"gap\"><td class=\"n\">2</td>"));
        assert!(!h.contains("<b>"));
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::from_extension("x.TMX"), Some(Format::Tmx));
        assert_eq!(Format::from_extension("x.txt"), None);
        assert!(Format::parse("xml").is_err());
    }
}
