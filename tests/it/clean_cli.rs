//! `trame clean` end to end on the five fixture releases and on bad input.
//!
//! Expected values are written by hand from the fixture files (fixtures/releases/fr/).

use crate::common::trame;
use predicates::prelude::*;
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    format!("{}/fixtures/releases/fr/{name}", env!("CARGO_MANIFEST_DIR"))
}

const LIMA: &str = "2006-lima-ministerial.txt";
const CARTAGENA: &str = "2014-12-cartagena30.txt";
const HABITAT: &str = "2016-10-habitat3.txt";
const SUMMIT: &str = "2018-09-summit-americas.txt";
const BAPA: &str = "2019-03-bapa40.txt";
const ALL: [&str; 5] = [LIMA, CARTAGENA, HABITAT, SUMMIT, BAPA];

/// First line of each release (its title), in the order of `ALL`.
const TITLES: [&str; 5] = [
    "Fin de la réunion ministérielle consacrée a la migration",
    "La Directeur générale adjointe de l’OIM assiste à la Conférence Cartagena +30 sur les réfugiés au Brésil",
    "Ouverture de la Conférence Habitat III : l’OIM fait partie des partenaires clés de mise en œuvre du nouveau programme urbain",
    "L’OIM soutient l’exécution des mandats du Sommet des Amériques",
    "Le Directeur général participe à une conférence de haut niveau sur la coopération Sud-Sud",
];

/// Lines of the shared navigation menu; none may survive.
const NAV_LINES: [&str; 8] = [
    "Qui sommes nous",
    "Structure organisationnelle",
    "Notre travail",
    "Ce que nous faisons",
    "Où travaillons-nous",
    "Travailler avec nous",
    "Engagez-vous",
    "2030 AGENDA",
];

fn clean_stdout(args: &[&str]) -> String {
    let out = trame().arg("clean").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "trame clean {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn assert_no_nav(doc: &str) {
    for nav in NAV_LINES {
        assert!(
            !doc.contains(nav),
            "navigation line {nav:?} survived in:\n{doc}"
        );
    }
    assert!(!doc.lines().any(|l| l == "-"), "a lone dash survived");
}

#[test]
fn five_releases_together_lose_the_shared_menu_and_keep_their_titles() {
    let files: Vec<String> = ALL.iter().map(|f| fixture(f)).collect();
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let out = clean_stdout(&args);
    let docs: Vec<&str> = out.trim_end_matches('\n').split("\n\n").collect();
    assert_eq!(docs.len(), 5);
    for (doc, title) in docs.iter().zip(TITLES) {
        assert_no_nav(doc);
        assert_eq!(doc.lines().next(), Some(title));
    }
    // The Cartagena release: title, 8 body paragraphs, 5 contact lines.
    assert_eq!(docs[1].lines().count(), 14);
    assert_eq!(
        docs[1].lines().nth(1).unwrap(),
        "Argentine - Laura Thompson, Directeur générale adjointe de l’OIM, participe aujourd’hui à la Conférence Cartagena +30 sur les réfugiés, à Brasilia, la capitale du Brésil. Le Directeur régional de l’OIM pour l’Amérique du Sud et le Haut conseiller régional de l’OIM pour les Amériques font partie de la délégation participant à l’événement de deux jours, qui a débuté hier, 1er décembre."
    );
    let tail: Vec<&str> = docs[1].lines().skip(9).collect();
    assert_eq!(
        tail,
        [
            "Pour plus d’informations, veuillez contacter",
            "Magdalena Mactas",
            "Bureau régional de l’OIM pour l’Amérique du Sud à Buenos Aires",
            "Tel. +5411-5219-2033/34/35",
            "Email: mmactas@iom.int",
        ]
    );
    // BAPA+40: the title and 16 lines, the last two of them contact lines.
    assert_eq!(docs[4].lines().count(), 17);
    assert_eq!(
        docs[4].lines().last(),
        Some("Débora Taicz, Email : dtaicz@iom.int, Tel : + 54 11 4815 1035")
    );
    // The one-line contact paragraphs stay whole.
    assert_eq!(
        docs[3].lines().last(),
        Some("Pour plus d’informations, veuillez contacter Liz Lizama, OIM Washington, Tel. +1 202 716 8820, email : elizama@iom.int")
    );
}

#[test]
fn each_release_cleaned_alone_loses_the_menu_and_keeps_its_title() {
    for (file, title) in ALL.iter().zip(TITLES) {
        let out = clean_stdout(&[&fixture(file)]);
        assert_no_nav(&out);
        assert_eq!(out.lines().next(), Some(title), "{file}");
    }
}

