//! Hard-wrapped lines back into paragraphs, and contact labels joined to their value.
//!
//! Whether a document is hard-wrapped is decided once per document: many lines end mid-sentence
//! and go on with a lower-case line, and lines are short. In such a document a line break is kept
//! only where a paragraph really ends (sentence end before an upper-case line, a colon, a line
//! short enough that the next word would have fitted). Elsewhere, only an obvious wrap (a line
//! ending in a letter or comma followed by a lower-case line) and a contact label on its own line
//! (`E-mail:` then the address) are joined.

/// How two consecutive lines are put together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// Keep the line break.
    Break,
    /// Join with one space.
    Space,
    /// Join without a space (a compound word split after its hyphen: `Sud-` / `Sud`).
    Glue,
}

/// Punctuation that may close a sentence (before closing quotes or brackets).
fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches([
        '»', '”', '"', '\'', '’', ')', ']', ' ', '\u{a0}', '\u{202f}',
    ]);
    core.ends_with(['.', '!', '?', '…'])
}

fn first_char(line: &str) -> Option<char> {
    line.chars().next()
}

fn starts_lowercase(line: &str) -> bool {
    first_char(line).is_some_and(char::is_lowercase)
}

/// A list item or a line that must open its own line.
fn is_item(line: &str) -> bool {
    if ["- ", "– ", "— ", "• ", "* ", "· "]
        .iter()
        .any(|p| line.starts_with(p))
    {
        return true;
    }
    // "1. ", "2) "
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
        && line.as_bytes().get(digits + 1) == Some(&b' ')
}

/// Contact labels that head a line of their own.
const LABELS: &[&str] = &[
    "courriel",
    "e-mail",
    "email",
    "fax",
    "mobile",
    "phone",
    "portable",
    "site",
    "site web",
    "tel",
    "tél",
    "téléphone",
    "telephone",
    "web",
];

/// The label a contact line opens with, if any: `E-mail:`, `Tél.:`, `Tel`…
fn label_prefix(line: &str) -> Option<&str> {
    let end = line
        .find(|c: char| !(c.is_alphabetic() || c == '-' || c == ' '))
        .unwrap_or(line.len());
    let word = line[..end].trim_end();
    let lower = word.to_lowercase();
    LABELS.contains(&lower.as_str()).then_some(word)
}

/// A line that is only a contact label: `E-mail:`, `Tél. :`, `Email`.
fn is_label_only(line: &str) -> bool {
    label_prefix(line).is_some_and(|w| {
        line[w.len()..]
            .chars()
            .all(|c| matches!(c, '.' | ':' | ' ' | '\u{a0}' | '\u{202f}'))
    })
}

/// A contact value: an e-mail address, a phone number or a web address.
fn is_contact_value(line: &str) -> bool {
    let first = line.split(' ').next().unwrap_or("");
    (first.contains('@') && !first.starts_with('@'))
        || first.starts_with("http")
        || first.starts_with("www.")
        || first_char(line).is_some_and(|c| c.is_ascii_digit() || c == '+' || c == '(')
}

/// French and English function words that never end a paragraph.
const FUNCTION_WORDS: &[&str] = &[
    "a", "à", "au", "aux", "avec", "ce", "ces", "cet", "cette", "d’", "d'", "dans", "de", "des",
    "du", "en", "et", "l’", "l'", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "que",
    "qui", "sa", "ses", "son", "sur", "un", "une", "an", "and", "at", "by", "for", "from", "in",
    "of", "on", "or", "the", "to", "with",
];

fn last_word(line: &str) -> &str {
    line.rsplit(' ').next().unwrap_or(line)
}

fn ends_with_function_word(line: &str) -> bool {
    let w = last_word(line).to_lowercase();
    FUNCTION_WORDS.contains(&w.as_str())
}

/// Abbreviations that end with a dot but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "art.", "av.", "cf.", "dr.", "gen.", "m.", "mm.", "mlle.", "mme.", "mr.", "mrs.", "ms.", "n°.",
    "no.", "p.", "pr.", "prof.", "st.", "ste.", "tel.", "tél.", "vol.",
];

fn ends_with_abbreviation(line: &str) -> bool {
    let w = last_word(line);
    let lower = w.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // Initials: "J." or "J.-P."
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 2
        && letters.iter().all(|c| c.is_uppercase())
        && w.ends_with('.')
}

/// A compound word split after its hyphen: the line ends with a letter and `-`.
fn ends_with_split_hyphen(line: &str) -> bool {
    let mut rev = line.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Whether a document's lines look hard-wrapped (see the module doc).
pub(crate) fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 4 {
        return false;
    }
    let evidence = lines
        .windows(2)
        .filter(|w| !ends_sentence(w[0]) && !w[0].ends_with(':') && starts_lowercase(w[1]))
        .count();
    let mut lengths: Vec<usize> = lines.iter().map(|l| char_len(l)).collect();
    lengths.sort_unstable();
    let median = lengths[lengths.len() / 2];
    evidence >= 3 && evidence * 4 >= lines.len() - 1 && median <= 100
}

/// Decides, for each pair of consecutive lines, whether the break between them stays.
pub(crate) fn decide_joins(lines: &[&str], hard_wrapped: bool) -> Vec<Join> {
    let width = if hard_wrapped {
        lines.iter().map(|l| char_len(l)).max().unwrap_or(0)
    } else {
        0
    };
    lines
        .windows(2)
        .map(|w| {
            if hard_wrapped {
                join_wrapped(w[0], w[1], width)
            } else {
                join_plain(w[0], w[1])
            }
        })
        .collect()
}

