//! The `tradecraft` command line: play (GUI), sim (headless), check (validate files),
//! validate-model (the model against reference experiments from the literature).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::scenario::{self, Diagnostics, Rung, Scenario};

pub mod batch;
pub mod class;
pub mod debrief;
mod output;
mod summary;
mod validate_model;

use crate::sim::*;
use output::*;
pub use output::{records_csv, wide_csv};
pub use summary::summary;
pub use validate_model::{DEFAULT_CASES, ValidateArgs, validate_model};

#[derive(Parser, Debug)]
#[command(
    name = "tradecraft",
    version,
    about = "Economic statecraft between allies: a strategy game and teaching tool"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Cmd>,
    /// The language of what the program writes for people: en (the default) or ja. With
    /// `check`, also list each scenario's texts that have no Japanese yet.
    #[arg(long, global = true)]
    pub lang: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Start the game window (the default when no command is given).
    Play(PlayArgs),
    /// Run a scenario headless and print a summary and the state hash.
    Sim(SimArgs),
    /// Validate scenario and commands files; exit 1 if any has an error.
    Check {
        files: Vec<PathBuf>,
        /// Check commands files' ids against this scenario.
        #[arg(long)]
        scenario: Option<PathBuf>,
    },
    /// Run the reference experiments (validation/cases) and print observed against model
    /// figures with their bands; exit 1 if a case leaves its band, 2 if a case file is bad.
    ValidateModel(ValidateArgs),
    /// Host a class game on the local network: teams join from their laptops, the teacher's
    /// console steers (`--headless`: in the terminal).
    Host(class::HostArgs),
    /// Join a class game on the local network, leading one side.
    Join(class::JoinArgs),
    /// Run every seed under every policy (commands file) in parallel; write runs.csv and print
    /// each policy's score percentiles and the chance each dispute goes public.
    Batch(batch::BatchArgs),
    /// Several runs of one scenario (saved games, `sim --out` folders, class games, commands
    /// files) into one HTML page: scores, each dispute's ladder, the key series beside
    /// history's, and the decisions where the runs parted ways.
    Debrief(debrief::DebriefArgs),
    /// Print every model parameter a scenario's `parameters` may set: name, default, accepted
    /// range, meaning and source (Markdown, as in levels/README.md).
    Parameters,
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = match cli.lang.as_deref().map(crate::i18n::Lang::parse).transpose() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("--lang: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(l) = lang {
        crate::i18n::set_lang(l);
    }
    match cli.command {
        None => menu(lang),
        Some(Cmd::Play(args)) => play(args, lang),
        Some(Cmd::Check { files, scenario }) => check(&files, scenario.as_deref(), lang),
        Some(Cmd::ValidateModel(args)) => validate_model(args),
        Some(Cmd::Parameters) => {
            print!("{}", crate::scenario::parameters::markdown());
            ExitCode::SUCCESS
        }
        Some(Cmd::Host(args)) => class::host(args, lang),
        Some(Cmd::Batch(args)) => batch::batch(args),
        Some(Cmd::Debrief(args)) => debrief::debrief(args),
        Some(Cmd::Join(args)) => class::join(args, lang),
        Some(Cmd::Sim(args)) => match sim(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        },
    }
}

/// What `play` was asked for (also what the bare command starts: the menu).
#[derive(clap::Args, Debug)]
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
pub struct PlayArgs {
    /// Scenario to open directly (otherwise the main menu lists levels/).
    scenario: Option<PathBuf>,
    /// State id of the side to lead, e.g. JPN or USA.
    #[arg(long)]
    side: Option<String>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Advance this many months, save a screenshot and exit (for smoke tests).
    #[arg(long)]
    smoke_months: Option<u32>,
    /// Where --smoke-months writes its screenshot.
    #[arg(long, default_value = "screenshot.png")]
    screenshot: PathBuf,
    /// With --smoke-months: a window or tab to show before the screenshot, for the
    /// documentation's pictures (`forecast`: the negotiation window and its offer's forecast,
    /// which runs while the frames are timed).
    #[arg(long, value_parser = ["negotiation", "forecast", "help", "glossary", "settings", "industries", "relations", "handover"])]
    smoke_window: Option<String>,
    /// With --smoke-months: frames to draw after the last month before the screenshot;
    /// the frame-time figures (p50, p95) are taken over these frames.
    #[arg(long, default_value_t = 30)]
    smoke_frames: u32,
    /// Every side of the scenario at this laptop, taking turns (--side starts).
    #[arg(long)]
    hotseat: bool,
    /// Replay a commands file (history's decisions, a class game's class.commands.ron) month by
    /// month, the --side state following it until you press Take over from here.
    #[arg(long, requires = "scenario")]
    replay: Option<PathBuf>,
}

