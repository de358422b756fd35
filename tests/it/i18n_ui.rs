//! The game's window in Japanese, tooltips and all: every panel and window of a game played in
//! Japanese is drawn under egui_kittest, every widget is hovered, and every text drawn — labels,
//! values and the tooltips the hovers bring up — must be free of English words and of state
//! ids ("JPN"): states are named by their Japanese names.
#![cfg(feature = "gui")]

use std::collections::BTreeSet;

use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use tradecraft::command::{Channel, Command, Offer, ScheduledCommand, TariffCut, Tone};
use tradecraft::i18n::{self, Lang};
use tradecraft::ui::state::{Draft, PlayerSide, Sidebar, Tab};
use tradecraft::ui::view::View;

use crate::common::ACRONYMS;

/// Latin words a Japanese screen may show besides the field's acronyms and the game's name
/// (`common::ACRONYMS`): the authors the glossary cites, the command and README section the
/// debrief's tooltip names, the levels folder.
const ALSO_SHOWN: &[&str] = &[
    "Putnam",
    "Fearon",
    "tradecraft",
    "debrief",
    "README",
    "Running",
    "class",
    "levels",
];

/// Every text the harness shows now: each node's label and value.
fn texts_of<S>(h: &Harness<'_, S>) -> Vec<String> {
    h.query_all(By::new())
        .flat_map(|node| {
            let n = node.accesskit_node();
            [n.label(), n.value()]
        })
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// Everything a panel shows, and every tooltip its widgets show when hovered: collapsed
/// sections are opened first, then the pointer rests on each widget in turn.
fn sweep<S>(h: &mut Harness<'_, S>, out: &mut BTreeSet<String>) {
    h.run_ok();
    // Open what is collapsed (the lobbies): a click on each collapsed header.
    let collapsed: Vec<egui::Pos2> = h
        .query_all(By::new())
        .filter(|n| n.accesskit_node().data().is_expanded() == Some(false))
        .map(|n| n.rect().center())
        .collect();
    for pos in collapsed {
        h.hover_at(pos);
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        });
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        });
        h.run_ok();
    }
    out.extend(texts_of(h));
    let mut spots: Vec<(i32, i32)> = h
        .query_all(By::new())
        .filter(|n| {
            let a = n.accesskit_node();
            a.label().is_some() || a.value().is_some() || a.role() == egui::accesskit::Role::Button
        })
        .map(|n| n.rect())
        .filter(|r| r.is_finite() && r.width() > 0.0 && r.height() > 0.0 && r.height() < 200.0)
        .map(|r| (r.center().x as i32, r.center().y as i32))
        .collect();
    spots.sort();
    spots.dedup();
    for (x, y) in spots {
        h.hover_at(egui::pos2(x as f32, y as f32));
        h.run_ok();
        out.extend(texts_of(h));
    }
    h.remove_cursor();
    h.run_ok();
}

/// The English left in `texts`: "word in text" for each Latin word of three letters or more
/// that is neither an acronym (all capitals: WTO, CPTPP, TSMC; or one of `common::ACRONYMS`)
/// nor in `ALSO_SHOWN`, and for each state id ("JPN") where the state's name belongs.
/// Intentional English is taken out first: each glossary term's English beside its Japanese,
/// and the English button's own tooltip.
fn english_in(texts: &BTreeSet<String>, ids: &BTreeSet<String>, also: &[&str]) -> BTreeSet<String> {
    let mut intended: Vec<String> = tradecraft::ui::glossary::ENTRIES
        .iter()
        .map(|(_, id)| tradecraft::ui::glossary::term_in(Lang::En, id))
        .collect();
    intended.push(i18n::message_in(Lang::En, "language-tip", None));
    intended.push("English".into());
    intended.push("appeal into the void".into());
    intended.extend(also.iter().map(|t| t.to_string()));
    intended.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut found = BTreeSet::new();
    for line in texts.iter().flat_map(|t| t.lines()) {
        let mut rest = line.to_string();
        for t in &intended {
            rest = rest.replace(t.as_str(), " ");
        }
        let words: Vec<&str> = rest
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .filter(|word| {
                let letters = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
                let acronym = word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                let allowed = ACRONYMS.contains(word) || ALSO_SHOWN.contains(word);
                (letters >= 3 && !acronym && !allowed) || ids.contains(*word)
            })
            .collect();
        if !words.is_empty() {
            // The line without its figures and dates: one entry for a sentence repeated monthly.
            let shape: String = line
                .chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect();
            found.insert(format!("{words:?} in {shape:?}"));
        }
    }
    found
}

