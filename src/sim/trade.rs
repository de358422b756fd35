//! Trade: landed prices, Armington (CES) demand over suppliers, quotas and VERs, tariff
//! revenue, CPI, output and employment (DESIGN.md phase 3; MODEL.md "Trade").
//!
//! Flows are real quantities in base-year bn USD (base landed price = 1). The buyer's unit cost
//! of supplier j's good is `c = p_j · (1 + τ) · ρ`: producer price, tariff, and the shadow price
//! of a binding quota. Shares follow `s_j = a_j c_j^(1−σ) / Σ_l a_l c_l^(1−σ)` (Armington 1969)
//! with `a` calibrated so the base month reproduces the scenario's flows exactly; so every later
//! change is the policy's doing. Pass-through of tariffs to buyer prices is complete
//! (Amiti–Redding–Weinstein 2019; Fajgelbaum et al. 2020): a supplier's quantity falls as
//! `c^(−σ)`, which for σ = 2.5 and a 2.6% → 16.6% tariff gives ≈ −27% (−32% observed in 2018).

use bevy_ecs::prelude::*;
use noise::{NoiseFn, Perlin};

use super::*;
use crate::scenario::{MeasureKind, Scenario};

/// Rebuild the policy wedges from the measures in force, in serial order.
pub fn derive_wedges(reg: Res<Registry>, measures: Query<&Measure>, mut wedges: ResMut<Wedges>) {
    *wedges = wedges_from(&reg, measures.iter());
}

pub fn wedges_from<'a>(reg: &Registry, measures: impl Iterator<Item = &'a Measure>) -> Wedges {
    let (n, k) = (reg.n(), reg.k());
    let mut w = Wedges {
        tariff: vec![0.0; n * n * k],
        quota: vec![-1.0; n * n * k],
        voluntary: vec![false; n * n * k],
        controlled: vec![false; n * n * k],
    };
    let mut list: Vec<&Measure> = measures.collect();
    list.sort_by_key(|m| m.serial);
    let at = |i: usize, j: usize, s: usize| (i * n + j) * k + s;
    for m in list {
        let sectors: Vec<usize> = m.sector.map_or_else(|| (0..k).collect(), |s| vec![s]);
        let others: Vec<usize> = m
            .target
            .map_or_else(|| (0..n).filter(|&x| x != m.by).collect(), |t| vec![t]);
        for &o in &others {
            for &s in &sectors {
                match m.kind {
                    // Tariffs stack (a Section 232 duty sits on top of the MFN rate).
                    MeasureKind::Tariff(r) => w.tariff[at(m.by, o, s)] += r,
                    MeasureKind::Quota(q) | MeasureKind::Ver(q) => {
                        let c = at(m.by, o, s);
                        if w.quota[c] < 0.0 || q < w.quota[c] {
                            w.quota[c] = q;
                            w.voluntary[c] = matches!(m.kind, MeasureKind::Ver(_));
                        }
                    }
                    // `by` is the exporter: importer o loses supplier `by`.
                    MeasureKind::ExportControl => w.controlled[at(o, m.by, s)] = true,
                }
            }
        }
    }
    w
}

