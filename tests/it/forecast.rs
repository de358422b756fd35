//! The forecast of a move (the game's *Forecast* button): the same figures twice, the game's
//! state untouched, only what the side knows (the other team's queued orders and the teacher's
//! injects to come make no difference), and the move moving the odds the way the model says —
//! a retaliation makes a public fight likelier and costs trust, an offer gets the deal done.

use tradecraft::command::{Channel, Command, Offer, Tone};
use tradecraft::report::forecast::{Forecast, Question, forecast, known};
use tradecraft::sim::{Origin, Simulation};

use crate::common;

fn game(sides: &[&str]) -> Simulation {
    let sides: Vec<String> = sides.iter().map(|s| s.to_string()).collect();
    let mut sim = Simulation::with_sides(&common::level("2025_tariff_shock.ron"), 2, &sides).unwrap();
    sim.run(3);
    sim
}

fn offer() -> Command {
    Command::MakeOffer {
        dispute: "auto_tariffs".into(),
        channel: Channel::WorkingLevel,
        offer: Offer {
            purchases: 8.0,
            investment: 550.0,
            excluded: vec!["agriculture".into()],
            ..Offer::default()
        },
    }
}

fn retaliate() -> Command {
    Command::SetTariff {
        target: "USA".into(),
        sector: "agriculture".into(),
        rate: 0.25,
    }
}

fn ask(sim: &mut Simulation, order: Command) -> Forecast {
    let snap = known(sim.world_mut(), "JPN").unwrap();
    forecast(&snap, &Question::new("JPN", order)).unwrap()
}

#[test]
fn a_forecast_is_seeded_and_leaves_the_game_as_it_was() {
    let mut sim = game(&["JPN"]);
    let before = sim.state_hash();
    let a = ask(&mut sim, offer());
    assert_eq!(sim.state_hash(), before, "the game is untouched");
    let b = ask(&mut sim, offer());
    assert_eq!(a, b, "the same figures twice");
    assert_eq!(a.with.approval.len(), 13, "now and twelve months");
    assert_eq!(a.dispute.as_ref().map(|d| d.0.as_str()), Some("auto_tariffs"));
    assert_eq!(a.partner.as_deref(), Some("USA"));
    assert_eq!(a.floor, Some(0.35), "Japan's approval objective");
    // What the side knows keeps the orders carried out (events answer them) and drops any
    // commands file's orders to come; a forecast told to stop gives up.
    let snap = known(sim.world_mut(), "JPN").unwrap();
    assert_eq!(
        snap.records.log,
        *sim.world().resource::<tradecraft::sim::CommandLog>()
    );
    assert!(snap.state.script.0.is_empty());
    let stop = std::sync::atomic::AtomicBool::new(true);
    let q = Question::new("JPN", offer());
    assert_eq!(
        tradecraft::report::forecast::forecast_unless(&snap, &q, &stop),
        Err("cancelled".to_string())
    );
    // The game goes on exactly as if nobody had asked.
    let mut other = game(&["JPN"]);
    sim.run(6);
    other.run(6);
    assert_eq!(sim.state_hash(), other.state_hash());
}

#[test]
fn a_retaliation_makes_a_public_fight_likelier_and_an_offer_gets_the_deal() {
    let mut sim = game(&["JPN"]);
    let hit = ask(&mut sim, retaliate());
    let deal = ask(&mut sim, offer());
    let hostile = ask(
        &mut sim,
        Command::Statement {
            dispute: "auto_tariffs".into(),
            tone: Tone::Hostile,
        },
    );
    for (name, f) in [("retaliate", &hit), ("offer", &deal), ("hostile", &hostile)] {
        eprintln!(
            "{name}: public {:.2} / {:.2}, settled {:.2} / {:.2}, U.S. trust {:.3} / {:.3}, approval {:.3} / {:.3}",
            f.with.public,
            f.without.public,
            f.with.settled,
            f.without.settled,
            f.with.trust.median,
            f.without.trust.median,
            f.with.approval[12].median,
            f.without.approval[12].median
        );
    }
    // A farm tariff against the car tariff: any dispute with Washington may go public.
    assert_eq!(hit.dispute, None);
    assert!(
        hit.with.public > hit.without.public + 0.05,
        "{:?}",
        (hit.with.public, hit.without.public)
    );
    assert!(hit.with.trust.median < hit.without.trust.median);
    assert!(hit.with.refused.is_empty(), "{:?}", hit.with.refused);
    // The offer: the deal accepted, and Washington's trust no lower for it.
    assert!(deal.with.settled > deal.without.settled + 0.5);
    assert!(deal.with.trust.median >= deal.without.trust.median);
    // Hot words: a public fight likelier, trust lower.
    assert!(hostile.with.public > hostile.without.public);
    assert!(hostile.with.trust.median < hostile.without.trust.median);
}

