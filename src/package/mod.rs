//! The translator's package (`trame prepare`): new French releases cleaned and segmented with
//! trame's own rules, leveraged against translation memories, with the glossary's hits per
//! segment, as XLIFF 1.2 for any CAT tool ([`Profile::Generic`]) or as a ready OmegaT project
//! ([`Profile::OmegaT`]).
//!
//! The computation ([`prepare`]) and the files ([`write_package`]) are separate; every file goes
//! through [`crate::output::write_atomic`], and everything is computed before the first write.

mod build_project;
mod omegat;

pub use build_project::{doubt, split_memory, write_build_extras, AUTO_MIN_CONFIDENCE};

pub use omegat::omegat_project_xml;

use crate::clean::{self, CleanOptions};
use crate::document::LineIndex;
use crate::error::{Error, Result};
use crate::glossary::{Glossary, TermType};
use crate::input::Source;
use crate::leverage::{FuzzyIndex, Match, QueryOptions};
use crate::segment::Segmenter;
use crate::terms::Matcher;
use crate::tmx::{Prop, TmxHeader, TmxWriter, TranslationUnit, Variant};
use crate::xliff::{AltTrans, Target, XliffFile, XliffUnit};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which package to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// `DIR/NAME.xlf` (exact matches pre-filled, fuzzy ones as `<alt-trans>`), `DIR/glossary.tbx`,
    /// `DIR/leverage.tmx`: for Trados, memoQ, Phrase, translate-toolkit, OmegaT 5.8+.
    #[default]
    Generic,
    /// A complete OmegaT project folder (OmegaT 3.6 and later).
    OmegaT,
}

/// The folders of an OmegaT project, created even when empty (OmegaT expects them).
pub(crate) const OMEGAT_DIRS: [&str; 6] = [
    "source",
    "target",
    "tm/auto",
    "glossary",
    "dictionary",
    "omegat",
];

/// How to prepare.
#[derive(Debug, Clone)]
pub struct PrepareOptions {
    /// How memories are searched (fuzzy threshold, number of matches).
    pub query: QueryOptions,
    /// Source language code.
    pub src_lang: String,
    /// Target language code.
    pub tgt_lang: String,
    /// An exact match whose memory unit has an alignment confidence below this (or a note saying
    /// it is doubtful) is offered, never inserted.
    pub min_confidence: f64,
}

impl Default for PrepareOptions {
    fn default() -> Self {
        PrepareOptions {
            query: QueryOptions::default(),
            src_lang: "fr".into(),
            tgt_lang: "en".into(),
            min_confidence: 0.8,
        }
    }
}

/// A glossary hit in a segment, as the note shows it: `OIM → IOM (acronym)`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// The French text matched, as written.
    pub surface: String,
    /// The English term chosen for it.
    pub english: String,
    /// The kind of the French term matched (`acronym`…) or the concept's category.
    pub label: Option<String>,
    /// Index of the concept in the glossary.
    pub concept: usize,
}

impl Hit {
    /// The note line.
    pub fn line(&self) -> String {
        match &self.label {
            Some(l) => format!("{} \u{2192} {} ({l})", self.surface, self.english),
            None => format!("{} \u{2192} {}", self.surface, self.english),
        }
    }
}

/// One segment of a release and what was found for it.
#[derive(Debug, Clone)]
pub struct PreparedSegment {
    /// 1-based, stable for a given text: the segment's rank in the release.
    pub number: usize,
    /// The segment's text.
    pub text: String,
    /// 1-based line and 1-based column of its first character in the release file.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// False for a segment with nothing to translate (a URL, an e-mail, a number).
    pub translatable: bool,
    /// Memory matches, best first.
    pub matches: Vec<Match>,
    /// Glossary hits, in text order.
    pub hits: Vec<Hit>,
}

/// A release ready to package.
#[derive(Debug, Clone)]
pub struct PreparedRelease {
    /// The file name (`2019-03-bapa40.txt`).
    pub name: String,
    /// The path as given.
    pub path: String,
    /// The segments, in text order.
    pub segments: Vec<PreparedSegment>,
}

