//! Reading an indicator from a running model, through its public state only: the `Trade`
//! resource (flows, prices, price indices, quota premia), the measures in force, `Industry` and
//! `Economy` components. Nothing here writes to the world.

use bevy_ecs::prelude::*;

use super::case::Indicator;
use crate::sim::{Country, Economy, Industry, Registry, Simulation, Trade};

/// A state's index, or an error naming it.
fn state(reg: &Registry, id: &str) -> Result<usize, String> {
    reg.state(id)
        .ok_or_else(|| format!("no state \"{id}\" in the scenario"))
}

fn sector(reg: &Registry, id: &str) -> Result<usize, String> {
    reg.sector(id)
        .ok_or_else(|| format!("no sector \"{id}\" in the scenario"))
}

fn sectors(reg: &Registry, ids: &[String]) -> Result<Vec<usize>, String> {
    ids.iter().map(|s| sector(reg, s)).collect()
}

/// The states a list names: `["all"]` is every state but `except`.
fn states(reg: &Registry, ids: &[String], except: usize) -> Result<Vec<usize>, String> {
    if ids.iter().any(|x| x == "all") {
        return Ok((0..reg.n()).filter(|&j| j != except).collect());
    }
    ids.iter().map(|s| state(reg, s)).collect()
}

/// The value of `ind` in this run now.
pub fn read(sim: &mut Simulation, ind: &Indicator) -> Result<f64, String> {
    if let Indicator::LandedPrice { from, to, sector } = ind {
        return Ok(landed(sim, from, to, sector)?.0);
    }
    let reg = sim.world().resource::<Registry>().clone();
    let world = sim.world_mut();
    let t = world.resource::<Trade>().clone();
    let flow = |i: usize, j: usize, s: usize| t.flow[t.at(i, j, s)];
    Ok(match ind {
        Indicator::Imports {
            from,
            to,
            sectors: list,
        } => {
            let i = state(&reg, to)?;
            let mut sum = 0.0;
            for s in sectors(&reg, list)? {
                for j in states(&reg, from, i)? {
                    sum += flow(i, j, s);
                }
            }
            sum
        }
        Indicator::ImportShare {
            suppliers,
            market,
            sectors: list,
        } => {
            let i = state(&reg, market)?;
            let chosen = states(&reg, suppliers, i)?;
            let (mut part, mut all) = (0.0, 0.0);
            for s in sectors(&reg, list)? {
                for j in (0..reg.n()).filter(|&j| j != i) {
                    all += flow(i, j, s);
                    if chosen.contains(&j) {
                        part += flow(i, j, s);
                    }
                }
            }
            if all <= 0.0 {
                return Err(format!("{market} imports nothing in {}", list.join(", ")));
            }
            100.0 * part / all
        }
        Indicator::BuyerPrice { market, sector: s } => {
            t.price_index[state(&reg, market)? * t.k + sector(&reg, s)?]
        }
        Indicator::ProducerPrice { state: j, sector: s } => t.price[state(&reg, j)? * t.k + sector(&reg, s)?],
        Indicator::LandedPrice { .. } => unreachable!("read above"),
        Indicator::Output {
            state: host,
            sectors: list,
        } => {
            let (h, ks) = (state(&reg, host)?, sectors(&reg, list)?);
            industries(world, h, &ks).iter().map(|x| x.output).sum()
        }
        Indicator::Employment {
            state: host,
            sectors: list,
        } => {
            let h = state(&reg, host)?;
            let ks = if list.is_empty() {
                (0..reg.k()).collect()
            } else {
                sectors(&reg, list)?
            };
            industries(world, h, &ks).iter().map(|x| x.employment).sum()
        }
        Indicator::Cpi { state: s } => economy(world, state(&reg, s)?)?.cpi,
        Indicator::RealIncome { state: s } => economy(world, state(&reg, s)?)?.welfare,
        Indicator::QuotaRents { state: s } => economy(world, state(&reg, s)?)?.quota_rents,
    })
}

/// The industries hosted in `host` in any of `sectors`, sorted by id.
fn industries(world: &mut World, host: usize, sectors: &[usize]) -> Vec<Industry> {
    let mut q = world.query::<&Industry>();
    let mut list: Vec<Industry> = q
        .iter(world)
        .filter(|x| x.host == host && sectors.contains(&x.sector))
        .cloned()
        .collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list
}

fn economy(world: &mut World, i: usize) -> Result<Economy, String> {
    let mut q = world.query::<(&Country, &Economy)>();
    q.iter(world)
        .find(|(c, _)| c.idx == i)
        .map(|(_, e)| e.clone())
        .ok_or_else(|| format!("no economy for state {i}"))
}

/// What buyers in `to` pay per unit of `from`'s `sector` (producer price × (1 + tariff) × the
/// shadow price of a binding cap), and the tariff factor 1 + tariff on that flow.
pub fn landed(sim: &mut Simulation, from: &str, to: &str, s: &str) -> Result<(f64, f64), String> {
    let reg = sim.world().resource::<Registry>().clone();
    let (j, i, k) = (state(&reg, from)?, state(&reg, to)?, sector(&reg, s)?);
    // The measures in force now, in the order the trade phase numbers its caps.
    let wedges = crate::sim::wedges::wedges_now(sim.world_mut(), &reg);
    let t = sim.world().resource::<Trade>();
    let c = wedges.at(i, j, k);
    if wedges.controlled[c] {
        return Err(format!(
            "{from} sells no {s} to {to}: an export control is in force"
        ));
    }
    let factor = 1.0 + wedges.tariff[c];
    let premium = wedges
        .caps
        .iter()
        .position(|cap| cap.importer == i && cap.supplier == j && cap.sector == k)
        .and_then(|x| t.rho.get(x).copied())
        .unwrap_or(1.0);
    Ok((t.price[j * t.k + k] * factor * premium, factor))
}
