//! Hand-written cases for the terminology matcher: one test per kind of variation, on sentences
//! written for the purpose, each asserting the exact surfaces found.

use trame::glossary::csv::read_csv;
use trame::glossary::Glossary;
use trame::input::Source;
use trame::terms::{MatchKind, Matcher, Occurrence};

const GLOSSARY: &str = "\
id,fr,en,category,gender,fr_variants,en_variants
oim,Organisation internationale pour les migrations,International Organization for Migration,organisation,f,OIM [acronym],IOM [acronym]
oit,Organisation internationale du Travail,International Labour Organization,organisation,f,OIT [acronym],ILO [acronym]
dga,Directeur général adjoint,Deputy Director General,title,m,,
dg,Directeur général,Director General,title,m,,
sg,Secrétaire général,Secretary-General,title,m,,
chef,chef de mission,Chief of Mission,title,m,,
dr,Directeur régional de l’OIM,IOM Regional Director,title,m,,
idp,déplacé interne,internally displaced person,concept,m,,
em,État membre,Member State,concept,m,,
plan,Plan d’action de Quito,Quito Plan of Action,instrument,m,,
hc,Haut-Commissariat des Nations Unies pour les réfugiés,Office of the United Nations High Commissioner for Refugees,organisation,m,HCR [acronym],UNHCR [acronym]
ssc,coopération Sud-Sud,South-South cooperation,concept,f,,
traite,traite des personnes,trafficking in persons,concept,f,traite [short],
mig,migration,migration,concept,f,,
";

fn glossary() -> Glossary {
    read_csv(&Source {
        path: "cases.csv".into(),
        text: GLOSSARY.into(),
        encoding: "UTF-8",
        bom_len: 0,
    })
    .expect("test glossary parses")
}

fn find(text: &str) -> Vec<Occurrence> {
    Matcher::new(&glossary()).unwrap().find(text)
}

