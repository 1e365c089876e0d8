//! Word vectors learned from the input itself: text-level co-occurrence →
//! PPMI (context smoothing α = 0.75) → randomized truncated SVD, word
//! vector = U·S^½; a text vector is its TF-IDF row times the word vectors.

use super::eigen::symmetric_eigen;
use super::linalg::{normalize, orthonormalize_columns};
use super::rng::Rng;
use super::weight::Corpus;

/// Context-distribution smoothing exponent for PPMI.
const ALPHA: f64 = 0.75;
/// Extra random directions for the randomized SVD range finder.
const OVERSAMPLE: usize = 10;
/// Power iterations: sharpen the spectrum so the top directions dominate.
/// PPMI spectra decay slowly; with 2 the 50-d subspace still varied with the
/// random seed (8TAGS NMI 0.214 ± 0.007 over seeds), with 5 it is close to
/// converged (0.221 ± 0.003) at little cost. Above 20k texts one is enough: on
/// 100k titles 5, 2 and 1 gave the same NMI over seeds (0.254, 0.258, 0.260 with
/// the earlier vectors; 0.277 and 0.280 for 2 and 1 with the current ones, seeds
/// 1–3), and the shipped vectors carry much of the meaning there.
pub(super) const POWER_ITERS: usize = 5;
pub(super) const POWER_ITERS_LARGE: usize = 1;

/// Dense word vectors: for term ids `0..n` (the commonest terms), or, when
/// `rows` is not empty, for the terms whose `rows[t]` is not [`NO_ROW`].
pub(super) struct WordVectors {
    pub dim: usize,
    pub n: usize,
    pub data: Vec<f32>,
    pub rows: Vec<u32>,
}

/// `WordVectors::rows` entry of a term without a vector.
pub(super) const NO_ROW: u32 = u32::MAX;

impl WordVectors {
    pub(super) fn get(&self, t: usize) -> Option<&[f32]> {
        let r = self.row_of(t)?;
        Some(&self.data[r * self.dim..(r + 1) * self.dim])
    }

    /// The row of `data` that holds term `t`'s vector, if it has one.
    pub(super) fn row_of(&self, t: usize) -> Option<usize> {
        if self.rows.is_empty() {
            (t < self.n).then_some(t)
        } else {
            match self.rows.get(t) {
                Some(&r) if r != NO_ROW => Some(r as usize),
                _ => None,
            }
        }
    }
}

/// Sparse square matrix in CSR form.
struct Csr {
    ptr: Vec<usize>,
    col: Vec<u32>,
    val: Vec<f32>,
}

/// Each text's terms below `v` (the rows are sorted, so a prefix), packed once:
/// the co-occurrence count reads every text's row once per term it holds.
fn vocab_rows(c: &Corpus, v: usize) -> (Vec<usize>, Vec<u32>) {
    let mut ptr = Vec::with_capacity(c.n_docs + 1);
    ptr.push(0);
    let mut terms = Vec::with_capacity(c.term.len());
    for d in 0..c.n_docs {
        let (row, _) = c.row(d);
        terms.extend_from_slice(&row[..row.partition_point(|&t| (t as usize) < v)]);
        ptr.push(terms.len());
    }
    (ptr, terms)
}

