//! `build`: the whole job on folders of releases — clean, segment, match terms, align, export.
//!
//! Documents are independent after cleaning, so they are processed in parallel; a failure in one
//! document is reported in the summary without losing the others' output. The pipeline only
//! chains the stages; it never prints (progress goes through a callback the caller supplies).

use crate::align::export::{self, AlignedDoc, ExportOptions, Format};
use crate::align::{self, AlignOptions, Bead};
use crate::clean::{self, Boilerplate, CleanOptions, Cleaner};
use crate::error::{Error, Result};
use crate::glossary::Glossary;
use crate::input;
use crate::segment::{Segment, Segmenter};
use crate::tbx::TbxVersion;
use crate::terms::{Matcher, TermRecord};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where `build` reads and writes, and how.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    /// Folder of French releases.
    pub fr_dir: PathBuf,
    /// Folder of English releases.
    pub en_dir: PathBuf,
    /// The glossary file; `None` uses the shipped glossary embedded in the library.
    pub glossary: Option<PathBuf>,
    /// Folder that receives every output.
    pub out_dir: PathBuf,
    /// Language codes written into the TMX and TBX (`fr`, `en-GB`…).
    pub src_lang: String,
    /// See `src_lang`.
    pub tgt_lang: String,
    /// Links below this confidence are left out of `memory.tmx` (they stay in the review page).
    pub min_confidence: f64,
    /// 1-1 links at or above this go to `memory-auto.tmx` (and the OmegaT project's `tm/auto/`),
    /// the others to `memory-review.tmx` with a note saying why.
    pub auto_min_confidence: f64,
}

pub use crate::corpus::{DocumentPair, Pairing};

/// One document pair carried through the stages.
#[derive(Debug, Clone)]
pub struct ProcessedPair {
    /// The pair's shared relative name.
    pub name: String,
    /// The French file.
    pub fr_path: String,
    /// The English file.
    pub en_path: String,
    /// French sentences (spans in the original file).
    pub fr_segments: Vec<Segment>,
    /// English sentences.
    pub en_segments: Vec<Segment>,
    /// Term occurrences in the French document, positions in the original file.
    pub terms: Vec<TermRecord>,
    /// The alignment of the two segment lists.
    pub beads: Vec<Bead>,
}

/// Processes one pair whose texts were already cleaned: segment both sides and match terms.
/// The beads are left empty: alignment runs over all pairs together (see [`align_pairs`]).
fn segment_and_match(
    name: &str,
    fr: (&input::Source, &clean::CleanText),
    en: (&input::Source, &clean::CleanText),
    stages: &Pipeline,
) -> ProcessedPair {
    let fr_segments = stages.fr_segmenter.segment_clean(fr.1);
    let en_segments = stages.en_segmenter.segment_clean(en.1);
    let terms = match &stages.glossary_matcher {
        Some((glossary, matcher)) => crate::terms::report::records_in_clean(
            matcher,
            glossary,
            &crate::terms::Document {
                name: &fr.0.path,
                text: &fr.0.text,
            },
            fr.1,
        ),
        None => Vec::new(),
    };
    ProcessedPair {
        name: name.to_string(),
        fr_path: fr.0.path.clone(),
        en_path: en.0.path.clone(),
        fr_segments,
        en_segments,
        terms,
        beads: Vec::new(),
    }
}

/// Aligns every pair's sentences; IBM Model 1 is trained on all pairs together (more text gives
/// better word translations), each pair is then aligned on its own.
pub fn align_pairs(pairs: &mut [ProcessedPair], options: &AlignOptions) -> Result<()> {
    let texts: Vec<(Vec<&str>, Vec<&str>)> = pairs
        .iter()
        .map(|p| {
            (
                p.fr_segments.iter().map(|s| s.text.as_str()).collect(),
                p.en_segments.iter().map(|s| s.text.as_str()).collect(),
            )
        })
        .collect();
    let docs: Vec<(&[&str], &[&str])> = texts
        .iter()
        .map(|(f, e)| (f.as_slice(), e.as_slice()))
        .collect();
    let beads = align::align_documents(&docs, options)?;
    drop(texts);
    for (pair, beads) in pairs.iter_mut().zip(beads) {
        pair.beads = beads;
    }
    Ok(())
}

