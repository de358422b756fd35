//! Lookups every mechanism's commands share: who issues the command (`Ctx`), and the ids it
//! names (states, partners, sectors, disputes) checked against the world, with the reasons a
//! command is refused. A leaf: it depends on nothing in the model but its data.

use bevy_ecs::prelude::*;

use super::*;
use crate::scenario::ALL;

/// Who issues the command being applied, and when: what every mechanism's command needs.
pub(super) struct Ctx {
    pub by: usize,
    pub by_id: String,
    /// The issuing state's name, for the news.
    pub me: String,
    pub month: u32,
}

pub(super) fn state_of(world: &World, id: &str) -> Result<usize, String> {
    world
        .resource::<Registry>()
        .state(id)
        .ok_or_else(|| format!("there is no state \"{id}\""))
}

pub(super) fn target(world: &World, id: &str, by: usize) -> Result<Option<usize>, String> {
    if id == ALL {
        return Ok(None);
    }
    let t = state_of(world, id)?;
    if t == by {
        return Err("a state cannot aim a measure at itself".into());
    }
    Ok(Some(t))
}

pub(super) fn sector(world: &World, id: &str) -> Result<Option<usize>, String> {
    if id == ALL {
        return Ok(None);
    }
    world
        .resource::<Registry>()
        .sector(id)
        .map(Some)
        .ok_or_else(|| format!("there is no sector \"{id}\""))
}

pub(super) fn finite_in(v: f64, lo: f64, hi: f64, what: &str) -> Result<(), String> {
    if v.is_finite() && v >= lo && v <= hi {
        Ok(())
    } else {
        Err(format!("{what} must be between {lo} and {hi}, not {v}"))
    }
}

pub(super) fn dispute(world: &mut World, id: &str, by: usize) -> Result<Entity, String> {
    let mut q = world.query::<(Entity, &Dispute)>();
    let (e, d) = q
        .iter(world)
        .find(|(_, d)| d.id == id)
        .ok_or_else(|| format!("there is no dispute \"{id}\""))?;
    if !d.involves(by) {
        return Err(format!(
            "{} is not a party to {}",
            world.resource::<Registry>().states[by],
            d.title
        ));
    }
    if !d.is_open() {
        return Err(format!("{} is already settled", d.title));
    }
    Ok(e)
}

/// A partner and a sector named for the news: "Japan", "autos and parts"; "all" reads "every
/// partner" and "all goods". Unknown ids are left as they are (the command is refused anyway).
pub(super) fn names(world: &World, partner: &str, sector: &str) -> (String, String) {
    let reg = world.resource::<Registry>();
    let who = if partner == ALL {
        "every partner".to_string()
    } else {
        reg.state_name(partner)
    };
    let what = if sector == ALL {
        "all goods".to_string()
    } else {
        reg.sector_name(sector).to_lowercase()
    };
    (who, what)
}
