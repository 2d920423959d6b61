//! Glossary lint: checks on the glossary alone, each finding naming the entries involved and a fix.
//!
//! Checks on the model ([`lint_glossary`]): `duplicate`, `conflict`, `synonym`, `near-duplicate`,
//! `missing-gender-form`, `acronym`, `capitalisation`, `missing-source`. Checks on the raw cells
//! ([`lint_rows`]): `whitespace`, `empty-term`, `apostrophe`.

use super::fields::{split_variants, RawRow, TERM_COLUMNS};
use super::finding::{Context, Finding, Rule};
use crate::glossary::{Concept, Gender, Glossary, Term, TermType};
use crate::lang::fold::{fold, fold_singular, is_acronym, starts_upper};
use crate::lang::inflect::feminine_title;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

/// Runs every lint check: the model checks on `glossary` and the cell checks on `rows`.
/// `path` is the glossary file named in the findings.
pub fn lint(glossary: &Glossary, rows: &[RawRow], path: Option<&str>) -> Vec<Finding> {
    let mut out = lint_glossary(glossary, path);
    out.extend(lint_rows(rows, path));
    out
}

/// The checks that read the glossary model.
pub fn lint_glossary(glossary: &Glossary, path: Option<&str>) -> Vec<Finding> {
    let ctx = Ctx { glossary, path };
    let mut out = Vec::new();
    duplicates_and_conflicts(&ctx, &mut out);
    synonyms(&ctx, &mut out);
    near_duplicates(&ctx, &mut out);
    gender_forms(&ctx, &mut out);
    acronyms(&ctx, &mut out);
    capitalisation(&ctx, &mut out);
    missing_sources(&ctx, &mut out);
    unusable_terms(&ctx, &mut out);
    case_agreement(&ctx, &mut out);
    out
}

/// A French name or title with a capital whose English equivalent is all lower case (a proper
/// name typed in lower case: `Organisation internationale pour les migrations` /
/// `international organization for migration`). The reverse is normal (English capitalises
/// nationalities, days, months) and not reported.
fn case_agreement(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, c) in ctx.glossary.concepts.iter().enumerate() {
        let (Some(fr), Some(en)) = (c.src_terms.first(), c.tgt_terms.first()) else {
            continue;
        };
        let (fr, en) = (fr.text.trim(), en.text.trim());
        let id = ctx.id(i);
        // Already reported against its category's majority.
        if out
            .iter()
            .any(|f| f.rule == Rule::Capitalisation && f.entries.first() == Some(&id))
        {
            continue;
        }
        let has_letters = en.chars().any(char::is_alphabetic);
        if starts_upper(fr) && has_letters && !en.chars().any(char::is_uppercase) {
            out.push(
                ctx.finding(
                    Rule::Capitalisation,
                    &[i],
                    format!(
                        "Entry {}: «{fr}» is capitalised but its English «{en}» is all lower case",
                        ctx.id(i)
                    ),
                    "Capitalise the English as the name or title is written in English (e.g. «International Organization for Migration»), or lower-case the French if it is a common noun.".into(),
                )
                .context(Context::new("EN", en, Some(0..en.len()))),
            );
        }
    }
}

fn unusable_terms(ctx: &Ctx, out: &mut Vec<Finding>) {
    for bad in crate::glossary::check::unusable_terms(ctx.glossary) {
        let side = if bad.source_side { "French" } else { "English" };
        out.push(ctx.finding(
            Rule::UnusableTerm,
            &[bad.concept],
            format!(
                "Entry {} has the {side} term «{}», which {}",
                ctx.id(bad.concept),
                bad.term,
                bad.reason
            ),
            "Remove the term, or replace it with the whole expression it belongs to.".into(),
        ));
    }
}

struct Ctx<'a> {
    glossary: &'a Glossary,
    path: Option<&'a str>,
}

impl Ctx<'_> {
    fn id(&self, i: usize) -> String {
        super::entry_id(self.glossary, i)
    }

    fn concept(&self, i: usize) -> &Concept {
        &self.glossary.concepts[i]
    }

    /// A finding on concepts `idx` (in that order), located at the first one's line.
    fn finding(&self, rule: Rule, idx: &[usize], message: String, suggestion: String) -> Finding {
        let line = idx.first().and_then(|&i| self.concept(i).line);
        Finding::new(rule, message, suggestion)
            .entries(idx.iter().map(|&i| self.id(i)))
            .at(self.path.map(str::to_string), line)
    }
}

