//! The scenario's story, checked: the timeline (dates, kinds, conditions, `answers`, effects
//! and their legal bases), the briefings and history, and the objectives.

use super::*;

/// The states' leaders and elections: a system for every state that holds elections, dates
/// within the scenario, a successor named, an inauguration not before the vote.
pub(super) fn check_elections(v: &mut V, s: &Scenario, root: &DataPath) {
    let start = parse_year_month(&s.meta.start);
    for (i, st) in s.states.iter().enumerate() {
        let p = root.field("states").index(i);
        if !st.elections.is_empty() && st.system.is_none() {
            v.err(
                p.field("elections"),
                format!("{} holds elections but has no `system`", st.id),
                "add `system: Parliamentary` or `system: Presidential` to the state".into(),
            );
        }
        for (j, e) in st.elections.iter().enumerate() {
            let q = p.field("elections").index(j);
            let date = parse_year_month(&e.date);
            match (date, start) {
                (None, _) => v.err(
                    q.field("date"),
                    format!("election date \"{}\" is not a year and month", e.date),
                    "write \"YYYY-MM\", e.g. \"2025-07\"".into(),
                ),
                (Some(d), Some(s0)) if (1..=MAX_MONTHS).contains(&s.meta.months) => {
                    let offset = month_offset(s0, d);
                    if offset < 0 || offset >= s.meta.months {
                        v.err(
                            q.field("date"),
                            format!(
                                "{}'s election on {} falls outside the scenario's months",
                                st.id, e.date
                            ),
                            format!(
                                "write a date from {} on, within {} months",
                                s.meta.start, s.meta.months
                            ),
                        );
                    }
                }
                _ => {}
            }
            for (field, text) in [("title", &e.title), ("successor", &e.successor)] {
                if text.trim().is_empty() {
                    v.err(
                        q.field(field),
                        format!("{}'s election on {} has an empty {field}", st.id, e.date),
                        "write the vote as the news names it (\"the federal election\") and who takes office if the incumbent loses".into(),
                    );
                }
            }
            if let Some(t) = &e.takes_office {
                match (parse_year_month(t), date) {
                    (None, _) => v.err(
                        q.field("takes_office"),
                        format!("takes_office \"{t}\" is not a year and month"),
                        "write \"YYYY-MM\", e.g. \"2025-10\"".into(),
                    ),
                    (Some(o), Some(d)) if month_offset(d, o) < 0 => v.err(
                        q.field("takes_office"),
                        format!("the successor takes office on {t}, before the vote on {}", e.date),
                        format!("write a month from {} on", e.date),
                    ),
                    _ => {}
                }
            }
        }
    }
}

/// The scenario's timeline.
pub(super) fn check_timeline(v: &mut V, s: &Scenario, root: &DataPath, ids: &Ids) {
    let start = parse_year_month(&s.meta.start);
    for (i, e) in s.timeline.iter().enumerate() {
        let p = root.field("timeline").index(i);
        match (parse_year_month(&e.date), start) {
            (None, _) => v.err(
                p.field("date"),
                format!("event date \"{}\" is not a year and month", e.date),
                "write \"YYYY-MM\", e.g. \"2025-03\"".into(),
            ),
            (Some(d), Some(st)) if (1..=MAX_MONTHS).contains(&s.meta.months) => {
                let offset = month_offset(st, d);
                if offset < 0 || offset >= s.meta.months {
                    v.err(
                        p.field("date"),
                        format!(
                            "event \"{}\" on {} falls outside the scenario's months",
                            e.id, e.date
                        ),
                        format!(
                            "write a date from {} on, within {} months",
                            s.meta.start, s.meta.months
                        ),
                    );
                }
            }
            _ => {}
        }
        match &e.kind {
            EventKind::Decision(by) => v.state(p.field("kind").index(0), by),
            EventKind::Conditional(c) => {
                v.condition(p.field("kind").index(0), c, ids);
                // A move of a playable side is what `answers` is for: the tests then check that
                // the event does not fire when that side does nothing.
                if let Some(side) = c.waits_for().iter().find(|x| s.meta.sides.contains(x)) {
                    v.err(
                        p.field("kind").index(0),
                        format!(
                            "event \"{}\" waits for a move of {side}, a playable side, in its `kind`",
                            e.id
                        ),
                        "write `kind: Exogenous` (or `Decision(...)` of the state that answers) and put the condition in `answers: ...`".into(),
                    );
                }
            }
            EventKind::Exogenous => {}
        }
        if let Some(c) = &e.answers {
            v.condition(p.field("answers"), c, ids);
        }
        check_effects(v, s, ids, &p, &e.effects);
    }
}

