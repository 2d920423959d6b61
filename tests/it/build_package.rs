//! What `trame build` writes for CAT tools besides memory.tmx: the memory split by confidence
//! (memory-auto.tmx / memory-review.tmx) and the OmegaT project of its French sources.

use assert_cmd::Command;
use std::path::Path;

use crate::common;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn units(path: &Path) -> Vec<trame::tmx::TranslationUnit> {
    trame::tmx::TmxReader::open(path.to_str().unwrap(), Default::default())
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn build_splits_its_memory_and_writes_an_omegat_project() {
    let out = tempfile::tempdir().unwrap();
    Command::cargo_bin("trame")
        .unwrap()
        .current_dir(ROOT)
        .args(["build", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let all = units(&out.path().join("memory.tmx"));
    let auto = units(&out.path().join("memory-auto.tmx"));
    let review = units(&out.path().join("memory-review.tmx"));
    // every two-sided link lands in exactly one of them (memory.tmx keeps all at --min-confidence 0)
    assert_eq!(auto.len() + review.len(), all.len());
    for u in &auto {
        assert_eq!(u.prop("x-bead"), Some("1-1"));
        let c: f64 = u.prop("x-confidence").unwrap().parse().unwrap();
        assert!(c >= 0.8, "{u:?}");
        assert!(u.prop("x-note").is_none());
    }
    for u in &review {
        let note = u.prop("x-note").expect("a doubtful unit says why");
        assert!(note.starts_with("doubtful: "), "{note}");
    }
    // the two links the gold alignments mark as wrong are merged beads: both in review
    let in_review = |fr_start: &str| {
        review
            .iter()
            .any(|u| u.variants[0].text.starts_with(fr_start))
    };
    assert!(in_review("M. McKinley a mis l’accent"));
    assert!(in_review("La première réunion a ouvert la voie"));
    let proj = out.path().join("omegat");
    for f in [
        "omegat.project",
        "tm/auto/memory-auto.tmx",
        "tm/memory-review.tmx",
        "glossary/glossary.tbx",
        "source/2019-03-bapa40.xlf",
        "source/2006-lima-ministerial.xlf",
    ] {
        assert!(proj.join(f).is_file(), "{f} missing");
    }
    common::check("check-tmx", &out.path().join("memory-auto.tmx"), &[]);
    common::check("check-tmx", &out.path().join("memory-review.tmx"), &[]);
    common::check("check-omegat", &out.path().join("memory-auto.tmx"), &[]);
    common::check(
        "check-omegat-xliff",
        &proj.join("source/2006-lima-ministerial.xlf"),
        &[
            "--profile",
            "omegat",
            "--tm-auto",
            proj.join("tm/auto/memory-auto.tmx").to_str().unwrap(),
            "--tm",
            proj.join("tm/memory-review.tmx").to_str().unwrap(),
        ],
    );
}