fn head(terms: &[Term]) -> &str {
    terms.first().map_or("", |t| t.text.trim())
}

fn is_acronym_term(t: &Term) -> bool {
    t.term_type == TermType::Acronym || is_acronym(&t.text)
}

fn duplicates_and_conflicts(ctx: &Ctx, out: &mut Vec<Finding>) {
    // Every French term (acronym variants aside: the `acronym` check owns them) → concepts using it.
    let mut by_term: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in ctx.glossary.concepts.iter().enumerate() {
        for (k, t) in c.src_terms.iter().enumerate() {
            let text = t.text.trim();
            if text.is_empty() || (k > 0 && is_acronym_term(t)) {
                continue;
            }
            let list = by_term.entry(text).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut seen = BTreeSet::new();
    for (term, idx) in by_term {
        if idx.len() < 2 || !seen.insert(idx.clone()) {
            continue;
        }
        let ens: Vec<&str> = idx
            .iter()
            .map(|&i| head(&ctx.concept(i).tgt_terms))
            .collect();
        let ids: Vec<String> = idx.iter().map(|&i| ctx.id(i)).collect();
        if ens.iter().all(|e| *e == ens[0]) {
            let f = ctx.finding(
                Rule::Duplicate,
                &idx,
                format!(
                    "«{term}» is entered {} times (entries {}), each time with the English «{}»",
                    idx.len(),
                    ids.join(", "),
                    ens[0]
                ),
                format!(
                    "Keep entry {} and merge the variants, notes and sources of the others into it.",
                    ids[0]
                ),
            );
            out.push(f.context(Context::new("FR", term, Some(0..term.len()))));
        } else {
            let pairs: Vec<String> = ens
                .iter()
                .zip(&ids)
                .map(|(e, id)| format!("«{e}» ({id})"))
                .collect();
            let f = ctx.finding(
                Rule::Conflict,
                &idx,
                format!("«{term}» has different English equivalents: {}", pairs.join(", ")),
                "Decide which English term is approved; keep the others in en_variants tagged [admitted] or [deprecated], in one entry.".to_string(),
            );
            out.push(f.context(Context::new("FR", term, Some(0..term.len()))));
        }
    }
}

fn synonyms(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut by_en: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in ctx.glossary.concepts.iter().enumerate() {
        let en = head(&c.tgt_terms);
        if !en.is_empty() {
            by_en.entry(fold(en)).or_default().push(i);
        }
    }
    for idx in by_en.into_values() {
        let heads: BTreeSet<String> = idx
            .iter()
            .map(|&i| fold_singular(head(&ctx.concept(i).src_terms)))
            .collect();
        if heads.len() < 2 {
            continue; // duplicates or near-duplicates, reported by their own checks
        }
        let en = head(&ctx.concept(idx[0]).tgt_terms);
        let list: Vec<String> = idx
            .iter()
            .map(|&i| format!("«{}» ({})", head(&ctx.concept(i).src_terms), ctx.id(i)))
            .collect();
        out.push(
            ctx.finding(
                Rule::Synonym,
                &idx,
                format!("«{en}» translates {} French entries: {}", idx.len(), list.join(", ")),
                "If these are one concept, merge them and keep the other French forms as fr_variants; if not, make the English terms distinct.".to_string(),
            )
            .context(Context::new("EN", en, Some(0..en.len()))),
        );
    }
}

fn similar_english(a: &str, b: &str) -> bool {
    let (a, b) = (fold_singular(a), fold_singular(b));
    a == b || strsim::damerau_levenshtein(&a, &b) <= 1
}

fn damerau_one(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.abs_diff(lb) <= 1
        && la.min(lb) >= 6
        && (a.chars().next() == b.chars().next() || a.chars().last() == b.chars().last())
        && strsim::damerau_levenshtein(a, b) == 1
}

fn near_duplicates(ctx: &Ctx, out: &mut Vec<Finding>) {
    let concepts = &ctx.glossary.concepts;
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in concepts.iter().enumerate() {
        let h = head(&c.src_terms);
        if !h.is_empty() {
            by_key.entry(fold_singular(h)).or_default().push(i);
        }
    }
    let describe = |idx: &[usize], why: &str| {
        let list: Vec<String> = idx
            .iter()
            .map(|&i| format!("«{}» ({})", head(&concepts[i].src_terms), ctx.id(i)))
            .collect();
        format!("{} differ {why}", list.join(" and "))
    };
    let suggestion = "Merge them into one entry with the correct spelling as headword; keep another form only if it really occurs (as a variant tagged sg/pl or admitted).";
    for idx in by_key.values() {
        let distinct: BTreeSet<&str> = idx.iter().map(|&i| head(&concepts[i].src_terms)).collect();
        if idx.len() < 2 || distinct.len() < 2 {
            continue;
        }
        let folded: BTreeSet<String> = idx
            .iter()
            .map(|&i| fold(head(&concepts[i].src_terms)))
            .collect();
        let why = if folded.len() == 1 {
            "only in accents, case, hyphens or apostrophes"
        } else {
            "only in number (singular/plural)"
        };
        out.push(ctx.finding(
            Rule::NearDuplicate,
            idx,
            describe(idx, why),
            suggestion.into(),
        ));
    }
    // One-letter typos between different keys.
    let keys: Vec<(&String, usize)> = by_key
        .iter()
        .filter(|(k, idx)| !is_acronym(head(&concepts[idx[0]].src_terms)) && k.chars().count() >= 6)
        .map(|(k, idx)| (k, idx[0]))
        .collect();
    // Candidates share a one-deletion variant (SymSpell's trick): linear in the glossary size
    // instead of comparing every pair; strsim then confirms the distance.
    // Variants are kept as hashes: a collision only adds a candidate that strsim rejects.
    let hash_without = |chars: &[char], skip: Option<usize>| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for (i, c) in chars.iter().enumerate() {
            if Some(i) != skip {
                c.hash(&mut h);
            }
        }
        h.finish()
    };
    let mut by_variant: HashMap<u64, Vec<usize>> = HashMap::new();
    for (ki, (key, _)) in keys.iter().enumerate() {
        let chars: Vec<char> = key.chars().collect();
        by_variant
            .entry(hash_without(&chars, None))
            .or_default()
            .push(ki);
        for skip in 0..chars.len() {
            by_variant
                .entry(hash_without(&chars, Some(skip)))
                .or_default()
                .push(ki);
        }
    }
    let mut candidates = BTreeSet::new();
    for list in by_variant.values().filter(|l| l.len() > 1) {
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                if a != b {
                    candidates.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    let mut pairs = Vec::new();
    for (a, b) in candidates {
        // A one-letter difference is a typo only if the English agrees too (`apatride` /
        // `apatridie` are two concepts: stateless person / statelessness).
        if damerau_one(keys[a].0, keys[b].0)
            && similar_english(
                head(&concepts[keys[a].1].tgt_terms),
                head(&concepts[keys[b].1].tgt_terms),
            )
        {
            let (x, y) = (keys[a].1.min(keys[b].1), keys[a].1.max(keys[b].1));
            pairs.push([x, y]);
        }
    }
    pairs.sort_unstable();
    for p in pairs {
        out.push(ctx.finding(
            Rule::NearDuplicate,
            &p,
            describe(&p, "by one letter"),
            suggestion.into(),
        ));
    }
}

fn gender_forms(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, c) in ctx.glossary.concepts.iter().enumerate() {
        let is_title = c.category.as_deref().is_some_and(|k| {
            let k = k.trim().to_lowercase();
            k == "title" || k == "titre" || k == "fonction"
        });
        let Some(first) = c.src_terms.first() else {
            continue;
        };
        let has = |g: Gender| c.src_terms.iter().any(|t| t.gender == Some(g));
        let h = first.text.trim();
        if !is_title || first.gender.is_none() {
            // No category or gender to go by (a TBX often has neither): judge from the head
            // noun with the matcher's inflector.
            if let Some(fem) = title_without_feminine(c, h) {
                out.push(
                    ctx.finding(
                        Rule::MissingGenderForm,
                        &[i],
                        format!("The title «{h}» ({}) has no feminine form", ctx.id(i)),
                        format!(
                            "Add the feminine form to fr_variants tagged [f], e.g. «{fem}» (check the spelling)."
                        ),
                    )
                    .context(Context::new("FR", h, Some(0..h.len()))),
                );
            }
            continue;
        }
        let (missing, suggestion) = match first.gender {
            // An epicene title (`Vice-Ministre`, `Secrétaire exécutif` aside) needs no variant.
            Some(Gender::Masculine) if !has(Gender::Feminine) => match feminine_title(h) {
                None => continue,
                Some(f) => (
                    "feminine",
                    format!("Add the feminine form to fr_variants tagged [f], e.g. «{f}» (the form the matcher generates; check it)."),
                ),
            },
            Some(Gender::Feminine) if !has(Gender::Masculine) => (
                "masculine",
                "Add the masculine form to fr_variants tagged [m].".to_string(),
            ),
            _ => continue,
        };
        out.push(
            ctx.finding(
                Rule::MissingGenderForm,
                &[i],
                format!("The title «{h}» ({}) has no {missing} form", ctx.id(i)),
                suggestion,
            )
            .context(Context::new("FR", h, Some(0..h.len()))),
        );
    }
}

/// The feminine the inflector gives for a title whose head noun is a post (`Directeur`,
/// `Ambassadeur`…), when no French term of the concept is feminine already; `None` for names.
fn title_without_feminine(c: &Concept, headword: &str) -> Option<String> {
    let name_category = c
        .category
        .as_deref()
        .is_some_and(crate::lang::inflect::is_name_category);
    if name_category || is_acronym(headword) {
        return None;
    }
    let fem = crate::lang::inflect::feminine_of_title(headword)?;
    let folded = fold(&fem);
    let has_feminine = c.src_terms.iter().any(|t| {
        t.gender == Some(Gender::Feminine)
            || fold(&t.text) == folded
            || crate::lang::inflect::is_feminine_person(&t.text)
    });
    (!has_feminine).then_some(fem)
}

fn acronyms(ctx: &Ctx, out: &mut Vec<Finding>) {
    let concepts = &ctx.glossary.concepts;
    let mut bare = BTreeSet::new(); // concepts already reported without a French expansion
    for (side, lang) in [(0usize, "French"), (1, "English")] {
        let terms = |c: &'_ Concept| -> Vec<Term> {
            if side == 0 {
                c.src_terms.clone()
            } else {
                c.tgt_terms.clone()
            }
        };
        // acronym text → (concept, folded expansion, expansion)
        let mut uses: BTreeMap<String, Vec<(usize, Option<String>)>> = BTreeMap::new();
        for (i, c) in concepts.iter().enumerate() {
            let ts = terms(c);
            let expansion = ts
                .iter()
                .find(|t| !is_acronym_term(t) && !t.text.trim().is_empty())
                .map(|t| t.text.trim().to_string());
            for t in ts.iter().filter(|t| is_acronym_term(t)) {
                uses.entry(t.text.trim().to_string())
                    .or_default()
                    .push((i, expansion.clone()));
            }
        }
        for (acro, list) in &uses {
            // Without an expansion.
            for (i, exp) in list {
                if exp.is_none() && (side == 0 || !bare.contains(i)) {
                    bare.insert(*i);
                    let other = list.iter().find(|(_, e)| e.is_some());
                    let suggestion = match other {
                        Some((j, Some(e))) => format!(
                            "Entry {} already expands «{acro}» as «{e}»: merge this entry into it.",
                            ctx.id(*j)
                        ),
                        _ => format!(
                            "Add the full {lang} name as the headword and keep «{acro}» as a variant tagged [acronym]."
                        ),
                    };
                    out.push(ctx.finding(
                        Rule::Acronym,
                        &[*i],
                        format!(
                            "The {lang} acronym «{acro}» ({}) has no expansion",
                            ctx.id(*i)
                        ),
                        suggestion,
                    ));
                }
            }
            // Expansions that disagree.
            let with: Vec<(usize, &String)> = list
                .iter()
                .filter_map(|(i, e)| e.as_ref().map(|e| (*i, e)))
                .collect();
            let distinct: BTreeSet<String> = with.iter().map(|(_, e)| fold(e)).collect();
            if distinct.len() >= 2 {
                let idx: Vec<usize> = with.iter().map(|(i, _)| *i).collect();
                let desc: Vec<String> = with
                    .iter()
                    .map(|(i, e)| format!("«{e}» ({})", ctx.id(*i)))
                    .collect();
                out.push(ctx.finding(
                    Rule::Acronym,
                    &idx,
                    format!("The {lang} acronym «{acro}» has different expansions: {}", desc.join(", ")),
                    "Check the official name and keep one entry with that expansion; remove the acronym from the other.".to_string(),
                ));
            }
        }
    }
}

/// English capitalisation styles, for [`capitalisation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Style {
    Lower,
    Sentence,
    Title,
}

