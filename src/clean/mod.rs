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
//! 1. **Line ends**: CRLF and a lone CR become LF (`markup`).
//! 2. **Markup**: comments, `<script>`/`<style>` elements and tags of known HTML elements are
//!    removed (block elements such as `<p>`, `<br>`, `<li>` end the line); link debris left by a
//!    lost `<a href=` (`"mailto:x@y" target="_blank" title="">x@y`) is removed so that the visible
//!    text stays; character references (`&amp;`, `&eacute;`, `&#8217;`, `&#x2019;`) are decoded
//!    from a table (numbers 0x80–0x9F as windows-1252, as browsers do). `<` and `>` that are not
//!    markup (`a < b`) are left alone.
//! 3. **White space** (`lines`): lines trimmed, runs collapsed, empty lines dropped.
//! 4. **Boilerplate** (`boilerplate`): with several documents, every run of at least
//!    [`CleanOptions::min_block_lines`] consecutive lines that each occur in another document is
//!    removed (2 lines suffice at the very start or end of a document); a single shared line is
//!    body text and stays, and so does the contact block that ends a release (from its "Pour plus
//!    d’informations…" / "For more information…" line on), which releases from one press office
//!    share. Known boilerplate texts ([`CleanOptions::boilerplate`]) are removed the
//!    same way. Then a leading site-navigation menu (bullets `- X`, lone `-`, repeated labels,
//!    labels glued to their blurb, at least 4 lines, followed by the title) is removed even from a
//!    document cleaned alone.
//! 5. **Unwrapping** (`unwrap`): a blank line always ends a paragraph. A document whose lines
//!    are mostly wrapped mid-sentence (at least 3 and a quarter of its line ends are followed by
//!    a lower-case line, median line ≤ 100 characters) is rejoined into paragraphs: a line goes
//!    on after a comma, a function word, an abbreviation, a split compound (`Sud-` / `Sud`,
//!    joined without space) or before a lower-case word; a line break stays after a sentence end
//!    before a capital, before a dateline (`Argentine - `), a list item, a contact label or a
//!    contact opener, after `veuillez contacter:`, and wherever the next word would have fitted
//!    on the line (the line was not wrapped). In every other document only an obvious wrap
//!    (a line ending in a letter or comma, then a lower-case line: `veuillez` / `contacter:`)
//!    and a contact label alone on its line (`E-mail:` / `x@y`) are joined.
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
    /// Removals in document order (sorted by line).
    pub removals: Vec<Removal>,
}

/// Why cleaning removed something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalKind {
    /// A block of lines shared with another document cleaned together.
    Boilerplate,
    /// Lines of a known boilerplate text ([`CleanOptions::boilerplate`], a learned
    /// [`Boilerplate`]).
    KnownBoilerplate,
    /// A leading site-navigation menu.
    Navigation,
    /// A tag, comment or link debris.
    Markup,
    /// A paragraph rejoined from hard-wrapped lines.
    Unwrap,
}

impl RemovalKind {
    /// The name used in reports: `boilerplate`, `known-boilerplate`, `navigation`, `markup`,
    /// `unwrap`.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalKind::Boilerplate => "boilerplate",
            RemovalKind::KnownBoilerplate => "known-boilerplate",
            RemovalKind::Navigation => "navigation",
            RemovalKind::Markup => "markup",
            RemovalKind::Unwrap => "unwrap",
        }
    }
}