/// Cleans (all releases together, as `build` does), segments with the built-in French rules,
/// matches the glossary and queries the memory for every segment.
pub fn prepare(
    sources: &[Source],
    glossary: Option<(&Glossary, &Matcher)>,
    index: &FuzzyIndex,
    options: &PrepareOptions,
) -> Result<Vec<PreparedRelease>> {
    let segmenter = Segmenter::builtin(&options.src_lang)?;
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    let cleaned = clean::clean_documents(&texts, &CleanOptions::default());
    let mut releases = Vec::new();
    for (src, (clean, _)) in sources.iter().zip(&cleaned) {
        let segments = segmenter.segment_clean(clean);
        let lines = LineIndex::new(&src.text);
        let records = match glossary {
            Some((g, m)) => crate::terms::report::records_in_clean(
                m,
                g,
                &crate::terms::Document {
                    name: &src.path,
                    text: &src.text,
                },
                clean,
            ),
            None => Vec::new(),
        };
        let texts: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
        let matches = index.query_many(&texts, &options.query);
        let mut out = Vec::with_capacity(segments.len());
        for (k, (seg, matches)) in segments.iter().zip(matches).enumerate() {
            let lc = lines.line_col(&src.text, seg.start);
            let mut hits: Vec<Hit> = records
                .iter()
                .filter(|r| r.start >= seg.start && r.start < seg.end.max(seg.start + 1))
                .map(|r| Hit {
                    surface: r.surface.clone(),
                    english: r.en.clone(),
                    label: glossary.and_then(|(g, _)| label(g, r.concept, &r.surface)),
                    concept: r.concept,
                })
                .collect();
            let mut seen = BTreeSet::new();
            hits.retain(|h| seen.insert(h.line()));
            out.push(PreparedSegment {
                number: k + 1,
                text: seg.text.clone(),
                line: lc.line,
                column: lc.column + 1,
                translatable: translatable(&seg.text),
                matches,
                hits,
            });
        }
        releases.push(PreparedRelease {
            name: Path::new(&src.path)
                .file_name()
                .map_or_else(|| src.path.clone(), |n| n.to_string_lossy().into_owned()),
            path: src.path.clone(),
            segments: out,
        });
    }
    Ok(releases)
}

/// The kind of French term matched, when it is not a plain full form, else the category.
pub(crate) fn label(glossary: &Glossary, concept: usize, surface: &str) -> Option<String> {
    let c = glossary.concepts.get(concept)?;
    let term = c.src_terms.iter().find(|t| t.text == surface).or_else(|| {
        c.src_terms
            .iter()
            .find(|t| t.text.to_lowercase() == surface.to_lowercase())
    });
    match term.map(|t| t.term_type) {
        Some(TermType::Acronym) => Some("acronym".into()),
        Some(TermType::Abbreviation) => Some("abbreviation".into()),
        Some(TermType::ShortForm) => Some("short form".into()),
        _ => c.category.clone(),
    }
}

/// False for a segment without a letter, or that is only a URL or an e-mail address.
pub fn translatable(text: &str) -> bool {
    let t = text.trim();
    if !t.chars().any(char::is_alphabetic) {
        return false;
    }
    let one_word = !t.contains(char::is_whitespace);
    let url = t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.");
    let mail = t.contains('@') && t.rsplit('@').next().is_some_and(|d| d.contains('.'));
    !(one_word && (url || mail))
}

/// Whether an exact match may be inserted without review: no doubt noted on the unit and an
/// alignment confidence (if any) at least `min_confidence`.
pub fn confident(index: &FuzzyIndex, m: &Match, min_confidence: f64) -> bool {
    let u = index.unit(m.unit);
    m.exact && u.note.is_none() && u.confidence.map_or(true, |c| c >= min_confidence)
}

fn origin_name(index: &FuzzyIndex, m: &Match) -> String {
    let o = &index.origins()[index.unit(m.unit).origin as usize];
    Path::new(o)
        .file_name()
        .map_or_else(|| o.clone(), |n| n.to_string_lossy().into_owned())
}