/// The aligned pairs as the alignment exporter takes them.
pub fn aligned_docs(pairs: &[ProcessedPair]) -> Vec<AlignedDoc> {
    pairs
        .iter()
        .map(|p| AlignedDoc {
            name: p.name.clone(),
            src: p.fr_segments.iter().map(|s| s.text.clone()).collect(),
            tgt: p.en_segments.iter().map(|s| s.text.clone()).collect(),
            beads: p.beads.clone(),
        })
        .collect()
}

/// The stages built once and shared by every document (all `Send + Sync`): cleaner,
/// segmenters, glossary matcher and alignment options. [`Pipeline::process_pair`] runs one pair
/// through all of them (a worker, a stream of pairs); [`run_pairs`] runs a batch, cleaning each
/// language's documents together and aligning with one word model trained on all of them.
///
/// ```
/// use trame::clean::Boilerplate;
/// use trame::input::Source;
/// use trame::pipeline::Pipeline;
///
/// let glossary = trame::glossary::shipped_glossary().unwrap();
/// let footer = Boilerplate::from_blocks(vec!["Partager\nImprimer\nS’abonner".into()]);
/// let pipeline = Pipeline::new(Some(&glossary)).unwrap().with_boilerplate(&footer);
/// let fr = Source::utf8("fr/a.txt", "L’OIM aide les migrants.\nPartager\nImprimer\nS’abonner");
/// let en = Source::utf8("en/a.txt", "IOM helps migrants.");
/// let pair = pipeline.process_pair("a", &fr, &en).unwrap();
/// assert_eq!(pair.fr_segments.len(), 1);
/// assert_eq!(pair.beads.len(), 1);
/// assert_eq!(pair.terms[0].en, "IOM");
/// ```
#[derive(Debug, Clone)]
pub struct Pipeline {
    /// Cleaning, with its known (and learned) boilerplate.
    pub cleaner: Cleaner,
    /// French sentence segmentation.
    pub fr_segmenter: Segmenter,
    /// English sentence segmentation.
    pub en_segmenter: Segmenter,
    /// The glossary and its matcher, when terms are matched.
    pub glossary_matcher: Option<(Glossary, Matcher)>,
    /// How sentences are aligned.
    pub align_options: AlignOptions,
}

impl Pipeline {
    /// Builds the stages with the built-in segmentation rules, default cleaning and, if given, a
    /// glossary (matched in the French text and used as alignment anchors).
    pub fn new(glossary: Option<&Glossary>) -> Result<Self> {
        Ok(Pipeline {
            cleaner: Cleaner::new(CleanOptions::default()),
            fr_segmenter: Segmenter::builtin("fr")?,
            en_segmenter: Segmenter::builtin("en")?,
            glossary_matcher: match glossary {
                Some(g) => Some((g.clone(), Matcher::new(g)?)),
                None => None,
            },
            align_options: AlignOptions {
                glossary: glossary.cloned(),
                ..AlignOptions::default()
            },
        })
    }

    /// This pipeline with `learned` boilerplate removed from every document it cleans.
    pub fn with_boilerplate(mut self, learned: &Boilerplate) -> Self {
        self.cleaner = self.cleaner.with_boilerplate(learned);
        self
    }

