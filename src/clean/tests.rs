//! Tests of the whole cleaning pipeline on small hand-written inputs.

use super::*;

fn clean(s: &str) -> String {
    clean_document(s, &CleanOptions::default()).0.text
}

/// Every cleaned character that was copied from the original maps to that same character.
fn assert_map_points_at_copied_chars(original: &str, c: &CleanText) -> usize {
    let mut checked = 0;
    for (i, ch) in c.text.char_indices() {
        let o = c.original_offset(i);
        assert!(o <= original.len(), "offset {o} out of range");
        assert!(
            original.is_char_boundary(o),
            "offset {o} not on a char boundary"
        );
        if original[o..].starts_with(ch) {
            checked += 1;
            // The char's original span starts with it (a decoded `&` spans all of `&amp;`).
            let r = c.original_range(i..i + ch.len_utf8());
            assert_eq!(r.start, o);
            assert!(
                original[r.clone()].starts_with(ch),
                "range {r:?} for {ch:?}"
            );
        }
    }
    checked
}

#[test]
fn empty_and_blank_documents_clean_to_nothing() {
    assert_eq!(clean(""), "");
    assert_eq!(clean(" \r\n\t\n"), "");
    let c = clean_document("", &CleanOptions::default()).0;
    assert_eq!(c.original_offset(0), 0);
}

#[test]
fn crlf_and_cr_documents_give_lf_lines() {
    assert_eq!(
        clean("Titre\r\nPremier paragraphe.\rSecond."),
        "Titre\nPremier paragraphe.\nSecond."
    );
}

#[test]
fn blank_lines_and_spaces_disappear() {
    assert_eq!(
        clean("\n\n  Titre  \n\n\nCorps   du\ttexte.  \n\n"),
        "Titre\nCorps du texte."
    );
}

#[test]
fn html_is_stripped_and_entities_decoded() {
    assert_eq!(
        clean(
            "<p>L&#8217;OIM &amp; le HCR</p><p>Voir <a href=\"https://iom.int\">le site</a>.</p>"
        ),
        "L’OIM & le HCR\nVoir le site."
    );
}

#[test]
fn less_than_in_text_is_kept() {
    assert_eq!(
        clean("Si a < b et b > c, alors a < c."),
        "Si a < b et b > c, alors a < c."
    );
}

#[test]
fn mailto_debris_and_label_become_one_contact_line() {
    let raw =
        "Titre\nE-mail:\n\"mailto:dcortes@iom.int\" target=\"_blank\" title=\n\"\">dcortes@iom.int";
    assert_eq!(clean(raw), "Titre\nE-mail: dcortes@iom.int");
}

#[test]
fn shared_blocks_go_and_single_shared_lines_stay() {
    let nav = "Accueil\nÀ propos\nContact\n";
    let a = format!("{nav}Titre A\nCorps A.\nPour plus d’informations, veuillez contacter\nAnne");
    let b = format!("{nav}Titre B\nCorps B.\nPour plus d’informations, veuillez contacter\nBruno");
    let out = clean_documents(&[&a, &b], &CleanOptions::default());
    assert_eq!(
        out[0].0.text,
        "Titre A\nCorps A.\nPour plus d’informations, veuillez contacter\nAnne"
    );
    assert_eq!(
        out[1].0.text,
        "Titre B\nCorps B.\nPour plus d’informations, veuillez contacter\nBruno"
    );
    let r = &out[0].1.removals;
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].kind, RemovalKind::Boilerplate);
    assert_eq!(r[0].line, 1);
    assert_eq!(r[0].text, "Accueil\nÀ propos\nContact");
}

#[test]
fn a_shared_footer_block_goes_too() {
    let foot = "Suivez-nous\nTwitter\nFacebook";
    let a = format!("Titre A\nCorps A.\n{foot}");
    let b = format!("Titre B\nCorps B.\n{foot}");
    let out = clean_documents(&[&a, &b], &CleanOptions::default());
    assert_eq!(out[0].0.text, "Titre A\nCorps A.");
    assert_eq!(out[1].0.text, "Titre B\nCorps B.");
}

#[test]
fn shared_blocks_can_be_switched_off() {
    let nav = "Accueil\nÀ propos\nContact\n";
    let a = format!("{nav}Titre A");
    let b = format!("{nav}Titre B");
    let opts = CleanOptions {
        shared_blocks: false,
        ..CleanOptions::default()
    };
    let out = clean_documents(&[&a, &b], &opts);
    assert_eq!(out[0].0.text, "Accueil\nÀ propos\nContact\nTitre A");
}

