//! `tradecraft host` and `tradecraft join`: a class game on the local network. With the `gui`
//! feature they open the teacher's console and a team's game window; `--headless` (and a build
//! without the feature) runs them in the terminal: the host reads the teacher's commands from
//! the keyboard, a team plays a commands file (a scripted team, for tests and rehearsals).

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::net::host::Host;
use crate::net::lockstep::{self, ClassRecord, Rules};
use crate::net::session::{HostSession, TeamSession};
use crate::net::transport::{DEFAULT_PORT, Server};
use crate::net::wording::words_of;
// Every line printed with what came from other laptops in it (a team's name, a note, a
// version string, a host's reason) goes through it: no peer sends escape sequences here.
use crate::scenario::{Scenario, levels_dir};
use crate::tr;
use crate::words::printable as terminal;

#[derive(clap::Args, Debug, Clone)]
pub struct HostArgs {
    /// Scenario file (not needed with --resume).
    pub scenario: Option<PathBuf>,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// UDP port teams connect to (allow it in the firewall).
    #[arg(long, default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// What teams must give to join (a classroom gate: it travels unencrypted).
    #[arg(long, default_value = "")]
    pub password: String,
    /// The sides teams lead (repeat it); the default is every playable side of the scenario.
    #[arg(long)]
    pub side: Vec<String>,
    /// Months a turn: 1, or 3 (a quarter) to fit 36 months in a lesson.
    #[arg(long, default_value_t = 1)]
    pub months_per_turn: u32,
    /// The last turn (the default: the scenario's end).
    #[arg(long)]
    pub turns: Option<u32>,
    /// Minutes a turn may take before the month runs anyway (the default: no timer).
    #[arg(long)]
    pub minutes: Option<f64>,
    /// The month the teams take over; the months before run as history had them.
    #[arg(long, default_value_t = 0)]
    pub start: u32,
    /// Where the class game is kept every month (class.ron to resume, class.commands.ron to
    /// replay, autosaves).
    #[arg(long, default_value = "class-game")]
    pub out: PathBuf,
    /// Resume a class game from its class.ron; teams rejoin.
    #[arg(long)]
    pub resume: Option<PathBuf>,
    /// No console window: events are printed, the teacher types commands (help lists them).
    #[arg(long)]
    pub headless: bool,
}

#[derive(clap::Args, Debug, Clone)]
pub struct JoinArgs {
    /// The host's address, as the teacher's console shows it: 192.168.1.20 or 192.168.1.20:5150.
    pub address: String,
    /// The side your team leads, e.g. JPN or USA.
    #[arg(long)]
    pub side: String,
    /// Your team's name, shown to the teacher and the other teams.
    #[arg(long, default_value = "")]
    pub name: String,
    #[arg(long, default_value = "")]
    pub password: String,
    /// Where your scenario files are (the host's must be among them).
    #[arg(long)]
    pub levels: Option<PathBuf>,
    /// No window: play the orders of a commands file (your side's entries), then Ready, each
    /// month; print the state hash at the end.
    #[arg(long)]
    pub headless: bool,
    /// With --headless: the orders to play (a commands file).
    #[arg(long, requires = "headless")]
    pub commands: Option<PathBuf>,
}

/// A class game's record (`class.ron`) and the scenario it played: the file given, or the file
/// of the record's hash in levels/. Refused with a message when either is missing, newer or
/// changed.
pub fn load_record(r: &Path, given: Option<&Path>) -> Result<(Scenario, ClassRecord), String> {
    let text = crate::scenario::read_text(r).map_err(|d| d.to_string())?;
    let record: ClassRecord = ron::from_str(&text).map_err(|e| {
        tr!(
            "console-cli-record-bad",
            at = format!("{}:{}:{}", r.display(), e.span.start.line, e.span.start.col),
            error = e.code.to_string()
        )
    })?;
    if record.version > lockstep::CLASS_RECORD_VERSION {
        return Err(tr!("console-cli-record-newer", file = r.display().to_string()));
    }
    let path = match given {
        Some(p) => p.to_path_buf(),
        None => lockstep::scenario_files(&levels_dir())
            .into_iter()
            .find(|(_, h, _)| *h == record.scenario_hash)
            .map(|f| f.2)
            .ok_or_else(|| {
                tr!(
                    "console-cli-record-missing",
                    file = record.scenario.as_str(),
                    dir = levels_dir().display().to_string()
                )
            })?,
    };
    let text = crate::scenario::read_text(&path).map_err(|d| d.to_string())?;
    if lockstep::scenario_hash(&text) != record.scenario_hash {
        return Err(tr!(
            "console-cli-record-changed",
            path = path.display().to_string(),
            file = record.scenario.as_str()
        ));
    }
    let scenario =
        crate::scenario::parse_scenario(&text, &path.display().to_string()).map_err(|d| d.to_string())?;
    // Its Japanese, for the console and the account (`Scenario::teach`).
    scenario.teach();
    Ok((scenario, record))
}

