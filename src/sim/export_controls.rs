//! Export controls and coercion (DESIGN.md phase 6; MODEL.md "Trade", controls).
//!
//! A control removes the controlling state's supply of a sector to the target (the trade phase
//! sets its Armington weight to zero). How much the target loses depends on how much of the
//! world's capacity the controlling coalition holds: others fill a lone control, not a
//! coalition's. This phase measures that coverage for every (target, sector) under control so
//! the news, the UI and the AI can read it.

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub target: usize,
    pub sector: usize,
    /// Share of world output (outside the target) held by the states refusing to sell.
    pub coalition_share: f64,
    /// The target's imports of the sector now, relative to the base month.
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
    for target in 0..n {
        for s in 0..k {
            let controlled: Vec<usize> = (0..n)
                .filter(|&j| j != target && wedges.controlled[trade.at(target, j, s)])
                .collect();
            if controlled.is_empty() {
                continue;
            }
            let world_sales = |j: usize| -> f64 { (0..n).map(|i| trade.base[trade.at(i, j, s)]).sum() };
            let total: f64 = (0..n).filter(|&j| j != target).map(world_sales).sum();
            let coalition: f64 = controlled.iter().map(|&j| world_sales(j)).sum();
            let imports = |v: &Vec<f64>| -> f64 {
                (0..n)
                    .filter(|&j| j != target)
                    .map(|j| v[trade.at(target, j, s)])
                    .sum()
            };
            let base = imports(&trade.base);
            out.0.push(Coverage {
                target,
                sector: s,
                coalition_share: if total > 0.0 { coalition / total } else { 0.0 },
                supply_ratio: if base > 0.0 {
                    imports(&trade.flow) / base
                } else {
                    1.0
                },
            });
        }
    }
}
