//! `trame audit` on damaged glossaries: every recoverable problem is a finding with its rule,
//! position and fix, and the rest of the glossary is audited; only an unreadable file stops it.

use std::process::Command;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad_input");

fn audit(args: &[&str]) -> (i32, Vec<serde_json::Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_trame"))
        .arg("audit")
        .args(args)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    let findings = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code().unwrap_or(-1),
        findings,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// (rule, line, entry) of every finding.
fn keys(findings: &[serde_json::Value]) -> Vec<(String, u64, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["entries"][0].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn has(findings: &[serde_json::Value], rule: &str, line: u64, fragment: &str) {
    assert!(
        findings.iter().any(|f| f["rule"] == rule
            && f["line"].as_u64() == Some(line)
            && f["message"].as_str().unwrap().contains(fragment)
            && !f["suggestion"].as_str().unwrap().is_empty()),
        "no {rule} at line {line} with {fragment:?} in {:#?}",
        keys(findings)
    );
}

#[test]
fn a_damaged_tbx_is_audited_whole() {
    let g = format!("{DIR}/tbx-damaged.tbx");
    let (code, f, stderr) = audit(&["--glossary", &g]);
    assert_eq!(code, 0, "{stderr}");
    has(&f, "empty-term", 14, "14:37: empty <term>");
    has(&f, "unrecognised", 18, "unknown partOfSpeech value `nom`");
    has(&f, "damaged", 23, "<langSet> without xml:lang");
    has(&f, "empty-term", 21, "`fr` is empty"); // e4 lost its French with that section
    has(&f, "damaged", 28, "<tig> without <term>");
    has(&f, "damaged", 31, "duplicate id `e1` (first at line 6)");
    has(&f, "empty-term", 36, "`en` is empty"); // e7: no English section
    has(&f, "unrecognised", 44, "language section `de`");
    has(&f, "unrecognised", 48, "unknown data category `colour`");
    has(&f, "damaged", 54, "markup inside <term>");
    has(&f, "mixed-encoding", 57, "Ã©migration");
    // The lint still runs over what was readable: e3 and e12 conflict.
    has(
        &f,
        "conflict",
        16,
        "«passeur» has different English equivalents",
    );
    let fix = f.iter().find(|x| x["rule"] == "mixed-encoding").unwrap()["suggestion"].clone();
    assert_eq!(fix, "Write «émigration».");
}

#[test]
fn a_damaged_csv_is_audited_whole() {
    let g = format!("{DIR}/glossary-damaged.csv");
    let (code, f, stderr) = audit(&["--glossary", &g]);
    assert_eq!(code, 0, "{stderr}");
    has(&f, "unrecognised", 1, "unknown column(s) `colour`");
    has(&f, "damaged", 3, "duplicate id `1` (first at line 2)");
    has(&f, "damaged", 4, "unknown tag `feminine`");
    has(&f, "damaged", 5, "row has 4 fields, the header has 6");
    has(&f, "mixed-encoding", 6, "Ã©migration");
    has(&f, "empty-term", 7, "`fr` is empty");
    // Rows 2 (first id 1) and 8 were read and checked: no finding says they were left out.
    assert!(!f.iter().any(|x| x["line"] == 8 && x["rule"] == "damaged"));
}

#[test]
fn the_html_report_is_written_and_fail_on_still_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let html = tmp.path().join("audit.html");
    let out = Command::new(env!("CARGO_BIN_EXE_trame"))
        .args(["audit", "--glossary", &format!("{DIR}/tbx-damaged.tbx")])
        .args(["--format", "html", "--fail-on", "error", "-o"])
        .arg(&html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("Damaged entries"), "no damaged section");
    assert!(page.contains("empty &lt;term&gt;") || page.contains("empty <term>"));
}

#[test]
fn an_unreadable_glossary_still_stops_with_its_position() {
    let (code, _, stderr) = audit(&["--glossary", &format!("{DIR}/tbx-malformed.tbx")]);
    assert_eq!(code, 1);
    assert!(stderr.contains("tbx-malformed.tbx:"), "{stderr}");
    let (code, _, stderr) = audit(&[
        "--glossary",
        &format!("{DIR}/glossary-unbalanced-quote.csv"),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("glossary-unbalanced-quote.csv:2:3: unterminated quoted field"));
}

#[test]
fn strict_readers_still_refuse_what_the_audit_reports() {
    for args in [
        vec!["glossary", "import", "tbx-damaged.tbx"],
        vec!["glossary", "export", "glossary-damaged.csv", "--to", "tbx2"],
    ] {
        let args: Vec<String> = args
            .iter()
            .map(|a| {
                if a.contains('.') {
                    format!("{DIR}/{a}")
                } else {
                    a.to_string()
                }
            })
            .collect();
        let out = Command::new(env!("CARGO_BIN_EXE_trame"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
    }
}

#[test]
fn broken_memory_units_are_findings_and_the_others_are_checked() {
    let (code, f, stderr) = audit(&[
        "--glossary",
        &format!("{DIR}/glossary-semicolon.csv"),
        "--tm",
        &format!("{DIR}/tmx-broken-units.tmx"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    has(&f, "damaged", 6, "unit 2 is broken");
    has(&f, "damaged", 6, "6:18: <tuv> without xml:lang");
    has(&f, "damaged", 8, "unit 4 is broken");
    has(&f, "damaged", 9, "unknown entity `&nbsp;`");
    // Units after the broken ones are still compared: c and f disagree.
    assert!(
        f.iter()
            .any(|x| x["rule"] == "tm-inconsistent" && x["tus"] == serde_json::json!(["c", "f"])),
        "{:#?}",
        keys(&f)
    );
    // A memory whose XML is broken still stops the audit with its position.
    let (code, _, stderr) = audit(&[
        "--glossary",
        &format!("{DIR}/glossary-semicolon.csv"),
        "--tm",
        &format!("{DIR}/tmx-unclosed-tag.tmx"),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("tmx-unclosed-tag.tmx:"), "{stderr}");
}

#[test]
fn a_title_without_feminine_is_found_from_its_head_noun_without_category() {
    let tmp = tempfile::tempdir().unwrap();
    let g = tmp.path().join("titles.tbx");
    let entry = |id: &str, fr: &str, en: &str| {
        format!(
            "<termEntry id=\"{id}\"><admin type=\"source\">x</admin>\
             <langSet xml:lang=\"fr\"><tig><term>{fr}</term></tig></langSet>\
             <langSet xml:lang=\"en\"><tig><term>{en}</term></tig></langSet></termEntry>\n"
        )
    };
    let body = [
        entry("t1", "Directeur régional", "Regional Director"),
        entry("t2", "Ambassadeur de bonne volonté", "Goodwill Ambassador"),
        entry("t3", "migrant", "migrant"),
        entry("t4", "Directrice exécutive", "Executive Director"),
        entry(
            "t5",
            "Organisation internationale pour les migrations",
            "international organization for migration",
        ),
    ]
    .concat();
    std::fs::write(
        &g,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX-Basic\" xml:lang=\"fr\">\
             <martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>\
             <text><body>\n{body}</body></text></martif>\n"
        ),
    )
    .unwrap();
    let (code, f, stderr) = audit(&["--glossary", g.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let titles: Vec<(String, String)> = f
        .iter()
        .filter(|x| x["rule"] == "missing-gender-form")
        .map(|x| {
            (
                x["entries"][0].as_str().unwrap().to_string(),
                x["suggestion"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(titles.len(), 2, "{titles:#?}");
    assert_eq!(titles[0].0, "t1");
    assert!(titles[0].1.contains("«Directrice régionale»"));
    assert_eq!(titles[1].0, "t2");
    assert!(titles[1].1.contains("«Ambassadrice de bonne volonté»"));
    // A proper name whose English is in lower case.
    has(
        &f,
        "capitalisation",
        7,
        "«international organization for migration» is all lower case",
    );
}

#[test]
fn terms_in_the_wrong_language_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    let g = tmp.path().join("swapped.csv");
    std::fs::write(
        &g,
        "id,fr,en,source\n1,International Organization for Migration,Organisation internationale pour les migrations,x\n2,Cartagena de Indias,Cartagena de Indias,x\n3,Universidad de la Plata,Universidad de la Plata,x\n",
    )
    .unwrap();
    let (code, f, stderr) = audit(&["--glossary", g.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    has(
        &f,
        "wrong-language",
        2,
        "The French term «International Organization for Migration» of entry 1 reads as English",
    );
    has(&f, "wrong-language", 2, "The English term «Organisation internationale pour les migrations» of entry 1 reads as French");
    assert_eq!(
        f.iter().filter(|x| x["rule"] == "wrong-language").count(),
        2
    );
}
