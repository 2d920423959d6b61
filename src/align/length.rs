//! The length model (Gale & Church 1993): the length of a translation is roughly proportional to
//! the length of its source, with a variance that grows with the length.
//!
//! For a bead with `ls` source and `lt` target characters, `δ = (lt − c·ls) / sqrt(s²·l̄)` where
//! `l̄ = (ls + lt/c)/2` (a symmetric mean, so neither side is privileged), and the cost is
//! `−ln P(|Δ| ≥ |δ|)` under a standard normal.

/// Parameters of the length model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    /// Expected target characters per source character (English per French).
    pub ratio: f64,
    /// Variance of the target length per source character.
    pub variance: f64,
}

impl Default for LengthModel {
    /// French → English, non-space characters: English is about 5 % shorter; both figures
    /// estimated by [`LengthModel::estimate`] on the TransRead gold beads (five novels).
    fn default() -> Self {
        LengthModel {
            ratio: 0.95,
            variance: 3.5,
        }
    }
}

/// Upper bound of a length cost (keeps the DP numerically tame on absurd beads).
const MAX_COST: f64 = 40.0;

impl LengthModel {
    /// Estimates ratio and variance from pairs of (source, target) lengths of translated
    /// segments; falls back to the default with fewer than 10 usable pairs.
    pub fn estimate(pairs: &[(usize, usize)]) -> LengthModel {
        let usable: Vec<(f64, f64)> = pairs
            .iter()
            .filter(|(s, t)| *s > 0 && *t > 0)
            .map(|&(s, t)| (s as f64, t as f64))
            .collect();
        if usable.len() < 10 {
            return LengthModel::default();
        }
        let ratio =
            usable.iter().map(|p| p.1).sum::<f64>() / usable.iter().map(|p| p.0).sum::<f64>();
        let variance = usable
            .iter()
            .map(|&(s, t)| {
                let d = t - ratio * s;
                d * d / ((s + t / ratio) / 2.0)
            })
            .sum::<f64>()
            / usable.len() as f64;
        LengthModel {
            ratio,
            variance: variance.max(0.5),
        }
    }

    /// Cost (negative log probability) of a bead with `ls` source and `lt` target characters:
    /// `−ln P(|Δ| ≥ |δ|) = −ln erfc(|δ|/√2)`, computed from the logarithm of the erfc
    /// approximation directly (one `ln_1p`, no `exp`).
    pub fn cost(&self, ls: usize, lt: usize) -> f64 {
        let (ls, lt) = (ls as f64, lt as f64);
        let mean = ((ls + lt / self.ratio) / 2.0).max(1.0);
        let delta = (lt - self.ratio * ls) / (self.variance * mean).sqrt();
        neg_ln_erfc(delta.abs() / std::f64::consts::SQRT_2).min(MAX_COST)
    }
}

impl LengthModel {
    /// [`LengthModel::cost`] in single precision with a fast logarithm (within about 1e-4 of
    /// it), for the coarse length-only pass where only the path matters.
    pub fn cost_fast(&self, ls: usize, lt: usize) -> f32 {
        let (ls, lt) = (ls as f32, lt as f32);
        let (r, v) = (self.ratio as f32, self.variance as f32);
        let mean = ((ls + lt / r) * 0.5).max(1.0);
        let z = (lt - r * ls).abs() / (2.0 * v * mean).sqrt();
        let t = 1.0 / (1.0 + 0.5 * z);
        let poly = erfc_poly(t as f64) as f32;
        (super::scorer::fast_ln(1.0 + 0.5 * z) + z * z - poly).min(MAX_COST as f32)
    }
}

/// `−ln erfc(z)` for `z ≥ 0`, from the same rational approximation as [`erfc`].
fn neg_ln_erfc(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * z);
    (0.5 * z).ln_1p() + z * z - erfc_poly(t)
}

fn erfc_poly(t: f64) -> f64 {
    -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))))
}

/// Φ(x) for x ≥ 0 via the complementary error function (Abramowitz–Stegun 7.1.26 would be too
/// coarse in the tail; this uses the W. J. Cody-style rational approximation of erfc).
pub fn std_normal_cdf(x: f64) -> f64 {
    1.0 - 0.5 * erfc(x / std::f64::consts::SQRT_2)
}

/// Complementary error function, relative error < 1.2e-7 everywhere (Numerical Recipes' erfcc).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t * (-z * z + erfc_poly(t)).exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_is_lowest_at_the_expected_ratio() {
        let m = LengthModel {
            ratio: 0.9,
            variance: 6.8,
        };
        assert!(m.cost(100, 90) < 0.01);
        assert!(m.cost(100, 90) < m.cost(100, 60));
        assert!(m.cost(100, 60) < m.cost(100, 20));
        assert!(m.cost(100, 0) <= MAX_COST);
        // The same values as −ln(2(1 − Φ(|δ|))).
        for (ls, lt) in [(100, 90), (100, 60), (40, 55), (300, 200)] {
            let (a, b) = (ls as f64, lt as f64);
            let delta = (b - 0.9 * a) / (6.8 * ((a + b / 0.9) / 2.0)).sqrt();
            let want = -(2.0 * (1.0 - std_normal_cdf(delta.abs()))).ln();
            assert!((m.cost(ls, lt) - want).abs() < 1e-6, "{ls} {lt}");
            assert!(
                (m.cost_fast(ls, lt) as f64 - want).abs() < 1e-3,
                "{ls} {lt}"
            );
        }
    }

    #[test]
    fn normal_cdf_values() {
        assert!((std_normal_cdf(0.0) - 0.5).abs() < 1e-6);
        assert!((std_normal_cdf(1.96) - 0.975).abs() < 1e-4);
    }

    #[test]
    fn estimate_recovers_ratio() {
        let pairs: Vec<(usize, usize)> = (1..50).map(|i| (i * 10, i * 9)).collect();
        let m = LengthModel::estimate(&pairs);
        assert!((m.ratio - 0.9).abs() < 1e-9);
    }
}
