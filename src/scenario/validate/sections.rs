//! The scenario's checks, section by section in the order of the file: meta, parameters, ids,
//! sectors, states, trade, industries, lobbies, measures, disputes, frameworks, acquisitions,
//! relations; then the story (`story.rs`): timeline, injects, briefings and history, objectives. Each adds `Problem`s to `V`.

use super::story::{
    check_briefings_and_history, check_elections, check_injects, check_objectives, check_timeline,
};
use super::*;

/// Every problem in a parsed scenario (empty when it is valid).
pub fn scenario(s: &Scenario) -> Vec<Problem> {
    let ids = Ids::of(s);
    let mut v = V {
        ids: Some(&ids),
        out: Vec::new(),
    };
    let root = DataPath::root();
    check_meta(&mut v, s, &root, &ids);
    check_parameters(&mut v, s, &root);
    check_id_lists(&mut v, s, &root);
    check_sectors(&mut v, s, &root);
    check_states(&mut v, s, &root, &ids);
    check_trade(&mut v, s, &root);
    check_industries(&mut v, s, &root);
    check_lobbies(&mut v, s, &root);
    check_measures(&mut v, s, &root, &ids);
    check_disputes(&mut v, s, &root);
    check_frameworks(&mut v, s, &root);
    check_acquisitions(&mut v, s, &root, &ids);
    check_relations(&mut v, s, &root);
    check_timeline(&mut v, s, &root, &ids);
    check_injects(&mut v, s, &root, &ids);
    check_elections(&mut v, s, &root);
    check_briefings_and_history(&mut v, s, &root, &ids);
    check_objectives(&mut v, s, &root, &ids);
    v.out
}

/// The scenario's meta.
fn check_meta(v: &mut V, s: &Scenario, root: &DataPath, ids: &Ids) {
    let m = root.field("meta");
    if s.meta.id.trim().is_empty() {
        v.err(
            m.field("id"),
            "meta.id is empty".into(),
            "write a short id such as \"2025_tariff_shock\"".into(),
        );
    }
    if parse_year_month(&s.meta.start).is_none() {
        v.err(
            m.field("start"),
            format!("meta.start \"{}\" is not a year and month", s.meta.start),
            "write the first month as \"YYYY-MM\", e.g. \"2025-01\"".into(),
        );
    }
    if s.meta.months <= 0 || s.meta.months > MAX_MONTHS {
        v.err(
            m.field("months"),
            format!(
                "meta.months is {}, but a scenario lasts 1 to {MAX_MONTHS} months",
                s.meta.months
            ),
            "write the length in months, e.g. months: 36".into(),
        );
    }
    if s.meta.sides.is_empty() {
        v.err(
            m.field("sides"),
            "meta.sides is empty: nobody can play this scenario".into(),
            "list the state ids the player may lead, e.g. sides: [\"JPN\", \"USA\"]".into(),
        );
    }
    for (i, side) in s.meta.sides.iter().enumerate() {
        let p = m.field("sides").index(i);
        if !ids.states.contains(side) {
            v.err(
                p,
                format!("side \"{side}\" is not a state of this scenario"),
                format!("write one of the state ids: {}", list(&ids.states.list)),
            );
        }
    }
    if let Some(poles) = &s.meta.poles {
        v.state(m.field("poles").field("plus"), &poles.plus);
        v.state(m.field("poles").field("minus"), &poles.minus);
    }
}

/// The scenario's parameters.
fn check_parameters(v: &mut V, s: &Scenario, root: &DataPath) {
    let p = root.field("parameters");
    let pr = &s.parameters;
    for (info, val) in crate::scenario::Parameters::TABLE.iter().zip(pr.values()) {
        let name = info.name;
        v.num(
            p.field(name),
            val,
            info.lo,
            info.hi,
            &format!("parameters.{name}"),
        );
    }
}

