//! Cleaning of scraped releases: boilerplate shared across documents, hard-wrapped lines, HTML debris.
//!
//! The cleaned text keeps a map back to the original text, so later stages (segments, term
//! occurrences) report positions in the file the user gave.
//!
//! # Output shape
//! One paragraph per line, lines separated by `\n`, no empty line, no leading or trailing white
//! space: a title, a heading, a paragraph, a contact-block line each sit on their own line, so a
//! segmenter may treat every line end as a hard break. Inside a line every run of white space is
//! one ASCII space, except that a run holding a non-breaking space (U+00A0, U+202F, U+2007) becomes
//! that non-breaking space (French typography puts them before `: ; ! ? »`). Invisible characters
//! (zero-width space, word joiner, BOM, soft hyphen) are dropped. Text is never corrected: typos
//! stay.
//!
//! # Rules, in order
//! 1. **Line ends**: CRLF and a lone CR become LF ([`markup`]).
//! 2. **Markup**: comments, `<script>`/`<style>` elements and tags of known HTML elements are
//!    removed (block elements such as `<p>`, `<br>`, `<li>` end the line); link debris left by a
//!    lost `<a href=` (`"mailto:x@y" target="_blank" title="">x@y`) is removed so that the visible
//!    text stays; character references (`&amp;`, `&eacute;`, `&#8217;`, `&#x2019;`) are decoded
//!    from a table. `<` and `>` that are not markup (`a < b`) are left alone.
//! 3. **White space** ([`lines`]): lines trimmed, runs collapsed, empty lines dropped.
//! 4. **Boilerplate** ([`boilerplate`]): with several documents, every run of at least
//!    [`CleanOptions::min_block_lines`] consecutive lines that each occur in another document is
//!    removed (2 lines suffice at the very start or end of a document); a single shared line is
//!    body text and stays, and so does the contact block that ends a release (from its "Pour plus
//!    d’informations…" / "For more information…" line on), which releases from one press office
//!    share. Known boilerplate texts ([`CleanOptions::boilerplate`]) are removed the
//!    same way. Then a leading site-navigation menu (bullets `- X`, lone `-`, repeated labels,
//!    labels glued to their blurb) is removed even from a document cleaned alone.
//! 5. **Unwrapping** ([`unwrap`]): a document whose lines are mostly wrapped mid-sentence is
//!    rejoined into paragraphs; in every document an obvious wrap (`veuillez` / `contacter:`) and
//!    a contact label alone on its line (`E-mail:` / `x@y`) are joined.
//!
//! Every step is linear in the input size (shared lines are found with one hash map).

mod boilerplate;
mod lines;
mod markup;
mod offsets;
mod unwrap;

use offsets::{Builder, Mapped};
use rayon::prelude::*;
use std::ops::Range;
use unwrap::Join;

/// Options for cleaning.
#[derive(Debug, Clone)]
pub struct CleanOptions {
    /// Known boilerplate texts (e.g. from `--boilerplate FILE`): their lines are removed wherever
    /// they occur in blocks (see [`CleanOptions::min_block_lines`]; a known text shorter than that
    /// is removed wherever its lines occur).
    pub boilerplate: Vec<String>,
    /// Remove blocks of lines shared by two or more documents (`clean_documents`). Default: true.
    pub shared_blocks: bool,
    /// Shortest run of shared lines that counts as a boilerplate block. Default: 3.
    pub min_block_lines: usize,
    /// Remove a leading site-navigation menu found by its shape. Default: true.
    pub navigation: bool,
    /// Remove HTML tags and link debris and decode entities. Default: true.
    pub markup: bool,
    /// Rejoin hard-wrapped lines and contact labels with their values. Default: true.
    pub unwrap: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            boilerplate: Vec::new(),
            shared_blocks: true,
            min_block_lines: 3,
            navigation: true,
            markup: true,
            unwrap: true,
        }
    }
}

/// A cleaned document: one paragraph (or heading, or contact line) per line, `\n`-separated,
/// plus a map from each byte of the cleaned text back to the original text.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// The cleaned text.
    pub text: String,
    /// The map to the original text (see `offsets`).
    pieces: Vec<offsets::Piece>,
}

