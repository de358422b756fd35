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
    /// Title, years, description, sides; or the validation error.
    pub scenario: Result<(String, String, String, Vec<String>), String>,
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
                let scenario = crate::scenario::load_scenario(&path)
                    .map(|s| {
                        // A tutorial's dates are invented: say what it is instead.
                        let years = if !s.meta.tutorial.is_empty() {
                            format!("tutorial, {} months", s.meta.months)
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
                Entry { path, scenario }
            })
            .collect();
        // Tutorials first (a newcomer's first choice), then the files in name order.
        let mut entries = entries;
        entries.sort_by_key(|e| !e.scenario.as_ref().is_ok_and(|s| s.1.starts_with("tutorial")));
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

pub fn draw_menu(
    mut contexts: EguiContexts,
    mut menu: ResMut<Menu>,
    settings: Res<super::settings::Settings>,
    renderer: Res<super::state::Renderer>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    crate::ui::settings::apply_scale(&ctx, settings.ui_scale);
    super::settings::apply_theme(&ctx, settings.high_contrast, *renderer);
    let mut root = crate::ui::root_ui(&ctx, "menu");
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading("Tradecraft");
        ui.label("Economic statecraft between allies: settle disputes quietly, before they reach the leaders and the press.");
        ui.separator();
        let menu = &mut *menu;
        ui.columns(2, |cols| {
            cols[0].strong("Scenarios");
            egui::ScrollArea::vertical().id_salt("levels").show(&mut cols[0], |ui| {
                for (i, e) in menu.entries.iter().enumerate() {
                    let name = e.path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
                    match &e.scenario {
                        Ok((title, years, _, sides)) => {
                            if ui.selectable_label(menu.chosen == i, format!("{title}  ({years})")).clicked() {
                                menu.chosen = i;
                                menu.side = sides.first().cloned().unwrap_or_default();
                            }
                        }
                        Err(err) => {
                            ui.colored_label(egui::Color32::from_rgb(230, 120, 90), format!("{name}: cannot be played"));
                            ui.small(err);
                        }
                    }
                }
            });
            let right = &mut cols[1];
            if let Some(Entry { path, scenario: Ok((title, years, description, sides)) }) = menu.entries.get(menu.chosen).cloned() {
                right.heading(&title);
                right.label(&years);
                right.label(&description);
                right.separator();
                right.horizontal(|ui| {
                    ui.label("Lead:");
                    for s in &sides {
                        ui.radio_value(&mut menu.side, s.clone(), s);
                    }
                });
                if sides.len() > 1 {
                    right
                        .checkbox(&mut menu.hotseat, "Hotseat: every side at this laptop, taking turns")
                        .on_hover_text("Each side makes its moves and ends its turn; a hand-over screen hides its government from the next team; the month runs when every side has ended its turn.");
                }
                right.horizontal(|ui| {
                    ui.label("Seed:");
                    ui.add(egui::DragValue::new(&mut menu.seed));
                    ui.weak("(same seed, same moves: same game)");
                });
                let history = path.file_stem().and_then(|s| s.to_str()).map(|stem| path.with_file_name(format!("{stem}.history.ron"))).filter(|h| h.is_file());
                right.horizontal(|ui| {
                    if ui.button("Start").clicked() {
                        let also = if menu.hotseat { super::state::other_sides(&sides, &menu.side) } else { Vec::new() };
                        commands.insert_resource(StartRequest { path: path.clone(), side: menu.side.clone(), also, seed: menu.seed, save: None, replay: None });
                    }
                    if let Some(h) = history
                        && ui
                            .button("Replay history")
                            .on_hover_text(format!("Step through the months as history went, {} following history's decisions; press Take over from here at any month to lead it yourself (what if you had retaliated?).", menu.side))
                            .clicked()
                    {
                        commands.insert_resource(StartRequest { path: path.clone(), side: menu.side.clone(), also: Vec::new(), seed: menu.seed, save: None, replay: Some(h) });
                    }
                });
            }
            right.separator();
            right.strong("Saved games");
            if menu.saves.is_empty() {
                right.weak("none yet (F5 saves during play; the game autosaves every month)");
            }
            for (p, info) in menu.saves.clone() {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
                match info {
                    Ok(i) => {
                        let label = format!(
                            "Load {name} — {}, {}, {} (month {})",
                            i.title,
                            i.side.as_deref().unwrap_or("no side"),
                            i.date,
                            i.month + 1
                        );
                        if right.button(label).clicked() {
                            commands.insert_resource(StartRequest { path: p.clone(), side: String::new(), also: Vec::new(), seed: 0, save: Some(p), replay: None });
                        }
                    }
                    Err(e) => {
                        right.colored_label(egui::Color32::from_rgb(230, 120, 90), format!("{name}: cannot be read ({e})"));
                    }
                }
            }
            right.separator();
            class_game(right, menu, &settings, &mut commands);
            if !menu.error.is_empty() {
                right.colored_label(egui::Color32::from_rgb(230, 120, 90), &menu.error);
            }
        });
    });
    Ok(())
}

/// The menu's class game: host the chosen scenario (the teacher's console opens in its own
/// window) or join a host on the network, leading the chosen side.
fn class_game(
    ui: &mut egui::Ui,
    menu: &mut Menu,
    settings: &super::settings::Settings,
    commands: &mut Commands,
) {
    ui.strong("Class game on the local network");
    let chosen = menu.entries.get(menu.chosen).cloned();
    ui.horizontal(|ui| {
        let host = ui
            .button("Host a class game")
            .on_hover_text("Opens the teacher's console for the chosen scenario and seed; teams join from their laptops with the address it shows.");
        if host.clicked()
            && let Some(e) = &chosen
        {
            let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("tradecraft"));
            let spawned = std::process::Command::new(exe)
                .arg("host")
                .arg(&e.path)
                .args(["--seed", &menu.seed.to_string()])
                .spawn();
            menu.class_note = match spawned {
                Ok(_) => "The teacher's console opens in its own window.".into(),
                Err(err) => format!("could not open the console: {err}"),
            };
        }
    });
    ui.horizontal(|ui| {
        ui.label("Host:");
        ui.add(
            egui::TextEdit::singleline(&mut menu.join_address)
                .hint_text("192.168.1.20:5150")
                .desired_width(150.0),
        );
        ui.label("Password:");
        ui.add(
            egui::TextEdit::singleline(&mut menu.join_password)
                .password(true)
                .desired_width(80.0),
        );
    });
    let ready = !menu.join_address.trim().is_empty() && !menu.side.is_empty();
    let join = ui
        .add_enabled(ready, egui::Button::new(format!("Join, leading {}", menu.side)))
        .on_hover_text(
            "Your team leads the side chosen above; the host's scenario file must be in your levels folder.",
        )
        .on_disabled_hover_text(
            "Write the host's address (the teacher's console shows it) and choose a side above.",
        );
    if join.clicked() {
        let request = super::state::JoinRequest {
            address: menu.join_address.trim().to_string(),
            side: menu.side.clone(),
            name: settings.player_name.clone(),
            password: menu.join_password.clone(),
            levels: levels_dir(),
        };
        match super::state::TeamNet::connect(&request) {
            Ok(net) => {
                commands.insert_resource(net);
                menu.class_note.clear();
            }
            Err(e) => menu.class_note = e,
        }
    }
    if !menu.class_note.is_empty() {
        ui.weak(&menu.class_note);
    }
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