#[cfg(feature = "gui")]
fn play(a: PlayArgs, lang: Option<crate::i18n::Lang>) -> ExitCode {
    crate::ui::run(crate::ui::Launch {
        scenario: a.scenario,
        side: a.side,
        seed: a.seed,
        smoke_months: a.smoke_months,
        screenshot: a.screenshot,
        smoke_window: a.smoke_window,
        smoke_frames: a.smoke_frames,
        hotseat: a.hotseat,
        join: None,
        replay: a.replay,
        lang,
    })
}

/// The bare command: the main menu (`ui::Launch::default`).
#[cfg(feature = "gui")]
fn menu(lang: Option<crate::i18n::Lang>) -> ExitCode {
    crate::ui::run(crate::ui::Launch {
        lang,
        ..crate::ui::Launch::default()
    })
}

#[cfg(not(feature = "gui"))]
fn menu(_: Option<crate::i18n::Lang>) -> ExitCode {
    play_without_window()
}

#[cfg(not(feature = "gui"))]
fn play(_: PlayArgs, _: Option<crate::i18n::Lang>) -> ExitCode {
    play_without_window()
}

#[cfg(not(feature = "gui"))]
fn play_without_window() -> ExitCode {
    eprintln!(
        "this build of tradecraft has no window: it was built without the `gui` feature.\n\
         Build and start the game with `cargo run --release` (the feature is on by default),\n\
         or run a scenario headless with `tradecraft sim levels/2025_tariff_shock.ron`."
    );
    ExitCode::from(2)
}