#[test]
fn the_forecast_sees_only_what_its_side_knows() {
    // A class game: Washington has queued an order Tokyo has not seen, and the teacher an
    // inject; Tokyo's forecast is the same as without them.
    let mut plain = game(&["JPN", "USA"]);
    let mut told = game(&["JPN", "USA"]);
    told.issue(
        "USA",
        Command::SetTariff {
            target: "JPN".into(),
            sector: "autos".into(),
            rate: 0.5,
        },
        Origin::Player,
    );
    told.issue(
        "teacher",
        Command::Inject {
            id: "ruling_now".into(),
        },
        Origin::Player,
    );
    assert_eq!(ask(&mut plain, offer()), ask(&mut told, offer()));
}

/// A forecast's runs reuse one world, reset to the snapshot between runs: a reset world runs on
/// exactly as one restored afresh, whatever it ran before.
#[test]
fn a_reset_world_runs_as_one_restored_afresh() {
    use rand::SeedableRng;
    let mut sim = game(&["JPN"]);
    let snap = known(sim.world_mut(), "JPN").unwrap();
    let mut fresh = tradecraft::save::restore_taken(&snap).unwrap();
    fresh.run(12);
    let mut reused = tradecraft::save::restore_taken(&snap).unwrap();
    // Another run first: other dice, a retaliation, disputes and measures of its own.
    reused
        .world_mut()
        .insert_resource(tradecraft::sim::SimRng(rand_chacha::ChaCha8Rng::seed_from_u64(
            99,
        )));
    reused.issue("JPN", retaliate(), Origin::Player);
    reused.run(12);
    tradecraft::save::reset_taken(&mut reused, &snap).unwrap();
    reused.run(12);
    assert_eq!(reused.state_hash(), fresh.state_hash());
}

/// The game as the window holds it for a forecast: Japan led, the overlays, the task's slot and
/// the redraw messages the task sends (the async pool made if this test thread has none).
#[cfg(feature = "gui")]
fn window_game() -> Simulation {
    use tradecraft::ui::state::{Overlays, PlayerSide};
    bevy::tasks::AsyncComputeTaskPool::get_or_init(bevy::tasks::TaskPool::default);
    let mut sim = game(&["JPN"]);
    let world = sim.world_mut();
    world.insert_resource(PlayerSide("JPN".into()));
    world.init_resource::<Overlays>();
    world.init_resource::<tradecraft::ui::forecast::Forecasting>();
    world.init_resource::<bevy::ecs::message::Messages<bevy::window::RequestRedraw>>();
    sim
}

/// Collect the running forecast's figures as the window does each frame, for up to a minute.
#[cfg(feature = "gui")]
fn wait_for_forecast(world: &mut bevy::ecs::world::World) {
    let mut waited = 0;
    while tradecraft::ui::forecast::running(world) {
        tradecraft::ui::forecast::collect(world);
        std::thread::sleep(std::time::Duration::from_millis(10));
        waited += 1;
        assert!(waited < 6000, "the forecast finishes");
    }
}

