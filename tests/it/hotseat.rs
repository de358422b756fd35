//! Hotseat: every side at one laptop, taking turns within the month. Ending a turn puts the
//! side's drafts away and shows a hand-over screen (drawn from the two sides' names alone);
//! the next team's screen holds its own government, not the other side's orders; the month
//! runs only when every side has ended its turn, and play/speed do nothing meanwhile.
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradecraft::command::{Command, Tone};
use tradecraft::sim::{Clock, PendingCommands, Simulation};
use tradecraft::ui::state::{Action, Draft, Hotseat, Overlays, Pace, PlayerSide};
use tradecraft::ui::view::View;
use tradecraft::ui::{apply_actions, panels, saves::Notice};

use crate::common;

fn hotseat_game() -> Simulation {
    let sides = vec!["JPN".to_string(), "USA".to_string()];
    let mut sim = Simulation::with_sides(&common::level("2025_tariff_shock.ron"), 1, &sides).unwrap();
    let w = sim.world_mut();
    w.insert_resource(PlayerSide("JPN".into()));
    w.insert_resource(Notice::default());
    w.insert_resource(Pace {
        paused: true,
        speed: 1,
        since_step: 0.0,
        step_requested: false,
    });
    w.insert_resource(Hotseat {
        order: sides,
        ..Hotseat::default()
    });
    let view = View::from_world(w);
    let draft = Draft::for_dispute(&view, "auto_tariffs");
    w.insert_resource(view);
    w.insert_resource(Overlays {
        draft: Some(draft),
        ..Overlays::default()
    });
    sim
}

fn refresh(sim: &mut Simulation) {
    let v = View::from_world(sim.world_mut());
    sim.world_mut().insert_resource(v);
}

#[test]
fn turns_hand_the_laptop_over_and_the_month_runs_when_every_side_has_ended() {
    let mut sim = hotseat_game();
    // Japan queues a statement, then ends its turn.
    let statement = Command::Statement {
        dispute: "auto_tariffs".into(),
        tone: Tone::Conciliatory,
    };
    apply_actions(sim.world_mut(), vec![Action::Issue(statement)]);
    assert_eq!(sim.world().resource::<PendingCommands>().0.len(), 1);
    // Japan has a forecast of its move open: it is Japan's plan, not the U.S. team's to read.
    sim.world_mut().resource_mut::<Overlays>().forecast = Some(tradecraft::ui::state::ForecastShown {
        label: "a conciliatory statement on U.S. tariffs on Japanese cars".into(),
        side_name: "Japan".into(),
        partner_name: None,
        dates: vec!["2025-01".into()],
        result: Some(Err("not run in this test".into())),
    });
    apply_actions(
        sim.world_mut(),
        vec![Action::TogglePause, Action::Speed(3), Action::EndTurn],
    );
    let w = sim.world();
    assert!(w.resource::<Pace>().paused, "no clock in hotseat");
    assert!(
        !w.resource::<Pace>().step_requested,
        "the U.S. has not played yet"
    );
    assert_eq!(
        w.resource::<Hotseat>().handing_to,
        Some(("USA".into(), Some("JPN".into())))
    );
    assert_eq!(w.resource::<PlayerSide>().0, "USA");
    assert!(
        w.resource::<Overlays>().draft.is_none(),
        "Japan's draft is put away"
    );
    assert!(
        w.resource::<Overlays>().forecast.is_none(),
        "Japan's forecast is closed"
    );
    // The U.S. team's screen: its own government, none of Japan's queued orders.
    refresh(&mut sim);
    let v = sim.world().resource::<View>();
    assert_eq!(v.player, "USA");
    assert!(
        v.queued.is_empty(),
        "Japan's queued order shows to the U.S.: {:?}",
        v.queued
    );
    assert!(v.lobbies.iter().all(|l| l.state == "USA"));
    assert_eq!(v.turns, vec![("JPN".into(), true), ("USA".into(), false)]);
    // The U.S. takes over and ends its turn (its step key ends the turn): the month is due.
    apply_actions(sim.world_mut(), vec![Action::TakeOver]);
    assert_eq!(sim.world().resource::<Hotseat>().handing_to, None);
    apply_actions(sim.world_mut(), vec![Action::Step]);
    let w = sim.world();
    assert!(
        w.resource::<Pace>().step_requested,
        "every side has ended its turn"
    );
    assert_eq!(w.resource::<Hotseat>().handing_to, Some(("JPN".into(), None)));
    assert!(w.resource::<Hotseat>().done.is_empty());
    assert_eq!(w.resource::<PlayerSide>().0, "JPN");
    sim.step();
    assert_eq!(sim.world().resource::<Clock>().month, 1);
    // The game's save files name both sides, whoever's turn it is.
    assert!(tradecraft::ui::saves::game_name(sim.world()).ends_with("2025-tariff-shock-jpn-usa"));
    // Japan takes the laptop back: its draft returns.
    apply_actions(sim.world_mut(), vec![Action::TakeOver]);
    let draft = sim.world().resource::<Overlays>().draft.clone();
    assert_eq!(draft.map(|d| d.dispute), Some("auto_tariffs".to_string()));
}

#[test]
fn the_hand_over_screen_shows_no_government_and_its_button_takes_over() {
    let mut sim = hotseat_game();
    sim.run(2);
    refresh(&mut sim);
    let v = sim.world().resource::<View>().clone();
    // What Japan's screen shows and the hand-over screen must not: its lobbies, its approval.
    let secrets: Vec<String> = v.lobbies.iter().map(|l| l.name.clone()).collect();
    assert!(!secrets.is_empty());
    let mut h = Harness::new_ui_state(
        |ui, out: &mut Vec<Action>| {
            out.extend(panels::hand_over(ui, "United States", Some("Japan"), "2025-03"))
        },
        Vec::new(),
    );
    h.run();
    h.get_by_label_contains("Japan has ended its turn");
    h.get_by_label_contains("Pass the laptop to the team leading United States");
    for secret in &secrets {
        assert!(h.query_by_label_contains(secret).is_none(), "{secret} shows");
    }
    assert!(h.query_by_label_contains("approval").is_none());
    h.get_by_label_contains("We lead United States").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::TakeOver]);
    // A new month's hand-over names the month.
    let mut h = Harness::new_ui(|ui| {
        panels::hand_over(ui, "Japan", None, "2025-04");
    });
    h.run();
    h.get_by_label_contains("A new month: 2025-04");
}
