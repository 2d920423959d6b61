//! Translation of `java.util.regex` patterns (the dialect of SRX files) into the syntax of
//! `fancy-regex` / `regex`.
//!
//! SRX 2.0 says rule patterns follow ICU/Java regular expressions, and the public rule files
//! (LanguageTool, Okapi) rely on Java-only constructs. This module rewrites them one construct at a
//! time so that the meaning is kept:
//!
//! | Java | Rust |
//! |---|---|
//! | `\uXXXX` (surrogate pairs joined) | `\x{XXXX}` |
//! | `\h`, `\H` (horizontal whitespace) | explicit class (Rust has no `\h`) |
//! | `\v`, `\V` (vertical whitespace) | explicit class (Rust's `\v` is only U+000B) |
//! | `\R` (any line break) | `(?:\r\n\|[\n\x0B\f\r\x{85}\x{2028}\x{2029}])` |
//! | `\d \s \w` and `\D \S \W` (ASCII in Java unless `(?U)`) | ASCII classes |
//! | `\p{IsAlphabetic}`, `\p{IsLu}`, `\p{IsLatin}`, `\p{javaLowerCase}`… | Unicode properties |
//! | `\p{Lower}`, `\p{Alpha}`, `\p{Punct}`… (POSIX, ASCII in Java) | ASCII classes |
//! | `(?iu)`, `(?u)`, `(?d)`, `(?U)` inline flags | `(?i)`; `u`, `d`, `U` are dropped (see below) |
//! | possessive `X*+`, `X++`, `X?+`, `X{n,m}+` | atomic group `(?>X*)`… |
//! | `\Q…\E` | escaped literal |
//! | `.` (no line terminator) | `[^\n\r\x{85}\x{2028}\x{2029}]` unless `(?s)` |
//! | `\Z` | `(?=\n?\z)` |
//! | `[a-z&&[^aeiou]]` (intersection), nested classes | kept: Rust has the same syntax |
//! | `\<`, `\'`, `\"`… (escaped punctuation) | the literal character, escaped if meta |
//! | look-ahead, look-behind, back-references, atomic groups | kept (`fancy-regex`) |
//!
//! Not supported (a clear [`Unsupported`] error names the construct): `\G`, `\X`, `\N{…}`, `\p{InBlock}`
//! (Unicode blocks), `\b{g}`, `\R` inside a class, and the `(?c)`-style flags Java does not have.
//!
//! Known approximations, documented rather than hidden: Java's `(?i)` without `u` folds only ASCII
//! letters, Rust's `(?i)` always folds Unicode (it is wider, never narrower); Java's `\b` is used as
//! Rust's Unicode `\b`; `(?U)` (UNICODE_CHARACTER_CLASS) switches `\w \d \s` and POSIX classes to
//! their Unicode meaning for the rest of the pattern.

use std::fmt;

/// A Java construct that has no faithful translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// Character offset of the construct in the Java pattern.
    pub offset: usize,
    /// What the construct is and why it is refused.
    pub message: String,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.offset)
    }
}

impl std::error::Error for Unsupported {}

const H_CLASS: &str = r"[\t \x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]";
const NOT_H_CLASS: &str = r"[^\t \x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]";
const V_CLASS: &str = r"[\n\x0B\f\r\x{85}\x{2028}\x{2029}]";
const NOT_V_CLASS: &str = r"[^\n\x0B\f\r\x{85}\x{2028}\x{2029}]";
const DOT_CLASS: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";

/// Translates one Java regex into `fancy-regex` syntax.
pub fn translate(java: &str) -> Result<String, Unsupported> {
    Translator::new(java).run()
}

struct Translator {
    chars: Vec<char>,
    i: usize,
    out: String,
    /// Output offsets of the open groups.
    groups: Vec<usize>,
    /// Output offset where the last quantifiable atom starts.
    last_atom: Option<usize>,
    /// `(?U)` seen: `\w \d \s` and POSIX classes are Unicode.
    unicode_classes: bool,
    /// `(?s)` seen: `.` matches line terminators.
    dotall: bool,
}

