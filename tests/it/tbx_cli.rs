//! `trame glossary export` / `import` end to end (CSV ⇄ TBX v2/v3, OmegaT TSV) and bad input.

use crate::common::trame;
use std::path::Path;

const CSV: &str = "id,fr,en,category,gender,fr_variants,en_variants,note,source\n\
1,Organisation internationale pour les migrations,International Organization for Migration,organisation,f,OIM [acronym],IOM [acronym],Z in Organization & « OIM ».,https://www.iom.int\n\
2,États membres,Member States,body,m,Etats membres [variant] | pays membres [deprecated],,,\n";

fn write(dir: &Path, name: &str, content: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_str().unwrap().to_string()
}

fn run_ok(args: &[&str]) -> String {
    let out = trame().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn export_defaults_to_tbx_v2_with_the_csv_data() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "g.csv", CSV);
    let xml = run_ok(&["glossary", "export", &csv]);
    assert!(xml.contains("<martif type=\"TBX-Basic\" xml:lang=\"en\">"));
    assert!(xml.contains("<termEntry id=\"c1\">\n        <descrip type=\"subjectField\">organisation</descrip>\n        <admin type=\"source\">https://www.iom.int</admin>\n        <note>Z in Organization &amp; « OIM ».</note>\n"), "{xml}");
    assert!(xml.contains("<term>Organisation internationale pour les migrations</term>\n            <termNote type=\"termType\">fullForm</termNote>\n            <termNote type=\"grammaticalGender\">feminine</termNote>\n            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>"), "{xml}");
    assert!(xml
        .contains("<term>OIM</term>\n            <termNote type=\"termType\">acronym</termNote>"));
    assert!(xml.contains("<term>pays membres</term>\n            <termNote type=\"termType\">fullForm</termNote>\n            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"), "{xml}");
}

#[test]
fn csv_to_tbx_v2_and_v3_and_back_keeps_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "g.csv", CSV);
    let canonical = run_ok(&["glossary", "export", &csv, "--to", "csv"]);
    for to in ["tbx2", "tbx3"] {
        let tbx = dir.path().join(format!("g.{to}.tbx"));
        let tbx = tbx.to_str().unwrap();
        run_ok(&["glossary", "export", &csv, "--to", to, "-o", tbx]);
        let back = run_ok(&["glossary", "import", tbx]);
        assert_eq!(back, canonical, "{to}");
    }
}

#[test]
fn shipped_glossary_round_trips_through_both_tbx_versions() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/glossaries/iom-fr-en.csv");
    if !Path::new(path).exists() {
        eprintln!("SKIPPED: {path} does not exist yet");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let canonical = run_ok(&["glossary", "export", path, "--to", "csv"]);
    for to in ["tbx2", "tbx3"] {
        let tbx = dir.path().join(format!("iom.{to}.tbx"));
        let tbx = tbx.to_str().unwrap();
        run_ok(&["glossary", "export", path, "--to", to, "-o", tbx]);
        assert_eq!(run_ok(&["glossary", "import", tbx]), canonical, "{to}");
    }
}

#[test]
fn export_to_omegat_tsv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "g.csv", CSV);
    let tsv = run_ok(&["glossary", "export", &csv, "--to", "tsv"]);
    assert_eq!(
        tsv,
        // One row per French term, its English by type, a plain-language comment.
        "Organisation internationale pour les migrations\tInternational Organization for Migration\tpreferred · also: IOM — Z in Organization & « OIM ».\n\
OIM\tIOM\tacronym — Z in Organization & « OIM ».\n\
États membres\tMember States\tpreferred\n\
Etats membres\tMember States\t\n\
pays membres\tMember States\tFrench form to avoid: write États membres\n"
    );
}

#[test]
fn language_codes_can_be_set_on_export() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "g.csv", CSV);
    let xml = run_ok(&[
        "glossary",
        "export",
        &csv,
        "--to",
        "tbx3",
        "--src-lang",
        "fr-FR",
        "--tgt-lang",
        "en-GB",
    ]);
    assert!(
        xml.contains("<langSec xml:lang=\"fr-FR\">")
            && xml.contains("<langSec xml:lang=\"en-GB\">")
    );
    trame()
        .args(["glossary", "export", &csv, "--src-lang", "fr_FR"])
        .assert()
        .code(2);
    trame()
        .args(["glossary", "export", &csv, "--to", "tbx4"])
        .assert()
        .code(2);
}

#[test]
fn import_of_an_unknown_dialect_fails_clearly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "dct.tbx",
        "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dct\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><tbxHeader/><text><body/></text></tbx>\n",
    );
    let out = dir.path().join("out.csv");
    trame()
        .args(["glossary", "import", &f, "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(format!("trame: error: {f}:2:1: unsupported TBX dialect TBX-Basic (style `dct`); trame reads TBX v3 in DCA style (TBX-Basic, TBX-Min, TBX-Core)\n"));
    assert!(!out.exists());
}

#[test]
fn import_of_malformed_xml_names_line_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "bad.tbx",
        "<martif type=\"TBX-Basic\" xml:lang=\"en\">\n<text><body>\n  <termEntry id=\"a\"><langSet xml:lang=\"fr\"><tig><term>x</tig>\n</body></text></martif>\n",
    );
    let out = dir.path().join("out.csv");
    let assert = trame()
        .args(["glossary", "import", &f, "-o"])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with(&format!("trame: error: {f}:3:56: ")),
        "{stderr}"
    );
    assert!(!out.exists());
}
