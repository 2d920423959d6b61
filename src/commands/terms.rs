//! `trame terms`.

/// Arguments of `trame terms`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` for stdin).
    pub files: Vec<String>,
}

/// Runs `trame terms`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    Err(super::usage("`trame terms` is not implemented yet"))
}
