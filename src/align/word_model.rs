//! A word-translation model as a value: IBM Model 1 (both directions) trained once on a corpus
//! of document pairs, saved and loaded as JSON, and reused for every pair aligned afterwards
//! (`AlignOptions::word_model`), for instance broadcast to worker processes.

use super::AlignOptions;
use crate::error::{Error, Result};
use std::io::{Read, Write};

/// Word links learnt by IBM Model 1 on confident 1-1 beads, keyed by the aligner's tokens
/// (lower-cased, accents removed).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WordModel {
    /// Format version of the saved model.
    pub version: u32,
    /// `(French token, English token, t(e|f), t(f|e))`, sorted.
    pub links: Vec<(String, String, f32, f32)>,
}

/// Current [`WordModel::version`].
pub const WORD_MODEL_VERSION: u32 = 1;

impl WordModel {
    /// Trains the model on `docs` (French and English sentences of each pair): a first
    /// alignment pass without it, then Model 1 on the confident 1-1 beads of all documents.
    /// An empty model when there are fewer than 20 such beads.
    pub fn train(docs: &[(&[&str], &[&str])], opts: &AlignOptions) -> Result<WordModel> {
        super::train_word_model(docs, opts)
    }

    /// Number of word links.
    pub fn len(&self) -> usize {
        self.links.len()
    }

    /// True when the model holds no link.
    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// Writes the model as JSON.
    pub fn save(&self, out: &mut dyn Write) -> Result<()> {
        serde_json::to_writer(&mut *out, self).map_err(|e| Error::output(std::io::Error::other(e)))
    }

    /// Reads a model written by [`WordModel::save`]; `name` names the source in errors.
    pub fn load(name: &str, input: impl Read) -> Result<WordModel> {
        let m: WordModel = serde_json::from_reader(input)
            .map_err(|e| Error::invalid(name, format!("not a trame word model: {e}")))?;
        if m.version != WORD_MODEL_VERSION {
            return Err(Error::invalid(
                name,
                format!(
                    "word model version {} (this trame reads {WORD_MODEL_VERSION})",
                    m.version
                ),
            ));
        }
        Ok(m)
    }
}
