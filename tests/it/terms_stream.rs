//! Streaming `trame terms`: a large input searched chunk by chunk gives the occurrences and
//! positions (line, column) of the whole-file path.

use assert_cmd::Command;
use std::io::Cursor;
use trame::input::decode;
use trame::stream::ChunkReader;
use trame::terms::stream::{records_in_chunk, SummaryMerger};
use trame::terms::{find_in_documents, report, Document, MatchOptions, Matcher, TermRecord};

const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/glossaries/iom-fr-en.csv");

const FIXTURES: [&str; 5] = [
    include_str!("../../fixtures/releases/fr/2006-lima-ministerial.txt"),
    include_str!("../../fixtures/releases/fr/2014-12-cartagena30.txt"),
    include_str!("../../fixtures/releases/fr/2016-10-habitat3.txt"),
    include_str!("../../fixtures/releases/fr/2018-09-summit-americas.txt"),
    include_str!("../../fixtures/releases/fr/2019-03-bapa40.txt"),
];

/// The four releases whose paragraphs are one line each, three times over, a blank line after
/// each (≈ 70 KB; the hard-wrapped Lima release is left out: whether a text is hard-wrapped is
/// decided per chunk, see `trame::segment::stream`).
fn generated() -> String {
    let mut text = String::new();
    for _ in 0..3 {
        for f in &FIXTURES[1..] {
            text.push_str(f.trim_end());
            text.push_str("\n\n");
        }
    }
    text
}

/// What must agree between the two paths: everything reported, and the span in the text.
fn key(
    r: &TermRecord,
    base: usize,
) -> (
    usize,
    usize,
    usize,
    usize,
    String,
    usize,
    usize,
    Vec<String>,
) {
    (
        r.line,
        r.col,
        r.end_line,
        r.end_col,
        r.surface.clone(),
        r.concept,
        base + r.start,
        r.flags.clone(),
    )
}

#[test]
fn chunked_occurrences_and_positions_equal_the_whole_file() {
    let glossary = trame::glossary::read_glossary(GLOSSARY, None).unwrap();
    let matcher = Matcher::try_new(&glossary, MatchOptions::default()).unwrap();
    let text = generated();
    let source = decode("big.txt", text.as_bytes(), None).unwrap();
    let doc = Document {
        name: "big.txt",
        text: &source.text,
    };
    for clean in [true, false] {
        let expected: Vec<_> = find_in_documents(&matcher, &glossary, &[doc], clean)
            .iter()
            .map(|r| key(r, 0))
            .collect();
        assert!(expected.len() > 200, "{}", expected.len());
        // The last lines of the text are the Bapa contacts: "Débora Taicz" line 3 of its end.
        assert!(expected.iter().any(|k| k.0 > text.lines().count() - 40));
        for size in [2000, 6000] {
            let reader = ChunkReader::new(
                "big.txt",
                Box::new(Cursor::new(text.clone().into_bytes())),
                None,
                size,
            );
            let mut got = Vec::new();
            let mut chunks = 0;
            for chunk in reader {
                let chunk = chunk.unwrap();
                chunks += 1;
                for r in records_in_chunk(&matcher, &glossary, &chunk, clean) {
                    assert_eq!(r.surface, chunk.text()[r.start..r.end]);
                    got.push(key(&r, chunk.text_offset));
                }
            }
            assert!(chunks > 10);
            assert_eq!(got, expected, "chunk size {size}, clean {clean}");
        }
    }
}

#[test]
fn a_chunk_reports_lines_of_the_whole_input() {
    // "OIM" on line 4 of the input, in the second chunk (chunks of 12 bytes).
    let glossary = trame::glossary::read_glossary(GLOSSARY, None).unwrap();
    let matcher = Matcher::try_new(&glossary, MatchOptions::default()).unwrap();
    let text = "Bonjour.\n\nRien ici.\nDes agents de l’OIM.\n";
    let chunks: Vec<_> = ChunkReader::new(
        "t.txt",
        Box::new(Cursor::new(text.as_bytes().to_vec())),
        None,
        12,
    )
    .map(Result::unwrap)
    .collect();
    let found: Vec<(usize, usize, usize, String)> = chunks
        .iter()
        .flat_map(|c| {
            records_in_chunk(&matcher, &glossary, c, true)
                .into_iter()
                .map(move |r| (c.index, r.line, r.col, r.surface))
        })
        .collect();
    assert!(found.contains(&(2, 4, 16, "OIM".to_string())), "{found:?}");
}

#[test]
fn merged_summary_equals_the_summary_of_all_records() {
    let glossary = trame::glossary::read_glossary(GLOSSARY, None).unwrap();
    let matcher = Matcher::try_new(&glossary, MatchOptions::default()).unwrap();
    let a = FIXTURES[2];
    let b = FIXTURES[4];
    let docs = [
        Document { name: "a", text: a },
        Document { name: "b", text: b },
    ];
    let all = find_in_documents(&matcher, &glossary, &docs, false);
    let expected = report::summarize(&all, &glossary);
    let mut merger = SummaryMerger::new(&glossary);
    // Document a in two halves (two chunks of one document), then b.
    let (first, second): (Vec<_>, Vec<_>) = all
        .iter()
        .filter(|r| r.doc == "a")
        .cloned()
        .partition(|r| r.line < 30);
    merger.add("a", &first, &glossary);
    merger.add("a", &second, &glossary);
    let b_records: Vec<_> = all.iter().filter(|r| r.doc == "b").cloned().collect();
    merger.add("b", &b_records, &glossary);
    let got = merger.finish();
    assert_eq!(got, expected);
    assert!(got.iter().any(|c| c.docs == 2));
}

fn run_terms(args: &[&str], path: &std::path::Path) -> Vec<u8> {
    let out = Command::cargo_bin("trame")
        .unwrap()
        .args(["terms", "-g", GLOSSARY])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn cli_streamed_output_equals_the_whole_file_output_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, generated()).unwrap();
    for format in ["jsonl", "tsv", "text"] {
        for summary in [false, true] {
            let mut args = vec!["--format", format];
            if summary {
                args.push("--summary");
            }
            let whole = run_terms(&args, &path);
            args.extend(["--stream-chunk-size", "4000"]);
            let streamed = run_terms(&args, &path);
            assert!(!whole.is_empty());
            assert_eq!(
                String::from_utf8_lossy(&streamed),
                String::from_utf8_lossy(&whole),
                "{format} summary={summary}"
            );
        }
    }
}
