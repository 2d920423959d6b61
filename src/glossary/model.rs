//! The glossary model: concepts, each with terms per language and the data categories TBX-Basic knows.
//!
//! One concept = one entry; synonyms, acronyms and inflected forms are further terms of the same
//! concept, never extra rows (CAT-tool QA floods with false conflicts otherwise).

use serde::{Deserialize, Serialize};

/// A bilingual (French → English) glossary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Glossary {
    /// Source language code, e.g. `fr`.
    pub src_lang: String,
    /// Target language code, e.g. `en`.
    pub tgt_lang: String,
    pub concepts: Vec<Concept>,
}

/// One concept: a headword and its preferred English equivalent, plus variants on both sides.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    /// Stable identifier (CSV `id` column, TBX `termEntry/@id` / `conceptEntry/@id`).
    pub id: String,
    /// Concept category (`organisation`, `title`, `body`, `meeting`, `instrument`, `concept`,
    /// `place`, `programme`…); exported as TBX `subjectField`.
    pub category: Option<String>,
    /// A definition, if any (TBX `descrip type="definition"`).
    pub definition: Option<String>,
    /// A free note for translators.
    pub note: Option<String>,
    /// Where the official form was checked (URL or document title).
    pub source: Option<String>,
    /// Source-language terms; the first is the headword.
    pub src_terms: Vec<Term>,
    /// Target-language terms; the first is the preferred equivalent.
    pub tgt_terms: Vec<Term>,
    /// 1-based line in the file the concept was read from, for messages.
    #[serde(skip)]
    pub line: Option<usize>,
}

impl Concept {
    /// The source-language headword (empty if the concept has no source term).
    pub fn headword(&self) -> &str {
        self.src_terms.first().map_or("", |t| t.text.as_str())
    }

    /// The preferred target-language term (empty if the concept has no target term).
    pub fn preferred(&self) -> &str {
        self.tgt_terms.first().map_or("", |t| t.text.as_str())
    }
}

/// One term of a concept in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub text: String,
    pub term_type: TermType,
    pub gender: Option<Gender>,
    pub number: Option<Number>,
    pub part_of_speech: Option<PartOfSpeech>,
    pub status: Status,
    pub note: Option<String>,
}

impl Term {
    /// A full-form preferred noun term with no other data.
    pub fn new(text: impl Into<String>) -> Self {
        Term {
            text: text.into(),
            term_type: TermType::FullForm,
            gender: None,
            number: None,
            part_of_speech: None,
            status: Status::Preferred,
            note: None,
        }
    }
}

/// TBX-Basic `termType` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TermType {
    FullForm,
    Acronym,
    Abbreviation,
    ShortForm,
    Variant,
    Phrase,
}

/// TBX-Basic `grammaticalGender` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Gender {
    Masculine,
    Feminine,
    Neuter,
    Other,
}

/// TBX `grammaticalNumber` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Number {
    Singular,
    Plural,
    Other,
}

/// TBX-Basic `partOfSpeech` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PartOfSpeech {
    Noun,
    Verb,
    Adjective,
    Adverb,
    ProperNoun,
    Other,
}

/// TBX-Basic `administrativeStatus` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Preferred,
    Admitted,
    NotRecommended,
    Obsolete,
}
