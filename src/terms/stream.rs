//! Terms in large inputs, chunk by chunk ([`crate::stream`]), in flat memory.
//!
//! The matcher works on one text at a time, so a large input is searched chunk by chunk (each
//! chunk cleaned alone, see [`crate::stream::chunk_clean_options`]) and positions are moved to
//! the whole input: a chunk starts a line, so columns stay and lines shift by the chunk's first
//! line. Records are written as each chunk is searched; with `--summary`, only per-concept
//! counts are kept ([`SummaryMerger`]), never the records of the whole input.

use super::report::{self, records_in_clean, ConceptCount, Document, Format, TermRecord};
use super::Matcher;
use crate::clean::{self, CleanOptions};
use crate::error::{Error, Result};
use crate::glossary::Glossary;
use crate::stream::{chunk_clean_options, Chunk, Input};
use std::collections::{BTreeMap, HashSet};
use std::io::Write;

/// The term occurrences of one chunk.
///
/// `line`/`end_line` (and the columns) are positions in the whole input; `start`/`end` stay
/// byte offsets in the chunk's text (add `chunk.text_offset` for offsets in the whole decoded
/// text), so that [`report::write_records`] given the chunk as the document shows the context.
pub fn records_in_chunk(
    matcher: &Matcher,
    glossary: &Glossary,
    chunk: &Chunk,
    clean: bool,
) -> Vec<TermRecord> {
    let cleaned = if clean {
        let opts = chunk_clean_options(&CleanOptions::default(), chunk.index);
        clean::clean_document(chunk.text(), &opts).0
    } else {
        clean::identity(chunk.text())
    };
    let doc = Document {
        name: &chunk.source.path,
        text: chunk.text(),
    };
    let shift = chunk.first_line.saturating_sub(1);
    let mut records = records_in_clean(matcher, glossary, &doc, &cleaned);
    for r in &mut records {
        r.line += shift;
        r.end_line += shift;
    }
    records
}

/// Per-concept counts gathered document by document (or chunk by chunk), equal to
/// [`report::summarize`] over all the records at once.
#[derive(Debug)]
pub struct SummaryMerger {
    /// Counts by concept index in the glossary (the tie order of `summarize`); keyed by index,
    /// not id, since TBX entries may have no id.
    counts: BTreeMap<usize, ConceptCount>,
    /// (concept index, document) pairs already counted in `docs`.
    seen: HashSet<(usize, String)>,
}

impl SummaryMerger {
    /// An empty summary for concepts of `glossary`.
    pub fn new(_glossary: &Glossary) -> Self {
        SummaryMerger {
            counts: BTreeMap::new(),
            seen: HashSet::new(),
        }
    }

    /// Adds `records`, all from the document named `doc`.
    pub fn add(&mut self, doc: &str, records: &[TermRecord], glossary: &Glossary) {
        for r in records {
            let Some(c) = glossary.concepts.get(r.concept) else {
                continue;
            };
            let e = self
                .counts
                .entry(r.concept)
                .or_insert_with(|| ConceptCount {
                    id: c.id.clone(),
                    fr: c.headword().to_string(),
                    en: c.preferred().to_string(),
                    category: c.category.clone(),
                    count: 0,
                    docs: 0,
                    flagged: 0,
                });
            e.count += 1;
            if r.is_flagged() {
                e.flagged += 1;
            }
            if self.seen.insert((r.concept, doc.to_string())) {
                e.docs += 1;
            }
        }
    }

    /// The counts, most frequent first (ties by headword, then glossary order).
    pub fn finish(self) -> Vec<ConceptCount> {
        let mut out: Vec<ConceptCount> = self.counts.into_values().collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.fr.cmp(&b.fr)));
        out
    }
}