/// Validate files; a file is a commands file when its text is a list. With a language other than
/// English, also list each scenario's texts that have none in it (not an error: they show in
/// English).
pub fn check(files: &[PathBuf], scenario: Option<&Path>, lang: Option<crate::i18n::Lang>) -> ExitCode {
    if files.is_empty() {
        eprintln!("usage: tradecraft check FILE... (scenarios and commands files)");
        return ExitCode::from(2);
    }
    let mut ok = true;
    let base: Option<Scenario> = match scenario {
        Some(p) => match scenario::load_scenario(p) {
            Ok(s) => Some(s),
            Err(d) => {
                eprintln!("{d}");
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    for f in files {
        let result = scenario::read_text(f).and_then(|src| {
            let name = f.display().to_string();
            if scenario::looks_like_commands(&src) {
                // `X.history.ron` and `X.commands.ron` are checked against `X.ron` beside them.
                let sibling = base.is_none().then(|| sibling_scenario(f)).flatten();
                let against = base.as_ref().or(sibling.as_ref());
                scenario::parse_commands(&src, &name, against).map(|c| {
                    let ids = if against.is_some() {
                        ""
                    } else {
                        "; ids not checked: give --scenario"
                    };
                    format!("{} commands{ids}", c.len())
                })
            } else {
                scenario::parse_scenario(&src, &name).map(|s| {
                    let mut what = format!(
                        "scenario \"{}\", {} states, {} sectors, {} months",
                        s.meta.title,
                        s.states.len(),
                        s.sectors.len(),
                        s.meta.months
                    );
                    if lang == Some(crate::i18n::Lang::Ja) {
                        let missing = s.missing_japanese();
                        let all = s.texts().len();
                        what.push_str(&format!("; Japanese: {} of {all} texts", all - missing.len()));
                        for place in missing {
                            what.push_str(&format!("\n  no Japanese: {place}"));
                        }
                    }
                    what
                })
            }
        });
        match result {
            Ok(what) => println!("{}: ok ({what})", f.display()),
            Err(d) => {
                ok = false;
                eprintln!("{d}");
            }
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// The scenario a commands file belongs to by name: `X.history.ron` → `X.ron`.
fn sibling_scenario(f: &Path) -> Option<Scenario> {
    let name = f.file_name()?.to_str()?;
    let stem = name
        .strip_suffix(".history.ron")
        .or_else(|| name.strip_suffix(".commands.ron"))?;
    scenario::load_scenario(&f.with_file_name(format!("{stem}.ron"))).ok()
}

#[derive(clap::Args, Debug)]
pub struct SimArgs {
    /// Scenario file (not needed with --resume).
    pub scenario: Option<PathBuf>,
    /// Months to run (default: the rest of the scenario).
    #[arg(long)]
    pub months: Option<u32>,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Commands file to apply at its months (replays, scripted policies).
    #[arg(long)]
    pub commands: Option<PathBuf>,
    /// Follow --commands up to this month (scenario month, 0 = the first), then let the --side
    /// states go their own way: their entries from this month on are dropped ("what if Japan
    /// had retaliated in April 2025?").
    #[arg(long, requires = "commands")]
    pub branch_at: Option<u32>,
    /// With --branch-at: the --side states' commands from the branch month on.
    #[arg(long, requires = "branch_at")]
    pub then: Option<PathBuf>,
    /// Directory for history.csv, causes.csv, news.csv, commands.csv, units.csv and final.ron.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// With --out: also write history_wide.csv, one row per month and one column per
    /// entity:indicator (for spreadsheets).
    #[arg(long, requires = "out")]
    pub wide: bool,
    /// Continue from a snapshot written by --out (final.ron).
    #[arg(long)]
    pub resume: Option<PathBuf>,
    /// A state people lead: the AI leaves it alone and its scripted historical decisions do not
    /// fire. Repeat it for a class game's replay (`--side JPN --side USA`).
    #[arg(long)]
    pub side: Vec<String>,
    /// The month the --side states take over: the months before run as history had them
    /// (the replay of a class game that started later: `tradecraft host --start`).
    #[arg(long, default_value_t = 0, requires = "side")]
    pub start: u32,
    /// Print only the state hash.
    #[arg(long)]
    pub quiet: bool,
}

/// A branch from `history` at month `m`: its entries before `m` as they are, then the --side
/// states' own way (`then`'s entries, all from `m` on); the other states' entries stay.
fn branch(
    history: Vec<crate::command::ScheduledCommand>,
    m: u32,
    sides: &[String],
    then: Option<&Path>,
    s: &Scenario,
) -> Result<Vec<crate::command::ScheduledCommand>, String> {
    if sides.is_empty() {
        return Err("--branch-at needs --side: the states that go their own way from that month".into());
    }
    if m >= s.meta.months as u32 {
        return Err(format!(
            "--branch-at {m}: the scenario has months 0 to {}",
            s.meta.months - 1
        ));
    }
    let mut out: Vec<_> = history
        .into_iter()
        .filter(|c| c.month < m || !sides.contains(&c.by))
        .collect();
    if let Some(path) = then {
        let own = scenario::load_commands(path, Some(s)).map_err(show)?;
        if let Some(early) = own.iter().find(|c| c.month < m) {
            return Err(format!(
                "{}: an order for month {} is before the branch at month {m}; the months before follow --commands",
                path.display(),
                early.month
            ));
        }
        out.extend(own);
    }
    out.sort_by_key(|c| c.month);
    Ok(out)
}

fn show(d: Diagnostics) -> String {
    d.to_string()
}

pub fn sim(a: SimArgs) -> Result<(), String> {
    let (mut sim, origin) = match (&a.resume, &a.scenario) {
        (Some(_), _) if !a.side.is_empty() => {
            return Err("--side starts a new run; a resumed run keeps the sides it was saved with".into());
        }
        (Some(path), _) => {
            let snap = crate::save::load(path).map_err(show)?;
            let sim = crate::save::restore(&snap)?;
            let at = sim.world().resource::<Clock>().date();
            (sim, RunSource::Resumed(format!("{} (at {at})", path.display())))
        }
        (None, Some(path)) => {
            let s = scenario::load_scenario(path).map_err(show)?;
            if i64::from(a.start) >= s.meta.months && a.start > 0 {
                return Err(format!(
                    "--start {} is past the scenario's end ({} months): start at a month before it",
                    a.start, s.meta.months
                ));
            }
            let sim = if a.start > 0 {
                let mut sim = Simulation::with_sides(&s, a.seed, &[])?;
                sim.run(a.start);
                crate::sim::setup::hand_over(sim.world_mut(), &a.side)?;
                sim
            } else {
                Simulation::with_sides(&s, a.seed, &a.side)?
            };
            (sim, RunSource::File(path.display().to_string()))
        }
        (None, None) => return Err("give a scenario file, or --resume SNAPSHOT".into()),
    };
    let mut later = None;
    if let Some(path) = &a.commands {
        let s = sim.world().resource::<crate::sim::ScenarioDef>().0.clone();
        let cmds = scenario::load_commands(path, Some(&s)).map_err(show)?;
        if let Some(m) = a.branch_at {
            later = Some((m, branch(cmds.clone(), m, &a.side, a.then.as_deref(), &s)?));
        }
        sim.set_script(cmds);
    }
    let clock = sim.world().resource::<Clock>().clone();
    let months = a.months.unwrap_or(clock.length.saturating_sub(clock.month));
    match later {
        Some((m, _)) if m < clock.month => {
            return Err(format!(
                "--branch-at {m}: the run starts at month {} (a resumed or later start), after the branch",
                clock.month
            ));
        }
        // The branch takes over when its month runs: up to then the run is the file's, hash
        // and all (its script included).
        Some((m, script)) if u64::from(m) < u64::from(clock.month) + u64::from(months) => {
            sim.run(m - clock.month);
            sim.set_script(script);
            sim.run(months - (m - clock.month));
        }
        _ => sim.run(months),
    }
    if let Some(dir) = &a.out {
        write_out(&mut sim, dir, &origin, a.wide)?;
    }
    let hash = sim.state_hash();
    let mut text = if a.quiet { String::new() } else { summary(&mut sim) };
    text += &format!("state-hash: {hash:016x}\n");
    // A reader that stops early (`tradecraft sim … | head`) ends the output, not the program.
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("stdout: {e}")),
        _ => Ok(()),
    }
}
