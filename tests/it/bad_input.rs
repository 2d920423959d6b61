//! The hostile-input corpus (`tests/bad_input/`) run against every subcommand that reads it.
//!
//! Every case states its expected exit code and, for failures, a fragment the one-line error must hold
//! (the file name, and line:column where it applies). Whatever the case, trame must never panic
//! (exit 101), never hang (each run is bounded), and never leave an output file behind when it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad_input");
const GLOSSARY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/bad_input/glossary-semicolon.csv"
);
const LIMIT: Duration = Duration::from_secs(120);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs trame with `args`; `{d}` expands to the corpus directory, `{o}` to an output path in a fresh
/// temporary directory, `{g}` to a small valid glossary.
fn run(args: &[&str]) -> (Run, PathBuf, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out.file");
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            a.replace("{d}", DIR)
                .replace("{o}", out.to_str().unwrap())
                .replace("{g}", GLOSSARY)
        })
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_trame"))
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Drain pipes on threads so a chatty child cannot block.
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut s).ok();
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut s).ok();
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > LIMIT {
            child.kill().ok();
            panic!("trame {args:?} did not finish within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap()).into_owned();
    let code = status.code().unwrap_or(-1);
    (
        Run {
            code,
            stdout,
            stderr,
        },
        out,
        tmp,
    )
}

/// Runs a case and checks the invariants plus the expected exit code and error fragment.
fn case(args: &[&str], expected_code: i32, error_fragment: &str) -> Run {
    let (r, out, _tmp) = run(args);
    assert_ne!(r.code, 101, "panic on {args:?}: {}", r.stderr);
    assert_eq!(
        r.code, expected_code,
        "exit code of trame {args:?}\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    if expected_code != 0 {
        assert!(
            r.stderr.starts_with("trame: error:") || r.stderr.contains("error:"),
            "no error message for {args:?}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains(error_fragment),
            "error of {args:?} lacks {error_fragment:?}: {}",
            r.stderr
        );
        assert!(!out.exists(), "partial output left by failing {args:?}");
    }
    r
}

fn path(name: &str) -> String {
    Path::new(DIR).join(name).display().to_string()
}

// ---- text inputs: clean, segment, terms ---------------------------------------------------------

const TEXT_COMMANDS: &[&[&str]] = &[
    &["clean"],
    &["segment"],
    &["segment", "--format", "jsonl"],
    &["terms", "--glossary", "{g}"],
];

fn each_text_command(file: &str, extra: &[&str], code: i32, fragment: &str) {
    for cmd in TEXT_COMMANDS {
        let f = path(file);
        let mut args: Vec<&str> = cmd.to_vec();
        args.extend_from_slice(extra);
        args.push(&f);
        args.push("-o");
        args.push("{o}");
        case(&args, code, fragment);
    }
}

#[test]
fn empty_file_is_empty_output() {
    each_text_command("empty.txt", &[], 0, "");
}

#[test]
fn whitespace_only_is_accepted() {
    each_text_command("whitespace-only.txt", &[], 0, "");
}

#[test]
fn bom_only_is_accepted() {
    each_text_command("bom-only.txt", &[], 0, "");
}

#[test]
fn utf16_with_bom_is_decoded() {
    each_text_command("utf16le-bom.txt", &[], 0, "");
    each_text_command("utf16be-bom.txt", &[], 0, "");
    let r = case(&["segment", &path("utf16le-bom.txt")], 0, "");
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "L’OIM salue l’adoption du Pacte mondial.",
            "Les États membres se réunissent à Genève."
        ]
    );
}

#[test]
fn utf16_without_bom_is_reported_as_binary() {
    each_text_command(
        "utf16le-nobom.txt",
        &[],
        1,
        "utf16le-nobom.txt: binary file",
    );
    each_text_command(
        "utf16be-nobom.txt",
        &[],
        1,
        "utf16be-nobom.txt: binary file",
    );
}

#[test]
fn windows_1252_is_refused_with_the_byte_offset_unless_named() {
    // "Le Directeur g" is 14 bytes; the é of "général" is byte 14.
    each_text_command(
        "windows-1252.txt",
        &[],
        1,
        "windows-1252.txt: invalid UTF-8 at byte 14",
    );
    each_text_command("windows-1252.txt", &["--encoding", "windows-1252"], 0, "");
    let r = case(
        &[
            "segment",
            "--encoding",
            "windows-1252",
            &path("windows-1252.txt"),
        ],
        0,
        "",
    );
    assert!(r
        .stdout
        .starts_with("Le Directeur général de l’OIM a salué l’accord."));
}

#[test]
fn latin1_is_read_when_named() {
    each_text_command("latin1.txt", &[], 1, "latin1.txt: invalid UTF-8 at byte 14");
    each_text_command("latin1.txt", &["--encoding", "latin1"], 0, "");
}

