//! Choosing the number of topics: the gap statistic (Tibshirani, Walther &
//! Hastie 2001) against a null model made for short texts.
//!
//! Criterion: on a sample of the placeable texts, W(k) is the spherical
//! k-means dispersion Σ(1 − cos to centroid), best of a few restarts. The
//! null references are the same sample with its words shuffled across
//! texts (word frequencies, text lengths and weights kept, topical
//! co-occurrence destroyed), embedded with the same word vectors; `B` of
//! them give E*[ln W(k)] and its spread sd(k)·√(1 + 1/B). With the gap
//! G(k) = E*[ln W(k)] − ln W(k), k is the smallest in [`k_range`] where the
//! curve stops rising clearly, by either test, with a look-ahead of
//! a = [`LOOK_AHEAD`] topics:
//! - within noise: G(k) ≥ G(k+a) − 1.5·s, a more topics explain no more
//!   than they would for topic-free texts, where s is the spread pooled
//!   (root mean square) over every k evaluated up to k+a: four references
//!   estimate one k's spread too roughly, and on 78 cards a single high
//!   estimate stopped the choice at 4 topics in two draws of eight (with a = 1
//!   and s(k+1) alone this would be Tibshirani's rule with a stricter factor);
//! - levels off (k above the range's bottom): the gain per topic ahead,
//!   (G(k+a) − G(k))/a, is below [`KNEE`] of the mean gain per topic so far,
//!   (G(k) − G(3))/(k − 3);
//!
//! (k+a capped at the range's top; the top if no k qualifies). Evaluation
//! stops at the chosen k + a.
//!
//! Why this null: with shuffled vector coordinates (or a Gaussian blob) as
//! the reference, frequent words alone produce reproducible clusters that
//! the reference lacks, so stability and gap kept growing with k; word
//! shuffling keeps exactly that effect in the reference.

use super::kmeans::{Params, best_of, par_map, restart};
use super::rng::Rng;

/// Texts in the sample at most; larger inputs are subsampled, which also
/// bounds the cost at any input size.
const SAMPLE: usize = 800;
/// One more topic must raise the gap by more than this many standard errors
/// (Tibshirani's rule uses 1): with up to n/6 topics on small inputs, 1 let
/// sampling noise split a clear topic in two.
const SE_FACTOR: f64 = 1.5;
/// The curve levels off at k when the gap gained per topic over the next
/// topics is below this share of the mean gain per topic from the range's
/// bottom to k (0.2–0.3 chose the same k on every set measured).
const KNEE: f64 = 0.25;
/// Null references.
const B: usize = 4;
/// Restarts per W(k): more on the real sample, whose local optima are the
/// main noise in the gap curve; fewer on the smoother references. At workshop
/// scale, where they are cheap, 16 and 6: with 8 and 3 the same cards got 11–20
/// topics (the demo's 164) or 4–11 (78 cards) as the references and restarts were
/// drawn; with 16, 6 and the pooled spread, 15–18 with one draw at 11, and 10–11.
/// Above workshop scale the sample of 800 is smooth enough for 4 and 2; 3 and 1
/// halved the cost again but let one draw of the sample in eight lose two or
/// three of nine wide synthetic groups, which 4 and 2 never did.
fn restarts(n: usize, real: bool) -> usize {
    match (n <= WORKSHOP_SCALE, real) {
        (true, true) => 16,
        (true, false) => 6,
        (false, true) => 4,
        (false, false) => 2,
    }
}

/// Candidate range for `n` placeable texts: 3..=min(15, √(n/2)) as a rule, and
/// for workshop-scale inputs (up to 300 cards) up to n/6 topics, at most 20: a
/// training session's cards come in many small topics of 10–20 cards each.
pub fn k_range(n: usize) -> (usize, usize) {
    let by_sqrt = ((n as f64 / 2.0).sqrt().floor() as usize).min(15);
    let hi = if n <= WORKSHOP_SCALE {
        by_sqrt.max(n / 6).min(MAX_K)
    } else {
        by_sqrt
    };
    (3, hi.max(3))
}

/// Inputs up to this size are treated as workshop cards in [`k_range`].
const WORKSHOP_SCALE: usize = 300;
/// The most topics automatic k proposes.
const MAX_K: usize = 20;

