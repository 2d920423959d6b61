//! `trame terms` command line: output formats, summary, stdin, `-o`, errors and exit codes.

use crate::common::trame;
use predicates::prelude::*;
use serde_json::Value;

const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/terms/fixtures.csv");
const TEXT: &str = "La Directeur générale adjointe de l’OIM.\nL’OIM et le HCR.\n";

#[test]
fn jsonl_has_exactly_the_documented_keys() {
    let out = trame()
        .args(["terms", "--glossary", GLOSSARY, "-"])
        .write_stdin(TEXT)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let keys: Vec<&str> = lines[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // The documented keys in order; `variant`, `variant_type` and `note` were added at the end.
    let want = [
        "doc",
        "line",
        "col",
        "end_line",
        "end_col",
        "surface",
        "fr",
        "en",
        "type",
        "kind",
        "score",
        "flags",
        "variant",
        "variant_type",
        "note",
    ];
    let mut sorted = want;
    sorted.sort();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort();
    assert_eq!(keys_sorted, sorted);
    let first = stdout.lines().next().unwrap();
    let at: Vec<usize> = want
        .iter()
        .map(|k| first.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{first}");
    assert_eq!(lines[0]["doc"], "-");
    assert_eq!(lines[0]["surface"], "Directeur générale adjointe");
    assert_eq!(lines[0]["en"], "Deputy Director General");
    assert_eq!(lines[0]["flags"], serde_json::json!(["gender-agreement"]));
    assert_eq!(
        (&lines[1]["line"], &lines[1]["col"]),
        (&Value::from(1), &Value::from(36))
    );
    // An acronym is rendered by the English acronym, and says which glossary term matched.
    assert_eq!(lines[1]["surface"], "OIM");
    assert_eq!(lines[1]["en"], "IOM");
    assert_eq!(lines[1]["variant"], "OIM");
    assert_eq!(lines[1]["variant_type"], "acronym");
    assert_eq!(lines[0]["variant"], "Directeur général adjoint");
    assert_eq!(lines[0]["variant_type"], "full");
    assert_eq!(lines[3]["en"], "UNHCR");
    assert_eq!(lines[3]["surface"], "HCR");
    assert_eq!(lines[3]["line"], 2);
    assert_eq!(lines[3]["col"], 12);
    assert_eq!(lines[3]["end_col"], 15);
}

#[test]
fn tsv_has_a_header_and_one_row_per_occurrence() {
    trame()
        .args(["terms", "--format", "tsv", "--glossary", GLOSSARY])
        .write_stdin(TEXT)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "doc\tline\tcol\tend_line\tend_col\tsurface\tfr\ten\ttype\tkind\tscore\tflags\tvariant\tvariant_type\tnote\n\
             -\t1\t3\t1\t30\tDirecteur générale adjointe\tDirecteur général adjoint\tDeputy Director General\ttitle\tvariant\t1\tgender-agreement\tDirecteur général adjoint\tfull\t\n\
             -\t1\t36\t1\t39\tOIM\tOrganisation internationale pour les migrations\tIOM\torganisation\tvariant\t1\t\tOIM\tacronym\t\n",
        ));
}

#[test]
fn text_view_shows_context_and_english() {
    trame()
        .args(["terms", "--format", "text", "--glossary", GLOSSARY, "-"])
        .write_stdin(TEXT)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "-:1:4: …La [Directeur générale adjointe] de l’OIM. L’OIM et le HCR.",
        ))
        .stdout(predicate::str::contains(
            "Directeur général adjoint → Deputy Director General  (variant; gender-agreement)",
        ));
}

#[test]
fn summary_counts_per_concept_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, TEXT).unwrap();
    std::fs::write(&b, "Le HCR.\n").unwrap();
    trame()
        .args(["terms", "--summary", "--format", "tsv", "--glossary", GLOSSARY])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stdout(
            "id\tfr\ten\ttype\tcount\tdocs\tflagged\n\
             hcr\tHaut-Commissariat des Nations Unies pour les réfugiés\tOffice of the United Nations High Commissioner for Refugees\torganisation\t2\t2\t0\n\
             oim\tOrganisation internationale pour les migrations\tInternational Organization for Migration\torganisation\t2\t1\t0\n\
             dga\tDirecteur général adjoint\tDeputy Director General\ttitle\t1\t1\t1\n",
        );
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("terms.jsonl");
    trame()
        .args(["terms", "--glossary", GLOSSARY, "-o"])
        .arg(&out)
        .write_stdin("l’OIM\n")
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 1);
    assert!(written.contains("\"surface\":\"OIM\""));
}

#[test]
fn missing_glossary_is_exit_1() {
    trame()
        .args(["terms", "--glossary", "/nonexistent/g.csv", "-"])
        .write_stdin(TEXT)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/nonexistent/g.csv"));
}

#[test]
fn malformed_glossary_is_exit_1_with_line_and_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    std::fs::write(&g, "fr,en\nOIM,IOM\n\"OIT,ILO\n").unwrap();
    let out = dir.path().join("out.jsonl");
    trame()
        .args(["terms", "--glossary"])
        .arg(&g)
        .arg("-o")
        .arg(&out)
        .write_stdin(TEXT)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "g.csv:3:1: unterminated quoted field",
        ));
    assert!(!out.exists());
}

#[test]
fn missing_input_file_is_exit_1() {
    trame()
        .args(["terms", "--glossary", GLOSSARY, "/nonexistent/input.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/nonexistent/input.txt"));
}

#[test]
fn without_glossary_option_the_built_in_glossary_is_used() {
    trame()
        .args(["terms", "-"])
        .write_stdin(TEXT)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"fr\":"));
}

#[test]
fn bad_format_is_a_usage_error() {
    trame()
        .args(["terms", "--format", "xml", "--glossary", GLOSSARY, "-"])
        .write_stdin(TEXT)
        .assert()
        .code(2);
}

#[test]
fn legacy_encoding_is_read_with_encoding_option() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("latin1.txt");
    // "la Directrice générale adjointe" in windows-1252: é = 0xE9.
    std::fs::write(&f, b"la Directrice g\xe9n\xe9rale adjointe\n").unwrap();
    trame()
        .args(["terms", "--glossary", GLOSSARY])
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("invalid UTF-8"));
    // --encoding applies to the inputs only; the UTF-8 glossary is still read as UTF-8.
    trame()
        .args([
            "terms",
            "--format",
            "tsv",
            "--glossary",
            GLOSSARY,
            "--encoding",
            "windows-1252",
        ])
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\t1\t3\t1\t31\tDirectrice générale adjointe\tDirecteur général adjoint\t",
        ));
}
