//! What OmegaT shows best: one glossary entry per French form with its one best English term
//! and a comment in plain words.
//!
//! OmegaT's TBX reader makes one pane entry per pair of a source and a target term of a
//! `termEntry` and prints every `termNote` as a raw code, so a concept-oriented TBX gives `OIM`
//! three suggestions (sorted by text, the acronym rarely first) under three copies of an 8-line
//! comment of codes. Here each French term gets its own entry (ids `CONCEPT`, `CONCEPT-2`…), its
//! target chosen by type as `trame terms` does ([`crate::glossary::Concept::target_index`]: `OIM`
//! → `IOM`), and one comment such as `acronym · avoid: Director-General — note`.
//!
//! * [`write_omegat_tbx`]: TBX v2 TBX-Basic (valid, read by OmegaT) in that shape, terms bare;
//! * [`write_omegat_tsv`]: OmegaT's writable glossary, UTF-8 TSV `source<TAB>target<TAB>comment`,
//!   no header, the same rows. The format has no escaping, so tabs and line breaks inside text
//!   become spaces.

use super::writer::{write_tbx, ExportOptions};
use super::TbxVersion;
use crate::error::{Error, Result};
use crate::glossary::{Concept, Gender, Glossary, Status, Term, TermType};
use crate::warning::Warning;
use std::io::Write;

fn flat(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// One row of the OmegaT glossary: a French form, its English term and the comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Concept id.
    pub id: String,
    /// The French term.
    pub source: String,
    /// Its best English term.
    pub target: String,
    /// The plain-language comment.
    pub comment: String,
}

fn deprecated(t: &Term) -> bool {
    matches!(t.status, Status::NotRecommended | Status::Obsolete)
}

fn type_words(t: TermType) -> Option<&'static str> {
    match t {
        TermType::FullForm => None,
        TermType::Acronym => Some("acronym"),
        TermType::Abbreviation => Some("abbreviation"),
        TermType::ShortForm => Some("short form"),
        TermType::Variant => Some("variant"),
        TermType::Phrase => Some("phrase"),
    }
}

/// The plain-language comment of French term `src` rendered by target `tgt` of `c`:
/// what the target is (`acronym`, `preferred`), the feminine French form, the other English
/// terms (on the headword's row), the English to avoid, and the concept's note.
pub fn comment(c: &Concept, src: usize, tgt: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let target = &c.tgt_terms[tgt];
    if let Some(w) = type_words(target.term_type) {
        parts.push(w.to_string());
    }
    if tgt == 0 && src == 0 {
        parts.push("preferred".to_string());
    }
    let source = &c.src_terms[src];
    if deprecated(source) {
        parts.push(format!("French form to avoid: write {}", c.headword()));
    }
    if src == 0 && source.gender != Some(Gender::Feminine) {
        if let Some(f) = c.src_terms[1..]
            .iter()
            .find(|t| t.gender == Some(Gender::Feminine) && !deprecated(t))
        {
            parts.push(format!("feminine: {}", f.text));
        }
    }
    if src == 0 {
        let also: Vec<&str> = c
            .tgt_terms
            .iter()
            .enumerate()
            .filter(|&(i, t)| i != tgt && !deprecated(t) && !t.text.trim().is_empty())
            .map(|(_, t)| t.text.as_str())
            .collect();
        if !also.is_empty() {
            parts.push(format!("also: {}", also.join(", ")));
        }
    }
    let avoid: Vec<&str> = c
        .tgt_terms
        .iter()
        .filter(|t| deprecated(t))
        .map(|t| t.text.as_str())
        .collect();
    if !avoid.is_empty() {
        parts.push(format!("avoid: {}", avoid.join(", ")));
    }
    let mut out = parts.join(" · ");
    if let Some(note) = c.note.as_deref().filter(|n| !n.trim().is_empty()) {
        if !out.is_empty() {
            out.push_str(" — ");
        }
        out.push_str(note);
    }
    flat(&out)
}

