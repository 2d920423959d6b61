//! Banded dynamic programming over sentence beads.
//!
//! A state `(i, j)` means "the first `i` source and `j` target sentences are aligned". A bead of
//! type `(di, dj)` moves from `(i−di, j−dj)` to `(i, j)`. Only states inside a [`Band`] exist,
//! so memory and time grow with `rows × band width`, not with `n × m`.

/// The bead types, as (source sentences, target sentences).
pub const BEADS: [(usize, usize); 8] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
];

/// For every target row `j` in `0..=m`, the inclusive range of source positions `i` allowed.
/// Both bounds are non-decreasing in `j`; `(0, 0)` and `(n, m)` are always inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub n: usize,
    pub m: usize,
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    fn from_bounds(n: usize, m: usize, mut lo: Vec<usize>, mut hi: Vec<usize>) -> Band {
        lo[0] = 0;
        hi[m] = n;
        // Monotone envelopes: lo non-decreasing (running min from the end), hi non-decreasing.
        for j in (0..m).rev() {
            lo[j] = lo[j].min(lo[j + 1]);
        }
        for j in 1..=m {
            hi[j] = hi[j].max(hi[j - 1]);
        }
        for j in 0..=m {
            hi[j] = hi[j].min(n);
            lo[j] = lo[j].min(hi[j]);
        }
        let mut offset = Vec::with_capacity(m + 2);
        let mut acc = 0;
        for j in 0..=m {
            offset.push(acc);
            acc += hi[j] - lo[j] + 1;
        }
        offset.push(acc);
        Band {
            n,
            m,
            lo,
            hi,
            offset,
        }
    }

    /// Every state.
    pub fn full(n: usize, m: usize) -> Band {
        Band::from_bounds(n, m, vec![0; m + 1], vec![n; m + 1])
    }

    /// A band of half-width `w` around the straight diagonal from `(0,0)` to `(n,m)`.
    pub fn diagonal(n: usize, m: usize, w: usize) -> Band {
        let centre = |j: usize| (j * n).checked_div(m).unwrap_or(0);
        let lo = (0..=m).map(|j| centre(j).saturating_sub(w)).collect();
        let hi = (0..=m).map(|j| (centre(j) + w).min(n)).collect();
        Band::from_bounds(n, m, lo, hi)
    }

    /// A band of half-width `w` around a path of states (as returned by [`viterbi`]).
    pub fn around(n: usize, m: usize, path: &[(usize, usize)], w: usize) -> Band {
        let mut lo = vec![usize::MAX; m + 1];
        let mut hi = vec![0usize; m + 1];
        for &(i, j) in path {
            if j <= m {
                lo[j] = lo[j].min(i);
                hi[j] = hi[j].max(i);
            }
        }
        // Rows the path jumped over (2- and 3-target beads) take the previous row's range.
        for j in 0..=m {
            if lo[j] == usize::MAX {
                let (pl, ph) = if j == 0 {
                    (0, 0)
                } else {
                    (lo[j - 1], hi[j - 1])
                };
                lo[j] = pl;
                hi[j] = ph;
            }
        }
        let lo = lo.iter().map(|&l| l.saturating_sub(w)).collect();
        let hi = hi.iter().map(|&h| h + w).collect();
        Band::from_bounds(n, m, lo, hi)
    }

    /// Index of the first state of row `j` (`len()` for `j > m`).
    pub fn row_start(&self, j: usize) -> usize {
        self.offset[j.min(self.m + 1)]
    }

    /// Number of states.
    pub fn len(&self) -> usize {
        self.offset[self.m + 1]
    }

    /// True when the band holds no state (never: `(0,0)` is always in).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Index of state `(i, j)`, if inside the band.
    pub fn index(&self, i: usize, j: usize) -> Option<usize> {
        if j > self.m || i < self.lo[j] || i > self.hi[j] {
            return None;
        }
        Some(self.offset[j] + i - self.lo[j])
    }

    /// The source range of row `j`.
    pub fn row(&self, j: usize) -> std::ops::RangeInclusive<usize> {
        self.lo[j]..=self.hi[j]
    }

    /// Whether state `(i, j)` lies within `margin` of an edge of the band that is not the edge
    /// of the whole matrix (a sign the band was too narrow there).
    pub fn near_edge(&self, i: usize, j: usize, margin: usize) -> bool {
        (self.lo[j] > 0 && i < self.lo[j] + margin)
            || (self.hi[j] < self.n && i + margin > self.hi[j])
    }

    /// True when the band covers the whole matrix.
    pub fn is_full(&self) -> bool {
        (0..=self.m).all(|j| self.lo[j] == 0 && self.hi[j] == self.n)
    }
}

/// One step of a best path: the bead type index into [`BEADS`] and the state it ends at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub bead: usize,
    pub i: usize,
    pub j: usize,
}

