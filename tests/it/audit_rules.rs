//! `trame audit` on the hand-written fixtures in `fixtures/audit/`: one planted instance of every
//! rule in the flawed glossary, corpus and memory, each asserted found with its exact entries/TUs;
//! the clean glossary has no error or warning; exit codes for `--fail-on` and a bad glossary.
//!
//! The planted rows carry a `planted: <rule>` note in `fixtures/audit/flawed-glossary.csv`.

use assert_cmd::Command;
use serde_json::Value;
use std::sync::OnceLock;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/audit");

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// Runs `trame audit --format jsonl` with `args`, asserts it succeeded, returns the findings.
fn jsonl(args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("trame")
        .unwrap()
        .arg("audit")
        .args(args)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "trame audit {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

/// The flawed glossary alone (lint only).
fn lint() -> &'static [Value] {
    static RUN: OnceLock<Vec<Value>> = OnceLock::new();
    RUN.get_or_init(|| jsonl(&["--glossary", &fixture("flawed-glossary.csv")]))
}

/// The flawed glossary with the corpus directory.
fn corpus() -> &'static [Value] {
    static RUN: OnceLock<Vec<Value>> = OnceLock::new();
    RUN.get_or_init(|| {
        jsonl(&[
            "--glossary",
            &fixture("flawed-glossary.csv"),
            "--corpus",
            &fixture("corpus"),
        ])
    })
}

/// The flawed glossary with the memory.
fn memory() -> &'static [Value] {
    static RUN: OnceLock<Vec<Value>> = OnceLock::new();
    RUN.get_or_init(|| {
        jsonl(&[
            "--glossary",
            &fixture("flawed-glossary.csv"),
            "--tm",
            &fixture("memory.tmx"),
        ])
    })
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

fn of_rule<'a>(findings: &'a [Value], rule: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["rule"] == rule).collect()
}

/// Asserts one finding of `rule` names exactly `entries` and `tus`, and returns it.
fn assert_found<'a>(
    findings: &'a [Value],
    rule: &str,
    entries: &[&str],
    tus: &[&str],
) -> &'a Value {
    let all = of_rule(findings, rule);
    all.iter()
        .copied()
        .find(|f| strings(&f["entries"]) == entries && strings(&f["tus"]) == tus)
        .unwrap_or_else(|| {
            panic!("no `{rule}` finding with entries {entries:?} tus {tus:?}; got {all:#?}")
        })
}

#[test]
fn every_finding_has_exactly_the_contract_keys() {
    for f in lint().iter().chain(corpus()) {
        let mut keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "doc",
                "entries",
                "line",
                "message",
                "rule",
                "severity",
                "suggestion",
                "tus"
            ],
            "{f}"
        );
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }
}

#[test]
fn duplicate() {
    let f = assert_found(lint(), "duplicate", &["dup-a", "dup-b"], &[]);
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["doc"], fixture("flawed-glossary.csv"));
    assert_eq!(f["line"], 10);
}

#[test]
fn conflict() {
    let f = assert_found(lint(), "conflict", &["trafic-1", "trafic-2"], &[]);
    assert_eq!(f["severity"], "error");
    assert_eq!(
        f["message"],
        "«trafic illicite de migrants» has different English equivalents: «migrant smuggling» (trafic-1), «trafficking in persons» (trafic-2)"
    );
}

#[test]
fn synonym() {
    let f = assert_found(lint(), "synonym", &["depl-1", "depl-2"], &[]);
    assert_eq!(f["severity"], "info");
}

#[test]
fn near_duplicate() {
    assert_found(lint(), "near-duplicate", &["apatride", "apatrides"], &[]);
    assert_eq!(of_rule(lint(), "near-duplicate").len(), 1);
}

#[test]
fn missing_gender_form() {
    let f = assert_found(lint(), "missing-gender-form", &["chef-mission"], &[]);
    assert_eq!(f["line"], 7);
    assert!(f["suggestion"]
        .as_str()
        .unwrap()
        .contains("«cheffe de mission»"));
    assert_eq!(
        of_rule(lint(), "missing-gender-form").len(),
        1,
        "dg has its [f] form"
    );
}

#[test]
fn acronym() {
    assert_found(lint(), "acronym", &["pnud"], &[]);
    assert_eq!(of_rule(lint(), "acronym").len(), 1);
}

#[test]
fn whitespace() {
    let f = assert_found(lint(), "whitespace", &["retour"], &[]);
    assert_eq!(f["message"], "Entry retour: trailing space in `fr`");
    assert_eq!(f["line"], 18);
}

#[test]
fn apostrophe() {
    assert_found(lint(), "apostrophe", &["main-oeuvre"], &[]);
    assert_eq!(of_rule(lint(), "apostrophe").len(), 1);
}