impl Style {
    fn name(self) -> &'static str {
        match self {
            Style::Lower => "lower case",
            Style::Sentence => "sentence case",
            Style::Title => "Title Case",
        }
    }
}

fn style(term: &str) -> Option<Style> {
    if is_acronym(term) {
        return None;
    }
    let words: Vec<&str> = term
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let first = words.first()?;
    if !starts_upper(first) {
        return Some(Style::Lower);
    }
    let content: Vec<&&str> = words[1..]
        .iter()
        .filter(|w| {
            !crate::lang::en::TITLE_CASE_SMALL_WORDS.contains(&w.to_lowercase().as_str())
                && !is_acronym(w)
        })
        .collect();
    if content.is_empty() {
        None // one capitalised word: fits both sentence and title case
    } else if content.iter().all(|w| starts_upper(w)) {
        Some(Style::Title)
    } else if content.iter().all(|w| !starts_upper(w)) {
        Some(Style::Sentence)
    } else {
        None // mixed: proper nouns inside a common noun phrase
    }
}

fn capitalisation(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut by_cat: BTreeMap<String, Vec<(usize, Style)>> = BTreeMap::new();
    for (i, c) in ctx.glossary.concepts.iter().enumerate() {
        let (Some(cat), Some(s)) = (c.category.as_deref(), style(head(&c.tgt_terms))) else {
            continue;
        };
        by_cat
            .entry(cat.trim().to_lowercase())
            .or_default()
            .push((i, s));
    }
    for (cat, list) in by_cat {
        let count = |s: Style| list.iter().filter(|(_, x)| *x == s).count();
        let Some(major) = [Style::Lower, Style::Sentence, Style::Title]
            .into_iter()
            .find(|s| count(*s) * 2 > list.len() && count(*s) >= 2)
        else {
            continue;
        };
        for &(i, s) in list.iter().filter(|(_, s)| *s != major) {
            let en = head(&ctx.concept(i).tgt_terms);
            out.push(
                ctx.finding(
                    Rule::Capitalisation,
                    &[i],
                    format!(
                        "«{en}» ({}) is in {} while {} of the {} `{cat}` entries are in {}",
                        ctx.id(i),
                        s.name(),
                        count(major),
                        list.len(),
                        major.name()
                    ),
                    format!("Write it in {} like the other `{cat}` entries, unless it is a proper name.", major.name()),
                )
                .context(Context::new("EN", en, Some(0..en.len()))),
            );
        }
    }
}

