//! `trame segment`: split releases into sentences (SRX 2.0 rules).

use anyhow::Context;
use std::path::PathBuf;
use trame::clean::{clean_documents, CleanOptions};
use trame::input::{encoding_for_label, read_source, Source};
use trame::segment::offsets::FileOffsets;
use trame::segment::Segmenter;

/// Output format of `trame segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One segment per line, a blank line between documents.
    Text,
    /// One JSON object per segment: doc, index, text, start, end (byte offsets in the file).
    Jsonl,
}

/// Arguments of `trame segment`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` for stdin).
    #[arg(required = true)]
    pub files: Vec<String>,
    /// Language of the text: selects the built-in rules, or the language map of `--srx`.
    #[arg(long, default_value = "fr")]
    pub lang: String,
    /// SRX 2.0 rules file to use instead of the built-in rules.
    #[arg(long, value_name = "FILE")]
    pub srx: Option<String>,
    /// Segment the text as it is, without cleaning (boilerplate, wraps, HTML debris).
    #[arg(long)]
    pub no_clean: bool,
    /// Known boilerplate text to remove (for single-document runs).
    #[arg(long, value_name = "FILE")]
    pub boilerplate: Vec<String>,
    /// Encoding of the inputs when not UTF-8/UTF-16 with BOM (e.g. windows-1252).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Output file (written atomically); stdout when absent or `-`.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(serde::Serialize)]
struct JsonSegment<'a> {
    doc: &'a str,
    index: usize,
    text: &'a str,
    start: usize,
    end: usize,
}

/// Runs `trame segment`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let encoding = args
        .encoding
        .as_deref()
        .map(encoding_for_label)
        .transpose()?;
    if args.lang.trim().is_empty() {
        return Err(super::usage("--lang must not be empty"));
    }
    if args.files.iter().filter(|f| f.as_str() == "-").count() > 1 {
        return Err(super::usage("`-` (stdin) may be given only once"));
    }
    let segmenter = match &args.srx {
        Some(path) => Segmenter::from_srx_file(path, &args.lang)?,
        None => Segmenter::builtin(&args.lang)?,
    };
    for warning in segmenter.warnings() {
        eprintln!(
            "trame: warning: {}: {warning}",
            args.srx.as_deref().unwrap_or("rules")
        );
    }
    let mut opts = CleanOptions::default();
    for path in &args.boilerplate {
        opts.boilerplate.push(
            read_source(path, encoding)
                .context("reading --boilerplate")?
                .text,
        );
    }
    let sources: Vec<Source> = args
        .files
        .iter()
        .map(|f| read_source(f, encoding))
        .collect::<trame::Result<_>>()?;
    // With --no-clean the text is segmented as it is: spans are already offsets in the source.
    let cleaned = if args.no_clean {
        None
    } else {
        let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
        Some(
            clean_documents(&texts, &opts)
                .into_iter()
                .map(|(c, _)| c)
                .collect::<Vec<_>>(),
        )
    };
    let out_name = args
        .output
        .as_ref()
        .map_or_else(|| "<stdout>".to_string(), |p| p.display().to_string());
    trame::output::write_output(args.output.as_deref(), |w| {
        let io = trame::output::write_err(&out_name);
        for (k, source) in sources.iter().enumerate() {
            let segments = match &cleaned {
                Some(cleaned) => segmenter.segment_clean(&cleaned[k]),
                None => segmenter.segment(&source.text),
            };
            match args.format {
                Format::Text => {
                    if k > 0 {
                        w.write_all(b"\n").map_err(&io)?;
                    }
                    for seg in &segments {
                        w.write_all(seg.text.as_bytes()).map_err(&io)?;
                        w.write_all(b"\n").map_err(&io)?;
                    }
                }
                Format::Jsonl => {
                    let mut offsets = FileOffsets::new(source);
                    for (index, seg) in segments.iter().enumerate() {
                        let record = JsonSegment {
                            doc: &source.path,
                            index,
                            text: &seg.text,
                            start: offsets.file_offset(seg.start),
                            end: offsets.file_offset(seg.end),
                        };
                        serde_json::to_writer(&mut *w, &record)
                            .map_err(|e| trame::Error::io(&out_name, e.into()))?;
                        w.write_all(b"\n").map_err(&io)?;
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(())
}
