//! The shipped IOM French→English glossary, embedded in the library so an installed binary has it
//! wherever it runs (no file next to the executable is needed).

use super::Glossary;
use crate::error::Result;
use crate::input::Source;

/// The name under which the shipped glossary appears in messages and outputs.
pub const SHIPPED_GLOSSARY_NAME: &str = "glossaries/iom-fr-en.csv";

/// The text of `glossaries/iom-fr-en.csv` as it was when the library was compiled.
pub const SHIPPED_GLOSSARY_CSV: &str = include_str!("../../glossaries/iom-fr-en.csv");

/// The shipped glossary, parsed from the embedded copy.
pub fn shipped_glossary() -> Result<Glossary> {
    super::csv::read_csv(&shipped_source())
}

/// The embedded glossary as a decoded [`Source`], for readers that take one (the audit).
pub fn shipped_source() -> Source {
    Source {
        path: SHIPPED_GLOSSARY_NAME.to_string(),
        text: SHIPPED_GLOSSARY_CSV.to_string(),
        encoding: "UTF-8",
        bom_len: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_glossary_parses() {
        let g = shipped_glossary().unwrap();
        assert!(g.concepts.len() >= 400, "{}", g.concepts.len());
    }
}
