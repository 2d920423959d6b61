//! TMX 1.4b: a streaming writer and a streaming, version-tolerant reader.
//!
//! # Writing
//! [`TmxWriter`] writes one `<tu>` at a time straight to its output; memory does not grow with the
//! number of units. It never writes an invalid file: [`TmxWriter::write_unit`] refuses (with an
//! error, writing nothing for that unit) a unit with fewer than two variants, an empty or
//! whitespace-only segment, a language code that is not a BCP 47 tag, or no variant in the
//! header's source language. The caller decides whether such a unit stops the run or is skipped
//! with a warning. XML-illegal control characters are removed and reported through
//! [`TmxWriter::take_warnings`]; segments over 2,000 characters (the Trados cap) are reported but
//! never truncated.
//!
//! # Properties trame writes
//! Every `<prop type>` trame writes starts with `x-` (Trados and XTM require it), see [`props`].
//!
//! # Reading
//! [`TmxReader`] is an iterator of `Result<TranslationUnit>`; see the [`reader`] module.

pub mod merge;
pub mod reader;
pub mod repair;
pub mod stats;
pub mod tabular;
pub mod validate;
pub mod writer;
pub mod xml;

pub use reader::{InlineMode, ReadOptions, TmxReader};
pub use writer::TmxWriter;

/// The `<prop type="…">` names trame writes on a `<tu>`.
pub mod props {
    /// The source document a unit comes from (file name or release identifier).
    pub const DOCUMENT: &str = "x-document";
    /// The 1-based line of the unit in the input (the TSV row for `tmx from-tsv`).
    pub const LINE: &str = "x-line";
    /// Alignment confidence, a decimal number between 0 and 1 (`0.93`).
    pub const CONFIDENCE: &str = "x-confidence";
    /// The alignment bead: number of source and target sentences merged, `2-1`, `1-1`…
    pub const BEAD: &str = "x-bead";
    /// Comma-separated ids of the source sentences in the unit.
    pub const SRC_IDS: &str = "x-src-ids";
    /// Comma-separated ids of the target sentences in the unit.
    pub const TGT_IDS: &str = "x-tgt-ids";
    /// The sentence before the unit's source (XTM's context convention).
    pub const CONTEXT_PRE: &str = "x-context-pre";
    /// The sentence after the unit's source (XTM's context convention).
    pub const CONTEXT_POST: &str = "x-context-post";
}

/// Trados refuses TU sides longer than this many characters; trame warns, never truncates.
pub const MAX_SEGMENT_CHARS: usize = 2000;

/// The TMX header fields trame sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmxHeader {
    /// `srclang`, e.g. `fr` or `fr-FR`. A reader reports `*` (any language) as read; see
    /// [`TmxHeader::source_language`].
    pub src_lang: String,
    /// `adminlang`, e.g. `en`.
    pub admin_lang: String,
    /// `creationtool`, `trame` by default.
    pub creation_tool: String,
    /// `creationtoolversion`, the crate version by default.
    pub creation_tool_version: String,
    /// `segtype`: `sentence` by default (`block`, `paragraph`, `phrase` are the others).
    pub segtype: String,
    /// `o-tmf`, the original TM format: `trame` by default.
    pub o_tmf: String,
    /// `datatype`: `plaintext` by default.
    pub datatype: String,
    /// `creationdate` as `YYYYMMDDThhmmssZ`. `None` when writing means "now"; set it for
    /// reproducible output.
    pub creation_date: Option<String>,
    /// Header-level `<prop>`s.
    pub props: Vec<Prop>,
}

impl TmxHeader {
    /// A header with `srclang` = `src_lang`, `adminlang` = `en` and trame's defaults.
    pub fn new(src_lang: impl Into<String>) -> Self {
        TmxHeader {
            src_lang: src_lang.into(),
            admin_lang: "en".into(),
            creation_tool: "trame".into(),
            creation_tool_version: env!("CARGO_PKG_VERSION").into(),
            segtype: "sentence".into(),
            o_tmf: "trame".into(),
            datatype: "plaintext".into(),
            creation_date: None,
            props: Vec::new(),
        }
    }