impl CleanText {
    /// Byte offset in the original text of byte `clean_offset` of the cleaned text.
    ///
    /// A byte copied verbatim maps to the same byte of the original; a byte of a character that
    /// replaced something (a decoded entity, the space that replaced a line break) maps to the
    /// start of what it replaced. `text.len()` and beyond map to the end of the last source span.
    pub fn original_offset(&self, clean_offset: usize) -> usize {
        offsets::orig_offset(&self.pieces, self.text.len(), clean_offset)
    }

    /// The span of the original text that the cleaned span `range` came from: from the source of
    /// its first byte to the end of the source of its last byte (both on char boundaries when
    /// `range` is).
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        offsets::orig_range(&self.pieces, self.text.len(), range)
    }
}

/// What cleaning removed or changed in one document.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CleanReport {
    pub removals: Vec<Removal>,
}

/// One removal: what kind, where in the original, and the text removed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Removal {
    /// `boilerplate` (shared with another document), `known-boilerplate`, `navigation`,
    /// `markup` (a tag, comment or link debris), or `unwrap` (a line break joined; text `\n`).
    pub kind: String,
    /// 1-based first line in the original.
    pub line: usize,
    /// The removed text.
    pub text: String,
}

/// A document after markup and white-space cleaning: normalised lines, ready for boilerplate.
struct Prepared {
    map: Mapped,
    /// Line ranges in `map.text`.
    lines: Vec<Range<usize>>,
    /// For each line, whether a blank line came before it.
    gaps: Vec<bool>,
    markup: Vec<markup::MarkupRemoval>,
}

fn prepare(text: &str, opts: &CleanOptions) -> Prepared {
    let mut map = markup::normalize_line_ends(&Mapped::identity(text));
    let mut removed = Vec::new();
    if opts.markup {
        let (m, r) = markup::strip_markup(&map);
        map = m;
        removed = r;
    }
    let (map, gaps) = lines::normalize_lines(&map);
    let mut ranges = Vec::new();
    if !map.text.is_empty() {
        let mut start = 0;
        for (i, _) in map.text.match_indices('\n') {
            ranges.push(start..i);
            start = i + 1;
        }
        ranges.push(start..map.text.len());
    }
    Prepared {
        map,
        lines: ranges,
        gaps,
        markup: removed,
    }
}

impl Prepared {
    fn line_strs(&self) -> Vec<&str> {
        self.lines
            .iter()
            .map(|r| &self.map.text[r.clone()])
            .collect()
    }
}

/// Cleans several documents together: blocks of lines shared by two or more of them are boilerplate.
pub fn clean_documents(texts: &[&str], opts: &CleanOptions) -> Vec<(CleanText, CleanReport)> {
    let prepared: Vec<Prepared> = texts.par_iter().map(|t| prepare(t, opts)).collect();
    let line_sets: Vec<Vec<&str>> = prepared.iter().map(Prepared::line_strs).collect();
    let shared = if opts.shared_blocks && texts.len() > 1 {
        boilerplate::shared_lines(&line_sets)
    } else {
        line_sets.iter().map(|l| vec![false; l.len()]).collect()
    };
    let known_texts: Vec<String> = opts
        .boilerplate
        .iter()
        .map(|t| prepare(t, opts).map.text)
        .collect();
    let known_refs: Vec<&str> = known_texts.iter().map(String::as_str).collect();
    let known = boilerplate::Known::new(&known_refs);
    prepared
        .par_iter()
        .zip(texts)
        .zip(&shared)
        .map(|((p, original), shared)| finish(original, p, shared, &known, opts))
        .collect()
}

/// Cleans one document alone (known boilerplate from `opts`, plus single-document heuristics).
pub fn clean_document(text: &str, opts: &CleanOptions) -> (CleanText, CleanReport) {
    clean_documents(&[text], opts)
        .pop()
        .unwrap_or_else(|| (identity(text), CleanReport::default()))
}

/// A cleaned text that is the original itself (for `--no-clean`): the identity map.
pub fn identity(text: &str) -> CleanText {
    let map = Mapped::identity(text);
    CleanText {
        text: map.text,
        pieces: map.pieces,
    }
}

