//! The glossary window and the map's hover card.

use bevy_egui::egui;

use super::*;

pub fn glossary(ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (term, text) in crate::ui::glossary::ENTRIES {
            ui.strong(term);
            ui.label(text);
            ui.add_space(6.0);
        }
    });
}
/// What the map shows for the country under the pointer.
pub fn map_tooltip(ui: &mut egui::Ui, v: &View, iso: &str, state: Option<&str>) {
    let Some(s) = state.and_then(|id| v.states.iter().find(|s| s.id == id)) else {
        ui.label(format!("{iso}: not in this scenario"));
        return;
    };
    ui.strong(&s.name);
    ui.label(format!(
        "alignment {} (−1 China … +1 United States)",
        signed2(s.alignment)
    ));
    ui.label(format!(
        "approval {:.0}%  ·  CPI {:.2}",
        s.approval * 100.0,
        s.cpi
    ));
    if s.id != v.player {
        ui.label(format!(
            "trust in {}: {:.2}  ·  {}'s trust in them: {:.2}",
            v.player, s.trust_in_player, v.player, s.trust_from_player
        ));
        if let Some((_, t)) = v.trade.iter().find(|(p, _)| *p == s.id) {
            ui.label(format!("trade with {}: {t:.0} bn USD/yr", v.player));
        }
    }
}
