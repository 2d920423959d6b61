//! The HTML audit report in a real headless browser (Debian's chromium): the page loads from a
//! file without network, its script runs, and the findings, counts and highlights are in the DOM.
//!
//! Skipped with a message when chromium is absent, unless `TRAME_REQUIRE_CONFORMANCE=1` (CI).

use std::path::Path;
use std::process::Command;
use trame::audit::report::{render, Format};
use trame::audit::{ConceptCoverage, Context, Finding, Report, Rule};

const CHROMIUM: &str = "/usr/bin/chromium";

fn chromium_available() -> bool {
    if Path::new(CHROMIUM).exists() {
        return true;
    }
    if std::env::var("TRAME_REQUIRE_CONFORMANCE").as_deref() == Ok("1") {
        panic!("{CHROMIUM} is required (TRAME_REQUIRE_CONFORMANCE=1) but missing");
    }
    eprintln!("SKIPPED: {CHROMIUM} not installed; the HTML report was not checked in a browser");
    false
}

/// Renders `html` in headless chromium and returns the DOM after scripts ran.
fn dump_dom(html: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("audit.html");
    std::fs::write(&page, html).unwrap();
    let profile = dir.path().join("profile");
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn report() -> Report {
    let conflict = Finding::new(
        Rule::Conflict,
        "«trafic illicite de migrants» has different English equivalents",
        "Decide which English term is approved.",
    )
    .entries(["trafic-1", "trafic-2"])
    .at(Some("glossary.csv".into()), Some(12));
    let sentence = "La Directeur générale de l’OIM a <salué> l’engagement.";
    let start = sentence.find("Directeur").unwrap();
    let source_error = Finding::new(
        Rule::SourceError,
        "«La Directeur générale» (glossary «Directeur général»): gender-agreement",
        "Check the source text around the term.",
    )
    .entries(["dg"])
    .at(Some("corpus/a.txt".into()), Some(4))
    .context(Context::new(
        "sentence",
        sentence,
        Some(start..start + "Directeur générale".len()),
    ));
    let tm = Finding::new(
        Rule::TmTermMissing,
        "TU t2: the English lacks «Director General»",
        "fix",
    )
    .entries(["dg"])
    .tus(["t2"]);
    Report {
        glossary: "glossary.csv".into(),
        concepts: 3,
        documents: vec!["corpus/a.txt".into()],
        memories: vec!["memory.tmx".into()],
        units: 6,
        coverage: vec![ConceptCoverage {
            entry: "dg".into(),
            fr: "Directeur général".into(),
            en: "Director General".into(),
            occurrences: 2,
            documents: 1,
        }],
        findings: vec![conflict, source_error, tm],
    }
}

#[test]
fn findings_counts_and_highlights_render_in_chromium() {
    if !chromium_available() {
        return;
    }
    let mut html = Vec::new();
    render(&report(), Format::Html, &mut html, "<mem>").unwrap();
    let html = String::from_utf8(html).unwrap();
    let dom = dump_dom(&html);
    // Summary counts.
    assert!(dom.contains(r#"<b id="count-error">1</b>"#), "{dom}");
    assert!(dom.contains(r#"<b id="count-warning">2</b>"#));
    assert!(dom.contains(r#"<b id="count-info">0</b>"#));
    // One section per finding kind, each finding a row.
    for rule in ["conflict", "source-error", "tm-term-missing"] {
        assert!(
            dom.contains(&format!(r#"<section id="rule-{rule}""#)),
            "{rule}"
        );
        assert_eq!(
            dom.matches(&format!(r#"data-rule="{rule}""#)).count(),
            1,
            "{rule}"
        );
    }
    assert!(dom.contains(r#"<td class="ids">trafic-1, trafic-2</td>"#));
    // Columns nobody fills are left out: glossary findings have no TU column.
    let conflict = &dom[dom.find(r#"<section id="rule-conflict""#).unwrap()..];
    let conflict = &conflict[..conflict.find("</section>").unwrap()];
    assert!(conflict.contains("<th>Entries</th>") && !conflict.contains("<th>TUs</th>"));
    let tm = &dom[dom.find(r#"<section id="rule-tm-term-missing""#).unwrap()..];
    assert!(tm.contains("<th>TUs</th>"));
    // Glossary lines read `line 12`; corpus files by name, the full path on hover.
    assert!(
        dom.contains(r#"<td class="where" data-sort="glossary.csv:000000012">line 12</td>"#),
        "{dom}"
    );
    assert!(
        dom.contains(r#"<span title="corpus/a.txt">a.txt:4</span>"#),
        "{dom}"
    );
    // The term highlighted in its sentence, the sentence's markup escaped, not interpreted.
    assert!(
        dom.contains("La <mark>Directeur générale</mark> de l’OIM a &lt;salué&gt; l’engagement."),
        "{dom}"
    );
    // The inline script ran on every table (coverage included).
    assert_eq!(dom.matches(r#"data-sortable="ready""#).count(), 4);
    assert!(dom.contains("<td>Directeur général</td><td>Director General</td>"));
}

#[test]
fn clicking_a_header_sorts_numbers_as_numbers_in_chromium() {
    if !chromium_available() {
        return;
    }
    let mut report = report();
    report.findings.clear();
    report.coverage = [("a", 2), ("b", 10), ("c", 1)]
        .into_iter()
        .map(|(entry, occurrences)| ConceptCoverage {
            entry: entry.into(),
            fr: format!("fr-{entry}"),
            en: format!("en-{entry}"),
            occurrences,
            documents: 1,
        })
        .collect();
    let mut html = Vec::new();
    render(&report, Format::Html, &mut html, "<mem>").unwrap();
    let html = String::from_utf8(html).unwrap();
    // The test clicks the `Occurrences` header once (ascending), as a reader would.
    let click = "<script>document.querySelector('#coverage th:nth-child(4)').click();</script>";
    let html = html.replace("</body>", &format!("{click}\n</body>"));
    let dom = dump_dom(&html);
    let order: Vec<usize> = ["fr-c", "fr-a", "fr-b"]
        .iter()
        .map(|name| dom.find(&format!("<td>{name}</td>")).unwrap())
        .collect();
    assert!(
        order[0] < order[1] && order[1] < order[2],
        "1, 2, 10 expected: {dom}"
    );
    assert!(dom.contains(r#"<th class="asc">Occurrences</th>"#), "{dom}");
}
