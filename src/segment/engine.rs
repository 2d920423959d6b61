//! The SRX rule engine: where does a text break?
//!
//! Semantics (SRX 2.0, section 2.4): at each position, the rules are tried in order; the first rule
//! whose `beforebreak` matches text ending at the position and whose `afterbreak` matches text
//! starting there decides, break or no break. A position no rule matches does not break. The
//! break itself falls exactly between the two matches.
//!
//! Evaluating every rule at every character would be O(text × rules) regex runs. Instead:
//!
//! 1. Candidates: a break can only happen where some *break* rule matches, so each break rule's
//!    `beforebreak` is run once over the line (leftmost-first, non-overlapping, as `find()` does
//!    in Java), and the match ends are the candidates. A break rule with an empty `beforebreak`
//!    contributes the starts of its `afterbreak` matches.
//! 2. At each candidate, the rules are tried in order; each test is cheap:
//!    * `afterbreak` is matched anchored at the position (`^(?:…)` on the rest of the line, fails
//!      at once when it does not apply). When the pattern has a look-behind, it is instead matched
//!      on the whole line from the position (so the look-behind sees the text before, like Java's
//!      transparent bounds) and must start exactly there.
//!    * `beforebreak` is matched as `(?:…)$` on the line up to the position, starting no further
//!      back than the pattern's maximum match length (computed once with `regex-syntax`; at most
//!      [`LOOKBACK`] bytes). An end-anchored pattern is run backwards by the `regex` crate, so
//!      this costs the length of the match, not of the line; look-behinds and `\b` see the whole
//!      line before the position.
//!
//! Approximations: the text *after* the position is invisible to a look-ahead at the end of a
//! `beforebreak` (the before-text ends there), and a `\b` at the very start of an `afterbreak`
//! sees the start of text; rule files do not rely on either (the after-context belongs in
//! `afterbreak`). A `beforebreak` match longer than [`LOOKBACK`] bytes is not seen.

use super::prefilter::FirstBytes;
use fancy_regex::Regex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// How far back (bytes) a `beforebreak` match may start.
pub const LOOKBACK: usize = 1024;

/// One rule compiled for fast evaluation.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    /// Break (`true`) or exception (`false`).
    pub is_break: bool,
    /// `(?:before)$`, `None` when the beforebreak is empty (matches everywhere).
    before_end: Option<Regex>,
    /// How far back a beforebreak match can start: its maximum length in bytes when the regex
    /// syntax bounds it, else [`LOOKBACK`].
    before_reach: usize,
    /// The bare beforebreak, to find candidates (break rules only).
    before_find: Option<Regex>,
    /// `^(?:after)` or the bare afterbreak (see `after_needs_context`).
    after: Option<Regex>,
    /// The after pattern has a look-behind: match on the full line and compare the start.
    after_needs_context: bool,
    /// The bytes an afterbreak match can start with, checked before running the regex.
    after_first: Option<FirstBytes>,
    /// The bare afterbreak, to find candidates for break rules without a beforebreak.
    after_find: Option<Regex>,
    /// Where the rule comes from, for messages.
    pub origin: String,
    /// Set once one of the rule's patterns hit the backtracking limit; from then on the rule is
    /// not run again (so a catastrophic pattern costs the limit once, not at every position) and
    /// the caller is told through [`Engine::exhausted`].
    exhausted: Arc<AtomicBool>,
}

/// Backtracking steps one match of a rule's pattern may take (fancy-regex's budget).
pub const BACKTRACK_LIMIT: usize = 100_000;

/// A rule's translated patterns failed to compile.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// `beforebreak` or `afterbreak`.
    pub part: &'static str,
    /// The regex engine's message.
    pub message: String,
}

fn compile(pattern: &str, part: &'static str) -> Result<Regex, CompileError> {
    fancy_regex::RegexBuilder::new(pattern)
        .backtrack_limit(BACKTRACK_LIMIT)
        .build()
        .map_err(|e| CompileError {
            part,
            message: e.to_string(),
        })
}

impl CompiledRule {
    /// Compiles a rule from patterns already translated to Rust syntax.
    pub fn new(
        is_break: bool,
        before: &str,
        after: &str,
        origin: String,
    ) -> Result<Self, CompileError> {
        let before_end = if before.is_empty() {
            None
        } else {
            Some(compile(&format!("(?:{before})$"), "beforebreak")?)
        };
        let before_find = if is_break && !before.is_empty() {
            Some(compile(before, "beforebreak")?)
        } else {
            None
        };
        let before_reach = regex_syntax::Parser::new()
            .parse(before)
            .ok()
            .and_then(|hir| hir.properties().maximum_len())
            .map_or(LOOKBACK, |n| n.min(LOOKBACK));
        let after_needs_context = after.contains("(?<=") || after.contains("(?<!");
        let after_re = if after.is_empty() {
            None
        } else if after_needs_context {
            Some(compile(after, "afterbreak")?)
        } else {
            Some(compile(&format!("^(?:{after})"), "afterbreak")?)
        };
        let after_find = if is_break && before.is_empty() && !after.is_empty() {
            Some(compile(after, "afterbreak")?)
        } else {
            None
        };
        Ok(CompiledRule {
            is_break,
            before_end,
            before_reach,
            before_find,
            after: after_re,
            after_needs_context,
            after_first: if after.is_empty() {
                None
            } else {
                FirstBytes::of(after)
            },
            after_find,
            origin,
            exhausted: Arc::new(AtomicBool::new(false)),
        })
    }

