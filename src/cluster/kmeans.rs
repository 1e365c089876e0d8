//! Spherical k-means (cosine similarity, unit centroids) with k-means++
//! seeding on cosine distance, restarts keeping the best total similarity,
//! and optional anchored centroids for seeded topics.

use super::linalg::dot;
use super::lloyd::refine;
use super::rng::Rng;

/// A fitted clustering of the rows of a point matrix.
#[derive(Debug, Clone)]
pub(super) struct Fit {
    /// Row-major `k × dim`, unit rows (an anchored centroid may equal its anchor).
    pub centroids: Vec<f32>,
    pub labels: Vec<usize>,
    /// Cosine of each point to its centroid.
    pub sims: Vec<f32>,
    /// Sum of `sims`.
    pub objective: f64,
}

/// How hard to search.
#[derive(Debug, Clone, Copy)]
pub(super) struct Params {
    pub k: usize,
    pub restarts: usize,
    pub max_iter: usize,
    /// Each restart stops once at most one point in this many changes label in
    /// an iteration (0: restarts run to convergence); [`fit`] then runs the
    /// winner to convergence. Restarts only have to show which start is best, and
    /// on 2,000 texts half of their iterations moved under 1 % of the texts.
    /// A share, not a count, because the points may be a sample of the texts.
    pub settle_share: usize,
    pub seed: u64,
    pub threads: usize,
}

/// Runs `f(0..n)` on `threads` workers (0 = all cores), results in index
/// order, so the outcome never depends on the thread count.
pub(super) fn par_map<T: Send>(n: usize, threads: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    if threads != 1 && n > 1 {
        use rayon::prelude::*;
        if let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            return pool.install(|| (0..n).into_par_iter().map(&f).collect());
        }
    }
    (0..n).map(f).collect()
}

/// Best of `p.restarts` runs on the unit rows of `x` (`dim` wide), run to
/// convergence. The first `anchors.len()` centroids are anchored: they start at
/// the anchor and move only half-way towards their members' mean.
pub(super) fn fit(x: &[f32], dim: usize, anchors: &[Vec<f32>], p: &Params) -> Fit {
    let best = best_start(x, dim, anchors, p);
    if p.settle_share == 0 {
        return best;
    }
    lloyd(x, dim, best.centroids, anchors, p.max_iter)
}

/// Best of `p.restarts` runs, each stopped as `p.settle_share` says.
fn best_start(x: &[f32], dim: usize, anchors: &[Vec<f32>], p: &Params) -> Fit {
    let settle = (x.len() / dim.max(1))
        .checked_div(p.settle_share)
        .unwrap_or(0);
    let runs = par_map(p.restarts.max(1), p.threads, |r| {
        restart(x, dim, anchors, p, r, settle)
    });
    best_of(runs).unwrap_or_else(|| lloyd(x, dim, Vec::new(), anchors, 0))
}

/// Restart `r` of [`fit`]: seeded k-means++ then Lloyd until at most `settle` points move.
pub(super) fn restart(
    x: &[f32],
    dim: usize,
    anchors: &[Vec<f32>],
    p: &Params,
    r: usize,
    settle: usize,
) -> Fit {
    let mut rng = Rng::derive(p.seed, r as u64);
    let init = init_pp(x, dim, p.k, anchors, &mut rng);
    refine(x, dim, init, anchors, p.max_iter, settle)
}

/// The run with the highest objective; the earliest on ties.
pub(super) fn best_of(runs: impl IntoIterator<Item = Fit>) -> Option<Fit> {
    let mut best: Option<Fit> = None;
    for run in runs {
        if best.as_ref().is_none_or(|b| run.objective > b.objective) {
            best = Some(run);
        }
    }
    best
}

/// Greedy k-means++ on cosine distance (1 − cos, i.e. half the squared
/// Euclidean distance between unit vectors): each step draws 2 + ⌊ln k⌋
/// candidates by D² sampling and keeps the one that lowers the total
/// distance most (Arthur & Vassilvitskii's variant, as in scikit-learn); it
/// reaches better optima than single draws at the same restart count.
/// Anchors count as already chosen.
pub(super) fn init_pp(
    x: &[f32],
    dim: usize,
    k: usize,
    anchors: &[Vec<f32>],
    rng: &mut Rng,
) -> Vec<f32> {
    let n = x.len() / dim;
    let tries = 2 + (k.max(1) as f64).ln() as usize;
    let mut cents: Vec<f32> = Vec::with_capacity(k * dim);
    let mut dist = vec![1.0f64; n];
    // Distances to the chosen centroids after adding `c`.
    let with = |c: &[f32], dist: &[f64]| -> Vec<f64> {
        x.chunks_exact(dim)
            .zip(dist)
            .map(|(p, &d)| d.min((1.0 - f64::from(dot(p, c))).max(0.0)))
            .collect()
    };
    for a in anchors.iter().take(k) {
        dist = with(a, &dist);
        cents.extend_from_slice(a);
    }
    while cents.len() < k * dim && n > 0 {
        let total: f64 = dist.iter().sum();
        let first = cents.is_empty() || total <= 1e-12;
        let mut best: Option<(f64, usize, Vec<f64>)> = None;
        for _ in 0..if first { 1 } else { tries } {
            let pick = if first {
                rng.below(n)
            } else {
                let mut r = rng.next_f64() * total;
                let mut pick = n - 1;
                for (i, &d) in dist.iter().enumerate() {
                    r -= d;
                    if r < 0.0 {
                        pick = i;
                        break;
                    }
                }
                pick
            };
            let nd = with(&x[pick * dim..(pick + 1) * dim], &dist);
            let potential: f64 = nd.iter().sum();
            if best.as_ref().is_none_or(|b| potential < b.0) {
                best = Some((potential, pick, nd));
            }
        }
        if let Some((_, pick, nd)) = best {
            cents.extend_from_slice(&x[pick * dim..(pick + 1) * dim]);
            dist = nd;
        }
    }
    cents
}

/// Lloyd iterations from the given centroids until labels stop changing.
pub(super) fn lloyd(
    x: &[f32],
    dim: usize,
    cents: Vec<f32>,
    anchors: &[Vec<f32>],
    max_iter: usize,
) -> Fit {
    refine(x, dim, cents, anchors, max_iter, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_two_obvious_groups() {
        let x = [1.0, 0.0, 0.99, 0.141, 0.0, 1.0, 0.141, 0.99];
        let p = Params {
            k: 2,
            restarts: 3,
            max_iter: 10,
            settle_share: 0,
            seed: 1,
            threads: 1,
        };
        let f = fit(&x, 2, &[], &p);
        assert_eq!(f.labels[0], f.labels[1]);
        assert_eq!(f.labels[2], f.labels[3]);
        assert_ne!(f.labels[0], f.labels[2]);
    }
}
