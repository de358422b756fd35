//! Several sides led by people in one game (a class game, hotseat): the AI leaves every human
//! side alone and none of their scripted historical decisions fire, while the other
//! governments act as before; the sides survive a save; `sim --side A --side B` replays such a
//! game; a one-player game is unchanged.

use tradecraft::save;
use tradecraft::sim::{CommandLog, Control, Origin, Simulation};

use crate::common;

/// Commands of `by` with `origin` in the log.
fn count(sim: &Simulation, by: &str, origin: Origin) -> usize {
    sim.world()
        .resource::<CommandLog>()
        .0
        .iter()
        .filter(|e| e.issued.by == by && e.issued.origin == origin)
        .count()
}

fn sides(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn with_two_human_sides_neither_is_played_by_the_ai_or_by_history() {
    let s = common::level("2025_tariff_shock.ron");
    // Japan alone human: the United States acts, by the AI and by its scripted history.
    let mut one = Simulation::with_sides(&s, 1, &sides(&["JPN"])).unwrap();
    one.run(24);
    let usa_moves = count(&one, "USA", Origin::Ai) + count(&one, "USA", Origin::Event);
    assert!(usa_moves > 0, "with Japan alone human the U.S. acts");
    // Both human: neither moves unless its team does; the other governments still act.
    let mut two = Simulation::with_sides(&s, 1, &sides(&["JPN", "USA"])).unwrap();
    two.run(24);
    for by in ["JPN", "USA"] {
        for origin in [Origin::Ai, Origin::Event] {
            assert_eq!(count(&two, by, origin), 0, "{by} moved by {origin:?}");
        }
    }
    let others: Vec<String> = two
        .world()
        .resource::<CommandLog>()
        .0
        .iter()
        .filter(|e| e.issued.by != "JPN" && e.issued.by != "USA")
        .map(|e| format!("{} {:?}", e.issued.by, e.issued.origin))
        .collect();
    // (Taiwan's AI and Vietnam's and Malaysia's scripted moves, with seed 1.)
    assert!(!others.is_empty(), "the other governments still act");
    let control = two.world().resource::<Control>();
    assert_eq!(control.humans().len(), 2);
}

#[test]
fn a_two_side_game_keeps_its_sides_across_a_save() {
    let s = common::level("2025_tariff_shock.ron");
    let mut through = Simulation::with_sides(&s, 4, &sides(&["USA", "JPN"])).unwrap();
    through.run(12);
    let mut half = Simulation::with_sides(&s, 4, &sides(&["USA", "JPN"])).unwrap();
    half.run(6);
    let text = ron::to_string(&save::snapshot(half.world_mut())).unwrap();
    let mut resumed = save::restore(&ron::from_str(&text).unwrap()).unwrap();
    assert_eq!(
        resumed.world().resource::<Control>().humans().len(),
        2,
        "both sides are still human"
    );
    resumed.run(6);
    assert_eq!(resumed.state_hash(), through.state_hash());
}

#[test]
fn a_save_that_names_a_side_twice_or_a_state_that_is_not_there_is_refused() {
    let s = common::level("2025_tariff_shock.ron");
    let mut sim = Simulation::with_sides(&s, 1, &sides(&["JPN", "USA"])).unwrap();
    sim.run(1);
    let snap = save::snapshot(sim.world_mut());
    let mut twice = snap.clone();
    twice.state.control.also.push(twice.state.control.also[0]);
    let err = save::restore(&twice).err().expect("refused");
    assert!(err.contains("twice"), "{err}");
    let mut missing = snap;
    missing.state.control.also = vec![99];
    let err = save::restore(&missing).err().expect("refused");
    assert!(err.contains("a side people lead"), "{err}");
}

#[test]
fn sides_are_checked_when_the_game_is_built() {
    let s = common::level("2025_tariff_shock.ron");
    let err = Simulation::with_sides(&s, 1, &sides(&["JPN", "XXX"]))
        .err()
        .unwrap();
    assert!(err.contains("\"XXX\" is not a state"), "{err}");
    let err = Simulation::with_sides(&s, 1, &sides(&["JPN", "USA", "USA"]))
        .err()
        .unwrap();
    assert!(err.contains("named twice"), "{err}");
}

#[test]
fn sim_replays_a_two_side_game_with_the_library_hash() {
    let s = common::level("2025_tariff_shock.ron");
    let mut lib = Simulation::with_sides(&s, 2, &sides(&["JPN", "USA"])).unwrap();
    lib.run(5);
    let want = format!("{:016x}", lib.state_hash());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradecraft"))
        .args([
            "sim",
            "levels/2025_tariff_shock.ron",
            "--seed",
            "2",
            "--months",
            "5",
        ])
        .args(["--side", "JPN", "--side", "USA"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("sides JPN (Japan), USA (United States)"), "{text}");
    assert!(text.contains(&format!("state-hash: {want}")), "{text}");
    // --side starts a run; a resumed one keeps its own sides.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradecraft"))
        .args(["sim", "--resume", "nowhere.ron", "--side", "JPN"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("keeps the sides"));
    // A start past the scenario's end is refused, not run for billions of months.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradecraft"))
        .args([
            "sim",
            "levels/2025_tariff_shock.ron",
            "--side",
            "JPN",
            "--start",
            "4000000000",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("past the scenario's end"), "{e}");
}
