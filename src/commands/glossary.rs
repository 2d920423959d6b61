//! `trame glossary …`.

/// Subcommands of `trame glossary`.
#[derive(Debug, clap::Subcommand)]
pub enum GlossaryCommand {
    /// Export a glossary to TBX v2, TBX v3 or CSV.
    Export { file: String },
}

/// Runs `trame glossary …`.
pub fn run(_cmd: GlossaryCommand) -> anyhow::Result<()> {
    Err(super::usage("`trame glossary` is not implemented yet"))
}