/// The scenario's injects: what the teacher can fire. Their effects are checked as an event's.
pub(super) fn check_injects(v: &mut V, s: &Scenario, root: &DataPath, ids: &Ids) {
    for (i, x) in s.injects.iter().enumerate() {
        let p = root.field("injects").index(i);
        if x.title.trim().is_empty() {
            v.err(
                p.field("title"),
                format!("inject \"{}\" has no title", x.id),
                "write the title the teacher picks it by, e.g. title: \"Court strikes down the IEEPA tariffs\"".into(),
            );
        }
        check_effects(v, s, ids, &p, &x.effects);
    }
}

/// An event's or an inject's effects: each a state's command (an effect cannot fire an inject),
/// and a legal basis only where it applies.
fn check_effects(v: &mut V, s: &Scenario, ids: &Ids, p: &DataPath, effects: &[ScheduledEffect]) {
    for (j, ef) in effects.iter().enumerate() {
        let fp = p.field("effects").index(j);
        if let Command::Inject { .. } = ef.command {
            v.err(
                fp.field("command"),
                "an effect cannot fire an inject: only the teacher does".into(),
                "give the effect a state's command, or fire the inject from a commands file".into(),
            );
            continue;
        }
        v.command(fp.clone(), &ef.by, &ef.command);
        let Some(basis) = &ef.legal_basis else {
            continue;
        };
        let lp = fp.field("legal_basis");
        match &ef.command {
            _ if basis.trim().is_empty() => v.err(
                lp,
                "legal_basis is empty".into(),
                "name the law or order, e.g. legal_basis: \"IEEPA\", or leave the field out".into(),
            ),
            Command::SetTariff { .. } | Command::SetQuota { .. } => {}
            Command::RemoveTariff { .. } | Command::RemoveQuota { .. } => {
                let set = ids.legal_bases.contains(&(ef.by.clone(), basis.clone()))
                    || s.measures
                        .iter()
                        .any(|m| m.by == ef.by && &m.legal_basis == basis);
                if !set {
                    v.err(
                        lp,
                        format!(
                            "no measure of {} has legal basis \"{basis}\", so there is nothing to remove",
                            ef.by
                        ),
                        "write the legal_basis of the effect or start measure that put it in force".into(),
                    );
                }
            }
            other => v.err(
                lp,
                format!("legal_basis does not apply to {}", other.name()),
                "give it only to SetTariff, RemoveTariff, SetQuota or RemoveQuota, or leave it out".into(),
            ),
        }
    }
}

