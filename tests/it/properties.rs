//! Property tests (issue 13): random command sequences, valid and invalid, issued at random
//! months, over 100 seeds each, in the small world (`tests/data/mini.ron`) and one real level
//! (`levels/2025_tariff_shock.ron`, a few months). After every month: no NaN or infinity
//! anywhere in the state, CES shares sum to one, prices positive, trust in [its floor, 1],
//! ceilings in [floor, 1] and never rising, alignment in [−1, 1], approval in [0, 1], output
//! caps in [0, 1]. Every order is logged exactly once, and one with a made-up id or a bad
//! number is refused. The same inputs give the same hash month by month, and saving at a
//! random month (through a file, as the game does) and resuming gives the hashes of the run
//! that never stopped.
//!
//! The cases are the same on every run: proptest's generator is seeded with a fixed number
//! (`PROPTEST_RNG_SEED` overrides it, `PROPTEST_CASES` the count), and failure persistence is
//! off, so no `proptest-regressions` files are written. A failure prints the shrunk case;
//! keep it as a named test below the properties.

use std::sync::atomic::{AtomicU32, Ordering};

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngSeed};

use crate::common;
use tradecraft::command::{Channel, Command, Offer, TariffCut, Tone};
use tradecraft::save;
use tradecraft::scenario::Scenario;
use tradecraft::scenario::validate::{MAX_TARIFF, MAX_VALUE};
use tradecraft::sim::strategic_inputs::Bottlenecks;
use tradecraft::sim::*;

/// Seeds per property: each case draws its own model seed.
const CASES: u32 = 100;

fn config() -> Config {
    let env = Config::default();
    let set = |v: &str| std::env::var_os(v).is_some();
    Config {
        cases: if set("PROPTEST_CASES") { env.cases } else { CASES },
        rng_seed: if set("PROPTEST_RNG_SEED") {
            env.rng_seed
        } else {
            RngSeed::Fixed(13)
        },
        failure_persistence: None,
        // A failing case shrinks by rerunning the model; stop after a minute with what it has.
        max_shrink_time: 60_000,
        max_shrink_iters: 10_000,
        ..env
    }
}

/// The ids a scenario offers, for commands that name real things.
#[derive(Debug, Clone)]
struct Ids {
    states: Vec<String>,
    sectors: Vec<String>,
    disputes: Vec<String>,
    frameworks: Vec<String>,
    applicants: Vec<String>,
    acquisitions: Vec<String>,
    sides: Vec<String>,
    /// Each dispute's two parties.
    parties: Vec<(String, [String; 2])>,
}

impl Ids {
    fn parties(&self, dispute: &str) -> Option<&[String; 2]> {
        self.parties.iter().find(|(d, _)| d == dispute).map(|(_, p)| p)
    }

    /// Whether every id the command names is known (numbers aside).
    fn known(&self, c: &Command) -> bool {
        let partner = |t: &String| t == "all" || self.states.contains(t);
        let sector = |s: &String| s == "all" || self.sectors.contains(s);
        match c {
            Command::RemoveTariff { target, sector: s }
            | Command::RemoveQuota { target, sector: s }
            | Command::LiftRestraint { target, sector: s }
            | Command::LiftExportControl { target, sector: s } => partner(target) && sector(s),
            Command::AcceptOffer { dispute } | Command::RejectOffer { dispute } => {
                self.disputes.contains(dispute)
            }
            _ => unreachable!("only follow-ups are checked this way"),
        }
    }

