//! Streaming `trame segment`: a large input segmented chunk by chunk gives exactly the segments
//! and file offsets of the whole-file path.

use assert_cmd::Command;
use std::io::Cursor;
use trame::clean::{clean_documents, CleanOptions};
use trame::input::{decode, Source};
use trame::segment::offsets::FileOffsets;
use trame::segment::stream::segment_chunk;
use trame::segment::Segmenter;
use trame::stream::ChunkReader;

const FIXTURES: [&str; 5] = [
    include_str!("../../fixtures/releases/fr/2006-lima-ministerial.txt"),
    include_str!("../../fixtures/releases/fr/2014-12-cartagena30.txt"),
    include_str!("../../fixtures/releases/fr/2016-10-habitat3.txt"),
    include_str!("../../fixtures/releases/fr/2018-09-summit-americas.txt"),
    include_str!("../../fixtures/releases/fr/2019-03-bapa40.txt"),
];

/// `releases` `times` over, a blank line after each release.
fn repeated(releases: &[&str], times: usize) -> String {
    let mut text = String::new();
    for _ in 0..times {
        for f in releases {
            text.push_str(f.trim_end());
            text.push_str("\n\n");
        }
    }
    text
}

/// The four releases whose paragraphs are one line each, three times over (≈ 70 KB).
fn generated() -> String {
    repeated(&FIXTURES[1..], 3)
}

/// (text, file start, file end) of every segment, the whole file at once.
fn whole(source: &Source, seg: &Segmenter, clean: bool) -> Vec<(String, usize, usize)> {
    let segments = if clean {
        let (c, _) = clean_documents(&[&source.text], &CleanOptions::default())
            .pop()
            .unwrap();
        seg.segment_clean(&c)
    } else {
        seg.segment(&source.text)
    };
    let mut offsets = FileOffsets::new(source);
    segments
        .into_iter()
        .map(|s| {
            (
                s.text,
                offsets.file_offset(s.start),
                offsets.file_offset(s.end),
            )
        })
        .collect()
}

/// Asserts `got == expected`, showing the first difference only.
fn assert_same(got: &[(String, usize, usize)], expected: &[(String, usize, usize)], what: &str) {
    if let Some(i) = (0..got.len().min(expected.len())).find(|&i| got[i] != expected[i]) {
        panic!(
            "{what}: segment {i} differs:\n got      {:?}\n expected {:?}",
            &got[i.saturating_sub(1)..(i + 2).min(got.len())],
            &expected[i.saturating_sub(1)..(i + 2).min(expected.len())]
        );
    }
    assert_eq!(got.len(), expected.len(), "{what}: segment count");
}

/// The same, chunk by chunk; also returns the number of chunks.
fn chunked(
    bytes: &[u8],
    chunk_size: usize,
    seg: &Segmenter,
    clean: bool,
) -> (Vec<(String, usize, usize)>, usize) {
    let reader = ChunkReader::new(
        "big.txt",
        Box::new(Cursor::new(bytes.to_vec())),
        None,
        chunk_size,
    );
    let opts = CleanOptions::default();
    let mut out = Vec::new();
    let mut n = 0;
    for chunk in reader {
        let chunk = chunk.unwrap();
        n += 1;
        let mut offsets = FileOffsets::new(&chunk.source);
        for s in segment_chunk(seg, &chunk, clean.then_some(&opts)) {
            out.push((
                s.text,
                offsets.file_offset(s.start),
                offsets.file_offset(s.end),
            ));
        }
    }
    (out, n)
}

#[test]
fn cleaned_chunks_give_the_segments_and_offsets_of_the_whole_file() {
    let seg = Segmenter::builtin("fr").unwrap();
    let text = generated();
    let source = decode("big.txt", text.as_bytes(), None).unwrap();
    let expected = whole(&source, &seg, true);
    assert!(expected.len() > 300, "{}", expected.len());
    for size in [1500, 4096, 9000, 30_000] {
        let (got, n) = chunked(text.as_bytes(), size, &seg, true);
        assert!(n >= 3, "chunk size {size}: {n} chunks");
        assert_same(&got, &expected, &format!("chunk size {size}"));
    }
}

