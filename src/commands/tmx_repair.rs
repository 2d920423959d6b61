//! `trame tmx validate` and `trame tmx repair`: arguments and output; the work is in
//! `trame::tmx::validate` and `trame::tmx::repair`.

use std::path::PathBuf;
use trame::tmx::repair::{RepairOptions, MAX_LISTED};
use trame::tmx::validate::{validate_file, MAX_PER_RULE};

/// Output format of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ValidateFormat {
    /// `FILE:LINE:COL: rule: message [would trip: tools] fix: …`, one line per problem.
    Text,
    /// One JSON object per problem: file, line, column, rule, tools, message, fix.
    Jsonl,
}

/// Arguments of `tmx validate` and `tbx validate`.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The files to check (`-` = stdin).
    #[arg(required = true)]
    pub files: Vec<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ValidateFormat,
}

/// Arguments of `tmx repair`.
#[derive(Debug, clap::Args)]
pub struct RepairArgs {
    /// The TMX to repair (`-` = stdin).
    pub file: String,
    /// Output TMX (written atomically; never the input file through another name).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Source language to write (required when the header's srclang is `*` or missing).
    #[arg(long)]
    pub src_lang: Option<String>,
    /// Map a language code, e.g. `--lang FR-fr=fr-FR` (repeatable).
    #[arg(long, value_name = "FROM=TO")]
    pub lang: Vec<String>,
    /// Number the units 1, 2, 3… instead of keeping their tuids.
    #[arg(long)]
    pub renumber: bool,
}

/// Prints the issues of each file; exit 1 when any file has one.
pub fn validate(args: ValidateArgs) -> anyhow::Result<()> {
    let mut problems = 0usize;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    use std::io::Write;
    for file in &args.files {
        let v = validate_file(file)?;
        problems += v.issues.len();
        for issue in &v.issues {
            match args.format {
                ValidateFormat::Text => {
                    writeln!(out, "{}", super::escape_controls(&issue.to_text()))?
                }
                ValidateFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(issue)?)?,
            }
        }
        for (rule, n) in &v.omitted {
            eprintln!(
                "trame: {file}: {n} more `{rule}` problem(s) not listed (at most {MAX_PER_RULE} per rule)"
            );
        }
        if args.format == ValidateFormat::Text && v.issues.is_empty() {
            writeln!(out, "{file}: OK ({} units)", v.units)?;
        }
    }
    out.flush()?;
    if problems > 0 {
        anyhow::bail!(
            "{problems} problem(s) a CAT tool would reject or lose (`trame tmx repair` fixes those it can)"
        );
    }
    Ok(())
}

fn lang_map(pairs: &[String]) -> anyhow::Result<Vec<(String, String)>> {
    pairs
        .iter()
        .map(|p| {
            let (from, to) = p
                .split_once('=')
                .ok_or_else(|| super::usage(format!("--lang `{p}`: expected FROM=TO")))?;
            if !trame::tmx::xml::is_language_tag(to.trim()) {
                return Err(super::usage(format!(
                    "--lang `{p}`: `{to}` is not a language tag"
                )));
            }
            Ok((from.trim().to_string(), to.trim().to_string()))
        })
        .collect()
}

/// Repairs one TMX into `-o`, printing each change on stderr.
pub fn repair(args: RepairArgs) -> anyhow::Result<()> {
    if let Some(l) = &args.src_lang {
        if !trame::tmx::xml::is_language_tag(l) {
            return Err(super::usage(format!(
                "--src-lang `{l}` is not a language tag"
            )));
        }
    }
    let options = RepairOptions {
        src_lang: args.src_lang.clone(),
        lang_map: lang_map(&args.lang)?,
        renumber: args.renumber,
    };
    let mut report = None;
    trame::output::write_output(Some(&args.output), |w| {
        report = Some(trame::tmx::repair::repair(&args.file, &options, w)?);
        Ok(())
    })?;
    let report = report.unwrap_or_default();
    for c in &report.changes {
        eprintln!("trame: {}: {}", args.file, super::escape_controls(c));
    }
    for (kind, n) in &report.counts {
        if *n as usize > MAX_LISTED {
            eprintln!(
                "trame: {}: {} more `{kind}` change(s) not listed",
                args.file,
                *n as usize - MAX_LISTED
            );
        }
    }
    eprintln!(
        "trame: repaired {}: {} of {} unit(s) written to {}",
        args.file,
        report.units_written,
        report.units_read,
        args.output.display()
    );
    Ok(())
}
