//! Hotseat's hand-over screen: between two sides' turns it covers the whole window, so the
//! team taking the laptop sees nothing of the other side's government, orders or drafts until
//! it clicks through. It is drawn from the two sides' names alone (not from the view).

use bevy_egui::egui;

use crate::tr;
use crate::ui::state::Action;

/// `to` takes the laptop from `from` (None: a month has just run and a new one begins).
/// `month` is the date of the month now being played.
pub fn hand_over(ui: &mut egui::Ui, to: &str, from: Option<&str>, month: &str) -> Vec<Action> {
    let mut out = Vec::new();
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.heading(match from {
            Some(from) => tr!("game-turn-ended", side = from),
            None => tr!("game-new-month", date = month),
        });
        ui.add_space(12.0);
        ui.label(tr!("game-pass-laptop", side = to));
        ui.weak(tr!("game-pass-laptop-note"));
        ui.add_space(18.0);
        if ui
            .button(egui::RichText::new(tr!("game-show-government", side = to)).size(18.0))
            .clicked()
        {
            out.push(Action::TakeOver);
        }
    });
    out
}
