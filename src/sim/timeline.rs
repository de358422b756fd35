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
