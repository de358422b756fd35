//! The tutorial's prompts follow the player: each step shows until its goal is met, and a
//! player who follows them settles the dispute without a public fight.

use crate::common;

use common::level;
use tradecraft::command::{Channel, Command, Offer, TariffCut, Tone};
use tradecraft::report::{score, tutorial};
use tradecraft::sim::{Origin, Simulation};

fn step_of(sim: &mut Simulation, side: &str) -> Option<(usize, usize, String)> {
    tutorial::current_step(sim.world_mut(), side)
}

#[test]
fn prompts_advance_as_japan_follows_them() {
    let s = level("tutorial.ron");
    let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
    sim.set_ai(true);
    let (i, n, text) = step_of(&mut sim, "JPN").expect("the tutorial has steps");
    assert_eq!((i, n), (1, 6), "JPN sees the steps for all sides and its own");
    assert!(text.contains("Talk at working level"), "{text}");

    let talk = Command::OpenNegotiation {
        dispute: "car_dispute".into(),
        channel: Channel::WorkingLevel,
        scope: vec![],
        excluded: vec![],
    };
    // Stepping without doing what it says leaves the prompt where it is (an order queued is
    // not yet an order given).
    sim.issue("JPN", talk, Origin::Player);
    assert_eq!(step_of(&mut sim, "JPN").unwrap().0, 1);
    sim.step();
    assert_eq!(
        step_of(&mut sim, "JPN").unwrap().0,
        2,
        "talks done: on to watching"
    );
    sim.step();
    assert_eq!(
        step_of(&mut sim, "JPN").unwrap().0,
        2,
        "the tariff is not in force yet"
    );
    sim.step();
    let (i, _, text) = step_of(&mut sim, "JPN").unwrap();
    assert_eq!(i, 3, "month 3 reached, the tariff in force: the tariff step");
    assert!(text.contains("Conciliatory"), "{text}");

    let calm = Command::Statement {
        dispute: "car_dispute".into(),
        tone: Tone::Conciliatory,
    };
    sim.issue("JPN", calm, Origin::Player);
    sim.step();
    assert_eq!(step_of(&mut sim, "JPN").unwrap().0, 4, "on to the offer");

    // A package as the prompt says: purchases (Japan has no car tariff to cut), agriculture
    // carved out, the U.S. car tariff asked back down; then accept Washington's offer if it
    // comes.
    let offer = Command::MakeOffer {
        dispute: "car_dispute".into(),
        channel: Channel::WorkingLevel,
        offer: Offer {
            tariff_cuts: vec![],
            excluded: vec!["agriculture".into()],
            purchases: 5.0,
            investment: 0.0,
            asks: vec![TariffCut {
                sector: "autos".into(),
                rate: 0.025,
            }],
        },
    };
    sim.issue("JPN", offer, Origin::Player);
    sim.step();
    assert!(step_of(&mut sim, "JPN").unwrap().0 >= 5, "offer made");
    for _ in 0..8 {
        if step_of(&mut sim, "JPN").is_some_and(|s| s.0 == 5) {
            sim.issue(
                "JPN",
                Command::AcceptOffer {
                    dispute: "car_dispute".into(),
                },
                Origin::Player,
            );
        }
        sim.step();
    }
    let left = step_of(&mut sim, "JPN");
    assert!(
        left.is_none() || left.as_ref().unwrap().0 == 6,
        "settled by now: {left:?}"
    );
    let sc = score::score(sim.world_mut(), "JPN").unwrap();
    assert!(
        sc.total > 80.0,
        "following the tutorial should score well: {:?}",
        sc.objectives
    );
}

#[test]
fn the_us_side_gets_its_own_steps() {
    let s = level("tutorial.ron");
    let mut sim = Simulation::new(&s, 1, Some("USA")).unwrap();
    let (_, n, _) = step_of(&mut sim, "USA").unwrap();
    assert_eq!(n, 7);
    sim.issue(
        "USA",
        Command::OpenNegotiation {
            dispute: "car_dispute".into(),
            channel: Channel::WorkingLevel,
            scope: vec![],
            excluded: vec![],
        },
        Origin::Player,
    );
    sim.run(3);
    let (i, _, text) = step_of(&mut sim, "USA").unwrap();
    assert_eq!(i, 3);
    assert!(text.contains("Set tariff"), "{text}");
    // A refused order does not count: a tariff rate out of range.
    sim.issue(
        "USA",
        Command::SetTariff {
            target: "JPN".into(),
            sector: "autos".into(),
            rate: -1.0,
        },
        Origin::Player,
    );
    sim.step();
    assert_eq!(
        step_of(&mut sim, "USA").unwrap().0,
        3,
        "a refused order is no step done"
    );
}

#[test]
fn scenarios_without_a_tutorial_show_no_prompt() {
    let s = level("2019_trade_agreement.ron");
    let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
    assert!(step_of(&mut sim, "JPN").is_none());
}
