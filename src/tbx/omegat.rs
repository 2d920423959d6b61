//! OmegaT's writable glossary format: UTF-8 TSV, `source<TAB>target<TAB>comment`, no header.
//!
//! One row per source term of a concept, paired with the concept's first target term that is
//! preferred or admitted (else its first target term). The comment joins the concept's category,
//! note and the target term's note with `; `. The format has no escaping, so tabs and line
//! breaks inside text become spaces. A concept without a target term gives no row and a warning.

use crate::error::{Error, Result};
use crate::glossary::{Glossary, Status};
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

/// Writes `glossary` as an OmegaT glossary TSV; returns the warnings.
pub fn write_omegat_tsv(glossary: &Glossary, out: &mut dyn Write) -> Result<Vec<String>> {
    let mut s = String::new();
    let mut warnings = Vec::new();
    for c in &glossary.concepts {
        let Some(target) = c
            .tgt_terms
            .iter()
            .find(|t| matches!(t.status, Status::Preferred | Status::Admitted))
            .or_else(|| c.tgt_terms.first())
        else {
            warnings.push(format!("concept {}: no target term, no TSV row", c.id));
            continue;
        };
        let comment: Vec<String> = [&c.category, &c.note, &target.note]
            .into_iter()
            .flatten()
            .filter(|x| !x.trim().is_empty())
            .map(|x| flat(x))
            .collect();
        for src in &c.src_terms {
            s.push_str(&flat(&src.text));
            s.push('\t');
            s.push_str(&flat(&target.text));
            s.push('\t');
            s.push_str(&comment.join("; "));
            s.push('\n');
        }
    }
    out.write_all(s.as_bytes()).map_err(Error::output)?;
    Ok(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Concept, Term};

    #[test]
    fn rows_pair_each_source_term_with_the_preferred_target() {
        let mut deprecated = Term::new("Migration Org");
        deprecated.status = Status::NotRecommended;
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
                        Term::new("OIM"),
                    ],
                    tgt_terms: vec![
                        deprecated,
                        Term::new("International Organization for Migration"),
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
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Organisation internationale pour les migrations\tInternational Organization for Migration\torganisation; a b\n\
             OIM\tInternational Organization for Migration\torganisation; a b\n"
        );
        assert_eq!(warnings, vec!["concept 2: no target term, no TSV row"]);
    }
}
