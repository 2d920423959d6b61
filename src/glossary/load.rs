//! Loading a glossary file of any supported format.

use super::Glossary;
use crate::error::Result;
use crate::input::{read_source, Source};
use encoding_rs::Encoding;

/// Reads the glossary at `path` (`-` for stdin), choosing the reader from the content: a file
/// whose first non-blank character is `<` is TBX (XML), anything else the CSV/TSV format of
/// [`super::csv`].
pub fn read_glossary(path: &str, encoding: Option<&'static Encoding>) -> Result<Glossary> {
    from_source(&read_source(path, encoding)?)
}

/// Parses an already decoded glossary, TBX or CSV/TSV by content as [`read_glossary`] does.
pub fn from_source(source: &Source) -> Result<Glossary> {
    if source
        .text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        return crate::tbx::read_tbx(source);
    }
    super::csv::read_csv(source)
}
