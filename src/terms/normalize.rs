//! The normalised view of a text that the automaton runs over, with a map back to the original.
//!
//! The view is a sequence of tokens, each preceded by two spaces, plus two final spaces:
//! `l’Organisation (OIM)` → `␣␣l␣␣organisation␣␣(␣␣oim␣␣)␣␣`.
//!
//! * a **word token** is a maximal run of letters and digits, case-folded and with diacritics
//!   removed (`États` → `etats`, `œuvre` → `oeuvre`);
//! * whitespace of any kind (line breaks, NBSP, narrow NBSP…), apostrophes (`'` `’` `ʼ` `‘`) and
//!   hyphens (`-` U+2010 U+2011) only separate words, so `Sud-Sud` = `Sud Sud`, `l’OIM` has the
//!   word `oim`, and any run of them is one separator;
//! * every other character (punctuation, symbols, the en dash) is a token of its own, so a term
//!   never matches across a comma or a full stop it does not contain itself;
//! * soft hyphens and zero-width characters are dropped.
//!
//! Patterns are normalised the same way and wrapped in single spaces (`␣oim␣`), so every match
//! starts and ends on word boundaries, and two adjacent terms can both match (each consumes one
//! of the two spaces between them).

/// How to fold word characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fold {
    /// Lower-case letters.
    pub lowercase: bool,
    /// Remove diacritics (`é` → `e`).
    pub strip_accents: bool,
}

/// The matching view: lower case, no diacritics.
pub(crate) const MATCH: Fold = Fold {
    lowercase: true,
    strip_accents: true,
};
/// Case kept, diacritics removed: to check acronyms' case.
pub(crate) const CASE: Fold = Fold {
    lowercase: false,
    strip_accents: true,
};
/// Case and diacritics kept: to check accents.
pub(crate) const ACCENTS: Fold = Fold {
    lowercase: false,
    strip_accents: false,
};

/// A normalised text: its bytes and, for each byte, the offset in the source of the character it
/// came from.
#[derive(Debug, Default, Clone)]
pub(crate) struct Normalized {
    pub bytes: Vec<u8>,
    pub origin: Vec<u32>,
}

const WORD: u8 = 0;
const SEP: u8 = 1;
const PUNCT: u8 = 2;
const IGNORE: u8 = 3;

/// Class of each ASCII byte.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [PUNCT; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            WORD
        } else if matches!(
            b,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-' | b'\'' | b'`'
        ) {
            SEP
        } else if b < 0x20 || b == 0x7f {
            IGNORE
        } else {
            PUNCT
        };
        i += 1;
    }
    t
};

/// Class of a non-ASCII character.
fn class_of(c: char) -> u8 {
    match c {
        // Latin-1 letters (the common case in French), without the Unicode tables.
        '\u{00c0}'..='\u{00ff}' if c != '\u{00d7}' && c != '\u{00f7}' => WORD,
        'œ' | 'Œ' => WORD,
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{00b4}' | '\u{2032}' | '\u{2010}'
        | '\u{2011}' => SEP,
        '\u{00ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => IGNORE,
        '\u{0300}'..='\u{036f}' => WORD, // combining marks belong to the word they follow
        c if c.is_whitespace() => SEP,
        c if c.is_alphanumeric() => WORD,
        _ => PUNCT,
    }
}

/// Folds a French letter quickly; `None` for anything not in the table.
fn fold_common(c: char) -> Option<char> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ÿ' | 'ý' | 'Ÿ' | 'Ý' => 'y',
        'ñ' | 'Ñ' => 'n',
        _ => return None,
    })
}