/// The scenario's id lists: no duplicates, none empty.
fn check_id_lists(v: &mut V, s: &Scenario, root: &DataPath) {
    check_ids(v, &s.sectors, "sectors", "sector", |x| &x.id);
    check_ids(v, &s.states, "states", "state", |x| &x.id);
    check_ids(v, &s.industries, "industries", "industry", |x| &x.id);
    check_ids(v, &s.lobbies, "lobbies", "lobby", |x| &x.id);
    check_ids(v, &s.measures, "measures", "measure", |x| &x.id);
    check_ids(v, &s.disputes, "disputes", "dispute", |x| &x.id);
    check_ids(v, &s.frameworks, "frameworks", "framework", |x| &x.id);
    check_ids(v, &s.acquisitions, "acquisitions", "acquisition", |x| &x.id);
    check_ids(v, &s.timeline, "timeline", "event", |x| &x.id);
    check_ids(v, &s.injects, "injects", "inject", |x| &x.id);
    check_ids(v, &s.objectives, "objectives", "objective", |x| &x.id);
    if s.states.is_empty() {
        v.err(
            root.field("states"),
            "the scenario has no states".into(),
            "add at least two states".into(),
        );
    }
    if s.sectors.is_empty() {
        v.err(
            root.field("sectors"),
            "the scenario has no sectors".into(),
            "add at least one sector".into(),
        );
    }
    let cells = s
        .states
        .len()
        .saturating_mul(s.states.len())
        .saturating_mul(s.sectors.len());
    if cells > super::MAX_CELLS {
        v.err(
            root.field("states"),
            format!(
                "{} states × {} sectors make a trade table of {cells} cells, more than the {} the model runs in a laptop's memory",
                s.states.len(),
                s.sectors.len(),
                super::MAX_CELLS
            ),
            "keep states² × sectors under the limit: fewer states, or fewer sectors".into(),
        );
    }
}

/// The scenario's sectors.
fn check_sectors(v: &mut V, s: &Scenario, root: &DataPath) {
    for (i, sec) in s.sectors.iter().enumerate() {
        let p = root.field("sectors").index(i);
        if let Some(e) = sec.elasticity {
            v.num(
                p.field("elasticity"),
                e,
                1.01,
                20.0,
                "an elasticity of substitution",
            );
        }
        if let Some(e) = sec.supply_elasticity {
            v.num(
                p.field("supply_elasticity"),
                e,
                0.1,
                1000.0,
                "a supply elasticity (as parameters.supply_elasticity)",
            );
        }
        factor_shares(v, p.field("intensity"), &sec.intensity);
        let mut total = 0.0;
        for (j, inp) in sec.inputs.iter().enumerate() {
            let q = p.field("inputs").index(j);
            v.sector(q.field("sector"), &inp.sector, false);
            v.num(q.field("share"), inp.share, 0.0, 1.0, "a cost share");
            total += inp.share;
        }
        if total >= 1.0 {
            v.err(
                p.field("inputs"),
                format!(
                    "the input shares of sector \"{}\" add up to {total}, leaving no value added",
                    sec.id
                ),
                "make the input cost shares add up to less than 1".into(),
            );
        }
    }
}

