//! `trame build` end to end on the bundled fixtures: every output written, valid, and complete.

use assert_cmd::Command;

use crate::common;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn trame() -> Command {
    let mut cmd = Command::cargo_bin("trame").unwrap();
    cmd.current_dir(ROOT);
    cmd
}

#[test]
fn build_on_the_fixtures_writes_every_output() {
    let out = tempfile::tempdir().unwrap();
    let assert = trame()
        .args(["build", "--json", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let summary: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(summary["documents"], 5);
    // Counted by hand from the segmented fixtures (fixtures/alignments/*.fr.txt / *.en.txt).
    assert_eq!(summary["fr_segments"], 95);
    assert_eq!(summary["en_segments"], 95);
    assert!(summary["unpaired"].as_array().unwrap().is_empty());
    assert!(summary["failures"].as_array().unwrap().is_empty());
    let links = summary["links_by_type"].as_object().unwrap();
    let beads: u64 = links.values().map(|v| v.as_u64().unwrap()).sum();
    let one_sided = links.get("1-0").map_or(0, |v| v.as_u64().unwrap())
        + links.get("0-1").map_or(0, |v| v.as_u64().unwrap());
    assert_eq!(summary["tmx_units"].as_u64().unwrap(), beads - one_sided);
    for file in [
        "memory.tmx",
        "glossary.tbx",
        "glossary-tbx3.tbx",
        "glossary-omegat.tbx",
        "terms.jsonl",
        "alignment.html",
    ] {
        assert!(out.path().join(file).is_file(), "{file} missing");
    }

    let tmx = std::fs::read_to_string(out.path().join("memory.tmx")).unwrap();
    // The Cartagena title and its English original, as one unit.
    assert!(tmx.contains(
        "<seg>La Directeur générale adjointe de l’OIM assiste à la Conférence Cartagena +30 sur les réfugiés au Brésil</seg>"
    ));
    assert!(tmx.contains(
        "<seg>IOM Deputy Director General Attends Cartagena +30 Refugee Conference in Brazil</seg>"
    ));
    // Every document contributes units.
    for doc in [
        "2006-lima-ministerial.txt",
        "2014-12-cartagena30.txt",
        "2016-10-habitat3.txt",
        "2018-09-summit-americas.txt",
        "2019-03-bapa40.txt",
    ] {
        assert!(
            tmx.contains(&format!("<prop type=\"x-document\">{doc}</prop>")),
            "{doc}"
        );
    }

    // The gender error of the Cartagena release is flagged in terms.jsonl, at its place.
    let terms = std::fs::read_to_string(out.path().join("terms.jsonl")).unwrap();
    let flagged: Vec<serde_json::Value> = terms
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &serde_json::Value| {
            v["flags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "gender-agreement")
        })
        .collect();
    assert!(flagged.iter().any(|v| v["doc"]
        .as_str()
        .unwrap()
        .ends_with("2014-12-cartagena30.txt")
        && v["line"] == 30
        && v["col"] == 3
        && v["surface"] == "Directeur générale adjointe"
        && v["en"] == "Deputy Director General"));

    let html = std::fs::read_to_string(out.path().join("alignment.html")).unwrap();
    assert!(html.contains(
        "IOM Deputy Director General Attends Cartagena +30 Refugee Conference in Brazil"
    ));

    common::check("check-tmx", &out.path().join("memory.tmx"), &[]);
    common::check("check-omegat", &out.path().join("memory.tmx"), &[]);
    common::check("check-tbx", &out.path().join("glossary.tbx"), &[]);
    common::check("check-tbx", &out.path().join("glossary-tbx3.tbx"), &[]);
    common::check("check-omegat-tbx", &out.path().join("glossary.tbx"), &[]);
    common::check("check-ttk", &out.path().join("glossary.tbx"), &[]);
    common::check("check-tbx", &out.path().join("glossary-omegat.tbx"), &[]);
    common::check(
        "check-omegat-tbx",
        &out.path().join("glossary-omegat.tbx"),
        &[],
    );
}

#[test]
fn a_broken_document_is_reported_and_the_others_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (fr, en, out) = (
        dir.path().join("fr"),
        dir.path().join("en"),
        dir.path().join("out"),
    );
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::create_dir_all(&en).unwrap();
    for name in ["2014-12-cartagena30.txt", "2019-03-bapa40.txt"] {
        std::fs::copy(
            Path::new(ROOT).join("fixtures/releases/fr").join(name),
            fr.join(name),
        )
        .unwrap();
        std::fs::copy(
            Path::new(ROOT).join("fixtures/releases/en").join(name),
            en.join(name),
        )
        .unwrap();
    }
    std::fs::write(fr.join("broken.txt"), b"Texte \xe9 en Latin-1.\n").unwrap();
    std::fs::write(en.join("broken.txt"), "Text in English.\n").unwrap();
    std::fs::write(fr.join("alone.txt"), "Un texte sans original.\n").unwrap();
    let assert = trame()
        .args(["build", "--json", "--fr"])
        .arg(&fr)
        .arg("--en")
        .arg(&en)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("broken.txt: invalid UTF-8 at byte 6"),
        "{stderr}"
    );
    assert!(stderr.contains("alone.txt: no counterpart"), "{stderr}");
    let summary: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(summary["documents"], 2);
    let tmx = std::fs::read_to_string(out.join("memory.tmx")).unwrap();
    assert!(tmx.contains("<prop type=\"x-document\">2019-03-bapa40.txt</prop>"));
    assert!(!tmx.contains("broken.txt"));
}

#[test]
fn a_missing_glossary_or_folder_is_an_error_without_outputs() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("o");
    trame()
        .args(["build", "--glossary", "no-such.csv", "--out"])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no-such.csv"));
    assert!(!target.exists());
    trame()
        .args(["build", "--fr", "no-such-dir", "--out"])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no-such-dir"));
    trame()
        .args(["build", "--min-confidence", "1.5"])
        .assert()
        .code(2);
}

#[test]
fn glossary_repairs_are_reported_once_for_both_tbx_versions() {
    let dir = tempfile::tempdir().unwrap();
    let (fr, en) = (dir.path().join("fr"), dir.path().join("en"));
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::create_dir_all(&en).unwrap();
    std::fs::write(fr.join("a.txt"), "Le migrant.\n").unwrap();
    std::fs::write(en.join("a.txt"), "The migrant.\n").unwrap();
    let assert = trame()
        .args([
            "build",
            "--glossary",
            "tests/bad_input/glossary-control-char.csv",
            "--fr",
        ])
        .arg(&fr)
        .arg("--en")
        .arg(&en)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    // One control character in each of the two terms of concept 1, each reported once.
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].contains("term `apatride`: removed 1 XML-illegal character(s)"),
        "{stderr}"
    );
    assert!(
        warnings[1].contains("term `stateless person`: removed 1 XML-illegal character(s)"),
        "{stderr}"
    );
    let tbx = std::fs::read_to_string(dir.path().join("out/glossary.tbx")).unwrap();
    assert!(tbx.contains("<term>apatride</term>"));
}
