//! The settings window.

use bevy_egui::egui;

use super::*;
use crate::tr;

/// The settings window: language, UI scale, contrast, the player's name.
pub fn settings(ui: &mut egui::Ui, now: &crate::ui::settings::Settings) -> Vec<Action> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        ui.label(tr!("settings-language"));
        let current = crate::ui::settings::language(now);
        for lang in crate::i18n::Lang::ALL {
            if ui
                .selectable_label(current == lang, lang.native_name())
                .on_hover_text(crate::i18n::message_in(lang, "language-tip", None))
                .clicked()
                && (current != lang || now.language.is_none())
            {
                out.push(Action::Language(lang));
            }
        }
    });
    let mut s = now.ui_scale;
    ui.horizontal(|ui| {
        ui.label(tr!("settings-scale"));
        let r = ui.add(egui::Slider::new(&mut s, crate::ui::settings::SCALE_RANGE).step_by(0.05));
        if r.drag_stopped() || (r.changed() && !r.dragged()) {
            out.push(Action::Scale(s));
        }
        if ui.button(tr!("settings-reset")).clicked() {
            out.push(Action::Scale(1.0));
        }
    });
    let mut contrast = now.high_contrast;
    if ui
        .checkbox(&mut contrast, tr!("settings-contrast"))
        .on_hover_text(tr!("settings-contrast-tip"))
        .changed()
    {
        out.push(Action::HighContrast(contrast));
    }
    ui.horizontal(|ui| {
        ui.label(tr!("settings-name"));
        let mut name = now.player_name.clone();
        let field = ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(160.0))
            .on_hover_text(tr!("settings-name-tip"));
        if field.changed() {
            out.push(Action::PlayerName(name));
        }
        // Written once the name is typed, not at every key.
        if field.lost_focus() {
            out.push(Action::KeepSettings);
        }
    });
    ui.weak(tr!("settings-saved"));
    out
}
