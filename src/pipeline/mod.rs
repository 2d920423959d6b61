//! `build`: the whole job on folders of releases — clean, segment, match terms, align, export.
//!
//! Documents are independent after cleaning, so they are processed in parallel; a failure in one
//! document is reported in the summary without losing the others' output. The pipeline only
//! chains the stages; it never prints (progress goes through a callback the caller supplies).

use crate::align::{self, AlignOptions, Bead};
use crate::clean::{self, CleanOptions};
use crate::error::{Error, Result};
use crate::glossary::Glossary;
use crate::input;
use crate::segment::{Segment, Segmenter};
use crate::terms::{Matcher, Occurrence};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where `build` reads and writes, and how.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    pub fr_dir: PathBuf,
    pub en_dir: PathBuf,
    pub out_dir: PathBuf,
    /// Language codes written into the TMX and TBX (`fr`, `en-GB`…).
    pub src_lang: String,
    pub tgt_lang: String,
    /// Links below this confidence are left out of `memory.tmx` (they stay in the review page).
    pub min_confidence: f64,
}

/// A French release paired with its English original by file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentPair {
    pub name: String,
    pub fr: PathBuf,
    pub en: PathBuf,
}

/// The result of pairing two folders by file name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    pub pairs: Vec<DocumentPair>,
    /// Files present on one side only (path), to report.
    pub unpaired: Vec<PathBuf>,
}

/// Pairs the `*.txt` files of `fr_dir` and `en_dir` by file name, in name order.
pub fn pair_documents(fr_dir: &Path, en_dir: &Path) -> Result<Pairing> {
    let fr = list_texts(fr_dir)?;
    let en = list_texts(en_dir)?;
    let mut pairing = Pairing::default();
    for (name, path) in &fr {
        match en.get(name) {
            Some(en_path) => pairing.pairs.push(DocumentPair {
                name: name.clone(),
                fr: path.clone(),
                en: en_path.clone(),
            }),
            None => pairing.unpaired.push(path.clone()),
        }
    }
    pairing.unpaired.extend(
        en.iter()
            .filter(|(name, _)| !fr.contains_key(*name))
            .map(|(_, p)| p.clone()),
    );
    Ok(pairing)
}

fn list_texts(dir: &Path) -> Result<BTreeMap<String, PathBuf>> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(&shown, e))?;
    let mut files = BTreeMap::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&shown, e))?;
        let path = entry.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
            if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                files.insert(name.to_string(), path);
            }
        }
    }
    Ok(files)
}

/// One document pair carried through the stages.
#[derive(Debug, Clone)]
pub struct ProcessedPair {
    pub name: String,
    pub fr_path: String,
    pub en_path: String,
    pub fr_segments: Vec<Segment>,
    pub en_segments: Vec<Segment>,
    /// Term occurrences per French segment, positions relative to the segment text.
    pub terms: Vec<Occurrence>,
    /// Line (1-based, in the original French file) of each French segment.
    pub fr_lines: Vec<usize>,
    pub beads: Vec<Bead>,
}

/// Processes one pair whose texts were already cleaned: segment both sides, match terms, align.
pub fn process_pair(
    name: &str,
    fr: (&input::Source, &clean::CleanText),
    en: (&input::Source, &clean::CleanText),
    stages: &Stages,
) -> ProcessedPair {
    let fr_segments = stages.fr_segmenter.segment_clean(fr.1);
    let en_segments = stages.en_segmenter.segment_clean(en.1);
    let index = crate::document::LineIndex::new(&fr.0.text);
    let fr_lines = fr_segments
        .iter()
        .map(|s| index.line_col(&fr.0.text, s.start).line)
        .collect();
    let terms = match &stages.matcher {
        Some(m) => m.find(&fr.0.text),
        None => Vec::new(),
    };
    let src: Vec<&str> = fr_segments.iter().map(|s| s.text.as_str()).collect();
    let tgt: Vec<&str> = en_segments.iter().map(|s| s.text.as_str()).collect();
    let beads = align::align(&src, &tgt, &stages.align_options);
    ProcessedPair {
        name: name.to_string(),
        fr_path: fr.0.path.clone(),
        en_path: en.0.path.clone(),
        fr_segments,
        en_segments,
        terms,
        fr_lines,
        beads,
    }
}

