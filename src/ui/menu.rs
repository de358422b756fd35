//! The main menu: every scenario in levels/ with its title, years, description and sides (a
//! file that fails validation is listed with its FILE:LINE:COL error instead), the side and
//! seed to play, and the saved games to load.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::StartRequest;

#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    /// Title, years, description, sides; or the validation error. A tutorial's years are
    /// empty: its dates are invented, and the menu says "tutorial, N months" instead.
    pub scenario: Result<(String, String, String, Vec<String>), String>,
    /// A tutorial's length in months.
    pub tutorial: Option<i64>,
    /// How many of its texts have no Japanese (`tradecraft check --lang ja` lists them).
    pub missing_japanese: usize,
    /// Each state's name by id (the sides are shown by name in Japanese).
    pub names: std::collections::BTreeMap<String, String>,
}

impl Entry {
    /// A side as the menu shows it: its id in English, its name in Japanese.
    pub fn side_label(&self, id: &str) -> String {
        match (crate::i18n::lang(), self.names.get(id)) {
            (crate::i18n::Lang::En, _) | (_, None) => id.to_string(),
            (_, Some(name)) => crate::i18n::local(name),
        }
    }

    /// "Title  (years)" in the current language, marked when its Japanese is incomplete.
    pub fn label(&self, title: &str) -> String {
        let mut label = crate::tr!(
            "menu-scenario-entry",
            title = crate::i18n::local(title),
            years = self.years()
        );
        if crate::i18n::lang() == crate::i18n::Lang::Ja && self.missing_japanese > 0 {
            label.push(' ');
            label.push_str(&crate::tr!("menu-missing-translation"));
        }
        label
    }

    /// The years a scenario covers, or "tutorial, N months", in the current language.
    pub fn years(&self) -> String {
        match (&self.scenario, self.tutorial) {
            (_, Some(months)) => crate::tr!("menu-years-tutorial", n = months),
            (Ok(s), None) => s.1.clone(),
            (Err(_), None) => String::new(),
        }
    }
}

#[derive(Resource, Debug, Clone, Default)]
pub struct Menu {
    pub entries: Vec<Entry>,
    pub chosen: usize,
    pub side: String,
    pub seed: u64,
    /// Every side at this laptop, taking turns (hotseat).
    pub hotseat: bool,
    /// Saved games, newest first, with what each holds (or why it cannot be read).
    pub saves: Vec<(PathBuf, Result<crate::save::SaveInfo, String>)>,
    pub error: String,
    /// The class game form: the host's address, the password, and what happened.
    pub join_address: String,
    pub join_password: String,
    pub class_note: String,
}

pub use crate::scenario::levels_dir;

impl Menu {
    pub fn scan(seed: u64) -> Menu {
        let mut files: Vec<PathBuf> = std::fs::read_dir(levels_dir())
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".ron") && !name.ends_with(".history.ron") && !name.ends_with(".commands.ron")
        });
        files.sort();
        let entries: Vec<Entry> = files
            .into_iter()
            .map(|path| {
                let loaded = crate::scenario::load_scenario(&path);
                let tutorial = loaded
                    .as_ref()
                    .ok()
                    .filter(|s| !s.meta.tutorial.is_empty())
                    .map(|s| s.meta.months);
                let missing_japanese = loaded.as_ref().map_or(0, |s| s.missing_japanese().len());
                let names = loaded
                    .as_ref()
                    .map(|s| s.states.iter().map(|x| (x.id.clone(), x.name.clone())).collect())
                    .unwrap_or_default();
                let scenario = loaded
                    .map(|s| {
                        // A tutorial's dates are invented: `Entry::years` says what it is instead.
                        let years = if !s.meta.tutorial.is_empty() {
                            String::new()
                        } else {
                            match crate::scenario::validate::parse_year_month(&s.meta.start) {
                                Some((y, m)) => {
                                    format!("{}–{}", y, y + ((m as i64 - 1 + s.meta.months - 1) / 12) as i32)
                                }
                                None => s.meta.start.clone(),
                            }
                        };
                        (s.meta.title, years, s.meta.description, s.meta.sides)
                    })
                    .map_err(|d| d.to_string());
                Entry {
                    path,
                    scenario,
                    tutorial,
                    missing_japanese,
                    names,
                }
            })
            .collect();
        // Tutorials first (a newcomer's first choice), then the files in name order.
        let mut entries = entries;
        entries.sort_by_key(|e| e.tutorial.is_none());
        let chosen = entries
            .iter()
            .position(|e| e.path.file_name().is_some_and(|n| n == "2025_tariff_shock.ron"))
            .unwrap_or(0);
        let side = entries
            .get(chosen)
            .and_then(|e| e.scenario.as_ref().ok())
            .and_then(|s| s.3.first().cloned())
            .unwrap_or_default();
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(super::saves::save_dir())
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| {
                        let modified = e
                            .metadata()
                            .and_then(|m| m.modified())
                            .unwrap_or(std::time::UNIX_EPOCH);
                        (modified, e.path())
                    })
                    .filter(|(_, p)| p.extension().is_some_and(|x| x == "ron"))
                    .collect()
            })
            .unwrap_or_default();
        // Newest first (the menu is UI: the file times never reach the model).
        files.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let saves = files
            .into_iter()
            .map(|(_, p)| {
                let info = crate::save::peek(&p);
                (p, info)
            })
            .collect();
        Menu {
            entries,
            chosen,
            side,
            seed,
            hotseat: false,
            saves,
            error: String::new(),
            join_address: String::new(),
            join_password: String::new(),
            class_note: String::new(),
        }
    }
}

