//! The report layer seen from the CLI: the same rows in JSON Lines, TSV and text.

use crate::common::trame;

fn run(args: &[&str]) -> (String, String) {
    let out = trame().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn segments_as_tsv_have_one_header_and_file_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    // `’` is three bytes: the second segment starts at byte 14.
    std::fs::write(&a, "L’OIM aide. Elle agit.\n").unwrap();
    std::fs::write(&b, "Un\tmot.\n").unwrap();
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let (tsv, _) = run(&["segment", "--format", "tsv", &a, &b]);
    assert_eq!(
        tsv,
        format!(
            "doc\tindex\tstart\tend\ttext\n\
             {a}\t0\t0\t13\tL’OIM aide.\n\
             {a}\t1\t14\t24\tElle agit.\n\
             {b}\t0\t0\t7\tUn mot.\n"
        )
    );
}

#[test]
fn clean_report_rows_in_three_formats() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "Titre\nUn <b>gras</b> mot.\n").unwrap();
    let a = a.display().to_string();
    let report = |format: &str| run(&["clean", "--report", "--report-format", format, &a]).1;
    assert_eq!(
        report("jsonl"),
        format!(
            "{{\"doc\":\"{a}\",\"kind\":\"markup\",\"line\":2,\"text\":\"<b>\"}}\n\
             {{\"doc\":\"{a}\",\"kind\":\"markup\",\"line\":2,\"text\":\"</b>\"}}\n"
        )
    );
    assert_eq!(
        report("tsv"),
        format!("doc\tline\tkind\ttext\n{a}\t2\tmarkup\t<b>\n{a}\t2\tmarkup\t</b>\n")
    );
    assert_eq!(
        report("text"),
        format!("{a}:2: markup: <b>\n{a}:2: markup: </b>\n")
    );
}
