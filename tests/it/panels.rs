//! The panels as plain functions of a read-only view: they show its values and the clicks on
//! their controls come back as the right commands (egui_kittest, no GPU).
#![cfg(feature = "gui")]

use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tradecraft::command::{Channel, Command, Tone};
use tradecraft::scenario::Rung;
use tradecraft::ui::panels;
use tradecraft::ui::state::{self, Action, Lens};
use tradecraft::ui::view::{
    AcquisitionRow, ApplicantRow, CapRow, DisputeRow, FrameworkRow, InputRow, LobbyRow, MeasureRow, NewsRow,
    PlantRow, SectorChart, SectorRow, StanceRow, StateRow, View,
};

fn view() -> View {
    View {
        title: "Test".into(),
        date: "2025-04".into(),
        month: 3,
        length: 36,
        start: (2025, 1),
        player: "JPN".into(),
        paused: true,
        speed: 1,
        score: Some(72.0),
        score_final: false,
        score_parts: vec![
            ("Keep calm".into(), 30.0, 40.0, "1 month in public".into()),
            ("Keep trust".into(), 42.0, 60.0, "trust at 70%".into()),
        ],
        names: [
            ("autos", "U.S. tariffs on Japanese cars"),
            ("USA", "United States"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect(),
        states: vec![StateRow {
            id: "USA".into(),
            name: "United States".into(),
            leader: "Donald Trump".into(),
            cpi: 100.71,
            employment: 5700.0,
            welfare: 99.97,
            approval: 0.47,
            capital: 50.0,
            alignment: 1.0,
            trust_in_player: 0.66,
            trust_from_player: 0.8,
        }],
        disputes: vec![DisputeRow {
            id: "autos".into(),
            title: "U.S. tariffs on Japanese cars".into(),
            parties: ("JPN".into(), "USA".into()),
            rung: Rung::Ministerial,
            salience: 0.25,
            open: true,
            involves_player: true,
            offer_for_player: true,
            sectors: vec!["autos".into()],
            pressure: tradecraft::sim::Pressure {
                lobby: 0.3,
                total: 0.45,
                threshold: 0.6,
                up: 0.12,
                down: 0.02,
                ..Default::default()
            },
            channel: Some("working level".into()),
            panel_left: 0,
            quiet_months: 0,
            their_offer: Some("USA offers its tariff on your Autos down to 15.0%".into()),
            rates: vec![("autos".into(), 0.0, 0.275), ("agri".into(), 0.4, 0.0)],
        }],
        news: vec![NewsRow {
            date: "2025-03".into(),
            headline: "Canada retaliates".into(),
            quote: Some("a dumb thing to do".into()),
            about: "USA".into(),
        }],
        trade: vec![("USA".into(), 230.0)],
        selected: None,
        selected_dispute: None,
        scroll_to_dispute: false,
        lens: Lens::Alignment,
        sectors: vec![
            ("autos".into(), "Autos".into()),
            ("agri".into(), "Agriculture".into()),
        ],
        answers: vec![(
            "2025-04".into(),
            "USA: reject offer on autos — offer worth 0.1".into(),
        )],
        notice: String::new(),
        debrief: None,
        replay: None,
        causes: vec![],
        series: vec![("approval".into(), vec![0.4, 0.42, 0.41])],
        lobbies: vec![LobbyRow {
            id: "jama".into(),
            name: "JAMA".into(),
            state: "JPN".into(),
            sectors: vec!["Autos".into()],
            sector_ids: vec!["autos".into()],
            grievance: 0.5,
            organisation: 0.8,
            pressure: 0.4,
            wins: 0,
        }],
        description: "A test.".into(),
        briefing: "Lead Japan through the storm.".into(),
        history_events: vec![("2025-09".into(), "The 15% deal".into())],
        history_series: vec![],
        objectives: vec![("Keep calm".into(), 100.0)],
        sector_rows: vec![SectorRow {
            id: "autos".into(),
            name: "Autos".into(),
            exports: 75.4,
            imports: 12.0,
            price: 0.985,
            jobs: 868.0,
            jobs0: 880.0,
        }],
        sector_chart: Some(SectorChart {
            sector: "autos".into(),
            exports: vec![80.0, 79.0, 75.4],
            price: vec![1.0, 0.99, 0.985],
            jobs: vec![880.0, 875.0, 868.0],
            partners: vec![("USA".into(), 56.0, 2.5)],
        }),
        measures: vec![MeasureRow {
            by: "USA".into(),
            target: "JPN".into(),
            sector: "Autos".into(),
            what: "tariff 25.0%".into(),
            legal_basis: "Section 232".into(),
            since: "2025-04".into(),
            mine: false,
        }],
        plants: vec![PlantRow {
            name: "Toyota Kentucky".into(),
            owner: "JPN".into(),
            host: "USA".into(),
            sector: "Autos".into(),
            output: 1.04,
            jobs: 9.0,
        }],
        frameworks: vec![FrameworkRow {
            id: "CPTPP".into(),
            name: "CPTPP".into(),
            members: vec!["AUS".into(), "JPN".into()],
            player_member: true,
            applicants: vec![ApplicantRow {
                state: "CHN".into(),
                support: 2,
                members: 9,
                ..Default::default()
            }],
        }],
        acquisitions: vec![AcquisitionRow {
            id: "nippon_us_steel".into(),
            title: "Nippon Steel buys U.S. Steel".into(),
            acquirer: "JPN".into(),
            reviewer: "JPN".into(),
            value: 14.9,
            investment: 11.0,
            status: "pending".into(),
            player_reviews: true,
            outcome: String::new(),
        }],
        orders: vec![(
            "2025-03".into(),
            "accept offer on autos: refused — no offer".into(),
        )],
        queued: vec!["Conciliatory statement on autos".into()],
        ladders: vec![(
            "U.S. tariffs on Japanese cars".into(),
            "2025-01".into(),
            vec![Some(0), Some(1), Some(3), None],
        )],
        prompt: Some((2, 5, "Step a month".into())),
        inputs: vec![],
        caps: vec![],
        params: Default::default(),
        turns: vec![],
        class: None,
        injects: vec![
            tradecraft::ui::view::InjectLine {
                id: "ruling_now".into(),
                title: "The courts end the IEEPA tariffs now".into(),
                note: "For any month after the first IEEPA tariffs.".into(),
                fired: false,
                queued: false,
            },
            tradecraft::ui::view::InjectLine {
                id: "pause_ends".into(),
                title: "The April rates return".into(),
                note: "For a class that settled too easily.".into(),
                fired: true,
                queued: false,
            },
        ],
    }
}

fn harness(panel: fn(&mut egui::Ui, &View) -> Vec<Action>) -> Harness<'static, Vec<Action>> {
    Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panel(ui, &view())),
        Vec::new(),
    )
}