/// Positive PMI of text-level co-occurrence (diagonal excluded).
fn ppmi(c: &Corpus, v: usize) -> Csr {
    let (row_ptr, row_terms) = vocab_rows(c, v);
    let row = |d: usize| &row_terms[row_ptr[d]..row_ptr[d + 1]];
    // Postings: term → texts containing it.
    let mut count = vec![0usize; v + 1];
    for &t in &row_terms {
        count[t as usize + 1] += 1;
    }
    for i in 0..v {
        count[i + 1] += count[i];
    }
    let mut post = vec![0u32; count[v]];
    let mut fill = count.clone();
    for d in 0..c.n_docs {
        for &t in row(d) {
            post[fill[t as usize]] = d as u32;
            fill[t as usize] += 1;
        }
    }
    // Co-occurrence rows through a dense scratch row.
    let mut m = Csr {
        ptr: vec![0],
        col: Vec::new(),
        val: Vec::new(),
    };
    let mut scratch = vec![0u32; v];
    let mut touched: Vec<u32> = Vec::new();
    for i in 0..v {
        for &d in &post[count[i]..count[i + 1]] {
            for &j in row(d as usize) {
                if j as usize != i {
                    if scratch[j as usize] == 0 {
                        touched.push(j);
                    }
                    scratch[j as usize] += 1;
                }
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            m.col.push(j);
            m.val.push(scratch[j as usize] as f32);
            scratch[j as usize] = 0;
        }
        touched.clear();
        m.ptr.push(m.col.len());
    }
    // C is symmetric, so row sums are also the context counts.
    let row_sum: Vec<f64> = (0..v)
        .map(|i| {
            m.val[m.ptr[i]..m.ptr[i + 1]]
                .iter()
                .map(|&x| f64::from(x))
                .sum()
        })
        .collect();
    let ctx: Vec<f64> = row_sum.iter().map(|s| s.powf(ALPHA)).collect();
    let z: f64 = ctx.iter().sum();
    let mut out = Csr {
        ptr: vec![0],
        col: Vec::with_capacity(m.col.len()),
        val: Vec::with_capacity(m.col.len()),
    };
    for (i, &rs) in row_sum.iter().enumerate() {
        for e in m.ptr[i]..m.ptr[i + 1] {
            let j = m.col[e] as usize;
            let pmi = (f64::from(m.val[e]) * z / (rs * ctx[j])).ln();
            if pmi > 0.0 {
                out.col.push(j as u32);
                out.val.push(pmi as f32);
            }
        }
        out.ptr.push(out.col.len());
    }
    out
}

/// `M · X` (`transpose = false`) or `Mᵀ · X`, X row-major `v × l`.
fn spmm(m: &Csr, x: &[f64], l: usize, transpose: bool) -> Vec<f64> {
    let v = m.ptr.len() - 1;
    let mut y = vec![0.0f64; v * l];
    for i in 0..v {
        for e in m.ptr[i]..m.ptr[i + 1] {
            let (j, a) = (m.col[e] as usize, f64::from(m.val[e]));
            let (dst, src) = if transpose { (j, i) } else { (i, j) };
            let xs = &x[src * l..(src + 1) * l];
            y[dst * l..(dst + 1) * l]
                .iter_mut()
                .zip(xs)
                .for_each(|(yy, xx)| *yy += a * xx);
        }
    }
    y
}

/// Word vectors for the `max_vocab` commonest terms, `dim` dimensions, after
/// `power_iters` power iterations of the range finder.
pub(super) fn word_vectors(
    c: &Corpus,
    max_vocab: usize,
    dim: usize,
    power_iters: usize,
    seed: u64,
) -> WordVectors {
    let v = c.n_terms().min(max_vocab);
    let l = (dim + OVERSAMPLE).min(v);
    let dim = dim.min(l);
    if v == 0 || dim == 0 {
        return WordVectors {
            dim: dim.max(1),
            n: 0,
            data: Vec::new(),
            rows: Vec::new(),
        };
    }
    let m = ppmi(c, v);
    // Randomized range finder with power iterations (Halko et al.).
    let mut rng = Rng::new(seed);
    let omega: Vec<f64> = (0..v * l).map(|_| rng.next_f64() * 2.0 - 1.0).collect();
    let mut q = spmm(&m, &omega, l, false);
    // One orthonormalisation per M·Mᵀ step: the intermediate one would not
    // change the span, only cost time (f64 keeps a 5-step chain accurate). Only
    // the span matters until the last step, so one Gram–Schmidt pass does there;
    // the last, whose columns B = Qᵀ·M needs orthonormal, gets two.
    orthonormalize_columns(&mut q, v, l, if power_iters == 0 { 2 } else { 1 });
    for step in 0..power_iters {
        let z = spmm(&m, &q, l, true);
        q = spmm(&m, &z, l, false);
        orthonormalize_columns(&mut q, v, l, if step + 1 == power_iters { 2 } else { 1 });
    }
    // B = Qᵀ M; the eigenvectors of B Bᵀ rotate Q onto the left singular
    // vectors, and its eigenvalues are the squared singular values.
    let bt = spmm(&m, &q, l, true);
    let mut g = vec![0.0f64; l * l];
    for row in bt.chunks_exact(l) {
        for a in 0..l {
            for b in a..l {
                g[a * l + b] += row[a] * row[b];
            }
        }
    }
    for a in 0..l {
        for b in 0..a {
            g[a * l + b] = g[b * l + a];
        }
    }
    let (vals, w) = symmetric_eigen(&g, l);
    // U·S^½ with S = sqrt(λ): scale by λ^¼.
    let scale: Vec<f64> = vals[..dim].iter().map(|&x| x.max(0.0).powf(0.25)).collect();
    let mut data = vec![0.0f32; v * dim];
    // Row i of Q·W, accumulated over a for all k at once: the same sums in the same
    // order as one dot product per k, over contiguous rows of W.
    let mut u = vec![0.0f64; dim];
    for (qi, out) in q.chunks_exact(l).zip(data.chunks_exact_mut(dim)) {
        u.fill(0.0);
        for (&qa, wa) in qi.iter().zip(w.chunks_exact(l)) {
            u.iter_mut()
                .zip(&wa[..dim])
                .for_each(|(x, &y)| *x += qa * y);
        }
        for ((o, &x), &s) in out.iter_mut().zip(&u).zip(&scale) {
            *o = (x * s) as f32;
        }
    }
    WordVectors {
        dim,
        n: v,
        data,
        rows: Vec::new(),
    }
}

/// Null-model text vectors for the texts `docs`: their words (those with
/// vectors) shuffled across these texts, so word frequencies, text lengths
/// and weights stay and topical co-occurrence goes. Unit rows, `docs` order.
pub(super) fn shuffled_text_vectors(
    c: &Corpus,
    wv: &WordVectors,
    docs: &[usize],
    seed: u64,
) -> Vec<f32> {
    let dim = wv.dim;
    let mut slots: Vec<(usize, f32)> = Vec::new();
    let mut terms: Vec<u32> = Vec::new();
    for (r, &d) in docs.iter().enumerate() {
        let (ts, ws) = c.row(d);
        for (&t, &w) in ts.iter().zip(ws) {
            if wv.get(t as usize).is_some() {
                slots.push((r, w));
                terms.push(t);
            }
        }
    }
    Rng::derive(seed, 0x7e5).shuffle(&mut terms);
    let mut x = vec![0.0f32; docs.len() * dim];
    for (&(r, w), &t) in slots.iter().zip(&terms) {
        if let Some(v) = wv.get(t as usize) {
            x[r * dim..(r + 1) * dim]
                .iter_mut()
                .zip(v)
                .for_each(|(o, a)| *o += w * a);
        }
    }
    x.chunks_exact_mut(dim).for_each(|r| {
        normalize(r);
    });
    x
}

#[cfg(test)]
mod tests {
    use super::super::linalg::dot;
    use super::super::tokenize::Analyzer;
    use super::super::weight::build;
    use super::*;
    use crate::model::Lang;

    #[test]
    fn shuffled_null_keeps_rows_unit_and_is_seeded() {
        let texts = [
            "drzewa w parku",
            "drzewa przy szkole",
            "remont chodnika",
            "remont chodnika przy szkole",
            "park i szkoła",
            "chodnika remont w parku",
        ];
        let mut c = build(&texts, &Analyzer::new(Lang::Pl), 2);
        c.tfidf();
        let wv = word_vectors(&c, 100, 3, POWER_ITERS, 1);
        let docs = [0, 2, 3, 5];
        let a = shuffled_text_vectors(&c, &wv, &docs, 7);
        assert_eq!(a.len(), docs.len() * wv.dim);
        for r in a.chunks_exact(wv.dim) {
            assert!((dot(r, r) - 1.0).abs() < 1e-4);
        }
        assert_eq!(a, shuffled_text_vectors(&c, &wv, &docs, 7));
    }
}
