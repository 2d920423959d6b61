//! `trame tmx …`.

/// Subcommands of `trame tmx`.
#[derive(Debug, clap::Subcommand)]
pub enum TmxCommand {
    /// Units, languages and duplicates of a TMX file.
    Stats { file: String },
}

/// Runs `trame tmx …`.
pub fn run(_cmd: TmxCommand) -> anyhow::Result<()> {
    Err(super::usage("`trame tmx` is not implemented yet"))
}
