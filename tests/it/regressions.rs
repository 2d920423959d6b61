//! Defects that came from two copies of one idea disagreeing (issue 12), one test each, run
//! through the CLI as a user meets them.

use crate::common::trame;
use assert_cmd::Command;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// An escaped `\|` inside a variant is text, for the audit as for the matcher.
#[test]
fn audit_reads_escaped_separators_as_the_matcher_does() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = write(
        dir.path(),
        "g.csv",
        "id,fr,en,category,fr_variants,en_variants,source\n\
         om,Organisation mondiale,World Organisation,organisation,\"R\\||Orgmonde\",WO [acronym],https://example.org\n",
    );
    let corpus = write(
        dir.path(),
        "c.txt",
        "L’Orgmonde a publié son rapport annuel.\n",
    );
    let terms = stdout(trame().args(["terms", "--format", "tsv", "-g", &glossary, &corpus]));
    assert!(terms.contains("\tOrgmonde\t"), "{terms}");

    let findings = stdout(trame().args([
        "audit", "-g", &glossary, "--corpus", &corpus, "--format", "jsonl",
    ]));
    let rules: Vec<String> = findings
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["rule"].to_string())
        .collect();
    assert!(
        !rules
            .iter()
            .any(|r| r == "\"empty-term\"" || r == "\"unused\""),
        "{findings}"
    );
}

/// `align --glossary` takes a TBX like every other command.
#[test]
fn align_accepts_a_tbx_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let csv = format!("{ROOT}/glossaries/iom-fr-en.csv");
    let tbx = dir.path().join("g.tbx").display().to_string();
    stdout(trame().args(["glossary", "export", &csv, "--to", "tbx2", "-o", &tbx]));
    let fr = format!("{ROOT}/fixtures/releases/fr/2019-03-bapa40.txt");
    let en = format!("{ROOT}/fixtures/releases/en/2019-03-bapa40.txt");
    let with_csv = stdout(trame().args(["align", &fr, &en, "--glossary", &csv]));
    let with_tbx = stdout(trame().args(["align", &fr, &en, "--glossary", &tbx]));
    assert!(with_tbx.lines().count() > 10, "{with_tbx}");
    assert_eq!(with_csv, with_tbx);
}

/// A TBX whose entries have no `id`: streamed and whole-file summaries count each concept apart.
#[test]
fn streamed_summary_keeps_concepts_without_ids_apart() {
    let dir = tempfile::tempdir().unwrap();
    let tbx = write(
        dir.path(),
        "g.tbx",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="fr">
<martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry><langSet xml:lang="fr"><tig><term>Organisation internationale pour les migrations</term></tig></langSet>
<langSet xml:lang="en"><tig><term>International Organization for Migration</term></tig></langSet></termEntry>
<termEntry><langSet xml:lang="fr"><tig><term>réfugié</term></tig></langSet>
<langSet xml:lang="en"><tig><term>refugee</term></tig></langSet></termEntry>
</body></text></martif>
"#,
    );
    let text =
        "L’Organisation internationale pour les migrations aide les réfugiés.\n\n".repeat(40);
    let corpus = write(dir.path(), "c.txt", &text);
    let summary = |extra: &[&str]| {
        stdout(
            trame()
                .args(["terms", "--summary", "--format", "tsv", "-g", &tbx, &corpus])
                .args(extra),
        )
    };
    let whole = summary(&[]);
    let streamed = summary(&["--stream-chunk-size", "300"]);
    let rows: Vec<&str> = streamed.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{streamed}");
    assert!(rows.iter().all(|r| r.contains("\t40\t1\t")), "{streamed}");
    assert_eq!(whole, streamed);
}

/// The audit suggests the feminine the matcher generates and finds.
#[test]
fn audit_suggests_the_feminine_the_matcher_finds() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = write(
        dir.path(),
        "g.csv",
        "id,fr,en,category,gender,source\n\
         rs,Rapporteur spécial,Special Rapporteur,title,m,https://example.org\n\
         amb,Ambassadeur,Ambassador,title,m,https://example.org\n",
    );
    let findings = stdout(trame().args(["audit", "-g", &glossary, "--format", "jsonl"]));
    assert!(findings.contains("«Rapporteuse spéciale»"), "{findings}");
    assert!(findings.contains("«Ambassadrice»"), "{findings}");
    let corpus = write(
        dir.path(),
        "c.txt",
        "La Rapporteuse spéciale a rencontré l’Ambassadrice.\n",
    );
    let terms = stdout(trame().args(["terms", "--format", "tsv", "-g", &glossary, &corpus]));
    assert!(terms.contains("\tRapporteuse spéciale\t"), "{terms}");
    assert!(terms.contains("\tAmbassadrice\t"), "{terms}");
}

/// `--creation-date` must name a real day.
#[test]
fn creation_date_is_calendar_checked() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = write(dir.path(), "m.tsv", "Bonjour.\tHello.\n");
    let out = dir.path().join("m.tmx");
    let run = |date: &str| {
        trame()
            .args(["tmx", "from-tsv", &tsv, "--creation-date", date, "-o"])
            .arg(&out)
            .output()
            .unwrap()
    };
    let bad = run("20240231T000000Z");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("20240231T000000Z"));
    assert!(!out.exists());
    assert!(run("20240229T000000Z").status.success());
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("creationdate=\"20240229T000000Z\""));
}

/// Library errors on data handed to it carry no made-up name: the command names the file the
/// data came from (`"<TBX export>: …"` before).
#[test]
fn export_errors_name_the_glossary_file() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = write(dir.path(), "empty.csv", "id,fr,en\n");
    let out = trame()
        .args(["glossary", "export", &glossary, "--to", "tbx2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{glossary}: the glossary has no concept; a TBX body needs at least one entry"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("<TBX"), "{stderr}");
}

/// The library's encoding error names no flag; the CLI adds the hint about `--encoding`.
#[test]
fn encoding_hint_comes_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"R\xe9fugi\xe9s\n").unwrap();
    let path = path.display().to_string();
    let out = trame().args(["segment", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim_end(),
        format!(
            "trame: error: {path}: invalid UTF-8 at byte 1 (use --encoding windows-1252 or another label to read a legacy encoding)"
        )
    );
    let err = trame::input::read_source(&path, None)
        .unwrap_err()
        .to_string();
    assert_eq!(err, format!("{path}: invalid UTF-8 at byte 1"));
}
