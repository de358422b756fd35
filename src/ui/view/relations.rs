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
            name: f.name.clone(),
            members: f.members.iter().map(|&m| reg.states[m].clone()).collect(),
            player_member: player.is_some_and(|p| f.members.contains(&p)),
            applicants: f
                .applicants
                .iter()
                .map(|a| {
                    (
                        reg.states[a.state].clone(),
                        a.votes.iter().filter(|(_, v)| *v).count(),
                        f.members.len(),
                        player.and_then(|p| a.votes.iter().find(|(m, _)| *m == p).map(|(_, v)| *v)),
                    )
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
            title: a.title.clone(),
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
                AcquisitionStatus::Approved => format!(
                    "The plant is now {}'s; its pledged {:.0} bn USD adds capacity. Its owner's trust in {} rose.",
                    reg.state_names[a.acquirer],
                    a.investment,
                    reg.state_names[a.reviewer]
                ),
                AcquisitionStatus::Blocked => format!(
                    "Blocked: a public rebuff that lowered {}'s trust in {} and its ceiling.",
                    reg.state_names[a.acquirer],
                    reg.state_names[a.reviewer]
                ),
            },
        })
        .collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows
}

/// Names for the ids orders carry: states, sectors, disputes, acquisitions, frameworks.
pub(super) fn names_of(world: &mut World, reg: &Registry) -> std::collections::BTreeMap<String, String> {
    let mut names: std::collections::BTreeMap<String, String> = reg
        .states
        .iter()
        .cloned()
        .zip(reg.state_names.iter().cloned())
        .chain(reg.sectors.iter().cloned().zip(reg.sector_names.iter().cloned()))
        .collect();
    let mut q = world.query::<&Dispute>();
    names.extend(q.iter(world).map(|d| (d.id.clone(), d.title.clone())));
    let mut q = world.query::<&Acquisition>();
    names.extend(q.iter(world).map(|a| (a.id.clone(), a.title.clone())));
    let mut q = world.query::<&Framework>();
    names.extend(q.iter(world).map(|f| (f.id.clone(), f.id.clone())));
    names
}