    fn is_exhausted(&self) -> bool {
        self.exhausted.load(Ordering::Relaxed)
    }

    /// Records a match result: `Err` (backtracking limit) marks the rule exhausted.
    fn outcome<T>(&self, r: Result<Option<T>, fancy_regex::Error>) -> Option<T> {
        match r {
            Ok(m) => m,
            Err(_) => {
                self.exhausted.store(true, Ordering::Relaxed);
                None
            }
        }
    }

    /// Does this rule apply at `pos` of `line`?
    fn applies(&self, line: &str, pos: usize) -> bool {
        if self.is_exhausted() {
            return false;
        }
        if let Some(first) = &self.after_first {
            match line.as_bytes().get(pos) {
                Some(&b) if first.contains(b) => {}
                _ => return false,
            }
        }
        if let Some(after) = &self.after {
            let ok = if self.after_needs_context {
                matches!(self.outcome(after.find_from_pos(line, pos)), Some(m) if m.start() == pos)
            } else {
                self.outcome(after.find(&line[pos..])).is_some()
            };
            if !ok {
                return false;
            }
        }
        if let Some(before) = &self.before_end {
            let hay = &line[..pos];
            let mut from = pos.saturating_sub(self.before_reach);
            while !hay.is_char_boundary(from) {
                from -= 1;
            }
            if self.outcome(before.find_from_pos(hay, from)).is_none() {
                return false;
            }
        }
        true
    }
}

/// The ordered rules of one language (after cascading), ready to run.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    rules: Vec<CompiledRule>,
}

impl Engine {
    /// An engine over `rules`, tried in this order.
    pub fn new(rules: Vec<CompiledRule>) -> Self {
        Engine { rules }
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// The rules (their `origin`) whose patterns hit the backtracking limit
    /// ([`BACKTRACK_LIMIT`]) on some text this engine segmented: those rules were then left out,
    /// so the segmentation is not what the rules say and the caller should refuse it.
    pub fn exhausted(&self) -> Vec<&str> {
        self.rules
            .iter()
            .filter(|r| r.is_exhausted())
            .map(|r| r.origin.as_str())
            .collect()
    }

    /// The break positions inside `line` (byte offsets, sorted, strictly inside `1..line.len()`).
    pub fn breaks(&self, line: &str) -> Vec<usize> {
        let mut candidates: Vec<usize> = Vec::new();
        for rule in self
            .rules
            .iter()
            .filter(|r| r.is_break && !r.is_exhausted())
        {
            if let Some(re) = &rule.before_find {
                // An error (backtrack limit) ends the scan and marks the rule exhausted.
                for m in re.find_iter(line) {
                    match rule.outcome(m.map(Some)) {
                        Some(m) => candidates.push(m.end()),
                        None => break,
                    }
                }
            } else if let Some(re) = &rule.after_find {
                for m in re.find_iter(line) {
                    match rule.outcome(m.map(Some)) {
                        Some(m) => candidates.push(m.start()),
                        None => break,
                    }
                }
            } else {
                // Empty break rule: every position is a candidate.
                candidates.extend(line.char_indices().map(|(i, _)| i));
            }
        }
        candidates.retain(|&p| p > 0 && p < line.len());
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter(|&pos| {
                self.rules
                    .iter()
                    .find(|r| r.applies(line, pos))
                    .is_some_and(|r| r.is_break)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(is_break: bool, before: &str, after: &str) -> CompiledRule {
        CompiledRule::new(is_break, before, after, String::new()).unwrap()
    }

    #[test]
    fn first_matching_rule_decides() {
        let engine = Engine::new(vec![rule(false, r"\bM\.", r"\s"), rule(true, r"\.", r"\s")]);
        assert_eq!(engine.breaks("M. Dupont. Il"), vec![10]);
    }

    #[test]
    fn split_point_is_between_before_and_after() {
        let engine = Engine::new(vec![rule(true, r"\.\s+", r"\p{Lu}")]);
        // Break after the spaces, before the capital.
        assert_eq!(engine.breaks("Un.  Deux"), vec![5]);
    }

    #[test]
    fn lookbehind_in_before_sees_earlier_text() {
        let engine = Engine::new(vec![
            rule(false, r"(?<=Dr)\.", ""),
            rule(true, r"\.", r"\s"),
        ]);
        assert_eq!(engine.breaks("Le Dr. Hop. Fin"), vec![11]);
    }

    #[test]
    fn lookbehind_in_after_sees_earlier_text() {
        let engine = Engine::new(vec![
            rule(false, r"\.", r"(?<=x\.)\s"),
            rule(true, r"\.", r"\s"),
        ]);
        assert_eq!(engine.breaks("ax. b. c"), vec![6]);
    }

    #[test]
    fn empty_before_break_rule_uses_after_matches() {
        let engine = Engine::new(vec![rule(true, "", r"<0\}")]);
        assert_eq!(engine.breaks("ab<0}cd"), vec![2]);
    }
}