#[test]
fn top_bar_shows_the_date_and_score_and_steps() {
    let mut h = harness(panels::top_bar);
    h.get_by_label_contains("2025-04");
    h.get_by_label("Score so far: 72/100");
    h.get_by_label("Step one month").click();
    h.run();
    assert!(h.state().contains(&Action::Step));
    h.get_by_label("Trust in you").click();
    h.run();
    assert!(h.state().contains(&Action::Lens(Lens::Trust)));
    h.get_by_label("Play").click();
    h.run();
    assert!(h.state().contains(&Action::TogglePause));
}

/// The teacher fires an inject from the Game menu; one fired already is shown and cannot be
/// fired again.
#[test]
fn the_teacher_fires_an_inject_from_the_game_menu() {
    let mut h = harness(panels::top_bar);
    h.get_by_label("Game").click();
    h.run();
    h.get_by_label("Save");
    h.get_by_label_contains("Teacher: fire an inject").hover();
    h.run();
    h.get_by_label("The April rates return (fired)");
    h.get_by_label("The courts end the IEEPA tariffs now").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::Inject("ruling_now".into())]);
}

#[test]
fn states_panel_shows_values_and_selects() {
    let mut h = harness(panels::states);
    h.get_by_label("100.71");
    h.get_by_label("47%");
    h.get_by_label_contains("CHN applying to CPTPP: 2 of 9");
    h.get_by_label("USA").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::Select("USA".into())]);
}

#[test]
fn disputes_panel_shows_the_ladder_and_issues_the_moves() {
    let mut h = harness(panels::disputes);
    h.get_by_label("U.S. tariffs on Japanese cars");
    h.get_by_label("Ministerial");
    h.get_by_label_contains("salience 25%");
    for (button, expected) in [
        (
            "Talk at working level",
            Command::OpenNegotiation {
                dispute: "autos".into(),
                channel: Channel::WorkingLevel,
                scope: vec![],
                excluded: vec![],
            },
        ),
        (
            "Hostile statement",
            Command::Statement {
                dispute: "autos".into(),
                tone: Tone::Hostile,
            },
        ),
        (
            "Conciliatory statement",
            Command::Statement {
                dispute: "autos".into(),
                tone: Tone::Conciliatory,
            },
        ),
        (
            "Take to the WTO",
            Command::FileDispute {
                dispute: "autos".into(),
            },
        ),
        (
            "Accept their offer",
            Command::AcceptOffer {
                dispute: "autos".into(),
            },
        ),
    ] {
        h.state_mut().clear();
        h.get_by_label(button).click();
        h.run();
        assert_eq!(h.state(), &vec![Action::Issue(expected)], "{button}");
    }
}

/// A news item about a dispute picks that dispute (the disputes panel scrolls to it).
#[test]
fn news_about_a_dispute_picks_it() {
    let mut v = view();
    v.news[0].about = "autos".into();
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::news(ui, &v)),
        Vec::new(),
    );
    h.get_by_label("2025-03  Canada retaliates").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::SelectDispute("autos".into())]);
}

#[test]
fn news_shows_headlines_with_quotes_and_clicking_selects() {
    let mut h = harness(panels::news);
    h.get_by_label("“a dumb thing to do”");
    h.get_by_label("2025-03  Canada retaliates").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::Select("USA".into())]);
}

/// The negotiation window builds the package the player ticked: a cut on autos to 10%, farm
/// goods left out, purchases, at the working level.
#[test]
fn negotiation_window_builds_the_right_offer() {
    use tradecraft::command::{Offer, TariffCut};
    let v = view();
    let draft = state::Draft::for_dispute(&v, "autos");
    assert!(
        !draft.sectors[0].2 && !draft.sectors[1].2,
        "the dispute's own sector is not ticked: Japan has no car tariff to cut"
    );
    let mut h = Harness::new_ui_state(
        move |ui, (d, out): &mut (state::Draft, Vec<Action>)| out.extend(panels::negotiation(ui, &v, d)),
        (draft, Vec::new()),
    );
    // Cut the farm tariff from 40% to 20%; a tick on cars (no tariff to cut) does not hold.
    h.state_mut().0.sectors[0].2 = true;
    h.state_mut().0.sectors[1].2 = true;
    h.state_mut().0.sectors[1].3 = 0.20;
    h.state_mut().0.purchases = 8.0;
    // Ask for their car tariff down to 10% in return; an ask where they have no tariff (farm
    // goods) does not hold, and no ask goes above the rate in force.
    h.state_mut().0.asks[0] = (true, 0.10);
    h.state_mut().0.asks[1] = (true, 0.20);
    h.run();
    h.get_by_label_contains("reject offer on autos");
    h.get_by_label("0.0% / 27.5%");
    h.get_by_label("Send offer").click();
    h.run();
    let expected = Command::MakeOffer {
        dispute: "autos".into(),
        channel: Channel::WorkingLevel,
        offer: Offer {
            tariff_cuts: vec![TariffCut {
                sector: "agri".into(),
                rate: 0.20,
            }],
            excluded: vec![],
            purchases: 8.0,
            investment: 0.0,
            asks: vec![TariffCut {
                sector: "autos".into(),
                rate: 0.10,
            }],
        },
    };
    assert_eq!(h.state().1, vec![Action::Issue(expected.clone())]);
    // Forecast, beside it, asks about the same package and sends nothing.
    h.get_by_label("Forecast").click();
    h.run();
    assert_eq!(h.state().1.last(), Some(&Action::Forecast(expected)));
}

