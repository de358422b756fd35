//! The class debrief: several runs of one scenario side by side (the twelve games of a class,
//! a batch's policies, a branch beside its history) — each run's score by objective, each
//! dispute's ladder month by month, the key series beside history's path, the decisions where
//! the runs parted ways, and which decisions went with high and low scores. `debrief_html.rs`
//! draws it as one self-contained page; `tradecraft debrief` and the end screen's *Export
//! debrief* build it.

use std::collections::{BTreeMap, BTreeSet};

use bevy_ecs::world::World;

use crate::command::Command;
use crate::i18n::{Lang, Words};
use crate::scenario::Scenario;
use crate::sim::objectives::Score;
use crate::sim::{Clock, CommandLog, Control, History, Registry, ScenarioDef, Seed, Simulation};

/// One run as the debrief reads it: its records and scores, taken from its world.
#[derive(Debug, Clone)]
pub struct Run {
    /// What the teacher calls it: the file or folder it came from.
    pub label: String,
    pub seed: u64,
    /// The states people led in it.
    pub sides: Vec<String>,
    pub clock: Clock,
    pub history: History,
    /// Every playable side's score (final once the scenario's months are over).
    pub scores: Vec<Score>,
    pub finished: bool,
    /// Dispute id → title and parties (complainant, respondent), for every dispute that
    /// existed in the run.
    pub disputes: BTreeMap<String, DisputeInfo>,
    /// The decisions of the sides people led and the teacher's injects, applied, in order.
    pub decisions: Vec<Decision>,
    /// Every state id, and the poles of alignment (+1, −1), if any.
    pub states: Vec<String>,
    pub poles: Option<(String, String)>,
    pub hash: u64,
    /// Every id the run's decisions may name (states, sectors, disputes, acquisitions,
    /// frameworks) → its name in English (`i18n::local` words it for the reader).
    pub names: BTreeMap<String, String>,
}

/// A dispute's title and parties.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputeInfo {
    pub title: String,
    pub parties: [String; 2],
}

/// A decision: who, what (in English words: what tells two decisions apart), when, and the
/// order itself, worded in the reader's language when shown (`Run::decision_in`).
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub month: u32,
    pub by: String,
    pub what: String,
    pub command: Command,
}

impl Run {
    /// Read a run from its world (which the debrief does not change, but the score and the
    /// hash need `&mut`).
    pub fn from_world(world: &mut World, label: &str, hash: u64) -> Run {
        let sides: Vec<String> = {
            let reg = world.resource::<Registry>();
            world.resource::<Control>().human_ids(reg)
        };
        let playable = world.resource::<ScenarioDef>().0.meta.sides.clone();
        let scores = playable
            .iter()
            .filter_map(|s| crate::sim::objectives::score(world, s))
            .collect();
        let finished = crate::sim::objectives::is_final(world);
        let names = crate::sim::lookup::all_names(world);
        let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
        let mut disputes = BTreeMap::new();
        let states = world.resource::<Registry>().states.clone();
        let mut q = world.query::<&crate::sim::Dispute>();
        for d in q.iter(world) {
            let parties = [states[d.complainant].clone(), states[d.respondent].clone()];
            disputes.insert(
                d.id.clone(),
                DisputeInfo {
                    title: d.title.clone(),
                    parties,
                },
            );
        }
        let deciders: BTreeSet<&str> = sides.iter().map(String::as_str).chain(["teacher"]).collect();
        let decisions = world
            .resource::<CommandLog>()
            .0
            .iter()
            .filter(|e| e.rejected.is_none() && deciders.contains(e.issued.by.as_str()))
            .map(|e| Decision {
                month: e.month,
                by: e.issued.by.clone(),
                what: e.issued.command.label_in(Lang::En, &name),
                command: e.issued.command.clone(),
            })
            .collect();
        let reg = world.resource::<Registry>();
        Run {
            label: label.to_string(),
            seed: world.resource::<Seed>().0,
            sides,
            clock: world.resource::<Clock>().clone(),
            history: world.resource::<History>().clone(),
            scores,
            finished,
            disputes,
            decisions,
            states: reg.states.to_vec(),
            poles: reg
                .poles
                .map(|(a, b)| (reg.states[a].clone(), reg.states[b].clone())),
            hash,
            names,
        }
    }

    /// What an id of this run is called, in `lang` (the id itself when the run knows no name).
    pub fn name_in(&self, lang: Lang, id: &str) -> String {
        self.names
            .get(id)
            .map_or_else(|| id.to_string(), |n| crate::i18n::local_in(lang, n))
    }