type Panel = Box<dyn Fn(&mut egui::Ui, &View)>;

/// Every panel and window of the game screen, drawn from a view.
fn panels() -> Vec<(&'static str, Panel)> {
    use tradecraft::ui::panels;
    vec![
        ("top bar", Box::new(|ui, v| drop(panels::top_bar(ui, v)))),
        (
            "government",
            Box::new(|ui, v| {
                let mut bar = Sidebar::default();
                panels::tabs(ui, &mut bar);
                panels::dashboard(ui, v);
                panels::lobbies(ui, v);
                drop(panels::states(ui, v));
            }),
        ),
        (
            "industries",
            Box::new(|ui, v| {
                let mut bar = Sidebar {
                    tab: Tab::Industries,
                    ..Sidebar::default()
                };
                drop(panels::industries(ui, v, &mut bar))
            }),
        ),
        ("relations", Box::new(|ui, v| drop(panels::relations(ui, v)))),
        ("disputes", Box::new(|ui, v| drop(panels::disputes(ui, v)))),
        ("news", Box::new(|ui, v| drop(panels::news(ui, v)))),
        ("orders", Box::new(|ui, v| drop(panels::orders(ui, v)))),
        ("briefing", Box::new(panels::briefing)),
        ("score", Box::new(panels::score_breakdown)),
        (
            "negotiation",
            Box::new(|ui, v| {
                if let Some(d) = v.disputes.iter().find(|d| d.involves_player && d.open) {
                    let mut draft = Draft::for_dispute(v, &d.id);
                    drop(panels::negotiation(ui, v, &mut draft))
                }
            }),
        ),
        ("end", Box::new(|ui, v| drop(panels::end_screen(ui, v)))),
        ("tutorial", Box::new(panels::prompt)),
        ("glossary", Box::new(|ui, _| panels::glossary(ui))),
        ("help", Box::new(|ui, _| tradecraft::ui::keys::help(ui))),
        (
            "settings",
            Box::new(|ui, _| {
                let s = tradecraft::ui::settings::Settings {
                    language: Some(Lang::Ja),
                    ..Default::default()
                };
                drop(panels::settings(ui, &s))
            }),
        ),
        (
            "map",
            Box::new(|ui, v| {
                for s in &v.states {
                    panels::map_tooltip(ui, v, &s.id, Some(&s.id));
                }
                panels::map_tooltip(ui, v, "BRA", None);
            }),
        ),
        (
            "hand over",
            Box::new(|ui, v| {
                let other = v
                    .states
                    .iter()
                    .find(|s| s.id != v.player)
                    .map_or("", |s| s.name.as_str());
                drop(panels::hand_over(
                    ui,
                    &v.name(&v.player),
                    Some(other),
                    &v.date_label(&v.date),
                ))
            }),
        ),
    ]
}

/// Draw every panel of `v` and hover every widget: what each shows, by panel.
fn sweep_view(v: &View, out: &mut BTreeSet<String>) -> usize {
    let mut drawn = 0;
    for (_, panel) in panels() {
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 3000.0))
            .build_ui(|ui| {
                tradecraft::ui::settings::apply_fonts(ui.ctx());
                panel(ui, v)
            });
        let mut texts = BTreeSet::new();
        sweep(&mut h, &mut texts);
        drawn += texts.len();
        out.extend(texts);
    }
    drawn
}

