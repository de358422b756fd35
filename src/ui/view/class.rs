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

/// What the team's screens show of the class game (`View::class`).
pub fn class_row(world: &World) -> Option<ClassRow> {
    let net = world.get_resource::<crate::ui::state::TeamNet>()?;
    let clock = world.resource::<crate::sim::Clock>();
    let seat = net.seat.as_ref();
    let sides = world
        .get_resource::<crate::sim::Registry>()
        .map(|reg| world.resource::<crate::sim::Control>().human_ids(reg))
        .unwrap_or_default();
    Some(ClassRow {
        address: net.address.clone(),
        status: net.status.clone(),
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
                    .map(|(m, side, name, text)| {
                        let date = crate::sim::Clock {
                            month: *m,
                            ..clock.clone()
                        }
                        .date();
                        let who = if name.eq_ignore_ascii_case(side) {
                            name.clone()
                        } else {
                            format!("{name} ({side})")
                        };
                        (date, who, text.clone())
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
                        format!("month {m}: this laptop {mine:016x}, the host {host:016x}")
                    })
                    .collect()
            })
            .unwrap_or_default(),
    })
}
