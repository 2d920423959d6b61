//! `trame tmx validate` and `trame tmx repair` on a damaged memory (UTF-16 from memoQ, a
//! pasted control character, mixed language codes, custom props, duplicate tuids, broken and
//! empty units): every problem with line:column and the tool that would trip; a repaired file
//! that passes check-tmx and loads in OmegaT with every salvageable unit.

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
fn validate_lists_each_problem_with_position_and_tool() {
    let f = format!("{DIR}/tmx-damaged-utf16.tmx");
    let (code, out, err) = trame(&["tmx", "validate", "--format", "jsonl", &f]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("12 problem(s) a CAT tool would reject or lose"),
        "{err}"
    );
    let issues: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(String, u64, u64)> = issues
        .iter()
        .map(|i| {
            (
                i["rule"].as_str().unwrap().to_string(),
                i["line"].as_u64().unwrap(),
                i["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("encoding", 1, 1),
        ("prop-without-x", 4, 5),
        ("prop-without-x", 7, 18),
        ("duplicate-tuid", 8, 5),
        ("lang-code-form", 8, 18),
        ("xml-illegal-char", 8, 45),
        ("lang-code-form", 8, 81),
        ("unit-without-pair", 9, 5),
        ("lang-code-form", 9, 18),
        ("empty-segment", 10, 40),
        ("srclang", 11, 5),
        ("tuv-without-lang", 11, 18),
    ];
    let want: Vec<(String, u64, u64)> = want
        .iter()
        .map(|(r, l, c)| (r.to_string(), *l, *c))
        .collect();
    assert_eq!(got, want);
    for i in &issues {
        assert!(!i["tools"].as_str().unwrap().is_empty());
        assert!(!i["fix"].as_str().unwrap().is_empty());
    }
    assert!(issues[5]["tools"].as_str().unwrap().contains("OmegaT"));
    // Text format: one line per problem, FILE:LINE:COL first.
    let (code, out, _) = trame(&["tmx", "validate", &f]);
    assert_eq!(code, 1);
    assert!(out.lines().all(|l| l.starts_with(&format!("{f}:"))));
    assert_eq!(out.lines().count(), 12);
}

#[test]
fn validate_passes_trame_output_and_flags_other_damage() {
    let tmp = tempfile::tempdir().unwrap();
    let tsv = tmp.path().join("p.tsv");
    std::fs::write(&tsv, "Un.\tOne.\nDeux.\tTwo.\n").unwrap();
    let tmx = tmp.path().join("ok.tmx");
    let (code, _, err) = trame(&[
        "tmx",
        "from-tsv",
        tsv.to_str().unwrap(),
        "-o",
        tmx.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = trame(&["tmx", "validate", tmx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.ends_with("OK (2 units)\n"), "{out}");
    let (code, out, _) = trame(&["tmx", "validate", &format!("{DIR}/tmx-lying-encoding.tmx")]);
    assert_eq!(code, 1);
    assert!(
        out.contains("tmx-lying-encoding.tmx:1:1: encoding-declaration"),
        "{out}"
    );
    let (code, out, _) = trame(&["tmx", "validate", &format!("{DIR}/tmx-duplicate-tuids.tmx")]);
    assert_eq!(code, 1);
    assert!(out.contains(":6:5: duplicate-tuid: tuid `7`"), "{out}");
    let (code, out, _) = trame(&["tmx", "validate", &format!("{DIR}/tmx-missing-srclang.tmx")]);
    assert_eq!(code, 1);
    assert!(
        out.contains("header: <header> without the required attribute `srclang`"),
        "{out}"
    );
    // Not well-formed: reported at its position, as a problem (exit 1), not a crash.
    let (code, out, _) = trame(&["tmx", "validate", &format!("{DIR}/tmx-unclosed-tag.tmx")]);
    assert_eq!(code, 1);
    assert!(out.contains("unreadable: not well-formed XML"), "{out}");
}

#[test]
fn repair_output_passes_check_tmx_and_loads_in_omegat() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("repaired.tmx");
    let (code, _, err) = trame(&[
        "tmx",
        "repair",
        &format!("{DIR}/tmx-damaged-utf16.tmx"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    for change in [
        "UTF-16LE re-encoded as UTF-8",
        "header: prop type `client` written as `x-client`",
        "unit 2 (tuid 1): language `FR-fr` written as `fr-FR`",
        "unit 2 (tuid 1): tuid `1` already used, written as `1-2`",
        "removed 1 XML-illegal character(s)",
        "unit 3 (tuid 3): dropped (1 variant(s), a unit needs two)",
        "unit 4 (tuid 4): dropped (empty segment)",
        "unit 5: dropped (",
        "3 of 6 unit(s) written",
    ] {
        assert!(err.contains(change), "missing {change:?} in:\n{err}");
    }
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert_eq!(text.matches("<tu ").count(), 3);
    // Validate finds nothing left; the checkers agree.
    let (code, _, err) = trame(&["tmx", "validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    common::check("check-tmx", &out, &[]);
    common::check(
        "check-omegat",
        &out,
        &["--source-lang", "fr-FR", "--target-lang", "en-US"],
    );
}

#[test]
fn repair_maps_languages_renumbers_and_reads_a_lying_declaration() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.tmx");
    let (code, _, err) = trame(&[
        "tmx",
        "repair",
        &format!("{DIR}/tmx-damaged-utf16.tmx"),
        "-o",
        out.to_str().unwrap(),
        "--renumber",
        "--lang",
        "en-US=en-GB",
        "--lang",
        "en-us=en-GB",
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("xml:lang=\"en-US\""), "{text}");
    assert_eq!(text.matches("xml:lang=\"en-GB\"").count(), 3);
    for id in ["1", "2", "3"] {
        assert!(text.contains(&format!("<tu tuid=\"{id}\">")), "{text}");
    }
    let (code, _, err) = trame(&[
        "tmx",
        "repair",
        &format!("{DIR}/tmx-lying-encoding.tmx"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("the declaration said encoding=\"ISO-8859-1\" over UTF-8 bytes"));
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("Le Directeur général de l’OIM."));
    // An unreadable file is refused and nothing is written.
    let out2 = tmp.path().join("none.tmx");
    let (code, _, err) = trame(&[
        "tmx",
        "repair",
        &format!("{DIR}/tmx-unclosed-tag.tmx"),
        "-o",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(!out2.exists());
    // `*` as srclang needs --src-lang.
    let (code, _, err) = trame(&[
        "tmx",
        "repair",
        &format!("{DIR}/tmx-v11-lang-star.tmx"),
        "-o",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
}
