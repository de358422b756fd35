//! The panels: each draws a read-only `View` and returns what the user asked for.

use bevy_egui::egui;

use super::view::View;
use crate::command::{Channel, Command, Tone};
use crate::scenario::Rung;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Step,
    TogglePause,
    Speed(u8),
    Issue(Command),
    Lens(super::map::Lens),
    Select(String),
}

pub fn top_bar(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.heading("Tradecraft");
        ui.separator();
        ui.label(&v.title);
        ui.separator();
        ui.strong(format!("{}  (month {} of {})", v.date, v.month + 1, v.length));
        ui.separator();
        ui.label(format!("You lead {}", v.player));
        if let Some(score) = v.score {
            ui.separator();
            ui.label(format!("Score so far: {score:.0}/100"));
        }
        ui.separator();
        let label = if v.paused { "▶ Play" } else { "Pause" };
        if ui.button(label).on_hover_text("Space").clicked() {
            out.push(Action::TogglePause);
        }
        if ui.button("Step one month").on_hover_text("Period (.)").clicked() {
            out.push(Action::Step);
        }
        for s in 1..=3u8 {
            if ui
                .selectable_label(!v.paused && v.speed == s, format!("{s}×"))
                .clicked()
            {
                out.push(Action::Speed(s));
            }
        }
        ui.separator();
        ui.label("Map:");
        for lens in super::map::Lens::ALL {
            if ui.selectable_label(v.lens == lens, lens.label()).clicked() {
                out.push(Action::Lens(lens));
            }
        }
    });
    out
}

pub fn states(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading("States");
    egui::ScrollArea::vertical()
        .id_salt("states_scroll")
        .show(ui, |ui| {
            egui::Grid::new("states_grid").striped(true).show(ui, |ui| {
                for h in [
                    "",
                    "CPI",
                    "jobs (k)",
                    "welfare",
                    "approval",
                    "align.",
                    "trust in you",
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for s in &v.states {
                    let chosen = v.selected.as_deref() == Some(s.id.as_str());
                    if ui
                        .selectable_label(chosen, &s.id)
                        .on_hover_text(&s.name)
                        .clicked()
                    {
                        out.push(Action::Select(s.id.clone()));
                    }
                    ui.label(format!("{:.2}", s.cpi));
                    ui.label(format!("{:.0}", s.employment));
                    ui.label(format!("{:.2}", s.welfare));
                    ui.label(format!("{:.0}%", s.approval * 100.0));
                    ui.label(format!("{:+.2}", s.alignment))
                        .on_hover_text("−1 leans to China, +1 to the United States");
                    ui.label(format!("{:.2}", s.trust_in_player));
                    ui.end_row();
                }
            });
            if !v.votes.is_empty() {
                ui.separator();
                ui.heading("Framework applicants");
                for (f, a, yes, n) in &v.votes {
                    ui.label(format!(
                        "{a} applying to {f}: {yes} of {n} members in favour (consensus needed)"
                    ));
                }
            }
        });
    out
}

fn rung_name(r: Rung) -> &'static str {
    match r {
        Rung::WorkingLevel => "Working level",
        Rung::Ministerial => "Ministerial",
        Rung::DisputeSettlement => "Dispute settlement",
        Rung::Leaders => "Leaders",
        Rung::Public => "Public confrontation",
    }
}

pub fn disputes(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading("Disputes");
    egui::ScrollArea::vertical()
        .id_salt("disputes_scroll")
        .show(ui, |ui| {
            for d in &v.disputes {
                ui.group(|ui| {
                    ui.strong(&d.title);
                    ui.label(format!(
                        "{} v {}  ·  salience {:.0}%",
                        d.parties.0,
                        d.parties.1,
                        d.salience * 100.0
                    ));
                    if !d.open {
                        ui.label("Settled.");
                        return;
                    }
                    ui.horizontal_wrapped(|ui| {
                        for r in Rung::ALL {
                            let lit = r == d.rung;
                            let text = egui::RichText::new(rung_name(r));
                            let text = if lit {
                                text.strong().color(egui::Color32::from_rgb(240, 170, 60))
                            } else {
                                text.weak()
                            };
                            ui.label(text);
                            if r != Rung::Public {
                                ui.label("›");
                            }
                        }
                    });
                    if !d.involves_player {
                        return;
                    }
                    ui.horizontal_wrapped(|ui| {
                        let id = d.id.clone();
                        if ui
                            .button("Talk at working level")
                            .on_hover_text("Slow, quiet, keeps salience low")
                            .clicked()
                        {
                            out.push(Action::Issue(Command::OpenNegotiation {
                                dispute: id.clone(),
                                channel: Channel::WorkingLevel,
                                scope: vec![],
                                excluded: vec![],
                            }));
                        }
                        if ui.button("Conciliatory statement").clicked() {
                            out.push(Action::Issue(Command::Statement {
                                dispute: id.clone(),
                                tone: Tone::Conciliatory,
                            }));
                        }
                        if ui
                            .button("Hostile statement")
                            .on_hover_text("Plays well at home; raises salience")
                            .clicked()
                        {
                            out.push(Action::Issue(Command::Statement {
                                dispute: id.clone(),
                                tone: Tone::Hostile,
                            }));
                        }
                        if d.rung < Rung::DisputeSettlement && ui.button("Take to the WTO").clicked() {
                            out.push(Action::Issue(Command::FileDispute { dispute: id.clone() }));
                        }
                        if d.offer_for_player && ui.button("Accept their offer").clicked() {
                            out.push(Action::Issue(Command::AcceptOffer { dispute: id.clone() }));
                        }
                    });
                });
            }
        });
    out
}

pub fn news(ui: &mut egui::Ui, v: &View) {
    ui.heading("News");
    egui::ScrollArea::vertical()
        .id_salt("news_scroll")
        .show(ui, |ui| {
            for n in &v.news {
                ui.horizontal_wrapped(|ui| {
                    ui.weak(&n.date);
                    ui.label(&n.headline);
                    if let Some(q) = &n.quote {
                        ui.label(egui::RichText::new(format!("“{q}”")).italics());
                    }
                });
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
        "alignment {:+.2} (−1 China … +1 United States)",
        s.alignment
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
