//! Same scenario + seed + commands ⇒ the same state hash (docs/architecture.md, "Deterministic"), also across a
//! save and resume; different seeds ⇒ different hashes.

use crate::common;

use tradecraft::save;
use tradecraft::sim::Simulation;

fn run(seed: u64, months: u32) -> u64 {
    let mut sim = Simulation::new(&common::mini(), seed, Some("JPN")).unwrap();
    sim.set_script(common::busy_script());
    sim.run(months);
    sim.state_hash()
}

#[test]
fn same_inputs_same_hash() {
    assert_eq!(run(7, 24), run(7, 24));
}

#[test]
fn different_seeds_differ() {
    assert_ne!(run(7, 24), run(8, 24));
}

#[test]
fn save_and_resume_halfway_gives_the_same_hash() {
    let straight = run(7, 24);
    let mut sim = Simulation::new(&common::mini(), 7, Some("JPN")).unwrap();
    sim.set_script(common::busy_script());
    sim.run(12);
    // Through text, as on disk.
    let text = ron::to_string(&save::snapshot(sim.world_mut())).unwrap();
    drop(sim);
    let snap: save::Snapshot = ron::from_str(&text).unwrap();
    let mut resumed = save::restore(&snap).unwrap();
    assert_eq!(resumed.month(), 12);
    resumed.run(12);
    assert_eq!(resumed.state_hash(), straight);
}

#[test]
fn the_script_was_really_applied() {
    // Guard against a determinism test that passes because nothing happens.
    let mut sim = Simulation::new(&common::mini(), 7, Some("JPN")).unwrap();
    sim.set_script(common::busy_script());
    let before = sim.state_hash();
    sim.run(12);
    let log = &sim.world().resource::<tradecraft::sim::CommandLog>().0;
    let applied = log.iter().filter(|e| e.rejected.is_none()).count();
    assert!(applied >= 8, "applied only {applied}: {log:#?}");
    assert_ne!(before, sim.state_hash());
}

#[test]
fn newer_snapshot_is_refused() {
    let mut sim = Simulation::new(&common::mini(), 1, None).unwrap();
    let mut snap = save::snapshot(sim.world_mut());
    snap.format = save::FORMAT_VERSION + 1;
    let err = save::restore(&snap).err().unwrap();
    assert!(err.contains("update Tradecraft"), "{err}");
}

#[test]
fn save_and_resume_of_the_2025_scenario_gives_the_same_hash() {
    let s = common::level("2025_tariff_shock.ron");
    let mut straight = Simulation::new(&s, 7, None).unwrap();
    straight.run(24);
    let mut half = Simulation::new(&s, 7, None).unwrap();
    half.run(12);
    let text = ron::to_string(&save::snapshot(half.world_mut())).unwrap();
    let mut resumed = save::restore(&ron::from_str(&text).unwrap()).unwrap();
    resumed.run(12);
    assert_eq!(resumed.state_hash(), straight.state_hash());
    // History survives the round trip too.
    let (a, b) = (
        straight.world().resource::<tradecraft::sim::History>(),
        resumed.world().resource::<tradecraft::sim::History>(),
    );
    assert_eq!(a.last("USA", "cpi"), b.last("USA", "cpi"));
}

/// A save written by an earlier build (format 1, before this build's new fields: frozen scores,
/// self-imposed restraints, event answers) still loads and plays on: the tutorial as Japan saved
/// after three months by the build of 2026-12-02 morning (`sim --out`).
#[test]
fn a_save_from_an_earlier_build_loads_and_plays_on() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/saves/format1_tutorial_month3.ron");
    let snap = tradecraft::save::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(snap.format, 1);
    let mut sim = tradecraft::save::restore(&snap).unwrap();
    assert_eq!(sim.month(), 3);
    let reg = sim.world().resource::<tradecraft::sim::Registry>().clone();
    let player = sim.world().resource::<tradecraft::sim::Control>().player;
    assert_eq!(player.map(|p| reg.states[p].as_str()), Some("JPN"));
    // Fields added since (leaders) read as their defaults: unnamed, no change under way.
    let w = sim.world_mut();
    let mut q = w.query::<&tradecraft::sim::Politics>();
    assert!(
        q.iter(w)
            .all(|p| p.leader.is_empty() && p.succession.is_none() && p.months_below == 0)
    );
    sim.run(9);
    assert_eq!(sim.month(), 12);
    assert!(
        tradecraft::report::score::is_final(sim.world()),
        "played to the end, the score froze"
    );
}
