//! `trame align`: pairs the sentences of French releases with those of their English originals.

use std::path::{Path, PathBuf};
use trame::align::export::{self, AlignedDoc, ExportOptions, Format};
use trame::align::{self, eval, prepare, AlignOptions};

/// Arguments of `trame align`.
///
/// Output format: `--format`, else from the `-o` extension (`.tmx`, `.tsv`, `.jsonl`, `.html`,
/// `.links`), else `tsv` (French, English, confidence).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The French file and its English counterpart (`-` for stdin on one side).
    #[arg(num_args = 0..=2)]
    pub files: Vec<String>,
    /// The options (boxed: keeps the CLI's command enum small).
    #[command(flatten)]
    pub opts: Box<Opts>,
}

/// Options of `trame align`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    /// Many-document mode: folder of French files (paired by name with `--en`).
    #[arg(long, value_name = "DIR", requires = "en")]
    pub fr: Option<PathBuf>,
    /// Many-document mode: folder of English files.
    #[arg(long, value_name = "DIR", requires = "fr")]
    pub en: Option<PathBuf>,
    /// Language of the first (source) side, for segmentation and TMX.
    #[arg(long, alias = "src-lang", default_value = "fr")]
    pub lang_src: String,
    /// Language of the second (target) side.
    #[arg(long, alias = "tgt-lang", default_value = "en")]
    pub lang_tgt: String,
    /// Inputs hold one sentence per line (no cleaning, no segmentation).
    #[arg(long)]
    pub presegmented: bool,
    /// Glossary CSV: its term pairs anchor the alignment.
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<String>,
    /// Bilingual word list, `french<TAB>english` per line.
    #[arg(long, value_name = "FILE")]
    pub dict: Option<String>,
    /// Output format: tmx, tsv, jsonl, links or html.
    #[arg(long, short = 'f')]
    pub format: Option<String>,
    /// TMX: leave out links below this confidence (beads with an empty side never go into TMX).
    #[arg(long, default_value_t = 0.0, value_name = "X")]
    pub min_confidence: f64,
    /// Output file (stdout if absent or `-`).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Compare with a gold alignment (`src_ids<TAB>tgt_ids`) and print strict/lax P/R/F1 on stderr.
    #[arg(long, value_name = "GOLD")]
    pub eval: Option<String>,
    /// Many-document mode: unpaired files are an error (exit 1) instead of a warning.
    #[arg(long)]
    pub strict: bool,
    /// Input encoding label (default: UTF-8, or UTF-16 by BOM).
    #[arg(long, value_name = "LABEL", value_parser = super::parse_encoding)]
    pub encoding: Option<super::EncodingArg>,
}

fn read_text(path: &str, enc: Option<&'static encoding_rs::Encoding>) -> anyhow::Result<String> {
    Ok(trame::input::read_source(path, enc)?.text)
}

/// Runs `trame align`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let files = args.files;
    let args = *args.opts;
    if !(0.0..=1.0).contains(&args.min_confidence) {
        return Err(super::usage("--min-confidence must be between 0 and 1"));
    }
    let format = match &args.format {
        Some(f) => Format::parse(f)?,
        None => args
            .output
            .as_ref()
            .and_then(|p| Format::from_extension(&p.to_string_lossy()))
            .unwrap_or(Format::Tsv),
    };
    let enc = args.encoding;
    let mut opts = AlignOptions::default();
    if let Some(g) = &args.glossary {
        opts.glossary = Some(trame::glossary::read_glossary(g, enc)?);
    }
    if let Some(d) = &args.dict {
        opts.dictionary = prepare::read_dictionary(d, &read_text(d, enc)?)?;
    }

    // (name, source path, target path)
    let inputs: Vec<(String, String, String)> = match (&args.fr, &args.en) {
        (Some(fr), Some(en)) => {
            if !files.is_empty() {
                return Err(super::usage(
                    "give either FR EN files or --fr DIR --en DIR, not both",
                ));
            }
            let p = trame::corpus::pair(fr, en)?;
            let unpaired: Vec<&PathBuf> = p.unpaired().collect();
            for u in &unpaired {
                eprintln!(
                    "trame: {}: {}: no file of the same name on the other side",
                    if args.strict { "error" } else { "warning" },
                    u.display()
                );
            }
            if args.strict && !unpaired.is_empty() {
                return Err(trame::Error::invalid(
                    fr.display().to_string(),
                    format!("{} unpaired file(s)", unpaired.len()),
                )
                .into());
            }
            if p.pairs.is_empty() {
                return Err(trame::Error::invalid(
                    fr.display().to_string(),
                    "no file pairs to align",
                )
                .into());
            }
            p.pairs
                .into_iter()
                .map(|d| {
                    (
                        d.name,
                        d.fr.display().to_string(),
                        d.en.display().to_string(),
                    )
                })
                .collect()
        }
        _ => {
            if files.len() != 2 {
                return Err(super::usage(
                    "expected two files (FR EN) or --fr DIR --en DIR",
                ));
            }
            if files[0] == "-" && files[1] == "-" {
                return Err(super::usage("only one side can be read from stdin"));
            }
            let name = Path::new(&files[0])
                .file_name()
                .map_or_else(|| files[0].clone(), |n| n.to_string_lossy().to_string());
            vec![(name, files[0].clone(), files[1].clone())]
        }
    };

    let mut docs: Vec<AlignedDoc> = Vec::with_capacity(inputs.len());
    for (name, a, b) in &inputs {
        let src = prepare::sentences(&read_text(a, enc)?, &args.lang_src, args.presegmented)?;
        let tgt = prepare::sentences(&read_text(b, enc)?, &args.lang_tgt, args.presegmented)?;
        docs.push(AlignedDoc {
            name: name.clone(),
            src,
            tgt,
            beads: Vec::new(),
        });
    }
    let views: Vec<(Vec<&str>, Vec<&str>)> = docs
        .iter()
        .map(|d| {
            (
                d.src.iter().map(String::as_str).collect(),
                d.tgt.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let pairs: Vec<(&[&str], &[&str])> = views
        .iter()
        .map(|(s, t)| (s.as_slice(), t.as_slice()))
        .collect();
    let results = align::align_documents(&pairs, &opts)?;
    drop(pairs);
    drop(views);
    for (d, beads) in docs.iter_mut().zip(results) {
        d.beads = beads;
    }

    if let Some(g) = &args.eval {
        if docs.len() != 1 {
            return Err(super::usage("--eval needs a single FR EN pair"));
        }
        let gold = eval::read_links(g, &read_text(g, enc)?)?;
        let test = eval::links_of(&docs[0].beads);
        let s = eval::strict(&test, &gold);
        let l = eval::lax(&test, &gold);
        eprintln!(
            "strict P {:.3} R {:.3} F1 {:.3}  lax P {:.3} R {:.3} F1 {:.3}",
            s.precision, s.recall, s.f1, l.precision, l.recall, l.f1
        );
    }

    let export_opts = ExportOptions {
        format,
        min_confidence: args.min_confidence,
        src_lang: args.lang_src.clone(),
        tgt_lang: args.lang_tgt.clone(),
        low_confidence: if args.min_confidence > 0.0 {
            args.min_confidence
        } else {
            0.5
        },
    };
    let mut stats = export::ExportStats::default();
    trame::output::write_output(args.output.as_deref(), |w| {
        stats = export::write(&docs, &export_opts, w)?;
        Ok(())
    })?;
    for w in &stats.warnings {
        eprintln!("trame: warning: {w}");
    }
    Ok(())
}
