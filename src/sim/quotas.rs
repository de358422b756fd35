//! Quotas and VERs: a capped market's shadow price (docs/model.md §2.1). The buyer's cost of a
//! capped supplier's good carries a shadow price ρ ≥ 1 that rises until the flow fits under the
//! cap; the premium is a rent, the exporter's under a VER, licence holders' under a quota.

use super::*;

/// Most iterations of the quota shadow-price search per capped market.
const QUOTA_ITERATIONS: usize = 60;

/// A market with a quota or VER: raise the shadow price ρ on each capped flow until it fits
/// under its cap (buyers then pay more for the capped goods and turn to other suppliers). The
/// gap between what buyers pay and the producer price is a rent: the exporter's under a VER
/// (the 1981 auto restraint raised Japanese car prices and profits), licence holders' in the
/// importing state under a quota.
pub(super) fn solve_capped_market(
    t: &mut Trade,
    wedges: &Wedges,
    pp: &[f64],
    ppm: &[f64],
    i: usize,
    s: usize,
    spend: f64,
    sigma: f64,
    lambda: f64,
    rents: &mut [f64],
    (demand, sales): (&mut [f64], &mut [f64]),
) {
    let (n, k) = (t.n, t.k);
    let sn = s * n;
    let base = (i * k + s) * n;
    let caps: Vec<usize> = (0..wedges.caps.len())
        .filter(|&x| wedges.caps[x].importer == i && wedges.caps[x].sector == s)
        .collect();
    let mut rho_of = vec![1.0; n];
    let mut target = vec![0.0; n];
    let mut denom = 0.0;
    for _ in 0..QUOTA_ITERATIONS {
        for &x in &caps {
            rho_of[wedges.caps[x].supplier] = t.rho[x];
        }
        denom = (0..n)
            .map(|j| t.wt[base + j] * pp[sn + j] * libm::pow(rho_of[j], 1.0 - sigma))
            .sum();
        if denom <= 0.0 {
            break;
        }
        for j in 0..n {
            target[j] = t.wtm[base + j] * ppm[sn + j] * libm::pow(rho_of[j], -sigma) * spend / denom;
        }
        let mut settled = true;
        for &x in &caps {
            let cap = &wedges.caps[x];
            let want = target[cap.supplier];
            let old = t.rho[x];
            let new = (old * libm::pow(want / cap.volume.max(1e-9), 1.0 / sigma)).clamp(1.0, 1e6);
            if (new - old).abs() > 1e-10 * old {
                settled = false;
            }
            t.rho[x] = new;
        }
        if settled {
            break;
        }
    }
    t.price_index[i * k + s] = if denom > 0.0 {
        libm::pow(denom, 1.0 / (1.0 - sigma))
    } else {
        1e3
    };
    for j in 0..n {
        let c = base + j;
        let goal = if denom > 0.0 { target[j] } else { 0.0 };
        let f = if wedges.controlled[c] {
            0.0
        } else {
            t.flow[c] + lambda * (goal - t.flow[c])
        };
        t.flow[c] = f;
        demand[j] += goal;
        sales[j] += f;
        t.pair_flow[i * n + j] += f;
    }
    for &x in &caps {
        let cap = &wedges.caps[x];
        let c = base + cap.supplier;
        let rent = t.flow[c] * t.price[cap.supplier * k + s] * (t.rho[x] - 1.0);
        if cap.voluntary {
            rents[cap.supplier] += rent;
        } else {
            rents[i] += rent;
        }
    }
}

/// Customs duty is levied on the transaction value, which under a VER includes the premium
/// the exporter charges (its scarcity rent): the duty grows with ρ (GATT Art. VII; the 1981–85
/// auto restraint raised the dutiable price of Japanese cars). Adds it to each importer's revenue.
pub(super) fn duty_on_ver_premiums(t: &Trade, wedges: &Wedges, revenue: &mut [f64]) {
    let k = t.k;
    for (x, cap) in wedges.caps.iter().enumerate() {
        let c = t.at(cap.importer, cap.supplier, cap.sector);
        let tau = wedges.tariff[c];
        if cap.voluntary && tau > 0.0 {
            let premium = t.rho.get(x).map_or(0.0, |r| r - 1.0);
            revenue[cap.importer] += t.flow[c] * t.price[cap.supplier * k + cap.sector] * premium * tau;
        }
    }
}
