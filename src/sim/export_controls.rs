//! Export controls and coercion (docs/model.md §2.4).
//!
//! A control removes the controlling state's supply of a sector to the target (the trade phase
//! gives that flow no weight). How much the target loses depends on how much of the world's
//! capacity the controlling coalition holds: with capacity pricing, others fill a lone control
//! at a small premium but cannot fill a coalition's. This phase measures, for every (target,
//! sector) under control, the coalition's share of the world's supply and the target's supply
//! now against the base month, so the news, the UI and the AI can read it.

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub target: usize,
    pub sector: usize,
    /// Share of world sales (outside the target) held by the states refusing to sell.
    pub coalition_share: f64,
    /// The target's supply of the sector (imports and home production) against the base month.
    pub supply_ratio: f64,
}

#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ControlCoverage(pub Vec<Coverage>);

pub fn coverage(
    reg: Res<Registry>,
    wedges: Res<Wedges>,
    trade: Res<Trade>,
    mut out: ResMut<ControlCoverage>,
) {
    let (n, k) = (reg.n(), reg.k());
    out.0.clear();
    let mut pairs: Vec<(usize, usize)> = wedges.controls.iter().map(|&(i, _, s)| (i, s)).collect();
    pairs.sort_unstable();
    pairs.dedup();
    for (target, s) in pairs {
        let controlled = |j: usize| wedges.controlled[wedges.at(target, j, s)];
        let (mut total, mut coalition) = (0.0, 0.0);
        for j in (0..n).filter(|&j| j != target) {
            let sold = trade.sales0[j * k + s];
            total += sold;
            if controlled(j) {
                coalition += sold;
            }
        }
        let supply = |v: &Vec<f64>| -> f64 { (0..n).map(|j| v[trade.at(target, j, s)]).sum() };
        let base = supply(&trade.base);
        out.0.push(Coverage {
            target,
            sector: s,
            coalition_share: if total > 0.0 { coalition / total } else { 0.0 },
            supply_ratio: if base > 0.0 {
                supply(&trade.flow) / base
            } else {
                1.0
            },
        });
    }
}
