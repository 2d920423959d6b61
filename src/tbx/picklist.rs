//! TBX-Basic picklist values for the glossary model's enums, and the two notes trame uses for
//! model fields that TBX-Basic has no data category for.
//!
//! | model | TBX v2 (TBX-Basic 2008) | TBX v3 (TBX-Basic DCA) |
//! |---|---|---|
//! | `TermType` | `termNote type="termType"`: fullForm, acronym, abbreviation, shortForm, variant, phrase | same |
//! | `Gender` | `grammaticalGender`: masculine, feminine, neuter, other | same |
//! | `PartOfSpeech` | `partOfSpeech`: noun, verb, adjective, adverb, properNoun, other | noun, verb, adjective, adverb, other; `ProperNoun` is written `noun` plus the note `partOfSpeech: properNoun` |
//! | `Status` | `administrativeStatus`: preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts (NotRecommended), supersededTerm-admn-sts (Obsolete) | same |
//! | `Number` | no data category: the term-level note `grammaticalNumber: singular\|plural\|other` | same |
//!
//! Readers also accept the TBX-Basic display values (`preferred`, `admitted`, `notRecommended`,
//! `deprecated`, `obsolete`, `superseded`) for the status.

use crate::glossary::{Gender, Number, PartOfSpeech, Status, TermType};

/// The text of the note that carries a term's grammatical number.
pub const NUMBER_NOTE_PREFIX: &str = "grammaticalNumber: ";
/// The note that marks a term as also a variant of its type (`CEPAL [acronym,variant]`):
/// TBX-Basic allows one `termType` per term.
pub const VARIANT_NOTE: &str = "termType: variant";
/// The note that marks a v3 `partOfSpeech` of `noun` as a proper noun.
pub const PROPER_NOUN_NOTE: &str = "partOfSpeech: properNoun";

/// `termType` value.
pub fn term_type(t: TermType) -> &'static str {
    match t {
        TermType::FullForm => "fullForm",
        TermType::Acronym => "acronym",
        TermType::Abbreviation => "abbreviation",
        TermType::ShortForm => "shortForm",
        TermType::Variant => "variant",
        TermType::Phrase => "phrase",
    }
}

/// Parses a `termType` value.
pub fn parse_term_type(s: &str) -> Option<TermType> {
    Some(match s {
        "fullForm" => TermType::FullForm,
        "acronym" => TermType::Acronym,
        "abbreviation" => TermType::Abbreviation,
        "shortForm" => TermType::ShortForm,
        "variant" => TermType::Variant,
        "phrase" => TermType::Phrase,
        _ => return None,
    })
}

/// `grammaticalGender` value.
pub fn gender(g: Gender) -> &'static str {
    match g {
        Gender::Masculine => "masculine",
        Gender::Feminine => "feminine",
        Gender::Neuter => "neuter",
        Gender::Other => "other",
    }
}

/// Parses a `grammaticalGender` value.
pub fn parse_gender(s: &str) -> Option<Gender> {
    Some(match s {
        "masculine" => Gender::Masculine,
        "feminine" => Gender::Feminine,
        "neuter" => Gender::Neuter,
        "other" => Gender::Other,
        _ => return None,
    })
}

/// Grammatical number value (used in the `grammaticalNumber: …` note).
pub fn number(n: Number) -> &'static str {
    match n {
        Number::Singular => "singular",
        Number::Plural => "plural",
        Number::Other => "other",
    }
}

/// Parses a grammatical number value.
pub fn parse_number(s: &str) -> Option<Number> {
    Some(match s {
        "singular" => Number::Singular,
        "plural" => Number::Plural,
        "other" => Number::Other,
        _ => return None,
    })
}

/// `partOfSpeech` value in TBX v2 (`properNoun` allowed).
pub fn part_of_speech(p: PartOfSpeech) -> &'static str {
    match p {
        PartOfSpeech::Noun => "noun",
        PartOfSpeech::Verb => "verb",
        PartOfSpeech::Adjective => "adjective",
        PartOfSpeech::Adverb => "adverb",
        PartOfSpeech::ProperNoun => "properNoun",
        PartOfSpeech::Other => "other",
    }
}

/// `partOfSpeech` value in TBX v3 DCA, which has no `properNoun`: it becomes `noun`.
pub fn part_of_speech_v3(p: PartOfSpeech) -> &'static str {
    match p {
        PartOfSpeech::ProperNoun => "noun",
        other => part_of_speech(other),
    }
}

/// Parses a `partOfSpeech` value (either version).
pub fn parse_part_of_speech(s: &str) -> Option<PartOfSpeech> {
    Some(match s {
        "noun" => PartOfSpeech::Noun,
        "verb" => PartOfSpeech::Verb,
        "adjective" => PartOfSpeech::Adjective,
        "adverb" => PartOfSpeech::Adverb,
        "properNoun" => PartOfSpeech::ProperNoun,
        "other" => PartOfSpeech::Other,
        _ => return None,
    })
}

/// `administrativeStatus` value.
pub fn status(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted => "admittedTerm-admn-sts",
        Status::NotRecommended => "deprecatedTerm-admn-sts",
        Status::Obsolete => "supersededTerm-admn-sts",
    }
}

/// Parses an `administrativeStatus` value (the schema values or the display values).
pub fn parse_status(s: &str) -> Option<Status> {
    Some(match s {
        "preferredTerm-admn-sts" | "preferred" => Status::Preferred,
        "admittedTerm-admn-sts" | "admitted" => Status::Admitted,
        "deprecatedTerm-admn-sts" | "deprecated" | "notRecommended" => Status::NotRecommended,
        "supersededTerm-admn-sts" | "superseded" | "obsolete" => Status::Obsolete,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips() {
        for t in [
            TermType::FullForm,
            TermType::Acronym,
            TermType::Abbreviation,
            TermType::ShortForm,
            TermType::Variant,
            TermType::Phrase,
        ] {
            assert_eq!(parse_term_type(term_type(t)), Some(t));
        }
        for g in [
            Gender::Masculine,
            Gender::Feminine,
            Gender::Neuter,
            Gender::Other,
        ] {
            assert_eq!(parse_gender(gender(g)), Some(g));
        }
        for n in [Number::Singular, Number::Plural, Number::Other] {
            assert_eq!(parse_number(number(n)), Some(n));
        }
        for s in [
            Status::Preferred,
            Status::Admitted,
            Status::NotRecommended,
            Status::Obsolete,
        ] {
            assert_eq!(parse_status(status(s)), Some(s));
        }
        for p in [
            PartOfSpeech::Noun,
            PartOfSpeech::Verb,
            PartOfSpeech::Adjective,
            PartOfSpeech::Adverb,
            PartOfSpeech::ProperNoun,
            PartOfSpeech::Other,
        ] {
            assert_eq!(parse_part_of_speech(part_of_speech(p)), Some(p));
        }
    }

    #[test]
    fn exact_schema_values() {
        assert_eq!(status(Status::NotRecommended), "deprecatedTerm-admn-sts");
        assert_eq!(status(Status::Obsolete), "supersededTerm-admn-sts");
        assert_eq!(part_of_speech_v3(PartOfSpeech::ProperNoun), "noun");
        assert_eq!(parse_status("notRecommended"), Some(Status::NotRecommended));
        assert_eq!(parse_term_type("synonym"), None);
    }
}
