//! Boilerplate: blocks shared across documents, known boilerplate, and a leading site-navigation
//! block recognised in a document on its own.
//!
//! Lines are compared after white-space normalisation. A single shared line is never boilerplate
//! by itself (a body line such as "Pour plus d’informations, veuillez contacter" recurs across
//! releases): only runs of consecutive shared lines count.

use std::collections::{HashMap, HashSet};

/// For each document, for each line: whether at least one *other* document has the same line.
///
/// Documents identical to an earlier one (the same file given twice) are counted once, or every
/// line of them would look shared. Linear: one hash map over all lines.
pub(crate) fn shared_lines(docs: &[Vec<&str>]) -> Vec<Vec<bool>> {
    // line -> (last document seen in, number of documents seen in)
    let mut seen: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut distinct: HashSet<&[&str]> = HashSet::new();
    for (d, lines) in docs.iter().enumerate() {
        if !distinct.insert(lines.as_slice()) {
            continue;
        }
        for line in lines {
            let entry = seen.entry(line).or_insert((usize::MAX, 0));
            if entry.0 != d {
                *entry = (d, entry.1 + 1);
            }
        }
    }
    docs.iter()
        .map(|lines| {
            lines
                .iter()
                .map(|l| seen.get(l).is_some_and(|&(_, n)| n >= 2))
                .collect()
        })
        .collect()
}

/// Index of the line that opens the contact block at the end of a release ("Pour plus
/// d’informations…", "For more information…", "Contact presse :"), if any: the last such line.
///
/// Two releases from the same press office share their contact lines; those are content, not
/// boilerplate, so shared-block removal leaves the contact block alone.
pub(crate) fn contact_block_start(lines: &[&str]) -> Option<usize> {
    lines.iter().rposition(|l| is_contact_opener(l))
}

/// Whether `line` opens a contact block: "Pour plus d’informations…", "For more information…".
pub(crate) fn is_contact_opener(line: &str) -> bool {
    const OPENERS: &[&str] = &[
        "pour plus d’informations",
        "pour plus d'informations",
        "pour de plus amples informations",
        "pour tout renseignement",
        "for more information",
        "for further information",
        "contact presse",
        "contacts presse",
        "media contact",
        "press contact",
    ];
    let head = line.chars().take(40).collect::<String>().to_lowercase();
    OPENERS.iter().any(|o| head.starts_with(o))
}

/// Marks for removal the runs of flagged lines that are at least `min_block` long, or at least
/// `min_edge` long when they touch the start or the end of the document.
pub(crate) fn runs_to_remove(flags: &[bool], min_block: usize, min_edge: usize) -> Vec<bool> {
    let mut remove = vec![false; flags.len()];
    let mut i = 0;
    while i < flags.len() {
        if !flags[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < flags.len() && flags[i] {
            i += 1;
        }
        let len = i - start;
        let at_edge = start == 0 || i == flags.len();
        if len >= min_block.max(1) || (at_edge && len >= min_edge.max(1)) {
            remove[start..i].iter_mut().for_each(|r| *r = true);
        }
    }
    remove
}

/// Known boilerplate lines (from `--boilerplate` texts, already normalised).
#[derive(Debug, Default)]
pub(crate) struct Known<'a> {
    lines: HashSet<&'a str>,
    /// Shortest block worth removing: 3 lines, or fewer if a known text is shorter.
    pub min_block: usize,
}