#[test]
fn invalid_utf8_in_the_middle_names_the_offset() {
    // "Première phrase correcte. " is 27 bytes in UTF-8 (è takes two), then "Deuxi" (5).
    each_text_command(
        "invalid-utf8-middle.txt",
        &[],
        1,
        "invalid UTF-8 at byte 32",
    );
}

#[test]
fn malformed_utf8_sequences_are_refused() {
    each_text_command("truncated-utf8-end.txt", &[], 1, "invalid UTF-8 at byte");
    each_text_command("overlong-utf8.txt", &[], 1, "invalid UTF-8 at byte 6");
    each_text_command("surrogate-utf8.txt", &[], 1, "invalid UTF-8 at byte 6");
}

#[test]
fn nul_bytes_mean_binary() {
    each_text_command(
        "nul-binary.bin",
        &[],
        1,
        "nul-binary.bin: binary file (NUL byte at byte 7)",
    );
}

#[test]
fn cr_only_and_crlf_line_ends_are_lines() {
    each_text_command("cr-only.txt", &[], 0, "");
    each_text_command("crlf.txt", &[], 0, "");
    let r = case(&["segment", &path("cr-only.txt")], 0, "");
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "Le Directeur général de l’OIM participe.",
            "Il a salué les États membres.",
            "Fin."
        ]
    );
}

#[test]
fn control_characters_in_text_do_not_break_anything() {
    each_text_command("control-chars.txt", &[], 0, "");
}

#[test]
fn unknown_encoding_label_is_a_usage_error() {
    case(
        &["segment", "--encoding", "klingon", &path("empty.txt")],
        2,
        "klingon",
    );
}

#[test]
fn a_directory_is_not_a_file() {
    for cmd in TEXT_COMMANDS {
        let mut args: Vec<&str> = cmd.to_vec();
        args.push(DIR);
        case(&args, 1, "is a directory");
    }
}

#[test]
fn a_missing_file_is_an_io_error() {
    for cmd in TEXT_COMMANDS {
        let missing = path("no-such-file.txt");
        let mut args: Vec<&str> = cmd.to_vec();
        args.push(&missing);
        case(&args, 1, "no-such-file.txt");
    }
}

#[test]
fn an_output_in_a_missing_directory_fails_cleanly() {
    let f = path("crlf.txt");
    case(
        &["segment", &f, "-o", "/nonexistent-dir/out.txt"],
        1,
        "/nonexistent-dir/out.txt",
    );
}

#[test]
fn unknown_flags_are_usage_errors() {
    case(&["segment", "--no-such-flag"], 2, "");
    case(&["no-such-command"], 2, "");
}

// ---- XML inputs: tmx stats / convert / merge, glossary import ------------------------------------

#[test]
fn malformed_tmx_is_refused_with_line_and_column() {
    let cases = [
        ("tmx-unclosed-tag.tmx", "tmx-unclosed-tag.tmx:6:31:"),
        ("tmx-mismatched-root.tmx", "tmx-mismatched-root.tmx:7:1:"),
        ("tmx-truncated.tmx", "tmx-truncated.tmx:6:1:"),
        (
            "tmx-bad-entity.tmx",
            "tmx-bad-entity.tmx:5:29: unknown entity `&eacute;`",
        ),
    ];
    for (file, fragment) in cases {
        let f = path(file);
        case(&["tmx", "stats", &f], 1, fragment);
        case(
            &["tmx", "convert", &f, "--to", "tsv", "-o", "{o}"],
            1,
            fragment,
        );
        case(&["tmx", "merge", &f, &f, "-o", "{o}"], 1, fragment);
    }
}

#[test]
fn dtd_entities_are_never_expanded_nor_fetched() {
    case(
        &["tmx", "stats", &path("tmx-xxe.tmx")],
        1,
        "tmx-xxe.tmx:8:29: unknown entity `&xxe;`",
    );
    case(
        &[
            "tmx",
            "convert",
            &path("tmx-billion-laughs.tmx"),
            "--to",
            "jsonl",
            "-o",
            "{o}",
        ],
        1,
        "tmx-billion-laughs.tmx:14:29: unknown entity `&g;`",
    );
}

#[test]
fn odd_but_readable_tmx_is_read() {
    for file in [
        "tmx-missing-srclang.tmx",
        "tmx-unknown-languages.tmx",
        "tmx-one-tuv.tmx",
        "tmx-nested-inline.tmx",
        "tmx-control-char.tmx",
        "tmx-empty-body.tmx",
        "tmx-v11-lang-star.tmx",
        "tmx-utf16le-bom.tmx",
    ] {
        case(&["tmx", "stats", &path(file)], 0, "");
    }
    let r = case(
        &[
            "tmx",
            "convert",
            &path("tmx-utf16le-bom.tmx"),
            "--to",
            "tsv",
        ],
        0,
        "",
    );
    assert_eq!(r.stdout, "Ancien format.\tOld format.\n");
}

