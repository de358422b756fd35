//! Timeline events that answer moves (`answers`), the conditions they wait for, and effects that
//! name the legal basis of the measure they act on. All runs use the mini world
//! (tests/data/mini.ron).

use crate::common;

use tradecraft::command::{Channel, Command, Offer, Tone};
use tradecraft::scenario::{Condition, EventDef, EventKind, MeasureKind, Scenario, ScheduledEffect};
use tradecraft::sim::timeline::holds;
use tradecraft::sim::*;

fn event(
    id: &str,
    date: &str,
    kind: EventKind,
    answers: Option<Condition>,
    effects: Vec<ScheduledEffect>,
) -> EventDef {
    EventDef {
        title_ja: None,
        news_ja: None,
        quote_ja: None,
        id: id.into(),
        date: date.into(),
        title: id.into(),
        kind,
        answers,
        news: format!("news of {id}"),
        quote: None,
        effects,
    }
}

fn effect(by: &str, command: Command, legal_basis: Option<&str>) -> ScheduledEffect {
    ScheduledEffect {
        by: by.into(),
        command,
        legal_basis: legal_basis.map(String::from),
        legal_basis_ja: None,
    }
}

fn tariff_on_japan(rate: f64) -> Command {
    Command::SetTariff {
        target: "JPN".into(),
        sector: "autos".into(),
        rate,
    }
}