    /// An order in words in `lang`, naming what it names as the run does.
    pub fn decision_in(&self, lang: Lang, command: &Command) -> String {
        command.label_in(lang, &|id| self.name_in(lang, id))
    }

    /// `side`'s score, 0 … 100.
    pub fn score(&self, side: &str) -> Option<f64> {
        self.scores.iter().find(|s| s.side == side).map(|s| s.total)
    }

    /// A dispute's rung by month from the scenario's first month: None before it opened and
    /// once settled.
    pub fn ladder(&self, dispute: &str) -> Vec<Option<u8>> {
        let months = self.history.first_month as usize + self.history.rows.len();
        let mut out = vec![None; months];
        let (Some((first, rung)), open) = (
            self.history.series(dispute, "escalation"),
            self.history.series(dispute, "open"),
        ) else {
            return out;
        };
        let open = open.unwrap_or((first, Vec::new()));
        for (i, r) in rung.iter().enumerate() {
            let m = first as usize + i;
            let is_open = m
                .checked_sub(open.0 as usize)
                .and_then(|j| open.1.get(j))
                .is_none_or(|o| *o > 0.5);
            if let Some(cell) = out.get_mut(m) {
                *cell = (is_open && r.is_finite()).then(|| r.clamp(0.0, 4.0) as u8);
            }
        }
        out
    }

    /// Where a dispute ended, in words in the current language: "settled", "not opened", or
    /// its rung ("leaders").
    pub fn ending(&self, dispute: &str) -> String {
        self.ending_in(crate::i18n::lang(), dispute)
    }

    /// `ending` in `lang`.
    pub fn ending_in(&self, lang: Lang, dispute: &str) -> String {
        let ladder = self.ladder(dispute);
        if ladder.iter().all(Option::is_none) {
            return crate::i18n::message_in(lang, "debrief-not-opened", None);
        }
        match ladder.last().copied().flatten() {
            Some(r) => crate::scenario::Rung::from_index(r as usize).label_in(lang),
            None => crate::i18n::message_in(lang, "debrief-settled", None),
        }
    }

    /// Whether a dispute was ever at the public rung, and its months there.
    pub fn months_public(&self, dispute: &str) -> usize {
        self.ladder(dispute).iter().filter(|r| **r == Some(4)).count()
    }

    /// A series by month from the scenario's first month (NaN where none was recorded).
    pub fn series(&self, key: &Series) -> Vec<f64> {
        let months = self.history.first_month as usize + self.history.rows.len();
        let mut out = vec![f64::NAN; months];
        match key {
            Series::Recorded { entity, indicator } => {
                if let Some((first, v)) = self.history.series(entity, indicator) {
                    for (i, x) in v.into_iter().enumerate() {
                        if let Some(cell) = out.get_mut(first as usize + i) {
                            *cell = x;
                        }
                    }
                }
            }
            Series::Watchers { except } => {
                // The mean alignment of the states that are neither a side nor a pole: the
                // countries watching the allies' quarrel (docs/model.md, alignment), over those
                // with a value that month. Summed in the registry's order, so every run adds in
                // the same order.
                let poles: Vec<&String> = self.poles.iter().flat_map(|(a, b)| [a, b]).collect();
                let mut sum = vec![0.0; months];
                let mut count = vec![0u32; months];
                for s in self
                    .states
                    .iter()
                    .filter(|s| !except.contains(s) && !poles.contains(s))
                {
                    let Some((first, v)) = self.history.series(s, "alignment") else {
                        continue;
                    };
                    for (i, x) in v.into_iter().enumerate().filter(|(_, x)| x.is_finite()) {
                        if let (Some(s), Some(c)) =
                            (sum.get_mut(first as usize + i), count.get_mut(first as usize + i))
                        {
                            *s += x;
                            *c += 1;
                        }
                    }
                }
                for ((cell, s), c) in out.iter_mut().zip(sum).zip(count) {
                    if c > 0 {
                        *cell = s / c as f64;
                    }
                }
            }
        }
        out
    }
}

/// A series a chart draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Series {
    Recorded {
        entity: String,
        indicator: String,
    },
    /// The mean alignment of every state but these and the poles.
    Watchers {
        except: Vec<String>,
    },
}

/// Several runs of one scenario, followed from one side, with history's path beside them.
#[derive(Debug, Clone)]
pub struct Debrief {
    pub scenario: Scenario,
    /// The side the series and the score follow.
    pub side: String,
    /// The other playable side, whose trust the charts follow.
    pub partner: Option<String>,
    pub runs: Vec<Run>,
    /// The model run over history's own decisions (the scenario's `X.history.ron`), if any.
    pub history: Option<Run>,
}

