//! From files to sentence lists: cleaning + segmentation of raw releases (or one sentence per
//! line), the `--dict` word list, and pairing of two folders by file name.

use crate::clean::{clean_document, CleanOptions};
use crate::error::{Error, Position, Result};
use crate::segment::Segmenter;
use std::path::{Path, PathBuf};

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

/// Files of two folders paired by identical name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    /// (name, source path, target path), sorted by name.
    pub pairs: Vec<(String, PathBuf, PathBuf)>,
    /// Source files without a target file of the same name.
    pub src_only: Vec<PathBuf>,
    /// Target files without a source file of the same name.
    pub tgt_only: Vec<PathBuf>,
}

fn list(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let shown = dir.display().to_string();
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io(&shown, e))?;
    let mut v = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| Error::io(&shown, e))?;
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if name.starts_with('.') || !path.is_file() {
            continue;
        }
        v.push((name, path));
    }
    v.sort();
    Ok(v)
}

/// Pairs the regular, non-hidden files of `src_dir` and `tgt_dir` by file name.
pub fn pair_dirs(src_dir: &Path, tgt_dir: &Path) -> Result<Pairing> {
    let s = list(src_dir)?;
    let t = list(tgt_dir)?;
    let mut p = Pairing::default();
    for (name, path) in &s {
        match t.iter().find(|(n, _)| n == name) {
            Some((_, tp)) => p.pairs.push((name.clone(), path.clone(), tp.clone())),
            None => p.src_only.push(path.clone()),
        }
    }
    for (name, path) in &t {
        if !s.iter().any(|(n, _)| n == name) {
            p.tgt_only.push(path.clone());
        }
    }
    Ok(p)
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

    #[test]
    fn pairs_folders() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        for n in ["x.txt", "y.txt"] {
            std::fs::write(a.path().join(n), "").unwrap();
        }
        for n in ["y.txt", "z.txt"] {
            std::fs::write(b.path().join(n), "").unwrap();
        }
        let p = pair_dirs(a.path(), b.path()).unwrap();
        assert_eq!(p.pairs.len(), 1);
        assert_eq!(p.pairs[0].0, "y.txt");
        assert_eq!(p.src_only, vec![a.path().join("x.txt")]);
        assert_eq!(p.tgt_only, vec![b.path().join("z.txt")]);
    }
}
