//! Glossary → TBX v2 → Glossary and → TBX v3 → Glossary keep every field of the model
//! (property test over generated glossaries), plus hand-checked outputs and refusals.

use crate::common;

use proptest::prelude::*;
use trame::glossary::{Concept, Gender, Glossary, Number, PartOfSpeech, Status, Term, TermType};
use trame::input::decode;
use trame::tbx::{read_tbx, write_tbx, ExportOptions, TbxVersion};

fn export(g: &Glossary, v: TbxVersion) -> String {
    let mut out = Vec::new();
    write_tbx(g, v, &ExportOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn import(xml: &str) -> trame::Result<Glossary> {
    let source = decode("g.tbx", xml.as_bytes(), None)?;
    read_tbx(&source)
}

fn without_lines(mut g: Glossary) -> Glossary {
    for c in &mut g.concepts {
        c.line = None;
    }
    g
}

fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Text mixing arbitrary Unicode with French accents, combining marks, astral characters,
/// markup characters and whitespace.
fn text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        'é',
        'É',
        'œ',
        '’',
        '«',
        '»',
        '\u{301}',
        '\u{327}',
        '\u{1F600}',
        '\u{1D518}',
        '\u{20000}',
        '&',
        '<',
        '>',
        '"',
        '\'',
        ']',
        ' ',
        '\t',
        '\n',
        '\r',
        ';',
        '#',
    ]);
    prop::collection::vec(prop_oneof![any::<char>(), special], 0..12)
        .prop_map(|v| v.into_iter().filter(|&c| is_xml_char(c)).collect())
}

fn term_text() -> impl Strategy<Value = String> {
    text().prop_map(|s| format!("t{s}"))
}

fn term() -> impl Strategy<Value = Term> {
    (
        term_text(),
        prop::sample::select(vec![
            TermType::FullForm,
            TermType::Acronym,
            TermType::Abbreviation,
            TermType::ShortForm,
            TermType::Variant,
            TermType::Phrase,
        ]),
        prop::option::of(prop::sample::select(vec![
            Gender::Masculine,
            Gender::Feminine,
            Gender::Neuter,
            Gender::Other,
        ])),
        prop::option::of(prop::sample::select(vec![
            Number::Singular,
            Number::Plural,
            Number::Other,
        ])),
        prop::option::of(prop::sample::select(vec![
            PartOfSpeech::Noun,
            PartOfSpeech::Verb,
            PartOfSpeech::Adjective,
            PartOfSpeech::Adverb,
            PartOfSpeech::ProperNoun,
            PartOfSpeech::Other,
        ])),
        prop::sample::select(vec![
            Status::Preferred,
            Status::Admitted,
            Status::NotRecommended,
            Status::Obsolete,
        ]),
        prop::option::of(text()),
        any::<bool>(),
    )
        .prop_map(
            |(text, term_type, gender, number, part_of_speech, status, note, variant)| Term {
                text,
                term_type,
                gender,
                number,
                part_of_speech,
                status,
                note,
                variant: variant && term_type != TermType::Variant,
            },
        )
}

fn concept() -> impl Strategy<Value = Concept> {
    (
        text(),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(term(), 0..4),
        prop::collection::vec(term(), 0..4),
        term(),
    )
        .prop_map(
            |(id, category, definition, note, source, mut src_terms, tgt_terms, extra)| {
                if src_terms.is_empty() && tgt_terms.is_empty() {
                    src_terms.push(extra);
                }
                Concept {
                    id,
                    category,
                    definition,
                    note,
                    source,
                    src_terms,
                    tgt_terms,
                    line: None,
                }
            },
        )
}

