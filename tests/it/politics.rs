//! Politics and diplomacy behave as the game teaches: quiet handling keeps disputes down, public
//! fights cost trust that never fully comes back, protection feeds the lobbies that won it,
//! tariffs on allies push onlookers to hedge, hedging majorities pressure holdouts, and AI
//! governments produce a varied, stable world.

use crate::common;

use tradecraft::command::{Channel, Command, Offer, TariffCut, Tone};
use tradecraft::scenario::Rung;
use tradecraft::sim::*;

fn dispute(sim: &mut Simulation, id: &str) -> Dispute {
    let w = sim.world_mut();
    let mut q = w.query::<&Dispute>();
    q.iter(w).find(|d| d.id == id).unwrap().clone()
}
fn trust(sim: &Simulation, from: &str, to: &str) -> f64 {
    let reg = sim.world().resource::<Registry>();
    let (a, b) = (reg.state(from).unwrap(), reg.state(to).unwrap());
    sim.world().resource::<Relations>().trust(a, b)
}
fn quiet_sim(seed: u64) -> Simulation {
    let mut sim = Simulation::new(&common::mini(), seed, Some("JPN")).unwrap();
    sim.set_ai(false);
    sim
}
fn say(sim: &mut Simulation, by: &str, c: Command) {
    sim.issue(by, c, Origin::Player);
}
/// A level run `months` with the player leading `side` and, if given, one order in month 0.
fn run_with(file: &str, side: &str, order: Option<Command>, months: u32, ai: bool) -> Simulation {
    let s = common::level(file);
    let mut sim = Simulation::new(&s, 1, Some(side)).unwrap();
    sim.set_ai(ai);
    if let Some(c) = order {
        say(&mut sim, side, c);
    }
    sim.run(months);
    sim
}

/// Summary of a dispute's path over a run: highest rung, highest salience, trust lost.
fn path(
    mut sim: Simulation,
    id: &str,
    months: u32,
    each_month: impl Fn(&mut Simulation, u32),
) -> (Rung, f64, f64) {
    let t0 = trust(&sim, "JPN", "USA") + trust(&sim, "USA", "JPN");
    let (mut peak, mut sal) = (Rung::WorkingLevel, 0.0f64);
    for m in 0..months {
        each_month(&mut sim, m);
        sim.step();
        let d = dispute(&mut sim, id);
        peak = peak.max(d.rung);
        sal = sal.max(d.salience);
    }
    let t1 = trust(&sim, "JPN", "USA") + trust(&sim, "USA", "JPN");
    (peak, sal, t0 - t1)
}

/// The same auto dispute, handled quietly at the working level with a carve-out on the table,
/// or fought with hostile statements: the second climbs to the public rungs, with far more
/// salience and trust lost (Putnam's two-level game; the seed's lesson).
#[test]
fn working_level_with_carve_out_keeps_the_dispute_down_hostility_drives_it_up() {
    for seed in [1, 2, 3] {
        let quiet = path(quiet_sim(seed), "autos", 24, |sim, m| {
            if m % 3 == 0 {
                say(
                    sim,
                    "JPN",
                    Command::OpenNegotiation {
                        dispute: "autos".into(),
                        channel: Channel::WorkingLevel,
                        scope: vec!["autos".into()],
                        excluded: vec!["agri".into()],
                    },
                );
                let offer = Offer {
                    tariff_cuts: vec![],
                    excluded: vec!["agri".into()],
                    purchases: 2.0,
                    investment: 0.0,
                    asks: vec![],
                };
                say(
                    sim,
                    "JPN",
                    Command::MakeOffer {
                        dispute: "autos".into(),
                        channel: Channel::WorkingLevel,
                        offer,
                    },
                );
            }
        });
        let loud = path(quiet_sim(seed), "autos", 24, |sim, m| {
            if m < 12 {
                say(
                    sim,
                    "JPN",
                    Command::Statement {
                        dispute: "autos".into(),
                        tone: Tone::Hostile,
                    },
                );
                say(
                    sim,
                    "USA",
                    Command::Statement {
                        dispute: "autos".into(),
                        tone: Tone::Hostile,
                    },
                );
            }
        });
        assert!(
            quiet.0 <= Rung::Ministerial,
            "seed {seed}: quiet peaked at {:?}",
            quiet.0
        );
        assert!(
            loud.0 >= Rung::Leaders,
            "seed {seed}: loud peaked at {:?}",
            loud.0
        );
        assert!(
            loud.1 > quiet.1 + 0.3,
            "seed {seed}: salience {} vs {}",
            loud.1,
            quiet.1
        );
        assert!(
            loud.2 > 3.0 * quiet.2.max(0.01),
            "seed {seed}: trust lost {} vs {}",
            loud.2,
            quiet.2
        );
    }
}

