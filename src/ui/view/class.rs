//! A class game as a team's screens show it: the connection, who is ready, the timer, the
//! messages and any desync (`ui::class` keeps the connection).

use bevy::prelude::*;

/// A class game as a team's screens show it (`ui::class`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClassRow {
    /// The host's address.
    pub address: String,
    /// What the connection is doing (empty once joined and well).
    pub status: String,
    pub joined: bool,
    /// Refused or lost: nothing more comes.
    pub closed: bool,
    /// Sides people lead, and those ready this turn.
    pub sides: Vec<String>,
    pub ready: Vec<String>,
    pub seconds_left: Option<f64>,
    pub paused: bool,
    /// This team pressed Ready for the month being played.
    pub sent_ready: bool,
    pub over: bool,
    /// Messages: (date, who, text), oldest first.
    pub heard: Vec<(String, String, String)>,
    /// The message being written.
    pub draft: String,
    /// Desyncs seen, worded with both hashes.
    pub desyncs: Vec<String>,
}

/// What the team's screens show of the class game (`View::class`), in the player's language:
/// the host's sentences and the orders sent with notes worded here.
pub fn class_row(world: &World) -> Option<ClassRow> {
    use crate::i18n::{lang, local};
    let net = world.get_resource::<crate::ui::state::TeamNet>()?;
    let clock = world.resource::<crate::sim::Clock>();
    let seat = net.seat.as_ref();
    let reg = world.get_resource::<crate::sim::Registry>();
    let sides = reg
        .map(|reg| world.resource::<crate::sim::Control>().human_ids(reg))
        .unwrap_or_default();
    // A state as the screens name it: its id in English, its name in another language.
    let side_label = |id: &str| match (lang(), reg) {
        (crate::i18n::Lang::En, _) | (_, None) => id.to_string(),
        (_, Some(reg)) => local(&reg.state_name(id)),
    };
    let names = names(world);
    let name = |id: &str| local(names.get(id).map_or(id, String::as_str));
    Some(ClassRow {
        address: net.address.clone(),
        status: crate::net::wording::in_reader(world, &net.status),
        joined: seat.is_some(),
        closed: net.closed,
        ready: seat.map(|s| s.ready.clone()).unwrap_or_default(),
        sides,
        seconds_left: seat.and_then(|s| s.seconds_left),
        paused: seat.is_some_and(|s| s.paused),
        sent_ready: seat.is_some_and(|s| s.sent_ready),
        over: seat.is_some_and(|s| s.over),
        heard: seat
            .map(|s| {
                s.heard
                    .iter()
                    .zip(s.orders_heard.iter().chain(std::iter::repeat(&None)))
                    .map(|((m, side, who, text), order)| {
                        let date = crate::sim::Clock {
                            month: *m,
                            ..clock.clone()
                        }
                        .date();
                        let who = if side == crate::command::TEACHER {
                            crate::tr!("class-teacher")
                        } else if who.eq_ignore_ascii_case(side) {
                            match lang() {
                                crate::i18n::Lang::En => who.clone(),
                                _ => side_label(side),
                            }
                        } else {
                            crate::tr!("class-who", name = who.as_str(), side = side_label(side))
                        };
                        let text = match order {
                            Some(c) => crate::tr!(
                                "class-order-note",
                                order = c.label_with(&name),
                                note = text.as_str()
                            ),
                            None => text.clone(),
                        };
                        (crate::i18n::format::month_label(lang(), &date), who, text)
                    })
                    .collect()
            })
            .unwrap_or_default(),
        draft: net.draft.clone(),
        desyncs: seat
            .map(|s| {
                s.desyncs
                    .iter()
                    .map(|(m, mine, host)| {
                        crate::tr!(
                            "class-desync-line",
                            month = m.to_string(),
                            mine = format!("{mine:016x}"),
                            host = format!("{host:016x}")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// Names for the ids orders carry (states, sectors, disputes), in English.
fn names(world: &World) -> std::collections::BTreeMap<String, String> {
    let mut names = std::collections::BTreeMap::new();
    if let Some(reg) = world.get_resource::<crate::sim::Registry>() {
        names.extend(reg.states.iter().cloned().zip(reg.state_names.iter().cloned()));
        names.extend(reg.sectors.iter().cloned().zip(reg.sector_names.iter().cloned()));
    }
    if let Some(mut q) = world.try_query::<&crate::sim::Dispute>() {
        names.extend(q.iter(world).map(|d| (d.id.clone(), d.title.clone())));
    }
    names
}