    fn of(s: &Scenario) -> Ids {
        let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<_>>();
        let mut applicants: Vec<String> = s
            .frameworks
            .iter()
            .flat_map(|f| f.applicants.iter().cloned())
            .collect();
        applicants.sort();
        applicants.dedup();
        Ids {
            states: ids(s.states.iter().map(|x| &x.id).collect()),
            sectors: ids(s.sectors.iter().map(|x| &x.id).collect()),
            disputes: ids(s.disputes.iter().map(|x| &x.id).collect()),
            frameworks: ids(s.frameworks.iter().map(|x| &x.id).collect()),
            applicants,
            acquisitions: ids(s.acquisitions.iter().map(|x| &x.id).collect()),
            sides: s.meta.sides.clone(),
            parties: s
                .disputes
                .iter()
                .map(|d| (d.id.clone(), [d.complainant.clone(), d.respondent.clone()]))
                .collect(),
        }
    }
}

/// A value and whether it is garbage (a made-up id, a number out of range): a command with
/// any garbage in it must be refused.
type G<T> = (T, bool);

/// An id from `pool` (9 times in 10) or a made-up one.
fn id(pool: &[String], garbage: &'static [&'static str]) -> BoxedStrategy<G<String>> {
    let pool = pool.to_vec();
    let garbage: Vec<String> = garbage.iter().map(|s| s.to_string()).collect();
    if pool.is_empty() {
        return select(garbage).prop_map(|s| (s, true)).boxed();
    }
    prop_oneof![
        9 => select(pool).prop_map(|s| (s, false)),
        1 => select(garbage).prop_map(|s| (s, true)),
    ]
    .boxed()
}

const NO_STATE: &[&str] = &["", "XXX", "jpn", "all "];
const NO_SECTOR: &[&str] = &["", "cars", "ALL"];
const NO_THING: &[&str] = &["", "nope", "auto_tariffs "];

/// A partner for a measure: a state, "all", or garbage.
fn partner(ids: &Ids) -> BoxedStrategy<G<String>> {
    let mut pool = ids.states.clone();
    pool.push("all".into());
    id(&pool, NO_STATE)
}

fn sector(ids: &Ids) -> BoxedStrategy<G<String>> {
    let mut pool = ids.sectors.clone();
    pool.push("all".into());
    id(&pool, NO_SECTOR)
}

/// A number in `lo..hi`, now and then `lo` or the model's largest accepted `max`; or garbage:
/// NaN, ±infinity, negative, beyond `max`.
fn number(lo: f64, hi: f64, max: f64) -> BoxedStrategy<G<f64>> {
    prop_oneof![
        12 => (lo..hi).prop_map(|v| (v, false)),
        1 => select(vec![lo, max]).prop_map(|v| (v, false)),
        2 => select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.5, max * 1.05, 1e300])
            .prop_map(|v| (v, true)),
    ]
    .boxed()
}

/// A tariff rate: 0.25 = 25%, at most `MAX_TARIFF` (1000%).
fn rate() -> BoxedStrategy<G<f64>> {
    number(0.0, 1.0, MAX_TARIFF)
}

/// A volume or a sum, bn USD (a year): at most `MAX_VALUE`.
fn volume() -> BoxedStrategy<G<f64>> {
    number(0.0, 80.0, MAX_VALUE)
}

fn channel() -> impl Strategy<Value = Channel> {
    select(vec![
        Channel::WorkingLevel,
        Channel::Ministerial,
        Channel::Leaders,
    ])
}

fn sectors(ids: &Ids) -> BoxedStrategy<G<Vec<String>>> {
    prop::collection::vec(sector(ids), 0..3)
        .prop_map(|v| {
            let bad = v.iter().any(|x| x.1);
            (v.into_iter().map(|x| x.0).collect(), bad)
        })
        .boxed()
}

/// Offered cuts and asks: rates near today's tariffs, so that some are real cuts.
fn cuts(ids: &Ids) -> BoxedStrategy<G<Vec<TariffCut>>> {
    prop::collection::vec((sector(ids), number(0.0, 0.1, MAX_TARIFF)), 0..3)
        .prop_map(|v| {
            let bad = v.iter().any(|(s, r)| s.1 || r.1);
            let cuts = v
                .into_iter()
                .map(|(s, r)| TariffCut {
                    sector: s.0,
                    rate: r.0,
                })
                .collect();
            (cuts, bad)
        })
        .boxed()
}

