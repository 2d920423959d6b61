//! `trame._trame`: the Rust side of the Python package `trame` (see `python/trame/__init__.py`).
//!
//! Every call releases the GIL while Rust works; errors become `trame.TrameError` (a
//! `ValueError`) with the message the CLI prints after `trame: error: `.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::sync::Arc;
use trame::clean::{CleanOptions, Cleaner};
use trame::glossary::Glossary as RsGlossary;
use trame::records::record_source;
use trame::segment::offsets::FileOffsets;
use trame::terms::{Document, MatchOptions};

create_exception!(
    _trame,
    TrameError,
    PyValueError,
    "Bad input for trame (same message as the CLI's error line)."
);

fn err(e: trame::Error) -> PyErr {
    TrameError::new_err(e.to_string())
}

/// One segment, as `trame segment --format jsonl` writes it (without `doc`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub index: usize,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A segmenter with its cleaning options, built once.
#[derive(Clone)]
struct SegCore {
    segmenter: trame::segment::Segmenter,
    cleaner: Cleaner,
}

impl SegCore {
    /// Segments one document exactly as `trame segment --format jsonl FILE` does for a file
    /// holding the UTF-8 bytes of `text` (offsets are bytes of that file, BOM included).
    fn segment(&self, text: &str, clean: bool) -> trame::Result<Vec<Seg>> {
        let source = record_source("<text>", text)?;
        let segments = if clean {
            let (cleaned, _) = self.cleaner.clean(&source.text);
            self.segmenter.segment_clean(&cleaned)
        } else {
            self.segmenter.segment(&source.text)
        };
        let mut offsets = FileOffsets::new(&source);
        Ok(segments
            .into_iter()
            .enumerate()
            .map(|(index, s)| Seg {
                index,
                start: offsets.file_offset(s.start),
                end: offsets.file_offset(s.end),
                text: s.text,
            })
            .collect())
    }
}

fn seg_dict<'py>(py: Python<'py>, s: &Seg) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("index", s.index)?;
    d.set_item("text", &s.text)?;
    d.set_item("start", s.start)?;
    d.set_item("end", s.end)?;
    Ok(d)
}

/// Boilerplate learned from a sample of documents (`learn_boilerplate`): the blocks that
/// cleaning the sample together removes as shared between documents.
#[pyclass(module = "trame._trame", frozen)]
struct Boilerplate {
    learned: trame::clean::Boilerplate,
}

#[pymethods]
impl Boilerplate {
    #[new]
    fn new(blocks: Vec<String>) -> Self {
        Boilerplate {
            learned: trame::clean::Boilerplate::from_blocks(blocks),
        }
    }
    /// The learned blocks (texts), e.g. to save them and pass them to `Boilerplate(blocks)`.
    #[getter]
    fn blocks(&self) -> Vec<String> {
        self.learned.blocks().to_vec()
    }
    fn __len__(&self) -> usize {
        self.learned.blocks().len()
    }
    fn __repr__(&self) -> String {
        format!("Boilerplate({} blocks)", self.learned.blocks().len())
    }
}

/// Learns the boilerplate of `sample` (texts cleaned together, as `trame segment` does with the
/// files of a folder): the removed shared blocks, each once.
#[pyfunction]
fn learn_boilerplate(py: Python<'_>, sample: Vec<String>) -> PyResult<Boilerplate> {
    let learned = py.detach(|| -> trame::Result<trame::clean::Boilerplate> {
        let sources = sample
            .iter()
            .map(|t| record_source("<sample>", t))
            .collect::<trame::Result<Vec<_>>>()?;
        let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
        Ok(Cleaner::new(CleanOptions::default()).learn_boilerplate(&texts))
    });
    Ok(Boilerplate {
        learned: learned.map_err(err)?,
    })
}

/// `Segmenter(lang="fr", srx=None, boilerplate=None)`: SRX rules and cleaning options built once.
#[pyclass(module = "trame._trame", frozen)]
struct Segmenter {
    core: Arc<SegCore>,
}

