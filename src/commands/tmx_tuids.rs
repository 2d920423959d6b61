//! Unique `tuid`s in a merged memory: a repeated one gets a suffix, and the change is reported.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// The `tuid`s written so far (as 64-bit hashes: memory stays small for millions of units).
#[derive(Debug, Default)]
pub struct TuidSet {
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
    pub fn make_unique(&mut self, tu: &mut trame::tmx::TranslationUnit) -> Option<String> {
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
