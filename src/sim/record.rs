//! Phase 11: the month's time series, then the clock moves on.

use bevy_ecs::prelude::*;

use super::*;

/// Record every headline indicator of the month into `History`.
pub fn record_history(
    clock: Res<Clock>,
    reg: Res<Registry>,
    trade: Res<Trade>,
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
    let mut list: Vec<_> = states.iter().collect();
    list.sort_by_key(|(c, _, _)| c.idx);
    for (c, e, p) in &list {
        let id = &c.id;
        history.record(m, id, "cpi", e.cpi);
        history.record(m, id, "employment", e.employment);
        history.record(m, id, "welfare", e.welfare);
        history.record(m, id, "tariff_revenue", e.tariff_revenue);
        history.record(m, id, "quota_rents", e.quota_rents);
        history.record(m, id, "exports", e.exports);
        history.record(m, id, "imports", e.imports);
        history.record(m, id, "wage", e.factor_returns.labour);
        history.record(m, id, "land_rent", e.factor_returns.land);
        history.record(m, id, "capital_return", e.factor_returns.capital);
        history.record(m, id, "approval", p.approval);
        history.record(m, id, "political_capital", p.capital);
        history.record(m, id, "alignment", p.alignment);
    }
    // Sector detail for the states that matter most to the reader: the playable side, the
    // poles, and whoever is party to a dispute (the rest are in the snapshot).
    let mut focus: Vec<usize> = control.player.into_iter().collect();
    if let Some((a, b)) = reg.poles {
        focus.extend([a, b]);
    }
    for d in &disputes {
        focus.extend([d.complainant, d.respondent]);
    }
    focus.sort();
    focus.dedup();
    for &i in &focus {
        for j in 0..n {
            if i == j {
                continue;
            }
            for s in 0..k {
                let out = trade.flow[trade.at(j, i, s)];
                let inn = trade.flow[trade.at(i, j, s)];
                if trade.base[trade.at(j, i, s)] > 0.0 || out > 0.0 {
                    let ind = format!("exports:{}:{}", reg.states[j], reg.sectors[s]);
                    history.record(m, &reg.states[i], &ind, out);
                }
                if trade.base[trade.at(i, j, s)] > 0.0 || inn > 0.0 {
                    let ind = format!("imports:{}:{}", reg.states[j], reg.sectors[s]);
                    history.record(m, &reg.states[i], &ind, inn);
                }
            }
            history.record(
                m,
                &format!("{}->{}", reg.states[i], reg.states[j]),
                "trust",
                rel.trust(i, j),
            );
        }
        for s in 0..k {
            let ind = format!("price:{}", reg.sectors[s]);
            history.record(m, &reg.states[i], &ind, trade.price_index[i * k + s]);
        }
    }
    let mut inds: Vec<&Industry> = industries.iter().collect();
    inds.sort_by(|a, b| a.id.cmp(&b.id));
    for ind in inds {
        history.record(m, &ind.id, "output", ind.output);
        history.record(m, &ind.id, "capacity", ind.capacity);
        history.record(m, &ind.id, "employment", ind.employment);
    }
    let mut lbs: Vec<&Lobby> = lobbies.iter().collect();
    lbs.sort_by(|a, b| a.id.cmp(&b.id));
    for l in lbs {
        history.record(m, &l.id, "pressure", l.pressure);
    }
    let mut ds: Vec<&Dispute> = disputes.iter().collect();
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    for d in ds {
        history.record(m, &d.id, "escalation", d.rung.index() as f64);
        history.record(m, &d.id, "salience", d.salience);
    }
    let mut fs: Vec<&Framework> = frameworks.iter().collect();
    fs.sort_by(|a, b| a.id.cmp(&b.id));
    for f in fs {
        for a in &f.applicants {
            let support = a.votes.iter().filter(|(_, v)| *v).count() as f64;
            let entity = format!("{}:{}", f.id, reg.states[a.state]);
            history.record(m, &entity, "support", support);
            history.record(m, &entity, "members", f.members.len() as f64);
        }
    }
}

pub fn advance_clock(mut clock: ResMut<Clock>) {
    clock.month += 1;
}
