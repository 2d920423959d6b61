//! Evaluation of an alignment against a gold one, and the gold file format.
//!
//! Gold format: one bead per line, `src_ids<TAB>tgt_ids`, 0-based sentence indices,
//! comma-separated, an empty side for a sentence without counterpart; lines starting with `#`
//! (document names in multi-document output) are skipped.
//!
//! Scores (as in the Bleualign and vecalign papers): **strict** = exact bead match over beads
//! with both sides non-empty; **lax** = a bead counts when it shares a source and a target
//! sentence with some bead of the other alignment (also over beads with both sides non-empty).

use super::Bead;
use crate::error::{Error, Position, Result};
use std::collections::HashSet;

/// A gold bead: source and target indices.
pub type Link = (Vec<usize>, Vec<usize>);

/// Parses a gold/links file; `path` names it in errors (with line and column).
pub fn read_links(path: &str, text: &str) -> Result<Vec<Link>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((s, t)) = line.split_once('\t') else {
            return Err(Error::Syntax {
                path: path.to_string(),
                pos: Position {
                    line: n + 1,
                    column: 1,
                },
                message: "expected `src_ids<TAB>tgt_ids`".into(),
            });
        };
        let parse = |side: &str, col: usize| -> Result<Vec<usize>> {
            if side.trim().is_empty() {
                return Ok(Vec::new());
            }
            side.split(',')
                .map(|x| {
                    x.trim().parse::<usize>().map_err(|_| Error::Syntax {
                        path: path.to_string(),
                        pos: Position {
                            line: n + 1,
                            column: col,
                        },
                        message: format!("`{x}` is not a sentence index"),
                    })
                })
                .collect()
        };
        let src = parse(s, 1)?;
        let tgt = parse(t, s.chars().count() + 2)?;
        if src.is_empty() && tgt.is_empty() {
            return Err(Error::Syntax {
                path: path.to_string(),
                pos: Position {
                    line: n + 1,
                    column: 1,
                },
                message: "a bead needs at least one index".into(),
            });
        }
        out.push((src, tgt));
    }
    Ok(out)
}

/// Formats beads as gold/links lines.
pub fn write_links(beads: &[Bead]) -> String {
    let join = |v: &[usize]| {
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    beads
        .iter()
        .map(|b| format!("{}\t{}\n", join(&b.src), join(&b.tgt)))
        .collect()
}

/// Beads as links.
pub fn links_of(beads: &[Bead]) -> Vec<Link> {
    beads
        .iter()
        .map(|b| (b.src.clone(), b.tgt.clone()))
        .collect()
}

/// Precision, recall, F1 and the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Test beads judged correct (for precision).
    pub test_correct: usize,
    /// Test beads with both sides non-empty.
    pub test_total: usize,
    /// Gold beads found (for recall).
    pub gold_found: usize,
    /// Gold beads with both sides non-empty.
    pub gold_total: usize,
}

impl Score {
    fn from_counts(tc: usize, tt: usize, gf: usize, gt: usize) -> Score {
        let p = if tt == 0 { 0.0 } else { tc as f64 / tt as f64 };
        let r = if gt == 0 { 0.0 } else { gf as f64 / gt as f64 };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Score {
            precision: p,
            recall: r,
            f1: f,
            test_correct: tc,
            test_total: tt,
            gold_found: gf,
            gold_total: gt,
        }
    }

    /// Pools several scores (micro-average over beads).
    pub fn pool(scores: &[Score]) -> Score {
        let s = |f: fn(&Score) -> usize| scores.iter().map(f).sum::<usize>();
        Score::from_counts(
            s(|x| x.test_correct),
            s(|x| x.test_total),
            s(|x| x.gold_found),
            s(|x| x.gold_total),
        )
    }
}

fn non_empty(links: &[Link]) -> Vec<&Link> {
    links
        .iter()
        .filter(|(s, t)| !s.is_empty() && !t.is_empty())
        .collect()
}

/// Strict score: exact bead matches.
pub fn strict(test: &[Link], gold: &[Link]) -> Score {
    let (t, g) = (non_empty(test), non_empty(gold));
    let gs: HashSet<&Link> = g.iter().copied().collect();
    let ts: HashSet<&Link> = t.iter().copied().collect();
    let tc = t.iter().filter(|l| gs.contains(*l)).count();
    let gf = g.iter().filter(|l| ts.contains(*l)).count();
    Score::from_counts(tc, t.len(), gf, g.len())
}

/// Lax score: a bead counts when it shares at least one source and one target sentence with a
/// bead of the other alignment.
pub fn lax(test: &[Link], gold: &[Link]) -> Score {
    let (t, g) = (non_empty(test), non_empty(gold));
    let overlaps = |a: &Link, other: &[&Link]| {
        other
            .iter()
            .any(|b| a.0.iter().any(|x| b.0.contains(x)) && a.1.iter().any(|y| b.1.contains(y)))
    };
    let tc = t.iter().filter(|l| overlaps(l, &g)).count();
    let gf = g.iter().filter(|l| overlaps(l, &t)).count();
    Score::from_counts(tc, t.len(), gf, g.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gold_with_empty_sides() {
        let g = read_links("g", "0\t0\n1,2\t1\n\t2\n3\t\n").unwrap();
        assert_eq!(
            g,
            vec![
                (vec![0], vec![0]),
                (vec![1, 2], vec![1]),
                (vec![], vec![2]),
                (vec![3], vec![])
            ]
        );
        let e = read_links("g", "0\t0\nx\t1\n").unwrap_err().to_string();
        assert_eq!(e, "g:2:1: `x` is not a sentence index");
    }

    #[test]
    fn strict_and_lax_by_hand() {
        let gold = vec![(vec![0], vec![0]), (vec![1, 2], vec![1]), (vec![3], vec![])];
        let test = vec![
            (vec![0], vec![0]),
            (vec![1], vec![1]),
            (vec![2], vec![]),
            (vec![3], vec![]),
        ];
        let s = strict(&test, &gold);
        assert_eq!(
            (s.test_correct, s.test_total, s.gold_found, s.gold_total),
            (1, 2, 1, 2)
        );
        assert!((s.f1 - 0.5).abs() < 1e-12);
        let l = lax(&test, &gold);
        assert_eq!(
            (l.test_correct, l.test_total, l.gold_found, l.gold_total),
            (2, 2, 2, 2)
        );
        assert!((l.f1 - 1.0).abs() < 1e-12);
    }
}