/// Boilerplate removal, unwrapping and assembly of one prepared document.
fn finish(
    original: &str,
    p: &Prepared,
    shared: &[bool],
    known: &boilerplate::Known,
    opts: &CleanOptions,
) -> (CleanText, CleanReport) {
    let starts = line_starts(original);
    let line_of = |orig: usize| starts.partition_point(|&s| s <= orig).max(1);
    let mut report = CleanReport::default();
    for r in &p.markup {
        report.removals.push(Removal {
            kind: "markup".into(),
            line: line_of(r.orig),
            text: r.text.clone(),
        });
    }

    let lines = p.line_strs();
    // Why each line goes, if it does.
    let mut gone: Vec<Option<&'static str>> = vec![None; lines.len()];
    let min_block = opts.min_block_lines.max(1);
    let mut shared = shared.to_vec();
    if let Some(c) = boilerplate::contact_block_start(&lines) {
        shared[c..].iter_mut().for_each(|s| *s = false);
    }
    let remove_shared = boilerplate::runs_to_remove(&shared, min_block, min_block.min(2));
    mark(&mut gone, &remove_shared, "boilerplate");
    if !known.is_empty() {
        let flags = known.flags(&lines);
        let min = known.min_block.min(min_block);
        mark(
            &mut gone,
            &boilerplate::runs_to_remove(&flags, min, min),
            "known-boilerplate",
        );
    }
    if opts.navigation {
        // From the very start: a menu partly removed as shared boilerplate (one entry differed
        // between documents) is still recognised whole, and its leftovers go.
        let nav = boilerplate::leading_navigation(&lines);
        for g in &mut gone[..nav] {
            g.get_or_insert("navigation");
        }
    }
    report_blocks(p, &gone, &line_of, &mut report);

    let kept: Vec<usize> = (0..lines.len()).filter(|&i| gone[i].is_none()).collect();
    let kept_lines: Vec<&str> = kept.iter().map(|&i| lines[i]).collect();
    // A blank line, or removed lines, between two kept lines: they are not one paragraph.
    let gaps: Vec<bool> = kept
        .windows(2)
        .map(|w| w[1] > w[0] + 1 || p.gaps[w[1]])
        .collect();
    let joins = if opts.unwrap {
        let wrapped = unwrap::is_hard_wrapped(&kept_lines);
        unwrap::decide_joins(&kept_lines, &gaps, wrapped)
    } else {
        vec![Join::Break; kept_lines.len().saturating_sub(1)]
    };

    let mut b = Builder::with_capacity(p.map.text.len());
    for (k, &i) in kept.iter().enumerate() {
        if k > 0 {
            // The line break that ended the previous kept line in the prepared text.
            let prev_end = p.lines[kept[k - 1]].end;
            let nl = prev_end..prev_end + 1;
            match joins[k - 1] {
                Join::Break => b.copy(&p.map, nl),
                Join::Space => {
                    b.synth(" ", &p.map, nl.clone());
                    report.removals.push(Removal {
                        kind: "unwrap".into(),
                        line: line_of(p.map.orig_offset(prev_end)),
                        text: "\n".into(),
                    });
                }
                Join::Glue => report.removals.push(Removal {
                    kind: "unwrap".into(),
                    line: line_of(p.map.orig_offset(prev_end)),
                    text: "\n".into(),
                }),
            }
        }
        b.copy(&p.map, p.lines[i].clone());
    }
    debug_assert!(b.len() <= p.map.text.len());
    let map = b.finish();
    report.removals.sort_by_key(|r| r.line);
    (
        CleanText {
            text: map.text,
            pieces: map.pieces,
        },
        report,
    )
}

/// Byte offsets where the lines of `text` start (line ends `\n`, `\r\n`, lone `\r`, as in
/// [`crate::document::LineIndex`]); only line numbers are needed here, not columns.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

fn mark(gone: &mut [Option<&'static str>], remove: &[bool], kind: &'static str) {
    for (g, &r) in gone.iter_mut().zip(remove) {
        if r && g.is_none() {
            *g = Some(kind);
        }
    }
}

/// One report entry per run of removed lines of the same kind.
fn report_blocks(
    p: &Prepared,
    gone: &[Option<&'static str>],
    line_of: &dyn Fn(usize) -> usize,
    report: &mut CleanReport,
) {
    let mut i = 0;
    while i < gone.len() {
        let Some(kind) = gone[i] else {
            i += 1;
            continue;
        };
        let start = i;
        while i < gone.len() && gone[i] == Some(kind) {
            i += 1;
        }
        let text: Vec<&str> = p.lines[start..i]
            .iter()
            .map(|r| &p.map.text[r.clone()])
            .collect();
        report.removals.push(Removal {
            kind: kind.into(),
            line: line_of(p.map.orig_offset(p.lines[start].start)),
            text: text.join("\n"),
        });
    }
}

#[cfg(test)]
mod tests;