/// The forecast window: a spinner while the task runs; then the odds with and without the move
/// and the refusal, if the model would refuse the order; Close closes it.
#[test]
fn forecast_window_shows_the_odds_with_and_without_the_move() {
    use tradecraft::report::forecast::{Band, Branch, Forecast};
    let mut shown = state::ForecastShown {
        label: "offer at working level on U.S. tariffs on Japanese cars".into(),
        side_name: "Japan".into(),
        partner_name: Some("United States".into()),
        dates: (0..=12).map(|m| format!("2025-{:02}", m % 12 + 1)).collect(),
        result: None,
    };
    let running = shown.clone();
    let mut h = Harness::new_ui(move |ui| {
        panels::forecast_window(ui, &running);
    });
    // The spinner asks for frames while the task runs: step instead of running to rest.
    h.step();
    h.get_by_label_contains("Running the next 12 months 32 times");
    let band = |m: f64| Band {
        low: m - 0.02,
        median: m,
        high: m + 0.02,
    };
    let branch = |public: f64, settled: f64, trust: f64| Branch {
        approval: (0..=12).map(|m| band(0.40 + m as f64 * 0.001)).collect(),
        public,
        below_floor: 0.15625,
        settled,
        trust: band(trust),
        refused: Vec::new(),
    };
    shown.result = Some(Ok(Forecast {
        side: "JPN".into(),
        partner: Some("USA".into()),
        dispute: Some(("auto_tariffs".into(), "U.S. tariffs on Japanese cars".into())),
        floor: Some(0.35),
        months: 12,
        seeds: 32,
        from: 3,
        with: Branch {
            refused: vec!["an offer needs a tariff cut".into()],
            ..branch(0.0, 1.0, 0.75)
        },
        without: branch(0.25, 0.0, 0.67),
    }));
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::forecast_window(ui, &shown)),
        Vec::new(),
    );
    h.run();
    h.get_by_label("U.S. tariffs on Japanese cars goes public within 12 months");
    h.get_by_label("25%");
    h.get_by_label("U.S. tariffs on Japanese cars settled (a deal accepted) within 12 months");
    h.get_by_label("100%");
    h.get_by_label("approval below your objective's 35% in some month");
    assert_eq!(
        h.query_all_by_label("16%").count(),
        2,
        "both branches' odds of a low month"
    );
    h.get_by_label("United States's trust in Japan after 12 months");
    h.get_by_label("0.75 (0.73–0.77)");
    h.get_by_label("The order would be refused: an offer needs a tariff cut");
    h.get_by_label("Close").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::CloseForecast]);
}

/// "Down to" cannot go up: a cut or an ask above the rate in force comes back to it.
#[test]
fn negotiation_rates_never_rise() {
    let v = view();
    let mut draft = state::Draft::for_dispute(&v, "autos");
    draft.sectors[1].2 = true;
    draft.sectors[1].3 = 0.5; // above Japan's 40% farm tariff
    draft.asks[0] = (true, 0.5); // above the U.S. 27.5% car tariff
    let mut h = Harness::new_ui_state(
        move |ui, d: &mut state::Draft| {
            panels::negotiation(ui, &v, d);
        },
        draft,
    );
    h.run();
    assert!((h.state().sectors[1].3 - 0.40).abs() < 1e-12);
    assert!((h.state().asks[0].1 - 0.275).abs() < 1e-12);
}

/// A refused offer keeps the window open and says why.
#[test]
fn negotiation_shows_why_an_offer_was_refused() {
    let v = view();
    let mut draft = state::Draft::for_dispute(&v, "autos");
    draft.error = Some("asking alone gives the other side nothing to accept".into());
    let mut h = Harness::new_ui(move |ui| {
        let mut d = draft.clone();
        panels::negotiation(ui, &v, &mut d);
    });
    h.run();
    h.get_by_label_contains("Not sent: asking alone");
}

/// Percent fields read percent: "20" is 20%, not 2,000% or the slider's cap.
#[test]
fn percent_fields_read_percent() {
    assert_eq!(panels::parse_percent("20"), Some(0.2));
    assert_eq!(panels::parse_percent(" 12.5 % "), Some(0.125));
    assert_eq!(panels::parse_percent("0,25"), Some(0.0025));
    assert_eq!(panels::parse_percent("abc"), None);
    assert_eq!(panels::parse_percent("NaN"), None);
}

