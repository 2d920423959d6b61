//! The glossary CSV reader and writer: delimiters, BOM, CRLF, quoting, errors with positions,
//! and a write → read round trip on generated glossaries.

use proptest::prelude::*;
use trame::glossary::csv::{read_csv, write_csv};
use trame::glossary::{
    read_glossary, Concept, Gender, Glossary, Number, PartOfSpeech, Status, Term, TermType,
};
use trame::input::Source;
use trame::Error;

fn src(text: &str) -> Source {
    Source {
        path: "g.csv".into(),
        text: text.into(),
        encoding: "UTF-8",
        bom_len: 0,
    }
}

fn read(text: &str) -> trame::Result<Glossary> {
    read_csv(&src(text))
}

/// `path:line:col: message` of an error.
fn message(err: Error) -> String {
    err.to_string()
}

#[test]
fn comma_semicolon_and_tab_give_the_same_glossary() {
    let comma = read("id,fr,en,fr_variants\n1,Directeur général,Director General,\"DG [abbreviation] | Directrice générale [f]\"\n").unwrap();
    let semi = read("id;fr;en;fr_variants\n1;Directeur général;Director General;DG [abbreviation] | Directrice générale [f]\n").unwrap();
    let tab = read("id\tfr\ten\tfr_variants\n1\tDirecteur général\tDirector General\tDG [abbreviation] | Directrice générale [f]\n").unwrap();
    assert_eq!(comma, semi);
    assert_eq!(comma, tab);
    let c = &comma.concepts[0];
    assert_eq!(c.id, "1");
    assert_eq!(c.src_terms.len(), 3);
    assert_eq!(c.src_terms[0].text, "Directeur général");
    assert_eq!(c.src_terms[0].status, Status::Preferred);
    assert_eq!(c.src_terms[1].text, "DG");
    assert_eq!(c.src_terms[1].term_type, TermType::Abbreviation);
    assert_eq!(c.src_terms[1].status, Status::Admitted);
    assert_eq!(c.src_terms[2].gender, Some(Gender::Feminine));
    assert_eq!(c.tgt_terms[0].text, "Director General");
}

#[test]
fn bom_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.csv");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice("fr,en\nOIM,IOM\n".as_bytes());
    std::fs::write(&path, bytes).unwrap();
    let g = read_glossary(path.to_str().unwrap(), None).unwrap();
    assert_eq!(g.concepts.len(), 1);
    assert_eq!(g.concepts[0].src_terms[0].text, "OIM");
}

#[test]
fn crlf_line_ends_are_accepted() {
    let g = read("fr,en,note\r\nOIM,IOM,\"two\r\nlines\"\r\nOIT,ILO,\r\n").unwrap();
    assert_eq!(g.concepts.len(), 2);
    assert_eq!(g.concepts[0].note.as_deref(), Some("two\nlines"));
    assert_eq!(g.concepts[1].src_terms[0].text, "OIT");
    assert_eq!(g.concepts[1].line, Some(4));
}

#[test]
fn quoted_fields_hold_delimiters_quotes_and_line_breaks() {
    let g = read("fr,en,note\n\"Organisation des Nations Unies pour l’éducation, la science et la culture\",UNESCO,\"le \"\"U\"\"\nsecond line\"\n").unwrap();
    let c = &g.concepts[0];
    assert_eq!(
        c.src_terms[0].text,
        "Organisation des Nations Unies pour l’éducation, la science et la culture"
    );
    assert_eq!(c.note.as_deref(), Some("le \"U\"\nsecond line"));
}

#[test]
fn wrong_field_count_is_an_error_with_its_line() {
    let err = read("fr,en\nOIM,IOM\nOIT,ILO,extra\n").unwrap_err();
    assert_eq!(
        message(err),
        "g.csv:3:1: row has 3 fields, the header has 2"
    );
}

#[test]
fn unterminated_quote_is_an_error_where_it_opens() {
    let err = read("fr,en\nOIM,IOM\nOIT,\"ILO\nOEA,OAS\n").unwrap_err();
    assert_eq!(message(err), "g.csv:3:5: unterminated quoted field");
}

#[test]
fn text_after_a_closing_quote_is_an_error() {
    let err = read("fr,en\n\"OIM\"x,IOM\n").unwrap_err();
    assert_eq!(
        message(err),
        "g.csv:2:6: unexpected text after a closing quote"
    );
}

#[test]
fn unknown_tag_is_an_error_with_its_line() {
    let err = read("fr,en,fr_variants\nOIM,IOM,\nOIT,ILO,BIT [acronim]\n").unwrap_err();
    let m = message(err);
    assert!(
        m.starts_with("g.csv:3:9: unknown tag `acronim` on variant `BIT`"),
        "{m}"
    );
}

#[test]
fn unknown_column_is_an_error_naming_it() {
    let err = read("fr,en,fr_variant\nOIM,IOM,x\n").unwrap_err();
    let m = message(err);
    assert!(
        m.starts_with("g.csv:1:1: unknown column(s) `fr_variant`"),
        "{m}"
    );
}

#[test]
fn missing_required_column_is_an_error() {
    let err = read("id,fr\n1,OIM\n").unwrap_err();
    assert_eq!(message(err), "g.csv:1:1: missing required column `en`");
}

#[test]
fn empty_file_is_an_error_and_header_only_is_an_empty_glossary() {
    let err = read("").unwrap_err();
    assert_eq!(message(err), "g.csv: empty glossary file (no header row)");
    let err = read(" \n\n").unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }));
    let g = read("fr,en\n").unwrap();
    assert!(g.concepts.is_empty());
}