fn offer(ids: &Ids) -> BoxedStrategy<G<Offer>> {
    let money = || {
        prop_oneof![
            1 => Just((0.0, false)),
            1 => number(0.0, 50.0, MAX_VALUE),
        ]
    };
    (cuts(ids), sectors(ids), money(), money(), cuts(ids))
        .prop_map(|(c, x, p, i, a)| {
            let bad = c.1 || x.1 || p.1 || i.1 || a.1;
            let offer = Offer {
                tariff_cuts: c.0,
                excluded: x.0,
                purchases: p.0,
                investment: i.0,
                asks: a.0,
            };
            (offer, bad)
        })
        .boxed()
}

/// Any command of the vocabulary, with ids from the scenario or made up.
fn command(ids: &Ids) -> BoxedStrategy<G<Command>> {
    let (p, s) = (partner(ids), sector(ids));
    let dispute = id(&ids.disputes, NO_THING);
    let tone = select(vec![Tone::Conciliatory, Tone::Firm, Tone::Hostile]);
    let state = id(&ids.states, NO_STATE);
    let pair = (p.clone(), s.clone());
    prop_oneof![
        3 => (pair.clone(), rate()).prop_map(|((t, s), r)| (
            Command::SetTariff { target: t.0, sector: s.0, rate: r.0 },
            t.1 || s.1 || r.1,
        )),
        1 => pair.clone().prop_map(|(t, s)| (
            Command::RemoveTariff { target: t.0, sector: s.0 },
            t.1 || s.1,
        )),
        1 => (pair.clone(), volume(), any::<bool>()).prop_map(|((t, s), v, voluntary)| (
            Command::SetQuota { target: t.0, sector: s.0, volume: v.0, voluntary },
            t.1 || s.1 || v.1,
        )),
        1 => pair.clone().prop_map(|(t, s)| (
            Command::RemoveQuota { target: t.0, sector: s.0 },
            t.1 || s.1,
        )),
        1 => (pair.clone(), volume()).prop_map(|((t, s), v)| (
            Command::RestrainExports { target: t.0, sector: s.0, volume: v.0 },
            t.1 || s.1 || v.1,
        )),
        1 => pair.clone().prop_map(|(t, s)| (
            Command::LiftRestraint { target: t.0, sector: s.0 },
            t.1 || s.1,
        )),
        2 => pair.clone().prop_map(|(t, s)| (
            Command::ImposeExportControl { target: t.0, sector: s.0 },
            t.1 || s.1,
        )),
        1 => pair.prop_map(|(t, s)| (
            Command::LiftExportControl { target: t.0, sector: s.0 },
            t.1 || s.1,
        )),
        2 => (dispute.clone(), channel(), sectors(ids), sectors(ids)).prop_map(|(d, c, sc, ex)| (
            Command::OpenNegotiation { dispute: d.0, channel: c, scope: sc.0, excluded: ex.0 },
            d.1 || sc.1 || ex.1,
        )),
        2 => (dispute.clone(), channel(), offer(ids)).prop_map(|(d, c, o)| (
            Command::MakeOffer { dispute: d.0, channel: c, offer: o.0 },
            d.1 || o.1,
        )),
        2 => dispute.clone().prop_map(|d| (Command::AcceptOffer { dispute: d.0 }, d.1)),
        1 => dispute.clone().prop_map(|d| (Command::RejectOffer { dispute: d.0 }, d.1)),
        1 => dispute.clone().prop_map(|d| (Command::FileDispute { dispute: d.0 }, d.1)),
        2 => (dispute, tone).prop_map(|(d, t)| (Command::Statement { dispute: d.0, tone: t }, d.1)),
        1 => (id(&ids.acquisitions, NO_THING), any::<bool>(), any::<bool>()).prop_map(
            |(a, approve, conditions)| (
                Command::ReviewAcquisition { acquisition: a.0, approve, conditions },
                a.1,
            )
        ),
        2 => (
            id(&ids.frameworks, NO_THING),
            id(&ids.applicants, NO_STATE),
            any::<bool>(),
        ).prop_map(|(f, a, support)| (
            Command::VoteOnApplicant { framework: f.0, applicant: a.0, support },
            f.1 || a.1,
        )),
        2 => state.prop_map(|t| (Command::Court { target: t.0 }, t.1)),
    ]
    .boxed()
}

