//! `trame align`.

/// Arguments of `trame align`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` for stdin).
    pub files: Vec<String>,
}

/// Runs `trame align`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    Err(super::usage("`trame align` is not implemented yet"))
}