    /// Runs one French/English pair through every stage on its own: clean each side (known and
    /// learned boilerplate, single-document heuristics), segment, match terms, align.
    pub fn process_pair(
        &self,
        name: &str,
        fr: &input::Source,
        en: &input::Source,
    ) -> Result<ProcessedPair> {
        let (fr_clean, _) = self.cleaner.clean(&fr.text);
        let (en_clean, _) = self.cleaner.clean(&en.text);
        let mut pair = segment_and_match(name, (fr, &fr_clean), (en, &en_clean), self);
        let src: Vec<&str> = pair.fr_segments.iter().map(|s| s.text.as_str()).collect();
        let tgt: Vec<&str> = pair.en_segments.iter().map(|s| s.text.as_str()).collect();
        pair.beads = align::align(&src, &tgt, &self.align_options)?;
        Ok(pair)
    }
}

/// A document that could not be processed, with the reason.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The document (pair name).
    pub path: String,
    /// Why it failed.
    pub error: String,
}

/// Reads, cleans (boilerplate shared across each language's documents) and processes every pair.
///
/// `progress` is called once per finished pair (from worker threads).
pub fn run_pairs(
    pairs: &[DocumentPair],
    stages: &Pipeline,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<(Vec<ProcessedPair>, Vec<Failure>)> {
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
    let fr_clean = stages.cleaner.clean_together(&fr_texts);
    let en_clean = stages.cleaner.clean_together(&en_texts);
    let mut processed: Vec<ProcessedPair> = ok
        .par_iter()
        .zip(fr_clean.par_iter())
        .zip(en_clean.par_iter())
        .map(|(((name, fr, en), (fr_c, _)), (en_c, _))| {
            let pair = segment_and_match(name, (fr, fr_c), (en, en_c), stages);
            progress(name);
            pair
        })
        .collect();
    align_pairs(&mut processed, &stages.align_options)?;
    Ok((processed, failures))
}

/// Figures printed at the end of `build`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct BuildSummary {
    /// Pairs processed.
    pub documents: usize,
    /// French segments.
    pub fr_segments: usize,
    /// English segments.
    pub en_segments: usize,
    /// Bead counts by shape (`1-1`, `2-1`, `1-0`…).
    pub links_by_type: BTreeMap<String, usize>,
    /// Mean alignment confidence of all beads.
    pub mean_confidence: f64,
    /// Glossary occurrences in the French documents.
    pub term_hits: usize,
    /// Units written to `memory.tmx`.
    pub tmx_units: usize,
    /// Files without a counterpart in the other language.
    pub unpaired: Vec<String>,
    /// Documents that could not be processed, with why.
    pub failures: Vec<String>,
    /// Warnings of the writers (removed control characters, over-long segments).
    pub warnings: Vec<crate::Warning>,
    /// The files written.
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

impl BuildSummary {
    /// The human summary `trame build` prints.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!("documents        {}\n", self.documents));
        s.push_str(&format!(
            "segments         {} French, {} English\n",
            self.fr_segments, self.en_segments
        ));
        let links: Vec<String> = self
            .links_by_type
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        s.push_str(&format!("links            {}\n", links.join(", ")));
        s.push_str(&format!("mean confidence  {:.3}\n", self.mean_confidence));
        s.push_str(&format!("term hits        {}\n", self.term_hits));
        s.push_str(&format!("TMX units        {}\n", self.tmx_units));
        for o in &self.outputs {
            s.push_str(&format!("wrote            {o}\n"));
        }
        s
    }
}