/// Finds and writes the terms of `inputs` in order, streaming the [`Input::Chunks`] ones.
///
/// Inputs read whole are cleaned together (boilerplate shared between them is not searched),
/// as [`report::find_in_documents`] does; each streamed input is one document, searched chunk by
/// chunk. Output is that of [`report::write_records`] (one TSV header) or, with `summary`, of
/// [`report::write_summary`].
pub fn write_inputs(
    matcher: &Matcher,
    glossary: &Glossary,
    inputs: &mut [Input],
    clean: bool,
    format: Format,
    summary: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let wholes: Vec<Document<'_>> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::Whole(s) => Some(Document {
                name: &s.path,
                text: &s.text,
            }),
            Input::Chunks(_) => None,
        })
        .collect();
    let whole_records: Vec<Vec<TermRecord>> = if clean {
        let texts: Vec<&str> = wholes.iter().map(|d| d.text).collect();
        clean::clean_documents(&texts, &CleanOptions::default())
            .iter()
            .zip(&wholes)
            .map(|((ct, _), doc)| records_in_clean(matcher, glossary, doc, ct))
            .collect()
    } else {
        wholes
            .iter()
            .map(|doc| records_in_clean(matcher, glossary, doc, &clean::identity(doc.text)))
            .collect()
    };
    let mut sink = Sink {
        format,
        summary: summary.then(|| SummaryMerger::new(glossary)),
        header_done: false,
        out,
    };
    let mut whole_records = whole_records.into_iter();
    for input in inputs.iter_mut() {
        match input {
            Input::Whole(source) => {
                let records = whole_records.next().unwrap_or_default();
                let doc = Document {
                    name: &source.path,
                    text: &source.text,
                };
                sink.batch(&records, &doc, glossary)?;
            }
            Input::Chunks(reader) => {
                // The text view shows up to CONTEXT characters around each term, across line
                // ends: it is given the end of the previous chunk and the start of the next.
                let with_context = format == Format::Text && !summary;
                let mut tail = String::new();
                let mut chunks = reader.peekable();
                while let Some(chunk) = chunks.next() {
                    let chunk = chunk?;
                    let mut records = records_in_chunk(matcher, glossary, &chunk, clean);
                    if !with_context {
                        let doc = Document {
                            name: &chunk.source.path,
                            text: chunk.text(),
                        };
                        sink.batch(&records, &doc, glossary)?;
                        continue;
                    }
                    let head = match chunks.peek() {
                        Some(Ok(next)) => first_chars(next.text(), CONTEXT),
                        _ => "",
                    };
                    let text = format!("{tail}{}{head}", chunk.text());
                    for r in &mut records {
                        r.start += tail.len();
                        r.end += tail.len();
                    }
                    let doc = Document {
                        name: &chunk.source.path,
                        text: &text,
                    };
                    sink.batch(&records, &doc, glossary)?;
                    tail = last_chars(chunk.text(), CONTEXT).to_string();
                }
            }
        }
    }
    sink.finish()
}

/// Characters of context on each side of a term in the text view (as `report::write_records`).
const CONTEXT: usize = 40;

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The last `n` characters of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[start..]
}

/// Where batches of records go: the output, or the summary.
struct Sink<'w> {
    format: Format,
    summary: Option<SummaryMerger>,
    header_done: bool,
    out: &'w mut dyn Write,
}

impl Sink<'_> {
    fn batch(
        &mut self,
        records: &[TermRecord],
        doc: &Document<'_>,
        glossary: &Glossary,
    ) -> Result<()> {
        if let Some(merger) = &mut self.summary {
            merger.add(doc.name, records, glossary);
            return Ok(());
        }
        let docs = [*doc];
        if self.format == Format::Tsv && self.header_done {
            // `write_records` starts every call with the header: drop it after the first.
            let mut buf = Vec::new();
            report::write_records(records, self.format, &docs, &mut buf)?;
            let body = buf
                .iter()
                .position(|&b| b == b'\n')
                .map_or(buf.len(), |i| i + 1);
            self.out.write_all(&buf[body..]).map_err(Error::output)?;
        } else {
            report::write_records(records, self.format, &docs, self.out)?;
        }
        self.header_done = true;
        Ok(())
    }

    fn finish(self) -> Result<()> {
        match self.summary {
            Some(merger) => report::write_summary(&merger.finish(), self.format, self.out),
            None if !self.header_done => report::write_records(&[], self.format, &[], self.out),
            None => Ok(()),
        }
    }
}
