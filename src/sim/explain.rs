//! Why the economy moved (docs/architecture.md, "Everything explains itself"): after the trade phase, every headline figure that
//! moved by more than a small threshold this month — a state's CPI, employment, welfare, a
//! sector's exports — gets a cause record naming the measures behind it and how much each adds.
//!
//! A tariff measure's share of the CPI is its first-order effect on the price index:
//! `Δln CPI ≈ Σ_cells β_s · share_j · ln(1 + τ)` over the flows it covers, with β_s the sector's
//! share of spending and share_j the supplier's share of the market (the Laspeyres term).

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::causes::{Label, MarketStory, Named};
use super::record::CORE;
use super::*;
use crate::i18n::Words;
use crate::scenario::MeasureKind;

/// Smallest monthly moves worth a record.
const CPI_STEP: f64 = 0.005;
const WELFARE_STEP: f64 = 0.005;
const JOBS_STEP: f64 = 0.002;
/// Exports of a sector are reported when they move this far from the last reported level.
const EXPORTS_STEP: f64 = 0.05;

/// Last reported level of each state's exports by sector (`j * k + s`).
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reported {
    pub exports: Vec<f64>,
}

/// Each measure's label, kept from month to month by the explain phase (a `Local`, not part of
/// the saved state): a measure is worded once in its life, not on every flow it covers every
/// month. A measure whose terms change (its serial stays) is worded again.
#[derive(Default)]
pub struct Labels {
    by_serial: std::collections::BTreeMap<u64, (Measure, Label)>,
    /// State and sector ids with their names, shared, for the market stories.
    states: Vec<Named>,
    sectors: Vec<Named>,
    /// The ids and names they were worded with: another scenario loaded into the same world
    /// (the game loading a save) starts afresh.
    names: Option<[Names; 4]>,
}

type Names = std::sync::Arc<Vec<String>>;

impl Labels {
    /// Forget labels worded with other names; then measures no longer in force.
    fn keep_only(&mut self, reg: &Registry, ms: &[&Measure]) {
        let now = [&reg.states, &reg.state_names, &reg.sectors, &reg.sector_names];
        let same = self.names.as_ref().is_some_and(|was| {
            was.iter()
                .zip(now)
                .all(|(a, b)| std::sync::Arc::ptr_eq(a, b) || a == b)
        });
        if !same {
            self.by_serial.clear();
            let pairs = |ids: &[String], names: &[String]| -> Vec<Named> {
                ids.iter()
                    .zip(names)
                    .map(|(id, name)| Named::new((id.clone(), name.clone())))
                    .collect()
            };
            self.states = pairs(&reg.states, &reg.state_names);
            self.sectors = pairs(&reg.sectors, &reg.sector_names);
            self.names = Some(now.map(|x| x.clone()));
        }
        if self.by_serial.len() > ms.len() {
            let live: std::collections::BTreeSet<u64> = ms.iter().map(|m| m.serial).collect();
            self.by_serial.retain(|serial, _| live.contains(serial));
        }
    }

    /// Word `m` if it is new or changed.
    fn word(&mut self, reg: &Registry, m: &Measure) {
        if self.by_serial.get(&m.serial).is_none_or(|(was, _)| was != m) {
            let words = label(m, reg);
            self.by_serial
                .insert(m.serial, (m.clone(), Label::new((words.to_string(), words))));
        }
    }

    fn of(&self, m: &Measure) -> Label {
        self.by_serial.get(&m.serial).map_or_else(
            || Label::new((String::new(), Words::new("news-as-written").plain("text", ""))),
            |(_, l)| l.clone(),
        )
    }

    fn state(&self, reg: &Registry, i: usize) -> Named {
        self.states
            .get(i)
            .cloned()
            .unwrap_or_else(|| Named::new((reg.states[i].clone(), reg.state_names[i].clone())))
    }

    fn sector(&self, reg: &Registry, s: usize) -> Named {
        self.sectors
            .get(s)
            .cloned()
            .unwrap_or_else(|| Named::new((reg.sectors[s].clone(), reg.sector_names[s].clone())))
    }
}

