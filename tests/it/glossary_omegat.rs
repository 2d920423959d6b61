//! Glossary exports as translators open them: the OmegaT-shaped TBX (`--to omegat`) through
//! OmegaT's own reader, the OmegaT TSV, and `--excel` CSV/TSV for spreadsheets.

use crate::common;
use crate::common::trame;

const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/glossaries/iom-fr-en.csv");

fn export(to: &str, extra: &[&str]) -> Vec<u8> {
    let out = trame()
        .args(["glossary", "export", GLOSSARY, "--to", to])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The OmegaT TSV rows whose source is `src`.
fn tsv_rows(tsv: &str, src: &str) -> Vec<(String, String)> {
    tsv.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (s, t, c) = (f.next()?, f.next()?, f.next()?);
            (s == src).then(|| (t.to_string(), c.to_string()))
        })
        .collect()
}

#[test]
fn omegat_tsv_offers_the_best_target_per_french_form_in_plain_words() {
    let tsv = String::from_utf8(export("tsv", &[])).unwrap();
    // Acronym → acronym; the full name → the full name, the variants named.
    let oim = tsv_rows(&tsv, "OIM");
    assert_eq!(oim.len(), 1);
    assert_eq!(oim[0].0, "IOM");
    assert!(
        oim[0]
            .1
            .starts_with("acronym — English spells Organization"),
        "{}",
        oim[0].1
    );
    let head = tsv_rows(&tsv, "Organisation internationale pour les migrations");
    assert_eq!(head[0].0, "International Organization for Migration");
    assert!(
        head[0]
            .1
            .starts_with("preferred · also: IOM, UN Migration Agency — "),
        "{}",
        head[0].1
    );
    assert_eq!(tsv_rows(&tsv, "HCR")[0].0, "UNHCR");
    assert_eq!(
        tsv_rows(&tsv, "Convention de Kampala")[0].0,
        "Kampala Convention"
    );
    // Deprecated English is named, never offered (glossary: `Türkiye`, `Turkey [deprecated]`).
    let turquie = tsv_rows(&tsv, "Turquie");
    assert_eq!(turquie[0].0, "Türkiye");
    assert!(turquie[0].1.contains("avoid: Turkey"), "{}", turquie[0].1);
    assert!(!tsv.lines().any(|l| l.split('\t').nth(1) == Some("Turkey")));
    // A title names its feminine French form.
    let dg = tsv_rows(&tsv, "Directeur général");
    assert!(
        dg[0]
            .1
            .starts_with("preferred · feminine: Directrice générale · also: DG"),
        "{}",
        dg[0].1
    );
    assert!(!tsv.contains("admn-sts") && !tsv.contains("fullForm"));
}

#[test]
fn omegat_tbx_is_valid_and_omegat_shows_one_suggestion_per_form() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("omegat.tbx");
    std::fs::write(&file, export("omegat", &[])).unwrap();
    common::check("check-tbx", &file, &[]);
    let tool = std::path::Path::new(common::TOOLS).join("check-omegat-tbx");
    if !tool.exists() {
        assert!(!common::required());
        eprintln!("SKIPPED: check-omegat-tbx not found");
        return;
    }
    let out = std::process::Command::new(&tool)
        .arg(&file)
        .arg("--all")
        .output()
        .unwrap();
    if out.status.code() == Some(2) {
        assert!(!common::required());
        eprintln!("SKIPPED: check-omegat-tbx cannot run");
        return;
    }
    assert_eq!(out.status.code(), Some(0));
    let dump = String::from_utf8(out.stdout).unwrap();
    let shown = |src: &str| -> Vec<String> {
        dump.lines()
            .filter_map(|l| l.strip_prefix(&format!("  {src}\t→ ")))
            .map(|rest| rest.split('\t').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(shown("OIM"), ["IOM"]);
    assert_eq!(shown("HCR"), ["UNHCR"]);
    assert_eq!(shown("CEPAL"), ["ECLAC"]);
    assert_eq!(shown("Turquie"), ["Türkiye"]);
    assert!(!dump.contains("admn-sts"), "raw codes in the pane");
    assert!(dump.contains("[acronym — English spells Organization with z"));
}

#[test]
fn excel_csv_has_a_bom_and_semicolons_and_reads_back_the_same() {
    let plain = export("csv", &[]);
    let excel = export("csv", &["--excel"]);
    assert!(excel.starts_with("\u{feff}id;fr;en;category;".as_bytes()));
    assert!(!plain.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(excel.clone()).unwrap();
    // A cell holding `;` is quoted (glossary row 2's note).
    assert!(text.contains(
        ";\"French acronym HCR, English UNHCR; the person heading it is the High Commissioner (separate entry).\";"
    ));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("excel.csv");
    std::fs::write(&file, &excel).unwrap();
    let back = trame()
        .args(["glossary", "export", file.to_str().unwrap(), "--to", "csv"])
        .output()
        .unwrap();
    assert!(back.status.success());
    assert_eq!(
        String::from_utf8(back.stdout).unwrap(),
        String::from_utf8(plain).unwrap()
    );
    // TSV for spreadsheets: the BOM only.
    assert!(export("tsv", &["--excel"])
        .starts_with("\u{feff}Organisation internationale pour les migrations\t".as_bytes()));
    // Not for TBX.
    trame()
        .args(["glossary", "export", GLOSSARY, "--to", "tbx2", "--excel"])
        .assert()
        .code(2);
}
