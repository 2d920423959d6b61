//! Tokenisation for alignment: lower-cased, accent-stripped word tokens plus language-neutral
//! anchor tokens (normalised numbers, month numbers, quotation marks) that both sides share.
//!
//! The point is to turn "1 500" and "1,500", "mars" and "March", « and “ into the same token, so
//! that the lexical score can see them as a match without any bilingual dictionary.

/// Pseudo-token emitted for any quotation mark in a sentence.
pub const QUOTE_TOKEN: &str = "\u{1}quote";

/// First character of the token of an all-capitals word (`OIM` → `\u{3}oim`), so that
/// acronyms can be matched across languages (`OIM`/`IOM`, `HCR`/`UNHCR`).
pub const ACRONYM_MARK: char = '\u{3}';

/// Lower-cases and strips diacritics (`Été` → `ete`).
pub use crate::lang::fold::fold_word as fold;

/// Month names of both languages, folded, mapped to a shared `\u{1}mN` token.
fn month_token(folded: &str) -> Option<&'static str> {
    const MONTHS: [(&str, &str, &str); 12] = [
        ("janvier", "january", "\u{1}m1"),
        ("fevrier", "february", "\u{1}m2"),
        ("mars", "march", "\u{1}m3"),
        ("avril", "april", "\u{1}m4"),
        ("mai", "may", "\u{1}m5"),
        ("juin", "june", "\u{1}m6"),
        ("juillet", "july", "\u{1}m7"),
        ("aout", "august", "\u{1}m8"),
        ("septembre", "september", "\u{1}m9"),
        ("octobre", "october", "\u{1}m10"),
        ("novembre", "november", "\u{1}m11"),
        ("decembre", "december", "\u{1}m12"),
    ];
    MONTHS
        .iter()
        .find(|(fr, en, _)| *fr == folded || *en == folded)
        .map(|(_, _, t)| *t)
}

fn is_group_sep(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.' | '\'' | '’')
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' | '「' | '」'
    )
}

/// Reads a number starting at `chars[start]` (a digit): thousands groups separated by a space,
/// comma, dot or apostrophe are joined (`1 500`, `1,500`, `1.500` → `1500`), a decimal part after
/// `,` or `.` is written with a dot (`2,5` → `2.5`). Returns the token and the index after it.
fn read_number(chars: &[char], start: usize) -> (String, usize) {
    let mut i = start;
    let mut out = String::new();
    while i < chars.len() && chars[i].is_ascii_digit() {
        out.push(chars[i]);
        i += 1;
    }
    // Thousands groups: a separator followed by exactly three digits.
    if out.len() <= 3 {
        let digit = |k: usize| chars.get(k).is_some_and(|c| c.is_ascii_digit());
        while chars.get(i).is_some_and(|c| is_group_sep(*c))
            && digit(i + 1)
            && digit(i + 2)
            && digit(i + 3)
            && !digit(i + 4)
        {
            out.extend(&chars[i + 1..i + 4]);
            i += 4;
        }
    }
    // Decimal part.
    if i + 1 < chars.len() && (chars[i] == ',' || chars[i] == '.') && chars[i + 1].is_ascii_digit()
    {
        let mut j = i + 1;
        let mut frac = String::new();
        while j < chars.len() && chars[j].is_ascii_digit() {
            frac.push(chars[j]);
            j += 1;
        }
        out.push('.');
        out.push_str(&frac);
        i = j;
    }
    (out, i)
}

/// Splits a sentence into alignment tokens: folded words (apostrophes and hyphens split words, so
/// `l’OIM` gives `l`, `oim`), normalised numbers, month tokens, and one [`QUOTE_TOKEN`] if the
/// sentence holds any quotation mark.
pub fn tokenize(sentence: &str) -> Vec<String> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    let mut quote = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let (num, next) = read_number(&chars, i);
            out.push(num);
            i = next.max(i + 1);
        } else if c.is_alphabetic() {
            let mut j = i;
            let mut word = String::new();
            while j < chars.len() && (chars[j].is_alphanumeric()) {
                word.push(chars[j]);
                j += 1;
            }
            let folded = fold(&word);
            let acronym = word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase());
            match month_token(&folded) {
                Some(t) => out.push(t.to_string()),
                None if acronym => out.push(format!("{ACRONYM_MARK}{folded}")),
                None => out.push(folded),
            }
            i = j;
        } else {
            if is_quote(c) {
                quote = true;
            }
            i += 1;
        }
    }
    if quote {
        out.push(QUOTE_TOKEN.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_normalised_across_conventions() {
        assert_eq!(
            tokenize("plus de 1 500 participants"),
            ["plus", "de", "1500", "participants"]
        );
        assert_eq!(
            tokenize("more than 1,500 people"),
            ["more", "than", "1500", "people"]
        );
        assert_eq!(tokenize("2,5 %"), ["2.5"]);
        assert_eq!(tokenize("2.5%"), ["2.5"]);
        assert_eq!(tokenize("(20-22/03)"), ["20", "22", "03"]);
        assert_eq!(tokenize("1951"), ["1951"]);
    }

    #[test]
    fn months_elisions_accents_and_quotes() {
        assert_eq!(tokenize("le 3 mars"), ["le", "3", "\u{1}m3"]);
        assert_eq!(tokenize("March 3"), ["\u{1}m3", "3"]);
        assert_eq!(tokenize("l’OIM à Québec"), ["l", "\u{3}oim", "a", "quebec"]);
        assert_eq!(tokenize("« oui »"), ["oui", QUOTE_TOKEN]);
        assert_eq!(tokenize("OIM et HCR"), ["\u{3}oim", "et", "\u{3}hcr"]);
    }
}
