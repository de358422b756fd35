//! The forecast of a move: the next months over many seeds, with the move and without it, from
//! what the player's side knows — the odds a player weighs before sending an offer, a tariff or
//! a statement. The game runs it in a background task (`ui::forecast`); the figures depend only
//! on the world and the question, so the same question gives the same forecast.
//!
//! What the side knows: the world as it stands (the public record of every state, dispute and
//! measure, and every order carried out so far, which the scenario's events answer), its own
//! orders queued for this month, and the scenario's calendar. What it does not know, and the
//! forecast therefore leaves out: the other teams' orders not yet run and the teacher's injects
//! not yet fired (dropped; the AI stands in for any other side people lead, as its best guess of
//! what they will do), and the dice (each of the seeds deals them afresh, the same seeds in both
//! branches, so that the two differ by the move alone). The side itself makes no other move in
//! either branch: a commands file's orders still to come (a replay's) are dropped too.

use bevy_ecs::world::World;
use rand::SeedableRng;

use crate::command::Command;
use crate::i18n::Words;
use crate::save::Snapshot;
use crate::scenario::{ObjectiveKind, Rung};
use crate::sim::{Dispute, Politics, Registry, Relations, SimRng};

/// What to forecast: `side`'s `order`, issued now, over `months` and `seeds`.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub side: String,
    pub order: Command,
    pub months: u32,
    pub seeds: u32,
}

impl Question {
    /// The game's question: 12 months over 32 seeds.
    pub fn new(side: &str, order: Command) -> Question {
        Question {
            side: side.to_string(),
            order,
            months: 12,
            seeds: 32,
        }
    }
}

/// The 10th, 50th and 90th percentiles.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Band {
    pub low: f64,
    pub median: f64,
    pub high: f64,
}

impl Band {
    fn of(mut v: Vec<f64>) -> Band {
        if v.is_empty() {
            return Band::default();
        }
        v.sort_by(f64::total_cmp);
        // Nearest rank: the same rule as `batch`'s percentiles (the rank a hair below the
        // product, so that 0.1 × 30 is rank 3, not 4).
        let at = |p: f64| v[((p * v.len() as f64 - 1e-9).ceil() as usize).clamp(1, v.len()) - 1];
        Band {
            low: at(0.1),
            median: at(0.5),
            high: at(0.9),
        }
    }
}

/// One branch of the forecast (with the move, or without it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Branch {
    /// The side's approval (0 … 1) month by month, now first.
    pub approval: Vec<Band>,
    /// Share of seeds in which a dispute between the side and the partner (the one the order
    /// is about, if it names one) reaches the public rung.
    pub public: f64,
    /// Share of seeds in which approval falls below the side's objective floor in some month.
    pub below_floor: f64,
    /// Share of seeds in which the dispute ends settled (the deal accepted).
    pub settled: f64,
    /// The partner's trust in the side at the end.
    pub trust: Band,
    /// The orders the model refused in this branch (the move itself, if it was refused).
    pub refused: Vec<String>,
}

/// The forecast: both branches and what they are about.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Forecast {
    pub side: String,
    /// The other state the odds are about, and the dispute, if the order names one.
    pub partner: Option<String>,
    pub dispute: Option<(String, String)>,
    /// The side's approval floor, from its objectives.
    pub floor: Option<f64>,
    pub months: u32,
    pub seeds: u32,
    /// The scenario month the forecast starts from.
    pub from: u32,
    pub with: Branch,
    pub without: Branch,
}

