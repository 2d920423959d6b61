//! The English of an occurrence is the glossary target of the same type as the French term
//! that matched (acronym → acronym, short form → short form, full form → full form, plural kept
//! where English has it), with the shipped glossary on sentences from IOM releases. Expected
//! values are written by hand from the glossary rows.

use trame::glossary::read_glossary;
use trame::terms::{find_in_documents, Document, Matcher};

const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/glossaries/iom-fr-en.csv");

/// `(surface, en, variant, variant_type)` of every occurrence in `text`.
fn rendered(text: &str) -> Vec<(String, String, String, &'static str)> {
    let glossary = read_glossary(GLOSSARY, None).unwrap();
    let matcher = Matcher::new(&glossary).unwrap();
    let docs = [Document { name: "t", text }];
    find_in_documents(&matcher, &glossary, &docs, false)
        .into_iter()
        .map(|r| (r.surface, r.en, r.variant, r.variant_type))
        .collect()
}

fn en_of<'a>(hits: &'a [(String, String, String, &'static str)], surface: &str) -> &'a str {
    hits.iter()
        .find(|h| h.0 == surface)
        .map(|h| h.1.as_str())
        .unwrap_or_else(|| panic!("`{surface}` not found in {hits:?}"))
}

#[test]
fn acronyms_are_rendered_by_the_english_acronym() {
    // 2014-12-cartagena30 and 2018-09-summit-americas.
    let text = "L’événement de cette année est organisé par le HCR, par le gouvernement brésilien. \
        Washington, D.C. - L’OIM, l’organisme des Nations Unies chargé des migrations, s’est jointe \
        à l’Organisation des Etats américains (OEA).";
    let hits = rendered(text);
    assert_eq!(en_of(&hits, "HCR"), "UNHCR");
    assert_eq!(en_of(&hits, "OIM"), "IOM");
    assert_eq!(en_of(&hits, "OEA"), "OAS");
    // The spelling variant `Etats` (no accent) is rendered by the preferred full form.
    assert_eq!(
        en_of(&hits, "Organisation des Etats américains"),
        "Organization of American States"
    );
    // A descriptive phrase is rendered by the English phrase.
    assert_eq!(
        en_of(&hits, "organisme des Nations Unies chargé des migrations"),
        "UN Migration Agency"
    );
    let oim = hits.iter().find(|h| h.0 == "OIM").unwrap();
    assert_eq!((oim.2.as_str(), oim.3), ("OIM", "acronym"));
}

#[test]
fn an_acronym_tagged_variant_is_still_an_acronym() {
    // Glossary row 8: `CEPAL [acronym,variant]`; the Lima release lists `la CEPALC`.
    let hits = rendered("internationales, l’OID, la CEPALC, la CEPAL, l’OIM, l’OIT,");
    assert_eq!(en_of(&hits, "CEPALC"), "ECLAC");
    assert_eq!(en_of(&hits, "CEPAL"), "ECLAC");
    assert_eq!(en_of(&hits, "OIT"), "ILO");
}

#[test]
fn short_forms_are_rendered_by_short_forms() {
    let hits = rendered(
        "Equateur - L’OIM participe à Habitat III, la Conférence des Nations Unies sur le logement \
         et le développement urbain durable. La Convention de Kampala est entrée en vigueur en 2012.",
    );
    assert_eq!(en_of(&hits, "Habitat III"), "Habitat III");
    assert_eq!(
        en_of(
            &hits,
            "Conférence des Nations Unies sur le logement et le développement urbain durable"
        ),
        "United Nations Conference on Housing and Sustainable Urban Development"
    );
    assert_eq!(en_of(&hits, "Convention de Kampala"), "Kampala Convention");
}

#[test]
fn full_forms_plurals_and_phrases_keep_their_register() {
    let hits = rendered(
        "A l’occasion du huitième Sommet des Amériques qui s’est déroulé à Lima, les Sommets des \
         Amériques ont rappelé le rôle du Programme des Nations Unies pour les établissements \
         humains, dit ONU-Habitat.",
    );
    assert_eq!(
        en_of(&hits, "huitième Sommet des Amériques"),
        "Eighth Summit of the Americas"
    );
    // `Sommets des Amériques [pl]` → `Summits of the Americas [pl]`.
    assert_eq!(
        en_of(&hits, "Sommets des Amériques"),
        "Summits of the Americas"
    );
    // The full title → the full English title, the headword → the preferred term.
    assert_eq!(
        en_of(
            &hits,
            "Programme des Nations Unies pour les établissements humains"
        ),
        "United Nations Human Settlements Programme"
    );
    assert_eq!(en_of(&hits, "ONU-Habitat"), "UN-Habitat");
}

#[test]
fn a_term_without_an_english_form_of_its_type_falls_back_to_the_preferred_term() {
    // `Nations Unies [short]`: English has no short form listed; `Cartagena +30 [short]`
    // neither (its English `Cartagena+30` is a variant).
    let hits = rendered(
        "Les Nations Unies et la Conférence Cartagena +30. Cartagena +30 a réuni 28 pays.",
    );
    assert_eq!(en_of(&hits, "Nations Unies"), "United Nations");
    assert_eq!(
        en_of(&hits, "Cartagena +30"),
        "Cartagena +30 Conference on Refugees"
    );
}
