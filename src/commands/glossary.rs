//! `trame glossary …`: export a glossary to TBX v2/v3, CSV or OmegaT TSV; import a TBX to CSV.

use std::path::PathBuf;
use trame::glossary::Glossary;
use trame::output::write_output;
use trame::tbx::{read_tbx_with, write_tbx, ExportOptions, TbxVersion};
use trame::tmx::xml::is_language_tag;

/// Export formats.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// TBX v2 (ISO 30042:2008) TBX-Basic: what OmegaT and translate-toolkit read.
    Tbx2,
    /// TBX v3 (ISO 30042:2019) TBX-Basic DCA.
    Tbx3,
    /// trame's glossary CSV.
    Csv,
    /// OmegaT's writable glossary: source<TAB>target<TAB>comment, one row per French term
    /// with its best English term and a plain-language comment.
    Tsv,
    /// TBX v2 shaped for OmegaT's glossary pane: one entry per French term, its best English
    /// term, a plain-language comment, no codes.
    Omegat,
}

/// Subcommands of `trame glossary`.
#[derive(Debug, clap::Subcommand)]
pub enum GlossaryCommand {
    /// Export a glossary (CSV, or TBX) to TBX v2, TBX v3, CSV or OmegaT TSV.
    Export {
        /// The glossary: trame CSV, or a TBX file (`-` = stdin).
        file: String,
        #[arg(long, value_enum, default_value = "tbx2")]
        to: ExportFormat,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language code for source terms (default: the glossary's, else `fr`).
        #[arg(long)]
        src_lang: Option<String>,
        /// Language code for target terms (default: the glossary's, else `en`).
        #[arg(long)]
        tgt_lang: Option<String>,
        /// For spreadsheets (`--to csv` or `tsv`): a UTF-8 BOM, and `;` between CSV fields, as
        /// Excel in French locales expects (trame reads both back).
        #[arg(long)]
        excel: bool,
    },
    /// Import a TBX (v2 or v3 TBX-Basic) into a glossary CSV.
    Import {
        /// The TBX file (`-` = stdin).
        file: String,
        /// Output CSV (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Source language in the TBX (default: the first language met).
        #[arg(long)]
        src_lang: Option<String>,
        /// Target language in the TBX (default: the other language).
        #[arg(long)]
        tgt_lang: Option<String>,
    },
}

/// Runs `trame glossary …`.
pub fn run(cmd: GlossaryCommand) -> anyhow::Result<()> {
    match cmd {
        GlossaryCommand::Export {
            file,
            to,
            output,
            src_lang,
            tgt_lang,
            excel,
        } => export(&file, to, output, src_lang, tgt_lang, excel),
        GlossaryCommand::Import {
            file,
            output,
            src_lang,
            tgt_lang,
        } => import(&file, output, src_lang, tgt_lang),
    }
}

fn check_lang(option: &str, lang: &Option<String>) -> anyhow::Result<()> {
    match lang {
        Some(l) if !is_language_tag(l) => Err(super::usage(format!(
            "{option} `{l}` is not a language tag such as `fr`, `fr-FR` or `en-GB`"
        ))),
        _ => Ok(()),
    }
}

/// A CSV glossary, or a TBX when the text starts with `<`.
fn read_glossary(file: &str) -> anyhow::Result<Glossary> {
    Ok(trame::glossary::read_glossary(file, None)?)
}

fn export(
    file: &str,
    to: ExportFormat,
    output: Option<PathBuf>,
    src_lang: Option<String>,
    tgt_lang: Option<String>,
    excel: bool,
) -> anyhow::Result<()> {
    check_lang("--src-lang", &src_lang)?;
    check_lang("--tgt-lang", &tgt_lang)?;
    if excel && !matches!(to, ExportFormat::Csv | ExportFormat::Tsv) {
        return Err(super::usage(
            "--excel applies to --to csv and --to tsv only",
        ));
    }
    let mut glossary = read_glossary(file)?;
    let options = ExportOptions {
        src_lang: src_lang.clone(),
        tgt_lang: tgt_lang.clone(),
        title: None,
        bare_terms: false,
    };
    let mut warnings = Vec::new();
    write_output(output.as_deref(), |w| {
        if excel {
            w.write_all("\u{feff}".as_bytes())
                .map_err(trame::Error::output)?;
        }
        warnings = match to {
            ExportFormat::Tbx2 => write_tbx(&glossary, TbxVersion::V2, &options, w)?,
            ExportFormat::Tbx3 => write_tbx(&glossary, TbxVersion::V3, &options, w)?,
            ExportFormat::Tsv => trame::tbx::omegat::write_omegat_tsv(&glossary, w)?,
            ExportFormat::Omegat => trame::tbx::omegat::write_omegat_tbx(&glossary, &options, w)?,
            ExportFormat::Csv => {
                if let Some(l) = &src_lang {
                    glossary.src_lang = l.clone();
                }
                if let Some(l) = &tgt_lang {
                    glossary.tgt_lang = l.clone();
                }
                let delimiter = if excel { ';' } else { ',' };
                trame::glossary::csv::write_csv_with(&glossary, delimiter, w)?;
                Vec::new()
            }
        };
        Ok(())
    })
    .map_err(|e| e.in_file(file))?;
    for w in &warnings {
        eprintln!("trame: warning: {file}: {w}");
    }
    Ok(())
}

fn import(
    file: &str,
    output: Option<PathBuf>,
    src_lang: Option<String>,
    tgt_lang: Option<String>,
) -> anyhow::Result<()> {
    check_lang("--src-lang", &src_lang)?;
    check_lang("--tgt-lang", &tgt_lang)?;
    let source = trame::input::read_source(file, None)?;
    let glossary = read_tbx_with(&source, src_lang.as_deref(), tgt_lang.as_deref())?;
    write_output(output.as_deref(), |w| {
        trame::glossary::csv::write_csv(&glossary, w)
    })?;
    Ok(())
}
