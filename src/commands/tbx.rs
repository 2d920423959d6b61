//! `trame tbx validate|repair`: arguments and output; the work is in `trame::tbx::validate`.

use std::io::Write;
use std::path::PathBuf;

/// Subcommands of `trame tbx`.
#[derive(Debug, clap::Subcommand)]
pub enum TbxCommand {
    /// List every problem a CAT tool would reject or lose in a termbase, with line:column and
    /// the tool that would trip; exit 1 if there is any.
    Validate(super::tmx_repair::ValidateArgs),
    /// Rewrite a termbase as TBX v2 TBX-Basic (OmegaT, translate-toolkit) keeping everything
    /// that can be saved; report each change.
    Repair {
        /// The termbase (`-` = stdin).
        file: String,
        /// Output TBX (written atomically).
        #[arg(short, long)]
        output: PathBuf,
        /// Number the entries 1, 2, 3… (numeric concept ids for MultiTerm).
        #[arg(long)]
        renumber: bool,
    },
}

/// Runs `trame tbx …`.
pub fn run(cmd: TbxCommand) -> anyhow::Result<()> {
    match cmd {
        TbxCommand::Validate(args) => validate(args),
        TbxCommand::Repair {
            file,
            output,
            renumber,
        } => {
            let mut changes = Vec::new();
            trame::output::write_output(Some(&output), |w| {
                changes = trame::tbx::validate::repair_tbx(&file, renumber, w)?;
                Ok(())
            })?;
            for c in &changes {
                eprintln!("trame: {file}: {}", super::escape_controls(c));
            }
            eprintln!("trame: repaired {file} into {}", output.display());
            Ok(())
        }
    }
}

fn validate(args: super::tmx_repair::ValidateArgs) -> anyhow::Result<()> {
    let mut problems = 0;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in &args.files {
        let v = trame::tbx::validate::validate_tbx(file)?;
        problems += v.issues.len();
        for issue in &v.issues {
            match args.format {
                super::tmx_repair::ValidateFormat::Text => {
                    writeln!(out, "{}", super::escape_controls(&issue.to_text()))?
                }
                super::tmx_repair::ValidateFormat::Jsonl => {
                    writeln!(out, "{}", serde_json::to_string(issue)?)?
                }
            }
        }
        if args.format == super::tmx_repair::ValidateFormat::Text && v.issues.is_empty() {
            writeln!(out, "{file}: OK ({} entries)", v.entries)?;
        }
    }
    out.flush()?;
    if problems > 0 {
        anyhow::bail!(
            "{problems} problem(s) a CAT tool would reject or lose (`trame tbx repair` fixes those it can)"
        );
    }
    Ok(())
}
