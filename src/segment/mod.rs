//! Sentence segmentation with SRX 2.0 rules (Java regex dialect translated), built-in rules for French and English.
//!
//! STUB (interface contract): the real implementation replaces the bodies, not the signatures.

use crate::clean::CleanText;
use crate::error::Result;

/// One segment: its normalised text and its byte span in the text that was segmented.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    /// The segment text, whitespace normalised (single spaces, trimmed): what a CAT tool shows.
    pub text: String,
    /// Byte offset of the segment's first character in the segmented text.
    pub start: usize,
    /// Byte offset just past the segment's last character.
    pub end: usize,
}

/// A segmenter for one language, built once from SRX rules; `Send + Sync`, reusable across threads.
#[derive(Debug, Clone)]
pub struct Segmenter {
    _lang: String,
}

impl Segmenter {
    /// The built-in rules for `lang` (`fr`, `en`; other codes fall back to the default rules).
    pub fn builtin(lang: &str) -> Result<Self> {
        Ok(Segmenter {
            _lang: lang.to_string(),
        })
    }

    /// Rules read from an SRX 2.0 document, for language code `lang`.
    pub fn from_srx(_srx_xml: &str, lang: &str) -> Result<Self> {
        Self::builtin(lang)
    }

    /// Splits `text` into segments. Every line end is a hard break (paragraphs, headings).
    pub fn segment(&self, text: &str) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let start = pos + (line.len() - line.trim_start().len());
                out.push(Segment {
                    text: trimmed.to_string(),
                    start,
                    end: start + trimmed.len(),
                });
            }
            pos += line.len();
        }
        out
    }

    /// Segments a cleaned document; the spans refer to the original text the cleaning came from.
    pub fn segment_clean(&self, clean: &CleanText) -> Vec<Segment> {
        self.segment(&clean.text)
            .into_iter()
            .map(|s| {
                let r = clean.original_range(s.start..s.end);
                Segment {
                    text: s.text,
                    start: r.start,
                    end: r.end,
                }
            })
            .collect()
    }
}