/// What `side` knows of the world: a snapshot without the other teams' queued orders, the
/// teacher's injects to come or any records, with the AI leading every other state.
pub fn known(world: &mut World, side: &str) -> Result<Snapshot, String> {
    let reg = world.resource::<Registry>();
    let i = reg
        .state(side)
        .ok_or_else(|| crate::i18n::remember(Words::new("forecast-error-no-side").plain("side", side)))?;
    // Of the records, only the log (events answer what was ordered before): the history, causes
    // and news are not needed to run on, and are not copied on the frame.
    let mut snap = Snapshot {
        format: crate::save::FORMAT_VERSION,
        scenario: world.resource::<crate::sim::ScenarioDef>().0.clone(),
        state: crate::sim::state::state(world),
        records: crate::save::Records {
            log: world.resource::<crate::sim::CommandLog>().clone(),
            ..Default::default()
        },
        words: Default::default(),
    };
    let st = &mut snap.state;
    st.pending.0.retain(|c| c.by == side);
    st.script.0.clear();
    st.control.player = Some(i);
    st.control.also.clear();
    st.control.ai = true;
    Ok(snap)
}

/// The seed of the `k`th run of a forecast from month `month`: the same for both branches.
fn seed(month: u32, k: u32) -> u64 {
    crate::sim::state::fnv1a(format!("forecast {month} {k}").as_bytes())
}

/// Run the forecast (a few hundred months of the model: the game does it in the background).
pub fn forecast(known: &Snapshot, q: &Question) -> Result<Forecast, String> {
    forecast_unless(known, q, &std::sync::atomic::AtomicBool::new(false))
}

/// `forecast`, giving up (with an error) as soon as `cancel` is set: the game sets it when the
/// window closes or another forecast starts.
pub fn forecast_unless(
    known: &Snapshot,
    q: &Question,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<Forecast, String> {
    let scenario = &known.scenario;
    let from = known.state.clock.month;
    let (partner, dispute) = about(known, q);
    let floor = scenario
        .objectives
        .iter()
        .filter(|o| o.side == q.side)
        .find_map(|o| match o.kind {
            ObjectiveKind::ApprovalFloor(f) => Some(f),
            _ => None,
        });
    let mut out = Forecast {
        side: q.side.clone(),
        partner: partner.clone(),
        dispute: dispute.clone(),
        floor,
        months: q.months,
        seeds: q.seeds,
        from,
        ..Forecast::default()
    };
    // Every run on its own world, on every core; collected in order, so the figures do not
    // depend on the thread count.
    use rayon::prelude::*;
    let jobs: Vec<(bool, u32)> = [true, false]
        .into_iter()
        .flat_map(|with| (0..q.seeds).map(move |k| (with, k)))
        .collect();
    let id = dispute.as_ref().map(|d| d.0.as_str());
    let mut all = jobs
        .par_iter()
        .map_init(
            || None,
            |world, &(with, k)| {
                if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                    return Err(crate::i18n::remember(Words::new("forecast-cancelled")));
                }
                run(
                    world,
                    known,
                    q,
                    with,
                    seed(from, k),
                    partner.as_deref(),
                    id,
                    floor,
                )
            },
        )
        .collect::<Result<Vec<Outcome>, String>>()?;
    let without_runs = all.split_off(q.seeds as usize);
    for (with, runs) in [(true, all), (false, without_runs)] {
        let n = runs.len().max(1) as f64;
        let share = |f: &dyn Fn(&Outcome) -> bool| runs.iter().filter(|r| f(r)).count() as f64 / n;
        let branch = Branch {
            approval: (0..=q.months as usize)
                .map(|m| Band::of(runs.iter().filter_map(|r| r.approval.get(m).copied()).collect()))
                .collect(),
            public: share(&|r| r.public),
            below_floor: share(&|r| r.below),
            settled: share(&|r| r.settled),
            trust: Band::of(runs.iter().filter_map(|r| r.trust).collect()),
            refused: runs.first().map(|r| r.refused.clone()).unwrap_or_default(),
        };
        if with {
            out.with = branch;
        } else {
            out.without = branch;
        }
    }
    Ok(out)
}

