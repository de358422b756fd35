//! Frameworks, acquisitions and the names of things, for the view.

use bevy::prelude::*;

use super::rows::*;
use crate::sim::*;

pub(super) fn frameworks_of(world: &mut World, reg: &Registry, player: Option<usize>) -> Vec<FrameworkRow> {
    let mut q = world.query::<&Framework>();
    let mut rows: Vec<FrameworkRow> = q
        .iter(world)
        .map(|f| FrameworkRow {
            id: f.id.clone(),
            name: crate::i18n::local(&f.name),
            members: f.members.iter().map(|&m| reg.states[m].clone()).collect(),
            player_member: player.is_some_and(|p| f.members.contains(&p)),
            applicants: f
                .applicants
                .iter()
                .map(|a| ApplicantRow {
                    state: reg.states[a.state].clone(),
                    support: a.votes.iter().filter(|(_, v)| *v).count(),
                    members: f.members.len(),
                    declared: player.and_then(|p| a.declared.iter().find(|(m, _)| *m == p).map(|(_, v)| *v)),
                    pressure: a.holdout_pressure,
                    stances: stances_of(reg, a),
                })
                .collect(),
        })
        .collect();
    for r in &mut rows {
        r.members.sort();
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows
}

/// Every member's stance on an applicant's bid, supporters first and the firmest first, with
/// what moved it most since the start and the model's own sentence for why.
fn stances_of(reg: &Registry, a: &Applicant) -> Vec<StanceRow> {
    // The applicant as the column names it: its id in English, its name in another language.
    let who = match crate::i18n::lang() {
        crate::i18n::Lang::En => reg.states[a.state].clone(),
        _ => crate::i18n::local(&reg.state_names[a.state]),
    };
    let mut rows: Vec<StanceRow> = a
        .stances
        .iter()
        .map(|s| {
            // What moved this member since the start (its distance from the applicant in
            // alignment and trust, the affinity term, is where it stood to begin with).
            // Holdout pressure weighs on every member alike: it counts only where it alone
            // carried the member over to the bid.
            let won_by_pressure = s.declared.is_none() && s.total > 0.0 && s.total - s.pressure <= 0.0;
            let (moved_by, moved) = [
                (
                    crate::tr!(if s.deference >= 0.0 {
                        "view-moved-deference-lost"
                    } else {
                        "view-moved-deference-grown"
                    }),
                    s.deference,
                ),
                (crate::tr!("view-moved-market", state = who.as_str()), s.market),
                (crate::tr!("view-moved-courted"), s.courted),
                (
                    crate::tr!("view-moved-pressure"),
                    if won_by_pressure { s.pressure } else { 0.0 },
                ),
            ]
            .into_iter()
            .filter(|(_, x)| x.abs() >= 0.01)
            .max_by(|x, y| x.1.abs().total_cmp(&y.1.abs()))
            .unwrap_or_default();
            StanceRow {
                member: reg.states[s.member].clone(),
                supports: s.supports,
                declared: s.declared.is_some(),
                total: s.total,
                moved_by,
                moved,
                why: crate::sim::frameworks::explain(reg, s, a.state),
            }
        })
        .collect();
    rows.sort_by(|x, y| {
        (!x.supports)
            .cmp(&!y.supports)
            .then(y.total.total_cmp(&x.total))
            .then(x.member.cmp(&y.member))
    });
    rows
}

pub(super) fn acquisitions_of(
    world: &mut World,
    reg: &Registry,
    player: Option<usize>,
) -> Vec<AcquisitionRow> {
    let mut q = world.query::<&Acquisition>();
    let mut rows: Vec<AcquisitionRow> = q
        .iter(world)
        .map(|a| AcquisitionRow {
            id: a.id.clone(),
            title: crate::i18n::local(&a.title),
            acquirer: reg.states[a.acquirer].clone(),
            reviewer: reg.states[a.reviewer].clone(),
            value: a.value,
            investment: a.investment,
            status: match a.status {
                AcquisitionStatus::Pending => "pending",
                AcquisitionStatus::Approved => "approved",
                AcquisitionStatus::Blocked => "blocked",
            }
            .into(),
            player_reviews: Some(a.reviewer) == player,
            outcome: match a.status {
                AcquisitionStatus::Pending => String::new(),
                AcquisitionStatus::Approved => crate::tr!(
                    "view-acquisition-approved",
                    acquirer = crate::i18n::local(&reg.state_names[a.acquirer]),
                    investment = super::bn_amount(a.investment, 0),
                    reviewer = crate::i18n::local(&reg.state_names[a.reviewer])
                ),
                AcquisitionStatus::Blocked => crate::tr!(
                    "view-acquisition-blocked",
                    acquirer = crate::i18n::local(&reg.state_names[a.acquirer]),
                    reviewer = crate::i18n::local(&reg.state_names[a.reviewer])
                ),
            },
        })
        .collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows
}
