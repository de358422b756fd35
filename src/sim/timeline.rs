//! Phase 2: the scenario's dated events. An exogenous event always fires; a state's historical
//! decision fires only when the player does not lead that state, so the player can do better
//! than history. An event that answers a move (`answers`) waits until the move is made, so a
//! player who never makes it is never answered. Effects are commands, applied through the same
//! path as everyone else's.

use bevy_ecs::prelude::*;

use super::commands::happen;
use super::*;
use crate::command::Command;
use crate::scenario::EventKind;

pub fn fire_events(world: &mut World) {
    let month = world.resource::<Clock>().month;
    let control = world.resource::<Control>().clone();
    let due: Vec<usize> = {
        let t = world.resource::<Timeline>();
        (0..t.events.len())
            .filter(|&i| !t.fired[i] && t.events[i].0 <= month)
            .collect()
    };
    for i in due {
        // A conditional event waits, month after month, until its condition holds; so does an
        // event until the move it answers is made.
        let (condition, answers) = {
            let e = &world.resource::<Timeline>().events[i].1;
            let condition = match &e.kind {
                EventKind::Conditional(c) => Some(c.clone()),
                _ => None,
            };
            (condition, e.answers.clone())
        };
        if condition.iter().chain(&answers).any(|c| !holds(world, c)) {
            continue;
        }
        let event = {
            let mut t = world.resource_mut::<Timeline>();
            t.fired[i] = true;
            t.events[i].1.clone()
        };
        if let EventKind::Decision(by) = &event.kind {
            let led = world.resource::<Registry>().state(by);
            if led.is_some_and(|i| control.is_human(i)) {
                continue; // people decide for this state
            }
        }
        // In the news when it has a headline or a quote.
        let headline = (!event.news.is_empty() || event.quote.is_some())
            .then(|| NewsItem::headline(month, &event.id, &event.title, &event.news, event.quote.as_ref()));
        let reason = format!("event {}: {}", event.id, event.title);
        happen(world, month, headline, &event.effects, &reason);
    }
}

/// Whether a condition holds in the world now.
pub fn holds(world: &mut World, c: &crate::scenario::Condition) -> bool {
    let reg = world.resource::<Registry>().clone();
    holds_with(world, &reg, c)
}

/// `holds` with the registry already copied: nested conditions (all of, any of, not) do not
/// copy it again.
fn holds_with(world: &mut World, reg: &Registry, c: &crate::scenario::Condition) -> bool {
    use crate::scenario::Condition;
    match c {
        Condition::TrustBelow { of, toward, value } => match (reg.state(of), reg.state(toward)) {
            (Some(a), Some(b)) => world.resource::<Relations>().trust(a, b) < *value,
            _ => false,
        },
        Condition::RungAtLeast { dispute, rung } => super::lookup::disputes(world, |mut it| {
            it.any(|(_, d)| &d.id == dispute && d.is_open() && d.rung >= *rung)
        }),
        Condition::Settled { dispute } => {
            super::lookup::disputes(world, |mut it| it.any(|(_, d)| &d.id == dispute && !d.is_open()))
        }
        Condition::SupportAtLeast {
            framework,
            applicant,
            count,
        } => {
            let a = reg.state(applicant);
            let mut q = world.query::<&Framework>();
            q.iter(world).any(|f| {
                &f.id == framework
                    && f.applicants.iter().any(|x| {
                        Some(x.state) == a && x.votes.iter().filter(|(_, v)| *v).count() >= *count as usize
                    })
            })
        }
        Condition::TariffAtLeast { by, on, sector, rate } => {
            new_tariffs(world, reg, by, on, sector).is_some_and(|v| v.iter().all(|t| *t >= *rate - 1e-12))
        }
        Condition::TariffBelow { by, on, sector, rate } => {
            new_tariffs(world, reg, by, on, sector).is_some_and(|v| v.iter().all(|t| *t < *rate))
        }
        Condition::AllOf(list) => list.iter().all(|c| holds_with(world, reg, c)),
        Condition::AnyOf(list) => list.iter().any(|c| holds_with(world, reg, c)),
        Condition::Not(c) => !holds_with(world, reg, c),
        Condition::Issued { by, command, dispute } => {
            let log = &world.resource::<CommandLog>().0;
            log.iter().any(|e| {
                e.rejected.is_none()
                    && &e.issued.by == by
                    && e.issued.command.name() == command
                    && dispute
                        .as_deref()
                        .is_none_or(|d| e.issued.command.dispute() == Some(d))
            })
        }
        Condition::Stated { by, dispute, tone } => {
            let log = &world.resource::<CommandLog>().0;
            log.iter().any(|e| {
                e.rejected.is_none()
                    && &e.issued.by == by
                    && matches!(&e.issued.command,
                        Command::Statement { dispute: d, tone: t } if d == dispute && t >= tone)
            })
        }
        Condition::Offered { by, dispute } => {
            let b = reg.state(by);
            super::lookup::disputes(world, |mut it| {
                it.any(|(_, d)| {
                    &d.id == dispute
                        && d.is_open()
                        && d.offer.as_ref().is_some_and(|(from, _)| Some(*from) == b)
                })
            })
        }
        Condition::Restrained { by, to, sector } => {
            let (Some(exporter), Some(importer)) = (reg.state(by), reg.state(to)) else {
                return false;
            };
            let sec = reg.sector(sector);
            super::lookup::measures(world, |mut it| {
                it.any(|(_, m)| {
                    m.self_imposed
                    && m.by == importer
                    && m.target == Some(exporter)
                    // "all" (sec None): only a restraint on every sector.
                    && m.sector.is_none_or(|s| Some(s) == sec)
                })
            })
        }
        Condition::InForce { by, legal_basis } => {
            let b = reg.state(by);
            super::lookup::measures(world, |mut it| {
                it.any(|(_, m)| !m.initial && Some(m.by) == b && &m.legal_basis == legal_basis)
            })
        }
        Condition::ApprovalBelow { state, value } => {
            let i = reg.state(state);
            let mut q = world.query::<(&Country, &Politics)>();
            q.iter(world)
                .any(|(c, p)| Some(c.idx) == i && p.approval < *value)
        }
    }
}

/// The new tariffs (above the start's) `by` charges on `on` in `sector` ("all": every sector),
/// from the measures in force now, so a measure set earlier this month counts.
fn new_tariffs(world: &mut World, reg: &Registry, by: &str, on: &str, sector: &str) -> Option<Vec<f64>> {
    let (i, j) = (reg.state(by)?, reg.state(on)?);
    let sectors: Vec<usize> = if sector == "all" {
        (0..reg.k()).collect()
    } else {
        vec![reg.sector(sector)?]
    };
    let now = super::wedges::tariffs_now(world, i, j);
    let trade = world.resource::<Trade>();
    Some(
        sectors
            .iter()
            .map(|&s| trade.tariff_rise(trade.at(i, j, s), now[s]))
            .collect(),
    )
}
