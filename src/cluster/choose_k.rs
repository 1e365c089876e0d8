//! Choosing the number of topics by stability, corrected for chance.
//!
//! Criterion: for each candidate k, cluster pairs of random 80 % subsamples
//! of (a sample of) the placeable texts and compare the two clusterings on
//! the texts they share with the adjusted Rand index (mean over pairs =
//! stability S(k)). Raw stability always favours the smallest k (few big
//! blobs are easy to reproduce), so the same is measured on a null
//! reference — the same points with each coordinate shuffled across points,
//! which keeps the spread but destroys the structure — giving S0(k). The
//! score is the kappa-style agreement beyond chance
//! (S − S0) / (1 − S0); the highest wins (ties: the smaller k). k = 2 is
//! never considered (range starts at 3).

use super::kmeans::{Params, fit, par_map};
use super::linalg::normalize;
use super::metrics::ari;
use super::rng::Rng;

/// Texts used for the stability runs at most; larger inputs are sampled.
const SAMPLE: usize = 1200;
/// Subsample pairs per k.
const PAIRS: usize = 4;
const RESTARTS: usize = 3;

/// Candidate range for `n` placeable texts: 3..=min(15, √(n/2)), but never
/// more than n/5 topics so that each could hold a handful of cards.
pub fn k_range(n: usize) -> (usize, usize) {
    let hi = ((n as f64 / 2.0).sqrt().floor() as usize)
        .min(15)
        .min(n / 5);
    (3, hi.max(3))
}

/// Picks k for the unit rows of `x` (`dim` wide), returns it with the
/// per-k stability scores.
pub(super) fn choose_k(
    x: &[f32],
    dim: usize,
    seed: u64,
    threads: usize,
) -> (usize, Vec<(usize, f64)>) {
    let n = x.len() / dim;
    let (lo, hi) = k_range(n);
    if n < 2 * lo {
        return (n.clamp(1, lo), Vec::new());
    }
    let all: Vec<usize> = (0..n).collect();
    let base = Rng::derive(seed, 0x5eed).sample(&all, SAMPLE.min(n));
    let ks: Vec<usize> = (lo..=hi).collect();
    let real: Vec<f32> = base
        .iter()
        .flat_map(|&i| x[i * dim..(i + 1) * dim].iter().copied())
        .collect();
    let null = null_reference(&real, dim, seed);
    let real_scores = stability(&real, dim, &ks, seed, threads);
    let null_scores = stability(&null, dim, &ks, seed ^ 0x0dd, threads);
    let per_k: Vec<(usize, f64)> = ks
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let null = null_scores[i].clamp(0.0, 0.99);
            (k, (real_scores[i] - null) / (1.0 - null))
        })
        .collect();
    let mut best = (lo, f64::NEG_INFINITY);
    for &(k, s) in &per_k {
        if s > best.1 + 1e-9 {
            best = (k, s);
        }
    }
    (best.0, per_k)
}

/// Same points with each coordinate shuffled independently across points
/// (rows re-normalised): keeps the marginal spread, destroys the joint
/// structure. Its stability is what a k gets from geometry alone.
fn null_reference(x: &[f32], dim: usize, seed: u64) -> Vec<f32> {
    let m = x.len() / dim;
    let mut rng = Rng::derive(seed, 0x0a11);
    let mut out = x.to_vec();
    let mut col: Vec<f32> = vec![0.0; m];
    for c in 0..dim {
        for (r, v) in col.iter_mut().enumerate() {
            *v = x[r * dim + c];
        }
        rng.shuffle(&mut col);
        for (r, v) in col.iter().enumerate() {
            out[r * dim + c] = *v;
        }
    }
    out.chunks_exact_mut(dim).for_each(|r| {
        normalize(r);
    });
    out
}

/// Mean ARI between clusterings of random 80 % subsample pairs, per k.
fn stability(x: &[f32], dim: usize, ks: &[usize], seed: u64, threads: usize) -> Vec<f64> {
    let m = x.len() / dim;
    let sub = (m * 4) / 5;
    let jobs: Vec<(usize, usize)> = ks
        .iter()
        .flat_map(|&k| (0..PAIRS).map(move |r| (k, r)))
        .collect();
    let scores = par_map(jobs.len(), threads, |j| {
        let (k, r) = jobs[j];
        let mut rng = Rng::derive(seed, (k * 1000 + r) as u64);
        let pos: Vec<usize> = (0..m).collect();
        let a = rng.sample(&pos, sub);
        let b = rng.sample(&pos, sub);
        let run = |idx: &[usize], s: u64| {
            let pts: Vec<f32> = idx
                .iter()
                .flat_map(|&i| x[i * dim..(i + 1) * dim].iter().copied())
                .collect();
            let p = Params {
                k,
                restarts: RESTARTS,
                max_iter: 20,
                seed: s,
                threads: 1,
            };
            fit(&pts, dim, &[], &p).labels
        };
        let la = run(&a, rng.next_u64());
        let lb = run(&b, rng.next_u64());
        // Labels on the overlap (both index lists are ascending).
        let (mut i, mut j) = (0, 0);
        let (mut oa, mut ob) = (Vec::new(), Vec::new());
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    oa.push(la[i]);
                    ob.push(lb[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
        ari(&oa, &ob)
    });
    (0..ks.len())
        .map(|i| scores[i * PAIRS..(i + 1) * PAIRS].iter().sum::<f64>() / PAIRS as f64)
        .collect()
}
