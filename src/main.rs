//! `trame` command line: parses arguments (clap derive) and calls the library, nothing more.
//!
//! Exit codes: 0 success, 1 bad input data or I/O failure, 2 bad usage.

mod commands;

use clap::{Parser, Subcommand};

/// French institutional press releases to CAT-tool assets (TMX, TBX).
#[derive(Debug, Parser)]
#[command(name = "trame", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Clean scraped releases: boilerplate, hard wraps, HTML debris.
    Clean(commands::clean::Args),
    /// Split text into sentences with SRX 2.0 rules.
    Segment(commands::segment::Args),
    /// Find glossary terms in French text, with their English equivalents.
    Terms(commands::terms::Args),
    /// Align the sentences of French releases with their English originals.
    Align(commands::align::Args),
    /// Run the whole job on folders of releases: TMX, TBX, terms, review page.
    Build(commands::build::Args),
    /// Translation memories (TMX): stats, merge, convert, build from TSV.
    #[command(subcommand)]
    Tmx(commands::tmx::TmxCommand),
    /// Termbases (TBX): validate for CAT tools, repair.
    #[command(subcommand)]
    Tbx(commands::tbx::TbxCommand),
    /// Glossaries: export to TBX v2/v3 or CSV, import from TBX.
    #[command(subcommand)]
    Glossary(commands::glossary::GlossaryCommand),
    /// Terminology QA: glossary lint, corpus coverage, TM consistency.
    Audit(commands::audit::Args),
    /// Prepare new releases for translation: XLIFF or OmegaT project with TM matches and glossary notes.
    Prepare(commands::prepare::Args),
    /// XLIFF: import translated files back into a TMX memory.
    #[command(subcommand)]
    Xliff(commands::xliff::XliffCommand),
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Clean(args) => commands::clean::run(args),
        Command::Segment(args) => commands::segment::run(args),
        Command::Terms(args) => commands::terms::run(args),
        Command::Align(args) => commands::align::run(args),
        Command::Build(args) => commands::build::run(args),
        Command::Tmx(cmd) => commands::tmx::run(cmd),
        Command::Tbx(cmd) => commands::tbx::run(cmd),
        Command::Glossary(cmd) => commands::glossary::run(cmd),
        Command::Audit(args) => commands::audit::run(args),
        Command::Prepare(args) => commands::prepare::run(args),
        Command::Xliff(cmd) => commands::xliff::run(cmd),
    };
    if let Err(err) = result {
        std::process::exit(commands::report_error(&err));
    }
}
