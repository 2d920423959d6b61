//! Line ends, HTML tags, link debris and character references.
//!
//! Only real markup is touched: a `<…>` is a tag only when its name is a known HTML element, so
//! `a < b` or `<y and z>` in running text stay as they are.

use super::offsets::{Builder, Mapped};
use std::sync::OnceLock;

/// What the markup step removed: the original byte offset and the removed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarkupRemoval {
    pub orig: usize,
    pub text: String,
}

/// `\r\n` and a lone `\r` become `\n` (the `\n` of a CRLF is copied, a lone CR is replaced).
pub(crate) fn normalize_line_ends(src: &Mapped) -> Mapped {
    let text = &src.text;
    if !text.contains('\r') {
        return src.clone();
    }
    let bytes = text.as_bytes();
    let mut b = Builder::with_capacity(text.len());
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' {
            b.copy(src, run..i);
            if bytes.get(i + 1) == Some(&b'\n') {
                run = i + 1; // keep the LF of the CRLF
            } else {
                b.synth("\n", src, i..i + 1);
                run = i + 1;
            }
        }
        i += 1;
    }
    b.copy(src, run..bytes.len());
    b.finish()
}

/// HTML elements whose tags are removed; the block ones also end the line.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "img", "ins", "del", "mark", "q",
    "s", "small", "span", "strong", "sub", "sup", "time", "u",
];
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];
/// Elements whose whole content is dropped with them.
const HIDDEN_TAGS: &[&str] = &["script", "style"];

/// The anchored patterns tried where a `<`, `"` or `&` is found.
struct Patterns {
    /// A tag: `<name …>`, `</name>`, `<name/>`.
    tag: regex::Regex,
    /// Link debris: the tail of an `<a>` whose `<a href=` was lost, e.g.
    /// `"mailto:x@y" target="_blank" title="">` before the visible text (a lost `href=` /
    /// `a href=` before it is taken too, see `debris_start`).
    debris: regex::Regex,
    /// A character reference.
    entity: regex::Regex,
    /// The end of a `<script>` or `<style>` element.
    hidden_end: regex::Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |p: &str| regex::Regex::new(p).expect("markup pattern is valid");
        Patterns {
            tag: re(r"^</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"),
            debris: re(
                r#"^"(?i:mailto:|https?://|www\.)[^"<>]*"(?:\s*[A-Za-z_:-]+\s*=\s*"[^"<>]*")*\s*>"#,
            ),
            entity: re(r"^&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
            hidden_end: re(r"(?i)</(?:script|style)\s*>"),
        }
    })
}

/// A forward search whose answer is remembered, so that many openers without a closer cost one
/// scan in all (linear time on any input).
#[derive(Default)]
struct CachedFind {
    /// The last answer: searched from `from`, found at `found` (`None`: nothing after `from`).
    last: Option<(usize, Option<(usize, usize)>)>,
}

impl CachedFind {
    fn find(
        &mut self,
        from: usize,
        search: impl FnOnce(usize) -> Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        if let Some((searched_from, found)) = self.last {
            if searched_from <= from {
                match found {
                    None => return None,
                    Some((s, e)) if s >= from => return Some((s, e)),
                    _ => {}
                }
            }
        }
        let found = search(from);
        self.last = Some((from, found));
        found
    }
}

/// The element name of a tag match (`<a href…>` → `a`, `</P>` → `p`).
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Where link debris that starts with a quote at `quote` really starts: a lost `href=` or
/// `a href=` right before the quote belongs to it. Never before `floor`.
fn debris_start(text: &str, quote: usize, floor: usize) -> usize {
    let t = text[floor..quote].trim_end();
    let Some(t) = t.strip_suffix('=') else {
        return quote;
    };
    let t = t.trim_end();
    let n = t.len();
    if n < 4 || !t.is_char_boundary(n - 4) || !t[n - 4..].eq_ignore_ascii_case("href") {
        return quote;
    }
    let t = &t[..n - 4];
    if t.chars().last().is_some_and(char::is_alphanumeric) {
        return quote; // part of a longer word
    }
    let mut start = t.len();
    // The element name, separated by white space: "a href=".
    let u = t.trim_end();
    if u.len() < t.len() {
        if let Some(rest) = u.strip_suffix(['a', 'A']) {
            if !rest.chars().last().is_some_and(char::is_alphanumeric) {
                start = rest.len();
            }
        }
    }
    floor + start
}

