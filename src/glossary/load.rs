//! Loading a glossary file of any supported format.

use super::Glossary;
use crate::error::{Error, Result};
use crate::input::{read_source, Source};
use encoding_rs::Encoding;

/// Reads the glossary at `path` (`-` for stdin), choosing the reader from the content: a file
/// whose first non-blank character is `<` is TBX (XML), anything else the CSV/TSV format of
/// [`super::csv`].
///
/// A term no matcher can use (a function word such as `de`, punctuation only: see
/// [`super::check`]) is an error at its entry's line.
pub fn read_glossary(path: &str, encoding: Option<&'static Encoding>) -> Result<Glossary> {
    let glossary = from_source(&read_source(path, encoding)?)?;
    refuse_unusable(&glossary, path)?;
    Ok(glossary)
}

/// Parses an already decoded glossary, TBX or CSV/TSV by content as [`read_glossary`] does
/// (without refusing unusable terms: the audit reports those as findings).
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

/// The first unusable term of `glossary` as an error naming its entry and line.
pub fn refuse_unusable(glossary: &Glossary, path: &str) -> Result<()> {
    let bad = super::check::unusable_terms(glossary);
    let Some(first) = bad.first() else {
        return Ok(());
    };
    let c = &glossary.concepts[first.concept];
    let side = if first.source_side {
        "French"
    } else {
        "English"
    };
    let more = match bad.len() {
        1 => String::new(),
        n => format!(" ({} more such terms; `trame audit` lists them)", n - 1),
    };
    let message = format!(
        "entry {}: {side} term `{}` {}: remove it or write the whole term it belongs to{more}",
        if c.id.is_empty() { "(no id)" } else { &c.id },
        first.term,
        first.reason
    );
    Err(match c.line {
        Some(line) => Error::syntax(path, line, 1, message),
        None => Error::invalid(path, message),
    })
}
