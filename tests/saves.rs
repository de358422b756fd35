//! Saving and loading from the game: save → load → continue gives the same state hash as an
//! uninterrupted run; a corrupt or newer save is refused and the running game is untouched.
#![cfg(feature = "gui")]

mod common;

use tradecraft::save;
use tradecraft::sim::Simulation;
use tradecraft::ui::saves;

fn sim() -> Simulation {
    Simulation::new(&common::level("2025_tariff_shock.ron"), 5, Some("JPN")).unwrap()
}

#[test]
fn save_load_continue_matches_an_uninterrupted_run() {
    let dir = std::env::temp_dir().join(format!("tradecraft-saves-{}", std::process::id()));
    let path = dir.join("game.ron");
    std::fs::create_dir_all(&dir).unwrap();
    let mut straight = sim();
    straight.run(12);

    let mut first = sim();
    first.run(6);
    saves::save_to(first.world_mut(), &path).unwrap();
    let mut other = Simulation::new(&common::mini(), 1, None).unwrap();
    other.run(3);
    saves::load_from(other.world_mut(), &path).unwrap();
    other.run(6);
    assert_eq!(other.state_hash(), straight.state_hash());

    // A damaged file is refused and the game goes on as it was.
    let before = other.state_hash();
    std::fs::write(dir.join("bad.ron"), "(format: 1, scenario: (").unwrap();
    let err = saves::load_from(other.world_mut(), &dir.join("bad.ron")).unwrap_err();
    assert!(err.contains("bad.ron:1:"), "{err}");
    assert_eq!(other.state_hash(), before);

    // A newer save is refused with a message saying so.
    let mut snap = save::snapshot(other.world_mut());
    snap.format = save::FORMAT_VERSION + 1;
    std::fs::write(dir.join("newer.ron"), ron::to_string(&snap).unwrap()).unwrap();
    let err = saves::load_from(other.world_mut(), &dir.join("newer.ron")).unwrap_err();
    assert!(err.contains("update Tradecraft"), "{err}");
    assert_eq!(other.state_hash(), before);
    let _ = std::fs::remove_dir_all(&dir);
}
