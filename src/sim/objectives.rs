//! Scoring a side against its objectives (scenario `objectives`): each objective is met to a
//! degree in [0, 1], weighted, and the side's score is the weighted share out of 100. The same
//! function serves "score so far" during play and the final score.
//!
//! The scenario's last month ends the scoring: the record phase of that month keeps every
//! side's score in `FinalScores` (saved with the game), and from then on `score` returns it.
//! Playing on is a sandbox: the world moves, the score does not.

use crate::i18n::Words;
use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use crate::scenario::{ObjectiveKind, Rung};
use crate::sim::ScenarioDef;
use crate::sim::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveScore {
    pub id: String,
    pub title: String,
    pub weight: f64,
    /// How far it is met, 0 … 1.
    pub met: f64,
    /// What the number rests on, in words (English).
    pub detail: String,
    /// The same, to be worded in the reader's language (None in a save from before it had
    /// them: `detail_in` shows the English then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Words>,
}

impl ObjectiveScore {
    /// The detail in `lang`.
    pub fn detail_in(&self, lang: crate::i18n::Lang) -> String {
        self.words
            .as_ref()
            .map_or_else(|| crate::i18n::local_in(lang, &self.detail), |w| w.in_lang(lang))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub side: String,
    /// 0 … 100.
    pub total: f64,
    pub objectives: Vec<ObjectiveScore>,
}

/// Every playable side's score as the scenario's months ran out (empty before).
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FinalScores(pub Vec<Score>);

/// Record phase, after the clock moved on: when the month just run was the scenario's last,
/// keep every playable side's score.
pub fn freeze_final_scores(world: &mut World) {
    let clock = world.resource::<Clock>().clone();
    if clock.month != clock.length || !world.resource::<FinalScores>().0.is_empty() {
        return;
    }
    let sides = world.resource::<ScenarioDef>().0.meta.sides.clone();
    let scores: Vec<Score> = sides.iter().filter_map(|s| live_score(world, s)).collect();
    world.resource_mut::<FinalScores>().0 = scores;
}

/// Whether `score` now returns the frozen final score.
pub fn is_final(world: &World) -> bool {
    world
        .get_resource::<FinalScores>()
        .is_some_and(|f| !f.0.is_empty())
}

/// The score of `side`: so far, or the final one once the scenario's months are over.
pub fn score(world: &mut World, side: &str) -> Option<Score> {
    if let Some(s) = world
        .get_resource::<FinalScores>()
        .and_then(|f| f.0.iter().find(|s| s.side == side))
    {
        return Some(s.clone());
    }
    live_score(world, side)
}

/// The score of `side` from the world as it is now.
fn live_score(world: &mut World, side: &str) -> Option<Score> {
    // Only this side's objectives: the GUI scores every frame, so the scenario is not copied.
    let objectives: Vec<crate::scenario::ObjectiveDef> = world
        .get_resource::<ScenarioDef>()?
        .0
        .objectives
        .iter()
        .filter(|o| o.side == side)
        .cloned()
        .collect();
    let reg = world.resource::<Registry>().clone();
    let clock = world.resource::<Clock>().clone();
    let me = reg.state(side)?;
    let name = |id: &str| reg.state_name(id);
    // Only the approval series is needed: read it, don't copy the whole history.
    let approval: Vec<f64> = world
        .resource::<History>()
        .series(side, "approval")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let rel = world.resource::<Relations>().clone();
    let disputes: Vec<Dispute> = {
        let mut q = world.query::<&Dispute>();
        q.iter(world).cloned().collect()
    };
    let frameworks: Vec<Framework> = {
        let mut q = world.query::<&Framework>();
        q.iter(world).cloned().collect()
    };
    // In id order: sums over them come out the same however the ECS stores them (a restored
    // game spawns them sorted, a new one in file order).
    let industries: Vec<Industry> = {
        let mut q = world.query::<&Industry>();
        let mut list: Vec<Industry> = q.iter(world).filter(|i| i.host == me).cloned().collect();
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list
    };
    let welfare = {
        let mut q = world.query::<(&Country, &Economy)>();
        q.iter(world)
            .find(|(c, _)| c.idx == me)
            .map_or(100.0, |(_, e)| e.welfare)
    };
    let mut out = Vec::new();
    for o in &objectives {
        let (met, detail) = match &o.kind {
            ObjectiveKind::ApprovalFloor(floor) => {
                let months = &approval;
                let above = months.iter().filter(|a| **a >= *floor).count();
                let share = if months.is_empty() {
                    1.0
                } else {
                    above as f64 / months.len() as f64
                };
                (
                    share,
                    Words::new("objective-approval")
                        .plain("floor", format!("{:.0}", floor * 100.0))
                        .number("above", above as f64)
                        .number("months", months.len() as f64),
                )
            }
            ObjectiveKind::NoPublicConfrontation => {
                let mine: Vec<&Dispute> = disputes.iter().filter(|d| d.involves(me)).collect();
                let public: u32 = mine.iter().map(|d| d.public_months).sum();
                let peaked = mine.iter().filter(|d| d.peak == Rung::Public).count();
                let met = if public == 0 {
                    1.0
                } else {
                    (1.0 - public as f64 / 12.0).max(0.0) * 0.5
                };
                (
                    met,
                    Words::new("objective-public")
                        .number("disputes", peaked as f64)
                        .number("months", public as f64),
                )
            }
            ObjectiveKind::TrustAbove { of, at_least } => {
                let t = reg.state(of).map_or(0.0, |i| rel.trust(i, me));
                let met = if t >= *at_least {
                    1.0
                } else {
                    (t / at_least.max(1e-9)).clamp(0.0, 1.0)
                };
                (
                    met,
                    Words::new("objective-trust")
                        .text("of", name(of))
                        .text("side", name(side))
                        .plain("trust", format!("{:.0}", t * 100.0))
                        .plain("goal", format!("{:.0}", at_least * 100.0)),
                )
            }
            ObjectiveKind::ApplicantBlocked { framework, applicant } => {
                let a = reg.state(applicant);
                let joined = frameworks
                    .iter()
                    .any(|f| &f.id == framework && a.is_some_and(|a| f.members.contains(&a)));
                (
                    if joined { 0.0 } else { 1.0 },
                    Words::new(if joined {
                        "objective-applicant-joined"
                    } else {
                        "objective-applicant-out"
                    })
                    .text("applicant", name(applicant))
                    .text("framework", framework.as_str()),
                )
            }
            ObjectiveKind::MemberAtEnd { framework, state } => {
                let s = reg.state(state);
                let member = frameworks
                    .iter()
                    .any(|f| &f.id == framework && s.is_some_and(|s| f.members.contains(&s)));
                (
                    if member { 1.0 } else { 0.0 },
                    Words::new(if member {
                        "objective-member"
                    } else {
                        "objective-not-member"
                    })
                    .text("state", name(state))
                    .text("framework", framework.as_str()),
                )
            }
            ObjectiveKind::SectorJobs { sector, at_least } => {
                let s = reg.sector(sector);
                let (now, base) = industries
                    .iter()
                    .filter(|i| Some(i.sector) == s)
                    .fold((0.0, 0.0), |(a, b), i| (a + i.employment, b + i.employment0));
                let ratio = if base > 0.0 { now / base } else { 1.0 };
                // Each percentage point short of the goal costs a fifth of the objective.
                let met = (1.0 - (at_least - ratio).max(0.0) * 20.0).clamp(0.0, 1.0);
                (
                    met,
                    Words::new("objective-sector-jobs")
                        .named(
                            "sector",
                            sector,
                            &s.map_or(sector.clone(), |s| reg.sector_names[s].clone()),
                        )
                        .plain("ratio", format!("{:.1}", ratio * 100.0))
                        .plain("goal", format!("{:.0}", at_least * 100.0)),
                )
            }
            ObjectiveKind::WelfareAtLeast(goal) => {
                // Each point of real income short of the goal costs half the objective.
                let met = (1.0 - (goal - welfare).max(0.0) * 0.5).clamp(0.0, 1.0);
                (
                    met,
                    Words::new("objective-welfare")
                        .plain("welfare", format!("{welfare:.2}"))
                        .plain("goal", format!("{goal:.1}")),
                )
            }
            ObjectiveKind::AverageAtLeast { indicator, at_least } => {
                let values: Vec<f64> = world
                    .resource::<History>()
                    .series(side, indicator)
                    .map(|(_, v)| v.into_iter().filter(|x| !x.is_nan()).collect())
                    .unwrap_or_default();
                let avg = if values.is_empty() {
                    0.0
                } else {
                    values.iter().sum::<f64>() / values.len() as f64
                };
                let met = if avg >= *at_least {
                    1.0
                } else if *at_least > 0.0 {
                    (avg / at_least).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                (
                    met,
                    Words::new("objective-average")
                        .words(
                            "indicator",
                            Words::new("objective-indicator")
                                .plain("kind", indicator.as_str())
                                .plain("id", indicator.replace('_', " ")),
                        )
                        .plain("average", format!("{avg:.3}"))
                        .number("months", values.len() as f64)
                        .plain("goal", format!("{at_least:.3}"))
                        .words(
                            "unit",
                            match super::units::unit(indicator) {
                                "" => Words::new("news-as-written").plain("text", ""),
                                u => Words::new("objective-unit")
                                    .plain("kind", indicator.as_str())
                                    .plain("unit", u),
                            },
                        ),
                )
            }
            ObjectiveKind::DisputeSettled(id) => {
                let d = disputes.iter().find(|d| &d.id == id);
                let settled = d.is_some_and(|d| !d.is_open());
                let title = world
                    .get_resource::<ScenarioDef>()
                    .and_then(|s| s.0.disputes.iter().find(|x| &x.id == id))
                    .map_or(id.as_str(), |x| x.title.as_str());
                let detail = d.map_or_else(
                    || Words::new("objective-never-opened").named("id", id, title),
                    |d| match d.status {
                        DisputeStatus::Settled { month } => Words::new("objective-settled")
                            .text("title", d.title.as_str())
                            .month("date", &clock.date_of(month)),
                        DisputeStatus::Open => Words::new("objective-still-open")
                            .text("title", d.title.as_str())
                            .words("stage", d.rung.stage_words()),
                    },
                );
                (if settled { 1.0 } else { 0.0 }, detail)
            }
        };
        out.push(ObjectiveScore {
            id: o.id.clone(),
            title: o.title.clone(),
            weight: o.weight,
            met,
            detail: detail.to_string(),
            words: Some(detail),
        });
    }
    let weights: f64 = out.iter().map(|o| o.weight).sum();
    let total = if weights > 0.0 {
        100.0 * out.iter().map(|o| o.weight * o.met).sum::<f64>() / weights
    } else {
        0.0
    };
    Some(Score {
        side: side.to_string(),
        total,
        objectives: out,
    })
}
