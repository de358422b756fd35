//! Reference experiments: what the model says against what the world did. Each case
//! (`validation/cases/*.ron`) runs a scenario twice with the same seed — a baseline and an
//! intervention written as a commands file — or once, reads an indicator, and sets the figure
//! beside the one observed in the literature and its acceptance band. `tradecraft
//! validate-model` prints the table (src/cli/validate_model.rs); validation/README.md says how
//! to write a case. This module only reads the model: it runs `Simulation`s and looks at
//! their public state (see `read.rs`).

use std::path::{Path, PathBuf};

use crate::command::ScheduledCommand;
use crate::scenario::locate::DataPath;
use crate::scenario::validate::Problem;
use crate::scenario::{self, Diagnostic, Diagnostics, Scenario};
use crate::sim::Simulation;

pub mod case;
mod read;

pub use case::{Case, Compare, Indicator};

/// A case read and checked, with its scenario and commands.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub case: Case,
    pub file: PathBuf,
    pub scenario: Scenario,
    pub intervention: Option<Vec<ScheduledCommand>>,
    pub baseline: Option<Vec<ScheduledCommand>>,
}

/// The model's figure for a case, beside the observed one.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub title: String,
    pub unit: &'static str,
    pub observed: f64,
    pub model: f64,
    pub band: (f64, f64),
    pub pass: bool,
    pub source: String,
}

fn at(file: &str, message: String, hint: &str) -> Diagnostics {
    Diagnostics(vec![Diagnostic {
        file: file.to_string(),
        line: 1,
        col: 1,
        message,
        hint: hint.to_string(),
    }])
}

