//! A one-byte prefilter for rule patterns: the set of bytes a match can start with.
//!
//! Most rules fail at most candidate positions, and usually on the very first character after
//! the position (an `afterbreak` wanting a lower-case letter sees a capital). Checking that byte
//! against a 256-entry table costs a nanosecond; a regex call costs tens. The table is computed
//! once from the pattern's syntax tree (`regex-syntax`); patterns it cannot parse (look-around,
//! back-references) or that can match the empty string get no table and are always run.

use regex_syntax::hir::{Class, Hir, HirKind};

/// The bytes a non-empty match can start with.
#[derive(Debug, Clone)]
pub struct FirstBytes([bool; 256]);

impl FirstBytes {
    /// The table for `pattern` (Rust syntax), or `None` when no useful table exists.
    pub fn of(pattern: &str) -> Option<Self> {
        let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
        let mut set = [false; 256];
        let nullable = first(&hir, &mut set);
        if nullable {
            return None;
        }
        Some(FirstBytes(set))
    }

    /// May a match start with byte `b`?
    #[inline]
    pub fn contains(&self, b: u8) -> bool {
        self.0[b as usize]
    }
}

/// Adds the possible first bytes of `hir` to `set`; returns whether `hir` can match empty.
fn first(hir: &Hir, set: &mut [bool; 256]) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => match lit.0.first() {
            Some(&b) => {
                set[b as usize] = true;
                false
            }
            None => true,
        },
        HirKind::Class(Class::Bytes(c)) => {
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    set[b as usize] = true;
                }
            }
            false
        }
        HirKind::Class(Class::Unicode(c)) => {
            // UTF-8 lead bytes grow with the code point, so a range's lead bytes form a range.
            for r in c.ranges() {
                let lo = lead_byte(r.start());
                let hi = lead_byte(r.end());
                for b in lo..=hi {
                    set[b as usize] = true;
                }
            }
            false
        }
        HirKind::Repetition(rep) => {
            let nullable = first(&rep.sub, set);
            nullable || rep.min == 0
        }
        HirKind::Capture(cap) => first(&cap.sub, set),
        HirKind::Concat(parts) => {
            for part in parts {
                if !first(part, set) {
                    return false;
                }
            }
            true
        }
        HirKind::Alternation(alts) => {
            let mut nullable = false;
            for alt in alts {
                nullable |= first(alt, set);
            }
            nullable
        }
    }
}

fn lead_byte(c: char) -> u8 {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf);
    buf[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_class_rejects_capitals_and_accepts_accented_lead_bytes() {
        let f = FirstBytes::of(r"[\p{N}\p{Ll}]").unwrap();
        assert!(f.contains(b'a') && f.contains(b'7'));
        assert!(f.contains("é".as_bytes()[0]));
        assert!(!f.contains(b'L') && !f.contains(b' '));
    }

    #[test]
    fn optional_prefix_adds_the_following_bytes() {
        let f = FirstBytes::of(r"(?:[«(][ \t]*)?\p{Lu}").unwrap();
        assert!(f.contains(b'(') && f.contains(b'L') && f.contains("«".as_bytes()[0]));
        assert!(!f.contains(b'l'));
    }

    #[test]
    fn no_table_for_empty_matches_or_fancy_syntax() {
        assert!(FirstBytes::of(r"a*").is_none());
        assert!(FirstBytes::of(r"(?<=a)b").is_none());
        assert!(FirstBytes::of(r"^").is_none());
    }

    #[test]
    fn case_insensitive_literals_cover_both_cases() {
        let f = FirstBytes::of(r"(?i)box").unwrap();
        assert!(f.contains(b'b') && f.contains(b'B'));
    }
}
