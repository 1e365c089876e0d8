//! External clustering scores (gold labels vs. predicted clusters). Any
//! `usize` ids work; give unsorted items unique ids to count them as
//! singletons.

use std::collections::BTreeMap;

struct Table {
    n: f64,
    cells: Vec<f64>,
    rows: Vec<f64>,
    cols: Vec<f64>,
}

fn table(a: &[usize], b: &[usize]) -> Table {
    let mut ia = BTreeMap::new();
    let mut ib = BTreeMap::new();
    let mut cells: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (&x, &y) in a.iter().zip(b) {
        let na = ia.len();
        let i = *ia.entry(x).or_insert(na);
        let nb = ib.len();
        let j = *ib.entry(y).or_insert(nb);
        *cells.entry((i, j)).or_insert(0.0) += 1.0;
    }
    let mut rows = vec![0.0; ia.len()];
    let mut cols = vec![0.0; ib.len()];
    for (&(i, j), &c) in &cells {
        rows[i] += c;
        cols[j] += c;
    }
    Table {
        n: a.len().min(b.len()) as f64,
        cells: cells.into_values().collect(),
        rows,
        cols,
    }
}

fn entropy(counts: &[f64], n: f64) -> f64 {
    counts
        .iter()
        .filter(|&&c| c > 0.0)
        .map(|&c| -(c / n) * (c / n).ln())
        .sum()
}

/// Returns (H(a), H(b), I(a; b)) in nats.
fn info(a: &[usize], b: &[usize]) -> (f64, f64, f64) {
    let t = table(a, b);
    if t.n == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    let (ha, hb) = (entropy(&t.rows, t.n), entropy(&t.cols, t.n));
    let hab = entropy(&t.cells, t.n);
    (ha, hb, (ha + hb - hab).max(0.0))
}

/// Normalised mutual information, arithmetic-mean normalisation (as
/// scikit-learn's default). Two single-cluster partitions score 1.
pub fn nmi(a: &[usize], b: &[usize]) -> f64 {
    let (ha, hb, mi) = info(a, b);
    if ha == 0.0 && hb == 0.0 {
        return 1.0;
    }
    (mi / f64::midpoint(ha, hb)).clamp(0.0, 1.0)
}

/// V-measure: harmonic mean of homogeneity and completeness of `pred`
/// with respect to `gold` (equals arithmetic NMI).
pub fn v_measure(gold: &[usize], pred: &[usize]) -> f64 {
    let (hg, hp, mi) = info(gold, pred);
    let h = if hg == 0.0 { 1.0 } else { mi / hg };
    let c = if hp == 0.0 { 1.0 } else { mi / hp };
    if h + c == 0.0 {
        0.0
    } else {
        2.0 * h * c / (h + c)
    }
}

/// Adjusted Rand index (Hubert & Arabie).
pub fn ari(a: &[usize], b: &[usize]) -> f64 {
    let t = table(a, b);
    let pairs = |x: f64| x * (x - 1.0) / 2.0;
    let index: f64 = t.cells.iter().map(|&c| pairs(c)).sum();
    let sa: f64 = t.rows.iter().map(|&c| pairs(c)).sum();
    let sb: f64 = t.cols.iter().map(|&c| pairs(c)).sum();
    let total = pairs(t.n);
    if total == 0.0 {
        return 1.0;
    }
    let expected = sa * sb / total;
    let max = f64::midpoint(sa, sb);
    // Only the exact degenerate case (both partitions trivial) has no adjustment.
    #[allow(clippy::float_cmp)]
    if max == expected {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// Share of items in the largest cluster of `labels`.
pub fn largest_share(labels: &[usize]) -> f64 {
    if labels.is_empty() {
        return 0.0;
    }
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &l in labels {
        *counts.entry(l).or_insert(0) += 1;
    }
    counts.values().copied().max().unwrap_or(0) as f64 / labels.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_partitions_score_one() {
        let a = [0, 0, 1, 1, 2, 2];
        let b = [5, 5, 3, 3, 9, 9];
        assert!((nmi(&a, &b) - 1.0).abs() < 1e-12);
        assert!((ari(&a, &b) - 1.0).abs() < 1e-12);
        assert!((v_measure(&a, &b) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn known_small_example() {
        // gold [0,0,0,1,1,1] vs pred [0,0,1,1,2,2]: contingency
        // [[2,1,0],[0,1,2]]; Σ C(n_ij,2) = 2, rows 3+3 = 6, cols 1+1+1 = 3,
        // C(6,2) = 15 → expected 6·3/15 = 1.2, max 4.5,
        // ARI = (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3.
        let g = [0, 0, 0, 1, 1, 1];
        let p = [0, 0, 1, 1, 2, 2];
        assert!((ari(&g, &p) - 0.8 / 3.3).abs() < 1e-12);
        // H(g) = ln 2, H(p) = ln 3, H(g,p) = −(4·(2/6)ln(2/6) + 2·(1/6)ln(1/6))
        let hg = 2f64.ln();
        let hp = 3f64.ln();
        let hgp =
            -(2.0 * (2.0 / 6.0) * (2.0f64 / 6.0).ln() + 2.0 * (1.0 / 6.0) * (1.0f64 / 6.0).ln());
        let expect = (hg + hp - hgp) / f64::midpoint(hg, hp);
        assert!((nmi(&g, &p) - expect).abs() < 1e-12);
        assert!((v_measure(&g, &p) - expect).abs() < 1e-12);
        assert!((largest_share(&p) - 2.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn independent_partitions_score_near_zero() {
        let g = [0, 0, 1, 1];
        let p = [0, 1, 0, 1];
        assert!(nmi(&g, &p).abs() < 1e-12);
        assert!(ari(&g, &p) <= 0.0);
    }
}
