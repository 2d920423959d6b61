//! TMX writer → reader round trip over generated units (arbitrary Unicode, markup characters,
//! whitespace, astral characters), in UTF-8 and re-encoded as UTF-16 LE/BE with BOM.

use proptest::prelude::*;
use trame::tmx::{Prop, ReadOptions, TmxHeader, TmxReader, TmxWriter, TranslationUnit, Variant};

fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

fn text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        'é',
        '’',
        '«',
        '\u{301}',
        '\u{1F600}',
        '\u{10FFFD}',
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
        '\u{B}',
        '\u{1}',
    ]);
    prop::collection::vec(prop_oneof![any::<char>(), special], 0..16)
        .prop_map(|v| v.into_iter().collect())
}

fn clean(s: &str) -> String {
    s.chars().filter(|&c| is_xml_char(c)).collect()
}

fn unit() -> impl Strategy<Value = TranslationUnit> {
    (
        prop::option::of(text()),
        prop::collection::vec((text(), text()), 0..3),
        text(),
        prop::collection::vec(
            (
                prop::sample::select(vec!["en", "en-GB", "de", "es-419"]),
                text(),
            ),
            1..3,
        ),
    )
        .prop_map(|(tuid, props, src, others)| {
            let mut variants = vec![Variant::new("fr", format!("s{src}"))];
            variants.extend(
                others
                    .into_iter()
                    .map(|(l, t)| Variant::new(l, format!("t{t}"))),
            );
            TranslationUnit {
                tuid,
                props: props
                    .into_iter()
                    .map(|(k, v)| Prop::new(format!("x-{k}"), v))
                    .collect(),
                variants,
            }
        })
}

/// What the writer is expected to keep: everything but XML-illegal characters.
fn expected(tu: &TranslationUnit) -> TranslationUnit {
    TranslationUnit {
        tuid: tu.tuid.as_deref().map(clean),
        props: tu
            .props
            .iter()
            .map(|p| Prop::new(clean(&p.kind), clean(&p.value)))
            .collect(),
        variants: tu
            .variants
            .iter()
            .map(|v| Variant::new(v.lang.clone(), clean(&v.text)))
            .collect(),
    }
}

fn write(units: &[TranslationUnit]) -> Vec<u8> {
    let mut header = TmxHeader::new("fr");
    header.creation_date = Some("20260101T000000Z".into());
    let mut w = TmxWriter::new(Vec::new(), &header).unwrap();
    for u in units {
        w.write_unit(u).unwrap();
    }
    w.finish().unwrap()
}

fn read(bytes: Vec<u8>) -> Vec<TranslationUnit> {
    TmxReader::from_bytes("t.tmx", bytes, ReadOptions::default())
        .unwrap()
        .collect::<trame::Result<Vec<_>>>()
        .unwrap()
}

fn utf16(bytes: &[u8], big_endian: bool) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn written_units_read_back_identical(units in prop::collection::vec(unit(), 1..8)) {
        let want: Vec<_> = units.iter().map(expected).collect();
        let bytes = write(&units);
        prop_assert_eq!(&read(bytes.clone()), &want);
        prop_assert_eq!(&read(utf16(&bytes, false)), &want);
        prop_assert_eq!(&read(utf16(&bytes, true)), &want);
    }
}

#[test]
fn a_file_is_read_unit_by_unit_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.tmx");
    let units: Vec<_> = (0..5000)
        .map(|i| TranslationUnit {
            tuid: Some(i.to_string()),
            props: vec![],
            variants: vec![
                Variant::new("fr", format!("un {i}")),
                Variant::new("en", format!("one {i}")),
            ],
        })
        .collect();
    std::fs::write(&path, write(&units)).unwrap();
    let reader = TmxReader::open(path.to_str().unwrap(), ReadOptions::default()).unwrap();
    assert_eq!(reader.header().src_lang, "fr");
    assert_eq!(reader.version(), "1.4");
    let back: Vec<_> = reader.collect::<trame::Result<_>>().unwrap();
    assert_eq!(back, units);
}

/// Damaged documents (truncated, with a byte changed) give an error or units, never a panic.
fn damaged() -> impl Strategy<Value = Vec<u8>> {
    let units: Vec<_> = (0..3)
        .map(|i| TranslationUnit {
            tuid: Some(i.to_string()),
            props: vec![Prop::new("x-line", "1")],
            variants: vec![Variant::new("fr", "un & <deux>"), Variant::new("en", "one")],
        })
        .collect();
    let doc = write(&units);
    let len = doc.len();
    (0..len, 0..len, any::<u8>(), any::<bool>()).prop_map(move |(cut, at, byte, utf16)| {
        let mut d = doc.clone();
        d[at] = byte;
        d.truncate(cut.max(1));
        if utf16 {
            let mut out = vec![0xFF, 0xFE];
            for b in d {
                out.extend_from_slice(&[b, 0]);
            }
            out
        } else {
            d
        }
    })
}

proptest! {
    #[test]
    fn damaged_input_never_panics(bytes in damaged()) {
        if let Ok(r) = TmxReader::from_bytes("d.tmx", bytes, ReadOptions::default()) {
            for u in r {
                if u.is_err() {
                    break;
                }
            }
        }
    }
}