/// The scenario's states.
fn check_states(v: &mut V, s: &Scenario, root: &DataPath, ids: &Ids) {
    let frameworks = ids.frameworks.clone();
    for (i, st) in s.states.iter().enumerate() {
        let p = root.field("states").index(i);
        v.num(
            p.field("gdp"),
            st.gdp,
            0.001,
            MAX_VALUE * 10.0,
            "GDP in bn USD (positive)",
        );
        v.num(
            p.field("population"),
            st.population,
            0.0,
            1.0e4,
            "population in millions",
        );
        let e = p.field("endowments");
        v.num(
            e.field("land"),
            st.endowments.land,
            0.0,
            1.0e4,
            "land in millions of hectares",
        );
        v.num(
            e.field("labour"),
            st.endowments.labour,
            0.0,
            1.0e4,
            "labour in millions of workers",
        );
        v.num(
            e.field("capital"),
            st.endowments.capital,
            0.0,
            MAX_VALUE * 10.0,
            "capital in bn USD",
        );
        v.num(p.field("alignment"), st.alignment, -1.0, 1.0, "an alignment");
        v.num(p.field("approval"), st.approval, 0.0, 1.0, "an approval share");
        for (j, code) in st.map.iter().enumerate() {
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                v.err(
                    p.field("map").index(j),
                    format!("map code \"{code}\" is not an ISO 3166 alpha-3 code"),
                    "write three capital letters, e.g. \"DEU\" for Germany".into(),
                );
            }
        }
        let mut seen = BTreeSet::new();
        for (j, f) in st.memberships.iter().enumerate() {
            let q = p.field("memberships").index(j);
            v.reference(q.clone(), f, &frameworks, "framework", false);
            if !seen.insert(f) {
                v.err(
                    q,
                    format!("{} lists framework \"{f}\" twice", st.id),
                    "delete the repeated id".into(),
                );
            }
        }
    }
}

/// The scenario's trade.
fn check_trade(v: &mut V, s: &Scenario, root: &DataPath) {
    let mut flows = BTreeSet::new();
    for (i, fl) in s.trade.iter().enumerate() {
        let p = root.field("trade").index(i);
        v.state(p.field("from"), &fl.from);
        v.state(p.field("to"), &fl.to);
        v.sector(p.field("sector"), &fl.sector, false);
        v.num(
            p.field("value"),
            fl.value,
            0.0,
            MAX_VALUE,
            "a yearly value in bn USD",
        );
        if !flows.insert((&fl.from, &fl.to, &fl.sector)) {
            v.err(
                p,
                format!(
                    "the flow {} → {} in {} is listed twice",
                    fl.from, fl.to, fl.sector
                ),
                "add the values into one entry".into(),
            );
        }
    }
}

/// The scenario's industries.
fn check_industries(v: &mut V, s: &Scenario, root: &DataPath) {
    for (i, ind) in s.industries.iter().enumerate() {
        let p = root.field("industries").index(i);
        v.state(p.field("owner"), &ind.owner);
        v.state(p.field("host"), &ind.host);
        v.sector(p.field("sector"), &ind.sector, false);
        v.num(
            p.field("output"),
            ind.output,
            0.0,
            MAX_VALUE,
            "output in bn USD a year",
        );
        v.num(
            p.field("employment"),
            ind.employment,
            0.0,
            1.0e6,
            "employment in thousands",
        );
        if let Some(c) = ind.capacity {
            let lo = if ind.output.is_finite() {
                ind.output.max(0.0)
            } else {
                0.0
            };
            v.num(
                p.field("capacity"),
                c,
                lo,
                MAX_VALUE,
                "a capacity at least equal to output",
            );
        }
    }
}

/// The scenario's lobbies.
fn check_lobbies(v: &mut V, s: &Scenario, root: &DataPath) {
    for (i, l) in s.lobbies.iter().enumerate() {
        let p = root.field("lobbies").index(i);
        v.state(p.field("state"), &l.state);
        for (j, sec) in l.sectors.iter().enumerate() {
            v.sector(p.field("sectors").index(j), sec, false);
        }
        v.num(p.field("members"), l.members, 0.0, 1.0e6, "members in thousands");
        v.num(
            p.field("organisation"),
            l.organisation,
            0.0,
            1.0,
            "an organisation level",
        );
    }
}

/// The scenario's measures.
fn check_measures(v: &mut V, s: &Scenario, root: &DataPath, ids: &Ids) {
    for (i, me) in s.measures.iter().enumerate() {
        let p = root.field("measures").index(i);
        v.state(p.field("by"), &me.by);
        v.reference(p.field("target"), &me.target, &ids.states, "state", true);
        if me.target == me.by {
            v.err(
                p.field("target"),
                format!("measure \"{}\" is aimed by {} at itself", me.id, me.by),
                "write a partner's id, or \"all\", as the target".into(),
            );
        }
        v.sector(p.field("sector"), &me.sector, true);
        match me.kind {
            MeasureKind::Tariff(r) => v.num(
                p.field("kind").index(0),
                r,
                0.0,
                MAX_TARIFF,
                "a tariff rate (0.25 = 25%)",
            ),
            MeasureKind::Quota(q) | MeasureKind::Ver(q) => v.num(
                p.field("kind").index(0),
                q,
                0.0,
                MAX_VALUE,
                "a yearly volume in bn USD",
            ),
            MeasureKind::ExportControl => {}
        }
    }
}

