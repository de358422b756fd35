//! A class game on the network: the lockstep host and teams (`lockstep.rs`) joined to the wire
//! (`transport.rs`). The host's session also keeps the game on disk every month (its record, to
//! resume, and its log, an ordinary commands file) and a running account for the teacher.
//! Used by `tradecraft host` / `join` (headless), the teacher's console and a team's window.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::host::Host;
use super::lockstep::{MAX_STATE, To, ToHost, ToTeam, decode, scenario_files};
use super::seat::{Seat, Team};
use super::transport::{Client, NetEvent, Server};
use crate::command::Command;
use crate::i18n::{Lang, Words};
use crate::scenario::Scenario;

/// One line of the teacher's account: a message, worded in the teacher's language when shown
/// (`text`). It reads as its English (`Display`, and as a `str`): what the tests match.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub words: Words,
    english: String,
}

impl Event {
    pub fn new(words: Words) -> Event {
        let english = words.to_string();
        Event { words, english }
    }

    /// The line in the current language.
    pub fn text(&self) -> String {
        self.words.in_lang(crate::i18n::lang())
    }

    /// A desync, a refusal, or the game not kept on disk: the console shows it in red.
    pub fn alarm(&self) -> bool {
        matches!(
            self.words.key.as_str(),
            "console-event-desync" | "console-event-refused" | "console-event-not-kept"
        )
    }
}

impl std::ops::Deref for Event {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english)
    }
}

/// The host's laptop: the class game, its network, its files and its account of events.
pub struct HostSession {
    pub host: Host,
    pub server: Server,
    /// What happened, for the teacher (newest last): joins, refusals, orders, messages, months,
    /// desyncs.
    pub events: Vec<Event>,
    /// Where the record (`class.ron`), the log (`class.commands.ron`) and the autosaves go.
    pub dir: Option<PathBuf>,
    since_waiting: f64,
    last_month: u32,
    notes_seen: usize,
    desyncs_seen: usize,
    /// Bytes sent and received by the host, month by month (the wire's cost of a month).
    pub bytes_per_month: Vec<(u32, u64)>,
    bytes_at_month: u64,
}

impl HostSession {
    pub fn new(host: Host, server: Server, dir: Option<PathBuf>) -> HostSession {
        let last_month = host.month();
        let mut s = HostSession {
            host,
            server,
            events: Vec::new(),
            dir,
            since_waiting: 0.0,
            last_month,
            notes_seen: 0,
            desyncs_seen: 0,
            bytes_per_month: Vec::new(),
            bytes_at_month: 0,
        };
        if let Some(addr) = s.server.local_addr() {
            s.event(Words::new("console-event-listening").plain("port", addr.port().to_string()));
        }
        s
    }

    /// A line for the teacher's account.
    pub fn event(&mut self, words: Words) {
        self.events.push(Event::new(words));
    }

    /// A state's id as the teacher reads it: the id in English, its name in another language.
    fn side(&self, side: &str) -> Words {
        let reg = self.host.world().resource::<crate::sim::Registry>();
        Words::new("class-as-is").named("text", side, &reg.state_name(side))
    }

    /// A sentence of the host's or the network's (English), to be worded for the teacher.
    fn sentence(&self, english: &str) -> Words {
        let reg = self.host.world().resource::<crate::sim::Registry>();
        super::wording::words_of(english, &|id| reg.state(id).map(|_| reg.state_name(id)))
    }

    /// Read the network, answer, run the month when it is due, and write.
    pub fn update(&mut self, dt: Duration) {
        for event in self.server.pump() {
            match event {
                NetEvent::Connected(_) => {}
                NetEvent::Disconnected(id, why) => {
                    if let Some(side) = self.host.teams().get(&id) {
                        let left = Words::new("console-event-left")
                            .words("side", self.side(side))
                            .words("why", self.sentence(&why));
                        self.event(left);
                    }
                    self.host.disconnect(id);
                }
                NetEvent::Message(id, bytes) => {
                    let out = self.host.receive_bytes(id, &bytes);
                    self.deliver(out);
                }
            }
        }
        let out = self.host.tick(dt.as_secs_f64());
        self.deliver(out);
        if self.host.seconds_left().is_some() && !self.host.paused() && !self.host.over() {
            self.since_waiting += dt.as_secs_f64();
            if self.since_waiting >= 1.0 {
                self.since_waiting = 0.0;
                let waiting = self.host.waiting();
                self.deliver(vec![(To::All, waiting)]);
            }
        }
    }