#[test]
fn known_boilerplate_is_removed_from_a_single_document() {
    let opts = CleanOptions {
        boilerplate: vec!["Accueil\r\n  À  propos\nContact".into()],
        ..CleanOptions::default()
    };
    let (c, report) = clean_document("Accueil\nÀ propos\nContact\nTitre\nCorps.", &opts);
    assert_eq!(c.text, "Titre\nCorps.");
    assert_eq!(report.removals[0].kind, RemovalKind::KnownBoilerplate);
}

#[test]
fn the_map_points_at_copied_characters() {
    let raw = "-\nMenu\nMenu\n- Lien\n- Autre\nTitre &eacute;t&eacute;\r\n  Les  ministres de\nl’OIM ont sign\u{e9}\nune d\u{e9}claration.\rFin\u{a0}:  <b>oui</b>\nE-mail:\n\"mailto:a@b.org\" target=\"_blank\" title=\n\"\">a@b.org";
    let (c, _) = clean_document(raw, &CleanOptions::default());
    let copied = assert_map_points_at_copied_chars(raw, &c);
    assert!(copied > 50, "only {copied} chars checked");
    // The decoded entity maps to the whole entity.
    let e = c.text.find('é').unwrap();
    assert_eq!(&raw[c.original_range(e..e + 2)], "&eacute;");
    // The space that replaced a line break maps to that line break.
    let s = c.text.find("de l’OIM").unwrap() + 2;
    assert_eq!(&raw[c.original_range(s..s + 1)], "\n");
    // A whole cleaned line maps to its original span.
    let l = c.text.find("E-mail").unwrap();
    let r = c.original_range(l..c.text.len());
    assert!(raw[r.clone()].starts_with("E-mail:\n\"mailto"));
    assert!(raw[r].ends_with("a@b.org"));
    // Past the end: the end of the original.
    assert_eq!(c.original_offset(c.text.len()), raw.len());
}

#[test]
fn identity_maps_every_byte_to_itself() {
    let c = identity("aé\r\nb");
    assert_eq!(c.text, "aé\r\nb");
    for i in 0..=c.text.len() {
        assert_eq!(c.original_offset(i), i);
    }
}

#[test]
fn steps_can_be_switched_off() {
    let opts = CleanOptions {
        markup: false,
        unwrap: false,
        navigation: false,
        ..CleanOptions::default()
    };
    assert_eq!(
        clean_document("a <b>x</b> &amp;\nE-mail:\nx@y.org", &opts)
            .0
            .text,
        "a <b>x</b> &amp;\nE-mail:\nx@y.org"
    );
}

#[test]
fn a_huge_single_line_is_handled() {
    let line = "Le mot « migration » revient.  ".repeat(20_000);
    let (c, _) = clean_document(&line, &CleanOptions::default());
    assert_eq!(c.text.len(), line.len() - 20_000 - 1);
    assert_eq!(c.original_offset(c.text.len() - 1), line.len() - 3);
}

#[test]
fn report_lines_count_cr_crlf_and_lf_line_ends() {
    let (_, report) = clean_document("A.\rB.\r\nC.\n<b>X</b>", &CleanOptions::default());
    let lines: Vec<(usize, &str)> = report
        .removals
        .iter()
        .map(|r| (r.line, r.text.as_str()))
        .collect();
    assert_eq!(lines, vec![(4, "<b>"), (4, "</b>")]);
}