/// Keys typed into a text field go to the field: digits and '.' neither change the speed nor
/// run a month, and the typed quota stays when the field loses focus. Outside a field the same
/// keys are the game's shortcuts.
#[test]
fn typing_in_a_field_never_drives_the_game() {
    use egui_kittest::kittest::NodeT;
    use tradecraft::ui::keys;
    let v = view();
    let mut h = Harness::builder()
        .with_size(egui::vec2(900.0, 600.0))
        .build_ui_state(
            move |ui, (d, out): &mut (state::PolicyDraft, Vec<Action>)| {
                out.extend(keys::shortcuts(ui.ctx()));
                out.extend(panels::trade_policy(ui, &v, d));
            },
            (state::PolicyDraft::default(), Vec::new()),
        );
    h.run();
    // No field has the focus: the keys are shortcuts.
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(h.state().1, vec![Action::Speed(2)]);
    h.state_mut().1.clear();
    // Click into the quota field and type "12.5" (each key comes as a key press and as text).
    let quota = h
        .get_all_by_role(egui::accesskit::Role::SpinButton)
        .find(|n| n.accesskit_node().numeric_value() == Some(10.0))
        .expect("the quota field shows 10");
    quota.focus();
    h.run();
    h.run();
    for (key, text) in [
        (egui::Key::Num1, "1"),
        (egui::Key::Num2, "2"),
        (egui::Key::Period, "."),
        (egui::Key::Num5, "5"),
    ] {
        if text == "1" {
            // Replace what the field held.
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        }
        h.key_press(key);
        h.get_by(|n| n.is_focused()).type_text(text);
        h.run();
    }
    assert!(
        h.state()
            .1
            .iter()
            .all(|a| !matches!(a, Action::Speed(_) | Action::Step)),
        "typing drove the game: {:?}",
        h.state().1
    );
    // Leave the field: the typed quota stays.
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert_eq!(h.state().0.volume, 12.5);
    assert!(h.state().1.is_empty(), "{:?}", h.state().1);
}

/// The main menu lists every scenario in levels/ with its title and sides, none broken.
#[test]
fn menu_lists_the_levels() {
    let menu = tradecraft::ui::menu::Menu::scan(7);
    assert!(menu.entries.len() >= 6, "{} entries", menu.entries.len());
    for e in &menu.entries {
        let (title, _, _, sides) = e.scenario.as_ref().unwrap_or_else(|err| panic!("{err}"));
        assert!(!title.is_empty() && !sides.is_empty());
    }
    assert_eq!(menu.seed, 7);
    assert!(menu.entries[menu.chosen].path.ends_with("2025_tariff_shock.ron"));
}

/// The industries tab shows the sectors, the measures and the plants; clicking a sector charts
/// it; the trade-policy form issues tariffs, quotas and export controls for the chosen partner.
#[test]
fn industries_tab_shows_sectors_and_issues_trade_policy() {
    let v = view();
    // Tall enough for the whole tab without scrolling.
    let mut h = Harness::builder()
        .with_size(egui::vec2(600.0, 1400.0))
        .build_ui_state(
            move |ui, (bar, out): &mut (state::Sidebar, Vec<Action>)| {
                out.extend(panels::industries(ui, &v, bar))
            },
            (state::Sidebar::default(), Vec::new()),
        );
    h.run();
    h.get_by_label("75");
    h.get_by_label("868 (-1.4%)");
    h.get_by_label_contains("USA on you: tariff 25.0% on Autos [Section 232], since 2025-04");
    h.get_by_label_contains("Toyota Kentucky (JPN-owned, in USA)");
    h.get_by_label_contains("Autos over the months so far");
    h.get_by_label("Autos").click();
    h.run();
    assert_eq!(h.state().0.sector.as_deref(), Some("autos"));
    // The only partner in the view is chosen by default; sector "all" at 25%.
    h.get_by_label("Set tariff").click();
    h.run();
    assert_eq!(
        h.state().1,
        vec![Action::Issue(Command::SetTariff {
            target: "USA".into(),
            sector: "all".into(),
            rate: 0.25,
        })]
    );
    h.state_mut().1.clear();
    h.state_mut().0.policy.sector = "autos".into();
    h.state_mut().0.policy.volume = 12.1;
    h.state_mut().0.policy.voluntary = true;
    h.run();
    h.get_by_label("Set quota").click();
    h.run();
    h.get_by_label("Impose export control").click();
    h.run();
    assert_eq!(
        h.state().1,
        vec![
            Action::Issue(Command::SetQuota {
                target: "USA".into(),
                sector: "autos".into(),
                volume: 12.1,
                voluntary: true,
            }),
            Action::Issue(Command::ImposeExportControl {
                target: "USA".into(),
                sector: "autos".into(),
            }),
        ]
    );
}

/// The relations tab shows trust both ways and the frameworks; a member votes on an applicant
/// and the reviewer decides an acquisition.
#[test]
fn relations_tab_votes_and_reviews() {
    let mut h = harness(panels::relations);
    h.get_by_label("0.66");
    h.get_by_label("0.80");
    h.get_by_label_contains("2 members, you are a member: AUS, JPN");
    h.get_by_label_contains("CHN applies: 2 of 9 members in favour");
    h.get_by_label("Oppose CHN").click();
    h.run();
    h.get_by_label("Block").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![
            Action::Issue(Command::VoteOnApplicant {
                framework: "CPTPP".into(),
                applicant: "CHN".into(),
                support: false,
            }),
            Action::Issue(Command::ReviewAcquisition {
                acquisition: "nippon_us_steel".into(),
                approve: false,
                conditions: false,
            }),
        ]
    );
}

/// Under each applicant, every member with its vote, its stance and what moved it; hovering a
/// member gives the model's reasons in a sentence.
#[test]
fn relations_tab_shows_each_members_stance_and_why() {
    let mut v = view();
    v.names.insert("AUS".into(), "Australia".into());
    v.names.insert("NZL".into(), "New Zealand".into());
    v.names.insert("JPN".into(), "Japan".into());
    let a = &mut v.frameworks[0].applicants[0];
    a.pressure = 0.18;
    a.declared = Some(false);
    a.stances = vec![
        StanceRow {
            member: "NZL".into(),
            supports: true,
            total: 0.17,
            moved_by: "holdout pressure".into(),
            moved: 0.18,
            why: "stance +0.17: pressure from the other members (+0.18); against its distance from China in alignment and trust (-0.01)".into(),
            ..Default::default()
        },
        StanceRow {
            member: "AUS".into(),
            total: -0.26,
            moved_by: "deference lost".into(),
            moved: 0.05,
            why: "stance -0.26: deference to United States lost (+0.05: trust in it 40%, 9% of its exports go there); against its distance from China in alignment and trust (-0.31)".into(),
            ..Default::default()
        },
        StanceRow {
            member: "JPN".into(),
            declared: true,
            total: -0.36,
            why: "declared: opposes (stance -0.36: against its distance from China in alignment and trust (-0.36))".into(),
            ..Default::default()
        },
    ];
    let mut h = Harness::builder()
        .with_size(egui::vec2(500.0, 1400.0))
        .build_ui(move |ui| {
            panels::relations(ui, &v);
        });
    h.run();
    h.get_by_label("Pressure on the holdouts so far: +0.18 on every stance");
    h.get_by_label("you declared against");
    // Each member: name, vote, stance, what moved it.
    h.get_by_label("New Zealand");
    h.get_by_label("holdout pressure");
    h.get_by_label("+0.17");
    h.get_by_label("against");
    h.get_by_label("-0.26");
    h.get_by_label("deference lost");
    h.get_by_label("Japan (you)");
    h.get_by_label("veto");
    h.get_by_label("as at the start");
    // Hover a member: the model's reasons.
    h.get_by_label("Australia").hover();
    h.run();
    h.get_by_label_contains("Australia: stance -0.26: deference to United States lost (+0.05");
}

