//! Wedges: what the measures in force do to each cell of the trade matrix (importer, supplier,
//! sector): the tariff that stacks on it, whether an export control stops it, the quota or VER
//! that caps it; and the CES weights they give (`wt`, `wtm`), rebuilt only when the measures or
//! the preference weights change (docs/model.md §2.1). Commands, events and offers that act
//! between trade phases read one cell's tariff with `tariff_now` rather than building the n²k
//! wedges.

use bevy_ecs::prelude::*;

use super::*;
use crate::scenario::MeasureKind;

/// Rebuild the policy wedges when the measures in force have changed.
pub fn derive_wedges(
    reg: Res<Registry>,
    measures: Query<&Measure>,
    mut wedges: ResMut<Wedges>,
    mut trade: ResMut<Trade>,
    mut factors: Local<WedgeFactors>,
) {
    let mut signature: Vec<u64> = measures.iter().map(|m| m.serial).collect();
    signature.sort_unstable();
    if wedges.tariff.is_empty() || signature != wedges.signature {
        *wedges = wedges_from(&reg, measures.iter());
        let (n, k) = (reg.n(), reg.k());
        let mut pair0 = vec![0.0; n * n];
        for &(c, r) in &trade.base_tariff {
            let (i, j) = (c / (n * k), c % n);
            pair0[i * n + j] += r / k as f64;
        }
        wedges.pair_tariff0 = pair0;
        trade.dirty = true;
    }
    if trade.dirty {
        refresh_weights(&reg, &wedges, &mut trade, &mut factors);
    }
}

pub fn wedges_from<'a>(reg: &Registry, measures: impl Iterator<Item = &'a Measure>) -> Wedges {
    let (n, k) = (reg.n(), reg.k());
    let mut w = Wedges {
        n,
        k,
        signature: Vec::new(),
        tariff: vec![0.0; n * n * k],
        controlled: vec![false; n * n * k],
        caps: Vec::new(),
        controls: Vec::new(),
        pair_tariff: vec![0.0; n * n],
        pair_tariff0: Vec::new(),
        tariffed: Vec::new(),
        plain: vec![true; n * k],
    };
    let mut list: Vec<&Measure> = measures.collect();
    list.sort_by_key(|m| m.serial);
    w.signature = list.iter().map(|m| m.serial).collect();
    for m in list {
        let sectors: Vec<usize> = m.sector.map_or_else(|| (0..k).collect(), |s| vec![s]);
        let others: Vec<usize> = m
            .target
            .map_or_else(|| (0..n).filter(|&x| x != m.by).collect(), |t| vec![t]);
        for &o in &others {
            for &s in &sectors {
                match m.kind {
                    // Tariffs stack (a Section 232 duty sits on top of the MFN rate).
                    MeasureKind::Tariff(r) => {
                        let c = w.at(m.by, o, s);
                        w.tariff[c] += r;
                    }
                    MeasureKind::Quota(q) | MeasureKind::Ver(q) => {
                        let voluntary = matches!(m.kind, MeasureKind::Ver(_));
                        match w
                            .caps
                            .iter_mut()
                            .find(|c| c.importer == m.by && c.supplier == o && c.sector == s)
                        {
                            Some(c) if q < c.volume => {
                                c.volume = q;
                                c.voluntary = voluntary;
                            }
                            Some(_) => {}
                            None => w.caps.push(Cap {
                                importer: m.by,
                                supplier: o,
                                sector: s,
                                volume: q,
                                voluntary,
                            }),
                        }
                    }
                    // `by` is the exporter: importer o loses supplier `by`.
                    MeasureKind::ExportControl => {
                        let c = w.at(o, m.by, s);
                        if !w.controlled[c] {
                            w.controlled[c] = true;
                            w.controls.push((o, m.by, s));
                        }
                    }
                }
            }
        }
    }
    for i in 0..n {
        for s in 0..k {
            for j in 0..n {
                let c = w.at(i, j, s);
                if w.tariff[c] != 0.0 {
                    w.tariffed.push(c);
                    w.pair_tariff[i * n + j] += w.tariff[c] / k as f64;
                    w.plain[i * k + s] = false;
                }
            }
        }
    }
    for &(i, _, s) in &w.controls {
        w.plain[i * k + s] = false;
    }
    w
}