/// Pushes the folded form of word character `c` (non-ASCII) through `push`.
fn fold_word_char(c: char, fold: Fold, push: &mut impl FnMut(char)) {
    // Ligatures expand in every mode so that all views have the same letters.
    let lig = match c {
        'œ' => Some("oe"),
        'Œ' => Some("OE"),
        'æ' => Some("ae"),
        'Æ' => Some("AE"),
        'ß' => Some("ss"),
        _ => None,
    };
    if let Some(l) = lig {
        for ch in l.chars() {
            push(if fold.lowercase {
                ch.to_ascii_lowercase()
            } else {
                ch
            });
        }
        return;
    }
    if fold.strip_accents {
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            return;
        }
        if fold.lowercase {
            if let Some(f) = fold_common(c) {
                push(f);
                return;
            }
        }
        let mut base = None;
        unicode_normalization::char::decompose_canonical(c, |d| {
            if base.is_none() {
                base = Some(d);
            }
        });
        let base = base.unwrap_or(c);
        if fold.lowercase {
            for l in base.to_lowercase() {
                if !('\u{0300}'..='\u{036f}').contains(&l) {
                    push(l);
                }
            }
        } else {
            push(base);
        }
    } else if fold.lowercase {
        for l in c.to_lowercase() {
            push(l);
        }
    } else {
        push(c);
    }
}

/// Normalises `text` into `out` (cleared first). Origins are byte offsets in `text`.
pub(crate) fn normalize_into(text: &str, fold: Fold, out: &mut Normalized) {
    out.bytes.clear();
    out.origin.clear();
    out.bytes.reserve(text.len() + 16);
    out.origin.reserve(text.len() + 16);
    let bytes = text.as_bytes();
    let mut pending = true; // a separator is due before the next token
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            match ASCII_CLASS[b as usize] {
                WORD => {
                    if pending {
                        out.bytes.extend_from_slice(b"  ");
                        out.origin.extend_from_slice(&[i as u32, i as u32]);
                        pending = false;
                    }
                    let f = if fold.lowercase {
                        b.to_ascii_lowercase()
                    } else {
                        b
                    };
                    out.bytes.push(f);
                    out.origin.push(i as u32);
                }
                SEP => pending = true,
                PUNCT => {
                    out.bytes.extend_from_slice(&[b' ', b' ', b]);
                    out.origin
                        .extend_from_slice(&[i as u32, i as u32, i as u32]);
                    pending = true;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let len = c.len_utf8();
        match class_of(c) {
            WORD => {
                if pending {
                    out.bytes.extend_from_slice(b"  ");
                    out.origin.extend_from_slice(&[i as u32, i as u32]);
                    pending = false;
                }
                let origin = i as u32;
                let (bytes_out, origin_out) = (&mut out.bytes, &mut out.origin);
                fold_word_char(c, fold, &mut |ch: char| {
                    let mut buf = [0u8; 4];
                    let s = ch.encode_utf8(&mut buf);
                    bytes_out.extend_from_slice(s.as_bytes());
                    for _ in 0..s.len() {
                        origin_out.push(origin);
                    }
                });
            }
            SEP => pending = true,
            PUNCT => {
                out.bytes.extend_from_slice(b"  ");
                out.origin.extend_from_slice(&[i as u32, i as u32]);
                let mut buf = [0u8; 4];
                let s = c.encode_utf8(&mut buf);
                out.bytes.extend_from_slice(s.as_bytes());
                for _ in 0..s.len() {
                    out.origin.push(i as u32);
                }
                pending = true;
            }
            _ => {}
        }
        i += len;
    }
    out.bytes.extend_from_slice(b"  ");
    out.origin
        .extend_from_slice(&[bytes.len() as u32, bytes.len() as u32]);
}

/// One token of a text in the matching view (lower case, no diacritics): its source span and
/// where its folded bytes are in [`Tokens::folded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte span in the source, from its first character to the end of its last one.
    pub start: u32,
    pub end: u32,
    /// Range of the folded bytes in [`Tokens::folded`].
    pub off: u32,
    pub len: u32,
    /// Vocabulary id (set by the matcher; `u32::MAX` when the token is unknown).
    pub id: u32,
}

