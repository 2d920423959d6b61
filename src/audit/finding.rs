//! The unit of an audit: a [`Finding`], with its [`Rule`] and [`Severity`], and its JSON Lines form.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; often legitimate (synonyms, unused entries, candidate terms).
    Info,
    /// Very likely a defect, but the glossary or memory is still usable.
    Warning,
    /// A defect that makes the glossary or memory give wrong answers.
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every check the audit runs. The string ids ([`Rule::id`]) are a public contract: pipelines
/// filter on them, so they never change once released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// The same French term entered twice with the same English (a split concept).
    Duplicate,
    /// The same French term with different English equivalents in several entries.
    Conflict,
    /// One English term for several French entries (possible synonyms split over rows).
    Synonym,
    /// Headwords equal but for accents, case, hyphens, apostrophes, number or one letter.
    NearDuplicate,
    /// A `title` entry whose headword has one gender and no variant of the other.
    MissingGenderForm,
    /// An acronym without its expansion, or one acronym with different expansions.
    Acronym,
    /// Padded cells, doubled spaces, control characters.
    Whitespace,
    /// An entry uses `'` while most use `’` (or the reverse), per language.
    Apostrophe,
    /// An English term's capitalisation differs from the majority of its category.
    Capitalisation,
    /// No `source` for the entry.
    MissingSource,
    /// An empty `fr`/`en` cell, or an empty item in a variants list.
    EmptyTerm,
    /// A term that is only a function word or only punctuation.
    UnusableTerm,
    /// A row, term or section the reader could not use: left out, the rest audited.
    Damaged,
    /// An unknown column, element, data category or picklist value: ignored.
    Unrecognised,
    /// A cell that reads like UTF-8 decoded as Windows-1252 (`Ã©`).
    MixedEncoding,
    /// A French term that reads as English, or the reverse.
    WrongLanguage,
    /// An entry that never occurs in the corpus.
    Unused,
    /// A recurring institutional name or a defined acronym absent from the glossary.
    CandidateTerm,
    /// The matcher flagged the source text around a term (agreement, near-miss spelling).
    SourceError,
    /// A unit's French side has a glossary term, its English side none of its equivalents.
    TmTermMissing,
    /// A unit's English side uses a deprecated or obsolete English term of the concept.
    TmDeprecatedTerm,
    /// One French segment translated differently in several units.
    TmInconsistent,
    /// One English segment coming from different French segments.
    TmInconsistentSource,
}

impl Rule {
    /// All rules, in report order (glossary lint, corpus, memory).
    pub const ALL: [Rule; 23] = [
        Rule::Damaged,
        Rule::Conflict,
        Rule::EmptyTerm,
        Rule::UnusableTerm,
        Rule::MixedEncoding,
        Rule::WrongLanguage,
        Rule::Unrecognised,
        Rule::Duplicate,
        Rule::NearDuplicate,
        Rule::Acronym,
        Rule::MissingGenderForm,
        Rule::Whitespace,
        Rule::Apostrophe,
        Rule::MissingSource,
        Rule::Capitalisation,
        Rule::Synonym,
        Rule::SourceError,
        Rule::CandidateTerm,
        Rule::Unused,
        Rule::TmTermMissing,
        Rule::TmDeprecatedTerm,
        Rule::TmInconsistent,
        Rule::TmInconsistentSource,
    ];