/// Play `level` as `side` in Japanese with `orders`, and sweep every screen at each month of
/// `at`: the texts shown, and the scenario's state ids.
fn play(
    level: &str,
    side: &str,
    orders: Vec<ScheduledCommand>,
    at: &[u32],
) -> (BTreeSet<String>, BTreeSet<String>) {
    let _ja = i18n::on_this_thread(Lang::Ja);
    let s = super::common::level(level);
    // A state whose Japanese name is its id ("EU") is named when its id shows.
    let ids: BTreeSet<String> = s
        .states
        .iter()
        .filter(|x| i18n::local_in(Lang::Ja, &x.name) != x.id)
        .map(|x| x.id.clone())
        .collect();
    let mut sim = tradecraft::sim::Simulation::new(&s, 3, Some(side)).unwrap();
    sim.schedule(orders);
    let w = sim.world_mut();
    w.insert_resource(PlayerSide(side.into()));
    w.insert_resource(tradecraft::ui::saves::Notice::default());
    let mut texts = BTreeSet::new();
    for &until in at {
        while sim.month() < until {
            sim.step();
        }
        let v = View::from_world(sim.world_mut());
        sweep_view(&v, &mut texts);
    }
    (texts, ids)
}

fn order(month: u32, command: Command) -> ScheduledCommand {
    ScheduledCommand {
        month,
        by: "JPN".into(),
        command,
    }
}

/// Japan's orders in 2019: talks, statements, an offer, a tariff, quotas, a restraint, an
/// export control, a courtship, and orders the model refuses.
fn orders_2019() -> Vec<ScheduledCommand> {
    vec![
        order(
            1,
            Command::OpenNegotiation {
                dispute: "auto_232".into(),
                channel: Channel::WorkingLevel,
                scope: vec![],
                excluded: vec![],
            },
        ),
        order(
            1,
            Command::AcceptOffer {
                dispute: "farm_access".into(),
            },
        ),
        order(
            2,
            Command::Statement {
                dispute: "steel_232".into(),
                tone: Tone::Conciliatory,
            },
        ),
        order(
            2,
            Command::SetQuota {
                target: "CHN".into(),
                sector: "steel".into(),
                volume: 12.5,
                voluntary: false,
            },
        ),
        order(
            3,
            Command::MakeOffer {
                dispute: "farm_access".into(),
                channel: Channel::Ministerial,
                offer: Offer {
                    tariff_cuts: vec![TariffCut {
                        sector: "agriculture".into(),
                        rate: 0.2,
                    }],
                    purchases: 2.0,
                    investment: 5.0,
                    ..Offer::default()
                },
            },
        ),
        order(
            3,
            Command::RestrainExports {
                target: "USA".into(),
                sector: "autos".into(),
                volume: 40.0,
            },
        ),
        order(
            4,
            Command::SetTariff {
                target: "CHN".into(),
                sector: "steel".into(),
                rate: 0.1,
            },
        ),
        order(4, Command::Court { target: "AUS".into() }),
        order(
            5,
            Command::Statement {
                dispute: "auto_232".into(),
                tone: Tone::Hostile,
            },
        ),
        order(
            5,
            Command::ImposeExportControl {
                target: "CHN".into(),
                sector: "machinery".into(),
            },
        ),
        order(
            7,
            Command::FileDispute {
                dispute: "steel_232".into(),
            },
        ),
    ]
}

/// Japan in 2025: a vote on an applicant to CPTPP, a courtship, talks.
fn orders_2025() -> Vec<ScheduledCommand> {
    vec![
        order(
            1,
            Command::VoteOnApplicant {
                framework: "CPTPP".into(),
                applicant: "TWN".into(),
                support: true,
            },
        ),
        order(1, Command::Court { target: "MYS".into() }),
        order(
            2,
            Command::OpenNegotiation {
                dispute: "auto_tariffs".into(),
                channel: Channel::Ministerial,
                scope: vec![],
                excluded: vec![],
            },
        ),
    ]
}

