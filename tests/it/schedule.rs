//! The month's phases run in the documented order (docs/model.md §1).

use crate::common;

use bevy_ecs::prelude::*;
use tradecraft::sim::{Month, Phase, Simulation};

#[derive(Resource, Default)]
struct Trace(Vec<Phase>);

#[test]
fn phases_run_in_documented_order() {
    let mut sim = Simulation::new(&common::mini(), 1, None).unwrap();
    sim.world_mut().insert_resource(Trace::default());
    for phase in Phase::ORDER {
        sim.app
            .add_systems(Month, (move |mut t: ResMut<Trace>| t.0.push(phase)).in_set(phase));
    }
    sim.step();
    sim.step();
    let trace = &sim.world().resource::<Trace>().0;
    let expected: Vec<Phase> = Phase::ORDER.iter().chain(Phase::ORDER.iter()).copied().collect();
    assert_eq!(trace, &expected);
}

/// The month runs these systems in this order, one after another: moving a phase or a
/// system, or adding one without saying where, fails here (the list is written out, not read
/// from `Phase::ORDER`).
#[test]
fn the_month_runs_its_systems_in_this_order() {
    let mut sim = Simulation::new(&common::mini(), 1, None).unwrap();
    sim.step();
    let schedules = sim.app.world().resource::<bevy_ecs::schedule::Schedules>();
    let month = schedules.get(Month).expect("the Month schedule");
    let names: Vec<String> = month
        .systems()
        .expect("initialized by the first month")
        .map(|(_, s)| {
            let full = s.name().to_string();
            full.rsplit("::").next().unwrap_or(&full).to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "apply_commands",
            "fire_events",
            "derive_wedges",
            "solve_trade",
            "bottlenecks",
            "update_output",
            "explain",
            "factor_returns",
            "assess_risk",
            "relocate",
            "coverage",
            "lobby_pressure",
            "approval",
            "change_leaders",
            "escalate",
            "trust",
            "alignment",
            "frameworks",
            "choose",
            "record_history",
            "advance_clock",
            "freeze_final_scores",
        ]
    );
}

#[test]
fn commands_apply_before_trade_in_the_same_month() {
    use tradecraft::command::Command;
    use tradecraft::sim::{Origin, Wedges};
    let mut sim = Simulation::new(&common::mini(), 1, None).unwrap();
    sim.issue(
        "USA",
        Command::SetTariff {
            target: "JPN".into(),
            sector: "steel".into(),
            rate: 0.5,
        },
        Origin::Player,
    );
    sim.step();
    let w = sim.world().resource::<Wedges>();
    // USA (0) on JPN (1), steel (1).
    assert_eq!(w.tariff[w.at(0, 1, 1)], 0.5);
}
