//! English as met in French releases and in glossaries: the word lists of each stage.

/// English function words that are not also French words (`a`, `on`, `or`, `an`, `as` are left
/// out: they are French too). Matching (English runs in French text).
pub const FUNCTION_WORDS_NOT_FRENCH: &[&str] = &[
    "the", "of", "and", "for", "in", "to", "with", "is", "by", "from", "at", "this", "that", "are",
    "be", "its", "their", "our", "was", "were", "has", "have", "which", "into", "towards",
];

/// English words written in lower case inside a Title Case term. Glossary lint (capitalisation).
pub const TITLE_CASE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from",
];

/// English words that cannot be terms on their own. Glossary checks.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on",
    "or", "the", "to", "was", "with",
];

/// Words that mark a term as English rather than French, for the audit's wrong-language check.
pub const LANGUAGE_MARKERS: &[&str] = &["of", "the", "for", "and", "to", "on", "with"];