#[test]
fn hard_wrapped_chunks_give_the_segments_and_offsets_of_the_whole_file() {
    // The Lima release is hard-wrapped (paragraphs cut at about 60 characters): every chunk is
    // judged wrapped, as the whole file is, and a chunk never cuts a paragraph because the
    // last quarter of a chunk (≥ 4 KB) always holds the blank line after a 3.6 KB release.
    let seg = Segmenter::builtin("fr").unwrap();
    let text = repeated(&FIXTURES[..1], 8);
    let source = decode("big.txt", text.as_bytes(), None).unwrap();
    let expected = whole(&source, &seg, true);
    // A paragraph wrapped over four lines is one segment.
    assert_eq!(
        expected[1].0,
        "Ca déclaration sera présentée lors du dialogue de haut rang sur la migration \
         internationale prévu aux Nations Unies à New York en septembre prochain."
    );
    for size in [16_000, 20_000] {
        let (got, n) = chunked(text.as_bytes(), size, &seg, true);
        assert!(n >= 2, "chunk size {size}: {n} chunks");
        assert_same(&got, &expected, &format!("chunk size {size}"));
    }
}

#[test]
fn raw_chunks_give_the_segments_and_offsets_of_the_whole_file() {
    let seg = Segmenter::builtin("fr").unwrap();
    let text = repeated(&FIXTURES, 3);
    let source = decode("big.txt", text.as_bytes(), None).unwrap();
    let expected = whole(&source, &seg, false);
    let (got, n) = chunked(text.as_bytes(), 2048, &seg, false);
    assert!(n > 30);
    assert_same(&got, &expected, "");
}

#[test]
fn utf16_chunks_map_to_the_same_file_offsets_as_the_whole_file() {
    let seg = Segmenter::builtin("fr").unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in generated().encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let source = decode("big.txt", &bytes, None).unwrap();
    let expected = whole(&source, &seg, true);
    let (got, n) = chunked(&bytes, 5000, &seg, true);
    assert!(n > 10);
    assert_same(&got, &expected, "");
}

#[test]
fn cli_streams_a_large_input_with_absolute_offsets() {
    // Chunks of 24 bytes: "Une phrase. Deux mots.\n\n" is the first chunk (the blank line
    // ends in the last quarter), "Fin ici.\n" the second.
    let input = "Une phrase. Deux mots.\n\nFin ici.\n";
    let out = Command::cargo_bin("trame")
        .unwrap()
        .args([
            "segment",
            "--format",
            "jsonl",
            "--stream-chunk-size",
            "24",
            "-",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = concat!(
        r#"{"doc":"-","index":0,"text":"Une phrase.","start":0,"end":11}"#,
        "\n",
        r#"{"doc":"-","index":1,"text":"Deux mots.","start":12,"end":22}"#,
        "\n",
        r#"{"doc":"-","index":2,"text":"Fin ici.","start":24,"end":32}"#,
        "\n"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn cli_streamed_and_whole_outputs_are_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, generated()).unwrap();
    let run = |extra: &[&str]| {
        let out = Command::cargo_bin("trame")
            .unwrap()
            .args(["segment", "--format", "jsonl"])
            .args(extra)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let streamed = run(&["--stream-chunk-size", "3000"]);
    assert_eq!(streamed, run(&[]));
}

#[test]
fn cli_reports_invalid_utf8_deep_in_a_streamed_file_at_its_absolute_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    let mut bytes = "Une ligne.\n".repeat(100).into_bytes();
    bytes.extend_from_slice(b"caf\xE9\n");
    std::fs::write(&path, &bytes).unwrap();
    let out_path = dir.path().join("out.txt");
    let out = Command::cargo_bin("trame")
        .unwrap()
        .args(["segment", "--stream-chunk-size", "64", "-o"])
        .arg(&out_path)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("invalid UTF-8 at byte 1103"), "{stderr}");
    assert!(!out_path.exists(), "no partial output file");
}

#[test]
fn cli_text_format_with_a_streamed_and_a_small_file_keeps_the_document_order() {
    // Without cleaning, documents do not interact: the streamed big file then the small one
    // give the same text output as both read whole, a blank line between the documents.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, generated()).unwrap();
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "Premier document. Fin.\n").unwrap();
    let run = |extra: &[&str]| {
        let out = Command::cargo_bin("trame")
            .unwrap()
            .args(["segment", "--no-clean"])
            .args(extra)
            .arg(&big)
            .arg(&small)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let streamed = run(&["--stream-chunk-size", "1000"]);
    assert!(
        streamed.ends_with("\n\nPremier document.\nFin.\n"),
        "{}",
        &streamed[streamed.len() - 80..]
    );
    assert_eq!(streamed, run(&[]));
}