/// (surface, concept id) of every occurrence.
fn found(text: &str) -> Vec<(String, String)> {
    let g = glossary();
    Matcher::new(&g)
        .unwrap()
        .find(text)
        .into_iter()
        .map(|o| (o.surface, g.concepts[o.concept].id.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn case_is_ignored_for_words() {
    let text = "L’ORGANISATION INTERNATIONALE POUR LES MIGRATIONS et l’organisation internationale pour les migrations";
    let occ = find(text);
    assert_eq!(occ.len(), 2);
    assert_eq!(
        occ[0].surface,
        "ORGANISATION INTERNATIONALE POUR LES MIGRATIONS"
    );
    assert_eq!(occ[0].kind, MatchKind::Exact);
    assert_eq!(
        occ[1].surface,
        "organisation internationale pour les migrations"
    );
    assert_eq!(&text[occ[1].start..occ[1].end], occ[1].surface);
}

#[test]
fn unaccented_capitals_match_accented_headword() {
    assert_eq!(
        found("Les Etats membres et les ÉTATS MEMBRES, puis un Etat membre."),
        pairs(&[
            ("Etats membres", "em"),
            ("ÉTATS MEMBRES", "em"),
            ("Etat membre", "em")
        ])
    );
}

#[test]
fn a_wrong_accent_on_a_lower_case_letter_is_another_word() {
    // "traité" (treaty) is not "traite" (trafficking), even though they fold alike.
    assert_eq!(found("Le traité de Lima."), pairs(&[]));
    assert_eq!(
        found("victimes de la traite."),
        pairs(&[("traite", "traite")])
    );
}

#[test]
fn every_apostrophe_matches() {
    assert_eq!(
        found("le Plan d'action de Quito, le Plan d’action de Quito, le Plan dʼaction de Quito"),
        pairs(&[
            ("Plan d'action de Quito", "plan"),
            ("Plan d’action de Quito", "plan"),
            ("Plan dʼaction de Quito", "plan")
        ])
    );
}

#[test]
fn whitespace_line_breaks_and_no_break_spaces_match() {
    let text = "l’Organisation\ninternationale  pour\u{a0}les\u{202f}migrations\r\n(OIM)";
    let occ = find(text);
    assert_eq!(occ.len(), 2);
    assert_eq!(
        occ[0].surface,
        "Organisation\ninternationale  pour\u{a0}les\u{202f}migrations"
    );
    assert_eq!(occ[1].surface, "OIM");
}

#[test]
fn hyphen_and_space_are_the_same() {
    assert_eq!(
        found("la coopération Sud Sud et la coopération Sud-Sud ; le Haut Commissariat des Nations Unies pour les réfugiés"),
        pairs(&[
            ("coopération Sud Sud", "ssc"),
            ("coopération Sud-Sud", "ssc"),
            ("Haut Commissariat des Nations Unies pour les réfugiés", "hc")
        ])
    );
}

#[test]
fn elided_articles_are_not_part_of_the_match() {
    assert_eq!(
        found("l’OIM, d’OIM, l'OIM et de l’Organisation internationale pour les migrations"),
        pairs(&[
            ("OIM", "oim"),
            ("OIM", "oim"),
            ("OIM", "oim"),
            ("Organisation internationale pour les migrations", "oim")
        ])
    );
}

#[test]
fn gender_and_number_forms_of_titles_are_generated() {
    let text = "la Directrice générale adjointe, les Directeurs généraux adjoints, \
                les Directrices générales adjointes, le Directeur général adjoint";
    let occ = find(text);
    let surfaces: Vec<&str> = occ.iter().map(|o| o.surface.as_str()).collect();
    assert_eq!(
        surfaces,
        [
            "Directrice générale adjointe",
            "Directeurs généraux adjoints",
            "Directrices générales adjointes",
            "Directeur général adjoint"
        ]
    );
    assert_eq!(occ[0].kind, MatchKind::Variant);
    assert_eq!(occ[3].kind, MatchKind::Exact);
    assert!(occ.iter().all(|o| o.flags.is_empty()));
}

#[test]
fn only_the_head_phrase_agrees() {
    assert_eq!(
        found("les Directeurs régionaux de l’OIM et la Directrice régionale de l’OIM"),
        pairs(&[
            ("Directeurs régionaux de l’OIM", "dr"),
            ("Directrice régionale de l’OIM", "dr")
        ])
    );
    assert_eq!(
        found("la cheffe de mission et les chefs de mission"),
        pairs(&[("cheffe de mission", "chef"), ("chefs de mission", "chef")])
    );
}

#[test]
fn person_nouns_inflect_in_concepts() {
    assert_eq!(
        found("des déplacés internes, une déplacée interne, des déplacées internes"),
        pairs(&[
            ("déplacés internes", "idp"),
            ("déplacée interne", "idp"),
            ("déplacées internes", "idp")
        ])
    );
}

#[test]
fn longest_term_wins_at_the_same_place() {
    assert_eq!(
        found("le Directeur général adjoint et le Directeur général"),
        pairs(&[
            ("Directeur général adjoint", "dga"),
            ("Directeur général", "dg")
        ])
    );
}

#[test]
fn acronym_inside_a_word_is_not_matched() {
    assert_eq!(found("les OIMS, KOIM, OIM2 et l’OITA"), pairs(&[]));
}

#[test]
fn acronym_in_lower_case_is_not_matched() {
    // "oit" as a word in lower case, and inside "soit" / "doit".
    assert_eq!(found("qu’il soit ou doit, le mot oit, Oit"), pairs(&[]));
    assert_eq!(found("l’OIT"), pairs(&[("OIT", "oit")]));
}

#[test]
fn mismatched_article_and_title_are_flagged() {
    let occ = find("La Directeur générale adjointe assiste.");
    assert_eq!(occ.len(), 1);
    assert_eq!(occ[0].surface, "Directeur générale adjointe");
    assert_eq!(occ[0].flags, ["gender-agreement"]);

    // A feminine article before a title with masculine adjectives.
    let occ = find("La Secrétaire général a parlé.");
    assert_eq!(occ[0].surface, "Secrétaire général");
    assert_eq!(occ[0].flags, ["gender-agreement"]);

    // Correct agreement: no flag.
    let occ = find("La Directrice générale adjointe et la Secrétaire générale.");
    assert_eq!(occ.len(), 2);
    assert!(occ.iter().all(|o| o.flags.is_empty()));
}

#[test]
fn mixed_gender_title_without_article_is_flagged() {
    let occ = find("Laura Thompson, Directeur générale adjointe de l’OIM");
    assert_eq!(occ[0].surface, "Directeur générale adjointe");
    assert_eq!(glossary().concepts[occ[0].concept].id, "dga");
    assert_eq!(occ[0].flags, ["gender-agreement"]);
}

#[test]
fn near_miss_spelling_is_fuzzy_with_its_score() {
    let occ = find("le rôle de l’Organisation internationale pour les migratons.");
    assert_eq!(occ.len(), 1);
    assert_eq!(occ[0].kind, MatchKind::Fuzzy);
    assert_eq!(
        occ[0].surface,
        "Organisation internationale pour les migratons"
    );
    // One edit over the 47 characters of the term.
    assert!(
        (occ[0].score - (1.0 - 1.0 / 47.0)).abs() < 1e-9,
        "{}",
        occ[0].score
    );
    assert_eq!(glossary().concepts[occ[0].concept].id, "oim");
}

#[test]
fn no_fuzzy_match_on_short_words_or_function_words() {
    // "Sud" is too short to carry a spelling error; "des" → "les" is another function word.
    assert_eq!(found("la coopération Sud-Sul"), pairs(&[]));
    assert_eq!(
        found("la traite les personnes"),
        pairs(&[("traite", "traite")])
    );
    // A long word with one letter dropped is fuzzy.
    let occ = find("le Directeur generl");
    assert_eq!(occ.len(), 1);
    assert_eq!(
        (occ[0].surface.as_str(), occ[0].kind),
        ("Directeur generl", MatchKind::Fuzzy)
    );
}

#[test]
fn english_event_title_is_not_matched() {
    // Line 35 of fixtures/releases/fr/2019-03-bapa40.txt.
    let text = "M. Vitorino a ouvert l’événement parallèle South-South cooperation as a tool for \
                migration governance in Latin America and the Caribbean, au cours duquel a été \
                débattue la coopération en matière de migration dans les processus régionaux";
    let occ = find(text);
    assert_eq!(occ.len(), 1);
    assert_eq!(occ[0].surface, "migration");
    assert_eq!(occ[0].start, text.rfind("migration").unwrap());
}

#[test]
fn urls_and_email_addresses_are_not_matched() {
    let text = "Email : oim@iom.int, https://www.iom.int/OIM/migration et www.oim.org/migration ; \
                mailto:OIM@x.org — l’OIM";
    let occ = find(text);
    assert_eq!(occ.len(), 1);
    assert_eq!(occ[0].start, text.rfind("OIM").unwrap());
}

#[test]
fn positions_are_byte_offsets_in_the_text() {
    let text = "Été : l’OIM";
    let occ = find(text);
    assert_eq!(occ.len(), 1);
    // "Été" is 5 bytes, " : " 3, "l" 1 and "’" 3: OIM starts at byte 12.
    assert_eq!((occ[0].start, occ[0].end), (12, 15));
    assert_eq!(occ[0].score, 1.0);
}

#[test]
fn parallel_matching_finds_the_same_occurrences() {
    // About 1.5 MB: several pieces of 256 KiB, each with exact, variant, fuzzy and flagged
    // occurrences, and an English title whose occurrence is dropped.
    let para = "Le Directeur général adjoint de l’OIM a rencontré la Directeur général adjoint \
                du HCR.\nLa coopération Sud-Sud et l’Organisation internationale pour les \
                migratons.\nThe event South-South cooperation for migration governance in the \
                Americas.\n";
    let text = para.repeat(1_500_000 / para.len());
    let m = Matcher::new(&glossary()).unwrap();
    let serial = m.find(&text);
    let per_para = find(para);
    // Hand count per paragraph: DGA, OIM, DGA (flagged), HCR, Sud-Sud, fuzzy OIM.
    assert_eq!(per_para.len(), 6, "{per_para:#?}");
    assert_eq!(serial.len(), 6 * (text.len() / para.len()));
    assert_eq!(m.find_parallel(&text), serial);
}
