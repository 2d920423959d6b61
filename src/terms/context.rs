//! Context checks around a candidate match, on the original text: URLs and e-mail addresses,
//! runs of English words (an event title quoted in English), and the determiner before a title.
//!
//! These run per candidate match (not over the whole text), so their cost follows the number of
//! matches, not the size of the text.

/// Characters that end a run of words (sentence and clause punctuation).
pub(crate) const HARD_PUNCT: &[char] = &[
    ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '«', '»', '"', '“', '”', '\n', '\r', '–',
    '—', '/',
];

/// A token that [`EnglishHints`] notes: neither, an English-only function word, or a stop.
pub(crate) const MARK_NONE: u8 = 0;
pub(crate) const MARK_ENGLISH: u8 = 1;
pub(crate) const MARK_STOP: u8 = 2;

/// The tokens (folded bytes) to mark, with their marks: English-only words and hard punctuation.
pub(crate) fn marked_tokens() -> impl Iterator<Item = (String, u8)> {
    crate::lang::en::FUNCTION_WORDS_NOT_FRENCH
        .iter()
        .map(|w| (w.to_string(), MARK_ENGLISH))
        .chain(HARD_PUNCT.iter().map(|c| (c.to_string(), MARK_STOP)))
}

/// Whether `c` ends a run of words.
fn is_hard_punct(c: char) -> bool {
    HARD_PUNCT.contains(&c)
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
        || chunk
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
}

/// What a word says about the language of its run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    French,
    English,
    Neutral,
}

