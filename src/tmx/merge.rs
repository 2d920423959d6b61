//! Merging memories: units of several TMX streams into one, identical units once.

use super::TmxHeader;
use super::{TmxReader, TmxWriter, TranslationUnit};
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Write;

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Units written.
    pub kept: u64,
    /// Units left out because an identical one (same languages and texts, in order) came first.
    pub duplicates: u64,
    /// Units the writer refused (no variant in the header's source language, an empty segment…)
    /// and characters it removed, each prefixed by the name of the input it came from.
    pub warnings: Vec<String>,
}

/// Copies the units of `readers`, in order, to a TMX written on `out` with `header`; a unit whose
/// variants (language, case-insensitive, and text) equal an earlier unit's is written once, and a
/// `tuid` already used gets a suffix (`ID-2`, `ID-3`…), reported in the warnings.
///
/// A unit the writer refuses is skipped and reported in [`MergeReport::warnings`]; a reading
/// error stops the merge.
///
/// ```
/// use trame::tmx::{merge::merge, ReadOptions, TmxHeader, TmxReader};
/// let tmx = r#"<?xml version="1.0"?><tmx version="1.4"><header srclang="fr" datatype="plaintext"
///   segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
///   <body><tu><tuv xml:lang="fr"><seg>Oui</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu>
///   </body></tmx>"#;
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("a.tmx");
/// std::fs::write(&path, tmx).unwrap();
/// let open = || TmxReader::open(path.to_str().unwrap(), ReadOptions::default()).unwrap();
/// let mut out = Vec::new();
/// let report = merge(vec![open(), open()], &TmxHeader::new("fr"), &mut out).unwrap();
/// assert_eq!((report.kept, report.duplicates), (1, 1));
/// ```
pub fn merge<W: Write>(readers: Vec<TmxReader>, header: &TmxHeader, out: W) -> Result<MergeReport> {
    let mut report = MergeReport::default();
    let mut writer = TmxWriter::new(out, header)?;
    let mut seen: HashSet<u128> = HashSet::new();
    let mut tuids = TuidSet::default();
    for reader in readers {
        let name = reader.name().to_string();
        for tu in reader {
            let mut tu = tu?;
            if !seen.insert(unit_hash(&tu)) {
                report.duplicates += 1;
                continue;
            }
            if let Some(w) = tuids.make_unique(&mut tu) {
                report.warnings.push(format!("{name}: {w}"));
            }
            match writer.write_unit(&tu) {
                Ok(()) => report.kept += 1,
                Err(Error::Invalid { path, message }) => {
                    report
                        .warnings
                        .push(format!("{name}: {path} skipped: {message}"));
                }
                Err(e) => return Err(e),
            }
            report.warnings.extend(
                writer
                    .take_warnings()
                    .into_iter()
                    .map(|w| format!("{name}: {w}")),
            );
        }
    }
    writer.finish()?;
    Ok(report)
}

/// A 128-bit hash of a unit's variants (language, lower-cased, and text), in order.
fn unit_hash(tu: &TranslationUnit) -> u128 {
    let mut a = std::collections::hash_map::DefaultHasher::new();
    let mut b = std::collections::hash_map::DefaultHasher::new();
    0x5Au8.hash(&mut b);
    for v in &tu.variants {
        for h in [&mut a, &mut b] {
            v.lang.to_ascii_lowercase().hash(h);
            v.text.hash(h);
        }
    }
    ((a.finish() as u128) << 64) | b.finish() as u128
}

/// The `tuid`s written so far (as 64-bit hashes: memory stays small for millions of units).
#[derive(Debug, Default)]
struct TuidSet {
    seen: HashSet<u64>,
}

fn hash(id: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

impl TuidSet {
    /// Records `tu`'s tuid; if it was already used, rewrites it as `ID-2`, `ID-3`… (the first
    /// free one) and returns a message saying so.
    fn make_unique(&mut self, tu: &mut TranslationUnit) -> Option<String> {
        let id = tu.tuid.as_ref()?;
        if self.seen.insert(hash(id)) {
            return None;
        }
        let mut k = 2u64;
        let fresh = loop {
            let candidate = format!("{id}-{k}");
            if self.seen.insert(hash(&candidate)) {
                break candidate;
            }
            k += 1;
        };
        let message = format!("tuid `{id}` already used: written as `{fresh}`");
        tu.tuid = Some(fresh);
        Some(message)
    }
}