fn valid(s: &Scenario) {
    let problems = tradecraft::scenario::validate::scenario(s);
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Months in which the event's news came out.
fn fired(sim: &Simulation, id: &str) -> Vec<u32> {
    let news = &sim.world().resource::<News>().0;
    news.iter().filter(|n| n.about == id).map(|n| n.month).collect()
}

/// Japan's firm answer to a U.S. car tariff waits for the tariff: a player leading the U.S. who
/// never sets it is never answered; one who sets it in month 5 is answered that month.
#[test]
fn an_answer_waits_for_the_move() {
    let mut s = common::mini();
    s.timeline.push(event(
        "japan_answers",
        "2025-02",
        EventKind::Decision("JPN".into()),
        Some(Condition::TariffAtLeast {
            by: "USA".into(),
            on: "JPN".into(),
            sector: "autos".into(),
            rate: 0.1,
        }),
        vec![effect(
            "JPN",
            Command::Statement {
                dispute: "autos".into(),
                tone: Tone::Firm,
            },
            None,
        )],
    ));
    valid(&s);
    let mut idle = Simulation::new(&s, 1, Some("USA")).unwrap();
    idle.run(24);
    assert!(fired(&idle, "japan_answers").is_empty());
    let mut moved = Simulation::new(&s, 1, Some("USA")).unwrap();
    moved.set_script(vec![common::cmd(5, "USA", tariff_on_japan(0.25))]);
    moved.run(24);
    assert_eq!(fired(&moved, "japan_answers"), [5]);
    // With every state run by history and the AI (auto232 in month 3), the answer comes with it.
    let mut history = Simulation::new(&s, 1, None).unwrap();
    history.run(24);
    assert_eq!(fired(&history, "japan_answers"), [3]);
}

/// An effect with a legal basis acts only on the measures of that basis: an "IEEPA" tariff
/// stacks on the player's own tariff and the MFN rate, and a court ruling that removes the
/// IEEPA tariff leaves the player's rate alone. The ruling answers the IEEPA tariff
/// (`InForce`), so without it there is no ruling.
#[test]
fn an_effect_with_a_legal_basis_acts_on_its_own_measure_only() {
    let mut s = common::mini();
    s.timeline.push(event(
        "emergency",
        "2025-02",
        EventKind::Exogenous,
        None,
        vec![effect("USA", tariff_on_japan(0.10), Some("IEEPA"))],
    ));
    s.timeline.push(event(
        "court",
        "2025-04",
        EventKind::Exogenous,
        Some(Condition::InForce {
            by: "USA".into(),
            legal_basis: "IEEPA".into(),
        }),
        vec![effect(
            "USA",
            Command::RemoveTariff {
                target: "JPN".into(),
                sector: "autos".into(),
            },
            Some("IEEPA"),
        )],
    ));
    valid(&s);
    let total = |sim: &mut Simulation| -> f64 {
        let reg = sim.world().resource::<Registry>().clone();
        let (u, j, a) = (
            reg.state("USA").unwrap(),
            reg.state("JPN").unwrap(),
            reg.sector("autos").unwrap(),
        );
        let w = sim.world_mut();
        let mut q = w.query::<&Measure>();
        q.iter(w)
            .filter(|m| m.covers(u, j, a))
            .map(|m| match m.kind {
                MeasureKind::Tariff(r) => r,
                _ => 0.0,
            })
            .sum()
    };
    let mut sim = Simulation::new(&s, 1, Some("USA")).unwrap();
    sim.set_script(vec![common::cmd(0, "USA", tariff_on_japan(0.20))]);
    sim.run(2);
    assert!(
        (total(&mut sim) - (0.025 + 0.20 + 0.10)).abs() < 1e-9,
        "{}",
        total(&mut sim)
    );
    sim.run(4);
    assert!(
        (total(&mut sim) - (0.025 + 0.20)).abs() < 1e-9,
        "{}",
        total(&mut sim)
    );
    assert_eq!(fired(&sim, "court"), [3]);
    let log = &sim.world().resource::<CommandLog>().0;
    assert!(log.iter().all(|e| e.rejected.is_none()), "{log:#?}");
    // An event without the basis would have replaced the player's tariff: the old behaviour.
    let mut s2 = common::mini();
    s2.timeline.push(event(
        "emergency",
        "2025-02",
        EventKind::Exogenous,
        None,
        vec![effect("USA", tariff_on_japan(0.10), None)],
    ));
    let mut sim2 = Simulation::new(&s2, 1, Some("USA")).unwrap();
    sim2.set_script(vec![common::cmd(0, "USA", tariff_on_japan(0.20))]);
    sim2.run(2);
    assert!((total(&mut sim2) - (0.025 + 0.10)).abs() < 1e-9);
    // No IEEPA tariff, no ruling.
    let mut s3 = s.clone();
    s3.timeline.retain(|e| e.id != "emergency");
    s3.timeline.push(event(
        "elsewhere",
        "2025-10",
        EventKind::Decision("USA".into()),
        None,
        vec![effect("USA", tariff_on_japan(0.10), Some("IEEPA"))],
    ));
    valid(&s3);
    let mut idle = Simulation::new(&s3, 1, Some("USA")).unwrap();
    idle.run(24);
    assert!(fired(&idle, "court").is_empty());
}

/// Each condition about a move holds once the move is made, and not before.
#[test]
fn conditions_on_moves_hold_once_the_move_is_made() {
    let s = common::mini();
    let mut sim = Simulation::new(&s, 1, Some("USA")).unwrap();
    sim.set_ai(false);
    let c = |v: Condition| v;
    let talks = c(Condition::Issued {
        by: "JPN".into(),
        command: "OpenNegotiation".into(),
        dispute: Some("autos".into()),
    });
    let talks_anywhere = c(Condition::Issued {
        by: "JPN".into(),
        command: "OpenNegotiation".into(),
        dispute: None,
    });
    let talks_on_farms = c(Condition::Issued {
        by: "JPN".into(),
        command: "OpenNegotiation".into(),
        dispute: Some("farm".into()),
    });
    let firm = c(Condition::Stated {
        by: "USA".into(),
        dispute: "autos".into(),
        tone: Tone::Firm,
    });
    let offered = c(Condition::Offered {
        by: "JPN".into(),
        dispute: "autos".into(),
    });
    let restrained = c(Condition::Restrained {
        by: "JPN".into(),
        to: "USA".into(),
        sector: "autos".into(),
    });
    let restrained_everywhere = c(Condition::Restrained {
        by: "JPN".into(),
        to: "USA".into(),
        sector: "all".into(),
    });
    let check = |sim: &mut Simulation, c: &Condition| holds(sim.world_mut(), c);
    for x in [&talks, &talks_anywhere, &firm, &offered, &restrained] {
        assert!(!check(&mut sim, x), "{x:?} before any move");
    }
    assert!(check(&mut sim, &Condition::Not(Box::new(talks.clone()))));
    sim.issue(
        "JPN",
        Command::OpenNegotiation {
            dispute: "autos".into(),
            channel: Channel::WorkingLevel,
            scope: vec![],
            excluded: vec![],
        },
        Origin::Player,
    );
    sim.issue(
        "USA",
        Command::Statement {
            dispute: "autos".into(),
            tone: Tone::Conciliatory,
        },
        Origin::Player,
    );
    sim.issue(
        "JPN",
        Command::RestrainExports {
            target: "USA".into(),
            sector: "autos".into(),
            volume: 40.0,
        },
        Origin::Player,
    );
    sim.step();
    assert!(check(&mut sim, &talks) && check(&mut sim, &talks_anywhere));
    assert!(!check(&mut sim, &talks_on_farms));
    assert!(!check(&mut sim, &firm), "a conciliatory word is not a firm one");
    assert!(check(&mut sim, &restrained) && !check(&mut sim, &restrained_everywhere));
    assert!(check(
        &mut sim,
        &Condition::AnyOf(vec![talks_on_farms.clone(), restrained.clone()])
    ));
    assert!(!check(
        &mut sim,
        &Condition::AllOf(vec![talks_on_farms.clone(), restrained.clone()])
    ));
    sim.issue(
        "USA",
        Command::Statement {
            dispute: "autos".into(),
            tone: Tone::Hostile,
        },
        Origin::Player,
    );
    sim.issue(
        "JPN",
        Command::MakeOffer {
            dispute: "autos".into(),
            channel: Channel::WorkingLevel,
            // Japan has no tariff to cut in this world: it offers purchases.
            offer: Offer {
                purchases: 5.0,
                ..Offer::default()
            },
        },
        Origin::Player,
    );
    sim.step();
    assert!(check(&mut sim, &firm), "a hostile word is at least firm");
    assert!(check(&mut sim, &offered));
    // Accepted: the offer is no longer on the table, but it was made.
    sim.issue(
        "USA",
        Command::AcceptOffer {
            dispute: "autos".into(),
        },
        Origin::Player,
    );
    sim.step();
    assert!(!check(&mut sim, &offered));
    assert!(check(
        &mut sim,
        &Condition::Issued {
            by: "JPN".into(),
            command: "MakeOffer".into(),
            dispute: Some("autos".into()),
        }
    ));
    // A rejected command counts for nothing.
    sim.issue(
        "JPN",
        Command::AcceptOffer {
            dispute: "farm".into(),
        },
        Origin::Player,
    );
    sim.step();
    assert!(!check(
        &mut sim,
        &Condition::Issued {
            by: "JPN".into(),
            command: "AcceptOffer".into(),
            dispute: None,
        }
    ));
    // Lifting the restraint ends it.
    sim.issue(
        "JPN",
        Command::LiftRestraint {
            target: "USA".into(),
            sector: "autos".into(),
        },
        Origin::Player,
    );
    sim.step();
    assert!(!check(&mut sim, &restrained));
}

/// Whose move a condition waits for: every part of `AllOf`, what all parts of `AnyOf` share,
/// nobody for states of the world and negations.
#[test]
fn waits_for_names_the_movers() {
    let at_least = |by: &str| Condition::TariffAtLeast {
        by: by.into(),
        on: "JPN".into(),
        sector: "all".into(),
        rate: 0.1,
    };
    let issued = |by: &str| Condition::Issued {
        by: by.into(),
        command: "MakeOffer".into(),
        dispute: None,
    };
    let set = |v: &[&str]| {
        v.iter()
            .map(|s| s.to_string())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(at_least("USA").waits_for(), set(&["USA"]));
    assert_eq!(
        Condition::AllOf(vec![at_least("USA"), issued("CHN")]).waits_for(),
        set(&["CHN", "USA"])
    );
    assert_eq!(
        Condition::AnyOf(vec![at_least("USA"), issued("CHN")]).waits_for(),
        set(&[])
    );
    assert_eq!(
        Condition::AnyOf(vec![at_least("USA"), issued("USA")]).waits_for(),
        set(&["USA"])
    );
    assert_eq!(Condition::Not(Box::new(issued("USA"))).waits_for(), set(&[]));
    assert_eq!(
        Condition::Settled {
            dispute: "autos".into()
        }
        .waits_for(),
        set(&[])
    );
}

/// 2025: "no deal with Tokyo" (Japan's 24% rate in August) counts any deal between the two —
/// on cars as well as the farm pledge. A play-tester settled cars in June and still got it.
#[test]
fn a_car_deal_spares_japan_the_no_deal_rate() {
    use tradecraft::command::{Offer, TariffCut};
    let s = common::level("2025_tariff_shock.ron");
    let run = |deal: bool| {
        let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
        sim.set_ai(false);
        sim.run(4);
        if deal {
            sim.issue(
                "JPN",
                Command::MakeOffer {
                    dispute: "auto_tariffs".into(),
                    channel: Channel::Ministerial,
                    offer: Offer {
                        purchases: 10.0,
                        investment: 550.0,
                        excluded: vec!["agriculture".into()],
                        asks: vec![TariffCut {
                            sector: "autos".into(),
                            rate: 0.125,
                        }],
                        ..Offer::default()
                    },
                },
                Origin::Player,
            );
            sim.step();
            sim.issue(
                "USA",
                Command::AcceptOffer {
                    dispute: "auto_tariffs".into(),
                },
                Origin::Script,
            );
        }
        sim.run(5);
        fired(&sim, "japan_no_deal")
    };
    assert!(!run(false).is_empty(), "without a deal the 24% rate comes");
    assert!(run(true).is_empty(), "a car deal in June is a deal");
}
