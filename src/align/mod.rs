//! Sentence alignment of a French text with its English original.
//!
//! STUB (interface contract): the real implementation replaces the bodies, not the signatures.

/// One bead: consecutive French sentences linked to consecutive English sentences (either side may be empty).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Bead {
    /// Indices of the French sentences (0-based, consecutive).
    pub src: Vec<usize>,
    /// Indices of the English sentences (0-based, consecutive).
    pub tgt: Vec<usize>,
    /// Confidence in [0, 1].
    pub confidence: f64,
}

/// Options of the aligner.
#[derive(Debug, Clone, Default)]
pub struct AlignOptions {}

/// Aligns two sentence lists; every sentence of each side appears in exactly one bead, in order.
pub fn align(src: &[&str], tgt: &[&str], _opts: &AlignOptions) -> Vec<Bead> {
    let n = src.len().min(tgt.len());
    let mut beads: Vec<Bead> = (0..n)
        .map(|i| Bead {
            src: vec![i],
            tgt: vec![i],
            confidence: 0.5,
        })
        .collect();
    beads.extend((n..src.len()).map(|i| Bead {
        src: vec![i],
        tgt: vec![],
        confidence: 0.5,
    }));
    beads.extend((n..tgt.len()).map(|i| Bead {
        src: vec![],
        tgt: vec![i],
        confidence: 0.5,
    }));
    beads
}