#[test]
fn a_menu_entry_that_differs_between_documents_goes_too() {
    let a = "-\nQui sommes nous\nQui sommes nous\n- Directrice générale\n- Bureau du Chef de Cabinet\n- 2030 AGENDA\nTitre A\nCorps A.";
    let b = "-\nQui sommes nous\nQui sommes nous\n- Directeur général\n- Bureau du Chef de Cabinet\n- 2030 AGENDA\nTitre B\nCorps B.";
    let out = clean_documents(&[a, b], &CleanOptions::default());
    assert_eq!(out[0].0.text, "Titre A\nCorps A.");
    assert_eq!(out[1].0.text, "Titre B\nCorps B.");
    let kinds: Vec<&str> = out[0].1.removals.iter().map(|r| r.kind.as_str()).collect();
    // Lines 1-3 are a shared block; the differing entry and the two shared lines after it (a run
    // too short to be a block) go with the menu recognised by its shape.
    assert_eq!(kinds, ["boilerplate", "navigation"]);
    assert_eq!(
        out[0].1.removals[1].text,
        "- Directrice générale\n- Bureau du Chef de Cabinet\n- 2030 AGENDA"
    );
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that exercise every rule: markup, entities, debris, line ends, spaces, NBSP.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Zéà’ ]{0,12}",
            Just("<b>".to_string()),
            Just("</a>".to_string()),
            Just("<br>".to_string()),
            Just("&amp;".to_string()),
            Just("&eacute;".to_string()),
            Just("&#8217;".to_string()),
            Just("&#xZZ;".to_string()),
            Just("\"mailto:a@b.org\" target=\"_blank\" title=\"\">".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just(" \t ".to_string()),
            Just("\u{a0}".to_string()),
            Just("\u{ad}".to_string()),
            Just("- ".to_string()),
            Just("E-mail:".to_string()),
            Just(". ".to_string()),
            Just("<".to_string()),
            Just(">".to_string()),
        ]
    }

    proptest! {
        #[test]
        fn never_panics_and_the_map_holds(parts in proptest::collection::vec(piece(), 0..40)) {
            let raw: String = parts.concat();
            let (c, _) = clean_document(&raw, &CleanOptions::default());
            assert_map_points_at_copied_chars(&raw, &c);
            prop_assert!(!c.text.contains("\n\n"));
            prop_assert!(!c.text.starts_with([' ', '\n']));
            prop_assert!(!c.text.ends_with([' ', '\n']));
            prop_assert!(!c.text.contains('\r'));
            for i in 0..=c.text.len() + 1 {
                prop_assert!(c.original_offset(i) <= raw.len());
            }
        }

        #[test]
        fn several_documents_never_panic(a in ".{0,200}", b in ".{0,200}") {
            let out = clean_documents(&[&a, &b, &a], &CleanOptions::default());
            prop_assert_eq!(out.len(), 3);
            prop_assert_eq!(&out[0].0.text, &out[2].0.text);
        }
    }
}

#[test]
fn a_contact_block_shared_by_two_releases_stays() {
    let contact = "Pour plus d’informations, veuillez contacter:\nDolores Cortés\nIOM Lima\nE-mail: dcortes@iom.int";
    let a = format!("Titre A\nCorps A.\n{contact}");
    let b = format!("Titre B\nCorps B.\n{contact}");
    let out = clean_documents(&[&a, &b], &CleanOptions::default());
    assert_eq!(out[0].0.text, a);
    assert_eq!(out[1].0.text, b);
}

#[test]
fn an_anchor_after_an_email_label_joins_it() {
    assert_eq!(
        clean("Titre\nE-mail:\n<a href=\"mailto:dcortes@iom.int\">dcortes@iom.int</a>"),
        "Titre\nE-mail: dcortes@iom.int"
    );
}