/// A contact label alone on its line followed by its value.
fn label_then_value(a: &str, b: &str) -> bool {
    is_label_only(a) && is_contact_value(b)
}

/// In a document with one paragraph per line: only obvious wraps and labels join.
fn join_plain(a: &str, b: &str) -> Join {
    if label_then_value(a, b) {
        return Join::Space;
    }
    let a_open = a
        .chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() || c == ',');
    if a_open && starts_lowercase(b) && !is_item(b) {
        return Join::Space;
    }
    Join::Break
}

/// In a hard-wrapped document: join unless a paragraph really ends here.
fn join_wrapped(a: &str, b: &str, width: usize) -> Join {
    if label_then_value(a, b) {
        return Join::Space;
    }
    if is_item(b) || label_prefix(b).is_some() {
        return Join::Break;
    }
    if starts_lowercase(b) {
        return if ends_with_split_hyphen(a) {
            Join::Glue
        } else {
            Join::Space
        };
    }
    if ends_sentence(a) {
        return if ends_with_abbreviation(a) {
            Join::Space
        } else {
            Join::Break
        };
    }
    if a.ends_with(':') {
        return Join::Break;
    }
    if a.ends_with([',', ';']) || ends_with_function_word(a) {
        return Join::Space;
    }
    if ends_with_split_hyphen(a) {
        return Join::Glue;
    }
    // A line that stops although the next word would have fitted ends its paragraph.
    let next_word = b.split(' ').next().unwrap_or(b);
    if char_len(a) + 1 + char_len(next_word) <= width {
        Join::Break
    } else {
        Join::Space
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_documents_keep_their_lines() {
        let lines = [
            "Ouverture de la Conférence Habitat III",
            "Equateur - L’OIM participe à Habitat III.",
            "Pour plus d’informations, veuillez contacter",
            "Magdalena Mactas",
        ];
        assert!(!is_hard_wrapped(&lines));
        assert_eq!(decide_joins(&lines, false), vec![Join::Break; 3]);
    }

    #[test]
    fn an_obvious_wrap_is_joined_in_a_plain_document() {
        assert_eq!(
            join_plain("Pour plus d’informations, veuillez", "contacter:"),
            Join::Space
        );
        assert_eq!(join_plain("Fin.", "ensuite"), Join::Break);
        assert_eq!(join_plain("Liste", "- élément"), Join::Break);
    }

    #[test]
    fn email_label_joins_its_address() {
        assert_eq!(join_plain("E-mail:", "dcortes@iom.int"), Join::Space);
        assert_eq!(join_plain("Tél. :", "+51 221 7209"), Join::Space);
        assert_eq!(join_plain("E-mail:", "Dolores Cortés"), Join::Break);
        assert_eq!(join_wrapped("E-mail:", "dcortes@iom.int", 60), Join::Space);
    }

    #[test]
    fn contact_lines_stay_apart_in_a_wrapped_document() {
        assert_eq!(
            join_wrapped("contacter:", "Dolores Cortés", 66),
            Join::Break
        );
        assert_eq!(join_wrapped("Dolores Cortés", "IOM Lima", 66), Join::Break);
        assert_eq!(
            join_wrapped("IOM Lima", "Tél: +51.221 7209.", 66),
            Join::Break
        );
        assert_eq!(
            join_wrapped("Tél: +51.221 7209.", "E-mail:", 66),
            Join::Break
        );
    }

    #[test]
    fn wrapped_sentence_rules() {
        // lower-case continuation
        assert_eq!(
            join_wrapped("Les ministres de 24 pays à fort taux", "d’émigration", 66),
            Join::Space
        );
        // sentence end then capital: paragraph end
        assert_eq!(
            join_wrapped("vigueur.", "Ca déclaration sera", 66),
            Join::Break
        );
        // abbreviation at the end of the line
        assert_eq!(join_wrapped("a souligné M.", "McKinley", 66), Join::Space);
        // article before a proper noun
        assert_eq!(
            join_wrapped("le Paraguay, le", "Pérou, le Sri Lanka", 66),
            Join::Space
        );
        // a title that stops short of the width
        assert_eq!(
            join_wrapped(
                "Fin de la réunion ministérielle consacrée a la migration",
                "Les ministres",
                66
            ),
            Join::Break
        );
        // a long line ending in a content word before a capital: forced wrap
        assert_eq!(
            join_wrapped(
                "un pas important vers une coopération visant aussi la Convention",
                "Européenne",
                66
            ),
            Join::Space
        );
        // compound word split after its hyphen
        assert_eq!(
            join_wrapped("la coopération Sud-", "Sud est utile", 66),
            Join::Glue
        );
        // a colon before a capital
        assert_eq!(join_wrapped("contacter:", "Dolores", 66), Join::Break);
        // a bullet opens its own line
        assert_eq!(
            join_wrapped("les pays suivants,", "- le Pérou", 66),
            Join::Break
        );
    }

    #[test]
    fn hard_wrap_needs_several_lower_case_continuations() {
        let wrapped = [
            "Les ministres de 24 pays à fort taux",
            "d’émigration ont signé cette semaine a Lima une",
            "déclaration soulignant la nécessité de",
            "renforcer la collaboration en matière de politique",
            "migratoire et de respecter la législation.",
        ];
        assert!(is_hard_wrapped(&wrapped));
        assert!(!is_hard_wrapped(&wrapped[..3]));
    }
}