    /// Send the host's messages, and note what the teacher should see.
    pub fn deliver(&mut self, out: Vec<(To, ToTeam)>) {
        for (to, msg) in out {
            match (&to, &msg) {
                (To::One(id), ToTeam::Welcome { side, month, .. }) => {
                    let name = self.host.team_name(side).unwrap_or(side);
                    let joined = Words::new("console-event-joined")
                        .words("side", self.side(side))
                        .plain("name", name)
                        .plain("laptop", format!("{id:x}"))
                        .plain("month", month.to_string());
                    self.event(joined);
                }
                (To::One(_), ToTeam::Refused { reason }) => {
                    let refused = Words::new("console-event-refused").words("reason", self.sentence(reason));
                    self.event(refused);
                }
                (
                    _,
                    ToTeam::Month {
                        month, months, hash, ..
                    },
                ) => {
                    let ran = if *months == 1 {
                        Words::new("console-event-month").plain("month", month.to_string())
                    } else {
                        Words::new("console-event-months")
                            .plain("from", month.to_string())
                            .plain("to", (month + months - 1).to_string())
                    };
                    self.event(ran.plain("hash", format!("{hash:016x}")));
                }
                _ => {}
            }
            let after = matches!(msg, ToTeam::Month { .. }).then(|| self.host.waiting());
            // Everything for the class goes to the teams that joined, not to a laptop that
            // connected and never said Hello (or was refused).
            match to {
                To::All => {
                    for &id in self.host.teams().keys() {
                        self.server.send(To::One(id), &msg);
                        if let Some(w) = &after {
                            self.server.send(To::One(id), w);
                        }
                    }
                }
                one => self.server.send(one, &msg),
            }
        }
        self.account();
    }

    /// New notes and desyncs into the account; the files after a month.
    fn account(&mut self) {
        let clock = self
            .host
            .simulation()
            .world()
            .resource::<crate::sim::Clock>()
            .clone();
        // Names for the orders of new notes (none, most times this runs).
        let names = if self.notes_seen < self.host.notes.len() {
            crate::sim::lookup::all_names(self.host.simulation().world_mut())
        } else {
            Default::default()
        };
        let label = |c: &Command| {
            let in_lang = |lang| {
                c.label_in(lang, &|id| {
                    crate::i18n::local_in(lang, names.get(id).map_or(id, String::as_str))
                })
            };
            // The order as the host has always written it in English, and in the game's other
            // language (the account is worded when shown, in either).
            Words::new("class-as-is").named("text", &in_lang(Lang::En), &in_lang(Lang::Ja))
        };
        let mut lines = Vec::new();
        for (month, side, order, text) in &self.host.notes[self.notes_seen..] {
            let what = match (order, text.is_empty()) {
                (Some(c), true) => label(c),
                (Some(c), false) => Words::new("console-event-said")
                    .words("what", label(c))
                    .plain("text", text.as_str()),
                (None, _) => Words::new("console-event-said")
                    .words("what", Words::new("console-event-message"))
                    .plain("text", text.as_str()),
            };
            let who = match self.host.team_name(side) {
                Some(name) if name != side => Words::new("console-event-who")
                    .words("side", self.side(side))
                    .plain("name", name),
                Some(_) => self.side(side),
                None if side == crate::command::TEACHER => Words::new("console-teacher"),
                None => self.side(side),
            };
            let date = crate::sim::Clock {
                month: *month,
                ..clock.clone()
            }
            .date();
            lines.push(
                Words::new("console-event-note")
                    .month("date", &date)
                    .words("who", who)
                    .words("what", what),
            );
        }
        for (month, side, theirs, mine) in &self.host.desyncs[self.desyncs_seen..] {
            lines.push(
                Words::new("console-event-desync")
                    .plain("month", month.to_string())
                    .words("side", self.side(side))
                    .plain("theirs", format!("{theirs:016x}"))
                    .plain("mine", format!("{mine:016x}")),
            );
        }
        for line in lines {
            self.event(line);
        }
        self.notes_seen = self.host.notes.len();
        self.desyncs_seen = self.host.desyncs.len();
        let month = self.host.month();
        if month != self.last_month {
            self.last_month = month;
            let total = self.server.sent + self.server.received;
            self.bytes_per_month.push((month, total - self.bytes_at_month));
            self.bytes_at_month = total;
            if let Err(e) = self.write() {
                self.event(Words::new("console-event-not-kept").plain("error", e.to_string()));
            }
        }
    }