/// The partner and the dispute an order is about: a dispute order's dispute and its other
/// party; a trade order's target (the other playable side for orders on every partner).
fn about(known: &Snapshot, q: &Question) -> (Option<String>, Option<(String, String)>) {
    let s = &known.scenario;
    let disputes = &known.state.disputes;
    let reg_states: Vec<&str> = s.states.iter().map(|x| x.id.as_str()).collect();
    let id_of = |i: usize| reg_states.get(i).map(|x| x.to_string());
    let side = reg_states.iter().position(|x| *x == q.side);
    let named = q
        .order
        .dispute()
        .and_then(|id| disputes.iter().find(|d| d.id == id));
    if let Some(d) = named {
        let other = if Some(d.complainant) == side {
            d.respondent
        } else {
            d.complainant
        };
        return (id_of(other), Some((d.id.clone(), d.title.clone())));
    }
    // A trade order is about the side's relations with the target: every dispute between them
    // (a retaliation over cars may well set off the fight over rice).
    let target = match q.order.target_and_sector() {
        Some((t, _)) if t != "all" => Some(t.to_string()),
        _ => s.meta.sides.iter().find(|x| **x != q.side).cloned(),
    };
    (target, None)
}

/// What one run of a branch came to.
struct Outcome {
    approval: Vec<f64>,
    public: bool,
    below: bool,
    settled: bool,
    trust: Option<f64>,
    refused: Vec<String>,
}

/// One seed of one branch, in `world` (built from `known` on first use, then reset to it: a
/// scenario's build costs more than its twelve months).
#[allow(clippy::too_many_arguments)]
fn run(
    world: &mut Option<crate::sim::Simulation>,
    known: &Snapshot,
    q: &Question,
    with: bool,
    seed: u64,
    partner: Option<&str>,
    dispute: Option<&str>,
    floor: Option<f64>,
) -> Result<Outcome, String> {
    let sim = match world {
        Some(sim) => {
            crate::save::reset_taken(sim, known)?;
            sim
        }
        None => world.insert(crate::save::restore_taken(known)?),
    };
    sim.world_mut()
        .insert_resource(SimRng(rand_chacha::ChaCha8Rng::seed_from_u64(seed)));
    if with {
        sim.issue(&q.side, q.order.clone(), crate::sim::Origin::Player);
    }
    let reg = sim.world().resource::<Registry>().clone();
    let me = reg
        .state(&q.side)
        .ok_or_else(|| crate::i18n::remember(Words::new("forecast-error-unknown-side")))?;
    let other = partner.and_then(|p| reg.state(p));
    let mut o = Outcome {
        approval: Vec::new(),
        public: false,
        below: false,
        settled: false,
        trust: None,
        refused: Vec::new(),
    };
    // Now (the chart's first point), then each month: the odds count the months to come.
    let look = |world: &mut World, o: &mut Outcome, now: bool| {
        let approval = world
            .get::<Politics>(reg.entities[me])
            .map_or(f64::NAN, |p| p.approval);
        o.approval.push(approval);
        if now {
            return;
        }
        o.below |= floor.is_some_and(|f| approval < f);
        let mut q = world.query::<&Dispute>();
        for d in q.iter(world) {
            let ours = match dispute {
                Some(id) => d.id == id,
                None => other.is_some_and(|j| {
                    (d.complainant == me && d.respondent == j) || (d.complainant == j && d.respondent == me)
                }),
            };
            if ours && d.is_open() && d.rung == Rung::Public {
                o.public = true;
            }
        }
    };
    look(sim.world_mut(), &mut o, true);
    let logged = sim.world().resource::<crate::sim::CommandLog>().0.len();
    for _ in 0..q.months {
        sim.step();
        look(sim.world_mut(), &mut o, false);
    }
    let world = sim.world_mut();
    o.refused = world.resource::<crate::sim::CommandLog>().0[logged..]
        .iter()
        .filter(|e| e.issued.by == q.side)
        .filter_map(|e| e.rejected.clone())
        .collect();
    if let Some(id) = dispute {
        let mut q = world.query::<&Dispute>();
        o.settled = q.iter(world).any(|d| d.id == id && !d.is_open());
    }
    o.trust = other.map(|j| world.resource::<Relations>().trust(j, me));
    Ok(o)
}
