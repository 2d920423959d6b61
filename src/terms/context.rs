//! Context checks around a candidate match, on the original text: URLs and e-mail addresses,
//! runs of English words (an event title quoted in English), and the determiner before a title.
//!
//! These run per candidate match (not over the whole text), so their cost follows the number of
//! matches, not the size of the text.

/// English function words that are not also French words (`a`, `on`, `or`, `an`, `as` are left
/// out: they are French too).
const ENGLISH_ONLY: &[&str] = &[
    "the", "of", "and", "for", "in", "to", "with", "is", "by", "from", "at", "this", "that", "are",
    "be", "its", "their", "our", "was", "were", "has", "have", "which", "into", "towards",
];

/// French function words: they end an English run.
const FRENCH_MARKERS: &[&str] = &[
    "le", "la", "les", "l", "de", "des", "du", "d", "et", "ou", "où", "pour", "par", "dans", "sur",
    "avec", "en", "un", "une", "au", "aux", "est", "sont", "qui", "que", "qu", "ce", "cette",
    "ces", "son", "sa", "ses", "leur", "leurs", "il", "elle", "ils", "elles", "nous", "vous", "se",
    "ne", "pas", "plus", "ont", "été", "être", "dont", "lors", "entre", "chez",
];

/// Characters that end a run of words (sentence and clause punctuation).
fn is_hard_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '«'
            | '»'
            | '"'
            | '“'
            | '”'
            | '\n'
            | '\r'
            | '–'
            | '—'
            | '/'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\u{ad}'
}

/// Whether the match `start..end` lies in a URL or an e-mail address: the whitespace-delimited
/// chunk around it has `@`, `://` or starts with `www.`.
pub(crate) fn in_url_or_email(text: &str, start: usize, end: usize) -> bool {
    let is_delim =
        |c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '(' | ')' | '«' | '»');
    let left = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_delim(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let right = text[end..]
        .char_indices()
        .find(|&(_, c)| is_delim(c))
        .map(|(i, _)| end + i)
        .unwrap_or(text.len());
    let chunk = &text[left..right];
    chunk.contains('@')
        || chunk.contains("://")
        || chunk.starts_with("www.")
        || chunk.to_ascii_lowercase().starts_with("mailto:")
}

/// Words of a run, scanned from `from` leftwards or rightwards until hard punctuation, a French
/// function word, a word with French diacritics or an elided article, at most `max` words.
/// Returns (words, English-only function words among them).
fn scan(text: &str, from: usize, leftwards: bool, max: usize) -> (usize, usize) {
    let mut words = 0;
    let mut english = 0;
    let mut current = String::new();
    let finish = |w: &str, words: &mut usize, english: &mut usize| -> bool {
        // returns true when the run ends at this word
        let lower = w.to_lowercase();
        if FRENCH_MARKERS.contains(&lower.as_str())
            || lower.chars().any(|c| "éèêàâçîôûùëïœ".contains(c))
        {
            return true;
        }
        *words += 1;
        if ENGLISH_ONLY.contains(&lower.as_str()) {
            *english += 1;
        }
        false
    };
    let chars: Box<dyn Iterator<Item = char>> = if leftwards {
        Box::new(text[..from].chars().rev())
    } else {
        Box::new(text[from..].chars())
    };
    for c in chars {
        if is_word_char(c) {
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            let w: String = if leftwards {
                current.chars().rev().collect()
            } else {
                current.clone()
            };
            current.clear();
            if finish(&w, &mut words, &mut english) || words >= max {
                return (words, english);
            }
        }
        if is_hard_punct(c) || matches!(c, '\'' | '’' | 'ʼ') {
            return (words, english);
        }
    }
    if !current.is_empty() {
        let w: String = if leftwards {
            current.chars().rev().collect()
        } else {
            current
        };
        finish(&w, &mut words, &mut english);
    }
    (words, english)
}

/// Whether the match `start..end` sits in a run of English words: the words around it, up to
/// punctuation or a French function word, hold at least two English-only function words, or one
/// in a run of at least four words.
pub(crate) fn in_english_run(text: &str, start: usize, end: usize) -> bool {
    let (lw, le) = scan(text, start, true, 30);
    let (rw, re) = scan(text, end, false, 30);
    let english = le + re;
    let words = lw + rw + 1;
    english >= 2 || (english >= 1 && words >= 4)
}

/// The grammatical gender marked by the determiner just before `start` (only whitespace in
/// between): `Some(M)`/`Some(F)` from `le`, `un`, `du`, `au`, `ce`, `cet` / `la`, `une`,
/// `cette`; `None` otherwise (`l’`, `les`, a noun…).
pub(crate) fn determiner_gender(text: &str, start: usize) -> Option<super::inflect::Genders> {
    let before = text[..start].trim_end_matches(|c: char| c.is_whitespace());
    if before.len() == start {
        return None; // no whitespace: elided article or glued text
    }
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = before[word_start..].to_lowercase();
    match word.as_str() {
        "le" | "un" | "du" | "au" | "ce" | "cet" => Some(super::inflect::M),
        "la" | "une" | "cette" => Some(super::inflect::F),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_and_url_chunks() {
        let t = "Email: mmactas@iom.int et https://www.iom.int/fr OIM";
        let at = t.find("iom.int").unwrap();
        assert!(in_url_or_email(t, at, at + 3));
        let u = t.find("www").unwrap() + 4;
        assert!(in_url_or_email(t, u, u + 3));
        let o = t.rfind("OIM").unwrap();
        assert!(!in_url_or_email(t, o, o + 3));
    }

    #[test]
    fn english_title_is_a_run() {
        let t = "l’événement parallèle South-South cooperation as a tool for migration governance in Latin America and the Caribbean, au cours duquel";
        let m = t.find("migration").unwrap();
        assert!(in_english_run(t, m, m + 9));
        let f = "la coopération en matière de migration dans les processus";
        let m = f.find("migration").unwrap();
        assert!(!in_english_run(f, m, m + 9));
    }

    #[test]
    fn determiners() {
        let t = "La Directeur et l’OIM, le  Directeur";
        assert_eq!(determiner_gender(t, 3), Some(super::super::inflect::F));
        let o = t.find("OIM").unwrap();
        assert_eq!(determiner_gender(t, o), None);
        let d = t.rfind("Directeur").unwrap();
        assert_eq!(determiner_gender(t, d), Some(super::super::inflect::M));
    }
}
