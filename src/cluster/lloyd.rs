//! Lloyd iterations of spherical k-means with Elkan's bounds: most texts keep
//! their topic from one iteration to the next, and bounds on each text's distance
//! to every centroid show that without computing all its cosines (Hamerly's single
//! lower bound skipped only half of them on short texts). The labels are exactly Lloyd's (the
//! bounds carry a margin for rounding); only the work differs.

use super::kmeans::Fit;
use super::linalg::{dot, normalize};

/// Margin on every bound, in unit-sphere distance: cosines in f32 carry errors
/// of about 1e-6, which the square root in the distance can raise to 1e-3 only
/// for points almost on their centroid (where the margin costs nothing).
const MARGIN: f32 = 1e-3;

/// Distance between unit vectors whose cosine is `cos`.
#[inline]
fn distance(cos: f32) -> f32 {
    (2.0 - 2.0 * cos).max(0.0).sqrt()
}

/// Per-centroid sums of the member rows (f64: members move in and out one by
/// one, and the sums must not drift from a fresh sum).
struct Sums {
    dim: usize,
    total: Vec<f64>,
    counts: Vec<usize>,
}

impl Sums {
    fn add(&mut self, j: usize, p: &[f32], sign: f64) {
        let s = &mut self.total[j * self.dim..(j + 1) * self.dim];
        s.iter_mut()
            .zip(p)
            .for_each(|(s, &v)| *s += sign * f64::from(v));
        if sign > 0.0 {
            self.counts[j] += 1;
        } else {
            self.counts[j] -= 1;
        }
    }
}

/// Lloyd iterations from `cents` until at most `settle` labels change in an
/// iteration (0: until none does) or `max_iter` updates. The first
/// `anchors.len()` centroids are anchored: they move only half-way from the
/// anchor towards their members' mean.
pub(super) fn refine(
    x: &[f32],
    dim: usize,
    mut cents: Vec<f32>,
    anchors: &[Vec<f32>],
    max_iter: usize,
    settle: usize,
) -> Fit {
    let n = x.len() / dim;
    let k = cents.len() / dim;
    if k == 0 {
        return Fit {
            centroids: cents,
            labels: vec![0; n],
            sims: vec![f32::NEG_INFINITY; n],
            objective: if n == 0 { 0.0 } else { f64::NEG_INFINITY },
        };
    }
    let mut labels = vec![0usize; n];
    let mut bounds = Bounds {
        upper: vec![0.0; n],
        lower: vec![0.0; n * k],
    };
    let mut sums = Sums {
        dim,
        total: vec![0.0; k * dim],
        counts: vec![0; k],
    };
    for (i, p) in x.chunks_exact(dim).enumerate() {
        let mut best = (0usize, f32::NEG_INFINITY);
        for (j, c) in cents.chunks_exact(dim).enumerate() {
            let s = dot(p, c);
            bounds.lower[i * k + j] = distance(s) - MARGIN;
            if s > best.1 {
                best = (j, s);
            }
        }
        labels[i] = best.0;
        bounds.upper[i] = distance(best.1) + MARGIN;
        sums.add(best.0, p, 1.0);
    }
    let mut drift = vec![0.0f32; k];
    // Half the distance between centroids (less the margin), and its minimum per centroid.
    let mut half = vec![0.0f32; k * k];
    let mut half_min = vec![0.0f32; k];
    for _ in 0..max_iter {
        let old = cents.clone();
        update_centroids(x, dim, &mut cents, anchors, &sums, &labels);
        for (j, d) in drift.iter_mut().enumerate() {
            let (a, b) = (&old[j * dim..(j + 1) * dim], &cents[j * dim..(j + 1) * dim]);
            *d = a
                .iter()
                .zip(b)
                .map(|(u, v)| (u - v) * (u - v))
                .sum::<f32>()
                .sqrt();
        }
        for a in 0..k {
            half_min[a] = f32::INFINITY;
            for b in 0..k {
                if a != b {
                    let cos = dot(
                        &cents[a * dim..(a + 1) * dim],
                        &cents[b * dim..(b + 1) * dim],
                    );
                    half[a * k + b] = distance(cos) / 2.0 - MARGIN;
                    half_min[a] = half_min[a].min(half[a * k + b]);
                }
            }
        }
        let mut changed = 0usize;
        for (i, p) in x.chunks_exact(dim).enumerate() {
            let a = labels[i];
            let upper = &mut bounds.upper[i];
            *upper += drift[a];
            let lower = &mut bounds.lower[i * k..(i + 1) * k];
            lower.iter_mut().zip(&drift).for_each(|(l, d)| *l -= d);
            if *upper <= half_min[a] {
                continue;
            }
            let j = reassign(p, &cents, dim, a, &half, upper, lower);
            if j != a {
                sums.add(a, p, -1.0);
                sums.add(j, p, 1.0);
                labels[i] = j;
                changed += 1;
            }
        }
        if changed <= settle {
            break;
        }
    }
    let sims: Vec<f32> = x
        .chunks_exact(dim)
        .zip(&labels)
        .map(|(p, &j)| dot(p, &cents[j * dim..(j + 1) * dim]))
        .collect();
    let objective = sims.iter().map(|&s| f64::from(s)).sum();
    Fit {
        centroids: cents,
        labels,
        sims,
        objective,
    }
}

