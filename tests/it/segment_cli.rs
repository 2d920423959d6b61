//! `trame segment` end to end through the binary: fixtures, formats, offsets, errors.

use crate::common::trame;
use predicates::prelude::*;

const BAPA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/releases/fr/2019-03-bapa40.txt"
);
const SUMMIT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/releases/fr/2018-09-summit-americas.txt"
);
const LT_SRX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/reference/segmentation/languagetool_segment.srx"
);

/// The segments of `file` (text format), one per line.
fn segments_of(file: &str) -> Vec<String> {
    let out = trame().args(["segment", file]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bapa_conference_paragraph_splits_into_its_two_sentences() {
    let segs = segments_of(BAPA);
    let first = "La conférence s’est tenue la semaine dernière (20-22/03) dans un contexte international encadré par les accords énoncés dans le Programme de développement durable à l’horizon 2030, qui intègre la migration dans les actions visant à réduire les inégalités et à mettre fin à la pauvreté.";
    let second = "Elle a également été l’occasion d’examiner les tendances de la coopération multilatérale, en vue de promouvoir ces modalités et d’identifier de nouvelles possibilités, grâce à l’échange d’expériences et de connaissances des mécanismes de coopération Sud-Sud.";
    let k = segs
        .iter()
        .position(|s| s == first)
        .expect("first sentence");
    assert_eq!(segs[k + 1], second);
}

#[test]
fn bapa_m_vitorino_sentence_stays_whole() {
    let segs = segments_of(BAPA);
    assert!(segs.contains(&"M. Vitorino a ouvert l’événement parallèle South-South cooperation as a tool for migration governance in Latin America and the Caribbean, au cours duquel a été débattue la coopération en matière de migration dans les processus régionaux de consultation et d’intégration.".to_string()));
}

#[test]
fn bapa_guterres_quotation_breaks_after_the_closing_guillemet() {
    let segs = segments_of(BAPA);
    let k = segs
        .iter()
        .position(|s| s.starts_with("Pendant la conférence - qui a rassemblé plus de 1 500 participants -, 193 Etats membres"))
        .expect("Guterres paragraph");
    assert!(segs[k].ends_with("des défis similaires en matière de développement. »"));
    assert_eq!(
        segs[k + 1],
        "En outre, il a ajouté que cette coopération pouvait permettre aux pays en développement d’ « apprendre les uns des autres et de croître rapidement. »"
    );
}

#[test]
fn bapa_contact_lines_are_one_segment_each() {
    let segs = segments_of(BAPA);
    assert!(segs
        .contains(&"Carolina Celi, Email : cceli@iom.int, Tel : +54 11 15 3232 1384".to_string()));
    assert!(
        segs.contains(&"Débora Taicz, Email : dtaicz@iom.int, Tel : + 54 11 4815 1035".to_string())
    );
}

#[test]
fn summit_dateline_stays_with_the_first_sentence() {
    let segs = segments_of(SUMMIT);
    assert!(segs.iter().any(|s| s.starts_with(
        "Washington, D.C. - L’OIM, l’organisme des Nations Unies chargé des migrations, s’est jointe"
    ) && s.ends_with("du Sommet des Amériques.")));
}

#[test]
fn text_format_separates_documents_with_a_blank_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Un. Deux.").unwrap();
    std::fs::write(&b, "Trois.").unwrap();
    trame()
        .args(["segment", "--no-clean"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stdout("Un.\nDeux.\n\nTrois.\n");
}

#[test]
fn jsonl_offsets_are_bytes_in_the_original_file_with_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bom.txt");
    let content = "\u{FEFF}Élan  vital. Il part.\r\nFin";
    std::fs::write(&f, content).unwrap();
    let out = trame()
        .args(["segment", "--no-clean", "--format", "jsonl"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    let bytes = content.as_bytes();
    let expect = [
        ("Élan vital.", 3, 16, "Élan  vital."),
        ("Il part.", 17, 25, "Il part."),
        ("Fin", 27, 30, "Fin"),
    ];
    for (k, (text, start, end, raw)) in expect.iter().enumerate() {
        assert_eq!(lines[k]["doc"], f.to_str().unwrap());
        assert_eq!(lines[k]["index"], k);
        assert_eq!(lines[k]["text"], *text);
        assert_eq!(lines[k]["start"], *start);
        assert_eq!(lines[k]["end"], *end);
        assert_eq!(&bytes[*start..*end], raw.as_bytes());
    }
}

#[test]
fn stdin_is_read_with_dash() {
    trame()
        .args(["segment", "--no-clean", "-"])
        .write_stdin("M. Dupont arrive. Il entre.")
        .assert()
        .success()
        .stdout("M. Dupont arrive.\nIl entre.\n");
}

#[test]
fn english_rules_with_lang_en() {
    trame()
        .args(["segment", "--no-clean", "--lang", "en", "-"])
        .write_stdin("Mr. Smith lives in the U.S. How about you?")
        .assert()
        .success()
        .stdout("Mr. Smith lives in the U.S.\nHow about you?\n");
}

#[test]
fn languagetool_rules_through_srx_option() {
    trame()
        .args([
            "segment",
            "--no-clean",
            "--srx",
            LT_SRX,
            "--lang",
            "fr",
            "-",
        ])
        .write_stdin("M. Vitorino a ouvert l’événement. Il a parlé.")
        .assert()
        .success()
        .stdout("M. Vitorino a ouvert l’événement.\nIl a parlé.\n")
        .stderr(predicate::str::contains("warning"));
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    trame()
        .args(["segment", "--no-clean", "-o"])
        .arg(&out)
        .arg("-")
        .write_stdin("Un. Deux.")
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "Un.\nDeux.\n");
}

#[test]
fn malformed_srx_is_an_error_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let srx = dir.path().join("bad.srx");
    std::fs::write(&srx, "<srx version=\"2.0\">\n<header>\n</srx>\n").unwrap();
    let out = dir.path().join("out.txt");
    trame()
        .args(["segment", "--srx"])
        .arg(&srx)
        .arg("-o")
        .arg(&out)
        .arg("-")
        .write_stdin("Un. Deux.")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}:3:", srx.display())));
    assert!(!out.exists());
}

#[test]
fn unsupported_java_construct_names_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let srx = dir.path().join("g.srx");
    std::fs::write(
        &srx,
        "<srx version=\"2.0\"><header cascade=\"no\"/><body><languagerules>\n\
         <languagerule languagerulename=\"X\">\n\
         <rule break=\"yes\"><beforebreak>\\G\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n\
         </languagerule></languagerules><maprules>\n\
         <languagemap languagepattern=\".*\" languagerulename=\"X\"/></maprules></body></srx>",
    )
    .unwrap();
    trame()
        .args(["segment", "--srx"])
        .arg(&srx)
        .arg("-")
        .write_stdin("Un.")
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(format!("{}:3:1", srx.display()))
                .and(predicate::str::contains("rule 1 of languagerule `X`"))
                .and(predicate::str::contains(r"\G")),
        );
}

