//! `trame clean`.

use std::io::Write;
use std::path::PathBuf;

use trame::clean::{clean_documents, CleanOptions, CleanReport};
use trame::input::read_source;
use trame::output::{write_err, write_output};
use trame::report::{RemovalRow, RowFormat, RowWriter};

/// Format of the `--report` listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One line per removal: `FILE:LINE: KIND: TEXT`.
    Text,
    /// One JSON array of `{"doc", "removals": [{"kind", "line", "text"}]}`.
    Json,
    /// One JSON object per removal: `{"doc", "kind", "line", "text"}`.
    Jsonl,
    /// One row per removal under a header: doc, line, kind, text.
    Tsv,
}

/// Arguments of `trame clean`.
///
/// Prints the cleaned text of each input: one paragraph, heading or contact line per line, no
/// empty line inside a document, and one empty line between documents. An empty (or
/// white-space-only) input yields no lines and exit code 0. Files given together are cleaned
/// together: blocks of lines they share (site navigation, footers) are removed.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Output: one paragraph, heading or contact line per line; documents in the order given, separated \
by one empty line (a document never holds an empty line; an empty input prints nothing). Files \
given together are cleaned together: blocks of 3+ lines they share (menus, footers) are removed. \
Exit codes: 0 ok, 1 bad input or I/O, 2 bad usage.")]
pub struct Args {
    /// Input files (`-` for stdin).
    #[arg(required = true)]
    pub files: Vec<String>,
    /// A file of known boilerplate (menus, footers) to remove, for single-document runs. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub boilerplate: Vec<String>,
    /// Encoding of inputs without a BOM (a WHATWG label: windows-1252, iso-8859-15…). Default: UTF-8.
    #[arg(long, value_name = "LABEL", value_parser = super::parse_encoding)]
    pub encoding: Option<super::EncodingArg>,
    /// List what was removed from each document, on stderr.
    #[arg(long)]
    pub report: bool,
    /// Format of the `--report` listing on stderr.
    #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
    pub report_format: ReportFormat,
    /// Shortest run of lines shared by the inputs that counts as boilerplate.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..))]
    pub min_block: u16,
    /// Keep a leading site-navigation menu (do not guess it from its shape).
    #[arg(long)]
    pub keep_navigation: bool,
    /// Keep hard-wrapped lines as they are.
    #[arg(long)]
    pub no_unwrap: bool,
    /// Write the cleaned text to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `trame clean`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let encoding = args.encoding;
    if args.files.iter().filter(|f| f.as_str() == "-").count() > 1 {
        return Err(super::usage("`-` (stdin) may be given only once"));
    }
    let mut opts = CleanOptions {
        min_block_lines: usize::from(args.min_block),
        navigation: !args.keep_navigation,
        unwrap: !args.no_unwrap,
        ..CleanOptions::default()
    };
    for path in &args.boilerplate {
        opts.boilerplate.push(read_source(path, encoding)?.text);
    }
    let sources = args
        .files
        .iter()
        .map(|f| read_source(f, encoding))
        .collect::<Result<Vec<_>, _>>()?;
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    let cleaned = clean_documents(&texts, &opts);

    write_output(args.output.as_deref(), |w| {
        let shown = args
            .output
            .as_ref()
            .map_or("<stdout>".to_string(), |p| p.display().to_string());
        let err = write_err(&shown);
        for (i, (doc, _)) in cleaned.iter().enumerate() {
            if i > 0 {
                w.write_all(b"\n").map_err(&err)?;
            }
            if !doc.text.is_empty() {
                w.write_all(doc.text.as_bytes()).map_err(&err)?;
                w.write_all(b"\n").map_err(&err)?;
            }
        }
        Ok(())
    })?;

    if args.report {
        let reports: Vec<(&str, &CleanReport)> = sources
            .iter()
            .zip(&cleaned)
            .map(|(s, (_, r))| (s.path.as_str(), r))
            .collect();
        let stderr = std::io::stderr();
        let mut e = stderr.lock();
        let format = match args.report_format {
            ReportFormat::Text => Some(RowFormat::Text),
            ReportFormat::Jsonl => Some(RowFormat::Jsonl),
            ReportFormat::Tsv => Some(RowFormat::Tsv),
            ReportFormat::Json => None,
        };
        match format {
            Some(format) => {
                let mut w = RowWriter::new(&mut e, format);
                for (doc, report) in &reports {
                    for removal in &report.removals {
                        w.write(&RemovalRow { doc, removal })?;
                    }
                }
                w.finish::<RemovalRow>()?;
            }
            None => {
                let json: Vec<serde_json::Value> = reports
                    .iter()
                    .map(|(path, report)| {
                        serde_json::json!({"doc": path, "removals": report.removals})
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut e, &json)?;
                writeln!(e)?;
            }
        }
    }
    Ok(())
}