/// Removes tags, comments and link debris and decodes character references.
///
/// Block tags (`<p>`, `<br>`, `<li>`…) become a line break; inline tags vanish; `<script>` and
/// `<style>` go with their content. Unknown entity names and out-of-range numbers are kept
/// verbatim. Linear: plain text is skipped by a byte scan, and every pattern is anchored.
pub(crate) fn strip_markup(src: &Mapped) -> (Mapped, Vec<MarkupRemoval>) {
    let text = src.text.as_str();
    let bytes = text.as_bytes();
    let mut removed = Vec::new();
    if !bytes.iter().any(|&b| matches!(b, b'<' | b'"' | b'&')) {
        return (src.clone(), removed);
    }
    let pats = patterns();
    let mut comment_end = CachedFind::default();
    let mut hidden_end = CachedFind::default();
    let mut b = Builder::with_capacity(text.len());
    let mut last = 0;
    let mut pos = 0;
    while let Some(off) = bytes[pos..]
        .iter()
        .position(|&c| matches!(c, b'<' | b'"' | b'&'))
    {
        let p = pos + off;
        pos = p + 1;
        let rest = &text[p..];
        // (span to remove or replace, replacement; `None` replacement = decoded entity)
        let (range, replacement): (std::ops::Range<usize>, &str) = match bytes[p] {
            b'&' => {
                let Some(m) = pats.entity.find(rest) else {
                    continue;
                };
                let Some(c) = decode_entity(m.as_str()) else {
                    continue;
                };
                // Decoded text is not a removal: synthesize and go on.
                b.copy(src, last..p);
                let mut buf = [0u8; 4];
                b.synth(c.encode_utf8(&mut buf), src, p..p + m.end());
                last = p + m.end();
                pos = last;
                continue;
            }
            b'"' => {
                let Some(m) = pats.debris.find(rest) else {
                    continue;
                };
                (debris_start(text, p, last)..p + m.end(), "")
            }
            _ if rest.starts_with("<!--") => {
                let close = comment_end.find(p + 4, |from| {
                    text[from..].find("-->").map(|i| (from + i, from + i + 3))
                });
                let Some((_, e)) = close else { continue };
                (p..e, "")
            }
            _ => {
                let Some(m) = pats.tag.find(rest) else {
                    continue;
                };
                let name = tag_name(m.as_str());
                let end = p + m.end();
                if HIDDEN_TAGS.contains(&name.as_str()) && !m.as_str().starts_with("</") {
                    let close = hidden_end.find(end, |from| {
                        pats.hidden_end
                            .find(&text[from..])
                            .map(|c| (from + c.start(), from + c.end()))
                    });
                    (p..close.map_or(end, |(_, e)| e), "")
                } else if BLOCK_TAGS.contains(&name.as_str()) {
                    (p..end, "\n")
                } else if INLINE_TAGS.contains(&name.as_str())
                    || HIDDEN_TAGS.contains(&name.as_str())
                {
                    (p..end, "")
                } else {
                    continue;
                }
            }
        };
        b.copy(src, last..range.start);
        if !replacement.is_empty() {
            b.synth(replacement, src, range.clone());
        }
        removed.push(MarkupRemoval {
            orig: src.orig_offset(range.start),
            text: text[range.clone()].to_string(),
        });
        last = range.end;
        pos = last;
    }
    b.copy(src, last..text.len());
    (b.finish(), removed)
}