/// Elkan's bounds on each text's distances: one upper bound on the distance to
/// its own centroid, and a lower bound on the distance to every centroid.
struct Bounds {
    upper: Vec<f32>,
    lower: Vec<f32>,
}

/// The nearest centroid of a text (row `p`, labelled `a`), computing only the
/// cosines its bounds (`upper`, and `lower` over the centroids) cannot rule
/// out, and tightening the bounds on the way. `half` is the k × k table of
/// half-distances between centroids. Ties go to the lowest index, as a plain
/// argmax of cosines would.
fn reassign(
    p: &[f32],
    cents: &[f32],
    dim: usize,
    a: usize,
    half: &[f32],
    upper: &mut f32,
    lower: &mut [f32],
) -> usize {
    let k = lower.len();
    let cent = |j: usize| &cents[j * dim..(j + 1) * dim];
    let mut best = a;
    let mut half_best = &half[a * k..(a + 1) * k];
    // The cosine to `best`, once computed exactly.
    let mut best_cos: Option<f32> = None;
    for j in 0..k {
        if j == best {
            continue;
        }
        let rule_out = lower[j].max(half_best[j]);
        if *upper <= rule_out {
            continue;
        }
        let cos_best = if let Some(c) = best_cos {
            c
        } else {
            let c = dot(p, cent(best));
            let d = distance(c);
            *upper = d + MARGIN;
            lower[best] = d - MARGIN;
            best_cos = Some(c);
            if *upper <= rule_out {
                continue;
            }
            c
        };
        let c = dot(p, cent(j));
        let d = distance(c);
        lower[j] = d - MARGIN;
        if c.total_cmp(&cos_best).then(best.cmp(&j)).is_gt() {
            best = j;
            half_best = &half[j * k..(j + 1) * k];
            best_cos = Some(c);
            *upper = d + MARGIN;
        }
    }
    best
}

