//! The little dense linear algebra the engine needs, on row-major f32/f64.

/// Dot product over the common length, as four sums over fixed-size chunks (no
/// bounds checks; the compiler vectorises them).
#[inline]
pub(super) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (ca, ta) = a[..n].as_chunks::<4>();
    let (cb, tb) = b[..n].as_chunks::<4>();
    let tail: f32 = ta.iter().zip(tb).map(|(x, y)| x * y).sum();
    let acc = ca.iter().zip(cb).fold([0.0f32; 4], |s, (x, y)| {
        [
            s[0] + x[0] * y[0],
            s[1] + x[1] * y[1],
            s[2] + x[2] * y[2],
            s[3] + x[3] * y[3],
        ]
    });
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// Dot product of f64 slices over the common length, as four interleaved sums (a
/// single running sum waits on each addition; these columns are 10k–20k long).
fn dot64(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (ca, ta) = a[..n].as_chunks::<4>();
    let (cb, tb) = b[..n].as_chunks::<4>();
    let mut acc = [0.0f64; 4];
    for (x, y) in ca.iter().zip(cb) {
        for l in 0..4 {
            acc[l] += x[l] * y[l];
        }
    }
    let tail: f64 = ta.iter().zip(tb).map(|(x, y)| x * y).sum();
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// Scales `v` to unit length; returns the old norm (0 leaves `v` as is).
pub(super) fn normalize(v: &mut [f32]) -> f32 {
    let n = dot(v, v).sqrt();
    if n > 0.0 {
        for x in v.iter_mut() {
            *x /= n;
        }
    }
    n
}

/// Orthonormalises the columns of a row-major `rows × cols` matrix in place
/// (modified Gram–Schmidt, run twice for stability). Columns that collapse
/// to zero are left as zero.
pub(super) fn orthonormalize_columns(m: &mut [f64], rows: usize, cols: usize) {
    // Work column-major for contiguous access.
    let mut c = vec![0.0f64; rows * cols];
    for r in 0..rows {
        for j in 0..cols {
            c[j * rows + r] = m[r * cols + j];
        }
    }
    for _pass in 0..2 {
        for j in 0..cols {
            let (done, rest) = c.split_at_mut(j * rows);
            let col = &mut rest[..rows];
            for p in 0..j {
                let q = &done[p * rows..(p + 1) * rows];
                let proj = dot64(q, col);
                col.iter_mut().zip(q).for_each(|(x, y)| *x -= proj * y);
            }
            let norm = dot64(col, col).sqrt();
            if norm > 1e-12 {
                for x in col.iter_mut() {
                    *x /= norm;
                }
            } else {
                for x in col.iter_mut() {
                    *x = 0.0;
                }
            }
        }
    }
    for r in 0..rows {
        for j in 0..cols {
            m[r * cols + j] = c[j * rows + r];
        }
    }
}

/// Eigen-decomposition of a symmetric `n × n` matrix (row-major) by cyclic
/// Jacobi rotations. Returns eigenvalues (descending) and the matching
/// eigenvectors as the columns of a row-major `n × n` matrix.
pub(super) fn symmetric_eigen(a: &[f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    symmetric_eigen_to(a, n, 1e-22)
}

/// [`symmetric_eigen`] stopping once the squared off-diagonal mass is below
/// `tol` times the squared diagonal mass.
pub(super) fn symmetric_eigen_to(a: &[f64], n: usize, tol: f64) -> (Vec<f64>, Vec<f64>) {
    let mut a = a.to_vec();
    // Eigenvectors as rows while rotating, so every rotation reads and writes
    // two contiguous rows (column-wise updates were most of the cost at n = 114).
    let mut vt = vec![0.0f64; n * n];
    for i in 0..n {
        vt[i * n + i] = 1.0;
    }
    for _sweep in 0..60 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * n + j] * a[i * n + j])
            .sum();
        let diag: f64 = (0..n).map(|i| a[i * n + i] * a[i * n + i]).sum();
        if off <= tol * diag.max(1e-300) {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                // Jᵀ A J: rows p and q off the 2 × 2 block, mirrored into their
                // columns (A stays symmetric); the block itself in closed form.
                let (app, aqq) = (a[p * n + p], a[q * n + q]);
                let (head, tail) = a.split_at_mut(q * n);
                let (row_p, row_q) = (&mut head[p * n..(p + 1) * n], &mut tail[..n]);
                for (k, (ap, aq)) in row_p.iter_mut().zip(row_q.iter_mut()).enumerate() {
                    if k != p && k != q {
                        let (x, y) = (*ap, *aq);
                        *ap = c * x - s * y;
                        *aq = s * x + c * y;
                    }
                }
                for k in 0..n {
                    if k != p && k != q {
                        a[k * n + p] = a[p * n + k];
                        a[k * n + q] = a[q * n + k];
                    }
                }
                a[p * n + p] = app - t * apq;
                a[q * n + q] = aqq + t * apq;
                a[p * n + q] = 0.0;
                a[q * n + p] = 0.0;
                let (head, tail) = vt.split_at_mut(q * n);
                let (vp, vq) = (&mut head[p * n..(p + 1) * n], &mut tail[..n]);
                for (x, y) in vp.iter_mut().zip(vq.iter_mut()) {
                    let (xp, xq) = (*x, *y);
                    *x = c * xp - s * xq;
                    *y = s * xp + c * xq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| a[j * n + j].total_cmp(&a[i * n + i]).then(i.cmp(&j)));
    let vals = order.iter().map(|&i| a[i * n + i]).collect();
    let mut vecs = vec![0.0f64; n * n];
    for (new, &old) in order.iter().enumerate() {
        for k in 0..n {
            vecs[k * n + new] = vt[old * n + k];
        }
    }
    (vals, vecs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jacobi_recovers_known_eigenvalues() {
        // [[2,1],[1,2]] has eigenvalues 3 and 1.
        let (vals, vecs) = symmetric_eigen(&[2.0, 1.0, 1.0, 2.0], 2);
        assert!((vals[0] - 3.0).abs() < 1e-9 && (vals[1] - 1.0).abs() < 1e-9);
        let v0 = [vecs[0], vecs[2]];
        assert!((v0[0].abs() - v0[1].abs()).abs() < 1e-9);
    }

    #[test]
    fn eigenvectors_reconstruct_a_larger_matrix() {
        // A = V diag(λ) Vᵀ must come back for a dense symmetric 7 × 7 matrix.
        let n = 7;
        let a: Vec<f64> = (0..n * n)
            .map(|e| {
                let (i, j) = (e / n, e % n);
                ((i * j + i + j) % 5) as f64 + if i == j { 3.0 } else { 0.0 }
            })
            .collect();
        let (vals, vecs) = symmetric_eigen(&a, n);
        assert!(vals.windows(2).all(|w| w[0] >= w[1]));
        for i in 0..n {
            for j in 0..n {
                let back: f64 = (0..n)
                    .map(|k| vecs[i * n + k] * vals[k] * vecs[j * n + k])
                    .sum();
                assert!((back - a[i * n + j]).abs() < 1e-9, "{i},{j}: {back}");
            }
        }
    }

    #[test]
    fn gram_schmidt_gives_orthonormal_columns() {
        let mut m = vec![1.0, 2.0, 3.0, 4.0, 5.0, 7.0];
        orthonormalize_columns(&mut m, 3, 2);
        let c0: Vec<f64> = (0..3).map(|r| m[r * 2]).collect();
        let c1: Vec<f64> = (0..3).map(|r| m[r * 2 + 1]).collect();
        let d: f64 = c0.iter().zip(&c1).map(|(a, b)| a * b).sum();
        assert!(d.abs() < 1e-12);
        assert!((c0.iter().map(|x| x * x).sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((dot(&[3.0, 4.0], &[3.0, 4.0]) - 25.0).abs() < 1e-6);
    }
}
