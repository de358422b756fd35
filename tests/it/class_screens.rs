//! A class game's screens (egui_kittest, no GPU): a team's top bar and class window, the
//! joining screen, and the teacher's console, built from a real host; and what a team's screen
//! may not show of the other side.
#![cfg(feature = "gui")]

use crate::common::class_level as level;
use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradecraft::command::Command;
use tradecraft::net::host::Host;
use tradecraft::net::lockstep::{self, ToHost, ToTeam, decode, encode};
use tradecraft::net::seat::Team;
use tradecraft::net::session::HostSession;
use tradecraft::net::transport::Server;
use tradecraft::ui::console::{Console, ConsoleAction, ConsoleView, console_panel};
use tradecraft::ui::panels;
use tradecraft::ui::state::Action;
use tradecraft::ui::view::{ClassRow, View};

fn host() -> Host {
    let (scenario, text) = level();
    crate::common::class_host(&scenario, &text, 2)
}

/// Japan's team in a class game, joined through the host; the host after it.
fn japan(host: &mut Host) -> Team {
    let (scenario, text) = level();
    let (_, welcome) = host
        .receive(1, Team::hello(&text, "JPN", "Team Tokyo", "class"))
        .pop()
        .unwrap();
    let welcome: ToTeam = decode(&encode(&welcome), lockstep::MAX_MESSAGE).unwrap();
    Team::from_welcome(&scenario, &welcome).unwrap()
}

/// Japan's screen in a class game, as the game window builds it.
fn class_view(row: ClassRow) -> View {
    let mut h = host();
    let mut team = japan(&mut h);
    let world = team.simulation().world_mut();
    world.insert_resource(tradecraft::ui::PlayerSide("JPN".into()));
    let mut v = View::from_world(world);
    v.class = Some(row);
    v
}

fn row() -> ClassRow {
    ClassRow {
        address: "192.168.1.20:5150".into(),
        joined: true,
        sides: vec!["JPN".into(), "USA".into()],
        ready: vec![],
        seconds_left: Some(125.0),
        heard: vec![(
            "2025-01".into(),
            "Team Washington (USA)".into(),
            "A deal by summer?".into(),
        )],
        ..ClassRow::default()
    }
}

#[test]
fn a_teams_top_bar_has_ready_and_the_timer_instead_of_the_clock() {
    let v = class_view(row());
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::top_bar(ui, &v)),
        Vec::new(),
    );
    h.run();
    assert!(
        h.query_by_label("Step one month").is_none(),
        "the host runs the months"
    );
    assert!(h.query_by_label("Play").is_none());
    h.get_by_label("2:05");
    h.get_by_label_contains("waiting for United States");
    h.get_by_label("Ready").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![Action::ClassReady(0)],
        "Ready names the month shown"
    );
    // Sent: the button says so and is disabled until the month comes.
    let v = class_view(ClassRow {
        sent_ready: true,
        ready: vec!["JPN".into()],
        ..row()
    });
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::top_bar(ui, &v)),
        Vec::new(),
    );
    h.run();
    h.get_by_label("Ready: sent").click();
    h.run();
    assert!(h.state().is_empty());
}

#[test]
fn the_class_window_shows_messages_and_sends_the_teams() {
    let r = row();
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::class_window(ui, &r)),
        Vec::new(),
    );
    h.run();
    h.get_by_label("A deal by summer?");
    h.get_by_label("Team Washington (USA)");
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).focus();
    h.run();
    h.run();
    h.get_by(|n| n.is_focused())
        .type_text("Only with a carve-out for cars.");
    h.run();
    assert!(
        h.state()
            .contains(&Action::ClassDraft("Only with a carve-out for cars.".into())),
        "{:?}",
        h.state()
    );
    let r = ClassRow {
        draft: "Only with a carve-out for cars.".into(),
        ..row()
    };
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::class_window(ui, &r)),
        Vec::new(),
    );
    h.get_by_label("Send now").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::ClassSay]);
}

#[test]
fn the_joining_screen_says_why_a_team_was_refused() {
    let r = ClassRow {
        status: "refused: wrong password: ask the teacher".into(),
        closed: true,
        ..ClassRow::default()
    };
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::joining(ui, &r)),
        Vec::new(),
    );
    h.run();
    h.get_by_label("refused: wrong password: ask the teacher");
    h.get_by_label("Main menu").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::ToMenu]);
}

