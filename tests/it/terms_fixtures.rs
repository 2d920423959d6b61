//! `trame terms` on the five fixture releases with the small test glossary
//! `tests/data/terms/fixtures.csv`. Every expected position was found by reading the release
//! (columns are 0-based character offsets in the line).

use assert_cmd::Command;
use serde_json::Value;

const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/terms/fixtures.csv");

fn fixture(name: &str) -> String {
    format!(
        "{}/fixtures/releases/fr/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Occurrences reported for one fixture, as JSON objects.
fn run(name: &str, extra: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("trame")
        .unwrap()
        .args(["terms", "--glossary", GLOSSARY])
        .args(extra)
        .arg(fixture(name))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (line, col, end_col, surface, en, kind, flags) for occurrences of concept headword `fr`.
fn of(occ: &[Value], fr: &str) -> Vec<(u64, u64, u64, String, String, String)> {
    occ.iter()
        .filter(|o| o["fr"] == fr)
        .map(|o| {
            (
                o["line"].as_u64().unwrap(),
                o["col"].as_u64().unwrap(),
                o["end_col"].as_u64().unwrap(),
                o["surface"].as_str().unwrap().to_string(),
                o["kind"].as_str().unwrap().to_string(),
                o["flags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(","),
            )
        })
        .collect()
}

fn row(
    line: u64,
    col: u64,
    end: u64,
    surface: &str,
    kind: &str,
    flags: &str,
) -> (u64, u64, u64, String, String, String) {
    (line, col, end, surface.into(), kind.into(), flags.into())
}

#[test]
fn cartagena_deputy_director_general_is_flagged_three_times() {
    let occ = run("2014-12-cartagena30", &["--no-clean"]);
    assert_eq!(
        of(&occ, "Directeur général adjoint"),
        [
            row(8, 2, 30, "Directrice générale adjointe", "variant", ""),
            row(9, 2, 30, "Directrice générale adjointe", "variant", ""),
            row(
                30,
                3,
                30,
                "Directeur générale adjointe",
                "variant",
                "gender-agreement"
            ),
            row(
                31,
                28,
                55,
                "Directeur générale adjointe",
                "variant",
                "gender-agreement"
            ),
            row(
                37,
                21,
                48,
                "Directeur générale adjointe",
                "variant",
                "gender-agreement"
            ),
        ]
    );
    let first = occ.iter().find(|o| o["line"] == 30).unwrap();
    assert_eq!(first["en"], "Deputy Director General");
    assert_eq!(first["type"], "title");
    assert_eq!(first["score"], 1.0);
}

#[test]
fn cartagena_iom_occurrences() {
    let occ = run("2014-12-cartagena30", &["--no-clean"]);
    let iom = of(&occ, "Organisation internationale pour les migrations");
    // 14 × "OIM" (lines 3, 15, 30, 31 ×3, 34, 35 ×2, 37, 38, 41) + the full name on line 3;
    // "mmactas@iom.int" (line 43) is an e-mail address.
    let positions: Vec<(u64, u64)> = iom.iter().map(|r| (r.0, r.1)).collect();
    assert_eq!(
        positions,
        [
            (3, 17),
            (3, 66),
            (15, 131),
            (30, 36),
            (31, 61),
            (31, 198),
            (31, 261),
            (34, 71),
            (35, 44),
            (35, 281),
            (37, 224),
            (38, 36),
            (41, 21),
        ]
    );
    assert_eq!(iom[0].3, "Organisation internationale pour les migrations");
    assert_eq!(iom[0].4, "exact");
    assert!(iom[1..].iter().all(|r| r.3 == "OIM" && r.4 == "variant"));
}

#[test]
fn cartagena_other_terms() {
    let occ = run("2014-12-cartagena30", &["--no-clean"]);
    assert_eq!(
        of(&occ, "Directeur régional"),
        [row(31, 174, 192, "Directeur régional", "exact", "")]
    );
    assert_eq!(
        of(&occ, "Haut conseiller régional"),
        [row(31, 231, 255, "Haut conseiller régional", "exact", "")]
    );
    assert_eq!(
        of(&occ, "déplacé interne"),
        [
            row(33, 148, 165, "déplacés internes", "variant", ""),
            row(34, 406, 423, "déplacés internes", "variant", ""),
        ]
    );
    assert_eq!(
        of(
            &occ,
            "Haut-Commissariat des Nations Unies pour les réfugiés"
        )
        .iter()
        .map(|r| (r.0, r.1, r.3.as_str()))
        .collect::<Vec<_>>(),
        [(32, 254, "HCR"), (33, 68, "HCR"), (38, 59, "HCR")]
    );
}

#[test]
fn bapa_english_title_and_cooperation() {
    let occ = run("2019-03-bapa40", &["--no-clean"]);
    // "migration" on line 35 col 81 is inside the English event title: not reported.
    let migration: Vec<(u64, u64)> = of(&occ, "migration").iter().map(|r| (r.0, r.1)).collect();
    assert!(!migration.contains(&(35, 81)), "{migration:?}");
    assert!(migration.contains(&(35, 198)), "{migration:?}");
    let ssc: Vec<(u64, u64)> = of(&occ, "coopération Sud-Sud")
        .iter()
        .map(|r| (r.0, r.1))
        .collect();
    assert_eq!(
        ssc,
        [
            (30, 70),
            (31, 122),
            (32, 524),
            (36, 439),
            (37, 208),
            (37, 523),
            (40, 81),
            (40, 140),
            (41, 125),
            (43, 98),
        ]
    );
    let dg: Vec<(u64, u64)> = of(&occ, "Directeur général")
        .iter()
        .map(|r| (r.0, r.1))
        .collect();
    assert_eq!(
        dg,
        [
            (7, 2),
            (30, 3),
            (31, 18),
            (34, 121),
            (37, 18),
            (38, 220),
            (39, 3)
        ]
    );
    // Nothing in the URL of line 43 or the e-mail addresses of lines 45-46.
    assert!(occ
        .iter()
        .all(|o| !(o["line"] == 43 && o["col"].as_u64().unwrap() > 120)));
    assert!(occ.iter().all(|o| o["line"].as_u64().unwrap() < 45));
}

#[test]
fn lima_hard_wrapped_and_acronyms() {
    let occ = run("2006-lima-ministerial", &["--no-clean"]);
    let dg = of(&occ, "Directeur général");
    assert!(dg.contains(&row(41, 3, 20, "directeur général", "exact", "")));
    let acronyms: Vec<(u64, u64, String)> = occ
        .iter()
        .filter(|o| o["line"].as_u64().unwrap() >= 74 && o["line"].as_u64().unwrap() <= 76)
        .map(|o| {
            (
                o["line"].as_u64().unwrap(),
                o["col"].as_u64().unwrap(),
                o["surface"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        acronyms,
        [
            (74, 27, "CEPALC".to_string()),
            (74, 37, "OIM".to_string()),
            (74, 44, "OIT".to_string()),
            (75, 12, "PNUD".to_string()),
            (76, 0, "FNUAP".to_string()),
        ]
    );
    let eq = of(&occ, "Équateur");
    assert_eq!(eq, [row(68, 39, 47, "Equateur", "exact", "")]);
}

#[test]
fn lima_term_across_a_line_break_has_its_end_on_the_next_line() {
    // Lines 41-42: "Le directeur général de\nl’OIM" — a term spanning lines keeps both ends.
    let text = "Le Directeur\ngénéral de l’OIM\n";
    let mut cmd = Command::cargo_bin("trame").unwrap();
    let out = cmd
        .args(["terms", "--no-clean", "--glossary", GLOSSARY, "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let first: Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["surface"], "Directeur\ngénéral");
    assert_eq!(
        (
            &first["line"],
            &first["col"],
            &first["end_line"],
            &first["end_col"]
        ),
        (
            &Value::from(1),
            &Value::from(3),
            &Value::from(2),
            &Value::from(7)
        )
    );
}

#[test]
fn habitat_organisations() {
    let occ = run("2016-10-habitat3", &["--no-clean"]);
    let line40: Vec<(u64, String)> = occ
        .iter()
        .filter(|o| o["line"] == 40)
        .map(|o| {
            (
                o["col"].as_u64().unwrap(),
                o["surface"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        line40,
        [
            (25, "OIM".to_string()),
            (
                33,
                "Haut-Commissariat des Nations Unies pour les réfugiés".to_string()
            ),
            (88, "HCR".to_string()),
            (
                99,
                "Haut-Commissariat des Nations Unies pour les droits de l’homme".to_string()
            ),
            (163, "HCDH".to_string()),
            (211, "migration".to_string()),
        ]
    );
    assert_eq!(
        of(&occ, "ONU-Habitat"),
        [row(41, 257, 268, "ONU Habitat", "exact", "")]
    );
    assert_eq!(
        of(&occ, "déplacé interne"),
        [row(34, 169, 186, "déplacés internes", "variant", "")]
    );
    // Line 43 ends with two e-mail addresses (ipopp@iom.int, juquintero@iom.int): only the
    // two "OIM" are found there.
    let l43: Vec<u64> = occ
        .iter()
        .filter(|o| o["line"] == 43)
        .map(|o| o["col"].as_u64().unwrap())
        .collect();
    assert_eq!(l43, [68, 137]);
}

#[test]
fn summit_of_the_americas_terms() {
    let occ = run("2018-09-summit-americas", &["--no-clean"]);
    let oea: Vec<(u64, u64, String)> = of(&occ, "Organisation des États américains")
        .into_iter()
        .map(|r| (r.0, r.1, r.3))
        .collect();
    assert_eq!(
        oea,
        [
            (31, 96, "Organisation des Etats américains".to_string()),
            (31, 131, "OEA".to_string()),
            (32, 77, "OEA".to_string()),
            (35, 186, "OEA".to_string()),
            (38, 8, "OEA".to_string()),
        ]
    );
    assert_eq!(
        of(&occ, "chef de mission"),
        [row(36, 189, 204, "chef de mission", "exact", "")]
    );
    assert_eq!(
        of(&occ, "traite des personnes")
            .iter()
            .map(|r| (r.0, r.1, r.3.as_str()))
            .collect::<Vec<_>>(),
        [
            (35, 204, "traite des êtres humains"),
            (36, 275, "traite des personnes")
        ]
    );
    assert_eq!(
        of(&occ, "trafic illicite de migrants")
            .iter()
            .map(|r| (r.0, r.1))
            .collect::<Vec<_>>(),
        [(36, 302)]
    );
    let l38: Vec<(u64, String)> = occ
        .iter()
        .filter(|o| o["line"] == 38)
        .map(|o| {
            (
                o["col"].as_u64().unwrap(),
                o["surface"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(l38.contains(&(
        97,
        "Commission économique pour l’Amérique latine et les Caraïbes".to_string()
    )));
    assert!(l38.contains(&(432, "Organisation internationale du travail".to_string())));
    assert!(l38.contains(&(
        477,
        "Programme des Nations Unies pour le développement".to_string()
    )));
}

#[test]
fn cleaning_keeps_original_positions() {
    // With cleaning (the default), positions still refer to the original file.
    let occ = run("2014-12-cartagena30", &[]);
    let flagged: Vec<(u64, u64)> = occ
        .iter()
        .filter(|o| o["flags"].as_array().is_some_and(|f| !f.is_empty()))
        .map(|o| (o["line"].as_u64().unwrap(), o["col"].as_u64().unwrap()))
        .collect();
    assert_eq!(flagged, [(30, 3), (31, 28), (37, 21)]);
}