/// A decision some runs took and others did not (or took in other months).
#[derive(Debug, Clone, PartialEq)]
pub struct Parting {
    pub by: String,
    pub what: String,
    /// The order (worded for the reader by `Run::decision_in`).
    pub command: Command,
    /// Per run, the months it was decided (empty: never).
    pub months: Vec<Vec<u32>>,
    /// The side's mean score in the runs that took it and in those that did not.
    pub with: Option<f64>,
    pub without: Option<f64>,
}

impl Debrief {
    /// Build a debrief; every run must be of `scenario` (by id).
    pub fn new(scenario: Scenario, side: Option<&str>, runs: Vec<Run>) -> Result<Debrief, String> {
        if runs.is_empty() {
            return Err("a debrief needs at least one run".into());
        }
        let side = match side {
            Some(s) if scenario.meta.sides.iter().any(|x| x == s) => s.to_string(),
            Some(s) => {
                return Err(format!(
                    "--side {s}: the scenario's playable sides are {}",
                    scenario.meta.sides.join(", ")
                ));
            }
            None => runs
                .iter()
                .flat_map(|r| r.sides.first())
                .next()
                .or(scenario.meta.sides.first())
                .cloned()
                .ok_or("the scenario has no playable side")?,
        };
        let partner = scenario.meta.sides.iter().find(|s| **s != side).cloned();
        // A scenario read from a save has not taught its Japanese yet.
        scenario.teach();
        Ok(Debrief {
            scenario,
            side,
            partner,
            runs,
            history: None,
        })
    }

    /// History's decisions (a commands file) run in the model beside the runs: the first run's
    /// seed, the followed side led by people so that its detailed series are recorded alike.
    pub fn with_history(mut self, file: Option<&std::path::Path>) -> Result<Debrief, String> {
        if let Some(f) = file {
            let seed = self.runs[0].seed;
            self.history = Some(history_run(&self.scenario, f, seed, &self.side)?);
        }
        Ok(self)
    }

    /// Every dispute of any run, id and what it is: the scenario's first, then those the runs
    /// opened; the followed side's disputes before the others.
    pub fn disputes(&self) -> Vec<(String, DisputeInfo)> {
        let mut out: Vec<(String, DisputeInfo)> = self
            .scenario
            .disputes
            .iter()
            .map(|d| {
                let info = DisputeInfo {
                    title: d.title.clone(),
                    parties: [d.complainant.clone(), d.respondent.clone()],
                };
                (d.id.clone(), info)
            })
            .collect();
        for r in self.runs.iter().chain(&self.history) {
            for (id, info) in &r.disputes {
                if !out.iter().any(|(i, _)| i == id) {
                    out.push((id.clone(), info.clone()));
                }
            }
        }
        // A stable sort: the order within each group stays.
        out.sort_by_key(|(_, d)| !d.parties.contains(&self.side));
        out
    }

    /// The first month in which the runs' decisions differ, if they ever do.
    pub fn parted_at(&self) -> Option<u32> {
        let months = self.runs.iter().map(|r| r.clock.month).max().unwrap_or(0);
        (0..months).find(|&m| {
            fn at(r: &Run, m: u32) -> Vec<(&str, &str)> {
                let mut v: Vec<_> = r
                    .decisions
                    .iter()
                    .filter(|d| d.month == m)
                    .map(|d| (d.by.as_str(), d.what.as_str()))
                    .collect();
                v.sort();
                v
            }
            let first = at(&self.runs[0], m);
            self.runs[1..].iter().any(|r| at(r, m) != first)
        })
    }

