//! Extra features pull text vectors together: each tag, lexicon concept or
//! recurring phrase gets the mean direction of the texts that carry it, and a
//! text moves towards the directions of its features. Cards sharing `#wiek`, or
//! saying "protest" and "odwołanie", end up closer than their words alone put
//! them, without the extra features disturbing the learned word vectors.

use super::linalg::normalize;
use super::rng::Rng;
use super::weight::Corpus;

/// Pull of the extra features relative to a text's own (unit) vector: strong on
/// workshop-scale inputs, whose few hundred cards teach the word vectors little,
/// weaker on thousands of texts, whose own co-occurrence says more (measured:
/// 2 suits 150–300 cards, 0.5 keeps 2,000 titles and 5,000 headlines at their best).
pub(super) fn strength(n: usize) -> f32 {
    (2.0 * 500.0 / n.max(1) as f32).clamp(0.5, 2.0)
}

/// The unit direction of each extra feature: the normalised sum of the rows of
/// `x` that carry it, weighted like the feature (`dim`-wide rows). Row `r` of `x`
/// carries the features of text `row_of(r)`.
pub(super) fn directions(
    extras: &Corpus,
    x: &[f32],
    dim: usize,
    row_of: &dyn Fn(usize) -> usize,
) -> Vec<f32> {
    let mut f = vec![0.0f32; extras.n_terms() * dim];
    for (r, xd) in x.chunks_exact(dim).enumerate() {
        let (terms, weights) = extras.row(row_of(r));
        for (&t, &w) in terms.iter().zip(weights) {
            f[t as usize * dim..(t as usize + 1) * dim]
                .iter_mut()
                .zip(xd)
                .for_each(|(a, b)| *a += w * b);
        }
    }
    f.chunks_exact_mut(dim).for_each(|r| {
        normalize(r);
    });
    f
}

/// Moves the text vectors `x` by `strength` towards their features' directions and re-normalises them. `row_of(r)` names
/// the text whose features row `r` takes (itself, or another for the null model).
pub(super) fn pull(
    extras: &Corpus,
    dirs: &[f32],
    x: &mut [f32],
    dim: usize,
    strength: f32,
    row_of: &dyn Fn(usize) -> usize,
) {
    for (r, xr) in x.chunks_exact_mut(dim).enumerate() {
        if xr.iter().all(|&v| v == 0.0) {
            continue;
        }
        let (terms, weights) = extras.row(row_of(r));
        for (&t, &w) in terms.iter().zip(weights) {
            let fd = &dirs[t as usize * dim..(t as usize + 1) * dim];
            xr.iter_mut()
                .zip(fd)
                .for_each(|(a, b)| *a += strength * w * b);
        }
        normalize(xr);
    }
}

/// A permutation of `docs` for the null model: features go to other texts.
pub(super) fn shuffled(docs: &[usize], seed: u64) -> Vec<usize> {
    let mut p = docs.to_vec();
    Rng::derive(seed, 0xe7a).shuffle(&mut p);
    p
}
