//! What `trame build` adds for CAT tools: the memory split by confidence and an OmegaT project
//! of its own French sources.

use super::{omegat_project_xml, tmx_bytes, Hit, PreparedRelease, PreparedSegment};
use crate::align::export::AlignedDoc;
use crate::document::LineIndex;
use crate::error::{Error, Result};
use crate::glossary::Glossary;
use crate::pipeline::ProcessedPair;
use crate::tmx::{Prop, TranslationUnit, Variant};
use std::path::{Path, PathBuf};

/// Default of `build --auto-min-confidence`: 1-1 links at or above it go where CAT tools insert
/// them. Measured on the five fixture pairs against their gold alignments: all 74 1-1 links are
/// correct, the lowest at 0.831; every wrong link is a merged bead (2-2 at 0.548, 1-2 at 0.892).
pub const AUTO_MIN_CONFIDENCE: f64 = 0.8;

/// Why a two-sided link is doubtful, or `None` when it is a confident 1-1 link.
pub fn doubt(src: usize, tgt: usize, confidence: f64, min_confidence: f64) -> Option<String> {
    if src != 1 || tgt != 1 {
        let side = |n: usize| {
            if n == 1 {
                "1 sentence".to_string()
            } else {
                format!("{n} sentences")
            }
        };
        return Some(format!(
            "doubtful: {src}-{tgt} link (French {}, English {}): one side may hold a sentence the other lacks; check before use",
            side(src),
            side(tgt)
        ));
    }
    (confidence < min_confidence).then(|| {
        format!("doubtful: alignment confidence {confidence:.2} is below {min_confidence:.2}; check before use")
    })
}

/// The two-sided links of `docs` as TMX units, split into (confident, doubtful).
pub fn split_memory(
    docs: &[AlignedDoc],
    src_lang: &str,
    tgt_lang: &str,
    min_confidence: f64,
) -> (Vec<TranslationUnit>, Vec<TranslationUnit>) {
    let (mut auto, mut review) = (Vec::new(), Vec::new());
    for doc in docs {
        for bead in &doc.beads {
            if bead.src.is_empty() || bead.tgt.is_empty() {
                continue;
            }
            let (s, t) = doc.texts(bead);
            if s.trim().is_empty() || t.trim().is_empty() {
                continue;
            }
            let mut props = vec![
                Prop::new("x-document", doc.name.clone()),
                Prop::new("x-confidence", format!("{:.3}", bead.confidence)),
                Prop::new("x-bead", format!("{}-{}", bead.src.len(), bead.tgt.len())),
            ];
            let why = doubt(
                bead.src.len(),
                bead.tgt.len(),
                bead.confidence,
                min_confidence,
            );
            if let Some(w) = &why {
                props.push(Prop::new("x-note", w.clone()));
            }
            let list = if why.is_some() {
                &mut review
            } else {
                &mut auto
            };
            list.push(TranslationUnit {
                tuid: Some(format!("{}:{}", doc.name, bead.src[0] + 1)),
                props,
                variants: vec![Variant::new(src_lang, s), Variant::new(tgt_lang, t)],
            });
        }
    }
    (auto, review)
}

/// Writes `memory-auto.tmx`, `memory-review.tmx` into `out` and the OmegaT project `out/omegat/`
/// (its French sources as XLIFF with glossary notes, the confident memory in `tm/auto/`, the
/// doubtful one in `tm/`, the glossary). Returns the paths written.
pub fn write_build_extras(
    out: &Path,
    pairs: &[ProcessedPair],
    docs: &[AlignedDoc],
    glossary: &Glossary,
    src_lang: &str,
    tgt_lang: &str,
    min_confidence: f64,
) -> Result<Vec<String>> {
    let (auto, review) = split_memory(docs, src_lang, tgt_lang, min_confidence);
    let auto_bytes = tmx_bytes(&auto, src_lang)?;
    let review_bytes = tmx_bytes(&review, src_lang)?;
    let options = super::PrepareOptions {
        src_lang: src_lang.into(),
        tgt_lang: tgt_lang.into(),
        ..Default::default()
    };
    let index = crate::leverage::IndexBuilder::new().build();
    let releases: Vec<PreparedRelease> = pairs
        .iter()
        .map(|p| release_of(p, glossary))
        .collect::<Result<_>>()?;
    let proj = out.join("omegat");
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![
        (out.join("memory-auto.tmx"), auto_bytes.clone()),
        (out.join("memory-review.tmx"), review_bytes.clone()),
        (
            proj.join("omegat.project"),
            omegat_project_xml(src_lang, tgt_lang).into_bytes(),
        ),
        (
            proj.join("tm").join("auto").join("memory-auto.tmx"),
            auto_bytes,
        ),
        (proj.join("tm").join("memory-review.tmx"), review_bytes),
    ];
    for r in &releases {
        let file = super::xliff_file(r, &index, super::Profile::OmegaT, &options);
        let mut buf = Vec::new();
        crate::xliff::write_xliff(&[file], &mut buf)?;
        let stem = Path::new(&r.name)
            .file_stem()
            .map_or_else(|| r.name.clone(), |s| s.to_string_lossy().into_owned());
        files.push((proj.join("source").join(format!("{stem}.xlf")), buf));
    }
    let used = super::occurring_glossary(glossary, &releases);
    if !used.concepts.is_empty() {
        let mut buf = Vec::new();
        let tbx_options = crate::tbx::ExportOptions {
            src_lang: Some(src_lang.into()),
            tgt_lang: Some(tgt_lang.into()),
            ..Default::default()
        };
        // The shape OmegaT's glossary pane shows best (one entry per French form, best English).
        crate::tbx::omegat::write_omegat_tbx(&used, &tbx_options, &mut buf)?;
        files.push((proj.join("glossary").join("glossary.tbx"), buf));
    }
    for d in super::OMEGAT_DIRS {
        let d = proj.join(d);
        std::fs::create_dir_all(&d).map_err(|e| Error::io(d.display().to_string(), e))?;
    }
    let mut written = Vec::new();
    for (path, bytes) in files {
        crate::output::write_atomic(&path, |w| {
            w.write_all(&bytes)
                .map_err(crate::output::write_err(&path.display().to_string()))
        })?;
        written.push(path.display().to_string());
    }
    Ok(written)
}

/// A processed French document as a release to package (no memory matches: the project's
/// memories do that).
fn release_of(pair: &ProcessedPair, glossary: &Glossary) -> Result<PreparedRelease> {
    let text = crate::input::read_source(&pair.fr_path, None)?.text;
    let lines = LineIndex::new(&text);
    let segments = pair
        .fr_segments
        .iter()
        .enumerate()
        .map(|(k, seg)| {
            let lc = lines.line_col(&text, seg.start);
            let mut hits: Vec<Hit> = pair
                .terms
                .iter()
                .filter(|r| r.start >= seg.start && r.start < seg.end.max(seg.start + 1))
                .map(|r| Hit {
                    surface: r.surface.clone(),
                    english: r.en.clone(),
                    label: super::label(glossary, r.concept, &r.surface),
                    concept: r.concept,
                })
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            hits.retain(|h| seen.insert(h.line()));
            PreparedSegment {
                number: k + 1,
                text: seg.text.clone(),
                line: lc.line,
                column: lc.column + 1,
                translatable: super::translatable(&seg.text),
                matches: Vec::new(),
                hits,
            }
        })
        .collect();
    Ok(PreparedRelease {
        name: pair.name.clone(),
        path: pair.fr_path.clone(),
        segments,
    })
}
