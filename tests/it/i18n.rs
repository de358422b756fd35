//! The two languages (src/i18n): every message in both with the same placeholders, plural and
//! date forms, the fallback to English, the language setting, and screens drawn in Japanese.

use tradecraft::i18n::{self, Lang};

/// Every message file exists in both languages with the same keys, each with the same
/// placeholders, and parses without an error: a key added in one language only, or a `$side`
/// left out of a translation, fails here with the file and key.
#[test]
fn both_languages_have_every_message_with_the_same_placeholders() {
    let all = i18n::catalogues();
    let mut problems = Vec::new();
    for c in &all {
        for e in &c.errors {
            problems.push(format!("assets/i18n/{}/{}.ftl: {e}", c.lang.code(), c.file));
        }
    }
    let en: Vec<_> = all.iter().filter(|c| c.lang == Lang::En).collect();
    for ja in all.iter().filter(|c| c.lang == Lang::Ja) {
        let Some(en) = en.iter().find(|c| c.file == ja.file) else {
            problems.push(format!("{}.ftl: in Japanese only", ja.file));
            continue;
        };
        for (key, vars) in &en.messages {
            match ja.messages.iter().find(|(k, _)| k == key) {
                None => problems.push(format!("assets/i18n/ja/{}.ftl: no message {key}", ja.file)),
                Some((_, ja_vars)) if ja_vars != vars => problems.push(format!(
                    "assets/i18n/ja/{}.ftl: {key} has placeholders {ja_vars:?}, English has {vars:?}",
                    ja.file
                )),
                Some(_) => {}
            }
        }
        for (key, _) in &ja.messages {
            if !en.messages.iter().any(|(k, _)| k == key) {
                problems.push(format!(
                    "assets/i18n/ja/{}.ftl: {key} is not an English message",
                    ja.file
                ));
            }
        }
    }
    let mut keys: Vec<&String> = en
        .iter()
        .flat_map(|c| c.messages.iter().map(|(k, _)| k))
        .collect();
    let before = keys.len();
    keys.sort();
    keys.dedup();
    if keys.len() != before {
        problems.push("a key is in two English files".into());
    }
    assert!(!en.is_empty() && en.iter().all(|c| !c.messages.is_empty()));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The model's messages are filled without Fluent when they are plain (`Words::in_lang`); every
/// message, in both languages, comes out the same as through Fluent.
#[test]
fn plain_messages_fill_as_fluent_does() {
    let mut checked = 0;
    for c in i18n::catalogues() {
        for (key, vars) in &c.messages {
            let mut w = i18n::Words::new(key);
            for v in vars {
                w = w.plain(v, format!("<{v}>"));
            }
            assert_eq!(
                w.in_lang(c.lang),
                w.in_lang_by_fluent(c.lang),
                "{key} in {:?}",
                c.lang
            );
            checked += 1;
        }
    }
    let nested = i18n::Words::new("news-dispute-escalates")
        .text("title", "Autos")
        .words("stage", i18n::Words::new("rung-stage-ministerial"));
    assert_eq!(
        nested.in_lang(Lang::En),
        "Autos: the dispute escalates to the ministerial level"
    );
    assert_eq!(nested.in_lang(Lang::En), nested.in_lang_by_fluent(Lang::En));
    assert!(checked > 500, "{checked}");
}

/// Plurals, dates and amounts in each language; a key neither language has shows as itself.
#[test]
fn plurals_dates_and_amounts() {
    let one = |lang, n: i64| {
        let mut a = i18n::Args::new();
        a.set("n", n);
        i18n::message_in(lang, "months", Some(&a))
    };
    assert_eq!(one(Lang::En, 1), "1 month");
    assert_eq!(one(Lang::En, 36), "36 months");
    assert_eq!(one(Lang::Ja, 36), "36か月");
    assert_eq!(i18n::format::month_year(Lang::Ja, "2025-07"), "2025年7月");
    assert_eq!(i18n::format::month_year(Lang::En, "2025-07"), "July 2025");
    assert_eq!(i18n::format::month_year(Lang::Ja, "spring"), "spring");
    assert_eq!(i18n::format::billions(Lang::Ja, "$", 12.0), "120億ドル");
    assert_eq!(i18n::format::billions(Lang::Ja, "¥", 1500.0), "1兆5000億円");
    assert_eq!(i18n::format::billions(Lang::En, "$", 12.0), "$12.0bn");
    assert_eq!(
        i18n::message_in(Lang::Ja, "no-such-message", None),
        "no-such-message"
    );
    // No isolation marks around placeables (egui would draw them as boxes).
    let mut a = i18n::Args::new();
    a.set("side", "JPN");
    let join = i18n::message_in(Lang::En, "menu-join", Some(&a));
    assert_eq!(join, "Join, leading JPN");
    assert!(!join.contains('\u{2068}'));
}

/// Every scenario in levels/ has all its texts in Japanese (the list says which are missing).
#[test]
fn every_scenario_has_its_japanese_texts() {
    let mut missing = Vec::new();
    let mut scenarios = 0;
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/levels")).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".ron") || name.ends_with(".history.ron") {
            continue;
        }
        let s = tradecraft::scenario::load_scenario(&p).unwrap();
        scenarios += 1;
        assert!(s.texts().len() > 50, "{name}: {} texts", s.texts().len());
        missing.extend(s.missing_japanese().into_iter().map(|m| format!("{name}: {m}")));
    }
    assert!(scenarios >= 6);
    assert!(missing.is_empty(), "no Japanese:\n{}", missing.join("\n"));
}