#[pymethods]
impl Segmenter {
    #[new]
    #[pyo3(signature = (lang="fr", srx=None, boilerplate=None))]
    fn new(
        py: Python<'_>,
        lang: &str,
        srx: Option<String>,
        boilerplate: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        if lang.trim().is_empty() {
            return Err(TrameError::new_err("--lang must not be empty"));
        }
        let mut clean = CleanOptions::default();
        if let Some(b) = boilerplate {
            if let Ok(b) = b.cast::<Boilerplate>() {
                clean.boilerplate = b.get().learned.blocks().to_vec();
            } else if let Ok(text) = b.extract::<String>() {
                clean.boilerplate.push(text);
            } else {
                clean.boilerplate = b.extract::<Vec<String>>().map_err(|_| {
                    TrameError::new_err(
                        "boilerplate must be a Boilerplate (learn_boilerplate), a text or a list of texts",
                    )
                })?;
            }
        }
        let lang = lang.to_string();
        let segmenter = py
            .detach(|| match &srx {
                Some(path) => trame::segment::Segmenter::from_srx_file(path, &lang),
                None => trame::segment::Segmenter::builtin(&lang),
            })
            .map_err(err)?;
        Ok(Segmenter {
            core: Arc::new(SegCore {
                segmenter,
                cleaner: Cleaner::new(clean),
            }),
        })
    }

    /// Segments `text`: a list of `{"index","text","start","end"}` (byte offsets in UTF-8).
    #[pyo3(signature = (text, clean=true))]
    fn segment<'py>(
        &self,
        py: Python<'py>,
        text: String,
        clean: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let core = self.core.clone();
        let segs = py.detach(move || core.segment(&text, clean)).map_err(err)?;
        let list = PyList::empty(py);
        for s in &segs {
            list.append(seg_dict(py, s)?)?;
        }
        Ok(list)
    }

    /// Segments many texts at once (None counts as empty), column-wise for Arrow: (row, index,
    /// text, start, end) lists.
    #[pyo3(signature = (texts, clean=true))]
    #[allow(clippy::type_complexity)]
    fn segment_columns(
        &self,
        py: Python<'_>,
        texts: Vec<Option<String>>,
        clean: bool,
    ) -> PyResult<(Vec<u32>, Vec<u32>, Vec<String>, Vec<u64>, Vec<u64>)> {
        let core = self.core.clone();
        py.detach(move || {
            let mut cols = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for (row, text) in texts.iter().enumerate() {
                for s in core.segment(text.as_deref().unwrap_or(""), clean)? {
                    cols.0.push(row as u32);
                    cols.1.push(s.index as u32);
                    cols.2.push(s.text);
                    cols.3.push(s.start as u64);
                    cols.4.push(s.end as u64);
                }
            }
            Ok(cols)
        })
        .map_err(err)
    }

    fn __repr__(&self) -> String {
        format!(
            "Segmenter(lang={:?}, {} rules)",
            self.core.segmenter.lang(),
            self.core.segmenter.rule_count()
        )
    }
}

/// `Glossary(path)`: a CSV/TSV or TBX glossary, read as `trame terms -g PATH` reads it.
#[pyclass(module = "trame._trame", frozen)]
struct Glossary {
    glossary: Arc<RsGlossary>,
    path: String,
}

#[pymethods]
impl Glossary {
    #[new]
    fn new(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
        let path = path.display().to_string();
        let glossary = py
            .detach(|| trame::glossary::read_glossary(&path, None))
            .map_err(err)?;
        Ok(Glossary {
            glossary: Arc::new(glossary),
            path,
        })
    }
    /// Number of concepts.
    fn __len__(&self) -> usize {
        self.glossary.concepts.len()
    }
    #[getter]
    fn path(&self) -> String {
        self.path.clone()
    }
    fn __repr__(&self) -> String {
        format!(
            "Glossary({:?}, {} concepts)",
            self.path,
            self.glossary.concepts.len()
        )
    }
}

