//! `trame terms`: find glossary terms in French texts, with their English equivalents.

use std::path::PathBuf;
use trame::stream::Input;
use trame::terms::{self, report, Document, Format, MatchOptions, Matcher};

/// Output format of `trame terms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per occurrence (or per concept with --summary).
    Jsonl,
    /// Tab-separated values with a header line.
    Tsv,
    /// Human view: each term in context with its English equivalent.
    Text,
}

/// Arguments of `trame terms`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` for stdin; stdin when none is given).
    pub files: Vec<String>,
    /// The glossary (CSV/TSV or TBX; see the README for the format) [default: the shipped IOM
    /// glossary, built into trame].
    #[arg(long, short = 'g', value_name = "FILE")]
    pub glossary: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Print per-concept counts across the input files instead of occurrences.
    #[arg(long)]
    pub summary: bool,
    /// Search the files as they are, without cleaning them first.
    #[arg(long)]
    pub no_clean: bool,
    /// Do not report near-miss (fuzzy) spellings.
    #[arg(long)]
    pub no_fuzzy: bool,
    /// Encoding of the input files when not UTF-8/UTF-16 (e.g. windows-1252).
    #[arg(long, value_name = "LABEL", value_parser = super::parse_encoding)]
    pub encoding: Option<super::EncodingArg>,
    /// Encoding of the glossary when not UTF-8/UTF-16 (e.g. windows-1252 from a spreadsheet).
    #[arg(long, value_name = "LABEL", value_parser = super::parse_encoding)]
    pub glossary_encoding: Option<super::EncodingArg>,
    /// Write to FILE instead of stdout (atomically).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Inputs larger than this many bytes are streamed in chunks of this size (default: inputs
    /// over 32 MB, in 8 MB chunks). For tests and tuning.
    #[arg(long, value_name = "BYTES", hide = true)]
    pub stream_chunk_size: Option<usize>,
}

/// Runs `trame terms`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let encoding = args.encoding;
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(super::usage("stdin (`-`) can be read only once"));
    }
    if args.glossary.as_deref() == Some("-") && files.iter().any(|f| f == "-") {
        return Err(super::usage(
            "the glossary and an input cannot both be stdin",
        ));
    }
    let glossary = match &args.glossary {
        Some(path) => trame::glossary::read_glossary(path, args.glossary_encoding)?,
        None => trame::glossary::shipped_glossary()?,
    };
    let options = MatchOptions {
        fuzzy: !args.no_fuzzy,
        ..MatchOptions::default()
    };
    let matcher = Matcher::try_new(&glossary, options)?;
    let (threshold, chunk_size) = match args.stream_chunk_size {
        Some(n) => (n as u64, n),
        None => (trame::stream::STREAM_THRESHOLD, trame::stream::CHUNK_SIZE),
    };
    let mut inputs = files
        .iter()
        .map(|f| trame::stream::open(f, encoding, threshold, chunk_size))
        .collect::<Result<Vec<_>, _>>()?;
    let format = match args.format {
        OutputFormat::Jsonl => Format::Jsonl,
        OutputFormat::Tsv => Format::Tsv,
        OutputFormat::Text => Format::Text,
    };
    if inputs.iter().any(|i| matches!(i, Input::Chunks(_))) {
        // A large input: searched and written chunk by chunk (trame::terms::stream).
        trame::output::write_output(args.output.as_deref(), |w| {
            terms::stream::write_inputs(
                &matcher,
                &glossary,
                &mut inputs,
                !args.no_clean,
                format,
                args.summary,
                w,
            )
        })?;
        return Ok(());
    }
    let sources: Vec<_> = inputs
        .into_iter()
        .filter_map(|i| match i {
            Input::Whole(s) => Some(s),
            Input::Chunks(_) => None,
        })
        .collect();
    let docs: Vec<Document<'_>> = sources
        .iter()
        .map(|s| Document {
            name: &s.path,
            text: &s.text,
        })
        .collect();
    let records = terms::find_in_documents(&matcher, &glossary, &docs, !args.no_clean);
    trame::output::write_output(args.output.as_deref(), |w| {
        if args.summary {
            report::write_summary(&report::summarize(&records, &glossary), format, w)
        } else {
            report::write_records(&records, format, &docs, w)
        }
    })?;
    Ok(())
}
