//! Loading a glossary file of any supported format.

use super::Glossary;
use crate::error::{Error, Result};
use crate::input::read_source;
use encoding_rs::Encoding;

/// Reads the glossary at `path` (`-` for stdin), choosing the reader from the content: a file
/// whose first non-blank character is `<` is TBX (XML), anything else the CSV/TSV format of
/// [`super::csv`].
///
/// TBX import is the formats module's job; until it is wired in here, a TBX file is an error
/// that says so (never misread as CSV).
pub fn read_glossary(path: &str, encoding: Option<&'static Encoding>) -> Result<Glossary> {
    let source = read_source(path, encoding)?;
    if source
        .text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        // Hook for the TBX reader: `return crate::tbx::read_tbx(&source);`
        return Err(Error::invalid(
            path,
            "looks like TBX (XML); TBX import is not available yet, use the CSV glossary",
        ));
    }
    super::csv::read_csv(&source)
}
