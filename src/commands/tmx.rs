//! `trame tmx …`: stats, merge, convert and from-tsv. Parsing only; the work is in `trame::tmx`.

use std::path::PathBuf;
use trame::output::{write_err, write_output};
use trame::tmx::stats::TmxStats;
use trame::tmx::tabular::{jsonl_row, push_tsv_row, tsv_to_tmx};
use trame::tmx::xml::is_language_tag;
use trame::tmx::{InlineMode, ReadOptions, TmxHeader, TmxReader};

/// Output format of `tmx stats`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
}

/// Target format of `tmx convert`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ConvertTo {
    /// `source<TAB>target`, with `\t`, `\n`, `\r`, `\\` escapes inside cells.
    Tsv,
    /// One JSON object per unit: tuid, src_lang, src, tgt_lang, tgt, props.
    Jsonl,
}

/// Subcommands of `trame tmx`.
#[derive(Debug, clap::Subcommand)]
pub enum TmxCommand {
    /// Units, languages and duplicates of a TMX file.
    Stats {
        /// The TMX file (`-` = stdin).
        file: String,
        #[arg(long, value_enum, default_value = "text")]
        format: StatsFormat,
    },
    /// Merge TMX files, keeping the first of identical pairs.
    Merge {
        /// The TMX files to merge, in order.
        #[arg(required = true)]
        files: Vec<String>,
        /// Output TMX.
        #[arg(short, long)]
        output: PathBuf,
        /// Source language of the output (default: the first file's srclang).
        #[arg(long)]
        src_lang: Option<String>,
    },
    /// Convert a TMX to TSV or JSON Lines.
    Convert {
        /// The TMX file (`-` = stdin).
        file: String,
        #[arg(long, value_enum)]
        to: ConvertTo,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Keep the text of inline codes (<ph>, <bpt>…) instead of dropping them.
        #[arg(long)]
        keep_inline: bool,
    },
    /// Build a TMX from a two-column TSV (source<TAB>target).
    FromTsv {
        /// The TSV file (`-` = stdin).
        file: String,
        /// Language of the first column.
        #[arg(long, default_value = "fr")]
        src_lang: String,
        /// Language of the second column.
        #[arg(long, default_value = "en")]
        tgt_lang: String,
        /// Output TMX (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Fixed creationdate (YYYYMMDDThhmmssZ) for reproducible output.
        #[arg(long)]
        creation_date: Option<String>,
    },
    /// List every problem a CAT tool would reject or silently lose, with line:column and the
    /// tool that would trip; exit 1 if there is any.
    Validate(super::tmx_repair::ValidateArgs),
    /// Rewrite a TMX so CAT tools read every unit that can be saved; report each change.
    Repair(super::tmx_repair::RepairArgs),
}

/// Runs `trame tmx …`.
pub fn run(cmd: TmxCommand) -> anyhow::Result<()> {
    match cmd {
        TmxCommand::Stats { file, format } => stats(&file, format),
        TmxCommand::Merge {
            files,
            output,
            src_lang,
        } => merge(&files, &output, src_lang),
        TmxCommand::Convert {
            file,
            to,
            output,
            keep_inline,
        } => convert(&file, to, output, keep_inline),
        TmxCommand::FromTsv {
            file,
            src_lang,
            tgt_lang,
            output,
            creation_date,
        } => from_tsv(&file, &src_lang, &tgt_lang, output, creation_date),
        TmxCommand::Validate(args) => super::tmx_repair::validate(args),
        TmxCommand::Repair(args) => super::tmx_repair::repair(args),
    }
}

fn check_lang(option: &str, lang: &str) -> anyhow::Result<()> {
    if is_language_tag(lang) {
        Ok(())
    } else {
        Err(super::usage(format!(
            "{option} `{lang}` is not a language tag such as `fr`, `fr-FR` or `en-GB`"
        )))
    }
}

fn warn(w: &str) {
    eprintln!("trame: warning: {w}");
}

fn stats(file: &str, format: StatsFormat) -> anyhow::Result<()> {
    let reader = TmxReader::open(file, ReadOptions::default())?;
    let src = reader.header().source_language().map(str::to_string);
    let mut st = TmxStats::default();
    for tu in reader {
        st.add(&tu?, src.as_deref());
    }
    let text = match format {
        StatsFormat::Text => st.to_text(),
        StatsFormat::Json => serde_json::to_string_pretty(&st)? + "\n",
    };
    write_output(None, |w| {
        w.write_all(text.as_bytes()).map_err(write_err("<stdout>"))
    })?;
    Ok(())
}

