//! The settings window.

use bevy_egui::egui;

use super::*;

/// The settings window: UI scale, contrast, the player's name.
pub fn settings(ui: &mut egui::Ui, now: &crate::ui::settings::Settings) -> Vec<Action> {
    let mut out = Vec::new();
    let mut s = now.ui_scale;
    ui.horizontal(|ui| {
        ui.label("UI scale:");
        let r = ui.add(egui::Slider::new(&mut s, crate::ui::settings::SCALE_RANGE).step_by(0.05));
        if r.drag_stopped() || (r.changed() && !r.dragged()) {
            out.push(Action::Scale(s));
        }
        if ui.button("Reset").clicked() {
            out.push(Action::Scale(1.0));
        }
    });
    let mut contrast = now.high_contrast;
    if ui
        .checkbox(&mut contrast, "High contrast (for a projector)")
        .on_hover_text(
            "White text on black; with a larger UI scale a class can read it from the back of the room.",
        )
        .changed()
    {
        out.push(Action::HighContrast(contrast));
    }
    ui.horizontal(|ui| {
        ui.label("Your name (or your team's):");
        let mut name = now.player_name.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(160.0))
            .on_hover_text("It goes into the names of your save files.")
            .changed()
        {
            out.push(Action::PlayerName(name));
        }
    });
    ui.weak("Saved for the next game.");
    out
}
