//! Projection of the unit text vectors onto their principal directions, so
//! k-means and the choice of k run on fewer dimensions: with the shipped
//! vectors joined (114 dimensions) nearly all of the time went to cosines in
//! k-means, and the trailing directions carry little of the texts' spread.

use super::eigen::symmetric_eigen;
use super::linalg::normalize;
use super::rng::Rng;

/// Rows used to estimate the second-moment matrix; more would cost time and
/// not move its top directions noticeably.
const SAMPLE: usize = 5_000;

/// The rows (of `n`) that [`principal_directions`] estimates the directions from.
pub(super) fn basis_rows(n: usize, seed: u64) -> Vec<usize> {
    let all: Vec<usize> = (0..n).collect();
    if n > SAMPLE {
        Rng::derive(seed, 0x9ca).sample(&all, SAMPLE)
    } else {
        all
    }
}

/// The top `out` directions (uncentred: cosine geometry is about the
/// origin) of the rows of `x` (`dim` wide), as `out` unit rows of `dim`.
pub(super) fn principal_directions(x: &[f32], dim: usize, out: usize, seed: u64) -> Vec<f32> {
    let rows = basis_rows(x.len() / dim.max(1), seed);
    let mut g = vec![0.0f64; dim * dim];
    for &r in &rows {
        let xr = &x[r * dim..(r + 1) * dim];
        for a in 0..dim {
            let xa = f64::from(xr[a]);
            if xa == 0.0 {
                continue;
            }
            for (gb, &xb) in g[a * dim + a..(a + 1) * dim].iter_mut().zip(&xr[a..]) {
                *gb += xa * f64::from(xb);
            }
        }
    }
    for a in 0..dim {
        for b in 0..a {
            g[a * dim + b] = g[b * dim + a];
        }
    }
    let (_, vecs) = symmetric_eigen(&g, dim);
    let out = out.min(dim);
    let mut dirs = vec![0.0f32; out * dim];
    for k in 0..out {
        for a in 0..dim {
            dirs[k * dim + a] = vecs[a * dim + k] as f32;
        }
    }
    dirs
}

/// The directions as columns: `dim` rows of `out` (row a holds component a of
/// every direction), so a row's projection is a sum of scaled rows, which runs
/// faster than one dot product per direction.
fn columns(dim: usize, dirs: &[f32]) -> Vec<f32> {
    let out = dirs.len() / dim.max(1);
    let mut t = vec![0.0f32; dim * out];
    for (k, d) in dirs.chunks_exact(dim).enumerate() {
        for (a, &v) in d.iter().enumerate() {
            t[a * out + k] = v;
        }
    }
    t
}

/// One row `xr` in the coordinates of the directions (`cols` from [`columns`]),
/// written to `yr` (a linear map: no re-normalising).
fn project_row(xr: &[f32], cols: &[f32], yr: &mut [f32]) {
    yr.fill(0.0);
    for (&xa, col) in xr.iter().zip(cols.chunks_exact(yr.len())) {
        if xa != 0.0 {
            yr.iter_mut().zip(col).for_each(|(y, c)| *y += xa * c);
        }
    }
}

/// The rows of `x` (`dim` wide) in the coordinates of `dirs`, as they are (linear).
pub(super) fn project_raw(x: &[f32], dim: usize, dirs: &[f32]) -> Vec<f32> {
    let out = dirs.len() / dim.max(1);
    let cols = columns(dim, dirs);
    let mut y = vec![0.0f32; (x.len() / dim.max(1)) * out];
    for (xr, yr) in x.chunks_exact(dim).zip(y.chunks_exact_mut(out)) {
        project_row(xr, &cols, yr);
    }
    y
}

/// The rows of `x` (`dim` wide) in the coordinates of `dirs`, re-normalised (a
/// row with nothing in those directions stays zero).
pub(super) fn project(x: &[f32], dim: usize, dirs: &[f32]) -> Vec<f32> {
    let out = dirs.len() / dim.max(1);
    let mut y = project_raw(x, dim, dirs);
    y.chunks_exact_mut(out.max(1)).for_each(|r| {
        normalize(r);
    });
    y
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::linalg::dot;

    #[test]
    fn keeps_the_plane_the_rows_lie_in() {
        // Rows in the x–y plane of 3-d space: one direction per axis.
        let x = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.6, 0.8, 0.0, 0.8, -0.6, 0.0];
        let dirs = principal_directions(&x, 3, 2, 1);
        let y = project(&x, 3, &dirs);
        // Cosines between rows survive the projection.
        let cos = |a: &[f32], b: &[f32]| dot(a, b);
        assert!((cos(&y[0..2], &y[4..6]) - 0.6).abs() < 1e-5);
        assert!((cos(&y[2..4], &y[6..8]) + 0.6).abs() < 1e-5);
        // The linear map differs from the normalised one only in scale.
        let raw = project_raw(&x, 3, &dirs);
        for (r, u) in raw.chunks_exact(2).zip(y.chunks_exact(2)) {
            let n = dot(r, r).sqrt();
            assert!((r[0] / n - u[0]).abs() < 1e-6 && (r[1] / n - u[1]).abs() < 1e-6);
        }
    }
}