#[test]
fn formula_looking_cells_are_kept_as_text() {
    let g = read("fr,en,note\n=SUM(A1:A2),+1,-2\n").unwrap();
    assert_eq!(g.concepts[0].src_terms[0].text, "=SUM(A1:A2)");
    assert_eq!(g.concepts[0].tgt_terms[0].text, "+1");
    assert_eq!(g.concepts[0].note.as_deref(), Some("-2"));
}

#[test]
fn duplicate_ids_and_empty_headwords_are_errors() {
    let err = read("id,fr,en\n7,OIM,IOM\n7,OIT,ILO\n").unwrap_err();
    assert_eq!(
        message(err),
        "g.csv:3:1: duplicate id `7` (first at line 2)"
    );
    let err = read("fr,en\n,IOM\n").unwrap_err();
    assert_eq!(message(err), "g.csv:2:1: empty `fr` headword");
}

#[test]
fn bad_gender_is_an_error() {
    let err = read("fr,en,gender\nOIM,IOM,x\n").unwrap_err();
    assert_eq!(
        message(err),
        "g.csv:2:9: unknown gender `x` (expected m, f or empty)"
    );
}

#[test]
fn columns_in_any_order_and_case() {
    let g = read("EN,Category,FR,Gender\nIOM,organisation,Organisation internationale pour les migrations,F\n").unwrap();
    let c = &g.concepts[0];
    assert_eq!(c.id, "2");
    assert_eq!(c.category.as_deref(), Some("organisation"));
    assert_eq!(c.src_terms[0].gender, Some(Gender::Feminine));
    assert_eq!(c.tgt_terms[0].text, "IOM");
}

#[test]
fn tbx_files_are_not_read_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.tbx");
    std::fs::write(&path, "<?xml version=\"1.0\"?>\n<tbx/>\n").unwrap();
    let err = read_glossary(path.to_str().unwrap(), None).unwrap_err();
    assert!(err.to_string().contains("TBX"), "{err}");
}

#[test]
fn writer_output_is_the_documented_format() {
    let mut head = Term::new("Directeur général");
    head.gender = Some(Gender::Masculine);
    let mut dg = Term::new("DG");
    dg.term_type = TermType::Abbreviation;
    dg.status = Status::Admitted;
    let mut pipe = Term::new("a|b [c]");
    pipe.status = Status::NotRecommended;
    let g = Glossary {
        src_lang: "fr".into(),
        tgt_lang: "en".into(),
        concepts: vec![Concept {
            id: "29".into(),
            category: Some("title".into()),
            note: Some("no hyphen, unlike \"Secretary-General\"".into()),
            source: Some("https://www.iom.int".into()),
            src_terms: vec![head, dg, pipe],
            tgt_terms: vec![Term::new("Director General")],
            ..Concept::default()
        }],
    };
    let mut out = Vec::new();
    write_csv(&g, &mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "id,fr,en,category,gender,fr_variants,en_variants,definition,note,source\n\
         29,Directeur général,Director General,title,m,DG [abbreviation] | a\\|b \\[c\\] [deprecated],,,\"no hyphen, unlike \"\"Secretary-General\"\"\",https://www.iom.int\n"
    );
}

fn text_strategy() -> impl Strategy<Value = String> {
    // Letters, accents, delimiters, quotes, the variant syntax characters, a line break,
    // formula starters: everything a cell may hold except edge whitespace and CR.
    "[a-zA-Zéèàç’' ,;\"|\\[\\]\\\\\t\n=+-]{1,16}"
        .prop_filter("no edge whitespace", |s| s.trim() == s && !s.is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text_strategy())
}

fn variant_strategy() -> impl Strategy<Value = Term> {
    (
        text_strategy(),
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
        ])),
        prop::option::of(prop::sample::select(vec![Number::Singular, Number::Plural])),
        prop::option::of(prop::sample::select(vec![
            PartOfSpeech::Noun,
            PartOfSpeech::Adjective,
            PartOfSpeech::Verb,
            PartOfSpeech::ProperNoun,
        ])),
        prop::sample::select(vec![
            Status::Preferred,
            Status::Admitted,
            Status::NotRecommended,
            Status::Obsolete,
        ]),
        any::<bool>(),
    )
        .prop_map(
            |(text, term_type, gender, number, part_of_speech, status, variant)| Term {
                text,
                term_type,
                gender,
                number,
                part_of_speech,
                status,
                note: None,
                // `[acronym,variant]`: a variant flag on any type but the bare variant.
                variant: variant && term_type != TermType::Variant,
            },
        )
}

fn concept_strategy() -> impl Strategy<Value = Concept> {
    (
        text_strategy(),
        text_strategy(),
        prop::option::of(prop::sample::select(vec![
            Gender::Masculine,
            Gender::Feminine,
        ])),
        (opt_text(), opt_text(), opt_text(), opt_text()),
        prop::collection::vec(variant_strategy(), 0..4),
        prop::collection::vec(variant_strategy(), 0..3),
    )
        .prop_map(
            |(fr, en, gender, (category, definition, note, source), fv, ev)| {
                let mut head = Term::new(fr);
                head.gender = gender;
                let mut src_terms = vec![head];
                src_terms.extend(fv);
                let mut tgt_terms = vec![Term::new(en)];
                tgt_terms.extend(ev);
                Concept {
                    id: String::new(),
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn write_then_read_is_lossless(concepts in prop::collection::vec(concept_strategy(), 0..6)) {
        let mut g = Glossary { src_lang: "fr".into(), tgt_lang: "en".into(), concepts };
        for (i, c) in g.concepts.iter_mut().enumerate() {
            c.id = format!("c{i}");
        }
        let mut out = Vec::new();
        write_csv(&g, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut back = read(&text).unwrap();
        for c in &mut back.concepts {
            c.line = None;
        }
        prop_assert_eq!(back, g);
    }
}