/// The tokens of a text in the matching view: the same tokens as [`normalize_into`] with
/// [`MATCH`], without the separating spaces and with one entry per token instead of a map entry
/// per byte (a fraction of the memory traffic).
#[derive(Debug, Default, Clone)]
pub(crate) struct Tokens {
    pub list: Vec<Token>,
    /// The folded bytes of every token, one after the other, then sixteen zero bytes (so that a
    /// short token can be read as one or two words).
    pub folded: Vec<u8>,
    /// Whether the text held characters the view ignores (soft hyphens, zero-width and control
    /// characters): then a token may join what other scanners see as two words.
    pub ignored: bool,
}

impl Tokens {
    /// The folded bytes of `t`.
    #[cfg(test)]
    pub(crate) fn bytes(&self, t: &Token) -> &[u8] {
        &self.folded[t.off as usize..(t.off + t.len) as usize]
    }
}

/// Lower-case form of each ASCII byte.
const ASCII_LOWER: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t
};

/// Splits `text` (at most 4 GiB) into matching-view tokens (cleared first); source offsets are
/// byte offsets in `text`.
///
/// The fast path: ASCII bytes are classified and folded through tables; only non-ASCII
/// characters are decoded and go through the Unicode folding.
#[inline(never)]
pub(crate) fn tokenize_into(text: &str, out: &mut Tokens) {
    out.list.clear();
    out.folded.clear();
    out.ignored = false;
    out.folded.reserve(text.len());
    let bytes = text.as_bytes();
    // Index of the word token open at the current position (none after a separator).
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            match ASCII_CLASS[b as usize] {
                WORD => {
                    let k = match open {
                        Some(k) => k,
                        None => {
                            out.list.push(Token {
                                start: i as u32,
                                end: i as u32,
                                off: out.folded.len() as u32,
                                len: 0,
                                id: u32::MAX,
                            });
                            open = Some(out.list.len() - 1);
                            out.list.len() - 1
                        }
                    };
                    // The rest of the ASCII letters and digits in one go.
                    let j = bytes[i..]
                        .iter()
                        .position(|b| !b.is_ascii_alphanumeric())
                        .map_or(bytes.len(), |n| i + n);
                    out.folded
                        .extend(bytes[i..j].iter().map(|&b| ASCII_LOWER[b as usize]));
                    let t = &mut out.list[k];
                    t.len += (j - i) as u32;
                    t.end = j as u32;
                    i = j;
                    continue;
                }
                SEP => open = None,
                PUNCT => {
                    out.list.push(Token {
                        start: i as u32,
                        end: i as u32 + 1,
                        off: out.folded.len() as u32,
                        len: 1,
                        id: u32::MAX,
                    });
                    out.folded.push(b);
                    open = None;
                }
                _ => out.ignored = true,
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        match class_of(c) {
            WORD => {
                let k = match open {
                    Some(k) => k,
                    None => {
                        out.list.push(Token {
                            start: i as u32,
                            end: i as u32,
                            off: out.folded.len() as u32,
                            len: 0,
                            id: u32::MAX,
                        });
                        open = Some(out.list.len() - 1);
                        out.list.len() - 1
                    }
                };
                let before = out.folded.len();
                let folded = &mut out.folded;
                fold_word_char(c, MATCH, &mut |ch: char| {
                    let mut buf = [0u8; 4];
                    folded.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                });
                let t = &mut out.list[k];
                t.len += (out.folded.len() - before) as u32;
                t.end = (i + len) as u32;
            }
            SEP => open = None,
            PUNCT => {
                let mut buf = [0u8; 4];
                let s = c.encode_utf8(&mut buf);
                out.list.push(Token {
                    start: i as u32,
                    end: (i + len) as u32,
                    off: out.folded.len() as u32,
                    len: s.len() as u32,
                    id: u32::MAX,
                });
                out.folded.extend_from_slice(s.as_bytes());
                open = None;
            }
            _ => out.ignored = true,
        }
        i += len;
    }
    out.folded.extend_from_slice(&[0; 16]);
}

