//! Loading a glossary file of any supported format.

use super::Glossary;
use crate::error::Result;
use crate::input::read_source;
use encoding_rs::Encoding;

/// Reads the glossary at `path` (`-` for stdin), choosing the reader from the content: a file
/// whose first non-blank character is `<` is TBX (XML), anything else the CSV/TSV format of
/// [`super::csv`].
pub fn read_glossary(path: &str, encoding: Option<&'static Encoding>) -> Result<Glossary> {
    let source = read_source(path, encoding)?;
    if source
        .text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        return crate::tbx::read_tbx(&source);
    }
    super::csv::read_csv(&source)
}
