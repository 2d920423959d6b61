//! `trame tmx stats`: counts gathered in one streaming pass over a TMX.

use super::TranslationUnit;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// Counts over a TMX. Pairs are (source variant, first other variant), see
/// [`TranslationUnit::pair`]; texts are compared exactly.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct TmxStats {
    /// Number of `<tu>`.
    pub units: u64,
    /// Every `xml:lang` code seen, exactly as written, with the number of `<tuv>` in it.
    pub languages: BTreeMap<String, u64>,
    /// Units whose (source language, source text, target language, target text) repeats an
    /// earlier unit.
    pub duplicates: u64,
    /// Distinct source texts that have two or more different target texts.
    pub sources_with_several_targets: u64,
    /// `<seg>`s that are empty or whitespace only.
    pub empty_segments: u64,
    /// Units with fewer than two variants.
    pub units_without_pair: u64,
    /// Units whose `tuid` repeats an earlier unit's (tools that key on it keep one of them).
    pub duplicate_tuids: u64,
    #[serde(skip)]
    seen_tuids: HashSet<u64>,
    /// 64-bit hashes keep memory near 70 MB for a million distinct units; the chance of a
    /// collision among a million pairs is about 3 in 100 million.
    #[serde(skip)]
    seen_pairs: HashSet<u64>,
    /// Source hash → (first target hash, already counted as conflicting).
    #[serde(skip)]
    targets: HashMap<u64, (u64, bool)>,
}

fn hash(parts: &[&str]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

impl TmxStats {
    /// Adds one unit; `src_lang` is the header's source language (`None` if `*`).
    pub fn add(&mut self, tu: &TranslationUnit, src_lang: Option<&str>) {
        self.units += 1;
        if let Some(id) = &tu.tuid {
            if !self.seen_tuids.insert(hash(&[id])) {
                self.duplicate_tuids += 1;
            }
        }
        for v in &tu.variants {
            *self.languages.entry(v.lang.clone()).or_default() += 1;
            if v.text.trim().is_empty() {
                self.empty_segments += 1;
            }
        }
        let Some((s, t)) = tu.pair(src_lang) else {
            self.units_without_pair += 1;
            return;
        };
        let src = hash(&[&s.lang.to_ascii_lowercase(), &s.text]);
        let tgt = hash(&[&t.lang.to_ascii_lowercase(), &t.text]);
        let mut pair = std::collections::hash_map::DefaultHasher::new();
        (src, tgt).hash(&mut pair);
        if !self.seen_pairs.insert(pair.finish()) {
            self.duplicates += 1;
        }
        match self.targets.get_mut(&src) {
            None => {
                self.targets.insert(src, (tgt, false));
            }
            Some((first, counted)) => {
                if *first != tgt && !*counted {
                    *counted = true;
                    self.sources_with_several_targets += 1;
                }
            }
        }
    }

    /// A human-readable report, one fact per line.
    pub fn to_text(&self) -> String {
        let mut s = format!("units: {}\nlanguages:\n", self.units);
        for (lang, n) in &self.languages {
            s.push_str(&format!("  {lang}: {n}\n"));
        }
        s.push_str(&format!(
            "duplicates (identical pairs): {}\nsources with several targets: {}\nempty segments: {}\nunits with fewer than 2 variants: {}\nduplicate tuids: {}\n",
            self.duplicates, self.sources_with_several_targets, self.empty_segments, self.units_without_pair,
            self.duplicate_tuids
        ));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::Variant;
    use super::*;

    fn tu(fr: &str, en: &str) -> TranslationUnit {
        TranslationUnit {
            tuid: None,
            props: vec![],
            variants: vec![Variant::new("fr", fr), Variant::new("en-GB", en)],
        }
    }

    #[test]
    fn counts_duplicates_conflicts_and_languages() {
        let mut st = TmxStats::default();
        for u in [
            tu("a", "A"),
            tu("a", "A"),
            tu("a", "B"),
            tu("a", "C"),
            tu("b", " "),
            tu("c", "C"),
        ] {
            st.add(&u, Some("fr"));
        }
        st.add(
            &TranslationUnit {
                tuid: None,
                props: vec![],
                variants: vec![Variant::new("fr", "x")],
            },
            Some("fr"),
        );
        assert_eq!(st.units, 7);
        assert_eq!(st.duplicates, 1);
        assert_eq!(st.sources_with_several_targets, 1);
        assert_eq!(st.empty_segments, 1);
        assert_eq!(st.units_without_pair, 1);
        assert_eq!(st.languages.get("fr"), Some(&7));
        assert_eq!(st.languages.get("en-GB"), Some(&6));
    }
}
