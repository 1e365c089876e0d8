//! Builds the shipped word vectors from a corpus of texts: the same
//! analyser and PPMI–SVD as the engine's own vectors, over the commonest
//! stems, quantised into the `shipped` file format.

use super::shipped;
use super::tokenize::Analyzer;
use super::vectors::{POWER_ITERS, word_vectors};
use super::weight;
use crate::model::Lang;

/// Build parameters.
#[derive(Debug, Clone, Copy)]
pub struct BuildParams {
    pub lang: Lang,
    /// Stems must occur in at least this many texts.
    pub min_df: u32,
    /// At most this many (commonest) stems get a vector.
    pub max_vocab: usize,
    pub dim: usize,
    /// Seed of the randomized SVD; fixed so a corpus always gives one file.
    pub seed: u64,
}

impl Default for BuildParams {
    fn default() -> Self {
        BuildParams {
            lang: Lang::Pl,
            min_df: 3,
            max_vocab: 40_000,
            dim: 64,
            seed: 1,
        }
    }
}

/// What a build produced.
pub struct Built {
    pub bytes: Vec<u8>,
    pub texts: usize,
    pub vocab: usize,
    pub dim: usize,
}

/// Word vectors of `texts` in the shipped format. Deterministic.
pub fn build(texts: &[&str], p: &BuildParams) -> Result<Built, String> {
    let an = Analyzer::new(p.lang);
    let corpus = weight::build(texts, &an, p.min_df);
    let wv = word_vectors(&corpus, p.max_vocab, p.dim, POWER_ITERS, p.seed);
    if wv.n == 0 {
        return Err(format!(
            "no stem occurs in {} or more of the {} texts",
            p.min_df,
            texts.len()
        ));
    }
    let rows: Vec<(String, Vec<f32>)> = (0..wv.n)
        .filter_map(|t| wv.get(t).map(|v| (corpus.keys[t].clone(), v.to_vec())))
        .collect();
    let bytes = shipped::encode(p.lang, wv.dim, &rows)?;
    Ok(Built {
        bytes,
        texts: texts.len(),
        vocab: rows.len(),
        dim: wv.dim,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn tiny() -> Vec<String> {
        let topics = [
            "drzewa park zieleń trawnik",
            "remont chodnika drogi przejście",
            "boisko sport siłownia bieżnia",
        ];
        (0..60)
            .map(|i| {
                let words: Vec<&str> = topics[i % 3].split(' ').collect();
                format!(
                    "{} {} {}",
                    words[i % 4],
                    words[(i / 3) % 4],
                    words[(i / 5 + 1) % 4]
                )
            })
            .collect()
    }

    #[test]
    fn same_corpus_gives_identical_bytes() {
        let texts = tiny();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let p = BuildParams {
            dim: 4,
            ..BuildParams::default()
        };
        let a = build(&refs, &p).unwrap();
        let b = build(&refs, &p).unwrap();
        assert_eq!(a.bytes, b.bytes);
        let v = shipped::parse(Cow::Owned(a.bytes)).unwrap();
        assert_eq!(v.len(), a.vocab);
        assert!(a.vocab >= 10, "{}", a.vocab);
    }

    #[test]
    fn empty_corpus_is_an_error() {
        assert!(build(&["jeden"], &BuildParams::default()).is_err());
    }
}