    /// The stable rule id written in reports (`near-duplicate`, `tm-term-missing`…).
    pub fn id(self) -> &'static str {
        match self {
            Rule::Duplicate => "duplicate",
            Rule::Conflict => "conflict",
            Rule::Synonym => "synonym",
            Rule::NearDuplicate => "near-duplicate",
            Rule::MissingGenderForm => "missing-gender-form",
            Rule::Acronym => "acronym",
            Rule::Whitespace => "whitespace",
            Rule::Apostrophe => "apostrophe",
            Rule::Capitalisation => "capitalisation",
            Rule::MissingSource => "missing-source",
            Rule::EmptyTerm => "empty-term",
            Rule::UnusableTerm => "unusable-term",
            Rule::Damaged => "damaged",
            Rule::Unrecognised => "unrecognised",
            Rule::MixedEncoding => "mixed-encoding",
            Rule::WrongLanguage => "wrong-language",
            Rule::Unused => "unused",
            Rule::CandidateTerm => "candidate-term",
            Rule::SourceError => "source-error",
            Rule::TmTermMissing => "tm-term-missing",
            Rule::TmDeprecatedTerm => "tm-deprecated-term",
            Rule::TmInconsistent => "tm-inconsistent",
            Rule::TmInconsistentSource => "tm-inconsistent-source",
        }
    }

    /// The rule for a rule id, if it is one.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The severity every finding of this rule carries (the table in [`crate::audit`]).
    pub fn severity(self) -> Severity {
        match self {
            Rule::Conflict | Rule::EmptyTerm | Rule::UnusableTerm | Rule::Damaged => {
                Severity::Error
            }
            Rule::Unrecognised | Rule::MixedEncoding | Rule::WrongLanguage => Severity::Warning,
            Rule::Duplicate
            | Rule::NearDuplicate
            | Rule::MissingGenderForm
            | Rule::Acronym
            | Rule::Whitespace
            | Rule::Apostrophe
            | Rule::MissingSource
            | Rule::SourceError
            | Rule::TmTermMissing
            | Rule::TmDeprecatedTerm
            | Rule::TmInconsistent => Severity::Warning,
            Rule::Synonym
            | Rule::Capitalisation
            | Rule::Unused
            | Rule::CandidateTerm
            | Rule::TmInconsistentSource => Severity::Info,
        }
    }

    /// A heading for the rule's section in human reports.
    pub fn title(self) -> &'static str {
        match self {
            Rule::Duplicate => "Duplicate entries",
            Rule::Conflict => "Conflicting translations",
            Rule::Synonym => "Possible synonyms (one English term, several French concepts)",
            Rule::NearDuplicate => "Near-duplicate entries",
            Rule::MissingGenderForm => "Titles missing a gender form",
            Rule::Acronym => "Acronym problems",
            Rule::Whitespace => "Stray whitespace",
            Rule::Apostrophe => "Mixed apostrophes",
            Rule::Capitalisation => "Inconsistent English capitalisation",
            Rule::MissingSource => "Entries without a source",
            Rule::EmptyTerm => "Empty terms",
            Rule::UnusableTerm => "Terms no matcher can use",
            Rule::Damaged => "Damaged entries (left out of the other checks)",
            Rule::Unrecognised => "Unknown columns, elements, data categories or values (ignored)",
            Rule::MixedEncoding => "Text garbled by mixed encodings",
            Rule::WrongLanguage => "Terms in the other language's column or section",
            Rule::Unused => "Entries unused in the corpus",
            Rule::CandidateTerm => "Candidate terms missing from the glossary",
            Rule::SourceError => "Source errors around terms",
            Rule::TmTermMissing => "Glossary term not used in the translation memory",
            Rule::TmDeprecatedTerm => "Deprecated English term used in the translation memory",
            Rule::TmInconsistent => "Same French segment, different translations",
            Rule::TmInconsistentSource => "Same English segment from different French segments",
        }
    }
}

impl Rule {
    /// One sentence for a terminologist: what the check looks for and why it matters.
    pub fn explanation(self) -> &'static str {
        match self {
            Rule::Duplicate => "The same French term is entered in several rows with the same English: one concept split over rows, which CAT tools show as repeated hits.",
            Rule::Conflict => "The same French term has different English equivalents in different rows, so translators get contradictory answers.",
            Rule::Synonym => "Several French entries share one English term: either synonyms that belong in one entry, or English terms that should be distinct.",
            Rule::NearDuplicate => "Headwords that differ only by accents, case, hyphens, apostrophes, number or one letter: usually one entry typed twice, or a typo.",
            Rule::MissingGenderForm => "A title is given in one gender only; French texts use both (Directeur / Directrice), and matching needs both forms.",
            Rule::Acronym => "An acronym without its full name, or one acronym expanded differently in different entries.",
            Rule::Whitespace => "Cells with leading or trailing spaces, doubled spaces or control characters, which break exact matching in other tools.",
            Rule::Apostrophe => "Straight (') and typographic (’) apostrophes are mixed across entries of one language.",
            Rule::Capitalisation => "An English term capitalised differently from most entries of its category.",
            Rule::MissingSource => "Entries without a source: nobody can check where the official form comes from.",
            Rule::EmptyTerm => "An empty term cell or an empty item in a variants list: the entry cannot be used as it is.",
            Rule::Damaged => "A row, term or language section the reader could not use as written (wrong number of fields, duplicate id, missing term or language): it is left out and the rest is audited.",
            Rule::Unrecognised => "A column, element, data category or picklist value the reader does not know: it is ignored, so what it says is lost.",
            Rule::WrongLanguage => "A French term that reads as English (of, the, for…) or an English term that reads as French (de, la, pour…): probably entered in the wrong column or language section.",
            Rule::MixedEncoding => "Text that looks like UTF-8 read as Windows-1252 (Ã© for é, â€™ for ’): the file was assembled from files in different encodings.",
            Rule::UnusableTerm => "A term that is only a function word (de, the) or only punctuation would match nearly everywhere; trame terms and build refuse such a glossary.",
            Rule::Unused => "Entries that never occur in the texts audited; normal for a general glossary, but check their spelling.",
            Rule::CandidateTerm => "Recurring names and acronyms defined in the texts that the glossary lacks, most widespread first.",
            Rule::SourceError => "Places where the French source itself looks wrong around a glossary term (agreement, near-miss spelling).",
            Rule::TmTermMissing => "Translation units whose French has a glossary term while the English has none of its approved equivalents.",
            Rule::TmDeprecatedTerm => "Translation units whose English uses a form the glossary marks as deprecated.",
            Rule::TmInconsistent => "One French segment translated in different ways in the memory.",
            Rule::TmInconsistentSource => "One English segment used for different French segments; often fine, sometimes a wrong match.",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A piece of text to show with a finding, with the spans to highlight (byte ranges into `text`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// Label shown before the text (`FR`, `EN`, `sentence`…).
    pub label: String,
    /// The text itself (a sentence, a segment, a glossary field).
    pub text: String,
    /// Byte ranges of `text` to highlight; on char boundaries, sorted, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Context {
    /// A context with one highlighted range; an invalid range is dropped rather than kept.
    pub fn new(
        label: impl Into<String>,
        text: impl Into<String>,
        highlight: Option<Range<usize>>,
    ) -> Self {
        let text = text.into();
        let highlights = highlight
            .filter(|r| {
                r.start < r.end
                    && r.end <= text.len()
                    && text.is_char_boundary(r.start)
                    && text.is_char_boundary(r.end)
            })
            .into_iter()
            .collect();
        Context {
            label: label.into(),
            text,
            highlights,
        }
    }
}

/// One problem (or observation) found by the audit.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The check that produced the finding.
    pub rule: Rule,
    /// The severity of `rule` (see [`Rule::severity`]), stored with the finding for renderers.
    pub severity: Severity,
    /// Glossary entry ids involved: the concept id, or the 1-based CSV line when there is none.
    pub entries: Vec<String>,
    /// TMX units involved: `tuid`, or the 1-based position of the `<tu>` when it has none.
    pub tus: Vec<String>,
    /// The document the finding is in (corpus findings), if any.
    pub doc: Option<String>,
    /// 1-based line in `doc`, or in the glossary file for glossary findings when known.
    pub line: Option<usize>,
    /// What is wrong, naming the terms and entries (one line, no markup).
    pub message: String,
    /// What to do about it.
    pub suggestion: String,
    /// Texts to show in human reports (not part of the JSON Lines contract).
    pub contexts: Vec<Context>,
    /// A number used to rank findings within a rule (candidate frequency…); higher first.
    pub rank: usize,
    /// Occurrences and documents, for findings about corpus frequency (candidate terms).
    pub counts: Option<(usize, usize)>,
}

impl Finding {
    /// A finding of `rule` with the rule's severity and nothing else filled in.
    pub fn new(rule: Rule, message: impl Into<String>, suggestion: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.severity(),
            entries: Vec::new(),
            tus: Vec::new(),
            doc: None,
            line: None,
            message: message.into(),
            suggestion: suggestion.into(),
            contexts: Vec::new(),
            rank: 0,
            counts: None,
        }
    }