fn assert_japanese(what: &str, texts: &BTreeSet<String>, ids: &BTreeSet<String>) {
    assert!(texts.len() > 300, "{what}: only {} texts drawn", texts.len());
    // I18N_UI_DUMP=PREFIX writes every text drawn to PREFIX-WHAT.txt, to read them all.
    if let Ok(prefix) = std::env::var("I18N_UI_DUMP") {
        let all: Vec<&str> = texts.iter().map(String::as_str).collect();
        let _ = std::fs::write(format!("{prefix}-{what}.txt"), all.join("\n----\n"));
    }
    let english = english_in(texts, ids, &[]);
    assert!(
        english.is_empty(),
        "{what}: English or state ids on the Japanese screens ({}):\n{}",
        english.len(),
        english.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// The 2019 scenario played as Japan in Japanese, from its briefing to its end screen: every
/// panel, window and tooltip is Japanese, and states are named, not given by their ids.
#[test]
fn the_2019_game_and_its_tooltips_in_japanese() {
    let (texts, ids) = play("2019_trade_agreement.ron", "JPN", orders_2019(), &[0, 2, 8, 36]);
    assert_japanese("2019", &texts, &ids);
    // Amounts are worded whole: the quota of 12.5 bn USD a year, in the news and the measures
    // in force.
    assert!(
        texts.iter().filter(|t| t.contains("年125億ドル")).count() >= 2,
        "{:?}",
        texts.iter().filter(|t| t.contains("億ドル")).collect::<Vec<_>>()
    );
    // The Why? tooltips name an indicator's sector: 「価格（鉄鋼・アルミニウム）」.
    assert!(texts.iter().any(|t| t.contains("価格（鉄鋼・アルミニウム）")));
}

/// The 2025 scenario as Japan (frameworks with applicants, strategic inputs, an acquisition)
/// and as the United States (which reviews the acquisition), tooltips and all.
#[test]
fn the_2025_game_and_its_tooltips_in_japanese() {
    let (texts, ids) = play("2025_tariff_shock.ron", "JPN", orders_2025(), &[3, 12]);
    assert_japanese("2025 as Japan", &texts, &ids);
    let (texts, ids) = play("2025_tariff_shock.ron", "USA", vec![], &[1]);
    assert_japanese("2025 as the United States", &texts, &ids);
}

/// The OS window's title is in the player's language, the side by its name.
#[test]
fn the_window_title_in_japanese() {
    let _ja = i18n::on_this_thread(Lang::Ja);
    let s = super::common::level("2019_trade_agreement.ron");
    let mut sim = tradecraft::sim::Simulation::new(&s, 1, Some("JPN")).unwrap();
    sim.world_mut().insert_resource(PlayerSide("JPN".into()));
    let v = View::from_world(sim.world_mut());
    let title = tradecraft::ui::window_title(&v);
    assert!(title.contains("日本を率いる"), "{title}");
    assert!(
        title.contains(&i18n::local_in(Lang::Ja, &s.meta.title)),
        "{title}"
    );
    assert!(!title.contains("JPN"), "{title}");
    let _en = i18n::on_this_thread(Lang::En);
    let title = tradecraft::ui::window_title(&v);
    assert!(title.ends_with("JPN"), "{title}");
}

/// The menu in Japanese, tooltips and all: scenarios, sides, a saved game (its side by its
/// name), the class game's form.
#[test]
fn the_menu_and_its_tooltips_in_japanese() {
    use tradecraft::ui::menu::{Menu, MenuAction, menu_screen};
    let _ja = i18n::on_this_thread(Lang::Ja);
    let mut menu = Menu::scan(7);
    let level = super::common::level("2019_trade_agreement.ron");
    let ids: BTreeSet<String> = level
        .states
        .iter()
        .filter(|x| i18n::local_in(Lang::Ja, &x.name) != x.id)
        .map(|x| x.id.clone())
        .collect();
    let file = "1.ron";
    // One saved game of our own (the machine's own saves have names of their own).
    menu.saves.clear();
    menu.saves.push((
        std::path::PathBuf::from(file),
        Ok(tradecraft::save::SaveInfo {
            title: level.meta.title.clone(),
            side: Some("JPN".into()),
            date: "2019-10".into(),
            month: 9,
        }),
    ));
    // Every scenario in turn, so that each one's sides and description are drawn.
    let mut texts = BTreeSet::new();
    for chosen in 0..menu.entries.len() {
        let mut m = menu.clone();
        m.chosen = chosen;
        if let Some(Ok(s)) = m.entries.get(chosen).map(|e| e.scenario.clone()) {
            m.side = s.3.first().cloned().unwrap_or_default();
        }
        m.join_address = "192.168.1.20:5150".into();
        let settings = tradecraft::ui::settings::Settings {
            language: Some(Lang::Ja),
            ..Default::default()
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 1600.0))
            .build_ui_state(
                |ui, (menu, settings): &mut (Menu, tradecraft::ui::settings::Settings)| {
                    tradecraft::ui::settings::apply_fonts(ui.ctx());
                    let _: Vec<MenuAction> = menu_screen(ui, menu, settings);
                },
                (m, settings),
            );
        sweep(&mut h, &mut texts);
    }
    assert!(
        texts.iter().any(|t| t.contains("日本") && t.contains(file)),
        "the saved game's line names its side"
    );
    let english = english_in(&texts, &ids, &[file, "Tradecraft"]);
    assert!(
        english.is_empty(),
        "English or state ids on the Japanese menu:\n{}",
        english.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// The end screen's history beside the run, in every scenario that has one: each series is
/// named in Japanese, its indicator and unit too (「日本：輸出（米国、乗用車…）（10億ドル/年、…）」).
#[test]
fn history_series_are_named_in_japanese() {
    let _ja = i18n::on_this_thread(Lang::Ja);
    let mut labels = BTreeSet::new();
    for level in [
        "1981_auto_restraint.ron",
        "1995_auto_parts.ron",
        "2019_trade_agreement.ron",
        "2025_tariff_shock.ron",
    ] {
        let s = super::common::level(level);
        let side = s.meta.sides[0].clone();
        let mut sim = tradecraft::sim::Simulation::new(&s, 1, Some(&side)).unwrap();
        sim.world_mut().insert_resource(PlayerSide(side));
        let v = View::from_world(sim.world_mut());
        labels.extend(v.history_series.iter().map(|(label, _)| label.clone()));
    }
    assert!(labels.len() >= 8, "{labels:?}");
    assert!(labels.iter().any(|l| l.contains("：輸出（米国、")), "{labels:?}");
    let english = english_in(&labels, &BTreeSet::new(), &[]);
    assert!(english.is_empty(), "{english:?}");
}

/// Every country of the world map has its name in both languages (assets/i18n/*/countries.ftl):
/// in Japanese one the Japanese files hold themselves, with no Latin letter in it (no "BRA", no
/// English name where the player hovers a country the scenario leaves out); in English the map
/// file's own name.
#[test]
fn every_country_of_the_map_is_named_in_japanese() {
    use tradecraft::ui::map::{country_key, country_name, load};
    let map = load().unwrap();
    assert_eq!(map.countries.len(), 177);
    let mut problems = Vec::new();
    for c in &map.countries {
        let key = country_key(&c.iso3);
        if !i18n::has(Lang::Ja, &key) {
            problems.push(format!(
                "{} ({}): no {key} in assets/i18n/ja/countries.ftl",
                c.iso3, c.name
            ));
            continue;
        }
        let ja = i18n::message_in(Lang::Ja, &key, None);
        if ja.trim().is_empty() || ja.chars().any(|ch| ch.is_ascii_alphabetic()) {
            problems.push(format!("{key} = {ja:?}: Latin letters in Japanese"));
        }
        let en = i18n::message_in(Lang::En, &key, None);
        if en != c.name {
            problems.push(format!(
                "{key} = {en:?} in English, the map names it {:?}",
                c.name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(country_key("-99"), "country-n99");
    {
        let _ja = i18n::on_this_thread(Lang::Ja);
        assert_eq!(country_name("BRA"), "ブラジル");
        assert_eq!(country_name("KOR"), "韓国");
    }
    let _en = i18n::on_this_thread(Lang::En);
    assert_eq!(country_name("BRA"), "Brazil");
    assert_eq!(country_name("CIV"), "Côte d'Ivoire");
}