/// Base-month calibration from the scenario's flows and the measures in force at the start.
pub fn calibrate(world: &mut World, s: &Scenario) -> Trade {
    let reg = world.resource::<Registry>().clone();
    let (n, k) = (reg.n(), reg.k());
    let wedges = {
        let mut q = world.query::<&Measure>();
        wedges_from(&reg, q.iter(world))
    };
    let mut t = Trade {
        n,
        k,
        flow: vec![0.0; n * n * k],
        base: vec![0.0; n * n * k],
        weight: vec![0.0; n * n * k],
        price: vec![1.0; n * k],
        spend0: vec![0.0; n * k],
        price_index: vec![1.0; n * k],
        rho: vec![1.0; n * n * k],
        revenue0: vec![0.0; n],
    };
    for f in &s.trade {
        if let (Some(j), Some(i), Some(sec)) = (reg.state(&f.from), reg.state(&f.to), reg.sector(&f.sector)) {
            let c = t.at(i, j, sec);
            t.base[c] = f.value;
        }
    }
    t.flow = t.base.clone();
    for i in 0..n {
        for sec in 0..k {
            let sigma = reg.sigma[sec];
            let spend: f64 = (0..n)
                .map(|j| t.base[t.at(i, j, sec)] * (1.0 + wedges.tariff[t.at(i, j, sec)]))
                .sum();
            t.spend0[i * k + sec] = spend;
            t.revenue0[i] += (0..n)
                .map(|j| t.base[t.at(i, j, sec)] * wedges.tariff[t.at(i, j, sec)])
                .sum::<f64>();
            if spend <= 0.0 {
                continue;
            }
            for j in 0..n {
                let c = t.at(i, j, sec);
                let unit = 1.0 + wedges.tariff[c];
                let share = t.base[c] * unit / spend;
                t.weight[c] = share * unit.powf(sigma - 1.0);
            }
        }
    }
    t
}

/// Coherent demand shock for importer i, sector s, month m: Perlin noise seeded by the scenario
/// seed, so runs differ by seed yet repeat exactly.
fn demand_shock(perlin: &Perlin, amplitude: f64, i: usize, s: usize, m: u32) -> f64 {
    let v = perlin.get([m as f64 * 0.13, i as f64 * 3.71 + 0.5, s as f64 * 1.93 + 0.25]);
    1.0 + amplitude * v
}

/// Most iterations of the quota shadow-price search per market.
const QUOTA_ITERATIONS: usize = 40;

/// Solve each market's CES split, cap quota flows, move flows toward the solution, and book
/// tariff revenue, quota rents, price indices and CPI.
pub fn solve_trade(
    reg: Res<Registry>,
    wedges: Res<Wedges>,
    params: Res<Params>,
    seed: Res<Seed>,
    clock: Res<Clock>,
    mut trade: ResMut<Trade>,
    mut states: Query<(&Country, &mut Economy)>,
) {
    let (n, k) = (reg.n(), reg.k());
    let perlin = Perlin::new(seed.0 as u32 ^ (seed.0 >> 32) as u32);
    let lambda = params.0.adjustment_rate;
    let amp = params.0.demand_noise;
    let mut revenue = vec![0.0; n];
    let mut rents = vec![0.0; n];
    let t = &mut *trade;
    let mut unit = vec![0.0; n];
    let mut target = vec![0.0; n];
    for i in 0..n {
        for s in 0..k {
            let spend0 = t.spend0[i * k + s];
            if spend0 <= 0.0 {
                continue;
            }
            let sigma = reg.sigma[s];
            let spend = spend0 * demand_shock(&perlin, amp, i, s, clock.month);
            // Quota shadow prices: raise ρ on capped flows until they fit under the cap.
            for j in 0..n {
                let c = t.at(i, j, s);
                if wedges.quota[c] < 0.0 {
                    t.rho[c] = 1.0;
                }
            }
            let mut index = 0.0;
            for _ in 0..QUOTA_ITERATIONS {
                let mut denom = 0.0;
                for j in 0..n {
                    let c = t.at(i, j, s);
                    unit[j] = t.price[j * k + s] * (1.0 + wedges.tariff[c]) * t.rho[c];
                    if !wedges.controlled[c] && t.weight[c] > 0.0 {
                        denom += t.weight[c] * unit[j].powf(1.0 - sigma);
                    }
                }
                let mut settled = true;
                for j in 0..n {
                    let c = t.at(i, j, s);
                    target[j] = if denom > 0.0 && !wedges.controlled[c] && t.weight[c] > 0.0 {
                        t.weight[c] * unit[j].powf(1.0 - sigma) / denom * spend / unit[j]
                    } else {
                        0.0
                    };
                    let q = wedges.quota[c];
                    if q >= 0.0 {
                        let over = target[j] / q.max(1e-12);
                        let old = t.rho[c];
                        let new = (old * over.powf(1.0 / sigma)).max(1.0);
                        if (new - old).abs() > 1e-9 * old {
                            settled = false;
                            t.rho[c] = new.min(1e6);
                        }
                    }
                }
                index = if denom > 0.0 {
                    denom.powf(1.0 / (1.0 - sigma))
                } else {
                    1.0
                };
                if settled {
                    break;
                }
            }
            t.price_index[i * k + s] = index;
            for j in 0..n {
                let c = t.at(i, j, s);
                let mut goal = target[j];
                if wedges.quota[c] >= 0.0 {
                    goal = goal.min(wedges.quota[c]);
                }
                t.flow[c] += lambda * (goal - t.flow[c]);
                let value = t.flow[c] * t.price[j * k + s];
                revenue[i] += value * wedges.tariff[c];
                let rent = value * (t.rho[c] - 1.0);
                if wedges.voluntary[c] {
                    rents[j] += rent;
                } else {
                    rents[i] += rent;
                }
            }
        }
    }
    for (country, mut eco) in &mut states {
        let i = country.idx;
        let gdp = country.gdp0.max(1e-9);
        // CPI: a Cobb–Douglas index over the scenario's sectors, each weighted by its share of
        // total spending, the rest (services) unchanged: narrow tariffs barely move it.
        let log_cpi: f64 = (0..k)
            .map(|s| (trade.spend0[i * k + s] / gdp).min(1.0) * trade.price_index[i * k + s].ln())
            .sum();
        eco.cpi = 100.0 * log_cpi.exp();
        eco.tariff_revenue = revenue[i];
        eco.quota_rents = rents[i];
    }
}