/// The XLIFF `<file>` of a release.
///
/// Generic: a confident exact match is the pre-filled target (`needs-review-translation`,
/// `exact-match`); every other match is an `<alt-trans>`. OmegaT: targets copy the source with
/// `state="new"` (OmegaT 3.6 translates `<target>`), matches go to the project's memories.
pub fn xliff_file(
    release: &PreparedRelease,
    index: &FuzzyIndex,
    profile: Profile,
    options: &PrepareOptions,
) -> XliffFile {
    let units = release
        .segments
        .iter()
        .map(|seg| {
            let mut target = None;
            let mut alternatives = Vec::new();
            for m in &seg.matches {
                let u = index.unit(m.unit);
                if profile == Profile::Generic
                    && target.is_none()
                    && confident(index, m, options.min_confidence)
                {
                    target = Some(Target {
                        text: u.target.clone(),
                        state: Some("needs-review-translation".into()),
                        state_qualifier: Some("exact-match".into()),
                    });
                } else if profile == Profile::Generic {
                    alternatives.push(AltTrans {
                        quality: m.score,
                        origin: origin_name(index, m),
                        source: u.source.clone(),
                        target: u.target.clone(),
                    });
                }
            }
            if profile == Profile::OmegaT && seg.translatable {
                target = Some(Target {
                    text: seg.text.clone(),
                    state: Some("new".into()),
                    state_qualifier: None,
                });
            }
            XliffUnit {
                id: seg.number.to_string(),
                resname: Some(format!("{}:{}:{}", release.name, seg.line, seg.column)),
                source: seg.text.clone(),
                target,
                translate: seg.translatable,
                approved: false,
                alternatives,
                note: seg.hits.iter().map(Hit::line).collect(),
                location: Some((release.name.clone(), seg.line)),
                read_line: 0,
            }
        })
        .collect();
    XliffFile {
        original: release.name.clone(),
        source_lang: options.src_lang.clone(),
        target_lang: options.tgt_lang.clone(),
        units,
    }
}

/// The memory units behind `matches`, each once, as TMX units (`x-origin`, `x-match-quality`
/// of its best use, `x-note` for a doubtful unit).
pub fn leverage_units(
    index: &FuzzyIndex,
    matches: &[&Match],
    options: &PrepareOptions,
) -> Vec<TranslationUnit> {
    let mut best: std::collections::BTreeMap<usize, u8> = std::collections::BTreeMap::new();
    for m in matches {
        let e = best.entry(m.unit).or_insert(0);
        *e = (*e).max(m.score);
    }
    best.iter()
        .map(|(&i, &score)| {
            let u = index.unit(i);
            let mut props = vec![
                Prop::new("x-origin", index.origins()[u.origin as usize].clone()),
                Prop::new("x-match-quality", score.to_string()),
            ];
            if let Some(c) = u.confidence {
                props.push(Prop::new("x-confidence", format!("{c:.3}")));
            }
            if let Some(n) = &u.note {
                props.push(Prop::new("x-note", n.clone()));
            }
            TranslationUnit {
                tuid: Some(format!("m{}", i + 1)),
                props,
                variants: vec![
                    Variant::new(options.src_lang.clone(), u.source.clone()),
                    Variant::new(options.tgt_lang.clone(), u.target.clone()),
                ],
            }
        })
        .collect()
}

/// The glossary restricted to the concepts that occur in `releases` (in glossary order).
pub fn occurring_glossary(glossary: &Glossary, releases: &[PreparedRelease]) -> Glossary {
    let used: BTreeSet<usize> = releases
        .iter()
        .flat_map(|r| {
            r.segments
                .iter()
                .flat_map(|s| s.hits.iter().map(|h| h.concept))
        })
        .collect();
    Glossary {
        src_lang: glossary.src_lang.clone(),
        tgt_lang: glossary.tgt_lang.clone(),
        concepts: used
            .into_iter()
            .filter_map(|i| glossary.concepts.get(i).cloned())
            .collect(),
    }
}

/// Writes a TMX of `units` into a string (nothing when `units` is empty).
pub fn tmx_bytes(units: &[TranslationUnit], src_lang: &str) -> Result<Vec<u8>> {
    let mut w = TmxWriter::new(Vec::new(), &TmxHeader::new(src_lang))?;
    for u in units {
        w.write_unit(u)?;
    }
    w.finish()
}

/// What [`write_package`] wrote, and its counts.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PackageSummary {
    /// Segments written.
    pub segments: usize,
    /// Exact matches inserted as translations.
    pub exact: usize,
    /// Exact matches offered, not inserted (doubtful memory units).
    pub exact_doubtful: usize,
    /// Segments with fuzzy matches only.
    pub fuzzy: usize,
    /// Segments without any memory match.
    pub no_match: usize,
    /// Glossary hits noted.
    pub glossary_hits: usize,
    /// The files written.
    pub outputs: Vec<String>,
}

