//! Supply-chain risk (DESIGN.md phase 5; MODEL.md "Supply chains").
//!
//! Buyers in state i judge the risk of sourcing from j by the tariffs between them, their trust
//! in j and recent coercion by j: `r_ij = w₁·tariff + w₂·(1 − trust_ij) + w₄·coercion_ij`. The
//! economy issue turns sustained risk above a threshold into relocation of capacity; this phase
//! keeps the risk score current so every later mechanism reads one number.

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::*;

/// Sourcing risk as seen by importer i of supplier j: index `i * n + j`.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub n: usize,
    pub risk: Vec<f64>,
    /// Recent coercion by j against i (export controls aimed at i), decaying.
    pub coercion: Vec<f64>,
}

impl Risk {
    pub fn new(n: usize) -> Self {
        Risk {
            n,
            risk: vec![0.0; n * n],
            coercion: vec![0.0; n * n],
        }
    }
}

/// Weights of the risk score: tariff level, distrust, coercion.
const W_TARIFF: f64 = 1.0;
const W_DISTRUST: f64 = 0.5;
const W_COERCION: f64 = 1.0;
/// Monthly persistence of the memory of coercion.
const COERCION_MEMORY: f64 = 0.95;

pub fn assess_risk(
    reg: Res<Registry>,
    wedges: Res<Wedges>,
    relations: Res<Relations>,
    mut risk: ResMut<Risk>,
) {
    let (n, k) = (reg.n(), reg.k());
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let cells = (0..k).map(|s| (i * n + j) * k + s);
            let tariff = cells.clone().map(|c| wedges.tariff[c]).sum::<f64>() / k as f64;
            // Controls by j on i's supply: `controlled[(i, j, s)]` is j refusing to sell to i.
            let coerced = cells.map(|c| wedges.controlled[c] as u8 as f64).sum::<f64>() / k as f64;
            let c = i * n + j;
            risk.coercion[c] = risk.coercion[c] * COERCION_MEMORY + coerced * (1.0 - COERCION_MEMORY);
            risk.risk[c] = W_TARIFF * tariff
                + W_DISTRUST * (1.0 - relations.trust(i, j))
                + W_COERCION * risk.coercion[c];
        }
    }
}