    /// The record (to resume), the log (a commands file) and an autosave, in `dir`.
    pub fn write(&mut self) -> std::io::Result<()> {
        let Some(dir) = self.dir.clone() else {
            return Ok(());
        };
        std::fs::create_dir_all(&dir)?;
        let pretty = ron::ser::PrettyConfig::default();
        let record = self.host.record();
        let text = ron::ser::to_string_pretty(&record, pretty.clone()).map_err(std::io::Error::other)?;
        crate::save::write_atomic(&dir.join("class.ron"), &text)?;
        let log = ron::ser::to_string_pretty(&record.log, pretty).map_err(std::io::Error::other)?;
        let mut sides = record
            .sides
            .iter()
            .map(|s| format!("--side {s}"))
            .collect::<Vec<_>>()
            .join(" ");
        if record.start > 0 {
            sides += &format!(" --start {}", record.start);
        }
        let head = format!(
            "// The class game's commands. Replay: tradecraft sim levels/{} --seed {} {sides} --months {} --commands class.commands.ron",
            record.scenario,
            record.seed,
            record.month - record.start
        );
        // One comment line, whatever the file and side names hold.
        let head = crate::words::printable(&head) + "\n";
        crate::save::write_atomic(&dir.join("class.commands.ron"), &(head + &log))?;
        crate::save::autosave::write(self.host.simulation().world_mut(), &dir, "class").map(|_| ())
    }

    /// The teacher runs the month now, whoever is still thinking.
    pub fn force_month(&mut self) {
        let out = self.host.run_month();
        self.deliver(out);
    }

    pub fn pause(&mut self, paused: bool) {
        let out = self.host.pause(paused);
        self.event(Words::new(if paused {
            "console-event-paused"
        } else {
            "console-event-running"
        }));
        self.deliver(out);
    }

    pub fn set_timer(&mut self, seconds: Option<f64>) {
        let out = self.host.set_timer(seconds);
        self.event(match seconds {
            Some(s) => Words::new("console-event-timer").plain("minutes", format!("{:.0}", s / 60.0)),
            None => Words::new("console-event-timer-off"),
        });
        self.deliver(out);
    }

    pub fn inject(&mut self, id: &str) -> Result<(), String> {
        self.host.inject(id)?;
        let timeline = self.host.simulation().world().resource::<crate::sim::Timeline>();
        let title = timeline
            .inject(id)
            .map(|(d, _)| d.title.clone())
            .unwrap_or_else(|_| id.to_string());
        self.event(Words::new("console-event-inject").text("title", title));
        Ok(())
    }

    pub fn announce(&mut self, text: &str) {
        let out = self.host.announce(text);
        self.deliver(out);
    }

    /// The teacher ends the class game: no more months; every team is told.
    pub fn end(&mut self) {
        let out = self.host.end();
        let month = self.host.month().to_string();
        self.event(Words::new("console-event-ended").plain("month", month));
        self.deliver(out);
        if let Err(e) = self.write() {
            self.event(Words::new("console-event-not-kept").plain("error", e.to_string()));
        }
    }
}

/// The scenario a Welcome names, found among `levels` by its hash (the file name may differ).
pub fn welcome_scenario(
    levels: &[(String, u64, PathBuf)],
    welcome: &ToTeam,
) -> Result<(Scenario, PathBuf), String> {
    let ToTeam::Welcome {
        scenario,
        scenario_hash,
        ..
    } = welcome
    else {
        return Err("not a welcome".into());
    };
    let (_, _, path) = levels
        .iter()
        .find(|(_, h, _)| h == scenario_hash)
        .ok_or_else(|| {
            Words::new("class-no-scenario")
                .plain("file", scenario.as_str())
                .to_string()
        })?;
    let s = crate::scenario::load_scenario(path).map_err(|d| d.to_string())?;
    Ok((s, path.clone()))
}

