//! A team's laptop in a class game: its seat (side, readiness, timer, messages, desyncs) and
//! the months the host sends, run in its own world (the game window's, or a headless
//! `Simulation`'s in `Team`). `lockstep.rs` has the messages.

use super::lockstep::*;
use crate::command::Command;
use crate::i18n::Words;
use crate::scenario::Scenario;
use crate::sim::Simulation;

/// A message heard in a class game: (month, side, team name, text).
pub type Heard = (u32, String, String, String);

/// What a team's laptop knows of the class game beside its world: which side it leads, who is
/// ready, the timer, what was said, and any desync. Its world is the game window's (or a
/// headless `Simulation`'s): `receive` runs the host's months in it.
#[derive(Debug, Clone, Default)]
pub struct Seat {
    pub side: String,
    /// Desyncs seen: (month, this machine's hash, the host's).
    pub desyncs: Vec<(u32, u64, u64)>,
    /// The last refusal or rejection from the host, or the seat's own notice: in English, as
    /// the host sent it (`wording::words_of` finds its message to word it for the reader).
    pub notice: String,
    /// The host said the class game is over.
    pub over: bool,
    /// Sides ready this turn, and the seconds left on its timer.
    pub ready: Vec<String>,
    pub seconds_left: Option<f64>,
    pub paused: bool,
    pub rules: Rules,
    /// Messages from the teams and the teacher, oldest first.
    pub heard: Vec<Heard>,
    /// For each of `heard`, the order its note went with (None: a message).
    pub orders_heard: Vec<Option<Command>>,
    /// Ready was pressed for the month being played.
    pub sent_ready: bool,
}

impl Seat {
    /// The Hello a team sends to join, listing the scenario files it has.
    pub fn hello(scenarios: Vec<(String, u64)>, side: &str, name: &str, password: &str) -> ToHost {
        ToHost::Hello {
            version: env!("CARGO_PKG_VERSION").into(),
            protocol: PROTOCOL,
            scenarios,
            side: side.into(),
            name: name.into(),
            password: password.into(),
        }
    }

    /// Join from the host's Welcome: `world` (one with the model's schedules: a `Simulation`'s
    /// or the game window's) gets the scenario built with the game's seed and sides, and the
    /// log run up to the month being played (a rejoining team catches up the same way).
    pub fn join(
        world: &mut bevy_ecs::world::World,
        scenario: &Scenario,
        welcome: &ToTeam,
    ) -> Result<Seat, String> {
        let ToTeam::Welcome {
            side,
            seed,
            sides,
            month,
            log,
            rules,
            start,
            ..
        } = welcome
        else {
            return Err("not a welcome".into());
        };
        within_scenario(scenario, *month)?;
        if start > month {
            return Err(Words::new("class-join-late")
                .plain("start", start.to_string())
                .plain("month", month.to_string())
                .to_string());
        }
        crate::sim::setup::rebuild(world, scenario, *seed, &[])?;
        for _ in 0..*start {
            world.run_schedule(crate::sim::Month);
        }
        crate::sim::setup::hand_over(world, sides)?;
        crate::sim::schedule(world, log.clone());
        for _ in *start..*month {
            world.run_schedule(crate::sim::Month);
        }
        Ok(Seat {
            side: side.clone(),
            rules: *rules,
            ..Seat::default()
        })
    }

    /// Bytes from the host (a state may be large): a bad packet is noted, never a panic.
    pub fn receive_bytes(&mut self, world: &mut bevy_ecs::world::World, bytes: &[u8]) -> Vec<ToHost> {
        match decode::<ToTeam>(bytes, MAX_STATE) {
            Ok(msg) => self.receive(world, msg),
            Err(e) => {
                self.notice = e;
                Vec::new()
            }
        }
    }