/// One order: at `month`, `by` gives `command` (as the player or as an AI government).
#[derive(Debug, Clone)]
struct Order {
    month: u32,
    by: String,
    command: Command,
    ai: bool,
    /// A made-up id or a bad number somewhere in it: it must be refused.
    garbage: bool,
}

#[derive(Debug, Clone)]
struct Case {
    seed: u64,
    player: Option<String>,
    months: u32,
    /// Save and resume at the start of this month, before or after its orders are queued.
    save_at: u32,
    save_before_orders: bool,
    orders: Vec<Order>,
}

/// The order that undoes or answers `o`, if it has one: a measure lifted by the state that
/// set it, an offer accepted or rejected by the other party.
fn follow_up(ids: &Ids, o: &Order, month: u32, accept: bool) -> Option<Order> {
    let (by, command) = match &o.command {
        Command::SetTariff { target, sector, .. } => (
            o.by.clone(),
            Command::RemoveTariff {
                target: target.clone(),
                sector: sector.clone(),
            },
        ),
        Command::SetQuota { target, sector, .. } => (
            o.by.clone(),
            Command::RemoveQuota {
                target: target.clone(),
                sector: sector.clone(),
            },
        ),
        Command::RestrainExports { target, sector, .. } => (
            o.by.clone(),
            Command::LiftRestraint {
                target: target.clone(),
                sector: sector.clone(),
            },
        ),
        Command::ImposeExportControl { target, sector } => (
            o.by.clone(),
            Command::LiftExportControl {
                target: target.clone(),
                sector: sector.clone(),
            },
        ),
        Command::MakeOffer { dispute, .. } => {
            let other = ids.parties(dispute)?.iter().find(|p| **p != o.by)?.clone();
            let dispute = dispute.clone();
            let c = if accept {
                Command::AcceptOffer { dispute }
            } else {
                Command::RejectOffer { dispute }
            };
            (other, c)
        }
        _ => return None,
    };
    let garbage = !ids.states.contains(&by) || !ids.known(&command);
    Some(Order {
        month,
        by,
        command,
        ai: o.ai,
        garbage,
    })
}

/// An order, with now and then its follow-up some months later. Moves in a dispute come
/// mostly from its parties.
fn orders(ids: &Ids, months: u32) -> BoxedStrategy<Vec<Order>> {
    let ids = ids.clone();
    (
        0..months,
        id(&ids.states, NO_STATE),
        command(&ids),
        any::<bool>(),
        (0..4usize, any::<bool>()),
        prop::option::weighted(0.4, 1..6u32),
    )
        .prop_map(move |(month, by, (command, bad), ai, (party, accept), later)| {
            let mut by = by;
            if let Some(d) = command.dispute()
                && let Some(p) = ids.parties(d)
                && party < 3
            {
                by = (p[party % 2].clone(), false);
            }
            let first = Order {
                month,
                garbage: by.1 || bad,
                by: by.0,
                command,
                ai,
            };
            let second = later
                .map(|l| month + l)
                .filter(|&m| m < months)
                .and_then(|m| follow_up(&ids, &first, m, accept));
            std::iter::once(first).chain(second).collect()
        })
        .boxed()
}

