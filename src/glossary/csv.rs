//! The glossary CSV format: reader (comma, semicolon or tab, auto-detected) and writer.
//!
//! STUB (interface contract): the real implementation replaces the bodies, not the signatures.

use super::Glossary;
use crate::error::{Error, Result};
use crate::input::Source;
use std::io::Write;

/// Reads a glossary from a decoded CSV/TSV source. A malformed row is an error with file:line;
/// nothing is half-loaded.
pub fn read_csv(source: &Source) -> Result<Glossary> {
    Err(Error::invalid(
        &source.path,
        "glossary CSV reader not implemented yet",
    ))
}

/// Writes `glossary` as CSV (comma-separated, UTF-8, header row).
pub fn write_csv(_glossary: &Glossary, _out: &mut dyn Write) -> Result<()> {
    Err(Error::invalid(
        "<csv>",
        "glossary CSV writer not implemented yet",
    ))
}
