//! Sentence segmentation with SRX 2.0 rules (Java regex dialect translated), built-in rules for
//! French and English.
//!
//! * [`srx`] reads an SRX 2.0 document into plain data;
//! * [`java_regex`] translates its Java-dialect patterns into `fancy-regex` syntax;
//! * [`engine`] finds break positions efficiently;
//! * this module ties them together: [`Segmenter`] picks the rule sets for a language (language
//!   maps, cascading), and cuts text into clean [`Segment`]s.
//!
//! Every line end (`\n`, `\r\n`, lone `\r`) in the segmented text is a hard break: the cleaner
//! puts one paragraph, heading or contact line per line, and no SRX rule is asked about line ends.
//!
//! What of SRX 2.0 is honoured: `<languagerule>` sets with their rules in order; `<maprules>`
//! (`languagepattern` is a Java regex that must match the whole language code); `cascade="yes"`
//! (the sets of every matching map, concatenated in map order) or `"no"` (first matching map
//! only); `break="yes|no"` (default yes); empty or absent `beforebreak`/`afterbreak`.
//! Accepted without effect, with a warning in [`Segmenter::warnings`]: `segmentsubflows` (plain
//! text has no subflows), `<formathandle>` (no inline codes), Okapi `okpsrx:` extensions
//! (`useJavaRegex`, `trimLeadingWhitespaces`, `useIcu4jBreakRules`…; trame always trims and
//! normalises whitespace, and has no ICU base breaker). Rule patterns are translated from Java's
//! dialect by [`java_regex`]; what cannot be translated faithfully is an error naming the file,
//! the rule's line and column, the rule set and the construct.
//!
//! Segment text is trimmed and its whitespace runs become one space, except a lone no-break
//! space (U+00A0, U+202F), kept because it is French typography, not layout.

mod engine;
mod java_regex;
pub mod offsets;
mod prefilter;
pub mod srx;
pub mod stream;

use crate::clean::CleanText;
use crate::error::{Error, Result};
use engine::{CompiledRule, Engine};

/// The built-in French rules (our own SRX file).
pub const FR_SRX: &str = include_str!("rules/fr.srx");
/// The built-in English rules (our own SRX file).
pub const EN_SRX: &str = include_str!("rules/en.srx");

/// One segment: its normalised text and its byte span in the text that was segmented.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    /// The segment text, whitespace normalised (single spaces, trimmed): what a CAT tool shows.
    pub text: String,
    /// Byte offset of the segment's first character in the segmented text.
    pub start: usize,
    /// Byte offset just past the segment's last character.
    pub end: usize,
}

/// A segmenter for one language, built once from SRX rules; `Send + Sync`, reusable across threads.
#[derive(Debug, Clone)]
pub struct Segmenter {
    lang: String,
    engine: Engine,
    warnings: Vec<crate::Warning>,
}

impl Segmenter {
    /// The built-in rules for `lang` (`fr`, `en`; other codes fall back to the default rules).
    pub fn builtin(lang: &str) -> Result<Self> {
        let lower = lang.to_ascii_lowercase();
        if lower.starts_with("en") {
            Self::from_srx_named(EN_SRX, lang, "<built-in en.srx>")
        } else {
            Self::from_srx_named(FR_SRX, lang, "<built-in fr.srx>")
        }
    }

    /// Rules read from an SRX 2.0 document, for language code `lang`; errors call the document
    /// `name` (a file name, say) with the line and column.
    pub fn from_srx(srx_xml: &str, lang: &str, name: &str) -> Result<Self> {
        Self::from_srx_named(srx_xml, lang, name)
    }

    /// Rules read from the SRX 2.0 file at `path` (errors name the file, line and column).
    pub fn from_srx_file(path: &str, lang: &str) -> Result<Self> {
        let source = crate::input::read_source(path, None)?;
        Self::from_srx_named(&source.text, lang, path)
    }