    /// The source language, or `None` when the header says `*` (all languages) or nothing.
    pub fn source_language(&self) -> Option<&str> {
        match self.src_lang.trim() {
            "" | "*" => None,
            lang => Some(lang),
        }
    }
}

/// A `<prop type="…">value</prop>`; trame's own types start with `x-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prop {
    /// The `type` attribute (`x-document`…).
    pub kind: String,
    /// The element's text.
    pub value: String,
}

impl Prop {
    /// A property of type `kind`.
    pub fn new(kind: impl Into<String>, value: impl Into<String>) -> Self {
        Prop {
            kind: kind.into(),
            value: value.into(),
        }
    }
}

/// A `<tuv xml:lang="…"><seg>text</seg></tuv>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The `xml:lang` code, as given (`fr`, `fr-FR`).
    pub lang: String,
    /// The segment as plain text (unescaped; inline codes dropped or kept by the reader option).
    pub text: String,
}

impl Variant {
    /// A variant in `lang`.
    pub fn new(lang: impl Into<String>, text: impl Into<String>) -> Self {
        Variant {
            lang: lang.into(),
            text: text.into(),
        }
    }
}

/// A translation unit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TranslationUnit {
    /// The `tuid` attribute, if any.
    pub tuid: Option<String>,
    /// The unit's `<prop>`s, in order.
    pub props: Vec<Prop>,
    /// The unit's `<tuv>`s, in order; the writer needs at least two, one in the header's `srclang`.
    pub variants: Vec<Variant>,
}

impl TranslationUnit {
    /// The index of the source variant: the first whose language equals `src_lang`
    /// (ignoring case), else the first with the same primary subtag, else the first variant.
    /// `None` only when there is no variant.
    pub fn source_index(&self, src_lang: Option<&str>) -> Option<usize> {
        if self.variants.is_empty() {
            return None;
        }
        if let Some(lang) = src_lang {
            if let Some(i) = self
                .variants
                .iter()
                .position(|v| v.lang.eq_ignore_ascii_case(lang))
            {
                return Some(i);
            }
            let primary = primary_subtag(lang);
            if let Some(i) = self
                .variants
                .iter()
                .position(|v| primary_subtag(&v.lang).eq_ignore_ascii_case(primary))
            {
                return Some(i);
            }
        }
        Some(0)
    }

    /// The (source, target) pair: the source variant (see [`Self::source_index`]) and the first
    /// other variant. `None` when the unit has fewer than two variants.
    pub fn pair(&self, src_lang: Option<&str>) -> Option<(&Variant, &Variant)> {
        let s = self.source_index(src_lang)?;
        let t = (0..self.variants.len()).find(|&i| i != s)?;
        Some((&self.variants[s], &self.variants[t]))
    }

    /// The value of the first prop of type `kind`.
    pub fn prop(&self, kind: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|p| p.kind == kind)
            .map(|p| p.value.as_str())
    }
}

/// `fr` for `fr-FR`.
pub fn primary_subtag(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_is_found_by_exact_then_primary_language() {
        let tu = TranslationUnit {
            tuid: None,
            props: vec![],
            variants: vec![
                Variant::new("en-GB", "Hello"),
                Variant::new("fr-FR", "Bonjour"),
            ],
        };
        assert_eq!(tu.source_index(Some("fr-fr")), Some(1));
        assert_eq!(tu.source_index(Some("fr")), Some(1));
        assert_eq!(tu.source_index(None), Some(0));
        let (s, t) = tu.pair(Some("fr")).unwrap();
        assert_eq!((s.text.as_str(), t.text.as_str()), ("Bonjour", "Hello"));
    }

    #[test]
    fn star_srclang_means_unspecified() {
        let mut h = TmxHeader::new("*");
        assert_eq!(h.source_language(), None);
        h.src_lang = "fr".into();
        assert_eq!(h.source_language(), Some("fr"));
    }
}