/// The game's Forecast button: the window opens at once, the runs go to the background, the
/// figures arrive in the window, equal to the model's, and the game's world is as it was.
#[cfg(feature = "gui")]
#[test]
fn the_games_forecast_runs_in_the_background_and_shows_its_figures() {
    use tradecraft::ui::state::{Action, Overlays};
    let mut sim = window_game();
    let world = sim.world_mut();
    let before = tradecraft::sim::state::state_hash(world);
    tradecraft::ui::forecast::start(world, offer());
    let shown = world
        .resource::<Overlays>()
        .forecast
        .clone()
        .expect("the window opens at once");
    assert_eq!(shown.result, None, "running");
    assert_eq!(
        shown.label,
        "offer at working level on U.S. tariffs on Japanese cars"
    );
    wait_for_forecast(world);
    let shown = world.resource::<Overlays>().forecast.clone().unwrap();
    assert_eq!(shown.partner_name.as_deref(), Some("United States"));
    let got = shown.result.unwrap().unwrap();
    assert_eq!(
        tradecraft::sim::state::state_hash(world),
        before,
        "the game is untouched"
    );
    assert_eq!(got, ask(&mut sim, offer()), "the model's figures");
    // Close drops the window.
    tradecraft::ui::apply_actions(sim.world_mut(), vec![Action::CloseForecast]);
    assert!(sim.world().resource::<Overlays>().forecast.is_none());
}

/// The forecast window in Japanese: the move, the sides, the dispute, the odds, a refusal the
/// model gave and an error, with no English word; the chart's months as Japanese dates.
#[cfg(feature = "gui")]
#[test]
fn the_forecast_window_in_japanese_has_no_english() {
    use bevy_egui::egui;
    use egui_kittest::Harness;
    use tradecraft::i18n::{self, Lang};
    use tradecraft::ui::state::{ForecastShown, Overlays};
    let _ja = i18n::on_this_thread(Lang::Ja);
    let mut sim = window_game();
    let world = sim.world_mut();
    tradecraft::ui::forecast::start(world, offer());
    wait_for_forecast(world);
    let mut shown = world.resource::<Overlays>().forecast.clone().unwrap();
    assert_eq!(
        shown.label, "米国の日本車関税について実務レベルで提案",
        "the move in Japanese"
    );
    // A refusal the model gives in the player's language (the game's forecast words it so), and
    // an error of the forecast's own.
    let issued = tradecraft::sim::Issued {
        by: "JPN".into(),
        command: Command::AcceptOffer {
            dispute: "auto_tariffs".into(),
        },
        origin: Origin::Player,
        reason: String::new(),
    };
    let refusal = tradecraft::sim::commands::precheck(world, &issued).unwrap_err();
    if let Some(Ok(f)) = shown.result.as_mut() {
        f.with.refused = vec![refusal];
    }
    let error = known(world, "ATLANTIS").unwrap_err();
    let failed = ForecastShown {
        result: Some(Err(error)),
        ..shown.clone()
    };
    let mut english = Vec::new();
    let mut seen = 0;
    for f in [shown, failed] {
        let mut h = Harness::builder()
            .with_size(egui::vec2(800.0, 900.0))
            .build_ui(move |ui| {
                ui.ctx().set_fonts(tradecraft::ui::settings::fonts());
                drop(tradecraft::ui::panels::forecast_window(ui, &f));
            });
        h.run();
        for node in egui_kittest::kittest::Queryable::query_all(&h, egui_kittest::kittest::By::new()) {
            let n = egui_kittest::kittest::NodeT::accesskit_node(&node);
            for text in [n.label(), n.value()].into_iter().flatten() {
                seen += 1;
                english.extend(crate::i18n_class::english_left(&text, &["ATLANTIS".to_string()]));
            }
        }
    }
    assert!(seen > 15, "only {seen} texts");
    assert!(
        english.is_empty(),
        "English in the forecast window:\n{english:#?}"
    );
    assert_eq!(
        tradecraft::i18n::format::month_label(Lang::Ja, "2025-04"),
        "2025年4月",
        "the chart's months"
    );
}
