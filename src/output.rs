//! Writing output: atomically to a file (temp file in the same directory, then rename), or to stdout.
//!
//! A failed run never leaves a partial or truncated output file: the target is replaced only once
//! everything was written and flushed. Targets that are not regular files (`/dev/null`, a named
//! pipe, a terminal) cannot be replaced and hold no earlier content to protect: they are written
//! directly.

use crate::error::{Error, Result};
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes to `path` atomically: `write` fills a buffered temp file that replaces `path` on success.
///
/// If `write` fails, the temp file is removed and `path` is left as it was.
pub fn write_atomic<F>(path: &Path, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    let shown = path.display().to_string();
    // A symbolic link is written through: the file it points to is replaced (atomically, like
    // any target), the link stays. `-o link-to-the-input` thus behaves as `-o the-input`.
    let resolved;
    let path = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match std::fs::canonicalize(path) {
            Ok(target) => {
                resolved = target;
                resolved.as_path()
            }
            Err(e) => return Err(Error::io(&shown, e)),
        },
        _ => path,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::invalid(
            shown,
            "is a directory, expected a file path",
        ));
    }
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io(&shown, e))?;
        let mut out = BufWriter::new(file);
        write(&mut out).map_err(|e| e.on_output(&shown))?;
        return out.flush().map_err(|e| Error::io(&shown, e));
    }
    let tmp = tempfile::Builder::new()
        .prefix(".trame-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(&shown, e))?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        write(&mut out).map_err(|e| e.on_output(&shown))?;
        out.flush().map_err(|e| Error::io(&shown, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(&shown, e))?;
    // The temp file is private (0600); the result gets the target's permissions if it
    // existed, else the usual 0644, like any file a command writes.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(tmp.as_file()).map_err(|e| Error::io(&shown, e))?,
    };
    tmp.as_file()
        .set_permissions(permissions)
        .map_err(|e| Error::io(&shown, e))?;
    tmp.persist(path).map_err(|e| Error::io(&shown, e.error))?;
    Ok(())
}

/// Permissions for a newly created output file: 0644 on Unix (the temp file starts as 0600).
#[cfg(unix)]
fn default_permissions(_tmp: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

/// Permissions for a newly created output file: the temp file's own elsewhere.
#[cfg(not(unix))]
fn default_permissions(tmp: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(tmp.metadata()?.permissions())
}

/// Writes to `path` atomically, or to stdout when `path` is `None` or `-`.
pub fn write_output<F>(path: Option<&Path>, write: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    match path {
        Some(p) if p != Path::new("-") => write_atomic(p, write),
        _ => {
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            write(&mut out).map_err(|e| e.on_output("<stdout>"))?;
            out.flush().map_err(|e| Error::io("<stdout>", e))
        }
    }
}

/// Maps an I/O error while writing to `path` into trame's error type.
pub fn write_err(path: &str) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::io(path, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        std::fs::write(&target, "old").unwrap();
        let result = write_atomic(&target, |w| {
            w.write_all(b"partial").unwrap();
            Err(Error::invalid("in", "boom"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_successful_write_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        write_atomic(&target, |w| w.write_all(b"new").map_err(write_err("out"))).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_and_an_old_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.txt");
        write_atomic(&fresh, |_| Ok(())).unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
        let old = dir.path().join("old.txt");
        std::fs::write(&old, "x").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&old, |_| Ok(())).unwrap();
        let mode = std::fs::metadata(&old).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place_not_replaced() {
        if std::fs::metadata("/dev/null").map_or(true, |m| m.is_file()) {
            eprintln!("skipped: /dev/null is not a device on this machine");
            return;
        }
        write_atomic(Path::new("/dev/null"), |w| {
            w.write_all(b"discarded").map_err(write_err("/dev/null"))
        })
        .unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null must still be a device");
    }

    #[test]
    fn a_missing_directory_is_an_io_error() {
        let err = write_atomic(Path::new("/nonexistent-dir/x.txt"), |_| Ok(())).unwrap_err();
        assert_eq!(err.exit_code(), 1);
    }
}
