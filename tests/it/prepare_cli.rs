//! `trame prepare` and `trame xliff import` end to end: an edited fixture release prepared
//! against the memory built from the fixtures, the OmegaT project, and the round trip back to TMX.

use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const RELEASE: &str = "fixtures/releases/fr/2019-03-bapa40.txt";

fn trame() -> Command {
    let mut cmd = Command::cargo_bin("trame").unwrap();
    cmd.current_dir(ROOT);
    cmd
}

/// `trame build` on the fixtures, once for the whole test binary: the folder holding memory.tmx.
fn memory_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        trame()
            .args(["build", "--out"])
            .arg(&dir)
            .assert()
            .success();
        dir
    })
}

/// The bapa40 release with three edits: a number changed (`1384` → `1385` in a phone number),
/// a word changed (`réaffirmant` → `confirmant`), and a new sentence on its own line after
/// line 42.
fn edited_release(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(Path::new(ROOT).join(RELEASE)).unwrap();
    assert!(text.contains("3232 1384") && text.contains("réaffirmant leur engagement"));
    let mut lines: Vec<String> = text
        .replace("3232 1384", "3232 1385")
        .replace("réaffirmant leur engagement", "confirmant leur engagement")
        .lines()
        .map(String::from)
        .collect();
    assert!(lines[41].starts_with("Les derniers chiffres"));
    lines.insert(
        42,
        "Une phrase toute nouvelle, écrite pour ce test et absente de la mémoire.".into(),
    );
    let path = dir.join("2019-03-bapa40.txt");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn an_edited_release_gets_exact_fuzzy_and_no_matches_where_it_should() {
    let work = tempfile::tempdir().unwrap();
    let release = edited_release(work.path());
    let memory = memory_dir().join("memory.tmx");
    let mut builder = trame::leverage::IndexBuilder::new();
    trame::leverage::add_tmx(&mut builder, memory.to_str().unwrap(), "fr").unwrap();
    let index = builder.build();
    let source = trame::input::read_source(release.to_str().unwrap(), None).unwrap();
    let options = trame::package::PrepareOptions::default();
    let releases = trame::package::prepare(&[source], None, &index, &options).unwrap();
    let segs = &releases[0].segments;
    assert_eq!(segs.len(), 27);
    let confident = |k: usize| {
        segs[k - 1]
            .matches
            .first()
            .is_some_and(|m| trame::package::confident(&index, m, options.min_confidence))
    };
    // Untouched sentences that the memory holds as confident 1-1 units: exact. Segment 5 is in
    // the memory too, but as a 1-2 link (its English adds a sentence; the gold alignment marks
    // that link wrong), so it is offered, not inserted; 10, 11 and 17 are fuzzy or merged.
    let exact: Vec<usize> = (1..=27).filter(|&k| confident(k)).collect();
    let expected: Vec<usize> = (1..=4)
        .chain(6..=9)
        .chain(12..=16)
        .chain(18..=20)
        .chain([24, 25, 27])
        .collect();
    assert_eq!(exact, expected);
    assert!(segs[4].matches[0].exact);
    let note = index.unit(segs[4].matches[0].unit).note.clone().unwrap();
    assert!(note.contains("1-2 link"), "{note}");
    // The word edit: 26 tokens, one substituted → floor(100 × 25/26) = 96.
    let s21 = &segs[20];
    assert!(s21.text.contains("confirmant leur engagement"));
    assert_eq!(s21.matches[0].score, 96);
    assert!(!s21.matches[0].exact);
    assert!(index
        .unit(s21.matches[0].unit)
        .source
        .contains("réaffirmant"));
    // The number edit: 12 tokens (carolina celi email cceli iom int tel 54 11 15 3232 1385),
    // one substituted → floor(100 × 11/12) = 91.
    let s26 = &segs[25];
    assert!(s26.text.ends_with("3232 1385"));
    assert_eq!(s26.matches[0].score, 91);
    assert!(index
        .unit(s26.matches[0].unit)
        .source
        .ends_with("3232 1384"));
    // The new sentence: nothing at 50 or more.
    assert!(segs[22].text.starts_with("Une phrase toute nouvelle"));
    assert!(segs[22].matches.is_empty());
}

/// Trans-unit numbers OmegaT filled from tm/auto, as check-omegat-xliff reports them; `None`
/// when the checker could not run.
fn omegat_prefilled(xlf: &Path, auto: &Path, fuzzy: Option<&Path>) -> Option<BTreeSet<usize>> {
    let checker = Path::new(common::TOOLS).join("check-omegat-xliff");
    let mut args: Vec<String> = vec![
        "--profile".into(),
        "omegat".into(),
        "--tm-auto".into(),
        auto.display().to_string(),
    ];
    if let Some(f) = fuzzy {
        args.push("--tm".into());
        args.push(f.display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    if !common::check("check-omegat-xliff", xlf, &args) {
        return None;
    }
    let out = std::process::Command::new(checker)
        .arg(xlf)
        .args(&args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    Some(
        text.lines()
            .filter(|l| l.contains("translation from tm/auto"))
            .filter_map(|l| {
                l.trim()
                    .strip_prefix("note: tu ")?
                    .split_whitespace()
                    .next()?
                    .parse()
                    .ok()
            })
            .collect(),
    )
}

#[test]
fn the_omegat_project_prefills_exactly_the_untouched_sentences() {
    let work = tempfile::tempdir().unwrap();
    let release = edited_release(work.path());
    let proj = work.path().join("proj");
    trame()
        .arg("prepare")
        .arg(&release)
        .arg("--tm")
        .arg(memory_dir().join("memory.tmx"))
        .args(["--profile", "omegat", "-o"])
        .arg(&proj)
        .assert()
        .success();
    for f in [
        "omegat.project",
        "source/2019-03-bapa40.xlf",
        "tm/auto/exact.tmx",
        "tm/fuzzy.tmx",
        "glossary/glossary.tbx",
    ] {
        assert!(proj.join(f).is_file(), "{f} missing");
    }
    for d in ["target", "dictionary", "omegat"] {
        assert!(proj.join(d).is_dir(), "{d}/ missing");
    }
    common::check("check-tmx", &proj.join("tm/auto/exact.tmx"), &[]);
    common::check("check-tmx", &proj.join("tm/fuzzy.tmx"), &[]);
    common::check("check-omegat", &proj.join("tm/auto/exact.tmx"), &[]);
    common::check("check-tbx", &proj.join("glossary/glossary.tbx"), &[]);
    common::check("check-omegat-tbx", &proj.join("glossary/glossary.tbx"), &[]);
    let xlf = proj.join("source/2019-03-bapa40.xlf");
    if let Some(filled) = omegat_prefilled(
        &xlf,
        &proj.join("tm/auto/exact.tmx"),
        Some(&proj.join("tm/fuzzy.tmx")),
    ) {
        let expected: BTreeSet<usize> = (1..=4)
            .chain(6..=9)
            .chain(12..=16)
            .chain(18..=20)
            .chain([24, 25, 27])
            .collect();
        assert_eq!(filled, expected);
    }
}

#[test]
fn the_generic_package_passes_the_xliff_checker_and_holds_matches_and_notes() {
    let work = tempfile::tempdir().unwrap();
    let release = edited_release(work.path());
    let out = work.path().join("pkg");
    trame()
        .arg("prepare")
        .arg(&release)
        .arg("--tm")
        .arg(memory_dir().join("memory.tmx"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let xlf = out.join("2019-03-bapa40.xlf");
    let text = std::fs::read_to_string(&xlf).unwrap();
    // one <file>, 27 units, stable ids and resnames with file:line:column
    assert_eq!(text.matches("<file ").count(), 1);
    assert_eq!(text.matches("<trans-unit ").count(), 27);
    assert!(text.contains(r#"<trans-unit id="1" resname="2019-03-bapa40.txt:30:1">"#));
    // 19 confident exact matches pre-filled (segment 5's unit is a doubtful 1-2 link)
    assert_eq!(
        text.matches(r#"state="needs-review-translation" state-qualifier="exact-match""#)
            .count(),
        19
    );
    assert!(text.contains(r#"<alt-trans match-quality="96" origin="memory.tmx">"#));
    assert!(text.contains(r#"<alt-trans match-quality="91" origin="memory.tmx">"#));
    // glossary hits: one developer note per unit, one line per hit
    assert!(text.contains("Directeur général → Director General (title)"));
    assert!(!text.contains("</note>\n        <note"));
    let files = trame::xliff::read_xliff("pkg", &text).unwrap();
    assert_eq!(files[0].units.len(), 27);
    common::check(
        "check-omegat-xliff",
        &xlf,
        &["--tm", out.join("leverage.tmx").to_str().unwrap()],
    );
    common::check("check-tmx", &out.join("leverage.tmx"), &[]);
    common::check("check-tbx", &out.join("glossary.tbx"), &[]);
}

#[test]
fn round_trip_prepare_translate_import() {
    let work = tempfile::tempdir().unwrap();
    let proj = work.path().join("proj");
    trame()
        .args(["prepare", RELEASE, "--profile", "omegat", "-o"])
        .arg(&proj)
        .assert()
        .success();
    let xlf = proj.join("source/2019-03-bapa40.xlf");
    let mut files = trame::xliff::read_xliff("x", &std::fs::read_to_string(&xlf).unwrap()).unwrap();
    // The translator: unit 1 translated (OmegaT leaves state="new"), unit 2 marked translated,
    // unit 3 left as the source copy, unit 4 needs review, unit 5 approved.
    let units = &mut files[0].units;
    let set = |u: &mut trame::xliff::XliffUnit, text: &str, state: Option<&str>| {
        let t = u.target.get_or_insert_with(Default::default);
        t.text = text.into();
        t.state = state.map(String::from);
    };
    set(
        &mut units[0],
        "The Director General attends a conference.",
        Some("new"),
    );
    set(
        &mut units[1],
        "Buenos Aires – IOM's Director General took part.",
        Some("translated"),
    );
    units[3].target.as_mut().unwrap().state = Some("needs-review-translation".into());
    let t4 = units[3].target.as_mut().unwrap();
    t4.text = "It was also an opportunity.".into();
    set(&mut units[4], "More than 1,500 participants.", None);
    units[4].approved = true;
    let translated = work.path().join("translated.xlf");
    let mut buf = Vec::new();
    trame::xliff::write_xliff(&files, &mut buf).unwrap();
    std::fs::write(&translated, buf).unwrap();

    let tmx = work.path().join("new.tmx");
    trame()
        .args(["xliff", "import"])
        .arg(&translated)
        .arg("-o")
        .arg(&tmx)
        .assert()
        .success();
    let text = std::fs::read_to_string(&tmx).unwrap();
    assert_eq!(text.matches("<tu ").count(), 3);
    assert!(text.contains("The Director General attends a conference."));
    assert!(
        text.contains("IOM&apos;s Director General") || text.contains("IOM's Director General")
    );
    assert!(text.contains("More than 1,500 participants."));
    assert!(!text.contains("It was also an opportunity."));
    common::check("check-tmx", &tmx, &[]);
    common::check("check-omegat", &tmx, &[]);

    let all = work.path().join("all.tmx");
    trame()
        .args(["xliff", "import", "--include-unconfirmed"])
        .arg(&translated)
        .arg("-o")
        .arg(&all)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&all)
            .unwrap()
            .matches("<tu ")
            .count(),
        4
    );
}

#[test]
fn a_bad_xliff_is_an_error_with_line_and_column_and_nothing_is_written() {
    let work = tempfile::tempdir().unwrap();
    let bad = work.path().join("bad.xlf");
    std::fs::write(
        &bad,
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n  <file original=\"a\" source-language=\"fr\">\n    <body>\n      <trans-unit id=\"1\"><source>a</source><target>b</targ></trans-unit>\n",
    )
    .unwrap();
    let out = work.path().join("out.tmx");
    let assert = trame()
        .args(["xliff", "import"])
        .arg(&bad)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains("bad.xlf:5:"), "{err}");
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(work.path()).unwrap().count(), 1);
    // not XLIFF at all
    std::fs::write(&bad, "<tmx version=\"1.4\"/>").unwrap();
    trame()
        .args(["xliff", "import"])
        .arg(&bad)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    assert!(!out.exists());
}

#[test]
fn bad_options_are_usage_errors() {
    trame()
        .args(["prepare", RELEASE, "--min-score", "0"])
        .assert()
        .code(2);
    trame()
        .args(["prepare", RELEASE, "--profile", "trados"])
        .assert()
        .code(2);
}