/// Picks k for the unit rows of `x` (`dim` wide). `null_of(rows, seed)`
/// gives the word-shuffled vectors of those rows of `x`. Returns k and the
/// gap of each k evaluated (evaluation stops at the chosen k + its look-ahead).
pub(super) fn choose_k(
    x: &[f32],
    dim: usize,
    seed: u64,
    threads: usize,
    null_of: &dyn Fn(&[usize], u64) -> Vec<f32>,
) -> (usize, Vec<(usize, f64)>) {
    let n = x.len() / dim.max(1);
    let (lo, hi) = k_range(n);
    if n < 2 * lo {
        return (n.clamp(1, lo), Vec::new());
    }
    let all: Vec<usize> = (0..n).collect();
    let base = Rng::derive(seed, 0x5eed).sample(&all, SAMPLE.min(n));
    let mut sets: Vec<Vec<f32>> = vec![
        base.iter()
            .flat_map(|&i| x[i * dim..(i + 1) * dim].iter().copied())
            .collect(),
    ];
    for b in 0..B {
        sets.push(null_of(&base, seed ^ (0x9a9 + b as u64)));
    }
    // Gap at k and the references' ln W(k).
    let gap = |k: usize| -> (f64, Vec<f64>) {
        let params = |s: usize| Params {
            k,
            restarts: restarts(n, s == 0),
            max_iter: 30,
            // Run to convergence: stopping early moved the gap enough to change k
            // on budget titles (7 → 5).
            settle_share: 0,
            seed: seed ^ ((k as u64) << 8) ^ s as u64,
            threads: 1,
        };
        // Every restart of every set is one task, so the cores share the work evenly
        // (the real sample has more restarts than each reference); the best restart
        // per set is the one `fit` would keep.
        let tasks: Vec<(usize, usize)> = (0..sets.len())
            .flat_map(|s| (0..params(s).restarts).map(move |r| (s, r)))
            .collect();
        let runs = par_map(tasks.len(), threads, |t| {
            let (s, r) = tasks[t];
            restart(&sets[s], dim, &[], &params(s), r, 0)
        });
        let mut runs = runs.into_iter();
        let log_w: Vec<f64> = (0..sets.len())
            .map(|s| {
                let w: f64 = best_of(runs.by_ref().take(params(s).restarts)).map_or(0.0, |f| {
                    f.sims.iter().map(|&v| (1.0 - f64::from(v)).max(0.0)).sum()
                });
                w.max(1e-9).ln()
            })
            .collect();
        let nulls = log_w[1..].to_vec();
        let mean = nulls.iter().sum::<f64>() / nulls.len() as f64;
        (mean - log_w[0], nulls)
    };
    // (k, gap, the references' ln W) of every k evaluated.
    let mut per_k: Vec<(usize, f64, Vec<f64>)> = Vec::new();
    let gap_at = |k: usize, per_k: &mut Vec<(usize, f64, Vec<f64>)>| -> f64 {
        if let Some((_, g, _)) = per_k.iter().find(|e| e.0 == k) {
            return *g;
        }
        let (g, s) = gap(k);
        per_k.push((k, g, s));
        g
    };
    let g_lo = gap_at(lo, &mut per_k);
    let mut chosen = hi;
    for k in lo..hi {
        let g = gap_at(k, &mut per_k);
        let next = (k + LOOK_AHEAD).min(hi);
        let g_next = gap_at(next, &mut per_k);
        // Every k from the bottom to `next` has been evaluated by now.
        let spread = pooled_spread(&per_k, n > WORKSHOP_SCALE);
        let within_noise = g >= g_next - SE_FACTOR * spread;
        // Gain per topic ahead against the mean gain per topic up to k.
        let rate_ahead = (g_next - g) / (next - k) as f64;
        let levels_off = k > lo && rate_ahead < KNEE * (g - g_lo) / (k - lo) as f64;
        if within_noise || levels_off {
            chosen = k;
            break;
        }
    }
    per_k.sort_by_key(|e| e.0);
    (chosen, per_k.into_iter().map(|(k, g, _)| (k, g)).collect())
}

/// The references' spread of ln W, pooled (root mean square) over every k evaluated,
/// times √(1 + 1/B). With `without_levels` each reference's own level (its mean ln W
/// over those k) is taken out first: the test compares gaps at two k of the same
/// references, so a reference that is tighter or looser at every k moves both alike.
/// Above workshop scale, left in, one such reference in a draw of four stopped the
/// budget titles at 5 topics (13–15 in the other draws; 14–15 in all eight without
/// it). On workshop cards the levels stay in: there they stand in for the noise of
/// the cards' own ln W, and without them the blind cards got 12–19 topics over the
/// draws instead of 10–13 and the five-theme cards 6 instead of 5.
fn pooled_spread(per_k: &[(usize, f64, Vec<f64>)], without_levels: bool) -> f64 {
    let refs = per_k.first().map_or(0, |e| e.2.len());
    if refs == 0 {
        return 0.0;
    }
    let level: Vec<f64> = (0..refs)
        .map(|b| {
            if without_levels {
                per_k.iter().map(|e| e.2[b]).sum::<f64>() / per_k.len() as f64
            } else {
                0.0
            }
        })
        .collect();
    let b = refs as f64;
    let var = per_k
        .iter()
        .map(|e| {
            let dev: Vec<f64> = e.2.iter().zip(&level).map(|(v, l)| v - l).collect();
            let mean = dev.iter().sum::<f64>() / b;
            dev.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / b
        })
        .sum::<f64>()
        / per_k.len() as f64;
    (var * (1.0 + 1.0 / b)).sqrt()
}

