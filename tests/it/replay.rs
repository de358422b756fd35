//! Replays in the game window: a commands file (history's decisions) followed month by month,
//! the player's orders refused until *Take over from here*; up to then the world is the file's
//! run, after it the player's side goes its own way (its entries in the file dropped, the
//! others' kept); the replay's own path is kept beside the run, and the end screen and the
//! debrief show both.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradecraft::command::Command;
use tradecraft::sim::Simulation;
use tradecraft::ui::replay::{Replay, follow};
use tradecraft::ui::state::{Action, Overlays, PlayerSide};
use tradecraft::ui::view::{ReplayRow, View};
use tradecraft::ui::{apply_actions, panels, saves};

use crate::common;

const LEVEL: &str = "levels/2025_tariff_shock.ron";
const HISTORY: &str = "levels/2025_tariff_shock.history.ron";

fn path(p: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// The game window's world, as the menu's *Replay history* starts it.
fn replay() -> Simulation {
    let mut sim = Simulation::blank();
    let w = sim.world_mut();
    w.insert_resource(saves::Notice::default());
    w.init_resource::<Overlays>();
    saves::new_game(w, &path(LEVEL), 1, "JPN", &[]).unwrap();
    w.insert_resource(PlayerSide("JPN".into()));
    follow(w, &path(HISTORY)).unwrap();
    sim
}

fn retaliate() -> Command {
    Command::SetTariff {
        target: "USA".into(),
        sector: "agriculture".into(),
        rate: 0.25,
    }
}

/// The same file run headless for the same side and seed; with `own`, Japan's entries from
/// month 7 dropped (the others' stay) and Japan's own order given at month 7 as a player gives
/// it (queued after the month's scripted and AI moves).
fn headless(months: u32, own: Option<Command>) -> u64 {
    let s = common::level("2025_tariff_shock.ron");
    let cmds = tradecraft::scenario::load_commands(&path(HISTORY), Some(&s)).unwrap();
    let mut sim = Simulation::with_sides(&s, 1, &["JPN".to_string()]).unwrap();
    sim.set_script(cmds.clone());
    match own {
        None => sim.run(months),
        Some(order) => {
            sim.run(7);
            sim.set_script(cmds.into_iter().filter(|c| c.by != "JPN").collect());
            sim.issue("JPN", order, tradecraft::sim::Origin::Player);
            sim.run(months - 7);
        }
    }
    sim.state_hash()
}

#[test]
fn a_replay_follows_its_file_until_the_player_takes_over() {
    let mut sim = replay();
    sim.run(7);
    assert_eq!(
        sim.state_hash(),
        headless(7, None),
        "the replay is the file's run"
    );
    // A save made now is a replay again when loaded.
    let dir = std::env::temp_dir().join(format!("tradecraft-replay-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let save = dir.join("midway.ron");
    saves::save_to(sim.world_mut(), &save).unwrap();
    let mut again = Simulation::blank();
    saves::load_from(again.world_mut(), &save).unwrap();
    tradecraft::ui::replay::resume(again.world_mut(), &save);
    let resumed = again.world().get_resource::<Replay>().expect("a replay again");
    assert_eq!((resumed.file.as_str(), resumed.taken), ("midway.ron", None));
    let _ = std::fs::remove_dir_all(&dir);
    // Orders wait for the take-over.
    apply_actions(sim.world_mut(), vec![Action::Issue(retaliate())]);
    // The queue's names come from the view, as in the game.
    let view = View::from_world(sim.world_mut());
    sim.world_mut().insert_resource(view);
    let pending = |sim: &Simulation| {
        sim.world()
            .resource::<tradecraft::sim::PendingCommands>()
            .0
            .iter()
            .filter(|c| c.by == "JPN")
            .count()
    };
    assert_eq!(pending(&sim), 0, "not queued");
    assert!(
        sim.world()
            .resource::<saves::Notice>()
            .0
            .contains("Take over from here")
    );
    apply_actions(sim.world_mut(), vec![Action::TakeOverReplay]);
    let r = sim.world().resource::<Replay>().clone();
    assert_eq!(r.taken, Some(7));
    let original = r.original.expect("the replay's own path is kept");
    assert_eq!(original.clock.month, 36, "to the scenario's end");
    assert_eq!(original.hash, headless(36, None));
    // Japan retaliates in August 2025: the same world as the CLI's branch.
    apply_actions(sim.world_mut(), vec![Action::Issue(retaliate())]);
    assert_eq!(pending(&sim), 1, "queued once taken over");
    sim.run(29);
    assert_eq!(sim.state_hash(), headless(36, Some(retaliate())));
    assert_ne!(sim.state_hash(), original.hash, "it went its own way");
    // The end screen sets this run beside the replay's, and the debrief holds both.
    let v = View::from_world(sim.world_mut());
    let row = v.replay.clone().unwrap();
    assert_eq!(row.taken.as_deref(), Some("2025-08"));
    assert_eq!(row.score, original.score("JPN"));
    let dir = std::env::temp_dir().join(format!("tradecraft-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page_path = dir.join("branch.html");
    saves::write_debrief(sim.world_mut(), &page_path).unwrap();
    let page = std::fs::read_to_string(&page_path).unwrap();
    assert!(page.contains("the replay (2025_tariff_shock.history.ron)"));
    assert!(
        page.contains("first parted ways in <b>2025-08</b>"),
        "where the branch left the replay"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_top_bar_offers_the_take_over_and_the_end_screen_compares() {
    let mut sim = replay();
    sim.run(3);
    let mut v = View::from_world(sim.world_mut());
    assert_eq!(
        v.replay.as_ref().map(|r| r.file.as_str()),
        Some("2025_tariff_shock.history.ron")
    );
    let shown = v.clone();
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::top_bar(ui, &shown)),
        Vec::new(),
    );
    h.run();
    h.get_by_label("Replay of 2025_tariff_shock.history.ron");
    h.get_by_label("Take over from here").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::TakeOverReplay]);
    v.replay = Some(ReplayRow {
        file: "2025_tariff_shock.history.ron".into(),
        taken: Some("2025-08".into()),
        score: Some(81.0),
        ends: vec![("U.S. tariffs on Japanese cars".into(), "settled".into())],
    });
    v.score_final = true;
    let mut h = Harness::new_ui(move |ui| {
        panels::end_screen(ui, &v);
    });
    h.run();
    h.get_by_label(
        "Beside the path you branched from (2025_tariff_shock.history.ron, taken over in 2025-08)",
    );
    h.get_by_label("81");
    h.get_by_label("the replay's");
}
