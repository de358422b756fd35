//! The news feed and the player's own orders (queued, done, refused).

use bevy_egui::egui;

use super::*;
use crate::tr;

pub fn news(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading(tr!("game-news"));
    egui::ScrollArea::vertical()
        .id_salt("news_scroll")
        .show(ui, |ui| {
            for n in &v.news {
                ui.horizontal_wrapped(|ui| {
                    // The date stays beside its headline: one label, the date in weak text.
                    let mut item = egui::text::LayoutJob::default();
                    let font = egui::TextStyle::Body.resolve(ui.style());
                    item.append(
                        &format!("{}  ", v.date_label(&n.date)),
                        0.0,
                        egui::TextFormat::simple(font.clone(), ui.visuals().weak_text_color()),
                    );
                    item.append(
                        &n.headline,
                        0.0,
                        egui::TextFormat::simple(font, ui.visuals().text_color()),
                    );
                    let about_state = v.states.iter().any(|s| s.id == n.about);
                    let about_dispute = v.disputes.iter().any(|d| d.id == n.about);
                    let chosen = (about_state && v.selected.as_deref() == Some(n.about.as_str()))
                        || (about_dispute && v.selected_dispute.as_deref() == Some(n.about.as_str()));
                    let r = ui.selectable_label(chosen, item);
                    if r.clicked() && about_state {
                        out.push(Action::Select(n.about.clone()));
                    }
                    if r.clicked() && about_dispute {
                        out.push(Action::SelectDispute(n.about.clone()));
                    }
                    if let Some(q) = &n.quote {
                        ui.label(egui::RichText::new(tr!("game-quote", quote = q)).italics());
                    }
                });
            }
        });
    out
}
/// What became of the player's own orders lately; the ones still queued can be cancelled.
pub fn orders(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading(tr!("game-your-orders"));
    for (i, q) in v.queued.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button(tr!("game-cancel"))
                .on_hover_text(tr!("game-cancel-tip"))
                .clicked()
            {
                out.push(Action::CancelOrder(i));
            }
            ui.label(tr!("game-queued", order = q));
        });
    }
    if v.orders.is_empty() && v.queued.is_empty() {
        ui.weak(tr!("game-no-orders"));
    }
    for (date, text) in &v.orders {
        ui.horizontal_wrapped(|ui| {
            ui.weak(v.date_label(date));
            ui.label(text);
        });
    }
    out
}
