//! TBX termbase exchange: TBX v2 (ISO 30042:2008, `martif`, TBX-Basic) and TBX v3
//! (ISO 30042:2019, TBX-Basic DCA), written from and read into the glossary model.
//!
//! v2 is the default export because OmegaT and translate-toolkit read only v2; v3 is the
//! standards export. Mapping of the model (both versions, v3 names in brackets):
//!
//! | model | TBX |
//! |---|---|
//! | `Concept::id` | `termEntry/@id` [`conceptEntry/@id`], see [`encode_id`] |
//! | `category` | `descrip type="subjectField"` on the entry |
//! | `definition` | `descrip type="definition"` on the entry |
//! | `source` | `admin type="source"` on the entry |
//! | `note` | `note` on the entry |
//! | `src_terms` / `tgt_terms` | one `langSet` [`langSec`] per language, one `tig` [`termSec`] per term, in order |
//! | `Term` fields | `termNote`s and `note`s, see [`picklist`] |
//!
//! XML-illegal control characters are removed with a warning; a glossary that would give an
//! invalid file (no concept, an empty term, an empty or duplicate id, a concept without terms,
//! a language code that is not a BCP 47 tag) is refused with an error.

pub mod omegat;
mod picklist;
pub mod reader;
pub mod validate;
pub mod writer;

pub use reader::{read_tbx, read_tbx_with, TbxVersion};
pub use writer::{write_tbx, ExportOptions};

/// Encodes a concept id as an XML ID (`xsd:ID`), reversibly (see [`decode_id`]).
///
/// An id that already is a plain ASCII XML name (`iom-001`, `cat`) is written as is. Any other id
/// gets the prefix `c`: a leading digit is kept (`123` → `c123`, the numeric-friendly form), any
/// other first character and every character outside `[A-Za-z0-9_-]` is written `.HEX.` (its
/// code point in hexadecimal: `a b` → `c.61..20.b`). Plain ids that would look encoded (`c`
/// followed by a digit or `.`) are encoded too, so that decoding is exact.
pub fn encode_id(id: &str) -> String {
    let looks_encoded = |s: &str| {
        s.strip_prefix('c')
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
    };
    if crate::tmx::xml::is_ascii_xml_id(id) && !looks_encoded(id) {
        return id.to_string();
    }
    let mut out = String::from("c");
    for (i, c) in id.chars().enumerate() {
        let keep = if i == 0 {
            c.is_ascii_digit()
        } else {
            c.is_ascii_alphanumeric() || c == '_' || c == '-'
        };
        if keep {
            out.push(c);
        } else {
            out.push_str(&format!(".{:X}.", c as u32));
        }
    }
    out
}

/// The inverse of [`encode_id`]: `c123` → `123`, `c.61..20.b` → `a b`; any id that is not in
/// the encoded form (including foreign ids) is returned unchanged.
pub fn decode_id(id: &str) -> String {
    let Some(rest) = id.strip_prefix('c') else {
        return id.to_string();
    };
    if !rest
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
    {
        return id.to_string();
    }
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        if c == '.' {
            let hex: String = chars.by_ref().take_while(|&h| h != '.').collect();
            match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                Some(decoded) if !hex.is_empty() => out.push(decoded),
                _ => return id.to_string(),
            }
        } else {
            out.push(c);
        }
    }
    // Only accept what encode_id would have produced.
    if encode_id(&out) == id {
        out
    } else {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_encode_reversibly() {
        for (id, enc) in [
            ("iom-001", "iom-001"),
            ("cat", "cat"),
            ("123", "c123"),
            ("c1", "c.63.1"),
            ("a b", "c.61..20.b"),
            ("é", "c.E9."),
            ("x.y", "x.y"),
            ("c.5", "c.63..2E.5"),
            ("1:2", "c1.3A.2"),
        ] {
            assert_eq!(encode_id(id), enc, "{id}");
            assert_eq!(decode_id(enc), id, "{enc}");
            assert!(crate::tmx::xml::is_ascii_xml_id(enc));
        }
    }

    #[test]
    fn foreign_ids_are_kept_except_the_numeric_form() {
        assert_eq!(decode_id("c5"), "5");
        assert_eq!(decode_id("c.zz."), "c.zz.");
        assert_eq!(decode_id("c."), "c.");
        assert_eq!(decode_id("entry-7"), "entry-7");
        assert_eq!(
            decode_id("c.61."),
            "c.61.",
            "not canonical: `a` is written as is"
        );
    }
}
