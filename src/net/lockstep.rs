//! Lockstep for class games: the host orders every team's commands, each machine runs the same
//! month, and they compare state hashes every month.
//!
//! The model is deterministic (same scenario, seed and commands ⇒ the same hash on every OS), so
//! a class game need not send the world around: teams send their orders, the host collects them
//! for the month, and when every team is ready (or the teacher forces it) it fixes the month's
//! commands in a deterministic order (the scenario's sides in order, then each team's orders as
//! they came), runs the month, and broadcasts the commands with its hash. Every team runs the
//! same month from the same commands and answers with its hash; a mismatch is a desync, shown
//! with both hashes, and the host sends its state. A team that drops rejoins from the scenario,
//! the seed and the host's command log; the log is an ordinary commands file, so `tradecraft sim
//! SCENARIO --seed S --side JPN --side USA --commands log.ron` replays a class game exactly.
//!
//! The month's commands enter every machine's `Script` (as a commands file's do), never the
//! player's queue, so a replay takes the same path bit for bit. This file is the protocol and its
//! two state machines, without a transport: tests pump the messages in memory; the network
//! (bevy_replicon over renet, docs/research/replicon-0.44.md) carries the same messages.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::command::{Command, ScheduledCommand};
use crate::scenario::Scenario;
use crate::sim::Simulation;

/// Version of these messages; a team of another protocol is refused.
pub const PROTOCOL: u32 = 1;
/// The longest turn, months.
pub const MAX_MONTHS_PER_TURN: u32 = 12;
/// Largest message accepted, bytes, except a state resent after a desync.
pub const MAX_MESSAGE: usize = 256 * 1024;
/// Largest state resent after a desync, bytes.
pub const MAX_STATE: usize = 64 * 1024 * 1024;

/// A team's messages to the host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToHost {
    /// Join (or rejoin) the game for `side`.
    Hello {
        /// The game's version (`CARGO_PKG_VERSION`).
        version: String,
        protocol: u32,
        /// `scenario_hash` of the scenario file's text.
        scenario: u64,
        side: String,
        name: String,
        password: String,
    },
    /// An order for the month being played, with the team's note (logged with it).
    Order {
        month: u32,
        command: Command,
        note: String,
    },
    /// The team has made its moves for the month.
    Ready { month: u32 },
    /// The team's state hash after running `month`.
    Hash { month: u32, hash: u64 },
    /// Send me your state (after a desync).
    Resend,
}

/// The host's messages to teams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToTeam {
    /// Joined: build the scenario with this seed and these human sides, run the log to `month`.
    Welcome {
        side: String,
        seed: u64,
        sides: Vec<String>,
        month: u32,
        log: Vec<ScheduledCommand>,
    },
    /// Not joined, and why (a sentence a teacher can act on).
    Refused { reason: String },
    /// An order was not taken, and why.
    Rejected { reason: String },
    /// The turn that began at `month` ran `months` months with these commands (applied in its
    /// first month); the host's hash after it. `last`: the class game is over.
    Month {
        month: u32,
        months: u32,
        commands: Vec<ScheduledCommand>,
        hash: u64,
        last: bool,
    },
    /// Who has pressed Ready for the month being played, and the seconds left on the turn's
    /// timer (None: no timer).
    Waiting {
        month: u32,
        ready: Vec<String>,
        seconds_left: Option<f64>,
    },
    /// The host's state after a desync: a save (RON), to restore.
    State { month: u32, snapshot: String },
}

/// The messages as bytes (RON: readable in a packet log).
pub fn encode<T: Serialize>(msg: &T) -> Vec<u8> {
    ron::to_string(msg).unwrap_or_default().into_bytes()
}

/// Bytes from the network as a message: oversized, non-UTF-8 or malformed input is an error,
/// never a panic.
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8], max: usize) -> Result<T, String> {
    if bytes.len() > max {
        return Err(format!(
            "a message of {} bytes is over the limit of {max}",
            bytes.len()
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| format!("a message that is not text: {e}"))?;
    ron::from_str(text).map_err(|e| format!("a malformed message: {e}"))
}

/// FNV-1a over the scenario file's text (the state hash's function): the same on every machine
/// and every build, so a team with another scenario file is told so.
pub fn scenario_hash(text: &str) -> u64 {
    crate::sim::state::fnv1a(text.as_bytes())
}

/// How a class plays: months a turn (1, or 3 for a quarter, so 36 months fit a lesson as 12
/// turns), the last turn (None: the scenario's end), and the seconds a turn may take before the
/// month runs without the teams still thinking (None: only when every team is ready or the
/// teacher forces it). The timer is the host's clock, outside the model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    pub months_per_turn: u32,
    pub turns: Option<u32>,
    pub seconds_per_turn: Option<f64>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            months_per_turn: 1,
            turns: None,
            seconds_per_turn: None,
        }
    }
}

