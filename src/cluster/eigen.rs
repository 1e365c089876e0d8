//! Eigen-decomposition of small dense symmetric matrices (the Gram matrices of
//! the word vectors' SVD and of the text projection, 60–114 wide): Householder
//! reduction to tridiagonal form, then implicit QR steps with Wilkinson shifts.
//! About n³ operations in all, where cyclic Jacobi needed that per sweep and
//! took 6–10 sweeps (13 % of clustering 2,000 titles went to it).

/// Steps of implicit QR per eigenvalue at most; they converge in 2–3 as a rule.
const MAX_STEPS_PER_VALUE: usize = 30;

/// Eigenvalues (descending) of the symmetric `n × n` row-major matrix `a`, and
/// the matching unit eigenvectors as the columns of a row-major `n × n` matrix.
pub(super) fn symmetric_eigen(a: &[f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut a = a[..n * n].to_vec();
    // Rows of `vt` are the basis the matrix is expressed in (the transposed
    // eigenvectors at the end): every transformation then updates whole rows.
    let mut vt = vec![0.0f64; n * n];
    for i in 0..n {
        vt[i * n + i] = 1.0;
    }
    tridiagonalize(&mut a, &mut vt, n);
    let mut d: Vec<f64> = (0..n).map(|i| a[i * n + i]).collect();
    let mut e: Vec<f64> = (0..n.saturating_sub(1)).map(|i| a[i * n + i + 1]).collect();
    diagonalize(&mut d, &mut e, &mut vt, n);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| d[j].total_cmp(&d[i]).then(i.cmp(&j)));
    let vals = order.iter().map(|&i| d[i]).collect();
    let mut vecs = vec![0.0f64; n * n];
    for (new, &old) in order.iter().enumerate() {
        let row = &vt[old * n..(old + 1) * n];
        // An eigenvector's sign is arbitrary; fixing it (largest component
        // positive) makes results independent of the algorithm's path, so the
        // shipped vectors file rebuilds to the same bytes.
        let largest = row
            .iter()
            .fold(0.0f64, |m, &x| if x.abs() > m.abs() { x } else { m });
        let sign = if largest < 0.0 { -1.0 } else { 1.0 };
        for (k, &x) in row.iter().enumerate() {
            vecs[k * n + new] = sign * x;
        }
    }
    (vals, vecs)
}

/// Householder reflections H = I − β·v·vᵀ, one per column, turn `a` into a
/// tridiagonal matrix H…A…H; each is also applied to the rows of `vt`, so
/// that A = vtᵀ·T·vt throughout.
fn tridiagonalize(a: &mut [f64], vt: &mut [f64], n: usize) {
    let mut p = vec![0.0f64; n];
    let mut w = vec![0.0f64; n];
    let mut u = vec![0.0f64; n];
    let mut v: Vec<f64> = Vec::with_capacity(n);
    for k in 0..n.saturating_sub(2) {
        let lo = k + 1;
        let m = n - lo;
        // The column below the diagonal (the same as the row right of it).
        v.clear();
        v.extend_from_slice(&a[k * n + lo..(k + 1) * n]);
        if v[1..].iter().all(|&x| x == 0.0) {
            continue;
        }
        let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        // Reflect x onto ∓‖x‖·e₁, the sign away from x₀ so v₀ does not cancel.
        let alpha = if v[0] > 0.0 { -norm } else { norm };
        v[0] -= alpha;
        let vv: f64 = v.iter().map(|x| x * x).sum();
        if vv == 0.0 {
            continue;
        }
        let beta = 2.0 / vv;
        // S ← S − v·wᵀ − w·vᵀ on the trailing block S, with p = β·S·v and
        // w = p − (β/2)(vᵀp)·v: the two-sided reflection in O(m²).
        for (i, pi) in p[..m].iter_mut().enumerate() {
            let row = &a[(lo + i) * n + lo..(lo + i + 1) * n];
            *pi = beta * row.iter().zip(&v).map(|(x, y)| x * y).sum::<f64>();
        }
        let half: f64 = 0.5 * beta * v.iter().zip(&p[..m]).map(|(x, y)| x * y).sum::<f64>();
        for i in 0..m {
            w[i] = p[i] - half * v[i];
        }
        for i in 0..m {
            let row = &mut a[(lo + i) * n + lo..(lo + i + 1) * n];
            let (vi, wi) = (v[i], w[i]);
            for (j, x) in row.iter_mut().enumerate() {
                *x -= vi * w[j] + wi * v[j];
            }
        }
        a[k * n + lo] = alpha;
        a[lo * n + k] = alpha;
        for j in lo + 1..n {
            a[k * n + j] = 0.0;
            a[j * n + k] = 0.0;
        }
        // vt ← H·vt on its rows lo..n.
        u.fill(0.0);
        for (i, &vi) in v.iter().enumerate() {
            let row = &vt[(lo + i) * n..(lo + i + 1) * n];
            u.iter_mut().zip(row).for_each(|(s, &x)| *s += vi * x);
        }
        for (i, &vi) in v.iter().enumerate() {
            let row = &mut vt[(lo + i) * n..(lo + i + 1) * n];
            row.iter_mut()
                .zip(&u)
                .for_each(|(x, &s)| *x -= beta * vi * s);
        }
    }
}

