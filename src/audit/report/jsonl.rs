//! `--format jsonl`: one finding per line, exactly the keys of the findings contract.

use crate::audit::Report;
use std::io::{self, Write};

/// Writes one JSON object per finding, in report order.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        writeln!(out, "{}", f.to_json_line())?;
    }
    Ok(())
}