/// One term occurrence as `trame terms --format jsonl` writes it, without `doc`.
#[derive(Debug, Clone)]
pub struct Hit(pub trame::terms::report::TermRecord);

struct MatchCore {
    matcher: trame::terms::Matcher,
    glossary: Arc<RsGlossary>,
}

impl MatchCore {
    fn terms(&self, text: &str, clean: bool) -> trame::Result<Vec<Hit>> {
        let source = record_source("<text>", text)?;
        let docs = [Document {
            name: "",
            text: &source.text,
        }];
        Ok(
            trame::terms::find_in_documents(&self.matcher, &self.glossary, &docs, clean)
                .into_iter()
                .map(Hit)
                .collect(),
        )
    }
}

fn hit_dict<'py>(py: Python<'py>, h: &Hit) -> PyResult<Bound<'py, PyDict>> {
    let r = &h.0;
    let d = PyDict::new(py);
    d.set_item("line", r.line)?;
    d.set_item("col", r.col)?;
    d.set_item("end_line", r.end_line)?;
    d.set_item("end_col", r.end_col)?;
    d.set_item("surface", &r.surface)?;
    d.set_item("fr", &r.fr)?;
    d.set_item("en", &r.en)?;
    d.set_item("type", r.category.as_deref())?;
    d.set_item("kind", kind_name(r.kind))?;
    d.set_item("score", r.score)?;
    d.set_item("flags", r.flags.clone())?;
    d.set_item("variant", &r.variant)?;
    d.set_item("variant_type", r.variant_type)?;
    d.set_item("note", r.note.as_deref())?;
    Ok(d)
}

fn kind_name(k: trame::terms::MatchKind) -> &'static str {
    match k {
        trame::terms::MatchKind::Exact => "exact",
        trame::terms::MatchKind::Variant => "variant",
        trame::terms::MatchKind::Fuzzy => "fuzzy",
    }
}

/// `Matcher(glossary, fuzzy=True)`: the glossary's automaton, built once.
#[pyclass(module = "trame._trame", frozen)]
struct Matcher {
    core: Arc<MatchCore>,
}

#[pymethods]
impl Matcher {
    #[new]
    #[pyo3(signature = (glossary, fuzzy=true))]
    fn new(py: Python<'_>, glossary: &Bound<'_, PyAny>, fuzzy: bool) -> PyResult<Self> {
        let glossary = match glossary.cast::<Glossary>() {
            Ok(g) => g.get().glossary.clone(),
            Err(_) => {
                let path: std::path::PathBuf = glossary.extract().map_err(|_| {
                    TrameError::new_err("glossary must be a trame.Glossary or a path")
                })?;
                Glossary::new(py, path)?.glossary
            }
        };
        let g = glossary.clone();
        let matcher = py
            .detach(move || {
                trame::terms::Matcher::try_new(
                    &g,
                    MatchOptions {
                        fuzzy,
                        ..MatchOptions::default()
                    },
                )
            })
            .map_err(err)?;
        Ok(Matcher {
            core: Arc::new(MatchCore { matcher, glossary }),
        })
    }