/// After a public confrontation, even a settled dispute and years of calm leave trust below
/// where it was: the ceiling fell and does not come back.
#[test]
fn trust_after_a_public_fight_stays_below_its_prior_level() {
    let mut sim = quiet_sim(4);
    let before = trust(&sim, "JPN", "USA");
    for _ in 0..10 {
        say(
            &mut sim,
            "USA",
            Command::Statement {
                dispute: "autos".into(),
                tone: Tone::Hostile,
            },
        );
        say(
            &mut sim,
            "JPN",
            Command::Statement {
                dispute: "autos".into(),
                tone: Tone::Hostile,
            },
        );
        sim.step();
    }
    assert!(
        dispute(&mut sim, "autos").public_months > 0,
        "the fight went public"
    );
    let offer = Offer {
        tariff_cuts: vec![TariffCut {
            sector: "autos".into(),
            rate: 0.0,
        }],
        ..Offer::default()
    };
    say(
        &mut sim,
        "USA",
        Command::MakeOffer {
            dispute: "autos".into(),
            channel: Channel::Ministerial,
            offer,
        },
    );
    sim.step();
    say(
        &mut sim,
        "JPN",
        Command::AcceptOffer {
            dispute: "autos".into(),
        },
    );
    sim.run(120);
    assert!(!dispute(&mut sim, "autos").is_open(), "settled");
    let after = trust(&sim, "JPN", "USA");
    assert!(after < before - 0.05, "trust {after} should stay below {before}");
}

/// A lobby that has won protection once is better organised, so the same loss makes it press
/// harder (the "sense of success" of Japan's rice farmers and U.S. steel).
#[test]
fn a_lobby_that_won_protection_presses_harder_under_the_same_loss() {
    let uaw = |sim: &mut Simulation| {
        let w = sim.world_mut();
        let mut q = w.query::<&Lobby>();
        q.iter(w).find(|l| l.id == "uaw").unwrap().clone()
    };
    let run = |win: bool| {
        // The U.S. as the player, so the scenario's own 2025 auto tariff does not fire.
        let mut sim = Simulation::new(&common::mini(), 5, Some("USA")).unwrap();
        sim.set_ai(false);
        if win {
            // A token tariff on Vietnamese cars: a win for the auto workers, no real effect.
            say(
                &mut sim,
                "USA",
                Command::SetTariff {
                    target: "VNM".into(),
                    sector: "autos".into(),
                    rate: 0.0001,
                },
            );
        }
        sim.step();
        // The same loss in both runs: the car tariff goes, and imports take market share.
        say(
            &mut sim,
            "USA",
            Command::RemoveTariff {
                target: "all".into(),
                sector: "autos".into(),
            },
        );
        sim.run(18);
        uaw(&mut sim)
    };
    let (plain, seasoned) = (run(false), run(true));
    assert_eq!(seasoned.wins, plain.wins + 1);
    assert!(seasoned.organisation > plain.organisation);
    assert!(
        (seasoned.grievance - plain.grievance).abs() < 0.05,
        "same loss: {} vs {}",
        seasoned.grievance,
        plain.grievance
    );
    assert!(plain.grievance > 0.0, "import competition hurts the auto workers");
    assert!(
        seasoned.pressure > plain.pressure,
        "{} vs {}",
        seasoned.pressure,
        plain.pressure
    );
}

/// U.S. tariffs on Canada and Mexico lower U.S. credibility in the eyes of third states, which
/// drift toward hedging: Vietnam's alignment ends lower than without the tariffs.
#[test]
fn tariffs_on_allies_lower_credibility_and_move_onlookers_toward_hedging() {
    let s = common::level("2025_tariff_shock.ron");
    let run = |tariffs: bool| {
        // The U.S. as the player: its historical decisions do not fire; only ours do.
        let mut sim = Simulation::new(&s, 3, Some("USA")).unwrap();
        if tariffs {
            for t in ["CAN", "MEX"] {
                say(
                    &mut sim,
                    "USA",
                    Command::SetTariff {
                        target: t.into(),
                        sector: "all".into(),
                        rate: 0.25,
                    },
                );
            }
        }
        sim.run(60);
        let reg = sim.world().resource::<Registry>().clone();
        let (us, vn) = (reg.state("USA").unwrap(), reg.state("VNM").unwrap());
        let mut al = vec![0.0; reg.n()];
        let w = sim.world_mut();
        let mut q = w.query::<(&Country, &Politics)>();
        for (c, p) in q.iter(w) {
            al[c.idx] = p.alignment;
        }
        let cred = tradecraft::sim::alliances::credibility(w.resource::<Relations>(), &al, us, 1.0, 0.3)[vn];
        (cred, al[vn])
    };
    let (calm, hit) = (run(false), run(true));
    assert!(
        hit.0 < calm.0 - 0.02,
        "U.S. credibility seen from Vietnam: {} vs {}",
        hit.0,
        calm.0
    );
    assert!(
        hit.1 < calm.1 - 0.005,
        "Vietnam's alignment: {} vs {}",
        hit.1,
        calm.1
    );
}