impl Translator {
    fn new(java: &str) -> Self {
        Translator {
            chars: java.chars().collect(),
            i: 0,
            out: String::with_capacity(java.len() + 16),
            groups: Vec::new(),
            last_atom: None,
            unicode_classes: false,
            dotall: false,
        }
    }

    fn err<T>(&self, offset: usize, message: impl Into<String>) -> Result<T, Unsupported> {
        Err(Unsupported {
            offset,
            message: message.into(),
        })
    }

    fn peek(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }

    fn run(mut self) -> Result<String, Unsupported> {
        while let Some(c) = self.peek(0) {
            match c {
                '\\' => {
                    let start = self.out.len();
                    let atom = self.escape(false)?;
                    if let Some(atom) = atom {
                        self.out.push_str(&atom);
                        self.last_atom = Some(start);
                    }
                }
                '[' => {
                    let start = self.out.len();
                    let class = self.class()?;
                    self.out.push_str(&class);
                    self.last_atom = Some(start);
                }
                '(' => self.open_group()?,
                ')' => {
                    self.i += 1;
                    self.out.push(')');
                    self.last_atom = self.groups.pop();
                }
                '*' | '+' | '?' | '{' => self.quantifier()?,
                '.' => {
                    self.i += 1;
                    self.last_atom = Some(self.out.len());
                    if self.dotall {
                        self.out.push('.');
                    } else {
                        self.out.push_str(DOT_CLASS);
                    }
                }
                '^' | '$' | '|' => {
                    self.i += 1;
                    self.out.push(c);
                    self.last_atom = None;
                }
                _ => {
                    self.i += 1;
                    self.last_atom = Some(self.out.len());
                    self.out.push(c);
                }
            }
        }
        Ok(self.out)
    }

