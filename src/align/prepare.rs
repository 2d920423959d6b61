//! From files to sentence lists: cleaning + segmentation of raw releases (or one sentence per
//! line), the `--dict` word list, and pairing of two folders by file name.

use crate::clean::{clean_document, CleanOptions};
use crate::error::{Error, Position, Result};
use crate::segment::Segmenter;

/// The sentences of a document: cleaned and segmented with the built-in rules for `lang`, or,
/// when `presegmented`, its non-blank lines (trimmed).
pub fn sentences(text: &str, lang: &str, presegmented: bool) -> Result<Vec<String>> {
    if presegmented {
        return Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect());
    }
    let (clean, _report) = clean_document(text, &CleanOptions::default());
    let seg = Segmenter::builtin(lang)?;
    Ok(seg
        .segment_clean(&clean)
        .into_iter()
        .map(|s| s.text)
        .collect())
}

/// Reads a bilingual word list: `french<TAB>english` per line; blank lines and lines starting
/// with `#` are skipped. A line without a tab is an error naming the line.
pub fn read_dictionary(path: &str, text: &str) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let l = line.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        match l.split_once('\t') {
            Some((f, e)) if !f.trim().is_empty() && !e.trim().is_empty() => {
                out.push((f.trim().to_string(), e.trim().to_string()))
            }
            _ => {
                return Err(Error::Syntax {
                    path: path.to_string(),
                    pos: Position {
                        line: n + 1,
                        column: 1,
                    },
                    message: "expected `french<TAB>english`".into(),
                })
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presegmented_lines() {
        assert_eq!(sentences("a\n\n b \n", "fr", true).unwrap(), vec!["a", "b"]);
    }

    #[test]
    fn dictionary_lines() {
        let d = read_dictionary("d", "# c\nmaison\thouse\n\nchat\tcat\n").unwrap();
        assert_eq!(
            d,
            vec![
                ("maison".into(), "house".into()),
                ("chat".into(), "cat".into())
            ]
        );
        assert_eq!(
            read_dictionary("d", "maison house\n")
                .unwrap_err()
                .to_string(),
            "d:1:1: expected `french<TAB>english`"
        );
    }
}