    /// A message from the host; the answers to send back.
    pub fn receive(&mut self, world: &mut bevy_ecs::world::World, msg: ToTeam) -> Vec<ToHost> {
        let now = world.resource::<crate::sim::Clock>().month;
        match msg {
            ToTeam::Month {
                month,
                months,
                commands,
                hash,
                last,
            } => {
                if month != now || !(1..=MAX_MONTHS_PER_TURN).contains(&months) {
                    // Out of step (a lost month): ask for the host's state.
                    return vec![ToHost::Resend];
                }
                self.over = last;
                self.ready.clear();
                let sent = std::mem::take(&mut self.sent_ready);
                // The host's month runs without this laptop's queued orders: sent, they are
                // among its commands in the host's order; not sent (the timer or the teacher ran
                // the month first), they stay queued for the next turn. (The AI's queued moves
                // stay where they are.)
                let side = self.side.clone();
                let own = |c: &crate::sim::Issued| c.origin == crate::sim::Origin::Player && c.by == side;
                let mut pending = world.resource_mut::<crate::sim::PendingCommands>();
                let (queued, rest): (Vec<_>, Vec<_>) = pending.0.drain(..).partition(|c| own(c));
                pending.0 = rest;
                crate::sim::schedule(world, commands);
                for _ in 0..months {
                    world.run_schedule(crate::sim::Month);
                }
                // The hash is the world's as the host ran it, before the unsent orders return.
                let mine = crate::sim::state::state_hash(world);
                if !sent {
                    world
                        .resource_mut::<crate::sim::PendingCommands>()
                        .0
                        .extend(queued);
                }
                if mine == hash {
                    vec![ToHost::Hash { month, hash: mine }]
                } else {
                    self.desyncs.push((month, mine, hash));
                    vec![ToHost::Hash { month, hash: mine }, ToHost::Resend]
                }
            }
            ToTeam::State { snapshot, .. } => {
                match ron::from_str::<crate::save::Snapshot>(&snapshot)
                    .map_err(|e| e.to_string())
                    .and_then(|s| crate::save::restore_into(world, &s))
                {
                    Ok(()) => self.notice = Words::new("class-state-restored").to_string(),
                    Err(e) => {
                        self.notice = Words::new("class-state-not-restored")
                            .plain("error", e)
                            .to_string()
                    }
                }
                Vec::new()
            }
            ToTeam::Refused { reason } | ToTeam::Rejected { reason } => {
                self.notice = reason;
                Vec::new()
            }
            ToTeam::Waiting {
                ready, seconds_left, ..
            } => {
                self.ready = ready;
                self.seconds_left = seconds_left;
                Vec::new()
            }
            ToTeam::Said {
                month,
                side,
                name,
                text,
                order,
            } => {
                self.heard.push((month, side, name, text));
                self.orders_heard.push(order);
                Vec::new()
            }
            ToTeam::Paused { paused } => {
                self.paused = paused;
                Vec::new()
            }
            ToTeam::Over { .. } => {
                self.over = true;
                Vec::new()
            }
            ToTeam::Welcome { .. } => Vec::new(),
        }
    }

    /// The team's orders for the month and its Ready, to send: the player's queued orders
    /// (checked already), with the note for the negotiating ones.
    pub fn end_turn(&mut self, world: &bevy_ecs::world::World, note: &str) -> Vec<ToHost> {
        let month = world.resource::<crate::sim::Clock>().month;
        let mut out: Vec<ToHost> = world
            .resource::<crate::sim::PendingCommands>()
            .0
            .iter()
            .filter(|c| c.by == self.side && c.origin == crate::sim::Origin::Player)
            .map(|c| ToHost::Order {
                month,
                command: c.command.clone(),
                note: if negotiating(&c.command) {
                    note.to_string()
                } else {
                    String::new()
                },
            })
            .collect();
        out.push(ToHost::Ready { month });
        self.sent_ready = true;
        out
    }
}

/// A team's laptop without a window: its seat and its own copy of the world (tests, scripted
/// teams: `tradecraft join --headless`).
pub struct Team {
    pub seat: Seat,
    sim: Simulation,
}

impl std::ops::Deref for Team {
    type Target = Seat;
    fn deref(&self) -> &Seat {
        &self.seat
    }
}

impl std::ops::DerefMut for Team {
    fn deref_mut(&mut self) -> &mut Seat {
        &mut self.seat
    }
}

impl Team {
    /// The Hello of a team with one scenario file (its text).
    pub fn hello(scenario_text: &str, side: &str, name: &str, password: &str) -> ToHost {
        Seat::hello(
            vec![(String::new(), scenario_hash(scenario_text))],
            side,
            name,
            password,
        )
    }

    /// Join from the host's Welcome (see `Seat::join`).
    pub fn from_welcome(scenario: &Scenario, welcome: &ToTeam) -> Result<Team, String> {
        let mut sim = Simulation::blank();
        let seat = Seat::join(sim.world_mut(), scenario, welcome)?;
        Ok(Team { seat, sim })
    }

    pub fn simulation(&mut self) -> &mut Simulation {
        &mut self.sim
    }

    pub fn month(&self) -> u32 {
        self.sim.month()
    }

    pub fn receive_bytes(&mut self, bytes: &[u8]) -> Vec<ToHost> {
        self.seat.receive_bytes(self.sim.world_mut(), bytes)
    }

    pub fn receive(&mut self, msg: ToTeam) -> Vec<ToHost> {
        self.seat.receive(self.sim.world_mut(), msg)
    }
}

/// Ok when `month` is within `scenario` (its last month is `months`, where a finished game
/// stands); a later month comes from a damaged record or a host that is not this program.
pub(crate) fn within_scenario(scenario: &Scenario, month: u32) -> Result<(), String> {
    if i64::from(month) > scenario.meta.months {
        return Err(Words::new("class-host-past-end")
            .plain("month", month.to_string())
            .plain("months", scenario.meta.months.to_string())
            .to_string());
    }
    Ok(())
}
