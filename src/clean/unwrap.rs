//! Hard-wrapped lines back into paragraphs, and contact labels joined to their value.
//!
//! Whether a document is hard-wrapped is decided once per document: many lines end mid-sentence
//! and go on with a lower-case line, and lines are short. In such a document a line break is kept
//! only where a paragraph really ends (sentence end before an upper-case line, a colon, a line
//! short enough that the next word would have fitted). Elsewhere, only an obvious wrap (a line
//! ending in a letter or comma followed by a lower-case line) and a contact label on its own line
//! (`E-mail:` then the address) are joined.

use super::boilerplate::is_contact_opener;

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
    // The longest label, "site web", is 9 characters long: look no further than 12.
    let end = match line
        .char_indices()
        .take(13)
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == ' '))
    {
        Some((i, _)) => i,
        None if line.chars().nth(12).is_none() => line.len(),
        None => return None,
    };
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

fn last_word(line: &str) -> &str {
    line.rsplit(' ').next().unwrap_or(line)
}

fn ends_with_function_word(line: &str) -> bool {
    let w = last_word(line).to_lowercase();
    crate::lang::fr::LINE_CONTINUING_WORDS.contains(&w.as_str())
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

/// The width a hard-wrapped document was wrapped at: its longest line, ignoring outliers longer
/// than 1.5 × the median line (a URL or a line that was never wrapped).
fn wrap_width(lines: &[&str]) -> usize {
    let mut lengths: Vec<usize> = lines.iter().map(|l| char_len(l)).collect();
    lengths.sort_unstable();
    let Some(&median) = lengths.get(lengths.len() / 2) else {
        return 0;
    };
    lengths
        .iter()
        .rev()
        .find(|&&l| 2 * l <= 3 * median)
        .copied()
        .unwrap_or(median)
}

/// Decides, for each pair of consecutive lines, whether the break between them stays.
///
/// `gaps[i]` tells whether a blank line separated lines `i` and `i + 1`: a gap always stays a
/// break. In a hard-wrapped document whose paragraphs are separated by blank lines, a sentence
/// end inside a paragraph is a wrap like any other and only the width test ends a paragraph.
pub(crate) fn decide_joins(lines: &[&str], gaps: &[bool], hard_wrapped: bool) -> Vec<Join> {
    let width = if hard_wrapped { wrap_width(lines) } else { 0 };
    let gap_mode = hard_wrapped && gaps.iter().filter(|&&g| g).count() >= 2;
    let mut joins = Vec::with_capacity(lines.len().saturating_sub(1));
    // First line of the paragraph being built.
    let mut para_start = 0;
    for (i, w) in lines.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        let join = if gaps.get(i).copied().unwrap_or(false) {
            Join::Break
        } else if hard_wrapped {
            if is_contact_opener(lines[para_start]) && ends_with_contact_verb(a) {
                // "Pour plus d’informations, veuillez contacter:" ends before the first name.
                if starts_lowercase(b) {
                    Join::Space
                } else {
                    Join::Break
                }
            } else {
                join_wrapped(a, b, width, gap_mode)
            }
        } else {
            join_plain(a, b)
        };
        if join == Join::Break {
            para_start = i + 1;
        }
        joins.push(join);
    }
    joins
}

/// The line ends on the verb of a contact opener: "veuillez contacter:", "please contact".
fn ends_with_contact_verb(line: &str) -> bool {
    let core = line.trim_end_matches([':', ' ', '\u{a0}', '\u{202f}']);
    let w = last_word(core).to_lowercase();
    matches!(
        w.as_str(),
        "contacter" | "contactez" | "contact" | "joindre"
    )
}