/// With three of five CPTPP members hedging toward China, support for its accession passes a
/// majority at once and the pressure on the two holdouts rises month by month until they give
/// way; a holdout that declares its opposition keeps China out.
#[test]
fn a_hedging_majority_pressures_the_holdouts() {
    let s = tradecraft::scenario::load_scenario(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cptpp.ron"
    )))
    .unwrap();
    let applicant = |sim: &mut Simulation| {
        let w = sim.world_mut();
        let mut q = w.query::<&Framework>();
        let f = q.iter(w).next().unwrap().clone();
        (f.applicants.first().cloned(), f.members.len())
    };
    let mut sim = Simulation::new(&s, 1, None).unwrap();
    sim.set_ai(false);
    sim.step();
    let (a, members) = applicant(&mut sim);
    let a = a.unwrap();
    let support = a.votes.iter().filter(|(_, v)| *v).count();
    assert!(
        support * 2 > members && support < members,
        "{support} of {members}"
    );
    let mut last = a.holdout_pressure;
    for _ in 0..12 {
        sim.step();
        let p = applicant(&mut sim).0.unwrap().holdout_pressure;
        assert!(p > last, "pressure must rise: {p} after {last}");
        last = p;
    }
    sim.run(48);
    assert!(
        applicant(&mut sim).0.is_none(),
        "China joined once the holdouts gave way"
    );
    // Japan, led by the player, says no: a declared vote stands.
    let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
    sim.set_ai(false);
    say(
        &mut sim,
        "JPN",
        Command::VoteOnApplicant {
            framework: "CPTPP".into(),
            applicant: "CHN".into(),
            support: false,
        },
    );
    sim.run(60);
    assert!(
        applicant(&mut sim).0.is_some(),
        "one declared no keeps the applicant out"
    );
}

/// AI governments alone run the 2025 scenario for 20 years under several seeds: no NaN, some
/// disputes climb, not all end at the top, and deals get done.
#[test]
fn ai_versus_ai_for_240_months_is_varied_and_stable() {
    let s = common::level("2025_tariff_shock.ron");
    for seed in [1, 2, 3] {
        let mut sim = Simulation::new(&s, seed, None).unwrap();
        sim.run(240);
        let w = sim.world_mut();
        let mut q = w.query::<(&Economy, &Politics)>();
        for (e, p) in q.iter(w) {
            for v in [
                e.cpi,
                e.welfare,
                e.employment,
                e.tariff_revenue,
                p.approval,
                p.alignment,
                p.capital,
            ] {
                assert!(v.is_finite(), "seed {seed}: NaN");
            }
        }
        let mut q = w.query::<&Dispute>();
        let ds: Vec<Dispute> = q.iter(w).cloned().collect();
        assert!(
            ds.iter().any(|d| d.peak >= Rung::Ministerial),
            "seed {seed}: nothing ever escalated"
        );
        assert!(
            !ds.iter().all(|d| d.is_open() && d.rung == Rung::Public),
            "seed {seed}: all at the top"
        );
        let deals = ds.iter().filter(|d| !d.is_open()).count();
        assert!(deals >= 1, "seed {seed}: no deal in 20 years");
        let t = w.resource::<Relations>();
        assert!(t.trust.iter().all(|x| x.is_finite() && (0.0..=1.0).contains(x)));
    }
}