/// Every other state has a Court button: it says what it costs and does, from the scenario's
/// parameters, and gives the Court order; without the capital it is disabled and says why.
#[test]
fn court_button_says_what_it_costs_and_courts() {
    let with_capital = |capital: f64| {
        let mut v = view();
        v.states.push(StateRow {
            id: "JPN".into(),
            name: "Japan".into(),
            capital,
            ..StateRow::default()
        });
        v.params.court_capital = 7.0;
        v.params.court_trust = 0.04;
        v
    };
    let v = with_capital(30.0);
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::relations(ui, &v)),
        Vec::new(),
    );
    h.run();
    // One button: the player's own row has none.
    assert_eq!(h.get_all_by_label("Court").count(), 1);
    h.get_by_label("Court").hover();
    h.run();
    h.get_by_label_contains("Costs 7 political capital (you have 30). Its trust in you rises by 0.04");
    h.get_by_label("Court").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![Action::Issue(Command::Court { target: "USA".into() })]
    );
    let v = with_capital(3.0);
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::relations(ui, &v)),
        Vec::new(),
    );
    h.run();
    assert!(h.get_by_label("Court").accesskit_node().is_disabled());
    h.get_by_label("Court").click();
    h.run();
    assert!(h.state().is_empty());
    h.get_by_label("Court").hover();
    h.run();
    h.get_by_label_contains("Courting costs 7 political capital; you have 3.");
}

/// The industries tab shows each strategic input's supply, stock and need, and a line for each
/// sector whose output a shortage caps; the top bar warns of a cap below 95%.
#[test]
fn industries_tab_shows_the_output_cap() {
    let mut v = view();
    v.inputs = vec![InputRow {
        id: "rare_earths".into(),
        name: "Rare earths".into(),
        available: 0.75,
        stock: 0.4,
        need: 0.98,
    }];
    v.caps = vec![CapRow {
        sector: "autos".into(),
        name: "Autos".into(),
        cap: 0.82,
        input: "Rare earths".into(),
    }];
    let mut h = Harness::builder()
        .with_size(egui::vec2(600.0, 1400.0))
        .build_ui_state(
            move |ui, bar: &mut state::Sidebar| {
                panels::top_bar(ui, &v);
                panels::industries(ui, &v, bar);
            },
            state::Sidebar::default(),
        );
    h.run();
    h.get_by_label("Strategic inputs");
    h.get_by_label("75%");
    h.get_by_label("0.4 mo");
    h.get_by_label("98%");
    h.get_by_label("Autos: output capped at 82% by rare earths shortage");
    h.get_by_label("Output capped: Autos 82%");
    // The hover explains the bottleneck.
    h.get_by_label("Autos: output capped at 82% by rare earths shortage")
        .hover();
    h.run();
    h.get_by_label_contains("Stocks (about 2 months of normal use) carry you");
}

/// Without a shortage the tab says no cap binds, and the top bar stays quiet.
#[test]
fn industries_tab_without_a_shortage_says_so() {
    let mut v = view();
    v.inputs = vec![InputRow {
        id: "rare_earths".into(),
        name: "Rare earths".into(),
        available: 1.0,
        stock: 2.0,
        need: 1.0,
    }];
    let mut h = Harness::builder()
        .with_size(egui::vec2(600.0, 1400.0))
        .build_ui_state(
            move |ui, bar: &mut state::Sidebar| {
                panels::top_bar(ui, &v);
                panels::industries(ui, &v, bar);
            },
            state::Sidebar::default(),
        );
    h.run();
    h.get_by_label("No output cap binds: every line has the inputs it needs.");
    assert!(h.query_by_label_contains("Output capped").is_none());
}

/// A dispute above the working level where nothing new happened for months says the press is
/// losing interest; the pressure line gives the line to cool below as well as the one to climb.
#[test]
fn disputes_panel_says_when_the_press_loses_interest() {
    let mut v = view();
    v.disputes[0].quiet_months = 4;
    v.disputes[0].pressure.cooling = 0.3;
    let h = Harness::new_ui(move |ui| {
        panels::disputes(ui, &v);
    });
    h.get_by_label("Quiet for 4 months: the press is losing interest");
    h.get_by_label_contains("pressure 0.45 (climbs above 0.60, cools below 0.30)");
}

/// The disputes panel names the lobbies with a stake in the dispute's sectors.
#[test]
fn disputes_panel_names_the_lobbies_pushing() {
    let h = harness(panels::disputes);
    h.get_by_label_contains("Pushing you at home: JAMA (40%)");
    h.get_by_label("On the table: USA offers its tariff on your Autos down to 15.0%");
    h.get_by_label_contains(
        "talks under way at working level · pressure 0.45 (threshold 0.60) · chance to climb 12%",
    );
}