/// The best (lowest total cost) path through the band. `cost(k, i, j)` is the cost of bead
/// `BEADS[k]` ending at `(i, j)`; infinite or NaN costs forbid the move.
pub fn viterbi(band: &Band, mut cost: impl FnMut(usize, usize, usize) -> f64) -> Vec<Step> {
    let mut best = vec![f64::INFINITY; band.len()];
    let mut back = vec![u8::MAX; band.len()];
    if let Some(s) = band.index(0, 0) {
        best[s] = 0.0;
    }
    for j in 0..=band.m {
        for i in band.row(j) {
            let Some(s) = band.index(i, j) else { continue };
            for (k, &(di, dj)) in BEADS.iter().enumerate() {
                if i < di || j < dj {
                    continue;
                }
                let Some(p) = band.index(i - di, j - dj) else {
                    continue;
                };
                if !best[p].is_finite() {
                    continue;
                }
                let c = cost(k, i, j);
                if !c.is_finite() {
                    continue;
                }
                let total = best[p] + c;
                if total < best[s] {
                    best[s] = total;
                    back[s] = k as u8;
                }
            }
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (band.n, band.m);
    while i > 0 || j > 0 {
        let Some(s) = band.index(i, j) else { break };
        let k = back[s] as usize;
        if k >= BEADS.len() {
            // Unreachable end: should not happen since 1-0 and 0-1 beads always connect a band.
            break;
        }
        steps.push(Step { bead: k, i, j });
        i -= BEADS[k].0;
        j -= BEADS[k].1;
    }
    steps.reverse();
    steps
}

/// `ln Σ exp(v)` over `vals` (`−∞` when empty).
fn log_sum_exp(vals: &[f64]) -> f64 {
    let max = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + vals.iter().map(|&v| (v - max).exp()).sum::<f64>().ln()
}

/// Posterior probability of each step of `path` among all paths through the band, with bead
/// probabilities `exp(−cost / temperature)` (forward–backward in log space).
pub fn posteriors(
    band: &Band,
    cost: impl Fn(usize, usize, usize) -> f64,
    path: &[Step],
    temperature: f64,
) -> Vec<f64> {
    let t = temperature.max(1e-6);
    let mut fwd = vec![f64::NEG_INFINITY; band.len()];
    let mut terms = Vec::with_capacity(BEADS.len());
    for j in 0..=band.m {
        for i in band.row(j) {
            let Some(s) = band.index(i, j) else { continue };
            if i == 0 && j == 0 {
                fwd[s] = 0.0;
                continue;
            }
            terms.clear();
            for (k, &(di, dj)) in BEADS.iter().enumerate() {
                if i < di || j < dj {
                    continue;
                }
                let Some(p) = band.index(i - di, j - dj) else {
                    continue;
                };
                let c = cost(k, i, j);
                if fwd[p] == f64::NEG_INFINITY || !c.is_finite() {
                    continue;
                }
                terms.push(fwd[p] - c / t);
            }
            fwd[s] = log_sum_exp(&terms);
        }
    }
    let mut bwd = vec![f64::NEG_INFINITY; band.len()];
    for j in (0..=band.m).rev() {
        for i in band.row(j).rev() {
            let Some(p) = band.index(i, j) else { continue };
            if i == band.n && j == band.m {
                bwd[p] = 0.0;
                continue;
            }
            terms.clear();
            for (k, &(di, dj)) in BEADS.iter().enumerate() {
                let Some(s) = band.index(i + di, j + dj) else {
                    continue;
                };
                if bwd[s] == f64::NEG_INFINITY {
                    continue;
                }
                let c = cost(k, i + di, j + dj);
                if !c.is_finite() {
                    continue;
                }
                terms.push(bwd[s] - c / t);
            }
            bwd[p] = log_sum_exp(&terms);
        }
    }
    let z = band
        .index(band.n, band.m)
        .map_or(f64::NEG_INFINITY, |s| fwd[s]);
    path.iter()
        .map(|st| {
            let (di, dj) = BEADS[st.bead];
            let (Some(s), Some(p)) = (band.index(st.i, st.j), band.index(st.i - di, st.j - dj))
            else {
                return 0.0;
            };
            let lp = fwd[p] - cost(st.bead, st.i, st.j) / t + bwd[s] - z;
            if lp.is_finite() {
                lp.exp().clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagonal_band_contains_corners_and_is_monotone() {
        let b = Band::diagonal(100, 3, 5);
        assert!(b.index(0, 0).is_some());
        assert!(b.index(100, 3).is_some());
        assert!(b.index(50, 0).is_none());
        let full = Band::full(4, 2);
        assert_eq!(full.len(), 15);
        assert!(full.is_full());
    }

    #[test]
    fn viterbi_prefers_cheap_one_to_one() {
        let band = Band::full(3, 3);
        let path = viterbi(&band, |k, _, _| if k == 0 { 1.0 } else { 5.0 });
        assert_eq!(path.len(), 3);
        assert!(path.iter().all(|s| s.bead == 0));
        let post = posteriors(&band, |k, _, _| if k == 0 { 1.0 } else { 5.0 }, &path, 1.0);
        assert!(post.iter().all(|&p| p > 0.5 && p <= 1.0));
    }
}