/// 10,000 months of random legal commands: values stay in range, and the world does not grow
/// with time except for its recorded history (entities and measures stay bounded).
#[test]
fn soak_ten_thousand_months_of_random_commands() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
    let mut sim = Simulation::new(&common::mini(), 9, None).unwrap();
    let states = ["USA", "JPN", "CHN", "VNM"];
    let sectors = ["autos", "steel", "agri", "all"];
    let disputes = ["autos", "farm"];
    let mut entities_at_half = 0;
    for month in 0..10_000u32 {
        if rng.random_bool(0.4) {
            let by = states[rng.random_range(0..4)];
            let other = states[rng.random_range(0..4)];
            let target = if other == by { "all" } else { other };
            let sector = sectors[rng.random_range(0..4)].to_string();
            let d = disputes[rng.random_range(0..2)].to_string();
            let tone = [Tone::Conciliatory, Tone::Firm, Tone::Hostile][rng.random_range(0..3)];
            let c = match rng.random_range(0..9) {
                0 => Command::SetTariff {
                    target: target.into(),
                    sector,
                    rate: rng.random_range(0.0..0.6),
                },
                1 => Command::RemoveTariff {
                    target: target.into(),
                    sector,
                },
                2 => Command::ImposeExportControl {
                    target: target.into(),
                    sector,
                },
                3 => Command::LiftExportControl {
                    target: target.into(),
                    sector,
                },
                4 => Command::Statement { dispute: d, tone },
                5 => Command::FileDispute { dispute: d },
                6 => Command::OpenNegotiation {
                    dispute: d,
                    channel: Channel::WorkingLevel,
                    scope: vec![],
                    excluded: vec![],
                },
                7 => Command::MakeOffer {
                    dispute: d,
                    channel: Channel::Ministerial,
                    offer: Offer {
                        purchases: 1.0,
                        ..Offer::default()
                    },
                },
                _ => Command::AcceptOffer { dispute: d },
            };
            sim.issue(by, c, Origin::Player);
        }
        sim.step();
        if month % 500 == 0 {
            let w = sim.world();
            let t = w.resource::<Trade>();
            let bad: Vec<(usize, f64)> = t
                .flow
                .iter()
                .chain(&t.price)
                .chain(&t.price_index)
                .copied()
                .enumerate()
                .filter(|(_, x)| !(x.is_finite() && *x >= 0.0))
                .collect();
            assert!(
                bad.is_empty(),
                "month {month}: {bad:?} price {:?} index {:?}",
                t.price,
                t.price_index
            );
            let r = w.resource::<Relations>();
            assert!(r.trust.iter().all(|x| (0.0..=1.0).contains(x)), "month {month}");
        }
        if month == 5_000 {
            entities_at_half = sim.world().entities().len();
        }
    }
    let entities = sim.world().entities().len();
    assert!(
        entities <= entities_at_half + 20,
        "entities grow: {entities_at_half} → {entities}"
    );
    let w = sim.world_mut();
    let mut q = w.query::<(&Economy, &Politics)>();
    assert!(q.iter(w).all(|(e, p)| e.cpi.is_finite()
        && (0.0..=1.0).contains(&p.approval)
        && (-1.0..=1.0).contains(&p.alignment)));
}

/// A conditional event waits until its condition holds: a leaders' call that comes only once
/// the auto dispute has reached the leaders, and then only once.
#[test]
fn a_conditional_event_waits_for_its_condition() {
    use tradecraft::scenario::{Condition, EventDef, EventKind, ScheduledEffect};
    let mut s = common::mini();
    s.timeline.push(EventDef {
        title_ja: None,
        news_ja: None,
        quote_ja: None,
        id: "leaders_call".into(),
        date: "2025-01".into(),
        title: "The leaders talk".into(),
        kind: EventKind::Conditional(Condition::RungAtLeast {
            dispute: "autos".into(),
            rung: Rung::Leaders,
        }),
        answers: None,
        news: "The leaders speak by phone".into(),
        quote: None,
        effects: vec![ScheduledEffect {
            by: "USA".into(),
            command: Command::Statement {
                dispute: "autos".into(),
                tone: Tone::Conciliatory,
            },
            legal_basis: None,
            legal_basis_ja: None,
        }],
    });
    assert!(tradecraft::scenario::validate::scenario(&s).is_empty());
    let fired = |sim: &Simulation| -> Vec<u32> {
        let log = &sim.world().resource::<CommandLog>().0;
        log.iter()
            .filter(|e| e.issued.reason.contains("leaders_call"))
            .map(|e| e.month)
            .collect()
    };
    let mut quiet = Simulation::new(&s, 1, Some("JPN")).unwrap();
    quiet.set_ai(false);
    quiet.run(24);
    assert!(fired(&quiet).is_empty(), "no escalation, no call");

    let mut loud = Simulation::new(&s, 1, Some("JPN")).unwrap();
    loud.set_ai(false);
    let mut reached = None;
    for m in 0..24 {
        if m < 12 {
            say(
                &mut loud,
                "JPN",
                Command::Statement {
                    dispute: "autos".into(),
                    tone: Tone::Hostile,
                },
            );
        }
        loud.step();
        if reached.is_none() && dispute(&mut loud, "autos").rung >= Rung::Leaders {
            reached = Some(m);
        }
    }
    let reached = reached.expect("hostility takes the dispute to the leaders");
    let months = fired(&loud);
    assert_eq!(months.len(), 1, "fires once: {months:?}");
    assert!(
        months[0] > reached,
        "fires after the rung was reached ({reached}): {months:?}"
    );
}