fn case(s: &Scenario, months: std::ops::RangeInclusive<u32>, orders_at_most: usize) -> BoxedStrategy<Case> {
    let ids = Ids::of(s);
    let mut sides: Vec<Option<String>> = ids.sides.iter().cloned().map(Some).collect();
    sides.push(None);
    months
        .prop_flat_map(move |months| {
            (
                any::<u64>(),
                select(sides.clone()),
                0..months,
                any::<bool>(),
                prop::collection::vec(orders(&ids, months), 0..=orders_at_most),
            )
                .prop_map(move |(seed, player, save_at, save_before_orders, orders)| Case {
                    seed,
                    player,
                    months,
                    save_at,
                    save_before_orders,
                    orders: orders.into_iter().flatten().collect(),
                })
        })
        .boxed()
}

/// An order's tag in `Issued::reason`, to find it in the log (reasons are not hashed).
fn tag(i: usize) -> String {
    format!("property order {i}")
}

fn queue(sim: &mut Simulation, case: &Case, month: u32) {
    for (i, o) in case.orders.iter().enumerate().filter(|(_, o)| o.month == month) {
        sim.world_mut().resource_mut::<PendingCommands>().0.push(Issued {
            by: o.by.clone(),
            command: o.command.clone(),
            origin: if o.ai { Origin::Ai } else { Origin::Player },
            reason: tag(i),
        });
    }
}

