//! `trame tmx repair`: rewrites a TMX so that CAT tools read every unit that can be saved,
//! fixing only what needs no guess, and says what it changed.
//!
//! Streaming (reader → writer, one unit at a time): the output is UTF-8 TMX 1.4b with every
//! header attribute; XML-illegal characters are dropped (by the writer, reported); language
//! codes are written in one form per language (the header's `srclang` form for the source
//! language, a `--lang FROM=TO` mapping, else the first form met, in BCP 47 case); `<prop type>`
//! gets an `x-` prefix; `tuid`s are made unique (or renumbered on request). Units that cannot be
//! saved without guessing are dropped and reported: a broken unit (a `<tuv>` without
//! `xml:lang` or `<seg>`), a unit with an empty segment, fewer than two variants, or no variant
//! in the source language. Inline codes are dropped, as trame's reader does for plain text.

use super::reader::{ReadOptions, TmxReader};
use super::validate::canonical_case;
use super::writer::TmxWriter;
use super::{primary_subtag, Prop};
use crate::error::{Error, Result};
use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::Write;

/// Changes listed at most per kind (the rest are counted).
pub const MAX_LISTED: usize = 1000;

/// How to repair.
#[derive(Debug, Clone, Default)]
pub struct RepairOptions {
    /// Source language to write (required when the header says `*` or nothing).
    pub src_lang: Option<String>,
    /// Language code mappings, applied first (case-insensitive match on the left side).
    pub lang_map: Vec<(String, String)>,
    /// Number the units 1, 2, 3… instead of keeping their tuids.
    pub renumber: bool,
}

/// What a repair did.
#[derive(Debug, Clone, Default)]
pub struct RepairReport {
    /// Units read from the input.
    pub units_read: u64,
    /// Units written to the output.
    pub units_written: u64,
    /// One line per change, at most [`MAX_LISTED`] per kind.
    pub changes: Vec<String>,
    /// Changes per kind, all counted.
    pub counts: BTreeMap<&'static str, u64>,
}

impl RepairReport {
    fn change(&mut self, kind: &'static str, message: String) {
        let n = self.counts.entry(kind).or_default();
        *n += 1;
        if *n as usize <= MAX_LISTED {
            self.changes.push(message);
        }
    }
}

fn hash(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

struct Langs<'a> {
    map: &'a [(String, String)],
    src: String,
    forms: BTreeMap<String, String>,
}

impl Langs<'_> {
    fn normalise(&mut self, lang: &str) -> String {
        if let Some((_, to)) = self
            .map
            .iter()
            .find(|(from, _)| from.eq_ignore_ascii_case(lang))
        {
            return to.clone();
        }
        let key = primary_subtag(lang).to_ascii_lowercase();
        if key == primary_subtag(&self.src).to_ascii_lowercase() {
            return self.src.clone();
        }
        self.forms
            .entry(key)
            .or_insert_with(|| canonical_case(lang))
            .clone()
    }
}