/// New centroids from the member sums: the normalised mean, half-way from the
/// anchor for anchored ones, and an emptied centroid restarted at the text that
/// fits its own centroid worst.
fn update_centroids(
    x: &[f32],
    dim: usize,
    cents: &mut [f32],
    anchors: &[Vec<f32>],
    sums: &Sums,
    labels: &[usize],
) {
    let k = cents.len() / dim;
    let emptied = (anchors.len()..k).any(|j| sums.counts[j] == 0);
    // Cosines to the centroids the labels were chosen with (only needed then).
    let sims: Vec<f32> = if emptied {
        x.chunks_exact(dim)
            .zip(labels)
            .map(|(p, &j)| dot(p, &cents[j * dim..(j + 1) * dim]))
            .collect()
    } else {
        Vec::new()
    };
    let mut used: Vec<usize> = Vec::new();
    for j in 0..k {
        let mut mean: Vec<f32> = sums.total[j * dim..(j + 1) * dim]
            .iter()
            .map(|&v| v as f32)
            .collect();
        let c = &mut cents[j * dim..(j + 1) * dim];
        if let Some(a) = anchors.get(j) {
            normalize(&mut mean);
            c.iter_mut()
                .zip(a.iter().zip(&mean))
                .for_each(|(c, (a, m))| *c = a + m);
            normalize(c);
        } else if sums.counts[j] == 0 {
            let worst = (0..sims.len())
                .filter(|i| !used.contains(i))
                .min_by(|&a, &b| sims[a].total_cmp(&sims[b]).then(a.cmp(&b)));
            if let Some(w) = worst {
                used.push(w);
                c.copy_from_slice(&x[w * dim..(w + 1) * dim]);
            }
        } else {
            normalize(&mut mean);
            c.copy_from_slice(&mean);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::rng::Rng;

    /// Plain Lloyd iterations, every cosine computed: what the bounds must reproduce.
    fn plain(
        x: &[f32],
        dim: usize,
        mut cents: Vec<f32>,
        anchors: &[Vec<f32>],
        max_iter: usize,
    ) -> Vec<usize> {
        let n = x.len() / dim;
        let k = cents.len() / dim;
        let assign = |cents: &[f32]| -> Vec<usize> {
            x.chunks_exact(dim)
                .map(|p| {
                    let mut best = (0, f32::NEG_INFINITY);
                    for (j, c) in cents.chunks_exact(dim).enumerate() {
                        if dot(p, c) > best.1 {
                            best = (j, dot(p, c));
                        }
                    }
                    best.0
                })
                .collect()
        };
        let mut labels = assign(&cents);
        for _ in 0..max_iter {
            let mut sums = Sums {
                dim,
                total: vec![0.0; k * dim],
                counts: vec![0; k],
            };
            for (p, &j) in x.chunks_exact(dim).zip(&labels) {
                sums.add(j, p, 1.0);
            }
            update_centroids(x, dim, &mut cents, anchors, &sums, &labels);
            let next = assign(&cents);
            let done = next == labels;
            labels = next;
            if done {
                break;
            }
        }
        assert_eq!(labels.len(), n);
        labels
    }

    fn unit_rows(rng: &mut Rng, n: usize, dim: usize) -> Vec<f32> {
        let mut x = Vec::with_capacity(n * dim);
        for _ in 0..n {
            let mut p: Vec<f32> = (0..dim).map(|_| rng.next_f64() as f32 - 0.5).collect();
            // A few shared directions, so that topics exist and labels settle slowly.
            p[0] += if rng.below(2) == 0 { 1.0 } else { -1.0 };
            normalize(&mut p);
            x.extend(p);
        }
        x
    }

    #[test]
    fn bounds_give_the_labels_of_plain_lloyd() {
        for seed in 1..=6 {
            let mut rng = Rng::new(seed);
            let (n, dim, k) = (300, 10, 2 + seed as usize);
            let x = unit_rows(&mut rng, n, dim);
            let cents: Vec<f32> = x[..k * dim].to_vec();
            let anchors: Vec<Vec<f32>> = if seed % 2 == 0 {
                vec![x[dim * 7..dim * 8].to_vec()]
            } else {
                Vec::new()
            };
            let fit = refine(&x, dim, cents.clone(), &anchors, 40, 0);
            assert_eq!(
                fit.labels,
                plain(&x, dim, cents, &anchors, 40),
                "seed {seed}"
            );
            for (p, (&j, &s)) in x.chunks_exact(dim).zip(fit.labels.iter().zip(&fit.sims)) {
                assert!((dot(p, &fit.centroids[j * dim..(j + 1) * dim]) - s).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn an_emptied_centroid_restarts_at_the_worst_fitting_text() {
        // Two centroids on the same text: the second one gets no members at first.
        let x = [1.0, 0.0, 0.9, 0.436, 0.0, 1.0, -0.6, 0.8];
        let cents = vec![1.0, 0.0, 1.0, 0.0];
        let fit = refine(&x, 2, cents, &[], 10, 0);
        assert_eq!(fit.labels[0], fit.labels[1]);
        assert_eq!(fit.labels[2], fit.labels[3]);
        assert_ne!(fit.labels[0], fit.labels[2]);
    }
}
