//! `trame tbx validate` and `trame tbx repair` on a damaged termbase.

use super::common;

use std::process::Command;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad_input");

fn trame(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_trame"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn validate_names_position_rule_and_tool() {
    let f = format!("{DIR}/tbx-damaged.tbx");
    let (code, out, err) = trame(&["tbx", "validate", "--format", "jsonl", &f]);
    assert_eq!(code, 1, "{err}");
    let issues: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find = |rule: &str, line: u64, col: u64| {
        assert!(
            issues
                .iter()
                .any(|i| i["rule"] == rule && i["line"] == line && i["column"] == col),
            "no {rule} at {line}:{col} in {out}"
        )
    };
    find("empty-term", 14, 37);
    find("not-tbx-basic", 18, 57);
    find("langset-without-lang", 23, 9);
    find("damaged", 28, 32);
    find("duplicate-id", 31, 7);
    find("not-tbx-basic", 48, 9);
    find("damaged", 54, 37);
    find("non-numeric-id", 6, 1);
    assert!(issues
        .iter()
        .all(|i| !i["tools"].as_str().unwrap().is_empty()));
}

#[test]
fn validate_flags_v3_and_lying_declarations_and_passes_trame_v2() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("g.csv");
    std::fs::write(
        &csv,
        "id,fr,en\n1,apatridie,statelessness\n2,passeur,smuggler\n",
    )
    .unwrap();
    for (to, name) in [("tbx2", "v2.tbx"), ("tbx3", "v3.tbx")] {
        let out = tmp.path().join(name);
        let (code, _, err) = trame(&[
            "glossary",
            "export",
            csv.to_str().unwrap(),
            "--to",
            to,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
    }
    let (code, out, _) = trame(&[
        "tbx",
        "validate",
        tmp.path().join("v2.tbx").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("OK (2 entries)\n"), "{out}");
    let (code, out, _) = trame(&[
        "tbx",
        "validate",
        tmp.path().join("v3.tbx").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains(":1:1: tbx-v3: TBX v3") && out.contains("OmegaT 3.6"),
        "{out}"
    );
    let (code, out, _) = trame(&["tbx", "validate", &format!("{DIR}/tbx-lying-encoding.tbx")]);
    assert_eq!(code, 1);
    assert!(out.contains("tbx-lying-encoding.tbx:1:1: unreadable: the XML declaration says encoding=\"windows-1252\""), "{out}");
}

#[test]
fn repair_writes_a_v2_termbase_that_passes_the_checkers() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("fixed.tbx");
    let (code, _, err) = trame(&[
        "tbx",
        "repair",
        &format!("{DIR}/tbx-damaged.tbx"),
        "--renumber",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    for change in [
        "14:37: empty <term>",
        "23:9: <langSet> without xml:lang",
        "markup removed: «<b>résilience</b>» written as «résilience»",
        "3 entr(y/ies) without a term in both languages left out",
        "9 entries renumbered 1…9",
    ] {
        assert!(err.contains(change), "missing {change:?} in {err}");
    }
    let (code, out_text, _) = trame(&["tbx", "validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{out_text}");
    common::check("check-tbx", &out, &[]);
    common::check("check-omegat-tbx", &out, &[]);
}