    /// The decisions not every run made in the same months, by the month first made, with the
    /// side's mean score in the runs that made them and in the others.
    pub fn partings(&self) -> Vec<Parting> {
        let mut keys: BTreeMap<(String, String), (u32, &Command)> = BTreeMap::new();
        for r in &self.runs {
            for d in &r.decisions {
                let e = keys
                    .entry((d.by.clone(), d.what.clone()))
                    .or_insert((d.month, &d.command));
                e.0 = e.0.min(d.month);
            }
        }
        let mut out: Vec<(u32, Parting)> = keys
            .into_iter()
            .filter_map(|((by, what), (first, command))| {
                let months: Vec<Vec<u32>> = self
                    .runs
                    .iter()
                    .map(|r| {
                        r.decisions
                            .iter()
                            .filter(|d| d.by == by && d.what == what)
                            .map(|d| d.month)
                            .collect()
                    })
                    .collect();
                if months.iter().all(|m| *m == months[0]) {
                    return None;
                }
                let mean = |took: bool| {
                    let v: Vec<f64> = self
                        .runs
                        .iter()
                        .zip(&months)
                        .filter(|(_, m)| m.is_empty() != took)
                        .filter_map(|(r, _)| r.score(&self.side))
                        .collect();
                    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
                };
                Some((
                    first,
                    Parting {
                        with: mean(true),
                        without: mean(false),
                        by,
                        what,
                        command: command.clone(),
                        months,
                    },
                ))
            })
            .collect();
        out.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.by.cmp(&b.1.by))
                .then(a.1.what.cmp(&b.1.what))
        });
        out.into_iter().map(|(_, p)| p).collect()
    }

    /// A state (or the teacher) as the page names it in `lang`: its id in English (the
    /// compact habit of the English page), its name in another language.
    pub fn side_in(&self, lang: Lang, id: &str) -> String {
        if lang == Lang::En {
            return id.to_string();
        }
        if id == crate::command::TEACHER {
            return crate::i18n::message_in(lang, "debrief-teacher", None);
        }
        match self.scenario.states.iter().find(|s| s.id == id) {
            Some(s) => crate::i18n::local_in(lang, &s.name),
            None => self
                .runs
                .first()
                .map_or_else(|| id.to_string(), |r| r.name_in(lang, id)),
        }
    }

    /// The key series in `lang`: (heading, unit, series), for the side the debrief follows.
    pub fn key_series(&self, lang: Lang) -> Vec<(String, String, Series)> {
        let side = self.side_in(lang, &self.side);
        let rec = |e: &str, i: &str| Series::Recorded {
            entity: e.to_string(),
            indicator: i.to_string(),
        };
        let say = |key: &str| Words::new(key).plain("side", side.as_str()).in_lang(lang);
        let unit = |key: &str| crate::i18n::message_in(lang, key, None);
        let mut out = vec![(
            say("debrief-series-approval"),
            unit("debrief-unit-approval"),
            rec(&self.side, "approval"),
        )];
        if let Some(p) = &self.partner {
            out.push((
                Words::new("debrief-series-trust")
                    .plain("side", side.as_str())
                    .plain("partner", self.side_in(lang, p))
                    .in_lang(lang),
                unit("debrief-unit-trust"),
                rec(&format!("{}->{p}", self.side), "trust"),
            ));
        }
        out.extend([
            (
                say("debrief-series-cpi"),
                unit("debrief-unit-cpi"),
                rec(&self.side, "cpi"),
            ),
            (
                say("debrief-series-jobs"),
                unit("debrief-unit-jobs"),
                rec(&self.side, "employment"),
            ),
        ]);
        if let Some(p) = &self.scenario.meta.poles {
            out.push((
                unit("debrief-series-watchers"),
                Words::new("debrief-unit-watchers")
                    .plain("minus", self.side_in(lang, &p.minus))
                    .plain("plus", self.side_in(lang, &p.plus))
                    .in_lang(lang),
                Series::Watchers {
                    except: self.scenario.meta.sides.clone(),
                },
            ));
        }
        out
    }
}

/// History's decisions for a scenario: `levels/ID.history.ron`, when there is one. An id that is
/// not one plain name (`../x`, an absolute path: a save can carry any scenario) has none.
pub fn history_file(s: &Scenario) -> Option<std::path::PathBuf> {
    let id = &s.meta.id;
    let plain = !id.is_empty()
        && id != ".."
        && id != "."
        && !id.contains(['/', '\\', ':'])
        && !id.chars().any(char::is_control);
    plain
        .then(|| crate::scenario::levels_dir().join(format!("{id}.history.ron")))
        .filter(|p| p.is_file())
}

/// The model run over history's decisions (a commands file) with `side` led by people, for the
/// scenario's months.
fn history_run(s: &Scenario, file: &std::path::Path, seed: u64, side: &str) -> Result<Run, String> {
    let cmds = crate::scenario::load_commands(file, Some(s)).map_err(|d| d.to_string())?;
    let mut sim = Simulation::with_sides(s, seed, &[side.to_string()])?;
    sim.set_script(cmds);
    sim.run(s.meta.months.max(0) as u32);
    let hash = sim.state_hash();
    Ok(Run::from_world(sim.world_mut(), "history's decisions", hash))
}
