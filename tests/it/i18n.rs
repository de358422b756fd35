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

/// The language of a locale, of `--lang`, and of this thread only.
#[test]
fn choosing_a_language() {
    assert_eq!(Lang::from_locale("ja-JP"), Lang::Ja);
    assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
    assert_eq!(Lang::from_locale("en-US"), Lang::En);
    assert_eq!(Lang::from_locale("fr"), Lang::En);
    assert_eq!(Lang::parse("JA"), Ok(Lang::Ja));
    assert!(Lang::parse("jp").unwrap_err().contains("en, ja"));
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
    }
}
