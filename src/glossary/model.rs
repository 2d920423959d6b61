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
    /// The concepts, in file order.
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

    /// Index in `tgt_terms` of the English term that renders source term `src` (an index in
    /// `src_terms`) found in a text as plural (`plural`) or feminine (`feminine`): the target
    /// of the same type and register.
    ///
    /// * the headword → the preferred target (the first);
    /// * an acronym → an English acronym (then an abbreviation), an abbreviation → an
    ///   abbreviation (then an acronym), a short form → a short form, a phrase → a phrase;
    /// * another full form → the full-form target closest to it in number of words (`Programme
    ///   des Nations Unies pour les établissements humains` → `United Nations Human Settlements
    ///   Programme`, not `UN-Habitat`); a spelling variant → the preferred target;
    /// * among the candidates, a plural (feminine) target for a plural (feminine) occurrence
    ///   when English has one, else the first candidate.
    ///
    /// Deprecated and obsolete targets are never chosen; with no candidate of the type, the
    /// preferred target. `None` only when the concept has no usable target term.
    pub fn target_index(&self, src: usize, plural: bool, feminine: bool) -> Option<usize> {
        let usable = |t: &Term| !matches!(t.status, Status::NotRecommended | Status::Obsolete);
        let fallback = self
            .tgt_terms
            .iter()
            .position(|t| usable(t) && !t.text.trim().is_empty());
        let Some(term) = self.src_terms.get(src) else {
            return fallback;
        };
        let of_types = |types: &[TermType]| -> Vec<usize> {
            let mut out = Vec::new();
            for ty in types {
                out.extend(
                    self.tgt_terms
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| {
                            usable(t) && t.term_type == *ty && !t.text.trim().is_empty()
                        })
                        .map(|(i, _)| i),
                );
            }
            out
        };
        let candidates: Vec<usize> = match term.term_type {
            _ if src == 0 => fallback.into_iter().collect(),
            TermType::Acronym => of_types(&[TermType::Acronym, TermType::Abbreviation]),
            TermType::Abbreviation => of_types(&[TermType::Abbreviation, TermType::Acronym]),
            TermType::ShortForm => of_types(&[TermType::ShortForm]),
            TermType::Phrase => of_types(&[TermType::Phrase]),
            TermType::Variant => Vec::new(),
            TermType::FullForm => {
                let mut full = of_types(&[TermType::FullForm]);
                let words = word_count(&term.text);
                // Stable: among equally close targets the earlier one stays first.
                full.sort_by_key(|&i| word_count(&self.tgt_terms[i].text).abs_diff(words));
                full
            }
        };
        let marked = |i: &&usize| {
            let t = &self.tgt_terms[**i];
            (plural && t.number == Some(Number::Plural))
                || (feminine && t.gender == Some(Gender::Feminine))
        };
        if plural || feminine {
            // English marks number more often than gender: any candidate of the right number
            // or gender, else an untyped one of the concept (`Summits of the Americas [pl]`).
            if let Some(&i) = candidates.iter().find(marked) {
                return Some(i);
            }
            if src == 0 || matches!(term.term_type, TermType::FullForm | TermType::Variant) {
                let all: Vec<usize> = of_types(&[TermType::FullForm, TermType::Variant]);
                if let Some(&i) = all.iter().find(marked) {
                    return Some(i);
                }
            }
        }
        candidates.first().copied().or(fallback)
    }

    /// The English term that renders source term `src` (see [`Concept::target_index`]).
    pub fn target_for(&self, src: usize, plural: bool, feminine: bool) -> Option<&Term> {
        self.target_index(src, plural, feminine)
            .map(|i| &self.tgt_terms[i])
    }
}

/// Words of a term (separated by spaces; hyphenated and elided words count once).
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// One term of a concept in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    /// The term as written.
    pub text: String,
    /// Full form, acronym, short form…
    pub term_type: TermType,
    /// Grammatical gender, when known.
    pub gender: Option<Gender>,
    /// Grammatical number, when known.
    pub number: Option<Number>,
    /// Part of speech, when known.
    pub part_of_speech: Option<PartOfSpeech>,
    /// Usage status (preferred, admitted, deprecated…).
    pub status: Status,
    /// A note on this term.
    pub note: Option<String>,
    /// Also a variant of the concept's term of this type (`CEPAL [acronym,variant]`: an
    /// acronym, not the main one). A term whose only type is "variant" has `term_type`
    /// [`TermType::Variant`] instead.
    #[serde(default)]
    pub variant: bool,
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
            variant: false,
        }
    }
}

