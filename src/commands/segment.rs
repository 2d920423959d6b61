//! `trame segment`: split releases into sentences (SRX 2.0 rules).

use anyhow::Context;
use std::path::PathBuf;
use trame::clean::{clean_documents, CleanOptions};
use trame::input::{read_source, Source};
use trame::report::{RowFormat, RowWriter, SegmentRow};
use trame::segment::stream::segment_chunk;
use trame::segment::{Segment, Segmenter};
use trame::stream::{self, Input};

/// Output format of `trame segment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One segment per line, a blank line between documents.
    Text,
    /// One JSON object per segment: doc, index, text, start, end (byte offsets in the file).
    Jsonl,
    /// One row per segment under a header: doc, index, start, end, text (tabs and line breaks
    /// escaped as `\t`, `\n`).
    Tsv,
}

impl Format {
    fn rows(self) -> RowFormat {
        match self {
            Format::Text => RowFormat::Text,
            Format::Jsonl => RowFormat::Jsonl,
            Format::Tsv => RowFormat::Tsv,
        }
    }
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
    #[arg(long, value_name = "LABEL", value_parser = super::parse_encoding)]
    pub encoding: Option<super::EncodingArg>,
    /// Input format: `text` (each input a document) or `jsonl` (records `{"id","text"}`, the id
    /// naming the document in the output).
    #[arg(long, value_enum, default_value_t = super::InputFormat::Text)]
    pub input_format: super::InputFormat,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Output file (written atomically); stdout when absent or `-`.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Inputs larger than this many bytes are streamed in chunks of this size (default: inputs
    /// over 32 MB, in 8 MB chunks). For tests and tuning.
    #[arg(long, value_name = "BYTES", hide = true)]
    pub stream_chunk_size: Option<usize>,
}

/// Runs `trame segment`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let encoding = args.encoding;
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
    let (threshold, chunk_size) = match args.stream_chunk_size {
        Some(n) => (n as u64, n),
        None => (stream::STREAM_THRESHOLD, stream::CHUNK_SIZE),
    };
    // Small inputs are read whole (and cleaned together: boilerplate shared between them goes);
    // large ones are streamed chunk by chunk, each cleaned alone.
    let mut inputs: Vec<Input> = match args.input_format {
        super::InputFormat::Text => args
            .files
            .iter()
            .map(|f| stream::open(f, encoding, threshold, chunk_size))
            .collect::<trame::Result<_>>()?,
        super::InputFormat::Jsonl => super::read_records(&args.files, encoding, &["text"])?
            .iter()
            .map(|r| trame::records::record_source(&r.id, &r.fields[0]).map(Input::Whole))
            .collect::<trame::Result<_>>()?,
    };
    // With --no-clean the text is segmented as it is: spans are already offsets in the source.
    let cleaned = if args.no_clean {
        None
    } else {
        let texts: Vec<&str> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::Whole(s) => Some(s.text.as_str()),
                Input::Chunks(_) => None,
            })
            .collect();
        Some(
            clean_documents(&texts, &opts)
                .into_iter()
                .map(|(c, _)| c)
                .collect::<Vec<_>>(),
        )
    };
    let clean_opts = (!args.no_clean).then_some(&opts);
    let rules_name = args.srx.as_deref().unwrap_or("built-in rules");
    trame::output::write_output(args.output.as_deref(), |w| {
        let mut out = RowWriter::new(w, args.format.rows());
        let mut whole = 0;
        for (k, input) in inputs.iter_mut().enumerate() {
            if k > 0 && args.format == Format::Text {
                out.write_raw(b"\n")?;
            }
            let mut index = 0;
            let mut write = |source: &Source, segments: &[Segment]| -> trame::Result<()> {
                for row in SegmentRow::of(source, segments, index) {
                    out.write(&row)?;
                }
                index += segments.len();
                Ok(())
            };
            match input {
                Input::Whole(source) => {
                    let segments = match &cleaned {
                        Some(cleaned) => segmenter.segment_clean(&cleaned[whole]),
                        None => segmenter.segment(&source.text),
                    };
                    whole += 1;
                    segmenter.check_exhausted(rules_name)?;
                    write(source, &segments)?;
                }
                Input::Chunks(reader) => {
                    for chunk in reader {
                        let chunk = chunk?;
                        let segments = segment_chunk(&segmenter, &chunk, clean_opts);
                        segmenter.check_exhausted(rules_name)?;
                        write(&chunk.source, &segments)?;
                    }
                }
            }
        }
        out.finish::<SegmentRow>()
    })?;
    Ok(())
}
