//! The shipped glossary (`glossaries/iom-fr-en.csv`): loads, is large enough, every concept has a
//! source, and the terminology audit finds no error in it.

use assert_cmd::Command;

const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/glossaries/iom-fr-en.csv");

#[test]
fn the_shipped_glossary_has_300_sourced_concepts() {
    let g = trame::glossary::read_glossary(GLOSSARY, None).unwrap();
    assert!(g.concepts.len() >= 300, "{} concepts", g.concepts.len());
    for c in &g.concepts {
        assert!(
            c.source.as_deref().is_some_and(|s| !s.trim().is_empty()),
            "concept {} has no source",
            c.id
        );
    }
    let find = |fr: &str| {
        g.concepts
            .iter()
            .find(|c| c.src_terms[0].text == fr)
            .unwrap_or_else(|| panic!("{fr} missing"))
    };
    assert_eq!(
        find("Directeur général adjoint").tgt_terms[0].text,
        "Deputy Director General"
    );
    assert_eq!(
        find("Organisation internationale pour les migrations").tgt_terms[0].text,
        "International Organization for Migration"
    );
    assert_eq!(
        find("trafic illicite de migrants").tgt_terms[0].text,
        "smuggling of migrants"
    );
}

#[test]
fn the_audit_finds_no_error_in_the_shipped_glossary() {
    Command::cargo_bin("trame")
        .unwrap()
        .args([
            "audit",
            "--glossary",
            GLOSSARY,
            "--format",
            "jsonl",
            "--fail-on",
            "error",
        ])
        .assert()
        .success();
}