/// The scenario's disputes.
fn check_disputes(v: &mut V, s: &Scenario, root: &DataPath) {
    for (i, d) in s.disputes.iter().enumerate() {
        let p = root.field("disputes").index(i);
        v.state(p.field("complainant"), &d.complainant);
        v.state(p.field("respondent"), &d.respondent);
        if d.complainant == d.respondent {
            v.err(
                p.field("respondent"),
                format!("dispute \"{}\" has the same state on both sides", d.id),
                "a dispute is between two different states".into(),
            );
        }
        for (j, sec) in d.sectors.iter().enumerate() {
            v.sector(p.field("sectors").index(j), sec, false);
        }
        v.num(p.field("salience"), d.salience, 0.0, 1.0, "a salience");
    }
}

/// The scenario's frameworks.
fn check_frameworks(v: &mut V, s: &Scenario, root: &DataPath) {
    for (i, f) in s.frameworks.iter().enumerate() {
        let p = root.field("frameworks").index(i);
        for (j, a) in f.applicants.iter().enumerate() {
            let q = p.field("applicants").index(j);
            v.state(q.clone(), a);
            if s.states
                .iter()
                .any(|st| &st.id == a && st.memberships.contains(&f.id))
            {
                v.err(
                    q,
                    format!("{a} applies to {} but is already a member", f.id),
                    format!(
                        "remove \"{a}\" from applicants or \"{}\" from its memberships",
                        f.id
                    ),
                );
            }
        }
        for (j, sec) in f.excluded_sectors.iter().enumerate() {
            v.sector(p.field("excluded_sectors").index(j), sec, false);
        }
    }
}

/// The scenario's acquisitions.
fn check_acquisitions(v: &mut V, s: &Scenario, root: &DataPath, ids: &Ids) {
    for (i, a) in s.acquisitions.iter().enumerate() {
        let p = root.field("acquisitions").index(i);
        v.state(p.field("acquirer"), &a.acquirer);
        v.reference(p.field("target"), &a.target, &ids.industries, "industry", false);
        v.num(
            p.field("value"),
            a.value,
            0.0,
            MAX_VALUE,
            "a deal value in bn USD",
        );
        v.num(
            p.field("investment"),
            a.investment,
            0.0,
            MAX_VALUE,
            "an investment pledge in bn USD",
        );
    }
}

/// The scenario's relations.
fn check_relations(v: &mut V, s: &Scenario, root: &DataPath) {
    let mut pairs = BTreeSet::new();
    for (i, r) in s.relations.iter().enumerate() {
        let p = root.field("relations").index(i);
        v.state(p.field("from"), &r.from);
        v.state(p.field("to"), &r.to);
        v.num(p.field("trust"), r.trust, 0.0, 1.0, "a trust level");
        if let Some(c) = r.ceiling {
            let lo = if r.trust.is_finite() {
                r.trust.clamp(0.0, 1.0)
            } else {
                0.0
            };
            v.num(
                p.field("ceiling"),
                c,
                lo,
                1.0,
                "a ceiling at least equal to trust",
            );
        }
        if r.from == r.to {
            v.err(
                p.field("to"),
                format!("relation of {} with itself", r.from),
                "name two different states".into(),
            );
        }
        if !pairs.insert((&r.from, &r.to)) {
            v.err(
                p,
                format!("the relation {} → {} is listed twice", r.from, r.to),
                "keep one entry".into(),
            );
        }
    }
}