/// The scenario's briefings and history.
pub(super) fn check_briefings_and_history(v: &mut V, s: &Scenario, root: &DataPath, ids: &Ids) {
    let m = root.field("meta");
    for (i, b) in s.meta.briefings.iter().enumerate() {
        if !s.meta.sides.contains(&b.side) {
            v.err(
                m.field("briefings").index(i).field("side"),
                format!("briefing for \"{}\", which is not a playable side", b.side),
                format!("write one of meta.sides: {}", list(&s.meta.sides)),
            );
        }
    }
    for (i, st) in s.meta.tutorial.iter().enumerate() {
        let p = m.field("tutorial").index(i);
        if let Some(side) = &st.side
            && !s.meta.sides.contains(side)
        {
            v.err(
                p.field("side"),
                format!("tutorial step for \"{side}\", which is not a playable side"),
                format!("write one of meta.sides: {}", list(&s.meta.sides)),
            );
        }
        let u = p.field("until");
        match &st.until {
            StepGoal::Month(n) => {
                if i64::from(*n) >= s.meta.months {
                    v.err(
                        u.index(0),
                        format!(
                            "month {n} is after the scenario's last month ({})",
                            s.meta.months - 1
                        ),
                        format!("write a month from 0 to {}", s.meta.months - 1),
                    );
                }
            }
            StepGoal::Issued(name) => {
                if !COMMAND_NAMES.contains(&name.as_str()) {
                    v.err(
                        u.index(0),
                        format!("\"{name}\" is not a command"),
                        format!("write one of: {}", COMMAND_NAMES.join(", ")),
                    );
                }
            }
            StepGoal::Settled(d) => {
                let disputes = ids.disputes.clone();
                v.reference(u.index(0), d, &disputes, "dispute", false);
            }
        }
    }
    let h = root.field("history");
    for (i, e) in s.history.events.iter().enumerate() {
        if parse_year_month(&e.date).is_none() {
            v.err(
                h.field("events").index(i).field("date"),
                format!("history date \"{}\" is not a year and month", e.date),
                "write \"YYYY-MM\"".into(),
            );
        }
    }
    for (i, se) in s.history.series.iter().enumerate() {
        for (j, pt) in se.points.iter().enumerate() {
            let q = h.field("series").index(i).field("points").index(j);
            if parse_year_month(&pt.date).is_none() {
                v.err(
                    q.field("date"),
                    format!("history date \"{}\" is not a year and month", pt.date),
                    "write \"YYYY-MM\"".into(),
                );
            }
            v.num(q.field("value"), pt.value, -MAX_VALUE, MAX_VALUE, "a value");
        }
    }
}

/// The scenario's objectives.
pub(super) fn check_objectives(v: &mut V, s: &Scenario, root: &DataPath, ids: &Ids) {
    for (i, o) in s.objectives.iter().enumerate() {
        let p = root.field("objectives").index(i);
        if !s.meta.sides.contains(&o.side) {
            v.err(
                p.field("side"),
                format!(
                    "objective \"{}\" is for \"{}\", which is not a playable side",
                    o.id, o.side
                ),
                format!("write one of meta.sides: {}", list(&s.meta.sides)),
            );
        }
        v.num(p.field("weight"), o.weight, 0.0, 1000.0, "a weight");
        let k = p.field("kind");
        match &o.kind {
            ObjectiveKind::ApprovalFloor(x) => v.num(k.index(0), *x, 0.0, 1.0, "an approval level"),
            ObjectiveKind::NoPublicConfrontation => {}
            ObjectiveKind::TrustAbove { of, at_least } => {
                v.state(k.field("of"), of);
                v.num(k.field("at_least"), *at_least, 0.0, 1.0, "a trust level");
            }
            ObjectiveKind::ApplicantBlocked {
                framework,
                applicant: who,
            }
            | ObjectiveKind::MemberAtEnd {
                framework,
                state: who,
            } => {
                v.reference(
                    k.field("framework"),
                    framework,
                    &ids.frameworks,
                    "framework",
                    false,
                );
                let field = if matches!(o.kind, ObjectiveKind::ApplicantBlocked { .. }) {
                    "applicant"
                } else {
                    "state"
                };
                v.state(k.field(field), who);
            }
            ObjectiveKind::SectorJobs { sector, at_least } => {
                v.sector(k.field("sector"), sector, false);
                v.num(
                    k.field("at_least"),
                    *at_least,
                    0.0,
                    2.0,
                    "a ratio to the starting jobs",
                );
            }
            ObjectiveKind::WelfareAtLeast(x) => v.num(
                k.index(0),
                *x,
                0.0,
                1000.0,
                "a real-income index (100 at the start)",
            ),
            ObjectiveKind::DisputeSettled(d) => {
                let disputes = ids.disputes.clone();
                v.reference(k.index(0), d, &disputes, "dispute", false);
            }
            ObjectiveKind::AverageAtLeast { indicator, at_least } => {
                if !super::STATE_INDICATORS.contains(&indicator.as_str()) {
                    v.err(
                        k.field("indicator"),
                        format!("\"{indicator}\" is not an indicator recorded for every state"),
                        format!("write one of: {}", super::STATE_INDICATORS.join(", ")),
                    );
                }
                v.num(k.field("at_least"), *at_least, -MAX_VALUE, MAX_VALUE, "a value");
            }
        }
    }
}