/// A measure in words: "USA tariff 25.0% on CHN steel, Section 301" in English (the ids, as
/// causes.csv has always held them); the states' and sectors' names in another language.
fn label(m: &Measure, reg: &Registry) -> Words {
    let by = |w: Words| w.named("by", &reg.states[m.by], &reg.state_names[m.by]);
    let target = |w: Words| match m.target {
        Some(t) => w.named("target", &reg.states[t], &reg.state_names[t]),
        None => w.words("target", Words::new("measure-all-partners")),
    };
    let sector = |w: Words| match m.sector {
        Some(s) => w.named("sector", &reg.sectors[s], &reg.sector_names[s]),
        None => w.words("sector", Words::new("measure-all-goods")),
    };
    // The volume as English has always shown it ("1.2", before "bn"); the Japanese message
    // words it as an amount through `BN_USD` ("12億ドル"), as the orders' messages do.
    let volume = |w: Words, q: f64| w.plain("volume", format!("{q:.1}"));
    let words = match m.kind {
        MeasureKind::Tariff(r) => {
            let w = Words::new("measure-tariff").plain("rate", format!("{:.1}", r * 100.0));
            if m.legal_basis.is_empty() {
                w.plain("basis", "")
            } else {
                let b = super::causes::basis_words(&m.legal_basis)
                    .unwrap_or_else(|| Words::new("news-as-written").text("text", m.legal_basis.as_str()));
                w.words("basis", Words::new("measure-basis").words("basis", b))
            }
        }
        MeasureKind::Quota(q) => volume(Words::new("measure-quota"), q),
        MeasureKind::Ver(q) if m.self_imposed => volume(Words::new("measure-restraint"), q),
        MeasureKind::Ver(q) => volume(Words::new("measure-ver"), q),
        MeasureKind::ExportControl => Words::new("measure-export-control"),
    };
    sector(target(by(words)))
}

/// Spending of market (i, s) on supplier j this month, at buyer prices.
fn spending(t: &Trade, w: &Wedges, i: usize, j: usize, s: usize) -> f64 {
    t.flow[t.at(i, j, s)] * t.price[j * t.k + s] * (1.0 + w.tariff[w.at(i, j, s)])
}

/// Spending share of supplier j in market (i, s), given the market's total spending (worked out
/// once per market: a share per supplier that summed the market again cost n² per measure).
fn share(t: &Trade, w: &Wedges, total: f64, i: usize, j: usize, s: usize) -> f64 {
    if total > 0.0 {
        spending(t, w, i, j, s) / total
    } else {
        0.0
    }
}

