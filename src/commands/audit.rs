//! `trame audit`.

/// Arguments of `trame audit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` for stdin).
    pub files: Vec<String>,
}

/// Runs `trame audit`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    Err(super::usage("`trame audit` is not implemented yet"))
}