/// The tokens of `text` joined by two spaces (no leading or trailing space).
pub(crate) fn token_string(text: &str, fold: Fold) -> String {
    let mut n = Normalized::default();
    normalize_into(text, fold, &mut n);
    let s = String::from_utf8_lossy(&n.bytes);
    s.trim_matches(' ').to_string()
}

/// The automaton pattern of a term: its tokens wrapped in single spaces, or `None` if the term
/// has no token at all.
pub(crate) fn pattern_of(text: &str) -> Option<String> {
    let t = token_string(text, MATCH);
    if t.is_empty() {
        None
    } else {
        Some(format!(" {t} "))
    }
}

/// Removes diacritics from a single character (its canonical base), keeping case.
pub(crate) fn base_char(c: char) -> char {
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        }
    });
    base.unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> String {
        let mut n = Normalized::default();
        normalize_into(text, MATCH, &mut n);
        assert_eq!(n.bytes.len(), n.origin.len());
        String::from_utf8(n.bytes).unwrap()
    }

    #[test]
    fn tokens_and_separators() {
        assert_eq!(
            view("l’Organisation (OIM)"),
            "  l  organisation  (  oim  )  "
        );
        assert_eq!(view("Sud-Sud\u{a0}\u{202f}\n Etats"), "  sud  sud  etats  ");
        assert_eq!(view("ÉTATS œuvre"), "  etats  oeuvre  ");
        assert_eq!(view("Direc\u{ad}teur"), "  directeur  ");
    }

    #[test]
    fn origins_point_at_source_characters() {
        let mut n = Normalized::default();
        normalize_into("é œ", MATCH, &mut n);
        // "  e  oe  "
        assert_eq!(n.bytes, b"  e  oe  ");
        assert_eq!(n.origin[2], 0);
        assert_eq!(n.origin[5], 3);
        assert_eq!(n.origin[6], 3);
        assert_eq!(n.origin[8], 5);
    }

    #[test]
    fn decomposed_accents_fold_like_composed_ones() {
        assert_eq!(view("E\u{301}tats"), view("États"));
    }

    /// The tokens of [`tokenize_into`] are those of the normalised view, in order.
    #[test]
    fn tokens_are_those_of_the_view() {
        let samples = [
            "l’Organisation (OIM)",
            "Sud-Sud\u{a0}\u{202f}\n Etats",
            "ÉTATS œuvre, Direc\u{ad}teur ; E\u{301}tats « Ærø » Straße 3,5 %",
            "a \u{301} b\u{1}c – Ωμέγα…",
            "",
            "   ",
        ];
        for text in samples {
            let mut toks = Tokens::default();
            tokenize_into(text, &mut toks);
            let joined: Vec<&[u8]> = toks.list.iter().map(|t| toks.bytes(t)).collect();
            let joined = joined.join(&b"  "[..]);
            let expected = view(text);
            let expected = expected.trim_matches(' ');
            assert_eq!(String::from_utf8(joined).unwrap(), expected, "{text}");
        }
        let mut toks = Tokens::default();
        tokenize_into("Été : l’OIM", &mut toks);
        let spans: Vec<(u32, u32)> = toks.list.iter().map(|t| (t.start, t.end)).collect();
        assert_eq!(spans, [(0, 5), (6, 7), (8, 9), (12, 15)]);
        tokenize_into("Direc\u{ad}teur E\u{301}", &mut toks);
        let spans: Vec<(u32, u32)> = toks.list.iter().map(|t| (t.start, t.end)).collect();
        assert_eq!(spans, [(0, 11), (12, 15)]);
    }

    #[test]
    fn pattern_is_wrapped_in_single_spaces() {
        assert_eq!(pattern_of("Plan d’action").unwrap(), " plan  d  action ");
        assert_eq!(pattern_of(" - "), None);
    }
}
