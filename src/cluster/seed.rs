//! Centroids for known (seeded) topics.

use super::linalg::normalize;
use super::tokenize::{Analyzer, FastMap};
use super::types::SeedTopic;
use super::vectors::WordVectors;
use super::weight::Corpus;

/// One unit vector per seed (all-zero if none of its words occur in the
/// input). It blends two views of the seed, each normalised: the
/// idf-weighted word vectors of its name and keywords (the same pipeline as
/// the texts), and the mean vector of the texts that literally contain one
/// of those words — so a keyword that is rare but present still pulls.
/// `row(d, out)` writes text `d`'s unit vector (zeros if it has none).
pub(super) fn anchors(
    seeds: &[SeedTopic],
    an: &Analyzer,
    c: &Corpus,
    wv: &WordVectors,
    row: &dyn Fn(usize, &mut [f32]),
) -> Vec<Vec<f32>> {
    let dim = wv.dim;
    let ids: FastMap<&str, u32> = c
        .keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i as u32))
        .collect();
    let n = c.n_docs as f32;
    seeds
        .iter()
        .map(|s| {
            let text = std::iter::once(s.name.as_str())
                .chain(s.keywords.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            let mut terms: Vec<u32> = an
                .terms(&text)
                .iter()
                .filter_map(|k| ids.get(k.as_str()).copied())
                .collect();
            terms.sort_unstable();
            terms.dedup();
            let mut words = vec![0.0f32; dim];
            for &t in &terms {
                if let Some(v) = wv.get(t as usize) {
                    let idf = ((1.0 + n) / (1.0 + c.df[t as usize] as f32)).ln() + 1.0;
                    words.iter_mut().zip(v).for_each(|(o, a)| *o += idf * a);
                }
            }
            normalize(&mut words);
            let mut texts = vec![0.0f32; dim];
            let mut xv = vec![0.0f32; dim];
            for d in 0..c.n_docs {
                let has = c.row(d).0;
                if terms.iter().any(|t| has.binary_search(t).is_ok()) {
                    row(d, &mut xv);
                    texts.iter_mut().zip(&xv).for_each(|(o, a)| *o += a);
                }
            }
            normalize(&mut texts);
            let mut v: Vec<f32> = words.iter().zip(&texts).map(|(a, b)| a + b).collect();
            normalize(&mut v);
            v
        })
        .collect()
}
