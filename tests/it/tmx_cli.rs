//! `trame tmx …` end to end: from-tsv, stats, merge, convert, and bad input.

use crate::common::trame;
use std::path::Path;

fn write(dir: &Path, name: &str, content: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_str().unwrap().to_string()
}

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="fr" datatype="plaintext"/>
<body>
"#;

fn tmx(units: &[(&str, &str, &str)]) -> String {
    let mut s = HEADER.to_string();
    for (id, fr, en) in units {
        s.push_str(&format!(
            "<tu tuid=\"{id}\"><tuv xml:lang=\"fr\"><seg>{fr}</seg></tuv><tuv xml:lang=\"en-GB\"><seg>{en}</seg></tuv></tu>\n"
        ));
    }
    s.push_str("</body>\n</tmx>\n");
    s
}

#[test]
fn from_tsv_writes_a_complete_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = write(
        dir.path(),
        "in.tsv",
        "fr\ten\nL’OIM & ses « partenaires »\tIOM & its \"partners\"\n".as_bytes(),
    );
    let out = dir.path().join("out.tmx");
    trame()
        .args([
            "tmx",
            "from-tsv",
            &tsv,
            "--tgt-lang",
            "en-GB",
            "--creation-date",
            "20260102T030405Z",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let xml = std::fs::read_to_string(&out).unwrap();
    let expected = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n  \
<header creationtool=\"trame\" creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"trame\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\" creationdate=\"20260102T030405Z\"/>\n  <body>\n    \
<tu tuid=\"2\">\n      <prop type=\"x-document\">{tsv}</prop>\n      <prop type=\"x-line\">2</prop>\n      \
<tuv xml:lang=\"fr\"><seg>L’OIM &amp; ses « partenaires »</seg></tuv>\n      \
<tuv xml:lang=\"en-GB\"><seg>IOM &amp; its \"partners\"</seg></tuv>\n    </tu>\n  </body>\n</tmx>\n",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(xml, expected);
}

#[test]
fn from_tsv_bad_row_fails_with_file_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = write(dir.path(), "in.tsv", b"a\tb\nc\td\ne\n");
    let out = dir.path().join("out.tmx");
    trame()
        .args(["tmx", "from-tsv", &tsv, "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(format!(
            "trame: error: {tsv}:3:1: expected 2 tab-separated columns (fr, en), found 1\n"
        ));
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn from_tsv_strips_control_characters_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = write(dir.path(), "in.tsv", b"Page\x0bun\tPage one\n");
    let out = dir.path().join("out.tmx");
    trame()
        .args(["tmx", "from-tsv", &tsv, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(format!(
            "trame: warning: {tsv}:1: tu 1: removed 1 XML-illegal character(s) from the fr segment\n"
        ));
    let xml = std::fs::read_to_string(&out).unwrap();
    assert!(xml.contains("<seg>Pageun</seg>"));
    assert!(!xml.contains('\u{B}'));
}

#[test]
fn from_tsv_rejects_a_bad_language_code_as_usage() {
    trame()
        .args(["tmx", "from-tsv", "-", "--src-lang", "fr_FR"])
        .write_stdin("a\tb\n")
        .assert()
        .code(2)
        .stderr("trame: error: --src-lang `fr_FR` is not a language tag such as `fr`, `fr-FR` or `en-GB`\n");
}

#[test]
fn stats_counts_units_languages_duplicates_and_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.tmx",
        tmx(&[
            ("1", "Bonjour", "Hello"),
            ("2", "Bonjour", "Hello"),
            ("3", "Bonjour", "Hi"),
            ("4", "Merci", " "),
        ])
        .as_bytes(),
    );
    trame()
        .args(["tmx", "stats", &f])
        .assert()
        .success()
        .stdout(
            "units: 4\nlanguages:\n  en-GB: 4\n  fr: 4\nduplicates (identical pairs): 1\n\
sources with several targets: 1\nempty segments: 1\nunits with fewer than 2 variants: 0\nduplicate tuids: 0\n",
        );
    let out = trame()
        .args(["tmx", "stats", &f, "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["units"], 4);
    assert_eq!(v["languages"]["en-GB"], 4);
    assert_eq!(v["duplicates"], 1);
}

#[test]
fn merge_keeps_the_first_of_identical_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.tmx",
        tmx(&[("1", "un", "one"), ("2", "deux", "two")]).as_bytes(),
    );
    let b = write(
        dir.path(),
        "b.tmx",
        tmx(&[("9", "deux", "two"), ("10", "trois", "three")]).as_bytes(),
    );
    let out = dir.path().join("c.tmx");
    trame()
        .args(["tmx", "merge", &a, &b, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr("trame: merged 3 unit(s), 1 duplicate(s) dropped\n");
    let xml = std::fs::read_to_string(&out).unwrap();
    let tuids: Vec<&str> = xml
        .split("<tu tuid=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(tuids, ["1", "2", "10"]);
    assert!(xml.contains("srclang=\"fr\""));
}

#[test]
fn convert_to_tsv_and_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "a.tmx",
        tmx(&[("1", "a\tb &amp; c", "x\ny")])
            .replace(
                "<tu tuid=\"1\">",
                "<tu tuid=\"1\"><prop type=\"x-line\">4</prop>",
            )
            .as_bytes(),
    );
    trame()
        .args(["tmx", "convert", &f, "--to", "tsv"])
        .assert()
        .success()
        .stdout("a\\tb & c\tx\\ny\n");
    trame()
        .args(["tmx", "convert", &f, "--to", "jsonl"])
        .assert()
        .success()
        .stdout("{\"tuid\":\"1\",\"src_lang\":\"fr\",\"src\":\"a\\tb & c\",\"tgt_lang\":\"en-GB\",\"tgt\":\"x\\ny\",\"props\":[{\"type\":\"x-line\",\"value\":\"4\"}]}\n");
}

#[test]
fn tmx_1_1_with_lang_attributes_and_inline_codes() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "old.tmx",
        br#"<tmx version="1.1"><header srclang="EN-US" creationtool="x"/><body>
<tu><tuv lang="EN-US"><seg>Click <bpt i="1">{b}</bpt>OK<ept i="1">{/b}</ept></seg></tuv><tuv lang="FR-FR"><seg>Cliquez sur <ph>{x}</ph>OK</seg></tuv></tu>
</body></tmx>"#,
    );
    trame()
        .args(["tmx", "convert", &f, "--to", "tsv"])
        .assert()
        .success()
        .stdout("Click OK\tCliquez sur OK\n");
    trame()
        .args(["tmx", "convert", &f, "--to", "tsv", "--keep-inline"])
        .assert()
        .success()
        .stdout("Click {b}OK{/b}\tCliquez sur {x}OK\n");
}