#[test]
fn a_merged_tmx_never_carries_control_characters() {
    let (r, out, _tmp) = run(&["tmx", "merge", &path("tmx-control-char.tmx"), "-o", "{o}"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let written = std::fs::read_to_string(out).unwrap();
    assert!(!written.contains('\u{b}') && !written.contains("&#x1F;"));
    assert!(written.contains("Tabvertical."), "{written}");
}

#[test]
fn a_tbx_or_other_xml_is_not_a_tmx() {
    case(
        &["tmx", "stats", &path("tbx-unknown-dialect.tbx")],
        1,
        "root element is <tbx>, expected <tmx>",
    );
    case(
        &["tmx", "stats", &path("xml-wrong-root.xml")],
        1,
        "xml-wrong-root.xml:2:1: root element is <root>",
    );
    case(
        &["tmx", "stats", &path("windows-1252.txt")],
        1,
        "windows-1252.txt",
    );
    case(
        &["tmx", "stats", &path("nul-binary.bin")],
        1,
        "nul-binary.bin: NUL byte at byte 7 of the text: a binary file, not XML",
    );
}

#[test]
fn tbx_import_refuses_unknown_dialects_and_broken_xml() {
    case(
        &[
            "glossary",
            "import",
            &path("tbx-unknown-dialect.tbx"),
            "-o",
            "{o}",
        ],
        1,
        "unsupported TBX dialect TBX-Klingon",
    );
    case(
        &[
            "glossary",
            "import",
            &path("tbx-malformed.tbx"),
            "-o",
            "{o}",
        ],
        1,
        "tbx-malformed.tbx:5:1:",
    );
    case(
        &["glossary", "import", &path("tmx-xxe.tmx"), "-o", "{o}"],
        1,
        "tmx-xxe.tmx",
    );
}

// ---- CSV / TSV inputs: glossary export, terms --glossary, tmx from-tsv ----------------------------

#[test]
fn malformed_glossaries_are_refused_with_their_line() {
    let cases = [
        (
            "glossary-wrong-columns.csv",
            "glossary-wrong-columns.csv:3:1: row has 4 fields, the header has 9",
        ),
        (
            "glossary-unbalanced-quote.csv",
            "glossary-unbalanced-quote.csv:2:3: unterminated quoted field",
        ),
        (
            "glossary-duplicate-headers.csv",
            "glossary-duplicate-headers.csv:1:10: column `fr` appears twice",
        ),
        (
            "glossary-unknown-tag.csv",
            "glossary-unknown-tag.csv:2:107: unknown tag `acronyme`",
        ),
        (
            "glossary-missing-en-column.csv",
            "glossary-missing-en-column.csv:1:1: missing required column `en`",
        ),
    ];
    for (file, fragment) in cases {
        let g = path(file);
        case(
            &["glossary", "export", &g, "--to", "tbx2", "-o", "{o}"],
            1,
            fragment,
        );
        case(
            &["glossary", "export", &g, "--to", "csv", "-o", "{o}"],
            1,
            fragment,
        );
        case(
            &["terms", "--glossary", &g, &path("crlf.txt"), "-o", "{o}"],
            1,
            fragment,
        );
    }
}

#[test]
fn unusual_but_valid_glossaries_are_read() {
    for file in [
        "glossary-semicolon.csv",
        "glossary-tab.tsv",
        "glossary-bom-crlf.csv",
        "glossary-control-char.csv",
    ] {
        case(
            &[
                "glossary",
                "export",
                &path(file),
                "--to",
                "tbx2",
                "-o",
                "{o}",
            ],
            0,
            "",
        );
        case(
            &[
                "glossary",
                "export",
                &path(file),
                "--to",
                "tbx3",
                "-o",
                "{o}",
            ],
            0,
            "",
        );
    }
}

#[test]
fn formula_cells_are_neutralised_for_spreadsheets_in_exported_csv() {
    let r = case(
        &[
            "glossary",
            "export",
            &path("glossary-formula.csv"),
            "--to",
            "csv",
        ],
        0,
        "",
    );
    let row = r.stdout.lines().nth(1).unwrap();
    assert!(!row.contains(",=cmd") && !row.contains(",+SUM"), "{row}");
}

#[test]
fn tsv_rows_with_the_wrong_number_of_columns_are_refused() {
    case(
        &[
            "tmx",
            "from-tsv",
            &path("tsv-wrong-columns.tsv"),
            "-o",
            "{o}",
        ],
        1,
        "tsv-wrong-columns.tsv:2",
    );
    case(
        &["tmx", "from-tsv", &path("tsv-valid.tsv"), "-o", "{o}"],
        0,
        "",
    );
    case(
        &[
            "tmx",
            "from-tsv",
            &path("tsv-control-char.tsv"),
            "-o",
            "{o}",
        ],
        0,
        "",
    );
    // An empty TSV gives an empty but valid TMX, with a warning that says so.
    let r = case(&["tmx", "from-tsv", &path("empty.txt"), "-o", "{o}"], 0, "");
    assert!(
        r.stderr
            .contains("empty.txt: no rows, wrote a TMX with 0 units"),
        "{}",
        r.stderr
    );
}

#[test]
fn output_equal_to_input_does_not_destroy_the_input() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("same.txt");
    std::fs::copy(path("crlf.txt"), &f).unwrap();
    let before = std::fs::read(&f).unwrap();
    let fs = f.display().to_string();
    let (r, _, _t) = run(&["segment", &fs, "-o", &fs]);
    assert_ne!(r.code, 101);
    // Either refused, or done atomically from the fully read input: the text survives.
    let after = std::fs::read_to_string(&f).unwrap();
    if r.code == 0 {
        assert_eq!(
            after,
            "Le Directeur général de l’OIM participe.\nIl a salué les États membres.\n"
        );
    } else {
        assert_eq!(std::fs::read(&f).unwrap(), before);
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_output_directory_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    if unsafe_is_root() {
        eprintln!("skipped: running as root, permissions do not apply");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = tmp.path().join("out.txt").display().to_string();
    case(&["segment", &path("crlf.txt"), "-o", &out], 1, "out.txt");
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
fn unsafe_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    if unsafe_is_root() {
        eprintln!("skipped: running as root, permissions do not apply");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("secret.txt");
    std::fs::write(&f, "Texte.").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    case(
        &["segment", &f.display().to_string()],
        1,
        "secret.txt: Permission denied",
    );
}

// ---- large inputs, generated at test time -------------------------------------------------------

#[test]
fn a_huge_single_line_and_a_million_tiny_lines_are_handled() {
    let tmp = tempfile::tempdir().unwrap();
    let long = tmp.path().join("long.txt");
    // 20 MB in one line without any sentence end (the 100 MB case is in benches/, too slow for a debug test).
    std::fs::write(&long, "mot ".repeat(5_000_000)).unwrap();
    let r = case(
        &[
            "segment",
            "--format",
            "jsonl",
            &long.display().to_string(),
            "-o",
            "{o}",
        ],
        0,
        "",
    );
    assert!(r.stderr.is_empty() || !r.stderr.contains("panicked"));
    let tiny = tmp.path().join("tiny.txt");
    std::fs::write(&tiny, "a.\n".repeat(1_000_000)).unwrap();
    case(
        &["segment", &tiny.display().to_string(), "-o", "{o}"],
        0,
        "",
    );
    case(
        &[
            "terms",
            "--glossary",
            "{g}",
            &tiny.display().to_string(),
            "-o",
            "{o}",
        ],
        0,
        "",
    );
}

#[test]
fn a_glossary_of_100000_rows_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let g = tmp.path().join("big.csv");
    let mut s = String::from("id,fr,en,category,gender,fr_variants,en_variants,note,source\n");
    for i in 0..100_000 {
        s.push_str(&format!(
            "{i},terme numéro {i},term number {i},concept,m,,,,https://example.org\n"
        ));
    }
    std::fs::write(&g, s).unwrap();
    let gs = g.display().to_string();
    let text = tmp.path().join("t.txt");
    std::fs::write(
        &text,
        "Le terme numéro 99999 et le terme numéro 7 sont là.\n",
    )
    .unwrap();
    let r = case(
        &[
            "terms",
            "--glossary",
            &gs,
            "--format",
            "tsv",
            &text.display().to_string(),
        ],
        0,
        "",
    );
    assert_eq!(r.stdout.lines().count(), 3, "{}", r.stdout);
}

// ---- align, audit, build on hostile inputs ----------------------------------------------------

#[test]
fn align_refuses_undecodable_sides_and_accepts_empty_ones() {
    let en = path("crlf.txt");
    for (file, fragment) in [
        (
            "invalid-utf8-middle.txt",
            "invalid-utf8-middle.txt: invalid UTF-8 at byte 32",
        ),
        (
            "nul-binary.bin",
            "nul-binary.bin: binary file (NUL byte at byte 7)",
        ),
        (
            "windows-1252.txt",
            "windows-1252.txt: invalid UTF-8 at byte 14",
        ),
    ] {
        case(&["align", &path(file), &en, "-o", "{o}.tmx"], 1, fragment);
        case(
            &["align", &en, &path(file), "--format", "links", "-o", "{o}"],
            1,
            fragment,
        );
    }
    // An empty French side: every English sentence is a 0-1 bead, nothing goes into a TMX.
    let r = case(
        &["align", &path("empty.txt"), &en, "--format", "links"],
        0,
        "",
    );
    assert_eq!(r.stdout, "\t0\n\t1\n");
    let r = case(
        &[
            "align",
            "--presegmented",
            &en,
            &path("whitespace-only.txt"),
            "--format",
            "links",
        ],
        0,
        "",
    );
    assert_eq!(r.stdout, "0\t\n1\t\n");
    // UTF-16 with BOM on one side, CRLF on the other.
    case(
        &["align", &path("utf16le-bom.txt"), &en, "--format", "links"],
        0,
        "",
    );
}

#[test]
fn align_handles_wildly_different_lengths() {
    let tmp = tempfile::tempdir().unwrap();
    let fr = tmp.path().join("fr.txt");
    let en = tmp.path().join("en.txt");
    let long: String = (0..3000)
        .map(|i| format!("La phrase numéro {i} parle de migration.\n"))
        .collect();
    std::fs::write(&fr, long).unwrap();
    std::fs::write(&en, "Only one sentence here.\nAnd a second one.\n").unwrap();
    let r = case(
        &[
            "align",
            "--presegmented",
            &fr.display().to_string(),
            &en.display().to_string(),
            "--format",
            "links",
        ],
        0,
        "",
    );
    // Every sentence of both sides appears exactly once.
    let mut fr_seen = 0;
    let mut en_seen = 0;
    for line in r.stdout.lines() {
        let (f, e) = line.split_once('\t').unwrap();
        fr_seen += f.split(',').filter(|s| !s.is_empty()).count();
        en_seen += e.split(',').filter(|s| !s.is_empty()).count();
    }
    assert_eq!((fr_seen, en_seen), (3000, 2));
}

#[test]
fn audit_reports_bad_glossaries_corpora_and_memories_by_position() {
    let g = path("glossary-semicolon.csv");
    case(
        &[
            "audit",
            "-g",
            &path("glossary-unbalanced-quote.csv"),
            "-o",
            "{o}",
        ],
        1,
        "glossary-unbalanced-quote.csv:2:3: unterminated quoted field",
    );
    case(
        &["audit", "-g", &path("tbx-unknown-dialect.tbx"), "-o", "{o}"],
        1,
        "unsupported TBX dialect TBX-Klingon",
    );
    case(
        &[
            "audit",
            "-g",
            &g,
            "--corpus",
            &path("windows-1252.txt"),
            "-o",
            "{o}",
        ],
        1,
        "windows-1252.txt: invalid UTF-8 at byte 14",
    );
    case(
        &["audit", "-g", &g, "--tm", &path("tmx-xxe.tmx"), "-o", "{o}"],
        1,
        "tmx-xxe.tmx:8:29: unknown entity `&xxe;`",
    );
    case(
        &[
            "audit",
            "-g",
            &g,
            "--corpus",
            &path("empty.txt"),
            "--format",
            "jsonl",
        ],
        0,
        "",
    );
    case(
        &[
            "audit",
            "-g",
            &g,
            "--tm",
            &path("tmx-empty-body.tmx"),
            "--format",
            "jsonl",
        ],
        0,
        "",
    );
}

#[test]
fn build_refuses_folders_without_pairs() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().display().to_string();
    let out = tmp.path().join("out").display().to_string();
    case(
        &["build", "--fr", &empty, "--en", &empty, "--out", &out],
        1,
        "no French file has an English counterpart",
    );
    assert!(!tmp.path().join("out").exists());
    case(
        &[
            "build",
            "--fr",
            &path("crlf.txt"),
            "--en",
            DIR,
            "--out",
            &out,
        ],
        1,
        "crlf.txt",
    );
}

// ---- second round: what a hostile or careless user finds next -----------------------------------

/// Runs a case and checks it also finished within `secs` seconds.
fn timed_case(args: &[&str], code: i32, fragment: &str, secs: u64) -> Run {
    let started = Instant::now();
    let r = case(args, code, fragment);
    assert!(
        started.elapsed() < Duration::from_secs(secs),
        "trame {args:?} took {:?}",
        started.elapsed()
    );
    r
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_as_binary_at_once() {
    for cmd in [
        &["clean"][..],
        &["segment"],
        &["terms", "--glossary", "{g}"],
        &["tmx", "convert", "--to", "tsv"],
        &["glossary", "export", "--to", "tbx2"],
    ] {
        let mut args = cmd.to_vec();
        args.extend(["/dev/zero", "-o", "{o}"]);
        timed_case(&args, 1, "/dev/zero: binary file (NUL byte at byte 0)", 20);
    }
    timed_case(
        &["tmx", "stats", "/dev/zero"],
        1,
        "/dev/zero: binary file (NUL byte at byte 0)",
        20,
    );
    timed_case(
        &["audit", "--glossary", "/dev/zero"],
        1,
        "/dev/zero: binary file",
        20,
    );
    timed_case(
        &["terms", "--glossary", "/dev/zero", &path("crlf.txt")],
        1,
        "/dev/zero: binary file",
        20,
    );
}

/// A FIFO at `dir/name` fed by a thread that writes `block` until the reader goes away (or
/// `total` bytes, then closes).
#[cfg(unix)]
fn feed_fifo(dir: &Path, name: &str, block: Vec<u8>, total: Option<usize>) -> String {
    let fifo = dir.join(name);
    let ok = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo failed");
    let f = fifo.clone();
    std::thread::spawn(move || {
        use std::io::Write;
        let Ok(mut w) = std::fs::OpenOptions::new().write(true).open(&f) else {
            return;
        };
        let mut sent = 0;
        while total.map_or(true, |t| sent < t) {
            if w.write_all(&block).is_err() {
                return;
            }
            sent += block.len();
        }
    });
    fifo.display().to_string()
}

#[cfg(unix)]
#[test]
fn a_fifo_fed_forever_is_bounded() {
    let tmp = tempfile::tempdir().unwrap();
    // No line end ever: the streamed commands stop at the 64 MiB line bound.
    let f = feed_fifo(tmp.path(), "lines", vec![b'a'; 1 << 20], None);
    timed_case(
        &["segment", &f, "-o", "{o}"],
        1,
        "a line longer than 64 MiB",
        60,
    );
    // Whole-read commands stop at the 256 MiB bound on inputs of unknown size.
    let f = feed_fifo(tmp.path(), "whole", b"Une phrase. ".repeat(1 << 16), None);
    timed_case(
        &["clean", &f, "-o", "{o}"],
        1,
        "more than 256 MiB from a pipe or device",
        60,
    );
    // A FIFO that ends is read like a file.
    let f = feed_fifo(tmp.path(), "small", b"Un. Deux.\n".to_vec(), Some(10));
    let r = timed_case(&["segment", &f], 0, "", 60);
    assert_eq!(r.stdout, "Un.\nDeux.\n");
}

#[test]
fn utf32_is_named_as_such() {
    each_text_command("utf32le-bom.txt", &[], 1, "UTF-32LE text (byte-order mark");
    each_text_command("utf32be-bom.txt", &[], 1, "UTF-32BE text (byte-order mark");
    case(
        &["tmx", "stats", &path("utf32le-bom.txt")],
        1,
        "UTF-32LE text",
    );
    case(
        &["audit", "--glossary", &path("utf32be-bom.txt")],
        1,
        "UTF-32BE text",
    );
}

fn write_generated(dir: &Path, name: &str, content: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.display().to_string()
}

const TMX_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header \
    creationtool=\"x\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" \
    srclang=\"fr\" datatype=\"plaintext\"/><body>\n";
const TBX_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX-Basic\" \
    xml:lang=\"fr\"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc>\
    </martifHeader><text><body>\n";

#[test]
fn xml_nested_100000_deep_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let n = 100_000;
    let tmx = write_generated(
        tmp.path(),
        "deep.tmx",
        &format!(
            "{TMX_HEAD}{}{}</body></tmx>\n",
            "<tu>".repeat(n),
            "</tu>".repeat(n)
        ),
    );
    let tbx = write_generated(
        tmp.path(),
        "deep.tbx",
        &format!(
            "{TBX_HEAD}<termEntry id=\"c1\">{}{}</termEntry></body></text></martif>\n",
            "<note>".repeat(n),
            "</note>".repeat(n)
        ),
    );
    let srx = write_generated(
        tmp.path(),
        "deep.srx",
        &format!(
            "<srx version=\"2.0\"><header>{}{}</header><body></body></srx>\n",
            "<x>".repeat(n),
            "</x>".repeat(n)
        ),
    );
    let fragment = "elements nested more than 256 deep";
    timed_case(&["tmx", "stats", &tmx], 1, "deep.tmx:3:", 30);
    timed_case(&["tmx", "stats", &tmx], 1, fragment, 30);
    timed_case(&["tmx", "merge", &tmx, "-o", "{o}"], 1, fragment, 30);
    timed_case(&["glossary", "import", &tbx, "-o", "{o}"], 1, fragment, 30);
    timed_case(&["audit", "--glossary", &tbx], 1, fragment, 30);
    timed_case(
        &["segment", "--srx", &srx, &path("crlf.txt"), "-o", "{o}"],
        1,
        fragment,
        30,
    );
}

#[test]
fn a_huge_attribute_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let big = "x".repeat(2 << 20);
    let tmx = write_generated(
        tmp.path(),
        "attr.tmx",
        &format!(
            "{TMX_HEAD}<tu tuid=\"{big}\"><tuv xml:lang=\"fr\"><seg>a</seg></tuv></tu></body></tmx>\n"
        ),
    );
    let tbx = write_generated(
        tmp.path(),
        "attr.tbx",
        &format!("{TBX_HEAD}<termEntry id=\"{big}\"/></body></text></martif>\n"),
    );
    let fragment = "bytes (trame's limit is 1048576";
    timed_case(&["tmx", "stats", &tmx], 1, fragment, 30);
    timed_case(&["glossary", "import", &tbx, "-o", "{o}"], 1, fragment, 30);
    timed_case(&["audit", "--glossary", &tbx], 1, fragment, 30);
}

#[test]
fn a_lying_xml_encoding_declaration_is_refused() {
    let tmx = path("tmx-lying-encoding.tmx");
    let tbx = path("tbx-lying-encoding.tbx");
    let fragment = "the XML declaration says encoding=\"ISO-8859-1\" but the file is read as UTF-8";
    case(&["tmx", "stats", &tmx], 1, "tmx-lying-encoding.tmx:1:1:");
    case(&["tmx", "stats", &tmx], 1, fragment);
    case(
        &["tmx", "convert", &tmx, "--to", "tsv", "-o", "{o}"],
        1,
        fragment,
    );
    case(
        &["audit", "--glossary", "{g}", "--tm", &tmx],
        1,
        "encoding=\"ISO-8859-1\"",
    );
    let fragment = "encoding=\"windows-1252\" but the file is read as UTF-8";
    case(&["glossary", "import", &tbx, "-o", "{o}"], 1, fragment);
    case(&["audit", "--glossary", &tbx], 1, fragment);
    case(
        &["terms", "--glossary", &tbx, &path("crlf.txt")],
        1,
        fragment,
    );
}

#[test]
fn a_300_mb_line_without_spaces_is_bounded() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("line.txt");
    {
        use std::io::Write;
        let mut w = std::io::BufWriter::new(std::fs::File::create(&f).unwrap());
        let block = vec![b'x'; 1 << 20];
        for _ in 0..300 {
            w.write_all(&block).unwrap();
        }
        w.write_all(b"\n").unwrap();
    }
    let f = f.display().to_string();
    let fragment = "line.txt:1:1: a line longer than 64 MiB";
    timed_case(&["segment", &f, "-o", "{o}"], 1, fragment, 60);
    timed_case(
        &["terms", "--glossary", "{g}", &f, "-o", "{o}"],
        1,
        fragment,
        60,
    );
    timed_case(&["clean", &f, "-o", "{o}"], 1, fragment, 60);
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_folders_end() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "L’OIM publie un rapport.\n").unwrap();
    std::os::unix::fs::symlink("..", corpus.join("up")).unwrap();
    std::os::unix::fs::symlink(".", corpus.join("again")).unwrap();
    let c = corpus.display().to_string();
    let r = timed_case(
        &[
            "audit",
            "--glossary",
            "{g}",
            "--corpus",
            &c,
            "--format",
            "jsonl",
        ],
        0,
        "",
        30,
    );
    assert!(!r.stdout.contains("again/"), "{}", r.stdout);
    // A link to itself is an I/O error naming it, not a hang.
    std::os::unix::fs::symlink("self.txt", corpus.join("self.txt")).unwrap();
    timed_case(
        &["audit", "--glossary", "{g}", "--corpus", &c],
        1,
        "self.txt: Too many levels of symbolic links",
        30,
    );
    // build lists folders as audit does (trame::corpus): the loop `again -> .` is walked once,
    // the unreadable `self.txt` is the same error, and once it is gone the build runs.
    let en = tmp.path().join("en");
    std::fs::create_dir(&en).unwrap();
    std::fs::write(en.join("a.txt"), "IOM publishes a report.\n").unwrap();
    std::os::unix::fs::symlink(".", en.join("again")).unwrap();
    let out = tmp.path().join("out").display().to_string();
    let build = [
        "build",
        "--fr",
        &c,
        "--en",
        &en.display().to_string(),
        "--out",
        &out,
    ];
    timed_case(&build, 1, "self.txt: Too many levels of symbolic links", 60);
    std::fs::remove_file(corpus.join("self.txt")).unwrap();
    timed_case(&build, 0, "", 60);
}

