//! Supply chains: risk, friend-shoring and reshoring with hysteresis (docs/model.md §2.3).
//!
//! Buyers in state i judge the risk of sourcing from j by the tariffs between them, their trust
//! in j, how far apart they stand between the poles, and recent coercion by j:
//! `r_ij = w₁·tariff + w₂·(1 − trust_ij) + w₃·|A_i − A_j|/2 + w₄·coercion_ij`. While r_ij stays
//! more than r* above its base-month level, a share κ·(excess − r*) of i's purchase weight on j
//! moves each month to suppliers i trusts (excess below r*, home included: friend-shoring and
//! reshoring), at an investment cost.
//! Nothing moves back when the risk falls: plants, once moved, stay (the hysteresis of sunk
//! costs; Dixit 1989). The capacity of the industries hosted in each state follows the weight
//! its buyers put on it.

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::*;

/// Sourcing risk as seen by importer i of supplier j: index `i * n + j`.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub n: usize,
    pub risk: Vec<f64>,
    /// Memory of coercion by j against i (export controls aimed at i): 1 while one is in force,
    /// fading slowly after.
    pub coercion: Vec<f64>,
    /// Risk in the base month: relocation answers risk *above* it, so a scenario starts at
    /// rest (its base flows already reflect the risks of the day).
    pub risk0: Option<Vec<f64>>,
    /// Capacity of supplier j in sector s relative to the base month: `j * k + s`.
    pub capacity_index: Vec<f64>,
}

impl Risk {
    /// Risk of i sourcing from j above the base month's.
    pub fn excess(&self, i: usize, j: usize) -> f64 {
        let c = i * self.n + j;
        self.risk[c] - self.risk0.as_ref().map_or(0.0, |r| r[c])
    }
}

impl Risk {
    pub fn new(n: usize, k: usize) -> Self {
        Risk {
            n,
            risk: vec![0.0; n * n],
            coercion: vec![0.0; n * n],
            risk0: None,
            capacity_index: vec![1.0; n * k],
        }
    }
}

/// Smallest yearly value moved worth a cause record, bn USD.
const CAUSE_THRESHOLD: f64 = 0.05;

pub fn assess_risk(
    params: Res<Params>,
    reg: Res<Registry>,
    wedges: Res<Wedges>,
    relations: Res<Relations>,
    politics: Query<(&Country, &Politics)>,
    mut risk: ResMut<Risk>,
) {
    let n = reg.n();
    let mut align = vec![0.0; n];
    for (c, p) in &politics {
        align[c.idx] = p.alignment;
    }
    // A cut-off registers at once and is remembered for years (it fades at `coercion_memory` a
    // month once lifted): Japan's buyers still weighed the 2010 halt a decade on. (`max(0.0)`
    // is what `max(now)` was for a pair with no control: the memory is never negative.)
    for memory in risk.coercion.iter_mut() {
        *memory = (*memory * params.0.coercion_memory).max(0.0);
    }
    for &(i, j, _) in &wedges.controls {
        risk.coercion[i * n + j] = risk.coercion[i * n + j].max(1.0);
    }
    let risk = &mut *risk;
    risk_matrix(
        &params.0,
        n,
        &wedges,
        &relations,
        &align,
        &risk.coercion,
        &mut risk.risk,
    );
}

/// The risk score of every ordered pair (importer, supplier), written into `out` (every month:
/// no n² allocation).
pub fn risk_matrix(
    p: &crate::scenario::Parameters,
    n: usize,
    wedges: &Wedges,
    relations: &Relations,
    align: &[f64],
    coercion: &[f64],
    out: &mut Vec<f64>,
) {
    out.resize(n * n, 0.0);
    for i in 0..n {
        for j in 0..n {
            let c = i * n + j;
            out[c] = if i == j {
                0.0
            } else {
                p.risk_tariff * wedges.pair_tariff[c]
                    + p.risk_distrust * (1.0 - relations.trust(i, j))
                    + p.risk_alignment * (align[i] - align[j]).abs() / 2.0
                    + p.risk_coercion * coercion[c]
            };
        }
    }
}

