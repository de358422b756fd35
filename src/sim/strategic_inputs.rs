//! Strategic inputs as bottlenecks (docs/model.md §2.4.1).
//!
//! Most inputs enter a sector's costs through their cost share (`trade.rs`). An input marked
//! `strategic` (rare earths, chips) is different: without it the downstream line stops, however
//! small its share of the cost. Output of sector s in state i is capped, Leontief-fashion, by
//! the strategic input in shortest supply:
//!
//! `cap_is = min over strategic inputs l of s: min(1, available_il / need_il + slack)`,
//!
//! where `available` is this month's supply of l in i (imports and home production) against
//! the base month, plus what buyers draw from their stocks, and `need` is the input still
//! needed per unit of output; users bridge a small gap (`strategic_slack`) without stopping
//! lines. Stocks (`strategic_stock_months` of normal use) carry users
//! through the first months of a cut-off and refill from any surplus; while short, users close
//! a share `strategic_substitution` of the gap a month by thrift, recycling and redesign, down
//! to `1 − strategic_substitution_max`, and the lower need stays (hysteresis: Japan kept using
//! fewer Chinese rare earths after 2010). A capped supplier rations what it sells across its
//! markets, and its producer price rises with demand against the capped capacity, so buyers
//! turn to others (`trade::solve_trade`).

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::*;

/// State of each (state, strategic input) pair, index `i * k + l`, and each (state, sector)
/// pair's cap, index `i * k + s`. Empty vectors (a save from an earlier build) mean no cap yet.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bottlenecks {
    /// Stock held, in months of normal use.
    pub stock: Vec<f64>,
    /// Input needed per unit of output against the base (falls with substitution).
    pub need: Vec<f64>,
    /// Supply this month, with stocks drawn, against the base month's use.
    pub available: Vec<f64>,
    /// Output cap of each sector in each state from its strategic inputs (1: none binds).
    pub cap: Vec<f64>,
}

impl Bottlenecks {
    pub fn new(n: usize, k: usize, stock_months: f64) -> Self {
        Bottlenecks {
            stock: vec![stock_months; n * k],
            need: vec![1.0; n * k],
            available: vec![1.0; n * k],
            cap: vec![1.0; n * k],
        }
    }

    /// The cap on (state i, sector s); 1 when there is none.
    pub fn cap(&self, i: usize, k: usize, s: usize) -> f64 {
        self.cap.get(i * k + s).copied().unwrap_or(1.0)
    }
}

/// Smallest monthly change of a cap worth a cause record.
const CAUSE_STEP: f64 = 0.01;

/// This month's availability of every strategic input in every state, stocks, substitution
/// and the resulting output caps (after trade is solved, before output is booked).
pub fn bottlenecks(
    clock: Res<Clock>,
    params: Res<Params>,
    reg: Res<Registry>,
    trade: Res<Trade>,
    totals: Res<MarketTotals>,
    mut b: ResMut<Bottlenecks>,
    mut causes: ResMut<Causes>,
) {
    let (n, k) = (reg.n(), reg.k());
    let p = &params.0;
    if b.cap.len() != n * k {
        *b = Bottlenecks::new(n, k, p.strategic_stock_months);
    }
    let floor = 1.0 - p.strategic_substitution_max;
    for i in 0..n {
        for l in (0..k).filter(|&l| reg.strategic[l]) {
            let il = i * k + l;
            let base = totals.volume0[il];
            if base <= 0.0 {
                continue;
            }
            let ratio = totals.volume[il] / base;
            let need = b.need[il];
            let available = if ratio < need {
                // Draw on stocks (a month of use is 1 in these units).
                let draw = b.stock[il].min(need - ratio);
                b.stock[il] -= draw;
                ratio + draw
            } else {
                // A surplus refills the stocks, up to their usual level.
                let refill = (ratio - need).min((p.strategic_stock_months - b.stock[il]).max(0.0));
                b.stock[il] += refill;
                ratio
            };
            if available < need {
                let goal = available.max(floor);
                b.need[il] = need - p.strategic_substitution * (need - goal).max(0.0);
            }
            b.available[il] = available;
        }
    }
    for i in 0..n {
        for s in 0..k {
            let mut cap = 1.0f64;
            let mut by = None;
            for l in reg.strategic_inputs(s) {
                let il = i * k + l;
                let c = (b.available[il] / b.need[il].max(1e-9) + p.strategic_slack).min(1.0);
                if c < cap {
                    cap = c;
                    by = Some(l);
                }
            }
            let old = b.cap[i * k + s];
            b.cap[i * k + s] = cap;
            if let Some(l) = by
                && (cap - old).abs() >= CAUSE_STEP
                && trade.sales0[i * k + s] > 0.0
            {
                let il = i * k + l;
                let because = crate::i18n::Words::new("cause-output-cap")
                    .text("input", reg.sector_names[l].as_str())
                    .text("state", reg.state_names[i].as_str())
                    .plain("available", format!("{:.0}", b.available[il] * 100.0))
                    .plain("stock", format!("{:.1}", b.stock[il]))
                    .plain("need", format!("{:.0}", b.need[il] * 100.0));
                let subject = format!("{}:{}", reg.states[i], reg.sectors[s]);
                causes.add(clock.month, &subject, "output cap", cap - old, because);
            }
        }
    }
}