#[cfg(unix)]
#[test]
fn odd_file_names_are_read_and_shown_on_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("-dash.txt"), "Un. Deux.\n").unwrap();
    std::fs::write(tmp.path().join("new\nline.txt"), "Un. Deux.\n").unwrap();
    let dash = tmp.path().join("-dash.txt").display().to_string();
    let r = case(
        &["segment", "--", "-dash.txt"],
        1,
        "-dash.txt: No such file",
    );
    assert_eq!(r.stderr.lines().count(), 1);
    let r = case(&["segment", "--", &dash], 0, "");
    assert_eq!(r.stdout, "Un.\nDeux.\n");
    // A leading `-` without `--` is an option: a usage error, not a read.
    case(&["segment", "-dash.txt"], 2, "unexpected argument");
    let nl = tmp.path().join("new\nline.txt").display().to_string();
    let r = case(&["segment", "--format", "jsonl", &nl], 0, "");
    assert!(r.stdout.contains("new\\nline.txt"), "{}", r.stdout);
    let missing = tmp.path().join("no\nsuch.txt").display().to_string();
    let r = case(&["segment", &missing], 1, "no\\nsuch.txt: No such file");
    assert_eq!(r.stderr.lines().count(), 1, "{:?}", r.stderr);
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_to_the_input_keeps_the_link_and_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in.txt");
    std::fs::write(&input, "Un. Deux.\n").unwrap();
    let link = tmp.path().join("link.txt");
    std::os::unix::fs::symlink("in.txt", &link).unwrap();
    let l = link.display().to_string();
    case(&["segment", &l, "-o", &l], 0, "");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "Un.\nDeux.\n");
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_no_partial_file() {
    // /dev/full: every write fails with ENOSPC.
    case(
        &["segment", &path("crlf.txt"), "-o", "/dev/full"],
        1,
        "/dev/full: No space left on device",
    );
    // A real full file system: a 64 KiB tmpfs (needs root; skipped elsewhere).
    if !unsafe_is_root() {
        eprintln!("skipped the tmpfs case: not root");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("tiny");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped the tmpfs case: mount not permitted");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(mnt.clone());
    let big = tmp.path().join("big.txt");
    std::fs::write(
        &big,
        "Une phrase assez longue pour remplir le disque. ".repeat(10_000),
    )
    .unwrap();
    let out = mnt.join("out.txt");
    std::fs::write(&out, "earlier content\n").unwrap();
    let o = out.display().to_string();
    case(
        &["segment", &big.display().to_string(), "-o", &o],
        1,
        "No space left on device",
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier content\n");
    let names: Vec<_> = std::fs::read_dir(&mnt)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("out.txt")]);
}