#[test]
fn capitalisation() {
    assert_found(lint(), "capitalisation", &["oit"], &[]);
    assert_eq!(of_rule(lint(), "capitalisation").len(), 1);
}

#[test]
fn missing_source() {
    assert_found(lint(), "missing-source", &["flux"], &[]);
    assert_eq!(of_rule(lint(), "missing-source").len(), 1);
}

#[test]
fn empty_term() {
    let f = assert_found(lint(), "empty-term", &["envois"], &[]);
    assert_eq!(f["severity"], "error");
    assert_eq!(
        f["message"],
        "Entry envois: `fr_variants` has an empty variant"
    );
}

#[test]
fn unused() {
    let f = assert_found(corpus(), "unused", &["flux"], &[]);
    assert_eq!((&f["doc"], &f["line"]), (&Value::Null, &Value::Null));
    // flux is the planted one; the other rows exist for lint rules and their terms are not in
    // the corpus either (dup-b: the matcher gives `réinstallation` to dup-a, the first row).
    let unused: Vec<String> = of_rule(corpus(), "unused")
        .iter()
        .flat_map(|f| strings(&f["entries"]))
        .collect();
    assert_eq!(
        unused,
        [
            "apatride",
            "apatrides",
            "depl-1",
            "dup-b",
            "flux",
            "main-oeuvre",
            "oit",
            "pays-origine",
            "pnud",
            "trafic-1",
            "trafic-2"
        ]
    );
}

fn candidate(needle: &str) -> &'static Value {
    let all = of_rule(corpus(), "candidate-term");
    all.iter()
        .copied()
        .find(|f| f["message"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no candidate {needle}; got {all:#?}"))
}

#[test]
fn candidate_term_recurring_names() {
    let g = candidate("«Groupe de travail conjoint du Sommet»");
    assert_eq!(
        g["message"],
        "«Groupe de travail conjoint du Sommet» occurs 2 times in 1 document and is not in the glossary"
    );
    let c = candidate("«Conseil norvégien des réfugiés»");
    assert_eq!(
        c["message"],
        "«Conseil norvégien des réfugiés» occurs 2 times in 2 documents and is not in the glossary"
    );
    assert_eq!(c["doc"], fixture("corpus/2025-02-deplaces.txt"));
    assert_eq!(c["line"], 2);
    assert_eq!(strings(&c["entries"]), Vec::<String>::new());
    assert_eq!(g["doc"], fixture("corpus/2025-01-sommet.txt"));
    assert_eq!(g["line"], 2);
    // Ranked by spread, then frequency: the name found in two documents comes first.
    let all = of_rule(corpus(), "candidate-term");
    let pos = |needle: &str| {
        all.iter()
            .position(|f| f["message"].as_str().unwrap().contains(needle))
    };
    assert!(pos("«Conseil norvégien") < pos("«Groupe de travail"));
}

#[test]
fn candidate_term_defined_acronyms() {
    let j = candidate("«JSWG»");
    assert_eq!(
        j["message"],
        "The acronym «JSWG» is defined in the text as «Groupe de travail conjoint du Sommet» (1 occurrence in 1 document) and is not in the glossary"
    );
    assert_eq!(j["line"], 2);
    let h = candidate("«HCR»");
    assert!(h["message"].as_str().unwrap().contains(
        "as «Haut-Commissariat des Nations Unies pour les réfugiés» (2 occurrences in 2 documents)"
    ));
    assert_eq!(h["doc"], fixture("corpus/2025-02-deplaces.txt"));
    assert_eq!(h["line"], 3);
    // Acronyms the glossary has are not candidates.
    let all = of_rule(corpus(), "candidate-term");
    assert!(!all
        .iter()
        .any(|f| f["message"].as_str().unwrap().contains("«OEA»")));
}

#[test]
fn source_error() {
    let f = assert_found(corpus(), "source-error", &["dg"], &[]);
    assert_eq!(f["doc"], fixture("corpus/2025-01-sommet.txt"));
    assert_eq!(f["line"], 4);
    assert!(
        f["message"].as_str().unwrap().contains("gender-agreement"),
        "{f}"
    );
}

#[test]
fn tm_term_missing() {
    let f = assert_found(memory(), "tm-term-missing", &["dg"], &["t2"]);
    assert_eq!(f["doc"], fixture("memory.tmx"));
    assert_eq!(f["line"], Value::Null);
    let all = of_rule(memory(), "tm-term-missing");
    assert_eq!(all.len(), 1, "{all:#?}");
}

#[test]
fn tm_deprecated_term() {
    let f = assert_found(memory(), "tm-deprecated-term", &["dg"], &["t7"]);
    assert_eq!(
        f["message"],
        "TU t7: the English uses «Director-General», a deprecated form of «Director General» (for «Directrice générale»)"
    );
    assert_eq!(of_rule(memory(), "tm-deprecated-term").len(), 1);
}

#[test]
fn tm_inconsistent() {
    assert_found(memory(), "tm-inconsistent", &[], &["t3", "t4"]);
    assert_eq!(of_rule(memory(), "tm-inconsistent").len(), 1);
}

#[test]
fn tm_inconsistent_source_uses_the_position_of_a_tu_without_tuid() {
    let f = assert_found(memory(), "tm-inconsistent-source", &[], &["5", "t6"]);
    assert_eq!(f["severity"], "info");
}

#[test]
fn clean_glossary_has_no_errors_or_warnings() {
    // The glossary alone: the corpus and memory hold planted source and memory defects.
    let findings = jsonl(&["--glossary", &fixture("clean-glossary.csv")]);
    let bad: Vec<&Value> = findings
        .iter()
        .filter(|f| f["severity"] != "info")
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

fn trame() -> Command {
    let mut cmd = Command::cargo_bin("trame").unwrap();
    cmd.arg("audit");
    cmd
}

#[test]
fn fail_on_error_exits_1_after_writing_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.jsonl");
    let assert = trame()
        .args(["--glossary", &fixture("flawed-glossary.csv")])
        .args(["--format", "jsonl", "--fail-on", "error", "-o"])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("--fail-on error"), "{stderr}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.lines().any(|l| l.contains("\"rule\":\"conflict\"")));
}