#[test]
fn malformed_xml_fails_with_line_and_column_and_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let bad = tmx(&[("1", "un", "one")]).replace("<seg>one</seg>", "<seg>one</tuv>");
    let f = write(dir.path(), "bad.tmx", bad.as_bytes());
    let out = dir.path().join("out.tsv");
    let assert = trame()
        .args(["tmx", "convert", &f, "--to", "tsv", "-o"])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    // The bad end tag is on line 5, after `<tu …><tuv …><seg>un</seg></tuv><tuv xml:lang="en-GB"><seg>one`.
    assert!(
        stderr.starts_with(&format!("trame: error: {f}:5:82: ")),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn utf16le_tmx_with_bom_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = tmx(&[("1", "Genève", "Geneva 😀")]).replace("UTF-8", "UTF-16");
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let f = write(dir.path(), "u16.tmx", &bytes);
    trame()
        .args(["tmx", "convert", &f, "--to", "tsv"])
        .assert()
        .success()
        .stdout("Genève\tGeneva 😀\n");
}

#[test]
fn external_entities_are_never_fetched_or_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write(dir.path(), "secret.txt", b"TOP-SECRET");
    let xml = tmx(&[("1", "&xxe;", "x")]).replace(
        "<tmx version=\"1.4\">",
        &format!(
            "<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file://{secret}\">]>\n<tmx version=\"1.4\">"
        ),
    );
    let f = write(dir.path(), "xxe.tmx", xml.as_bytes());
    let out = trame()
        .args(["tmx", "convert", &f, "--to", "tsv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(":6:"), "{stderr}");
    assert!(stderr.contains("unknown entity `&xxe;`"), "{stderr}");
    assert!(
        !stderr.contains("TOP-SECRET")
            && !String::from_utf8(out.stdout)
                .unwrap()
                .contains("TOP-SECRET")
    );
}
