//! Whether a saved state fits its scenario: every dense array the size the scenario gives it,
//! every state and sector index in range, every number of the model's parameters in its range.
//! A save is text anyone can edit (or a disk can damage); the model indexes these arrays
//! without checking, so `restore_into` refuses a state that does not fit before it touches the
//! world, instead of panicking a month later.

use crate::scenario::validate::{MAX_TARIFF, MAX_VALUE};
use crate::scenario::{MeasureKind, Parameters, Scenario};
use crate::sim::state::State;

/// The first way `st` does not fit `scenario`, in words; `fresh` is the state `setup::build`
/// makes from the scenario, which gives every array its size.
pub(super) fn fits(st: &State, fresh: &State, scenario: &Scenario) -> Result<(), String> {
    let (n, k) = (scenario.states.len(), scenario.sectors.len());
    let damaged = |what: &str| Err(format!("the save is damaged: {what}"));
    let len = |what: &str, got: usize, want: usize| -> Result<(), String> {
        if got == want {
            Ok(())
        } else {
            damaged(&format!(
                "{what} has {got} entries where its scenario gives {want}"
            ))
        }
    };
    let state = |what: &str, i: usize| -> Result<(), String> {
        if i < n {
            Ok(())
        } else {
            damaged(&format!(
                "{what} names state {i}, but the scenario has {n} states"
            ))
        }
    };
    let within = |what: &str, v: f64, hi: f64| -> Result<(), String> {
        if (0.0..=hi).contains(&v) {
            Ok(())
        } else {
            damaged(&format!("{what} holds {v}, outside [0, {hi}]"))
        }
    };
    let sector = |what: &str, s: usize| -> Result<(), String> {
        if s < k {
            Ok(())
        } else {
            damaged(&format!(
                "{what} names sector {s}, but the scenario has {k} sectors"
            ))
        }
    };

    for (info, v) in Parameters::TABLE.iter().zip(st.params.values()) {
        if !(v >= info.lo && v <= info.hi) {
            return damaged(&format!(
                "parameter {} is {v}, outside [{}, {}]",
                info.name, info.lo, info.hi
            ));
        }
    }
    let c = &st.clock;
    let f = &fresh.clock;
    if (c.start_year, c.start_month, c.length) != (f.start_year, f.start_month, f.length) {
        return damaged("its calendar is not its scenario's");
    }
    if i64::from(c.month) > i64::from(c.length) + crate::scenario::validate::MAX_MONTHS {
        return damaged(&format!("month {} is far past the scenario's end", c.month));
    }
    if let Some(p) = st.control.player {
        state("the player's side", p)?;
    }
    for (x, &i) in st.control.also.iter().enumerate() {
        state("a side people lead", i)?;
        if st.control.player == Some(i) || st.control.also[..x].contains(&i) {
            return damaged("it names a side people lead twice");
        }
    }
    len(
        "the timeline",
        st.timeline_fired.len(),
        fresh.timeline_fired.len(),
    )?;
    for (x, id) in st.injected.iter().enumerate() {
        if !scenario.injects.iter().any(|i| &i.id == id) {
            return damaged(&format!("it names an inject \"{id}\" its scenario does not have"));
        }
        if st.injected[..x].contains(id) {
            return damaged(&format!("it has the inject \"{id}\" fired twice"));
        }
    }

    let (t, ft) = (&st.trade, &fresh.trade);
    if (t.n, t.k) != (n, k) {
        return damaged("the trade table's size is not its scenario's");
    }
    for (what, got, want) in [
        ("trade.flow", &t.flow, &ft.flow),
        ("trade.base", &t.base, &ft.base),
        ("trade.weight", &t.weight, &ft.weight),
        ("trade.price", &t.price, &ft.price),
        ("trade.spend0", &t.spend0, &ft.spend0),
        ("trade.price_index", &t.price_index, &ft.price_index),
        ("trade.revenue0", &t.revenue0, &ft.revenue0),
        ("trade.sales0", &t.sales0, &ft.sales0),
        ("trade.demand", &t.demand, &ft.demand),
    ] {
        len(what, got.len(), want.len())?;
    }
    if let Some((cell, _)) = t.base_tariff.iter().find(|(c, _)| *c >= t.flow.len()) {
        return damaged(&format!("trade.base_tariff names cell {cell}, outside the table"));
    }

    let (r, fr) = (&st.relations, &fresh.relations);
    if r.n != n {
        return damaged("the relations table's size is not its scenario's");
    }
    len("relations.trust", r.trust.len(), fr.trust.len())?;
    len("relations.ceiling", r.ceiling.len(), fr.ceiling.len())?;
    if !r.trust0.is_empty() {
        len("relations.trust0", r.trust0.len(), fr.trust.len())?;
    }
    // Trust is a share: the month clamps it between a floor (a share of trust0) and 1.
    for (what, v) in [
        ("relations.trust", &r.trust),
        ("relations.ceiling", &r.ceiling),
        ("relations.trust0", &r.trust0),
    ] {
        v.iter().try_for_each(|&x| within(what, x, 1.0))?;
    }

    let (rk, frk) = (&st.risk, &fresh.risk);
    if rk.n != n {
        return damaged("the risk table's size is not its scenario's");
    }
    len("risk.risk", rk.risk.len(), frk.risk.len())?;
    len("risk.coercion", rk.coercion.len(), frk.coercion.len())?;
    len(
        "risk.capacity_index",
        rk.capacity_index.len(),
        frk.capacity_index.len(),
    )?;
    if let Some(r0) = &rk.risk0 {
        len("risk.risk0", r0.len(), frk.risk.len())?;
    }

    // Empty: a save from before bottlenecks, which the month rebuilds.
    let b = &st.bottlenecks;
    if !(b.stock.is_empty() && b.need.is_empty() && b.available.is_empty() && b.cap.is_empty()) {
        for (what, v) in [
            ("bottlenecks.stock", &b.stock),
            ("bottlenecks.need", &b.need),
            ("bottlenecks.available", &b.available),
            ("bottlenecks.cap", &b.cap),
        ] {
            len(what, v.len(), n * k)?;
        }
    }

    // Counters that grow at most once a month (the model adds to them unchecked).
    let months = |what: &str, count: u32| -> Result<(), String> {
        if count <= c.month.saturating_add(1) {
            Ok(())
        } else {
            damaged(&format!(
                "{what} counts {count} months, more than the game has run"
            ))
        }
    };
    for (i, (country, _, politics, _)) in st.countries.iter().enumerate() {
        if country.idx != i {
            return damaged(&format!("state {} is listed in place {i}", country.idx));
        }
        months(&format!("state {}", country.id), politics.months_below)?;
    }
    for x in &st.lobbies {
        months(&format!("lobby {}", x.id), x.wins)?;
    }
    for x in &st.disputes {
        let what = format!("dispute {}", x.id);
        for count in [x.months_at_rung, x.public_months, x.quiet_months] {
            months(&what, count)?;
        }
    }
    for x in &st.industries {
        let what = format!("industry {}", x.id);
        state(&what, x.owner)?;
        state(&what, x.host)?;
        sector(&what, x.sector)?;
    }
    for x in &st.lobbies {
        let what = format!("lobby {}", x.id);
        state(&what, x.state)?;
        x.sectors.iter().try_for_each(|&s| sector(&what, s))?;
    }
    for x in &st.measures {
        let what = format!("measure {}", x.id);
        state(&what, x.by)?;
        x.target.map_or(Ok(()), |t| state(&what, t))?;
        x.sector.map_or(Ok(()), |s| sector(&what, s))?;
        if x.serial > st.serial.0 {
            return damaged(&format!("{what} has a serial number not yet given out"));
        }
        // A tariff measure may be negative (a trade agreement's cut under a broader tariff:
        // `measures::set_rate`); the tariffs they add up to are checked by `tariffs_fit`.
        match x.kind {
            MeasureKind::Tariff(r) if !r.is_finite() => {
                return damaged(&format!("{what} holds {r}, not a tariff rate"));
            }
            MeasureKind::Quota(q) | MeasureKind::Ver(q) => within(&what, q, MAX_VALUE)?,
            _ => {}
        }
    }
    if st.serial.0 == u64::MAX {
        return damaged("the measures' serial numbers have run out");
    }
    for x in &st.disputes {
        let what = format!("dispute {}", x.id);
        state(&what, x.complainant)?;
        state(&what, x.respondent)?;
        x.sectors.iter().try_for_each(|&s| sector(&what, s))?;
        if let Some((by, offer)) = &x.offer {
            state(&what, *by)?;
            let what = format!("{what}'s offer");
            for cut in offer.tariff_cuts.iter().chain(&offer.asks) {
                within(&what, cut.rate, MAX_TARIFF)?;
            }
            within(&what, offer.purchases, MAX_VALUE)?;
            within(&what, offer.investment, MAX_VALUE)?;
        }
    }
    for x in &st.frameworks {
        let what = format!("framework {}", x.id);
        x.members.iter().try_for_each(|&m| state(&what, m))?;
        x.excluded_sectors.iter().try_for_each(|&s| sector(&what, s))?;
        for a in &x.applicants {
            state(&what, a.state)?;
            let members = a.declared.iter().chain(&a.votes).map(|v| v.0);
            let members = members
                .chain(a.stances.iter().map(|s| s.member))
                .chain(a.courted.iter().map(|c| c.0))
                .chain(a.baseline.iter().map(|b| b.0));
            for m in members {
                state(&what, m)?;
            }
        }
    }
    for x in &st.acquisitions {
        let what = format!("acquisition {}", x.id);
        state(&what, x.acquirer)?;
        state(&what, x.reviewer)?;
    }
    Ok(())
}