    /// Rules read from an SRX 2.0 document; `name` is the file name shown in errors.
    ///
    /// Language maps are tried in order; `languagepattern` must match the whole code. With
    /// `cascade="yes"` the rule sets of all matching maps are concatenated in map order, otherwise
    /// only the first matching map's set is used. A code no map matches is an error.
    pub fn from_srx_named(srx_xml: &str, lang: &str, name: &str) -> Result<Self> {
        let doc =
            srx::parse(srx_xml).map_err(|e| Error::syntax(name, e.line, e.column, e.message))?;
        let mut warnings = doc.warnings.clone();
        warnings.dedup();
        let mut rules = Vec::new();
        let mut matched = Vec::new();
        for map in &doc.maps {
            let pattern = java_regex::translate(&map.pattern).map_err(|e| {
                Error::syntax(
                    name,
                    map.line,
                    1,
                    format!("languagepattern `{}`: {e}", map.pattern),
                )
            })?;
            let re = regex::Regex::new(&format!("^(?:{pattern})$")).map_err(|e| {
                Error::syntax(
                    name,
                    map.line,
                    1,
                    format!("languagepattern `{}`: {e}", map.pattern),
                )
            })?;
            if !re.is_match(lang) {
                continue;
            }
            matched.push(map.rule_name.clone());
            // `parse` checked that every map names an existing rule set.
            if let Some(set) = doc.language_rules.iter().find(|s| s.name == map.rule_name) {
                for (k, rule) in set.rules.iter().enumerate() {
                    rules.push(compile_rule(name, &set.name, k + 1, rule)?);
                }
            }
            if !doc.cascade {
                break;
            }
        }
        if matched.is_empty() {
            return Err(Error::invalid(
                name,
                format!("no <languagemap> matches language `{lang}`"),
            ));
        }
        Ok(Segmenter {
            lang: lang.to_string(),
            engine: Engine::new(rules),
            warnings,
        })
    }

    /// The language code this segmenter was built for.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Number of rules in force (after cascading).
    pub fn rule_count(&self) -> usize {
        self.engine.len()
    }

    /// What the SRX file held that trame reads but does not implement (Okapi options…).
    pub fn warnings(&self) -> &[crate::Warning] {
        &self.warnings
    }

    /// An error if a rule hit the backtracking limit on the text segmented so far (catastrophic
    /// backtracking, e.g. nested quantifiers over a back-reference): the rule was left out
    /// after its first failure, so time stays bounded, but the result is not what the rules
    /// say. `name` is the rules file, for the message.
    pub fn check_exhausted(&self, name: &str) -> Result<()> {
        let rules = self.engine.exhausted();
        if rules.is_empty() {
            return Ok(());
        }
        Err(Error::invalid(
            name,
            format!(
                "{} needed more than {} backtracking steps at one position (catastrophic \
                 backtracking): rewrite the pattern without nested quantifiers",
                rules.join("; "),
                engine::BACKTRACK_LIMIT
            ),
        ))
    }

    /// Splits `text` into segments. Every line end (`\n`, `\r\n`, or a lone `\r`) is a hard
    /// break (paragraphs, headings); inside a line, the SRX rules decide.
    ///
    /// Lines are independent, so a large text is cut at line ends into chunks segmented in
    /// parallel (rayon); the result is the same as a sequential run, in order.
    pub fn segment(&self, text: &str) -> Vec<Segment> {
        if text.len() < PARALLEL_CHUNK * 2 {
            let mut out = Vec::new();
            self.segment_into(text, 0, &mut out);
            return out;
        }
        use rayon::prelude::*;
        let chunks = line_chunks(text, PARALLEL_CHUNK);
        let parts: Vec<Vec<Segment>> = chunks
            .par_iter()
            .map(|&(start, end)| {
                let mut out = Vec::new();
                self.segment_into(&text[start..end], start, &mut out);
                out
            })
            .collect();
        let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for part in parts {
            out.extend(part);
        }
        out
    }