/// The tutorial prompt and the player's own orders show as given.
#[test]
fn prompt_and_orders_show() {
    let mut h = Harness::new_ui_state(
        |ui, out: &mut Vec<Action>| {
            let v = view();
            panels::prompt(ui, &v);
            out.extend(panels::orders(ui, &v));
        },
        Vec::new(),
    );
    h.run();
    h.get_by_label("Step 2 of 5");
    h.get_by_label("Step a month");
    h.get_by_label("accept offer on autos: refused — no offer");
    h.get_by_label("queued: Conciliatory statement on autos (applied when the month runs)");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::CancelOrder(0)]);
}

/// The settings window's reset button asks for the designed scale.
#[test]
fn settings_reset_scale() {
    let mut h = Harness::new_ui_state(
        |ui, out: &mut Vec<Action>| {
            let now = tradecraft::ui::settings::Settings {
                ui_scale: 1.3,
                ..Default::default()
            };
            out.extend(panels::settings(ui, &now))
        },
        Vec::new(),
    );
    h.get_by_label("Reset").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::Scale(1.0)]);
    h.get_by_label("High contrast (for a projector)").click();
    h.run();
    assert_eq!(h.state().last(), Some(&Action::HighContrast(true)));
}

/// The end screen gives the score objective by objective and each dispute's months.
#[test]
fn end_screen_shows_objectives_and_the_escalation_timeline() {
    let mut v = view();
    v.score_parts = vec![
        ("Keep calm".into(), 30.0, 40.0, "1 month in public".into()),
        ("Keep trust".into(), 60.0, 60.0, "trust 0.7".into()),
    ];
    v.score = Some(90.0);
    v.score_final = true;
    let mut h = Harness::new_ui_state(
        move |ui, out: &mut Vec<Action>| out.extend(panels::end_screen(ui, &v)),
        Vec::new(),
    );
    h.run();
    h.get_by_label("Final score: 90/100");
    h.get_by_label("30.0 of 40");
    h.get_by_label("U.S. tariffs on Japanese cars (from 2025-01): ends at the ministerial level");
    h.get_by_label("The 15% deal");
    h.get_by_label("Back to the menu").click();
    h.run();
    assert_eq!(h.state(), &vec![Action::ToMenu]);
    h.get_by_label("Export debrief").click();
    h.run();
    assert_eq!(h.state().last(), Some(&Action::ExportDebrief));
    assert!(h.query_by_label("Open the debrief in the browser").is_none());
}

/// Once written, the end screen links to the debrief.
#[test]
fn end_screen_links_to_the_debrief_written() {
    let mut v = view();
    v.score_final = true;
    v.debrief = Some("file:///tmp/debriefs/game.html".into());
    let mut h = Harness::new_ui(move |ui| {
        panels::end_screen(ui, &v);
    });
    h.run();
    h.get_by_label("Open the debrief in the browser");
}

/// The dashboard shows the player's figures; the lobbies list opens to show who presses.
#[test]
fn dashboard_and_lobbies_show_the_figures() {
    let mut h = Harness::new_ui(|ui| {
        let v = view();
        panels::dashboard(ui, &v);
        panels::lobbies(ui, &v);
    });
    h.run();
    h.get_by_label("approval: 41%");
    h.get_by_label("Lobbies in JPN").click();
    h.run();
    h.get_by_label("JAMA");
    h.get_by_label_contains("pressure 40% (grievance 50% × organisation 80%)");
}

/// The player's leader is named in the top bar and the dashboard, from the view's rows: after
/// a change of leader the new name shows (a panel is a function of the view).
#[test]
fn the_leader_is_named_in_the_top_bar_and_the_dashboard() {
    let with_leader = || {
        let mut v = view();
        v.states.push(StateRow {
            id: "JPN".into(),
            name: "Japan".into(),
            leader: "Takaichi Sanae".into(),
            ..StateRow::default()
        });
        v
    };
    let mut h = Harness::new_ui(move |ui| {
        let v = with_leader();
        panels::top_bar(ui, &v);
        panels::dashboard(ui, &v);
    });
    h.run();
    h.get_by_label_contains("you lead JPN as Takaichi Sanae");
    h.get_by_label("Leader: Takaichi Sanae");
    // Without a named leader, the bar says only the state.
    let mut h = harness(panels::top_bar);
    h.run();
    h.get_by_label("· you lead JPN");
}

/// Every concept the tooltips cite is in the glossary, and the glossary window lists them.
#[test]
fn glossary_terms_cited_in_tooltips_exist() {
    use tradecraft::ui::glossary::{ENTRIES, gloss};
    for term in [
        "WTO dispute settlement",
        "Audience costs",
        "Leadership change",
        "Voluntary export restraint (VER)",
        "Weaponization of the economy",
        "Two-level games",
        "Stolper–Samuelson",
        "Escalation ladder",
        "Hedging",
        "Alliance credibility",
    ] {
        assert!(gloss(term).starts_with(term), "{term} is not in the glossary");
    }
    let mut h = Harness::new_ui(panels::glossary);
    h.run();
    for (term, _) in ENTRIES.iter().take(3) {
        h.get_by_label(term);
    }
}

