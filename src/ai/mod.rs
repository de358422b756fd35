//! Phase 10: how non-player governments choose their commands. Each AI state answers standing
//! offers in its disputes by its doctrine; its choices go through the same command queue as the
//! player's, with the reason logged.

use bevy_ecs::prelude::*;

use crate::command::Command;
use crate::scenario::Doctrine;
use crate::sim::*;

/// How much an AI state values a tariff cut of one percentage point, by doctrine, against the
/// domestic pressure it must answer; it accepts when the offer's value beats the pressure.
fn appetite(d: Doctrine) -> f64 {
    match d {
        Doctrine::FreeTrader => 1.0,
        Doctrine::Hedger => 0.8,
        Doctrine::Protectionist => 0.5,
        Doctrine::Coercer => 0.4,
    }
}

pub fn choose(
    control: Res<Control>,
    reg: Res<Registry>,
    states: Query<&Country>,
    lobbies: Query<&Lobby>,
    disputes: Query<&Dispute>,
    mut pending: ResMut<PendingCommands>,
) {
    let mut ds: Vec<&Dispute> = disputes.iter().filter(|d| d.is_open()).collect();
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    for d in ds {
        let Some((from, offer)) = &d.offer else { continue };
        let me = d.other(*from);
        if Some(me) == control.player {
            continue;
        }
        let Some(country) = states.iter().find(|c| c.idx == me) else {
            continue;
        };
        // The offer's value: tariff cuts (in points), purchases and investment (per 10bn).
        let value = offer.tariff_cuts.len() as f64 * 0.2
            + offer.purchases / 10.0
            + offer.investment / 50.0
            + 0.1 * offer.excluded.len() as f64;
        let mut ls: Vec<&Lobby> = lobbies.iter().collect();
        ls.sort_by(|a, b| a.id.cmp(&b.id));
        let pressure: f64 = ls
            .iter()
            .filter(|l| l.state == me && l.sectors.iter().any(|s| d.sectors.contains(s)))
            .map(|l| l.pressure)
            .sum();
        let score = value * appetite(country.doctrine) - pressure;
        let command = if score > 0.0 {
            Command::AcceptOffer {
                dispute: d.id.clone(),
            }
        } else {
            Command::RejectOffer {
                dispute: d.id.clone(),
            }
        };
        pending.0.push(Issued {
            by: reg.states[me].clone(),
            command,
            origin: Origin::Ai,
            reason: format!(
                "offer worth {value:.2} to a {:?} government against lobby pressure {pressure:.2}",
                country.doctrine
            ),
        });
    }
}