impl Menu {
    /// A saved game's side as the menu shows it: its id in English; in Japanese its name, from
    /// the scenario in levels/ with the save's title (or any that has the side).
    pub fn save_side(&self, title: &str, side: &str) -> String {
        let same_title = self
            .entries
            .iter()
            .find(|e| e.scenario.as_ref().is_ok_and(|s| s.0 == title) && e.names.contains_key(side));
        same_title
            .or_else(|| self.entries.iter().find(|e| e.names.contains_key(side)))
            .map_or_else(|| side.to_string(), |e| e.side_label(side))
    }
}

/// What the player asked of the menu this frame (`menu_screen`); `draw_menu` carries it out.
#[derive(Debug, Clone)]
pub enum MenuAction {
    Start(StartRequest),
    /// Open the teacher's console for this scenario and seed (its own process and window).
    Host(PathBuf, u64),
    Join(super::state::JoinRequest),
    /// Word every screen in this language from now on (saved at once).
    Language(crate::i18n::Lang),
}

pub fn draw_menu(
    mut contexts: EguiContexts,
    mut menu: ResMut<Menu>,
    mut settings: ResMut<super::settings::Settings>,
    renderer: Res<super::state::Renderer>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    super::settings::apply_fonts(&ctx);
    crate::ui::settings::apply_scale(&ctx, settings.ui_scale);
    super::settings::apply_theme(&ctx, settings.high_contrast, *renderer);
    let mut root = crate::ui::root_ui(&ctx, "menu");
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(&mut root, |ui| {
        actions = menu_screen(ui, &mut menu, &mut settings);
    });
    for action in actions {
        match action {
            MenuAction::Start(request) => commands.insert_resource(request),
            MenuAction::Host(path, seed) => {
                let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("tradecraft"));
                let spawned = std::process::Command::new(exe)
                    .arg("host")
                    .arg(&path)
                    .args(["--seed", &seed.to_string()])
                    // In the data folder, one folder a game: the working folder of a program
                    // started from a shortcut may be read-only or shared.
                    .arg("--out")
                    .arg(class_folder(&path))
                    .args(["--lang", crate::i18n::lang().code()])
                    .spawn();
                menu.class_note = match spawned {
                    Ok(_) => crate::tr!("menu-console-opens"),
                    Err(err) => crate::tr!("menu-console-failed", error = err.to_string()),
                };
            }
            // A failed write is said on the menu; the choice holds for this session.
            MenuAction::Language(lang) => {
                settings.language = Some(lang);
                crate::i18n::set_lang(lang);
                if let Err(e) = super::settings::save(&settings) {
                    menu.error = e;
                }
            }
            MenuAction::Join(request) => match super::state::TeamNet::connect(&request) {
                Ok(net) => {
                    commands.insert_resource(net);
                    menu.class_note.clear();
                }
                // The network's sentence (English) in the player's language.
                Err(e) => {
                    let words = crate::net::wording::words_of(&e, &|_| None);
                    menu.class_note = words.in_lang(crate::i18n::lang());
                }
            },
        }
    }
    Ok(())
}

