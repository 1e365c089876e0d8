//! The texts' unit vectors in the space k-means runs in, built without keeping
//! every full-width vector: with the shipped vectors joined, text vectors are
//! 114 wide and k-means runs on their top 50 principal directions. Projecting
//! is linear and every step before it is a weighted sum followed by a positive
//! scale, so each text's projected vector is the same weighted sum of projected
//! word vectors and feature directions, scaled by norms taken at full width.
//! At 100k texts that skips writing 45 MB of full vectors and multiplying each
//! by the 114 × 50 basis.

use super::linalg::{dot, normalize};
use super::project;
use super::vectors::WordVectors;
use super::weight::Corpus;

/// Below this norm a text's summed word vectors count as empty (no known words).
const EMPTY_NORM: f32 = 1e-6;

/// The texts' vectors before projection, known by their norms and by the
/// extra features' directions (see `enrich`).
pub(super) struct TextSpace<'a> {
    corpus: &'a Corpus,
    extras: &'a Corpus,
    wv: &'a WordVectors,
    /// Per text: the norm of its summed word vectors (0: no vector).
    norms: Vec<f32>,
    /// Unit direction of each extra feature, full width.
    dirs: Vec<f32>,
    pull: f32,
}

impl<'a> TextSpace<'a> {
    /// One pass over the texts: their norms, and each extra feature's direction as
    /// the normalised, weight-scaled sum of its texts' unit vectors.
    pub(super) fn new(
        corpus: &'a Corpus,
        extras: &'a Corpus,
        wv: &'a WordVectors,
        pull: f32,
    ) -> Self {
        let dim = wv.dim;
        let mut norms = vec![0.0f32; corpus.n_docs];
        let mut dirs = vec![0.0f32; extras.n_terms() * dim];
        let mut buf = vec![0.0f32; dim];
        for (d, norm) in norms.iter_mut().enumerate() {
            *norm = word_sum(corpus, wv, d, &mut buf);
            if *norm == 0.0 {
                continue;
            }
            for v in &mut buf {
                *v /= *norm;
            }
            let (terms, weights) = extras.row(d);
            for (&t, &w) in terms.iter().zip(weights) {
                let f = &mut dirs[t as usize * dim..(t as usize + 1) * dim];
                f.iter_mut().zip(&buf).for_each(|(a, b)| *a += w * b);
            }
        }
        dirs.chunks_exact_mut(dim).for_each(|r| {
            normalize(r);
        });
        TextSpace {
            corpus,
            extras,
            wv,
            norms,
            dirs,
            pull,
        }
    }

    pub(super) fn dim(&self) -> usize {
        self.wv.dim
    }

    /// The texts with a vector, in input order.
    pub(super) fn placeable(&self) -> Vec<usize> {
        (0..self.norms.len())
            .filter(|&d| self.norms[d] > 0.0)
            .collect()
    }

    /// Text `d`'s full-width unit vector, pulled towards its features, written to
    /// `out`; all zeros for a text without a vector.
    pub(super) fn full_row(&self, d: usize, out: &mut [f32]) {
        let norm = word_sum(self.corpus, self.wv, d, out);
        if norm == 0.0 {
            return;
        }
        for v in out.iter_mut() {
            *v /= norm;
        }
        let dim = self.dim();
        let (terms, weights) = self.extras.row(d);
        for (&t, &w) in terms.iter().zip(weights) {
            let f = &self.dirs[t as usize * dim..(t as usize + 1) * dim];
            out.iter_mut()
                .zip(f)
                .for_each(|(a, b)| *a += self.pull * w * b);
        }
        normalize(out);
    }

    /// The unit vectors of the texts `rows` in the coordinates of `basis` (unit
    /// rows, full width; `None`: full width itself), one row per text.
    pub(super) fn projected(&self, rows: &[usize], basis: Option<&[f32]>) -> Vec<f32> {
        let dim = self.dim();
        let Some(basis) = basis else {
            let mut x = vec![0.0f32; rows.len() * dim];
            for (&d, out) in rows.iter().zip(x.chunks_exact_mut(dim)) {
                self.full_row(d, out);
            }
            return x;
        };
        let out_dim = basis.len() / dim;
        let words = project::project_raw(&self.wv.data, dim, basis);
        let dirs = project::project_raw(&self.dirs, dim, basis);
        let mut y = vec![0.0f32; rows.len() * out_dim];
        for (&d, out) in rows.iter().zip(y.chunks_exact_mut(out_dim)) {
            if self.projected_raw(d, &words, &dirs, out) {
                normalize(out);
            }
        }
        y
    }

