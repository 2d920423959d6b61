//! `trame build`: the whole job on folders of releases.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use trame::pipeline::{self, BuildConfig};

/// Arguments of `trame build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of French releases (`*.txt`) [default: fixtures/releases/fr, the bundled examples].
    #[arg(long, value_name = "DIR")]
    pub fr: Option<PathBuf>,
    /// Folder of English originals, paired with the French files by name [default:
    /// fixtures/releases/en].
    #[arg(long, value_name = "DIR")]
    pub en: Option<PathBuf>,
    /// French→English glossary (CSV/TSV or TBX) [default: the shipped IOM glossary, built into
    /// trame].
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// Output folder (created if missing).
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Source language code written into the TMX and TBX.
    #[arg(long, default_value = "fr")]
    pub src_lang: String,
    /// Target language code written into the TMX and TBX.
    #[arg(long, default_value = "en")]
    pub tgt_lang: String,
    /// Links below this confidence are left out of memory.tmx (they stay in alignment.html).
    #[arg(long, default_value_t = 0.0)]
    pub min_confidence: f64,
    /// 1-1 links at or above this confidence go to memory-auto.tmx and the OmegaT project's
    /// tm/auto/ (inserted by CAT tools); the others to memory-review.tmx (suggested only).
    #[arg(long, default_value_t = trame::package::AUTO_MIN_CONFIDENCE)]
    pub auto_min_confidence: f64,
    /// Print the summary as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The folder given, or the bundled example folder when it exists (it does only inside the
/// source repository); otherwise a usage error saying which option to pass.
fn default_folder(given: Option<PathBuf>, default: &str, flag: &str) -> anyhow::Result<PathBuf> {
    match given {
        Some(dir) => Ok(dir),
        None if std::path::Path::new(default).is_dir() => Ok(PathBuf::from(default)),
        None => Err(super::usage(format!(
            "no {flag} folder given and the default {default} (the examples bundled in trame's \
             source repository) is not here: pass --fr DIR --en DIR"
        ))),
    }
}

/// Runs `trame build`.
pub fn run(args: Args) -> anyhow::Result<()> {
    if !(0.0..=1.0).contains(&args.min_confidence) {
        return Err(super::usage("--min-confidence must be between 0 and 1"));
    }
    let fr_dir = default_folder(args.fr, "fixtures/releases/fr", "--fr")?;
    let en_dir = default_folder(args.en, "fixtures/releases/en", "--en")?;
    if !(0.0..=1.0).contains(&args.auto_min_confidence) {
        return Err(super::usage(
            "--auto-min-confidence must be between 0 and 1",
        ));
    }
    let config = BuildConfig {
        fr_dir,
        en_dir,
        glossary: args.glossary,
        out_dir: args.out,
        src_lang: args.src_lang,
        tgt_lang: args.tgt_lang,
        min_confidence: args.min_confidence,
        auto_min_confidence: args.auto_min_confidence,
    };
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let summary = pipeline::build(
        &config,
        &|total| {
            if let Some(b) = &bar {
                b.set_length(total as u64)
            }
        },
        &|name| {
            if let Some(b) = &bar {
                b.set_message(name.to_string());
                b.inc(1);
            }
        },
    )?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    for path in &summary.unpaired {
        eprintln!("trame: warning: {path}: no counterpart in the other folder, skipped");
    }
    for warning in &summary.warnings {
        eprintln!("trame: warning: {warning}");
    }
    for failure in &summary.failures {
        eprintln!("trame: error: {failure}");
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print!("{}", summary.to_text());
    }
    if summary.failures.is_empty() {
        Ok(())
    } else {
        std::process::exit(1)
    }
}