/// A dateline opens the line: "Argentine - ", "Washington, D.C. - ": up to five words, each
/// capitalised, then a dash. It starts the first paragraph of a release, after the title.
fn starts_with_dateline(line: &str) -> bool {
    let head: String = line.chars().take(50).collect();
    let Some(pos) = head.find(" - ").or_else(|| head.find(" – ")) else {
        return false;
    };
    let place = &head[..pos];
    let words: Vec<&str> = place.split(' ').collect();
    !place.is_empty()
        && words.len() <= 5
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
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
///
/// The deciding test is the wrap width: a line that stops although the next word would have
/// fitted was not wrapped, so its paragraph (or title, or contact line) ends there. Lines that
/// cannot end a paragraph (a comma, a function word, a split compound, an abbreviation) or that
/// go on in lower case are joined whatever their length.
fn join_wrapped(a: &str, b: &str, width: usize, gap_mode: bool) -> Join {
    if label_then_value(a, b) {
        return Join::Space;
    }
    if label_prefix(b).is_some() {
        // "Tél: …" opens a contact line, unless the contact line before goes on after a comma.
        return if a.ends_with(',') {
            Join::Space
        } else {
            Join::Break
        };
    }
    if is_item(b) {
        // A list item opens its line, unless the line before stops mid-sentence on a word
        // (then the wrap fell before an inner dash: "la conférence" / "- qui a rassemblé").
        let mid_sentence = a.chars().last().is_some_and(char::is_alphanumeric) && !is_item(a);
        return if mid_sentence {
            Join::Space
        } else {
            Join::Break
        };
    }
    if starts_lowercase(b) || starts_with_continuation_mark(b) {
        return if ends_with_split_hyphen(a) {
            Join::Glue
        } else {
            Join::Space
        };
    }
    if ends_with_split_hyphen(a) {
        return Join::Glue;
    }
    if ends_sentence(a) && !gap_mode {
        // A sentence end before a capital: a paragraph end, or at worst a break where the
        // segmenter breaks anyway. Not after an abbreviation ("M." / "McKinley").
        return if ends_with_abbreviation(a) {
            Join::Space
        } else {
            Join::Break
        };
    }
    if starts_with_dateline(b) || is_contact_opener(b) {
        return Join::Break;
    }
    if a.ends_with([',', ';'])
        || ends_with_function_word(a)
        || (ends_sentence(a) && ends_with_abbreviation(a))
    {
        return Join::Space;
    }
    // A line that stops although the next word would have fitted was not wrapped: its
    // paragraph, title or contact line ends there.
    let next_word = b.split(' ').next().unwrap_or(b);
    if char_len(a) + 1 + char_len(next_word) <= width {
        Join::Break
    } else {
        Join::Space
    }
}

/// The line opens with punctuation that cannot open a paragraph: `,` `;` `)` `-,` `»`.
fn starts_with_continuation_mark(line: &str) -> bool {
    line.starts_with([',', ';', ')', ']', '»', '”'])
        || line.starts_with("-,")
        || line.starts_with("–,")
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
        assert_eq!(
            decide_joins(&lines, &[false; 3], false),
            vec![Join::Break; 3]
        );
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
        assert_eq!(
            join_wrapped("E-mail:", "dcortes@iom.int", 60, false),
            Join::Space
        );
    }

    #[test]
    fn contact_lines_stay_apart_in_a_wrapped_document() {
        assert_eq!(
            join_wrapped("contacter:", "Dolores Cortés", 66, false),
            Join::Break
        );
        assert_eq!(
            join_wrapped("Dolores Cortés", "IOM Lima", 66, false),
            Join::Break
        );
        assert_eq!(
            join_wrapped("IOM Lima", "Tél: +51.221 7209.", 66, false),
            Join::Break
        );
        assert_eq!(
            join_wrapped("Tél: +51.221 7209.", "E-mail:", 66, false),
            Join::Break
        );
    }

    #[test]
    fn wrapped_sentence_rules() {
        // lower-case continuation
        assert_eq!(
            join_wrapped(
                "Les ministres de 24 pays à fort taux",
                "d’émigration",
                66,
                false
            ),
            Join::Space
        );
        // sentence end then capital: paragraph end
        assert_eq!(
            join_wrapped("vigueur.", "Ca déclaration sera", 66, false),
            Join::Break
        );
        // abbreviation at the end of the line
        assert_eq!(
            join_wrapped("a souligné M.", "McKinley", 66, false),
            Join::Space
        );
        // article before a proper noun
        assert_eq!(
            join_wrapped("le Paraguay, le", "Pérou, le Sri Lanka", 66, false),
            Join::Space
        );
        // a title that stops short of the width
        assert_eq!(
            join_wrapped(
                "Fin de la réunion ministérielle consacrée a la migration",
                "Les ministres",
                66,
                false
            ),
            Join::Break
        );
        // a long line ending in a content word before a capital: forced wrap
        assert_eq!(
            join_wrapped(
                "un pas important vers une coopération visant aussi la Convention",
                "Européenne",
                66,
                false
            ),
            Join::Space
        );
        // compound word split after its hyphen
        assert_eq!(
            join_wrapped("la coopération Sud-", "Sud est utile", 66, false),
            Join::Glue
        );
        // a colon before a capital
        assert_eq!(
            join_wrapped("contacter:", "Dolores", 66, false),
            Join::Break
        );
        // a bullet opens its own line
        assert_eq!(
            join_wrapped("les pays suivants,", "- le Pérou", 66, false),
            Join::Break
        );
        assert_eq!(
            join_wrapped("- le Chili ;", "- le Pérou", 66, false),
            Join::Break
        );
        // …but a dash after a word mid-sentence is an inner dash
        assert_eq!(
            join_wrapped("Pendant la conférence", "- qui a rassemblé", 66, false),
            Join::Space
        );
    }

    #[test]
    fn a_sentence_end_before_a_capital_keeps_the_break() {
        // Even on a full line: at worst it splits a paragraph where the segmenter splits anyway.
        assert_eq!(
            join_wrapped(
                "en tenant compte de sa participation active dans la région.",
                "Mme Thompson a",
                60,
                false
            ),
            Join::Break
        );
        // 48 + 1 + 8 = 57 <= 60: "Mercredi" would have fitted, so the paragraph ended.
        assert_eq!(
            join_wrapped(
                "de la société civile et du milieu universitaire.",
                "Mercredi",
                60,
                false
            ),
            Join::Break
        );
    }

    #[test]
    fn a_dateline_opens_the_first_paragraph() {
        assert!(starts_with_dateline(
            "Washington, D.C. - L’OIM, l’organisme"
        ));
        assert!(starts_with_dateline("Argentine - Laura Thompson"));
        assert!(!starts_with_dateline(
            "Pendant la conférence - qui a rassemblé"
        ));
        // A title whose last line is long is not joined to the dateline.
        assert_eq!(
            join_wrapped(
                "La Directeur générale adjointe de l’OIM assiste au Brésil",
                "Argentine - Laura",
                60,
                false
            ),
            Join::Break
        );
    }

    #[test]
    fn the_contact_opener_ends_at_its_verb() {
        let lines = [
            "Fin de la réunion",
            "Les ministres ont signé une déclaration soulignant la",
            "nécessité de renforcer la collaboration en matière de",
            "politique migratoire et de respecter la législation.",
            "Pour plus d’informations, veuillez contacter:",
            "Dolores Cortés",
            "IOM Lima",
        ];
        let joins = decide_joins(&lines, &[false; 6], true);
        assert_eq!(
            joins,
            [
                Join::Break,
                Join::Space,
                Join::Space,
                Join::Break,
                Join::Break,
                Join::Break
            ]
        );
        assert_eq!(
            decide_joins(
                &[
                    "Pour plus d’informations, veuillez",
                    "contacter:",
                    "Dolores"
                ],
                &[false, false],
                true
            ),
            [Join::Space, Join::Break]
        );
    }

    #[test]
    fn the_contact_opener_opens_a_paragraph() {
        assert_eq!(
            join_wrapped(
                "des Nations Unies sur la coopération Sud-Sud : https://www.unsouthsouth.org/bapa40",
                "Pour plus d’informations, veuillez contacter l’OIM Argentine :", 80, false),
            Join::Break
        );
    }

    #[test]
    fn a_label_after_a_comma_goes_on_the_same_contact_line() {
        assert_eq!(
            join_wrapped(
                "contacter Ioana Popp, siège de l’OIM,",
                "Email: ipopp@iom.int, ou",
                72,
                false
            ),
            Join::Space
        );
        assert_eq!(
            join_wrapped("participants", "-, 193 Etats membres", 60, false),
            Join::Space
        );
    }

    #[test]
    fn a_long_url_line_does_not_widen_the_wrap() {
        let lines = [
            "Les ministres de 24 pays à fort taux d’émigration",
            "ont signé cette semaine a Lima une déclaration",
            "soulignant la nécessité de renforcer la coopération",
            "des Nations",
            "Unies en matière de politique migratoire et de la",
            "législation : https://www.example.org/un/tres/long/chemin/vers/une/page/qui/ne/finit/pas/avant/longtemps/du/tout.html",
            "Fin.",
        ];
        // Median 49: the URL line (over 73) is ignored, the longest other line is 51.
        assert_eq!(wrap_width(&lines), 51);
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