/// Runs the whole job: pair, read, clean, segment, match, align, then write every output into
/// `config.out_dir`. `on_total` receives the number of pairs, `on_done` each finished pair's name.
pub fn build(
    config: &BuildConfig,
    on_total: &dyn Fn(usize),
    on_done: &(dyn Fn(&str) + Sync),
) -> Result<BuildSummary> {
    let glossary = match &config.glossary {
        Some(path) => crate::glossary::read_glossary(&path.display().to_string(), None)?,
        None => crate::glossary::shipped_glossary()?,
    };
    let pairing = crate::corpus::pair(&config.fr_dir, &config.en_dir)?;
    if pairing.pairs.is_empty() {
        return Err(Error::invalid(
            config.fr_dir.display().to_string(),
            format!(
                "no French file has an English counterpart of the same name in {}",
                config.en_dir.display()
            ),
        ));
    }
    on_total(pairing.pairs.len());
    let glossary_name = config.glossary.as_ref().map_or_else(
        || crate::glossary::SHIPPED_GLOSSARY_NAME.to_string(),
        |p| p.display().to_string(),
    );
    let stages = Pipeline::new(Some(&glossary)).map_err(|e| e.in_file(&glossary_name))?;
    let (processed, failures) = run_pairs(&pairing.pairs, &stages, on_done)?;
    let out = &config.out_dir;
    std::fs::create_dir_all(out).map_err(|e| Error::io(out.display().to_string(), e))?;
    let mut summary = summarise(&processed);
    summary.unpaired = pairing
        .unpaired()
        .map(|p| p.display().to_string())
        .collect();
    summary.failures = failures
        .iter()
        .map(|f| format!("{}: {}", f.path, f.error))
        .collect();
    let docs = aligned_docs(&processed);
    let mut export_options = ExportOptions {
        format: Format::Tmx,
        min_confidence: config.min_confidence,
        src_lang: config.src_lang.clone(),
        tgt_lang: config.tgt_lang.clone(),
        ..ExportOptions::default()
    };
    let tmx_path = out.join("memory.tmx");
    crate::output::write_atomic(&tmx_path, |w| {
        let stats = export::write(&docs, &export_options, w)?;
        summary.tmx_units = stats.written;
        summary.warnings.extend(stats.warnings);
        Ok(())
    })?;
    summary.outputs.push(tmx_path.display().to_string());
    export_options.format = Format::Html;
    let html_path = out.join("alignment.html");
    crate::output::write_atomic(&html_path, |w| {
        export::write(&docs, &export_options, w).map(|_| ())
    })?;
    summary.outputs.push(html_path.display().to_string());
    let tbx_options = crate::tbx::ExportOptions {
        src_lang: Some(config.src_lang.clone()),
        tgt_lang: Some(config.tgt_lang.clone()),
        title: None,
        bare_terms: false,
    };
    for (file, version) in [
        ("glossary.tbx", TbxVersion::V2),
        ("glossary-tbx3.tbx", TbxVersion::V3),
    ] {
        let path = out.join(file);
        crate::output::write_atomic(&path, |w| {
            let warnings = crate::tbx::write_tbx(&glossary, version, &tbx_options, w)?;
            // v2 and v3 clean the same glossary: report each warning once.
            for warning in warnings {
                if !summary.warnings.contains(&warning) {
                    summary.warnings.push(warning);
                }
            }
            Ok(())
        })?;
        summary.outputs.push(path.display().to_string());
    }
    let omegat_path = out.join("glossary-omegat.tbx");
    crate::output::write_atomic(&omegat_path, |w| {
        for warning in crate::tbx::omegat::write_omegat_tbx(&glossary, &tbx_options, w)? {
            // Its XML repairs are those already reported for glossary.tbx (same terms, entries
            // renamed): only what is new to this shape is reported.
            if matches!(warning, crate::Warning::NoTargetTerm { .. })
                && !summary.warnings.contains(&warning)
            {
                summary.warnings.push(warning);
            }
        }
        Ok(())
    })?;
    summary.outputs.push(omegat_path.display().to_string());
    let terms_path = out.join("terms.jsonl");
    crate::output::write_atomic(&terms_path, |w| {
        for pair in &processed {
            crate::terms::report::write_records(&pair.terms, crate::terms::Format::Jsonl, &[], w)?;
        }
        Ok(())
    })?;
    summary.outputs.push(terms_path.display().to_string());
    summary.outputs.extend(crate::package::write_build_extras(
        out,
        &processed,
        &docs,
        &glossary,
        &config.src_lang,
        &config.tgt_lang,
        config.auto_min_confidence,
    )?);
    Ok(summary)
}
