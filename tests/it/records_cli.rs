//! `--input-format jsonl` (record mode) of `segment`, `terms` and `align`: output equal to the
//! run over the same texts as files, record ids as document names, malformed records refused.

use crate::common::trame;
use assert_cmd::Command;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/glossaries/iom-fr-en.csv");

fn run(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A JSON record line `{"id", key: text…}`.
fn record(id: &str, fields: &[(&str, &str)]) -> String {
    let mut obj = serde_json::Map::new();
    obj.insert("id".into(), id.into());
    for (k, v) in fields {
        obj.insert((*k).into(), (*v).into());
    }
    format!("{}\n", serde_json::Value::Object(obj))
}

/// Two fixtures plus a CRLF copy and a BOM copy of a third, written as files in `dir`; returns
/// (paths, texts).
fn corpus(dir: &Path) -> (Vec<String>, Vec<String>) {
    let fr = Path::new(ROOT).join("fixtures/releases/fr");
    let mut texts: Vec<String> = ["2019-03-bapa40.txt", "2014-12-cartagena30.txt"]
        .iter()
        .map(|n| std::fs::read_to_string(fr.join(n)).unwrap())
        .collect();
    let habitat = std::fs::read_to_string(fr.join("2016-10-habitat3.txt")).unwrap();
    texts.push(habitat.replace('\n', "\r\n"));
    texts.push(format!("\u{feff}{habitat}"));
    let paths: Vec<String> = (0..texts.len())
        .map(|k| dir.join(format!("doc{k}.txt")).display().to_string())
        .collect();
    for (p, t) in paths.iter().zip(&texts) {
        std::fs::write(p, t).unwrap();
    }
    (paths, texts)
}

#[test]
fn segment_records_equal_files_with_crlf_and_bom() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, texts) = corpus(dir.path());
    let records: String = paths
        .iter()
        .zip(&texts)
        .map(|(p, t)| record(p, &[("text", t)]))
        .collect();
    for format in ["jsonl", "text"] {
        let files = run(trame().args(["segment", "--format", format]).args(&paths));
        let recs = run(trame()
            .args([
                "segment",
                "--input-format",
                "jsonl",
                "--format",
                format,
                "-",
            ])
            .write_stdin(records.clone()));
        assert!(!files.is_empty());
        assert_eq!(
            String::from_utf8(recs).unwrap(),
            String::from_utf8(files).unwrap()
        );
    }
}

#[test]
fn segment_record_offsets_are_utf8_bytes_of_the_text_bom_included() {
    let input = "{\"id\":\"d1\",\"text\":\"\\ufeffBonjour. Au revoir.\\r\\nÉté 2019. Fin.\"}\n";
    let out = run(trame()
        .args([
            "segment",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "-",
        ])
        .write_stdin(input));
    assert_eq!(
        String::from_utf8(out).unwrap(),
        concat!(
            "{\"doc\":\"d1\",\"index\":0,\"text\":\"Bonjour.\",\"start\":3,\"end\":11}\n",
            "{\"doc\":\"d1\",\"index\":1,\"text\":\"Au revoir.\",\"start\":12,\"end\":22}\n",
            "{\"doc\":\"d1\",\"index\":2,\"text\":\"Été 2019.\",\"start\":24,\"end\":35}\n",
            "{\"doc\":\"d1\",\"index\":3,\"text\":\"Fin.\",\"start\":36,\"end\":40}\n",
        )
    );
}

#[test]
fn terms_records_equal_files_from_several_record_files() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, texts) = corpus(dir.path());
    let first: String = (0..2)
        .map(|k| record(&paths[k], &[("text", &texts[k])]))
        .collect();
    let second: String = (2..4)
        .map(|k| record(&paths[k], &[("text", &texts[k])]))
        .collect();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    std::fs::write(&a, first).unwrap();
    std::fs::write(&b, second).unwrap();
    let files = run(trame().args(["terms", "-g", GLOSSARY]).args(&paths));
    let recs = run(trame()
        .args(["terms", "-g", GLOSSARY, "--input-format", "jsonl"])
        .arg(&a)
        .arg(&b));
    assert!(String::from_utf8_lossy(&files).lines().count() > 20);
    assert_eq!(
        String::from_utf8(recs).unwrap(),
        String::from_utf8(files).unwrap()
    );
}

#[test]
fn align_records_equal_folder_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let (fr_dir, en_dir) = (dir.path().join("fr"), dir.path().join("en"));
    std::fs::create_dir_all(&fr_dir).unwrap();
    std::fs::create_dir_all(&en_dir).unwrap();
    let mut records = String::new();
    for name in ["2016-10-habitat3.txt", "2019-03-bapa40.txt"] {
        let fr = std::fs::read_to_string(Path::new(ROOT).join("fixtures/releases/fr").join(name))
            .unwrap();
        let en = std::fs::read_to_string(Path::new(ROOT).join("fixtures/releases/en").join(name))
            .unwrap();
        std::fs::write(fr_dir.join(name), &fr).unwrap();
        std::fs::write(en_dir.join(name), &en).unwrap();
        records.push_str(&record(name, &[("fr", &fr), ("en", &en)]));
    }
    let folders = run(trame()
        .args(["align", "--format", "jsonl", "--fr"])
        .arg(&fr_dir)
        .arg("--en")
        .arg(&en_dir));
    let recs = run(trame()
        .args(["align", "--input-format", "jsonl", "--format", "jsonl"])
        .write_stdin(records));
    let text = String::from_utf8(recs).unwrap();
    assert!(text.contains("\"document\":\"2019-03-bapa40.txt\""));
    assert_eq!(text, String::from_utf8(folders).unwrap());
}

#[test]
fn align_presegmented_records() {
    let input = record(
        "p1",
        &[
            (
                "fr",
                "Le Directeur général est arrivé.\nIl a parlé 2 heures.",
            ),
            ("en", "The Director General arrived.\nHe spoke for 2 hours."),
        ],
    );
    let out = run(trame()
        .args([
            "align",
            "--presegmented",
            "--input-format",
            "jsonl",
            "--format",
            "links",
        ])
        .write_stdin(input));
    assert_eq!(String::from_utf8(out).unwrap(), "0\t0\n1\t1\n");
}

#[test]
fn a_malformed_record_names_its_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let input = "{\"id\":\"a\",\"text\":\"Un.\"}\n\n{\"id\":\"b\",\"txt\":\"Deux.\"}\n";
    for sub in [
        &["segment", "--format", "jsonl"][..],
        &["terms", "-g", GLOSSARY],
    ] {
        let res = trame()
            .args(sub)
            .args(["--input-format", "jsonl", "-o"])
            .arg(&out)
            .arg("-")
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(res.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&res.stderr),
            "trame: error: -:3:1: record `b` without `text` (expected keys \"id\", \"text\")\n"
        );
        assert!(!out.exists());
    }
    let res = trame()
        .args(["align", "--input-format", "jsonl", "-o"])
        .arg(&out)
        .write_stdin("{\"id\":\"a\",\"fr\":\"Un.\",\"en\":\"One.\"}\nnot json\n")
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(1));
    let err = String::from_utf8_lossy(&res.stderr);
    assert!(err.starts_with("trame: error: -:2:"), "{err}");
    assert!(err.contains("invalid JSON record"), "{err}");
    assert!(!out.exists());
}
