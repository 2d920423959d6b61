//! `trame audit`: terminology QA of a glossary, optionally against a corpus and memories.

use anyhow::Context as _;
use std::path::PathBuf;
use trame::audit::coverage::CorpusDoc;
use trame::audit::report::Format;
use trame::audit::{self, AuditInput, Severity};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Grouped human summary.
    Text,
    /// One JSON object per finding.
    Jsonl,
    /// One self-contained HTML page.
    Html,
}

/// Severity thresholds for `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Exit 1 if any error is found.
    Error,
    /// Exit 1 if any error or warning is found.
    Warning,
}

/// Arguments of `trame audit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The glossary to audit (CSV, TSV or TBX).
    #[arg(long, short = 'g', value_name = "FILE")]
    pub glossary: String,
    /// French texts to check coverage against: files, or directories of `.txt` files.
    #[arg(long, value_name = "FILE|DIR", num_args = 1..)]
    pub corpus: Vec<String>,
    /// Translation memories (TMX) to check for glossary use and consistency.
    #[arg(long, value_name = "FILE.tmx", num_args = 1..)]
    pub tm: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: FormatArg,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with status 1 when a finding at or above this severity exists (after writing the report).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
    /// Encoding of the glossary and corpus files when not UTF-8/UTF-16 (e.g. windows-1252).
    #[arg(long, value_name = "LABEL", value_parser = super::parse_encoding)]
    pub encoding: Option<super::EncodingArg>,
}

/// Runs `trame audit`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let encoding = args.encoding;
    let source = trame::input::read_source(&args.glossary, encoding)?;
    let glossary = audit::read_glossary(&source)?;
    let mut corpus = Vec::new();
    for path in trame::corpus::expand_args(&args.corpus)? {
        let src = trame::input::read_source(&path, encoding)?;
        corpus.push(CorpusDoc {
            path: src.path,
            text: src.text,
        });
    }
    let mut memories = Vec::new();
    let mut broken_units = Vec::new();
    for path in &args.tm {
        let (units, broken) = audit::read_memory_recovering(path)?;
        memories.push((path.clone(), units));
        broken_units.extend(broken);
    }
    let mut report = audit::audit(AuditInput {
        glossary_path: &args.glossary,
        glossary: &glossary,
        corpus: &corpus,
        memories: &memories,
    })?;
    if !broken_units.is_empty() {
        report.findings.extend(broken_units);
        report.sort();
    }
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Html => Format::Html,
    };
    let name = args
        .output
        .as_ref()
        .map_or("<stdout>".to_string(), |p| p.display().to_string());
    trame::output::write_output(args.output.as_deref(), |w| {
        audit::report::render(&report, format, w, &name)
    })
    .with_context(|| "writing the audit report")?;
    if let Some(fail_on) = args.fail_on {
        let threshold = match fail_on {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
        };
        if report.fails(threshold) {
            anyhow::bail!(
                "audit failed (--fail-on {}): {} errors, {} warnings",
                threshold,
                report.count(Severity::Error),
                report.count(Severity::Warning)
            );
        }
    }
    Ok(())
}
