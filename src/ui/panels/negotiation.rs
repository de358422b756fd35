//! The negotiation window: build a package (cuts, carve-outs, asks, purchases, investment,
//! the channel) and send it; the answers so far.

use bevy_egui::egui;

use super::*;

impl Draft {
    /// A fresh package for a dispute: its own sectors where the player has a tariff to cut
    /// ticked for a cut to zero.
    pub fn for_dispute(v: &View, dispute: &str) -> Draft {
        let d = v.disputes.iter().find(|d| d.id == dispute);
        let mine = |id: &str| {
            d.and_then(|d| d.rates.iter().find(|r| r.0 == id))
                .map_or(0.0, |r| r.1)
        };
        Draft {
            dispute: dispute.to_string(),
            title: d.map_or(String::new(), |d| d.title.clone()),
            sectors: v
                .sectors
                .iter()
                .map(|(id, name)| {
                    (
                        id.clone(),
                        name.clone(),
                        d.is_some_and(|d| d.sectors.contains(id)) && mine(id) > 0.0,
                        0.0,
                        false,
                    )
                })
                .collect(),
            asks: vec![(false, 0.0); v.sectors.len()],
            ..Draft::default()
        }
    }
}
/// The negotiation window's body: build a package and send it; see the answers so far.
pub fn negotiation(ui: &mut egui::Ui, v: &View, d: &mut Draft) -> Vec<Action> {
    let mut out = Vec::new();
    ui.strong(&d.title);
    ui.label("Channel:");
    ui.horizontal(|ui| {
        let summit = format!(
            "fast, costs {:.0} political capital; a failure goes public",
            v.params.summit_cost
        );
        for (c, tip) in [
            (Channel::WorkingLevel, "slow and quiet: keeps salience low"),
            (Channel::Ministerial, "faster, a little more visible"),
            (Channel::Leaders, summit.as_str()),
        ] {
            ui.radio_value(&mut d.channel, c, capitalised(c.label()))
                .on_hover_text(tip);
        }
    });
    ui.separator();
    let rates = v
        .disputes
        .iter()
        .find(|x| x.id == d.dispute)
        .map(|x| x.rates.clone())
        .unwrap_or_default();
    ui.weak(
        "Your offer cuts your own tariffs on them. If they accept, they take back their new tariffs on you in the disputed sectors you have not left out, and cut what you ask; if you accept theirs, you do the same.",
    );
    ui.spacing_mut().slider_width = 70.0;
    egui::Grid::new("package").striped(true).show(ui, |ui| {
        ui.strong("sector");
        ui.strong("yours / theirs now");
        ui.strong("cut your tariff");
        ui.strong("to");
        ui.strong("leave out");
        ui.strong("ask theirs down");
        ui.strong("to");
        ui.end_row();
        if d.asks.len() != d.sectors.len() {
            d.asks.resize(d.sectors.len(), (false, 0.0));
        }
        for (s, ask) in d.sectors.iter_mut().zip(d.asks.iter_mut()) {
            ui.label(&s.1);
            match rates.iter().find(|r| r.0 == s.0) {
                Some((_, mine, theirs)) => ui
                    .label(format!("{:.1}% / {:.1}%", mine * 100.0, theirs * 100.0))
                    .on_hover_text("your tariff on their goods / their tariff on yours"),
                None => ui.label("—"),
            };
            // A cut goes down from the rate in force, an ask down from theirs: never up.
            let (mine, theirs) = rates
                .iter()
                .find(|r| r.0 == s.0)
                .map_or((0.0, 0.0), |r| (r.1, r.2));
            // Nothing to cut where the tariff is already 0%: the box stays unticked.
            s.2 &= mine > 0.0;
            ui.add_enabled(mine > 0.0, egui::Checkbox::without_text(&mut s.2));
            s.3 = s.3.min(mine);
            if mine > 0.0 {
                ui.add(percent_slider(&mut s.3, mine));
            } else {
                ui.weak("—")
                    .on_hover_text("your tariff here is already 0%: nothing to cut");
            }
            ui.checkbox(&mut s.4, "")
                .on_hover_text("a carve-out: the sector stays outside the deal");
            ask.0 &= theirs > 0.0;
            ui.add_enabled(theirs > 0.0, egui::Checkbox::without_text(&mut ask.0))
                .on_hover_text(
                    "a package: if they accept, their tariff on your goods here comes down to this rate",
                );
            ask.1 = ask.1.min(theirs);
            if theirs > 0.0 {
                ui.add(percent_slider(&mut ask.1, theirs));
            } else {
                ui.weak("—")
                    .on_hover_text("their tariff here is already 0%: nothing to ask");
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.label("Purchases (bn USD/yr):");
        ui.add(
            egui::DragValue::new(&mut d.purchases)
                .range(0.0..=1000.0)
                .speed(0.5),
        );
        ui.label("Investment pledge (bn USD):");
        ui.add(
            egui::DragValue::new(&mut d.investment)
                .range(0.0..=1000.0)
                .speed(1.0),
        );
    });
    if let Some(e) = &d.error {
        ui.colored_label(ERROR, format!("Not sent: {e}"));
    }
    ui.horizontal(|ui| {
        if ui.button("Send offer").clicked() {
            out.push(Action::Issue(d.command()));
        }
        if ui.button("Forecast").on_hover_text(FORECAST_TIP).clicked() {
            out.push(Action::Forecast(d.command()));
        }
    });
    let answers: Vec<&(String, String)> = v
        .answers
        .iter()
        .filter(|(_, t)| t.contains(&d.dispute) || t.contains(&d.title))
        .collect();
    ui.separator();
    if answers.is_empty() {
        ui.weak("No answer yet: the other side answers when a month runs (in the news too).");
    } else {
        ui.label("Answers so far:");
    }
    for (date, text) in answers {
        ui.horizontal_wrapped(|ui| {
            ui.weak(date);
            ui.label(text);
        });
    }
    out
}