fn glossary() -> impl Strategy<Value = Glossary> {
    (
        prop::sample::select(vec![("fr", "en"), ("fr-FR", "en-GB"), ("fr-CA", "en-US")]),
        prop::collection::vec(concept(), 1..6),
    )
        .prop_map(|((s, t), mut concepts)| {
            // Ids must be unique: number them after the generated text.
            for (i, c) in concepts.iter_mut().enumerate() {
                c.id = format!("{}{i}", c.id);
            }
            Glossary {
                src_lang: s.into(),
                tgt_lang: t.into(),
                concepts,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn v2_round_trip_keeps_every_field(g in glossary()) {
        let xml = export(&g, TbxVersion::V2);
        prop_assert_eq!(without_lines(import(&xml).unwrap()), g);
    }

    #[test]
    fn v3_round_trip_keeps_every_field(g in glossary()) {
        let xml = export(&g, TbxVersion::V3);
        prop_assert_eq!(without_lines(import(&xml).unwrap()), g);
    }
}

fn sample() -> Glossary {
    let mut oim = Term::new("OIM");
    oim.term_type = TermType::Acronym;
    oim.part_of_speech = Some(PartOfSpeech::ProperNoun);
    let mut etats = Term::new("États membres");
    etats.gender = Some(Gender::Masculine);
    etats.number = Some(Number::Plural);
    etats.status = Status::Admitted;
    etats.note = Some("toujours avec « É »".into());
    Glossary {
        src_lang: "fr".into(),
        tgt_lang: "en".into(),
        concepts: vec![Concept {
            id: "42".into(),
            category: Some("organisation".into()),
            definition: Some("Agence des Nations Unies".into()),
            note: Some("R&D <x>".into()),
            source: Some("https://www.iom.int".into()),
            src_terms: vec![oim, etats],
            tgt_terms: vec![Term::new("IOM")],
            line: None,
        }],
    }
}

#[test]
fn v2_entry_is_written_in_schema_order_with_basic_picklists() {
    let xml = export(&sample(), TbxVersion::V2);
    let expected = r#"      <termEntry id="c42">
        <descrip type="subjectField">organisation</descrip>
        <descrip type="definition">Agence des Nations Unies</descrip>
        <admin type="source">https://www.iom.int</admin>
        <note>R&amp;D &lt;x&gt;</note>
        <langSet xml:lang="fr">
          <tig>
            <term>OIM</term>
            <termNote type="termType">acronym</termNote>
            <termNote type="partOfSpeech">properNoun</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
          <tig>
            <term>États membres</term>
            <termNote type="termType">fullForm</termNote>
            <termNote type="grammaticalGender">masculine</termNote>
            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
            <note>grammaticalNumber: plural</note>
            <note>toujours avec « É »</note>
          </tig>
        </langSet>
        <langSet xml:lang="en">
          <tig>
            <term>IOM</term>
            <termNote type="termType">fullForm</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
      </termEntry>
"#;
    assert!(xml.contains(expected), "{xml}");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n<martif type=\"TBX-Basic\" xml:lang=\"en\">\n"));
    assert!(xml.contains("<p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>"));
}

#[test]
fn v3_has_no_proper_noun_value_so_it_writes_noun_and_a_note() {
    let xml = export(&sample(), TbxVersion::V3);
    assert!(xml.contains(
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
    ));
    assert!(xml.contains(
        "            <term>OIM</term>\n            <termNote type=\"termType\">acronym</termNote>\n            <termNote type=\"partOfSpeech\">noun</termNote>\n            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>\n            <note>partOfSpeech: properNoun</note>\n"
    ), "{xml}");
    assert!(xml.contains("<conceptEntry id=\"c42\">"));
    assert!(!xml.contains("properNoun</termNote>"));
    let back = without_lines(import(&xml).unwrap());
    assert_eq!(back, sample());
}

#[test]
fn control_characters_are_removed_with_a_warning() {
    let mut g = sample();
    g.concepts[0].tgt_terms[0].text = "I\u{B}OM".into();
    let mut out = Vec::new();
    let warnings = write_tbx(&g, TbxVersion::V2, &ExportOptions::default(), &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    assert!(xml.contains("<term>IOM</term>"));
    assert_eq!(
        warnings,
        vec![trame::Warning::IllegalCharacters {
            at: "concept 42 (#1): term `IOM`".into(),
            field: String::new(),
            removed: 1
        }]
    );
    assert_eq!(
        warnings[0].to_string(),
        "concept 42 (#1): term `IOM`: removed 1 XML-illegal character(s)"
    );
}

#[test]
fn what_would_be_invalid_is_refused_and_nothing_written() {
    let refuse = |g: &Glossary| {
        let mut out = Vec::new();
        let err = write_tbx(g, TbxVersion::V2, &ExportOptions::default(), &mut out).unwrap_err();
        assert!(out.is_empty());
        err.to_string()
    };
    let empty = Glossary::default();
    assert_eq!(
        refuse(&empty),
        "the glossary has no concept; a TBX body needs at least one entry"
    );
    let mut dup = sample();
    dup.concepts.push(dup.concepts[0].clone());
    assert_eq!(refuse(&dup), "concept 42 (#2): duplicate concept id `42`");
    let mut blank = sample();
    blank.concepts[0].tgt_terms[0].text = " \u{1}".into();
    assert_eq!(refuse(&blank), "concept 42 (#1): a term is empty");
    let mut no_id = sample();
    no_id.concepts[0].id = String::new();
    assert_eq!(refuse(&no_id), "concept  (#1): empty concept id");
    let mut bad_lang = sample();
    bad_lang.src_lang = "français".into();
    assert_eq!(
        refuse(&bad_lang),
        "source language `français` is not a language tag such as `fr` or `en-GB`"
    );
}

#[test]
fn reads_ntig_and_tig_in_v2() {
    let xml = r#"<?xml version="1.0"?>
<martif type="TBX-Default" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="e1">
  <descripGrp><descrip type="definition">def</descrip></descripGrp>
  <langSet xml:lang="fr-FR">
    <ntig><termGrp><term>agence</term><termNote type="grammaticalGender">feminine</termNote><termNote type="grammaticalNumber">singular</termNote></termGrp><note>n</note></ntig>
  </langSet>
  <langSet xml:lang="en-GB"><tig><term>agency</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry>
</body></text></martif>"#;
    let g = import(xml).unwrap();
    assert_eq!(
        (g.src_lang.as_str(), g.tgt_lang.as_str()),
        ("fr-FR", "en-GB")
    );
    let c = &g.concepts[0];
    assert_eq!(c.id, "e1");
    assert_eq!(c.line, Some(4));
    assert_eq!(c.definition.as_deref(), Some("def"));
    let mut fr = Term::new("agence");
    fr.gender = Some(Gender::Feminine);
    fr.number = Some(Number::Singular);
    fr.note = Some("n".into());
    assert_eq!(c.src_terms, vec![fr]);
    let mut en = Term::new("agency");
    en.status = Status::NotRecommended;
    assert_eq!(c.tgt_terms, vec![en]);
}

#[test]
fn unknown_dialects_and_non_tbx_are_refused_clearly() {
    let dct = r#"<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader/><text><body/></text></tbx>"#;
    assert_eq!(
        import(dct).unwrap_err().to_string(),
        "g.tbx:1:1: unsupported TBX dialect TBX-Basic (style `dct`); trame reads TBX v3 in DCA style (TBX-Basic, TBX-Min, TBX-Core)"
    );
    let other = "\n<tbx type=\"TBX-Linguist\" style=\"dca\" xml:lang=\"en\"><text/></tbx>";
    assert_eq!(
        import(other).unwrap_err().to_string(),
        "g.tbx:2:1: unsupported TBX dialect TBX-Linguist; trame reads TBX-Basic (and its subsets TBX-Min, TBX-Core)"
    );
    assert_eq!(
        import("<tmx version=\"1.4\"/>").unwrap_err().to_string(),
        "g.tbx:1:1: not a TBX file: the root element is <tmx>, expected <martif> (TBX v2) or <tbx> (TBX v3)"
    );
}

#[test]
fn bad_picklist_values_and_malformed_xml_name_line_and_column() {
    let xml = "<martif type=\"TBX-Basic\" xml:lang=\"en\"><text><body><termEntry id=\"a\">\n<langSet xml:lang=\"fr\"><tig><term>x</term>\n  <termNote type=\"termType\">synonym</termNote></tig></langSet></termEntry></body></text></martif>";
    assert_eq!(
        import(xml).unwrap_err().to_string(),
        "g.tbx:3:3: unknown termType value `synonym`"
    );
    let broken = "<martif type=\"TBX-Basic\">\n<text><body>\n<termEntry></langSet>";
    let err = import(broken).unwrap_err();
    assert!(err.to_string().starts_with("g.tbx:3:"), "{err}");
}

#[test]
fn dtd_entities_are_not_expanded() {
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<martif type=\"TBX-Basic\" xml:lang=\"en\"><text><body><termEntry id=\"a\"><langSet xml:lang=\"fr\"><tig><term>&xxe;</term></tig></langSet></termEntry></body></text></martif>";
    let err = import(xml).unwrap_err().to_string();
    assert!(err.starts_with("g.tbx:3:"), "{err}");
    assert!(err.contains("unknown entity `&xxe;`"), "{err}");
    assert!(!err.contains("root:"), "{err}");
}

#[test]
fn languages_are_detected_or_chosen() {
    let xml = "<martif type=\"TBX-Basic\" xml:lang=\"en\"><text><body><termEntry id=\"a\">\
<langSet xml:lang=\"de\"><tig><term>Agentur</term></tig></langSet>\
<langSet xml:lang=\"fr\"><tig><term>agence</term></tig></langSet>\
<langSet xml:lang=\"en\"><tig><term>agency</term></tig></langSet></termEntry></body></text></martif>";
    assert_eq!(
        import(xml).unwrap_err().to_string(),
        "g.tbx: the TBX has 3 languages (de, fr, en); name the source and target languages"
    );
    let source = decode("g.tbx", xml.as_bytes(), None).unwrap();
    let g = trame::tbx::read_tbx_with(&source, Some("fr"), Some("en")).unwrap();
    assert_eq!(g.concepts[0].src_terms, vec![Term::new("agence")]);
    assert_eq!(g.concepts[0].tgt_terms, vec![Term::new("agency")]);
}

proptest! {
    /// Damaged TBX (truncated, one character changed) gives an error or a glossary, never a panic.
    #[test]
    fn damaged_tbx_never_panics(cut in 0usize..4000, at in 0usize..4000, c in any::<char>(), v3 in any::<bool>()) {
        let xml = export(&sample(), if v3 { TbxVersion::V3 } else { TbxVersion::V2 });
        let mut chars: Vec<char> = xml.chars().collect();
        let n = chars.len();
        chars[at % n] = c;
        chars.truncate(cut % n + 1);
        let damaged: String = chars.into_iter().collect();
        let _ = import(&damaged);
    }
}

/// `CEPAL [acronym,variant]` is an acronym that is not the main one: both tags survive
/// CSV → TBX v2 / v3 → CSV (it used to come back `[variant]`, losing the type).
#[test]
fn acronym_variant_survives_csv_tbx_csv() {
    use trame::glossary::csv::{read_csv, write_csv};
    let csv = "id,fr,en,fr_variants,en_variants\n\
        8,Commission économique pour l’Amérique latine et les Caraïbes,Economic Commission for Latin America and the Caribbean,\"CEPALC [acronym] | CEPAL [variant,acronym] | Commission économique des Nations Unies [full,variant]\",ECLAC [acronym]\n";
    let g = read_csv(&decode("g.csv", csv.as_bytes(), None).unwrap()).unwrap();
    let cepal = &g.concepts[0].src_terms[2];
    assert_eq!(
        (cepal.text.as_str(), cepal.term_type, cepal.variant),
        ("CEPAL", TermType::Acronym, true)
    );
    let long = &g.concepts[0].src_terms[3];
    assert_eq!((long.term_type, long.variant), (TermType::FullForm, true));
    for version in [TbxVersion::V2, TbxVersion::V3] {
        let mut tbx = Vec::new();
        write_tbx(&g, version, &ExportOptions::default(), &mut tbx).unwrap();
        // The marker note is valid where it is written (DTD order: notes after termNotes).
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("g.tbx");
        std::fs::write(&file, &tbx).unwrap();
        common::check("check-tbx", &file, &[]);
        let back = read_tbx(&decode("g.tbx", &tbx, None).unwrap()).unwrap();
        let mut out = Vec::new();
        write_csv(&back, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("CEPALC [acronym] | CEPAL [acronym,variant] | Commission économique des Nations Unies [full,variant]"),
            "{version:?}: {out}"
        );
    }
}