    /// `(`, `(?:`, look-around, named groups, inline flags.
    fn open_group(&mut self) -> Result<(), Unsupported> {
        let at = self.i;
        self.i += 1;
        if self.peek(0) != Some('?') {
            self.groups.push(self.out.len());
            self.out.push('(');
            self.last_atom = None;
            return Ok(());
        }
        let rest: String = self.chars[self.i..].iter().take(4).collect();
        for prefix in ["?:", "?=", "?!", "?<=", "?<!", "?>"] {
            if rest.starts_with(prefix) {
                self.i += prefix.chars().count();
                self.groups.push(self.out.len());
                self.out.push('(');
                self.out.push_str(prefix);
                self.last_atom = None;
                return Ok(());
            }
        }
        if rest.starts_with("?<") {
            // Named group `(?<name>`.
            self.i += 2;
            let mut name = String::new();
            while let Some(c) = self.peek(0) {
                self.i += 1;
                if c == '>' {
                    self.groups.push(self.out.len());
                    self.out.push_str("(?P<");
                    self.out.push_str(&name);
                    self.out.push('>');
                    self.last_atom = None;
                    return Ok(());
                }
                name.push(c);
            }
            return self.err(at, "unterminated group name `(?<`");
        }
        // Inline flags: `(?idmsuxU-idmsuxU)` or `(?flags:…)`.
        self.i += 1;
        let mut kept = String::new();
        let mut negative = false;
        loop {
            let Some(c) = self.peek(0) else {
                return self.err(at, "unterminated inline flag group");
            };
            self.i += 1;
            match c {
                'i' | 'm' | 's' | 'x' => {
                    if c == 's' {
                        self.dotall = !negative;
                    }
                    kept.push(c);
                }
                '-' => {
                    negative = true;
                    kept.push('-');
                }
                // UNICODE_CASE: Rust's case folding is already Unicode.
                'u' => {}
                // UNIX_LINES: only `\n` is a line terminator; our texts never hold `\r` in a line.
                'd' => {}
                // UNICODE_CHARACTER_CLASS.
                'U' => self.unicode_classes = !negative,
                ')' => {
                    let kept = kept.trim_end_matches('-');
                    if !kept.is_empty() {
                        self.out.push_str("(?");
                        self.out.push_str(kept);
                        self.out.push(')');
                    }
                    self.last_atom = None;
                    return Ok(());
                }
                ':' => {
                    let kept = kept.trim_end_matches('-');
                    self.groups.push(self.out.len());
                    self.out.push_str("(?");
                    self.out.push_str(kept);
                    self.out.push(':');
                    self.last_atom = None;
                    return Ok(());
                }
                other => {
                    return self.err(at, format!("unknown inline flag `{other}` in `(?…)`"));
                }
            }
        }
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, with a lazy `?` or possessive `+` suffix.
    fn quantifier(&mut self) -> Result<(), Unsupported> {
        let at = self.i;
        let mut quant = String::new();
        let c = self.chars[self.i];
        if c == '{' {
            let mut j = self.i + 1;
            let mut body = String::new();
            while let Some(&d) = self.chars.get(j) {
                if d == '}' {
                    break;
                }
                body.push(d);
                j += 1;
            }
            let valid = self.chars.get(j) == Some(&'}')
                && !body.is_empty()
                && body.chars().all(|d| d.is_ascii_digit() || d == ',')
                && body.chars().next().is_some_and(|d| d.is_ascii_digit())
                && body.matches(',').count() <= 1;
            if !valid {
                return self.err(at, "`{` is not a valid repetition (escape it as `\\{`)");
            }
            quant.push('{');
            quant.push_str(&body);
            quant.push('}');
            self.i = j + 1;
        } else {
            quant.push(c);
            self.i += 1;
        }
        let Some(atom) = self.last_atom else {
            return self.err(at, format!("quantifier `{quant}` has nothing to repeat"));
        };
        match self.peek(0) {
            Some('?') => {
                self.i += 1;
                self.out.push_str(&quant);
                self.out.push('?');
            }
            Some('+') => {
                // Possessive: an atomic group around the quantified atom.
                self.i += 1;
                self.out.insert_str(atom, "(?>");
                self.out.push_str(&quant);
                self.out.push(')');
            }
            _ => self.out.push_str(&quant),
        }
        // The quantified expression may itself be a repeated atom only through a group.
        self.last_atom = None;
        Ok(())
    }

    /// A bracket class; nested classes and `&&` keep their Java meaning, which Rust shares.
    fn class(&mut self) -> Result<String, Unsupported> {
        let at = self.i;
        self.i += 1; // '['
        let mut out = String::from("[");
        if self.peek(0) == Some('^') {
            self.i += 1;
            out.push('^');
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek(0) else {
                return self.err(at, "unterminated character class `[`");
            };
            match c {
                ']' if !first => {
                    self.i += 1;
                    out.push(']');
                    return Ok(out);
                }
                ']' => {
                    // Java treats `]` right after `[` as the end of an empty class (an error);
                    // accept it as a literal like most dialects.
                    self.i += 1;
                    out.push_str(r"\]");
                }
                '[' => {
                    let inner = self.class()?;
                    out.push_str(&inner);
                }
                '\\' => {
                    if let Some(atom) = self.escape(true)? {
                        out.push_str(&atom);
                    }
                }
                '&' => {
                    if self.peek(1) == Some('&') {
                        self.i += 2;
                        out.push_str("&&");
                    } else {
                        self.i += 1;
                        out.push_str(r"\&");
                    }
                }
                '-' => {
                    self.i += 1;
                    let next = self.peek(0);
                    if first || next == Some(']') || next == Some('-') || out.ends_with("&&") {
                        out.push_str(r"\-");
                    } else {
                        out.push('-');
                    }
                }
                '~' => {
                    self.i += 1;
                    out.push_str(r"\~");
                }
                _ => {
                    self.i += 1;
                    out.push(c);
                }
            }
            first = false;
        }
    }

    /// An escape sequence starting at `\`. Returns the translation (`None` for `\Q\E` with nothing
    /// inside, or `\E` alone).
    fn escape(&mut self, in_class: bool) -> Result<Option<String>, Unsupported> {
        let at = self.i;
        self.i += 1;
        let Some(c) = self.peek(0) else {
            return self.err(at, "pattern ends with a lone backslash");
        };
        self.i += 1;
        let ascii = !self.unicode_classes;
        let s = match c {
            'u' => {
                let cp = self.hex4(at)?;
                let cp = if (0xD800..0xDC00).contains(&cp)
                    && self.peek(0) == Some('\\')
                    && self.peek(1) == Some('u')
                {
                    let save = self.i;
                    self.i += 2;
                    let low = self.hex4(at)?;
                    if (0xDC00..0xE000).contains(&low) {
                        0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        self.i = save;
                        cp
                    }
                } else {
                    cp
                };
                if (0xD800..0xE000).contains(&cp) {
                    return self.err(at, format!("lone surrogate \\u{cp:04X}"));
                }
                format!(r"\x{{{cp:X}}}")
            }
            'x' => {
                if self.peek(0) == Some('{') {
                    let mut hex = String::new();
                    self.i += 1;
                    while let Some(d) = self.peek(0) {
                        self.i += 1;
                        if d == '}' {
                            break;
                        }
                        hex.push(d);
                    }
                    format!(r"\x{{{hex}}}")
                } else {
                    let a = self.peek(0).unwrap_or(' ');
                    let b = self.peek(1).unwrap_or(' ');
                    if !a.is_ascii_hexdigit() || !b.is_ascii_hexdigit() {
                        return self.err(at, "`\\x` needs two hexadecimal digits");
                    }
                    self.i += 2;
                    format!(r"\x{a}{b}")
                }
            }
            '0' => {
                let mut value = 0u32;
                let mut n = 0;
                while let Some(d) = self.peek(0).and_then(|d| d.to_digit(8)) {
                    if n == 3 || value * 8 + d > 0o377 {
                        break;
                    }
                    value = value * 8 + d;
                    n += 1;
                    self.i += 1;
                }
                if n == 0 {
                    return self.err(at, "`\\0` needs an octal value");
                }
                format!(r"\x{{{value:X}}}")
            }
            't' | 'n' | 'r' | 'f' => format!("\\{c}"),
            'a' => r"\x07".into(),
            'e' => r"\x1B".into(),
            'c' => {
                let Some(ctl) = self.peek(0) else {
                    return self.err(at, "`\\c` needs a control letter");
                };
                self.i += 1;
                format!(r"\x{{{:X}}}", (ctl as u32) ^ 64)
            }
            'd' if ascii => bracket(in_class, "0-9", false),
            'D' if ascii => bracket(in_class, "0-9", true),
            's' if ascii => bracket(in_class, r"\t\n\x0B\f\r ", false),
            'S' if ascii => bracket(in_class, r"\t\n\x0B\f\r ", true),
            'w' if ascii => bracket(in_class, "a-zA-Z0-9_", false),
            'W' if ascii => bracket(in_class, "a-zA-Z0-9_", true),
            'd' | 'D' | 's' | 'S' | 'w' | 'W' => format!("\\{c}"),
            'h' => H_CLASS.into(),
            'H' => NOT_H_CLASS.into(),
            'v' => V_CLASS.into(),
            'V' => NOT_V_CLASS.into(),
            'R' if in_class => return self.err(at, "`\\R` is not allowed inside a class"),
            'R' => format!(r"(?:\r\n|{V_CLASS})"),
            'b' | 'B' | 'A' | 'z' if !in_class => {
                if c == 'b' && self.peek(0) == Some('{') {
                    return self.err(at, "`\\b{…}` boundaries are not supported");
                }
                format!("\\{c}")
            }
            'Z' if !in_class => r"(?=\n?\z)".into(),
            'G' => return self.err(at, "`\\G` (end of previous match) is not supported"),
            'X' => return self.err(at, "`\\X` (grapheme cluster) is not supported"),
            'N' => return self.err(at, "`\\N{…}` (named character) is not supported"),
            'k' if !in_class => {
                // Named back-reference `\k<name>`: fancy-regex has the same syntax.
                let mut s = String::from(r"\k");
                while let Some(d) = self.peek(0) {
                    self.i += 1;
                    s.push(d);
                    if d == '>' {
                        break;
                    }
                }
                s
            }
            '1'..='9' if !in_class => format!("\\{c}"),
            'p' | 'P' => self.property(at, c == 'P', in_class)?,
            'Q' => {
                let mut lit = String::new();
                while let Some(d) = self.peek(0) {
                    if d == '\\' && self.peek(1) == Some('E') {
                        self.i += 2;
                        break;
                    }
                    self.i += 1;
                    lit.push(d);
                }
                if lit.is_empty() {
                    return Ok(None);
                }
                let mut s = String::new();
                for ch in lit.chars() {
                    push_literal(&mut s, ch);
                }
                if in_class || lit.chars().count() == 1 {
                    s
                } else {
                    format!("(?:{s})")
                }
            }
            'E' => return Ok(None),
            c if c.is_ascii_alphanumeric() => {
                return self.err(at, format!("unknown escape `\\{c}`"));
            }
            c => {
                let mut s = String::new();
                push_literal(&mut s, c);
                s
            }
        };
        Ok(Some(s))
    }

    fn hex4(&mut self, at: usize) -> Result<u32, Unsupported> {
        let mut value = 0u32;
        for _ in 0..4 {
            let Some(d) = self.peek(0).and_then(|d| d.to_digit(16)) else {
                return self.err(at, "`\\u` needs four hexadecimal digits");
            };
            value = value * 16 + d;
            self.i += 1;
        }
        Ok(value)
    }

    /// `\p{…}` / `\P{…}` / `\pL`.
    fn property(
        &mut self,
        at: usize,
        negated: bool,
        in_class: bool,
    ) -> Result<String, Unsupported> {
        let name: String = if self.peek(0) == Some('{') {
            self.i += 1;
            let mut name = String::new();
            loop {
                let Some(d) = self.peek(0) else {
                    return self.err(at, "unterminated `\\p{`");
                };
                self.i += 1;
                if d == '}' {
                    break;
                }
                name.push(d);
            }
            name
        } else {
            let Some(d) = self.peek(0) else {
                return self.err(at, "`\\p` needs a property name");
            };
            self.i += 1;
            d.to_string()
        };
        let ascii = !self.unicode_classes;
        let posix = |set: &str, uni: &str| -> String {
            if ascii {
                bracket(in_class, set, negated)
            } else {
                bracket(in_class, uni, negated)
            }
        };
        let prop = |p: &str| -> String {
            if negated {
                format!(r"\P{{{p}}}")
            } else {
                format!(r"\p{{{p}}}")
            }
        };
        let s = match name.as_str() {
            "Lower" => posix("a-z", r"\p{Lowercase}"),
            "Upper" => posix("A-Z", r"\p{Uppercase}"),
            "ASCII" => bracket(in_class, r"\x00-\x7F", negated),
            "Alpha" => posix("a-zA-Z", r"\p{Alphabetic}"),
            "Digit" => posix("0-9", r"\p{Nd}"),
            "Alnum" => posix("a-zA-Z0-9", r"\p{Alphabetic}\p{Nd}"),
            "Punct" => posix(r##"!-/:-@\[-`{-\~"##, r"\p{P}"),
            "Graph" => posix(r"\x21-\x7E", r"^\p{White_Space}\p{Cc}\p{Cs}\p{Cn}"),
            "Print" => posix(r"\x20-\x7E", r"^\p{Cc}\p{Cs}\p{Cn}"),
            "Blank" => posix(r" \t", r"\p{Zs}\t"),
            "Cntrl" => posix(r"\x00-\x1F\x7F", r"\p{Cc}"),
            "XDigit" => posix("0-9a-fA-F", r"\p{Nd}\p{Hex_Digit}"),
            "Space" => posix(r"\t\n\x0B\f\r ", r"\p{White_Space}"),
            "javaLowerCase" => prop("Lowercase"),
            "javaUpperCase" => prop("Uppercase"),
            "javaAlphabetic" => prop("Alphabetic"),
            "javaLetter" => prop("L"),
            "javaDigit" => prop("Nd"),
            "javaTitleCase" => prop("Lt"),
            "javaIdeographic" => prop("Ideographic"),
            "javaSpaceChar" => prop("Z"),
            "javaLetterOrDigit" => bracket(in_class, r"\p{L}\p{Nd}", negated),
            "javaWhitespace" => bracket(
                in_class,
                r"\t\n\x0B\f\r\x1C-\x1F\p{Zs}\p{Zl}\p{Zp}&&[^\x{A0}\x{2007}\x{202F}]",
                negated,
            ),
            n if n.starts_with("java") => {
                return self.err(at, format!("unsupported Java property `\\p{{{n}}}`"));
            }
            n if n.starts_with("In") || n.starts_with("blk=") || n.starts_with("block=") => {
                return self.err(
                    at,
                    format!(
                        "Unicode blocks (`\\p{{{n}}}`) are not supported; use a script or a range"
                    ),
                );
            }
            n => {
                let n = n.strip_prefix("Is").unwrap_or(n);
                let n = n
                    .strip_prefix("general_category=")
                    .map(|v| format!("gc={v}"))
                    .or_else(|| n.strip_prefix("script=").map(|v| format!("sc={v}")))
                    .unwrap_or_else(|| n.to_string());
                // `\p{L1}` is Java's Latin-1 shorthand.
                if n == "L1" {
                    bracket(in_class, r"\x00-\xFF", negated)
                } else if n == "LC" || n == "LD" {
                    bracket(in_class, r"\p{Lu}\p{Ll}\p{Lt}", negated)
                } else {
                    prop(&n)
                }
            }
        };
        Ok(s)
    }
}

/// A bracket class around `body`; inside a class a nested class is fine in Rust's syntax.
fn bracket(_in_class: bool, body: &str, negated: bool) -> String {
    if let Some(rest) = body.strip_prefix('^') {
        // `body` is itself a negated set.
        return if negated {
            format!("[{rest}]")
        } else {
            format!("[^{rest}]")
        };
    }
    if negated {
        format!("[^{body}]")
    } else {
        format!("[{body}]")
    }
}

/// Appends `c` as a literal, escaped if it is a metacharacter in Rust's syntax.
fn push_literal(out: &mut String, c: char) {
    if regex_syntax_is_meta(c) {
        out.push('\\');
    }
    out.push(c);
}

/// Rust regex metacharacters (those that may and sometimes must be escaped).
fn regex_syntax_is_meta(c: char) -> bool {
    matches!(
        c,
        '\\' | '.'
            | '+'
            | '*'
            | '?'
            | '('
            | ')'
            | '|'
            | '['
            | ']'
            | '{'
            | '}'
            | '^'
            | '$'
            | '#'
            | '&'
            | '-'
            | '~'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(java: &str) -> String {
        translate(java).unwrap()
    }

    fn matches(java: &str, text: &str) -> bool {
        let re = fancy_regex::Regex::new(&t(java)).unwrap();
        re.is_match(text).unwrap()
    }

    #[test]
    fn unicode_escape_becomes_braced_hex() {
        assert_eq!(t(r"\u00A0"), r"\x{A0}");
        assert!(matches(r"a\u00BBb", "a»b"));
    }

    #[test]
    fn surrogate_pairs_are_joined() {
        assert_eq!(t(r"\uD83D\uDE00"), r"\x{1F600}");
    }

    #[test]
    fn horizontal_whitespace_class() {
        assert!(matches(r"^a\hb$", "a\u{A0}b"));
        assert!(matches(r"^a\hb$", "a\tb"));
        assert!(!matches(r"^a\hb$", "a\nb"));
        assert!(matches(r"^[\h]$", "\u{202F}"));
        assert!(matches(r"^\H$", "x"));
    }

    #[test]
    fn vertical_whitespace_is_not_only_vt() {
        assert!(matches(r"^\v$", "\n"));
        assert!(matches(r"^\v$", "\u{2029}"));
        assert!(!matches(r"^\v$", " "));
        assert!(matches(r"^\V$", " "));
    }

    #[test]
    fn line_break_escape() {
        assert!(matches(r"^a\Rb$", "a\r\nb"));
        assert!(matches(r"^a\Rb$", "a\nb"));
    }

    #[test]
    fn unicode_properties_pass_or_map() {
        assert!(matches(r"^\p{Lu}$", "É"));
        assert!(!matches(r"^\p{Lu}$", "é"));
        assert!(matches(r"^\p{L}+$", "élan"));
        assert!(matches(r"^\p{IsAlphabetic}$", "ß"));
        assert!(matches(r"^\p{IsLu}$", "Ç"));
        assert!(matches(r"^\p{IsLatin}$", "ø"));
        assert!(matches(r"^\p{javaLowerCase}$", "é"));
        assert!(!matches(r"^\p{javaUpperCase}$", "é"));
        assert!(matches(r"^\P{Lu}$", "a"));
        assert!(matches(r"^\pL$", "a"));
    }

    #[test]
    fn posix_classes_are_ascii() {
        assert!(matches(r"^\p{Lower}$", "a"));
        assert!(!matches(r"^\p{Lower}$", "é"));
        assert!(matches(r"^\p{Punct}$", "!"));
        assert!(matches(r"^\p{Punct}$", "~"));
        assert!(!matches(r"^\p{Punct}$", "«"));
    }

    #[test]
    fn perl_classes_are_ascii_unless_unicode_flag() {
        assert!(!matches(r"^\w$", "é"));
        assert!(matches(r"(?U)^\w$", "é"));
        assert!(!matches(r"^\d$", "٣"));
        assert!(matches(r"^[\w-]+$", "a-b_9"));
    }

    #[test]
    fn inline_unicode_case_flag_is_dropped() {
        assert_eq!(t(r"(?iu)etc"), "(?i)etc");
        assert_eq!(t(r"(?u)x"), "x");
        assert!(matches(r"(?iu)\bétat", "ÉTAT"));
        assert_eq!(t(r"(?iu:ab)"), "(?i:ab)");
    }

    #[test]
    fn possessive_quantifiers_become_atomic_groups() {
        assert_eq!(t(r"a++b"), "(?>a+)b");
        assert_eq!(t(r"[xy]*+"), "(?>[xy]*)");
        assert_eq!(t(r"(ab)?+c"), "(?>(ab)?)c");
        assert_eq!(t(r"a{2,3}+"), "(?>a{2,3})");
        // Possessive never gives back: `a++a` cannot match.
        assert!(!matches(r"^a++a$", "aaa"));
        assert!(matches(r"^a+a$", "aaa"));
    }

    #[test]
    fn lazy_quantifiers_are_kept() {
        assert_eq!(t(r"a*?b"), "a*?b");
    }

    #[test]
    fn class_intersection_keeps_its_meaning() {
        assert!(matches(r"^[a-z&&[^aeiou]]$", "b"));
        assert!(!matches(r"^[a-z&&[^aeiou]]$", "a"));
        assert!(matches(r"^[\p{L}&&[^\p{Lu}]]$", "é"));
    }

    #[test]
    fn quoted_literals() {
        assert_eq!(t(r"\Q.*\E"), r"(?:\.\*)");
        assert!(matches(r"^\Qa.b\E$", "a.b"));
        assert!(!matches(r"^\Qa.b\E$", "axb"));
    }

    #[test]
    fn lookaround_is_kept() {
        assert!(matches(r"(?<=M)\.", "M."));
        assert!(!matches(r"(?<!M)\.", "M."));
        assert!(matches(r"a(?=b)", "ab"));
    }

    #[test]
    fn dot_excludes_java_line_terminators() {
        assert!(!matches(r"^a.b$", "a\rb"));
        assert!(matches(r"(?s)^a.b$", "a\rb"));
    }

    #[test]
    fn escaped_punctuation_is_literal() {
        assert!(matches(r#"^\<\'\"\/$"#, "<'\"/"));
        assert!(matches(r"^[\-\.]$", "-"));
        assert!(matches(r"^[a~]$", "~"));
    }

    #[test]
    fn unsupported_constructs_are_named() {
        assert!(translate(r"\Gabc").unwrap_err().message.contains(r"\G"));
        assert!(translate(r"\p{InGreek}")
            .unwrap_err()
            .message
            .contains("blocks"));
        assert!(translate(r"\q").unwrap_err().message.contains(r"\q"));
        assert!(translate(r"[abc").unwrap_err().message.contains("class"));
    }
}