/// Classifies a word without allocating: French function words and words with French
/// diacritics end a run; English-only function words count towards one.
fn classify(word: &str) -> Lang {
    if !word.is_ascii() {
        return if word.chars().any(|c| "éèêàâçîôûùëïœÉÈÊÀÂÇÎÔÛ".contains(c)) {
            Lang::French
        } else {
            Lang::Neutral
        };
    }
    if word.len() > 8 {
        return Lang::Neutral;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &buf[..word.len()];
    let is = |list: &[&str]| list.iter().any(|w| w.as_bytes() == lower);
    if is(crate::lang::fr::ENGLISH_RUN_ENDERS) {
        Lang::French
    } else if is(crate::lang::en::FUNCTION_WORDS_NOT_FRENCH) {
        Lang::English
    } else {
        Lang::Neutral
    }
}

/// Scans the words before (`leftwards`) or after `from` until hard punctuation, an apostrophe
/// (elision), a French word, or `max` words. Returns (words, English-only function words).
fn scan(text: &str, from: usize, leftwards: bool, max: usize) -> (usize, usize) {
    let (mut words, mut english) = (0, 0);
    // Byte range of the word being read.
    let mut word: Option<(usize, usize)> = None;
    let mut step = |c: char, i: usize, words: &mut usize, english: &mut usize| -> bool {
        // Returns true when the scan must stop.
        if is_word_char(c) {
            word = Some(match word {
                None => (i, i + c.len_utf8()),
                Some((s, e)) => (s.min(i), e.max(i + c.len_utf8())),
            });
            return false;
        }
        if let Some((s, e)) = word.take() {
            match classify(&text[s..e]) {
                Lang::French => return true,
                Lang::English => *english += 1,
                Lang::Neutral => {}
            }
            *words += 1;
            if *words >= max {
                return true;
            }
        }
        is_hard_punct(c) || matches!(c, '\'' | '’' | 'ʼ')
    };
    let stopped = if leftwards {
        text[..from]
            .char_indices()
            .rev()
            .any(|(i, c)| step(c, i, &mut words, &mut english))
    } else {
        text[from..]
            .char_indices()
            .any(|(i, c)| step(c, from + i, &mut words, &mut english))
    };
    if !stopped {
        // The text ended inside a word: count it.
        step(' ', text.len(), &mut words, &mut english);
    }
    (words, english)
}

/// Which tokens of a chunk may sit in a run of English words: a cheap, exact screen before
/// [`in_english_run`], which scans the text around each match.
///
/// The tokens are cut into clauses at hard punctuation; a clause without any English-only
/// function word cannot give [`in_english_run`] anything to count, so a match whose clauses
/// have none needs no scan. (Line breaks and apostrophes also end a scan but not a clause here:
/// the clauses are larger than the scans, never smaller.)
#[derive(Debug, Default, Clone)]
pub(crate) struct EnglishHints {
    /// Clause of each token.
    clause: Vec<u32>,
    /// Whether each clause holds an English-only function word.
    english: Vec<bool>,
    /// The screen does not apply (the text had ignored characters that join words).
    off: bool,
}

impl EnglishHints {
    /// Computes the clauses of `toks`; `mark` gives each token's mark (`MARK_…`), the same as
    /// [`mark_of`] on its folded bytes.
    pub(crate) fn compute(
        &mut self,
        toks: &super::normalize::Tokens,
        mark: impl Fn(&super::normalize::Token) -> u8,
    ) {
        self.clause.clear();
        self.english.clear();
        self.off = toks.ignored;
        if self.off {
            return;
        }
        self.english.push(false);
        for t in &toks.list {
            match mark(t) {
                MARK_STOP => self.english.push(false),
                MARK_ENGLISH => {
                    if let Some(last) = self.english.last_mut() {
                        *last = true;
                    }
                }
                _ => {}
            }
            self.clause.push(self.english.len() as u32 - 1);
        }
    }

    /// Whether the match over tokens `i..j` may sit in an English run (false: it cannot).
    pub(crate) fn maybe(&self, i: usize, j: usize) -> bool {
        if self.off || j == 0 || j > self.clause.len() || i >= j {
            return true;
        }
        let (a, b) = (self.clause[i] as usize, self.clause[j - 1] as usize);
        self.english[a..=b].iter().any(|&e| e)
    }
}

/// The mark of a token from its folded bytes (the slow path of the matcher's per-id marks).
#[cfg(test)]
pub(crate) fn mark_of(bytes: &[u8]) -> u8 {
    marked_tokens()
        .find(|(t, _)| t.as_bytes() == bytes)
        .map_or(MARK_NONE, |(_, m)| m)
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
pub(crate) fn determiner_gender(text: &str, start: usize) -> Option<crate::lang::inflect::Genders> {
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
        "le" | "un" | "du" | "au" | "ce" | "cet" => Some(crate::lang::inflect::M),
        "la" | "une" | "cette" => Some(crate::lang::inflect::F),
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
    fn english_screen_marks_clauses_with_english_function_words() {
        let t = "la coopération en matière de migration, South-South cooperation for migration \
                 governance. Fin de la migration";
        let mut toks = crate::terms::normalize::Tokens::default();
        crate::terms::normalize::tokenize_into(t, &mut toks);
        let mut hints = EnglishHints::default();
        let mark = |k: &crate::terms::normalize::Token| {
            mark_of(&toks.folded[k.off as usize..(k.off + k.len) as usize])
        };
        hints.compute(&toks, mark);
        let at = |word: &str, nth: usize| {
            toks.list
                .iter()
                .enumerate()
                .filter(|(_, k)| {
                    &toks.folded[k.off as usize..(k.off + k.len) as usize] == word.as_bytes()
                })
                .nth(nth)
                .map(|(i, _)| i)
                .unwrap()
        };
        // "migration" in the French clause, in the English one, and after the full stop.
        assert!(!hints.maybe(at("migration", 0), at("migration", 0) + 1));
        assert!(hints.maybe(at("migration", 1), at("migration", 1) + 1));
        assert!(!hints.maybe(at("migration", 2), at("migration", 2) + 1));
        // A match spanning both clauses may be English.
        assert!(hints.maybe(at("migration", 0), at("migration", 1) + 1));
        // Ignored characters turn the screen off.
        let mut toks = crate::terms::normalize::Tokens::default();
        crate::terms::normalize::tokenize_into("la mi\u{ad}gration", &mut toks);
        hints.compute(&toks, |_| MARK_NONE);
        assert!(hints.maybe(0, 1));
    }

    #[test]
    fn determiners() {
        let t = "La Directeur et l’OIM, le  Directeur";
        assert_eq!(determiner_gender(t, 3), Some(crate::lang::inflect::F));
        let o = t.find("OIM").unwrap();
        assert_eq!(determiner_gender(t, o), None);
        let d = t.rfind("Directeur").unwrap();
        assert_eq!(determiner_gender(t, d), Some(crate::lang::inflect::M));
    }
}
