//! The negotiation window: build a package (cuts, carve-outs, asks, purchases, investment,
//! the channel) and send it; the answers so far.

use bevy_egui::egui;

use super::*;
use crate::tr;

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
    ui.label(tr!("negotiation-channel"));
    ui.horizontal(|ui| {
        let summit = tr!(
            "negotiation-leaders-tip",
            cost = format!("{:.0}", v.params.summit_cost)
        );
        for (c, name, tip) in [
            (
                Channel::WorkingLevel,
                tr!("negotiation-working-level"),
                tr!("negotiation-working-level-tip"),
            ),
            (
                Channel::Ministerial,
                tr!("negotiation-ministerial"),
                tr!("negotiation-ministerial-tip"),
            ),
            (Channel::Leaders, tr!("negotiation-leaders"), summit),
        ] {
            ui.radio_value(&mut d.channel, c, name).on_hover_text(tip);
        }
    });
    ui.separator();
    let rates = v
        .disputes
        .iter()
        .find(|x| x.id == d.dispute)
        .map(|x| x.rates.clone())
        .unwrap_or_default();
    ui.weak(tr!("negotiation-explain"));
    ui.spacing_mut().slider_width = 70.0;
    egui::Grid::new("package").striped(true).show(ui, |ui| {
        for key in [
            "negotiation-col-sector",
            "negotiation-col-rates",
            "negotiation-col-cut",
            "negotiation-col-to",
            "negotiation-col-leave-out",
            "negotiation-col-ask",
            "negotiation-col-to",
        ] {
            ui.strong(tr!(key));
        }
        ui.end_row();
        if d.asks.len() != d.sectors.len() {
            d.asks.resize(d.sectors.len(), (false, 0.0));
        }
        for (s, ask) in d.sectors.iter_mut().zip(d.asks.iter_mut()) {
            ui.label(&s.1);
            match rates.iter().find(|r| r.0 == s.0) {
                Some((_, mine, theirs)) => ui
                    .label(format!("{:.1}% / {:.1}%", mine * 100.0, theirs * 100.0))
                    .on_hover_text(tr!("negotiation-rates-tip")),
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
                ui.weak("—").on_hover_text(tr!("negotiation-nothing-to-cut"));
            }
            ui.checkbox(&mut s.4, "")
                .on_hover_text(tr!("negotiation-carve-out-tip"));
            ask.0 &= theirs > 0.0;
            ui.add_enabled(theirs > 0.0, egui::Checkbox::without_text(&mut ask.0))
                .on_hover_text(tr!("negotiation-ask-tip"));
            ask.1 = ask.1.min(theirs);
            if theirs > 0.0 {
                ui.add(percent_slider(&mut ask.1, theirs));
            } else {
                ui.weak("—").on_hover_text(tr!("negotiation-nothing-to-ask"));
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr!("negotiation-purchases"));
        ui.add(
            egui::DragValue::new(&mut d.purchases)
                .range(0.0..=1000.0)
                .speed(0.5),
        );
        ui.label(tr!("negotiation-investment"));
        ui.add(
            egui::DragValue::new(&mut d.investment)
                .range(0.0..=1000.0)
                .speed(1.0),
        );
    });
    if let Some(e) = &d.error {
        ui.colored_label(ERROR, tr!("negotiation-not-sent", error = crate::i18n::local(e)));
    }
    ui.horizontal(|ui| {
        if ui.button(tr!("negotiation-send")).clicked() {
            out.push(Action::Issue(d.command()));
        }
        if ui
            .button(tr!("negotiation-forecast"))
            .on_hover_text(FORECAST_TIP)
            .clicked()
        {
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
        ui.weak(tr!("negotiation-no-answer"));
    } else {
        ui.label(tr!("negotiation-answers"));
    }
    for (date, text) in answers {
        ui.horizontal_wrapped(|ui| {
            ui.weak(v.date_label(date));
            ui.label(text);
        });
    }
    out
}