/// How many topics further the gap is compared, at every input size. A single
/// small topic's gain (5–20 workshop cards) lies within the references' noise, so
/// a one-step comparison stopped at the first plateau (78 cards on 13 topics → 3).
/// On thousands of texts one step was no better: over eight draws of the sample,
/// budget titles got 3–13 topics, headlines 3–7 and their perturbed 10k copies
/// 3–13, as bumps of a nearly straight gap curve happened to fall; three steps
/// (with the pooled spread) give 14–15, 7–12 and 13–15.
const LOOK_AHEAD: usize = 3;

#[cfg(test)]
mod tests {
    use super::super::linalg::normalize;
    use super::*;

    const DIM: usize = 24;

    /// A unit vector with independent roughly Gaussian coordinates (sum of
    /// uniforms: enough for direction noise).
    fn noise(rng: &mut Rng, scale: f32) -> Vec<f32> {
        (0..DIM)
            .map(|_| (0..4).map(|_| rng.next_f64() as f32 - 0.5).sum::<f32>() * scale)
            .collect()
    }

    /// `groups` clusters of `per_group` unit points around random centres.
    fn clusters(groups: usize, per_group: usize, seed: u64) -> Vec<f32> {
        clusters_with(groups, per_group, seed, 0.25)
    }

    /// The same with the points' noise scaled by `spread` (larger: groups overlap more).
    fn clusters_with(groups: usize, per_group: usize, seed: u64, spread: f32) -> Vec<f32> {
        let mut rng = Rng::new(seed);
        let centres: Vec<Vec<f32>> = (0..groups)
            .map(|_| {
                let mut c = noise(&mut rng, 1.0);
                normalize(&mut c);
                c
            })
            .collect();
        let mut x = Vec::new();
        for c in &centres {
            for _ in 0..per_group {
                let mut p: Vec<f32> = c
                    .iter()
                    .zip(noise(&mut rng, spread))
                    .map(|(a, b)| a + b)
                    .collect();
                normalize(&mut p);
                x.extend(p);
            }
        }
        x
    }

    /// Structure-free references: random directions.
    fn null_of(rows: &[usize], seed: u64) -> Vec<f32> {
        let mut rng = Rng::new(seed);
        let mut x = Vec::new();
        for _ in rows {
            let mut p = noise(&mut rng, 1.0);
            normalize(&mut p);
            x.extend(p);
        }
        x
    }

    /// Many small groups (workshop scale), a few larger ones, and thousands of
    /// points: the number of groups within one, whatever the seed.
    #[test]
    fn finds_the_number_of_clear_groups_at_several_sizes() {
        for (groups, per_group) in [(12, 7), (5, 40), (15, 12), (8, 100)] {
            for seed in [1, 2] {
                let x = clusters(groups, per_group, seed);
                let (k, _) = choose_k(&x, DIM, seed, 1, &null_of);
                assert!(
                    k.abs_diff(groups) <= 1,
                    "{groups} groups of {per_group}, seed {seed}: k {k}"
                );
            }
        }
    }

    /// Above workshop scale only a sample of 800 is clustered; which sample is drawn
    /// must not decide the number of topics (one-step look-ahead gave 3–13 topics on
    /// the budget titles as the sample changed).
    #[test]
    fn the_sample_drawn_does_not_decide_k_on_thousands_of_points() {
        // Wide groups: with a one-step look-ahead these gave 5–9 topics by sample.
        let x = clusters_with(9, 260, 5, 0.6);
        let ks: Vec<usize> = (1..=4)
            .map(|seed| choose_k(&x, DIM, seed, 2, &null_of).0)
            .collect();
        assert!(
            ks.iter().all(|k| k.abs_diff(9) <= 1),
            "k per sample: {ks:?}"
        );
    }

    /// A reference that is looser at every k by the same amount says nothing about
    /// the noise of a gap's rise; taken out, only the references' disagreement on
    /// how ln W falls with k is left.
    #[test]
    fn a_reference_level_is_no_noise_once_taken_out() {
        let curve = [5.0, 4.9, 4.8];
        let per_k: Vec<(usize, f64, Vec<f64>)> = curve
            .iter()
            .enumerate()
            .map(|(i, &w)| (3 + i, 0.0, vec![w, w, w + 0.04, w]))
            .collect();
        assert!(pooled_spread(&per_k, false) > 0.015);
        assert!(pooled_spread(&per_k, true) < 1e-9);
        let mut bent = per_k.clone();
        bent[2].2[1] += 0.02;
        assert!(pooled_spread(&bent, true) > 0.003);
    }

    #[test]
    fn same_points_same_k() {
        let x = clusters(10, 9, 3);
        let a = choose_k(&x, DIM, 7, 1, &null_of);
        let b = choose_k(&x, DIM, 7, 2, &null_of);
        assert_eq!(a, b);
    }
}