/// Named character references trame decodes, sorted by name for binary search.
///
/// A modest table: the markup of the releases uses the French letters, quotes, dashes and spaces.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("AElig", 'Æ'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Ccedil", 'Ç'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Euml", 'Ë'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("OElig", 'Œ'),
    ("Ocirc", 'Ô'),
    ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'),
    ("Uuml", 'Ü'),
    ("Yuml", 'Ÿ'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("amp", '&'),
    ("apos", '\''),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("bdquo", '„'),
    ("bull", '•'),
    ("ccedil", 'ç'),
    ("cent", '¢'),
    ("copy", '©'),
    ("deg", '°'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("euml", 'ë'),
    ("euro", '€'),
    ("gt", '>'),
    ("hellip", '…'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("iuml", 'ï'),
    ("laquo", '«'),
    ("ldquo", '“'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("mdash", '—'),
    ("middot", '·'),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("oelig", 'œ'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("pound", '£'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("sect", '§'),
    ("shy", '\u{ad}'),
    ("thinsp", '\u{2009}'),
    ("times", '×'),
    ("trade", '™'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uuml", 'ü'),
    ("yuml", 'ÿ'),
];

/// Decodes `&name;`, `&#123;` or `&#x7B;`; `None` for unknown names and for numbers that are not
/// a usable character (NUL, surrogates, controls other than tab and line feed).
pub(crate) fn decode_entity(entity: &str) -> Option<char> {
    let body = entity.strip_prefix('&')?.strip_suffix(';')?;
    if let Some(num) = body.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = char::from_u32(value)?;
        if c.is_control() && c != '\t' && c != '\n' {
            return None;
        }
        return Some(c);
    }
    NAMED_ENTITIES
        .binary_search_by(|(name, _)| name.cmp(&body))
        .ok()
        .map(|i| NAMED_ENTITIES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        strip_markup(&Mapped::identity(s)).0.text
    }

    #[test]
    fn entity_table_is_sorted() {
        assert!(NAMED_ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        let m = normalize_line_ends(&Mapped::identity("a\r\nb\rc\n"));
        assert_eq!(m.text, "a\nb\nc\n");
        assert_eq!(m.orig_offset(1), 2); // the copied LF of the CRLF
        assert_eq!(m.orig_offset(3), 4); // the lone CR
        assert_eq!(m.orig_offset(4), 5);
    }

    #[test]
    fn anchor_tags_keep_their_text() {
        assert_eq!(
            strip(r#"Voir <a href="https://www.iom.int">le site</a>."#),
            "Voir le site."
        );
    }

    #[test]
    fn br_and_p_become_line_breaks() {
        assert_eq!(
            strip("un<br>deux<br/>trois<p>quatre</p>"),
            "un\ndeux\ntrois\nquatre\n"
        );
    }

    #[test]
    fn mailto_debris_becomes_the_visible_address() {
        assert_eq!(
            strip("E-mail:\n\"mailto:dcortes@iom.int\" target=\"_blank\" title=\n\"\">dcortes@iom.int"),
            "E-mail:\ndcortes@iom.int"
        );
    }

    #[test]
    fn href_debris_is_removed() {
        assert_eq!(
            strip(r#"ici href="https://x.org/a" target="_blank">le rapport"#),
            "ici le rapport"
        );
    }

    #[test]
    fn debris_with_the_element_name_is_removed() {
        assert_eq!(
            strip("E-mail: a href=\"mailto:x@iom.int\">x@iom.int"),
            "E-mail: x@iom.int"
        );
        // The French verb "a" before a plain word stays.
        assert_eq!(strip("il a dit"), "il a dit");
    }

    #[test]
    fn debris_start_takes_a_lost_href() {
        let t = "x a href=\"m";
        assert_eq!(debris_start(t, 9, 0), 2);
        let t = "x href = \"m";
        assert_eq!(debris_start(t, 9, 0), 2);
        let t = "x xhref=\"m";
        assert_eq!(debris_start(t, 8, 0), 8);
        let t = "voila href=\"m";
        assert_eq!(debris_start(t, 11, 0), 6);
        let t = "x a href=\"m";
        assert_eq!(debris_start(t, 9, 5), 9); // `last` cuts into `href`: no extension
        assert_eq!(debris_start("ab\"", 2, 0), 2);
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            strip("R&amp;D&nbsp;: l&#8217;OIM &eacute;t&eacute; &#x2019; &laquo;x&raquo;"),
            "R&D\u{a0}: l’OIM été ’ «x»"
        );
    }

    #[test]
    fn unknown_entities_and_bad_numbers_stay() {
        assert_eq!(
            strip("&bogus; &#0; &#xD800; & seul"),
            "&bogus; &#0; &#xD800; & seul"
        );
    }

    #[test]
    fn comparisons_are_not_markup() {
        assert_eq!(strip("a < b et c > d"), "a < b et c > d");
        assert_eq!(strip("x<y and z>w"), "x<y and z>w");
        assert_eq!(strip("3<5 > 2"), "3<5 > 2");
    }

    #[test]
    fn unclosed_comments_and_scripts_are_left_or_cut_to_the_tag() {
        assert_eq!(strip("a <!-- b <!-- c"), "a <!-- b <!-- c");
        assert_eq!(strip("a<script>x = 1;"), "ax = 1;");
        assert_eq!(strip("<!-- x --> y <!-- z"), " y <!-- z");
    }

    #[test]
    fn comments_and_scripts_vanish() {
        assert_eq!(
            strip("a<!-- x\ny -->b<script>var x = 1 < 2;</script>c"),
            "abc"
        );
    }

    #[test]
    fn removals_are_reported_with_original_offsets() {
        let (_, removed) = strip_markup(&Mapped::identity("ab<b>c</b>"));
        assert_eq!(
            removed,
            vec![
                MarkupRemoval {
                    orig: 2,
                    text: "<b>".into()
                },
                MarkupRemoval {
                    orig: 6,
                    text: "</b>".into()
                }
            ]
        );
    }
}