    /// The occurrences in `text`: `{"line","col","end_line","end_col","surface","fr","en","type",
    /// "kind","score","flags","variant","variant_type","note"}` each.
    #[pyo3(signature = (text, clean=true))]
    fn terms<'py>(
        &self,
        py: Python<'py>,
        text: String,
        clean: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let core = self.core.clone();
        let hits = py.detach(move || core.terms(&text, clean)).map_err(err)?;
        let list = PyList::empty(py);
        for h in &hits {
            list.append(hit_dict(py, h)?)?;
        }
        Ok(list)
    }

    /// The occurrences of many texts (None counts as empty), column-wise for Arrow.
    #[pyo3(signature = (texts, clean=true))]
    fn terms_columns<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Option<String>>,
        clean: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        let core = self.core.clone();
        let hits = py
            .detach(move || -> trame::Result<Vec<(u32, Hit)>> {
                let mut out = Vec::new();
                for (row, t) in texts.iter().enumerate() {
                    for h in core.terms(t.as_deref().unwrap_or(""), clean)? {
                        out.push((row as u32, h));
                    }
                }
                Ok(out)
            })
            .map_err(err)?;
        let d = PyDict::new(py);
        d.set_item("row", hits.iter().map(|h| h.0).collect::<Vec<_>>())?;
        d.set_item("line", hits.iter().map(|h| h.1 .0.line).collect::<Vec<_>>())?;
        d.set_item("col", hits.iter().map(|h| h.1 .0.col).collect::<Vec<_>>())?;
        d.set_item(
            "end_line",
            hits.iter().map(|h| h.1 .0.end_line).collect::<Vec<_>>(),
        )?;
        d.set_item(
            "end_col",
            hits.iter().map(|h| h.1 .0.end_col).collect::<Vec<_>>(),
        )?;
        d.set_item(
            "surface",
            hits.iter()
                .map(|h| h.1 .0.surface.as_str())
                .collect::<Vec<_>>(),
        )?;
        d.set_item(
            "fr",
            hits.iter().map(|h| h.1 .0.fr.as_str()).collect::<Vec<_>>(),
        )?;
        d.set_item(
            "en",
            hits.iter().map(|h| h.1 .0.en.as_str()).collect::<Vec<_>>(),
        )?;
        d.set_item(
            "type",
            hits.iter()
                .map(|h| h.1 .0.category.as_deref())
                .collect::<Vec<_>>(),
        )?;
        d.set_item(
            "kind",
            hits.iter()
                .map(|h| kind_name(h.1 .0.kind))
                .collect::<Vec<_>>(),
        )?;
        d.set_item(
            "score",
            hits.iter().map(|h| h.1 .0.score).collect::<Vec<_>>(),
        )?;
        d.set_item(
            "flags",
            hits.iter()
                .map(|h| h.1 .0.flags.clone())
                .collect::<Vec<_>>(),
        )?;
        d.set_item(
            "variant",
            hits.iter()
                .map(|h| h.1 .0.variant.as_str())
                .collect::<Vec<_>>(),
        )?;
        d.set_item(
            "variant_type",
            hits.iter().map(|h| h.1 .0.variant_type).collect::<Vec<_>>(),
        )?;
        d.set_item(
            "note",
            hits.iter()
                .map(|h| h.1 .0.note.as_deref())
                .collect::<Vec<_>>(),
        )?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!("Matcher({} concepts)", self.core.glossary.concepts.len())
    }
}

/// The aligner's word model (IBM Model 1 both ways) as a value: trained once on a sample of
/// pairs (on a Spark/Ray driver), serialised to bytes (pickled, broadcast), reused per pair.
#[pyclass(module = "trame._trame", frozen)]
struct AlignModel {
    model: Arc<trame::align::WordModel>,
}

#[pymethods]
impl AlignModel {
    /// Trains on `pairs`, each `(french_sentences, english_sentences)`; the same two passes as
    /// `trame align --fr DIR --en DIR` over those pairs (Model 1 on their confident 1-1 beads).
    #[staticmethod]
    #[pyo3(signature = (pairs, glossary=None))]
    fn train(
        py: Python<'_>,
        pairs: Vec<(Vec<String>, Vec<String>)>,
        glossary: Option<&Bound<'_, Glossary>>,
    ) -> PyResult<AlignModel> {
        let glossary = glossary.map(|g| g.get().glossary.clone());
        py.detach(move || -> trame::Result<_> {
            let clean = |v: &Vec<String>| -> Vec<String> {
                v.iter()
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            };
            let sides: Vec<(Vec<String>, Vec<String>)> =
                pairs.iter().map(|(f, e)| (clean(f), clean(e))).collect();
            let views: Vec<(Vec<&str>, Vec<&str>)> = sides
                .iter()
                .map(|(f, e)| {
                    (
                        f.iter().map(String::as_str).collect(),
                        e.iter().map(String::as_str).collect(),
                    )
                })
                .collect();
            let docs: Vec<(&[&str], &[&str])> = views
                .iter()
                .map(|(f, e)| (f.as_slice(), e.as_slice()))
                .collect();
            let opts = trame::align::AlignOptions {
                glossary: glossary.map(|g| (*g).clone()),
                ..Default::default()
            };
            trame::align::WordModel::train(&docs, &opts)
        })
        .map(|m| AlignModel { model: Arc::new(m) })
        .map_err(err)
    }