/// `tradecraft check --lang ja` lists a scenario's texts that have no Japanese (not an error:
/// they show in English), and `--lang` refuses a language it does not know.
#[test]
fn check_lists_the_missing_japanese() {
    let dir = super::common::scratch("i18n", "check");
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/levels/tutorial.ron")).unwrap();
    let cut = src.replacen("name_ja: \"日本\", ", "", 1);
    assert_ne!(cut, src);
    let file = dir.join("tutorial.ron");
    std::fs::write(&file, cut).unwrap();
    let out = super::common::ok(super::common::tradecraft(&[
        "check",
        "--lang",
        "ja",
        file.to_str().unwrap(),
    ]));
    assert!(out.contains("no Japanese: states[JPN].name"), "{out}");
    assert!(out.contains("Japanese: 66 of 67 texts"), "{out}");
    let english = super::common::ok(super::common::tradecraft(&["check", file.to_str().unwrap()]));
    assert!(!english.contains("no Japanese"), "{english}");
    let bad = super::common::tradecraft(&["--lang", "fr", "check", file.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("write one of: en, ja"));
}

/// The language of a locale, of `--lang`, and of this thread only.
#[test]
fn choosing_a_language() {
    assert_eq!(Lang::from_locale("ja-JP"), Lang::Ja);
    assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
    assert_eq!(Lang::from_locale("en-US"), Lang::En);
    assert_eq!(Lang::from_locale("fr"), Lang::En);
    assert_eq!(Lang::parse("JA"), Ok(Lang::Ja));
    assert!(Lang::parse("jp").unwrap_err().contains("en, ja"));
    assert_eq!(Lang::parse("ja-JP"), Ok(Lang::Ja));
    assert_eq!(Lang::parse("en_US.UTF-8"), Ok(Lang::En));
    assert_eq!(Lang::parse("日本語"), Ok(Lang::Ja));
    assert!(Lang::parse("fr-FR").is_err());
    assert!(Lang::parse("").is_err());
    {
        let _ja = i18n::on_this_thread(Lang::Ja);
        assert_eq!(tradecraft::tr!("menu-start"), "開始");
        let other = std::thread::spawn(|| tradecraft::tr!("menu-start"))
            .join()
            .unwrap();
        assert_eq!(other, "Start", "another thread keeps the program's language");
    }
    assert_eq!(tradecraft::tr!("menu-start"), "Start");
}

/// The settings file keeps the language; a file from before it had one still reads.
#[test]
fn the_language_setting_is_kept() {
    let mut s = tradecraft::save::settings::Settings::default();
    assert_eq!(s.language, None);
    s.language = Some(Lang::Ja);
    let text = ron::ser::to_string_pretty(&s, Default::default()).unwrap();
    assert!(text.contains("ja"), "{text}");
    let back = tradecraft::save::settings::parse(&text, "settings.ron").unwrap();
    assert_eq!(back.language, Some(Lang::Ja));
    let old = tradecraft::save::settings::parse(
        "(ui_scale: 1.25, high_contrast: true, player_name: \"A\")",
        "s.ron",
    )
    .unwrap();
    assert_eq!(old.language, None);
    let bad = tradecraft::save::settings::parse("(language: Some(fr))", "settings.ron").unwrap_err();
    assert!(bad.starts_with("settings.ron:1:"), "{bad}");
}

/// A save made in Japanese carries the model's sentences its records hold as English (AI
/// reasons, refusals), and loading a save teaches them again: a game loaded by a new run of the
/// program words them in Japanese, not in the English of the records.
#[test]
fn a_save_carries_the_models_sentences_in_the_readers_language() {
    use tradecraft::sim::Simulation;
    let scenario = crate::common::level("2019_trade_agreement.ron");
    let text = {
        let _ja = i18n::on_this_thread(Lang::Ja);
        let mut sim = Simulation::new(&scenario, 1, Some("JPN")).unwrap();
        sim.run(24);
        tradecraft::save::text(sim.world_mut()).unwrap()
    };
    let snap = tradecraft::save::parse_snapshot(&text, "ja.ron").unwrap();
    let reasons: Vec<&str> = snap
        .records
        .log
        .0
        .iter()
        .map(|e| e.issued.reason.as_str())
        .collect();
    let carried: Vec<&str> = reasons
        .iter()
        .copied()
        .filter(|r| snap.words.contains_key(*r))
        .collect();
    assert!(!carried.is_empty(), "no AI reason of {reasons:?} is carried");
    // The sentences go last, after the records and state that hold them in English.
    let (held, _) = text
        .rsplit_once("\n    words: {")
        .expect("the words are the save's last field");
    for (english, words) in &snap.words {
        // As RON writes a string: `escape_debug`'s escapes ("United States\' tariffs").
        assert!(
            held.contains(&format!("\"{}\"", english.escape_debug())),
            "{english} is not in the save's records or state"
        );
        assert_ne!(&words.in_lang(Lang::Ja), english);
    }
    // Loading teaches what the save carries (a sentence no run has made).
    let mut taught = snap.clone();
    let made_up = "a sentence only this test's save holds 7f3a";
    taught
        .words
        .insert(made_up.into(), i18n::Words::new("leader-new"));
    assert_eq!(i18n::local_in(Lang::Ja, made_up), made_up);
    tradecraft::save::restore(&taught).unwrap();
    assert_eq!(
        i18n::local_in(Lang::Ja, made_up),
        i18n::Words::new("leader-new").in_lang(Lang::Ja)
    );
}

#[cfg(feature = "gui")]
mod screens {
    use bevy_egui::egui;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use tradecraft::i18n::{self, Lang};
    use tradecraft::ui::menu::{Menu, MenuAction, menu_screen};
    use tradecraft::ui::settings::Settings;

    /// Every character of every Japanese message has a glyph in the game's fonts (egui's own
    /// and the Japanese subset in assets/fonts): no message shows a box.
    #[test]
    fn every_japanese_message_has_its_glyphs() {
        let ctx = egui::Context::default();
        ctx.set_fonts(tradecraft::ui::settings::fonts());
        for _ in 0..2 {
            let mut out = ctx.run_ui(Default::default(), |_| {});
            out.textures_delta.clear();
        }
        let mut missing = Vec::new();
        ctx.fonts_mut(|fonts| {
            for (file, text) in i18n::files(Lang::Ja) {
                for (n, line) in text.lines().enumerate() {
                    for c in line.chars().filter(|c| !c.is_control()) {
                        if !fonts.has_glyph(&egui::FontId::proportional(14.0), c) {
                            missing.push(format!(
                                "{c:?} (U+{:04X}) at assets/i18n/ja/{file}.ftl:{}",
                                c as u32,
                                n + 1
                            ));
                        }
                    }
                }
            }
        });
        assert!(
            missing.is_empty(),
            "no glyph (run python3 tools/subset_font.py):\n{}",
            missing.join("\n")
        );
    }

    /// The menu in Japanese: its headings and buttons are the Japanese messages, the switch
    /// offers both languages, and choosing English keeps the choice in the settings.
    #[test]
    fn the_menu_in_japanese() {
        let _ja = i18n::on_this_thread(Lang::Ja);
        let menu = Menu::scan(7);
        let settings = Settings {
            language: Some(Lang::Ja),
            ..Settings::default()
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_ui_state(
                |ui, (menu, settings, out): &mut (Menu, Settings, Vec<MenuAction>)| {
                    ui.ctx().set_fonts(tradecraft::ui::settings::fonts());
                    out.extend(menu_screen(ui, menu, settings));
                },
                (menu, settings, Vec::new()),
            );
        h.run();
        for label in [
            "シナリオ",
            "開始",
            "セーブデータ",
            "授業ゲームを主催する",
            "日本語",
            "English",
        ] {
            h.get_by_label(label);
        }
        h.get_by_label("開始").click();
        h.run();
        assert!(matches!(h.state().2.first(), Some(MenuAction::Start(_))));
        // The switch asks for English; the settings file is written by the system, not here.
        h.get_by_label("English").click();
        h.run();
        assert!(
            h.state()
                .2
                .iter()
                .any(|a| matches!(a, MenuAction::Language(Lang::En))),
            "{:?}",
            h.state().2
        );
    }

    /// A Japanese reader plays the 2019 scenario from its first month to its end screen as
    /// Japan, with talks, an offer, statements and a tariff of their own, and meets no English:
    /// every label and value the main screens draw (top bar, government, lobbies, states,
    /// disputes, industries, relations, news, orders, briefing, negotiation window, score and
    /// end screen) at months 1, 6, 18 and the end has no English word. State ids and the
    /// field's acronyms (WTO, CPTPP, USMCA …) are allowed: Japanese writes them so too.
    #[test]
    fn playing_2019_in_japanese_meets_no_english() {
        use tradecraft::command::{Channel, Command, Offer, ScheduledCommand, TariffCut, Tone};
        use tradecraft::ui::state::{Draft, PlayerSide, Sidebar, Tab};
        use tradecraft::ui::view::View;
        let _ja = i18n::on_this_thread(Lang::Ja);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/levels/2019_trade_agreement.ron");
        let s = tradecraft::scenario::load_scenario(std::path::Path::new(path)).unwrap();
        let mut sim = tradecraft::sim::Simulation::new(&s, 3, Some("JPN")).unwrap();
        let order = |month: u32, command: Command| ScheduledCommand {
            month,
            by: "JPN".into(),
            command,
        };
        sim.schedule(vec![
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
                2,
                Command::Statement {
                    dispute: "steel_232".into(),
                    tone: Tone::Conciliatory,
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
                        ..Offer::default()
                    },
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
            order(
                5,
                Command::Statement {
                    dispute: "auto_232".into(),
                    tone: Tone::Firm,
                },
            ),
        ]);
        let w = sim.world_mut();
        w.insert_resource(PlayerSide("JPN".into()));
        w.insert_resource(tradecraft::ui::saves::Notice::default());
        // State ids are written as they are on these screens; the field's acronyms too.
        let ids = ["JPN", "USA", "CHN", "CAN", "MEX", "EU", "KOR", "AUS", "VNM"];
        let mut english: std::collections::BTreeSet<String> = Default::default();
        let mut seen = 0;
        for until in [1, 6, 18, 36] {
            while sim.month() < until {
                sim.step();
            }
            let w = sim.world_mut();
            let v = View::from_world(w);
            let draft = Draft::for_dispute(&v, "auto_232");
            type Panel = Box<dyn Fn(&mut egui::Ui, &View)>;
            let panels: Vec<Panel> = vec![
                Box::new(|ui, v| drop(tradecraft::ui::panels::top_bar(ui, v))),
                Box::new(tradecraft::ui::panels::dashboard),
                Box::new(tradecraft::ui::panels::lobbies),
                Box::new(|ui, v| drop(tradecraft::ui::panels::states(ui, v))),
                Box::new(|ui, v| drop(tradecraft::ui::panels::disputes(ui, v))),
                Box::new(|ui, v| {
                    let mut bar = Sidebar {
                        tab: Tab::Industries,
                        ..Sidebar::default()
                    };
                    drop(tradecraft::ui::panels::industries(ui, v, &mut bar))
                }),
                Box::new(|ui, v| drop(tradecraft::ui::panels::relations(ui, v))),
                Box::new(|ui, v| drop(tradecraft::ui::panels::news(ui, v))),
                Box::new(|ui, v| drop(tradecraft::ui::panels::orders(ui, v))),
                Box::new(tradecraft::ui::panels::briefing),
                Box::new(tradecraft::ui::panels::score_breakdown),
                Box::new(move |ui, v| {
                    let mut d = draft.clone();
                    drop(tradecraft::ui::panels::negotiation(ui, v, &mut d))
                }),
                Box::new(|ui, v| drop(tradecraft::ui::panels::end_screen(ui, v))),
            ];
            for panel in &panels {
                let mut h = Harness::builder()
                    .with_size(egui::vec2(1280.0, 4000.0))
                    .build_ui(|ui| {
                        ui.ctx().set_fonts(tradecraft::ui::settings::fonts());
                        panel(ui, &v)
                    });
                h.run();
                for node in h.query_all(egui_kittest::kittest::By::new()) {
                    let n = egui_kittest::kittest::NodeT::accesskit_node(&node);
                    for text in [n.label(), n.value()].into_iter().flatten() {
                        seen += 1;
                        for word in crate::common::english_words(&text, &ids) {
                            english.insert(format!("{word:?} in {text:?}"));
                        }
                    }
                }
            }
        }
        assert!(seen > 500, "only {seen} texts drawn");
        assert!(
            english.is_empty(),
            "English on the Japanese screens:\n{}",
            english.into_iter().collect::<Vec<_>>().join("\n")
        );
    }
}