/// The menu's screen: the scenarios, the chosen one's sides and seed, the saved games, the
/// class game and the language switch. What the player asks comes back as actions.
pub fn menu_screen(
    ui: &mut egui::Ui,
    menu: &mut Menu,
    settings: &mut super::settings::Settings,
) -> Vec<MenuAction> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        ui.heading(crate::tr!("app-title"));
        if let Some(lang) = language_switch(ui, settings) {
            out.push(MenuAction::Language(lang));
        }
    });
    ui.label(crate::tr!("app-tagline"));
    ui.separator();
    ui.columns(2, |cols| {
        cols[0].strong(crate::tr!("menu-scenarios"));
        egui::ScrollArea::vertical()
            .id_salt("levels")
            .show(&mut cols[0], |ui| {
                for (i, e) in menu.entries.iter().enumerate() {
                    let name = e
                        .path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .unwrap_or("?")
                        .to_string();
                    match &e.scenario {
                        Ok((title, _, _, sides)) => {
                            if ui.selectable_label(menu.chosen == i, e.label(title)).clicked() {
                                menu.chosen = i;
                                menu.side = sides.first().cloned().unwrap_or_default();
                            }
                        }
                        Err(err) => {
                            ui.colored_label(
                                egui::Color32::from_rgb(230, 120, 90),
                                crate::tr!("menu-cannot-play", file = &name),
                            );
                            ui.small(err);
                        }
                    }
                }
            });
        let right = &mut cols[1];
        if let Some(entry @ Entry { scenario: Ok(_), .. }) = menu.entries.get(menu.chosen).cloned()
            && let Ok((title, _, description, sides)) = &entry.scenario
        {
            let (path, sides) = (entry.path.clone(), sides.clone());
            right.heading(crate::i18n::local(title));
            right.label(entry.years());
            right.label(crate::i18n::local(description));
            if crate::i18n::lang() == crate::i18n::Lang::Ja && entry.missing_japanese > 0 {
                right.weak(crate::tr!("menu-missing-count", n = entry.missing_japanese));
            }
            right.separator();
            right.horizontal(|ui| {
                ui.label(crate::tr!("menu-lead"));
                for s in &sides {
                    ui.radio_value(&mut menu.side, s.clone(), entry.side_label(s));
                }
            });
            if sides.len() > 1 {
                right
                    .checkbox(&mut menu.hotseat, crate::tr!("menu-hotseat"))
                    .on_hover_text(crate::tr!("menu-hotseat-tip"));
            }
            right.horizontal(|ui| {
                ui.label(crate::tr!("menu-seed"));
                ui.add(egui::DragValue::new(&mut menu.seed));
                ui.weak(crate::tr!("menu-seed-note"));
            });
            let history = path
                .file_stem()
                .and_then(|s| s.to_str())
                .map(|stem| path.with_file_name(format!("{stem}.history.ron")))
                .filter(|h| h.is_file());
            right.horizontal(|ui| {
                if ui.button(crate::tr!("menu-start")).clicked() {
                    let also = if menu.hotseat {
                        super::state::other_sides(&sides, &menu.side)
                    } else {
                        Vec::new()
                    };
                    out.push(MenuAction::Start(StartRequest {
                        path: path.clone(),
                        side: menu.side.clone(),
                        also,
                        seed: menu.seed,
                        save: None,
                        replay: None,
                    }));
                }
                if let Some(h) = history
                    && ui
                        .button(crate::tr!("menu-replay"))
                        .on_hover_text(crate::tr!("menu-replay-tip", side = entry.side_label(&menu.side)))
                        .clicked()
                {
                    out.push(MenuAction::Start(StartRequest {
                        path: path.clone(),
                        side: menu.side.clone(),
                        also: Vec::new(),
                        seed: menu.seed,
                        save: None,
                        replay: Some(h),
                    }));
                }
            });
        }
        right.separator();
        right.strong(crate::tr!("menu-saves"));
        if menu.saves.is_empty() {
            right.weak(crate::tr!("menu-no-saves"));
        }
        for (p, info) in menu.saves.clone() {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
            match info {
                Ok(i) => {
                    let side = i
                        .side
                        .as_ref()
                        .map_or_else(|| crate::tr!("menu-no-side"), |s| menu.save_side(&i.title, s));
                    let date = crate::i18n::format::month_year(crate::i18n::lang(), &i.date);
                    let label = crate::tr!(
                        "menu-load",
                        file = &name,
                        title = crate::i18n::local(&i.title),
                        side = side,
                        date = date,
                        month = i.month + 1
                    );
                    if right.button(label).clicked() {
                        out.push(MenuAction::Start(StartRequest {
                            path: p.clone(),
                            side: String::new(),
                            also: Vec::new(),
                            seed: 0,
                            save: Some(p),
                            replay: None,
                        }));
                    }
                }
                Err(e) => {
                    right.colored_label(
                        egui::Color32::from_rgb(230, 120, 90),
                        crate::tr!("menu-cannot-read", file = &name, error = e),
                    );
                }
            }
        }
        right.separator();
        out.extend(class_game(right, menu, settings));
        if !menu.error.is_empty() {
            right.colored_label(egui::Color32::from_rgb(230, 120, 90), &menu.error);
        }
    });
    out
}