impl std::fmt::Display for RemovalKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One removal: what kind, where in the original, and the text removed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Removal {
    /// Why it was removed. For [`RemovalKind::Unwrap`], `line` is the paragraph's first wrapped
    /// line and `text` holds one `\n` per line break removed.
    pub kind: RemovalKind,
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

/// Total input size from which documents are cleaned on several threads.
const PARALLEL_BYTES: usize = 1 << 20;

/// Cleaning built once and applied per document or per batch: the options with their known
/// boilerplate texts prepared (normalised) once, not on every call. `Send + Sync`.
///
/// ```
/// use trame::clean::{Boilerplate, CleanOptions, Cleaner};
///
/// let footer = "Partager sur Facebook\nPartager sur LinkedIn\nImprimer la page";
/// let sample = [
///     format!("Titre A\nLe texte A.\n{footer}"),
///     format!("Titre B\nLe texte B.\n{footer}"),
/// ];
/// let texts: Vec<&str> = sample.iter().map(String::as_str).collect();
/// let cleaner = Cleaner::new(CleanOptions::default());
/// let learned = cleaner.learn_boilerplate(&texts);
/// assert_eq!(learned.blocks(), [footer]);
///
/// // Later, one document at a time (a worker, a stream): the learned block still goes.
/// let cleaner = cleaner.with_boilerplate(&learned);
/// let (clean, _report) = cleaner.clean(&format!("Titre C\nLe texte C.\n{footer}"));
/// assert_eq!(clean.text, "Titre C\nLe texte C.");
/// ```
#[derive(Debug, Clone)]
pub struct Cleaner {
    options: CleanOptions,
    /// The known boilerplate texts, prepared as documents are.
    known: Vec<String>,
}

impl Cleaner {
    /// Prepares `options` (its known boilerplate texts) for cleaning.
    pub fn new(options: CleanOptions) -> Cleaner {
        let known = options
            .boilerplate
            .iter()
            .map(|t| prepare(t, &options).map.text)
            .collect();
        Cleaner { options, known }
    }

    /// The options this cleaner applies.
    pub fn options(&self) -> &CleanOptions {
        &self.options
    }

    /// This cleaner with `learned`'s blocks added to the known boilerplate.
    pub fn with_boilerplate(mut self, learned: &Boilerplate) -> Cleaner {
        for block in &learned.blocks {
            self.known.push(prepare(block, &self.options).map.text);
            self.options.boilerplate.push(block.clone());
        }
        self
    }

    /// Cleans one document alone (known boilerplate, plus single-document heuristics).
    pub fn clean(&self, text: &str) -> (CleanText, CleanReport) {
        self.clean_together(&[text])
            .pop()
            .unwrap_or_else(|| (identity(text), CleanReport::default()))
    }

    /// Cleans several documents together: blocks of lines shared by two or more of them are
    /// boilerplate (with [`CleanOptions::shared_blocks`]).
    pub fn clean_together(&self, texts: &[&str]) -> Vec<(CleanText, CleanReport)> {
        let opts = &self.options;
        // Threads pay off only on big inputs; small ones stay on the caller's thread.
        let parallel = texts.iter().map(|t| t.len()).sum::<usize>() >= PARALLEL_BYTES;
        let prepared: Vec<Prepared> = if parallel {
            texts.par_iter().map(|t| prepare(t, opts)).collect()
        } else {
            texts.iter().map(|t| prepare(t, opts)).collect()
        };
        let line_sets: Vec<Vec<&str>> = prepared.iter().map(Prepared::line_strs).collect();
        let shared = if opts.shared_blocks && texts.len() > 1 {
            boilerplate::shared_lines(&line_sets)
        } else {
            line_sets.iter().map(|l| vec![false; l.len()]).collect()
        };
        let known_refs: Vec<&str> = self.known.iter().map(String::as_str).collect();
        let known = boilerplate::Known::new(&known_refs);
        let finish_one = |((p, original), shared): ((&Prepared, &&str), &Vec<bool>)| {
            finish(original, p, shared, &known, opts)
        };
        if parallel {
            prepared
                .par_iter()
                .zip(texts)
                .zip(&shared)
                .map(finish_one)
                .collect()
        } else {
            prepared
                .iter()
                .zip(texts)
                .zip(&shared)
                .map(finish_one)
                .collect()
        }
    }

    /// Learns the boilerplate of a sample of documents: the blocks that cleaning them together
    /// removes as shared between documents, each once, in order of first removal. Applied with
    /// [`Cleaner::with_boilerplate`], they are removed from documents cleaned one at a time.
    pub fn learn_boilerplate(&self, sample: &[&str]) -> Boilerplate {
        let mut blocks: Vec<String> = Vec::new();
        for (_, report) in self.clean_together(sample) {
            for r in report.removals {
                if r.kind == RemovalKind::Boilerplate && !blocks.contains(&r.text) {
                    blocks.push(r.text);
                }
            }
        }
        Boilerplate { blocks }
    }
}

/// Boilerplate learned from a sample of documents ([`Cleaner::learn_boilerplate`]): texts to
/// remove wherever their lines occur as a block. A plain value: save [`Boilerplate::blocks`]
/// and rebuild it with [`Boilerplate::from_blocks`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Boilerplate {
    blocks: Vec<String>,
}

