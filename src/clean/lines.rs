//! Whitespace: one non-empty, trimmed line per source line, inner runs collapsed.

use super::offsets::{Builder, Mapped};
use std::ops::Range;

/// Non-breaking spaces: kept (French typography puts them before `:;!?»`), never collapsed away.
fn is_nbsp(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Characters that separate words: Unicode white space and C0/C1 controls (never `\n` here).
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Invisible characters dropped outright: zero-width space, word joiner, BOM, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
}

/// Rewrites `src` (whose line ends are `\n`) so that each line is trimmed, its inner white-space
/// runs are one space (or the run's first non-breaking space, if it holds one), invisible
/// characters are gone, and empty lines are dropped. Lines are joined by the `\n` that ended them.
///
/// Also returns, for each line written, whether a blank line preceded it (a paragraph gap).
pub(crate) fn normalize_lines(src: &Mapped) -> (Mapped, Vec<bool>) {
    let text = src.text.as_str();
    let mut b = Builder::with_capacity(text.len());
    // Offset in `src` of the `\n` that ended the last line written.
    let mut pending_nl: Option<usize> = None;
    let mut gaps = Vec::new();
    let mut blank_since_last = false;
    let mut line_start = 0;
    while line_start <= text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let wrote = normalize_line(src, line_start..line_end, pending_nl, &mut b);
        if wrote {
            gaps.push(blank_since_last && !gaps.is_empty());
            blank_since_last = false;
            if line_end < text.len() {
                pending_nl = Some(line_end);
            }
        } else {
            blank_since_last = true;
        }
        line_start = line_end + 1;
    }
    (b.finish(), gaps)
}

/// Writes one line; returns whether it had any content.
fn normalize_line(
    src: &Mapped,
    range: Range<usize>,
    pending_nl: Option<usize>,
    b: &mut Builder,
) -> bool {
    let line = &src.text[range.clone()];
    let base = range.start;
    let mut wrote = false;
    let mut chunk: Option<usize> = None;
    // Current white-space run: its start, and its first non-breaking space if any.
    let mut ws_start: Option<usize> = None;
    let mut nbsp: Option<(usize, usize)> = None;
    for (i, c) in line.char_indices() {
        let abs = base + i;
        if c == ' ' && chunk.is_some() {
            // A single space between two words is kept as it is: the chunk goes on (one copy
            // per line instead of one per word).
            if line[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| !is_space(n) && !is_nbsp(n) && !is_invisible(n))
            {
                continue;
            }
        }
        let space = is_space(c) || is_nbsp(c);
        if space || is_invisible(c) {
            if let Some(s) = chunk.take() {
                b.copy(src, s..abs);
            }
            if space && wrote {
                ws_start.get_or_insert(abs);
                if is_nbsp(c) && nbsp.is_none() {
                    nbsp = Some((abs, c.len_utf8()));
                }
            }
            continue;
        }
        if chunk.is_none() {
            if !wrote {
                if let Some(nl) = pending_nl {
                    b.copy(src, nl..nl + 1);
                }
            } else if let Some(ws) = ws_start {
                if let Some((p, len)) = nbsp {
                    b.copy(src, p..p + len);
                } else if src.text.as_bytes()[ws] == b' ' {
                    b.copy(src, ws..ws + 1);
                } else {
                    b.synth(" ", src, ws..abs);
                }
            }
            ws_start = None;
            nbsp = None;
            chunk = Some(abs);
        }
        wrote = true;
    }
    if let Some(s) = chunk {
        b.copy(src, s..range.end);
    }
    wrote
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize_lines(&Mapped::identity(s)).0.text
    }

    #[test]
    fn blank_lines_are_recorded_as_gaps() {
        let (m, gaps) = normalize_lines(&Mapped::identity("\n\na\nb\n \n\nc\nd"));
        assert_eq!(m.text, "a\nb\nc\nd");
        assert_eq!(gaps, [false, false, true, false]);
    }

    #[test]
    fn runs_collapse_and_lines_are_trimmed() {
        assert_eq!(norm("  a \t b  \n\n\n c\u{2003}d \n"), "a b\nc d");
    }

    #[test]
    fn a_run_with_a_nbsp_keeps_the_nbsp() {
        assert_eq!(norm("Genève \u{a0} : oui"), "Genève\u{a0}: oui");
        assert_eq!(norm("x\u{202f}!"), "x\u{202f}!");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(norm("in\u{ad}ter\u{200b}net\u{feff}"), "internet");
    }

    #[test]
    fn white_space_only_text_is_empty() {
        assert_eq!(norm(" \n\t\n"), "");
        assert_eq!(norm(""), "");
    }

    #[test]
    fn map_points_at_the_original_characters() {
        let src = " é\t\tz\n\nq";
        let (m, _) = normalize_lines(&Mapped::identity(src));
        assert_eq!(m.text, "é z\nq");
        assert_eq!(m.orig_offset(0), 1); // é
        assert_eq!(m.orig_offset(2), 3); // the tab run, replaced by a space
        assert_eq!(m.orig_range(2..3), 3..5);
        assert_eq!(m.orig_offset(3), 5); // z
        assert_eq!(m.orig_offset(4), 6); // the first \n after z
        assert_eq!(m.orig_offset(5), 8); // q
    }
}
