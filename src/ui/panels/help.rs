//! The glossary window and the map's hover card.

use bevy_egui::egui;

use super::*;
use crate::i18n::Lang;
use crate::ui::glossary;

/// Every term in the current language followed by its other language's term, then its
/// explanation: "Audience costs (観衆費用)", "観衆費用（Audience costs）".
pub fn glossary(ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (_, id) in glossary::ENTRIES {
            ui.horizontal_wrapped(|ui| {
                // A Japanese full-width parenthesis brings its own space.
                if crate::i18n::lang() == Lang::Ja {
                    ui.spacing_mut().item_spacing.x = 0.0;
                }
                ui.strong(glossary::term(id));
                ui.weak(crate::tr!("help-glossary-other", term = glossary::other_term(id)));
            });
            ui.label(glossary::text(id));
            ui.add_space(6.0);
        }
    });
}
/// What the map shows for the country under the pointer.
pub fn map_tooltip(ui: &mut egui::Ui, v: &View, iso: &str, state: Option<&str>) {
    let Some(s) = state.and_then(|id| v.states.iter().find(|s| s.id == id)) else {
        let country = crate::ui::map::country_name(iso);
        ui.label(crate::tr!("help-map-not-in-scenario", country = country));
        return;
    };
    ui.strong(&s.name);
    ui.label(crate::tr!("help-map-alignment", value = signed2(s.alignment)));
    ui.label(crate::tr!(
        "help-map-approval",
        approval = format!("{:.0}", s.approval * 100.0),
        cpi = format!("{:.2}", s.cpi)
    ));
    if s.id != v.player {
        ui.label(crate::tr!(
            "help-map-trust",
            player = v.side_label(&v.player),
            trust = format!("{:.2}", s.trust_in_player),
            theirs = format!("{:.2}", s.trust_from_player)
        ));
        if let Some((_, t)) = v.trade.iter().find(|(p, _)| *p == s.id) {
            let amount = match crate::i18n::lang() {
                Lang::En => format!("{t:.0}"),
                lang => crate::i18n::format::billions(lang, "$", *t),
            };
            ui.label(crate::tr!(
                "help-map-trade",
                player = v.side_label(&v.player),
                amount = amount
            ));
        }
    }
}
