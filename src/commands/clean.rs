//! `trame clean`.

/// Arguments of `trame clean`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` for stdin).
    pub files: Vec<String>,
}

/// Runs `trame clean`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    Err(super::usage("`trame clean` is not implemented yet"))
}