/// Implicit symmetric QR steps with Wilkinson shifts on the tridiagonal matrix
/// with diagonal `d` and off-diagonal `e` (e[i] joins i and i + 1), chasing the
/// bulge down with Givens rotations, each also applied to the rows of `vt`.
/// Leaves the eigenvalues in `d`.
fn diagonalize(d: &mut [f64], e: &mut [f64], vt: &mut [f64], n: usize) {
    let mut steps = 0usize;
    loop {
        for i in 0..e.len() {
            if e[i].abs() <= f64::EPSILON * (d[i].abs() + d[i + 1].abs()) {
                e[i] = 0.0;
            }
        }
        // The lowest block that is not yet diagonal: rows lo..=hi.
        let Some(last) = e.iter().rposition(|&x| x != 0.0) else {
            return;
        };
        let hi = last + 1;
        let lo = e[..last]
            .iter()
            .rposition(|&x| x == 0.0)
            .map_or(0, |i| i + 1);
        steps += 1;
        if steps > MAX_STEPS_PER_VALUE * n {
            // Not reached on symmetric input; stop with the values found so far.
            return;
        }
        // Wilkinson's shift: the eigenvalue of the trailing 2 × 2 block nearer d[hi].
        let delta = (d[hi - 1] - d[hi]) / 2.0;
        let b = e[hi - 1];
        let sign = if delta >= 0.0 { 1.0 } else { -1.0 };
        let shift = d[hi] - b * b / (delta + sign * delta.hypot(b));
        let mut x = d[lo] - shift;
        let mut z = e[lo];
        for k in lo..hi {
            let r = x.hypot(z);
            let (c, s) = if r == 0.0 { (1.0, 0.0) } else { (x / r, z / r) };
            if k > lo {
                e[k - 1] = r;
            }
            let (dk, ek, dk1) = (d[k], e[k], d[k + 1]);
            d[k] = c * c * dk + 2.0 * c * s * ek + s * s * dk1;
            d[k + 1] = s * s * dk - 2.0 * c * s * ek + c * c * dk1;
            e[k] = c * s * (dk1 - dk) + (c * c - s * s) * ek;
            if k + 1 < hi {
                x = e[k];
                z = s * e[k + 1];
                e[k + 1] *= c;
            }
            let (head, tail) = vt.split_at_mut((k + 1) * n);
            let (rk, rk1) = (&mut head[k * n..], &mut tail[..n]);
            for (p, q) in rk.iter_mut().zip(rk1.iter_mut()) {
                let (xp, xq) = (*p, *q);
                *p = c * xp + s * xq;
                *q = c * xq - s * xp;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::rng::Rng;

    /// A = V·diag(λ)·Vᵀ, Vᵀ·V = I, λ descending and each eigenvector's largest
    /// component positive, to `tol`.
    fn check(a: &[f64], n: usize, tol: f64) {
        let (vals, vecs) = symmetric_eigen(a, n);
        assert!(vals.windows(2).all(|w| w[0] >= w[1]), "{vals:?}");
        for k in 0..n {
            let col = (0..n).map(|r| vecs[r * n + k]);
            let largest = col.fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
            assert!(largest >= 0.0, "eigenvector {k}");
        }
        for i in 0..n {
            for j in 0..n {
                let back: f64 = (0..n)
                    .map(|k| vecs[i * n + k] * vals[k] * vecs[j * n + k])
                    .sum();
                assert!((back - a[i * n + j]).abs() < tol, "A {i},{j}: {back}");
                let gram: f64 = (0..n).map(|r| vecs[r * n + i] * vecs[r * n + j]).sum();
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((gram - want).abs() < tol, "VᵀV {i},{j}: {gram}");
            }
        }
    }

    #[test]
    fn recovers_known_eigenvalues() {
        // [[2,1],[1,2]] has eigenvalues 3 and 1, the first along (1, 1).
        let (vals, vecs) = symmetric_eigen(&[2.0, 1.0, 1.0, 2.0], 2);
        assert!((vals[0] - 3.0).abs() < 1e-12 && (vals[1] - 1.0).abs() < 1e-12);
        assert!((vecs[0].abs() - vecs[2].abs()).abs() < 1e-12);
        let (vals, _) = symmetric_eigen(&[4.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 9.0], 3);
        assert_eq!(vals, vec![9.0, 4.0, -1.0]);
    }

    #[test]
    fn reconstructs_dense_matrices_of_every_small_size() {
        let mut rng = Rng::new(7);
        for n in 1..=12 {
            let mut a = vec![0.0f64; n * n];
            for i in 0..n {
                for j in 0..=i {
                    let v = rng.next_f64() * 2.0 - 1.0;
                    a[i * n + j] = v;
                    a[j * n + i] = v;
                }
            }
            check(&a, n, 1e-10);
        }
    }

    #[test]
    fn handles_repeated_and_zero_eigenvalues() {
        // A Gram matrix of rank 2 in 6 dimensions (four zero eigenvalues), then
        // the identity (one eigenvalue six times), then the zero matrix.
        let n = 6;
        let rows = [
            [1.0, 2.0, 0.0, -1.0, 3.0, 0.5],
            [0.0, 1.0, 1.0, 1.0, -2.0, 0.0],
        ];
        let mut g = vec![0.0f64; n * n];
        for r in &rows {
            for i in 0..n {
                for j in 0..n {
                    g[i * n + j] += r[i] * r[j];
                }
            }
        }
        check(&g, n, 1e-10);
        let id: Vec<f64> = (0..n * n)
            .map(|e| if e / n == e % n { 1.0 } else { 0.0 })
            .collect();
        check(&id, n, 1e-12);
        check(&vec![0.0; n * n], n, 1e-12);
    }

    #[test]
    fn a_large_gram_matrix_is_accurate() {
        // The shape the projection decomposes: 114 wide, from 300 random rows.
        let (n, m) = (114, 300);
        let mut rng = Rng::new(3);
        let x: Vec<f64> = (0..m * n).map(|_| rng.next_f64() - 0.5).collect();
        let mut g = vec![0.0f64; n * n];
        for r in x.chunks_exact(n) {
            for i in 0..n {
                for j in 0..n {
                    g[i * n + j] += r[i] * r[j];
                }
            }
        }
        check(&g, n, 1e-9);
    }
}
