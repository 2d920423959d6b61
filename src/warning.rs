//! Warnings: what a stage changed or left aside without stopping, as values the caller renders
//! (the CLI prints them as `trame: warning: …`, `build` lists them in its summary).

use std::fmt;

/// Something a stage did that the user should know but that did not stop it.
///
/// ```
/// use trame::Warning;
///
/// let w = Warning::IllegalCharacters {
///     at: "tu 3".into(),
///     field: "the fr segment".into(),
///     removed: 2,
/// };
/// assert_eq!(w.to_string(), "tu 3: removed 2 XML-illegal character(s) from the fr segment");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Warning {
    /// Characters XML 1.0 forbids (control characters, unpaired surrogates, U+FFFE/U+FFFF) were
    /// removed from a value written to XML.
    IllegalCharacters {
        /// The unit, entry or header written (`TMX header`, `tu 3`…).
        at: String,
        /// The value that lost them (`the fr segment`, `prop x-note`…); empty when `at` says it.
        field: String,
        /// How many characters were removed.
        removed: usize,
    },
    /// A segment longer than some CAT tools accept was written whole.
    LongSegment {
        /// The unit written.
        at: String,
        /// The segment's language.
        lang: String,
        /// Its length in characters.
        chars: usize,
        /// The most Trados accepts.
        limit: usize,
    },
    /// A concept with no English term usable as a target (all deprecated or empty) is left out
    /// of a target-oriented export (the OmegaT glossary shape).
    NoTargetTerm {
        /// The concept's id.
        concept: String,
    },
    /// A part of an SRX file that trame reads but does not apply (an Okapi extension,
    /// `<formathandle>`…).
    SrxIgnored {
        /// What is ignored and why.
        message: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::IllegalCharacters { at, field, removed } if field.is_empty() => {
                write!(f, "{at}: removed {removed} XML-illegal character(s)")
            }
            Warning::IllegalCharacters { at, field, removed } => {
                write!(f, "{at}: removed {removed} XML-illegal character(s) from {field}")
            }
            Warning::LongSegment {
                at,
                lang,
                chars,
                limit,
            } => write!(
                f,
                "{at}: the {lang} segment has {chars} characters; Trados accepts at most {limit} (kept whole)"
            ),
            Warning::NoTargetTerm { concept } => {
                write!(f, "concept {concept}: no usable target term, no OmegaT entry")
            }
            Warning::SrxIgnored { message } => f.write_str(message),
        }
    }
}