/// Repairs the TMX at `path`, writing the result to `out`.
pub fn repair<W: Write>(path: &str, options: &RepairOptions, out: W) -> Result<RepairReport> {
    let read = ReadOptions {
        ignore_declared_encoding: true,
        ..ReadOptions::default()
    };
    let mut reader = TmxReader::open(path, read)?.recovering();
    let mut report = RepairReport::default();
    if let Some(label) = reader.declared_encoding() {
        let actual = encoding_rs::Encoding::for_label(reader.encoding_name().as_bytes())
            .unwrap_or(encoding_rs::UTF_8);
        if crate::xmlsafe::declaration_agrees(label, actual).is_err() {
            report.change(
                "encoding",
                format!(
                    "the declaration said encoding=\"{label}\" over {} bytes: read as {}, written as UTF-8",
                    actual.name(),
                    actual.name()
                ),
            );
        }
    }
    if reader.encoding_name() != "UTF-8" {
        report.change(
            "encoding",
            format!("{} re-encoded as UTF-8", reader.encoding_name()),
        );
    }
    let mut header = reader.header().clone();
    let src = match (&options.src_lang, header.source_language()) {
        (Some(s), _) => s.clone(),
        (None, Some(s)) => s.to_string(),
        (None, None) => {
            return Err(Error::Usage(format!(
                "{path}: srclang is `*` or missing; name the source language"
            )))
        }
    };
    let mut langs = Langs {
        map: &options.lang_map,
        src: canonical_case(&src),
        forms: BTreeMap::new(),
    };
    let src = langs.normalise(&src);
    langs.src = src.clone();
    if header.src_lang != src {
        report.change(
            "header",
            format!("header: srclang `{}` written as `{src}`", header.src_lang),
        );
        header.src_lang = src.clone();
    }
    let defaults = [
        ("creationtool", "trame"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "sentence"),
        ("o-tmf", "unknown"),
        ("adminlang", "en"),
        ("datatype", "plaintext"),
    ];
    for (name, value) in defaults {
        let slot = match name {
            "creationtool" => &mut header.creation_tool,
            "creationtoolversion" => &mut header.creation_tool_version,
            "segtype" => &mut header.segtype,
            "o-tmf" => &mut header.o_tmf,
            "adminlang" => &mut header.admin_lang,
            _ => &mut header.datatype,
        };
        if slot.trim().is_empty() {
            *slot = value.to_string();
            report.change("header", format!("header: missing {name} set to `{value}`"));
        }
    }
    if !super::xml::is_language_tag(&header.admin_lang) {
        report.change(
            "header",
            format!("header: adminlang `{}` set to `en`", header.admin_lang),
        );
        header.admin_lang = "en".into();
    }
    prefix_props(&mut header.props, "header", &mut report);
    let mut writer = TmxWriter::new(out, &header)?;
    let mut tuids: HashSet<u64> = HashSet::new();
    let mut position = 0u64;
    while let Some(next) = reader.next() {
        position += 1;
        report.units_read += 1;
        let mut tu = match next {
            Ok(tu) => tu,
            Err(e) if !reader.failed() => {
                report.change("broken", format!("unit {position}: dropped ({e})"));
                continue;
            }
            Err(e) => return Err(e),
        };
        let label = match &tu.tuid {
            Some(id) => format!("unit {position} (tuid {id})"),
            None => format!("unit {position}"),
        };
        for v in &mut tu.variants {
            let lang = langs.normalise(&v.lang);
            if lang != v.lang {
                report.change(
                    "lang",
                    format!("{label}: language `{}` written as `{lang}`", v.lang),
                );
                v.lang = lang;
            }
        }
        if tu.variants.len() < 2 {
            report.change(
                "dropped",
                format!(
                    "{label}: dropped ({} variant(s), a unit needs two)",
                    tu.variants.len()
                ),
            );
            continue;
        }
        if tu.variants.iter().any(|v| v.text.trim().is_empty()) {
            report.change("dropped", format!("{label}: dropped (empty segment)"));
            continue;
        }
        if !tu.variants.iter().any(|v| v.lang == src) {
            report.change(
                "dropped",
                format!("{label}: dropped (no variant in the source language `{src}`)"),
            );
            continue;
        }
        prefix_props(&mut tu.props, &label, &mut report);
        if options.renumber {
            tu.tuid = Some((report.units_written + 1).to_string());
        } else if let Some(id) = tu.tuid.clone() {
            if !tuids.insert(hash(&id)) {
                let mut k = 2u64;
                let fresh = loop {
                    let candidate = format!("{id}-{k}");
                    if tuids.insert(hash(&candidate)) {
                        break candidate;
                    }
                    k += 1;
                };
                report.change(
                    "tuid",
                    format!("{label}: tuid `{id}` already used, written as `{fresh}`"),
                );
                tu.tuid = Some(fresh);
            }
        }
        match writer.write_unit(&tu) {
            Ok(()) => report.units_written += 1,
            Err(Error::Invalid { message, .. }) => {
                report.change("dropped", format!("{label}: dropped ({message})"));
            }
            Err(e) => return Err(e),
        }
        for w in writer.take_warnings() {
            report.change("illegal", w.to_string());
        }
    }
    writer.finish()?;
    Ok(report)
}

fn prefix_props(props: &mut [Prop], label: &str, report: &mut RepairReport) {
    for p in props {
        if !p.kind.starts_with("x-") {
            let fresh = if p.kind.trim().is_empty() {
                "x-prop".to_string()
            } else {
                format!("x-{}", p.kind.trim())
            };
            report.change(
                "prop",
                format!("{label}: prop type `{}` written as `{fresh}`", p.kind),
            );
            p.kind = fresh;
        }
    }
}
