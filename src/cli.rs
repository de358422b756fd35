//! The `tradecraft` command line: play (GUI), sim (headless), check (validate files).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::scenario::{self, Diagnostics, Scenario};
use crate::sim::*;

#[derive(Parser, Debug)]
#[command(
    name = "tradecraft",
    version,
    about = "Economic statecraft between allies: a strategy game and teaching tool"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Start the game window (the default when no command is given).
    Play {
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
        /// documentation's pictures.
        #[arg(long, value_parser = ["negotiation", "help", "glossary", "settings", "industries", "relations"])]
        smoke_window: Option<String>,
    },
    /// Run a scenario headless and print a summary and the state hash.
    Sim(SimArgs),
    /// Validate scenario and commands files; exit 1 if any has an error.
    Check {
        files: Vec<PathBuf>,
        /// Check commands files' ids against this scenario.
        #[arg(long)]
        scenario: Option<PathBuf>,
    },
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
    match cli.command {
        None => play(None, None, 1, None, PathBuf::from("screenshot.png"), None),
        Some(Cmd::Play {
            scenario,
            side,
            seed,
            smoke_months,
            screenshot,
            smoke_window,
        }) => play(scenario, side, seed, smoke_months, screenshot, smoke_window),
        Some(Cmd::Check { files, scenario }) => check(&files, scenario.as_deref()),
        Some(Cmd::Sim(args)) => match sim(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        },
    }
}

#[cfg(feature = "gui")]
fn play(
    scenario: Option<PathBuf>,
    side: Option<String>,
    seed: u64,
    smoke: Option<u32>,
    shot: PathBuf,
    window: Option<String>,
) -> ExitCode {
    crate::ui::run(crate::ui::Launch {
        scenario,
        side,
        seed,
        smoke_months: smoke,
        screenshot: shot,
        smoke_window: window,
    })
}

#[cfg(not(feature = "gui"))]
fn play(
    _: Option<PathBuf>,
    _: Option<String>,
    _: u64,
    _: Option<u32>,
    _: PathBuf,
    _: Option<String>,
) -> ExitCode {
    eprintln!(
        "this build of tradecraft has no window: it was built without the `gui` feature.\n\
         Build and start the game with `cargo run --release` (the feature is on by default),\n\
         or run a scenario headless with `tradecraft sim levels/2025_tariff_shock.ron`."
    );
    ExitCode::from(2)
}

/// Validate files; a file is a commands file when its text is a list.
pub fn check(files: &[PathBuf], scenario: Option<&Path>) -> ExitCode {
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
                    format!(
                        "scenario \"{}\", {} states, {} sectors, {} months",
                        s.meta.title,
                        s.states.len(),
                        s.sectors.len(),
                        s.meta.months
                    )
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
    /// State the player leads: its scripted historical decisions do not fire.
    #[arg(long)]
    pub side: Option<String>,
    /// Print only the state hash.
    #[arg(long)]
    pub quiet: bool,
}

fn show(d: Diagnostics) -> String {
    d.to_string()
}

pub fn sim(a: SimArgs) -> Result<(), String> {
    let (mut sim, origin) = match (&a.resume, &a.scenario) {
        (Some(path), _) => {
            let snap = crate::save::load(path).map_err(show)?;
            let sim = crate::save::restore(&snap)?;
            let at = sim.world().resource::<Clock>().date();
            (sim, RunSource::Resumed(format!("{} (at {at})", path.display())))
        }
        (None, Some(path)) => {
            let s = scenario::load_scenario(path).map_err(show)?;
            let sim = Simulation::new(&s, a.seed, a.side.as_deref())?;
            (sim, RunSource::File(path.display().to_string()))
        }
        (None, None) => return Err("give a scenario file, or --resume SNAPSHOT".into()),
    };
    if let Some(path) = &a.commands {
        let s = sim.world().resource::<crate::sim::setup::ScenarioDef>().0.clone();
        let cmds = scenario::load_commands(path, Some(&s)).map_err(show)?;
        sim.set_script(cmds);
    }
    let clock = sim.world().resource::<Clock>().clone();
    let months = a.months.unwrap_or(clock.length.saturating_sub(clock.month));
    sim.run(months);
    if let Some(dir) = &a.out {
        write_out(&mut sim, dir, &origin, a.wide)?;
    }
    let hash = sim.state_hash();
    if !a.quiet {
        print!("{}", summary(&mut sim));
    }
    println!("state-hash: {hash:016x}");
    Ok(())
}

/// Where a run started: a scenario file, or a snapshot it resumed.
enum RunSource {
    File(String),
    Resumed(String),
}