impl Boilerplate {
    /// Boilerplate made of the given blocks (e.g. saved from an earlier run).
    pub fn from_blocks(blocks: Vec<String>) -> Boilerplate {
        Boilerplate { blocks }
    }

    /// The blocks, one text each (lines separated by `\n`).
    pub fn blocks(&self) -> &[String] {
        &self.blocks
    }
}

/// Cleans several documents together: blocks of lines shared by two or more of them are
/// boilerplate. A shorthand for [`Cleaner::clean_together`] with options used once.
pub fn clean_documents(texts: &[&str], opts: &CleanOptions) -> Vec<(CleanText, CleanReport)> {
    Cleaner::new(opts.clone()).clean_together(texts)
}

/// Cleans one document alone (known boilerplate from `opts`, plus single-document heuristics).
/// A shorthand for [`Cleaner::clean`] with options used once.
pub fn clean_document(text: &str, opts: &CleanOptions) -> (CleanText, CleanReport) {
    Cleaner::new(opts.clone()).clean(text)
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
            kind: RemovalKind::Markup,
            line: line_of(r.orig),
            text: r.text.clone(),
        });
    }

    let lines = p.line_strs();
    // Why each line goes, if it does.
    let mut gone: Vec<Option<RemovalKind>> = vec![None; lines.len()];
    let min_block = opts.min_block_lines.max(1);
    let mut shared = shared.to_vec();
    if let Some(c) = boilerplate::contact_block_start(&lines) {
        shared[c..].iter_mut().for_each(|s| *s = false);
    }
    let remove_shared = boilerplate::runs_to_remove(&shared, min_block, min_block.min(2));
    mark(&mut gone, &remove_shared, RemovalKind::Boilerplate);
    if !known.is_empty() {
        let flags = known.flags(&lines);
        let min = known.min_block.min(min_block);
        mark(
            &mut gone,
            &boilerplate::runs_to_remove(&flags, min, min),
            RemovalKind::KnownBoilerplate,
        );
    }
    if opts.navigation {
        // From the very start: a menu partly removed as shared boilerplate (one entry differed
        // between documents) is still recognised whole, and its leftovers go.
        let nav = boilerplate::leading_navigation(&lines);
        for g in &mut gone[..nav] {
            g.get_or_insert(RemovalKind::Navigation);
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
    // One report entry per paragraph rejoined: its first joined line, and the line breaks.
    let mut unwrapped: Option<Removal> = None;
    for (k, &i) in kept.iter().enumerate() {
        if k > 0 {
            // The line break that ended the previous kept line in the prepared text.
            let prev_end = p.lines[kept[k - 1]].end;
            let nl = prev_end..prev_end + 1;
            match joins[k - 1] {
                Join::Break => {
                    b.copy(&p.map, nl);
                    report.removals.extend(unwrapped.take());
                }
                Join::Space | Join::Glue => {
                    if joins[k - 1] == Join::Space {
                        b.synth(" ", &p.map, nl);
                    }
                    unwrapped
                        .get_or_insert_with(|| Removal {
                            kind: RemovalKind::Unwrap,
                            line: line_of(p.map.orig_offset(prev_end)),
                            text: String::new(),
                        })
                        .text
                        .push('\n');
                }
            }
        }
        b.copy(&p.map, p.lines[i].clone());
    }
    report.removals.extend(unwrapped);
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

fn mark(gone: &mut [Option<RemovalKind>], remove: &[bool], kind: RemovalKind) {
    for (g, &r) in gone.iter_mut().zip(remove) {
        if r && g.is_none() {
            *g = Some(kind);
        }
    }
}

/// One report entry per run of removed lines of the same kind.
fn report_blocks(
    p: &Prepared,
    gone: &[Option<RemovalKind>],
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
            kind,
            line: line_of(p.map.orig_offset(p.lines[start].start)),
            text: text.join("\n"),
        });
    }
}

#[cfg(test)]
mod tests;