/// A deal answers lobbies (docs/model.md §2.5): the acceptor's carmakers, whose export tariff
/// comes down, and its farmers, whose sector is carved out, count as answered, so their
/// pressure stops costing the leader approval for a while; a lobby the deal does not touch
/// stays unanswered.
#[test]
fn a_deal_answers_the_lobbies_it_serves() {
    let s = common::level("tutorial.ron");
    let mut sim = Simulation::new(&s, 3, Some("JPN")).unwrap();
    sim.run(7); // the U.S. offer (10% on cars, agriculture left out) is on the table
    let d = dispute(&mut sim, "car_dispute");
    assert!(d.offer.is_some(), "the scripted U.S. offer stands: {d:?}");
    let lobby = |sim: &mut Simulation, id: &str| -> Lobby {
        let mut q = sim.world_mut().query::<&Lobby>();
        q.iter(sim.world()).find(|l| l.id == id).unwrap().clone()
    };
    let before = (
        lobby(&mut sim, "jama"),
        lobby(&mut sim, "ja_zenchu"),
        lobby(&mut sim, "uaw"),
    );
    say(
        &mut sim,
        "JPN",
        Command::AcceptOffer {
            dispute: "car_dispute".into(),
        },
    );
    sim.step();
    assert!(!dispute(&mut sim, "car_dispute").is_open());
    let after = (
        lobby(&mut sim, "jama"),
        lobby(&mut sim, "ja_zenchu"),
        lobby(&mut sim, "uaw"),
    );
    assert_eq!(
        after.0.last_win,
        Some(7),
        "relief for Japan's carmakers answers JAMA"
    );
    assert!(after.0.organisation > before.0.organisation);
    assert_eq!(after.1.last_win, Some(7), "the farm carve-out answers JA Zenchu");
    assert_eq!(
        after.2.last_win, before.2.last_win,
        "the UAW got nothing from this deal"
    );
}

/// Retaliation waits for the provocation: leading the U.S. in 2025 without tariffs on Canada,
/// Canada's scripted counter-tariffs never come; with them, they do, in the same month.
#[test]
fn scripted_retaliation_waits_for_the_us_move() {
    let canada_taxes_us = |tariff: bool| {
        let order = tariff.then(|| Command::SetTariff {
            target: "CAN".into(),
            sector: "all".into(),
            rate: 0.25,
        });
        let sim = run_with("2025_tariff_shock.ron", "USA", order, 6, false);
        sim.world()
            .resource::<CommandLog>()
            .0
            .iter()
            .filter(|e| e.issued.by == "CAN" && e.issued.origin == Origin::Event && e.rejected.is_none())
            .map(|e| e.month)
            .collect::<Vec<u32>>()
    };
    assert!(canada_taxes_us(false).is_empty(), "{:?}", canada_taxes_us(false));
    let months = canada_taxes_us(true);
    assert!(
        months.contains(&2),
        "Canada answers on the scenario's date: {months:?}"
    );
}

/// Holding out has a price: in the worst case, a majority of CPTPP members backs China; while
/// Japan declares its opposition, Vietnam (a supporter) trusts Japan less month by month than
/// when Japan goes along.
#[test]
fn blocking_an_applicant_against_a_majority_costs_trust() {
    let vietnam_trust = |support: bool| {
        let vote = Command::VoteOnApplicant {
            framework: "CPTPP".into(),
            applicant: "CHN".into(),
            support,
        };
        trust(
            &run_with("worst_case.ron", "JPN", Some(vote), 12, true),
            "VNM",
            "JPN",
        )
    };
    let (along, block) = (vietnam_trust(true), vietnam_trust(false));
    assert!(
        block < along - 0.02,
        "blocking {block:.3} vs going along {along:.3}"
    );
}

/// The escalation weights are scenario parameters: with `escalation_retaliation` at zero, the
/// U.S. car tariff adds nothing to the tutorial dispute's pressure; at the default it does.
#[test]
fn escalation_weights_come_from_the_scenario() {
    let pressure = |weight: Option<f64>| {
        let mut s = common::level("tutorial.ron");
        if let Some(w) = weight {
            s.parameters.escalation_retaliation = w;
        }
        let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
        sim.run(4); // the 25% tariff comes in month 2
        dispute(&mut sim, "car_dispute").pressure
    };
    let (off, on) = (pressure(Some(0.0)), pressure(None));
    assert_eq!(off.retaliation, 0.0);
    assert!(on.retaliation > 0.3, "{on:?}");
    assert!(on.total > off.total + 0.3, "{on:?} vs {off:?}");
}