#[test]
fn a_missing_input_fails_without_leaving_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    trame()
        .args(["segment", "-o"])
        .arg(&out)
        .arg(dir.path().join("nope.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nope.txt"));
    assert!(!out.exists());
}

#[test]
fn no_input_is_a_usage_error() {
    trame().args(["segment"]).assert().code(2);
}

#[test]
fn invalid_utf8_is_rejected_with_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("latin1.txt");
    std::fs::write(&f, b"Caf\xe9. Fin.").unwrap();
    trame()
        .args(["segment"])
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("byte 3"));
    trame()
        .args(["segment", "--no-clean", "--encoding", "windows-1252"])
        .arg(&f)
        .assert()
        .success()
        .stdout("Café.\nFin.\n");
}

#[test]
fn jsonl_spans_point_into_the_original_after_cleaning() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("doc.txt");
    let content = "Un  titre\n\nLe texte commence ici. Il continue là.\n";
    std::fs::write(&f, content).unwrap();
    let out = trame()
        .args(["segment", "--format", "jsonl"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let spans: Vec<(&str, &str)> = records
        .iter()
        .map(|r| {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            (r["text"].as_str().unwrap(), &content[s..e])
        })
        .collect();
    assert_eq!(
        spans,
        [
            ("Un titre", "Un  titre"),
            ("Le texte commence ici.", "Le texte commence ici."),
            ("Il continue là.", "Il continue là.")
        ]
    );
}
