//! One file per subcommand: its clap arguments and a `run` that calls the library.

pub mod align;
pub mod audit;
pub mod build;
pub mod clean;
pub mod glossary;
pub mod segment;
pub mod terms;
pub mod tmx;

/// Prints `err` on stderr as one line prefixed `trame: error:` and returns the exit code.
///
/// Library errors carry their own exit code (2 for usage, 1 for data/I/O); a closed stdout
/// (`trame … | head`) ends quietly with 0; anything else is 1.
pub fn report_error(err: &anyhow::Error) -> i32 {
    if let Some(io) = err.downcast_ref::<std::io::Error>() {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return 0;
        }
    }
    if let Some(trame::Error::Io { source, .. }) = err.downcast_ref::<trame::Error>() {
        if source.kind() == std::io::ErrorKind::BrokenPipe {
            return 0;
        }
    }
    eprintln!("trame: error: {err:#}");
    match err.downcast_ref::<trame::Error>() {
        Some(e) => e.exit_code(),
        None => 1,
    }
}

/// A usage error (exit code 2) from the command line layer.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    trame::Error::Usage(message.into()).into()
}