/// The hard-wrapped Lima release, paragraph by paragraph, decided by hand from the file: each
/// paragraph there starts on a fresh line after a sentence end (`vigueur.` / `Ca déclaration
/// sera`), and the typos of the source ("Ca", "a Lima", "les politique") are kept.
#[test]
fn the_hard_wrapped_lima_release_is_unwrapped_into_paragraphs() {
    let out = clean_stdout(&[&fixture(LIMA)]);
    let expected = [
        "Fin de la réunion ministérielle consacrée a la migration",
        "Les ministres de 24 pays à fort taux d’émigration ont signé cette semaine a Lima une déclaration soulignant la nécessité de renforcer la collaboration en matière de politique migratoire et de respecter la législation internationale en vigueur.",
        "Ca déclaration sera présentée lors du dialogue de haut rang sur la migration internationale prévu aux Nations Unies à New York en septembre prochain.",
        "Le directeur général de l’OIM, Brunson McKinley, a souligné l’importance de cet événement en affirmant qu’il constituait un pas important vers une coopération visant à renforcer le lien entre migration et développement.",
        "M. McKinley a mis l’accent sur la nécessité de coordonner les politique migratoires et d’engager le secteur privé dans les processus régionaux de consultation.",
        "En plus d’appeler au respect des cadres légaux en matière de migration à l’échelle nationale et internationale, telles que la Convention internationale sur la protection des droits humains de tous les travailleurs migrants et des membres de leurs familles et la Convention des Nations Unies contre la criminalité transnationale organisée et ses deux protocoles sur le trafic et la traite des migrants, la déclaration de Lima demande aux pays de destination de faciliter les transferts de fonds.",
        "La première réunion a ouvert la voie pour instaurer un processus continu de discussion sur les questions migratoires entre les pays à forte émigration. La prochaine réunion est prévue l’année prochaine au Maroc.",
        "Ci-après la liste des pays présents à cette réunion : l’Algérie, la Bolivie, le Brésil, la Colombie, la Chine, la République dominicaine, l’Equateur, l’Egypte, l’El Salvador, les Philippines, le Guatemala, l’Inde, l’Indonésie, la Jamaïque, le Maroc, le Mexique, le Nigéria, le Pakistan, le Paraguay, le Pérou, le Sri Lanka, l’Afrique du Sud, la Thaïlande et le Vietnam. Pour ce qui est des organisations internationales, l’OID, la CEPALC, l’OIM, l’OIT, l’ONUDC, le PNUD, la CAN, le SEGIB, l’UNESCO et le FNUAP ont participé à cette réunion.",
        "Pour plus d’informations, veuillez contacter:",
        "Dolores Cortés",
        "IOM Lima",
        "Tél: +51.221 7209.",
        "E-mail: dcortes@iom.int",
    ];
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got, expected);
}

#[test]
fn lima_contact_block_is_the_same_when_cleaned_with_the_others() {
    let out = clean_stdout(&[&fixture(LIMA), &fixture(BAPA)]);
    let lima = out.split("\n\n").next().unwrap();
    let tail: Vec<&str> = lima.lines().rev().take(5).collect();
    assert_eq!(
        tail,
        [
            "E-mail: dcortes@iom.int",
            "Tél: +51.221 7209.",
            "IOM Lima",
            "Dolores Cortés",
            "Pour plus d’informations, veuillez contacter:",
        ]
    );
    assert!(!out.contains("mailto"));
    assert!(!out.contains("target="));
}

#[test]
fn text_report_lists_the_menu_and_the_link_debris() {
    let out = trame()
        .args(["clean", "--report", &fixture(LIMA), &fixture(HABITAT)])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    let lima = fixture(LIMA);
    assert!(
        err.contains(&format!("{lima}:1: boilerplate: -\\nQui sommes nous\\n")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{lima}:83: markup: \\\"mailto:dcortes@iom.int\\\" target=\\\"_blank\\\" title=\\n\\\"\\\">"
        )),
        "{err}"
    );
    // Each rejoined paragraph of the hard-wrapped release: its first line and one `\n` per
    // line break removed (lines 31-36 are the first paragraph, 65-76 the list of countries…).
    let unwraps: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with(&format!("{lima}:")) && l.contains(": unwrap: "))
        .collect();
    let expected: Vec<String> = [
        (31, 5),
        (37, 3),
        (41, 4),
        (46, 3),
        (50, 9),
        (60, 4),
        (65, 11),
        (77, 1),
        (82, 1),
    ]
    .iter()
    .map(|(line, n)| format!("{lima}:{line}: unwrap: {}", "\\n".repeat(*n)))
    .collect();
    assert_eq!(unwraps, expected);
    assert!(err.contains(&format!("{}:1: boilerplate:", fixture(HABITAT))));
}