impl<'a> Known<'a> {
    /// Indexes the lines of each known text.
    pub fn new(texts: &[&'a str]) -> Known<'a> {
        let mut lines = HashSet::new();
        let mut min_block = 3;
        for t in texts {
            let n = t.lines().filter(|l| !l.is_empty()).count();
            if n > 0 {
                min_block = min_block.min(n);
            }
            lines.extend(t.lines().filter(|l| !l.is_empty()));
        }
        Known { lines, min_block }
    }

    /// Whether there is nothing known.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// For each line, whether it belongs to the known boilerplate.
    pub fn flags(&self, lines: &[&str]) -> Vec<bool> {
        lines.iter().map(|l| self.lines.contains(l)).collect()
    }
}

/// A dash, bullet or bar alone on its line (an empty menu entry).
fn is_lone_mark(line: &str) -> bool {
    matches!(line, "-" | "–" | "—" | "•" | "*" | "|" | "·")
}

/// A bulleted menu entry: `- Label`, short.
fn is_bullet(line: &str) -> bool {
    ["- ", "– ", "• ", "* ", "· "]
        .iter()
        .any(|p| line.starts_with(p))
        && line.chars().count() <= 120
}

/// `line` is `label` glued to a blurb without a space: "Qui sommes nousL'Organisation…".
fn is_glued(label: &str, line: &str) -> bool {
    label.chars().count() <= 60
        && line.len() > label.len()
        && line.starts_with(label)
        && line[label.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '\'' || c == '’')
}

/// A menu label: at most 50 characters, no sentence punctuation at the end.
fn is_menu_label(line: &str) -> bool {
    line.chars().count() <= 50 && !line.ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

/// A short label without sentence punctuation: "Partenariats", "Who We Are".
fn is_short_label(line: &str) -> bool {
    line.chars().count() <= 40
        && line.split(' ').count() <= 6
        && !line.ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

/// Number of leading lines that form a site-navigation menu (0 if there is none).
///
/// A menu line is a lone dash, a bullet entry, a label repeated on the next or previous line,
/// a label followed by itself glued to a blurb, or that blurb; a short label counts when the
/// line after it is a menu line. The block must hold at least 4 lines including a repeated or
/// glued label (a plain bulleted list at the top of a release is not a menu). Language-neutral.
pub(crate) fn leading_navigation(lines: &[&str]) -> usize {
    let strong = |i: usize| -> (bool, bool) {
        let l = lines[i];
        let prev = i.checked_sub(1).map(|p| lines[p]);
        let next = lines.get(i + 1).copied();
        // A repeated line is a menu label only if it is label-sized: a title printed twice
        // after the menu is not a menu entry.
        let repeated = (is_menu_label(l) && (prev == Some(l) || next == Some(l)))
            || next.is_some_and(|n| is_glued(l, n))
            || prev.is_some_and(|p| is_glued(p, l));
        (repeated || is_lone_mark(l) || is_bullet(l), repeated)
    };
    let mut i = 0;
    let mut repeated_seen = false;
    while i < lines.len() {
        let (s, r) = strong(i);
        if s {
            repeated_seen |= r;
            i += 1;
        } else if is_short_label(lines[i]) && i + 1 < lines.len() && strong(i + 1).0 {
            i += 1;
        } else {
            break;
        }
    }
    if i >= 4 && repeated_seen {
        i
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_lines_count_documents_not_occurrences() {
        let a = vec!["x", "x", "y"];
        let b = vec!["y", "z"];
        let flags = shared_lines(&[a, b]);
        assert_eq!(flags, vec![vec![false, false, true], vec![true, false]]);
    }

    #[test]
    fn a_document_given_twice_shares_nothing_with_itself() {
        let a = vec!["t", "u", "v"];
        let flags = shared_lines(&[a.clone(), a, vec!["w", "v"]]);
        assert_eq!(
            flags,
            vec![
                vec![false, false, true],
                vec![false, false, true],
                vec![false, true]
            ]
        );
    }

    #[test]
    fn the_contact_block_opener_is_found() {
        let lines = [
            "Titre",
            "Pour plus d’informations sur le pacte, voir le site.",
            "Corps.",
            "Pour plus d’informations, veuillez contacter:",
            "Dolores Cortés",
        ];
        assert_eq!(contact_block_start(&lines), Some(3));
        assert_eq!(
            contact_block_start(&["For more information, please contact", "x"]),
            Some(0)
        );
        assert_eq!(contact_block_start(&["Titre", "Corps."]), None);
    }

    #[test]
    fn only_blocks_or_edge_runs_are_removed() {
        let flags = [
            true, true, false, true, false, true, true, true, false, true,
        ];
        // Edge run of 2 at the start: removed with min_edge 2; lone shared line kept; run of 3 removed;
        // lone shared line at the end: kept (shorter than min_edge).
        assert_eq!(
            runs_to_remove(&flags, 3, 2),
            vec![true, true, false, false, false, true, true, true, false, false]
        );
    }

    #[test]
    fn known_boilerplate_short_texts_lower_the_block_size() {
        let k = Known::new(&["Suivez-nous", "a\nb\nc\nd"]);
        assert_eq!(k.min_block, 1);
        assert_eq!(k.flags(&["x", "Suivez-nous", "b"]), vec![false, true, true]);
    }

    #[test]
    fn french_menu_is_recognised_up_to_the_title() {
        let lines = [
            "-",
            "Qui sommes nous",
            "Qui sommes nousL'Organisation internationale pour les migrations (OIM) fait partie…",
            "Structure",
            "Structure",
            "- Structure organisationnelle",
            "-",
            "Partenariats",
            "Partenariats",
            "- Où travaillons-nous",
            "- 2030 AGENDA",
            "Fin de la réunion ministérielle consacrée a la migration",
            "Les ministres de 24 pays à fort taux",
        ];
        assert_eq!(leading_navigation(&lines), 11);
    }

    #[test]
    fn english_menu_of_the_same_shape_is_recognised() {
        let lines = [
            "Who We Are",
            "Who We AreThe International Organization for Migration (IOM) is part of the United Nations System.",
            "Our Work",
            "Our Work",
            "- Data and Research",
            "- 2030 AGENDA",
            "IOM Deputy Director General Attends Cartagena +30 Refugee Conference in Brazil",
            "Argentina - IOM Deputy Director General Laura Thompson is today taking part…",
        ];
        assert_eq!(leading_navigation(&lines), 6);
    }

    #[test]
    fn a_bulleted_list_at_the_top_is_not_a_menu() {
        let lines = [
            "Faits saillants",
            "- 24 pays",
            "- une déclaration",
            "- un dialogue",
            "Les ministres ont signé.",
        ];
        assert_eq!(leading_navigation(&lines), 0);
    }

    #[test]
    fn a_title_printed_twice_after_the_menu_stays() {
        let lines = [
            "Who We Are",
            "Who We Are",
            "- Data and Research",
            "- 2030 AGENDA",
            "IOM Joins the Summit of the Americas Joint Working Group",
            "IOM Joins the Summit of the Americas Joint Working Group",
            "Washington, D.C. - IOM has joined…",
        ];
        assert_eq!(leading_navigation(&lines), 4);
    }

    #[test]
    fn a_title_repeated_in_the_body_is_not_a_menu() {
        let lines = [
            "Habitat III",
            "Habitat III réunit les gouvernements.",
            "Suite.",
        ];
        assert_eq!(leading_navigation(&lines), 0);
    }
}
