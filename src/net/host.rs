//! The host of a class game (the teacher's laptop): it takes each team's orders, fixes the
//! month's commands in a deterministic order, runs the month and sends the commands and its
//! hash to every team (`lockstep.rs` has the messages). The turn's timer, the teacher's pause,
//! injects, messages and end, and the record to resume from are here.

use std::collections::{BTreeMap, BTreeSet};

use super::lockstep::*;
use crate::command::{Command, ScheduledCommand};
use crate::i18n::Words;
use crate::scenario::Scenario;
use crate::sim::Simulation;

/// The host's side of a class game.
pub struct Host {
    sim: Simulation,
    /// The scenario's file name (teams find their copy by it and its hash).
    file: String,
    scenario_hash: u64,
    seed: u64,
    /// The sides teams lead, in the scenario's order.
    sides: Vec<String>,
    password: String,
    /// Joined teams: connection → side.
    teams: BTreeMap<u64, String>,
    /// The name each side's team gave.
    names: BTreeMap<String, String>,
    /// The teacher paused the turn's timer.
    paused: bool,
    /// The teacher ended the game.
    ended: bool,
    /// The month each connection was last sent the host's state.
    resent: BTreeMap<u64, u32>,
    /// The month the teams took over (the months before ran on history and the AI).
    start: u32,
    /// This month's orders, in arrival order, by side.
    orders: BTreeMap<String, Vec<Command>>,
    /// The injects the teacher fires with this month, in the order chosen (before the teams'
    /// orders).
    injects: Vec<String>,
    ready: BTreeSet<String>,
    /// Every month's commands so far (a commands file).
    log: Vec<ScheduledCommand>,
    /// Notes sent with orders and messages: (month, side, the order (None: a message), text).
    pub notes: Vec<(u32, String, Option<Command>, String)>,
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
                return Err(Words::new("class-host-not-a-side")
                    .plain("side", s.as_str())
                    .plain("sides", format!("{:?}", scenario.meta.sides))
                    .to_string());
            }
        }
        let sim = Simulation::with_sides(scenario, seed, &sides)?;
        Ok(Host {
            sim,
            file: String::new(),
            scenario_hash,
            seed,
            sides,
            password: password.to_string(),
            teams: BTreeMap::new(),
            names: BTreeMap::new(),
            paused: false,
            ended: false,
            resent: BTreeMap::new(),
            start: 0,
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
            return Err(Words::new("class-host-turn-length")
                .plain("n", rules.months_per_turn.to_string())
                .plain("max", MAX_MONTHS_PER_TURN.to_string())
                .to_string());
        }
        if rules.turns == Some(0) {
            return Err(Words::new("class-host-no-turns").to_string());
        }
        if rules.seconds_per_turn.is_some_and(|s| !s.is_finite() || s <= 0.0) {
            return Err(Words::new("class-host-seconds").to_string());
        }
        self.rules = rules;
        Ok(self)
    }

    /// The scenario's file name, as teams will find it in their levels folder.
    pub fn with_file(mut self, name: &str) -> Host {
        self.file = name.to_string();
        self
    }

    /// Start the class later in the scenario (before the first turn): the months before
    /// `month` run as history had them, every government by the AI and the timeline, and the
    /// teams take over at `month`. A 50-minute lesson can play the last year of 2025's three.
    pub fn starting_at(mut self, scenario: &Scenario, month: u32) -> Result<Host, String> {
        // Month 0: the world `new` built is that world already.
        if month == 0 {
            return Ok(self);
        }
        if month >= scenario.meta.months as u32 {
            return Err(Words::new("class-host-past-end")
                .plain("month", month.to_string())
                .plain("months", scenario.meta.months.to_string())
                .to_string());
        }
        let mut sim = Simulation::with_sides(scenario, self.seed, &[])?;
        sim.run(month);
        crate::sim::setup::hand_over(sim.world_mut(), &self.sides)?;
        self.sim = sim;
        self.start = month;
        Ok(self)
    }

    /// A class game resumed from its record (`record`): the same scenario, seed, sides and
    /// rules, the log run to the month it had reached. Teams rejoin as after a drop.
    pub fn resume(scenario: &Scenario, record: &ClassRecord, password: &str) -> Result<Host, String> {
        // A record's month past the scenario's end is a damaged or edited file: running it
        // would not stop.
        super::seat::within_scenario(scenario, record.month)?;
        let mut host = Host::new(
            scenario,
            record.scenario_hash,
            record.seed,
            record.sides.clone(),
            password,
        )?
        .with_rules(record.rules)?
        .with_file(&record.scenario)
        .starting_at(scenario, record.start)?;
        host.sim.schedule(record.log.clone());
        host.sim.run(record.month.saturating_sub(record.start));
        host.log = record.log.clone();
        host.turns = record.turns;
        host.ended = record.ended;
        Ok(host)
    }

    /// What it takes to resume this class game (written by the host every month).
    pub fn record(&self) -> ClassRecord {
        ClassRecord {
            version: CLASS_RECORD_VERSION,
            scenario: self.file.clone(),
            scenario_hash: self.scenario_hash,
            seed: self.seed,
            sides: self.sides.clone(),
            rules: self.rules,
            start: self.start,
            month: self.month(),
            turns: self.turns,
            ended: self.ended,
            log: self.log.clone(),
        }
    }

    /// The game's world, for a debrief or a replay of the class.
    pub fn into_simulation(self) -> Simulation {
        self.sim
    }

    pub fn sides(&self) -> &[String] {
        &self.sides
    }

    pub fn rules(&self) -> Rules {
        self.rules
    }

    /// The sides that have pressed Ready this turn.
    pub fn ready(&self) -> &BTreeSet<String> {
        &self.ready
    }

    /// The name a side's team gave when it joined.
    pub fn team_name(&self, side: &str) -> Option<&str> {
        self.names.get(side).map(String::as_str)
    }

    /// Who speaks for a side: its team's name, "Teacher" for the teacher, else the side.
    pub fn speaker(&self, side: &str) -> String {
        match self.team_name(side) {
            Some(name) => name.to_string(),
            None if side == crate::command::TEACHER => "Teacher".into(),
            None => side.to_string(),
        }
    }

    /// This turn's orders so far, by side (what the teacher's console shows).
    pub fn orders(&self) -> &BTreeMap<String, Vec<Command>> {
        &self.orders
    }

    /// The injects waiting for the next month.
    pub fn injects_waiting(&self) -> &[String] {
        &self.injects
    }

    pub fn paused(&self) -> bool {
        self.paused
    }

    /// The teacher pauses the turn's timer (or lets it run on); every team is told.
    pub fn pause(&mut self, paused: bool) -> Vec<(To, ToTeam)> {
        self.paused = paused;
        vec![(To::All, ToTeam::Paused { paused }), (To::All, self.waiting())]
    }

    /// The teacher sets the turn's timer (None: the turn waits for every team); the turn's
    /// clock starts again.
    pub fn set_timer(&mut self, seconds: Option<f64>) -> Vec<(To, ToTeam)> {
        self.rules.seconds_per_turn = seconds.filter(|s| s.is_finite() && *s > 0.0);
        self.elapsed = 0.0;
        vec![(To::All, self.waiting())]
    }

    /// Teams need a password to join.
    pub fn has_password(&self) -> bool {
        !self.password.is_empty()
    }

    /// The teacher ends the class game now (no more months); every team is told.
    pub fn end(&mut self) -> Vec<(To, ToTeam)> {
        self.ended = true;
        vec![(To::All, ToTeam::Over { month: self.month() })]
    }

    /// The teacher speaks to the class (shown on every team's screen, and logged).
    pub fn announce(&mut self, text: &str) -> Vec<(To, ToTeam)> {
        let text: String = text.chars().take(MAX_TEXT).collect();
        let month = self.month();
        let side = crate::command::TEACHER.to_string();
        self.notes.push((month, side.clone(), None, text.clone()));
        self.said(month, side, text, None)
    }

    /// What a side's team (or the teacher) said, to every team, under the team's name, with the
    /// order it went with (each laptop words the order in its own language).
    fn said(&self, month: u32, side: String, text: String, order: Option<Command>) -> Vec<(To, ToTeam)> {
        let name = self.speaker(&side);
        vec![(
            To::All,
            ToTeam::Said {
                month,
                side,
                name,
                text,
                order,
            },
        )]
    }

    /// Who is ready and the time left (sent when it changes and every second of a timed turn).
    pub fn waiting(&self) -> ToTeam {
        ToTeam::Waiting {
            month: self.month(),
            ready: self.ready.iter().cloned().collect(),
            seconds_left: self.seconds_left(),
        }
    }

    /// Whether the class game is over: its last turn has run, or the scenario's months.
    pub fn over(&self) -> bool {
        let clock = self.sim.world().resource::<crate::sim::Clock>();
        self.ended || self.rules.turns.is_some_and(|t| self.turns >= t) || clock.month >= clock.length
    }

    /// The host's clock moved on by `seconds`: when the turn's time is up, the turn runs. The
    /// clock waits while no team has joined.
    pub fn tick(&mut self, seconds: f64) -> Vec<(To, ToTeam)> {
        if self.over() || self.paused || self.teams.is_empty() || !seconds.is_finite() || seconds <= 0.0 {
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

    /// The game's world, to read.
    pub fn world(&self) -> &bevy_ecs::world::World {
        self.sim.world()
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
            scenarios,
            side,
            name,
            password,
        } = msg
        {
            return match self.join(team, &version, protocol, &scenarios, &side, &password) {
                Ok(()) => {
                    let name: String = name.trim().chars().take(60).collect();
                    self.names
                        .insert(side.clone(), if name.is_empty() { side.clone() } else { name });
                    one(ToTeam::Welcome {
                        scenario: self.file.clone(),
                        scenario_hash: self.scenario_hash,
                        rules: self.rules,
                        start: self.start,
                        side,
                        seed: self.seed,
                        sides: self.sides.clone(),
                        month: self.month(),
                        log: self.log.clone(),
                    })
                }
                Err(reason) => one(ToTeam::Refused { reason }),
            };
        }
        let Some(side) = self.teams.get(&team).cloned() else {
            return one(ToTeam::Rejected {
                reason: Words::new("class-rejected-join-first").to_string(),
            });
        };
        let month = self.month();
        let sent = self.sent_this_month(month, &side);
        if let Some(why) = super::admission::rejection(&msg, month, self.over(), sent) {
            return one(ToTeam::Rejected {
                reason: why.to_string(),
            });
        }
        match msg {
            ToHost::Hello { .. } => Vec::new(),
            ToHost::Say { text } => {
                self.notes.push((month, side.clone(), None, text.clone()));
                self.said(month, side, text, None)
            }
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
                // The order goes with its note as itself: each laptop words it in its language.
                let tell = negotiating(&command) && !note.trim().is_empty();
                self.orders.entry(side.clone()).or_default().push(command.clone());
                self.notes
                    .push((month, side.clone(), Some(command.clone()), note.clone()));
                if !tell {
                    return Vec::new();
                }
                self.said(month, side, note, Some(command))
            }
            ToHost::Ready { .. } => {
                self.ready.insert(side);
                let mut out = vec![(To::All, self.waiting())];
                if self.sides.iter().all(|s| self.ready.contains(s)) {
                    out.extend(self.run_month());
                }
                out
            }
            ToHost::Hash { month: m, hash } => match self.hashes.get(&m) {
                // One desync a side and month: a laptop repeating its hash adds nothing.
                Some(&mine) if mine != hash && !self.desyncs.iter().any(|d| d.0 == m && d.1 == side) => {
                    self.desyncs.push((m, side, hash, mine));
                    Vec::new()
                }
                _ => Vec::new(),
            },
            // A state is a few MB: one per team and month (a desync needs no more).
            ToHost::Resend if self.resent.get(&team) == Some(&month) => Vec::new(),
            ToHost::Resend => {
                self.resent.insert(team, month);
                let snapshot =
                    ron::to_string(&crate::save::snapshot(self.sim.world_mut())).unwrap_or_default();
                one(ToTeam::State { month, snapshot })
            }
        }
    }

    /// Orders and messages `side` has sent in `month` (the notes keep both, the latest last).
    fn sent_this_month(&self, month: u32, side: &str) -> usize {
        self.notes
            .iter()
            .rev()
            .take_while(|n| n.0 == month)
            .filter(|n| n.1 == side)
            .count()
    }

    fn join(
        &mut self,
        team: u64,
        version: &str,
        protocol: u32,
        scenarios: &[(String, u64)],
        side: &str,
        password: &str,
    ) -> Result<(), String> {
        if let Some(held) = self.teams.get(&team).filter(|s| *s != side) {
            return Err(Words::new("class-refused-one-side")
                .plain("held", held.as_str())
                .to_string());
        }
        let mine = env!("CARGO_PKG_VERSION");
        if version != mine || protocol != PROTOCOL {
            return Err(Words::new("class-refused-version")
                .plain("mine", mine)
                .plain("protocol", PROTOCOL.to_string())
                .plain("version", version)
                .plain("theirs", protocol.to_string())
                .to_string());
        }
        if !scenarios.iter().any(|(_, h)| *h == self.scenario_hash) {
            let host = (&self.file, self.scenario_hash);
            return Err(match scenarios.iter().find(|(name, _)| *name == self.file) {
                Some((name, h)) => Words::new("class-refused-changed-file")
                    .plain("file", name.as_str())
                    .plain("yours", format!("{h:016x}"))
                    .plain("hosts", format!("{:016x}", host.1)),
                None => Words::new("class-refused-no-file")
                    .plain("file", host.0.as_str())
                    .plain("hash", format!("{:016x}", host.1)),
            }
            .to_string());
        }
        if password != self.password {
            return Err(Words::new("class-refused-password").to_string());
        }
        if !self.sides.iter().any(|s| s == side) {
            return Err(Words::new("class-refused-not-a-side")
                .plain("side", side)
                .plain("sides", format!("{:?}", self.sides))
                .to_string());
        }
        if self.teams.iter().any(|(&t, s)| s == side && t != team) {
            return Err(Words::new("class-refused-taken").plain("side", side).to_string());
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
            return Err(Words::new("class-inject-fired")
                .text("title", def.title.as_str())
                .to_string());
        }
        if self.over() {
            return Err(Words::new("class-rejected-over").to_string());
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
