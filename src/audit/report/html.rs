//! `--format html`: one self-contained page for terminologists: summary counts, a section per
//! rule with a sortable table, terms highlighted in context, the coverage table. No external
//! asset, no network; inline CSS (screen and print) and a small inline script for sorting.

use crate::audit::{Context, Finding, Report, Rule, Severity};
use std::io::{self, Write};

/// Escapes `s` for HTML text and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A context as HTML: its text escaped, the highlighted spans in `<mark>`.
fn context_html(c: &Context) -> String {
    let mut out = format!(
        "<div class=\"ctx\"><span class=\"lbl\">{}</span> ",
        escape(&c.label)
    );
    let mut pos = 0;
    for r in &c.highlights {
        if r.start < pos || r.end > c.text.len() {
            continue;
        }
        out.push_str(&escape(c.text.get(pos..r.start).unwrap_or("")));
        out.push_str("<mark>");
        out.push_str(&escape(c.text.get(r.clone()).unwrap_or("")));
        out.push_str("</mark>");
        pos = r.end;
    }
    out.push_str(&escape(c.text.get(pos..).unwrap_or("")));
    out.push_str("</div>");
    out
}

const STYLE: &str = r#"
:root { --err:#b3261e; --warn:#8a5a00; --info:#2f5d8a; --line:#d9d9de; --bg:#fafafa; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 1280px; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.5rem; margin: .2rem 0 .4rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
.meta { color: #555; margin: 0 0 1rem; }
.cards { display: flex; gap: .8rem; flex-wrap: wrap; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; min-width: 9rem; background: var(--bg); }
.card b { display: block; font-size: 1.8rem; line-height: 1.1; }
.card.error b { color: var(--err); } .card.warning b { color: var(--warn); } .card.info b { color: var(--info); }
.sev { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; color: #fff; vertical-align: middle; }
.sev.error { background: var(--err); } .sev.warning { background: var(--warn); } .sev.info { background: var(--info); }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f3; position: sticky; top: 0; cursor: pointer; user-select: none; white-space: nowrap; }
th::after { content: " \2195"; color: #999; font-size: .8em; }
th.asc::after { content: " \2191"; color: #333; } th.desc::after { content: " \2193"; color: #333; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.where { overflow-wrap: anywhere; min-width: 6rem; }
td.ids { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85rem; }
.ctx { margin: .15rem 0; } .lbl { color: #777; font-size: .78rem; text-transform: uppercase; margin-right: .3rem; }
mark { background: #ffe58a; padding: 0 .1rem; border-radius: 2px; }
.fix { color: #245b2a; }
nav ul { columns: 2; padding-left: 1.2rem; } nav a { color: inherit; }
.empty { color: #555; font-style: italic; }
.why { color: #444; margin: 0 0 .5rem; max-width: 60rem; }
@media (max-width: 900px) { nav ul { columns: 1; } body { padding: .6rem; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  th { position: static; cursor: auto; } th::after { content: none; }
  tr { break-inside: avoid; } h2 { break-after: avoid; }
  nav { display: none; } mark { outline: 1px solid #000; }
}
"#;

const SCRIPT: &str = r#"
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = !th.classList.contains('asc');
      table.querySelectorAll('th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
      th.classList.add(asc ? 'asc' : 'desc');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (r) { var c = r.cells[col]; return c ? (c.getAttribute('data-sort') || c.textContent.trim()) : ''; };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
        var d = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y, 'fr');
        return asc ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  table.setAttribute('data-sortable', 'ready');
});
"#;

/// Which optional columns a section shows: only those some finding of it fills.
#[derive(Debug, Clone, Copy)]
struct Columns {
    entries: bool,
    tus: bool,
    place: bool,
    counts: bool,
}

impl Columns {
    fn of(group: &[&Finding]) -> Self {
        Columns {
            entries: group.iter().any(|f| !f.entries.is_empty()),
            tus: group.iter().any(|f| !f.tus.is_empty()),
            place: group.iter().any(|f| f.doc.is_some()),
            counts: group.iter().any(|f| f.counts.is_some()),
        }
    }

    fn header(self) -> String {
        let mut h = String::from("<tr>");
        if self.entries {
            h.push_str("<th>Entries</th>");
        }
        if self.tus {
            h.push_str("<th>TUs</th>");
        }
        if self.counts {
            h.push_str("<th>Occurrences</th><th>Documents</th>");
        }
        if self.place {
            h.push_str("<th>Where</th>");
        }
        h.push_str("<th>Finding</th><th>Suggested fix</th></tr>");
        h
    }
}

fn finding_row(f: &Finding, cols: Columns, glossary: &str) -> String {
    let mut row = format!(
        "<tr class=\"finding\" data-rule=\"{}\" data-severity=\"{}\">",
        f.rule.id(),
        f.severity.as_str()
    );
    if cols.entries {
        row.push_str(&format!(
            "<td class=\"ids\">{}</td>",
            escape(&f.entries.join(", "))
        ));
    }
    if cols.tus {
        row.push_str(&format!(
            "<td class=\"ids\">{}</td>",
            escape(&f.tus.join(", "))
        ));
    }
    if cols.counts {
        let (n, d) = f.counts.unwrap_or_default();
        row.push_str(&format!(
            "<td class=\"num\">{n}</td><td class=\"num\">{d}</td>"
        ));
    }
    if cols.place {
        // The glossary's own lines read `line 12`; other files by name, the full path on hover.
        let place = match (&f.doc, f.line) {
            (Some(doc), Some(line)) if doc == glossary => format!("line {line}"),
            (Some(doc), line) => {
                let name = std::path::Path::new(doc)
                    .file_name()
                    .map_or(doc.clone(), |n| n.to_string_lossy().into_owned());
                let at = line.map_or(String::new(), |l| format!(":{l}"));
                format!(
                    "<span title=\"{}\">{}{at}</span>",
                    escape(doc),
                    escape(&name)
                )
            }
            _ => String::new(),
        };
        let key = format!(
            "{}:{:09}",
            f.doc.as_deref().unwrap_or(""),
            f.line.unwrap_or(0)
        );
        row.push_str(&format!(
            "<td class=\"where\" data-sort=\"{}\">{place}</td>",
            escape(&key)
        ));
    }
    let contexts: String = f.contexts.iter().map(context_html).collect();
    row.push_str(&format!(
        "<td class=\"msg\">{}{contexts}</td><td class=\"fix\">{}</td></tr>\n",
        escape(&f.message),
        escape(&f.suggestion)
    ));
    row
}

/// Writes the HTML page.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut meta = format!(
        "Glossary <b>{}</b> ({} entries)",
        escape(&report.glossary),
        report.concepts
    );
    if !report.documents.is_empty() {
        meta.push_str(&format!(
            " · corpus of {} documents",
            report.documents.len()
        ));
    }
    if !report.memories.is_empty() {
        meta.push_str(&format!(
            " · translation memory {} ({} units)",
            escape(&report.memories.join(", ")),
            report.units
        ));
    }
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Terminology audit – {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>Terminology audit</h1>\n<p class=\"meta\">{meta}</p>\n",
        escape(&report.glossary)
    )?;
    writeln!(out, "<div class=\"cards\" id=\"summary\">")?;
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let label = match sev {
            Severity::Error => "errors",
            Severity::Warning => "warnings",
            Severity::Info => "to review (info)",
        };
        writeln!(
            out,
            "<div class=\"card {}\"><b id=\"count-{}\">{}</b>{label}</div>",
            sev.as_str(),
            sev.as_str(),
            report.count(sev)
        )?;
    }
    writeln!(out, "</div>")?;
    let present: Vec<Rule> = Rule::ALL
        .into_iter()
        .filter(|r| report.findings.iter().any(|f| f.rule == *r))
        .collect();
    if present.is_empty() {
        writeln!(out, "<p class=\"empty\" id=\"no-findings\">No findings: the glossary passed every check.</p>")?;
    } else {
        writeln!(out, "<nav><ul>")?;
        for r in &present {
            let n = report.findings.iter().filter(|f| f.rule == *r).count();
            writeln!(
                out,
                "<li><a href=\"#rule-{id}\">{}</a> <span class=\"sev {sev}\">{sev}</span> {n}</li>",
                escape(r.title()),
                id = r.id(),
                sev = r.severity().as_str()
            )?;
        }
        writeln!(out, "</ul></nav>")?;
    }
    for r in present {
        let group: Vec<&Finding> = report.findings.iter().filter(|f| f.rule == r).collect();
        writeln!(
            out,
            "<section id=\"rule-{id}\" class=\"rule\">\n<h2>{title} <span class=\"sev {sev}\">{sev}</span> <small>({n}, rule <code>{id}</code>)</small></h2>",
            id = r.id(),
            title = escape(r.title()),
            sev = r.severity().as_str(),
            n = group.len()
        )?;
        writeln!(out, "<p class=\"why\">{}</p>", escape(r.explanation()))?;
        let cols = Columns::of(&group);
        writeln!(
            out,
            "<table class=\"sortable\"><thead>{}</thead><tbody>",
            cols.header()
        )?;
        for f in group {
            out.write_all(finding_row(f, cols, &report.glossary).as_bytes())?;
        }
        writeln!(out, "</tbody></table>\n</section>")?;
    }
    if !report.coverage.is_empty() {
        let used = report.coverage.iter().filter(|c| c.occurrences > 0).count();
        writeln!(
            out,
            "<section id=\"coverage\">\n<h2>Corpus coverage <small>({used} of {} entries occur)</small></h2>",
            report.coverage.len()
        )?;
        writeln!(out, "<table class=\"sortable\"><thead><tr><th>Entry</th><th>French</th><th>English</th><th>Occurrences</th><th>Documents</th></tr></thead><tbody>")?;
        for c in &report.coverage {
            writeln!(
                out,
                "<tr><td class=\"ids\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&c.entry),
                escape(&c.fr),
                escape(&c.en),
                c.occurrences,
                c.documents
            )?;
        }
        writeln!(out, "</tbody></table>\n</section>")?;
    }
    write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn highlights_are_marked_and_escaped() {
        let c = Context::new("FR", "a <b> c", Some(2..5));
        assert_eq!(
            context_html(&c),
            "<div class=\"ctx\"><span class=\"lbl\">FR</span> a <mark>&lt;b&gt;</mark> c</div>"
        );
    }

    #[test]
    fn the_page_references_nothing_external() {
        let mut report = Report {
            glossary: "g.csv".into(),
            ..Report::default()
        };
        report
            .findings
            .push(Finding::new(Rule::Conflict, "<script>x</script>", "fix"));
        let mut buf = Vec::new();
        write(&report, &mut buf).unwrap();
        let html = String::from_utf8(buf).unwrap();
        assert!(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="));
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
        assert!(html.contains("data-rule=\"conflict\""));
    }
}
