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
//! player's queue, so a replay takes the same path bit for bit. This file is the protocol: its
//! messages, their encoding and limits, the class's rules and its record. Its two state machines
//! are `host.rs` and `seat.rs`, without a transport (tests pump the messages in memory);
//! `transport.rs` carries the same messages over the network.

use serde::{Deserialize, Serialize};

use crate::command::{Command, ScheduledCommand};

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
        /// The scenario files this laptop has: (file name, `scenario_hash` of its text). The
        /// host's must be among them.
        scenarios: Vec<(String, u64)>,
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
    /// A message to every team and the teacher (logged).
    Say { text: String },
}

/// The host's messages to teams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToTeam {
    /// Joined: build the scenario (the file of this name and hash) with this seed and these
    /// human sides, run the log to `month`; the class plays by `rules`.
    Welcome {
        scenario: String,
        scenario_hash: u64,
        rules: Rules,
        /// The months before this one ran on history and the AI (a class that starts later).
        start: u32,
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
    /// What a team told the others (a message, or the note with a negotiating order) or the
    /// teacher announced (`side` is `command::TEACHER`). A note comes with its order, which each
    /// laptop words in its own language (absent from a message).
    Said {
        month: u32,
        side: String,
        name: String,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        order: Option<Command>,
    },
    /// The teacher paused the turn's timer (or let it run again).
    Paused { paused: bool },
    /// The teacher ended the class game at `month`.
    Over { month: u32 },
}

/// The longest message or note, characters.
pub const MAX_TEXT: usize = 500;
/// Orders and messages one side may send in a month (a busy team sends a dozen): past it the
/// host refuses more until the next month, so one laptop cannot swell the log every team is
/// sent on joining and the class record.
pub const MAX_SENT: usize = 60;
/// The longest order, in bytes of its RON text (the longest the game makes is under 400: an
/// offer with its carve-outs); longer, its ids cannot be any scenario's.
pub const MAX_ORDER: usize = 2048;

/// Orders whose note is addressed to the other side, and so goes to every team.
pub fn negotiating(command: &Command) -> bool {
    matches!(
        command,
        Command::OpenNegotiation { .. }
            | Command::MakeOffer { .. }
            | Command::AcceptOffer { .. }
            | Command::RejectOffer { .. }
            | Command::Statement { .. }
    )
}

/// The messages as bytes (RON: readable in a packet log).
pub fn encode<T: Serialize>(msg: &T) -> Vec<u8> {
    ron::to_string(msg).unwrap_or_default().into_bytes()
}

/// Bytes from the network as a message: oversized, non-UTF-8 or malformed input is an error,
/// never a panic.
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8], max: usize) -> Result<T, String> {
    use crate::i18n::Words;
    if bytes.len() > max {
        return Err(Words::new("class-bad-size")
            .plain("bytes", bytes.len().to_string())
            .plain("max", max.to_string())
            .to_string());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Words::new("class-bad-text")
            .plain("error", e.to_string())
            .to_string()
    })?;
    ron::from_str(text).map_err(|e| {
        Words::new("class-bad-form")
            .plain("error", e.to_string())
            .to_string()
    })
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

/// Version of the class record's format.
pub const CLASS_RECORD_VERSION: u32 = 1;

/// What it takes to resume a class game after the host's laptop restarts: the scenario (file
/// name and hash), seed, sides, rules, how far it got and every month's commands. The host
/// writes it every month (`tradecraft host --resume FILE`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassRecord {
    pub version: u32,
    pub scenario: String,
    pub scenario_hash: u64,
    pub seed: u64,
    pub sides: Vec<String>,
    pub rules: Rules,
    /// The month the teams took over (`Host::starting_at`).
    #[serde(default)]
    pub start: u32,
    pub month: u32,
    pub turns: u32,
    /// The teacher ended the game.
    #[serde(default)]
    pub ended: bool,
    pub log: Vec<ScheduledCommand>,
}

/// The scenario files in `dir` (skipping history and commands files): name, hash of the text,
/// path. A team's Hello lists them; the host's Welcome names the one to play.
pub fn scenario_files(dir: &std::path::Path) -> Vec<(String, u64, std::path::PathBuf)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let scenario =
                name.ends_with(".ron") && !name.ends_with(".history.ron") && !name.ends_with(".commands.ron");
            let text = std::fs::read_to_string(&p).ok().filter(|_| scenario)?;
            Some((name, scenario_hash(&text), p))
        })
        .collect();
    out.sort();
    out
}