    /// Segments `text` (which starts at byte `base` of the caller's text) into `out`.
    fn segment_into(&self, text: &str, base: usize, out: &mut Vec<Segment>) {
        for (line_start, line) in lines(text) {
            let mut from = 0;
            for cut in self
                .engine
                .breaks(line)
                .into_iter()
                .chain(std::iter::once(line.len()))
            {
                if let Some(seg) = make_segment(line, from, cut, base + line_start) {
                    out.push(seg);
                }
                from = cut;
            }
        }
    }

    /// Segments a cleaned document; the spans refer to the original text the cleaning came from.
    pub fn segment_clean(&self, clean: &CleanText) -> Vec<Segment> {
        self.segment(&clean.text)
            .into_iter()
            .map(|s| {
                let r = clean.original_range(s.start..s.end);
                Segment {
                    text: s.text,
                    start: r.start,
                    end: r.end,
                }
            })
            .collect()
    }
}

/// Size (bytes) of the pieces a large text is cut into for parallel segmentation.
const PARALLEL_CHUNK: usize = 256 * 1024;

/// Cuts `text` into `(start, end)` pieces of about `size` bytes, each ending just after a `\n`
/// (or at the end of the text), so that no line is split.
fn line_chunks(text: &str, size: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let target = (start + size).min(bytes.len());
        let end = match bytes[target..].iter().position(|&b| b == b'\n') {
            Some(k) => target + k + 1,
            None => bytes.len(),
        };
        chunks.push((start, end));
        start = end;
    }
    chunks
}

/// The lines of `text` without their terminators, with their byte offsets.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let rest = &bytes[start..];
        let (len, term) = match memchr::memchr2(b'\n', b'\r', rest) {
            Some(k) if rest[k] == b'\r' && rest.get(k + 1) == Some(&b'\n') => (k, 2),
            Some(k) => (k, 1),
            None => (rest.len(), 0),
        };
        let line = (start, &text[start..start + len]);
        start += len + term;
        Some(line)
    })
}

fn compile_rule(file: &str, set: &str, index: usize, rule: &srx::SrxRule) -> Result<CompiledRule> {
    let origin = format!("rule {index} of languagerule `{set}`");
    let fail = |part: &str, pattern: &str, msg: String| {
        Error::syntax(
            file,
            rule.line,
            rule.column,
            format!("{origin}: {part} `{pattern}`: {msg}"),
        )
    };
    let before = java_regex::translate(&rule.before)
        .map_err(|e| fail("beforebreak", &rule.before, e.to_string()))?;
    let after = java_regex::translate(&rule.after)
        .map_err(|e| fail("afterbreak", &rule.after, e.to_string()))?;
    CompiledRule::new(rule.is_break, &before, &after, origin.clone()).map_err(|e| {
        let java = if e.part == "beforebreak" {
            &rule.before
        } else {
            &rule.after
        };
        fail(e.part, java, e.message)
    })
}

/// The segment for `line[from..to]`, trimmed and with whitespace runs normalised; `None` if blank.
///
/// A run of whitespace becomes one space, except a lone no-break space (U+00A0, U+202F), which
/// is French typography (before `:` `;` `%`, inside `« »`) rather than layout, and is kept.
fn make_segment(line: &str, from: usize, to: usize, base: usize) -> Option<Segment> {
    let piece = &line[from..to];
    let trimmed = piece.trim_start();
    let lead = piece.len() - trimmed.len();
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return None;
    }
    let start = base + from + lead;
    if is_normalised(trimmed) {
        return Some(Segment {
            text: trimmed.to_string(),
            start,
            end: start + trimmed.len(),
        });
    }
    let mut text = String::with_capacity(trimmed.len());
    let mut run: Option<(char, usize)> = None; // first char of the current whitespace run, length
    for c in trimmed.chars() {
        if c.is_whitespace() {
            run = Some(match run {
                None => (c, 1),
                Some((first, n)) => (first, n + 1),
            });
        } else {
            if let Some((first, n)) = run.take() {
                if n == 1 && (first == '\u{A0}' || first == '\u{202F}') {
                    text.push(first);
                } else {
                    text.push(' ');
                }
            }
            text.push(c);
        }
    }
    Some(Segment {
        text,
        start,
        end: start + trimmed.len(),
    })
}