/// A coercer squeezes the member that vetoes its bid: in the worst case, once Japan declares it
/// will block China's CPTPP accession (a majority backing it), China restricts rare-earth
/// exports to Japan, with the veto as its reason; without the veto it does not.
#[test]
fn a_coercer_squeezes_the_member_that_vetoes_its_bid() {
    let squeezed = |veto: bool| {
        let vote = veto.then(|| Command::VoteOnApplicant {
            framework: "CPTPP".into(),
            applicant: "CHN".into(),
            support: false,
        });
        let sim = run_with("worst_case.ron", "JPN", vote, 6, true);
        sim.world().resource::<CommandLog>().0.iter().any(|e| {
            e.issued.by == "CHN"
                && e.rejected.is_none()
                && e.issued.reason.contains("vetoing its bid")
                && matches!(&e.issued.command, Command::ImposeExportControl { target, .. } if target == "JPN")
        })
    };
    assert!(squeezed(true));
    assert!(!squeezed(false));
}

/// Settling takes back what was paid for: when Washington accepts Tokyo's offer (purchases and
/// an investment pledge, agriculture left out), its new 25% tariff on Japanese cars goes, and
/// the MFN 2.5% that stood at the start stays.
#[test]
fn the_acceptor_takes_back_its_new_tariffs_in_the_disputed_sectors() {
    let mut sim = run_with("tutorial.ron", "JPN", None, 3, false);
    let car_tariff = |sim: &mut Simulation| {
        let w = sim.world_mut();
        let reg = w.resource::<Registry>().clone();
        let wedges = tradecraft::sim::wedges::wedges_now(w, &reg);
        let (us, jp, autos) = (
            reg.state("USA").unwrap(),
            reg.state("JPN").unwrap(),
            reg.sector("autos").unwrap(),
        );
        wedges.tariff[wedges.at(us, jp, autos)]
    };
    assert!(
        (car_tariff(&mut sim) - 0.275).abs() < 1e-9,
        "{}",
        car_tariff(&mut sim)
    );
    say(
        &mut sim,
        "JPN",
        Command::MakeOffer {
            dispute: "car_dispute".into(),
            channel: Channel::WorkingLevel,
            offer: Offer {
                excluded: vec!["agriculture".into()],
                purchases: 5.0,
                investment: 100.0,
                ..Offer::default()
            },
        },
    );
    sim.step();
    say(
        &mut sim,
        "USA",
        Command::AcceptOffer {
            dispute: "car_dispute".into(),
        },
    );
    sim.step();
    assert!(!dispute(&mut sim, "car_dispute").is_open());
    assert!(
        (car_tariff(&mut sim) - 0.025).abs() < 1e-9,
        "{}",
        car_tariff(&mut sim)
    );
}

/// The review of a foreign acquisition has consequences: approving Nippon Steel's bid passes
/// U.S. Steel to a Japanese owner, adds the pledged investment to its capacity and raises
/// Tokyo's trust in Washington; blocking it is a public rebuff that lowers that trust.
#[test]
fn reviewing_an_acquisition_moves_ownership_capacity_and_trust() {
    let review_with = |approve: bool, conditions: bool| {
        let order = Command::ReviewAcquisition {
            acquisition: "nippon_us_steel".into(),
            approve,
            conditions,
        };
        let mut sim = run_with("2025_tariff_shock.ron", "USA", Some(order), 1, false);
        let w = sim.world_mut();
        let mut q = w.query::<&Industry>();
        let plant = q.iter(w).find(|i| i.id == "us_steel").unwrap().clone();
        let owner = w.resource::<Registry>().states[plant.owner].clone();
        let mut q = w.query::<&Lobby>();
        let usw = q.iter(w).find(|l| l.id == "usw").unwrap().last_win;
        (
            owner,
            plant.capacity - plant.capacity0,
            trust(&sim, "JPN", "USA"),
            usw,
        )
    };
    let review = |approve: bool| {
        let (owner, added, t, _) = review_with(approve, false);
        (owner, added, t)
    };
    let base = trust(
        &run_with("2025_tariff_shock.ron", "USA", None, 1, false),
        "JPN",
        "USA",
    );
    let (owner, added, yes) = review(true);
    assert_eq!(owner, "JPN");
    assert!((added - 3.3).abs() < 0.5, "capacity added {added}");
    let (owner, _, no) = review(false);
    assert_eq!(owner, "USA");
    assert!(
        yes > base + 0.02 && no < base - 0.04,
        "approve {yes:.3}, none {base:.3}, block {no:.3}"
    );
    // With conditions (a golden share): the steelworkers' fears are answered, and Tokyo's
    // trust rises by less.
    let (owner, added, with, usw) = review_with(true, true);
    assert_eq!(owner, "JPN");
    assert!((added - 3.3).abs() < 0.5, "capacity added {added}");
    assert_eq!(usw, Some(0), "the USW counts as answered");
    assert_eq!(
        review_with(true, false).3,
        None,
        "a plain approval answers nobody"
    );
    assert!(
        with > base + 0.005 && with < yes,
        "with conditions {with:.3}, plain {yes:.3}, none {base:.3}"
    );
}