/// Greedy wrapping (as a mail client or an old CMS does): words go on a line while they fit.
fn greedy_wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in paragraph.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// Greedy wrapping loses where paragraphs end when the last line of a paragraph happens to be
/// full; unwrapping must then never merge two paragraphs (a title glued to its first paragraph
/// would be one segment) and may only split a paragraph right after a sentence end (where the
/// segmenter splits anyway).
#[test]
fn greedy_wrapped_releases_unwrap_to_their_paragraphs() {
    let fixtures = [
        include_str!("../../fixtures/releases/fr/2006-lima-ministerial.txt"),
        include_str!("../../fixtures/releases/fr/2014-12-cartagena30.txt"),
        include_str!("../../fixtures/releases/fr/2016-10-habitat3.txt"),
        include_str!("../../fixtures/releases/fr/2018-09-summit-americas.txt"),
        include_str!("../../fixtures/releases/fr/2019-03-bapa40.txt"),
    ];
    let mut failures = Vec::new();
    let mut exact = 0;
    for (n, raw) in fixtures.iter().enumerate() {
        let paragraphs = clean(raw);
        for width in [50, 60, 72, 80] {
            let wrapped: Vec<String> = paragraphs
                .lines()
                .flat_map(|p| greedy_wrap(p, width))
                .collect();
            assert!(wrapped.len() > paragraphs.lines().count());
            let again = clean(&wrapped.join("\n"));
            if again == paragraphs {
                exact += 1;
                continue;
            }
            let mut got = again.lines();
            for want in paragraphs.lines() {
                let mut acc = got.next().unwrap_or("").to_string();
                while acc.len() < want.len() && want.starts_with(&acc) {
                    let ok_split = acc.ends_with(['.', '!', '?', '…', '»']);
                    if !ok_split {
                        failures.push(format!(
                            "fixture {n} width {width}: split mid-sentence after {acc:?}"
                        ));
                    }
                    match got.next() {
                        Some(next) => {
                            acc.push(' ');
                            acc.push_str(next);
                        }
                        None => break,
                    }
                }
                if acc != want {
                    failures.push(format!(
                        "fixture {n} width {width}: want {want:?}, got {acc:?}"
                    ));
                    break;
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Most wrapped versions come back exactly (the others only split at sentence ends).
    assert!(exact >= 12, "only {exact} of 20 exact");
}

/// With a blank line between paragraphs (the usual plain-text layout), the paragraph ends are
/// known: every wrapped release comes back exactly, sentence ends inside paragraphs included.
#[test]
fn wrapped_releases_with_blank_lines_come_back_exactly() {
    let fixtures = [
        include_str!("../../fixtures/releases/fr/2014-12-cartagena30.txt"),
        include_str!("../../fixtures/releases/fr/2016-10-habitat3.txt"),
        include_str!("../../fixtures/releases/fr/2018-09-summit-americas.txt"),
        include_str!("../../fixtures/releases/fr/2019-03-bapa40.txt"),
    ];
    for (n, raw) in fixtures.iter().enumerate() {
        let paragraphs = clean(raw);
        // Body paragraphs only: the contact lines of a release are not blank-line separated.
        let body: Vec<&str> = paragraphs
            .lines()
            .take_while(|l| !l.starts_with("Pour plus d’informations"))
            .collect();
        for width in [50, 60, 72, 80] {
            let wrapped: Vec<String> = body
                .iter()
                .map(|p| greedy_wrap(p, width).join("\n"))
                .collect();
            let again = clean(&wrapped.join("\n\n"));
            assert_eq!(again, body.join("\n"), "fixture {n} width {width}");
        }
    }
}

#[test]
fn a_blank_line_is_never_joined_across() {
    assert_eq!(
        clean("Titre sans point\n\nsuite en minuscules."),
        "Titre sans point\nsuite en minuscules."
    );
    assert_eq!(
        clean("Titre sans point\nsuite en minuscules."),
        "Titre sans point suite en minuscules."
    );
}

#[test]
fn the_map_holds_on_every_fixture_alone_and_together() {
    let fixtures = [
        include_str!("../../fixtures/releases/fr/2006-lima-ministerial.txt"),
        include_str!("../../fixtures/releases/fr/2014-12-cartagena30.txt"),
        include_str!("../../fixtures/releases/fr/2016-10-habitat3.txt"),
        include_str!("../../fixtures/releases/fr/2018-09-summit-americas.txt"),
        include_str!("../../fixtures/releases/fr/2019-03-bapa40.txt"),
    ];
    let together = clean_documents(&fixtures, &CleanOptions::default());
    for (raw, (c, _)) in fixtures.iter().zip(&together) {
        let n = assert_map_points_at_copied_chars(raw, c);
        // Everything but the spaces that replaced line breaks is copied.
        assert!(
            n + 60 >= c.text.chars().count(),
            "{n} of {}",
            c.text.chars().count()
        );
        let alone = clean_document(raw, &CleanOptions::default()).0;
        assert_map_points_at_copied_chars(raw, &alone);
        // Each cleaned line maps to a span of the original that starts and ends like it.
        let mut start = 0;
        for line in alone.text.split('\n') {
            let r = alone.original_range(start..start + line.len());
            let first: String = line.chars().take(5).collect();
            assert!(
                raw[r.clone()].starts_with(&first),
                "{line:?} vs {:?}",
                &raw[r.clone()]
            );
            let last = line.chars().last().unwrap();
            assert!(raw[r].ends_with(last));
            start += line.len() + 1;
        }
    }
    // The Lima title starts on line 30 of the file.
    let lima = &together[0].0;
    let title_at = lima.original_offset(0);
    assert_eq!(fixtures[0][..title_at].matches('\n').count(), 29);
}
