//! Folding text for comparison (accents, case, apostrophes, hyphens and spaces) and the shape
//! tests built on it (acronyms, capitals), for the audit and the aligner.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Apostrophe-like characters that French text uses interchangeably.
pub const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{02BC}', '\u{2018}'];

/// Lower-cases and strips diacritics (`Été` → `ete`): one word, nothing else changed.
pub fn fold_word(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Folds `s` for comparison: lowercase, accents removed, every apostrophe as `'`, hyphens and runs
/// of whitespace as one space, trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = if APOSTROPHES.contains(&c) { '\'' } else { c };
        if c.is_whitespace() || c == '-' || c == '\u{2010}' || c == '\u{2011}' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// [`fold`], then each word brought to a crude singular (`-aux` → `-al`, final `s`/`x` dropped
/// on words longer than three letters), so `Directeurs régionaux` folds like `Directeur régional`.
pub fn fold_singular(s: &str) -> String {
    fold(s)
        .split(' ')
        .map(|w| {
            let n = w.chars().count();
            if n > 4 && w.ends_with("aux") {
                format!("{}al", &w[..w.len() - 3])
            } else if n > 3 && (w.ends_with('s') || w.ends_with('x')) {
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `s` looks like an acronym: one word of two or more letters or digits, with a capital
/// letter and no lower-case letter (`OIM`, `UNHCR`, `G20`, `OEA`).
pub fn is_acronym(s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    if !(2..=12).contains(&n) || s.chars().any(char::is_whitespace) {
        return false;
    }
    let alnum = s.chars().filter(|c| c.is_alphanumeric()).count();
    alnum >= 2
        && s.chars().any(char::is_uppercase)
        && !s.chars().any(char::is_lowercase)
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '.' | '/'))
}

/// Collapses runs of whitespace to one space and trims: how a CAT tool compares segments.
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first letter of `s` is upper-case.
pub fn starts_upper(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_loses_case_and_accents_only() {
        assert_eq!(fold_word("Été"), "ete");
        assert_eq!(fold_word("l’OIM"), "l’oim");
    }

    #[test]
    fn fold_ignores_accents_case_hyphens_apostrophes() {
        assert_eq!(
            fold(" Haut-Commissariat  aux Réfugiés "),
            "haut commissariat aux refugies"
        );
        assert_eq!(fold("l’État"), fold("l'Etat"));
    }

    #[test]
    fn fold_singular_handles_s_x_and_aux() {
        assert_eq!(fold_singular("Directeurs régionaux"), "directeur regional");
        assert_eq!(fold_singular("flux migratoires"), "flu migratoire");
        assert_eq!(fold_singular("OIM"), "oim");
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("OIM"));
        assert!(is_acronym("G20"));
        assert!(!is_acronym("Oim"));
        assert!(!is_acronym("ONU Habitat"));
        assert!(!is_acronym("A"));
    }
}