/// The class game the host's arguments describe, before any team joins.
pub fn build_host(a: &HostArgs) -> Result<Host, String> {
    if let Some(r) = &a.resume {
        let (scenario, record) = load_record(r, a.scenario.as_deref())?;
        return Host::resume(&scenario, &record, &a.password);
    }
    let Some(path) = &a.scenario else {
        return Err(tr!("console-cli-give-scenario"));
    };
    let text = crate::scenario::read_text(path).map_err(|d| d.to_string())?;
    let scenario =
        crate::scenario::parse_scenario(&text, &path.display().to_string()).map_err(|d| d.to_string())?;
    // Its Japanese, for the console and the account (`Scenario::teach`).
    scenario.teach();
    let file = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let sides = if a.side.is_empty() {
        scenario.meta.sides.clone()
    } else {
        a.side.clone()
    };
    let rules = Rules {
        months_per_turn: a.months_per_turn,
        turns: a.turns,
        seconds_per_turn: a.minutes.map(|m| m * 60.0),
    };
    let host = Host::new(
        &scenario,
        lockstep::scenario_hash(&text),
        a.seed,
        sides,
        &a.password,
    )?
    .with_rules(rules)?
    .with_file(&file);
    if a.start > 0 {
        host.starting_at(&scenario, a.start)
    } else {
        Ok(host)
    }
}

/// A class game's sentence (English, as the host and the network make it) in the current
/// language, fit for the terminal.
fn say(english: &str) -> String {
    terminal(&words_of(english, &|_| None).in_lang(crate::i18n::lang()))
}

/// `tradecraft host`: in the language of `--lang` (`lang`); the console's window, without it,
/// in its settings'.
pub fn host(a: HostArgs, lang: Option<crate::i18n::Lang>) -> ExitCode {
    #[cfg(not(feature = "gui"))]
    let _ = lang;
    let host = match build_host(&a) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("{}", say(&e));
            return ExitCode::from(1);
        }
    };
    let server = match Server::bind(a.port) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", say(&e));
            return ExitCode::from(1);
        }
    };
    let session = HostSession::new(host, server, Some(a.out.clone()));
    #[cfg(feature = "gui")]
    if !a.headless {
        return crate::ui::console::run(session, a.port, lang);
    }
    host_headless(session, a.port)
}

fn host_headless(mut s: HostSession, port: u16) -> ExitCode {
    let or = format!(" {} ", tr!("console-or"));
    println!(
        "{}",
        tr!(
            "console-cli-join-at",
            addresses = crate::net::transport::addresses(port).join(&or)
        )
    );
    println!("{}", tr!("console-cli-help"));
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut shown = 0;
    let mut last = Instant::now();
    let mut over_since: Option<Instant> = None;
    loop {
        std::thread::sleep(Duration::from_millis(10));
        let dt = last.elapsed();
        last = Instant::now();
        s.update(dt);
        while let Ok(line) = rx.try_recv() {
            teacher(&mut s, line.trim());
        }
        for e in &s.events[shown..] {
            println!("{}", terminal(&e.text()));
        }
        shown = s.events.len();
        // Over: a few seconds for the last month to reach every team, then stop.
        if s.host.over() {
            let since = *over_since.get_or_insert_with(Instant::now);
            if since.elapsed() > Duration::from_secs(3) {
                let hash = s.host.simulation().state_hash();
                println!(
                    "{}",
                    tr!(
                        "console-cli-over",
                        month = s.host.month().to_string(),
                        hash = format!("{hash:016x}")
                    )
                );
                if let Some(dir) = &s.dir {
                    println!("{}", tr!("console-cli-kept", dir = dir.display().to_string()));
                }
                s.server.close();
                return ExitCode::SUCCESS;
            }
        }
    }
}