/// Every character the game can show has a glyph in the fonts it draws with, so nothing shows
/// as a box: the string literals of the UI code and every quoted text of the scenarios.
#[test]
fn every_character_on_screen_has_a_glyph() {
    let root = env!("CARGO_MANIFEST_DIR");
    // What reaches the screen: the UI, the model's news and explanations, the scenarios (the
    // CLI's output goes to a terminal, not to egui).
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    let mut dirs: Vec<std::path::PathBuf> = ["src/ui", "src/sim", "src/report", "levels"]
        .iter()
        .map(|d| std::path::Path::new(root).join(d))
        .collect();
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs" || x == "ron") {
                files.push(p);
            }
        }
    }
    files.sort();
    // Characters inside "…" on lines that are not comments.
    let mut shown: std::collections::BTreeMap<char, String> = Default::default();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.replace("\\\"", "'");
            let code = code.split("//").next().unwrap_or("");
            for (i, part) in code.split('"').enumerate() {
                if i % 2 == 1 {
                    for c in part.chars().filter(|c| !c.is_ascii()) {
                        shown
                            .entry(c)
                            .or_insert_with(|| format!("{}:{}", f.display(), n + 1));
                    }
                }
            }
        }
    }
    // The fonts the game draws with: egui's and the Japanese subset (assets/fonts).
    let ctx = egui::Context::default();
    ctx.set_fonts(tradecraft::ui::settings::fonts());
    for _ in 0..2 {
        let mut out = ctx.run_ui(Default::default(), |_| {});
        out.textures_delta.clear();
    }
    let missing: Vec<String> = ctx.fonts_mut(|fonts| {
        shown
            .iter()
            .filter(|(c, _)| !fonts.has_glyph(&egui::FontId::proportional(14.0), **c))
            .map(|(c, at)| format!("{c:?} (U+{:04X}) at {at}", *c as u32))
            .collect()
    });
    assert!(missing.is_empty(), "no glyph for:\n{}", missing.join("\n"));
}

/// An order is checked as the player gives it: an offer with nothing in it is refused at once,
/// never queued, the reason shows in the negotiation window (which stays open) and the top bar;
/// a sound one is queued and closes the window; a second statement on the same dispute replaces
/// the first; a queued order can be cancelled.
#[test]
fn orders_are_checked_when_given_and_contradictions_replace() {
    use tradecraft::command::{Offer, TariffCut};
    use tradecraft::sim::{PendingCommands, Simulation};
    use tradecraft::ui::{Overlays, PlayerSide, queue_order, saves::Notice};
    let s = tradecraft::scenario::load_scenario(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/levels/tutorial.ron"
    )))
    .unwrap();
    let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
    let w = sim.world_mut();
    w.insert_resource(PlayerSide("JPN".into()));
    w.insert_resource(Notice::default());
    let view = View::from_world(w);
    let draft = state::Draft::for_dispute(&view, "car_dispute");
    w.insert_resource(view);
    w.insert_resource(Overlays {
        draft: Some(draft),
        ..Overlays::default()
    });
    let offer = |tariff_cuts: Vec<TariffCut>, purchases: f64| Command::MakeOffer {
        dispute: "car_dispute".into(),
        channel: Channel::WorkingLevel,
        offer: Offer {
            tariff_cuts,
            purchases,
            ..Offer::default()
        },
    };
    // Japan has no car tariff: a "cut" of it to 0% is nothing to accept.
    let empty = offer(
        vec![TariffCut {
            sector: "autos".into(),
            rate: 0.0,
        }],
        0.0,
    );
    queue_order(w, "JPN", empty);
    assert!(
        w.resource::<PendingCommands>().0.is_empty(),
        "refused orders are not queued"
    );
    let error = w
        .resource::<Overlays>()
        .draft
        .as_ref()
        .and_then(|d| d.error.clone());
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.contains("already at the rates offered")),
        "{error:?}"
    );
    assert!(w.resource::<Notice>().0.starts_with("not sent:"));
    // Purchases are something: queued, and the window closes.
    queue_order(w, "JPN", offer(vec![], 5.0));
    assert_eq!(w.resource::<PendingCommands>().0.len(), 1);
    assert!(w.resource::<Overlays>().draft.is_none());
    // A second statement on the dispute replaces the first.
    for tone in [Tone::Hostile, Tone::Conciliatory] {
        queue_order(
            w,
            "JPN",
            Command::Statement {
                dispute: "car_dispute".into(),
                tone,
            },
        );
    }
    let queued: Vec<Command> = w
        .resource::<PendingCommands>()
        .0
        .iter()
        .map(|c| c.command.clone())
        .collect();
    assert_eq!(queued.len(), 2, "{queued:?}");
    assert!(matches!(
        queued[1],
        Command::Statement {
            tone: Tone::Conciliatory,
            ..
        }
    ));
    assert!(w.resource::<Notice>().0.contains("replaces"));
    // Take the offer back.
    tradecraft::ui::apply_actions(w, vec![Action::CancelOrder(0)]);
    let queued: Vec<Command> = w
        .resource::<PendingCommands>()
        .0
        .iter()
        .map(|c| c.command.clone())
        .collect();
    assert_eq!(queued.len(), 1, "{queued:?}");
    assert!(matches!(queued[0], Command::Statement { .. }));
    assert!(w.resource::<Notice>().0.starts_with("cancelled: offer"));
}

/// The panels drawn from a real world (the tutorial after three months), not a hand-built view:
/// every panel draws what the model holds.
#[test]
fn panels_draw_a_real_world() {
    use tradecraft::sim::Simulation;
    let s = tradecraft::scenario::load_scenario(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/levels/tutorial.ron"
    )))
    .unwrap();
    let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
    sim.run(3);
    let v = View::from_world(sim.world_mut());
    assert_eq!(v.month, 3);
    let title = v.title.clone();
    let dispute = v.disputes[0].title.clone();
    let japan = v.states.iter().find(|s| s.id == "JPN").unwrap().clone();
    let first_news = v.news[0].headline.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 2400.0))
        .build_ui(move |ui| {
            panels::top_bar(ui, &v);
            panels::dashboard(ui, &v);
            panels::states(ui, &v);
            panels::disputes(ui, &v);
            panels::news(ui, &v);
            panels::relations(ui, &v);
        });
    h.run();
    h.get_by_label(&title);
    h.get_by_label_contains("2030-04  (month 4 of 12)");
    h.get_all_by_label(&dispute).next().expect("the dispute's card");
    h.get_by_label(&format!("{:.0}%", japan.approval * 100.0));
    h.get_by_label_contains(&first_news);
    h.get_by_label("Talk at working level");
}

