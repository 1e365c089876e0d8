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

/// The cosine of each unit row of `x` (`dim` wide) to the mean direction of the rows
/// sharing its label (`labels` below `k`).
pub(super) fn cosines_to_means(x: &[f32], dim: usize, labels: &[usize], k: usize) -> Vec<f32> {
    let mut means = vec![0.0f32; k * dim];
    for (row, &j) in x.chunks_exact(dim).zip(labels) {
        means[j * dim..(j + 1) * dim]
            .iter_mut()
            .zip(row)
            .for_each(|(m, v)| *m += v);
    }
    means.chunks_exact_mut(dim).for_each(|m| {
        normalize(m);
    });
    x.chunks_exact(dim)
        .zip(labels)
        .map(|(row, &j)| dot(row, &means[j * dim..(j + 1) * dim]))
        .collect()
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
/// by modified Gram–Schmidt, `passes` times (a second pass restores the
/// orthogonality a first one loses to rounding). Columns that collapse to zero
/// are left as zero.
pub(super) fn orthonormalize_columns(m: &mut [f64], rows: usize, cols: usize, passes: usize) {
    // Work column-major for contiguous access.
    let mut c = vec![0.0f64; rows * cols];
    for r in 0..rows {
        for j in 0..cols {
            c[j * rows + r] = m[r * cols + j];
        }
    }
    for _pass in 0..passes {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gram_schmidt_gives_orthonormal_columns() {
        let mut m = vec![1.0, 2.0, 3.0, 4.0, 5.0, 7.0];
        orthonormalize_columns(&mut m, 3, 2, 2);
        let c0: Vec<f64> = (0..3).map(|r| m[r * 2]).collect();
        let c1: Vec<f64> = (0..3).map(|r| m[r * 2 + 1]).collect();
        let d: f64 = c0.iter().zip(&c1).map(|(a, b)| a * b).sum();
        assert!(d.abs() < 1e-12);
        assert!((c0.iter().map(|x| x * x).sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((dot(&[3.0, 4.0], &[3.0, 4.0]) - 25.0).abs() < 1e-6);
    }
}
