//! `tradecraft debrief INPUT... --out report.html`: several runs of one scenario (saved games,
//! `sim --out` folders, class games, commands files) into one HTML page a teacher opens in any
//! browser and prints (src/report/debrief.rs says what it holds), in the language of `--lang`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::report::debrief::{Debrief, Run};
use crate::scenario::{self, Scenario};
use crate::sim::Simulation;

#[derive(clap::Args, Debug, Clone)]
pub struct DebriefArgs {
    /// The runs: saved games (.ron), `sim --out` folders (their final.ron), class games (a
    /// `host --out` folder or its class.ron), or commands files (played with --scenario, --side
    /// and --seed).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The scenario of the commands files (default: X.ron beside X.commands.ron), or of a class
    /// game's record when it is not in levels/.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// The states a commands file leads (repeat it); the first is the side the report follows
    /// (default: the side people led in the first run).
    #[arg(long)]
    pub side: Vec<String>,
    /// The seed commands files are played with.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// History's decisions, drawn beside the runs (default: X.history.ron beside the scenario,
    /// or levels/ID.history.ron).
    #[arg(long, conflicts_with = "no_history")]
    pub history: Option<PathBuf>,
    /// No history's path beside the runs.
    #[arg(long)]
    pub no_history: bool,
    /// Where the page goes.
    #[arg(long, default_value = "debrief.html")]
    pub out: PathBuf,
}

pub fn debrief(a: DebriefArgs) -> ExitCode {
    match build(&a).and_then(|d| {
        let page = crate::report::debrief_html::html(&d)?;
        crate::save::write_atomic(&a.out, &page).map_err(|e| format!("{}: {e}", a.out.display()))?;
        Ok(d)
    }) {
        Ok(d) => {
            let lang = crate::i18n::lang();
            let key = if d.history.is_some() {
                "debrief-written-history"
            } else {
                "debrief-written"
            };
            let line = crate::i18n::Words::new(key)
                .plain("path", a.out.display().to_string())
                .plain("runs", d.runs.len().to_string())
                .plain("id", d.scenario.meta.id.as_str())
                .plain("side", d.side_in(lang, &d.side))
                .in_lang(lang);
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// Every input as a run, checked to be of one scenario, and history's path.
pub fn build(a: &DebriefArgs) -> Result<Debrief, String> {
    let given = match &a.scenario {
        Some(p) => Some(scenario::load_scenario(p).map_err(|d| d.to_string())?),
        None => None,
    };
    let mut runs = Vec::new();
    let mut first: Option<Scenario> = None;
    for input in &a.inputs {
        let (mut sim, label) = open(input, a, given.as_ref())?;
        let s = sim.world().resource::<crate::sim::ScenarioDef>().0.clone();
        match &first {
            Some(f) if f.meta.id != s.meta.id => {
                return Err(format!(
                    "{}: a run of scenario {}, the runs before are of {}: a debrief compares runs of one scenario",
                    input.display(),
                    s.meta.id,
                    f.meta.id
                ));
            }
            Some(_) => {}
            None => first = Some(s),
        }
        let hash = sim.state_hash();
        runs.push(Run::from_world(sim.world_mut(), &label, hash));
    }
    let s = first.ok_or("give at least one run")?;
    let history = history_file(a, &s);
    Debrief::new(s, a.side.first().map(String::as_str), runs)?.with_history(history.as_deref())
}

/// The file of history's decisions: --history, X.history.ron beside --scenario, or
/// levels/ID.history.ron; none with --no-history or when there is none.
fn history_file(a: &DebriefArgs, s: &Scenario) -> Option<PathBuf> {
    if a.no_history {
        return None;
    }
    if let Some(h) = &a.history {
        return Some(h.clone());
    }
    let beside = a.scenario.as_ref().and_then(|p| {
        let stem = p.file_stem()?.to_str()?;
        Some(p.with_file_name(format!("{stem}.history.ron")))
    });
    beside
        .filter(|p| p.is_file())
        .or_else(|| crate::report::debrief::history_file(s))
}

/// One input as a world run to where it ended, and its label.
fn open(input: &Path, a: &DebriefArgs, given: Option<&Scenario>) -> Result<(Simulation, String), String> {
    let label = input
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("run")
        .to_string();
    let label = match input
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
    {
        // `class-game/class.ron`, `run3/final.ron`: the folder names the run.
        Some(dir) if ["final.ron", "class.ron"].contains(&label.as_str()) => dir.to_string(),
        _ => label,
    };
    if input.is_dir() {
        for (file, _) in [("final.ron", "sim --out"), ("class.ron", "host --out")] {
            let p = input.join(file);
            if p.is_file() {
                let (sim, _) = open(&p, a, given)?;
                return Ok((sim, label));
            }
        }
        return Err(format!(
            "{}: a folder given to debrief holds final.ron (written by `sim --out`) or class.ron (by `host --out`); this one has neither",
            input.display()
        ));
    }
    let text = scenario::read_text(input).map_err(|d| d.to_string())?;
    let name = input.display().to_string();
    if scenario::looks_like_commands(&text) {
        let s = match given {
            Some(s) => s.clone(),
            None => super::sibling_scenario(input)
                .ok_or_else(|| format!("{name}: a commands file needs its scenario: give --scenario FILE"))?,
        };
        if a.side.is_empty() {
            return Err(format!(
                "{name}: a commands file needs --side: the states whose orders it holds (--side JPN)"
            ));
        }
        let cmds = scenario::parse_commands(&text, &name, Some(&s)).map_err(|d| d.to_string())?;
        let mut sim = Simulation::with_sides(&s, a.seed, &a.side)?;
        sim.set_script(cmds);
        sim.run(s.meta.months.max(0) as u32);
        return Ok((sim, label));
    }
    if is_class_record(&text) {
        let (s, record) = super::class::load_record(input, a.scenario.as_deref())?;
        let host = crate::net::host::Host::resume(&s, &record, "")?;
        return Ok((host.into_simulation(), label));
    }
    let snap = crate::save::parse_snapshot(&text, &name).map_err(|d| {
        format!("{d}\n(debrief reads saved games, sim --out folders, class games and commands files)")
    })?;
    Ok((crate::save::restore(&snap)?, label))
}

/// Whether `text` is a class game's record (its own `scenario_hash` field) rather than a save,
/// whose texts may well contain the words "scenario_hash:" in a description or a news item.
fn is_class_record(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[allow(dead_code)]
        scenario_hash: u64,
    }
    text.contains("scenario_hash:") && ron::from_str::<Probe>(text).is_ok()
}