/// The files `--out` writes (and `--wide` adds), each with the notes at its top.
fn write_out(sim: &mut Simulation, dir: &Path, origin: &RunSource, wide: bool) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let world = sim.world();
    let clock = world.resource::<Clock>().clone();
    let history = world.resource::<History>();
    let notes = run_notes(world, origin);
    let mut files = vec![(
        "history.csv",
        "long format: one row per month, entity and indicator",
        history.to_csv(&clock),
    )];
    if wide {
        files.push((
            "history_wide.csv",
            "wide format: one row per month, one column per entity:indicator",
            wide_csv(history, &clock),
        ));
    }
    let (causes, news, log) = records_csv(world);
    files.extend([
        (
            "causes.csv",
            "every recorded change and its cause; delta has the unit of its indicator",
            causes,
        ),
        ("news.csv", "the news feed", news),
        (
            "commands.csv",
            "every command issued and whether it was applied",
            log,
        ),
        ("units.csv", "the unit of each indicator", units_csv(world)),
    ]);
    for (name, about, body) in files {
        let p = dir.join(name);
        let text = notes_header(name, about, &notes) + &body;
        crate::save::write_atomic(&p, &text).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let p = dir.join("final.ron");
    crate::save::save(sim.world_mut(), &p).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(())
}

/// `key: value` notes on the run, for the top of every CSV file.
fn run_notes(world: &bevy_ecs::world::World, origin: &RunSource) -> Vec<(&'static str, String)> {
    let meta = &world.resource::<crate::sim::setup::ScenarioDef>().0.meta;
    let reg = world.resource::<Registry>();
    let clock = world.resource::<Clock>();
    let history = world.resource::<History>();
    let side = world
        .resource::<Control>()
        .player
        .map_or("none".to_string(), |i| reg.states[i].clone());
    let recorded = history.rows.len() as u32;
    let (from, to) = if recorded == 0 {
        ("-".to_string(), "-".to_string())
    } else {
        (
            clock.date_of(history.first_month),
            clock.date_of(history.first_month + recorded - 1),
        )
    };
    let mut notes = vec![
        ("tool", format!("tradecraft {}", env!("CARGO_PKG_VERSION"))),
        (
            "scenario_file",
            match origin {
                RunSource::File(f) => f.clone(),
                RunSource::Resumed(_) => "(resumed from a snapshot; see resumed_from)".to_string(),
            },
        ),
        ("scenario", meta.title.clone()),
        ("scenario_id", meta.id.clone()),
        ("seed", world.resource::<Seed>().0.to_string()),
        ("side", side),
        ("months", recorded.to_string()),
        ("from", from),
        ("to", to),
    ];
    if let RunSource::Resumed(snap) = origin {
        notes.push(("resumed_from", snap.clone()));
    }
    notes.push((
        "units",
        "in units.csv, and in README.md under What history.csv holds".to_string(),
    ));
    notes.push((
        "read_with",
        "pandas.read_csv(path, comment='#'); R: read.csv(path, comment.char='#')".to_string(),
    ));
    notes
}

