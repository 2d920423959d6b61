//! Translation-memory consistency: glossary terms kept in the English side (`tm-term-missing`),
//! deprecated English forms used instead (`tm-deprecated-term`), one French segment translated several ways (`tm-inconsistent`), one English segment coming
//! from several French segments (`tm-inconsistent-source`).
//!
//! The checks run over a slice of [`TranslationUnit`]s already read, whatever read them.

use super::finding::{Context, Finding, Rule};
use crate::glossary::{Glossary, Status};
use crate::lang::fold::squash_spaces;
use crate::terms::Occurrence;
use crate::tmx::TranslationUnit;
use regex::Regex;
use std::collections::{BTreeMap, HashMap};

/// The id of the TU at 0-based `position`: its `tuid`, or its 1-based position.
pub fn unit_id(tu: &TranslationUnit, position: usize) -> String {
    match tu.tuid.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => (position + 1).to_string(),
    }
}

/// Whether the TMX language code `code` (`fr`, `fr-FR`, `FR_ca`) is language `lang`.
pub fn lang_matches(code: &str, lang: &str) -> bool {
    let code = code.trim().to_lowercase();
    let lang = lang.trim().to_lowercase();
    code == lang
        || code
            .strip_prefix(&lang)
            .is_some_and(|rest| rest.starts_with('-') || rest.starts_with('_'))
}

/// The text of the first variant of `tu` in `lang`.
pub fn side<'a>(tu: &'a TranslationUnit, lang: &str) -> Option<&'a str> {
    tu.variants
        .iter()
        .find(|v| lang_matches(&v.lang, lang))
        .map(|v| v.text.as_str())
}