/// Who a host message goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum To {
    One(u64),
    All,
}

/// The host's side of a class game.
pub struct Host {
    sim: Simulation,
    scenario_hash: u64,
    seed: u64,
    /// The sides teams lead, in the scenario's order.
    sides: Vec<String>,
    password: String,
    /// Joined teams: connection → side.
    teams: BTreeMap<u64, String>,
    /// This month's orders, in arrival order, by side.
    orders: BTreeMap<String, Vec<Command>>,
    /// The injects the teacher fires with this month, in the order chosen (before the teams'
    /// orders).
    injects: Vec<String>,
    ready: BTreeSet<String>,
    /// Every month's commands so far (a commands file).
    log: Vec<ScheduledCommand>,
    /// Notes sent with orders: (month, side, command label, note).
    pub notes: Vec<(u32, String, String, String)>,
    /// Desyncs seen: (month, side, team's hash, host's hash).
    pub desyncs: Vec<(u32, String, u64, u64)>,
    hashes: BTreeMap<u32, u64>,
    rules: Rules,
    /// Turns played.
    turns: u32,
    /// Seconds into the turn being played (the host's clock, `tick`).
    elapsed: f64,
}

impl Host {
    /// A host for `scenario` (whose file text hashes to `scenario_hash`) with people leading
    /// `sides` (each a playable side).
    pub fn new(
        scenario: &Scenario,
        scenario_hash: u64,
        seed: u64,
        sides: Vec<String>,
        password: &str,
    ) -> Result<Host, String> {
        for s in &sides {
            if !scenario.meta.sides.contains(s) {
                return Err(format!(
                    "\"{s}\" is not a playable side; sides: {:?}",
                    scenario.meta.sides
                ));
            }
        }
        let sim = Simulation::with_sides(scenario, seed, &sides)?;
        Ok(Host {
            sim,
            scenario_hash,
            seed,
            sides,
            password: password.to_string(),
            teams: BTreeMap::new(),
            orders: BTreeMap::new(),
            injects: Vec::new(),
            ready: BTreeSet::new(),
            log: Vec::new(),
            notes: Vec::new(),
            desyncs: Vec::new(),
            hashes: BTreeMap::new(),
            rules: Rules::default(),
            turns: 0,
            elapsed: 0.0,
        })
    }

    /// Play by these rules (before the first turn). A turn is 1 to `MAX_MONTHS_PER_TURN` months.
    pub fn with_rules(mut self, rules: Rules) -> Result<Host, String> {
        if !(1..=MAX_MONTHS_PER_TURN).contains(&rules.months_per_turn) {
            return Err(format!(
                "a turn of {} months: choose 1 to {MAX_MONTHS_PER_TURN} (3: a quarter)",
                rules.months_per_turn
            ));
        }
        if rules.seconds_per_turn.is_some_and(|s| !s.is_finite() || s <= 0.0) {
            return Err("a turn's time must be a positive number of seconds".into());
        }
        self.rules = rules;
        Ok(self)
    }

    /// Whether the class game is over: its last turn has run, or the scenario's months.
    pub fn over(&self) -> bool {
        let clock = self.sim.world().resource::<crate::sim::Clock>();
        self.rules.turns.is_some_and(|t| self.turns >= t) || clock.month >= clock.length
    }

    /// The host's clock moved on by `seconds`: when the turn's time is up, the turn runs.
    pub fn tick(&mut self, seconds: f64) -> Vec<(To, ToTeam)> {
        if self.over() || !seconds.is_finite() || seconds <= 0.0 {
            return Vec::new();
        }
        self.elapsed += seconds;
        match self.rules.seconds_per_turn {
            Some(limit) if self.elapsed >= limit => self.run_month(),
            _ => Vec::new(),
        }
    }

    /// Seconds left on the turn's timer.
    pub fn seconds_left(&self) -> Option<f64> {
        self.rules.seconds_per_turn.map(|s| (s - self.elapsed).max(0.0))
    }

    /// The month being played.
    pub fn month(&self) -> u32 {
        self.sim.month()
    }

    pub fn simulation(&mut self) -> &mut Simulation {
        &mut self.sim
    }

    /// Every month's commands so far: an ordinary commands file.
    pub fn log(&self) -> &[ScheduledCommand] {
        &self.log
    }

    /// The side each joined team leads.
    pub fn teams(&self) -> &BTreeMap<u64, String> {
        &self.teams
    }

    /// A team's connection went away: its side may rejoin.
    pub fn disconnect(&mut self, team: u64) {
        self.teams.remove(&team);
    }