/// The view reads the model's new mechanisms from a real world: in the Worst Case, Japan vetoes
/// China's CPTPP bid, China squeezes its rare earths, and after the stocks run out the view
/// carries every member's stance with the model's reasons and the caps on Japan's industries.
#[test]
fn the_view_carries_stances_and_caps_from_a_real_world() {
    use tradecraft::sim::{Origin, Simulation};
    let s = tradecraft::scenario::load_scenario(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/levels/worst_case.ron"
    )))
    .unwrap();
    let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
    sim.issue(
        "JPN",
        Command::VoteOnApplicant {
            framework: "CPTPP".into(),
            applicant: "CHN".into(),
            support: false,
        },
        Origin::Player,
    );
    sim.run(10);
    let v = View::from_world(sim.world_mut());
    let cptpp = v.frameworks.iter().find(|f| f.id == "CPTPP").unwrap();
    let china = &cptpp.applicants[0];
    assert_eq!(china.stances.len(), cptpp.members.len());
    assert_eq!(china.declared, Some(false));
    let japan = china.stances.iter().find(|s| s.member == "JPN").unwrap();
    assert!(japan.declared && !japan.supports, "{japan:?}");
    assert!(japan.why.starts_with("declared: opposes"), "{}", japan.why);
    assert!(
        china
            .stances
            .iter()
            .all(|s| s.why.contains("stance") && s.why.contains("distance")),
        "{:?}",
        china.stances
    );
    // Supporters first, the firmest first.
    let order: Vec<(bool, f64)> = china.stances.iter().map(|s| (s.supports, s.total)).collect();
    assert!(
        order
            .windows(2)
            .all(|w| (w[0].0 && !w[1].0) || (w[0].0 == w[1].0 && w[0].1 >= w[1].1)),
        "{order:?}"
    );
    assert!(v.params.court_capital > 0.0);
    let rare = v.inputs.iter().find(|i| i.id == "rare_earths").unwrap();
    assert!(rare.available < 0.9 && rare.stock < 0.1, "{rare:?}");
    let autos = v
        .caps
        .iter()
        .find(|c| c.sector == "autos")
        .expect("a cap on Japan's car makers");
    assert!(autos.cap < 0.95, "{autos:?}");
    assert!(autos.input.starts_with("Rare earths"), "{autos:?}");
}

/// In a game several teams play (a class game, hotseat), each screen is built for its own side:
/// the view holds that side's lobbies, orders and objectives and none of the other side's.
#[test]
fn a_teams_view_holds_its_own_government_and_not_the_other_sides() {
    use tradecraft::command::Command;
    use tradecraft::sim::{Origin, Simulation};
    let s = tradecraft::scenario::load_scenario(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/levels/2025_tariff_shock.ron"
    )))
    .unwrap();
    let sides = vec!["JPN".to_string(), "USA".to_string()];
    let mut sim = Simulation::with_sides(&s, 1, &sides).unwrap();
    let talks = Command::OpenNegotiation {
        dispute: "auto_tariffs".into(),
        channel: Channel::WorkingLevel,
        scope: vec![],
        excluded: vec![],
    };
    sim.issue("JPN", talks, Origin::Player);
    let statement = Command::Statement {
        dispute: "auto_tariffs".into(),
        tone: Tone::Hostile,
    };
    sim.issue("USA", statement, Origin::Player);
    sim.run(3);
    let world = sim.world_mut();
    let mut seen = Vec::new();
    for side in ["JPN", "USA"] {
        world.insert_resource(state::PlayerSide(side.into()));
        let v = View::from_world(world);
        assert_eq!(v.player, side);
        assert!(!v.lobbies.is_empty(), "{side} has lobbies");
        assert!(
            v.lobbies.iter().all(|l| l.state == side),
            "{side}: {:?}",
            v.lobbies
        );
        assert!(!v.objectives.is_empty());
        let (mine, theirs) = if side == "JPN" {
            ("talks", "statement")
        } else {
            ("statement", "talks")
        };
        let orders: Vec<String> = v.orders.iter().map(|(_, t)| t.to_lowercase()).collect();
        assert!(
            orders.iter().any(|t| t.contains(mine)),
            "{side}'s own order: {orders:?}"
        );
        assert!(
            orders.iter().all(|t| !t.contains(theirs)),
            "{side} sees the other side's orders: {orders:?}"
        );
        seen.push(v.objectives.clone());
    }
    assert_ne!(seen[0], seen[1], "each side its own objectives");
    // A side nobody leads is not a screen of its own: the game's first side is shown.
    world.insert_resource(state::PlayerSide("CHN".into()));
    assert_eq!(View::from_world(world).player, "JPN");
}

/// Typing the player's name changes it at each key but writes the settings only when the
/// field is left: no file write and fsync per character.
#[test]
fn the_players_name_is_written_once_typed() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(600.0, 300.0))
        .build_ui_state(
            |ui, (now, out): &mut (tradecraft::ui::settings::Settings, Vec<Action>)| {
                let acts = panels::settings(ui, now);
                for a in &acts {
                    if let Action::PlayerName(n) = a {
                        now.player_name = n.clone();
                    }
                }
                out.extend(acts);
            },
            (tradecraft::ui::settings::Settings::default(), Vec::new()),
        );
    h.run();
    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the name field");
    field.focus();
    h.run();
    for c in ["A", "n", "n"] {
        h.get_by(|n| n.is_focused()).type_text(c);
        h.run();
    }
    assert_eq!(h.state().0.player_name, "Ann");
    assert!(
        !h.state().1.iter().any(|a| matches!(a, Action::KeepSettings)),
        "written while typing: {:?}",
        h.state().1
    );
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    let keeps = h
        .state()
        .1
        .iter()
        .filter(|a| matches!(a, Action::KeepSettings))
        .count();
    // Once the field is left (egui may report it on two passes of that frame).
    assert!((1..=2).contains(&keeps), "{:?}", h.state().1);
}