/// The stage objects built once and shared by every document (all `Send + Sync`).
#[derive(Debug, Clone)]
pub struct Stages {
    pub fr_segmenter: Segmenter,
    pub en_segmenter: Segmenter,
    pub matcher: Option<Matcher>,
    pub align_options: AlignOptions,
    pub clean_options: CleanOptions,
}

impl Stages {
    /// Builds the stages with the built-in segmentation rules and, if given, a glossary.
    pub fn new(glossary: Option<&Glossary>) -> Result<Self> {
        Ok(Stages {
            fr_segmenter: Segmenter::builtin("fr")?,
            en_segmenter: Segmenter::builtin("en")?,
            matcher: glossary.map(Matcher::new),
            align_options: AlignOptions::default(),
            clean_options: CleanOptions::default(),
        })
    }
}

/// A document that could not be processed, with the reason.
#[derive(Debug, Clone)]
pub struct Failure {
    pub path: String,
    pub error: String,
}

/// Reads, cleans (boilerplate shared across each language's documents) and processes every pair.
///
/// `progress` is called once per finished pair (from worker threads).
pub fn run_pairs(
    pairs: &[DocumentPair],
    stages: &Stages,
    progress: &(dyn Fn(&str) + Sync),
) -> (Vec<ProcessedPair>, Vec<Failure>) {
    let read = |p: &Path| input::read_source(&p.display().to_string(), None);
    let loaded: Vec<(String, Result<input::Source>, Result<input::Source>)> = pairs
        .par_iter()
        .map(|p| (p.name.clone(), read(&p.fr), read(&p.en)))
        .collect();
    let mut failures = Vec::new();
    let mut ok = Vec::new();
    for (name, fr, en) in loaded {
        match (fr, en) {
            (Ok(fr), Ok(en)) => ok.push((name, fr, en)),
            (fr, en) => {
                for err in [fr.err(), en.err()].into_iter().flatten() {
                    failures.push(Failure {
                        path: name.clone(),
                        error: err.to_string(),
                    });
                }
            }
        }
    }
    let fr_texts: Vec<&str> = ok.iter().map(|(_, fr, _)| fr.text.as_str()).collect();
    let en_texts: Vec<&str> = ok.iter().map(|(_, _, en)| en.text.as_str()).collect();
    let fr_clean = clean::clean_documents(&fr_texts, &stages.clean_options);
    let en_clean = clean::clean_documents(&en_texts, &stages.clean_options);
    let processed: Vec<ProcessedPair> = ok
        .par_iter()
        .zip(fr_clean.par_iter())
        .zip(en_clean.par_iter())
        .map(|(((name, fr, en), (fr_c, _)), (en_c, _))| {
            let pair = process_pair(name, (fr, fr_c), (en, en_c), stages);
            progress(name);
            pair
        })
        .collect();
    (processed, failures)
}

/// Figures printed at the end of `build`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct BuildSummary {
    pub documents: usize,
    pub fr_segments: usize,
    pub en_segments: usize,
    /// Bead counts by shape (`1-1`, `2-1`, `1-0`…).
    pub links_by_type: BTreeMap<String, usize>,
    pub mean_confidence: f64,
    pub term_hits: usize,
    pub tmx_units: usize,
    pub unpaired: Vec<String>,
    pub failures: Vec<String>,
    pub outputs: Vec<String>,
}

/// The shape of a bead, e.g. `2-1`.
pub fn bead_shape(bead: &Bead) -> String {
    format!("{}-{}", bead.src.len(), bead.tgt.len())
}

/// Sums up processed pairs.
pub fn summarise(pairs: &[ProcessedPair]) -> BuildSummary {
    let mut summary = BuildSummary {
        documents: pairs.len(),
        ..Default::default()
    };
    let mut confidence_sum = 0.0;
    let mut beads = 0usize;
    for p in pairs {
        summary.fr_segments += p.fr_segments.len();
        summary.en_segments += p.en_segments.len();
        summary.term_hits += p.terms.len();
        for b in &p.beads {
            *summary.links_by_type.entry(bead_shape(b)).or_default() += 1;
            confidence_sum += b.confidence;
            beads += 1;
        }
    }
    if beads > 0 {
        summary.mean_confidence = confidence_sum / beads as f64;
    }
    summary
}