/// The notes as leading `# key: value` lines; the CSV's header row follows them.
fn notes_header(file: &str, about: &str, notes: &[(&'static str, String)]) -> String {
    let clean = |s: &str| s.replace(['\n', '\r'], " ");
    let mut out = format!("# file: {file} ({about})\n");
    for (k, v) in notes {
        out += &format!("# {k}: {}\n", clean(v));
    }
    out
}

fn csv(s: &str) -> String {
    // '#' too: a reader told that '#' starts a comment must not cut a field short.
    if s.contains([',', '"', '\n', '\r', '#']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The history in wide format: `month,date` and one column per `entity:indicator`, one row per
/// month; a cell is empty where the long file has no row. The numbers are printed exactly as
/// in history.csv.
pub fn wide_csv(h: &History, clock: &Clock) -> String {
    let cols: Vec<usize> = (0..h.columns.len())
        .filter(|&c| h.rows.iter().any(|r| r.get(c).is_some_and(|v| !v.is_nan())))
        .collect();
    let mut out = String::from("month,date");
    for &c in &cols {
        let (e, i) = &h.columns[c];
        out.push(',');
        out += &csv(&format!("{e}:{i}"));
    }
    out.push('\n');
    for (r, row) in h.rows.iter().enumerate() {
        let m = h.first_month + r as u32;
        out += &format!("{m},{}", clock.date_of(m));
        for &c in &cols {
            out.push(',');
            if let Some(v) = row.get(c).filter(|v| !v.is_nan()) {
                out += &v.to_string();
            }
        }
        out.push('\n');
    }
    out
}

/// Every indicator of history.csv and causes.csv with its unit.
fn units_csv(world: &bevy_ecs::world::World) -> String {
    let mut inds: std::collections::BTreeSet<&str> = world
        .resource::<History>()
        .columns
        .iter()
        .map(|(_, i)| i.as_str())
        .collect();
    inds.extend(world.resource::<Causes>().0.iter().map(|c| c.indicator.as_str()));
    let reg = world.resource::<Registry>();
    let mut out = String::from("indicator,unit\n");
    for i in inds {
        let unit = match reg.poles {
            Some((plus, minus)) if i == "alignment" => format!(
                "-1 (leans to {}) to +1 (leans to {})",
                reg.states[minus], reg.states[plus]
            ),
            _ => crate::report::units::unit(i).to_string(),
        };
        out += &format!("{},{}\n", csv(i), csv(&unit));
    }
    out
}

/// The records as CSV: causes (why each figure moved), news, and every command with its fate.
pub fn records_csv(world: &bevy_ecs::world::World) -> (String, String, String) {
    let clock = world.resource::<Clock>();
    let mut causes = String::from("month,date,subject,indicator,delta,because\n");
    for c in &world.resource::<Causes>().0 {
        causes += &format!(
            "{},{},{},{},{},{}\n",
            c.month,
            clock.date_of(c.month),
            csv(&c.subject),
            csv(&c.indicator),
            c.delta,
            csv(&c.because)
        );
    }
    let mut news = String::from("month,date,about,headline,quote\n");
    for n in &world.resource::<News>().0 {
        let quote = n.quote.clone().unwrap_or_default();
        news += &format!(
            "{},{},{},{},{}\n",
            n.month,
            clock.date_of(n.month),
            csv(&n.about),
            csv(&n.headline),
            csv(&quote)
        );
    }
    let mut log = String::from("month,date,by,origin,command,result,reason\n");
    for e in &world.resource::<CommandLog>().0 {
        let (result, why) = match &e.rejected {
            None => ("applied", e.issued.reason.clone()),
            Some(r) => ("rejected", r.clone()),
        };
        log += &format!(
            "{},{},{},{:?},{},{result},{}\n",
            e.month,
            clock.date_of(e.month),
            csv(&e.issued.by),
            e.issued.origin,
            csv(&e.issued.command.label()),
            csv(&why)
        );
    }
    (causes, news, log)
}

/// A short text summary of the world: one line per state, one per dispute and framework vote.
pub fn summary(sim: &mut Simulation) -> String {
    use std::fmt::Write;
    let world = sim.world_mut();
    let clock = world.resource::<Clock>().clone();
    let mut out = String::new();
    let _ = writeln!(out, "after {} months (now {}):", clock.month, clock.date());
    let _ = writeln!(
        out,
        "{:<5} {:>7} {:>10} {:>8} {:>9} {:>9} {:>9}",
        "state", "CPI", "jobs(k)", "welfare", "tariff$", "approval", "alignment"
    );
    let mut q = world.query::<(&Country, &Economy, &Politics)>();
    let mut rows: Vec<_> = q.iter(world).collect();
    rows.sort_by_key(|(c, _, _)| c.idx);
    for (c, e, p) in rows {
        let _ = writeln!(
            out,
            "{:<5} {:>7.2} {:>10.0} {:>8.2} {:>9.1} {:>9.2} {:>+9.2}",
            c.id, e.cpi, e.employment, e.welfare, e.tariff_revenue, p.approval, p.alignment
        );
    }
    let reg = world.resource::<Registry>().clone();
    let mut q = world.query::<&Dispute>();
    let mut ds: Vec<_> = q.iter(world).collect();
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    for d in ds {
        let status = match d.status {
            DisputeStatus::Open => d.rung.label().to_string(),
            DisputeStatus::Settled { month } => format!("settled in {}", clock.date_of(month)),
        };
        let rel = world.resource::<Relations>();
        let _ = writeln!(
            out,
            "dispute {:<22} {} v {}: {status}, salience {:.2}, trust {:.2}/{:.2}",
            d.id,
            reg.states[d.complainant],
            reg.states[d.respondent],
            d.salience,
            rel.trust(d.complainant, d.respondent),
            rel.trust(d.respondent, d.complainant)
        );
    }
    // How things moved: each dispute's rung every three months (0 working level … 4 public,
    // "s" settled), alignment and framework support at the start and now.
    let mut ds: Vec<Dispute> = {
        let mut q = world.query::<&Dispute>();
        q.iter(world).cloned().collect()
    };
    let fs: Vec<Framework> = {
        let mut q = world.query::<&Framework>();
        q.iter(world).cloned().collect()
    };
    let history = world.resource::<History>();
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    if clock.month > 1 {
        let _ = writeln!(
            out,
            "escalation every 3 months (0 working level, 1 ministerial, 2 dispute settlement, 3 leaders, 4 public; s settled):"
        );
        for d in &ds {
            let (Some((first, rungs)), Some((_, open))) =
                (history.series(&d.id, "escalation"), history.series(&d.id, "open"))
            else {
                continue;
            };
            let path: String = rungs
                .iter()
                .zip(&open)
                .step_by(3)
                .map(|(r, o)| {
                    if *o < 0.5 {
                        's'
                    } else {
                        char::from(b'0' + (*r as u8).min(4))
                    }
                })
                .collect();
            let _ = writeln!(out, "  {:<22} from {}: {path}", d.id, clock.date_of(first));
        }
        let mut moved: Vec<(f64, String)> = reg
            .states
            .iter()
            .filter_map(|id| {
                let (_, v) = history.series(id, "alignment")?;
                let (a, b) = (*v.first()?, *v.last()?);
                Some(((b - a).abs(), format!("{id} {a:+.2} → {b:+.2}")))
            })
            .filter(|(d, _)| *d >= 0.005)
            .collect();
        moved.sort_by(|a, b| b.0.total_cmp(&a.0));
        if !moved.is_empty() {
            let list: Vec<String> = moved.into_iter().take(8).map(|(_, s)| s).collect();
            let _ = writeln!(out, "alignment moved: {}", list.join(", "));
        }
    }
    let mut fs = fs;
    fs.sort_by(|a, b| a.id.cmp(&b.id));
    for f in fs {
        for a in &f.applicants {
            let yes = a.votes.iter().filter(|(_, v)| *v).count();
            let path = history
                .series(&format!("{}:{}", f.id, reg.states[a.state]), "support")
                .map(|(_, v)| {
                    v.iter()
                        .step_by(6)
                        .map(|x| format!("{x:.0}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "framework {}: {} has {yes} of {} members' support (every 6 months: {path})",
                f.id,
                reg.states[a.state],
                f.members.len()
            );
        }
    }
    // History beside this run, where the scenario records it.
    let def = world.resource::<crate::sim::setup::ScenarioDef>().0.clone();
    let start = crate::scenario::validate::parse_year_month(&def.meta.start);
    let history = world.resource::<History>();
    for se in &def.history.series {
        let run = history.series(&se.entity, &se.indicator);
        let cells: Vec<String> = se
            .points
            .iter()
            .map(|pt| {
                let m = match (start, crate::scenario::validate::parse_year_month(&pt.date)) {
                    (Some(a), Some(b)) => crate::scenario::validate::month_offset(a, b),
                    _ => -1,
                };
                let mine = run
                    .as_ref()
                    .and_then(|(first, v)| {
                        usize::try_from(m - *first as i64)
                            .ok()
                            .and_then(|i| v.get(i).copied())
                    })
                    .filter(|x| !x.is_nan())
                    .map_or("-".into(), |x| format!("{x:.2}"));
                format!("{} {:.2}/{mine}", pt.date, pt.value)
            })
            .collect();
        let _ = writeln!(
            out,
            "history {} {} (history/this run): {}",
            se.entity,
            se.indicator,
            cells.join(", ")
        );
    }
    let sides = world
        .resource::<crate::sim::setup::ScenarioDef>()
        .0
        .meta
        .sides
        .clone();
    for side in sides {
        if let Some(sc) = crate::report::score::score(world, &side)
            && !sc.objectives.is_empty()
        {
            let _ = writeln!(out, "score {side}: {:.0}/100", sc.total);
            for o in &sc.objectives {
                let _ = writeln!(
                    out,
                    "  {:<40} {:>5.1} of {:>5.1}  {}",
                    o.title,
                    o.weight * o.met,
                    o.weight,
                    o.detail
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(year: i32, month: u32) -> Clock {
        Clock {
            month: 0,
            start_year: year,
            start_month: month,
            length: 0,
        }
    }

    #[test]
    fn wide_csv_has_a_column_per_series_and_blank_cells_for_gaps() {
        let mut h = History::default();
        h.record(4, "USA", "cpi", 100.5);
        h.record(4, "a,b", "open", 1.0);
        h.record(5, "USA", "cpi", 101.25);
        let c = clock(2025, 1);
        assert_eq!(
            wide_csv(&h, &c),
            "month,date,USA:cpi,\"a,b:open\"\n4,2025-05,100.5,1\n5,2025-06,101.25,\n"
        );
    }

    #[test]
    fn notes_are_comment_lines_of_keys_and_values() {
        let notes = vec![("seed", "7".to_string()), ("scenario", "A\nB, c".to_string())];
        assert_eq!(
            notes_header("x.csv", "about", &notes),
            "# file: x.csv (about)\n# seed: 7\n# scenario: A B, c\n"
        );
        assert_eq!(csv("#1 on the list"), "\"#1 on the list\"");
    }
}