    /// [`Self::projected`] onto all but the last direction of `basis`, and onto all
    /// but the first, from one pass over the texts (the choice of k keeps the first
    /// direction, k-means leaves it out).
    pub(super) fn projected_pair(&self, rows: &[usize], basis: &[f32]) -> (Vec<f32>, Vec<f32>) {
        let dim = self.dim();
        let out_dim = basis.len() / dim;
        let part = out_dim.saturating_sub(1);
        let words = project::project_raw(&self.wv.data, dim, basis);
        let dirs = project::project_raw(&self.dirs, dim, basis);
        let mut head = vec![0.0f32; rows.len() * part];
        let mut tail = vec![0.0f32; rows.len() * part];
        let mut row = vec![0.0f32; out_dim];
        let pairs = head.chunks_exact_mut(part).zip(tail.chunks_exact_mut(part));
        for (&d, (h, t)) in rows.iter().zip(pairs) {
            if self.projected_raw(d, &words, &dirs, &mut row) {
                h.copy_from_slice(&row[..part]);
                normalize(h);
                t.copy_from_slice(&row[1..]);
                normalize(t);
            }
        }
        (head, tail)
    }

    /// Text `d`'s vector in projected coordinates before normalising, from the
    /// projected word vectors and feature directions; false (and `out` zero) for a
    /// text without a vector.
    fn projected_raw(&self, d: usize, words: &[f32], dirs: &[f32], out: &mut [f32]) -> bool {
        out.fill(0.0);
        let out_dim = out.len();
        let norm = self.norms[d];
        if norm == 0.0 {
            return false;
        }
        let (terms, weights) = self.corpus.row(d);
        for (&t, &w) in terms.iter().zip(weights) {
            if let Some(r) = self.wv.row_of(t as usize) {
                let v = &words[r * out_dim..(r + 1) * out_dim];
                out.iter_mut().zip(v).for_each(|(o, a)| *o += w / norm * a);
            }
        }
        let (terms, weights) = self.extras.row(d);
        for (&t, &w) in terms.iter().zip(weights) {
            let f = &dirs[t as usize * out_dim..(t as usize + 1) * out_dim];
            out.iter_mut()
                .zip(f)
                .for_each(|(a, b)| *a += self.pull * w * b);
        }
        true
    }
}

/// The weighted sum of text `d`'s word vectors in `out` and its norm (0, with
/// `out` zeroed, when it is below [`EMPTY_NORM`]).
fn word_sum(c: &Corpus, wv: &WordVectors, d: usize, out: &mut [f32]) -> f32 {
    out.fill(0.0);
    let (terms, weights) = c.row(d);
    for (&t, &w) in terms.iter().zip(weights) {
        if let Some(v) = wv.get(t as usize) {
            out.iter_mut().zip(v).for_each(|(o, a)| *o += w * a);
        }
    }
    let norm = dot(out, out).sqrt();
    if norm < EMPTY_NORM {
        out.fill(0.0);
        return 0.0;
    }
    norm
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::tokenize::Analyzer;
    use crate::cluster::weight::{Features, build_with};
    use crate::cluster::{Lang, vectors};

    #[test]
    fn projected_rows_are_the_projected_full_rows() {
        let texts = [
            "zielony park i ławki #zieleń",
            "park miejski z ławkami",
            "nowe ławki w parku #zieleń",
            "ścieżka rowerowa wzdłuż parku",
            "ścieżka rowerowa i stojaki #rowery",
            "stojaki rowerowe przy szkole #rowery",
            "szkoła i boisko",
            "boisko przy szkole",
            "nic wspólnego",
        ];
        let an = Analyzer::new(Lang::Pl);
        let feat = Features {
            lexicon: None,
            rich: true,
            phrases: true,
            generic: None,
            keep_rare: None,
        };
        let (mut corpus, mut extras) = build_with(&texts, &an, 2, &feat).split_extras();
        corpus.tfidf();
        extras.tfidf();
        assert!(extras.n_terms() > 0);
        let wv = vectors::word_vectors(&corpus, 100, 4, vectors::POWER_ITERS, 3);
        let space = TextSpace::new(&corpus, &extras, &wv, 1.5);
        let rows = space.placeable();
        assert!(rows.len() >= 8 && !rows.contains(&8));
        let full = space.projected(&rows, None);
        let basis = project::principal_directions(&full, 4, 3, 1);
        let folded = space.projected(&rows, Some(&basis));
        let direct = project::project(&full, 4, &basis);
        for (a, b) in folded.iter().zip(&direct) {
            assert!((a - b).abs() < 1e-5, "{folded:?} vs {direct:?}");
        }
        // The pair: the rows onto the first two directions and onto the last two.
        let (head, tail) = space.projected_pair(&rows, &basis);
        assert_eq!(head, space.projected(&rows, Some(&basis[..8])));
        assert_eq!(tail, space.projected(&rows, Some(&basis[4..])));
    }
}