/// A team's connection: connects, says Hello, and hands the host's messages on.
pub struct Link {
    pub client: Client,
    pub levels: Vec<(String, u64, PathBuf)>,
    /// Sent once connected.
    hello: Option<ToHost>,
}

/// What the host said to a team that has not joined yet.
pub enum Joining {
    Welcome(ToTeam),
    Refused(String),
}

impl Link {
    /// Connect to the host at `address` to lead `side`, with the scenario files of `levels`.
    pub fn connect(
        address: &str,
        levels: &Path,
        side: &str,
        name: &str,
        password: &str,
    ) -> Result<Link, String> {
        let levels = scenario_files(levels);
        let list = levels.iter().map(|(n, h, _)| (n.clone(), *h)).collect();
        Ok(Link {
            client: Client::connect(address)?,
            levels,
            hello: Some(Seat::hello(list, side, name, password)),
        })
    }

    /// The host's messages as bytes (the Hello goes once connected). An error: the connection
    /// is gone, and why.
    pub fn pump(&mut self) -> Result<Vec<Vec<u8>>, String> {
        let msgs = self.client.pump()?;
        if self.client.connected()
            && let Some(hello) = self.hello.take()
        {
            self.client.send(&hello);
        }
        Ok(msgs)
    }

    /// A message before joining: the Welcome or the refusal (anything else waits).
    pub fn joining(bytes: &[u8]) -> Option<Joining> {
        match decode::<ToTeam>(bytes, MAX_STATE) {
            Ok(w @ ToTeam::Welcome { .. }) => Some(Joining::Welcome(w)),
            Ok(ToTeam::Refused { reason }) => Some(Joining::Refused(reason)),
            Ok(_) => None,
            Err(e) => Some(Joining::Refused(
                Words::new("class-host-sent").plain("error", e).to_string(),
            )),
        }
    }

    pub fn send(&mut self, msgs: Vec<ToHost>) {
        for m in &msgs {
            self.client.send(m);
        }
    }
}

/// A team's laptop without a window (`tradecraft join --headless`, tests): joins, then plays
/// the orders it is given, month by month.
pub struct TeamSession {
    pub link: Link,
    pub team: Option<Team>,
    pub scenario: Option<PathBuf>,
}

impl TeamSession {
    pub fn connect(
        address: &str,
        levels: &Path,
        side: &str,
        name: &str,
        password: &str,
    ) -> Result<TeamSession, String> {
        Ok(TeamSession {
            link: Link::connect(address, levels, side, name, password)?,
            team: None,
            scenario: None,
        })
    }

    /// Read the network and answer the host. An error: refused or disconnected.
    pub fn update(&mut self) -> Result<(), String> {
        let msgs = self.link.pump()?;
        let mut answers = Vec::new();
        for bytes in msgs {
            match &mut self.team {
                Some(team) => answers.extend(team.receive_bytes(&bytes)),
                None => match Link::joining(&bytes) {
                    Some(Joining::Welcome(w)) => {
                        let (scenario, path) = welcome_scenario(&self.link.levels, &w)?;
                        self.team = Some(Team::from_welcome(&scenario, &w)?);
                        self.scenario = Some(path);
                    }
                    Some(Joining::Refused(reason)) => {
                        let reason = super::wording::words_of(&reason, &|_| None);
                        return Err(crate::tr!(
                            "game-class-refused",
                            reason = reason.in_lang(crate::i18n::lang())
                        ));
                    }
                    None => {}
                },
            }
        }
        self.link.send(answers);
        Ok(())
    }

    /// Send this month's orders (each with its note) and Ready.
    pub fn play(&mut self, orders: Vec<(Command, String)>) {
        let Some(team) = &mut self.team else { return };
        let month = team.month();
        let mut out: Vec<ToHost> = orders
            .into_iter()
            .map(|(command, note)| ToHost::Order { month, command, note })
            .collect();
        out.push(ToHost::Ready { month });
        team.sent_ready = true;
        self.link.send(out);
    }

    /// Send a message to every team and the teacher.
    pub fn say(&mut self, text: &str) {
        self.link.send(vec![ToHost::Say { text: text.into() }]);
    }
}
