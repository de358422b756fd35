//! Lookups every mechanism's commands share: who issues the command (`Ctx`), and the ids it
//! names (states, partners, sectors, disputes) checked against the world, with the reasons a
//! command is refused. A leaf: it depends on nothing in the model but its data.

use bevy_ecs::prelude::*;

use super::*;
use crate::i18n::Words;
use crate::scenario::ALL;

/// Who issues the command being applied, and when: what every mechanism's command needs.
pub(super) struct Ctx {
    pub by: usize,
    pub by_id: String,
    /// The issuing state's name, for the news.
    pub me: String,
    pub month: u32,
}

/// A refusal: its English, which `i18n::local` shows in the reader's language.
pub(super) fn refusal(words: Words) -> String {
    crate::i18n::remember(words)
}

pub(super) fn state_of(world: &World, id: &str) -> Result<usize, String> {
    world
        .resource::<Registry>()
        .state(id)
        .ok_or_else(|| refusal(Words::new("refusal-no-state").plain("id", id)))
}

pub(super) fn target(world: &World, id: &str, by: usize) -> Result<Option<usize>, String> {
    if id == ALL {
        return Ok(None);
    }
    let t = state_of(world, id)?;
    if t == by {
        return Err(refusal(Words::new("refusal-self-target")));
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
        .ok_or_else(|| refusal(Words::new("refusal-no-sector").plain("id", id)))
}

/// `v` within [lo, hi], or refused; `what` is the message naming it (`refusal-what-…`).
pub(super) fn finite_in(v: f64, lo: f64, hi: f64, what: &str) -> Result<(), String> {
    if v.is_finite() && v >= lo && v <= hi {
        Ok(())
    } else {
        Err(refusal(
            Words::new("refusal-out-of-range")
                .words("what", Words::new(what))
                .plain("lo", lo.to_string())
                .plain("hi", hi.to_string())
                .plain("value", v.to_string()),
        ))
    }
}

pub(super) fn dispute(world: &mut World, id: &str, by: usize) -> Result<Entity, String> {
    let none = || refusal(Words::new("refusal-no-dispute").plain("id", id));
    let e = dispute_entity(world, id).ok_or_else(none)?;
    let d = world.get::<Dispute>(e).ok_or_else(none)?;
    if !d.involves(by) {
        let reg = world.resource::<Registry>();
        return Err(crate::i18n::remember(
            crate::i18n::Words::new("refused-not-a-party")
                .named("state", &reg.states[by], &reg.state_names[by])
                .text("title", d.title.as_str()),
        ));
    }
    if !d.is_open() {
        return Err(crate::i18n::remember(
            crate::i18n::Words::new("refused-already-settled").text("title", d.title.as_str()),
        ));
    }
    Ok(e)
}

/// A partner and a sector as the arguments `who` and `what` of a message (`i18n::Words`): in
/// English the partner's name (or "every partner") and the sector's lower-cased (or "all
/// goods"), in another language the scenario's own names.
pub(super) fn name_args(
    world: &World,
    words: crate::i18n::Words,
    partner: &str,
    sector: &str,
) -> crate::i18n::Words {
    use crate::i18n::Words;
    let reg = world.resource::<Registry>();
    let words = if partner == ALL {
        words.words("who", Words::new("order-every-partner"))
    } else {
        words.text("who", reg.state_name(partner))
    };
    if sector == ALL {
        words.words("what", Words::new("order-all-goods"))
    } else {
        let name = reg.sector_name(sector);
        words.named("what", &name.to_lowercase(), &name)
    }
}

/// A partner (a state's id, or "all") as the argument `arg` of a message: in English the id
/// or "all", as the model has always written them; in another language the state's name or
/// "every partner" in that language.
pub(super) fn partner_arg(reg: &Registry, words: Words, arg: &str, id: &str) -> Words {
    match reg.state(id) {
        Some(i) => words.named(arg, id, &reg.state_names[i]),
        None if id == ALL => words.words(arg, Words::new("measure-all-partners")),
        None => words.plain(arg, id),
    }
}

/// A sector (an id, or "all") as the argument `arg` of a message, as `partner_arg` words a
/// partner.
pub(super) fn sector_arg(reg: &Registry, words: Words, arg: &str, id: &str) -> Words {
    match reg.sector(id) {
        Some(s) => words.named(arg, id, &reg.sector_names[s]),
        None if id == ALL => words.words(arg, Words::new("measure-all-goods")),
        None => words.plain(arg, id),
    }
}

/// Query states kept between lookups. Commands, events and offers look up measures and disputes
/// many times a month, and a fresh `world.query()` builds its state (component access, archetype
/// matching) every time: that was a sixth of applying a month's commands in the 2025 level.
#[derive(Resource)]
pub(crate) struct Queries {
    // Boxed: the resource moves out of the world and back on every use.
    measures: Box<QueryState<(Entity, &'static Measure)>>,
    disputes: Box<QueryState<(Entity, &'static Dispute)>>,
    lobbies: Box<QueryState<(Entity, &'static Lobby)>>,
}

impl FromWorld for Queries {
    fn from_world(world: &mut World) -> Self {
        Queries {
            measures: Box::new(world.query()),
            disputes: Box::new(world.query()),
            lobbies: Box::new(world.query()),
        }
    }
}

/// Every entity with a `T`, and its `T`.
pub(crate) type Each<'w, 's, T> = bevy_ecs::query::QueryIter<'w, 's, (Entity, &'static T), ()>;

fn with_queries<R>(world: &mut World, f: impl FnOnce(&World, &mut Queries) -> R) -> R {
    if !world.contains_resource::<Queries>() {
        let q = Queries::from_world(world);
        world.insert_resource(q);
    }
    world.resource_scope(|world, mut q: Mut<Queries>| f(world, &mut q))
}

/// `f` over every measure in force (entity and measure, in the ECS's order).
pub(crate) fn measures<R>(world: &mut World, f: impl FnOnce(Each<'_, '_, Measure>) -> R) -> R {
    with_queries(world, |world, q| f(q.measures.iter(world)))
}

/// `f` over every dispute, open or settled (entity and dispute, in the ECS's order).
pub(crate) fn disputes<R>(world: &mut World, f: impl FnOnce(Each<'_, '_, Dispute>) -> R) -> R {
    with_queries(world, |world, q| f(q.disputes.iter(world)))
}

/// `f` over every lobby (entity and lobby, in the ECS's order).
pub(crate) fn lobbies<R>(world: &mut World, f: impl FnOnce(Each<'_, '_, Lobby>) -> R) -> R {
    with_queries(world, |world, q| f(q.lobbies.iter(world)))
}

/// The entity of the dispute with this id, open or settled.
pub(crate) fn dispute_entity(world: &mut World, id: &str) -> Option<Entity> {
    disputes(world, |mut it| it.find(|(_, d)| d.id == id).map(|(e, _)| e))
}

/// Names for the ids orders carry: states, sectors, disputes, acquisitions, frameworks, injects.
pub fn all_names(world: &mut World) -> std::collections::BTreeMap<String, String> {
    let reg = world.resource::<Registry>();
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
    // The teacher's injects, by title ("fire the inject Court ruling", not its id).
    if let Some(t) = world.get_resource::<Timeline>() {
        names.extend(t.injects.iter().map(|i| (i.id.clone(), i.title.clone())));
    }
    names
}