/// `wt = a · (1+τ)^(1−σ)` (0 under an export control) and `wtm = wt / (1+τ)`: the parts of the
/// CES terms that change only when weights or measures change.
pub fn refresh_weights(reg: &Registry, wedges: &Wedges, t: &mut Trade, factors: &mut WedgeFactors) {
    let (n, k) = (t.n, t.k);
    t.wt.resize(n * n * k, 0.0);
    t.wtm.resize(n * n * k, 0.0);
    for i in 0..n {
        for s in 0..k {
            let sigma = reg.sigma[s];
            for j in 0..n {
                refresh_cell(t, wedges, t.at(i, j, s), sigma, factors);
            }
        }
    }
    t.dirty = false;
}

#[inline]
pub fn refresh_cell(t: &mut Trade, wedges: &Wedges, c: usize, sigma: f64, factors: &mut WedgeFactors) {
    let a = if wedges.controlled[c] { 0.0 } else { t.weight[c] };
    let tau = wedges.tariff[c];
    if tau == 0.0 {
        t.wt[c] = a;
        t.wtm[c] = a;
    } else {
        let m = (1.0 + tau).max(1e-6);
        t.wt[c] = a * factors.get(m, 1.0 - sigma);
        t.wtm[c] = t.wt[c] / m;
    }
}

/// `m^e` for each (m, e) met, kept by the phase that asks (a `Local`): a scenario has few
/// distinct tariff rates and elasticities, and `pow` was half the cost of moving purchases in
/// the 2025 level. The same bits as calling `pow` each time.
#[derive(Debug, Default)]
pub struct WedgeFactors(std::collections::BTreeMap<(u64, u64), f64>);

impl WedgeFactors {
    pub fn get(&mut self, m: f64, e: f64) -> f64 {
        *self
            .0
            .entry((m.to_bits(), e.to_bits()))
            .or_insert_with(|| libm::pow(m, e))
    }
}

/// The wedges of the measures in force right now. The `Wedges` resource is rebuilt only in the
/// trade phase; commands, events and the UI that act between phases read the measures instead.
pub fn wedges_now(world: &mut World, reg: &Registry) -> Wedges {
    super::lookup::measures(world, |it| wedges_from(reg, it.map(|(_, m)| m)))
}

/// The tariffs `i` charges on `j`'s goods right now, one per sector: the tariff measures in
/// force, summed cell by cell in serial order as `wedges_from` sums them (the same bits),
/// without building the n²k wedges (commands, events and offers ask for one pair).
pub fn tariffs_now(world: &mut World, i: usize, j: usize) -> Vec<f64> {
    let k = world.resource::<Trade>().k;
    let mut hits: Vec<(u64, Option<usize>, f64)> = super::lookup::measures(world, |it| {
        it.filter_map(|(_, m)| match m.kind {
            MeasureKind::Tariff(r) if m.by == i && m.target.map_or(j != i, |t| t == j) => {
                Some((m.serial, m.sector, r))
            }
            _ => None,
        })
        .collect()
    });
    hits.sort_by_key(|h| h.0);
    let mut out = vec![0.0; k];
    for (_, sector, r) in hits {
        match sector {
            Some(s) => out[s] += r,
            None => out.iter_mut().for_each(|x| *x += r),
        }
    }
    out
}

/// The tariff `i` charges on `j`'s goods in sector `s` right now (`tariffs_now`'s cell).
pub fn tariff_now(world: &mut World, i: usize, j: usize, s: usize) -> f64 {
    tariffs_now(world, i, j)[s]
}