/// 日本語 / English on the menu's first screen: the language chosen, if it changed.
fn language_switch(ui: &mut egui::Ui, settings: &super::settings::Settings) -> Option<crate::i18n::Lang> {
    let now = super::settings::language(settings);
    let mut chosen = now;
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        for lang in crate::i18n::Lang::ALL.into_iter().rev() {
            ui.selectable_value(&mut chosen, lang, lang.native_name())
                .on_hover_text(crate::i18n::message_in(lang, "language-tip", None));
        }
    });
    (chosen != now).then_some(chosen)
}

/// The menu's class game: host the chosen scenario (the teacher's console opens in its own
/// window) or join a host on the network, leading the chosen side.
fn class_game(
    ui: &mut egui::Ui,
    menu: &mut Menu,
    settings: &super::settings::Settings,
) -> Option<MenuAction> {
    let mut out = None;
    ui.strong(crate::tr!("menu-class"));
    let chosen = menu.entries.get(menu.chosen).cloned();
    ui.horizontal(|ui| {
        let host = ui
            .button(crate::tr!("menu-host"))
            .on_hover_text(crate::tr!("menu-host-tip"));
        if host.clicked()
            && let Some(e) = &chosen
        {
            out = Some(MenuAction::Host(e.path.clone(), menu.seed));
        }
    });
    ui.horizontal(|ui| {
        ui.label(crate::tr!("menu-host-address"));
        ui.add(
            egui::TextEdit::singleline(&mut menu.join_address)
                .hint_text("192.168.1.20:5150")
                .desired_width(150.0),
        );
        ui.label(crate::tr!("menu-password"));
        ui.add(
            egui::TextEdit::singleline(&mut menu.join_password)
                .password(true)
                .desired_width(80.0),
        );
    });
    let ready = !menu.join_address.trim().is_empty() && !menu.side.is_empty();
    let join = ui
        .add_enabled(
            ready,
            egui::Button::new(crate::tr!(
                "menu-join",
                side = chosen
                    .as_ref()
                    .map_or(menu.side.clone(), |e| e.side_label(&menu.side))
            )),
        )
        .on_hover_text(crate::tr!("menu-join-tip"))
        .on_disabled_hover_text(crate::tr!("menu-join-disabled-tip"));
    if join.clicked() {
        let request = super::state::JoinRequest {
            address: menu.join_address.trim().to_string(),
            side: menu.side.clone(),
            name: settings.player_name.clone(),
            password: menu.join_password.clone(),
            levels: levels_dir(),
        };
        out = Some(MenuAction::Join(request));
    }
    if !menu.class_note.is_empty() {
        ui.weak(&menu.class_note);
    }
    out
}

/// The joining screen: connecting to the host, or why the laptop could not join.
pub fn draw_joining(
    mut contexts: EguiContexts,
    net: Res<super::state::TeamNet>,
    settings: Res<super::settings::Settings>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    crate::ui::settings::apply_scale(&ctx, settings.ui_scale);
    let row = super::view::ClassRow {
        address: net.address.clone(),
        status: net.status.clone(),
        closed: net.closed,
        ..Default::default()
    };
    let mut root = crate::ui::root_ui(&ctx, "joining");
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(&mut root, |ui| {
        actions = super::panels::joining(ui, &row);
    });
    // Back to the menu: the connection goes.
    if actions.contains(&super::state::Action::ToMenu) {
        commands.remove_resource::<super::state::TeamNet>();
    }
    Ok(())
}

/// Where a class game hosted from the menu is kept: `class-games/SCENARIO-YYYYMMDD-HHMMSS` in
/// the data folder (UTC, from the clock of this laptop: a name, never the model's).
fn class_folder(scenario: &std::path::Path) -> PathBuf {
    let stem = scenario
        .file_stem()
        .map_or("class".into(), |s| s.to_string_lossy().into_owned());
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    super::settings::data_dir().join("class-games").join(format!(
        "{}-{}",
        super::saves::slug(&stem),
        utc_stamp(secs)
    ))
}

/// "YYYYMMDD-HHMMSS" for seconds since 1970 (UTC; days to a civil date after H. Hinnant).
fn utc_stamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let s = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}{:02}",
        s / 3_600,
        s % 3_600 / 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn utc_stamps_name_the_day_and_time() {
        assert_eq!(super::utc_stamp(0), "19700101-000000");
        assert_eq!(super::utc_stamp(951_782_400), "20000229-000000");
        assert_eq!(super::utc_stamp(1_796_301_173), "20261203-123253");
    }
}