fn missing_sources(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, c) in ctx.glossary.concepts.iter().enumerate() {
        if c.source.as_deref().map_or(true, |s| s.trim().is_empty()) {
            out.push(ctx.finding(
                Rule::MissingSource,
                &[i],
                format!("Entry {} («{}») has no source", ctx.id(i), head(&c.src_terms)),
                "Add the URL or document where the official English form was checked (UNTERM, IATE, the organisation's own site).".to_string(),
            ));
        }
    }
}

/// The checks that read the raw cells: `whitespace`, `empty-term`, `apostrophe`.
pub fn lint_rows(rows: &[RawRow], path: Option<&str>) -> Vec<Finding> {
    let mut out = Vec::new();
    let at = |row: &RawRow| (path.map(str::to_string), (row.line > 0).then_some(row.line));
    for row in rows {
        // Empty terms.
        let mut empty = Vec::new();
        for (col, _, variants) in TERM_COLUMNS {
            let Some(cell) = row.get(col) else { continue };
            if !variants && cell.trim().is_empty() {
                empty.push(format!("`{col}` is empty"));
            } else if variants && split_variants(cell).iter().any(|v| v.trim().is_empty()) {
                empty.push(format!("`{col}` has an empty variant"));
            }
        }
        if !empty.is_empty() {
            let (doc, line) = at(row);
            out.push(
                Finding::new(
                    Rule::EmptyTerm,
                    format!("Entry {}: {}", row.entry, empty.join("; ")),
                    "Fill in the term, or remove the empty item (check for a doubled `|` separator).",
                )
                .entries([row.entry.clone()])
                .at(doc, line),
            );
        }
        // Whitespace.
        let mut bad = Vec::new();
        let mut ctxs = Vec::new();
        for f in &row.fields {
            let v = &f.value;
            if v.is_empty() || (v.trim().is_empty() && (f.name == "fr" || f.name == "en")) {
                continue;
            }
            let problem = if v.trim().is_empty() {
                Some(("only spaces", 0..v.len()))
            } else if v.trim_start().len() != v.len() {
                Some(("leading space", 0..v.len() - v.trim_start().len()))
            } else if v.trim_end().len() != v.len() {
                Some(("trailing space", v.trim_end().len()..v.len()))
            } else if let Some(p) = double_space(v) {
                Some(("doubled space", p))
            } else {
                v.char_indices()
                    .find(|(_, c)| c.is_control())
                    .map(|(i, c)| ("control character", i..i + c.len_utf8()))
            };
            if let Some((what, range)) = problem {
                bad.push(format!("{what} in `{}`", f.name));
                ctxs.push(Context::new(f.name.clone(), v.clone(), Some(range)));
            }
        }
        if !bad.is_empty() {
            let (doc, line) = at(row);
            let mut f = Finding::new(
                Rule::Whitespace,
                format!("Entry {}: {}", row.entry, bad.join(", ")),
                "Trim the cells and use single ordinary spaces between words.",
            )
            .entries([row.entry.clone()])
            .at(doc, line);
            f.contexts = ctxs;
            out.push(f);
        }
    }
    apostrophes(rows, path, &mut out);
    out
}

