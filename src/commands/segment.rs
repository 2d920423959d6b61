//! `trame segment`.

/// Arguments of `trame segment`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` for stdin).
    pub files: Vec<String>,
}

/// Runs `trame segment`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    Err(super::usage("`trame segment` is not implemented yet"))
}
