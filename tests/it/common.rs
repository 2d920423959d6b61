//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The conformance checkers of `../shared/tools/conformance/` (see its README).
pub const TOOLS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/tools/conformance");

/// Whether the conformance checkers must run (CI sets `TRAME_REQUIRE_CONFORMANCE=1`).
pub fn required() -> bool {
    std::env::var("TRAME_REQUIRE_CONFORMANCE").is_ok_and(|v| v == "1")
}

/// Runs `checker file args…`; panics on a failing verdict; returns false if it could not run
/// (and the run is not required).
pub fn check(checker: &str, file: &Path, args: &[&str]) -> bool {
    let path = PathBuf::from(TOOLS).join(checker);
    if !path.exists() {
        let msg = format!("{checker} not found at {}", path.display());
        assert!(!required(), "{msg} (TRAME_REQUIRE_CONFORMANCE=1)");
        eprintln!("SKIPPED conformance check: {msg}");
        return false;
    }
    let out = std::process::Command::new(&path)
        .arg(file)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot start {checker}: {e}"));
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    match out.status.code() {
        Some(0) => {
            eprintln!("{report}");
            true
        }
        Some(2) => {
            assert!(
                !required(),
                "{checker} cannot run (exit 2) and TRAME_REQUIRE_CONFORMANCE=1:\n{report}"
            );
            eprintln!("SKIPPED conformance check: {checker} cannot run here (exit 2):\n{report}");
            false
        }
        code => panic!(
            "{checker} rejects {} (exit {code:?}):\n{report}\n--- file ---\n{}",
            file.display(),
            std::fs::read_to_string(file).unwrap_or_default()
        ),
    }
}

/// The `trame` binary under test, ready for arguments.
pub fn trame() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("trame").unwrap()
}