/// A case-insensitive pattern for an English term allowing light inflection: each word may
/// take a plural `-s`/`-es` (`-y` → `-ies`), words are separated by any whitespace, and
/// apostrophes match either form. Hyphens are kept: `Director-General` is not `Director General`.
pub fn english_pattern(term: &str) -> Option<Regex> {
    let words: Vec<String> = term
        .split_whitespace()
        .map(|w| {
            let w = w.replace('\u{2019}', "'");
            let (stem, tail) = match w.strip_suffix('y') {
                Some(stem) if stem.chars().last().is_some_and(|c| !"aeiou".contains(c)) => {
                    (stem.to_string(), "(?:y|ies)")
                }
                _ => (w.clone(), "(?:s|es)?"),
            };
            let stem = regex::escape(&stem).replace('\'', "['\u{2019}]");
            if w.chars().last().is_some_and(char::is_alphanumeric) {
                format!("{stem}{tail}")
            } else {
                stem
            }
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    let first_word = term
        .trim()
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    let last_word = term
        .trim()
        .chars()
        .last()
        .is_some_and(char::is_alphanumeric);
    let pattern = format!(
        "(?i){}{}{}",
        if first_word { r"\b" } else { "" },
        words.join(r"\s+"),
        if last_word { r"\b" } else { "" }
    );
    Regex::new(&pattern).ok()
}

/// Runs the three memory checks on the units of one memory file (`file` is named in findings).
///
/// `find` returns the glossary occurrences in a French text (normally `Matcher::find`).
pub fn check_memory(
    units: &[TranslationUnit],
    src_lang: &str,
    tgt_lang: &str,
    glossary: &Glossary,
    find: &dyn Fn(&str) -> Vec<Occurrence>,
    file: Option<&str>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    // Per concept: patterns of the approved English terms, and of the deprecated ones.
    type Patterns = (Vec<Regex>, Vec<(String, Regex)>);
    let mut patterns: HashMap<usize, Patterns> = HashMap::new();
    let mut by_fr: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut by_en: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let doc = file.map(str::to_string);
    for (pos, tu) in units.iter().enumerate() {
        let (Some(fr), Some(en)) = (side(tu, src_lang), side(tu, tgt_lang)) else {
            continue;
        };
        let id = unit_id(tu, pos);
        let (fr_key, en_key) = (squash_spaces(fr), squash_spaces(en));
        if !fr_key.is_empty() && !en_key.is_empty() {
            by_fr
                .entry(fr_key.clone())
                .or_default()
                .push((id.clone(), en_key.clone()));
            by_en.entry(en_key).or_default().push((id.clone(), fr_key));
        }
        let mut done = Vec::new();
        for occ in find(fr) {
            if done.contains(&occ.concept) {
                continue;
            }
            done.push(occ.concept);
            let Some(concept) = glossary.concepts.get(occ.concept) else {
                continue;
            };
            let allowed: Vec<&str> = concept
                .tgt_terms
                .iter()
                .filter(|t| !matches!(t.status, Status::NotRecommended | Status::Obsolete))
                .map(|t| t.text.trim())
                .filter(|t| !t.is_empty())
                .collect();
            if allowed.is_empty() {
                continue;
            }
            let (pats, deprecated) = patterns.entry(occ.concept).or_insert_with(|| {
                let deprecated = concept
                    .tgt_terms
                    .iter()
                    .filter(|t| matches!(t.status, Status::NotRecommended | Status::Obsolete))
                    .filter_map(|t| {
                        english_pattern(t.text.trim()).map(|p| (t.text.trim().to_string(), p))
                    })
                    .collect();
                (
                    allowed.iter().filter_map(|t| english_pattern(t)).collect(),
                    deprecated,
                )
            });
            let approved: Vec<std::ops::Range<usize>> = pats
                .iter()
                .flat_map(|p| p.find_iter(en).map(|m| m.range()))
                .collect();
            // A deprecated form outside every approved match (`Director-General`, not the
            // `Organization` inside `International Organization for Migration`).
            let used = deprecated.iter().find_map(|(text, p)| {
                p.find_iter(en)
                    .find(|m| {
                        !approved
                            .iter()
                            .any(|a| a.start < m.end() && m.start() < a.end)
                    })
                    .map(|m| (text.clone(), m.range()))
            });
            if let Some((bad, range)) = used {
                out.push(
                    Finding::new(
                        Rule::TmDeprecatedTerm,
                        format!(
                            "TU {id}: the English uses «{}», a deprecated form of «{}» (for «{}»)",
                            &en[range.clone()],
                            allowed[0],
                            occ.surface
                        ),
                        format!("Replace «{bad}» with «{}» in this unit.", allowed[0]),
                    )
                    .entries([super::entry_id(glossary, occ.concept)])
                    .tus([id.clone()])
                    .at(doc.clone(), None)
                    .context(Context::new(src_lang, fr, Some(occ.start..occ.end)))
                    .context(Context::new(tgt_lang, en, Some(range))),
                );
                continue;
            }
            if !approved.is_empty() {
                continue;
            }
            let others = if allowed.len() > 1 {
                format!(
                    " (or {})",
                    allowed[1..]
                        .iter()
                        .map(|t| format!("«{t}»"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            } else {
                String::new()
            };
            out.push(
                Finding::new(
                    Rule::TmTermMissing,
                    format!(
                        "TU {id}: the French has «{}» but the English lacks «{}»{others}",
                        occ.surface, allowed[0]
                    ),
                    format!("Translate «{}» as «{}» in this unit, or add the form used as an English variant if it is approved.", occ.surface, allowed[0]),
                )
                .entries([super::entry_id(glossary, occ.concept)])
                .tus([id.clone()])
                .at(doc.clone(), None)
                .context(Context::new(src_lang, fr, Some(occ.start..occ.end)))
                .context(Context::new(tgt_lang, en, None)),
            );
        }
    }
    inconsistencies(
        &by_fr,
        Rule::TmInconsistent,
        src_lang,
        tgt_lang,
        &doc,
        &mut out,
    );
    inconsistencies(
        &by_en,
        Rule::TmInconsistentSource,
        tgt_lang,
        src_lang,
        &doc,
        &mut out,
    );
    out
}

/// One finding per key segment with more than one distinct counterpart.
fn inconsistencies(
    groups: &BTreeMap<String, Vec<(String, String)>>,
    rule: Rule,
    key_lang: &str,
    other_lang: &str,
    doc: &Option<String>,
    out: &mut Vec<Finding>,
) {
    for (key, list) in groups {
        let mut variants: Vec<(&str, Vec<&str>)> = Vec::new();
        for (id, other) in list {
            match variants.iter_mut().find(|(t, _)| *t == other) {
                Some((_, ids)) => ids.push(id),
                None => variants.push((other, vec![id])),
            }
        }
        if variants.len() < 2 {
            continue;
        }
        let desc: Vec<String> = variants
            .iter()
            .map(|(t, ids)| format!("«{t}» ({})", ids.join(", ")))
            .collect();
        let (message, suggestion) = if rule == Rule::TmInconsistent {
            (
                format!(
                    "The {key_lang} segment «{key}» has {} different translations: {}",
                    variants.len(),
                    desc.join("; ")
                ),
                "Keep the approved translation and correct or delete the other units.".to_string(),
            )
        } else {
            (
                format!("The {key_lang} segment «{key}» translates {} different {other_lang} segments: {}", variants.len(), desc.join("; ")),
                "Check that the source segments mean the same; if not, one translation is wrong.".to_string(),
            )
        };
        let mut f = Finding::new(rule, message, suggestion)
            .tus(list.iter().map(|(id, _)| id.clone()))
            .at(doc.clone(), None)
            .context(Context::new(key_lang, key.clone(), None));
        for (t, _) in &variants {
            f = f.context(Context::new(other_lang, *t, None));
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Concept, Term};
    use crate::terms::MatchKind;
    use crate::tmx::Variant;

    fn tu(id: Option<&str>, fr: &str, en: &str) -> TranslationUnit {
        TranslationUnit {
            tuid: id.map(str::to_string),
            props: Vec::new(),
            variants: vec![
                Variant {
                    lang: "fr-FR".into(),
                    text: fr.into(),
                },
                Variant {
                    lang: "EN".into(),
                    text: en.into(),
                },
            ],
        }
    }

    fn glossary() -> Glossary {
        let mut deprecated = Term::new("Director-General");
        deprecated.status = Status::NotRecommended;
        Glossary {
            src_lang: "fr".into(),
            tgt_lang: "en".into(),
            concepts: vec![Concept {
                id: "dg".into(),
                src_terms: vec![Term::new("Directeur général")],
                tgt_terms: vec![Term::new("Director General"), deprecated],
                ..Concept::default()
            }],
        }
    }

    /// A stand-in for the matcher: finds the literal `Directeur général`.
    fn find(text: &str) -> Vec<Occurrence> {
        text.match_indices("Directeur général")
            .map(|(i, s)| Occurrence {
                start: i,
                end: i + s.len(),
                surface: s.into(),
                concept: 0,
                term: 0,
                plural: false,
                feminine: false,
                kind: MatchKind::Exact,
                score: 1.0,
                flags: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn plural_and_case_of_the_english_term_are_accepted() {
        let p = english_pattern("Director General").unwrap();
        assert!(p.is_match("the directors general met"));
        assert!(!p.is_match("the Director of the General Assembly"));
        let q = english_pattern("internally displaced party").unwrap();
        assert!(q.is_match("Internally  displaced parties"));
        assert!(!q.is_match("internally-displaced party"));
    }

    #[test]
    fn a_deprecated_form_is_reported_instead_of_a_missing_term() {
        let units = [
            tu(
                Some("a"),
                "Le Directeur général parle.",
                "The Director General speaks.",
            ),
            tu(
                Some("b"),
                "Le Directeur général arrive.",
                "The Director-General arrives.",
            ),
            tu(None, "Sans terme.", "No term."),
        ];
        let f = check_memory(&units, "fr", "en", &glossary(), &find, Some("m.tmx"));
        let deprecated: Vec<_> = f
            .iter()
            .filter(|f| f.rule == Rule::TmDeprecatedTerm)
            .collect();
        assert_eq!(deprecated.len(), 1);
        assert_eq!(deprecated[0].tus, vec!["b"]);
        assert_eq!(deprecated[0].entries, vec!["dg"]);
        assert_eq!(
            deprecated[0].contexts[1].text,
            "The Director-General arrives."
        );
        assert_eq!(deprecated[0].contexts[1].highlights, vec![4..20]);
        assert!(!f.iter().any(|f| f.rule == Rule::TmTermMissing), "{f:#?}");
    }

    #[test]
    fn a_missing_term_is_reported_with_both_segments() {
        let units = [tu(
            Some("c"),
            "Le Directeur général arrive.",
            "The chief arrives.",
        )];
        let f = check_memory(&units, "fr", "en", &glossary(), &find, Some("m.tmx"));
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].rule, &f[0].tus),
            (Rule::TmTermMissing, &vec!["c".to_string()])
        );
        assert_eq!(f[0].contexts[0].text, "Le Directeur général arrive.");
        assert_eq!(f[0].contexts[1].text, "The chief arrives.");
    }

    #[test]
    fn same_french_different_english_and_the_reverse() {
        let units = [
            tu(Some("1"), "Bonjour.", "Hello."),
            tu(None, "Bonjour.", "Good morning."),
            tu(Some("x"), "Salut.", "Hello."),
            tu(Some("y"), "Merci.", "Thanks."),
        ];
        let f = check_memory(&units, "fr", "en", &glossary(), &find, None);
        let inc: Vec<_> = f
            .iter()
            .filter(|f| f.rule == Rule::TmInconsistent)
            .collect();
        assert_eq!(inc.len(), 1);
        assert_eq!(inc[0].tus, vec!["1", "2"]);
        let src: Vec<_> = f
            .iter()
            .filter(|f| f.rule == Rule::TmInconsistentSource)
            .collect();
        assert_eq!(src.len(), 1);
        assert_eq!(src[0].tus, vec!["1", "x"]);
    }

    #[test]
    fn language_codes_match_by_primary_subtag() {
        assert!(lang_matches("fr-FR", "fr"));
        assert!(lang_matches("FR", "fr"));
        assert!(!lang_matches("fra", "fr"));
    }
}