pub fn explain(
    clock: Res<Clock>,
    reg: Res<Registry>,
    trade: Res<Trade>,
    totals: Res<MarketTotals>,
    wedges: Res<Wedges>,
    history: Res<History>,
    measures: Query<&Measure>,
    states: Query<(&Country, &Economy)>,
    industries: Query<&Industry>,
    mut reported: ResMut<Reported>,
    mut causes: ResMut<Causes>,
    mut labels: Local<Labels>,
) {
    let (n, k, month) = (reg.n(), reg.k(), clock.month);
    let mut ms: Vec<&Measure> = measures.iter().collect();
    ms.sort_by_key(|m| m.serial);
    labels.keep_only(&reg, &ms);
    // Last month's value; in the first month, the base month's (CPI and welfare 100, jobs as
    // the scenario gives them).
    // Industries in id order: the same sums however the ECS stores them (a restored game
    // spawns them sorted, a new one in file order).
    let mut inds: Vec<&Industry> = industries.iter().collect();
    inds.sort_by(|a, b| a.id.cmp(&b.id));
    let mut jobs0 = vec![0.0; n];
    for ind in &inds {
        jobs0[ind.host] += ind.employment0;
    }
    let last = |i: usize, ind: usize| -> Option<f64> {
        // Through the record phase's column handles; right after a load they are not built
        // yet (they are not saved), and the column is looked up by name.
        let recorded = match history.cache.core.get(i * CORE.len() + ind) {
            Some(&col) => history.rows.last().and_then(|row| row.get(col).copied()),
            None => history.last(&reg.states[i], CORE[ind]),
        }
        .filter(|v| !v.is_nan());
        recorded.or(match ind {
            0 | 2 => Some(100.0),
            1 => Some(jobs0[i]),
            _ => None,
        })
    };
    let mut list: Vec<(&Country, &Economy)> = states.iter().collect();
    list.sort_by_key(|(c, _)| c.idx);
    for (c, e) in list {
        let i = c.idx;
        let gdp = c.gdp0.max(1e-9);
        if let Some(prev) = last(i, 0)
            && (e.cpi - prev).abs() >= CPI_STEP
        {
            let mut parts: Vec<(f64, &Measure)> = Vec::new();
            let mut market: Vec<Option<f64>> = vec![None; k];
            for m in ms.iter().filter(|m| m.by == i) {
                let MeasureKind::Tariff(r) = m.kind else { continue };
                let mut add = 0.0;
                let log_r = libm::log(1.0 + r);
                for s in m.sector.map_or(0..k, |s| s..s + 1) {
                    let beta = (trade.spend0[i * k + s] / gdp).min(1.0);
                    let total = *market[s]
                        .get_or_insert_with(|| (0..n).map(|l| spending(&trade, &wedges, i, l, s)).sum());
                    for j in m.target.map_or(0..n, |t| t..t + 1).filter(|&j| j != i) {
                        add += beta * share(&trade, &wedges, total, i, j, s) * log_r;
                    }
                }
                if add.abs() >= 0.005 / 100.0 {
                    parts.push((add * 100.0, m));
                }
            }
            parts.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
            // Only the three that weigh most are named: label those, not every measure.
            for (_, m) in parts.iter().take(3) {
                labels.word(&reg, m);
            }
            let because = Because::Cpi {
                cpi: e.cpi,
                parts: parts.iter().take(3).map(|(v, m)| (*v, labels.of(m))).collect(),
            };
            causes.add(month, &c.id, "cpi", e.cpi - prev, because);
        }
        if let Some(prev) = last(i, 2)
            && (e.welfare - prev).abs() >= WELFARE_STEP
        {
            let because = Because::Welfare {
                revenue: e.tariff_revenue,
                revenue0: trade.revenue0[i],
                rents: e.quota_rents,
                cpi: e.cpi,
                relocation: e.relocation_cost,
            };
            causes.add(month, &c.id, "welfare", e.welfare - prev, because);
        }
        if let Some(prev) = last(i, 1)
            && prev > 0.0
            && ((e.employment - prev) / prev).abs() >= JOBS_STEP
        {
            let mut by_sector = vec![(0.0, 0.0); k];
            for ind in inds.iter().filter(|x| x.host == i) {
                by_sector[ind.sector].0 += ind.employment;
                by_sector[ind.sector].1 += ind.employment0;
            }
            let worst = (0..k).filter(|&s| by_sector[s].1 > 0.0).max_by(|&a, &b| {
                let d = |s: usize| (by_sector[s].0 - by_sector[s].1).abs();
                d(a).total_cmp(&d(b)).then(b.cmp(&a))
            });
            let because = match worst {
                Some(s) => Because::Jobs {
                    sector: labels.sector(&reg, s),
                    change: by_sector[s].0 - by_sector[s].1,
                    story: Box::new(market_story(&reg, &trade, &wedges, &ms, &mut labels, i, s)),
                },
                None => Words::new("cause-employment-lag").into(),
            };
            causes.add(month, &c.id, "employment", e.employment - prev, because);
        }
    }
    // Exports by sector against the last reported level.
    if reported.exports.len() != n * k {
        reported.exports = (0..n * k)
            .map(|js| trade.sales0[js] - trade.base[trade.at(js / k, js / k, js % k)])
            .collect();
    }
    for j in 0..n {
        for s in 0..k {
            // This month's sales less home sales (both kept by the trade phase): no strided pass
            // over the flows.
            let now = trade.sales[j * k + s] - totals.home[j * k + s];
            let was = reported.exports[j * k + s];
            if was > 0.01 && ((now - was) / was).abs() >= EXPORTS_STEP {
                let because = Because::Market(market_story(&reg, &trade, &wedges, &ms, &mut labels, j, s));
                causes.add(
                    month,
                    &reg.states[j],
                    &format!("exports:{}", reg.sectors[s]),
                    now - was,
                    because,
                );
                reported.exports[j * k + s] = now;
            }
        }
    }
}

/// The market where j's sales of s moved most against the base month, and the measures on
/// that flow.
fn market_story(
    reg: &Registry,
    t: &Trade,
    w: &Wedges,
    ms: &[&Measure],
    labels: &mut Labels,
    j: usize,
    s: usize,
) -> MarketStory {
    let n = t.n;
    let sector = labels.sector(reg, s);
    let Some(i) = (0..n)
        .filter(|&i| i != j && t.base[t.at(i, j, s)] > 0.0)
        .max_by(|&a, &b| {
            let d = |i: usize| (t.flow[t.at(i, j, s)] - t.base[t.at(i, j, s)]).abs();
            d(a).total_cmp(&d(b)).then(b.cmp(&a))
        })
    else {
        return MarketStory { sector, buyer: None };
    };
    let c = t.at(i, j, s);
    let change = (t.flow[c] / t.base[c] - 1.0) * 100.0;
    let covering: Vec<&Measure> = ms.iter().copied().filter(|m| m.covers(i, j, s)).collect();
    for m in &covering {
        labels.word(reg, m);
    }
    let on_flow: Vec<Label> = covering.iter().map(|m| labels.of(m)).collect();
    MarketStory {
        sector,
        buyer: Some(Box::new(crate::sim::causes::Buyer {
            name: labels.state(reg, i),
            change,
            measures: on_flow,
            controlled: w.controlled[c],
        })),
    }
}