#[test]
fn fail_on_warning_passes_a_clean_glossary() {
    trame()
        .args([
            "--glossary",
            &fixture("clean-glossary.csv"),
            "--fail-on",
            "warning",
        ])
        .assert()
        .code(0);
}

#[test]
fn fail_on_thresholds_on_a_glossary_with_only_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    std::fs::write(
        &g,
        "id,fr,en,category,gender,fr_variants,en_variants,note,source\nx,apatride,stateless person,concept,m,,,,\n",
    )
    .unwrap();
    let g = g.to_str().unwrap();
    trame()
        .args(["--glossary", g, "--fail-on", "error"])
        .assert()
        .code(0);
    trame()
        .args(["--glossary", g, "--fail-on", "warning"])
        .assert()
        .code(1);
}

#[test]
fn a_malformed_row_is_a_finding_and_the_report_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("bad.csv");
    std::fs::write(
        &g,
        "id,fr,en,category,gender,fr_variants,en_variants,note,source\nok,apatride,stateless person,concept,m,,,,s\nbad,a,b,c,m,,,,s,extra,cells\n",
    )
    .unwrap();
    let out = dir.path().join("report.txt");
    trame()
        .args(["--glossary", g.to_str().unwrap(), "--format", "jsonl", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(
        report.contains("\"rule\":\"damaged\"")
            && report.contains("\"line\":3")
            && report.contains("row has 11 fields, the header has 9"),
        "{report}"
    );
}

#[test]
fn text_report_groups_findings_by_rule() {
    let out = trame()
        .args(["--glossary", &fixture("flawed-glossary.csv")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let head = format!(
        "Terminology audit of {} (21 entries)\n",
        fixture("flawed-glossary.csv")
    );
    assert!(text.starts_with(&head), "{text}");
    assert!(
        text.contains("== Conflicting translations [conflict, error]: 1\n"),
        "{text}"
    );
    assert!(
        text.contains("== Duplicate entries [duplicate, warning]: 1\n"),
        "{text}"
    );
}

#[test]
fn a_corpus_directory_without_txt_files_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    trame()
        .args(["--glossary", &fixture("clean-glossary.csv"), "--corpus"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("holds no .txt file"));
}

#[test]
fn a_tbx_glossary_is_linted_with_term_entry_ids_and_lines() {
    let findings = jsonl(&["--glossary", &fixture("flawed-glossary.tbx")]);
    let f = assert_found(&findings, "conflict", &["e1", "e2"], &[]);
    assert_eq!(f["line"], 11);
    let s = assert_found(&findings, "missing-source", &["e3"], &[]);
    assert_eq!(s["line"], 23);
    assert_eq!(findings.len(), 2, "{findings:#?}");
}

#[test]
fn text_report_shows_both_segments_of_a_memory_finding() {
    let out = trame()
        .args(["--glossary", &fixture("flawed-glossary.csv")])
        .args(["--tm", &fixture("memory.tmx")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "- {}: TU t2: the French has «Directeur général» but the English lacks «Director General»\n    fr: Le Directeur général a salué les partenaires.\n    en: The head of the agency thanked the partners.\n",
        fixture("memory.tmx")
    );
    assert!(text.contains(&expected), "{text}");
}

#[test]
fn a_malformed_memory_exits_1_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = dir.path().join("bad.tmx");
    std::fs::write(
        &tmx,
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"fr\" adminlang=\"en\" segtype=\"sentence\" datatype=\"plaintext\" o-tmf=\"x\" creationtool=\"x\" creationtoolversion=\"1\"/>\n<body>\n<tu><tuv xml:lang=\"fr\"><seg>a</tuv></tu>\n</body>\n</tmx>\n",
    )
    .unwrap();
    let assert = trame()
        .args(["--glossary", &fixture("clean-glossary.csv"), "--tm"])
        .arg(&tmx)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("bad.tmx:5:"), "{stderr}");
}

#[test]
fn html_report_from_the_command_is_one_self_contained_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("audit.html");
    trame()
        .args(["--glossary", &fixture("flawed-glossary.csv")])
        .args(["--corpus", &fixture("corpus"), "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for rule in [
        "conflict",
        "empty-term",
        "candidate-term",
        "source-error",
        "unused",
    ] {
        assert!(
            html.contains(&format!("<section id=\"rule-{rule}\"")),
            "{rule}"
        );
    }
    assert!(!html.contains("<link") && !html.contains(" src=\"") && !html.contains("url("));
    assert!(html.contains("<section id=\"coverage\">"));
}

#[test]
fn the_clean_glossary_exported_to_tbx_v2_and_v3_stays_clean() {
    let dir = tempfile::tempdir().unwrap();
    for version in ["tbx2", "tbx3"] {
        let tbx = dir.path().join(format!("clean.{version}.tbx"));
        Command::cargo_bin("trame")
            .unwrap()
            .args([
                "glossary",
                "export",
                &fixture("clean-glossary.csv"),
                "--to",
                version,
                "-o",
            ])
            .arg(&tbx)
            .assert()
            .code(0);
        let findings = jsonl(&["--glossary", tbx.to_str().unwrap()]);
        let bad: Vec<&Value> = findings
            .iter()
            .filter(|f| f["severity"] != "info")
            .collect();
        assert!(bad.is_empty(), "{version}: {bad:#?}");
    }
}

#[test]
fn candidate_terms_are_exactly_the_planted_ones_ranked_by_spread_then_frequency() {
    let names: Vec<String> = of_rule(corpus(), "candidate-term")
        .iter()
        .map(|f| {
            let m = f["message"].as_str().unwrap();
            let start = m.find('«').unwrap() + '«'.len_utf8();
            m[start..m.find('»').unwrap()].to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "Conseil norvégien des réfugiés", // 2 documents, 2 times, line 2
            "HCR",                            // 2 documents, 2 times, line 3
            "Groupe de travail conjoint du Sommet", // 1 document, 2 times
            "JSWG",                           // 1 document, once
        ]
    );
}

#[test]
fn the_full_run_finds_each_planted_defect_once() {
    let findings = jsonl(&[
        "--glossary",
        &fixture("flawed-glossary.csv"),
        "--corpus",
        &fixture("corpus"),
        "--tm",
        &fixture("memory.tmx"),
    ]);
    let mut census = std::collections::BTreeMap::new();
    for f in &findings {
        *census
            .entry(f["rule"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    let expected: std::collections::BTreeMap<String, i32> = [
        ("acronym", 1),
        ("apostrophe", 1),
        ("candidate-term", 4), // two recurring names, two acronyms defined in the text
        ("capitalisation", 1),
        ("conflict", 1),
        ("duplicate", 1),
        ("empty-term", 1),
        ("missing-gender-form", 1),
        ("missing-source", 1),
        ("near-duplicate", 1),
        ("source-error", 1),
        ("synonym", 1),
        ("tm-deprecated-term", 1),
        ("tm-inconsistent", 1),
        ("tm-inconsistent-source", 1),
        ("tm-term-missing", 1),
        ("unused", 11), // see `unused`
        ("whitespace", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(census, expected);
}

#[test]
fn a_memory_without_the_glossary_languages_is_an_error_not_a_silent_pass() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = dir.path().join("de-es.tmx");
    std::fs::write(
        &tmx,
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"de\" adminlang=\"en\" segtype=\"sentence\" datatype=\"plaintext\" o-tmf=\"x\" creationtool=\"x\" creationtoolversion=\"1\"/>\n<body>\n<tu><tuv xml:lang=\"de\"><seg>Hallo</seg></tuv><tuv xml:lang=\"es\"><seg>Hola</seg></tuv></tu>\n</body>\n</tmx>\n",
    )
    .unwrap();
    trame()
        .args(["--glossary", &fixture("clean-glossary.csv"), "--tm"])
        .arg(&tmx)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "de-es.tmx: no translation unit has segments in both `fr` and `en`",
        ));
}