/// Read a case file, check it, and read the scenario and commands files it names. Every problem
/// comes out as `FILE:LINE:COL: message` with a `help:` line, as the scenario loader's do.
pub fn load_case(path: &Path) -> Result<Loaded, Diagnostics> {
    let file = path.display().to_string();
    let src = scenario::read_text(path)?;
    let case: Case = scenario::load::parse(&src, &file)?;
    let problems = case::check(&case);
    if !problems.is_empty() {
        return Err(scenario::load::locate(&src, &file, problems));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    // A file the case names that does not load: its own diagnostics, after a line that points
    // at the field naming it.
    let named = |field: &str, name: &str, mut d: Diagnostics| {
        let mut at = scenario::load::locate(
            &src,
            &file,
            vec![Problem {
                path: DataPath::root().field(field),
                message: format!("{field} {name} does not load:"),
                hint: String::new(),
            }],
        );
        at.0.append(&mut d.0);
        at
    };
    let scenario = scenario::load_scenario(&dir.join(&case.scenario))
        .map_err(|d| named("scenario", &case.scenario, d))?;
    let problems = case::check_ids(&case, &scenario);
    if !problems.is_empty() {
        return Err(scenario::load::locate(&src, &file, problems));
    }
    let commands = |field: &str, name: &Option<String>| {
        name.as_ref()
            .map(|n| scenario::load_commands(&dir.join(n), Some(&scenario)).map_err(|d| named(field, n, d)))
            .transpose()
    };
    let intervention = commands("intervention", &case.intervention)?;
    let baseline = commands("baseline", &case.baseline)?;
    Ok(Loaded {
        case,
        file: path.to_path_buf(),
        scenario,
        intervention,
        baseline,
    })
}

/// The case files a path names: a `.ron` file itself, or every `.ron` file in a folder, sorted.
pub fn case_files(path: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    let name = path.display().to_string();
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| {
        at(
            &name,
            format!("cannot read the folder: {e}"),
            "give a case file or a folder of them, e.g. validation/cases",
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(at(
            &name,
            "no case files (*.ron) here".into(),
            "see validation/README.md",
        ));
    }
    Ok(files)
}

/// Load every case the paths name; all the problems at once, and ids must be unique.
pub fn load_all(paths: &[PathBuf]) -> Result<Vec<Loaded>, Diagnostics> {
    let mut cases: Vec<Loaded> = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        match case_files(p) {
            Ok(files) => {
                for f in files {
                    match load_case(&f) {
                        Ok(l) => {
                            if let Some(other) = cases.iter().find(|c| c.case.id == l.case.id) {
                                problems.extend(
                                    at(
                                        &f.display().to_string(),
                                        format!(
                                            "case id \"{}\" is also used by {}",
                                            l.case.id,
                                            other.file.display()
                                        ),
                                        "give every case its own id",
                                    )
                                    .0,
                                );
                            }
                            cases.push(l);
                        }
                        Err(d) => problems.extend(d.0),
                    }
                }
            }
            Err(d) => problems.extend(d.0),
        }
    }
    if problems.is_empty() {
        Ok(cases)
    } else {
        Err(Diagnostics(problems))
    }
}

/// One run of the case's scenario with these commands.
fn start(l: &Loaded, commands: &Option<Vec<ScheduledCommand>>) -> Result<Simulation, String> {
    let mut s = l.scenario.clone();
    if !l.case.timeline {
        s.timeline.clear();
    }
    let mut sim = Simulation::new(&s, l.case.seed, l.case.side.as_deref())?;
    sim.set_ai(l.case.ai);
    if let Some(c) = commands {
        sim.set_script(c.clone());
    }
    Ok(sim)
}

/// Run a case: both runs month by month, the comparison over the final months.
pub fn run(l: &Loaded) -> Result<Outcome, String> {
    let c = &l.case;
    let fail = |e: String| format!("{}: {e}", l.file.display());
    let mut int = start(l, &l.intervention).map_err(fail)?;
    let mut base = if c.compare.needs_baseline() {
        Some(start(l, &l.baseline).map_err(fail)?)
    } else {
        None
    };
    let first = if c.compare.needs_start() {
        read::read(&mut int, &c.indicator).map_err(fail)?
    } else {
        f64::NAN
    };
    let mut values = Vec::new();
    for m in 0..c.months {
        int.step();
        if let Some(b) = base.as_mut() {
            b.step();
        }
        if m + c.average_last < c.months {
            continue;
        }
        let v = match (c.compare, base.as_mut()) {
            (Compare::PassThrough, Some(b)) => {
                let Indicator::LandedPrice { from, to, sector } = &c.indicator else {
                    unreachable!("case::check allows PassThrough with LandedPrice only")
                };
                let (pi, fi) = read::landed(&mut int, from, to, sector).map_err(fail)?;
                let (pb, fb) = read::landed(b, from, to, sector).map_err(fail)?;
                let dt = libm::log(fi / fb);
                if dt.abs() < 1e-9 {
                    return Err(fail(format!(
                        "the intervention leaves the tariff on {from}'s {sector} in {to} unchanged in month {m}: no pass-through to measure"
                    )));
                }
                libm::log(pi / pb) / dt
            }
            (cmp, b) => {
                let vi = read::read(&mut int, &c.indicator).map_err(fail)?;
                let vb = match b {
                    Some(b) => read::read(b, &c.indicator).map_err(fail)?,
                    None => first,
                };
                match cmp {
                    Compare::PercentVsBaseline | Compare::PercentVsStart => 100.0 * (vi / vb - 1.0),
                    Compare::DifferenceVsBaseline | Compare::DifferenceVsStart => vi - vb,
                    _ => vi,
                }
            }
        };
        values.push(v);
    }
    let model = values.iter().sum::<f64>() / values.len().max(1) as f64;
    if !model.is_finite() {
        return Err(fail(format!("the model's figure is not a number ({model})")));
    }
    let (lo, hi) = c.band;
    Ok(Outcome {
        id: c.id.clone(),
        title: c.title.clone(),
        unit: c.unit(),
        observed: c.observed,
        model,
        band: c.band,
        pass: lo <= model && model <= hi,
        source: c.source.clone(),
    })
}
