//! `--format text`: a summary, then the findings grouped by rule, then the coverage table.

use crate::audit::{Finding, Report, Rule, Severity};
use std::io::{self, Write};

/// How many concepts of the coverage table the text report lists.
const COVERAGE_ROWS: usize = 20;

/// Writes the human-readable report.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "Terminology audit of {} ({} entries)",
        report.glossary, report.concepts
    )?;
    if !report.documents.is_empty() {
        writeln!(out, "Corpus: {} documents", report.documents.len())?;
    }
    if !report.memories.is_empty() {
        writeln!(
            out,
            "Translation memory: {} ({} units)",
            report.memories.join(", "),
            report.units
        )?;
    }
    writeln!(
        out,
        "Findings: {} errors, {} warnings, {} infos",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    )?;
    for rule in Rule::ALL {
        let group: Vec<&Finding> = report.findings.iter().filter(|f| f.rule == rule).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(
            out,
            "== {} [{}, {}]: {}",
            rule.title(),
            rule.id(),
            rule.severity(),
            group.len()
        )?;
        for f in group {
            let mut place = String::new();
            if let Some(doc) = &f.doc {
                place.push_str(doc);
                if let Some(line) = f.line {
                    place.push_str(&format!(":{line}"));
                }
                place.push_str(": ");
            }
            writeln!(out, "- {place}{}", f.message)?;
            // Corpus sentences and memory segments; glossary findings quote their terms already.
            for c in &f.contexts {
                if c.label == "sentence" {
                    writeln!(out, "    in: {}", c.text)?;
                } else if !f.tus.is_empty() {
                    writeln!(out, "    {}: {}", c.label, c.text)?;
                }
            }
            if !f.suggestion.is_empty() {
                writeln!(out, "    fix: {}", f.suggestion)?;
            }
        }
    }
    if !report.coverage.is_empty() {
        let used = report.coverage.iter().filter(|c| c.occurrences > 0).count();
        writeln!(out)?;
        writeln!(
            out,
            "== Coverage: {used} of {} entries occur in the corpus",
            report.coverage.len()
        )?;
        let mut rows: Vec<_> = report
            .coverage
            .iter()
            .filter(|c| c.occurrences > 0)
            .collect();
        rows.sort_by(|a, b| {
            b.occurrences
                .cmp(&a.occurrences)
                .then(a.entry.cmp(&b.entry))
        });
        for c in rows.iter().take(COVERAGE_ROWS) {
            writeln!(
                out,
                "{:>6} × in {:>3} docs  {} → {} ({})",
                c.occurrences, c.documents, c.fr, c.en, c.entry
            )?;
        }
        if rows.len() > COVERAGE_ROWS {
            writeln!(
                out,
                "  … and {} more (see --format html)",
                rows.len() - COVERAGE_ROWS
            )?;
        }
    }
    Ok(())
}
