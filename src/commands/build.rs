//! `trame build`.

/// Arguments of `trame build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` for stdin).
    pub files: Vec<String>,
}

/// Runs `trame build`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    Err(super::usage("`trame build` is not implemented yet"))
}
