//! The month's phases run in the documented order (DESIGN.md "The model").

mod common;

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
    assert_eq!(
        format!("{:?}", Phase::ORDER),
        "[Commands, Timeline, Trade, Factors, SupplyChains, ExportControls, Lobbies, Escalation, Alliances, Ai, Record]"
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
