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
    // So do the cause records, those worded when read (trust, relocation, welfare) among them:
    // saved as their words, they load equal to the records the straight run keeps as numbers,
    // and the months after the load are worded as the straight run words them.
    let causes = |sim: &Simulation| {
        sim.world()
            .resource::<tradecraft::sim::resources::Causes>()
            .0
            .clone()
    };
    let (a, b) = (causes(&straight), causes(&resumed));
    assert!(
        a.len() > 100,
        "a run of two years explains itself: {} records",
        a.len()
    );
    if let Some(x) = (0..a.len().max(b.len())).find(|&x| a.get(x) != b.get(x)) {
        panic!(
            "records part at {x} of {}/{}: {:?} against {:?}",
            a.len(),
            b.len(),
            a.get(x),
            b.get(x)
        );
    }
    let trust = a.iter().find(|c| c.indicator == "trust").expect("trust moved");
    assert!(matches!(
        trust.because,
        tradecraft::sim::resources::Because::TrustRecovering { .. }
            | tradecraft::sim::resources::Because::TrustFading { .. }
            | tradecraft::sim::resources::Because::TrustDispute { .. }
            | tradecraft::sim::resources::Because::TrustTariffs { .. }
    ));
    assert!(!trust.because.to_string().is_empty());
    let saved = ron::to_string(&trust).unwrap();
    assert!(
        saved.contains(&format!("{:?}", trust.because.to_string())),
        "{saved}"
    );
}

/// Saves written by earlier builds, one of each format before this one: the tutorial as
/// Japan, seed 1, saved after three months by `tradecraft sim levels/tutorial.ron --side JPN
/// --months 3 --out DIR` (its `final.ron`).
/// - format 1: the build of 2026-12-02 morning, before frozen scores, self-imposed restraints
///   and the events' answers (the parent of 61dc318);
/// - format 2: the build of 69e534f, the last before leaders (8bbf181 moved saves to format 3).
///
/// Both are also older than trust floors and strategic inputs (issue 12).
const EARLIER_SAVES: [(u32, &str); 2] = [
    (1, "tests/data/saves/format1_tutorial_month3.ron"),
    (2, "tests/data/saves/format2_tutorial_month3.ron"),
];

/// Every earlier format loads and plays on to the scenario's end: the fields added since read
/// as what the save held (no leader named, no change under way), and the migration gives it
/// the scenario's starting trust behind the floors (trust then stays in [floor, 1]) and full
/// strategic stocks.
#[test]
fn a_save_of_every_earlier_format_loads_and_plays_on() {
    use tradecraft::sim::{Control, Params, Politics, Registry, Relations};
    assert_eq!(
        EARLIER_SAVES.len() as u32,
        save::FORMAT_VERSION - 1,
        "keep a save of every earlier format"
    );
    let fresh = Simulation::new(&common::level("tutorial.ron"), 1, Some("JPN")).unwrap();
    let trust0 = fresh.world().resource::<Relations>().trust0.clone();
    for (format, file) in EARLIER_SAVES {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let snap = save::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(snap.format, format, "{file}");
        assert!(snap.state.relations.trust0.is_empty() && snap.state.bottlenecks.cap.is_empty());
        let mut sim = save::restore(&snap).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(sim.month(), 3, "{file}");
        let reg = sim.world().resource::<Registry>().clone();
        let player = sim.world().resource::<Control>().player;
        assert_eq!(player.map(|p| reg.states[p].as_str()), Some("JPN"), "{file}");
        let w = sim.world_mut();
        let mut q = w.query::<&Politics>();
        assert!(
            q.iter(w)
                .all(|p| p.leader.is_empty() && p.succession.is_none() && p.months_below == 0),
            "{file}: leaders read as their defaults"
        );
        assert_eq!(w.resource::<Relations>().trust0, trust0, "{file}: migrated");
        let caps = &w.resource::<tradecraft::sim::strategic_inputs::Bottlenecks>().cap;
        assert!(!caps.is_empty() && caps.iter().all(|c| *c == 1.0), "{file}");
        for month in 3..12 {
            let w = sim.world();
            let (r, share) = (w.resource::<Relations>(), w.resource::<Params>().0.trust_floor);
            for c in 0..r.trust.len() {
                let floor = r.floor(c / r.n, c % r.n, share);
                assert!(floor > 0.0 || r.trust0[c] == 0.0, "{file}: no floor");
                assert!(
                    (floor..=1.0).contains(&r.trust[c]) && (floor..=1.0).contains(&r.ceiling[c]),
                    "{file}, month {month}: trust {} ceiling {} floor {floor}",
                    r.trust[c],
                    r.ceiling[c]
                );
            }
            sim.step();
        }
        assert_eq!(sim.month(), 12);
        assert!(
            tradecraft::report::score::is_final(sim.world()),
            "{file}: played to the end, the score froze"
        );
    }
}

/// A game started in a world that held another (the game window's new game, a class team
/// joining) runs month for month like a fresh world: nothing of the old game stays behind.
#[test]
fn a_world_rebuilt_in_place_runs_like_a_fresh_one() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("levels/2025_tariff_shock.ron");
    let scenario = tradecraft::scenario::load_scenario(&path).unwrap();
    let sides = vec!["JPN".to_string(), "USA".to_string()];
    let mut fresh = Simulation::with_sides(&scenario, 3, &sides).unwrap();
    let mut reused = Simulation::new(&scenario, 0, None).unwrap();
    reused.run(5);
    tradecraft::sim::setup::rebuild(reused.world_mut(), &scenario, 3, &sides).unwrap();
    for month in 0..24 {
        assert_eq!(fresh.state_hash(), reused.state_hash(), "month {month}");
        fresh.step();
        reused.step();
    }
}
