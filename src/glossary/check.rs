//! Terms no matcher can use: a function word (`de`, `the`) would be found in nearly every
//! sentence, a term of punctuation only (`...`, `–`) everywhere there is punctuation. Such a term
//! is a mistake in the glossary; the readers used for matching refuse it by position
//! ([`crate::glossary::read_glossary`]), the audit reports it as a finding.

use super::Glossary;

pub use crate::lang::en::FUNCTION_WORDS as ENGLISH_FUNCTION_WORDS;
pub use crate::lang::fr::FUNCTION_WORDS as FRENCH_FUNCTION_WORDS;

/// A term no matcher can use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusableTerm {
    /// Index of the concept in [`Glossary::concepts`].
    pub concept: usize,
    /// `true` for a source (French) term, `false` for a target term.
    pub source_side: bool,
    /// The term as written.
    pub term: String,
    /// Why it cannot be matched, as a phrase (`is a French function word`…).
    pub reason: &'static str,
}

/// Why `text` cannot be a term (in the language whose function words are `stop`), if it cannot.
pub fn unusable_reason(text: &str, french: bool) -> Option<&'static str> {
    let t = text.trim();
    if t.is_empty() {
        return None; // empty terms are reported by the readers and the audit on their own
    }
    if !t.chars().any(char::is_alphanumeric) {
        return Some("has no letter or digit (punctuation only)");
    }
    let lower = t.to_lowercase();
    if french && FRENCH_FUNCTION_WORDS.contains(&lower.as_str()) {
        return Some("is a French function word, found in nearly every sentence");
    }
    if !french && ENGLISH_FUNCTION_WORDS.contains(&lower.as_str()) {
        return Some("is an English function word, found in nearly every sentence");
    }
    None
}

/// Every term of `glossary` no matcher can use, in concept order.
pub fn unusable_terms(glossary: &Glossary) -> Vec<UnusableTerm> {
    let mut out = Vec::new();
    for (i, c) in glossary.concepts.iter().enumerate() {
        for (terms, source_side) in [(&c.src_terms, true), (&c.tgt_terms, false)] {
            for t in terms {
                if let Some(reason) = unusable_reason(&t.text, source_side) {
                    out.push(UnusableTerm {
                        concept: i,
                        source_side,
                        term: t.text.clone(),
                        reason,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_and_punctuation_are_unusable() {
        assert!(unusable_reason("de", true).is_some());
        assert!(unusable_reason("De", true).is_some());
        assert!(unusable_reason("...", true).is_some());
        assert!(unusable_reason("–", false).is_some());
        assert!(unusable_reason("of", false).is_some());
        assert!(unusable_reason("OIM", true).is_none());
        assert!(unusable_reason("de facto", true).is_none());
        assert!(unusable_reason("G20", false).is_none());
    }

    #[test]
    fn the_shipped_glossary_has_none() {
        let g = crate::glossary::shipped_glossary().unwrap();
        assert_eq!(unusable_terms(&g), Vec::new());
    }
}