/// The rows of `glossary` in OmegaT's shape, and a warning per concept left out (no usable
/// English term) or French term repeated within a concept.
pub fn rows(glossary: &Glossary) -> (Vec<Row>, Vec<Warning>) {
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    for c in &glossary.concepts {
        if c.target_index(0, false, false).is_none() {
            warnings.push(Warning::NoTargetTerm {
                concept: c.id.clone(),
            });
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        for (si, s) in c.src_terms.iter().enumerate() {
            if s.text.trim().is_empty() || seen.contains(&s.text.as_str()) {
                continue;
            }
            seen.push(&s.text);
            let plural = s.number == Some(crate::glossary::Number::Plural);
            let feminine = s.gender == Some(Gender::Feminine);
            let Some(ti) = c.target_index(si, plural, feminine) else {
                continue;
            };
            rows.push(Row {
                id: c.id.clone(),
                source: flat(&s.text),
                target: flat(&c.tgt_terms[ti].text),
                comment: comment(c, si, ti),
            });
        }
    }
    (rows, warnings)
}

/// Writes `glossary` as TBX v2 TBX-Basic shaped for OmegaT's glossary pane (see the module
/// documentation); returns the warnings.
pub fn write_omegat_tbx(
    glossary: &Glossary,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<Vec<Warning>> {
    let (rows, mut warnings) = rows(glossary);
    let mut shaped = Glossary {
        src_lang: glossary.src_lang.clone(),
        tgt_lang: glossary.tgt_lang.clone(),
        concepts: Vec::with_capacity(rows.len()),
    };
    let mut count: std::collections::HashMap<&str, usize> = Default::default();
    for r in &rows {
        let n = count.entry(&r.id).or_default();
        *n += 1;
        shaped.concepts.push(Concept {
            id: if *n == 1 {
                r.id.clone()
            } else {
                format!("{}-{}", r.id, n)
            },
            note: (!r.comment.is_empty()).then(|| r.comment.clone()),
            src_terms: vec![Term::new(r.source.clone())],
            tgt_terms: vec![Term::new(r.target.clone())],
            ..Concept::default()
        });
    }
    let options = ExportOptions {
        bare_terms: true,
        ..options.clone()
    };
    warnings.extend(write_tbx(&shaped, TbxVersion::V2, &options, out)?);
    Ok(warnings)
}

/// Writes `glossary` as an OmegaT glossary TSV (see the module documentation); returns the
/// warnings.
pub fn write_omegat_tsv(glossary: &Glossary, out: &mut dyn Write) -> Result<Vec<Warning>> {
    let (rows, warnings) = rows(glossary);
    let mut s = String::new();
    for r in &rows {
        s.push_str(&r.source);
        s.push('\t');
        s.push_str(&r.target);
        s.push('\t');
        s.push_str(&r.comment);
        s.push('\n');
    }
    out.write_all(s.as_bytes()).map_err(Error::output)?;
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Concept, Term};

    #[test]
    fn rows_pair_each_source_term_with_its_best_target_and_a_plain_comment() {
        let mut deprecated = Term::new("Migration Org");
        deprecated.status = Status::NotRecommended;
        let mut oim = Term::new("OIM");
        oim.term_type = TermType::Acronym;
        let mut iom = Term::new("IOM");
        iom.term_type = TermType::Acronym;
        let g = Glossary {
            src_lang: "fr".into(),
            tgt_lang: "en".into(),
            concepts: vec![
                Concept {
                    id: "1".into(),
                    category: Some("organisation".into()),
                    note: Some("a\tb".into()),
                    src_terms: vec![
                        Term::new("Organisation internationale pour les migrations"),
                        oim,
                    ],
                    tgt_terms: vec![
                        deprecated,
                        Term::new("International Organization for Migration"),
                        iom,
                    ],
                    ..Default::default()
                },
                Concept {
                    id: "2".into(),
                    src_terms: vec![Term::new("seul")],
                    ..Default::default()
                },
            ],
        };
        let mut out = Vec::new();
        let warnings = write_omegat_tsv(&g, &mut out).unwrap();
        // The deprecated first English term is never offered, only named.
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Organisation internationale pour les migrations\tInternational Organization for Migration\talso: IOM · avoid: Migration Org — a b\n\
             OIM\tIOM\tacronym · avoid: Migration Org — a b\n"
        );
        assert_eq!(
            warnings,
            vec![Warning::NoTargetTerm {
                concept: "2".into()
            }]
        );
        assert_eq!(
            warnings[0].to_string(),
            "concept 2: no usable target term, no OmegaT entry"
        );
    }
}
