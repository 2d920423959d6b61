//! An installed trame runs outside the source repository: the shipped glossary and the SRX rules are
//! built into the binary. Each test runs the binary with an empty temporary folder as its current
//! directory, as `cargo install --path .` then `trame …` in any folder would.

use std::path::Path;
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/releases");

fn trame_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_trame"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn build_in_an_empty_folder_uses_the_built_in_glossary() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(FIXTURES).join("fr"), &tmp.path().join("a"));
    copy_dir(&Path::new(FIXTURES).join("en"), &tmp.path().join("b"));
    let out = trame_in(tmp.path(), &["build", "--fr", "a", "--en", "b", "--json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        summary.to_string().contains("term"),
        "summary without term hits: {summary}"
    );
    for name in [
        "memory.tmx",
        "glossary.tbx",
        "glossary-tbx3.tbx",
        "terms.jsonl",
        "alignment.html",
    ] {
        let path = tmp.path().join("out").join(name);
        assert!(path.is_file(), "{name} missing");
    }
    // The shipped glossary went into the termbase: hundreds of concepts, OIM among them.
    let tbx = std::fs::read_to_string(tmp.path().join("out/glossary.tbx")).unwrap();
    assert!(tbx.matches("<termEntry").count() >= 400);
    assert!(tbx.contains(">OIM<"));
    let terms = std::fs::read_to_string(tmp.path().join("out/terms.jsonl")).unwrap();
    assert!(
        terms.lines().count() > 10,
        "{} term hits",
        terms.lines().count()
    );
}

#[test]
fn build_without_folders_outside_the_repository_says_what_to_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let out = trame_in(tmp.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("pass --fr DIR --en DIR"), "{stderr}");
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn terms_without_a_glossary_uses_the_built_in_one() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("r.txt"),
        "La Directrice générale adjointe de l’OIM s’est rendue à Genève.\n",
    )
    .unwrap();
    let out = trame_in(tmp.path(), &["terms", "r.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("\"surface\":\"OIM\"") && stdout.contains("\"en\":\"IOM\""),
        "{stdout}"
    );
}

#[test]
fn segment_uses_built_in_rules_outside_the_repository() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("r.txt"),
        "M. Vitorino est arrivé. Il a parlé.\n",
    )
    .unwrap();
    let out = trame_in(tmp.path(), &["segment", "r.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "M. Vitorino est arrivé.\nIl a parlé.\n"
    );
}
