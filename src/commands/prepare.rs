//! `trame prepare`: new French releases as a translator's package (XLIFF 1.2 or OmegaT project).

use std::path::PathBuf;
use trame::leverage::{add_tmx, IndexBuilder, QueryOptions};
use trame::package::{self, PrepareOptions, Profile};

/// Package profile.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ProfileArg {
    /// `DIR/NAME.xlf` + `DIR/glossary.tbx` + `DIR/leverage.tmx`, for any XLIFF tool.
    Generic,
    /// A complete OmegaT project in `DIR/`.
    Omegat,
}

/// Arguments of `trame prepare`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// French releases (raw text as scraped).
    #[arg(required = true)]
    pub releases: Vec<String>,
    /// Translation memory to leverage (repeatable).
    #[arg(long = "tm")]
    pub tm: Vec<String>,
    /// Glossary (CSV/TSV or TBX) whose hits become notes.
    #[arg(short, long, default_value = "glossaries/iom-fr-en.csv")]
    pub glossary: PathBuf,
    /// Output folder (created if missing).
    #[arg(short, long, default_value = "package")]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value = "generic")]
    pub profile: ProfileArg,
    /// Minimum fuzzy score (1–100).
    #[arg(long, default_value_t = 50)]
    pub min_score: u8,
    /// Matches per segment at most.
    #[arg(long, default_value_t = 3)]
    pub max_alt: usize,
    /// Exact matches from memory units below this alignment confidence are offered, not
    /// inserted.
    #[arg(long, default_value_t = 0.8)]
    pub min_confidence: f64,
    /// XLIFF file name stem (generic profile; default: the release's stem, or `package`).
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, default_value = "fr")]
    pub src_lang: String,
    #[arg(long, default_value = "en")]
    pub tgt_lang: String,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `trame prepare`.
pub fn run(args: Args) -> anyhow::Result<()> {
    if !(1..=100).contains(&args.min_score) {
        return Err(super::usage("--min-score must be between 1 and 100"));
    }
    if args.max_alt == 0 {
        return Err(super::usage("--max-alt must be at least 1"));
    }
    if !(0.0..=1.0).contains(&args.min_confidence) {
        return Err(super::usage("--min-confidence must be between 0 and 1"));
    }
    let glossary_path = args.glossary.display().to_string();
    let glossary = trame::glossary::read_glossary(&glossary_path, None)?;
    let matcher = trame::terms::Matcher::new(&glossary).map_err(|e| e.in_file(&glossary_path))?;
    let mut builder = IndexBuilder::new();
    for tm in &args.tm {
        add_tmx(&mut builder, tm, &args.src_lang)?;
    }
    let index = builder.build();
    let sources = args
        .releases
        .iter()
        .map(|p| trame::input::read_source(p, None))
        .collect::<trame::Result<Vec<_>>>()?;
    let options = PrepareOptions {
        query: QueryOptions {
            min_score: args.min_score,
            max_matches: args.max_alt,
        },
        src_lang: args.src_lang.clone(),
        tgt_lang: args.tgt_lang.clone(),
        min_confidence: args.min_confidence,
    };
    let releases = package::prepare(&sources, Some((&glossary, &matcher)), &index, &options)?;
    let name = args.name.clone().unwrap_or_else(|| {
        if releases.len() == 1 {
            std::path::Path::new(&releases[0].name)
                .file_stem()
                .map_or_else(|| "package".into(), |s| s.to_string_lossy().into_owned())
        } else {
            "package".into()
        }
    });
    let profile = match args.profile {
        ProfileArg::Generic => Profile::Generic,
        ProfileArg::Omegat => Profile::OmegaT,
    };
    let summary = package::write_package(
        &args.output,
        &name,
        &releases,
        &index,
        Some(&glossary),
        profile,
        &options,
    )?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        println!(
            "segments {}: {} exact, {} exact but doubtful (offered only), {} fuzzy, {} without match; {} glossary hits",
            summary.segments,
            summary.exact,
            summary.exact_doubtful,
            summary.fuzzy,
            summary.no_match,
            summary.glossary_hits
        );
        for o in &summary.outputs {
            println!("wrote {o}");
        }
    }
    Ok(())
}
