//! Phase 11: the month's time series, then the clock moves on. Series handles are cached in
//! `History::cache`, so recording a month does no string work once the series exist.

use bevy_ecs::prelude::*;

use super::*;

/// Core indicators recorded for every state, in this order (the scenario's vocabulary: an
/// objective may average any of them).
pub use crate::scenario::STATE_INDICATORS as CORE;

/// Record every headline indicator of the month into `History`.
pub fn record_history(
    clock: Res<Clock>,
    reg: Res<Registry>,
    trade: Res<Trade>,
    totals: Res<MarketTotals>,
    rel: Res<Relations>,
    control: Res<Control>,
    states: Query<(&Country, &Economy, &Politics)>,
    industries: Query<&Industry>,
    lobbies: Query<&Lobby>,
    disputes: Query<&Dispute>,
    frameworks: Query<&Framework>,
    mut history: ResMut<History>,
) {
    let m = clock.month;
    let (n, k) = (reg.n(), reg.k());
    let h = &mut *history;
    if h.cache.core.len() != n * CORE.len() || h.cache.core.iter().any(|&x| x >= h.columns_len()) {
        let mut core = Vec::with_capacity(n * CORE.len());
        for id in reg.states.iter() {
            for ind in CORE {
                core.push(h.handle(m, id, ind));
            }
        }
        h.cache.core = core;
    }
    for (c, e, p) in &states {
        let f = &e.factor_returns;
        let values = [
            e.cpi,
            e.employment,
            e.welfare,
            e.tariff_revenue,
            e.quota_rents,
            e.exports,
            e.imports,
            f.labour,
            f.land,
            f.capital,
            p.approval,
            p.capital,
            p.alignment,
            e.relocation_cost,
        ];
        for (x, v) in values.into_iter().enumerate() {
            let handle = h.cache.core[c.idx * CORE.len() + x];
            h.push(handle, m, v);
        }
    }

    // Bilateral detail for the sides people lead and the poles: exports and imports by partner and
    // sector, sector prices, employment by sector, trust toward every state.
    let focus = control.watched(&reg);
    if h.cache.focus != focus || h.cache.bilateral.len() != focus.len() * n * k * 2 {
        let mut bilateral = vec![usize::MAX; focus.len() * n * k * 2];
        for (slot, &i) in focus.iter().enumerate() {
            for j in (0..n).filter(|&j| j != i) {
                for s in 0..k {
                    let at = ((slot * n + j) * k + s) * 2;
                    if trade.base[trade.at(j, i, s)] > 0.0 {
                        let ind = format!("exports:{}:{}", reg.states[j], reg.sectors[s]);
                        bilateral[at] = h.handle(m, &reg.states[i], &ind);
                    }
                    if trade.base[trade.at(i, j, s)] > 0.0 {
                        let ind = format!("imports:{}:{}", reg.states[j], reg.sectors[s]);
                        bilateral[at + 1] = h.handle(m, &reg.states[i], &ind);
                    }
                }
            }
        }
        let mut trust = vec![usize::MAX; focus.len() * n];
        let mut sector = vec![usize::MAX; focus.len() * k * 2];
        for (slot, &i) in focus.iter().enumerate() {
            let id = &reg.states[i];
            for j in (0..n).filter(|&j| j != i) {
                trust[slot * n + j] = h.handle(m, &format!("{id}->{}", reg.states[j]), "trust");
            }
            for s in 0..k {
                sector[(slot * k + s) * 2] = h.handle(m, id, &format!("price:{}", reg.sectors[s]));
                if trade.sales0[i * k + s] > 0.0 {
                    sector[(slot * k + s) * 2 + 1] =
                        h.handle(m, id, &format!("employment:{}", reg.sectors[s]));
                }
            }
        }
        h.cache.focus = focus.clone();
        h.cache.bilateral = bilateral;
        h.cache.trust = trust;
        h.cache.sector = sector;
    }
    let mut inds: Vec<&Industry> = industries.iter().collect();
    inds.sort_by(|a, b| a.id.cmp(&b.id));
    let mut jobs = vec![0.0; n * k];
    for ind in &inds {
        jobs[ind.host * k + ind.sector] += ind.employment;
    }
    // i's exports as the trade phase kept them (what each market bought from i), when it kept
    // them for these states; else read across the flow array.
    let kept = totals.watched == focus && totals.from_watched.len() == focus.len() * n * k;
    for (slot, &i) in focus.iter().enumerate() {
        // Sector by sector, so that i's imports are read along the flow array, not across it.
        for s in 0..k {
            for j in (0..n).filter(|&j| j != i) {
                let at = ((slot * n + j) * k + s) * 2;
                let (ex, im) = (h.cache.bilateral[at], h.cache.bilateral[at + 1]);
                if ex != usize::MAX {
                    let exports = if kept {
                        totals.from_watched[(slot * n + j) * k + s]
                    } else {
                        trade.flow[trade.at(j, i, s)]
                    };
                    h.push(ex, m, exports);
                }
                if im != usize::MAX {
                    h.push(im, m, trade.flow[trade.at(i, j, s)]);
                }
            }
        }
        for j in (0..n).filter(|&j| j != i) {
            let handle = h.cache.trust[slot * n + j];
            h.push(handle, m, rel.trust(i, j));
        }
        for s in 0..k {
            let (price, employment) = (
                h.cache.sector[(slot * k + s) * 2],
                h.cache.sector[(slot * k + s) * 2 + 1],
            );
            h.push(price, m, trade.price_index[i * k + s]);
            if employment != usize::MAX {
                h.push(employment, m, jobs[i * k + s]);
            }
        }
    }

    h.begin_named();
    for ind in inds {
        let values = [
            ("output", ind.output),
            ("capacity", ind.capacity),
            ("employment", ind.employment),
        ];
        h.record_named(m, &ind.id, &values);
    }
    let mut lbs: Vec<&Lobby> = lobbies.iter().collect();
    lbs.sort_by(|a, b| a.id.cmp(&b.id));
    for l in lbs {
        h.record_named(m, &l.id, &[("pressure", l.pressure)]);
    }
    let mut ds: Vec<&Dispute> = disputes.iter().collect();
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    for d in ds {
        // A settled dispute is off the ladder.
        let open = d.is_open();
        let rung = if open { d.rung.index() as f64 } else { 0.0 };
        let values = [
            ("escalation", rung),
            ("open", open as u8 as f64),
            ("salience", d.salience),
        ];
        h.record_named(m, &d.id, &values);
    }
    let mut fs: Vec<&Framework> = frameworks.iter().collect();
    fs.sort_by(|a, b| a.id.cmp(&b.id));
    for f in fs {
        for a in &f.applicants {
            let support = a.votes.iter().filter(|(_, v)| *v).count() as f64;
            let entity = format!("{}:{}", f.id, reg.states[a.state]);
            h.record_named(
                m,
                &entity,
                &[("support", support), ("members", f.members.len() as f64)],
            );
        }
    }
}

pub fn advance_clock(mut clock: ResMut<Clock>) {
    clock.month += 1;
}
