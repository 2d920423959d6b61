//! `trame xliff import`: translated XLIFF back to a TMX memory.

use std::path::PathBuf;
use trame::tmx::{Prop, TmxHeader, TmxWriter, TranslationUnit, Variant};
use trame::xliff::{read_xliff, ImportOptions};

/// Subcommands of `trame xliff`.
#[derive(Debug, clap::Subcommand)]
pub enum XliffCommand {
    /// Translated XLIFF 1.2 files → TMX 1.4b (the confirmed translations).
    Import {
        /// XLIFF files (OmegaT's target/, translate-toolkit, Trados, memoQ, Phrase exports).
        #[arg(required = true)]
        files: Vec<String>,
        /// Output TMX.
        #[arg(short, long)]
        output: PathBuf,
        /// Also keep targets that are neither approved nor translated/signed-off/final.
        #[arg(long)]
        include_unconfirmed: bool,
    },
}

/// Runs `trame xliff …`.
pub fn run(cmd: XliffCommand) -> anyhow::Result<()> {
    match cmd {
        XliffCommand::Import {
            files,
            output,
            include_unconfirmed,
        } => {
            let options = ImportOptions {
                include_unconfirmed,
            };
            // read and check everything before writing anything
            let mut units = Vec::new();
            let mut src_lang: Option<String> = None;
            let mut seen = std::collections::HashSet::new();
            let mut skipped = 0usize;
            for path in &files {
                let source = trame::input::read_source(path, None)?;
                for f in read_xliff(path, &source.text)? {
                    let sl = if f.source_lang.is_empty() {
                        "fr".to_string()
                    } else {
                        f.source_lang.clone()
                    };
                    let tl = if f.target_lang.is_empty() {
                        "en".to_string()
                    } else {
                        f.target_lang.clone()
                    };
                    src_lang.get_or_insert_with(|| sl.clone());
                    for u in &f.units {
                        if !u.is_confirmed(&options) {
                            skipped += 1;
                            continue;
                        }
                        let tgt = u.target.as_ref().map(|t| t.text.trim()).unwrap_or("");
                        if !seen.insert((u.source.trim().to_string(), tgt.to_string())) {
                            continue;
                        }
                        let mut props = vec![Prop::new("x-document", f.original.clone())];
                        if let Some(state) = u.target.as_ref().and_then(|t| t.state.clone()) {
                            props.push(Prop::new("x-state", state));
                        }
                        units.push(TranslationUnit {
                            tuid: Some((units.len() + 1).to_string()),
                            props,
                            variants: vec![
                                Variant::new(sl.clone(), u.source.trim()),
                                Variant::new(tl.clone(), tgt),
                            ],
                        });
                    }
                }
            }
            let header = TmxHeader::new(src_lang.unwrap_or_else(|| "fr".into()));
            let written = units.len();
            trame::output::write_atomic(&output, |w| {
                let mut writer = TmxWriter::new(w, &header)?;
                for u in &units {
                    writer.write_unit(u)?;
                }
                for warning in writer.take_warnings() {
                    eprintln!("trame: warning: {warning}");
                }
                writer.finish().map(|_| ())
            })?;
            eprintln!(
                "{written} translation(s) written to {}, {skipped} unit(s) left out (untranslated or unconfirmed)",
                output.display()
            );
            Ok(())
        }
    }
}