/// The records' history fits the save's calendar: it starts no later than the save's month,
/// holds no more rows than months since, and no row more values than it has columns (the
/// history's readers index by these, and a debrief allocates a row per month from its start).
pub(super) fn history_fits(h: &crate::sim::History, month: u32) -> Result<(), String> {
    let damaged = |what: String| Err(format!("the save is damaged: {what}"));
    if !h.rows.is_empty() {
        if h.first_month > month {
            return damaged(format!(
                "its history starts at month {} but the game is at month {month}",
                h.first_month
            ));
        }
        let months = u64::from(month - h.first_month) + 1;
        if h.rows.len() as u64 > months {
            return damaged(format!(
                "its history has {} rows for {months} months",
                h.rows.len()
            ));
        }
    }
    if let Some((r, row)) = h
        .rows
        .iter()
        .enumerate()
        .find(|(_, row)| row.len() > h.columns.len())
    {
        return damaged(format!(
            "history row {r} has {} values for {} columns",
            row.len(),
            h.columns.len()
        ));
    }
    Ok(())
}

/// The tariffs the saved measures add up to, cell by cell, are rates a game can reach: above
/// −100% (a trade agreement's cut may take a cell under zero where a scenario's base tariff
/// stood, but a price times 1 + τ ≤ 0 has no CES share) and none past what stacked measures of
/// at most `MAX_TARIFF` each can charge.
pub(super) fn tariffs_fit(
    reg: &crate::sim::Registry,
    measures: &[crate::sim::Measure],
) -> Result<(), String> {
    let w = crate::sim::wedges::wedges_from(reg, measures.iter());
    let most = MAX_TARIFF * measures.len().max(1) as f64;
    match w
        .tariffed
        .iter()
        .map(|&c| w.tariff[c])
        .find(|&t| !(t > -1.0 && t <= most))
    {
        Some(t) => Err(format!(
            "the save is damaged: its tariff measures add up to a rate of {t} on some goods"
        )),
        None => Ok(()),
    }
}
