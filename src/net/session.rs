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
use crate::scenario::Scenario;

/// The host's laptop: the class game, its network, its files and its account of events.
pub struct HostSession {
    pub host: Host,
    pub server: Server,
    /// What happened, for the teacher (newest last): joins, refusals, orders, messages, months,
    /// desyncs.
    pub events: Vec<String>,
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
            s.events.push(format!("listening on port {}", addr.port()));
        }
        s
    }

    /// Read the network, answer, run the month when it is due, and write.
    pub fn update(&mut self, dt: Duration) {
        for event in self.server.pump() {
            match event {
                NetEvent::Connected(_) => {}
                NetEvent::Disconnected(id, why) => {
                    if let Some(side) = self.host.teams().get(&id) {
                        self.events.push(format!("{side} left ({why}): it can rejoin"));
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
                    self.events
                        .push(format!("{side} joined ({name}, laptop {id:x}) at month {month}"));
                }
                (To::One(_), ToTeam::Refused { reason }) => {
                    self.events.push(format!("a laptop was refused: {reason}"));
                }
                (
                    _,
                    ToTeam::Month {
                        month, months, hash, ..
                    },
                ) => {
                    let m = if *months == 1 {
                        format!("month {month}")
                    } else {
                        format!("months {month}–{}", month + months - 1)
                    };
                    self.events.push(format!("{m} ran; hash {hash:016x}"));
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
        for (month, side, label, text) in &self.host.notes[self.notes_seen..] {
            let what = if text.is_empty() {
                label.clone()
            } else {
                format!("{label}: \"{text}\"")
            };
            let name = self.host.speaker(side);
            let who = if self.host.team_name(side).is_some_and(|n| n != side) {
                format!("{side} ({name})")
            } else {
                name
            };
            let date = crate::sim::Clock {
                month: *month,
                ..clock.clone()
            }
            .date();
            self.events.push(format!("{date} {who}: {what}"));
        }
        self.notes_seen = self.host.notes.len();
        for (month, side, theirs, mine) in &self.host.desyncs[self.desyncs_seen..] {
            self.events.push(format!(
                "DESYNC in month {month}: {side} has {theirs:016x}, the host {mine:016x}; the host's state goes to {side}"
            ));
        }
        self.desyncs_seen = self.host.desyncs.len();
        let month = self.host.month();
        if month != self.last_month {
            self.last_month = month;
            let total = self.server.sent + self.server.received;
            self.bytes_per_month.push((month, total - self.bytes_at_month));
            self.bytes_at_month = total;
            if let Err(e) = self.write() {
                self.events.push(format!("could not keep the game on disk: {e}"));
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
            "// The class game's commands. Replay: tradecraft sim levels/{} --seed {} {sides} --months {} --commands class.commands.ron\n",
            record.scenario,
            record.seed,
            record.month - record.start
        );
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
        self.events
            .push(if paused { "timer paused" } else { "timer running" }.into());
        self.deliver(out);
    }

    pub fn set_timer(&mut self, seconds: Option<f64>) {
        let out = self.host.set_timer(seconds);
        self.events.push(match seconds {
            Some(s) => format!("timer: {:.0} minutes a turn", s / 60.0),
            None => "timer off: a turn waits for every team".into(),
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
        self.events
            .push(format!("inject \"{title}\" fires with the next month"));
        Ok(())
    }

    pub fn announce(&mut self, text: &str) {
        let out = self.host.announce(text);
        self.deliver(out);
    }

    /// The teacher ends the class game: no more months; every team is told.
    pub fn end(&mut self) {
        let out = self.host.end();
        self.events.push(format!(
            "the teacher ended the game at month {}",
            self.host.month()
        ));
        self.deliver(out);
        if let Err(e) = self.write() {
            self.events.push(format!("could not keep the game on disk: {e}"));
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
            format!("the host plays {scenario}, which this laptop does not have: copy it into levels/")
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
            Err(e) => Some(Joining::Refused(format!("the host sent {e}"))),
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
                    Some(Joining::Refused(reason)) => return Err(format!("refused: {reason}")),
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
