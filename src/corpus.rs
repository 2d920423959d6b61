//! The documents of a folder, listed and paired one way for every command (`build`,
//! `align --fr/--en`, `audit --corpus`).
//!
//! A document is a regular, non-hidden file whose name ends in `.txt` (any case), found
//! recursively; its name is its path relative to the folder, with `/` separators. Folders
//! reached twice (a symbolic-link loop) are walked once; a `*.txt` link that cannot be followed
//! is an error naming it. Listings are sorted by name, so every
//! command sees the documents in the same order.
//!
//! ```
//! let fr = tempfile::tempdir().unwrap();
//! let en = tempfile::tempdir().unwrap();
//! std::fs::write(fr.path().join("a.txt"), "Bonjour.").unwrap();
//! std::fs::write(en.path().join("a.txt"), "Hello.").unwrap();
//! std::fs::write(fr.path().join("b.txt"), "Seul.").unwrap();
//! let pairing = trame::corpus::pair(fr.path(), en.path()).unwrap();
//! assert_eq!(pairing.pairs.len(), 1);
//! assert_eq!(pairing.pairs[0].name, "a.txt");
//! assert_eq!(pairing.fr_only, vec![fr.path().join("b.txt")]);
//! ```

use crate::error::{Error, Result};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// One document found in a folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Listed {
    /// Path relative to the listed folder, `/`-separated (the pairing key).
    pub name: String,
    /// The file's path (the folder joined with the relative path).
    pub path: PathBuf,
}

/// Whether `path` names a document by its file name: `*.txt` (any case), not hidden.
pub fn is_document_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.')
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// The documents under `dir`, recursively, sorted by name.
pub fn list(dir: &Path) -> Result<Vec<Listed>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    walk(dir, dir, &mut seen, &mut out)?;
    out.sort();
    Ok(out)
}

fn walk(root: &Path, dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<Listed>) -> Result<()> {
    let shown = dir.display().to_string();
    // A folder reached again through a link is not walked twice (no endless symlink loop).
    let canonical = std::fs::canonicalize(dir).map_err(|e| Error::io(&shown, e))?;
    if !seen.insert(canonical) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(&shown, e))?
        .map(|e| e.map(|e| e.path()).map_err(|e| Error::io(&shown, e)))
        .collect::<Result<_>>()?;
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .map_or(true, |n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // A link that cannot be followed (dangling, or a loop such as `a.txt -> a.txt`) is an
        // error naming it when it looks like a document, never a silent gap in the corpus.
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) if is_document_name(&path) => {
                return Err(Error::io(path.display().to_string(), e))
            }
            Err(_) => continue,
        };
        if meta.is_dir() {
            walk(root, &path, seen, out)?;
        } else if meta.is_file() && is_document_name(&path) {
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(Listed { name, path });
        }
    }
    Ok(())
}

/// A French document paired with its English counterpart by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentPair {
    /// The shared relative name (`2019-03-bapa40.txt`, `2020/lima.txt`).
    pub name: String,
    /// The French file.
    pub fr: PathBuf,
    /// The English file.
    pub en: PathBuf,
}

/// The result of pairing two folders by document name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    /// Pairs in name order.
    pub pairs: Vec<DocumentPair>,
    /// French documents without an English one of the same name.
    pub fr_only: Vec<PathBuf>,
    /// English documents without a French one of the same name.
    pub en_only: Vec<PathBuf>,
}

impl Pairing {
    /// Every unpaired document, French ones first.
    pub fn unpaired(&self) -> impl Iterator<Item = &PathBuf> {
        self.fr_only.iter().chain(&self.en_only)
    }
}

/// Pairs the documents of `fr_dir` and `en_dir` by name (see [`list`]).
pub fn pair(fr_dir: &Path, en_dir: &Path) -> Result<Pairing> {
    let fr = list(fr_dir)?;
    let en: BTreeMap<String, PathBuf> = list(en_dir)?
        .into_iter()
        .map(|l| (l.name, l.path))
        .collect();
    let mut pairing = Pairing::default();
    let mut paired = HashSet::new();
    for doc in fr {
        match en.get(&doc.name) {
            Some(en_path) => {
                paired.insert(doc.name.clone());
                pairing.pairs.push(DocumentPair {
                    name: doc.name,
                    fr: doc.path,
                    en: en_path.clone(),
                });
            }
            None => pairing.fr_only.push(doc.path),
        }
    }
    pairing.en_only = en
        .into_iter()
        .filter(|(name, _)| !paired.contains(name))
        .map(|(_, p)| p)
        .collect();
    Ok(pairing)
}

/// Expands corpus arguments: files as given (whatever their name), folders to their documents.
/// A folder without any document is an error, not an empty corpus.
pub fn expand_args(args: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if arg != "-" && path.is_dir() {
            let docs = list(path)?;
            if docs.is_empty() {
                return Err(Error::invalid(arg, "directory holds no .txt file"));
            }
            out.extend(docs.into_iter().map(|d| d.path.display().to_string()));
        } else {
            out.push(arg.clone());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, rel: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "x").unwrap();
    }

    #[test]
    fn lists_txt_documents_recursively_skipping_hidden_and_others() {
        let d = tempfile::tempdir().unwrap();
        for rel in [
            "b.txt",
            "a.TXT",
            "notes.md",
            ".hidden.txt",
            "sub/c.txt",
            ".git/d.txt",
        ] {
            touch(d.path(), rel);
        }
        let names: Vec<String> = list(d.path())
            .unwrap()
            .into_iter()
            .map(|l| l.name)
            .collect();
        assert_eq!(names, vec!["a.TXT", "b.txt", "sub/c.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_walked_once() {
        let d = tempfile::tempdir().unwrap();
        touch(d.path(), "sub/c.txt");
        std::os::unix::fs::symlink(d.path(), d.path().join("sub/loop")).unwrap();
        let names: Vec<String> = list(d.path())
            .unwrap()
            .into_iter()
            .map(|l| l.name)
            .collect();
        assert_eq!(names, vec!["sub/c.txt"]);
    }

    #[test]
    fn pairs_by_relative_name_and_reports_both_sides() {
        let fr = tempfile::tempdir().unwrap();
        let en = tempfile::tempdir().unwrap();
        for rel in ["x.txt", "y.txt", "s/t.txt"] {
            touch(fr.path(), rel);
        }
        for rel in ["y.txt", "z.txt", "s/t.txt"] {
            touch(en.path(), rel);
        }
        let p = pair(fr.path(), en.path()).unwrap();
        let names: Vec<&str> = p.pairs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, vec!["s/t.txt", "y.txt"]);
        assert_eq!(p.fr_only, vec![fr.path().join("x.txt")]);
        assert_eq!(p.en_only, vec![en.path().join("z.txt")]);
        assert_eq!(p.unpaired().count(), 2);
    }

    #[test]
    fn a_folder_without_documents_is_an_error() {
        let d = tempfile::tempdir().unwrap();
        touch(d.path(), "readme.md");
        let arg = d.path().display().to_string();
        let err = expand_args(std::slice::from_ref(&arg)).unwrap_err();
        assert!(err.to_string().contains("holds no .txt file"), "{err}");
    }
}