/// True when every whitespace in `s` is already a lone ASCII space (the common case, copied as is).
///
/// Works on bytes; only the lead bytes of the non-ASCII whitespace characters (U+0085, U+00A0,
/// U+1680, U+2000–U+3000 ranges: lead bytes C2, E1, E2, E3) need decoding.
fn is_normalised(s: &str) -> bool {
    let bytes = s.as_bytes();
    // Line ends never occur inside a line; the other ASCII spaces and double spaces are rare.
    if memchr::memmem::find(bytes, b"  ").is_some()
        || memchr::memchr3(b'\t', 0x0B, 0x0C, bytes).is_some()
    {
        return false;
    }
    let whitespace_at = |i: usize| s[i..].chars().next().is_some_and(char::is_whitespace);
    !(memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).any(whitespace_at)
        || memchr::memchr_iter(0xE1, bytes).any(whitespace_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_check_spots_every_kind_of_whitespace() {
        assert!(is_normalised("Un essai « cité » l’été…"));
        assert!(!is_normalised("Un  essai"));
        assert!(!is_normalised("Un\tessai"));
        assert!(!is_normalised("Un\u{A0}essai"));
        assert!(!is_normalised("Un\u{2009}essai"));
        assert!(!is_normalised("Un\u{3000}essai"));
    }

    #[test]
    fn segmenter_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Segmenter>();
    }

    #[test]
    fn whitespace_is_normalised_and_spans_point_at_the_text() {
        let s = Segmenter::builtin("fr").unwrap();
        let text = "  Un  \t essai.\nDeux.";
        let segs = s.segment(text);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].text, "Un essai.");
        assert_eq!(&text[segs[0].start..segs[0].end], "Un  \t essai.");
        assert_eq!(segs[1].text, "Deux.");
        assert_eq!(&text[segs[1].start..segs[1].end], "Deux.");
    }

    #[test]
    fn crlf_lines_are_hard_breaks() {
        let s = Segmenter::builtin("fr").unwrap();
        let segs = s.segment("Titre\r\nCorps du texte\r\n");
        let texts: Vec<_> = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Titre", "Corps du texte"]);
    }

    #[test]
    fn parallel_chunks_give_the_sequential_result() {
        let s = Segmenter::builtin("fr").unwrap();
        let para = "M. Dupont arrive.  Il entre. « Bonjour. » Puis il sort.\r\n";
        let text = para.repeat(2 * PARALLEL_CHUNK / para.len() + 3);
        let mut sequential = Vec::new();
        s.segment_into(&text, 0, &mut sequential);
        let parallel = s.segment(&text);
        assert_eq!(parallel, sequential);
        assert_eq!(parallel.len(), 4 * (2 * PARALLEL_CHUNK / para.len() + 3));
    }

    #[test]
    fn line_chunks_cover_the_text_at_line_ends() {
        let text = "ab\ncd\nef";
        assert_eq!(line_chunks(text, 1), [(0, 3), (3, 6), (6, 8)]);
        assert_eq!(line_chunks(text, 100), [(0, 8)]);
    }

    #[test]
    fn lone_carriage_returns_are_hard_breaks_too() {
        let s = Segmenter::builtin("fr").unwrap();
        let text = "Un titre\rUn corps";
        let segs = s.segment(text);
        assert_eq!(segs.len(), 2);
        assert_eq!(&text[segs[1].start..segs[1].end], "Un corps");
    }

    #[test]
    fn a_lone_no_break_space_is_kept() {
        let s = Segmenter::builtin("fr").unwrap();
        let segs = s.segment("Il a dit\u{A0}: oui.");
        assert_eq!(segs[0].text, "Il a dit\u{A0}: oui.");
    }
}