    /// Sets the glossary entries involved.
    pub fn entries<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.entries = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the translation units involved.
    pub fn tus<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tus = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the document and line.
    pub fn at(mut self, doc: Option<String>, line: Option<usize>) -> Self {
        self.doc = doc;
        self.line = line;
        self
    }

    /// Adds a text to show with the finding.
    pub fn context(mut self, context: Context) -> Self {
        self.contexts.push(context);
        self
    }

    /// The JSON Lines record (no newline): exactly the keys of the findings contract, in
    /// contract order, `doc`/`line` as `null` when they do not apply.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(&JsonFinding {
            rule: self.rule.id(),
            severity: self.severity.as_str(),
            entries: &self.entries,
            tus: &self.tus,
            doc: self.doc.as_deref(),
            line: self.line,
            message: &self.message,
            suggestion: &self.suggestion,
        })
        .unwrap_or_default()
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'a str,
    entries: &'a [String],
    tus: &'a [String],
    doc: Option<&'a str>,
    line: Option<usize>,
    message: &'a str,
    suggestion: &'a str,
}

/// Sorts findings for output: by rule (report order), then rank (higher first), then position.
pub fn sort_findings(findings: &mut [Finding]) {
    let order = |r: Rule| Rule::ALL.iter().position(|x| *x == r).unwrap_or(usize::MAX);
    findings.sort_by(|a, b| {
        order(a.rule)
            .cmp(&order(b.rule))
            .then(b.rank.cmp(&a.rank))
            .then_with(|| a.doc.cmp(&b.doc))
            .then(a.line.cmp(&b.line))
            .then_with(|| a.entries.cmp(&b.entries))
            .then_with(|| a.tus.cmp(&b.tus))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_exactly_the_contract_keys_with_nulls() {
        let f = Finding::new(Rule::Conflict, "m", "s").entries(["a", "7"]);
        let line = f.to_json_line();
        assert_eq!(
            line,
            r#"{"rule":"conflict","severity":"error","entries":["a","7"],"tus":[],"doc":null,"line":null,"message":"m","suggestion":"s"}"#
        );
    }

    #[test]
    fn rule_ids_round_trip_and_are_unique() {
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(r));
        }
        let mut ids: Vec<_> = Rule::ALL.iter().map(|r| r.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
    }

    #[test]
    fn severities_are_ordered() {
        assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Info);
    }

    #[test]
    fn context_drops_a_range_off_char_boundaries() {
        assert!(Context::new("x", "é", Some(0..1)).highlights.is_empty());
        assert_eq!(Context::new("x", "é", Some(0..2)).highlights, vec![0..2]);
    }
}
