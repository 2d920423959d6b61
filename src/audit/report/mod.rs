//! Rendering an audit [`Report`]: human text, JSON Lines (the findings contract) or one
//! self-contained HTML page.

pub mod html;
pub mod jsonl;
pub mod text;

use super::Report;
use crate::error::Result;
use std::io::Write;

/// The output formats of `trame audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A grouped summary for a terminal.
    #[default]
    Text,
    /// One JSON object per finding, for pipelines.
    Jsonl,
    /// One HTML file with inline CSS and JS, no external resources.
    Html,
}

/// Writes `report` to `out` in `format`; `name` is the output's name for I/O error messages.
pub fn render(report: &Report, format: Format, out: &mut dyn Write, name: &str) -> Result<()> {
    let result = match format {
        Format::Text => text::write(report, out),
        Format::Jsonl => jsonl::write(report, out),
        Format::Html => html::write(report, out),
    };
    result.map_err(crate::output::write_err(name))
}