fn merge(
    files: &[String],
    output: &std::path::Path,
    src_lang: Option<String>,
) -> anyhow::Result<()> {
    // Open every input first so that a missing file fails before anything is written.
    let mut readers = Vec::with_capacity(files.len());
    for f in files {
        readers.push(TmxReader::open(f, ReadOptions::default())?);
    }
    let src = match src_lang {
        Some(l) => l,
        None => readers[0]
            .header()
            .source_language()
            .map(str::to_string)
            .ok_or_else(|| {
                super::usage(format!(
                    "{}: srclang is `*` or missing; give --src-lang",
                    files[0]
                ))
            })?,
    };
    check_lang("--src-lang", &src)?;
    let mut header = TmxHeader::new(&src);
    header.admin_lang = match readers[0].header().admin_lang.as_str() {
        l if is_language_tag(l) => l.to_string(),
        _ => "en".into(),
    };
    let mut report = trame::tmx::merge::MergeReport::default();
    write_output(Some(output), |w| {
        report = trame::tmx::merge::merge(readers, &header, w)?;
        Ok(())
    })?;
    for w in &report.warnings {
        warn(w);
    }
    eprintln!(
        "trame: merged {} unit(s), {} duplicate(s) dropped",
        report.kept, report.duplicates
    );
    Ok(())
}

fn convert(
    file: &str,
    to: ConvertTo,
    output: Option<PathBuf>,
    keep_inline: bool,
) -> anyhow::Result<()> {
    let options = ReadOptions {
        inline: if keep_inline {
            InlineMode::KeepText
        } else {
            InlineMode::Drop
        },
        ..ReadOptions::default()
    };
    let reader = TmxReader::open(file, options)?;
    let src = reader.header().source_language().map(str::to_string);
    let mut warnings = Vec::new();
    let shown = output
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "<stdout>".into());
    write_output(output.as_deref(), |w| {
        let mut line = String::new();
        for tu in reader {
            let tu = tu?;
            line.clear();
            let ok = match to {
                ConvertTo::Tsv => push_tsv_row(&tu, src.as_deref(), &mut line),
                ConvertTo::Jsonl => match jsonl_row(&tu, src.as_deref()) {
                    Some(row) => {
                        line.push_str(&row);
                        line.push('\n');
                        true
                    }
                    None => false,
                },
            };
            if ok {
                w.write_all(line.as_bytes()).map_err(write_err(&shown))?;
            } else {
                warnings.push(format!(
                    "{file}: tu {} skipped: fewer than 2 variants",
                    tu.tuid.as_deref().unwrap_or("(no tuid)")
                ));
            }
        }
        Ok(())
    })?;
    for w in &warnings {
        warn(w);
    }
    Ok(())
}

fn from_tsv(
    file: &str,
    src_lang: &str,
    tgt_lang: &str,
    output: Option<PathBuf>,
    creation_date: Option<String>,
) -> anyhow::Result<()> {
    check_lang("--src-lang", src_lang)?;
    check_lang("--tgt-lang", tgt_lang)?;
    if let Some(d) = &creation_date {
        if !trame::tmx::writer::is_tmx_date(d) {
            return Err(super::usage(format!(
                "--creation-date `{d}` is not YYYYMMDDThhmmssZ"
            )));
        }
    }
    let mut header = TmxHeader::new(src_lang);
    header.creation_date = creation_date;
    let input: Box<dyn std::io::Read> = if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        if std::path::Path::new(file).is_dir() {
            return Err(trame::Error::invalid(file, "is a directory, expected a TSV file").into());
        }
        Box::new(std::fs::File::open(file).map_err(|e| trame::Error::io(file, e))?)
    };
    let mut report = None;
    write_output(output.as_deref(), |w| {
        report = Some(tsv_to_tmx(file, input, &header, tgt_lang, w)?);
        Ok(())
    })?;
    if let Some(r) = report {
        for w in &r.warnings {
            warn(w);
        }
        if r.units == 0 {
            warn(&format!("{file}: no rows, wrote a TMX with 0 units"));
        }
    }
    Ok(())
}