/// One command of the teacher's, typed in the terminal.
fn teacher(s: &mut HostSession, line: &str) {
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    match word {
        "" => {}
        "next" => s.force_month(),
        "pause" => s.pause(true),
        "go" => s.pause(false),
        "end" => s.end(),
        "say" => s.announce(rest),
        "inject" => {
            if let Err(e) = s.inject(rest.trim()) {
                println!("{}", say(&e));
            }
        }
        "injects" => {
            let timeline = s
                .host
                .simulation()
                .world()
                .resource::<crate::sim::Timeline>()
                .clone();
            for i in &timeline.injects {
                let key = if timeline.injected.contains(&i.id) {
                    "console-cli-inject-fired"
                } else {
                    "console-cli-inject"
                };
                let title = crate::i18n::local(&i.title);
                println!("  {}", tr!(key, id = i.id.as_str(), title = title));
            }
        }
        "status" => {
            let h = &s.host;
            let status = tr!(
                if h.paused() {
                    "console-cli-status-paused"
                } else {
                    "console-cli-status"
                },
                month = h.month().to_string(),
                teams = format!("{:?}", h.teams().values().collect::<Vec<_>>()),
                ready = format!("{:?}", h.ready()),
                left = match (crate::i18n::lang(), h.seconds_left()) {
                    (crate::i18n::Lang::En, left) => format!("{:?}", left.map(|x| x.round())),
                    (_, Some(left)) => left.round().to_string(),
                    (_, None) => tr!("console-timer-off"),
                }
            );
            println!("{status}");
        }
        _ => println!("{}", tr!("console-cli-help")),
    }
}

/// `tradecraft join`: in the language of `--lang` (`lang`); the game's window, without it, in
/// its settings'.
pub fn join(a: JoinArgs, lang: Option<crate::i18n::Lang>) -> ExitCode {
    #[cfg(not(feature = "gui"))]
    let _ = lang;
    let levels = a.levels.clone().unwrap_or_else(levels_dir);
    #[cfg(feature = "gui")]
    if !a.headless {
        return crate::ui::run_team(
            a.address.clone(),
            a.side.clone(),
            a.name.clone(),
            a.password.clone(),
            levels,
            lang,
        );
    }
    match join_headless(&a, &levels) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", say(&e));
            ExitCode::from(1)
        }
    }
}

fn join_headless(a: &JoinArgs, levels: &std::path::Path) -> Result<(), String> {
    let mut s = TeamSession::connect(&a.address, levels, &a.side, &a.name, &a.password)?;
    let mut script: Option<Vec<crate::command::ScheduledCommand>> = None;
    let mut heard = 0;
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(5));
        s.update()?;
        let Some(team) = &mut s.team else {
            if started.elapsed() > Duration::from_secs(20) && !s.link.client.connected() {
                return Err(tr!("class-cli-no-answer", host = s.link.client.host.to_string()));
            }
            continue;
        };
        if script.is_none() {
            let scenario = team
                .simulation()
                .world()
                .resource::<crate::sim::ScenarioDef>()
                .0
                .clone();
            script = Some(match &a.commands {
                Some(p) => crate::scenario::load_commands(p, Some(&scenario)).map_err(|d| d.to_string())?,
                None => Vec::new(),
            });
            let month = team.month().to_string();
            println!(
                "{}",
                tr!("class-cli-joined", side = team.side.as_str(), month = month)
            );
        }
        let names = crate::sim::lookup::all_names(team.simulation().world_mut());
        let name = |id: &str| crate::i18n::local(names.get(id).map_or(id, String::as_str));
        let orders = team
            .orders_heard
            .iter()
            .skip(heard)
            .chain(std::iter::repeat(&None));
        for ((m, side, who, text), order) in team.heard[heard..].iter().zip(orders) {
            let text = match order {
                Some(c) => tr!(
                    "class-order-note",
                    order = c.label_with(&name),
                    note = text.as_str()
                ),
                None => text.clone(),
            };
            let line = tr!(
                "class-cli-heard",
                month = m.to_string(),
                name = who.as_str(),
                side = side.as_str(),
                text = text
            );
            println!("{}", terminal(&line));
        }
        heard = team.heard.len();
        if !team.notice.is_empty() {
            let english = std::mem::take(&mut team.notice);
            let notice = crate::net::wording::in_reader(team.simulation().world(), &english);
            println!("{}", terminal(&tr!("game-class-host-says", notice = notice)));
        }
        if team.over {
            let hash = team.simulation().state_hash();
            println!(
                "{}",
                tr!(
                    "class-cli-over",
                    month = team.month().to_string(),
                    hash = format!("{hash:016x}")
                )
            );
            s.link.client.disconnect();
            return Ok(());
        }
        if !team.sent_ready {
            let month = team.month();
            let side = team.side.clone();
            let orders = script
                .iter()
                .flatten()
                .filter(|c| c.month == month && c.by == side)
                .map(|c| (c.command.clone(), String::new()))
                .collect();
            s.play(orders);
        }
    }
}

#[cfg(test)]
mod tests {
    /// An escape sequence in a team's name or note reaches the terminal as plain spaces.
    #[test]
    fn control_characters_never_reach_the_terminal() {
        let line = super::terminal("Team \u{1b}]0;pwned\u{7}\u{1b}[2J\nJPN joined\u{9b}");
        assert!(!line.chars().any(char::is_control), "{line:?}");
        assert!(line.starts_with("Team  ]0;pwned  [2J JPN joined"), "{line:?}");
    }
}