/// A package deal: Washington offers its car tariff down to 15% and asks Japan's farm tariff
/// down to 20% in return; when Tokyo accepts, both move, and Japan's tariff on other suppliers
/// stays at 40%.
#[test]
fn an_accepted_package_brings_the_asked_tariffs_down() {
    let mut sim = run_with("tutorial.ron", "JPN", None, 3, false);
    say(
        &mut sim,
        "USA",
        Command::MakeOffer {
            dispute: "car_dispute".into(),
            channel: Channel::Ministerial,
            offer: Offer {
                tariff_cuts: vec![TariffCut {
                    sector: "autos".into(),
                    rate: 0.15,
                }],
                asks: vec![TariffCut {
                    sector: "agriculture".into(),
                    rate: 0.20,
                }],
                ..Offer::default()
            },
        },
    );
    sim.step();
    say(
        &mut sim,
        "JPN",
        Command::AcceptOffer {
            dispute: "car_dispute".into(),
        },
    );
    sim.step();
    let w = sim.world_mut();
    let reg = w.resource::<Registry>().clone();
    let wedges = tradecraft::sim::wedges::wedges_now(w, &reg);
    let s = |id: &str| reg.state(id).unwrap();
    let (autos, farm) = (reg.sector("autos").unwrap(), reg.sector("agriculture").unwrap());
    let rate = |i: &str, j: &str, k: usize| wedges.tariff[wedges.at(s(i), s(j), k)];
    assert!((rate("USA", "JPN", autos) - 0.15).abs() < 1e-9);
    assert!((rate("JPN", "USA", farm) - 0.20).abs() < 1e-9);
    assert!((rate("JPN", "CHN", farm) - 0.40).abs() < 1e-9);
}

/// The recorded pressure says whether the dispute moved that month: exactly the disputes with
/// an escalation cause record in the last month run are marked moved.
#[test]
fn the_recorded_pressure_marks_a_move() {
    let mut sim = run_with("2025_tariff_shock.ron", "JPN", None, 8, true);
    let moved_now: Vec<String> = sim
        .world()
        .resource::<Causes>()
        .0
        .iter()
        .filter(|c| c.month == 7 && c.indicator == "escalation")
        .map(|c| c.subject.clone())
        .collect();
    assert!(!moved_now.is_empty(), "some dispute moves in month 7 of this run");
    let w = sim.world_mut();
    let mut q = w.query::<&Dispute>();
    for d in q.iter(w).filter(|d| d.is_open()) {
        assert_eq!(d.pressure.moved, moved_now.contains(&d.id), "{}", d.id);
    }
}

/// An AI complainant asks for access: in 2025, Washington's offer in the farm-access dispute
/// asks Japan's farm tariff down (to half of what it is).
#[test]
fn an_ai_complainant_asks_for_access() {
    let sim = run_with("2025_tariff_shock.ron", "JPN", None, 36, true);
    let asks: Vec<f64> = sim
        .world()
        .resource::<CommandLog>()
        .0
        .iter()
        .filter(|e| e.issued.by == "USA" && e.issued.origin == Origin::Ai)
        .filter_map(|e| match &e.issued.command {
            Command::MakeOffer { dispute, offer, .. } if dispute == "farm_access" => offer
                .asks
                .iter()
                .find(|a| a.sector == "agriculture")
                .map(|a| a.rate),
            _ => None,
        })
        .collect();
    assert!(!asks.is_empty(), "the U.S. asks for farm access in its offers");
    assert!(asks.iter().all(|r| (0.15..0.3).contains(r)), "{asks:?}");
}

/// A settlement's roll-back returns the acceptor's tariff to where it stood at the start, not
/// below: in 2019 the U.S. raises its duty on Chinese steel (replacing the anti-dumping duty in
/// force at the start), then accepts China's offer; the duty goes back to the start's level.
#[test]
fn a_roll_back_stops_at_the_status_quo() {
    let order = Command::SetTariff {
        target: "CHN".into(),
        sector: "steel".into(),
        rate: 0.5,
    };
    let mut sim = run_with("2019_trade_agreement.ron", "JPN", None, 0, false);
    say(&mut sim, "USA", order);
    say(
        &mut sim,
        "CHN",
        Command::MakeOffer {
            dispute: "us_china_301".into(),
            channel: Channel::Ministerial,
            offer: Offer {
                purchases: 20.0,
                ..Offer::default()
            },
        },
    );
    sim.step();
    say(
        &mut sim,
        "USA",
        Command::AcceptOffer {
            dispute: "us_china_301".into(),
        },
    );
    sim.step();
    assert!(!dispute(&mut sim, "us_china_301").is_open());
    let w = sim.world_mut();
    let reg = w.resource::<Registry>().clone();
    let wedges = tradecraft::sim::wedges::wedges_now(w, &reg);
    let (us, cn, steel) = (
        reg.state("USA").unwrap(),
        reg.state("CHN").unwrap(),
        reg.sector("steel").unwrap(),
    );
    let t = w.resource::<Trade>();
    let start = t.tariff0(t.at(us, cn, steel));
    assert!(start > 0.2, "the start's duty on Chinese steel: {start}");
    assert!((wedges.tariff[wedges.at(us, cn, steel)] - start).abs() < 1e-9);
}