/// The base month's risk: controls already in force count as remembered coercion, so the
/// scenario starts at rest.
pub fn baseline(
    p: &crate::scenario::Parameters,
    n: usize,
    k: usize,
    wedges: &Wedges,
    relations: &Relations,
    align: &[f64],
) -> Risk {
    let mut risk = Risk::new(n, k);
    for &(i, j, _) in &wedges.controls {
        risk.coercion[i * n + j] = 1.0;
    }
    risk_matrix(p, n, wedges, relations, align, &risk.coercion, &mut risk.risk);
    risk.risk0 = Some(risk.risk.clone());
    risk
}

/// Move purchase weight away from risky suppliers toward trusted ones; never back.
pub fn relocate(
    clock: Res<Clock>,
    params: Res<Params>,
    reg: Res<Registry>,
    wedges: Res<Wedges>,
    mut risk: ResMut<Risk>,
    mut trade: ResMut<Trade>,
    mut states: Query<(&Country, &mut Economy)>,
    mut industries: Query<&mut Industry>,
    mut causes: ResMut<Causes>,
    mut factors: Local<super::wedges::WedgeFactors>,
) {
    let (n, k) = (reg.n(), reg.k());
    let p = &params.0;
    let mut cost = vec![0.0; n];
    let mut moved_any = false;
    for i in 0..n {
        for j in 0..n {
            let r = risk.excess(i, j);
            if i == j || r <= p.relocation_threshold {
                continue;
            }
            let share = (p.relocation_rate * (r - p.relocation_threshold)).min(p.relocation_max_move);
            let mut moved_value = 0.0;
            for s in 0..k {
                let base = (i * k + s) * n;
                let a = trade.weight[base + j];
                if a <= 0.0 {
                    continue;
                }
                let delta = a * share;
                // Receivers: suppliers i trusts (home always qualifies), by their weight.
                let receivers: f64 = (0..n)
                    .filter(|&l| l != j && (l == i || risk.excess(i, l) < p.relocation_threshold))
                    .map(|l| trade.weight[base + l])
                    .sum();
                if receivers <= 0.0 {
                    continue;
                }
                let total: f64 = (0..n).map(|l| trade.weight[base + l]).sum();
                let market = trade.spend0[i * k + s];
                // A weight that has all but gone is gone (no endless tail of tiny numbers).
                let delta = if a - delta < 1e-9 * total { a } else { delta };
                trade.weight[base + j] -= delta;
                let lost = delta / total * market;
                risk.capacity_index[j * k + s] -= lost / trade.sales0[j * k + s].max(1e-9);
                for l in 0..n {
                    if l != j && (l == i || risk.excess(i, l) < p.relocation_threshold) {
                        let gain = delta * trade.weight[base + l] / receivers;
                        trade.weight[base + l] += gain;
                        let won = gain / total * market;
                        risk.capacity_index[l * k + s] += won / trade.sales0[l * k + s].max(1e-9);
                    }
                }
                for l in 0..n {
                    super::wedges::refresh_cell(&mut trade, &wedges, base + l, reg.sigma[s], &mut factors);
                }
                moved_value += trade.flow[base + j] * share;
                moved_any = true;
            }
            cost[i] += moved_value * p.relocation_cost;
            if moved_value * 12.0 >= CAUSE_THRESHOLD {
                let subject = reg.pair(i, j);
                let because = Because::Relocation {
                    excess: r,
                    threshold: p.relocation_threshold,
                    share,
                };
                causes.add(clock.month, &subject, "relocation", -moved_value, because);
            }
        }
    }
    for (c, mut eco) in &mut states {
        eco.relocation_cost = cost[c.idx];
    }
    if moved_any {
        for mut ind in &mut industries {
            let idx = risk.capacity_index[ind.host * k + ind.sector].max(0.0);
            ind.capacity = ind.capacity0 * idx;
        }
    }
}