#[test]
fn json_report_lists_removals_per_document() {
    let out = trame()
        .args([
            "clean",
            "--report",
            "--report-format",
            "json",
            &fixture(CARTAGENA),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    let docs = json.as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc"], fixture(CARTAGENA));
    let removals = docs[0]["removals"].as_array().unwrap();
    assert_eq!(removals.len(), 1);
    assert_eq!(removals[0]["kind"], "navigation");
    assert_eq!(removals[0]["line"], 1);
    let text = removals[0]["text"].as_str().unwrap();
    assert!(text.starts_with("-\nQui sommes nous\n"));
    assert!(text.ends_with("- Données et recherche\n- 2030 AGENDA"));
    assert_eq!(text.lines().count(), 29);
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.txt");
    trame()
        .args(["clean", &fixture(SUMMIT), "-o", target.to_str().unwrap()])
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with(
        "L’OIM soutient l’exécution des mandats du Sommet des Amériques\nWashington, D.C. - "
    ));
    assert!(written.ends_with("email : elizama@iom.int\n"));
}

#[test]
fn a_failed_run_leaves_the_output_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.txt");
    std::fs::write(&target, "old").unwrap();
    trame()
        .args([
            "clean",
            &fixture(LIMA),
            "/nonexistent/trame-missing.txt",
            "-o",
            target.to_str().unwrap(),
        ])
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
}

#[test]
fn stdin_is_read_with_a_dash() {
    trame()
        .args(["clean", "-"])
        .write_stdin("<p>Titre</p>\r\n\r\nL&#8217;OIM  salue la d&eacute;cision.\r\n")
        .assert()
        .success()
        .stdout("Titre\nL’OIM salue la décision.\n");
}