fn double_space(v: &str) -> Option<std::ops::Range<usize>> {
    let mut prev: Option<(usize, char)> = None;
    for (i, c) in v.char_indices() {
        if let Some((p, pc)) = prev {
            if pc.is_whitespace() && c.is_whitespace() {
                return Some(p..i + c.len_utf8());
            }
        }
        prev = Some((i, c));
    }
    None
}

fn apostrophes(rows: &[RawRow], path: Option<&str>, out: &mut Vec<Finding>) {
    for lang in ["fr", "en"] {
        // Per row: (uses straight, uses typographic).
        let usage: Vec<(bool, bool)> = rows
            .iter()
            .map(|row| {
                let cells = TERM_COLUMNS
                    .iter()
                    .filter(|(_, l, _)| *l == lang)
                    .filter_map(|(col, _, _)| row.get(col));
                cells.fold((false, false), |(s, t), cell| {
                    (s || cell.contains('\''), t || cell.contains('\u{2019}'))
                })
            })
            .collect();
        let straight = usage.iter().filter(|u| u.0).count();
        let curly = usage.iter().filter(|u| u.1).count();
        if straight == 0 || curly == 0 {
            continue;
        }
        let (minority, major, major_count) = if curly >= straight {
            ('\'', '\u{2019}', curly)
        } else {
            ('\u{2019}', '\'', straight)
        };
        for (row, u) in rows.iter().zip(&usage) {
            let uses_minor = if minority == '\'' { u.0 } else { u.1 };
            if !uses_minor {
                continue;
            }
            let cell = TERM_COLUMNS
                .iter()
                .filter(|(_, l, _)| *l == lang)
                .filter_map(|(col, _, _)| row.get(col))
                .find(|c| c.contains(minority))
                .unwrap_or("");
            let hl = cell.find(minority).map(|i| i..i + minority.len_utf8());
            out.push(
                Finding::new(
                    Rule::Apostrophe,
                    format!(
                        "Entry {} writes «{}» with the apostrophe {minority} (U+{:04X}) while {major_count} {lang} entries use {major} (U+{:04X})",
                        row.entry, cell.trim(), minority as u32, major as u32
                    ),
                    format!("Use {major} like the rest of the glossary."),
                )
                .entries([row.entry.clone()])
                .at(path.map(str::to_string), (row.line > 0).then_some(row.line))
                .context(Context::new(lang, cell, hl)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::fields::RawField;

    fn concept(id: &str, fr: &str, en: &str) -> Concept {
        Concept {
            id: id.into(),
            src_terms: vec![Term::new(fr)],
            tgt_terms: vec![Term::new(en)],
            source: Some("https://example.org".into()),
            ..Concept::default()
        }
    }

    fn with(concepts: Vec<Concept>) -> Glossary {
        Glossary {
            src_lang: "fr".into(),
            tgt_lang: "en".into(),
            concepts,
        }
    }

    fn found(findings: &[Finding], rule: Rule) -> Vec<Vec<String>> {
        findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.entries.clone())
            .collect()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn duplicate_and_conflict() {
        let g = with(vec![
            concept("a", "rapatriement", "repatriation"),
            concept("b", "rapatriement", "repatriation"),
            concept("c", "passeur", "smuggler"),
            concept("d", "passeur", "trafficker"),
        ]);
        let f = lint_glossary(&g, Some("g.csv"));
        assert_eq!(found(&f, Rule::Duplicate), vec![ids(&["a", "b"])]);
        assert_eq!(found(&f, Rule::Conflict), vec![ids(&["c", "d"])]);
        assert_eq!(
            f.iter()
                .find(|f| f.rule == Rule::Conflict)
                .unwrap()
                .severity,
            crate::audit::Severity::Error
        );
    }

    #[test]
    fn synonyms_share_an_english_term() {
        let g = with(vec![
            concept("a", "migrant en situation irrégulière", "irregular migrant"),
            concept("b", "migrant irrégulier", "Irregular migrant"),
        ]);
        assert_eq!(
            found(&lint_glossary(&g, None), Rule::Synonym),
            vec![ids(&["a", "b"])]
        );
    }

    #[test]
    fn near_duplicates_by_accent_number_and_typo() {
        let g = with(vec![
            concept("a", "États membres", "Member States"),
            concept("b", "Etats membres", "Member State"),
            concept("c", "réinstallation", "resettlement"),
            concept("d", "réinstalation", "re-settlement"),
            concept("e", "déplacé interne", "internally displaced person"),
            concept("f", "déplacés internes", "IDPs"),
            concept("g", "OIM", "IOM"),
            concept("h", "OIT", "ILO"),
            concept("i", "apatride", "stateless person"),
            concept("j", "apatridie", "statelessness"),
        ]);
        let f = lint_glossary(&g, None);
        assert_eq!(
            found(&f, Rule::NearDuplicate),
            vec![ids(&["e", "f"]), ids(&["a", "b"]), ids(&["c", "d"])]
        );
    }

    #[test]
    fn a_title_without_its_feminine_form() {
        let mut dg = concept("dg", "Directeur général adjoint", "Deputy Director General");
        dg.category = Some("title".into());
        dg.src_terms[0].gender = Some(Gender::Masculine);
        let mut ok = concept("cm", "chef de mission", "Chief of Mission");
        ok.category = Some("title".into());
        ok.src_terms[0].gender = Some(Gender::Masculine);
        let mut fem = Term::new("cheffe de mission");
        fem.gender = Some(Gender::Feminine);
        ok.src_terms.push(fem);
        let mut epicene = concept("vm", "Vice-Ministre", "Vice-Minister");
        epicene.category = Some("title".into());
        epicene.src_terms[0].gender = Some(Gender::Masculine);
        let f = lint_glossary(&with(vec![dg, ok, epicene]), None);
        assert_eq!(found(&f, Rule::MissingGenderForm), vec![ids(&["dg"])]);
        assert!(
            f[0].suggestion.contains("«Directrice générale adjointe»"),
            "{}",
            f[0].suggestion
        );
    }

    #[test]
    fn acronym_without_expansion_and_disagreeing_expansions() {
        let mut a = concept(
            "a",
            "Organisation des États américains",
            "Organization of American States",
        );
        let mut acro = Term::new("OEA");
        acro.term_type = TermType::Acronym;
        a.src_terms.push(acro.clone());
        let mut b = concept(
            "b",
            "Organisation des États africains",
            "Organisation of African States",
        );
        b.src_terms.push(acro);
        let c = concept("c", "PNUD", "UNDP");
        let f = lint_glossary(&with(vec![a, b, c]), None);
        assert_eq!(
            found(&f, Rule::Acronym),
            vec![ids(&["a", "b"]), ids(&["c"])]
        );
    }

    #[test]
    fn capitalisation_against_the_category_majority() {
        let mut list = vec![
            concept("a", "Conseil de sécurité", "Security Council"),
            concept("b", "Assemblée générale", "General Assembly"),
            concept(
                "c",
                "Conseil économique et social",
                "economic and social council",
            ),
        ];
        for c in &mut list {
            c.category = Some("body".into());
        }
        assert_eq!(
            found(&lint_glossary(&with(list), None), Rule::Capitalisation),
            vec![ids(&["c"])]
        );
    }

    #[test]
    fn missing_source_and_id_fallback_to_the_line() {
        let mut c = concept("", "apatride", "stateless person");
        c.source = None;
        c.line = Some(7);
        let f = lint_glossary(&with(vec![c]), Some("g.csv"));
        assert_eq!(found(&f, Rule::MissingSource), vec![ids(&["7"])]);
        assert_eq!((f[0].doc.as_deref(), f[0].line), (Some("g.csv"), Some(7)));
    }

    fn row(entry: &str, line: usize, cells: &[(&str, &str)]) -> RawRow {
        RawRow {
            entry: entry.into(),
            line,
            fields: cells
                .iter()
                .map(|(n, v)| RawField {
                    name: n.to_string(),
                    value: v.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn cell_checks_whitespace_empty_apostrophe() {
        let rows = vec![
            row(
                "a",
                2,
                &[("fr", "l’Organisation"), ("en", "the Organization")],
            ),
            row("b", 3, &[("fr", "l’Etat  hôte"), ("en", "host State")]),
            row("c", 4, &[("fr", "d’origine"), ("en", " origin")]),
            row("d", 5, &[("fr", "l'Equateur"), ("en", "Ecuador")]),
            row(
                "e",
                6,
                &[("fr", ""), ("en", "x"), ("fr_variants", "a |  | b")],
            ),
        ];
        let f = lint_rows(&rows, Some("g.csv"));
        // `a |  | b` also holds a doubled space.
        assert_eq!(
            found(&f, Rule::Whitespace),
            vec![ids(&["b"]), ids(&["c"]), ids(&["e"])]
        );
        assert_eq!(found(&f, Rule::EmptyTerm), vec![ids(&["e"])]);
        assert_eq!(found(&f, Rule::Apostrophe), vec![ids(&["d"])]);
        let e = f.iter().find(|f| f.rule == Rule::EmptyTerm).unwrap();
        assert_eq!(
            e.message,
            "Entry e: `fr` is empty; `fr_variants` has an empty variant"
        );
        assert_eq!(e.line, Some(6));
    }

    #[test]
    fn feminine_suggestions_are_the_matchers_forms() {
        let f = |t: &str| feminine_title(t);
        assert_eq!(
            f("Directeur régional").as_deref(),
            Some("Directrice régionale")
        );
        assert_eq!(f("chef de mission").as_deref(), Some("cheffe de mission"));
        assert_eq!(
            f("Représentant spécial").as_deref(),
            Some("Représentante spéciale")
        );
        assert_eq!(
            f("Rapporteur spécial").as_deref(),
            Some("Rapporteuse spéciale")
        );
        assert_eq!(f("Ambassadeur").as_deref(), Some("Ambassadrice"));
        assert_eq!(f("Vice-Ministre"), None);
    }
}
