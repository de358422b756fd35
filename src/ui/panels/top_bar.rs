//! The top bar: where and when, the score, the clock, the game menu and the map lens.

use bevy_egui::egui;

use super::*;
use crate::tr;

/// The top bar: where and when, the score, the clock's controls, the game's menu and the map
/// lens. Kept short so that it holds one or two rows even at a projector's UI scale.
pub fn top_bar(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(&v.title).strong());
        ui.separator();
        if v.month >= v.length {
            ui.strong(tr!("top-bar-sandbox", date = v.date_label(&v.date)))
                .on_hover_text(tr!("top-bar-sandbox-tip", n = v.length));
        } else {
            ui.strong(tr!(
                "top-bar-date",
                date = v.date_label(&v.date),
                month = v.month + 1,
                length = v.length
            ));
        }
        match v.leader(&v.player) {
            Some(leader) => ui
                .label(tr!(
                    "top-bar-you-lead-as",
                    side = v.side_label(&v.player),
                    leader = leader
                ))
                .on_hover_text(crate::ui::glossary::gloss("Leadership change")),
            None => ui.label(tr!("top-bar-you-lead", side = v.side_label(&v.player))),
        };
        if let Some(score) = v.score {
            ui.separator();
            let key = if v.score_final {
                "top-bar-final-score"
            } else {
                "top-bar-score-so-far"
            };
            ui.label(tr!(key, score = format!("{score:.0}")))
                .on_hover_ui(|ui| score_breakdown(ui, v));
        }
        // A shortage of a strategic input that caps the player's industries: news they must not miss.
        let binding: Vec<String> = v
            .caps
            .iter()
            .filter(|c| c.cap < 0.95)
            .map(|c| format!("{} {:.0}%", c.name, c.cap * 100.0))
            .collect();
        if !binding.is_empty() {
            ui.separator();
            let mut inputs: Vec<&str> = v.caps.iter().map(|c| c.input.as_str()).collect();
            inputs.dedup();
            ui.label(
                egui::RichText::new(tr!("top-bar-output-capped", list = binding.join(", "))).color(ERROR),
            )
            .on_hover_text(format!(
                "{}\n\n{}",
                tr!(
                    "top-bar-output-capped-tip",
                    inputs = and_list(&inputs).to_lowercase()
                ),
                super::industries::bottleneck_why(v)
            ));
        }
        ui.separator();
        if let Some(r) = &v.replay {
            match &r.taken {
                None => {
                    ui.label(egui::RichText::new(tr!("top-bar-replay-of", file = &r.file)).strong());
                    if ui
                        .button(tr!("top-bar-take-over"))
                        .on_hover_text(tr!("top-bar-take-over-tip", side = v.side_label(&v.player)))
                        .clicked()
                    {
                        out.push(Action::TakeOverReplay);
                    }
                }
                Some(date) => {
                    ui.weak(tr!("top-bar-branched", file = &r.file, date = v.date_label(date)));
                }
            }
            ui.separator();
        }
        if let Some(c) = &v.class {
            out.extend(super::class_controls(ui, v, c));
        } else if !v.turns.is_empty() {
            // Hotseat: no clock; the month runs when every side has ended its turn.
            let waiting: Vec<String> = v
                .turns
                .iter()
                .filter(|(s, done)| !done && *s != v.player)
                .map(|(s, _)| v.name(s))
                .collect();
            let hint = if waiting.is_empty() {
                tr!("top-bar-last-turn")
            } else {
                tr!("top-bar-next-turn", sides = and_list(&waiting))
            };
            if ui
                .button(tr!("top-bar-end-turn", side = v.name(&v.player)))
                .on_hover_text(format!("{}\n\n{hint}", tr!("top-bar-key-period")))
                .clicked()
            {
                out.push(Action::EndTurn);
            }
        }
        // One clock for the whole class: the host's (hotseat: the turns').
        let own_clock = v.turns.is_empty() && v.class.is_none();
        let label = if v.paused {
            tr!("top-bar-play")
        } else {
            tr!("top-bar-pause")
        };
        if own_clock && ui.button(label).on_hover_text(tr!("top-bar-key-space")).clicked() {
            out.push(Action::TogglePause);
        }
        if own_clock
            && ui
                .button(tr!("top-bar-step"))
                .on_hover_text(tr!("top-bar-key-period"))
                .clicked()
        {
            out.push(Action::Step);
        }
        for s in (1..=3u8).filter(|_| own_clock) {
            if ui
                .selectable_label(!v.paused && v.speed == s, format!("{s}×"))
                .on_hover_text(tr!("top-bar-key", key = s.to_string()))
                .clicked()
            {
                out.push(Action::Speed(s));
            }
        }
        ui.separator();
        ui.menu_button(tr!("top-bar-game"), |ui| {
            // A class game's world is the host's: a team keeps a copy (Save) but loads nothing.
            let class = v.class.is_some();
            for (label, key, action) in [
                (tr!("top-bar-save"), "F5", Action::Save),
                (tr!("top-bar-load"), "F9", Action::Load),
                (tr!("top-bar-settings"), "", Action::ToggleSettings),
                (
                    if class {
                        tr!("top-bar-leave-class")
                    } else {
                        tr!("top-bar-main-menu")
                    },
                    "",
                    Action::ToMenu,
                ),
            ]
            .into_iter()
            .filter(|(_, _, a)| !(class && *a == Action::Load))
            {
                if ui.button(label).on_hover_text(key).clicked() {
                    out.push(action);
                    ui.close();
                }
            }
            if !v.injects.is_empty() && !class {
                ui.separator();
                ui.menu_button(tr!("top-bar-inject"), |ui| {
                    ui.weak(tr!("top-bar-inject-note"));
                    for x in &v.injects {
                        let (label, hover) = if x.fired {
                            (
                                tr!("top-bar-inject-fired", title = &x.title),
                                tr!("top-bar-inject-fired-tip"),
                            )
                        } else if x.queued {
                            (
                                tr!("top-bar-inject-queued", title = &x.title),
                                tr!("top-bar-inject-queued-tip"),
                            )
                        } else {
                            (x.title.clone(), x.note.clone())
                        };
                        let button = ui.add_enabled(!x.fired && !x.queued, egui::Button::new(label));
                        if button
                            .on_hover_text(hover)
                            .on_disabled_hover_text(&x.note)
                            .clicked()
                        {
                            out.push(Action::Inject(x.id.clone()));
                            ui.close();
                        }
                    }
                });
            }
        });
        if v.month >= v.length && ui.button(tr!("top-bar-results")).clicked() {
            out.push(Action::ToggleResults);
        }
        if ui.button(tr!("top-bar-help")).on_hover_text("F1").clicked() {
            out.push(Action::ToggleHelp);
        }
        if ui.button(tr!("top-bar-glossary")).clicked() {
            out.push(Action::ToggleGlossary);
        }
        ui.separator();
        ui.label(tr!("top-bar-map"));
        for lens in Lens::ALL {
            if ui.selectable_label(v.lens == lens, lens.label()).clicked() {
                out.push(Action::Lens(lens));
            }
        }
        if !v.notice.is_empty() {
            ui.separator();
            ui.weak(&v.notice);
        }
    });
    out
}