#[test]
fn known_boilerplate_file_is_removed_from_a_single_document() {
    let dir = tempfile::tempdir().unwrap();
    let bp = dir.path().join("menu.txt");
    std::fs::write(&bp, "Accueil\nNos bureaux\nMédias\n").unwrap();
    let doc = dir.path().join("doc.txt");
    std::fs::write(
        &doc,
        "Accueil\nNos bureaux\nMédias\nTitre\nCorps du texte.\n",
    )
    .unwrap();
    trame()
        .args([
            "clean",
            "--boilerplate",
            bp.to_str().unwrap(),
            doc.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout("Titre\nCorps du texte.\n");
}

#[test]
fn html_debris_and_entities_are_cleaned() {
    trame()
        .args(["clean", "-"])
        .write_stdin(
            "Voir <a href=\"https://www.iom.int/fr\">le site</a>&nbsp;: a &lt; b, x < y.<br>Suite &amp; fin\n",
        )
        .assert()
        .success()
        .stdout("Voir le site\u{a0}: a < b, x < y.\nSuite & fin\n");
}

// ---- bad input -------------------------------------------------------------------------------

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

#[test]
fn invalid_utf8_is_rejected_with_the_byte_offset() {
    let (_d, path) = temp_file("latin1.txt", b"Titre\nd\xe9claration\n");
    trame()
        .args(["clean", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "latin1.txt: invalid UTF-8 at byte 7",
        ));
}

#[test]
fn utf16le_with_bom_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Titre\r\nL’été\r\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let (_d, path) = temp_file("utf16.txt", &bytes);
    trame()
        .args(["clean", path.to_str().unwrap()])
        .assert()
        .success()
        .stdout("Titre\nL’été\n");
}

#[test]
fn windows_1252_is_read_with_encoding_option() {
    let (_d, path) = temp_file("cp1252.txt", b"D\xe9claration de l\x92OIM\n");
    trame()
        .args([
            "clean",
            "--encoding",
            "windows-1252",
            path.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout("Déclaration de l’OIM\n");
}

#[test]
fn unknown_encoding_label_is_a_usage_error() {
    trame()
        .args(["clean", "--encoding", "klingon", &fixture(LIMA)])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown encoding label `klingon`"));
}

#[test]
fn empty_file_gives_empty_output() {
    let (_d, path) = temp_file("empty.txt", b"");
    trame()
        .args(["clean", path.to_str().unwrap()])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn nul_bytes_mean_a_binary_file() {
    let (_d, path) = temp_file("bin.txt", b"Titre\n\0\x01\x02");
    trame()
        .args(["clean", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "bin.txt: binary file (NUL byte at byte 6)",
        ));
}

#[test]
fn a_directory_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    trame()
        .args(["clean", dir.path().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
}

#[test]
fn a_missing_file_is_named() {
    trame()
        .args(["clean", "/nonexistent/trame-missing.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/nonexistent/trame-missing.txt"));
}

#[test]
fn no_file_is_a_usage_error() {
    trame().arg("clean").assert().code(2);
}

#[test]
fn cr_only_line_ends_are_accepted() {
    let (_d, path) = temp_file(
        "mac.txt",
        b"Titre\rPremier paragraphe.\r\rSecond paragraphe.\r",
    );
    trame()
        .args(["clean", path.to_str().unwrap()])
        .assert()
        .success()
        .stdout("Titre\nPremier paragraphe.\nSecond paragraphe.\n");
}

#[test]
fn a_huge_single_line_is_cleaned_without_panic() {
    let unit = "La migration  ordonnée <b>profite</b> à tous &amp; à chacun. ";
    let text = unit.repeat(5 * 1024 * 1024 / unit.len() + 1);
    assert!(text.len() >= 5 * 1024 * 1024);
    let (_d, path) = temp_file("huge.txt", text.as_bytes());
    let out = clean_stdout(&[path.to_str().unwrap()]);
    assert_eq!(out.lines().count(), 1);
    assert!(out.starts_with("La migration ordonnée profite à tous & à chacun. La migration"));
    assert!(out.ends_with("à chacun.\n"));
}

#[test]
fn several_documents_are_separated_by_one_blank_line() {
    let (_d1, a) = temp_file("a.txt", b"Premier.\n");
    let (_d2, e) = temp_file("e.txt", b"");
    let (_d3, b) = temp_file("b.txt", b"Second.\n");
    trame()
        .args([
            "clean",
            a.to_str().unwrap(),
            e.to_str().unwrap(),
            b.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout("Premier.\n\n\nSecond.\n");
}

/// An English release scraped the same way (our own text) has an English menu of the same
/// shape: the heuristic is language-neutral.
#[test]
fn an_english_menu_goes_when_the_release_is_cleaned_alone() {
    let release = "-\nWho We Are\nWho We AreIOM is part of the United Nations System.\nStructure\nStructure\n- Organizational Structure\n- Director General\n-\nOur Work\nOur Work\n- Where We Work\n- Data and Research\n- 2030 AGENDA\nIOM Joins Summit of the Americas Working Group\nWashington, D.C. - IOM has joined the Joint Summit Working Group.\nFor more information, please contact\nLiz Lizama\nEmail: elizama@iom.int\n";
    trame()
        .args(["clean", "-"])
        .write_stdin(release)
        .assert()
        .success()
        .stdout("IOM Joins Summit of the Americas Working Group\nWashington, D.C. - IOM has joined the Joint Summit Working Group.\nFor more information, please contact\nLiz Lizama\nEmail: elizama@iom.int\n");
}

#[test]
fn switches_keep_the_menu_and_the_wraps() {
    let out = clean_stdout(&["--keep-navigation", "--no-unwrap", &fixture(LIMA)]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "-");
    assert_eq!(lines[1], "Qui sommes nous");
    assert_eq!(
        lines[29],
        "Fin de la réunion ministérielle consacrée a la migration"
    );
    assert_eq!(lines[30], "Les ministres de 24 pays à fort taux");
    assert_eq!(lines.last(), Some(&"dcortes@iom.int"));
}

#[test]
fn min_block_decides_how_many_shared_lines_make_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Titre A\nMenu un\nMenu deux\nCorps A.\n").unwrap();
    std::fs::write(&b, "Titre B\nMenu un\nMenu deux\nCorps B.\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    // Two shared lines in the middle: not a block by default…
    assert_eq!(
        clean_stdout(&[a, b]),
        "Titre A\nMenu un\nMenu deux\nCorps A.\n\nTitre B\nMenu un\nMenu deux\nCorps B.\n"
    );
    // …but with --min-block 2 they are.
    assert_eq!(
        clean_stdout(&["--min-block", "2", a, b]),
        "Titre A\nCorps A.\n\nTitre B\nCorps B.\n"
    );
    trame()
        .args(["clean", "--min-block", "0", a])
        .assert()
        .code(2);
}

#[test]
fn stdin_may_be_named_only_once() {
    trame().args(["clean", "-", "-"]).assert().code(2);
}

#[test]
fn lima_with_crlf_or_cr_line_ends_cleans_the_same() {
    let lf = std::fs::read_to_string(fixture(LIMA)).unwrap();
    let expected = clean_stdout(&[&fixture(LIMA)]);
    assert!(expected.starts_with("Fin de la réunion"));
    for ending in ["\r\n", "\r"] {
        let (_d, path) = temp_file("lima.txt", lf.replace('\n', ending).as_bytes());
        assert_eq!(
            clean_stdout(&[path.to_str().unwrap()]),
            expected,
            "{ending:?}"
        );
    }
}
