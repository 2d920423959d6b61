//! SRX engine tests against third-party rule files.
//!
//! The rule files are read at test time from `../shared/reference/segmentation/`:
//! `languagetool_segment.srx` (LanguageTool, LGPL-2.1-or-later) and the two Okapi files
//! (Okapi Framework, Apache-2.0). See that folder's README for provenance.

use trame::segment::Segmenter;

const REF: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reference/segmentation/"
);

fn load(file: &str, lang: &str) -> Segmenter {
    let xml = std::fs::read_to_string(format!("{REF}{file}")).unwrap();
    Segmenter::from_srx(&xml, lang, "test.srx").unwrap()
}

fn texts(s: &Segmenter, text: &str) -> Vec<String> {
    s.segment(text).into_iter().map(|s| s.text).collect()
}

/// The public `srx` crate (0.1.4) splits "M. | Vitorino" with these rules: the split point must be
/// between the beforebreak and the afterbreak matches, and LanguageTool's French exception for
/// `M.` must win over its later break rules.
#[test]
fn languagetool_french_keeps_m_dot_with_the_name() {
    let s = load("languagetool_segment.srx", "fr");
    assert_eq!(
        texts(&s, "M. Vitorino a ouvert l’événement."),
        ["M. Vitorino a ouvert l’événement."]
    );
}

#[test]
fn languagetool_french_breaks_between_sentences() {
    let s = load("languagetool_segment.srx", "fr");
    assert_eq!(
        texts(&s, "Il est arrivé hier. Elle part demain ! Et toi ?"),
        ["Il est arrivé hier.", "Elle part demain !", "Et toi ?"]
    );
}

#[test]
fn languagetool_english_loads_and_runs() {
    let s = load("languagetool_segment.srx", "en");
    assert_eq!(
        texts(&s, "Mr. Smith went home. He slept."),
        ["Mr. Smith went home.", "He slept."]
    );
}

#[test]
fn languagetool_cascade_collects_general_french_and_default_sets() {
    let fr = load("languagetool_segment.srx", "fr");
    let one = load("languagetool_segment.srx", "fr_one");
    // GeneralImportant (7 rules) + French + Default, and ByLineBreak (1 rule) for fr_one.
    assert!(fr.rule_count() > 60);
    assert_eq!(one.rule_count(), fr.rule_count() + 1);
}

#[test]
fn okapi_default_rules_split_after_french_m_dot() {
    // Okapi's default file knows only English titles: it breaks after "M.", as its README says.
    let s = load("okapi_defaultSegmentation.srx", "fr");
    assert_eq!(
        texts(&s, "M. Vitorino a ouvert. Il part."),
        ["M.", "Vitorino a ouvert.", "Il part."]
    );
}

#[test]
fn okapi_icu4j_file_loads_with_a_warning_about_icu() {
    let s = load("okapi_default_icu4j.srx", "fr");
    assert!(s
        .warnings()
        .iter()
        .any(|w| w.to_string().contains("useIcu4jBreakRules")));
}
