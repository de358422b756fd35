//! Phase 2: the scenario's dated events. An exogenous event always fires; a state's historical
//! decision fires only when the player does not lead that state, so the player can do better
//! than history. Effects are commands, applied through the same path as everyone else's.

use bevy_ecs::prelude::*;

use super::commands::{apply, log};
use super::*;
use crate::scenario::EventKind;

pub fn fire_events(world: &mut World) {
    let month = world.resource::<Clock>().month;
    let player = world.resource::<Control>().player;
    let due: Vec<usize> = {
        let t = world.resource::<Timeline>();
        (0..t.events.len())
            .filter(|&i| !t.fired[i] && t.events[i].0 <= month)
            .collect()
    };
    for i in due {
        // A conditional event waits, month after month, until its condition holds.
        if let EventKind::Conditional(c) = &world.resource::<Timeline>().events[i].1.kind {
            let c = c.clone();
            if !holds(world, &c) {
                continue;
            }
        }
        let event = {
            let mut t = world.resource_mut::<Timeline>();
            t.fired[i] = true;
            t.events[i].1.clone()
        };
        if let EventKind::Decision(by) = &event.kind {
            let led = world.resource::<Registry>().state(by);
            if led.is_some() && led == player {
                continue; // the player decides for this state
            }
        }
        if !event.news.is_empty() || event.quote.is_some() {
            let headline = if event.news.is_empty() {
                event.title.clone()
            } else {
                event.news.clone()
            };
            world.resource_mut::<News>().0.push(NewsItem {
                month,
                headline,
                quote: event.quote.clone(),
                about: event.id.clone(),
            });
        }
        for effect in &event.effects {
            let issued = Issued {
                by: effect.by.clone(),
                command: effect.command.clone(),
                origin: Origin::Event,
                reason: format!("event {}: {}", event.id, event.title),
            };
            let result = apply(world, &issued);
            log(world, month, issued, result);
        }
    }
}

/// Whether a condition holds in the world now.
pub fn holds(world: &mut World, c: &crate::scenario::Condition) -> bool {
    use crate::scenario::Condition;
    let reg = world.resource::<Registry>().clone();
    match c {
        Condition::TrustBelow { of, toward, value } => match (reg.state(of), reg.state(toward)) {
            (Some(a), Some(b)) => world.resource::<Relations>().trust(a, b) < *value,
            _ => false,
        },
        Condition::RungAtLeast { dispute, rung } => {
            let mut q = world.query::<&Dispute>();
            q.iter(world)
                .any(|d| &d.id == dispute && d.is_open() && d.rung >= *rung)
        }
        Condition::Settled { dispute } => {
            let mut q = world.query::<&Dispute>();
            q.iter(world).any(|d| &d.id == dispute && !d.is_open())
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
            new_tariffs(world, &reg, by, on, sector).is_some_and(|v| v.iter().all(|t| *t >= *rate - 1e-12))
        }
        Condition::TariffBelow { by, on, sector, rate } => {
            new_tariffs(world, &reg, by, on, sector).is_some_and(|v| v.iter().all(|t| *t < *rate))
        }
        Condition::AllOf(list) => list.iter().all(|c| holds(world, c)),
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
    let wedges = super::trade::wedges_now(world, reg);
    let trade = world.resource::<Trade>();
    Some(
        sectors
            .iter()
            .map(|&s| wedges.new_tariff(trade, i, j, s))
            .collect(),
    )
}