#[test]
fn duplicate_tuids_are_counted_and_made_unique_on_merge() {
    let f = path("tmx-duplicate-tuids.tmx");
    let r = case(&["tmx", "stats", &f], 0, "");
    assert!(r.stdout.contains("duplicate tuids: 1"), "{}", r.stdout);
    let r = case(&["tmx", "stats", "--format", "json", &f], 0, "");
    assert!(r.stdout.contains("\"duplicate_tuids\": 1"), "{}", r.stdout);
    let (r, out, _t) = run(&["tmx", "merge", &f, "-o", "{o}"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Streaming: the third unit's own `7-2` was already given to the second unit.
    assert!(
        r.stderr.contains("tuid `7` already used: written as `7-2`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("tuid `7-2` already used: written as `7-2-2`"),
        "{}",
        r.stderr
    );
    let merged = std::fs::read_to_string(out).unwrap();
    for id in ["\"7\"", "\"7-2\"", "\"7-2-2\""] {
        assert_eq!(merged.matches(&format!("tuid={id}")).count(), 1, "{merged}");
    }
}

#[test]
fn a_glossary_term_that_is_a_function_word_or_punctuation_is_refused_for_matching() {
    let stop = path("glossary-stop-word.csv");
    let punct = path("glossary-punctuation.csv");
    let text = path("crlf.txt");
    case(
        &["terms", "--glossary", &stop, &text],
        1,
        "glossary-stop-word.csv:2:1: entry c1: French term `de` is a French function word",
    );
    case(
        &["terms", "--glossary", &punct, &text],
        1,
        "glossary-punctuation.csv:3:1: entry c2: French term `…` has no letter or digit",
    );
    // The audit reports them as findings and goes on.
    let r = case(&["audit", "--glossary", &stop, "--format", "jsonl"], 0, "");
    assert!(
        r.stdout.contains("\"rule\":\"unusable-term\""),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("«of»"), "{}", r.stdout);
    let r = case(&["audit", "--glossary", &punct, "--format", "jsonl"], 0, "");
    assert!(r.stdout.contains("«…»"), "{}", r.stdout);
}

#[test]
fn srx_rules_with_catastrophic_backtracking_are_refused_in_bounded_time() {
    let tmp = tempfile::tempdir().unwrap();
    let text = write_generated(
        tmp.path(),
        "a.txt",
        &format!("{}\n", format!("{}. ", "a".repeat(60)).repeat(5_000)),
    );
    timed_case(
        &[
            "segment",
            "--srx",
            &path("srx-catastrophic.srx"),
            &text,
            "-o",
            "{o}",
        ],
        1,
        "srx-catastrophic.srx: rule 1 of languagerule `fr`; rule 2 of languagerule `fr` needed more than 100000 backtracking steps",
        30,
    );
}