/// TBX-Basic `termType` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TermType {
    /// The full form (TBX `fullForm`).
    FullForm,
    /// An acronym (`OIM`).
    Acronym,
    /// An abbreviation.
    Abbreviation,
    /// A short form (`Convention de Kampala`).
    ShortForm,
    /// A variant spelling or wording.
    Variant,
    /// A phrase (a collocation rather than a name).
    Phrase,
}

/// TBX-Basic `grammaticalGender` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Gender {
    /// Masculine.
    Masculine,
    /// Feminine.
    Feminine,
    /// Neuter.
    Neuter,
    /// Another gender value.
    Other,
}

/// TBX `grammaticalNumber` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Number {
    /// Singular.
    Singular,
    /// Plural.
    Plural,
    /// Another number value.
    Other,
}

/// TBX-Basic `partOfSpeech` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PartOfSpeech {
    /// Noun.
    Noun,
    /// Verb.
    Verb,
    /// Adjective.
    Adjective,
    /// Adverb.
    Adverb,
    /// Proper noun.
    ProperNoun,
    /// Another part of speech.
    Other,
}

/// TBX-Basic `administrativeStatus` picklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// The term to use (TBX `preferredTerm-admn-sts`).
    Preferred,
    /// Accepted (TBX `admittedTerm-admn-sts`).
    Admitted,
    /// Not to be used (TBX `deprecatedTerm-admn-sts`; CSV tag `deprecated`).
    NotRecommended,
    /// No longer used (TBX `supersededTerm-admn-sts`; CSV tag `obsolete`).
    Obsolete,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str, ty: TermType, status: Status) -> Term {
        Term {
            term_type: ty,
            status,
            ..Term::new(text)
        }
    }

    /// Row 29 of the shipped glossary, with a deprecated English form and a feminine one added.
    fn director_general() -> Concept {
        let mut directrice = term("Directrice générale", TermType::FullForm, Status::Admitted);
        directrice.gender = Some(Gender::Feminine);
        Concept {
            src_terms: vec![
                Term::new("Directeur général"),
                directrice,
                term("DG", TermType::Abbreviation, Status::Admitted),
                term("Dir. gén.", TermType::ShortForm, Status::Admitted),
            ],
            tgt_terms: vec![
                term(
                    "Director-General",
                    TermType::FullForm,
                    Status::NotRecommended,
                ),
                term("Director General", TermType::FullForm, Status::Preferred),
                term("DG", TermType::Acronym, Status::Admitted),
            ],
            ..Concept::default()
        }
    }

    #[test]
    fn deprecated_targets_are_never_chosen() {
        let c = director_general();
        assert_eq!(
            c.target_for(0, false, false).unwrap().text,
            "Director General"
        );
        // No feminine English form: the full form.
        assert_eq!(
            c.target_for(1, false, true).unwrap().text,
            "Director General"
        );
        // An abbreviation takes an acronym when English has no abbreviation.
        assert_eq!(c.target_for(2, false, false).unwrap().text, "DG");
        // No English short form: the preferred (first usable) term.
        assert_eq!(
            c.target_for(3, false, false).unwrap().text,
            "Director General"
        );
        // Out of range: the preferred term too.
        assert_eq!(c.target_index(9, false, false), Some(1));
    }

    #[test]
    fn feminine_and_plural_targets_are_kept_where_english_has_them() {
        let mut c = director_general();
        let mut f = term("Directress General", TermType::FullForm, Status::Admitted);
        f.gender = Some(Gender::Feminine);
        c.tgt_terms.push(f);
        assert_eq!(
            c.target_for(1, false, true).unwrap().text,
            "Directress General"
        );
        assert_eq!(
            c.target_for(0, false, false).unwrap().text,
            "Director General"
        );
        let mut pl = term("Directors General", TermType::FullForm, Status::Admitted);
        pl.number = Some(Number::Plural);
        c.tgt_terms.push(pl);
        // An inflected plural of the headword.
        assert_eq!(
            c.target_for(0, true, false).unwrap().text,
            "Directors General"
        );
    }

    #[test]
    fn a_concept_with_only_deprecated_targets_has_none() {
        let c = Concept {
            src_terms: vec![Term::new("réfugié climatique")],
            tgt_terms: vec![term(
                "climate refugee",
                TermType::FullForm,
                Status::NotRecommended,
            )],
            ..Concept::default()
        };
        assert_eq!(c.target_index(0, false, false), None);
    }
}