/// Through a file, as the game saves and loads; the resumed world has the same hash.
fn save_and_resume(mut sim: Simulation) -> Result<Simulation, TestCaseError> {
    static N: AtomicU32 = AtomicU32::new(0);
    let path = std::env::temp_dir().join(format!(
        "tradecraft-property-{}-{}.ron",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let before = sim.state_hash();
    save::save(sim.world_mut(), &path).map_err(|e| TestCaseError::fail(format!("save: {e}")))?;
    drop(sim);
    let snap = save::load(&path).map_err(|e| TestCaseError::fail(format!("load: {e}")))?;
    let _ = std::fs::remove_file(&path);
    let mut resumed = save::restore(&snap).map_err(TestCaseError::fail)?;
    prop_assert_eq!(resumed.state_hash(), before, "the resumed world differs");
    Ok(resumed)
}

/// Run the case month by month, checking the invariants after each month; with `resume`,
/// save and resume where the case says. The hash after each month.
fn play(s: &Scenario, case: &Case, resume: bool) -> Result<Vec<u64>, TestCaseError> {
    let mut sim = Simulation::new(s, case.seed, case.player.as_deref()).map_err(TestCaseError::fail)?;
    let mut hashes = Vec::new();
    let mut ceilings: Option<Vec<f64>> = None;
    for month in 0..case.months {
        let resume_now = resume && month == case.save_at;
        if resume_now && case.save_before_orders {
            sim = save_and_resume(sim)?;
        }
        queue(&mut sim, case, month);
        if resume_now && !case.save_before_orders {
            sim = save_and_resume(sim)?;
        }
        sim.step();
        invariants(&mut sim, month, &mut ceilings)?;
        hashes.push(sim.state_hash());
    }
    orders_were_judged(&sim, case)?;
    // The causes are numbers too (the log keeps refused orders as given, NaN and all).
    let causes = &sim.world().resource::<Causes>().0;
    if let Some(c) = causes.iter().find(|c| !c.delta.is_finite()) {
        prop_assert!(false, "a cause with a non-finite delta: {:?}", c);
    }
    Ok(hashes)
}

fn invariants(
    sim: &mut Simulation,
    month: u32,
    ceilings: &mut Option<Vec<f64>>,
) -> Result<(), TestCaseError> {
    let st = tradecraft::sim::state::state(sim.world_mut());
    let text = ron::to_string(&st).unwrap();
    prop_assert_eq!(non_finite(&text), None, "month {}: in the state", month);
    let w = sim.world();
    let (t, reg, wedges) = (
        w.resource::<Trade>(),
        w.resource::<Registry>(),
        w.resource::<Wedges>(),
    );
    prop_assert!(
        t.flow.iter().all(|f| *f >= 0.0),
        "month {}: a negative flow",
        month
    );
    prop_assert!(
        t.price.iter().all(|p| *p > 0.0),
        "month {}: a price not positive: {:?}",
        month,
        t.price
    );
    prop_assert!(
        t.price_index.iter().all(|p| *p > 0.0),
        "month {}: a price index not positive",
        month
    );
    for i in 0..t.n {
        for s in 0..t.k {
            let sum: f64 = tradecraft::sim::trade::ces_shares(reg, wedges, t, i, s)
                .iter()
                .sum();
            prop_assert!(
                sum == 0.0 || (sum - 1.0).abs() < 1e-9,
                "month {}: shares of market ({}, {}) sum to {}",
                month,
                i,
                s,
                sum
            );
        }
    }
    let r = w.resource::<Relations>();
    let share = w.resource::<Params>().0.trust_floor;
    for c in 0..r.trust.len() {
        let floor = r.floor(c / r.n, c % r.n, share);
        let (trust, ceiling) = (r.trust[c], r.ceiling[c]);
        prop_assert!(
            (floor - 1e-12..=1.0).contains(&trust),
            "month {}: trust {} → {} is {} (floor {})",
            month,
            c / r.n,
            c % r.n,
            trust,
            floor
        );
        prop_assert!(
            (floor - 1e-12..=1.0).contains(&ceiling),
            "month {}: ceiling {} (floor {})",
            month,
            ceiling,
            floor
        );
        if let Some(before) = ceilings.as_ref() {
            prop_assert!(
                ceiling <= before[c],
                "month {}: the ceiling {} → {} rose from {} to {}",
                month,
                c / r.n,
                c % r.n,
                before[c],
                ceiling
            );
        }
    }
    *ceilings = Some(r.ceiling.clone());
    // This month's history row: NaN marks a value absent, which only an applicant that has
    // left its framework's list (admitted or turned away) may be; infinity never.
    let applying: Vec<String> = st
        .frameworks
        .iter()
        .flat_map(|f| {
            f.applicants
                .iter()
                .map(|a| format!("{}:{}", f.id, reg.states[a.state]))
        })
        .collect();
    let left = |who: &str| {
        who.split_once(':')
            .is_some_and(|(f, _)| st.frameworks.iter().any(|x| x.id == f))
            && !applying.iter().any(|a| a == who)
    };
    let h = w.resource::<History>();
    if let Some(row) = h.rows.last() {
        for (v, (who, what)) in row.iter().zip(&h.columns) {
            prop_assert!(
                v.is_finite() || (v.is_nan() && left(who)),
                "month {}: history {} {} is {}",
                month,
                who,
                what,
                v
            );
        }
    }
    let b = w.resource::<Bottlenecks>();
    prop_assert!(
        b.cap.iter().all(|c| (0.0..=1.0).contains(c)),
        "month {}: an output cap out of [0, 1]: {:?}",
        month,
        b.cap
    );
    for (c, _, p, _) in &st.countries {
        prop_assert!(
            (-1.0..=1.0).contains(&p.alignment),
            "month {}: {}'s alignment {}",
            month,
            c.id,
            p.alignment
        );
        prop_assert!(
            (0.0..=1.0).contains(&p.approval),
            "month {}: {}'s approval {}",
            month,
            c.id,
            p.approval
        );
    }
    Ok(())
}

/// Every order reached the log once, in its month, and each with garbage in it was refused.
fn orders_were_judged(sim: &Simulation, case: &Case) -> Result<(), TestCaseError> {
    let log = &sim.world().resource::<CommandLog>().0;
    for (i, o) in case.orders.iter().enumerate() {
        let t = tag(i);
        let entries: Vec<&LogEntry> = log.iter().filter(|e| e.issued.reason == t).collect();
        prop_assert_eq!(
            entries.len(),
            1,
            "order {} ({:?}) logged {} times",
            i,
            o,
            entries.len()
        );
        prop_assert_eq!(entries[0].month, o.month, "order {} logged in another month", i);
        if o.garbage {
            prop_assert!(
                entries[0].rejected.is_some(),
                "order {} has garbage but was applied: {:?}",
                i,
                o
            );
        }
    }
    Ok(())
}

/// The first `NaN` or `inf` written as a number in RON text (outside string literals), with
/// the text before it.
fn non_finite(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let (mut i, mut in_str) = (0, false);
    while i < b.len() {
        let c = b[i];
        if in_str {
            match c {
                b'\\' => i += 1,
                b'"' => in_str = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if c == b'"' {
            in_str = true;
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            let word = &text[start..i];
            if word == "NaN" || word == "inf" {
                return Some(text[start.saturating_sub(120)..i].to_string());
            }
            continue;
        }
        i += 1;
    }
    None
}

fn mini() -> &'static Scenario {
    static S: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    S.get_or_init(common::mini)
}

fn tariff_shock() -> &'static Scenario {
    static S: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    S.get_or_init(|| common::level("2025_tariff_shock.ron"))
}

/// Run straight through, then again with a save and resume: the invariants hold in both,
/// and the hashes agree month by month.
fn check(s: &Scenario, case: &Case) -> Result<(), TestCaseError> {
    let straight = play(s, case, false)?;
    let resumed = play(s, case, true)?;
    prop_assert_eq!(straight, resumed, "hashes month by month");
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// The small world: up to two years, up to 24 orders.
    #[test]
    fn mini_world_keeps_its_invariants_and_its_hash(c in case(mini(), 1..=24, 24)) {
        check(mini(), &c)?;
    }

    /// The 2025 level, its first months (its timeline fires too).
    #[test]
    fn tariff_shock_keeps_its_invariants_and_its_hash(c in case(tariff_shock(), 1..=4, 12)) {
        check(tariff_shock(), &c)?;
    }
}

#[test]
fn the_nan_finder_reads_numbers_not_words() {
    assert_eq!(non_finite("(a: 1.0, b: \"NaN inf\", c: Inflation)"), None);
    assert!(non_finite("(a: 1.0, b: NaN)").is_some());
    assert!(non_finite("(a: [-inf])").is_some());
    assert!(non_finite("(a: \"x\\\"\", b: inf)").is_some());
}

/// Guard against properties that hold because nothing happens: over the small world's 100
/// cases, every kind of command is applied at least once and refused at least once.
#[test]
fn the_generated_orders_reach_the_whole_vocabulary() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{TestRng, TestRunner};
    let cfg = config();
    let rng = TestRng::deterministic_rng(cfg.rng_algorithm);
    let mut runner = TestRunner::new_with_rng(cfg, rng);
    let strategy = case(mini(), 1..=24, 24);
    let mut applied = std::collections::BTreeMap::<&str, usize>::new();
    let mut refused = std::collections::BTreeMap::<&str, usize>::new();
    for _ in 0..CASES {
        let c = strategy.new_tree(&mut runner).unwrap().current();
        let mut sim = Simulation::new(mini(), c.seed, c.player.as_deref()).unwrap();
        for m in 0..c.months {
            queue(&mut sim, &c, m);
            sim.step();
        }
        let log = &sim.world().resource::<CommandLog>().0;
        for e in log
            .iter()
            .filter(|e| e.issued.reason.starts_with("property order"))
        {
            let tally = if e.rejected.is_none() {
                &mut applied
            } else {
                &mut refused
            };
            *tally.entry(e.issued.command.name()).or_default() += 1;
        }
    }
    for name in tradecraft::scenario::COMMAND_NAMES {
        assert!(
            applied.contains_key(name) && refused.contains_key(name),
            "{name} was never applied or never refused:\napplied {applied:?}\nrefused {refused:?}"
        );
    }
}
