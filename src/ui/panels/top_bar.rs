//! The top bar: where and when, the score, the clock, the game menu and the map lens.

use bevy_egui::egui;

use super::*;

/// The top bar: where and when, the score, the clock's controls, the game's menu and the map
/// lens. Kept short so that it holds one or two rows even at a projector's UI scale.
pub fn top_bar(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(&v.title).strong());
        ui.separator();
        if v.month >= v.length {
            ui.strong(format!("{}  · sandbox", v.date)).on_hover_text(format!(
                "The scenario's {} months are over and the score is final. Playing on is a sandbox: the world moves, the score does not.",
                v.length
            ));
        } else {
            ui.strong(format!("{}  (month {} of {})", v.date, v.month + 1, v.length));
        }
        match v.leader(&v.player) {
            Some(leader) => ui
                .label(format!("· you lead {} as {leader}", v.player))
                .on_hover_text(crate::ui::glossary::gloss("Leadership change")),
            None => ui.label(format!("· you lead {}", v.player)),
        };
        if let Some(score) = v.score {
            ui.separator();
            let label = if v.score_final { "Final score" } else { "Score so far" };
            ui.label(format!("{label}: {score:.0}/100"))
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
            ui.label(egui::RichText::new(format!("Output capped: {}", binding.join(", "))).color(ERROR))
                .on_hover_text(format!(
                    "A shortage of {} caps what your industries can make (share of capacity). See Industries & trade.\n\n{}",
                    inputs.join(" and ").to_lowercase(),
                    super::industries::bottleneck_why(v)
                ));
        }
        ui.separator();
        if let Some(r) = &v.replay {
            match &r.taken {
                None => {
                    ui.label(egui::RichText::new(format!("Replay of {}", r.file)).strong());
                    if ui
                        .button("Take over from here")
                        .on_hover_text(format!(
                            "From this month you lead {} yourself: the replay's orders for {} from now on are dropped, the other states' stay. The end screen then shows your run beside the replay's path.",
                            v.player, v.player
                        ))
                        .clicked()
                    {
                        out.push(Action::TakeOverReplay);
                    }
                }
                Some(date) => {
                    ui.weak(format!("branched from {} in {date}", r.file));
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
                "Every other side has ended its turn: the month runs when you end yours.".to_string()
            } else {
                format!("Then the laptop goes to {} (a hand-over screen hides your government).", waiting.join(" and "))
            };
            if ui
                .button(format!("End {}'s turn", v.name(&v.player)))
                .on_hover_text(format!("Period (.)\n\n{hint}"))
                .clicked()
            {
                out.push(Action::EndTurn);
            }
        }
        // One clock for the whole class: the host's (hotseat: the turns').
        let own_clock = v.turns.is_empty() && v.class.is_none();
        let label = if v.paused { "Play" } else { "Pause" };
        if own_clock && ui.button(label).on_hover_text("Space").clicked() {
            out.push(Action::TogglePause);
        }
        if own_clock && ui.button("Step one month").on_hover_text("Period (.)").clicked() {
            out.push(Action::Step);
        }
        for s in (1..=3u8).filter(|_| own_clock) {
            if ui
                .selectable_label(!v.paused && v.speed == s, format!("{s}×"))
                .on_hover_text(format!("key {s}"))
                .clicked()
            {
                out.push(Action::Speed(s));
            }
        }
        ui.separator();
        ui.menu_button("Game", |ui| {
            // A class game's world is the host's: a team keeps a copy (Save) but loads nothing.
            let class = v.class.is_some();
            for (label, key, action) in [
                ("Save", "F5", Action::Save),
                ("Load", "F9", Action::Load),
                ("Settings", "", Action::ToggleSettings),
                (if class { "Leave the class game" } else { "Main menu" }, "", Action::ToMenu),
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
                ui.menu_button("Teacher: fire an inject", |ui| {
                    ui.weak("Each fires once, at the start of next month; every team reads its news.");
                    for x in &v.injects {
                        let (label, hover) = if x.fired {
                            (format!("{} (fired)", x.title), "Already fired.".to_string())
                        } else if x.queued {
                            (format!("{} (next month)", x.title), "Fires when the month runs.".to_string())
                        } else {
                            (x.title.clone(), x.note.clone())
                        };
                        let button = ui.add_enabled(!x.fired && !x.queued, egui::Button::new(label));
                        if button.on_hover_text(hover).on_disabled_hover_text(&x.note).clicked() {
                            out.push(Action::Inject(x.id.clone()));
                            ui.close();
                        }
                    }
                });
            }
        });
        if v.month >= v.length && ui.button("Results").clicked() {
            out.push(Action::ToggleResults);
        }
        if ui.button("Help").on_hover_text("F1").clicked() {
            out.push(Action::ToggleHelp);
        }
        if ui.button("Glossary").clicked() {
            out.push(Action::ToggleGlossary);
        }
        ui.separator();
        ui.label("Map:");
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