/// Output of each industry follows its host's sales in its sector; employment follows output
/// with a lag; exports, imports and real income are booked.
pub fn update_output(
    reg: Res<Registry>,
    params: Res<Params>,
    trade: Res<Trade>,
    mut industries: Query<&mut Industry>,
    mut states: Query<(&Country, &mut Economy)>,
) {
    let (n, k) = (reg.n(), reg.k());
    let mut sales = vec![0.0; n * k];
    let mut sales0 = vec![0.0; n * k];
    let mut exports = vec![0.0; n];
    let mut imports = vec![0.0; n];
    for i in 0..n {
        for j in 0..n {
            for s in 0..k {
                let c = trade.at(i, j, s);
                let v = trade.flow[c] * trade.price[j * k + s];
                sales[j * k + s] += v;
                sales0[j * k + s] += trade.base[c];
                if i != j {
                    exports[j] += v;
                    imports[i] += v;
                }
            }
        }
    }
    let keep = 0.5f64.powf(1.0 / params.0.employment_half_life);
    let mut jobs = vec![0.0; n];
    for mut ind in &mut industries {
        let c = ind.host * k + ind.sector;
        let ratio = if sales0[c] > 0.0 {
            sales[c] / sales0[c]
        } else {
            1.0
        };
        ind.output = (ind.output0 * ratio).min(ind.capacity);
        let goal = ind.employment0 * ind.output / ind.output0.max(1e-12);
        ind.employment = goal + (ind.employment - goal) * keep;
        jobs[ind.host] += ind.employment;
    }
    for (country, mut eco) in &mut states {
        let i = country.idx;
        let gained: f64 = (0..k).map(|s| sales[i * k + s] - sales0[i * k + s]).sum();
        eco.employment = jobs[i];
        eco.exports = exports[i];
        eco.imports = imports[i];
        // Real income: base GDP plus the change in producers' sales, tariff revenue and rents,
        // deflated by the CPI (MODEL.md "Welfare").
        let gdp = country.gdp0.max(1e-9);
        let nominal = gdp + gained + (eco.tariff_revenue - trade.revenue0[i]) + eco.quota_rents;
        eco.welfare = 100.0 * nominal / gdp / (eco.cpi / 100.0);
    }
}