    /// Bytes from team `team`: a bad packet is answered, never a panic.
    pub fn receive_bytes(&mut self, team: u64, bytes: &[u8]) -> Vec<(To, ToTeam)> {
        match decode::<ToHost>(bytes, MAX_MESSAGE) {
            Ok(msg) => self.receive(team, msg),
            Err(reason) => vec![(To::One(team), ToTeam::Rejected { reason })],
        }
    }

    /// A message from team `team`.
    pub fn receive(&mut self, team: u64, msg: ToHost) -> Vec<(To, ToTeam)> {
        let one = |m: ToTeam| vec![(To::One(team), m)];
        if let ToHost::Hello {
            version,
            protocol,
            scenario,
            side,
            password,
            ..
        } = msg
        {
            return match self.join(team, &version, protocol, scenario, &side, &password) {
                Ok(()) => one(ToTeam::Welcome {
                    side,
                    seed: self.seed,
                    sides: self.sides.clone(),
                    month: self.month(),
                    log: self.log.clone(),
                }),
                Err(reason) => one(ToTeam::Refused { reason }),
            };
        }
        let Some(side) = self.teams.get(&team).cloned() else {
            return one(ToTeam::Rejected {
                reason: "join the game first".into(),
            });
        };
        let month = self.month();
        match msg {
            ToHost::Hello { .. } => Vec::new(),
            ToHost::Order { month: m, .. } | ToHost::Ready { month: m } if m != month => {
                one(ToTeam::Rejected {
                    reason: format!("month {m} is not the month being played ({month})"),
                })
            }
            ToHost::Order { .. } | ToHost::Ready { .. } if self.over() => one(ToTeam::Rejected {
                reason: "the class game is over".into(),
            }),
            ToHost::Order { command, note, .. } => {
                // Checked at once with the month's own rules, as the single-player game does.
                let issued = crate::sim::Issued {
                    by: side.clone(),
                    command: command.clone(),
                    origin: crate::sim::Origin::Player,
                    reason: String::new(),
                };
                if let Err(reason) = crate::sim::commands::precheck(self.sim.world_mut(), &issued) {
                    return one(ToTeam::Rejected { reason });
                }
                let label = command.label();
                self.orders.entry(side.clone()).or_default().push(command);
                self.notes.push((month, side, label, note));
                Vec::new()
            }
            ToHost::Ready { .. } => {
                self.ready.insert(side);
                let mut out = vec![(
                    To::All,
                    ToTeam::Waiting {
                        month,
                        ready: self.ready.iter().cloned().collect(),
                        seconds_left: self.seconds_left(),
                    },
                )];
                if self.sides.iter().all(|s| self.ready.contains(s)) {
                    out.extend(self.run_month());
                }
                out
            }
            ToHost::Hash { month: m, hash } => match self.hashes.get(&m) {
                Some(&mine) if mine != hash => {
                    self.desyncs.push((m, side, hash, mine));
                    Vec::new()
                }
                _ => Vec::new(),
            },
            ToHost::Resend => {
                let snapshot =
                    ron::to_string(&crate::save::snapshot(self.sim.world_mut())).unwrap_or_default();
                one(ToTeam::State { month, snapshot })
            }
        }
    }

    fn join(
        &mut self,
        team: u64,
        version: &str,
        protocol: u32,
        scenario: u64,
        side: &str,
        password: &str,
    ) -> Result<(), String> {
        let mine = env!("CARGO_PKG_VERSION");
        if version != mine || protocol != PROTOCOL {
            return Err(format!(
                "this game runs Tradecraft {mine} (protocol {PROTOCOL}); you have {version} (protocol {protocol}): install the same version"
            ));
        }
        if scenario != self.scenario_hash {
            return Err(format!(
                "your scenario file is not the host's (yours {scenario:016x}, the host's {:016x}): copy the host's file into levels/",
                self.scenario_hash
            ));
        }
        if password != self.password {
            return Err("wrong password: ask the teacher".into());
        }
        if !self.sides.iter().any(|s| s == side) {
            return Err(format!(
                "\"{side}\" is not a side teams lead in this game; sides: {:?}",
                self.sides
            ));
        }
        if self.teams.iter().any(|(&t, s)| s == side && t != team) {
            return Err(format!("another team already leads {side}"));
        }
        self.teams.insert(team, side.to_string());
        Ok(())
    }

    /// The teacher fires one of the scenario's injects: it goes out with the month the host runs
    /// next, before the teams' orders, to every machine and into the log. Refused at once when
    /// the scenario has no such inject, it has fired or it is already waiting.
    pub fn inject(&mut self, id: &str) -> Result<(), String> {
        let (def, fired) = self.sim.world().resource::<crate::sim::Timeline>().inject(id)?;
        if fired || self.injects.iter().any(|x| x == id) {
            return Err(format!("{} has already been fired", def.title));
        }
        if self.over() {
            return Err("the class game is over".into());
        }
        self.injects.push(id.to_string());
        Ok(())
    }