    /// The model as bytes (JSON), for pickling, broadcasting or saving.
    fn to_bytes(&self) -> PyResult<Vec<u8>> {
        let mut out = Vec::new();
        self.model.save(&mut out).map_err(err)?;
        Ok(out)
    }

    /// A model from [`AlignModel::to_bytes`]; anything else raises `TrameError`.
    #[staticmethod]
    fn from_bytes(data: Vec<u8>) -> PyResult<AlignModel> {
        trame::align::WordModel::load("<align model>", data.as_slice())
            .map(|m| AlignModel { model: Arc::new(m) })
            .map_err(err)
    }

    /// Number of word links.
    fn __len__(&self) -> usize {
        self.model.len()
    }

    fn __repr__(&self) -> String {
        format!("AlignModel({} word links)", self.model.len())
    }
}

/// Aligns one pair as `trame align --presegmented --format jsonl` does (sentences are lines:
/// trimmed, empty ones dropped), or, with `presegmented=False`, as `trame align FR EN` on raw
/// documents (cleaned, segmented with `lang_src`/`lang_tgt`). Beads as
/// `(src_ids, tgt_ids, confidence)`, confidence rounded to 3 decimals as in the JSONL output.
#[pyfunction]
#[pyo3(signature = (fr, en, glossary=None, presegmented=true, lang_src="fr", lang_tgt="en", model=None))]
#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn align_pair(
    py: Python<'_>,
    fr: String,
    en: String,
    glossary: Option<&Bound<'_, Glossary>>,
    presegmented: bool,
    lang_src: &str,
    lang_tgt: &str,
    model: Option<&Bound<'_, AlignModel>>,
) -> PyResult<Vec<(Vec<usize>, Vec<usize>, f64)>> {
    let glossary = glossary.map(|g| g.get().glossary.clone());
    let word_model = model.map(|m| m.get().model.clone());
    let (ls, lt) = (lang_src.to_string(), lang_tgt.to_string());
    py.detach(move || -> trame::Result<_> {
        let fr = record_source("<fr>", &fr)?;
        let en = record_source("<en>", &en)?;
        let src = trame::align::prepare::sentences(&fr.text, &ls, presegmented)?;
        let tgt = trame::align::prepare::sentences(&en.text, &lt, presegmented)?;
        let opts = trame::align::AlignOptions {
            glossary: glossary.map(|g| (*g).clone()),
            word_model,
            ..Default::default()
        };
        let s: Vec<&str> = src.iter().map(String::as_str).collect();
        let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
        Ok(trame::align::align(&s, &t, &opts)?
            .into_iter()
            .map(|b| (b.src, b.tgt, (b.confidence * 1000.0).round() / 1000.0))
            .collect())
    })
    .map_err(err)
}

#[pymodule]
fn _trame(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("TrameError", m.py().get_type::<TrameError>())?;
    m.add_class::<Segmenter>()?;
    m.add_class::<Glossary>()?;
    m.add_class::<Matcher>()?;
    m.add_class::<Boilerplate>()?;
    m.add_class::<AlignModel>()?;
    m.add_function(wrap_pyfunction!(learn_boilerplate, m)?)?;
    m.add_function(wrap_pyfunction!(align_pair, m)?)?;
    Ok(())
}