/// A team's screen holds its own government and not the other side's: no U.S. lobby, and the
/// other team's orders never reach this laptop before the month runs.
#[test]
fn a_teams_screen_lacks_the_other_sides_hidden_figures() {
    let mut h = host();
    let mut team = japan(&mut h);
    let (scenario, text) = level();
    let (_, welcome) = h
        .receive(2, Team::hello(&text, "USA", "Team DC", "class"))
        .pop()
        .unwrap();
    let _usa = Team::from_welcome(&scenario, &welcome).unwrap();
    // Washington drafts a tariff: it sits with the host until the month runs.
    let order = Command::SetTariff {
        target: "JPN".into(),
        sector: "steel".into(),
        rate: 0.5,
    };
    h.receive(
        2,
        ToHost::Order {
            month: 0,
            command: order,
            note: String::new(),
        },
    );
    let world = team.simulation().world_mut();
    world.insert_resource(tradecraft::ui::PlayerSide("JPN".into()));
    let v = View::from_world(world);
    assert!(!v.lobbies.is_empty());
    assert!(v.lobbies.iter().all(|l| l.state == "JPN"), "{:?}", v.lobbies);
    assert!(v.queued.is_empty(), "{:?}", v.queued);
    assert!(
        !v.measures
            .iter()
            .any(|m| m.by == "USA" && m.sector == "steel" && m.what.contains("50")),
        "the draft is not in force here"
    );
}

fn console() -> Console {
    let server = Server::bind_to("127.0.0.1:0".parse().unwrap()).unwrap();
    let mut h = host();
    let _ = japan(&mut h);
    h.receive(1, ToHost::Ready { month: 0 });
    Console {
        session: HostSession::new(h, server, None),
        addresses: vec!["192.168.1.20:5150".into()],
        password: true,
        draft: String::new(),
        confirm_end: false,
    }
}

fn console_harness(v: ConsoleView) -> Harness<'static, Vec<ConsoleAction>> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            move |ui, out: &mut Vec<ConsoleAction>| out.extend(console_panel(ui, &v)),
            Vec::new(),
        )
}

#[test]
fn the_console_shows_every_side_and_steers_the_class() {
    let mut c = console();
    let v = c.view();
    // Both sides, with their governments: the teacher sees what no team sees of the other.
    let japan = v.sides.iter().find(|s| s.side == "JPN").unwrap();
    assert_eq!(japan.team.as_deref(), Some("Team Tokyo"));
    assert!(japan.joined && japan.ready);
    let usa = v.sides.iter().find(|s| s.side == "USA").unwrap();
    assert!(!usa.joined && usa.team.is_none());
    assert!(!usa.lobbies.is_empty() && !japan.lobbies.is_empty());
    assert!(v.injects.iter().any(|i| i.id == "ruling_now"));
    let mut h = console_harness(v.clone());
    h.run();
    h.get_by_label("Team Tokyo");
    h.get_by_label("no team yet");
    h.get_by_label_contains("192.168.1.20:5150");
    h.get_by_label("Run the month now").click();
    h.run();
    h.get_by_label_contains("The courts end the IEEPA tariffs now")
        .click();
    h.run();
    h.get_by_label("2 min").click();
    h.run();
    h.get_by_label("End the game").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![
            ConsoleAction::RunMonth(0),
            ConsoleAction::Inject("ruling_now".into()),
            ConsoleAction::Timer(Some(2.0)),
            ConsoleAction::End,
        ]
    );
    // Carried out on the host: the inject waits for the month, which the teacher then runs.
    c.apply(vec![
        ConsoleAction::Inject("ruling_now".into()),
        ConsoleAction::Timer(Some(2.0)),
    ]);
    assert_eq!(c.session.host.injects_waiting(), ["ruling_now".to_string()]);
    assert_eq!(c.session.host.seconds_left(), Some(120.0));
    c.apply(vec![ConsoleAction::RunMonth(0)]);
    // A click on the month that already ran does not run the next one.
    c.apply(vec![ConsoleAction::RunMonth(0)]);
    assert_eq!(c.session.host.month(), 1);
    assert!(c.session.host.log().iter().any(|e| e.command
        == Command::Inject {
            id: "ruling_now".into()
        }));
    // Ending asks first.
    c.apply(vec![ConsoleAction::End]);
    assert!(!c.session.host.over());
    let mut h = console_harness(c.view());
    h.get_by_label("Yes, end it").click();
    h.run();
    c.apply(h.state().clone());
    assert!(c.session.host.over());
}

#[test]
fn a_team_that_lost_the_host_can_rejoin_from_the_class_window() {
    let r = ClassRow {
        status: "lost the host at 192.168.1.20:5150: connection timed out".into(),
        closed: true,
        ..row()
    };
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::class_window(ui, &r)),
        Vec::new(),
    );
    h.run();
    h.get_by_label_contains("lost the host");
    h.get_by_label("Rejoin").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::ClassRejoin]);
}
