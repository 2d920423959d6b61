//! TMX 1.4b: a streaming writer and a streaming, version-tolerant reader.
//!
//! STUB (interface contract): the real implementation replaces the bodies, not the signatures.

use crate::error::Result;
use std::io::Write;

/// The TMX header fields trame sets.
#[derive(Debug, Clone)]
pub struct TmxHeader {
    /// `srclang`, e.g. `fr` or `fr-FR`.
    pub src_lang: String,
    /// `adminlang`, e.g. `en`.
    pub admin_lang: String,
}

impl TmxHeader {
    /// A header with `srclang` = `src_lang` and `adminlang` = `en`.
    pub fn new(src_lang: impl Into<String>) -> Self {
        TmxHeader {
            src_lang: src_lang.into(),
            admin_lang: "en".into(),
        }
    }
}

/// A `<prop type="…">value</prop>`; trame's own types start with `x-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prop {
    pub kind: String,
    pub value: String,
}

/// A `<tuv xml:lang="…"><seg>text</seg></tuv>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub lang: String,
    pub text: String,
}

/// A translation unit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TranslationUnit {
    pub tuid: Option<String>,
    pub props: Vec<Prop>,
    pub variants: Vec<Variant>,
}

/// Writes a TMX 1.4b document unit by unit; memory does not grow with the number of units.
pub struct TmxWriter<W: Write> {
    out: W,
    warnings: Vec<String>,
}

impl<W: Write> TmxWriter<W> {
    /// Writes the XML declaration, `<tmx>` and the header.
    pub fn new(out: W, _header: &TmxHeader) -> Result<Self> {
        Ok(TmxWriter {
            out,
            warnings: Vec::new(),
        })
    }

    /// Writes one `<tu>`; XML-illegal characters are removed and a warning is recorded.
    pub fn write_unit(&mut self, _tu: &TranslationUnit) -> Result<()> {
        Ok(())
    }

    /// Warnings recorded so far (removed characters, over-long segments…), drained.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Closes the document and returns the underlying writer.
    pub fn finish(self) -> Result<W> {
        Ok(self.out)
    }
}