/// Writes the package into `dir` (created if missing). `name` is the XLIFF's file name stem
/// in the generic profile.
pub fn write_package(
    dir: &Path,
    name: &str,
    releases: &[PreparedRelease],
    index: &FuzzyIndex,
    glossary: Option<&Glossary>,
    profile: Profile,
    options: &PrepareOptions,
) -> Result<PackageSummary> {
    let mut summary = PackageSummary::default();
    let mut all: Vec<&Match> = Vec::new();
    let mut exact_ok: Vec<&Match> = Vec::new();
    let mut other: Vec<&Match> = Vec::new();
    for seg in releases.iter().flat_map(|r| &r.segments) {
        summary.segments += 1;
        summary.glossary_hits += seg.hits.len();
        let first = seg.matches.first();
        match first {
            None => summary.no_match += 1,
            Some(m) if m.exact && confident(index, m, options.min_confidence) => summary.exact += 1,
            Some(m) if m.exact => summary.exact_doubtful += 1,
            Some(_) => summary.fuzzy += 1,
        }
        for m in &seg.matches {
            all.push(m);
            if confident(index, m, options.min_confidence) {
                exact_ok.push(m);
            } else {
                other.push(m);
            }
        }
    }
    // everything computed before the first write
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    // Generic: the full TBX v2 of the concepts that occur; OmegaT: the same concepts in the shape
    // OmegaT's glossary pane shows best (one entry per French form, best English first).
    let tbx = match glossary {
        Some(g) => {
            let used = occurring_glossary(g, releases);
            if used.concepts.is_empty() {
                None
            } else {
                let mut buf = Vec::new();
                let tbx_options = crate::tbx::ExportOptions {
                    src_lang: Some(options.src_lang.clone()),
                    tgt_lang: Some(options.tgt_lang.clone()),
                    ..Default::default()
                };
                match profile {
                    Profile::Generic => crate::tbx::write_tbx(
                        &used,
                        crate::tbx::TbxVersion::V2,
                        &tbx_options,
                        &mut buf,
                    )?,
                    Profile::OmegaT => {
                        crate::tbx::omegat::write_omegat_tbx(&used, &tbx_options, &mut buf)?
                    }
                };
                Some(buf)
            }
        }
        None => None,
    };
    match profile {
        Profile::Generic => {
            let xliff: Vec<XliffFile> = releases
                .iter()
                .map(|r| xliff_file(r, index, profile, options))
                .collect();
            let mut buf = Vec::new();
            crate::xliff::write_xliff(&xliff, &mut buf)?;
            files.push((dir.join(format!("{name}.xlf")), buf));
            let units = leverage_units(index, &all, options);
            if !units.is_empty() {
                files.push((
                    dir.join("leverage.tmx"),
                    tmx_bytes(&units, &options.src_lang)?,
                ));
            }
            if let Some(t) = tbx {
                files.push((dir.join("glossary.tbx"), t));
            }
        }
        Profile::OmegaT => {
            files.push((
                dir.join("omegat.project"),
                omegat_project_xml(&options.src_lang, &options.tgt_lang).into_bytes(),
            ));
            for r in releases {
                let xliff = [xliff_file(r, index, profile, options)];
                let mut buf = Vec::new();
                crate::xliff::write_xliff(&xliff, &mut buf)?;
                let stem = Path::new(&r.name)
                    .file_stem()
                    .map_or_else(|| r.name.clone(), |s| s.to_string_lossy().into_owned());
                files.push((dir.join("source").join(format!("{stem}.xlf")), buf));
            }
            let auto = leverage_units(index, &exact_ok, options);
            if !auto.is_empty() {
                files.push((
                    dir.join("tm").join("auto").join("exact.tmx"),
                    tmx_bytes(&auto, &options.src_lang)?,
                ));
            }
            let fuzzy = leverage_units(index, &other, options);
            if !fuzzy.is_empty() {
                files.push((
                    dir.join("tm").join("fuzzy.tmx"),
                    tmx_bytes(&fuzzy, &options.src_lang)?,
                ));
            }
            if let Some(t) = tbx {
                files.push((dir.join("glossary").join("glossary.tbx"), t));
            }
        }
    }
    let mut dirs = vec![dir.to_path_buf()];
    if profile == Profile::OmegaT {
        for d in OMEGAT_DIRS {
            dirs.push(dir.join(d));
        }
    }
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| Error::io(d.display().to_string(), e))?;
    }
    for (path, bytes) in files {
        crate::output::write_atomic(&path, |w| {
            w.write_all(&bytes)
                .map_err(crate::output::write_err(&path.display().to_string()))
        })?;
        summary.outputs.push(path.display().to_string());
    }
    Ok(summary)
}