    /// Run the month now (every team ready, or the teacher forces it): the month's commands in
    /// a fixed order, the month, the log, and the commands and hash to every team.
    pub fn run_month(&mut self) -> Vec<(To, ToTeam)> {
        if self.over() {
            return Vec::new();
        }
        let month = self.month();
        let mut commands = Vec::new();
        for side in &self.sides {
            for command in self.orders.remove(side).unwrap_or_default() {
                commands.push(ScheduledCommand {
                    month,
                    by: side.clone(),
                    command,
                });
            }
        }
        self.orders.clear();
        self.ready.clear();
        let teacher = std::mem::take(&mut self.injects)
            .into_iter()
            .map(|id| ScheduledCommand {
                month,
                by: crate::command::TEACHER.to_string(),
                command: Command::Inject { id },
            });
        let commands: Vec<ScheduledCommand> = teacher.chain(commands).collect();
        self.sim.schedule(commands.clone());
        // The scenario's end cuts a turn short.
        let length = self.sim.world().resource::<crate::sim::Clock>().length;
        let months = self
            .rules
            .months_per_turn
            .min(length.saturating_sub(month))
            .max(1);
        self.sim.run(months);
        self.turns += 1;
        self.elapsed = 0.0;
        let hash = self.sim.state_hash();
        self.hashes.insert(month, hash);
        self.log.extend(commands.iter().cloned());
        let last = self.over();
        vec![(
            To::All,
            ToTeam::Month {
                month,
                months,
                commands,
                hash,
                last,
            },
        )]
    }
}

/// A team's side of a class game: its own copy of the world, run month by month from the
/// host's commands.
pub struct Team {
    sim: Simulation,
    pub side: String,
    /// Desyncs seen: (month, this machine's hash, the host's).
    pub desyncs: Vec<(u32, u64, u64)>,
    /// The last refusal or rejection from the host.
    pub notice: String,
    /// The host said the class game is over.
    pub over: bool,
}

impl Team {
    /// The Hello a team sends to join.
    pub fn hello(scenario_text: &str, side: &str, name: &str, password: &str) -> ToHost {
        ToHost::Hello {
            version: env!("CARGO_PKG_VERSION").into(),
            protocol: PROTOCOL,
            scenario: scenario_hash(scenario_text),
            side: side.into(),
            name: name.into(),
            password: password.into(),
        }
    }

    /// Join from the host's Welcome: the scenario built with the game's seed and sides, and the
    /// log run up to the month being played (a rejoining team catches up the same way).
    pub fn from_welcome(scenario: &Scenario, welcome: &ToTeam) -> Result<Team, String> {
        let ToTeam::Welcome {
            side,
            seed,
            sides,
            month,
            log,
        } = welcome
        else {
            return Err("not a welcome".into());
        };
        let mut sim = Simulation::with_sides(scenario, *seed, sides)?;
        sim.schedule(log.clone());
        sim.run(*month);
        Ok(Team {
            sim,
            side: side.clone(),
            desyncs: Vec::new(),
            notice: String::new(),
            over: false,
        })
    }

    pub fn simulation(&mut self) -> &mut Simulation {
        &mut self.sim
    }

    pub fn month(&self) -> u32 {
        self.sim.month()
    }

    /// Bytes from the host (a state may be large): a bad packet is noted, never a panic.
    pub fn receive_bytes(&mut self, bytes: &[u8]) -> Vec<ToHost> {
        match decode::<ToTeam>(bytes, MAX_STATE) {
            Ok(msg) => self.receive(msg),
            Err(e) => {
                self.notice = e;
                Vec::new()
            }
        }
    }

    /// A message from the host; the answers to send back.
    pub fn receive(&mut self, msg: ToTeam) -> Vec<ToHost> {
        match msg {
            ToTeam::Month {
                month,
                months,
                commands,
                hash,
                last,
            } => {
                if month != self.month() || !(1..=MAX_MONTHS_PER_TURN).contains(&months) {
                    // Out of step (a lost month): ask for the host's state.
                    return vec![ToHost::Resend];
                }
                self.over = last;
                self.sim.schedule(commands);
                self.sim.run(months);
                let mine = self.sim.state_hash();
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
                    .and_then(|s| crate::save::restore(&s))
                {
                    Ok(sim) => self.sim = sim,
                    Err(e) => self.notice = format!("the host's state could not be restored: {e}"),
                }
                Vec::new()
            }
            ToTeam::Refused { reason } | ToTeam::Rejected { reason } => {
                self.notice = reason;
                Vec::new()
            }
            ToTeam::Welcome { .. } | ToTeam::Waiting { .. } => Vec::new(),
        }
    }
}
