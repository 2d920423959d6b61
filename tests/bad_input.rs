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
