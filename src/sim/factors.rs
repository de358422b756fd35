//! Factor returns by Stolper–Samuelson (docs/model.md §2.2).
//!
//! Zero profit in every sector k ties its price change to the factor returns it pays:
//! `p̂_k = Σ_f θ_fk ŵ_f` (Jones 1965, "hat algebra"). Given the sector price changes that trade
//! policy causes at home, the returns ŵ_f (land, labour, capital) are solved by least squares
//! over the sectors, weighted by each sector's base sales. With as many sectors as factors the
//! solution is exact and shows the magnification effect: protecting the labour-intensive sector
//! raises the wage by more than its price and lowers the return of the other factor.

use bevy_ecs::prelude::*;

use super::*;
use crate::scenario::Factors;

/// Ridge term that keeps the 3×3 system solvable when sectors are fewer than factors.
const RIDGE: f64 = 1e-6;

pub fn factor_returns(reg: Res<Registry>, trade: Res<Trade>, mut states: Query<(&Country, &mut Economy)>) {
    let k = reg.k();
    for (country, mut eco) in &mut states {
        let i = country.idx;
        let mut ata = [[0.0f64; 3]; 3];
        let mut atb = [0.0f64; 3];
        for s in 0..k {
            let w = trade.sales0[i * k + s];
            if w <= 0.0 {
                continue;
            }
            let theta = reg.intensity[s];
            let x = trade.price_index[i * k + s] - 1.0;
            for a in 0..3 {
                atb[a] += w * theta[a] * x;
                for b in 0..3 {
                    ata[a][b] += w * theta[a] * theta[b];
                }
            }
        }
        let scale = (0..3).map(|a| ata[a][a]).fold(0.0, f64::max).max(1e-12);
        for (a, row) in ata.iter_mut().enumerate() {
            row[a] += RIDGE * scale;
        }
        let y = solve3(ata, atb).unwrap_or([0.0; 3]);
        eco.factor_returns = Factors {
            land: 1.0 + y[0],
            labour: 1.0 + y[1],
            capital: 1.0 + y[2],
        };
    }
}

/// Solve a 3×3 linear system by Gaussian elimination with partial pivoting.
pub fn solve3(mut a: [[f64; 3]; 3], mut b: [f64; 3]) -> Option<[f64; 3]> {
    for col in 0..3 {
        let pivot = (col..3).max_by(|&r, &q| a[r][col].abs().total_cmp(&a[q][col].abs()))?;
        if a[pivot][col].abs() < 1e-300 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for r in col + 1..3 {
            let f = a[r][col] / a[col][col];
            for c in col..3 {
                a[r][c] -= f * a[col][c];
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = [0.0; 3];
    for r in (0..3).rev() {
        let s: f64 = (r + 1..3).map(|c| a[r][c] * x[c]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve3(
            [[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]],
            [3.0, 5.0, 5.0],
        )
        .unwrap();
        assert!((x[0] - 1.0).abs() < 1e-12 && (x[1] - 1.0).abs() < 1e-12 && (x[2] - 1.0).abs() < 1e-12);
        assert!(solve3([[0.0; 3]; 3], [1.0; 3]).is_none());
    }
}
