//! Saving and loading from the game: save → load → continue gives the same state hash as an
//! uninterrupted run; a corrupt or newer save is refused and the running game is untouched.
#![cfg(feature = "gui")]

use crate::common;

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

/// The view the panels draw builds before the first month (no trade wedges derived yet) and
/// right after a load, and shows the tariffs between the player and the other side.
#[test]
fn the_view_builds_at_month_zero_and_after_a_load() {
    use tradecraft::ui::view::View;
    let mut fresh = sim();
    let v = View::from_world(fresh.world_mut());
    let cars = v.disputes.iter().find(|d| d.id == "auto_tariffs").unwrap();
    assert_eq!(cars.rates.len(), v.sectors.len());
    assert!(
        v.sector_rows.iter().any(|r| r.jobs > 0.0),
        "jobs show before the first month"
    );

    let dir = std::env::temp_dir().join(format!("tradecraft-view-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("game.ron");
    let mut first = sim();
    first.run(6);
    saves::save_to(first.world_mut(), &path).unwrap();
    let mut other = sim();
    saves::load_from(other.world_mut(), &path).unwrap();
    let v = View::from_world(other.world_mut());
    let cars = v.disputes.iter().find(|d| d.id == "auto_tariffs").unwrap();
    let autos = cars.rates.iter().find(|r| r.0 == "autos").unwrap();
    assert!(
        autos.2 >= 0.25,
        "the Section 232 car tariff is in force by month 6: {autos:?}"
    );

    // At the end, the view holds each of the player's disputes month by month.
    let mut done = sim();
    done.run(36);
    let v = View::from_world(done.world_mut());
    let cars = v
        .ladders
        .iter()
        .find(|l| l.0 == "U.S. tariffs on Japanese cars")
        .unwrap();
    assert_eq!((cars.1.as_str(), cars.2.len()), ("2025-01", 36));
    assert!(
        cars.2.iter().any(|c| c.is_some_and(|r| r >= 1)),
        "it climbed: {:?}",
        cars.2
    );

    // The saved-games list reads what a save holds without loading it.
    let info = save::peek(&path).unwrap();
    assert_eq!(info.title, "The 2025 Tariff Shock");
    assert_eq!(info.side.as_deref(), Some("JPN"));
    assert_eq!((info.month, info.date.as_str()), (6, "2025-07"));
    std::fs::write(dir.join("bad.ron"), "(format: 1, scen").unwrap();
    assert!(save::peek(&dir.join("bad.ron")).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Settings persist; a broken settings file gives the defaults and says where it is broken.
#[test]
fn settings_round_trip_and_a_broken_file_is_reported() {
    use tradecraft::ui::settings::{self, Settings};
    let dir = std::env::temp_dir().join(format!("tradecraft-settings-{}", std::process::id()));
    let path = dir.join("settings.ron");
    let (s, problem) = settings::load_from(&path);
    assert_eq!(
        (s, problem),
        (Settings::default(), None),
        "no file: the defaults, quietly"
    );
    settings::save_to(
        &path,
        &Settings {
            ui_scale: 1.25,
            ..Settings::default()
        },
    )
    .unwrap();
    assert_eq!(settings::load_from(&path).0.ui_scale, 1.25);
    std::fs::write(&path, "(ui_scale: 1.25,\n zoom: 2.0)").unwrap();
    let (s, problem) = settings::load_from(&path);
    assert_eq!(s, Settings::default());
    let problem = problem.expect("a broken file is reported");
    assert!(problem.contains("settings.ron:2:"), "{problem}");
    // The player's file is kept beside it, and stays when the defaults are written over it.
    assert!(problem.contains("settings.ron.bad"), "{problem}");
    settings::save_to(&path, &Settings::default()).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("settings.ron.bad")).unwrap(),
        "(ui_scale: 1.25,\n zoom: 2.0)"
    );
    std::fs::write(&path, "(ui_scale: 40.0)").unwrap();
    assert_eq!(
        settings::load_from(&path).0.ui_scale,
        1.75,
        "clamped to the offered range"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The end screen's *Export debrief*: the finished game's page, beside history's decisions, the
/// run's score in it, and the game untouched.
#[test]
fn a_finished_game_exports_its_debrief() {
    let dir = std::env::temp_dir().join(format!("tradecraft-export-{}", std::process::id()));
    let path = dir.join("debriefs").join("game.html");
    let mut game = sim();
    game.run(36);
    let before = game.state_hash();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    saves::write_debrief(game.world_mut(), &path).unwrap();
    assert_eq!(game.state_hash(), before, "exporting changes nothing");
    let page = std::fs::read_to_string(&path).unwrap();
    let score = tradecraft::report::score::score(game.world_mut(), "JPN").unwrap();
    assert!(
        page.contains(&format!("<td class=\"num\">{:.1}</td>", score.total)),
        "the score"
    );
    assert!(page.contains("history's decisions"), "history beside the run");
    assert!(page.contains("U.S. tariffs on Japanese cars"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The window's autosave writes on the IO task pool, one month at a time, the newest month
/// taking the place of one still waiting: months 1 to 5 run without waiting for the disk end
/// with month 5 saved, and the game's world is the same as without autosaves.
#[test]
fn autosaves_are_written_off_the_frame_and_the_newest_month_wins() {
    use tradecraft::ui::saves::{Autosaving, Notice, autosave_to, game_name};
    bevy::tasks::IoTaskPool::get_or_init(bevy::tasks::TaskPool::new);
    let dir = std::env::temp_dir().join(format!("tradecraft-autosave-task-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut game = sim();
    game.world_mut().insert_resource(Notice::default());
    let mut saving = Autosaving::default();
    for _ in 0..5 {
        game.step();
        autosave_to(game.world_mut(), &dir, &mut saving);
    }
    let mut frames = 0;
    while !saving.idle() && frames < 2000 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        autosave_to(game.world_mut(), &dir, &mut saving);
        frames += 1;
    }
    assert!(saving.idle(), "the autosave never finished");
    assert!(
        game.world().resource::<Notice>().0.is_empty(),
        "{}",
        game.world().resource::<Notice>().0
    );
    let good = tradecraft::save::autosave::good(&dir, &game_name(game.world()));
    assert_eq!(good.first().map(|g| g.1), Some(5), "{good:?}");
    let mut plain = sim();
    plain.run(5);
    assert_eq!(game.state_hash(), plain.state_hash());
    let _ = std::fs::remove_dir_all(&dir);
}