/// The scenario's end ends the scoring: months played on (a sandbox) move the world but not the
/// score, and a save taken then keeps the final score.
#[test]
fn the_score_freezes_at_the_end() {
    use tradecraft::report::score;
    let s = common::level("2025_tariff_shock.ron");
    let length = s.meta.months as u32;
    let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
    sim.run(length - 1);
    assert!(!score::is_final(sim.world()));
    sim.step();
    assert!(score::is_final(sim.world()), "the last month freezes the score");
    let last = score::score(sim.world_mut(), "JPN").unwrap();
    let trust_before = trust(&sim, "USA", "JPN");
    // Play on as a bully: tariffs on everything American and hostile words.
    say(
        &mut sim,
        "JPN",
        Command::SetTariff {
            target: "USA".into(),
            sector: "all".into(),
            rate: 0.5,
        },
    );
    sim.run(12);
    assert!(
        trust(&sim, "USA", "JPN") < trust_before - 0.01,
        "the sandbox months still move the world"
    );
    let after = score::score(sim.world_mut(), "JPN").unwrap();
    assert_eq!(after, last, "the score moved after the end");
    let snap = tradecraft::save::snapshot(sim.world_mut());
    let text = ron::to_string(&snap).unwrap();
    let back: tradecraft::save::Snapshot = ron::from_str(&text).unwrap();
    let mut resumed = tradecraft::save::restore(&back).unwrap();
    assert_eq!(score::score(resumed.world_mut(), "JPN").unwrap(), last);
}

/// An offer is checked when it is given, with the month's own rules: nothing to accept (asking
/// alone, or a "cut" to the rate already in force) and a "cut" that would raise a tariff are
/// refused at once, with the reason; a real cut passes.
#[test]
fn offers_are_checked_when_sent() {
    let s = common::level("2025_tariff_shock.ron");
    let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
    sim.run(4);
    let w = sim.world_mut();
    let mut q = w.query::<&Dispute>();
    let d = q
        .iter(w)
        .find(|d| d.is_open() && d.involves(w.resource::<Registry>().state("JPN").unwrap()))
        .expect("Japan has an open dispute by April 2025")
        .clone();
    let check = |sim: &mut Simulation, offer: Offer| {
        tradecraft::sim::commands::precheck(
            sim.world_mut(),
            &Issued {
                by: "JPN".into(),
                command: Command::MakeOffer {
                    dispute: d.id.clone(),
                    channel: Channel::WorkingLevel,
                    offer,
                },
                origin: Origin::Player,
                reason: String::new(),
            },
        )
    };
    let cut = |sector: &str, rate: f64| TariffCut {
        sector: sector.into(),
        rate,
    };
    // (the offer, the refusal expected or None when it must pass)
    let cases = [
        // Japan charges no tariff on U.S. cars: a "cut" to 0% is nothing to accept.
        (
            Offer {
                tariff_cuts: vec![cut("autos", 0.0)],
                ..Offer::default()
            },
            Some("already at the rates offered"),
        ),
        // Asking alone is refused.
        (
            Offer {
                asks: vec![cut("autos", 0.1)],
                ..Offer::default()
            },
            Some("asking alone"),
        ),
        // A "cut" above the rate in force would raise it.
        (
            Offer {
                tariff_cuts: vec![cut("autos", 0.3)],
                purchases: 5.0,
                ..Offer::default()
            },
            Some("would raise it"),
        ),
        // A real cut (Japan's farm tariff) with an ask passes; so do purchases alone.
        (
            Offer {
                tariff_cuts: vec![cut("agriculture", 0.2)],
                asks: vec![cut("autos", 0.15)],
                ..Offer::default()
            },
            None,
        ),
        (
            Offer {
                purchases: 8.0,
                ..Offer::default()
            },
            None,
        ),
    ];
    for (offer, refusal) in cases {
        match (check(&mut sim, offer.clone()), refusal) {
            (Err(e), Some(why)) => assert!(e.contains(why), "{e}"),
            (Ok(()), None) => {}
            (got, want) => panic!("{offer:?}: got {got:?}, expected {want:?}"),
        }
    }
}
