//! `trame align` command-line tests.

use crate::common;
use crate::common::trame;
use predicates::prelude::*;

const FR: &str = "La conférence de Lima a réuni 1 500 participants.\nLe rapport de Guterres compte 240 pages.\nLes dernières statistiques sont disponibles ici.\nContact : <Dolores> & co\n";
const EN: &str = "The Lima conference brought together 1,500 participants.\nThe report by Guterres has 240 pages.\nContact: <Dolores> & co\n";

fn files() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let fr = dir.path().join("a.fr.txt");
    let en = dir.path().join("a.en.txt");
    std::fs::write(&fr, FR).unwrap();
    std::fs::write(&en, EN).unwrap();
    let (fr, en) = (fr.display().to_string(), en.display().to_string());
    (dir, fr, en)
}

#[test]
fn links_format_is_the_gold_format() {
    let (_d, fr, en) = files();
    trame()
        .args(["align", "--presegmented", &fr, &en, "--format", "links"])
        .assert()
        .success()
        .stdout("0\t0\n1\t1\n2\t\n3\t2\n");
}

#[test]
fn tsv_is_the_default_and_jsonl_has_all_fields() {
    let (_d, fr, en) = files();
    let out = trame()
        .args(["align", "--presegmented", &fr, &en])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let first: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
    assert_eq!(
        first[0],
        "La conférence de Lima a réuni 1 500 participants."
    );
    assert_eq!(
        first[1],
        "The Lima conference brought together 1,500 participants."
    );
    let conf: f64 = first[2].parse().unwrap();
    assert!((0.0..=1.0).contains(&conf));

    let out = trame()
        .args(["align", "--presegmented", &fr, &en, "-f", "jsonl"])
        .output()
        .unwrap();
    let line = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .nth(2)
        .unwrap()
        .to_string();
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["src_ids"], serde_json::json!([2]));
    assert_eq!(v["tgt_ids"], serde_json::json!([]));
    assert_eq!(v["src"], "Les dernières statistiques sont disponibles ici.");
    assert_eq!(v["tgt"], "");
    assert!(v["confidence"].as_f64().unwrap() <= 0.5);
}

#[test]
fn html_review_page_is_escaped_and_self_contained() {
    let (d, fr, en) = files();
    let out = d.path().join("review.html");
    trame()
        .args(["align", "--presegmented", &fr, &en, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Contact : &lt;Dolores&gt; &amp; co"));
    assert!(!html.contains("<Dolores>"));
    assert!(html.contains("<tr class=\"gap\">"));
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
}

#[test]
fn eval_prints_scores() {
    let (d, fr, en) = files();
    let gold = d.path().join("a.gold");
    std::fs::write(&gold, "0\t0\n1\t1\n2\t\n3\t2\n").unwrap();
    trame()
        .args(["align", "--presegmented", &fr, &en, "-f", "links", "--eval"])
        .arg(&gold)
        .assert()
        .success()
        .stderr(predicate::str::contains("strict P 1.000 R 1.000 F1 1.000"));
    std::fs::write(&gold, "0\t0\n1\tx\n").unwrap();
    trame()
        .args(["align", "--presegmented", &fr, &en, "--eval"])
        .arg(&gold)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a.gold:2:3: `x` is not a sentence index",
        ));
}

#[test]
fn usage_errors_exit_2() {
    let (_d, fr, en) = files();
    trame().args(["align", &fr]).assert().code(2);
    trame()
        .args(["align", &fr, &en, "-f", "xml"])
        .assert()
        .code(2);
    trame()
        .args(["align", &fr, &en, "--min-confidence", "2"])
        .assert()
        .code(2);
}

#[test]
fn many_documents_pair_by_name_and_report_unpaired() {
    let fr = tempfile::tempdir().unwrap();
    let en = tempfile::tempdir().unwrap();
    std::fs::write(fr.path().join("one.txt"), FR).unwrap();
    std::fs::write(en.path().join("one.txt"), EN).unwrap();
    std::fs::write(fr.path().join("only-fr.txt"), FR).unwrap();
    trame()
        .args(["align", "--presegmented", "-f", "links", "--fr"])
        .arg(fr.path())
        .arg("--en")
        .arg(en.path())
        .assert()
        .success()
        .stdout("0\t0\n1\t1\n2\t\n3\t2\n")
        .stderr(predicate::str::contains(
            "only-fr.txt: no file of the same name",
        ));
    trame()
        .args(["align", "--presegmented", "--strict", "--fr"])
        .arg(fr.path())
        .arg("--en")
        .arg(en.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 unpaired file(s)"));
}

#[test]
fn raw_release_pair_runs_end_to_end() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = trame()
        .args(["align", "-f", "links"])
        .arg(format!("{root}/fixtures/releases/fr/2019-03-bapa40.txt"))
        .arg(format!("{root}/fixtures/releases/en/2019-03-bapa40.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let gold =
        trame::align::eval::read_links("out", &String::from_utf8(out.stdout).unwrap()).unwrap();
    assert!(!gold.is_empty());
}

#[test]
fn dictionary_phrase_pairs_anchor_beads() {
    let d = tempfile::tempdir().unwrap();
    let fr = d.path().join("g.fr");
    let en = d.path().join("g.en");
    let dict = d.path().join("d.tsv");
    std::fs::write(&fr, "Le Pacte mondial a été approuvé hier soir par tous.\nLa réunion a duré deux jours entiers sous la pluie.\n").unwrap();
    std::fs::write(&en, "The Global Compact was endorsed last night by all.\n").unwrap();
    std::fs::write(
        &dict,
        "# French<TAB>English\nPacte mondial\tGlobal Compact\n",
    )
    .unwrap();
    trame()
        .args(["align", "--presegmented", "-f", "links", "--dict"])
        .arg(&dict)
        .arg(&fr)
        .arg(&en)
        .assert()
        .success()
        .stdout("0\t0\n1\t\n");
    std::fs::write(&dict, "Pacte mondial Global Compact\n").unwrap();
    trame()
        .args(["align", "--presegmented", "--dict"])
        .arg(&dict)
        .arg(&fr)
        .arg(&en)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "d.tsv:1:1: expected `french<TAB>english`",
        ));
}

#[test]
fn tmx_of_a_raw_release_pair_with_the_glossary_conforms() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = tempfile::tempdir().unwrap();
    let tmx = dir.path().join("cartagena30.tmx");
    trame()
        .arg("align")
        .arg(format!(
            "{root}/fixtures/releases/fr/2014-12-cartagena30.txt"
        ))
        .arg(format!(
            "{root}/fixtures/releases/en/2014-12-cartagena30.txt"
        ))
        .arg("--glossary")
        .arg(format!("{root}/glossaries/iom-fr-en.csv"))
        .arg("-o")
        .arg(&tmx)
        .assert()
        .success();
    let text = std::fs::read_to_string(&tmx).unwrap();
    // The gold has 15 beads with both sides (the French-only and the English-only sentence stay
    // out of the TMX), one translation unit each; the first pairs the titles.
    assert_eq!(
        text.matches("<tu ").count() + text.matches("<tu>").count(),
        15
    );
    assert!(
        text.contains("<seg>La Directeur générale adjointe de l’OIM assiste à la Conférence"),
        "{text}"
    );
    assert!(text.contains("<seg>IOM Deputy Director General Attends Cartagena +30"));
    common::check("check-tmx", &tmx, &[]);
    common::check(
        "check-omegat",
        &tmx,
        &["--source-lang", "fr", "--target-lang", "en"],
    );
}
